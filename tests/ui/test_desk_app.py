"""The app as started from the command line: screenshot, bad libraries, reviewer name, drops."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage

from reviewer.core.errors import LibraryError
from reviewer.ui import library_files, start
from tests.ui.conftest import SAMPLE_BLOCKS, build_article

REPO = Path(__file__).resolve().parents[2]


def test_screenshot_command_writes_png_of_window_size(tmp_path):
    from reviewer.app import SCREENSHOT_SIZE
    from reviewer.core.store import Store

    db = tmp_path / "lib.sqlite"
    with Store.open(db, reviewer="tester") as store:
        build_article(store, "Hospital beds", SAMPLE_BLOCKS)
    out = tmp_path / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "gui", "--db", str(db), "--screenshot", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    # Not a blank image: the article page is light, its text dark.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    assert len(colours) > 10


def _garbage(path: Path) -> bytes:
    data = b"this is not a database at all" * 10
    path.write_bytes(data)
    return data


def test_bad_library_offers_choices_and_leaves_file_alone(tmp_path, qapp):
    bad = tmp_path / "bad.sqlite"
    data = _garbage(bad)
    seen = []

    def ask(path, message, has_backups):
        seen.append((path, message, has_backups))
        return start.QUIT

    assert start.open_library_interactive(bad, "tester", ask=ask) is None
    assert seen and "not a Reviewer library" in seen[0][1] and seen[0][2] is False
    assert bad.read_bytes() == data
    with pytest.raises(LibraryError):
        start.open_library_interactive(bad, "tester", interactive=False)


def test_bad_library_create_new_instead(tmp_path, qapp, monkeypatch):
    bad = tmp_path / "bad.sqlite"
    data = _garbage(bad)
    fresh = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(library_files.QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    store = start.open_library_interactive(bad, "tester", ask=lambda *a: start.CREATE)
    try:
        assert store.path == fresh
    finally:
        store.close()
    assert bad.read_bytes() == data


def test_bad_library_restore_backup(tmp_path, qapp, monkeypatch):
    from reviewer.core.backup import take_backup
    from reviewer.core.store import Store

    lib = tmp_path / "lib.sqlite"
    with Store.open(lib, reviewer="tester") as store:
        build_article(store, "Kept", SAMPLE_BLOCKS)
        take_backup(store.conn, lib, "daily")
    for suffix in ("-wal", "-shm"):
        Path(str(lib) + suffix).unlink(missing_ok=True)
    lib.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged
    monkeypatch.setattr(start, "_pick_backup", lambda library: start.list_backups(library)[0].path)
    choices = iter([start.RESTORE])
    store = start.open_library_interactive(lib, "tester", ask=lambda *a: next(choices))
    try:
        assert [s.title for s in store.list_articles()] == ["Kept"]
    finally:
        store.close()


def test_reviewer_name_defaults_to_login_when_not_interactive(tmp_path, qapp):
    from reviewer.app import ask_reviewer_name
    from reviewer.core.store import default_reviewer
    from reviewer.ui.settings import Settings

    settings = Settings(tmp_path / "s.ini")
    assert ask_reviewer_name(settings, interactive=False) == default_reviewer()
    assert settings.pref("reviewer_name") == ""  # asked later, in an interactive start
    settings.set_pref("reviewer_name", "Ana")
    assert ask_reviewer_name(settings, interactive=True) == "Ana"


def test_every_write_carries_the_reviewer_name(desk, sample_article, store, settings, qtbot):
    settings.set_pref("reviewer_name", "Ana Ruiz")
    window = desk()
    window.apply_preferences()
    window.actions["status_done"].trigger()
    assert store.history(article_id=sample_article[0].id)[0].who == "Ana Ruiz"
    assert "Ana Ruiz" in window.status_who.text()


def _drag_and_drop(window, mime) -> bool:
    """What a drag from a file manager delivers: enter, then drop (Qt routes the drop to the enter's target)."""
    from PySide6.QtWidgets import QApplication

    enter = QDragEnterEvent(
        QPoint(60, 60), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPoint(60, 60).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_drop_a_file_imports_and_opens_it(desk, store, tmp_path, qtbot):
    window = desk()
    article = tmp_path / "dropped.txt"
    article.write_text(
        "Dropped article\n\nThe port handled 4 million containers in 2023, officials said.\n", encoding="utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    with qtbot.waitSignal(window.import_flow.finished, timeout=30000) as blocker:
        assert _drag_and_drop(window, mime)
    report = blocker.args[0]
    assert len(report.added) == 1
    new_id = report.added[0][0]
    assert window.article.id == new_id
    assert window.library.current_article() == new_id
    assert window.library.model.row_of(new_id) is not None
    assert "4 million containers" in window.reader.toPlainText()
    # Dropping it again reports a duplicate and imports nothing.
    with qtbot.waitSignal(window.import_flow.finished, timeout=30000) as blocker:
        assert _drag_and_drop(window, mime)
    assert not blocker.args[0].added and len(blocker.args[0].duplicates) == 1
    assert store.count_articles() == 1


def test_remote_urls_are_not_accepted(desk):
    window = desk()
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/article.html")])
    assert not _drag_and_drop(window, mime)


def test_import_reports_bad_files_and_keeps_the_rest(desk, store, tmp_path, qtbot):
    window = desk()
    good = tmp_path / "good.md"
    good.write_text("# Rates\n\nInflation fell to 2.1 percent in May, the bank said.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.import_flow.finished, timeout=30000) as blocker:
        window.import_flow.import_paths([good, empty])
    report = blocker.args[0]
    assert len(report.added) == 1 and len(report.errors) == 1
    assert "empty.txt" in str(report.errors[0])
    assert window.article.title == "Rates"


def test_paste_as_new_article(desk, store, qtbot):
    from PySide6.QtGui import QGuiApplication

    window = desk()
    QGuiApplication.clipboard().setText("Pasted piece\n\nThe mayor said crime fell 12 percent last year.")
    with qtbot.waitSignal(window.import_flow.finished, timeout=30000) as blocker:
        window.actions["paste_article"].trigger()
    assert len(blocker.args[0].added) == 1
    assert window.article.id == blocker.args[0].added[0][0]
