"""Very big articles on the desk, printed (opt-in: ``pytest tests/benchmarks/bench_big_article.py -m benchmark -s``).

Issue 12, item 3: a 1 MB single-paragraph article took 52 s to open and a verdict key press about
1 s. Prints, for 1 MB in one paragraph and 1 MB in many paragraphs: the time to open the article
(reader, claims panel, painted), the time of a verdict key press (painted; target < 100 ms),
and the time of the same verdict when the window re-reads only the changed claim; then the same at the largest article an import accepts (``ingest.MAX_ARTICLE_CHARS``).
Every sentence is a claim (about 6,900 per MB, as the extractor finds in news-like text).
Each figure is a median of several runs after one warm-up.
"""

from __future__ import annotations

import random
import statistics
import time

import pytest
from PySide6.QtCore import Qt

from reviewer.ui.qt_compat import protect_none

protect_none()

pytestmark = pytest.mark.benchmark

WORDS = (
    "the minister said council budget rose percent million hospital beds schools police rates inflation "
    "election voters poll tax spending fell years report data officials claimed figure city region "
    "government workers wages prices housing rents transport energy climate emissions"
).split()


def article_blocks(chars: int, one_paragraph: bool, seed: int = 1) -> list[tuple[str, str]]:
    """News-like sentences (each with a figure) filling ``chars`` characters: one paragraph, or
    paragraphs of five sentences."""
    rng = random.Random(seed)
    paragraphs, sentences, size = [], [], 0
    while size < chars:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 24))).capitalize()
        sentence = f"{words} by {rng.randint(2, 99)} percent in {rng.randint(1990, 2024)}."
        sentences.append(sentence)
        size += len(sentence) + 1
        if not one_paragraph and len(sentences) == 5:
            paragraphs.append(" ".join(sentences))
            sentences = []
            size += 1
    if sentences:
        paragraphs.append(" ".join(sentences))
    return [("paragraph", p) for p in paragraphs]


def _window(qtbot, store, settings):
    from PySide6.QtGui import QUndoStack

    from reviewer.ui.changes import ChangeHub
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.tasks import TaskManager

    window = MainWindow(store, settings, ChangeHub(), QUndoStack(), TaskManager())
    window.persist = False
    qtbot.addWidget(window)
    window.resize(1440, 900)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    return window


def _measure(qapp, qtbot, window, article_id, other_id, presses: int = 9) -> tuple[float, float, float]:
    """(open ms, verdict key press ms, verdict on the changed claim only ms), medians, painted."""
    opening = []
    for _ in range(3):
        window.open_article(other_id)
        qapp.processEvents()
        t0 = time.perf_counter()
        window.open_article(article_id)
        window.repaint()
        qapp.processEvents()
        opening.append(time.perf_counter() - t0)
    window.claims.view.setFocus()
    pressing = []
    for i in range(presses + 1):
        t0 = time.perf_counter()
        qtbot.keyClick(window.claims.view, Qt.Key.Key_2 if i % 2 == 0 else Qt.Key.Key_1)
        window.repaint()
        qapp.processEvents()
        if i:  # the first press warms caches
            pressing.append(time.perf_counter() - t0)
    # The same verdict when the window re-reads only the changed claim (ClaimsPanel.replace_claims,
    # ReaderView.update_claims) instead of every claim of the article.
    claim_id = window.claims.current_claim()
    partial = []
    for i in range(presses):
        window.store.set_review(claim_id, verdict="disputed" if i % 2 else "supported")
        t0 = time.perf_counter()
        changed = [window.store.get_claim(claim_id)]
        window.claims.replace_claims(changed)
        window.reader.update_claims(changed)
        window.repaint()
        qapp.processEvents()
        partial.append(time.perf_counter() - t0)
    return (statistics.median(opening) * 1000, statistics.median(pressing) * 1000, statistics.median(partial) * 1000)


def test_big_article_benchmark(qapp, qtbot, store, settings):
    from reviewer.core.ingest import MAX_ARTICLE_CHARS
    from tests.ui.conftest import build_article

    small, _ = build_article(store, "Small", article_blocks(3_000, False, seed=9))
    cases = [
        ("1 MB, one paragraph", 1_000_000, True),
        ("1 MB, many paragraphs", 1_000_000, False),
        (f"{MAX_ARTICLE_CHARS:,} characters (the limit), one paragraph", MAX_ARTICLE_CHARS, True),
    ]
    built = []
    for n, (name, chars, one) in enumerate(cases):
        article, claims = build_article(store, name, article_blocks(chars, one, seed=n))
        built.append((name, article, len(claims)))
    window = _window(qtbot, store, settings)
    try:
        results = []
        for name, article, n_claims in built:
            results.append((name, len(article.text), n_claims) + _measure(qapp, qtbot, window, article.id, small.id))
    finally:
        window.undo_stack.clear()  # before its commands' wrappers go (see tests/ui/conftest.py)
        window.close()
    print()
    for name, chars, n_claims, open_ms, press_ms, partial_ms in results:
        print(
            f"[big article] {name} ({chars:,} chars, {n_claims:,} claims): open {open_ms:.0f} ms, "
            f"verdict key press {press_ms:.0f} ms (target < 100); a verdict that re-reads only its claim: "
            f"{partial_ms:.0f} ms"
        )
    print(f"[big article] largest article accepted by import: {MAX_ARTICLE_CHARS:,} characters")
