"""The desk's edit actions: from what the person selected to one undo command.

The Claim and Article menus (add, edit span, split, merge, dismiss, restore, delete, status,
re-extract) all do the same thing: read the selection in the reader or the claims list,
refuse with a message the person can act on if it does not fit, build the command from
``claim_commands`` and push it on the undo stack. The store and the hub do the rest; the
window only hands over the panes and callbacks this needs and connects the actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack

from ..core.domain import Article
from ..core.errors import ReviewerError
from ..core.store import Store
from .changes import ChangeHub
from .claim_commands import (
    AddClaimCommand,
    DeleteClaimsCommand,
    DismissClaimsCommand,
    EditClaimSpanCommand,
    MergeClaimsCommand,
    ReextractCommand,
    SetStatusCommand,
    SplitClaimCommand,
)
from .claims_panel import ClaimsPanel
from .commands import StoreCommand, push
from .reader import ReaderView
from .tasks import TaskManager


class DeskEdits:
    """Claim and article edits for one window. UI thread only; owns nothing it was handed.

    ``article`` returns the article the window shows, ``select_claim`` makes a claim current
    everywhere, ``save_pending`` saves note typing still waiting for its debounce, and
    ``show_message`` puts a line in the status bar.
    """

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        tasks: TaskManager,
        reader: ReaderView,
        claims: ClaimsPanel,
        *,
        article: Callable[[], Article | None],
        select_claim: Callable[[int | None], None],
        save_pending: Callable[[], None],
        show_message: Callable[..., None],
    ):
        self.store, self.hub, self.undo_stack, self.tasks = store, hub, undo_stack, tasks
        self.reader, self.claims = reader, claims
        self._article, self._select_claim = article, select_claim
        self._save_pending, self._show_message = save_pending, show_message

    def _push(self, command: StoreCommand) -> bool:
        # Note typing still waiting for its debounce is saved first: it belongs before this step
        # on the undo stack, and the claim it was typed for may be about to go (merge, delete).
        self._save_pending()
        error = push(self.undo_stack, command)
        return error is None

    def _need_article(self) -> Article | None:
        article = self._article()
        if article is None:
            self._show_message("Open an article first.", error=True)
        return article

    # ------------------------------------------------------------------ claims
    def add_claim_from_selection(self) -> None:
        article = self._need_article()
        if article is None:
            return
        span = self.reader.selected_span()
        if span is None:
            self._show_message("Select some of the article's text first, then add it as a claim.", error=True)
            return
        try:
            command = AddClaimCommand(self.store, self.hub, article.id, *span)
        except ReviewerError as err:
            self._show_message(str(err), error=True)
            return
        if self._push(command):
            self._select_claim(command.claim_id)
            self._show_message("Claim added.")

    def edit_span_from_selection(self) -> None:
        claim_id, span = self.reader.current_claim(), self.reader.selected_span()
        if claim_id is None or span is None:
            self._show_message("Select a claim, then select the text it should cover.", error=True)
            return
        if self._push(EditClaimSpanCommand(self.store, self.hub, claim_id, *span)):
            self._select_claim(claim_id)

    def split_at_cursor(self) -> None:
        claim_id, at = self.reader.current_claim(), self.reader.cursor_offset()
        if claim_id is None or at is None:
            self._show_message("Select a claim and place the cursor where it should be split.", error=True)
            return
        span = self.reader.selected_span()
        if span is not None:
            at = span[0]
        self._push(SplitClaimCommand(self.store, self.hub, claim_id, at))

    def merge_selected(self) -> None:
        ids = self.claims.selected_claim_ids()
        if len(ids) < 2:
            self._show_message("Select two or more claims in the list to merge them (Shift+click).", error=True)
            return
        command = MergeClaimsCommand(self.store, self.hub, ids)
        if self._push(command):
            self._select_claim(command.claim_ids[0])

    def dismiss_selected(self, dismissed: bool) -> None:
        ids = self.claims.selected_claim_ids()
        if ids:
            self._push(DismissClaimsCommand(self.store, self.hub, ids, dismissed))

    def delete_selected(self) -> None:
        ids = self.claims.selected_claim_ids()
        claims = [c for c in self.claims.model.claims() if c.id in ids]
        if not claims:
            return
        if any(c.origin != "manual" for c in claims):
            self._show_message("Only claims you added can be deleted; dismiss extracted ones instead (D).", error=True)
            return
        self._push(DeleteClaimsCommand(self.store, self.hub, [c.id for c in claims]))

    # ------------------------------------------------------------------ articles
    def set_status(self, status: str) -> None:
        """The shown article's review status (Article menu)."""
        article = self._need_article()
        if article is not None:
            self.set_status_of(article.id, status)

    def set_status_of(self, article_id: int, status: str) -> None:
        """Any article's review status (the library list's context menu)."""
        self._push(SetStatusCommand(self.store, self.hub, article_id, status))

    def reextract(self) -> None:
        """Extract claims again: the model runs on a worker, the (undoable) swap on the UI thread.

        Manual and reviewed claims stay.
        """
        article = self._need_article()
        if article is None:
            return
        article_id, text = article.id, article.text

        def job(ctx):
            from ..core.ingest import extract_for_store

            return extract_for_store(text)

        def done(drafts) -> None:
            command = ReextractCommand(self.store, self.hub, article_id, drafts)
            if self._push(command):
                self._show_message(f"Claims extracted again: {len(command.added)} new. Undo puts the old ones back.")

        self._show_message("Extracting claims…")
        self.tasks.run(
            "Re-extracting claims",
            job,
            on_done=done,
            on_error=lambda exc, tb: self._show_message(f"Re-extraction failed: {exc}", error=True),
        )
