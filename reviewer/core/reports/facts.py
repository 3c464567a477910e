"""What a report says about itself, each article, each claim and each piece of evidence.

Decided once here for every human-readable format (Markdown, HTML, Qt rich text): which facts
are shown, under which label, in which order, and how each value is worded. A writer only lays
the facts out in its own markup and escapes them for it: values here are plain text, never
escaped. A fact whose value is empty is left out. Pure, any thread; the lists returned are new
and belong to the caller.
"""

from __future__ import annotations

from typing import NamedTuple

from ..domain import Evidence
from ..markdown_render import safe_url
from ..domain import STATUS_LABELS, kind_label
from ..agreement import Agreement, format_figure
from .common import confidence_label, format_timestamp
from .model import Report, ReportArticle, ReportClaim, VerdictCount

# How a writer should present a fact's value.
TEXT = "text"
URL = "url"  # the value is a URL; ``href`` is set when it may become a link
STRONG = "strong"  # the fact a reader looks for first (the verdict)
PLACEHOLDER = "placeholder"  # stands in for a missing value, e.g. no speaker: "the article"


class Fact(NamedTuple):
    """One labelled value, e.g. ("Speaker", "Maria Lopez", TEXT)."""

    label: str
    value: str
    kind: str = TEXT
    href: str | None = None  # a URL ``safe_url`` accepted: the value may link there


def _present(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.value]


def _url(label: str, url: str | None) -> Fact:
    link = safe_url(url)
    return Fact(label, link or url or "", URL, link)


def verdict_tally(counts: tuple[VerdictCount, ...]) -> str:
    """'Supported 1, Misleading 2': the verdicts that occur, with their counts; 'none' when none do."""
    return ", ".join(f"{c.label} {c.count}" for c in counts if c.count) or "none"


def cover_facts(report: Report) -> list[Fact]:
    """What the report covers and where it came from, for its cover page."""
    return _present(
        [
            Fact("Organisation", report.organisation or "—"),
            Fact("Reviewers", ", ".join(report.reviewers) or "—"),
            Fact("Review dates", report.period_label),
            Fact("Articles", str(len(report.articles))),
            Fact("Claims", f"{report.total_claims} ({report.reviewed_claims} reviewed)"),
            Fact("Filters", "; ".join(report.filters)),
            Fact("Generated", f"{format_timestamp(report.generated_at)} by Reviewer {report.app_version}"),
        ]
    )


def article_facts(ra: ReportArticle) -> list[Fact]:
    """An article's metadata, shown under its title."""
    a = ra.article
    return _present(
        [
            Fact("Source", a.source or ""),
            _url("URL", a.url),
            Fact("Author", a.author or ""),
            Fact("Published", a.published or ""),
            Fact("Status", STATUS_LABELS.get(a.status, a.status or "")),
            Fact("Claims", verdict_tally(ra.counts)),
            Fact("Agreement", agreement_summary(ra.agreement) if ra.agreement is not None else ""),
        ]
    )


def agreement_summary(figures: Agreement) -> str:
    """'ana, bob on 12 claims: 83.3% agree, kappa 0.640, alpha 0.652' (or why there are no figures)."""
    if figures.claims == 0:
        return f"not measured: {figures.alpha_undefined}"
    parts = [f"{format_figure(figures.percentage, percent=True)} agree"]
    if len(figures.reviewers) == 2:
        parts.append(f"kappa {format_figure(figures.kappa)}")
    parts.append(f"alpha {format_figure(figures.alpha)}")
    undefined = figures.alpha_undefined or (figures.kappa_undefined if len(figures.reviewers) == 2 else None)
    note = f" ({undefined})" if undefined else ""
    return (
        f"{', '.join(figures.reviewers)} on {figures.claims} claim{'s' if figures.claims != 1 else ''}: "
        f"{', '.join(parts)}{note}"
    )


def agreement_rows(report: Report) -> list[tuple[str, ...]]:
    """The agreement table of a report's summary: a header row, then one row per article with
    colleagues' reviews, then the whole report. Empty when the library holds no colleague's review."""
    if report.agreement is None:
        return []
    rows: list[tuple[str, ...]] = [AGREEMENT_HEADER]
    for ra in report.articles:
        if ra.agreement is not None and len(ra.agreement.reviewers) > 1:
            rows.append(_agreement_row(ra.article.title, ra.agreement))
    if len(rows) > 2 or len(rows) == 1:
        rows.append(_agreement_row("All articles", report.agreement))
    return rows


AGREEMENT_HEADER = (
    "Article",
    "Reviewers",
    "Claims reviewed by 2+",
    "Agreement",
    "Cohen's kappa",
    "Krippendorff's alpha",
)


def _agreement_row(title: str, figures: Agreement) -> tuple[str, ...]:
    kappa = format_figure(figures.kappa) if len(figures.reviewers) == 2 else "—"
    return (
        title,
        ", ".join(figures.reviewers) or "—",
        str(figures.claims),
        format_figure(figures.percentage, percent=True),
        kappa,
        format_figure(figures.alpha),
    )


def claim_facts(rc: ReportClaim) -> list[Fact]:
    """A claim's verdict and who said, classified and reviewed it, shown under its sentence."""
    c, review = rc.claim, rc.claim.review
    facts = [
        Fact("Verdict", rc.verdict_label, STRONG),
        Fact("Confidence", confidence_label(review.confidence if review else None)),
        Fact("Speaker", c.speaker) if c.speaker else Fact("Speaker", "the article", PLACEHOLDER),
        Fact("Kind", kind_label(c.kind)),
    ]
    if rc.reviewed and review is not None:
        facts.append(Fact("Reviewed by", f"{review.reviewer or 'unknown'}, {format_timestamp(review.updated_at)}"))
    if len(rc.reviews) > 1:
        verdicts = "; ".join(f"{r.reviewer}: {label or 'no verdict'}" for r, label in zip(rc.reviews, rc.review_labels))
        facts.append(Fact("Reviewers disagree" if rc.disagree else "Reviews", verdicts))
    d = rc.decision
    if d is not None:
        note = f" ({' '.join(d.note.split())})" if d.note.strip() else ""
        facts.append(
            Fact("Final decision", f"{rc.verdict_label}, by {d.decided_by}, {format_timestamp(d.decided_at)}{note}")
        )
    return _present(facts)


class EvidenceFacts(NamedTuple):
    """One piece of evidence, in reading order: title, URL, details, quote."""

    title: Fact  # its title, else its URL, else "Evidence"; ``href`` set where it may link
    url: Fact | None  # its URL beside the title, when the title is not the URL already
    details: list[Fact]  # read inline after the title ("accessed 2024-05-01"), so labels are lower case
    quote: Fact | None  # the passage that supports or refutes the claim


def evidence_facts(e: Evidence) -> EvidenceFacts:
    """A piece of evidence as a writer lists it under a claim."""
    if e.title:
        title = Fact("title", e.title, TEXT, safe_url(e.url))
    elif e.url:
        title = _url("title", e.url)
    else:
        title = Fact("title", "Evidence")
    return EvidenceFacts(
        title=title,
        url=_url("url", e.url) if e.title and e.url else None,
        details=_present(
            [Fact("accessed", e.accessed or ""), Fact("attached file", e.original_name or e.file_name or "")]
        ),
        quote=Fact("quote", e.quote) if e.quote else None,
    )
