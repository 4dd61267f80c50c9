"""Marks on the curves: the arrow and value of a diverged run's last loss, which would
flatten the rest drawn to scale (``off_chart``), and the dotted line of a setting changed while
training (``mark_change``), or of a learning-rate schedule changing pace (``ScheduleTurn``)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties

from nndesk.curves.style import VAL_COLOR, lr_colour
from nndesk.i18n import N_, Loss, fill, fmt, shown
from nndesk.training.loop import DIVERGENCE_FACTOR
from nndesk.viz import muted_colour


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


#: the length of the arrow of a loss that left the chart (points: long enough to be seen
#: in the Train page's short batch plot at 1024x700)
OFF_CHART_ARROW_POINTS = 22


#: the height of one row of off-chart labels (points: their 8 pt text and a little space)
OFF_CHART_ROW_POINTS = 10


def mark_off_chart(ax: Axes, x: float, text: str, color: str = VAL_COLOR, row: int = 0) -> list:
    """An arrow straight up to the top edge at ``x``, ``text`` beside its foot: the loss went
    on up there, past what the plot shows. ``row`` > 0 writes the text that many lines
    lower: runs compared on one plot often diverge at the same batch, and their values were
    written over each other ("NaN" on "2,45×10⁴")."""
    left, right = ax.get_xlim()
    # on the side with more room, in lines no wider than the plot leaves there: "mất mát
    # 2,15×10⁵ ở epoch 3, batch 812: …" at 40% of the plot ran past its right edge, cut
    # (walk61 D14)
    flip = x > left + 0.5 * (right - left)
    text = _wrapped(ax, x, text, flip)
    lines = text.count("\n") + 1
    drop = (lines - 1) * OFF_CHART_ROW_POINTS / 2  # its first line where one line would be
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
        xytext=(
            -5 if flip else 5,
            -OFF_CHART_ARROW_POINTS * 0.6 - OFF_CHART_ROW_POINTS * row - drop,
        ),
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


def _wrapped(ax: Axes, x: float, text: str, flip: bool) -> str:
    """``text`` in lines (words kept whole) no wider than the plot leaves beside ``x``: on
    its left when ``flip``, else on its right. As it is without a renderer (off screen)."""
    get_renderer = getattr(ax.figure.canvas, "get_renderer", None)
    if get_renderer is None:
        return text
    renderer = get_renderer()
    box = ax.get_window_extent(renderer)
    at = ax.transData.transform((x, 0))[0]
    gap = 5 * ax.figure.dpi / 72
    room = (at - box.x0 if flip else box.x1 - at) - gap
    size = FontProperties(size=8)

    def width(line: str) -> float:
        return renderer.get_text_width_height_descent(line, size, ismath=False)[0]

    if width(text) <= room:
        return text
    lines: list[str] = []
    for word in text.split(" "):
        if lines and width(lines[-1] + " " + word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


#: Rows the labels of changes made while training take turns on (top to bottom)
MARK_ROWS = 3


#: The zorder of a change's label: over the curves (2) and the legend (5)
MARK_LABEL_ZORDER = 6


def mark_change(
    axes: Sequence[Axes],
    x: float,
    text: str,
    row: int = 0,
    line: bool | None = None,
    animated: bool = False,
) -> list:
    """A dotted vertical line at ``x`` on each Axes, labelled ``text`` on the first (a setting
    changed while training: ``"lr 0.0002"``, ``"momentum 0.5"``), the label ``row`` rows down;
    ``line`` False (by default: when ``row`` > 0) only adds the label. The label is last
    (``animated``: drawn by the caller, after its animated curves) on a box of the plot's
    colour: under the curves, the batch losses and another change's dotted line ran through
    "lr 0.01" (walk57 D4)."""
    if line is None:
        line = row == 0
    colour = lr_colour()  # the theme's: LR_COLOR was faint on the dark charts (walk72 F12)
    artists = [ax.axvline(x, color=colour, ls=":", lw=1.2) for ax in axes] if line else []
    # in the plot's right part the label goes left of its line ("lr 0.0005" near the last
    # epoch ran off the figure)
    left, right = axes[0].get_xlim()
    flip = x > left + 0.6 * (right - left)
    # a label too long for its side goes to the other if it has more room, else in lines:
    # "lịch: tốc độ học 0,00182, giảm dần mỗi epoch" mid-plot was cut at 1024 px, Larger text
    said = _wrapped(axes[0], x, text, flip)
    if "\n" in said:
        other = _wrapped(axes[0], x, text, not flip)
        if other.count("\n") < said.count("\n"):
            flip, said = not flip, other
    text = said
    artists.append(
        axes[0].annotate(
            text,
            xy=(x, 1.0),
            xycoords=("data", "axes fraction"),
            # hung from under the plot's top edge: set on its baseline, a label in two lines
            # (1024 px, Vietnamese) rose above the edge onto the key there (walk65 D3)
            xytext=(-3 if flip else 3, -3 - 10 * row),
            textcoords="offset points",
            ha="right" if flip else "left",
            va="top",
            color=muted_colour(),
            fontsize=8,
            zorder=MARK_LABEL_ZORDER,
            animated=animated,
            bbox={
                "boxstyle": "square,pad=0.15",
                "facecolor": axes[0].get_facecolor(),
                "edgecolor": "none",
                "alpha": 0.85,
            },
        )
    )
    return artists


@dataclass(frozen=True)
class ScheduleTurn:
    """Where a run's learning-rate schedule changes pace (``schedules.turns``): marked on the
    curves as a change made while training is, once the run gets there."""

    x: float  # in epochs: the start of the first epoch at the new rate
    lr: float
    decaying: bool  # the rate goes on falling each epoch after ("exp"), else it stays ("step")

    def shown_text(self) -> str:
        """``"schedule: lr 0.000905, lower each epoch"``, ``"schedule: lr 0.0001"``."""
        rate = f"{shown(N_('lr'))} {fmt(self.lr, '.3g')}"
        if self.decaying:
            return shown(N_("schedule: {rate}, lower each epoch")).format(rate=rate)
        return shown(N_("schedule: {rate}")).format(rate=rate)


def schedule_turns(config, first_epoch: int, last_epoch: int) -> tuple[ScheduleTurn, ...]:
    """The turns of the schedule a run of ``config`` (``TrainConfig``) trains epochs
    ``first_epoch..last_epoch`` with."""
    from nndesk.nn.schedules import turns
    from nndesk.training.session import schedule_for

    schedule = schedule_for(config, last_epoch)
    return tuple(
        ScheduleTurn(float(epoch - 1), lr, decaying)
        for epoch, lr, decaying in turns(schedule, first_epoch, last_epoch)
    )


def kept_run_turns(config: dict, curves) -> tuple[ScheduleTurn, ...]:
    """The turns of the schedule a kept run trained with: its settings ``config`` (its
    run.json's) over the epochs it was to train or its ``curves`` reach. None where the
    settings are not a run's (an edited file, a newer nndesk's choice): no mark, no error."""
    from nndesk.errors import ConfigError
    from nndesk.training import TrainConfig

    try:
        settings = TrainConfig.from_dict(config).validate()
    except ConfigError:
        return ()
    reached = math.ceil(curves.last_x) if curves.batch_x else 0
    return schedule_turns(settings, 1, max(settings.epochs, reached))


def _schedule_on(curves, x: float) -> bool:
    """Whether the schedule set the rate at position ``x``: no rate was set by hand before
    it, or the last one before it was given back to the schedule."""
    rates = [c for c in curves.changes if c.name == "lr" and c.x <= x]
    return not rates or rates[-1].scheduled


def marks_in_order(curves, turns: Sequence[ScheduleTurn]) -> list:
    """What the curves mark, in the order of x: the changes made while training and the
    schedule's turns the run has reached (past its first batch there), but those after a rate
    set by hand (the schedule stops there) and before the rate was given back to the schedule
    (``SettingChange.scheduled``). Each has ``x`` and ``shown_text()``."""
    reached = [t for t in turns if t.x < curves.last_x and _schedule_on(curves, t.x)]
    reached = reached if curves.batch_x else []
    return sorted([*curves.changes, *reached], key=lambda mark: mark.x)  # stable: changes first
