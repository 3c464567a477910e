"""Science and health news benchmark: the main claim and its claimer (news-claim-analysis, dev split).

Run on demand:
    python -m pytest tests/benchmarks/bench_science.py -m benchmark -s

`../shared/data/news-claim-analysis` gives, for 101 science and health news articles, the article's main claim
(a snippet of its text) and its claimers ("lead author of the study Hiroyuki Inoue", "the WHO", or none). For each
article, the claim `extract_claims` makes of the sentence holding the main claim (the one that overlaps it most)
is checked, as the desk shows it:
- flagged check-worthy, fast and final pass, and ranked among the article's three highest scores;
- its speaker names one of the claimers (training/attribution/evaluate.py's matching: one side's words a
  contiguous run of the other's, "Kevin Nead" in "lead researcher Dr. Kevin Nead, an assistant professor …"), or
  is empty when the data says "no claimer found".
Figures are printed for all articles and for those that are not in the project's news labels (40 of them were
labelled sentence by sentence, training/news_labels/articles_science.txt, and 28 of those train the news head).
Needs ../shared/data (or REVIEWER_SHARED_DATA); skipped otherwise.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reviewer.core.extraction import extract_claims

pytestmark = pytest.mark.benchmark

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("REVIEWER_SHARED_DATA", REPO.parent / "shared" / "data"))
NO_CLAIMER = "no claimer found"


def _articles() -> list[tuple[str, str, str, list[str]]]:
    """(id, text, main claim, claimers) per article."""
    if not (SHARED_DATA / "news-claim-analysis").is_dir():
        pytest.skip(f"the shared data is not at {SHARED_DATA}")
    sys.path.insert(0, str(REPO / "training" / "news_labels"))
    import corpus  # noqa: PLC0415

    records: dict[str, list[dict]] = {}
    import json  # noqa: PLC0415

    for record in json.loads((corpus.SCIENCE / "dev.json").read_text(encoding="utf-8")):
        records.setdefault(record["id"], []).append(record)
    out = []
    for article_id, rows in records.items():
        claim = next(r["output"] for r in rows if r["instruction"].startswith("What is the main claim"))
        claimers = [r["output"] for r in rows if r["instruction"].startswith("Who is the claimer")]
        out.append((article_id, corpus.science_texts()[article_id], claim, claimers))
    return out


def _labelled() -> set[str]:
    path = REPO / "training" / "news_labels" / "articles_science.txt"
    return {line.strip().rsplit("science-", 1)[1] for line in path.read_text(encoding="utf-8").split() if line.strip()}


def test_main_claim_and_claimer():
    sys.path.insert(0, str(REPO / "training" / "attribution"))
    from evaluate import matches  # noqa: PLC0415

    articles = _articles()
    labelled = _labelled()
    for quality in ("fast", "final"):
        counts: dict[str, dict[str, int]] = {}
        for article_id, text, claim, claimers in articles:
            at = text.find(claim)
            if at < 0:
                continue  # the snippet is not the article's text (one article: a title run into it)
            claims = extract_claims(text, quality=quality)
            holding = [c for c in claims if min(c.end, at + len(claim)) > max(c.start, at)]
            best = max(holding, key=lambda c: min(c.end, at + len(claim)) - max(c.start, at)) if holding else None
            named = [c for c in claimers if c != NO_CLAIMER]
            rank = sorted((c.score for c in claims), reverse=True).index(best.score) if best else len(claims)
            if named:
                right_speaker = bool(best and best.speaker and any(matches(best.speaker, c) for c in named))
            else:
                right_speaker = bool(best) and best.speaker is None
            for group in ("all", "unlabelled") if article_id not in labelled else ("all",):
                count = counts.setdefault(
                    group, dict.fromkeys(("n", "flagged", "top3", "named", "named_right", "none", "none_right"), 0)
                )
                count["n"] += 1
                count["flagged"] += bool(best and best.checkworthy)
                count["top3"] += rank < 3
                count["named" if named else "none"] += 1
                count["named_right" if named else "none_right"] += right_speaker
        for group, c in counts.items():
            print(
                f"\n{quality:>5}, {group} ({c['n']} articles): main claim flagged {c['flagged']}/{c['n']} = "
                f"{c['flagged'] / c['n']:.0%}, among the 3 highest scores {c['top3']}/{c['n']}; claimer right "
                f"{c['named_right']}/{c['named']} = {c['named_right'] / max(1, c['named']):.0%}, no claimer and "
                f"no speaker {c['none_right']}/{c['none']}"
            )
