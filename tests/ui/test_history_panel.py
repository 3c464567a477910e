"""A claim's history: who changed what, when; Revert puts back an earlier verdict, undoably."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewer.ui.history_panel import HistoryModel

try:  # tests/ui is a package or not, depending on what else lives there
    from .test_review_editor import add_article, make_desk
except ImportError:
    from test_review_editor import add_article, make_desk


@pytest.fixture
def desk(qtbot, store, settings):
    desk = make_desk(qtbot, store, settings)
    desk.editor.tabs.setCurrentWidget(desk.editor.history)
    desk.panel = desk.editor.history
    return desk


def rows(panel) -> list[str]:
    return [panel.model.index(r).data() for r in range(panel.model.rowCount())]


def test_history_lists_changes_and_revert_restores_an_earlier_verdict(qtbot, desk):
    editor, panel, store = desk.editor, desk.panel, desk.store
    assert rows(panel) == [] and panel.hint.text() == "No changes yet."
    editor.set_verdict_by_index(1)  # supported
    editor.set_verdict_by_index(3)  # misleading
    lines = rows(panel)
    assert lines[0].startswith("verdict Supported → Misleading\ntester · ")
    assert lines[1].startswith("verdict unreviewed → Supported")
    assert not panel.revert_button.isEnabled()

    view = panel.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0)).center())
    assert panel.revert_button.isEnabled()
    with qtbot.waitSignal(desk.hub.changed):
        qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)
    assert store.get_review(desk.claim).verdict == "supported"
    assert editor.buttons.button_for("supported").isChecked()
    assert rows(panel)[0].startswith("verdict Misleading → Supported")  # the revert is history too

    desk.stack.undo()  # undo the revert
    assert store.get_review(desk.claim).verdict == "misleading"
    desk.stack.redo()
    assert store.get_review(desk.claim).verdict == "supported"


def test_reverting_an_evidence_removal_brings_it_back(qtbot, desk):
    evidence = desk.store.add_evidence(desk.claim, url="https://a.example", title="A")
    desk.store.remove_evidence(evidence.id)
    desk.hub.emit("evidence", claim_ids=(desk.claim,))
    assert rows(desk.panel)[0].startswith("evidence removed")
    desk.panel.view.setCurrentIndex(desk.panel.model.index(0))
    qtbot.mouseClick(desk.panel.revert_button, Qt.MouseButton.LeftButton)
    assert desk.store.list_evidence(desk.claim) == [evidence]
    assert desk.editor.evidence.model.rowCount() == 1


def test_history_model_passes_the_model_tester(qtmodeltester, store):
    claim = add_article(store)[0]
    store.set_review(claim, verdict="supported", note="n")
    model = HistoryModel()
    model.set_entries(store.history(claim_id=claim))
    qtmodeltester.check(model)
