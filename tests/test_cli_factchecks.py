"""`reviewer factchecks import|list|remove`: output shapes, exit codes, our own exports read back (#17)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "core"))
from test_reports_data import hostile_library, sample_library

from reviewer.core.store import Store


@pytest.fixture
def checks_csv(tmp_path):
    path = tmp_path / "desk checks.csv"
    path.write_text(
        "claim,verdict,url,publisher\n"
        "Taxes rose by 5% last year.,False,https://desk.example/taxes,Desk\n"
        ",True,https://desk.example/empty,Desk\n"
        "The bridge cost 3 billion.,Mostly true,,Desk\n",
        encoding="utf-8",
    )
    return path


def test_import_prints_one_line_per_file_and_a_summary(run_cli, checks_csv, tmp_path):
    db = tmp_path / "lib.sqlite"
    code, out, err = run_cli("factchecks", "import", str(checks_csv), "--db", str(db))
    assert code == 0, err
    assert out == "desk checks\t2\t0\t1\n"
    assert err.splitlines() == [
        f"reviewer: {checks_csv}: line 3: no claim text (skipped)",
        "reviewer: 2 fact-checks imported, 0 duplicates, 1 row skipped",
    ]
    code, out, err = run_cli("factchecks", "import", str(checks_csv), "--collection", "Desk", "--db", str(db))
    assert code == 0 and out == "Desk\t0\t2\t1\n"
    code, out, err = run_cli("factchecks", "list", "--db", str(db))
    assert code == 0 and err == ""
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(r[0], r[1], r[3]) for r in rows] == [("desk checks", "2", "desk checks.csv")]  # no empty "Desk"
    code, out, _ = run_cli("factchecks", "list", "--json", "--db", str(db))
    listed = json.loads(out)
    assert [(c["name"], c["records"]) for c in listed] == [("desk checks", 2)]
    assert set(listed[0]) == {"name", "records", "created", "source"}


def test_remove(run_cli, checks_csv, tmp_path):
    db = tmp_path / "lib.sqlite"
    run_cli("factchecks", "import", str(checks_csv), "--collection", "Desk", "--db", str(db))
    code, out, err = run_cli("factchecks", "remove", "Desk", "--db", str(db))
    assert (code, out) == (0, "2\n") and "removed (2 fact-checks)" in err
    code, out, err = run_cli("factchecks", "remove", "Desk", "--db", str(db))
    assert code == 2 and out == "" and "no fact-check collection named 'Desk'" in err
    code, out, _ = run_cli("factchecks", "list", "--json", "--db", str(db))
    assert json.loads(out) == []


def test_a_bad_file_exits_2_and_the_good_ones_still_import(run_cli, checks_csv, tmp_path):
    db = tmp_path / "lib.sqlite"
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run_cli("factchecks", "import", str(bad), str(checks_csv), "--db", str(db))
    assert code == 2
    assert out == "desk checks\t2\t0\t1\n"
    assert f"reviewer: {bad}: is not valid JSON (line 1, column 2" in err
    assert err.splitlines()[-1] == "reviewer: 2 fact-checks imported, 0 duplicates, 1 row skipped, 1 file failed"


@pytest.mark.parametrize("args", [("factchecks",), ("factchecks", "import"), ("factchecks", "frobnicate")])
def test_usage_errors_exit_2(run_cli, capsys, args):
    with pytest.raises(SystemExit) as exit_info:
        run_cli(*args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: reviewer factchecks") and "Traceback" not in err


def test_an_empty_collection_name_exits_2_and_creates_nothing(run_cli, checks_csv, tmp_path):
    db = tmp_path / "lib.sqlite"
    code, out, err = run_cli("factchecks", "import", str(checks_csv), "--collection", "  ", "--db", str(db))
    assert (code, out) == (2, "") and "--collection needs a name" in err and not db.exists()


def test_list_and_remove_refuse_a_library_that_does_not_exist(run_cli, tmp_path):
    missing = tmp_path / "nope.sqlite"
    for args in (("list",), ("remove", "X")):
        code, _, err = run_cli("factchecks", *args, "--db", str(missing))
        assert code == 2 and "no library at" in err
    assert not missing.exists()


def test_our_own_claimreview_export_and_html_report_read_back(run_cli, store, library_path, tmp_path):
    sample_library(store)
    store.close()
    export = tmp_path / "reviews.claimreview.json"
    code, _, err = run_cli(
        "export",
        "--format",
        "claimreview",
        "--out",
        str(export),
        "--db",
        str(library_path),
        "--url-base",
        "https://desk.example",
        "--organisation",
        "Fact Desk",
    )
    assert code == 0, err
    code, out, err = run_cli("factchecks", "import", str(export), "--collection", "Ours", "--db", str(library_path))
    assert code == 0 and out == "Ours\t3\t0\t0\n", err
    with Store.open(library_path) as again:
        records = {f.claim: f for f in again.factchecks_in_collection("Ours")}
    rents = records["Rents doubled since 2015"]
    assert (rents.verdict, rents.publisher, rents.speaker) == ("Misleading", "Fact Desk", "Ana Ruiz")
    assert rents.url.startswith("https://desk.example/claims/")

    report = tmp_path / "report.html"
    code, _, err = run_cli(
        "export",
        "--format",
        "html",
        "--out",
        str(report),
        "--db",
        str(library_path),
        "--url-base",
        "https://desk.example",
    )
    assert code == 0, err
    code, out, err = run_cli("factchecks", "import", str(report), "--collection", "Report", "--db", str(library_path))
    assert code == 0 and out == "Report\t0\t3\t0\n", err  # the same reviews, by url


def test_a_hostile_export_reads_back_as_text(run_cli, store, library_path, tmp_path):
    hostile_library(store)
    store.close()
    export = tmp_path / "hostile.json"
    code, _, err = run_cli("export", "--format", "claimreview", "--out", str(export), "--db", str(library_path))
    assert code == 0, err
    code, out, err = run_cli("factchecks", "import", str(export), "--db", str(library_path))
    assert code == 0 and out == "hostile\t1\t0\t0\n", err
    with Store.open(library_path) as again:
        [f] = again.factchecks_in_collection("hostile")
    assert "</script><script>alert('x')</script>" in f.claim and f.url is None
    assert f.speaker == "<b onmouseover=alert(6)>Evil</b>"


def test_hostile_collection_names_print_on_one_line(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite"
    path = tmp_path / "a.csv"
    path.write_text("claim\nOne.\n", encoding="utf-8")
    code, out, _ = run_cli("factchecks", "import", str(path), "--collection", "x\u202e\tevil\x1b[2J", "--db", str(db))
    assert code == 0 and out.count("\n") == 1 and "\x1b" not in out and "\u202e" not in out
    code, out, _ = run_cli("factchecks", "list", "--db", str(db))
    assert out.count("\n") == 1 and "\x1b" not in out
