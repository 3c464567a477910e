"""Each text format read back with a real parser: csv, json, html.parser, and a CommonMark check."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import markdown
import pytest
from test_reports_data import HOSTILE, add_article, hostile_library, sample_library

from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.reports.csv_report import COLUMNS
from reviewer.core.reports.markdown_report import md_escape, md_note
from reviewer.core.reports.rich_html import render_rich_html


def _report(store, **kw):
    return build_report(store, ReportOptions(organisation="Fact Desk", **kw))


# ---------------------------------------------------------------- csv
def test_csv_has_bom_header_and_one_row_per_claim(store):
    sample_library(store)
    report = _report(store, include_unreviewed=True)
    data = render(report, "csv")
    assert isinstance(data, bytes) and data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0].keys()) == list(COLUMNS)
    assert len(rows) == report.total_claims == 4
    first = rows[0]
    assert first["claim"] == "Unemployment fell to 4.2% last year"
    assert first["verdict"] == "supported" and first["verdict_label"] == "Supported"
    assert first["rating_value"] == "4" and first["confidence"] == "85" and first["reviewer"] == "alice"
    assert first["evidence_urls"] == "https://stats.example/t3"
    assert first["claim_url"].endswith("#claim-" + first["claim_id"])
    assert first["context"] == "Unemployment fell to 4.2% last year, she said, citing official data."
    assert rows[-1]["verdict"] == "" and rows[-1]["verdict_label"] == "Unreviewed"


def test_csv_columns_are_documented():
    from reviewer.core.reports import csv_report

    for column in COLUMNS:
        assert f"\n{column} " in csv_report.__doc__, column


def test_csv_neutralises_formulas(store):
    hostile_library(store)
    rows = list(csv.DictReader(io.StringIO(render(_report(store), "csv").decode("utf-8-sig"))))
    assert rows[0]["article_author"].startswith("'=")


# ---------------------------------------------------------------- json
def test_json_is_versioned_complete_and_matches_schema(store):
    from test_reports_schema import validate

    a1, a2, c = sample_library(store)
    data = json.loads(render(_report(store, include_unreviewed=True), "json"))
    assert data["schema"] == "reviewer-report" and data["version"] == 1
    validate(data)
    article = data["articles"][0]
    assert article["text"] == store.get_article(a1.id).text and article["blocks"]
    for claim in article["claims"]:
        assert article["text"][claim["start"] : claim["end"]] == claim["text"]
    assert {v["key"] for v in data["scale"]["verdicts"]} >= {"supported", "disputed"}
    evidence = article["claims"][0]["evidence"][0]
    assert evidence["quote"] == "The rate was 4.2% in the fourth quarter." and evidence["accessed"] == "2024-03-05"
    assert data["summary"] == {"claims": 4, "reviewed": 3, "counts": data["summary"]["counts"]}


def test_json_of_empty_report_still_valid(store):
    from test_reports_schema import validate

    data = json.loads(render(_report(store), "json"))
    validate(data)
    assert data["articles"] == [] and data["summary"]["claims"] == 0


# ---------------------------------------------------------------- claimreview
def test_claimreview_fields_are_typed(store):
    sample_library(store)
    reviews = json.loads(render(_report(store, include_unreviewed=True), "claimreview"))
    assert isinstance(reviews, list) and len(reviews) == 3  # unreviewed claims have none
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert isinstance(r["claimReviewed"], str) and r["claimReviewed"]
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating"
        assert isinstance(rating["ratingValue"], int) and isinstance(rating["bestRating"], int)
        assert isinstance(rating["worstRating"], int) and isinstance(rating["alternateName"], str)
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["@type"] in ("Person", "Organization")
        assert item["appearance"]["@type"] == "CreativeWork"
        assert r["author"] == {"@type": "Organization", "name": "Fact Desk"}
        assert len(r["datePublished"]) == 10
    first, _, harbour = reviews
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": "Maria Lopez"}
    assert first["itemReviewed"]["appearance"]["url"] == "https://ledger.example/budget"
    assert first["itemReviewed"]["appearance"]["datePublished"] == "2024-03-04"
    # The review's url is its own page, never the reviewed article's: none without a base URL.
    assert "url" not in first
    assert first["reviewRating"]["alternateName"] == "Supported"
    # No speaker: the article's source; no article URL: no url at all.
    assert harbour["itemReviewed"]["author"] == {"@type": "Organization", "name": "Coast News"}
    assert "url" not in harbour and "url" not in harbour["itemReviewed"]["appearance"]


def test_claimreview_conclusion_only_scale_uses_the_written_conclusion(store):
    a1, _, c = sample_library(store)
    store.set_active_scale("conclusion")
    claim_id = c["Unemployment fell to 4.2% last year"]
    store.set_review(claim_id, verdict="reviewed", note="## Correct, per the *statistics office*\n\nDetails…")
    reviews = json.loads(render(_report(store, article_ids=(a1.id,), verdicts=("reviewed",)), "claimreview"))
    assert reviews[0]["reviewRating"] == {"@type": "Rating", "alternateName": "Correct, per the statistics office"}


# ---------------------------------------------------------------- html
class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[dict, str]] = []
        self.tags: list[tuple[str, dict]] = []
        self._in_script: dict | None = None
        self._data = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script, self._data = attrs, ""

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, self._data))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._data += data


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def test_a_url_with_a_space_links_in_every_format(store):
    a = add_article(
        store,
        "Rates",
        ["Rates rose 5% in 2023."],
        [("Rates rose 5% in 2023.", None, "statistic")],
        url="https://news.example/rates 2023",
    )
    claim = store.claims_for_article(a.id)[0]
    store.set_review(claim.id, verdict="supported")
    store.add_evidence(claim.id, url=" https://stats.example/table 3.csv", title="Table 3")
    report = _report(store)
    article, evidence = "https://news.example/rates%202023", "https://stats.example/table%203.csv"
    for fmt, html in (
        ("md", markdown.markdown(render(report, "md"))),
        ("html", render(report, "html")),
        ("rich", render_rich_html(report)),
    ):
        hrefs = {attrs["href"] for tag, attrs in _parse(html).tags if tag == "a" and "href" in attrs}
        assert {h for h in hrefs if not h.startswith("#")} == {article, evidence}, fmt
    (review,) = json.loads(render(report, "claimreview"))
    assert review["itemReviewed"]["appearance"]["url"] == article
    (row,) = csv.DictReader(io.StringIO(render(report, "csv").decode("utf-8-sig")))
    assert row["claim_url"] == f"{article}#claim-{claim.id}"
    assert row["evidence_urls"] == "https://stats.example/table 3.csv"  # the data as stored


def test_html_embeds_one_jsonld_block_per_reviewed_claim(store):
    sample_library(store)
    report = _report(store, include_unreviewed=True)
    parsed = _parse(render(report, "html"))
    assert len(parsed.scripts) == report.reviewed_claims == 3
    for attrs, body in parsed.scripts:
        assert attrs == {"type": "application/ld+json"}
        assert json.loads(body)["@type"] == "ClaimReview"


def test_html_is_self_contained(store):
    sample_library(store)
    html = render(_report(store), "html")
    parsed = _parse(html)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "form"), tag
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://", "mailto:")), href
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html  # CSP: nothing loads even if something slipped through
    assert "@media print" in html


def test_hostile_content_cannot_run_in_html(store):
    hostile_library(store)
    html = render(_report(store), "html")
    parsed = _parse(html)
    assert len(parsed.scripts) == 1
    attrs, body = parsed.scripts[0]
    assert attrs == {"type": "application/ld+json"}
    data = json.loads(body)  # the block was not broken out of
    assert "</script>" in data["claimReviewed"] and "<" not in body
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "iframe", "svg", "b") or tag == "svg" and attrs.get("class") == "chart", tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript"), (tag, attrs)
    # The hostile text is shown, escaped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:alert(13)" in html  # shown as text, never as a link
    assert 'href="javascript' not in html


def test_html_summary_has_chart_and_verdict_labels_with_text(store):
    sample_library(store)
    html = render(_report(store), "html")
    assert '<svg class="chart"' in html and "Misleading" in html
    assert 'class="verdict" style="background:#009E73' in html


def test_empty_report_says_so(store):
    for fmt in ("html", "md"):
        assert "Nothing to report" in render(_report(store), fmt)


# ---------------------------------------------------------------- markdown
def test_markdown_reads_back_without_injected_html_or_links(store):
    hostile_library(store)
    md = render(_report(store), "md")
    html = markdown.markdown(md)
    parsed = _parse(html)
    assert not parsed.scripts
    for tag, attrs in parsed.tags:
        assert tag not in ("script", "img", "iframe", "svg"), tag
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), attrs
    assert "<script>" not in html


def test_markdown_structure(store):
    sample_library(store)
    md = render(_report(store), "md")
    html = markdown.markdown(md)
    assert md.startswith("# Fact-check report\n")
    assert "## 1. Budget row: what the minister said" in md
    assert "### Claim 1.1: Supported" in md
    assert "<strong>Unemployment fell to 4.2% last year</strong>" in html
    assert '<a href="https://stats.example/t3">table 3</a>' in html  # the note keeps its Markdown link


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "<b>x</b>",
        "# heading",
        "1. item",
        "*a* _b_ `c`",
        "![i](http://t/p.png)",
        "a & b &amp;",
        "- dash",
        "> quote",
        "x | y ~~z~~",
    ],
)
def test_md_escape_keeps_text_literal(text):
    html = markdown.markdown(md_escape(text))
    assert html == f"<p>{_html_text(text)}</p>"


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_md_note_neutralises_html_and_unsafe_links():
    note = md_note("ok [a](https://x.example) [b](javascript:alert(1)) <script>x</script>\n\n[r]: javascript:y")
    html = markdown.markdown(note)
    assert '<a href="https://x.example">a</a>' in html
    assert "javascript" not in "".join(a.get("href", "") for _, a in _parse(html).tags)
    assert "<script>" not in html


def test_hostile_fixture_is_hostile():
    assert "<script>" in HOSTILE and "onerror" in HOSTILE


def test_markdown_summary_counts_one_claim_in_the_singular(store):
    article = add_article(
        store, "One claim", ["Unemployment fell to 4.2% in 2024."], [("Unemployment fell", None, "statistic")]
    )
    store.set_review(store.claims_for_article(article.id)[0].id, verdict="supported")
    assert "Verdicts across 1 claim:" in render(_report(store), "md")
    sample_library(store)
    assert "claims:" in render(_report(store), "md").split("## Summary", 1)[1].splitlines()[2]


def test_markdown_context_keeps_the_spaces_around_the_claim(store):
    # Seen in an exported report of a saved Washington Post page: "CAIRO —**Gunmen opened fire …**", the space between
    # a dateline and the claim lost (and so between a claim and the rest of its sentence).
    add_article(
        store,
        "Attack",
        ["CAIRO — Gunmen opened fire on visitors, killing 19 people."],
        [("Gunmen opened fire", None, "other")],
    )
    md = render(_report(store, include_unreviewed=True), "md")
    assert "CAIRO — **Gunmen opened fire** on visitors, killing 19 people." in md
    assert "CAIRO — <strong>Gunmen opened fire</strong> on visitors" in markdown.markdown(md)
