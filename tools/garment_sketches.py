"""Garments drawn the way people draw them with a mouse or a paint program, many shapes per class.

Every Fashion-MNIST class has a parametric shape: a closed outline (x right, y down, unit box;
shoes point their toe left, as in the dataset) plus the detail strokes a person adds (a coat's
opening and buttons, a shirt's collar and placket, a sneaker's sole line and laces, a sandal's
straps). Proportions are drawn at random from ranges, and each garment is rendered on a 280x280
canvas in one of three ways:

- ``filled``: a filled silhouette (the details vanish inside it, as they do with a white pen);
- ``outline``: the outline and its details only;
- ``scribble``: the outline plus a zig-zag scribble inside it that leaves gaps;

with a random pen (6-36 px, the canvas' garment pen is 30), size, place, tilt and hand wobble, as
white on black (the canvas) or black on white (a paint program's export).

``sketch_set("tuning")`` and ``sketch_set("held-out")`` are two disjoint check sets: different
seeds, and the held-out one draws its proportions from wider ranges (the tuning set uses the
middle 60 % of each range), so choices made on the tuning set are judged on shapes it never had.
``python -m tools.garment_sketches DIR [--set held-out]`` writes a set as PNG files.

Pillow + NumPy, no Qt.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from tools.drawings import save_drawings as save_sketches  # a Sketch has a name and an image too

CANVAS = 280
MODES = ("filled", "outline", "scribble")
POLARITIES = ("white-on-black", "black-on-white")
CLASS_NAMES = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)  # fmt: skip

Point = tuple[float, float]
Polyline = list[Point]


@dataclass(frozen=True)
class Shape:
    """One garment: filled outlines (``parts``), open detail strokes and strap-like strokes.

    ``bands`` are strokes that belong to the silhouette itself (a sandal's straps, a bag's
    handle): they are drawn in every mode. ``details`` (collar, buttons, sole line) are drawn only
    where they would show, on outlines and scribbles.
    """

    label: int
    parts: tuple[Polyline, ...]
    details: tuple[Polyline, ...] = ()
    bands: tuple[Polyline, ...] = ()


@dataclass(frozen=True)
class Sketch:
    """One rendered check drawing: a name, its true class, how it was drawn, the canvas image."""

    name: str
    label: int
    mode: str
    polarity: str
    image: np.ndarray = field(repr=False)  # uint8 (280, 280)


class _Params:
    """Draws shape parameters from ``(lo, hi)`` ranges, narrowed to the middle by ``spread``.

    ``wide`` (training drawings only) lets the makers draw the wider family as well: sleeveless
    and cropped tops, sleeves from down along the body to spread straight out, V-necks and hoods,
    trousers flared, tapered or with the legs apart, strapless and halter dresses, thong and
    stiletto sandals, backpacks and clutches. The check sets keep ``wide`` off, so they stay the
    drawings they were (the makers draw nothing more from ``rng`` then).
    """

    def __init__(
        self,
        rng: np.random.Generator,
        spread: float,
        wide: bool = False,
        more: bool = False,
        cut: bool = False,
        cues: bool = False,
    ):
        self.rng, self.spread, self.wide = rng, spread, wide
        self.more = wide and more  # long-sleeved tops drawn more ways (``_more_top``)
        # tops and dresses drawn as a person draws their cut: long sleeves held straight out
        # (drawn shorter than an arm, as a square page makes them), coat collars, shift dresses
        self.cut = wide and cut
        # long-sleeved tops with the detail a person draws to say which one it is: a pullover's
        # ribbed neck, cuffs and hem; a coat's notched lapels and flap pockets; a shirt's
        # collar band, yoke and buttoned cuffs (``_cues``)
        self.cues = wide and cues

    def __call__(self, lo: float, hi: float) -> float:
        mid, half = (lo + hi) / 2, (hi - lo) / 2 * self.spread
        return float(self.rng.uniform(mid - half, mid + half))

    def choice(self, p_true: float) -> bool:
        return bool(self.rng.random() < p_true)


def _mirror(half: Polyline) -> Polyline:
    """Right half (from the top centre round to the bottom centre) -> the whole closed outline."""
    left = [(1.0 - x, y) for x, y in reversed(half)]
    return half + left


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, n: int = 24):
    """Points of an elliptic arc from ``start`` to ``end`` degrees (clockwise on screen)."""
    a = np.deg2rad(np.linspace(start, end, n))
    return [(cx + rx * math.cos(t), cy + ry * math.sin(t)) for t in a]


def _top(p: _Params, sleeve_len: tuple[float, float], sleeve_deg: tuple[float, float], label: int):
    """Tops with sleeves (T-shirt, pullover, coat, shirt): the right half of the outline.

    Returns (half outline, numbers the details need). With ``p.wide`` a pullover or coat may
    have a hood, a T-shirt may be cropped, any top a V-neck, and sleeves that hang down stay
    outside the body (the outline is not clipped to the unit box: ``_fitted`` rescales it).
    With ``p.more`` a long-sleeved top (pullover, coat, shirt) may also have raglan or dropped
    shoulders, sleeves held straight out or a little raised, sleeves narrowing to the cuff, a
    coat reaching the knee or below, a pullover's hem band pulled in.
    """
    more = p.more and label in (2, 4, 6)
    hood = p.wide and label in (2, 4) and p.choice(0.25)
    y0 = p(0.02, 0.08) if not hood else p(0.14, 0.2)
    neck = p(0.06, 0.11)
    shoulder = neck + p(0.10, 0.15)
    if more and p.choice(0.3):
        shoulder = neck + p(0.03, 0.08)  # raglan or dropped: the sleeve starts near the neck
    body = shoulder + p(-0.03, 0.03)
    if more and p.choice(0.3):
        body += p(0.02, 0.08)  # a loose body, wider than the shoulders
    length = p(0.70, 0.92) if label != 4 else p(0.84, 0.98)
    if p.wide and label == 0 and p.choice(0.2):
        length *= p(0.55, 0.8)  # a crop top
    if more and label == 4 and p.choice(0.6):
        length = p(1.0, 1.45)  # a long coat: to the knee or below (``_fitted`` rescales)
    hem = min(0.98, y0 + length) if not more else y0 + length
    slen = p(*sleeve_len)
    angle = math.radians(p(*sleeve_deg))  # below the horizontal
    if more and p.choice(0.35):
        angle = math.radians(p(-12, 18))  # arms held out straight, or a little raised
    swidth = p(0.10, 0.16)
    cuff = swidth * p(0.5, 0.95) if more and p.choice(0.6) else swidth  # a sleeve that tapers
    if p.cut and label in (2, 4, 6) and p.choice(0.5):
        # arms held out, level or spread: a person draws the long sleeve shorter than an arm
        # (the page is square), yet longer than a T-shirt's short sleeve (at most 0.24)
        angle = math.radians(p(-8, 15) if p.choice(0.5) else p(15, 70))
        slen = p(0.28, 0.5)
        cuff = swidth * p(0.7, 1.0)
    sx, sy = 0.5 + shoulder, y0 + p(0.02, 0.05)
    ox, oy = sx + slen * math.cos(angle), sy + slen * math.sin(angle)
    # the cuff is perpendicular to the sleeve; the armpit lies on the body's side
    ix, iy = ox - cuff * math.sin(angle), oy + cuff * math.cos(angle)
    arm_y = sy + swidth / max(math.cos(angle), 0.35)
    flare = p(-0.02, 0.05) if label != 4 else p(0.0, 0.07)
    if more and label == 2 and p.choice(0.35):
        flare = -p(0.02, 0.07)  # a ribbed hem band pulls the hem in
    dip = p(0.03, 0.09)
    if not p.wide:
        clip = min
    else:

        def clip(v: float, _top: float) -> float:
            return v

        if p.choice(0.3):
            dip = p(0.1, 0.26)  # a V-neck
        # a sleeve hanging down runs beside the body, not across it
        if ix < 0.5 + body + 0.02:
            body = max(ix - 0.52, neck + 0.04)
            shift = max(0.0, 0.52 + body - ix)
            ox, ix = ox + shift, ix + shift
    half = [
        (0.5, y0 + dip),
        (0.5 + neck, y0),
        (sx, sy),
        (clip(ox, 0.99), clip(oy, 0.99)),
        (clip(ix, 0.99), clip(iy, 0.99)),
        (0.5 + body, min(arm_y, hem - 0.2)),
        (0.5 + body + flare, hem),
        (0.5, hem),
    ]
    if hood:
        rise = p(0.12, y0 - 0.01)
        half[:2] = [(0.5, y0 - rise)] + arc(0.5, y0 + 0.02, neck + 0.04, rise + 0.02, 280, 360, 8)
    return half, (y0, neck, hem)


def _tank(p: _Params, label: int) -> Shape:
    """A sleeveless top (``label`` 0: to the hips) or a sleeveless dress (3: long, its skirt
    flared out from the waist): the whole outline."""
    y0 = p(0.02, 0.06)
    neck = p(0.06, 0.12)
    strap = p(0.02, 0.09)
    body = neck + strap + p(0.06, 0.14)
    arm_y = y0 + p(0.18, 0.34)
    hem, flare = (p(0.55, 0.9), p(-0.02, 0.04)) if label == 0 else (p(0.9, 0.99), p(0.06, 0.22))
    half = [
        (0.5, y0 + p(0.06, 0.2)),
        (0.5 + neck, y0),
        (0.5 + neck + strap, y0),
        (0.5 + neck + strap + 0.02, y0 + (arm_y - y0) * 0.55),
        (0.5 + body, arm_y),
        (0.5 + body + flare, hem),
        (0.5, hem),
    ]
    details = [[(0.5 - body, hem - 0.05), (0.5 + body, hem - 0.05)]] if p.choice(0.4) else []
    return Shape(label, (_mirror(half),), tuple(details))


def tshirt(p: _Params) -> Shape:
    if p.wide and p.choice(0.3):
        return _tank(p, 0)
    half, (y0, neck, hem) = _top(p, (0.12, 0.24), (0, 60) if p.wide else (20, 45), 0)
    details = [arc(0.5, y0, neck, p(0.04, 0.09), 0, 180)]
    return Shape(0, (_mirror(half),), tuple(details))


def pullover(p: _Params) -> Shape:
    half, (y0, neck, hem) = _top(p, (0.55, 0.8), (0, 82) if p.wide else (58, 84), 2)
    band = p(0.04, 0.07)
    details = [
        arc(0.5, y0, neck, p(0.03, 0.06), 0, 180),
        [(0.5 - half[-2][0] + 0.5, hem - band), (half[-2][0], hem - band)],
    ]
    if p.more:
        details += _cuff_lines(half, p(0.04, 0.09)) if p.choice(0.6) else []
        if len(half) == 8 and p.choice(0.3):  # a turtleneck rises above the shoulders
            rise, collar = p(0.05, 0.12), neck * p(0.7, 1.0)
            half[:2] = [(0.5, y0 - rise), (0.5 + collar, y0 - rise), (0.5 + collar, y0)]
            details.append([(0.5 - collar, y0 + 0.01), (0.5 + collar, y0 + 0.01)])
        if p.choice(0.3):  # a kangaroo pocket or a knitted stripe across the chest
            if p.choice(0.5):
                top, w = y0 + (hem - y0) * p(0.55, 0.65), p(0.12, 0.2)
                bottom = hem - band - 0.02
                details.append([(0.5 - w, bottom), (0.5 - w * 0.7, top), (0.5 + w * 0.7, top)])
                details[-1].append((0.5 + w, bottom))
            else:
                sy = y0 + (hem - y0) * p(0.25, 0.45)
                x = half[-3][0]
                details.append([(1 - x, sy), (x, sy)])
    if p.cues:
        details += _pullover_cues(p, half, y0, neck, hem, band)
    return Shape(2, (_mirror(half),), tuple(details))


def _cuff_lines(half: Polyline, depth: float) -> list[Polyline]:
    """A band across both sleeves ``depth`` in from the cuff (a top's half outline from
    ``_top``, before any change: shoulder, cuff outer and inner points are its 3rd-5th last)."""
    (sx, sy), (ox, oy), (ix, iy) = half[-6], half[-5], half[-4]
    n = max(math.hypot(sx - ox, sy - oy), 1e-6)
    ux, uy = (sx - ox) / n * depth, (sy - oy) / n * depth
    right = [(ox + ux, oy + uy), (ix + ux, iy + uy)]
    return [right, [(1 - x, y) for x, y in right]]


def _both(line: Polyline) -> list[Polyline]:
    """A detail on the right half and its mirror image on the left."""
    return [line, [(1 - x, y) for x, y in line]]


def _ticks(a: Point, b: Point, c: Point, d: Point, n: int) -> list[Polyline]:
    """``n`` short strokes across the band between the edge a-b and the edge c-d (ribbing)."""
    out = []
    for t in np.linspace(0.1, 0.9, n):
        p0 = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        p1 = (c[0] + (d[0] - c[0]) * t, c[1] + (d[1] - c[1]) * t)
        out.append([p0, p1])
    return out


def _pullover_cues(p: _Params, half: Polyline, y0: float, neck: float, hem: float, band: float):
    """What says "knitted pullover" in a drawing: the ribbed hem band, ribbed cuffs and a
    ribbed crew neck (a second curve inside the neckline), each drawn or not."""
    out: list[Polyline] = []
    x = half[-2][0]
    if p.choice(0.7):  # ribs down the hem band
        out += _ticks((1 - x, hem - band), (x, hem - band), (1 - x, hem), (x, hem), int(p(6, 12)))
    if p.choice(0.6):  # ribbed cuffs
        (sx, sy), (ox, oy), (ix, iy) = half[-6], half[-5], half[-4]
        depth = p(0.05, 0.1)
        n = max(math.hypot(sx - ox, sy - oy), 1e-6)
        ux, uy = (sx - ox) / n * depth, (sy - oy) / n * depth
        inner = ((ox + ux, oy + uy), (ix + ux, iy + uy))
        out += _both(list(inner))
        for tick in _ticks((ox, oy), (ix, iy), *inner, int(p(3, 5.99))):
            out += _both(tick)
    if p.choice(0.6):  # a ribbed neck: a second curve under the neckline
        out.append(arc(0.5, y0, neck + 0.02, p(0.07, 0.1), 0, 180))
    return out


def _coat_cues(p: _Params, half: Polyline, y0: float, neck: float, v: float, hem: float):
    """What says "coat" in a drawing: notched lapels folding back from the collar to the V,
    flap pockets drawn as boxes at the hips, each drawn or not."""
    out: list[Polyline] = []
    if p.choice(0.6):  # a notched lapel: out from the neck, a notch, then down to the V
        wide_at = y0 + (v - y0) * p(0.3, 0.5)
        reach = neck + p(0.06, 0.14)
        lapel = [
            (0.5 + neck, y0),
            (0.5 + reach, wide_at - 0.04),
            (0.5 + reach - p(0.03, 0.06), wide_at),
            (0.5 + reach, wide_at + 0.03),
            (0.5, v),
        ]
        out += _both(lapel)
    if p.choice(0.6):  # flap pockets: boxes at the hips
        py = v + (hem - v) * p(0.5, 0.7)
        w, h, x0 = p(0.1, 0.16), p(0.04, 0.09), p(0.56, 0.62)
        box = [(x0, py), (x0 + w, py), (x0 + w, py + h), (x0, py + h), (x0, py)]
        out += _both(box)
    return out


def _shirt_cues(p: _Params, arm: Polyline, y0: float, neck: float, hem: float, long: bool):
    """What says "shirt" in a drawing: the collar band across the neck, a yoke seam over the
    shoulders, buttoned cuffs on long sleeves, button dots down the placket, each drawn or not
    (``arm``: the outline's shoulder, cuff outer and inner points)."""
    out: list[Polyline] = []
    if p.choice(0.5):  # the collar band: a short line across the neck under the collar
        out.append([(0.5 - neck, y0 + 0.02), (0.5 + neck, y0 + 0.02)])
    if p.choice(0.4):  # a yoke seam from the shoulder to the collar
        sx, sy = arm[0]
        out += _both([(sx, sy + 0.06), (0.5 + neck, y0 + 0.08)])
    if long and p.choice(0.6):  # buttoned cuffs
        (ox, oy), (ix, iy) = arm[1], arm[2]
        out += _both([((ox + ix) / 2, (oy + iy) / 2), ((ox + ix) / 2 + 0.005, (oy + iy) / 2)])
        out += _both(_cuff_lines([*arm, (0, 0), (0, 0), (0, 0)], p(0.05, 0.09))[0])
    if p.choice(0.5):  # buttons drawn as dots beside the placket, close together
        for by in np.linspace(y0 + 0.16, hem - 0.06, int(p(5, 8.99))):
            out.append([(0.52, by), (0.525, by)])
    return out


def coat(p: _Params) -> Shape:
    half, (y0, neck, hem) = _top(p, (0.6, 0.85), (0, 82) if p.wide else (60, 85), 4)
    extra, plain_neck = [], len(half) == 8  # not hooded
    if p.more:
        extra += _cuff_lines(half, p(0.04, 0.1)) if p.choice(0.4) else []
        if p.choice(0.35):  # a belt pulls the waist in (a trench coat)
            (ax, ay), (hx, _) = half[-3], half[-2]
            wy = ay + (hem - ay) * p(0.25, 0.45)
            wx = min(ax, hx) - p(0.01, 0.05)
            half.insert(-2, (wx, wy))
            extra.append([(1 - wx, wy), (wx, wy)])
            extra.append([(0.5, wy - 0.03), (0.56, wy - 0.03), (0.56, wy + 0.03), (0.5, wy + 0.03)])
    # lapels: the neck opens into a V that reaches well down the chest
    v = y0 + p(0.18, 0.32)
    if plain_neck:  # a hooded coat (wide) keeps its hood and shows the V as a line
        half[0] = (0.5, v)
    if p.more and p.choice(0.5):  # lapels folded back from the collar to the V
        lapel = [(0.5 + neck, y0), (0.5 + neck + p(0.04, 0.1), (y0 + v) / 2), (0.5, v)]
        extra += [lapel, [(1 - x, y) for x, y in lapel]]
    if p.cut and p.choice(0.5):  # a collar: from the neck's corners down towards the opening
        collar = [(0.5 + neck, y0), (0.5 + neck * p(0.2, 0.6), y0 + (v - y0) * p(0.5, 0.85))]
        extra += [collar, [(1 - x, y) for x, y in collar]]
    open_gap = p(0.0, 0.03) if p.choice(0.5) else 0.0
    if open_gap and p.wide:
        open_gap = p(0.0, 0.12)  # an open coat shows a wedge between its fronts
    if open_gap:
        half[-1] = (0.5 + open_gap, hem)
        half.append((0.5 + open_gap * 0.3, hem - p(0.1, 0.2)))
        half.append((0.5, hem - p(0.1, 0.2)))
    details = [[(0.5, v), (0.5, hem)]]
    buttons = int(p(3, 5.99))  # up to 6 with the training ranges: the 6th falls under the hem
    for k in range(min(buttons, 5) if p.more else buttons):
        by = v + 0.05 + k * (hem - v - 0.1) / 4
        details.append([(0.46, by), (0.47, by)])
    if p.choice(0.6):  # pockets
        py = v + (hem - v) * p(0.45, 0.6)
        details += [[(0.62, py), (0.74, py)], [(0.26, py), (0.38, py)]]
    if p.more and p.choice(0.4):  # double-breasted: a second row of buttons
        for k in range(int(p(2, 4.99))):
            by = v + 0.05 + k * (hem - v - 0.1) / 4
            details.append([(0.56, by), (0.57, by)])
    if p.more and p.choice(0.25):  # a zip: teeth along the opening
        details += [[(0.48, y), (0.52, y)] for y in np.linspace(v + 0.03, hem - 0.03, 7)]
    if p.cues:
        extra += _coat_cues(p, half, y0, neck, v, hem)
    return Shape(4, (_mirror(half),), tuple(details + extra))


def shirt(p: _Params) -> Shape:
    long_sleeves = p.choice(0.6)
    sleeve = ((0.55, 0.8), (58, 84)) if long_sleeves else ((0.12, 0.22), (25, 45))
    if p.wide:
        sleeve = (sleeve[0], (0, 82) if long_sleeves else (0, 55))
    if p.more and long_sleeves and p.choice(0.25):
        sleeve = ((0.3, 0.45), sleeve[1])  # sleeves rolled up to the elbow
    half, (y0, neck, hem) = _top(p, *sleeve, 6)
    arm = half[-6:-3]  # shoulder, cuff outer and inner points, before the tail changes ``half``
    cuffs = _cuff_lines(half, p(0.04, 0.08)) if p.more and p.choice(0.5) else []
    if p.wide and p.choice(0.4):  # a curved shirt tail
        edge = half[-2]
        half[-2:] = [(edge[0], edge[1] - 0.06), ((edge[0] + 0.5) / 2, hem), (0.5, hem - 0.04)]
    half[0] = (0.5, y0 + p(0.08, 0.14))
    # collar points stick out and down over the chest
    tip = (0.5 + neck * p(0.5, 0.9), y0 + p(0.12, 0.2))
    details = [
        [(0.5 - neck, y0), (1 - tip[0], tip[1]), (0.5, y0 + 0.1), tip, (0.5 + neck, y0)],
        [(0.5, y0 + 0.1), (0.5, hem)],
    ]
    buttons = int(p(4, 6.99))  # up to 7 with the training ranges: the 7th may fall under the hem
    for k in range(min(buttons, 6) if p.more else buttons):
        by = y0 + 0.18 + k * (hem - y0 - 0.25) / 5
        details.append([(0.53, by), (0.535, by)])
    if p.more and p.choice(0.5):  # a chest pocket
        px, py, w = p(0.58, 0.64), y0 + p(0.18, 0.26), p(0.07, 0.11)
        details.append([(px, py), (px, py + w), (px + w, py + w), (px + w, py)])
    if p.more and p.choice(0.4):  # the placket drawn as two lines
        details.append([(0.47, y0 + 0.1), (0.47, hem)])
    if p.cues:
        cuffs += _shirt_cues(p, arm, y0, neck, hem, long_sleeves)
    return Shape(6, (_mirror(half),), tuple(details + cuffs))


def _legs(p: _Params) -> Shape:
    """Trousers drawn leg by leg (``wide``): straight, tapered or flared below the knee, the
    legs together or apart as a figure stands."""
    top = p(0.02, 0.06)
    waist = p(0.14, 0.22)
    crotch = top + p(0.22, 0.4)
    bottom = p(0.92, 0.99)
    knee_y = crotch + (bottom - crotch) * p(0.4, 0.6)
    knee_w = p(0.09, 0.17)
    hem_w = knee_w * (p(0.55, 1.0) if p.choice(0.5) else p(1.0, 2.0))
    apart = p(0.0, 0.25) if p.choice(0.4) else 0.0
    c0 = waist / 2 + p(-0.01, 0.02)

    def centre(y: float) -> float:
        return c0 + apart * (y - crotch) / (bottom - crotch)

    ck, cb = centre(knee_y), centre(bottom)
    half = [
        (0.5, top),
        (0.5 + waist, top),
        (0.5 + max(waist, c0 + knee_w / 2), crotch),
        (0.5 + ck + knee_w / 2, knee_y),
        (0.5 + cb + hem_w / 2, bottom),
        (0.5 + max(0.0, cb - hem_w / 2), bottom),
        (0.5 + max(0.0, ck - knee_w / 2), knee_y),
        (0.5, crotch),
    ]
    outline = half + [(1 - x, y) for x, y in reversed(half[1:-1])]
    details = [[(0.5 - waist, top + 0.05), (0.5 + waist, top + 0.05)]]
    if p.choice(0.5):
        details.append([(0.5, top + 0.05), (0.5, crotch - 0.05)])
    return Shape(1, (outline,), tuple(details))


def trouser(p: _Params) -> Shape:
    if p.wide and p.choice(0.7):
        return _legs(p)
    top = p(0.02, 0.06)
    waist = p(0.15, 0.22)
    hem_half = waist + p(-0.02, 0.06)
    crotch = top + p(0.25, 0.42)
    leg = p(0.11, 0.16)
    bottom = p(0.92, 0.99)
    inner = 0.5 + max(p(0.05, 0.1), hem_half - leg)
    half = [
        (0.5, top),
        (0.5 + waist, top),
        (0.5 + hem_half, bottom),
        (inner, bottom),
        (0.5, crotch),
    ]
    outline = half + [(1 - x, y) for x, y in reversed(half[1:-1])]
    details = [
        [(0.5 - waist, top + 0.05), (0.5 + waist, top + 0.05)],
        [(0.5, top + 0.05), (0.5, crotch)],
    ]
    return Shape(1, (outline,), tuple(details))


def _wide_dress(p: _Params) -> Shape:
    """Sleeveless (straps), strapless and halter dresses (``wide``), fitted or flared."""
    kind = int(p.rng.integers(3))
    top = p(0.02, 0.1)
    chest = p(0.08, 0.15)
    waist_y = top + p(0.2, 0.4)
    waist = chest - p(0.0, 0.04)
    hem = p(0.75, 0.99)
    skirt = p(0.14, 0.46)
    bands = []
    if kind == 0:  # straps over the shoulders
        bust = top + p(0.1, 0.2)
        half = [(0.5, bust + p(0.0, 0.05)), (0.5 + chest, bust)]
        bands = [[(0.5 + s * chest * 0.6, bust), (0.5 + s * chest * 0.5, top)] for s in (-1, 1)]
    elif kind == 1:  # strapless
        half = [(0.5, top), (0.5 + chest, top)]
    else:  # halter: from a narrow neck out to the arms
        half = [(0.5, top), (0.5 + p(0.02, 0.05), top), (0.5 + chest, top + p(0.15, 0.25))]
    half += [(0.5 + waist, waist_y), (0.5 + skirt, hem), (0.5, hem)]
    details = [[(0.5 - waist, waist_y), (0.5 + waist, waist_y)]] if p.choice(0.6) else []
    return Shape(3, (_mirror(half),), tuple(details), tuple(bands))


def _shift_dress(p: _Params) -> Shape:
    """A shift or sheath dress (``cut``): cap or short sleeves, a narrow, nearly straight body
    down to the knee, so it is much taller than wide."""
    top, neck = p(0.02, 0.06), p(0.06, 0.1)
    chest = p(0.12, 0.18)
    sleeve_out, sleeve_down = p(0.03, 0.1), p(0.06, 0.14)
    waist_y = top + p(0.3, 0.42)
    hem = p(0.9, 0.99)
    half = [
        (0.5, top + p(0.03, 0.1)),
        (0.5 + neck, top),
        (0.5 + chest + sleeve_out, top + sleeve_down),
        (0.5 + chest + sleeve_out * p(0.0, 0.6), top + sleeve_down + p(0.06, 0.1)),
        (0.5 + chest, top + p(0.18, 0.24)),
        (0.5 + chest - p(0.0, 0.03), waist_y),
        (0.5 + chest + p(-0.02, 0.05), hem),
        (0.5, hem),
    ]
    details = [[(0.5 - chest, waist_y), (0.5 + chest, waist_y)]] if p.choice(0.5) else []
    return Shape(3, (_mirror(half),), tuple(details))


def dress(p: _Params) -> Shape:
    if p.cut and p.choice(0.4):
        return _shift_dress(p)
    if p.wide and p.choice(0.5):
        return _wide_dress(p) if p.choice(0.7) else _tank(p, 3)
    top = p(0.02, 0.08)
    chest = p(0.09, 0.15)
    waist_y = top + p(0.25, 0.4)
    waist = chest - p(0.0, 0.04)
    hem = p(0.9, 0.99)
    skirt = p(0.2, 0.36)
    strap = p(0.03, 0.06)
    half = [(0.5, top + p(0.04, 0.1)), (0.5 + strap, top)]
    if p.choice(0.4):  # short sleeves
        half += [(0.5 + chest + 0.03, top + 0.02), (0.5 + chest + 0.1, top + 0.12)]
        half += [(0.5 + chest + 0.06, top + 0.17)]
    else:
        half += [(0.5 + chest, top + 0.1)]
    half += [(0.5 + chest, top + 0.2), (0.5 + waist, waist_y), (0.5 + skirt, hem), (0.5, hem)]
    details = [[(0.5 - waist, waist_y), (0.5 + waist, waist_y)]]
    return Shape(3, (_mirror(half),), tuple(details))


def sneaker(p: _Params) -> Shape:
    sole = p(0.62, 0.82)
    thick = p(0.06, 0.12) if not p.wide else p(0.04, 0.18)
    heel_top = sole - p(0.25, 0.42)
    toe_top = sole - p(0.1, 0.2)
    collar_x = p(0.55, 0.72)
    outline = [
        (0.97, heel_top),
        (collar_x + 0.12, heel_top + p(0.03, 0.08)),
        (collar_x, heel_top + p(0.0, 0.05)),
        (collar_x - 0.2, toe_top - p(0.03, 0.08)),
        (0.18, toe_top),
        (0.06, toe_top + 0.05),
        (0.02, sole - 0.03),
        (0.04, sole + thick * 0.8),
        (0.96, sole + thick),
        (0.98, sole - 0.1),
    ]
    if p.wide and p.choice(0.4):  # a tongue standing up at the collar
        x = collar_x - p(0.04, 0.1)
        outline[2:3] = [
            (collar_x, heel_top),
            (x, heel_top - p(0.05, 0.15)),
            (x - 0.06, toe_top - 0.06),
        ]
    details = [[(0.03, sole), (0.97, sole)]]
    for k in range(3):
        x = collar_x - 0.08 - k * 0.07
        details.append([(x, toe_top + 0.02 - k * 0.01), (x - 0.05, toe_top + 0.06 - k * 0.01)])
    return Shape(7, (outline,), tuple(details))


def ankle_boot(p: _Params) -> Shape:
    sole = p(0.88, 0.98)
    top = p(0.02, 0.2)
    shaft_front = p(0.38, 0.55)
    back = p(0.86, 0.97)
    instep = p(0.5, 0.65)
    toe_top = sole - p(0.15, 0.28)
    heel = p(0.0, 0.08)
    slant = 0.0
    if p.wide:
        heel = p(0.0, 0.16)
        slant = p(-0.08, 0.08)
    outline = [
        (back, top - slant),
        (shaft_front, top + slant),
        (shaft_front - 0.02, instep),
        (0.2, toe_top),
        (0.05, toe_top + 0.08),
        (0.03, sole),
        (back - 0.2, sole),
        (back - 0.18, sole - heel),
        (back - 0.02, sole - heel),
        (back + 0.01, sole),
        (back + 0.02, sole - 0.1),
    ]
    details = [[(0.04, sole - 0.06), (back, sole - 0.06 - heel)]]
    if p.choice(0.5):
        details.append([(back - 0.1, top + 0.03), (back - 0.1, instep)])  # a zip
    return Shape(9, (outline,), tuple(details))


def _wide_sandal(p: _Params) -> Shape:
    """A thong (flip-flop) or a stiletto with straps (``wide``)."""
    if p.choice(0.5):
        sole = p(0.7, 0.9)
        thick = p(0.03, 0.07)
        outline = [
            (0.02, sole),
            (0.98, sole - p(0.0, 0.05)),
            (0.98, sole + thick),
            (0.02, sole + thick),
        ]
        post = (p(0.15, 0.35), sole)
        peak = (post[0] + p(0.1, 0.2), sole - p(0.15, 0.35))
        bands = [[post, peak, (peak[0] + p(0.12, 0.3), sole)], [peak, (post[0] + 0.02, sole)]]
        return Shape(5, (outline,), (), tuple(bands))
    toe = p(0.8, 0.95)
    heel_top = p(0.25, 0.5)
    post = p(0.03, 0.07)
    outline = [
        (0.02, toe - 0.04), (0.3, toe - 0.06), (0.65, (toe + heel_top) / 2), (0.97, heel_top),
        (0.97, heel_top + 0.06), (0.92, heel_top + 0.09), (0.92, 0.98), (0.92 - post, 0.98),
        (0.9 - post, heel_top + 0.12), (0.65, (toe + heel_top) / 2 + 0.07), (0.3, toe + 0.02),
        (0.02, toe + 0.02),
    ]  # fmt: skip
    bands = [arc(0.15, toe - 0.05, p(0.08, 0.14), p(0.1, 0.25), 180, 360, 12)]
    if p.choice(0.7):
        bands.append(arc(0.85, heel_top - 0.02, p(0.06, 0.1), p(0.1, 0.2), 150, 400, 14))
    return Shape(5, (outline,), (), tuple(bands))


def sandal(p: _Params) -> Shape:
    if p.wide and p.choice(0.4):
        return _wide_sandal(p)
    sole = p(0.72, 0.9)
    heel = p(0.0, 0.25)  # a raised heel makes a wedge
    thick = p(0.04, 0.08)
    sole_outline = [
        (0.03, sole),
        (0.97, sole - heel),
        (0.97, sole - heel + thick + (0.05 if heel > 0.12 else 0.0)),
        (0.9, sole + thick * (0.3 if heel < 0.12 else 1.0) + (0.0 if heel < 0.12 else 0.05)),
        (0.03, sole + thick),
    ]

    def sole_y(x: float) -> float:
        return sole - heel * x

    bands = []
    n = int(p(2, 4.99))
    for k in range(n):
        x0 = 0.12 + k * 0.62 / n + p(-0.03, 0.03)
        w = p(0.08, 0.16)
        h = p(0.15, 0.35)
        bands.append(arc(x0 + w / 2, sole_y(x0 + w / 2), w / 2 + 0.04, h, 180, 360, 16))
    if p.choice(0.6):  # ankle strap
        bx = p(0.72, 0.86)
        bands.append(
            [
                (bx, sole_y(bx)),
                (bx - 0.02, sole_y(bx) - p(0.3, 0.45)),
                (bx + 0.12, sole_y(bx) - 0.3),
            ]
        )
    return Shape(5, (sole_outline,), (), tuple(bands))


def _wide_bag(p: _Params) -> Shape:
    """A backpack, a clutch or a bag with a rounded bottom (``wide``)."""
    kind = int(p.rng.integers(3))
    if kind == 0:  # backpack: rounded top, a loop, a front pocket
        w, top = p(0.25, 0.36), p(0.1, 0.2)
        half = arc(0.5, top + w * 0.6, w, w * 0.6, 270, 360, 8) + [(0.5 + w, 0.96), (0.5, 0.96)]
        loop = arc(0.5, top + 0.01, p(0.05, 0.1), p(0.05, 0.1), 180, 360, 10)
        pocket = [(0.5 - w * 0.7, 0.6), (0.5 + w * 0.7, 0.6), (0.5 + w * 0.7, 0.88),
                  (0.5 - w * 0.7, 0.88), (0.5 - w * 0.7, 0.6)]  # fmt: skip
        return Shape(8, (_mirror(half),), (pocket,), (loop,))
    if kind == 1:  # clutch: no handle, a flap
        top, bottom = p(0.25, 0.4), p(0.65, 0.85)
        body = [(0.03, top), (0.97, top), (0.97, bottom), (0.03, bottom)]
        flap = [[(0.03, top), (0.5, top + (bottom - top) * p(0.3, 0.7)), (0.97, top)]]
        return Shape(8, (body,), tuple(flap))
    top, w = p(0.35, 0.5), p(0.28, 0.44)  # rounded bottom, one handle
    half = [(0.5, top), (0.5 + w, top)] + arc(0.5, top, w, 0.97 - top, 0, 90, 10)[1:]
    handle = arc(0.5, top, w * p(0.4, 0.8), p(0.15, top - 0.03), 180, 360)
    return Shape(8, (_mirror(half),), (), (handle,))


def bag(p: _Params) -> Shape:
    if p.wide and p.choice(0.35):
        return _wide_bag(p)
    top = p(0.3, 0.5)
    bottom = p(0.85, 0.98)
    half_top = p(0.25, 0.42)
    half_bottom = half_top + p(-0.04, 0.08)
    body = _mirror([(0.5, top), (0.5 + half_top, top), (0.5 + half_bottom, bottom), (0.5, bottom)])
    bands = []
    kind = p.rng.integers(3)
    if kind == 0:  # one handle
        w = p(0.12, 0.25)
        bands.append(arc(0.5, top, w, p(0.15, top - 0.03), 180, 360))
    elif kind == 1:  # two handles
        w = p(0.06, 0.12)
        for cx in (0.5 - half_top / 2, 0.5 + half_top / 2):
            bands.append(arc(cx, top, w, p(0.12, top - 0.05), 180, 360))
    else:  # a shoulder strap
        bands.append(arc(0.5, top, half_top - 0.02, p(0.2, top - 0.02), 180, 360))
    flap = top + p(0.12, 0.3)
    details = [[(0.5 - half_top, top), (0.5, flap), (0.5 + half_top, top)]] if p.choice(0.5) else []
    return Shape(8, (body,), tuple(details), tuple(bands))


#: One shape maker per Fashion-MNIST class index.
MAKERS: dict[int, Callable[[_Params], Shape]] = {
    0: tshirt, 1: trouser, 2: pullover, 3: dress, 4: coat,
    5: sandal, 6: shirt, 7: sneaker, 8: bag, 9: ankle_boot,
}  # fmt: skip


@dataclass(frozen=True)
class Pose:
    """Where and how a shape is drawn on the canvas."""

    pen: int  # px on the 280 canvas
    scale: float  # side of the unit box as a fraction of the canvas
    offset: Point  # fraction of the canvas, positive right / down
    rotate: float  # degrees, counter-clockwise on screen
    wobble: float  # how far a hand moves each point, in unit-box units
    stretch: float = 1.0  # width against height (training drawings only)


def _fitted(shape: Shape) -> Shape:
    """``shape`` scaled (aspect kept) and moved so its outline and straps fill the unit box's
    middle 96 %: a wide shape (sleeves spread out) would otherwise run off the canvas."""
    pts = np.array([pt for line in shape.parts + shape.bands for pt in line])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    k = 0.96 / max(float((hi - lo).max()), 1e-6)
    mid = (lo + hi) / 2

    def fit(lines):
        return tuple(
            [(0.5 + (x - mid[0]) * k, 0.5 + (y - mid[1]) * k) for x, y in line] for line in lines
        )

    return Shape(shape.label, fit(shape.parts), fit(shape.details), fit(shape.bands))


def _place(points: Sequence[Point], pose: Pose, rng: np.random.Generator) -> list[Point]:
    side = pose.scale * CANVAS
    cx = CANVAS / 2 + pose.offset[0] * CANVAS
    cy = CANVAS / 2 + pose.offset[1] * CANVAS
    c, s = math.cos(math.radians(pose.rotate)), math.sin(math.radians(pose.rotate))
    jitter = rng.uniform(-pose.wobble, pose.wobble, size=(len(points), 2))
    out = []
    for (x, y), (jx, jy) in zip(points, jitter, strict=True):
        u, v = x + jx - 0.5, y + jy - 0.5
        if pose.stretch != 1.0:
            u, v = u * pose.stretch, v / pose.stretch
        u, v = c * u + s * v, -s * u + c * v
        out.append((cx + u * side, cy + v * side))
    return out


def _stroke(draw: ImageDraw.ImageDraw, pts: list[Point], pen: int, closed: bool = False) -> None:
    """A round-capped, round-joined polyline ``pen`` pixels wide."""
    if closed:
        pts = pts + pts[:1]
    r = pen / 2
    if len(pts) > 1:
        draw.line(pts, fill=255, width=pen, joint="curve")
    for x, y in (pts[0], pts[-1]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=255)


def _scribble(
    mask: np.ndarray, pen: int, rng: np.random.Generator, spacing: float | None = None
) -> np.ndarray:
    """A zig-zag scribble over the ``mask`` (bool 280x280) region, clipped to it, with gaps.

    ``spacing`` is the zig-zag's pitch in pens (None: drawn from 1.6-2.8)."""
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return np.zeros_like(mask)
    x0, x1, y0, y1 = cols.min(), cols.max(), rows.min(), rows.max()
    angle = rng.uniform(0, math.pi)
    spacing = pen * (rng.uniform(1.6, 2.8) if spacing is None else spacing)
    # zig-zag across a rotated square covering the box, then clip to the region
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    reach = math.hypot(x1 - x0, y1 - y0) / 2 + pen
    c, s = math.cos(angle), math.sin(angle)
    pts = []
    for k, t in enumerate(np.arange(-reach, reach, spacing)):
        a = -reach if k % 2 == 0 else reach
        pts.append((a, t + rng.uniform(-0.3, 0.3) * spacing))
        pts.append((-a, t + spacing / 2 + rng.uniform(-0.3, 0.3) * spacing))
    placed = [(cx + c * u - s * v, cy + s * u + c * v) for u, v in pts]
    img = Image.new("L", mask.shape[::-1], 0)
    ImageDraw.Draw(img).line(placed, fill=255, width=pen, joint="curve")
    lines = np.asarray(img) > 127
    # a hand stops a little short of the outline, or runs a little over it
    return lines & mask


def _gapped(pts: list[Point], rng: np.random.Generator) -> list[list[Point]]:
    """A closed outline (``pts``, the first point not repeated) as open runs with one or two
    gaps where the pen lifted too early."""
    dense = []
    ring = pts + pts[:1]
    for (x0, y0), (x1, y1) in zip(ring[:-1], ring[1:], strict=True):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / 4))
        dense += [(x0 + (x1 - x0) * t / n, y0 + (y1 - y0) * t / n) for t in range(n)]
    n = len(dense)
    cut = np.zeros(n, bool)
    for _ in range(int(rng.integers(1, 3))):
        start, width = int(rng.integers(n)), max(2, int(n * rng.uniform(0.02, 0.08)))
        cut[(start + np.arange(width)) % n] = True
    order = np.roll(np.arange(n), -int(np.flatnonzero(cut)[0]))
    runs, run = [], []
    for i in order:
        if cut[i]:
            if len(run) > 1:
                runs.append(run)
            run = []
        else:
            run.append(dense[i])
    if len(run) > 1:
        runs.append(run)
    return runs


