"""PlotWidget: blits, redraws of only the Axes that changed, and full redraws give one picture."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.ui.plot_widget import PlotWidget
from tests.ui.conftest import exposed


@pytest.fixture
def plot(qtbot):
    widget = PlotWidget(figsize=(6, 4), min_interval_ms=0, freeze_layout=True)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    grid = widget.figure.add_gridspec(2, 2)
    top = widget.figure.add_subplot(grid[0, :])
    left, right = widget.figure.add_subplot(grid[1, 0]), widget.figure.add_subplot(grid[1, 1])
    for ax, title in ((top, "per batch"), (left, "per epoch"), (right, "accuracy")):
        ax.set_title(title)
        ax.set_ylabel("loss")
        ax.plot([0, 1], [0, 1], color="grey")  # a line that is part of the background
    (line,) = top.plot([0, 1], [0.2, 0.8], animated=True)
    widget.animated = [line]
    widget.changed: set | bool = False
    widget.before_draw = lambda: widget.changed
    exposed(qtbot, widget)
    widget.draw_now()
    qtbot.waitUntil(lambda: widget._background is not None)
    return widget, (top, left, right)


def pixels(widget: PlotWidget) -> np.ndarray:
    return np.asarray(widget.canvas.get_renderer().buffer_rgba()).copy()


def redraw(qtbot, widget: PlotWidget, changed) -> np.ndarray:
    widget.changed = changed
    widget._draw()  # what the throttle timer calls
    qtbot.waitUntil(lambda: not widget.draw_pending())  # the Axes may be drawn over turns
    return pixels(widget)


def full_redraw(qtbot, widget: PlotWidget) -> np.ndarray:
    widget.changed = False
    widget._background = None
    widget.draw_now()
    qtbot.waitUntil(lambda: widget._background is not None)
    return pixels(widget)


def test_redrawing_only_the_changed_axes_leaves_the_same_picture_as_a_full_redraw(qtbot, plot):
    widget, (top, left, right) = plot
    before = pixels(widget)
    top.set_ylim(0, 5)  # new tick labels, wider than the old ones
    left.set_xlim(-10, 1000)
    partial = redraw(qtbot, widget, {top, left})
    assert widget.partial_draw_count == 1 and widget.full_draw_count == 1
    assert (partial != before).any()  # the ticks moved
    assert np.array_equal(partial, full_redraw(qtbot, widget))  # and nothing stale is left


def test_changed_axes_are_drawn_over_turns_and_the_last_picture_is_painted_meanwhile(
    qtbot, plot, monkeypatch
):
    """Two Axes drawn again after an epoch were one 45-70 ms block: now an Axes a turn."""
    from nndesk.ui import plot_widget

    monkeypatch.setattr(plot_widget, "PIECE_MS", 0.0)  # one Axes a turn
    widget, (top, left, _) = plot
    before = widget.canvas.grab().toImage()
    top.set_ylim(0, 5)
    left.set_xlim(-10, 1000)
    meanwhile = []  # (Axes left to draw, the widget's picture) after each turn of them
    redraw_some = widget._redraw_some

    def watched():
        redraw_some()
        if widget._redrawing is not None:
            meanwhile.append((len(widget._redrawing), widget.canvas.grab().toImage()))

    monkeypatch.setattr(widget, "_redraw_some", watched)
    widget.changed = {top, left}
    widget._draw()
    assert widget.draw_pending() and widget.partial_draw_count == 0
    qtbot.waitUntil(lambda: not widget.draw_pending())
    assert [left_over for left_over, _ in meanwhile] == [1]
    assert all(shown == before for _, shown in meanwhile)  # not half of it
    assert widget.partial_draw_count == 1 and widget.full_draw_count == 1
    stepped = pixels(widget)
    assert np.array_equal(stepped, full_redraw(qtbot, widget))


def test_a_blit_keeps_the_background_and_moves_only_the_animated_line(qtbot, plot):
    widget, (top, _, _) = plot
    widget.animated[0].set_ydata([0.9, 0.1])
    blitted = redraw(qtbot, widget, set())
    assert widget.partial_draw_count == 0 and widget.full_draw_count == 1
    assert np.array_equal(blitted, full_redraw(qtbot, widget))


def test_true_from_before_draw_asks_for_a_full_redraw(qtbot, plot):
    widget, _ = plot
    redraw(qtbot, widget, True)
    assert widget.full_draw_count == 2 and widget.partial_draw_count == 0


def _epochs_curves(epochs: int, per_epoch: int = 4):
    from nndesk.run_curves import Curves

    curves = Curves()
    for e in range(1, epochs + 1):
        for b in range(1, per_epoch + 1):
            report = type("B", (), dict(epoch=e, batch=b, batches=per_epoch, batch_loss=2.0 / e))
            curves.add_batch(report())
        curves.epochs.append(e)
        curves.train_loss.append(2.0 / e)
        curves.val_loss.append(2.1 / e)
        curves.train_accuracy.append(0.9 + e / 200)
        curves.val_accuracy.append(0.88 + e / 200)
        curves.test_loss.append(float("nan"))
        curves.test_accuracy.append(float("nan"))
    return curves


def test_a_new_runs_epoch_plots_lose_the_last_runs_axes_at_its_start(qtbot):
    """Walk 43 item 7: after a 10-epoch run, a 1-epoch run's "Loss per epoch" and "Accuracy
    per epoch" kept the 1-10 axis and the old range until its end: the reset changed their
    limits, and the next draw, seeing no change since, only blitted the lines over them."""
    from nndesk.curves import LiveCurves
    from nndesk.run_curves import Curves

    widget = PlotWidget(figsize=(6, 4), min_interval_ms=0, freeze_layout=True)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    grid = widget.figure.add_gridspec(2, 2)
    axes = (widget.figure.add_subplot(grid[0, :]), widget.figure.add_subplot(grid[1, 0]))
    live = LiveCurves(*axes, widget.figure.add_subplot(grid[1, 1]), animated=True)
    widget.animated = list(live.lines)
    shown = {"curves": _epochs_curves(10)}

    def before_draw():
        live.update(shown["curves"])
        return live.changed_axes

    widget.before_draw = before_draw
    exposed(qtbot, widget)
    live.set_span(1, 10)
    widget.draw_now()
    qtbot.waitUntil(lambda: widget._background is not None)
    assert live.axes[1].get_xlim()[1] > 10
    # the page at a new run's click: the plot reset, the run's one epoch on the x axes
    shown["curves"] = Curves()
    live.reset()
    live.set_span(1, 1)
    live.expect_loss(np.log(10))
    widget._draw()  # what request_draw's timer calls
    qtbot.waitUntil(lambda: not widget.draw_pending())
    new_run = pixels(widget)
    assert live.axes[1].get_xlim()[1] < 3
    assert (new_run == full_redraw(qtbot, widget)).all()
