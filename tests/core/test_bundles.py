"""Bundles (#18): export, merge, round trip, newer-wins conflicts, dry run, undo, and files refused as bundles."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from reviewer.core.bundles.export import export_bundle
from reviewer.core.bundles.format import BundleError, BundleReader, content_digest
from reviewer.core.bundles.merge import merge_bundle
from reviewer.core.domain import Verdict, VerdictScale
from reviewer.core.errors import ChangedElsewhere, NotFound, ReviewerError
from reviewer.core.store import Store, attachments_dir
from reviewer.core.team import PeerEvidence
from tests.bundle_helpers import add_article, dump, files, history, loads, records, set_updated

DESK = VerdictScale("desk", "Desk scale", (Verdict("ok", "OK", "#00aa00"), Verdict("bad", "Bad", "#aa0000")))


def same(store, other, claim_id):
    """The id in ``store`` of ``other``'s claim ``claim_id`` (the same gid)."""
    gid = other.gid_of("claims", claim_id)
    return store.conn.execute("SELECT id FROM claims WHERE gid = ?", (gid,)).fetchone()[0]


def library(path, name):
    store = Store.open(path, reviewer=name)
    store.adopt_reviewer_name(name)
    return store


@pytest.fixture
def alice(tmp_path):
    """Alice's library: two articles, own reviews, Bob's review, a decision, evidence with a file, a scale."""
    store = library(tmp_path / "alice.sqlite", "alice")
    _, c1 = add_article(store, "Lisbon")
    _, c2 = add_article(store, "Porto")
    store.set_review(c1[0], verdict="supported", note="Checked *the* figures", confidence=80)
    store.set_review(c1[1], verdict="disputed")
    store.upsert_peer_review(
        c1[0],
        "bob",
        verdict="misleading",
        note="Bob's view",
        updated_at="2024-05-01T10:00:00Z",
        evidence=[PeerEvidence(url="https://bob.example/source")],
    )
    store.set_final_decision_change(c1[0], "misleading", note="Editor: Bob is right")
    proof = tmp_path / "proof.pdf"
    proof.write_bytes(b"%PDF-1.4 the table")
    store.add_evidence(c1[0], url="https://stats.example/t1", title="Table 1", file=proof)
    store.add_evidence(c2[2], quote="Only a quote, no review")  # evidence of a claim without a review
    store.save_scale(DESK)
    store.set_active_scale("desk")
    store.set_review(c2[0], verdict="ok")
    store.set_active_scale("default" if "default" in [s.id for s in store.scales()] else store.scales()[0].id)
    store.set_dismissed(c2[3], True)
    yield store
    store.close()


def test_round_trip_a_to_empty_b_and_back_keeps_every_record(alice, tmp_path):
    first = export_bundle(alice, tmp_path / "a.rvbundle")
    assert first.counts["articles"] == 2 and first.counts["claims"] == 8 and first.counts["files"] == 1
    with library(tmp_path / "b.sqlite", "alice") as b:  # Alice's second machine
        report = merge_bundle(b, tmp_path / "a.rvbundle").report
        assert report.counts["articles"].added == 2 and report.counts["reviews"].added == 3
        assert report.counts["peer_reviews"].added == 1 and report.counts["final_decisions"].added == 1
        assert not report.skipped
        export_bundle(b, tmp_path / "b.rvbundle")
    assert records(tmp_path / "b.sqlite") == records(tmp_path / "alice.sqlite")
    assert history(tmp_path / "alice.sqlite") <= history(tmp_path / "b.sqlite")
    assert files(attachments_dir(tmp_path / "b.sqlite")) == files(attachments_dir(tmp_path / "alice.sqlite"))

    before = records(tmp_path / "alice.sqlite")
    back = merge_bundle(alice, tmp_path / "b.rvbundle")
    assert records(tmp_path / "alice.sqlite") == before
    counts = back.report.counts
    assert all(counts[k].added == counts[k].updated == 0 for k in counts if k != "history"), back.report.lines()
    assert counts["articles"].unchanged == 2 and counts["claims"].unchanged == 8
    # B's own history of the import came along once; a second import adds nothing at all.
    again = merge_bundle(alice, tmp_path / "b.rvbundle")
    assert again.change.empty and again.report.counts["history"].added == 0


def test_the_bundle_file_is_checked_and_carries_its_manifest(alice, tmp_path):
    summary = export_bundle(alice, tmp_path / "a.rvbundle")
    with BundleReader.open(tmp_path / "a.rvbundle") as reader:
        assert reader.manifest.creator == "alice" and reader.manifest.library_id == alice.library_id()
        assert reader.manifest.sha256 == summary.sha256 == content_digest(reader.conn)
        assert reader.manifest.counts["claims"] == 8
    assert not list(tmp_path.glob(".*.part"))


