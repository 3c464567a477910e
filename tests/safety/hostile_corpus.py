"""A hostile corpus: notes, titles, URLs, evidence, file names and claim texts an attacker (or
an unlucky paste) could put into a library, and the checks that an output made from them is
inert. Issue #12 found each of these doing harm once; ``test_hostile_corpus.py`` runs them all
through import, the desk and every export format. Add new attacks here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

SCRIPT = "</script><script>alert(1)</script>"
RTL_TITLE = "Headline \u202egnp.exe\u202c"  # reads "Headline exe.png"
SMILE = "https://en.wikipedia.org/wiki/Smile_:-("
PDF_BREAKOUT = "http://h/b)/S/JavaScript/JS(app.alert(2))"
# Python-Markdown is quadratic on a run of "[" in one paragraph (issue #12, item 2): 5,000 take
# seconds, not minutes; more once note rendering is linear.
BRACKETS = 5_000

NOTES = [
    '<a href="http://h/d) >> /AA << /E << /S /JavaScript /JS (app.alert(4)) >> >> /Foo << /Bar (">x</a>',
    "[x](<http://h/b)/S/JavaScript/JS(app.alert(2)>) and [smile](<" + SMILE + ">)",
    "[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [file](file:///etc/passwd)",
    "[r]: javascript:alert(1)\n\nSee [click][r].",
    "![tracker](http://tracker.example/pixel.png) and ![ref][img]\n\n[img]: https://tracker.example/ref.png",
    '<img src="/etc/passwd"> <img src="http://tracker.example/i.png" onerror="alert(1)">',
    '<span style="color:#fff">hidden words</span> <div style="display:none">hidden</div>',
    f'{SCRIPT} <iframe src="http://evil.example"></iframe> <style>body{{display:none}}</style>',
    '<a href="javascript:alert(1)" onclick="alert(2)">js</a> <svg onload="alert(3)"></svg>',
    'Para {: onclick="alert(1)" }\n\n# Heading posing as the report\'s',
    "Controls: \x00 \x01 \x02\x03 \x07 \x1b[31m red \x7f \x85 \u2028 \u2029 end",
    '=HYPERLINK("http://evil.example","x")',
    "  =1+1",
    "＝cmd|' /C calc'!A0",
    "[" * BRACKETS,
]

TITLES = [
    RTL_TITLE,
    '<img src="/etc/passwd"> title',
    '<span style="color:#fff">hidden</span> words',
    f"Budget {SCRIPT}",
    "[x](javascript:alert(1)) title",
    '=HYPERLINK("http://evil.example","x")',
    "Line\nbreak\x00and\x07controls",
]

# Evidence URLs the store accepts; the reports must keep them inert.
URLS = [
    SMILE,
    PDF_BREAKOUT,
    "http://h/d) >> /AA << /E << /S /JavaScript /JS (app.alert(4)) >> >> /Foo << /Bar (",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    'http://evil.example/"><script>alert(1)</script>',
    'https://example.org/a b?q="x"&y=(1)',
    "mailto:desk@example.org?subject=(hi)",
    "https://ru.wikipedia.org/wiki/Улыбка",
]

EVIDENCE = [  # (title, url, quote)
    (f"Source {SCRIPT}", PDF_BREAKOUT, f"Quote {SCRIPT}"),
    ('<img src="/etc/passwd">', SMILE, "=1+1"),
    ("[x](javascript:alert(1))", "javascript:alert(1)", '<span style="color:#fff">x</span>'),
    (RTL_TITLE, "http://h/d) >> /AA << /E << /S /JavaScript /JS (app.alert(4)) >> >> /Foo << /Bar (", None),
    ("Plain", None, "Controls \x00\x01\x7f"),
]

# File names an import could meet (any character but "/" and NUL is allowed on Linux).
FILE_NAMES = [
    "shadow\nreviewer: imported 0 files, 0 errors.md",
    "<img src=x onerror=alert(1)>.md",
    RTL_TITLE + ".md",
    "=HYPERLINK(1).md",
    "$(touch pwned); rm -rf ~.md",
]

CLAIM_TEXTS = [
    f"The minister said {SCRIPT} cost 4 million.",
    '<img src="/etc/passwd"> showed 12% growth.',
    '=HYPERLINK("http://evil.example","x") rose 3%.',
    "＝SUM(A1) fell by 2% in March.",
    "Spending \u202egnp.exe\u202c doubled to 40,000 euros.",
    "[x](javascript:alert(1)) grew 5% last year.",
]

ORGANISATION = f"Desk {SCRIPT}"
REPORT_TITLE = f"Report {SCRIPT} \u202egnp.exe\u202c"


def article_markdown(title: str, n: int = 0) -> str:
    """A Markdown article whose first heading (its title) and sentences are hostile; ``n``
    makes its text differ from the other articles'."""
    body = " ".join(CLAIM_TEXTS)
    return f'# {title}\n\n{body} Article {n} ends here.\n\n<script>alert(1)</script>\n\n<img src="/etc/passwd">\n'


