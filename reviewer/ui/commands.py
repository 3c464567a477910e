"""Undoable changes. Every user change is a QUndoCommand whose redo() calls the store.

Each command commits to the library at once (redo and undo are each one transaction, both
audited) and then announces itself on the ChangeHub. Subclasses implement ``apply`` and
``revert``; the first redo (when the stack pushes the command) applies the change.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..core.errors import ReviewerError
from ..core.store import Store
from .changes import ChangeHub


class StoreCommand(QUndoCommand):
    """Base for commands: store + hub, error capture, change announcement."""

    kinds: tuple[str, ...] = ()

    def __init__(self, store: Store, hub: ChangeHub, text: str, article_id: int | None = None,
                 claim_ids: tuple[int, ...] = ()):
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

    def _run(self, fn) -> None:
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


def push(stack, command: StoreCommand) -> ReviewerError | None:
    """Push and run a command; returns the error if the store refused it (nothing changed)."""
    stack.push(command)
    return command.error