def test_export_limits_reviews_to_the_reviewers_named(alice, tmp_path):
    summary = export_bundle(alice, tmp_path / "bob.rvbundle", reviewers=["bob"])
    assert summary.counts["reviews"] == 0 and summary.counts["peer_reviews"] == 1
    assert summary.counts["evidence"] == 0 and summary.counts["files"] == 0  # Alice's evidence stays home
    with pytest.raises(ReviewerError, match="Unknown reviewer 'carol'.*alice, bob"):
        export_bundle(alice, tmp_path / "x.rvbundle", reviewers=["carol"])
    with pytest.raises(NotFound):
        export_bundle(alice, tmp_path / "x.rvbundle", article_ids=[99])
    assert not (tmp_path / "x.rvbundle").exists()


def test_export_never_writes_over_a_library(alice, tmp_path):
    with pytest.raises(ReviewerError, match="Reviewer library"):
        export_bundle(alice, tmp_path / "alice.sqlite")
    Store.open(tmp_path / "other.sqlite").close()
    before = dump(tmp_path / "other.sqlite")
    with pytest.raises(ReviewerError, match="Reviewer library"):
        export_bundle(alice, tmp_path / "other.sqlite")
    assert dump(tmp_path / "other.sqlite") == before


def test_two_reviewers_keep_their_own_reviews(alice, tmp_path):
    export_bundle(alice, tmp_path / "a.rvbundle")
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        merge_bundle(bob, tmp_path / "a.rvbundle")
        claim = bob.get_claim(same(bob, alice, alice.claims_for_article(1)[0].id))
        # Alice's reviews are colleagues' reviews here; Bob's own review of the claim is still his.
        assert {r.reviewer: (r.verdict, r.own) for r in bob.reviews_of_claim(claim.id)} == {
            "alice": ("supported", False),
            "bob": ("misleading", True),
        }
        evidence = bob.peer_review(claim.id, "alice").evidence
        assert [e.url for e in evidence] == ["https://stats.example/t1"]
        assert (attachments_dir(tmp_path / "bob.sqlite") / evidence[0].file_name).read_bytes() == b"%PDF-1.4 the table"
        # Bob's review came back as his own, and the evidence beside it as the claim's evidence.
        assert [e.url for e in bob.list_evidence(claim.id)] == ["https://bob.example/source"]


def test_the_same_reviewers_newer_review_wins_and_the_older_goes_to_history(alice, tmp_path):
    claim = alice.claims_for_article(1)[1]
    export_bundle(alice, tmp_path / "a.rvbundle")
    with library(tmp_path / "b.sqlite", "alice") as b:
        merge_bundle(b, tmp_path / "a.rvbundle")
        b_claim = b.get_claim(same(b, alice, claim.id))
        b.set_review(b_claim.id, verdict="unverifiable", note="looked again")
        set_updated(b, b_claim.id, "2030-01-02T00:00:00Z")
        export_bundle(b, tmp_path / "b.rvbundle")
    set_updated(alice, claim.id, "2030-01-01T00:00:00Z")

    report = merge_bundle(alice, tmp_path / "b.rvbundle").report
    assert report.counts["reviews"].updated == 1
    review = alice.get_review(claim.id)
    assert (review.verdict, review.note, review.updated_at) == ("unverifiable", "looked again", "2030-01-02T00:00:00Z")
    entry = next(e for e in alice.history(claim_id=claim.id) if e.action == "review")
    assert entry.before["verdict"] == "disputed" and entry.after["verdict"] == "unverifiable"

    # The other way round this library's version is newer: it stays, the bundle's goes to the history.
    alice.set_review(claim.id, verdict="supported")
    set_updated(alice, claim.id, "2030-01-03T00:00:00Z")
    report = merge_bundle(alice, tmp_path / "b.rvbundle").report
    assert report.counts["reviews"].kept == 1 and report.kept
    assert alice.get_review(claim.id).verdict == "supported"
    kept = next(e for e in alice.history(claim_id=claim.id) if e.action == "review_kept")
    assert kept.before["verdict"] == "unverifiable" and kept.after["verdict"] == "supported"


