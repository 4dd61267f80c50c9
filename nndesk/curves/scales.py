"""The plots' limits and scales: whole epochs on the x axis, loss axes from 0 that move only
when the data leaves them, and a log loss axis when runs' losses lie powers of ten apart."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes

from nndesk.i18n import N_, shown
from nndesk.viz import localise_ticks


def finite_values(values) -> np.ndarray:
    v = np.asarray(values, dtype=np.float64)
    return v[np.isfinite(v)]


def as_xy(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def spike_free_top(losses: np.ndarray, width: int = 5) -> float:
    """The highest ``losses`` (n,) stay for ``width`` batches running (their median): a run's
    start stays in view (the lesson's "it starts at ln 2 and falls"), while one wild batch
    does not flatten the rest. 0 for no losses."""
    if losses.size < width:
        return float(losses.max()) if losses.size else 0.0
    runs = np.lib.stride_tricks.sliding_window_view(losses, width)  # (n - width + 1, width)
    return float(np.median(runs, axis=1).max())


def set_lim(ax: Axes, which: str, lim: tuple[float, float]) -> bool:
    """Set x or y limits; True if they changed."""
    get, set_ = (ax.get_xlim, ax.set_xlim) if which == "x" else (ax.get_ylim, ax.set_ylim)
    if np.allclose(get(), lim, rtol=1e-9, atol=1e-12):
        return False
    set_(*lim)
    return True


def span_epochs(ax: Axes, first: int, last: int) -> bool:
    """Fix a per-epoch plot's x axis (``style_axes``) to the epochs ``first``..``last``, half
    an epoch either side: whole-number ticks over the run's (or race's) epochs from its first
    batch, the single tick 1 for a one-epoch run (the Train page's read 1-2). True if the
    limits changed. The Race's and the Train page's epoch plots both place their axes here."""
    return set_lim(ax, "x", (first - 0.5, max(last, first) + 0.5))


def sticky_top(ax: Axes, data_top: float) -> bool:
    """Loss axes start at 0; the top moves only when the data leaves it or drops under 45%."""
    current = ax.get_ylim()[1]
    if data_top <= 0:
        return set_lim(ax, "y", (0.0, current))
    if data_top > current or data_top < 0.45 * current:
        return set_lim(ax, "y", (0.0, nice_ceiling(data_top * 1.1)))
    return set_lim(ax, "y", (0.0, current))


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten) >= ``value``."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * 10.0**exp >= value * (1 - 1e-9):
            return step * 10.0**exp
    return 10.0 ** (exp + 1)


#: A loss plot turns logarithmic when a lane's highest drawn batch loss stands this many times
#: above the lowest lane's median: ReLU on raw pixels starts at 80-250 while it (and a sigmoid
#: lane beside it) settles at 0.05-0.3, and a linear axis up to 250 drew them flat on zero
#: (walk51 D3). The highest value, not a percentile: the spike stays drawn to the end, while a
#: 99th percentile forgot it once it was under 1 % of the batches and put a 10-epoch race back
#: on a linear axis mid-run, a spike and two flat lines (walk54 D0: 99th percentile 79 at 200
#: batches, 1.7 at 4,690, highest 173, median 0.047). An ordinary run (2.3 falling to 0.02-0.3,
#: measured 4-16 times, a long MNIST run some 100-200) keeps its linear axis.
LOG_LOSS_SPREAD = 300.0
#: A plot already on a log axis keeps it while the spread stays above this: a median that
#: wobbles near the line must not flip the axis back and forth within a run.
KEEP_LOG_SPREAD = 30.0


def loss_spread(lanes: Sequence[Sequence[float]]) -> float:
    """The highest positive finite loss of ``lanes`` over the lowest lane's median (0 when
    there is none): how many times the top of a loss plot stands above its lowest lane."""
    tops, middles = [], []
    for losses in lanes:
        v = finite_values(losses)
        v = v[v > 0]
        if v.size:
            tops.append(float(v.max()))
            middles.append(float(np.median(v)))
    return max(tops) / min(middles) if middles else 0.0


def wide_losses(lanes: Sequence[Sequence[float]], log_now: bool = False) -> bool:
    """Whether the batch losses of ``lanes`` (one sequence a run or a race lane) span so many
    powers of ten that only a log axis shows every lane: ``LOG_LOSS_SPREAD``, or
    ``KEEP_LOG_SPREAD`` for a plot ``log_now`` (on a log axis already)."""
    return loss_spread(lanes) >= (KEEP_LOG_SPREAD if log_now else LOG_LOSS_SPREAD)


def log_loss_limits(values: Sequence[float] | np.ndarray) -> tuple[float, float] | None:
    """Log-axis limits that hold every positive finite loss of ``values``: from 1, 2 or 5 times
    a power of ten under the lowest to a round number over the highest (few steps, so a live
    plot's limits rarely move); None when there is none."""
    v = finite_values(values)
    v = v[v > 0]
    if not v.size:
        return None
    least = float(v.min()) / 1.1
    power = 10.0 ** math.floor(math.log10(least))
    low = max(step * power for step in (1.0, 2.0, 5.0) if step * power <= least)
    return low, max(nice_ceiling(float(v.max()) * 1.1), low * 10)


def set_loss_scale(axes: Sequence[Axes], log: bool) -> bool:
    """Put the loss plots ``axes`` (the batch plot, then the epoch plot) on a log (or linear) y
    axis, their titles saying which; True when that changed. The epoch plot follows the batch
    plot: one quantity, one scale. The title says it, not the y label: "mất mát (thang log)"
    ran past the height of a 1024x700 window's short epoch plot."""
    scale = "log" if log else "linear"
    changed = False
    titles = (
        (N_("Loss per batch"), N_("Loss per batch (log scale)")),
        (N_("Loss per epoch"), N_("Loss per epoch (log scale)")),
    )
    for ax, (linear_title, log_title) in zip(axes, titles, strict=False):
        if ax.get_yscale() == scale:
            continue
        changed = True
        ax.set_yscale(scale)
        # the text only: its size and place stay as the layout fitted them (fit_titles)
        ax._left_title.set_text(shown(log_title if log else linear_title))  # noqa: SLF001
        if not log:
            ax.set_ylim(0.0, 1.0)  # the log limits mean nothing on a linear axis
        localise_ticks(ax)  # a new scale sets new formatters: they write TeX powers
        ax.tick_params(axis="y", which="both", labelsize=8)
    return changed
