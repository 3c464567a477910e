"""The report model: what goes into a review report, built once from the store.

Every format (Markdown, HTML, PDF, CSV, JSON, ClaimReview) renders from the same ``Report``,
so they can never disagree about which claims are in it. Qt-free; ``build_report`` must run
on the thread that owns ``store`` (open a Store per worker). The returned objects are
immutable and may be handed to any thread.

Which claims a report holds:
- dismissed claims never;
- a reviewed claim (it has a verdict) when it passes every filter: verdict, reviewer, review
  date (``since``/``until``, inclusive, on the date part of the review's ``updated_at``);
- an unreviewed, check-worthy claim only with ``include_unreviewed``; the verdict, reviewer
  and date filters do not apply to it (it has none of those).
A claim's verdict in a report is its *effective* verdict (``team.effective_verdict``): an
editor's final decision where there is one, else the library's own review's. ``ReportClaim.claim``
carries it (its review's verdict is replaced), so every format, count and filter reads the
same verdict; ``ReportClaim.reviews`` keeps each reviewer's own. Articles are those named by ``article_ids`` (in that order, always listed, even when no claim
matches) or, for the whole library, every article with at least one matching claim (oldest
first). ``statuses`` narrows articles by workflow status either way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING
from datetime import date, datetime, timezone

from ... import __version__
from ..agreement import Agreement
from ..agreement import agreement as measure_agreement
from ..domain import STATUSES, Article, Claim, Evidence, Review, Verdict, VerdictScale, is_checkworthy
from ..errors import ReviewerError
from ..urls import safe_url
from ..team import FinalDecision, ReviewerReview, disagree, effective_verdict, own_as_reviewer_review
from ..verdicts import UNREVIEWED_COLOR, UNREVIEWED_LABEL

if TYPE_CHECKING:
    from ..store import Store

PAGE_SIZES = ("A4", "Letter")
DEFAULT_TITLE = "Fact-check report"
# How much of the surrounding sentence to keep on either side of a claim.
CONTEXT_CHARS = 280


@dataclass(frozen=True)
class ReportOptions:
    """What to put in a report and how to label it. Immutable, safe to pass between threads."""

    article_ids: tuple[int, ...] = ()  # empty = whole library
    include_unreviewed: bool = False
    verdicts: tuple[str, ...] = ()  # filter by verdict keys; empty = all
    reviewers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()  # article workflow status
    since: str | None = None  # "YYYY-MM-DD" on review date
    until: str | None = None
    title: str | None = None
    organisation: str | None = None  # falls back to library meta "organisation"
    page_size: str = "A4"  # or "Letter"
    url_base: str | None = None  # ClaimReview: each review's url is <url_base>/claims/<claim id>
    # Which unreviewed claims are listed: check-worthy at this threshold (None: the flag set at
    # extraction), as the claims header and the library's progress count them.
    threshold: float | None = None


@dataclass(frozen=True)
class VerdictCount:
    key: str | None  # None = unreviewed
    label: str
    color: str
    count: int


@dataclass(frozen=True)
class ReportClaim:
    claim: Claim
    verdict: Verdict | None  # None when unreviewed or the key is in no scale
    scale: VerdictScale | None  # the scale that defines the verdict (the active one first)
    evidence: tuple[Evidence, ...]
    before: str  # the rest of the sentence before the claim ("" when the claim starts it)
    after: str
    reviews: tuple[ReviewerReview, ...] = ()  # every reviewer's review, the own one first
    decision: FinalDecision | None = None  # the editor's final decision, the claim's verdict
    review_labels: tuple[str, ...] = ()  # the verdict label of each of ``reviews`` ("" without a verdict)

    @property
    def disagree(self) -> bool:
        """Whether two reviewers gave this claim different verdicts."""
        return disagree(self.reviews)

    @property
    def fragment(self) -> str:
        """The anchor id of this claim in HTML reports and ClaimReview URLs."""
        return f"claim-{self.claim.id}"

    @property
    def context(self) -> str:
        return f"{self.before}{self.claim.text}{self.after}"

    @property
    def reviewed(self) -> bool:
        return self.claim.verdict is not None

    @property
    def verdict_label(self) -> str:
        if self.verdict is not None:
            return self.verdict.label
        return self.claim.verdict or UNREVIEWED_LABEL

    @property
    def verdict_color(self) -> str:
        return self.verdict.color if self.verdict is not None else UNREVIEWED_COLOR

    @property
    def review_date(self) -> str | None:
        review = self.claim.review
        return review.updated_at[:10] if review and review.updated_at else None


@dataclass(frozen=True)
class ReportArticle:
    article: Article
    claims: tuple[ReportClaim, ...]
    counts: tuple[VerdictCount, ...]
    agreement: Agreement | None = None  # None when the library holds no colleague's review


@dataclass(frozen=True)
class Report:
    """One review report, ready to render in any format."""

    title: str
    organisation: str
    reviewers: tuple[str, ...]
    period: tuple[str | None, str | None]  # review dates covered (from, to)
    generated_at: str  # ISO 8601, UTC
    app_version: str
    scale: VerdictScale
    articles: tuple[ReportArticle, ...]
    counts: tuple[VerdictCount, ...]
    options: ReportOptions
    filters: tuple[str, ...] = field(default=())  # human descriptions of the filters applied
    agreement: Agreement | None = None  # over every article in the report; None without colleagues' reviews

    @property
    def claims(self) -> list[ReportClaim]:
        return [c for a in self.articles for c in a.claims]

    @property
    def total_claims(self) -> int:
        return sum(len(a.claims) for a in self.articles)

    @property
    def reviewed_claims(self) -> int:
        return sum(1 for a in self.articles for c in a.claims if c.reviewed)

    @property
    def is_empty(self) -> bool:
        return self.total_claims == 0

    @property
    def period_label(self) -> str:
        start, end = self.period
        if start and end:
            return start if start == end else f"{start} to {end}"
        if start:
            return f"from {start}"
        if end:
            return f"until {end}"
        return "no reviews"


def build_report(
    store: Store,
    options: ReportOptions,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Report:
    """Collect everything a report needs from ``store``.

    ``progress(done, total, text)`` is called per article; when ``cancelled()`` turns true a
    ReviewerError("Export cancelled.") is raised. Raises ReviewerError for an unknown article,
    a bad date or page size.
    """
    _check_options(options)
    if options.article_ids:
        articles = [store.get_article(article_id) for article_id in dict.fromkeys(options.article_ids)]
        explicit = True
    else:
        articles = [store.get_article(s.id) for s in reversed(store.list_articles())]
        explicit = False
    if options.statuses:
        articles = [a for a in articles if a.status in options.statuses]

    scale = store.active_scale()
    team = store.has_peer_reviews()
    verdict_cache: dict[str | None, tuple[Verdict | None, VerdictScale | None]] = {None: (None, None)}

    def lookup(key: str | None) -> tuple[Verdict | None, VerdictScale | None]:
        if key not in verdict_cache:
            verdict_cache[key] = store.verdict_info(key)
        return verdict_cache[key]

    result: list[ReportArticle] = []
    for done, article in enumerate(articles):
        if cancelled is not None and cancelled():
            raise ReviewerError("Export cancelled.")
        if progress is not None:
            progress(done, len(articles), article.title)
        stored = store.claims_for_article(article.id)
        decisions = store.final_decisions_for([c.id for c in stored])
        own = {c.id: c for c in stored}
        claims = [c for c in (_effective(c, decisions.get(c.id)) for c in stored) if _wanted(c, options)]
        if not claims and not explicit:
            continue
        ids = [c.id for c in claims]
        evidence = store.evidence_for_claims(ids) if claims else {}
        signer = store.library_reviewer_name() or store.reviewer
        reviews = store.reviews_of_claims(ids) if team else {i: _own_reviews(own[i], signer) for i in ids}
        report_claims = tuple(
            ReportClaim(
                c,
                *lookup(c.verdict),
                tuple(evidence.get(c.id, ())),
                *_sentence_context(article, c),
                tuple(reviews[c.id]),
                decisions.get(c.id),
                tuple(_label(lookup(r.verdict)[0], r.verdict) for r in reviews[c.id]),
            )
            for c in claims
        )
        result.append(ReportArticle(article, report_claims, _counts(report_claims, scale)))

    agreement = None
    if team:
        table = store.verdict_table([ra.article.id for ra in result])
        result = [replace(ra, agreement=measure_agreement(table.get(ra.article.id, {}))) for ra in result]
        agreement = measure_agreement({c: row for rows in table.values() for c, row in rows.items()})

    all_claims = [c for a in result for c in a.claims]
    reviewers = tuple(
        sorted(
            {
                c.claim.review.reviewer
                for c in all_claims
                if c.claim.review is not None and c.reviewed and c.claim.review.reviewer
            }
            | {r.reviewer for c in all_claims for r in c.reviews if not r.own and r.verdict},
            key=str.casefold,
        )
    )
    dates = sorted(d for d in (c.review_date for c in all_claims if c.reviewed) if d)
    period = (options.since or (dates[0] if dates else None), options.until or (dates[-1] if dates else None))
    title = (options.title or "").strip()
    if not title:
        title = f"{DEFAULT_TITLE}: {result[0].article.title}" if explicit and len(result) == 1 else DEFAULT_TITLE
    organisation = (options.organisation or "").strip() or (store.get_meta("organisation") or "").strip()
    if progress is not None:
        progress(len(articles), len(articles), "")
    return Report(
        title=title,
        organisation=organisation,
        reviewers=reviewers,
        period=period,
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        app_version=__version__,
        scale=scale,
        articles=tuple(result),
        counts=_counts(all_claims, scale),
        options=options,
        filters=_describe_filters(options, scale),
        agreement=agreement,
    )


def _effective(claim: Claim, decision: FinalDecision | None) -> Claim:
    """The claim as reports show it: its review's verdict is the effective verdict.

    A decision on a claim without an own review reads as a review by whoever decided, then.
    """
    if decision is None:
        return claim
    review = claim.review or Review(claim.id, reviewer=decision.decided_by, updated_at=decision.decided_at)
    return replace(claim, review=replace(review, verdict=effective_verdict(review, decision)))


def _label(verdict: Verdict | None, key: str | None) -> str:
    return verdict.label if verdict is not None else (key or "")


def _own_reviews(claim: Claim, fallback_reviewer: str) -> list[ReviewerReview]:
    """The own review as the only review of a claim, in a library without colleagues' reviews."""
    own = own_as_reviewer_review(claim.review, fallback_reviewer) if claim.review is not None else None
    return [own] if own is not None else []