# ---------------------------------------------------------------- checks: each output is inert
SAFE_SCHEMES = ("http://", "https://", "mailto:")
# A cell a spreadsheet would run: an operator after any leading whitespace or invisible
# characters, full-width forms included, or a leading tab or CR.
FORMULA = re.compile("[\\s\u200b-\u200d\u2060\ufeff]*[=+\\-@\uff0b\uff0d\uff1d\uff20]|[\t\r]")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Elements that load, run or hide something.
ACTIVE_TAGS = {
    "script",
    "iframe",
    "img",
    "object",
    "embed",
    "link",
    "style",
    "svg",
    "form",
    "input",
    "base",
    "frame",
    "frameset",
    "video",
    "audio",
    "source",
    "meta",
    "span",
    "div",
    "picture",
}
# Names that make a PDF run something, or that an attack adds to a link's dictionary.
PDF_ACTION_KEYS = {"/JS", "/AA", "/OpenAction", "/Launch", "/JavaScript", "/SubmitForm", "/ImportData", "/Foo"}
PDF_ACTION_NAMES = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm", "/Rendition"}


class Page(HTMLParser):
    """Tags, attributes, script contents and text of an HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if (
            self.lasttag == "script"
            and self.scripts
            and self.get_starttag_text()
            and self.get_starttag_text().startswith("<script")
        ):
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)


def _safe_href(href: str) -> bool:
    from reviewer.core.urls import safe_url

    return href.startswith("#") or (safe_url(href) == href and href.lower().startswith(SAFE_SCHEMES))


def assert_html_inert(html: str, *, allowed: set[str] = frozenset()) -> Page:
    """The HTML runs and loads nothing: its only scripts are JSON-LD data (and parse), no
    element loads or hides anything (``allowed`` names our own that may appear, e.g. the
    report's style and meta elements), no attribute is an event handler or points anywhere but
    an http(s)/mailto link or an anchor, and no inline style comes from a note."""
    page = Page(html)
    for attrs, text in page.scripts:
        assert attrs.get("type") == "application/ld+json", attrs
        json.loads(text)
        assert "<" not in text and ">" not in text
    for tag, attrs in page.tags:
        assert tag == "script" or tag not in ACTIVE_TAGS - allowed, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("src", "srcset", "background", "poster", "formaction", "action", "data"), (tag, name)
            if name == "href":
                assert value is not None and _safe_href(value), (tag, value)
            if name == "style":
                assert "url(" not in (value or "") and "display:none" not in (value or "").replace(" ", "")
                assert (value or "").replace(" ", "") not in ("color:#fff", "color:#ffffff"), value
    return page


def assert_markdown_inert(text: str) -> None:
    """The Markdown, rendered as a reader would (Python-Markdown with "extra"), holds no
    remote image, no raw HTML from a note or title, and links only to http(s)/mailto."""
    import markdown

    html = markdown.markdown(text, extensions=["extra", "sane_lists"])
    page = assert_html_inert(html)
    assert {tag for tag, _ in page.tags} <= {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "strong",
        "em",
        "a",
        "code",
        "pre",
        "br",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
    }, {tag for tag, _ in page.tags}


def assert_csv_inert(data: bytes) -> list[list[str]]:
    """Every text cell a spreadsheet would take for a formula starts with an apostrophe."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    for row in rows[1:]:
        for cell in row:
            assert cell.startswith("'") or NUMBER.fullmatch(cell) or not FORMULA.match(cell), cell
    return rows


def assert_json_inert(text: str):
    """JSON that parses and can be pasted into a script element: no "<", ">" or "&" as such."""
    assert "<" not in text and ">" not in text and "&" not in text
    return json.loads(text)


def _walk_pdf(obj, seen: set[int], found: list[str]) -> None:
    """Every dictionary key and name in ``obj`` and what it refers to, depth first."""
    import pypdf

    if isinstance(obj, pypdf.generic.IndirectObject):
        if obj.idnum in seen:
            return
        seen.add(obj.idnum)
        obj = obj.get_object()
    if isinstance(obj, dict):
        for key, value in obj.items():
            found.append(str(key))
            _walk_pdf(value, seen, found)
    elif isinstance(obj, list):
        for value in obj:
            _walk_pdf(value, seen, found)
    elif isinstance(obj, pypdf.generic.NameObject):
        found.append(str(obj))


def pdf_links(path: Path) -> list[str]:
    """The PDF's link addresses, read by pypdf in strict mode, after checking that it holds no
    action but plain URI links: every object (annotations, catalog, pages) is walked, and in
    the bytes every ``/URI`` is one literal string, closed where the link's dictionary closes."""
    import pypdf

    data = path.read_bytes()
    reader = pypdf.PdfReader(path, strict=True)
    seen: set[int] = set()
    names: list[str] = []
    _walk_pdf(reader.trailer, seen, names)
    for idnum in range(1, int(reader.trailer["/Size"])):  # objects nothing points to as well
        try:
            _walk_pdf(reader.get_object(idnum), seen, names)
        except Exception:  # a free entry
            continue
    assert not PDF_ACTION_KEYS & set(names), sorted(PDF_ACTION_KEYS & set(names))
    assert not PDF_ACTION_NAMES & set(names), sorted(PDF_ACTION_NAMES & set(names))
    links = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object()["/A"]
            assert set(action) <= {"/Type", "/S", "/URI"}, dict(action)
            assert action["/S"] == "/URI"
            uri = action["/URI"]
            assert isinstance(uri, str) and uri.isascii() and uri.isprintable() and " " not in uri, uri
            assert not set('()\\<>"') & set(uri), uri
            assert uri.lower().startswith(SAFE_SCHEMES), uri
            links.append(str(uri))
    raw = re.findall(rb"/URI \(([^()\\]*)\)\s*>>", data)
    assert len(raw) == len(links) == data.count(b"/URI (")
    return links
