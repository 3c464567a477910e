"""Undo and redo through the store: every undoable edit returns a Change the store reverts.

For each kind of edit (claim add, span edit, split, merge, dismiss, delete, status, evidence
add/edit/remove, scale edit, active scale, revert from the history) the library after undo is
exactly the library before, and after redo exactly the library after, with the same ids.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.core.changes import ARTICLES, CLAIMS, EVIDENCE, REVIEW, SCALE
from reviewer.core.errors import ReviewerError
from reviewer.core.store import Store
from reviewer.core.verdicts import DEFAULT_SCALE_ID

from tests.safety.helpers import make_library


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "library.sqlite"
    make_library(path, n_claims=4, notes=False)
    with Store.open(path, reviewer="ana") as store:
        yield store


def state(store: Store) -> tuple:
    """Everything an edit can touch: claims (with reviews), evidence, statuses, scales."""
    (article,) = store.list_articles()
    claims = store.claims_for_article(article.id)
    evidence = store.evidence_for_claims([c.id for c in claims])
    return (
        tuple(claims),
        tuple(sorted((k, tuple(v)) for k, v in evidence.items())),
        store.get_article(article.id).status,
        tuple(store.scales()),
        store.active_scale().id,
    )


def _comparable(snapshot: tuple) -> tuple:
    claims, evidence, status, scales, active = snapshot
    # A restored review keeps its own time stamps; only what a person sees must come back.
    return (
        tuple(replace(c, review=c.review and replace(c.review, updated_at=None)) for c in claims),
        evidence,
        status,
        scales,
        active,
    )


def roundtrip(store: Store, make) -> None:
    before = _comparable(state(store))
    change = make()
    after = _comparable(state(store))
    assert after != before
    redo = store.revert_change(change)
    assert _comparable(state(store)) == before
    again = store.revert_change(redo)
    assert _comparable(state(store)) == after
    store.revert_change(again)
    assert _comparable(state(store)) == before


def _ids(store: Store) -> list[int]:
    return [c.id for c in store.claims_for_article(store.list_articles()[0].id)]


def test_claim_edits_undo_and_redo_through_the_store(store):
    ids = _ids(store)
    article_id = store.get_claim(ids[0]).article_id
    text = store.get_article(article_id).text
    store.set_review(ids[1], verdict="supported", note="n")
    store.add_evidence(ids[1], url="https://stats.example/t1", title="Table 1")
    roundtrip(store, lambda: store.add_claim_change(article_id, 0, 12))
    roundtrip(store, lambda: store.edit_claim_change(ids[0], start=0, end=8))
    roundtrip(store, lambda: store.split_claim_change(ids[0], text.index(" says", 0)))
    roundtrip(store, lambda: store.merge_claims_change([ids[1], ids[2]]))
    roundtrip(store, lambda: store.dismiss_claims_change(ids[:2], True))
    roundtrip(store, lambda: store.delete_claims_change([ids[1], ids[3]]))
    roundtrip(store, lambda: store.set_status_change(article_id, "done"))


def test_evidence_and_scale_edits_undo_and_redo_through_the_store(store):
    claim_id = _ids(store)[0]
    evidence = store.add_evidence(claim_id, url="https://stats.example/t1", title="Table 1")
    roundtrip(store, lambda: store.add_evidence_change(claim_id, title="Minutes", quote="page 4"))
    roundtrip(store, lambda: store.edit_evidence_change(evidence.id, title="Table 1 (2024)", url=None))
    roundtrip(store, lambda: store.remove_evidence_change(evidence.id))
    scale = store.active_scale()
    renamed = replace(scale, verdicts=(replace(scale.verdicts[0], label="Holds up"), *scale.verdicts[1:]))
    roundtrip(store, lambda: store.save_scale_change(renamed))
    roundtrip(store, lambda: store.set_active_scale_change("politifact"))


def test_a_revert_from_the_history_is_undone_by_the_store(store):
    claim_id = _ids(store)[0]
    store.set_review(claim_id, verdict="supported")
    store.set_review(claim_id, verdict="disputed", note="see table")
    entry = store.history(claim_id=claim_id)[0]
    roundtrip(store, lambda: store.revert(entry.id))
    store.delete_claim(claim_id)
    entry = store.history(limit=1)[0]
    roundtrip(store, lambda: store.revert(entry.id))


def test_changes_name_what_they_touched(store):
    ids = _ids(store)
    change = store.add_claim_change(store.get_claim(ids[0]).article_id, 0, 12)
    assert change.kinds == {CLAIMS, ARTICLES} and change.claim_ids[0] not in ids
    assert store.delete_claims_change([ids[0]]).kinds == {CLAIMS, ARTICLES, REVIEW}
    assert store.add_evidence_change(ids[1], title="x").kinds == {EVIDENCE}
    assert store.set_active_scale_change("snopes").kinds == {SCALE}


def test_a_span_edit_is_trimmed_by_the_store(store):
    claim = store.get_claim(_ids(store)[1])
    text = store.get_article(claim.article_id).text
    store.edit_claim_change(claim.id, start=claim.start - 1, end=claim.end)  # a selection from the space before
    edited = store.get_claim(claim.id)
    assert (edited.start, edited.text) == (claim.start, claim.text)
    assert text[claim.start - 1].isspace()


def test_a_verdict_must_be_on_the_active_scale_but_undo_may_put_an_old_one_back(store):
    claim_id = _ids(store)[0]
    assert "pants-on-fire" not in store.active_scale().keys
    with pytest.raises(ReviewerError, match="active scale"):
        store.set_review(claim_id, verdict="pants-on-fire")  # defined by another scale, not the active one
    store.set_active_scale("politifact")
    change = store.change_review(claim_id, verdict="pants-on-fire")
    store.set_active_scale(DEFAULT_SCALE_ID)
    store.change_review(claim_id, verdict=store.active_scale().keys[0])
    entry = store.history(claim_id=claim_id)[0]
    store.revert(entry.id)  # back to the PolitiFact verdict it had: allowed
    assert store.get_review(claim_id).verdict == "pants-on-fire"
    assert change.after.verdict == "pants-on-fire"
