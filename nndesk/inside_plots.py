"""The charts of a training network's inside (``training.internals``), drawn on a Figure.

No Qt: the Train page renders them off the GUI thread (``ui.inside_training_view``) and the
screenshot tool the same way.
"""

from __future__ import annotations

import itertools
import re
import textwrap

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter

from nndesk.curves.style import RUN_COLORS
from nndesk.i18n import N_, fill, shown
from nndesk.layer_words import layer_label_shown
from nndesk.training.internals import InsideRecord
from nndesk.viz import FewerLogTicks, localise_ticks, muted_colour

# Epoch rows the first-layer strip shows at most (the newest ones, and the start).
STRIP_ROWS = 6
#: The least height (px at the charts' own text size, times the zoom) of a row of the strip:
#: its squares ~22 px, a 28x28 unit's weights a picture (0.8 px a weight), and its label's
#: line (8 pt ~13 px) inside it. At 1024x700 the strip's six rows were squeezed into ~50 px:
#: ~8 px squares, their labels over each other (walk69 D5). Fewer rows fit: fewer drawn, said
STRIP_ROW_LEAST_PX = 22
#: The charts' ids (``Axes.get_gid``), in the order ``draw_inside`` adds them.
CHARTS = ("grad_norm", "update_ratio", "dead", "weights", "first_layer")
#: An update this size against its weights (a thousandth per step) is the usual healthy one.
HEALTHY_UPDATE = 1e-3
#: Characters a line of a note written inside a chart holds (a third of a 1024 px page)
NOTE_CHARS = 24
#: A note written in place of a chart's plot: its gid and its largest type
NOTE_GID, NOTE_POINTS = "note", 8.0
#: The charts' tick labels: the Live chart's size, so both grow with View > Text size alike.
#: At 7 pt they read ~8 px tall at Larger text on a 1280 px projector (walk65 D29)
TICK_POINTS = 8.0


