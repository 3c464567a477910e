"""Every bad input a user can cause gives ImportFailed naming the file, the problem and advice."""

import random
import struct
import zlib

import pytest

from reviewer.core import importers
from reviewer.core.errors import ImportFailed
from reviewer.core.importers import read_document


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00" * 1
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _failure(path) -> ImportFailed:
    with pytest.raises(ImportFailed) as caught:
        read_document(path)
    error = caught.value
    assert str(path) in str(error)
    assert error.problem and error.advice, "a message says what is wrong and what to do"
    return error


def test_missing_file(tmp_path):
    assert "no such file" in _failure(tmp_path / "gone.txt").problem


def test_folder_given_as_file(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    assert "folder" in _failure(tmp_path / "folder.txt").problem


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_image_renamed_as_text(tmp_path, suffix):
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(_png())
    assert "PNG image" in _failure(path).problem


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".pdf", ".docx"])
def test_empty_and_blank_files(tmp_path, suffix):
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    assert "empty" in _failure(empty).problem
    blank = tmp_path / f"blank{suffix}"
    blank.write_bytes(b"  \n\t\r\n  ")
    assert "empty" in _failure(blank).problem


def test_only_markup_no_text(tmp_path):
    path = tmp_path / "markup.md"
    path.write_text("---\n\n***\n\n<div></div>\n", encoding="utf-8")
    assert "no readable text" in _failure(path).problem


def test_binary_with_zero_bytes(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 40)
    problem = _failure(path).problem
    assert "binary" in problem or "not text" in problem


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    rng = random.Random(1)
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))  # not valid in any text encoding
    error = _failure(path)
    assert "encoding" in error.problem or "text" in error.problem


def test_file_over_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("word " * 300, encoding="utf-8")
    error = _failure(path)
    assert "limit" in error.problem


def test_text_over_character_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_TEXT_CHARS", 500)
    path = tmp_path / "long.txt"
    path.write_text("word " * 300, encoding="utf-8")
    assert "limit" in _failure(path).problem


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    assert "not a format" in _failure(path).problem


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Empty</title><script>var a = 'text only in a script';</script></head><body></body></html>",
        "<html><body><div><div><span></span></div></div><!-- just a comment -->",
        "<<<>>><//>",
    ],
)
def test_malformed_html_without_article_text(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    error = _failure(path)
    assert "text" in error.problem


def test_pdf_that_is_not_a_pdf(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("This is plain text with a PDF name.", encoding="utf-8")
    assert "PDF" in _failure(path).problem


def test_unexpected_library_error_is_wrapped(tmp_path, monkeypatch):
    from reviewer.core.importers import plaintext

    def explode(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(importers, "text_to_blocks", explode)
    path = tmp_path / "ok.txt"
    path.write_text("Perfectly good text.", encoding="utf-8")
    error = _failure(path)
    assert "KeyError" in error.problem
    assert plaintext.text_to_blocks is not explode
