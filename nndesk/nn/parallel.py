"""Split the big memory-bound passes of a CNN batch over every core.

BLAS spreads the matmuls over all cores, but im2col copies, col2im sums and max-pooling are single
NumPy calls: in a Fashion CNN epoch they were a third of the time, with the other core idle. NumPy
releases the GIL inside ufunc loops and array copies, so splitting such a pass into independent
parts (channel ranges, kernel offsets) and running them on threads is real parallelism with
identical results: no part reads what another writes.

This only pays when BLAS's own idle threads do not spin on the other core after each matmul:
``nndesk/__init__.py`` sets ``OPENBLAS_THREAD_TIMEOUT`` for that. When to split is part of the
one threading rule (``nndesk/training/runtime.py``); the measurements are in docs/performance.md.

Outside ``use_threads`` everything runs inline on the calling thread, as plain NumPy would.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

#: Below this many elements (in the pass's biggest array) handing parts to threads costs more
#: than it saves (docs/performance.md).
MIN_WORK = 1 << 19

T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
# per thread: the training worker's setting must not change what the GUI thread's predictions do
_local = threading.local()


def cores() -> int:
    """This machine's cores (at least 1): what ``use_threads(None)`` uses."""
    return max(1, os.cpu_count() or 1)


def threads() -> int:
    """How many threads ``map_parts`` called from this thread uses (itself included)."""
    return getattr(_local, "threads", 1)


@contextlib.contextmanager
def use_threads(n: int | None) -> Iterator[None]:
    """In this thread, split big passes over ``n`` threads inside the block (None: every core)."""
    old = set_threads(n)
    try:
        yield
    finally:
        _local.threads = old


def set_threads(n: int | None) -> int:
    """``use_threads`` without the block, for code that switches once per batch: split this
    thread's passes over ``n`` threads from now on; returns the setting it replaced."""
    old = threads()
    _local.threads = cores() if n is None else max(1, int(n))
    return old


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            workers = max(1, cores() - 1)  # the caller runs one part itself
            _pool = ThreadPoolExecutor(workers, "nndesk-parts", initializer=_mark_inside)
        return _pool


def _mark_inside() -> None:
    _local.inside = True  # a part never splits again: a full pool waiting on itself would hang


def split(size: int, parts: int, multiple: int = 1) -> list[slice]:
    """``parts`` contiguous slices covering ``range(size)``, sizes differing by at most one;
    with ``multiple``, every slice but the last starts and ends on a multiple of it (sizes then
    differ by less than ``multiple``, unless ``size`` is too small for that): 16 float32 values
    make each range of an aligned buffer start on a 64-byte boundary (``nndesk.nn.aligned``)."""
    parts = max(1, min(parts, size))
    if size < multiple * parts:
        multiple = 1
    bounds = [size * i // parts // multiple * multiple for i in range(parts)] + [size]
    return [slice(bounds[i], bounds[i + 1]) for i in range(parts)]


def map_parts(fn: Callable[[slice], object], size: int, work: int) -> None:
    """Call ``fn(part)`` for slices covering ``range(size)``, on threads when ``work`` (elements
    touched) is at least ``MIN_WORK`` and more than one thread is allowed.

    ``fn`` must only write what its own part owns. Exceptions from any part are re-raised here.
    """
    n = threads()
    if n <= 1 or size <= 1 or work < MIN_WORK or getattr(_local, "inside", False):
        fn(slice(0, size))
        return
    run_each([functools.partial(fn, part) for part in split(size, n)])


def run_each(calls: Sequence[Callable[[], T]]) -> list[T]:
    """Run every call at the same time, the first on this thread and the others on the pool, and
    return their results in order once all have finished (a call on the pool never splits
    again). Exceptions from any call are re-raised here, after every call has finished: they
    write into the caller's arrays.

    A call on the pool keeps the caller's floating-point error handling (``np.errstate``
    belongs to the thread that set it): a pass the caller runs with overflow ignored, as the
    training loop does while a diverging run is caught by its finite check, does not warn on
    the pool's thread either. It keeps the caller's ufunc buffer size too (``np.setbufsize``,
    per thread as well: ``runtime.UFUNC_BUFFER`` while a run's steps run)."""
    futures = [_executor().submit(_with_callers_errstate(call)) for call in calls[1:]]
    results: list = []
    error: BaseException | None = None
    try:
        results.append(calls[0]())
    except BaseException as err:
        error = err
    for future in futures:
        try:
            results.append(future.result())
        except BaseException as err:
            error = error or err
    if error is not None:
        raise error
    return results


def _with_callers_errstate(call: Callable[[], T]) -> Callable[[], T]:
    errors, buffer = np.geterr(), np.getbufsize()  # read on the caller's thread

    def part() -> T:
        theirs = np.setbufsize(buffer)
        try:
            with np.errstate(**errors):
                return call()
        finally:
            np.setbufsize(theirs)

    return part
