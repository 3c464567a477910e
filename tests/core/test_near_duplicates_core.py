"""Near-duplicate articles on import (#17, part D): signatures, the Jaccard rule, the store's flag.

(Not test_near_duplicates.py: tests/ui has that name, and test folders are not packages.)"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reviewer.core import near_duplicates as nd
from reviewer.core.errors import DuplicateArticle
from reviewer.core.importers.document import ImportedDocument
from reviewer.core.ingest import import_paths
from tests.core.near_duplicate_texts import (
    ORIGINAL,
    SAME_TOPIC,
    with_added_paragraph,
    with_changed_word,
    with_other_quotes_and_spacing,
)


def doc(title: str, text: str) -> ImportedDocument:
    return ImportedDocument(text=text.strip(), blocks=(), title=title, original_format="txt")


def reference_jaccard(a: str, b: str) -> float:
    """Jaccard of 5-word shingle sets, computed the slow obvious way."""

    def shingles(text: str) -> set[tuple[str, ...]]:
        ws = nd.words(text)
        return {tuple(ws[i : i + 5]) for i in range(len(ws) - 4)}

    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


# ---------------------------------------------------------------------------------------- pure functions


@pytest.mark.parametrize("edit", [with_changed_word, with_added_paragraph, with_other_quotes_and_spacing])
def test_edited_copies_are_near_duplicates_and_another_story_is_not(edit):
    original = nd.TextSignature.of(ORIGINAL)
    edited = nd.TextSignature.of(edit())
    similarity = nd.jaccard(original.shingles, edited.shingles)
    assert similarity == pytest.approx(reference_jaccard(ORIGINAL, edit()))
    assert nd.is_near_duplicate(similarity)
    assert set(original.band_keys()) & set(edited.band_keys())  # found through the index
    assert nd.estimated_similarity(original.signature, edited.signature) >= nd.ESTIMATE_FLOOR

    other = nd.TextSignature.of(SAME_TOPIC)
    similarity = nd.jaccard(original.shingles, other.shingles)
    assert similarity == pytest.approx(reference_jaccard(ORIGINAL, SAME_TOPIC))
    assert similarity < 0.1 and not nd.is_near_duplicate(similarity)


def test_quotes_punctuation_case_and_spacing_are_not_words():
    assert nd.words("\u201cLibraries\u201d \u2014  are\n\nSTATUTORY, too.") == ["libraries", "are", "statutory", "too"]
    assert nd.jaccard(nd.shingle_hashes(ORIGINAL), nd.shingle_hashes(with_other_quotes_and_spacing())) == 1.0


def test_a_text_without_words_matches_nothing():
    empty = nd.TextSignature.of("\u2014 \u2026 !!! \U0001f4f0")
    assert len(empty.shingles) == 0 and empty.band_keys() == []
    assert nd.jaccard(empty.shingles, empty.shingles) == 0.0
    short = nd.TextSignature.of("Libraries close.")
    assert len(short.shingles) == 1 and len(short.band_keys()) == nd.BANDS


def test_signatures_are_the_same_in_every_process():
    """Signatures are stored: a salted hash (Python's hash()) would differ in the next process."""
    code = (
        "import sys; from reviewer.core.near_duplicates import TextSignature;"
        "sys.stdout.write(TextSignature.of(sys.stdin.read()).to_bytes().hex())"
    )
    here = nd.TextSignature.of(ORIGINAL).to_bytes().hex()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=ORIGINAL,
            capture_output=True,
            text=True,
            env=env,
            check=True,
            encoding="utf-8",
        ).stdout
        assert out == here
    assert len(bytes.fromhex(here)) == nd.PERMUTATIONS * 4


# ---------------------------------------------------------------------------------------- the store


@pytest.mark.parametrize("edit", [with_changed_word, with_added_paragraph, with_other_quotes_and_spacing])
def test_an_edited_copy_is_flagged_with_a_link_to_the_original(store, edit):
    original = store.add_article(doc("Council votes to close two libraries", ORIGINAL))
    copy = store.add_article(doc("Copy", edit()))
    near = store.near_duplicate_of(copy.id)
    assert near is not None
    assert (near.article_id, near.original_id, near.original_title) == (
        copy.id,
        original.id,
        "Council votes to close two libraries",
    )
    assert nd.THRESHOLD <= near.similarity <= 1.0
    assert store.near_duplicate_of(original.id) is None  # the earlier one is the original
    assert store.near_duplicates_for([original.id, copy.id]) == {copy.id: near}


