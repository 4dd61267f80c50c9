"""Arrays whose data starts on a 64-byte boundary: one cache line, one AVX-512 register.

NumPy takes its memory from ``malloc``, which aligns blocks to 16 bytes only, so three arrays in
four start inside a cache line. On a core with 64-byte vectors (AVX-512: the Sapphire Rapids
host of docs/performance.md) every vector store of a ufunc into such an array then straddles two
cache lines, and an ``add``, ``subtract`` or ``multiply`` of 65,536 float32 values in L2 took 0.22
ns a value against 0.11 into an aligned array. The layers' scratch buffers, their outputs and the
optimizer's arrays come from here; the values are the same either way.
"""

from __future__ import annotations

import ctypes
import math

import numpy as np

#: Bytes the data of every array from this module is aligned to.
ALIGN = 64


def empty(shape: int | tuple[int, ...], dtype=np.float32) -> np.ndarray:
    """``np.empty(shape, dtype)`` (C order) whose first element is ``ALIGN``-byte aligned."""
    dtype = np.dtype(dtype)
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    nbytes = math.prod(shape) * dtype.itemsize  # not np.prod: its call alone costs more
    raw = np.empty(nbytes + ALIGN, np.uint8)
    memory = raw.data
    # the address through a ctypes char over the buffer, not ``raw.ctypes.data`` (which builds
    # a ctypes helper object each call); training makes a dozen of these a batch
    start = -ctypes.addressof(ctypes.c_char.from_buffer(memory)) % ALIGN
    # through a memoryview, so the array is its views' ``base`` (as ``np.empty``'s would be):
    # the optimizer's one-buffer update recognises flat parameters by it
    flat = np.frombuffer(memory[start : start + nbytes], dtype)
    return flat if len(shape) == 1 else flat.reshape(shape)


def zeros(shape: int | tuple[int, ...], dtype=np.float32) -> np.ndarray:
    """``np.zeros(shape, dtype)``, aligned as ``empty``."""
    out = empty(shape, dtype)
    out[...] = 0
    return out


def empty_like(a: np.ndarray) -> np.ndarray:
    """``np.empty_like(a)`` in C order, aligned as ``empty``."""
    return empty(a.shape, a.dtype)


def zeros_like(a: np.ndarray) -> np.ndarray:
    """``np.zeros_like(a)`` in C order, aligned as ``empty``."""
    return zeros(a.shape, a.dtype)


#: float32 values in ``ALIGN`` bytes: ranges of an aligned buffer cut at multiples of it start
#: aligned too (the split step's ranges of the flat parameters, ``parallel.split``).
FLOAT32_STEP = ALIGN // 4
