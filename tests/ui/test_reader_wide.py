"""The reader keeps its text column centred at any width without resizing itself in a loop.

Its margins once came from the viewport's size, which the margins themselves change: past about
830 px each change caused another, for ever, and the app crashed in a maximised window.
"""

from __future__ import annotations

from reviewer.ui.reader import ReaderView


def test_wide_reader_settles_on_one_margin(qtbot):
    view = ReaderView(max_width=760)
    qtbot.addWidget(view)
    view.setPlainText("The deficit rose to 4.2% of GDP last year. " * 200)
    view.show()
    for width in (600, 830, 900, 1400, 1920, 700):
        view.resize(width, 600)
        qtbot.wait(10)
        margins = view.viewportMargins()
        assert margins.left() == margins.right() == max(28, (width - 760) // 2)
        assert view.viewport().width() <= width - 2 * margins.left()
