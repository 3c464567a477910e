"""Rolling backups of a library through SQLite's online backup API.

Backups live in ``<library>.backups/`` beside the library file, one complete library file
each, named ``<UTC time>_<reason>.sqlite``. One is taken

- before every migration of an existing library (reason ``migration``),
- at most once a day when the app or the CLI opens an existing library (``daily``: only if no
  backup of any kind is younger than 24 hours),
- on request (``manual``: the "Back up now" button, ``reviewer backup``),
- before a restore replaces the library (``before-restore``).

The newest **KEEP_BACKUPS = 10** are kept; older ones are deleted after each new backup, except
the one a restore is reading (restoring the oldest backup keeps it). A backup is checked
(``PRAGMA quick_check``) before it counts, so a damaged copy never pushes a good one out.
Restoring writes the backup into the library through the same backup API, so a window or command
that still has the library open sees the restored content instead of writing into a deleted
file; a library too damaged for that is set aside as ``<UTC time>_damaged.bad`` in the
backup folder (never pruned) and replaced by a copy of the backup, which only works while
nothing holds the library open (on Windows the restore then fails with nothing changed).

A copy waits at most **BUSY_DEADLINE_S** for a library another program is writing to (SQLite's
backup API would otherwise retry for ever; a busy timeout does not apply to it), then fails
with nothing restored. Files are opened read-only through escaped ``file:`` URIs, so names with
``#``, ``?`` or ``%`` work.

A backup is written as ``<name>.<pid>.part`` and renamed when complete; a restore that replaces
the file writes ``<library>.restoring.<pid>``. Partial files a killed backup or restore left
(their process gone; see ``partial_files``) are deleted when the next backup of that library,
or the next restore, starts. The library itself is never opened outside SQLite: a damaged one
is set aside by hard link (a copy only where linking fails), because closing any descriptor of
the file would drop the SQLite locks this process holds on it (see ``store.base``).

Any thread may call these functions with its own connection; none keeps a connection open.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import schema
from .display import display_name, display_text
from .errors import LibraryError
from .partial_files import PartialMatcher, clean_stale, pid_matcher

if TYPE_CHECKING:
    from .store import Store

KEEP_BACKUPS = 10
_STAMP = "%Y%m%dT%H%M%S%fZ"
_BUSY_TIMEOUT_S = 5.0
BUSY_DEADLINE_S = 10.0  # how long a copy waits for a library another connection holds locked
# "<stamp>_<reason>.<pid>.part" and its SQLite journal; older versions wrote "<stamp>_<reason>.part".
_BACKUP_PARTIAL = pid_matcher(r"[^.]+(?:\.(?P<pid>\d+))?\.part(?:-journal|-wal|-shm)?")


class _StillBusy(Exception):
    """Raised from the backup progress callback once BUSY_DEADLINE_S has passed while locked out."""


class RestoreBlocked(LibraryError):
    """A restore that could not replace the library's files (something holds them open) and changed nothing.

    ``reason`` says what failed, ``HELD`` what to do about it; the message ends "try again", and a
    caller that knows how to retry (the command line) can finish ``HELD`` with that instead. ``library``
    and ``backup`` are the files of the restore that was refused.
    """

    HELD = "If something still has it open (on Windows, Reviewer itself; or a sync or backup tool), quit that and"

    def __init__(self, reason: str, library: Path, backup: Path) -> None:
        super().__init__(f"{reason} {self.HELD} try again.")
        self.reason = reason
        self.library = library
        self.backup = backup


def _copy(source: sqlite3.Connection, dest: sqlite3.Connection) -> None:
    """``source.backup(dest)``, giving up with _StillBusy once BUSY_DEADLINE_S passes while locked.

    SQLite rolls back what an abandoned copy wrote into ``dest`` (``sqlite3_backup_finish``).
    """
    deadline = time.monotonic() + BUSY_DEADLINE_S

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() >= deadline:
            raise _StillBusy(f"another program kept the file locked for {BUSY_DEADLINE_S:g} s")

    source.backup(dest, progress=progress)


def _read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path``; the URI is escaped, so ``#``, ``?`` and ``%`` in names work."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was taken (UTC), why, and its size in bytes."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def backups_dir(library: Path) -> Path:
    """The folder holding the backups of ``library`` (it may not exist yet)."""
    return library.with_name(library.name + ".backups")


def list_backups(library: Path) -> list[BackupInfo]:
    """Backups of ``library``, newest first. Files that are not named like a backup are ignored."""
    folder = backups_dir(library)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite"):
        stamp, _, reason = path.stem.partition("_")
        try:
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=timezone.utc)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(path, taken, reason, size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _new_name(folder: Path, reason: str, suffix: str = ".sqlite") -> Path:
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    stamp = datetime.now(timezone.utc)
    target = folder / f"{stamp.strftime(_STAMP)}_{reason}{suffix}"
    while target.exists():  # two backups in the same microsecond: keep both
        stamp = stamp.replace(microsecond=(stamp.microsecond + 1) % 1_000_000)
        target = folder / f"{stamp.strftime(_STAMP)}_{reason}{suffix}"
    return target


def take_backup(
    conn: sqlite3.Connection, library: Path, reason: str, keep: int = KEEP_BACKUPS, spare: Path | None = None
) -> Path:
    """Copy the library open on ``conn`` into its backup folder; prune to the ``keep`` newest.

    ``spare`` (the backup a restore reads) is never pruned. Returns the new backup's path. Raises
    LibraryError (and changes nothing) when the copy cannot be written or the library is damaged: a
    damaged copy is never kept, so it cannot push a good backup out.
    """
    folder = backups_dir(library)
    shown = display_name(library)
    partial: Path | None = None
    clean_stale(folder, _BACKUP_PARTIAL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _new_name(folder, reason)
        partial = target.with_name(f"{target.stem}.{os.getpid()}.part")
        dest = sqlite3.connect(str(partial))
        try:
            _copy(conn, dest)
            # A backup is one self-contained file: no -wal/-shm beside it when it is read.
            dest.execute("PRAGMA journal_mode = DELETE")
            check = dest.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            dest.close()
        if check != "ok":
            raise LibraryError(
                f"{shown} is damaged ({' '.join(check.split())}), so no backup was taken; the existing "
                "backups were kept. Restore one of them."
            )
        partial.replace(target)
    except _StillBusy:
        raise LibraryError(
            f"Could not back up {shown}: another program kept it locked for "
            f"{BUSY_DEADLINE_S:g} s. Nothing was changed; close it and try again."
        ) from None
    except (OSError, sqlite3.Error) as exc:
        raise LibraryError(f"Could not back up {shown}: {display_text(str(exc))}. Nothing was changed.") from exc
    finally:
        if partial is not None:
            for leftover in (partial, Path(f"{partial}-journal")):
                try:
                    leftover.unlink(missing_ok=True)
                except OSError:
                    pass
    for old in list_backups(library)[keep:]:
        if spare is not None and _same_file(old.path, spare):
            continue
        try:
            old.path.unlink(missing_ok=True)
        except OSError:
            pass  # an old backup we cannot delete costs space, not work; the new one is safe
    return target


def backup_before_migration(store: Store) -> Path | None:
    """Called by ``Store.open`` before it migrates an existing library."""
    if store.path is None:
        return None
    return take_backup(store.conn, store.path, "migration")


def daily_backup(store: Store) -> Path | None:
    """Take the day's backup if no backup was taken in the last 24 hours; returns it or None."""
    if store.path is None:
        return None
    latest = list_backups(store.path)
    if latest and (datetime.now(timezone.utc) - latest[0].taken_at).total_seconds() < 24 * 3600:
        return None
    return take_backup(store.conn, store.path, "daily")


