"""Asking for a library file to open or to create: shared by the window and the start-up screen.

UI thread only. Both use Qt's static file dialogs, which delete their dialog when they return.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from ..core.errors import LibraryError

OPEN_FILTER = "Reviewer libraries (*.sqlite *.db);;All files (*)"
NEW_FILTER = "Reviewer libraries (*.sqlite)"
NEW_NAME = "new-library.sqlite"


def ask_open_library(parent: QWidget | None, folder: Path) -> Path | None:
    """The library file the person chose to open, starting in ``folder``; None if they cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Open library", str(folder), OPEN_FILTER)
    return Path(path) if path else None


def ask_new_library(parent: QWidget | None, folder: Path) -> Path | None:
    """Where the person wants a new library (``.sqlite`` added when the name has no suffix).

    None if they cancelled. Raises LibraryError when a non-empty file is already there: creating
    a library must never open, let alone change, a file the person meant to keep.
    """
    path, _ = QFileDialog.getSaveFileName(parent, "New library", str(folder / NEW_NAME), NEW_FILTER)
    if not path:
        return None
    target = Path(path)
    if target.suffix == "":
        target = target.with_suffix(".sqlite")
    if target.exists() and target.stat().st_size > 0:
        raise LibraryError(f"{target.name} already exists; choose another name, or open it with Open Library.")
    return target


def pick_library(parent: QWidget | None, current: Path | None, *, new: bool) -> Path | None:
    """A library to open (or, with ``new``, to create) beside ``current``; None if cancelled.
    Raises LibraryError as ``ask_new_library`` does."""
    folder = current.parent if current is not None else Path.home()
    return ask_new_library(parent, folder) if new else ask_open_library(parent, folder)


def fill_recent_menu(
    menu: QMenu, current: Path | None, recent: list[str], open_library: Callable[[Path], None]
) -> None:
    """File ▸ Open Recent: the other libraries used lately (the open one and missing files disabled)."""
    menu.clear()
    for path in recent:
        action = menu.addAction(Path(path).name + f"  —  {Path(path).parent}")
        action.setEnabled(path != (str(current) if current else "") and Path(path).exists())
        action.triggered.connect(lambda _c=False, p=path: open_library(Path(p)))
    if menu.isEmpty():
        menu.addAction("No other libraries yet").setEnabled(False)
