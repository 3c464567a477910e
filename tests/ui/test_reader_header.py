"""Issue 12, item 4: the reader header shows an article's title and details as text, never as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.domain import Article
from reviewer.ui.reader import ArticleHeader
from tests.ui.conftest import SAMPLE_BLOCKS, build_article

HOSTILE = '<b>x</b><img src="{image}"> <span style="color:#fff">hidden</span>'


def test_an_html_title_shows_literally_in_the_reader_header(desk, store, tmp_path):
    image = tmp_path / "local.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    title = HOSTILE.format(image=image)
    article, _claims = build_article(store, title, SAMPLE_BLOCKS)
    window = desk(article_id=article.id)
    label = window.reader_pane.header.title
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == title  # every character shown, the tags included
    # What a person reads is the markup itself: no bold "x", no image, no hidden words.
    label.setSelection(0, len(title))
    assert label.selectedText() == title


def test_source_author_and_file_name_are_plain_text(qapp, tmp_path):
    header = ArticleHeader()
    article = Article(id=1, title="<i>T</i>", text="Body.", source='<a href="http://x">site</a>',
                      author="<img src=/etc/passwd>", source_path=None)
    header.set_article(article, 0, 1)
    for label in (header.kicker, header.title, header.meta):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert '<a href="http://x">site</a>' in header.meta.text()
    assert "by <img src=/etc/passwd>" in header.meta.text()
    named = Article(id=2, title="t", text="Body.", source=None, author=None,
                    source_path=str(tmp_path / "<img src=x><u>name.txt"), imported_at="2024-01-01")
    header.set_article(named, 0, 1)
    assert "from <img src=x><u>name.txt" in header.meta.text()
    header.deleteLater()
