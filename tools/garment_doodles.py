"""A second drawn-garment check: hand-placed doodles of garments the training generator never makes.

``tools.garment_sketches`` draws the check sets *and* (with another seed) the drawings the
garment models train on, so a model trained on it and scored on its held-out set is judged on
shapes of the same family. This module is the honest check: other code and other garments. Every
class has three templates written point by point the way a person sketches them (a hoodie, a
sweater with sleeves along the body, a crewneck with sleeves spread wide; a trench coat with a
belt, a quilted puffer, a parka with a hood; a tank top, a V-neck tee with sleeves straight out,
a boxy tee; flared, skinny and walking trousers; a sleeveless A-line, a puff-sleeved and a slip
dress; a flip-flop, a high-heeled and a slide sandal; a button-up shirt with a pocket, a
short-sleeved collared shirt, a checked shirt with rolled sleeves; a running shoe, a slip-on and
a mid-top sneaker; a tote, a clutch, a round handbag; a chelsea, a heeled and a hiking boot),
none of which ``garment_sketches`` produces. Each doodle is stretched, sheared, tilted and shaken
at random, its strokes smoothed like a mouse path, and drawn:

- ``filled``: the outline drawn, then every region it encloses filled, as the canvas' Fill tool
  does (a bag handle's loop stays open, as a person leaves it);
- ``outline``: the strokes only, details included;
- ``scribble``: the strokes plus looping coils inside the outline, leaving gaps;

white on black or black on white, and half of them turned to face right (shoes and bags point
either way in a person's drawing). ``python -m tools.garment_doodles DIR`` writes the set as PNGs.
No training recipe is chosen on it: it is only measured.

Pillow + NumPy, no Qt.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from nndesk.fill import region
from tools.drawings import save_drawings

CANVAS = 280
MODES = ("filled", "outline", "scribble")
#: (seed, drawings per template): 10 classes x 3 templates x 8 = 240 doodles
SEED, PER_TEMPLATE = 4017, 8

Pts = list[tuple[float, float]]


@dataclass(frozen=True)
class Doodle:
    """One rendered doodle: a name, its class, template, how it was drawn, the 280x280 image."""

    name: str
    label: int
    template: str
    mode: str
    polarity: str
    facing: str  # "left" (as drawn in the template) or "right" (turned)
    image: np.ndarray = field(repr=False)  # uint8 (280, 280)


@dataclass(frozen=True)
class Template:
    """Closed outlines (filled in ``filled``), open strokes that belong to the shape (straps,
    handles) and inner details (seams, buttons), all in a unit box, x right, y down."""

    outlines: tuple[Pts, ...]
    straps: tuple[Pts, ...] = ()
    details: tuple[Pts, ...] = ()


def _p(text: str) -> Pts:
    v = [float(t) for t in text.split()]
    return list(zip(v[::2], v[1::2], strict=True))


def _curve(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 12) -> Pts:
    t = np.deg2rad(np.linspace(a0, a1, n))
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in t]


def _dots(x: float, y0: float, y1: float, n: int) -> list[Pts]:
    return [[(x, y), (x + 0.005, y)] for y in np.linspace(y0, y1, n)]


# -- the 30 templates --------------------------------------------------------------------------
def _tank_top():
    o = _p("0.32 0.02 0.40 0.02") + _curve(0.5, 0.02, 0.1, 0.18, 180, 0)[1:-1]
    o += _p("0.60 0.02 0.68 0.02") + _curve(0.84, 0.02, 0.16, 0.3, 180, 90)[1:]
    o += _p("0.82 0.5 0.84 0.98 0.16 0.98 0.18 0.5") + _curve(0.16, 0.02, 0.16, 0.3, 90, 0)
    return Template((o,), details=(_p("0.17 0.9 0.83 0.9"),))


def _vneck_tee():
    o = _p(
        "0.40 0.05 0.28 0.09 0.02 0.16 0.04 0.36 0.24 0.32 0.24 0.95 0.76 0.95 0.76 0.32 "
        "0.96 0.36 0.98 0.16 0.72 0.09 0.60 0.05 0.5 0.25"
    )
    return Template((o,), details=(_p("0.2 0.18 0.22 0.33"), _p("0.8 0.18 0.78 0.33")))


def _boxy_tee():
    o = (
        _p(
            "0.38 0.06 0.16 0.1 0.04 0.3 0.14 0.36 0.18 0.3 0.16 0.92 0.84 0.92 0.82 0.3 "
            "0.86 0.36 0.96 0.3 0.84 0.1 0.62 0.06"
        )
        + _curve(0.5, 0.06, 0.12, 0.08, 0, 180)[1:-1]
    )
    return Template((o,), details=(_p("0.6 0.3 0.72 0.3 0.72 0.42 0.6 0.42 0.6 0.3"),))


def _flares():
    o = _p("0.3 0.02 0.7 0.02 0.72 0.4 0.98 0.98 0.58 0.98 0.5 0.36 0.42 0.98 0.02 0.98 0.28 0.4")
    return Template((o,), details=(_p("0.29 0.09 0.71 0.09"), _p("0.5 0.09 0.5 0.3")))


def _skinny():
    o = _p("0.3 0.02 0.7 0.02 0.72 0.3 0.65 0.98 0.54 0.98 0.5 0.32 0.46 0.98 0.35 0.98 0.28 0.3")
    details = (_p("0.3 0.08 0.7 0.08"), _curve(0.3, 0.08, 0.1, 0.1, 0, 90), _p("0.5 0.08 0.5 0.25"))
    return Template((o,), details=details + (_curve(0.7, 0.08, 0.1, 0.1, 180, 90),))


def _walking():
    o = _p("0.35 0.02 0.65 0.02 0.7 0.3 0.92 0.96 0.74 0.98 0.5 0.42 0.28 0.98 0.08 0.96 0.3 0.3")
    return Template((o,), details=(_p("0.34 0.08 0.66 0.08"),))


def _hoodie():
    o = _curve(0.5, 0.16, 0.15, 0.16, 180, 360)
    o += _p("0.74 0.18 0.98 0.62 0.9 0.68 0.74 0.36 0.76 0.96 0.24 0.96 0.26 0.36 0.1 0.68")
    o += _p("0.02 0.62 0.26 0.18")
    details = (
        _curve(0.5, 0.16, 0.09, 0.1, 180, 360),
        _p("0.34 0.62 0.66 0.62 0.7 0.8 0.3 0.8 0.34 0.62"),
        _p("0.46 0.2 0.45 0.36"),
        _p("0.54 0.2 0.55 0.36"),
        _p("0.25 0.9 0.75 0.9"),
    )
    return Template((o,), details=details)


def _sweater_down():
    o = (
        _p(
            "0.4 0.04 0.2 0.1 0.03 0.88 0.16 0.9 0.24 0.4 0.24 0.94 0.76 0.94 0.76 0.4 0.84 0.9 "
            "0.97 0.88 0.8 0.1 0.6 0.04"
        )
        + _curve(0.5, 0.04, 0.1, 0.07, 0, 180)[1:-1]
    )
    details = (_p("0.24 0.86 0.76 0.86"), _p("0.04 0.8 0.17 0.82"), _p("0.83 0.82 0.96 0.8"))
    return Template((o,), details=details)


def _crewneck_spread():
    o = (
        _p(
            "0.4 0.1 0.22 0.14 0.02 0.5 0.1 0.56 0.26 0.36 0.25 0.95 0.75 0.95 0.74 0.36 0.9 0.56 "
            "0.98 0.5 0.78 0.14 0.6 0.1"
        )
        + _curve(0.5, 0.1, 0.1, 0.07, 0, 180)[1:-1]
    )
    details = (_p("0.25 0.45 0.75 0.45"), _p("0.25 0.52 0.75 0.52"), _p("0.25 0.88 0.75 0.88"))
    return Template((o,), details=details)


def _trench():
    o = _p(
        "0.38 0.02 0.2 0.08 0.06 0.7 0.16 0.72 0.26 0.25 0.18 0.98 0.82 0.98 0.74 0.25 0.84 0.72 "
        "0.94 0.7 0.8 0.08 0.62 0.02 0.5 0.3"
    )
    details = [_p("0.5 0.3 0.52 0.98"), _p("0.24 0.45 0.76 0.45"), _p("0.38 0.02 0.42 0.2 0.5 0.3")]
    details += [_p("0.62 0.02 0.58 0.2 0.5 0.3"), _p("0.46 0.42 0.54 0.42 0.54 0.48 0.46 0.48")]
    details += _dots(0.42, 0.34, 0.7, 4) + _dots(0.6, 0.34, 0.7, 4)
    return Template((o,), details=tuple(details))


def _puffer():
    o = _p(
        "0.36 0.0 0.36 0.1 0.18 0.14 0.02 0.8 0.18 0.84 0.26 0.36 0.22 0.92 0.78 0.92 0.74 0.36 "
        "0.82 0.84 0.98 0.8 0.82 0.14 0.64 0.1 0.64 0.0"
    )
    details = [_p("0.5 0.0 0.5 0.92")]
    for y in (0.3, 0.45, 0.6, 0.75):
        details.append([(0.25, y), (0.75, y)])
        details.append([(0.16 - (y - 0.3) * 0.25, y + 0.05), (0.24, y + 0.05)])
        details.append([(0.76, y + 0.05), (0.84 + (y - 0.3) * 0.25, y + 0.05)])
    return Template((o,), details=tuple(details))


def _parka():
    o = _curve(0.5, 0.14, 0.14, 0.14, 180, 360)
    o += _p("0.72 0.16 0.92 0.78 0.82 0.8 0.72 0.34 0.76 0.98 0.24 0.98 0.28 0.34 0.18 0.8")
    o += _p("0.08 0.78 0.28 0.16")
    details = (
        _curve(0.5, 0.14, 0.08, 0.09, 180, 360),
        _p("0.5 0.2 0.5 0.98"),
        _p("0.3 0.6 0.44 0.6 0.44 0.74 0.3 0.74 0.3 0.6"),
        _p("0.56 0.6 0.7 0.6 0.7 0.74 0.56 0.74 0.56 0.6"),
    )
    return Template((o,), details=details)


def _aline_dress():
    o = _p("0.4 0.02 0.44 0.02 0.5 0.1 0.56 0.02 0.6 0.02 0.66 0.14 0.62 0.4 0.9 0.97")
    o += _p("0.1 0.97 0.38 0.4 0.34 0.14")
    return Template((o,), details=(_p("0.38 0.4 0.62 0.4"),))


def _puff_dress():
    o = _p("0.42 0.04") + _curve(0.5, 0.04, 0.08, 0.07, 180, 0)[1:-1] + _p("0.58 0.04")
    o += _curve(0.68, 0.14, 0.12, 0.1, 250, 450)[1:] + _p("0.64 0.42 0.94 0.84 0.06 0.84 0.36 0.42")
    o += _curve(0.32, 0.14, 0.12, 0.1, 90, 290)[:-1]
    return Template((o,), details=(_p("0.36 0.42 0.64 0.42"), _p("0.62 0.24 0.62 0.24")))


def _slip_dress():
    o = _p("0.38 0.16 0.5 0.22 0.62 0.16 0.64 0.5 0.72 0.98 0.28 0.98 0.36 0.5")
    straps = (_p("0.4 0.16 0.42 0.0"), _p("0.6 0.16 0.58 0.0"))
    return Template((o,), straps=straps, details=(_p("0.36 0.3 0.64 0.3"),))


def _flipflop():
    o = _p("0.02 0.8 0.5 0.78 0.98 0.76 0.98 0.84 0.5 0.86 0.02 0.88")
    return Template((o,), straps=(_p("0.2 0.8 0.4 0.56 0.62 0.78"), _p("0.4 0.56 0.3 0.79")))


def _heel_sandal():
    o = _p(
        "0.02 0.88 0.25 0.86 0.6 0.6 0.9 0.45 0.95 0.5 0.88 0.55 0.87 0.95 0.82 0.95 0.83 0.6 "
        "0.6 0.68 0.25 0.95 0.02 0.95"
    )
    straps = (_curve(0.16, 0.87, 0.12, 0.16, 180, 360), _curve(0.86, 0.42, 0.09, 0.16, 120, 420))
    return Template((o,), straps=straps)


def _slide():
    o = _p("0.02 0.78 0.98 0.72 0.98 0.84 0.02 0.9")
    straps = (_curve(0.3, 0.78, 0.2, 0.3, 180, 360), _curve(0.3, 0.78, 0.12, 0.18, 180, 360))
    return Template((o,), straps=straps)


def _button_up():
    o = _p(
        "0.38 0.02 0.22 0.08 0.04 0.78 0.15 0.8 0.26 0.3 0.26 0.95 0.5 0.9 0.74 0.95 0.74 0.3 "
        "0.85 0.8 0.96 0.78 0.78 0.08 0.62 0.02"
    )
    details = [
        _p("0.38 0.02 0.44 0.15 0.5 0.06 0.56 0.15 0.62 0.02"),
        _p("0.5 0.06 0.5 0.9"),
        _p("0.56 0.3 0.68 0.3 0.68 0.42 0.56 0.42 0.56 0.3"),
        _p("0.05 0.72 0.16 0.74"),
        _p("0.84 0.74 0.95 0.72"),
    ]
    return Template((o,), details=tuple(details + _dots(0.47, 0.2, 0.82, 5)))


def _short_collared():
    o = _p(
        "0.38 0.04 0.18 0.1 0.04 0.36 0.16 0.42 0.24 0.32 0.24 0.96 0.76 0.96 0.76 0.32 "
        "0.84 0.42 0.96 0.36 0.82 0.1 0.62 0.04"
    )
    details = [_p("0.38 0.04 0.42 0.2 0.5 0.08 0.58 0.2 0.62 0.04"), _p("0.5 0.08 0.5 0.96")]
    return Template((o,), details=tuple(details + _dots(0.47, 0.24, 0.86, 5)))


def _checked_rolled():
    o = _p(
        "0.38 0.03 0.2 0.09 0.06 0.52 0.18 0.56 0.26 0.34 0.24 0.94 0.76 0.94 0.74 0.34 0.82 0.56 "
        "0.94 0.52 0.8 0.09 0.62 0.03"
    )
    details = [_p("0.38 0.03 0.43 0.14 0.5 0.07 0.57 0.14 0.62 0.03"), _p("0.5 0.07 0.5 0.94")]
    details += [[(0.25, y), (0.75, y)] for y in (0.35, 0.55, 0.75)]
    details += [[(x, 0.2), (x, 0.94)] for x in (0.34, 0.66)]
    details += [_p("0.07 0.46 0.19 0.5"), _p("0.81 0.5 0.93 0.46")]
    return Template((o,), details=tuple(details))


def _running_shoe():
    o = _p("0.02 0.72 0.12 0.6 0.3 0.5 0.55 0.36 0.7 0.38 0.9 0.3 0.98 0.5 0.97 0.78 0.5 0.84")
    o += _p("0.1 0.82")
    details = (
        _p("0.04 0.74 0.5 0.76 0.97 0.7"),
        _curve(0.6, 0.5, 0.3, 0.16, 160, 60),
        _p("0.4 0.46 0.46 0.52"),
        _p("0.46 0.42 0.52 0.48"),
    )
    return Template((o,), details=details)


def _slip_on():
    o = (
        _curve(0.14, 0.7, 0.12, 0.14, 180, 270)
        + _p("0.4 0.5 0.62 0.48")
        + _p("0.75 0.52 0.97 0.45")
    )
    o += _p("0.98 0.8 0.02 0.8")
    details = (_p("0.02 0.72 0.98 0.72"), _curve(0.16, 0.72, 0.12, 0.12, 180, 300))
    return Template((o,), details=details)


def _mid_top():
    o = _p("0.02 0.76 0.2 0.58 0.48 0.46 0.55 0.24 0.68 0.22 0.9 0.26 0.98 0.6 0.98 0.86 0.02 0.86")
    details = (
        _p("0.02 0.76 0.98 0.76"),
        _p("0.5 0.5 0.58 0.54"),
        _p("0.54 0.4 0.62 0.44"),
        _p("0.58 0.3 0.66 0.34"),
        _curve(0.12, 0.74, 0.1, 0.1, 180, 300),
    )
    return Template((o,), details=details)


def _tote():
    o = _p("0.1 0.4 0.9 0.4 0.8 0.98 0.2 0.98")
    straps = (_p("0.26 0.4 0.34 0.02 0.46 0.4"), _p("0.54 0.4 0.66 0.02 0.74 0.4"))
    return Template((o,), straps=straps)


def _clutch():
    o = _p("0.02 0.3 0.98 0.3 0.98 0.78 0.02 0.78")
    return Template((o,), details=(_p("0.02 0.3 0.5 0.56 0.98 0.3"), _p("0.48 0.54 0.52 0.6")))


def _round_handbag():
    o = _curve(0.5, 0.95, 0.46, 0.55, 180, 360) + [(0.96, 0.95), (0.04, 0.95)]
    straps = (_curve(0.5, 0.42, 0.18, 0.3, 180, 360),)
    return Template((o,), straps=straps, details=(_p("0.12 0.62 0.88 0.62"),))


def _chelsea():
    o = _p("0.45 0.02 0.85 0.02 0.9 0.6 0.92 0.9 0.02 0.92 0.02 0.78 0.2 0.62 0.45 0.5")
    details = (
        _curve(0.66, 0.02, 0.1, 0.5, 180, 0),
        _curve(0.86, 0.06, 0.05, 0.1, 90, 270),
        _p("0.02 0.84 0.92 0.84"),
    )
    return Template((o,), details=details)


def _heeled_boot():
    o = _p(
        "0.5 0.02 0.82 0.02 0.86 0.55 0.9 0.98 0.75 0.98 0.72 0.8 0.45 0.84 0.02 0.95 0.15 0.8 "
        "0.48 0.55"
    )
    return Template((o,), details=(_p("0.78 0.05 0.8 0.5"),))


def _hiking_boot():
    teeth = [(x, 0.97 if k % 2 else 0.91) for k, x in enumerate(np.linspace(0.96, 0.02, 13))]
    o = _p("0.4 0.05 0.8 0.02 0.92 0.5 0.96 0.9") + teeth + _p("0.03 0.72 0.2 0.6 0.38 0.5 0.4 0.3")
    details = [_p("0.03 0.86 0.96 0.86"), _p("0.4 0.05 0.8 0.02 0.82 0.12 0.42 0.14")]
    details += [
        [(0.42 + 0.02 * k, 0.2 + 0.09 * k), (0.52 + 0.02 * k, 0.18 + 0.09 * k)] for k in range(4)
    ]
    return Template((o,), details=tuple(details))


#: (template name, maker) per Fashion-MNIST class index
TEMPLATES: dict[int, tuple[tuple[str, Callable[[], Template]], ...]] = {
    0: (("tank-top", _tank_top), ("v-neck-tee", _vneck_tee), ("boxy-tee", _boxy_tee)),
    1: (("flares", _flares), ("skinny", _skinny), ("walking", _walking)),
    2: (("hoodie", _hoodie), ("sweater", _sweater_down), ("crewneck", _crewneck_spread)),
    3: (("a-line", _aline_dress), ("puff-sleeve", _puff_dress), ("slip", _slip_dress)),
    4: (("trench", _trench), ("puffer", _puffer), ("parka", _parka)),
    5: (("flip-flop", _flipflop), ("high-heel", _heel_sandal), ("slide", _slide)),
    6: (("button-up", _button_up), ("short-sleeve", _short_collared), ("checked", _checked_rolled)),
    7: (("running", _running_shoe), ("slip-on", _slip_on), ("mid-top", _mid_top)),
    8: (("tote", _tote), ("clutch", _clutch), ("round", _round_handbag)),
    9: (("chelsea", _chelsea), ("heeled", _heeled_boot), ("hiking", _hiking_boot)),
}  # fmt: skip


# -- drawing like a hand -----------------------------------------------------------------------
def _dense(pts: np.ndarray, closed: bool, step: float = 0.04) -> np.ndarray:
    """Points every ``step`` along the polyline, so corner cutting only rounds the corners."""
    ends = np.vstack([pts, pts[:1]]) if closed else pts
    out = []
    for a, b in zip(ends[:-1], ends[1:], strict=True):
        n = max(1, int(np.ceil(np.hypot(*(b - a)) / step)))
        out.append(a + (b - a) * (np.arange(n)[:, None] / n))
    if not closed:
        out.append(ends[-1:])
    return np.vstack(out)


def _chaikin(pts: np.ndarray, closed: bool, rounds: int = 2) -> np.ndarray:
    """Corner cutting: a mouse path's corners are round, not sharp. (k, 2) -> (k', 2)."""
    for _ in range(rounds):
        if len(pts) < 3:
            return pts
        a = pts if closed else pts[:-1]
        b = np.roll(pts, -1, axis=0) if closed else pts[1:]
        cut = np.empty((2 * len(a), 2))
        cut[0::2] = 0.75 * a + 0.25 * b
        cut[1::2] = 0.25 * a + 0.75 * b
        pts = cut if closed else np.vstack([pts[:1], cut, pts[-1:]])
    return pts


class _Hand:
    """One doodle's placement: stretch, shear, tilt, size, place and a smooth shake."""

    def __init__(self, rng: np.random.Generator, mirror: bool):
        self.rng = rng
        self.mirror = mirror
        self.stretch = math.exp(rng.uniform(-0.22, 0.22))  # width against height
        self.shear = rng.uniform(-0.1, 0.1)
        self.angle = math.radians(rng.uniform(-8, 8))
        self.size = rng.uniform(0.42, 0.95) * CANVAS
        room = (CANVAS - self.size) / 2
        self.centre = CANVAS / 2 + rng.uniform(-room, room, size=2) * 0.9
        self.shake = rng.uniform(0.0, 0.018)
        self.waves = rng.uniform(1.5, 4.0, size=(2, 2)), rng.uniform(0, 2 * math.pi, size=(2, 2))
        self.jitter = rng.uniform(0.0, 0.025)

    def place(self, pts: Pts, closed: bool) -> list[tuple[float, float]]:
        p = np.asarray(pts, float)
        p = p + self.rng.uniform(-self.jitter, self.jitter, size=p.shape)  # each point off a bit
        p = _chaikin(_dense(p, closed), closed)
        (fx, fy), (ph_x, ph_y) = self.waves
        p[:, 0] += self.shake * np.sin(fx[0] * 2 * math.pi * p[:, 1] + ph_x[0])
        p[:, 1] += self.shake * np.sin(fy[0] * 2 * math.pi * p[:, 0] + ph_y[0])
        if self.mirror:
            p[:, 0] = 1.0 - p[:, 0]
        u, v = (p[:, 0] - 0.5) * self.stretch, p[:, 1] - 0.5
        u = u + self.shear * v
        scale = self.size / max(self.stretch, 1.0)
        c, s = math.cos(self.angle), math.sin(self.angle)
        x = self.centre[0] + (c * u + s * v) * scale
        y = self.centre[1] + (-s * u + c * v) * scale
        return list(zip(x.tolist(), y.tolist(), strict=True))


