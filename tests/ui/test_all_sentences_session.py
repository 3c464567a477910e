""" "All sentences" is a view for this session: a restart or another library starts without it (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import SAMPLE_BLOCKS, build_article


def test_all_sentences_is_off_again_after_a_restart(desk, store, qtbot):
    build_article(store, "Mixed", SAMPLE_BLOCKS, checkworthy_every=2)
    window = desk()
    box = window.claims.show_all
    assert not box.isChecked()
    checkworthy_only = window.claims.proxy.rowCount()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and window.actions["show_all"].isChecked()
    assert window.claims.proxy.rowCount() > checkworthy_only  # the whole article is listed
    window.save_session()
    window.close()

    again = desk()  # the app builds a new window on a restart and for another library
    assert not again.claims.show_all.isChecked()
    assert not again.actions["show_all"].isChecked()
    assert again.claims.proxy.rowCount() == checkworthy_only
