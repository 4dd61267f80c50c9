"""Status-bar messages fit beside the permanent widgets at 1024 px (probe 16d F3)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics

from nndesk.inference import Classifier
from nndesk.ui.status_line import fit_status, room_for_message

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")

LONG = (
    "train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz are missing from "
    "/work/probe16d/some/deeply/nested/t10k-only: training needs all four Fashion-MNIST "
    "files. Download Fashion-MNIST, or choose a folder holding them."
)


def test_a_long_message_naming_a_folder_fits_beside_the_model_and_accuracy_at_1024_px(
    qtbot, window_factory, tiny_model_file
):
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window = desk.window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    bar = window.statusBar()
    desk.train_page.status_message.emit(LONG)
    shown = bar.currentMessage()
    assert shown != LONG and shown  # shortened on purpose, not cut by the permanent widgets
    assert bar.fontMetrics().horizontalAdvance(shown) <= room_for_message(window)
    assert bar.toolTip() == LONG  # the whole text is one hover away
    desk.train_page.status_message.emit("Saved /tmp/x.npz")  # a short one shows as it is
    assert bar.currentMessage() == "Saved /tmp/x.npz" and bar.toolTip() == ""


def test_the_folder_is_elided_in_the_middle_before_the_sentence_loses_its_end(qapp):
    metrics = QFontMetrics(QFont())
    text = "Model saved: /home/someone/projects/nndesk/runs/2026-12-02-fashion/model.npz"
    width = metrics.horizontalAdvance(text) - metrics.averageCharWidth() * 10
    shown = fit_status(text, metrics, width)
    assert shown.startswith("Model saved: /home") and shown.endswith("model.npz")
    assert "…" in shown and metrics.horizontalAdvance(shown) <= width


@given(st.text(min_size=0, max_size=200), st.integers(min_value=0, max_value=900))
def test_any_message_fits_any_room(qapp, text, width):
    metrics = QFontMetrics(QFont())
    shown = fit_status(text, metrics, width)
    assert metrics.horizontalAdvance(shown) <= width or shown == ""
    if metrics.horizontalAdvance(text) <= width:
        assert shown == text
