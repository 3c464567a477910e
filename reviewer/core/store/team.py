"""Team review (#18): the library's id, colleagues' reviews of our claims, final decisions, disagreements.

``reviews`` holds this library's own review of a claim; ``peer_reviews`` the reviews of the same
claim by other reviewers, which arrive in bundles (``upsert_peer_review``); ``final_decisions``
an editor's decision where they disagree. Every change here is audited and, where a person
makes it, returned as an undoable ``Change``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from ..agreement import Agreement
from ..agreement import agreement as measure_agreement
from ..changes import REVIEW, Change, ClaimSnapshot, PutFinalDecision, PutPeerReview, Step
from ..domain import MAX_NOTE_CHARS, Claim
from ..errors import NotFound, ReviewerError
from ..team import Disagreement, FinalDecision, PeerEvidence, ReviewerReview, disagree
from .base import REVIEWER_NAME_KEY, StoreBase, _chunks, utc_now

LIBRARY_ID_KEY = "library_id"  # meta: this library's id (a uuid4 hex), made by migration m004
_PEER_SQL = "SELECT gid, claim_id, reviewer, verdict, confidence, note, evidence, updated_at FROM peer_reviews"
_DECISION_SQL = "SELECT claim_id, verdict, note, decided_by, decided_at, gid FROM final_decisions"
_OWN_SQL = (
    "SELECT claim_id, verdict, confidence, note, reviewer, updated_at, gid FROM reviews"
    " WHERE (verdict IS NOT NULL OR note != '')"
)


class TeamMixin(StoreBase):
    """Per-reviewer reviews of a claim and the editor's final decisions."""

    if TYPE_CHECKING:  # provided by the other parts of Store

        def get_claim(self, claim_id: int) -> Claim: ...
        def claims_for_article(self, article_id: int) -> list[Claim]: ...
        def _check_verdict(self, key: str, restoring: bool) -> None: ...

    # ------------------------------------------------------------------ identity
    def library_id(self) -> str:
        """This library's id: a uuid4 hex made when the library was created (or migrated to format 4)."""
        value = self.get_meta(LIBRARY_ID_KEY)
        if not value:  # only a library whose meta row was removed by hand
            raise ReviewerError("This library has no id (its meta table was edited); restore a backup.")
        return value

    def gid_of(self, table: str, key: int) -> str:
        """The global id of an article, claim or (own) review by its integer key."""
        column = {"articles": "id", "claims": "id", "reviews": "claim_id"}.get(table)
        if column is None:
            raise ValueError(f"no global ids in {table!r}")
        row = self.conn.execute(f"SELECT gid FROM {table} WHERE {column} = ?", (key,)).fetchone()
        if row is None:
            raise NotFound(f"There is no {table[:-1]} {key} in this library.")
        return str(row[0])

    def is_own_reviewer(self, claim_id: int, reviewer: str) -> bool:
        """Whether ``reviewer``'s review of the claim belongs in ``reviews`` rather than ``peer_reviews``.

        It does when they wrote the claim's own review, or, when the claim has no own review yet,
        when they are the name this library signs with (``reviewer_name``, else this Store's reviewer).
        """
        row = self.conn.execute("SELECT reviewer FROM reviews WHERE claim_id = ?", (claim_id,)).fetchone()
        if row is not None and row[0]:
            return bool(row[0] == reviewer)
        return reviewer == (self.get_meta(REVIEWER_NAME_KEY) or self.reviewer)

    # ------------------------------------------------------------------ reading
    def reviews_of_claim(self, claim_id: int) -> list[ReviewerReview]:
        """Every review of the claim: the own one first (if it has a verdict or a note), then colleagues' by name."""
        return self.reviews_of_claims([claim_id])[claim_id]

    def reviews_of_claims(self, claim_ids: Sequence[int]) -> dict[int, list[ReviewerReview]]:
        """``reviews_of_claim`` for many claims at once (reports); every id is a key."""
        result: dict[int, list[ReviewerReview]] = {i: [] for i in claim_ids}
        for chunk in _chunks(list(claim_ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._query(_OWN_SQL + f" AND claim_id IN ({marks})", chunk):
                result[row["claim_id"]].append(self._own_review(row))
            for row in self._query(_PEER_SQL + f" WHERE claim_id IN ({marks}) ORDER BY reviewer", chunk):
                result[row["claim_id"]].append(_peer(row))
        return result

    def peer_review(self, claim_id: int, reviewer: str) -> ReviewerReview | None:
        row = self._query(_PEER_SQL + " WHERE claim_id = ? AND reviewer = ?", (claim_id, reviewer)).fetchone()
        return None if row is None else _peer(row)

    def has_peer_reviews(self, article_id: int | None = None) -> bool:
        """Whether any claim (of the article) carries a colleague's review."""
        if article_id is None:
            return self.conn.execute("SELECT 1 FROM peer_reviews LIMIT 1").fetchone() is not None
        return (
            self.conn.execute(
                "SELECT 1 FROM peer_reviews p JOIN claims c ON c.id = p.claim_id WHERE c.article_id = ? LIMIT 1",
                (article_id,),
            ).fetchone()
            is not None
        )

    def peer_reviewer_names(self, article_ids: Sequence[int] | None = None) -> list[str]:
        """The colleagues whose reviews this library holds (of those articles), by name."""
        if article_ids is None:
            rows = self.conn.execute("SELECT DISTINCT reviewer FROM peer_reviews ORDER BY 1").fetchall()
            return [r[0] for r in rows]
        names: set[str] = set()
        for chunk in _chunks(list(article_ids), 500):
            names.update(
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT p.reviewer FROM peer_reviews p JOIN claims c ON c.id = p.claim_id"
                    f" WHERE c.article_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return sorted(names)

    def final_decision(self, claim_id: int) -> FinalDecision | None:
        row = self._query(_DECISION_SQL + " WHERE claim_id = ?", (claim_id,)).fetchone()
        return None if row is None else _decision(row)

    def final_decisions_for(self, claim_ids: Sequence[int]) -> dict[int, FinalDecision]:
        """The final decisions of those claims that have one."""
        result: dict[int, FinalDecision] = {}
        for chunk in _chunks(list(claim_ids), 500):
            for row in self._query(_DECISION_SQL + f" WHERE claim_id IN ({','.join('?' * len(chunk))})", chunk):
                result[row["claim_id"]] = _decision(row)
        return result

    def disagreements(self, article_id: int | None = None) -> list[Disagreement]:
        """Claims (of the article, else of the library) whose reviews give different verdicts, in reading order."""
        where = "" if article_id is None else " AND c.article_id = ?"
        params: tuple[int, ...] = () if article_id is None else (article_id,)
        rows = self.conn.execute(
            "SELECT v.claim_id FROM (SELECT claim_id, verdict FROM reviews WHERE verdict IS NOT NULL"
            " UNION ALL SELECT claim_id, verdict FROM peer_reviews WHERE verdict IS NOT NULL) v"
            f" JOIN claims c ON c.id = v.claim_id WHERE 1{where}"
            " GROUP BY v.claim_id HAVING COUNT(DISTINCT v.verdict) > 1 ORDER BY c.article_id, c.start, c.id",
            params,
        ).fetchall()
        ids = [r[0] for r in rows]
        reviews = self.reviews_of_claims(ids)
        decisions = self.final_decisions_for(ids)
        found = [Disagreement(self.get_claim(i), tuple(reviews[i]), decisions.get(i)) for i in ids]
        return [d for d in found if disagree(d.reviews)]

    # ------------------------------------------------------------------ agreement
    def verdict_table(self, article_ids: Sequence[int] | None = None) -> dict[int, dict[int, dict[str, str | None]]]:
        """Who gave which verdict to which claim: article id -> claim id -> reviewer -> verdict.

        Every claim with a verdict (own or a colleague's) of those articles (None: the library); a
        review without a verdict is not there. The input of ``core.agreement``.
        """
        fallback = self.get_meta(REVIEWER_NAME_KEY) or self.reviewer
        sql = (
            "SELECT c.article_id, v.claim_id, v.reviewer, v.verdict FROM"
            " (SELECT claim_id, COALESCE(reviewer, ?) AS reviewer, verdict FROM reviews WHERE verdict IS NOT NULL"
            "  UNION ALL SELECT claim_id, reviewer, verdict FROM peer_reviews WHERE verdict IS NOT NULL) v"
            " JOIN claims c ON c.id = v.claim_id"
        )
        table: dict[int, dict[int, dict[str, str | None]]] = {}
        chunks: list[list[int] | None] = [None] if article_ids is None else [*_chunks(list(article_ids), 500)]
        for chunk in chunks:
            where = "" if chunk is None else f" WHERE c.article_id IN ({','.join('?' * len(chunk))})"
            for row in self._query(sql + where + " ORDER BY c.article_id, c.start, c.id", [fallback, *(chunk or [])]):
                table.setdefault(row["article_id"], {}).setdefault(row["claim_id"], {})[row["reviewer"]] = row[
                    "verdict"
                ]
        return table

    def agreement(self, article_id: int | None = None) -> Agreement:
        """Agreement between the reviewers of one article, or of the whole library (``core.agreement``)."""
        table = self.verdict_table(None if article_id is None else [article_id])
        return measure_agreement({claim: row for claims in table.values() for claim, row in claims.items()})

    def agreement_by_article(self, article_ids: Sequence[int]) -> dict[int, Agreement]:
        """``agreement`` of each of those articles (every id is a key), read in one pass."""
        table = self.verdict_table(article_ids)
        return {a: measure_agreement(table.get(a, {})) for a in article_ids}

    # ------------------------------------------------------------------ colleagues' reviews
    def upsert_peer_review(
        self,
        claim_id: int,
        reviewer: str,
        *,
        verdict: str | None,
        confidence: int | None = None,
        note: str = "",
        evidence: Iterable[PeerEvidence] = (),
        updated_at: str,
        gid: str | None = None,
        who: str | None = None,
    ) -> Change:
        """Store ``reviewer``'s review of the claim as it came in a bundle (one audited write; joins the
        caller's transaction). The row a reviewer already has is replaced (its gid stays) and the old
        one is kept in the audit log; the returned Change puts it back.

        The verdict may be of any scale the library defines (a colleague's scale came with the bundle).
        Whose review belongs in ``reviews`` instead is the caller's question (``is_own_reviewer``).
        """
        reviewer = (reviewer or "").strip()
        if not reviewer:
            raise ReviewerError("A colleague's review needs the reviewer's name.")
        if confidence is not None and not 0 <= int(confidence) <= 100:
            raise ReviewerError("Confidence is a percentage from 0 to 100.")
        if len(note) > MAX_NOTE_CHARS:
            raise ReviewerError(f"A note holds at most {MAX_NOTE_CHARS:,} characters; this one has {len(note):,}.")
        review = ReviewerReview(
            claim_id,
            reviewer,
            verdict or None,
            None if confidence is None else int(confidence),
            note or "",
            updated_at,
            False,
            gid,
            tuple(evidence),
        )
        with self.write():
            article_id = self.get_claim(claim_id).article_id
            before = self._put_peer_review(claim_id, reviewer, review, who)
        return Change(frozenset({REVIEW}), article_id, (claim_id,), (PutPeerReview(claim_id, reviewer, before),))

    def _put_peer_review(
        self, claim_id: int, reviewer: str, review: ReviewerReview | None, who: str | None
    ) -> ReviewerReview | None:
        """Inside a write: make ``review`` the reviewer's peer review (None: remove it); returns what was there."""
        before = self.peer_review(claim_id, reviewer)
        if review == before:
            return before
        if review is None:
            self.conn.execute("DELETE FROM peer_reviews WHERE claim_id = ? AND reviewer = ?", (claim_id, reviewer))
        else:
            if review.verdict is not None:
                self._check_verdict(review.verdict, True)
            gid = (before.gid if before else None) or review.gid or _new_gid(self.conn)
            evidence = _evidence_json(review.evidence)
            self.conn.execute(
                "INSERT INTO peer_reviews (gid, claim_id, reviewer, verdict, confidence, note, evidence, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(claim_id, reviewer) DO UPDATE SET"
                " verdict = excluded.verdict, confidence = excluded.confidence, note = excluded.note,"
                " evidence = excluded.evidence, updated_at = excluded.updated_at",
                (
                    gid,
                    claim_id,
                    reviewer,
                    review.verdict,
                    review.confidence,
                    review.note,
                    evidence,
                    review.updated_at or utc_now(),
                ),
            )
        self._audit(
            "peer_review",
            "peer_review",
            f"{claim_id}:{reviewer}",
            article_id=self.get_claim(claim_id).article_id,
            claim_id=claim_id,
            before=_peer_state(before),
            after=_peer_state(self.peer_review(claim_id, reviewer)),
            who=who,
        )
        return before

    # ------------------------------------------------------------------ final decisions
    def set_final_decision_change(self, claim_id: int, verdict: str, note: str = "", who: str | None = None) -> Change:
        """Record the editor's final decision on a claim (one audited transaction); undoable.

        The verdict must be on the active scale; a note is at most MAX_NOTE_CHARS. ``who`` (else
        this Store's reviewer) is the one who decided.
        """
        verdict = (verdict or "").strip()
        if not verdict:
            raise ReviewerError("A final decision needs a verdict.")
        if len(note or "") > MAX_NOTE_CHARS:
            raise ReviewerError(
                f"A note holds at most {MAX_NOTE_CHARS:,} characters; this one has "
                f"{len(note):,}. Move long material into evidence."
            )
        with self.write():
            claim = self.get_claim(claim_id)
            before = self.final_decision(claim_id)
            if before is None or before.verdict != verdict:
                self._check_verdict(verdict, False)
            decision = FinalDecision(
                claim_id, verdict, note or "", who or self.reviewer, utc_now(), before.gid if before else None
            )
            if before is not None and (before.verdict, before.note) == (decision.verdict, decision.note):
                return Change(frozenset({REVIEW}), claim.article_id, (claim_id,))
            self._put_final_decision(claim_id, decision, who)
        return Change(frozenset({REVIEW}), claim.article_id, (claim_id,), (PutFinalDecision(claim_id, before),))

    def clear_final_decision_change(self, claim_id: int, who: str | None = None) -> Change:
        """Remove the claim's final decision (audited); undoable. An empty change when it has none."""
        with self.write():
            claim = self.get_claim(claim_id)
            before = self.final_decision(claim_id)
            if before is None:
                return Change(frozenset({REVIEW}), claim.article_id, (claim_id,))
            self._put_final_decision(claim_id, None, who)
        return Change(frozenset({REVIEW}), claim.article_id, (claim_id,), (PutFinalDecision(claim_id, before),))

    def _put_final_decision(
        self, claim_id: int, decision: FinalDecision | None, who: str | None
    ) -> FinalDecision | None:
        """Inside a write: make ``decision`` the claim's final decision (None: none); returns what was there."""
        before = self.final_decision(claim_id)
        if decision is None:
            self.conn.execute("DELETE FROM final_decisions WHERE claim_id = ?", (claim_id,))
        else:
            self.conn.execute(
                "INSERT INTO final_decisions (claim_id, verdict, note, decided_by, decided_at, gid)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(claim_id) DO UPDATE SET verdict = excluded.verdict,"
                " note = excluded.note, decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                (
                    claim_id,
                    decision.verdict,
                    decision.note,
                    decision.decided_by,
                    decision.decided_at,
                    (before.gid if before else None) or decision.gid,
                ),
            )
        self._audit(
            "final_decision",
            "final_decision",
            claim_id,
            article_id=self.get_claim(claim_id).article_id,
            claim_id=claim_id,
            before=_decision_state(before),
            after=_decision_state(decision),
            who=who,
        )
        return before

    # ------------------------------------------------------------------ a claim deleted and put back
    def _with_team_state(self, snapshot: ClaimSnapshot) -> ClaimSnapshot:
        """``snapshot`` with the claim's global ids, colleagues' reviews and final decision."""
        claim_id = snapshot.claim.id
        review_gid = self.conn.execute("SELECT gid FROM reviews WHERE claim_id = ?", (claim_id,)).fetchone()
        peers = tuple(r for r in self.reviews_of_claim(claim_id) if not r.own)
        return replace(
            snapshot,
            gid=self.gid_of("claims", claim_id),
            review_gid=review_gid[0] if review_gid else None,
            peer_reviews=peers,
            decision=self.final_decision(claim_id),
        )

    def _restore_team_state(self, snapshot: ClaimSnapshot) -> None:
        """Inside a write, after a claim was put back: its global ids, colleagues' reviews and decision."""
        claim_id = snapshot.claim.id
        if snapshot.gid is not None:
            self.conn.execute("UPDATE claims SET gid = ? WHERE id = ?", (snapshot.gid, claim_id))
        if snapshot.review_gid is not None:
            self.conn.execute("UPDATE reviews SET gid = ? WHERE claim_id = ?", (snapshot.review_gid, claim_id))
        for peer in snapshot.peer_reviews:
            self.conn.execute(
                "INSERT INTO peer_reviews (gid, claim_id, reviewer, verdict, confidence, note, evidence, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    peer.gid or _new_gid(self.conn),
                    claim_id,
                    peer.reviewer,
                    peer.verdict,
                    peer.confidence,
                    peer.note,
                    _evidence_json(peer.evidence),
                    peer.updated_at or utc_now(),
                ),
            )
        d = snapshot.decision
        if d is not None:
            self.conn.execute(
                "INSERT INTO final_decisions (claim_id, verdict, note, decided_by, decided_at, gid)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (claim_id, d.verdict, d.note, d.decided_by, d.decided_at, d.gid),
            )

    def _revert_team_step(self, step: Step, who: str | None) -> Step | None:
        """Inside a write: apply one team undo step; returns its inverse (None: not a team step)."""
        if isinstance(step, PutFinalDecision):
            now = self.final_decision(step.claim_id)
            if step.decision is not None and (now is None or now.verdict != step.decision.verdict):
                self._check_verdict(step.decision.verdict, True)
            self._put_final_decision(step.claim_id, step.decision, who)
            return PutFinalDecision(step.claim_id, now)
        if isinstance(step, PutPeerReview):
            return PutPeerReview(
                step.claim_id, step.reviewer, self._put_peer_review(step.claim_id, step.reviewer, step.review, who)
            )
        return None

    def _own_review(self, row: sqlite3.Row) -> ReviewerReview:
        return ReviewerReview(
            row["claim_id"],
            row["reviewer"] or self.get_meta(REVIEWER_NAME_KEY) or self.reviewer,
            row["verdict"],
            row["confidence"],
            row["note"],
            row["updated_at"],
            True,
            row["gid"],
        )


def _peer(row: sqlite3.Row) -> ReviewerReview:
    try:
        items = json.loads(row["evidence"] or "[]")
    except ValueError:
        items = []
    fields = PeerEvidence.__dataclass_fields__
    evidence = tuple(
        PeerEvidence(**{k: v for k, v in item.items() if k in fields}) for item in items if isinstance(item, dict)
    )
    return ReviewerReview(
        row["claim_id"],
        row["reviewer"],
        row["verdict"],
        row["confidence"],
        row["note"],
        row["updated_at"],
        False,
        row["gid"],
        evidence,
    )


def _decision(row: sqlite3.Row) -> FinalDecision:
    return FinalDecision(row["claim_id"], row["verdict"], row["note"], row["decided_by"], row["decided_at"], row["gid"])


def _peer_state(review: ReviewerReview | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {
        "reviewer": review.reviewer,
        "verdict": review.verdict,
        "confidence": review.confidence,
        "note": review.note,
        "updated_at": review.updated_at,
        "gid": review.gid,
        "evidence": [asdict(e) for e in review.evidence],
    }


def _decision_state(decision: FinalDecision | None) -> dict[str, Any] | None:
    if decision is None:
        return None
    return {
        "verdict": decision.verdict,
        "note": decision.note,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at,
    }


def _evidence_json(evidence: Iterable[PeerEvidence]) -> str:
    return json.dumps([asdict(e) for e in evidence], ensure_ascii=False)


def _new_gid(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT lower(hex(randomblob(16)))").fetchone()[0])
