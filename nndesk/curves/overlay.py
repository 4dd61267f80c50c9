"""``plot_overlay``: finished runs compared on the three plots, a colour a run, validation
solid and train dashed."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from nndesk.curves.marks import (
    ScheduleTurn,
    drawn_batch_losses,
    mark_off_chart,
    marks_in_order,
    off_chart,
)
from nndesk.curves.scales import (
    as_xy,
    finite_values,
    log_loss_limits,
    set_loss_scale,
    span_epochs,
    wide_losses,
)
from nndesk.curves.smoothing import nearby_mean, smoothing_window
from nndesk.curves.style import (
    RUN_COLORS,
    epoch_marker_size,
    lone_marker,
    split_key,
    style_axes,
    thin_markers,
)
from nndesk.i18n import Loss
from nndesk.run_curves import Curves
from nndesk.viz import legend_label


def plot_overlay(
    ax_batch: Axes,
    ax_loss: Axes,
    ax_acc: Axes,
    runs: Sequence[tuple[str, Curves]],
    outside: bool = False,
    turns: Sequence[Sequence[ScheduleTurn]] = (),
    colours: Sequence[str] = (),
) -> None:
    """Compare runs: each gets one colour (``colours``' for run i, each run's own, else the
    palette's in turn); validation solid, train dashed, batch loss smoothed;
    a dotted line of its colour where a setting was changed while it trained and where its
    learning-rate schedule changed pace (``turns``, a run's each, as the Live chart marks
    them: ``marks.marks_in_order``).

    One legend names the runs and keys the line styles ("validation" only when a run has a
    validation curve): on the batch plot, or with ``outside`` above the three plots, where it
    never covers a curve (the figure must use the constrained layout; ``fit_figure_legend``
    then gives it the columns its width allows)."""
    for ax in (ax_batch, ax_loss, ax_acc):
        ax.clear()
    style_axes(ax_batch, ax_loss, ax_acc)
    palette = list(colours) if len(colours) == len(runs) else RUN_COLORS
    for i, (text, curves) in enumerate(runs):
        color = palette[i % len(palette)]
        label = legend_label(text)
        off = off_chart(curves.batch_loss)
        bx, bl = as_xy(curves.batch_x, curves.batch_loss)
        if off is not None:  # marked below, not drawn to scale (it flattens the rest)
            bx, bl = bx[:-1], bl[:-1]
        if len(bx):  # (an overflowed first batch leaves none)
            per_epoch = len(bx) / max(math.ceil(bx[-1]), 1)
            smooth = nearby_mean(bl, smoothing_window(int(per_epoch), len(bl)))
            ax_batch.plot(bx, smooth, color=color, lw=1.5, label=label, marker=lone_marker(bl))
        ex = np.asarray(curves.epochs, dtype=np.float64)
        lines = (
            (*ax_loss.plot(ex, curves.val_loss, "s-", color=color, label=label), "s", 1.6),
            (*ax_loss.plot(ex, curves.train_loss, "o--", color=color, alpha=0.7), "o", 1.0),
            (*ax_acc.plot(ex, curves.val_accuracy, "s-", color=color, label=label), "s", 1.6),
            (*ax_acc.plot(ex, curves.train_accuracy, "o--", color=color, alpha=0.7), "o", 1.0),
        )
        thin_markers(lines, len(ex), 3.0, widen=False)
    for i, x, style in _mark_lines(runs, turns):
        for ax in (ax_batch, ax_loss, ax_acc):
            ax.axvline(x, color=palette[i % len(palette)], ls=style, lw=1.0)
    # runs far apart (one starting at 250, the others under 1): log loss axes, as the Race's
    drawn = [drawn_batch_losses(c.batch_loss) for _, c in runs]
    if set_loss_scale((ax_batch, ax_loss), wide_losses(drawn)):
        batch = log_loss_limits(np.concatenate([finite_values(d) for d in drawn]))
        epoch = log_loss_limits([v for _, c in runs for v in (*c.train_loss, *c.val_loss)])
        for ax, limits in ((ax_batch, batch), (ax_loss, epoch or batch)):
            if limits is not None:
                ax.set_ylim(*limits)
    _span_a_lone_batch(ax_batch, runs)
    marked = 0
    for i, (_, curves) in enumerate(runs):  # once the x limits hold every run
        if (off := off_chart(curves.batch_loss)) is not None:
            x = float(curves.batch_x[-1])
            color = palette[i % len(palette)]
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
        Line2D([], [], color=palette[i % len(palette)], lw=1.5, label=legend_label(text))
        for i, (text, _) in enumerate(runs)
    ]
    # the line styles; a "validation" key for runs trained without a validation split (no
    # solid line anywhere) named a curve that is not drawn
    marked = any(epoch_marker_size(len(c.epochs), 3.0) for _, c in runs)  # as thin_markers
    if any(_has_values(c.val_loss) or _has_values(c.val_accuracy) for _, c in runs):
        handles.append(split_key("validation", marked))
    handles.append(split_key("train", marked))
    if outside:
        ax_batch.figure.legend(
            handles=handles, loc="outside upper center", fontsize=7, frameon=False, ncols=1
        )
    else:
        # on the full-width batch plot: a run's long title drawn in a small epoch plot ran
        # over its neighbour
        ax_batch.legend(handles=handles, loc="upper right", fontsize=7, frameon=False)


#: points of a shared mark's dot, and of the gap after it
MARK_DOT = 1.5


def _mark_lines(
    runs: Sequence[tuple[str, Curves]], turns: Sequence[Sequence[ScheduleTurn]]
) -> list[tuple[int, float, str | tuple]]:
    """(run, x, line style) of each dotted line marking a run's change or schedule turn. Where
    runs mark the same x (two schedules turning at one epoch), their dots take turns along
    one line, a colour each: drawn dotted alike, the last run's line hid the others' (s64)."""
    marked = []
    for i, (_, curves) in enumerate(runs):
        own = turns[i] if i < len(turns) else ()
        marked += [(i, x) for x in sorted({mark.x for mark in marks_in_order(curves, own)})]
    sharing: dict[float, list[int]] = {}
    for i, x in marked:
        sharing.setdefault(round(x, 9), []).append(i)
    lines = []
    for i, x in marked:
        runs_here = sharing[round(x, 9)]
        if len(runs_here) == 1:
            lines.append((i, x, ":"))
        else:
            period = 2 * MARK_DOT * len(runs_here)
            turn = runs_here.index(i)
            lines.append((i, x, (2 * MARK_DOT * turn, (MARK_DOT, period - MARK_DOT))))
    return lines


def _span_a_lone_batch(ax: Axes, runs: Sequence[tuple[str, Curves]]) -> None:
    """With batches at one x only (a run that diverged at its second batch), the batch plot
    spans that batch's whole epoch: autoscaled around one point it spanned 0.0001 epoch, its
    tick labels run together ("0,001150,001200,00125", walk57 #16)."""
    xs = set()
    for _, c in runs:
        # the batch marked off the chart is not one of the plotted points
        drawn = c.batch_x[:-1] if off_chart(c.batch_loss) is not None else c.batch_x
        xs.update(float(x) for x in drawn if math.isfinite(x))
    if len(xs) == 1:
        start = math.floor(next(iter(xs)))
        ax.set_xlim(start, start + 1)


def _has_values(values: Sequence[float]) -> bool:
    return bool(np.isfinite(np.asarray(values, dtype=np.float64)).any())


def _epoch_values(curves: Curves) -> list[np.ndarray]:
    return [
        np.asarray(v, dtype=np.float64)
        for v in (curves.val_loss, curves.train_loss, curves.val_accuracy, curves.train_accuracy)
    ]
