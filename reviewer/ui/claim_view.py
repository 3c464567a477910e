"""How a claim looks: its verdict label and colour, and whether it counts as check-worthy.

Shared by the reader and the claims panel so both always agree. Pure Python (no Qt), built
from store objects by the UI thread; the objects are immutable and may be shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..core.domain import Claim, Verdict, VerdictScale, counts_for_review
from ..core.verdicts import UNREVIEWED_COLOR, UNREVIEWED_LABEL

DISMISSED_LABEL = "Not check-worthy"
DISMISSED_COLOR = "#999999"


@dataclass(frozen=True)
class VerdictPalette:
    """Verdict keys to labels and colours: the active scale first, then any other scale."""

    active: VerdictScale
    by_key: dict[str, Verdict]

    @classmethod
    def from_scales(cls, active: VerdictScale, scales: list[VerdictScale]) -> VerdictPalette:
        by_key: dict[str, Verdict] = {}
        for scale in scales:
            for v in scale.verdicts:
                by_key.setdefault(v.key, v)
        for v in active.verdicts:  # the active scale wins for shared keys
            by_key[v.key] = v
        return cls(active, by_key)

    @classmethod
    def from_store(cls, store) -> VerdictPalette:
        """Read the scales from ``store`` (UI thread)."""
        return cls.from_scales(store.active_scale(), store.scales())

    def label(self, key: str | None) -> str:
        if key is None:
            return UNREVIEWED_LABEL
        v = self.by_key.get(key)
        return v.label if v else key

    def color(self, key: str | None) -> str:
        if key is None:
            return UNREVIEWED_COLOR
        v = self.by_key.get(key)
        return v.color if v else UNREVIEWED_COLOR

    def rank(self, key: str | None) -> int:
        """Sort order: verdicts in scale order, unknown ones after, unreviewed last."""
        if key is None:
            return 10_000
        keys = self.active.keys
        return keys.index(key) if key in keys else 5_000


# Counts for review: check-worthy at the threshold and not dismissed (the core's one rule).
is_active = counts_for_review


def claim_label(claim: Claim, palette: VerdictPalette, threshold: float | None) -> str:
    if claim.verdict is not None:
        return palette.label(claim.verdict)
    if not is_active(claim, threshold):
        return DISMISSED_LABEL
    return UNREVIEWED_LABEL


def claim_color(claim: Claim, palette: VerdictPalette, threshold: float | None) -> str:
    if claim.verdict is not None:
        return palette.color(claim.verdict)
    if not is_active(claim, threshold):
        return DISMISSED_COLOR
    return UNREVIEWED_COLOR


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it literally. Qt guesses whether a tooltip is HTML, so a
    claim or verdict text with tags (an ``<img src>``, a white ``<span>``) would be rendered:
    escape it and mark it as rich text so the escapes are read back to the same characters."""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"
