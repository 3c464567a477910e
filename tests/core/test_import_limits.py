"""Issue 12, item 3: an article too long for the desk is refused at import, with its size and what to do."""

from __future__ import annotations

from reviewer.core.errors import ImportFailed
from reviewer.core.ingest import MAX_ARTICLE_CHARS, import_paths, import_text

SENTENCE = "The council said spending rose by 4 percent in 2023. "


def _text(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def test_an_article_over_the_limit_is_refused_and_nothing_is_written(store, tmp_path):
    big = tmp_path / "whole-book.txt"
    big.write_text(_text(4_900_000), encoding="utf-8")  # one line, as in the report
    report = import_paths(store, [big])
    assert report.added == []
    [error] = report.errors
    assert isinstance(error, ImportFailed)
    message = str(error)
    assert "whole-book.txt" in message
    assert "4.9 million characters" in message
    assert "up to 2 million characters" in message
    assert "split it" in message and "import the parts" in message
    assert store.list_articles() == []
    assert store.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0


def test_just_over_the_limit_says_the_exact_size(store, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(_text(MAX_ARTICLE_CHARS + 1), encoding="utf-8")
    [error] = import_paths(store, [path], extract=False).errors
    assert f"{MAX_ARTICLE_CHARS + 1:,} characters" in str(error)
    assert store.list_articles() == []


def test_an_article_at_the_limit_is_accepted(store, tmp_path):
    path = tmp_path / "longest.txt"
    path.write_text(_text(MAX_ARTICLE_CHARS), encoding="utf-8")
    report = import_paths(store, [path], extract=False)
    assert report.errors == [] and len(report.added) == 1
    assert len(store.get_article(report.added[0][0]).text) <= MAX_ARTICLE_CHARS


def test_a_pasted_article_over_the_limit_is_refused(store):
    try:
        import_text(store, _text(MAX_ARTICLE_CHARS + 1000))
    except ImportFailed as error:
        assert "Reviewer opens articles up to 2 million characters" in str(error)
    else:
        raise AssertionError("a pasted article over the limit was imported")
    assert store.list_articles() == []


def test_the_command_line_prints_why_and_exits_2(run_cli, tmp_path, library_path):
    big = tmp_path / "whole-book.txt"
    big.write_text(_text(MAX_ARTICLE_CHARS + 10_000), encoding="utf-8")
    code, out, err = run_cli("import", "--db", str(library_path), str(big))
    assert code == 2
    assert out == ""
    assert "whole-book.txt" in err and "Reviewer opens articles up to 2 million characters" in err
