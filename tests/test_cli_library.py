"""Which library a command works on, and as whom.

Proves that
- every command that reads or changes existing records refuses a library that does not exist (a
  mistyped ``--db``, an empty file, or a default library not created yet) with exit 2 and one line,
  and creates no file and no folder; ``import`` still creates one;
- a lost library can still be listed and restored from its backups;
- the command line records the reviewer named in the app (library meta ``reviewer_name``) unless
  ``--reviewer`` is given, and the login name only when neither is set.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reviewer.core.backup import backups_dir, take_backup
from reviewer.core.store import Store
from reviewer.core.store.base import default_reviewer

from .safety.helpers import make_library

ARTICLE = """Council approves new bus lanes

The city council voted 31 to 12 on Tuesday to build 40 kilometres of bus lanes by 2028, \
Mayor Ana Ruiz said. "Buses carry 60% of our commuters," Ruiz told reporters.
"""


def _commands(tmp_path: Path) -> list[list[str]]:
    backup_file = tmp_path / "some-backup.sqlite"
    make_library(backup_file)
    return [
        ["list"],
        ["list", "--json"],
        ["show", "1"],
        ["search", "bus"],
        ["verdict", "1", "disputed"],
        ["reextract", "1"],
        ["export", "--format", "md", "--out", str(tmp_path / "report.md")],
        ["backup"],
        ["backup", "--list"],
        ["restore", "latest"],
        ["restore", str(backup_file)],
    ]


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_commands_refuse_a_mistyped_db_and_create_nothing(tmp_path, run_cli):
    commands = _commands(tmp_path)
    before = _tree(tmp_path)
    mistyped = tmp_path / "Libary" / "library.sqlite"  # not even the folder exists
    for command in commands:
        code, out, err = run_cli(*command, "--db", str(mistyped))
        assert code == 2, (command, err)
        assert out == ""
        assert err == f"reviewer: no library at {mistyped}; `reviewer import` or the app creates one\n", command
        assert _tree(tmp_path) == before, command


def test_commands_refuse_an_empty_file_and_leave_it_empty(tmp_path, run_cli):
    commands = _commands(tmp_path)
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    before = _tree(tmp_path)
    for command in commands:
        code, _, err = run_cli(*command, "--db", str(empty))
        assert code == 2 and "no library at" in err, (command, err)
        assert _tree(tmp_path) == before and empty.stat().st_size == 0, command


def test_the_default_library_is_not_created_by_reading_commands(tmp_path, run_cli, monkeypatch):
    """README: the app's first start creates the default library (and ``import`` does); a command that
    only reads or changes records says there is none instead of leaving an empty one behind."""
    from reviewer.core.library import default_library_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    default = default_library_path()
    assert str(default).startswith(str(tmp_path))
    for command in (["list"], ["show", "1"], ["backup"], ["verdict", "1", "supported"]):
        code, out, err = run_cli(*command)
        assert code == 2 and out == "", (command, err)
        assert err == f"reviewer: no library at {default}; `reviewer import` or the app creates one\n"
    assert not (tmp_path / "data").exists() and not (tmp_path / "home").exists()

    article = tmp_path / "bus.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli("import", str(article))
    assert code == 0, err
    assert default.is_file()
    code, out, _ = run_cli("list", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_import_still_creates_the_library_and_its_folder(tmp_path, run_cli):
    article = tmp_path / "bus.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "new" / "folder" / "lib.sqlite"
    code, out, err = run_cli("import", str(article), "--db", str(db))
    assert code == 0, err
    assert db.is_file()
    code, out, _ = run_cli("list", "--db", str(db))
    assert code == 0 and out.count("\n") == 1


def test_a_lost_library_can_still_be_listed_and_restored_from_its_backups(tmp_path, run_cli):
    path = tmp_path / "library.sqlite"
    ids = make_library(path)
    with Store.open(path) as store:
        made = take_backup(store.conn, path, "manual")
    for side in ("", "-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    code, out, err = run_cli("backup", "--list", "--db", str(path))
    assert code == 0, err
    assert out.split("\t")[0] == str(made)
    code, out, err = run_cli("restore", "latest", "--db", str(path))
    assert code == 0, err
    with Store.open(path, create=False) as store:
        assert store.get_review(ids[0]).note.startswith("checked")
    assert backups_dir(path).is_dir()


# ------------------------------------------------------------------ who is reviewing
@pytest.fixture
def library(tmp_path) -> tuple[Path, list[int]]:
    path = tmp_path / "library.sqlite"
    return path, make_library(path, notes=False)


def _verdict(run_cli, path, claim_id, *extra):
    code, out, err = run_cli("verdict", str(claim_id), "disputed", *extra, "--db", str(path))
    assert code == 0, err
    return json.loads(out)["reviewer"]


def test_verdict_records_the_reviewer_named_in_the_app(library, run_cli):
    path, ids = library
    with Store.open(path) as store:
        store.set_meta("reviewer_name", "Ana")
    assert _verdict(run_cli, path, ids[0]) == "Ana"
    assert _verdict(run_cli, path, ids[1], "--reviewer", "Bo") == "Bo"  # --reviewer still wins
    with Store.open(path) as store:
        assert store.get_review(ids[0]).reviewer == "Ana"
        assert store.get_review(ids[1]).reviewer == "Bo"
        assert store.history(claim_id=ids[0])[0].who == "Ana"  # the audit log says so too


def test_reextract_is_audited_as_the_reviewer_named_in_the_app(library, run_cli):
    path, _ids = library
    with Store.open(path) as store:
        store.set_meta("reviewer_name", "Ana")
    code, _, err = run_cli("reextract", "1", "--db", str(path))
    assert code == 0, err
    with Store.open(path) as store:
        (entry,) = [e for e in store.history(article_id=1) if e.action == "extract"]
    assert entry.who == "Ana"


def test_without_a_name_in_the_app_the_login_name_is_recorded(library, run_cli):
    path, ids = library
    assert _verdict(run_cli, path, ids[0]) == default_reviewer()
    with Store.open(path) as store:
        store.set_meta("reviewer_name", "   ")  # a blank name is no name
    assert _verdict(run_cli, path, ids[1]) == default_reviewer()


def test_the_environment_default_library_is_honoured(tmp_path, run_cli, monkeypatch):
    path = tmp_path / "env.sqlite"
    make_library(path)
    monkeypatch.setenv("REVIEWER_DB", str(path))
    code, out, _ = run_cli("list", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    monkeypatch.setenv("REVIEWER_DB", str(tmp_path / "typo.sqlite"))
    code, _, err = run_cli("list")
    assert code == 2 and "no library at" in err
    assert not (tmp_path / "typo.sqlite").exists()
    assert os.environ["REVIEWER_DB"].endswith("typo.sqlite")
