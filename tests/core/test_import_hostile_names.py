"""Hostile names, links and metadata at import (issue #12).

Proves that
- a folder import never follows a link out of the chosen folder (``shadow.txt -> /etc/shadow``, a
  linked folder), says so per link, and still reads links that stay inside it;
- a file name with line breaks, controls or bidirectional controls is quoted in every import message;
- titles, authors and site names lose bidirectional controls ("Headline \\u202egnp.exe\\u202c" cannot
  read as "Headline exe.png"), in every format;
- a page nested past the parser's depth limit says so, not "no article text was found";
- a saved page's date comes from metadata or a full date in the page, never from a bare year.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.core.display import BIDI_CONTROLS, display_name, display_text
from reviewer.core.errors import ImportFailed
from reviewer.core.importers import find_importable, read_document, read_pasted

BODY = (
    "The council spent 4.2 million on road repairs last year, the mayor said on Tuesday. "
    "Critics said the figure left out the cost of the new bridge. "
) * 3

needs_symlinks = pytest.mark.skipif(
    not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links need privileges on Windows"
)


# ------------------------------------------------------------------ links out of the folder
@needs_symlinks
def test_a_folder_import_skips_links_that_lead_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    (outside / "private").mkdir(parents=True)
    secret = outside / "secret.txt"
    secret.write_text("root:$6$hash:19000:0:99999:7:::\n", encoding="utf-8")
    (outside / "private" / "diary.txt").write_text("Dear diary, nobody must read this.", encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "real.txt").write_text(BODY, encoding="utf-8")
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "sub" / "up.txt").symlink_to(Path("..") / ".." / "outside" / "secret.txt")
    (folder / "private").symlink_to(outside / "private", target_is_directory=True)
    (folder / "alias.txt").symlink_to(folder / "real.txt")  # stays inside: read (once)

    files, problems = find_importable([folder])
    assert [f.relative_to(folder).as_posix() for f in files] == ["alias.txt"] or [
        f.relative_to(folder).as_posix() for f in files
    ] == ["real.txt"]
    assert all(f.resolve() == (folder / "real.txt").resolve() for f in files)
    messages = sorted(str(p) for p in problems)
    assert len(messages) == 3, messages
    assert any(str(folder / "shadow.txt") in m and "link to a file outside the folder" in m for m in messages)
    assert any(str(folder / "sub" / "up.txt") in m and "outside" in m for m in messages)
    assert any(str(folder / "private") in m and "link to a folder outside" in m for m in messages)
    assert not any("root:" in m or "diary" in m for m in messages)


@needs_symlinks
def test_a_folder_holding_only_a_link_out_says_so_once(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("not for import", encoding="utf-8")
    (folder / "shadow.txt").symlink_to(tmp_path / "secret.txt")
    files, problems = find_importable([folder])
    assert files == [] and len(problems) == 1 and "outside the folder" in str(problems[0])


@needs_symlinks
def test_the_cli_import_of_a_folder_reports_the_skipped_link_by_name(tmp_path, run_cli):
    secret = tmp_path / "secret.txt"
    secret.write_text(BODY.replace("council", "secret council"), encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "real.txt").write_text(BODY, encoding="utf-8")
    (folder / "shadow.txt").symlink_to(secret)
    code, out, err = run_cli("import", str(folder), "--db", str(tmp_path / "lib.sqlite"))
    assert code == 2 and out.count("\n") == 1
    assert f"reviewer: {folder / 'shadow.txt'}: is a link to a file outside the folder" in err
    code, out, _ = run_cli("search", "secret", "--db", str(tmp_path / "lib.sqlite"))
    assert code == 0 and out == ""


# ------------------------------------------------------------------ names that forge lines
FORGED = "x\nreviewer: 10 imported, 0 duplicate(s), 0 failed\nx.txt"


def test_display_name_quotes_only_odd_names():
    assert display_name("plain name é.txt") == "plain name é.txt"
    assert display_name(Path("/tmp/a b/ü.md")) == "/tmp/a b/ü.md"
    assert display_name("a\nb.txt") == "$'a\\nb.txt'"
    assert display_name("x\x1b[31m.txt") == "$'x\\x1b[31m.txt'"
    assert display_name("Headline \u202egnp.exe\u202c") == "$'Headline \\u202egnp.exe\\u202c'"
    assert display_name("it's\n") == "$'it\\'s\\n'"
    assert display_name(os.fsdecode(b"caf\xe9.txt")) == "$'caf\\xe9.txt'"
    for ch in BIDI_CONTROLS:
        assert ch not in display_name(f"a{ch}b") and "\n" not in display_name(f"a{ch}\nb")
    assert display_text("one\nline \u2066 ok \u200d") == "one\\nline \\u2066 ok \u200d"  # joiners are kept


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold line breaks")
def test_a_file_name_with_line_breaks_cannot_forge_messages(tmp_path, run_cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / FORGED).write_bytes(b"")  # empty: its import fails with a message naming it
    (folder / "ok\u202etxt.md").write_text("# Fine\n\n" + BODY, encoding="utf-8")
    (folder / "weird\x1b[2J.txt").write_bytes(b"\x00\x01binary")
    try:
        read_document(folder / FORGED)
    except ImportFailed as error:
        assert "\n" not in str(error) and error.path == display_name(folder / FORGED)
    code, out, err = run_cli("import", str(folder), "--db", str(tmp_path / "lib.sqlite"))
    assert code == 2
    lines = err.splitlines()
    assert lines and all(line.startswith("reviewer: ") for line in lines)
    assert "reviewer: 10 imported" not in lines and len(lines) == 3  # two failures and the summary
    assert "\\nreviewer: 10 imported" in err and "\x1b" not in err and "\u202e" not in err + out
    assert out.count("\n") == 1


# ------------------------------------------------------------------ bidi controls in metadata
RLO_TITLE = "Headline \u202egnp.exe\u202c"


def test_bidi_controls_are_stripped_from_titles_authors_and_sites(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        f"""<html><head><title>{RLO_TITLE}</title>
<meta name="author" content="Ana \u2067Ruiz\u2069 Diaz"><meta property="og:site_name" content="Daily\u200f Post">
</head><body><article><h1>{RLO_TITLE}</h1><p>{BODY}</p></article></body></html>""",
        encoding="utf-8",
    )
    text = tmp_path / "note.txt"
    text.write_text(f"{RLO_TITLE}\n\n{BODY}", encoding="utf-8")
    markdown = tmp_path / "note.md"
    markdown.write_text(f"# {RLO_TITLE}\n\n{BODY}", encoding="utf-8")
    for doc in (
        read_document(page),
        read_document(text),
        read_document(markdown),
        read_pasted(f"{RLO_TITLE}\n\n{BODY}"),
        read_pasted("", f"<h1>{RLO_TITLE}</h1><p>{BODY}</p>"),
    ):
        assert doc.title == "Headline gnp.exe", doc.original_format
        for value in (doc.author, doc.site):
            assert value is None or not BIDI_CONTROLS & set(value)
    html = read_document(page)
    assert html.author == "Ana Ruiz Diaz" and html.site == "Daily Post"


def test_a_title_of_nothing_but_bidi_controls_falls_back(tmp_path):
    page = tmp_path / "blank-title.md"
    page.write_text(f"# \u202e\u202c\n\n{BODY}", encoding="utf-8")
    doc = read_document(page)
    assert doc.title and not BIDI_CONTROLS & set(doc.title)


# ------------------------------------------------------------------ nesting, dates
def test_a_page_nested_too_deep_says_why_it_has_no_text(tmp_path):
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 5000 + BODY + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        read_document(page)
    assert "256 levels deep" in info.value.problem and "no article text was found" not in info.value.problem
    assert "paste" in info.value.advice
    shallow = tmp_path / "empty.html"
    shallow.write_text("<html><body><div><script>var x = 1;</script></div></body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed, match="no article text was found"):
        read_document(shallow)


def _page(tmp_path: Path, head: str = "", before: str = "", after: str = "") -> str | None:
    path = tmp_path / "dated.html"
    path.write_text(
        f"<html><head><title>Road repairs</title>{head}</head><body><article>{before}"
        f"<p>In 2023 the council spent more on roads than in any year before. {BODY}</p>"
        f"</article>{after}</body></html>",
        encoding="utf-8",
    )
    return read_document(path).published


def test_a_bare_year_in_the_text_is_not_a_publication_date(tmp_path):
    assert _page(tmp_path) is None
    assert _page(tmp_path, after="<footer>© 2023 The Paper</footer>") is None


@pytest.mark.parametrize(
    "where, expected",
    [
        ({"head": '<meta property="article:published_time" content="2021-05-04T10:00:00Z">'}, "2021-05-04"),
        (
            {
                "head": '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Road repairs", '
                '"datePublished": "2019-07-08T00:00:00Z"}</script>'
            },
            "2019-07-08",
        ),
        ({"before": '<time datetime="2020-03-02">2 March</time>'}, "2020-03-02"),
        ({"before": "<p>Published 12 March 2022</p>"}, "2022-03-12"),
    ],
)
def test_dates_from_metadata_or_a_full_date_are_kept(tmp_path, where, expected):
    assert _page(tmp_path, **where) == expected
