"""A PDF written by Qt (flipped text matrices, tabs between words, embedded subset fonts) reads as
one heading, whole sentences across the page break, and the byline's author."""

from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

from reviewer.core.extraction.segment import sentences
from reviewer.core.importers import read_document


def _write(path, pages: list[list[tuple[str, float]]]) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        y = 60.0
        for text, size in lines:
            font = QFont("Helvetica")
            font.setPointSizeF(size)
            painter.setFont(font)
            y += size * 1.3
            painter.drawText(72, int(y), text)
    painter.end()


def test_pdf_written_by_qt(qapp, tmp_path):
    path = tmp_path / "whales.pdf"
    _write(
        path,
        [
            [
                ("Maori call for a role in", 24),
                ("the study of stranded whales", 24),
                ("By Eleanor Ainge Roy", 10),
                ("Researchers at the university now want to study whale tikanga", 11),
            ],
            [("(protocol) and carving, the council said on Tuesday.", 11)],
        ],
    )
    doc = read_document(path)
    assert doc.title == "Maori call for a role in the study of stranded whales"
    assert doc.author == "Eleanor Ainge Roy"
    spans = [doc.text[s.start : s.end] for s in sentences(doc.text)]
    assert (
        "Researchers at the university now want to study whale tikanga (protocol) and carving, "
        "the council said on Tuesday." in spans
    )
