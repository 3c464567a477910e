"""Undoable claim changes: add, edit span, split, merge, dismiss/restore, delete, status.

Each command's redo() and undo() is one audited store transaction (see ``commands.py``).
Removed claims come back with the same id, review and evidence through ``restore_claim``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.domain import STATUS_LABELS
from ..core.store import Store
from .changes import ARTICLES, CLAIMS, REVIEW, ChangeHub
from .commands import StoreCommand


def _excerpt(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class AddClaimCommand(StoreCommand):
    """A reviewer's own claim over an article span."""

    kinds = (CLAIMS, ARTICLES)

    def __init__(self, store: Store, hub: ChangeHub, article_id: int, start: int, end: int,
                 speaker: str | None = None):
        text = store.get_article(article_id).text[start:end]
        super().__init__(store, hub, f"Add claim “{_excerpt(text)}”", article_id)
        self.start, self.end, self.speaker = start, end, speaker
        self.claim_id: int | None = None
        self._snapshot: dict | None = None

    def apply(self) -> None:
        if self._snapshot is None:
            claim = self.store.add_claim(self.article_id, self.start, self.end, speaker=self.speaker)
            self.claim_id = claim.id
        else:
            self.store.restore_claim(self._snapshot)
        self.claim_ids = (self.claim_id,)

    def revert(self) -> None:
        self._snapshot = self.store.delete_claim(self.claim_id)


class EditClaimSpanCommand(StoreCommand):
    """Change which words a claim covers (its text follows its span)."""

    kinds = (CLAIMS,)

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, start: int, end: int):
        claim = store.get_claim(claim_id)
        super().__init__(store, hub, "Edit claim span", claim.article_id, (claim_id,))
        self.before = (claim.start, claim.end)
        text = store.get_article(claim.article_id).text
        # Trim white space like add_claim does, so the stored text is exactly the words.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        self.after = (start, end)

    def apply(self) -> None:
        self.store.update_claim(self.claim_ids[0], start=self.after[0], end=self.after[1])

    def revert(self) -> None:
        self.store.update_claim(self.claim_ids[0], start=self.before[0], end=self.before[1])


class SplitClaimCommand(StoreCommand):
    """Split a claim in two at an article offset; the review stays with the first part."""

    kinds = (CLAIMS, ARTICLES)

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, at: int):
        claim = store.get_claim(claim_id)
        super().__init__(store, hub, "Split claim", claim.article_id, (claim_id,))
        self.at = at
        self.before = (claim.start, claim.end)
        self.second_id: int | None = None
        self._second_after: tuple[int, int] | None = None
        self._first_after: tuple[int, int] | None = None
        self._second_snapshot: dict | None = None

    def apply(self) -> None:
        claim_id = self.claim_ids[0]
        if self._second_snapshot is None:
            first, second = self.store.split_claim(claim_id, self.at)
            self.second_id = second.id
            self._first_after = (first.start, first.end)
        else:
            with self.store.write():
                self.store.update_claim(claim_id, start=self._first_after[0], end=self._first_after[1])
                self.store.restore_claim(self._second_snapshot)
        self.claim_ids = (claim_id, self.second_id)

    def revert(self) -> None:
        claim_id = self.claim_ids[0]
        with self.store.write():
            self._second_snapshot = self.store.delete_claim(self.second_id)
            self.store.update_claim(claim_id, start=self.before[0], end=self.before[1])


class MergeClaimsCommand(StoreCommand):
    """Merge claims of one article into the first (in text order)."""

    kinds = (CLAIMS, ARTICLES, REVIEW)

    def __init__(self, store: Store, hub: ChangeHub, claim_ids: Sequence[int]):
        claims = sorted((store.get_claim(i) for i in claim_ids), key=lambda c: c.start)
        super().__init__(store, hub, f"Merge {len(claims)} claims", claims[0].article_id,
                         tuple(c.id for c in claims))
        self.keep_span = (claims[0].start, claims[0].end)
        self._snapshots: list[dict] = []

    def apply(self) -> None:
        with self.store.write():
            self._snapshots = [self.store.claim_snapshot(i) for i in self.claim_ids[1:]]
            self.store.merge_claims(list(self.claim_ids))

    def revert(self) -> None:
        with self.store.write():
            self.store.update_claim(self.claim_ids[0], start=self.keep_span[0], end=self.keep_span[1])
            for snapshot in self._snapshots:
                self.store.restore_claim(snapshot)


class DismissClaimsCommand(StoreCommand):
    """Mark claims as not check-worthy (dismissed), or restore them."""

    kinds = (CLAIMS, ARTICLES)

    def __init__(self, store: Store, hub: ChangeHub, claim_ids: Sequence[int], dismissed: bool):
        claims = [store.get_claim(i) for i in claim_ids]
        n = len(claims)
        what = "claim" if n == 1 else f"{n} claims"
        super().__init__(store, hub, f"{'Dismiss' if dismissed else 'Restore'} {what}",
                         claims[0].article_id if claims else None, tuple(c.id for c in claims))
        self.dismissed = dismissed
        self.before = {c.id: c.dismissed for c in claims}

    def apply(self) -> None:
        with self.store.write():
            for claim_id in self.claim_ids:
                self.store.set_dismissed(claim_id, self.dismissed)

    def revert(self) -> None:
        with self.store.write():
            for claim_id in self.claim_ids:
                self.store.set_dismissed(claim_id, self.before[claim_id])


class DeleteClaimsCommand(StoreCommand):
    """Delete claims (the app offers it for a reviewer's own claims); undo puts them back."""

    kinds = (CLAIMS, ARTICLES, REVIEW)

    def __init__(self, store: Store, hub: ChangeHub, claim_ids: Sequence[int]):
        claims = [store.get_claim(i) for i in claim_ids]
        n = len(claims)
        super().__init__(store, hub, "Delete claim" if n == 1 else f"Delete {n} claims",
                         claims[0].article_id if claims else None, tuple(c.id for c in claims))
        self._snapshots: list[dict] = []

    def apply(self) -> None:
        with self.store.write():
            self._snapshots = [self.store.delete_claim(i) for i in self.claim_ids]

    def revert(self) -> None:
        with self.store.write():
            for snapshot in self._snapshots:
                self.store.restore_claim(snapshot)


class SetStatusCommand(StoreCommand):
    """An article's workflow status (to do / in review / done)."""

    kinds = (ARTICLES,)

    def __init__(self, store: Store, hub: ChangeHub, article_id: int, status: str):
        super().__init__(store, hub, f"Mark as {STATUS_LABELS.get(status, status)}", article_id)
        self.before = store.get_article(article_id).status
        self.status = status

    def apply(self) -> None:
        self.store.set_status(self.article_id, self.status)

    def revert(self) -> None:
        self.store.set_status(self.article_id, self.before)


class ReextractCommand(StoreCommand):
    """Swap automatic, unreviewed claims for freshly extracted ones; undo puts the old ones back."""

    kinds = (CLAIMS, ARTICLES)

    def __init__(self, store: Store, hub: ChangeHub, article_id: int, drafts: Sequence, extraction: str = "final"):
        super().__init__(store, hub, "Re-extract claims", article_id)
        self.drafts, self.extraction = list(drafts), extraction
        self.added: list[int] = []
        self._removed: list[dict] = []

    def apply(self) -> None:
        self.added, self._removed = self.store.reextract_claims(self.article_id, self.drafts,
                                                                extraction=self.extraction)

    def revert(self) -> None:
        self.store.undo_reextraction(self.article_id, self.added, self._removed)