def fill_lines(text: str, width: int) -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters; a last word of one
    or two characters stays with the one before it ("0)" alone on a line read as a stray).
    Never broken inside a word: "nơ-ron" (neuron) is one word, "nơ-" / "ron" read as two."""
    glued = re.sub(r" (\S{1,2})$", "\u00a0\\1", text)
    lines = textwrap.wrap(glued, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines).replace("\u00a0", " ") or text


#: The least room (px at the charts' own text size, times View > Text size's zoom) a chart
#: reads in: its title, a plot some 55 px tall, its tick labels and axis label. The Train
#: page's Inside tab draws as many charts side by side as its width holds at this width, and
#: is at least as tall as their rows (the tab scrolls): squeezed into the room under a run's
#: header at 1024x700 the picture was drawn at 240 px and shrunk to 150, its text ~5 px (walk64 D19)
CHART_LEAST_WIDTH = 160
CHART_LEAST_HEIGHT = 140
#: The least height of the charts' last row, the first-layer strip's: its title, its key's
#: lines (three in Vietnamese), the epochs it leaves out, and ``STRIP_ROWS`` rows of
#: ``STRIP_ROW_LEAST_PX``
STRIP_LEAST_HEIGHT = 250
#: The layers' key above the charts.
KEY_HEIGHT = 20


def chart_columns(width: float, zoom: float = 1.0) -> int:
    """How many charts side by side a picture ``width`` px wide holds at ``zoom``: 3 (the three
    curves in a row, the weights under them), 2 or 1."""
    return max(1, min(3, int(width // (CHART_LEAST_WIDTH * zoom))))


def chart_rows(columns: int) -> int:
    """The rows of charts ``draw_inside`` lays out in ``columns``."""
    return {3: 2, 2: 3}.get(columns, 5)


def least_height(width: float, zoom: float = 1.0) -> int:
    """The least height (px) of a ``width`` px wide picture of the charts at ``zoom``: its rows
    of charts at ``CHART_LEAST_HEIGHT`` each, and the key."""
    rows = chart_rows(chart_columns(width, zoom))
    return round((KEY_HEIGHT + (rows - 1) * CHART_LEAST_HEIGHT + STRIP_LEAST_HEIGHT) * zoom)


def _chart_axes(fig: Figure, columns: int) -> list:
    """The five charts' axes, in ``CHARTS`` order, laid out in ``columns``: in three, the
    curves side by side over the weights (the first-layer strip two columns wide); in two, the
    curves and the histograms two by two over the strip; in one, one under the other."""
    strip = STRIP_LEAST_HEIGHT / CHART_LEAST_HEIGHT  # the last row: the strip's
    if columns >= 3:
        grid = fig.add_gridspec(2, 3, height_ratios=(1, strip))
        places = [grid[0, 0], grid[0, 1], grid[0, 2], grid[1, 0], grid[1, 1:]]
    elif columns == 2:
        grid = fig.add_gridspec(3, 2, height_ratios=(1, 1, strip))
        places = [grid[0, 0], grid[0, 1], grid[1, 0], grid[1, 1], grid[2, :]]
    else:
        grid = fig.add_gridspec(5, 1, height_ratios=(1, 1, 1, 1, strip))
        places = [grid[i, 0] for i in range(5)]
    return [fig.add_subplot(place) for place in places]


def draw_inside(fig: Figure, record: InsideRecord, columns: int = 3) -> None:
    """Gradient norms, update sizes and dead units per layer over time; weight histograms now
    against the start; the first layer's filters epoch by epoch; in ``columns`` (3, 2 or 1)."""
    fig.clear()
    ax_grad, ax_ratio, ax_dead, ax_hist, ax_strip = _chart_axes(fig, columns)
    localise_ticks(ax_grad, ax_ratio, ax_dead, ax_hist, ax_strip)
    muted = muted_colour()
    colours = [RUN_COLORS[i % len(RUN_COLORS)] for i in range(len(record.names))]
    titles = (
        (ax_grad, "grad_norm", N_("Gradient norm"), True),
        (ax_ratio, "update_ratio", N_("Update / weight"), True),
        (ax_dead, "dead", N_("Dead ReLU share"), False),
    )
    for ax, gid in zip((ax_grad, ax_ratio, ax_dead, ax_hist, ax_strip), CHARTS, strict=True):
        ax.set_gid(gid)  # the window finds each chart in the picture by it (its tooltip)
    for ax, what, title, log in titles:
        ax.set_title(shown(title), fontsize=9)
        ax.set_xlabel(shown(N_("epoch")), fontsize=8)
        ax.tick_params(labelsize=TICK_POINTS)
        if not record.samples:
            continue
        x, values = record.series(what)
        for i, name in enumerate(record.names):
            column = values[:, i]
            if np.isfinite(column).any():
                ax.plot(x, column, color=colours[i], lw=1.2, label=layer_label_shown(name))
        if log and np.isfinite(values).any() and (values > 0).any():
            ax.set_yscale("log")
            localise_ticks(ax)  # the log scale's own formatters write TeX
            # the in-between ticks too: their labels ("6", "0.6") were left at matplotlib's
            # 10 pt beside the powers' 7 pt (walk45)
            ax.tick_params(axis="y", which="both", labelsize=TICK_POINTS)
    if record.samples:
        # the usual healthy size of a step, named in a key of its own: unnamed, a student
        # could not tell what the dotted line was (walk53)
        healthy = ax_ratio.axhline(HEALTHY_UPDATE, color=muted, ls=":", lw=1.0)
        ax_ratio.legend(
            [healthy], [shown(N_("healthy ≈ 10⁻³"))], loc="best", fontsize=6.5,
            frameon=False, handlelength=1.6, borderaxespad=0.2, borderpad=0.1,
        )  # fmt: skip
        ax_dead.set_ylim(-0.02, 1.02)
        if not ax_dead.lines:  # a PReLU or sigmoid network: an empty axis said nothing (walk51)
            # the note in place of the plot, from under its title down (``fit_notes``): centred
            # on a plot ~25 px tall, its four lines ran up over the title (verify60 D-F)
            ax_dead.set_axis_off()
            ax_dead.set_xlabel("")  # not drawn, and not measured where it would not be
            note = ax_dead.text(
                0.5, 1.0, fill_lines(shown(N_("No ReLU layer in this network: none of its "
                                              "units can die (stay at 0)")), NOTE_CHARS),
                transform=ax_dead.transAxes, ha="center", va="top", color=muted,
                fontsize=NOTE_POINTS, gid=NOTE_GID,
            )  # fmt: skip
            note.set_in_layout(False)  # placed by fit_notes in the room the layout leaves
    _draw_histograms(ax_hist, record, colours)
    _draw_strip(ax_strip, record)
    if record.samples:
        _layer_legend(fig, ax_grad)


