"""The bundle file: one self-contained SQLite file that carries review work from one library to another.

A bundle is an SQLite database marked with its own ``application_id`` ("RVBB"; a library's is "RVWR")
and ``user_version`` = ``FORMAT_VERSION``. Records are keyed by global ids (``gid``), never by a
library's integer keys, so they mean the same in every library. Tables (columns in ``COLUMNS``):

* ``manifest(key, value)``: ``format`` ("reviewer-bundle"), ``format_version``, ``library_id`` (the
  exporting library), ``creator`` (its reviewer name), ``created`` (UTC, ISO 8601), ``app_version``,
  ``counts`` (JSON: rows per table) and ``sha256``;
* ``articles``, ``claims`` (``article_gid``), ``reviews`` (the exporting library's own reviews,
  ``claim_gid``), ``peer_reviews`` (colleagues' reviews it held), ``final_decisions``, ``evidence``
  (the claim's evidence rows, ``file_name`` naming a row of ``files``), ``files(name, data)`` (the
  attached files' bytes), ``verdict_scales`` and ``verdicts``, ``audit`` (the history of the included
  articles, ids written as gids where they name an article or claim).

**The checksum.** ``sha256`` is the SHA-256 of a canonical serialisation of every record, so a bundle
changed after it was written (or cut short) is refused. The digest is fed, in this order: the bytes
``reviewer-bundle/1\\n``; every manifest row except ``sha256`` in key order; then for each table of
``TABLES`` in that order the bytes ``T<table>\\n`` followed by its rows in ``ORDER[table]`` order
(SQLite's binary collation), each row's values in ``COLUMNS[table]`` order. A value is written with
a type tag: ``N`` (NULL); ``I<decimal>;`` (integer); ``F<repr>;`` (real, Python's shortest repr);
``S<n>:<n UTF-8 bytes>`` (text); ``B<n>:<n bytes>`` (blob); a row ends with ``\\n``. The lengths make
the serialisation unambiguous whatever a text holds.

Any thread may call these functions; a reader belongs to the thread that opened it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..display import display_name
from ..errors import ReviewerError

BUNDLE_APPLICATION_ID = 0x52564242  # "RVBB"
FORMAT = "reviewer-bundle"
FORMAT_VERSION = 1
SUFFIX = ".rvbundle"

# Every table in checksum order, with its columns (the order values are read, written and hashed in).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "gid",
        "title",
        "source",
        "url",
        "author",
        "published",
        "imported_at",
        "original_format",
        "source_path",
        "text",
        "blocks",
        "content_hash",
        "language",
        "status",
        "extraction",
        "updated_at",
    ),
    "claims": (
        "gid",
        "article_gid",
        "start",
        "end",
        "text",
        "score",
        "checkworthy",
        "speaker",
        "speaker_start",
        "speaker_end",
        "kind",
        "origin",
        "dismissed",
        "created_at",
        "updated_at",
    ),
    "reviews": ("gid", "claim_gid", "verdict", "confidence", "note", "reviewer", "updated_at"),
    "peer_reviews": ("gid", "claim_gid", "reviewer", "verdict", "confidence", "note", "evidence", "updated_at"),
    "final_decisions": ("claim_gid", "gid", "verdict", "note", "decided_by", "decided_at"),
    "evidence": ("seq", "claim_gid", "url", "title", "quote", "accessed", "file_name", "original_name", "added_at"),
    "files": ("name", "data"),
    "verdict_scales": ("id", "name", "best_rating", "worst_rating", "conclusion_only"),
    "verdicts": ("scale_id", "key", "label", "color", "rating_value", "alternate_name", "description", "position"),
    "audit": ("seq", "at", "who", "action", "entity", "entity_id", "article_gid", "claim_gid", "before", "after"),
}
TABLES = tuple(COLUMNS)
ORDER: dict[str, tuple[str, ...]] = {
    "articles": ("gid",),
    "claims": ("gid",),
    "reviews": ("gid",),
    "peer_reviews": ("gid",),
    "final_decisions": ("claim_gid",),
    "evidence": ("seq",),
    "files": ("name",),
    "verdict_scales": ("id",),
    "verdicts": ("scale_id", "key"),
    "audit": ("seq",),
}
_NOT_NULL = {
    "articles": ("gid", "text", "content_hash"),
    "claims": ("gid", "article_gid"),
    "reviews": ("gid", "claim_gid"),
    "peer_reviews": ("gid", "claim_gid", "reviewer", "updated_at"),
    "final_decisions": ("claim_gid",),
    "evidence": ("claim_gid",),
    "files": ("data",),
    "verdict_scales": ("name",),
    "verdicts": (),
    "audit": (),
}

RowValue = int | float | str | bytes | None
Record = tuple[RowValue, ...]


class BundleError(ReviewerError):
    """A file that cannot be imported as a bundle; the message says why and that nothing changed."""


def _quoted(column: str) -> str:
    return f'"{column}"'


def _select(table: str) -> str:
    columns = ", ".join(_quoted(c) for c in COLUMNS[table])
    order = ", ".join(_quoted(c) for c in ORDER[table])
    return f"SELECT {columns} FROM {table} ORDER BY {order}"


def create_tables(conn: sqlite3.Connection) -> None:
    """Create an empty bundle's tables in ``conn`` and mark the file as a bundle."""
    conn.execute(f"PRAGMA application_id = {BUNDLE_APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {FORMAT_VERSION}")
    conn.execute("CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    for table, columns in COLUMNS.items():
        keys = ORDER[table]
        defs = [f"{_quoted(c)}{' NOT NULL' if c in _NOT_NULL[table] else ''}" for c in columns]
        if keys == ("seq",):
            defs[0] = '"seq" INTEGER PRIMARY KEY'
            conn.execute(f"CREATE TABLE {table} ({', '.join(defs)})")
        else:
            conn.execute(f"CREATE TABLE {table} ({', '.join(defs)}, PRIMARY KEY ({', '.join(map(_quoted, keys))}))")


def insert_rows(conn: sqlite3.Connection, table: str, rows: Iterable[Record]) -> int:
    """Append ``rows`` (values in ``COLUMNS[table]`` order) to a bundle being written; returns how many."""
    columns = COLUMNS[table]
    cursor = conn.executemany(
        f"INSERT INTO {table} ({', '.join(map(_quoted, columns))}) VALUES ({', '.join('?' * len(columns))})", rows
    )
    return max(cursor.rowcount, 0)


def _feed(digest: hashlib._Hash, values: Iterable[RowValue]) -> None:
    chunks: list[bytes] = []
    for value in values:
        if value is None:
            chunks.append(b"N")
        elif isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            chunks.append(b"S%d:" % len(data))
            chunks.append(data)
        elif isinstance(value, bool | int):
            chunks.append(b"I%d;" % int(value))
        elif isinstance(value, float):
            chunks.append(b"F" + repr(value).encode("ascii") + b";")
        else:
            data = bytes(value)
            chunks.append(b"B%d:" % len(data))
            chunks.append(data)
    chunks.append(b"\n")
    digest.update(b"".join(chunks))


def content_digest(conn: sqlite3.Connection) -> str:
    """The SHA-256 (hex) of the bundle in ``conn``, as the module docstring defines it."""
    digest = hashlib.sha256(f"{FORMAT}/{FORMAT_VERSION}\n".encode("ascii"))
    for key, value in conn.execute("SELECT key, value FROM manifest WHERE key != 'sha256' ORDER BY key"):
        _feed(digest, (key, value))
    for table in TABLES:
        digest.update(b"T" + table.encode("ascii") + b"\n")
        for row in conn.execute(_select(table)):
            _feed(digest, row)
    return digest.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What a bundle says about itself."""

    format_version: int
    library_id: str
    creator: str
    created: str
    app_version: str
    counts: dict[str, int]
    sha256: str


class BundleReader:
    """A bundle opened read-only and checked: its manifest verified against its records.

    ``open`` refuses, with one BundleError saying why, a file that is missing, not SQLite, another
    SQLite file, a Reviewer library, a bundle of a newer format, truncated or damaged, or changed
    after it was written (checksum). Close it when done (or use it as a context manager).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, manifest: Manifest):
        self.conn = conn
        self.path = path
        self.manifest = manifest

    @classmethod
    def open(cls, path: str | Path) -> BundleReader:
        path = Path(path).expanduser()
        shown = display_name(path)
        if not path.exists():
            raise BundleError(f"{shown}: no such file. Nothing was imported.")
        if path.is_dir():
            raise BundleError(f"{shown} is a folder, not a bundle file. Nothing was imported.")
        try:
            conn = sqlite3.connect(f"file:{quote(str(path.absolute()))}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise BundleError(f"Cannot open {shown}: {exc}. Nothing was imported.") from exc
        try:
            manifest = _check(conn, shown)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, manifest)

    def rows(self, table: str) -> Iterator[sqlite3.Row]:
        """The records of ``table`` in checksum order, read by column name."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        try:
            yield from cursor.execute(_select(table))
        except sqlite3.DatabaseError as exc:
            raise BundleError(f"{display_name(self.path)} is damaged ({exc}); nothing was imported.") from exc

    def file_data(self, name: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM files WHERE name = ?", (name,)).fetchone()
        return None if row is None or not isinstance(row[0], bytes) else row[0]

    def file_names(self) -> list[str]:
        return [str(r[0]) for r in self.conn.execute("SELECT name FROM files ORDER BY name")]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check(conn: sqlite3.Connection, shown: str) -> Manifest:
    """The verified manifest of the bundle in ``conn``, or BundleError."""
    from ..schema import APPLICATION_ID

    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB or "not a database" in str(exc):
            raise BundleError(
                f"{shown} is not a Reviewer bundle (it is not an SQLite file). Nothing was imported."
            ) from exc
        raise BundleError(
            f"{shown} is damaged or cut short ({exc}). Nothing was imported; ask for the bundle again."
        ) from exc
    if app_id == APPLICATION_ID:
        raise BundleError(
            f"{shown} is a Reviewer library, not a bundle. Ask its owner for a bundle "
            "('reviewer bundle export'); nothing was imported."
        )
    if app_id != BUNDLE_APPLICATION_ID:
        raise BundleError(f"{shown} is not a Reviewer bundle. Nothing was imported.")
    if version > FORMAT_VERSION:
        raise BundleError(
            f"{shown} was written by a newer version of Reviewer (bundle format {version}; "
            f"this version reads up to {FORMAT_VERSION}). Update Reviewer to import it; "
            "nothing was imported."
        )
    try:
        problems = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
        if problems != "ok":
            raise sqlite3.DatabaseError(problems)
        values = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM manifest")}
        digest = content_digest(conn)
    except sqlite3.DatabaseError as exc:
        raise BundleError(
            f"{shown} is damaged or cut short ({' '.join(str(exc).split())}). Nothing was "
            "imported; ask for the bundle again."
        ) from exc
    try:
        manifest = Manifest(
            int(values["format_version"]),
            values["library_id"],
            values["creator"],
            values["created"],
            values.get("app_version", ""),
            {str(k): int(v) for k, v in json.loads(values.get("counts", "{}")).items()},
            values["sha256"],
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise BundleError(
            f"{shown} is not a complete Reviewer bundle (its manifest lacks {exc}). Nothing was imported."
        ) from exc
    if values.get("format") != FORMAT or manifest.format_version != version:
        raise BundleError(f"{shown} is not a Reviewer bundle (its manifest does not match). Nothing was imported.")
    if digest != manifest.sha256:
        raise BundleError(
            f"{shown} was changed or damaged after it was written (its checksum does not match). "
            "Nothing was imported; ask for the bundle again."
        )
    return manifest
