"""The one key of the three curve plots (the Live chart's and the Race chart's) and the room
their plots keep: the key above the batch plot's right end, outside every plot, beside the
plot's title where it fits, else above the title in the plot's whole width; and the chart's
least height for plots readable at the text size shown (View > Text size)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib import rcParams
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import ScaledTranslation, Transform

from nndesk.curves.style import TITLE_POINTS

#: pixels kept free between the batch plot's title and the key beside it
KEY_GAP_PX = 12

#: px each plot keeps at least, times the charts' zoom (View > Text size): a chart grows past
#: its own least height for them (the page scrolls). At Larger text on a 1024x768 projector
#: the zoomed key and titles left the Live chart's plots 35-40 px tall (walk61 D1) and the
#: Race chart's 15-20 px, their y labels dropped and their ticks on one another
PLOT_LEAST_HEIGHT = 80


def title_lift_points(ax: Axes) -> float:
    """Points from the top of ``ax`` to the top of its left title (its lines and its pad)."""
    lines = ax.get_title(loc="left").count("\n") + 1
    return lines * TITLE_POINTS * 1.25 + rcParams["axes.titlepad"]


def above_title(ax: Axes) -> Transform:
    """``ax``'s axes coordinates moved up by its title's height: a key anchored at (1, 1) in
    them sits above the title, not beside it."""
    lift = title_lift_points(ax)
    return ax.transAxes + ScaledTranslation(0, lift / 72, ax.figure.dpi_scale_trans)


def place_key(
    ax: Axes, handles: Sequence, labels: Sequence[str], title: str | None, style: dict
) -> tuple[int, bool]:
    """``ax``'s legend of ``handles`` and ``labels`` (legend keywords ``style``) anchored at
    the plot's top right, in the first place it fits: beside the plot's ``title`` (the widest
    text the title shows) in one row or two; else above the title, in the plot's whole width,
    in one row or two (a narrow chart at Larger text: beside the title the key took four or
    five rows, walk61 D1); else in more rows, beside and then above; else in one column above
    the title, its longest labels on more lines. ``title`` None (the
    figure has no renderer yet, or nothing to fit): one row beside the title. Returns the
    key's (columns, whether it is above the title)."""
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    if not handles:
        return 1, False
    get_renderer = getattr(ax.figure.canvas, "get_renderer", None)
    renderer = get_renderer() if get_renderer is not None and title is not None else None
    rows_to_try = range(1, len(handles) + 1) if renderer is not None else range(1, 2)
    room = width = 0.0
    if renderer is not None:
        size = FontProperties(size=TITLE_POINTS)
        title_px = max(
            renderer.get_text_width_height_descent(line, size, ismath=False)[0]
            for line in title.split("\n")
        )
        width = ax.get_window_extent(renderer).width
        room = width - title_px - KEY_GAP_PX
    # two rows above the title before three or more beside it: fewer rows in all
    tries = [(rows, False) for rows in rows_to_try if rows <= 2]
    if renderer is not None:
        tries += [(rows, True) for rows in rows_to_try if rows <= 2]
        tries += [(rows, lifted) for lifted in (False, True) for rows in rows_to_try[2:]]
    for rows, lifted in tries:
        columns = math.ceil(len(handles) / rows)
        legend = _legend(ax, handles, labels, lifted, columns, style)
        if renderer is None or legend.get_window_extent(renderer).width <= (
            width if lifted else room
        ):
            return columns, lifted
    # one column above the title, still wider than the plot (lanes named by all that sets them
    # apart: "fashion-prelu-l2-plus, PReLU (…), L2 0,0001, batch 64, …" ran 65 px past the
    # left edge of a 455 px chart at Larger text): its longest labels on more lines
    font = FontProperties(size=style.get("fontsize"))
    over = legend.get_window_extent(renderer).width - width
    widths = [renderer.get_text_width_height_descent(t, font, ismath=False)[0] for t in labels]
    most = max(widths) - over
    wrapped = [
        _wrapped(t, most, font, renderer) if w > most else t
        for t, w in zip(labels, widths, strict=True)
    ]
    _legend(ax, handles, wrapped, True, 1, style)
    return 1, True


def _legend(ax: Axes, handles, labels, lifted: bool, columns: int, style: dict):
    return ax.legend(
        handles,
        labels,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        bbox_transform=above_title(ax) if lifted else ax.transAxes,
        ncols=columns,
        **style,
    )


def _wrapped(text: str, most_px: float, font: FontProperties, renderer) -> str:
    """``text`` on as many lines as it takes, broken at spaces, each at most ``most_px`` wide
    (a word wider than that on a line of its own)."""
    lines: list[str] = []
    for word in text.split(" "):
        joined = f"{lines[-1]} {word}" if lines else word
        fits = renderer.get_text_width_height_descent(joined, font, ismath=False)[0] <= most_px
        if lines and fits:
            lines[-1] = joined
        else:
            lines.append(word)
    return "\n".join(lines)


def least_chart_height(
    chart_px: float, plot_px: tuple[float, float], zoom: float, floor: int
) -> int:
    """A chart's least height for plots ``PLOT_LEAST_HEIGHT * zoom`` tall, and ``floor`` at
    least: ``chart_px`` is its height now and ``plot_px`` its two rows' plots' heights (the
    batches' above, the epochs' below). The key, titles, ticks and gaps keep their px at any
    chart height, and the two rows share the rest evenly."""
    decorations = chart_px - sum(plot_px)
    return max(floor, math.ceil(decorations + 2 * PLOT_LEAST_HEIGHT * zoom))
