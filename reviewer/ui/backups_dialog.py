"""The Backups dialog: see the library's rolling backups, take one now, restore one.

Contract with the caller (the main window or the start-up screen): **close your Store before
``exec()``** — a restore replaces the library's content, and a connection kept open across it
would hold a stale view. ``exec()`` returns ``QDialog.DialogCode.Accepted`` only when a backup was
restored; then reopen the library. It returns Rejected when the person only looked, took a
backup, or cancelled. Errors (a damaged backup, a full disk) are shown in the dialog, never raised.
Runs on the UI thread; the backup and restore calls are short SQLite copies done in place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.backup import KEEP_BACKUPS, BackupInfo, backup_now, list_backups, restore_backup
from ..core.errors import ReviewerError

_REASONS = {
    "daily": "Daily",
    "manual": "Manual",
    "migration": "Before an update",
    "before-restore": "Before a restore",
}


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupsModel(QAbstractTableModel):
    """The backups of one library as rows (date, reason, size); a plain list of BackupInfo underneath."""

    HEADERS = ("Taken", "Reason", "Size")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_backups(self, rows: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if index.column() == 1:
                return _REASONS.get(info.reason, info.reason.replace("-", " ").capitalize())
            return human_size(info.size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsDialog(QDialog):
    """Lists the backups of ``library_path`` newest first; "Back up now" and "Restore…".

    See the module docstring for the contract: the caller has closed its Store, and
    ``exec()`` returns Accepted only when a backup was restored.
    """

    def __init__(self, library_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.library_path = Path(library_path)
        self.restored_from: Path | None = None
        self.setWindowTitle("Backups")
        self.resize(560, 360)

        intro = QLabel(
            f"Reviewer keeps the {KEEP_BACKUPS} newest backups of {self.library_path.name}: one a day, one "
            "before every update of the library format, and those you take yourself."
        )
        intro.setWordWrap(True)
        self.model = BackupsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.ask_restore())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(self)
        self.backup_button = QPushButton("Back up now", self)
        self.restore_button = QPushButton("Restore…", self)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.rejected.connect(self.reject)
        self.confirmation: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    # ------------------------------------------------------------------ state
    def refresh(self) -> None:
        """Re-read the backup folder; keeps the newest row selected."""
        self.model.set_backups(list_backups(self.library_path))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.message.setText("There are no backups yet. Take one with “Back up now”.")
        self.restore_button.setEnabled(self.model.rowCount() > 0)

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    # ------------------------------------------------------------------ actions
    def back_up_now(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = backup_now(self.library_path)
        except ReviewerError as err:
            self.message.setText(str(err))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.refresh()
        self.message.setText(f"Backed up to {path.name}.")

    def ask_restore(self) -> None:
        """Ask for confirmation (window-modal, not blocking), then restore the selected backup."""
        info = self.selected_backup()
        if info is None:
            self.message.setText("Choose a backup to restore.")
            return
        taken = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Restore backup",
            f"Replace the library with the backup taken {taken}?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText("Changes made since then are set aside: the current library is backed up "
                               "first, so you can go back to it from this list.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("confirm-restore")
        box.finished.connect(lambda _result: self._confirmed(box, restore, info))
        self.confirmation = box
        box.open()

    def _confirmed(self, box: QMessageBox, restore: QPushButton, info: BackupInfo) -> None:
        self.confirmation = None
        box.deleteLater()
        if box.clickedButton() is restore:
            self.restore(info)

    def restore(self, info: BackupInfo) -> bool:
        """Restore ``info`` now (no question asked); accept the dialog on success."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            restore_backup(info.path, self.library_path)
        except ReviewerError as err:
            self.message.setText(str(err))
            self.refresh()
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.restored_from = info.path
        self.accept()
        return True
