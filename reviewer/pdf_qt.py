"""The PDF report through Qt's own PDF writer (QTextDocument laid out on a QPdfWriter).

The one module outside ``reviewer/ui`` allowed to import Qt (QtGui, for the writer and the
layout). The core stays Qt-free: ``register()`` hands ``render_pdf`` to ``core.export``, and
the command line calls it only for ``export --format pdf``, so no other command loads Qt and
no command loads ``reviewer.ui``.

Any thread may call ``render_pdf`` once a QGuiApplication exists: QTextDocument, QPdfWriter
and QPainter on a PDF device are usable outside the GUI thread. From the command line, where
there is no application, ``ensure_gui_app`` creates one on the offscreen platform (call it
from the main thread). Pages: A4 or Letter, a running footer with the report title and
"Page N of M", and headings (report, summary, articles, claims) as PDF bookmarks — added
after Qt has written the file (``core.reports.pdf_outline``), since Qt has no outline API.
Links are http(s) or mailto only, percent-encoded (``links_for_qt``), so none can carry an action.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from .core.errors import ReviewerError
from .core.reports import Report
from .core.reports.pdf_outline import OutlineEntry, add_outline
from .core.reports.rich_html import claim_heading, links_for_qt, render_rich_html

# Passes of "move the first orphaned claim heading of each article to a new page, lay out again": an
# article needs one per heading it moves; past this, a very long article keeps the rest as they fall.
MAX_KEEP_PASSES = 40
RESOLUTION = 300  # device pixels per inch for layout; the PDF itself is vector
MARGINS_MM = QMarginsF(16, 16, 16, 14)
FOOTER_MM = 9.0
_app: QGuiApplication | None = None  # kept alive for headless use (the CLI)


def ensure_gui_app() -> None:
    """Make sure a Qt GUI application exists (fonts need one); offscreen when we create it.

    A QApplication rather than a bare QGuiApplication, so that widgets can still be created
    later in the same process (tests, or the GUI started after a CLI export).
    """
    global _app
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication

        _app = QApplication([sys.argv[0] if sys.argv else "reviewer", "-platform", "offscreen"])


def _page_size(name: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if name == "Letter" else QPageSize.PageSizeId.A4)


def render_pdf(report: Report, cancelled: Callable[[], bool] | None = None) -> bytes:
    """The report as PDF bytes. Raises ReviewerError("Export cancelled.") when cancelled."""
    ensure_gui_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            _page_size(report.options.page_size),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(report.title)
    writer.setCreator(f"Reviewer {report.app_version}")
    if report.organisation:
        writer.setAuthor(report.organisation)

    paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    dots_per_mm = RESOLUTION / 25.4
    footer_h = FOOTER_MM * dots_per_mm
    # Qt paginates with the page height in 1/64ths of a dot: a height it holds exactly keeps pages
    # drawn, pages counted and headings checked in step however many pages there are.
    body = QSizeF(paint_rect.width(), math.floor((paint_rect.height() - footer_h) * 64) / 64)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont("DejaVu Serif")
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    keep_claim_headings_with_text(doc, report, body, cancelled)
    pages = doc.pageCount()

    footer_font = QFont("DejaVu Sans")
    footer_font.setStyleHint(QFont.StyleHint.SansSerif)
    footer_font.setPointSizeF(7.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise ReviewerError("Could not start the PDF writer.")
    try:
        for index in range(pages):
            if cancelled is not None and cancelled():
                raise ReviewerError("Export cancelled.")
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body.height())
            doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            _footer(painter, footer_font, report.title, index + 1, pages, body, footer_h, dots_per_mm)
    finally:
        painter.end()
    buffer.close()
    data = bytes(buffer.data())
    return add_outline(data, _outline(doc, body.height(), paint_rect.top(), writer))


def keep_claim_headings_with_text(
    doc: QTextDocument, report: Report, body: QSizeF, cancelled: Callable[[], bool] | None = None
) -> frozenset[int]:
    """Lay the report out in ``doc`` with no claim heading left at the bottom of a page: a claim's
    heading, its verdict and the first line of the claim share a page. Returns the ids of the
    claims moved to a new page.

    Qt's rich text has ``page-break-before`` but no ``page-break-inside: avoid`` (a table row
    splits across pages too), so the layout is checked: a claim whose heading is on one page and
    its first line on the next starts a new page instead. The HTML is made and parsed once (the
    notes' Markdown is most of the cost); a break is set on the heading's block in place. Each
    article starts a page of its own, so articles paginate independently: a pass moves the first
    orphaned heading of every article still being fixed, lays the whole document out again
    (Qt's incremental relayout after a format change does not repaginate reliably) and re-checks
    only the headings after the moved ones: the other articles only moved by whole pages.
    """
    if cancelled is not None and cancelled():
        raise ReviewerError("Export cancelled.")
    # Qt writes each link into the PDF as "/URI (address)" without escaping it: a ")" in an
    # address would end the string and could add actions, so every address is percent-encoded.
    doc.setHtml(links_for_qt(render_rich_html(report)))
    doc.setUndoRedoEnabled(False)
    doc.setPageSize(body)
    doc.pageCount()  # Qt lays a document out lazily: finish it before reading positions
    page_h = body.height()
    to_check = _claim_headings(doc, report)
    moved: set[int] = set()
    for _ in range(MAX_KEEP_PASSES):
        if cancelled is not None and cancelled():
            raise ReviewerError("Export cancelled.")
        breaks, still = [], []
        for headings in to_check:
            for i, (block, claim_id) in enumerate(headings):
                if _orphaned(block, page_h):
                    breaks.append(block)
                    moved.add(claim_id)
                    still.append(headings[i + 1 :])
                    break
        if not breaks:
            break
        _break_before(doc, breaks)
        to_check = still
    return frozenset(moved)


def _claim_headings(doc: QTextDocument, report: Report) -> list[list[tuple[QTextBlock, int]]]:
    """Per article, (heading block, claim id) of each of its claims, in order. Matched one
    after the other in the report's order, so a heading inside a note ("## Sources") does not
    throw the count off."""
    expected = [
        [(claim_heading(n, m), rc.claim.id) for m, rc in enumerate(ra.claims, 1)]
        for n, ra in enumerate(report.articles, 1)
    ]
    wanted = iter([(a, text, claim_id) for a, claims in enumerate(expected) for text, claim_id in claims])
    found: list[list[tuple[QTextBlock, int]]] = [[] for _ in expected]
    article, text, claim_id = next(wanted, (None, None, None))
    block = doc.begin()
    while block.isValid() and article is not None:
        if block.blockFormat().headingLevel() == 3 and block.text().strip() == text:
            found[article].append((block, claim_id))
            article, text, claim_id = next(wanted, (None, None, None))
        block = block.next()
    return found


def _orphaned(heading: QTextBlock, page_h: float) -> bool:
    """Whether the claim's sentence (after the heading and the verdict badge's paragraph)
    starts on a later page than its heading."""
    claim = heading.next().next()
    return claim.isValid() and _page_of(claim, page_h, bottom=True) != _page_of(heading, page_h)


def _break_before(doc: QTextDocument, headings: list[QTextBlock]) -> None:
    """Start a new page at each of ``headings`` and lay the whole document out again."""
    page_break = QTextBlockFormat()
    page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # one relayout for all the changes, not one each
    for block in headings:
        cursor.setPosition(block.position())
        cursor.mergeBlockFormat(page_break)
    doc.markContentsDirty(0, doc.characterCount())
    cursor.endEditBlock()
    doc.pageCount()


def _page_of(block: QTextBlock, page_h: float, bottom: bool = False) -> int:
    """The page of the top (or the ``bottom``) of a laid-out block's first line: a line can
    straddle a page boundary, and is then drawn cut on one page and whole on the next."""
    text_layout = block.layout()
    y = text_layout.position().y()
    if text_layout.lineCount():
        line = text_layout.lineAt(0)
        y += line.y() + (line.height() - 1 if bottom else 0)
    return int(y // page_h)


def _footer(
    painter: QPainter, font: QFont, title: str, page: int, pages: int, body: QSizeF, footer_h: float, dots_per_mm: float
) -> None:
    top = body.height() + footer_h * 0.35
    painter.save()
    painter.setPen(QPen(QColor("#d9dee3"), max(1.0, 0.25 * dots_per_mm)))
    painter.drawLine(QPointF(0, top), QPointF(body.width(), top))
    painter.setPen(QColor("#5b6570"))
    painter.setFont(font)
    text_rect = QRectF(0, top + 1.2 * dots_per_mm, body.width(), footer_h * 0.6)
    short = title if len(title) <= 90 else title[:89] + "…"
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), short)
    painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"Page {page} of {pages}")
    painter.restore()


def _outline(doc: QTextDocument, page_h: float, margin_top: float, writer: QPdfWriter) -> list[OutlineEntry]:
    """Headings of the laid-out document as bookmark entries (page and position on it)."""
    layout = doc.documentLayout()
    points_per_dot = 72.0 / RESOLUTION
    page_height_pt = writer.pageLayout().fullRectPoints().height()
    entries = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in (1, 2, 3) and block.text().strip():
            y = layout.blockBoundingRect(block).top()
            page = int(y // page_h)
            y_on_page = margin_top + (y - page * page_h)
            entries.append(
                OutlineEntry(
                    level, block.text().strip(), page, round(page_height_pt - y_on_page * points_per_dot + 6, 1)
                )
            )
        block = block.next()
    return entries


def register() -> None:
    """Make ``core.export.export_report`` write PDF with ``render_pdf`` (idempotent; any thread)."""
    from .core.export import register_writer

    register_writer("pdf", render_pdf)
