"""Killed backups and restores leave no partial files for ever, and a damaged library is set aside unopened.

Proves that
- a backup killed (SIGKILL) in the middle of its copy leaves ``<name>.<pid>.part``; the next backup of
  that library deletes it (and its journal, and an older version's untagged ``.part`` once an hour
  old), but never the partial of a backup still running, nor a finished backup;
- a restore killed in the middle of writing ``<library>.restoring.<pid>`` leaves it; the next restore
  deletes it and restores;
- setting a damaged library aside before replacing it opens neither the library nor its -wal with
  Python (a descriptor opened and closed on the library drops every SQLite lock the process holds on
  it); it hard-links them, and copies only where linking fails.
"""

from __future__ import annotations

import builtins
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewer.core import backup
from reviewer.core.backup import backups_dir, list_backups, take_backup
from reviewer.core.store import Store

from .helpers import make_library, note_of

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kills a child with SIGKILL")

# Runs a job whose SQLite copy kills its own process after writing part of the destination.
_KILLED_JOB = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from reviewer.core import backup

    def killed_copy(source, dest):
        dest.execute("CREATE TABLE half_written (x)")
        dest.execute("BEGIN")
        dest.execute("INSERT INTO half_written VALUES (zeroblob(100000))")  # a hot journal too
        os.kill(os.getpid(), signal.SIGKILL)

    backup._copy = killed_copy
    job, library, source = sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None
    if job == "backup":
        import sqlite3
        conn = sqlite3.connect(library)
        backup.take_backup(conn, library, "manual")
    else:
        backup.restore_backup(Path(source), library)
""")


def _killed(*args: str) -> int:
    """Run the job in a child that dies by SIGKILL mid-copy; returns the dead child's pid."""
    child = subprocess.Popen([sys.executable, "-c", _KILLED_JOB, *args], cwd=REPO)
    assert child.wait(timeout=120) == -9
    return child.pid


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_killed_backup_leaves_partial_files_the_next_backup_deletes(tmp_path, run_cli):
    path = tmp_path / "library.sqlite"
    make_library(path)
    with Store.open(path) as store:
        kept = take_backup(store.conn, path, "manual")
    folder = backups_dir(path)
    pid = _killed("backup", str(path))
    leftovers = [p.name for p in folder.iterdir() if ".part" in p.name]
    assert f".{pid}.part" in " ".join(leftovers) and any(n.endswith(".part-journal") for n in leftovers)

    # An older version's untagged partial, an hour and more old; and one a running backup is writing.
    legacy = folder / "20200101T000000000000Z_daily.part"
    legacy.write_bytes(b"old partial")
    two_hours_ago = legacy.stat().st_mtime - 7200
    os.utime(legacy, (two_hours_ago, two_hours_ago))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        running = folder / f"20990101T000000000000Z_manual.{sleeper.pid}.part"
        running.write_bytes(b"a backup in progress")
        before = _files(folder)

        code, out, err = run_cli("backup", "--db", str(path))
        assert code == 0, err
        assert not [p for p in folder.iterdir() if ".part" in p.name and p != running]
        assert running.read_bytes() == b"a backup in progress"  # its writer is alive
    finally:
        sleeper.kill()
        sleeper.wait()
    after = _files(folder)
    assert after[kept.name] == before[kept.name]  # the real backups are untouched
    assert {b.path.name for b in list_backups(path)} >= {kept.name, Path(out.strip()).name}


def test_a_killed_restore_leaves_a_partial_library_the_next_restore_deletes(tmp_path, run_cli):
    path = tmp_path / "library.sqlite"
    ids = make_library(path)
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(20000))  # damaged: the restore replaces the file
    pid = _killed("restore", str(path), str(copy))
    partial = tmp_path / f"library.sqlite.restoring.{pid}"
    assert partial.exists() and Path(f"{partial}-journal").exists()
    legacy = tmp_path / "library.sqlite.restoring"
    legacy.write_bytes(b"an older version's partial")
    two_hours_ago = legacy.stat().st_mtime - 7200
    os.utime(legacy, (two_hours_ago, two_hours_ago))
    other = tmp_path / "other.sqlite.restoring.1"  # another library's: not this restore's to judge
    other.write_bytes(b"not ours")

    code, _, err = run_cli("restore", str(copy), "--db", str(path))
    assert code == 0, err
    assert not [p for p in tmp_path.iterdir() if ".restoring" in p.name and p != other]
    assert other.exists()
    assert note_of(path, ids[0]).startswith("checked")
    assert copy.exists()


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "library.sqlite"
    make_library(path)
    with Store.open(path) as store:
        copy = take_backup(store.conn, path, "manual")
    damaged_bytes = b"SQLite format 3\x00" + os.urandom(20000)
    path.write_bytes(damaged_bytes)
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"frames not yet in the library " * 100)
    return path, copy, damaged_bytes, wal.read_bytes()


def test_setting_a_damaged_library_aside_never_opens_it(damaged, monkeypatch):
    path, copy, damaged_bytes, wal_bytes = damaged
    guarded = {str(path), f"{path}-wal", f"{path}-journal", f"{path}-shm"}
    opened: list[str] = []

    def watch(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.fspath(file) in guarded:
                opened.append(os.fspath(file))
            return real(file, *args, **kwargs)

        return opener

    monkeypatch.setattr(builtins, "open", watch(builtins.open))
    monkeypatch.setattr(io, "open", watch(io.open))
    monkeypatch.setattr(os, "open", watch(os.open))
    backup.restore_backup(copy, path)
    monkeypatch.undo()
    assert opened == []
    (aside,) = backups_dir(path).glob("*_damaged.bad")
    assert aside.read_bytes() == damaged_bytes
    assert Path(f"{aside}-wal").read_bytes() == wal_bytes
    assert note_of(path, make_library_ids(path)[0]).startswith("checked")


def test_the_damaged_library_is_copied_aside_where_links_fail(damaged, monkeypatch):
    path, copy, damaged_bytes, wal_bytes = damaged

    def no_links(src, dst, **kwargs):
        raise OSError(18, "Invalid cross-device link", os.fspath(src))

    monkeypatch.setattr(os, "link", no_links)
    backup.restore_backup(copy, path)
    monkeypatch.undo()
    (aside,) = backups_dir(path).glob("*_damaged.bad")
    assert aside.read_bytes() == damaged_bytes and Path(f"{aside}-wal").read_bytes() == wal_bytes


def make_library_ids(path: Path) -> list[int]:
    with Store.open(path, create=False) as store:
        return [c.id for c in store.claims_for_article(1)]
