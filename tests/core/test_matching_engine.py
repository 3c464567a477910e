""" "Seen before" matching on a real library with the shipped encoder (``core.matching``).

Proves that
- the fact-check that says the query's claim in other words comes first, with its verdict and source;
- reviewed claims (with a verdict) are matched as 'review' with the verdict key and article url; a
  claim without a verdict, and claims the caller excludes, are not;
- vectors are computed once and stored, recomputed when the model id changes, dropped with their
  record (a deleted fact-check is no longer found) and when a claim's text changes;
- a vector read for a text that changed meanwhile is not stored;
- one Matcher serves several threads, each with its worker store, with the same answers;
- a query without words is refused.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from reviewer.core.domain import ClaimDraft
from reviewer.core.factchecks.model import FactcheckRecord
from reviewer.core.matching import EmptyQuery, Matcher, index_pending, load_encoder, similar
from reviewer.core.matching.encoder import SentenceEncoder
from reviewer.core.resources import resource_path

FACTCHECKS = [
    FactcheckRecord(
        "A viral video shows a 10-meter-long anaconda swimming across a river in Brazil.",
        verdict="Miscaptioned",
        url="https://example.org/anaconda",
        publisher="Snopes",
        date="2021-03-06",
        title="Does Video Show a 10-Meter-Long Anaconda?",
    ),
    FactcheckRecord(
        "Drinking hot water every fifteen minutes kills the coronavirus.",
        verdict="False",
        url="https://example.org/hot-water",
        publisher="AFP",
        date="2020-03-14",
    ),
    FactcheckRecord(
        "The Apollo 11 moon landing was filmed in a Hollywood studio.",
        verdict="False",
        url="https://example.org/moon",
        publisher="PolitiFact",
        date="2019-07-20",
    ),
    FactcheckRecord(
        "The city will ban all petrol cars from its centre by 2025.",
        verdict="Mostly true",
        publisher="Full Fact",
        date="2022-01-10",
    ),
]

ARTICLE = (
    "The minister said unemployment fell to 3.2 percent last year. "
    "Bread prices doubled since the spring, a baker claimed. "
    "Officials plan to open twelve new schools in the north."
)


def _article(store, text: str = ARTICLE, tag: str = "a"):
    import hashlib

    spans, pos = [], 0
    for sentence in text.split(". "):
        sentence = sentence.rstrip(".") + "."
        start = text.index(sentence.rstrip("."), pos)
        end = start + len(sentence.rstrip("."))
        spans.append(
            ClaimDraft(
                start=start,
                end=end,
                score=0.9,
                checkworthy=True,
                speaker=None,
                speaker_start=None,
                speaker_end=None,
                kind="statistic",
            )
        )
        pos = end
    doc = SimpleNamespace(
        title=f"Article {tag}",
        site=None,
        url=f"https://news.example/{tag}",
        author=None,
        published=None,
        original_format="txt",
        source_path=None,
        text=text,
        blocks=(),
        language="en",
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    article = store.add_article(doc, spans)
    return [c.id for c in store.claims_for_article(article.id)]


@pytest.fixture
def library(store):
    store.import_factchecks("test", FACTCHECKS)
    return store


def _vector_count(store, source: str) -> int:
    return store.conn.execute("SELECT count(*) FROM embeddings WHERE source = ?", (source,)).fetchone()[0]


def test_the_fact_check_in_other_words_comes_first(library):
    matches = similar(library, "Huge anaconda filmed crossing a Brazilian river! #Amazon https://t.co/x", top=3)
    assert [m.source for m in matches] == ["factcheck"] * 3
    best = matches[0]
    assert (best.text, best.verdict, best.url, best.publisher, best.date) == (
        FACTCHECKS[0].claim,
        "Miscaptioned",
        "https://example.org/anaconda",
        "Snopes",
        "2021-03-06",
    )
    assert best.title == FACTCHECKS[0].title
    assert best.score > matches[1].score >= matches[2].score
    assert 0 < best.score <= 1
    assert similar(library, "Does hot water kill the virus?", top=1)[0].url == "https://example.org/hot-water"
    assert similar(library, "moon landing hoax studio", top=1)[0].publisher == "PolitiFact"
    assert best.as_json() == {
        "source": "factcheck",
        "id": best.id,
        "text": best.text,
        "score": round(best.score, 4),
        "verdict": "Miscaptioned",
        "url": "https://example.org/anaconda",
        "publisher": "Snopes",
        "date": "2021-03-06",
    }


def test_reviewed_claims_are_matched_as_reviews_and_others_are_not(library):
    unemployment, bread, schools = _article(library)
    assert all(m.source == "factcheck" for m in similar(library, "bread prices", top=5))
    library.set_review(bread, verdict="disputed")  # after a query: the next one still embeds it
    matches = similar(library, "A baker says the price of bread has doubled since spring", top=2)
    assert (matches[0].source, matches[0].id, matches[0].verdict) == ("review", bread, "disputed")
    assert matches[0].url == "https://news.example/a" and matches[0].article_id is not None
    assert len(matches[0].date or "") == 10  # the day the verdict was set
    # Not reviewed: never a match, however close.
    assert all(
        m.id != unemployment or m.source != "review"
        for m in similar(library, "unemployment fell to 3.2 percent last year", top=5)
    )
    # A claim is not its own match.
    assert all(m.source != "review" for m in similar(library, "bread prices doubled", top=5, exclude_claims={bread}))
    # Clearing the verdict takes it out of the matches.
    library.set_review(bread, verdict=None)
    assert all(m.source != "review" for m in similar(library, "bread prices doubled since spring", top=5))


def test_vectors_are_stored_once_and_recomputed_only_for_a_new_model(library):
    encoder = load_encoder()
    assert index_pending(library, encoder) == len(FACTCHECKS)
    stored = library.conn.execute("SELECT record_id, vector FROM embeddings ORDER BY record_id").fetchall()
    assert index_pending(library, encoder) == 0
    similar(library, "anaconda", top=1)
    assert library.conn.execute("SELECT record_id, vector FROM embeddings ORDER BY record_id").fetchall() == stored
    vector = np.frombuffer(stored[0][1], dtype=np.float32)
    assert vector.shape == (encoder.dim,) and abs(float(np.linalg.norm(vector)) - 1) < 1e-4

    other = SentenceEncoder(replace(encoder.manifest, model_id="another-model"), resource_path("model"))
    assert index_pending(library, other) == len(FACTCHECKS)
    models = {row[0] for row in library.conn.execute("SELECT model FROM embeddings")}
    assert models == {"another-model"}
    assert Matcher(other).similar(library, "anaconda in Brazil", top=1)[0].url == "https://example.org/anaconda"


def test_a_deleted_fact_check_is_no_longer_found(library):
    first = similar(library, "anaconda video Brazil river", top=1)[0]
    assert first.url == "https://example.org/anaconda"
    library.conn.execute("DELETE FROM factchecks WHERE id = ?", (first.id,))
    assert _vector_count(library, "factcheck") == len(FACTCHECKS) - 1
    assert all(m.id != first.id for m in similar(library, "anaconda video Brazil river", top=5))


def test_a_claim_whose_words_change_gets_a_new_vector(library):
    unemployment, bread, schools = _article(library)
    library.set_review(schools, verdict="disputed")
    similar(library, "new schools in the north", top=1)
    before = library.conn.execute("SELECT vector FROM embeddings WHERE source = 'claim'").fetchone()[0]
    claim = library.get_claim(schools)
    library.update_claim(schools, end=claim.start + len("Officials plan to open twelve"))
    assert _vector_count(library, "claim") == 0
    best = similar(library, "Officials plan to open twelve", top=1)[0]
    assert (best.source, best.id, best.text) == ("review", schools, "Officials plan to open twelve")
    after = library.conn.execute("SELECT vector FROM embeddings WHERE source = 'claim'").fetchone()[0]
    assert after != before


def test_a_vector_of_text_that_changed_meanwhile_is_not_stored(library):
    encoder = load_encoder()
    record_id = library.conn.execute("SELECT id FROM factchecks ORDER BY id LIMIT 1").fetchone()[0]
    vector = encoder.encode(["old words"])[0]
    assert library.upsert_embeddings("factcheck", encoder.model_id, [(record_id, "old words", vector)]) == 0
    assert library.upsert_embeddings("factcheck", encoder.model_id, [(9999, "gone", vector)]) == 0
    assert _vector_count(library, "factcheck") == 0


def test_one_matcher_serves_several_threads(library):
    _article(library)
    for claim in library.claims_for_article(1):
        library.set_review(claim.id, verdict="supported")
    queries = [
        "anaconda in a river",
        "hot water and the virus",
        "moon landing studio",
        "bread prices",
        "petrol cars banned",
        "twelve schools",
    ]
    expected = {q: [(m.source, m.id) for m in similar(library, q, top=3)] for q in queries}
    results: dict[str, list[tuple[str, int]]] = {}
    errors: list[BaseException] = []

    def work(query: str) -> None:
        worker = library.worker_store()
        try:
            for _ in range(3):
                results[query] = [(m.source, m.id) for m in similar(worker, query, top=3)]
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            worker.close()

    threads = [threading.Thread(target=work, args=(q,)) for q in queries]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == expected


@pytest.mark.parametrize("text", ["", "   ", "!!! ???", "— —"])
def test_a_query_without_words_is_refused(library, text):
    with pytest.raises(EmptyQuery):
        similar(library, text)


def test_an_empty_library_has_no_matches(store):
    assert similar(store, "anything at all") == []
