"""View ▸ Seen Before…: the library's claims still to review that match earlier reviews or fact-checks.

A small window beside the desk. The claims to look at (no verdict yet, counting for review at the
reviewer's threshold) are read on a worker; ``SeenBefore`` matches them in the background, after the
open article's, and the rows appear as they pass the threshold: claim, article, best match, score.
Activating a row opens that article at that claim. Everything shown is plain text. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..core.display import shorten
from ..core.domain import counts_for_review
from ..core.matching import Match
from ..core.store import Store
from .claim_view import plain_tooltip
from .plain import plain_label
from .seen_before import SeenBefore
from .seen_before_card import verdict_words
from .tasks import JobContext

COLUMNS = ("Claim", "Article", "Best match", "Score")


@dataclass(frozen=True)
class Candidate:
    claim_id: int
    text: str
    article_id: int
    article_title: str


def _candidates(store: Store, threshold: float | None, ctx: JobContext) -> list[Candidate]:
    """Worker thread (``SeenBefore.read``): every claim without a verdict that counts for review,
    oldest article first."""
    found: list[Candidate] = []
    for summary in reversed(store.list_articles(threshold=threshold)):
        if ctx.cancelled():
            break
        for claim in store.claims_for_article(summary.id):
            if claim.verdict is None and counts_for_review(claim, threshold):
                found.append(Candidate(claim.id, claim.text, summary.id, summary.title))
    return found


class SeenBeforeModel(QAbstractTableModel):
    """Rows: candidates whose best match passes the threshold, with that match."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[Candidate, Match, str]] = []  # the verdict in words

    def set_rows(self, rows: list[tuple[Candidate, Match, str]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        candidate, match, verdict = self.rows[index.row()]
        column = index.column()
        best = (
            f"{'Our review' if match.source == 'review' else (match.publisher or 'Fact-check')}: "
            f"{verdict or 'no rating'} — {match.text}"
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                shorten(candidate.text, 160),
                shorten(candidate.article_title, 60),
                shorten(best, 160),
                f"{match.score:.2f}",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip((candidate.text, candidate.article_title, best, "")[column]) if column < 3 else None
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (candidate.text.casefold(), candidate.article_title.casefold(), best.casefold(), match.score)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row(self, row: int) -> tuple[Candidate, Match, str]:
        return self.rows[row]


class SeenBeforeDialog(QDialog):
    """Not modal: the desk stays usable while the list fills."""

    def __init__(
        self,
        store: Store,
        seen: SeenBefore,
        checkworthy_threshold: Callable[[], float | None],
        open_article: Callable[[int, int | None], object],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("seenBeforeDialog")
        self.setWindowTitle("Seen before")
        self.resize(860, 440)
        self.store, self.seen, self.open_article = store, seen, open_article
        self.candidates: list[Candidate] | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Claims not reviewed yet that match an earlier review in this library or an imported "
            "fact-check. Double-click or press Return to open one."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status = plain_label("Reading the library…", self)
        self.status.setObjectName("paneCount")
        layout.addWidget(self.status)
        self.model = SeenBeforeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.view = QTableView(self)
        self.view.setObjectName("seenBeforeTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setColumnWidth(1, 170)
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)
        self._closed = False
        seen.updated.connect(self._updated)
        if seen.unavailable:
            self.status.setText(seen.unavailable)
        else:
            threshold = checkworthy_threshold()
            seen.read(lambda reader, ctx: _candidates(reader, threshold, ctx), self._candidates_read, self._failed)

    def _candidates_read(self, candidates: list[Candidate]) -> None:
        if self._closed:
            return
        self.candidates = candidates
        self.seen.ask((c.claim_id, c.text) for c in candidates)
        self.refresh()

    def _failed(self, exc: BaseException, _traceback: str) -> None:
        if not self._closed:
            self.status.setText(f"The library could not be read: {exc}")

    def _updated(self, _claim_ids: frozenset[int]) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Rows for the candidates seen before, as ``SeenBefore`` has them now."""
        if self.candidates is None:
            return
        seen = self.seen.seen_matches(c.claim_id for c in self.candidates)
        rows = [
            (c, seen[c.claim_id], verdict_words(self.store, seen[c.claim_id]) or "")
            for c in self.candidates
            if c.claim_id in seen
        ]
        current = self._current_claim()
        if rows != self.model.rows:
            self.model.set_rows(rows)
            self._select(current)
        waiting = self.seen.waiting(c.claim_id for c in self.candidates)
        total = len(self.candidates)
        found = f"{len(rows)} of {total} claims to review seen before"
        self.status.setText(f"{found}; checking {waiting:,} more…" if waiting else f"{found}.")

    def _current_claim(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.row(self.proxy.mapToSource(index).row())[0].claim_id if index.isValid() else None

    def _select(self, claim_id: int | None) -> None:
        for row, (candidate, _match, _verdict) in enumerate(self.model.rows):
            if candidate.claim_id == claim_id:
                self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
                return

    def _activated(self, index: QModelIndex) -> None:
        candidate = self.model.row(self.proxy.mapToSource(index).row())[0]
        self.open_article(candidate.article_id, candidate.claim_id)

    def done(self, result: int) -> None:
        if not self._closed:
            self._closed = True
            self.seen.updated.disconnect(self._updated)
        super().done(result)
