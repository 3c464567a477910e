""" "Seen before" in the desk: each claim's best matches among fact-checks and earlier reviews, off the UI thread.

``SeenBefore`` keeps the matches of claims per claim id (``core.matching.similar``, top 5, the claim
itself left out) and computes those it is asked for on a TaskManager of its own, one job at a time:
the current claim first, then the open article's claims that count for review (at most
``MAX_DESK_CLAIMS``), then whatever the library-wide list asked for. Workers only read (a worker's
commit would look like another program's change to the window): vectors for new fact-checks and
newly reviewed claims are encoded on a worker (``pending_vectors``) and stored here, on the UI
thread, before matching (``store_vectors``).

Every result is stamped with the library's matching signature (``Store.matching_signature``: the
fact-checks, the set of reviewed claims and the stored vectors) taken when its job started. When the
signature moves (fact-checks imported — the hub's ``factchecks`` change —, a claim reviewed, a
change made elsewhere) the results are stale: they stay shown until fresh ones replace them. A
verdict changed on a claim that some result shows as "our review" makes that result stale too.

``updated`` says which claims' results changed; the desk redraws their markers and the card.
UI thread only, except the two job functions.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.domain import Claim
from ..core.errors import ReviewerError
from ..core.matching import (
    EmptyQuery,
    EncoderMissing,
    Match,
    PendingVectors,
    default_threshold,
    pending_vectors,
    similar,
    store_vectors,
)
from ..core.store import Store
from .changes import CLAIMS, REVIEW, Change, ChangeHub
from .claim_view import is_active
from .factcheck_import import FACTCHECKS
from .settings import Settings
from .tasks import Job, JobContext, TaskManager

TOP = 5  # matches kept per claim (the card lists them)
BATCH = 4  # claims per job: a newly selected claim waits for at most this many others (~60 ms)
INDEX_CHUNK = 256  # vectors encoded per job (about 1.3 s) and stored in one short transaction
MAX_DESK_CLAIMS = 300  # claims of the open article matched ahead of being selected
DEBOUNCE_MS = 150  # a burst of changes (verdict keys pressed in a row) starts one round

Signature = tuple[int, ...]


@dataclass(frozen=True)
class ClaimMatches:
    """The best matches of one claim's text, best first, in the library state ``signature``."""

    text: str
    signature: Signature
    matches: tuple[Match, ...]


def _match_job(
    store: Store, items: list[tuple[int, str]], ctx: JobContext
) -> tuple[Signature, dict[int, tuple[Match, ...]]]:
    """Worker thread: the top matches of each (claim id, text), reading only."""
    signature = store.matching_signature()
    found: dict[int, tuple[Match, ...]] = {}
    for claim_id, text in items:
        if ctx.cancelled():
            break
        try:
            found[claim_id] = tuple(similar(store, text, TOP, exclude_claims=(claim_id,), index=False))
        except EmptyQuery:
            found[claim_id] = ()
    return signature, found


def _vectors_job(store: Store, ctx: JobContext) -> PendingVectors:
    """Worker thread: encode the next records that have no vector (the UI thread stores them)."""
    return pending_vectors(store, INDEX_CHUNK)


