"""Libraries for the bundle tests: articles with claims built through the store, and every record of a
library read back through SQLite keyed by global id (what "identical records" means)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reviewer.core.domain import ClaimDraft
from reviewer.core.importers.document import ImportedDocument
from reviewer.core.store import Store


def add_article(store: Store, tag: str, sentences: int = 4) -> tuple[int, list[int]]:
    """An article of ``sentences`` sentences, each a claim; returns (article id, claim ids)."""
    parts = [f"In {tag}, figure {i} rose by {i * 7 + 3} percent last year." for i in range(sentences)]
    text = " ".join(parts)
    drafts, at = [], 0
    for part in parts:
        drafts.append(ClaimDraft(at, at + len(part), 0.9))
        at += len(part) + 1
    article = store.add_article(ImportedDocument(text, (), f"Report on {tag}", "txt"), drafts)
    return article.id, [c.id for c in store.claims_for_article(article.id)]


def set_updated(store: Store, claim_id: int, when: str) -> None:
    """Date the claim's own review (tests of "the newer wins" need a known order)."""
    with store.write():
        store.conn.execute("UPDATE reviews SET updated_at = ? WHERE claim_id = ?", (when, claim_id))


def records(path: Path) -> dict[str, object]:
    """Every record of the library at ``path`` by gid, with references as gids (a fresh connection)."""
    conn = sqlite3.connect(path)
    try:
        q = conn.execute
        data: dict[str, object] = {
            "articles": {
                r[0]: r[1:]
                for r in q(
                    "SELECT gid, title, source, url, author, published, imported_at, original_format, source_path, text,"
                    " blocks, content_hash, language, status, extraction FROM articles"
                )
            },
            "claims": {
                r[0]: r[1:]
                for r in q(
                    'SELECT c.gid, a.gid, c.start, c."end", c.text, c.score, c.checkworthy, c.speaker, c.kind, c.origin,'
                    " c.dismissed, c.created_at FROM claims c JOIN articles a ON a.id = c.article_id"
                )
            },
            "reviews": {
                r[0]: r[1:]
                for r in q(
                    "SELECT r.gid, c.gid, r.verdict, r.confidence, r.note, r.reviewer, r.updated_at FROM reviews r"
                    " JOIN claims c ON c.id = r.claim_id"
                )
            },
            "peer_reviews": {
                r[0]: r[1:]
                for r in q(
                    "SELECT p.gid, c.gid, p.reviewer, p.verdict, p.confidence, p.note, p.evidence, p.updated_at"
                    " FROM peer_reviews p JOIN claims c ON c.id = p.claim_id"
                )
            },
            "final_decisions": {
                r[0]: r[1:]
                for r in q(
                    "SELECT f.gid, c.gid, f.verdict, f.note, f.decided_by, f.decided_at FROM final_decisions f"
                    " JOIN claims c ON c.id = f.claim_id"
                )
            },
            "evidence": sorted(
                q(
                    "SELECT c.gid, e.url, e.title, e.quote, e.accessed, e.file_name, e.original_name, e.added_at"
                    " FROM evidence e JOIN claims c ON c.id = e.claim_id"
                ).fetchall(),
                key=repr,
            ),
            "verdict_scales": sorted(q("SELECT * FROM verdict_scales").fetchall(), key=repr),
            "verdicts": sorted(q("SELECT * FROM verdicts").fetchall(), key=repr),
        }
        return data
    finally:
        conn.close()


def history(path: Path) -> set[tuple[object, ...]]:
    """The history of the library's articles, by article gid (imported entries as they were made)."""
    conn = sqlite3.connect(path)
    try:
        return {
            (r[0], r[1], str(r[2]).removeprefix("imported_"), r[3], r[4], r[5], r[6])
            for r in conn.execute(
                "SELECT a.at, a.who, a.action, a.entity, ar.gid, a.before, a.after FROM audit a"
                " JOIN articles ar ON ar.id = a.article_id"
            )
        }
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    """The whole library as SQL, read through SQLite: equal dumps, nothing changed. SQLite's own
    query statistics (``PRAGMA optimize`` as any connection closes) are left out: they are no record."""
    conn = sqlite3.connect(path)
    try:
        return [
            line
            for line in conn.iterdump()
            if "sqlite_stat" not in line and "writable_schema" not in line and not line.startswith("ANALYZE")
        ]
    finally:
        conn.close()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))} if folder.exists() else {}


def loads(value: object) -> object:
    return json.loads(str(value))
