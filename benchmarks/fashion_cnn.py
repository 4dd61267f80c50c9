"""The session the CNN benchmarks time, and their ``--data-dir`` option: ``fashion-cnn-lab``
prepared for one epoch on every Fashion-MNIST training image (``bench_kernels.py``,
``bench_paths.py``, ``bench_split.py``, ``compare_keras.py``)."""

from __future__ import annotations

import argparse
from pathlib import Path

PRESET = "fashion-cnn-lab"


def add_data_dir(ap: argparse.ArgumentParser) -> None:
    """The required ``--data-dir`` option: where the Fashion-MNIST IDX files are, as the app's
    ``--data-dir`` takes it (the folder holding them, or one holding ``fashion-mnist/``)."""
    ap.add_argument(
        "--data-dir",
        type=Path,
        required=True,
        help="folder with the Fashion-MNIST IDX .gz files, or the data folder holding "
        "fashion-mnist/ (as nndesk's own --data-dir)",
    )


def session_for(data_dir: Path, threads: int):
    """A prepared ``PRESET`` session with ``threads`` (0: automatic), one epoch on all training
    images (no validation split), the data read from ``data_dir`` (never downloaded)."""
    from nndesk.data import load_dataset
    from nndesk.presets import get_preset
    from nndesk.training import prepare

    config = get_preset(PRESET).config.replace(epochs=1, val_fraction=0.0, threads=threads)
    return prepare(config, dataset=load_dataset("fashion", data_dir=data_dir, allow_download=False))
