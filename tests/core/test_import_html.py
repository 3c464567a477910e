"""Saved web pages: article text with structure, metadata, right-to-left text, no network."""

import os
import re
import socket
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from reviewer.core.importers import read_document

PARAGRAPHS = [
    "The regional health ministry said on Thursday that hospital admissions for influenza had fallen "
    "by 18 percent in the past month, the steepest drop since records began in 2009.",
    "\u201cWe are seeing the effect of the vaccination drive,\u201d said Dr. Miriam Hale, the ministry's chief "
    "epidemiologist. \u201cBut it is too early to say the season is over.\u201d",
    "Local clinics reported 4,210 confirmed cases in January, compared with 5,130 in December. "
    "Officials said testing capacity had stayed the same over both months.",
    "Opposition lawmaker Tomas Berg questioned the figures, saying rural clinics had been slow to report. "
    "He called for an independent audit of the data before the budget debate in March.",
    "The ministry said it would publish district-level numbers next week and would keep its "
    "vaccination centres open on weekends until the end of February.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Flu admissions fall 18% as vaccination drive takes hold | Northern Courier</title>
<meta property="og:title" content="Flu admissions fall 18% as vaccination drive takes hold">
<meta name="author" content="Jana Novak">
<meta property="og:site_name" content="Northern Courier">
<meta property="article:published_time" content="2024-02-08T09:30:00Z">
<link rel="canonical" href="https://courier.example/health/flu-admissions-fall">
<link rel="stylesheet" href="http://tracker.example/style.css">
<script>document.write("SCRIPT TEXT MUST NOT APPEAR")</script>
<style>.x {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Flu admissions fall 18% as vaccination drive takes hold</h1>
<p class="byline">By Jana Novak</p>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<h2>Cases by month</h2>
<p>{PARAGRAPHS[2]}</p>
<img src="http://tracker.example/pixel.gif" alt="">
<blockquote><p>{PARAGRAPHS[3]}</p></blockquote>
<ul><li>January: 4,210 confirmed cases reported by clinics</li><li>December: 5,130 confirmed cases reported by clinics</li></ul>
<p>{PARAGRAPHS[4]}</p>
<iframe src="http://ads.example/frame"></iframe>
</article>
<footer><p>Copyright Northern Courier. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the importer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_article_text_structure_and_metadata(tmp_path, no_network):
    path = tmp_path / "flu.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.original_format == "html"
    assert doc.title == "Flu admissions fall 18% as vaccination drive takes hold"
    assert doc.author == "Jana Novak"
    assert doc.site == "Northern Courier"
    assert doc.url == "https://courier.example/health/flu-admissions-fall"
    assert doc.published == "2024-02-08"
    assert doc.language == "en-GB"
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert "SCRIPT TEXT" not in doc.text and "color: red" not in doc.text
    assert "<" not in doc.text and ">" not in doc.text
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip()
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert kinds[PARAGRAPHS[0]] == "paragraph"
    assert kinds.get("Cases by month") == "heading"
    assert kinds[PARAGRAPHS[3]] == "quote"
    assert kinds["January: 4,210 confirmed cases reported by clinics"] == "list_item"
    assert "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks) == doc.text


def test_declared_charset_is_honoured(tmp_path):
    page = PAGE.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    page = page.replace("Tomas Berg", "Tomás Bérg")
    path = tmp_path / "flu.htm"
    path.write_bytes(page.encode("cp1252"))
    doc = read_document(path)
    assert "Tomás Bérg questioned" in doc.text
    assert "\u201cWe are seeing" in doc.text


ARABIC = [
    "قالت وزارة الصحة يوم الخميس إن عدد حالات الدخول إلى المستشفيات بسبب الإنفلونزا انخفض بنسبة ثمانية عشر في المئة خلال الشهر الماضي.",
    "وقالت الدكتورة مريم حلمي، كبيرة علماء الأوبئة في الوزارة، إن حملة التطعيم بدأت تؤتي ثمارها، لكنها أضافت أن الوقت ما زال مبكرا.",
    "وطالب النائب المعارض طارق بدر بتدقيق مستقل في الأرقام قبل مناقشة الميزانية في شهر مارس المقبل.",
]


def test_right_to_left_page_keeps_text_and_language(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in ARABIC)
    path = tmp_path / "ar.html"
    path.write_text(
        f'<html dir="rtl"><head><meta charset="utf-8"><title>الإنفلونزا</title></head>'
        f"<body><article><h1>انخفاض حالات الإنفلونزا</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    for paragraph in ARABIC:
        assert paragraph in doc.text
    assert doc.language == "ar"


# --- the shared Readability test pages, when present ------------------------------------------


def _shared_pages() -> Path:
    env = os.environ.get("REVIEWER_SHARED_DATA")
    root = Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"
    pages = root / "html-pages" / "test-pages"
    if not pages.is_dir():
        pytest.skip(f"shared test pages not found at {pages} (set REVIEWER_SHARED_DATA to run this test)")
    return pages


def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def _f1(got: str, expected: str) -> float:
    a, b = _words(got), _words(expected)
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * p * r / (p + r)


def _expected_text(page: Path) -> str:
    html = (page / "expected.html").read_text(encoding="utf-8")
    return lxml.html.fromstring(html).text_content() if html.strip() else ""


def test_real_site_pages_reach_f1_floor():
    """Same rule as tests/benchmarks/bench_html_import.py: real-site pages are those whose
    source.html is at least 10,000 bytes. The benchmark asserts the 0.95 target; this keeps
    a floor so a regression shows up in the ordinary test run."""
    root = _shared_pages()
    pages = [
        d
        for d in sorted(root.iterdir())
        if (d / "source.html").is_file() and (d / "source.html").stat().st_size >= 10_000
    ]
    assert len(pages) >= 50
    scores = [_f1(read_document(d / "source.html").text, _expected_text(d)) for d in pages]
    assert sum(scores) / len(scores) >= 0.93


def test_shared_rtl_pages_keep_their_text():
    root = _shared_pages()
    pages = sorted(root.glob("rtl-*"))
    assert pages
    for page in pages:
        doc = read_document(page / "source.html")
        assert _f1(doc.text, _expected_text(page)) >= 0.9, page.name
        # These feature pages are Latin "lorem ipsum" under dir="rtl": no language to tell.
        assert doc.language is None, (page.name, doc.language)


def test_a_page_declaring_utf16_in_ascii_is_read_as_utf8(tmp_path):
    from reviewer.core.importers import read_document

    page = tmp_path / "mislabelled.html"
    body = "<p>The port handled 4 million containers in 2023, officials said on Monday.</p>" * 5
    page.write_bytes(
        (
            "<html><head><meta charset='utf-16'><title>Port traffic</title></head><body><article>"
            f"<h1>Port traffic</h1>{body}</article></body></html>"
        ).encode("ascii")
    )
    doc = read_document(page)
    assert "4 million containers" in doc.text
