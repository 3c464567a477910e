"""The final pass's speakers scored in seconds: the source tagger's spans are cached once, the rules re-run.

The tagger's spans depend on the model only, not on the rules, so a change to the rules can be measured
on PolNeAR train and dev and on the news labels without running the transformer again. The figures are
evaluate.py's (the dev lines equal bench_attribution's "rules + tagger (final pass, shipped)" lines).

    python training/attribution/cached_eval.py build          # once per model (~10 min of one core)
    python training/attribution/cached_eval.py [train|dev|all] [--misses N] [--news] [--fast]

--misses N prints N PolNeAR misses, --news every news-label miss, --fast scores the rules alone.
RESEGMENT=1 re-splits the sentences first (to measure a segmentation change without a rebuild; the
sentences it re-cut lose their tagger spans, so the figure is an estimate until the cache is rebuilt).
Cache: $ATTRIBUTION_CACHE or /tmp/attribution_hints.pkl (a pickle this script wrote; never load one
from elsewhere).
"""

from __future__ import annotations

import os
import pickle
import random
import sys
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "news_labels"))
import corpus  # type: ignore[import-not-found]  # noqa: E402
import evaluate  # noqa: E402
import labels  # type: ignore[import-not-found]  # noqa: E402
import polnear  # noqa: E402

import reviewer.core.extraction as extraction  # noqa: E402
from reviewer.core.extraction import news  # noqa: E402

CACHE = Path(os.environ.get("ATTRIBUTION_CACHE", "/tmp/attribution_hints.pkl"))


def _texts() -> dict[tuple[str, str, str], str]:
    out = {}
    for compartment in ("train", "dev"):
        for article in polnear.articles(compartment):
            out[("polnear", compartment, article.name)] = article.text
        for label in labels.load(compartment):
            if label.checkworthy and label.speaker:
                out.setdefault(("news", compartment, label.doc), corpus.text_of(label.doc))
    return out


def build() -> None:
    cache = {}
    for key, text in _texts().items():
        segments = extraction._segments(text)
        sentences = [text[s.start : s.end] for s in segments]
        hints = None
        if sentences and not news.is_transcript(text):  # as extract_claims(quality="final") does
            tokens: list = []
            extraction.final_scorer().scores_and_pooled(sentences, tokens)
            hints = extraction._tagger_hints(sentences, tokens)
        cache[key] = (text, segments, hints)
    CACHE.write_bytes(pickle.dumps(cache))


def _claims(text: str, segments: list, hints: list | None) -> list[SimpleNamespace]:
    if hints is not None and os.environ.get("RESEGMENT"):
        # Segmentation changed since the cache was built: re-split, and keep the tagger's spans of the
        # sentences that kept their bounds (a sentence the change re-cut gets none: an estimate).
        by_bounds = {(s.start, s.end): h for s, h in zip(segments, hints)}
        segments = extraction._segments(text)
        hints = [by_bounds.get((s.start, s.end), []) for s in segments]
    elif os.environ.get("RESEGMENT"):
        segments = extraction._segments(text)
    return [
        SimpleNamespace(
            start=start, end=end, text=text[start:end], speaker=a.speaker, speaker_start=a.start, speaker_end=a.end
        )
        for start, end, a in extraction._attribute(text, segments, hints)
    ]


def main() -> None:
    if sys.argv[1:2] == ["build"]:
        build()
        return
    which = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "all"
    show = int(sys.argv[sys.argv.index("--misses") + 1]) if "--misses" in sys.argv else 0
    fast = "--fast" in sys.argv
    cache = pickle.loads(CACHE.read_bytes())
    for compartment in ("train", "dev") if which == "all" else (which,):
        score = evaluate.Score()
        articles = {a.name: a for a in polnear.articles(compartment)}
        for (kind, part, name), (text, segments, hints) in cache.items():
            if kind == "polnear" and part == compartment:
                claims = _claims(text, segments, None if fast else hints)
                evaluate.score_article(articles[name], score, claims=claims)  # type: ignore[arg-type]
        print(f"PolNeAR {compartment}:")
        for line in score.lines():
            print("  " + line)
        random.Random(1).shuffle(score.misses)
        for name, mention, speaker, underlined, sentence in score.misses[:show]:
            print(f"- gold {mention!r} got {speaker!r} [{underlined!r}] :: {sentence[:200]!r}")

        def cached_claims(doc: str, _text: str, compartment: str = compartment) -> list[SimpleNamespace]:
            text, segments, hints = cache[("news", compartment, doc)]
            return _claims(text, segments, None if fast else hints)

        right, total, misses = evaluate.score_news_labels(compartment, claims_of=cached_claims) or (0, 0, [])
        print(f"news labels {compartment}: {right}/{total} = {right / max(1, total):.1%}")
        if "--news" in sys.argv:
            for sentence, gold, got in misses:
                print(f"  - {gold} | got {got!r} :: {sentence}")


if __name__ == "__main__":
    main()
