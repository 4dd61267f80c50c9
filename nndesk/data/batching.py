"""Mini-batch index streams: shuffle a permutation of indices, never the data itself."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from nndesk.errors import ConfigError


def iterate_minibatches(
    n: int, batch_size: int, rng: np.random.Generator | None = None, drop_last: bool = False
) -> Iterator[np.ndarray]:
    """Yield int64 index arrays covering ``range(n)`` once, in batches of ``batch_size``.

    With ``rng`` the order is a fresh permutation (call once per epoch); without it, in order.
    The caller gathers ``x[idx]`` per batch, so an epoch copies one batch at a time, not the
    whole dataset. ``drop_last`` skips a final short batch.
    """
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, got {batch_size}")
    order = rng.permutation(n) if rng is not None else np.arange(n)
    stop = n - n % batch_size if drop_last else n
    for start in range(0, stop, batch_size):
        yield order[start : start + batch_size]


def num_batches(n: int, batch_size: int, drop_last: bool = False) -> int:
    """How many batches ``iterate_minibatches`` yields for ``n`` samples."""
    return n // batch_size if drop_last else -(-n // batch_size)
