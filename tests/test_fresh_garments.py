"""A fresh drawn-garment check (``tools.fresh_garments``), never used to choose.

Ninety garments, nine a class, written by another hand than ``tools.hand_garments`` (which six
rounds of candidates were judged on, so it no longer estimates drawings no round has seen), each a
cut, pose or placement the hand check lacks, rendered on the real canvas. The set was committed
before any model read it. These tests guard its shape; they must never be used to choose between
candidate models, to tune or to train (once a choice depends on the set it is no longer fresh).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from tools.fresh_garments import FRESH_GARMENTS
from tools.hand_check import Rendered, render_all, render_steps
from tools.hand_garments import CLASS_NAMES, HAND_GARMENTS, MODES, POLARITIES


@pytest.fixture(scope="module")
def drawn(qapp) -> list[Rendered]:
    return render_all(FRESH_GARMENTS)


# -- the set ---------------------------------------------------------------------------------------
def test_every_class_is_drawn_nine_ways_in_every_rendering_and_both_polarities():
    assert len({d.name for d in FRESH_GARMENTS}) == len(FRESH_GARMENTS)
    per_class = Counter(d.label for d in FRESH_GARMENTS)
    assert sorted(per_class) == list(range(10)) and min(per_class.values()) >= 9
    for label in range(10):
        mine = [d for d in FRESH_GARMENTS if d.label == label]
        assert {d.mode for d in mine} == set(MODES), CLASS_NAMES[label]
        assert {d.polarity for d in mine} == set(POLARITIES), CLASS_NAMES[label]
        assert len({d.pen for d in mine}) >= 4, CLASS_NAMES[label]


def test_no_fresh_drawing_repeats_a_hand_check_drawing():
    hand_names = {d.name for d in HAND_GARMENTS}
    hand_strokes = {d.strokes[0] for d in HAND_GARMENTS}
    for d in FRESH_GARMENTS:
        assert d.name not in hand_names, d.name
        assert d.strokes[0] not in hand_strokes, d.name


def test_every_stroke_lies_on_the_canvas_with_a_pen_it_offers():
    for d in FRESH_GARMENTS:
        assert 4 <= d.pen <= 60 and (d.mode == "filled") == bool(d.fills), d.name
        for stroke in d.strokes + d.erase:
            pts = np.array(stroke)
            r = d.pen / 2
            assert (pts - r >= 0).all() and (pts + r <= 280).all(), d.name


def test_the_canvas_fills_every_filled_drawing_and_leaves_paper_around_it(drawn):
    for item in drawn:
        d, image = item.drawing, item.image
        ink = image if d.polarity == "white-on-black" else 255 - image
        assert image.shape == (280, 280) and image.dtype == np.uint8
        assert ink[0, 0] == 0 or ink[-1, -1] == 0, d.name  # a corner is paper
        assert 0.01 < (ink > 127).mean() < 0.7, d.name  # a drawing, not a blank or a flood
        before_eraser = render_steps(d)[0] if d.erase else image
        if d.polarity == "black-on-white":
            before_eraser = 255 - before_eraser
        for x, y in d.fills:  # each Fill click turned its region to ink
            assert before_eraser[round(y), round(x)] == 255, d.name


def test_fresh_check_writes_every_drawing_and_a_sheet_and_refuses_a_wrong_call(
    qapp, tmp_path, capsys
):
    from tools import fresh_check

    assert fresh_check.main([str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*-*.png"))) == len(FRESH_GARMENTS)
    assert (tmp_path / "sheet.png").is_file()
    assert fresh_check.main([]) == 2
    assert capsys.readouterr().err.strip() == fresh_check.USAGE
