"""Import speed (issue 2) and batch import with extraction (issue 3).

Run on demand:  python -m pytest tests/benchmarks/bench_import.py -m benchmark -s
Set REVIEWER_BENCH_BATCH=10000 to run the full 10,000-article batch (default 1,000, scaled).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from reviewer.core.ingest import import_paths
from reviewer.core.store import Store

pytestmark = pytest.mark.benchmark

WORDS = (
    "the council minister said percent budget year million report police city health school "
    "water election court company workers prices rose fell according data government plan"
).split()


def write_articles(folder: Path, count: int, words: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        sentences, n = [], 0
        while n < words:
            length = rng.randint(8, 24)
            body = " ".join(rng.choice(WORDS) for _ in range(length))
            figure = f" by {rng.randint(1, 99)}.{rng.randint(0, 9)}% in {rng.randint(1990, 2026)}"
            sentences.append(body.capitalize() + figure + ", the minister said.")
            n += length + 6
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        path = folder / f"article-{i:05d}.txt"
        path.write_text(f"Headline number {i}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_import_1000_plain_text_articles(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder, 1000, 800)
    store = Store.open(tmp_path / "lib.sqlite")
    started = time.perf_counter()
    report = import_paths(store, [folder], extract=False)
    elapsed = time.perf_counter() - started
    store.close()
    assert len(report.added) == 1000 and not report.errors
    print(f"\nimport 1,000 plain-text articles of ~800 words (no extraction): {elapsed:.1f} s (target <= 20 s)")
    assert elapsed <= 20


def test_batch_import_with_extraction(tmp_path):
    count = int(os.environ.get("REVIEWER_BENCH_BATCH", "1000"))
    folder = tmp_path / "batch"
    write_articles(folder, count, 300, seed=11)
    store = Store.open(tmp_path / "batch.sqlite")
    started = time.perf_counter()
    report = import_paths(store, [folder], extract=True)
    elapsed = time.perf_counter() - started
    claims = store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    store.close()
    assert len(report.added) == count and not report.errors
    per_10k = elapsed * 10000 / count
    print(
        f"\nbatch import with final extraction: {count} articles of ~300 words in {elapsed:.1f} s "
        f"({claims} claims) → {per_10k / 60:.1f} min per 10,000 (target <= 10 min)"
    )
