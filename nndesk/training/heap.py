"""Keep freed batch-sized arrays in the C heap while training (glibc's malloc only).

A CNN batch allocates and frees arrays of several MB (conv outputs, routed pooling gradients).
By default glibc serves such blocks with fresh pages from the system, or gives the top of its
heap back once more than about twice the block size is free there, so the next batch touches
new pages again: each costs a page fault and the kernel zeroing it. Raising the two thresholds
once lets later batches reuse the same memory. Measurements: docs/performance.md.

Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import platform
import threading

#: Blocks below this many bytes come from the heap, not from pages of their own.
MMAP_THRESHOLD = 64 << 20
#: Free bytes the heap's top may hold before glibc hands them back to the system.
TRIM_THRESHOLD = 128 << 20

# glibc's mallopt parameter numbers (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

_lock = threading.Lock()
_done: bool | None = None


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds for this process, once; whether they were set."""
    global _done
    with _lock:
        if _done is None:
            _done = _set_thresholds()
        return _done


def _set_thresholds() -> bool:
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # trim first: setting the mmap threshold alone would keep glibc's default trim threshold
    return bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) and bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    )
