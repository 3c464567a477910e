"""Preferences: who is reviewing, ClaimReview base URL, look, reading, check-worthiness, shortcuts, verdict scale.

Settings are written when the person presses OK; the active verdict scale is a change to
the library (audited, announced on the hub) made at once, like every library change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ReviewerError
from ..core.reports.model import clean_url_base
from ..core.store import Store
from .actions import ACTIONS, ActionCollection, shortcut_conflicts
from .changes import SCALE, ChangeHub
from .reader import MAX_FONT, MIN_FONT
from .settings import Settings
from .theme import THEME_LABELS, THEMES

try:  # the extraction's tuned default; a fixed fallback keeps the dialog usable without it
    from ..core.extraction import DEFAULT_THRESHOLD
except Exception:  # noqa: BLE001 - optional at import time
    DEFAULT_THRESHOLD = 0.5


class PreferencesDialog(QDialog):
    theme_changed = Signal(str)

    def __init__(
        self,
        store: Store,
        settings: Settings,
        hub: ChangeHub,
        actions: ActionCollection,
        parent: QWidget | None = None,
        undo_stack=None,
    ):
        super().__init__(parent)
        self.store, self.settings, self.hub, self.actions = store, settings, hub, actions
        self.undo_stack = undo_stack  # scale switches and edits are undoable when given
        self.setWindowTitle("Preferences")
        self.setMinimumSize(620, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._general_tab(), "General")
        self.tabs.addTab(self._claims_tab(), "Claims && Scale")
        self.tabs.addTab(self._shortcuts_tab(), "Shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ tabs
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(12)
        self.name_edit = QLineEdit(self.settings.pref("reviewer_name") or self.store.reviewer)
        self.name_edit.setPlaceholderText("Your name as it appears in the history and reports")
        self.org_edit = QLineEdit(self.settings.pref("organisation"))
        self.org_edit.setPlaceholderText("Named in reports and ClaimReview")
        self.url_base_edit = QLineEdit(self.settings.pref("claimreview_url_base"))
        self.url_base_edit.setPlaceholderText("https://factdesk.example/checks")
        self.url_base_edit.setToolTip(
            "Each ClaimReview's url is this address + /claims/<claim id>. Google Fact Check Tools require a url."
        )
        self.url_base_error = QLabel()
        self.url_base_error.setWordWrap(True)
        self.url_base_error.setObjectName("statusError")
        self.url_base_error.hide()
        self.theme_combo = QComboBox()
        for theme in THEMES:
            self.theme_combo.addItem(THEME_LABELS[theme], theme)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(self.settings.pref("theme")), 0))
        self.font_spin = QSpinBox()
        self.font_spin.setRange(MIN_FONT, MAX_FONT)
        self.font_spin.setSuffix(" pt")
        self.font_spin.setValue(int(self.settings.pref("reader_font_size")))
        form.addRow("Reviewer name", self.name_edit)
        form.addRow("Organisation", self.org_edit)
        form.addRow("ClaimReview base URL", self.url_base_edit)
        form.addRow(self.url_base_error)
        form.addRow("Theme", self.theme_combo)
        form.addRow("Reader text size", self.font_spin)
        return page

    def _claims_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setVerticalSpacing(12)
        value = float(self.settings.pref("checkworthy_threshold"))
        self.model_default = QCheckBox(f"Use the model's tuned threshold ({DEFAULT_THRESHOLD:.2f})")
        self.model_default.setChecked(value < 0)
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(0, 100)
        self.threshold_slider.setValue(int(round((DEFAULT_THRESHOLD if value < 0 else value) * 100)))
        self.threshold_label = QLabel()
        self.threshold_slider.valueChanged.connect(self._threshold_label)
        self.model_default.toggled.connect(lambda on: self.threshold_slider.setEnabled(not on))
        self.threshold_slider.setEnabled(value >= 0)
        self._threshold_label()
        row = QHBoxLayout()
        row.addWidget(self.threshold_slider, 1)
        row.addWidget(self.threshold_label)
        hint = QLabel(
            "Sentences scored at or above the threshold count as check-worthy. The scores stay "
            "as extracted; only what the desk shows and counts changes."
        )
        hint.setWordWrap(True)
        hint.setObjectName("paneCount")
        form.addRow(self.model_default)
        form.addRow("Check-worthiness", row)
        form.addRow(hint)
        self._seen_before_rows(form)

        self.scale_combo = QComboBox()
        self._fill_scales()
        self.scale_combo.currentIndexChanged.connect(self._scale_chosen)
        edit = QPushButton("Edit scales…")
        edit.clicked.connect(self._edit_scales)
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_combo, 1)
        scale_row.addWidget(edit)
        self.scale_error = QLabel()
        self.scale_error.setWordWrap(True)
        self.scale_error.setObjectName("statusError")
        form.addRow("Verdict scale", scale_row)
        form.addRow(self.scale_error)
        return page

    def _shortcuts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        # A working copy of every action's keys; the actions change only when the person presses OK.
        self._keys: dict[str, list[QKeySequence]] = {spec.id: self.actions.shortcuts(spec.id) for spec in ACTIONS}
        self.shortcut_table = QTableWidget(len(ACTIONS), 2)
        self.shortcut_table.setHorizontalHeaderLabels(["Command", "Keys"])
        self.shortcut_table.verticalHeader().hide()
        self.shortcut_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.shortcut_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.shortcut_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.shortcut_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.shortcut_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, spec in enumerate(ACTIONS):
            item = QTableWidgetItem(self._command_name(spec.id))
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            self.shortcut_table.setItem(row, 0, item)
            self.shortcut_table.setItem(row, 1, QTableWidgetItem())
            self._show_keys_in_table(row)
        self.keys_editor = KeysEditor(page)
        self.keys_editor.changed.connect(self._keys_edited)
        self.shortcut_table.currentCellChanged.connect(lambda row, *_: self._edit_keys_of_row(row))
        reset = QPushButton("Restore defaults")
        reset.clicked.connect(self._reset_shortcuts)
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("statusError")
        self.conflict_label.setWordWrap(True)
        layout.addWidget(self.shortcut_table, 1)
        layout.addWidget(self.keys_editor)
        bottom = QHBoxLayout()
        bottom.addWidget(self.conflict_label, 1)
        bottom.addWidget(reset)
        layout.addLayout(bottom)
        self.shortcut_table.setCurrentCell(0, 0)
        return page

    def _seen_before_rows(self, form: QFormLayout) -> None:
        try:
            from ..core.matching import default_threshold

            default = default_threshold()
        except ReviewerError:  # no matching model installed: the desk says so; keep the setting editable
            default = 1.0
        chosen = self.settings.seen_before_threshold()
        self.seen_default = QCheckBox(f"Use the matching model's threshold ({default:.2f})")
        self.seen_default.setChecked(chosen is None)
        self.seen_threshold = QDoubleSpinBox()
        self.seen_threshold.setObjectName("seenBeforeThreshold")
        self.seen_threshold.setRange(0.0, 1.0)
        self.seen_threshold.setSingleStep(0.05)
        self.seen_threshold.setDecimals(2)
        self.seen_threshold.setValue(default if chosen is None else chosen)
        self.seen_threshold.setEnabled(chosen is not None)
        self.seen_threshold.setToolTip(
            "A claim is marked “seen before” when its best match among imported "
            "fact-checks and earlier reviews scores at least this (0–1)"
        )
        self.seen_default.toggled.connect(lambda on: self.seen_threshold.setEnabled(not on))
        form.addRow(self.seen_default)
        form.addRow("Seen-before threshold", self.seen_threshold)

    # ------------------------------------------------------------------ behaviour
    def _threshold_label(self, *args) -> None:
        self.threshold_label.setText(f"{self.threshold_slider.value() / 100:.2f}")

    def _fill_scales(self) -> None:
        self.scale_combo.blockSignals(True)
        self.scale_combo.clear()
        active = self.store.active_scale().id
        for scale in self.store.scales():
            self.scale_combo.addItem(scale.name, scale.id)
        self.scale_combo.setCurrentIndex(max(self.scale_combo.findData(active), 0))
        self.scale_combo.blockSignals(False)

    def _scale_chosen(self, _index: int) -> None:
        scale_id = self.scale_combo.currentData()
        if scale_id is None or scale_id == self.store.active_scale().id:
            return
        if self.undo_stack is not None:
            from .commands import push
            from .review_commands import SetActiveScaleCommand

            error = push(self.undo_stack, SetActiveScaleCommand(self.store, self.hub, scale_id))
            if error:
                self.scale_error.setText(str(error))
                return
        else:
            try:
                self.store.set_active_scale(scale_id)
            except ReviewerError as err:
                self.scale_error.setText(str(err))
                return
            self.hub.emit(SCALE, initiator=self)
        self.scale_error.setText("")

    def _edit_scales(self) -> None:
        from .scale_editor import ScaleEditorDialog

        dialog = ScaleEditorDialog(self.store, self.hub, self, undo_stack=self.undo_stack)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
        self._fill_scales()

    def _command_name(self, action_id: str) -> str:
        return self.actions[action_id].text().replace("&", "").rstrip("…")

    def _row_action(self, row: int) -> str | None:
        item = self.shortcut_table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_keys_in_table(self, row: int) -> None:
        keys = self._keys[self._row_action(row)]
        self.shortcut_table.item(row, 1).setText(
            ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        )

    def _edit_keys_of_row(self, row: int) -> None:
        action_id = self._row_action(row)
        if action_id is not None:
            self.keys_editor.set_keys(action_id, self._command_name(action_id), self._keys[action_id])

    def _keys_edited(self, action_id: str, keys: list[QKeySequence]) -> None:
        self._keys[action_id] = keys
        row = next(r for r, spec in enumerate(ACTIONS) if spec.id == action_id)
        self._show_keys_in_table(row)
        self._check_conflicts()

    def _reset_shortcuts(self) -> None:
        self._keys = {spec.id: ActionCollection.default_shortcuts(spec.id) for spec in ACTIONS}
        for row in range(self.shortcut_table.rowCount()):
            self._show_keys_in_table(row)
        self._edit_keys_of_row(self.shortcut_table.currentRow())
        self._check_conflicts()

    def _check_conflicts(self, *args) -> bool:
        """Name every key given to two commands (any of their keys, not only the first); True when none."""
        clashes = shortcut_conflicts(self._keys)
        names = [f"{text}: {', '.join(self._command_name(a) for a in ids)}" for text, ids in clashes.items()]
        self.conflict_label.setText(("Used twice — " + "; ".join(names)) if names else "")
        return not names

    def shortcut_choices(self) -> dict[str, list[QKeySequence]]:
        """Every command's keys as the editor shows them (the collection stores only those unlike the default)."""
        return {action_id: list(keys) for action_id, keys in self._keys.items()}

    def accept(self) -> None:
        if not self._check_conflicts():  # a key given twice would work for neither command
            self.tabs.setCurrentIndex(self.tabs.indexOf(self.shortcut_table.parentWidget()))
            return
        try:
            url_base = clean_url_base(self.url_base_edit.text()) or ""
        except ReviewerError as err:  # said here, not at the next export
            self.url_base_error.setText(str(err))
            self.url_base_error.show()
            self.tabs.setCurrentIndex(0)
            self.url_base_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.settings.set_pref("claimreview_url_base", url_base)
        name = self.name_edit.text().strip()
        if name:
            self.settings.set_pref("reviewer_name", name)
        self.settings.set_pref("organisation", self.org_edit.text().strip())
        theme = self.theme_combo.currentData()
        if theme != self.settings.pref("theme"):
            self.settings.set_pref("theme", theme)
            self.theme_changed.emit(theme)
        self.settings.set_pref("reader_font_size", self.font_spin.value())
        threshold = -1.0 if self.model_default.isChecked() else self.threshold_slider.value() / 100
        self.settings.set_pref("checkworthy_threshold", threshold)
        self.settings.set_pref(
            "seen_before_threshold", -1.0 if self.seen_default.isChecked() else self.seen_threshold.value()
        )
        self.actions.set_shortcuts(self.shortcut_choices())
        super().accept()


