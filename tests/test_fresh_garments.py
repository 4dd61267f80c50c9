"""A fresh drawn-garment check (``tools.fresh_garments``), never used to choose.

Ninety garments, nine a class, written by another hand than ``tools.hand_garments`` (which six
rounds of candidates were judged on, so it no longer estimates drawings no round has seen), each a
cut, pose or placement the hand check lacks, rendered on the real canvas. The set was committed
(900c81f) before any model read it; the shipped garment models then read it once, through
``nndesk predict --json`` as ``tests/test_hand_garments.py`` reads the hand check. The floors
below are regression guards about three drawings under those figures, not issue 17's goal (90 %
and 85 %, every class at 75 %); the figures are in weights/README.md ("A fresh check, never used
to choose (stop 49)"). Never use these tests or this set to choose between candidate models, to
tune or to train: once a choice depends on the set it is no longer fresh, and a new set from
another hand is needed. Only the shipped weights and Qt's offscreen canvas are needed.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.garment_reading import (
    assert_canvas_reads_as_files,
    assert_every_class_drawn_every_way,
    assert_read_above_floors,
    assert_strokes_on_the_canvas,
)
from tools.fresh_garments import FRESH_GARMENTS
from tools.hand_check import Rendered, render_all, render_steps
from tools.hand_garments import HAND_GARMENTS

#: (overall, every class) floor of the 90 fresh drawings read right through ``nndesk predict``,
#: measured once (stop 49): fashion-cnn 73 / 90 (81.1 %; Pullover and Coat 5 / 9 the worst),
#: fashion-mlp 68 / 90 (75.6 %; Coat 4 / 9). A floor sits about three drawings under the
#: overall figure (70 and 65 drawings) and one drawing under the worst class.
FLOORS = {"fashion-cnn": (0.77, 4 / 9), "fashion-mlp": (0.72, 3 / 9)}
#: Wrong answers given at 90 % or more (calibrated): none of 17 (CNN) and none of 22 (MLP).
SURE_WRONG_CEILING = 2


@pytest.fixture(scope="module")
def drawn(qapp) -> list[Rendered]:
    return render_all(FRESH_GARMENTS)


# -- the set ---------------------------------------------------------------------------------------
def test_every_class_is_drawn_nine_ways_in_every_rendering_and_both_polarities():
    assert_every_class_drawn_every_way(FRESH_GARMENTS, 9)


def test_no_fresh_drawing_repeats_a_hand_check_drawing():
    hand_names = {d.name for d in HAND_GARMENTS}
    hand_strokes = {d.strokes[0] for d in HAND_GARMENTS}
    for d in FRESH_GARMENTS:
        assert d.name not in hand_names, d.name
        assert d.strokes[0] not in hand_strokes, d.name


def test_every_stroke_lies_on_the_canvas_with_a_pen_it_offers():
    assert_strokes_on_the_canvas(FRESH_GARMENTS)


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


# -- the shipped models (regression guards; never a way to choose) -------------------------------
@pytest.mark.parametrize("name", list(FLOORS))
def test_shipped_garment_model_reads_fresh_drawings_through_nndesk_predict_as_the_canvas(
    name, drawn, tmp_path, capsys
):
    """The command reads the files above the floors, and the canvas reads its own drawings
    (white on black) as the command read their files: one reading of the files serves both."""
    answers = assert_read_above_floors(name, drawn, FLOORS, SURE_WRONG_CEILING, tmp_path, capsys)
    assert_canvas_reads_as_files(name, drawn, answers)
