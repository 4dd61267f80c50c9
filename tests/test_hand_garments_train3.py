"""The third hand-drawn training set (``tools.hand_garments_train3``, tops-heavy): the classes it
was written for. That it is valid on the real canvas and kept apart from the check and the other
sets is tested for every set at once (tests/test_hand_train.py)."""

from __future__ import annotations

from collections import Counter

from tools.hand_garments import MODES, POLARITIES
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
