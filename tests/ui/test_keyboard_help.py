"""F1 as a newcomer reads it: keys one can press, one or two per command, the active scale's verdicts only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reviewer.ui.actions import pressable, readable_keys


def press_f1(qtbot, window) -> dict[str, str]:
    """Press F1 on the claims list; read the modal dialog it opens (Command -> keys), then close it."""
    seen: dict[str, object] = {}

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "shortcut_rows"):
            QTimer.singleShot(20, read)
            return
        seen["rows"] = dict(dialog.shortcut_rows())
        dialog.grab().save("/tmp/keyboard_help_f1.png")
        dialog.reject()

    QTimer.singleShot(0, read)
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: "rows" in seen, timeout=30_000)
    return seen["rows"]


def test_f1_lists_keys_one_can_press_and_only_the_scales_verdicts(desk, sample_article, qtbot):
    window = desk()
    # What the standard keys give under X11: a Sun keyboard's F14 and the media key "Undo" besides Ctrl+Z.
    window.actions["undo"].setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence("F14"), QKeySequence(Qt.Key.Key_Undo)])
    window.actions["copy"].setShortcuts(
        [QKeySequence("Ctrl+C"), QKeySequence("Ctrl+Ins"), QKeySequence("F16"), QKeySequence(Qt.Key.Key_Copy)]
    )
    window.actions["redo"].setShortcuts(
        [
            QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y"),
            QKeySequence("Alt+Shift+Backspace"),
            QKeySequence(Qt.Key.Key_Redo),
        ]
    )
    rows = press_f1(qtbot, window)
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Undo"] == QKeySequence("Ctrl+Z").toString(native)
    assert rows["Copy"] == ", ".join(QKeySequence(k).toString(native) for k in ("Ctrl+C", "Ctrl+Ins"))
    assert rows["Redo"] == ", ".join(QKeySequence(k).toString(native) for k in ("Ctrl+Shift+Z", "Ctrl+Y"))
    assert rows["Keyboard Shortcuts"] == "F1"  # not "F1, Help"
    for text in rows.values():
        assert not any(name in text for name in ("F13", "F14", "F16", "Undo", "Copy", "Help", "Zoom", "Open"))
    # The default scale has four verdicts: keys 1–4 and 0, nothing for 5–9.
    verdicts = {command: keys for command, keys in rows.items() if command.startswith("Verdict")}
    assert verdicts == {
        "Verdict: Supported": "1",
        "Verdict: Disputed": "2",
        "Verdict: Misleading": "3",
        "Verdict: Unverifiable": "4",
    }
    assert rows["Clear Verdict"] == "0"
    assert not set("56789") & set(rows.values())


def test_f1_follows_the_active_scale(desk, sample_article, store, qtbot):
    from reviewer.ui.changes import SCALE

    window = desk()
    store.set_active_scale("politifact")
    window.hub.emit(SCALE, initiator=None)
    rows = press_f1(qtbot, window)
    keys = sorted(keys for command, keys in rows.items() if command.startswith("Verdict:"))
    assert keys == ["1", "2", "3", "4", "5", "6"]
    assert rows["Verdict: Pants on Fire"] == "6"


def test_pressable_keys():
    assert pressable(QKeySequence("Ctrl+Shift+Z")) and pressable(QKeySequence("F12"))
    assert pressable(QKeySequence("Del")) and pressable(QKeySequence("J"))
    assert not pressable(QKeySequence("F13")) and not pressable(QKeySequence(Qt.Key.Key_Undo))
    assert not pressable(QKeySequence("Ctrl+K, F14")) and not pressable(QKeySequence())
    assert readable_keys([QKeySequence(Qt.Key.Key_Copy), QKeySequence("F5"), QKeySequence("F5")]) == "F5"
