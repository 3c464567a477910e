"""One change signal for the whole window: what changed, and who started it.

Panels connect to ``ChangeHub.changed`` and refresh only what a Change touches
(as Anki's ``operation_did_execute(changes, initiator)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

# What a change can touch (the store's kinds, core.changes); a Change names one or more of these.
from ..core.changes import ARTICLES, CLAIMS, EVIDENCE, REVIEW, SCALE  # noqa: F401  (re-exported)

LIBRARY = "library"  # another library file was opened: everything


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str]
    article_id: int | None = None
    claim_ids: tuple[int, ...] = ()
    initiator: object | None = None  # the widget that caused it, so it can skip its own refresh
    extra: dict = field(default_factory=dict, compare=False)

    def touches(self, *kinds: str) -> bool:
        return LIBRARY in self.kinds or any(k in self.kinds for k in kinds)


class ChangeHub(QObject):
    """Owned by the main window; handed to every pane and undo command."""

    changed = Signal(object)  # Change

    def emit(self, *kinds: str, article_id: int | None = None, claim_ids=(), initiator=None, **extra) -> None:
        self.changed.emit(Change(frozenset(kinds), article_id, tuple(claim_ids), initiator, extra))
