"""A third drawn-garment check, written before any model was trained for it: traced garments.

Sixty garments (six per Fashion-MNIST class) were traced by hand as polylines on a 100x100 grid
(x right, y down; shoes and boots point their toe left, as in the dataset): tees with sleeves
down, out and straight across, tank tops and camisoles, crop tops; straight, wide, flared,
tapered and walking trousers; sweaters with their arms down, at 45 degrees and spread, hoodies,
turtlenecks; sleeveless, strapless, halter and short-sleeved dresses; long, double-breasted,
open, hooded and arms-out coats; flat, thong, stiletto, wedge, gladiator and slide sandals;
collared shirts with long sleeves down, out and spread, short sleeves and a curved tail; low,
chunky, flat, skate and tongue-up sneakers; totes, handbags, backpacks, satchels, clutches and
bucket bags; chelsea, lace-up, heeled, platform, hiking and western ankle boots.

The rendering is its own code, shared neither with ``tools.garment_sketches`` (which the garment
models train on) nor with ``tools.garment_doodles``: every vertex is nudged, each stroke is
resampled and bent by a smoothed random walk, the whole garment stretched, sheared, tilted,
sized and placed at random (kept on the canvas), and the pen laid down as an antialiased
distance field in NumPy.
Every garment is drawn six times:

- ``filled``: the outline filled (even-odd) with its straps and handles, details hidden;
- ``outline``: the strokes and details; half of them with one or two gaps in the outline, as a
  hurried hand leaves;
- ``hatched``: the outline plus parallel hatching inside it at a random angle, with gaps;

each white on black (the canvas) and black on white (a paint program), every other one turned
to face right. ``traced_set()`` gives the 360 drawings (seeded); ``python -m
tools.garment_traced DIR`` writes them as PNG files. It is a judging set only: nothing is trained
or tuned on it.

NumPy + Pillow (PNG writing only), no Qt.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field

import numpy as np

from tools.drawings import save_drawings

CANVAS = 280
MODES = ("filled", "outline", "hatched")
POLARITIES = ("white-on-black", "black-on-white")
#: (seed, drawings per garment): 10 classes x 6 garments x 6 = 360 drawings
SEED, PER_GARMENT = 6017, 6


@dataclass(frozen=True)
class Traced:
    """A traced garment: closed outlines, open strokes that belong to it, inner details."""

    outlines: tuple[str, ...]
    straps: tuple[str, ...] = ()
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class TracedDrawing:
    """One rendered drawing: name, class, garment, mode, polarity, facing, 280x280 uint8."""

    name: str
    label: int
    garment: str
    mode: str
    polarity: str
    facing: str
    image: np.ndarray = field(repr=False)


def _box(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"{x0} {y0} {x1} {y0} {x1} {y1} {x0} {y1} {x0} {y0}"


def _buttons(x: float, y0: float, y1: float, n: int) -> tuple[str, ...]:
    step = (y1 - y0) / max(1, n - 1)
    return tuple(f"{x} {y0 + k * step:.1f} {x + 1} {y0 + k * step:.1f}" for k in range(n))


# -- the traced garments, 0..100 grid ------------------------------------------------------------
GARMENTS: dict[int, dict[str, Traced]] = {
    0: {
        "tee": Traced(
            ("40 6 26 10 6 28 14 38 26 32 27 95 73 95 74 32 86 38 94 28 74 10 60 6 56 11 "
             "50 13 44 11",),
        ),
        "tank": Traced(
            ("36 3 30 3 28 20 22 30 20 36 20 96 80 96 80 36 78 30 72 20 70 3 64 3 60 14 50 18 "
             "40 14",),
            details=("21 90 79 90",),
        ),
        "camisole": Traced(
            ("30 24 40 27 50 25 60 27 70 24 73 80 27 80",),
            straps=("34 25 36 2", "66 25 64 2"),
        ),
        "t-shape": Traced(("40 8 4 12 4 30 24 30 24 94 76 94 76 30 96 30 96 12 60 8 50 16",)),
        "crop": Traced(
            ("38 10 14 16 2 40 14 46 22 36 22 70 78 70 78 36 86 46 98 40 86 16 62 10 56 16 "
             "44 16",),
            details=("22 64 78 64",),
        ),
        "v-neck": Traced(
            ("40 4 24 8 8 34 18 42 28 28 28 96 72 96 72 28 82 42 92 34 76 8 60 4 50 24",),
            details=("12 30 20 38", "80 38 88 30"),
        ),
    },
    1: {
        "straight": Traced(
            ("28 2 72 2 74 97 54 97 50 30 46 97 26 97",),
            details=("28 8 72 8", "50 8 50 24"),
        ),
        "wide-leg": Traced(("30 2 70 2 90 97 54 97 50 35 46 97 10 97",), details=("30 8 70 8",)),
        "stance": Traced(("32 2 68 2 72 30 90 96 72 98 50 36 28 98 10 96 28 30",)),
        "bootcut": Traced(
            ("30 2 70 2 72 30 68 70 78 97 56 97 54 70 50 32 46 70 44 97 22 97 32 70 28 30",),
            details=("29 8 71 8",),
        ),
        "jogger": Traced(
            ("28 2 72 2 76 30 68 90 70 97 54 97 55 90 50 34 45 90 46 97 30 97 32 90 24 30",),
            details=("27 8 73 8", "32 90 45 90", "55 90 68 90", "48 8 46 16", "52 8 54 16"),
        ),
        "cargo": Traced(
            ("26 2 74 2 76 97 55 97 50 28 45 97 24 97",),
            details=("26 8 74 8", _box(28, 48, 40, 62), _box(60, 48, 72, 62)),
        ),
    },
    2: {
        "arms-down": Traced(
            ("40 4 22 8 10 20 4 88 16 90 22 36 22 94 78 94 78 36 84 90 96 88 90 20 78 8 60 4 "
             "56 9 50 10 44 9",),
            details=("22 88 78 88", "5 82 16 84", "84 84 95 82"),
        ),
        "arms-45": Traced(
            ("40 6 24 10 2 66 14 72 26 38 25 95 75 95 74 38 86 72 98 66 76 10 60 6 50 12",),
            details=("25 89 75 89", "4 60 15 66", "85 66 96 60"),
        ),
        "arms-out": Traced(
            ("40 10 24 12 0 18 0 32 24 34 24 94 76 94 76 34 100 32 100 18 76 12 60 10 50 15",),
            details=("24 88 76 88",),
        ),
        "hoodie": Traced(
            ("36 20 34 8 42 1 58 1 66 8 64 20 80 24 94 84 84 88 76 44 76 96 24 96 24 44 16 88 "
             "6 84 20 24",),
            details=("42 20 42 8 50 4 58 8 58 20", _box(34, 64, 66, 80), "46 20 46 32",
                     "54 20 54 32"),
        ),
        "turtleneck": Traced(
            ("40 0 60 0 60 10 78 14 92 86 82 90 74 40 74 96 26 96 26 40 18 90 8 86 22 14 "
             "40 10",),
            details=("40 6 60 6", "26 90 74 90"),
        ),
        "raglan": Traced(
            ("42 6 30 10 6 78 18 82 30 40 28 96 72 96 70 40 82 82 94 78 70 10 58 6 50 10",),
            details=("42 6 30 40", "58 6 70 40", "28 90 72 90"),
        ),
    },
    3: {
        "a-line": Traced(
            ("38 2 34 4 32 16 36 34 14 97 86 97 64 34 68 16 66 4 62 2 56 10 44 10",),
        ),
        "sheath": Traced(
            ("40 2 28 6 20 16 28 22 32 18 34 40 30 97 70 97 66 40 68 18 72 22 80 16 72 6 60 2 "
             "50 8",),
            details=("34 40 66 40",),
        ),
        "strapless": Traced(("34 10 66 10 64 40 92 97 8 97 36 40",), details=("36 40 64 40",)),
        "halter": Traced(("46 0 54 0 66 28 62 44 80 97 20 97 38 44 34 28",)),
        "wrap": Traced(
            ("40 3 26 6 22 14 30 18 34 38 18 96 82 96 66 38 70 18 78 14 74 6 60 3 50 24",),
            details=("34 38 66 38", "50 24 40 96"),
        ),
        "trapeze": Traced(
            ("42 2 36 4 34 20 10 92 90 92 66 20 64 4 58 2 50 8",),
            details=("24 50 76 50", "17 70 83 70"),
        ),
    },
    4: {
        "long": Traced(
            ("38 2 22 6 10 18 4 84 14 86 22 30 20 99 80 99 78 30 86 86 96 84 90 18 78 6 62 2 "
             "50 34",),
            details=("50 34 50 99", "38 2 44 24", "62 2 56 24", "26 66 38 66", "62 66 74 66")
            + _buttons(46, 42, 84, 4),
        ),
        "double-breasted": Traced(
            ("36 2 20 6 8 20 2 86 14 88 22 32 20 96 80 96 78 32 86 88 98 86 92 20 80 6 64 2 "
             "50 30",),
            details=("50 30 60 96",) + _buttons(42, 40, 76, 3) + _buttons(58, 40, 76, 3),
        ),
        "open": Traced(
            ("38 2 22 6 10 20 4 84 14 86 22 32 20 98 46 98 50 40 54 98 80 98 78 32 86 86 96 84 "
             "90 20 78 6 62 2 50 28",),
            details=("38 2 44 22", "62 2 56 22"),
        ),
        "parka": Traced(
            ("36 18 34 6 42 0 58 0 66 6 64 18 80 22 96 78 86 82 76 40 78 99 22 99 24 40 14 82 "
             "4 78 20 22",),
            details=("42 18 42 8 50 4 58 8 58 18", "50 18 50 99", _box(28, 62, 42, 74),
                     _box(58, 62, 72, 74)),
        ),
        "arms-out": Traced(
            ("40 4 24 8 0 14 0 28 22 30 18 99 82 99 78 30 100 28 100 14 76 8 60 4 50 30",),
            details=("50 30 50 99",) + _buttons(46, 40, 80, 4),
        ),
        "trench": Traced(
            ("38 2 20 8 8 22 6 80 16 82 24 34 18 99 82 99 76 34 84 82 94 80 92 22 80 8 62 2 "
             "50 26",),
            details=("22 50 78 50", "50 26 50 99", "38 2 30 14 44 24", "62 2 70 14 56 24",
                     _box(46, 47, 54, 53)),
        ),
    },
    5: {
        "strappy-flat": Traced(
            ("2 84 98 80 98 88 2 92",),
            straps=("10 84 16 66 30 64 36 83", "46 82 52 62 66 60 72 81", "80 80 82 56 94 52"),
        ),
        "thong": Traced(("2 84 50 82 98 80 98 88 50 90 2 92",), straps=("14 84 30 64 52 82",
                                                                        "30 64 22 84")),
        "stiletto": Traced(
            ("2 90 30 88 66 62 96 50 96 56 90 60 90 96 86 96 86 64 66 70 30 96 2 96",),
            straps=("8 90 14 74 26 72 30 88", "86 52 80 34 94 30 96 50"),
        ),
        "wedge": Traced(
            ("2 88 40 80 96 66 96 96 2 96",),
            straps=("10 88 18 64 34 62 40 80", "70 72 76 48 90 44 94 66"),
        ),
        "gladiator": Traced(
            ("2 88 98 86 98 94 2 96",),
            straps=("12 88 20 70 34 70 40 87", "50 87 54 60 70 58 76 86", "80 86 80 10",
                    "96 86 96 10", "80 30 96 30", "80 50 96 50", "80 70 96 70"),
        ),
        "slide": Traced(("2 82 98 78 98 88 2 90",), straps=("14 82 20 56 50 52 58 80",
                                                             "24 80 28 62 46 60 50 80")),
    },
    6: {
        "long-down": Traced(
            ("38 4 22 8 8 24 2 88 14 90 24 36 24 96 76 96 76 36 86 90 98 88 92 24 78 8 62 4 "
             "56 16 50 10 44 16",),
            details=("38 4 44 16 50 10 56 16 62 4", "50 10 50 96", "3 82 15 84", "85 84 97 82")
            + _buttons(47, 24, 88, 6),
        ),
        "short-sleeve": Traced(
            ("38 4 20 10 6 34 18 40 26 30 26 96 74 96 74 30 82 40 94 34 80 10 62 4 56 16 50 10 "
             "44 16",),
            details=("38 4 44 16 50 10 56 16 62 4", "50 10 50 96", _box(56, 34, 66, 44))
            + _buttons(47, 24, 88, 6),
        ),
        "long-45": Traced(
            ("38 6 24 10 2 68 14 74 26 38 26 96 74 96 74 38 86 74 98 68 76 10 62 6 56 18 50 12 "
             "44 18",),
            details=("38 6 44 18 50 12 56 18 62 6", "50 12 50 96") + _buttons(47, 26, 88, 6),
        ),
        "shirt-tail": Traced(
            ("38 4 22 8 10 22 4 84 16 86 24 34 24 90 36 96 50 92 64 96 76 90 76 34 84 86 96 84 "
             "90 22 78 8 62 4 56 16 50 10 44 16",),
            details=("38 4 44 16 50 10 56 16 62 4", "50 10 50 92") + _buttons(47, 24, 84, 6),
        ),
        "flannel": Traced(
            ("38 4 22 8 14 20 8 80 20 82 24 36 24 96 76 96 76 36 80 82 92 80 86 20 78 8 62 4 "
             "56 16 50 10 44 16",),
            details=("38 4 44 16 50 10 56 16 62 4", "50 10 50 96", _box(30, 30, 42, 42),
                     _box(58, 30, 70, 42), "24 60 76 60", "36 20 36 96", "64 20 64 96",
                     "9 72 20 74"),
        ),
        "arms-out": Traced(
            ("38 8 22 10 0 16 0 30 24 32 24 96 76 96 76 32 100 30 100 16 78 10 62 8 56 20 50 14 "
             "44 20",),
            details=("38 8 44 20 50 14 56 20 62 8", "50 14 50 96", "6 16 6 30", "94 16 94 30")
            + _buttons(47, 28, 88, 6),
        ),
    },
    7: {
        "low": Traced(
            ("2 80 4 68 20 60 44 52 56 40 70 42 84 38 96 44 98 86 4 90",),
            details=("3 80 97 80", "44 56 50 50", "50 52 56 46", "56 48 62 42"),
        ),
        "chunky": Traced(
            ("2 74 10 60 36 50 52 34 66 36 80 30 94 34 98 66 98 90 6 92 2 84",),
            details=("4 76 98 72", "30 66 50 60 70 64 86 56"),
        ),
        "flat": Traced(
            ("2 82 8 70 40 62 60 58 98 56 98 88 4 90",),
            details=("3 82 98 80", "56 60 60 70"),
        ),
        "skate": Traced(
            ("2 78 6 64 24 56 46 50 58 40 76 40 92 38 98 50 98 88 4 90",),
            details=("3 78 98 78", "4 70 20 62 28 78", "50 52 56 46", "56 48 62 44"),
        ),
        "tongue": Traced(
            ("2 82 6 70 28 60 48 48 52 30 60 30 62 44 74 40 94 36 98 86 4 90",),
            details=("3 82 98 82", "48 54 56 50", "42 58 50 54"),
        ),
        "heel-tab": Traced(
            ("2 80 8 66 30 58 50 48 64 46 80 40 94 28 100 34 98 88 4 90",),
            details=("3 80 98 78", "30 70 60 62 80 68"),
        ),
    },
    8: {
        "tote": Traced(
            ("12 40 88 40 82 98 18 98",),
            straps=("24 40 30 6 42 6 46 40", "54 40 58 6 70 6 76 40"),
        ),
        "handbag": Traced(("20 45 80 45 92 98 8 98",), straps=("30 45 34 10 66 10 70 45",),
                          details=("20 56 80 56",)),
        "backpack": Traced(
            ("18 30 26 14 50 8 74 14 82 30 84 96 16 96",),
            straps=("40 10 44 0 56 0 60 10",),
            details=(_box(28, 60, 72, 88), "20 40 80 40"),
        ),
        "satchel": Traced(
            ("6 50 94 50 94 96 6 96",),
            straps=("10 50 20 4 80 4 90 50",),
            details=("6 50 6 72 94 72 94 50", _box(46, 68, 54, 76)),
        ),
        "clutch": Traced(("4 35 96 35 96 80 4 80",), details=("4 35 50 60 96 35",)),
        "bucket": Traced(
            ("20 35 80 35 86 80 78 92 62 98 38 98 22 92 14 80",),
            straps=("28 35 36 4 64 4 72 35",),
            details=("22 44 78 44",),
        ),
    },
    9: {
        "chelsea": Traced(
            ("40 4 84 4 86 60 94 92 4 96 4 82 18 72 40 64",),
            details=("52 4 56 30 70 30 74 4", "5 88 94 86"),
        ),
        "lace-up": Traced(
            ("36 4 80 2 84 50 96 96 2 96 2 80 14 70 38 58",),
            details=("3 88 96 88", "38 14 48 12", "38 26 48 24", "38 38 48 36", "38 50 48 48"),
        ),
        "heeled": Traced(
            ("44 4 84 4 86 64 88 98 76 98 74 80 40 86 4 96 8 84 40 66",),
            details=("80 8 82 60",),
        ),
        "platform": Traced(
            ("42 6 86 6 88 70 96 76 96 98 2 98 2 80 20 70 42 62",),
            details=("2 86 96 86",),
        ),
        "hiking": Traced(
            ("38 8 56 2 82 4 88 56 98 76 98 98 2 98 2 80 16 68 36 60",),
            details=("2 88 98 88", "38 8 56 12 82 10", "40 24 50 22", "40 36 50 34",
                     "40 48 50 46"),
        ),
        "western": Traced(
            ("40 10 60 2 84 8 84 60 96 96 4 96 2 84 20 74 40 66",),
            details=("48 20 60 34 74 20", "3 90 96 90"),
        ),
    },
}  # fmt: skip


def _points(text: str) -> np.ndarray:
    v = np.array([float(t) for t in text.split()]) / 100.0
    return v.reshape(-1, 2)


# -- a hand that traces ----------------------------------------------------------------------------
class _Tracer:
    """One drawing's pose and hand: every point goes through ``place``."""

    def __init__(self, rng: np.random.Generator, mirror: bool):
        self.rng = rng
        self.mirror = mirror
        aspect = math.exp(rng.normal(0.0, 0.1))
        self.sx, self.sy = aspect, 1.0 / aspect
        self.shear = rng.normal(0.0, 0.05)
        self.turn = math.radians(rng.uniform(-10.0, 10.0))
        self.size = rng.uniform(0.45, 0.95) * CANVAS
        room = max(0.0, (CANVAS - self.size * 1.05) / 2)
        self.centre = CANVAS / 2 + rng.uniform(-room, room, size=2)
        self.nudge = rng.uniform(0.0, 0.012)  # of the garment's side, per vertex
        self.bend = rng.uniform(0.0, 0.01)  # of the garment's side, the random walk's reach

    def _bent(self, pts: np.ndarray, closed: bool) -> np.ndarray:
        """Resampled every ~1/100 of the side and bent by a smoothed random walk."""
        ring = np.vstack([pts, pts[:1]]) if closed else pts
        seg = np.hypot(*np.diff(ring, axis=0).T)
        t = np.concatenate([[0.0], np.cumsum(seg)])
        if t[-1] <= 0:
            return ring
        s = np.linspace(0.0, t[-1], max(2, int(t[-1] / 0.01)))
        out = np.stack([np.interp(s, t, ring[:, 0]), np.interp(s, t, ring[:, 1])], axis=1)
        walk = np.cumsum(self.rng.normal(0.0, 1.0, size=out.shape), axis=0)
        k = min(15, len(out))  # "same" convolution keeps the length only for k <= len
        kernel = np.ones(k) / k
        walk = np.stack([np.convolve(walk[:, i], kernel, mode="same") for i in (0, 1)], axis=1)
        walk -= np.linspace(walk[0], walk[-1], len(walk))  # ends stay put (closed rings close)
        peak = np.abs(walk).max()
        if peak > 0:
            out = out + walk / peak * self.bend
        return out

    def place(self, text: str, closed: bool) -> np.ndarray:
        """A polyline of the grid -> canvas pixel coordinates, (k, 2)."""
        pts = _points(text)
        pts = pts + self.rng.normal(0.0, self.nudge, size=pts.shape)
        if closed and np.allclose(pts[0], pts[-1], atol=1e-9):
            pts = pts[:-1]
        pts = self._bent(pts, closed)
        if self.mirror:
            pts[:, 0] = 1.0 - pts[:, 0]
        u = (pts[:, 0] - 0.5) * self.sx + self.shear * (pts[:, 1] - 0.5)
        v = (pts[:, 1] - 0.5) * self.sy
        c, s = math.cos(self.turn), math.sin(self.turn)
        x = self.centre[0] + (c * u + s * v) * self.size
        y = self.centre[1] + (-s * u + c * v) * self.size
        return np.stack([x, y], axis=1)


