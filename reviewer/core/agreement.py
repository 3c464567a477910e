"""How far reviewers agree on the verdicts of the same claims (#18). Pure functions, any thread.

The data are a reviewer x claim table of verdicts (nominal categories), with holes: a reviewer
need not have rated every claim. Three figures, each over the claims that at least two
reviewers rated (the *pairable* claims):

- **percentage agreement**: of all pairs of verdicts given to the same claim by two different
  reviewers, the share that are equal (for two reviewers: the share of shared claims they agree
  on);
- **Cohen's kappa** (two reviewers only): agreement corrected for the agreement their own verdict
  frequencies would give by chance, over the claims both rated;
- **Krippendorff's alpha** (nominal, any number of reviewers, missing values allowed), computed
  from the coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's
  alpha-reliability".

Kappa and alpha are undefined (None, with the reason in ``Agreement``) when there is nothing to
compare or when every verdict is the same category: chance alone would then agree completely,
and ``(observed - chance) / (1 - chance)`` divides by zero. Saying "undefined" is honest where
"1.0" or "0.0" would each claim something the data do not show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

Unit = TypeVar("Unit", bound=Hashable)
# A verdict table: unit (claim) -> coder (reviewer) -> category (verdict key). Missing = not rated.
Table = Mapping[Unit, Mapping[str, "str | None"]]

ONE_REVIEWER = "only one reviewer gave verdicts"
NOTHING_SHARED = "no claim has verdicts from two reviewers"
NOT_TWO = "Cohen's kappa compares exactly two reviewers"
ONE_CATEGORY = "every verdict is the same, so agreement by chance is complete"


@dataclass(frozen=True)
class Agreement:
    """Agreement between reviewers over some claims (an article, the library).

    ``reviewers``: everyone who gave a verdict there; ``claims``: claims with verdicts from two
    or more reviewers; ``percentage`` is 0–100. A figure that is undefined is None and the
    matching ``*_undefined`` says why.
    """

    reviewers: tuple[str, ...]
    claims: int
    percentage: float | None
    kappa: float | None
    alpha: float | None
    kappa_undefined: str | None = None
    alpha_undefined: str | None = None


def _pairable(table: Table[Unit]) -> list[list[str]]:
    """The verdicts of every claim rated by at least two reviewers (each claim's list of values)."""
    return [
        [v for v in row.values() if v is not None]
        for row in table.values()
        if sum(v is not None for v in row.values()) >= 2
    ]


def percentage_agreement(table: Table[Unit]) -> float | None:
    """Pairwise percentage agreement (0–100) over the pairable claims; None when there are none."""
    agreeing = total = 0
    for values in _pairable(table):
        for a, b in combinations(values, 2):
            total += 1
            agreeing += a == b
    return None if total == 0 else 100.0 * agreeing / total


def cohens_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two reviewers from their (first, second) verdicts of the claims both rated.

    None when there are no pairs or chance agreement is complete (both used one and the same verdict).
    """
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    chance = sum(first[c] * second[c] for c in first) / (n * n)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1.0 - chance)


def krippendorff_alpha_nominal(table: Table[Unit]) -> float | None:
    """Krippendorff's alpha for nominal data with missing values; None when undefined.

    Coincidences: each claim rated by m >= 2 reviewers adds 1/(m-1) for every ordered pair of
    its values from different reviewers. alpha = 1 - (n-1) * D_o / D_e with D_o the off-diagonal
    coincidences and D_e the off-diagonal products of the category totals.
    """
    coincidence: dict[tuple[str, str], float] = {}
    for values in _pairable(table):
        m = len(values)
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] = coincidence.get((a, b), 0.0) + 1.0 / (m - 1)
    totals: dict[str, float] = {}
    for (a, _), count in coincidence.items():
        totals[a] = totals.get(a, 0.0) + count
    n = sum(totals.values())
    if n <= 1:
        return None
    disagreeing = sum(count for (a, b), count in coincidence.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * disagreeing / expected


def agreement(table: Table[Unit]) -> Agreement:
    """All three figures for one verdict table, with the reasons for any that are undefined."""
    reviewers = tuple(sorted({r for row in table.values() for r, v in row.items() if v is not None}))
    pairable = _pairable(table)
    percentage = percentage_agreement(table)
    alpha = krippendorff_alpha_nominal(table)
    kappa = None
    if len(reviewers) == 2:
        first, second = reviewers
        kappa = cohens_kappa(
            (a, b)
            for a, b in ((row.get(first), row.get(second)) for row in table.values())
            if a is not None and b is not None
        )
    if len(reviewers) < 2:
        reason: str | None = ONE_REVIEWER
    elif not pairable:
        reason = NOTHING_SHARED
    else:
        reason = ONE_CATEGORY
    return Agreement(
        reviewers=reviewers,
        claims=len(pairable),
        percentage=percentage,
        kappa=kappa,
        alpha=alpha,
        kappa_undefined=None if kappa is not None else (NOT_TWO if len(reviewers) > 2 else reason),
        alpha_undefined=None if alpha is not None else reason,
    )


def format_figure(value: float | None, percent: bool = False) -> str:
    """A figure as a report shows it: ``0.743``, ``85.7%``, or ``undefined``."""
    if value is None:
        return "undefined"
    return f"{value:.1f}%" if percent else f"{value:.3f}"
