"""Claims of an article: add, edit, split, merge, dismiss, delete and restore, re-extraction.

The ``*_change`` methods are the undoable edits: each is one audited transaction and returns a
``Change`` whose undo steps ``Store.revert_change`` applies (see ``core/changes.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..changes import (
    ARTICLES,
    CLAIM_FIELDS,
    CLAIMS,
    REVIEW,
    Change,
    ClaimSnapshot,
    ClaimValue,
    DeleteClaims,
    EditClaim,
    RestoreClaims,
    Step,
)
from ..domain import Article, Claim, ClaimDraft, Evidence, Review, check_span, trim_span
from ..errors import NotFound, ReviewerError
from .base import StoreBase, utc_now


class ClaimsMixin(StoreBase):
    """Claims of an article: add, edit, split, merge, dismiss, delete and restore, re-extraction."""

    if TYPE_CHECKING:  # provided by the other parts of Store

        def get_article(self, article_id: int) -> Article: ...
        def list_evidence(self, claim_id: int) -> list[Evidence]: ...
        def _with_team_state(self, snapshot: ClaimSnapshot) -> ClaimSnapshot: ...
        def _restore_team_state(self, snapshot: ClaimSnapshot) -> None: ...
        def _insert_claims(
            self, article_id: int, text: str, claims: Sequence[ClaimDraft], now: str, origin: str = "auto"
        ) -> list[int]: ...

    _CLAIM_SQL = (
        'SELECT c.id, c.article_id, c.start, c."end", c.text, c.score, c.checkworthy, c.speaker,'
        " c.speaker_start, c.speaker_end, c.kind, c.origin, c.dismissed, c.created_at,"
        " r.claim_id AS reviewed, r.verdict, r.confidence, r.note, r.reviewer, r.updated_at"
        " FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id"
    )

    def claims_for_article(self, article_id: int) -> list[Claim]:
        """All claims of an article (dismissed and not check-worthy included), in text order."""
        rows = self._query(self._CLAIM_SQL + ' WHERE c.article_id = ? ORDER BY c.start, c."end", c.id', (article_id,))
        return [_claim(row) for row in rows]

    def get_claim(self, claim_id: int) -> Claim:
        row = self._query(self._CLAIM_SQL + " WHERE c.id = ?", (claim_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no claim {claim_id} in this library.")
        return _claim(row)

    def add_claim(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        kind: str = "other",
        score: float = 1.0,
        who: str | None = None,
    ) -> Claim:
        """A reviewer's own claim over ``text[start:end]`` of the article (white space trimmed off)."""
        return self.get_claim(
            self.add_claim_change(article_id, start, end, speaker=speaker, kind=kind, score=score, who=who).claim_ids[0]
        )

    def add_claim_change(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        kind: str = "other",
        score: float = 1.0,
        who: str | None = None,
    ) -> Change:
        """``add_claim`` as an undoable change; the new claim's id is ``claim_ids[0]``."""
        with self.write():
            text = self.get_article(article_id).text
            start, end = trim_span(text, start, end)
            check_span(text, start, end)
            draft = ClaimDraft(start, end, score=score, checkworthy=True, speaker=speaker, kind=kind)
            (claim_id,) = self._insert_claims(article_id, text, [draft], utc_now(), origin="manual")
            claim = self.get_claim(claim_id)
            self._audit(
                "claim_add",
                "claim",
                claim_id,
                article_id=article_id,
                claim_id=claim_id,
                after=_claim_state(claim),
                who=who,
            )
        return Change(frozenset({CLAIMS, ARTICLES}), article_id, (claim_id,), (DeleteClaims((claim_id,)),))

    def update_claim(self, claim_id: int, *, who: str | None = None, **changes: ClaimValue) -> Claim:
        """Change a claim's span (start/end), speaker, kind or checkworthy flag."""
        unknown = set(changes) - set(CLAIM_FIELDS)
        if unknown:
            raise ReviewerError(f"Cannot change {', '.join(sorted(unknown))} of a claim.")
        with self.write():
            claim = self.get_claim(claim_id)
            new = replace(claim, **changes)  # type: ignore[arg-type]  # names checked above
            if (new.start, new.end) != (claim.start, claim.end):
                text = self.get_article(claim.article_id).text
                check_span(text, new.start, new.end)
                new = replace(new, text=text[new.start : new.end])
            if new == claim:
                return claim
            self.conn.execute(
                'UPDATE claims SET start = ?, "end" = ?, text = ?, speaker = ?, speaker_start = ?, speaker_end = ?,'
                " kind = ?, checkworthy = ?, dismissed = ?, updated_at = ? WHERE id = ?",
                (
                    new.start,
                    new.end,
                    new.text,
                    new.speaker,
                    new.speaker_start,
                    new.speaker_end,
                    new.kind,
                    int(new.checkworthy),
                    int(new.dismissed),
                    utc_now(),
                    claim_id,
                ),
            )
            action = "claim_edit"
            if set(changes) == {"dismissed"}:
                action = "claim_dismiss" if new.dismissed else "claim_undismiss"
            self._audit(
                action,
                "claim",
                claim_id,
                article_id=claim.article_id,
                claim_id=claim_id,
                before=_claim_state(claim),
                after=_claim_state(new),
                who=who,
            )
        return self.get_claim(claim_id)

    def _edit_claim(self, claim_id: int, who: str | None, values: dict[str, ClaimValue]) -> EditClaim:
        """Inside a write: apply ``values`` to a claim; returns the step that puts the old ones back."""
        claim = self.get_claim(claim_id)
        self.update_claim(claim_id, who=who, **values)
        return EditClaim(claim_id, tuple((name, getattr(claim, name)) for name in values))

    def edit_claim_change(self, claim_id: int, *, who: str | None = None, **values: ClaimValue) -> Change:
        """Change a claim's fields (``CLAIM_FIELDS``) as an undoable change.

        A new span is trimmed of white space at both ends, as ``add_claim`` does, so the
        stored text is exactly the words.
        """
        with self.write():
            claim = self.get_claim(claim_id)
            if "start" in values or "end" in values:
                start, end = values.get("start", claim.start), values.get("end", claim.end)
                if not isinstance(start, int) or not isinstance(end, int):
                    raise ReviewerError("A claim's span is two character offsets.")
                text = self.get_article(claim.article_id).text
                values = {**values, **dict(zip(("start", "end"), trim_span(text, start, end)))}
            step = self._edit_claim(claim_id, who, values)
        kinds = {CLAIMS, ARTICLES} if "dismissed" in values or "checkworthy" in values else {CLAIMS}
        return Change(frozenset(kinds), claim.article_id, (claim_id,), (step,))

    def set_dismissed(self, claim_id: int, dismissed: bool, who: str | None = None) -> Claim:
        return self.update_claim(claim_id, dismissed=dismissed, who=who)

    def dismiss_claims_change(self, claim_ids: Sequence[int], dismissed: bool, who: str | None = None) -> Change:
        """Dismiss claims as not check-worthy (or restore them), as one undoable change."""
        with self.write():
            claims = [self.get_claim(i) for i in claim_ids]
            steps = [self._edit_claim(c.id, who, {"dismissed": dismissed}) for c in claims]
        article_id = claims[0].article_id if claims else None
        return Change(frozenset({CLAIMS, ARTICLES}), article_id, tuple(c.id for c in claims), tuple(steps))

    def delete_claim(self, claim_id: int, who: str | None = None) -> ClaimSnapshot:
        """Remove a claim with its review and evidence; returns a snapshot for ``restore_claim``."""
        with self.write():
            snapshot = self.claim_snapshot(claim_id)
            self.conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            self._audit(
                "claim_delete",
                "claim",
                claim_id,
                article_id=snapshot.claim.article_id,
                claim_id=claim_id,
                before=snapshot.as_dict(),
                who=who,
            )
        return snapshot

    def delete_claims_change(self, claim_ids: Sequence[int], who: str | None = None) -> Change:
        """Delete claims (with their reviews and evidence) as one undoable change."""
        with self.write():
            snapshots = tuple(self.delete_claim(i, who) for i in claim_ids)
        article_id = snapshots[0].claim.article_id if snapshots else None
        return Change(frozenset({CLAIMS, ARTICLES, REVIEW}), article_id, tuple(claim_ids), (RestoreClaims(snapshots),))

    def claim_snapshot(self, claim_id: int) -> ClaimSnapshot:
        return self._with_team_state(ClaimSnapshot(self.get_claim(claim_id), tuple(self.list_evidence(claim_id))))

    def restore_claim(self, snapshot: ClaimSnapshot, who: str | None = None) -> Claim:
        """Put back a claim removed by ``delete_claim`` (same id, review and evidence)."""
        c = snapshot.claim
        with self.write():
            self.conn.execute(
                'INSERT INTO claims (id, article_id, start, "end", text, score, checkworthy, speaker, speaker_start,'
                " speaker_end, kind, origin, dismissed, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    c.id,
                    c.article_id,
                    c.start,
                    c.end,
                    c.text,
                    c.score,
                    int(c.checkworthy),
                    c.speaker,
                    c.speaker_start,
                    c.speaker_end,
                    c.kind,
                    c.origin,
                    int(c.dismissed),
                    c.created_at,
                    utc_now(),
                ),
            )
            r = c.review
            if r is not None:
                self.conn.execute(
                    "INSERT INTO reviews (claim_id, verdict, confidence, note, reviewer, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (c.id, r.verdict, r.confidence, r.note, r.reviewer, r.updated_at),
                )
            for e in snapshot.evidence:
                self.conn.execute(
                    "INSERT INTO evidence (id, claim_id, url, title, quote, accessed, file_name, original_name,"
                    " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.id, c.id, e.url, e.title, e.quote, e.accessed, e.file_name, e.original_name, e.added_at),
                )
            self._restore_team_state(snapshot)
            self._audit(
                "claim_restore",
                "claim",
                c.id,
                article_id=c.article_id,
                claim_id=c.id,
                after=snapshot.as_dict(),
                who=who,
            )
        return self.get_claim(c.id)

    def split_claim(self, claim_id: int, at: int, who: str | None = None) -> tuple[Claim, Claim]:
        """Split a claim at article offset ``at`` into two; the review stays with the first part."""
        change = self.split_claim_change(claim_id, at, who)
        return self.get_claim(change.claim_ids[0]), self.get_claim(change.claim_ids[1])

    def split_claim_change(self, claim_id: int, at: int, who: str | None = None) -> Change:
        """``split_claim`` as an undoable change; ``claim_ids`` are (first, second)."""
        with self.write():
            claim = self.get_claim(claim_id)
            text = self.get_article(claim.article_id).text
            if not claim.start < at < claim.end:
                raise ReviewerError("Place the cursor inside the claim to split it.")
            first_span = trim_span(text, claim.start, at)
            second_span = trim_span(text, at, claim.end)
            if first_span[1] <= first_span[0] or second_span[1] <= second_span[0]:
                raise ReviewerError("Both parts of a split claim need some text.")
            first = self._edit_claim(claim_id, who, {"start": first_span[0], "end": first_span[1]})
            draft = ClaimDraft(
                *second_span,
                score=claim.score,
                checkworthy=claim.checkworthy,
                speaker=claim.speaker,
                speaker_start=claim.speaker_start,
                speaker_end=claim.speaker_end,
                kind=claim.kind,
            )
            (second_id,) = self._insert_claims(claim.article_id, text, [draft], utc_now(), origin="manual")
            second = self.get_claim(second_id)
            self._audit(
                "claim_add",
                "claim",
                second_id,
                article_id=claim.article_id,
                claim_id=second_id,
                after=_claim_state(second),
                who=who,
            )
        return Change(
            frozenset({CLAIMS, ARTICLES}), claim.article_id, (claim_id, second_id), (DeleteClaims((second_id,)), first)
        )

    def merge_claims(self, claim_ids: Sequence[int], who: str | None = None) -> Claim:
        """Merge claims of one article into the first; the others are deleted (their reviews too)."""
        return self.get_claim(self.merge_claims_change(claim_ids, who).claim_ids[0])

    def merge_claims_change(self, claim_ids: Sequence[int], who: str | None = None) -> Change:
        """``merge_claims`` as an undoable change; the kept claim's id is ``claim_ids[0]``."""
        claim_ids = list(dict.fromkeys(claim_ids))
        if len(claim_ids) < 2:
            raise ReviewerError("Select at least two claims to merge.")
        with self.write():
            claims = sorted((self.get_claim(i) for i in claim_ids), key=lambda c: c.start)
            if len({c.article_id for c in claims}) != 1:
                raise ReviewerError("Only claims of the same article can be merged.")
            keep = claims[0]
            removed = tuple(self.delete_claim(other.id, who=who) for other in claims[1:])
            edit = self._edit_claim(keep.id, who, {"start": keep.start, "end": max(c.end for c in claims)})
        return Change(
            frozenset({CLAIMS, ARTICLES, REVIEW}),
            keep.article_id,
            tuple(c.id for c in claims),
            (edit, RestoreClaims(removed)),
        )

    def replace_auto_claims(
        self, article_id: int, claims: Iterable[ClaimDraft], *, extraction: str | None = None, who: str | None = None
    ) -> int:
        """Re-extraction: swap automatic, unreviewed claims for new ones.

        Manual claims and anything with a review, note or evidence stay; a new claim that
        overlaps a kept one is not added. Returns how many claims were added.
        """
        return len(self.reextract_claims(article_id, claims, extraction=extraction, who=who)[0])

    def reextract_claims(
        self, article_id: int, claims: Iterable[ClaimDraft], *, extraction: str | None = None, who: str | None = None
    ) -> tuple[list[int], list[ClaimSnapshot]]:
        """``replace_auto_claims`` that returns (ids added, snapshots of claims removed) for undo."""
        claims = list(claims)
        with self.write():
            text = self.get_article(article_id).text
            kept = self._query(
                'SELECT c.id, c.start, c."end" FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id'
                " WHERE c.article_id = ? AND (c.origin = 'manual' OR c.dismissed OR r.claim_id IS NOT NULL"
                " OR EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id)"
                " OR EXISTS (SELECT 1 FROM peer_reviews p WHERE p.claim_id = c.id)"
                " OR EXISTS (SELECT 1 FROM final_decisions f WHERE f.claim_id = c.id))",
                (article_id,),
            ).fetchall()
            kept_ids = {k["id"] for k in kept}
            removed = [self.claim_snapshot(c.id) for c in self.claims_for_article(article_id) if c.id not in kept_ids]
            self.conn.execute(
                f"DELETE FROM claims WHERE article_id = ? AND id NOT IN ({','.join('?' * len(kept_ids))})",
                [article_id, *kept_ids],
            )
            fresh = [c for c in claims if not any(c.start < k["end"] and k["start"] < c.end for k in kept)]
            added = self._insert_claims(article_id, text, fresh, utc_now())
            before_extraction = self._query("SELECT extraction FROM articles WHERE id = ?", (article_id,)).fetchone()[
                "extraction"
            ]
            self.conn.execute("UPDATE articles SET extraction = ? WHERE id = ?", (extraction, article_id))
            self._audit(
                "extract",
                "article",
                article_id,
                article_id=article_id,
                before={"extraction": before_extraction, "removed": [r.claim.id for r in removed]},
                after={"added": len(fresh), "kept": len(kept_ids), "extraction": extraction},
                who=who,
            )
        return added, removed

    def undo_reextraction(
        self, article_id: int, added: Sequence[int], removed: Sequence[ClaimSnapshot], who: str | None = None
    ) -> None:
        """Put back the claims a re-extraction replaced (one transaction, audited)."""
        with self.write():
            if added:
                self.conn.execute(f"DELETE FROM claims WHERE id IN ({','.join('?' * len(added))})", list(added))
            for snapshot in removed:
                self.restore_claim(snapshot, who=who)
            self._audit(
                "extract_undo",
                "article",
                article_id,
                article_id=article_id,
                before={"added": list(added)},
                after={"restored": len(removed)},
                who=who,
            )

    def _revert_claim_step(self, step: Step, who: str | None) -> Step | None:
        """Inside a write: apply one claim undo step; returns its inverse (None: not a claim step)."""
        if isinstance(step, DeleteClaims):
            return RestoreClaims(tuple(self.delete_claim(i, who) for i in step.claim_ids))
        if isinstance(step, RestoreClaims):
            return DeleteClaims(tuple(self.restore_claim(s, who).id for s in step.snapshots))
        if isinstance(step, EditClaim):
            return self._edit_claim(step.claim_id, who, dict(step.values))
        return None


def _claim(row: sqlite3.Row) -> Claim:
    review = None
    if row["reviewed"] is not None:
        review = Review(
            row["reviewed"], row["verdict"], row["confidence"], row["note"], row["reviewer"], row["updated_at"]
        )
    return Claim(
        id=row["id"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        score=row["score"],
        checkworthy=bool(row["checkworthy"]),
        speaker=row["speaker"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        kind=row["kind"],
        origin=row["origin"],
        dismissed=bool(row["dismissed"]),
        created_at=row["created_at"],
        review=review,
    )


def _claim_state(claim: Claim) -> dict[str, object]:
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "speaker": claim.speaker,
        "kind": claim.kind,
        "checkworthy": claim.checkworthy,
        "dismissed": claim.dismissed,
    }


def _review_state(review: Review) -> dict[str, object]:
    return {"verdict": review.verdict, "confidence": review.confidence, "note": review.note}
