"""The review editor as a fact-checker uses it: verdict buttons, number keys, confidence, undo, scales."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from reviewer.ui.changes import SCALE, ChangeHub
from reviewer.ui.review_editor import ReviewEditor
from reviewer.core.domain import ClaimDraft

TEXT = (
    "Budget row deepens\n\nThe deficit rose to 4.2% of GDP last year, the finance minister said on Monday. "
    '"We will cut taxes by 2027," she added.'
)


def add_article(store) -> list[int]:
    """An article with two claims; returns their ids."""
    doc = SimpleNamespace(
        title="Budget row",
        site="Ledger",
        url=None,
        author=None,
        published=None,
        original_format="txt",
        source_path=None,
        text=TEXT,
        blocks=(),
        language="en",
        content_hash=hashlib.sha256(TEXT.encode()).hexdigest(),
    )
    spans = []
    for sentence, speaker, kind in (
        (
            "The deficit rose to 4.2% of GDP last year, the finance minister said on Monday.",
            "the finance minister",
            "statistic",
        ),
        ('"We will cut taxes by 2027," she added.', None, "prediction"),
    ):
        start = TEXT.index(sentence)
        spans.append(
            ClaimDraft(
                start=start,
                end=start + len(sentence),
                score=0.9,
                checkworthy=True,
                speaker=speaker,
                speaker_start=None,
                speaker_end=None,
                kind=kind,
            )
        )
    article = store.add_article(doc, spans)
    return [c.id for c in store.claims_for_article(article.id)]


def make_desk(qtbot, store, settings) -> SimpleNamespace:
    """A shown ReviewEditor on the first of two claims, with its hub and undo stack."""
    hub, stack = ChangeHub(), QUndoStack()
    claim_ids = add_article(store)
    editor = ReviewEditor(store, hub, stack, settings)
    qtbot.addWidget(editor)
    editor.resize(380, 800)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_claim(claim_ids[0])
    return SimpleNamespace(editor=editor, hub=hub, stack=stack, store=store, claims=claim_ids, claim=claim_ids[0])


@pytest.fixture
def desk(qtbot, store, settings):
    return make_desk(qtbot, store, settings)


def labels(editor) -> list[str]:
    return [b.text() for b in editor.buttons.buttons()]


def test_shows_claim_with_speaker_kind_and_numbered_verdicts(desk):
    editor = desk.editor
    assert "deficit rose to 4.2%" in editor.claim_text.text()
    assert "the finance minister" in editor.claim_meta.text() and "Statistic" in editor.claim_meta.text()
    assert labels(editor) == ["1  Supported", "2  Disputed", "3  Misleading", "4  Unverifiable", "0  Unreviewed"]
    assert editor.buttons.button_for(None).isChecked()


def test_clicking_a_verdict_writes_the_row_and_the_audit(qtbot, desk):
    button = desk.editor.buttons.button_for("supported")
    with qtbot.waitSignal(desk.hub.changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    review = desk.store.get_review(desk.claims[0])
    assert review.verdict == "supported" and review.reviewer == "tester"
    entry = desk.store.history(claim_id=desk.claims[0])[0]
    assert (entry.action, entry.who, entry.after["verdict"]) == ("review", "tester", "supported")
    assert button.isChecked()
    assert desk.editor.verdict_hint.text() == "The evidence supports the claim."


def test_number_key_index_undo_and_redo(qtbot, desk):
    store, claim = desk.store, desk.claims[0]
    with qtbot.waitSignal(desk.hub.changed):
        desk.editor.set_verdict_by_index(2)
    assert store.get_review(claim).verdict == "disputed"
    assert desk.editor.buttons.button_for("disputed").isChecked()

    desk.editor.set_verdict_by_index(9)  # beyond the scale: ignored
    assert desk.stack.count() == 1

    with qtbot.waitSignal(desk.hub.changed):
        desk.stack.undo()
    assert store.get_review(claim).verdict is None
    assert desk.editor.buttons.button_for(None).isChecked()
    history = store.history(claim_id=claim)
    assert [e.after["verdict"] for e in history[:2]] == [None, "disputed"]  # the undo is audited too

    desk.stack.redo()
    assert store.get_review(claim).verdict == "disputed"
    assert len(store.history(claim_id=claim)) == 3  # redo wrote once
    desk.editor.set_verdict_by_index(0)
    assert store.get_review(claim).verdict is None


def test_confidence_is_saved_and_merges_into_one_undo_step(qtbot, desk):
    spin = desk.editor.confidence
    assert spin.text() == "Not set"
    spin.setFocus()
    with qtbot.waitSignal(desk.hub.changed):
        qtbot.keyClick(spin, Qt.Key.Key_Up)  # Not set -> 0
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert desk.store.get_review(desk.claims[0]).confidence == 2
    assert desk.stack.count() == 1
    desk.stack.undo()
    assert desk.store.get_review(desk.claims[0]).confidence is None
    assert spin.text() == "Not set"


def test_switching_claims_and_changes_to_other_claims(qtbot, desk):
    editor, store = desk.editor, desk.store
    store.set_review(desk.claims[1], verdict="misleading")
    editor.set_claim(desk.claims[1])
    assert editor.buttons.button_for("misleading").isChecked()
    assert "Prediction" in editor.claim_meta.text()
    store.set_review(desk.claims[0], verdict="supported")
    desk.hub.emit("review", claim_ids=(desk.claims[0],))  # another claim: no effect here
    assert editor.buttons.button_for("misleading").isChecked()
    editor.set_claim(None)
    assert editor.stack.currentIndex() == 0


def test_switching_the_active_scale_rebuilds_the_buttons(qtbot, desk):
    desk.store.set_active_scale("politifact")
    with qtbot.waitSignal(desk.hub.changed):
        desk.hub.emit(SCALE)
    assert labels(desk.editor)[:2] == ["1  True", "2  Mostly True"]
    assert len(desk.editor.buttons.buttons()) == 7
    desk.editor.set_verdict_by_index(6)
    assert desk.store.get_review(desk.claims[0]).verdict == "pants-on-fire"


def test_conclusion_only_scale_has_no_rating_buttons(qtbot, desk):
    desk.store.set_active_scale("conclusion")
    desk.hub.emit(SCALE)
    editor = desk.editor
    assert [b.property("verdict_key") for b in editor.buttons.buttons()] == ["reviewed", ""]
    assert editor.confidence_row.isHidden()
    assert "conclusion" in editor.note.label.text().lower()
    assert editor.tabs.tabText(0) == "Conclusion"
    editor.set_verdict_by_index(1)
    assert desk.store.get_review(desk.claims[0]).verdict == "reviewed"


def test_a_verdict_from_another_scale_is_named(qtbot, desk):
    desk.store.set_review(desk.claims[0], verdict="supported")
    desk.store.set_active_scale("snopes")
    desk.hub.emit(SCALE)
    assert "Supported" in desk.editor.verdict_hint.text() and "not the active one" in desk.editor.verdict_hint.text()
    assert not any(b.isChecked() for b in desk.editor.buttons.buttons())


def test_every_control_is_reachable_with_tab(qtbot, desk):
    editor = desk.editor
    first = editor.buttons.buttons()[0]
    first.setFocus()
    reached = []
    for _ in range(20):
        reached.append(editor.focusWidget())
        qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)
    for widget in (*editor.buttons.buttons(), editor.confidence, editor.note.editor):
        assert widget in reached, widget.accessibleName() or widget.text()


def test_next_claim_is_quick(qtbot, desk):
    # Growth, not milliseconds (the absolute figure is in tests/benchmarks/bench_desk.py): showing a
    # claim with 25x the note and evidence may cost up to ~25x, never the square of it.
    from tests.growth import assert_linear

    small, large = desk.claims
    desk.store.set_review(small, verdict="supported", note="**n** " * 8)
    desk.store.add_evidence(small, url="https://e.example/0", title="E0")
    desk.store.set_review(large, verdict="supported", note="**n** " * 200)
    for i in range(25):
        desk.store.add_evidence(large, url=f"https://e.example/{i}", title=f"E{i}")

    def show(claim_id: int) -> None:
        desk.editor.set_claim(claim_id)
        desk.editor.set_claim(None)

    assert_linear(show, small, large, size_ratio=25, what="a claim with 25x the note and evidence")
