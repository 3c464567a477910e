"""A single-line value (title, speaker, reviewer, URL) stays on its line in every format, and a URL
becomes a link only when it is a web address with nothing hidden in it. Each format is read back
with a real parser: Python-Markdown, html.parser, csv and json."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reports_data import LINE_BREAKERS, line_breaking_library

from reviewer.core.domain import Evidence
from reviewer.core.markdown_render import safe_url
from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.reports.common import without_controls
from reviewer.core.reports.facts import evidence_facts
from reviewer.core.reports.markdown_report import md_escape, md_value
from reviewer.core.reports.rich_html import render_rich_html

# The evidence URL of ``line_breaking_library`` pasted over lines, as a link: in Markdown, in HTML.
_PASTED_MD = "https://ev.example/#%20Injected%20heading%5Bev%5D(javascript:alert(2))"
_PASTED_HTML = "https://ev.example/#%20Injected%20heading[ev](javascript:alert(2))"
_WEB_LINK = re.compile(r"(?i)https?://[^\s\x00-\x1f\x7f-\x9f\u2028\u2029]*")


class _Page(HTMLParser):
    """Tags (with attributes) and text as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text = ""
        self.scripts: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._script = tag == "script"

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts.append(data)
        else:
            self.text += data


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _count(page: _Page, tag: str) -> int:
    return sum(t == tag for t, _ in page.tags)


def _hidden(text: str, keep: str = "\n", categories=("Cc", "Zl", "Zp")) -> list[str]:
    """Control characters (but ``keep``) and line or paragraph separators in ``text``."""
    return sorted({f"U+{ord(c):04X}" for c in text if c not in keep and unicodedata.category(c) in categories})


def _report(store):
    return build_report(store, ReportOptions(title="Fact-check report", organisation="Fact\n# Desk\u2028x"))


# ---------------------------------------------------------------- markdown
@pytest.mark.parametrize(
    "seps",
    [(sep,) for sep in LINE_BREAKERS] + [LINE_BREAKERS],
    ids=[ascii(sep).strip("'") for sep in LINE_BREAKERS] + ["all"],
)
@pytest.mark.parametrize("extensions", [[], ["extra"]], ids=["markdown", "markdown-extra"])
def test_markdown_single_line_values_cannot_start_a_block_or_a_link(store, seps, extensions):
    line_breaking_library(store, seps)
    md = render(_report(store), "md")
    assert _hidden(md) == []
    page = _page(markdown.markdown(md, extensions=extensions))
    # The report's own structure and nothing more: its title, Summary, the article, the claim.
    assert (_count(page, "h1"), _count(page, "h2"), _count(page, "h3")) == (1, 2, 1), md
    # The one web address is the URL pasted over lines: joined up, its spaces %20, all in its fragment.
    assert [attrs["href"] for t, attrs in page.tags if t == "a"] == [_PASTED_MD], md
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs), md
    assert "[ev](javascript:alert(3))" in page.text  # the legacy URLs, shown as the text they are
    assert "Injected%20heading" in page.text and "Injected heading" not in page.text


@pytest.mark.parametrize(
    "url, href",
    [
        ("https://x.example/[a](javascript:alert(1))", "https://x.example/%5Ba%5D(javascript:alert(1))"),
        ("https://x.example/a%60code%60%3Cb%3E", "https://x.example/a%60code%60%3Cb%3E"),
        ("https://x.example/{: onclick=alert(1)}".replace(" ", ""), "https://x.example/%7B:onclick=alert(1)%7D"),
        ("https://[::1]:8080/[a](javascript:alert(1))", "https://[::1]:8080/%5Ba%5D(javascript:alert(1))"),
        ("https://[::1](javascript:alert(1))", "https://%5B::1%5D(javascript:alert(1))"),
    ],
)
@pytest.mark.parametrize("extensions", [[], ["extra"]], ids=["markdown", "markdown-extra"])
def test_markdown_autolink_holds_nothing_but_its_address(url, href, extensions):
    value = md_value(evidence_facts(Evidence(1, 1, url=url)).title)
    page = _page(markdown.markdown(f"- {value}", extensions=extensions))
    assert [t for t, _ in page.tags] == ["ul", "li", "a"]
    assert page.tags[-1][1]["href"] == href and page.text.strip() == href


