"""Backups: automatic, rolling, verified, and restorable from the UI and the CLI.

Proves that
- opening a library that needs a migration first takes a ``migration`` backup holding the
  library exactly as it was (old schema, all data); a test-only extra migration simulates the
  upgrade;
- ``open_library`` takes a ``daily`` backup of an existing library once per 24 hours, not on
  every open; backups are pruned to ``KEEP_BACKUPS`` (10), newest kept;
- a damaged library is never backed up, so it cannot push good backups out;
- ``reviewer backup``, ``reviewer backup --list`` and ``reviewer restore latest|PATH`` work, exit 0,
  and refuse a missing or damaged backup with one line on stderr and exit 2, leaving the library alone;
- a restore keeps the replaced state as a ``before-restore`` backup (never pruning the backup it
  restores), gives up with the library unchanged when another program holds it locked, works
  whatever characters the library's name holds, reaches a Store that another
  window still holds open (it sees the restored data and its later writes are kept), and sets a
  damaged library aside (with its WAL) instead of deleting it, and leaves it untouched when its
  files are held open (Windows) so that it cannot be replaced;
- ``BackupsDialog`` (driven with qtbot as a person would) lists backups newest first with date,
  reason and size, "Back up now" adds one (on a worker, buttons disabled meanwhile), "Restore…"
  asks first: Cancel changes nothing, Restore restores and the dialog is Accepted. The desk's
  side of a restore (its jobs and watcher) is tested in ``tests/ui/test_desk_backups.py``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from reviewer.core import backup, schema
from reviewer.core.backup import KEEP_BACKUPS, list_backups, take_backup
from reviewer.core.errors import LibraryError
from reviewer.core.library import open_library
from reviewer.core.store import Store

from .helpers import file_state, make_library, note_of


@pytest.fixture
def library(tmp_path) -> tuple[Path, list[int]]:
    path = tmp_path / "library.sqlite"
    return path, make_library(path)


def _age(info: backup.BackupInfo, hours: float) -> Path:
    """Rename a backup as if it had been taken ``hours`` earlier."""
    older = info.taken_at - timedelta(hours=hours)
    target = info.path.with_name(f"{older.strftime('%Y%m%dT%H%M%S%fZ')}_{info.reason}.sqlite")
    info.path.rename(target)
    return target


# ------------------------------------------------------------------ automatic backups
def test_migration_takes_a_backup_of_the_old_library_first(library, monkeypatch):
    path, ids = library
    upgraded = Migrations("reviewer")
    upgraded._migrations.extend(schema.migrations._migrations)

    @upgraded()
    def m999_test_only(db):
        db.execute("CREATE TABLE test_only_upgrade (x)")
        db.execute("UPDATE reviews SET note = 'migrated'")

    monkeypatch.setattr(schema, "migrations", upgraded)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    old_version = schema.SCHEMA_VERSION - 1

    with Store.open(path) as store:
        assert store.get_review(ids[0]).note == "migrated"
    backups = list_backups(path)
    assert [b.reason for b in backups] == ["migration"]
    old = sqlite3.connect(backups[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert "test_only_upgrade" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    assert old.execute("SELECT note FROM reviews WHERE claim_id = ?", (ids[0],)).fetchone()[0].startswith("checked")
    old.close()
    with Store.open(path) as store:  # migrated once: no second migration backup
        pass
    assert len(list_backups(path)) == 1


def test_daily_backup_once_a_day_on_open(library):
    path, _ = library
    open_library(path, samples=False).close()
    assert [b.reason for b in list_backups(path)] == ["daily"]
    open_library(path, samples=False).close()
    assert len(list_backups(path)) == 1  # same day: no second one
    _age(list_backups(path)[0], 25)
    open_library(path, samples=False).close()
    assert [b.reason for b in list_backups(path)] == ["daily", "daily"]


def test_backups_roll_to_the_documented_number(library):
    path, _ = library
    assert KEEP_BACKUPS == 10 and "KEEP_BACKUPS = 10" in backup.__doc__
    with Store.open(path) as store:
        taken = [take_backup(store.conn, path, "manual") for _ in range(KEEP_BACKUPS + 3)]
    kept = list_backups(path)
    assert len(kept) == KEEP_BACKUPS
    assert [b.path for b in kept] == list(reversed(taken))[:KEEP_BACKUPS]  # newest first, oldest pruned
    assert all(b.size > 0 for b in kept)


def test_a_damaged_library_never_replaces_good_backups(library):
    path, _ = library
    with Store.open(path) as store:
        good = [take_backup(store.conn, path, "manual") for _ in range(KEEP_BACKUPS)]
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 6 * page] = os.urandom(3 * page)
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)  # what a raw connection would do; Store.open refuses it
    with pytest.raises(LibraryError, match="damaged"):
        take_backup(conn, path, "daily")
    conn.close()
    assert sorted(b.path for b in list_backups(path)) == sorted(good)
    assert not list(backup.backups_dir(path).glob("*.part"))


# ------------------------------------------------------------------ CLI
def test_cli_backup_list_and_restore_latest(library, run_cli):
    path, ids = library
    code, out, err = run_cli("backup", "--db", str(path))
    assert code == 0, err
    made = Path(out.strip())
    assert made.is_file() and made.parent == backup.backups_dir(path)
    with Store.open(path) as store:
        store.set_review(ids[0], verdict="disputed", note="changed after the backup")

    code, out, err = run_cli("backup", "--list", "--db", str(path))
    assert code == 0, err
    rows = [line.split("\t") for line in out.strip().splitlines()]
    # The CLI's first open of the day also took the daily backup; the manual one is newest.
    assert [r[2] for r in rows] == ["manual", "daily"]
    assert rows[0][0] == str(made) and int(rows[0][3]) > 0
    assert datetime.fromisoformat(rows[0][1]) >= datetime.fromisoformat(rows[1][1])

    code, out, err = run_cli("restore", "latest", "--db", str(path))
    assert code == 0, err
    assert note_of(path, ids[0]).startswith("checked")
    # Nothing lost: the state just replaced is itself a backup.
    before_restore = [b for b in list_backups(path) if b.reason == "before-restore"]
    assert len(before_restore) == 1
    kept = sqlite3.connect(before_restore[0].path)
    assert (
        kept.execute("SELECT note FROM reviews WHERE claim_id = ?", (ids[0],)).fetchone()[0]
        == "changed after the backup"
    )
    kept.close()


def test_cli_restore_path_and_refusals(library, run_cli, tmp_path):
    path, ids = library
    code, out, err = run_cli("restore", "latest", "--db", str(path))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "no backups" in err

    code, out, err = run_cli("restore", str(tmp_path / "missing.sqlite"), "--db", str(path))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "no such backup" in err

    damaged = tmp_path / "damaged-backup.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    before = file_state(path)
    code, out, err = run_cli("restore", str(damaged), "--db", str(path))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert file_state(path) == before

    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
        store.set_review(ids[1], verdict="misleading", note="later")
    code, out, err = run_cli("restore", str(copy), "--db", str(path))
    assert code == 0, err
    assert note_of(path, ids[1]).startswith("checked")


def test_restore_reaches_a_store_that_is_still_open(library):
    path, ids = library
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
        store.set_review(ids[0], verdict="disputed", note="to be replaced")
    window = Store.open(path)  # another window that did not close
    try:
        backup.restore_backup(copy, path)
        assert window.get_review(ids[0]).note.startswith("checked")
        window.set_review(ids[2], verdict="misleading", note="written after the restore")
    finally:
        window.close()
    assert note_of(path, ids[2]) == "written after the restore"
    with Store.open(path) as store:
        assert store.integrity_ok()


def test_restore_over_a_damaged_library_keeps_the_damaged_file(library):
    path, ids = library
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
    damaged_bytes = b"SQLite format 3\x00" + os.urandom(20000)
    path.write_bytes(damaged_bytes)
    with pytest.raises(LibraryError, match="damaged"):
        Store.open(path)
    backup.restore_backup(copy, path)
    assert note_of(path, ids[0]).startswith("checked")
    aside = list(backup.backups_dir(path).glob("*_damaged.bad"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes


@pytest.mark.parametrize("held", [("",), ("-shm",), ("", "-wal", "-shm")], ids=["library", "shm", "all"])
def test_replacing_a_damaged_library_held_open_changes_nothing(library, monkeypatch, held):
    """Windows will not rename, replace or delete a file another program holds open. Whichever of the
    library's files is held, a failed replacement leaves the damaged library with its -wal and -shm as
    they were (never without its WAL, or the copy beside a stale one), and says so."""
    path, ids = library
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
    damaged = b"SQLite format 3\x00" + os.urandom(20000)
    path.write_bytes(damaged)
    sides = {suffix: Path(str(path) + suffix) for suffix in ("-wal", "-shm")}
    sides["-wal"].write_bytes(b"frames not yet in the library " * 100)
    sides["-shm"].write_bytes(bytes(32768))
    # The -shm is only an index SQLite rebuilds (a read of the library may rewrite it): it must stay,
    # its bytes need not.
    before = file_state(path), sides["-wal"].read_bytes()

    refused = {str(path) + suffix for suffix in held}
    real_replace, real_rename, real_unlink = os.replace, os.rename, os.unlink

    def guard(*names):
        for name in names:
            if os.fspath(name) in refused:
                raise PermissionError(
                    13,
                    "The process cannot access the file because it is being used by another process",
                    os.fspath(name),
                )

    monkeypatch.setattr(os, "replace", lambda src, dst, **kw: (guard(src, dst), real_replace(src, dst, **kw))[1])
    monkeypatch.setattr(os, "rename", lambda src, dst, **kw: (guard(src, dst), real_rename(src, dst, **kw))[1])
    monkeypatch.setattr(os, "unlink", lambda name, **kw: (guard(name), real_unlink(name, **kw))[1])
    with pytest.raises(LibraryError, match="was not changed"):
        backup.restore_backup(copy, path)
    monkeypatch.undo()
    assert (file_state(path), sides["-wal"].read_bytes()) == before

    # Once nothing holds it, the replacement goes through: no stale WAL is left beside the copy.
    backup.restore_backup(copy, path)
    assert not sides["-wal"].exists() and not sides["-shm"].exists()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name,
        path.name + ".backups",
    ]
    assert note_of(path, ids[0]).startswith("checked")
    (aside,) = backup.backups_dir(path).glob("*_damaged.bad")  # one: the failed tries left none
    assert aside.read_bytes() == damaged
    assert Path(str(aside) + "-wal").read_bytes() == before[1]  # the WAL went aside with it


def _refuse_replacing(monkeypatch, path: Path) -> None:
    """Make os.replace refuse to replace ``path``, as Windows does while another program holds it."""
    real_replace = os.replace

    def refuse(src, dst, **kw):
        if os.fspath(dst) == str(path):
            raise PermissionError(13, "The process cannot access the file", os.fspath(dst))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", refuse)


def test_a_refused_replacement_says_how_to_retry_without_core_naming_a_flag(library, monkeypatch, run_cli):
    """Core's message says to quit what holds the library and try again (core names no command-line
    flag); the command line finishes it with the command to run again, as it always printed."""
    path, ids = library
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(20000))  # damaged: replaced as a file
    before = file_state(path)
    _refuse_replacing(monkeypatch, path)
    with pytest.raises(backup.RestoreBlocked) as refused:
        backup.restore_backup(copy, path)
    message = str(refused.value)
    assert "--db" not in message and "reviewer restore" not in message
    assert message.endswith(
        "The library was not changed. If something still has it open (on Windows, Reviewer "
        "itself; or a sync or backup tool), quit that and try again."
    )
    assert (refused.value.library, refused.value.backup) == (path, copy)

    code, out, err = run_cli("restore", str(copy), "--db", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.rstrip("\n").endswith(
        "The library was not changed. If something still has it open (on Windows, Reviewer itself; or a sync or "
        f'backup tool), quit that and run: reviewer restore --db "{path}" "{copy}"'
    )
    assert file_state(path) == before


def test_a_refused_replacement_of_a_damaged_library_whose_header_reads_as_wal_changes_nothing(library, monkeypatch):
    """A damaged header that says WAL mode (byte 19 = 2; random damage hits it one time in 256, which is how a CI run
    found it) made the read-only health probe create a -wal and a -shm beside the library, left after a refusal."""
    path, ids = library
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
    damaged = bytearray(b"SQLite format 3\x00" + bytes(range(256)) * 80)
    damaged[18] = damaged[19] = 2
    path.write_bytes(bytes(damaged))
    before = file_state(path)
    _refuse_replacing(monkeypatch, path)
    with pytest.raises(backup.RestoreBlocked):
        backup.restore_backup(copy, path)
    assert file_state(path) == before
    monkeypatch.undo()
    backup.restore_backup(copy, path)  # allowed: the damaged library goes aside and the backup takes its place
    assert note_of(path, ids[0]) is not None


def test_restore_gives_up_on_a_library_another_program_holds_locked(library, monkeypatch):
    """SQLite's backup API retries a locked destination for ever (no busy timeout applies): the restore
    gives up after BUSY_DEADLINE_S with a message a person can act on, and the library is unchanged."""
    path, ids = library
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
        store.set_review(ids[0], verdict="disputed", note="to be kept")
    monkeypatch.setattr(backup, "BUSY_DEADLINE_S", 0.5)
    monkeypatch.setattr(backup, "_BUSY_TIMEOUT_S", 0.2)  # each step of the copy waits this long first
    other = sqlite3.connect(path, isolation_level=None)  # e.g. `reviewer import` in a terminal
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE reviews SET note = 'not yet committed' WHERE claim_id = ?", (ids[1],))
        wal = Path(str(path) + "-wal")
        before = file_state(path)[0], wal.read_bytes()
        started = time.monotonic()
        with pytest.raises(
            LibraryError, match=r"in use by another program .*locked for 0\.5 s.*nothing was restored\. Close"
        ):
            backup.restore_backup(copy, path)
        # It gave up on the (patched) deadline, not at once; a lower bound a busy machine cannot break.
        assert time.monotonic() - started >= backup.BUSY_DEADLINE_S
        assert (file_state(path)[0], wal.read_bytes()) == before  # not a byte written
        other.rollback()
    finally:
        other.close()
    assert note_of(path, ids[0]) == "to be kept"
    assert copy.exists()
    # Once the other program lets go, the same restore goes through.
    backup.restore_backup(copy, path)
    assert note_of(path, ids[0]).startswith("checked")


@pytest.mark.parametrize("name", ["Checks #2.sqlite", "Q?.sqlite", "a%23b.sqlite", "100%.sqlite", "ünï cødé.sqlite"])
def test_backup_and_restore_work_whatever_the_library_is_called(tmp_path, name):
    """Files are opened through escaped URIs: ``#`` or ``?`` must not cut the name short (SQLite would
    open, and create, a shorter path read-write), nor ``%xx`` name another file."""
    path = tmp_path / name
    ids = make_library(path)
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
        store.set_review(ids[0], verdict="disputed", note="to be replaced")
    backup.restore_backup(copy, path)
    assert note_of(path, ids[0]).startswith("checked")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, name + ".backups"])
    assert sorted(b.reason for b in list_backups(path)) == ["before-restore", "manual"]
    assert {p.suffix for p in backup.backups_dir(path).iterdir()} == {".sqlite"}


def test_restoring_the_oldest_backup_keeps_it(library):
    """The before-restore backup prunes the list; the backup being restored is never what goes."""
    path, ids = library
    with Store.open(path) as store:
        for i in range(KEEP_BACKUPS):
            store.set_review(ids[0], verdict="supported", note=f"version {i}")
            take_backup(store.conn, path, "manual")
    oldest = list_backups(path)[-1].path
    backup.restore_backup(oldest, path)
    assert note_of(path, ids[0]) == "version 0"
    assert oldest.exists() and note_of(oldest, ids[0]) == "version 0"
    kept = list_backups(path)
    assert len(kept) == KEEP_BACKUPS + 1 and kept[0].reason == "before-restore"
    # The next backup prunes as usual: back to KEEP_BACKUPS, the oldest first.
    with Store.open(path) as store:
        take_backup(store.conn, path, "manual")
    assert len(list_backups(path)) == KEEP_BACKUPS and not oldest.exists()


# ------------------------------------------------------------------ UI
def test_backups_dialog_backs_up_and_restores_with_confirmation(library, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QMessageBox

    from reviewer.ui.backups_dialog import BackupsDialog

    path, ids = library
    with Store.open(path) as store:
        first = take_backup(store.conn, path, "daily")
        store.set_review(ids[0], verdict="disputed", note="after the daily backup")
    _age(list_backups(path)[0], 30)

    dialog = BackupsDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.table.model()
    assert model.rowCount() == 1
    with qtbot.waitSignal(dialog.tasks.idle, timeout=10000):  # the copy runs on a worker
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        assert dialog.is_busy() and not dialog.backup_button.isEnabled()
    assert model.rowCount() == 2 and dialog.message.text().startswith("Backed up to")
    texts = [[model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert texts[0][1] == "Manual" and texts[1][1] == "Daily"  # newest first
    assert texts[0][0] > texts[1][0]
    assert all(t[2].endswith(("KB", "MB")) for t in texts)

    # Choose the older, daily backup and cancel the confirmation: nothing happens.
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert isinstance(box, QMessageBox) and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert note_of(path, ids[0]) == "after the daily backup"

    # Again, and confirm: the library holds the daily backup's state, the dialog is Accepted.
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    with (
        qtbot.waitSignal(dialog.restore_starting),
        qtbot.waitSignal(dialog.accepted, timeout=10000),
        qtbot.waitSignal(dialog.restored) as restored,
    ):
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert restored.args == [dialog.restored_from]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.restored_from is not None and dialog.restored_from.name.endswith("_daily.sqlite")
    assert note_of(path, ids[0]).startswith("checked")
    assert {b.reason for b in list_backups(path)} >= {"daily", "manual", "before-restore"}
    assert first.exists() or dialog.restored_from.exists()


def test_backups_dialog_shows_errors_instead_of_raising(tmp_path, qtbot):
    from PySide6.QtCore import Qt

    from reviewer.ui.backups_dialog import BackupsDialog

    path = tmp_path / "not-a-library.sqlite"
    path.write_bytes(b"plain text, not a library\n")
    dialog = BackupsDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.tasks.idle, timeout=10000):
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert "not a Reviewer library" in dialog.message.text()
    assert dialog.backup_button.isEnabled() and dialog.close_button.isEnabled()
    assert path.read_bytes() == b"plain text, not a library\n"


def test_backups_model_passes_qtmodeltester(library, qtmodeltester):
    from reviewer.ui.backups_dialog import BackupsModel

    path, _ = library
    with Store.open(path) as store:
        take_backup(store.conn, path, "manual")
        take_backup(store.conn, path, "migration")
    model = BackupsModel()
    model.set_backups(list_backups(path))
    qtmodeltester.check(model)
