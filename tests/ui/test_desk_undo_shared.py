"""Undo in the desk is the store's revert: it takes the status move with it and never wipes
a change another window or the command line made since."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.store import Store


def test_undo_of_a_first_verdict_puts_the_article_back_to_todo(desk, sample_article, store, qtbot):
    article, _claims = sample_article
    window = desk()
    claim_id = window.claims.current_claim()
    assert store.get_article(article.id).status == "todo"
    qtbot.keyClick(window.claims.view, Qt.Key.Key_1)
    assert store.get_review(claim_id).verdict is not None
    assert store.get_article(article.id).status == "in_review"
    qtbot.keyClick(window.claims.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get_review(claim_id).verdict is None
    assert store.get_article(article.id).status == "todo"
    qtbot.waitUntil(
        lambda: window.library.model.summary(window.library.model.row_of(article.id)).status == "todo", timeout=30_000
    )
    # Redo brings both back.
    qtbot.keyClick(
        window.claims.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert store.get_article(article.id).status == "in_review"


def test_undo_after_a_verdict_from_the_command_line_refuses_and_says_why(
    desk, sample_article, store, library_path, qtbot, run_cli
):
    window = desk()
    claim_id = window.claims.current_claim()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_1)
    mine = store.get_review(claim_id).verdict
    code, _out, err = run_cli("verdict", str(claim_id), "disputed", "--db", str(library_path))
    assert code == 0, err
    qtbot.keyClick(window.claims.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with Store.open(library_path, create=False) as other:
        assert other.get_review(claim_id).verdict == "disputed" != mine
    assert "not undone" in window.status_message.text()
