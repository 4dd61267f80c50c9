"""Attributes set for the length of a block and put back after: how the benchmarks that take
turns between code paths (``bench_kernels.py``, ``bench_paths.py``) switch a path on and off."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator


@contextlib.contextmanager
def swapped(changes: Iterable[tuple[object, str, object]]) -> Iterator[None]:
    """The block runs with each ``(owner, attribute, value)`` set; the values before are put
    back after, even when the block raises."""
    changes = list(changes)
    # read from the owner's own namespace, so a class attribute put back stays on the class
    # it came from (getattr would also find one inherited or bound)
    before = [(owner, attr, vars(owner)[attr]) for owner, attr, _ in changes]
    try:
        for owner, attr, value in changes:
            setattr(owner, attr, value)
        yield
    finally:
        for owner, attr, value in before:
            setattr(owner, attr, value)
