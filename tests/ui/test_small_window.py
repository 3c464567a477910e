"""The desk in a small window: the reader keeps a readable column, the claim card is not clipped, and the
library folds away below the width three panes need, coming back when wanted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics


def reader_columns(window) -> float:
    """About how many average characters of reader text fit on a line."""
    reader = window.reader
    return reader.viewport().width() / QFontMetrics(reader.font()).averageCharWidth()


def card_fits(editor) -> bool:
    label = editor.claim_text
    return (
        label.height() >= label.heightForWidth(label.width())
        and label.isVisible()
        and editor.card.geometry().bottom() <= editor.card.parentWidget().height()
    )


def test_at_the_minimum_size_the_reader_is_readable_and_the_card_whole(desk, sample_article, qtbot):
    window = desk()
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == window.minimumSize(), timeout=30_000)
    qtbot.wait(50)
    window.grab().save("/tmp/small_window_minimum.png")
    assert window.minimumWidth() <= 843  # no larger than it was: a half-screen window still fits
    assert window.narrow_panes.library_folded()
    assert reader_columns(window) >= 35  # it was three words
    assert window.review_editor.width() >= window.review_editor.minimumSizeHint().width()
    assert card_fits(window.review_editor)


def test_the_library_folds_below_three_panes_and_comes_back(desk, sample_article, qtbot):
    window = desk()
    window.resize(1300, 800)
    qtbot.waitUntil(lambda: window.width() == 1300, timeout=30_000)
    window.splitter.setSizes([300, 630, 370])
    wide = window.splitter.sizes()
    assert wide[0] > 0 and wide[2] > 0
    window.resize(window.narrow_panes.three_panes_width() - 40, 800)
    qtbot.waitUntil(window.narrow_panes.library_folded, timeout=30_000)
    assert window.splitter.sizes()[2] >= window.review_editor.minimumSizeHint().width()
    assert reader_columns(window) >= 35
    window.resize(1300, 800)
    qtbot.waitUntil(lambda: not window.narrow_panes.library_folded(), timeout=30_000)
    assert window.splitter.sizes()[0] == wide[0]


def test_ctrl_f_in_a_small_window_shows_the_library_until_the_claims_get_focus_again(desk, sample_article, qtbot):
    window = desk()
    window.resize(window.minimumSize())
    qtbot.waitUntil(window.narrow_panes.library_folded, timeout=30_000)
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.library.search
    assert search.hasFocus()
    assert window.library.width() >= window.library.minimumSizeHint().width()  # all of it, not a sliver
    assert search.visibleRegion().boundingRect().width() == search.width()
    assert reader_columns(window) >= 35  # the claims column made way, not the reader
    window.grab().save("/tmp/small_window_search.png")
    qtbot.keyClicks(search, "hospital")
    qtbot.keyClick(search, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Go to Claims
    qtbot.waitUntil(window.narrow_panes.library_folded, timeout=30_000)
    assert window.claims.view.hasFocus()
    assert window.splitter.sizes()[2] >= window.review_editor.minimumSizeHint().width()


def test_a_pane_folded_by_hand_opens_when_its_key_is_pressed(desk, sample_article, qtbot):
    window = desk()
    # Room for three panes, the reader kept under ~830 px (wider, ReaderView.resizeEvent recurses until it crashes).
    width = window.narrow_panes.three_panes_width() + 20
    window.resize(width, 800)
    qtbot.waitUntil(lambda: window.width() == width, timeout=30_000)
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([0, total - 400, 400])  # as dragging the library's edge to the left does
    assert window.narrow_panes.library_folded()
    window.claims.view.setFocus()
    qtbot.keyClick(window.claims.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Go to Library
    assert window.library.view.hasFocus()
    assert window.library.width() >= window.library.minimumSizeHint().width()
    window.splitter.setSizes([360, total - 360, 0])  # the claims column dragged shut
    qtbot.keyClick(window.library.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Go to Claims
    assert window.claims.view.hasFocus()
    assert window.splitter.sizes()[2] >= window.review_editor.minimumSizeHint().width()
    assert window.splitter.sizes()[0] == 360