def render(
    shape: Shape,
    mode: str,
    pose: Pose,
    rng: np.random.Generator,
    wide: bool = False,
    back_in_paper: float = 0.15,
) -> np.ndarray:
    """Draw ``shape`` as ``mode`` on a black 280x280 canvas in white. Returns uint8 (280, 280).

    ``wide`` (training drawings only) also varies how: outlines with gaps or gone round twice,
    a filled silhouette in a grey or with its details drawn back in black, scribbles of other
    spacings and pens, sometimes crossed by a second pass. ``back_in_paper`` is the chance
    (``wide`` only) that a filled silhouette gets its details drawn back in the paper's colour.
    """
    img = Image.new("L", (CANVAS, CANVAS), 0)
    draw = ImageDraw.Draw(img)
    parts = [_place(part, pose, rng) for part in shape.parts]
    if mode == "filled":
        level = 255 if not wide or rng.random() < 0.8 else int(rng.integers(120, 255))
        for pts in parts:
            draw.polygon(pts, fill=level)
    for pts in parts:
        if wide and mode != "filled" and rng.random() < 0.3:
            for run in _gapped(pts, rng):
                _stroke(draw, run, pose.pen)
        else:
            _stroke(draw, pts, pose.pen, closed=True)
    if wide and mode != "filled" and rng.random() < 0.2:  # a sketchy hand goes round twice
        for part in shape.parts:
            _stroke(draw, _place(part, pose, rng), max(3, int(pose.pen * 0.7)), closed=True)
    for band in shape.bands:
        _stroke(draw, _place(band, pose, rng), pose.pen)
    if mode != "filled":
        for line in shape.details:
            _stroke(draw, _place(line, pose, rng), max(4, int(pose.pen * 0.7)))
    out = np.asarray(img).copy()
    if mode == "filled" and wide and shape.details and rng.random() < back_in_paper:
        ink = Image.new("L", (CANVAS, CANVAS), 0)  # details drawn back in the paper's colour
        for line in shape.details:
            _stroke(ImageDraw.Draw(ink), _place(line, pose, rng), max(3, int(pose.pen * 0.4)))
        out[np.asarray(ink) > 127] = 0
    if mode == "scribble":
        region = Image.new("L", (CANVAS, CANVAS), 0)
        for pts in parts:
            ImageDraw.Draw(region).polygon(pts, fill=255)
        mask = np.asarray(region) > 127
        if not wide:
            out[_scribble(mask, pose.pen, rng)] = 255
        else:
            for _ in range(1 if rng.random() < 0.7 else 2):
                pen = max(3, int(pose.pen * rng.uniform(0.4, 1.0)))
                out[_scribble(mask, pen, rng, spacing=rng.uniform(1.2, 3.8))] = 255
    return out


