"""Near-duplicates in a library made before signatures existed: migration m003, then signing on first use."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Migrations

from reviewer.core import near_duplicates as nd
from reviewer.core import schema
from reviewer.core.backup import list_backups
from reviewer.core.ingest import import_paths
from reviewer.core.store import Store
from reviewer.core.store import signatures
from tests.core.near_duplicate_texts import ORIGINAL, SAME_TOPIC, with_added_paragraph, with_changed_word

OLD_ARTICLES = [
    ("Council votes to close two libraries", ORIGINAL),
    ("Longer copy", with_added_paragraph()),
    ("Another paper's story", SAME_TOPIC),
]


def _v2_library(path, monkeypatch) -> None:
    """A library as Reviewer with format 2 wrote it (m001 and m002), holding a story and a near copy."""
    old = Migrations("reviewer")
    old._migrations.extend(m for m in schema.migrations._migrations if m.name in ("m001_initial", "m002_factchecks"))
    with monkeypatch.context() as m:
        m.setattr(schema, "migrations", old)
        m.setattr(schema, "SCHEMA_VERSION", 2)
        with Store.open(path, reviewer="tester") as store:
            store.conn.execute("BEGIN")
            for i, (title, text) in enumerate(OLD_ARTICLES):
                store.conn.execute(
                    "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
                    " VALUES (?, '2024-01-01T00:00:00Z', 'txt', ?, ?)",
                    (title, text, f"h{i}"),
                )
            store.conn.execute("COMMIT")


def test_a_format_2_library_is_migrated_then_signed_on_the_first_import(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    _v2_library(path, monkeypatch)
    probe = sqlite3.connect(path)
    assert probe.execute("PRAGMA user_version").fetchone()[0] == 2
    assert not probe.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_signatures'").fetchone()
    probe.close()

    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 3
        assert store.unsigned_article_ids() == [1, 2, 3]
        assert store.near_duplicate_of(2) is None  # not signed yet: nothing is claimed
        (tmp_path / "corrected.txt").write_text("Corrected\n\n" + with_changed_word(), encoding="utf-8")
        report = import_paths(store, [tmp_path / "corrected.txt"], extract=False)
        [(new_id, _)] = report.added
        assert store.unsigned_article_ids() == []
        assert store.near_duplicate_of(2).original_id == 1
        assert store.near_duplicate_of(3) is None
        assert store.near_duplicate_of(new_id).original_id == 1
        assert store.integrity_ok()
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    [backup] = list_backups(path)
    assert backup.reason == "migration"
    with Store.open(path):  # migrated once
        pass
    assert len(list_backups(path)) == 1


def test_signing_an_old_library_runs_in_batches_and_stops_when_cancelled(store, monkeypatch):
    for title, text in OLD_ARTICLES:
        store.conn.execute(
            "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
            " VALUES (?, '2024-01-01T00:00:00Z', 'txt', ?, ?)",
            (title, text, title),
        )
    store.conn.commit()
    monkeypatch.setattr(signatures, "SIGN_BATCH", 1)
    assert store.sign_pending_articles(cancelled=lambda: True) == 0
    assert store.unsigned_article_ids() == [1, 2, 3]
    seen = []
    asked = iter([False, True])
    assert store.sign_pending_articles(cancelled=lambda: next(asked), progress=lambda d, t: seen.append((d, t))) == 1
    assert seen == [(1, 3)] and store.unsigned_article_ids() == [2, 3]
    assert store.sign_pending_articles() == 2
    assert store.near_duplicate_of(2).original_id == 1
    assert store.sign_pending_articles() == 0  # remembered: no query


def test_an_article_signed_after_a_later_copy_flags_that_copy(store):
    """Whatever order articles are signed in, the later of two near-duplicates is the one flagged."""
    for title, text in OLD_ARTICLES[:2]:
        store.conn.execute(
            "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
            " VALUES (?, '2024-01-01T00:00:00Z', 'txt', ?, ?)",
            (title, text, title),
        )
    store.conn.commit()
    with store.write():
        assert store._record_signature(2, nd.TextSignature.of(OLD_ARTICLES[1][1])) is None  # 1 not signed yet
        assert store._record_signature(1, nd.TextSignature.of(OLD_ARTICLES[0][1])) is None
    near = store.near_duplicate_of(2)
    assert (
        near is not None
        and near.original_id == 1
        and near.similarity
        == pytest.approx(nd.jaccard(nd.shingle_hashes(ORIGINAL), nd.shingle_hashes(with_added_paragraph())))
    )


def test_a_signature_of_another_scheme_is_made_again(store):
    store.conn.execute(
        "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
        " VALUES ('Old', '2024-01-01T00:00:00Z', 'txt', ?, 'h')",
        (ORIGINAL,),
    )
    store.conn.execute("INSERT INTO article_signatures (article_id, scheme, signature) VALUES (1, 'minhash-v0', x'00')")
    store.conn.execute("INSERT INTO article_signature_bands VALUES (42, 1)")
    store.conn.commit()
    assert store.unsigned_article_ids() == [1]
    assert store.sign_pending_articles() == 1
    rows = store.conn.execute("SELECT scheme, length(signature) FROM article_signatures").fetchall()
    assert rows == [(nd.SCHEME, nd.PERMUTATIONS * 4)]
    keys = {r[0] for r in store.conn.execute("SELECT band_key FROM article_signature_bands")}
    assert keys == set(nd.TextSignature.of(ORIGINAL).band_keys())
