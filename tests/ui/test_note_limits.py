"""A note's size limit in the editor, and a preview rendered off the UI thread (issue #12 item 2)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from reviewer.core.markdown_render import MAX_NOTE_CHARS
from reviewer.ui import note_editor

try:  # tests/ui is a package or not, depending on what else lives there
    from .test_review_editor import make_desk
except ImportError:
    from test_review_editor import make_desk


@pytest.fixture
def desk(qtbot, store, settings):
    desk = make_desk(qtbot, store, settings)
    desk.editor.set_claim(desk.claim)
    return desk


def _load_note(desk, text: str) -> None:
    desk.store.set_review(desk.claim, note=text)
    desk.editor.set_claim(desk.claims[1])
    desk.editor.set_claim(desk.claim)


def _type_at_end(qtbot, desk, text: str) -> None:
    desk.editor.focus_note()
    qtbot.keyClick(desk.note_widget.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(desk.note_widget.editor, text)


@pytest.fixture(autouse=True)
def _note_widget(desk):
    desk.note_widget = desk.editor.note


def test_the_count_shows_near_the_limit_and_typing_past_it_is_refused(qtbot, desk):
    note = desk.note_widget
    _load_note(desk, "x" * (MAX_NOTE_CHARS // 2))
    assert not note.limit_label.isVisible()  # far from the limit: no counter
    _load_note(desk, "x" * (MAX_NOTE_CHARS - 3))
    assert note.limit_label.isVisible()
    assert f"{MAX_NOTE_CHARS - 3:,} of {MAX_NOTE_CHARS:,} characters" in note.limit_label.text()

    _type_at_end(qtbot, desk, "abcdef")
    assert note.editor.toPlainText() == "x" * (MAX_NOTE_CHARS - 3) + "abc"  # "def" was refused
    assert (
        "at most 100,000 characters" in note.limit_label.text()
        and "typing past the limit is refused" in note.limit_label.text()
    )
    desk.editor.confidence.setFocus()  # leaving saves
    assert desk.store.get_review(desk.claim).note == "x" * (MAX_NOTE_CHARS - 3) + "abc"

    qtbot.keyClick(note.editor, Qt.Key.Key_Backspace)  # shorter again: the count, not the refusal
    assert note.limit_label.text() == f"{MAX_NOTE_CHARS - 1:,} of {MAX_NOTE_CHARS:,} characters"


def test_a_paste_over_the_limit_is_cut_with_a_message(qtbot, desk):
    note = desk.note_widget
    _load_note(desk, "Checked.")
    desk.editor.focus_note()
    qtbot.keyClick(note.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    # Astral characters: Qt counts them twice, the limit once. setText, not a QMimeData made here:
    # the clipboard would own a Python-made object and free it at exit (a crash).
    QApplication.clipboard().setText("é🙂" * MAX_NOTE_CHARS)
    qtbot.keyClick(note.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    text = note.editor.toPlainText()
    assert len(text) == MAX_NOTE_CHARS and text.startswith("Checked.é🙂é🙂")
    assert note.limit_label.isVisible()
    refused = 2 * MAX_NOTE_CHARS - (MAX_NOTE_CHARS - 8)
    assert f"the last {refused:,} characters pasted or dropped were not added" in note.limit_label.text()
    desk.editor.confidence.setFocus()
    assert desk.store.get_review(desk.claim).note == text


def test_a_note_already_over_the_limit_is_not_cut_and_not_saved_until_shortened(qtbot, desk):
    note = desk.note_widget
    old = "y" * (MAX_NOTE_CHARS + 10)  # written before the limit existed (the store now refuses it)
    desk.store.set_review(desk.claim, note="short")
    note.set_claim(desk.claim, old)
    assert note.editor.toPlainText() == old
    assert "not saved" in note.limit_label.text()
    _type_at_end(qtbot, desk, "z")
    assert note.editor.toPlainText() == old  # growth refused, nothing of the old text lost
    qtbot.keyClick(note.editor, Qt.Key.Key_Backspace)
    note.flush()
    assert desk.store.get_review(desk.claim).note == "short"  # still over: not saved
    assert "Shorten it by 9 characters" in note.limit_label.text()


def test_the_preview_follows_typing(qtbot, desk):
    _type_at_end(qtbot, desk, "Checked **ONS**")
    qtbot.waitUntil(lambda: "<strong>ONS</strong>" in desk.note_widget.preview_html, timeout=5000)
    assert "ONS" in desk.note_widget.preview.toPlainText()


def test_the_preview_renders_off_the_ui_thread_and_drops_stale_results(qtbot, desk, monkeypatch):
    note = desk.note_widget
    release = threading.Event()
    rendered_on = []

    def slow_render(text: str) -> str:
        rendered_on.append(threading.current_thread())
        if text == "old text":
            release.wait(10)  # a huge note still rendering
        return f"<p>{text}</p>"

    monkeypatch.setattr(note_editor, "render_markdown", slow_render)
    note.editor.setPlainText("old text")
    note.update_preview()
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the event loop runs meanwhile
    timer.stop()
    _type_at_end(qtbot, desk, " new")  # typing is not blocked either
    assert note.editor.toPlainText() == "old text new"
    note.update_preview()
    release.set()
    qtbot.waitUntil(lambda: note.preview_html == "<p>old text new</p>", timeout=5000)
    note.wait_for_preview()
    qtbot.wait(50)
    assert note.preview_html == "<p>old text new</p>"  # the old result never replaced the new one
    assert "old text new" in note.preview.toPlainText()
    assert all(thread is not threading.main_thread() for thread in rendered_on)


def test_a_stale_result_is_dropped_even_when_it_arrives_last(qtbot, desk):
    note = desk.note_widget
    note.editor.setPlainText("first")
    note.update_preview()
    generation = note._render_generation
    note.wait_for_preview()
    qtbot.waitUntil(lambda: note.preview_html == "<p>first</p>", timeout=5000)
    note.editor.setPlainText("second")
    note.update_preview()
    qtbot.waitUntil(lambda: "second" in note.preview_html, timeout=5000)
    note._show_preview(generation, "<p>first</p>")  # a late result for the older text
    assert "second" in note.preview_html and "second" in note.preview.toPlainText()


def test_a_hostile_note_renders_on_the_desk(qtbot, desk):
    note = desk.note_widget
    _load_note(desk, "[a](" * (MAX_NOTE_CHARS // 4))
    qtbot.waitUntil(lambda: note.preview_html.startswith("<p>[a]("), timeout=60000)
