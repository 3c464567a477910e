"""A lazy list model over the library: rows come from ``store.list_articles`` a page at a time.

The view asks for more rows (``canFetchMore``/``fetchMore``) as it scrolls, so a library of
10,000 articles costs one page of queries to show. Rows are plain ``ArticleSummary`` objects.
UI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.domain import STATUS_LABELS, ArticleSummary
from ..core.display import shorten
from ..core.near_duplicates import NearDuplicate
from ..core.store import Store
from .claim_view import plain_tooltip

PAGE_SIZE = 100

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2  # the ArticleSummary
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
NEAR_DUPLICATE_ROLE = Qt.ItemDataRole.UserRole + 4  # the NearDuplicate, or None


class LibraryModel(QAbstractListModel):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[ArticleSummary] = []
        self._index: dict[int, int] = {}
        self._near: dict[int, NearDuplicate] = {}  # loaded rows that nearly repeat an earlier article
        self._more = True
        self._status: str | None = None
        self._query: str = ""
        self._total: int | None = None
        self._threshold: float | None = None

    def set_threshold(self, threshold: float | None) -> None:
        """Count progress at the reviewer's check-worthiness threshold; re-reads loaded rows."""
        if threshold != self._threshold:
            self._threshold = threshold
            if self._rows:
                self.refresh_articles()

    # ------------------------------------------------------------------ filtering
    def set_filter(self, status: str | None = None, query: str = "") -> None:
        """Show only articles with ``status`` matching the full-text ``query``; reloads the first page."""
        self._status, self._query = status or None, (query or "").strip()
        self.reload()

    def filter(self) -> tuple[str | None, str]:
        return self._status, self._query

    def reload(self) -> None:
        """Start over with the first page (loaded inside the reset: one signal, no nested inserts)."""
        self.beginResetModel()
        self._rows, self._index, self._more, self._total, self._near = [], {}, True, None, {}
        page = self._page(0)
        self._index = {s.id: i for i, s in enumerate(page)}
        self._rows = page
        self.endResetModel()

    def _page(self, offset: int):
        raw = self._store.list_articles(
            status=self._status, query=self._query or None, offset=offset, limit=PAGE_SIZE, threshold=self._threshold
        )
        if len(raw) < PAGE_SIZE:
            self._more = False
        page = [s for s in raw if s.id not in self._index]
        self._read_near_duplicates([s.id for s in page])
        return page

    def _read_near_duplicates(self, ids: list[int]) -> None:
        found = self._store.near_duplicates_for(ids)
        for article_id in ids:
            self._near.pop(article_id, None)
        self._near.update(found)

    def total(self) -> int:
        """How many articles match the filter (counted once per filter)."""
        if self._total is None:
            if not self._more:
                self._total = len(self._rows)
            else:
                self._total = self._store.count_articles(status=self._status, query=self._query or None)
        return self._total

    # ------------------------------------------------------------------ rows
    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        return self._index.get(article_id)

    def load_until(self, article_id: int, max_rows: int = 2000) -> int | None:
        """Fetch pages until ``article_id`` is loaded (bounded); its row or None."""
        while article_id not in self._index and self._more and len(self._rows) < max_rows:
            self.fetchMore(QModelIndex())
        return self._index.get(article_id)

    def refresh_articles(self, article_ids: list[int] | None = None) -> None:
        """Re-read loaded rows (all, or only these ids) in place: progress, status, title."""
        if not self._rows:
            self.reload()
            return
        ids = [i for i in (article_ids or []) if i in self._index] if article_ids else None
        if ids == []:
            return
        if ids is None:
            fresh = self._store.list_articles(
                status=self._status,
                query=self._query or None,
                offset=0,
                limit=len(self._rows),
                threshold=self._threshold,
            )
            if [s.id for s in fresh] != [s.id for s in self._rows]:
                self.reload()
                return
            self._rows = fresh
            self._read_near_duplicates([s.id for s in fresh])
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
            return
        self._read_near_duplicates(ids)
        for summary in self._store.list_articles(ids=ids, threshold=self._threshold):
            row = self._index[summary.id]
            if self._status and summary.status != self._status:
                self.reload()  # it no longer matches the filter
                return
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        page = self._page(len(self._rows))
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for i, summary in enumerate(page):
            self._index[summary.id] = first + i
        self._rows.extend(page)
        self.endInsertRows()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        s = self._rows[index.row()]
        near = self._near.get(s.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return s.title
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                s.title,
                s.source or "",
                s.progress_label,
                STATUS_LABELS.get(s.status, s.status),
                near_duplicate_label(near),
            ]
            return plain_tooltip("\n".join(p for p in parts if p))  # a title "<img src=…>" shown as written
        if role == NEAR_DUPLICATE_ROLE:
            return near
        if role == ARTICLE_ID_ROLE:
            return s.id
        if role == SUMMARY_ROLE:
            return s
        if role == STATUS_ROLE:
            return s.status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                p
                for p in (s.title, s.progress_label, STATUS_LABELS.get(s.status, s.status), near_duplicate_label(near))
                if p
            )
        return None


def near_duplicate_label(near: NearDuplicate | None) -> str:
    """What the list says of an article that nearly repeats an earlier one (plain text; '' if none)."""
    if near is None:
        return ""
    return f"Near-duplicate of \u201c{shorten(near.original_title, 80)}\u201d"