class SeenBefore(QObject):
    """Matches per claim for one window's library. Owned by the window (its jobs end with it)."""

    updated = Signal(object)  # frozenset of claim ids whose matches changed

    def __init__(self, store: Store, settings: Settings, hub: ChangeHub, parent: QObject | None = None):
        super().__init__(parent)
        self.store, self.settings, self.hub = store, settings, hub
        self.tasks = TaskManager(self, max_threads=1)
        self._cache: dict[int, ClaimMatches] = {}
        self._desk: dict[int, str] = {}  # the open article's claims, in text order
        self._asked: dict[int, str] = {}  # claims the library-wide list asked for
        self._first: int | None = None  # the current claim: matched before the others
        self._queue: deque[int] | None = None  # what is left to match; None: to be worked out again
        self._job: Job | None = None
        self._signature: Signature | None = None
        self._indexed: Signature | None = None  # the signature when no record was waiting for a vector
        self._default: float | None = None
        # One reading connection for every job, which run one at a time: a worker store closed after
        # each job would run "PRAGMA optimize", whose commit looks to the window like another
        # program's change ("Updated with changes made elsewhere.").
        self._reader: Store | None = None
        self._reads: deque[
            tuple[Callable[[Store, JobContext], Any], Callable[[Any], None], Callable[[BaseException, str], None]]
        ] = deque()
        self.unavailable: str | None = None  # why nothing is matched (in-memory library, model missing)
        self._held = False  # a job failed: wait for the next change before trying again
        self._again = False  # a job ended and the next round is about to start
        if store.path is None:
            self.unavailable = "Seen before needs a library saved to a file."
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._pump)
        hub.changed.connect(self._on_change)

    # ------------------------------------------------------------------ reading
    def threshold(self) -> float:
        """The score from which a match counts as seen before (Preferences, else the model's own)."""
        chosen = self.settings.seen_before_threshold()
        if chosen is not None:
            return chosen
        if self._default is None:
            try:
                self._default = default_threshold()
            except EncoderMissing as err:
                self.unavailable = str(err)
                self._default = 1.0
        return self._default

    def matches(self, claim_id: int) -> tuple[Match, ...] | None:
        """The claim's top matches, best first; None when not worked out yet."""
        found = self._cache.get(claim_id)
        return found.matches if found is not None else None

    def is_current(self, claim_id: int) -> bool:
        """Whether the claim's matches fit the library as it is now (False while they are redone)."""
        found = self._cache.get(claim_id)
        return found is not None and found.signature == self._signature

    def seen(self, claim_id: int) -> Match | None:
        """The claim's best match if it passes the threshold."""
        found = self.matches(claim_id)
        return found[0] if found and found[0].score >= self.threshold() else None

    def seen_matches(self, claim_ids: Iterable[int]) -> dict[int, Match]:
        """The best match of each of ``claim_ids`` that was seen before (the threshold read once)."""
        threshold = self.threshold()
        found: dict[int, Match] = {}
        for claim_id in claim_ids:
            entry = self._cache.get(claim_id)
            if entry is not None and entry.matches and entry.matches[0].score >= threshold:
                found[claim_id] = entry.matches[0]
        return found

    def seen_scores(self, claim_ids: Iterable[int]) -> dict[int, float]:
        """Best scores of those of ``claim_ids`` that were seen before (for the claims list's marker)."""
        return {claim_id: match.score for claim_id, match in self.seen_matches(claim_ids).items()}

    def busy(self) -> bool:
        """Whether work is under way or about to start (False: every claim asked for has its matches)."""
        return self._job is not None or self._timer.isActive() or self._again

    # ------------------------------------------------------------------ asking
    def set_claims(self, claims: Sequence[Claim], checkworthy_threshold: float | None) -> None:
        """The open article's claims (its claims list changed): those that count for review, or have a
        verdict, are matched in the background."""
        wanted = [c for c in claims if c.verdict is not None or is_active(c, checkworthy_threshold)]
        self._desk = {c.id: c.text for c in wanted[:MAX_DESK_CLAIMS]}
        texts = {c.id: c.text for c in claims}
        if self._first is not None and self._first in texts:
            self._desk.setdefault(self._first, texts[self._first])
        self._schedule()

    def prefer(self, claim: Claim | None) -> None:
        """The current claim: matched first (whether or not it counts for review)."""
        self._first = claim.id if claim is not None else None
        if claim is not None and self._desk.get(claim.id) != claim.text:
            self._desk[claim.id] = claim.text
        self._schedule()

    def ask(self, items: Iterable[tuple[int, str]]) -> None:
        """Match these (claim id, text) too, after the open article's (the library-wide list)."""
        self._asked = dict(items)
        self._schedule()

    def forget_asked(self) -> None:
        self._asked = {}
        self._queue = None

    def waiting(self, claim_ids: Iterable[int]) -> int:
        """How many of ``claim_ids`` still wait for current matches."""
        return sum(1 for cid in claim_ids if not self.is_current(cid))

    def apply_threshold(self) -> None:
        """Preferences changed the threshold: every marker may change."""
        self.updated.emit(frozenset(self._cache))

    def read(
        self,
        fn: Callable[[Store, JobContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        """Run ``fn(store, ctx)`` on a worker with the reading connection, between matching jobs
        (the library-wide list reads its claims so). ``fn`` must not write."""
        self._reads.append((fn, on_done, on_error))
        self._schedule()

    def stop(self) -> None:
        """The window closes: drop queued work, end the running job (its result is dropped), close
        the reading connection."""
        self._timer.stop()
        self._desk, self._asked, self._queue = {}, {}, deque()
        self._reads.clear()
        self.unavailable = self.unavailable or "The window is closing."
        self.tasks.shutdown()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _reading_store(self) -> Store | None:
        if self._reader is None:
            try:
                self._reader = self.store.worker_store()
            except ReviewerError as err:
                self.unavailable = f"Seen before cannot read the library: {err}"
        return self._reader

    def _start(
        self,
        name: str,
        fn: Callable[[Store, JobContext], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        reader = self._reading_store()
        if reader is None:
            return
        self._job = self.tasks.run(name, lambda ctx: fn(reader, ctx), on_done=on_done, on_error=on_error)
        self._job.ended.connect(self._ended)

    # ------------------------------------------------------------------ changes
    def _on_change(self, change: Change) -> None:
        if "error" in change.kinds or "status" in change.kinds:
            return
        if REVIEW in change.kinds and change.claim_ids:
            changed = set(change.claim_ids)
            stale = [
                cid
                for cid, found in self._cache.items()
                if any(m.source == "review" and m.id in changed for m in found.matches)
            ]
            for cid in stale:  # a verdict shown as "our review" changed: match again
                found = self._cache[cid]
                self._cache[cid] = ClaimMatches(found.text, (), found.matches)
        if change.touches(REVIEW, CLAIMS, FACTCHECKS):
            self._schedule()

    def _schedule(self) -> None:
        self._queue = None
        self._held = False
        if self.unavailable is None:
            self._timer.start()

    # ------------------------------------------------------------------ the work
    def _current_signature(self) -> Signature | None:
        try:
            return self.store.matching_signature()
        except (sqlite3.Error, ReviewerError):
            return None  # the library is being swapped or restored

    def _pump(self) -> None:
        self._again = False
        if self._job is not None or self.unavailable is not None:
            return
        signature = self._current_signature()
        if signature is None:
            return
        if signature != self._signature:
            self._signature, self._queue = signature, None
        nothing_to_match = signature[2] == 0 and signature[4] == 0  # no fact-checks, no reviewed claims
        if nothing_to_match:
            self._indexed = signature
        if self._reads:
            self._start("Reading the library", *self._reads.popleft())
            return
        if signature != self._indexed:
            self._start("Preparing seen-before matching", _vectors_job, self._vectors_done, self._failed)
            return
        if self._queue is None:
            first = [self._first] if self._first in self._desk else []
            self._queue = deque(dict.fromkeys([*first, *self._desk, *self._asked]))
        texts = {**self._asked, **self._desk}
        batch: list[tuple[int, str]] = []
        nothing: dict[int, ClaimMatches] = {}
        while self._queue and len(batch) < BATCH:
            cid = self._queue.popleft()
            text = texts.get(cid)
            found = self._cache.get(cid)
            if text is None or (found is not None and found.text == text and found.signature == signature):
                continue
            if nothing_to_match:
                nothing[cid] = ClaimMatches(text, signature, ())
            else:
                batch.append((cid, text))
        if nothing:
            self._store_results(nothing)
        if not batch:
            return
        self._start(
            "Looking for earlier checks",
            lambda store, ctx: _match_job(store, batch, ctx),
            lambda result: self._matches_done(batch, result),
            self._failed,
        )

    def _ended(self) -> None:
        self._job = None
        if self.unavailable is None and not self._held and not self._timer.isActive():
            self._again = True
            QTimer.singleShot(0, self, self._pump)

    def _vectors_done(self, pending: PendingVectors) -> None:
        try:
            if len(pending):
                store_vectors(self.store, pending)
        except ReviewerError:
            # A read-only or busy library: records without a vector are found by their words alone.
            self._indexed = self._current_signature()
            return
        signature = self._current_signature()
        if pending.remaining:
            self.hub.emit("status", message=f"Preparing fact-checks for “seen before”: {pending.remaining:,} to go…")
        else:
            self._indexed = signature

    def _matches_done(
        self, batch: list[tuple[int, str]], result: tuple[Signature, dict[int, tuple[Match, ...]]]
    ) -> None:
        signature, found = result
        texts = dict(batch)
        self._store_results({cid: ClaimMatches(texts[cid], signature, matches) for cid, matches in found.items()})

    def _store_results(self, results: dict[int, ClaimMatches]) -> None:
        self._cache.update(results)
        self.updated.emit(frozenset(results))

    def _failed(self, exc: BaseException, _traceback: str) -> None:
        self._held = True
        if isinstance(exc, EncoderMissing):
            self.unavailable = str(exc)
            self.hub.emit("status", message=f"Seen before is off: {exc}")
        elif isinstance(exc, ReviewerError):
            self.hub.emit("status", message=f"Seen before could not look: {exc}")
        else:
            self.unavailable = f"Seen before stopped after an unexpected error: {exc}"
            self.hub.emit("error", message=self.unavailable)
