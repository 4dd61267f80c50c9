"""The Runs view's chart: the selected runs' curves overlaid, rendered to an image on any
thread (the render pool), never on the GUI thread."""

from __future__ import annotations

import os

from PySide6.QtGui import QImage

from nndesk.curves import plot_overlay
from nndesk.curves.fitting import (
    fit_figure_legend,
    fit_ticks,
    fit_titles,
    fit_ylabels,
    refit_titles,
)
from nndesk.curves.marks import kept_run_turns
from nndesk.i18n import localised
from nndesk.plain_text import one_line
from nndesk.run_colours import chart_colours
from nndesk.run_curves import EPOCH_COLUMNS, Curves
from nndesk.run_record import RunRecord
from nndesk.ui.runs_legend import chart_order, legend_caption, legend_labels
from nndesk.ui.runs_table import CELL_CHARS, run_name
from nndesk.viz import muted_colour

#: Pixels the chart keeps free right of its rightmost plot (beside the layout's own 4): that
#: plot, which has no right spine, ended at the panel's edge and read as cut off at 1024 px
#: (walk45 D9)
CHART_RIGHT_PX = 10
#: Below this height-to-width ratio the Runs chart puts its three plots side by side
WIDE_CHART_RATIO = 0.55
#: Pixels a plot keeps at least: lower, the chart drops its x labels and tightens its key
PLOT_LEAST_PX = 60
#: A low chart's titles are written this small before they break onto two lines
LOW_TITLE_POINTS = 7.0
#: Times a low chart fits its y labels and titles again, each on the last one's layout
LOW_FITS = 3
#: Points per curve the overlay draws (a record may hold 50,000 batches and far more epochs
#: than a chart has pixels: drawing them all took the window seconds)
PLOTTED_POINTS = 2000


def render_selected(
    selected: list[RunRecord],
    empty_text: str,
    unreadable: str,
    w: int,
    h: int,
    ratio: float,
    zoom: float = 1.0,
):
    """(the chart image, (legend label, thinned curves) per run, whether a run was found
    damaged, the names of those whose folder is gone) of the ``selected`` runs, on the render
    thread: a listed run's curves are read from its file here, not on the GUI thread (4,000
    batch points took 5 ms each to parse).
    Damaged runs are left out (empty axes told nothing); when every selected run is damaged
    the chart says ``unreadable`` (``{folder}`` and ``{reason}`` filled from the first); its
    text ``zoom`` times its own size (View > Text size). The runs are drawn in the order they
    started (``chart_order``), each in its own colour (``run_colours``: a kept race lane's is
    the one its lane had, whichever runs are compared)."""
    selected = chart_order(selected)
    damaged = [r.is_damaged for r in selected]
    names = [run_name(r) for r in selected]  # as listed: a run read gone is named "(damaged)"
    unread = [r for r in selected if not r.curves_read]
    # copies of the lists: a running run's record may still grow. Read first: a record whose
    # curves turn out damaged is damaged from then on
    curves = [plotted_curves(r.curves).copy() for r in selected]
    readable = [(r, c) for r, c in zip(selected, curves, strict=True) if not r.is_damaged]
    labels = legend_labels([r for r, _ in readable])
    runs = [(label, c) for label, (_, c) in zip(labels, readable, strict=True)]
    turns = [kept_run_turns(r.config, c) for r, c in readable]  # marked as the Live chart does
    for record in unread:  # read again if shown again: browsing 2,000 runs kept all in memory
        record.forget_curves()
    found = any(r.is_damaged and not was for r, was in zip(selected, damaged, strict=True))
    # runs whose folder itself is gone (deleted outside the window): not damaged, gone
    gone = [
        name
        for r, name in zip(selected, names, strict=True)
        if r.is_damaged and not os.path.lexists(r.folder)
    ]
    if selected and not readable:
        first = selected[0]
        empty_text = unreadable.format(
            folder=one_line(first.run_id, CELL_CHARS), reason=localised(first.message)
        )
    caption = legend_caption([r for r, _ in readable])
    colours = chart_colours([r.colour for r, _ in readable])  # each run's own
    image = render_overlay(runs, empty_text, w, h, ratio, caption, zoom, turns, colours)
    return image, runs, found, gone


