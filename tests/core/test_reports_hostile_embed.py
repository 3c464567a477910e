"""ClaimReview (and the JSON report) stay safe to paste into <script type="application/ld+json">."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.domain import ClaimDraft

ATTACK = "</script><script>alert(1)</script>"


def _reviewed_library(store):
    text = f"Headline\n\nThe minister said {ATTACK} & <!-- fell 4% last year."
    start = text.index("The")
    doc = SimpleNamespace(
        title=f"Budget {ATTACK}",
        site=f"Site {ATTACK}",
        url="https://news.example/a?x=1&y=2",
        author=None,
        published=None,
        original_format="txt",
        source_path=None,
        text=text,
        blocks=(),
        language="en",
        content_hash="h-embed",
    )
    article = store.add_article(
        doc, [ClaimDraft(start=start, end=len(text), score=0.9, checkworthy=True, kind="statistic")]
    )
    claim = store.claims_for_article(article.id)[0]
    store.set_review(claim.id, verdict="supported", note=f"Checked {ATTACK}")
    return build_report(store, ReportOptions(title=f"Report {ATTACK}", organisation=f"Desk {ATTACK}"))


@pytest.mark.parametrize("fmt", ["claimreview", "json"])
def test_json_exports_hold_no_literal_angle_brackets_or_ampersands(store, fmt):
    report = _reviewed_library(store)
    text = render(report, fmt)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text
    data = json.loads(text)
    everything = json.dumps(data, ensure_ascii=False)
    assert everything.count(ATTACK) >= (3 if fmt == "claimreview" else 4)  # the same data, read back
    if fmt == "claimreview":
        (review,) = data
        assert ATTACK in review["claimReviewed"] and review["author"]["name"] == f"Desk {ATTACK}"
        assert review["itemReviewed"]["appearance"]["headline"] == f"Budget {ATTACK}"
        assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/a?x=1&y=2"


def test_claimreview_pasted_into_a_script_element_stays_one_element(store):
    from html.parser import HTMLParser

    text = render(_reviewed_library(store), "claimreview")
    page = f'<html><head><script type="application/ld+json">{text}</script></head><body></body></html>'
    scripts: list[str] = []

    class Scripts(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script":
                scripts.append("")

        def handle_data(self, data):
            if scripts and self.lasttag == "script":
                scripts[-1] += data

    Scripts().feed(page)
    assert len(scripts) == 1 and json.loads(scripts[0]) == json.loads(text)
