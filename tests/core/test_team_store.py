"""Team review in the store (#18): colleagues' reviews, final decisions, disagreements, undo."""

from __future__ import annotations

import pytest

from reviewer.core.changes import REVIEW
from reviewer.core.domain import Review
from reviewer.core.errors import ReviewerError
from reviewer.core.store import Store
from reviewer.core.team import FinalDecision, PeerEvidence, ReviewerReview, disagree, effective_verdict
from tests.safety.helpers import article_doc

T0 = "2024-05-01T10:00:00Z"


@pytest.fixture
def lib(tmp_path):
    """A library signed by ana with two articles of three claims each."""
    with Store.open(tmp_path / "team.sqlite", reviewer="ana") as store:
        ids = []
        for tag in ("one", "two"):
            doc, spans = article_doc(3, tag)
            article = store.add_article(doc, spans)
            ids.append([c.id for c in store.claims_for_article(article.id)])
        yield store, ids


def audit_actions(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT action FROM audit ORDER BY id")]


def test_reviews_of_a_claim_are_the_own_review_then_colleagues_by_name(lib):
    store, [[c1, c2, c3], _] = lib
    assert store.reviews_of_claim(c1) == []
    store.set_review(c1, verdict="supported", confidence=80, note="own")
    store.set_review(c2, confidence=10)  # neither verdict nor note: not a review to compare
    store.upsert_peer_review(c1, "zoe", verdict="disputed", updated_at=T0)
    store.upsert_peer_review(
        c1,
        "bob",
        verdict="supported",
        confidence=55,
        note="peer",
        updated_at=T0,
        evidence=[PeerEvidence(url="https://example.org/a", title="A")],
    )
    reviews = store.reviews_of_claim(c1)
    assert [(r.reviewer, r.verdict, r.own) for r in reviews] == [
        ("ana", "supported", True),
        ("bob", "supported", False),
        ("zoe", "disputed", False),
    ]
    assert reviews[0].confidence == 80 and reviews[0].note == "own"
    assert reviews[1].evidence == (PeerEvidence(url="https://example.org/a", title="A"),)
    assert reviews[1].updated_at == T0
    assert store.reviews_of_claim(c2) == []
    assert store.reviews_of_claims([c1, c2, c3]) == {c1: reviews, c2: [], c3: []}
    assert store.peer_reviewer_names() == ["bob", "zoe"]
    assert store.has_peer_reviews() and store.has_peer_reviews(store.get_claim(c1).article_id)
    assert not store.has_peer_reviews(store.get_claim(lib[1][1][0]).article_id)


def test_a_peer_review_is_replaced_in_place_kept_in_history_and_undone(lib):
    store, [[c1, *_], _] = lib
    first = store.upsert_peer_review(c1, "bob", verdict="disputed", note="first", updated_at=T0, gid="g-bob-1")
    gid = store.peer_review(c1, "bob").gid
    assert gid == "g-bob-1"
    second = store.upsert_peer_review(
        c1, "bob", verdict="supported", note="second", updated_at="2024-06-01T00:00:00Z", gid="other"
    )
    now = store.peer_review(c1, "bob")
    assert (now.verdict, now.note, now.gid) == ("supported", "second", "g-bob-1")
    assert audit_actions(store)[-2:] == ["peer_review", "peer_review"]
    row = store.conn.execute("SELECT before FROM audit WHERE action = 'peer_review' ORDER BY id DESC").fetchone()
    assert '"first"' in row[0]  # the replaced review is in the history
    assert second.kinds == frozenset({REVIEW}) and second.claim_ids == (c1,)
    redo = store.revert_change(second)
    assert store.peer_review(c1, "bob").note == "first"
    store.revert_change(first)
    assert store.peer_review(c1, "bob") is None
    store.revert_change(redo)
    assert store.peer_review(c1, "bob") == now


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"reviewer": " ", "verdict": "supported"}, "name"),
        ({"reviewer": "bob", "verdict": "no-such-verdict"}, "Unknown verdict"),
        ({"reviewer": "bob", "verdict": "supported", "confidence": 101}, "0 to 100"),
        ({"reviewer": "bob", "verdict": "supported", "note": "x" * 100_001}, "at most"),
    ],
)
def test_a_bad_peer_review_is_refused_and_nothing_is_written(lib, kwargs, message):
    store, [[c1, *_], _] = lib
    audit = audit_actions(store)
    reviewer = kwargs.pop("reviewer")
    with pytest.raises(ReviewerError, match=message):
        store.upsert_peer_review(c1, reviewer, updated_at=T0, **kwargs)
    assert store.conn.execute("SELECT count(*) FROM peer_reviews").fetchone()[0] == 0
    assert audit_actions(store) == audit


def test_whose_review_is_the_own_one(lib):
    store, [[c1, c2, _], _] = lib
    store.adopt_reviewer_name("ana")
    assert store.is_own_reviewer(c1, "ana") and not store.is_own_reviewer(c1, "bob")
    store.set_review(c2, verdict="supported", who="carl")
    assert store.is_own_reviewer(c2, "carl") and not store.is_own_reviewer(c2, "ana")


