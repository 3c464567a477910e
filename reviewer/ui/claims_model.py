"""Qt models over an article's claims: a table model and a sort/filter proxy.

The table model wraps a plain list of ``Claim`` objects from ``store.claims_for_article``;
all filtering and sorting is done by ``ClaimsFilterProxy`` (always map back with
``mapToSource``). UI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from ..core.domain import Claim, kind_label
from .claim_view import VerdictPalette, claim_color, claim_label, is_active, plain_tooltip

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLOR_ROLE = Qt.ItemDataRole.UserRole + 3  # the verdict colour "#rrggbb"
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 4  # check-worthy and not dismissed under the threshold
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 5  # verdict key, "" when unreviewed
KIND_ROLE = Qt.ItemDataRole.UserRole + 6
SCORE_ROLE = Qt.ItemDataRole.UserRole + 7
META_ROLE = Qt.ItemDataRole.UserRole + 8  # "speaker · kind" line under the claim's text
SEEN_ROLE = Qt.ItemDataRole.UserRole + 9  # best "seen before" score at or above the threshold, else None
SEEN_MARK = "⟲ Seen before"

COLUMNS = ("Claim", "Speaker", "Kind", "Score", "Verdict")
COL_TEXT, COL_SPEAKER, COL_KIND, COL_SCORE, COL_VERDICT = range(len(COLUMNS))

UNREVIEWED_FILTER = "__unreviewed__"


def _in_text_order(claims: Sequence[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: c.start)  # stable: ties keep the store's order


class ClaimsModel(QAbstractTableModel):
    """One row per claim of the open article, in text order (the proxy relies on it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._claims: list[Claim] = []
        self._rows: dict[int, int] = {}
        self._palette: VerdictPalette | None = None
        self._threshold: float | None = None
        self._reviewed = self._active = 0  # kept up to date row by row: a verdict does not recount
        self._seen: dict[int, float] = {}  # claim id -> best match score, only those past the threshold

    # ------------------------------------------------------------------ content
    def set_claims(self, claims: Sequence[Claim], palette: VerdictPalette, threshold: float | None) -> None:
        self.beginResetModel()
        self._claims = _in_text_order(claims)
        self._rows = {c.id: i for i, c in enumerate(self._claims)}
        self._palette = palette
        self._threshold = threshold
        self._reviewed = self._active = 0
        for claim in self._claims:
            self._count(claim, 1)
        self.endResetModel()

    def _count(self, claim: Claim, sign: int) -> None:
        if is_active(claim, self._threshold):
            self._active += sign
            if claim.verdict is not None:
                self._reviewed += sign

    def counts(self) -> tuple[int, int]:
        """(reviewed, total) of the claims that count for review (check-worthy, not dismissed)."""
        return self._reviewed, self._active

    def update_claims(self, claims: Sequence[Claim]) -> None:
        """Replace claims in place when only their content changed (same ids, same order).

        Only rows that differ are reported changed: on an article with thousands of claims a
        verdict must not make the proxy re-filter and re-sort every row."""
        claims = _in_text_order(claims)
        if [c.id for c in claims] != [c.id for c in self._claims]:
            self.set_claims(claims, self._palette, self._threshold)
            return
        old, self._claims = self._claims, claims
        rows = [row for row, (a, b) in enumerate(zip(old, self._claims)) if a != b]
        for row in rows:
            self._count(old[row], -1)
            self._count(self._claims[row], 1)
        self._rows_changed(rows)

    def replace_claims(self, claims: Sequence[Claim]) -> None:
        """Some claims changed (a verdict, a dismissal): update their rows; unknown ids are ignored."""
        rows = []
        for claim in claims:
            row = self._rows.get(claim.id)
            if row is not None and self._claims[row] != claim:
                self._count(self._claims[row], -1)
                self._count(claim, 1)
                self._claims[row] = claim
                rows.append(row)
        self._rows_changed(sorted(rows))

    def _rows_changed(self, rows: list[int]) -> None:
        """One dataChanged per run of consecutive rows."""
        last = len(COLUMNS) - 1
        i = 0
        while i < len(rows):
            j = i
            while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
                j += 1
            self.dataChanged.emit(self.index(rows[i], 0), self.index(rows[j], last))
            i = j + 1

    def set_seen(self, scores: dict[int, float]) -> None:
        """The "seen before" marker: ``scores`` maps claim ids to their best match at or above the
        threshold (claims not in it have none). Kept across ``set_claims``; only changed rows redraw."""
        changed = {cid for cid in self._seen.keys() | scores.keys() if self._seen.get(cid) != scores.get(cid)}
        self._seen = dict(scores)
        self._rows_changed(sorted(row for cid in changed if (row := self._rows.get(cid)) is not None))

    def seen(self, claim_id: int) -> float | None:
        return self._seen.get(claim_id)

    def set_view(self, palette: VerdictPalette, threshold: float | None) -> None:
        """The scale or the threshold changed: labels, colours and check-worthiness change."""
        self.set_claims(self._claims, palette, threshold)

    def claims(self) -> list[Claim]:
        return list(self._claims)

    def claim(self, row: int) -> Claim:
        return self._claims[row]

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.get(claim_id)

    def palette(self) -> VerdictPalette | None:
        return self._palette

    def threshold(self) -> float | None:
        return self._threshold

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._claims)

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

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._claims) or self._palette is None:
            return None
        claim = self._claims[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TEXT:
                return claim.text.replace("\n", " ")
            if column == COL_SPEAKER:
                return claim.speaker or "—"
            if column == COL_KIND:
                return kind_label(claim.kind) + (" · manual" if claim.origin == "manual" else "")
            if column == COL_SCORE:
                return f"{claim.score:.2f}"
            if column == COL_VERDICT:
                return claim_label(claim, self._palette, self._threshold)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TEXT:
                seen = self._seen.get(claim.id)
                return plain_tooltip(
                    claim.text
                    if seen is None
                    else f"{claim.text}\n\n{SEEN_MARK} (match {seen:.2f}): see the claim's Seen before tab."
                )
            if column == COL_VERDICT:
                return plain_tooltip(claim_label(claim, self._palette, self._threshold))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not is_active(claim, self._threshold):
                return QColor(128, 128, 128)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CLAIM_ID_ROLE:
            return claim.id
        if role == COLOR_ROLE:
            return claim_color(claim, self._palette, self._threshold)
        if role == ACTIVE_ROLE:
            return is_active(claim, self._threshold)
        if role == VERDICT_ROLE:
            return claim.verdict or ""
        if role == KIND_ROLE:
            return claim.kind or "other"
        if role == SCORE_ROLE:
            return float(claim.score)
        if role == SEEN_ROLE:
            return self._seen.get(claim.id)
        if role == META_ROLE:
            seen = self._seen.get(claim.id)
            parts = [
                SEEN_MARK if seen is not None else None,
                claim.speaker,
                kind_label(claim.kind),
                "added by hand" if claim.origin == "manual" else None,
                "dismissed" if claim.dismissed else None,
            ]
            return "  ·  ".join(p for p in parts if p)
        if role == SORT_ROLE:
            if column == COL_TEXT:
                return claim.start
            if column == COL_SPEAKER:
                return (claim.speaker or "\uffff").casefold()
            if column == COL_KIND:
                return claim.kind or "other"
            if column == COL_SCORE:
                return float(claim.score)
            if column == COL_VERDICT:
                return self._palette.rank(claim.verdict)
        return None


class ClaimsFilterProxy(QSortFilterProxyModel):
    """Filters by verdict, kind and minimum score; hides non-check-worthy claims unless asked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._verdict: str | None = None  # a key, UNREVIEWED_FILTER, or None for all
        self._kind: str | None = None
        self._min_score = 0.0
        self._show_all = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filters(
        self,
        *,
        verdict: str | None = ...,
        kind: str | None = ...,
        min_score: float | None = None,
        show_all: bool | None = None,
    ) -> None:
        self._begin_filter_change()
        if verdict is not ...:
            self._verdict = verdict or None
        if kind is not ...:
            self._kind = kind or None
        if min_score is not None:
            self._min_score = float(min_score)
        if show_all is not None:
            self._show_all = bool(show_all)
        self._end_filter_change()

    # Qt 6.9 replaced invalidateRowsFilter() by begin/endFilterChange(); support both.
    def _begin_filter_change(self) -> None:
        if hasattr(QSortFilterProxyModel, "beginFilterChange"):
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(QSortFilterProxyModel, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def show_all(self) -> bool:
        return self._show_all

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Text order is the source model's own order: keep it instead of sorting, because sorting
        # asks data() for a key about 14 times per row, over a second for 7,000 claims.
        if column == COL_TEXT and order == Qt.SortOrder.AscendingOrder:
            column = -1
        super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model: ClaimsModel = self.sourceModel()
        claim = model.claim(source_row)
        if not self._show_all and claim.verdict is None and not is_active(claim, model.threshold()):
            return False
        if self._verdict is not None:
            if self._verdict == UNREVIEWED_FILTER:
                if claim.verdict is not None:
                    return False
            elif claim.verdict != self._verdict:
                return False
        if self._kind is not None and (claim.kind or "other") != self._kind:
            return False
        if self._min_score > 0 and claim.score < self._min_score:
            return False
        return True
