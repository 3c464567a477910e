"""Team review (#18) in a library made before it: migration m004 (library id, global ids, new tables)."""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Migrations

from reviewer.core import schema
from reviewer.core.backup import list_backups
from reviewer.core.store import Store
from tests.safety.helpers import article_doc

HEX32 = re.compile(r"^[0-9a-f]{32}$")


def _v3_library(path, monkeypatch) -> None:
    """A library as Reviewer with format 3 wrote it (m001–m003): two articles, claims, a review with a note."""
    old = Migrations("reviewer")
    old._migrations.extend(
        m
        for m in schema.migrations._migrations
        if m.name in ("m001_initial", "m002_factchecks", "m003_near_duplicates")
    )
    with monkeypatch.context() as m:
        m.setattr(schema, "migrations", old)
        m.setattr(schema, "SCHEMA_VERSION", 3)
        with Store.open(path, reviewer="tester") as store:
            store.conn.execute("BEGIN")
            for a in (1, 2):
                store.conn.execute(
                    "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
                    " VALUES (?, '2024-01-01T00:00:00Z', 'txt', 'Taxes rose by 5%. Rents fell.', ?)",
                    (f"Old article {a}", f"h{a}"),
                )
                for start, end in ((0, 17), (18, 29)):
                    store.conn.execute(
                        'INSERT INTO claims (article_id, start, "end", text, created_at)'
                        " VALUES (?, ?, ?, 'x', '2024-01-01T00:00:00Z')",
                        (a, start, end),
                    )
            store.conn.execute(
                "INSERT INTO reviews (claim_id, verdict, note, reviewer)"
                " VALUES (1, 'supported', 'zebra crossing', 'tester')"
            )
            store.conn.execute("COMMIT")


def test_a_format_3_library_is_backed_up_then_given_ids_and_team_tables(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    _v3_library(path, monkeypatch)
    probe = sqlite3.connect(path)
    assert probe.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "gid" not in {r[1] for r in probe.execute("PRAGMA table_info(claims)")}
    probe.close()

    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 4
        library_id = store.library_id()
        assert HEX32.match(library_id)
        gids = {
            t: [r[0] for r in store.conn.execute(f"SELECT gid FROM {t}")] for t in ("articles", "claims", "reviews")
        }
        assert [len(v) for v in gids.values()] == [2, 4, 1]
        every = [g for v in gids.values() for g in v]
        assert all(HEX32.match(g) for g in every) and len(set(every)) == len(every)
        assert store.get_review(1).verdict == "supported"
        assert store.reviews_of_claim(1)[0].gid == gids["reviews"][0]
        assert store.conn.execute("SELECT count(*) FROM peer_reviews").fetchone()[0] == 0
        # The full-text index still follows edits through the narrowed update triggers.
        store.set_review(1, note="giraffe habitat")
        assert [h.claim_id for h in store.search("giraffe")] == [1]
        assert not store.search("zebra")
        store.update_claim(3, end=21)
        assert store.integrity_ok()
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    [backup] = list_backups(path)
    assert backup.reason == "migration"
    old = sqlite3.connect(backup.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    old.close()
    with Store.open(path) as store:  # migrated once: no second backup, the same id
        assert store.library_id() == library_id
        assert [r[0] for r in store.conn.execute("SELECT gid FROM claims")] == gids["claims"]
    assert len(list_backups(path)) == 1


def test_every_new_library_has_its_own_id(tmp_path):
    with Store.open(tmp_path / "a.sqlite") as a, Store.open(tmp_path / "b.sqlite") as b:
        assert HEX32.match(a.library_id()) and HEX32.match(b.library_id())
        assert a.library_id() != b.library_id()


def test_new_rows_get_a_global_id_and_an_imported_one_keeps_its_own(store):
    doc, spans = article_doc(3)
    article = store.add_article(doc, spans)
    claims = store.claims_for_article(article.id)
    store.set_review(claims[0].id, verdict="supported")
    assert HEX32.match(store.gid_of("articles", article.id))
    assert all(HEX32.match(store.gid_of("claims", c.id)) for c in claims)
    assert HEX32.match(store.gid_of("reviews", claims[0].id))
    with store.write():  # a bundle import writes the gid it carries
        store.conn.execute(
            'INSERT INTO claims (article_id, start, "end", text, created_at, gid)'
            " VALUES (?, 0, 3, 'abc', 'now', 'from-another-library')",
            (article.id,),
        )
    assert store.conn.execute("SELECT count(*) FROM claims WHERE gid = 'from-another-library'").fetchone()[0] == 1


def test_writing_a_status_does_not_reindex_the_article_text(store):
    """The FTS update trigger of articles fires on title and text only, not on every column."""
    doc, spans = article_doc(2)
    article = store.add_article(doc, spans)
    changes = store.conn.total_changes
    store.set_status(article.id, "done")
    # one UPDATE of the article and one audit row; an FTS re-index would add several more changes
    assert store.conn.total_changes - changes == 2
