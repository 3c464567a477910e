"""Scoring: both models load lazily, give scores in [0, 1], are thread-safe, and reach an F1 floor
on the held-out debates of the shared data (skipped when the data is absent)."""

from __future__ import annotations

import csv
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

import reviewer.core.extraction.models as models
from reviewer.core.errors import ReviewerError
from reviewer.core.extraction import DEFAULT_THRESHOLD, extract_claims, score_sentences

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("REVIEWER_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
CLAIMBUSTER = SHARED_DATA / "claimbuster-train" / "crowdsourced-1960-2008.csv"

CHECKWORTHY = "The unemployment rate rose to 10 percent and 3 million jobs were lost in the last two years."
CHATTER = "Thank you very much, it's good to be here tonight."


@pytest.mark.parametrize("quality", ["fast", "final"])
def test_scores_rank_a_factual_claim_above_chatter(quality):
    high, low = score_sentences([CHECKWORTHY, CHATTER], quality=quality)
    assert 0.0 <= low < DEFAULT_THRESHOLD <= high <= 1.0


def test_score_sentences_empty_and_bad_quality():
    assert score_sentences([]) == []
    with pytest.raises(ValueError):
        score_sentences(["x"], quality="best")
    with pytest.raises(ValueError):
        extract_claims("x", quality="slow")


def test_threshold_sets_the_flag():
    text = f"{CHECKWORTHY} {CHATTER}"
    claims = extract_claims(text, quality="fast")
    assert [c.checkworthy for c in claims] == [c.score >= DEFAULT_THRESHOLD for c in claims]
    assert all(c.checkworthy for c in extract_claims(text, 0.0, quality="fast"))
    assert not any(c.checkworthy for c in extract_claims(text, 1.01, quality="fast"))


def test_final_and_fast_give_the_same_spans():
    text = 'Taxes rose 4% last year, the minister said. "We will cut them," he added.\n\nThanks to all.'
    fast = extract_claims(text, quality="fast")
    final = extract_claims(text, quality="final")
    assert [(c.start, c.end, c.speaker, c.kind) for c in fast] == [(c.start, c.end, c.speaker, c.kind) for c in final]


def test_scoring_is_thread_safe_and_deterministic():
    sentences = [CHECKWORTHY, CHATTER, "Crime fell 20% in 2019.", "I think so."] * 5
    expected = score_sentences(sentences)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: score_sentences(sentences), range(8)))
    assert all(r == expected for r in results)
    assert score_sentences([sentences[2]]) == [expected[2]]  # independent of the batch


def test_missing_model_files_raise_a_reviewer_error(monkeypatch, tmp_path):
    monkeypatch.setattr(models, "_cache", {})
    monkeypatch.setattr(models, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(ReviewerError, match="missing"):
        score_sentences(["Taxes rose."], quality="fast")


def _test_split():
    if not CLAIMBUSTER.is_file():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set REVIEWER_SHARED_DATA to run this test)")
    with open(CLAIMBUSTER, newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["File_id"].startswith("2008")]
    return [r["Text"] for r in rows], [r["Verdict"] == "1" for r in rows]


def _f1(scores, labels):
    tp = sum(1 for s, y in zip(scores, labels) if s >= DEFAULT_THRESHOLD and y)
    predicted = sum(1 for s in scores if s >= DEFAULT_THRESHOLD)
    return 2 * tp / (predicted + sum(labels))


def test_f1_on_held_out_debates_fast():
    # The 2008 debates were never used for training or for choosing the threshold.
    texts, labels = _test_split()
    assert _f1(score_sentences(texts, quality="fast"), labels) >= 0.58


def test_f1_on_held_out_debates_final():
    texts, labels = _test_split()
    assert _f1(score_sentences(texts, quality="final"), labels) >= 0.66


def test_cascade_runs_the_transformer_only_where_the_fast_score_reaches_the_cutoff(monkeypatch):
    manifest = {**json.loads(REPO.joinpath("resources/model/final.json").read_text()), "fast_cutoff": 0.0}
    full = models.FinalScorer(manifest)
    cascade = models.FinalScorer({**manifest, "fast_cutoff": 0.3})
    sentences = [CHECKWORTHY, CHATTER, "Crime fell 20% in 2019.", "Good evening."]
    fast = models.fast_model().scores(sentences)
    seen = []
    real_logits = cascade._transformer.logits
    monkeypatch.setattr(cascade._transformer, "logits", lambda batch: seen.extend(batch) or real_logits(batch))
    scores = cascade.scores(sentences)
    refined = [s for s, f in zip(sentences, fast) if f >= 0.3]
    assert seen == refined and 0 < len(refined) < len(sentences)
    expected = full.scores(sentences)
    mapped = models.skipped_scores(fast, cascade._skipped_slope, cascade._skipped_offset)
    for score, fast_score, full_score, skipped_score in zip(scores, fast, expected, mapped):
        assert score == pytest.approx(full_score if fast_score >= 0.3 else skipped_score)


def test_skipped_sentences_score_low_on_the_transformers_scale_in_fast_order():
    manifest = json.loads(REPO.joinpath("resources/model/final.json").read_text())
    fast = [0.001, 0.01, 0.03, 0.06, manifest["fast_cutoff"] - 1e-9]
    mapped = models.skipped_scores(np.array(fast), manifest["skipped_slope"], manifest["skipped_offset"])
    assert list(mapped) == sorted(mapped) and len(set(mapped)) == len(fast)  # order kept
    assert mapped.max() < manifest["fast_cutoff"]  # never above a score that would have been refined


def test_shipped_cascade_cutoff_is_below_the_threshold():
    manifest = json.loads(REPO.joinpath("resources/model/final.json").read_text())
    assert 0.0 <= manifest.get("fast_cutoff", 0.0) < DEFAULT_THRESHOLD / 2
