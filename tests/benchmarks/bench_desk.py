"""The review desk on a big library, printed (opt-in: ``pytest tests/benchmarks/bench_desk.py -m benchmark -s``).

Targets (issue 4), with a library of 10,000 articles:
  * main window shown in <= 1.5x the time it takes with one article;
  * library search <= 100 ms;
  * opening a 10,000-word article with 500 claims <= 200 ms;
  * next claim <= 30 ms;
  * memory (RSS) <= 400 MB.
Each figure is the median of several runs after one warm-up (font and style caches).
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import pytest

from reviewer.ui.qt_compat import protect_none

protect_none()

pytestmark = pytest.mark.benchmark

N_ARTICLES = 10_000
WORDS = (
    "the minister said council budget rose percent million hospital beds schools police rates inflation "
    "election voters poll tax spending fell years report data officials claimed figure city region "
    "government workers wages prices housing rents transport energy climate emissions"
).split()


class _Doc:
    def __init__(self, title, text, blocks, n):
        self.title, self.text, self.blocks = title, text, blocks
        self.site, self.url, self.author, self.published = "Ledger", None, "Writer", "2024-05-02"
        self.original_format, self.source_path, self.language = "txt", None, "en"
        self.content_hash = f"bench-{n}-{len(text)}"


class _Draft:
    def __init__(self, start, end, score):
        self.start, self.end, self.score, self.checkworthy = start, end, score, score >= 0.5
        self.speaker = self.speaker_start = self.speaker_end = None
        self.kind, self.origin = "statistic", "auto"


def _article(rng: random.Random, n: int, words: int, claims_wanted: int):
    from reviewer.core.domain import Block

    paragraphs, blocks, drafts, pos = [], [], [], 0
    remaining = words
    sentences_total = max(1, words // 20)
    every = max(1, sentences_total // max(claims_wanted, 1))
    s_index = 0
    while remaining > 0:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            k = min(remaining, rng.randint(12, 28))
            if k <= 0:
                break
            remaining -= k
            sentence = " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + f" {rng.randint(2, 99)}."
            sentences.append(sentence)
        para = " ".join(sentences)
        if paragraphs:
            pos += 2
        start = pos
        cursor = start
        for sentence in sentences:
            if s_index % every == 0 and len(drafts) < claims_wanted:
                drafts.append(_Draft(cursor, cursor + len(sentence), rng.random()))
            s_index += 1
            cursor += len(sentence) + 1
        paragraphs.append(para)
        blocks.append(Block(start, start + len(para)))
        pos = start + len(para)
    text = "\n\n".join(paragraphs)
    return _Doc(f"Article {n}: " + " ".join(rng.choice(WORDS) for _ in range(6)), text, tuple(blocks), n), drafts


@pytest.fixture(scope="module")
def big_library(tmp_path_factory):
    from reviewer.core.store import Store

    folder = tmp_path_factory.mktemp("desk-bench")
    rng = random.Random(7)
    t0 = time.perf_counter()
    big = folder / "big.sqlite"
    with Store.open(big, reviewer="bench") as store:
        with store.write():
            # The long article first, so that both windows open on an ordinary newest article.
            doc, drafts = _article(rng, N_ARTICLES, 10_000, 500)
            long_id = store.add_article(doc, drafts).id
            long_claims = len(drafts)
            for n in range(N_ARTICLES - 1):
                doc, drafts = _article(rng, n, rng.randint(150, 400), 6)
                store.add_article(doc, drafts)
    one = folder / "one.sqlite"
    with Store.open(one, reviewer="bench") as store:
        doc, drafts = _article(random.Random(8), 1, 300, 6)
        store.add_article(doc, drafts)
    print(
        f"\n[desk] built {N_ARTICLES:,} articles in {time.perf_counter() - t0:.1f} s "
        f"(long article: 10,000 words, {long_claims} claims)"
    )
    return big, one, long_id


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _show_window(qapp, path: Path, settings_path: Path):
    from PySide6.QtGui import QUndoStack

    from reviewer.core.store import Store
    from reviewer.ui.changes import ChangeHub
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import Settings
    from reviewer.ui.tasks import TaskManager

    store = Store.open(path, reviewer="bench")
    settings = Settings(settings_path)
    t0 = time.perf_counter()
    window = MainWindow(store, settings, ChangeHub(), QUndoStack(), TaskManager())
    window.persist = False
    window.restore_session()
    window.resize(1440, 900)
    window.show()
    qapp.processEvents()
    elapsed = time.perf_counter() - t0
    return window, store, elapsed


def _close(window, store, qapp):
    window.close()
    window.deleteLater()
    qapp.processEvents()
    store.close()


def _median(values):
    return statistics.median(values) * 1000


def test_desk_benchmark(qapp, big_library, tmp_path):
    big, one, long_id = big_library
    figures = {}

    # Window shown: one article vs 10,000 (warm-up first, then alternate).
    window, store, _ = _show_window(qapp, one, tmp_path / "warm.ini")
    _close(window, store, qapp)
    times = {"one": [], "big": []}
    for i in range(9):
        for key, path in (("one", one), ("big", big)):
            window, store, elapsed = _show_window(qapp, path, tmp_path / f"{key}{i}.ini")
            times[key].append(elapsed)
            _close(window, store, qapp)
    figures["window_one_ms"] = _median(times["one"])
    figures["window_big_ms"] = _median(times["big"])

    window, store, _ = _show_window(qapp, big, tmp_path / "main.ini")
    try:
        # Library search (what the debounce timer runs): FTS query + first page + count.
        search = []
        for query in ("hospital beds", "inflation", "minister budget", "article 99", "climate emissions rose", "zzzz"):
            window.library.search.blockSignals(True)
            window.library.search.setText(query)
            window.library.search.blockSignals(False)
            t0 = time.perf_counter()
            window.library.apply_filter()
            qapp.processEvents()
            search.append(time.perf_counter() - t0)
        figures["search_ms"] = _median(search)
        figures["search_max_ms"] = max(search) * 1000
        window.library.search.clear()
        window.library.apply_filter()

        # Opening the long article (10,000 words, 500 claims), painted.
        opening = []
        for _ in range(3):
            window.open_article(long_id + 1)
            qapp.processEvents()
            t0 = time.perf_counter()
            window.open_article(long_id)
            window.repaint()
            qapp.processEvents()
            opening.append(time.perf_counter() - t0)
        figures["open_long_ms"] = _median(opening)
        assert window.claims.model.rowCount() >= 450

        # Next claim (J): panel row, reader highlight + scroll, review editor, painted.
        steps = []
        for _ in range(60):
            t0 = time.perf_counter()
            window.step_claim(1)
            window.repaint()
            qapp.processEvents()
            steps.append(time.perf_counter() - t0)
        figures["next_claim_ms"] = _median(steps)
        figures["next_claim_p90_ms"] = sorted(steps)[int(len(steps) * 0.9)] * 1000
        figures["rss_mb"] = _rss_mb()
    finally:
        _close(window, store, qapp)

    ratio = figures["window_big_ms"] / figures["window_one_ms"]
    print(
        f"[desk] window shown: one article {figures['window_one_ms']:.0f} ms, "
        f"10,000 articles {figures['window_big_ms']:.0f} ms (x{ratio:.2f}; target <= 1.5)"
    )
    print(
        f"[desk] library search: median {figures['search_ms']:.1f} ms, max {figures['search_max_ms']:.1f} ms "
        "(target <= 100)"
    )
    print(f"[desk] open 10,000-word article with 500 claims: {figures['open_long_ms']:.0f} ms (target <= 200)")
    print(
        f"[desk] next claim: median {figures['next_claim_ms']:.1f} ms, p90 {figures['next_claim_p90_ms']:.1f} ms "
        "(target <= 30)"
    )
    print(f"[desk] memory: {figures['rss_mb']:.0f} MB RSS (target <= 400)")
    assert ratio <= 1.5
    assert figures["search_ms"] <= 100
    assert figures["open_long_ms"] <= 200
    assert figures["next_claim_ms"] <= 30
    assert figures["rss_mb"] <= 400
