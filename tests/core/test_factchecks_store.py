"""Fact-check collections in the library: dedupe, list, remove with embeddings, search, audit, migration (#17)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Migrations

from reviewer.core import schema
from reviewer.core.backup import list_backups
from reviewer.core.errors import NotFound, ReviewerError
from reviewer.core.factchecks import FactcheckRecord
from reviewer.core.factchecks.files import import_factcheck_files
from reviewer.core.store import Store


def rec(claim: str, url: str | None = None, publisher: str | None = "Desk", verdict: str | None = "False"):
    return FactcheckRecord(claim=claim, url=url, publisher=publisher, verdict=verdict)


def counts(store):
    return {c.name: c.count for c in store.factcheck_collections()}


def test_import_list_and_reimport(store):
    result = store.import_factchecks("Desk checks", [rec("One.", "https://c.example/1"), rec("Two.")], "a.csv")
    assert (result.collection, result.imported, result.duplicates) == ("Desk checks", 2, 0)
    again = store.import_factchecks(
        "Desk checks", [rec("One.", "https://c.example/1"), rec("Two."), rec("Three.")], "b.csv"
    )
    assert (again.imported, again.duplicates) == (1, 2)
    [collection] = store.factcheck_collections()
    assert (collection.name, collection.count, collection.source) == ("Desk checks", 3, "a.csv, b.csv")
    audit = store.conn.execute(
        "SELECT action, entity, after FROM audit WHERE entity = 'factcheck_collection' ORDER BY id"
    ).fetchall()
    assert [(a, e) for a, e, _ in audit] == [("import", "factcheck_collection")] * 2
    assert '"imported": 1' in audit[1][2] and '"duplicates": 2' in audit[1][2]


def test_an_import_that_adds_nothing_changes_nothing(store):
    store.import_factchecks("A", [rec("One.", "https://c.example/1")], "a.csv")
    audits = store.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    into_new = store.import_factchecks("B", [rec("Other text.", "https://c.example/1")], "b.csv")
    into_old = store.import_factchecks("A", [rec("One.", "https://c.example/1")], "c.csv")
    assert (into_new.imported, into_new.duplicates, into_old.imported, into_old.duplicates) == (0, 1, 0, 1)
    assert [(c.name, c.count, c.source) for c in store.factcheck_collections()] == [("A", 1, "a.csv")]
    assert store.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == audits


def test_dedupe_by_url_ignores_scheme_slash_fragment_and_host_case(store):
    store.import_factchecks("A", [rec("One.", "https://www.Checks.example/fact/1/")])
    result = store.import_factchecks(
        "B", [rec("Other words.", "http://checks.example/fact/1#top"), rec("One.", "https://checks.example/fact/2")]
    )
    assert (result.imported, result.duplicates) == (1, 1)
    assert counts(store) == {"A": 1, "B": 1}


def test_dedupe_by_claim_and_publisher_without_url(store):
    result = store.import_factchecks(
        "A",
        [
            rec("The “rate” rose  to 5%."),
            rec('the "rate" rose to 5%.'),  # same claim, same publisher
            rec("The “rate” rose to 5%.", publisher="Other Desk"),  # another publisher's check
            rec("The rate rose to 6%."),
        ],
    )
    assert (result.imported, result.duplicates) == (3, 1)


def test_an_import_is_one_transaction(store):
    class Broken(list):
        def __iter__(self):
            yield rec("One.")
            raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        store.import_factchecks("A", Broken([rec("One.")]))
    assert store.factcheck_collections() == [] and store.factcheck_count() == 0


@pytest.mark.parametrize("name", ["", "   ", "\n", "x" * 101])
def test_a_bad_collection_name_is_refused(store, name):
    with pytest.raises(ReviewerError, match="collection"):
        store.import_factchecks(name, [rec("One.")])
    assert store.factcheck_collections() == []


def test_remove_takes_records_and_their_embeddings_only(store):
    store.import_factchecks("A", [rec("One."), rec("Two.")])
    store.import_factchecks("B", [rec("Three.")])
    ids = {f.claim: f.id for f in store.factchecks_in_collection("A") + store.factchecks_in_collection("B")}
    with store.write():
        for source, record_id in [
            ("factcheck", ids["One."]),
            ("factcheck", ids["Two."]),
            ("factcheck", ids["Three."]),
            ("claim", ids["One."]),
        ]:
            store.conn.execute(
                "INSERT INTO embeddings (source, record_id, model, vector) VALUES (?, ?, 'm', x'00')",
                (source, record_id),
            )
    assert store.remove_factcheck_collection("A") == 2
    assert counts(store) == {"B": 1}
    left = store.conn.execute("SELECT source, record_id FROM embeddings ORDER BY 1, 2").fetchall()
    assert left == [("claim", ids["One."]), ("factcheck", ids["Three."])]
    assert store.search_factchecks("One") == []
    before = store.conn.execute(
        "SELECT before FROM audit WHERE action = 'remove' AND entity = 'factcheck_collection'"
    ).fetchone()[0]
    assert '"records": 2' in before and '"name": "A"' in before
    with pytest.raises(NotFound, match="no fact-check collection named 'A'"):
        store.remove_factcheck_collection("A")


def test_deleting_one_record_drops_its_embedding(store):
    store.import_factchecks("A", [rec("One.")])
    [f] = store.factchecks_in_collection("A")
    with store.write():
        store.conn.execute(
            "INSERT INTO embeddings (source, record_id, model, vector) VALUES ('factcheck', ?, 'm', x'00')", (f.id,)
        )
        store.conn.execute("DELETE FROM factchecks WHERE id = ?", (f.id,))
    assert store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 0


def test_search_and_fetch_by_ids(store):
    store.import_factchecks(
        "A",
        [
            FactcheckRecord(claim="Le ministère a dépensé 3 millions.", title="Dépenses", publisher="Désintox"),
            FactcheckRecord(claim="<b>Vaccines</b> contain <script>alert(1)</script> chips.", publisher="Desk"),
            FactcheckRecord(claim="Unrelated claim about fishing quotas.", publisher="Desk"),
        ],
    )
    assert [f.claim for f in store.search_factchecks("ministere depense")] == ["Le ministère a dépensé 3 millions."]
    assert [f.publisher for f in store.search_factchecks("desintox")] == ["Désintox"]
    [html] = store.search_factchecks("vaccines chips")
    assert (
        html.claim == "<b>Vaccines</b> contain <script>alert(1)</script> chips."
    )  # stored as text, escaped on display
    assert store.search_factchecks("") == [] and store.search_factchecks('"') == []
    ids = [f.id for f in store.factchecks_in_collection("A")]
    got = store.factchecks_by_ids([ids[2], 999_999, ids[0], ids[2]])
    assert [f.id for f in got] == [ids[2], ids[0], ids[2]]
    assert got[0].collection == "A"


def test_import_files_reports_each_file_and_changes_nothing_for_a_bad_one(store, tmp_path):
    good = tmp_path / "desk.csv"
    good.write_text("claim,verdict\nOne.,False\n,True\nTwo.,True\n", encoding="utf-8")
    bad = tmp_path / "broken.json"
    bad.write_text('[{"@type": "ClaimReview", "claimReviewed": "x"', encoding="utf-8")
    report = import_factcheck_files(store, [good, bad])
    assert [(f.collection, f.imported, f.duplicates) for f in report.files] == [("desk", 2, 0)]
    assert [str(p) for p in report.files[0].problems] == ["line 3: no claim text"]
    [error] = report.errors
    assert "broken.json" in str(error) and "not valid JSON (line 1" in str(error)
    assert counts(store) == {"desk": 2}
    assert report.summary() == "2 fact-checks imported, 0 duplicates, 1 row skipped, 1 file failed"
    again = import_factcheck_files(store, [good], "Everything")
    assert (again.imported, again.duplicates) == (0, 2)


# ---------------------------------------------------------------------- migration from library format 1


def _v1_library(path, monkeypatch):
    """A library as Reviewer with format 1 wrote it: only m001 applied, an article with a reviewed claim."""
    old = Migrations("reviewer")
    old._migrations.extend(m for m in schema.migrations._migrations if m.name == "m001_initial")
    with monkeypatch.context() as m:
        m.setattr(schema, "migrations", old)
        m.setattr(schema, "SCHEMA_VERSION", 1)
        with Store.open(path, reviewer="tester") as store:
            store.conn.execute("BEGIN")
            store.conn.execute(
                "INSERT INTO articles (title, imported_at, original_format, text, content_hash)"
                " VALUES ('Old article', '2024-01-01T00:00:00Z', 'txt', 'Taxes rose by 5%.', 'h1')"
            )
            store.conn.execute(
                'INSERT INTO claims (article_id, start, "end", text, created_at)'
                " VALUES (1, 0, 17, 'Taxes rose by 5%.', '2024-01-01T00:00:00Z')"
            )
            store.conn.execute("INSERT INTO reviews (claim_id, verdict, note) VALUES (1, 'false', 'checked')")
            store.conn.execute("COMMIT")


def test_a_format_1_library_is_backed_up_then_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    _v1_library(path, monkeypatch)
    probe = sqlite3.connect(path)
    assert probe.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not probe.execute("SELECT 1 FROM sqlite_master WHERE name = 'factchecks'").fetchone()
    probe.close()

    with Store.open(path) as store:
        assert store.get_review(1).verdict == "false"
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION >= 2
        result = store.import_factchecks("Desk", [rec("Taxes rose by 5%.")])
        assert result.imported == 1 and [f.claim for f in store.search_factchecks("taxes")] == ["Taxes rose by 5%."]
        # A claim's embedding goes when its text changes or the claim goes.
        with store.write():
            store.conn.execute("INSERT INTO embeddings VALUES ('claim', 1, 'm', x'00')")
            store.conn.execute("UPDATE claims SET text = 'Taxes rose by 6%.' WHERE id = 1")
        assert store.conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 0
        assert store.integrity_ok()
    [backup] = list_backups(path)
    assert backup.reason == "migration"
    old = sqlite3.connect(backup.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not old.execute("SELECT 1 FROM sqlite_master WHERE name = 'factchecks'").fetchone()
    assert old.execute("SELECT verdict FROM reviews WHERE claim_id = 1").fetchone()[0] == "false"
    old.close()
    with Store.open(path):  # migrated once: no second backup
        pass
    assert len(list_backups(path)) == 1
