"""Stored sentence embeddings and the look-ups "seen before" matching needs (``core.matching``).

An embedding is derived data: the vector of one fact-check record (source ``'factcheck'``) or one
claim (``'claim'``) under one model id, float32, unit length, stored as raw bytes. It is written
without an audit entry (it records no one's decision), and the schema's triggers drop it in the
same transaction as its record is deleted or its claim's text changes, so a vector found is the
vector of the text stored now. Rows of another model are stale: they are replaced, never read.

The matching side reads two kinds of candidates: fact-check records, and reviewed claims (claims
with a verdict). BM25 comes from SQLite FTS5 (``bm25()``: smaller is better, so it is negated here).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .base import StoreBase, _chunks

if TYPE_CHECKING:  # numpy is imported where vectors are made: `reviewer search` must not load it (issue 16)
    import numpy as np
    import numpy.typing as npt

EmbeddingSource = Literal["factcheck", "claim"]

# Reviewed claims: those with a verdict. Only these are matched against, so only these are embedded.
_REVIEWED = "SELECT claim_id FROM reviews WHERE verdict IS NOT NULL"


@dataclass(frozen=True)
class EmbeddingMatrix:
    """All vectors of one source under one model: ``ids[i]`` is the record of row ``vectors[i]``."""

    ids: npt.NDArray[np.int64]
    vectors: npt.NDArray[np.float32]


@dataclass(frozen=True)
class CandidateDetails:
    """What a match shows: the matched text and where it comes from."""

    source: EmbeddingSource
    record_id: int
    text: str
    verdict: str | None
    url: str | None
    publisher: str | None
    date: str | None
    title: str | None
    article_id: int | None


class EmbeddingsMixin(StoreBase):
    """Embeddings (upsert, load as one matrix, find what is missing) and matching look-ups."""

    # ------------------------------------------------------------------ vectors
    def upsert_embeddings(
        self, source: EmbeddingSource, model: str, items: Sequence[tuple[int, str, npt.NDArray[np.float32]]]
    ) -> int:
        """Store (or replace) the vectors of ``items`` (record id, the text embedded, vector) in one
        transaction; returns how many were stored. A record deleted meanwhile, or whose text changed
        since it was read, gets no vector: it would outlive its record or describe other words."""
        import numpy as np

        stored = 0
        with self.write():
            for chunk in _chunks(list(items), 500):
                now = self._texts_now(source, [item[0] for item in chunk])
                rows = [
                    (source, record_id, model, np.ascontiguousarray(vector, dtype=np.float32).tobytes())
                    for record_id, text, vector in chunk
                    if now.get(record_id) == text
                ]
                self.conn.executemany(
                    "INSERT OR REPLACE INTO embeddings (source, record_id, model, vector) VALUES (?, ?, ?, ?)", rows
                )
                stored += len(rows)
        return stored

    def embedding_matrix(self, source: EmbeddingSource, model: str, dim: int) -> EmbeddingMatrix:
        """Every stored vector of ``source`` under ``model``, as one (n, dim) float32 matrix, by record id.
        Vectors of another length (a damaged row) are left out."""
        rows = self.conn.execute(
            "SELECT record_id, vector FROM embeddings WHERE source = ? AND model = ? ORDER BY record_id",
            (source, model),
        ).fetchall()
        size = dim * 4
        rows = [row for row in rows if len(row[1]) == size]
        import numpy as np

        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        vectors = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32).reshape(len(rows), dim)
        return EmbeddingMatrix(ids, vectors)

    def ids_without_embedding(self, source: EmbeddingSource, model: str) -> list[int]:
        """Records that matching needs a vector for and that have none under ``model``: every
        fact-check record, and every claim with a verdict."""
        table, key = _record_table(source)
        where = f" WHERE t.{key} IN ({_REVIEWED})" if source == "claim" else ""
        rows = self.conn.execute(
            f"SELECT t.{key} FROM {table} t LEFT JOIN embeddings e ON e.source = ? AND e.record_id = t.{key}"
            f" AND e.model = ?{where} {'AND' if where else 'WHERE'} e.record_id IS NULL ORDER BY t.{key}",
            (source, model),
        )
        return [row[0] for row in rows]

    def embedding_texts(self, source: EmbeddingSource, ids: Sequence[int]) -> dict[int, str]:
        """The text each record is embedded from: a fact-check's title and claim, a claim's text."""
        found: dict[int, str] = {}
        for chunk in _chunks(list(ids), 500):
            found.update(self._texts_now(source, chunk))
        return found

    def _texts_now(self, source: EmbeddingSource, ids: Sequence[int]) -> dict[int, str]:
        # Here, not at the top: core.matching imports this module.
        from ..matching.lexical import matching_text

        marks = ",".join("?" * len(ids))
        if source == "factcheck":
            rows = self.conn.execute(f"SELECT id, claim, title FROM factchecks WHERE id IN ({marks})", list(ids))
            return {row[0]: matching_text(row[1], row[2]) for row in rows}
        table, key = _record_table(source)
        return dict(self.conn.execute(f"SELECT {key}, text FROM {table} WHERE {key} IN ({marks})", list(ids)))

    def embeddings_signature(self) -> tuple[int, int]:
        """Changes whenever a vector is added, replaced or dropped (row count and newest rowid), so a
        cached matrix can be checked in about a millisecond."""
        row = self.conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM embeddings").fetchone()
        return int(row[0]), int(row[1])

    def matching_signature(self) -> tuple[int, ...]:
        """Changes when vectors, fact-check records or the set of reviewed claims change: while it
        stays the same, no record is waiting for a vector (``ids_without_embedding`` takes ~20 ms on
        14,000 records; this ~2 ms)."""
        factchecks = self.conn.execute("SELECT count(*), coalesce(max(id), 0) FROM factchecks").fetchone()
        reviewed = self.conn.execute(
            "SELECT count(*), coalesce(sum(claim_id), 0) FROM reviews WHERE verdict IS NOT NULL"
        ).fetchone()
        return (*self.embeddings_signature(), *map(int, factchecks), *map(int, reviewed))

    def reviewed_claim_ids(self) -> set[int]:
        return {row[0] for row in self.conn.execute(_REVIEWED)}

    # ------------------------------------------------------------------ lexical candidates
    def bm25_factchecks(self, match: str, limit: int, title_weight: float = 0.5) -> list[tuple[int, float]]:
        """(record id, BM25) of the fact-checks matching the FTS5 expression ``match``, best first; BM25
        weighs the claim 1 and the title ``title_weight``; the publisher's name is not looked in.
        Empty when ``match`` is empty."""
        if not match:
            return []
        return self._bm25(
            "SELECT rowid, -bm25(factchecks_fts, 1.0, ?, 0.0) AS s FROM factchecks_fts"
            " WHERE factchecks_fts MATCH ? ORDER BY s DESC LIMIT ?",
            (title_weight, f"{{claim title}} : ({match})", limit),
        )

    def bm25_reviewed_claims(self, match: str, limit: int) -> list[tuple[int, float]]:
        """(claim id, BM25 over the claim's text) of reviewed claims matching ``match``, best first."""
        if not match:
            return []
        return self._bm25(
            "SELECT f.rowid, -bm25(claims_fts, 1.0, 0.0) AS s FROM claims_fts f"
            " JOIN reviews r ON r.claim_id = f.rowid AND r.verdict IS NOT NULL"
            " WHERE claims_fts MATCH ? ORDER BY s DESC LIMIT ?",
            (f"text : ({match})", limit),
        )

    def _bm25(self, sql: str, params: tuple[object, ...]) -> list[tuple[int, float]]:
        try:
            return [(int(row[0]), float(row[1])) for row in self.conn.execute(sql, params)]
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc):  # an expression FTS5 refuses matches nothing
                return []
            raise

    # ------------------------------------------------------------------ details
    def candidate_details(self, source: EmbeddingSource, ids: Sequence[int]) -> dict[int, CandidateDetails]:
        """What to show for each matched record (deleted records are absent)."""
        found: dict[int, CandidateDetails] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            if source == "factcheck":
                rows = self.conn.execute(
                    "SELECT f.id, f.claim, f.verdict, f.url, f.publisher, f.date, f.title FROM factchecks f"
                    f" WHERE f.id IN ({marks})",
                    chunk,
                )
                for rid, text, verdict, url, publisher, date, title in rows:
                    found[rid] = CandidateDetails("factcheck", rid, text, verdict, url, publisher, date, title, None)
            else:
                rows = self.conn.execute(
                    "SELECT c.id, c.text, r.verdict, a.url, r.updated_at, a.title, a.id FROM claims c"
                    " JOIN reviews r ON r.claim_id = c.id AND r.verdict IS NOT NULL"
                    f" JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})",
                    chunk,
                )
                for rid, text, verdict, url, updated, title, article_id in rows:
                    date = updated[:10] if updated else None
                    found[rid] = CandidateDetails("claim", rid, text, verdict, url, None, date, title, article_id)
        return found


def _record_table(source: EmbeddingSource) -> tuple[str, str]:
    if source == "factcheck":
        return "factchecks", "id"
    if source == "claim":
        return "claims", "id"
    raise ValueError(f"unknown embedding source {source!r}")
