"""Flood fill of a drawing: the paint-bucket tool of the canvas, in NumPy, no Qt.

A click fills the region around it: every pixel on the same side of mid-grey as the clicked one
and connected to it through its four neighbours (so a one-pixel-wide diagonal line is still a
wall). Pen strokes are antialiased, so the grey fringe just outside the filled region is filled
too; otherwise a faint ring of the old colour would stay along the outline.

The region is found by run propagation instead of a pixel queue: every run of free pixels along a
row that touches the region joins it whole, then the same along columns, until nothing changes
(one round per bend of the region, a few dozen rounds for a garment; each round is a handful of
whole-array NumPy operations).

A click is judged and filled from one region: ``leaves_no_paper``, ``is_background`` and
``flood_fill`` take the region found once (``around``) instead of each finding it again.
"""

from __future__ import annotations

import numpy as np

_MID = 128  # pixels at or above this count as ink


def _spread_along_rows(reached: np.ndarray, free: np.ndarray) -> np.ndarray:
    """Every row run of ``free`` pixels holding a ``reached`` pixel, whole (bool (h, w))."""
    h, w = free.shape
    starts = free.copy()
    starts[:, 1:] &= ~free[:, :-1]  # a free pixel whose left neighbour is blocked starts a run
    run = np.cumsum(starts.ravel()).reshape(h, w)  # run number of every free pixel
    hit = np.zeros(int(run[-1, -1]) + 1, bool)
    hit[run[reached]] = True
    return hit[run] & free


def region(image: np.ndarray, x: int, y: int) -> np.ndarray:
    """Bool (h, w): the 4-connected region of ``image`` (uint8 (h, w)) around column x, row y.

    "Same region" means on the same side of mid-grey as pixel (y, x).
    """
    ink = np.asarray(image) >= _MID
    free = ink if ink[y, x] else ~ink
    reached = np.zeros_like(free)
    reached[y, x] = True
    while True:
        grown = _spread_along_rows(reached, free)
        grown = _spread_along_rows(grown.T, free.T).T
        if np.array_equal(grown, reached):
            return reached
        reached = grown


def changes(image: np.ndarray, x: int, y: int, value: int) -> bool:
    """Whether filling around (x, y) with ``value`` would change ``image`` (uint8 (h, w)): the
    click is on it, and on the other side of mid-grey from ``value`` (ink clicked with the ink
    colour, or paper with the paper colour, changes nothing)."""
    a = np.asarray(image)
    h, w = a.shape
    return 0 <= x < w and 0 <= y < h and (a[y, x] >= _MID) != (value >= _MID)


def leaves_no_paper(image: np.ndarray, x: int, y: int, around: np.ndarray | None = None) -> bool:
    """Whether filling around (x, y) with ink would leave no paper on ``image`` (uint8 (h,
    w)): (x, y) is on paper and its region (``region``; ``around`` when already found) is all
    the paper there is. So it is on an empty canvas, or inside an outline with a gap (and the
    fill would leak all around it). The canvas would then be all ink, which a model reads as
    nothing drawn."""
    a = np.asarray(image)
    if not changes(a, x, y, 255):
        return False
    around = region(a, x, y) if around is None else around
    return int(around.sum()) == int((a < _MID).sum())


def is_background(image: np.ndarray, x: int, y: int, around: np.ndarray | None = None) -> bool:
    """Whether (x, y) is on the paper around the drawing on ``image`` (uint8 (h, w)): paper
    whose region (``region``; ``around`` when already found) reaches all four edges while
    other paper is left (the inside of an outline). Filling it with ink leaves a
    drawing-shaped hole in an inked canvas, which a model read as a sandal at 99.9 % (walk61
    D3: Fill clicked just outside a shoe)."""
    a = np.asarray(image)
    if not changes(a, x, y, 255):
        return False
    around = region(a, x, y) if around is None else around
    edges = around[0].any() and around[-1].any() and around[:, 0].any() and around[:, -1].any()
    return bool(edges) and int(around.sum()) < int((a < _MID).sum())


def flood_fill(
    image: np.ndarray, x: int, y: int, value: int, around: np.ndarray | None = None
) -> np.ndarray | None:
    """``image`` (uint8 (h, w)) with the region around (x, y) (``around`` when already found)
    set to ``value``.

    None when the fill would change nothing (``changes``): the click is off the image or its
    region is already on ``value``'s side of mid-grey.

    The antialiased fringe around the region (its 8 neighbours that are neither full ``value``
    nor part of a solid stroke on the other side) takes ``value`` too.
    """
    a = np.asarray(image, dtype=np.uint8)
    if not changes(a, x, y, value):  # before finding the region: a long stroke's took a second
        return None
    inside = region(a, x, y) if around is None else around
    grown = inside.copy()
    grown[1:] |= inside[:-1]
    grown[:-1] |= inside[1:]
    grown[:, 1:] |= grown[:, :-1].copy()
    grown[:, :-1] |= grown[:, 1:].copy()
    soft = (a > 0) & (a < 255)  # antialiasing, never a solid stroke or paper
    target = inside | (grown & soft)
    out = a.copy()
    out[target] = value
    return out
