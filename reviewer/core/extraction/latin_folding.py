"""Accented Latin letters read as their base letters by the speaker rules, and given back in the speakers found.

The English rules spell names with ASCII letters ("[A-Z][A-Za-z'’-]*"), so "Raúl Grijalva" gave "Ra" and
"Éric Zemmour" gave "Zemmour". `fold` replaces each accented Latin letter by its base letter, one character for
one, so every offset into the folded text is an offset into the original; `Unfolder` puts the article's own
spelling back into a speaker's name. Cyrillic and other scripts are left alone. Pure.
"""

from __future__ import annotations

import re
import unicodedata

# Latin-1 Supplement, Latin Extended-A and -B: the letters with diacritics news names use.
_ACCENTED = re.compile(r"[\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")


def _base(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch  # "×", "ø", "ß" have no ASCII letter: kept


_TABLE = {code: _base(chr(code)) for code in range(0x00C0, 0x0250) if _base(chr(code)) != chr(code)}


def fold(text: str) -> str:
    """``text`` with accented Latin letters as their base letters ("Raúl" -> "Raul"), the same length."""
    if not _ACCENTED.search(text):
        return text
    return text.translate(_TABLE)


class Unfolder:
    """The article's own spelling of the words `fold` changed: "Raul Grijalva" -> "Raúl Grijalva"."""

    def __init__(self, text: str):
        self._spelling: dict[str, str] = {}
        done = 0
        for accent in _ACCENTED.finditer(text):
            if accent.start() < done:
                continue  # a letter of a word already kept
            start = accent.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            end = accent.end()
            while end < len(text) and text[end].isalpha():
                end += 1
            done = end  # each character is looked at a bounded number of times: a megabyte word stays linear
            word = text[start:end]
            self._spelling.setdefault(fold(word), word)

    def __call__(self, name: str) -> str:
        if not self._spelling:
            return name
        return _WORD.sub(lambda match: self._spelling.get(match.group(), match.group()), name)
