"""The connection to one library file: opening and checking it, transactions, the audit log.

Every write is one ``BEGIN IMMEDIATE`` transaction that also appends to the audit log, so a
change is either fully on disk with its history or not there at all.

**The library file is touched only through SQLite.** On POSIX, closing *any* descriptor of a file
drops *every* lock the process holds on it, SQLite's included; another process (``reviewer list``)
then takes itself for the last connection, checkpoints and deletes the WAL this process still
writes to, and every later commit goes into a deleted file. So while a connection may be open,
nothing in Reviewer opens the library, its ``-wal``, ``-shm`` or ``-journal`` with ``open()``,
``Path.read_bytes``, ``shutil`` or hashing: header checks go through SQLite, backups through its
backup API, and setting a file aside uses rename or hard link. (``stat`` is safe: it opens nothing.)

**One process, one owner.** The window (or a command) owns one ``Store``; a job on another thread
asks it for ``worker_store()``, a connection of its own to the same file, already checked and
migrated, which the job closes when done. SQLite shares its locks among its own connections in a
process, so opening and closing those is safe.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Self, TypeVar

from sqlite_utils import Database

from .. import schema
from ..display import display_name
from ..errors import LibraryError, ReviewerError

BUSY_TIMEOUT_MS = 5000
# How long a write keeps retrying while another window or the CLI holds the lock.
WRITE_RETRY_SECONDS = 30.0

_UNSET: Any = object()
T = TypeVar("T")
REVIEWER_NAME_KEY = "reviewer_name"  # meta: the name the app signs with, for the command line


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_reviewer() -> str:
    try:
        return getpass.getuser() or "reviewer"
    except Exception:  # no login name on some sandboxes
        return "reviewer"


def attachments_dir(db_path: Path) -> Path:
    """Where evidence files of the library at ``db_path`` are copied."""
    return db_path.with_name(db_path.name + ".files")


class StoreBase:
    """Lifecycle, transactions, audit and library metadata; the other parts of Store build on it."""

    def __init__(self, db: Database, path: Path | None, reviewer: str | None = None):
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.reviewer = reviewer or default_reviewer()

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: str | Path, *, reviewer: str | None = None, create: bool = True) -> Self:
        """Open (and if needed create and migrate) the library at ``path``.

        Raises LibraryError with a message a person can act on when the file is not a
        library, is damaged, comes from a newer Reviewer, or cannot be written.
        """
        path = Path(path).expanduser()
        exists = path.exists()
        if exists and path.is_dir():
            raise LibraryError(f"{display_name(path)} is a folder, not a library file. Choose a .sqlite file.")
        if not exists and not create:
            raise LibraryError(f"{display_name(path)} does not exist.")
        if not exists:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"Cannot create the folder for {display_name(path)}: {exc.strerror}.") from exc
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot open {display_name(path)}: {exc}.") from exc
        store = cls(Database(conn), path, reviewer)
        try:
            store._prepare(fresh=not exists or path.stat().st_size == 0)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB:
                # SQLite read the header and refused it: not a database at all (no bytes were written).
                raise LibraryError(
                    f"{display_name(path)} is not a Reviewer library (it is not an SQLite database). "
                    "The file was not changed; open another library or restore a backup."
                ) from exc
            raise library_error(path, exc) from exc
        except BaseException:
            conn.close()
            raise
        return store

    def worker_store(self) -> Self:
        """A Store of its own on this library, for a job on another thread; the caller closes it.

        The library was checked and migrated when this Store opened it, so this only connects
        and sets the connection up. An in-memory library has no file to share: LibraryError.
        """
        if self.path is None:
            raise LibraryError("An in-memory library cannot be shared with another thread.")
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            worker = type(self)(Database(conn), self.path, self.reviewer)
            worker._configure()
        except sqlite3.Error as exc:
            raise library_error(self.path, exc) from exc
        return worker

    @classmethod
    def in_memory(cls, reviewer: str | None = None) -> Self:
        store = cls(Database(memory=True), None, reviewer)
        store._prepare(fresh=True)
        return store

    def _configure(self) -> None:
        """Per-connection settings every connection to a library needs."""
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # FULL: a committed verdict survives power loss too, not only a crash (one fsync per change).
        self.conn.execute("PRAGMA synchronous = FULL")

    def _prepare(self, fresh: bool) -> None:
        conn = self.conn
        self._configure()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        # Another program's SQLite file is refused even when it has no tables yet: it is
        # marked by its application_id (or user_version), and we must not write into it.
        foreign = app_id != schema.APPLICATION_ID and (tables or app_id != 0 or version != 0)
        if not fresh and foreign:
            raise LibraryError(
                f"{display_name(self.path or 'the library')} is an SQLite database but not a Reviewer library. "
                "Open a library file or create a new one."
            )
        if version > schema.SCHEMA_VERSION:
            raise LibraryError(
                f"{display_name(self.path or 'the library')} was written by a newer version of Reviewer (library format {version}, "
                f"this version reads up to {schema.SCHEMA_VERSION}). Update Reviewer to open it; "
                "the file was not changed."
            )
        if not fresh and tables:
            # Damage found now is reported before anything (WAL switch, migration, backup) writes.
            # quick_check reads every page once: about 3 ms per MB.
            problems = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if problems != "ok":
                problems = " ".join(problems.replace("*** in database main ***", "").split())
                raise LibraryError(
                    f"{display_name(self.path or 'the library')} is damaged ({problems}). The file was not changed; "
                    "restore a backup or open another library."
                )
        if self.path is not None:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and not _is_read_only(self.path):
                raise LibraryError(
                    f"Cannot switch {display_name(self.path or 'the library')} to write-ahead logging ({mode})."
                )
        if schema.pending_count(self.db):
            if self.path is not None and not fresh:
                self._before_migration()
            try:
                self._with_retry(lambda: schema.apply_migrations(self.db))
            except sqlite3.OperationalError as exc:
                raise library_error(self.path, exc) from exc
        if not self.conn.execute("SELECT 1 FROM verdict_scales LIMIT 1").fetchone():
            self._install_presets()

    def _install_presets(self) -> None:
        """Hook: the preset verdict scales of a new library (``ScalesMixin``)."""
        raise NotImplementedError

    def _before_migration(self) -> None:
        """Hook: a backup is taken before any migration of an existing library."""
        from ..backup import backup_before_migration

        backup_before_migration(self)  # type: ignore[arg-type]  # self is a whole Store

    def close(self) -> None:
        try:
            self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions
    def _with_retry(self, fn: Callable[[], T]) -> T:
        deadline = time.monotonic() + WRITE_RETRY_SECONDS
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise LibraryError(
                        "The library is busy: another Reviewer window or command is writing to it. "
                        "Try again in a moment."
                    ) from exc
                time.sleep(0.05)

    @contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE), retried while another process holds the lock.

        Nested use joins the outer transaction. Disk-full and read-only failures become
        LibraryError and leave the library as it was.
        """
        if self.conn.in_transaction:
            yield
            return
        self._with_retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise library_error(self.path, exc) from exc
            if isinstance(exc, sqlite3.IntegrityError):  # e.g. restoring a claim that is already back
                raise ReviewerError(
                    f"That change no longer fits the library as it is now ({exc}); nothing was changed."
                ) from exc
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise library_error(self.path, exc) from exc

    def _audit(
        self,
        action: str,
        entity: str,
        entity_id: Any,
        *,
        article_id: int | None = None,
        claim_id: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        who: str | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO audit (at, who, action, entity, entity_id, article_id, claim_id, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                utc_now(),
                who or self.reviewer,
                action,
                entity,
                None if entity_id is None else str(entity_id),
                article_id,
                claim_id,
                _dump(before),
                _dump(after),
            ),
        )

    def take_backup(self, reason: str) -> Path:
        """Back this library up now (SQLite's online backup) into its backup folder; returns the copy.

        Raises LibraryError when the library is in memory or the copy cannot be written."""
        from ..backup import take_backup

        if self.path is None:
            raise LibraryError("An in-memory library has no backup folder.")
        return take_backup(self.conn, self.path, reason)

    def _query(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """Run a SELECT whose rows are read by column name (``sqlite3.Row``), never by position."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params)

    # ------------------------------------------------------------------ meta
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.write():
            before = self.get_meta(key)
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
            self._audit("meta", "library", key, before={"value": before}, after={"value": value})

    def adopt_reviewer_name(self, name: str | None) -> None:
        """Sign this Store's changes with ``name`` and remember it as the library's reviewer.

        The command line signs with that remembered name unless given ``--reviewer``, so a verdict
        set from the shell is the same person's as one set in the app. A library that cannot be
        written (read-only) still signs this session's changes, which then fail with their own message.
        """
        name = (name or "").strip()
        if not name:
            return
        self.reviewer = name
        if self.path is not None and self.get_meta(REVIEWER_NAME_KEY) != name:
            try:
                self.set_meta(REVIEWER_NAME_KEY, name)
            except LibraryError:
                pass

    def library_reviewer_name(self) -> str | None:
        """The name the app last signed with in this library, if any."""
        return self.get_meta(REVIEWER_NAME_KEY) or None

    # ------------------------------------------------------------------ library state
    def data_version(self) -> int:
        """Changes when another connection (window, CLI) commits to the library; ours do not count."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def reviewer_names(self) -> list[str]:
        """Everyone who has reviewed a claim in this library, for filter pick-lists."""
        rows = self.conn.execute("SELECT DISTINCT reviewer FROM reviews WHERE reviewer IS NOT NULL ORDER BY 1")
        return [row[0] for row in rows]

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


LIBRARY_SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def is_library_file(candidate: str | Path, library: Path | None) -> bool:
    """Whether ``candidate`` is ``library`` or one of its side files, by identity (``stat`` only).

    Reading such a file with ``open()`` while the library is open would drop SQLite's locks
    (see the module docstring), so imports and attachments refuse them.
    """
    if library is None:
        return False
    for suffix in LIBRARY_SIDE_SUFFIXES:
        try:
            if os.path.samefile(candidate, str(library) + suffix):
                return True
        except OSError:
            continue
    return False


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _load(value: str | None) -> dict[str, Any] | None:
    return None if value is None else dict(json.loads(value))


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _is_read_only(path: Path) -> bool:
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def library_error(path: Path | None, exc: sqlite3.Error) -> LibraryError:
    """A sqlite error as a LibraryError whose message says what to do."""
    message = str(exc)
    where = display_name(path) if path else "the library"
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return LibraryError(
            f"{where} is damaged ({message}). The file was not changed; restore a backup or open another library."
        )
    if "readonly" in message or "read-only" in message:
        return LibraryError(f"{where} cannot be written (read-only location). Copy it somewhere writable.")
    if "full" in message:
        return LibraryError(f"The disk holding {where} is full; nothing was saved. Free some space and try again.")
    if "disk I/O error" in message:
        return LibraryError(
            f"Could not write to {where} (disk I/O error: the disk may be full, removed or failing); "
            "nothing was saved. Check the disk and try again."
        )
    if "locked" in message or "busy" in message:
        return LibraryError(f"{where} is busy in another window or command. Try again in a moment.")
    if "unable to open" in message:
        return LibraryError(f"Cannot open {where}: {message}.")
    return LibraryError(f"{where}: {message}.")