def _pose(rng: np.random.Generator, spread: float, wide: bool = False) -> Pose:
    p = _Params(rng, spread)
    scale = p(0.3, 0.98)
    room = max(0.0, (1.0 - scale) / 2 - 0.02)
    # nobody draws a small garment with a pen a sixth of its size: it would be a blob
    pose = Pose(
        pen=int(round(min(p(6, 36), 0.13 * scale * CANVAS))),
        scale=scale,
        offset=(float(rng.uniform(-room, room)), float(rng.uniform(-room, room))),
        rotate=p(-12, 12),
        wobble=abs(p(0.0, 0.025)),  # wider ranges than the sets' (training) reach below 0
    )
    if wide:  # thinner and thicker pens, and garments drawn wider or narrower than they are
        pen = int(round(min(p(3, 42), 0.14 * scale * CANVAS)))
        stretch = math.exp(p(-0.18, 0.18))
        pose = Pose(pen, scale / max(stretch, 1.0), pose.offset, pose.rotate, pose.wobble, stretch)
    return pose


#: The two check sets: (seed, spread of the parameter ranges, drawings per class).
SETS = {"tuning": (1017, 0.6, 24), "held-out": (2017, 1.0, 30)}


def sketches(rng: np.random.Generator, per_class: int, spread: float = 1.0) -> list[Sketch]:
    """``per_class`` drawings of every class, modes and polarities taken in turn."""
    out = []
    for i in range(per_class):
        mode = MODES[i % len(MODES)]
        polarity = POLARITIES[(i // len(MODES)) % len(POLARITIES)]
        for label, maker in MAKERS.items():
            shape = maker(_Params(rng, spread))
            image = render(shape, mode, _pose(rng, spread), rng)
            if polarity == "black-on-white":
                image = 255 - image
            name = f"{CLASS_NAMES[label].split('/')[0].lower().replace(' ', '-')}-{i:02d}-{mode}"
            out.append(Sketch(f"{name}-{polarity}", label, mode, polarity, image))
    return out


def sketch_set(name: str) -> list[Sketch]:
    """The ``"tuning"`` (240 drawings) or ``"held-out"`` (300 drawings) check set."""
    seed, spread, per_class = SETS[name]
    return sketches(np.random.default_rng(seed), per_class, spread)


#: Seed of the training drawings (``training_drawings``); the check sets use 1017 and 2017.
TRAINING_SEED = 3017
#: Spread of the training drawings' parameter ranges: a little wider than the held-out set's.
TRAINING_SPREAD = 1.1


def training_drawings(
    count: int,
    seed: int = TRAINING_SEED,
    mirror: float = 0.5,
    spread: float = TRAINING_SPREAD,
    wide: float = 0.0,
    more: float = 0.0,
    cut: float = 0.0,
    cues: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """``count`` garment drawings to train on, as the network sees them after preprocessing.

    The same shape makers as the check sets, with their own seed (never 1017 or 2017) and
    slightly wider ranges; classes in turn, mode and polarity drawn at random per drawing, and
    turned left-right with chance ``mirror`` (every Fashion-MNIST shoe and bag faces left, a
    person's may face right). Each 280x280 canvas goes through ``nndesk.preprocess`` exactly as
    a drawing on the canvas does. A share ``wide`` of them comes from the wider family
    (``_Params.wide``: sleeveless and hooded tops, sleeves from down to spread, trousers flared
    or apart, more dresses, sandals and bags) drawn more ways (``render(wide=True)``: gapped
    outlines, grey fills, other scribbles, thinner and thicker pens, stretched); 0 gives the
    drawings the first drawing-trained model learnt from. A share ``more`` of the wide
    pullovers, coats and shirts is drawn in still more ways (``_Params.more``: raglan
    shoulders, arms straight out, tapered sleeves and cuffs, long and belted coats, lapels,
    double rows of buttons, zips, turtlenecks, pockets, rolled sleeves), their details drawn
    back into a filled silhouette more often. A share ``cut`` of the wide pullovers, dresses,
    coats and shirts is drawn as ``_Params.cut`` says (long sleeves held straight out, coat
    collars, shift dresses), details also drawn back more often. A share ``cues`` of the wide
    pullovers, coats and shirts gets the details that tell them apart (``_Params.cues``: ribbed
    bands, notched lapels and flap pockets, collar bands, yokes and buttoned cuffs), details
    also drawn back more often. Returns uint8 (count, 28, 28)
    images
    and int64 (count,) labels.
    """
    from nndesk.preprocess import preprocess

    if seed in {s for s, _, _ in SETS.values()}:
        raise ValueError(f"seed {seed} is a check set's seed")
    rng = np.random.default_rng([seed, count])
    images = np.zeros((count, 28, 28), np.uint8)
    labels = np.arange(count, dtype=np.int64) % len(MAKERS)
    for i, label in enumerate(labels):
        w = wide > 0 and bool(rng.random() < wide)
        m = w and more > 0 and int(label) in (2, 4, 6) and bool(rng.random() < more)
        c = w and cut > 0 and int(label) in (2, 3, 4, 6) and bool(rng.random() < cut)
        q = w and cues > 0 and int(label) in (2, 4, 6) and bool(rng.random() < cues)
        shape = MAKERS[int(label)](_Params(rng, spread, wide=w, more=m, cut=c, cues=q))
        if w:
            shape = _fitted(shape)
        mode = MODES[rng.integers(len(MODES))]
        image = render(
            shape,
            mode,
            _pose(rng, spread, wide=w),
            rng,
            wide=w,
            back_in_paper=0.35 if m or c or q else 0.15,
        )
        if rng.random() < mirror:
            image = image[:, ::-1]
        if rng.random() < 0.5:
            image = 255 - image
        x = preprocess(np.ascontiguousarray(image), "garments")
        if x is not None:
            images[i] = np.clip(np.rint(x), 0, 255).astype(np.uint8)
    return images, labels


def cached_training_drawings(
    count: int,
    cache: str | None,
    seed: int = TRAINING_SEED,
    wide: float = 0.0,
    more: float = 0.0,
    cut: float = 0.0,
    cues: float = 0.0,
):
    """``training_drawings(count, seed, wide=, more=, cut=, cues=)``, kept in ``cache``."""
    from tools.array_cache import cached_arrays

    kind = f"-wide{wide:g}" if wide > 0 else ""
    kind += f"-more{more:g}" if more > 0 and wide > 0 else ""
    kind += f"-cut{cut:g}" if cut > 0 and wide > 0 else ""
    kind += f"-cues{cues:g}" if cues > 0 and wide > 0 else ""
    return cached_arrays(
        cache,
        f"garment-drawings-{seed}-{count}{kind}.npz",
        lambda: training_drawings(count, seed, wide=wide, more=more, cut=cut, cues=cues),
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.garment_sketches DIR [--set tuning|held-out]``: write a set as PNGs."""
    args = list(sys.argv[1:] if argv is None else argv)
    which = "held-out"
    if "--set" in args:
        i = args.index("--set")
        which = args[i + 1] if i + 1 < len(args) else ""
        del args[i : i + 2]
    if len(args) != 1 or which not in SETS:
        print(
            "usage: python -m tools.garment_sketches DIR [--set tuning|held-out]", file=sys.stderr
        )
        return 2
    paths = save_sketches(sketch_set(which), args[0])
    print(f"wrote {len(paths)} drawings to {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def ambiguous_sketches(rng: np.random.Generator, count: int = 40) -> list[np.ndarray]:
    """Drawings that are no garment in particular: discs, boxes, triangles, blobs, lines.

    A model that means its confidence should not be sure about these; ``count`` canvases,
    filled or outlined, white on black.
    """
    out = []
    for i in range(count):
        img = Image.new("L", (CANVAS, CANVAS), 0)
        draw = ImageDraw.Draw(img)
        cx, cy = rng.uniform(100, 180, size=2)
        r = rng.uniform(40, 110)
        pen = int(rng.integers(8, 31))
        kind = i % 5
        if kind == 0:
            box = (cx - r, cy - r * rng.uniform(0.6, 1.0), cx + r, cy + r * rng.uniform(0.6, 1.0))
            draw.ellipse(box, fill=255) if i % 2 else draw.ellipse(box, outline=255, width=pen)
        elif kind == 1:
            pts = [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
            _stroke(draw, pts, pen, closed=True)
        elif kind == 2:
            pts = [(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
            draw.polygon(pts, fill=255)
        elif kind == 3:
            angles = np.sort(rng.uniform(0, 2 * np.pi, size=7))
            radii = r * rng.uniform(0.5, 1.0, size=7)
            pts = [
                (cx + q * math.cos(a), cy + q * math.sin(a))
                for a, q in zip(angles, radii, strict=True)
            ]
            draw.polygon(pts, fill=255)
        else:
            pts = [tuple(p) for p in rng.uniform(40, 240, size=(4, 2))]
            _stroke(draw, pts, pen)
        out.append(np.asarray(img).copy())
    return out
