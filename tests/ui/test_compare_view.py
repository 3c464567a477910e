"""View ▸ Compare Reviews: the claims where reviewers disagree, a final decision with one key, undo, and
the report that carries it (#18)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.bundles.export import export_bundle
from reviewer.core.bundles.merge import merge_bundle
from reviewer.core.export import export_report
from reviewer.core.reports.model import ReportOptions
from reviewer.core.store import Store
from reviewer.ui.compare_view import CompareDialog
from tests.bundle_helpers import add_article


def two_reviewers(store, tmp_path):
    """This library (tester) and alice's, who reviewed the same article; alice's bundle merged in.
    They disagree on claims 0 and 2 and agree on claim 1. Returns (article id, claim ids)."""
    article_id, claims = add_article(store, "Lisbon")
    for claim_id, verdict in zip(claims, ("supported", "disputed", "supported")):
        store.set_review(claim_id, verdict=verdict)
    with Store.open(tmp_path / "alice.sqlite", reviewer="alice") as alice:
        alice.adopt_reviewer_name("alice")
        _, theirs = add_article(alice, "Lisbon")
        for claim_id, verdict in zip(theirs, ("disputed", "disputed", "misleading")):
            alice.set_review(claim_id, verdict=verdict, note="<i>see</i> the <b>registry</b>")
        export_bundle(alice, tmp_path / "alice.rvbundle")
    merge_bundle(store, tmp_path / "alice.rvbundle")
    return article_id, claims


def open_compare(qtbot, window) -> CompareDialog:
    window.actions["compare_reviews"].trigger()
    dialog = window.findChild(CompareDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=30_000)
    return dialog


def cell(dialog, row: int, column: int) -> str:
    return dialog.view.model().index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_compare_lists_disagreements_and_one_key_records_the_final_decision(qtbot, desk, store, tmp_path):
    article_id, claims = two_reviewers(store, tmp_path)
    window = desk(article_id=article_id)
    assert window.actions["compare_reviews"] in window.menus["view"].actions()
    dialog = open_compare(qtbot, window)
    model = dialog.model
    assert model.columns() == ["Claim", "Article", "tester", "alice", "Final decision"]
    assert [r.claim_id for r in model.rows] == [claims[0], claims[2]]
    assert [cell(dialog, 0, c) for c in (1, 2, 3, 4)] == ["Report on Lisbon", "Supported", "Disputed", "—"]
    figures = dialog.agreement.text()
    # S D S against D D M: Po 1/3, Pe 2/9, kappa (1/3 - 2/9) / (7/9) = 1/7
    assert figures.splitlines() == [
        "Report on Lisbon — alice, tester on 3 claims: 33.3% agree, kappa 0.143, alpha 0.091",
        "Whole library — alice, tester on 3 claims: 33.3% agree, kappa 0.143, alpha 0.091",
    ]

    stack = window._test_keep[1]
    dialog.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(dialog.view, "2")  # the desk's key for the second verdict: Disputed
    decision = store.final_decision(claims[0])
    assert decision is not None and decision.verdict == "disputed" and decision.decided_by == "tester"
    assert store.history(claim_id=claims[0])[0].action == "final_decision"  # audited
    assert stack.count() == 1 and stack.undoText() == "Final decision “Disputed”"
    assert cell(dialog, 0, 4) == "Disputed"
    assert dialog.current_claim() == claims[2]  # on to the next claim without a decision

    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo, from the dialog
    assert store.final_decision(claims[0]) is None and cell(dialog, 0, 4) == "—"
    window.actions["redo"].trigger()
    assert store.final_decision(claims[0]).verdict == "disputed"

    dialog.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(dialog.view, "0")  # clears it, one more undo step
    assert store.final_decision(claims[0]) is None and stack.count() == 2
    window.actions["undo"].trigger()
    assert store.final_decision(claims[0]).verdict == "disputed"


def test_keys_follow_the_persons_shortcuts_and_return_opens_the_claim(qtbot, desk, store, settings, tmp_path):
    article_id, claims = two_reviewers(store, tmp_path)
    settings.set_shortcut_overrides({"verdict_3": "M"})
    window = desk(article_id=article_id)
    window.select_claim(claims[1])
    dialog = open_compare(qtbot, window)
    dialog.view.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.keyClick(dialog.view, "3")  # no longer a verdict key
    assert store.final_decision(claims[2]) is None
    qtbot.keyClick(dialog.view, "m")
    assert store.final_decision(claims[2]).verdict == "misleading"
    assert "M Misleading" in dialog.hint.text()

    dialog.view.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert window.current_claim() == claims[2] and window.review_editor.claim_id == claims[2]
    assert "Final decision:" in [w.text() for w in window.review_editor.peers.findChildren(type(dialog.hint))]


def test_open_article_scope_and_a_library_without_colleagues(qtbot, desk, store, tmp_path):
    other_id, _ = add_article(store, "Faro")
    article_id, claims = two_reviewers(store, tmp_path)
    window = desk(article_id=other_id)
    dialog = open_compare(qtbot, window)
    assert len(dialog.model.rows) == 2
    dialog.scope.setCurrentIndex(1)  # the open article, Faro: nobody disagrees there
    assert dialog.model.rows == [] and "agree on every claim" in dialog.hint.text()
    qtbot.keyClick(dialog.view, "1")  # nothing selected: nothing happens
    assert window._test_keep[1].count() == 0


def test_report_carries_the_final_decision_and_the_agreement(qtbot, desk, store, tmp_path):
    article_id, claims = two_reviewers(store, tmp_path)
    window = desk(article_id=article_id)
    dialog = open_compare(qtbot, window)
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.view, "2")
    out = tmp_path / "report.md"
    export_report(store, "md", out, ReportOptions())
    text = out.read_text(encoding="utf-8")
    assert "## Agreement between reviewers" in text
    assert "Final decision" in text and "by tester" in text
    assert "Reviewers disagree" in text


def test_with_many_articles_the_header_shows_the_selected_claims_article(qtbot, desk, store):
    found = []
    for tag in ("Braga", "Evora", "Faro", "Lagos", "Sintra"):
        article_id, claims = add_article(store, tag, 2)
        store.set_review(claims[1], verdict="supported")
        store.upsert_peer_review(claims[1], "alice", verdict="disputed", updated_at="2026-11-30T10:00:00+00:00")
        found.append(claims[1])
    window = desk(article_id=article_id)
    dialog = open_compare(qtbot, window)
    assert [r.claim_id for r in dialog.model.rows] == found
    lines = dialog.agreement.text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("Report on Braga — alice, tester on 1 claim: 0.0% agree")
    assert lines[1] == "(5 articles with disagreements; the selected claim's article is shown)"
    assert lines[2].startswith("Whole library — alice, tester on 5 claims")
    qtbot.keyClick(dialog.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert dialog.agreement.text().splitlines()[0].startswith("Report on Sintra — ")


def test_a_claim_deleted_elsewhere_is_refused_with_a_message(qtbot, desk, store, library_path, tmp_path):
    import sqlite3

    article_id, claims = two_reviewers(store, tmp_path)
    window = desk(article_id=article_id)
    window._watch_timer.stop()  # the command line deletes it; the window has not looked yet
    dialog = open_compare(qtbot, window)
    conn = sqlite3.connect(library_path)
    with conn:
        for table in ("final_decisions", "peer_reviews", "reviews", "evidence"):
            conn.execute(f"DELETE FROM {table} WHERE claim_id = ?", (claims[0],))
        conn.execute("DELETE FROM claims WHERE id = ?", (claims[0],))
    conn.close()
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.view, "1")
    assert dialog.status.isVisibleTo(dialog) and "There is no claim" in dialog.status.text()
    assert window._test_keep[1].count() == 0
    assert sqlite3.connect(library_path).execute("SELECT COUNT(*) FROM final_decisions").fetchone()[0] == 0
