"""The drawn-garment pool of issue 17 (rounds 33-38): 282 hand drawings read by one model file.

The pool is the hand check (``tools.hand_garments``, 120) and the four unseen hands
(``tools.hand_garments_train5`` to ``_train8``: 18 + 48 + 48 + 48). Each drawing is put on the
app's real canvas by ``tools.hand_check.render`` (strokes, Fill clicks, eraser; black-on-white
turned over as a paint program saves it), saved as a PNG and read by ``nndesk predict MODEL
PNG... --json`` in this process, so every class's probability is kept.

    python -m tools.garment_pool MODEL [--json OUT] [--against OTHER.json]

prints the pool's figures: the count of 282, per class and per polarity; the hand check's count
(120) and per class; the unseen hands' counts; the hand check's right answers at >= 60 % and wrong
answers at >= 90 %; the pool's mean NLL of the true class (clipped at 1e-6), mean Brier (summed
over the ten classes) and top-label ECE (10 equal bins). ``--json OUT`` writes the figures and
every drawing's probabilities; ``--against OTHER.json`` (another model's ``--json``) adds the
drawings this model wins and loses against that one and a one-sided sign test.

The scoring functions are pure NumPy (``nll``, ``brier``, ``top_label_ece``, ``sign_test_p``,
``pooled_t``: round 38's recipe judge over batch orders). Needs Qt to draw the pool
(``QT_QPA_PLATFORM=offscreen`` runs it without a screen).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
from collections.abc import Callable, Sequence
from math import comb, sqrt
from pathlib import Path

import numpy as np

from nndesk.calibration import ece
from tools.hand_garments import HandDrawing

#: the pool's sets in order: (set name, module, attribute)
POOL_SETS = (
    ("hand", "tools.hand_garments", "HAND_GARMENTS"),
    ("fifth", "tools.hand_garments_train5", "HAND_TRAIN5_GARMENTS"),
    ("sixth", "tools.hand_garments_train6", "HAND_TRAIN6_GARMENTS"),
    ("seventh", "tools.hand_garments_train7", "HAND_TRAIN7_GARMENTS"),
    ("eighth", "tools.hand_garments_train8", "HAND_TRAIN8_GARMENTS"),
)
UNSEEN = ("fifth", "sixth", "seventh", "eighth")
POLARITY_NAMES = ("white-on-black", "black-on-white")
N_CLASSES = 10

#: ``answer(paths) -> [{"label", "probabilities", ...}]``, one per file: ``nndesk predict --json``
Answer = Callable[[Sequence[Path]], list[dict]]


# -- scoring (pure) ------------------------------------------------------------------------------


def nll(probs: np.ndarray, labels: np.ndarray, floor: float = 1e-6) -> float:
    """Mean negative log probability of the true class. probs (n, k), labels (n,) int; a
    probability under ``floor`` counts as ``floor`` (one sure miss must not make it infinite)."""
    p_true = np.asarray(probs, np.float64)[np.arange(len(labels)), labels]  # (n,)
    return float(-np.log(np.clip(p_true, floor, None)).mean())


def brier(probs: np.ndarray, labels: np.ndarray) -> float:
    """Mean over drawings of sum_k (p_k - onehot_k)^2. probs (n, k), labels (n,) int."""
    probs = np.asarray(probs, np.float64)
    onehot = np.eye(probs.shape[1])[labels]  # (n, k)
    return float(((probs - onehot) ** 2).sum(axis=1).mean())


def top_label_ece(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    """Top-label expected calibration error over ``bins`` equal bins on [0, 1]: the app's own
    ``nndesk.calibration.ece`` (what Evaluate reports), at the rounds' 10 bins."""
    return ece(probs, labels, bins)


def sign_test_p(wins: int, losses: int) -> float:
    """One-sided sign test: P(X >= wins) for X ~ Binomial(wins + losses, 1/2); 1.0 with no
    drawing that the two models read differently."""
    n = wins + losses
    return sum(comb(n, k) for k in range(wins, n + 1)) / 2**n if n else 1.0


