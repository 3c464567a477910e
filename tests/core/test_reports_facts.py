"""The facts a report shows (cover, articles, claims, evidence) are decided once, in
``reports.facts``: the Markdown, HTML and Qt rich-text writers show the same ones, under the same
labels, in the same order, each escaped for its own format."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import pairwise

from test_reports_data import HOSTILE, hostile_library, sample_library

from reviewer.core.reports import ReportOptions, build_report, render
from reviewer.core.reports.facts import PLACEHOLDER, article_facts, claim_facts, cover_facts, evidence_facts
from reviewer.core.reports.rich_html import render_rich_html


def _expected_groups(report) -> list[list[str]]:
    """Every labelled list of facts in the report, in document order, as its labels."""
    groups = [[f.label for f in cover_facts(report)]]
    for ra in report.articles:
        groups.append([f.label for f in article_facts(ra)])
        groups += [[f.label for f in claim_facts(rc)] for rc in ra.claims]
    return groups


class _LabelGroups(HTMLParser):
    """Fact labels of an HTML or Qt rich-text report, grouped by the element that holds each list:
    <dt> in a <dl> (HTML), <td class="k"> in a <table> and <span class="sans muted"> in a <p>
    (rich text)."""

    CONTAINERS = ("dl", "table", "p")

    def __init__(self):
        super().__init__()
        self.groups: list[list[str]] = []
        self._stack: list[list[str]] = []
        self._label: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.CONTAINERS:
            self._stack.append([])
        elif (
            tag == "dt"
            or tag == "td"
            and attrs.get("class") == "k"
            or tag == "span"
            and attrs.get("class") == "sans muted"
        ):
            self._label = ""

    def handle_endtag(self, tag):
        if tag in self.CONTAINERS and self._stack:
            labels = self._stack.pop()
            if labels:
                self.groups.append(labels)
        elif tag in ("dt", "td", "span") and self._label is not None:
            self._stack[-1].append(self._label)
            self._label = None

    def handle_data(self, data):
        if self._label is not None:
            self._label += data


def _html_groups(html: str) -> list[list[str]]:
    parser = _LabelGroups()
    parser.feed(html)
    parser.close()
    return parser.groups


def _markdown_groups(md: str) -> list[list[str]]:
    """The cover's '**Label:** value' lines, and the '- Label: value' lists right under an
    article's heading or a claim's quoted sentence."""
    blocks = [b.splitlines() for b in md.split("\n\n")]
    groups = [[re.match(r"\*\*(.+?):\*\* ", line)[1] for line in blocks[1]]]
    for before, block in pairwise(blocks):
        under_heading = len(before) == 1 and re.match(r"## \d+\. ", before[0])
        under_quote = all(line.startswith(">") for line in before)
        if (under_heading or under_quote) and all(line.startswith("- ") for line in block):
            groups.append([re.match(r"- (.+?): ", line)[1] for line in block])
    return groups


def _sample_report(store):
    sample_library(store)
    return build_report(store, ReportOptions(organisation="Fact Desk", include_unreviewed=True))


def test_markdown_html_and_rich_text_show_the_same_facts_in_the_same_order(store):
    report = _sample_report(store)
    expected = _expected_groups(report)
    assert expected[2] == ["Verdict", "Confidence", "Speaker", "Kind", "Reviewed by"]  # the first claim
    assert _markdown_groups(render(report, "md")) == expected
    assert _html_groups(render(report, "html")) == expected
    assert _html_groups(render_rich_html(report)) == expected


def test_evidence_reads_in_the_same_order_in_every_format(store, tmp_path):
    a1, _, c = sample_library(store)
    attachment = tmp_path / "table3.csv"
    attachment.write_text("rate\n4.2\n")
    store.add_evidence(
        c["Rents doubled since 2015"],
        url="https://rents.example/2015",
        title="Rents 2015",
        quote="Rents rose by four fifths.",
        accessed="2024-03-06",
        file=attachment,
    )
    report = build_report(store, ReportOptions(article_ids=(a1.id,), verdicts=("misleading",)))
    evidence = report.articles[0].claims[0].evidence[-1]
    ev = evidence_facts(evidence)
    assert [f.label for f in ev.details] == ["accessed", "attached file"]
    parts = [
        "Rents 2015",
        "https://rents.example/2015",
        "accessed 2024-03-06",
        "attached file table3.csv",
        "Rents rose by four fifths.",
    ]
    for text in (render(report, "md"), render(report, "html"), render_rich_html(report)):
        positions = [text.rfind(part) for part in parts]
        assert -1 not in positions and positions == sorted(positions), (parts, positions)


def test_facts_leave_out_what_is_unknown(store):
    report = _sample_report(store)
    unreviewed = report.articles[1].claims[1]
    facts = claim_facts(unreviewed)
    assert [f.label for f in facts] == ["Verdict", "Speaker", "Kind"]  # no confidence, no reviewer
    assert facts[1].value == "the article" and facts[1].kind == PLACEHOLDER
    harbour = [f.label for f in article_facts(report.articles[1])]
    assert harbour == ["Source", "Published", "Status", "Claims"]  # no URL, no author


def test_unsafe_urls_are_never_links(store):
    hostile_library(store)
    report = build_report(store, ReportOptions(include_unreviewed=True))
    url = next(f for f in article_facts(report.articles[0]) if f.label == "URL")
    assert url.value == "javascript:alert(7)" and url.href is None
    evidence = [evidence_facts(e) for e in report.articles[0].claims[0].evidence]
    assert evidence[0].title.href is None and evidence[0].url.value == "javascript:alert(13)"
    assert evidence[1].title.href == "https://ok.example/?q='x'&r=%3Cscript%3E"


def test_hostile_facts_are_escaped_in_rich_text(store):
    hostile_library(store)
    rich = render_rich_html(build_report(store, ReportOptions(organisation=HOSTILE, include_unreviewed=True)))
    for raw in ("<script", "<img", "<iframe", "<svg", "<b onmouseover", 'javascript:alert(7)"', 'href="javascript'):
        assert raw not in rich, raw
    assert "&lt;b onmouseover=alert(6)&gt;Evil&lt;/b&gt;" in rich  # the speaker, shown as text
    assert "&lt;svg onload=alert(12)&gt;" in rich  # the reviewer
    hrefs = re.findall(r'href="([^"]*)"', rich)
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
