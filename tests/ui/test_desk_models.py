"""Every desk model passes Qt's model tester; the library model loads lazily."""

from __future__ import annotations

from reviewer.ui.claim_view import VerdictPalette
from reviewer.ui.claims_model import (
    CLAIM_ID_ROLE,
    COL_SCORE,
    COL_VERDICT,
    UNREVIEWED_FILTER,
    ClaimsFilterProxy,
    ClaimsModel,
)
from reviewer.ui.library_model import PAGE_SIZE, LibraryModel
from tests.ui.conftest import SAMPLE_BLOCKS, Doc, build_article


def _many_articles(store, n):
    with store.write():
        for i in range(n):
            store.add_article(Doc(f"Article {i}", f"Body {i} about budgets and taxes number {i}."))


def test_library_model_is_lazy_and_valid(qtmodeltester, store, qapp):
    _many_articles(store, PAGE_SIZE * 2 + 5)
    model = LibraryModel(store)
    model.reload()
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(model.index(-1, -1).parent())
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(model.index(-1, -1).parent()):
        model.fetchMore(model.index(-1, -1).parent())
    assert model.rowCount() == PAGE_SIZE * 2 + 5
    assert model.total() == PAGE_SIZE * 2 + 5
    model.set_filter(None, "number 7")  # the last word is a prefix: 7, 70–79
    assert sorted(model.summary(r).title for r in range(model.rowCount())) == sorted(
        ["Article 7", *(f"Article {n}" for n in range(70, 80))]
    )
    qtmodeltester.check(model, force_py=True)


def test_library_model_refreshes_one_row_in_place(store, qapp, qtbot):
    article, claims = build_article(store, "One", SAMPLE_BLOCKS)
    model = LibraryModel(store)
    model.reload()
    store.set_review(claims[0].id, verdict="supported")
    with qtbot.waitSignal(model.dataChanged, timeout=30_000):
        model.refresh_articles([article.id])
    assert model.summary(0).claims_reviewed == 1
    assert model.summary(0).status == "in_review"


def test_claims_model_and_proxy(qtmodeltester, store, qapp):
    article, claims = build_article(store, "One", SAMPLE_BLOCKS, checkworthy_every=3, speaker="Dr Ana Ruiz")
    store.set_review(claims[1].id, verdict="misleading")
    store.set_dismissed(claims[3].id, True)
    claims = store.claims_for_article(article.id)
    palette = VerdictPalette.from_store(store)
    model = ClaimsModel()
    model.set_claims(claims, palette, None)
    qtmodeltester.check(model, force_py=True)
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)

    shown = {proxy.index(r, 0).data(CLAIM_ID_ROLE) for r in range(proxy.rowCount())}
    assert claims[3].id not in shown  # dismissed
    assert claims[2].id not in shown  # not check-worthy (every third)
    proxy.set_filters(show_all=True)
    assert proxy.rowCount() == len(claims)
    proxy.set_filters(verdict="misleading")
    assert [proxy.index(r, 0).data(CLAIM_ID_ROLE) for r in range(proxy.rowCount())] == [claims[1].id]
    assert proxy.index(0, COL_VERDICT).data() == "Misleading"
    proxy.set_filters(verdict=UNREVIEWED_FILTER, kind="statistic", min_score=0.5)
    assert all(proxy.index(r, COL_SCORE).data() == "0.80" for r in range(proxy.rowCount()))
    proxy.set_filters(verdict=None, kind=None, min_score=0.0)
    proxy.sort(COL_VERDICT)
    assert proxy.index(0, 0).data(CLAIM_ID_ROLE) == claims[1].id  # reviewed before unreviewed
    qtmodeltester.check(proxy, force_py=True)


def test_threshold_changes_what_counts_without_writing(store, qapp):
    article, claims = build_article(store, "One", SAMPLE_BLOCKS, checkworthy_every=2)
    model = ClaimsModel()
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    palette = VerdictPalette.from_store(store)
    model.set_claims(claims, palette, None)
    by_flag = proxy.rowCount()
    model.set_view(palette, 0.1)
    assert proxy.rowCount() == len(claims) > by_flag
    model.set_view(palette, 0.95)
    assert proxy.rowCount() == 0
    assert [c.checkworthy for c in store.claims_for_article(article.id)] == [c.checkworthy for c in claims]
