"""Extraction stays linear on hostile text: one 200 KB "sentence" of verbs, quotes or dashes.

Speaker attribution once copied and searched everything before each verb of saying, which made a
long sentence quadratic (40 KB of "said " took six seconds). The bounds here are generous, so a
slow machine passes; a return to quadratic time takes minutes and fails clearly.
"""

from __future__ import annotations

import time

import pytest

from reviewer.core.extraction import extract_claims

SIZE = 200_000
BOUND = 3.0  # seconds; linear time is well under a second


@pytest.fixture(scope="module", autouse=True)
def _models_loaded():
    extract_claims("Taxes rose 4%, the minister said.", quality="fast")  # load outside the timing


@pytest.mark.parametrize("unit", [
    "said ",
    "Smith said ",
    "said, The ",
    "has also ",
    "according to ",
    "заявил ",
    "«заявил» ",
    "Песков, в частности, также заявил ",
    "По словам Пескова, ",
    "сообщили в пресс-службе ",
    ", — земли ",
    "«Да», — отрезал ",
    "— Это, — отрезал Иванов, — ",
    ", ",
    "— ",
    "«",
    "»",
    '"',
    " ",
])
def test_one_long_sentence_is_fast(unit):
    text = unit * (SIZE // len(unit))
    began = time.perf_counter()
    claims = extract_claims(text, quality="fast")
    elapsed = time.perf_counter() - began
    assert elapsed < BOUND, f"{len(text)} characters of {unit!r} took {elapsed:.1f} s"
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        if claim.speaker_start is not None:
            mention = text[claim.speaker_start:claim.speaker_end]
            assert mention and mention == mention.strip()


@pytest.mark.parametrize("unit", ["said ", "заявил "])
def test_a_megabyte_sentence_is_fast(unit):
    # The Russian rules were quadratic with a small constant: 200 KB of "заявил " took half a
    # second, 1 MB twelve.
    text = unit * (1_000_000 // len(unit))
    began = time.perf_counter()
    extract_claims(text, quality="fast")
    elapsed = time.perf_counter() - began
    assert elapsed < BOUND, f"{len(text)} characters of {unit!r} took {elapsed:.1f} s"


def test_a_subject_far_behind_its_verb_is_still_found_quickly():
    # The look-back skips any run of spaces before the verb, however long, at the cost of the run.
    text = "Иванов" + " " * SIZE + "заявил, что мост откроют."
    began = time.perf_counter()
    claims = extract_claims(text, quality="fast")
    assert time.perf_counter() - began < BOUND
    assert [(c.speaker, text[c.speaker_start:c.speaker_end]) for c in claims] == [("Иванов", "Иванов")]


@pytest.mark.parametrize("word", ["привед", "указан-", "вышеупомян", "аее"])
def test_a_megabyte_word_is_fast(word):
    # The Russian "как указано выше" pattern once backtracked over every stem of a long word:
    # 64 KB of "привед" took four seconds, a megabyte would take a quarter of an hour.
    text = "Министр заявил, что это " + word * (1_000_000 // len(word)) + " выше правда."
    began = time.perf_counter()
    extract_claims(text, quality="fast")
    elapsed = time.perf_counter() - began
    assert elapsed < BOUND, f"{len(text)} characters of {word!r} took {elapsed:.1f} s"


@pytest.mark.parametrize("unit", [".", "!", "…", ".x", "?!", ".»"])
def test_a_megabyte_of_punctuation_without_spaces_is_fast(unit):
    # The sentence-end pattern retried a run of dots from each of its characters: 40 KB took twelve
    # seconds, a megabyte would take hours.
    text = "Он сказал" + unit * (1_000_000 // len(unit))
    began = time.perf_counter()
    extract_claims(text, quality="fast")
    elapsed = time.perf_counter() - began
    assert elapsed < BOUND, f"{len(text)} characters of {unit!r} took {elapsed:.1f} s"