def test_another_story_on_the_same_topic_is_not_flagged(store):
    store.add_article(doc("Council votes to close two libraries", ORIGINAL))
    other = store.add_article(doc("Two Harbourside libraries to shut", SAME_TOPIC))
    assert store.near_duplicate_of(other.id) is None


def test_the_most_similar_earlier_article_is_the_one_named(store):
    first = store.add_article(doc("Longer version", with_added_paragraph()))
    second = store.add_article(doc("Original", ORIGINAL))
    third = store.add_article(doc("Corrected", with_changed_word()))
    assert store.near_duplicate_of(second.id).original_id == first.id
    assert store.near_duplicate_of(third.id).original_id == second.id  # 0.97 beats 0.83


def test_an_exact_duplicate_is_still_refused_and_nothing_is_stored(store, tmp_path):
    (tmp_path / "first.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "again.txt").write_text(ORIGINAL.replace("\n\n", "\n\n\n").replace(" ", "  "), encoding="utf-8")
    assert len(import_paths(store, [tmp_path / "first.txt"], extract=False).added) == 1
    store.add_article(doc("Original", ORIGINAL))
    before = [
        store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "article_signatures", "article_signature_bands", "audit")
    ]
    report = import_paths(store, [tmp_path / "again.txt"], extract=False)
    assert report.added == [] and [type(d) for d in report.duplicates] == [DuplicateArticle]
    with pytest.raises(DuplicateArticle):
        store.add_article(doc("Again", ORIGINAL))
    after = [
        store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "article_signatures", "article_signature_bands", "audit")
    ]
    assert after == before


def test_the_flag_is_written_in_the_import_transaction(store):
    original = store.add_article(doc("Original", ORIGINAL))
    copy = store.add_article(doc("Copy", with_changed_word()))
    row = store.conn.execute(
        "SELECT near_duplicate_of, scheme FROM article_signatures WHERE article_id = ?", (copy.id,)
    ).fetchone()
    assert row == (original.id, nd.SCHEME)
    assert (
        store.conn.execute("SELECT count(*) FROM article_signature_bands WHERE article_id = ?", (copy.id,)).fetchone()[
            0
        ]
        == nd.BANDS
    )


def test_a_failed_import_leaves_no_signature(store, monkeypatch):
    store.add_article(doc("Original", ORIGINAL))

    def boom(*args, **kwargs):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(type(store), "_audit", boom)
    with pytest.raises(RuntimeError):
        store.add_article(doc("Copy", with_changed_word()))
    assert store.conn.execute("SELECT count(*) FROM article_signatures").fetchone()[0] == 1
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_deleting_the_original_clears_the_flag_and_the_signatures_go_with_their_article(store):
    original = store.add_article(doc("Original", ORIGINAL))
    copy = store.add_article(doc("Copy", with_changed_word()))
    assert store.near_duplicate_of(copy.id).original_id == original.id
    store.delete_article(original.id)
    assert store.near_duplicate_of(copy.id) is None
    assert (
        store.conn.execute("SELECT count(*) FROM article_signatures WHERE article_id = ?", (original.id,)).fetchone()[0]
        == 0
    )
    assert (
        store.conn.execute(
            "SELECT count(*) FROM article_signature_bands WHERE article_id = ?", (original.id,)
        ).fetchone()[0]
        == 0
    )
    assert store.integrity_ok()
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_near_duplicate_is_found_among_many_articles(store):
    import random

    rng = random.Random(7)
    words = nd.words(ORIGINAL + SAME_TOPIC)
    for i in range(150):
        store.add_article(doc(f"Filler {i}", " ".join(rng.choice(words) for _ in range(300))))
    original = store.add_article(doc("Original", ORIGINAL))
    for i in range(150, 300):
        store.add_article(doc(f"Filler {i}", " ".join(rng.choice(words) for _ in range(300))))
    copy = store.add_article(doc("Copy", with_added_paragraph()))
    assert store.near_duplicate_of(copy.id).original_id == original.id
    flagged = store.near_duplicates_for(store.article_ids())
    assert list(flagged) == [copy.id]


def test_signing_grows_linearly_with_the_text():
    from tests.growth import assert_linear

    import random

    rng = random.Random(5)
    vocabulary = sorted(set(nd.words(ORIGINAL + SAME_TOPIC)))
    large = " ".join(rng.choice(vocabulary) for _ in range(50_000))  # nearly every shingle new
    small = large[: len(large) // 25]
    signed = assert_linear(nd.TextSignature.of, small, large, what="a text 25x as long")
    assert len(signed.shingles) > 45_000
