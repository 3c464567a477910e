"""Verdict scales: the default scale and the presets a library can switch to.

Colours come from the Okabe–Ito palette and Paul Tol's muted scheme, chosen to stay
distinguishable for the common colour-vision deficiencies; every verdict also has a text
label, so colour is never the only signal.
"""

from __future__ import annotations

from .domain import Verdict, VerdictScale

DEFAULT_SCALE_ID = "default"

DEFAULT_SCALE = VerdictScale(
    id=DEFAULT_SCALE_ID,
    name="Default (four verdicts)",
    best_rating=4,
    worst_rating=1,
    verdicts=(
        Verdict("supported", "Supported", "#009E73", 4, "Supported", "The evidence supports the claim."),
        Verdict("disputed", "Disputed", "#D55E00", 1, "Disputed", "The evidence contradicts the claim."),
        Verdict(
            "misleading", "Misleading", "#E69F00", 2, "Misleading", "Accurate in part but leaves a false impression."
        ),
        Verdict(
            "unverifiable", "Unverifiable", "#56B4E9", 3, "Unverifiable", "Cannot be checked with available evidence."
        ),
    ),
)

POLITIFACT_SCALE = VerdictScale(
    id="politifact",
    name="PolitiFact-style six-point",
    best_rating=6,
    worst_rating=1,
    verdicts=(
        Verdict("true", "True", "#009E73", 6, "True", "Accurate; nothing significant missing."),
        Verdict(
            "mostly-true",
            "Mostly True",
            "#56B4E9",
            5,
            "Mostly True",
            "Accurate but needs clarification or additional information.",
        ),
        Verdict(
            "half-true", "Half True", "#F0E442", 4, "Half True", "Partially accurate but leaves out important details."
        ),
        Verdict(
            "mostly-false",
            "Mostly False",
            "#E69F00",
            3,
            "Mostly False",
            "Contains an element of truth but ignores critical facts.",
        ),
        Verdict("false", "False", "#D55E00", 2, "False", "Not accurate."),
        Verdict(
            "pants-on-fire",
            "Pants on Fire",
            "#CC79A7",
            1,
            "Pants on Fire",
            "Not accurate and makes a ridiculous claim.",
        ),
    ),
)

SNOPES_SCALE = VerdictScale(
    id="snopes",
    name="Snopes-style",
    best_rating=5,
    worst_rating=1,
    verdicts=(
        Verdict("true", "True", "#009E73", 5, "True"),
        Verdict("mostly-true", "Mostly True", "#56B4E9", 4, "Mostly True"),
        Verdict("mixture", "Mixture", "#F0E442", 3, "Mixture"),
        Verdict("mostly-false", "Mostly False", "#E69F00", 2, "Mostly False"),
        Verdict("false", "False", "#D55E00", 1, "False"),
        Verdict("unproven", "Unproven", "#999999", None, "Unproven"),
        Verdict("miscaptioned", "Miscaptioned", "#CC79A7", None, "Miscaptioned"),
        Verdict("outdated", "Outdated", "#0072B2", None, "Outdated"),
        Verdict("satire", "Labeled Satire", "#882255", None, "Labeled Satire"),
    ),
)

CONCLUSION_SCALE = VerdictScale(
    id="conclusion",
    name="Conclusion only (no rating)",
    conclusion_only=True,
    verdicts=(
        Verdict(
            "reviewed", "Reviewed", "#0072B2", None, None, "Checked; the written conclusion in the note is the verdict."
        ),
    ),
)

PRESETS: tuple[VerdictScale, ...] = (DEFAULT_SCALE, POLITIFACT_SCALE, SNOPES_SCALE, CONCLUSION_SCALE)

UNREVIEWED_COLOR = "#BBBBBB"
UNREVIEWED_LABEL = "Unreviewed"


def verdict_key_from_label(label: str, existing: tuple[str, ...]) -> str:
    """A stable, unique key for a new verdict named by a person."""
    base = "".join(ch if ch.isalnum() else "-" for ch in label.strip().lower()).strip("-") or "verdict"
    while "--" in base:
        base = base.replace("--", "-")
    key, n = base, 2
    while key in existing:
        key, n = f"{base}-{n}", n + 1
    return key
