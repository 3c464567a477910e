"""Offline language guess: a declared code when there is one, else the script of the
letters, else common function words for a few Latin-script languages. Returns None
rather than a weak guess."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_DECLARED_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

_SCRIPT_LANG = {
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "THAI": "th",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "TAMIL": "ta",
    "ETHIOPIC": "am",
}

_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as are by this be at from",
    "fr": "le la les de des et est un une du que dans pour pas qui sur au avec",
    "de": "der die und das ist nicht ein eine zu den mit von sich auf für dem des",
    "es": "el la los las de que y en un una es por con para del se al lo",
    "pt": "o a os as de que e em um uma do da para com não por no na",
    "it": "il la di che e un una per non del della in sono con gli le al",
    "nl": "de het een van en is dat op te in niet met voor zijn er aan",
    "cs": "a je se na v že to s z do jsou o ve by jako ale pro",
}
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_WORD_RE = re.compile(r"[^\W\d_]+")


def normalise_declared(code: str | None) -> str | None:
    """``en-US`` -> ``en-US``, ``EN_gb`` -> ``en-GB``; junk -> None."""
    if not code:
        return None
    code = code.strip().split(",")[0].strip()
    if not _DECLARED_RE.match(code):
        return None
    parts = code.replace("_", "-").split("-")
    primary = parts[0].lower()
    if primary in {"und", "mul", "zxx", "xx"}:
        return None
    rest = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    return "-".join([primary, *rest])


def _script(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ", 1)[0]
    return "LATIN" if first == "LATIN" else first


def guess_language(text: str, declared: str | None = None) -> str | None:
    """Best offline guess of the text's language as a short code, or None. Pure."""
    code = normalise_declared(declared)
    if code:
        return code
    sample = text[:20_000]
    scripts: Counter[str] = Counter()
    for ch in sample:
        if ch.isalpha():
            script = _script(ch)
            if script:
                scripts[script] += 1
    letters = sum(scripts.values())
    if letters < 20:
        return None
    script, count = scripts.most_common(1)[0]
    if count < 0.5 * letters:
        return None
    if script in ("CJK", "HIRAGANA", "KATAKANA") and (scripts["HIRAGANA"] + scripts["KATAKANA"]) > 0.05 * letters:
        return "ja"
    if script == "CYRILLIC":
        if any(ch in sample for ch in "іїєґІЇЄҐ"):
            return "uk"
        return "ru"
    if script == "ARABIC" and any(ch in sample for ch in "پچژگک"):
        return "fa"
    if script != "LATIN":
        return _SCRIPT_LANG.get(script)
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if len(words) < 10:
        return None
    hits = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _WORD_SETS.items()}
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    if best_hits >= 0.1 * len(words) and best_hits >= 1.5 * second_hits:
        return best
    return None


def function_word_share(text: str, lang: str) -> float:
    """The share of the words of text[:20,000] that are common function words of `lang` (one of the
    Latin-script languages guess_language knows): about a third for English prose, under 0.05 for French."""
    words = [w.lower() for w in _WORD_RE.findall(text[:20_000])]
    vocab = _WORD_SETS[lang]
    return sum(1 for w in words if w in vocab) / len(words) if words else 0.0