def restore_backup(backup: Path, library: Path) -> None:
    """Replace the content of ``library`` with ``backup``; the current library is backed up first.

    Any thread; opens and closes its own connections. Nothing is lost: a healthy library is first
    saved as a ``before-restore`` backup (if that fails, nothing is restored), then the backup is
    written into it through SQLite's backup API. Other connections to a healthy library may stay
    open — the desk keeps its Store open, paused, while it restores: they see the restored content
    afterwards (their ids, caches and undo history no longer fit it, so reopen), and one in the
    middle of a write makes the restore wait for it. They must not write while it runs.

    A library SQLite reports as damaged is copied aside as ``<time>_damaged.bad`` (with its -wal)
    in the backup folder and replaced as a file: that needs no other connection or program to hold
    it. If one does (Windows refuses then), the restore fails with RestoreBlocked and the library is
    left as it was. Raises LibraryError with a message a person can act on.
    """
    backup, library = Path(backup), Path(library)
    clean_stale(library.parent, _restoring_matcher(library))
    try:
        source = _read_only(backup)
    except sqlite3.Error as exc:
        raise LibraryError(f"{display_name(backup)} is not a usable backup ({display_text(str(exc))}).") from exc
    try:
        try:
            if source.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
                raise LibraryError(f"The backup {display_name(backup.name)} is damaged; choose another.")
            app_id = source.execute("PRAGMA application_id").fetchone()[0]
            version = source.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{display_name(backup)} is not a usable backup ({display_text(str(exc))}).") from exc
        # Checked before anything is written: restoring a stranger's file would lock the person out.
        if app_id != schema.APPLICATION_ID:
            raise LibraryError(
                f"{display_name(backup)} is not a Reviewer library; nothing was restored. "
                f"Choose a backup from {display_name(backups_dir(library))}."
            )
        if version > schema.SCHEMA_VERSION:
            raise LibraryError(
                f"{display_name(backup)} was written by a newer version of Reviewer; nothing was "
                "restored. Update Reviewer to use it."
            )
        if library.exists() and library.stat().st_size > 0 and _restore_in_place(source, backup, library):
            return
        _replace_file(source, backup, library)
    finally:
        source.close()


