"""The eighth hand-drawn training set (``tools.hand_garments_train8``, round 23's novice hand):
what it holds. That it puts on the real canvas without an authoring mistake and copies no other
set is tested for every set at once (tests/test_hand_train.py)."""

from __future__ import annotations

from collections import Counter

from tools.fresh_garments import FRESH_GARMENTS
from tools.hand_garments import CLASS_NAMES, MODES, POLARITIES
from tools.hand_garments_train8 import HAND_TRAIN8_GARMENTS

#: every class, the long-sleeved tops (Pullover, Coat, Shirt) most
COUNTS = {2: 6, 4: 6, 6: 6, 0: 5, 7: 5, 5: 5, 9: 5, 1: 4, 3: 3, 8: 3}


def test_the_set_holds_every_class_in_every_rendering_both_polarities_and_several_pens():
    assert len({d.name for d in HAND_TRAIN8_GARMENTS}) == len(HAND_TRAIN8_GARMENTS) == 48
    assert all(d.name.startswith("e8-") for d in HAND_TRAIN8_GARMENTS)
    assert Counter(d.label for d in HAND_TRAIN8_GARMENTS) == COUNTS
    for label, count in COUNTS.items():
        mine = [d for d in HAND_TRAIN8_GARMENTS if d.label == label]
        if count >= 4:
            assert {d.mode for d in mine} == set(MODES), CLASS_NAMES[label]
        assert {d.polarity for d in mine} == set(POLARITIES), CLASS_NAMES[label]
        assert len({d.pen for d in mine}) >= 3, CLASS_NAMES[label]
    white = sum(d.polarity == "white-on-black" for d in HAND_TRAIN8_GARMENTS)
    assert white * 2 == len(HAND_TRAIN8_GARMENTS)
    assert Counter(d.mode for d in HAND_TRAIN8_GARMENTS) == dict.fromkeys(MODES, 16)


def test_pens_run_from_very_thin_to_very_thick():
    pens = [d.pen for d in HAND_TRAIN8_GARMENTS]
    assert min(pens) == 4 and max(pens) == 40
    assert sum(p <= 6 for p in pens) >= 5 and sum(p >= 28 for p in pens) >= 5


def test_no_drawing_is_a_name_or_a_stroke_of_the_fresh_check():
    """The fresh check is never trained on: no name and no stroke of four points or more is
    shared (tests/test_hand_train.py compares with the hand check and the other sets)."""
    names = {d.name for d in FRESH_GARMENTS}
    strokes = {s for d in FRESH_GARMENTS for s in d.strokes if len(s) >= 4}
    for d in HAND_TRAIN8_GARMENTS:
        assert d.name not in names, d.name
        assert not strokes & {s for s in d.strokes if len(s) >= 4}, d.name
