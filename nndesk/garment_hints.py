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
        "Coat or shirt? Hard to tell in a drawing: two small pockets erased on it lean it to Coat.",
    ),
}


#: the hints for a pair with Coat when marks are erased in the drawing already (``erased_marks``)
MARKED_HINTS: dict[frozenset[str], str] = {
    frozenset({"Coat", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or pullover? The marks erased on it have not settled it: drawn as an outline "
        "instead (no Fill), V lapels at the neck and two pocket boxes read Coat.",
    ),
    frozenset({"Coat", "Shirt"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or shirt? The marks erased on it have not settled it: drawn as an outline instead "
        "(no Fill), V lapels at the neck and two pocket boxes read Coat.",
    ),
}

#: Background pixels (of the 280 x 280 canvas) enclosed by a drawing that count as marks erased
#: in it: two pocket slits at the eraser's 6 px are some 300; specks a stroke's edge leaves are
#: a few
MARKS_AT_LEAST = 120
#: ... when the enclosed background is under this share of the drawing and it together: an
#: outline's inside is most of it, and is no mark
MARKS_AT_MOST = 0.25


def erased_marks(drawing) -> bool:
    """Whether ``drawing`` (uint8 (H, W), white ink on black, the canvas) is a filled shape with
    marks erased inside it: background it encloses (not reached from the edge of the canvas),
    ``MARKS_AT_LEAST`` pixels at least, under ``MARKS_AT_MOST`` of the shape. Measured on the
    canvas halved (2 x 2 blocks, background when any of its pixels is), flooded from the edge
    with numpy steps: a few ms after a stroke."""
    ink = np.asarray(drawing) >= 128
    h, w = ink.shape[0] // 2 * 2, ink.shape[1] // 2 * 2
    blocks = ink[:h, :w].reshape(h // 2, 2, w // 2, 2).all(axis=(1, 3))
    if not blocks.any():
        return False
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
    enclosed = int((background & ~reached).sum()) * 4  # in the canvas' pixels
    shape = int(blocks.sum()) * 4 + enclosed
    return enclosed >= MARKS_AT_LEAST and enclosed < MARKS_AT_MOST * shape


def long_sleeved_hint(class_names, first: int, second: int, drawing=None) -> str | None:
    """The hint (its English source, to translate in "MainWindow") for a "Not sure" whose two
    guesses are the classes ``first`` and ``second`` of a model named ``class_names``; None
    when they are not two long-sleeved tops (or the model is no garment model). ``drawing``:
    the canvas (uint8 (280, 280)), whose marks erased already (``erased_marks``) change a
    pair with Coat's hint from asking for pockets to the outline with lapels."""
    names = tuple(class_names)
    if not (0 <= first < len(names) and 0 <= second < len(names)):
        return None
    pair = frozenset({str(names[first]), str(names[second])})
    if pair in MARKED_HINTS and drawing is not None and erased_marks(drawing):
        return MARKED_HINTS[pair]
    return TOPS_HINTS.get(pair)
