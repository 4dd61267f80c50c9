"""A dot or a dash on the canvas is "nearly empty": too little ink to read as anything."""

import numpy as np

from nndesk.preprocess import nearly_empty


def test_blank_dot_and_dash_are_nearly_empty_and_a_stroke_is_not():
    canvas = np.zeros((280, 280), np.uint8)
    assert nearly_empty(canvas)
    canvas[130:148, 130:148] = 255  # one click of an 18 px pen
    assert nearly_empty(canvas)
    canvas[130:148, 130:150] = 255  # a short dash, still under 10 % of the side
    assert nearly_empty(canvas)
    canvas[128:154, 128:154] = 255  # the pen dragged 8 px: a dot 26 px across
    assert nearly_empty(canvas)
    canvas[40:240, 135:145] = 255  # a "1"
    assert not nearly_empty(canvas)


def test_dark_ink_on_white_is_judged_the_same_way():
    page = np.full((280, 280), 255, np.uint8)
    page[130:140, 130:140] = 0
    assert nearly_empty(page, "garments")
    page[60:220, 60:220] = 0
    assert not nearly_empty(page, "garments")


def test_one_click_of_the_wide_garment_pen_is_nearly_empty_and_a_small_garment_is_not():
    canvas = np.zeros((280, 280), np.uint8)
    canvas[125:156, 125:156] = 255  # one click of the 30 px garment pen
    assert nearly_empty(canvas, "garments")
    assert not nearly_empty(canvas, "digits")  # as a digit it is a fat "0"-sized blob
    canvas[100:180, 110:170] = 255  # a small bag
    assert not nearly_empty(canvas, "garments")
