""" "Seen before" wired into the desk: the claims list's marker, the claim card's tab, reuse (R), the list.

The window builds one ``SeenBeforeDesk`` and hands it the claims panel and the review editor; the
rest happens here. The claims list's model says when its claims change (a new article, a
structural change), the review editor which claim is current; ``SeenBefore`` works out their
matches in the background and says which changed, and the marker and the card follow. UI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ..core.display import shorten
from ..core.domain import Claim
from ..core.store import Store
from ..core.verdict_mapping import match_source, with_note_line
from .changes import ChangeHub
from .claims_model import SEEN_MARK
from .claims_panel import ClaimsPanel
from .commands import push
from .plain import plain_label
from .review_editor import ReviewEditor
from .seen_before import SeenBefore
from .seen_before_card import ReuseVerdictCommand, SeenBeforePanel, reuse_values, verdict_words
from .settings import Settings

TAB_TITLE = "Seen before"


class SeenBeforeDesk(QObject):
    """Owned by the main window. ``open_article(article_id, claim_id)`` is the window's."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        claims: ClaimsPanel,
        editor: ReviewEditor,
        open_article: Callable[[int, int | None], object],
        parent: QWidget,
    ):
        super().__init__(parent)
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.claims, self.editor, self.open_article, self.window = claims, editor, open_article, parent
        self.seen = SeenBefore(store, settings, hub, self)
        self.panel = SeenBeforePanel(store, self.seen, editor.tabs)
        self.panel.setContentsMargins(0, 8, 0, 0)
        editor.tabs.addTab(self.panel, TAB_TITLE)
        self.banner = plain_label("", editor)  # publishers and verdicts come from imported files
        self.banner.setObjectName("seenBeforeBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        editor.add_card_line(self.banner)
        self.dialog = None
        self.seen.updated.connect(self._updated)
        self.panel.reuse_requested.connect(self.reuse)
        self.panel.count_changed.connect(self._count_changed)
        claims.model.modelReset.connect(self._claims_changed)
        editor.claim_changed.connect(self._claim_changed)
        self._claims_changed()
        self._claim_changed(editor.claim)

    # ------------------------------------------------------------------ following the desk
    def _claims_changed(self) -> None:
        model = self.claims.model
        self.seen.set_claims(model.claims(), model.threshold())
        self._show_markers()

    def _claim_changed(self, claim: Claim | None) -> None:
        self.seen.prefer(claim)
        self.panel.set_claim(claim)

    def _updated(self, claim_ids: frozenset[int]) -> None:
        self._show_markers()
        claim = self.panel.claim
        if claim is not None and claim.id in claim_ids:
            self.panel.refresh()

    def _show_markers(self) -> None:
        model = self.claims.model
        model.set_seen(self.seen.seen_scores(c.id for c in model.claims()))

    def _count_changed(self, count: int) -> None:
        tabs = self.editor.tabs
        tabs.setTabText(tabs.indexOf(self.panel), f"{TAB_TITLE} ({count})" if count else TAB_TITLE)
        claim = self.panel.claim
        best = self.seen.seen(claim.id) if claim is not None else None
        if best is None:
            self.banner.hide()
            return
        who = match_source(best.source, best.publisher, best.title)
        words = verdict_words(self.store, best) or "no rating"
        self.banner.setText(f"{SEEN_MARK}: {shorten(who, 60)} — {shorten(words, 30)} ({best.score:.2f}) · R reuses it")
        self.banner.setToolTip("The Seen before tab lists the matches")
        self.banner.show()

    def apply_preferences(self) -> None:
        """The threshold may have changed: markers, the card and the list follow."""
        self.seen.apply_threshold()
        self.panel.refresh()
        if self.dialog is not None:
            self.dialog.refresh()

    # ------------------------------------------------------------------ reuse (R)
    def reuse(self) -> None:
        """Give the current claim the selected (else the best) match's verdict, with a note line linking
        the original: one undo step. A verdict that fits no verdict of the scale is left unset."""
        claim = self.editor.claim
        if claim is None:
            self._say("Select a claim first: R reuses the verdict of an earlier check of the current claim.")
            return
        match = (
            self.panel.selected_match() if self.panel.claim is not None and self.panel.claim.id == claim.id else None
        )
        match = match or self.seen.seen(claim.id)
        if match is None:
            looking = self.seen.matches(claim.id) is None and not self.seen.unavailable
            self._say(
                "Still looking for earlier checks of this claim; try again in a moment."
                if looking
                else "This claim was not seen before: no match to reuse."
            )
            return
        self.editor.save_pending()  # typing still waiting is saved first, as its own step
        key, line = reuse_values(self.store, match)
        review = self.store.get_review(claim.id)
        values: dict[str, str] = {}
        if key is not None and key != review.verdict:
            values["verdict"] = key
        note = with_note_line(review.note or "", line)
        if note != (review.note or ""):
            values["note"] = note
        who = match_source(match.source, match.publisher, match.title)
        words = verdict_words(self.store, match)
        if not values:
            self._say(f"Already reused: this claim has that verdict and the note names {shorten(who, 60)}.")
            return
        command = ReuseVerdictCommand(self.store, self.hub, claim.id, values, f"Reuse verdict from {shorten(who, 40)}")
        failure = push(self.undo_stack, command)
        if failure is not None:
            self.editor.show_error(str(failure))
            return
        scale = self.store.active_scale()
        if key is None:
            self._say(
                f"No verdict of “{shorten(scale.name, 40)}” fits “{shorten(words or 'no rating', 40)}”: "
                "the note says where it was seen; choose the verdict yourself.",
                error=True,
            )
        else:
            label = scale.get(key).label if scale.get(key) else key
            self._say(f"Verdict “{label}” from {shorten(who, 60)}; the note links the original. Ctrl+Z undoes both.")

    def _say(self, message: str, error: bool = False) -> None:
        self.hub.emit("error" if error else "status", message=message)

    # ------------------------------------------------------------------ the library-wide list
    def show_list(self) -> None:
        """View ▸ Seen Before…: the library's unreviewed claims that match earlier checks."""
        from .seen_before_list import SeenBeforeDialog

        if self.dialog is None:
            self.dialog = SeenBeforeDialog(
                self.store, self.seen, self.claims.model.threshold, self.open_article, self.window
            )
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(self._dialog_gone)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _dialog_gone(self) -> None:
        self.dialog = None
        self.seen.forget_asked()

    def stop(self) -> None:
        """The window closes."""
        if self.dialog is not None:
            self.dialog.close()
        self.seen.stop()
