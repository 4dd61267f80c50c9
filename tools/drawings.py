"""Digits and garments drawn from strokes, the way a mouse draws them on the canvas.

Each digit 0-9 is a few polylines in a unit box (x right, y down); each garment a filled outline.
``render`` draws them into a 280x280 canvas-like image (bright ink on black, round pen, like
``nndesk.ui.canvas``) with a chosen pen width, size, slant and position. ``digit_drawings()`` and
``garment_drawings()`` give the fixed sets the shipped models are checked on (``tests/
test_drawings.py``); ``python -m tools.drawings DIR`` writes them as PNG files.

Pillow + NumPy, no Qt.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

CANVAS = 280  # the app's canvas side in pixels
INK, PAPER = 255, 0  # bright strokes on black, like the canvas and MNIST

Point = tuple[float, float]
Polyline = list[Point]


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, n: int = 40):
    """Points of an elliptic arc from angle ``start`` to ``end`` (degrees, clockwise on screen)."""
    angles = np.deg2rad(np.linspace(start, end, n))
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]


# every digit as it is commonly written with a mouse: one or two strokes in the unit box
DIGIT_STROKES: dict[int, list[Polyline]] = {
    0: [arc(0.5, 0.5, 0.28, 0.42, 0, 360, 60)],
    1: [[(0.36, 0.24), (0.55, 0.06), (0.55, 0.94)]],
    2: [arc(0.5, 0.3, 0.27, 0.22, 200, 390) + [(0.22, 0.92), (0.8, 0.92)]],
    3: [arc(0.48, 0.28, 0.25, 0.2, 200, 450) + arc(0.48, 0.7, 0.28, 0.22, 270, 520)[1:]],
    4: [[(0.6, 0.06), (0.2, 0.64), (0.84, 0.64)], [(0.63, 0.32), (0.63, 0.95)]],
    5: [[(0.76, 0.08), (0.31, 0.08), (0.28, 0.47)] + arc(0.5, 0.68, 0.27, 0.25, 225, 520)],
    6: [[(0.7, 0.06), (0.47, 0.24), (0.31, 0.48)] + arc(0.51, 0.7, 0.25, 0.23, 180, 540)],
    7: [[(0.2, 0.1), (0.8, 0.1), (0.42, 0.94)]],
    8: [arc(0.5, 0.27, 0.21, 0.21, 90, 450), arc(0.5, 0.7, 0.26, 0.22, 270, 630)],
    9: [arc(0.5, 0.3, 0.25, 0.23, 0, 360) + [(0.74, 0.62), (0.68, 0.94)]],
}


def _points(text: str) -> Polyline:
    """ "x0 y0  x1 y1 ..." -> [(x0, y0), (x1, y1), ...]."""
    v = [float(t) for t in text.split()]
    return list(zip(v[::2], v[1::2], strict=True))


@dataclass(frozen=True)
class Garment:
    """A garment outline (filled) plus optional open strokes (a bag's handle)."""

    label: int  # Fashion-MNIST class index
    outline: Polyline
    strokes: tuple[Polyline, ...] = ()


# Fashion-MNIST classes: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal,
# 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot. Shoes point their toe left, as in the dataset.
# Coat, shirt and sandal are left out: drawn as silhouettes they are not told apart from a
# pullover (or, for the sandal, drawn recognisably) even by people.
GARMENTS: dict[str, Garment] = {
    "tshirt": Garment(
        0,
        _points(
            ".30 .08  .42 .08  .50 .15  .58 .08  .70 .08  .95 .30  .85 .42  .76 .35  .76 .95"
            "  .24 .95  .24 .35  .15 .42  .05 .30"
        ),
    ),
    "trouser": Garment(1, _points(".30 .04  .70 .04  .72 .96  .56 .96  .50 .30  .44 .96  .28 .96")),
    "pullover": Garment(
        2,
        _points(
            ".30 .06  .42 .06  .50 .12  .58 .06  .70 .06  .86 .20  .96 .90  .82 .90  .76 .40"
            "  .76 .93  .24 .93  .24 .40  .18 .90  .04 .90  .14 .20"
        ),
    ),
    "dress": Garment(
        3, _points(".40 .04  .60 .04  .62 .30  .58 .45  .80 .96  .20 .96  .42 .45  .38 .30")
    ),
    "sneaker": Garment(7, _points(".96 .42  .67 .38  .45 .54  .10 .62  .04 .72  .04 .80  .96 .80")),
    "bag": Garment(
        8, _points(".08 .38  .92 .38  .92 .92  .08 .92"), (arc(0.5, 0.38, 0.24, 0.28, 180, 360),)
    ),
    "ankle-boot": Garment(
        9, _points(".75 .04  .44 .04  .42 .52  .10 .66  .04 .92  .80 .92  .78 .50")
    ),
}


@dataclass(frozen=True)
class Style:
    """How a drawing is placed: pen width (px on the 280 canvas), size, slant and offset."""

    name: str
    pen: int
    scale: float = 0.75  # side of the unit box as a fraction of the canvas
    shear: float = 0.0  # x += shear * (0.5 - y): positive leans the top to the right
    offset: Point = (0.0, 0.0)  # fraction of the canvas, positive right / down
    rotate: float = 0.0  # degrees, counter-clockwise on screen, about the box centre


#: The digit check: thin (8 px) and thick (24 px) pens, upright, slanted, small, large, off-centre.
DIGIT_STYLES: tuple[Style, ...] = tuple(
    Style(f"{kind}-{pen}px", pen, scale, shear, offset)
    for pen in (8, 24)
    for kind, scale, shear, offset in (
        ("plain", 0.75, 0.0, (0.0, 0.0)),
        ("slanted", 0.75, 0.3, (0.0, 0.0)),
        ("small", 0.35, 0.0, (-0.22, 0.2)),
        ("large", 0.95, 0.0, (0.0, 0.0)),
    )
)

#: The garment check: a thin and a thick outline, full size and small off-centre.
GARMENT_STYLES: tuple[Style, ...] = (
    Style("plain-8px", 8, 0.85),
    Style("plain-24px", 24, 0.85),
    Style("small-16px", 16, 0.45, 0.0, (0.15, -0.15)),
)


@dataclass(frozen=True)
class Drawing:
    """One rendered drawing: a file-friendly name, its true class and the canvas image."""

    name: str
    label: int
    image: np.ndarray  # uint8 (280, 280), bright ink on black


def _to_canvas(points: Sequence[Point], style: Style, size: int) -> list[Point]:
    """Unit-box points -> canvas pixels, slanted, scaled about the centre and moved."""
    side = style.scale * size
    cx = size / 2 + style.offset[0] * size
    cy = size / 2 + style.offset[1] * size
    cos, sin = math.cos(math.radians(style.rotate)), math.sin(math.radians(style.rotate))
    out = []
    for x, y in points:
        u, v = x + style.shear * (0.5 - y) - 0.5, y - 0.5
        u, v = cos * u + sin * v, -sin * u + cos * v  # y points down: this turns anticlockwise
        out.append((cx + u * side, cy + v * side))
    return out


def _pen_line(draw: ImageDraw.ImageDraw, points: list[Point], width: int) -> None:
    """A polyline with a round pen: a disc every pixel along it, as a mouse stroke paints."""
    r = width / 2
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        steps = max(1, int(math.hypot(x1 - x0, y1 - y0)))
        for t in np.linspace(0.0, 1.0, steps + 1):
            x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=INK)
    if len(points) == 1:
        (x, y) = points[0]
        draw.ellipse((x - r, y - r, x + r, y + r), fill=INK)


