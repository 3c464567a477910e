"""The command line and near-duplicate articles (#17, part D): `import` notes them on stderr, `show` names
the article nearly repeated (text and --json). The output contract of both is otherwise unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.near_duplicate_texts import ORIGINAL, SAME_TOPIC, with_added_paragraph, with_changed_word

TITLE = "Council votes to close two libraries as budget gap widens"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_notes_a_near_duplicate_on_stderr_and_keeps_stdout(run_cli, db, tmp_path):
    code, out, err = run_cli("import", write(tmp_path, "original.txt", ORIGINAL), "--db", db)
    assert (code, out, err) == (0, f"1\t{TITLE}\n", "")
    corrected = "Libraries vote: corrected\n\n" + with_changed_word().split("\n\n", 1)[1]
    code, out, err = run_cli(
        "import", write(tmp_path, "corrected.txt", corrected), write(tmp_path, "other.txt", SAME_TOPIC), "--db", db
    )
    assert code == 0
    assert out == "2\tLibraries vote: corrected\n3\tTwo Harbourside libraries to shut in spring after council vote\n"
    assert err.splitlines() == [f'reviewer: note: 2 is a near-duplicate of 1 "{TITLE}"']


def test_an_exact_duplicate_keeps_its_message_and_gets_no_note(run_cli, db, tmp_path):
    run_cli("import", write(tmp_path, "original.txt", ORIGINAL), "--db", db)
    code, out, err = run_cli("import", write(tmp_path, "again.txt", ORIGINAL.replace(" ", "  ")), "--db", db)
    assert (code, out) == (0, "")
    assert "already in the library" in err and "near-duplicate" not in err
    assert len(err.splitlines()) == 1


def test_the_note_is_one_terminal_safe_line_whatever_the_title(run_cli, db, tmp_path):
    hostile = "Libraries \x1b[31mRED\x1b[0m \u202egnp.exe\r\nSecond line"
    run_cli("import", write(tmp_path, "original.txt", f"{hostile}\n\n" + ORIGINAL.split("\n\n", 1)[1]), "--db", db)
    code, out, err = run_cli("import", write(tmp_path, "copy.txt", with_added_paragraph()), "--db", db)
    assert code == 0 and out.startswith("2\t")
    [line] = err.splitlines()
    assert line.startswith('reviewer: note: 2 is a near-duplicate of 1 "Libraries ')
    assert "\x1b" not in line and "\u202e" not in line and "\r" not in line


def test_show_names_the_article_nearly_repeated(run_cli, db, tmp_path):
    run_cli("import", write(tmp_path, "original.txt", ORIGINAL), "--no-extract", "--db", db)
    run_cli(
        "import",
        write(tmp_path, "copy.txt", "A longer copy\n\n" + with_added_paragraph().split("\n\n", 1)[1]),
        "--no-extract",
        "--db",
        db,
    )
    code, out, err = run_cli("show", "2", "--db", db)
    assert code == 0 and err == ""
    assert out.splitlines()[:2] == ["A longer copy", f"Near-duplicate of: 1 {TITLE}"]
    code, out, _ = run_cli("show", "1", "--db", db)
    assert "Near-duplicate" not in out

    code, out, _ = run_cli("show", "2", "--json", "--db", db)
    data = json.loads(out)
    assert data["near_duplicate_of"]["id"] == 1 and data["near_duplicate_of"]["title"] == TITLE
    assert 0.8 <= data["near_duplicate_of"]["similarity"] <= 1
    assert data["id"] == 2 and data["title"] == "A longer copy" and "claims" in data and "content_hash" in data
    code, out, _ = run_cli("show", "1", "--json", "--db", db)
    assert json.loads(out)["near_duplicate_of"] is None
