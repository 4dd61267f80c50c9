"""The Live plot redraws less often while a run's batches are split over every core (speed57):
its redraws, ~9 a second at ~18 ms, shared the two cores the run's parts hold."""

from __future__ import annotations

import warnings

import pytest

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.training import runtime
from nndesk.ui.plot_widget import BUSY_REDRAW_MS, MIN_REDRAW_MS

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")


def _paces_while_training(qtbot, page, config) -> set[int]:
    """The Live plot's least interval between redraws at each group of batch reports of a run
    of ``config`` on the Train ``page``."""
    seen: set[int] = set()
    page.controller.batches_finished.connect(lambda _: seen.add(page.plot.min_interval_ms))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with qtbot.waitSignal(page.controller.run_saved, timeout=60_000):
            assert page.start_training(config)
        qtbot.waitUntil(lambda: not page.controller.is_running(), timeout=60_000)
    return seen


def test_the_live_plot_redraws_less_often_while_a_run_holds_every_core(
    qtbot, window_factory, tiny_idx_dir, monkeypatch
):
    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", False)  # its parts on threads: quicker
    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    base = page.form.config().replace(dataset="mnist", epochs=1, batch_size=32, val_fraction=0.1)
    split = base.replace(arch="784-c4v-p-c8v-p-16-10", threads=2)
    assert _paces_while_training(qtbot, page, split) == {BUSY_REDRAW_MS}
    assert page.plot.min_interval_ms == MIN_REDRAW_MS  # the run is over
    one_thread = base.replace(arch="784-16-10", threads=1)
    assert _paces_while_training(qtbot, page, one_thread) == {MIN_REDRAW_MS}
