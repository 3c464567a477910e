"""What the speaker tests ask of an extracted article: who said the sentence, and which words say so."""

from __future__ import annotations

from reviewer.core.extraction import extract_claims


def speaker_of(text: str, beginning: str) -> tuple[str | None, str | None]:
    """(speaker, mention) of the claim that starts with ``beginning`` (fast pass): the resolved party,
    and the words of the text the reader underlines (None when the article speaks for itself)."""
    for claim in extract_claims(text, quality="fast"):
        if claim.text.startswith(beginning):
            if claim.speaker_start is None:
                return claim.speaker, None
            return claim.speaker, text[claim.speaker_start : claim.speaker_end]
    raise AssertionError(f"no claim starts with {beginning!r}")
