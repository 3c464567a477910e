"""The store makes review changes and reverts them: side effects, conflicts and limits.

Rules that once lived in the UI or only in the CLI are the store's now, so the app and the
command line cannot disagree: the status move of a first verdict is part of the change (and of
its undo), clearing a verdict clears its confidence, a change made elsewhere is never
overwritten by an edit or an undo, and notes have a size limit.
"""

from __future__ import annotations

import pytest

from reviewer.core.domain import MAX_NOTE_CHARS
from reviewer.core.errors import ChangedElsewhere, ReviewerError
from reviewer.core.store import Store

from tests.safety.helpers import make_library


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "library.sqlite"
    ids = make_library(path, n_claims=3, notes=False)
    return path, ids


def _status(store: Store, claim_id: int) -> str:
    return store.get_article(store.get_claim(claim_id).article_id).status


def test_first_verdict_moves_article_to_review_and_its_revert_moves_it_back(library):
    path, ids = library
    with Store.open(path, reviewer="ana") as store:
        assert _status(store, ids[0]) == "todo"
        change = store.change_review(ids[0], verdict="supported")
        assert change.status_before == "todo" and _status(store, ids[0]) == "in_review"
        store.revert_review_change(change)
        assert store.get_review(ids[0]).verdict is None
        assert _status(store, ids[0]) == "todo"
    with Store.open(path) as store:  # both status moves are audited
        rows = store.conn.execute("SELECT before, after FROM audit WHERE action = 'status'").fetchall()
        assert [(b, a) for b, a in rows] == [
            ('{"status": "todo"}', '{"status": "in_review"}'),
            ('{"status": "in_review"}', '{"status": "todo"}'),
        ]


def test_revert_keeps_the_article_in_review_while_another_claim_has_a_verdict(library):
    path, ids = library
    with Store.open(path) as store:
        first = store.change_review(ids[0], verdict="supported")
        store.change_review(ids[1], verdict="disputed")
        store.revert_review_change(first)
        assert _status(store, ids[0]) == "in_review"


def test_clearing_a_verdict_clears_its_confidence(library):
    path, ids = library
    with Store.open(path) as store:
        store.set_review(ids[0], verdict="supported", confidence=80)
        review = store.set_review(ids[0], verdict=None)
        assert (review.verdict, review.confidence) == (None, None)
        store.change_review(ids[1], verdict="supported", confidence=60)
        cleared = store.change_review(ids[1], verdict=None)
        store.revert_review_change(cleared)  # undo brings both back
        assert (store.get_review(ids[1]).verdict, store.get_review(ids[1]).confidence) == ("supported", 60)


def test_an_edit_that_expects_an_older_value_is_refused_and_changes_nothing(library):
    path, ids = library
    with Store.open(path, reviewer="app") as app, Store.open(path, reviewer="cli") as cli:
        app.set_review(ids[0], note="first draft")
        cli.set_review(ids[0], note="the editor's note")
        with pytest.raises(ChangedElsewhere) as caught:
            app.change_review(ids[0], note="first draft, longer", expect={"note": "first draft"})
        assert caught.value.current.note == "the editor's note"
        assert "changed elsewhere by cli" in str(caught.value)
        assert app.get_review(ids[0]).note == "the editor's note"


def test_undo_refuses_to_revert_what_someone_else_changed_since(library):
    path, ids = library
    with Store.open(path, reviewer="app") as app, Store.open(path, reviewer="cli") as cli:
        mine = app.change_review(ids[0], verdict="supported")
        cli.set_review(ids[0], verdict="disputed")
        with pytest.raises(ChangedElsewhere, match="not undone"):
            app.revert_review_change(mine)
        assert app.get_review(ids[0]).verdict == "disputed"
        assert _status(app, ids[0]) == "in_review"


def test_notes_over_the_limit_are_refused_with_nothing_written(library):
    path, ids = library
    with Store.open(path) as store:
        store.set_review(ids[0], note="kept")
        store.set_review(ids[0], note="x" * MAX_NOTE_CHARS)  # exactly the limit is fine
        with pytest.raises(ReviewerError, match="at most"):
            store.set_review(ids[0], note="x" * (MAX_NOTE_CHARS + 1))
        assert len(store.get_review(ids[0]).note) == MAX_NOTE_CHARS


def test_the_apps_reviewer_name_is_remembered_by_the_library(library):
    path, ids = library
    with Store.open(path) as store:
        assert store.library_reviewer_name() is None
        store.adopt_reviewer_name("  Ana Ruiz ")
        store.set_review(ids[0], verdict="supported")
        assert store.get_review(ids[0]).reviewer == "Ana Ruiz"
    with Store.open(path) as store:
        assert store.library_reviewer_name() == "Ana Ruiz"