class KeysEditor(QWidget):
    """Every key of one command: a key field with Remove for each, and Add Key for one more. UI thread only."""

    changed = Signal(str, list)  # action id, its keys as shown (empty fields left out)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.action_id = ""
        self.edits: list[QKeySequenceEdit] = []
        self._rows: list[QWidget] = []
        self.title = QLabel(self)
        self.title.setObjectName("sectionLabel")
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(4)
        self.add_button = QPushButton("&Add Key", self)
        self.add_button.setToolTip("Give this command one more key")
        self.add_button.clicked.connect(self.add_key)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._rows_layout)
        layout.addLayout(bottom)

    def set_keys(self, action_id: str, name: str, keys: list[QKeySequence]) -> None:
        self.action_id = action_id
        self.title.setText(f"Keys for “{name}”" if keys else f"“{name}” has no key")
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows, self.edits = [], []
        for key in keys:
            self._add_row(key)

    def keys(self) -> list[QKeySequence]:
        return [edit.keySequence() for edit in self.edits if not edit.keySequence().isEmpty()]

    def add_key(self) -> None:
        """An empty key field, focused: the next key pressed fills it."""
        self._add_row(QKeySequence()).setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_row(self, key: QKeySequence) -> QKeySequenceEdit:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QKeySequenceEdit(key, row)
        edit.setClearButtonEnabled(True)
        edit.setMaximumSequenceLength(1)
        edit.setAccessibleName(f"Key {len(self.edits) + 1}")
        remove = QPushButton("Remove", row)
        remove.setToolTip("Take this key away from the command")
        line.addWidget(edit, 1)
        line.addWidget(remove)
        edit.keySequenceChanged.connect(lambda _key: self.changed.emit(self.action_id, self.keys()))
        remove.clicked.connect(lambda: self._remove(row, edit))
        self._rows_layout.addWidget(row)
        row.show()  # now, not when the layout gets round to it: a test or a screenshot may look at once
        self._rows.append(row)
        self.edits.append(edit)
        return edit

    def _remove(self, row: QWidget, edit: QKeySequenceEdit) -> None:
        self._rows.remove(row)
        self.edits.remove(edit)
        row.hide()
        row.deleteLater()
        self.changed.emit(self.action_id, self.keys())
