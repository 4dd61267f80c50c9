"""The Race lanes' optimizer boxes at 1024x700, Vietnamese, Larger text (walk65 D21): with no
room for "SGD + quán tính" the momentum lane's box was elided to "SGD …", read as plain SGD
beside the SGD lane. Short of room, it writes what momentum adds ("quán tính")."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import race_shown
from tests.ui.test_layout import WAIT_MS


def test_the_momentum_lane_is_never_written_as_sgd_at_1024_in_vietnamese_at_larger_text(
    qtbot,
    window_at,
    larger_vi,
):
    desk = window_at((1024, 700), mode="garments")
    race = race_shown(qtbot, desk, 0)  # Optimisers: SGD, SGD + momentum, Adam
    QApplication.processEvents()
    boxes = [row.optimizer for row in race.rows]
    assert [box.currentText() for box in boxes] == ["SGD", "SGD + quán tính", "Adam"]
    momentum = boxes[1]
    qtbot.waitUntil(lambda: momentum.drawn_text() != "", timeout=WAIT_MS)
    drawn = momentum.drawn_text()
    assert drawn == "SGD + quán tính" or drawn.startswith("quán"), drawn
    assert boxes[0].drawn_text() == "SGD" and boxes[2].drawn_text() == "Adam"
