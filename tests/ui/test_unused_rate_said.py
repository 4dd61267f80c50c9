"""A rate set while paused and never used by a batch: after Stop the status bar says so, not
"From the next batch: lr 0.003" under a headline naming the run's own rate (verify65 #12)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    slow_panel,
    tiny_dataset,
    wait_until_idle,
)


def test_a_rate_set_while_paused_and_never_used_is_said_unused_after_stop(qtbot, slow_panel):  # noqa: F811
    panel = slow_panel
    panel.form.lr.setText("0.001")
    assert panel.start_training(panel.form.config().replace(epochs=3))
    panel.controller.pause()  # held before its first batch: the data waits for the test
    panel.loaded.set()
    qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)
    panel.controller.step()  # one batch, at its own rate
    qtbot.waitUntil(lambda: panel.run_state.last_batch is not None, timeout=WAIT_MS)
    said = []
    panel.status_message.connect(said.append)
    panel.live_lr.selectAll()
    qtbot.keyClicks(panel.live_lr, "0.003")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    assert said == ["From the next batch: lr 0.003"]
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    assert "Not used: lr 0.003. The run ended before its next batch." in said, said
    later = said[said.index("Not used: lr 0.003. The run ended before its next batch.") :]
    assert not any("0.003" in line for line in later[1:]), said
    assert "lr=0.001" in panel.title.text() and "0.003" not in panel.title.text()
    assert panel.live_lr.text() == "0.001"
