"""Shortcut conflicts: none among the defaults, and Preferences names a key given twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from reviewer.ui.actions import shortcut_conflicts


def test_defaults_have_no_conflicts(desk):
    window = desk()
    actions = window.actions
    assert shortcut_conflicts({a: actions.shortcuts(a) for a in actions.ids()}) == {}


def test_conflicts_ignore_empty_sequences_and_keep_order():
    found = shortcut_conflicts(
        {"a": [QKeySequence("Ctrl+K"), QKeySequence()], "b": [QKeySequence()], "c": [QKeySequence("Ctrl+K")]}
    )
    assert list(found.values()) == [["a", "c"]]


def test_preferences_names_a_key_used_twice(desk, store, qtbot):
    from reviewer.ui.preferences import PreferencesDialog

    window = desk()
    dialog = PreferencesDialog(store, window.settings, window.hub, window.actions, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=30_000)
    dialog.tabs.setCurrentIndex(2)
    assert dialog.conflict_label.text() == ""
    table = dialog.shortcut_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Actual Size")
    table.scrollToItem(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(row, 0)).center())
    (edit,) = dialog.keys_editor.edits  # Ctrl+0
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_J)  # J is Next Claim's
    qtbot.waitUntil(lambda: "Used twice" in dialog.conflict_label.text())
    assert "Next Claim" in dialog.conflict_label.text() and "Actual Size" in dialog.conflict_label.text()
    dialog.grab().save("/tmp/keyboard_shortcut_editor.png")
    reset = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore defaults")
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert dialog.conflict_label.text() == ""
