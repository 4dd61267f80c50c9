"""The Live tab while another page or tab is shown: its picture is kept recent, so back on it
the run's curves are there at once (walk65 D28: one point at 0 and empty epoch charts at
"Epoch 2/5" for ~15 s on a loaded machine, the picture of when the tab was left)."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import to_rgb
from PySide6.QtWidgets import QLabel, QTabWidget

from nndesk.curves.style import TRAIN_COLOR
from nndesk.run_curves import Curves
from nndesk.ui import plot_widget
from tests.test_runs import batch, epoch_report
from tests.ui.conftest import shown_widget

WAIT_MS = 60_000  # a bound for a failure only: a condition met sooner ends the wait


def _grow(curves: Curves, epoch: int) -> None:
    """One epoch of 40 batches and its end."""
    for b in range(1, 41):
        curves.add_batch(batch(epoch, b, 40, 2.0 / (epoch + b / 40)))
    curves.add_epoch(epoch_report(epoch, 1.0 / epoch, 1.1 / epoch, 0.7 + epoch / 20, 0.65))


def _train_pixels(page, ax) -> int:
    """Pixels of the train curve's colour inside ``ax`` on the canvas's picture."""
    image = np.asarray(page.plot.canvas.get_renderer().buffer_rgba())
    box = ax.bbox
    height = image.shape[0]
    part = image[height - int(box.y1) : height - int(box.y0), int(box.x0) : int(box.x1), :3]
    want = np.array([round(255 * c) for c in to_rgb(TRAIN_COLOR)], np.int16)
    return int((np.abs(part.astype(np.int16) - want).max(axis=2) <= 8).sum())


def test_back_on_the_live_tab_the_runs_curves_are_there_at_once(qtbot, monkeypatch):
    from nndesk.ui.live_page import LivePage

    monkeypatch.setattr(plot_widget, "HIDDEN_REDRAW_MS", 0)  # no wait between hidden draws
    curves = Curves()
    page = LivePage(lambda: curves, experiment=lambda: None, written=None)
    tabs = QTabWidget()
    tabs.addTab(page, "Live")
    tabs.addTab(QLabel("another tab"), "Runs")
    shown_widget(qtbot, tabs, (900, 600))
    page.live.set_span(1, 5)
    _grow(curves, 1)
    page.plot.request_draw(full=True)
    qtbot.waitUntil(lambda: page.plot.full_draw_count > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
    _, ax_loss, _ = page.live.axes
    left = _train_pixels(page, ax_loss)  # epoch 1's point
    tabs.setCurrentIndex(1)  # the tab left while the run goes on: three epochs more
    for epoch in (2, 3, 4):
        _grow(curves, epoch)
        page.plot.request_draw()
    qtbot.waitUntil(lambda: _train_pixels(page, ax_loss) > left, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
    tabs.setCurrentIndex(0)
    # back on it: no full draw to wait for, the picture already holds the four epochs
    assert page.plot.canvas.steps_pending() is False
    np.testing.assert_allclose(page.live.train_loss_line.get_xdata(), [1, 2, 3, 4])
