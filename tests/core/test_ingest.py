"""Bringing files into a library: batches, bad files, duplicates, cancel, the sample library."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.ingest import import_paths, import_text
from reviewer.core.library import default_library_path, open_library, sample_files
from reviewer.core.errors import DuplicateArticle

NEWS = "Port traffic rises\n\nContainer volumes at the port rose 12% in October, the harbour authority said.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_batch_imports_good_files_and_lists_bad_ones(store, tmp_path):
    folder = tmp_path / "inbox"
    write(folder, "a.txt", NEWS)
    write(folder, "sub/b.md", "# Rail strike\n\nTrains ran at 40% of capacity, the operator said.\n")
    write(folder, "sub/c.txt", b"")  # empty
    write(folder, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)  # binary
    progress = []
    report = import_paths(store, [folder], progress=lambda d, t, n: progress.append((d, t)))
    assert sorted(title for _, title in report.added) == ["Port traffic rises", "Rail strike"]
    assert len(report.errors) == 2
    messages = " ".join(str(e) for e in report.errors)
    assert "c.txt" in messages and "photo.txt" in messages
    assert store.count_articles() == 2
    assert progress[-1] == (4, 4)
    # Each stored article came with its claims, offsets exact.
    for article_id, _ in report.added:
        article = store.get_article(article_id)
        claims = store.claims_for_article(article_id)
        assert claims
        assert all(article.text[c.start : c.end] == c.text for c in claims)


def test_duplicates_are_reported_not_stored(store, tmp_path):
    write(tmp_path, "one.txt", NEWS)
    write(tmp_path, "two.txt", NEWS)
    report = import_paths(store, [tmp_path / "one.txt", tmp_path / "two.txt"])
    assert len(report.added) == 1 and len(report.duplicates) == 1
    assert report.duplicates[0].existing_id == report.added[0][0]


def test_cancel_stops_between_articles(store, tmp_path):
    for i in range(5):
        write(tmp_path, f"n{i}.txt", NEWS.replace("12%", f"{i + 10}%"))
    seen = []
    report = import_paths(store, [tmp_path], progress=lambda d, t, n: seen.append(d), cancelled=lambda: len(seen) >= 2)
    assert report.cancelled
    assert store.count_articles() == 2


def test_pasted_text_becomes_an_article(store):
    article_id, title = import_text(store, NEWS)
    assert title == "Port traffic rises"
    with pytest.raises(DuplicateArticle):
        import_text(store, NEWS)
    assert store.get_article(article_id).original_format == "paste"


def test_first_start_creates_the_sample_library(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_DB", str(tmp_path / "lib" / "library.sqlite"))
    assert default_library_path() == tmp_path / "lib" / "library.sqlite"
    assert len(sample_files()) == 3
    store = open_library(samples=True)
    try:
        articles = store.list_articles()
        assert len(articles) == 3
        assert all(a.claims_total > 0 for a in articles)
        assert {a.language for a in articles} - {"en"}, "one sample is in a non-Latin script"
    finally:
        store.close()
    # Opening again does not add the samples twice.
    store = open_library(samples=True)
    assert store.count_articles() == 3
    store.close()


def test_default_location_is_the_user_data_folder(monkeypatch):
    monkeypatch.delenv("REVIEWER_DB", raising=False)
    from platformdirs import user_data_path

    assert default_library_path() == user_data_path("Reviewer", appauthor=False) / "library.sqlite"


def test_command_line_libraries_start_empty(tmp_path):
    store = open_library(tmp_path / "cli.sqlite")
    assert store.count_articles() == 0
    store.close()
