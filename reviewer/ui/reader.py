"""The reader: an article with its structure, claims highlighted in place.

The document is built from the article's plain text and blocks — never from HTML — and
``loadResource`` refuses everything, so nothing remote is ever loaded. Offsets are mapped
with ``offsets.OffsetMap``. The reader knows nothing about its siblings: it emits
``claim_clicked`` and ``navigate_requested`` and is told what to show.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

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
from PySide6.QtWidgets import QFrame, QMenu, QTextEdit, QToolTip, QWidget

from ..core.domain import Article, Claim, kind_label
from .claim_view import VerdictPalette, claim_color, claim_label, is_active
from .offsets import OffsetMap, is_rtl, shown_blocks

SERIF_FAMILIES = (
    "Source Serif 4",
    "Source Serif Pro",
    "Charter",
    "Georgia",
    "Noto Serif",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
)
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
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
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
        # Each claim's highlight as last built, and what it was built from: a verdict rebuilds
        # only its own claim's highlight (Qt then repaints only what changed).
        self._looks: dict[int, tuple] = {}
        self._claim_selections: dict[int, list[QTextEdit.ExtraSelection]] = {}
        self._selection_index: dict[int, tuple[int, int]] = {}  # claim id -> (first, count) in _base_selections
        self.highlights_built = 0  # claim highlights built since the reader was made (tests count them)
        self._applied: tuple | None = None  # the current claim as last handed to Qt with the highlights
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

    def set_article(
        self,
        article: Article | None,
        claims: Sequence[Claim],
        palette: VerdictPalette,
        threshold: float | None,
        show_all: bool,
    ) -> None:
        """Show ``article`` with ``claims`` highlighted; None shows an empty page."""
        self._article = article
        self._current = None
        self._pending_scroll = None
        self._build_document()
        self.set_claims(claims, palette, threshold, show_all)
        self.verticalScrollBar().setValue(0)

    def set_claims(
        self, claims: Sequence[Claim], palette: VerdictPalette, threshold: float | None, show_all: bool
    ) -> None:
        """Re-highlight after claims, verdicts, the scale or the view options changed.

        Only claims that look different are re-highlighted, unless the palette or threshold changed."""
        if palette is not self._palette or threshold != self._threshold:
            self._forget_highlights()
        elif show_all == self._show_all and self._looks and len(claims) == len(self._claims):
            # The same claims, a few of them changed (a verdict): update those in place.
            old, changed = self._claims, []
            for claim in claims:
                before = old.get(claim.id)
                if before is None:
                    changed = None
                    break
                if before != claim:
                    changed.append(claim)
            if changed is not None and self._update_some(changed):
                return
        self._claims = {c.id: c for c in claims}
        self._palette, self._threshold, self._show_all = palette, threshold, show_all
        if self._current not in self._claims:
            self._current = None
        self._rebuild_highlights()

    def update_claims(self, claims: Sequence[Claim]) -> None:
        """Some claims of the open article changed (a verdict, a dismissal): re-highlight just those.
        Claims of other articles are ignored."""
        changed = [c for c in claims if c.id in self._claims and self._claims[c.id] != c]
        if changed and not self._update_some(changed):
            self._claims.update((c.id, c) for c in changed)
            self._rebuild_highlights()

    def _update_some(self, changed: Sequence[Claim]) -> bool:
        """Re-highlight ``changed`` claims in place. False (and nothing done) when one of them
        moved, or appears or disappears: the span index then needs a full rebuild."""
        if self._map is None or self._palette is None:
            return False
        redo = []
        for claim in changed:
            active = is_active(claim, self._threshold)
            shown = active or self._show_all or claim.verdict is not None
            before = self._looks.get(claim.id)
            if before is None and not shown:
                continue  # hidden before and after
            look = (claim.start, claim.end, claim.speaker_start, claim.speaker_end, claim.verdict, active)
            if before is None or not shown or before[:4] != look[:4]:
                return False
            if look != before:
                redo.append((claim, active, look))
        for claim in changed:
            self._claims[claim.id] = claim
        for claim, active, look in redo:
            at, count = self._selection_index[claim.id]
            selections = self._claim_highlight(claim, active)
            self.highlights_built += 1
            self._base_selections[at : at + count] = selections  # same span and speaker: same count
            self._claim_selections[claim.id] = selections
            self._looks[claim.id] = look
        if redo:
            self._applied = None
            self._apply_selections()
        return True

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
        self._forget_highlights()
        self._rebuild_highlights()

    def _build_document(self) -> None:
        self._forget_highlights()  # their cursors belong to the old document
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
        blocks = self._map.blocks
        for i, block in enumerate(blocks):
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
            is_item = block.kind in ("list_item", "list", "item")
            # Pieces of one over-long block (see offsets.MAX_SHOWN_BLOCK) read as one paragraph.
            if block.continued:
                bfmt.setTopMargin(0)
                if is_item:
                    bfmt.setIndent(1)  # under its item's text, without a bullet of its own
            if i + 1 < len(blocks) and blocks[i + 1].continued:
                bfmt.setBottomMargin(0)
            if i == 0:
                cursor.setBlockFormat(bfmt)
                cursor.setBlockCharFormat(cfmt)
            else:
                cursor.insertBlock(bfmt, cfmt)
            if block.continued and is_item:
                pass  # the item's list goes on after it
            elif is_item:
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
    def _forget_highlights(self) -> None:
        self._looks = {}
        self._claim_selections = {}
        self._selection_index = {}

    def _rebuild_highlights(self) -> None:
        self._base_selections = []
        self._spans = []
        if self._map is None or self._palette is None:
            self._span_starts = []
            self._forget_highlights()
            self.setExtraSelections([])
            return
        looks: dict[int, tuple] = {}
        built: dict[int, list[QTextEdit.ExtraSelection]] = {}
        index: dict[int, tuple[int, int]] = {}
        # Inside an edit block a cursor does not lay out its block to find its x position:
        # without it, placing thousands of highlight cursors lays out the whole article at once.
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        for claim in sorted(self._claims.values(), key=lambda c: (c.start, c.end)):
            active = is_active(claim, self._threshold)
            if not active and not self._show_all and claim.verdict is None:
                continue
            self._spans.append((claim.start, claim.end, claim.id))
            look = (claim.start, claim.end, claim.speaker_start, claim.speaker_end, claim.verdict, active)
            selections = self._claim_selections.get(claim.id) if self._looks.get(claim.id) == look else None
            if selections is None:
                selections = self._claim_highlight(claim, active)
                self.highlights_built += 1
            looks[claim.id] = look
            built[claim.id] = selections
            index[claim.id] = (len(self._base_selections), len(selections))
            self._base_selections.extend(selections)
        edit.endEditBlock()
        self._looks, self._claim_selections, self._selection_index = looks, built, index
        self._span_starts = [s[0] for s in self._spans]
        self._applied = None
        self._apply_selections()

    def _claim_highlight(self, claim: Claim, active: bool) -> list[QTextEdit.ExtraSelection]:
        """The extra selections of one claim: its tint or underline, and its speaker's underline."""
        doc = self.document()
        alpha = 95 if self.dark else 70
        neutral_alpha = 60 if self.dark else 55
        fmt = QTextCharFormat()
        color = claim_color(claim, self._palette, self._threshold)
        if claim.verdict is None and active:
            fmt.setBackground(_tint(color, neutral_alpha))
        elif claim.verdict is None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(color))
        else:
            fmt.setBackground(_tint(color, alpha))
        selections = [_selection(doc, *self._map.span_to_doc(claim.start, claim.end), fmt)]
        if (
            claim.speaker_start is not None
            and claim.speaker_end is not None
            and claim.speaker_end > claim.speaker_start
        ):
            s_fmt = QTextCharFormat()
            s_fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            s_fmt.setUnderlineColor(QColor(color).darker(130) if not self.dark else QColor(color))
            selections.append(_selection(doc, *self._map.span_to_doc(claim.speaker_start, claim.speaker_end), s_fmt))
        return selections

    def _apply_selections(self) -> None:
        claim = self._claims.get(self._current) if self._current is not None else None
        # Handing Qt thousands of selections costs milliseconds: skip it when nothing changed.
        applied = (claim.id, self._looks.get(claim.id), claim.verdict) if claim is not None else ()
        if applied == self._applied:
            return
        self._applied = applied
        selections = list(self._base_selections)
        if claim is not None and self._map is not None:
            fmt = QTextCharFormat()
            color = claim_color(claim, self._palette, self._threshold) if self._palette else "#888888"
            if claim.verdict is None:
                color = self.accent  # an unreviewed claim has no colour of its own to strengthen
            fmt.setBackground(_tint(color, 110 if self.dark else 80))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(color))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections.append(_selection(self.document(), *self._map.span_to_doc(claim.start, claim.end), fmt))
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
        doc_start, doc_end = self._map.span_to_doc(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_start)
        cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
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
        # The event is the viewport's, whose size the margins change: measure the widget itself,
        # or each margin change resizes the viewport into another margin change (a crash when wide).
        side = max(28, (self.width() - self._max_width) // 2)
        if self.viewportMargins().left() != side:
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
        return (
            f"<p style='white-space:pre-wrap'><span style='color:{color}'>■</span> <b>{escape(label)}</b>"
            f" <span style='color:gray'>{escape(kind_label(claim.kind))}{who}</span></p>"
            f"<p>{escape(text)}</p>"
        )

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


def _selection(doc, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    """An extra selection painting ``fmt`` over ``start``–``end`` of ``doc``."""
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = fmt
    return selection
