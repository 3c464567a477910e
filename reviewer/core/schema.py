"""The library's schema, as versioned migrations.

Each migration runs once, inside one transaction, and is recorded by sqlite-utils'
``Migrations``. ``PRAGMA user_version`` mirrors the number of migrations applied so that a
library written by a newer Reviewer is recognised before anything touches it.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

# Marks a SQLite file as a Reviewer library ("RVWR"); other SQLite files are refused.
APPLICATION_ID = 0x52565752

migrations = Migrations("reviewer")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT,
            url TEXT,
            author TEXT,
            published TEXT,
            imported_at TEXT NOT NULL,
            original_format TEXT NOT NULL,
            source_path TEXT,
            text TEXT NOT NULL,
            blocks TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL UNIQUE,
            language TEXT,
            status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_review', 'done')),
            extraction TEXT,
            updated_at TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            text TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 0,
            checkworthy INTEGER NOT NULL DEFAULT 1,
            speaker TEXT,
            speaker_start INTEGER,
            speaker_end INTEGER,
            kind TEXT NOT NULL DEFAULT 'other',
            origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual')),
            dismissed INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT
        )"""
    )
    db.execute("CREATE INDEX claims_by_article ON claims(article_id, start)")
    db.execute(
        """
        CREATE TABLE reviews (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            verdict TEXT,
            confidence INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 100),
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT,
            updated_at TEXT
        )"""
    )
    db.execute("CREATE INDEX reviews_by_verdict ON reviews(verdict)")
    db.execute(
        """
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            url TEXT,
            title TEXT,
            quote TEXT,
            accessed TEXT,
            file_name TEXT,
            original_name TEXT,
            added_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX evidence_by_claim ON evidence(claim_id)")
    db.execute(
        """
        CREATE TABLE verdict_scales (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            best_rating INTEGER,
            worst_rating INTEGER,
            conclusion_only INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """
        CREATE TABLE verdicts (
            scale_id TEXT NOT NULL REFERENCES verdict_scales(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            color TEXT NOT NULL,
            rating_value INTEGER,
            alternate_name TEXT,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            PRIMARY KEY (scale_id, key)
        )"""
    )
    db.execute(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            article_id INTEGER,
            claim_id INTEGER,
            before TEXT,
            after TEXT
        )"""
    )
    db.execute("CREATE INDEX audit_by_claim ON audit(claim_id, id)")
    db.execute("CREATE INDEX audit_by_article ON audit(article_id, id)")
    # The audit log is append-only: history that can be edited is no history.
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")

    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.table("claims").enable_fts(["text", "speaker"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.table("reviews").enable_fts(["note"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations()
def m002_factchecks(db: Database) -> None:
    """Fact-check collections (imported ClaimReview feeds, CSV files) and stored sentence embeddings."""
    db.execute(
        """
        CREATE TABLE factcheck_collections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            source TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE factchecks (
            id INTEGER PRIMARY KEY,
            collection_id INTEGER NOT NULL REFERENCES factcheck_collections(id),
            claim TEXT NOT NULL,
            verdict TEXT,
            url TEXT,
            date TEXT,
            publisher TEXT,
            title TEXT,
            speaker TEXT,
            dedupe_key TEXT NOT NULL UNIQUE,
            imported TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX factchecks_by_collection ON factchecks(collection_id)")
    # source is 'factcheck' (record_id = factchecks.id) or 'claim' (claims.id); rows of another model are stale.
    db.execute(
        """
        CREATE TABLE embeddings (
            source TEXT NOT NULL,
            record_id INTEGER NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (source, record_id)
        )"""
    )
    # An embedding never outlives its text: deleting a record (or changing a claim's words) drops it
    # in the same transaction, so a vector found is always the vector of the text now stored.
    db.execute(
        "CREATE TRIGGER factchecks_drop_embedding AFTER DELETE ON factchecks BEGIN "
        "DELETE FROM embeddings WHERE source = 'factcheck' AND record_id = old.id; END"
    )
    db.execute(
        "CREATE TRIGGER claims_drop_embedding AFTER DELETE ON claims BEGIN "
        "DELETE FROM embeddings WHERE source = 'claim' AND record_id = old.id; END"
    )
    db.execute(
        "CREATE TRIGGER claims_text_drops_embedding AFTER UPDATE OF text ON claims "
        "WHEN new.text IS NOT old.text BEGIN "
        "DELETE FROM embeddings WHERE source = 'claim' AND record_id = old.id; END"
    )
    db.table("factchecks").enable_fts(
        ["claim", "title", "publisher"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@migrations()
def m003_near_duplicates(db: Database) -> None:
    """Near-duplicate articles (``core.near_duplicates``): a MinHash signature per article, its LSH band
    keys (the index that finds candidates), and the earlier article each one nearly repeats."""
    # scheme names how the signature was made; rows of another scheme are stale and made again.
    # near_duplicate_of is the earlier article whose text this one nearly repeats (NULL: none).
    db.execute(
        """
        CREATE TABLE article_signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            scheme TEXT NOT NULL,
            signature BLOB NOT NULL,
            near_duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            similarity REAL
        )"""
    )
    db.execute("CREATE INDEX article_signatures_by_original ON article_signatures(near_duplicate_of)")
    db.execute(
        """
        CREATE TABLE article_signature_bands (
            band_key INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES article_signatures(article_id) ON DELETE CASCADE,
            PRIMARY KEY (band_key, article_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX article_signature_bands_by_article ON article_signature_bands(article_id)")


# The columns each full-text index reads: its update trigger fires only when one of them changes.
# Needed, not only quicker: SQLite runs the newest trigger first, so the gid trigger's UPDATE runs
# before the FTS insert trigger, and an update trigger on every column would delete an index entry
# that is not there yet (a "malformed" FTS table). Writing a status no longer re-indexes the text.
_FTS_COLUMNS = {"articles": ("title", "text"), "claims": ("text", "speaker"), "reviews": ("note",)}


@migrations()
def m004_team(db: Database) -> None:
    """Team review (#18): the library's id, global ids of articles, claims and reviews, reviews of
    the same claims by other reviewers (from bundles) and an editor's final decisions."""
    import uuid

    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('library_id', ?)", (uuid.uuid4().hex,))
    for table in ("articles", "claims", "reviews"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
        db.execute(f"UPDATE {table} SET gid = lower(hex(randomblob(16))) WHERE gid IS NULL")
        db.execute(f"CREATE UNIQUE INDEX {table}_by_gid ON {table}(gid)")
        key = "claim_id" if table == "reviews" else "id"
        # A new row gets its id here, so no insert path has to know about it; an imported row keeps its own.
        db.execute(
            f"CREATE TRIGGER {table}_gid AFTER INSERT ON {table} WHEN NEW.gid IS NULL BEGIN "
            f"UPDATE {table} SET gid = lower(hex(randomblob(16))) WHERE {key} = NEW.{key}; END"
        )
        columns = _FTS_COLUMNS[table]
        quoted = ", ".join(f'"{c}"' for c in columns)
        old_values = ", ".join(f'old."{c}"' for c in columns)
        new_values = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {", ".join(columns)} ON "{table}" BEGIN '
            f'INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) VALUES(\'delete\', old.rowid, {old_values}); '
            f'INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {new_values}); END'
        )
    # Reviews of a claim by reviewers other than this library's own (reviews.reviewer), from bundles.
    # evidence is a JSON list of {url, title, quote, accessed, file_name, original_name}.
    db.execute(
        """
        CREATE TABLE peer_reviews (
            gid TEXT PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            verdict TEXT,
            confidence INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 100),
            note TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL,
            UNIQUE (claim_id, reviewer)
        )"""
    )
    # An editor's decision where reviewers disagree; it is the claim's verdict in reports.
    db.execute(
        """
        CREATE TABLE final_decisions (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            verdict TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            gid TEXT UNIQUE
        )"""
    )
    db.execute(
        "CREATE TRIGGER final_decisions_gid AFTER INSERT ON final_decisions WHEN NEW.gid IS NULL BEGIN "
        "UPDATE final_decisions SET gid = lower(hex(randomblob(16))) WHERE claim_id = NEW.claim_id; END"
    )


SCHEMA_VERSION = len(migrations._migrations)


def apply_migrations(db: Database) -> None:
    """Bring a library up to SCHEMA_VERSION; each migration is its own transaction.

    The file is marked as ours first, so a first start cut short after some migrations is
    still recognised (and finished) on the next open instead of refused as foreign.
    """
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def pending_count(db: Database) -> int:
    return len(migrations.pending(db))