def _check_options(options: ReportOptions) -> None:
    for name in ("since", "until"):
        value = getattr(options, name)
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ReviewerError(f"--{name} {value!r} is not a date; write it as YYYY-MM-DD.") from None
    if options.since and options.until and options.since > options.until:
        raise ReviewerError(f"The date range is empty: {options.since} is after {options.until}.")
    if options.page_size not in PAGE_SIZES:
        raise ReviewerError(f"Unknown page size {options.page_size!r}; use A4 or Letter.")
    clean_url_base(options.url_base)
    unknown = [s for s in options.statuses if s not in STATUSES]
    if unknown:
        raise ReviewerError(f"Unknown status {unknown[0]!r}; use one of {', '.join(STATUSES)}.")


def clean_url_base(text: str | None) -> str | None:
    """The ClaimReview base URL as reviews' addresses start (no trailing "/"), None when empty.

    Each review's ``url`` is ``<base>/claims/<claim id>``: one address per review, stable as
    long as the claim is in the library, whatever is edited. Raises ReviewerError unless the
    base is an http(s) address (``safe_url``) without a query or fragment, which the path
    added after it would fall into. Pure; any thread.
    """
    text = (text or "").strip()
    if not text:
        return None
    url = safe_url(text)
    if url is None or not re.match(r"https?://[^/?#\s]+", url, re.IGNORECASE) or re.search(r"[?#]", url):
        raise ReviewerError(
            f"The ClaimReview base URL {text!r} is not a web page address: give the http:// or https:// "
            "address your fact checks are published under, e.g. https://factdesk.example/checks "
            "(no ? or #)."
        )
    return url.rstrip("/")


