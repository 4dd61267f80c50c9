"""The fourth hand-drawn training set (``tools.hand_garments_train4``): what it holds, that it
puts on the real canvas without an authoring mistake, and that it copies no other set."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from tools.hand_check import render
from tools.hand_garments import CLASS_NAMES, HAND_GARMENTS, MODES, POLARITIES
from tools.hand_garments_train import HAND_TRAIN_GARMENTS
from tools.hand_garments_train4 import HAND_TRAIN4_GARMENTS

#: the classes a drawn garment is most mixed up between, weighted to Pullover
COUNTS = {2: 28, 0: 12, 3: 9, 1: 8, 7: 10, 9: 8}


def test_the_set_holds_its_classes_in_every_rendering_both_polarities_and_many_pens():
    assert len({d.name for d in HAND_TRAIN4_GARMENTS}) == len(HAND_TRAIN4_GARMENTS) == 75
    assert Counter(d.label for d in HAND_TRAIN4_GARMENTS) == COUNTS
    for label in COUNTS:
        mine = [d for d in HAND_TRAIN4_GARMENTS if d.label == label]
        assert {d.mode for d in mine} == set(MODES), CLASS_NAMES[label]
        assert {d.polarity for d in mine} == set(POLARITIES), CLASS_NAMES[label]
        assert len({d.pen for d in mine}) >= 4, CLASS_NAMES[label]
    white = sum(d.polarity == "white-on-black" for d in HAND_TRAIN4_GARMENTS)
    assert 0.5 <= white / len(HAND_TRAIN4_GARMENTS) <= 0.6


def test_no_drawing_is_a_name_or_a_stroke_of_the_check_or_the_other_training_set():
    others = HAND_GARMENTS + HAND_TRAIN_GARMENTS
    names = {d.name for d in others}
    # strokes of four points or more (a two-point hem line may well coincide)
    strokes = {s for d in others for s in d.strokes if len(s) >= 4}
    for d in HAND_TRAIN4_GARMENTS:
        assert d.name not in names, d.name
        assert not strokes & {s for s in d.strokes if len(s) >= 4}, d.name


def test_every_point_lies_on_the_canvas_every_fill_fills_inside_and_every_eraser_erases(qapp):
    for d in HAND_TRAIN4_GARMENTS:
        assert 6 <= d.pen <= 30 and (d.mode == "filled") == bool(d.fills), d.name
        for stroke in d.strokes + d.erase:  # where the mouse went (a thick pen may run over)
            pts = np.array(stroke)
            assert (pts >= 0).all() and (pts <= 280).all(), d.name
        image = render(d)  # raises FillLeaked when a fill click does nothing
        ink = image if d.polarity == "white-on-black" else 255 - image
        # the corners stay paper: no fill ran round the outside of an outline
        assert not ink[[0, 0, -1, -1], [0, -1, 0, -1]].any(), d.name
        if d.fills:  # the fill inked the inside: at least 40 % more than the outline's ink
            filled, outline = render(replace(d, erase=())), render(replace(d, fills=(), erase=()))
            paper = outline[0, 0]
            gained = np.count_nonzero(filled != outline)
            assert gained > 0.4 * np.count_nonzero(outline != paper), d.name
        if d.erase:  # each eraser stroke ran over ink (a detail drawn back, not a miss)
            for k in range(len(d.erase)):
                before = render(replace(d, erase=d.erase[:k]))
                after = render(replace(d, erase=d.erase[: k + 1]))
                assert not np.array_equal(before, after), (d.name, k)
