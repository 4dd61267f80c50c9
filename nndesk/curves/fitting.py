"""Making a drawn chart's text fit its size: y-axis labels clear of their ticks and no longer
than the plot, titles smaller or on two lines, fewer x ticks, the figure legend's columns.
Measured as text or as last drawn; the caller lays the figure out again when one changes."""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.textpath import text_to_path
from matplotlib.ticker import MaxNLocator

from nndesk.curves.style import TITLE_POINTS, Y_LABEL_GAP_PT, points_from

#: Points kept between a y axis's widest tick label and its axis label: at 1.0, and none when
#: "100%" needed less than the default gap, "độ chính xác" touched "100%" (walk57 D2)
Y_LABEL_CLEARANCE_PT = 2.0


#: the gap each Axes' y-axis label was last placed at (``fit_ylabels``), when not the default
_ylabel_gaps: weakref.WeakKeyDictionary[Axes, float] = weakref.WeakKeyDictionary()


def text_points(figure: Figure, text: str, font: FontProperties) -> float:
    """How long ``text`` in ``font`` is drawn on ``figure``'s canvas, in points, measured
    without drawing. The canvas's renderer, where it has one: it hints the glyphs to whole
    pixels, and "độ chính xác" at 8 pt was drawn 54 pt long where its outlines measure 50.9
    (walk57 D2: the label ran past a plot it had been fitted to)."""
    get_renderer = getattr(figure.canvas, "get_renderer", None)
    if get_renderer is None:
        return text_to_path.get_text_width_height_descent(text, font, ismath=False)[0]
    # the same few texts at every draw: ~0.5 ms each to measure, on the GUI thread
    key = (text, hash(font), float(figure.dpi), type(figure.canvas))
    points = _measured.get(key)
    if points is None:
        renderer = get_renderer()
        drawn = renderer.get_text_width_height_descent(text, font, ismath=False)[0]
        points = drawn * 72 / figure.dpi
        if len(_measured) >= _MEASURED_LIMIT:
            _measured.clear()
        _measured[key] = points
    return points


#: ``text_points``' measures by text, font, dpi and kind of canvas (a few hundred at most)
_measured: dict[tuple, float] = {}
_MEASURED_LIMIT = 2000


def ylabel_gap(ax: Axes) -> float:
    """Points from the plot's left edge to its y-axis label: ``Y_LABEL_GAP_PT``, or more when
    the widest tick label in view needs it and ``Y_LABEL_CLEARANCE_PT``. The gap was fitted to
    "100%"; the accuracy ticks' decimals ("81.5%", "97.25%") ran under "accuracy" (the Runs
    chart at 1280x800)."""
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
    widest = max(text_points(ax.figure, t, font) for t in texts)
    need = tick.get_tick_padding() + tick.get_pad() + widest
    return max(Y_LABEL_GAP_PT, need + Y_LABEL_CLEARANCE_PT)


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
            # centred on the plot, or at its top where it was put there (``top_ylabel``)
            top = ax.yaxis.label.get_horizontalalignment() == "right"
            ax.yaxis.set_label_coords(0.0, 1.0 if top else 0.5, transform=points_from(ax, -gap, 0))
            changed = True
        if changed:
            moved.append(ax)
    return moved


class FittedLayout(ConstrainedLayoutEngine):
    """Constrained layout, then every plot's y-axis label fitted to the height it was given
    (``fit_ylabels``), and laid out once more when one changed: a figure drawn at a new size
    had its labels fitted only after the draw, and a second full draw showed them (the Live
    chart: two full draws for most resizes, s58). Layouts in the same draw are cheaper than
    another draw."""

    def execute(self, fig):
        laid_out = super().execute(fig)
        # the titles too, to the plots' widths: with an 11 pt desktop font the Live chart beside
        # the drawing is 455 px wide and "Độ chính xác theo epoch" ran past its right edge
        if bool(fit_ylabels(fig.axes)) | refit_titles(fig.axes):
            laid_out = super().execute(fig)
        return laid_out


#: the smallest size a y-axis label is written at to fit its plot's height, before it is left
#: out (the plot's title names the quantity: "Accuracy per epoch" over "accuracy")
Y_LABEL_LEAST_PT = 6.5


#: Points a y-axis label may run past its plot's height: hinted to whole pixels, text is drawn
#: at a few lengths only ("độ chính xác" 45 pt at both 6.5 and 7 pt, 96 dpi), and one left out
#: of a 44.7-pt plot for want of 0.3 pt made the Runs chart's titles there break onto two lines
#: (their room starts at the label), its plots 41 px tall instead of 63
Y_LABEL_SPILL_PT = 1.0


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
    room = ax.get_position().height * ax.figure.get_figheight() * 72 + Y_LABEL_SPILL_PT
    font = label.get_fontproperties().copy()
    size = own
    while True:
        font.set_size(size)
        long = text_points(ax.figure, text, font)
        if long <= room or size <= Y_LABEL_LEAST_PT:
            break
        size = max(Y_LABEL_LEAST_PT, size - 0.5)
    shown_now = long <= room
    if size == label.get_fontsize() and shown_now == label.get_visible():
        return False
    label.set_fontsize(size)
    label.set_visible(shown_now)
    return True


#: Spacing (in font sizes) between a figure legend's rows, and around them: matplotlib's
#: (0.5, 0.4) by default; ``tight`` (a low chart) the race chart's
LEGEND_SPACING, TIGHT_LEGEND_SPACING = (0.5, 0.4), (0.2, 0.1)


