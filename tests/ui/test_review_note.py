"""Typing a note: live preview, saved as you type and on leaving, one undo step, nothing unsafe in the preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument


try:  # tests/ui is a package or not, depending on what else lives there
    from .test_review_editor import make_desk
except ImportError:
    from test_review_editor import make_desk


@pytest.fixture
def desk(qtbot, store, settings):
    desk = make_desk(qtbot, store, settings)
    store.set_review(desk.claim, note="Earlier note.")
    desk.editor.set_claim(desk.claim)
    return desk


def type_at_end(qtbot, editor, text: str) -> None:
    editor.focus_note()
    qtbot.keyClick(editor.note.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.note.editor, text)


def test_typing_renders_the_preview_and_saves_after_the_debounce(qtbot, desk):
    editor, store, claim = desk.editor, desk.store, desk.claims[0]
    assert editor.note.editor.toPlainText() == "Earlier note."
    type_at_end(qtbot, editor, " Checked **ONS** data.")
    qtbot.waitUntil(lambda: "<strong>ONS</strong>" in editor.note.preview_html, timeout=30_000)
    assert "ONS" in editor.note.preview.toPlainText() and "**" not in editor.note.preview.toPlainText()
    assert store.get_review(claim).note == "Earlier note."  # not yet: the debounce is still running
    with qtbot.waitSignal(desk.hub.changed, timeout=30_000):
        pass  # the debounced save announces itself
    assert store.get_review(claim).note == "Earlier note. Checked **ONS** data."
    assert len(store.history(claim_id=claim)) == 2  # the fixture's note and one save: no double write

    type_at_end(qtbot, editor, " More.")
    editor.confidence.setFocus()  # leaving the note saves at once
    assert store.get_review(claim).note == "Earlier note. Checked **ONS** data. More."
    assert desk.stack.count() == 1  # all the typing is one step

    desk.stack.undo()
    assert store.get_review(claim).note == "Earlier note."
    assert editor.note.editor.toPlainText() == "Earlier note."
    desk.stack.redo()
    assert store.get_review(claim).note == "Earlier note. Checked **ONS** data. More."


def test_switching_claims_saves_the_note_at_once(qtbot, desk):
    type_at_end(qtbot, desk.editor, " Unsaved words")
    desk.editor.set_claim(desk.claims[1])
    assert desk.store.get_review(desk.claims[0]).note == "Earlier note. Unsaved words"
    assert desk.editor.note.editor.toPlainText() == ""


def test_ctrl_z_in_the_note_undoes_the_typing_as_one_step(qtbot, desk):
    desk.editor.set_verdict_by_index(1)
    type_at_end(qtbot, desk.editor, " abc")
    qtbot.keyClick(desk.editor.note.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.store.get_review(desk.claims[0]).note == "Earlier note."
    assert desk.editor.note.editor.toPlainText() == "Earlier note."
    assert desk.store.get_review(desk.claims[0]).verdict == "supported"  # only the typing was undone


def test_a_verdict_click_while_typing_keeps_the_typing_and_orders_undo(qtbot, desk):
    type_at_end(qtbot, desk.editor, " typed")
    qtbot.mouseClick(desk.editor.buttons.button_for("disputed"), Qt.MouseButton.LeftButton)
    review = desk.store.get_review(desk.claims[0])
    assert (review.verdict, review.note) == ("disputed", "Earlier note. typed")
    desk.stack.undo()
    assert desk.store.get_review(desk.claims[0]).note == "Earlier note. typed"
    desk.stack.undo()
    assert desk.store.get_review(desk.claims[0]).note == "Earlier note."


def test_hostile_markdown_never_reaches_the_preview(qtbot, desk):
    editor = desk.editor
    editor.focus_note()
    editor.note.editor.selectAll()
    qtbot.keyClicks(
        editor.note.editor,
        '<script>alert(1)</script> [click](javascript:alert(1)) <img src="http://evil.example/x.png">'
        ' <a href="javascript:alert(2)" onclick="x()">a</a>',
    )
    editor.note.update_preview()
    qtbot.waitUntil(lambda: "click" in editor.note.preview_html, timeout=30_000)  # rendered on a worker
    shown = editor.note.preview.toHtml().lower()
    for html in (editor.note.preview_html.lower(), shown):
        assert "<script" not in html and "javascript:" not in html
        assert "evil.example" not in html and "onclick" not in html
    preview = editor.note.preview
    assert not preview.openLinks() and not preview.openExternalLinks()
    resource = preview.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("http://evil.example/x.png"))
    assert resource is None


def test_closing_the_window_saves_pending_typing(qtbot, desk):
    type_at_end(qtbot, desk.editor, " last words")
    desk.editor.close()
    assert desk.store.get_review(desk.claim).note == "Earlier note. last words"
