"""Sentence features for the fast linear model: word 1-2-grams, character 3-grams inside words,
and engineered cues (figures, dates, quantities, comparatives, names, attribution verbs).

The training script (training/train_fast.py) calls the same function, so the features seen at
training time and at run time are identical by construction. Pure, any thread.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*|[%$£€]")
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_NUMBER_WORDS = frozenset(
    "million millions billion billions trillion thousand thousands hundred hundreds percent per cent "
    "half third thirds quarter quarters dozen dozens twice double doubled triple tripled".split()
)
_SMALL_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty sixty seventy eighty ninety".split()
)
_COMPARATIVE = frozenset(
    "more less fewer greater higher lower larger smaller bigger better worse faster slower "
    "most least highest lowest largest smallest biggest best worst fastest than compared "
    "record".split()
)
_ATTRIBUTION = frozenset(
    "said says say told claims claimed claim argues argued insists insisted according "
    "stated announced reported denied accused warned added noted estimated".split()
)
_FIRST_PERSON = frozenset("i me my we us our i'm i've we're we've".split())
_MODAL = frozenset("will would should could can must might may going gonna".split())
_NEGATION = frozenset("not no never n't nothing nobody none".split())
_CAUSAL = frozenset(
    "because cause caused causes causing due result resulted led lead leads since therefore thanks".split()
)
_OPINION = frozenset("think believe feel hope want wish like love hate agree disagree".split())
_QUESTION_START = frozenset("what why how who when where which do does did is are can could would should will".split())


def _shape(token: str) -> str:
    if token[0].isdigit():
        return "<year>" if _YEAR.match(token) else "<num>"
    return token.lower().replace("’", "'")  # "don’t" as the debates wrote it: "don't"


@lru_cache(maxsize=16384)
def _trigrams(word: str) -> tuple[str, ...]:
    """A word's character trigram features; words repeat across sentences and across the two linear
    models (check-worthiness and subjectivity) that read the same sentences."""
    padded = "<" + word + ">"
    return tuple("c:" + padded[i : i + 3] for i in range(len(padded) - 2))


def sentence_features(text: str) -> list[str]:
    """The feature names present in one sentence (may repeat; the model uses them as a set)."""
    return list(_features(text))


def forget_sentences() -> None:
    """Forget the cached features of whole sentences (benchmarks time a first reading of an article; the words'
    trigrams stay cached, as they do from one article to the next)."""
    _features.cache_clear()


@lru_cache(maxsize=2048)  # an article's sentences, a few MB at most; a longer document reads them afresh
def _features(text: str) -> tuple[str, ...]:
    """sentence_features, cached: the check-worthiness and subjectivity models read the same sentences in turn, and
    the final pass reads the sentences the first pass read."""
    raw = _WORD.findall(text)
    words = [_shape(t) for t in raw]
    feats = ["#bias"]
    feats.extend("w:" + w for w in words)
    feats.extend("b:" + a + " " + b for a, b in zip(words, words[1:]))
    if words:
        feats.append("b:<s> " + words[0])
    for w in words:
        if len(w) > 3 and w[0] != "<":
            feats.extend(_trigrams(w))
    word_set = set(words)
    n = len(words)
    feats.append("#len" + str(min(n // 5, 8)))
    nums = sum(1 for w in words if w == "<num>")
    if nums:
        feats.append("#num")
        if nums > 1:
            feats.append("#num2")
    if "<year>" in word_set:
        feats.append("#year")
    if "%" in word_set or "percent" in word_set:
        feats.append("#pct")
    if "$" in word_set or "£" in word_set or "€" in word_set or "dollars" in word_set:
        feats.append("#money")
    if word_set & _NUMBER_WORDS or word_set & _SMALL_NUMBERS:
        feats.append("#quantity")
    if word_set & _COMPARATIVE:
        feats.append("#compare")
    if word_set & _ATTRIBUTION:
        feats.append("#attrib")
    if word_set & _FIRST_PERSON:
        feats.append("#first")
    if word_set & _MODAL:
        feats.append("#modal")
    if word_set & _NEGATION:
        feats.append("#neg")
    if word_set & _CAUSAL:
        feats.append("#causal")
    if word_set & _OPINION:
        feats.append("#opinion")
    stripped = text.rstrip()
    if stripped.endswith("?") or (words and words[0] in _QUESTION_START and stripped.endswith("?")):
        feats.append("#question")
    caps = sum(1 for t in raw[1:] if t[0].isupper())
    feats.append("#caps" + str(min(caps, 4)))
    return tuple(feats)
