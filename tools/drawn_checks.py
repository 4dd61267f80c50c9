"""Score garment models on the two independent drawn-garment checks over several drawing seeds.

The doodles (``tools.garment_doodles``) and traced garments (``tools.garment_traced``) are drawn
from a seed, and one seed's set moves a model's score by as much as a change of recipe (the
seventh round of issue 17 in weights/README.md). This tool draws each check at several seeds
(the published seed first, then 1, 2, ...), sends every drawing through the real preprocessing
and scores the models on all of them, per seed and on the mean, with the worst class:

    python -m tools.drawn_checks weights/fashion-cnn.npz weights/fashion-mlp.npz --seeds 3
    python -m tools.drawn_checks weights/fashion-cnn.npz --tta flip,shifts --cache /tmp/checks

It also measures two ways of reading a drawing that need no training: test-time augmentation
(``--tta``: the softmax averaged over the 28x28 input and small changes of it, see ``TTA``) and
an ensemble (several model files: their calibrated probabilities averaged, ``--weights`` to
weigh them). Such a reading is compared with the first model alone on the same drawings
(drawings it gains and loses), since the seeds' spread hides small differences. Drawing the
checks takes a minute or two per set; ``--cache DIR`` keeps the preprocessed 28x28 inputs
(``<check>-<seed>.npz``).

NumPy + Pillow, no Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from nndesk.preprocess import preprocess

CHECKS = ("doodles", "traced")
#: the seed each check is published with (the tests' set); further seeds are 1, 2, ...
PUBLISHED_SEEDS = {"doodles": 4017, "traced": 6017}


def check_seeds(n: int, check: str) -> list[int]:
    """The ``n`` seeds a check is drawn with: its published seed, then 1, 2, ..."""
    return [PUBLISHED_SEEDS[check], *range(1, n)]


def check_inputs(
    check: str, seed: int, cache: Path | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One check drawn at ``seed`` -> (x (n, 28, 28) float32 in [0, 255], labels (n,), names
    (n,) of the template / traced garment), preprocessed as ``nndesk predict`` does."""
    path = None if cache is None else Path(cache) / f"{check}-{seed}.npz"
    if path is not None and path.is_file():
        with np.load(path, allow_pickle=False) as f:
            return f["x"], f["labels"], f["names"]
    if check == "doodles":
        from tools.garment_doodles import doodle_set

        drawings = [(d.image, d.label, d.template) for d in doodle_set(seed)]
    elif check == "traced":
        from tools.garment_traced import traced_set

        drawings = [(d.image, d.label, d.garment) for d in traced_set(seed)]
    else:
        raise ValueError(f"unknown check {check!r}; choose one of {', '.join(CHECKS)}")
    x = np.stack([preprocess(image, "garments") for image, _, _ in drawings]).astype(np.float32)
    labels = np.array([label for _, label, _ in drawings])
    names = np.array([name for _, _, name in drawings])
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, x=x, labels=labels, names=names)
    return x, labels, names


# -- test-time augmentation: small changes of the (n, 28, 28) input, ink high --------------------
def shift(x: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """(n, 28, 28) -> the same moved ``dy`` px down and ``dx`` px right, background coming in."""
    out = np.zeros_like(x)
    h, w = x.shape[1:]
    out[:, max(dy, 0) : h + min(dy, 0), max(dx, 0) : w + min(dx, 0)] = x[
        :, max(-dy, 0) : h + min(-dy, 0), max(-dx, 0) : w + min(-dx, 0)
    ]
    return out


def scale(x: np.ndarray, factor: float) -> np.ndarray:
    """(n, 28, 28) -> the same scaled by ``factor`` about the centre (bicubic), clipped."""
    a, c = 1.0 / factor, 14.0  # output (u, v) samples the input at c + (u - c) / factor
    coeffs = (a, 0.0, c - a * c, 0.0, a, c - a * c)
    out = [
        np.asarray(
            Image.fromarray(np.asarray(im, np.float32)).transform(
                (28, 28), Image.Transform.AFFINE, coeffs, Image.Resampling.BICUBIC
            )
        )
        for im in x
    ]
    return np.clip(np.stack(out), 0.0, 255.0).astype(np.float32)


def pen(x: np.ndarray, thicker: bool) -> np.ndarray:
    """(n, 28, 28) -> strokes one pixel thicker (cross-shaped dilation) or thinner (erosion)."""
    p = np.pad(x, ((0, 0), (1, 1), (1, 1)))
    h, w = x.shape[1:]
    cross = ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1))
    near = np.stack([p[:, 1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w] for dy, dx in cross])
    return near.max(axis=0) if thicker else near.min(axis=0)


