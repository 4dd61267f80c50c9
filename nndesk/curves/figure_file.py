"""The curves as a PNG file: one run as the live plot draws it, several overlaid."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nndesk.curves.fitting import fit_figure_legend, fit_ticks, fit_titles, fit_ylabels
from nndesk.curves.live import LiveCurves
from nndesk.curves.marks import ScheduleTurn
from nndesk.curves.overlay import plot_overlay
from nndesk.curves.printed import chart_colours_now, recolour_for_print
from nndesk.fileio import atomic_path
from nndesk.run_curves import Curves


def make_figure(width: float = 12.0, height: float = 3.6) -> tuple[Figure, tuple[Axes, Axes, Axes]]:
    """A Qt-free Figure with the three curve Axes side by side."""
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(1, 3)
    return fig, (axes[0], axes[1], axes[2])


def save_curves_png(
    runs: Sequence[tuple[str, Curves]],
    path: str | os.PathLike,
    dpi: int = 120,
    caption: str = "",
    turns: Sequence[Sequence[ScheduleTurn]] = (),
    colours: dict | None = None,
    run_colours: Sequence[str] = (),
) -> Path:
    """Render one run (live style) or several (overlay) to a PNG, atomically; ``caption`` above
    the overlay's legend (what the runs share, as the Runs chart says it); ``turns``: each
    run's schedule turns, marked as on screen; ``run_colours``: each run's colour, as the Runs
    chart draws it. Dark on white for a report or a slide, whatever
    the window's theme (``curves.printed``), or in the chart colours ``colours`` (the dark
    theme's, when the save dialog asks for them)."""
    drawn_in = chart_colours_now()
    fig, axes = make_figure()
    FigureCanvasAgg(fig)  # measures the legend and titles before the file is written
    if len(runs) == 1:
        live = LiveCurves(*axes)
        if turns and turns[0]:  # its epochs as the Live chart spans them, the turns marked
            curves = runs[0][1]
            live.set_span(1, max(math.ceil(curves.last_x) if curves.batch_x else 1, 2), turns[0])
        live.update(runs[0][1])
        fig.suptitle(runs[0][0], fontsize=10)
        # the key beside the batch plot's title, in as many rows as it needs: laid out
        # unmeasured it lay over "Loss per batch"
        fig.canvas.draw()
        live.fit_key()
    else:
        plot_overlay(*axes, runs, outside=True, turns=turns, colours=run_colours)
        fit_figure_legend(fig, caption)
        fig.canvas.draw()
        fit_titles(axes)  # all measured as first drawn; savefig draws them again
        fit_ticks(axes)
        fit_ylabels(axes)  # the ticks of the laid-out heights
    if colours is None:
        recolour_for_print(fig, drawn_in)
    else:
        recolour_for_print(fig, drawn_in, colours=colours)
    path = Path(path)
    with atomic_path(path, suffix=".png") as tmp:
        # the figure's own white: savefig's default is the theme's window colour
        fig.savefig(tmp, dpi=dpi, format="png", facecolor=fig.get_facecolor())
    return path