def _library_is_healthy(library: Path) -> bool:
    """Whether ``library`` passes ``quick_check``; False when SQLite finds it damaged or not a database.

    Read-only on purpose: a read-write connection closing on a damaged library checkpoints and
    deletes its -wal (and -shm), before ``_replace_file`` could set them aside. Raises LibraryError
    when the library cannot be read for another reason (locked, unreadable): then it may be healthy,
    and replacing the file of a library someone holds is what must not happen.
    """
    # A damaged header that reads as WAL mode makes even a read-only connection create a -wal and a -shm,
    # which it leaves on closing: those the probe made go again, so that a refused restore changes nothing.
    sides = [Path(str(library) + suffix) for suffix in ("-wal", "-shm")]
    made_by_probe = [side for side in sides if not side.exists()]
    try:
        probe = _read_only(library)
    except sqlite3.Error as exc:
        raise LibraryError(
            f"Could not read {display_name(library)} ({display_text(str(exc))}); nothing was restored."
        ) from exc
    try:
        status: object = probe.execute("PRAGMA quick_check(1)").fetchone()[0]
        return status == "ok"
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return False
        raise LibraryError(
            f"Could not read {display_name(library)} ({display_text(str(exc))}); nothing was restored."
        ) from exc
    finally:
        probe.close()
        for side in made_by_probe:
            try:
                side.unlink(missing_ok=True)
            except OSError:
                pass  # held by another program after all: then it is that program's


