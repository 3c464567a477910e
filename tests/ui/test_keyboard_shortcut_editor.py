"""Preferences ▸ Shortcuts edits every key of a command, saves only what differs from the default, and
names a key given twice whichever of a command's keys it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from reviewer.ui.actions import split_keys

PORTABLE = QKeySequence.SequenceFormat.PortableText


def texts(keys) -> list[str]:
    return [k.toString(PORTABLE) for k in keys]


@pytest.fixture
def open_preferences(desk, qtbot):
    def open_(window):
        from reviewer.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(window.store, window.settings, window.hub, window.actions, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()  # key fields take keys only in the active window
        qtbot.waitUntil(dialog.isActiveWindow, timeout=30_000)
        qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=dialog.tabs.tabBar().tabRect(2).center())
        assert dialog.tabs.currentIndex() == 2
        return dialog

    return open_


def choose_command(qtbot, dialog, name: str) -> None:
    table = dialog.shortcut_table
    item = next(table.item(r, 0) for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    table.scrollToItem(item)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center())
    assert name in dialog.keys_editor.title.text()


def press_ok(qtbot, dialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def remove_button(edit) -> QPushButton:
    return next(b for b in edit.parentWidget().findChildren(QPushButton) if b.text() == "Remove")


def test_every_key_of_a_command_is_shown_and_edited_and_the_new_key_works(
    desk, sample_article, store, settings, qtbot, open_preferences
):
    window = desk()
    defaults = window.actions.shortcuts("copy")
    assert len(defaults) >= 2  # Ctrl+C and Ctrl+Ins at least, on every platform Qt knows
    dialog = open_preferences(window)
    choose_command(qtbot, dialog, "Copy")
    editor = dialog.keys_editor
    assert texts(e.keySequence() for e in editor.edits) == texts(defaults)
    # Take the second key away, add Ctrl+Alt+C.
    qtbot.mouseClick(remove_button(editor.edits[1]), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    new = editor.edits[-1]
    assert new.hasFocus()
    qtbot.keyClick(new, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    expected = [texts(defaults)[0], *texts(defaults)[2:], "Ctrl+Alt+C"]
    row_text = dialog.shortcut_table.item(dialog.shortcut_table.currentRow(), 1).text()
    assert row_text == ", ".join(QKeySequence(t).toString(QKeySequence.SequenceFormat.NativeText) for t in expected)
    assert texts(window.actions.shortcuts("copy")) == texts(defaults)  # nothing changes before OK
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert texts(window.actions.shortcuts("copy")) == expected
    assert settings.shortcut_overrides() == {"copy": ";".join(expected)}

    # A second key of Undo, pressed on the desk, undoes.
    dialog = open_preferences(window)
    choose_command(qtbot, dialog, "Undo")
    qtbot.mouseClick(dialog.keys_editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.keys_editor.edits[-1], Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    press_ok(qtbot, dialog)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=30_000)
    claim_id = window.claims.current_claim()
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_1)
    assert store.get_review(claim_id).verdict == "supported"
    qtbot.keyClick(window.claims.view, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert store.get_review(claim_id).verdict is None


def test_keys_are_saved_only_when_they_differ_from_the_default(desk, settings, qtbot, open_preferences):
    window = desk()
    press_ok(qtbot, open_preferences(window))
    assert settings.shortcut_overrides() == {}
    settings.set_shortcut_overrides({"find": "Ctrl+F;F3", "next_claim": ""})
    window.actions.apply_shortcuts()
    dialog = open_preferences(window)
    choose_command(qtbot, dialog, "Search Library")
    assert texts(e.keySequence() for e in dialog.keys_editor.edits) == ["Ctrl+F", "F3"]
    choose_command(qtbot, dialog, "Next Claim")
    assert dialog.keys_editor.edits == []
    reset = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Restore defaults")
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert texts(e.keySequence() for e in dialog.keys_editor.edits) == ["J"]
    press_ok(qtbot, dialog)
    assert settings.shortcut_overrides() == {}
    assert texts(window.actions.shortcuts("next_claim")) == ["J"]


def test_a_second_key_used_twice_is_named_and_not_saved(desk, settings, qtbot, open_preferences):
    window = desk()
    dialog = open_preferences(window)
    choose_command(qtbot, dialog, "Search Library")
    qtbot.mouseClick(dialog.keys_editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.keys_editor.edits[-1], Qt.Key.Key_J)  # Next Claim's
    assert dialog.conflict_label.text() == "Used twice — J: Search Library, Next Claim"
    qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=dialog.tabs.tabBar().tabRect(0).center())
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 2  # refused, and shows why
    assert settings.shortcut_overrides() == {}
    qtbot.mouseClick(remove_button(dialog.keys_editor.edits[-1]), Qt.MouseButton.LeftButton)
    assert dialog.conflict_label.text() == ""
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert settings.shortcut_overrides() == {}


def test_saved_keys_split_at_semicolons_but_keep_a_semicolon_key():
    assert split_keys("Ctrl+Z;Alt+Backspace") == ["Ctrl+Z", "Alt+Backspace"]
    assert split_keys("Ctrl+;;F5") == ["Ctrl+;", "F5"]
    assert split_keys(";;Ctrl+K, ;") == [";", "Ctrl+K, ;"]
    assert split_keys("") == []
