"""Search: figures and abbreviations match as typed, quoted phrases as phrases (issue 16)."""

from __future__ import annotations

import pytest

import hashlib
from types import SimpleNamespace

from reviewer.core.search_terms import literal_spans, marked_snippet, parse_query
from reviewer.core.store import Store, fts_query
from reviewer.core.domain import ClaimDraft


def _doc(title: str, text: str):
    return SimpleNamespace(
        title=title,
        site=None,
        url=None,
        author=None,
        published=None,
        original_format="txt",
        source_path=f"{title}.txt",
        text=text,
        blocks=(),
        language="en",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "lib.sqlite")
    yield s
    s.close()


@pytest.fixture
def library(store):
    texts = {
        "five": "Unemployment rose by 5% last year, the minister said.",
        "fifty-nine": "There were 59 schools and 500 teachers; 50 of them left.",
        "quarter": "Prices rose 25% and then 0.5% in March.",
        "us": "The U.S. economy grew 4.2 percent during COVID-19.",
        "spite": "In spite of the rain, the council met.",
        "usa": "Made in the U.S.A. since 1990.",
        "versions": "Version 4.25 and 14.2 shipped; covid 19 cases fell.",
        "order": "The minister said nothing; nothing said the minister.",
    }
    return {key: store.add_article(_doc(key, text)).id for key, text in texts.items()}


def _found(store, query):
    ids = {a.id for a in store.list_articles(query=query)}
    assert {h.article_id for h in store.search(query)} == ids  # the CLI and the library agree
    return ids


def test_figures_match_as_typed(store, library):
    assert _found(store, "5%") == {library["five"]}  # not 59, 500, 50, 25% or 0.5%
    assert _found(store, "50 left") == {library["fifty-nine"]}
    assert _found(store, "5 schools") == set()  # a figure before other words is whole: not 59 or 500
    assert _found(store, "4.2") == {library["us"]}
    # The last word typed, digits only, may be unfinished: a prefix (19, COVID-19, 1990).
    assert _found(store, "19") == {library["us"], library["usa"], library["versions"]}
    assert _found(store, "4.2") == {library["us"]}  # not 4.25 or 14.2
    assert store.count_articles(query="5%") == 1


def test_abbreviations_match_as_typed(store, library):
    assert _found(store, "U.S.") == {library["us"]}  # not "spite", not "U.S.A."
    assert _found(store, "u.s.") == {library["us"]}  # case does not matter
    assert _found(store, "COVID-19") == {library["us"]}  # not "covid 19"
    hits = store.search("U.S.")
    assert [h.snippet for h in hits] == ["The [U.S.] economy grew 4.2 percent during COVID-19."]


def test_quoted_phrases_match_as_phrases(store, library):
    assert _found(store, '"minister said"') == {library["five"], library["order"]}
    assert _found(store, '"said the minister"') == {library["order"]}
    assert _found(store, '"grew 4.2 percent"') == {library["us"]}
    assert _found(store, '"grew 4.25 percent"') == set()


def test_plain_words_still_match_as_one_types(store, library):
    assert _found(store, "minis") == {library["five"], library["order"]}  # the last word is a prefix
    assert _found(store, "spite") == {library["spite"]}
    assert _found(store, "rain council") == {library["spite"]}


def test_figure_in_a_claim_and_a_note(store, library):
    article = store.get_article(library["quarter"])
    with store.write():
        claim_id = store._insert_claims(
            article.id, article.text, [ClaimDraft(start=0, end=22)], "2024-01-01T00:00:00Z"
        )[0]
    assert _found(store, "25%") == {library["quarter"]}
    assert {h.where for h in store.search("25%")} == {"article", "claim"}
    store.set_review(claim_id, verdict=None, note="Checked: the rise was 7.5% in the ministry's data.")
    assert [h.where for h in store.search("7.5%")] == ["note"]
    assert [h.snippet for h in store.search("7.5%")] == ["Checked: the rise was [7.5%] in the ministry's data."]


