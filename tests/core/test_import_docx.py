"""Word .docx import: built with python-docx in the test; headings, lists, quotes, tables."""

import io
import zipfile

import docx
import pytest

from reviewer.core.errors import ImportFailed
from reviewer.core.importers import read_document


def build_docx(path):
    document = docx.Document()
    document.core_properties.author = "Ines Larsen"
    document.add_paragraph("Port strike enters second week", style="Title")
    document.add_paragraph(
        "Dock workers at the northern port extended their strike on Monday, the union said, "
        "after talks over a 9 percent pay claim broke down."
    )
    document.add_heading("What the sides say", level=2)
    document.add_paragraph(
        "\u201cWe have offered 5 percent and we will not go higher,\u201d said Paul Meyer, "
        "the port authority's director.",
        style="Quote",
    )
    document.add_paragraph("Ships waiting at anchor: 23", style="List Bullet")
    document.add_paragraph("Containers delayed: about 41,000", style="List Bullet")
    document.add_paragraph("of which refrigerated: 3,200", style="List Bullet 2")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Week", "Ships waiting"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "17"
    document.add_paragraph("The ministry said it would appoint a mediator.")
    document.save(path)


def test_docx_structure_and_metadata(tmp_path):
    path = tmp_path / "strike.docx"
    build_docx(path)
    doc = read_document(path)
    assert doc.original_format == "docx"
    assert doc.title == "Port strike enters second week"
    assert doc.author == "Ines Larsen"
    blocks = [(b.kind, b.level, doc.text[b.start : b.end]) for b in doc.blocks]
    assert blocks[0][0] == "paragraph" and blocks[0][2].startswith("Dock workers")
    assert ("heading", 2, "What the sides say") in blocks
    assert blocks[2][0] == "quote" and "Paul Meyer" in blocks[2][2]
    assert ("list_item", 1, "Ships waiting at anchor: 23") in blocks
    assert ("list_item", 2, "of which refrigerated: 3,200") in blocks
    assert ("paragraph", 0, "Week | Ships waiting") in blocks
    assert blocks[-1] == ("paragraph", 0, "The ministry said it would appoint a mediator.")
    assert "\n\n".join(b[2] for b in blocks) == doc.text
    assert doc.language == "en"


def test_docx_default_author_is_ignored(tmp_path):
    path = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("A single paragraph written by someone unknown.")
    document.save(path)
    doc = read_document(path)
    assert doc.author is None and doc.title == "A single paragraph written by someone unknown."


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused_before_decompressing(tmp_path):
    path = tmp_path / "bomb.docx"
    # 300 MB of zeros compresses to ~300 KB: refused from the sizes in the zip directory.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    message = str(caught.value)
    assert "bomb.docx" in message and ("limit" in message or "zip bomb" in message)


@pytest.mark.parametrize(
    "members",
    [{"hello.txt": b"not a word file"}, {"word/document.xml": b"<not-really-xml", "[Content_Types].xml": b"<broken"}],
)
def test_docx_corrupt_package_is_refused(tmp_path, members):
    path = tmp_path / "broken.docx"
    path.write_bytes(_zip(members))
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    assert "broken.docx" in str(caught.value)


def test_docx_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("I am plain text pretending to be Word.", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    assert "fake.docx" in str(caught.value) and ".docx" in caught.value.problem
