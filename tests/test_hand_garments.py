"""Garments drawn by hand (``tools.hand_garments``), put on the real canvas and read by the
shipped garment models through ``nndesk predict --json``.

The 120 drawings (twelve a class, outlined, filled with the Fill tool or scribbled, pens 6-40
px, white on black and black on white) were written point by point, not drawn by a generator,
and committed before any model read them. The floors below are regression guards at the
shipped files' figures, not the goal: issue 17 asks for 90 % (fashion-cnn) and 85 %
(fashion-mlp) with every class at 75 %. The figures, per class, rendering and polarity, are in
weights/README.md ("Fifteenth round (issue 17): a check drawn by hand"). Only the shipped
weights and Qt's offscreen canvas are needed: no dataset.
"""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.ui.canvas import DrawingCanvas
from tests.garment_reading import (
    assert_canvas_reads_as_files,
    assert_every_class_drawn_every_way,
    assert_read_above_floors,
    assert_strokes_on_the_canvas,
)
from tools.hand_check import Rendered, render, render_all
from tools.hand_garments import HAND_GARMENTS

#: (overall, every class) floor of the 120 hand drawings read right through ``nndesk
#: predict``: fashion-cnn reads 108 / 120 (90.0 %; Shirt 8 / 12 the worst, Pullover 9; 99 / 120
#: before its stages with the three hand-drawn training sets, the twentieth round),
#: fashion-mlp 97 / 120 (80.8 %; Coat 5 / 12, Shirt 6, Pullover 7; 92 / 120 before its stages
#: with the hand-drawn training set of ``tools.hand_garments_train``, the eighteenth round). A
#: floor sits about three drawings under the overall figure and one drawing under the worst
#: class.
FLOORS = {"fashion-cnn": (0.875, 7 / 12), "fashion-mlp": (0.78, 4 / 12)}
#: Wrong answers given at 90 % or more (calibrated): none of 12 (CNN) and one of 23 (MLP) today;
#: the photo-only models gave 31 of 60 and 31 of 59. A sure wrong answer is what the issue's
#: "confidence that means something" asks to avoid.
SURE_WRONG_CEILING = 3


@pytest.fixture(scope="module")
def drawn(qapp) -> list[Rendered]:
    return render_all()


# -- the set ---------------------------------------------------------------------------------------
def test_every_class_is_drawn_twelve_ways_in_every_rendering_and_both_polarities():
    assert_every_class_drawn_every_way(HAND_GARMENTS, 12)


def test_every_stroke_lies_on_the_canvas_with_a_pen_it_offers():
    assert_strokes_on_the_canvas(HAND_GARMENTS)


def test_the_canvas_fills_a_filled_drawing_and_leaves_an_outline_empty(drawn):
    for item in drawn:
        d, image = item.drawing, item.image
        ink = image if d.polarity == "white-on-black" else 255 - image
        assert image.shape == (280, 280) and image.dtype == np.uint8
        assert ink[0, 0] == 0 or ink[-1, -1] == 0, d.name  # a corner is paper
        for x, y in () if d.erase else d.fills:  # each Fill click turned its region to ink
            assert ink[round(y), round(x)] == 255, d.name
    outline = next(i for i in drawn if i.drawing.name == "tee-classic")
    filled = next(i for i in drawn if i.drawing.name == "tank-top")
    assert outline.image[160, 140] == 0 and filled.image[160, 140] == 255


def test_the_eraser_draws_details_back_into_a_fill(qapp):
    d = next(d for d in HAND_GARMENTS if d.name == "shirt-thick-erased")
    image = 255 - render(d) if d.polarity == "black-on-white" else render(d)
    (x, y) = d.erase[0][0]  # the top of the placket, drawn with the eraser over the fill
    assert image[round(y) + 20, round(x)] == 0
    assert image[160, 110] == 255  # beside it the fill stays


def test_a_fill_that_leaks_is_an_authoring_mistake_not_a_silent_outline(qapp):
    from dataclasses import replace

    from tools.hand_check import FillLeaked

    d = next(d for d in HAND_GARMENTS if d.name == "tank-top")
    open_top = replace(d, strokes=(d.strokes[0][:-3],), fills=((140.0, 160.0),))
    with pytest.raises(FillLeaked, match="tank-top"):
        render(open_top, DrawingCanvas())


# -- the shipped models ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(FLOORS))
def test_shipped_garment_model_reads_hand_drawn_garments_through_nndesk_predict_as_the_canvas(
    name, drawn, tmp_path, capsys
):
    """The command reads the files above the floors, and the canvas reads its own drawings
    (white on black) as the command read their files: one reading of the files serves both."""
    answers = assert_read_above_floors(name, drawn, FLOORS, SURE_WRONG_CEILING, tmp_path, capsys)
    assert_canvas_reads_as_files(name, drawn, answers)
