"""View ▸ Compare Reviews: the claims where reviewers disagree, side by side, and the final decision.

A small window beside the desk (not modal). One row per claim whose reviewers gave different
verdicts (``Store.disagreements``), of the whole library or of the open article: the claim, its
article, each reviewer's verdict (with its scale colour) and the final decision; above the table,
the agreement figures of each of those articles (``Store.agreement_by_article``). With a row
selected, the verdict keys of the desk (1–9, as the person set them) record that verdict as the
final decision and 0 clears it — each one undo step on the desk's stack (``FinalDecisionCommand``,
audited by the store). Return or a double-click opens the article at that claim in the desk.
Names, verdicts, titles and claims came from other people's bundles: everything is plain text.
UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import Change
from ..core.display import shorten
from ..core.errors import NotFound, ReviewerError
from ..core.reports.facts import agreement_summary
from ..core.store import Store
from ..core.team import Disagreement, FinalDecision
from .changes import ARTICLES, CLAIMS, REVIEW, SCALE
from .changes import Change as HubChange
from .changes import ChangeHub
from .claim_view import plain_tooltip
from .commands import ChangeCommand, push
from .peer_reviews import verdict_label_color
from .plain import plain_label

WHOLE_LIBRARY, OPEN_ARTICLE = 0, 1
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_ARTICLE_LINES = 4  # more articles than this: the header shows the selected claim's article only


class FinalDecisionCommand(ChangeCommand):
    """Record (or, with ``verdict`` None, clear) the final decision on a claim: one undo step."""

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, verdict: str | None, label: str = ""):
        text = f"Final decision “{label or verdict}”" if verdict else "Clear final decision"
        super().__init__(store, hub, text, store.get_claim(claim_id).article_id, (claim_id,))
        self.claim_id = claim_id
        self.verdict = verdict

    def make(self) -> Change:
        if self.verdict is None:
            return self.store.clear_final_decision_change(self.claim_id)
        return self.store.set_final_decision_change(self.claim_id, self.verdict)


@dataclass(frozen=True)
class CompareRow:
    """One claim where reviewers disagree, as the table shows it."""

    claim_id: int
    article_id: int
    text: str
    article_title: str
    verdicts: Mapping[str, str | None]  # reviewer -> verdict key
    decision: FinalDecision | None


def compare_rows(store: Store, found: Sequence[Disagreement]) -> tuple[list[CompareRow], list[str]]:
    """The table's rows and its reviewer columns (own reviewers first, then colleagues by name)."""
    titles: dict[int, str] = {}
    own: list[str] = []
    peers: set[str] = set()
    rows = []
    for d in found:
        claim = d.claim
        if claim.article_id not in titles:
            titles[claim.article_id] = store.get_article(claim.article_id).title
        for r in d.reviews:
            if r.own and r.reviewer not in own:
                own.append(r.reviewer)
            elif not r.own:
                peers.add(r.reviewer)
        rows.append(
            CompareRow(
                claim.id,
                claim.article_id,
                claim.text,
                titles[claim.article_id],
                {r.reviewer: r.verdict for r in d.reviews},
                d.decision,
            )
        )
    return rows, own + sorted(peers - set(own))


