"""PDF layout: a heading in a bigger font over two lines is one heading, a sentence crossing a page break
is one sentence, wrapped lines join, and a "By Name" line is the author. Real PDFs, built by hand."""

from reviewer.core.extraction.segment import sentences
from reviewer.core.importers import read_document

from tests.core.pdf_builder import build_pdf, pdf_string


def make_pdf(pages: list[list[tuple[str, float, float]]], title: str | None = None, author: str | None = None) -> bytes:
    """A valid PDF: each page a list of (text, font size, baseline height) lines in Helvetica at x=72."""
    streams = [
        "\n".join(f"BT\n/F1 {size:g} Tf\n72 {y:g} Td\n({pdf_string(text)}) Tj\nET" for text, size, y in lines)
        for lines in pages
    ]
    return build_pdf(streams, {"Title": title, "Author": author})


def _lines(texts: list[str], size: float, top: float, leading: float) -> list[tuple[str, float, float]]:
    return [(text, size, top - i * leading) for i, text in enumerate(texts)]


HEADLINE = ["'We need to listen': Maori call for a role in", "the study of stranded whales"]
BODY_1 = [
    "Whale strandings in New Zealand rose sharply this year, and Maori leaders say",
    "scientists must work with iwi, who have the right to harvest the bones and teeth",
    "of stranded whales. Researchers at the university now want to study whale tikanga",
]
BODY_2 = [
    "(protocol) and carving. The Department of Conservation recorded 300 strandings in",
    "2018, twice the yearly average of the decade before, according to Project Jonah.",
    "",
]
SECOND_PARAGRAPH = [
    "Hori Parata has buried more than 300 whales on his family's land since 1988.",
    "He says the bones belong to the tribe.",
]


def _article_pdf(**meta) -> bytes:
    page_1 = (
        _lines(HEADLINE, 22, 740, 26) + [("By Eleanor Ainge Roy in Whangarei", 10, 670)] + _lines(BODY_1, 11, 640, 14)
    )
    page_2 = _lines(BODY_2[:2], 11, 740, 14) + _lines(SECOND_PARAGRAPH, 11, 698, 14) + [("2", 9, 60)]
    return make_pdf([page_1, page_2], **meta)


def test_two_line_heading_is_one_heading_and_the_title(tmp_path):
    path = tmp_path / "whales.pdf"
    path.write_bytes(_article_pdf())
    doc = read_document(path)
    assert doc.title == " ".join(HEADLINE)
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert not any(text.startswith("the study of stranded whales") for _kind, text in kinds)


def test_two_line_heading_mid_document_is_one_heading(tmp_path):
    page = (
        _lines(BODY_1[:2] + ["of stranded whales."], 11, 740, 14)
        + _lines(["What the Department of Conservation", "found on the beaches"], 18, 680, 22)
        + _lines(SECOND_PARAGRAPH, 11, 620, 14)
    )
    path = tmp_path / "mid.pdf"
    path.write_bytes(make_pdf([page], title="Whales"))
    doc = read_document(path)
    headings = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == ["What the Department of Conservation found on the beaches"]


def test_a_sentence_across_a_page_break_is_one_sentence(tmp_path):
    path = tmp_path / "whales.pdf"
    path.write_bytes(_article_pdf())
    doc = read_document(path)
    spans = [doc.text[s.start : s.end] for s in sentences(doc.text)]
    assert "Researchers at the university now want to study whale tikanga (protocol) and carving." in spans
    # Wrapped lines are one paragraph; the second paragraph (after a wider gap) is its own.
    paragraphs = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"]
    assert any(
        p.startswith("Whale strandings in New Zealand") and p.endswith("according to Project Jonah.")
        for p in paragraphs
    )
    assert " ".join(SECOND_PARAGRAPH) in paragraphs
    assert not any(p == "2" for p in paragraphs)  # the page number


def test_byline_is_the_author(tmp_path):
    path = tmp_path / "whales.pdf"
    path.write_bytes(_article_pdf())
    assert read_document(path).author == "Eleanor Ainge Roy"
    # The document's own author field, when it names a person, is kept.
    path.write_bytes(_article_pdf(author="The Guardian Newsroom"))
    assert read_document(path).author == "The Guardian Newsroom"


def test_a_sentence_opening_with_by_is_no_byline(tmp_path):
    page = [("By April, the council had spent 40 million on the bridge.", 11, 740)] + _lines(BODY_1, 11, 712, 14)
    path = tmp_path / "council.pdf"
    path.write_bytes(make_pdf([page]))
    assert read_document(path).author is None
