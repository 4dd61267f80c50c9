"""A curves figure recoloured for a report or a slide: dark text on white, whatever the window's
theme (an exported chart in the dark theme came out dark grey with light text, lab56).

The figure is drawn in the window's chart colours (matplotlib's global rcParams) and then
recoloured artist by artist. Setting ``viz.PRINT_RC`` with ``rc_context`` instead would change
those globals for the whole process while the export is drawn on the writer thread: the Live
plot drawing on the GUI thread meanwhile, or a Runs chart on the render pool, would make its new
ticks in the print colours (dark text on the dark theme's plots).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

import matplotlib
from matplotlib.artist import Artist
from matplotlib.colors import same_color, to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from nndesk.viz import PRINT_RC

#: the theme keys a curves figure is drawn with (``viz.chart_colours``)
_KEYS = ("figure.facecolor", "axes.facecolor", "axes.edgecolor", "text.color", "grid.color")


def chart_colours_now() -> dict[str, str]:
    """The chart colours the theme has set now (``_KEYS``), to give ``recolour_for_print``:
    taken as the figure is made, before another thread could switch the theme."""
    rc = matplotlib.rcParams
    return {key: to_hex(rc[key]) for key in _KEYS}


def _muted(colours: dict[str, str]) -> str:
    """``viz.muted_colour`` of these colours: the text 30 % of the way to the axes."""
    text, back = to_rgba(colours["text.color"]), to_rgba(colours["axes.facecolor"])
    return to_hex(tuple(t + (b - t) * 0.3 for t, b in zip(text[:3], back[:3], strict=True)))


def _same(colour, other: str) -> bool:
    try:
        return same_color(colour, other)
    except ValueError:  # a colour per element (an array): a data colour
        return False


def recolour_for_print(
    figure: Figure,
    drawn_in: dict[str, str],
    keep: Collection[Artist] = (),
    colours: Mapping[str, object] = PRINT_RC,
) -> None:
    """Recolour ``figure``, made in the chart colours ``drawn_in`` (``chart_colours_now``), in
    ``viz.PRINT_RC``'s (or ``colours``: the dark theme's, asked for in a light window):
    background, axes, frames, ticks, grid, text and muted text (the legend's
    "train"/"validation" keys, a setting-change note). Data colours (each run's, the batch
    band's) stay, and so do the texts in ``keep`` (a confusion matrix's counts, coloured for
    their cells: the dark theme's light text is also the ink of a count on a dark cell)."""
    new = {key: to_hex(colours[key]) for key in _KEYS}
    text, muted = drawn_in["text.color"], _muted(drawn_in)
    new_muted = _muted(new)
    kept = {id(artist) for artist in keep}
    figure.patch.set_facecolor(new["figure.facecolor"])
    for item in figure.findobj(Text):
        if id(item) in kept:
            continue
        if _same(item.get_color(), text):
            item.set_color(new["text.color"])
        elif _same(item.get_color(), muted):
            item.set_color(new_muted)
    for line in figure.findobj(Line2D):  # a legend's split keys, drawn in the muted colour
        if _same(line.get_color(), muted):
            line.set_color(new_muted)
            if _same(line.get_markerfacecolor(), muted):
                line.set_markerfacecolor(new_muted)
            if _same(line.get_markeredgecolor(), muted):
                line.set_markeredgecolor(new_muted)
    for ax in figure.axes:
        ax.patch.set_facecolor(new["axes.facecolor"])
        for spine in ax.spines.values():
            spine.set_edgecolor(new["axes.edgecolor"])
        # the ticks made from now on too (savefig makes those of the final limits)
        ax.tick_params(which="both", colors=new["text.color"])
        ax.tick_params(which="major", grid_color=new["grid.color"])
    for legend in [*figure.legends, *(ax.get_legend() for ax in figure.axes)]:
        if legend is not None:
            legend.get_frame().set_facecolor(new["axes.facecolor"])
            legend.get_frame().set_edgecolor(new["axes.edgecolor"])


def copied(figure: Figure) -> Figure:
    """A copy of ``figure`` (one on screen) to recolour and save: pickled and read back, on a
    plain canvas of its own."""
    import pickle

    return pickle.loads(pickle.dumps(figure))
