"""The report as Qt rich text: the HTML subset QTextDocument understands, for the PDF and
the in-app preview (QTextBrowser). Layout uses tables and ``bgcolor`` instead of CSS the Qt
engine ignores; the bar chart is a table of coloured cells. Same escaping rules as the HTML
report: everything from an article or a person is escaped, notes are nh3-sanitised Markdown,
and no element can load anything. The facts shown are those of ``facts``, as in every format.
For the PDF, ``links_for_qt`` writes every link's address with ``encoded_link`` last: Qt writes
a link into the PDF as a string without escaping it, so a ")" in an address could end the
string and add actions (JavaScript) to the link. Pure; no Qt import.
"""

from __future__ import annotations

from ..urls import encoded_link
from .common import render_note, rewrite_links, safe_color, text_on
from .facts import Fact, article_facts, claim_facts, cover_facts
from .html_report import agreement_table, evidence_html, fact_html, h
from .model import Report, ReportArticle, ReportClaim, VerdictCount

ACCENT = "#1f4e79"
PAGE_BREAK = ' style="page-break-before: always;"'
MUTED = "#5b6570"
SANS = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
SERIF = "'DejaVu Serif', 'Liberation Serif', Georgia, serif"

STYLE = f"""
body {{ font-family: {SERIF}; font-size: 10pt; color: #1d232b; }}
h1 {{ font-family: {SANS}; font-size: 22pt; color: {ACCENT}; margin-top: 6px; margin-bottom: 14px; }}
h2 {{ font-family: {SANS}; font-size: 15pt; color: {ACCENT}; margin-top: 6px; margin-bottom: 8px; }}
h3 {{ font-family: {SANS}; font-size: 10pt; color: {MUTED}; margin-top: 18px; margin-bottom: 4px; }}
h4 {{ font-family: {SANS}; font-size: 8pt; color: {MUTED}; margin-top: 8px; margin-bottom: 2px; }}
p {{ margin-top: 3px; margin-bottom: 3px; }}
td.k {{ font-family: {SANS}; font-size: 8.5pt; color: {MUTED}; padding-right: 10px; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8.5pt; }}
.sans {{ font-family: {SANS}; }}
a[href] {{ color: {ACCENT}; }}
"""


def badge(label: str, color: str) -> str:
    color = safe_color(color)
    return (
        f'<span style="background-color:{color}; color:{text_on(color)}; font-family:{SANS}; '
        f'font-weight:bold;">&nbsp;{h(label)}&nbsp;</span>'
    )


def _rows(facts: list[Fact]) -> str:
    return "".join(f'<tr><td class="k">{h(f.label)}</td><td>{fact_html(f)}</td></tr>' for f in facts)


def render_rich_html(
    report: Report,
    *,
    max_claims: int | None = None,
    page_breaks: bool = True,
    break_before: frozenset[int] = frozenset(),
) -> str:
    """The whole report as Qt rich text. ``max_claims`` cuts a long report short (for previews);
    the claims whose ids are in ``break_before`` start a new page (the PDF writer keeps a claim's
    heading with its first lines that way, see ``reviewer.pdf_qt``)."""
    brk = PAGE_BREAK if page_breaks else ""
    # The summary shares the cover page; every article starts a new page.
    out = [
        f"<html><head><style>{STYLE}</style></head><body>",
        _cover(report),
        '<h2 style="margin-top:22px;">Summary</h2>',
        _summary(report),
    ]
    shown = 0
    for n, ra in enumerate(report.articles, 1):
        if max_claims is not None and shown >= max_claims:
            rest = report.total_claims - shown
            out.append(
                f'<p class="muted"><i>Preview ends here: {rest} more claim{"s" if rest != 1 else ""} '
                "in the exported report.</i></p>"
            )
            break
        claims = ra.claims if max_claims is None else ra.claims[: max_claims - shown]
        shown += len(claims)
        out.append(_article(n, ra, claims, brk, break_before if page_breaks else frozenset()))
    out.append("</body></html>")
    return "".join(out)


def links_for_qt(rich_html: str) -> str:
    """``rich_html`` with every ``<a href>`` address written by ``encoded_link`` (printable
    ASCII, no parentheses), or the href dropped when the address may not be a link at all
    (only http(s) and mailto may). The PDF writer passes the whole document here just
    before Qt reads it, so every link passes, whoever made it: a fact, evidence, or a note's
    Markdown or HTML. The preview does not need it (no PDF string to end)."""
    return rewrite_links(rich_html, encoded_link)


def _cover(report: Report) -> str:
    out = [
        f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td bgcolor="{ACCENT}" height="6"></td></tr></table>',
        f'<p class="sans muted small" style="margin-top:14px;">FACT-CHECK REPORT</p><h1>{h(report.title)}</h1>',
        f'<table cellspacing="0" cellpadding="3">{_rows(cover_facts(report))}</table>',
    ]
    if report.is_empty:
        out.append(
            '<table width="100%" cellpadding="8" style="margin-top:16px;"><tr><td bgcolor="#fff8e1">'
            "<b>Nothing to report.</b> No claims match this selection and these filters.</td></tr></table>"
        )
    if len(report.articles) > 1:
        items = "".join(f"<li>{h(ra.article.title)}</li>" for ra in report.articles[:60])
        more = len(report.articles) - 60
        out.append(f'<h4 style="margin-top:18px;">CONTENTS</h4><ol class="small">{items}</ol>')
        if more > 0:
            out.append(f'<p class="small muted">… and {more} more articles.</p>')
    return "".join(out)


