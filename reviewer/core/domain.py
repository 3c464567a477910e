"""Plain domain objects passed between the store, the UI and the reports.

They carry no database handle and no Qt: the store makes them, everyone else reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import ReviewerError

STATUSES = ("todo", "in_review", "done")
# The longest note the store accepts, in characters (str length). About 15,000 words, forty
# printed pages: far past any real conclusion (the longest notes seen are a few thousand words),
# while the slowest Markdown a note can hold still renders in about a second. Python-Markdown
# copies a paragraph once per link or emphasis it finds, so past some size no Markdown note is
# quick; longer text (an old library, an import) is shown as plain text instead, never cut.
MAX_NOTE_CHARS = 100_000
STATUS_LABELS = {"todo": "To do", "in_review": "In review", "done": "Done"}
# What a person reads for a claim's kind, in the desk, the reports and the exports alike.
KIND_LABELS = {
    "statistic": "Statistic",
    "quantity": "Quantity",
    "quotation": "Quotation",
    "quote": "Quotation",  # written by early versions
    "causal": "Cause and effect",
    "comparison": "Comparison",
    "prediction": "Prediction",
    "historical": "Historical",
    "policy": "Policy",
    "other": "Other",
}


def kind_label(kind: str | None) -> str:
    """The label of a claim kind; an unknown kind is shown as written, capitalised."""
    kind = kind or "other"
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Block:
    """A structural block of an article's text (heading, paragraph, quotation, list item)."""

    start: int
    end: int
    kind: str = "paragraph"
    level: int = 0
    continued: bool = False  # the reader's later piece of a block too long to lay out as one (not stored)


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    text: str
    blocks: tuple[Block, ...] = ()
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    imported_at: str = ""
    original_format: str = "txt"
    source_path: str | None = None
    content_hash: str = ""
    language: str | None = None
    status: str = "todo"


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list: enough to draw it without loading the text."""

    id: int
    title: str
    source: str | None
    published: str | None
    imported_at: str
    status: str
    language: str | None
    claims_total: int  # check-worthy, not dismissed
    claims_reviewed: int  # of those, with a verdict

    @property
    def progress_label(self) -> str:
        return f"{self.claims_reviewed}/{self.claims_total} reviewed"


@dataclass(frozen=True)
class Review:
    claim_id: int
    verdict: str | None = None  # a verdict key of a scale, or None (unreviewed)
    confidence: int | None = None  # 0–100, None when not given
    note: str = ""  # Markdown
    reviewer: str | None = None
    updated_at: str | None = None


@dataclass(frozen=True)
class ReviewChange:
    """One committed change of a claim's review, with what the store needs to revert it.

    ``status_before`` is the article status the change moved away from (a first verdict moves
    "todo" to "in_review"), or None when the status did not change.
    """

    claim_id: int
    article_id: int
    before: Review
    after: Review
    status_before: str | None = None

    def fields(self) -> tuple[str, ...]:
        """The review fields this change set to a different value."""
        return tuple(f for f in REVIEW_FIELDS if getattr(self.before, f) != getattr(self.after, f))

    def then(self, later: "ReviewChange") -> "ReviewChange":
        """This change followed by ``later`` (of the same claim) as one change."""
        return ReviewChange(
            self.claim_id, self.article_id, self.before, later.after, self.status_before or later.status_before
        )


REVIEW_FIELDS = ("verdict", "confidence", "note")


@dataclass(frozen=True)
class Claim:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    score: float = 0.0
    checkworthy: bool = True
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "other"
    origin: str = "auto"
    dismissed: bool = False
    created_at: str = ""
    review: Review | None = None

    @property
    def verdict(self) -> str | None:
        return self.review.verdict if self.review else None

    @property
    def note(self) -> str:
        return self.review.note if self.review else ""


@dataclass(frozen=True)
class Evidence:
    id: int
    claim_id: int
    url: str | None = None
    title: str | None = None
    quote: str | None = None
    accessed: str | None = None  # ISO date
    file_name: str | None = None  # stored name inside the library's attachment folder
    original_name: str | None = None
    added_at: str = ""


@dataclass(frozen=True)
class Verdict:
    """One rating of a scale, with its schema.org ClaimReview mapping."""

    key: str
    label: str
    color: str  # "#rrggbb"
    rating_value: int | None = None
    alternate_name: str | None = None  # defaults to the label in ClaimReview
    description: str = ""


@dataclass(frozen=True)
class VerdictScale:
    id: str
    name: str
    verdicts: tuple[Verdict, ...]
    best_rating: int | None = None
    worst_rating: int | None = None
    conclusion_only: bool = False  # no rating, a written conclusion instead

    def get(self, key: str | None) -> Verdict | None:
        for verdict in self.verdicts:
            if verdict.key == key:
                return verdict
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(v.key for v in self.verdicts)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    who: str
    action: str
    entity: str  # "article" | "claim" | "review" | "evidence" | "scale" | "library"
    entity_id: str | None
    article_id: int | None
    claim_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def describe(self, verdict_label: Callable[[str], str] | None = None) -> str:
        """A one-line human description, for the history list.

        ``verdict_label(key)`` turns verdict keys into the labels a person knows.
        """
        return describe_change(self.action, self.before, self.after, verdict_label)


def describe_change(
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    verdict_label: Callable[[str], str] | None = None,
) -> str:
    """One line saying what an audited change did (the history list, the history of a claim)."""
    if action == "review" and after is not None:
        parts = []
        before = before or {}

        def verdict(key: str | None) -> str:
            if key is None:
                return "unreviewed"
            return verdict_label(key) if verdict_label else key

        def confidence(value: object) -> str:
            return "not set" if value is None else f"{value}%"

        if before.get("verdict") != after.get("verdict"):
            parts.append(f"verdict {verdict(before.get('verdict'))} → {verdict(after.get('verdict'))}")
        if before.get("note", "") != after.get("note", ""):
            parts.append("note edited")
        if before.get("confidence") != after.get("confidence"):
            parts.append(f"confidence {confidence(before.get('confidence'))} → {confidence(after.get('confidence'))}")
        return "; ".join(parts) or "review saved"
    labels = {
        "import": "imported",
        "claim_add": "claim added",
        "claim_edit": "claim edited",
        "claim_delete": "claim deleted",
        "claim_restore": "claim restored",
        "claim_dismiss": "dismissed as not check-worthy",
        "claim_undismiss": "restored as check-worthy",
        "evidence_add": "evidence added",
        "evidence_edit": "evidence edited",
        "evidence_remove": "evidence removed",
        "status": "status changed",
        "extract": "claims re-extracted",
        "extract_undo": "re-extraction undone",
        "scale": "verdict scale changed",
        "revert": "reverted",
    }
    return labels.get(action, action.replace("_", " "))


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    snippet: str  # plain text with the match marked by [ and ]
    claim_id: int | None = None
    where: str = "article"  # "title" | "article" | "claim" | "note"


def is_checkworthy(claim: Claim, threshold: float | None) -> bool:
    """Check-worthy at the reviewer's threshold (``None`` or < 0: the flag set at extraction).

    The one rule behind every count: the claims header, the library's progress
    (``Store.list_articles``, which says the same in SQL) and the reports. The store keeps raw
    scores, so changing the threshold changes what counts, never what is stored. A reviewer's
    own claims always count.
    """
    if claim.origin == "manual":
        return True
    if threshold is None or threshold < 0:
        return claim.checkworthy
    return claim.score >= threshold


def counts_for_review(claim: Claim, threshold: float | None) -> bool:
    """Whether a claim is one to review: check-worthy at ``threshold`` and not dismissed."""
    return not claim.dismissed and is_checkworthy(claim, threshold)


@dataclass(frozen=True)
class ClaimDraft:
    """A claim about to be stored: what extraction finds and what a reviewer selects.

    Offsets are code points into the article's text; the store takes the text from there.
    """

    start: int
    end: int
    score: float = 0.0
    checkworthy: bool = True  # the score reached the threshold used at extraction
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "other"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span of ``text`` so that it neither starts nor ends with white space."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def check_span(text: str, start: int, end: int) -> None:
    """Raise ReviewerError unless ``text[start:end]`` is a non-empty span with some words in it."""
    if not (0 <= start < end <= len(text)):
        raise ReviewerError(f"A claim must cover some of the article's text (got {start}–{end}).")
    if not text[start:end].strip():
        raise ReviewerError("A claim must contain some text, not only spaces.")