def _wanted(claim: Claim, options: ReportOptions) -> bool:
    if claim.dismissed:
        return False
    review = claim.review
    if review is None or review.verdict is None:
        return options.include_unreviewed and is_checkworthy(claim, options.threshold)
    if options.verdicts and review.verdict not in options.verdicts:
        return False
    if options.reviewers and review.reviewer not in options.reviewers:
        return False
    day = (review.updated_at or "")[:10]
    if options.since and day < options.since:
        return False
    if options.until and day > options.until:
        return False
    return True


def _counts(claims: Sequence[ReportClaim], scale: VerdictScale) -> tuple[VerdictCount, ...]:
    """Counts per verdict: the active scale's verdicts in order (zeros included), then any
    verdict of another scale that occurs, then unreviewed when there are any."""
    tally = Counter(c.claim.verdict for c in claims)
    rows = [VerdictCount(v.key, v.label, v.color, tally.pop(v.key, 0)) for v in scale.verdicts]
    unreviewed = tally.pop(None, 0)
    others = {c.claim.verdict: c for c in claims if c.claim.verdict in tally}
    for key, c in others.items():
        rows.append(VerdictCount(key, c.verdict_label, c.verdict_color, tally[key]))
    if unreviewed:
        rows.append(VerdictCount(None, UNREVIEWED_LABEL, UNREVIEWED_COLOR, unreviewed))
    return tuple(rows)


