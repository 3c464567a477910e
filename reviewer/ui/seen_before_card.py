"""The claim card's "Seen before": the current claim's top matches, and reusing one's verdict.

``SeenBeforePanel`` (a tab of the review editor) lists the matches with score, source (“our review”
of an article, or the fact-check's publisher), verdict and date; the selected one shows its text and
link below. Everything in it came from articles and imported files, so it is plain text: tree items,
plain labels, and a link that is only shown as text and opened (http or https only) in the system
browser when the person clicks “Open link”.

``ReuseVerdictCommand`` sets the verdict and adds the note line in one audited store change
(``Store.change_review``), one undo step. UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.display import shorten
from ..core.domain import Claim, ReviewChange
from ..core.matching import Match
from ..core.store import Store
from ..core.urls import safe_url
from ..core.verdict_mapping import map_verdict, match_source, seen_before_note
from .changes import REVIEW, ChangeHub
from .claim_view import plain_tooltip
from .commands import StoreCommand
from .plain import plain_label
from .seen_before import SeenBefore

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Score", "Source", "Verdict", "Date")


def verdict_words(store: Store, match: Match) -> str | None:
    """The match's verdict as a person reads it: a review's verdict label, a fact-check's rating."""
    if match.source == "review" and match.verdict:
        verdict, _scale = store.verdict_info(match.verdict)
        return verdict.label if verdict else match.verdict
    return match.verdict


def reuse_values(store: Store, match: Match) -> tuple[str | None, str]:
    """(the key of the active scale's verdict the match's verdict means, or None; the note line)."""
    scale = store.active_scale()
    words = verdict_words(store, match)
    if match.source == "review" and match.verdict in scale.keys:
        key: str | None = match.verdict
    else:
        key = map_verdict(words, scale)
    who = match_source(match.source, match.publisher, match.title)
    return key, seen_before_note(who, words, match.url)


def link_of(match: Match) -> QUrl | None:
    """What “Open link” opens: the match's address if it is a web address (http or https)."""
    link = safe_url(match.url)
    if link is None:
        return None
    url = QUrl(link)
    return url if url.isValid() and url.scheme().lower() in ("http", "https") and url.host() else None


class ReuseVerdictCommand(StoreCommand):
    """A matched verdict (if any fits the scale) and the note line naming where it was seen, as one
    review change; undo reverts both, and refuses if another window changed them meanwhile."""

    kinds = (REVIEW,)

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, values: dict[str, str], text: str):
        article_id = store.get_claim(claim_id).article_id
        super().__init__(store, hub, text, article_id=article_id, claim_ids=(claim_id,))
        self.claim_id = claim_id
        self.values = dict(values)
        review = store.get_review(claim_id)
        self.before = {field: getattr(review, field) for field in self.values}
        self.change: ReviewChange | None = None

    def apply(self) -> None:
        self.change = self.store.change_review(self.claim_id, **self.values, expect=self.before)

    def revert(self) -> None:
        if self.change is not None:
            self.store.revert_review_change(self.change)


class SeenBeforePanel(QWidget):
    """The current claim's matches. Told the claim by the desk; reads matches from ``SeenBefore``."""

    reuse_requested = Signal()
    count_changed = Signal(int)  # matches at or above the threshold (for the tab's title)

    def __init__(self, store: Store, seen: SeenBefore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("seenBeforePanel")
        self.store, self.seen = store, seen
        self.claim: Claim | None = None
        self._shown: tuple[Match, ...] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.status = plain_label("", self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.status)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("seenBeforeMatches")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Earlier checks of this claim")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 110)
        self.tree.setMinimumHeight(self.tree.fontMetrics().height() * 5)
        layout.addWidget(self.tree, 1)
        self.text = plain_label("", self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Matched claim")
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.link = plain_label("", self)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.link.setMinimumWidth(40)
        self.open_button = QPushButton("Open link", self)
        self.open_button.setToolTip("Open the original in your web browser")
        self.reuse_button = QPushButton("Reuse verdict", self)
        self.reuse_button.setObjectName("reuseVerdict")
        self.reuse_button.setToolTip(
            "Give this claim the selected match's verdict, with a note linking the original (R)"
        )
        row.addWidget(self.link, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.reuse_button)
        layout.addLayout(row)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        self.tree.itemActivated.connect(lambda *_: self.reuse_requested.emit())
        self.open_button.clicked.connect(self.open_link)
        self.reuse_button.clicked.connect(self.reuse_requested.emit)
        self.set_claim(None)

    # ------------------------------------------------------------------ content
    def set_claim(self, claim: Claim | None) -> None:
        self.claim = claim
        self._shown = None
        self.refresh()

    def refresh(self) -> None:
        """Show the claim's matches as ``SeenBefore`` has them now (keeps the selection if they are the same)."""
        claim = self.claim
        matches = self.seen.matches(claim.id) if claim is not None else None
        threshold = self.seen.threshold()
        if matches != self._shown:
            self._fill(matches or (), threshold)
            self._shown = matches
        passing = sum(1 for m in matches or () if m.score >= threshold)
        self.status.setText(self._status_text(matches, passing, threshold))
        self.count_changed.emit(passing)

    def _status_text(self, matches: tuple[Match, ...] | None, passing: int, threshold: float) -> str:
        if self.seen.unavailable:
            return self.seen.unavailable
        if self.claim is None:
            return ""
        if matches is None:
            return "Looking for earlier checks of this claim…"
        redoing = "" if self.seen.is_current(self.claim.id) else " Looking again…"
        if not matches:
            return "No fact-check or earlier review to compare with yet." + redoing
        if passing == 0:
            return (
                f"Not seen before: the closest match scores {matches[0].score:.2f}, under the threshold "
                f"{threshold:.2f}." + redoing
            )
        what = "match" if passing == 1 else "matches"
        return f"Seen before: {passing} {what} at or above {threshold:.2f}. R reuses the selected verdict." + redoing

    def _fill(self, matches: tuple[Match, ...], threshold: float) -> None:
        self.tree.clear()
        for match in matches:
            who = (
                "Our review: " + shorten(match.title or "an article", 60)
                if match.source == "review"
                else shorten(match.publisher or "Fact-check", 60)
            )
            item = QTreeWidgetItem(
                [f"{match.score:.2f}", who, shorten(verdict_words(self.store, match) or "—", 40), match.date or ""]
            )
            item.setData(0, MATCH_ROLE, match)
            item.setToolTip(1, plain_tooltip(match.text))
            if match.score < threshold:
                for column in range(len(COLUMNS)):
                    item.setForeground(column, self.palette().color(QPalette.ColorRole.PlaceholderText))
            self.tree.addTopLevelItem(item)
        if matches and matches[0].score >= threshold:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show_selected()

    def _show_selected(self) -> None:
        match = self.selected_match()
        self.text.setText(f"“{shorten(match.text, 400)}”" if match else "")
        self.text.setVisible(match is not None)
        url = link_of(match) if match is not None else None
        self.link.setText(shorten(match.url, 80) if match is not None and match.url else "")
        self.link.setToolTip(plain_tooltip(match.url) if match is not None and match.url else "")
        self.open_button.setEnabled(url is not None)
        self.reuse_button.setEnabled(match is not None)

    # ------------------------------------------------------------------ actions
    def selected_match(self) -> Match | None:
        item = self.tree.currentItem()
        return item.data(0, MATCH_ROLE) if item is not None else None

    def open_link(self) -> None:
        match = self.selected_match()
        url = link_of(match) if match is not None else None
        if url is not None:
            QDesktopServices.openUrl(url)