#: Pixels kept between two tick labels of a log axis, else its in-between labels go: at
#: 1024x700 "4" and "3" 1 px apart nearly touched (walk45)
LOG_LABEL_GAP_PX = 3.0


def thin_crowded_log_labels(fig: Figure) -> bool:
    """Leave out some of a log axis's in-between labels (2×10⁻¹, 3×10⁻¹, …) where, as last
    drawn, they run into one another: on a log axis spanning about a decade matplotlib labels
    them, and in the Train page's Inside tab at 1024x700 (plots ~110 px tall) "6×10⁻² 4×10⁻²
    3×10⁻²" were written over one another. The first call keeps those at 2 and 5 times a
    power, a second (still crowded) the powers of ten alone. True if any axis changed, so the
    caller draws again (and calls it again)."""
    renderer = fig.canvas.get_renderer()
    changed = False
    for ax in fig.axes:
        if ax.get_yscale() != "log":
            continue
        frame = ax.get_window_extent(renderer)
        boxes = sorted(
            (
                box
                for label in ax.yaxis.get_ticklabels(which="both")
                if label.get_visible() and label.get_text()
                for box in [label.get_window_extent(renderer)]
                if frame.y0 - 1 <= (box.y0 + box.y1) / 2 <= frame.y1 + 1  # in view
            ),
            key=lambda box: box.y0,
        )
        if any(b.y0 < a.y1 + LOG_LABEL_GAP_PX for a, b in zip(boxes, boxes[1:], strict=False)):
            minor = ax.yaxis.get_minor_formatter()
            if isinstance(minor, FewerLogTicks):  # still crowded: the powers of ten alone
                ax.yaxis.set_minor_formatter(NullFormatter())
            elif not isinstance(minor, NullFormatter):  # first 2 and 5 times each power
                ax.yaxis.set_minor_formatter(FewerLogTicks(10.0, labelOnlyBase=False))
            changed = True
    return changed


def break_cut_labels(fig: Figure) -> bool:
    """Put on two lines, at the space nearest their middle, the chart titles and x-axis labels
    that as last drawn run past the figure's edge: a text wider than its column is centred on
    it. The histogram's title ("Weights: now (solid) vs start (dashed)") lost its first letters
    at 1024x700 once the column above it no longer had wide tick labels to keep a margin, and
    its x label ("weight (each layer on its own scale)") read "veight" (walk45). Still cut on
    two lines, a text takes three, then smaller type (``_narrow_text``). True if any changed,
    so the caller draws again."""
    renderer = fig.canvas.get_renderer()
    changed = False
    for ax in fig.axes:
        for text in (ax.title, ax.xaxis.label):
            box = text.get_window_extent(renderer)
            if not text.get_text() or (box.x0 >= 0 and box.x1 <= fig.bbox.width):
                continue
            changed = _narrow_text(text) or changed
    # titles side by side closer than a few pixels read as one ("gradientCập nhật" at 348 px)
    titles = [ax.title for ax in fig.axes if ax.title.get_text()]
    boxes = [t.get_window_extent(renderer) for t in titles]
    for i, j in itertools.combinations(range(len(titles)), 2):
        a, b = boxes[i], boxes[j]
        beside = min(a.y1, b.y1) > max(a.y0, b.y0)
        if beside and max(b.x0 - a.x1, a.x0 - b.x1) < TITLE_GAP:
            wider = titles[i] if a.width >= b.width else titles[j]
            changed = _narrow_text(wider) or changed
    return changed


#: Pixels kept at least between two chart titles side by side.
TITLE_GAP = 4


#: The smallest type a chart title or axis label is made to fit its picture in.
LEAST_LABEL_POINTS = 6.5


def fit_notes(fig: Figure) -> None:
    """Each note written in place of a chart's plot (gid ``NOTE_GID``) within the room under
    the chart's title, as last laid out: as wide as the plot, down to the highest chart under
    it. Its lines as long as that width holds at the largest type that keeps it in, from
    ``NOTE_POINTS`` down to ``LEAST_LABEL_POINTS`` (at the smallest, the fewest lines)."""
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        notes = [t for t in ax.texts if t.get_gid() == NOTE_GID]
        if not notes:
            continue
        frame = ax.get_window_extent(renderer)
        below = [
            box
            for other in fig.axes
            if other is not ax
            for box in [other.get_tightbbox(renderer)]
            if box is not None and box.y1 <= frame.y1 and box.x1 > frame.x0 and box.x0 < frame.x1
        ]
        room = frame.y1 - max((box.y1 for box in below), default=0.0) - 2
        for note in notes:
            _fit_note(note, renderer, frame.width, room)


