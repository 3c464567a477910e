"""What a committed change touched, and what the store needs to revert it.

Every undoable store method returns a ``Change`` (in the spirit of Anki's ``OpChanges``): the
kinds of record it touched, the article and claims, and the steps that undo it. The store
reverts a change with ``Store.revert_change``, which returns the change that reverts *that*:
undo is ``revert_change(change)``, redo is ``revert_change`` of what undo returned. Nothing
here touches the database; the UI only keeps these values and hands them back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Union

from .domain import Claim, Evidence, Review, ReviewChange, VerdictScale
from .team import FinalDecision, PeerEvidence, ReviewerReview

# What a change can touch. The UI refreshes only the panes that show these.
ARTICLES = "articles"  # the library list (titles, status, progress)
CLAIMS = "claims"  # claims of an article (added, removed, span, speaker, kind, dismissed)
REVIEW = "review"  # verdict, note, confidence of claims
EVIDENCE = "evidence"
SCALE = "scale"  # verdict scales, the active scale

# The claim fields a person (or a revert) may change; everything else follows from them.
CLAIM_FIELDS = ("start", "end", "speaker", "speaker_start", "speaker_end", "kind", "checkworthy", "dismissed")
ClaimValue = Union[int, str, bool, None]


@dataclass(frozen=True)
class ClaimSnapshot:
    """A removed claim with its review and evidence, enough to put it back with the same ids.

    A snapshot also keeps the claim's global ids, its colleagues' reviews and any final decision
    (team review, #18), so that deleting and restoring a claim loses none of them.
    """

    claim: Claim
    evidence: tuple[Evidence, ...] = ()
    gid: str | None = None
    review_gid: str | None = None
    peer_reviews: tuple[ReviewerReview, ...] = ()
    decision: FinalDecision | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape written to the audit log (and read back by ``from_dict``)."""
        state = asdict(self.claim)
        review = state.pop("review")
        data = {"claim": state, "review": review, "evidence": [asdict(e) for e in self.evidence]}
        if self.gid is not None:
            data["gid"] = self.gid
            data["review_gid"] = self.review_gid
        if self.peer_reviews:
            data["peer_reviews"] = [asdict(r) for r in self.peer_reviews]
        if self.decision is not None:
            data["decision"] = asdict(self.decision)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimSnapshot:
        """A snapshot from the audit log's JSON (what ``as_dict`` wrote)."""
        review = Review(**data["review"]) if data.get("review") else None
        claim = Claim(**{k: v for k, v in data["claim"].items() if k != "review"}, review=review)
        evidence = tuple(Evidence(**e) for e in data.get("evidence") or ())
        peers = tuple(
            ReviewerReview(**{**r, "evidence": tuple(PeerEvidence(**e) for e in r.get("evidence") or ())})
            for r in data.get("peer_reviews") or ()
        )
        decision = FinalDecision(**data["decision"]) if data.get("decision") else None
        return cls(claim, evidence, data.get("gid"), data.get("review_gid"), peers, decision)


# Undo steps. Applying one returns its inverse (see ``Store.revert_change``).
@dataclass(frozen=True)
class DeleteClaims:
    claim_ids: tuple[int, ...]


@dataclass(frozen=True)
class RestoreClaims:
    snapshots: tuple[ClaimSnapshot, ...]


@dataclass(frozen=True)
class EditClaim:
    claim_id: int
    values: tuple[tuple[str, ClaimValue], ...]  # (field, value) pairs of CLAIM_FIELDS


@dataclass(frozen=True)
class SetStatus:
    article_id: int
    status: str


@dataclass(frozen=True)
class RemoveEvidence:
    evidence_id: int


@dataclass(frozen=True)
class RestoreEvidence:
    evidence: Evidence


@dataclass(frozen=True)
class EditEvidence:
    evidence_id: int
    values: tuple[tuple[str, str | None], ...]  # (field, value) pairs of url, title, quote, accessed


@dataclass(frozen=True)
class SaveScale:
    scale: VerdictScale


@dataclass(frozen=True)
class SetActiveScale:
    scale_id: str


@dataclass(frozen=True)
class RevertReview:
    change: ReviewChange


@dataclass(frozen=True)
class PutFinalDecision:
    """Make ``decision`` the claim's final decision (None: the claim has none)."""

    claim_id: int
    decision: FinalDecision | None


@dataclass(frozen=True)
class PutPeerReview:
    """Make ``review`` ``reviewer``'s review of the claim among the peer reviews (None: they have none)."""

    claim_id: int
    reviewer: str
    review: ReviewerReview | None


# A row as (column, value) pairs, for changes that write rows directly (a bundle merge).
RowValues = tuple[tuple[str, Union[int, float, str, bytes, None]], ...]


@dataclass(frozen=True)
class RowEdit:
    """One row a change wrote: its table and key, and the row before and after (None: no such row)."""

    table: str
    key: RowValues
    before: RowValues | None
    after: RowValues | None


@dataclass(frozen=True)
class PutRows:
    """Put rows back as they were before ``edits`` (applied last to first), each checked to be still as
    the change left it (``Store._put_rows``); ``action`` names the change in the audit log."""

    edits: tuple[RowEdit, ...]
    action: str


Step = Union[
    DeleteClaims,
    RestoreClaims,
    EditClaim,
    SetStatus,
    RemoveEvidence,
    RestoreEvidence,
    EditEvidence,
    SaveScale,
    SetActiveScale,
    RevertReview,
    PutFinalDecision,
    PutPeerReview,
    PutRows,
]


@dataclass(frozen=True)
class Change:
    """One committed change: what it touched and the steps (in order) that revert it.

    ``claim_ids`` are the claims a view should refresh (a new claim's id comes first);
    ``undo`` is empty when the change wrote nothing.
    """

    kinds: frozenset[str]
    article_id: int | None = None
    claim_ids: tuple[int, ...] = ()
    undo: tuple[Step, ...] = field(default=(), repr=False)

    @property
    def empty(self) -> bool:
        return not self.undo
