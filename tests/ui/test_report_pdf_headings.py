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
from reviewer.ui import report_pdf  # noqa: E402


def _library(store, claims_per_article=40):
    """Two articles whose claims have notes of 1 to 4 paragraphs: claim headings fall all over the pages."""
    for a in range(2):
        sentences = [f"Figure {a}.{i} rose to {i * 7 % 50}% last year in region {i}." for i in range(claims_per_article)]
        article = add_article(store, f"Article {a}", sentences, [(s, "Barack Obama", "statistic") for s in sentences])
        for i, claim in enumerate(store.claims_for_article(article.id)):
            note = "\n\n".join(f"Paragraph {k} of the note on claim {i}: the office's release says otherwise."
                               for k in range(1 + i % 4))
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
            assert f"Figure{article}.{claim}rose" in body[match.end():], f"page {number}: {match[0]}"
    assert headings == 80  # every claim is there, once
    # Each claim's line on one page only: a line cut by the page's bottom is drawn (clipped) on both.
    everything = "".join(pages)
    assert [everything.count(f"Figure{a}.{i}rose") for a in range(2) for i in range(40)] == [1] * 80