def _fit_note(note, renderer, width: float, height: float) -> None:
    words = note.get_text().replace("\n", " ")
    longest_word = max(len(word) for word in words.split())  # never broken inside a word
    size = NOTE_POINTS
    while True:
        note.set_fontsize(size)
        note.set_text(words)
        line = note.get_window_extent(renderer).width
        # from about as many characters as the width holds, fewer until the lines fit it
        chars = max(longest_word, min(len(words), int(len(words) * width / line) + 2))
        while True:
            note.set_text(fill_lines(words, chars))
            box = note.get_window_extent(renderer)
            if box.width <= width or chars <= longest_word:
                break
            chars -= 1
        if box.height <= height or size <= LEAST_LABEL_POINTS:
            return
        size = max(LEAST_LABEL_POINTS, size - 0.5)


def _narrow_text(text) -> bool:
    """Make a chart text narrower by a step: its longest line broken at the space nearest
    its middle, or, with no line left to break, its type 10 % smaller (down to
    ``LEAST_LABEL_POINTS``). In Vietnamese a picture 360 px wide or less still cut the
    histogram's title on two lines ("Trọng số: hiện tại (liền)" by 11 px at 320 px).
    False when it can get no narrower."""
    lines = text.get_text().split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    line = lines[longest]
    spaces = [i for i, c in enumerate(line) if c == " "]
    # three lines at most: more would take the small chart's height
    if spaces and len(lines) < 3:
        cut = min(spaces, key=lambda i: abs(i - len(line) / 2))
        lines[longest : longest + 1] = [line[:cut], line[cut + 1 :]]
        text.set_text("\n".join(lines))
        return True
    size = text.get_fontsize()
    if size <= LEAST_LABEL_POINTS:
        return False
    text.set_fontsize(max(LEAST_LABEL_POINTS, size * 0.9))
    return True


def _layer_legend(fig: Figure, ax) -> None:
    """One key to the layers' colours, shared by the three charts, above them: inside the
    gradient-norm chart (``loc="best"``) it lay over the curves, which fill a small chart.
    As many columns as fit the figure's width, so it takes the fewest rows."""
    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else None
    for ncols in range(len(handles), 0, -1):
        legend = fig.legend(
            handles, labels, loc="outside upper center", ncols=ncols, fontsize=7, frameon=False
        )
        if ncols == 1 or renderer is None:
            return
        if legend.get_window_extent(renderer).width <= fig.bbox.width - 8:
            return
        legend.remove()


def _draw_histograms(ax, record: InsideRecord, colours) -> None:
    ax.set_title(shown(N_("Weights: now (solid) vs start (dashed)")), fontsize=9)
    ax.tick_params(labelsize=TICK_POINTS)
    ax.set_yticks([])
    now = record.now()  # the newest: live within an epoch, not only at its end
    if record.start is None:
        return
    for i, edges in enumerate(record.start.edges):
        centres = (edges[:-1] + edges[1:]) / 2
        scale = max(int(record.start.counts[i].max()), 1)
        if now is not None:
            ax.plot(centres, now.counts[i] / scale + i, color=colours[i], lw=1.3)
        # the start in grey over the layer's colour: in its colour under "now" it vanished
        # wherever the weights had not moved yet (half an epoch in, everywhere; walk53)
        ax.plot(
            centres, record.start.counts[i] / scale + i, color=muted_colour(), ls="--", lw=0.9,
            zorder=3,
        )  # fmt: skip
    ax.set_xlabel(shown(N_("weight (each layer on its own scale)")), fontsize=8)


def strip_rows(record: InsideRecord, most: int = STRIP_ROWS) -> tuple[list, list]:
    """The strip's rows, ``most`` at most (2 at least): the start and epochs spread evenly to
    the newest, a round step apart where one fits (0, 100, … 500 of mnist-gd's 500: its last
    five epochs of one step each looked alike, walk70 L3); and the epochs' weights left out."""
    start = [record.start] if record.start is not None and record.start.filters.size else []
    ends = [weights for weights in record.epochs if weights.filters.size]
    keep = max(max(most, 2) - len(start), 1)
    if len(ends) <= keep:
        return start + ends, []
    chosen = _spread(len(ends), keep)
    return start + [ends[i] for i in chosen], [e for i, e in enumerate(ends) if i not in chosen]


