"""Score garment models on the two independent drawn-garment checks over several drawing seeds.

The doodles (``tools.garment_doodles``) and traced garments (``tools.garment_traced``) are drawn
from a seed, and one seed's set moves a model's score by as much as a change of recipe (the
seventh round of issue 17 in weights/README.md). This tool draws each check at several seeds
(the published seed first, then 1, 2, ...), sends every drawing through the real preprocessing
and scores the models on all of them, per seed and on the mean, with the worst class:

    python -m tools.drawn_checks weights/fashion-cnn.npz weights/fashion-mlp.npz --seeds 3
    python -m tools.drawn_checks weights/fashion-cnn.npz --tta flip,shifts --cache /tmp/checks
    python -m tools.drawn_checks weights/fashion-cnn.npz --narrow 1.0,1.6,0.75 --gated
    python -m tools.drawn_checks weights/fashion-cnn.npz --tta flip --hand

It also measures three ways of reading a drawing that need no training: test-time augmentation
(``--tta``: the softmax averaged over the 28x28 input and small changes of it, see ``TTA``); an
ensemble (several model files: their calibrated probabilities averaged, ``--weights`` to weigh
them); and a second reading with the drawing's box narrowed (``--narrow LO,HI,TO``: a box LO..HI
wide for its height is made TO wide before it is placed, since the training photos' tops are
narrower than drawn ones; ``--gated``: only for drawings the first reading calls a top, the two
readings averaged; weights/README.md, tenth round). Such a reading is compared with the first
model alone on the same drawings (drawings it gains and loses), since the seeds' spread hides
small differences. Drawing the checks takes a minute or two per set; ``--cache DIR`` keeps the
preprocessed 28x28 inputs (``<check>-<seed>.npz``, ``<check>-<seed>-narrow-LO-HI-TO.npz``).

``--hand`` also reads the 120 garments drawn by hand (``tools.hand_garments``, put on the real
canvas by ``tools.hand_check``; one set, no seeds), the check no generator made: a reading
chosen on the two generated checks is judged on it (weights/README.md, sixteenth round).

NumPy + Pillow; Qt (offscreen) only to draw the hand set on the canvas.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from nndesk.preprocess import _place, _prepare, _round_up, preprocess

CHECKS = ("doodles", "traced")
#: the seed each check is published with (the tests' set); further seeds are 1, 2, ...
PUBLISHED_SEEDS = {"doodles": 4017, "traced": 6017}


def check_seeds(n: int, check: str) -> list[int]:
    """The ``n`` seeds a check is drawn with: its published seed, then 1, 2, ..."""
    return [PUBLISHED_SEEDS[check], *range(1, n)]


#: (lo, hi, to): a drawing's box lo..hi wide for its height is narrowed to ``to`` wide
Narrow = tuple[float, float, float]


def narrowed(image: np.ndarray, narrow: Narrow) -> np.ndarray | None:
    """A drawing -> its garment input, float32 (28, 28) in [0, 255] (None if empty), as
    ``preprocess`` makes it but with the ink's box first scaled across to ``to`` wide for its
    height when it is ``lo``..``hi`` wide: placed, its height then fills the field."""
    crop = _prepare(image, "garments")
    if crop is None:
        return None
    lo, hi, to = narrow
    h, w = crop.shape
    if lo <= w / h <= hi and w / h > to:
        width = max(1, round(h * to))
        crop = np.ascontiguousarray(
            Image.fromarray(crop).resize((width, h), Image.Resampling.BOX), dtype=np.float32
        )
        h, w = crop.shape
    out = _place(crop, 28, (h / 2.0, w / 2.0), 13.5, snap=_round_up)  # as preprocess_garment
    return np.clip(out, 0.0, 255.0).astype(np.float32)


def cache_name(check: str, seed: int, narrow: Narrow | None = None) -> str:
    """The cache file of one check's inputs at ``seed``, plain or narrowed."""
    if narrow is None:
        return f"{check}-{seed}.npz"
    return f"{check}-{seed}-narrow-{'-'.join(f'{v:g}' for v in narrow)}.npz"


@functools.lru_cache(maxsize=1)  # the plain and the narrowed inputs come from one drawing
def _drawings(check: str, seed: int) -> tuple[tuple[np.ndarray, int, str], ...]:
    if check == "doodles":
        from tools.garment_doodles import doodle_set

        return tuple((d.image, d.label, d.template) for d in doodle_set(seed))
    if check == "traced":
        from tools.garment_traced import traced_set

        return tuple((d.image, d.label, d.garment) for d in traced_set(seed))
    raise ValueError(f"unknown check {check!r}; choose one of {', '.join(CHECKS)}")