def _line(draw: ImageDraw.ImageDraw, pts, pen: int, closed: bool = False) -> None:
    if closed:
        pts = pts + pts[:1]
    draw.line(pts, fill=255, width=pen, joint="curve")
    r = pen / 2
    for x, y in pts:  # a round pen: every point of the path is a disc
        draw.ellipse((x - r, y - r, x + r, y + r), fill=255)


def _enclosed(strokes: Image.Image) -> np.ndarray:
    """Every pixel the strokes (mode L, 0/255) enclose or cover: the Fill tool clicked inside.

    Everything but the paper reached from a one-pixel frame around the canvas, found as the
    canvas' Fill tool finds a region (``nndesk.fill.region``: whole-array NumPy rounds; Pillow's
    ``ImageDraw.floodfill`` visits pixel by pixel in Python and took 0.1 s a doodle)."""
    framed = np.zeros((CANVAS + 2, CANVAS + 2), np.uint8)
    framed[1:-1, 1:-1] = np.asarray(strokes)
    return ~region(framed, 0, 0)[1:-1, 1:-1]


def _coils(region: np.ndarray, pen: int, rng: np.random.Generator) -> np.ndarray:
    """Looping scribble over a bool (280, 280) region, clipped to it: coils along a zig-zag."""
    rows, cols = np.nonzero(region)
    if rows.size == 0:
        return np.zeros_like(region)
    r = pen * rng.uniform(1.2, 2.2)
    step = r * rng.uniform(0.9, 1.5)
    pts = []
    for k, y in enumerate(np.arange(rows.min(), rows.max() + 1, step * 1.6)):
        xs = np.arange(cols.min(), cols.max() + 1, step / 4)
        xs = xs if k % 2 == 0 else xs[::-1]
        t = np.arange(len(xs)) * (math.pi / 2)
        pts += list(zip((xs + r * np.cos(t)).tolist(), (y + r * np.sin(t)).tolist(), strict=True))
    img = Image.new("L", (CANVAS, CANVAS), 0)
    if len(pts) > 1:
        ImageDraw.Draw(img).line(pts, fill=255, width=max(3, int(pen * 0.8)), joint="curve")
    return (np.asarray(img) > 127) & region


