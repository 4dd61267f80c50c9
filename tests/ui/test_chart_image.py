"""ChartImage: the last off-thread chart, scaled to the label's room until drawn again."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from nndesk.ui import theme
from nndesk.ui.chart_image import ChartImage
from tests.ui.conftest import shown_widget


def test_the_last_image_follows_the_room_and_a_resize_asks_for_a_new_one(qtbot):
    label = shown_widget(qtbot, ChartImage(50, 40), (200, 100))
    image = QImage(200, 100, QImage.Format.Format_RGBA8888)
    image.fill(QColor("red"))
    label.show_image(image, theme.colours())
    ratio = label.devicePixelRatioF()
    shown = label.pixmap()
    assert shown.deviceIndependentSize().toSize() == label.size() or ratio != 1.0
    with qtbot.waitSignal(label.resized, timeout=5_000):
        label.resize(100, 50)  # half the room: the old image, scaled, until drawn again
    assert label.pixmap().deviceIndependentSize().toSize().width() == 100
    assert label.image is image  # kept at its render size for the next scaling
    label.clear_image()
    assert label.image is None and label.pixmap().isNull()


@pytest.fixture
def back_to_system(qapp):
    yield
    theme.apply_theme(qapp, "system")


def test_after_a_theme_switch_a_note_takes_the_old_themes_place(qtbot, qapp, back_to_system):
    """Switched to light on another page, the Runs tab came back showing the dark chart until
    the light one arrived (walk45 D3's twin)."""
    theme.apply_theme(qapp, "dark")
    label = ChartImage(50, 40)
    qtbot.addWidget(label)
    label.resize(200, 100)
    label.show()
    dark = QImage(200, 100, QImage.Format.Format_RGBA8888)
    dark.fill(QColor(theme.colours().window))
    label.show_image(dark, theme.colours())
    assert not label.pixmap().isNull()
    label.hide()
    theme.apply_theme(qapp, "light")
    label.show()
    assert label.pixmap().isNull() and label.text()  # the note, not the dark picture
    label.resize(150, 80)  # nor when the room changes meanwhile
    assert label.pixmap().isNull()
    light = QImage(200, 100, QImage.Format.Format_RGBA8888)
    label.show_image(light, theme.colours())
    assert not label.pixmap().isNull()
    # an image asked for before the switch is the old theme's: the note stays
    label.show_image(dark, theme.DARK)
    assert label.pixmap().isNull()
