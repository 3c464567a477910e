"""Reviews (verdict, confidence, note), evidence and the claim history with revert."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..changes import (
    ARTICLES,
    CLAIMS,
    EVIDENCE,
    REVIEW,
    Change,
    ClaimSnapshot,
    DeleteClaims,
    EditClaim,
    EditEvidence,
    RemoveEvidence,
    RestoreEvidence,
    RevertReview,
    SaveScale,
    SetActiveScale,
    SetStatus,
    Step,
)
from ..domain import MAX_NOTE_CHARS, Article, AuditEntry, Claim, Evidence, Review, ReviewChange, VerdictScale
from ..errors import ChangedElsewhere, NotFound, ReviewerError
from ..urls import clean_url
from .base import _UNSET, StoreBase, _chunks, _load, attachments_dir, is_library_file, utc_now
from .claims import _review_state

if TYPE_CHECKING:
    from ..changes import ClaimValue


class ReviewsMixin(StoreBase):
    """Reviews (verdict, confidence, note), evidence and the claim history with revert."""

    if TYPE_CHECKING:  # provided by the other parts of Store

        def get_article(self, article_id: int) -> Article: ...
        def set_status(self, article_id: int, status: str, who: str | None = None) -> None: ...
        def get_claim(self, claim_id: int) -> Claim: ...
        def restore_claim(self, snapshot: ClaimSnapshot, who: str | None = None) -> Claim: ...
        def _edit_claim(self, claim_id: int, who: str | None, values: dict[str, ClaimValue]) -> EditClaim: ...
        def _revert_claim_step(self, step: Step, who: str | None) -> Step | None: ...
        def active_scale(self) -> VerdictScale: ...
        def verdict_exists(self, key: str) -> bool: ...
        def _save_scale(self, scale: VerdictScale, who: str | None) -> VerdictScale: ...
        def _set_active_scale(self, scale_id: str, who: str | None) -> str: ...
        def _revert_team_step(self, step: Step, who: str | None) -> Step | None: ...
        def _revert_rows_step(self, step: Step, who: str | None) -> Step | None: ...

    def get_review(self, claim_id: int) -> Review:
        row = self._query(
            "SELECT claim_id, verdict, confidence, note, reviewer, updated_at FROM reviews WHERE claim_id = ?",
            (claim_id,),
        ).fetchone()
        if row is None:
            return Review(claim_id)
        return Review(
            row["claim_id"], row["verdict"], row["confidence"], row["note"], row["reviewer"], row["updated_at"]
        )

    def set_review(
        self,
        claim_id: int,
        *,
        verdict: str | None = _UNSET,
        note: str = _UNSET,
        confidence: int | None = _UNSET,
        who: str | None = None,
    ) -> Review:
        """Set any of verdict, note and confidence; the rest stay. Returns the committed review."""
        return self.change_review(claim_id, verdict=verdict, note=note, confidence=confidence, who=who).after

    def change_review(
        self,
        claim_id: int,
        *,
        verdict: str | None = _UNSET,
        note: str = _UNSET,
        confidence: int | None = _UNSET,
        expect: dict[str, object] | None = None,
        who: str | None = None,
        restoring: bool = False,
    ) -> ReviewChange:
        """Set any of verdict, note and confidence in one audited transaction; returns the change.

        Rules kept here, for the app and the command line alike: a new verdict must be on the
        active scale (``restoring`` — an undo or a revert from the history — may put back one of
        any scale the library defines); clearing the verdict clears the confidence (an unreviewed claim has none); a note
        is at most MAX_NOTE_CHARS; a claim's first verdict moves its article from "todo" to
        "in_review", as part of the same change. ``expect`` maps fields to the values the caller
        started from: if any differs now (another window or command changed it), ChangedElsewhere
        is raised with the current review and nothing is written.
        """
        with self.write():
            claim = self.get_claim(claim_id)
            before = self.get_review(claim_id)
            for field, value in (expect or {}).items():
                if getattr(before, field) != value:
                    raise ChangedElsewhere(_changed_message(claim_id, field, before), before)
            if verdict is not _UNSET and verdict is not None and verdict != before.verdict:
                self._check_verdict(verdict, restoring)
            if confidence is not _UNSET and confidence is not None and not 0 <= int(confidence) <= 100:
                raise ReviewerError("Confidence is a percentage from 0 to 100.")
            if note is not _UNSET and note is not None and len(note) > MAX_NOTE_CHARS:
                raise ReviewerError(
                    f"A note holds at most {MAX_NOTE_CHARS:,} characters; this one has "
                    f"{len(note):,}. Move long material into evidence."
                )
            if verdict is None and confidence is _UNSET:
                confidence = None
            after = Review(
                claim_id,
                before.verdict if verdict is _UNSET else verdict,
                before.confidence if confidence is _UNSET else (None if confidence is None else int(confidence)),
                before.note if note is _UNSET else (note or ""),
                who or self.reviewer,
                utc_now(),
            )
            if (after.verdict, after.confidence, after.note) == (before.verdict, before.confidence, before.note):
                return ReviewChange(claim_id, claim.article_id, before, before)
            self._write_review(after)
            self._audit(
                "review",
                "review",
                claim_id,
                article_id=claim.article_id,
                claim_id=claim_id,
                before=_review_state(before),
                after=_review_state(after),
                who=who,
            )
            status_before = None
            if after.verdict is not None and self._set_status_if(claim.article_id, "todo", "in_review", who):
                status_before = "todo"
        return ReviewChange(claim_id, claim.article_id, before, after, status_before)

    def revert_review_change(self, change: ReviewChange, who: str | None = None) -> ReviewChange:
        """Undo ``change`` (and the status move it made) in one audited transaction.

        Refuses with ChangedElsewhere, writing nothing, when the review was changed since by
        someone else: undo must never wipe another window's or the command line's work. Returns
        the reverting change (whose own revert is the redo).
        """
        with self.write():
            now = self.get_review(change.claim_id)
            for field in change.fields():
                if getattr(now, field) != getattr(change.after, field):
                    raise ChangedElsewhere(_changed_message(change.claim_id, field, now, undo=True), now)
            values = {f: getattr(change.before, f) for f in change.fields()}
            back = self.change_review(change.claim_id, **values, who=who, restoring=True) if values else change
            if change.status_before is not None and not self._article_has_verdicts(change.article_id):
                self._set_status_if(change.article_id, "in_review", change.status_before, who)
        return ReviewChange(change.claim_id, change.article_id, change.after, back.after)

    def _check_verdict(self, key: str, restoring: bool) -> None:
        """ReviewerError unless ``key`` is a verdict of the active scale (of any scale when restoring)."""
        scale = self.active_scale()
        if key in scale.keys or (restoring and self.verdict_exists(key)):
            return
        raise ReviewerError(
            f"Unknown verdict {key!r}. Use one of: {', '.join(scale.keys)}, or none (the active scale is {scale.name})."
        )

    def _write_review(self, review: Review) -> None:
        self.conn.execute(
            "INSERT INTO reviews (claim_id, verdict, confidence, note, reviewer, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(claim_id) DO UPDATE SET verdict = excluded.verdict,"
            " confidence = excluded.confidence, note = excluded.note, reviewer = excluded.reviewer,"
            " updated_at = excluded.updated_at",
            (review.claim_id, review.verdict, review.confidence, review.note, review.reviewer, review.updated_at),
        )

    def _set_status_if(self, article_id: int, current: str, status: str, who: str | None) -> bool:
        """Inside a write: move the article from ``current`` to ``status``, audited; False if it was not there."""
        moved = self.conn.execute(
            "UPDATE articles SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
            (status, utc_now(), article_id, current),
        ).rowcount
        if moved:
            self._audit(
                "status",
                "article",
                article_id,
                article_id=article_id,
                before={"status": current},
                after={"status": status},
                who=who,
            )
        return bool(moved)

    def _article_has_verdicts(self, article_id: int) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM reviews r JOIN claims c ON c.id = r.claim_id"
                " WHERE c.article_id = ? AND r.verdict IS NOT NULL LIMIT 1",
                (article_id,),
            ).fetchone()
            is not None
        )

    # ------------------------------------------------------------------ evidence
    def list_evidence(self, claim_id: int) -> list[Evidence]:
        rows = self._query(_EVIDENCE_SQL + " WHERE claim_id = ? ORDER BY id", (claim_id,))
        return [_evidence(row) for row in rows]

    def evidence_for_claims(self, claim_ids: Sequence[int]) -> dict[int, list[Evidence]]:
        result: dict[int, list[Evidence]] = {i: [] for i in claim_ids}
        for chunk in _chunks(list(claim_ids), 500):
            rows = self._query(_EVIDENCE_SQL + f" WHERE claim_id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk)
            for row in rows:
                result[row["claim_id"]].append(_evidence(row))
        return result

    def add_evidence(
        self,
        claim_id: int,
        *,
        url: str | None = None,
        title: str | None = None,
        quote: str | None = None,
        accessed: str | None = None,
        file: str | Path | None = None,
        who: str | None = None,
    ) -> Evidence:
        """Attach evidence; a local ``file`` is copied into the library's attachment folder.
        The URL is kept on one line (``clean_url``); one with a space or a control character
        inside raises ReviewerError."""
        from ..attachments import copy_into_library

        url = clean_url(url)
        if not any([url, title, quote, file]):
            raise ReviewerError("Evidence needs at least a URL, a title, a quoted passage or a file.")
        stored = original = None
        if file is not None:
            if self.path is None:
                raise ReviewerError("Files can only be attached to a library saved on disk.")
            if is_library_file(file, self.path):
                raise ReviewerError(
                    "That file is this library itself; attach a backup of it instead "
                    "(Library ▸ Backups, or `reviewer backup`)."
                )
            stored, original = copy_into_library(Path(file), attachments_dir(self.path))
        try:
            with self.write():
                claim = self.get_claim(claim_id)
                cursor = self.conn.execute(
                    "INSERT INTO evidence (claim_id, url, title, quote, accessed, file_name, original_name, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (claim_id, url or None, title or None, quote or None, accessed, stored, original, utc_now()),
                )
                evidence = self.get_evidence(int(cursor.lastrowid or 0))
                self._audit(
                    "evidence_add",
                    "evidence",
                    evidence.id,
                    article_id=claim.article_id,
                    claim_id=claim_id,
                    after=asdict(evidence),
                    who=who,
                )
        except BaseException:
            # Remove the copy only if no other evidence uses it: the same file attached twice is
            # stored once, and a failed second attach must not take the first one's file.
            if stored and self.path is not None and not self._file_in_use(stored):
                (attachments_dir(self.path) / stored).unlink(missing_ok=True)
            raise
        return evidence

    def _file_in_use(self, file_name: str) -> bool:
        try:
            return (
                self.conn.execute("SELECT 1 FROM evidence WHERE file_name = ? LIMIT 1", (file_name,)).fetchone()
                is not None
            )
        except sqlite3.Error:
            return True  # when in doubt, keep the file

    def get_evidence(self, evidence_id: int) -> Evidence:
        row = self._query(_EVIDENCE_SQL + " WHERE id = ?", (evidence_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no evidence {evidence_id} in this library.")
        return _evidence(row)

    def update_evidence(self, evidence_id: int, *, who: str | None = None, **changes: Any) -> Evidence:
        allowed = {"url", "title", "quote", "accessed"}
        if set(changes) - allowed:
            raise ReviewerError(f"Cannot change {', '.join(sorted(set(changes) - allowed))} of evidence.")
        refused = None
        if "url" in changes:
            try:
                changes["url"] = clean_url(changes["url"])
            except ReviewerError as exc:
                refused = exc
        with self.write():
            before = self.get_evidence(evidence_id)
            # Undo puts back the URL the evidence had, which an older version may have let in:
            # what this evidence already held may come back as it was, anything else may not.
            if refused is not None and not self._evidence_held_url(before, changes["url"]):
                raise refused
            values = {k: (v or None) for k, v in changes.items()}
            after = replace(
                before,
                url=values.get("url", before.url),
                title=values.get("title", before.title),
                quote=values.get("quote", before.quote),
                accessed=values.get("accessed", before.accessed),
            )
            if after == before:
                return before
            self.conn.execute(
                "UPDATE evidence SET url = ?, title = ?, quote = ?, accessed = ? WHERE id = ?",
                (after.url, after.title, after.quote, after.accessed, evidence_id),
            )
            claim = self.get_claim(before.claim_id)
            self._audit(
                "evidence_edit",
                "evidence",
                evidence_id,
                article_id=claim.article_id,
                claim_id=claim.id,
                before=asdict(before),
                after=asdict(after),
                who=who,
            )
        return after

    def _evidence_held_url(self, evidence: Evidence, url: str | None) -> bool:
        """Whether ``url`` is, or according to the history was, the URL of ``evidence``."""
        if url == evidence.url:
            return True
        rows = self.conn.execute(
            "SELECT before, after FROM audit WHERE entity = 'evidence' AND entity_id = ?", (str(evidence.id),)
        )
        return any(url in ((_load(b) or {}).get("url"), (_load(a) or {}).get("url")) for b, a in rows)

    def remove_evidence(self, evidence_id: int, who: str | None = None) -> Evidence:
        """Detach evidence. The copied file stays on disk so that undo can restore it."""
        with self.write():
            evidence = self.get_evidence(evidence_id)
            claim = self.get_claim(evidence.claim_id)
            self.conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
            self._audit(
                "evidence_remove",
                "evidence",
                evidence_id,
                article_id=claim.article_id,
                claim_id=claim.id,
                before=asdict(evidence),
                who=who,
            )
        return evidence

    def restore_evidence(self, evidence: Evidence, who: str | None = None) -> Evidence:
        with self.write():
            claim = self.get_claim(evidence.claim_id)
            self.conn.execute(
                "INSERT INTO evidence (id, claim_id, url, title, quote, accessed, file_name, original_name, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    evidence.id,
                    evidence.claim_id,
                    evidence.url,
                    evidence.title,
                    evidence.quote,
                    evidence.accessed,
                    evidence.file_name,
                    evidence.original_name,
                    evidence.added_at,
                ),
            )
            self._audit(
                "evidence_add",
                "evidence",
                evidence.id,
                article_id=claim.article_id,
                claim_id=claim.id,
                after=asdict(evidence),
                who=who,
            )
        return evidence

    def attachment_path(self, evidence: Evidence) -> Path | None:
        if not evidence.file_name or self.path is None:
            return None
        return attachments_dir(self.path) / evidence.file_name

    # ------------------------------------------------------------------ audit
    def history(
        self, *, claim_id: int | None = None, article_id: int | None = None, limit: int = 500
    ) -> list[AuditEntry]:
        """Audit entries, newest first."""
        clauses, params = [], []
        if claim_id is not None:
            clauses.append("claim_id = ?")
            params.append(claim_id)
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._query(
            "SELECT id, at, who, action, entity, entity_id, article_id, claim_id, before, after FROM audit"
            + where
            + " ORDER BY id DESC LIMIT ?",
            [*params, limit],
        )
        return [
            AuditEntry(
                row["id"],
                row["at"],
                row["who"],
                row["action"],
                row["entity"],
                row["entity_id"],
                row["article_id"],
                row["claim_id"],
                _load(row["before"]),
                _load(row["after"]),
            )
            for row in rows
        ]

    def revert(self, entry_id: int, who: str | None = None) -> Change:
        """Undo one past change from the history by applying its 'before' state as a new change.

        Returns that change, so that it can be undone in turn (``revert_change``).
        """
        row = self._query(
            "SELECT action, claim_id, article_id, before, entity_id FROM audit WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no history entry {entry_id}.")
        action, claim_id, before = row["action"], row["claim_id"], _load(row["before"]) or {}
        with self.write():
            step: Step
            if action == "review":
                review = self.change_review(
                    claim_id,
                    verdict=before.get("verdict"),
                    note=before.get("note", ""),
                    confidence=before.get("confidence"),
                    who=who,
                    restoring=True,
                )
                step, kinds = RevertReview(review), {REVIEW, ARTICLES}
            elif action in ("claim_edit", "claim_dismiss", "claim_undismiss"):
                fields = {k: before[k] for k in ("start", "end", "speaker", "kind", "checkworthy", "dismissed")}
                step, kinds = self._edit_claim(claim_id, who, fields), {CLAIMS, ARTICLES}
            elif action == "claim_delete":
                restored = self.restore_claim(ClaimSnapshot.from_dict(before), who=who)
                step, kinds = DeleteClaims((restored.id,)), {CLAIMS, ARTICLES, REVIEW, EVIDENCE}
            elif action == "evidence_remove":
                evidence = self.restore_evidence(_evidence_from(before), who=who)
                step, kinds = RemoveEvidence(evidence.id), {EVIDENCE}
            elif action == "evidence_add":
                step, kinds = RestoreEvidence(self.remove_evidence(int(row["entity_id"]), who=who)), {EVIDENCE}
            else:
                raise ReviewerError("This change cannot be reverted from the history.")
        return Change(frozenset(kinds), row["article_id"], (claim_id,) if claim_id else (), (step,))

    # ------------------------------------------------------------------ undoable evidence changes
    def add_evidence_change(
        self,
        claim_id: int,
        *,
        url: str | None = None,
        title: str | None = None,
        quote: str | None = None,
        accessed: str | None = None,
        file: str | Path | None = None,
        who: str | None = None,
    ) -> Change:
        """``add_evidence`` as an undoable change (undo detaches it; its file stays for redo)."""
        evidence = self.add_evidence(claim_id, url=url, title=title, quote=quote, accessed=accessed, file=file, who=who)
        return self._evidence_change(evidence, RemoveEvidence(evidence.id))

    def edit_evidence_change(self, evidence_id: int, *, who: str | None = None, **changes: str | None) -> Change:
        """``update_evidence`` as an undoable change."""
        with self.write():
            before = self.get_evidence(evidence_id)
            after = self.update_evidence(evidence_id, who=who, **changes)
        return self._evidence_change(after, EditEvidence(evidence_id, tuple((k, getattr(before, k)) for k in changes)))

    def remove_evidence_change(self, evidence_id: int, who: str | None = None) -> Change:
        """``remove_evidence`` as an undoable change (undo puts back the same row)."""
        evidence = self.remove_evidence(evidence_id, who)
        return self._evidence_change(evidence, RestoreEvidence(evidence))

    def _evidence_change(self, evidence: Evidence, undo: Step) -> Change:
        article_id = self.get_claim(evidence.claim_id).article_id
        return Change(frozenset({EVIDENCE}), article_id, (evidence.claim_id,), (undo,))

    # ------------------------------------------------------------------ undo of any change
    def revert_change(self, change: Change, who: str | None = None) -> Change:
        """Undo ``change`` in one audited transaction; returns the change that redoes it.

        A review change made elsewhere since is never overwritten (ChangedElsewhere, nothing
        written); any other refusal is a ReviewerError and also leaves the library as it was.
        """
        with self.write():
            inverse = [self._revert_step(step, who) for step in change.undo]
        return Change(change.kinds, change.article_id, change.claim_ids, tuple(reversed(inverse)))

    def _revert_step(self, step: Step, who: str | None) -> Step:
        claim_step = (
            self._revert_claim_step(step, who) or self._revert_team_step(step, who) or self._revert_rows_step(step, who)
        )
        if claim_step is not None:
            return claim_step
        if isinstance(step, RevertReview):
            return RevertReview(self.revert_review_change(step.change, who))
        if isinstance(step, RemoveEvidence):
            return RestoreEvidence(self.remove_evidence(step.evidence_id, who))
        if isinstance(step, RestoreEvidence):
            return RemoveEvidence(self.restore_evidence(step.evidence, who).id)
        if isinstance(step, EditEvidence):
            before = self.get_evidence(step.evidence_id)
            self.update_evidence(step.evidence_id, who=who, **dict(step.values))
            return EditEvidence(step.evidence_id, tuple((k, getattr(before, k)) for k, _ in step.values))
        if isinstance(step, SetStatus):
            status = self.get_article(step.article_id).status
            self.set_status(step.article_id, step.status, who)
            return SetStatus(step.article_id, status)
        if isinstance(step, SaveScale):
            return SaveScale(self._save_scale(step.scale, who))
        if isinstance(step, SetActiveScale):
            return SetActiveScale(self._set_active_scale(step.scale_id, who))
        raise AssertionError(f"unknown undo step {step!r}")


_EVIDENCE_SQL = "SELECT id, claim_id, url, title, quote, accessed, file_name, original_name, added_at FROM evidence"


def _evidence(row: sqlite3.Row) -> Evidence:
    return Evidence(
        row["id"],
        row["claim_id"],
        row["url"],
        row["title"],
        row["quote"],
        row["accessed"],
        row["file_name"],
        row["original_name"],
        row["added_at"],
    )


def _evidence_from(data: dict[str, Any]) -> Evidence:
    """Evidence from the audit log's JSON (the fields ``asdict`` wrote)."""
    return Evidence(**{k: v for k, v in data.items() if k in Evidence.__dataclass_fields__})


def _changed_message(claim_id: int, field: str, now: Review, undo: bool = False) -> str:
    who = f" by {now.reviewer}" if now.reviewer else ""
    when = f" at {now.updated_at}" if now.updated_at else ""
    what = {"verdict": "verdict", "confidence": "confidence", "note": "note"}[field]
    if undo:
        return (
            f"The {what} of claim {claim_id} was changed elsewhere{who}{when}; undo would overwrite it, "
            "so it was not undone."
        )
    return (
        f"The {what} of claim {claim_id} was changed elsewhere{who}{when} while you were editing; "
        "nothing was overwritten."
    )
