"""The lexical side of matching (``core.matching.lexical`` and the store's BM25 look-ups).

Proves that
- a query becomes an FTS5 expression of its quoted words, OR-ed, without stopwords, bounded in
  length, so that nothing a person types is FTS5 syntax; hostile queries match or find nothing,
  never raise;
- links are dropped, hashtags and handles split into words;
- a fact-check record is embedded from its title and claim;
- BM25 finds fact-checks by claim and title (not publisher) and only reviewed claims.
"""

from __future__ import annotations

import pytest

from reviewer.core.factchecks.model import FactcheckRecord
from reviewer.core.matching.lexical import MAX_TERMS, clean_query, match_expression, matching_text


def test_a_query_becomes_quoted_words_or_ed():
    assert match_expression("The PRICE of bread, the price of milk!") == '"price" OR "bread" OR "milk"'
    assert match_expression("it is what it is") == ""
    assert match_expression("Über 5 Café") == '"über" OR "5" OR "café"'
    long_text = " ".join(f"word{i}" for i in range(500))
    assert match_expression(long_text).count(" OR ") == MAX_TERMS - 1


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        'price" OR "x',
        "NEAR(a b)",
        "a* AND NOT b",
        "col:value ^start",
        "(((",
        "-- ; DROP TABLE factchecks",
        "\x00\u202e",
    ],
)
def test_hostile_queries_are_only_words(store, hostile):
    expression = match_expression(hostile)
    assert all(
        part.startswith('"') and part.endswith('"') and '"' not in part[1:-1]
        for part in expression.split(" OR ")
        if part
    )
    store.import_factchecks("t", [FactcheckRecord("Price of value start drop table")])
    store.bm25_factchecks(expression, 10)  # no exception
    store.bm25_reviewed_claims(expression, 10)


def test_links_go_and_hashtags_split():
    assert (
        clean_query("Look #AustralianFires2020 now https://t.co/abc pic.twitter.com/xyz www.x.org/a")
        == "Look Australian Fires 2020 now"
    )
    assert clean_query("#DefundTheCBChttps://t.co/CsHG8R9cHp —") == "Defund The CBC —"


def test_handles_become_the_words_they_run_together():
    # Who posted a tweet is often what its fact-check is about: "— Bernie Sanders (@BernieSanders)".
    assert (
        clean_query(".@BernieSanders wins — Matt (@Thorsby_Strings)")
        == ". Bernie Sanders wins — Matt ( Thorsby Strings )"
    )
    assert clean_query("write to a@b.com") == "write to a@b.com"  # an address is not a handle


def test_a_fact_check_is_embedded_from_its_title_and_claim(store):
    assert matching_text("Muslims were banned in 1952.", "Were Muslims Banned?") == (
        "Were Muslims Banned? Muslims were banned in 1952."
    )
    assert matching_text("A claim.", "A title") == "A title. A claim."
    assert matching_text("A claim.", None) == matching_text("A claim.", "  ") == "A claim."
    store.import_factchecks("t", [FactcheckRecord("Sharks swim on a highway.", title="Flood sharks")])
    assert store.embedding_texts("factcheck", [1]) == {1: "Flood sharks. Sharks swim on a highway."}


def test_bm25_ranks_claim_and_title_words_not_the_publisher(store):
    store.import_factchecks(
        "t",
        [
            FactcheckRecord(
                "Sharks were seen swimming on a flooded highway.", title="Flood sharks", publisher="Snopes"
            ),
            FactcheckRecord("A photo shows a flooded street.", title="Shark photo?", publisher="Sharks Weekly"),
            FactcheckRecord("Unrelated claim about taxes.", publisher="Sharks Daily"),
        ],
    )
    ids = [rid for rid, _ in store.bm25_factchecks(match_expression("sharks flooded highway"), 10)]
    assert ids[0] == 1
    assert 3 not in ids  # the publisher's name is not evidence
    scores = dict(store.bm25_factchecks(match_expression("shark photo"), 10, title_weight=1.0))
    assert set(scores) == {2} and scores[2] > 0
    assert (
        store.bm25_factchecks(match_expression("shark photo"), 10, title_weight=0.0) == [(2, 0.0)]
        or dict(store.bm25_factchecks(match_expression("shark photo"), 10, title_weight=0.0))[2] < scores[2]
    )
    assert store.bm25_factchecks("", 10) == []
