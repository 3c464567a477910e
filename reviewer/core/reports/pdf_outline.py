"""Add a bookmark outline to a PDF written by Qt, as an incremental update.

Qt's PDF writer (QPdfWriter) has no API for outlines, so after Qt has written the file we
append the outline objects, a new catalog that points to them and a cross-reference section
chained to Qt's (``/Prev``): the bytes Qt wrote are kept unchanged, as PDF's incremental
updates allow. Only what Qt itself writes is supported (classic ``xref`` table, uncompressed
catalog and page tree); anything else is returned untouched. Pure; no Qt import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class OutlineEntry:
    level: int  # 1 = top
    title: str
    page: int  # 0-based page index
    top: float  # PDF points from the bottom of the page (PDF's y axis)


def _pdf_text(text: str) -> bytes:
    """A PDF text string in UTF-16BE with BOM, as hex: safe for any characters."""
    return b"<FEFF" + " ".join(text.split()).encode("utf-16-be").hex().upper().encode("ascii") + b">"


def add_outline(pdf: bytes, entries: list[OutlineEntry]) -> bytes:
    if not entries:
        return pdf
    startxref = re.findall(rb"startxref\s+(\d+)\s+%%EOF", pdf)
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S)
    if not startxref or not trailer:
        return pdf
    prev = int(startxref[-1])
    trailer_dict = trailer[-1]
    size_m = re.search(rb"/Size\s+(\d+)", trailer_dict)
    root_m = re.search(rb"/Root\s+(\d+)\s+0\s+R", trailer_dict)
    if not size_m or not root_m:
        return pdf
    size, root = int(size_m[1]), int(root_m[1])
    info_m = re.search(rb"/Info\s+(\d+\s+0\s+R)", trailer_dict)
    index = {int(m[1]): m.end() for m in _OBJ.finditer(pdf)}  # object id -> where its body starts
    catalog_m = _object(pdf, index, root)
    if not catalog_m or b"/Outlines" in catalog_m[1]:
        return pdf
    pages_ref = re.search(rb"/Pages\s+(\d+)\s+0\s+R", catalog_m[1])
    if not pages_ref:
        return pdf
    pages = _page_ids(pdf, index, int(pages_ref[1]))
    entries = [e for e in entries if 0 <= e.page < len(pages)]
    if not pages or not entries:
        return pdf

    # Build the tree: each entry's parent is the nearest earlier entry of a lower level.
    outline_id = size
    ids = [size + 1 + i for i in range(len(entries))]
    parent = [outline_id] * len(entries)
    children: dict[int, list[int]] = {outline_id: []}
    stack: list[tuple[int, int]] = []  # (level, index)
    for i, e in enumerate(entries):
        while stack and stack[-1][0] >= e.level:
            stack.pop()
        parent[i] = ids[stack[-1][1]] if stack else outline_id
        children.setdefault(parent[i], []).append(i)
        children.setdefault(ids[i], [])
        stack.append((e.level, i))

    def descendants(obj_id: int) -> int:
        return sum(1 + descendants(ids[i]) for i in children[obj_id])

    objects: list[tuple[int, bytes]] = []
    top_kids = children[outline_id]
    objects.append(
        (
            outline_id,
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
            % (ids[top_kids[0]], ids[top_kids[-1]], descendants(outline_id)),
        )
    )
    for i, e in enumerate(entries):
        siblings = children[parent[i]]
        pos = siblings.index(i)
        parts = [
            b"/Title " + _pdf_text(e.title),
            b"/Parent %d 0 R" % parent[i],
            b"/Dest [%d 0 R /XYZ 0 %.1f null]" % (pages[e.page], e.top),
        ]
        if pos > 0:
            parts.append(b"/Prev %d 0 R" % ids[siblings[pos - 1]])
        if pos < len(siblings) - 1:
            parts.append(b"/Next %d 0 R" % ids[siblings[pos + 1]])
        kids = children[ids[i]]
        if kids:
            # Negative count: closed by default below the top level, so long reports stay tidy.
            count = descendants(ids[i])
            parts.append(
                b"/First %d 0 R /Last %d 0 R /Count %d"
                % (ids[kids[0]], ids[kids[-1]], count if e.level == 1 else -count)
            )
        objects.append((ids[i], b"<< " + b" ".join(parts) + b" >>"))
    catalog = catalog_m[1].strip()
    catalog = re.sub(rb"/PageMode\s*/\w+", b"", catalog)
    objects.append((root, b"<< " + catalog + b" /Outlines %d 0 R /PageMode /UseOutlines >>" % outline_id))

    out = bytearray(pdf)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[int, int] = {}
    for obj_id, body in objects:
        offsets[obj_id] = len(out)
        out += b"%d 0 obj\n" % obj_id + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for obj_id in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (obj_id, offsets[obj_id])
    new_size = max(size, max(offsets) + 1)
    out += b"trailer\n<< /Size %d /Root %d 0 R" % (new_size, root)
    if info_m:
        out += b" /Info " + info_m[1]
    out += b" /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref_at)
    return bytes(out)


_OBJ = re.compile(rb"(?<![\d])(\d+) 0 obj\s*")


class _Dict:
    """The inner text of a PDF dictionary, as ``[1]`` (like the regex match this replaced)."""

    def __init__(self, body: bytes):
        self.body = body

    def __getitem__(self, i: int) -> bytes:
        return self.body


def _object(pdf: bytes, index: dict[int, int], obj_id: int) -> _Dict | None:
    """The dictionary of object ``obj_id`` (balanced ``<< >>``, strings skipped), or None."""
    start = index.get(obj_id)
    if start is None or pdf[start : start + 2] != b"<<":
        return None
    depth, i, n = 0, start, len(pdf)
    while i < n:
        two = pdf[i : i + 2]
        if two == b"<<":
            depth, i = depth + 1, i + 2
        elif two == b">>":
            depth, i = depth - 1, i + 2
            if depth == 0:
                return _Dict(pdf[start + 2 : i - 2])
        elif pdf[i] == 0x28:  # "(" literal string: skip, minding escapes and nesting
            level, i = 1, i + 1
            while i < n and level:
                if pdf[i] == 0x5C:
                    i += 1
                elif pdf[i] == 0x28:
                    level += 1
                elif pdf[i] == 0x29:
                    level -= 1
                i += 1
        elif pdf[i] == 0x3C:  # "<" hex string
            end = pdf.find(b">", i)
            i = n if end < 0 else end + 1
        else:
            i += 1
    return None


def _page_ids(pdf: bytes, index: dict[int, int], pages_id: int, depth: int = 0) -> list[int]:
    """Page object ids in order, walking the page tree from ``pages_id``."""
    m = _object(pdf, index, pages_id)
    if not m or depth > 20:
        return []
    kids = re.search(rb"/Kids\s*\[(.*?)\]", m[1], re.S)
    if not kids:
        return [pages_id] if b"/Page" in m[1] else []
    result = []
    for kid in re.findall(rb"(\d+)\s+0\s+R", kids[1]):
        kid_id = int(kid)
        km = _object(pdf, index, kid_id)
        if km and re.search(rb"/Type\s*/Pages\b", km[1]):
            result += _page_ids(pdf, index, kid_id, depth + 1)
        else:
            result.append(kid_id)
    return result
