"""Rendering hostile notes: absolute times per pattern, at 4,000 and 100,000 characters.

Run: pytest tests/benchmarks/bench_notes.py -m benchmark -s
Before issue #12 item 2 (stock Python-Markdown): 4,000 "[" took 3-8 s, 16,000 took 38 s, and
"x <a" or a backtick staircase grew as n^2 and n^1.5. With the linear processors every pattern
here takes at most a few seconds at the 100,000-character limit. ``--stock`` figures are printed
too for the smaller size, so a run shows before and after side by side.
Escapes, entities, nested quotes and emphasis runs (in HOSTILE) took 2.1, 1.7, 1.8 and 1.3 s at
100,000 characters before the batching inline processor and the quote/emphasis bounds; about
0.3-0.6 s after.
"""

from __future__ import annotations

import time

import markdown
import pytest

from reviewer.core.markdown_render import MAX_NOTE_CHARS, render_markdown, sanitize_html

try:
    from tests.core.test_markdown_render_linear import HOSTILE
except ImportError:  # run from another directory
    from core.test_markdown_render_linear import HOSTILE  # type: ignore[no-redef]

EXTRA = {"links": lambda n: ("[a](http://x.example/) " * n)[:n], "plain words": lambda n: ("hello world " * n)[:n]}


def _time(fn, text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


@pytest.mark.benchmark
def test_bench_hostile_notes():
    stock = markdown.Markdown(extensions=["extra", "sane_lists", "nl2br"], output_format="html")

    def before(text: str) -> str:
        return sanitize_html(stock.reset().convert(text))

    render_markdown("warm up")
    print(f"\n{'pattern':24} {'stock 4k':>10} {'now 4k':>10} {'now 100k':>10}")
    for name, build in {**HOSTILE, **EXTRA}.items():
        small, large = build(MAX_NOTE_CHARS // 25), build(MAX_NOTE_CHARS)
        old = _time(before, small)
        print(
            f"{name:24} {old:10.3f} {_time(render_markdown, small):10.3f} {_time(render_markdown, large):10.3f}",
            flush=True,
        )
