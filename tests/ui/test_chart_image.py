"""ChartImage: the last off-thread chart, scaled to the label's room until drawn again."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from nndesk.ui.chart_image import ChartImage


def test_the_last_image_follows_the_room_and_a_resize_asks_for_a_new_one(qtbot):
    label = ChartImage(50, 40)
    qtbot.addWidget(label)
    label.resize(200, 100)
    label.show()
    with qtbot.waitExposed(label):  # a context manager: a bare call waits for nothing
        pass
    image = QImage(200, 100, QImage.Format.Format_RGBA8888)
    image.fill(QColor("red"))
    label.show_image(image)
    ratio = label.devicePixelRatioF()
    shown = label.pixmap()
    assert shown.deviceIndependentSize().toSize() == label.size() or ratio != 1.0
    with qtbot.waitSignal(label.resized, timeout=5_000):
        label.resize(100, 50)  # half the room: the old image, scaled, until drawn again
    assert label.pixmap().deviceIndependentSize().toSize().width() == 100
    assert label.image is image  # kept at its render size for the next scaling
    label.clear_image()
    assert label.image is None and label.pixmap().isNull()
