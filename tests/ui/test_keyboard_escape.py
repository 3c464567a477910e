"""Escape returns the keyboard to the claims list from every field of the desk (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_escape_leaves_the_note_and_j_moves_to_the_next_claim(desk, sample_article, store, qtbot):
    window = desk()
    first = window.claims.current_claim()
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_N)
    editor = window.review_editor.note.editor
    assert editor.hasFocus()
    qtbot.keyClicks(editor, "Checked")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.claims.view.hasFocus()
    assert store.get_claim(first).note == "Checked"  # the typing was saved on the way out
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_J)
    assert window.claims.current_claim() != first
    assert window.review_editor.claim_id == window.claims.current_claim()
    assert store.get_claim(first).note == "Checked"  # no "j" typed into it
    assert editor.toPlainText() == ""  # the next claim's (empty) note is shown


def test_escape_leaves_the_confidence_field_and_the_library_search(desk, sample_article, store, qtbot):
    window = desk()
    confidence = window.review_editor.confidence
    confidence.setFocus()
    assert confidence.hasFocus()
    qtbot.keyClick(confidence, Qt.Key.Key_Escape)
    assert window.claims.view.hasFocus()

    window.actions["find"].trigger()
    search = window.library.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "beds")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert window.claims.view.hasFocus()
    first = window.claims.current_claim()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_J)
    assert window.claims.current_claim() != first
    assert search.text() == "beds"


def test_escape_in_the_evidence_list_returns_to_the_claims(desk, sample_article, qtbot):
    window = desk()
    window.review_editor.focus_evidence()
    assert not window.claims.view.hasFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.claims.view.hasFocus()
