"""`reviewer export` as a contract: formats, files, exit codes, nothing written on error."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import commonmark
import markdown
import pypdf
import pytest

from reviewer.core.store import Store
from tests.safety.test_bad_library import _read_only_runner

sys.path.insert(0, str(Path(__file__).resolve().parent / "core"))
from test_reports_data import line_breaking_library, sample_library  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def library(store, library_path):
    a1, a2, claims = sample_library(store)
    store.close()
    return library_path, a1, a2


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json", "claimreview", "pdf"])
def test_export_every_format(run_cli, library, tmp_path, fmt):
    db, a1, _ = library
    out = tmp_path / f"report.{fmt}"
    code, stdout, stderr = run_cli("export", "--format", fmt, "--out", str(out), "--db", str(db))
    assert code == 0, stderr
    assert stdout.strip() == str(out)
    data = out.read_bytes()
    assert data
    if fmt == "json":
        assert json.loads(data)["schema"] == "reviewer-report"
    elif fmt == "claimreview":
        assert all(r["@type"] == "ClaimReview" for r in json.loads(data))
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == 3
    elif fmt == "pdf":
        assert data.startswith(b"%PDF")
    else:
        assert "Unemployment fell to 4.2% last year" in data.decode()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_one_article_with_flags(run_cli, library, tmp_path):
    db, a1, a2 = library
    out = tmp_path / "one.json"
    code, _, stderr = run_cli(
        "export",
        "--format",
        "json",
        "--out",
        str(out),
        "--article",
        str(a2.id),
        "--include-unreviewed",
        "--title",
        "Harbour check",
        "--organisation",
        "Desk",
        "--db",
        str(db),
    )
    assert code == 0, stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == [a2.id]
    assert data["title"] == "Harbour check" and data["organisation"] == "Desk"
    assert len(data["articles"][0]["claims"]) == 2


def test_unknown_article_exits_2_and_writes_nothing(run_cli, library, tmp_path):
    db, _, _ = library
    out = tmp_path / "nope.html"
    code, stdout, stderr = run_cli("export", "--format", "html", "--out", str(out), "--article", "999", "--db", str(db))
    assert code == 2 and stdout == ""
    assert "999" in stderr and "Traceback" not in stderr
    assert not out.exists()


def test_folder_destination_exits_2(run_cli, library, tmp_path):
    db, _, _ = library
    code, _, stderr = run_cli("export", "--format", "md", "--out", str(tmp_path), "--db", str(db))
    assert code == 2 and "folder" in stderr
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("library.sqlite")]


def test_missing_folder_exits_2(run_cli, library, tmp_path):
    db, _, _ = library
    out = tmp_path / "no" / "such" / "report.md"
    code, _, stderr = run_cli("export", "--format", "md", "--out", str(out), "--db", str(db))
    assert code == 2 and "does not exist" in stderr
    assert not (tmp_path / "no").exists()


def test_unwritable_folder_exits_2_and_leaves_it_empty(library, tmp_path):
    # The real CLI in a child process: as root (CI), the child drops CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH
    # first, as the read-only library test does, so the folder's mode binds it as it binds any user.
    db, _, _ = library
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        preexec = _read_only_runner(locked, locked / "probe")  # proves the child cannot write there
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "reviewer.cli",
                "export",
                "--format",
                "pdf",
                "--out",
                str(locked / "r.pdf"),
                "--db",
                str(db),
            ],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
            preexec_fn=preexec,
        )
        assert result.returncode == 2, result.stderr
        assert "not writable" in result.stderr and "Traceback" not in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_permission_denied_exits_2_and_writes_nothing(run_cli, library, tmp_path, monkeypatch):
    # Root ignores folder permissions, so make the file system refuse the way a read-only share would.
    import tempfile

    db, _, _ = library

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    out = tmp_path / "r.html"
    code, stdout, stderr = run_cli("export", "--format", "html", "--out", str(out), "--db", str(db))
    assert code == 2 and stdout == ""
    assert "Permission denied" in stderr and "Nothing was written" in stderr
    assert not out.exists()


def test_failed_write_leaves_old_file_and_no_temp(library, tmp_path, monkeypatch):
    from reviewer.core.errors import ReviewerError
    from reviewer.core.reports import ReportOptions
    from reviewer.core.store import Store
    from reviewer.core.export import export_report

    db, _, _ = library
    out = tmp_path / "keep.md"
    out.write_text("old report")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with Store.open(db) as store, pytest.raises(ReviewerError, match="No space left"):
        export_report(store, "md", out, ReportOptions())
    assert out.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".keep")] == []


def test_symlink_destination_is_replaced_not_followed(run_cli, library, tmp_path):
    db, _, _ = library
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("do not touch")
    link = tmp_path / "link.md"
    link.symlink_to(elsewhere)
    code, _, stderr = run_cli("export", "--format", "md", "--out", str(link), "--db", str(db))
    assert code == 0, stderr
    assert elsewhere.read_text() == "do not touch"
    assert not link.is_symlink() and link.read_text().startswith("# Fact-check report")


def test_bad_date_exits_2(run_cli, library, tmp_path):
    db, _, _ = library
    code, _, stderr = run_cli(
        "export", "--format", "md", "--out", str(tmp_path / "r.md"), "--since", "May", "--db", str(db)
    )
    assert code == 2 and "YYYY-MM-DD" in stderr
    assert not (tmp_path / "r.md").exists()


def test_empty_selection_still_writes_a_valid_report(run_cli, library, tmp_path):
    db, _, _ = library
    out = tmp_path / "empty.json"
    code, _, _ = run_cli("export", "--format", "json", "--out", str(out), "--verdict", "disputed", "--db", str(db))
    assert code == 0
    assert json.loads(out.read_text())["summary"]["claims"] == 0


# ---------------------------------------------------------------- PDF read back
def _pdf(run_cli, db, out, *extra):
    code, _, stderr = run_cli("export", "--format", "pdf", "--out", str(out), "--db", str(db), *extra)
    assert code == 0, stderr
    return pypdf.PdfReader(str(out))


def test_pdf_text_page_numbers_and_bookmarks(run_cli, library, tmp_path):
    db, a1, _ = library
    reader = _pdf(run_cli, db, tmp_path / "r.pdf", "--title", "Budget review", "--organisation", "Coastal Desk")
    text = "\n".join(" ".join(page.extract_text().split()) for page in reader.pages)
    n = len(reader.pages)
    assert n >= 3  # cover and summary, then one page per article at least
    assert "Budget review" in text and "Coastal Desk" in text
    assert "Unemployment fell to 4.2% last year" in text
    for i in range(1, n + 1):
        assert f"Page {i} of {n}" in text
    assert reader.metadata.title == "Budget review"
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    assert ("Summary", 0) in titles
    assert ("1. Budget row: what the minister said", 1) in titles
    assert any(title == "Claim 1.1" for title, _ in titles)


@pytest.mark.parametrize("size, points", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_pdf_page_size(run_cli, library, tmp_path, size, points):
    db, _, _ = library
    reader = _pdf(run_cli, db, tmp_path / f"{size}.pdf", "--page-size", size)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_export_shows_urls_with_line_breaks_as_text(run_cli, store, library_path, tmp_path):
    _, _, evidence = line_breaking_library(store)
    store.close()
    md, table = tmp_path / "report.md", tmp_path / "report.csv"
    for fmt, out in (("md", md), ("csv", table)):
        code, _, stderr = run_cli("export", "--format", fmt, "--out", str(out), "--db", str(library_path))
        assert code == 0, stderr
    html = markdown.markdown(md.read_text(encoding="utf-8"))
    # Only the URL pasted over lines (joined up by the store) links, its spaces written %20.
    assert html.count("<h1>") == 1 and html.count("<a ") == 1 and "Injected heading" not in html
    assert 'href="https://ev.example/#%20Injected%20heading' in html and "[ev](javascript:alert(3))" in html
    (row,) = csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline=""))
    assert len(row["evidence_urls"].splitlines()) == len(evidence)


class _Links(HTMLParser):
    """Tags and link targets in rendered Markdown, as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [value or "" for name, value in attrs if name == "href"]


