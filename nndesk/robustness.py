"""How much damage does a model take? Accuracy on test images damaged by growing amounts. NumPy.

Five kinds of damage, each at several levels in natural units (level 0 is the clean image):

- ``noise``: Gaussian noise, standard deviation as a fraction of full intensity (255 = 1.0);
- ``rotation``: degrees, each image turned one way or the other at random;
- ``shift``: pixels, each image moved that far in a random direction;
- ``thickness``: strokes dilated (positive) or eroded (negative) by that many pixels a side;
- ``occlusion``: the side in pixels of a square patch of background put at a random place.

Every draw comes from one seeded generator per (kind, level), so the same model gives the same
curves. The images are damaged as uint8 ``(n, 28, 28)``, exactly what the model would be shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nndesk.data.augment import _filter3x3, affine_batch

#: Levels per kind, in the order they are measured (the first is always the clean images).
LEVELS: dict[str, tuple[float, ...]] = {
    "noise": (0.0, 0.1, 0.2, 0.35, 0.5, 0.75),
    "rotation": (0.0, 15.0, 30.0, 45.0, 60.0, 90.0),
    "shift": (0.0, 2.0, 4.0, 6.0, 8.0),
    "thickness": (-1.0, 0.0, 1.0, 2.0, 3.0),
    "occlusion": (0.0, 6.0, 10.0, 14.0, 18.0),
}
UNITS = {"noise": " std", "rotation": "°", "shift": " px", "thickness": " px", "occlusion": " px"}
KINDS = tuple(LEVELS)

#: progress(done_levels, total_levels)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DamageExample:
    """One test image as the model was given it at one level of one damage, and its answer:
    the picture a lecturer shows beside the curve (walk66 #6)."""

    image: np.ndarray  # uint8 (28, 28), exactly the damaged pixels the model read
    predicted: int  # the model's class for it
    label: int  # its true class
    index: int = -1  # its place in the test images measured (-1: not known)


def damage(images: np.ndarray, kind: str, level: float, rng: np.random.Generator) -> np.ndarray:
    """``images`` uint8 (n, 28, 28) damaged by ``kind`` at ``level``; a new uint8 array."""
    images = np.asarray(images, dtype=np.uint8)
    n = images.shape[0]
    if level == 0 or n == 0:
        return images.copy()
    if kind == "noise":
        noisy = images.astype(np.float32) + rng.normal(0.0, 255.0 * level, images.shape)
        return np.clip(np.rint(noisy), 0, 255).astype(np.uint8)
    if kind == "rotation":
        angles = level * rng.choice(np.array([-1.0, 1.0]), size=n)
        return affine_batch(images, angles, np.ones(n), np.zeros((n, 2)))
    if kind == "shift":
        theta = rng.uniform(0.0, 2 * np.pi, size=n)
        shifts = level * np.stack([np.cos(theta), np.sin(theta)], axis=1)
        return affine_batch(images, np.zeros(n), np.ones(n), shifts)
    if kind == "thickness":
        planes = images.astype(np.float32)
        reduce = np.maximum if level > 0 else np.minimum
        for _ in range(int(abs(level))):
            planes = _filter3x3(planes, reduce)
        return np.clip(planes, 0, 255).astype(np.uint8)
    if kind == "occlusion":
        side = int(level)
        out = images.copy()
        top = rng.integers(0, 28 - side + 1, size=n)
        left = rng.integers(0, 28 - side + 1, size=n)
        rows = top[:, None] + np.arange(side)  # (n, side)
        cols = left[:, None] + np.arange(side)
        out[np.arange(n)[:, None, None], rows[:, :, None], cols[:, None, :]] = 0
        return out
    raise ValueError(f"unknown damage {kind!r}; one of {', '.join(KINDS)}")


#: The example image shown at each level keeps this share of its ink at the thinnest
#: "thickness" level at least: the first test image of the sample, a sandal whose thin straps
#: eroded to nothing at -1 px, was an empty black square beside "✗ Sneaker" (walk70 L7)
EXAMPLE_INK_KEPT = 0.25
#: ... looked for among the sample's first this many images (the first kept when none does)
EXAMPLE_CANDIDATES = 50


def _example_at(images: np.ndarray, levels: dict[str, tuple[float, ...]]) -> int:
    """Which of the sample's ``images`` the strips show: the first that keeps
    ``EXAMPLE_INK_KEPT`` of its ink at the thinnest thickness level, else the first."""
    thinnest = min(levels.get("thickness", ()), default=0.0)
    if thinnest >= 0 or not len(images):
        return 0
    candidates = images[:EXAMPLE_CANDIDATES]
    eroded = damage(candidates, "thickness", thinnest, np.random.default_rng(0))
    ink = (candidates >= 128).sum(axis=(1, 2))
    kept = (eroded >= 128).sum(axis=(1, 2))
    keeps = np.flatnonzero((ink > 0) & (kept >= EXAMPLE_INK_KEPT * ink))
    return int(keeps[0]) if keeps.size else 0


def measure(
    classifier,
    images: np.ndarray,
    labels: np.ndarray,
    n_images: int = 1000,
    levels: dict[str, tuple[float, ...]] | None = None,
    seed: int = 0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    examples: dict[str, list[DamageExample]] | None = None,
) -> dict[str, list[tuple[float, float]]]:
    """Accuracy of ``classifier`` at every level of every damage: ``{kind: [(level, acc)]}``.

    Parameters
    ----------
    classifier : nndesk.inference.Classifier (its ``logits`` of (n, 28, 28) pixels are used)
    images : uint8 (N, 28, 28); labels : int (N,)
    n_images : the first ``n_images`` of a seeded shuffle of the test set are damaged
    cancelled : polled between levels; the curves measured so far are returned when it is True
    examples : when given, filled with ``{kind: [DamageExample per level]}`` of one image
        damaged (the same image at every level, with the very pixels the accuracy was measured
        on): the sample's first that thinning leaves visible (``_example_at``)
    """
    levels = LEVELS if levels is None else levels
    labels = np.asarray(labels, dtype=np.int64)
    pick = np.random.default_rng(seed).permutation(len(labels))[: min(n_images, len(labels))]
    images, labels = np.asarray(images)[pick], labels[pick]
    shown = _example_at(images, levels)
    total = sum(len(v) for v in levels.values())
    done = 0
    clean: float | None = None
    clean_example: DamageExample | None = None
    curves: dict[str, list[tuple[float, float]]] = {}
    if progress is not None:
        progress(0, total)
    for k, (kind, kind_levels) in enumerate(levels.items()):
        points = curves.setdefault(kind, [])
        for j, level in enumerate(kind_levels):
            if cancelled():
                return curves
            if level == 0 and clean is not None:
                accuracy = clean  # the clean images are the same for every kind
                example = clean_example
            else:
                rng = np.random.default_rng([seed, k, j])
                damaged = damage(images, kind, level, rng)
                predicted = np.argmax(classifier.logits(damaged), axis=1)
                accuracy = float(np.mean(predicted == labels))
                example = (
                    DamageExample(
                        damaged[shown].copy(),
                        int(predicted[shown]),
                        int(labels[shown]),
                        int(pick[shown]),
                    )
                    if len(labels)
                    else None
                )
                if level == 0:
                    clean, clean_example = accuracy, example
            points.append((float(level), accuracy))
            if examples is not None and example is not None:
                examples.setdefault(kind, []).append(example)
            done += 1
            if progress is not None:
                progress(done, total)
    return curves
