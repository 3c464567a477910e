"""A second writer (another window or the CLI) on the same library: the desk shows its changes."""

from __future__ import annotations

from reviewer.core.store import Store


def test_changes_from_another_connection_appear_without_asking(desk, sample_article, store, library_path, qtbot):
    article, claims = sample_article
    window = desk()
    claim_id = window.claims.current_claim()
    other = Store.open(library_path, reviewer="colleague")
    try:
        other.set_review(claim_id, verdict="misleading", note="Checked by a colleague")
    finally:
        other.close()
    # The watcher notices the other connection's commit within its interval.
    qtbot.waitUntil(
        lambda: window.claims.model.claim(window.claims.model.row_of(claim_id)).verdict == "misleading", timeout=10_000
    )
    assert window.review_editor.note.editor.toPlainText() == "Checked by a colleague"
    assert window.library.model.summary(window.library.model.row_of(article.id)).claims_reviewed == 1
    assert "elsewhere" in window.status_message.text()


def test_own_changes_do_not_trigger_an_external_refresh(desk, sample_article, store, qtbot):
    window = desk()
    claim_id = window.claims.current_claim()
    window.review_editor.set_verdict_by_index(1)
    assert store.get_review(claim_id).verdict == "supported"
    version = window._data_version
    window._check_external_changes()
    assert window._data_version == version
    assert "elsewhere" not in window.status_message.text()
