"""Speaker attribution benchmark (issue 14): PolNeAR dev, the news labels, and speed.

Run on demand:
    python -m pytest tests/benchmarks/bench_attribution.py -m benchmark -s

Figures printed (needs ../shared/data/polnear or REVIEWER_SHARED_DATA; skipped otherwise):
- PolNeAR dev (84 articles; one annotator's file per article). For every attribution with a Source,
  the claim holding its Content is the claim from `extract_claims(text)` overlapping the Content most.
  That claim "gets" the source when its speaker, or the mention it underlines, matches the source
  mention: both lower-cased, curly quotes straightened, possessive 's and punctuation dropped; one's
  words must be a contiguous run of the other's ("Trump" in "Donald Trump", "Donald Trump" in
  "Republican nominee Donald Trump"), and the shorter must hold a word other than a function word.
  * name-or-description sources (the mention is not only pronouns): target >= 85%;
  * pronoun sources resolved: the gold pronoun stands for the nearest preceding name-or-description
    source of the article; the claim's speaker must match that name (reported);
  * the share of claims with a speaker that hold no annotated content (a precision check).
  (The rule lives in training/attribution/evaluate.py, shared with the tuning script.)
- News labels (training/news_labels/labels.jsonl, dev split), when present: check-worthy label
  sentences with a speaker; each is mapped to the extracted claim overlapping it most; right when the
  claim's speaker matches any of the label's parties by the rule above. Target >= 85%.
- Each figure three ways: the rules alone (the fast pass; the final pass gives the same speakers
  without the tagger), the source tagger alone (its best span in the final pass, resolved through
  the rules' memory of names) and both combined (what the final pass ships; speakers.Attributor).
- Speed: extract_claims(quality="final") on 5,000 words of news (target <= 1 s, one core), the same
  without the source tagger, and the rules' own share of the fast pass (the same run with an
  attributor that finds nothing, subtracted). The machine's load average is printed with them.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pytest

import os

from reviewer.core.extraction import extract_claims, source_tagger, speakers
from reviewer.core.extraction.features import forget_sentences

pytestmark = pytest.mark.benchmark

TRAINING = Path(__file__).resolve().parents[2] / "training" / "attribution"
sys.path.insert(0, str(TRAINING))

import evaluate  # noqa: E402
import polnear  # noqa: E402

needs_data = pytest.mark.skipif(not polnear.available(), reason=f"PolNeAR not found at {polnear.POLNEAR}")


# (label, quality, tagger mode)
_WAYS = (
    ("rules (fast pass)", "fast", "rules"),
    ("tagger alone (final pass)", "final", "tagger"),
    ("rules + tagger (final pass, shipped)", "final", "combined"),
)


def _each_way(fn):
    original = speakers.Attributor.tagger_mode
    try:
        for label, quality, mode in _WAYS:
            speakers.Attributor.tagger_mode = mode
            yield label, fn(quality)
    finally:
        speakers.Attributor.tagger_mode = original


@needs_data
def test_polnear_dev():
    for label, score in _each_way(lambda quality: evaluate.score_polnear("dev", quality)):
        print(f"\nPolNeAR dev, {label}:")
        for line in score.lines():
            print("  " + line)


@needs_data
def test_news_labels_dev():
    if evaluate.score_news_labels("dev") is None:
        pytest.skip("training/news_labels/labels.jsonl not built yet")
    print()
    for label, result in _each_way(lambda quality: evaluate.score_news_labels("dev", quality)):
        right, total, _ = result
        print(
            f"news labels dev, check-worthy sentences with a speaker, {label}: "
            f"{right}/{total} = {right / max(1, total):.1%}"
        )
    # Apart: the 16 PolNeAR political articles (the dev split before 2026-12-08), the 12 science articles and the 8
    # saved news pages.
    for part, only in (
        ("politics", lambda doc: "/science-" not in doc and "/page-" not in doc),
        ("science", lambda doc: "/science-" in doc),
        ("pages", lambda doc: "/page-" in doc),
    ):
        right, total, _ = evaluate.score_news_labels("dev", "final", only=only)
        print(f"  {part}, rules + tagger (final pass, shipped): {right}/{total} = {right / max(1, total):.1%}")


class _Silent(speakers.Attributor):
    def attribute(self, start: int, end: int, new_block: bool, hints=()) -> speakers.Attribution:
        return speakers.Attribution(None, None, None)


def _timed(fn, repeat=5):
    fn()
    cpus = []
    for _ in range(repeat):
        forget_sentences()  # a first reading: no sentence features cached from the last run
        c0 = time.process_time()
        fn()
        cpus.append(time.process_time() - c0)
    return statistics.median(cpus)


@needs_data
def test_speed_5000_words_of_news():
    words: list[str] = []
    for article in polnear.articles("dev"):
        words.extend(article.text.split(" "))
        if len(words) >= 5000:
            break
    text = " ".join(words[:5000])
    load_before = os.getloadavg()[0]
    final = _timed(lambda: extract_claims(text, quality="final"), repeat=3)
    original_tagger = source_tagger.source_tagger
    source_tagger.source_tagger = lambda: None  # type: ignore[assignment]
    try:
        untagged = _timed(lambda: extract_claims(text, quality="final"), repeat=3)
    finally:
        source_tagger.source_tagger = original_tagger  # type: ignore[assignment]
    with_attr = _timed(lambda: extract_claims(text, quality="fast"))
    original = speakers.Attributor
    speakers.Attributor = _Silent  # type: ignore[misc]
    try:
        without = _timed(lambda: extract_claims(text, quality="fast"))
    finally:
        speakers.Attributor = original  # type: ignore[misc]
    print(
        f"\n5,000 words of PolNeAR dev news ({len(text):,} chars), CPU time, one core:\n"
        f"  extract_claims final {final * 1000:.0f} ms (target 1000 ms); "
        f"without the source tagger {untagged * 1000:.0f} ms\n"
        f"  attribution's own time {max(0.0, with_attr - without) * 1000:.0f} ms "
        f"(fast pass {with_attr * 1000:.0f} ms with it, {without * 1000:.0f} ms without)\n"
        f"  load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores"
    )
