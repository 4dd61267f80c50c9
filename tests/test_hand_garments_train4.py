"""The fourth hand-drawn training set (``tools.hand_garments_train4``): what it holds. That it
puts on the real canvas without an authoring mistake and copies no other set is tested for every
set at once (tests/test_hand_train.py)."""

from __future__ import annotations

from collections import Counter

from tools.hand_garments import CLASS_NAMES, MODES, POLARITIES
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