# -- an antialiased pen in NumPy -------------------------------------------------------------------
_YY, _XX = np.mgrid[0:CANVAS, 0:CANVAS].astype(np.float64) + 0.5


def _ink_path(canvas: np.ndarray, pts: np.ndarray, pen: float, level: float = 1.0) -> None:
    """Lay a round pen ``pen`` px wide along ``pts`` (k, 2) into ``canvas`` (float, 0..1)."""
    r = pen / 2.0
    if len(pts) == 1:
        pts = np.vstack([pts, pts])
    for a, b in zip(pts[:-1], pts[1:], strict=True):
        x0 = int(max(0, math.floor(min(a[0], b[0]) - r - 1)))
        x1 = int(min(CANVAS, math.ceil(max(a[0], b[0]) + r + 2)))
        y0 = int(max(0, math.floor(min(a[1], b[1]) - r - 1)))
        y1 = int(min(CANVAS, math.ceil(max(a[1], b[1]) + r + 2)))
        if x0 >= x1 or y0 >= y1:
            continue
        px, py = _XX[y0:y1, x0:x1], _YY[y0:y1, x0:x1]
        d = b - a
        length2 = float(d @ d)
        if length2 > 0:
            # minimum/maximum, not np.clip: the same numbers, without clip's Python wrapper,
            # which cost as much as the arithmetic on a window this small
            t = np.minimum(
                np.maximum(((px - a[0]) * d[0] + (py - a[1]) * d[1]) / length2, 0.0), 1.0
            )
        else:
            t = np.zeros_like(px)
        dist = np.hypot(px - (a[0] + t * d[0]), py - (a[1] + t * d[1]))
        cover = np.minimum(np.maximum(r + 0.5 - dist, 0.0), 1.0) * level
        np.maximum(canvas[y0:y1, x0:x1], cover, out=canvas[y0:y1, x0:x1])


