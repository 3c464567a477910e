"""Undoable review changes: verdict, confidence, note, evidence, revert from history.

Each command's redo/undo is one store call (one transaction, audited with the store's
reviewer) followed by a ChangeHub announcement (see ``commands.StoreCommand``). Commands
are created and pushed on the UI thread; the undo stack owns them once pushed.
"""

from __future__ import annotations

from pathlib import Path

from ..core.changes import Change
from ..core.display import shorten
from ..core.domain import ReviewChange, VerdictScale
from ..core.store import Store
from .changes import REVIEW, ChangeHub
from .commands import ChangeCommand, StoreCommand

# Command ids for QUndoCommand.id(): only commands with the same id are offered to mergeWith.
NOTE_ID = 4101
CONFIDENCE_ID = 4102
_UNSET = object()


class _ClaimCommand(StoreCommand):
    def __init__(self, store: Store, hub: ChangeHub, text: str, claim_id: int):
        article_id = store.get_claim(claim_id).article_id
        super().__init__(store, hub, text, article_id=article_id, claim_ids=(claim_id,))
        self.claim_id = claim_id


class _ReviewFieldCommand(_ClaimCommand):
    """Set one field of a claim's review (verdict, confidence or note).

    The store makes the change and knows how to revert it (``ReviewChange``, with the status move
    a first verdict makes). Applying expects the field to still hold ``before`` and undo expects it
    to still hold ``after``: if another window or command changed it meanwhile, the store refuses
    and nothing of theirs is overwritten. Subclasses with a ``command_id`` merge consecutive
    changes of the same claim and session into one undo step that goes back to the value from
    before the first of them.
    """

    kinds = (REVIEW,)
    field = ""
    command_id = -1  # -1: never merges

    def __init__(self, store: Store, hub: ChangeHub, text: str, claim_id: int, value, before=_UNSET, session: int = 0):
        super().__init__(store, hub, text, claim_id)
        self.before = getattr(store.get_review(claim_id), self.field) if before is _UNSET else before
        self.after = value
        self.session = session
        self.change: ReviewChange | None = None

    def id(self) -> int:
        return self.command_id

    def mergeWith(self, other) -> bool:
        if type(other) is not type(self) or other.claim_id != self.claim_id or other.session != self.session:
            return False
        self.after = other.after
        if self.change is not None and other.change is not None:
            self.change = self.change.then(other.change)
        self.setText(other.text())
        # Back where it started: the step is a no-op and leaves the stack.
        self.setObsolete(self.after == self.before)
        return True

    def apply(self) -> None:
        self.change = self.store.change_review(
            self.claim_id, **{self.field: self.after}, expect={self.field: self.before}
        )

    def revert(self) -> None:
        if self.change is not None:
            self.store.revert_review_change(self.change)


class SetVerdictCommand(_ReviewFieldCommand):
    """Give a claim a verdict key (or None: unreviewed)."""

    field = "verdict"

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, verdict: str | None, label: str = ""):
        super().__init__(store, hub, f"Set verdict “{label or verdict or 'Unreviewed'}”", claim_id, verdict)


class SetConfidenceCommand(_ReviewFieldCommand):
    """Set a claim's confidence (0–100 or None); consecutive changes of one claim merge."""

    field = "confidence"
    command_id = CONFIDENCE_ID

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, confidence: int | None, session: int = 0):
        shown = "not set" if confidence is None else f"{confidence}%"
        super().__init__(store, hub, f"Set confidence {shown}", claim_id, confidence, session=session)


class EditNoteCommand(_ReviewFieldCommand):
    """Save a note. Saves of one typing session merge, so undo restores the note from before it.

    ``session`` is a token the note editor changes when a person leaves the note or switches
    claims: typing after that is a new undo step. ``before`` is the note the editor last saved.
    """

    field = "note"
    command_id = NOTE_ID

    def __init__(
        self, store: Store, hub: ChangeHub, claim_id: int, note: str, session: int = 0, before: str | None = None
    ):
        super().__init__(
            store,
            hub,
            f"Edit note “{shorten(note, 32)}”",
            claim_id,
            note,
            _UNSET if before is None else before,
            session,
        )


class AddEvidenceCommand(ChangeCommand):
    """Attach evidence. Undo detaches it (a copied file stays in the library); redo puts the same row back."""

    def __init__(
        self,
        store: Store,
        hub: ChangeHub,
        claim_id: int,
        *,
        url: str | None = None,
        title: str | None = None,
        quote: str | None = None,
        accessed: str | None = None,
        file: str | Path | None = None,
    ):
        label = title or url or (Path(file).name if file else None) or quote
        super().__init__(
            store, hub, f"Add evidence “{shorten(label, 32)}”", store.get_claim(claim_id).article_id, (claim_id,)
        )
        self.claim_id = claim_id
        self.fields = dict(url=url, title=title, quote=quote, accessed=accessed)
        self.file = file

    def make(self) -> Change:
        return self.store.add_evidence_change(self.claim_id, file=self.file, **self.fields)


class EditEvidenceCommand(ChangeCommand):
    """Change the URL, title, quoted passage or access date of evidence."""

    def __init__(self, store: Store, hub: ChangeHub, evidence_id: int, **changes: str | None):
        before = store.get_evidence(evidence_id)
        super().__init__(
            store,
            hub,
            f"Edit evidence “{shorten(before.title or before.url, 32)}”",
            store.get_claim(before.claim_id).article_id,
            (before.claim_id,),
        )
        self.evidence_id = evidence_id
        self.values = dict(changes)

    def make(self) -> Change:
        return self.store.edit_evidence_change(self.evidence_id, **self.values)


class RemoveEvidenceCommand(ChangeCommand):
    """Detach evidence; undo puts the same row back (its file never left the library)."""

    def __init__(self, store: Store, hub: ChangeHub, evidence_id: int):
        evidence = store.get_evidence(evidence_id)
        label = evidence.title or evidence.url or evidence.original_name or "evidence"
        super().__init__(
            store,
            hub,
            f"Remove evidence “{shorten(label, 32)}”",
            store.get_claim(evidence.claim_id).article_id,
            (evidence.claim_id,),
        )
        self.evidence_id = evidence_id

    def make(self) -> Change:
        return self.store.remove_evidence_change(self.evidence_id)


class RevertEntryCommand(ChangeCommand):
    """Apply the 'before' state of a history entry; undo reverts what the revert wrote."""

    def __init__(self, store: Store, hub: ChangeHub, claim_id: int, entry_id: int, description: str = ""):
        super().__init__(
            store,
            hub,
            f"Revert “{shorten(description or 'change', 32)}”",
            store.get_claim(claim_id).article_id,
            (claim_id,),
        )
        self.claim_id = claim_id
        self.entry_id = entry_id

    def make(self) -> Change:
        return self.store.revert(self.entry_id)


class SaveScaleCommand(ChangeCommand):
    """An edit of an existing verdict scale (labels, colours, order, ratings); undo saves the old one."""

    def __init__(self, store: Store, hub: ChangeHub, before: VerdictScale, after: VerdictScale):
        super().__init__(store, hub, f"Edit scale “{after.name}”")
        self.after = after

    def make(self) -> Change:
        return self.store.save_scale_change(self.after)


class SetActiveScaleCommand(ChangeCommand):
    """Switch the scale reviews are made with; undo switches back."""

    def __init__(self, store: Store, hub: ChangeHub, scale_id: str):
        super().__init__(store, hub, f"Use scale “{store.get_scale(scale_id).name}”")
        self.scale_id = scale_id

    def make(self) -> Change:
        return self.store.set_active_scale_change(self.scale_id)
