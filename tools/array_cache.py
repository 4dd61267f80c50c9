"""Generated training images kept in a cache folder, so a rebuilt recipe draws them once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

Arrays = tuple[np.ndarray, np.ndarray]  # images uint8 (n, 28, 28), labels (n,)


def cached_arrays(cache: str | Path | None, name: str, make: Callable[[], Arrays]) -> Arrays:
    """``make()``, or its images and labels as kept in ``cache/name`` (written there when new).

    ``name`` must say everything ``make`` depends on (seed, count, options): the file is trusted
    as it is found. The write goes to a temporary name first, so an interrupted build leaves no
    half-written file under ``name``.
    """
    if cache is None:
        return make()
    path = Path(cache) / name
    if path.is_file():
        with np.load(path, allow_pickle=False) as f:
            return f["images"], f["labels"]
    images, labels = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, images=images, labels=labels)
    tmp.replace(path)
    return images, labels
