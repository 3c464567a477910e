"""`reviewer bundle export|import`: two reviewers exchange bundles both ways; output shapes; exit codes (#18)."""

from __future__ import annotations

import json
import sqlite3

from reviewer.core.store import Store
from tests.bundle_helpers import add_article, dump

KINDS = ["articles", "claims", "reviews", "peer_reviews", "final_decisions", "evidence", "files", "scales", "history"]


def named_library(path, name):
    with Store.open(path) as store:
        store.adopt_reviewer_name(name)


def kinds(out):
    """The per-kind lines of ``bundle import`` as {kind: (added, updated, kept, unchanged, skipped)}."""
    rows = [line.split("\t") for line in out.splitlines() if not line.startswith("article\t")]
    assert [r[0] for r in rows] == KINDS
    return {r[0]: tuple(int(v) for v in r[1:]) for r in rows}


def claim_of(db, gid):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id FROM claims WHERE gid = ?", (gid,)).fetchone()[0]
    finally:
        conn.close()


def test_two_reviewers_review_one_article_and_exchange_bundles_both_ways(run_cli, tmp_path):
    a, b = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    with Store.open(a) as store:
        store.adopt_reviewer_name("alice")
        article, claims = add_article(store, "Coimbra")
        gids = [store.gid_of("claims", c) for c in claims]
    code, out, err = run_cli("verdict", str(claims[0]), "supported", "--note", "the table agrees", "--db", str(a))
    assert code == 0, err
    code, out, err = run_cli("verdict", str(claims[1]), "misleading", "--db", str(a))
    assert code == 0, err

    code, out, err = run_cli("bundle", "export", "--out", str(tmp_path / "alice.rvbundle"), "--db", str(a))
    assert code == 0, err
    counts = dict(line.split("\t") for line in out.splitlines())
    assert (counts["articles"], counts["claims"], counts["reviews"]) == ("1", "4", "2")
    assert err.startswith("reviewer: bundle written to ") and err.count("\n") == 1

    named_library(b, "bob")
    code, out, err = run_cli("bundle", "import", str(tmp_path / "alice.rvbundle"), "--dry-run", "--db", str(b))
    assert code == 0, err
    assert kinds(out)["articles"] == (1, 0, 0, 0, 0) and kinds(out)["peer_reviews"] == (2, 0, 0, 0, 0)
    assert [line.split("\t")[:6] for line in out.splitlines() if line.startswith("article\t")] == [
        ["article", "new", "4", "2", "0", "0"]
    ]
    assert "dry run: nothing would be written" in err
    code, out, err = run_cli("list", "--db", str(b))
    assert out == ""  # the dry run wrote nothing
    code, out, err = run_cli("bundle", "import", str(tmp_path / "alice.rvbundle"), "--db", str(b))
    assert code == 0, err
    assert kinds(out)["claims"] == (4, 0, 0, 0, 0) and "article\t" not in out

    # Bob reviews the same claims in his library: one agrees, one does not.
    for gid, verdict in ((gids[0], "supported"), (gids[1], "disputed")):
        code, out, err = run_cli("verdict", str(claim_of(b, gid)), verdict, "--db", str(b))
        assert code == 0, err
    code, out, err = run_cli("bundle", "export", "--out", str(tmp_path / "bob.rvbundle"), "--db", str(b))
    assert code == 0, err
    code, out, err = run_cli("bundle", "import", str(tmp_path / "bob.rvbundle"), "--db", str(a))
    assert code == 0, err
    got = kinds(out)
    assert got["articles"] == (0, 0, 0, 1, 0) and got["claims"] == (0, 0, 0, 4, 0)
    assert got["peer_reviews"][0] == 2 and got["reviews"] == (0, 0, 0, 2, 0)  # Alice's own came back unchanged

    with Store.open(a) as store:
        assert store.peer_review(claims[1], "bob").verdict == "disputed"
        assert store.get_review(claims[1]).verdict == "misleading"
        assert [d.claim.id for d in store.disagreements()] == [claims[1]]
    # And back the other way: Alice's bundle again changes nothing in Bob's library.
    code, out, err = run_cli("bundle", "export", "--out", str(tmp_path / "alice2.rvbundle"), "--db", str(a))
    assert code == 0, err
    before = dump(b)
    code, out, err = run_cli("bundle", "import", str(tmp_path / "alice2.rvbundle"), "--db", str(b))
    assert code == 0, err
    assert all(v[0] == v[1] == 0 for k, v in kinds(out).items() if k != "history")
    with Store.open(b) as store:
        assert {r.reviewer: r.verdict for r in store.reviews_of_claim(claim_of(b, gids[1]))} == {
            "bob": "disputed",
            "alice": "misleading",
        }
    assert len(dump(b)) >= len(before)


def test_import_of_files_that_are_not_bundles_exits_2_and_changes_nothing(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite"
    named_library(db, "ann")
    with Store.open(db) as store:
        add_article(store, "Braga")
    code, out, err = run_cli("bundle", "export", "--out", str(tmp_path / "good.rvbundle"), "--db", str(db))
    assert code == 0
    data = (tmp_path / "good.rvbundle").read_bytes()
    (tmp_path / "cut.rvbundle").write_bytes(data[: len(data) // 3])
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    before = dump(db)
    for bad, says in (
        (tmp_path / "cut.rvbundle", "cut short"),
        (tmp_path / "notes.txt", "not an SQLite file"),
        (db, "this library itself"),
        (tmp_path / "missing.rvbundle", "no such file"),
    ):
        for extra in ((), ("--dry-run",)):
            code, out, err = run_cli("bundle", "import", str(bad), *extra, "--db", str(db))
            assert code == 2 and out == "", err
            assert says in err and err.count("\n") == 1 and "Traceback" not in err
    assert dump(db) == before


def test_export_refuses_unknown_names_and_the_library_itself(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite"
    named_library(db, "ann")
    with Store.open(db) as store:
        add_article(store, "Braga")
    for args, says in ((("--reviewer", "zed"), "Unknown reviewer 'zed'"), (("--article", "7"), "no article 7")):
        code, out, err = run_cli("bundle", "export", "--out", str(tmp_path / "x.rvbundle"), *args, "--db", str(db))
        assert code == 2 and says in err, err
    code, out, err = run_cli("bundle", "export", "--out", str(db), "--db", str(db))
    assert code == 2 and "Reviewer library" in err
    assert not (tmp_path / "x.rvbundle").exists()
    code, out, err = run_cli(
        "bundle", "import", str(tmp_path / "x.rvbundle"), "--dry-run", "--db", str(tmp_path / "none.sqlite")
    )
    assert code == 2 and not (tmp_path / "none.sqlite").exists()


def test_import_creates_a_new_library_and_lists_what_it_kept_back(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite"
    named_library(db, "ann")
    with Store.open(db) as store:
        _, claims = add_article(store, "Braga")
        store.set_review(claims[0], verdict="supported")
    run_cli("bundle", "export", "--out", str(tmp_path / "b.rvbundle"), "--db", str(db))
    fresh = tmp_path / "fresh.sqlite"
    code, out, err = run_cli("bundle", "import", str(tmp_path / "b.rvbundle"), "--db", str(fresh))
    assert code == 0 and kinds(out)["articles"][0] == 1, err
    code, out, _ = run_cli("show", "1", "--json", "--db", str(fresh))
    assert json.loads(out)["title"] == "Report on Braga"