def fit_figure_legend(figure: Figure, caption: str = "", tight: bool = False) -> None:
    """Lay the figure's legend (``plot_overlay(..., outside=True)``) out in as many columns as
    fit its width, so it takes the fewest rows above the plots (a legend's size does not
    depend on where the layout puts it: measured without drawing the figure), ``caption``
    (what every run shares) as its title, on two lines when one is wider than the figure.
    ``tight``: its rows closer together (a low chart's plots need the height)."""
    if not figure.legends:
        return
    legend = figure.legends[0]
    handles = list(legend.legend_handles)
    labels = [t.get_text() for t in legend.get_texts()]
    renderer = figure.canvas.get_renderer()
    room = figure.bbox.width - 4
    labelspacing, borderpad = TIGHT_LEGEND_SPACING if tight else LEGEND_SPACING

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
            labelspacing=labelspacing,
            borderpad=borderpad,
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


def fit_titles(axes: Sequence[Axes], least_points: float | None = None) -> bool:
    """Fit each plot's title (``style_axes`` puts it on the left) on one line, a row of plots
    alike: a title wider than its plot starts at the left of the plot's y-axis label, over
    the room its ticks and label take below it, and is written smaller, down to
    ``SMALLEST_TITLE_POINTS`` (the Runs chart wrapped "Mất mát / theo batch" onto two lines
    even at 1280 px, its plots a line lower). Only when even that is too wide are the row's
    titles broken onto two lines at the space nearest their middle ("Độ chính xác theo epoch"
    ran off a third of a 540-px chart), so titles side by side read alike. True if any
    changed, so the caller lays the figure out again. Measured as last drawn.
    ``least_points``: the smallest size before breaking, when not ``SMALLEST_TITLE_POINTS`` (a
    low chart keeps its titles on one line: broken, they took its plots' height)."""
    rows: dict[int, list[Axes]] = {}
    for ax in axes:
        renderer = ax.figure.canvas.get_renderer()
        rows.setdefault(round(ax.get_window_extent(renderer).y1), []).append(ax)
    changed = False
    for row in rows.values():
        if not any(_title_too_wide(ax) for ax in row):
            continue
        size = _title_points_that_fit(row, least_points or SMALLEST_TITLE_POINTS)
        if size is not None:
            for ax in row:
                ax.set_title(
                    ax.get_title(loc="left"), fontsize=size, loc="left", y=1.0, x=_title_x(ax)
                )
            changed = True
        else:
            for ax in row:
                changed |= _break_title(ax)
            if any(_title_too_wide(ax) for ax in row):
                # a line of the broken title still wider than its plot ("Độ chính xác" over
                # the narrow accuracy plot at Larger text, cut at the chart's right edge,
                # verify61): smaller as far as needed, and ending at its plot's right edge,
                # over its y-axis label (as far as it must: not on the label's top)
                least = least_points or SMALLEST_TITLE_POINTS
                size = _title_points_that_fit(row, least) or least
                for ax in row:
                    _end_title_at_the_right(ax, size)
                changed = True
    return changed


def refit_titles(axes: Sequence[Axes], least_points: float | None = None) -> bool:
    """Each plot's left title back on one line at its own size, then fitted (``fit_titles``):
    a chart laid out again at another width fits its titles to that width, narrower or wider
    (``fit_titles`` alone never gives a title its size back). True if any title's text, size
    or place changed. ``least_points`` as for ``fit_titles``."""

    def state(ax: Axes) -> tuple:
        title = ax._left_title  # noqa: SLF001 - the left title
        return title.get_text(), title.get_fontsize(), title.get_position()

    before = [state(ax) for ax in axes]
    for ax in axes:
        text = ax.get_title(loc="left")
        if text:
            one_line = text.replace("\n", " ")
            ax.set_title(one_line, fontsize=TITLE_POINTS, loc="left", y=1.0, x=0.0)
    fit_titles(axes, least_points)
    return [state(ax) for ax in axes] != before


#: A title too wide for its plot is written smaller, down to this size, before it is broken
SMALLEST_TITLE_POINTS = 8.0


def _title_points_that_fit(row: Sequence[Axes], least: float) -> float | None:
    """The largest size, in half points from the titles' own down, at which every title of
    the row fits on one line from its y-axis label's left (``_title_room``); None when none
    down to ``least`` does."""
    points = min(ax._left_title.get_fontsize() for ax in row)  # noqa: SLF001 - the left title
    while points >= least:
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


def _end_title_at_the_right(ax: Axes, points: float) -> None:
    """``ax``'s left title at ``points``: from the plot's left when it fits the plot's width,
    else ending at the plot's right edge (its lines still aligned left), wherever a later
    layout puts the plot (a place in axes fractions, measured on one layout, moved a title
    over the y-axis label of the next)."""
    text = ax.get_title(loc="left")
    renderer = ax.figure.canvas.get_renderer()
    if _title_width(ax, points) <= ax.get_window_extent(renderer).width:
        ax.set_title(text, fontsize=points, loc="left", y=1.0, x=0.0)
        return
    ax.set_title(text, fontsize=points, loc="left", y=1.0, x=1.0, ha="right", ma="left")


def _title_width(ax: Axes, points: float) -> float:
    """Pixels of ``ax``'s left title's widest line at ``points``."""
    renderer = ax.figure.canvas.get_renderer()
    size = FontProperties(size=points)
    lines = ax.get_title(loc="left").split("\n")
    return max(renderer.get_text_width_height_descent(x, size, ismath=False)[0] for x in lines)


def _title_too_wide(ax: Axes) -> bool:
    """Whether ``ax``'s left title (its widest line), at its size and where it starts, runs
    past the plot's right edge."""
    text = ax.get_title(loc="left")
    if " " not in text:
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
