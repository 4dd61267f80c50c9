"""The Mistakes page's filters at 1024x700, Vietnamese, Larger text (walk65 D25): in the grid's
column, one tile wide, the class boxes were cut to "Áo thun/á▾" and the sort box to "Tự tin
n…▾". Across the page, each box writes its choice whole."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication

from nndesk.data.registry import DATASETS
from nndesk.ui.choice_box import edit_field_width
from tests.test_evaluation import toy_result
from tests.ui.test_layout import WAIT_MS


def _whole(box) -> bool:
    return box.fontMetrics().horizontalAdvance(box.currentText()) <= edit_field_width(box)


def test_the_filters_write_their_choices_whole_at_1024_in_vietnamese_at_larger_text(
    qtbot,
    window_at,
    larger_vi,
):
    desk = window_at((1024, 700), mode="garments")
    window = desk.window
    view = desk.mistakes_page
    view.saliency_box.setChecked(False)  # the toy model has no gradients to show
    names = DATASETS["fashion"].class_names
    result = toy_result()
    view.set_result(dataclasses.replace(result, class_names=names[: len(result.class_names)]))
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.grid.isVisible, timeout=WAIT_MS)
    view.set_filter(2, 0, "confidence")  # Áo len chui đầu taken for Áo thun/áo phông
    boxes = (view.true_combo, view.pred_combo, view.sort_combo)
    assert [box.currentText() for box in boxes] == [
        "Áo len chui đầu",
        "Áo thun/áo phông",
        "Tự tin nhất trước",
    ]
    QApplication.processEvents()
    qtbot.waitUntil(lambda: all(_whole(box) for box in boxes), timeout=WAIT_MS)
    for box in boxes:
        assert box.mapTo(window, box.rect().topRight()).x() <= window.width()
