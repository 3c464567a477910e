"""Backups from the desk: File ▸ Backups… over the open window, copies on a worker, the library reopened.

A person opens the dialog from the menu action, clicks "Back up now" or chooses a backup and
confirms "Restore"; the tests wait for the signals and then read the real SQLite file.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reviewer.core.backup import backups_dir, list_backups, take_backup
from reviewer.core.store import Store
from reviewer.ui import backups_dialog
from reviewer.ui.backups_dialog import BackupsDialog
from tests.ui.conftest import SAMPLE_BLOCKS, build_article


def _note(path, claim_id: int) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT note FROM reviews WHERE claim_id = ?", (claim_id,)).fetchone()[0]
    finally:
        conn.close()


def _open_backups(window, qtbot) -> BackupsDialog:
    window.actions["backups"].trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _confirm_restore(dialog: BackupsDialog, qtbot, row: int = 0) -> None:
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)


@pytest.fixture
def reviewed(store, library_path):
    """An article whose first claim has the note "in the backup", backed up, then changed."""
    article, claims = build_article(store, "Hospital beds", SAMPLE_BLOCKS)
    claim_id = claims[0].id
    store.set_review(claim_id, verdict="supported", note="in the backup")
    backup = take_backup(store.conn, library_path, "manual")
    store.set_review(claim_id, verdict="disputed", note="after the backup")
    return article, claim_id, backup


def _gate_restore(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Hold the restore copy until the test releases it: (copy started, release)."""
    real_restore = backups_dialog.restore_backup
    in_restore, release_restore = threading.Event(), threading.Event()

    def gated_restore(source, library):
        in_restore.set()
        release_restore.wait(10)
        return real_restore(source, library)

    monkeypatch.setattr(backups_dialog, "restore_backup", gated_restore)
    return in_restore, release_restore


def test_back_up_now_from_the_desk(desk, reviewed, library_path, qtbot):
    window = desk()
    dialog = _open_backups(window, qtbot)
    assert dialog.isModal() and dialog.parent() is window
    assert dialog.model.rowCount() == 1
    with qtbot.waitSignal(window.tasks.idle, timeout=10000):
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        assert not dialog.backup_button.isEnabled() and not dialog.close_button.isEnabled()
    assert dialog.model.rowCount() == 2 and "Backed up to" in dialog.message.text()
    newest = list_backups(library_path)[0].path
    assert _note(newest, reviewed[1]) == "after the backup"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window._watch_timer.isActive()  # only a restore pauses the window


def test_restore_waits_for_jobs_to_finish_then_pauses_the_window(
    desk, reviewed, store, library_path, qtbot, monkeypatch
):
    _article, claim_id, _backup = reviewed
    window = desk()
    # A job still writing when the person confirms (what an import does with its own Store).
    release_writer = threading.Event()
    delivered = []

    def writer(ctx):
        release_writer.wait(10)
        with Store.open(library_path, reviewer="importer", create=False) as own:
            own.set_review(claim_id, verdict="disputed", note="written by a late job")
        return "late"

    window.tasks.run("import", writer, on_done=delivered.append, on_error=lambda e, tb: delivered.append(e))
    # The copy itself, held until the test has looked at the dialog while it runs.
    in_restore, release_restore = _gate_restore(monkeypatch)

    dialog = _open_backups(window, qtbot)
    _confirm_restore(dialog, qtbot)
    assert "Waiting for other work" in dialog.message.text() and "import" in dialog.message.text()
    assert window._watch_timer.isActive()  # nothing is paused or stopped while the job finishes

    with qtbot.waitSignal(dialog.restore_starting, timeout=10000):
        assert not in_restore.is_set()  # the writer still runs: the copy must not start under it
        release_writer.set()
    assert delivered == ["late"]  # the job's result reached the window before the copy started
    assert not window._watch_timer.isActive()
    qtbot.waitUntil(in_restore.is_set, timeout=10000)
    # The copy runs on a worker: the dialog still answers, shows it is busy, and will not close.
    qtbot.waitUntil(dialog.busy_bar.isVisible, timeout=30_000)
    assert not dialog.close_button.isEnabled() and not dialog.restore_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()

    with qtbot.waitSignal(window.backup_restored, timeout=10000) as blocker:
        release_restore.set()
    assert blocker.args == [library_path]
    assert _note(library_path, claim_id) == "in the backup"
    # The job's write was not lost: it landed before the restore and is in the before-restore backup.
    before = [b for b in list_backups(library_path) if b.reason == "before-restore"]
    assert len(before) == 1 and _note(before[0].path, claim_id) == "written by a late job"
    assert not window._watch_timer.isActive()  # the window waits to be replaced


