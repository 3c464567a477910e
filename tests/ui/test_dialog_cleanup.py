"""Dialogs and context menus are deleted after use: opening them again and again leaves no children behind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton

ROUNDS = 3


def _leftovers(window) -> int:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the event loop does next
    return len(window.findChildren(QDialog)) + len(window.findChildren(QMenu))


def _escape_what_opens(qtbot, seen: list) -> None:
    """Press Escape on the popup menu or modal dialog the next step opens (its exec() blocks until then)."""
    tries = [0]

    def step():
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None:
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, step)
            return
        seen.append(type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key.Key_Escape)

    QTimer.singleShot(0, step)


def _right_click(view, pos: QPoint) -> None:
    """What a right-click delivers to a list, header or text view (the platform turns the press into this)."""
    viewport = view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)


def test_dialogs_and_menus_do_not_pile_up(desk, sample_article, qtbot, tmp_path):
    window = desk()
    window.import_flow.quiet = False  # the import summary is a message box of the window's
    unreadable = tmp_path / "empty.txt"
    unreadable.write_text("", encoding="utf-8")
    claims_view, library_view = window.claims.view, window.library.view
    claim_row = claims_view.visualRect(window.claims.proxy.index(0, 1)).center()
    library_row = library_view.visualRect(library_view.model().index(0, 0)).center()
    header = claims_view.horizontalHeader()
    before = _leftovers(window)
    seen: list[str] = []

    for _ in range(ROUNDS):
        for open_it in (
            lambda: _right_click(claims_view, claim_row),
            lambda: _right_click(library_view, library_row),
            lambda: _right_click(header, QPoint(10, 5)),
            lambda: _right_click(window.reader, QPoint(40, 40)),
            window.actions["preferences"].trigger,
            window.actions["export"].trigger,
            window.actions["shortcuts"].trigger,
            window.actions["edit_scales"].trigger,
        ):
            _escape_what_opens(qtbot, seen)
            open_it()  # returns when the menu or dialog was closed
        with qtbot.waitSignal(window.import_flow.finished, timeout=30000):
            _escape_what_opens(qtbot, seen)
            window.import_flow.import_paths([unreadable])
        # Backups is window-modal but does not block: close it with its Close button.
        window.actions["backups"].trigger()
        backups = next(d for d in window.findChildren(QDialog) if d.isVisible())
        qtbot.mouseClick(
            next(b for b in backups.findChildren(QPushButton) if b.text() == "Close"), Qt.MouseButton.LeftButton
        )
        assert _leftovers(window) == before

    opened = ["QMenu"] * 4 + [
        "PreferencesDialog",
        "ExportDialog",
        "ShortcutsDialog",
        "ScaleEditorDialog",
        "QMessageBox",
    ]
    assert seen == opened * ROUNDS
    window.tasks.wait(20000)  # the export dialog's preview jobs, discarded when it closed
