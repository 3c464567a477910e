"""E, as the README says, adds evidence: the add-evidence dialog for the current claim opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox


def test_e_opens_the_add_evidence_dialog_for_the_current_claim(desk, sample_article, store, qtbot):
    window = desk()
    claim_id = window.claims.current_claim()
    assert claim_id is not None
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_E)
    panel = window.review_editor.evidence
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Add evidence"
    assert window.review_editor.tabs.currentWidget() is panel
    dialog.grab().save("/tmp/keyboard_evidence_dialog.png")
    qtbot.keyClicks(dialog.url, "https://ons.example/beds")
    with qtbot.waitSignal(window.hub.changed, timeout=30_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    (evidence,) = store.list_evidence(claim_id)
    assert evidence.url == "https://ons.example/beds"
    assert panel.model.rowCount() == 1


def test_e_without_a_claim_says_what_to_do(desk, qtbot):
    window = desk()  # an empty library: no article, no claim
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_E)
    assert window.review_editor.evidence.dialog is None
    assert "claim" in window.status_message.text().lower()
    assert "evidence" in window.status_message.text().lower()


def test_e_while_typing_a_note_types_an_e(desk, sample_article, store, qtbot):
    window = desk()
    window.actions["focus_note"].trigger()
    editor = window.review_editor.note.editor
    qtbot.keyClick(editor, Qt.Key.Key_E)
    assert window.review_editor.evidence.dialog is None
    assert editor.toPlainText() == "e"
