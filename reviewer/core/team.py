"""Team review (#18): the reviews of one claim by several reviewers, an editor's final decision,
and the rule that says which verdict a report shows.

A claim has this library's own review (``reviews``, ``domain.Review``) and, once bundles from
colleagues are imported, their reviews of the same claim (``peer_reviews``). Where reviewers
disagree an editor may record a final decision. Plain values: the store makes them, the desk,
the reports and the command line read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .domain import Claim, Review


@dataclass(frozen=True)
class PeerEvidence:
    """Evidence that came with another reviewer's review (stored as JSON beside that review)."""

    url: str | None = None
    title: str | None = None
    quote: str | None = None
    accessed: str | None = None
    file_name: str | None = None  # stored name inside the library's attachment folder
    original_name: str | None = None


@dataclass(frozen=True)
class ReviewerReview:
    """One reviewer's review of a claim: this library's own (``own``) or a colleague's.

    ``evidence`` is filled for a colleague's review only; the own review's evidence is the
    claim's evidence (``Store.list_evidence``).
    """

    claim_id: int
    reviewer: str
    verdict: str | None = None
    confidence: int | None = None
    note: str = ""
    updated_at: str | None = None
    own: bool = False
    gid: str | None = None
    evidence: tuple[PeerEvidence, ...] = ()


@dataclass(frozen=True)
class FinalDecision:
    """An editor's decision on a claim where reviewers disagree: the claim's verdict in reports."""

    claim_id: int
    verdict: str
    note: str = ""
    decided_by: str = ""
    decided_at: str = ""
    gid: str | None = None


@dataclass(frozen=True)
class Disagreement:
    """A claim whose reviewers gave different verdicts, with every review and any decision."""

    claim: Claim
    reviews: tuple[ReviewerReview, ...]
    decision: FinalDecision | None = None

    @property
    def settled(self) -> bool:
        return self.decision is not None


def effective_verdict(review: Review | None, decision: FinalDecision | None) -> str | None:
    """The verdict a report, ClaimReview and the command line show for a claim.

    The editor's final decision where there is one, else this library's own review's verdict
    (so a library without colleagues reads exactly as before).
    """
    if decision is not None:
        return decision.verdict
    return review.verdict if review is not None else None


def disagree(reviews: Iterable[ReviewerReview]) -> bool:
    """Whether two of ``reviews`` give different verdicts (a review without a verdict does not count)."""
    return len({r.verdict for r in reviews if r.verdict}) > 1


def own_as_reviewer_review(review: Review, fallback_reviewer: str) -> ReviewerReview | None:
    """The library's own review as one reviewer's review; None when it holds neither verdict nor note."""
    if review.verdict is None and not review.note:
        return None
    return ReviewerReview(
        review.claim_id,
        review.reviewer or fallback_reviewer,
        review.verdict,
        review.confidence,
        review.note,
        review.updated_at,
        own=True,
    )
