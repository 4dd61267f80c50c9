"""The hand-drawn training garments (``tools.hand_garments_train``), drawn again many ways for a
training stage (issue 17, eighteenth round).

Each copy of a drawing is the same drawing as another sitting of its author would make it:
its points moved by one random affine map (size, width against height, a small turn and slant,
a place on the canvas, mirrored half the time), every point shaken a little and every stroke
bent by a slow wobble (a closed outline stays closed, so its Fill still fills), the pen
thinner or thicker, the polarity drawn at random (both are what a person hands in), and a
filled drawing sometimes left as its outline. The copy is then put on the app's real canvas by
``tools.hand_check.render`` (the same strokes, Fill clicks and eraser) and read through
``nndesk.preprocess`` as ``nndesk predict`` reads a drawing. A Fill click that lands on ink
after the pen grew is moved a few pixels; if it still does nothing, the copy stays an outline.

The drawings come from named hand-drawn training sets (``HAND_SETS``: the second hand's, the
eighteenth round's; the third and fourth, the nineteenth round's; the fifth, the twenty-second
round's, long-sleeved tops only, not yet trained on; the sixth, the twenty-third round's, every
class drawn by a hurried hand; the seventh, the twenty-third round's too, every class drawn
with its details; the eighth, round 23's too, a novice's straight-lined boxes and wedges of
every class; the ninth, round 31's, coats, tops and pullovers drawn as blocks, hooded, small
and scribbled), each another author's. The second set's copies are drawn as in the
eighteenth round; every other set's from a random stream of its own, so a drawing's copies do
not repeat another set's draws.

The check set ``tools.hand_garments`` is never read here.

Needs Qt (a QApplication is made offscreen when there is none).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from tools.array_cache import cached_arrays
from tools.hand_garments import HandDrawing
from tools.hand_garments_train import HAND_TRAIN_GARMENTS
from tools.hand_garments_train3 import HAND_TRAIN3_GARMENTS
from tools.hand_garments_train4 import HAND_TRAIN4_GARMENTS
from tools.hand_garments_train5 import HAND_TRAIN5_GARMENTS
from tools.hand_garments_train6 import HAND_TRAIN6_GARMENTS
from tools.hand_garments_train7 import HAND_TRAIN7_GARMENTS
from tools.hand_garments_train8 import HAND_TRAIN8_GARMENTS
from tools.hand_garments_train9 import HAND_TRAIN9_GARMENTS

SIZE = 280
#: the seed of the training stage's copies (a check never uses it)
HAND_SEED = 1818
#: the hand-drawn training sets by name, each another author's (the check is none of them)
HAND_SETS: dict[str, tuple[HandDrawing, ...]] = {
    "second": HAND_TRAIN_GARMENTS,  # the eighteenth round's, every class
    "third": HAND_TRAIN3_GARMENTS,  # the nineteenth round's, shirts and coats above all
    "fourth": HAND_TRAIN4_GARMENTS,  # the nineteenth round's, pullovers, tees, dresses, shoes
    "fifth": HAND_TRAIN5_GARMENTS,  # the twenty-second round's, long-sleeved tops in new poses
    "sixth": HAND_TRAIN6_GARMENTS,  # the twenty-third round's, every class, a hurried thick pen
    "seventh": HAND_TRAIN7_GARMENTS,  # the twenty-third round's, every class, careful details
    "eighth": HAND_TRAIN8_GARMENTS,  # round 23's, every class as a novice's boxes and wedges
    "ninth": HAND_TRAIN9_GARMENTS,  # round 31's, coats, tops and pullovers drawn as blocks
}
#: each set's random stream (appended to a copy's seed): the second set's copies are the
#: eighteenth round's
_STREAMS: dict[str, tuple[int, ...]] = {
    "second": (),
    "third": (3,),
    "fourth": (4,),
    "fifth": (5,),
    "sixth": (6,),  # the twenty-third round's sixth hand
    "seventh": (7,),  # the twenty-third round's seventh hand
    "eighth": (8,),  # round 23's novice hand
    "ninth": (9,),  # round 31's blocks
}


#: appended to a reshaped copy's random stream, so its draws are not a plain copy's
RESHAPED_STREAM = 25
#: the long-sleeved tops (Pullover, Coat, Shirt), told apart by details a reshape or a change of
#: fill style can take away (weights/README.md, twenty-seventh round)
TOPS = (2, 4, 6)
#: a kept copy's share of ``reshape``'s strengths for a long-sleeved top: stretches up to
#: e^±0.2 a piece, a taper of ±13.5 %, a bow of 1.8 % (other classes keep the full strengths)
KEPT_TOPS_STRENGTH = 0.45
#: the shoes a person paints as a block (Sneaker, Ankle boot): the classes painted copies are
#: drawn of; a sandal's straps and the gaps between them are what it is, so it is not painted
PAINTED_SHOES = (7, 9)
#: appended to a painted copy's random stream, so its draws are none of a kept copy's
PAINTED_STREAM = 29
#: the style draws (``restyled``'s u) at which a kept coat's outline is filled and its inner
#: lines (the opening line, lapels, collar, belt, pockets) drawn back with the eraser, as a
#: person draws a filled coat's opening back (weights/README.md, thirtieth round): taken from
#: the outlines left as drawn (0.5-1.0), so the filled blocks (u < 0.3) and scribbles stay
COAT_LINE_DRAWS = (0.5, 0.7)


def _closed(stroke: np.ndarray) -> bool:
    return len(stroke) > 2 and bool(np.hypot(*(stroke[0] - stroke[-1])) < 1.0)


def vary(drawing: HandDrawing, rng: np.random.Generator, keep_fill: bool = False) -> HandDrawing:
    """One more sitting of ``drawing``: moved, shaken, re-penned, its polarity drawn anew.
    ``keep_fill``: a filled drawing is never left as its outline (the draw is made all the same,
    so the copy's other draws are as without it)."""
    strokes = [np.array(s, np.float64) for s in drawing.strokes]
    erase = [np.array(s, np.float64) for s in drawing.erase]
    fills = np.array(drawing.fills, np.float64).reshape(-1, 2)
    every = np.concatenate(strokes)
    lo, hi = every.min(axis=0), every.max(axis=0)
    centre = (lo + hi) / 2
    scale = math.exp(rng.uniform(math.log(0.55), math.log(1.2)))
    aspect = math.exp(rng.uniform(-0.15, 0.15))
    turn = math.radians(rng.uniform(-8, 8))
    slant = rng.uniform(-0.08, 0.08)
    sx = scale * aspect * (-1 if rng.random() < 0.5 else 1)  # mirrored half the time
    sy = scale / aspect
    c, s = math.cos(turn), math.sin(turn)
    m = np.array([[c, -s], [s, c]]) @ np.array([[1, slant], [0, 1]]) @ np.diag([sx, sy])
    pen = int(np.clip(round(drawing.pen * scale * rng.uniform(0.6, 1.35)), 4, 40))
    # the box after the map, kept on the canvas with the pen's half width to spare
    corners = np.array([[lo[0], lo[1]], [hi[0], lo[1]], [lo[0], hi[1]], [hi[0], hi[1]]])
    box = (corners - centre) @ m.T
    span = box.max(axis=0) - box.min(axis=0)
    room = SIZE - pen - 6
    shrink = min(1.0, room / max(span.max(), 1.0))
    m, box, span = m * shrink, box * shrink, span * shrink
    pen = max(4, int(round(pen * min(1.0, shrink + 0.2))))
    low = -box.min(axis=0) + pen / 2 + 3
    high = SIZE - box.max(axis=0) - pen / 2 - 3
    place = np.array([rng.uniform(a, max(a, b)) for a, b in zip(low, high, strict=True)])
    # a slow wobble along each stroke and a little shake on each point, as a hand gives
    amp = rng.uniform(0.0, 3.0) * scale
    shake = rng.uniform(0.3, 1.5) * scale

    def move(points: np.ndarray, wobble: bool) -> np.ndarray:
        out = (points - centre) @ m.T + place
        if wobble and len(points) > 1:
            t = np.linspace(0.0, 1.0, len(points))[:, None]
            phase = rng.uniform(0, 2 * np.pi, size=2)
            freq = rng.uniform(0.5, 2.0)
            out = out + amp * np.sin(2 * np.pi * freq * t + phase)
            out = out + rng.normal(0.0, shake, size=out.shape)
            if _closed(points):
                out[-1] = out[0]
        return np.clip(out, pen / 2, SIZE - pen / 2)

    new_strokes = tuple(tuple(map(tuple, move(p, True))) for p in strokes)
    new_erase = tuple(tuple(map(tuple, move(p, True))) for p in erase)
    new_fills = tuple(map(tuple, move(fills, False))) if len(fills) else ()
    if drawing.mode == "filled" and rng.random() < 0.15 and not keep_fill:
        new_fills, new_erase = (), ()  # filled, then left as an outline
    erase_pen = max(3, int(round(drawing.erase_pen * scale * rng.uniform(0.7, 1.5))))
    return replace(
        drawing,
        pen=pen,
        polarity=("white-on-black", "black-on-white")[int(rng.random() < 0.5)],
        strokes=new_strokes,
        fills=new_fills,
        erase=new_erase,
        erase_pen=erase_pen,
    )


def _stretch(values: np.ndarray, lo: float, hi: float, rng: np.random.Generator, s: float):
    """``values`` (along one axis, within lo..hi) through a random monotone piecewise-linear map
    of lo..hi onto itself: 3-5 pieces between random cuts, each stretched or squeezed by up to
    e^±s, so the parts of a drawing along that axis change their sizes against each other."""
    if hi - lo < 1.0:
        return values
    pieces = int(rng.integers(3, 6))
    cuts = np.concatenate([[0.0], np.sort(rng.uniform(0.1, 0.9, pieces - 1)), [1.0]])
    widths = np.diff(cuts) * np.exp(rng.uniform(-s, s, pieces))
    mapped = np.concatenate([[0.0], np.cumsum(widths) / widths.sum()])
    return lo + (hi - lo) * np.interp((values - lo) / (hi - lo), cuts, mapped)


def reshape(drawing: HandDrawing, rng: np.random.Generator, limit: float = 1.0) -> HandDrawing:
    """``drawing`` with the proportions of another hand (issue 17, twenty-fifth round): its
    points moved by a smooth random warp of the canvas, so sleeves, body, neck and hem (a shoe's
    toe, heel and shaft) change their sizes against each other, as a different person draws
    them, while every stroke keeps its order and every closed outline stays closed.

    The warp is a monotone piecewise stretch along x and one along y over the drawing's box
    (``_stretch``; strength drawn per copy, up to e^±0.45 a piece), then a taper that widens the
    bottom against the top or the other way (up to ±30 % over the height) and a slow bow of the
    vertical lines (up to 4 % of the width). Monotone maps and a mild taper keep the drawing's
    topology: a fill click inside an outline stays inside it. The size, slant and place are
    ``vary``'s. ``limit`` scales the three strengths (the same draws, so 1.0 is the full warp:
    the twenty-seventh round's kept tops take ``KEPT_TOPS_STRENGTH``)."""
    strokes = [np.array(s, np.float64) for s in drawing.strokes]
    every = np.concatenate(strokes)
    lo, hi = every.min(axis=0), every.max(axis=0)
    size = np.maximum(hi - lo, 1.0)
    centre = (lo + hi) / 2
    strength = rng.uniform(0.0, 0.45) * limit
    taper = rng.uniform(-0.3, 0.3) * limit
    bow = rng.uniform(-0.04, 0.04) * size[0] * limit
    fx = rng.uniform(0, 2 * np.pi)
    cut_x = rng.integers(0, 2**31)
    cut_y = rng.integers(0, 2**31)

    def warp(points: np.ndarray) -> np.ndarray:
        if not len(points):
            return points
        x = _stretch(points[:, 0], lo[0], hi[0], np.random.default_rng(cut_x), strength)
        y = _stretch(points[:, 1], lo[1], hi[1], np.random.default_rng(cut_y), strength)
        v = (y - centre[1]) / size[1]  # -0.5 at the top, 0.5 at the bottom
        x = centre[0] + (x - centre[0]) * (1 + taper * v)
        x = x + bow * np.sin(np.pi * (v + 0.5) + fx) * np.sin(np.pi * (v + 0.5))
        return np.stack([x, y], axis=1)

    def moved(groups) -> tuple:
        return tuple(tuple(map(tuple, warp(np.array(g, np.float64)))) for g in groups)

    fills = np.array(drawing.fills, np.float64).reshape(-1, 2)
    return replace(
        drawing,
        strokes=moved(strokes),
        erase=moved(drawing.erase),
        fills=tuple(map(tuple, warp(fills))) if len(fills) else (),
    )


def _paper_regions(paper: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 4-connected regions of ``paper`` (bool (h, w)): int labels (h, w) (0: not paper,
    1.. a region) and, by label, whether the region touches the image's border. Row runs
    joined across rows by a union-find: a few milliseconds for a canvas, however many regions
    (a scribble leaves dozens of gaps; ``nndesk.fill.region`` takes one call per region)."""
    h, w = paper.shape
    edges = np.diff(np.pad(paper.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # same order: row by row, left to right
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first = np.searchsorted(rows, np.arange(h + 1))
    for y in range(1, h):
        above = range(first[y - 1], first[y])
        here = range(first[y], first[y + 1])
        j = above.start
        for i in here:  # runs overlapping in a column are joined (4-connected)
            while j < above.stop and ends[j] <= starts[i]:
                j += 1
            k = j
            while k < above.stop and starts[k] < ends[i]:
                parent[root(i)] = root(k)
                k += 1
    roots = np.array([root(i) for i in range(len(rows))], np.int64)
    _, label = np.unique(roots, return_inverse=True)
    labels = np.zeros((h, w), np.int64)
    for r, s0, e0, lab in zip(rows, starts, ends, label + 1, strict=True):
        labels[r, s0:e0] = lab
    edge = np.zeros(len(np.unique(roots)) + 1, bool)
    edge[np.unique(np.concatenate([labels[[0, -1], :].ravel(), labels[:, [0, -1]].ravel()]))] = True
    edge[0] = False
    return labels, edge


def _filled(ink: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """``ink`` (white on black) with the paper where ``chosen`` is True turned to ink as the
    canvas' Fill tool does (``nndesk.fill.flood_fill``: the region and the antialiased fringe
    around it)."""
    grown = chosen.copy()
    grown[1:] |= chosen[:-1]
    grown[:-1] |= chosen[1:]
    grown[:, 1:] |= grown[:, :-1].copy()
    grown[:, :-1] |= grown[:, 1:].copy()
    soft = (ink > 0) & (ink < 255)
    out = ink.copy()
    out[chosen | (grown & soft)] = 255
    return out


def _scribble(inside: np.ndarray, pen: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Strokes scribbled back and forth across ``inside`` (bool (280, 280), the silhouette
    shrunk by half a pen): parallel lines at a random slant, ``pen`` x 1.2-2.2 apart, joined end
    to end into zigzags, their ends short of or past the edge by up to a third of the pen, a
    few left out (the gaps a hurried hand leaves)."""
    angle = rng.uniform(-1.0, 1.0) + (np.pi / 2 if rng.random() < 0.3 else 0.0)
    along = np.array([math.cos(angle), math.sin(angle)])
    across = np.array([-along[1], along[0]])
    ys, xs = np.nonzero(inside)
    if len(xs) < 20:
        return []
    pts = np.stack([xs, ys], axis=1).astype(np.float64)
    offsets = pts @ across
    step = pen * rng.uniform(1.2, 2.2)
    strokes: list[list[np.ndarray]] = []
    current: list[np.ndarray] = []
    forward = True
    for o in np.arange(offsets.min() + step / 2, offsets.max(), step):
        near = np.abs(offsets - o) < 0.75
        if near.sum() < 2:
            continue
        t = np.sort(pts[near] @ along)
        gaps = np.nonzero(np.diff(t) > 2.5)[0]
        runs = np.split(t, gaps + 1)
        run = max(runs, key=len)
        if rng.random() < 0.08 or run[-1] - run[0] < pen / 2:
            continue
        slack = pen / 3
        a = run[0] + rng.uniform(-slack, slack)
        b = run[-1] + rng.uniform(-slack, slack)
        ends = [o * across + a * along, o * across + b * along]
        if not forward:
            ends.reverse()
        if current and np.hypot(*(current[-1] - ends[0])) > 3 * step:
            strokes.append(current)
            current = []
        current.extend(ends)
        forward = not forward
    if current:
        strokes.append(current)
    return [np.clip(np.array(s), pen / 2, SIZE - pen / 2) for s in strokes if len(s) >= 2]


def _erode(mask: np.ndarray, times: int) -> np.ndarray:
    for _ in range(times):
        shrunk = mask.copy()
        shrunk[1:] &= mask[:-1]
        shrunk[:-1] &= mask[1:]
        shrunk[:, 1:] &= mask[:, :-1]
        shrunk[:, :-1] &= mask[:, 1:]
        mask = shrunk
    return mask


def restyled(
    drawing: HandDrawing,
    canvas,
    rng: np.random.Generator,
    keep: bool = False,
    coat_line: bool = False,
) -> np.ndarray:
    """``drawing`` put on the canvas (uint8 (280, 280) in its polarity) in another fill style,
    as another person would (issue 17, twenty-fifth round), or as it is: an outline filled
    where the Fill tool would fill it (30 %) or scribbled (20 %); a filled drawing left as its
    outline and scribbled (20 %; ``vary`` leaves 15 % as outlines already); a scribbled one
    filled in its gaps (30 %, not a bag, whose handle's hole a person leaves open). An outline
    is filled in its inside and any part of it at least a quarter of that size a detail line
    cut off (a bag: its inside only), as a person clicks Fill in each. The outline must close:
    with less than 2 % of the canvas inside it, the drawing is put on the canvas as it is.

    ``keep`` (the twenty-seventh round's class-preserving copies): a coat or shirt drawn filled
    is not scribbled (its block and the details drawn back with the eraser are what it is), and a
    shirt's outline is not filled (a filled shirt loses its collar and placket: a pullover's
    block). The style is drawn all the same, so the copy's other draws are as without it.

    ``coat_line`` (the thirtieth round's): a coat's outline drawn with inner lines and a style
    draw in ``COAT_LINE_DRAWS`` (otherwise left as drawn) is filled and its inner lines drawn
    back with the eraser (``_lines_erased``): a filled coat that keeps its opening line. Every
    other draw gives what it gives without it."""
    from tools.hand_check import render

    u = rng.random()
    lined = False
    if drawing.mode == "outline":
        to = "filled" if u < 0.3 else "scribble" if u < 0.5 else None
        if keep and to == "filled" and drawing.label == 6:
            to = None
        low, high = COAT_LINE_DRAWS
        if coat_line and drawing.label == 4 and len(drawing.strokes) > 1 and low <= u < high:
            to, lined = "filled", True
    elif drawing.mode == "filled":
        to = "scribble" if u < 0.2 and drawing.fills else None
        if keep and drawing.label in (4, 6):
            to = None
    else:
        to = "filled" if u < 0.3 and drawing.label != 8 else None
    if to is None:
        return _render(drawing, canvas)
    ink = render(replace(drawing, fills=(), erase=(), polarity="white-on-black"), canvas)
    labels, edge = _paper_regions(ink < 128)
    sizes = np.bincount(labels.ravel(), minlength=len(edge))
    sizes[edge] = 0
    sizes[0] = 0
    if sizes.max() < 0.02 * SIZE * SIZE:
        return _render(drawing, canvas)
    if to == "filled":
        if drawing.mode == "scribble":
            chosen = sizes > 0
        elif drawing.label == 8:
            chosen = sizes == sizes.max()
        else:
            chosen = sizes >= 0.25 * sizes.max()
        image = _filled(ink, chosen[labels])
        if lined:
            image = _lines_erased(drawing, image, canvas, rng)
        return 255 - image if drawing.polarity == "black-on-white" else image
    inside = _erode((ink >= 128) | (sizes > 0)[labels], drawing.pen // 2 + 1)
    lines = _scribble(inside, drawing.pen, rng)
    if not lines:
        return _render(drawing, canvas)
    scribbled = tuple(tuple(map(tuple, s)) for s in lines)
    return _render(
        replace(drawing, mode="scribble", strokes=drawing.strokes + scribbled, fills=(), erase=()),
        canvas,
    )


def _lines_erased(
    drawing: HandDrawing, image: np.ndarray, canvas, rng: np.random.Generator
) -> np.ndarray:
    """``image`` (a filled outline, white on black) with every stroke of ``drawing`` but its
    outline (the longest stroke) drawn back with the canvas' eraser at 0.7-1.2 of the pen (6 px
    at least), as a person draws a filled coat's opening line, lapels and belt back; the eraser
    is kept off the outer half pen of the silhouette, so a line ends at the edge without
    notching it."""
    outline = max(range(len(drawing.strokes)), key=lambda k: len(drawing.strokes[k]))
    inner = [s for k, s in enumerate(drawing.strokes) if k != outline]
    width = max(6, int(round(drawing.pen * rng.uniform(0.7, 1.2))))
    canvas.set_array(np.ascontiguousarray(image))
    canvas.set_eraser(True)
    for stroke in inner:
        canvas.draw_stroke([tuple(map(float, p)) for p in stroke], width)
    canvas.set_eraser(False)
    erased = canvas.array()
    inside = _erode(image >= 128, drawing.pen // 2 + 1)
    return np.where(inside, erased, image).astype(np.uint8)


def reshaped_copy(drawing: HandDrawing, canvas, rng: np.random.Generator) -> np.ndarray:
    """A copy in another hand's proportions and fill style (the twenty-fifth round's)."""
    return restyled(vary(reshape(drawing, rng), rng), canvas, rng)


def kept_copy(
    drawing: HandDrawing, canvas, rng: np.random.Generator, coat_line: bool = False
) -> np.ndarray:
    """``reshaped_copy`` with class-preserving limits (issue 17, twenty-seventh round): a
    long-sleeved top (``TOPS``) is warped with ``KEPT_TOPS_STRENGTH`` of the strengths, so a
    coat's length and sleeves and a pullover's proportions stay theirs; a filled coat or shirt
    stays filled (``vary(keep_fill=)``, ``restyled(keep=)``) and a shirt's outline is not
    filled. Every other class's copy is ``reshaped_copy``'s, draw for draw. ``coat_line``: a
    coat's outline left as drawn is filled with its opening line kept for a fifth of the draws
    (``restyled(coat_line=)``, thirtieth round); every other copy is the same to the pixel."""
    top = drawing.label in TOPS
    shaped = reshape(drawing, rng, KEPT_TOPS_STRENGTH if top else 1.0)
    keep = drawing.label in (4, 6)
    varied = vary(shaped, rng, keep_fill=keep)
    return restyled(varied, canvas, rng, keep=keep, coat_line=coat_line)


def _paint_rows(inside: np.ndarray, pen: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Rows of strokes painted across ``inside`` (bool (280, 280), the silhouette shrunk by half
    a pen), as a person fills a shape with a thick pen: parallel rows at a slant of up to 0.25
    rad from the horizontal (a quarter of the time from the vertical), ``pen`` x 0.55-0.9
    apart so they overlap, each run of a row one stroke, its ends short of or past the edge by
    up to a third of the pen (the round caps leave a ragged, stepped edge)."""
    angle = rng.uniform(-0.25, 0.25) + (np.pi / 2 if rng.random() < 0.25 else 0.0)
    along = np.array([math.cos(angle), math.sin(angle)])
    across = np.array([-along[1], along[0]])
    ys, xs = np.nonzero(inside)
    pts = np.stack([xs, ys], axis=1).astype(np.float64)
    offsets = pts @ across
    step = pen * rng.uniform(0.55, 0.9)
    rows: list[np.ndarray] = []
    for o in np.arange(offsets.min() + rng.uniform(0, step / 2), offsets.max() + 0.5, step):
        near = np.abs(offsets - o) < 0.75
        if near.sum() < 1:
            continue
        t = np.sort(pts[near] @ along)
        for run in np.split(t, np.nonzero(np.diff(t) > 2.5)[0] + 1):
            slack = pen / 3
            a = run[0] + rng.uniform(-slack, slack)
            b = max(run[-1] + rng.uniform(-slack, slack), a + 1.0)
            rows.append(np.array([o * across + a * along, o * across + b * along]))
    return [np.clip(r, pen / 2, SIZE - pen / 2) for r in rows]


def painted_copy(drawing: HandDrawing, canvas, rng: np.random.Generator) -> np.ndarray | None:
    """A shoe drawing (``PAINTED_SHOES``) warped and varied as its kept copy is (``reshape``,
    ``vary``), then its silhouette (its ink and every closed part of it, as Fill would fill
    them) painted over in rows of strokes at a thick pen (1.6-3 times the drawing's, 14-34 px;
    ``_paint_rows``) as a person paints a shoe in the window (issue 17, twenty-ninth round);
    its own outline kept half the time. uint8 (280, 280) in the copy's polarity; None for a
    copy with less than 2 % of the canvas inside it (left open: nothing to paint)."""
    from tools.hand_check import render

    shaped = vary(reshape(drawing, rng), rng)
    pen = int(np.clip(round(shaped.pen * rng.uniform(1.6, 3.0)), 14, 34))
    outline = rng.random() < 0.5
    ink = render(replace(shaped, fills=(), erase=(), polarity="white-on-black"), canvas)
    labels, edge = _paper_regions(ink < 128)
    sizes = np.bincount(labels.ravel(), minlength=len(edge))
    sizes[edge] = 0
    sizes[0] = 0
    if sizes.max() < 0.02 * SIZE * SIZE:
        return None
    silhouette = (ink >= 128) | (sizes > 0)[labels]
    while pen > 6 and _erode(silhouette, pen // 2).sum() < 20:
        pen -= 4  # a silhouette thinner than the pen: a thinner one, as a person would take
    rows = _paint_rows(_erode(silhouette, pen // 2), pen, rng)
    canvas.set_eraser(False)
    canvas.set_array(np.zeros((SIZE, SIZE), np.uint8))
    if outline:
        for stroke in shaped.strokes:
            canvas.draw_stroke([tuple(map(float, p)) for p in stroke], shaped.pen)
    for row in rows:
        canvas.draw_stroke([tuple(map(float, p)) for p in row], pen)
    image = canvas.array()
    return 255 - image if shaped.polarity == "black-on-white" else image


def _render(drawing: HandDrawing, canvas) -> np.ndarray:
    """``tools.hand_check.render``, with a Fill click on ink moved a little, or dropped. A click
    that fills the paper around the garment (the corners turn to ink) is refused like one on
    ink: a copy keeps its strokes off the corners, so only such a fill reaches them."""
    from tools.hand_check import FillLeaked, render

    for dx, dy in ((0, 0), (6, 0), (-6, 0), (0, 6), (0, -6), (10, 10), (-10, -10)):
        moved = tuple((x + dx, y + dy) for x, y in drawing.fills)
        try:
            image = render(replace(drawing, fills=moved), canvas)
        except FillLeaked:
            continue
        ink = image if drawing.polarity == "white-on-black" else 255 - image
        if not drawing.fills or ink[[0, 0, -1, -1], [0, -1, 0, -1]].max() == 0:
            return image
    return render(replace(drawing, fills=(), erase=()), canvas)


def _qapp():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def hand_training_drawings(
    copies: int,
    seed: int = HAND_SEED,
    drawings: Sequence[HandDrawing] = HAND_TRAIN_GARMENTS,
    stream: tuple[int, ...] = (),
    reshaped: bool = False,
    kept: bool = False,
    coat_line: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """``copies`` varied copies of every drawing, as the network sees them after preprocessing:
    uint8 (len(drawings) * copies, 28, 28) and int64 labels, drawing by drawing. Copy j of
    drawing i is drawn from ``default_rng([seed, i, j, *stream])``; ``reshaped`` copies
    (``default_rng([seed, i, j, *stream, RESHAPED_STREAM])``) are first drawn with another
    hand's proportions (``reshape``) and then put on the canvas in another fill style at times
    (``restyled``); ``kept`` reshaped copies keep what tells the long-sleeved tops apart
    (``kept_copy``): every other class's copies are the reshaped ones to the pixel;
    ``coat_line`` kept copies fill some coats' outlines keeping their opening lines
    (``kept_copy(coat_line=)``)."""
    if coat_line and not kept:
        raise ValueError("only kept copies can keep a filled coat's opening line")
    from nndesk.preprocess import preprocess
    from nndesk.ui.canvas import DrawingCanvas

    _app = _qapp()
    canvas = DrawingCanvas()
    images = np.zeros((len(drawings) * copies, 28, 28), np.uint8)
    labels = np.zeros(len(drawings) * copies, np.int64)
    k = 0
    for i, drawing in enumerate(drawings):
        for j in range(copies):
            if reshaped:
                rng = np.random.default_rng([seed, i, j, *stream, RESHAPED_STREAM])
                if kept:
                    image = kept_copy(drawing, canvas, rng, coat_line)
                else:
                    image = reshaped_copy(drawing, canvas, rng)
            else:
                rng = np.random.default_rng([seed, i, j, *stream])
                image = _render(vary(drawing, rng), canvas)
            x = preprocess(np.ascontiguousarray(image), "garments")
            if x is not None:
                images[k] = np.clip(np.rint(x), 0, 255).astype(np.uint8)
            labels[k] = drawing.label
            k += 1
    return images, labels


def painted_training_drawings(
    copies: int,
    seed: int = HAND_SEED,
    drawings: Sequence[HandDrawing] = HAND_TRAIN_GARMENTS,
    stream: tuple[int, ...] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """``copies`` painted copies (``painted_copy``) of every shoe drawing of ``drawings``,
    as the network sees them: uint8 (n, 28, 28) and int64 labels, drawing by drawing; copy j of
    drawing i (its place among all ``drawings``) is drawn from ``default_rng([seed, i, j,
    *stream, PAINTED_STREAM])``; a copy left open (nothing to paint) is none."""
    from nndesk.preprocess import preprocess
    from nndesk.ui.canvas import DrawingCanvas

    _app = _qapp()
    canvas = DrawingCanvas()
    images, labels = [], []
    for i, drawing in enumerate(drawings):
        if drawing.label not in PAINTED_SHOES:
            continue
        for j in range(copies):
            rng = np.random.default_rng([seed, i, j, *stream, PAINTED_STREAM])
            image = painted_copy(drawing, canvas, rng)
            if image is None:
                continue
            x = preprocess(np.ascontiguousarray(image), "garments")
            if x is None:
                continue
            images.append(np.clip(np.rint(x), 0, 255).astype(np.uint8))
            labels.append(drawing.label)
    return (
        np.array(images, np.uint8).reshape(-1, 28, 28),
        np.array(labels, np.int64),
    )


def cached_painted_training_drawings(
    copies: int, cache: str | None, seed: int = HAND_SEED, sets: Sequence[str] = ("second",)
) -> tuple[np.ndarray, np.ndarray]:
    """``painted_training_drawings`` of the named ``sets``, set after set, each set's kept in
    ``cache`` (a folder) when given."""
    images, labels = [], []
    for name in sets:
        drawings = HAND_SETS[name]
        file = f"hand-train-{name}-painted-{seed}-{copies}-{len(drawings)}.npz"
        made = cached_arrays(
            cache,
            file,
            lambda d=drawings, n=name: painted_training_drawings(copies, seed, d, _STREAMS[n]),
        )
        images.append(made[0])
        labels.append(made[1])
    return np.concatenate(images), np.concatenate(labels)


def cached_hand_training_drawings(
    copies: int,
    cache: str | None,
    seed: int = HAND_SEED,
    sets: Sequence[str] = ("second",),
    reshaped: bool = False,
    kept: bool = False,
    coat_line: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """``copies`` copies of every drawing of the named ``sets`` (``HAND_SETS``), set after set,
    each set's kept in ``cache`` (a folder) when given; ``reshaped``: with other hands'
    proportions and fill styles, ``kept`` with the long-sleeved tops' class kept
    (``hand_training_drawings``), ``coat_line`` with some filled coats' opening lines kept."""
    images, labels = [], []
    for name in sets:
        drawings = HAND_SETS[name]
        own = "" if name == "second" else f"{name}-"  # the second set's files as before
        own += ("reshaped-kept-" if kept else "reshaped-") if reshaped else ""
        own += "line-" if coat_line else ""
        file = f"hand-train-{own}{seed}-{copies}-{len(drawings)}.npz"
        made = cached_arrays(
            cache,
            file,
            lambda d=drawings, n=name: hand_training_drawings(
                copies, seed, d, _STREAMS[n], reshaped, kept, coat_line
            ),
        )
        images.append(made[0])
        labels.append(made[1])
    return np.concatenate(images), np.concatenate(labels)


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.hand_train DIR [COPIES [SET]]``: a contact sheet of every drawing's copies
    in a hand-drawn training set (``HAND_SETS``, the second by default) as the network sees them
    (28x28, ten copies a row by default)."""
    import sys

    from PIL import Image

    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 3 or (len(args) == 3 and args[2] not in HAND_SETS):
        print(
            f"usage: python -m tools.hand_train DIR [COPIES [{'|'.join(HAND_SETS)}]]",
            file=sys.stderr,
        )
        return 2
    copies = int(args[1]) if len(args) > 1 else 10
    name = args[2] if len(args) > 2 else "second"
    images, _ = hand_training_drawings(copies, drawings=HAND_SETS[name], stream=_STREAMS[name])
    rows = len(images) // copies
    sheet = images.reshape(rows, copies, 28, 28).transpose(0, 2, 1, 3).reshape(rows * 28, -1)
    folder = Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    Image.fromarray(sheet).save(folder / f"hand-train-{name}-copies.png")
    print(f"wrote {rows} drawings x {copies} copies to {folder / 'hand-train-copies.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
