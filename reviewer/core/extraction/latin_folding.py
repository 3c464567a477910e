"""Accented Latin letters read as their base letters by the speaker rules, and given back in the speakers found.

The English rules spell names with ASCII letters ("[A-Z][A-Za-z'’-]*"), so "Raúl Grijalva" gave "Ra" and
"Éric Zemmour" gave "Zemmour". `fold` replaces each accented Latin letter by its base letter, one character for
one, so every offset into the folded text is an offset into the original; `Unfolder` puts the article's own
spelling back into a speaker's name. Cyrillic and other scripts are left alone. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Latin-1 Supplement, Latin Extended-A and -B: the letters with diacritics news names use.
_ACCENTED = re.compile(r"[\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
_ACCENTED_WORD = re.compile(r"[^\W\d_]*[\u00c0-\u024f][^\W\d_]*")


@lru_cache(maxsize=1024)
def _base(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch  # "×", "ø", "ß" have no ASCII letter: kept


def fold(text: str) -> str:
    """``text`` with accented Latin letters as their base letters ("Raúl" -> "Raul"), the same length."""
    if not _ACCENTED.search(text):
        return text
    return _ACCENTED.sub(lambda match: _base(match.group()), text)


class Unfolder:
    """The article's own spelling of the words `fold` changed: "Raul Grijalva" -> "Raúl Grijalva"."""

    def __init__(self, text: str):
        self._spelling: dict[str, str] = {}
        for match in _ACCENTED_WORD.finditer(text):
            self._spelling.setdefault(fold(match.group()), match.group())

    def __call__(self, name: str) -> str:
        if not self._spelling:
            return name
        return _WORD.sub(lambda match: self._spelling.get(match.group(), match.group()), name)
