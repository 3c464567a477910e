"""Undoable claim changes: add, edit span, split, merge, dismiss/restore, delete, status.

The store makes each change and reverts it (``commands.ChangeCommand``); removed claims come
back with the same id, review and evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.changes import Change
from ..core.display import shorten
from ..core.domain import STATUS_LABELS, ClaimDraft, trim_span
from ..core.store import Store
from .changes import ARTICLES, CLAIMS, ChangeHub
from .commands import ChangeCommand, StoreCommand


class AddClaimCommand(ChangeCommand):
    """A reviewer's own claim over an article span."""

    def __init__(self, store: Store, hub: ChangeHub, article_id: int, start: int, end: int, speaker: str | None = None):
        text = store.get_article(article_id).text
        start, end = trim_span(text, start, end)
        super().__init__(store, hub, f"Add claim “{shorten(text[start:end], 40)}”", article_id)
        self.start, self.end, self.speaker = start, end, speaker

    @property
    def claim_id(self) -> int | None:
        return self.claim_ids[0] if self.claim_ids else None

    def make(self) -> Change:
        return self.store.add_claim_change(self.article_id, self.start, self.end, speaker=self.speaker)


class EditClaimSpanCommand(ChangeCommand):
    """Change which words a claim covers (its text follows its span; the store trims white space)."""

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, start: int, end: int):
        claim = store.get_claim(claim_id)
        super().__init__(store, hub, "Edit claim span", claim.article_id, (claim_id,))
        self.span = (start, end)

    def make(self) -> Change:
        return self.store.edit_claim_change(self.claim_ids[0], start=self.span[0], end=self.span[1])


class SplitClaimCommand(ChangeCommand):
    """Split a claim in two at an article offset; the review stays with the first part."""

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, at: int):
        claim = store.get_claim(claim_id)
        super().__init__(store, hub, "Split claim", claim.article_id, (claim_id,))
        self.at = at

    def make(self) -> Change:
        return self.store.split_claim_change(self.claim_ids[0], self.at)


class MergeClaimsCommand(ChangeCommand):
    """Merge claims of one article into the first (in text order)."""

    def __init__(self, store: Store, hub: ChangeHub, claim_ids: Sequence[int]):
        claims = sorted((store.get_claim(i) for i in claim_ids), key=lambda c: c.start)
        super().__init__(store, hub, f"Merge {len(claims)} claims", claims[0].article_id, tuple(c.id for c in claims))

    def make(self) -> Change:
        return self.store.merge_claims_change(self.claim_ids)


class DismissClaimsCommand(ChangeCommand):
    """Mark claims as not check-worthy (dismissed), or restore them."""

    def __init__(self, store: Store, hub: ChangeHub, claim_ids: Sequence[int], dismissed: bool):
        n = len(claim_ids)
        what = "claim" if n == 1 else f"{n} claims"
        article_id = store.get_claim(claim_ids[0]).article_id if claim_ids else None
        super().__init__(store, hub, f"{'Dismiss' if dismissed else 'Restore'} {what}", article_id, tuple(claim_ids))
        self.dismissed = dismissed

    def make(self) -> Change:
        return self.store.dismiss_claims_change(self.claim_ids, self.dismissed)


class DeleteClaimsCommand(ChangeCommand):
    """Delete claims (the app offers it for a reviewer's own claims); undo puts them back."""

    def __init__(self, store: Store, hub: ChangeHub, claim_ids: Sequence[int]):
        n = len(claim_ids)
        article_id = store.get_claim(claim_ids[0]).article_id if claim_ids else None
        super().__init__(store, hub, "Delete claim" if n == 1 else f"Delete {n} claims", article_id, tuple(claim_ids))

    def make(self) -> Change:
        return self.store.delete_claims_change(self.claim_ids)


class SetStatusCommand(ChangeCommand):
    """An article's workflow status (to do / in review / done)."""

    def __init__(self, store: Store, hub: ChangeHub, article_id: int, status: str):
        super().__init__(store, hub, f"Mark as {STATUS_LABELS.get(status, status)}", article_id)
        self.status = status

    def make(self) -> Change:
        return self.store.set_status_change(self.article_id, self.status)


class ReextractCommand(StoreCommand):
    """Swap automatic, unreviewed claims for freshly extracted ones; undo puts the old ones back."""

    kinds = (CLAIMS, ARTICLES)

    def __init__(
        self, store: Store, hub: ChangeHub, article_id: int, drafts: Sequence[ClaimDraft], extraction: str = "final"
    ):
        super().__init__(store, hub, "Re-extract claims", article_id)
        self.drafts, self.extraction = list(drafts), extraction
        self.added: list[int] = []
        self._removed: list = []

    def apply(self) -> None:
        self.added, self._removed = self.store.reextract_claims(
            self.article_id, self.drafts, extraction=self.extraction
        )

    def revert(self) -> None:
        self.store.undo_reextraction(self.article_id, self.added, self._removed)
