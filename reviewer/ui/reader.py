"""The reader: an article with its structure, claims highlighted in place.

The document is built from the article's plain text and blocks — never from HTML — and
``loadResource`` refuses everything, so nothing remote is ever loaded. Offsets are mapped
with ``offsets.OffsetMap``. The reader knows nothing about its siblings: it emits
``claim_clicked`` and ``navigate_requested`` and is told what to show.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QTextEdit, QToolTip, QVBoxLayout, QWidget

from ..core.domain import STATUS_LABELS, Article, Claim
from .claim_view import VerdictPalette, claim_color, claim_label, is_active, kind_label
from .offsets import OffsetMap, is_rtl, shown_blocks

SERIF_FAMILIES = ("Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif", "DejaVu Serif",
                  "Liberation Serif", "Times New Roman")
MIN_FONT, MAX_FONT = 9, 32


def reader_font_family() -> str:
    """The first installed serif of a readable list, else the system's serif."""
    available = set(QFontDatabase.families())
    for family in SERIF_FAMILIES:
        if family in available:
            return family
    font = QFont()
    font.setStyleHint(QFont.StyleHint.Serif)
    return font.defaultFamily()


def _tint(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


class ReaderView(QTextEdit):
    """Read-only article view. UI thread only."""

    claim_clicked = Signal(int)
    navigate_requested = Signal(int)  # +1 next claim, -1 previous

    def __init__(self, font_size: int = 13, max_width: int = 760, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setAcceptDrops(False)  # drops go to the window (import)
        self._family = reader_font_family()
        self._font_size = font_size
        self._max_width = max_width
        self._article: Article | None = None
        self._map: OffsetMap | None = None
        self._claims: dict[int, Claim] = {}
        self._spans: list[tuple[int, int, int]] = []  # (start, end, claim id) of highlighted claims, by start
        self._span_starts: list[int] = []
        self._palette: VerdictPalette | None = None
        self._threshold: float | None = None
        self._show_all = False
        self._base_selections: list[QTextEdit.ExtraSelection] = []
        self._current: int | None = None
        self._context_actions: list = []
        self.dark = False
        self.accent = "#1F5FA8"
        self._pending_scroll: tuple[int, int | None] | None = None

    # ------------------------------------------------------------------ content
    def set_context_actions(self, actions: Sequence) -> None:
        """Actions offered on right-click (e.g. Add claim, Split at cursor); None = separator."""
        self._context_actions = list(actions)

    def article(self) -> Article | None:
        return self._article

    def offset_map(self) -> OffsetMap | None:
        return self._map

    def set_article(self, article: Article | None, claims: Sequence[Claim], palette: VerdictPalette,
                    threshold: float | None, show_all: bool) -> None:
        """Show ``article`` with ``claims`` highlighted; None shows an empty page."""
        self._article = article
        self._current = None
        self._pending_scroll = None
        self._build_document()
        self.set_claims(claims, palette, threshold, show_all)
        self.verticalScrollBar().setValue(0)

    def set_claims(self, claims: Sequence[Claim], palette: VerdictPalette, threshold: float | None,
                   show_all: bool) -> None:
        """Re-highlight after claims, verdicts, the scale or the view options changed."""
        self._claims = {c.id: c for c in claims}
        self._palette, self._threshold, self._show_all = palette, threshold, show_all
        if self._current not in self._claims:
            self._current = None
        self._rebuild_highlights()

    def set_font_size(self, size: int) -> int:
        size = max(MIN_FONT, min(MAX_FONT, int(size)))
        if size != self._font_size:
            self._font_size = size
            value = self.verticalScrollBar().value()
            maximum = max(self.verticalScrollBar().maximum(), 1)
            self._build_document()
            self._rebuild_highlights()
            self.verticalScrollBar().setValue(int(value / maximum * self.verticalScrollBar().maximum()))
        return self._font_size

    def font_size(self) -> int:
        return self._font_size

    def set_dark(self, dark: bool, accent: str | None = None) -> None:
        self.dark = dark
        if accent:
            self.accent = accent
        self._rebuild_highlights()

    def _build_document(self) -> None:
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        base = QFont(self._family)
        base.setPointSizeF(self._font_size)
        doc.setDefaultFont(base)
        doc.setDocumentMargin(8)
        doc.setIndentWidth(28)
        article = self._article
        if article is None:
            self._map = None
            self.setDocument(doc)
            return
        rtl = is_rtl(article.text, article.language)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        self._map = OffsetMap(article.text, shown_blocks(article.text, article.blocks))
        cursor = QTextCursor(doc)
        current_list = None
        gap = self._font_size * 0.8
        for i, block in enumerate(self._map.blocks):
            bfmt = QTextBlockFormat()
            bfmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            bfmt.setLineHeight(150.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            bfmt.setBottomMargin(gap)
            cfmt = QTextCharFormat()
            cfmt.setFont(base)
            if block.kind == "heading":
                level = max(1, min(block.level or 2, 4))
                heading = QFont(base)
                heading.setBold(True)
                heading.setPointSizeF(self._font_size * {1: 1.5, 2: 1.3, 3: 1.15, 4: 1.05}[level])
                cfmt.setFont(heading)
                bfmt.setTopMargin(gap * 1.2 if i else 0)
                bfmt.setBottomMargin(gap * 0.6)
                bfmt.setLineHeight(125.0, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
                bfmt.setHeadingLevel(level)
            elif block.kind in ("quote", "quotation", "blockquote"):
                bfmt.setIndent(1)
                cfmt.setFontItalic(True)
            elif block.kind in ("list_item", "list", "item"):
                bfmt.setBottomMargin(gap * 0.35)
            if i == 0:
                cursor.setBlockFormat(bfmt)
                cursor.setBlockCharFormat(cfmt)
            else:
                cursor.insertBlock(bfmt, cfmt)
            if block.kind in ("list_item", "list", "item"):
                if current_list is None:
                    lfmt = QTextListFormat()
                    lfmt.setStyle(QTextListFormat.Style.ListDisc)
                    lfmt.setIndent(1)
                    current_list = cursor.createList(lfmt)
                else:
                    current_list.add(cursor.block())
            else:
                current_list = None
            cursor.insertText(self._map.block_text(i), cfmt)
        self.setDocument(doc)

    # ------------------------------------------------------------------ highlights
    def _rebuild_highlights(self) -> None:
        self._base_selections = []
        self._spans = []
        if self._map is None or self._palette is None:
            self._span_starts = []
            self.setExtraSelections([])
            return
        doc = self.document()
        alpha = 95 if self.dark else 70
        neutral_alpha = 60 if self.dark else 55
        for claim in sorted(self._claims.values(), key=lambda c: (c.start, c.end)):
            active = is_active(claim, self._threshold)
            if not active and not self._show_all and claim.verdict is None:
                continue
            self._spans.append((claim.start, claim.end, claim.id))
            start, end = self._map.span_to_doc(claim.start, claim.end)
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            color = claim_color(claim, self._palette, self._threshold)
            if claim.verdict is None and active:
                fmt.setBackground(_tint(color, neutral_alpha))
            elif claim.verdict is None:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(color))
            else:
                fmt.setBackground(_tint(color, alpha))
            sel.format = fmt
            self._base_selections.append(sel)
            if claim.speaker_start is not None and claim.speaker_end is not None \
                    and claim.speaker_end > claim.speaker_start:
                s_start, s_end = self._map.span_to_doc(claim.speaker_start, claim.speaker_end)
                speaker = QTextEdit.ExtraSelection()
                s_cursor = QTextCursor(doc)
                s_cursor.setPosition(s_start)
                s_cursor.setPosition(s_end, QTextCursor.MoveMode.KeepAnchor)
                speaker.cursor = s_cursor
                s_fmt = QTextCharFormat()
                s_fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                s_fmt.setUnderlineColor(QColor(color).darker(130) if not self.dark else QColor(color))
                speaker.format = s_fmt
                self._base_selections.append(speaker)
        self._span_starts = [s[0] for s in self._spans]
        self._apply_selections()

    def _apply_selections(self) -> None:
        selections = list(self._base_selections)
        claim = self._claims.get(self._current) if self._current is not None else None
        if claim is not None and self._map is not None:
            start, end = self._map.span_to_doc(claim.start, claim.end)
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            color = claim_color(claim, self._palette, self._threshold) if self._palette else "#888888"
            if claim.verdict is None:
                color = self.accent  # an unreviewed claim has no colour of its own to strengthen
            fmt.setBackground(_tint(color, 110 if self.dark else 80))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(color))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def current_claim(self) -> int | None:
        return self._current

    def set_current_claim(self, claim_id: int | None, scroll: bool = True) -> None:
        """Emphasise a claim and scroll it into view. A real text selection is cleared first,
        because Qt paints a selection over the highlights."""
        if claim_id is not None and claim_id not in self._claims:
            claim_id = None
        self._current = claim_id
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
        if claim_id is not None and self._map is not None:
            claim = self._claims[claim_id]
            cursor.setPosition(self._map.to_doc(claim.start))
        # setTextCursor() scrolls to the cursor on its own (before layout is final); we scroll ourselves.
        bar = self.verticalScrollBar()
        value = bar.value()
        self.setTextCursor(cursor)
        bar.setValue(value)
        self._apply_selections()
        if claim_id is not None and scroll:
            self.scroll_to_offset(self._claims[claim_id].start, self._claims[claim_id].end)

    def scroll_to_offset(self, start: int, end: int | None = None) -> None:
        """Bring an article span into view, a third of the way down when it was off-screen."""
        if self._map is None:
            return
        viewport = self.viewport().size()
        if not self.isVisible() or viewport.width() < 200 or viewport.height() < 100:
            # No real size yet (text wraps differently): scroll once shown at a usable size.
            self._pending_scroll = (start, end)
            return
        self._pending_scroll = None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_doc(start))
        top = self.cursorRect(cursor)
        if end is not None:
            cursor.setPosition(self._map.to_doc(end))
        bottom = self.cursorRect(cursor)
        view = self.viewport().rect()
        if top.top() >= 0 and bottom.bottom() <= view.height():
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top.top() - view.height() // 3)

    def claim_at_offset(self, offset: int) -> int | None:
        """The highlighted claim under an article offset (the shortest one when they overlap)."""
        i = bisect_right(self._span_starts, offset)
        best: tuple[int, int] | None = None
        for j in range(i - 1, max(i - 40, 0) - 1, -1):
            start, end, claim_id = self._spans[j]
            if start <= offset < end and (best is None or end - start < best[0]):
                best = (end - start, claim_id)
        return best[1] if best else None

    def claim_at_point(self, point: QPoint) -> int | None:
        if self._map is None:
            return None
        position = self.cursorForPosition(point).position()
        return self.claim_at_offset(self._map.to_text(position))

    # ------------------------------------------------------------------ selection in article terms
    def selected_span(self) -> tuple[int, int] | None:
        """The reader's text selection as article offsets, or None."""
        cursor = self.textCursor()
        if self._map is None or not cursor.hasSelection():
            return None
        start, end = self._map.span_to_text(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        """Select article text ``text[start:end]`` (used by tests and 'edit span')."""
        if self._map is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_doc(start))
        cursor.setPosition(self._map.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def cursor_offset(self) -> int | None:
        if self._map is None:
            return None
        return self._map.to_text(self.textCursor().position())

    def doc_span_of_claim(self, claim_id: int) -> tuple[int, int] | None:
        claim = self._claims.get(claim_id)
        if claim is None or self._map is None:
            return None
        return self._map.span_to_doc(claim.start, claim.end)

    # ------------------------------------------------------------------ Qt overrides
    def loadResource(self, type_: int, name) -> object:  # noqa: N802 - Qt name
        """Nothing is ever loaded: articles have no images or remote content by design."""
        return QByteArray()

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802
        side = max(28, (event.size().width() - self._max_width) // 2)
        self.setViewportMargins(side, 16, side, 0)
        super().resizeEvent(event)
        if self._pending_scroll is not None and self.isVisible():
            self.scroll_to_offset(*self._pending_scroll)

    def showEvent(self, event) -> None:  # noqa: N802
        # QTextEdit scrolls to its cursor when first shown; keep our position and scroll ourselves.
        value = self.verticalScrollBar().value()
        super().showEvent(event)
        self.verticalScrollBar().setValue(value)
        if self._pending_scroll is not None:
            self.scroll_to_offset(*self._pending_scroll)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            claim_id = self.claim_at_point(event.position().toPoint())
            if claim_id is not None:
                self.claim_clicked.emit(claim_id)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.navigate_requested.emit(1 if key == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            claim_id = self.claim_at_point(event.pos())
            claim = self._claims.get(claim_id) if claim_id is not None else None
            if claim is not None and self._palette is not None:
                QToolTip.showText(event.globalPos(), self._tooltip(claim), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, claim: Claim) -> str:
        from html import escape

        label = claim_label(claim, self._palette, self._threshold)
        color = claim_color(claim, self._palette, self._threshold)
        text = claim.text if len(claim.text) < 400 else claim.text[:400] + "…"
        who = f" · {escape(claim.speaker)}" if claim.speaker else ""
        return (f"<p style='white-space:pre-wrap'><span style='color:{color}'>■</span> <b>{escape(label)}</b>"
                f" <span style='color:gray'>{escape(kind_label(claim.kind))}{who}</span></p>"
                f"<p>{escape(text)}</p>")

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        if not self.textCursor().hasSelection():
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        if self._context_actions:
            menu.addSeparator()
        copy = menu.addAction("Copy")
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy)
        menu.exec(event.globalPos())
        menu.deleteLater()  # a new menu per right-click; the window's actions in it are not its own


class ArticleHeader(QWidget):
    """Title and metadata above the reader."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleHeader")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 12)
        layout.setSpacing(6)
        self.kicker = QLabel()
        self.kicker.setObjectName("articleKicker")
        self.title = QLabel()
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setWordWrap(True)
        layout.addWidget(self.kicker)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        font = QFont(reader_font_family())
        font.setPointSizeF(20)
        font.setBold(True)
        self.title.setFont(font)

    def set_article(self, article: Article | None, reviewed: int = 0, total: int = 0) -> None:
        if article is None:
            self.kicker.setText("")
            self.title.setText("No article open")
            self.meta.setText("Import files (Ctrl+O), drop them here, or paste an article (Ctrl+Shift+V).")
            return
        rtl = is_rtl(article.text, article.language)
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        self.kicker.setText(" · ".join(p for p in (STATUS_LABELS.get(article.status, article.status).upper(),
                                                     f"{reviewed}/{total} REVIEWED") if p))
        self.title.setText(article.title)
        parts = [article.source, f"by {article.author}" if article.author else None,
                 (article.published or "")[:10] or None]
        if not any(parts):
            name = Path(article.source_path).name if article.source_path else None
            parts = [f"Imported {article.imported_at[:10]}" if article.imported_at else "Imported",
                     f"from {name}" if name else None]
        parts.append((article.language or "").upper() or None)
        self.meta.setText("  ·  ".join(p for p in parts if p))


class ReaderPane(QWidget):
    """The article header over the reader view."""

    def __init__(self, font_size: int, max_width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readerPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = ArticleHeader(self)
        self.view = ReaderView(font_size, max_width, self)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