def test_a_final_decision_is_on_the_active_scale_audited_and_undoable(lib):
    store, [[c1, *_], _] = lib
    store.set_review(c1, verdict="supported")
    store.upsert_peer_review(c1, "bob", verdict="disputed", updated_at=T0)
    with pytest.raises(ReviewerError, match="Unknown verdict"):
        store.set_final_decision_change(c1, "maybe")
    with pytest.raises(ReviewerError, match="needs a verdict"):
        store.set_final_decision_change(c1, "  ")
    assert store.final_decision(c1) is None
    change = store.set_final_decision_change(c1, "disputed", "the source was retracted", who="editor")
    decision = store.final_decision(c1)
    assert (decision.verdict, decision.note, decision.decided_by) == ("disputed", "the source was retracted", "editor")
    assert decision.gid and change.kinds == frozenset({REVIEW}) and change.claim_ids == (c1,)
    assert audit_actions(store)[-1] == "final_decision"
    assert store.set_final_decision_change(c1, "disputed", "the source was retracted").empty
    redo = store.revert_change(change)
    assert store.final_decision(c1) is None
    store.revert_change(redo)
    assert store.final_decision(c1) == decision
    cleared = store.clear_final_decision_change(c1)
    assert store.final_decision(c1) is None and store.final_decisions_for([c1]) == {}
    store.revert_change(cleared)
    assert store.final_decisions_for([c1]) == {c1: decision}
    assert store.clear_final_decision_change(c1 + 1).empty


def test_disagreements_are_claims_with_different_verdicts(lib):
    store, [[a1, a2, a3], [b1, b2, _]] = lib
    store.set_review(a1, verdict="supported")
    store.upsert_peer_review(a1, "bob", verdict="disputed", updated_at=T0)  # disagree
    store.set_review(a2, verdict="supported")
    store.upsert_peer_review(a2, "bob", verdict="supported", updated_at=T0)  # agree
    store.upsert_peer_review(a3, "bob", verdict="disputed", updated_at=T0)
    store.upsert_peer_review(a3, "cleo", verdict=None, note="not sure", updated_at=T0)  # no second verdict
    store.upsert_peer_review(b1, "bob", verdict="misleading", updated_at=T0)
    store.upsert_peer_review(b1, "cleo", verdict="unverifiable", updated_at=T0)  # two colleagues disagree
    store.set_final_decision_change(b1, "misleading")
    found = store.disagreements()
    assert [d.claim.id for d in found] == [a1, b1]
    assert [r.reviewer for r in found[0].reviews] == ["ana", "bob"] and not found[0].settled
    assert found[1].decision.verdict == "misleading" and found[1].settled
    article_two = store.get_claim(b1).article_id
    assert [d.claim.id for d in store.disagreements(article_two)] == [b1]
    assert b2 not in {d.claim.id for d in found}


def test_deleting_a_claim_and_undoing_keeps_its_ids_colleagues_and_decision(lib):
    store, [[c1, *_], _] = lib
    store.set_review(c1, verdict="supported")
    store.upsert_peer_review(
        c1,
        "bob",
        verdict="disputed",
        updated_at=T0,
        evidence=[PeerEvidence(quote="q", file_name="f.pdf", original_name="F.pdf")],
    )
    store.set_final_decision_change(c1, "disputed")
    before = (
        store.gid_of("claims", c1),
        store.gid_of("reviews", c1),
        store.reviews_of_claim(c1),
        store.final_decision(c1),
    )
    change = store.delete_claims_change([c1])
    assert store.conn.execute("SELECT count(*) FROM peer_reviews").fetchone()[0] == 0
    redo = store.revert_change(change)
    assert (
        store.gid_of("claims", c1),
        store.gid_of("reviews", c1),
        store.reviews_of_claim(c1),
        store.final_decision(c1),
    ) == before
    store.revert_change(redo)
    # put back from the history too (the snapshot read from the audit log's JSON)
    entry = max((e for e in store.history(claim_id=c1) if e.action == "claim_delete"), key=lambda e: e.id)
    store.revert(entry.id)
    assert (store.gid_of("claims", c1), store.reviews_of_claim(c1), store.final_decision(c1)) == (
        before[0],
        before[2],
        before[3],
    )


def test_reextraction_keeps_a_claim_only_a_colleague_reviewed(lib):
    store, [[c1, c2, c3], _] = lib
    store.upsert_peer_review(c2, "bob", verdict="disputed", updated_at=T0)
    store.set_final_decision_change(c3, "supported")
    article_id = store.get_claim(c1).article_id
    store.replace_auto_claims(article_id, [])
    assert [c.id for c in store.claims_for_article(article_id)] == [c2, c3]


def test_the_effective_verdict_is_the_decision_else_the_own_review():
    own = Review(1, "supported")
    decision = FinalDecision(1, "disputed", decided_by="ed", decided_at=T0)
    assert effective_verdict(own, None) == "supported"
    assert effective_verdict(own, decision) == "disputed"
    assert effective_verdict(None, decision) == "disputed"
    assert effective_verdict(None, None) is None and effective_verdict(Review(1), None) is None
    bob, ann, empty = (
        ReviewerReview(1, "bob", "disputed"),
        ReviewerReview(1, "ann", "supported"),
        ReviewerReview(1, "cy", None, note="?"),
    )
    assert disagree([bob, ann]) and not disagree([bob, empty]) and not disagree([ann, ann]) and not disagree([])
