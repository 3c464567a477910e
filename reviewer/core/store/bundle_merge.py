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
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..bundles.format import BundleReader
from ..bundles.report import ArticleOutcome, MergeReport
from ..changes import ARTICLES, CLAIMS, EVIDENCE, REVIEW, SCALE, Change, PutRows
from ..display import shorten
from ..errors import ReviewerError
from .bundle_export import portable_entity_id
from .bundle_merge_reviews import IMPORTED, ReviewMerge, _fingerprint
from .rows import RowsMixin, Value

# History entries whose revert would act on this library's ids of the records they name.
_BY_LOCAL_ID = {"claim_delete", "claim_restore", "evidence_add", "evidence_remove", "evidence_edit"}
_CLAIM_ACTIONS = {"review", "claim_edit", "claim_dismiss", "claim_undismiss"}
KINDS = frozenset({ARTICLES, CLAIMS, REVIEW, EVIDENCE, SCALE})

Progress = Callable[[int, int, str], None]


class _DryRun(Exception):
    """Raised inside the merge's transaction to roll a dry run back."""


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


class _Merger(ReviewMerge):
    """One merge: articles, claims, scales and history here; reviews in ``ReviewMerge``."""

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
