"""The ``csv`` format: one row per claim, UTF-8 with a byte-order mark so spreadsheet
programs pick the right encoding. RFC 4180 quoting, CRLF line ends, a header row.

Columns, in order:

=================  ==========================================================================
article_id         the article's id in the library
article_title      title of the article
article_source     site or publication
article_url        the article's URL
article_author     author as imported
article_published  publication date as imported
article_status     workflow status: todo, in_review, done
claim_id           the claim's id in the library
claim              the claim's text, exactly as in the article
context            the whole sentence around the claim
claim_start        character offset of the claim in the article text (0-based)
claim_end          end offset (exclusive)
speaker            who made the claim, empty when the article itself
kind               kind of claim (statistic, quotation, …)
verdict            verdict key, empty when unreviewed
verdict_label      verdict as shown ("Unreviewed" when there is none)
rating_value       the verdict's numeric rating on its scale, empty when it has none
confidence         0–100, empty when not given
note               the reviewer's note, Markdown source
reviewer           who reviewed the claim
reviewed_at        when the review was last changed (ISO 8601, UTC)
evidence_count     number of pieces of evidence
evidence_urls      evidence URLs, one per line
evidence           every piece of evidence, one per line: title — URL — “quote” — accessed date
claim_url          article URL with the claim's fragment (#claim-ID), when the article has a URL
=================  ==========================================================================

``verdict`` is the claim's effective verdict: an editor's final decision where there is one, else
the review's. When the library holds colleagues' reviews (team review), more columns follow:

=====================  ======================================================================
reviewers_disagree     ``yes`` when two reviewers gave the claim different verdicts
final_decision_by      who made the final decision, empty when there is none
verdict:<reviewer>     one column per reviewer in the report: that reviewer's verdict key
=====================  ======================================================================

Text that came from an article or a person and starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return — also after leading spaces or other whitespace or invisible characters, and
in their full-width forms ``＝ ＋ － ＠``, which spreadsheet programs also read — gets a leading apostrophe, so a spreadsheet shows it as text instead of
running it as a formula (CSV injection). URLs are on one line each (any whitespace inside
becomes a space), so ``evidence_urls`` has exactly one line per URL. Other control characters
are replaced: VT, FF and NEL by a space, NUL, DEL and the rest by U+FFFD.
"""

from __future__ import annotations

import csv
import io
import re

from .common import claim_url, evidence_line, without_controls
from .model import Report

COLUMNS = (
    "article_id",
    "article_title",
    "article_source",
    "article_url",
    "article_author",
    "article_published",
    "article_status",
    "claim_id",
    "claim",
    "context",
    "claim_start",
    "claim_end",
    "speaker",
    "kind",
    "verdict",
    "verdict_label",
    "rating_value",
    "confidence",
    "note",
    "reviewer",
    "reviewed_at",
    "evidence_count",
    "evidence_urls",
    "evidence",
    "claim_url",
)
# Spreadsheets skip leading whitespace before a formula, and some read the full-width signs
# (U+FF0B, U+FF0D, U+FF1D, U+FF20) as their ASCII twins. "\\s" covers tab, CR, no-break and
# ideographic spaces; zero-width spaces, joiners and the BOM are invisible and skipped too.
_FORMULA_START = re.compile("[\\s\u200b-\u200d\u2060\ufeff]*[=+\\-@\uff0b\uff0d\uff1d\uff20]|[\t\r]")


def _text(value: str | None) -> str:
    if not value:
        return ""
    value = without_controls(value)
    return "'" + value if _FORMULA_START.match(value) else value


def _one_line(url: str) -> str:
    """A URL as one line of text: whatever whitespace is inside (line breaks, tabs, U+2028)
    becomes one space, so a hostile URL cannot pass for two."""
    return " ".join(url.split())


def render_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    team = report.agreement is not None
    names = sorted({r.reviewer for rc in report.claims for r in rc.reviews}, key=str.casefold) if team else []
    writer.writerow(
        COLUMNS + (("reviewers_disagree", "final_decision_by", *(_text(f"verdict:{n}") for n in names)) if team else ())
    )
    for ra in report.articles:
        a = ra.article
        for rc in ra.claims:
            c, review = rc.claim, rc.claim.review
            reviewed = rc.reviewed
            extra: tuple[str, ...] = ()
            if team:
                by_name = {r.reviewer: r.verdict or "" for r in rc.reviews}
                extra = (
                    "yes" if rc.disagree else "",
                    _text(rc.decision.decided_by if rc.decision else None),
                    *(_text(by_name.get(n)) for n in names),
                )
            writer.writerow(
                (
                    a.id,
                    _text(a.title),
                    _text(a.source),
                    _text(_one_line(a.url or "")),
                    _text(a.author),
                    _text(a.published),
                    a.status,
                    c.id,
                    _text(c.text),
                    _text(rc.context),
                    c.start,
                    c.end,
                    _text(c.speaker),
                    _text(c.kind),
                    _text(c.verdict),
                    _text(rc.verdict_label),
                    ""
                    if not reviewed or rc.verdict is None or rc.verdict.rating_value is None
                    else rc.verdict.rating_value,
                    "" if review is None or review.confidence is None else review.confidence,
                    _text(c.note),
                    _text(review.reviewer if review and reviewed else None),
                    review.updated_at if review and reviewed else "",
                    len(rc.evidence),
                    _text("\n".join(_one_line(e.url) for e in rc.evidence if e.url)),
                    _text("\n".join(evidence_line(e) for e in rc.evidence)),
                    claim_url(ra, rc) or "",
                    *extra,
                )
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
