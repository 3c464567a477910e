"""The claim card's colleagues: other reviewers' reviews of the current claim and its final decision.

Shown in the review editor under the current reviewer's own verdict, only when the claim has a
colleague's review or a final decision: one line per colleague (verdict with its scale colour,
confidence, an excerpt of the note), "Reviewers disagree" when the verdicts differ (the own
review counts), and the editor's final decision. Names, verdict keys and notes came from other
people's bundles, so every label is plain text. It re-reads the store when the ChangeHub
announces a change of its claim's reviews. UI thread only.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core.display import shorten
from ..core.errors import NotFound
from ..core.store import Store
from ..core.team import FinalDecision, ReviewerReview, disagree
from ..core.verdicts import UNREVIEWED_COLOR
from .claim_view import plain_tooltip
from .changes import CLAIMS, REVIEW, SCALE, Change, ChangeHub
from .plain import plain_label

NOTE_EXCERPT = 140  # characters of a colleague's note shown on the card; the tooltip has more
TOOLTIP_NOTE = 600


def verdict_label_color(store: Store, key: str | None) -> tuple[str, str]:
    """A verdict key as a person reads it (its label on any scale, else the key) and its colour."""
    if key is None:
        return "No verdict", UNREVIEWED_COLOR
    verdict, _scale = store.verdict_info(key)
    return (verdict.label, verdict.color) if verdict else (key, UNREVIEWED_COLOR)


def swatch(color: str, parent: QWidget | None = None) -> QFrame:
    """A small square in a verdict's colour, beside (never instead of) the verdict's name."""
    box = QFrame(parent)
    box.setObjectName("verdictSwatch")
    box.setFixedSize(12, 12)
    box.setStyleSheet(f"background: {color}; border-radius: 3px;")
    return box


def review_words(store: Store, review: ReviewerReview) -> str:
    """'Supported · 80 %' — a review's verdict and confidence on one line."""
    label, _color = verdict_label_color(store, review.verdict)
    return label + (f" · {review.confidence} %" if review.confidence is not None else "")


class PeerReviewsCard(QFrame):
    """Colleagues' reviews of one claim, whether reviewers disagree, and the final decision."""

    def __init__(self, store: Store, hub: ChangeHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("peerReviews")
        self.claim_id: int | None = None
        self.reviews: list[ReviewerReview] = []
        self.decision: FinalDecision | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setSpacing(8)
        self.title = QLabel("Other reviewers", self)
        self.title.setObjectName("sectionLabel")
        header.addWidget(self.title)
        self.disagree_label = QLabel("Reviewers disagree", self)
        self.disagree_label.setObjectName("disagreeBadge")
        self.disagree_label.setStyleSheet(
            "QLabel#disagreeBadge { background: #FBE3D6; color: #7A2900; border-radius: 4px; padding: 1px 6px; }"
        )
        header.addWidget(self.disagree_label)
        header.addStretch(1)
        layout.addLayout(header)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        layout.addLayout(self.rows)
        hub.changed.connect(self._on_changed)
        self.hide()

    def set_claim(self, claim_id: int | None) -> None:
        """Show the colleagues' reviews of ``claim_id`` (None: nothing; the card hides)."""
        self.claim_id = claim_id
        self.refresh()

    def disagreeing(self) -> bool:
        return disagree(self.reviews)

    def refresh(self) -> None:
        """Re-read the claim's reviews and decision; hidden when no colleague reviewed it and none was made."""
        self.reviews, self.decision = [], None
        if self.claim_id is not None:
            try:
                self.reviews = self.store.reviews_of_claim(self.claim_id)
                self.decision = self.store.final_decision(self.claim_id)
            except NotFound:
                self.claim_id = None
        self._clear_rows()
        peers = [r for r in self.reviews if not r.own]
        if not peers and self.decision is None:
            self.hide()
            return
        self.title.setText("Other reviewers" if peers else "Final decision")
        rows = [self._review_row(review) for review in peers]
        if self.decision is not None:
            rows.append(self._decision_row(self.decision))
        for row in rows:
            self.rows.addWidget(row)
            row.show()  # now, not when the layout gets round to it
        self.disagree_label.setVisible(self.disagreeing())
        self.show()

    # ----------------------------------------------------------------- internals
    def _clear_rows(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _line(self, color: str, name: str, words: str) -> tuple[QWidget, QVBoxLayout]:
        row = QWidget(self)
        outer = QHBoxLayout(row)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        mark = swatch(color, row)
        mark_box = QVBoxLayout()  # the swatch on the first line of text, not mid-row
        mark_box.setContentsMargins(0, 3, 0, 0)
        mark_box.addWidget(mark)
        mark_box.addStretch(1)
        outer.addLayout(mark_box)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        top = QHBoxLayout()
        top.setSpacing(6)
        who = plain_label(shorten(name, 40), row)
        who.setObjectName("peerName")
        font = who.font()
        font.setBold(True)
        who.setFont(font)
        what = plain_label(words, row)
        what.setObjectName("peerVerdict")
        what.setWordWrap(True)
        top.addWidget(who)
        top.addWidget(what, 1)
        column.addLayout(top)
        outer.addLayout(column, 1)
        return row, column

    def _review_row(self, review: ReviewerReview) -> QWidget:
        _label, color = verdict_label_color(self.store, review.verdict)
        row, column = self._line(color, review.reviewer, review_words(self.store, review))
        if review.note:
            note = plain_label(shorten(review.note, NOTE_EXCERPT), row)
            note.setObjectName("peerNote")
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            column.addWidget(note)
            row.setToolTip(plain_tooltip(shorten(review.note, TOOLTIP_NOTE)))
        return row

    def _decision_row(self, decision: FinalDecision) -> QWidget:
        label, color = verdict_label_color(self.store, decision.verdict)
        when = decision.decided_at[:10]
        by = f" — by {decision.decided_by}" if decision.decided_by else ""
        row, column = self._line(color, "Final decision:", f"{label}{by}{', ' + when if when else ''}")
        row.setObjectName("finalDecision")
        if decision.note:
            note = plain_label(shorten(decision.note, NOTE_EXCERPT), row)
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            column.addWidget(note)
        return row

    def _on_changed(self, change: Change) -> None:
        if self.claim_id is None or not change.touches(REVIEW, CLAIMS, SCALE):
            return
        if change.claim_ids and self.claim_id not in change.claim_ids and not change.touches(SCALE):
            return
        self.refresh()