def _restore_in_place(source: sqlite3.Connection, backup: Path, library: Path) -> bool:
    """Back up the healthy library, then copy ``source`` into it. False if the library is damaged."""
    if not _library_is_healthy(library):
        return False
    try:
        current = sqlite3.connect(str(library), timeout=_BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise LibraryError(
            f"Could not open {display_name(library)} ({display_text(str(exc))}); nothing was restored."
        ) from exc
    try:
        # Raises: then nothing is restored. Never prunes the backup being restored (it may be the oldest).
        take_backup(current, library, "before-restore", spare=backup)
        try:
            _copy(source, current)
        except _StillBusy:
            raise LibraryError(
                f"The library is in use by another program ({display_name(library)} stayed locked for {BUSY_DEADLINE_S:g} s); "
                "nothing was restored. Close it and try again."
            ) from None
        except sqlite3.Error as exc:
            raise LibraryError(
                f"Could not restore {display_name(library)} from {display_name(backup.name)}: {display_text(str(exc))}. The library was not changed."
            ) from exc
        return True
    finally:
        current.close()


_SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def _restoring_matcher(library: Path) -> PartialMatcher:
    """Partial files of a restore of ``library``: ``<library>.restoring[.<pid>]`` and its SQLite side files."""
    return pid_matcher(re.escape(library.name) + r"\.restoring(?:\.(?P<pid>\d+))?(?:-journal|-wal|-shm)?")


def _set_aside(file: Path, aside: Path) -> None:
    """Keep ``file`` as ``aside`` without opening it: a hard link, a copy only where linking fails.

    Opening and closing a descriptor of the library (or its -wal) would drop every SQLite lock this
    process holds on it; a link opens nothing. A copy is the fallback for file systems without hard
    links (FAT, some network shares) or a backup folder on another file system.
    """
    try:
        os.link(file, aside)
    except OSError:
        shutil.copyfile(file, aside)


def _replace_file(source: sqlite3.Connection, backup: Path, library: Path) -> None:
    """Write a fresh copy of ``source`` at ``library``, keeping a damaged library aside.

    Nothing else may have ``library`` open. Windows refuses to rename, replace or delete a file
    another program holds, so the steps are ordered to fail before anything changed: the copy and
    the set-aside hard links (``_set_aside``: the library is never opened) only add files; then the library's -wal, -shm and -journal are moved away
    by rename (undone if a later step fails) and the copy replaces the library in one
    ``os.replace``. The library is never left without its WAL, nor the copy beside a stale WAL or
    journal that SQLite would apply to it. (Elsewhere a connection still open keeps the old,
    replaced file and its later writes are lost: callers pause theirs and reopen the library.)
    """
    partial = library.with_name(f"{library.name}.restoring.{os.getpid()}")
    moved: list[tuple[Path, Path]] = []  # (side file, where it was moved)
    aside: Path | None = None
    try:
        dest = sqlite3.connect(str(partial))
        try:
            _copy(source, dest)
        finally:
            dest.close()
        sides = [Path(str(library) + suffix) for suffix in _SIDE_SUFFIXES]
        if library.exists():
            folder = backups_dir(library)
            folder.mkdir(parents=True, exist_ok=True)
            aside = _new_name(folder, "damaged", ".bad")
            _set_aside(library, aside)
            for side in sides:
                if side.exists() and not side.name.endswith("-shm"):  # the -shm is only an index
                    _set_aside(side, Path(str(aside) + side.name[len(library.name) :]))
        # Named so SQLite never takes them for the side files of a database.
        for side in sides:
            if side.exists():
                moved_to = library.with_name(library.name + ".replaced" + side.name[len(library.name) :])
                os.replace(side, moved_to)
                moved.append((side, moved_to))
        os.replace(partial, library)
    except (OSError, sqlite3.Error, _StillBusy) as exc:
        stuck = _put_back(moved)
        if stuck:
            raise LibraryError(
                f"Could not restore {display_name(library)} from {display_name(backup.name)}: {display_text(str(exc))}. Put these files back before opening "
                f"the library: {'; '.join(f'{display_name(now)} as {display_name(side.name)}' for side, now in stuck)}."
            ) from exc
        for leftover in _aside_files(aside):  # nothing changed, so nothing needs keeping aside
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        raise RestoreBlocked(
            f"Could not restore {display_name(library)} from {display_name(backup.name)}: {display_text(str(exc))}. "
            "The library was not changed.",
            library,
            backup,
        ) from exc
    finally:
        for leftover in (partial, Path(f"{partial}-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
    for _side, moved_to in moved:
        try:
            moved_to.unlink(missing_ok=True)
        except OSError:
            pass  # an inert leftover; its content was set aside with the damaged library


def _put_back(moved: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """Undo the side-file moves, newest first; returns those that could not be put back."""
    stuck = []
    for side, moved_to in reversed(moved):
        try:
            os.replace(moved_to, side)
        except OSError:
            stuck.append((side, moved_to))
    return stuck


def _aside_files(aside: Path | None) -> list[Path]:
    if aside is None:
        return []
    return [aside, *(Path(str(aside) + suffix) for suffix in _SIDE_SUFFIXES)]


def backup_now(library: Path, reason: str = "manual") -> Path:
    """Open ``library`` (checked like any open), back it up and close it; returns the backup.

    For callers that hold no Store, like the Backups dialog. Raises LibraryError.
    """
    from .store import Store

    with Store.open(library, create=False) as store:
        return take_backup(store.conn, Path(library), reason)
