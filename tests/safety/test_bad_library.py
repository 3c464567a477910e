"""Bad library files: a clear message, the file untouched, and a way out.

Proves that each of these gives a ``LibraryError`` from ``Store.open`` (or from the write) with a
message a person can act on, that the CLI prints exactly one line on stderr (no traceback) and
exits 2, and that the file stays byte-for-byte the same with no -wal/-shm/backup left beside it:
- a library whose header is valid but whose pages are garbage, one with damaged data pages
  deep inside (caught by the quick check at open, before anything writes), a truncated library;
- a file that is not SQLite at all, an empty-looking SQLite file of another program, an SQLite
  database with another program's tables;
- a library written by a newer Reviewer (``user_version`` > ``SCHEMA_VERSION``);
- a read-only location: the file and its folder without write permission. Tests run as root in
  CI, where permissions do not stop root, so the CLI then runs in a child process whose
  capability bounding set lacks CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH (root without them obeys
  file modes); skipped with a reason when neither works;
- a full disk: simulated in-process with ``PRAGMA max_page_count`` (SQLITE_FULL) and for the real
  CLI with ``RLIMIT_FSIZE`` in the child: the write raises LibraryError, nothing of it is saved,
  and the library is unchanged and still healthy;
- the way out: a damaged library is restored from its latest backup with ``reviewer restore latest``.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.core import schema
from reviewer.core.backup import backups_dir
from reviewer.core.errors import LibraryError
from reviewer.core.store import Store

from .helpers import file_state, make_library, note_of

REPO = Path(__file__).resolve().parents[2]
PAGE = 4096


@pytest.fixture(scope="module")
def good_library(tmp_path_factory) -> Path:
    """A healthy, closed library with enough pages to damage in the middle."""
    path = tmp_path_factory.mktemp("good") / "library.sqlite"
    make_library(path, n_claims=120)
    assert path.stat().st_size > 40 * PAGE and not Path(str(path) + "-wal").exists()
    return path


def _garbage_after_header(data: bytes) -> bytes:
    return data[:100] + os.urandom(len(data) - 100)


def _damaged_pages(data: bytes) -> bytes:
    middle = (len(data) // PAGE) // 2
    return data[: middle * PAGE] + os.urandom(4 * PAGE) + data[(middle + 4) * PAGE :]


def _other_program_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    conn.commit()
    conn.close()


def _other_program_empty(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("PRAGMA user_version = 3")
    conn.close()


def _newer(path: Path, source: Path) -> None:
    shutil.copyfile(source, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.close()


CASES = {
    "garbage-after-header": ("damaged", lambda p, g: p.write_bytes(_garbage_after_header(g.read_bytes()))),
    "damaged-data-pages": ("damaged", lambda p, g: p.write_bytes(_damaged_pages(g.read_bytes()))),
    "truncated-half": ("damaged", lambda p, g: p.write_bytes(g.read_bytes()[: len(g.read_bytes()) // 2])),
    "truncated-to-2-pages": ("damaged", lambda p, g: p.write_bytes(g.read_bytes()[: 2 * PAGE])),
    "not-sqlite-text": ("not an SQLite database", lambda p, g: p.write_text("title,verdict\nA,false\n" * 50)),
    "not-sqlite-png": ("not an SQLite database", lambda p, g: p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3000))),
    "other-program-tables": ("not a Reviewer library", lambda p, g: _other_program_tables(p)),
    "other-program-empty": ("not a Reviewer library", lambda p, g: _other_program_empty(p)),
    "newer-version": ("newer version of Reviewer", lambda p, g: _newer(p, g)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_untouched(case, good_library, tmp_path, run_cli):
    expected, make = CASES[case]
    path = tmp_path / "library.sqlite"
    make(path, good_library)
    before = file_state(path)

    with pytest.raises(LibraryError) as info:
        Store.open(path)
    message = str(info.value)
    assert expected in message and str(path) in message and "\n" not in message
    assert file_state(path) == before

    for command in (["list"], ["verdict", "1", "disputed", "--note", "x"], ["backup"], ["search", "rate"]):
        code, out, err = run_cli(*command, "--db", str(path))
        assert code == 2, (command, err)
        assert out == "" and err.count("\n") == 1 and err.startswith("reviewer: ") and expected in err, err
        assert "Traceback" not in err
        assert file_state(path) == before, command
    assert not backups_dir(path).exists()


def test_cli_process_reports_a_damaged_library_in_one_line(good_library, tmp_path):
    path = tmp_path / "library.sqlite"
    path.write_bytes(_damaged_pages(good_library.read_bytes()))
    before = file_state(path)
    result = subprocess.run(
        [sys.executable, "-m", "reviewer.cli", "list", "--db", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr and "restore a backup" in result.stderr
    assert file_state(path) == before


def test_damaged_library_can_be_restored_from_its_backup(tmp_path, run_cli):
    path = tmp_path / "library.sqlite"
    ids = make_library(path)
    assert run_cli("backup", "--db", str(path))[0] == 0
    path.write_bytes(_damaged_pages(path.read_bytes() + os.urandom(8 * PAGE)))
    code, _, err = run_cli("list", "--db", str(path))
    assert code == 2 and "restore a backup" in err
    code, out, err = run_cli("restore", "latest", "--db", str(path))
    assert code == 0, err
    assert note_of(path, ids[0]).startswith("checked")


# ------------------------------------------------------------------ read-only location
def _drop_dac_capabilities() -> None:  # runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _read_only_runner(folder: Path, probe: Path):
    """How to start a child that cannot write into ``folder``, or a reason to skip."""
    preexec = _drop_dac_capabilities if os.geteuid() == 0 else None
    try:
        result = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}, 'a')"], preexec_fn=preexec, capture_output=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot start a child without write permission here ({exc})")
    if result.returncode == 0:
        pytest.skip("file permissions do not stop this user (root with CAP_DAC_OVERRIDE that cannot be dropped)")
    return preexec


def test_read_only_location_gives_a_clear_message(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "library.sqlite"
    ids = make_library(path)
    before = file_state(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        preexec = _read_only_runner(folder, path)
        for command in (["verdict", str(ids[0]), "disputed", "--note", "x"], ["list"], ["backup"]):
            result = subprocess.run(
                [sys.executable, "-m", "reviewer.cli", *command, "--db", str(path)],
                capture_output=True,
                text=True,
                cwd=REPO,
                timeout=60,
                preexec_fn=preexec,
            )
            assert result.returncode == 2, (command, result.stderr)
            assert result.stderr.count("\n") == 1 and "read-only" in result.stderr, result.stderr
            assert "Traceback" not in result.stderr
            assert file_state(path) == before
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert note_of(path, ids[0]).startswith("checked")


# ------------------------------------------------------------------ full disk
def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_full_disk_write_fails_cleanly_and_changes_nothing(tmp_path):
    path = tmp_path / "library.sqlite"
    ids = make_library(path)
    before = _dump(path)
    store = Store.open(path, reviewer="tester")
    try:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
        with pytest.raises(LibraryError, match="full") as info:
            store.set_review(
                ids[0], verdict="disputed", note="a long note " * 8000
            )  # 96,000 characters: under the note limit, over the disk
        assert "nothing was saved" in str(info.value)
        assert not store.conn.in_transaction
        assert store.get_review(ids[0]).note.startswith("checked")
        with pytest.raises(LibraryError, match="full"):  # an import fails the same way, all or nothing
            from .helpers import article_doc

            doc, spans = article_doc(400, tag="big")
            store.add_article(doc, spans)
        assert _dump(path) == before  # read by another connection: nothing of either write is there
        store.conn.execute(f"PRAGMA max_page_count = {pages * 1000}")  # space freed: work goes on
        store.set_review(ids[1], verdict="disputed", note="after freeing space")
    finally:
        store.close()
    with Store.open(path) as check:
        assert check.integrity_ok()
        assert check.get_review(ids[1]).note == "after freeing space"


def test_full_disk_in_the_cli_exits_2_and_keeps_the_library(tmp_path):
    import resource

    path = tmp_path / "library.sqlite"
    ids = make_library(path)
    with Store.open(path) as store:  # today's backup exists, so the CLI does not need space for one
        from reviewer.core.backup import take_backup

        take_backup(store.conn, path, "daily")
    before = _dump(path)
    limit = 64 * 1024  # per write: the journal cannot grow past 64 KB, whatever the size of the library

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reviewer.cli",
            "verdict",
            str(ids[0]),
            "disputed",
            "--note",
            "n" * 99_000,
            "--db",
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        preexec_fn=small_disk,
    )
    assert result.returncode == 2, result.stderr
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "nothing was saved" in result.stderr
    assert _dump(path) == before
    assert note_of(path, ids[0]).startswith("checked")