def _spread(count: int, keep: int) -> list[int]:
    """``keep`` of ``count`` indices (``keep`` < ``count``), the last among them, spread
    evenly: ``ceil(count / keep)`` apart where that many fit, else as even as rounding lets."""
    step = -(-count // keep)
    if (keep - 1) * step <= count - 1:
        return [count - 1 - i * step for i in reversed(range(keep))]
    return sorted({int(i) for i in np.round(np.linspace(count - 1, 0, keep))})


def fit_strip(fig: Figure, record: InsideRecord) -> bool:
    """Draw the first-layer strip again with as many rows as its laid-out plot holds at
    ``STRIP_ROW_LEAST_PX`` each (at the figure's zoom, its dpi over 96); True when it was (the
    figure needs another layout)."""
    ax = next((ax for ax in fig.axes if ax.get_gid() == "first_layer"), None)
    if ax is None:
        return False
    box = ax.get_position(original=True)
    height = box.height * fig.bbox.height
    fit = int(height // (STRIP_ROW_LEAST_PX * fig.dpi / 96.0))
    if fit >= len(strip_rows(record)[0]):
        return False
    ax.clear()
    ax.set_gid("first_layer")
    localise_ticks(ax)
    _draw_strip(ax, record, fit)
    return True


def _draw_strip(ax, record: InsideRecord, most: int = STRIP_ROWS) -> None:
    """One row of first-layer filters per epoch (the start and the newest epochs, ``most``
    rows at most); the epochs left out said under it."""
    ax.set_title(shown(N_("First-layer weights, by epoch (rows)")), fontsize=9)
    ax.set_xticks([])
    rows, left_out = strip_rows(record, most)
    if not rows:
        ax.set_yticks([])
        return
    k, h, w = rows[0].filters.shape
    pad = 1
    canvas = np.full((len(rows) * (h + pad), k * (w + pad)), np.nan, np.float32)
    for r, weights in enumerate(rows):
        for j, f in enumerate(weights.filters[:k]):
            reach = float(np.abs(f).max()) or 1.0
            canvas[r * (h + pad) : r * (h + pad) + h, j * (w + pad) : j * (w + pad) + w] = f / reach
    ax.imshow(canvas, cmap="RdBu_r", vmin=-1, vmax=1, interpolation="nearest", aspect="equal")
    # the gaps between the squares a line wide on screen: a pixel's gap drawn some 15 px a
    # square came out in every other column and no row, and the squares read as tall strips
    # (walk64 D19)
    gap = dict(color=ax.get_facecolor(), lw=1.0)
    for r in range(len(rows) - 1):
        ax.axhline(r * (h + pad) + h, **gap)
    for j in range(k - 1):
        ax.axvline(j * (w + pad) + w, **gap)
    ax.set_yticks([r * (h + pad) + h / 2 for r in range(len(rows))])
    ep, part_way = shown(N_("ep {epoch}")), shown(N_("ep {epoch}, batch {batch}"))
    # a run continued part way into an epoch starts from that epoch's weights after some of
    # its batches: "ep 12" beside its end's "ep 12" told them apart from nothing (walk57 D1)
    said = [
        fill(part_way if weights.batch else ep, epoch=weights.epoch, batch=weights.batch)
        for weights in rows
    ]
    ax.set_yticklabels(said, fontsize=TICK_POINTS)
    # what a square is: for a CNN a strip of coloured cells said nothing (walk53)
    key = (
        N_("each square: one unit's 28×28 weights; red > 0, blue < 0")
        if h * w == 28 * 28
        else N_("each square: one {h}×{w} filter; red > 0, blue < 0")
    )
    said = shown(key).format(h=h, w=w)
    if left_out:  # epochs 1-3 were missing without a word (walk69 D5)
        first, last = left_out[0].epoch, left_out[-1].epoch
        if first == last:
            gap = fill(shown(N_("epoch {epoch} not shown: no room for its row")), epoch=first)
        elif len(left_out) == last - first + 1:  # one run of them
            gap = fill(
                shown(N_("epochs {first}–{last} not shown: no room for their rows")),
                first=first,
                last=last,
            )
        else:  # between the rows spread over the run
            gap = fill(
                shown(N_("the {count} other epochs not shown: no room for their rows")),
                count=len(left_out),
            )
        said += "\n" + gap
    ax.set_xlabel(said, fontsize=8)