def render(
    strokes: Sequence[Sequence[Point]],
    style: Style,
    fills: Sequence[Sequence[Point]] = (),
    size: int = CANVAS,
) -> np.ndarray:
    """Draw ``strokes`` (open polylines) and ``fills`` (closed, filled outlines) on a canvas.

    Returns uint8 (size, size), ink 255 on 0; the pen is ``style.pen`` pixels wide.
    """
    img = Image.new("L", (size, size), PAPER)
    draw = ImageDraw.Draw(img)
    for outline in fills:
        pts = _to_canvas(outline, style, size)
        draw.polygon(pts, fill=INK)
        _pen_line(draw, pts + pts[:1], style.pen)
    for line in strokes:
        _pen_line(draw, _to_canvas(line, style, size), style.pen)
    return np.asarray(img, dtype=np.uint8)


def digit_drawings(styles: Sequence[Style] = DIGIT_STYLES) -> list[Drawing]:
    """Every digit 0-9 in every style: 80 drawings with the default styles."""
    return [
        Drawing(f"digit{d}-{s.name}", d, render(DIGIT_STROKES[d], s))
        for s in styles
        for d in range(10)
    ]


def random_digit_drawings(rng: np.random.Generator, per_digit: int = 10) -> list[Drawing]:
    """Digits drawn less tidily: random pen (6-28 px), size, slant, tilt, place and hand wobble.

    Every stroke point moves by up to 2 % of the box (a shaky mouse hand); ``rng`` fixes it all.
    """
    out = []
    for i in range(per_digit):
        for d in range(10):
            scale = float(rng.uniform(0.3, 0.95))
            room = (1.0 - scale) / 2
            style = Style(
                f"random{i}",
                int(rng.integers(6, 29)),
                scale,
                float(rng.uniform(-0.15, 0.35)),
                (float(rng.uniform(-room, room)), float(rng.uniform(-room, room))),
                float(rng.uniform(-12, 12)),
            )
            strokes = [
                [(x + rng.uniform(-0.02, 0.02), y + rng.uniform(-0.02, 0.02)) for x, y in line]
                for line in DIGIT_STROKES[d]
            ]
            out.append(Drawing(f"digit{d}-random{i}", d, render(strokes, style)))
    return out


def garment_drawings(styles: Sequence[Style] = GARMENT_STYLES) -> list[Drawing]:
    """Every garment of ``GARMENTS`` in every style."""
    return [
        Drawing(f"{name}-{s.name}", g.label, render(g.strokes, s, fills=[g.outline]))
        for s in styles
        for name, g in GARMENTS.items()
    ]


def save_drawings(drawings: Sequence[Drawing], folder: str | Path) -> list[Path]:
    """Write each drawing (anything with a ``name`` and a uint8 ``image``) as
    ``<folder>/<name>.png``; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in drawings:
        path = folder / f"{d.name}.png"
        Image.fromarray(d.image).save(path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.drawings DIR``: write every digit and garment drawing into DIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tools.drawings DIR", file=sys.stderr)
        return 2
    paths = save_drawings(digit_drawings() + garment_drawings(), args[0])
    print(f"wrote {len(paths)} drawings to {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
