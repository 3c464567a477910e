"""Near-duplicate articles in the desk (#17, part D): a marker and tooltip in the library list, and a link
in the article header that opens the article it nearly repeats."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument

from reviewer.ui.library_model import NEAR_DUPLICATE_ROLE
from tests.core.near_duplicate_texts import ORIGINAL, SAME_TOPIC, with_added_paragraph
from tests.ui.conftest import Doc

HOSTILE_TITLE = 'Libraries <img src="/etc/hostname"> & <b>budget</b>'


def _library(store):
    original = store.add_article(Doc(HOSTILE_TITLE, ORIGINAL))
    other = store.add_article(Doc("Another paper's story", SAME_TOPIC))
    copy = store.add_article(Doc("The longer copy", with_added_paragraph()))
    return original, other, copy


def _shown(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def test_the_header_link_opens_the_article_nearly_repeated(desk, store, qtbot):
    original, other, copy = _library(store)
    window = desk(article_id=copy.id)
    assert window.article.id == copy.id
    link = window.reader_pane.header.near_duplicate
    qtbot.waitUntil(link.isVisible)
    # The hostile title is read as text: escaped inside the one rich-text label, no image, no bold.
    assert _shown(link.text()).startswith(f"Near-duplicate of \u201c{HOSTILE_TITLE}\u201d")
    assert "<img" not in link.text() and "<b>" not in link.text()

    with qtbot.waitSignal(window.reader_pane.header.near_duplicate_requested, timeout=5000) as clicked:
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=QPoint(8, link.height() // 2))
    assert clicked.args == [original.id]
    assert window.article.id == original.id
    assert window.library.current_article() == original.id
    assert not link.isVisible()  # the original repeats nothing

    window.open_article(other.id)
    assert not link.isVisible()


def test_the_library_list_marks_a_near_duplicate(desk, store, qtbot):
    original, other, copy = _library(store)
    window = desk()
    model = window.library.model
    rows = {model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1): model.index(r, 0) for r in range(model.rowCount())}
    assert rows[original.id].data(NEAR_DUPLICATE_ROLE) is None
    assert rows[other.id].data(NEAR_DUPLICATE_ROLE) is None
    near = rows[copy.id].data(NEAR_DUPLICATE_ROLE)
    assert near is not None and near.original_id == original.id
    tip = _shown(rows[copy.id].data(Qt.ItemDataRole.ToolTipRole))
    assert f"Near-duplicate of \u201c{HOSTILE_TITLE}\u201d" in tip
    assert "Near-duplicate" not in _shown(rows[other.id].data(Qt.ItemDataRole.ToolTipRole))
    assert "Near-duplicate" in rows[copy.id].data(Qt.ItemDataRole.AccessibleTextRole)
    # The original's tooltip shows its title as written, tags and all.
    assert _shown(rows[original.id].data(Qt.ItemDataRole.ToolTipRole)).startswith(HOSTILE_TITLE)


def test_deleting_the_original_clears_the_mark_when_the_list_is_refreshed(desk, store, qtbot):
    original, _other, copy = _library(store)
    window = desk(article_id=copy.id)
    assert window.reader_pane.header.near_duplicate.isVisible()
    store.delete_article(original.id)
    window.library.model.reload()
    row = window.library.model.row_of(copy.id)
    assert window.library.model.index(row, 0).data(NEAR_DUPLICATE_ROLE) is None
    window.open_article(copy.id)
    assert not window.reader_pane.header.near_duplicate.isVisible()
