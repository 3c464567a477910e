"""The review editor: one claim's verdict, confidence, note, evidence and history.

Embedded by the main window beside the reader. Every change goes through an undoable
command on the shared stack; the editor re-reads the store when the ChangeHub announces a
change that touches its claim (or the verdict scale).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.domain import Claim, VerdictScale, kind_label
from ..core.errors import NotFound
from ..core.store import Store
from ..core.verdicts import UNREVIEWED_COLOR, UNREVIEWED_LABEL
from .changes import CLAIMS, EVIDENCE, REVIEW, SCALE, Change, ChangeHub
from .commands import push
from .evidence_panel import EvidencePanel
from .history_panel import HistoryPanel
from .note_editor import NoteEditor
from .peer_reviews import PeerReviewsCard
from .review_commands import SetConfidenceCommand, SetVerdictCommand
from .settings import Settings
from .verdict_buttons import VerdictButtons
from .plain import plain_label

NOT_SET = -1  # the confidence spin box's "Not set" value


def _hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, parent)  # speakers, scale and verdict names come from users
    label.setObjectName("hint")
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _section_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("sectionLabel")
    return label


class ReviewEditor(QWidget):
    """Verdict, confidence, note, evidence and history of the selected claim. UI thread only.

    The main window owns the store, hub, undo stack and settings and hands them in; the
    editor keeps no other reference to its siblings.
    """

    claim_changed = Signal(object)  # the Claim shown (None: none), also when its text changed

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, settings: Settings, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.undo_stack = undo_stack
        self.settings = settings
        self.claim_id: int | None = None
        self.claim: Claim | None = None
        self.scale: VerdictScale = store.active_scale()
        self._updating = False
        self._session = 0
        self.setMinimumWidth(320)
        self.setStyleSheet(
            "QLabel#sectionLabel { font-weight: 600; }"
            "QFrame#claimCard { background: palette(alternate-base); border-radius: 6px; }"
            "QLabel#errorBanner { background: #FBE3D6; color: #7A2900; border-radius: 4px; padding: 6px 8px; }"
        )

        self.stack = QStackedWidget(self)
        self.placeholder = _hint_label("Select a claim to review it.", self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_body())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        hub.changed.connect(self._on_changed)
        self._apply_scale(self.scale)
        self.set_claim(None)

    # ----------------------------------------------------------------- building
    def _build_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)

        self.card = QFrame(body)
        self.card.setObjectName("claimCard")
        card_row = QHBoxLayout(self.card)
        card_row.setContentsMargins(0, 0, 12, 0)
        card_row.setSpacing(10)
        self.verdict_strip = QFrame(self.card)  # the verdict's colour, beside (not instead of) its name
        self.verdict_strip.setFixedWidth(5)
        card_row.addWidget(self.verdict_strip)
        card_layout = QVBoxLayout()
        card_layout.setContentsMargins(0, 10, 0, 10)
        card_layout.setSpacing(4)
        card_row.addLayout(card_layout, 1)
        self.claim_meta = _hint_label("", self.card)
        self.claim_text = QLabel(self.card)
        self.claim_text.setWordWrap(True)
        self.claim_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim_text.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.claim_text.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.claim_text.setFont(font)
        self.claim_text.setAccessibleName("Claim")
        card_layout.addWidget(self.claim_meta)
        card_layout.addWidget(self.claim_text)
        self._card_layout = card_layout
        layout.addWidget(self.card)

        verdict_header = QHBoxLayout()
        verdict_header.addWidget(_section_label("Verdict", body))
        self.scale_name = _hint_label("", body)
        self.scale_name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        verdict_header.addWidget(self.scale_name, 1)
        layout.addLayout(verdict_header)
        self.buttons = VerdictButtons(body)
        self.buttons.chosen.connect(self.set_verdict)
        layout.addWidget(self.buttons)
        self.verdict_hint = _hint_label("", body)
        layout.addWidget(self.verdict_hint)
        self.peers = PeerReviewsCard(self.store, self.hub, body)  # colleagues' reviews, when there are any
        layout.addWidget(self.peers)

        self.confidence_row = QWidget(body)
        row = QHBoxLayout(self.confidence_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        confidence_label = _section_label("&Confidence", self.confidence_row)
        self.confidence_slider = QSlider(Qt.Orientation.Horizontal, self.confidence_row)
        self.confidence_slider.setRange(0, 100)
        self.confidence_slider.setPageStep(10)
        self.confidence_slider.setTracking(False)  # one change on release, not one per pixel
        self.confidence_slider.setAccessibleName("Confidence slider")
        self.confidence = QSpinBox(self.confidence_row)
        self.confidence.setRange(NOT_SET, 100)
        self.confidence.setSpecialValueText("Not set")
        self.confidence.setSuffix(" %")
        self.confidence.setKeyboardTracking(False)
        self.confidence.setMinimumWidth(90)
        self.confidence.setAccessibleName("Confidence")
        self.confidence.setToolTip("How sure you are of the verdict, 0–100 %. Go below 0 for “Not set”.")
        confidence_label.setBuddy(self.confidence)
        row.addWidget(confidence_label)
        row.addWidget(self.confidence_slider, 1)
        row.addWidget(self.confidence)
        self.confidence.valueChanged.connect(self._confidence_edited)
        self.confidence_slider.valueChanged.connect(self._slider_moved)
        layout.addWidget(self.confidence_row)

        self.tabs = QTabWidget(body)
        self.tabs.setDocumentMode(True)
        self.note = NoteEditor(self.store, self.hub, self.undo_stack, self.tabs)
        self.evidence = EvidencePanel(
            self.store, self.hub, self.undo_stack, self.tabs, before_change=self._before_change
        )
        self.history = HistoryPanel(self.store, self.hub, self.undo_stack, self.tabs, before_change=self._before_change)
        self.evidence.error.connect(self.show_error)
        self.history.error.connect(self.show_error)
        self.tabs.addTab(self.note, "Note")
        self.tabs.addTab(self.evidence, "Evidence")
        self.tabs.addTab(self.history, "History")
        for index in range(self.tabs.count()):
            self.tabs.widget(index).setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.tabs, 1)

        self.error_banner = plain_label("", body)
        self.error_banner.setObjectName("errorBanner")
        self.error_banner.setWordWrap(True)
        self.error_banner.hide()
        layout.addWidget(self.error_banner)
        return body

    # ----------------------------------------------------------------- public API
    def set_claim(self, claim_id: int | None) -> None:
        """Show ``claim_id`` (None: nothing selected). Pending note typing is saved first."""
        self.note.flush(end_session=True)
        self.error_banner.hide()
        self._session += 1  # confidence changes merge only while the same claim stays shown
        claim = None
        if claim_id is not None:
            try:
                claim = self.store.get_claim(claim_id)
            except NotFound:
                claim = None
        self.claim_id = claim.id if claim else None
        self.claim = claim
        self.stack.setCurrentIndex(1 if claim else 0)
        self.note.set_claim(self.claim_id, claim.note if claim else "")
        self.evidence.set_claim(self.claim_id)
        self.history.set_claim(self.claim_id)
        self.peers.set_claim(self.claim_id)
        self._show_claim()
        self._show_review()
        self._update_tab_titles()
        self.claim_changed.emit(claim)

    def add_card_line(self, widget: QWidget) -> None:
        """Show ``widget`` in the claim card under the claim's text (the desk's "seen before" line)."""
        self._card_layout.addWidget(widget)

    def save_pending(self) -> None:
        """Write note typing that is still waiting for its debounce (call before quitting or switching library)."""
        self.note.flush(end_session=True)

    def focus_note(self) -> None:
        """Put the cursor in the note (the desk's N key)."""
        if self.claim_id is None:
            return
        self.tabs.setCurrentWidget(self.note)
        self.note.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_evidence(self) -> None:
        """Show the evidence list and focus it, or its Add button when empty (the desk's E key)."""
        if self.claim_id is None:
            return
        self.tabs.setCurrentWidget(self.evidence)
        target = self.evidence.view if self.evidence.model.rowCount() else self.evidence.add_button
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_verdict_by_index(self, i: int) -> None:
        """Number keys: 1–9 pick the i-th verdict of the active scale; 0 clears. Out of range: ignored."""
        if self.claim_id is None:
            return
        if i == 0:
            self.set_verdict(None)
        elif 1 <= i <= len(self.scale.verdicts):
            self.set_verdict(self.scale.verdicts[i - 1].key)

    def set_verdict(self, key: str | None) -> None:
        """Give the current claim verdict ``key`` (None: unreviewed), as one undo step."""
        if self.claim_id is None:
            return
        if key == self.store.get_review(self.claim_id).verdict:
            self._show_review()  # re-check the right button; nothing to change
            return
        self._before_change()
        verdict = self.scale.get(key)
        label = verdict.label if verdict else UNREVIEWED_LABEL
        self._push(SetVerdictCommand(self.store, self.hub, self.claim_id, key, label))

    def set_confidence(self, value: int | None) -> None:
        if self.claim_id is None or value == self.store.get_review(self.claim_id).confidence:
            return
        self._before_change()
        self._push(SetConfidenceCommand(self.store, self.hub, self.claim_id, value, self._session))

    def show_error(self, message: str) -> None:
        self.error_banner.setText(message)
        self.error_banner.show()

    # ----------------------------------------------------------------- internals
    def _before_change(self) -> None:
        """Another change is about to be made: save the note first so the undo order is true."""
        self.note.flush(end_session=True)
        self.error_banner.hide()

    def _push(self, command) -> None:
        failure = push(self.undo_stack, command)
        if failure is not None:
            self.show_error(str(failure))
            self._show_review()

    def _confidence_edited(self, value: int) -> None:
        if self._updating:
            return
        self._updating = True
        self.confidence_slider.setValue(max(0, value))
        self._updating = False
        self.set_confidence(None if value == NOT_SET else value)

    def _slider_moved(self, value: int) -> None:
        if not self._updating:
            self.confidence.setValue(value)

    def _apply_scale(self, scale: VerdictScale) -> None:
        self.scale = scale
        self.buttons.set_scale(scale)
        count = min(len(scale.verdicts), 9)
        keys = "key 1" if count == 1 else f"keys 1–{count}"
        self.scale_name.setText(f"{scale.name} · {keys}, 0 clears")
        self.note.set_conclusion_mode(scale.conclusion_only)
        self.tabs.setTabText(0, "Conclusion" if scale.conclusion_only else "Note")
        self.confidence_row.setVisible(not scale.conclusion_only)

    def _show_claim(self) -> None:
        claim = self.claim
        if claim is None:
            return
        self.claim_text.setText(claim.text)
        meta = [kind_label(claim.kind)]
        if claim.speaker:
            meta.insert(0, f"Speaker: {claim.speaker}")
        if claim.dismissed or not claim.checkworthy:
            meta.append("not check-worthy")
        self.claim_meta.setText(" · ".join(meta))

    def _show_review(self) -> None:
        if self.claim_id is None:
            return
        review = self.store.get_review(self.claim_id)
        self.buttons.set_current(review.verdict)
        verdict, scale = self.store.verdict_info(review.verdict)
        color = verdict.color if verdict else UNREVIEWED_COLOR
        self.verdict_strip.setStyleSheet(
            f"background: {color}; border-top-left-radius: 6px; border-bottom-left-radius: 6px;"
        )
        if review.verdict is None:
            count = min(len(self.scale.verdicts), 9)
            self.verdict_hint.setText(
                "Not reviewed yet. Choose a verdict" + ("." if self.scale.conclusion_only else f" (keys 1–{count}).")
            )
        elif verdict is None:
            self.verdict_hint.setText(f"Verdict “{review.verdict}” is not defined by any scale.")
        elif scale is not None and scale.id != self.scale.id:
            self.verdict_hint.setText(f"{verdict.label} — from the scale “{scale.name}”, not the active one.")
        else:
            self.verdict_hint.setText(verdict.description or f"Verdict: {verdict.label}.")
        self._updating = True
        self.confidence.setValue(NOT_SET if review.confidence is None else review.confidence)
        self.confidence_slider.setValue(review.confidence or 0)
        self._updating = False
        self.note.refresh(review.note)

    def _update_tab_titles(self) -> None:
        count = self.evidence.model.rowCount()
        self.tabs.setTabText(1, f"Evidence ({count})" if count else "Evidence")

    def _on_changed(self, change: Change) -> None:
        if change.touches(SCALE):
            self._apply_scale(self.store.active_scale())
            self._show_review()
        if self.claim_id is None or not change.touches(REVIEW, EVIDENCE, CLAIMS):
            return
        if change.claim_ids and self.claim_id not in change.claim_ids:
            return
        if not change.claim_ids and change.article_id not in (None, self.claim.article_id if self.claim else None):
            return
        if change.touches(CLAIMS):
            try:
                self.claim = self.store.get_claim(self.claim_id)
            except NotFound:  # deleted or merged away
                self.set_claim(None)
                return
            self._show_claim()
            self.claim_changed.emit(self.claim)
        if change.touches(REVIEW, CLAIMS):
            self._show_review()
        if change.touches(EVIDENCE, CLAIMS):
            self.evidence.refresh()
            self._update_tab_titles()
        self.history.refresh()
