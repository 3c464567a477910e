"""Write a bundle: some or all articles of a library with everything reviewed about them, in one file.

``export_bundle`` reads the records in one read transaction (``Store.bundle_snapshot``), writes
them into a new SQLite file under a partial name in the destination's folder
(``.<name>.<pid>-<random>.part``, see ``core.partial_files``), adds the attached files, the
manifest and its checksum, and renames it into place: a failed or cancelled export leaves no
partial file, and a killed one's leftover is deleted by the next export into that folder. It
never writes over the library (or any Reviewer library). Call it on the thread that owns ``store``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ..attachments import MAX_ATTACHMENT_BYTES
from ..display import display_name
from ..errors import ReviewerError
from ..partial_files import clean_stale, pid_matcher
from ..schema import APPLICATION_ID
from ..store import Store, attachments_dir, is_library_file, utc_now
from .format import FORMAT, FORMAT_VERSION, TABLES, content_digest, create_tables, insert_rows

_PARTIAL = r"\..+\.(?P<pid>\d+)-[a-z0-9_]+\.part"
# Attached files are stored as "<16 hex digits of their SHA-256>-<safe name>" (core.attachments).
STORED_NAME = re.compile(r"[0-9a-f]{16}-[A-Za-z0-9._-]{1,100}")
Progress = Callable[[int, int, str], None]


@dataclass
class ExportSummary:
    """What a bundle holds: its path, creator, checksum and rows per table; files it could not include."""

    path: Path
    creator: str
    sha256: str
    counts: dict[str, int] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)

    def summary(self) -> str:
        c = self.counts
        return (
            f"bundle written to {display_name(self.path)}: {c.get('articles', 0):,} articles, "
            f"{c.get('claims', 0):,} claims, {c.get('reviews', 0) + c.get('peer_reviews', 0):,} reviews, "
            f"{c.get('evidence', 0):,} evidence, {c.get('files', 0):,} files"
        )


def check_bundle_destination(path: str | Path, store: Store) -> Path:
    """The absolute destination, or ReviewerError when a bundle cannot (or must not) be written there."""
    path = Path(path).expanduser()
    if str(path).strip() in ("", "."):
        raise ReviewerError("Choose a file to write the bundle to.")
    path = path.absolute()
    shown, folder = display_name(path), path.parent
    if path.is_dir():
        raise ReviewerError(
            f"{shown} is a folder. Choose a file name for the bundle, e.g. {display_name(path / 'review.rvbundle')}."
        )
    if not folder.is_dir():
        raise ReviewerError(f"Cannot write {shown}: the folder {display_name(folder)} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReviewerError(f"Cannot write {shown}: the folder {display_name(folder)} is not writable.")
    if is_library_file(path, store.path) or _is_library(path):
        raise ReviewerError(f"{shown} is a Reviewer library; a bundle never replaces one. Choose another file name.")
    return path


def _is_library(path: Path) -> bool:
    """Whether ``path`` is an SQLite file marked as a Reviewer library (read from its header; never this
    Store's own library, which ``is_library_file`` has already refused without opening it)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return header[:16] == b"SQLite format 3\x00" and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def export_bundle(
    store: Store,
    out: str | Path,
    *,
    article_ids: Sequence[int] | None = None,
    reviewers: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportSummary:
    """Write a bundle of ``article_ids`` (None: every article) to ``out``; returns what it holds.

    ``reviewers`` limits the reviews (own and colleagues', with their evidence and history) to those
    names; an unknown name or article is a ReviewerError and nothing is written.
    """
    path = check_bundle_destination(out, store)
    clean_stale(path.parent, pid_matcher(_PARTIAL))
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with store.bundle_snapshot():
            ids = store.bundle_article_ids(article_ids)
            names = store.check_bundle_reviewers(reviewers) if reviewers is not None else None
            creator, library_id = store.bundle_creator(), store.library_id()
            summary = ExportSummary(path, creator, "")
            conn = sqlite3.connect(tmp)
            try:
                _write(store, conn, ids, names, summary, progress, cancelled)
                conn.executemany(
                    "INSERT INTO manifest (key, value) VALUES (?, ?)",
                    [
                        ("format", FORMAT),
                        ("format_version", str(FORMAT_VERSION)),
                        ("library_id", library_id),
                        ("creator", creator),
                        ("created", utc_now()),
                        ("app_version", __version__),
                        ("counts", json.dumps(summary.counts, sort_keys=True)),
                    ],
                )
                conn.commit()
                summary.sha256 = content_digest(conn)
                conn.execute("INSERT INTO manifest (key, value) VALUES ('sha256', ?)", (summary.sha256,))
                conn.commit()
            finally:
                conn.close()
        _fsync(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReviewerError(f"Cannot write {display_name(path)}: {exc.strerror or exc}. Nothing was written.") from exc
    except sqlite3.Error as exc:
        raise ReviewerError(f"Cannot write {display_name(path)}: {exc}. Nothing was written.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def _write(
    store: Store,
    conn: sqlite3.Connection,
    ids: list[int],
    names: list[str] | None,
    summary: ExportSummary,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    # A new file no one else sees until it is renamed: no journal, one fsync at the end.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    create_tables(conn)
    files: set[str] = set()
    tables = [t for t in TABLES if t != "files"]
    for done, table in enumerate(tables):
        if cancelled is not None and cancelled():
            raise ReviewerError("Export cancelled; nothing was written.")
        if progress is not None:
            progress(done, len(tables) + 1, table.replace("_", " "))
        rows = list(store.bundle_records(table, ids, names))
        if table == "evidence":
            files.update(str(r[6]) for r in rows if r[6])
        elif table == "peer_reviews":
            files.update(name for r in rows for name in _peer_files(r[6]))
        summary.counts[table] = insert_rows(conn, table, rows)
    summary.counts["files"] = _write_files(store, conn, sorted(files), summary)


def _peer_files(evidence: object) -> list[str]:
    """The attached files a colleague's evidence (JSON) names."""
    try:
        items = json.loads(evidence) if isinstance(evidence, str) else []
    except ValueError:
        return []
    if not isinstance(items, list):
        return []
    return [str(i["file_name"]) for i in items if isinstance(i, dict) and i.get("file_name")]


def _write_files(store: Store, conn: sqlite3.Connection, names: list[str], summary: ExportSummary) -> int:
    """Copy each attached file's bytes into the bundle; a file missing from the folder is reported."""
    written = 0
    folder = attachments_dir(store.path) if store.path is not None else None
    for name in names:
        source = folder / name if folder is not None and STORED_NAME.fullmatch(name) else None
        try:
            if source is None or not source.is_file() or source.stat().st_size > MAX_ATTACHMENT_BYTES:
                raise FileNotFoundError(name)
            data = source.read_bytes()
        except OSError:
            summary.missing_files.append(name)
            continue
        written += insert_rows(conn, "files", [(name, data)])
    return written


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
