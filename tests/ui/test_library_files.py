"""Open Library… and New Library…: one pair of file dialogs for the window and the start-up screen."""

from __future__ import annotations

from reviewer.ui import library_files


def _answer(monkeypatch, name: str, path) -> list:
    asked = []

    def fake(parent, title, start, name_filter):
        asked.append((title, start, name_filter))
        return (str(path) if path else "", "")

    monkeypatch.setattr(library_files.QFileDialog, name, fake)
    return asked


def test_new_library_gets_a_suffix_and_starts_in_the_libraries_folder(desk, store, tmp_path, monkeypatch, qtbot):
    window = desk()
    asked = _answer(monkeypatch, "getSaveFileName", tmp_path / "cases")
    with qtbot.waitSignal(window.library_requested) as blocker:
        window.actions["new_library"].trigger()
    assert blocker.args == [tmp_path / "cases.sqlite"]
    assert asked[0][1] == str(store.path.parent / "new-library.sqlite")


def test_new_library_refuses_an_existing_file(desk, store, tmp_path, monkeypatch, qtbot):
    window = desk()
    _answer(monkeypatch, "getSaveFileName", store.path)
    requested = []
    window.library_requested.connect(requested.append)
    window.actions["new_library"].trigger()
    assert requested == []
    assert "already exists" in window.status_message.text()


def test_open_library_and_cancel(desk, tmp_path, monkeypatch, qtbot):
    window = desk()
    other = tmp_path / "other.db"
    _answer(monkeypatch, "getOpenFileName", other)
    with qtbot.waitSignal(window.library_requested) as blocker:
        window.actions["open_library"].trigger()
    assert blocker.args == [other]
    _answer(monkeypatch, "getOpenFileName", None)
    requested = []
    window.library_requested.connect(requested.append)
    window.actions["open_library"].trigger()
    assert requested == []
