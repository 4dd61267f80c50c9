"""Vietnamese at View > Text size > Larger (11 pt, the largest a page is checked to fit at) in
a 1024x700 window: the parts whose Vietnamese words run longer than English fit their page
(verify60 D-B, D-D, D-F)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_desktop_fonts import desktop_font  # noqa: F401 - a fixture
from tests.ui.test_layout import WAIT_MS, cut_widgets, show_at
from tests.ui.test_text_size import normal_text_after  # noqa: F401 - a fixture


@pytest.fixture
def in_vietnamese(qapp):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


def _right_edge_in(widget, area) -> int:
    """The x of ``widget``'s right edge in ``area``'s viewport."""
    return widget.mapTo(area.viewport(), widget.rect().topRight()).x()


def _why_page_with_units(qtbot, window_factory):
    """A Clothing window at 1024x700 with fashion-mlp, on the Why page, a block drawn and its
    eight busiest hidden units shown."""
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR

    clf = Classifier.from_file(WEIGHTS_DIR / "fashion-mlp.npz")
    desk = window_factory(classifier=clf, mode="garments")
    window = show_at(desk, (1024, 700))
    why = desk.why_page
    window.tabs.setCurrentWidget(why)
    qtbot.waitUntil(why.isVisible, timeout=WAIT_MS)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 60:220] = 255  # a filled block: every unit gets some ink
    desk.prediction.request_now(drawing)
    qtbot.waitUntil(lambda: all(tile.isVisible() for tile in why.tiles), timeout=WAIT_MS)
    QApplication.processEvents()
    return window, why


def _check_the_why_page_fits(window, why) -> None:
    area = why._scroll  # noqa: SLF001 - the page's own scroll area
    room = area.viewport().width()
    assert area.widget().width() <= room, f"the page's body is {area.widget().width()} px"
    for tile in why.tiles:
        assert _right_edge_in(tile, area) <= room, tile.caption.text()
        assert tile.caption.width() >= tile.caption.minimumSizeHint().width()
    assert _right_edge_in(why.summary, area) <= room
    assert cut_widgets(window) == []


@pytest.mark.parametrize("points", [10.0, 11.0])
def test_an_mlps_hidden_units_and_the_why_text_fit_the_page_in_vietnamese(
    qtbot,
    window_factory,
    desktop_font,  # noqa: F811 - the fixture
    in_vietnamese,
    points,
):
    """verify60 D-B: Why page, vi, Larger, 1024x700, fashion-mlp: four unit pictures a row
    took the width of four English captions, "kích hoạt 5,31" is wider: the fourth column and
    every paragraph's right end ("…đối với Giày thể thac") were cut, no sideways scroll."""
    desktop_font(points)
    _check_the_why_page_fits(*_why_page_with_units(qtbot, window_factory))


def test_the_hidden_units_fit_again_after_a_text_size_step(
    qtbot,
    qapp,
    window_factory,
    normal_text_after,  # noqa: F811 - the fixture
    in_vietnamese,
):
    """A step to Larger widens the captions but not the page: no resize tells the grid."""
    from nndesk.ui import text_size

    font = qapp.font()
    font.setPointSizeF(9.0)
    qapp.setFont(font)
    text_size._desktop_font = None  # noqa: SLF001 - the desktop's font is read again: 9 pt
    window, why = _why_page_with_units(qtbot, window_factory)
    text_size.apply_text_size(qapp, "larger")
    QApplication.processEvents()
    _check_the_why_page_fits(window, why)
