"""Rolling backups of a library through SQLite's online backup API.

Backups live in ``<library>.backups/`` beside the library file. One is taken before every
migration and at most once a day when the library is opened; the newest KEEP_BACKUPS are
kept. A backup is a complete, consistent library file: restoring one is a copy.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LibraryError

if TYPE_CHECKING:
    from .store import Store

KEEP_BACKUPS = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def backups_dir(library: Path) -> Path:
    return library.with_name(library.name + ".backups")


def list_backups(library: Path) -> list[BackupInfo]:
    """Backups of ``library``, newest first."""
    folder = backups_dir(library)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        parts = path.stem.split("_")
        try:
            taken = datetime.strptime(parts[0], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        found.append(BackupInfo(path, taken, parts[1] if len(parts) > 1 else "", path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take_backup(conn: sqlite3.Connection, library: Path, reason: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the open library into its backup folder; prune to ``keep`` newest."""
    folder = backups_dir(library)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}_{reason}.sqlite"
    partial = target.with_suffix(".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"Could not back up {library}: {exc}. Nothing was changed.") from exc
    for old in list_backups(library)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def backup_before_migration(store: Store) -> Path | None:
    if store.path is None:
        return None
    return take_backup(store.conn, store.path, "migration")


def daily_backup(store: Store) -> Path | None:
    """Take the day's backup if none was taken in the last 24 hours."""
    if store.path is None:
        return None
    latest = list_backups(store.path)
    if latest and (datetime.now(timezone.utc) - latest[0].taken_at).total_seconds() < 24 * 3600:
        return None
    return take_backup(store.conn, store.path, "daily")


def restore_backup(backup: Path, library: Path) -> None:
    """Replace ``library`` with ``backup``; the current file is backed up first.

    The caller must have closed every connection to ``library``.
    """
    try:
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise LibraryError(f"The backup {backup.name} is damaged; choose another.")
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{backup} is not a usable backup ({exc}).") from exc
    try:
        if library.exists():
            try:
                current = sqlite3.connect(str(library))
                take_backup(current, library, "before-restore")
                current.close()
            except (sqlite3.Error, LibraryError):
                pass  # a damaged library cannot be backed up; restoring is the point
        partial = library.with_name(library.name + ".restoring")
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
        finally:
            dest.close()
        for suffix in ("-wal", "-shm"):
            Path(str(library) + suffix).unlink(missing_ok=True)
        partial.replace(library)
    except (OSError, sqlite3.Error) as exc:
        raise LibraryError(f"Could not restore {library} from {backup.name}: {exc}.") from exc
    finally:
        source.close()