def test_a_colleagues_newer_review_replaces_their_older_one(alice, tmp_path):
    claim_id = alice.claims_for_article(1)[0].id
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        export_bundle(alice, tmp_path / "a.rvbundle")
        merge_bundle(bob, tmp_path / "a.rvbundle")
        b_claim = same(bob, alice, claim_id)
        bob.set_review(b_claim, verdict="supported", note="changed my mind")
        export_bundle(bob, tmp_path / "b.rvbundle")
    report = merge_bundle(alice, tmp_path / "b.rvbundle").report
    assert report.counts["peer_reviews"].updated == 1
    mine = alice.peer_review(claim_id, "bob")
    assert (mine.verdict, mine.note) == ("supported", "changed my mind")
    assert [e.url for e in mine.evidence] == ["https://bob.example/source"]  # evidence is kept, never replaced
    assert any(
        e.action == "peer_review" and e.before["verdict"] == "misleading" for e in alice.history(claim_id=claim_id)
    )


def test_claims_match_by_span_and_new_ones_are_added(tmp_path):
    with library(tmp_path / "a.sqlite", "ann") as a, library(tmp_path / "b.sqlite", "ben") as b:
        _, a_claims = add_article(a, "Faro")
        _, b_claims = add_article(b, "Faro")  # the same text imported separately: other gids, same spans
        a.add_claim(1, 0, 10)
        a.set_review(a_claims[0], verdict="supported")
        export_bundle(a, tmp_path / "a.rvbundle")
        report = merge_bundle(b, tmp_path / "a.rvbundle").report
        assert report.counts["articles"].unchanged == 1
        assert (report.counts["claims"].unchanged, report.counts["claims"].added) == (4, 1)
        assert b.peer_review(b_claims[0], "ann").verdict == "supported"
        assert len(b.claims_for_article(1)) == 5


def test_dry_run_reports_exactly_and_changes_nothing(alice, tmp_path):
    export_bundle(alice, tmp_path / "a.rvbundle")
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        add_article(bob, "Lisbon")
        before, folder = dump(tmp_path / "bob.sqlite"), files(attachments_dir(tmp_path / "bob.sqlite"))
        dry = merge_bundle(bob, tmp_path / "a.rvbundle", dry_run=True)
        assert dump(tmp_path / "bob.sqlite") == before
        assert files(attachments_dir(tmp_path / "bob.sqlite")) == folder == {}
        assert dry.change.empty and dry.report.dry_run
        assert {a.title: a.new for a in dry.report.articles} == {"Report on Lisbon": False, "Report on Porto": True}
        real = merge_bundle(bob, tmp_path / "a.rvbundle")
        assert real.report.lines() == dry.report.lines()
        assert [a.line() for a in real.report.articles] == [a.line() for a in dry.report.articles]


def test_a_merge_is_one_change_that_reverts_and_redoes(alice, tmp_path):
    export_bundle(alice, tmp_path / "a.rvbundle")
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        _, mine = add_article(bob, "Lisbon")
        bob.set_review(mine[0], verdict="disputed")
        before = records(tmp_path / "bob.sqlite")
        change = merge_bundle(bob, tmp_path / "a.rvbundle").change
        after = records(tmp_path / "bob.sqlite")
        assert after != before and len(after["articles"]) == 2
        redo = bob.revert_change(change)
        assert records(tmp_path / "bob.sqlite") == before
        undo = bob.revert_change(redo)
        assert records(tmp_path / "bob.sqlite") == after
        # A change made elsewhere to what the merge wrote is never overwritten by its undo.
        with Store.open(tmp_path / "bob.sqlite") as other:
            claim = same(other, alice, alice.claims_for_article(2)[0].id)  # Porto: new in Bob's library
            other.upsert_peer_review(claim, "alice", verdict="disputed", updated_at="2031-01-01T00:00:00Z")
        changed = records(tmp_path / "bob.sqlite")
        with pytest.raises(ChangedElsewhere):
            bob.revert_change(undo)
        assert records(tmp_path / "bob.sqlite") == changed


