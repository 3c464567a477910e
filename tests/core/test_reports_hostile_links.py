"""Links in PDF reports: an address cannot end the PDF string it is written in and add actions.

Qt writes each link as ``/URI (address)`` without escaping it, so the attacks here once gave
``/URI (http://h/b)/S/JavaScript/JS(app.alert(2))``: a link that runs JavaScript. Every address
now reaches Qt percent-encoded (``encoded_link``), or not as a link at all.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from reviewer.core.reports import ReportOptions
from reviewer.core.reports.rich_html import links_for_qt
from reviewer.core.urls import encoded_link
from tests.safety.hostile_corpus import PDF_BREAKOUT, SMILE, pdf_links
from reviewer.core.domain import ClaimDraft

pypdf = pytest.importorskip("pypdf")

NOTE = (
    '<a href="http://h/d) >> /AA << /E << /S /JavaScript /JS (app.alert(4)) >> >> /Foo << /Bar (">x</a>'
    "\n\nand [y](<http://h/b)/S/JavaScript/JS(app.alert(2)>) and [z](http://h/c\\\\(x\\\\)) "
    "and [smile](https://en.wikipedia.org/wiki/Smile_:-%28) and [bad](javascript:app.alert(3))"
)
EVIDENCE_URL = PDF_BREAKOUT


def _library(store, *, url: str | None = SMILE, note: str = NOTE, evidence: tuple[str, ...] = (EVIDENCE_URL, SMILE)):
    text = "Headline\n\nThe deficit rose to 4% last year."
    start = text.index("The")
    doc = SimpleNamespace(
        title="Deficit) /JS (app.alert(5)",
        site=None,
        url=url,
        author=None,
        published=None,
        original_format="txt",
        source_path=None,
        text=text,
        blocks=(),
        language="en",
        content_hash=f"h-{hash((url, note))}",
    )
    article = store.add_article(
        doc, [ClaimDraft(start=start, end=len(text), score=0.9, checkworthy=True, kind="statistic")]
    )
    claim = store.claims_for_article(article.id)[0]
    store.set_review(claim.id, verdict="supported", note=note)
    for n, link in enumerate(evidence):
        store.add_evidence(claim.id, url=link, title=f"Source {n}")
    return claim


def _export_pdf(store, path: Path) -> None:
    from reviewer.core.export import export_report
    from reviewer.pdf_qt import register

    register()

    export_report(store, "pdf", path, ReportOptions(organisation="Desk) /AA << >> ("))


def test_link_addresses_cannot_add_actions_to_a_pdf(store, tmp_path):
    _library(store)
    path = tmp_path / "report.pdf"
    _export_pdf(store, path)
    links = pdf_links(path)
    assert "http://h/b%29/S/JavaScript/JS%28app.alert%282%29%29" in links  # the evidence, still a link
    assert "http://h/b%29/S/JavaScript/JS%28app.alert%282%29" in links  # the note's Markdown link
    assert "http://h/c%5C%28x%5C%29" not in links  # a backslash is never in a link (safe_url)
    assert not any(link.startswith("javascript") or link.startswith("http://h/d") for link in links)


def test_a_url_with_a_parenthesis_gives_a_pdf_strict_readers_read(store, tmp_path):
    _library(store, note="[smile](<https://en.wikipedia.org/wiki/Smile_:-(>)", evidence=(SMILE,))
    path = tmp_path / "smile.pdf"
    _export_pdf(store, path)
    links = pdf_links(path)
    # the article's URL, the note's link and the evidence, each intact and percent-encoded
    assert links.count("https://en.wikipedia.org/wiki/Smile_:-%28") == 3
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path, strict=True).pages)
    assert "Smile_:-(" in text  # shown as the person wrote it


def test_encoded_link_keeps_ascii_links_and_encodes_the_rest():
    assert encoded_link("https://example.org/a?b=1&c=d#e") == "https://example.org/a?b=1&c=d#e"
    assert encoded_link(SMILE) == "https://en.wikipedia.org/wiki/Smile_:-%28"
    assert encoded_link("http://h/b)/S/JavaScript/JS(x)") == "http://h/b%29/S/JavaScript/JS%28x%29"
    assert (
        encoded_link("https://ru.wikipedia.org/wiki/Улыбка")
        == "https://ru.wikipedia.org/wiki/%D0%A3%D0%BB%D1%8B%D0%B1%D0%BA%D0%B0"
    )
    assert encoded_link("http://h/100% sure") == "http://h/100%25%20sure"
    assert encoded_link("http://h/%C3%A9") == "http://h/%C3%A9"  # an escape stays one
    assert encoded_link("mailto:desk@example.org?subject=(re)") == "mailto:desk@example.org?subject=%28re%29"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "http://h/a\\b", None, ""):
        assert encoded_link(bad) is None


def test_every_link_tag_is_rewritten_whatever_its_attributes():
    html = (
        '<p><a title="x > y href=javascript:z" href="http://h/a)(b" rel="noopener">t</a>'
        '<a href=\'javascript:alert(1)\'>j</a><a name="claim-1"></a><abbr title="a">b</abbr>'
        '<a href="http://h/&quot;q&quot;">q</a></p>'
    )
    assert links_for_qt(html) == (
        '<p><a title="x > y href=javascript:z" href="http://h/a%29%28b" rel="noopener">t</a>'
        '<a>j</a><a name="claim-1"></a><abbr title="a">b</abbr><a href="http://h/%22q%22">q</a></p>'
    )


def test_note_links_in_html_reports_are_links_only_where_safe_url_says():
    from reviewer.core.reports.common import render_note

    import re

    # The HTML link (its "<" and ">"), the backslashes and javascript: are text; the rest links.
    assert re.findall(r'href="([^"]*)"', render_note(NOTE)) == [
        "http://h/b)/S/JavaScript/JS(app.alert(2)",
        "https://en.wikipedia.org/wiki/Smile_:-%28",
    ]