def draw(template: Template, mode: str, hand: _Hand, pen: int) -> np.ndarray:
    """``template`` drawn as ``mode`` in white on a black 280x280 canvas: uint8 (280, 280)."""
    rng = hand.rng
    outline = Image.new("L", (CANVAS, CANVAS), 0)
    d = ImageDraw.Draw(outline)
    for pts in template.outlines:
        _line(d, hand.place(pts, closed=True), pen, closed=True)
    region = _enclosed(outline)
    img = outline.copy()
    d = ImageDraw.Draw(img)
    for pts in template.straps:
        _line(d, hand.place(pts, closed=False), pen)
    if mode != "filled":
        for pts in template.details:
            _line(d, hand.place(pts, closed=False), max(4, int(pen * 0.6)))
    out = np.asarray(img).copy()
    if mode == "filled":
        out[region] = 255
    elif mode == "scribble":
        out[_coils(region, pen, rng)] = 255
    return out


def doodle_set(seed: int = SEED, per_template: int = PER_TEMPLATE) -> list[Doodle]:
    """``per_template`` doodles of each of the 30 templates (240 by default), seeded.

    Modes go in turn, polarity every other triple, and every odd-numbered doodle is turned to
    face right, so every template is drawn in all three modes, both polarities and both
    facings.
    """
    rng = np.random.default_rng(seed)
    out = []
    for label, templates in TEMPLATES.items():
        for name, make in templates:
            for i in range(per_template):
                mode = MODES[i % 3]
                polarity = ("white-on-black", "black-on-white")[(i // 3) % 2]
                right = i % 2 == 1
                hand = _Hand(rng, mirror=right)
                pen = int(round(min(rng.uniform(8, 34), 0.12 * hand.size)))
                image = draw(make(), mode, hand, pen)
                if polarity == "black-on-white":
                    image = 255 - image
                facing = "right" if right else "left"
                out.append(
                    Doodle(
                        f"{name}-{i}-{mode}-{polarity}-{facing}",
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
    """``python -m tools.garment_doodles DIR``: write the doodle set as PNG files."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.garment_doodles DIR", file=sys.stderr)
        return 2
    paths = save_drawings(doodle_set(), args[0])
    print(f"wrote {len(paths)} doodles to {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
