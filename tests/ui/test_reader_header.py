"""Issue 12, item 4: the reader header shows an article's title and details as text, never as HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.domain import Article
from reviewer.ui.reader_pane import ArticleHeader
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
    article = Article(
        id=1,
        title="<i>T</i>",
        text="Body.",
        source='<a href="http://x">site</a>',
        author="<img src=/etc/passwd>",
        source_path=None,
    )
    header.set_article(article, 0, 1)
    for label in (header.kicker, header.title, header.meta):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert '<a href="http://x">site</a>' in header.meta.text()
    assert "by <img src=/etc/passwd>" in header.meta.text()
    named = Article(
        id=2,
        title="t",
        text="Body.",
        source=None,
        author=None,
        source_path=str(tmp_path / "<img src=x><u>name.txt"),
        imported_at="2024-01-01",
    )
    header.set_article(named, 0, 1)
    assert "from <img src=x><u>name.txt" in header.meta.text()
    header.deleteLater()


def test_claim_and_verdict_tooltips_show_their_text_literally(store, qapp):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QPushButton

    from reviewer.core.domain import Verdict, VerdictScale
    from reviewer.ui.claim_view import VerdictPalette
    from reviewer.ui.claims_model import COL_TEXT, ClaimsModel
    from reviewer.ui.verdict_buttons import VerdictButtons

    hostile = 'Spending <b>rose</b> <img src="/etc/hosts"> by 4 percent.'
    article, claims = build_article(store, "T", [("paragraph", hostile)])
    model = ClaimsModel()
    model.set_claims(claims, VerdictPalette.from_store(store), None)

    def shown(tip: str) -> str:
        doc = QTextDocument()
        doc.setHtml(tip)
        return doc.toPlainText()

    tip = model.index(0, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip) == claims[0].text
    scale = VerdictScale(
        id="s",
        name="S",
        verdicts=(Verdict("k", "<i>Label</i>", "#112233", description='<span style="color:#fff">hidden</span>'),),
    )
    buttons = VerdictButtons()
    buttons.set_scale(scale)
    tips = [shown(b.toolTip()) for b in buttons.findChildren(QPushButton)]
    assert '<i>Label</i> (key 1)\n<span style="color:#fff">hidden</span>' in tips
    buttons.deleteLater()
