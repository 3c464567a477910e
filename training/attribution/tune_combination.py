"""Choose how the final pass combines the source tagger with the rules, on held-out PolNeAR train.

The held-out articles are the last tenth of train (as in train_tagger.py; never dev). The transformer
and the tagger run once per article; then every setting re-runs only the attribution and is scored
by evaluate.py's rule. Settings: `speaker_tagging._CUE_SUBJECTS` (the rules look for the subject of a cue only the tagger found), `_TAGGER_OVERRIDES` (how sure the tagger must be to
replace a speaker the rules found elsewhere in the sentence) and `_TAGGER_ALONE` (how sure it must be
when the rules found none).

    python training/attribution/tune_combination.py [--split dev] [--short]   # prints a table
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate  # noqa: E402
import polnear  # noqa: E402

from reviewer.core.extraction import ExtractedClaim, _attribute, _segments, _tagger_hints, speaker_tagging, speakers  # noqa: E402
from reviewer.core.extraction.models import final_scorer  # noqa: E402


def prepared(articles: list[polnear.Article]) -> list[tuple[polnear.Article, list, list]]:
    out = []
    for article in articles:
        segments = _segments(article.text)
        sentences = [article.text[s.start:s.end] for s in segments]
        tokens: list = []
        final_scorer().scores_and_pooled(sentences, tokens)
        out.append((article, segments, _tagger_hints(sentences, tokens)))
    return out


def score(items: list[tuple[polnear.Article, list, list]]) -> evaluate.Score:
    total = evaluate.Score()
    for article, segments, hints in items:
        claims = [ExtractedClaim(start, end, article.text[start:end], 0.0, False, a.speaker, a.start, a.end, "other")
                  for start, end, a in _attribute(article.text, segments, hints)]
        evaluate.score_article(article, total, claims)
    return total


def main() -> None:
    if "--split" in sys.argv and sys.argv[sys.argv.index("--split") + 1] == "dev":
        articles = polnear.articles("dev")
    else:
        train = polnear.articles("train")
        articles = train[int(len(train) * 0.9):]
    items = prepared(articles)
    print(f"{len(articles)} articles")
    grid = itertools.product((True, False), (0.7, 0.8, 0.9), (0.0, 0.5)) if "--short" in sys.argv else \
        itertools.product((True, False), (0.6, 0.7, 0.8, 0.9, 1.1), (0.0, 0.4, 0.5, 0.6))
    for cue_subjects, override, alone in grid:
        speakers.Attributor.tagger_mode = "combined"
        speaker_tagging._CUE_SUBJECTS = cue_subjects
        speaker_tagging._TAGGER_OVERRIDES = override
        speaker_tagging._TAGGER_ALONE = alone
        s = score(items)
        print(f"cue subjects {cue_subjects}, overrides>={override} alone>={alone}: named {s.named_right / s.named:.1%}, "
              f"pronouns {s.pronoun_right / max(1, s.pronoun):.1%}, spurious {s.spurious / max(1, s.claims_with_speaker):.1%}",
              flush=True)
    speakers.Attributor.tagger_mode = "tagger"
    s = score(items)
    print(f"tagger alone: named {s.named_right / s.named:.1%}, pronouns {s.pronoun_right / max(1, s.pronoun):.1%}")
    speakers.Attributor.tagger_mode = "rules"
    s = score(items)
    print(f"rules alone: named {s.named_right / s.named:.1%}, pronouns {s.pronoun_right / max(1, s.pronoun):.1%}")


if __name__ == "__main__":
    main()
