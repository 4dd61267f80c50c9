"""The later hand-drawn training sets (``tools.hand_garments_train5`` to ``_train9``): what each
holds, and that none is the fresh check's. That they put on the real canvas without an authoring
mistake and copy no other set is tested for every set at once (tests/test_hand_train.py)."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import numpy as np
import pytest

from tools.fresh_garments import FRESH_GARMENTS
from tools.hand_garments import CLASS_NAMES, MODES, POLARITIES, HandDrawing
from tools.hand_garments_train5 import HAND_TRAIN5_GARMENTS
from tools.hand_garments_train6 import HAND_TRAIN6_GARMENTS
from tools.hand_garments_train7 import HAND_TRAIN7_GARMENTS
from tools.hand_garments_train8 import HAND_TRAIN8_GARMENTS
from tools.hand_garments_train9 import HAND_TRAIN9_GARMENTS

#: every class, the long-sleeved tops (Pullover, Coat, Shirt: every check's worst) most
EVERY_CLASS = {2: 6, 4: 6, 6: 6, 0: 5, 7: 5, 5: 5, 9: 5, 1: 4, 3: 3, 8: 3}


class Written(NamedTuple):
    """What a set's author was asked to draw."""

    drawings: tuple[HandDrawing, ...]
    prefix: str
    counts: dict[int, int]  # drawings per class
    pens: int  # the fewest pen widths a class is drawn with


SETS = {
    # the twenty-second round's: only the long-sleeved tops, in new poses and cuts
    "fifth": Written(HAND_TRAIN5_GARMENTS, "e5-", {2: 6, 4: 6, 6: 6}, pens=4),
    # the twenty-third round's three hands: hurried, careful, novice
    "sixth": Written(HAND_TRAIN6_GARMENTS, "e6-", EVERY_CLASS, pens=3),
    "seventh": Written(HAND_TRAIN7_GARMENTS, "e7-", EVERY_CLASS, pens=3),
    "eighth": Written(HAND_TRAIN8_GARMENTS, "e8-", EVERY_CLASS, pens=3),
    # round 31's: coats, tops and pullovers as blocks, hooded, small and scribbled
    "ninth": Written(HAND_TRAIN9_GARMENTS, "n9-", {4: 12, 0: 10, 2: 8}, pens=4),
}


@pytest.mark.parametrize("name", list(SETS))
def test_each_set_holds_its_classes_in_every_rendering_both_polarities_and_several_pens(name):
    drawings, prefix, counts, pens = SETS[name]
    assert len({d.name for d in drawings}) == len(drawings) == sum(counts.values())
    assert all(d.name.startswith(prefix) for d in drawings)
    assert Counter(d.label for d in drawings) == counts
    for label, count in counts.items():
        mine = [d for d in drawings if d.label == label]
        if count >= 4:  # a class drawn four times or more is drawn every way
            assert {d.mode for d in mine} == set(MODES), CLASS_NAMES[label]
        assert {d.polarity for d in mine} == set(POLARITIES), CLASS_NAMES[label]
        assert len({d.pen for d in mine}) >= pens, CLASS_NAMES[label]
    white = sum(d.polarity == "white-on-black" for d in drawings)
    assert white * 2 == len(drawings)


def test_the_novice_hand_draws_each_rendering_alike_from_very_thin_to_very_thick_pens():
    assert Counter(d.mode for d in HAND_TRAIN8_GARMENTS) == dict.fromkeys(MODES, 16)
    pens = [d.pen for d in HAND_TRAIN8_GARMENTS]
    assert min(pens) == 4 and max(pens) == 40
    assert sum(p <= 6 for p in pens) >= 5 and sum(p >= 28 for p in pens) >= 5


@pytest.mark.parametrize("name", list(SETS))
def test_no_drawing_is_a_name_or_a_stroke_of_the_fresh_check(name):
    """The fresh check is never trained on: no name and no stroke of four points or more is
    shared (tests/test_hand_train.py compares with the hand check and the other sets)."""
    names = {d.name for d in FRESH_GARMENTS}
    strokes = {s for d in FRESH_GARMENTS for s in d.strokes if len(s) >= 4}
    for d in SETS[name].drawings:
        assert d.name not in names, d.name
        assert not strokes & {s for s in d.strokes if len(s) >= 4}, d.name


def _lowest_tenth_span(outline) -> float:
    """How wide the lowest tenth of a closed outline's silhouette reaches, against its widest."""
    from PIL import Image, ImageDraw

    page = Image.new("L", (280, 280))
    ImageDraw.Draw(page).polygon(outline, fill=255)
    rows = np.flatnonzero(np.asarray(page).any(axis=1))
    ink = np.asarray(page)[rows[0] : rows[-1] + 1] > 0
    cols = [np.flatnonzero(row) for row in ink]
    span = np.array([c[-1] - c[0] + 1 for c in cols])
    return span[-max(1, len(span) // 10) :].max() / span.max()


def test_the_ninth_hands_coats_reach_below_their_cuffs_and_its_pullovers_stop_at_them():
    """What tells the ninth set's coat blocks from its pullover blocks is in the silhouette: a
    coat's lowest tenth is its body alone (the sleeves end a hand above its hem), a pullover's
    with hanging sleeves holds the cuffs too; and its blocks are outlines the Fill fills whole."""
    coats = [d for d in HAND_TRAIN9_GARMENTS if d.label == 4]
    hanging = [d for d in HAND_TRAIN9_GARMENTS if d.label == 2 and "arms-out" not in d.name]
    assert len(coats) == 12 and len(hanging) == 7
    assert Counter(d.mode for d in HAND_TRAIN9_GARMENTS) == {
        "filled": 19,
        "scribble": 7,
        "outline": 4,
    }
    assert {d.pen for d in HAND_TRAIN9_GARMENTS} >= {6, 30}
    assert all(6 <= d.pen <= 30 for d in HAND_TRAIN9_GARMENTS)
    for d in coats:
        assert _lowest_tenth_span(d.strokes[0]) < 0.75, d.name
    for d in hanging:
        assert _lowest_tenth_span(d.strokes[0]) > 0.8, d.name
    for d in HAND_TRAIN9_GARMENTS:
        assert d.strokes[0][0] == d.strokes[0][-1], d.name  # the silhouette is closed
        if d.mode == "filled":  # one click inside it; only one block draws a line back
            assert len(d.fills) == 1, d.name
    assert [d.name for d in HAND_TRAIN9_GARMENTS if d.erase] == ["n9-coat-filled-line"]
