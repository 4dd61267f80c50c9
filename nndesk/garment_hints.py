"""What tells two long-sleeved tops apart in a drawing, said when the window is "Not sure"
between them.

A drawn long-sleeved block (a filled or scribbled top with its sleeves) is where the garment
models hesitate most: the shipped ``fashion-cnn`` answers "Not sure" between two of Pullover,
Coat and Shirt for about one drawn top in four (59 of the 236 of the hand-drawn sets, calibrated
top under 60 %). Measured with that file on those drawings (``weights/README.md``, the
thirty-third round's look), one drawn cue moves them, and only one way: **an opening down the
centre front** (a line erased from the neck to the hem) takes the answer away from Pullover on
each of the 33 drawings "Not sure" between Pullover and Coat or Shirt (to Coat or Shirt, not
always the one drawn). None of the nine edits tried (the opening, half of it, buttons, a collar,
checks, pockets, a belt, a longer or a shorter body) moves one to Shirt; pockets or a belt lean
one to Coat (the opening and two pockets erased: Coat on each of the 18 "Not sure" between Coat
and Pullover). So the hint names the opening for a pullover's pairs (and pockets for a coat's),
and for Coat or Shirt says that a drawing tells them apart poorly. It is advice about drawings,
not a rule of the network: a model of the user's own may read other cues.

Measured again through the real canvas (the hand-drawn sets of ``tools.hand_garments*``
rendered by ``tools.hand_check``, the edits made with the canvas' eraser): the opening *alone* reads
Shirt, not Coat, on a plain filled top (15 of the 22 filled hand-drawn pullovers, 8 of 8 filled
blocks), and two small pockets erased on the lower front as well lean it to Coat (19 of the 22;
Coat on 12 of the 13 "Not sure" between Coat and Pullover, 12 of 14 between Coat and Shirt);
pockets erased as thick bars pulled a block away from Coat (verify65). The hints say so.

The hint is chosen by the two guesses and one look at the drawing (``erased_marks``): whether
marks were erased inside a filled top (pockets, an opening that stops short of the neck or the
hem: background the eraser left enclosed by the drawing). An opening erased through to the hem,
a collar, buttons drawn over the fill or which marks are pockets it cannot tell. A filled coat
with an opening and two pockets erased still read "Not sure: Coat 53.9 % or Shirt 45.9 %" under
a hint asking for the pockets it had (walk68 D1); what moves it is another way of drawing:
the same coat as an outline (no Fill) with V lapels at the neck and two pocket boxes read Coat
89.4 % in the window (walk68) and 93.7 % drawn by ``tests/test_garment_hints.py``; without the
lapels it read Pullover. So a top with marks erased in it is told of the outline and lapels.

A second look serves Shirt or Pullover (``front_opening``): a narrow line down the middle of
the body from near the neck, erased through a fill or drawn down an outline, is an opening. The
hint asked for one of drawings that had it (s68 fixK). Now one to the hem is not asked for
again: the hint names what else tells a shirt (a collar, buttons) from a pullover (a ribbed
hem); one stopping part way is taken on to the hem (the shipped file reads the block erased
to its waist "Not sure" between the two, and erased to the hem, Shirt). On the hand-drawn tops
it finds no opening in any of the 12 pullovers and one to the hem in each of the 7 shirts whose
opening was erased or drawn as a line; a line inside a scribble, a row of buttons with no line
(it may chain them), a collar, cuffs or a ribbed hem it cannot tell, nor a zip from an opening.
"""

from __future__ import annotations

import numpy as np

from nndesk.i18n import QT_TRANSLATE_NOOP

#: Fashion-MNIST's long-sleeved tops, as the model files name them
LONG_SLEEVED = ("Pullover", "Coat", "Shirt")

