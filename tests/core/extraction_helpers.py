"""Helpers shared by the extraction tests: sentence spans as text, and claims with checked offsets."""

from __future__ import annotations

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.segment import sentences


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def claim_texts(text: str) -> list[str]:
    claims = extract_claims(text, quality="fast")
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
    return [c.text for c in claims]
