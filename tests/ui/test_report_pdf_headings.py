"""PDF reports never leave a claim's heading alone at the bottom of a page (#16): read back with pypdf."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pypdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_reports_data import add_article  # noqa: E402

from reviewer.core.reports import ReportOptions, build_report  # noqa: E402
from reviewer import pdf_qt as report_pdf  # noqa: E402


def _library(store, claims_per_article=40):
    """Two articles whose claims have notes of 1 to 4 paragraphs: claim headings fall all over the pages."""
    for a in range(2):
        sentences = [
            f"Figure {a}.{i} rose to {i * 7 % 50}% last year in region {i}." for i in range(claims_per_article)
        ]
        article = add_article(store, f"Article {a}", sentences, [(s, "Barack Obama", "statistic") for s in sentences])
        for i, claim in enumerate(store.claims_for_article(article.id)):
            note = "\n\n".join(
                f"Paragraph {k} of the note on claim {i}: the office's release says otherwise."
                for k in range(1 + i % 4)
            )
            store.set_review(claim.id, verdict="supported", note=note, who="alice")


def test_no_page_ends_with_a_claim_heading(qapp, store, monkeypatch):
    _library(store)
    moved = []
    keep = report_pdf.keep_claim_headings_with_text

    def spy(*args, **kwargs):
        moved.append(keep(*args, **kwargs))
        return moved[-1]

    monkeypatch.setattr(report_pdf, "keep_claim_headings_with_text", spy)
    pdf = report_pdf.render_pdf(build_report(store, ReportOptions()))
    assert moved and moved[0], "no heading fell at a page bottom: the test would prove nothing"

    pages = [re.sub(r"\s+", "", page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    headings = 0
    for number, text in enumerate(pages, 1):
        body = re.sub(r"Fact-checkreportPage\d+of\d+$", "", text)  # the running footer
        assert not re.search(r"Claim\d+\.\d+(Supported)?$", body), f"page {number} ends with a claim heading"
        for match in re.finditer(r"Claim(\d+)\.(\d+)", body):
            headings += 1
            article, claim = int(match[1]) - 1, int(match[2]) - 1
            # The claim's own words follow its heading on the same page.
            assert f"Figure{article}.{claim}rose" in body[match.end() :], f"page {number}: {match[0]}"
    assert headings == 80  # every claim is there, once
    # Each claim's line on one page only: a line cut by the page's bottom is drawn (clipped) on both.
    everything = "".join(pages)
    assert [everything.count(f"Figure{a}.{i}rose") for a in range(2) for i in range(40)] == [1] * 80


def test_headings_move_in_place_as_a_fresh_layout_would_place_them(qapp, store, monkeypatch):
    """The report's HTML is made and read once however many headings move (it was made again for
    every pass, which made the 1,000-claim PDF slow); several headings of one article move, one
    per pass, and the result lays out exactly as a document made with those page breaks."""
    from PySide6.QtGui import QTextDocument

    from reviewer.core.reports.rich_html import links_for_qt, render_rich_html

    _library(store, claims_per_article=60)  # two headings of each article fall at a page bottom in turn
    made, runs = [], []
    render, keep = report_pdf.render_rich_html, report_pdf.keep_claim_headings_with_text

    def counting_render(*args, **kwargs):
        made.append(kwargs)
        return render(*args, **kwargs)

    def spy(doc, report, body, cancelled=None):
        runs.append((doc, report, body, keep(doc, report, body, cancelled)))
        return runs[-1][-1]

    monkeypatch.setattr(report_pdf, "render_rich_html", counting_render)
    monkeypatch.setattr(report_pdf, "keep_claim_headings_with_text", spy)
    report_pdf.render_pdf(build_report(store, ReportOptions()))
    doc, report, body, moved = runs[0]
    assert len(made) == 1
    per_article = [sum(rc.claim.id in moved for rc in ra.claims) for ra in report.articles]
    assert max(per_article) >= 2, f"no article moved several headings: {per_article}"

    fresh = QTextDocument()
    fresh.documentLayout().setPaintDevice(doc.documentLayout().paintDevice())
    fresh.setDefaultFont(doc.defaultFont())
    fresh.setDocumentMargin(0)
    fresh.setHtml(links_for_qt(render_rich_html(report, break_before=moved)))
    fresh.setPageSize(body)
    assert fresh.pageCount() == doc.pageCount()

    def tops(d):
        layout, block, out = d.documentLayout(), d.begin(), []
        while block.isValid():
            out.append((block.text(), layout.blockBoundingRect(block).top()))
            block = block.next()
        return out

    assert tops(fresh) == tops(doc)
    headings = report_pdf._claim_headings(fresh, report)
    assert sum(len(h) for h in headings) == 120
    assert not [b.text() for h in headings for b, _ in h if report_pdf._orphaned(b, body.height())]
