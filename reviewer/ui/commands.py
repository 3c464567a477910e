"""Undoable changes. Every user change is a QUndoCommand whose redo() calls the store.

Each command commits to the library at once (redo and undo are each one transaction, both
audited) and then announces itself on the ChangeHub. The store makes the change and knows how
to revert it (``core.changes.Change``): a ``ChangeCommand`` only keeps the change the store
returned and hands it back to ``Store.revert_change`` on undo, and the change that returned on
redo. Commands hold no snapshots and open no transactions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.changes import Change
from ..core.errors import ReviewerError
from ..core.store import Store
from .changes import ChangeHub


class StoreCommand(QUndoCommand):
    """Base for commands: store + hub, error capture, change announcement."""

    kinds: tuple[str, ...] = ()

    def __init__(
        self, store: Store, hub: ChangeHub, text: str, article_id: int | None = None, claim_ids: tuple[int, ...] = ()
    ):
        super().__init__(text)
        self.store = store
        self.hub = hub
        self.article_id = article_id
        self.claim_ids = claim_ids
        self.error: ReviewerError | None = None

    # Subclasses override these two.
    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
            self.error = None
        except ReviewerError as err:
            # The store rolled back; mark the command obsolete so the stack drops it.
            self.error = err
            self.setObsolete(True)
            self.hub.emit("error", article_id=self.article_id, message=str(err))
            return
        self.hub.emit(*self.kinds, article_id=self.article_id, claim_ids=self.claim_ids)


class ChangeCommand(StoreCommand):
    """A command whose first redo asks the store for a ``Change`` (``make``); undo and later
    redos only hand the store back what it returned."""

    def __init__(
        self, store: Store, hub: ChangeHub, text: str, article_id: int | None = None, claim_ids: tuple[int, ...] = ()
    ):
        super().__init__(store, hub, text, article_id, claim_ids)
        self.change: Change | None = None
        self._redo: Change | None = None

    def make(self) -> Change:
        raise NotImplementedError

    def apply(self) -> None:
        self.change = self.make() if self._redo is None else self.store.revert_change(self._redo)
        self.kinds = tuple(sorted(self.change.kinds))
        self.article_id = self.change.article_id if self.change.article_id is not None else self.article_id
        self.claim_ids = self.change.claim_ids

    def revert(self) -> None:
        if self.change is not None:
            self._redo = self.store.revert_change(self.change)


def push(stack: QUndoStack, command: StoreCommand) -> ReviewerError | None:
    """Push and run a command; returns the error if the store refused it (nothing changed)."""
    stack.push(command)
    return command.error
