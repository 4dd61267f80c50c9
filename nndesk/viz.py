"""Matplotlib drawings on a given ``Axes``; no Qt, so tests run them under Agg and exports reuse
them.

Every function draws on the Axes it is given and returns the artist a caller may want to
update or hit-test (an ``AxesImage``, a ``BarContainer``, ...).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, LinearSegmentedColormap, PowerNorm, to_hex, to_rgba
from matplotlib.ticker import LogFormatterSciNotation, PercentFormatter, ScalarFormatter

from nndesk.i18n import N_, fill, grouped, localise_number, number, shown

# Charts start from matplotlib's own defaults, never a matplotlibrc nndesk did not write:
# matplotlib reads one from the folder the program was started in (before $MATPLOTLIBRC and its
# config folder), so a "figure.dpi: 100000" there made every chart's draw fail with MemoryError
# tracebacks, and other keys changed the window's fonts, lines and colours. Done here, before
# the theme's own settings (every module that draws imports this one); the backend is kept.
matplotlib.rcdefaults()
# Chart text is plain text. Matplotlib reads "$...$" as TeX: a run's title or a model's class
# name (both from files anyone may share) holding "$\frac{$" made every draw of its chart raise,
# and a deeply nested one RecursionError. Every module that draws imports this one.
matplotlib.rcParams["text.parse_math"] = False

# one palette for every page, so a class has the same colour in the bar, the pie and the legend
PALETTE = (
    "#4C72B0",
    "#DD8452",
    "#55A868",
    "#C44E52",
    "#8172B3",
    "#937860",
    "#DA8BC3",
    "#8C8C8C",
    "#CCB974",
    "#64B5CD",
)


#: a whole tick number of four digits or more, as matplotlib writes it ("8000", "−1200")
_WHOLE_THOUSANDS = re.compile(r"([-−]?)(\d{4,})")


class LocalisedNumbers(ScalarFormatter):
    """Matplotlib's tick numbers with the window language's decimal mark (``0,25`` in
    Vietnamese), as ``nndesk.i18n.fmt`` writes the window's own numbers (Python's ``0.25``
    in English and outside the window). Thousands are grouped as the bars' own labels group them
    (``8.000`` beside a bar's ``6.000``, ``8,000`` in English; matplotlib wrote ``8000``)."""

    def __call__(self, x, pos=None) -> str:
        text = super().__call__(x, pos)
        whole = _WHOLE_THOUSANDS.fullmatch(text)
        if whole is not None:
            return whole.group(1) + grouped(int(whole.group(2)))
        return localise_number(text)

    def get_offset(self) -> str:
        return localise_number(super().get_offset())

    def format_data_short(self, value) -> str:
        return localise_number(super().format_data_short(value))


class PercentTicks(PercentFormatter):
    """Shares 0-1 as percent ticks with the decimals their places need and no more ("80%",
    "81.2%", "81.25%"), so two ticks never read alike, in the window language's decimal mark.
    Whole percents printed a race's narrow range, ticks 0.2 points apart, as "82%, 82%, 82%,
    81%, 81%" (a newcomer's walk)."""

    MOST_DECIMALS = 4

    def __init__(self) -> None:
        super().__init__(xmax=1.0, decimals=0)

    def set_locs(self, locs) -> None:
        """Before the labels are written (matplotlib calls this with every tick in view): the
        fewest decimals that write each tick's percent exactly."""
        super().set_locs(locs)
        self.decimals = places_needed([100.0 * float(x) for x in locs], self.MOST_DECIMALS)

    def __call__(self, x, pos=None) -> str:
        return localise_number(super().__call__(x, pos))


def places_needed(values: Sequence[float], most: int) -> int:
    """The fewest decimals (up to ``most``) that write every value exactly (to a millionth of a
    unit, so float noise such as 81.19999999 needs none beyond the tick's own)."""
    for places in range(most + 1):
        if all(abs(round(v, places) - v) < 1e-6 for v in values):
            return places
    return most


_SUPERSCRIPT = dict(zip("0123456789-\N{MINUS SIGN}", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻", strict=True))


def plain_power(label: str) -> str:
    """A log axis's TeX tick label as plain text: ``$\\mathdefault{4\\times10^{-1}}$`` ->
    ``4×10⁻¹`` (chart text is not read as TeX, see above); any other text is returned as is."""
    match = re.fullmatch(r"\$\\mathdefault\{(.*)\}\$", label)
    if match is None:
        return label
    body = match.group(1).replace("\\times", "×")
    return re.sub(
        r"\^\{([^{}]*)\}", lambda m: "".join(_SUPERSCRIPT.get(c, c) for c in m.group(1)), body
    )


#: A log axis whose view lies between these writes its ticks as plain numbers ("0.6", "2",
#: "6"), as a student reads them: "6×10⁰ 4×10⁰ 3×10⁰ 2×10⁰" on Train > Inside's gradient norms
#: had to be worked out (walk45). An axis reaching past them keeps the powers ("10⁻⁴", "2×10⁵").
PLAIN_LOG_VIEW = (1e-3, 1e4)


class LogTicks(LogFormatterSciNotation):
    """A log axis's ticks as plain text in the window language's decimal mark: plain numbers
    (``0.6``, ``2``, ``0.001``) when the axis's view lies within ``PLAIN_LOG_VIEW``, else powers
    of ten (``10⁻³``, ``2×10⁻¹``). Major and minor ticks decide alike (by the view), so an axis
    never mixes the two."""

    def __call__(self, x, pos=None) -> str:
        text = plain_power(super().__call__(x, pos))
        if text and x > 0 and self._plain_view():
            return plain_number(x)
        return localise_number(text)

    def _plain_view(self) -> bool:
        low, high = sorted(self.axis.get_view_interval()) if self.axis is not None else (0, 0)
        return PLAIN_LOG_VIEW[0] * (1 - 1e-9) <= low and high < PLAIN_LOG_VIEW[1]


def plain_number(x: float) -> str:
    """A positive tick value as a student writes it: ``0.6``, ``2``, ``0.003``, ``2,000``
    (float noise such as 0.6000000000000001 dropped), in the window language's marks."""
    text = f"{x:.6g}"
    whole = _WHOLE_THOUSANDS.fullmatch(text)
    return grouped(int(text)) if whole is not None else localise_number(text)


class FewerLogTicks(LogTicks):
    """``LogTicks`` for the in-between ticks of a short log axis, labelling only those at 2 and 5
    times a power (``0.2``, ``0.05``, ``2×10⁻⁴``) of the ones matplotlib would label."""

    KEPT = frozenset({1, 2, 5})

    def set_locs(self, locs=None) -> None:
        super().set_locs(locs)
        # matplotlib's LogFormatter labels an in-between tick when its coefficient is in
        # _sublabels (None: every one; 1, 2, 3, 4 and 6 on an axis of about a decade, which
        # kept "1" and "2" alone here; {1}: the powers alone, left so)
        labelled = self._sublabels
        self._sublabels = set(self.KEPT) if labelled is None or len(labelled) > 1 else labelled


def localise_ticks(*axes: Axes) -> None:
    """Write the plain numeric ticks of ``axes`` with the window language's decimal mark, and a
    log axis's as ``LogTicks`` (tick formats of their own, such as percentages, are
    left as they are). Call it again after ``set_yscale("log")``: that sets new formatters."""
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(LocalisedNumbers())
            for get, set_ in (
                (axis.get_major_formatter, axis.set_major_formatter),
                (axis.get_minor_formatter, axis.set_minor_formatter),
            ):
                formatter = get()
                if type(formatter) is LogFormatterSciNotation:
                    set_(LogTicks(formatter._base, labelOnlyBase=formatter.labelOnlyBase))


#: Put before a legend label that begins with "_": matplotlib leaves such labels out of a
#: legend (its mark for "hidden"), so a run titled "_baseline" had no entry. Zero-width: the
#: label reads as typed.
LEGEND_SHOWN_PREFIX = "\u200b"


def legend_label(text: str) -> str:
    """``text`` as a legend label that matplotlib shows even when it starts with "_"."""
    return LEGEND_SHOWN_PREFIX + text if text.startswith("_") else text


def muted_colour(colours: Mapping[str, Any] | None = None) -> str:
    """Quiet chart text (hints, notes): the theme's text colour 30% of the way to the axes
    background, so it follows a dark theme and keeps 4.5:1 contrast in both. ``colours``: chart
    colours (``chart_colours``) to use instead of the theme's (matplotlib's rcParams)."""
    colours = matplotlib.rcParams if colours is None else colours
    text = to_rgba(colours["text.color"])
    back = to_rgba(colours["axes.facecolor"])
    return to_hex(tuple(t + (b - t) * 0.3 for t, b in zip(text[:3], back[:3], strict=True)))


def chart_colours(window: str, base: str, edge: str, text: str, grid: str) -> dict[str, object]:
    """matplotlib rcParams for charts on ``window`` (the figure) and ``base`` (the axes), with
    ``edge`` frames, ``text`` and ``grid`` lines: the window's themes (``ui.theme.chart_rc``)
    and a picture made for a slide (``PRINT_RC``) set the same keys."""
    return {
        "figure.facecolor": window,
        "axes.facecolor": base,
        "axes.edgecolor": edge,
        "axes.labelcolor": text,
        "axes.titlecolor": text,
        "text.color": text,
        "xtick.color": text,
        "ytick.color": text,
        "xtick.labelcolor": text,
        "ytick.labelcolor": text,
        "grid.color": grid,
        "legend.facecolor": base,
        "legend.edgecolor": edge,
        "legend.labelcolor": text,
        "savefig.facecolor": window,
    }


#: chart colours of a picture made for a slide or a report (the confusion matrix's PNG): dark
#: text on white whatever the window's theme. With the dark theme's light text it was drawn on a
#: white page and could not be read
PRINT_RC = chart_colours("#ffffff", "#ffffff", "#a0a0a0", "#1b1b1b", "#dcdcdc")


def background_colour(colours: Mapping[str, Any] | None = None) -> str:
    """The axes background, for lines that separate cells and bars (white on a light theme);
    ``colours``: chart colours instead of the theme's."""
    return to_hex((matplotlib.rcParams if colours is None else colours)["axes.facecolor"])


def luminance(colour) -> float:
    """Relative luminance (WCAG 2.1) of a colour, 0 (black) to 1 (white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b, _ = to_rgba(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground, background) -> float:
    """WCAG contrast ratio, 1 to 21; AA asks 4.5 for body text."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


#: the blues a confusion matrix's shares run through on a dark chart: the emptiest cell a shade
#: off the background (so the cells still read as a grid), the fullest a light blue
DARK_MATRIX_BLUES = ("#1c3554", "#2f63a3", "#5b9be0", "#b5d6fa")
#: a count's text on a light cell and on a dark one: black and white, because only they keep
#: 4.5:1 on every cell whichever is chosen (a blue of luminance ~0.22 gave "#1F2933" and white
#: both 3.9:1)
DARK_INK, LIGHT_INK = "#000000", "#ffffff"


def confusion_colours(colours: Mapping[str, Any] | None = None) -> Colormap:
    """The colour scale of a confusion matrix in the current chart colours (or ``colours``):
    matplotlib's Blues (white to dark blue) on a light background; on a dark one a scale from
    near the background to light blue, so the matrix is not a white block in a dark window (a
    newcomer's walk) and a mistake still shows as a lighter cell."""
    back = (matplotlib.rcParams if colours is None else colours)["axes.facecolor"]
    if luminance(back) >= 0.5:
        return matplotlib.colormaps["Blues"]
    return LinearSegmentedColormap.from_list("nndesk-dark-blues", DARK_MATRIX_BLUES)


def count_colour(cell, empty: bool, colours: Mapping[str, Any] | None = None) -> str:
    """The colour of a count written on a cell of colour ``cell``: dark or white ink, whichever
    reads better on it; an empty cell's 0 quieter (the chart's muted text on a dark chart;
    ``colours``: chart colours instead of the theme's)."""
    dark_cell = contrast(LIGHT_INK, cell) > contrast(DARK_INK, cell)
    if empty:
        return muted_colour(colours) if dark_cell else "#5C6773"
    return LIGHT_INK if dark_cell else DARK_INK


def class_colour(k: int) -> str:
    return PALETTE[k % len(PALETTE)]


def row_normalise(confusion: np.ndarray) -> np.ndarray:
    """float64 (k, k): each row divided by its sum (recall per cell); empty rows stay 0."""
    confusion = np.asarray(confusion, dtype=np.float64)
    sums = confusion.sum(axis=1, keepdims=True)
    out = np.zeros_like(confusion)
    np.divide(confusion, sums, out=out, where=sums > 0)
    return out


# Counts are written in full (grouped: "5.032" in Vietnamese) down to this size (points);
# a count of thousands that would need a smaller font is shortened to "5,0k" instead
READABLE_COUNT_POINTS = 6.5
# A count of four digits is written in full down to this size: at 1024x700 Evaluate's cells
# (~30 px) held "1.000" at 6.6 pt and the bold diagonal's at 6.2, and the column read "1,0k"
# (a thousand with a decimal, a letter not every reader takes for "thousand") beside full
# counts elsewhere; a count must be exact where it can be, and 6 pt digits read on screen
FULL_FOUR_DIGITS_POINTS = 6.0
# ... and in the regular weight, the diagonal's bold dropped, down to this: at 1024x700 the
# replay's cells are 24.8 px and "5 260" fitted them at 5.85 pt, so the diagonal read "5.3k"
# (s64: whole counts wanted, a font step smaller if need be); a bold count is wider and
# heavier, its strokes run together smaller
LIGHT_FOUR_DIGITS_POINTS = 5.5


#: what groups the digits of a count in a cell too narrow for the window's grouping: U+2009
#: THIN SPACE (SI's digit group separator), narrower than "." or ","
THIN_SPACE = "\u2009"


def _readable_points(n: int, light: bool = False) -> float:
    """The smallest size ``n`` is written at in full (smaller: shortened), ``light``: in the
    regular weight where it would be bold."""
    if n >= 10_000:
        return READABLE_COUNT_POINTS
    return LIGHT_FOUR_DIGITS_POINTS if light else FULL_FOUR_DIGITS_POINTS


def count_weight(row: int, col: int, light: bool = False) -> str:
    """How heavy cell (``row``, ``col``)'s count is written: the diagonal's, the right answers,
    in bold, unless ``light`` (``fit_cell_counts``: a cell too narrow for a bold count whole)."""
    return "bold" if row == col and not light else "normal"


def count_points(k: int) -> float:
    """The size (points) a k x k matrix's counts are written at when their cells have room."""
    return 6.0 if k > 12 else (8.0 if k > 8 else 10.0)


def thin_grouped(n: int) -> str:
    """A count with its digits grouped by thin spaces ("1 130"): exact, a little narrower
    than ``grouped``'s "1.130"."""
    return f"{int(n):,}".replace(",", THIN_SPACE)


def short_count(n: int) -> str:
    """A count of thousands for a narrow cell: ``5,0k`` in Vietnamese (``5.0k`` in English),
    ``12k`` from ten thousand; smaller counts as they are."""
    if n < 1000:
        return grouped(n)
    if n < 9950:
        return fill(shown(N_("{thousands:.1f}k")), thousands=n / 1000)
    return fill(shown(N_("{thousands:.0f}k")), thousands=n / 1000)


#: the width (points) of the lines between a confusion matrix's cells
GRID_POINTS = 1.0
#: points a count keeps clear of its cell's line on each side: at 0.9 of the cell's pitch, a
#: bold "962" touched its cell's left edge at the larger text (Evaluate at 1024x700, 25 px
#: cells: the line took 1.7 of them; walk67 #9)
COUNT_MARGIN_POINTS = 0.5


def cell_inside(ax: Axes, k: int, renderer) -> float:
    """The px across a cell of ``ax``'s k x k matrix between the lines around it."""
    box = ax.get_window_extent(renderer)
    return min(box.width, box.height) / max(k, 1) - GRID_POINTS * ax.figure.dpi / 72


def count_room(ax: Axes, k: int, renderer) -> float:
    """The px a count may take across its cell in ``ax``'s k x k matrix: 0.9 of the cell, and
    no more than the cell less its line and a margin each side (both in points: they grow
    with View > Text size's zoom)."""
    box = ax.get_window_extent(renderer)
    pitch = min(box.width, box.height) / max(k, 1)
    clear = (GRID_POINTS + 2 * COUNT_MARGIN_POINTS) * ax.figure.dpi / 72
    return min(0.9 * pitch, pitch - clear)


def fit_cell_counts(
    ax: Axes, confusion: np.ndarray, renderer, smallest: float = 5.0, zoom: float = 1.0
) -> bool:
    """Write the counts ``plot_confusion`` put in ``ax`` so each fits its cell on screen: in
    full ("5.032") at the largest size up to ``count_points`` that fits, or, when that would be
    under ``READABLE_COUNT_POINTS`` (``FULL_FOUR_DIGITS_POINTS`` for four digits), grouped by
    thin spaces ("5 032") if they are readable so, then so in the regular weight, the
    diagonal's bold dropped (down to ``LIGHT_FOUR_DIGITS_POINTS``), else shortened ("5,0k":
    in a 1024 px window's replay "5032" fitted only at 5 pt). Never under ``smallest``. True
    if any text changed (draw to see it).

    ``confusion`` is the int (k, k) matrix drawn; ``renderer`` one the axes was laid out with.
    ``zoom`` is View > Text size's (``MatrixFigure``'s): a point of the figure is that much
    larger on screen, so the sizes above are that much smaller in its points. At 1024x768 at
    the larger text Evaluate's diagonal read "1,1k" where "1 130" read at 6 pt on screen: a
    teacher wants the count, and "k" is not a Vietnamese course's word (walk63).
    """
    smallest /= zoom
    confusion = np.asarray(confusion)
    k = len(confusion)
    room = count_room(ax, k, renderer)
    inside = cell_inside(ax, k, renderer)
    full_points = count_points(k)
    widths: dict[tuple[str, str], float] = {}  # (text, weight) -> width at full_points

    def width(text, words: str) -> float:
        key = (words, str(text.get_fontweight()))
        if key not in widths:
            text.set_text(words)
            text.set_fontsize(full_points)
            widths[key] = text.get_window_extent(renderer).width
        return widths[key]

    def points_to_fit(text, words: str) -> float:
        wide = width(text, words)
        return full_points if wide <= room else full_points * room / wide

    counts = list(zip(ax.texts, confusion.ravel().tolist(), strict=False))
    cells = [divmod(i, k) for i in range(len(counts))]  # (row, col) of each, as drawn
    # measuring sets them
    before = [(t.get_text(), t.get_fontsize(), t.get_fontweight()) for t, _ in counts]
    thousands = [(text, n) for text, n in counts if n >= 1000]

    def weigh(light: bool) -> None:
        for (text, _), (row, col) in zip(counts, cells, strict=True):
            text.set_fontweight(count_weight(row, col, light))

    def readable(form, light: bool) -> bool:
        return all(
            points_to_fit(t, form(n)) >= _readable_points(n, light) / zoom for t, n in thousands
        )

    # one way for the whole matrix: the bold diagonal (a little wider) read "1,0k" in a
    # column of "1.000"; when one count of thousands must be written otherwise, all are.
    # Whole before short: the diagonal's bold goes first (its dark cells mark it already):
    # in a 1024 px window's replay "5 312" fitted its 25 px cell at 6 pt, its bold at 5.3,
    # and the diagonal read "5,3k" (the brief of s64: a teacher wants the count)
    form, light = grouped, False
    for form, light in ((grouped, False), (thin_grouped, False), (thin_grouped, True)):
        weigh(light)
        if readable(form, light):
            break
    else:
        form, light = thin_grouped, False
        weigh(light)
        if any(
            points_to_fit(t, short_count(n)) > points_to_fit(t, thin_grouped(n))
            for t, n in thousands
        ):
            form = short_count
    changed = False
    for (text, n), (was, was_points, was_weight) in zip(counts, before, strict=True):
        words = form(n) if n >= 1000 else grouped(n)
        points = max(smallest, points_to_fit(text, words))
        text.set_text(words)
        text.set_fontsize(points)
        if points < full_points:  # never past the lines around its cell
            points = _shrunk_into(text, inside, renderer, smallest)
        if was != words or abs(was_points - points) > 0.05 or was_weight != text.get_fontweight():
            changed = True
    return changed


def _shrunk_into(text, room: float, renderer, smallest: float) -> float:
    """``text``'s size made smaller until it is at most ``room`` px wide (or ``smallest``):
    a size scaled in proportion to its width at another drew whole pixels wider at times (a
    "962" scaled to 20.75 px drew 21). Returns the size."""
    points = text.get_fontsize()
    for _ in range(3):
        drawn = text.get_window_extent(renderer).width
        if drawn <= room or points <= smallest:
            break
        points = max(smallest, points * room / drawn)
        text.set_fontsize(points)
    return points


def counts_shortened(ax: Axes, confusion: np.ndarray) -> bool:
    """Whether ``fit_cell_counts`` wrote the counts of thousands in ``ax`` shortened ("5,0k")."""
    counts = zip(ax.texts, np.asarray(confusion).ravel().tolist(), strict=False)
    return any(n >= 1000 and t.get_text() == short_count(n) for t, n in counts)


def plot_confusion(
    ax: Axes,
    confusion: np.ndarray,
    class_names: Sequence[str],
    title: str | None = N_("Confusion matrix"),
    highlight: tuple[int, int] | None = None,
    cmap: str | Colormap | None = None,
    gamma: float = 0.45,
    colours: Mapping[str, Any] | None = None,
):
    """Counts written in each cell over row-normalised colour (so rare classes are as readable).

    The colour is the cell's share of its row on a power scale (``gamma`` < 1 lifts small shares,
    so the mistakes stand out beside a dark diagonal); ``cmap`` None is the chart colours' own
    (``confusion_colours``), so the matrix follows a light or dark theme. ``colours``: chart
    colours (``PRINT_RC``) for the cells, their counts and the lines between them, instead of
    the theme's: read here, never set in matplotlib's rcParams (those are the whole process's).

    Cell (r, c) is centred on data coordinates x=c, y=r: a click at (x, y) is cell
    (round(y), round(x)). Returns the ``AxesImage``.
    """
    confusion = np.asarray(confusion)
    k = confusion.shape[0]
    share = row_normalise(confusion)
    # a square-root-like colour scale: a 2% confusion is still visibly blue next to a 98% diagonal
    norm = PowerNorm(gamma=gamma, vmin=0.0, vmax=1.0)
    cells = confusion_colours(colours) if cmap is None else matplotlib.colormaps.get_cmap(cmap)
    image = ax.imshow(share, cmap=cells, norm=norm, interpolation="nearest")
    fontsize = count_points(k)
    for r in range(k):
        for c in range(k):
            count = int(confusion[r, c])
            # ink that reads on the cell; empty cells stay quiet
            colour = count_colour(cells(norm(share[r, c])), empty=count == 0, colours=colours)
            weight = count_weight(r, c)
            text = ax.text(
                c,
                r,
                grouped(count),
                ha="center",
                va="center",
                color=colour,
                fontsize=fontsize,
                fontweight=weight,
            )
            # inside its cell: it leaves the layout alone, and a layout that measured the 100
            # counts took half of the matrix's draw time
            text.set_in_layout(False)
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    set_class_labels(ax, class_names)
    ax.set_ylabel(shown(N_("True class")))
    ax.tick_params(length=0)
    ax.set_xticks(np.arange(-0.5, k, 1), minor=True)
    ax.set_yticks(np.arange(-0.5, k, 1), minor=True)
    ax.grid(which="minor", color=background_colour(colours), linewidth=GRID_POINTS)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if highlight is not None:
        r, c = highlight
        ax.add_patch(_cell_outline(r, c))
    if title:
        ax.set_title(shown(title))
    return image


def set_class_labels(ax: Axes, class_names: Sequence[str], compact: bool = False) -> None:
    """The class names of a confusion matrix's axes. ``compact``, for a matrix with little
    room (the Train page's replay in a 1024 px window): the columns numbered 0, 1, ... in the
    rows' order, upright, and a long row name on two lines, so the names leave the cells
    about a fifth more room (20 px cells grew to 25 px: counts at 6.6 pt, not 5.4)."""
    names = [str(n) for n in class_names]
    if compact:
        ax.set_xticklabels([str(i) for i in range(len(names))], rotation=0, ha="center")
        ax.set_yticklabels([two_lines(n) for n in names])
        ax.set_xlabel(shown(N_("Predicted class (numbered as the rows)")))
        return
    ax.set_xticklabels(names, rotation=45 if _longest(names) > 2 else 0, ha="right")
    if _longest(names) <= 2:
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("center")
    ax.set_yticklabels(names)
    ax.set_xlabel(shown(N_("Predicted class")))


def two_lines(name: str, longest: int = 8) -> str:
    """``name`` on two lines when longer than ``longest`` characters: after a slash ("Áo thun/"
    / "áo phông"), else with the fewer words on the first line ("Bốt" / "cổ ngắn", "Giày" /
    "thể thao": a Vietnamese two-syllable word is usually the last); as it is otherwise."""
    if len(name) <= longest:
        return name
    if "/" in name.strip("/"):
        cut = name.index("/", 1) + 1
        return name[:cut] + "\n" + name[cut:].lstrip()
    words = name.split()
    if len(words) < 2:
        return name
    first = len(words) // 2
    return " ".join(words[:first]) + "\n" + " ".join(words[first:])


def _cell_outline(r: int, c: int):
    from matplotlib.patches import Rectangle

    return Rectangle(
        (c - 0.5, r - 0.5), 1, 1, fill=False, edgecolor="#F5A623", linewidth=2.5, zorder=5
    )


def _longest(names: Sequence[str]) -> int:
    return max((len(str(n)) for n in names), default=0)


def plot_label_bar(
    ax: Axes,
    counts: np.ndarray,
    class_names: Sequence[str],
    title: str | None = N_("Images per class"),
):
    """One bar per class with its count on top. Returns the ``BarContainer``."""
    counts = np.asarray(counts)
    x = np.arange(len(counts))
    bars = ax.bar(x, counts, color=[class_colour(i) for i in x], edgecolor=background_colour())
    # upright counts: side by side, ten "6,000"s ran into each other over narrow bars
    ax.bar_label(bars, labels=[grouped(c) for c in counts], fontsize=7, padding=2, rotation=90)
    ax.set_xticks(x)
    ax.set_xticklabels(class_names, rotation=45 if _longest(class_names) > 2 else 0, ha="right")
    if _longest(class_names) <= 2:
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("center")
    ax.set_ylabel(shown(N_("Images")))
    ax.set_ylim(0, max(1, int(counts.max(initial=0))) * 1.4)  # room for the upright counts
    ax.spines[["top", "right"]].set_visible(False)
    localise_ticks(ax)  # "8.000" on the axis beside the bars' "6.000"
    if title:
        ax.set_title(shown(title), loc="left")  # centred, it ran into the pie's title beside it
    return bars


#: Font size of the pie's key
KEY_POINTS = 7


def _key_columns(ax: Axes, entries: int, points: float) -> int:
    """Columns a key of ``entries`` rows needs to stay within three quarters of ``ax``'s
    height (a taller one ran into the title above it on a low chart)."""
    fig = ax.figure
    height = ax.get_position().height * fig.bbox.height * 0.75
    row = points * fig.dpi / 72 * 1.75  # a line of text and the space between lines
    return max(1, math.ceil(entries / max(1, int(height // row))))


def plot_label_pie(
    ax: Axes,
    counts: np.ndarray,
    class_names: Sequence[str],
    title: str | None = N_("Share of each class"),
):
    """A pie of the class shares, named in a key beside it ("Sneaker 10.0%"), in as many
    columns as its height needs. Returns the wedge patches.

    Names and percentages on the wedges overlapped as soon as the classes were ten equal
    shares ("10.0%10.0%", "Sneaker" cut at the figure's edge); a key never does."""
    counts = np.asarray(counts)
    total = counts.sum()
    wedges, _texts = ax.pie(
        counts,
        colors=[class_colour(i) for i in range(len(counts))],
        startangle=90,
        counterclock=False,
        wedgeprops={"edgecolor": "white", "linewidth": 1},
    )
    shares = counts / total * 100 if total else np.zeros(len(counts))
    labels = [
        f"{name}  {number(share, 1)}%" for name, share in zip(class_names, shares, strict=True)
    ]
    ax.legend(
        wedges,
        labels,
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
        ncols=_key_columns(ax, len(labels), KEY_POINTS),
        fontsize=KEY_POINTS,
        frameon=False,
        handlelength=1.0,
        handleheight=1.0,
        borderaxespad=0.2,
        columnspacing=1.0,
    )
    ax.set_aspect("equal")
    # the round pie at its box's left, the key right after it: centred, a pie narrower than
    # its box pushed the key off the figure ("Ankle boot 10.0%" cut)
    ax.set_anchor("W")
    if title:
        ax.set_title(shown(title), loc="left")
    return wedges


def mosaic(images: np.ndarray, ncols: int, gap: int = 2, fill: float = 255.0) -> np.ndarray:
    """Tile ``(n, h, w)`` images into one float32 ``(rows*(h+gap)-gap, ncols*(w+gap)-gap)`` array.

    The gaps (and empty trailing cells) take the value ``fill``.
    """
    images = np.asarray(images, dtype=np.float32)
    n, h, w = images.shape
    ncols = max(1, min(ncols, n)) if n else 1
    rows = max(1, -(-n // ncols))
    out = np.full((rows * (h + gap) - gap, ncols * (w + gap) - gap), fill, dtype=np.float32)
    for i in range(n):
        r, c = divmod(i, ncols)
        out[r * (h + gap) : r * (h + gap) + h, c * (w + gap) : c * (w + gap) + w] = images[i]
    return out


def plot_image_grid(
    ax: Axes,
    images: np.ndarray,
    ncols: int,
    titles: Sequence[str] | None = None,
    row_labels: Sequence[str] | None = None,
    title: str | None = None,
    vmax: float = 255.0,
    gap: int | None = None,
):
    """Images tiled on one Axes (fast: one ``imshow``), optional caption under each tile and a
    label at the start of each row. ``gap`` (pixels between tiles) defaults to 4, or 10 to leave
    room for captions. Tile (r, c) spans data x ``c*(w+gap)-0.5 .. +w``, y likewise.
    Returns the ``AxesImage``."""
    images = np.asarray(images)
    h, w = images.shape[1:3] if images.ndim == 3 and len(images) else (28, 28)
    if gap is None:
        gap = 4 if titles is None else 10
    # gaps and empty cells are NaN, drawn in the page's (the figure's) colour, as is the axes
    # around them: in the axes' white (light) or grey (dark) they read as bands between the
    # tiles of the Dataset page's mean images (walk48)
    page = to_hex(matplotlib.rcParams["figure.facecolor"])
    grid = mosaic(images, ncols, gap=gap, fill=np.nan) if len(images) else np.full((h, w), np.nan)
    cmap = matplotlib.colormaps["gray"].with_extremes(bad=page)
    image = ax.imshow(grid, cmap=cmap, vmin=0, vmax=vmax, interpolation="nearest")
    ax.patch.set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ncols = max(1, min(ncols, len(images))) if len(images) else 1
    if titles is not None:
        for i, text in enumerate(titles):
            r, c = divmod(i, ncols)
            ax.text(
                c * (w + gap) + w / 2,
                r * (h + gap) + h + 1,
                text,
                ha="center",
                va="top",
                fontsize=7,
            )
    if row_labels is not None:
        ax.set_yticks([r * (h + gap) + h / 2 for r in range(len(row_labels))])
        ax.set_yticklabels(row_labels)
        ax.tick_params(axis="y", length=0)
    if title:
        # wrapped at the chart's edge: at 1024x700 the Vietnamese "10 ảnh huấn luyện ngẫu
        # nhiên mỗi lớp" was wider than the narrow samples chart and ran past its right edge
        ax.set_title(shown(title), fontsize="medium", wrap=True)
    return image


def plot_class_means(
    ax: Axes,
    means: np.ndarray,
    class_names: Sequence[str],
    ncols: int = 5,
    title: str | None = N_("Mean image of each class"),
):
    """The mean image of each class, tiled and captioned, on a dark background like the data."""
    return plot_image_grid(ax, means, ncols=ncols, titles=list(class_names), title=title)


def plot_image(ax: Axes, image: np.ndarray, title: str | None = None):
    """One 28x28 image, white ink on black as the datasets store it."""
    im = ax.imshow(np.asarray(image), cmap="gray", vmin=0, vmax=255, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(shown(title), fontsize=10)
    return im
