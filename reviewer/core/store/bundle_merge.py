"""Merging a bundle into the library (``core.bundles.merge`` opens and checks the file first).

The rules, in one transaction:

* **Articles**: the same article (same gid, else the same text: ``content_hash``) stays one article;
  a new one is added with its gid, status and history.
* **Claims**: matched by gid, else by the exact span (start, end) in the same article, else added
  (its span must fit the article's text, else it is skipped and reported).
* **Reviews** stay their reviewer's. A review belongs in ``reviews`` (this library's own) when its
  reviewer wrote the claim's own review, or the claim has none yet and they are the name this library
  signs with (``Store.is_own_reviewer``); else in ``peer_reviews``, one per reviewer. When the same
  reviewer's review differs, the newer ``updated_at`` wins and the other version is written to the
  history (an audit entry with both). Evidence is never replaced, only added without duplicates: the
  exporting reviewer's claim evidence goes with their review (the claim's evidence when it is
  ours, else beside their review), a colleague's with theirs.
* **Final decisions**: added, or the newer ``decided_at`` wins (the other in the history).
* **Verdict scales** are added when missing; a scale of the same id that differs is kept as it is
  here (reported). A review whose verdict is on no scale here is skipped (reported).
* **History**: the bundle's audit entries of its articles are added unless already here. Entries
  that name records by this library's ids only make sense where they were made: those (claim and
  evidence deletions, additions and restores) arrive as ``imported_<action>``, shown but not revertible.

Nothing is dropped silently: every item not taken is in the report with the reason. The change is
returned as one ``Change`` whose ``PutRows`` step removes what was added and puts back what was
updated (the audit log is append-only: history added stays, and is not added twice later).
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
from ..changes import ARTICLES, CLAIMS, EVIDENCE, REVIEW, SCALE, Change, PutRows, RowEdit
from ..display import shorten
from ..domain import MAX_NOTE_CHARS
from ..errors import ReviewerError
from .base import utc_now
from .bundle_export import portable_entity_id
from .rows import RowsMixin, Value

_EVIDENCE_FIELDS = ("url", "title", "quote", "accessed", "file_name", "original_name")
# History entries whose revert would act on this library's ids of the records they name.
_BY_LOCAL_ID = {"claim_delete", "claim_restore", "evidence_add", "evidence_remove", "evidence_edit"}
_CLAIM_ACTIONS = {"review", "claim_edit", "claim_dismiss", "claim_undismiss"}
IMPORTED = "imported_"
KINDS = frozenset({ARTICLES, CLAIMS, REVIEW, EVIDENCE, SCALE})

Progress = Callable[[int, int, str], None]
EvidenceKey = tuple[Value, ...]


class _DryRun(Exception):
    """Raised inside the merge's transaction to roll a dry run back."""


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


class BundleMergeMixin(RowsMixin):
    """``merge_bundle_records``: a checked bundle merged in one undoable, audited transaction."""

    if TYPE_CHECKING:  # provided by the other parts of Store

        def is_own_reviewer(self, claim_id: int, reviewer: str) -> bool: ...
        def verdict_exists(self, key: str) -> bool: ...

    def merge_bundle_records(
        self,
        reader: BundleReader,
        *,
        dry_run: bool = False,
        attached: Callable[[str], bool],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[MergeReport, Change]:
        """Merge the bundle ``reader`` holds (see the module docstring); returns the report and the Change.

        ``attached(name)`` says whether an attached file is (or will be) in the attachment folder.
        A dry run does all of it inside the transaction and rolls back: the report is exact and
        nothing is written. Cancelling rolls back too (ReviewerError).
        """
        manifest = reader.manifest
        report = MergeReport(reader.path.name, manifest.creator, manifest.library_id, dry_run)
        merger = _Merger(self, reader, report, attached)
        try:
            with self.write():
                merger.run(progress, cancelled)
                if dry_run:
                    raise _DryRun
                if merger.edits or report.counts["history"].added:
                    self._audit(
                        "bundle_import",
                        "library",
                        manifest.library_id,
                        after={
                            "bundle": reader.path.name,
                            "creator": manifest.creator,
                            "sha256": manifest.sha256,
                            **{k: c.added + c.updated for k, c in report.counts.items()},
                        },
                    )
        except _DryRun:
            return report, Change(KINDS)
        except ReviewerError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):  # write() says "that change": say which
                raise ReviewerError(
                    f"The bundle does not fit this library ({exc.__cause__}); nothing was imported."
                ) from exc
            raise
        undo = (PutRows(tuple(merger.edits), "bundle_import_undo"),) if merger.edits else ()
        return report, Change(KINDS, undo=undo)


