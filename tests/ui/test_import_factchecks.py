"""File ▸ Import Fact-checks…: files chosen, a collection named, the import off the UI thread, the outcome shown (#17)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox


def choose(monkeypatch, files, name=None, ok=True):
    """The file dialog returns ``files``; the name dialog returns ``name`` (its default when None)."""
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], ""))

    def get_text(parent, title, label, mode, default):
        asked.append((label, default))
        return (default if name is None else name), ok

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def feed(tmp_path):
    data = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {
                "@type": "DataFeedItem",
                "item": [
                    {
                        "@type": "ClaimReview",
                        "claimReviewed": "The council spent £3 million on consultants.",
                        "url": "https://desk.example/consultants",
                        "reviewRating": {"alternateName": "Mostly true"},
                        "author": {"@type": "Organization", "name": "Desk"},
                    }
                ],
            }
        ],
    }
    path = tmp_path / "Desk feed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def outcome(qtbot, window):
    flow = window.factcheck_import
    qtbot.waitUntil(lambda: flow.message is not None and flow.message.isVisible(), timeout=20_000)
    box = flow.message
    labels = [label for label in box.findChildren(QLabel) if label.text()]
    return box, labels


def test_menu_imports_a_feed_into_a_collection_named_after_the_file(qtbot, desk, store, tmp_path, monkeypatch):
    window = desk()
    path = feed(tmp_path)
    asked = choose(monkeypatch, [path])
    assert window.actions["import_factchecks"] in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(window.factcheck_import.finished, timeout=20_000) as blocker:
        window.actions["import_factchecks"].trigger()
    assert asked == [("Collection for this file:", "Desk feed")]
    report = blocker.args[0]
    assert report.imported == 1
    assert [(c.name, c.count) for c in store.factcheck_collections()] == [("Desk feed", 1)]
    box, labels = outcome(qtbot, window)
    assert box.text() == "1 fact-check imported, 0 duplicates."
    assert any("imported into 'Desk feed' (ClaimReview JSON)" in label.text() for label in labels)
    assert "1 fact-check imported" in window.status_message.text()
    box.close()


def test_bad_rows_and_a_bad_file_are_listed_in_plain_text(qtbot, desk, store, tmp_path, monkeypatch):
    window = desk()
    rows = tmp_path / "rows.csv"
    rows.write_text("claim,verdict\nOne.,False\n,<b>True</b>\n<img src=x onerror=alert(1)>,False\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    choose(monkeypatch, [rows, broken], name="  <i>Mine</i>  ")
    with qtbot.waitSignal(window.factcheck_import.finished, timeout=20_000):
        window.actions["import_factchecks"].trigger()
    assert [(c.name, c.count) for c in store.factcheck_collections()] == [("<i>Mine</i>", 2)]
    box, labels = outcome(qtbot, window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "2 fact-checks imported, 0 duplicates, 1 row skipped, 1 file failed."
    shown = "\n".join(label.text() for label in labels)
    assert "rows.csv: line 3: no claim text (skipped)" in shown
    assert "broken.json: is not valid JSON (line 1" in shown
    assert "into '<i>Mine</i>'" in shown
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels if "<i>" in label.text())
    box.close()


def test_cancelling_the_name_imports_nothing(qtbot, desk, store, tmp_path, monkeypatch):
    window = desk()
    choose(monkeypatch, [feed(tmp_path)], ok=False)
    window.actions["import_factchecks"].trigger()
    qtbot.wait(200)
    assert not window.tasks.jobs and store.factcheck_collections() == []


def test_a_file_that_is_not_fact_checks_changes_nothing(qtbot, desk, store, tmp_path, monkeypatch):
    window = desk()
    prose = tmp_path / "notes.txt"
    prose.write_text("Just some notes.\nNothing to import.\n", encoding="utf-8")
    choose(monkeypatch, [prose])
    with qtbot.waitSignal(window.factcheck_import.finished, timeout=20_000):
        window.actions["import_factchecks"].trigger()
    assert store.factcheck_collections() == []
    box, labels = outcome(qtbot, window)
    assert box.text() == "0 fact-checks imported, 0 duplicates, 1 file failed."
    assert any("notes.txt: is not a fact-check file" in label.text() for label in labels)
    box.close()
