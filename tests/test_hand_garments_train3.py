"""The third hand-drawn training set (``tools.hand_garments_train3``, tops-heavy): valid drawings
on the real canvas, the classes it was written for, and kept apart from the check
(``tools.hand_garments``) and from the second hand's set (``tools.hand_garments_train``)."""

from __future__ import annotations

from collections import Counter

import numpy as np

from tools.hand_check import render
from tools.hand_garments import HAND_GARMENTS, MODES, POLARITIES
from tools.hand_garments_train import HAND_TRAIN_GARMENTS
from tools.hand_garments_train3 import HAND_TRAIN3_GARMENTS


def test_the_set_is_shirts_and_coats_with_tops_bags_and_sandals_beside_them():
    assert len({d.name for d in HAND_TRAIN3_GARMENTS}) == len(HAND_TRAIN3_GARMENTS) == 80
    per_class = Counter(d.label for d in HAND_TRAIN3_GARMENTS)
    assert per_class == {6: 30, 4: 28, 0: 8, 8: 7, 5: 7}  # Shirt, Coat, T-shirt, Bag, Sandal
    for label in (6, 4):  # the long-sleeved tops every way: each rendering, both polarities
        mine = [d for d in HAND_TRAIN3_GARMENTS if d.label == label]
        assert {d.mode for d in mine} == set(MODES), label
        assert {d.polarity for d in mine} == set(POLARITIES), label
        assert len({d.pen for d in mine}) >= 8, label
    modes = Counter(d.mode for d in HAND_TRAIN3_GARMENTS)
    assert modes["outline"] > modes["filled"] > modes["scribble"] >= 10
    white = sum(d.polarity == "white-on-black" for d in HAND_TRAIN3_GARMENTS)
    assert 0.5 < white / len(HAND_TRAIN3_GARMENTS) < 0.65


def test_no_drawing_is_a_drawing_of_the_check_or_of_the_second_hand():
    for other in (HAND_GARMENTS, HAND_TRAIN_GARMENTS):
        names = {d.name for d in other}
        # strokes of four points or more (a two-point line across a body may well coincide)
        strokes = {s for d in other for s in d.strokes if len(s) >= 4}
        for d in HAND_TRAIN3_GARMENTS:
            assert d.name not in names
            assert not strokes & {s for s in d.strokes if len(s) >= 4}, d.name


def test_every_point_lies_on_the_canvas_and_every_fill_fills(qapp):
    for d in HAND_TRAIN3_GARMENTS:
        assert 4 <= d.pen <= 60 and (d.mode == "filled") == bool(d.fills), d.name
        for stroke in d.strokes + d.erase:  # where the mouse went (a thick pen may run over)
            pts = np.array(stroke)
            assert (pts >= 0).all() and (pts <= 280).all(), d.name
        image = render(d)  # raises FillLeaked when a fill click does nothing
        ink = image if d.polarity == "white-on-black" else 255 - image
        assert ink[[0, 0, -1, -1], [0, -1, 0, -1]].max() == 0, d.name  # no fill reached paper
        assert (ink > 0).mean() > 0.01, d.name  # drawn, not blank
