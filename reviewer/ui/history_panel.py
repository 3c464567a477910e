"""The history of one claim (who changed what, when), newest first, with Revert.

Reads ``store.history(claim_id=)``; a revert is an undoable command that applies the
entry's "before" state as a new, audited change — history itself is never rewritten.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from ..core.domain import AuditEntry
from ..core.store import Store
from .changes import ChangeHub
from .commands import push
from .evidence_panel import ObjectListModel, TwoLineDelegate
from .review_commands import RevertEntryCommand

# Changes the store knows how to revert (see Store.revert).
REVERTIBLE = {"review", "claim_edit", "claim_dismiss", "claim_undismiss", "evidence_remove", "evidence_add"}
HISTORY_LIMIT = 200


def local_time(at: str) -> str:
    """An audit timestamp (UTC, ISO) as local 'YYYY-MM-DD HH:MM'."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class HistoryModel(ObjectListModel):
    """A claim's ``AuditEntry`` objects, newest first."""

    verdict_label = None  # key -> label, set by the panel from the library's scales

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.set_items(entries)

    def entry(self, row: int) -> AuditEntry | None:
        return self.item(row)

    def present(self, entry: AuditEntry, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{entry.describe(self.verdict_label)}\n{entry.who} · {local_time(entry.at)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.describe(self.verdict_label)} — by {entry.who} at {entry.at} (UTC)"
        return None


class HistoryPanel(QWidget):
    """History list and Revert button for the current claim. UI thread only."""

    error = Signal(str)

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None, before_change=None
    ):
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.undo_stack = undo_stack
        self.claim_id: int | None = None
        self._before_change = before_change or (lambda: None)

        self.model = HistoryModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setAccessibleName("History")
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.revert_button = QPushButton("Re&vert this change", self)
        self.revert_button.setToolTip("Put back what was there before this change (itself undoable)")
        self.revert_button.clicked.connect(self.revert_selected)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.set_claim(None)

    def set_claim(self, claim_id: int | None) -> None:
        self.claim_id = claim_id
        self.refresh()

    def refresh(self) -> None:
        entries = self.store.history(claim_id=self.claim_id, limit=HISTORY_LIMIT) if self.claim_id else []
        self.model.verdict_label = self._verdict_label
        self.model.set_entries(entries)
        self.hint.setText("No changes yet." if self.claim_id and not entries else "")
        self._update_buttons()

    def _verdict_label(self, key: str) -> str:
        verdict, _ = self.store.verdict_info(key)
        return verdict.label if verdict else key

    def selected(self) -> AuditEntry | None:
        indexes = self.view.selectionModel().selectedIndexes()
        return self.model.entry(indexes[0].row()) if indexes else None

    def _update_buttons(self, *args) -> None:
        entry = self.selected()
        self.revert_button.setEnabled(entry is not None and entry.action in REVERTIBLE)

    def revert_selected(self) -> None:
        entry = self.selected()
        if entry is None or self.claim_id is None:
            return
        self._before_change()
        command = RevertEntryCommand(self.store, self.hub, self.claim_id, entry.id, entry.describe(self._verdict_label))
        failure = push(self.undo_stack, command)
        if failure is not None:
            self.error.emit(str(failure))