#: one hint per pair of guesses, the window's "MainWindow" strings
TOPS_HINTS: dict[frozenset[str], str] = {
    frozenset({"Coat", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or pullover? An opening (erased neck to hem) reads Shirt; two small pockets lean "
        "it to Coat.",
    ),
    frozenset({"Shirt", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Shirt or pullover? A shirt opens down the front: erase a line from the neck to the hem.",
    ),
    frozenset({"Coat", "Shirt"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or shirt? Two small pockets erased on it lean it to"
        " Coat; a drawing tells them apart poorly.",
    ),
}


#: the Shirt or Pullover hints when an opening is drawn (``front_opening``): part way down, or
#: to the hem (at least ``OPENING_WHOLE`` of the way: the hem's own stroke or the line's round
#: end stops it short)
OPENING_HINTS = {
    "part": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Shirt or pullover? Its opening stops part way: a shirt opens from the neck to the hem.",
    ),
    "whole": QT_TRANSLATE_NOOP(
        "MainWindow",
        "Shirt or pullover? It has its opening; a shirt also has a collar and buttons, a "
        "pullover a ribbed hem.",
    ),
}
OPENING_WHOLE = 0.85


#: the hints for a pair with Coat when marks are erased in the drawing already (``erased_marks``)
MARKED_HINTS: dict[frozenset[str], str] = {
    frozenset({"Coat", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or pullover? Draw it as an outline instead (no "
        "Fill), with V lapels at the neck and two pocket "
        "boxes: they read Coat. The marks erased on it have "
        "not settled it.",
    ),
    frozenset({"Coat", "Shirt"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or shirt? Draw it as an outline instead (no Fill), "
        "with V lapels at the neck and two pocket boxes: they "
        "read Coat. The marks erased on it have not settled it.",
    ),
}

#: the hints for a pair with Coat when the top is drawn as an outline (``drawn_as_outline``):
#: pockets erased into a fill are no advice for it (measured: docs/garment-hints.md)
OUTLINE_HINTS: dict[frozenset[str], str] = {
    frozenset({"Coat", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or pullover? On an outline, V lapels at the neck over a line down the front and "
        "two pocket boxes read Coat.",
    ),
    frozenset({"Coat", "Shirt"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or shirt? On an outline, V lapels at the neck, a "
        "line down the front and two pocket boxes lean it to "
        "Coat; a drawing tells them apart poorly.",
    ),
}

#: Background pixels (of the 280 x 280 canvas) enclosed by a drawing that count as marks erased
#: in it: two pocket slits at the eraser's 6 px are some 300; specks a stroke's edge leaves are
#: a few
MARKS_AT_LEAST = 120
#: ... when the enclosed background is under this share of the drawing and it together: an
#: outline's inside is most of it, and is no mark
MARKS_AT_MOST = 0.25


#: ... and when the shape is a filled one: solid, its ink lying deeper than this share of the
#: drawing's larger side from any background (some 24 px on a full-size top; a pen's stroke
#: lies at most 15 px from its edge) for ``SOLID_AT_LEAST`` of the ink, ...
SOLID_DEPTH = 0.1
SOLID_AT_LEAST = 0.06
#: ... around no room: enclosed background this many canvas pixels across is drawn round, not
#: erased. At pen 30 an outline's strokes leave under a quarter of its shape enclosed, and it
#: was taken for marks erased in a fill (walk70; measured: docs/garment-hints.md)
ROOM_ACROSS_PX = 36


def erased_marks(drawing) -> bool:
    """Whether ``drawing`` (uint8 (H, W), white ink on black, the canvas) is a filled shape with
    marks erased inside it: background it encloses (not reached from the edge of the canvas),
    ``MARKS_AT_LEAST`` pixels at least, under ``MARKS_AT_MOST`` of the shape, in a solid shape
    (``SOLID_DEPTH``; not the strokes of an outline). Measured on the canvas halved (2 x 2
    blocks, background when any of its pixels is), flooded from the edge and eroded with numpy
    steps: a few ms after a stroke."""
    enclosed, shape, filled = _enclosed_and_shape(drawing)
    return enclosed >= MARKS_AT_LEAST and enclosed < MARKS_AT_MOST * shape and filled


def drawn_as_outline(drawing) -> bool:
    """Whether ``drawing`` (as ``erased_marks``) is an outline (no Fill): the background it
    encloses is ``MARKS_AT_MOST`` of the shape or more, or it encloses some and is no solid
    shape (an outline drawn so thick its strokes leave little room inside). Advice about
    erasing into a fill is no advice for it (walk70 M2: "two small pockets erased on it" under
    an outlined coat)."""
    enclosed, shape, filled = _enclosed_and_shape(drawing)
    if shape == 0:
        return False
    return enclosed >= MARKS_AT_MOST * shape or (enclosed >= MARKS_AT_LEAST and not filled)


def _enclosed_and_shape(drawing) -> tuple[int, int, bool]:
    """The canvas pixels of background ``drawing`` encloses, of the shape (ink and what it
    encloses), and whether the shape is a filled one (solid, ``SOLID_DEPTH``, around no room,
    ``ROOM_ACROSS_PX``): (0, 0, False) for an empty canvas."""
    ink = np.asarray(drawing) >= 128
    h, w = ink.shape[0] // 2 * 2, ink.shape[1] // 2 * 2
    blocks = ink[:h, :w].reshape(h // 2, 2, w // 2, 2).all(axis=(1, 3))
    if not blocks.any():
        return 0, 0, False
    background = ~blocks
    reached = np.zeros_like(background)
    reached[0, :], reached[-1, :], reached[:, 0], reached[:, -1] = (
        background[0, :], background[-1, :], background[:, 0], background[:, -1],
    )  # fmt: skip
    while True:
        grown = reached.copy()
        grown[1:] |= reached[:-1]
        grown[:-1] |= reached[1:]
        grown[:, 1:] |= reached[:, :-1]
        grown[:, :-1] |= reached[:, 1:]
        grown &= background
        if (grown == reached).all():
            break
        reached = grown
    inside = background & ~reached
    enclosed = int(inside.sum()) * 4  # in the canvas' pixels
    filled = _solid(blocks) and not _holds_a_room(inside)
    return enclosed, int(blocks.sum()) * 4 + enclosed, filled


def _holds_a_room(inside: np.ndarray) -> bool:
    """Whether the enclosed background ``inside`` (bool, the canvas halved) holds an area
    ``ROOM_ACROSS_PX`` across: what 4-neighbour steps of a block leave of it."""
    left = inside.copy()
    for _ in range(ROOM_ACROSS_PX // 4):  # each step takes a block (2 px) off every side
        if not left.any():
            return False
        eroded = left.copy()
        eroded[1:] &= left[:-1]
        eroded[:-1] &= left[1:]
        eroded[:, 1:] &= left[:, :-1]
        eroded[:, :-1] &= left[:, 1:]
        left = eroded
    return bool(left.any())


def _solid(blocks: np.ndarray) -> bool:
    """Whether the ink ``blocks`` (bool, the canvas halved) lie ``SOLID_DEPTH`` deep from any
    background (outside or enclosed) for ``SOLID_AT_LEAST`` of them: a fill, not strokes."""
    rows, cols = np.flatnonzero(blocks.any(axis=1)), np.flatnonzero(blocks.any(axis=0))
    side = max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1
    core = np.pad(blocks, 1)  # the canvas' edge is background too
    for _ in range(max(1, round(SOLID_DEPTH * side))):  # 8-neighbour erosion, a block a step
        inner = core[1:-1, 1:-1].copy()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                inner &= core[1 + dy : core.shape[0] - 1 + dy, 1 + dx : core.shape[1] - 1 + dx]
        core[1:-1, 1:-1] = inner
        if not inner.any():
            return False
    return int(core.sum()) >= SOLID_AT_LEAST * int(blocks.sum())


#: An opening's line (erased through a filled top, or drawn down an outline) is at most this
#: many canvas pixels wide: the widest pen is 30 px
OPENING_AT_MOST_PX = 36
#: ... its middle within this share of the drawing's width from the body's centre line (the
#: sleeves spread the drawing: a body is some 60 % of it)
OPENING_BAND = 0.15
#: ... it starts in this top share of the drawing (at the neck) ...
OPENING_STARTS_BY = 0.3
#: ... and runs down at least this share of it (counting the rows the line crosses) ...
OPENING_AT_LEAST = 0.35
#: ... drifting at most this many pixels a row (V lapels meet it at a slant) ...
OPENING_DRIFT_PX = 3
#: ... broken for a few rows anywhere (a wobbly hand, a button), and for up to this share of
#: the drawing's height where it goes on straight (a pocket, a stripe or a belt drawn over it)
OPENING_BREAK = 0.2


def _lines_down(ink: np.ndarray, centre: float, band: float) -> tuple[np.ndarray, np.ndarray]:
    """Where the rows of ``ink`` (bool (H, W)) cross a line down the front: (rows, middles) of
    their narrow runs inside the drawing (ink on both sides: an erased line; background on
    both sides and ink beyond: a drawn one), within ``band`` of ``centre``, row by row."""
    ys, xs = np.nonzero(ink[:, 1:] != ink[:, :-1])  # each run ends at xs + 1, row-major
    bounds = xs + 1
    same = ys[1:] == ys[:-1]  # bounds k and k + 1 close a run inside its row
    k = np.flatnonzero(same)
    starts, ends, rows = bounds[k], bounds[k + 1], ys[k]
    middles = (starts + ends - 1) / 2
    width = ends - starts
    keep = (width <= OPENING_AT_MOST_PX) & (np.abs(middles - centre) <= band)
    drawn = ink[rows, starts]
    # a drawn line stands apart: the runs either side are inside the row too (the outline
    # beyond them) and wider than it
    before_inner = np.zeros_like(keep)
    after_inner = np.zeros_like(keep)
    before_inner[k >= 1] = same[k[k >= 1] - 1]
    after_inner[k + 1 < same.size] = same[k[k + 1 < same.size] + 1]
    before_width = np.where(k >= 1, starts - bounds[np.maximum(k - 1, 0)], 0)
    after_width = np.where(
        k + 2 < bounds.size, bounds[np.minimum(k + 2, bounds.size - 1)] - ends, 0
    )
    apart = before_inner & after_inner & (np.minimum(before_width, after_width) >= width)
    keep &= ~drawn | apart
    return rows[keep], middles[keep]


def front_opening(drawing) -> float:
    """How far down its front ``drawing`` (uint8 (H, W), white ink on black, the canvas) is
    open: the share of the way from its top to its hem that a narrow line runs, erased through
    a filled top or drawn down an outline, starting near the neck (the top
    ``OPENING_STARTS_BY``) near the middle of the body (``OPENING_BAND``); 0 when no line runs
    ``OPENING_AT_LEAST`` of it. It sees lines, not what they are: a zip or a seam drawn there
    counts, as does a row of buttons close enough to chain. A few ms (vectorised rows)."""
    ink = np.asarray(drawing) >= 128
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size < 2:
        return 0.0
    top, height = int(rows[0]), int(rows[-1] - rows[0] + 1)
    cols = np.flatnonzero(ink.any(axis=0))
    band = OPENING_BAND * (cols[-1] - cols[0] + 1)
    # the body's centre line: the middle of most rows' ink (sleeves spread both sides alike)
    inked = ink[rows]
    first = inked.argmax(axis=1)
    last = ink.shape[1] - 1 - inked[:, ::-1].argmax(axis=1)
    centre = float(np.median((first + last) / 2))
    # the hem: the body's last inked row near its centre line (sleeves may hang lower)
    near_centre = ink[:, max(0, int(centre - band)) : int(centre + band) + 1].any(axis=1)
    hem = int(np.flatnonzero(near_centre)[-1])
    chains: list[list[float]] = []  # [first row, last row, last middle, rows crossed]
    going: list[list[float]] = []  # those a line further down may still join
    for y, x in zip(*_lines_down(ink, centre, band), strict=True):
        going = [c for c in going if y - c[1] <= OPENING_BREAK * height]
        near = [
            c
            for c in going
            if c[1] < y
            and (
                abs(x - c[2]) <= OPENING_DRIFT_PX * min(y - c[1], 4)
                or abs(x - c[2]) <= OPENING_DRIFT_PX  # straight on under something drawn
            )
        ]
        if near:
            chain = min(near, key=lambda c: (y - c[1], abs(x - c[2])))
            chain[1], chain[2], chain[3] = y, x, chain[3] + 1
        else:
            chains.append([y, y, x, 1])
            going.append(chains[-1])
    reach = [
        (end - top + 1) / max(hem - top + 1, 1)
        for start, end, _x, crossed in chains
        if start - top <= OPENING_STARTS_BY * height and crossed >= OPENING_AT_LEAST * height
    ]
    return min(1.0, max(reach, default=0.0))


def long_sleeved_hint(class_names, first: int, second: int, drawing=None) -> str | None:
    """The hint (its English source, to translate in "MainWindow") for a "Not sure" whose two
    guesses are the classes ``first`` and ``second`` of a model named ``class_names``; None
    when they are not two long-sleeved tops (or the model is no garment model). ``drawing``:
    the canvas (uint8 (280, 280)), whose marks erased already (``erased_marks``) change a
    pair with Coat's hint from asking for pockets to the outline with lapels (an outline,
    ``drawn_as_outline``, is told of lapels and pocket boxes drawn, not erased), and whose
    opening (``front_opening``) the Shirt or Pullover hint never asks for again: part way
    down, it is taken on to the hem; at the hem, the hint names what else tells them apart."""
    names = tuple(class_names)
    if not (0 <= first < len(names) and 0 <= second < len(names)):
        return None
    pair = frozenset({str(names[first]), str(names[second])})
    if pair == frozenset({"Shirt", "Pullover"}) and drawing is not None:
        reach = front_opening(drawing)
        if reach >= OPENING_WHOLE:
            return OPENING_HINTS["whole"]
        if reach > 0:
            return OPENING_HINTS["part"]
    if pair in OUTLINE_HINTS and drawing is not None and drawn_as_outline(drawing):
        return OUTLINE_HINTS[pair]
    if pair in MARKED_HINTS and drawing is not None and erased_marks(drawing):
        return MARKED_HINTS[pair]
    return TOPS_HINTS.get(pair)
