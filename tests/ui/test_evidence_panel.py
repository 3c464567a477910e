"""Evidence as a fact-checker adds it: links, quoted passages, local files copied into the library; undo."""

from __future__ import annotations

from datetime import date
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox

from reviewer.core.store import attachments_dir
from reviewer.ui.evidence_panel import EvidenceModel, evidence_url

try:  # tests/ui is a package or not, depending on what else lives there
    from .test_review_editor import add_article, make_desk
except ImportError:
    from test_review_editor import add_article, make_desk


@pytest.fixture
def desk(qtbot, store, settings):
    desk = make_desk(qtbot, store, settings)
    desk.editor.focus_evidence()
    desk.panel = desk.editor.evidence
    return desk


def fill_and_accept(qtbot, desk, **fields):
    qtbot.mouseClick(desk.panel.add_button, Qt.MouseButton.LeftButton)
    dialog = desk.panel.dialog
    assert dialog is not None and dialog.isVisible()
    for name, widget in (
        ("url", dialog.url),
        ("title", dialog.title_edit),
        ("quote", dialog.quote),
        ("file", dialog.file),
    ):
        if name in fields:
            qtbot.keyClicks(widget, fields[name])
    with qtbot.waitSignal(desk.hub.changed):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def select_row(qtbot, view, row: int):
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_a_link_with_a_quoted_passage_dated_today(qtbot, desk):
    fill_and_accept(
        qtbot, desk, url="https://ons.example/deficit", title="Public finances", quote="Borrowing was 4.1% of GDP."
    )
    (evidence,) = desk.store.list_evidence(desk.claim)
    assert (evidence.url, evidence.title, evidence.quote) == (
        "https://ons.example/deficit",
        "Public finances",
        "Borrowing was 4.1% of GDP.",
    )
    assert evidence.accessed == date.today().isoformat()
    assert desk.store.history(claim_id=desk.claim)[0].action == "evidence_add"
    assert desk.panel.model.rowCount() == 1
    assert "Public finances" in desk.panel.model.index(0).data()
    assert desk.editor.tabs.tabText(1) == "Evidence (1)"
    desk.stack.undo()
    assert desk.store.list_evidence(desk.claim) == []
    desk.stack.redo()
    assert [e.id for e in desk.store.list_evidence(desk.claim)] == [evidence.id]


def test_an_empty_dialog_is_refused_with_a_message(qtbot, desk):
    qtbot.mouseClick(desk.panel.add_button, Qt.MouseButton.LeftButton)
    dialog = desk.panel.dialog
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "at least" in dialog.error.text()
    assert desk.store.list_evidence(desk.claim) == []


def test_a_local_file_is_copied_into_the_library_under_a_safe_name(qtbot, desk, tmp_path, library_path):
    original = tmp_path / "outside" / "Treasury report (final) <v2>.pdf"
    original.parent.mkdir()
    original.write_bytes(b"%PDF-1.4 evidence")
    fill_and_accept(qtbot, desk, file=str(original), title="Treasury report")
    (evidence,) = desk.store.list_evidence(desk.claim)
    stored = desk.store.attachment_path(evidence)
    assert stored.parent == attachments_dir(library_path)
    assert stored.read_bytes() == b"%PDF-1.4 evidence"
    assert evidence.original_name == original.name
    assert all(ch.isalnum() or ch in "._-" for ch in evidence.file_name)
    original.unlink()  # the library keeps its own copy
    assert stored.is_file()

    # Remove it, then undo: same row, and the file is still there.
    select_row(qtbot, desk.panel.view, 0)
    with qtbot.waitSignal(desk.hub.changed):
        qtbot.mouseClick(desk.panel.remove_button, Qt.MouseButton.LeftButton)
    assert desk.store.list_evidence(desk.claim) == []
    assert desk.panel.model.rowCount() == 0 and desk.panel.empty.isVisible()
    desk.stack.undo()
    assert desk.store.list_evidence(desk.claim) == [evidence]
    assert desk.store.attachment_path(evidence).is_file()


def test_double_click_opens_only_web_links_and_library_files(qtbot, desk, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString())))
    desk.store.add_evidence(desk.claim, url="javascript:alert(1)", title="Hostile")
    desk.store.add_evidence(desk.claim, url="https://ons.example/x", title="Web")
    desk.hub.emit("evidence", claim_ids=(desk.claim,))
    view = desk.panel.view
    for row in (0, 1):
        rect = view.visualRect(view.model().index(row, 0))
        # A real double-click starts with a press; item views ignore a lone double-click event.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["https://ons.example/x"]
    assert "no web link" in desk.editor.error_banner.text()
    hostile = desk.store.list_evidence(desk.claim)[0]
    assert evidence_url(desk.store, hostile) is None


def test_links_that_reports_would_not_make_are_not_opened_either(desk):
    # A space inside is stored as typed (the store keeps what is not a web link) but is no link.
    # As an older version could store it: the store refuses such a URL today.
    desk.store.add_evidence(desk.claim, url="https://ons.example/a", title="Hidden character")
    evidence = desk.store.list_evidence(desk.claim)[0]
    desk.store.db.execute("UPDATE evidence SET url = ? WHERE id = ?", ["https://ons.example/a\u200bb", evidence.id])
    desk.store.db.conn.commit()
    assert evidence_url(desk.store, desk.store.list_evidence(desk.claim)[0]) is None


def test_links_reports_make_are_opened(desk):
    for link in ("https://example.com/?filter=a|b", 'https://example.com/?q={"a":1}', "https://example.com/x^y"):
        desk.store.add_evidence(desk.claim, url=link, title="Odd but valid")
        url = evidence_url(desk.store, desk.store.list_evidence(desk.claim)[-1])
        assert url is not None and url.isValid() and url.host() == "example.com", link


def test_edit_evidence_and_undo(qtbot, desk):
    desk.store.add_evidence(desk.claim, url="https://ons.example/x", title="Old title", accessed="2026-01-02")
    desk.hub.emit("evidence", claim_ids=(desk.claim,))
    select_row(qtbot, desk.panel.view, 0)
    qtbot.mouseClick(desk.panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = desk.panel.dialog
    assert dialog.accessed.date().toString("yyyy-MM-dd") == "2026-01-02"
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "New title")
    with qtbot.waitSignal(desk.hub.changed):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    (evidence,) = desk.store.list_evidence(desk.claim)
    assert (evidence.title, evidence.accessed) == ("New title", "2026-01-02")
    desk.stack.undo()
    assert desk.store.list_evidence(desk.claim)[0].title == "Old title"


def test_evidence_model_passes_the_model_tester(qtmodeltester, store):
    claim = add_article(store)[0]
    store.add_evidence(claim, url="https://a.example", quote="q")
    model = EvidenceModel()
    model.set_items(store.list_evidence(claim))
    qtmodeltester.check(model)
