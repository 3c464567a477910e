"""The Export dialog, driven as a person would: pick format and scope, watch the preview, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_reports_data import hostile_library, sample_library  # noqa: E402

from reviewer.ui.export_dialog import ExportDialog  # noqa: E402


@pytest.fixture
def library(store):
    return sample_library(store)


def _dialog(qtbot, store, settings, tasks, article_ids=None):
    dialog = ExportDialog(store, settings, tasks, parent=None, article_ids=article_ids)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(qtbot, button):
    # Radio buttons and check boxes only react on their indicator and label, not the whole row.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _wait_preview(qtbot, dialog, contains: str):
    try:
        qtbot.waitUntil(lambda: contains in dialog.preview.toPlainText(), timeout=10_000)
    except Exception:
        raise AssertionError(dialog.preview_status.text())


def test_scope_defaults_to_current_article_and_preview_shows_it(qtbot, store, settings, tasks, library):
    a1, a2, _ = library
    dialog = _dialog(qtbot, store, settings, tasks, article_ids=[a1.id])
    assert dialog.scope_current.isChecked() and dialog.scope_current.isEnabled()
    assert not dialog.scope_selected.isEnabled()
    _wait_preview(qtbot, dialog, "Unemployment fell to 4.2% last year")
    assert "Harbour plan" not in dialog.preview.toPlainText()
    assert dialog.options().article_ids == (a1.id,)

    _click(qtbot, dialog.scope_library)
    assert dialog.scope_library.isChecked()
    _wait_preview(qtbot, dialog, "Harbour plan")
    assert dialog.options().article_ids == ()


def test_changing_format_updates_extension_and_preview(qtbot, store, settings, tasks, library, tmp_path):
    dialog = _dialog(qtbot, store, settings, tasks)
    dialog.path_edit.setText(str(tmp_path / "report.html"))
    dialog.set_format("csv")
    assert dialog.path_edit.text() == str(tmp_path / "report.csv")
    _wait_preview(qtbot, dialog, "article_id,article_title")
    dialog.set_format("json")
    _wait_preview(qtbot, dialog, '"schema": "reviewer-report"')
    assert dialog.path_edit.text().endswith("report.json")


def test_filters_narrow_the_preview(qtbot, store, settings, tasks, library):
    dialog = _dialog(qtbot, store, settings, tasks)
    _wait_preview(qtbot, dialog, "Rents doubled since 2015")
    item = next(
        dialog.verdict_list.item(i)
        for i in range(dialog.verdict_list.count())
        if dialog.verdict_list.item(i).data(Qt.ItemDataRole.UserRole) == "supported"
    )
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: "Rents doubled" not in dialog.preview.toPlainText(), timeout=10_000)
    assert "Unemployment fell" in dialog.preview.toPlainText()
    assert dialog.options().verdicts == ("supported",)

    _click(qtbot, dialog.include_unreviewed)
    assert dialog.options().include_unreviewed
    _wait_preview(qtbot, dialog, "Officials expect more tourism")


def test_export_writes_the_file_off_the_ui_thread(qtbot, store, settings, tasks, library, tmp_path):
    a1, _, _ = library
    dialog = _dialog(qtbot, store, settings, tasks, article_ids=[a1.id])
    dialog.set_format("json")
    target = tmp_path / "out" / "desk.json"
    target.parent.mkdir()
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(tasks.job_started, timeout=30_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_path is not None, timeout=20_000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == [a1.id]
    assert str(target) in dialog.result_label.text()
    assert dialog.open_folder_button.isVisible()
    assert list(target.parent.iterdir()) == [target]  # no temporary file left
    # The next export starts in the folder used last time.
    again = _dialog(qtbot, store, settings, tasks, article_ids=[a1.id])
    assert Path(again.path_edit.text()).parent == target.parent


def test_export_pdf_from_dialog(qtbot, store, settings, tasks, library, tmp_path):
    dialog = _dialog(qtbot, store, settings, tasks)
    dialog.set_format("pdf")
    dialog.page_size_combo.setCurrentText("Letter")
    target = tmp_path / "report.pdf"
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_path is not None, timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert settings.pref("page_size") == "Letter"


def test_export_error_is_shown_and_nothing_written(qtbot, store, settings, tasks, library, tmp_path):
    dialog = _dialog(qtbot, store, settings, tasks)
    dialog.path_edit.setText(str(tmp_path))  # a folder
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "folder" in dialog.result_label.text(), timeout=10_000)
    assert dialog.export_button.isEnabled()
    assert not dialog.open_folder_button.isVisible()


def test_preview_never_runs_or_loads_hostile_content(qtbot, store, settings, tasks):
    hostile_library(store)
    dialog = _dialog(qtbot, store, settings, tasks)
    _wait_preview(qtbot, dialog, "Crime rose 50%")
    # The hostile markup shows as text, not as elements.
    assert "<script>alert(1)</script>" in dialog.preview.toPlainText()
    assert dialog.preview.loadResource(0, dialog.preview.source()) is None
    import re

    hrefs = re.findall(r'href="([^"]*)"', dialog.preview.toHtml())
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs
    assert "<img" not in dialog.preview.toHtml()


def test_pdf_renders_in_a_worker_thread(qtbot, store, library):
    """QTextDocument and QPdfWriter work off the UI thread (what the dialog's export relies on)."""
    import threading

    pypdf = pytest.importorskip("pypdf")
    import io

    from reviewer.core.reports import ReportOptions, build_report
    from reviewer.pdf_qt import render_pdf

    report = build_report(store, ReportOptions(page_size="Letter"))
    result = {}

    def work():
        result["thread"] = threading.current_thread() is not threading.main_thread()
        result["pdf"] = render_pdf(report)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert result["thread"]
    reader = pypdf.PdfReader(io.BytesIO(result["pdf"]))
    assert "Rents doubled since 2015" in " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
