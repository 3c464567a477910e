"""PDF (text layer, via pypdf; its layout in ``pdf_layout``) and Word .docx (via python-docx) to blocks.

Both raise ``FormatProblem(problem, advice)``; the caller adds the file name.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from typing import TYPE_CHECKING, cast

from .document import DocumentBuilder, fold_spaces
from .metadata import FoundMetadata
from .pdf_layout import PdfLine, find_byline, lines_to_blocks, page_lines

if TYPE_CHECKING:
    from docx.oxml.numbering import CT_NumPr
    from docx.oxml.shared import CT_DecimalNumber
    from docx.text.paragraph import Paragraph

for _name in ("pypdf", "docx"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

MAX_PDF_PAGES = 2_000
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_DOCX_XML = 50 * 1024 * 1024
MAX_DOCX_MEMBERS = 5_000
MAX_ZIP_RATIO = 200  # uncompressed/compressed beyond this, on a large member, is a zip bomb


class FormatProblem(Exception):
    def __init__(self, problem: str, advice: str = ""):
        super().__init__(problem)
        self.problem = problem
        self.advice = advice


# ---------------------------------------------------------------------------- PDF


# Authors that tools write by default; they say nothing about who wrote the article.
_TOOL_AUTHORS = frozenset(
    {
        "python-docx",
        "unknown",
        "user",
        "admin",
        "administrator",
        "author",
        "microsoft office user",
        "windows user",
        "owner",
    }
)


def _real_author(value: str | None) -> str | None:
    author = fold_spaces(value or "")
    return author if author and author.casefold() not in _TOOL_AUTHORS else None


def read_pdf(data: bytes) -> tuple[DocumentBuilder, FoundMetadata]:
    """The text layer of a PDF as blocks, and metadata (title, author)."""
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
            except Exception:
                unlocked = False
            if not unlocked:
                raise FormatProblem(
                    "the PDF is encrypted with a password",
                    "open it in a PDF viewer, save an unprotected copy, and import that",
                )
        page_count = len(reader.pages)
    except FormatProblem:
        raise
    except (
        PdfReadError,
        FileNotDecryptedError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
        NotImplementedError,
    ) as error:
        raise FormatProblem(
            f"not a readable PDF ({fold_spaces(str(error))[:200] or type(error).__name__})",
            "the file may be damaged or not a PDF; export it again",
        ) from None
    if page_count > MAX_PDF_PAGES:
        raise FormatProblem(
            f"the PDF has {page_count} pages, more than the {MAX_PDF_PAGES} Reviewer reads",
            "split it and import the part with the article",
        )
    lines: list[PdfLine] = []
    for number, page in enumerate(reader.pages):
        try:
            lines.extend(page_lines(page, number))
        except Exception:  # one bad page should not lose the others
            pass
    if not any(ch.isalpha() for line in lines for ch in line.text):
        raise FormatProblem(
            "the PDF has no text layer (a scanned PDF?)",
            "run OCR on it first (for example with ocrmypdf), then import the result",
        )
    builder = lines_to_blocks(lines)
    byline = find_byline(lines)
    title: str | None = None
    author: str | None = None
    try:
        info = reader.metadata
        if info is not None:
            title = fold_spaces(str(info.get("/Title") or "")) or None
            author = _real_author(str(info.get("/Author") or ""))
    except Exception:  # metadata is optional; the text was read
        pass
    if not author and byline:
        author = byline
    return builder, FoundMetadata(title=_title_from_heading(builder, title), author=author)


def _title_from_heading(builder: DocumentBuilder, title: str | None) -> str | None:
    """A PDF that opens with a heading (and names no other title, or that same one) has it as its
    title; it leaves the body, so the reader does not show it twice. Returns the title."""
    blocks = builder.block_texts()
    if len(blocks) < 2 or blocks[0][0] != "heading":
        return title
    heading = blocks[0][1]
    if not title or title.casefold() == heading.casefold():
        builder.drop_first()
        return heading
    return title


# --------------------------------------------------------------------------- DOCX

_HEADING_STYLE_RE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise FormatProblem(
            "not a valid .docx file (the zip container is damaged)",
            "open it in Word or LibreOffice and save it again as .docx",
        ) from None
    if len(members) > MAX_DOCX_MEMBERS:
        raise FormatProblem(
            f"the .docx holds {len(members)} parts, more than a document should",
            "save it again from Word or LibreOffice",
        )
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise FormatProblem(
            "not a Word document (no word/document.xml inside)", "save it as .docx from Word or LibreOffice"
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > 10 * 1024 * 1024 and ratio > MAX_ZIP_RATIO:
            raise FormatProblem(
                f"the .docx expands to far more than its size ({member.filename}: "
                f"{member.file_size:,} bytes from {member.compress_size:,}); a zip bomb?",
                "do not open it; ask the sender for the document again",
            )
        if member.filename.endswith(".xml") and member.file_size > MAX_DOCX_XML:
            raise FormatProblem(
                f"the .docx part {member.filename} is {member.file_size:,} bytes uncompressed, "
                f"over the {MAX_DOCX_XML // 2**20} MB limit",
                "split the document",
            )
    if total > MAX_DOCX_UNCOMPRESSED:
        raise FormatProblem(
            f"the .docx expands to {total:,} bytes, over the {MAX_DOCX_UNCOMPRESSED // 2**20} MB limit",
            "remove large images or split the document",
        )


def _paragraph_kind(paragraph: Paragraph) -> tuple[str, int]:
    try:
        style = paragraph.style.name if paragraph.style is not None else ""
    except Exception:
        style = ""
    style = style or ""
    match = _HEADING_STYLE_RE.match(style.strip())
    if match:
        return "heading", max(1, min(6, int(match.group(1))))
    if style == "Title":
        return "title", 1
    if style == "Subtitle":
        return "heading", 2
    if "quote" in style.lower():
        return "quote", 0
    ppr = paragraph._p.pPr
    # python-docx types numPr and ilvl as the ZeroOrOne that defines them, but reading one gives
    # the child element, or None when the paragraph has none.
    num_pr = cast("CT_NumPr | None", ppr.numPr) if ppr is not None else None
    numbered = num_pr is not None
    if numbered or style.lower().startswith("list"):
        level = 1
        ilvl = cast("CT_DecimalNumber | None", num_pr.ilvl) if num_pr is not None else None
        if ilvl is not None and ilvl.val is not None:
            level = int(ilvl.val) + 1
        match = re.search(r"(\d)$", style)
        if not numbered and match:
            level = int(match.group(1))
        return "list_item", max(1, min(9, level))
    return "paragraph", 0


def read_docx(data: bytes) -> tuple[DocumentBuilder, FoundMetadata]:
    """A Word document's paragraphs and tables as blocks, and core-property metadata."""
    _check_zip(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many types for broken packages
        raise FormatProblem(
            f"not a readable Word document ({type(error).__name__}: {fold_spaces(str(error))[:200]})",
            "open it in Word or LibreOffice and save it again as .docx",
        ) from None
    builder = DocumentBuilder()
    title_from_style = None
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "p":
            paragraph = Paragraph(child, document)
            kind, level = _paragraph_kind(paragraph)
            if kind == "title":
                if title_from_style is None and builder.is_empty():
                    title_from_style = fold_spaces(paragraph.text)
                    continue
                kind, level = "heading", 1
            builder.add(kind, paragraph.text, level)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    cells.append(fold_spaces(cell.text))
                builder.add("paragraph", " | ".join(c for c in cells if c))
    title, author, language = title_from_style, None, None
    try:
        props = document.core_properties
        title = title or fold_spaces(props.title or "") or None
        author = _real_author(props.author)
        language = props.language or None
    except Exception:  # metadata is optional
        pass
    return builder, FoundMetadata(title=title, author=author, declared_language=language)
