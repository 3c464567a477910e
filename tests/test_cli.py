"""The command-line contract: commands, flags, output shapes and exit codes."""

from __future__ import annotations

import argparse

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer import __version__

ARTICLE = """Council approves new bus lanes

The city council voted 31 to 12 on Tuesday to build 40 kilometres of bus lanes by 2028, \
Mayor Ana Ruiz said. "Buses carry 60% of our commuters," Ruiz told reporters.

Opposition leader Tom Hale said the plan would cost more than €90 million.
"""


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "bus-lanes.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def imported(run_cli, db, path) -> int:
    code, out, err = run_cli("import", str(path), "--db", db)
    assert code == 0, err
    article_id, title = out.strip().split("\t")
    assert title == "Council approves new bus lanes"
    return int(article_id)


def test_version(run_cli):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("--version")
    assert exit_info.value.code == 0


@pytest.mark.parametrize(
    "command",
    [
        "gui",
        "import",
        "list",
        "show",
        "claims",
        "score",
        "verdict",
        "search",
        "export",
        "backup",
        "restore",
        "reextract",
    ],
)
def test_every_command_has_help(run_cli, command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_cli(command, "--help")
    assert exit_info.value.code == 0
    assert "usage: reviewer " + command in capsys.readouterr().out


def test_top_level_help_lists_every_command_in_plain_words(run_cli, capsys):
    # argparse %-formats help strings: a bare "% agreement" once printed the parser's own dict.
    from reviewer.cli import build_parser

    with pytest.raises(SystemExit) as exit_info:
        run_cli("--help")
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "option_strings" not in out and "{'" not in out
    assert "agreement between reviewers: % agreement, Cohen's kappa" in " ".join(out.split())
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for command in commands:
        assert f"\n    {command} " in out or f"\n    {command}\n" in out


def test_import_list_show_round_trip(run_cli, db, article_file):
    article_id = imported(run_cli, db, article_file)
    code, out, _ = run_cli("list", "--json", "--db", db)
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["id"] == article_id and rows[0]["status"] == "todo"
    assert {"claims", "reviewed"} <= set(rows[0])

    code, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    data = json.loads(out)
    assert {"id", "title", "source", "url", "author", "published", "text", "claims"} <= set(data)
    assert data["claims"], "extraction found no claims in a news article"
    for claim in data["claims"]:
        assert {"id", "start", "end", "text", "score", "checkworthy", "speaker", "kind", "verdict", "note"} <= set(
            claim
        )
        assert data["text"][claim["start"] : claim["end"]] == claim["text"]


def test_duplicate_import_is_reported_not_stored(run_cli, db, article_file, tmp_path):
    imported(run_cli, db, article_file)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article_file.read_bytes())
    code, out, err = run_cli("import", str(copy), "--db", db)
    assert code == 0 and out == ""
    assert "already in the library" in err
    _, out, _ = run_cli("list", "--json", "--db", db)
    assert len(json.loads(out)) == 1