def pooled_t(a: Sequence[float], b: Sequence[float]) -> float:
    """Two-sample t with a pooled variance (ddof 1 in each sample, len(a) + len(b) - 2 degrees
    of freedom): (mean a - mean b) / (s_p sqrt(1/len(a) + 1/len(b))). Round 38 judges the
    taught recipe's three pool counts against the untaught ones' with it (one-sided, bar 2.132
    at 4 df)."""
    x, y = np.asarray(a, np.float64), np.asarray(b, np.float64)
    ss = ((x - x.mean()) ** 2).sum() + ((y - y.mean()) ** 2).sum()
    sp = sqrt(ss / (len(x) + len(y) - 2))
    return float((x.mean() - y.mean()) / (sp * sqrt(1 / len(x) + 1 / len(y))))


# -- the pool ------------------------------------------------------------------------------------


def pool_drawings() -> list[tuple[str, HandDrawing]]:
    """The 282 drawings as (set name, drawing), in ``POOL_SETS`` order."""
    return [
        (name, d)
        for name, module, attr in POOL_SETS
        for d in getattr(importlib.import_module(module), attr)
    ]


def render_pool(drawings: Sequence[tuple[str, HandDrawing]], folder: Path) -> list[Path]:
    """Each drawing on one real canvas (cleared between drawings), saved as
    ``<folder>/<set>-<label>-<name>.png``. Needs a QApplication."""
    from PIL import Image

    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_check import render

    canvas = DrawingCanvas()
    paths = []
    for set_name, d in drawings:
        path = folder / f"{set_name}-{d.label}-{d.name}.png"
        Image.fromarray(render(d, canvas)).save(path)
        paths.append(path)
    return paths


def read_pool(drawings: Sequence[tuple[str, HandDrawing]], answer: Answer) -> list[dict]:
    """Every drawing drawn, saved and read by ``answer``: one row per drawing with its set,
    name, label, polarity, mode, the answer's label and its probabilities (10 floats)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = render_pool(drawings, Path(tmp))
        answers = answer(paths)
    if len(answers) != len(paths):
        raise RuntimeError(f"{len(answers)} answers for {len(paths)} drawings")
    return [
        {
            "set": set_name,
            "name": d.name,
            "label": d.label,
            "polarity": d.polarity,
            "mode": d.mode,
            "answer": int(a["label"]),
            "probabilities": [float(p) for p in a["probabilities"]],
        }
        for (set_name, d), a in zip(drawings, answers, strict=True)
    ]


def figures(rows: Sequence[dict]) -> dict:
    """The pool's figures from ``read_pool``'s rows (any subset of the pool)."""
    labels = np.array([r["label"] for r in rows], dtype=np.int64)
    probs = np.array([r["probabilities"] for r in rows], dtype=np.float64)  # (n, 10)
    right = np.array([r["answer"] for r in rows]) == labels
    top = probs.max(axis=1)
    sets = np.array([r["set"] for r in rows])
    polarity = np.array([r["polarity"] for r in rows])
    hand = sets == "hand"
    return {
        "pool": int(right.sum()),
        "pool_n": len(rows),
        "pool_per_class": [int(right[labels == c].sum()) for c in range(N_CLASSES)],
        "pool_per_class_n": [int((labels == c).sum()) for c in range(N_CLASSES)],
        "polarity": {
            p: [int(right[polarity == p].sum()), int((polarity == p).sum())] for p in POLARITY_NAMES
        },
        "hand": int(right[hand].sum()),
        "hand_n": int(hand.sum()),
        "hand_per_class": [int(right[hand & (labels == c)].sum()) for c in range(N_CLASSES)],
        "unseen": int(right[~hand].sum()),
        "unseen_n": int((~hand).sum()),
        "unseen_per_hand": {s: int(right[sets == s].sum()) for s in UNSEEN},
        "hand_right_at_60": int((hand & right & (top >= 0.6)).sum()),
        "hand_wrong_at_90": int((hand & ~right & (top >= 0.9)).sum()),
        "hand_wrong": int((hand & ~right).sum()),
        "nll": nll(probs, labels),
        "brier": brier(probs, labels),
        "top_label_ece": top_label_ece(probs, labels),
    }


def against(rows: Sequence[dict], other: Sequence[dict]) -> dict:
    """Drawing by drawing against another model's rows of the same drawings: wins (this one
    right, the other wrong), losses, and the one-sided sign test's p."""
    if [(r["set"], r["name"]) for r in rows] != [(r["set"], r["name"]) for r in other]:
        raise ValueError("the other file holds other drawings than this pool")
    truth = np.array([r["label"] for r in rows])
    mine = np.array([r["answer"] for r in rows]) == truth
    theirs = np.array([r["answer"] for r in other]) == truth
    wins, losses = int((mine & ~theirs).sum()), int((~mine & theirs).sum())
    return {"wins": wins, "losses": losses, "sign_test_p": sign_test_p(wins, losses)}


