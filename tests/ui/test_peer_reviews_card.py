"""The claim card shows colleagues' reviews of the current claim, "Reviewers disagree", the final decision (#18)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reviewer.ui.compare_view import FinalDecisionCommand
from reviewer.ui.commands import push
from tests.bundle_helpers import add_article

HOSTILE_NOTE = "<b>Ministry</b> <img src='/etc/passwd'> table 4\nsays 900 beds"


def shown(card) -> list[str]:
    return [label.text() for label in card.findChildren(QLabel) if label.isVisibleTo(card.window())]


def test_card_shows_a_colleagues_verdict_and_that_they_disagree(qtbot, desk, store):
    article_id, claims = add_article(store, "Lisbon")
    store.set_review(claims[0], verdict="supported")
    store.upsert_peer_review(
        claims[0], "alice", verdict="disputed", confidence=70, note=HOSTILE_NOTE, updated_at="2026-11-30T10:00:00+00:00"
    )
    window = desk(article_id=article_id)
    window.select_claim(claims[0])
    card = window.review_editor.peers
    assert card.isVisible()
    texts = shown(card)
    assert "alice" in texts and "Disputed · 70 %" in texts
    assert "Reviewers disagree" in texts
    note = next(label for label in card.findChildren(QLabel) if label.objectName() == "peerNote")
    assert note.textFormat() == Qt.TextFormat.PlainText  # a colleague's note is never rendered as HTML
    assert note.text() == "<b>Ministry</b> <img src='/etc/passwd'> table 4 says 900 beds"

    window.select_claim(claims[1])  # nobody else reviewed this one
    assert not card.isVisible()

    window.select_claim(claims[0])
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, "2")  # the own verdict becomes Disputed too: they agree now
    assert store.get_review(claims[0]).verdict == "disputed"
    assert card.isVisible() and "Reviewers disagree" not in shown(card)


def test_card_follows_the_final_decision_through_undo(qtbot, desk, store):
    article_id, claims = add_article(store, "Porto")
    store.set_review(claims[2], verdict="supported")
    store.upsert_peer_review(claims[2], "bob", verdict="misleading", updated_at="2026-11-30T10:00:00+00:00")
    window = desk(article_id=article_id)
    window.select_claim(claims[2])
    card = window.review_editor.peers
    assert not any(t.startswith("Misleading — by") for t in shown(card))
    stack = window._test_keep[1]
    assert push(stack, FinalDecisionCommand(store, window.hub, claims[2], "misleading", "Misleading")) is None
    assert "Final decision:" in shown(card) and "Misleading — by tester, " in " ".join(shown(card))
    window.actions["undo"].trigger()
    assert store.final_decision(claims[2]) is None
    assert "Final decision:" not in shown(card) and "bob" in shown(card)
