"""A note changed elsewhere while the person types is never overwritten without a word.

The command line (a real ``reviewer verdict --note`` process) saves a note while typing in the
desk is pending. The desk's save then finds the note is no longer what it started from: it keeps
the typing, shows their note, and asks. Each choice keeps what it says; leaving the claim
undecided keeps both.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.core.store import Store

REPO = Path(__file__).resolve().parents[2]


def _cli_note(library: Path, claim_id: int, note: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer.cli",
            "verdict",
            str(claim_id),
            "disputed",
            "--note",
            note,
            "--reviewer",
            "cli",
            "--db",
            str(library),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _type_while_cli_saves(qtbot, window, library, claim_id):
    note = window.review_editor.note
    window.review_editor.focus_note()
    note._save_timer.stop()
    qtbot.keyClicks(note.editor, "My check of the ONS table.")
    note._save_timer.stop()  # the typing is pending, not saved yet
    _cli_note(library, claim_id, "The editor's note from the shell.")
    note.flush()  # the debounce fires (or the person leaves the note)
    return note


def _note(library, claim_id) -> str:
    with Store.open(library, create=False) as other:
        return other.get_review(claim_id).note


@pytest.fixture
def conflict(desk, sample_article, library_path, qtbot):
    window = desk()
    claim_id = window.claims.current_claim()
    note = _type_while_cli_saves(qtbot, window, library_path, claim_id)
    return window, note, claim_id


def test_their_note_is_kept_and_shown_and_the_typing_stays(conflict, library_path):
    window, note, claim_id = conflict
    assert _note(library_path, claim_id) == "The editor's note from the shell."
    assert note.in_conflict() and note.conflict.isVisible()
    assert note.conflict.theirs.toPlainText() == "The editor's note from the shell."
    assert "by cli" in note.conflict.message.text()
    assert note.editor.toPlainText() == "My check of the ONS table."
    note.flush()  # more saves while undecided write nothing
    assert _note(library_path, claim_id) == "The editor's note from the shell."
    assert "changed elsewhere" in window.status_message.text()


def test_keep_both_saves_mine_then_theirs(conflict, library_path, qtbot):
    _window, note, claim_id = conflict
    qtbot.mouseClick(note.conflict.keep_both, Qt.MouseButton.LeftButton)
    saved = _note(library_path, claim_id)
    assert saved.startswith("My check of the ONS table.")
    assert "Changed elsewhere by cli" in saved and saved.rstrip().endswith("The editor's note from the shell.")
    assert not note.in_conflict() and not note.conflict.isVisible()


def test_keep_mine_replaces_theirs_knowingly(conflict, library_path, qtbot):
    _window, note, claim_id = conflict
    qtbot.mouseClick(note.conflict.keep_mine, Qt.MouseButton.LeftButton)
    assert _note(library_path, claim_id) == "My check of the ONS table."


def test_take_theirs_puts_my_text_on_the_clipboard(conflict, library_path, qtbot):
    _window, note, claim_id = conflict
    qtbot.mouseClick(note.conflict.take_theirs, Qt.MouseButton.LeftButton)
    assert _note(library_path, claim_id) == "The editor's note from the shell."
    assert note.editor.toPlainText() == "The editor's note from the shell."
    assert QApplication.clipboard().text() == "My check of the ONS table."


def test_leaving_the_claim_undecided_keeps_both(conflict, library_path, qtbot):
    window, note, claim_id = conflict
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_Down)
    assert window.claims.current_claim() != claim_id
    saved = _note(library_path, claim_id)
    assert "My check of the ONS table." in saved and "The editor's note from the shell." in saved
