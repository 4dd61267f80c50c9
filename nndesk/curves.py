"""Training curves drawn with matplotlib on given Axes; no Qt, so tests run them under Agg.

Three panels share an x axis in epochs: per-batch loss (light) with the mean of nearby batches,
per-epoch train and validation loss, per-epoch train and validation accuracy. ``LiveCurves``
creates its lines once and then only moves their data; ``plot_overlay`` compares finished runs.
"""

from __future__ import annotations

import math
import os
import weakref
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.textpath import text_to_path
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation

from nndesk.fileio import atomic_path
from nndesk.i18n import N_, Loss, fill, shown
from nndesk.runs import Curves
from nndesk.training.loop import DIVERGENCE_FACTOR
from nndesk.viz import PercentTicks, legend_label, localise_ticks, muted_colour

TRAIN_COLOR = "#1f77b4"
VAL_COLOR = "#d62728"
BATCH_COLOR = "#9ecae1"
LR_COLOR = "#6a51a3"
TEST_COLOR = "#2ca02c"
#: Above this many batches the light per-batch curve is drawn as a min-max band.
MAX_RAW_BATCH_POINTS = 800
#: Colours for overlaid runs (tab10 without the live-plot blue/red pair first).
RUN_COLORS = ("#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")


#: The share of the batches so far that ``nearby_mean`` reaches back (and on) at each point.
NEARBY_SHARE = 0.1
#: The fewest batches ``nearby_mean`` reaches back (and on) from each point.
NEARBY_MIN = 2