def test_a_failed_restore_loses_no_other_work(desk, reviewed, library_path, qtbot, monkeypatch):
    """A re-extraction running when the person confirms a restore that then fails: its claims arrive
    as an undoable step and the status bar reports them, instead of "Extracting claims…" forever."""
    from reviewer.core import ingest

    article, _claim_id, _backup = reviewed
    window = desk(article_id=article.id)
    real_extract = ingest.extract_for_store
    release = threading.Event()

    def slow_extract(text):
        release.wait(10)
        return real_extract(text)

    monkeypatch.setattr(ingest, "extract_for_store", slow_extract)
    window.actions["reextract"].trigger()
    assert window.status_message.text() == "Extracting claims…"
    damaged = backups_dir(library_path) / "20990101T000000000000Z_manual.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    dialog = _open_backups(window, qtbot)
    _confirm_restore(dialog, qtbot)
    assert "Waiting for other work" in dialog.message.text()

    with qtbot.waitSignal(dialog.restore_failed, timeout=10000):
        release.set()
    assert damaged.name in dialog.message.text()
    assert window.undo_stack.count() == 1  # the re-extraction's result was applied, not dropped
    assert window.status_message.text().startswith("Claims extracted again")
    assert window._watch_timer.isActive()


def test_a_failed_restore_is_explained_and_the_window_carries_on(desk, reviewed, library_path, qtbot):
    _article, claim_id, _backup = reviewed
    window = desk()
    damaged = backups_dir(library_path) / "20990101T000000000000Z_manual.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    dialog = _open_backups(window, qtbot)
    assert dialog.model.backup_at(0).path == damaged
    with qtbot.waitSignal(dialog.restore_failed, timeout=10000) as blocker:
        _confirm_restore(dialog, qtbot)
    assert blocker.args[0] == dialog.message.text() and damaged.name in blocker.args[0]
    assert dialog.isVisible() and dialog.close_button.isEnabled() and dialog.restore_button.isEnabled()
    assert window._watch_timer.isActive()
    assert _note(library_path, claim_id) == "after the backup"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def _gated_writer(window, library_path, claim_id):
    """Start a job that writes a note once released, as an import would; returns the release event."""
    release = threading.Event()

    def writer(ctx):
        release.wait(10)
        with Store.open(library_path, reviewer="importer", create=False) as own:
            own.set_review(claim_id, verdict="disputed", note="written by a late job")
        return "late"

    window.tasks.run("import", writer)
    return release


def _restores(library_path) -> int:
    return sum(1 for b in list_backups(library_path) if b.reason == "before-restore")


def test_closing_the_window_cancels_a_restore_still_waiting(desk, reviewed, library_path, qtbot):
    """What the app controller does on quit or switch (window.close(), tasks.shutdown()) while the
    restore waits for an import: the import's last signals must not start the copy afterwards."""
    _article, claim_id, _backup = reviewed
    window = desk()
    restored = []
    window.backup_restored.connect(restored.append)
    release = _gated_writer(window, library_path, claim_id)
    dialog = _open_backups(window, qtbot)
    _confirm_restore(dialog, qtbot)
    assert "Waiting for other work" in dialog.message.text()

    assert window.close()
    release.set()
    assert window.tasks.shutdown()
    qtbot.wait(300)  # the ended import's queued signals (and the manager's idle) are delivered now
    assert window.tasks.wait(10000) and not window.tasks.jobs
    assert _note(library_path, claim_id) == "written by a late job"  # not replaced by the backup
    assert _restores(library_path) == 0 and restored == []
    assert not window.isVisible() and not (shiboken6.isValid(dialog) and dialog.isVisible())


def test_a_waiting_restore_is_cancelled_by_closing_or_deleting_its_dialog(desk, reviewed, library_path, qtbot):
    _article, claim_id, _backup = reviewed
    window = desk()
    release = _gated_writer(window, library_path, claim_id)
    dialog = _open_backups(window, qtbot)
    _confirm_restore(dialog, qtbot)
    assert "Close cancels it" in dialog.message.text()
    assert dialog.close_button.isEnabled() and not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not dialog.restore_pending()
    with qtbot.waitSignal(window.tasks.idle, timeout=10000):
        release.set()
    qtbot.wait(100)
    assert _note(library_path, claim_id) == "written by a late job" and _restores(library_path) == 0
    assert window._watch_timer.isActive() and window.isVisible()

    # A dialog deleted without closing (as with its window) takes its waiting restore along.
    release = _gated_writer(window, library_path, claim_id)
    dialog = _open_backups(window, qtbot)
    _confirm_restore(dialog, qtbot)
    assert "Waiting for other work" in dialog.message.text()
    shiboken6.delete(dialog)
    with qtbot.waitSignal(window.tasks.idle, timeout=10000):
        release.set()
    qtbot.wait(100)
    assert _restores(library_path) == 0