def _inside(polygons: list[np.ndarray]) -> np.ndarray:
    """Even-odd inside test of every pixel centre against closed polygons: bool (280, 280)."""
    inside = np.zeros((CANVAS, CANVAS), bool)
    for poly in polygons:
        xs, ys = poly[:, 0], poly[:, 1]
        xe, ye = np.roll(xs, -1), np.roll(ys, -1)
        for xa, ya, xb, yb in zip(xs, ys, xe, ye, strict=True):
            if ya == yb:
                continue
            lo, hi = min(ya, yb), max(ya, yb)
            # an edge crosses only the rows whose centre (row + 0.5) lies in (lo, hi]: a
            # resampled garment's edge spans a row or two, so the rest of the canvas is skipped
            r0, r1 = max(0, math.floor(lo - 0.5)), min(CANVAS, math.ceil(hi) + 1)
            if r0 >= r1:
                continue
            yy, xx = _YY[r0:r1], _XX[r0:r1]
            crosses = (lo < yy) & (hi >= yy)
            x_at = xa + (yy - ya) * (xb - xa) / (yb - ya)
            inside[r0:r1] ^= crosses & (x_at > xx)
    return inside


def _with_gaps(ring: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """A closed ring cut open in one or two places (3-7 % of its points each)."""
    n = len(ring)
    keep = np.ones(n, bool)
    for _ in range(int(rng.integers(1, 3))):
        start, width = int(rng.integers(n)), max(2, int(n * rng.uniform(0.03, 0.07)))
        keep[(start + np.arange(width)) % n] = False
    start = int(np.flatnonzero(~keep)[0])
    order = np.roll(np.arange(n), -start)  # begin inside a gap, so runs do not wrap
    runs, run = [], []
    for i in order:
        if keep[i]:
            run.append(ring[i])
        elif run:
            runs.append(np.array(run))
            run = []
    if run:
        runs.append(np.array(run))
    return [r for r in runs if len(r) > 1]


def _hatching(inside: np.ndarray, pen: float, rng: np.random.Generator) -> list[np.ndarray]:
    """Parallel strokes across the region at a random angle, each kept to the region's chords."""
    rows, cols = np.nonzero(inside)
    if rows.size == 0:
        return []
    cx, cy = cols.mean(), rows.mean()
    angle = rng.uniform(0.0, math.pi)
    ux, uy = math.cos(angle), math.sin(angle)  # along a stroke
    nx, ny = -uy, ux  # across strokes
    reach = math.hypot(np.ptp(cols) + 1, np.ptp(rows) + 1) / 2 + 2
    gap = pen * rng.uniform(1.8, 3.2)
    strokes = []
    for off in np.arange(-reach, reach, gap):
        s = np.arange(-reach, reach, 2.0)
        x, y = cx + nx * off + ux * s, cy + ny * off + uy * s
        ok = (x >= 0) & (x < CANVAS) & (y >= 0) & (y < CANVAS)
        ok[ok] = inside[y[ok].astype(int), x[ok].astype(int)]
        idx = np.flatnonzero(ok)
        if idx.size < 4:
            continue
        # the longest run of inside points, pulled in a little at both ends
        breaks = np.flatnonzero(np.diff(idx) > 1)
        starts, ends = np.r_[idx[0], idx[breaks + 1]], np.r_[idx[breaks], idx[-1]]
        longest = int(np.argmax(ends - starts))
        a, b = starts[longest], ends[longest]
        trim = int(rng.uniform(0.0, 0.15) * (b - a))
        a, b = a + trim, b - trim
        if b - a >= 2 and rng.random() > 0.12:  # a hand skips a stroke now and then
            strokes.append(np.stack([x[[a, b]], y[[a, b]]], axis=1))
    return strokes


def _kept_on_canvas(lines: list[np.ndarray], pen: float) -> list[np.ndarray]:
    """The placed polylines moved (and, if they must, shrunk) so that the whole garment, pen
    included, lies on the canvas: a stretched, sheared, tilted garment may reach past an edge."""
    pts = np.vstack(lines)
    margin = pen / 2 + 2
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    k = min(1.0, (CANVAS - 2 * margin) / max(float((hi - lo).max()), 1e-6))
    mid = (lo + hi) / 2
    lo, hi = mid + (lo - mid) * k - margin, mid + (hi - mid) * k + margin
    shift = np.maximum(0.0, -lo) - np.maximum(0.0, hi - CANVAS)
    return [mid + (line - mid) * k + shift for line in lines]


def draw_traced(garment: Traced, mode: str, tracer: _Tracer, pen: float) -> np.ndarray:
    """``garment`` drawn as ``mode`` in white on a black canvas: uint8 (280, 280)."""
    rng = tracer.rng
    canvas = np.zeros((CANVAS, CANVAS))
    placed = (
        [tracer.place(o, closed=True) for o in garment.outlines]
        + [tracer.place(s, closed=False) for s in garment.straps]
        + [tracer.place(d, closed=False) for d in garment.details]
    )
    placed = _kept_on_canvas(placed, pen)
    n_rings, n_straps = len(garment.outlines), len(garment.straps)
    rings, straps = placed[:n_rings], placed[n_rings : n_rings + n_straps]
    details = placed[n_rings + n_straps :]
    for ring in rings:
        parts = _with_gaps(ring, rng) if mode == "outline" and rng.random() < 0.5 else [ring]
        for part in parts:
            _ink_path(canvas, part, pen)
    for strap in straps:
        _ink_path(canvas, strap, pen)
    if mode == "filled":
        canvas[_inside(rings)] = 1.0
    else:
        for detail in details:
            _ink_path(canvas, detail, max(3.0, pen * 0.65))
        if mode == "hatched":
            for stroke in _hatching(_inside(rings), pen, rng):
                _ink_path(canvas, stroke, max(3.0, pen * rng.uniform(0.5, 0.9)))
    return np.rint(canvas * 255).astype(np.uint8)


def traced_set(seed: int = SEED, per_garment: int = PER_GARMENT) -> list[TracedDrawing]:
    """``per_garment`` drawings of each of the 60 traced garments (360 by default), seeded.

    Modes go in turn, polarity every third, every odd-numbered drawing turned to face right.
    """
    rng = np.random.default_rng(seed)
    out = []
    for label, garments in GARMENTS.items():
        for name, garment in garments.items():
            for i in range(per_garment):
                mode = MODES[i % 3]
                polarity = POLARITIES[(i // 3) % 2]
                facing = "right" if i % 2 else "left"
                tracer = _Tracer(rng, mirror=facing == "right")
                pen = min(rng.uniform(5.0, 34.0), 0.13 * tracer.size)
                image = draw_traced(garment, mode, tracer, pen)
                if polarity == "black-on-white":
                    image = 255 - image
                out.append(
                    TracedDrawing(
                        f"{label}-{name}-{i}-{mode}-{polarity}-{facing}",
                        label,
                        name,
                        mode,
                        polarity,
                        facing,
                        image,
                    )  # fmt: skip
                )
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.garment_traced DIR``: write the traced set as PNG files."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.garment_traced DIR", file=sys.stderr)
        return 2
    paths = save_drawings(traced_set(), args[0])
    print(f"wrote {len(paths)} traced garments to {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