def render_overlay(
    runs,
    empty_text: str,
    width: int,
    height: int,
    ratio: float = 1.0,
    caption: str = "",
    zoom: float = 1.0,
    turns=(),
    colours=(),
) -> QImage:
    """The Runs view's chart of ``runs`` ((label, Curves) pairs) overlaid, ``width`` x
    ``height`` device-independent pixels at ``ratio`` device pixels each (any thread);
    ``caption`` above the legend (``legend_caption``); its text and lines ``zoom`` times their
    own size (View > Text size); ``turns``: each run's schedule turns, ``colours`` each
    run's colour (``plot_overlay``)."""
    figure = overlay_figure(runs, empty_text, width, height, ratio, caption, zoom, turns, colours)
    rgba = figure.canvas.buffer_rgba()
    h, w = int(rgba.shape[0]), int(rgba.shape[1])
    return QImage(bytes(rgba), w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def overlay_figure(
    runs,
    empty_text: str,
    width: int,
    height: int,
    ratio: float = 1.0,
    caption: str = "",
    zoom: float = 1.0,
    turns=(),
    colours=(),
):
    """The matplotlib Figure ``render_overlay`` draws, drawn on its Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dpi = 96.0 * zoom  # more dots per inch on the same pixels: bigger text in the same place
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi * ratio, layout="constrained")
    # room right of the rightmost plot, as the race chart keeps (``race_chart.RIGHT_PT``)
    fig.get_layout_engine().set(rect=(0, 0, 1 - CHART_RIGHT_PX / width, 1))
    canvas = FigureCanvasAgg(fig)
    if height < WIDE_CHART_RATIO * width:
        # a low chart (1024x700 gives about 540x210 px): the three plots side by side, each
        # the full height; stacked, the batch plot was some 40 px tall
        grid = fig.add_gridspec(1, 3, width_ratios=(1.3, 1, 1))
        axes = tuple(fig.add_subplot(grid[0, i]) for i in range(3))
    else:
        grid = fig.add_gridspec(2, 2, height_ratios=(1, 1))
        axes = (
            fig.add_subplot(grid[0, :]),
            fig.add_subplot(grid[1, 0]),
            fig.add_subplot(grid[1, 1]),
        )
    # the legend above the plots, never over a curve
    plot_overlay(*axes, runs, outside=True, turns=turns, colours=colours)
    fit_ylabels(axes)  # clear of the ticks the limits make ("81.5%")
    fit_figure_legend(fig, caption)
    if empty_text:  # no run selected: the sentence alone (over empty axes it crossed ticks)
        for ax in axes:
            ax.set_visible(False)
        fig.text(0.5, 0.5, empty_text, ha="center", va="center", color=muted_colour(), wrap=True)
    canvas.draw()
    # the y labels first, at the plots' laid-out heights (on a low chart one is made smaller or
    # left out): the titles start from where the labels are
    if fit_ylabels(axes):
        canvas.draw()
    # all measured as first drawn; the y labels again, as the layout's heights tick the
    # accuracy axis (its ticks' decimals) differently from the figure's first guess
    if fit_titles(axes) | fit_ticks(axes) | bool(fit_ylabels(axes)):
        canvas.draw()
    if not empty_text and _plots_height(axes) < PLOT_LEAST_PX * ratio:
        # six runs' key in three rows, titles on two lines and the x labels left the plots
        # 14-33 px of a 150 px chart, their titles over each other at 490 px (verify58 D3):
        # the plots' height first. The titles' "per batch/per epoch" name the x axes' unit
        for ax in axes:
            ax.set_xlabel("")
        fit_figure_legend(fig, caption, tight=True)
        refit_titles(axes, LOW_TITLE_POINTS)
        canvas.draw()
        # each fit moves the plots the others were measured on (a smaller y label widens a
        # plot, and a title placed for the old width ran past the figure's edge): again until
        # none changes
        for _ in range(LOW_FITS):
            if not (bool(fit_ylabels(axes)) | fit_titles(axes, LOW_TITLE_POINTS)):
                break
            canvas.draw()
        if fit_ticks(axes):
            canvas.draw()
    return fig


def _plots_height(axes) -> float:
    """The lowest plot's height (device pixels), as last drawn."""
    renderer = axes[0].figure.canvas.get_renderer()
    return min(ax.get_window_extent(renderer).height for ax in axes)


def plotted_curves(curves: Curves, points: int = PLOTTED_POINTS) -> Curves:
    """``curves`` with at most about ``points`` points per line (every k-th, the last kept):
    what a chart a few hundred pixels wide can show of a long record."""
    batch_step = -(-len(curves.batch_x) // points)
    epoch_step = -(-len(curves.epochs) // points)
    if batch_step <= 1 and epoch_step <= 1:
        return curves

    def every(values: list, step: int) -> list:
        if step <= 1 or not values:
            return values
        kept = values[::step]
        return kept if (len(values) - 1) % step == 0 else [*kept, values[-1]]

    thinned = curves.copy()
    thinned.batch_x = every(curves.batch_x, batch_step)
    thinned.batch_loss = every(curves.batch_loss, batch_step)
    for column in EPOCH_COLUMNS:  # every per-epoch line, as Curves stores them
        name = "epochs" if column == "epoch" else column
        setattr(thinned, name, every(getattr(curves, name), epoch_step))
    thinned.lr_start = every(curves.lr_start, epoch_step)
    return thinned
