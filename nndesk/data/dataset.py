"""The in-memory shape every dataset takes, whichever loader made it (IDX files, image folders)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Dataset:
    """A labelled dataset: images uint8 (N, 28, 28) / (M, 28, 28), labels int64 (N,) / (M,)."""

    name: str
    class_names: tuple[str, ...]
    preprocess: str
    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    #: an image folder's: how its test split was drawn and which images it read
    #: (``folders.FolderSplit``); None for a registered dataset
    folder_split: Any = None

    @property
    def n_classes(self) -> int:
        return len(self.class_names)
