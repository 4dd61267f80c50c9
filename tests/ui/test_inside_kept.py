"""The Inside page's choices are kept between launches, as the Why page's method is (fixW #4:
the unit a student clicked, the Softmax tab and the temperature she set were back to the page's
own picks at the next start)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk import inside, preferences
from tests.ui.test_inside_view import _open_inside, _shipped


def _drawn(qtbot, desk):
    page = _open_inside(qtbot, desk)
    with qtbot.waitSignal(page.updated, timeout=60000):
        desk.window.canvas.draw_stroke([(140, 40), (140, 240)], width=20)
    qtbot.waitUntil(lambda: page.snapshot() is not None, timeout=60000)
    qtbot.waitUntil(desk.prediction.is_idle, timeout=60000)
    qtbot.waitUntil(page.diagram.is_current, timeout=60000)  # painted off the GUI thread
    return page


def test_the_unit_clicked_the_tab_and_the_temperature_come_back_at_the_next_start(
    qtbot, window_factory
):
    desk = window_factory(classifier=_shipped("mnist-mlp"), size=(1024, 668))
    page = _drawn(qtbot, desk)
    model = page.snapshot().model
    second = inside.dense_layers(model)[1]
    values = page.snapshot().trace.layers[second].values
    unit = int(inside.most_active(values, 3)[-1])  # not the page's own pick
    rect = page.diagram.unit_rect(second, unit)
    assert rect is not None
    qtbot.mouseClick(page.diagram, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert page.selection() == ("dense", second, unit)
    page.temperature.setValue(-7)
    qtbot.waitUntil(lambda: page.bottom_tabs.count() == 2, timeout=60000)  # a narrow page
    page.bottom_tabs.setCurrentIndex(1)  # Softmax, as a click on its tab
    assert preferences.flush(30)
    settings = preferences.settings_file().read_text(encoding="utf-8")
    assert "inside" in settings
    desk.window.close()

    again = window_factory(classifier=_shipped("mnist-mlp"), size=(1024, 668))
    page = _drawn(qtbot, again)
    assert page.selection() == ("dense", second, unit)
    assert page.temperature.value() == -7 and page.temperature_label.text() == "T = 0.45"
    assert page.bottom_tab() == 1 and page.bottom_tabs.currentIndex() == 1
    assert f"unit {unit}" in page.arithmetic.text()
