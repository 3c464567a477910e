"""`reviewer export --url-base`: one ClaimReview url per review, only http(s) bases, exit 2 otherwise (#16)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "core"))
from test_reports_data import sample_library  # noqa: E402


@pytest.fixture
def library(store, library_path):
    _, _, claims = sample_library(store)
    store.close()
    return library_path, claims


def test_url_base_gives_each_review_its_url(run_cli, library, tmp_path):
    db, claims = library
    out = tmp_path / "reviews.claimreview.json"
    code, stdout, stderr = run_cli(
        "export",
        "--format",
        "claimreview",
        "--out",
        str(out),
        "--db",
        str(db),
        "--url-base",
        "https://factdesk.example/checks/",
    )
    assert code == 0, stderr
    assert stderr == ""  # nothing to warn about
    reviews = json.loads(out.read_text(encoding="utf-8"))
    ids = [
        claims["Unemployment fell to 4.2% last year"],
        claims["Rents doubled since 2015"],
        claims["The harbour will create 3,000 jobs by 2030"],
    ]
    assert [r["url"] for r in reviews] == [f"https://factdesk.example/checks/claims/{i}" for i in ids]
    # Without an organisation, each review is by its reviewer.
    assert [r["author"]["name"] for r in reviews] == ["alice", "bob", "alice"]


def test_without_url_base_the_export_says_who_needs_it(run_cli, library, tmp_path):
    db, _ = library
    out = tmp_path / "reviews.claimreview.json"
    code, stdout, stderr = run_cli("export", "--format", "claimreview", "--out", str(out), "--db", str(db))
    assert code == 0 and stdout.strip() == str(out)
    assert all("url" not in r for r in json.loads(out.read_text(encoding="utf-8")))
    assert "--url-base" in stderr and "Google" in stderr and len(stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "base",
    [
        "ftp://factdesk.example",
        "javascript:alert(1)",
        "factdesk.example",
        "https://factdesk.example/?p=1",
        "file:///tmp/checks",
    ],
)
def test_a_url_base_that_is_not_http_exits_2_and_writes_nothing(run_cli, library, tmp_path, base):
    db, _ = library
    out = tmp_path / "reviews.claimreview.json"
    code, stdout, stderr = run_cli(
        "export", "--format", "claimreview", "--out", str(out), "--db", str(db), "--url-base", base
    )
    assert code == 2 and stdout == ""
    assert re.search(r"base URL .* http:// or https://", stderr) and "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1
    assert not out.exists()
