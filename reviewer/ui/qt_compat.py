"""Work-arounds for bugs of the Qt binding, in one place.

PySide6 6.12 on CPython 3.11 drops one reference to ``None`` each time C++ calls a Python
``data()`` (or another QVariant-returning override) that returns ``None``: after some
thousands of repaints ``None``'s count reaches zero and the interpreter aborts with
"none_dealloc: deallocating None". CPython 3.12 made ``None`` immortal (PEP 683), which is
what shiboken now assumes. On older interpreters we give ``None`` a reference count it can
never lose, which is what 3.12 does. Call ``protect_none()`` once, before any window.
"""

from __future__ import annotations

import sys

_BOOST = 1 << 40


def protect_none() -> None:
    """Make ``None`` effectively immortal on CPython < 3.12 (idempotent; any thread)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt: the first field of every object
    if refcount.value < _BOOST:
        refcount.value += _BOOST