def test_bad_files_get_one_line_and_exit_2_while_good_ones_import(run_cli, db, article_file, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run_cli("import", str(article_file), str(empty), str(tmp_path / "missing.txt"), "--db", db)
    assert code == 2
    assert out.count("\n") == 1  # the good file
    assert "empty.txt" in err and "missing.txt" in err
    assert "Traceback" not in err


def test_verdict_prints_committed_state(run_cli, db, article_file):
    article_id = imported(run_cli, db, article_file)
    _, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    claim = json.loads(out)["claims"][0]
    code, out, _ = run_cli(
        "verdict", str(claim["id"]), "disputed", "--note", "Council minutes say 30–13.", "--reviewer", "ana", "--db", db
    )
    assert code == 0
    state = json.loads(out)
    assert (state["verdict"], state["reviewer"], state["note"]) == ("disputed", "ana", "Council minutes say 30–13.")
    _, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    saved = {c["id"]: c for c in json.loads(out)["claims"]}[claim["id"]]
    assert saved["verdict"] == "disputed"
    code, out, _ = run_cli("verdict", str(claim["id"]), "supported", "--confidence", "3", "--db", db)
    assert code == 0 and json.loads(out)["confidence"] == 3
    # Unreviewed has no confidence: reports once said "Unreviewed · Confidence: 3%".
    code, out, _ = run_cli("verdict", str(claim["id"]), "none", "--db", db)
    assert code == 0 and (json.loads(out)["verdict"], json.loads(out)["confidence"]) == (None, None)


def test_verdict_errors_exit_2(run_cli, db, article_file):
    article_id = imported(run_cli, db, article_file)
    _, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    claim_id = json.loads(out)["claims"][0]["id"]
    code, out, err = run_cli("verdict", str(claim_id), "probably", "--db", db)
    assert code == 2 and out == "" and "Unknown verdict" in err
    code, _, err = run_cli("verdict", "99999", "supported", "--db", db)
    assert code == 2 and "no claim 99999" in err
    code, _, err = run_cli("show", "424242", "--json", "--db", db)
    assert code == 2 and "no article 424242" in err


def test_search(run_cli, db, article_file):
    article_id = imported(run_cli, db, article_file)
    code, out, _ = run_cli("search", "bus lanes", "--json", "--db", db)
    assert code == 0
    hits = json.loads(out)
    assert hits and all(h["article_id"] == article_id for h in hits)
    code, out, _ = run_cli("search", "zebra", "--db", db)
    assert code == 0 and out == ""


def test_claims_without_storing(run_cli, article_file, tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_DB", str(tmp_path / "never.sqlite"))
    code, out, _ = run_cli("claims", str(article_file), "--json")
    assert code == 0
    claims = [json.loads(line) for line in out.splitlines()]
    from reviewer.core.importers import read_document

    text = read_document(article_file).text
    assert claims and all(text[c["start"] : c["end"]] == c["text"] for c in claims)
    assert not (tmp_path / "never.sqlite").exists()


def test_score_reads_stdin(run_cli):
    code, out, _ = run_cli("score", stdin="Unemployment fell to 3.5% in May.\nThank you all for coming.\n")
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) == 2
    scores = [float(score) for score, _ in lines]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert all(flag in ("0", "1") for _, flag in lines)
    assert scores[0] > scores[1]


def test_usage_errors_exit_2(run_cli):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("export", "--format", "docx", "--out", "x")
    assert exit_info.value.code == 2


def test_console_script_runs_without_traceback(tmp_path):
    from reviewer.core.store import Store

    env = {**os.environ, "REVIEWER_DB": str(tmp_path / "lib.sqlite")}
    Store.open(tmp_path / "lib.sqlite").close()
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "show", "7", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "no article 7" in result.stderr
    result = subprocess.run([sys.executable, "-m", "reviewer", "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"reviewer {__version__}"


def test_a_mistyped_command_is_an_error_not_the_desktop_app(run_cli):
    with pytest.raises(SystemExit) as exit_info:
        run_cli("lsit")
    assert exit_info.value.code == 2


def test_verdict_must_be_on_the_active_scale(run_cli, db, article_file):
    article_id = imported(run_cli, db, article_file)
    _, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    claim_id = json.loads(out)["claims"][0]["id"]
    code, _, err = run_cli("verdict", str(claim_id), "pants-on-fire", "--db", db)  # a PolitiFact key
    assert code == 2 and "active scale" in err


def test_restore_refuses_a_file_that_is_not_a_library(run_cli, db, article_file, tmp_path):
    import sqlite3

    imported(run_cli, db, article_file)
    stranger = tmp_path / "other.sqlite"
    conn = sqlite3.connect(stranger)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    code, _, err = run_cli("restore", str(stranger), "--db", db)
    assert code == 2 and "not a Reviewer library" in err
    code, out, _ = run_cli("list", "--json", "--db", db)
    assert code == 0 and len(json.loads(out)) == 1


def test_reextract_prints_data_on_stdout_and_says_what_it_did_on_stderr(run_cli, db, article_file):
    article_id = imported(run_cli, db, article_file)
    _, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    claims = json.loads(out)["claims"]
    run_cli("verdict", str(claims[0]["id"]), "supported", "--db", db)
    code, out, err = run_cli("reextract", str(article_id), "--db", db)
    assert code == 0, err
    # stdout, as README documents it: "<article_id>\t<claims added>"
    found_id, added = out.rstrip("\n").split("\t")
    assert out.count("\n") == 1 and int(found_id) == article_id and int(added) == len(claims) - 1
    assert err.count("\n") == 1
    assert err.startswith(f"reviewer: article {article_id}: {added} claims extracted, ")
    assert "1 kept (manual, reviewed" in err
    _, out, _ = run_cli("show", str(article_id), "--json", "--db", db)
    after = json.loads(out)["claims"]
    assert len(after) == len(claims) and claims[0]["id"] in {c["id"] for c in after}


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold line breaks")
def test_data_lines_and_printed_paths_stay_one_line_whatever_titles_and_names_hold(run_cli, tmp_path):
    """A title stored by another program, or a library whose name holds a line break, cannot add lines to
    stdout or turn the terminal's text around: controls and bidi controls are escaped, odd names quoted."""
    import sys as _sys

    _sys.path.insert(0, str(Path(__file__).resolve().parent))
    from safety.helpers import article_doc

    from reviewer.core.store import Store

    db = tmp_path / "odd\nname \u202egnp.sqlite"
    doc, spans = article_doc(3)
    doc.title = "Title\nreviewer: forged \u202egnp.exe\x1b[2J"
    with Store.open(db) as store:
        store.add_article(doc, spans)
    code, out, err = run_cli("list", "--db", str(db))
    assert code == 0, err
    assert out.count("\n") == 1 and "\u202e" not in out and "\x1b" not in out
    assert out.rstrip("\n").endswith("Title reviewer: forged gnp.exe\\x1b[2J")  # the store drops bidi controls
    code, out, _ = run_cli("search", "forged", "--db", str(db))
    assert code == 0 and out.count("\n") == 1 and "\u202e" not in out
    code, out, _ = run_cli("show", "1", "--db", str(db))
    assert code == 0 and out.splitlines()[0] == "Title reviewer: forged gnp.exe\\x1b[2J"
    code, out, err = run_cli("backup", "--db", str(db))
    assert code == 0, err
    assert out.count("\n") == 1 and out.startswith("$'") and "\\n" in out and "\u202e" not in out
    code, out, err = run_cli("list", "--db", str(tmp_path / "no\nsuch.sqlite"))
    assert code == 2 and err.count("\n") == 1 and "no library at $'" in err
