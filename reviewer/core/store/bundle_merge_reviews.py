"""The review side of merging a bundle (see ``bundle_merge``): reviews, evidence, final decisions.

``MergeState`` holds what one merge knows (which bundle gid is which local id, the rows written,
the report) with the helpers every part uses; ``ReviewMerge`` adds the reviews, their evidence and
the final decisions; ``bundle_merge._Merger`` adds articles, claims, scales and history.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..bundles.format import BundleReader
from ..bundles.report import ArticleOutcome, MergeReport
from ..changes import RowEdit
from ..display import shorten
from ..domain import MAX_NOTE_CHARS
from .base import utc_now
from .rows import Value

if TYPE_CHECKING:
    from .bundle_merge import BundleMergeMixin

_EVIDENCE_FIELDS = ("url", "title", "quote", "accessed", "file_name", "original_name")
IMPORTED = "imported_"


@dataclass
class _Incoming:
    """One reviewer's review of a claim as the bundle has it."""

    reviewer: str
    verdict: str | None
    confidence: int | None
    note: str
    updated_at: str
    gid: str | None
    evidence: list[dict[str, Value]]
    evidence_only: bool = False  # no review row: only the exporting reviewer's evidence


class MergeState:
    """The state of one merge: which bundle gid is which local id, the rows written, the report."""

    def __init__(
        self, store: BundleMergeMixin, reader: BundleReader, report: MergeReport, attached: Callable[[str], bool]
    ):
        self.s, self.reader, self.report, self.attached = store, reader, report, attached
        self.conn = store.conn
        self.edits: list[RowEdit] = []
        self.articles: dict[str, int] = {}  # bundle article gid -> local id
        self.claims: dict[str, int] = {}  # bundle claim gid -> local id
        self.outcomes: dict[str, ArticleOutcome] = {}
        self.claim_article: dict[int, str] = {}  # local claim id -> bundle article gid
        self.moved: set[int] = set()  # articles whose status a review moved
        self.texts: dict[int, str] = {}  # local article id -> its text (claims' spans are checked on it)

    # ------------------------------------------------------------------ the whole merge

    def _outcome(self, claim_id: int) -> ArticleOutcome:
        return self.outcomes[self.claim_article[claim_id]]

    # ------------------------------------------------------------------ scales

    def _taken(self, table: str, gid: str) -> bool:
        return self.conn.execute(f"SELECT 1 FROM {table} WHERE gid = ?", (gid,)).fetchone() is not None

    def _article_id(self, claim_id: int) -> int:
        return self.articles[self.claim_article[claim_id]]

    def _move_status(self, claim_id: int) -> None:
        """A claim's first verdict moves its article from "todo" to "in_review" (as ``change_review`` does)."""
        article_id = self._article_id(claim_id)
        if article_id in self.moved:
            return
        self.moved.add(article_id)
        status = self.conn.execute("SELECT status FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        if status == "todo":
            self.edits.append(
                self.s._update_row("articles", (("id", article_id),), {"status": "in_review", "updated_at": utc_now()})
            )
            self.s._audit(
                "status",
                "article",
                article_id,
                article_id=article_id,
                before={"status": "todo"},
                after={"status": "in_review"},
            )

    def _audit_review(
        self,
        action: str,
        claim_id: int,
        before: Mapping[str, object] | None,
        after: Mapping[str, object] | None,
        reviewer: str | None = None,
    ) -> None:
        self.s._audit(
            action,
            "review",
            claim_id,
            article_id=self._article_id(claim_id),
            claim_id=claim_id,
            before=_dict(before),
            after=_dict(after),
            who=reviewer,
        )

    def _audit_peer(
        self,
        claim_id: int,
        reviewer: str,
        before: Mapping[str, object] | None,
        after: Mapping[str, object] | None,
        action: str = "peer_review",
    ) -> None:
        self.s._audit(
            action,
            "peer_review",
            f"{claim_id}:{reviewer}",
            article_id=self._article_id(claim_id),
            claim_id=claim_id,
            before=None if before is None else {"reviewer": reviewer, **before},
            after=None if after is None else {"reviewer": reviewer, **after},
            who=reviewer,
        )

    def _audit_decision(
        self,
        claim_id: int,
        before: Mapping[str, object] | None,
        after: Mapping[str, object] | None,
        action: str = "final_decision",
    ) -> None:
        self.s._audit(
            action,
            "final_decision",
            claim_id,
            article_id=self._article_id(claim_id),
            claim_id=claim_id,
            before=_dict(before),
            after=_dict(after),
        )


class ReviewMerge(MergeState):
    """Reviews (own and colleagues'), their evidence and final decisions."""

    def reviews(self) -> None:
        creator = self.reader.manifest.creator
        incoming: dict[str, list[_Incoming]] = defaultdict(list)
        evidence: dict[str, list[dict[str, Value]]] = defaultdict(list)
        for row in self.reader.rows("evidence"):
            evidence[row["claim_gid"]].append({k: row[k] for k in (*_EVIDENCE_FIELDS, "added_at")})
        for row in self.reader.rows("reviews"):
            incoming[row["claim_gid"]].append(
                _Incoming(
                    row["reviewer"] or creator,
                    row["verdict"],
                    row["confidence"],
                    row["note"] or "",
                    row["updated_at"] or "",
                    row["gid"],
                    evidence.pop(row["claim_gid"], []),
                )
            )
        for claim_gid, found in evidence.items():  # the exporter's evidence of claims they gave no review
            added = max(str(e["added_at"] or "") for e in found)
            incoming[claim_gid].append(_Incoming(creator, None, None, "", added, None, found, evidence_only=True))
        for row in self.reader.rows("peer_reviews"):
            incoming[row["claim_gid"]].append(
                _Incoming(
                    row["reviewer"],
                    row["verdict"],
                    row["confidence"],
                    row["note"] or "",
                    row["updated_at"] or "",
                    row["gid"],
                    _evidence_list(row["evidence"]),
                )
            )
        for claim_gid, items in incoming.items():
            claim_id = self.claims.get(claim_gid)
            for item in items:
                what = "evidence" if item.evidence_only else "review"
                who = f"{item.reviewer}'s {what} of claim {claim_gid}"
                if claim_id is None:
                    self.report.skip(
                        "evidence" if item.evidence_only else "reviews", f"{who}: the claim was not imported"
                    )
                    continue
                own = self.s.is_own_reviewer(claim_id, item.reviewer)
                problem = _problem(item)
                if problem is None and item.verdict is not None and not self.s.verdict_exists(item.verdict):
                    problem = f"verdict {item.verdict!r} is on no verdict scale here"
                if problem is not None:
                    self.report.skip("reviews" if own else "peer_reviews", f"{who}: {problem}")
                elif own:
                    self.own_review(claim_id, item)
                else:
                    self.peer_review(claim_id, item)

    def own_review(self, claim_id: int, item: _Incoming) -> None:
        outcome = self._outcome(claim_id)
        for ev in item.evidence:
            self.evidence(claim_id, ev)
        if item.evidence_only:
            return
        row = self.conn.execute(
            "SELECT verdict, confidence, note, reviewer, updated_at FROM reviews WHERE claim_id = ?", (claim_id,)
        ).fetchone()
        theirs: dict[str, Value] = {"verdict": item.verdict, "confidence": item.confidence, "note": item.note}
        counts = self.report.counts["reviews"]
        if row is None:
            gid = item.gid if item.gid and not self._taken("reviews", item.gid) else None
            values: dict[str, Value] = {
                "claim_id": claim_id,
                **theirs,
                "reviewer": item.reviewer,
                "updated_at": item.updated_at or utc_now(),
            }
            self.edits.append(self.s._insert_row("reviews", {**values, **({"gid": gid} if gid else {})}))
            self._audit_review("review", claim_id, None, theirs)
            counts.added += 1
            outcome.reviews_added += 1
        else:
            mine = {"verdict": row[0], "confidence": row[1], "note": row[2]}
            if mine == theirs:
                counts.unchanged += 1
                return
            if not _newer(item.updated_at, row[4]):
                self._audit_review(
                    "review_kept",
                    claim_id,
                    {**theirs, "updated_at": item.updated_at},
                    {**mine, "updated_at": row[4]},
                    item.reviewer,
                )
                counts.kept += 1
                self.report.kept.append(
                    f"{item.reviewer}'s review of claim {claim_id}: this library's is newer; "
                    "the bundle's version is in the claim's history"
                )
                return
            self.edits.append(
                self.s._update_row(
                    "reviews",
                    (("claim_id", claim_id),),
                    {**theirs, "reviewer": item.reviewer, "updated_at": item.updated_at},
                )
            )
            self._audit_review("review", claim_id, mine, theirs)
            counts.updated += 1
            outcome.reviews_updated += 1
        if item.verdict is not None:
            self._move_status(claim_id)

    def peer_review(self, claim_id: int, item: _Incoming) -> None:
        outcome = self._outcome(claim_id)
        counts = self.report.counts["peer_reviews"]
        row = self.conn.execute(
            "SELECT gid, verdict, confidence, note, evidence, updated_at FROM peer_reviews"
            " WHERE claim_id = ? AND reviewer = ?",
            (claim_id, item.reviewer),
        ).fetchone()
        theirs: dict[str, Value] = {"verdict": item.verdict, "confidence": item.confidence, "note": item.note}
        if row is None:
            items = _unique(item.evidence, [])
            gid = item.gid if item.gid and not self._taken("peer_reviews", item.gid) else _new_gid(self.conn)
            self.edits.append(
                self.s._insert_row(
                    "peer_reviews",
                    {
                        "gid": gid,
                        "claim_id": claim_id,
                        "reviewer": item.reviewer,
                        **theirs,
                        "evidence": _evidence_json(items),
                        "updated_at": item.updated_at or utc_now(),
                    },
                )
            )
            self._audit_peer(claim_id, item.reviewer, None, {**theirs, "evidence": items})
            counts.added += 1
            outcome.reviews_added += 1
            self._count_evidence(claim_id, items)
            return
        mine_evidence = _evidence_list(row[4])
        new_items = _unique(item.evidence, mine_evidence)
        mine = {"verdict": row[1], "confidence": row[2], "note": row[3]}
        take = mine != theirs and not item.evidence_only and _newer(item.updated_at, row[5])
        if mine != theirs and not take and not item.evidence_only:
            self._audit_peer(
                claim_id,
                item.reviewer,
                {**theirs, "updated_at": item.updated_at},
                {**mine, "updated_at": row[5]},
                action="peer_review_kept",
            )
            counts.kept += 1
            self.report.kept.append(
                f"{item.reviewer}'s review of claim {claim_id}: this library's is newer; "
                "the bundle's version is in the claim's history"
            )
        if not take and not new_items:
            if mine == theirs or item.evidence_only:
                counts.unchanged += 1
            return
        values: dict[str, Value] = {"evidence": _evidence_json(mine_evidence + new_items)}
        if take:
            values.update(theirs, updated_at=item.updated_at)
        self.edits.append(self.s._update_row("peer_reviews", (("gid", row[0]),), values))
        self._audit_peer(
            claim_id,
            item.reviewer,
            {**mine, "evidence": mine_evidence},
            {**(theirs if take else mine), "evidence": mine_evidence + new_items},
        )
        counts.updated += 1
        outcome.reviews_updated += 1
        self._count_evidence(claim_id, new_items)

    def evidence(self, claim_id: int, ev: dict[str, Value]) -> None:
        key = tuple(ev[k] for k in _EVIDENCE_FIELDS)
        counts = self.report.counts["evidence"]
        have = {
            tuple(r)
            for r in self.conn.execute(
                "SELECT url, title, quote, accessed, file_name, original_name FROM evidence WHERE claim_id = ?",
                (claim_id,),
            )
        }
        if key in have:
            counts.unchanged += 1
            return
        self._check_file(ev)
        edit = self.s._insert_row(
            "evidence",
            {"claim_id": claim_id, **{k: ev[k] for k in _EVIDENCE_FIELDS}, "added_at": ev.get("added_at") or utc_now()},
        )
        self.edits.append(edit)
        self.s._audit(
            "evidence_add",
            "evidence",
            edit.key[0][1],
            article_id=self._article_id(claim_id),
            claim_id=claim_id,
            after=dict(edit.after or ()),
        )
        counts.added += 1
        self._outcome(claim_id).evidence_added += 1

    def _count_evidence(self, claim_id: int, items: list[dict[str, Value]]) -> None:
        for ev in items:
            self._check_file(ev)
        self.report.counts["evidence"].added += len(items)
        self._outcome(claim_id).evidence_added += len(items)

    def _check_file(self, ev: dict[str, Value]) -> None:
        name = ev.get("file_name")
        if isinstance(name, str) and name and not self.attached(name):
            self.report.skip(
                "files",
                f"file {name!r} of evidence {shorten(str(ev.get('title') or ev.get('url') or ''), 60)!r}"
                " is neither in the bundle nor in this library; the evidence was added without it",
            )

    # ------------------------------------------------------------------ final decisions
    def final_decisions(self) -> None:
        counts = self.report.counts["final_decisions"]
        for row in self.reader.rows("final_decisions"):
            claim_id = self.claims.get(row["claim_gid"])
            if claim_id is None:
                self.report.skip(
                    "final_decisions", f"final decision on claim {row['claim_gid']}: the claim was not imported"
                )
                continue
            if not self.s.verdict_exists(row["verdict"] or ""):
                self.report.skip(
                    "final_decisions",
                    f"final decision on claim {claim_id}: verdict {row['verdict']!r} is on no verdict scale here",
                )
                continue
            theirs = {
                "verdict": row["verdict"],
                "note": row["note"] or "",
                "decided_by": row["decided_by"] or "",
                "decided_at": row["decided_at"] or utc_now(),
            }
            mine_row = self.conn.execute(
                "SELECT verdict, note, decided_by, decided_at FROM final_decisions WHERE claim_id = ?", (claim_id,)
            ).fetchone()
            if mine_row is None:
                gid = row["gid"] if row["gid"] and not self._taken("final_decisions", row["gid"]) else None
                self.edits.append(
                    self.s._insert_row(
                        "final_decisions", {"claim_id": claim_id, **theirs, **({"gid": gid} if gid else {})}
                    )
                )
                self._audit_decision(claim_id, None, theirs)
                counts.added += 1
                continue
            mine = dict(zip(("verdict", "note", "decided_by", "decided_at"), tuple(mine_row)))
            if (mine["verdict"], mine["note"]) == (theirs["verdict"], theirs["note"]):
                counts.unchanged += 1
            elif _newer(str(theirs["decided_at"]), mine["decided_at"]):
                self.edits.append(self.s._update_row("final_decisions", (("claim_id", claim_id),), theirs))
                self._audit_decision(claim_id, mine, theirs)
                counts.updated += 1
            else:
                self._audit_decision(claim_id, theirs, mine, "final_decision_kept")
                counts.kept += 1
                self.report.kept.append(
                    f"final decision on claim {claim_id}: this library's is newer; "
                    "the bundle's is in the claim's history"
                )

    # ------------------------------------------------------------------ history


def _dict(values: Mapping[str, object] | None) -> dict[str, object] | None:
    return None if values is None else dict(values)


def _problem(item: _Incoming) -> str | None:
    """Why a review from a bundle cannot be stored as it is (the rules every review here keeps), or None."""
    if not isinstance(item.reviewer, str) or not item.reviewer.strip():
        return "it names no reviewer"
    if item.verdict is not None and not isinstance(item.verdict, str):
        return "its verdict is not a verdict key"
    if item.confidence is not None and not (isinstance(item.confidence, int) and 0 <= item.confidence <= 100):
        return f"its confidence {item.confidence!r} is not a percentage from 0 to 100"
    if not isinstance(item.note, str) or len(item.note) > MAX_NOTE_CHARS:
        return f"its note is over the {MAX_NOTE_CHARS:,}-character limit"
    return None


def _newer(theirs: str | None, mine: str | None) -> bool:
    """Whether the bundle's timestamp is later than this library's (a tie keeps this library's)."""
    return _instant(theirs) > _instant(mine)


def _instant(value: str | None) -> datetime:
    try:
        moment = datetime.fromisoformat((value or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _evidence_list(value: object) -> list[dict[str, Value]]:
    """A colleague's evidence (JSON) as dicts of the evidence fields; anything else in it is left out."""
    try:
        items = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    found: list[dict[str, Value]] = []
    for item in items:
        if isinstance(item, dict):
            found.append({k: (v if isinstance(v, str) else None) for k in _EVIDENCE_FIELDS for v in [item.get(k)]})
    return found


def _unique(items: list[dict[str, Value]], have: list[dict[str, Value]]) -> list[dict[str, Value]]:
    """``items`` not already in ``have`` (nor twice in ``items``), as evidence-field dicts."""
    keys = {tuple(e.get(k) for k in _EVIDENCE_FIELDS) for e in have}
    fresh = []
    for item in items:
        key = tuple(item.get(k) for k in _EVIDENCE_FIELDS)
        if key not in keys:
            keys.add(key)
            fresh.append({k: item.get(k) for k in _EVIDENCE_FIELDS})
    return fresh


def _evidence_json(items: list[dict[str, Value]]) -> str:
    return json.dumps([{k: e.get(k) for k in _EVIDENCE_FIELDS} for e in items], ensure_ascii=False)


def _fingerprint(
    at: object,
    who: object,
    action: object,
    entity: object,
    entity_id: object,
    article_gid: object,
    before: object,
    after: object,
) -> tuple[object, ...]:
    """What makes two history entries the same entry, in any library (ids written as gids)."""
    return (at, who, str(action or "").removeprefix(IMPORTED), entity, entity_id, article_gid, before, after)


def _new_gid(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT lower(hex(randomblob(16)))").fetchone()[0])
