"""Memory traced while a reader meets a hostile input (tracemalloc: what Python and NumPy
allocate, which is where a declared size would have been trusted)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

MB = 2**20


def peak_of(fn: Callable, *args, catch: tuple[type[BaseException], ...] = (Exception,)):
    """(what ``fn(*args)`` returned or raised of ``catch``, peak bytes traced meanwhile); any
    other exception propagates, so a property test fails on it."""
    tracemalloc.start()
    try:
        try:
            outcome = fn(*args)
        except catch as err:
            outcome = err
        return outcome, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
