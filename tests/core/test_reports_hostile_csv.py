"""CSV cells that a spreadsheet would run as a formula start with an apostrophe, however they hide it."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.domain import ClaimDraft

FORMULAS = [
    '  =HYPERLINK("http://evil.example","x")',
    "\t=1+1",
    " \t +cmd|' /C calc'!A0",
    "\u00a0-2+3",
    "\u3000@SUM(A1)",
    "\u200b=1+1",
    '＝HYPERLINK("http://evil.example")',
    "＋1+1",
    "－1+1",
    "＠SUM(A1)",
    "  ＝1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_hidden_formulas_are_neutralised(store, formula):
    text = f"Headline\n\n{formula} is what the minister typed."
    start = text.index("is what")
    doc = SimpleNamespace(
        title=formula,
        site=formula,
        url=None,
        author=formula,
        published=None,
        original_format="txt",
        source_path=None,
        text=text,
        blocks=(),
        language="en",
        content_hash=f"h-{formula}",
    )
    article = store.add_article(
        doc, [ClaimDraft(start=start, end=len(text), score=0.9, checkworthy=True, kind="statistic", speaker=formula)]
    )
    claim = store.claims_for_article(article.id)[0]
    store.set_review(claim.id, verdict="supported", note=formula)
    store.add_evidence(claim.id, title=formula, quote=formula)
    data = render(build_report(store, ReportOptions()), "csv")
    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    for column in ("article_title", "article_source", "article_author", "speaker", "note"):
        assert row[column] == "'" + formula, (column, row[column])
    assert row["evidence"].startswith("'")  # its title first, spaces folded


def test_plain_text_with_leading_spaces_is_left_alone(store):
    from reviewer.core.reports.csv_report import _text

    assert _text("  hello = world") == "  hello = world"
    assert _text("a＝b") == "a＝b"
    assert _text("-5% growth") == "'-5% growth"
