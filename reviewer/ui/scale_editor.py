"""The verdict scales dialog: pick the active scale, and edit a scale's verdicts.

Each edit is saved to the library at once (``store.save_scale``, audited) and announced
with ``hub.emit(SCALE)`` so the review editor redraws its buttons. Keys never change: a
rename changes the label only, so reviews keep their verdict; the store refuses to remove
a verdict still used by a review and the dialog shows its message.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import Verdict, VerdictScale
from ..core.errors import ReviewerError
from ..core.store import Store
from ..core.verdicts import verdict_key_from_label
from .changes import SCALE, ChangeHub
from .commands import push
from .plain import plain_label
from .review_commands import SaveScaleCommand, SetActiveScaleCommand
from .verdict_buttons import swatch_icon

NO_RATING = -1  # spin boxes' "None" value

LABEL, RATING, ALTERNATE, DESCRIPTION = range(4)
HEADERS = ("Verdict", "Rating", "ClaimReview name", "Description")
NEW_COLOR = "#0072B2"


class VerdictTableModel(QAbstractTableModel):
    """The verdicts of one scale as rows. Edits are reported with ``edited`` and applied by the dialog.

    Rows are plain ``Verdict`` objects; the model never writes to the store.
    """

    edited = Signal(int, object)  # row, new Verdict

    def __init__(self, parent=None):
        super().__init__(parent)
        self._verdicts: list[Verdict] = []

    def set_verdicts(self, verdicts) -> None:
        self.beginResetModel()
        self._verdicts = list(verdicts)
        self.endResetModel()

    def verdict(self, row: int) -> Verdict | None:
        return self._verdicts[row] if 0 <= row < len(self._verdicts) else None

    def verdicts(self) -> list[Verdict]:
        return list(self._verdicts)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._verdicts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the number key that picks it
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._verdicts):
            return None
        verdict = self._verdicts[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == LABEL:
                return verdict.label
            if column == RATING:
                if verdict.rating_value is None:
                    return "" if role == Qt.ItemDataRole.EditRole else "—"
                return str(verdict.rating_value)
            if column == ALTERNATE:
                if role == Qt.ItemDataRole.EditRole:
                    return verdict.alternate_name or ""
                return verdict.alternate_name or verdict.label
            if column == DESCRIPTION:
                return verdict.description
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL:
            return swatch_icon(verdict.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == RATING:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Key “{verdict.key}” (never changes) · colour {verdict.color}"
        if role == Qt.ItemDataRole.ForegroundRole and column == ALTERNATE and not verdict.alternate_name:
            return QColor("#888888")  # shows the label it defaults to
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        verdict = self._verdicts[index.row()]
        text = str(value if value is not None else "").strip()
        column = index.column()
        if column == LABEL:
            if not text:
                return False
            new = replace(verdict, label=text)
        elif column == RATING:
            if text in ("", "—"):
                new = replace(verdict, rating_value=None)
            else:
                try:
                    new = replace(verdict, rating_value=int(text))
                except ValueError:
                    return False
        elif column == ALTERNATE:
            new = replace(verdict, alternate_name=text or None)
        else:
            new = replace(verdict, description=text)
        if new == verdict:
            return False
        self.edited.emit(index.row(), new)
        return True


def _rating_spin(parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(NO_RATING, 1000)
    spin.setSpecialValueText("None")
    spin.setKeyboardTracking(False)
    return spin


class ScaleEditorDialog(QDialog):
    """Choose the active verdict scale and edit scales. Changes are saved as they are made.

    ``ScaleEditorDialog(store, hub, parent, undo_stack=None).exec()``; UI thread only. With an
    undo stack, edits of a scale and switching the active scale are undoable steps (creating a
    scale is not: it changes no review and the new scale can simply be left unused).
    """

    def __init__(self, store: Store, hub: ChangeHub, parent: QWidget | None = None, undo_stack=None):
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.undo_stack = undo_stack
        self.scale: VerdictScale | None = None
        self._loading = False
        self.setWindowTitle("Verdict scales")
        self.resize(760, 520)

        self.scale_combo = QComboBox(self)
        self.scale_combo.setAccessibleName("Scale")
        self.scale_combo.currentIndexChanged.connect(self._scale_picked)
        self.use_button = QPushButton("&Use for reviews", self)
        self.use_button.setToolTip("Make this the active scale: its verdicts become the buttons and number keys")
        self.use_button.clicked.connect(self.use_selected_scale)
        self.copy_button = QPushButton("New scale from &copy", self)
        self.copy_button.setToolTip("Start a custom scale from a copy of this one")
        self.copy_button.clicked.connect(self.copy_scale)
        self.active_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Scale:", self, buddy=self.scale_combo))
        top.addWidget(self.scale_combo, 1)
        top.addWidget(self.use_button)
        top.addWidget(self.copy_button)

        self.name_edit = QLineEdit(self)
        self.name_edit.editingFinished.connect(self._name_edited)
        self.best_spin = _rating_spin(self)
        self.worst_spin = _rating_spin(self)
        self.best_spin.valueChanged.connect(self._ratings_edited)
        self.worst_spin.valueChanged.connect(self._ratings_edited)
        self.conclusion_box = QCheckBox("Conclusion only: no rating, the written note is the verdict", self)
        self.conclusion_box.toggled.connect(self._conclusion_toggled)
        ratings = QHBoxLayout()
        ratings.addWidget(QLabel("Best:", self))
        ratings.addWidget(self.best_spin)
        ratings.addSpacing(12)
        ratings.addWidget(QLabel("Worst:", self))
        ratings.addWidget(self.worst_spin)
        ratings.addStretch(1)
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("ClaimReview rating:", ratings)
        form.addRow("", self.conclusion_box)

        self.model = VerdictTableModel(self)
        # Queued: saving reloads the model, which must not happen inside the view's commit of an edit.
        self.model.edited.connect(self._verdict_edited, Qt.ConnectionType.QueuedConnection)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RATING, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ALTERNATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.new_label = QLineEdit(self)
        self.new_label.setPlaceholderText("Label of a new verdict")
        self.new_label.returnPressed.connect(self.add_verdict)
        self.add_button = QPushButton("&Add", self)
        self.add_button.clicked.connect(self.add_verdict)
        self.color_button = QPushButton("C&olour…", self)
        self.color_button.clicked.connect(self.recolor_selected)
        self.up_button = QPushButton("Move &up", self)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move &down", self)
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.clicked.connect(self.remove_selected)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.new_label, 1)
        edit_row.addWidget(self.add_button)
        edit_row.addSpacing(12)
        for button in (self.color_button, self.up_button, self.down_button, self.remove_button):
            edit_row.addWidget(button)

        self.hint = QLabel(
            "Double-click a cell to rename a verdict or edit its ClaimReview rating and name. "
            "Keys stay the same, so existing reviews keep their verdicts.",
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error_banner = plain_label("", self)
        self.error_banner.setWordWrap(True)
        self.error_banner.setStyleSheet("background: #FBE3D6; color: #7A2900; border-radius: 4px; padding: 6px 8px;")
        self.error_banner.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.active_label)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.hint)
        layout.addWidget(self.error_banner)
        layout.addWidget(close)

        self._reload(self.store.active_scale().id)

    # ----------------------------------------------------------------- loading
    def _reload(self, scale_id: str | None = None, row: int | None = None) -> None:
        """Re-read scales from the store and show ``scale_id`` (default: the one shown now)."""
        scale_id = scale_id or (self.scale.id if self.scale else self.store.active_scale().id)
        active = self.store.active_scale().id
        self._loading = True
        self.scale_combo.clear()
        for scale in self.store.scales():
            text = f"{scale.name}  (active)" if scale.id == active else scale.name
            self.scale_combo.addItem(text, scale.id)
        index = max(0, self.scale_combo.findData(scale_id))
        self.scale_combo.setCurrentIndex(index)
        self._loading = False
        self._show_scale(self.store.get_scale(self.scale_combo.itemData(index)), row)

    def _show_scale(self, scale: VerdictScale, row: int | None = None) -> None:
        self.scale = scale
        self._loading = True
        self.name_edit.setText(scale.name)
        self.best_spin.setValue(NO_RATING if scale.best_rating is None else scale.best_rating)
        self.worst_spin.setValue(NO_RATING if scale.worst_rating is None else scale.worst_rating)
        self.conclusion_box.setChecked(scale.conclusion_only)
        self.model.set_verdicts(scale.verdicts)
        self._loading = False
        if row is not None and 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
        is_active = scale.id == self.store.active_scale().id
        self.active_label.setText(
            "This scale is used for reviews." if is_active else "Not in use: press “Use for reviews” to switch to it."
        )
        self.use_button.setEnabled(not is_active)
        self._update_buttons()

    def _scale_picked(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.error_banner.hide()
        self._show_scale(self.store.get_scale(self.scale_combo.itemData(index)))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self, *args) -> None:
        row = self.selected_row()
        has = row is not None
        self.color_button.setEnabled(has)
        self.remove_button.setEnabled(has and self.model.rowCount() > 1)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row is not None and row < self.model.rowCount() - 1)

    # ----------------------------------------------------------------- saving
    def _save(self, scale: VerdictScale, row: int | None = None) -> bool:
        """Save ``scale``; on refusal show the store's message and go back to what is stored."""
        self.error_banner.hide()
        problem = _check_ratings(scale)
        if problem is None:
            existing = {s.id for s in self.store.scales()}
            if self.undo_stack is not None and scale.id in existing:
                error = push(
                    self.undo_stack, SaveScaleCommand(self.store, self.hub, self.store.get_scale(scale.id), scale)
                )
                problem = str(error) if error else None
            else:
                try:
                    self.store.save_scale(scale)
                    self.hub.emit(SCALE)
                except ReviewerError as err:
                    problem = str(err)
        if problem is not None:
            self.show_error(problem)
            self._reload(scale.id, row)
            return False
        self._reload(scale.id, row)
        return True

    def show_error(self, message: str) -> None:
        self.error_banner.setText(message)
        self.error_banner.show()

    def _with_verdicts(self, verdicts: list[Verdict]) -> VerdictScale:
        assert self.scale is not None
        return replace(self.scale, verdicts=tuple(verdicts))

    # ----------------------------------------------------------------- edits
    def use_selected_scale(self) -> None:
        """Make the shown scale the active one."""
        if self.scale is None:
            return
        self.error_banner.hide()
        if self.undo_stack is not None:
            error = push(self.undo_stack, SetActiveScaleCommand(self.store, self.hub, self.scale.id))
            if error:
                self.show_error(str(error))
                return
        else:
            try:
                self.store.set_active_scale(self.scale.id)
            except ReviewerError as err:
                self.show_error(str(err))
                return
            self.hub.emit(SCALE)
        self._reload(self.scale.id)

    def copy_scale(self) -> None:
        """A new custom scale from a copy of the shown one, with a fresh id."""
        if self.scale is None:
            return
        existing = tuple(s.id for s in self.store.scales())
        name = f"{self.scale.name} (copy)"
        names = {s.name for s in self.store.scales()}
        n = 2
        while name in names:
            name, n = f"{self.scale.name} (copy {n})", n + 1
        copy = replace(self.scale, id=verdict_key_from_label(f"custom {self.scale.id}", existing), name=name)
        self._save(copy)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def _name_edited(self) -> None:
        name = self.name_edit.text().strip()
        if self._loading or self.scale is None or name == self.scale.name:
            return
        if not name:
            self.name_edit.setText(self.scale.name)
            return
        self._save(replace(self.scale, name=name))

    def _ratings_edited(self) -> None:
        if self._loading or self.scale is None:
            return
        best = None if self.best_spin.value() == NO_RATING else self.best_spin.value()
        worst = None if self.worst_spin.value() == NO_RATING else self.worst_spin.value()
        if (best, worst) != (self.scale.best_rating, self.scale.worst_rating):
            self._save(replace(self.scale, best_rating=best, worst_rating=worst), self.selected_row())

    def _conclusion_toggled(self, checked: bool) -> None:
        if not self._loading and self.scale is not None and checked != self.scale.conclusion_only:
            self._save(replace(self.scale, conclusion_only=checked), self.selected_row())

    def _verdict_edited(self, row: int, verdict: Verdict) -> None:
        verdicts = self.model.verdicts()
        verdicts[row] = verdict
        self._save(self._with_verdicts(verdicts), row)

    def add_verdict(self) -> None:
        """Add a verdict named in the "new verdict" field; its key comes from the label and never changes."""
        label = self.new_label.text().strip()
        if self.scale is None:
            return
        if not label:
            self.show_error("Type the label of the new verdict first.")
            self.new_label.setFocus()
            return
        key = verdict_key_from_label(label, self.scale.keys)
        verdicts = [*self.model.verdicts(), Verdict(key, label, NEW_COLOR, None, None, "")]
        if self._save(self._with_verdicts(verdicts), len(verdicts) - 1):
            self.new_label.clear()

    def recolor_selected(self) -> None:
        row = self.selected_row()
        verdict = self.model.verdict(row) if row is not None else None
        if verdict is None:
            return
        color = QColorDialog.getColor(QColor(verdict.color), self, f"Colour of “{verdict.label}”")
        if not color.isValid():
            return
        verdicts = self.model.verdicts()
        verdicts[row] = replace(verdict, color=color.name())
        self._save(self._with_verdicts(verdicts), row)

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        verdicts = self.model.verdicts()
        verdicts[row], verdicts[row + step] = verdicts[row + step], verdicts[row]
        self._save(self._with_verdicts(verdicts), row + step)

    def remove_selected(self) -> None:
        """Remove the selected verdict; the store refuses (and we say why) while reviews use it."""
        row = self.selected_row()
        if row is None:
            return
        verdicts = self.model.verdicts()
        del verdicts[row]
        self._save(self._with_verdicts(verdicts), min(row, len(verdicts) - 1))


def _check_ratings(scale: VerdictScale) -> str | None:
    """A message when the ClaimReview numbers do not make sense, else None."""
    best, worst = scale.best_rating, scale.worst_rating
    if best is not None and worst is not None:
        if best == worst:
            return "The best and worst ratings must differ."
        low, high = min(best, worst), max(best, worst)
        for verdict in scale.verdicts:
            if verdict.rating_value is not None and not low <= verdict.rating_value <= high:
                return (
                    f"“{verdict.label}” has rating {verdict.rating_value}, outside the scale's "
                    f"range {low}–{high}. Change the rating or the range."
                )
    return None