# ---------------------------------------------------------------------- files that are not bundles
def _broken(kind, bundle, tmp_path, library_path):
    path = tmp_path / f"{kind}.rvbundle"
    if kind == "truncated":
        data = bundle.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind in ("tampered", "newer", "hostile-name"):
        shutil.copy(bundle, path)
        conn = sqlite3.connect(path)
        if kind == "tampered":
            conn.execute("UPDATE reviews SET verdict = 'disputed' WHERE verdict = 'supported'")
        elif kind == "newer":
            conn.execute("UPDATE manifest SET value = '2' WHERE key = 'format_version'")
            conn.execute("PRAGMA user_version = 2")
        conn.commit()
        conn.close()
    elif kind == "text":
        path.write_text("articles,claims\n1,2\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "other-sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE manifest (key, value)")
        conn.commit()
        conn.close()
    elif kind == "a-library":
        Store.open(path).close()
    elif kind == "this-library":
        return library_path
    return path


BAD = {
    "truncated": "damaged or cut short",
    "tampered": "changed or damaged after it was written",
    "newer": r"newer version of Reviewer \(bundle format 2",
    "text": "not an SQLite file",
    "empty": "not a Reviewer bundle",
    "other-sqlite": "not a Reviewer bundle",
    "a-library": "is a Reviewer library, not a bundle",
    "this-library": "is this library itself",
}


@pytest.mark.parametrize("kind", list(BAD))
def test_a_file_that_is_not_a_good_bundle_is_refused_and_nothing_changes(alice, tmp_path, kind):
    export_bundle(alice, tmp_path / "a.rvbundle")
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        add_article(bob, "Lisbon")
        bad = _broken(kind, tmp_path / "a.rvbundle", tmp_path, tmp_path / "bob.sqlite")
        before = dump(tmp_path / "bob.sqlite")
        for dry_run in (True, False):
            with pytest.raises(BundleError, match=BAD[kind]) as caught:
                merge_bundle(bob, bad, dry_run=dry_run)
            assert "\n" not in str(caught.value) and "imported" in str(caught.value)
        assert dump(tmp_path / "bob.sqlite") == before
        assert files(attachments_dir(tmp_path / "bob.sqlite")) == {}


def test_a_crafted_file_name_is_refused_and_nothing_is_written_outside(alice, tmp_path):
    export_bundle(alice, tmp_path / "a.rvbundle")
    conn = sqlite3.connect(tmp_path / "a.rvbundle")
    conn.execute("UPDATE files SET name = '../../escaped.txt'")
    conn.execute("UPDATE evidence SET file_name = '../../escaped.txt' WHERE file_name IS NOT NULL")
    conn.execute("UPDATE manifest SET value = ? WHERE key = 'sha256'", (content_digest(conn),))  # a valid checksum
    conn.commit()
    conn.close()
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        report = merge_bundle(bob, tmp_path / "a.rvbundle").report
    assert not (tmp_path.parent / "escaped.txt").exists() and not list(tmp_path.rglob("escaped.txt"))
    assert any("'../../escaped.txt': not a name Reviewer gives attached files" in s for s in report.skipped)
    assert report.counts["files"].skipped >= 1 and report.counts["articles"].added == 2


def test_reports_of_skipped_items_name_each(alice, tmp_path):
    export_bundle(alice, tmp_path / "a.rvbundle")
    conn = sqlite3.connect(tmp_path / "a.rvbundle")
    conn.execute('UPDATE claims SET "end" = "end" + 5000 WHERE rowid = (SELECT min(rowid) FROM claims)')
    conn.execute("UPDATE manifest SET value = ? WHERE key = 'sha256'", (content_digest(conn),))
    conn.commit()
    conn.close()
    with library(tmp_path / "bob.sqlite", "bob") as bob:
        report = merge_bundle(bob, tmp_path / "a.rvbundle").report
    assert report.counts["claims"].skipped == 1
    assert any("span does not fit" in s for s in report.skipped)


def test_reviews_that_break_the_rules_are_skipped_with_the_reason(alice, tmp_path):
    export_bundle(alice, tmp_path / "a.rvbundle")
    conn = sqlite3.connect(tmp_path / "a.rvbundle")
    conn.execute("UPDATE reviews SET confidence = 250 WHERE confidence IS NOT NULL")
    conn.execute("UPDATE peer_reviews SET note = ?", ("x" * 100_001,))
    conn.execute("UPDATE manifest SET value = ? WHERE key = 'sha256'", (content_digest(conn),))
    conn.commit()
    conn.close()
    with library(tmp_path / "carol.sqlite", "carol") as carol:
        report = merge_bundle(carol, tmp_path / "a.rvbundle").report
        assert carol.conn.execute("SELECT count(*) FROM peer_reviews WHERE length(note) > 100000").fetchone()[0] == 0
    # Alice's other two reviews and her evidence of a claim she gave no review (kept beside it) came in.
    assert report.counts["peer_reviews"].skipped == 2 and report.counts["peer_reviews"].added == 3
    assert any("confidence 250 is not a percentage" in s for s in report.skipped)
    assert any("note is over the 100,000-character limit" in s for s in report.skipped)
    assert loads('{"a": 1}') == {"a": 1}
