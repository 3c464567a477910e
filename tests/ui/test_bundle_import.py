"""File ▸ Import Bundle…: a dry-run summary first, Import or Cancel, the merge as one undo step (#18)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.core.bundles.export import export_bundle
from reviewer.core.store import Store
from tests.bundle_helpers import add_article, dump, records


def alice_bundle(tmp_path, titles=("Lisbon", "Porto")):
    with Store.open(tmp_path / "alice.sqlite", reviewer="alice") as alice:
        alice.adopt_reviewer_name("alice")
        for title in titles:
            _, claims = add_article(alice, title)
            alice.set_review(claims[0], verdict="supported", note="<b>checked</b>")
        export_bundle(alice, tmp_path / "alice.rvbundle")
    return tmp_path / "alice.rvbundle"


def choose(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def shown_titles(window):
    model = window.library.view.model()
    return sorted(model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) or "" for r in range(model.rowCount()))


def open_preview(qtbot, window):
    flow = window.bundle_import
    flow.quiet = True
    window.actions["import_bundle"].trigger()
    qtbot.waitUntil(lambda: flow.preview is not None and flow.preview.isVisible(), timeout=20_000)
    return flow.preview


def test_import_shows_a_dry_run_then_merges_as_one_undo_step(qtbot, desk, store, library_path, tmp_path, monkeypatch):
    window = desk()
    add_article(store, "Lisbon")  # the same article is already here: it stays one article
    window.refresh()
    choose(monkeypatch, alice_bundle(tmp_path))
    assert window.actions["import_bundle"] in window.menuBar().actions()[0].menu().actions()
    before = records(library_path)

    preview = open_preview(qtbot, window)
    assert records(library_path) == before  # the dry run wrote nothing
    assert preview.text().startswith("Bundle from alice: articles 1 added, claims 4 added, colleagues' reviews 2 added")
    assert "New: Report on Porto" in preview.informativeText()
    assert "Already here: Report on Lisbon" in preview.informativeText()
    with qtbot.waitSignal(window.bundle_import.finished, timeout=20_000) as done:
        qtbot.mouseClick(window.bundle_import.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].counts["articles"].added == 1
    after = records(library_path)
    assert len(after["articles"]) == 2 and len(after["peer_reviews"]) == 2
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 2)
    stack = window._test_keep[1]
    assert stack.count() == 1 and stack.undoText() == "Import Bundle from alice"

    window.actions["undo"].trigger()
    assert records(library_path) == before
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 1)
    window.actions["redo"].trigger()
    assert records(library_path) == after
    qtbot.waitUntil(lambda: len(shown_titles(window)) == 2)


def test_cancel_after_the_dry_run_changes_nothing(qtbot, desk, store, library_path, tmp_path, monkeypatch):
    window = desk()
    choose(monkeypatch, alice_bundle(tmp_path))
    before = dump(library_path)
    preview = open_preview(qtbot, window)
    cancel = preview.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(window.bundle_import.finished, timeout=20_000) as done:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert done.args[0] is None
    assert dump(library_path) == before and window._test_keep[1].count() == 0


def test_a_file_that_is_not_a_bundle_is_one_message_and_changes_nothing(
    qtbot, desk, library_path, tmp_path, monkeypatch
):
    window = desk()
    bad = tmp_path / "notes.rvbundle"
    bad.write_text("not a bundle", encoding="utf-8")
    choose(monkeypatch, bad)
    before = dump(library_path)
    window.bundle_import.quiet = True
    with qtbot.waitSignal(window.bundle_import.finished, timeout=20_000) as done:
        window.actions["import_bundle"].trigger()
    assert done.args[0] is None and window.bundle_import.preview is None
    assert dump(library_path) == before and window._test_keep[1].count() == 0
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "not an SQLite file" in boxes[-1].informativeText()
    assert boxes[-1].textFormat() == Qt.TextFormat.PlainText
