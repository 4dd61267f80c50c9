"""The per-batch loss made readable: the mean of nearby batches, and the min-max band that
stands in for more batches than a plot has pixels. NumPy only."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: The share of the batches so far that ``nearby_mean`` reaches back (and on) at each point.
NEARBY_SHARE = 0.1


#: The fewest batches ``nearby_mean`` reaches back (and on) from each point.
NEARBY_MIN = 2


def nearby_mean(values: Sequence[float] | np.ndarray, window: int) -> np.ndarray:
    """The mean of the batches around each point: ``h`` before it and ``h`` after it, ``h`` a
    tenth of the batches up to it (at least ``NEARBY_MIN``, at most half of ``window``), fewer
    where the curve starts or ends; NaNs are skipped.

    A trailing mean over a fixed ``window`` lags behind a loss that falls fast: over the first
    fifth of an epoch it lay above almost every batch (walk 43 item 9). Centred, the mean runs
    through the middle of the points; its width grows with the curve, so it is narrow where
    the loss falls fast (the start) and ``window`` wide once the run is long. At the newest
    end only the batches before it exist: the last few points are trailing means.

    Parameters
    ----------
    values : (n,) floats
    window : int >= 1, the widest window

    Returns
    -------
    (n,) float64
    """
    v = np.asarray(values, dtype=np.float64)
    i = np.arange(v.size)
    half = np.ceil(NEARBY_SHARE * (i + 1)).astype(np.int64)
    half = np.minimum(np.maximum(half, NEARBY_MIN), max(int(window), 1) // 2)
    return _window_mean(v, np.maximum(i - half, 0), np.minimum(i + half, v.size - 1) + 1)


def _window_mean(v: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """(n,) means of the finite values in ``v[lo[i] : hi[i]]`` (NaN where there are none)."""
    if v.size == 0:
        return v
    finite = np.isfinite(v)
    csum = np.concatenate(([0.0], np.cumsum(np.where(finite, v, 0.0))))
    ccount = np.concatenate(([0], np.cumsum(finite)))
    count = ccount[hi] - ccount[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, (csum[hi] - csum[lo]) / np.maximum(count, 1), np.nan)


def min_max_band(x: np.ndarray, y: np.ndarray, buckets: int) -> np.ndarray:
    """Outline (m, 2) of the min-max envelope of ``y`` over ``buckets`` equal runs of points."""
    n = len(x)
    size = -(-n // buckets)
    buckets = -(-n // size)  # every bucket holds at least one point
    pad = size * buckets - n
    yy = np.concatenate([y, np.full(pad, np.nan)]).reshape(buckets, size)
    keep = ~np.all(np.isnan(yy), axis=1)
    with np.errstate(all="ignore"):
        lo, hi = np.nanmin(yy[keep], axis=1), np.nanmax(yy[keep], axis=1)
    xs = x[np.minimum(np.arange(buckets) * size + size // 2, n - 1)][keep]
    return np.concatenate([np.column_stack([xs, hi]), np.column_stack([xs, lo])[::-1]])


def with_last(v: np.ndarray, stride: int) -> np.ndarray:
    """Every ``stride``-th element, always ending with the last one."""
    if stride <= 1 or len(v) == 0:
        return v
    idx = np.arange(0, len(v), stride)
    if idx[-1] != len(v) - 1:
        idx = np.append(idx, len(v) - 1)
    return v[idx]


def smoothing_window(n_batches_per_epoch: int | None, n_points: int) -> int:
    """A moving-average window: about a fifth of an epoch, between 5 and 200 batches."""
    base = n_batches_per_epoch // 5 if n_batches_per_epoch else n_points // 20
    return int(min(max(base, 5), 200))
