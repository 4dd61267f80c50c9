"""Curve plots under Agg: lines are made once, hold one point per epoch, export to PNG."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from nndesk.curves import LiveCurves, moving_average, plot_overlay, save_curves_png
from nndesk.runs import Curves
from tests.test_runs import two_epoch_curves


def test_moving_average_is_a_trailing_mean_that_skips_nans():
    out = moving_average([1.0, 3.0, np.nan, 5.0, 7.0], window=2)
    np.testing.assert_allclose(out, [1.0, 2.0, 3.0, 5.0, 6.0])
    assert moving_average([], 5).size == 0


def test_moving_average_matches_a_direct_computation():
    rng = np.random.default_rng(1)
    v = rng.normal(size=50)
    out = moving_average(v, 7)
    expected = [v[max(0, i - 6) : i + 1].mean() for i in range(50)]
    np.testing.assert_allclose(out, expected)


def live_plot():
    fig = Figure()
    axes = fig.subplots(1, 3)
    return fig, LiveCurves(*axes)


def test_live_lines_are_created_once_and_hold_one_point_per_epoch():
    fig, live = live_plot()
    lines_before = live.lines
    n_lines = [len(ax.lines) for ax in live.axes]
    curves = Curves()
    for e in (1, 2, 3):
        for b in (1, 2):
            curves.add_batch(type("B", (), dict(epoch=e, batch=b, batches=2, loss=1.0 / e))())
        curves.add_epoch(
            type(
                "E",
                (),
                dict(
                    epoch=e,
                    train_loss=1.0 / e,
                    train_accuracy=0.5 + e / 10,
                    val_loss=1.2 / e,
                    val_accuracy=0.4 + e / 10,
                    lr=0.1,
                    seconds=1.0,
                ),
            )()
        )
        live.update(curves)
        fig.canvas.draw()
    assert live.lines == lines_before
    assert [len(ax.lines) for ax in live.axes] == n_lines
    assert list(live.train_loss_line.get_xdata()) == [1.0, 2.0, 3.0]
    assert list(live.val_acc_line.get_ydata()) == pytest.approx([0.5, 0.6, 0.7])
    assert len(live.batch_line.get_xdata()) == 6
    lo, hi = live.axes[2].get_ylim()
    assert lo <= 0.5 and hi >= 0.7


def test_lr_changes_are_marked_once_on_every_axes():
    fig, live = live_plot()
    curves = two_epoch_curves()
    live.update(curves)
    live.update(curves)
    for ax in live.axes:
        marks = [ln for ln in ax.lines if ln.get_linestyle() == ":"]
        assert len(marks) == 1 and marks[0].get_xdata()[0] == 1.5
    live.reset()
    assert all(not [ln for ln in ax.lines if ln.get_linestyle() == ":"] for ax in live.axes)
    assert len(live.train_loss_line.get_xdata()) == 0


def test_overlay_draws_one_colour_per_run():
    fig = Figure()
    axes = fig.subplots(1, 3)
    a, b = two_epoch_curves(), two_epoch_curves()
    b.val_accuracy = [0.3, 0.4]
    plot_overlay(*axes, [("64 neurons", a), ("128 neurons", b)])
    colours = {ln.get_color() for ln in axes[2].lines if ln.get_linestyle() == "-"}
    assert len(colours) == 2
    assert [t.get_text() for t in axes[2].get_legend().get_texts()] == [
        "64 neurons",
        "128 neurons",
    ]


@pytest.mark.parametrize("n_runs", [1, 2])
def test_curves_export_to_a_png(tmp_path, n_runs):
    runs = [(f"run {i}", two_epoch_curves()) for i in range(n_runs)]
    path = save_curves_png(runs, tmp_path / "c.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert list(tmp_path.iterdir()) == [path]
