"""Training curves drawn with matplotlib on given Axes; no Qt, so tests run them under Agg.

Three panels share an x axis in epochs: per-batch loss (light) with its moving average, per-epoch
train and validation loss, per-epoch train and validation accuracy. ``LiveCurves`` creates its
lines once and then only moves their data; ``plot_overlay`` compares finished runs.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from nndesk.fileio import atomic_path
from nndesk.runs import Curves

TRAIN_COLOR = "#1f77b4"
VAL_COLOR = "#d62728"
BATCH_COLOR = "#9ecae1"
LR_COLOR = "#6a51a3"
#: Colours for overlaid runs (tab10 without the live-plot blue/red pair first).
RUN_COLORS = ("#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")


def moving_average(values: Sequence[float] | np.ndarray, window: int) -> np.ndarray:
    """Trailing mean over ``window`` points (fewer at the start); NaNs are skipped.

    Parameters
    ----------
    values : (n,) floats
    window : int >= 1

    Returns
    -------
    (n,) float64, where element i is the mean of the finite values in ``values[i-window+1 : i+1]``.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.size == 0:
        return v
    finite = np.isfinite(v)
    csum = np.concatenate(([0.0], np.cumsum(np.where(finite, v, 0.0))))
    ccount = np.concatenate(([0], np.cumsum(finite)))
    hi = np.arange(1, v.size + 1)
    lo = np.maximum(hi - max(int(window), 1), 0)
    count = ccount[hi] - ccount[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, (csum[hi] - csum[lo]) / np.maximum(count, 1), np.nan)


def smoothing_window(n_batches_per_epoch: int | None, n_points: int) -> int:
    """A moving-average window: about a fifth of an epoch, between 5 and 200 batches."""
    base = n_batches_per_epoch // 5 if n_batches_per_epoch else n_points // 20
    return int(min(max(base, 5), 200))


def style_axes(ax_batch: Axes, ax_loss: Axes, ax_acc: Axes) -> None:
    """Titles, labels, grids and tick formats shared by the live and the overlay plots."""
    for ax, title, ylabel in (
        (ax_batch, "Loss per batch", "loss"),
        (ax_loss, "Loss per epoch", "loss"),
        (ax_acc, "Accuracy per epoch", "accuracy"),
    ):
        ax.set_title(title, fontsize=10, loc="left")
        ax.set_xlabel("epoch", fontsize=9)
        ax.set_ylabel(ylabel, fontsize=9)
        ax.tick_params(labelsize=8)
        ax.grid(True, color="#e5e5e5", linewidth=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=ax is not ax_batch))
    ax_acc.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def _xy(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


class LiveCurves:
    """The live plot: lines made once on three Axes, then ``update`` only moves their data."""

    def __init__(self, ax_batch: Axes, ax_loss: Axes, ax_acc: Axes) -> None:
        self.axes = (ax_batch, ax_loss, ax_acc)
        style_axes(ax_batch, ax_loss, ax_acc)
        (self.batch_line,) = ax_batch.plot([], [], color=BATCH_COLOR, lw=0.8, label="batch")
        (self.batch_avg_line,) = ax_batch.plot(
            [], [], color=TRAIN_COLOR, lw=1.8, label="moving average"
        )
        (self.train_loss_line,) = ax_loss.plot(
            [], [], "o-", color=TRAIN_COLOR, ms=4, lw=1.8, label="train"
        )
        (self.val_loss_line,) = ax_loss.plot(
            [], [], "s-", color=VAL_COLOR, ms=4, lw=1.8, label="validation"
        )
        (self.train_acc_line,) = ax_acc.plot(
            [], [], "o-", color=TRAIN_COLOR, ms=4, lw=1.8, label="train"
        )
        (self.val_acc_line,) = ax_acc.plot(
            [], [], "s-", color=VAL_COLOR, ms=4, lw=1.8, label="validation"
        )
        # fixed legend places: loc="best" is searched on every draw, too slow for a live plot
        for ax, loc in zip(self.axes, ("upper right", "upper right", "lower right"), strict=True):
            ax.legend(loc=loc, fontsize=8, frameon=False)
        self._lr_marks: list = []
        self._lr_marked = 0
        self.batches_per_epoch: int | None = None

    @property
    def lines(self) -> tuple:
        """Every data line, in a fixed order (the same objects for the plot's lifetime)."""
        return (
            self.batch_line,
            self.batch_avg_line,
            self.train_loss_line,
            self.val_loss_line,
            self.train_acc_line,
            self.val_acc_line,
        )

    def update(self, curves: Curves) -> None:
        """Move every line to ``curves`` and rescale; the caller then calls ``draw_idle``."""
        bx, bl = _xy(curves.batch_x, curves.batch_loss)
        self.batch_line.set_data(bx, bl)
        window = smoothing_window(self.batches_per_epoch, len(bl))
        self.batch_avg_line.set_data(bx, moving_average(bl, window))
        ex = np.asarray(curves.epochs, dtype=np.float64)
        self.train_loss_line.set_data(*_xy(ex, curves.train_loss))
        self.val_loss_line.set_data(*_xy(ex, curves.val_loss))
        self.train_acc_line.set_data(*_xy(ex, curves.train_accuracy))
        self.val_acc_line.set_data(*_xy(ex, curves.val_accuracy))
        if len(curves.lr_changes) < self._lr_marked:
            self.clear_lr_marks()
        for x, lr in curves.lr_changes[self._lr_marked :]:
            self._lr_marks.extend(mark_lr_change(self.axes, x, lr))
        self._lr_marked = len(curves.lr_changes)
        for ax in self.axes:
            ax.relim(visible_only=True)
            ax.autoscale_view()
        self._pad_limits(curves)

    def _pad_limits(self, curves: Curves) -> None:
        # keep the epoch axis from starting at a single point, and the loss floor at zero
        ax_batch, ax_loss, ax_acc = self.axes
        right = max(1.0, math.ceil(curves.last_x) if curves.batch_x else len(curves.epochs))
        ax_batch.set_xlim(0, right)
        if curves.epochs:
            last = max(curves.epochs[-1], 2)
            first = min(curves.epochs[0], 1)
            for ax in (ax_loss, ax_acc):
                ax.set_xlim(first - 0.2, last + 0.2)
        finite = [v for v in curves.batch_loss if math.isfinite(v)]
        if finite:
            top = float(np.percentile(finite, 99)) * 1.05
            ax_batch.set_ylim(0, max(top, 1e-6))

    def clear_lr_marks(self) -> None:
        for artist in self._lr_marks:
            artist.remove()
        self._lr_marks.clear()
        self._lr_marked = 0

    def reset(self) -> None:
        """Empty every line (a new run starts)."""
        self.clear_lr_marks()
        self.update(Curves())


def mark_lr_change(axes: Sequence[Axes], x: float, lr: float) -> list:
    """A dotted vertical line at ``x`` on each Axes, labelled on the first with the new rate."""
    artists = [ax.axvline(x, color=LR_COLOR, ls=":", lw=1.2) for ax in axes]
    artists.append(
        axes[0].annotate(
            f"lr {lr:g}",
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -10),
            textcoords="offset points",
            color=LR_COLOR,
            fontsize=8,
        )
    )
    return artists


def plot_overlay(
    ax_batch: Axes, ax_loss: Axes, ax_acc: Axes, runs: Sequence[tuple[str, Curves]]
) -> None:
    """Compare runs: each gets one colour; validation solid, train dashed, batch loss smoothed."""
    for ax in (ax_batch, ax_loss, ax_acc):
        ax.clear()
    style_axes(ax_batch, ax_loss, ax_acc)
    for i, (label, curves) in enumerate(runs):
        color = RUN_COLORS[i % len(RUN_COLORS)]
        if curves.batch_x:
            bx, bl = _xy(curves.batch_x, curves.batch_loss)
            per_epoch = len(bx) / max(math.ceil(bx[-1]), 1)
            smooth = moving_average(bl, smoothing_window(int(per_epoch), len(bl)))
            ax_batch.plot(bx, smooth, color=color, lw=1.5, label=label)
        ex = np.asarray(curves.epochs, dtype=np.float64)
        ax_loss.plot(ex, curves.val_loss, "s-", color=color, ms=3, lw=1.6, label=label)
        ax_loss.plot(ex, curves.train_loss, "o--", color=color, ms=3, lw=1.0, alpha=0.7)
        ax_acc.plot(ex, curves.val_accuracy, "s-", color=color, ms=3, lw=1.6, label=label)
        ax_acc.plot(ex, curves.train_accuracy, "o--", color=color, ms=3, lw=1.0, alpha=0.7)
        for x, _lr in curves.lr_changes:
            for ax in (ax_batch, ax_loss, ax_acc):
                ax.axvline(x, color=color, ls=":", lw=1.0)
    if runs:
        ax_acc.legend(loc="lower right", fontsize=7, frameon=False)
        ax_loss.text(
            0.99,
            0.98,
            "solid: validation   dashed: train",
            transform=ax_loss.transAxes,
            ha="right",
            va="top",
            fontsize=7,
            color="#555555",
        )


def make_figure(width: float = 12.0, height: float = 3.6) -> tuple[Figure, tuple[Axes, Axes, Axes]]:
    """A Qt-free Figure with the three curve Axes side by side."""
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(1, 3)
    return fig, (axes[0], axes[1], axes[2])


def save_curves_png(
    runs: Sequence[tuple[str, Curves]], path: str | os.PathLike, dpi: int = 120
) -> Path:
    """Render one run (live style) or several (overlay) to a PNG, atomically."""
    fig, axes = make_figure()
    if len(runs) == 1:
        live = LiveCurves(*axes)
        live.update(runs[0][1])
        fig.suptitle(runs[0][0], fontsize=10)
    else:
        plot_overlay(*axes, runs)
    path = Path(path)
    with atomic_path(path, suffix=".png") as tmp:
        fig.savefig(tmp, dpi=dpi, format="png")
    return path