def _share(pair: Sequence[int]) -> str:
    right, n = pair
    return f"{right} / {n} ({100 * right / n:.1f} %)" if n else "0 / 0"


def summary(f: dict, paired: dict | None = None) -> list[str]:
    """The lines the command prints."""
    u = f["unseen_per_hand"]
    lines = [
        f"pool {_share((f['pool'], f['pool_n']))}",
        f"  per class {' '.join(map(str, f['pool_per_class']))}"
        f" (of {' '.join(map(str, f['pool_per_class_n']))})",
        "  " + ", ".join(f"{p} {_share(f['polarity'][p])}" for p in POLARITY_NAMES),
        f"hand check {f['hand']} / {f['hand_n']},"
        f" per class {' '.join(map(str, f['hand_per_class']))}",
        f"unseen {f['unseen']} / {f['unseen_n']} ("
        + ", ".join(f"{s} {u[s]}" for s in UNSEEN)
        + ")",
        f"hand check: right at >= 60 % {f['hand_right_at_60']},"
        f" wrong at >= 90 % {f['hand_wrong_at_90']} of {f['hand_wrong']}",
        f"NLL {f['nll']:.4f}, Brier {f['brier']:.4f}, top-label ECE {f['top_label_ece']:.4f}",
    ]
    if paired is not None:
        lines.append(
            f"against the other file: +{paired['wins']} / -{paired['losses']},"
            f" one-sided sign test p {paired['sign_test_p']:.3f}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.garment_pool MODEL [--json OUT] [--against OTHER.json]``; 2 with one
    line when the model or the other file cannot be read."""
    import os

    ap = argparse.ArgumentParser(prog="python -m tools.garment_pool", description=__doc__)
    ap.add_argument("model", type=Path)
    ap.add_argument("--json", type=Path, metavar="OUT", help="write figures and probabilities")
    ap.add_argument("--against", type=Path, metavar="OTHER.json", help="another model's --json")
    opts = ap.parse_args(argv)

    other = None
    if opts.against is not None:  # read before the pool's minutes of work, not after
        try:
            other = json.loads(opts.against.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:  # missing, unreadable, not JSON
            print(f"error: {opts.against}: {err}", file=sys.stderr)
            return 2
        if not isinstance(other, dict) or not isinstance(other.get("drawings"), list):
            print(
                f"error: {opts.against}: not a pool file (no drawings; make one with"
                " python -m tools.garment_pool MODEL --json OUT)",
                file=sys.stderr,
            )
            return 2
        other = other["drawings"]

    from nndesk.errors import NndeskError
    from nndesk.inference import Classifier

    try:  # a model that cannot be read is said before the pool is drawn
        Classifier.from_file(opts.model)
    except NndeskError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nndesk.fileio import atomic_write_text
    from tools.hand_check import predict_json

    _app = QApplication.instance() or QApplication([])

    def answer(paths: Sequence[Path]) -> list[dict]:
        return predict_json(opts.model, paths)

    try:
        rows = read_pool(pool_drawings(), answer)
        paired = against(rows, other) if other is not None else None
    except (NndeskError, RuntimeError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    f = figures(rows)
    print("\n".join(summary(f, paired)))
    if opts.json is not None:
        out = {"model": str(opts.model), "figures": f, "against": paired, "drawings": rows}
        atomic_write_text(opts.json, json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
