"""The Why page's note under "Most active hidden units" is whole from the moment it is said
(walk57 #17: at the start, with a CNN in use, it was painted cut at top and bottom until the
layouts above it caught up, some event-loop turns later: 0.5 s under load at 1024x700 vi)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from nndesk.inference import Classifier
from tests.conftest import save_tiny_digit_model
from tests.ui.test_layout import WAIT_MS, show_at
from tests.ui.test_layout_wrapped import language_code  # noqa: F401 - a fixture


@pytest.fixture
def tiny_cnn_file(tmp_path):
    """A randomly initialised small CNN with digit names, saved like a trained one."""
    return save_tiny_digit_model(tmp_path / "tiny-cnn.npz", "784-c4-p-10")


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
def test_the_cnn_note_is_whole_as_soon_as_it_is_said(
    qtbot,
    window_factory,
    tiny_cnn_file,
    language_code,  # noqa: F811 - the fixture
    size,
):
    desk = window_factory()
    window = show_at(desk, size)
    why = desk.why_page
    window.tabs.setCurrentWidget(why)
    qtbot.waitUntil(why.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    note = why.units_note
    assert note.height() >= note.heightForWidth(note.width())  # "No model loaded.": one line
    why.set_classifier(Classifier.from_file(tiny_cnn_file))  # no event handled since
    assert "CNN" in note.text()
    assert note.height() >= note.heightForWidth(note.width()), note.text()
