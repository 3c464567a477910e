"""The growth helper itself: it passes linear work and catches quadratic work, whatever the machine's speed."""

from __future__ import annotations

import pytest

from tests.growth import assert_linear


def _linear(text: str) -> int:
    total = 0
    for ch in text:
        total += ch == "a"
    return total


def _quadratic(text: str) -> int:
    # What the hostile-input tests guard against: for each position, a scan of everything before it.
    total = 0
    for i in range(len(text)):
        total += text.count("a", 0, i) & 1
    return total


def test_linear_work_passes():
    assert assert_linear(_linear, "ab" * 2_000, "ab" * 50_000) == 50_000


def test_quadratic_work_fails_clearly():
    with pytest.raises(AssertionError, match=r"25x larger took \d+x as long"):
        assert_linear(_quadratic, "ab" * 200, "ab" * 5_000, what="quadratic")


def test_inputs_of_nearly_the_same_size_are_refused():
    with pytest.raises(AssertionError, match="too close in size"):
        assert_linear(_linear, "ab" * 100, "ab" * 200)
