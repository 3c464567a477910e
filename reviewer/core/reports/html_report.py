"""The ``html`` format: one self-contained file an editor can open, print or publish.

No external requests at all: inline CSS (with a print stylesheet), no fonts, images or scripts
from anywhere, and a Content-Security-Policy that forbids scripts and remote loads even if
something slipped through. Everything from an article or a person is HTML-escaped; notes go
through ``render_markdown`` (nh3-sanitised); evidence URLs become links only when ``safe_url``
accepts them. Each reviewed claim carries a schema.org ClaimReview JSON-LD block whose JSON
has ``<``, ``>`` and ``&`` escaped, so user text cannot close the script element. Which facts are
shown about the report, each article, claim and piece of evidence comes from ``facts``. Pure.
"""

from __future__ import annotations

from html import escape

from ..domain import Evidence
from ..markdown_render import safe_url
from .claimreview import claim_review, json_for_script
from .common import format_timestamp, render_note, safe_color, text_on, without_controls
from .facts import PLACEHOLDER, STRONG, Fact, agreement_rows, article_facts, claim_facts, cover_facts, evidence_facts
from .model import Report, ReportArticle, ReportClaim, VerdictCount

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def h(value: object) -> str:
    """Escape text for HTML content and attribute values (quotes included)."""
    # Control characters are parse errors in HTML text; readers drop or replace them differently.
    return without_controls(escape("" if value is None else str(value), quote=True))


def fact_html(fact: Fact) -> str:
    """A fact's value as escaped HTML, also valid Qt rich text."""
    value = h(fact.value)
    link = safe_url(fact.href)  # checked again where the link is made, whoever built the fact
    if link:
        return f'<a href="{h(link)}" rel="noopener noreferrer">{value}</a>'
    if fact.kind == STRONG:
        return f"<strong>{value}</strong>"
    if fact.kind == PLACEHOLDER:
        return f"<em>{value}</em>"
    return value


def _definitions(facts: list[Fact]) -> str:
    return "".join(f"<dt>{h(f.label)}</dt><dd>{fact_html(f)}</dd>" for f in facts)


def _css(page_size: str) -> str:
    return _CSS.replace("@PAGE@", "A4" if page_size == "A4" else "letter")


_CSS = """
:root { --ink:#1d232b; --muted:#5b6570; --rule:#d9dee3; --paper:#ffffff; --tint:#f4f6f8; --accent:#1f4e79; }
* { box-sizing: border-box; }
html { background: #eef1f4; }
body { margin: 0 auto; max-width: 52rem; padding: 2.5rem 3rem 4rem; background: var(--paper); color: var(--ink);
  font: 15px/1.55 "Source Serif Pro", Georgia, "DejaVu Serif", "Times New Roman", serif; }
h1, h2, h3, h4, .label, .verdict, dt, .kicker, table, .chart, footer, nav {
  font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", "Liberation Sans", sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 1.2rem; color: var(--accent); }
h2 { font-size: 1.35rem; margin: 2.4rem 0 .6rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1rem; margin: 0; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 1rem 0 .3rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
.kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .78rem; color: var(--muted); }
.cover { border-top: 6px solid var(--accent); padding-top: 1.5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.2rem; margin: 0; }
dl.meta dt { color: var(--muted); font-size: .85rem; padding-top: .1rem; }
dl.meta dd { margin: 0; }
.empty { margin: 1.5rem 0; padding: .8rem 1rem; background: #fff8e1; border-left: 4px solid #E69F00; }
nav ol { padding-left: 1.4rem; margin: .4rem 0; font-size: .92rem; }
.chart { width: 100%; max-width: 36rem; height: auto; display: block; margin: .6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .6rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
tbody td:first-child { min-width: 12rem; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.stack { display: flex; height: .7rem; min-width: 8rem; border-radius: 2px; overflow: hidden; background: var(--tint); }
.stack span { display: block; height: 100%; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem .9rem; font-size: .8rem; color: var(--muted); }
.legend i { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: -.1rem;
  margin-right: .3rem; }
section.article { margin-top: 3rem; }
section.article > dl.meta { font-size: .92rem; margin-bottom: 1rem; }
.claim { border: 1px solid var(--rule); border-left: 6px solid var(--v, #999); border-radius: 4px;
  padding: .9rem 1.1rem 1rem; margin: 1.1rem 0; break-inside: avoid-page; }
.claim-head { display: flex; align-items: center; gap: .7rem; flex-wrap: wrap; margin-bottom: .55rem; }
.verdict { display: inline-block; padding: .12rem .55rem; border-radius: 3px; font-weight: 700; font-size: .82rem;
  letter-spacing: .02em; }
.claim-head .label { color: var(--muted); font-size: .8rem; }
blockquote { margin: 0; padding: .1rem 0 .1rem .9rem; border-left: 3px solid var(--rule); color: #3a434d; }
blockquote.context { font-size: 1.02rem; }
mark { background: #fff1b8; color: inherit; padding: 0 .1rem; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .7rem 0 0;
  font-size: .88rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.note { margin-top: .2rem; }
.note p { margin: .3rem 0; }
ol.evidence { margin: .2rem 0 0; padding-left: 1.3rem; font-size: .9rem; }
ol.evidence li { margin: .35rem 0; }
ol.evidence .url { color: var(--muted); font-size: .8rem; overflow-wrap: anywhere; }
ol.evidence blockquote { margin: .25rem 0; font-style: italic; }
ol.evidence .when { color: var(--muted); font-size: .8rem; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); font-size: .78rem;
  color: var(--muted); }
@media print {
  @page { size: @PAGE@; margin: 16mm 15mm 18mm; }
  html, body { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cover { break-after: page; }
  section.article { break-before: page; margin-top: 0; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  ol.evidence a[href]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); }
  .verdict, .stack span, .legend i, mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav { break-inside: avoid; }
}
"""


