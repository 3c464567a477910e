"""Fact-check collections: records imported from ClaimReview feeds and CSV files, searched and removed.

A record belongs to one named collection and is kept once in the library (``dedupe_key``: its url,
else its claim text and publisher), so importing a feed again, or into another collection, adds only
what is new. Removing a collection removes its records and their embeddings in the same transaction.
The embeddings themselves (vectors, models, matching) are another module's; this one owns the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import NotFound, ReviewerError
from ..factchecks.model import (
    Factcheck,
    FactcheckCollection,
    FactcheckRecord,
    RecordProblem,
    clean_collection_name,
    dedupe_key,
)
from ..search_terms import fts_expression, parse_query
from .base import StoreBase, utc_now

_FACTCHECK_COLUMNS = (
    "f.id, f.collection_id, c.name, f.claim, f.verdict, f.url, f.date, f.publisher, f.title, f.speaker, f.imported"
)
# A collection remembers the files it was imported from; past this length the list stops growing.
_MAX_SOURCE_CHARS = 2_000


@dataclass(frozen=True)
class FactcheckImportResult:
    """What one import added to a collection: new records, and records already in the library."""

    collection_id: int
    collection: str
    imported: int
    duplicates: int


class FactchecksMixin(StoreBase):
    """Fact-check collections and their records: import, list, remove, search, fetch by id."""

    def import_factchecks(
        self, collection: str, records: Sequence[FactcheckRecord], source: str | None = None
    ) -> FactcheckImportResult:
        """Add ``records`` to the collection named ``collection`` (made if new), in one audited
        transaction. A record whose url (or claim text and publisher) is already in the library,
        or earlier in ``records``, is counted as a duplicate and not added; when nothing is added,
        nothing changes (no empty collection is made). ``source`` (a file name) is remembered with
        the collection. Raises ReviewerError for an empty or over-long name."""
        try:
            name = clean_collection_name(collection)
        except RecordProblem as problem:
            raise ReviewerError(f"Cannot import into that collection: {problem}.") from None
        now = utc_now()
        with self.write():
            row = self.conn.execute("SELECT id, source FROM factcheck_collections WHERE name = ?", (name,)).fetchone()
            if row is None:
                cursor = self.conn.execute(
                    "INSERT INTO factcheck_collections (name, created, source) VALUES (?, ?, ?)", (name, now, source)
                )
                collection_id = int(cursor.lastrowid or 0)
            else:
                collection_id = int(row[0])
            cursor = self.conn.executemany(
                "INSERT OR IGNORE INTO factchecks (collection_id, claim, verdict, url, date, publisher, title,"
                " speaker, dedupe_key, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        collection_id,
                        r.claim,
                        r.verdict,
                        r.url,
                        r.date,
                        r.publisher,
                        r.title,
                        r.speaker,
                        dedupe_key(r),
                        now,
                    )
                    for r in records
                ),
            )
            imported = max(cursor.rowcount, 0)
            duplicates = len(records) - imported
            if not imported:
                if row is None:
                    self.conn.execute("DELETE FROM factcheck_collections WHERE id = ?", (collection_id,))
                return FactcheckImportResult(collection_id, name, 0, duplicates)
            if row is not None:
                self._remember_source(collection_id, row[1], source)
            self._audit(
                "import",
                "factcheck_collection",
                collection_id,
                after={"name": name, "source": source, "imported": imported, "duplicates": duplicates},
            )
        return FactcheckImportResult(collection_id, name, imported, duplicates)

    def _remember_source(self, collection_id: int, sources: str | None, source: str | None) -> None:
        known = sources.split(", ") if sources else []
        if source and source not in known and len(sources or "") + len(source) < _MAX_SOURCE_CHARS:
            self.conn.execute(
                "UPDATE factcheck_collections SET source = ? WHERE id = ?", (", ".join([*known, source]), collection_id)
            )

    def factcheck_collections(self) -> list[FactcheckCollection]:
        """Every collection with its number of records, by name."""
        rows = self.conn.execute(
            "SELECT c.id, c.name, c.created, c.source, (SELECT count(*) FROM factchecks f WHERE f.collection_id = c.id)"
            " FROM factcheck_collections c ORDER BY c.name COLLATE NOCASE, c.id"
        ).fetchall()
        return [FactcheckCollection(int(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]

    def factcheck_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM factchecks").fetchone()[0])

    def remove_factcheck_collection(self, name: str) -> int:
        """Remove the collection named ``name`` with its records and their embeddings, in one
        audited transaction; returns how many records went. Raises NotFound when there is none."""
        with self.write():
            row = self.conn.execute(
                "SELECT id, name, created, source FROM factcheck_collections WHERE name = ?", (name.strip(),)
            ).fetchone()
            if row is None:
                raise NotFound(f"There is no fact-check collection named {name.strip()!r}.")
            collection_id = int(row[0])
            self.conn.execute(
                "DELETE FROM embeddings WHERE source = 'factcheck' AND record_id IN"
                " (SELECT id FROM factchecks WHERE collection_id = ?)",
                (collection_id,),
            )
            removed = self.conn.execute("DELETE FROM factchecks WHERE collection_id = ?", (collection_id,)).rowcount
            self.conn.execute("DELETE FROM factcheck_collections WHERE id = ?", (collection_id,))
            self._audit(
                "remove",
                "factcheck_collection",
                collection_id,
                before={"name": row[1], "created": row[2], "source": row[3], "records": removed},
            )
        return int(removed)

    def search_factchecks(self, query: str, limit: int = 50) -> list[Factcheck]:
        """Fact-checks whose claim, title or publisher hold every word of ``query``; best (bm25) first."""
        terms = parse_query(query)
        if not terms or limit <= 0:
            return []
        # Every term is a quoted phrase of index tokens (``search_terms``): no FTS5 syntax error is possible.
        rows = self.conn.execute(
            f"SELECT {_FACTCHECK_COLUMNS} FROM factchecks_fts JOIN factchecks f ON f.id = factchecks_fts.rowid"
            " JOIN factcheck_collections c ON c.id = f.collection_id"
            " WHERE factchecks_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts_expression(terms), limit),
        ).fetchall()
        return [_factcheck(r) for r in rows]

    def factchecks_by_ids(self, ids: Sequence[int]) -> list[Factcheck]:
        """The records with these ids, in the order asked; ids not in the library are left out."""
        found: dict[int, Factcheck] = {}
        wanted = list(dict.fromkeys(ids))
        for chunk in (wanted[i : i + 500] for i in range(0, len(wanted), 500)):
            marks = ", ".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_FACTCHECK_COLUMNS} FROM factchecks f JOIN factcheck_collections c ON c.id = f.collection_id"
                f" WHERE f.id IN ({marks})",
                chunk,
            ):
                found[int(row[0])] = _factcheck(row)
        return [found[i] for i in ids if i in found]

    def factchecks_in_collection(self, name: str, limit: int = 1000, offset: int = 0) -> list[Factcheck]:
        """The records of one collection in import order (a page of them)."""
        rows = self.conn.execute(
            f"SELECT {_FACTCHECK_COLUMNS} FROM factchecks f JOIN factcheck_collections c ON c.id = f.collection_id"
            " WHERE c.name = ? ORDER BY f.id LIMIT ? OFFSET ?",
            (name, limit, offset),
        ).fetchall()
        return [_factcheck(r) for r in rows]


def _factcheck(row: Sequence[object]) -> Factcheck:
    values = list(row)
    return Factcheck(
        id=int(str(values[0])),
        collection_id=int(str(values[1])),
        collection=str(values[2]),
        claim=str(values[3]),
        verdict=_opt(values[4]),
        url=_opt(values[5]),
        date=_opt(values[6]),
        publisher=_opt(values[7]),
        title=_opt(values[8]),
        speaker=_opt(values[9]),
        imported=str(values[10]),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
