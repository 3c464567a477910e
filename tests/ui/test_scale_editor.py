"""The verdict scales dialog: switch scale, add, rename, recolour, reorder, remove, ClaimReview mapping."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QColorDialog, QLineEdit

from reviewer.ui.changes import ChangeHub
from reviewer.ui.review_editor import ReviewEditor
from reviewer.ui.scale_editor import ALTERNATE, LABEL, RATING, ScaleEditorDialog, VerdictTableModel

try:  # tests/ui is a package or not, depending on what else lives there
    from .test_review_editor import add_article
except ImportError:
    from test_review_editor import add_article


@pytest.fixture
def desk(qtbot, store, settings):
    hub = ChangeHub()
    claim_ids = add_article(store)
    editor = ReviewEditor(store, hub, QUndoStack(), settings)
    qtbot.addWidget(editor)
    editor.set_claim(claim_ids[0])
    stack = QUndoStack()  # as in the app: edits go through undo commands
    dialog = ScaleEditorDialog(store, hub, undo_stack=stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return SimpleNamespace(dialog=dialog, editor=editor, hub=hub, store=store, claim=claim_ids[0], stack=stack)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def select(qtbot, dialog, row: int, column: int = LABEL):
    table = dialog.table
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(dialog.model.index(row, column)).center()
    )


def edit_cell(qtbot, dialog, row: int, column: int, text: str):
    """Double-click a cell, replace its text and press Enter, as a person would."""
    table = dialog.table
    pos = table.visualRect(dialog.model.index(row, column)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop, and the dialog saves on the one after.
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    QApplication.processEvents()


def test_add_a_verdict_gets_a_key_from_its_label_and_new_buttons(qtbot, desk):
    qtbot.keyClicks(desk.dialog.new_label, "Needs context")
    with qtbot.waitSignal(desk.hub.changed):
        click(qtbot, desk.dialog.add_button)
    scale = desk.store.active_scale()
    assert scale.keys[-1] == "needs-context" and scale.verdicts[-1].label == "Needs context"
    assert desk.editor.buttons.buttons()[4].text() == "5  Needs context"
    assert desk.store.history()[0].action == "scale"


def test_rename_keeps_the_key_and_reviews_keep_their_verdict(qtbot, desk):
    desk.store.set_review(desk.claim, verdict="supported")
    with qtbot.waitSignal(desk.hub.changed):
        edit_cell(qtbot, desk.dialog, 0, LABEL, "Accurate")
    verdict = desk.store.active_scale().verdicts[0]
    assert (verdict.key, verdict.label) == ("supported", "Accurate")
    assert desk.store.get_review(desk.claim).verdict == "supported"
    assert desk.editor.buttons.button_for("supported").text() == "1  Accurate"


def test_recolour_and_reorder(qtbot, desk, monkeypatch):
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *args, **kw: QColor("#123456")))
    select(qtbot, desk.dialog, 1)
    click(qtbot, desk.dialog.color_button)
    assert desk.store.active_scale().get("disputed").color == "#123456"

    assert desk.dialog.selected_row() == 1
    click(qtbot, desk.dialog.up_button)
    assert desk.store.active_scale().keys[:2] == ("disputed", "supported")
    assert desk.dialog.selected_row() == 0
    click(qtbot, desk.dialog.down_button)
    click(qtbot, desk.dialog.down_button)
    assert desk.store.active_scale().keys == ("supported", "misleading", "disputed", "unverifiable")
    assert desk.editor.buttons.buttons()[2].text() == "3  Disputed"


def test_removing_a_verdict_in_use_shows_the_refusal(qtbot, desk):
    desk.store.set_review(desk.claim, verdict="misleading")
    select(qtbot, desk.dialog, 2)
    click(qtbot, desk.dialog.remove_button)
    assert desk.dialog.error_banner.isVisible()
    assert "Cannot remove misleading" in desk.dialog.error_banner.text()
    assert "misleading" in desk.store.active_scale().keys
    assert desk.dialog.model.rowCount() == 4

    select(qtbot, desk.dialog, 3)  # unverifiable: not used, so it goes
    click(qtbot, desk.dialog.remove_button)
    assert not desk.dialog.error_banner.isVisible()
    assert desk.store.active_scale().keys == ("supported", "disputed", "misleading")


def test_claimreview_mapping(qtbot, desk):
    edit_cell(qtbot, desk.dialog, 0, RATING, "3")
    edit_cell(qtbot, desk.dialog, 0, ALTERNATE, "Correct")
    verdict = desk.store.active_scale().verdicts[0]
    assert (verdict.rating_value, verdict.alternate_name) == (3, "Correct")
    desk.dialog.best_spin.setValue(10)
    assert desk.store.active_scale().best_rating == 10
    edit_cell(qtbot, desk.dialog, 0, RATING, "99")  # outside 1–10: refused with a reason
    assert "outside the scale's range 1–10" in desk.dialog.error_banner.text()
    assert desk.store.active_scale().verdicts[0].rating_value == 3


def test_switching_the_active_scale_re_renders_the_buttons(qtbot, desk):
    dialog = desk.dialog
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData("politifact"))
    assert dialog.model.verdict(0).label == "True" and dialog.use_button.isEnabled()
    with qtbot.waitSignal(desk.hub.changed):
        click(qtbot, dialog.use_button)
    assert desk.store.active_scale().id == "politifact"
    assert "(active)" in dialog.scale_combo.currentText()
    assert [b.text() for b in desk.editor.buttons.buttons()][:2] == ["1  True", "2  Mostly True"]


def test_new_custom_scale_from_a_copy_leaves_the_preset_alone(qtbot, desk):
    dialog = desk.dialog
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData("snopes"))
    click(qtbot, dialog.copy_button)
    copy = dialog.scale
    assert copy.id not in ("snopes",) and copy.name == "Snopes-style (copy)"
    assert copy.keys == desk.store.get_scale("snopes").keys
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Newsroom scale")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    edit_cell(qtbot, dialog, 0, LABEL, "Correct")
    assert desk.store.get_scale(copy.id).name == "Newsroom scale"
    assert desk.store.get_scale(copy.id).verdicts[0].label == "Correct"
    assert desk.store.get_scale("snopes").verdicts[0].label == "True"


def test_verdict_table_model_passes_the_model_tester(qtmodeltester, store):
    model = VerdictTableModel()
    model.set_verdicts(store.active_scale().verdicts)
    qtmodeltester.check(model)


def test_with_an_undo_stack_scale_edits_and_switches_undo(qtbot, store):
    hub, stack = ChangeHub(), QUndoStack()
    add_article(store)
    dialog = ScaleEditorDialog(store, hub, undo_stack=stack)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    edit_cell(qtbot, dialog, 0, LABEL, "Accurate")
    assert store.active_scale().verdicts[0].label == "Accurate"
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData("snopes"))
    click(qtbot, dialog.use_button)
    assert store.active_scale().id == "snopes"
    assert stack.count() == 2
    stack.undo()
    assert store.active_scale().id == "default"
    stack.undo()
    assert store.active_scale().verdicts[0].label == "Supported"
    stack.redo()
    assert store.active_scale().verdicts[0].label == "Accurate"
