"""Folders expand recursively, sorted, skipping hidden and unsupported files."""

from pathlib import Path

from reviewer.core.importers import find_importable, read_document


def test_folder_expansion(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in [
        "z.txt",
        "a/one.md",
        "a/deep/two.HTML",
        "b/three.docx",
        "b/notes.xlsx",
        ".secret.txt",
        ".hidden/inside.txt",
        "b/.also-hidden.md",
        "image.png",
    ]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, problems = find_importable([tmp_path])
    assert problems == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "z.txt",
        "a/one.md",
        "a/deep/two.HTML",
        "b/three.docx",
    ]
    assert all(isinstance(f, Path) for f in files)


def test_missing_paths_and_empty_folders_are_problems(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "picture.jpg").write_bytes(b"\xff\xd8\xff")
    good = tmp_path / "good.txt"
    good.write_text("An article.", encoding="utf-8")
    files, problems = find_importable([tmp_path / "missing", empty, good, str(good), tmp_path / "table.csv"])
    assert files == [good]
    messages = [str(p) for p in problems]
    assert any("missing" in m and "no such file" in m for m in messages)
    assert any(str(empty) in m and "nothing Reviewer can import" in m for m in messages)
    assert len(problems) == 3  # table.csv does not exist yet
    (tmp_path / "table.csv").write_text("a,b", encoding="utf-8")
    files, problems = find_importable([tmp_path / "table.csv"])
    assert files == [] and "not a format" in str(problems[0])


def test_batch_keeps_going_after_a_bad_file(tmp_path):
    (tmp_path / "1-good.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "2-bad.txt").write_bytes(b"")
    (tmp_path / "3-good.md").write_text("# Third\n\nThird article text.", encoding="utf-8")
    files, problems = find_importable([tmp_path])
    imported, failed = [], []
    for file in files:
        try:
            imported.append(read_document(file).title)
        except Exception as error:  # the CLI does the same with ImportFailed
            failed.append(type(error).__name__)
    assert imported == ["First article text.", "Third"] and failed == ["ImportFailed"] and not problems


def test_unreadable_paths_are_reported_not_raised(tmp_path, monkeypatch):
    """Tests run as root, where permissions do not bite: simulate the errors a person would get."""
    import os
    from pathlib import Path

    from reviewer.core.importers import find_importable

    good = tmp_path / "inbox"
    (good / "locked").mkdir(parents=True)
    (good / "a.txt").write_text("Port traffic\n\nVolumes rose 12% in October.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, problems = find_importable([good])
    assert [f.name for f in files] == ["a.txt"]
    assert len(problems) == 1 and "locked" in str(problems[0]) and "cannot be read" in str(problems[0])

    secret = tmp_path / "secret"
    real_is_dir = Path.is_dir
    monkeypatch.setattr(
        Path,
        "is_dir",
        lambda self: (
            (_ for _ in ()).throw(PermissionError(13, "Permission denied")) if self == secret else real_is_dir(self)
        ),
    )
    files, problems = find_importable([secret])
    assert files == [] and "cannot be read" in str(problems[0])
