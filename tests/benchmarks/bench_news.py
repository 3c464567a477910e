"""News check-worthiness benchmark (issue 13): the project's own news labels, dev split.

Run on demand:
    python -m pytest tests/benchmarks/bench_news.py -m benchmark -s

Prints, for the news dev split (16 PolNeAR dev articles, 12 science and health articles of news-claim-analysis
and 8 saved news web pages, labelled by news-guidelines.md; see training/news_labels/), together and apart:
- check-worthy precision, recall and F1 of `extract_claims` at DEFAULT_THRESHOLD, fast and final,
  measured as the app shows it: each labelled sentence takes the flag of the extracted claim that
  overlaps it most; a sentence dropped as boilerplate counts as not flagged;
- the same for the debate scores alone (what the app showed before the news head);
- per-kind precision and recall of the final pass (a dropped sentence counts as kind "other");
- that `reviewer claims FILE --json` flags exactly what extract_claims flags (the app's path);
- extract_claims on 5,000 words of news prose, warm, median of several runs, fast and final
  (targets 150 ms and 1 s on one core).
Needs ../shared/data (or REVIEWER_SHARED_DATA); skipped otherwise.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.core.extraction import DEFAULT_THRESHOLD, ExtractedClaim, extract_claims, score_sentences
from reviewer.core.extraction.features import forget_sentences

pytestmark = pytest.mark.benchmark

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("REVIEWER_SHARED_DATA", REPO.parent / "shared" / "data"))
KINDS = ("statistic", "prediction", "causal", "comparison", "quotation", "other")


def _labels():
    if not (SHARED_DATA / "polnear").is_dir():
        pytest.skip(f"the shared data is not at {SHARED_DATA}")
    sys.path.insert(0, str(REPO / "training" / "news_labels"))
    import labels  # noqa: PLC0415

    return labels


def _domain(doc: str) -> str:
    name = doc.split("/", 1)[1]
    return "science" if name.startswith("science-") else "pages" if name.startswith("page-") else "politics"


def _best(claims: list[ExtractedClaim], start: int, end: int) -> ExtractedClaim | None:
    best, overlap = None, 0
    for claim in claims:
        shared = min(claim.end, end) - max(claim.start, start)
        if shared > overlap:
            best, overlap = claim, shared
    return best


def _prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(1 for gold, pred in pairs if gold and pred)
    fp = sum(1 for gold, pred in pairs if pred and not gold)
    fn = sum(1 for gold, pred in pairs if gold and not pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def test_news_dev_figures(tmp_path):
    labels = _labels()
    dev = labels.load("dev")
    docs: dict[str, list] = {}
    for label in dev:
        docs.setdefault(label.doc, []).append(label)
    texts = {doc: labels.corpus.text_of(doc) for doc in docs}
    print(f"\nnews dev: {len(dev)} sentences from {len(docs)} articles, {sum(x.checkworthy for x in dev)} check-worthy")
    # Reported together and apart: the PolNeAR political articles (the dev split of earlier sessions), the science
    # and health articles of news-claim-analysis and the news of the saved web pages (both added 2026-12-08).
    groups = {"all": set(docs)} | {
        domain: {d for d in docs if _domain(d) == domain} for domain in ("politics", "science", "pages")
    }
    kind_pairs: list[tuple[str, str]] = []
    for quality in ("fast", "final"):
        pairs: dict[str, list[tuple[bool, bool]]] = {}
        debate_pairs: dict[str, list[tuple[bool, bool]]] = {}
        for doc, doc_labels in docs.items():
            claims = extract_claims(texts[doc], quality=quality)
            debate = score_sentences([c.text for c in claims], quality=quality)
            debate_flag = {(c.start, c.end): s >= DEFAULT_THRESHOLD for c, s in zip(claims, debate)}
            for label in doc_labels:
                claim = _best(claims, label.start, label.end)
                pairs.setdefault(doc, []).append((label.checkworthy, bool(claim and claim.checkworthy)))
                debate_pairs.setdefault(doc, []).append(
                    (label.checkworthy, bool(claim and debate_flag[(claim.start, claim.end)]))
                )
                if quality == "final":
                    kind_pairs.append((label.kind, claim.kind if claim else "other"))
        for group, members in groups.items():
            if not members:
                continue
            p, r, f = _prf([pair for d in sorted(members) for pair in pairs[d]])
            dp, dr, df = _prf([pair for d in sorted(members) for pair in debate_pairs[d]])
            label = quality if group == "all" else f"  {group} ({len(members)} articles)"
            print(
                f"{label:>5}: check-worthy P {p:.3f} R {r:.3f} F1 {f:.3f}   "
                f"(debate scores alone: P {dp:.3f} R {dr:.3f} F1 {df:.3f})"
            )
    print("kinds (final pass):")
    for kind in KINDS:
        tp = sum(1 for gold, pred in kind_pairs if gold == pred == kind)
        predicted = sum(1 for _, pred in kind_pairs if pred == kind)
        gold = sum(1 for g, _ in kind_pairs if g == kind)
        print(
            f"  {kind:<11} P {tp / predicted if predicted else 0:.3f} R {tp / gold if gold else 0:.3f} "
            f"(gold {gold}, predicted {predicted})"
        )
    accuracy = sum(1 for g, p in kind_pairs if g == p) / len(kind_pairs)
    print(f"  accuracy {accuracy:.3f}")

    # The command line flags exactly what the app's extraction flags.
    doc = sorted(docs)[0]
    path = tmp_path / "article.txt"
    path.write_text(texts[doc], encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "reviewer", "claims", str(path), "--json"], capture_output=True, text=True, check=True
    ).stdout
    cli = [c["text"] for c in map(json.loads, out.splitlines()) if c["checkworthy"]]
    app = [c.text for c in extract_claims(texts[doc]) if c.checkworthy]
    print(f"reviewer claims and extract_claims flag the same sentences: {cli == app} ({len(app)} flagged)")
    assert cli == app


def test_news_speed():
    labels = _labels()
    words, parts = 0, []
    for doc in sorted({x.doc for x in labels.load() if _domain(x.doc) == "politics"}):  # the same prose as before
        text = labels.corpus.text_of(doc)
        parts.append(text)
        words += len(text.split())
        if words >= 5000:
            break
    article = "\n\n".join(parts)
    words = len(article.split())
    for quality in ("fast", "final"):
        extract_claims(article, quality=quality)  # warm: models loaded
        times = []
        for _ in range(5):
            forget_sentences()  # a first reading of the article: no sentence features cached from the last run
            t0 = time.perf_counter()
            extract_claims(article, quality=quality)
            times.append(time.perf_counter() - t0)
        print(
            f"\n{words} words of news prose, {quality}: median {statistics.median(times) * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f} ms)"
        )
