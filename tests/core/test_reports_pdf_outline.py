"""Bookmarks added to a PDF as an incremental update, read back by pypdf."""

from __future__ import annotations

import io

import pytest

from reviewer.core.reports.pdf_outline import OutlineEntry, add_outline

pypdf = pytest.importorskip("pypdf")


def _blank_pdf(pages: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_outline_tree_points_at_pages():
    # pypdf writes an uncompressed classic xref, as Qt does.
    pdf = _blank_pdf(3)
    entries = [
        OutlineEntry(1, "Report", 0, 800),
        OutlineEntry(2, "Summary", 0, 500),
        OutlineEntry(2, "1. Artículo — «ünïcode»", 1, 800),
        OutlineEntry(3, "Claim 1.1", 2, 700),
    ]
    out = add_outline(pdf, entries)
    assert out.startswith(pdf)  # an incremental update keeps the original bytes
    reader = pypdf.PdfReader(io.BytesIO(out))
    top = reader.outline
    assert top[0].title == "Report"
    children = top[1]
    assert [c.title for c in children if not isinstance(c, list)] == ["Summary", "1. Artículo — «ünïcode»"]
    assert reader.get_destination_page_number(children[1]) == 1
    assert reader.get_destination_page_number(children[2][0]) == 2


def test_unknown_structure_is_left_alone():
    assert add_outline(b"not a pdf", [OutlineEntry(1, "x", 0, 1)]) == b"not a pdf"
    pdf = _blank_pdf(1)
    assert add_outline(pdf, []) == pdf


def test_catalog_with_nested_dictionaries_is_kept_whole():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[pypdf.generic.NameObject("/ViewerPreferences")] = pypdf.generic.DictionaryObject(
        {pypdf.generic.NameObject("/DisplayDocTitle"): pypdf.generic.BooleanObject(True)}
    )
    out = io.BytesIO()
    writer.write(out)
    result = add_outline(out.getvalue(), [OutlineEntry(1, "Only (one) <entry>", 0, 800)])
    reader = pypdf.PdfReader(io.BytesIO(result))
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.outline[0].title == "Only (one) <entry>"
