"""Claims of an article: add, edit, split, merge, dismiss, delete and restore, re-extraction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from typing import Any

from ..domain import Claim, Review
from ..errors import NotFound, ReviewerError
from .base import utc_now


class ClaimsMixin:
    """Claims of an article: add, edit, split, merge, dismiss, delete and restore, re-extraction."""

    _CLAIM_SQL = (
        'SELECT c.id, c.article_id, c.start, c."end", c.text, c.score, c.checkworthy, c.speaker,'
        " c.speaker_start, c.speaker_end, c.kind, c.origin, c.dismissed, c.created_at,"
        " r.claim_id, r.verdict, r.confidence, r.note, r.reviewer, r.updated_at"
        " FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id"
    )

    def claims_for_article(self, article_id: int) -> list[Claim]:
        """All claims of an article (dismissed and not check-worthy included), in text order."""
        rows = self.conn.execute(self._CLAIM_SQL + ' WHERE c.article_id = ? ORDER BY c.start, c."end", c.id',
                                 (article_id,))
        return [_claim(row) for row in rows]

    def get_claim(self, claim_id: int) -> Claim:
        row = self.conn.execute(self._CLAIM_SQL + " WHERE c.id = ?", (claim_id,)).fetchone()
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
        """A reviewer's own claim over ``text[start:end]`` of the article."""
        with self.write():
            text = self.get_article(article_id).text
            start, end = _trim_span(text, start, end)
            _check_span(text, start, end)
            draft = _Draft(start, end, score=score, checkworthy=True, speaker=speaker, kind=kind, origin="manual")
            (claim_id,) = self._insert_claims(article_id, text, [draft], utc_now())
            claim = self.get_claim(claim_id)
            self._audit("claim_add", "claim", claim_id, article_id=article_id, claim_id=claim_id,
                        after=_claim_state(claim), who=who)
        return claim

    def update_claim(self, claim_id: int, *, who: str | None = None, **changes: Any) -> Claim:
        """Change a claim's span (start/end), speaker, kind or checkworthy flag."""
        allowed = {"start", "end", "speaker", "speaker_start", "speaker_end", "kind", "checkworthy", "dismissed"}
        unknown = set(changes) - allowed
        if unknown:
            raise ReviewerError(f"Cannot change {', '.join(sorted(unknown))} of a claim.")
        with self.write():
            claim = self.get_claim(claim_id)
            new = replace(claim, **changes)
            if (new.start, new.end) != (claim.start, claim.end):
                text = self.get_article(claim.article_id).text
                _check_span(text, new.start, new.end)
                new = replace(new, text=text[new.start : new.end])
            if new == claim:
                return claim
            self.conn.execute(
                'UPDATE claims SET start = ?, "end" = ?, text = ?, speaker = ?, speaker_start = ?, speaker_end = ?,'
                " kind = ?, checkworthy = ?, dismissed = ?, updated_at = ? WHERE id = ?",
                (new.start, new.end, new.text, new.speaker, new.speaker_start, new.speaker_end, new.kind,
                 int(new.checkworthy), int(new.dismissed), utc_now(), claim_id),
            )
            action = "claim_edit"
            if set(changes) == {"dismissed"}:
                action = "claim_dismiss" if new.dismissed else "claim_undismiss"
            self._audit(action, "claim", claim_id, article_id=claim.article_id, claim_id=claim_id,
                        before=_claim_state(claim), after=_claim_state(new), who=who)
        return self.get_claim(claim_id)

    def set_dismissed(self, claim_id: int, dismissed: bool, who: str | None = None) -> Claim:
        return self.update_claim(claim_id, dismissed=dismissed, who=who)

    def delete_claim(self, claim_id: int, who: str | None = None) -> dict:
        """Remove a claim with its review and evidence; returns a snapshot for ``restore_claim``."""
        with self.write():
            snapshot = self.claim_snapshot(claim_id)
            self.conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            self._audit("claim_delete", "claim", claim_id, article_id=snapshot["claim"]["article_id"],
                        claim_id=claim_id, before=snapshot, who=who)
        return snapshot

    def claim_snapshot(self, claim_id: int) -> dict:
        claim = self.get_claim(claim_id)
        state = asdict(claim)
        review = state.pop("review")
        return {"claim": state, "review": review, "evidence": [asdict(e) for e in self.list_evidence(claim_id)]}

    def restore_claim(self, snapshot: dict, who: str | None = None) -> Claim:
        """Put back a claim removed by ``delete_claim`` (same id, review and evidence)."""
        c = snapshot["claim"]
        with self.write():
            self.conn.execute(
                'INSERT INTO claims (id, article_id, start, "end", text, score, checkworthy, speaker, speaker_start,'
                " speaker_end, kind, origin, dismissed, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c["id"], c["article_id"], c["start"], c["end"], c["text"], c["score"], int(c["checkworthy"]),
                 c["speaker"], c["speaker_start"], c["speaker_end"], c["kind"], c["origin"], int(c["dismissed"]),
                 c["created_at"], utc_now()),
            )
            r = snapshot.get("review")
            if r:
                self.conn.execute(
                    "INSERT INTO reviews (claim_id, verdict, confidence, note, reviewer, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (c["id"], r["verdict"], r["confidence"], r["note"], r["reviewer"], r["updated_at"]),
                )
            for e in snapshot.get("evidence", []):
                self.conn.execute(
                    "INSERT INTO evidence (id, claim_id, url, title, quote, accessed, file_name, original_name,"
                    " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e["id"], c["id"], e["url"], e["title"], e["quote"], e["accessed"], e["file_name"],
                     e["original_name"], e["added_at"]),
                )
            self._audit("claim_restore", "claim", c["id"], article_id=c["article_id"], claim_id=c["id"],
                        after=snapshot, who=who)
        return self.get_claim(c["id"])

    def split_claim(self, claim_id: int, at: int, who: str | None = None) -> tuple[Claim, Claim]:
        """Split a claim at article offset ``at`` into two; the review stays with the first part."""
        with self.write():
            claim = self.get_claim(claim_id)
            text = self.get_article(claim.article_id).text
            if not claim.start < at < claim.end:
                raise ReviewerError("Place the cursor inside the claim to split it.")
            first_span = _trim_span(text, claim.start, at)
            second_span = _trim_span(text, at, claim.end)
            if first_span[1] <= first_span[0] or second_span[1] <= second_span[0]:
                raise ReviewerError("Both parts of a split claim need some text.")
            first = self.update_claim(claim_id, start=first_span[0], end=first_span[1], who=who)
            draft = _Draft(*second_span, score=claim.score, checkworthy=claim.checkworthy, speaker=claim.speaker,
                           speaker_start=claim.speaker_start, speaker_end=claim.speaker_end, kind=claim.kind,
                           origin="manual")
            (second_id,) = self._insert_claims(claim.article_id, text, [draft], utc_now())
            second = self.get_claim(second_id)
            self._audit("claim_add", "claim", second_id, article_id=claim.article_id, claim_id=second_id,
                        after=_claim_state(second), who=who)
        return first, second

    def merge_claims(self, claim_ids: Sequence[int], who: str | None = None) -> Claim:
        """Merge claims of one article into the first; the others are deleted (their reviews too)."""
        claim_ids = list(dict.fromkeys(claim_ids))
        if len(claim_ids) < 2:
            raise ReviewerError("Select at least two claims to merge.")
        with self.write():
            claims = sorted((self.get_claim(i) for i in claim_ids), key=lambda c: c.start)
            if len({c.article_id for c in claims}) != 1:
                raise ReviewerError("Only claims of the same article can be merged.")
            keep = claims[0]
            for other in claims[1:]:
                self.delete_claim(other.id, who=who)
            merged = self.update_claim(keep.id, start=keep.start, end=max(c.end for c in claims), who=who)
        return merged

    def replace_auto_claims(self, article_id: int, claims: Iterable[Any], *, extraction: str | None = None,
                            who: str | None = None) -> int:
        """Re-extraction: swap automatic, unreviewed claims for new ones.

        Manual claims and anything with a review, note or evidence stay; a new claim that
        overlaps a kept one is not added. Returns how many claims were added.
        """
        return len(self.reextract_claims(article_id, claims, extraction=extraction, who=who)[0])

    def reextract_claims(self, article_id: int, claims: Iterable[Any], *, extraction: str | None = None,
                         who: str | None = None) -> tuple[list[int], list[dict]]:
        """``replace_auto_claims`` that returns (ids added, snapshots of claims removed) for undo."""
        claims = list(claims)
        with self.write():
            text = self.get_article(article_id).text
            kept = self.conn.execute(
                'SELECT c.id, c.start, c."end" FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id'
                " WHERE c.article_id = ? AND (c.origin = 'manual' OR c.dismissed OR r.claim_id IS NOT NULL"
                " OR EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id))",
                (article_id,),
            ).fetchall()
            kept_ids = {k[0] for k in kept}
            removed = [self.claim_snapshot(c.id) for c in self.claims_for_article(article_id)
                       if c.id not in kept_ids]
            self.conn.execute(
                f"DELETE FROM claims WHERE article_id = ? AND id NOT IN ({','.join('?' * len(kept_ids))})",
                [article_id, *kept_ids],
            )
            fresh = [c for c in claims if not any(c.start < k[2] and k[1] < c.end for k in kept)]
            added = self._insert_claims(article_id, text, fresh, utc_now())
            before_extraction = self.conn.execute("SELECT extraction FROM articles WHERE id = ?",
                                                  (article_id,)).fetchone()[0]
            self.conn.execute("UPDATE articles SET extraction = ? WHERE id = ?", (extraction, article_id))
            self._audit("extract", "article", article_id, article_id=article_id,
                        before={"extraction": before_extraction, "removed": [r["claim"]["id"] for r in removed]},
                        after={"added": len(fresh), "kept": len(kept_ids), "extraction": extraction}, who=who)
        return added, removed

    def undo_reextraction(self, article_id: int, added: Sequence[int], removed: Sequence[dict],
                          who: str | None = None) -> None:
        """Put back the claims a re-extraction replaced (one transaction, audited)."""
        with self.write():
            if added:
                self.conn.execute(f"DELETE FROM claims WHERE id IN ({','.join('?' * len(added))})", list(added))
            for snapshot in removed:
                self.restore_claim(snapshot, who=who)
            self._audit("extract_undo", "article", article_id, article_id=article_id,
                        before={"added": list(added)}, after={"restored": len(removed)}, who=who)


class _Draft:
    def __init__(self, start, end, **kw):
        self.start, self.end = start, end
        self.__dict__.update(kw)


def _claim(row) -> Claim:
    review = Review(*row[14:20]) if row[14] is not None else None
    return Claim(
        id=row[0], article_id=row[1], start=row[2], end=row[3], text=row[4], score=row[5],
        checkworthy=bool(row[6]), speaker=row[7], speaker_start=row[8], speaker_end=row[9], kind=row[10],
        origin=row[11], dismissed=bool(row[12]), created_at=row[13], review=review,
    )


def _claim_state(claim: Claim) -> dict:
    return {
        "start": claim.start, "end": claim.end, "text": claim.text, "speaker": claim.speaker, "kind": claim.kind,
        "checkworthy": claim.checkworthy, "dismissed": claim.dismissed,
    }


def _review_state(review: Review) -> dict:
    return {"verdict": review.verdict, "confidence": review.confidence, "note": review.note}


def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise ReviewerError(f"A claim must cover some of the article's text (got {start}–{end}).")
    if not text[start:end].strip():
        raise ReviewerError("A claim must contain some text, not only spaces.")


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it does not start or end with white space."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

