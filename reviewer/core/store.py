"""The review library: one SQLite file, reached only through this module.

Every write is one ``BEGIN IMMEDIATE`` transaction that also appends to the audit log, so a
change is either fully on disk with its history or not there at all. Methods return plain
domain objects. A Store belongs to the thread that opened it; open another for a worker.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import schema
from .domain import (
    STATUSES,
    Article,
    ArticleSummary,
    AuditEntry,
    Block,
    Claim,
    Evidence,
    Review,
    SearchHit,
    Verdict,
    VerdictScale,
)
from .errors import DuplicateArticle, LibraryError, NotFound, ReviewerError
from .verdicts import DEFAULT_SCALE_ID, PRESETS

BUSY_TIMEOUT_MS = 5000
# How long a write keeps retrying while another window or the CLI holds the lock.
WRITE_RETRY_SECONDS = 30.0

_UNSET: Any = object()


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


class Store:
    """A connection to one library file. Not thread-safe: one Store per thread."""

    def __init__(self, db: Database, path: Path | None, reviewer: str | None = None):
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.path = path
        self.reviewer = reviewer or default_reviewer()

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: str | Path, *, reviewer: str | None = None, create: bool = True) -> Store:
        """Open (and if needed create and migrate) the library at ``path``.

        Raises LibraryError with a message a person can act on when the file is not a
        library, is damaged, comes from a newer Reviewer, or cannot be written.
        """
        path = Path(path).expanduser()
        exists = path.exists()
        if exists and path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file. Choose a .sqlite file.")
        if not exists and not create:
            raise LibraryError(f"{path} does not exist.")
        if exists:
            _check_header(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LibraryError(f"Cannot open {path}: {exc}.") from exc
        store = cls(Database(conn), path, reviewer)
        try:
            store._prepare(fresh=not exists)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise library_error(path, exc) from exc
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def in_memory(cls, reviewer: str | None = None) -> Store:
        store = cls(Database(memory=True), None, reviewer)
        store._prepare(fresh=True)
        return store

    def _prepare(self, fresh: bool) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        # Another program's SQLite file is refused even when it has no tables yet: it is
        # marked by its application_id (or user_version), and we must not write into it.
        foreign = app_id != schema.APPLICATION_ID and (tables or app_id != 0 or version != 0)
        if not fresh and foreign:
            raise LibraryError(
                f"{self.path} is an SQLite database but not a Reviewer library. "
                "Open a library file or create a new one."
            )
        if version > schema.SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was written by a newer version of Reviewer (library format {version}, "
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
                    f"{self.path} is damaged ({problems}). The file was not changed; "
                    "restore a backup or open another library."
                )
        if self.path is not None:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and not _is_read_only(self.path):
                raise LibraryError(f"Cannot switch {self.path} to write-ahead logging ({mode}).")
        # FULL: a committed verdict survives power loss too, not only a crash (one fsync per change).
        conn.execute("PRAGMA synchronous = FULL")
        if schema.pending_count(self.db):
            if self.path is not None and not fresh:
                self._before_migration()
            try:
                self._with_retry(lambda: schema.apply_migrations(self.db))
            except sqlite3.OperationalError as exc:
                raise library_error(self.path, exc) from exc
        if not self.conn.execute("SELECT 1 FROM verdict_scales LIMIT 1").fetchone():
            self._install_presets()

    def _before_migration(self) -> None:
        """Hook: a backup is taken before any migration of an existing library."""
        from .backup import backup_before_migration

        backup_before_migration(self)

    def close(self) -> None:
        try:
            self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions
    def _with_retry(self, fn):
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
        before: dict | None = None,
        after: dict | None = None,
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

    # ------------------------------------------------------------------ meta
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.write():
            before = self.get_meta(key)
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
            self._audit("meta", "library", key, before={"value": before}, after={"value": value})

    # ------------------------------------------------------------------ articles
    def add_article(self, doc: Any, claims: Iterable[Any] = (), *, extraction: str | None = None) -> Article:
        """Store an imported document (``importers.ImportedDocument``) and its extracted claims.

        Raises DuplicateArticle when the same text is already in the library.
        """
        content_hash = doc.content_hash
        claims = list(claims)
        with self.write():
            existing = self.conn.execute(
                "SELECT id, title FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
            if existing:
                raise DuplicateArticle(doc.source_path or doc.title, existing[0], existing[1])
            now = utc_now()
            blocks = [[b.start, b.end, b.kind, b.level] for b in getattr(doc, "blocks", ())]
            cursor = self.conn.execute(
                "INSERT INTO articles (title, source, url, author, published, imported_at, original_format,"
                " source_path, text, blocks, content_hash, language, status, extraction)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'todo', ?)",
                (
                    doc.title,
                    getattr(doc, "site", None),
                    doc.url,
                    doc.author,
                    doc.published,
                    now,
                    doc.original_format,
                    doc.source_path,
                    doc.text,
                    json.dumps(blocks),
                    content_hash,
                    doc.language,
                    extraction,
                ),
            )
            article_id = cursor.lastrowid
            self._insert_claims(article_id, doc.text, claims, now)
            self._audit(
                "import",
                "article",
                article_id,
                article_id=article_id,
                after={"title": doc.title, "source_path": doc.source_path, "claims": len(claims)},
            )
        return self.get_article(article_id)

    def _insert_claims(self, article_id: int, text: str, claims: Sequence[Any], now: str) -> list[int]:
        rows = []
        for c in claims:
            _check_span(text, c.start, c.end)
            rows.append(
                (
                    article_id,
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    float(getattr(c, "score", 0.0)),
                    int(bool(getattr(c, "checkworthy", True))),
                    getattr(c, "speaker", None),
                    getattr(c, "speaker_start", None),
                    getattr(c, "speaker_end", None),
                    getattr(c, "kind", "other") or "other",
                    getattr(c, "origin", "auto"),
                    now,
                )
            )
        ids = []
        for row in rows:
            cursor = self.conn.execute(
                'INSERT INTO claims (article_id, start, "end", text, score, checkworthy, speaker, speaker_start,'
                " speaker_end, kind, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            ids.append(cursor.lastrowid)
        return ids

    def find_duplicate(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def get_article(self, article_id: int) -> Article:
        row = self.conn.execute(
            "SELECT id, title, text, blocks, source, url, author, published, imported_at, original_format,"
            " source_path, content_hash, language, status FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no article {article_id} in this library.")
        blocks = tuple(Block(*b) for b in json.loads(row[3] or "[]"))
        return Article(
            id=row[0], title=row[1], text=row[2], blocks=blocks, source=row[4], url=row[5], author=row[6],
            published=row[7], imported_at=row[8], original_format=row[9], source_path=row[10],
            content_hash=row[11], language=row[12], status=row[13],
        )

    def article_extraction(self, article_id: int) -> str | None:
        row = self.conn.execute("SELECT extraction FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    _SUMMARY_SQL = """
        SELECT a.id, a.title, a.source, a.published, a.imported_at, a.status, a.language,
          (SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.checkworthy AND NOT c.dismissed),
          (SELECT count(*) FROM claims c JOIN reviews r ON r.claim_id = c.id
             WHERE c.article_id = a.id AND c.checkworthy AND NOT c.dismissed AND r.verdict IS NOT NULL)
        FROM articles a
    """

    def list_articles(
        self,
        *,
        status: str | None = None,
        query: str | None = None,
        ids: Sequence[int] | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        """Library rows, newest import first; ``query`` is a full-text search."""
        where, params = self._article_filter(status, query, ids)
        sql = self._SUMMARY_SQL + where + " ORDER BY a.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [ArticleSummary(*row) for row in self.conn.execute(sql, params)]

    def count_articles(self, *, status: str | None = None, query: str | None = None) -> int:
        where, params = self._article_filter(status, query, None)
        return self.conn.execute("SELECT count(*) FROM articles a" + where, params).fetchone()[0]

    def article_ids(self, *, status: str | None = None, query: str | None = None) -> list[int]:
        where, params = self._article_filter(status, query, None)
        return [r[0] for r in self.conn.execute("SELECT a.id FROM articles a" + where + " ORDER BY a.id DESC", params)]

    def _article_filter(self, status, query, ids) -> tuple[str, list]:
        clauses, params = [], []
        if status:
            clauses.append("a.status = ?")
            params.append(status)
        if ids is not None:
            clauses.append(f"a.id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        fts = fts_query(query or "")
        if fts:
            clauses.append(
                "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
                " UNION SELECT c.article_id FROM claims c JOIN claims_fts f ON f.rowid = c.id WHERE claims_fts MATCH ?"
                " UNION SELECT c.article_id FROM claims c JOIN reviews_fts f ON f.rowid = c.id"
                " WHERE reviews_fts MATCH ?)"
            )
            params += [fts, fts, fts]
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def set_status(self, article_id: int, status: str, who: str | None = None) -> None:
        if status not in STATUSES:
            raise ReviewerError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
        with self.write():
            before = self.get_article(article_id).status
            if before == status:
                return
            self.conn.execute(
                "UPDATE articles SET status = ?, updated_at = ? WHERE id = ?", (status, utc_now(), article_id)
            )
            self._audit("status", "article", article_id, article_id=article_id,
                        before={"status": before}, after={"status": status}, who=who)

    def delete_article(self, article_id: int, who: str | None = None) -> None:
        with self.write():
            article = self.get_article(article_id)
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            self._audit("article_delete", "article", article_id, article_id=article_id,
                        before={"title": article.title, "content_hash": article.content_hash}, who=who)

    # ------------------------------------------------------------------ claims
    _CLAIM_SQL = (
        'SELECT c.id, c.article_id, c.start, c."end", c.text, c.score, c.checkworthy, c.speaker,'
        " c.speaker_start, c.speaker_end, c.kind, c.origin, c.dismissed, c.created_at,"
        " r.claim_id, r.verdict, r.confidence, r.note, r.reviewer, r.updated_at"
        " FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id"
    )

    def claims_for_article(self, article_id: int) -> list[Claim]:
        """All claims of an article (dismissed and not check-worthy included), in text order."""
        rows = self.conn.execute(self._CLAIM_SQL + ' WHERE c.article_id = ? ORDER BY c.start, c."end", c.id',
                                 (article_id,))
        return [_claim(row) for row in rows]

    def get_claim(self, claim_id: int) -> Claim:
        row = self.conn.execute(self._CLAIM_SQL + " WHERE c.id = ?", (claim_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no claim {claim_id} in this library.")
        return _claim(row)

    def add_claim(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        kind: str = "other",
        score: float = 1.0,
        who: str | None = None,
    ) -> Claim:
        """A reviewer's own claim over ``text[start:end]`` of the article."""
        with self.write():
            text = self.get_article(article_id).text
            start, end = _trim_span(text, start, end)
            _check_span(text, start, end)
            draft = _Draft(start, end, score=score, checkworthy=True, speaker=speaker, kind=kind, origin="manual")
            (claim_id,) = self._insert_claims(article_id, text, [draft], utc_now())
            claim = self.get_claim(claim_id)
            self._audit("claim_add", "claim", claim_id, article_id=article_id, claim_id=claim_id,
                        after=_claim_state(claim), who=who)
        return claim

    def update_claim(self, claim_id: int, *, who: str | None = None, **changes: Any) -> Claim:
        """Change a claim's span (start/end), speaker, kind or checkworthy flag."""
        allowed = {"start", "end", "speaker", "speaker_start", "speaker_end", "kind", "checkworthy", "dismissed"}
        unknown = set(changes) - allowed
        if unknown:
            raise ReviewerError(f"Cannot change {', '.join(sorted(unknown))} of a claim.")
        with self.write():
            claim = self.get_claim(claim_id)
            new = replace(claim, **changes)
            if (new.start, new.end) != (claim.start, claim.end):
                text = self.get_article(claim.article_id).text
                _check_span(text, new.start, new.end)
                new = replace(new, text=text[new.start : new.end])
            if new == claim:
                return claim
            self.conn.execute(
                'UPDATE claims SET start = ?, "end" = ?, text = ?, speaker = ?, speaker_start = ?, speaker_end = ?,'
                " kind = ?, checkworthy = ?, dismissed = ?, updated_at = ? WHERE id = ?",
                (new.start, new.end, new.text, new.speaker, new.speaker_start, new.speaker_end, new.kind,
                 int(new.checkworthy), int(new.dismissed), utc_now(), claim_id),
            )
            action = "claim_edit"
            if set(changes) == {"dismissed"}:
                action = "claim_dismiss" if new.dismissed else "claim_undismiss"
            self._audit(action, "claim", claim_id, article_id=claim.article_id, claim_id=claim_id,
                        before=_claim_state(claim), after=_claim_state(new), who=who)
        return self.get_claim(claim_id)

    def set_dismissed(self, claim_id: int, dismissed: bool, who: str | None = None) -> Claim:
        return self.update_claim(claim_id, dismissed=dismissed, who=who)

    def delete_claim(self, claim_id: int, who: str | None = None) -> dict:
        """Remove a claim with its review and evidence; returns a snapshot for ``restore_claim``."""
        with self.write():
            snapshot = self.claim_snapshot(claim_id)
            self.conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
            self._audit("claim_delete", "claim", claim_id, article_id=snapshot["claim"]["article_id"],
                        claim_id=claim_id, before=snapshot, who=who)
        return snapshot

    def claim_snapshot(self, claim_id: int) -> dict:
        claim = self.get_claim(claim_id)
        state = asdict(claim)
        review = state.pop("review")
        return {"claim": state, "review": review, "evidence": [asdict(e) for e in self.list_evidence(claim_id)]}

    def restore_claim(self, snapshot: dict, who: str | None = None) -> Claim:
        """Put back a claim removed by ``delete_claim`` (same id, review and evidence)."""
        c = snapshot["claim"]
        with self.write():
            self.conn.execute(
                'INSERT INTO claims (id, article_id, start, "end", text, score, checkworthy, speaker, speaker_start,'
                " speaker_end, kind, origin, dismissed, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c["id"], c["article_id"], c["start"], c["end"], c["text"], c["score"], int(c["checkworthy"]),
                 c["speaker"], c["speaker_start"], c["speaker_end"], c["kind"], c["origin"], int(c["dismissed"]),
                 c["created_at"], utc_now()),
            )
            r = snapshot.get("review")
            if r:
                self.conn.execute(
                    "INSERT INTO reviews (claim_id, verdict, confidence, note, reviewer, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (c["id"], r["verdict"], r["confidence"], r["note"], r["reviewer"], r["updated_at"]),
                )
            for e in snapshot.get("evidence", []):
                self.conn.execute(
                    "INSERT INTO evidence (id, claim_id, url, title, quote, accessed, file_name, original_name,"
                    " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e["id"], c["id"], e["url"], e["title"], e["quote"], e["accessed"], e["file_name"],
                     e["original_name"], e["added_at"]),
                )
            self._audit("claim_restore", "claim", c["id"], article_id=c["article_id"], claim_id=c["id"],
                        after=snapshot, who=who)
        return self.get_claim(c["id"])

    def split_claim(self, claim_id: int, at: int, who: str | None = None) -> tuple[Claim, Claim]:
        """Split a claim at article offset ``at`` into two; the review stays with the first part."""
        with self.write():
            claim = self.get_claim(claim_id)
            text = self.get_article(claim.article_id).text
            if not claim.start < at < claim.end:
                raise ReviewerError("Place the cursor inside the claim to split it.")
            first_span = _trim_span(text, claim.start, at)
            second_span = _trim_span(text, at, claim.end)
            if first_span[1] <= first_span[0] or second_span[1] <= second_span[0]:
                raise ReviewerError("Both parts of a split claim need some text.")
            first = self.update_claim(claim_id, start=first_span[0], end=first_span[1], who=who)
            draft = _Draft(*second_span, score=claim.score, checkworthy=claim.checkworthy, speaker=claim.speaker,
                           speaker_start=claim.speaker_start, speaker_end=claim.speaker_end, kind=claim.kind,
                           origin="manual")
            (second_id,) = self._insert_claims(claim.article_id, text, [draft], utc_now())
            second = self.get_claim(second_id)
            self._audit("claim_add", "claim", second_id, article_id=claim.article_id, claim_id=second_id,
                        after=_claim_state(second), who=who)
        return first, second

    def merge_claims(self, claim_ids: Sequence[int], who: str | None = None) -> Claim:
        """Merge claims of one article into the first; the others are deleted (their reviews too)."""
        if len(claim_ids) < 2:
            raise ReviewerError("Select at least two claims to merge.")
        with self.write():
            claims = sorted((self.get_claim(i) for i in claim_ids), key=lambda c: c.start)
            if len({c.article_id for c in claims}) != 1:
                raise ReviewerError("Only claims of the same article can be merged.")
            keep = claims[0]
            for other in claims[1:]:
                self.delete_claim(other.id, who=who)
            merged = self.update_claim(keep.id, start=keep.start, end=max(c.end for c in claims), who=who)
        return merged

    def replace_auto_claims(self, article_id: int, claims: Iterable[Any], *, extraction: str | None = None,
                            who: str | None = None) -> int:
        """Re-extraction: swap automatic, unreviewed claims for new ones.

        Manual claims and anything with a review, note or evidence stay; a new claim that
        overlaps a kept one is not added. Returns how many claims were added.
        """
        claims = list(claims)
        with self.write():
            text = self.get_article(article_id).text
            kept = self.conn.execute(
                'SELECT c.id, c.start, c."end" FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id'
                " WHERE c.article_id = ? AND (c.origin = 'manual' OR c.dismissed OR r.verdict IS NOT NULL"
                " OR coalesce(r.note, '') != '' OR EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id))",
                (article_id,),
            ).fetchall()
            kept_ids = [k[0] for k in kept]
            self.conn.execute(
                f"DELETE FROM claims WHERE article_id = ? AND id NOT IN ({','.join('?' * len(kept_ids))})",
                [article_id, *kept_ids],
            )
            fresh = [c for c in claims if not any(c.start < k[2] and k[1] < c.end for k in kept)]
            self._insert_claims(article_id, text, fresh, utc_now())
            self.conn.execute("UPDATE articles SET extraction = ? WHERE id = ?", (extraction, article_id))
            self._audit("extract", "article", article_id, article_id=article_id,
                        after={"added": len(fresh), "kept": len(kept_ids), "extraction": extraction}, who=who)
        return len(fresh)

    def update_scores(self, article_id: int, scores: dict[tuple[int, int], tuple[float, bool]],
                      *, extraction: str) -> None:
        """Refine scores of automatic claims in place (matched by span); not a reviewer's change."""
        with self.write():
            for (start, end), (score, checkworthy) in scores.items():
                self.conn.execute(
                    'UPDATE claims SET score = ?, checkworthy = ? WHERE article_id = ? AND start = ? AND "end" = ?'
                    " AND origin = 'auto'",
                    (score, int(checkworthy), article_id, start, end),
                )
            self.conn.execute("UPDATE articles SET extraction = ? WHERE id = ?", (extraction, article_id))

    # ------------------------------------------------------------------ reviews
    def get_review(self, claim_id: int) -> Review:
        row = self.conn.execute(
            "SELECT claim_id, verdict, confidence, note, reviewer, updated_at FROM reviews WHERE claim_id = ?",
            (claim_id,),
        ).fetchone()
        return Review(*row) if row else Review(claim_id)

    def set_review(
        self,
        claim_id: int,
        *,
        verdict: str | None = _UNSET,
        note: str = _UNSET,
        confidence: int | None = _UNSET,
        who: str | None = None,
    ) -> Review:
        """Set any of verdict, note and confidence; the rest stay. Returns the committed review."""
        with self.write():
            claim = self.get_claim(claim_id)
            before = self.get_review(claim_id)
            if verdict is not _UNSET and verdict is not None and not self.verdict_exists(verdict):
                keys = ", ".join(self.active_scale().keys)
                raise ReviewerError(f"Unknown verdict {verdict!r}. Use one of: {keys}, or none.")
            if confidence is not _UNSET and confidence is not None and not 0 <= int(confidence) <= 100:
                raise ReviewerError("Confidence is a percentage from 0 to 100.")
            after = Review(
                claim_id,
                before.verdict if verdict is _UNSET else verdict,
                before.confidence if confidence is _UNSET else (None if confidence is None else int(confidence)),
                before.note if note is _UNSET else (note or ""),
                who or self.reviewer,
                utc_now(),
            )
            if (after.verdict, after.confidence, after.note) == (before.verdict, before.confidence, before.note):
                return before
            self.conn.execute(
                "INSERT INTO reviews (claim_id, verdict, confidence, note, reviewer, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(claim_id) DO UPDATE SET verdict = excluded.verdict,"
                " confidence = excluded.confidence, note = excluded.note, reviewer = excluded.reviewer,"
                " updated_at = excluded.updated_at",
                (claim_id, after.verdict, after.confidence, after.note, after.reviewer, after.updated_at),
            )
            self.conn.execute(
                "UPDATE articles SET status = 'in_review', updated_at = ? WHERE id = ? AND status = 'todo'",
                (after.updated_at, claim.article_id),
            )
            self._audit("review", "review", claim_id, article_id=claim.article_id, claim_id=claim_id,
                        before=_review_state(before), after=_review_state(after), who=who)
        return after

    # ------------------------------------------------------------------ evidence
    def list_evidence(self, claim_id: int) -> list[Evidence]:
        rows = self.conn.execute(
            "SELECT id, claim_id, url, title, quote, accessed, file_name, original_name, added_at"
            " FROM evidence WHERE claim_id = ? ORDER BY id",
            (claim_id,),
        )
        return [Evidence(*row) for row in rows]

    def evidence_for_claims(self, claim_ids: Sequence[int]) -> dict[int, list[Evidence]]:
        result: dict[int, list[Evidence]] = {i: [] for i in claim_ids}
        for chunk in _chunks(list(claim_ids), 500):
            rows = self.conn.execute(
                "SELECT id, claim_id, url, title, quote, accessed, file_name, original_name, added_at"
                f" FROM evidence WHERE claim_id IN ({','.join('?' * len(chunk))}) ORDER BY id",
                chunk,
            )
            for row in rows:
                result[row[1]].append(Evidence(*row))
        return result

    def add_evidence(
        self,
        claim_id: int,
        *,
        url: str | None = None,
        title: str | None = None,
        quote: str | None = None,
        accessed: str | None = None,
        file: str | Path | None = None,
        who: str | None = None,
    ) -> Evidence:
        """Attach evidence; a local ``file`` is copied into the library's attachment folder."""
        from .attachments import copy_into_library

        if not any([url, title, quote, file]):
            raise ReviewerError("Evidence needs at least a URL, a title, a quoted passage or a file.")
        if url:
            url = url.strip()
        stored = original = None
        if file is not None:
            if self.path is None:
                raise ReviewerError("Files can only be attached to a library saved on disk.")
            stored, original = copy_into_library(Path(file), attachments_dir(self.path))
        try:
            with self.write():
                claim = self.get_claim(claim_id)
                cursor = self.conn.execute(
                    "INSERT INTO evidence (claim_id, url, title, quote, accessed, file_name, original_name, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (claim_id, url or None, title or None, quote or None, accessed, stored, original, utc_now()),
                )
                evidence = self.get_evidence(cursor.lastrowid)
                self._audit("evidence_add", "evidence", evidence.id, article_id=claim.article_id, claim_id=claim_id,
                            after=asdict(evidence), who=who)
        except BaseException:
            # Remove the copy only if no other evidence uses it: the same file attached twice is
            # stored once, and a failed second attach must not take the first one's file.
            if stored and self.path is not None and not self._file_in_use(stored):
                (attachments_dir(self.path) / stored).unlink(missing_ok=True)
            raise
        return evidence

    def _file_in_use(self, file_name: str) -> bool:
        try:
            return self.conn.execute("SELECT 1 FROM evidence WHERE file_name = ? LIMIT 1",
                                     (file_name,)).fetchone() is not None
        except sqlite3.Error:
            return True  # when in doubt, keep the file

    def get_evidence(self, evidence_id: int) -> Evidence:
        row = self.conn.execute(
            "SELECT id, claim_id, url, title, quote, accessed, file_name, original_name, added_at"
            " FROM evidence WHERE id = ?",
            (evidence_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no evidence {evidence_id} in this library.")
        return Evidence(*row)

    def update_evidence(self, evidence_id: int, *, who: str | None = None, **changes: Any) -> Evidence:
        allowed = {"url", "title", "quote", "accessed"}
        if set(changes) - allowed:
            raise ReviewerError(f"Cannot change {', '.join(sorted(set(changes) - allowed))} of evidence.")
        with self.write():
            before = self.get_evidence(evidence_id)
            after = replace(before, **{k: (v or None) for k, v in changes.items()})
            if after == before:
                return before
            self.conn.execute(
                "UPDATE evidence SET url = ?, title = ?, quote = ?, accessed = ? WHERE id = ?",
                (after.url, after.title, after.quote, after.accessed, evidence_id),
            )
            claim = self.get_claim(before.claim_id)
            self._audit("evidence_edit", "evidence", evidence_id, article_id=claim.article_id,
                        claim_id=claim.id, before=asdict(before), after=asdict(after), who=who)
        return after

    def remove_evidence(self, evidence_id: int, who: str | None = None) -> Evidence:
        """Detach evidence. The copied file stays on disk so that undo can restore it."""
        with self.write():
            evidence = self.get_evidence(evidence_id)
            claim = self.get_claim(evidence.claim_id)
            self.conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
            self._audit("evidence_remove", "evidence", evidence_id, article_id=claim.article_id,
                        claim_id=claim.id, before=asdict(evidence), who=who)
        return evidence

    def restore_evidence(self, evidence: Evidence, who: str | None = None) -> Evidence:
        with self.write():
            claim = self.get_claim(evidence.claim_id)
            self.conn.execute(
                "INSERT INTO evidence (id, claim_id, url, title, quote, accessed, file_name, original_name, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (evidence.id, evidence.claim_id, evidence.url, evidence.title, evidence.quote, evidence.accessed,
                 evidence.file_name, evidence.original_name, evidence.added_at),
            )
            self._audit("evidence_add", "evidence", evidence.id, article_id=claim.article_id, claim_id=claim.id,
                        after=asdict(evidence), who=who)
        return evidence

    def attachment_path(self, evidence: Evidence) -> Path | None:
        if not evidence.file_name or self.path is None:
            return None
        return attachments_dir(self.path) / evidence.file_name

    # ------------------------------------------------------------------ verdict scales
    def _install_presets(self) -> None:
        with self.write():
            for scale in PRESETS:
                self._write_scale(scale)
            self.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('active_scale', ?)",
                              (DEFAULT_SCALE_ID,))

    def _write_scale(self, scale: VerdictScale) -> None:
        self.conn.execute(
            "INSERT INTO verdict_scales (id, name, best_rating, worst_rating, conclusion_only) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET name = excluded.name, best_rating = excluded.best_rating,"
            " worst_rating = excluded.worst_rating, conclusion_only = excluded.conclusion_only",
            (scale.id, scale.name, scale.best_rating, scale.worst_rating, int(scale.conclusion_only)),
        )
        self.conn.execute("DELETE FROM verdicts WHERE scale_id = ?", (scale.id,))
        for position, v in enumerate(scale.verdicts):
            self.conn.execute(
                "INSERT INTO verdicts (scale_id, key, label, color, rating_value, alternate_name, description,"
                " position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (scale.id, v.key, v.label, v.color, v.rating_value, v.alternate_name, v.description, position),
            )

    def scales(self) -> list[VerdictScale]:
        rows = self.conn.execute(
            "SELECT id, name, best_rating, worst_rating, conclusion_only FROM verdict_scales ORDER BY rowid"
        ).fetchall()
        return [self._scale_from_row(row) for row in rows]

    def get_scale(self, scale_id: str) -> VerdictScale:
        row = self.conn.execute(
            "SELECT id, name, best_rating, worst_rating, conclusion_only FROM verdict_scales WHERE id = ?",
            (scale_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no verdict scale {scale_id!r}.")
        return self._scale_from_row(row)

    def _scale_from_row(self, row) -> VerdictScale:
        verdicts = tuple(
            Verdict(*v)
            for v in self.conn.execute(
                "SELECT key, label, color, rating_value, alternate_name, description FROM verdicts"
                " WHERE scale_id = ? ORDER BY position",
                (row[0],),
            )
        )
        return VerdictScale(row[0], row[1], verdicts, row[2], row[3], bool(row[4]))

    def active_scale(self) -> VerdictScale:
        return self.get_scale(self.get_meta("active_scale", DEFAULT_SCALE_ID) or DEFAULT_SCALE_ID)

    def set_active_scale(self, scale_id: str, who: str | None = None) -> VerdictScale:
        with self.write():
            scale = self.get_scale(scale_id)
            before = self.get_meta("active_scale")
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('active_scale', ?)", (scale_id,))
            self._audit("scale", "scale", scale_id, before={"active": before}, after={"active": scale_id}, who=who)
        return scale

    def save_scale(self, scale: VerdictScale, who: str | None = None) -> VerdictScale:
        """Create or edit a scale. A verdict still used by a review cannot be removed."""
        if not scale.verdicts:
            raise ReviewerError("A verdict scale needs at least one verdict.")
        keys = [v.key for v in scale.verdicts]
        if len(set(keys)) != len(keys):
            raise ReviewerError("Two verdicts of the scale have the same key.")
        with self.write():
            try:
                before = self.get_scale(scale.id)
            except NotFound:
                before = None
            if before is not None:
                removed = set(before.keys) - set(keys)
                in_use = [k for k in removed if self._verdict_in_use(k, scale.id)]
                if in_use:
                    raise ReviewerError(
                        f"Cannot remove {', '.join(sorted(in_use))}: claims are reviewed with it. "
                        "Change those verdicts first, or rename it instead."
                    )
            self._write_scale(scale)
            self._audit("scale", "scale", scale.id, before=asdict(before) if before else None,
                        after=asdict(scale), who=who)
        return self.get_scale(scale.id)

    def _verdict_in_use(self, key: str, scale_id: str) -> bool:
        other = self.conn.execute("SELECT 1 FROM verdicts WHERE key = ? AND scale_id != ?", (key, scale_id)).fetchone()
        if other:  # still defined by another scale, so reviews keep a meaning
            return False
        return self.conn.execute("SELECT 1 FROM reviews WHERE verdict = ? LIMIT 1", (key,)).fetchone() is not None

    def verdict_exists(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM verdicts WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def verdict_info(self, key: str | None) -> tuple[Verdict | None, VerdictScale | None]:
        """The verdict for a key: from the active scale first, then any scale that defines it."""
        if key is None:
            return None, None
        active = self.active_scale()
        if active.get(key):
            return active.get(key), active
        for scale in self.scales():
            if scale.get(key):
                return scale.get(key), scale
        return None, None

    # ------------------------------------------------------------------ audit
    def history(self, *, claim_id: int | None = None, article_id: int | None = None,
                limit: int = 500) -> list[AuditEntry]:
        """Audit entries, newest first."""
        clauses, params = [], []
        if claim_id is not None:
            clauses.append("claim_id = ?")
            params.append(claim_id)
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.conn.execute(
            "SELECT id, at, who, action, entity, entity_id, article_id, claim_id, before, after FROM audit"
            + where + " ORDER BY id DESC LIMIT ?",
            [*params, limit],
        )
        return [AuditEntry(*row[:8], _load(row[8]), _load(row[9])) for row in rows]

    def revert(self, entry_id: int, who: str | None = None) -> None:
        """Undo one past change from the history by applying its 'before' state as a new change."""
        row = self.conn.execute("SELECT action, claim_id, before, entity_id FROM audit WHERE id = ?",
                                (entry_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no history entry {entry_id}.")
        action, claim_id, before, entity_id = row[0], row[1], _load(row[2]), row[3]
        if action == "review":
            before = before or {}
            self.set_review(claim_id, verdict=before.get("verdict"), note=before.get("note", ""),
                            confidence=before.get("confidence"), who=who)
        elif action in ("claim_edit", "claim_dismiss", "claim_undismiss"):
            fields = {k: before[k] for k in ("start", "end", "speaker", "kind", "checkworthy", "dismissed")}
            self.update_claim(claim_id, who=who, **fields)
        elif action == "claim_delete":
            self.restore_claim(before, who=who)
        elif action == "evidence_remove":
            self.restore_evidence(Evidence(**before), who=who)
        elif action == "evidence_add":
            self.remove_evidence(int(entity_id), who=who)
        else:
            raise ReviewerError("This change cannot be reverted from the history.")

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over titles, article text, claims and notes; best matches first."""
        fts = fts_query(query)
        if not fts:
            return []
        hits: list[tuple[float, SearchHit]] = []
        for row in self.conn.execute(
            "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12), bm25(articles_fts, 5.0, 1.0),"
            " highlight(articles_fts, 0, '[', ']')"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
            " ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?",
            (fts, limit),
        ):
            where = "title" if "[" in row[4] else "article"
            hits.append((row[3], SearchHit(row[0], row[1], row[2], None, where)))
        for row in self.conn.execute(
            "SELECT c.article_id, a.title, snippet(claims_fts, 0, '[', ']', '…', 16), bm25(claims_fts), c.id"
            " FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN articles a ON a.id = c.article_id"
            " WHERE claims_fts MATCH ? AND c.checkworthy ORDER BY bm25(claims_fts) LIMIT ?",
            (fts, limit),
        ):
            hits.append((row[3], SearchHit(row[0], row[1], row[2], row[4], "claim")))
        for row in self.conn.execute(
            "SELECT c.article_id, a.title, snippet(reviews_fts, 0, '[', ']', '…', 16), bm25(reviews_fts), c.id"
            " FROM reviews_fts JOIN claims c ON c.id = reviews_fts.rowid JOIN articles a ON a.id = c.article_id"
            " WHERE reviews_fts MATCH ? ORDER BY bm25(reviews_fts) LIMIT ?",
            (fts, limit),
        ):
            hits.append((row[3] - 1.0, SearchHit(row[0], row[1], row[2], row[4], "note")))
        hits.sort(key=lambda h: h[0])
        return [h for _, h in hits[:limit]]

    # ------------------------------------------------------------------ stats
    def verdict_counts(self, article_id: int | None = None) -> dict[str | None, int]:
        """Check-worthy, not dismissed claims per verdict key (None = unreviewed)."""
        sql = ("SELECT r.verdict, count(*) FROM claims c LEFT JOIN reviews r ON r.claim_id = c.id"
               " WHERE c.checkworthy AND NOT c.dismissed")
        params: list = []
        if article_id is not None:
            sql += " AND c.article_id = ?"
            params.append(article_id)
        return {row[0]: row[1] for row in self.conn.execute(sql + " GROUP BY r.verdict", params)}

    def data_version(self) -> int:
        """Changes when another connection (window, CLI) commits to the library; ours do not count."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def reviewer_names(self) -> list[str]:
        """Everyone who has reviewed a claim in this library, for filter pick-lists."""
        rows = self.conn.execute("SELECT DISTINCT reviewer FROM reviews WHERE reviewer IS NOT NULL ORDER BY 1")
        return [row[0] for row in rows]

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ---------------------------------------------------------------------- helpers
class _Draft:
    def __init__(self, start, end, **kw):
        self.start, self.end = start, end
        self.__dict__.update(kw)


def _claim(row) -> Claim:
    review = Review(*row[14:20]) if row[14] is not None else None
    return Claim(
        id=row[0], article_id=row[1], start=row[2], end=row[3], text=row[4], score=row[5],
        checkworthy=bool(row[6]), speaker=row[7], speaker_start=row[8], speaker_end=row[9], kind=row[10],
        origin=row[11], dismissed=bool(row[12]), created_at=row[13], review=review,
    )


def _claim_state(claim: Claim) -> dict:
    return {
        "start": claim.start, "end": claim.end, "text": claim.text, "speaker": claim.speaker, "kind": claim.kind,
        "checkworthy": claim.checkworthy, "dismissed": claim.dismissed,
    }


def _review_state(review: Review) -> dict:
    return {"verdict": review.verdict, "confidence": review.confidence, "note": review.note}


def _check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise ReviewerError(f"A claim must cover some of the article's text (got {start}–{end}).")
    if not text[start:end].strip():
        raise ReviewerError("A claim must contain some text, not only spaces.")


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it does not start or end with white space."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _dump(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _load(value: str | None) -> dict | None:
    return None if value is None else json.loads(value)


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]


_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match, the last as a prefix."""
    words = _FTS_TOKEN.findall(query or "")
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _is_read_only(path: Path) -> bool:
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise LibraryError(f"Cannot read {path}: {exc.strerror}.") from exc
    if len(header) == 0:
        return  # an empty file: becomes a new library
    if not header.startswith(b"SQLite format 3\x00"):
        raise LibraryError(
            f"{path} is not a Reviewer library (it is not an SQLite database). "
            "The file was not changed; open another library or restore a backup."
        )


def library_error(path: Path | None, exc: sqlite3.Error) -> LibraryError:
    """A sqlite error as a LibraryError whose message says what to do."""
    message = str(exc)
    where = str(path) if path else "the library"
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
