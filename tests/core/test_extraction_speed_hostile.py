"""Extraction stays linear on hostile text: one 200 KB "sentence" of verbs, quotes or dashes.

Speaker attribution once copied and searched everything before each verb of saying, which made a
long sentence quadratic (40 KB of "said " took six seconds). Each test times the same text at 1/25 of
its size and asserts growth, not seconds (``tests/growth.py``): a busy machine slows both alike, a
return to quadratic time (625x) fails clearly. Absolute figures: ``tests/benchmarks/bench_hostile_speed.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from reviewer.core.extraction import extract_claims
from tests.growth import assert_linear

SIZE = 200_000
MEGABYTE = 1_000_000
SMALL = 25  # the small input is 1/SMALL of the large one

# The hostile inputs, shared with tests/benchmarks/bench_hostile_speed.py (which prints absolute times).
LONG_SENTENCE_UNITS = [
    "said ",
    # an apposed description looked back to the article's start for a preposition before the name
    "Senator Maria Lopez, a Democrat from Ohio, in the name of growth, has proposed a tax. ",
    # a document's author ("an FBI summary") was looked for from every "A" of a capitalised run
    "A Alpha ",
    "Alpha, which said ",
    "Tom Reyes, Ann Ortiz and ",
    # participle asides before a cue, relative clauses before one, adverb asides
    "Ortiz, citing data, said ",
    "officials who spoke with Alpha said ",
    "Reyes, for example, said ",
    "Reyes, when asked by Alpha, said ",
    "Reyes, whose group backs Alpha, said ",
    "Alpha reports that ",
    "Raúl Grijalva said ",
    "éaaaaaaaaa",  # accented letters inside one long word
    "a patch called Alpha ",
    "Parents have been told ",
    "Alpha, the owner, Beta, ",
    "Alpha and Beta, the owners of boats, have filed a lawsuit ",
    "The plan, first reported by Alpha, ",
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
]
MEGABYTE_SENTENCE_UNITS = ["said ", "заявил "]
LONG_WORDS = ["привед", "указан-", "вышеупомян", "аее"]
PUNCTUATION_UNITS = [".", "!", "…", ".x", "?!", ".»", "said.Taxes", 'rose."Taxes']


def repeated(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def far_subject(size: int) -> str:
    return "Иванов" + " " * size + "заявил, что мост откроют."


def long_word(word: str, size: int) -> str:
    return "Министр заявил, что это " + repeated(word, size) + " выше правда."


def capitalised_run(size: int) -> str:
    """A long run of capitalised words around a poll and an acronym: the name patterns before "poll" and
    "(ACRONYM)" once retried every word of the run (4,000 words took 16 seconds)."""
    half = repeated("Alpha ", size // 2)
    return half + "said the poll was wrong, according to a survey by " + half + "(AB) reports."


def punctuation_run(unit: str, size: int) -> str:
    return "Он сказал" + repeated(unit, size)


def quoted_sentences(size: int) -> str:
    """One paragraph of short quotations: each follows its quotation to the closing mark and a credit line,
    within a bounded reach, not to the paragraph's end."""
    return repeated('"Taxes rose 4%." ', size)


def hostile_inputs() -> list[tuple[str, Callable[[int], str], int]]:
    """Every case below as (label, make(size) -> text, full size)."""
    return [
        *[(f"sentence of {u!r}", partial(repeated, u), SIZE) for u in LONG_SENTENCE_UNITS],
        *[(f"1 MB sentence of {u!r}", partial(repeated, u), MEGABYTE) for u in MEGABYTE_SENTENCE_UNITS],
        ("subject far behind its verb", far_subject, SIZE),
        ("capitalised run around a poll", capitalised_run, SIZE),
        *[(f"1 MB word {w!r}", partial(long_word, w), MEGABYTE) for w in LONG_WORDS],
        *[(f"1 MB of {u!r} without spaces", partial(punctuation_run, u), MEGABYTE) for u in PUNCTUATION_UNITS],
        ("paragraph of quotations", quoted_sentences, SIZE),
    ]


def _fast(text: str):
    return extract_claims(text, quality="fast")


@pytest.fixture(scope="module", autouse=True)
def _models_loaded():
    extract_claims("Taxes rose 4%, the minister said.", quality="fast")  # load outside the timing


@pytest.mark.parametrize("unit", LONG_SENTENCE_UNITS)
def test_one_long_sentence_is_fast(unit):
    text = repeated(unit, SIZE)
    claims = assert_linear(_fast, repeated(unit, SIZE // SMALL), text, what=f"{len(text)} characters of {unit!r}")
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        if claim.speaker_start is not None:
            mention = text[claim.speaker_start : claim.speaker_end]
            assert mention and mention == mention.strip()


@pytest.mark.parametrize("unit", MEGABYTE_SENTENCE_UNITS)
def test_a_megabyte_sentence_is_fast(unit):
    # The Russian rules were quadratic with a small constant: 200 KB of "заявил " took half a
    # second, 1 MB twelve.
    text = repeated(unit, MEGABYTE)
    assert_linear(_fast, repeated(unit, MEGABYTE // SMALL), text, what=f"{len(text)} characters of {unit!r}")


def test_a_subject_far_behind_its_verb_is_still_found_quickly():
    # The look-back skips any run of spaces before the verb, however long, at the cost of the run.
    text = far_subject(SIZE)
    claims = assert_linear(_fast, far_subject(SIZE // SMALL), text, what=f"{SIZE} spaces between subject and verb")
    assert [(c.speaker, text[c.speaker_start : c.speaker_end]) for c in claims] == [("Иванов", "Иванов")]


def test_a_long_capitalised_run_around_a_poll_is_fast():
    text = capitalised_run(SIZE)
    assert_linear(_fast, capitalised_run(SIZE // SMALL), text, what=f"{len(text)} characters of capitalised words")


@pytest.mark.parametrize("word", LONG_WORDS)
def test_a_megabyte_word_is_fast(word):
    # The Russian "как указано выше" pattern once backtracked over every stem of a long word:
    # 64 KB of "привед" took four seconds, a megabyte would take a quarter of an hour.
    text = long_word(word, MEGABYTE)
    assert_linear(_fast, long_word(word, MEGABYTE // SMALL), text, what=f"{len(text)} characters of {word!r}")


@pytest.mark.parametrize("unit", PUNCTUATION_UNITS)
def test_a_megabyte_of_punctuation_without_spaces_is_fast(unit):
    # The sentence-end pattern retried a run of dots from each of its characters: 40 KB took twelve
    # seconds, a megabyte would take hours.
    text = punctuation_run(unit, MEGABYTE)
    assert_linear(_fast, punctuation_run(unit, MEGABYTE // SMALL), text, what=f"{len(text)} characters of {unit!r}")


def test_a_paragraph_of_quotations_is_fast():
    text = quoted_sentences(SIZE)
    assert_linear(_fast, quoted_sentences(SIZE // SMALL), text, what=f"{len(text)} characters of quotations")


def test_a_megabyte_word_beside_an_accented_one_is_fast():
    # The accented words were first found with a regex that retried every letter of a long plain word.
    text = "Raúl said " + "a" * MEGABYTE + " taxes rose."
    small = "Raúl said " + "a" * (MEGABYTE // SMALL) + " taxes rose."
    assert_linear(_fast, small, text, what=f"{len(text)} characters of one word after an accented name")
