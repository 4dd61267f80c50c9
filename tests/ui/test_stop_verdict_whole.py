"""The progress bar's word on a run stopped mid-epoch is said whole at 1024x700 (fixU #5: "…after
epoch 6 and 97 batches of epo…" at Larger text): while its model is tested and saved, and after."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from nndesk.training.loop import RunEnded
from tests.ui.conftest import xvfb_desktop_text
from tests.ui.test_layout import WAIT_MS


@pytest.mark.parametrize(
    ("code", "larger"),
    [("vi", True), ("en", True), ("vi", False)],
    ids=["vi-larger", "en-larger", "vi"],
)
def test_a_stop_mid_epoch_is_said_whole_on_the_bar_at_1024x700(
    qtbot, qapp, window_at, tiny_data_dir, normal_text_after, speaking, code, larger
):
    speaking(code)
    xvfb_desktop_text(qapp, larger=larger)
    desk = window_at((1024, 700))
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.progress.isVisible, timeout=WAIT_MS)
    ended = RunEnded(
        "stopped", "stopped by request after epoch 6 and 97 …", 6, batches_into_next=97
    )
    page._on_controller_run_ended(ended)  # noqa: SLF001 - the run's end as the controller says it
    QApplication.processEvents()
    bar = page.progress
    testing = bar.shown_text()
    # whole, or whole without its "· testing and saving the model…" (the line under it says
    # "Testing the model…", "Saving the model…")
    assert testing in (bar.text(), page._verdict_text()), f"{testing!r} of {bar.text()!r}"  # noqa: SLF001
    assert "6" in testing and "97" in testing, testing
    page._show_verdict()  # noqa: SLF001 - as once its model is saved (_on_controller_run_saved)
    QApplication.processEvents()
    assert bar.shown_text() == bar.text(), bar.text()
    assert "6" in bar.text() and "97" in bar.text()
