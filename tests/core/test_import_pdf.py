"""PDF import: a real PDF with a text layer, built by hand in the test."""

import io

import pytest

from reviewer.core.errors import ImportFailed
from reviewer.core.importers import read_document

from tests.core.pdf_builder import build_pdf, pdf_string


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, top to bottom; an empty
    page list entry gives a page with only a drawn rectangle (like a scan without OCR)."""
    streams = []
    for lines in pages:
        if lines:
            ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td", *(f"({pdf_string(line)}) Tj T*" for line in lines), "ET"]
        else:
            ops = ["0.5 g", "72 72 450 650 re f"]
        streams.append("\n".join(ops))
    return build_pdf(streams, {"Title": title or "", "Author": "python-docx"})


ARTICLE_PAGE_1 = [
    "Council approves new budget",
    "",
    "The city council approved a budget of 412 million on Tuesday, an increase of",
    "6.1 percent on last year. Mayor Lena Ortiz said the extra money would go to",
    "schools and public transport, and that property taxes would not rise this year.",
    "",
    '"This is a budget for families," Ortiz said. Councillor Ahmed Rahim voted against',
    "it, arguing that the transport plan had not been costed inde-",
    "pendently and that the council's own auditors had raised concerns.",
]
ARTICLE_PAGE_2 = [
    "The finance department said it would publish a full breakdown of the spending",
    "by the end of the month.",
    "2",
]


def test_pdf_text_layer_paragraphs_and_hyphens(tmp_path):
    path = tmp_path / "budget.pdf"
    path.write_bytes(make_pdf([ARTICLE_PAGE_1, ARTICLE_PAGE_2], title="Council approves new budget"))
    doc = read_document(path)
    assert doc.original_format == "pdf"
    assert doc.title == "Council approves new budget"
    assert doc.author is None  # a tool's default author name is not an author
    assert "approved a budget of 412 million on Tuesday, an increase of 6.1 percent on last year." in doc.text
    assert "not been costed independently and" in doc.text
    assert '"This is a budget for families," Ortiz said.' in doc.text
    assert "by the end of the month." in doc.text
    assert not any(line.strip() == "2" for line in doc.text.split("\n"))  # page number dropped
    assert "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks) == doc.text
    assert len(doc.blocks) >= 3


def test_scanned_pdf_without_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    assert "scan.pdf" in str(caught.value) and "OCR" in str(caught.value)


def test_encrypted_pdf_is_refused(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(make_pdf([ARTICLE_PAGE_1])))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    try:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    except Exception as error:  # no crypto back end on this machine
        pytest.skip(f"pypdf cannot encrypt here: {error}")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    assert "locked.pdf" in str(caught.value) and "encrypted" in str(caught.value)


def test_truncated_pdf_is_refused(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(make_pdf([ARTICLE_PAGE_1])[:300])
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    assert "cut.pdf" in str(caught.value)
