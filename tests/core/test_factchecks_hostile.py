"""Fact-check files that are broken, huge, binary or hostile: a clear message and nothing changed (#17)."""

from __future__ import annotations

import json
import os

import pytest

from reviewer.core.factchecks.claimreview import ld_json_blocks
from reviewer.core.factchecks.files import import_factcheck_files, parse_factcheck_text, read_factcheck_file
from reviewer.core.importers import MAX_FILE_BYTES
from tests.growth import assert_linear


def refused(store, path, *expected: str) -> str:
    """Import ``path``; it must fail with a message holding ``expected`` and leave the library as it was."""
    before = store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    report = import_factcheck_files(store, [path])
    assert not report.files and len(report.errors) == 1
    message = str(report.errors[0])
    for part in expected:
        assert part in message, message
    assert store.factcheck_collections() == [] and store.factcheck_count() == 0
    assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert "\n" not in message and "Traceback" not in message
    return message


def test_malformed_json_names_line_and_column(store, tmp_path):
    path = tmp_path / "feed.json"
    path.write_text('[\n  {"@type": "ClaimReview",\n   "claimReviewed": "x",,}\n]', encoding="utf-8")
    refused(store, path, "feed.json", "not valid JSON (line 3, column", "nothing was imported")


def test_json_nested_too_deeply(store, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    message = refused(store, path, "deep.json")
    assert "nested too deeply" in message or "no ClaimReview" in message


def test_a_file_over_the_size_limit_is_refused_before_reading(store, tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(b"claim\n")
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing to read, only its size matters
    refused(store, path, "huge.csv", "over the 25 MB limit")


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("empty.csv", b"  \n\n", "is empty"),
        ("prose.txt", b"The minister said many things.\nNone of them were checked.\n", "not a fact-check file"),
        ("columns.csv", b"statement,truth\nA.,False\n", "no 'claim' column"),
        ("nothing.json", json.dumps({"@type": "WebPage", "name": "Home"}).encode(), "no ClaimReview"),
        ("page.html", b"<html><body><p>No structured data here.</p></body></html>", "no JSON-LD"),
        ("orgs.html", b'<script type="application/ld+json">{"@type": "Organization"}</script>', "no ClaimReview"),
        ("norows.csv", b"claim,verdict\n,False\n,True\n", "holds no fact-check that can be imported"),
    ],
)
def test_files_that_are_not_fact_checks(store, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    refused(store, path, name, expected)


def test_a_folder_a_missing_file_and_the_library_itself(store, tmp_path, library_path):
    refused(store, tmp_path, "is a folder")
    refused(store, tmp_path / "missing.csv", "no such file")
    refused(store, library_path, "this library's own database file")


def test_html_in_claims_stays_text(store, tmp_path):
    path = tmp_path / "evil.csv"
    path.write_text(
        'claim,verdict,publisher,url\n"<img src=x onerror=alert(1)> claim",<b>False</b>,'
        '"<script>x</script>",https://c.example/?q=<script>\n',
        encoding="utf-8",
    )
    report = import_factcheck_files(store, [path])
    # The url holds "<", which no link may: the row is refused; without it the row imports as text.
    assert report.imported == 0 and "not an http(s) address" in str(report.errors[0])
    path.write_text(
        'claim,verdict,publisher\n"<img src=x onerror=alert(1)> claim",<b>False</b>,"<script>x</script>"\n',
        encoding="utf-8",
    )
    report = import_factcheck_files(store, [path])
    [f] = store.factchecks_in_collection("evil")
    assert (f.claim, f.verdict, f.publisher) == (
        "<img src=x onerror=alert(1)> claim",
        "<b>False</b>",
        "<script>x</script>",
    )


def test_a_hostile_file_name_becomes_a_one_line_collection_name(store, tmp_path):
    path = tmp_path / "checks\n\u202eevil\x1b[31m.csv"
    path.write_text("claim\nOne.\n", encoding="utf-8")
    report = import_factcheck_files(store, [path])
    [name] = [c.name for c in store.factcheck_collections()]
    assert name == "checks evil [31m" and report.imported == 1
    assert all("\n" not in line for line in report.details())


def test_a_giant_csv_field_is_one_skipped_row(store, tmp_path):
    path = tmp_path / "giant.csv"
    path.write_text('claim,verdict\nBefore.,False\n"' + "word " * 100_000 + '",True\nAfter.,False\n', encoding="utf-8")
    parsed = read_factcheck_file(path)
    assert [r.claim for r in parsed.records] == ["Before.", "After."]
    assert [p.where for p in parsed.problems] == ["line 3"] and "over the 5,000 limit" in parsed.problems[0].message


def test_an_unclosed_quote_does_not_swallow_the_file_silently(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('claim,verdict\nOne.,False\n"Unclosed,True\nTwo.,False\n', encoding="utf-8")
    parsed = read_factcheck_file(path)
    assert [r.claim for r in parsed.records] == ["One.", "Unclosed,True Two.,False"]  # as a spreadsheet reads it


def test_many_rows_one_bad_in_the_middle(store, tmp_path):
    rows = [f"Claim number {i}.,False" for i in range(5000)]
    rows[2500] = ",False"
    path = tmp_path / "many.csv"
    path.write_text("claim,verdict\n" + "\n".join(rows) + "\n", encoding="utf-8")
    report = import_factcheck_files(store, [path])
    assert report.imported == 4999 and [p.where for p in report.files[0].problems] == ["line 2502"]


# Each page is built at two sizes with the same shape: a cut of the large page would change what is
# scanned (a cut of the third page has no closing tags, so its search ends at once) and time something else.
@pytest.mark.parametrize(
    "page",
    [
        lambda n: '<script type="application/ld+json">{}</script>\n' * n,  # many blocks, many lines
        lambda n: "<script type=x>var a = 1;</script>" * n,  # many scripts that are not JSON-LD
        lambda n: "<scr" + "<script type=x>" * n + "</script>" * n,
    ],
    ids=["json-ld", "other-scripts", "nested-opens"],
)
def test_finding_json_ld_blocks_is_linear(page):
    assert_linear(lambda text: list(ld_json_blocks(text)), page(1_250), page(20_000), what="ld_json_blocks")


@pytest.mark.parametrize("page", ["<script" * 400_000, "<script type='application/ld+json'>" * 100_000])
def test_unclosed_tags_and_scripts_end_the_search(page):
    assert list(ld_json_blocks(page)) == []


def test_parsing_a_csv_is_linear():
    row = '"A claim, with a comma and “quotes”.",False,https://c.example/{},2024-01-01,Desk\n'
    small = "claim,verdict,url,date,publisher\n" + "".join(row.format(i) for i in range(500))
    large = "claim,verdict,url,date,publisher\n" + "".join(row.format(i) for i in range(8000))
    assert_linear(lambda text: parse_factcheck_text(text, "x.csv", ".csv"), small, large, what="CSV")


def test_unreadable_file(store, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "secret.csv"
    path.write_text("claim\nOne.\n", encoding="utf-8")
    path.chmod(0)
    refused(store, path, "cannot be read")
