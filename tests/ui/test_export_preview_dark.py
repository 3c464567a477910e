"""The export preview is readable in the dark theme (issue 16): the report is shown as on paper."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from test_reports_data import sample_library  # noqa: E402

from reviewer.ui.export_dialog import ExportDialog  # noqa: E402
from reviewer.ui.theme import apply_theme  # noqa: E402

SHOTS = Path("/tmp")


@pytest.fixture
def dark(qapp):
    # Put back exactly what other tests run with (style, palette, style sheet): a "light" theme
    # is not the default offscreen look, and window sizes elsewhere depend on it.
    from PySide6.QtWidgets import QStyleFactory

    style, palette, sheet, dark = qapp.style().name(), qapp.palette(), qapp.styleSheet(), qapp.property("reviewer_dark")
    apply_theme(qapp, "dark")
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)
    qapp.setProperty("reviewer_dark", dark)


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _ink_and_page(dialog, words: str) -> tuple[QColor, QColor]:
    """What a reader sees around ``words`` of the preview: the page (the commonest colour of
    their line) and the ink (the glyph colour farthest from it)."""
    from PySide6.QtCore import QRect

    browser = dialog.preview
    document = browser.document()
    cursor = document.find(words)
    assert not cursor.isNull(), words
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    end = browser.cursorRect(cursor)
    cursor.setPosition(cursor.selectionStart())
    start = browser.cursorRect(cursor)
    browser.setTextCursor(cursor)  # no selection colour over the words
    QApplication.processEvents()
    rect = QRect(start.topLeft(), end.bottomRight()).adjusted(0, 0, 0, 0)
    image: QImage = browser.viewport().grab(rect).toImage()
    counts: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    page = QColor.fromRgb(max(counts, key=counts.get))
    ink = max((QColor.fromRgb(rgb) for rgb in counts), key=lambda c: contrast(c, page))
    return ink, page


@pytest.mark.parametrize("fmt_label", ["HTML", "Markdown"])
def test_preview_text_stands_out_in_the_dark_theme(qtbot, dark, store, settings, tasks, fmt_label):
    sample_library(store)
    dialog = ExportDialog(store, settings, tasks, parent=None, article_ids=None)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 760)
    dialog.show()
    combo = dialog.format_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if fmt_label.lower() in combo.itemText(i).lower()))
    qtbot.waitUntil(lambda: "Unemployment" in dialog.preview.toPlainText(), timeout=10_000)
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / f"export_preview_dark_{fmt_label.lower()}.png"))
    assert QApplication.instance().property("reviewer_dark")
    for words in ("Generated", "Unemployment fell to 4.2% last year"):  # a cover label, a claim
        ink, page = _ink_and_page(dialog, words)
        assert contrast(ink, page) >= 4.5, (words, ink.name(), page.name())
