"""Hand-built PDFs for the import tests: pages of content streams in Helvetica, written whole."""

from __future__ import annotations

import io


def pdf_string(text: str) -> str:
    """``text`` as the inside of a PDF literal string."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(streams: list[str], info: dict[str, str]) -> bytes:
    """A valid PDF with one page (612 x 792 pt) per content stream and the given /Info entries."""
    page_objects, page_ids, next_id = [], [], 4
    for ops in streams:
        stream = ops.encode("latin-1")
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        page_ids.append(page_id)
        page_objects.append((content_id, b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
        page_objects.append(
            (
                page_id,
                (
                    f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
                ).encode(),
            )
        )
    info_id = next_id
    entries = "".join(f"/{key} ({pdf_string(value)}) " for key, value in info.items() if value is not None)
    objects = [
        (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
        (2, f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {len(page_ids)} >>".encode()),
        (3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        *page_objects,
        (info_id, f"<< {entries}>>".encode("latin-1")),
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
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (info_id + 1, info_id, xref)
    )
    return out.getvalue()