def render_html(report: Report) -> str:
    body = [_cover(report), _summary(report)]
    body += [_article(report, n, ra) for n, ra in enumerate(report.articles, 1)]
    body.append(
        f"<footer>{h(report.title)} · generated {h(format_timestamp(report.generated_at))} by Reviewer "
        f"{h(report.app_version)} · {report.total_claims} claims in {len(report.articles)} "
        f"article{'s' if len(report.articles) != 1 else ''}</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="Reviewer {h(report.app_version)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{h(report.title)}</title>\n<style>{_css(report.options.page_size)}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _cover(report: Report) -> str:
    empty = ""
    if report.is_empty:
        empty = (
            '<p class="empty"><strong>Nothing to report.</strong> No claims match this selection and these filters.</p>'
        )
    toc = ""
    if len(report.articles) > 1:
        items = "".join(
            f'<li><a href="#article-{ra.article.id}">{h(ra.article.title)}</a></li>' for ra in report.articles
        )
        toc = f'<nav aria-label="Contents"><h4>Contents</h4><ol>{items}</ol></nav>'
    return (
        f'<header class="cover"><div class="kicker">Fact-check report</div><h1>{h(report.title)}</h1>'
        f'<dl class="meta">{_definitions(cover_facts(report))}</dl>{empty}{toc}</header>'
    )


def bar_chart_svg(counts: tuple[VerdictCount, ...]) -> str:
    """A horizontal bar chart of verdict counts as inline SVG (labels and numbers as text)."""
    rows = [c for c in counts if c.count or c.key is not None]
    if not rows:
        return ""
    top = max(c.count for c in rows) or 1
    row_h, label_w, bar_w, width = 26, 150, 300, 500
    parts = [
        f'<svg class="chart" role="img" aria-label="Claims per verdict" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {row_h * len(rows) + 6}" width="{width}" height="{row_h * len(rows) + 6}">'
    ]
    for i, c in enumerate(rows):
        y = i * row_h + 3
        w = round(bar_w * c.count / top, 1)
        parts.append(
            f'<text x="{label_w - 10}" y="{y + 16}" text-anchor="end" font-size="13" fill="#1d232b">{h(c.label)}'
            f'</text><rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="17" fill="#f4f6f8"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="17" rx="2" fill="{safe_color(c.color)}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13" font-weight="600" fill="#1d232b">{c.count}'
            "</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _stack(counts: tuple[VerdictCount, ...]) -> str:
    total = sum(c.count for c in counts)
    if not total:
        return '<div class="stack"></div>'
    spans = "".join(
        f'<span style="width:{100 * c.count / total:.2f}%;background:{safe_color(c.color)}" '
        f'title="{h(c.label)}: {c.count}"></span>'
        for c in counts
        if c.count
    )
    return f'<div class="stack" role="img" aria-label="verdicts">{spans}</div>'


def _summary(report: Report) -> str:
    out = [
        '<section class="summary"><h2>Summary</h2>',
        f"<p>{report.total_claims} claim{'s' if report.total_claims != 1 else ''} in {len(report.articles)} "
        f"article{'s' if len(report.articles) != 1 else ''}; {report.reviewed_claims} reviewed.</p>",
        bar_chart_svg(report.counts),
    ]
    shown = [c for c in report.counts if c.count]
    if report.articles and shown:
        head = "".join(f'<th class="n">{h(c.label)}</th>' for c in shown)
        out.append(
            f'<table><thead><tr><th>Article</th>{head}<th class="n">Total</th><th>Share</th></tr></thead><tbody>'
        )
        for ra in report.articles:
            by_key = {c.key: c.count for c in ra.counts}
            cells = "".join(f'<td class="n">{by_key.get(c.key, 0) or ""}</td>' for c in shown)
            out.append(
                f'<tr><td><a href="#article-{ra.article.id}">{h(ra.article.title)}</a></td>{cells}'
                f'<td class="n">{len(ra.claims)}</td><td>{_stack(ra.counts)}</td></tr>'
            )
        out.append("</tbody></table>")
        legend = "".join(f'<span><i style="background:{safe_color(c.color)}"></i>{h(c.label)}</span>' for c in shown)
        out.append(f'<div class="legend">{legend}</div>')
    out.append(agreement_table(report))
    out.append("</section>")
    return "".join(out)


def agreement_table(report: Report, attributes: str = "") -> str:
    """The agreement between reviewers as a table (HTML and Qt rich text); "" without colleagues' reviews."""
    rows = agreement_rows(report)
    if not rows:
        return ""
    head = "".join(f"<th>{h(cell)}</th>" for cell in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{h(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
    return (
        f"<h3>Agreement between reviewers</h3><table{attributes}><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _article(report: Report, n: int, ra: ReportArticle) -> str:
    a = ra.article
    claims = "".join(_claim(report, n, m, ra, rc) for m, rc in enumerate(ra.claims, 1))
    if not ra.claims:
        claims = '<p class="empty">No claims in this article match the report\'s filters.</p>'
    return (
        f'<section class="article" id="article-{a.id}"><h2>{n}. {h(a.title)}</h2>'
        f'<dl class="meta">{_definitions(article_facts(ra))}</dl>{claims}</section>'
    )


def verdict_badge(label: str, color: str) -> str:
    color = safe_color(color)
    return f'<span class="verdict" style="background:{color};color:{text_on(color)}">{h(label)}</span>'


_EVIDENCE = {
    "url": ' <span class="url">{}</span>',
    "details": ' <span class="when">{}</span>',
    "quote": "<blockquote>{}</blockquote>",
}


def _claim(report: Report, n: int, m: int, ra: ReportArticle, rc: ReportClaim) -> str:
    color = safe_color(rc.verdict_color)
    out = [
        f'<article class="claim" id="{rc.fragment}" style="--v:{color}">',
        f'<div class="claim-head">{verdict_badge(rc.verdict_label, color)}<h3 class="label">Claim {n}.{m}</h3></div>',
        f'<blockquote class="context">{h(rc.before)}<mark>{h(rc.claim.text)}</mark>{h(rc.after)}</blockquote>',
        f'<dl class="facts">{_definitions(claim_facts(rc))}</dl>',
    ]
    note = render_note(rc.claim.note)
    if note:
        out.append(f'<h4>Note</h4><div class="note">{note}</div>')
    if rc.evidence:
        items = "".join(f"<li>{evidence_html(e, **_EVIDENCE)}</li>" for e in rc.evidence)
        out.append(f'<h4>Evidence</h4><ol class="evidence">{items}</ol>')
    if rc.reviewed:
        out.append('<script type="application/ld+json">' + json_for_script(claim_review(report, ra, rc)) + "</script>")
    out.append("</article>")
    return "".join(out)


def evidence_html(e: Evidence, *, url: str, details: str, quote: str) -> str:
    """One piece of evidence as HTML or Qt rich text: its title (a link where safe), then its URL,
    details and quote, escaped and each put where '{}' stands in its template."""
    ev = evidence_facts(e)
    item = fact_html(ev.title)
    if ev.url:  # the title carries the link; the address is shown for print and plain reading
        item += url.format(h(ev.url.value))
    if ev.details:
        item += details.format(" · ".join(f"{h(f.label)} {fact_html(f)}" for f in ev.details))
    if ev.quote:
        item += quote.format(h(ev.quote.value))
    return item