class _Merger:
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
    def run(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self.scales()
        claims_of: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for row in self.reader.rows("claims"):
            claims_of[row["article_gid"]].append(row)
        # In the order the exporting library imported them, so the library lists them in that order here too.
        articles = sorted(self.reader.rows("articles"), key=lambda r: (str(r["imported_at"] or ""), r["gid"]))
        for done, row in enumerate(articles):
            if cancelled is not None and cancelled():
                raise ReviewerError("Import cancelled; nothing was changed.")
            if progress is not None:
                progress(done, len(articles), row["title"] or "")
            self.article(row)
            for claim in claims_of.pop(row["gid"], []):
                self.claim(claim)
        for gid, orphans in claims_of.items():
            for _ in orphans:
                self.report.skip("claims", f"a claim of article {gid}, which is not in the bundle")
        self.history()  # before the merge's own entries, so the history lists them in order
        self.reviews()
        self.final_decisions()
        self.report.articles = list(self.outcomes.values())

    def _outcome(self, claim_id: int) -> ArticleOutcome:
        return self.outcomes[self.claim_article[claim_id]]

    # ------------------------------------------------------------------ scales
    def scales(self) -> None:
        verdicts: dict[str, list[tuple[Value, ...]]] = defaultdict(list)
        for v in self.reader.rows("verdicts"):
            verdicts[v["scale_id"]].append(tuple(v)[1:])
        for row in self.reader.rows("verdict_scales"):
            scale_id = row["id"]
            mine = self.conn.execute(
                "SELECT id, name, best_rating, worst_rating, conclusion_only FROM verdict_scales WHERE id = ?",
                (scale_id,),
            ).fetchone()
            theirs = sorted(verdicts.get(scale_id, []), key=lambda v: int(v[-1] or 0))
            if mine is not None:
                same = tuple(mine) == tuple(row) and [v[:-1] for v in theirs] == [
                    tuple(v)
                    for v in self.conn.execute(
                        "SELECT key, label, color, rating_value, alternate_name, description FROM verdicts"
                        " WHERE scale_id = ? ORDER BY position",
                        (scale_id,),
                    )
                ]
                if same:
                    self.report.counts["scales"].unchanged += 1
                else:
                    self.report.counts["scales"].kept += 1
                    self.report.kept.append(
                        f"verdict scale {row['name']!r} differs from this library's; this library's was kept"
                    )
                continue
            if not theirs:
                self.report.skip("scales", f"verdict scale {row['name']!r} has no verdicts")
                continue
            self.edits.append(self.s._insert_row("verdict_scales", dict(zip(row.keys(), tuple(row)))))
            for position, verdict in enumerate(theirs):
                values = dict(
                    zip(("key", "label", "color", "rating_value", "alternate_name", "description"), verdict[:-1])
                )
                self.edits.append(
                    self.s._insert_row("verdicts", {"scale_id": scale_id, **values, "position": position})
                )
            self.s._audit("scale", "scale", scale_id, after={"id": scale_id, "name": row["name"], "from_bundle": True})
            self.report.counts["scales"].added += 1

    # ------------------------------------------------------------------ articles and claims
    def article(self, row: sqlite3.Row) -> None:
        gid = row["gid"]
        found = (
            self.conn.execute("SELECT id FROM articles WHERE gid = ?", (gid,)).fetchone()
            or self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (row["content_hash"],)).fetchone()
        )
        outcome = ArticleOutcome(gid, row["title"] or "", found is None)
        self.outcomes[gid] = outcome
        if found is not None:
            self.articles[gid] = int(found[0])
            self.report.counts["articles"].unchanged += 1
            return
        if row["status"] not in ("todo", "in_review", "done"):
            del self.outcomes[gid]
            self.report.skip("articles", f"article {shorten(row['title'], 60)!r}: unknown status {row['status']!r}")
            return
        edit = self.s._insert_row("articles", dict(zip(row.keys(), tuple(row))))
        self.edits.append(edit)
        self.articles[gid] = int(edit.key[0][1] or 0)
        self.report.counts["articles"].added += 1
        self.s._audit(
            "bundle_import",
            "article",
            self.articles[gid],
            article_id=self.articles[gid],
            after={"title": row["title"], "from": self.reader.manifest.creator},
        )

    def claim(self, row: sqlite3.Row) -> None:
        article_gid = row["article_gid"]
        article_id = self.articles.get(article_gid)
        outcome = self.outcomes.get(article_gid)
        if article_id is None or outcome is None:
            self.report.skip("claims", f"claim {shorten(row['text'], 60)!r}: its article was not imported")
            return
        found = (
            self.conn.execute("SELECT id FROM claims WHERE gid = ?", (row["gid"],)).fetchone()
            or self.conn.execute(
                'SELECT id FROM claims WHERE article_id = ? AND start = ? AND "end" = ? ORDER BY id',
                (article_id, row["start"], row["end"]),
            ).fetchone()
        )
        if found is not None:
            claim_id = int(found[0])
            self.report.counts["claims"].unchanged += 1
            outcome.claims_matched += 1
        else:
            text = self.texts.get(article_id)
            if text is None:
                text = self.texts[article_id] = str(
                    self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
                )
            start, end = row["start"], row["end"]
            if (
                not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text))
                or text[start:end] != row["text"]
            ):
                self.report.skip(
                    "claims",
                    f"claim {shorten(row['text'], 60)!r} of {shorten(outcome.title, 60)!r}: "
                    "its span does not fit the article's text here",
                )
                return
            values = {k: row[k] for k in row.keys() if k != "article_gid"}
            edit = self.s._insert_row("claims", {**values, "article_id": article_id})
            self.edits.append(edit)
            claim_id = int(edit.key[0][1] or 0)
            self.report.counts["claims"].added += 1
            outcome.claims_added += 1
        self.claims[row["gid"]] = claim_id
        self.claim_article[claim_id] = article_gid

    # ------------------------------------------------------------------ reviews and evidence
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
    def history(self) -> None:
        counts = self.report.counts["history"]
        local_ids = {v: k for k, v in self.articles.items()}
        if not local_ids:
            return
        gid_of_claim = {
            int(r[0]): str(r[1])
            for r in self.conn.execute(
                "SELECT id, gid FROM claims WHERE article_id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(local_ids)),),
            )
        }
        seen = {
            _fingerprint(
                r[0],
                r[1],
                r[2],
                r[3],
                portable_entity_id(r[3], r[4], local_ids.get(r[5]), gid_of_claim.get(r[6])),
                local_ids.get(r[5]),
                r[7],
                r[8],
            )
            for r in self.conn.execute(
                "SELECT at, who, action, entity, entity_id, article_id, claim_id, before, after FROM audit"
                " WHERE article_id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(local_ids)),),
            )
        }
        for row in self.reader.rows("audit"):
            article_id = self.articles.get(row["article_gid"])
            if article_id is None:
                counts.skipped += 1  # the article itself was skipped, and reported
                continue
            key = _fingerprint(
                row["at"],
                row["who"],
                row["action"],
                row["entity"],
                row["entity_id"],
                row["article_gid"],
                row["before"],
                row["after"],
            )
            if key in seen:
                counts.unchanged += 1
                continue
            seen.add(key)
            claim_id = self.claims.get(row["claim_gid"]) if row["claim_gid"] else None
            action = str(row["action"] or "")
            if action.removeprefix(IMPORTED) in _BY_LOCAL_ID or (action in _CLAIM_ACTIONS and claim_id is None):
                action = IMPORTED + action.removeprefix(IMPORTED)
            self.conn.execute(
                "INSERT INTO audit (at, who, action, entity, entity_id, article_id, claim_id, before, after)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row["at"],
                    row["who"] or "",
                    action,
                    row["entity"] or "",
                    self._local_entity_id(row, article_id, claim_id),
                    article_id,
                    claim_id,
                    row["before"],
                    row["after"],
                ),
            )
            counts.added += 1

    def _local_entity_id(self, row: sqlite3.Row, article_id: int, claim_id: int | None) -> str | None:
        entity, entity_id = row["entity"], row["entity_id"]
        if entity == "article" and entity_id == row["article_gid"]:
            return str(article_id)
        if claim_id is not None and entity in ("claim", "review", "final_decision") and entity_id == row["claim_gid"]:
            return str(claim_id)
        if claim_id is not None and entity == "peer_review" and isinstance(entity_id, str) and ":" in entity_id:
            return f"{claim_id}:{entity_id.split(':', 1)[1]}"
        return None if entity_id is None else str(entity_id)

    # ------------------------------------------------------------------ helpers
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
