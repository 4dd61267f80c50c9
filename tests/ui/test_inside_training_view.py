"""The Train page's Inside tab: charts rendered off the GUI thread follow the theme and size."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QColor

from nndesk.training.internals import InsideRecord, InsideSample, LayerSample
from nndesk.ui import theme
from nndesk.ui.inside_training_view import InsideTrainingView

WAIT_MS = 20_000


def _record() -> InsideRecord:
    samples = [
        InsideSample(x, (LayerSample(1.0 / (1 + x), 1e-3, math.nan),) * 2) for x in (0.5, 1.0)
    ]
    return InsideRecord(["Dense 784→32", "Dense 32→10"], samples)


def _corner(view: InsideTrainingView) -> str:
    """The colour of the rendered picture's top-left pixel: the figure's background."""
    return QColor(view.image.pixmap().toImage().pixel(2, 2)).name()


@pytest.fixture
def back_to_system(qapp):
    yield
    theme.apply_theme(qapp, "system")


@pytest.mark.parametrize("first, then", [("light", "dark"), ("dark", "light")])
def test_the_charts_on_screen_are_rendered_again_in_the_new_theme(
    qtbot, qapp, back_to_system, first, then
):
    """A switch to dark with the tab open left the six charts light (seen at 1024x700): they
    are a picture, which theme.restyle_charts cannot recolour."""
    theme.apply_theme(qapp, first)
    view = InsideTrainingView()
    qtbot.addWidget(view)
    view.resize(540, 400)
    view.show()
    qtbot.waitExposed(view)
    view.show_record(_record())
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    # no render left to answer the switch but the one it asks for
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)
    assert _corner(view) == theme.colours().window
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        theme.apply_theme(qapp, then)
    assert _corner(view) == theme.colours().window


def test_the_charts_are_rendered_again_at_a_new_size(qtbot, qapp):
    view = InsideTrainingView()
    qtbot.addWidget(view)
    view.resize(540, 400)
    view.show()
    view.show_record(_record())
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.render_now()
    qtbot.waitUntil(lambda: not view._dirty and not view._busy, timeout=WAIT_MS)
    small = view.image.pixmap().width()
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        view.resize(800, 500)
    assert view.image.pixmap().width() > small
