"""Drawings that are no garment, to train a garment model to be unsure of them (outlier exposure).

Two sources, neither the generator nor the seeds of the non-garment shapes the tests score
(``tools.garment_sketches.ambiguous_sketches``, rng 0 and 1):

- MNIST digits (real handwritten strokes, read from the MNIST folder a user points at), drawn
  on the 280x280 canvas at a random size and place, in either polarity;
- random pen strokes: one to three smooth wandering curves of random pen width.

Each canvas goes through ``nndesk.preprocess`` exactly as a drawing in garment mode does. The
images are labelled ``nndesk.nn.losses.OUTLIER``: their training target is the uniform
distribution over the classes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from nndesk.nn.losses import OUTLIER
from tools.garment_sketches import CANVAS, _stroke

#: The outliers' own seed: never 0 or 1 (the tests' non-garment shapes) nor a check set's.
OUTLIER_SEED = 7117


def _as_garment_input(canvas: np.ndarray) -> np.ndarray:
    """A 280x280 uint8 canvas -> uint8 (28, 28) as garment mode's preprocessing makes it."""
    from nndesk.preprocess import preprocess

    x = preprocess(np.ascontiguousarray(canvas), "garments")
    if x is None:
        return np.zeros((28, 28), np.uint8)
    return np.clip(np.rint(x), 0, 255).astype(np.uint8)


def drawn_digit(digit: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """An MNIST digit (uint8 (28, 28)) drawn on the canvas: scaled to 100-260 px, placed at
    random, black on white half the time. Returns the uint8 280x280 canvas."""
    side = int(rng.integers(100, 261))
    big = Image.fromarray(digit).resize((side, side), Image.Resampling.BILINEAR)
    canvas = Image.new("L", (CANVAS, CANVAS), 0)
    x0, y0 = (int(v) for v in rng.integers(0, CANVAS - side + 1, size=2))
    canvas.paste(big, (x0, y0))
    out = np.asarray(canvas).copy()
    return 255 - out if rng.random() < 0.5 else out


def random_strokes(rng: np.random.Generator) -> np.ndarray:
    """One to three smooth wandering pen strokes (a heading that turns a little each step),
    pen 6-30 px, white on black. Returns the uint8 280x280 canvas."""
    canvas = Image.new("L", (CANVAS, CANVAS), 0)
    draw = ImageDraw.Draw(canvas)
    pen = int(rng.integers(6, 31))
    for _ in range(int(rng.integers(1, 4))):
        steps = int(rng.integers(6, 30))
        turn = rng.normal(0.0, rng.uniform(0.1, 0.6), size=steps).cumsum()  # radians
        heading = rng.uniform(0, 2 * np.pi) + turn
        step = rng.uniform(6, 16)
        start = rng.uniform(50, 230, size=2)
        path = start + np.cumsum(step * np.c_[np.cos(heading), np.sin(heading)], axis=0)
        path = np.clip(np.vstack([start, path]), 8, CANVAS - 8)
        _stroke(draw, [(float(u), float(v)) for u, v in path], pen)
    return np.asarray(canvas).copy()


def training_outliers(
    count: int, mnist_dir: Path | str | None, seed: int = OUTLIER_SEED, digits: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """``count`` non-garment images as garment mode sees them: a share ``digits`` of MNIST
    training digits from ``mnist_dir`` (None: nndesk's cache, downloading as ``nndesk train``
    does), the rest random strokes. Returns uint8 (count, 28, 28) and int64 (count,) labels,
    all ``OUTLIER``."""
    if seed in (0, 1):
        raise ValueError(f"seed {seed} draws the tests' non-garment shapes")
    rng = np.random.default_rng([seed, count])
    n_digits = round(digits * count)
    images = np.zeros((count, 28, 28), np.uint8)
    if n_digits:
        from nndesk.data import load_dataset

        mnist = load_dataset("mnist", data_dir=None if mnist_dir is None else Path(mnist_dir))
        pick = rng.choice(len(mnist.train_labels), size=n_digits, replace=False)
        for i, j in enumerate(pick):
            images[i] = _as_garment_input(drawn_digit(mnist.train_images[j], rng))
    for i in range(n_digits, count):
        images[i] = _as_garment_input(random_strokes(rng))
    return images, np.full(count, OUTLIER, np.int64)


def cached_training_outliers(
    count: int, mnist_dir: Path | str | None, cache: str | None, seed: int = OUTLIER_SEED
) -> tuple[np.ndarray, np.ndarray]:
    """``training_outliers(count, mnist_dir, seed)``, kept in the folder ``cache`` if given."""
    from tools.array_cache import cached_arrays

    name = f"outliers-{seed}-{count}.npz"
    return cached_arrays(cache, name, lambda: training_outliers(count, mnist_dir, seed))