def test_query_terms():
    assert fts_query("5%") == '"5"'  # never a prefix: "5" is not "59"
    assert fts_query("U.S.") == '"U S"'
    assert fts_query("minis") == '"minis"*'
    assert fts_query("7") == '"7"*'  # still being typed, perhaps
    assert fts_query('"minister said" 4.2') == '"minister said" "4 2"'
    assert fts_query("%") == ""
    assert [t.literal is None for t in parse_query('rain "the council" 5% U.S.')] == [True, True, False, False]


def test_literal_spans_are_whole():
    text = "From 25% to 5% (0.5% net); 5%-ish. U.S.A. and U.S. and don’t 4.2 4.25 14.2"
    terms = parse_query("5% U.S. don't 4.2")
    assert [text[a:b] for a, b in literal_spans(text, terms)] == ["5%", "5%", "U.S.", "don’t", "4.2"]
    assert marked_snippet("Growth was 5% in 2020.", parse_query("5% growth")) == "[Growth] was [5%] in 2020."


def test_spaced_figure_is_not_the_figure(store, library):
    # "5 %" and "5%" are the same tokens in the index; only the literal check tells them apart.
    spaced = store.add_article(_doc("spaced", "Turnout fell 5 % in the north.")).id
    assert _found(store, "5%") == {library["five"]}
    assert _found(store, '"5 %"') == {spaced}
    assert store.count_articles(query='"5 %"') == 1
    assert [h.snippet for h in store.search('"5 %"')] == ["Turnout fell [5 %] in the north."]


def test_library_filter_checks_each_text_once(store, library, monkeypatch):
    # The library pane asks for a page and then the count of the same filter: with a figure the
    # text of every article holding its tokens goes through Python, so do that once, not per call.
    from reviewer.core.search_terms import has_literal

    calls = []

    def counting(pattern, *texts):
        calls.append(texts)
        return has_literal(pattern, *texts)

    monkeypatch.setattr(
        store,
        "_register_literal_check",
        lambda: store.conn.create_function("reviewer_literal", -1, counting, deterministic=True),
    )
    assert [a.id for a in store.list_articles(query="5%", limit=200)] == [library["five"]]
    one_pass = len(calls)
    assert one_pass >= 2  # "five" and "quarter" hold the token 5 ("0.5%")
    assert store.count_articles(query="5%") == 1
    assert store.article_ids(query="5%") == [library["five"]]
    assert store.list_articles(query="5%", offset=1, limit=200) == []
    assert len(calls) == one_pass


def test_library_filter_sees_every_change(store, library, tmp_path):
    assert store.count_articles(query="5%") == 1
    newer = store.add_article(_doc("newer", "Costs rose 5% again.")).id
    assert store.count_articles(query="5%") == 2  # a change on this connection
    assert [a.id for a in store.list_articles(query="5%")] == [newer, library["five"]]
    with Store.open(tmp_path / "lib.sqlite") as elsewhere:  # another window or the command line
        newest = elsewhere.add_article(_doc("newest", "Then 5% more.")).id
    assert store.count_articles(query="5%") == 3
    assert store.article_ids(query="5%") == [newest, newer, library["five"]]
    store.set_status(newer, "done")
    assert store.article_ids(status="done", query="5%") == [newer]
    assert store.article_ids(status="todo", query="5%") == [newest, library["five"]]


def test_library_filter_pages(store, library):
    everything = store.article_ids(query="minister")
    assert len(everything) == 2
    pages = [store.list_articles(query="minister", offset=o, limit=1) for o in range(3)]
    assert [[a.id for a in page] for page in pages] == [[everything[0]], [everything[1]], []]
    assert [a.id for a in store.list_articles(query="minister", ids=[everything[1], library["spite"]])] == [
        everything[1]
    ]
