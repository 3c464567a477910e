"""Where the desk window appears: its saved geometry and splitter sizes, kept on a screen that exists.

UI thread only. The settings keys are "geometry" and one per splitter, given by the caller.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from .settings import Settings

FIRST_SIZE = QSize(1440, 900)
MIN_FIRST_SIZE = QSize(1200, 800)


def restore_layout(window: QWidget, settings: Settings, splitters: dict[str, QSplitter]) -> None:
    """The saved geometry (or a first size, centred) and the saved sizes of ``splitters`` by key."""
    geometry = settings.state("geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty() and window.restoreGeometry(geometry):
        keep_on_screen(window)
    else:
        first_size(window)
    for key, splitter in splitters.items():
        value = settings.state(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            splitter.restoreState(value)


def save_layout(window: QWidget, settings: Settings, splitters: dict[str, QSplitter]) -> None:
    settings.set_state("geometry", window.saveGeometry())
    for key, splitter in splitters.items():
        settings.set_state(key, splitter.saveState())


def first_size(window: QWidget) -> None:
    """A first start: large enough for three panes, never larger than the screen, centred on it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen else None
    size = QSize(FIRST_SIZE)
    if available is not None:
        size = size.boundedTo(available.size() * 0.95)
        size = size.expandedTo(MIN_FIRST_SIZE.boundedTo(available.size()))
    window.resize(size)
    if available is not None:
        frame = window.frameGeometry()
        frame.moveCenter(available.center())
        window.move(frame.topLeft())


def keep_on_screen(window: QWidget) -> None:
    """A window saved on a screen that is gone (unplugged monitor) comes back at its first size."""
    frame = window.frameGeometry()
    for screen in QGuiApplication.screens():
        if screen.availableGeometry().intersects(frame):
            return
    first_size(window)