def test_the_window_stays_open_while_a_restore_is_copied(desk, reviewed, library_path, qtbot, monkeypatch):
    _article, claim_id, _backup = reviewed
    window = desk()
    in_restore, release_restore = _gate_restore(monkeypatch)
    dialog = _open_backups(window, qtbot)
    _confirm_restore(dialog, qtbot)
    qtbot.waitUntil(in_restore.is_set, timeout=30_000)

    assert not window.close()  # the title bar's close, Quit, or the app closing all windows
    assert window.isVisible() and dialog.isVisible()
    assert "restore is being copied" in window.status_message.text()
    with qtbot.waitSignal(window.backup_restored, timeout=10000):
        release_restore.set()
    assert _note(library_path, claim_id) == "in the backup"
    assert window.close()  # the copy ended: the window closes (the app would reopen the library)


def test_a_restore_blocked_by_another_program_ends_and_the_window_can_close(
    desk, reviewed, library_path, qtbot, monkeypatch
):
    """Another program holds the library's write lock (an import in a terminal): the copy gives up after
    the deadline instead of waiting for ever, the dialog says why, and the window closes normally."""
    from reviewer.core import backup

    _article, claim_id, _backup = reviewed
    monkeypatch.setattr(backup, "BUSY_DEADLINE_S", 0.5)
    monkeypatch.setattr(backup, "_BUSY_TIMEOUT_S", 0.2)
    window = desk()
    other = sqlite3.connect(library_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        dialog = _open_backups(window, qtbot)
        with qtbot.waitSignal(dialog.restore_failed, timeout=10000) as blocker:
            _confirm_restore(dialog, qtbot)
        message = blocker.args[0]
        assert message == dialog.message.text()
        assert "in use by another program" in message and "nothing was restored" in message
        assert not dialog.is_busy() and dialog.close_button.isEnabled() and dialog.restore_button.isEnabled()
        assert window._watch_timer.isActive()
        other.rollback()
    finally:
        other.close()
    assert _note(library_path, claim_id) == "after the backup"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.close()


def test_restore_from_the_app_reopens_the_library(qapp, qtbot, settings, library_path, monkeypatch):
    from reviewer.app import DeskController

    with Store.open(library_path, reviewer="tester") as store:
        article, claims = build_article(store, "Hospital beds", SAMPLE_BLOCKS)
        claim_id = claims[0].id
        store.set_review(claim_id, verdict="supported", note="in the backup")
        take_backup(store.conn, library_path, "manual")
        store.set_review(claim_id, verdict="disputed", note="after the backup")
    monkeypatch.setattr(DeskController, "apply_theme", lambda self, theme: None)  # leave the test app's style
    controller = DeskController(qapp, settings, interactive=False)
    try:
        assert controller.start(str(library_path), article.id)
        window = controller.window
        window.select_claim(claim_id)
        assert window.review_editor.note.editor.toPlainText() == "after the backup"
        window.review_editor.set_verdict_by_index(1)
        assert window.undo_stack.count() == 1
        again = _restore_manual_backup_and_reopen(controller, window, qtbot)
        assert again.undo_stack.count() == 0  # the old steps named rows the restore replaced
        again.open_article(article.id, claim_id)
        assert again.review_editor.note.editor.toPlainText() == "in the backup"
        assert _note(library_path, claim_id) == "in the backup"
    finally:
        controller.shutdown()


def _restore_manual_backup_and_reopen(controller, window, qtbot):
    """Restore the manual backup from the window's dialog; return the window the app reopens."""
    dialog = _open_backups(window, qtbot)
    manual = next(r for r in range(dialog.model.rowCount()) if dialog.model.backup_at(r).reason == "manual")
    with qtbot.waitSignal(window.backup_restored, timeout=10000):
        _confirm_restore(dialog, qtbot, manual)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window is not window, timeout=30_000)
    return controller.window


def test_after_a_restore_the_new_window_opens_the_restored_library_without_an_error(
    qapp, qtbot, settings, library_path, monkeypatch
):
    """The closing window remembered an article added after the backup; the restored library has none."""
    from reviewer.app import DeskController

    with Store.open(library_path, reviewer="tester") as store:
        first, _ = build_article(store, "Before the backup", SAMPLE_BLOCKS)
        take_backup(store.conn, library_path, "manual")
        later, later_claims = build_article(store, "After the backup", SAMPLE_BLOCKS[:3])
    monkeypatch.setattr(DeskController, "apply_theme", lambda self, theme: None)
    # Interactive, so the window remembers its article as for a person; opening asks no questions.
    monkeypatch.setattr(
        "reviewer.ui.start.open_library_interactive",
        lambda path, name, interactive=True: Store.open(path, reviewer=name, create=False),
    )
    controller = DeskController(qapp, settings, interactive=True)
    try:
        assert controller.start(str(library_path), later.id)
        window = controller.window
        window.select_claim(later_claims[-1].id)
        again = _restore_manual_backup_and_reopen(controller, window, qtbot)
        assert again.status_message.text() == ""  # not "There is no article 2 in this library."
        assert again.article is not None and again.article.id == first.id
        assert again.current_claim() in {c.id for c in again.claims.model.claims()}
    finally:
        controller.shutdown()
