"""Seeded, stratified train / validation / test splits (every class keeps its share)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.errors import ConfigError


def stratified_split(
    labels: np.ndarray, fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Hold out ``fraction`` of the indices, the same share of every class.

    Parameters
    ----------
    labels : int (N,)
    fraction : in [0, 1); the held-out count is ``round(fraction * N)`` exactly, spread over
        classes by largest remainder so small classes are not rounded away.
    rng : the only source of randomness.

    Returns
    -------
    (kept_idx, held_idx) : int64 arrays, each sorted, disjoint, together ``arange(N)``.
    """
    if not 0.0 <= fraction < 1.0:
        raise ConfigError(f"a held-out fraction must be in [0, 1), got {fraction}")
    labels = np.asarray(labels)
    n = len(labels)
    classes, counts = np.unique(labels, return_counts=True)
    quota = fraction * counts
    take = np.floor(quota).astype(np.int64)
    short = round(fraction * n) - int(take.sum())
    if short > 0:
        # classes with the largest fractional part get the remaining slots
        order = np.argsort(-(quota - take), kind="stable")
        take[order[:short]] += 1
    held = []
    for cls, k in zip(classes, take, strict=True):
        if k:
            idx = np.flatnonzero(labels == cls)
            held.append(rng.choice(idx, size=int(k), replace=False))
    held_idx = np.sort(np.concatenate(held)) if held else np.empty(0, dtype=np.int64)
    mask = np.ones(n, dtype=bool)
    mask[held_idx] = False
    return np.flatnonzero(mask).astype(np.int64), held_idx.astype(np.int64)


@dataclass(frozen=True)
class Splits:
    """Train / validation / test arrays: images uint8 (n, 28, 28), labels int64 (n,)."""

    train_images: np.ndarray
    train_labels: np.ndarray
    val_images: np.ndarray
    val_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray


def make_splits(dataset, val_fraction: float, rng: np.random.Generator) -> Splits:
    """Split a ``Dataset``'s training part into train and a stratified validation part."""
    keep, val = stratified_split(dataset.train_labels, val_fraction, rng)
    return Splits(
        dataset.train_images[keep],
        dataset.train_labels[keep],
        dataset.train_images[val],
        dataset.train_labels[val],
        dataset.test_images,
        dataset.test_labels,
    )