_PIECES = st.sampled_from(
    list(LINE_BREAKERS)
    + [
        " ",
        "\u2003",
        "\u200b",
        "\u202e",
        "\x7f",
        "\x1f",
        "# h",
        "[a](javascript:alert(1))",
        "[r]: javascript:x",
        "`",
        "\\",
        "<",
        ">",
        "<b>",
        "&",
        "&#106;",
        "{: onclick=x}",
        "1. ",
        "> ",
        "- ",
        "===",
        "---",
        "*",
        "_",
        "!",
        "[",
        "]",
        "(",
        ")",
        "|",
        ":",
        "//",
    ]
)
_URLS = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(
            [
                "https://ev.example/",
                "http://x",
                "HTTPS://X.EXAMPLE/",
                "https://[::1]/",
                "mailto:a@b.example",
                "javascript:",
                " https://e.example/",
                "\nhttps://e.example/",
            ]
        ),
        st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=12).map("".join),
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_URLS)
def test_any_evidence_url_renders_as_one_web_link_or_as_its_text(url):
    fact = evidence_facts(Evidence(1, 1, url=url)).title
    value = md_value(fact)
    assert value.splitlines() == ([value] if value else []) and _hidden(value, keep="") == []
    page = _page(markdown.markdown(f"- URL: {value}\n- next", extensions=["extra"]))
    assert [t for t, _ in page.tags if t != "a"] == ["ul", "li", "li"]
    links = [attrs.get("href") or "" for t, attrs in page.tags if t == "a"]
    link = safe_url(url)
    if link and link.lower().startswith(("http://", "https://")):
        assert len(links) == 1 and _WEB_LINK.fullmatch(links[0]), (url, links)
    else:
        assert links == [], (url, links)
        # A mailto: link is no autolink in every dialect: it shows as text, as the link it would be.
        shown = link or ("Evidence" if not url else without_controls(" ".join(url.split())))
        assert page.text == f"\nURL: {shown}\nnext\n", (url, value)


def test_md_escape_shows_control_characters_as_replacement_characters():
    value = md_escape("a\x00b\x02klzzwxh:0000\x03c\x7fd\x9be")
    assert value == "a\ufffdb\ufffdklzzwxh:0000\ufffdc\ufffdd\ufffde"
    assert markdown.markdown(value) == f"<p>{value}</p>"


def test_md_escape_keeps_attribute_lists_literal():
    html = markdown.markdown("## " + md_escape('Title {: onclick="alert(1)" }'), extensions=["extra"])
    assert html == '<h2>Title {: onclick="alert(1)" }</h2>'


# ---------------------------------------------------------------- html and Qt rich text
@pytest.mark.parametrize("writer", ["html", "rich"])
def test_html_links_only_web_addresses_and_shows_the_rest_as_text(store, writer):
    line_breaking_library(store)
    report = _report(store)
    html = render(report, "html") if writer == "html" else render_rich_html(report)
    # No control characters (parse errors in HTML), in text or in the JSON-LD; U+2028 is plain text in HTML.
    assert _hidden(html, keep="\n\r\t", categories=("Cc",)) == []
    page = _page(html)
    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a" and "href" in attrs]
    # The report's own contents, and the evidence pasted over lines (its title and its URL).
    assert {h for h in hrefs if not h.startswith("#article-")} == {_PASTED_HTML}, hrefs
    assert "[ev](javascript:alert(3))" in page.text and "[ev](javascript:alert(2))" in page.text
    for script in page.scripts:  # the ClaimReview JSON-LD links nothing either
        data = json.loads(script)
        assert "url" not in data and "url" not in data["itemReviewed"]["appearance"]


# ---------------------------------------------------------------- csv
def test_csv_has_one_line_per_url_and_no_control_characters(store):
    _, _, evidence = line_breaking_library(store)
    data = render(_report(store), "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert len(rows) == 1
    row = rows[0]
    urls = row["evidence_urls"].split("\n")
    assert len(urls) == len(evidence) and all(u.splitlines() == [u] for u in urls), urls
    assert urls[0] == "https://ev.example/# Injected heading[ev](javascript:alert(2))"
    assert row["article_url"].splitlines() == [row["article_url"]]
    assert row["claim_url"] == ""  # the article's URL is no web address, so no claim link
    for name, cell in row.items():
        assert _hidden(cell, keep="\n\r\t", categories=("Cc",)) == [], name  # quoted line breaks are fine


# ---------------------------------------------------------------- json and ClaimReview
def test_json_keeps_every_value_exactly_and_writes_line_separators_escaped(store):
    article, claim, _ = line_breaking_library(store)
    text = render(_report(store), "json")
    assert _hidden(text) == []
    data = json.loads(text)
    (a,) = data["articles"]
    assert a["title"] == article.title and a["url"] == article.url
    assert [e["url"] for e in a["claims"][0]["evidence"]] == [e.url for e in store.list_evidence(claim.id)]


def test_claimreview_links_no_address_with_a_line_break(store):
    line_breaking_library(store)
    text = render(_report(store), "claimreview")
    assert _hidden(text) == []
    (review,) = json.loads(text)
    assert "url" not in review and "url" not in review["itemReviewed"]["appearance"]
    assert review["itemReviewed"]["appearance"]["headline"].startswith("Title")
