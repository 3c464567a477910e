"""One library shared by the app and the command line: every committed change survives.

On POSIX, closing any descriptor of a file drops all of the process's locks on it, SQLite's too.
If the app read its library with Python's ``open()`` while a connection was open (as the header
check once did on every second open), a ``reviewer`` command run meanwhile believed it was the
last connection, checkpointed and deleted the WAL the app was still writing to: later commits went
into a deleted file, invisible to others and gone after a kill. These tests run that sequence with
real processes and SIGKILL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.core.store import Store

from .helpers import make_library

OWNER = Path(__file__).with_name("shared_owner.py")
REPO = Path(__file__).resolve().parents[2]


class Owner:
    """The long-lived "app" process holding the library open."""

    def __init__(self, library: Path, claim_id: int):
        self.proc = subprocess.Popen(
            [sys.executable, str(OWNER), str(library), str(claim_id)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self._line() == "ready"

    def _line(self) -> str:
        line = self.proc.stdout.readline().strip()
        if not line:
            raise AssertionError(f"owner died: {self.proc.stderr.read()}")
        return line

    def do(self, command: str) -> None:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        assert self._line() == f"done {command.split()[0]}"

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=60)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reviewer.cli", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def _verdict_elsewhere(library: Path, claim_id: int) -> str | None:
    """The claim's verdict as a third process reads it."""
    done = _cli("show", "--json", "--db", str(library), _article_of(library, claim_id))
    assert done.returncode == 0, done.stderr
    import json

    for claim in json.loads(done.stdout)["claims"]:
        if claim["id"] == claim_id:
            return claim["verdict"]
    raise AssertionError("claim not shown")


def _article_of(library: Path, claim_id: int) -> str:
    with Store.open(library, create=False) as store:
        return str(store.get_claim(claim_id).article_id)


@pytest.mark.skipif(os.name != "posix", reason="POSIX lock semantics")
@pytest.mark.parametrize("second_open", ["second", "worker"])
def test_second_open_then_cli_then_commit_survives_kill(tmp_path, second_open):
    library = tmp_path / "library.sqlite"
    claim_id = make_library(library, n_claims=3, notes=False)[0]
    owner = Owner(library, claim_id)
    try:
        owner.do(second_open)  # the app's import/export job opens and closes its own connection
        listed = _cli("list", "--db", str(library))  # a command run beside the open app
        assert listed.returncode == 0, listed.stderr
        owner.do("verdict disputed")  # committed by the app after that command ran
        assert _verdict_elsewhere(library, claim_id) == "disputed"
        owner.do("verdict misleading")
        listed = _cli("list", "--db", str(library))
        assert listed.returncode == 0, listed.stderr
    finally:
        owner.kill()
    with Store.open(library, create=False) as store:
        assert store.get_review(claim_id).verdict == "misleading"
        assert store.integrity_ok()


DESK = Path(__file__).with_name("desk_owner.py")


@pytest.mark.skipif(os.name != "posix", reason="POSIX lock semantics")
def test_desk_import_and_export_then_cli_then_verdict_survives_kill(tmp_path):
    """The real window imports and exports (each on a job thread with its own connection), a
    command runs beside it, then a verdict in the window: others read it, and it outlives a kill."""
    library = tmp_path / "library.sqlite"
    make_library(library, n_claims=3, notes=False)
    article = tmp_path / "incoming.txt"
    article.write_text(
        "Budget row\n\nThe deficit rose to 4.2% of GDP last year, the minister said. "
        "Unemployment fell to 3.1 percent in March.\n",
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, str(DESK), str(library), str(tmp_path / "settings.ini")],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )

    def ask(command: str) -> str:
        proc.stdin.write(command + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline().strip()
        if not line.startswith("done"):
            proc.kill()
            raise AssertionError(f"desk said {line!r}: {proc.stderr.read()}")
        return line

    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        ask(f"import {article}")
        ask(f"export {tmp_path / 'report.json'}")
        assert (tmp_path / "report.json").exists()
        listed = _cli("list", "--db", str(library))
        assert listed.returncode == 0 and "Budget row" in listed.stdout, listed.stderr
        claim_id = int(ask("verdict").split()[-1])
        assert _verdict_elsewhere(library, claim_id) is not None
        listed = _cli("list", "--db", str(library))
        assert listed.returncode == 0, listed.stderr
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    with Store.open(library, create=False) as store:
        assert store.get_review(claim_id).verdict is not None
        assert store.get_article(store.get_claim(claim_id).article_id).status == "in_review"
        assert store.integrity_ok()


@pytest.mark.parametrize("which", ["", "-wal"])
def test_importing_or_attaching_the_open_library_itself_is_refused_without_reading_it(tmp_path, which, monkeypatch):
    """A library may have any name (``--db reviews.txt``); reading it as an article would drop the locks."""
    from reviewer.core.errors import ReviewerError
    from reviewer.core.ingest import import_paths

    library = tmp_path / "reviews.txt"
    claim_id = make_library(library, n_claims=1, notes=False)[0]
    with Store.open(library) as store:
        store.set_meta("touch", "1")  # a -wal exists while the store is open
        target = Path(str(library) + which)
        assert target.exists()
        opened = []
        real_open = open
        monkeypatch.setattr("builtins.open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
        report = import_paths(store, [target])
        assert not report.added and len(report.errors) == 1
        if not which:  # the -wal is refused by its name already
            assert "this library's own database file" in str(report.errors[0])
        with pytest.raises(ReviewerError, match="library itself"):
            store.add_evidence(claim_id, file=target)
        assert not any(str(library) in name for name in opened)


def test_a_report_is_never_written_over_the_library_itself(tmp_path, run_cli):
    library = tmp_path / "library.sqlite"
    make_library(library, n_claims=2)
    code, _out, err = run_cli("export", "--format", "md", "--out", str(library), "--db", str(library))
    assert code == 2 and "this library's own file" in err
    with Store.open(library, create=False) as store:  # still the library, every review in it
        assert store.integrity_ok() and store.count_articles() == 1


def test_an_empty_path_imports_nothing_and_says_so(tmp_path, run_cli, monkeypatch):
    (tmp_path / "stray.txt").write_text(
        "Unemployment rose to 7 percent in March, the minister said.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)  # Path("") is the current folder: it must not be imported
    code, out, err = run_cli("import", "", "--db", str(tmp_path / "library.sqlite"))
    assert code == 2 and out == "" and "(empty name)" in err
