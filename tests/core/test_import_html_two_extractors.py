"""Saved web pages read by two extractors: what one drops inside the article, the other puts back."""

import os
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
import trafilatura

from reviewer.core.importers import read_document
from reviewer.core.importers.htmlblocks import tree_to_blocks

SHARED_DATA = Path(os.environ.get("REVIEWER_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))

PARAGRAPHS = [
    f"The regional council spent {n * 3 + 4} million euros on road repairs in district {n} last year, "
    f"the auditor said in a report published on Monday, up from {n * 2 + 1} million the year before."
    for n in range(8)
]
GALLERY_CAPTION = (
    "Clockwise from top: the old bridge at Kessel at dawn; workers resurfacing the northern ring "
    "road; the council chamber during the budget vote."
)
# A photo gallery as the Guardian marks it up: the pictures, then their caption in a one-item list.
GALLERY = (
    '<figure><img src="bridge.jpg" alt=""><img src="road.jpg" alt=""><img src="chamber.jpg" alt="">'
    f"</figure><ul><li><p>{GALLERY_CAPTION}</p></li></ul>"
)


def _page(middle: str) -> str:
    paragraphs = [f"<p>{p}</p>" for p in PARAGRAPHS]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Road repairs cost more | Courier"
        "</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Road repairs cost more</h1>"
        + "".join(paragraphs[:4])
        + middle
        + "<h2>What the auditor found</h2>"
        + "".join(paragraphs[4:])
        + "</article><footer>Courier 2024</footer></body></html>"
    )


def test_a_block_readability_drops_mid_article_is_kept(tmp_path):
    # readability-lxml drops the gallery's caption list between two runs of article text (as on
    # the Guardian's pages); trafilatura keeps it, and so must the importer: in place, once.
    path = tmp_path / "roads.html"
    path.write_text(_page(GALLERY), encoding="utf-8")
    doc = read_document(path)
    assert GALLERY_CAPTION in doc.text
    at = doc.text.index(GALLERY_CAPTION)
    assert doc.text.index(PARAGRAPHS[3]) < at < doc.text.index("What the auditor found")
    # Nothing twice.
    for paragraph in PARAGRAPHS:
        assert doc.text.count(paragraph) == 1


def test_inline_code_stays_in_its_sentence():
    # trafilatura writes inline code as <code> inside <p>; it is not a code block of its own.
    html = _page(
        "<p>The auditor's tool calls <code>fetch()</code> on each contract record before it "
        "compares the totals with the budget lines of every district.</p>"
    )
    body = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True).body
    blocks = [text for _kind, text, _level in tree_to_blocks(body, trafilatura_xml=True).block_texts()]
    assert (
        "The auditor's tool calls fetch() on each contract record before it compares the totals with the "
        "budget lines of every district." in blocks
    )
    assert "fetch()" not in blocks


def _word_f1(got: str, expected: str) -> float:
    a, b = Counter(got.lower().split()), Counter(expected.lower().split())
    overlap = sum((a & b).values())
    return 0.0 if not overlap else 2 * overlap / (sum(a.values()) + sum(b.values()))


@pytest.mark.parametrize(
    "name, kept",
    [
        ("guardian-1", "Hori Parata at his Pātaua farm, the place where he was born and grew up"),
        ("medium-3", "Marco Arment occupies a fairly unique position in the Apple universe"),
    ],
)
def test_saved_pages_keep_what_readability_drops(name, kept):
    page = SHARED_DATA / "html-pages" / "test-pages" / name
    if not (page / "source.html").is_file():
        pytest.skip(f"shared test pages not found at {page.parent} (set REVIEWER_SHARED_DATA to run this test)")
    doc = read_document(page / "source.html")
    assert kept in doc.text
    expected = lxml.html.fromstring((page / "expected.html").read_text(encoding="utf-8")).text_content()
    plain = trafilatura.extract((page / "source.html").read_bytes()) or ""
    assert _word_f1(doc.text, expected) >= _word_f1(plain, expected) - 0.005


def test_filling_gaps_grows_linearly_on_a_page_of_repeated_blocks():
    # Blocks repeated all over a page ("Read more about this") once made matching the two
    # extractors' blocks take seconds for a thousand of them, and minutes for four thousand.
    from reviewer.core.importers.document import DocumentBuilder
    from reviewer.core.importers.webpage import _fill_gaps
    from tests.growth import assert_linear

    def pair(n: int) -> tuple[DocumentBuilder, DocumentBuilder]:
        mine, theirs = DocumentBuilder(), DocumentBuilder()
        for i in range(n):
            mine.add("paragraph", "Read more about this" if i % 2 else f"Same words again {i % 3}")
            theirs.add("paragraph", "Read more about this" if i % 3 else f"Other words again {i % 5}")
        return mine, theirs

    assert_linear(lambda builders: _fill_gaps(*builders), pair(100), pair(2_500), size_ratio=25)
