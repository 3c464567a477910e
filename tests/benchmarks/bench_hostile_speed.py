"""Absolute times for the hostile inputs of tests/core/test_extraction_speed_hostile.py (opt-in).

    python -m pytest tests/benchmarks/bench_hostile_speed.py -m benchmark -s

The tests only assert growth (the full input at most ~75x the time of 1/25 of it); this prints what a
person would wait: wall and CPU seconds for the full input (best of 3), the same for 1/25 of it, and
the ratio. The old limit was 3 s for each full input on an idle machine; linear code stays well under
a second for 200 KB and a few seconds for 1 MB.
"""

from __future__ import annotations

import time

import pytest

from reviewer.core.extraction import extract_claims
from tests.core.test_extraction_speed_hostile import SMALL, hostile_inputs

pytestmark = pytest.mark.benchmark

REPEAT = 3


def _best(text: str) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``REPEAT`` runs of the fast extraction."""
    wall, cpu = [], []
    for _ in range(REPEAT):
        w, c = time.perf_counter(), time.process_time()
        extract_claims(text, quality="fast")
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return min(wall), min(cpu)


def test_print_hostile_extraction_times():
    extract_claims("Taxes rose 4%, the minister said.", quality="fast")  # load the models outside the timing
    print(f"\n{'input':<48} {'size':>9} {'wall s':>8} {'cpu s':>8}   {'1/25 wall':>9} {'ratio':>6}")
    worst = 0.0
    for label, make, size in hostile_inputs():
        large, small = make(size), make(size // SMALL)
        wall, cpu = _best(large)
        small_wall, small_cpu = _best(small)
        ratio = cpu / max(small_cpu, 1e-6)
        worst = max(worst, wall)
        print(f"{label:<48} {len(large):>9,} {wall:>8.3f} {cpu:>8.3f}   {small_wall:>9.4f} {ratio:>6.1f}")
    print(f"slowest full input: {worst:.2f} s (wall)")
