"""The ClaimReview base URL, set as a person would: in Preferences and in the Export dialog, which says who needs
it when it is missing (#16)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_reports_data import sample_library  # noqa: E402

from reviewer.ui.export_dialog import ExportDialog  # noqa: E402


@pytest.fixture
def preferences(qtbot, store, settings):
    from reviewer.ui.actions import ActionCollection
    from reviewer.ui.changes import ChangeHub
    from reviewer.ui.preferences import PreferencesDialog

    def make():
        owner = QWidget()
        qtbot.addWidget(owner)
        dialog = PreferencesDialog(store, settings, ChangeHub(), ActionCollection(owner, settings), owner)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def _type(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _ok(qtbot, dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_preferences_keep_the_base_url(qtbot, settings, preferences):
    dialog = preferences()
    _type(qtbot, dialog.url_base_edit, "https://factdesk.example/checks/")
    _ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.pref("claimreview_url_base") == "https://factdesk.example/checks"
    assert preferences().url_base_edit.text() == "https://factdesk.example/checks"  # shown next time


def test_preferences_refuse_a_base_url_that_is_not_http(qtbot, settings, preferences):
    dialog = preferences()
    _type(qtbot, dialog.url_base_edit, "javascript:alert(1)")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.url_base_error.isVisible() and "http:// or https://" in dialog.url_base_error.text()
    assert settings.pref("claimreview_url_base") == ""


def test_export_dialog_says_who_needs_a_url_and_uses_the_base(qtbot, store, settings, tasks, tmp_path):
    _, _, claims = sample_library(store)
    dialog = ExportDialog(store, settings, tasks, parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_format("md")
    assert not dialog.url_base_hint.isVisible()  # a Markdown report has no ClaimReview
    dialog.set_format("claimreview")
    assert dialog.url_base_hint.isVisible()
    assert "Google Fact Check Tools" in dialog.url_base_hint.text() and "url" in dialog.url_base_hint.text()

    _type(qtbot, dialog.url_base_edit, "https://factdesk.example")
    assert not dialog.url_base_hint.isVisible()
    out = tmp_path / "reviews.claimreview.json"
    dialog.path_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.exists() and dialog.export_button.isEnabled(), timeout=20_000)
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert reviews[0]["url"] == f"https://factdesk.example/claims/{claims['Unemployment fell to 4.2% last year']}"
    assert settings.pref("claimreview_url_base") == "https://factdesk.example"  # the next export starts with it


def test_export_dialog_refuses_a_bad_base_url_and_writes_nothing(qtbot, store, settings, tasks, tmp_path):
    sample_library(store)
    dialog = ExportDialog(store, settings, tasks, parent=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_format("claimreview")
    _type(qtbot, dialog.url_base_edit, "ftp://factdesk.example")
    out = tmp_path / "reviews.claimreview.json"
    dialog.path_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "http:// or https://" in dialog.result_label.text(), timeout=10_000)
    assert not out.exists() and settings.pref("claimreview_url_base") == ""
