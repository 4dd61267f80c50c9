"""A tab's name keeps the accent over its capital: Fusion clipped "Ảnh trung bình" to
"Anh trung bình" on the Dataset page (walk63 1d)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QStyleFactory, QTabBar

from nndesk.ui import theme
from nndesk.ui.train_tabs import snug_style

#: a capital with a hook above, one with two marks above, and the same capitals bare
MARKED, BARE = "Ảnh Ấn", "Anh An"


def _ink_rows(image: QImage, left: int, right: int) -> set[int]:
    """The rows of ``image`` where a pixel between columns ``left`` and ``right`` is dark."""
    return {
        y
        for y in range(image.height())
        for x in range(left, right)
        if QColor(image.pixel(x, y)).lightness() < 128
    }


def _marks_rows(font: QFont) -> int:
    """How many rows the marks of ``MARKED`` take above its bare capitals, drawn unclipped."""
    images = []
    for text in (MARKED, BARE):
        image = QImage(200, 3 * font.pointSize() + 20, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(10, 2 * font.pointSize() + 10, text)
        painter.end()
        images.append(_ink_rows(image, 0, 200))
    return len(images[0] - images[1])


def _tab_ink(qtbot, style_for, font: QFont, name: str) -> set[int]:
    """The dark rows inside the second (not chosen) tab, named ``name``, of a light bar."""
    bar = QTabBar()
    qtbot.addWidget(bar)
    bar.setStyle(style_for(bar))
    bar.setFont(font)
    bar.addTab("Mẫu")
    bar.addTab(name)
    bar.resize(bar.sizeHint())
    bar.show()
    qtbot.waitExposed(bar)
    image = bar.grab().toImage()
    tab = bar.tabRect(1)
    return _ink_rows(image, tab.left() + 4, tab.right() - 4)


@pytest.mark.parametrize("points", [9, 11, 13])
@pytest.mark.parametrize("which", ["window", "train tabs"])
def test_a_tabs_name_shows_the_marks_over_its_capitals(qtbot, qapp, restore_theme, which, points):
    theme.apply_theme(qapp, "light")
    if which == "window":

        def style_for(bar):
            return theme.EdgeStyle(QStyleFactory.create("Fusion"))

    else:
        style_for = snug_style
    font = QFont(qapp.font())
    font.setPointSize(points)
    marks = _marks_rows(font)
    assert marks >= 2  # the font draws them: the test can see them
    marked = _tab_ink(qtbot, style_for, font, MARKED)
    bare = _tab_ink(qtbot, style_for, font, BARE)
    # every row of the marks drawn (a clipped hook left 0 rows at 9 pt, a stub at larger sizes)
    assert len(marked - bare) >= marks