def nearby_mean(values: Sequence[float] | np.ndarray, window: int) -> np.ndarray:
    """The mean of the batches around each point: ``h`` before it and ``h`` after it, ``h`` a
    tenth of the batches up to it (at least ``NEARBY_MIN``, at most half of ``window``), fewer
    where the curve starts or ends; NaNs are skipped.

    A trailing mean over a fixed ``window`` lags behind a loss that falls fast: over the first
    fifth of an epoch it lay above almost every batch (walk 43 item 9). Centred, the mean runs
    through the middle of the points; its width grows with the curve, so it is narrow where
    the loss falls fast (the start) and ``window`` wide once the run is long. At the newest
    end only the batches before it exist: the last few points are trailing means.

    Parameters
    ----------
    values : (n,) floats
    window : int >= 1, the widest window

    Returns
    -------
    (n,) float64
    """
    v = np.asarray(values, dtype=np.float64)
    i = np.arange(v.size)
    half = np.ceil(NEARBY_SHARE * (i + 1)).astype(np.int64)
    half = np.minimum(np.maximum(half, NEARBY_MIN), max(int(window), 1) // 2)
    return _window_mean(v, np.maximum(i - half, 0), np.minimum(i + half, v.size - 1) + 1)


def _window_mean(v: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """(n,) means of the finite values in ``v[lo[i] : hi[i]]`` (NaN where there are none)."""
    if v.size == 0:
        return v
    finite = np.isfinite(v)
    csum = np.concatenate(([0.0], np.cumsum(np.where(finite, v, 0.0))))
    ccount = np.concatenate(([0], np.cumsum(finite)))
    count = ccount[hi] - ccount[lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, (csum[hi] - csum[lo]) / np.maximum(count, 1), np.nan)


def min_max_band(x: np.ndarray, y: np.ndarray, buckets: int) -> np.ndarray:
    """Outline (m, 2) of the min-max envelope of ``y`` over ``buckets`` equal runs of points."""
    n = len(x)
    size = -(-n // buckets)
    buckets = -(-n // size)  # every bucket holds at least one point
    pad = size * buckets - n
    yy = np.concatenate([y, np.full(pad, np.nan)]).reshape(buckets, size)
    keep = ~np.all(np.isnan(yy), axis=1)
    with np.errstate(all="ignore"):
        lo, hi = np.nanmin(yy[keep], axis=1), np.nanmax(yy[keep], axis=1)
    xs = x[np.minimum(np.arange(buckets) * size + size // 2, n - 1)][keep]
    return np.concatenate([np.column_stack([xs, hi]), np.column_stack([xs, lo])[::-1]])


def _with_last(v: np.ndarray, stride: int) -> np.ndarray:
    """Every ``stride``-th element, always ending with the last one."""
    if stride <= 1 or len(v) == 0:
        return v
    idx = np.arange(0, len(v), stride)
    if idx[-1] != len(v) - 1:
        idx = np.append(idx, len(v) - 1)
    return v[idx]


def smoothing_window(n_batches_per_epoch: int | None, n_points: int) -> int:
    """A moving-average window: about a fifth of an epoch, between 5 and 200 batches."""
    base = n_batches_per_epoch // 5 if n_batches_per_epoch else n_points // 20
    return int(min(max(base, 5), 200))


#: Points between an axes' edges and its axis labels: room for 8 pt tick labels ("100%" left).
X_LABEL_GAP_PT, Y_LABEL_GAP_PT = 17, 30
TITLE_POINTS = 10


def _points_from(ax: Axes, dx: float, dy: float):
    """Axes coordinates moved by (dx, dy) points: a place that keeps its gap at any size."""
    return ax.transAxes + ScaledTranslation(dx / 72, dy / 72, ax.figure.dpi_scale_trans)


#: Points kept between a y axis's widest tick label and its axis label, when it is moved
Y_LABEL_CLEARANCE_PT = 1.0
#: the gap each Axes' y-axis label was last placed at (``fit_ylabels``), when not the default
_ylabel_gaps: weakref.WeakKeyDictionary[Axes, float] = weakref.WeakKeyDictionary()


def ylabel_gap(ax: Axes) -> float:
    """Points from the plot's left edge to its y-axis label: ``Y_LABEL_GAP_PT``, or more when
    the widest tick label in view needs it. The gap was fitted to "100%"; the accuracy ticks'
    decimals ("81.5%", "97.25%") ran under "accuracy" (the Runs chart at 1280x800)."""
    axis = ax.yaxis
    locs = axis.get_majorticklocs()
    labels = axis.get_major_formatter().format_ticks(locs)  # as a draw writes them
    low, high = sorted(axis.get_view_interval())
    slack = 1e-9 * max(abs(low), abs(high), 1.0)
    texts = [t for x, t in zip(locs, labels, strict=True) if low - slack <= x <= high + slack]
    if not any(texts):
        return Y_LABEL_GAP_PT
    tick = axis.get_major_ticks()[0]
    font = tick.label1.get_fontproperties()
    widest = max(
        text_to_path.get_text_width_height_descent(t, font, ismath=False)[0] for t in texts
    )
    need = tick.get_tick_padding() + tick.get_pad() + widest
    return Y_LABEL_GAP_PT if need <= Y_LABEL_GAP_PT else need + Y_LABEL_CLEARANCE_PT


def fit_ylabels(axes: Sequence[Axes]) -> list[Axes]:
    """Place each plot's y-axis label clear of its tick labels as the limits now make them
    (no draw needed: the labels are measured as text), no longer than the plot is tall; the
    Axes whose label moved or changed size."""
    moved = []
    for ax in axes:
        gap = ylabel_gap(ax)
        changed = _fit_ylabel_length(ax)
        if gap != _ylabel_gaps.get(ax, Y_LABEL_GAP_PT):
            _ylabel_gaps[ax] = gap
            ax.yaxis.set_label_coords(0.0, 0.5, transform=_points_from(ax, -gap, 0))
            changed = True
        if changed:
            moved.append(ax)
    return moved


#: the smallest size a y-axis label is written at to fit its plot's height, before it is left
#: out (the plot's title names the quantity: "Accuracy per epoch" over "accuracy")
Y_LABEL_LEAST_PT = 6.5
#: each Axes' y-axis label's own size, before ``_fit_ylabel_length`` made it smaller
_ylabel_points: weakref.WeakKeyDictionary[Axes, float] = weakref.WeakKeyDictionary()


def _fit_ylabel_length(ax: Axes) -> bool:
    """The rotated y-axis label no longer than the plot is tall: centred on the plot, a longer
    one reached up into the title above it ("độ chính xác" into "Độ chính xác theo epoch" on a
    low Runs chart, walk52 #16). Smaller first, down to ``Y_LABEL_LEAST_PT``; then left out.
    True when its size or visibility changed."""
    label = ax.yaxis.label
    text = label.get_text()
    if not text:
        return False
    own = _ylabel_points.setdefault(ax, label.get_fontsize())
    tall = ax.get_position().height * ax.figure.get_figheight() * 72  # points
    font = label.get_fontproperties().copy()
    size = own
    while True:
        font.set_size(size)
        long = text_to_path.get_text_width_height_descent(text, font, ismath=False)[0]
        if long <= tall or size <= Y_LABEL_LEAST_PT:
            break
        size = max(Y_LABEL_LEAST_PT, size - 0.5)
    shown_now = long <= tall
    if size == label.get_fontsize() and shown_now == label.get_visible():
        return False
    label.set_fontsize(size)
    label.set_visible(shown_now)
    return True


def style_axes(ax_batch: Axes, ax_loss: Axes, ax_acc: Axes) -> None:
    """Titles, labels, grids and tick formats shared by the live and the overlay plots."""
    for ax, title, ylabel in (
        (ax_batch, shown(N_("Loss per batch")), shown(N_("loss"))),
        (ax_loss, shown(N_("Loss per epoch")), shown(N_("loss"))),
        (ax_acc, shown(N_("Accuracy per epoch")), shown(N_("accuracy"))),
    ):
        # titles and axis labels at fixed places: placed automatically, matplotlib measures
        # every tick label again on each full redraw of a live plot to find their places
        ax.set_title(title, fontsize=TITLE_POINTS, loc="left", y=1.0)
        ax.set_xlabel(shown(N_("epoch")), fontsize=9)
        ax.set_ylabel(ylabel, fontsize=9)
        ax.xaxis.set_label_coords(0.5, 0.0, transform=_points_from(ax, 0, -X_LABEL_GAP_PT))
        ax.yaxis.set_label_coords(0.0, 0.5, transform=_points_from(ax, -Y_LABEL_GAP_PT, 0))
        ax.tick_params(labelsize=8)
        ax.grid(True, linewidth=0.8)  # grid.color: the theme's
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # whole epochs on the epoch plots; halves and quarters only on short batch curves. One
        # whole epoch in view is enough: with fewer than two the locator fell back to 0.6,
        # 0.8, … for a one-epoch run (min_n_ticks=1)
        steps = (1, 2, 2.5, 5, 10)
        epochs = ax is not ax_batch
        ax.xaxis.set_major_locator(
            MaxNLocator(nbins=6, steps=steps, integer=epochs, min_n_ticks=1 if epochs else 2)
        )
    # as many decimals as the ticks need: a narrow range's 0.2-point steps were all "82%"
    ax_acc.yaxis.set_major_formatter(PercentTicks())
    localise_ticks(ax_batch, ax_loss, ax_acc)
    # steps of 1, 2 or 5 (times a power of ten): a 2.5 step would need a second decimal
    # "auto": as many ticks as the axis height holds (6 on a short chart overlapped)
    ax_acc.yaxis.set_major_locator(MaxNLocator(nbins="auto", steps=(1, 2, 5, 10)))


def span_epochs(ax: Axes, first: int, last: int) -> bool:
    """Fix a per-epoch plot's x axis (``style_axes``) to the epochs ``first``..``last``, half
    an epoch either side: whole-number ticks over the run's (or race's) epochs from its first
    batch, the single tick 1 for a one-epoch run (the Train page's read 1-2). True if the
    limits changed. The Race's and the Train page's epoch plots both place their axes here."""
    return _set_lim(ax, "x", (first - 0.5, max(last, first) + 0.5))


def _xy(x: Sequence[float], y: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten) >= ``value``."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for step in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if step * 10.0**exp >= value * (1 - 1e-9):
            return step * 10.0**exp
    return 10.0 ** (exp + 1)


#: A loss plot turns logarithmic when the highest batch losses (a lane's 99th percentile) stand
#: this many times above the lowest lane's median: ReLU on raw pixels starts at 130-250 while a
#: sigmoid lane sits at 0.1-0.8, and a linear axis up to 250 drew the sigmoid lane flat on zero
#: (walk51 D3). An ordinary run (2.3 falling to 0.05, some 50 times) keeps its linear axis.
LOG_LOSS_SPREAD = 100.0


def wide_losses(lanes: Sequence[Sequence[float]]) -> bool:
    """Whether the batch losses of ``lanes`` (one sequence a run or a race lane) span so many
    powers of ten that only a log axis shows every lane: ``LOG_LOSS_SPREAD``."""
    tops, middles = [], []
    for losses in lanes:
        v = _finite(losses)
        v = v[v > 0]
        if v.size:
            tops.append(float(np.percentile(v, 99)))
            middles.append(float(np.median(v)))
    return bool(middles) and max(tops) >= LOG_LOSS_SPREAD * min(middles)


def log_loss_limits(values: Sequence[float] | np.ndarray) -> tuple[float, float] | None:
    """Log-axis limits that hold every positive finite loss of ``values``: from 1, 2 or 5 times
    a power of ten under the lowest to a round number over the highest (few steps, so a live
    plot's limits rarely move); None when there is none."""
    v = _finite(values)
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


#: pixels kept free between the batch plot's title and the key beside it
KEY_GAP_PX = 12


def split_key(split: str) -> Line2D:
    """The legend key of a split's line style, in the muted colour: "validation" solid with
    squares, "train" dashed with circles (every run's colour draws both)."""
    style = {"validation": ("-", "s"), "train": ("--", "o")}[split]
    label = shown(N_("validation")) if split == "validation" else shown(N_("train"))
    return Line2D([], [], color=muted_colour(), ls=style[0], marker=style[1], ms=3, label=label)


def _key_handle(line: Line2D) -> Line2D:
    """A line drawn in the key like ``line``, but not tied to its data."""
    return Line2D(
        [],
        [],
        color=line.get_color(),
        lw=line.get_linewidth(),
        ls=line.get_linestyle(),
        marker=line.get_marker(),
        ms=line.get_markersize(),
    )


def off_chart(batch_loss: Sequence[float]) -> float | None:
    """The loss of a diverged run's last batch, when it is there: the training loop ends a
    run whose batch loss reaches ``DIVERGENCE_FACTOR`` times its first (``Curves.add_diverged``
    keeps that batch). Drawn to scale it would flatten every other batch onto the x axis
    (3.5e9 beside 2.3), so the plots keep the rest's range and mark this one instead."""
    losses = np.asarray(batch_loss, dtype=np.float64)
    if len(losses) and not np.isfinite(losses[-1]):
        # only a diverged run's last batch is not finite (the loop ends the run on it): it
        # overflowed, and is marked as a huge one is (it drew nothing, not even the arrow)
        return float(losses[-1])
    if len(losses) < 2:
        return None
    before = losses[:-1][np.isfinite(losses[:-1])]
    if not before.size:
        return None
    last = float(losses[-1])
    return last if last >= DIVERGENCE_FACTOR * max(float(before[0]), 1.0) else None


def drawn_batch_losses(batch_loss: Sequence[float]) -> Sequence[float]:
    """The batch losses a loss plot scales to: all but a diverged run's last (``off_chart``),
    which is marked instead."""
    return batch_loss[:-1] if off_chart(batch_loss) is not None else batch_loss


def off_chart_text(loss: float, x: float, batches_per_epoch: int | None) -> str:
    """The label of a loss that left the chart: its value, and where when the batches per
    epoch are known ("loss 3,54×10⁹ at epoch 1, batch 2: off the chart")."""
    if batches_per_epoch:
        epoch = max(1, math.ceil(x - 1e-9))
        batch = max(1, round((x - (epoch - 1)) * batches_per_epoch))
        return fill(
            shown(N_("loss {loss} at epoch {epoch}, batch {batch}: off the chart")),
            loss=Loss(loss).shown(),
            epoch=epoch,
            batch=batch,
        )
    return fill(shown(N_("loss {loss}: off the chart")), loss=Loss(loss).shown())


def mark_off_chart(ax: Axes, x: float, text: str, color: str = VAL_COLOR, row: int = 0) -> list:
    """An arrow straight up to the top edge at ``x``, ``text`` beside its foot: the loss went
    on up there, past what the plot shows. ``row`` > 0 writes the text that many lines
    lower: runs compared on one plot often diverge at the same batch, and their values were
    written over each other ("NaN" on "2,45×10⁴")."""
    left, right = ax.get_xlim()
    flip = x > left + 0.6 * (right - left)
    where = {"xycoords": ("data", "axes fraction"), "annotation_clip": False}
    arrow = ax.annotate(
        "",
        xy=(x, 1.0),
        xytext=(0, -OFF_CHART_ARROW_POINTS),
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.8, "shrinkA": 0, "shrinkB": 0},
        textcoords="offset points",
        **where,
    )
    label = ax.annotate(
        text,
        xy=(x, 1.0),
        xytext=(-5 if flip else 5, -OFF_CHART_ARROW_POINTS * 0.6 - OFF_CHART_ROW_POINTS * row),
        textcoords="offset points",
        ha="right" if flip else "left",
        va="center",
        color=color,
        fontsize=8,
        **where,
    )
    for artist in (arrow, label):
        artist.set_in_layout(False)  # a long label squeezed the plot it marks (constrained)
    return [arrow, label]


#: the length of the arrow of a loss that left the chart (points: long enough to be seen
#: in the Train page's short batch plot at 1024x700)
OFF_CHART_ARROW_POINTS = 22
#: the height of one row of off-chart labels (points: their 8 pt text and a little space)
OFF_CHART_ROW_POINTS = 10


def _finite(values) -> np.ndarray:
    v = np.asarray(values, dtype=np.float64)
    return v[np.isfinite(v)]


class LiveCurves:
    """The live plot: lines made once on three Axes, then ``update`` only moves their data.

    Limits are sticky: they change only when the data leaves them (or shrinks to under half of
    them), and ``update`` says so. A caller that blits (``animated=True`` lines) then needs a full
    redraw only on those rare updates; every other update just redraws the lines.
    """

    def __init__(self, ax_batch: Axes, ax_loss: Axes, ax_acc: Axes, animated: bool = False):
        self.axes = (ax_batch, ax_loss, ax_acc)
        style_axes(ax_batch, ax_loss, ax_acc)
        kw = {"animated": animated}
        (self.batch_line,) = ax_batch.plot(
            [], [], color=BATCH_COLOR, lw=0.8, label=shown(N_("batch")), **kw
        )
        # with more batches than pixels, the light per-batch line becomes a min-max band: it looks
        # the same and is drawn ~10x faster (a dense zigzag is the slowest thing Agg draws)
        self.batch_band = Polygon(
            np.zeros((1, 2)),
            closed=True,
            facecolor=BATCH_COLOR,
            edgecolor=BATCH_COLOR,
            lw=0.5,
            visible=False,
            **kw,
        )
        ax_batch.add_patch(self.batch_band)
        (self.batch_avg_line,) = ax_batch.plot(
            [], [], color=TRAIN_COLOR, lw=1.8, label=shown(N_("mean of nearby batches")), **kw
        )
        (self.train_loss_line,) = ax_loss.plot(
            [], [], "o-", color=TRAIN_COLOR, ms=4, lw=1.8, label=shown(N_("train")), **kw
        )
        (self.val_loss_line,) = ax_loss.plot(
            [], [], "s-", color=VAL_COLOR, ms=4, lw=1.8, label=shown(N_("validation")), **kw
        )
        (self.train_acc_line,) = ax_acc.plot(
            [], [], "o-", color=TRAIN_COLOR, ms=4, lw=1.8, label=shown(N_("train")), **kw
        )
        (self.val_acc_line,) = ax_acc.plot(
            [], [], "s-", color=VAL_COLOR, ms=4, lw=1.8, label=shown(N_("validation")), **kw
        )
        # only when the run measures the test split every epoch (no legend entry otherwise)
        (self.test_loss_line,) = ax_loss.plot(
            [], [], "^--", color=TEST_COLOR, ms=4, lw=1.4, label="_test", **kw
        )
        (self.test_acc_line,) = ax_acc.plot(
            [], [], "^--", color=TEST_COLOR, ms=4, lw=1.4, label="_test", **kw
        )
        self._epoch_markers = (
            (self.train_loss_line, "o", 1.8),
            (self.val_loss_line, "s", 1.8),
            (self.train_acc_line, "o", 1.8),
            (self.val_acc_line, "s", 1.8),
            (self.test_loss_line, "^", 1.4),
            (self.test_acc_line, "^", 1.4),
        )
        self._key_cols = 0  # the key's columns: fewer columns are more rows above the plot
        self._laid_out_cols: int | None = None
        self._key_width = 0.0
        self._place_key(None)
        self._lr_marks: list = []
        self._lr_marked = 0
        self._off_marks: list = []  # the arrow of a diverged run's last loss (mark_off_chart)
        self._off_key: tuple | None = None  # (x, its text, the loss)
        self.batches_per_epoch: int | None = None
        self._span: tuple[int, int] | None = None
        self._shown = (True, False)  # (validation, test) in the legends
        #: the per-epoch curves a run will draw, named in the legends before its first epoch
        self._expected = (True, False)
        #: the Axes the last ``update`` changed beyond their lines (limits, legend, marks)
        self.changed_axes: set[Axes] = set()
        #: Axes changed between two updates (``reset``, ``expect_loss``): the next update names
        #: them, else a caller that blits never draws their new limits (walk 43 item 7)
        self._changed_since: set[Axes] = set()
        self.reset()

    def _place_key(self, note: str | None) -> None:
        """One key for all three plots, above the batch plot's right end, beside its title:
        outside every plot, it never lies on a curve or a change label ("lr 0.0005" ran into
        the legend's "batch"). One row when it fits beside the title, else more rows."""
        self._note = note
        ax_batch = self.axes[0]
        lines = [self.batch_line, self.batch_avg_line, self.train_loss_line]
        lines += [
            line
            for line in (self.val_loss_line, self.test_loss_line)
            if line.get_label()[:1] != "_"
        ]
        # stand-ins: a key drawn from the live lines showed nothing for "batch" once its data
        # had been moved to the band
        handles = [_key_handle(line) for line in lines]
        labels = [line.get_label() for line in lines]
        if note:
            handles.append(Line2D([], [], ls="none"))
            labels.append(note)
        if ax_batch.get_legend() is not None:
            ax_batch.get_legend().remove()
        get_renderer = getattr(ax_batch.figure.canvas, "get_renderer", None)
        renderer = get_renderer() if get_renderer is not None else None  # None: not on screen
        rows_to_try = range(1, len(handles) + 1) if renderer is not None else (1,)
        room = 0.0
        if renderer is not None:
            size = FontProperties(size=TITLE_POINTS)
            text = ax_batch.get_title(loc="left")
            title = max(
                renderer.get_text_width_height_descent(t, size, ismath=False)[0]
                for t in text.split("\n")
            )
            room = ax_batch.get_window_extent(renderer).width - title - KEY_GAP_PX
        for rows in rows_to_try:
            self._key_cols = math.ceil(len(handles) / rows)
            legend = ax_batch.legend(
                handles,
                labels,
                loc="lower right",
                bbox_to_anchor=(1.0, 1.0),
                ncols=self._key_cols,
                fontsize=7,
                frameon=False,
                borderaxespad=0.2,
                borderpad=0.1,
                handlelength=1.6,
                columnspacing=1.0,
            )
            if renderer is None or legend.get_window_extent(renderer).width <= room:
                return

    def fit_key(self) -> bool:
        """Lay the key out again when the batch plot's width changed; True when its rows
        changed since the last call (the caller then lays the figure out again, so the key
        keeps its room above the plot)."""
        width = self.axes[0].get_window_extent().width
        if abs(width - self._key_width) >= 1.0:
            self._key_width = width
            self._place_key(self._note)
        changed = self._key_cols != self._laid_out_cols
        self._laid_out_cols = self._key_cols
        return changed

    @property
    def lines(self) -> tuple:
        """Every data line, in a fixed order (the same objects for the plot's lifetime)."""
        return (
            self.batch_band,
            self.batch_line,
            self.batch_avg_line,
            self.train_loss_line,
            self.val_loss_line,
            self.train_acc_line,
            self.val_acc_line,
            self.test_loss_line,
            self.test_acc_line,
        )

    def set_span(self, first_epoch: int, last_epoch: int) -> None:
        """Fix the x axes to a run's epochs (``first_epoch`` 1-based) so they never rescale."""
        self._span = (int(first_epoch), int(last_epoch))

    def span(self) -> tuple[int, int] | None:
        """The run's epochs the x axes are fixed to (``set_span``), or None."""
        return self._span

    def expected(self) -> tuple[bool, bool]:
        """The per-epoch curves ``expect_curves`` announced: (validation, test)."""
        return self._expected

    def expect_curves(self, validation: bool, test: bool = False) -> None:
        """Say which per-epoch curves the coming run draws (a validation split, the test split
        every epoch), so the legends name only those from its first batch on."""
        self._expected = (bool(validation), bool(test))

    def expect_loss(self, value: float) -> None:
        """Start both loss axes at a height that fits ``value`` (the untrained loss, e.g.
        ln(10) for cross-entropy over ten classes), so the first batches do not rescale them."""
        top = nice_ceiling(value * 1.1)
        set_loss_scale(self.axes[:2], False)
        self.axes[0].set_ylim(0, top)
        self.axes[1].set_ylim(0, top)
        self._changed_since.update(self.axes[:2])

    def loss_limits(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The y limits of the two loss plots (per batch, per epoch)."""
        return self.axes[0].get_ylim(), self.axes[1].get_ylim()

    def keep_loss_limits(self, limits: tuple[tuple[float, float], tuple[float, float]]) -> None:
        """Put the loss plots back on ``limits`` (``loss_limits`` of the curves a continued run
        goes on from): the curve it continues stays as it was shown, its start not cut off."""
        set_loss_scale(self.axes[:2], limits[0][0] > 0)  # limits from 0 were a linear axis's
        for ax, lim in zip(self.axes[:2], limits, strict=True):
            ax.set_ylim(*lim)
        self._changed_since.update(self.axes[:2])

    def update(self, curves: Curves) -> bool:
        """Move every line to ``curves``; True when limits, legends or marks changed.

        ``changed_axes`` then holds the Axes whose decorations changed: the caller redraws those
        (or everything), else a blit of the lines is enough.
        """
        self.changed_axes, self._changed_since = self._changed_since, set()
        bx, bl = _xy(curves.batch_x, curves.batch_loss)
        if len(bl) and not np.isfinite(bl[-1]):  # an overflowed last loss: marked, not drawn
            bx, bl = bx[:-1], bl[:-1]
        band = (
            min_max_band(bx, bl, MAX_RAW_BATCH_POINTS // 2)
            if len(bx) > MAX_RAW_BATCH_POINTS
            else None
        )
        if band is not None and len(band):
            self.batch_band.set_xy(band)
            self.batch_band.set_visible(True)
            self.batch_line.set_data([], [])
        else:
            self.batch_band.set_visible(False)
            self.batch_line.set_data(bx, bl)
        # a lone batch is a point, not a line: a run that diverged at its second batch
        # showed an empty plot
        off = off_chart(curves.batch_loss) is not None and len(bl) == len(curves.batch_loss)
        self.batch_line.set_marker(_lone(bl[:-1] if off else bl))
        window = smoothing_window(self.batches_per_epoch, len(bl))
        # the average is smooth: every k-th point draws the same curve with fewer segments
        stride = max(1, len(bx) // MAX_RAW_BATCH_POINTS)
        avg = nearby_mean(bl, window)
        self.batch_avg_line.set_data(_with_last(bx, stride), _with_last(avg, stride))
        ex = np.asarray(curves.epochs, dtype=np.float64)
        self.train_loss_line.set_data(*_xy(ex, curves.train_loss))
        self.val_loss_line.set_data(*_xy(ex, curves.val_loss))
        self.train_acc_line.set_data(*_xy(ex, curves.train_accuracy))
        self.val_acc_line.set_data(*_xy(ex, curves.val_accuracy))
        _thin_markers(self._epoch_markers, len(ex), 4.0)
        # legends name only the curves this run has (no validation split, no test per epoch)
        planned = not curves.epochs  # nothing drawn yet: name what the run will draw
        visible = (
            bool(_finite(curves.val_accuracy).size) or (planned and self._expected[0]),
            bool(_finite(curves.test_accuracy).size) or (planned and self._expected[1]),
        )
        self.test_loss_line.set_data(*_xy(ex, curves.test_loss))
        self.test_acc_line.set_data(*_xy(ex, curves.test_accuracy))
        if visible != self._shown:
            self._shown = visible
            for line, name, on in (
                (self.val_loss_line, shown(N_("validation")), visible[0]),
                (self.val_acc_line, shown(N_("validation")), visible[0]),
                (self.test_loss_line, shown(N_("test")), visible[1]),
                (self.test_acc_line, shown(N_("test")), visible[1]),
            ):
                line.set_label(name if on else "_" + name)
            # a run without a validation split draws its train curve only: the key says why
            self._place_key(None if visible[0] else shown(N_("no validation split")))
            self.changed_axes.add(self.axes[0])
        self._update_limits(curves)  # first: a change label's side depends on the x limits
        self._mark_off_chart(curves)
        if len(curves.changes) < self._lr_marked:
            self.clear_lr_marks()
            self.changed_axes.update(self.axes)
        for i, change in enumerate(curves.changes[self._lr_marked :], start=self._lr_marked):
            # one line per batch; labels take turns over MARK_ROWS rows, so changes at one batch
            # or a few batches apart ("lr 0.0005", "augment on") are not written over each other
            line = not any(c.x == change.x for c in curves.changes[:i])
            row = i % MARK_ROWS
            self._lr_marks.extend(
                mark_change(self.axes, change.x, change.shown_text(), row, line=line)
            )
            self.changed_axes.update(self.axes)
        self._lr_marked = len(curves.changes)
        return bool(self.changed_axes)

    def _update_limits(self, curves: Curves) -> None:
        """Move the limits the data has left; the Axes whose limits moved join ``changed_axes``."""
        ax_batch, ax_loss, ax_acc = self.axes
        if self._span is not None:
            first, last = self._span
            epochs_last = last  # the run's own epochs, even a single one
        else:
            first = min(curves.epochs[0], 1) if curves.epochs else 1
            last = max(curves.epochs[-1] if curves.epochs else 1, math.ceil(curves.last_x), 1)
            epochs_last = max(last, first + 1)  # epochs to come unknown: at least two
        moved = {ax_batch: _set_lim(ax_batch, "x", (first - 1, last))}
        for ax in (ax_loss, ax_acc):
            moved[ax] = span_epochs(ax, first, epochs_last)
        # batch losses: the 99th percentile, so one wild batch does not flatten the curve;
        # a diverged run's last loss is marked instead (off_chart)
        losses = _finite(drawn_batch_losses(curves.batch_loss))
        epoch_losses = _finite([*curves.train_loss, *curves.val_loss, *curves.test_loss])
        # a start hundreds of times the run's usual loss (ReLU on raw pixels: 250, then 0.1)
        # goes on a log axis, as the Race's lanes do: linear, the rest lay flat on zero
        log = wide_losses([losses])
        if set_loss_scale((ax_batch, ax_loss), log):
            moved[ax_batch] = moved[ax_loss] = True
            self._place_key(self._note)  # beside a title that grew or shrank: rows again
        if log:
            batch = log_loss_limits(losses)
            moved[ax_batch] |= batch is not None and _set_lim(ax_batch, "y", batch)
            epoch = log_loss_limits(epoch_losses) or batch
            moved[ax_loss] |= epoch is not None and _set_lim(ax_loss, "y", epoch)
        else:
            top = float(np.percentile(losses, 99)) if losses.size else 0.0
            moved[ax_batch] |= _sticky_top(ax_batch, top)
            top = float(epoch_losses.max()) if epoch_losses.size else 0.0
            moved[ax_loss] |= _sticky_top(ax_loss, top)
        accs = _finite([*curves.train_accuracy, *curves.val_accuracy, *curves.test_accuracy])
        low = float(accs.min()) if accs.size else 0.0
        bottom = ax_acc.get_ylim()[0]
        if low < bottom or low > bottom + 0.6 * (1.0 - bottom) or not accs.size:
            bottom = max(0.0, math.floor((low - 0.02) * 20) / 20) if accs.size else 0.0
        moved[ax_acc] |= _set_lim(ax_acc, "y", (bottom, 1.005))
        self.changed_axes.update(ax for ax, changed in moved.items() if changed)

    def _mark_off_chart(self, curves: Curves) -> None:
        """The arrow and value of a diverged run's last loss, above the plot's range."""
        loss = off_chart(curves.batch_loss)
        # compared by its text: a NaN loss is never equal to itself
        key = None if loss is None else (float(curves.batch_x[-1]), Loss(loss).shown(), loss)
        if key is not None and self._off_key is not None and key[:2] == self._off_key[:2]:
            return
        if key == self._off_key:
            return
        for artist in self._off_marks:
            artist.remove()
        self._off_marks = []
        self._off_key = key
        if key is not None:
            text = off_chart_text(key[2], key[0], self.batches_per_epoch)
            self._off_marks = mark_off_chart(self.axes[0], key[0], text)
        self.changed_axes.add(self.axes[0])

    def off_chart_marks(self) -> list:
        """The artists marking a loss that left the chart (none for a run that did not
        diverge)."""
        return list(self._off_marks)

    def clear_lr_marks(self) -> None:
        for artist in self._lr_marks:
            artist.remove()
        self._lr_marks.clear()
        self._lr_marked = 0

    def reset(self) -> None:
        """Empty every line and forget the run's span (a new run starts)."""
        self.clear_lr_marks()
        self._span = None
        self._expected = (True, False)
        set_loss_scale(self.axes[:2], False)
        self.axes[0].set_ylim(0, 1)
        self.axes[1].set_ylim(0, 1)
        self.update(Curves())
        self._changed_since = set(self.axes)  # emptied and rescaled: all drawn again


def _set_lim(ax: Axes, which: str, lim: tuple[float, float]) -> bool:
    """Set x or y limits; True if they changed."""
    get, set_ = (ax.get_xlim, ax.set_xlim) if which == "x" else (ax.get_ylim, ax.set_ylim)
    if np.allclose(get(), lim, rtol=1e-9, atol=1e-12):
        return False
    set_(*lim)
    return True


def _sticky_top(ax: Axes, data_top: float) -> bool:
    """Loss axes start at 0; the top moves only when the data leaves it or drops under 45%."""
    current = ax.get_ylim()[1]
    if data_top <= 0:
        return _set_lim(ax, "y", (0.0, current))
    if data_top > current or data_top < 0.45 * current:
        return _set_lim(ax, "y", (0.0, nice_ceiling(data_top * 1.1)))
    return _set_lim(ax, "y", (0.0, current))


#: Rows the labels of changes made while training take turns on (top to bottom)
MARK_ROWS = 3


def mark_change(
    axes: Sequence[Axes], x: float, text: str, row: int = 0, line: bool | None = None
) -> list:
    """A dotted vertical line at ``x`` on each Axes, labelled ``text`` on the first (a setting
    changed while training: ``"lr 0.0002"``, ``"momentum 0.5"``), the label ``row`` rows down;
    ``line`` False (by default: when ``row`` > 0) only adds the label."""
    if line is None:
        line = row == 0
    artists = [ax.axvline(x, color=LR_COLOR, ls=":", lw=1.2) for ax in axes] if line else []
    # in the plot's right part the label goes left of its line ("lr 0.0005" near the last
    # epoch ran off the figure)
    left, right = axes[0].get_xlim()
    flip = x > left + 0.6 * (right - left)
    artists.append(
        axes[0].annotate(
            text,
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-3 if flip else 3, -10 - 10 * row),
            textcoords="offset points",
            ha="right" if flip else "left",
            color=muted_colour(),
            fontsize=8,
        )
    )
    return artists


def plot_overlay(
    ax_batch: Axes,
    ax_loss: Axes,
    ax_acc: Axes,
    runs: Sequence[tuple[str, Curves]],
    outside: bool = False,
) -> None:
    """Compare runs: each gets one colour; validation solid, train dashed, batch loss smoothed.

    One legend names the runs and keys the line styles ("validation" only when a run has a
    validation curve): on the batch plot, or with ``outside`` above the three plots, where it
    never covers a curve (the figure must use the constrained layout; ``fit_figure_legend``
    then gives it the columns its width allows)."""
    for ax in (ax_batch, ax_loss, ax_acc):
        ax.clear()
    style_axes(ax_batch, ax_loss, ax_acc)
    for i, (text, curves) in enumerate(runs):
        color = RUN_COLORS[i % len(RUN_COLORS)]
        label = legend_label(text)
        off = off_chart(curves.batch_loss)
        bx, bl = _xy(curves.batch_x, curves.batch_loss)
        if off is not None:  # marked below, not drawn to scale (it flattens the rest)
            bx, bl = bx[:-1], bl[:-1]
        if len(bx):  # (an overflowed first batch leaves none)
            per_epoch = len(bx) / max(math.ceil(bx[-1]), 1)
            smooth = nearby_mean(bl, smoothing_window(int(per_epoch), len(bl)))
            ax_batch.plot(bx, smooth, color=color, lw=1.5, label=label, marker=_lone(bl))
        ex = np.asarray(curves.epochs, dtype=np.float64)
        lines = (
            (*ax_loss.plot(ex, curves.val_loss, "s-", color=color, label=label), "s", 1.6),
            (*ax_loss.plot(ex, curves.train_loss, "o--", color=color, alpha=0.7), "o", 1.0),
            (*ax_acc.plot(ex, curves.val_accuracy, "s-", color=color, label=label), "s", 1.6),
            (*ax_acc.plot(ex, curves.train_accuracy, "o--", color=color, alpha=0.7), "o", 1.0),
        )
        _thin_markers(lines, len(ex), 3.0, widen=False)
        for x in sorted({change.x for change in curves.changes}):
            for ax in (ax_batch, ax_loss, ax_acc):
                ax.axvline(x, color=color, ls=":", lw=1.0)
    # runs far apart (one starting at 250, the others under 1): log loss axes, as the Race's
    drawn = [drawn_batch_losses(c.batch_loss) for _, c in runs]
    if set_loss_scale((ax_batch, ax_loss), wide_losses(drawn)):
        batch = log_loss_limits(np.concatenate([_finite(d) for d in drawn]))
        epoch = log_loss_limits([v for _, c in runs for v in (*c.train_loss, *c.val_loss)])
        for ax, limits in ((ax_batch, batch), (ax_loss, epoch or batch)):
            if limits is not None:
                ax.set_ylim(*limits)
    marked = 0
    for i, (_, curves) in enumerate(runs):  # once the x limits hold every run
        if (off := off_chart(curves.batch_loss)) is not None:
            x = float(curves.batch_x[-1])
            color = RUN_COLORS[i % len(RUN_COLORS)]
            # the value alone: the Runs view's plots are a few hundred pixels wide
            mark_off_chart(ax_batch, x, Loss(off).shown(), color, row=marked)
            marked += 1
    if not any(np.isfinite(v).any() for _, c in runs for v in _epoch_values(c)):
        # no finished epoch yet: empty axes default to -0.05..0.05, i.e. negative loss and
        # accuracy ticks; show the ranges these values live in instead
        if ax_loss.get_yscale() == "linear":  # a log one holds the batch plot's range
            ax_loss.set_ylim(0.0, 1.0)
        ax_acc.set_ylim(0.0, 1.0)
    if not runs:
        return
    last = max((c.epochs[-1] for _, c in runs if c.epochs), default=1)
    for ax in (ax_loss, ax_acc):
        # whole epochs even for a one-epoch run (one integer in view gave 0.96, 0.98, ...)
        span_epochs(ax, 1, max(last, 2))
    # the runs by colour (a run without batch curves still needs its colour named)
    handles = [
        Line2D([], [], color=RUN_COLORS[i % len(RUN_COLORS)], lw=1.5, label=legend_label(text))
        for i, (text, _) in enumerate(runs)
    ]
    # the line styles; a "validation" key for runs trained without a validation split (no
    # solid line anywhere) named a curve that is not drawn
    if any(_has_values(c.val_loss) or _has_values(c.val_accuracy) for _, c in runs):
        handles.append(split_key("validation"))
    handles.append(split_key("train"))
    if outside:
        ax_batch.figure.legend(
            handles=handles, loc="outside upper center", fontsize=7, frameon=False, ncols=1
        )
    else:
        # on the full-width batch plot: a run's long title drawn in a small epoch plot ran
        # over its neighbour
        ax_batch.legend(handles=handles, loc="upper right", fontsize=7, frameon=False)


#: Per-epoch curves keep full-size markers up to this many epochs, half-size ones up to
#: ``SMALL_MARKERS_UP_TO`` and none beyond: mnist-gd's 500 epochs of squares made a thick red
#: band that hid the train curve under it (walk48)
MARKERS_UP_TO = 40
SMALL_MARKERS_UP_TO = 120


def epoch_marker_size(points: int, full: float) -> float:
    """The marker size for a per-epoch curve of ``points`` points (0: no markers)."""
    if points <= MARKERS_UP_TO:
        return full
    return full / 2 if points <= SMALL_MARKERS_UP_TO else 0.0


#: Line widths (points) of a train curve and a validation curve drawn without markers: the
#: validation line, on top, is thinner, so a train curve lying under it still shows at its
#: edges (mnist-gd's full-batch curves coincide for hundreds of epochs)
UNDER_LW, OVER_LW = 3.0, 1.2


def _thin_markers(
    lines: Sequence[tuple[Line2D, str, float]], points: int, full: float, widen: bool = True
) -> None:
    """Give each (line, its marker, its width) the marker size ``points`` epochs allow, or
    none; without markers and with ``widen`` a circle-marked (train) line is widened under
    the others (an overlay draws a run's two curves in one colour, dashed and solid)."""
    size = epoch_marker_size(points, full)
    for line, marker, width in lines:
        line.set_marker(marker if size else "None")
        line.set_markersize(size)
        if widen and not size:
            line.set_linewidth(UNDER_LW if marker == "o" else OVER_LW)
        else:
            line.set_linewidth(width)


def _lone(values: np.ndarray) -> str:
    """A marker for a curve of one point (a line of one point draws nothing)."""
    return "o" if np.isfinite(values).sum() == 1 else "None"


def _has_values(values: Sequence[float]) -> bool:
    return bool(np.isfinite(np.asarray(values, dtype=np.float64)).any())


def fit_figure_legend(figure: Figure, caption: str = "") -> None:
    """Lay the figure's legend (``plot_overlay(..., outside=True)``) out in as many columns as
    fit its width, so it takes the fewest rows above the plots (a legend's size does not
    depend on where the layout puts it: measured without drawing the figure), ``caption``
    (what every run shares) as its title, on two lines when one is wider than the figure."""
    if not figure.legends:
        return
    legend = figure.legends[0]
    handles = list(legend.legend_handles)
    labels = [t.get_text() for t in legend.get_texts()]
    renderer = figure.canvas.get_renderer()
    room = figure.bbox.width - 4

    def lay_out(ncols: int, title: str | None = None):
        figure.legends[0].remove()
        return figure.legend(
            handles=handles,
            labels=labels,
            loc="outside upper center",
            fontsize=7,
            frameon=False,
            ncols=ncols,
            title=title,
            title_fontsize=7,
            # tighter than matplotlib's spacing: at 1024 px four runs' entries fitted one
            # column (six rows over plots some 40 px tall) where two columns now fit
            handlelength=1.6,
            handletextpad=0.5,
            columnspacing=1.2,
        )

    ncols = len(handles)
    while ncols > 1 and lay_out(ncols).get_window_extent(renderer).width > room:
        ncols -= 1
    if not caption:
        lay_out(ncols)
        return
    legend = lay_out(ncols, caption)
    if legend.get_title().get_window_extent(renderer).width > room and " " in caption:
        spaces = [i for i, c in enumerate(caption) if c == " "]
        cut = min(spaces, key=lambda i: abs(i - len(caption) / 2))
        lay_out(ncols, caption[:cut] + "\n" + caption[cut + 1 :])


def fit_titles(axes: Sequence[Axes]) -> bool:
    """Fit each plot's title (``style_axes`` puts it on the left) on one line, a row of plots
    alike: a title wider than its plot starts at the left of the plot's y-axis label, over
    the room its ticks and label take below it, and is written smaller, down to
    ``SMALLEST_TITLE_POINTS`` (the Runs chart wrapped "Mất mát / theo batch" onto two lines
    even at 1280 px, its plots a line lower). Only when even that is too wide are the row's
    titles broken onto two lines at the space nearest their middle ("Độ chính xác theo epoch"
    ran off a third of a 540-px chart), so titles side by side read alike. True if any
    changed, so the caller lays the figure out again. Measured as last drawn."""
    rows: dict[int, list[Axes]] = {}
    for ax in axes:
        renderer = ax.figure.canvas.get_renderer()
        rows.setdefault(round(ax.get_window_extent(renderer).y1), []).append(ax)
    changed = False
    for row in rows.values():
        if not any(_title_too_wide(ax) for ax in row):
            continue
        size = _title_points_that_fit(row)
        if size is not None:
            for ax in row:
                ax.set_title(
                    ax.get_title(loc="left"), fontsize=size, loc="left", y=1.0, x=_title_x(ax)
                )
            changed = True
        else:
            for ax in row:
                changed |= _break_title(ax)
    return changed


#: A title too wide for its plot is written smaller, down to this size, before it is broken
SMALLEST_TITLE_POINTS = 8.0


def _title_points_that_fit(row: Sequence[Axes]) -> float | None:
    """The largest size, in half points from the titles' own down, at which every title of
    the row fits on one line from its y-axis label's left (``_title_room``); None when none
    down to ``SMALLEST_TITLE_POINTS`` does."""
    points = min(ax._left_title.get_fontsize() for ax in row)  # noqa: SLF001 - the left title
    while points >= SMALLEST_TITLE_POINTS:
        if not any(_title_width(ax, points) > _title_room(ax) for ax in row):
            return points
        points -= 0.5
    return None


def _title_room(ax: Axes) -> float:
    """Pixels from the left of ``ax``'s y-axis label (and ticks) to the plot's right edge."""
    renderer = ax.figure.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    yaxis = ax.yaxis.get_tightbbox(renderer)
    left = min(plot.x0, yaxis.x0) if yaxis is not None else plot.x0
    return plot.x1 - left


def _title_x(ax: Axes) -> float:
    """Where (axes fraction) a title starting at the y-axis label's left begins."""
    renderer = ax.figure.canvas.get_renderer()
    plot = ax.get_window_extent(renderer)
    return (plot.x1 - _title_room(ax) - plot.x0) / plot.width if plot.width else 0.0


def _title_width(ax: Axes, points: float) -> float:
    renderer = ax.figure.canvas.get_renderer()
    size = FontProperties(size=points)
    text = ax.get_title(loc="left")
    return renderer.get_text_width_height_descent(text, size, ismath=False)[0]


def _title_too_wide(ax: Axes) -> bool:
    """Whether ``ax``'s one-line left title, at its size, is wider than the plot."""
    text = ax.get_title(loc="left")
    if " " not in text or "\n" in text:
        return False
    points = ax._left_title.get_fontsize()  # noqa: SLF001 - the left title
    renderer = ax.figure.canvas.get_renderer()
    left = ax._left_title.get_window_extent(renderer).x0  # noqa: SLF001
    return left + _title_width(ax, points) > ax.get_window_extent(renderer).x1 + 0.5


def _break_title(ax: Axes) -> bool:
    """Put ``ax``'s left title on two lines at the space nearest its middle."""
    text = ax.get_title(loc="left")
    if " " not in text or "\n" in text:
        return False
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    ax.set_title(
        text[:cut] + "\n" + text[cut + 1 :], fontsize=TITLE_POINTS, loc="left", y=1.0, x=0.0
    )
    return True


#: Pixels kept free between two tick labels of an x axis
TICK_GAP_PX = 6


def fit_ticks(axes: Sequence[Axes]) -> bool:
    """Fewer ticks on an x axis whose labels, as last drawn, touch or overlap (on a 150-px
    plot of a quarter epoch Vietnamese read "0,000,050,100,150,200,25"); True if any axis
    changed, so the caller draws again."""
    changed = False
    for ax in axes:
        renderer = ax.figure.canvas.get_renderer()
        frame = ax.get_window_extent(renderer)
        boxes = [
            t.get_window_extent(renderer)
            for t in ax.get_xticklabels()
            if t.get_visible() and t.get_text()
        ]
        # a tick just outside the limits has a label but is not drawn
        boxes = sorted(
            (b for b in boxes if frame.x0 - 1 <= (b.x0 + b.x1) / 2 <= frame.x1 + 1),
            key=lambda b: b.x0,
        )
        if all(b.x0 - a.x1 >= TICK_GAP_PX for a, b in zip(boxes, boxes[1:], strict=False)):
            continue
        widest = max(b.width for b in boxes)
        bins = max(1, int(frame.width // (widest + TICK_GAP_PX)) - 1)
        locator = ax.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):
            locator.set_params(nbins=bins)
        else:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=bins))
        changed = True
    return changed


def _epoch_values(curves: Curves) -> list[np.ndarray]:
    return [
        np.asarray(v, dtype=np.float64)
        for v in (curves.val_loss, curves.train_loss, curves.val_accuracy, curves.train_accuracy)
    ]


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
        FigureCanvasAgg(fig)  # measures the legend and titles before the file is written
        plot_overlay(*axes, runs, outside=True)
        fit_figure_legend(fig)
        fig.canvas.draw()
        fit_titles(axes)  # all measured as first drawn; savefig draws them again
        fit_ticks(axes)
        fit_ylabels(axes)  # the ticks of the laid-out heights
    path = Path(path)
    with atomic_path(path, suffix=".png") as tmp:
        fig.savefig(tmp, dpi=dpi, format="png")
    return path
