"""Text that came from an article, a note, a file name or a person is shown as written.

A QLabel in its default (automatic) format renders anything that looks like HTML: a title
``<img src="/some/local/file">`` loads that file, ``<span style="color:#fff">`` hides words. The
desk is opened on a library full of such text, and every label that shows some of it must be
plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import build_article

MARK = "<img src='/etc/hostname'>"
HIDE = "<span style='color:#fff'>hidden</span>"


def _labels_showing(widget, marker: str) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if marker in label.text()]


def test_every_label_with_hostile_text_is_plain(desk, store, qtbot):
    build_article(
        store,
        f"Budget {MARK} row {HIDE}",
        [("paragraph", f"The minister {MARK} said the deficit rose to 4.2% last year.")],
        speaker=f"minister {MARK}",
    )
    store.adopt_reviewer_name(f"Ana {HIDE}")
    window = desk()
    window.hub.emit("error", message=f"Could not read {MARK}.txt")
    window.hub.emit("status", message=f"Imported {HIDE}")
    window.review_editor.set_verdict_by_index(1)
    shown = _labels_showing(window, MARK) + _labels_showing(window, HIDE)
    assert shown, "the hostile title should be shown somewhere"
    rich = [label.text() for label in shown if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []
