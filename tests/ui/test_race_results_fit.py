"""The Race results of four labs fit a projector's Race tab (fixG): at 1024x768 in Vietnamese at
Larger text a lab's name ("mnist-relu-sigmoid-raw, tốc độ học 0,01, Adam") was counted as
unbreakable words, so the four lanes' least made the table wider than the tab, a sideways
scroll. Qt wraps a name after a hyphen before a letter; the table counts its words so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from nndesk.controllers.race import LaneResult

#: the lanes' names of a race of four MNIST labs as the table got them (seen on Xvfb)
LABS = (
    "mnist-sigmoid-raw, tốc độ học 0,01, Adam",
    "mnist-relu-sigmoid-raw, tốc độ học 0,01, Adam",
    "mnist-gd, ReLU, tốc độ học 0,5, hạ gradient (toàn bộ batch)",
    "mnist-sigmoid-plus, tốc độ học 0,01, Adam",
)


def test_four_labs_results_fit_the_race_tab_at_larger_text_in_vietnamese(
    qtbot,
    larger_vi,
):
    from nndesk.ui.race_results import RaceTable

    table = RaceTable()
    qtbot.addWidget(table)
    results = tuple(
        LaneResult(lane, name, "completed", "", 1, 0.1357, 0.824, 0.83, 29.6)
        for lane, name in enumerate(LABS)
    )
    table.fill(results, lambda lane: True, lambda lane: None)
    table.resize(455, 400)  # the Race tab's width at 1024x768, Larger text
    table.show()
    QApplication.processEvents()
    assert table.least_width() <= 455
    assert table.horizontalScrollBar().maximum() == 0, "the results scroll sideways"
    for lane in range(len(LABS)):  # each name wrapped whole in its column
        item = table.item(0, lane + 1)
        rect = table.visualItemRect(item)
        wrap = int(item.textAlignment()) | Qt.TextFlag.TextWordWrap.value
        text = QFontMetrics(item.font()).boundingRect(rect, wrap, item.text())  # bold
        assert text.width() <= rect.width(), item.text()
