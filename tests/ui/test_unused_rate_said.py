"""A rate set while paused and never used by a batch: after Stop the status bar says so, not
"From the next batch: lr 0.003" under a headline naming the run's own rate (verify65 #12), and
the line stays to be read: "Testing the model…", "Saving the model…" and "Model saved: …" each
took its place within a second (verify67 #2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from nndesk.ui import status_bar
from nndesk.ui.status_bar import ElidingStatusBar
from nndesk.ui.status_line import show_status
from nndesk.ui.status_rank import Notice, Progress
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    slow_panel,
    tiny_dataset,
    wait_until_idle,
)

UNUSED = "Not used: lr 0.003. The run ended before its next batch."


def test_a_rate_set_while_paused_and_never_used_is_said_unused_after_stop_and_stays(
    qtbot,
    slow_panel,  # noqa: F811
    monkeypatch,
):
    # a notice held longer than the test: testing and saving the tiny model must not take it
    monkeypatch.setattr(status_bar, "reading_ms", lambda text: 600_000)
    panel = slow_panel
    window = QMainWindow()  # the status bar as the app wires the page to it (app/wiring.py)
    qtbot.addWidget(window)
    window.setStatusBar(ElidingStatusBar())
    panel.status_message.connect(lambda message: show_status(window, message))
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
    assert UNUSED in said, said
    later = said[said.index(UNUSED) :]
    assert not any("0.003" in line for line in later[1:]), said
    assert isinstance(later[0], Notice)
    # the run's verdict, testing, saving and "Model saved" after it are progress lines
    assert later[1:] and all(isinstance(line, Progress) for line in later[1:]), later
    assert any(line.startswith("Model saved: ") for line in later), later
    # the status bar still shows it, and the line under the run buttons keeps it; the run's
    # progress went on beside it meanwhile, its newest line there now (s68 fixG: 5 s late)
    assert window.statusBar().currentMessage() == UNUSED
    assert window.statusBar().progress_aside() == later[-1], later
    assert panel.lr_error.text() == UNUSED and panel.lr_error.isVisibleTo(panel)
    assert "lr=0.001" in panel.title.text() and "0.003" not in panel.title.text()
    assert panel.live_lr.text() == "0.001"
    # a model put in use (Runs > Use model): the last run's note is not about it
    (record,) = panel.runs_view.records()
    with qtbot.waitSignal(panel.controller.model_opened, timeout=WAIT_MS):
        panel.runs_view.use_model_requested.emit(record.model_path)
    assert panel.lr_error.text() == ""
