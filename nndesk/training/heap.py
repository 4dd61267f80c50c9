"""Keep freed batch-sized arrays in the C heap while training (glibc's malloc only).

A CNN batch allocates and frees arrays of several MB (conv outputs, routed pooling gradients).
By default glibc serves such blocks with fresh pages from the system, or gives the top of its
heap back once more than about twice the block size is free there, so the next batch touches
new pages again: each costs a page fault and the kernel zeroing it. Raising the two thresholds
once lets later batches reuse the same memory. Measurements: docs/performance.md.

A window stays open for hours after a run: ``kept_while_training`` raises the thresholds while
any run (or Lab computation) is going and, when the last one ends, lowers them again and hands
the freed memory back to the system (``malloc_trim``); with the thresholds left high, a window
kept about 300 MB a fashion-mlp run had freed.

Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import platform
import threading
from collections.abc import Iterator

#: Blocks below this many bytes come from the heap, not from pages of their own.
MMAP_THRESHOLD = 64 << 20
#: Free bytes the heap's top may hold before glibc hands them back to the system.
TRIM_THRESHOLD = 128 << 20
#: The thresholds once no run is going: blocks of 4 MB and more get pages of their own (given
#: back when freed) and the heap's top keeps at most 8 MB free (glibc's own start at 128 KB and
#: grow as the process frees big blocks)
IDLE_MMAP_THRESHOLD = 4 << 20
IDLE_TRIM_THRESHOLD = 8 << 20

# glibc's mallopt parameter numbers (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

_lock = threading.Lock()
_done: bool | None = None
_users = 0  # runs inside kept_while_training now


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds for this process, once; whether they were set."""
    global _done
    with _lock:
        if _done is None:
            _done = _set_thresholds()
        return _done


@contextlib.contextmanager
def kept_while_training() -> Iterator[None]:
    """``keep_freed_memory`` for the block; when the last such block in the process ends, the
    idle thresholds are set and the freed memory goes back to the system (``give_back``)."""
    global _users
    with _lock:
        _users += 1
        first = _users == 1
    if first:
        keep_freed_memory()
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            last = _users == 0
        if last:
            give_back()


def give_back() -> bool:
    """Lower the thresholds to the idle ones and return the heap's free memory to the system
    (glibc's ``malloc_trim``, every arena); whether it could. The next ``keep_freed_memory``
    raises them again."""
    global _done
    with _lock:
        libc = _glibc()
        if libc is None:
            return False
        _done = None
        # trim first: setting the mmap threshold alone would keep the trim threshold as it is
        _mallopt(libc, _M_TRIM_THRESHOLD, IDLE_TRIM_THRESHOLD)
        _mallopt(libc, _M_MMAP_THRESHOLD, IDLE_MMAP_THRESHOLD)
        trim = libc.malloc_trim
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
        trim(0)
        return True


def _glibc():
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def _mallopt(libc, param: int, value: int) -> bool:
    try:
        mallopt = libc.mallopt
    except AttributeError:
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(param, value))


def _set_thresholds() -> bool:
    libc = _glibc()
    if libc is None:
        return False
    # trim first: setting the mmap threshold alone would keep glibc's default trim threshold
    return _mallopt(libc, _M_TRIM_THRESHOLD, TRIM_THRESHOLD) and _mallopt(
        libc, _M_MMAP_THRESHOLD, MMAP_THRESHOLD
    )
