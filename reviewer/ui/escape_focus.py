"""Escape leaves whatever field of the review desk has the keyboard and returns it to the claims list.

The desk is driven by single keys (J/K, 1–9, N, E) that are off while one types in a field; Escape
is how a person gets them back without the mouse. One window-wide shortcut does it for every
field (note, confidence, library search, the evidence list…), so no widget needs its own code.
Dialogs are windows of their own: Escape keeps closing them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def install_escape_to_list(window: QWidget, list_view: QWidget, save_pending: Callable[[], None]) -> QShortcut:
    """Make Escape in ``window`` call ``save_pending`` (typing not yet saved is written first, and
    the next keystrokes start a new undo step) and then focus ``list_view``. UI thread only; the
    shortcut is a child of ``window``."""

    def leave_field() -> None:
        save_pending()
        list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
    shortcut.setObjectName("escapeToClaims")
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(leave_field)
    return shortcut
