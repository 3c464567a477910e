"""A verdict written by someone else ("Mostly false", "Pants on Fire!") read onto a verdict scale.

"Seen before" reuses the verdict of a matched fact-check or review on the current claim. A
fact-check's rating is free text, so `map_verdict` finds the verdict of the active scale it
means: first a verdict whose key, label or ClaimReview name is the same words (case, punctuation
and hyphens ignored), else the kind of rating it is — false-like, true-like, misleading or
unverifiable, from a small table of the words fact-checkers use — and the verdict of the scale
that names that kind (a false-like rating on the default scale is "Disputed"); a false-like or
true-like rating on a scale without such a name takes the scale's worst or best rated verdict.
Nothing that fits: None, and the caller leaves the verdict unset.

`seen_before_note` writes the note line that says where the verdict came from. Pure; any thread.
"""

from __future__ import annotations

import re
import unicodedata

from .display import strip_bidi_controls
from .domain import Verdict, VerdictScale
from .urls import safe_url

# Kinds of rating, each with the words that say it, most specific first. A scale's verdict is of
# a kind when its key, label or ClaimReview name is one of these (the first listed wins).
FALSE_LIKE = (
    "false",
    "disputed",
    "incorrect",
    "inaccurate",
    "wrong",
    "not true",
    "untrue",
    "fake",
    "fake news",
    "fabricated",
    "hoax",
    "scam",
    "debunked",
    "baseless",
    "manipulated",
    "altered",
    "doctored",
    "mostly false",
    "pants on fire",
    "four pinocchios",
    "falso",
    "faux",
    "falsch",
    "ложь",
    "неправда",
    "фейк",
)
TRUE_LIKE = (
    "true",
    "supported",
    "correct",
    "accurate",
    "verified",
    "confirmed",
    "mostly true",
    "mostly correct",
    "mostly accurate",
    "verdadero",
    "vrai",
    "richtig",
    "правда",
)
MISLEADING_LIKE = (
    "misleading",
    "mixture",
    "half true",
    "half truth",
    "mixed",
    "partly false",
    "partially false",
    "partly true",
    "partially true",
    "partly correct",
    "missing context",
    "lacks context",
    "needs context",
    "out of context",
    "exaggerated",
    "exaggeration",
    "distorted",
    "cherry picks",
    "miscaptioned",
    "outdated",
    "spins the facts",
    "полуправда",
)
UNVERIFIABLE_LIKE = (
    "unverifiable",
    "unproven",
    "unverified",
    "unsupported",
    "no evidence",
    "not proven",
    "insufficient evidence",
    "not enough evidence",
    "lacks evidence",
    "undetermined",
    "unclear",
    "cannot be verified",
    "cant be verified",
    "research in progress",
    "inconclusive",
)
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("false", FALSE_LIKE),
    ("true", TRUE_LIKE),
    ("misleading", MISLEADING_LIKE),
    ("unverifiable", UNVERIFIABLE_LIKE),
)
# The words a rating may start with, longest first, so "not true" is read before "true".
_OPENINGS = sorted(((phrase, kind) for kind, phrases in KINDS for phrase in phrases), key=lambda item: -len(item[0]))
_FIRST_PART = re.compile(r"[.:;,(!?\n]| - | – | — ")
NOTE_FIELD_LIMIT = 300  # a publisher, title or verdict in the note line; the url is kept whole


def normalise(text: str) -> str:
    """Case, accents' composition, quotes, punctuation, hyphens and spacing ignored: "Pants-on-Fire!" ->
    "pants on fire"; "Can’t be verified" -> "cant be verified"."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"['’‘`´]", "", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def _names(verdict: Verdict) -> set[str]:
    return {normalise(name) for name in (verdict.key, verdict.label, verdict.alternate_name or "") if name}


def rating_kind(text: str) -> str | None:
    """'false', 'true', 'misleading' or 'unverifiable' for a rating in words, or None."""
    words = normalise(text)
    if not words:
        return None
    first = normalise(_FIRST_PART.split(text.strip(), maxsplit=1)[0])
    for candidate in (words, first):
        for kind, phrases in KINDS:
            if candidate in phrases:
                return kind
    for phrase, kind in _OPENINGS:
        if words == phrase or words.startswith(phrase + " "):
            return kind
    return None


def map_verdict(text: str | None, scale: VerdictScale) -> str | None:
    """The key of the verdict of ``scale`` that the rating ``text`` means, or None when none fits."""
    if not text or not text.strip():
        return None
    words = normalise(text)
    first = normalise(_FIRST_PART.split(text.strip(), maxsplit=1)[0])
    for candidate in (words, first):
        for verdict in scale.verdicts:
            if candidate and candidate in _names(verdict):
                return verdict.key
    kind = rating_kind(text)
    if kind is None:
        return None
    phrases = dict(KINDS)[kind]
    for phrase in phrases:
        for verdict in scale.verdicts:
            if phrase in _names(verdict):
                return verdict.key
    if kind in ("false", "true"):
        rated = [v for v in scale.verdicts if v.rating_value is not None]
        if len(rated) >= 2:
            pick = min if kind == "false" else max
            return pick(rated, key=lambda v: v.rating_value or 0).key
    return None


def _field(text: str | None) -> str:
    text = strip_bidi_controls(" ".join((text or "").split()))
    return text if len(text) <= NOTE_FIELD_LIMIT else text[: NOTE_FIELD_LIMIT - 1] + "…"


def match_source(source: str, publisher: str | None, title: str | None) -> str:
    """Who checked it, in words: "PolitiFact", "our review of article “Title”", "an imported fact-check"."""
    if source == "review":
        return f"our review of article “{_field(title)}”" if title and title.strip() else "our review"
    return _field(publisher) or "an imported fact-check"


def seen_before_note(who: str, verdict: str | None, url: str | None) -> str:
    """The note line recording where a reused verdict came from: "Seen before: AFP rated it False —
    <https://…>". One line; the link only when ``url`` is a safe http(s) address."""
    rated = f"rated it {_field(verdict)}" if verdict and verdict.strip() else "checked it (no rating given)"
    line = f"Seen before: {_field(who)} {rated}"
    link = safe_url(url)
    if link and link.split(":", 1)[0].lower() in ("http", "https"):
        line += f" — <{link}>"
    return line


def with_note_line(note: str, line: str) -> str:
    """``note`` with ``line`` added as a paragraph of its own (the note itself when it has the line already)."""
    if line in note.splitlines():
        return note
    body = note.rstrip()
    return f"{body}\n\n{line}" if body else line