class CompareModel(QAbstractTableModel):
    """Rows: ``CompareRow``s; columns: claim, article, one per reviewer, final decision."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.rows: list[CompareRow] = []
        self.reviewers: list[str] = []

    def set_rows(self, rows: list[CompareRow], reviewers: list[str]) -> None:
        self.beginResetModel()
        self.rows, self.reviewers = list(rows), list(reviewers)
        self.endResetModel()

    def columns(self) -> list[str]:
        return ["Claim", "Article", *self.reviewers, "Final decision"]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.reviewers) + 3

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        columns = self.columns()
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return shorten(columns[section], 24)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(columns[section])
        return None

    def _key(self, row: CompareRow, column: int) -> tuple[bool, str | None]:
        """(whether the column holds a verdict, its key) for a reviewer or the decision column."""
        if 2 <= column < 2 + len(self.reviewers):
            return True, row.verdicts.get(self.reviewers[column - 2])
        if column == 2 + len(self.reviewers):
            return True, row.decision.verdict if row.decision else None
        return False, None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        is_verdict, key = self._key(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return shorten(row.text, 160)
            if column == 1:
                return shorten(row.article_title, 60)
            if key is None:
                return "—"
            return verdict_label_color(self.store, key)[0]
        if role == Qt.ItemDataRole.DecorationRole and is_verdict and key is not None:
            return QColor(verdict_label_color(self.store, key)[1])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return plain_tooltip(row.text)
            if column == 1:
                return plain_tooltip(row.article_title)
            if column == 2 + len(self.reviewers) and row.decision is not None:
                d = row.decision
                return plain_tooltip(
                    f"Decided by {d.decided_by}, {d.decided_at[:16].replace('T', ' ')}"
                    + (f"\n{shorten(d.note, 400)}" if d.note else "")
                )
        if role == CLAIM_ROLE:
            return row.claim_id
        return None

    def row_of(self, claim_id: int | None) -> int | None:
        for i, row in enumerate(self.rows):
            if row.claim_id == claim_id:
                return i
        return None


def _default_keys(n: int) -> list[QKeySequence]:
    return [QKeySequence(str(n))]


class CompareDialog(QDialog):
    """Not modal: the desk stays usable. ``open_article(article_id, claim_id)`` and
    ``current_article()`` are the window's; ``verdict_keys(n)`` the keys of its action ``verdict_n``."""

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        open_article: Callable[[int, int | None], object],
        current_article: Callable[[], int | None],
        verdict_keys: Callable[[int], list[QKeySequence]] = _default_keys,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare reviews")
        self.resize(980, 520)
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.open_article, self.current_article = open_article, current_article
        self.error: str | None = None
        self._figures: list[tuple[int | None, str]] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        top = QHBoxLayout()
        intro = QLabel("Claims whose reviewers gave different verdicts.", self)
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.scope = QComboBox(self)
        self.scope.addItems(["Whole library", "Open article"])
        self.scope.setAccessibleName("Show claims of")
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.scope)
        layout.addLayout(top)
        self.agreement = plain_label("", self)  # names and titles come from bundles
        self.agreement.setObjectName("agreementFigures")
        self.agreement.setWordWrap(True)
        self.agreement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.agreement)
        self.model = CompareModel(store, self)
        self.view = QTableView(self)
        self.view.setObjectName("compareTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(lambda _now, _before: self._show_agreement())
        layout.addWidget(self.view, 1)
        self.hint = plain_label("", self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.status = plain_label("", self)
        self.status.setObjectName("statusError")
        self.status.setStyleSheet("color: #B03000;")
        self.status.hide()
        layout.addWidget(self.status)

        # The desk's verdict keys, here for the final decision (the desk's own do not reach this window).
        self.decide_actions: dict[int, QAction] = {}
        for n in range(10):
            action = QAction("Clear final decision" if n == 0 else f"Final decision {n}", self)
            action.setShortcuts(verdict_keys(n))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, n=n: self.decide_by_index(n))
            self.addAction(action)
            self.decide_actions[n] = action
        for action, keys in (
            (undo_stack.createUndoAction(self), QKeySequence.StandardKey.Undo),
            (undo_stack.createRedoAction(self), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        hub.changed.connect(self._on_changed)
        self._closed = False
        self.refresh()
        self.view.setFocus()

    # ------------------------------------------------------------------ reading
    def article_scope(self) -> int | None:
        """The article whose claims are listed (None: the whole library)."""
        return self.current_article() if self.scope.currentIndex() == OPEN_ARTICLE else None

    def refresh(self) -> None:
        """Re-read the disagreements and agreement figures; the selected claim stays selected."""
        current = self.current_claim()
        article_id = self.article_scope()
        if self.scope.currentIndex() == OPEN_ARTICLE and article_id is None:
            found: list[Disagreement] = []
        else:
            found = self.store.disagreements(article_id)
        rows, reviewers = compare_rows(self.store, found)
        self.model.set_rows(rows, reviewers)
        self._size_columns()
        self._read_agreement(rows, article_id)
        self._show_hint(rows)
        row = self.model.row_of(current)
        if row is None and rows:
            row = 0
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_agreement()

    def _read_agreement(self, rows: list[CompareRow], article_id: int | None) -> None:
        """Agreement figures of the listed articles and of the library, read once per refresh."""
        self._figures: list[tuple[int | None, str]] = []
        if article_id is None and self.scope.currentIndex() == OPEN_ARTICLE:
            return
        ids = [article_id] if article_id is not None else list(dict.fromkeys(r.article_id for r in rows))
        titles = {r.article_id: r.article_title for r in rows}
        for aid, figures in self.store.agreement_by_article(ids).items():
            if aid not in titles:
                try:
                    titles[aid] = self.store.get_article(aid).title
                except NotFound:
                    continue
            self._figures.append((aid, f"{shorten(titles[aid], 60)} — {agreement_summary(figures)}"))
        if article_id is None:
            self._figures.append((None, f"Whole library — {agreement_summary(self.store.agreement())}"))

    def _show_agreement(self) -> None:
        """The figures above the table: every listed article's, or with many, the selected row's."""
        if not self._figures and self.scope.currentIndex() == OPEN_ARTICLE:
            self.agreement.setText("No article is open.")
            return
        articles = [f for f in self._figures if f[0] is not None]
        lines = [text for _aid, text in self._figures]
        if len(articles) > MAX_ARTICLE_LINES:
            index = self.view.currentIndex()
            selected = self.model.rows[index.row()].article_id if index.isValid() else None
            lines = [text for aid, text in self._figures if aid is None or aid == selected]
            lines.insert(
                len(lines) - 1, f"({len(articles)} articles with disagreements; the selected claim's article is shown)"
            )
        self.agreement.setText("\n".join(lines))

    def _show_hint(self, rows: list[CompareRow]) -> None:
        verdicts = self.store.active_scale().verdicts[:9]
        keys = [f"{self._key_text(n + 1)} {v.label}" for n, v in enumerate(verdicts) if self._key_text(n + 1)]
        settled = sum(1 for r in rows if r.decision is not None)
        count = f"{len(rows)} claim{'s' if len(rows) != 1 else ''} where reviewers disagree, {settled} decided."
        if not rows:
            count = "Reviewers agree on every claim here (or only one reviewer gave verdicts)."
        clear = self._key_text(0)
        self.hint.setText(
            f"{count} Final decision: {', '.join(keys)}"
            + (f"; {clear} clears it" if clear else "")
            + ". Return opens the claim in the desk."
        )

    def _key_text(self, n: int) -> str:
        keys = self.decide_actions[n].shortcuts()
        return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.view.setColumnWidth(1, 170)
        for column in range(2, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def current_claim(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(CLAIM_ROLE) if index.isValid() else None

    # ------------------------------------------------------------------ acting
    def decide_by_index(self, n: int) -> None:
        """The n-th verdict of the active scale as the selected claim's final decision; 0 clears it."""
        claim_id = self.current_claim()
        verdicts = self.store.active_scale().verdicts
        if claim_id is None or not 0 <= n <= min(len(verdicts), 9):
            return
        verdict = verdicts[n - 1] if n else None
        if verdict is None and self.store.final_decision(claim_id) is None:
            return
        try:
            command = FinalDecisionCommand(
                self.store, self.hub, claim_id, verdict.key if verdict else None, verdict.label if verdict else ""
            )
        except ReviewerError as err:  # the claim was deleted meanwhile (the list refreshes with the hub)
            error: ReviewerError | None = err
        else:
            error = push(self.undo_stack, command)
        self.error = str(error) if error is not None else None
        self.status.setText(self.error or "")
        self.status.setVisible(error is not None)
        if error is None and verdict is not None:
            self._select_next(claim_id)

    def _select_next(self, claim_id: int) -> None:
        """After a decision, the next claim without one (a desk of disagreements is settled in order)."""
        row = self.model.row_of(claim_id)
        if row is None:
            return
        for later in range(row + 1, self.model.rowCount()):
            if self.model.rows[later].decision is None:
                self.view.setCurrentIndex(self.model.index(later, 0))
                return

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.open_article(row.article_id, row.claim_id)

    def _on_changed(self, change: HubChange) -> None:
        if not self._closed and change.touches(REVIEW, CLAIMS, ARTICLES, SCALE):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # The open article may have changed while the desk had the focus.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.scope.currentIndex() == OPEN_ARTICLE
        ):
            self.refresh()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        if not self._closed:
            self._closed = True
            self.hub.changed.disconnect(self._on_changed)
        super().done(result)


def show_compare(window) -> CompareDialog:
    """View ▸ Compare Reviews for a main window: its one Compare window, made on first use and raised."""
    dialog = window.findChild(CompareDialog)
    if dialog is None or dialog.isHidden():
        if dialog is not None:
            dialog.deleteLater()
        actions = window.actions
        dialog = CompareDialog(
            window.store,
            window.hub,
            window.undo_stack,
            window.open_article,
            lambda: window.article.id if window.article is not None else None,
            lambda n: actions.shortcuts(f"verdict_{n}"),
            window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