def _render_markdown(text: str, renderer: str) -> _Links:
    if renderer == "commonmark":
        html = commonmark.commonmark(text)
    else:
        html = markdown.markdown(text, extensions=["extra"])
    page = _Links()
    page.feed(html)
    page.close()
    return page


_CANONICAL = {  # an imported page's canonical URL -> the link it becomes in the report, if any
    "https://x><javascript:alert(document.domain)>@[::1]/": None,
    "https://x>**TRUE**`code`@[::1]/": None,
    "http://user:pa%40ss@[::1]/x": "http://user:pa%40ss@[::1]/x",
    "https://[2001:db8::1]:8443/a?b=c#d": "https://[2001:db8::1]:8443/a?b=c#d",
}


@pytest.mark.parametrize("renderer", ["python-markdown", "commonmark"])
def test_imported_canonical_url_cannot_make_a_link_or_html_in_markdown(run_cli, library_path, tmp_path, renderer):
    pages = []
    for n, url in enumerate(_CANONICAL, 1):
        page = tmp_path / f"page{n}.html"
        page.write_text(
            f'<html><head><title>Jobs {n}</title><link rel="canonical" href="{escape(url)}"></head><body><article>'
            f"<h1>Jobs {n}</h1><p>The minister said unemployment fell to {n}.5 percent in 2023.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
        pages.append(str(page))
    code, _, stderr = run_cli("import", *pages, "--db", str(library_path))
    assert code == 0, stderr
    with Store.open(library_path) as store:
        claim = store.claims_for_article(store.list_articles()[0].id)[0]
        store.add_evidence(claim.id, url="https://stats.example/table 3.csv")
    out = tmp_path / "report.md"
    code, _, stderr = run_cli(
        "export", "--format", "md", "--include-unreviewed", "--out", str(out), "--db", str(library_path)
    )
    assert code == 0, stderr
    text = out.read_text(encoding="utf-8")
    page = _render_markdown(text, renderer)
    assert set(page.tags) <= {"h1", "h2", "h3", "p", "strong", "br", "ul", "li", "blockquote", "a"}, page.tags
    assert not [h for h in page.hrefs if not h.lower().startswith(("http://", "https://"))], page.hrefs
    expected = [link for link in _CANONICAL.values() if link] + ["https://stats.example/table%203.csv"]
    if renderer == "commonmark":  # CommonMark percent-encodes the brackets of an IPv6 host in an href
        expected = [link.replace("[", "%5B").replace("]", "%5D") for link in expected]
    assert sorted(page.hrefs) == sorted(expected), text


@pytest.mark.parametrize(
    "flag, value, known",
    [
        ("--verdict", "bogus", ["supported", "disputed", "misleading", "unverifiable"]),
        ("--reviewer", "nobody", ["alice", "bob"]),
    ],
)
def test_an_unknown_filter_value_exits_2_naming_the_known_ones_and_writes_nothing(
    run_cli, library, tmp_path, flag, value, known
):
    db, _, _ = library
    out = tmp_path / "filtered.md"
    run_cli("list", "--db", str(db))  # the day's backup, taken on the first open
    before = sorted(p.name for p in tmp_path.iterdir())
    code, stdout, stderr = run_cli("export", "--format", "md", "--out", str(out), flag, value, "--db", str(db))
    assert code == 2 and stdout == "", stderr
    assert stderr.count("\n") == 1 and repr(value) in stderr
    assert all(name in stderr for name in known), stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == before
    # A known value still exports.
    code, _, stderr = run_cli("export", "--format", "md", "--out", str(out), flag, known[0], "--db", str(db))
    assert code == 0, stderr


def test_killed_exports_leave_no_partial_file_after_the_next_export(run_cli, library, tmp_path):
    """A killed export leaves its hidden ``.NAME.<pid>-XXXX.part``; the next export into the folder deletes the
    ones whose process is gone (and those of older versions after an hour), never a running export's."""
    import subprocess

    db, _, _ = library
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    killed = tmp_path / f".report.html.{gone.pid}-k2j4h5g6.part"
    other_name = tmp_path / f".summary.md.{gone.pid}-abcd_123.part"
    legacy = tmp_path / ".report.html.x1y2z3ab.part"
    running = tmp_path / f".report.html.{os.getpid()}-q9w8e7r6.part"  # an export still writing
    recent_legacy = tmp_path / ".report.html.a1b2c3d4.part"
    mine = tmp_path / "notes.part"  # not named like an export's partial: not ours to delete
    for path in (killed, other_name, legacy, running, recent_legacy, mine):
        path.write_bytes(b"half a report")
    two_hours_ago = os.stat(legacy).st_mtime - 7200
    os.utime(legacy, (two_hours_ago, two_hours_ago))

    out = tmp_path / "report.html"
    out.write_text("the previous report", encoding="utf-8")
    code, _, stderr = run_cli("export", "--format", "html", "--out", str(out), "--db", str(db))
    assert code == 0, stderr
    assert not killed.exists() and not other_name.exists() and not legacy.exists()
    assert running.exists() and recent_legacy.exists() and mine.read_bytes() == b"half a report"
    assert "Unemployment fell" in out.read_text(encoding="utf-8")
