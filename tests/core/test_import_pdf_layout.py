"""PDF layout: a heading in a bigger font over two lines is one heading, a sentence crossing a page break
is one sentence, wrapped lines join, and a "By Name" line is the author. Real PDFs, built by hand."""

import io

from reviewer.core.extraction.segment import sentences
from reviewer.core.importers import read_document


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[tuple[str, float, float]]], title: str | None = None, author: str | None = None) -> bytes:
    """A valid PDF: each page a list of (text, font size, baseline height) lines in Helvetica at x=72."""
    page_objects, page_ids, next_id = [], [], 4
    for lines in pages:
        ops = []
        for text, size, y in lines:
            ops += ["BT", f"/F1 {size:g} Tf", f"72 {y:g} Td", f"({_escape(text)}) Tj", "ET"]
        stream = "\n".join(ops).encode("latin-1")
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        page_ids.append(page_id)
        page_objects.append((content_id, b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
        page_objects.append((page_id, (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>").encode()))
    info_id = next_id
    info = "".join(f"/{key} ({_escape(value)}) " for key, value in (("Title", title), ("Author", author)) if value)
    objects = [
        (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
        (2, f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(page_ids)} >>".encode()),
        (3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        *page_objects,
        (info_id, f"<< {info}>>".encode("latin-1")),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in sorted(objects):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (info_id + 1))
    for number in range(1, info_id + 1):
        out.write(b"%010d 00000 n \n" % offsets[number])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (info_id + 1, info_id, xref))
    return out.getvalue()


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
    page_1 = (_lines(HEADLINE, 22, 740, 26) + [("By Eleanor Ainge Roy in Whangarei", 10, 670)]
              + _lines(BODY_1, 11, 640, 14))
    page_2 = _lines(BODY_2[:2], 11, 740, 14) + _lines(SECOND_PARAGRAPH, 11, 698, 14) + [("2", 9, 60)]
    return make_pdf([page_1, page_2], **meta)


def test_two_line_heading_is_one_heading_and_the_title(tmp_path):
    path = tmp_path / "whales.pdf"
    path.write_bytes(_article_pdf())
    doc = read_document(path)
    assert doc.title == " ".join(HEADLINE)
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert not any(text.startswith("the study of stranded whales") for _kind, text in kinds)


def test_two_line_heading_mid_document_is_one_heading(tmp_path):
    page = (_lines(BODY_1[:2] + ["of stranded whales."], 11, 740, 14)
            + _lines(["What the Department of Conservation", "found on the beaches"], 18, 680, 22)
            + _lines(SECOND_PARAGRAPH, 11, 620, 14))
    path = tmp_path / "mid.pdf"
    path.write_bytes(make_pdf([page], title="Whales"))
    doc = read_document(path)
    headings = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == ["What the Department of Conservation found on the beaches"]


def test_a_sentence_across_a_page_break_is_one_sentence(tmp_path):
    path = tmp_path / "whales.pdf"
    path.write_bytes(_article_pdf())
    doc = read_document(path)
    spans = [doc.text[s.start:s.end] for s in sentences(doc.text)]
    assert ("Researchers at the university now want to study whale tikanga (protocol) and carving."
            in spans)
    # Wrapped lines are one paragraph; the second paragraph (after a wider gap) is its own.
    paragraphs = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "paragraph"]
    assert any(p.startswith("Whale strandings in New Zealand") and p.endswith("according to Project Jonah.")
               for p in paragraphs)
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
