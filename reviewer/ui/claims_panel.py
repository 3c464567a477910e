"""The claims panel: the open article's claims, sortable and filterable.

Owns a ``ClaimsModel`` behind a ``ClaimsFilterProxy``. It reports the current claim and the
selection through signals and is told which claims to show; it never touches the reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import Claim, kind_label
from .claim_view import VerdictPalette
from .claims_model import (
    CLAIM_ID_ROLE,
    COL_KIND,
    COL_SCORE,
    COL_SPEAKER,
    COL_TEXT,
    COL_VERDICT,
    COLOR_ROLE,
    META_ROLE,
    UNREVIEWED_FILTER,
    ClaimsFilterProxy,
    ClaimsModel,
)

ROW_HEIGHT = 66


class ClaimTextDelegate(QStyledItemDelegate):
    """Two lines of the claim's text with a verdict-coloured bar on the leading edge."""

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        rect: QRect = option.rect
        painter.fillRect(
            QRect(rect.left() + 2, rect.top() + 6, 4, rect.height() - 12), QColor(index.data(COLOR_ROLE) or "#BBBBBB")
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if foreground is not None and not selected:
            color = foreground
        painter.setPen(color)
        painter.setFont(option.font)
        fm = option.fontMetrics
        area = rect.adjusted(14, 6, -6, -6)
        line_h = fm.lineSpacing()
        self._draw_wrapped(painter, text, option.font, QRect(area.left(), area.top(), area.width(), line_h * 2), fm)
        meta = index.data(META_ROLE) or ""
        muted = QColor(color)
        muted.setAlpha(140)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.86)
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRect(area.left(), area.top() + line_h * 2 + 2, area.width(), line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(small).elidedText(meta, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.restore()

    @staticmethod
    def _draw_wrapped(painter: QPainter, text: str, font, area: QRect, fm) -> None:
        """At most as many lines as fit in ``area``, the last one elided."""
        layout = QTextLayout(text, font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        layout.beginLayout()
        lines = []
        max_lines = max(1, area.height() // fm.lineSpacing())
        while len(lines) < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(area.width())
            line.setPosition(QPointF(0, len(lines) * fm.lineSpacing()))
            lines.append(line)
        layout.endLayout()
        for i, line in enumerate(lines):
            if i == len(lines) - 1 and line.textStart() + line.textLength() < len(text):
                elided = fm.elidedText(text[line.textStart() :], Qt.TextElideMode.ElideRight, area.width())
                painter.drawText(
                    QRect(area.left(), area.top() + i * fm.lineSpacing(), area.width(), fm.lineSpacing()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    elided,
                )
            else:
                line.draw(painter, QPointF(area.left(), area.top()))

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return QSize(240, ROW_HEIGHT)


class VerdictDelegate(QStyledItemDelegate):
    """The verdict as a coloured pill with its text label (colour is never the only signal)."""

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        label = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = option.fontMetrics
        color = QColor(index.data(COLOR_ROLE) or "#BBBBBB")
        width = min(option.rect.width() - 8, fm.horizontalAdvance(label) + 30)
        pill = QRect(option.rect.left() + 4, option.rect.center().y() - fm.height() // 2 - 2, width, fm.height() + 4)
        fill = QColor(color)
        fill.setAlpha(48)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setBrush(color)
        dot = QRect(pill.left() + 7, pill.center().y() - 3, 7, 7)
        painter.drawEllipse(dot)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(
            option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        )
        painter.drawText(
            pill.adjusted(18, 0, -4, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, pill.width() - 24),
        )
        painter.restore()


class ClaimsPanel(QWidget):
    """Claims of the open article. UI thread only."""

    claim_selected = Signal(object)  # claim id or None (the current row changed)
    show_all_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.model = ClaimsModel(self)
        self.proxy = ClaimsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._context_actions: list = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QWidget(self)
        top.setObjectName("claimsTop")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(12, 12, 12, 8)
        top_layout.setSpacing(8)
        heading_row = QHBoxLayout()
        heading = QLabel("Claims")
        heading.setObjectName("paneHeading")
        self.count_label = QLabel()
        self.count_label.setObjectName("paneCount")
        self.show_all = QCheckBox("All sentences")
        self.show_all.setObjectName("showAll")
        self.show_all.setToolTip("Also show sentences that are not check-worthy and dismissed claims")
        heading_row.addWidget(heading)
        heading_row.addSpacing(8)
        heading_row.addWidget(self.count_label)
        heading_row.addStretch(1)
        heading_row.addWidget(self.show_all)
        top_layout.addLayout(heading_row)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.verdict_filter = QComboBox()
        self.verdict_filter.setObjectName("verdictFilter")
        self.verdict_filter.setToolTip("Show claims with this verdict")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setToolTip("Show claims of this kind")
        self.min_score = QDoubleSpinBox()
        self.min_score.setObjectName("minScore")
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix("Score ≥ ")
        self.min_score.setToolTip("Hide claims scored below this")
        filters.addWidget(self.verdict_filter, 1)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.min_score)
        top_layout.addLayout(filters)
        layout.addWidget(top)

        self.view = QTableView(self)
        self.view.setObjectName("claimsTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_TEXT, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setItemDelegateForColumn(COL_TEXT, ClaimTextDelegate(self.view))
        self.view.setItemDelegateForColumn(COL_VERDICT, VerdictDelegate(self.view))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(40)
        # Reading order: claim, verdict, then the details.
        header.moveSection(header.visualIndex(COL_VERDICT), 1)
        self.view.setColumnWidth(COL_VERDICT, 142)
        self.view.setColumnWidth(COL_SCORE, 50)
        self.view.setColumnWidth(COL_SPEAKER, 110)
        self.view.setColumnWidth(COL_KIND, 90)
        # Speaker and kind are drawn under the claim's text; their columns are there to sort by.
        self.view.setColumnHidden(COL_SPEAKER, True)
        self.view.setColumnHidden(COL_KIND, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        layout.addWidget(self.view, 1)

        self.empty_label = QLabel("No claims to show. Select text in the article and press Ctrl+Return to add one.")
        self.empty_label.setObjectName("emptyHint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        self.verdict_filter.currentIndexChanged.connect(self._filters_changed)
        self.kind_filter.currentIndexChanged.connect(self._filters_changed)
        self.min_score.valueChanged.connect(self._filters_changed)
        self.show_all.toggled.connect(self._show_all_toggled)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self._suppress = False
        self._fill_filters()

    # ------------------------------------------------------------------ content
    def set_context_actions(self, actions: Sequence) -> None:
        self._context_actions = list(actions)

    def set_claims(self, claims: Sequence[Claim], palette: VerdictPalette, threshold: float | None) -> None:
        """A new article (or a structural change): reload the rows, keep the current claim if it is still there."""
        current = self.current_claim()
        self._suppress = True
        try:
            self.model.set_claims(claims, palette, threshold)
            self._fill_filters()
        finally:
            self._suppress = False
        self._update_count()
        if current is not None and self.model.row_of(current) is not None:
            self.select_claim(current, emit=False)

    def update_claims(self, claims: Sequence[Claim]) -> None:
        """Same claims with new verdicts or spans: update rows in place, keep the selection."""
        self._in_place(self.model.update_claims, claims)

    def replace_claims(self, claims: Sequence[Claim]) -> None:
        """A few claims changed (a verdict): update just their rows, keep the selection."""
        self._in_place(self.model.replace_claims, claims)

    def _in_place(self, update, claims: Sequence[Claim]) -> None:
        current = self.current_claim()
        self._suppress = True  # the selection moves with the rows: not a choice of the person's
        try:
            update(claims)
        finally:
            self._suppress = False
        self._update_count()
        if current is not None and self.model.row_of(current) is not None and self.current_claim() != current:
            self.select_claim(current, emit=False)

    def set_view(self, palette: VerdictPalette, threshold: float | None) -> None:
        self.set_claims(self.model.claims(), palette, threshold)

    def set_show_all(self, show_all: bool) -> None:
        self.show_all.setChecked(show_all)

    def _fill_filters(self) -> None:
        palette = self.model.palette()
        verdict = self.verdict_filter.currentData()
        kind = self.kind_filter.currentData()
        self.verdict_filter.blockSignals(True)
        self.kind_filter.blockSignals(True)
        self.verdict_filter.clear()
        self.verdict_filter.addItem("All verdicts", None)
        self.verdict_filter.addItem("Unreviewed", UNREVIEWED_FILTER)
        if palette is not None:
            for v in palette.active.verdicts:
                self.verdict_filter.addItem(v.label, v.key)
        self.kind_filter.clear()
        self.kind_filter.addItem("All kinds", None)
        for k in sorted({c.kind or "other" for c in self.model.claims()}):
            self.kind_filter.addItem(kind_label(k), k)
        for combo, value in ((self.verdict_filter, verdict), (self.kind_filter, kind)):
            i = combo.findData(value)
            combo.setCurrentIndex(max(i, 0))
        self.verdict_filter.blockSignals(False)
        self.kind_filter.blockSignals(False)
        self.proxy.set_filters(verdict=self.verdict_filter.currentData(), kind=self.kind_filter.currentData())

    def _filters_changed(self, *args) -> None:
        current = self.current_claim()
        self.proxy.set_filters(
            verdict=self.verdict_filter.currentData(),
            kind=self.kind_filter.currentData(),
            min_score=self.min_score.value(),
        )
        self._update_count()
        if current is not None:
            self.select_claim(current, emit=False)

    def _show_all_toggled(self, checked: bool) -> None:
        self.proxy.set_filters(show_all=checked)
        self._update_count()
        self.show_all_changed.emit(checked)

    def _update_count(self) -> None:
        reviewed, active = self.model.counts()
        shown = self.proxy.rowCount()
        text = f"{reviewed}/{active} reviewed"
        if shown != active:
            text += f" · {shown} shown"
        self.count_label.setText(text)
        self.empty_label.setVisible(shown == 0)

    # ------------------------------------------------------------------ selection
    def current_claim(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(CLAIM_ID_ROLE) if index.isValid() else None

    def selected_claim_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        ids = [self.proxy.mapToSource(i).data(CLAIM_ID_ROLE) for i in rows]
        current = self.current_claim()
        if not ids and current is not None:
            ids = [current]
        return ids

    def select_claim(self, claim_id: int | None, emit: bool = False) -> bool:
        """Make a claim current (scrolled into view). A hidden claim is revealed by showing all."""
        if claim_id is None:
            self._suppress = not emit
            try:
                self.view.selectionModel().clear()
            finally:
                self._suppress = False
            return False
        row = self.model.row_of(claim_id)
        if row is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self._suppress = not emit
        try:
            self.view.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.scrollTo(proxy_index)
        finally:
            self._suppress = False
        return True

    def step(self, delta: int) -> int | None:
        """Move to the next (+1) or previous (-1) claim in the panel's order; the new claim id."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        index = self.view.currentIndex()
        row = index.row() + delta if index.isValid() else (0 if delta > 0 else count - 1)
        row = max(0, min(count - 1, row))
        proxy_index = self.proxy.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(proxy_index)
        return proxy_index.data(CLAIM_ID_ROLE)

    def first_claim(self) -> int | None:
        """The first claim shown (in the current sort), for opening an article."""
        if self.proxy.rowCount() == 0:
            return None
        return self.proxy.index(0, 0).data(CLAIM_ID_ROLE)

    def _header_menu(self, pos) -> None:
        menu = QMenu(self)
        for column in (COL_SPEAKER, COL_KIND, COL_SCORE):
            name = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(f"Show {name} column")
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.view.setColumnHidden(c, not on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()  # a new menu per right-click: delete it, or they pile up under the panel

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._suppress:
            return
        self.claim_selected.emit(current.data(CLAIM_ID_ROLE) if current.isValid() else None)

    def _context_menu(self, pos) -> None:
        if not self.view.indexAt(pos).isValid() or not self._context_actions:
            return
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()  # the shared actions stay: a menu does not own the actions it was given


__all__ = ["ClaimsPanel", "COL_KIND", "COL_SCORE", "COL_SPEAKER"]
