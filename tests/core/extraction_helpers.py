"""Helpers shared by the extraction tests: sentence spans as text, and claims with checked offsets."""

from __future__ import annotations

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.segment import sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def claim_texts(text: str) -> list[str]:
    claims = extract_claims(text, quality="fast")
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    return [c.text for c in claims]


def assert_claims_are_exact_spans(text: str) -> None:
    """Every claim is its exact, stripped span, in order, within one paragraph; speakers within the text."""
    previous_end = 0
    for claim in extract_claims(text, quality="fast"):
        assert text[claim.start : claim.end] == claim.text
        assert claim.start >= previous_end and claim.end > claim.start
        assert claim.text == claim.text.strip()
        assert "\n\n" not in claim.text
        if claim.speaker_start is not None:
            assert 0 <= claim.speaker_start < claim.speaker_end <= len(text)
        previous_end = claim.end
