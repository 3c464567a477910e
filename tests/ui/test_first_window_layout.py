"""A first window opens with the panes in their designed proportions, however small it started.

Every window is small before its first resize (and the offscreen screen is narrower than three
panes), so the library folds first; widening it must bring back the library and the claims column
at their first widths, not leave the claims column at its minimum.
"""

from __future__ import annotations

from reviewer.ui.window_layout import FIRST_PANE_SIZES, READER_MIN_WIDTH


def test_widening_a_new_window_gives_back_the_first_pane_sizes(desk, sample_article, qtbot):
    window = desk(restore=False)
    wide = sum(FIRST_PANE_SIZES) + 2 * window.splitter.handleWidth()
    window.resize(wide + 40, 900)
    qtbot.waitUntil(lambda: window.splitter.width() >= wide, timeout=30_000)
    library, reader, side = window.splitter.sizes()
    assert library == max(FIRST_PANE_SIZES[0], window.library.minimumSizeHint().width())
    assert side == FIRST_PANE_SIZES[2]
    assert reader >= READER_MIN_WIDTH
