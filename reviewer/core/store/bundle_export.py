"""The records a bundle carries, read from the library by global id (``core.bundles.export`` writes them).

Rows come out in the bundle's column order (``core.bundles.format.COLUMNS``), with every reference
to an article or claim written as its gid. Reads happen inside one read transaction
(``bundle_snapshot``), so a bundle is one consistent state of the library even while another
window writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..bundles.format import Record
from ..errors import NotFound, ReviewerError
from .base import REVIEWER_NAME_KEY, StoreBase

_ARTICLE_COLUMNS = (
    "gid, title, source, url, author, published, imported_at, original_format, source_path, text,"
    " blocks, content_hash, language, status, extraction, updated_at"
)
_IN = "IN (SELECT value FROM json_each(?))"
# Audit entries that touch one reviewer's work: left out of a bundle limited to other reviewers.
_REVIEWER_ENTITIES = ("review", "peer_review", "evidence")


def portable_entity_id(
    entity: str, entity_id: str | None, article_gid: str | None, claim_gid: str | None
) -> str | None:
    """An audit entry's ``entity_id`` with the article or claim it names written as a gid (when known)."""
    if entity == "article" and article_gid:
        return article_gid
    if entity in ("claim", "review", "final_decision") and claim_gid:
        return claim_gid
    if entity == "peer_review" and claim_gid and entity_id and ":" in entity_id:
        return f"{claim_gid}:{entity_id.split(':', 1)[1]}"
    return entity_id


class BundleExportMixin(StoreBase):
    """Reading the records of some articles for a bundle."""

    def bundle_creator(self) -> str:
        """The name a bundle from this library is signed with: the app's reviewer name, else this Store's."""
        return (self.get_meta(REVIEWER_NAME_KEY) or self.reviewer or "").strip() or "reviewer"

    @contextmanager
    def bundle_snapshot(self) -> Iterator[None]:
        """One read transaction around the reads of an export (nothing is written)."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def bundle_article_ids(self, article_ids: Sequence[int] | None) -> list[int]:
        """The articles a bundle holds: those given (each must exist), else every article, oldest first."""
        if article_ids is None:
            return [int(r[0]) for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]
        wanted = list(dict.fromkeys(int(i) for i in article_ids))
        found = {int(r[0]) for r in self.conn.execute(f"SELECT id FROM articles WHERE id {_IN}", (json.dumps(wanted),))}
        missing = [i for i in wanted if i not in found]
        if missing:
            raise NotFound(f"There is no article {missing[0]} in this library ('reviewer list' shows the ids).")
        return wanted

    def check_bundle_reviewers(self, names: Sequence[str]) -> list[str]:
        """``names`` as given, or ReviewerError naming the reviewers this library holds reviews of."""
        creator = self.bundle_creator()
        known = {
            str(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT COALESCE(reviewer, ?) FROM reviews UNION SELECT DISTINCT reviewer FROM peer_reviews",
                (creator,),
            )
        }
        unknown = [n for n in names if n not in known]
        if unknown:
            listed = ", ".join(sorted(known)) if known else "no one has reviewed a claim in this library yet"
            raise ReviewerError(f"Unknown reviewer {unknown[0]!r}; this library holds reviews by: {listed}.")
        return list(dict.fromkeys(names))

    def bundle_records(
        self, table: str, article_ids: Sequence[int], reviewers: Sequence[str] | None
    ) -> Iterator[Record]:
        """The rows of bundle ``table`` for ``article_ids`` (reviews limited to ``reviewers`` unless None)."""
        ids = json.dumps(list(article_ids))
        creator = self.bundle_creator()
        names = json.dumps(list(reviewers or ()))
        limit = reviewers is not None
        if table == "articles":
            yield from self._records(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id {_IN} ORDER BY id", (ids,))
        elif table == "claims":
            yield from self._records(
                'SELECT c.gid, a.gid, c.start, c."end", c.text, c.score, c.checkworthy, c.speaker, c.speaker_start,'
                " c.speaker_end, c.kind, c.origin, c.dismissed, c.created_at, c.updated_at FROM claims c"
                f" JOIN articles a ON a.id = c.article_id WHERE c.article_id {_IN} ORDER BY c.id",
                (ids,),
            )
        elif table == "reviews":
            yield from self._records(
                "SELECT r.gid, c.gid, r.verdict, r.confidence, r.note, COALESCE(r.reviewer, ?), r.updated_at"
                f" FROM reviews r JOIN claims c ON c.id = r.claim_id WHERE c.article_id {_IN}"
                f" AND (NOT ? OR COALESCE(r.reviewer, ?) {_IN}) ORDER BY r.claim_id",
                (creator, ids, limit, creator, names),
            )
        elif table == "peer_reviews":
            yield from self._records(
                "SELECT p.gid, c.gid, p.reviewer, p.verdict, p.confidence, p.note, p.evidence, p.updated_at"
                f" FROM peer_reviews p JOIN claims c ON c.id = p.claim_id WHERE c.article_id {_IN}"
                f" AND (NOT ? OR p.reviewer {_IN}) ORDER BY p.claim_id, p.reviewer",
                (ids, limit, names),
            )
        elif table == "final_decisions":
            yield from self._records(
                "SELECT c.gid, f.gid, f.verdict, f.note, f.decided_by, f.decided_at FROM final_decisions f"
                f" JOIN claims c ON c.id = f.claim_id WHERE c.article_id {_IN} ORDER BY f.claim_id",
                (ids,),
            )
        elif table == "evidence":
            # The claim's evidence is its own reviewer's (the person who reviewed it in this library).
            yield from self._records(
                "SELECT e.id, c.gid, e.url, e.title, e.quote, e.accessed, e.file_name, e.original_name, e.added_at"
                " FROM evidence e JOIN claims c ON c.id = e.claim_id LEFT JOIN reviews r ON r.claim_id = c.id"
                f" WHERE c.article_id {_IN} AND (NOT ? OR COALESCE(r.reviewer, ?) {_IN}) ORDER BY e.id",
                (ids, limit, creator, names),
            )
        elif table == "verdict_scales":
            yield from self._records(
                "SELECT id, name, best_rating, worst_rating, conclusion_only FROM verdict_scales ORDER BY rowid", ()
            )
        elif table == "verdicts":
            yield from self._records(
                "SELECT scale_id, key, label, color, rating_value, alternate_name, description, position FROM verdicts"
                " ORDER BY scale_id, position",
                (),
            )
        elif table == "audit":
            rows = self._records(
                "SELECT a.id, a.at, a.who, a.action, a.entity, a.entity_id, ar.gid, c.gid, a.before, a.after"
                " FROM audit a LEFT JOIN articles ar ON ar.id = a.article_id LEFT JOIN claims c ON c.id = a.claim_id"
                f" WHERE a.article_id {_IN} AND (NOT ? OR a.entity NOT IN {_REVIEWER_ENTITIES} OR a.who {_IN})"
                " ORDER BY a.id",
                (ids, limit, names),
            )
            for row in rows:
                entity_id = portable_entity_id(str(row[4]), _text(row[5]), _text(row[6]), _text(row[7]))
                yield (*row[:5], entity_id, *row[6:])
        else:
            raise ValueError(f"no bundle table {table!r}")

    def _records(self, sql: str, params: Sequence[object]) -> Iterator[Record]:
        cursor = self.conn.execute(sql, params)
        while True:
            batch: list[sqlite3.Row] = cursor.fetchmany(1000)
            if not batch:
                return
            yield from (tuple(row) for row in batch)


def _text(value: object) -> str | None:
    return None if value is None else str(value)