def check_inputs(
    check: str, seed: int, cache: Path | None = None, narrow: Narrow | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One check drawn at ``seed`` -> (x (n, 28, 28) float32 in [0, 255], labels (n,), names
    (n,) of the template / traced garment), preprocessed as ``nndesk predict`` does (or
    ``narrowed``)."""
    path = None if cache is None else Path(cache) / cache_name(check, seed, narrow)
    if path is not None and path.is_file():
        with np.load(path, allow_pickle=False) as f:
            return f["x"], f["labels"], f["names"]
    drawings = _drawings(check, seed)
    if narrow is None:
        x = np.stack([preprocess(image, "garments") for image, _, _ in drawings])
    else:
        x = np.stack([narrowed(image, narrow) for image, _, _ in drawings])
    x = x.astype(np.float32)
    labels = np.array([label for _, label, _ in drawings])
    names = np.array([name for _, _, name in drawings])
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, x=x, labels=labels, names=names)
    return x, labels, names


#: the hand-drawn set's name in the cache and the printed lines
HAND = "hand"


def hand_inputs(cache: Path | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The hand-drawn garments, each drawn on a ``DrawingCanvas`` as ``tools.hand_check``
    draws it and preprocessed as ``nndesk predict`` reads its PNG -> (x (120, 28, 28) float32,
    labels, names); cached as ``hand.npz``."""
    path = None if cache is None else Path(cache) / f"{HAND}.npz"
    if path is not None and path.is_file():
        with np.load(path, allow_pickle=False) as f:
            return f["x"], f["labels"], f["names"]
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a tool run from a terminal
    from PySide6.QtWidgets import QApplication

    from tools.hand_check import render_all

    _app = QApplication.instance() or QApplication([])
    items = render_all()
    x = np.stack([preprocess(item.image, "garments") for item in items]).astype(np.float32)
    labels = np.array([item.label for item in items])
    names = np.array([item.name for item in items])
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


#: the classes a ``--gated`` reading reads again narrowed: the tops, drawn wider than photographed
TOPS = ("T-shirt/top", "Pullover", "Coat", "Shirt")


def read(
    classifiers,
    weights: list[float],
    x: np.ndarray,
    tta: list[str],
    narrow_x: np.ndarray | None = None,
    gated: bool = False,
) -> np.ndarray:
    """Calibrated probabilities (n, k), averaged over the models (weighted) and the TTA changes,
    and the narrowed inputs ``narrow_x`` (n, 28, 28): for every drawing, or if ``gated`` per
    model only for those it reads as one of ``TOPS`` (the two readings averaged)."""
    inputs = [x] + [change(x) for group in tta for change in TTA[group]]
    if narrow_x is not None and not gated:
        inputs.append(narrow_x)
    total = 0.0
    for clf, w in zip(classifiers, weights, strict=True):
        probs = np.mean([clf.probabilities(v) for v in inputs], axis=0)
        if narrow_x is not None and gated:
            tops = [i for i, name in enumerate(clf.class_names) if name in TOPS]
            again = np.isin(probs.argmax(axis=1), tops)
            probs[again] = (probs[again] + clf.probabilities(narrow_x[again])) / 2
        total = total + w * probs
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
    ap.add_argument("--narrow", default="", help="LO,HI,TO: also read boxes LO..HI wide narrowed")
    ap.add_argument("--gated", action="store_true", help="--narrow only for drawings read as tops")
    ap.add_argument("--cache", type=Path, help="folder keeping the preprocessed check inputs")
    ap.add_argument("--hand", action="store_true", help="also read the 120 hand-drawn garments")
    args = ap.parse_args(argv)
    tta = [g for g in args.tta.split(",") if g]
    weights = [float(w) for w in args.weights.split(",") if w] or [1.0] * len(args.models)
    narrow = _narrow_option(args.narrow)
    if (
        any(g not in TTA for g in tta)
        or len(weights) != len(args.models)
        or args.seeds < 1
        or narrow is False
        or (args.gated and not narrow)
    ):
        wanted = (
            f"--tta takes {', '.join(TTA)}; --weights one per model; --seeds >= 1; "
            "--narrow three numbers LO,HI,TO with 0 < LO <= HI; --gated needs --narrow"
        )
        print(f"error: {wanted}", file=sys.stderr)
        return 2
    if args.hand and narrow:
        print("error: --hand reads the drawings as they are; leave out --narrow", file=sys.stderr)
        return 2
    try:
        classifiers = [Classifier.from_file(m) for m in args.models]
    except NndeskError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    plain = len(classifiers) == 1 and not tta and not narrow
    for check in CHECKS:
        shares, gained, lost = [], 0, 0
        for seed in check_seeds(args.seeds, check):
            x, labels, _ = check_inputs(check, seed, args.cache)
            narrow_x = check_inputs(check, seed, args.cache, narrow)[0] if narrow else None
            probs = read(classifiers, weights, x, tta, narrow_x, args.gated)
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
    if args.hand:
        x, labels, _ = hand_inputs(args.cache)
        probs = read(classifiers, weights, x, tta)
        share, per_class = scores(probs, labels)
        right = probs.argmax(axis=1) == labels
        line = f"{HAND}: {100 * share:.1f} % ({int(right.sum())} / {len(labels)}, worst class"
        line += f" {100 * per_class.min():.0f} %)"
        if not plain:
            alone = classifiers[0].probabilities(x).argmax(axis=1) == labels
            line += f" (against {Path(args.models[0]).stem} alone:"
            line += f" +{int((right & ~alone).sum())} -{int((alone & ~right).sum())} drawings)"
        print(line)
    return 0


def _narrow_option(text: str) -> Narrow | None | bool:
    """``--narrow``'s "LO,HI,TO" -> (lo, hi, to); "" -> None; anything else -> False."""
    if not text:
        return None
    try:
        lo, hi, to = (float(v) for v in text.split(","))
    except ValueError:
        return False
    return (lo, hi, to) if 0 < lo <= hi and to > 0 else False


if __name__ == "__main__":
    sys.exit(main())
