"""How every curve plot looks: the colours, the three panels' titles, labels, grids and ticks
(``style_axes``), the line-style keys, and the per-epoch markers thinned on long runs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import ScaledTranslation

from nndesk.curves.ticks import FittingLocator
from nndesk.i18n import N_, shown
from nndesk.run_colours import RUN_COLORS as _RUN_COLORS
from nndesk.viz import PercentTicks, localise_ticks, muted_colour

TRAIN_COLOR = "#1f77b4"


VAL_COLOR = "#d62728"


BATCH_COLOR = "#9ecae1"


LR_COLOR = "#6a51a3"
#: A rate change's line on dark charts: LR_COLOR there stood 2.5:1 on the plots' #1e1f22 and
#: read as faint (walk72 F12); this lighter purple stands 6:1 (LR_COLOR 6.3:1 on white)
LR_COLOR_DARK = "#a78bfa"


def lr_colour(dark: bool | None = None) -> str:
    """The colour of a rate change's line: ``LR_COLOR`` on light charts, ``LR_COLOR_DARK`` on
    dark ones; ``dark`` None: the charts' as matplotlib's rcParams set them (the theme's)."""
    if dark is None:
        from matplotlib import rcParams
        from matplotlib.colors import to_rgb

        r, g, b = to_rgb(rcParams["axes.facecolor"])
        dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5
    return LR_COLOR_DARK if dark else LR_COLOR


TEST_COLOR = "#2ca02c"


#: Colours for overlaid runs (``run_colours``: a run keeps its own)
RUN_COLORS = _RUN_COLORS


#: Points between an axes' edges and its axis labels: room for 8 pt tick labels ("100%" left).
X_LABEL_GAP_PT, Y_LABEL_GAP_PT = 17, 30


TITLE_POINTS = 10


def points_from(ax: Axes, dx: float, dy: float):
    """Axes coordinates moved by (dx, dy) points: a place that keeps its gap at any size."""
    return ax.transAxes + ScaledTranslation(dx / 72, dy / 72, ax.figure.dpi_scale_trans)


def top_ylabel(ax: Axes) -> None:
    """The plot's y-axis label from its top down (read upwards, it ends level with the plot's
    top): the Live chart's foot is a scroll away on a low Train page, and a label centred on
    the plot lost its first letter there ("ộ chính xác" at 1024x700 under a tall coach box,
    walk67 #7). ``fitting.fit_ylabels`` keeps it at the top."""
    ax.yaxis.label.set_horizontalalignment("right")
    ax.yaxis.set_label_coords(0.0, 1.0, transform=points_from(ax, -Y_LABEL_GAP_PT, 0))


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
        ax.xaxis.set_label_coords(0.5, 0.0, transform=points_from(ax, 0, -X_LABEL_GAP_PT))
        ax.yaxis.set_label_coords(0.0, 0.5, transform=points_from(ax, -Y_LABEL_GAP_PT, 0))
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
        # (no more than the plot's width holds: "100200300400500" on a narrow one, verify67 #5)
        ax.xaxis.set_major_locator(
            FittingLocator(nbins=6, steps=steps, integer=epochs, min_n_ticks=1 if epochs else 2)
        )
    # as many decimals as the ticks need: a narrow range's 0.2-point steps were all "82%"
    ax_acc.yaxis.set_major_formatter(PercentTicks())
    localise_ticks(ax_batch, ax_loss, ax_acc)
    # steps of 1, 2 or 5 (times a power of ten): a 2.5 step would need a second decimal
    # "auto": as many ticks as the axis height holds (6 on a short chart overlapped)
    ax_acc.yaxis.set_major_locator(MaxNLocator(nbins="auto", steps=(1, 2, 5, 10)))


def split_key(split: str, marked: bool = True) -> Line2D:
    """The legend key of a split's line style, in the muted colour: "validation" solid with
    squares, "train" dashed with circles (every run's colour draws both); without its marker
    when not ``marked``."""
    style = {"validation": ("-", "s"), "train": ("--", "o")}[split]
    label = shown(N_("validation")) if split == "validation" else shown(N_("train"))
    # no marker where no run's curves have them (``thin_markers``): a key with squares beside
    # 500 epochs of markerless lines read as markers piled into a band (walk70 L4)
    marker = style[1] if marked else "None"
    return Line2D([], [], color=muted_colour(), ls=style[0], marker=marker, ms=3, label=label)


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


def thin_markers(
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


def lone_marker(values: np.ndarray) -> str:
    """A marker for a curve of one point (a line of one point draws nothing)."""
    return "o" if np.isfinite(values).sum() == 1 else "None"
