"""Attached evidence files are copied under safe names and never written outside the library.

Proves that ``safe_name`` turns any name (hypothesis over arbitrary text plus known attacks:
``../../x``, absolute paths, backslash paths, NUL, control and bidi characters, 1,000-character
names, Windows device names like ``CON``/``con.txt``/``LPT1.log``) into a plain name of at most
91 ASCII letters, digits, dots, dashes and underscores that is not a device name, does not start
with a dot or dash, and does not end with a dot; and that ``copy_into_library`` and
``Store.add_evidence`` write exactly one new file, directly inside the library's attachment
folder, with the original bytes, whatever the source file is called — nothing else anywhere in
the surrounding folders changes, a link left in the folder is not written through, and a failed
save removes only its own copy (never a file another evidence item shares).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.attachments import copy_into_library, safe_name
from reviewer.core.errors import ReviewerError
from reviewer.core.store import Store, attachments_dir

from .helpers import make_library

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
HOSTILE_NAMES = [
    "../../x",
    "../../../etc/passwd",
    "/etc/passwd",
    "..\\..\\windows\\system32\\x.dll",
    "C:\\evil.exe",
    "a\x00b.txt",
    "..",
    ".",
    "...",
    " ",
    "-rf",
    ".bashrc",
    "x" * 1000,
    "y" * 200 + "." + "z" * 200,
    "CON",
    "con.txt",
    "Nul",
    "COM1.log",
    "lpt9.tar.gz",
    "AUX.",
    "CON .txt",
    "evidence.pdf\u202etxt.exe",
    "line\nbreak.txt",
    "tab\there.png",
    "quote\"'.txt",
    "star*?.txt",
    "colon:stream.txt",
    "émission télé.docx",
    "報告.pdf",
    "\u200b\u200b.txt",
    "trailing dot.",
    "trailing space ",
]


def _assert_safe(name: str) -> None:
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,91}", name), name
    assert name not in {".", ".."} and not name.startswith((".", "-")) and not name.endswith(".")
    assert name.split(".")[0].upper() not in RESERVED, name


@pytest.mark.parametrize("original", HOSTILE_NAMES)
def test_known_hostile_names_become_safe(original):
    _assert_safe(safe_name(original))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_any_name_becomes_safe(original):
    _assert_safe(safe_name(original))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["..", ".", "/", "\\", "CON", "nul", "\x00", "~", "$", ":", " ", "a", "txt", "é"]), max_size=20
    ).map("".join)
)
def test_path_like_names_become_safe(original):
    _assert_safe(safe_name(original))


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


def _posix_name(name: str) -> str | None:
    """The hostile name as a real file name, where the file system allows it ('/' and NUL never are)."""
    name = name.replace("/", "").replace("\x00", "")
    return None if name in {"", ".", ".."} else name[:250]


# "." and ".." name the folder itself and its parent, never a file: they are tested below as paths to attach.
FILE_NAMES = [name for name in HOSTILE_NAMES if _posix_name(name) is not None]


@pytest.mark.parametrize("original", FILE_NAMES)
def test_copy_lands_inside_the_attachment_folder(original, tmp_path):
    name = _posix_name(original)
    source_dir = tmp_path / "outside" / "deep" / "sources"
    source_dir.mkdir(parents=True)
    source = source_dir / name
    payload = os.urandom(2048)
    source.write_bytes(payload)
    folder = tmp_path / "library.sqlite.files"
    before = _tree(tmp_path)
    stored, kept_original = copy_into_library(source, folder)
    after = _tree(tmp_path)
    new = {k: v for k, v in after.items() if k not in before}
    assert list(new) == [str(Path("library.sqlite.files") / stored)]
    assert new[str(Path("library.sqlite.files") / stored)] == payload
    assert {k: v for k, v in after.items() if k in before} == before  # nothing else changed
    assert kept_original == name
    _assert_safe(stored.split("-", 1)[1])
    assert (folder / stored).resolve().parent == folder.resolve()


@pytest.mark.parametrize("last", [".", ".."])
def test_a_path_ending_in_dot_or_dot_dot_is_refused_and_writes_nothing(last, tmp_path):
    source_dir = tmp_path / "outside" / "sources"
    source_dir.mkdir(parents=True)
    (source_dir / "evidence.pdf").write_bytes(b"%PDF-1.4 evidence")
    folder = tmp_path / "library.sqlite.files"
    before = _tree(tmp_path)
    with pytest.raises(ReviewerError, match="no such file to attach"):
        copy_into_library(Path(os.path.join(source_dir, last)), folder)  # a folder, not a file
    assert _tree(tmp_path) == before and not folder.exists()


def test_traversal_in_the_source_path_is_not_followed_into_the_name(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text("x")
    folder = tmp_path / "lib" / "library.sqlite.files"
    stored, _ = copy_into_library(tmp_path / "a" / "b" / ".." / "x.txt", folder)
    assert [p.name for p in folder.iterdir()] == [stored] and stored.endswith("-x.txt")


def test_a_link_left_in_the_folder_is_not_written_through(tmp_path):
    source = tmp_path / "evidence.pdf"
    source.write_bytes(b"%PDF-1.4 evidence")
    folder = tmp_path / "library.sqlite.files"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    import hashlib

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    (folder / f"{digest}-evidence.pdf.part").symlink_to(victim)
    stored, _ = copy_into_library(source, folder)
    assert victim.read_text() == "keep me"
    assert (folder / stored).read_bytes() == b"%PDF-1.4 evidence"


def test_special_files_and_folders_are_refused(tmp_path):
    folder = tmp_path / "files"
    with pytest.raises(ReviewerError):
        copy_into_library(tmp_path, folder)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ReviewerError):
        copy_into_library(fifo, folder)
    assert not folder.exists() or not any(folder.iterdir())


def test_add_evidence_stores_hostile_names_inside_the_library(tmp_path):
    library = tmp_path / "lib" / "library.sqlite"
    ids = make_library(library, notes=False)
    sources = tmp_path / "sources"
    sources.mkdir()
    with Store.open(library, reviewer="tester") as store:
        for i, original in enumerate(HOSTILE_NAMES):
            name = _posix_name(original)
            if name is None:
                continue
            (sources / name).write_bytes(f"file {i}".encode())
            evidence = store.add_evidence(ids[0], file=sources / name, title=f"e{i}")
            path = store.attachment_path(evidence)
            assert path.parent == attachments_dir(library) and path.read_bytes() == f"file {i}".encode()
            assert evidence.original_name == name
    outside = [
        p
        for p in tmp_path.rglob("*")
        if p.is_file()
        and attachments_dir(library) not in p.parents
        and sources not in p.parents
        and not p.name.startswith("library.sqlite")
    ]
    assert outside == []


def test_failed_save_keeps_a_file_shared_with_earlier_evidence(tmp_path):
    library = tmp_path / "library.sqlite"
    ids = make_library(library, notes=False)
    source = tmp_path / "shared.pdf"
    source.write_bytes(b"%PDF shared")
    with Store.open(library, reviewer="tester") as store:
        first = store.add_evidence(ids[0], file=source, title="first")
        with pytest.raises(ReviewerError):  # same file, unknown claim: the save fails
            store.add_evidence(999_999, file=source, title="second")
        assert store.attachment_path(first).read_bytes() == b"%PDF shared"