def _describe_filters(options: ReportOptions, scale: VerdictScale) -> tuple[str, ...]:
    parts = []
    if options.verdicts:
        labels = [verdict.label if (verdict := scale.get(k)) else k for k in options.verdicts]
        parts.append("Verdicts: " + ", ".join(labels))
    if options.reviewers:
        parts.append("Reviewers: " + ", ".join(options.reviewers))
    if options.statuses:
        parts.append("Article status: " + ", ".join(options.statuses))
    if options.since or options.until:
        parts.append(f"Reviewed {options.since or '…'} to {options.until or '…'}")
    parts.append("Unreviewed claims included" if options.include_unreviewed else "Reviewed claims only")
    return tuple(parts)


_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]*)(?=\s)")


def _sentence_context(article: Article, claim: Claim) -> tuple[str, str]:
    """The rest of the claim's sentence on either side, within its block, trimmed to a readable length."""
    text = article.text
    lo, hi = 0, len(text)
    for block in article.blocks:
        if block.start <= claim.start < block.end:
            lo, hi = block.start, max(block.end, claim.end)
            break
    else:  # no blocks: paragraphs are separated by blank lines
        para = text.rfind("\n\n", 0, claim.start)
        lo = 0 if para < 0 else para + 2
        para = text.find("\n\n", claim.end)
        hi = len(text) if para < 0 else para
    start = lo
    for match in _SENTENCE_END.finditer(text, lo, claim.start):
        start = match.end()
    last = _SENTENCE_END.search(text, max(claim.end - 1, lo), hi)
    end = last.end() if last else hi
    before = _SPACES.sub(" ", text[start : claim.start]).lstrip()
    after = _SPACES.sub(" ", text[claim.end : end]).rstrip()
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return before, after
