"""Opening a library from the window, and what to do when it cannot be opened.

A library that is damaged, not SQLite, from a newer Reviewer or read-only raises
``LibraryError``; the person then chooses: open another library, restore a backup, create a
new library, or quit. The bad file is never changed by opening it (restoring a backup
replaces it only after it was itself backed up, by ``core.backup.restore_backup``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.backup import list_backups, restore_backup
from ..core.errors import LibraryError
from ..core.library import open_library, resolve_library_path
from ..core.store import Store
from .library_files import ask_new_library, ask_open_library
from .plain import plain_label, warn

OPEN_OTHER, RESTORE, CREATE, QUIT = "open", "restore", "create", "quit"


class LibraryProblemDialog(QDialog):
    """Explains why a library cannot be opened and offers the ways on."""

    def __init__(self, path: Path, message: str, has_backups: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Cannot open the library")
        self.choice = QUIT
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = plain_label(f"Reviewer cannot open {path.name}")
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        detail = plain_label(message)
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = plain_label(str(path))
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        where.setWordWrap(True)
        note = QLabel("The file has not been changed.")
        layout.addWidget(title)
        layout.addWidget(detail)
        layout.addWidget(where)
        layout.addWidget(note)
        for choice, text, enabled in (
            (OPEN_OTHER, "Open another library…", True),
            (RESTORE, "Restore a backup…" if has_backups else "Restore a backup (none found)", has_backups),
            (CREATE, "Create a new library…", True),
            (QUIT, "Quit", True),
        ):
            button = QPushButton(text)
            button.setObjectName(f"choice_{choice}")
            button.setEnabled(enabled)
            button.clicked.connect(lambda _c=False, c=choice: self._choose(c))
            layout.addWidget(button)
        self.setMinimumWidth(460)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


Chooser = Callable[[Path, str, bool], str]


def _ask(path: Path, message: str, has_backups: bool) -> str:
    dialog = LibraryProblemDialog(path, message, has_backups)
    dialog.exec()
    return dialog.choice


def _pick_backup(library: Path) -> Path | None:
    backups = list_backups(library)
    if not backups:
        return None
    labels = [
        f"{b.taken_at.astimezone():%Y-%m-%d %H:%M} — {b.reason or 'backup'} ({b.size // 1024:,} KB)" for b in backups
    ]
    label, ok = QInputDialog.getItem(
        None, "Restore a backup", "Replace the library with the backup from:", labels, 0, False
    )
    if not ok:
        return None
    return backups[labels.index(label)].path


def open_library_interactive(
    path: str | Path | None, reviewer: str, *, ask: Chooser = _ask, interactive: bool = True
) -> Store | None:
    """Open the library at ``path`` (None: the default), resolving problems with the person.

    Returns the open Store, or None when the person chose to quit. Without ``interactive``
    (screenshots, tests) a problem is raised as LibraryError instead. UI thread only.
    """
    target = resolve_library_path(path)
    while True:
        try:
            return open_library(target, reviewer=reviewer, samples=True)
        except LibraryError as err:
            if not interactive:
                raise
            has_backups = bool(list_backups(target)) if target.exists() else False
            choice = ask(target, str(err), has_backups)
        if choice == QUIT:
            return None
        if choice == OPEN_OTHER:
            chosen = ask_open_library(None, target.parent)
            if chosen is not None:
                target = chosen
        elif choice == CREATE:
            try:
                chosen = ask_new_library(None, target.parent)
            except LibraryError as err:
                warn(None, "New library", str(err))
            else:
                if chosen is not None:
                    target = chosen
        elif choice == RESTORE:
            backup = _pick_backup(target)
            if backup is not None:
                try:
                    restore_backup(backup, target)
                except LibraryError as err:
                    warn(None, "Restore failed", str(err))
