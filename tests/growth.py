"""Growth, not wall-clock: show that work stays linear by timing a small and a large input in the same test.

Absolute limits ("1 MB in under 3 s") fail on a shared, busy machine although nothing is wrong. A ratio
does not: another process slows both runs alike. Linear work on an input ``k`` times larger takes about
``k`` times as long; quadratic work takes ``k**2`` times as long (625x for 25x the size), so a bound of
``k * slack`` (75x by default) catches a return to quadratic time without failing on noise.

Times are CPU time of this process (``time.process_time``), which another busy process does not inflate
the way it inflates wall time. The small input is timed best-of-``repeat`` with enough calls per timing to
be well above the clock's resolution; the large one once, and again (up to ``repeat`` times, keeping the
best, with as many calls per timing as a quick large input needs) only while it is over the bound, so a
passing test costs little more than one large run.

Absolute figures belong in ``tests/benchmarks/`` (opt-in, ``-m benchmark``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

SLACK = 3.0  # how far past proportional growth a measurement may go before it counts as superlinear
MIN_SMALL_SECONDS = 0.02  # each timing of the small input lasts at least this long (several calls if need be)


def _timed(fn: Callable[[T], Any], arg: T, calls: int, clock: Callable[[], float]) -> tuple[float, Any]:
    """Seconds per call of ``fn(arg)`` over ``calls`` calls, and the last result."""
    gc.collect()  # a collection owed by earlier work must not land inside this timing
    result = None
    began = clock()
    for _ in range(calls):
        result = fn(arg)
    return (clock() - began) / calls, result


def growth(
    fn: Callable[[T], Any],
    small: T,
    large: T,
    *,
    repeat: int = 5,
    bound: float | None = None,
    clock: Callable[[], float] = time.process_time,
) -> tuple[float, float, Any]:
    """(best seconds for ``small``, best seconds for ``large``, ``fn(large)``).

    ``large`` is timed again (at most ``repeat`` times in all) only while ``large / small`` exceeds ``bound``.
    """
    fn(small)  # warm caches, lazy imports and compiled patterns outside the timings
    once, _ = _timed(fn, small, 1, clock)
    calls = max(1, min(1000, int(MIN_SMALL_SECONDS / max(once, 1e-6))))
    small_s = min(_timed(fn, small, calls, clock)[0] for _ in range(repeat))
    small_s = max(small_s, 1e-6)  # a clock that did not tick must not divide by zero
    large_s, result = _timed(fn, large, 1, clock)
    # A large input that is still quick gets several calls per timing too: one call of a millisecond
    # is at the mercy of a single page fault or context switch.
    large_calls = max(1, min(1000, int(MIN_SMALL_SECONDS / max(large_s, 1e-6))))
    for _ in range(repeat - 1):
        if bound is None or large_s / small_s <= bound:
            break
        again, result = _timed(fn, large, large_calls, clock)
        large_s = min(large_s, again)
    return small_s, large_s, result


def assert_linear(
    fn: Callable[[T], Any],
    small: T,
    large: T,
    *,
    size_ratio: float | None = None,
    slack: float = SLACK,
    repeat: int = 5,
    what: str = "",
    clock: Callable[[], float] = time.process_time,
) -> Any:
    """Fail if ``fn(large)`` takes more than ``size_ratio * slack`` times as long as ``fn(small)``.

    ``size_ratio`` defaults to ``len(large) / len(small)``. Returns ``fn(large)`` so the test can check
    what it produced. Call from the test's own thread; ``fn`` runs ``repeat``-plus times on each input.
    """
    if size_ratio is None:
        size_ratio = len(large) / len(small)  # type: ignore[arg-type]
    assert size_ratio >= 4, "inputs too close in size to tell linear from quadratic growth"
    bound = size_ratio * slack
    small_s, large_s, result = growth(fn, small, large, repeat=repeat, bound=bound, clock=clock)
    ratio = large_s / small_s
    assert ratio <= bound, (
        f"{what or getattr(fn, '__name__', 'fn')}: an input {size_ratio:.0f}x larger took {ratio:.0f}x as long "
        f"({small_s * 1000:.2f} ms -> {large_s * 1000:.1f} ms); linear growth stays under {bound:.0f}x, "
        f"quadratic would be about {size_ratio**2:.0f}x"
    )
    return result
