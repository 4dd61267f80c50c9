"""Links in the palette's link colour after a theme switch (verify65 #11): the Why page's
"Occlusion" link, its text set before the window turned Dark, stayed light's blue (or Qt's
pure #0000ff) on dark grey."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nndesk.ui import theme
from tests.ui.conftest import shown_widget


def _colours_drawn(label: QLabel) -> Counter:
    image = label.grab().toImage()
    return Counter(
        image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width())
    )


def test_a_link_set_in_light_is_drawn_in_darks_link_colour_after_the_switch(
    qtbot, qapp, restore_theme
):
    theme.apply_theme(qapp, "light")
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText("At 28×28 … <a href='occlusion'>Occlusion</a> shows which areas matter.")
    shown_widget(qtbot, label, (420, 40))
    assert _colours_drawn(label)[theme.LIGHT.link] > 20  # the link's letters, in light's blue
    theme.apply_theme(qapp, "dark")
    drawn = _colours_drawn(label)
    assert drawn[theme.DARK.link] > 20
    assert drawn[theme.LIGHT.link] == 0 and drawn["#0000ff"] == 0
    assert theme.contrast(theme.DARK.link, theme.DARK.window) >= 4.5
