"""The library pane: search, status filter and the lazy article list.

It owns a ``LibraryModel`` and reports what the person does through signals: the current
article (keyboard moves included — ``selectionModel().currentChanged``, not ``clicked``)
and status changes. It never reaches into sibling panes.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import STATUS_LABELS, STATUSES
from ..core.store import Store
from .library_model import ARTICLE_ID_ROLE, NEAR_DUPLICATE_ROLE, SUMMARY_ROLE, LibraryModel

SEARCH_DEBOUNCE_MS = 250
STATUS_COLORS = {"todo": "#7A7A7A", "in_review": "#0072B2", "done": "#009E73"}


class ArticleDelegate(QStyledItemDelegate):
    """Draws a library row: title, source and date, progress bar, status chip."""

    ROW_HEIGHT = 74

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return QSize(200, self.ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        summary = index.data(SUMMARY_ROLE)
        if summary is None:
            return super().paint(painter, option, index)
        painter.save()
        palette: QPalette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text_color)
        muted.setAlpha(150)
        inner = rect.adjusted(14, 9, -14, -9)

        title_font = QFont(option.font)
        title_font.setBold(True)
        title_font.setPointSizeF(option.font.pointSizeF() * 1.02)
        painter.setFont(title_font)
        painter.setPen(text_color)
        fm = painter.fontMetrics()
        title = fm.elidedText(summary.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        y = inner.top() + fm.height() + 2

        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        painter.setFont(small)
        sfm = painter.fontMetrics()
        near = "\u2248 Near-duplicate" if index.data(NEAR_DUPLICATE_ROLE) else None  # the tooltip names it
        meta = "  ·  ".join(
            p for p in (near, summary.source, (summary.published or summary.imported_at or "")[:10]) if p
        )
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.left(), y, inner.width(), sfm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += sfm.height() + 6

        # Status chip on the right, progress bar and label on the left.
        status = STATUS_LABELS.get(summary.status, summary.status)
        chip_w = sfm.horizontalAdvance(status) + 14
        chip = QRect(inner.right() - chip_w, y - 1, chip_w, sfm.height() + 2)
        color = QColor(STATUS_COLORS.get(summary.status, "#7A7A7A"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(color)
        fill.setAlpha(40 if not selected else 90)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(text_color if selected else color.darker(110))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, status)

        label = summary.progress_label
        label_w = sfm.horizontalAdvance(label)
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.left(), y, label_w + 2, sfm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        bar_left = inner.left() + label_w + 10
        bar_w = max(0, chip.left() - 12 - bar_left)
        if bar_w > 20:
            bar = QRect(bar_left, y + sfm.height() // 2 - 2, bar_w, 4)
            track = QColor(text_color)
            track.setAlpha(35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 2, 2)
            if summary.claims_total:
                done = QRect(bar)
                done.setWidth(max(2, int(bar_w * summary.claims_reviewed / summary.claims_total)))
                painter.setBrush(QColor("#009E73"))
                painter.drawRoundedRect(done, 2, 2)
        # A hairline between rows.
        line = QColor(text_color)
        line.setAlpha(25)
        painter.setPen(line)
        painter.drawLine(rect.left() + 14, rect.bottom(), rect.right() - 14, rect.bottom())
        painter.restore()


class LibraryPane(QWidget):
    """Search box, status filter and the article list. UI thread only."""

    article_selected = Signal(int)  # the current article changed (mouse or keyboard)
    status_change_requested = Signal(int, str)  # article id, status

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.model = LibraryModel(store, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        top = QWidget(self)
        top.setObjectName("libraryTop")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(12, 12, 12, 8)
        top_layout.setSpacing(8)
        heading = QLabel("Library")
        heading.setObjectName("paneHeading")
        self.count_label = QLabel()
        self.count_label.setObjectName("paneCount")
        row = QHBoxLayout()
        row.addWidget(heading)
        row.addStretch(1)
        row.addWidget(self.count_label)
        top_layout.addLayout(row)

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("Search titles, text, claims, notes…")
        self.search.setClearButtonEnabled(True)
        top_layout.addWidget(self.search)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        self.status_buttons = QButtonGroup(self)
        self.status_buttons.setExclusive(True)
        for i, (key, label) in enumerate([("", "All"), *[(s, STATUS_LABELS[s]) for s in STATUSES]]):
            button = QPushButton(label)
            button.setObjectName("filterChip")
            button.setCheckable(True)
            button.setProperty("status", key)
            button.setChecked(i == 0)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.status_buttons.addButton(button, i)
            filters.addWidget(button)
        filters.addStretch(1)
        top_layout.addLayout(filters)
        layout.addWidget(top)

        self.view = QListView(self)
        self.view.setObjectName("libraryList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMouseTracking(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.setAcceptDrops(False)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.status_buttons.idClicked.connect(lambda _i: self.apply_filter())
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self._suppress = False
        self._update_count()

    # ------------------------------------------------------------------ filter
    def status_filter(self) -> str | None:
        button = self.status_buttons.checkedButton()
        return (button.property("status") or None) if button else None

    def apply_filter(self) -> None:
        """Run the search now (the search box calls this after a short pause)."""
        self._debounce.stop()
        current = self.current_article()
        self._suppress = True
        try:
            self.model.set_filter(self.status_filter(), self.search.text())
        finally:
            self._suppress = False
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                self._set_current_row(row, emit=False)

    def stop(self) -> None:
        """The window closes and its library with it: drop a search still waiting for a pause in typing,
        and let the list ask for no more rows (a layout still pending would fetch from the closed library)."""
        self._debounce.stop()
        self.view.setModel(None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _update_count(self, *args) -> None:
        n = self.model.total()
        self.count_label.setText(f"{n:,} article{'s' if n != 1 else ''}")

    # ------------------------------------------------------------------ selection
    def current_article(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    def select_article(self, article_id: int, emit: bool = False) -> bool:
        """Make ``article_id`` current in the list if it is (or can be) loaded."""
        row = self.model.row_of(article_id)
        if row is None:
            row = self.model.load_until(article_id)
        if row is None:
            self.view.clearSelection()
            return False
        self._set_current_row(row, emit=emit)
        return True

    def _set_current_row(self, row: int, emit: bool) -> None:
        self._suppress = not emit
        try:
            index = self.model.index(row, 0)
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)
        finally:
            self._suppress = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._suppress or not current.isValid():
            return
        self.article_selected.emit(current.data(ARTICLE_ID_ROLE))

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        article_id = index.data(ARTICLE_ID_ROLE)
        summary = index.data(SUMMARY_ROLE)
        menu = QMenu(self)
        for status in STATUSES:
            action = menu.addAction(f"Mark as {STATUS_LABELS[status]}")
            action.setCheckable(True)
            action.setChecked(summary.status == status)
            action.triggered.connect(lambda _c=False, s=status: self.status_change_requested.emit(article_id, s))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()  # a new menu per right-click: delete it, or they pile up under the pane