#: named groups of test-time changes; the unchanged input always counts once
TTA: dict[str, tuple[Callable[[np.ndarray], np.ndarray], ...]] = {
    "flip": (lambda x: np.ascontiguousarray(x[:, :, ::-1]),),
    "shifts": tuple((lambda x, d=d: shift(x, *d)) for d in ((0, 1), (0, -1), (1, 0), (-1, 0))),
    "scales": (lambda x: scale(x, 0.9), lambda x: scale(x, 1.1)),
    "pens": (lambda x: pen(x, True), lambda x: pen(x, False)),
}


def read(classifiers, weights: list[float], x: np.ndarray, tta: list[str]) -> np.ndarray:
    """Calibrated probabilities (n, k), averaged over the models (weighted) and the TTA changes."""
    inputs = [x] + [change(x) for group in tta for change in TTA[group]]
    total = 0.0
    for clf, w in zip(classifiers, weights, strict=True):
        total = total + w * np.mean([clf.probabilities(v) for v in inputs], axis=0)
    return total / sum(weights)


def scores(probs: np.ndarray, labels: np.ndarray, k: int = 10) -> tuple[float, np.ndarray]:
    """(n, k) probabilities, (n,) labels -> (share read right, (k,) share per class)."""
    right = probs.argmax(axis=1) == labels
    return float(right.mean()), np.array([right[labels == c].mean() for c in range(k)])


def main(argv: list[str] | None = None) -> int:
    from nndesk.errors import NndeskError
    from nndesk.inference import Classifier

    ap = argparse.ArgumentParser(prog="python -m tools.drawn_checks")
    ap.add_argument("models", nargs="+", help="garment model files; several: an ensemble")
    ap.add_argument("--seeds", type=int, default=3, help="drawing seeds per check (default 3)")
    ap.add_argument("--tta", default="", help=f"comma-separated groups of {', '.join(TTA)}")
    ap.add_argument("--weights", default="", help="a weight per model (default equal)")
    ap.add_argument("--cache", type=Path, help="folder keeping the preprocessed check inputs")
    args = ap.parse_args(argv)
    tta = [g for g in args.tta.split(",") if g]
    weights = [float(w) for w in args.weights.split(",") if w] or [1.0] * len(args.models)
    if any(g not in TTA for g in tta) or len(weights) != len(args.models) or args.seeds < 1:
        wanted = f"--tta takes {', '.join(TTA)}; --weights one per model; --seeds >= 1"
        print(f"error: {wanted}", file=sys.stderr)
        return 2
    try:
        classifiers = [Classifier.from_file(m) for m in args.models]
    except NndeskError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    plain = len(classifiers) == 1 and not tta
    for check in CHECKS:
        shares, gained, lost = [], 0, 0
        for seed in check_seeds(args.seeds, check):
            x, labels, _ = check_inputs(check, seed, args.cache)
            probs = read(classifiers, weights, x, tta)
            share, per_class = scores(probs, labels)
            shares.append(share)
            worst = 100 * per_class.min()
            line = f"{check} seed {seed}: {100 * share:.1f} % (worst class {worst:.0f} %)"
            if not plain:
                alone = classifiers[0].probabilities(x).argmax(axis=1) == labels
                now = probs.argmax(axis=1) == labels
                gained += int((now & ~alone).sum())
                lost += int((alone & ~now).sum())
            print(line)
        summary = f"{check} mean over {len(shares)} seeds: {100 * np.mean(shares):.1f} %"
        if not plain:
            summary += f" (against {Path(args.models[0]).stem} alone: +{gained} -{lost} drawings)"
        print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
