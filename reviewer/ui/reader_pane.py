"""The reader pane: the article's header (title, status, metadata) over the reader view."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.display import shorten
from ..core.domain import STATUS_LABELS, Article
from ..core.near_duplicates import NearDuplicate
from .offsets import is_rtl
from .reader import ReaderView, reader_font_family


class ArticleHeader(QWidget):
    """Title and metadata above the reader; a link to the article this one nearly repeats, if any."""

    near_duplicate_requested = Signal(int)  # the earlier article's id: open it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleHeader")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 12)
        layout.setSpacing(6)
        self.kicker = QLabel()
        self.kicker.setObjectName("articleKicker")
        self.kicker.setTextFormat(Qt.TextFormat.PlainText)
        # Titles, sources, authors and file names come from the article: never read them as HTML
        # (an <img src> there would load a local file, a styled span could hide words).
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("articleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        # The one rich-text label: its only text from the article is a title, escaped.
        self.near_duplicate = QLabel()
        self.near_duplicate.setObjectName("nearDuplicateLink")
        self.near_duplicate.setTextFormat(Qt.TextFormat.RichText)
        self.near_duplicate.setOpenExternalLinks(False)
        self.near_duplicate.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.near_duplicate.linkActivated.connect(self._near_duplicate_clicked)
        self.near_duplicate.hide()
        layout.addWidget(self.kicker)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.near_duplicate)
        font = QFont(reader_font_family())
        font.setPointSizeF(20)
        font.setBold(True)
        self.title.setFont(font)

    def set_article(
        self, article: Article | None, reviewed: int = 0, total: int = 0, near_duplicate: NearDuplicate | None = None
    ) -> None:
        self._set_near_duplicate(near_duplicate if article is not None else None)
        if article is None:
            self.kicker.setText("")
            self.title.setText("No article open")
            self.meta.setText("Import files (Ctrl+O), drop them here, or paste an article (Ctrl+Shift+V).")
            return
        rtl = is_rtl(article.text, article.language)
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        self.kicker.setText(
            " · ".join(
                p
                for p in (STATUS_LABELS.get(article.status, article.status).upper(), f"{reviewed}/{total} REVIEWED")
                if p
            )
        )
        self.title.setText(article.title)
        parts = [
            article.source,
            f"by {article.author}" if article.author else None,
            (article.published or "")[:10] or None,
        ]
        if not any(parts):
            name = Path(article.source_path).name if article.source_path else None
            parts = [
                f"Imported {article.imported_at[:10]}" if article.imported_at else "Imported",
                f"from {name}" if name else None,
            ]
        parts.append((article.language or "").upper() or None)
        self.meta.setText("  ·  ".join(p for p in parts if p))

    def _set_near_duplicate(self, near: NearDuplicate | None) -> None:
        if near is None:
            self.near_duplicate.hide()
            self.near_duplicate.clear()
            return
        title = escape(shorten(near.original_title, 120))
        self.near_duplicate.setText(
            f'<a href="article:{near.original_id}">Near-duplicate of \u201c{title}\u201d</a>'
            f" ({near.similarity:.0%} similar)"
        )
        self.near_duplicate.setToolTip(f"Its text nearly repeats article {near.original_id}: open it")
        self.near_duplicate.show()

    def _near_duplicate_clicked(self, link: str) -> None:
        kind, _, number = link.partition(":")
        if kind == "article" and number.isdigit():
            self.near_duplicate_requested.emit(int(number))


class ReaderPane(QWidget):
    """The article header over the reader view."""

    def __init__(self, font_size: int, max_width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readerPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = ArticleHeader(self)
        self.view = ReaderView(font_size, max_width, self)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
