"""The clicked unit's weights picture keeps its caption whole at Larger text: "Trọng số của
nút (28×28)" on one 18 px line of a 150 px picture was cut on both sides (walk61 D18)."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QFont

from nndesk.ui.inside_pictures import WeightPicture


def test_a_long_caption_wraps_inside_the_picture_at_larger_text(qtbot):
    picture = WeightPicture()
    qtbot.addWidget(picture)
    font = QFont(picture.font())
    font.setPointSizeF(11.0)  # Larger text's window font (text_size.LARGEST_FITTING_POINTS)
    picture.setFont(font)
    weights = np.random.default_rng(0).normal(size=784)
    picture.set_weights(weights, "trọng số của nút (28×28)", picture=True)
    picture.show()
    qtbot.waitExposed(picture)
    image = picture.grab().toImage()
    background = QColor(image.pixel(0, 0))
    w, h = image.width(), image.height()
    # the picture starts 4 px in: the outer two columns hold only the caption's ink, if cut
    edges = [
        (x, y)
        for y in range(h)
        for x in (0, 1, w - 2, w - 1)
        if QColor(image.pixel(x, y)) != background
    ]
    assert edges == []
    # and the caption is there: ink under the picture
    ink = [
        (x, y)
        for y in range(h - 40, h)
        for x in range(w)
        if QColor(image.pixel(x, y)).lightness() < 100
    ]
    assert ink
