"""The Backups dialog: see the library's rolling backups, take one now, restore one.

Backing up and restoring run as TaskManager jobs (each SQLite copy opens its own connection),
so the dialog stays responsive: the buttons are disabled and a busy bar appears while a copy
runs, and the dialog cannot be closed until it ends (``is_busy``; the window will not close
either). A restore that still waits for other jobs has not changed anything yet: closing the
dialog, or its window, cancels it. Errors (a damaged backup, a full disk) are shown in the
dialog, never raised.

Contract with the caller (the main window): a restore replaces the library's content under the
caller's Store. It waits until the TaskManager has no job running (their results are delivered as
usual). ``restore_starting`` comes right before the copy starts: stop everything that writes to
the library or reacts to its changes (timers; the window itself is blocked by this modal dialog;
no job is running then). Then either ``restored(backup path)`` comes and the dialog is Accepted —
reopen the library, its ids and the undo history no longer apply — or ``restore_failed(message)``:
nothing was restored, carry on. A restore cancelled while it waits emits none of these. While
``is_busy()`` the caller must stay open (the window refuses to close). UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.backup import KEEP_BACKUPS, BackupInfo, backup_now, list_backups, restore_backup
from ..core.errors import ReviewerError
from .plain import plain_label
from .tasks import Job, TaskManager

_REASONS = {"daily": "Daily", "manual": "Manual", "migration": "Before an update", "before-restore": "Before a restore"}


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

    Jobs run on ``tasks`` (the window's, so a restore can wait for its other jobs), or on a
    TaskManager of the dialog's own. See the module docstring for the restore contract.
    """

    restore_starting = Signal()
    restored = Signal(object)  # Path of the backup now in the library
    restore_failed = Signal(str)

    def __init__(self, library_path: Path, tasks: TaskManager | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.library_path = Path(library_path)
        self.tasks = tasks if tasks is not None else TaskManager(self)
        self.restored_from: Path | None = None
        self._job: Job | None = None
        self._busy = False
        self._pending: BackupInfo | None = None  # a restore waiting for the TaskManager to be idle
        self._listening = False  # _start_pending_restore is connected to tasks.idle
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
        self.message = plain_label("", self)  # messages embed file names
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # a copy reports no steps: a busy indicator
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()

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
        layout.addWidget(self.busy_bar)
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
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def is_busy(self) -> bool:
        """Whether a backup or restore copy is running: it cannot be stopped, so neither this dialog
        nor its window may close until it ends."""
        return self._busy

    def restore_pending(self) -> bool:
        """Whether a restore waits for other jobs to finish (closing the dialog cancels it)."""
        return self._pending is not None

    def _update_buttons(self) -> None:
        idle = not self._busy and self._pending is None
        self.backup_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.model.rowCount() > 0)
        self.close_button.setEnabled(not self._busy)
        self.table.setEnabled(idle)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)  # busy, yet the dialog still answers
            self.message.setText(text)
        else:
            self.unsetCursor()
            self.busy_bar.hide()
            self._job = None
        self._update_buttons()

    def _run(
        self,
        name: str,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        self._job = self.tasks.run(name, fn, on_done=on_done, on_error=on_error)
        self._job.show_progress.connect(self.busy_bar.show)

    # ------------------------------------------------------------------ actions
    def back_up_now(self) -> None:
        """Take a manual backup on a worker; the list refreshes when it is written."""
        if self._busy or self._pending is not None:
            return
        library = self.library_path
        self._set_busy(True, "Backing up…")
        self._run("Back up library", lambda _ctx: backup_now(library), self._backed_up, self._backup_failed)

    def _backed_up(self, path: Path) -> None:
        self._set_busy(False)
        self.refresh()
        self.message.setText(f"Backed up to {path.name}.")

    def _backup_failed(self, exc: BaseException, _tb: str) -> None:
        self._set_busy(False)
        self.message.setText(_failure_text("The backup", exc))

    def ask_restore(self) -> None:
        """Ask for confirmation (window-modal, not blocking), then restore the selected backup."""
        if self._busy or self._pending is not None:
            return
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
        box.setInformativeText(
            "Changes made since then are set aside: the current library is backed up "
            "first, so you can go back to it from this list."
        )
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

    def restore(self, info: BackupInfo) -> None:
        """Restore ``info`` on a worker (no question asked); ``restored`` and Accepted on success.

        If other jobs are running the restore waits for them to finish (their results are delivered
        as usual); closing the dialog or its window meanwhile cancels it.
        """
        if self._busy or self._pending is not None:
            return
        self._pending = info
        if not self.tasks.jobs:
            self._start_pending_restore()
            return
        # A job still writing (an import) would interleave with the copy: let them all finish and
        # deliver their results first. Nothing is stopped or dropped, so if the restore then
        # fails, no work was lost on its account.
        names = ", ".join(dict.fromkeys(job.name for job in self.tasks.jobs))
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.message.setText(
            f"Waiting for other work on the library to finish ({names}); the restore starts then. Close cancels it."
        )
        self._update_buttons()
        # A bound method, not a closure: Qt ends the connection when this dialog is deleted, and the
        # flag it checks is cleared when the dialog closes, so a job ending later (even after the
        # window and its TaskManager were shut down) cannot start a restore nobody is waiting for.
        self.tasks.idle.connect(self._start_pending_restore)
        self._listening = True

    def _start_pending_restore(self) -> None:
        info = self._pending
        if info is None:  # cancelled meanwhile
            self._forget_pending()
            return
        if self.tasks.jobs:  # someone else answered ``idle`` with a new job: wait for that one too
            return
        self._forget_pending()
        library = self.library_path
        self._set_busy(True, "Restoring…")
        self.restore_starting.emit()
        self._run(
            "Restore backup",
            lambda _ctx: restore_backup(info.path, library),
            lambda _result: self._restored(info),
            self._restore_failed,
        )

    def cancel_pending_restore(self) -> bool:
        """Give up a restore that still waits for other jobs (nothing was changed yet).

        True if there was one. A restore whose copy runs cannot be cancelled (see ``is_busy``).
        """
        if self._pending is None:
            return False
        self._forget_pending()
        self.message.setText("The restore was cancelled; the library was not changed.")
        return True

    def _forget_pending(self) -> None:
        self._pending = None
        if self._listening:
            self._listening = False
            self.tasks.idle.disconnect(self._start_pending_restore)
        if not self._busy:
            self.unsetCursor()
        self._update_buttons()

    def _restored(self, info: BackupInfo) -> None:
        self._set_busy(False)
        self.restored_from = info.path
        self.restored.emit(info.path)
        self.accept()

    def _restore_failed(self, exc: BaseException, _tb: str) -> None:
        self._set_busy(False)
        self.refresh()
        message = _failure_text("The restore", exc)
        self.message.setText(message)
        self.restore_failed.emit(message)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        # Esc, Close and the title bar all end here: a copy in progress must finish first.
        if self._busy:
            return
        super().reject()

    def done(self, result: int) -> None:
        # However the dialog ends (reject, accept, a direct done()), a waiting restore ends with it.
        self.cancel_pending_restore()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802
        # QDialog accepts a close event without reject() when the dialog is hidden (its window
        # closing), so the waiting restore is cancelled here too.
        if self._busy:
            event.ignore()
            return
        self.cancel_pending_restore()
        super().closeEvent(event)


def _failure_text(what: str, exc: BaseException) -> str:
    if isinstance(exc, ReviewerError):
        return str(exc)
    return f"{what} failed unexpectedly ({type(exc).__name__}: {exc}). The library was not changed."
