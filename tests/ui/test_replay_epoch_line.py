"""Replay's epoch line at Larger text in Vietnamese at 1024x700: the preset's name led the
epoch's words ("fashion-mlp-lab, đã sửa · Epoch 1/1") on one line, which squeezed the slider to
~8 px and cut the line (fixW, s66). The name now has a line of its own over the slider's."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from nndesk.presets import PresetOrigin
from tests.ui.test_layout import WAIT_MS, cut_widgets, show_at
from tests.ui.test_projector_pages import _replay_record

#: px the slider keeps at least: a drag over a few epochs needs a track to drag along
SLIDER_LEAST = 100


def test_the_epoch_line_keeps_the_slider_and_its_words_whole(
    qtbot,
    window_factory,
    stroke_classifier,
    larger_vi,
):
    desk = window_factory(classifier=stroke_classifier, mode="garments")
    window = show_at(desk, (1024, 700))
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.replay_page)
    view = page.replay_view
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    record = _replay_record()
    record.preset = PresetOrigin("fashion-mlp-lab", changed=True)
    view.show_record(record)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: "fashion-mlp-lab" in view.run_label.text(), timeout=WAIT_MS)
    QApplication.processEvents()
    assert view.run_label.isVisible()
    assert view.slider.width() >= SLIDER_LEAST
    for label in (view.run_label, view.accuracy_label):  # wrapped, whole
        assert label.height() >= label.heightForWidth(label.width())
    assert cut_widgets(window) == []  # the epoch's own words among them
