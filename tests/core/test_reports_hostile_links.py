"""Links in PDF reports: an address cannot end the PDF string it is written in and add actions.

Qt writes each link as ``/URI (address)`` without escaping it, so the attacks here once gave
``/URI (http://h/b)/S/JavaScript/JS(app.alert(2))``: a link that runs JavaScript. Every address
now reaches Qt percent-encoded (``encoded_link``), or not as a link at all.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from reviewer.core.reports import ReportOptions
from reviewer.core.reports.rich_html import links_for_qt
from reviewer.core.urls import encoded_link

pypdf = pytest.importorskip("pypdf")

SMILE = "https://en.wikipedia.org/wiki/Smile_:-("
NOTE = ('<a href="http://h/d) >> /AA << /E << /S /JavaScript /JS (app.alert(4)) >> >> /Foo << /Bar (">x</a>'
        "\n\nand [y](<http://h/b)/S/JavaScript/JS(app.alert(2)>) and [z](http://h/c\\\\(x\\\\)) "
        "and [smile](https://en.wikipedia.org/wiki/Smile_:-%28) and [bad](javascript:app.alert(3))")
EVIDENCE_URL = "http://h/b)/S/JavaScript/JS(app.alert(2))"
# Names that make a PDF run something, or that an attack adds to a link's dictionary.
ACTION_KEYS = {"/JS", "/AA", "/OpenAction", "/Launch", "/JavaScript", "/SubmitForm", "/ImportData", "/Foo"}
ACTION_NAMES = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm", "/Rendition"}


def _library(store, *, url: str | None = SMILE, note: str = NOTE, evidence: tuple[str, ...] = (EVIDENCE_URL, SMILE)):
    text = "Headline\n\nThe deficit rose to 4% last year."
    start = text.index("The")
    doc = SimpleNamespace(title="Deficit) /JS (app.alert(5)", site=None, url=url, author=None, published=None,
                          original_format="txt", source_path=None, text=text, blocks=(), language="en",
                          content_hash=f"h-{hash((url, note))}")
    article = store.add_article(doc, [SimpleNamespace(start=start, end=len(text), score=0.9, checkworthy=True,
                                                      kind="statistic", origin="auto")])
    claim = store.claims_for_article(article.id)[0]
    store.set_review(claim.id, verdict="supported", note=note)
    for n, link in enumerate(evidence):
        store.add_evidence(claim.id, url=link, title=f"Source {n}")
    return claim


def _export_pdf(store, path: Path) -> bytes:
    from reviewer.export import export_report

    export_report(store, "pdf", path, ReportOptions(organisation="Desk) /AA << >> ("))
    return path.read_bytes()


def _walk(obj, seen: set[int], found: list[str]) -> None:
    """Every dictionary key and name in ``obj`` and what it refers to, depth first."""
    if isinstance(obj, pypdf.generic.IndirectObject):
        if obj.idnum in seen:
            return
        seen.add(obj.idnum)
        obj = obj.get_object()
    if isinstance(obj, dict):
        for key, value in obj.items():
            found.append(str(key))
            _walk(value, seen, found)
    elif isinstance(obj, list):
        for value in obj:
            _walk(value, seen, found)
    elif isinstance(obj, pypdf.generic.NameObject):
        found.append(str(obj))


def pdf_links(data: bytes, path: Path) -> list[str]:
    """The PDF's link addresses, read by pypdf in strict mode, after checking that it holds no
    action but plain URI links: every object (annotations, catalog, pages) is walked."""
    reader = pypdf.PdfReader(path, strict=True)
    seen: set[int] = set()
    names: list[str] = []
    _walk(reader.trailer, seen, names)
    for idnum in range(1, int(reader.trailer["/Size"])):  # objects nothing points to as well
        try:
            _walk(reader.get_object(idnum), seen, names)
        except Exception:  # a free entry
            continue
    assert not ACTION_KEYS & set(names), sorted(ACTION_KEYS & set(names))
    assert not ACTION_NAMES & set(names)
    links = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot["/A"]
            assert set(action) <= {"/Type", "/S", "/URI"}, dict(action)
            assert action["/S"] == "/URI"
            uri = action["/URI"]
            assert isinstance(uri, str) and uri.isascii() and uri.isprintable() and " " not in uri
            assert not set("()\\<>") & set(uri), uri
            links.append(str(uri))
    # In the bytes too: each /URI is one literal string, closed where the dictionary closes.
    raw = re.findall(rb"/URI \(([^()\\]*)\)\s*>>", data)
    assert len(raw) == len(links) == data.count(b"/URI (")
    return links


def test_link_addresses_cannot_add_actions_to_a_pdf(store, tmp_path):
    _library(store)
    path = tmp_path / "report.pdf"
    links = pdf_links(_export_pdf(store, path), path)
    assert "http://h/b%29/S/JavaScript/JS%28app.alert%282%29%29" in links  # the evidence, still a link
    assert "http://h/b%29/S/JavaScript/JS%28app.alert%282%29" in links  # the note's Markdown link
    assert "http://h/c%5C%28x%5C%29" not in links  # a backslash is never in a link (safe_url)
    assert not any(link.startswith("javascript") or link.startswith("http://h/d") for link in links)


def test_a_url_with_a_parenthesis_gives_a_pdf_strict_readers_read(store, tmp_path):
    _library(store, note="[smile](<https://en.wikipedia.org/wiki/Smile_:-(>)", evidence=(SMILE,))
    path = tmp_path / "smile.pdf"
    links = pdf_links(_export_pdf(store, path), path)
    # the article's URL, the note's link and the evidence, each intact and percent-encoded
    assert links.count("https://en.wikipedia.org/wiki/Smile_:-%28") == 3
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path, strict=True).pages)
    assert "Smile_:-(" in text  # shown as the person wrote it


def test_encoded_link_keeps_ascii_links_and_encodes_the_rest():
    assert encoded_link("https://example.org/a?b=1&c=d#e") == "https://example.org/a?b=1&c=d#e"
    assert encoded_link(SMILE) == "https://en.wikipedia.org/wiki/Smile_:-%28"
    assert encoded_link("http://h/b)/S/JavaScript/JS(x)") == "http://h/b%29/S/JavaScript/JS%28x%29"
    assert encoded_link("https://ru.wikipedia.org/wiki/Улыбка") == \
        "https://ru.wikipedia.org/wiki/%D0%A3%D0%BB%D1%8B%D0%B1%D0%BA%D0%B0"
    assert encoded_link("http://h/100% sure") == "http://h/100%25%20sure"
    assert encoded_link("http://h/%C3%A9") == "http://h/%C3%A9"  # an escape stays one
    assert encoded_link("mailto:desk@example.org?subject=(re)") == "mailto:desk@example.org?subject=%28re%29"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "http://h/a\\b", None, ""):
        assert encoded_link(bad) is None


def test_every_link_tag_is_rewritten_whatever_its_attributes():
    html = ('<p><a title="x > y href=javascript:z" href="http://h/a)(b" rel="noopener">t</a>'
            "<a href='javascript:alert(1)'>j</a><a name=\"claim-1\"></a><abbr title=\"a\">b</abbr>"
            '<a href="http://h/&quot;q&quot;">q</a></p>')
    assert links_for_qt(html) == (
        '<p><a title="x > y href=javascript:z" href="http://h/a%29%28b" rel="noopener">t</a>'
        '<a>j</a><a name="claim-1"></a><abbr title="a">b</abbr><a href="http://h/%22q%22">q</a></p>')