def bar_chart(counts: tuple[VerdictCount, ...], width_pct: int = 100) -> str:
    """Horizontal bars as a table: label, a coloured cell sized by count, the number."""
    rows = [c for c in counts if c.count or c.key is not None]
    top = max((c.count for c in rows), default=0) or 1
    out = [f'<table width="{width_pct}%" cellspacing="0" cellpadding="2">']
    for c in rows:
        pct = max(1, round(70 * c.count / top)) if c.count else 0
        bar = f'<td width="{pct}%" bgcolor="{safe_color(c.color)}">&nbsp;</td>' if pct else ""
        out.append(
            f'<tr><td width="22%" align="right" class="sans small">{h(c.label)}</td><td width="78%">'
            f'<table width="100%" cellspacing="0" cellpadding="1"><tr>{bar}'
            f'<td class="sans small"><b>&nbsp;{c.count}</b></td></tr></table></td></tr>'
        )
    out.append("</table>")
    return "".join(out)


def _summary(report: Report) -> str:
    total, n_articles = report.total_claims, len(report.articles)
    out = [
        f"<p>{total} claim{'s' if total != 1 else ''} in {n_articles} article{'s' if n_articles != 1 else ''}; "
        f"{report.reviewed_claims} reviewed.</p>",
        bar_chart(report.counts),
    ]
    shown = [c for c in report.counts if c.count]
    if report.articles and shown:
        head = "".join(f'<th align="right">{h(c.label)}</th>' for c in shown)
        out.append(
            f'<h3>Per article</h3><table width="100%" cellspacing="0" cellpadding="3" class="small sans" '
            f'style="border-collapse: collapse;"><tr bgcolor="#f4f6f8"><th align="left">Article</th>{head}'
            f'<th align="right">Total</th></tr>'
        )
        for ra in report.articles:
            by_key = {c.key: c.count for c in ra.counts}
            cells = "".join(f'<td align="right">{by_key.get(c.key, 0) or ""}</td>' for c in shown)
            out.append(f'<tr><td>{h(ra.article.title)}</td>{cells}<td align="right">{len(ra.claims)}</td></tr>')
        out.append("</table>")
    out.append(agreement_table(report, ' width="100%" cellspacing="0" cellpadding="3" class="small sans"'))
    return "".join(out)


def _article(
    n: int, ra: ReportArticle, claims: tuple[ReportClaim, ...], brk: str, break_before: frozenset[int] = frozenset()
) -> str:
    meta = _rows(article_facts(ra))
    out = [
        f"<h2{brk}>{n}. {h(ra.article.title)}</h2><hr>",
        f'<table cellspacing="0" cellpadding="2" style="margin-top:4px; margin-bottom:6px;">{meta}</table>',
    ]
    if not ra.claims:
        out.append('<p class="muted"><i>No claims in this article match the report\'s filters.</i></p>')
    for m, rc in enumerate(claims, 1):
        out.append(_claim(n, m, rc, rc.claim.id in break_before))
    return "".join(out)


_EVIDENCE = {
    "url": ' <span class="muted small">{}</span>',
    "details": '<br><span class="muted small">{}</span>',
    "quote": "<br><i>“{}”</i>",
}


def claim_heading(n: int, m: int) -> str:
    """The heading of the m-th claim of the n-th article, as the reader (and the PDF's outline) sees it."""
    return f"Claim {n}.{m}"


def _claim(n: int, m: int, rc: ReportClaim, new_page: bool = False) -> str:
    # Paragraphs only, no tables: QTextDocument lays tables out slowly, and a report has
    # a thousand claims.
    facts = " &nbsp;·&nbsp; ".join(
        f'<span class="sans muted">{h(f.label)}</span> {fact_html(f)}' for f in claim_facts(rc)
    )
    out = [
        f'<h3{PAGE_BREAK if new_page else ""}><a name="{rc.fragment}"></a>{claim_heading(n, m)}</h3>',
        f'<p style="margin-bottom:5px;">{badge(rc.verdict_label, rc.verdict_color)}</p>',
        f'<p style="font-size:10.5pt; margin-left:10px;"><span style="color:#3a434d;">{h(rc.before)}</span>'
        f'<span style="background-color:#fff1b8; font-weight:bold;">{h(rc.claim.text)}</span>'
        f'<span style="color:#3a434d;">{h(rc.after)}</span></p>',
        f'<p class="small" style="margin-left:10px;">{facts}</p>',
    ]
    note = render_note(rc.claim.note)
    if note:
        out.append(f"<h4>NOTE</h4>{note}")
    if rc.evidence:
        items = "".join(f"<li>{evidence_html(e, **_EVIDENCE)}</li>" for e in rc.evidence)
        out.append(f'<h4>EVIDENCE</h4><ol style="margin-top:0px;">{items}</ol>')
    return "".join(out)
