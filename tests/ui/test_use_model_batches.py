"""Runs > Use model puts the run's own curves on the Live tab, batch for batch: the model file
holds its history per epoch only, and the batch-loss plot stayed empty (verify65)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from nndesk.controllers.training import run_curves_of
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    tiny_dataset,
    wait_until_idle,
)


def test_use_model_shows_the_runs_batch_losses(qtbot, panel):  # noqa: F811
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    run_id = panel.controller.record.run_id
    trained = panel.curves.copy()
    assert len(trained.batch_x) > 10
    panel.runs_view.refresh()
    panel.runs_view.select_runs([run_id])
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        qtbot.mouseClick(panel.runs_view.use_button, Qt.MouseButton.LeftButton)
    assert panel.curves.epochs == trained.epochs == [1, 2]
    np.testing.assert_allclose(panel.curves.batch_x, trained.batch_x)
    np.testing.assert_allclose(panel.curves.batch_loss, trained.batch_loss, rtol=1e-6)
    qtbot.waitUntil(lambda: not panel.plot.draw_pending(), timeout=WAIT_MS)
    assert len(panel.live.batch_avg_line.get_xdata()) > 10  # drawn, not an empty plot


def test_a_model_file_outside_a_run_folder_has_no_run_curves(tmp_path):
    loose = tmp_path / "model.npz"
    loose.write_bytes(b"not read")
    assert run_curves_of(loose) is None
    (tmp_path / "run.json").write_text("{damaged")
    assert run_curves_of(loose) is None  # a damaged record: the model opens per epoch
