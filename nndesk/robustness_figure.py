"""The robustness figure: for each kind of damage its accuracy curve and, beside it, one test
image at each level as the model was given it, with the model's answer (walk66 #6: "noise std
0.5" or "patch 14 px" were never shown, so a lecturer could not show what the network saw).

Qt-free (Agg): the Evaluate page renders it off the GUI thread, and Export saves it as a PNG.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nndesk.i18n import N_, number, shown
from nndesk.robustness import UNITS, DamageExample
from nndesk.viz import PALETTE, localise_ticks, muted_colour, two_lines

#: the curves' titles, by kind of damage (``robustness.KINDS``)
TITLES = {
    "noise": N_("noise"),
    "rotation": N_("rotation"),
    "shift": N_("shift"),
    "thickness": N_("thickness"),
    "occlusion": N_("patch"),
}
RIGHT, WRONG = PALETTE[2], PALETTE[3]
#: an image's side and the gap after it, in image pixels (the strip's data units)
SIDE, GAP = 28, 7
#: px of one kind's row (curve and images side by side) at text size 1
ROW_HEIGHT = 132
#: px of one kind's curve above its images (a narrow figure), at text size 1
STACKED_CURVE_HEIGHT = 118
#: a figure narrower than this many px (at text size 1) puts each kind's images under its
#: curve, not beside it: at 1024 px with Larger text the images beside were ~38 px and their
#: captions 5 points (vi)
STACK_BELOW = 640
#: width of the curve's column against one image's
CURVE_SHARE = 2.6

Curves = Mapping[str, Sequence[tuple[float, float]]]
Examples = Mapping[str, Sequence[DamageExample]]
#: (left, top, width, height) in px from the figure's top left
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Layout:
    """Where each kind's curve and images go, and the figure's height that holds them."""

    height: int
    boxes: list[tuple[Box, Box | None]]  # per kind: its curve's box, its images' box
    title_lines: int


def layout(rows: int, columns: int, width: int, zoom: float = 1.0) -> Layout:
    """The boxes of ``rows`` kinds of damage with up to ``columns`` images each, in a figure
    ``width`` px wide whose text is ``zoom`` times its size: images beside the curves, or under
    them when the figure is narrow. Placed by hand, not by constrained layout: with an Axes per
    image (35) that took 5-11 s to make and draw on a loaded 2-core machine."""
    zoom = max(zoom, 1.0)
    em = 96.0 * zoom * 10 / 72  # px of 10-point text
    stacked = columns > 0 and width < STACK_BELOW * zoom
    title_lines = 0 if columns == 0 else (2 if stacked else 1)
    y = 0.5 * em + title_lines * 1.3 * em
    left, right = 4.4 * em, width - 6
    boxes: list[tuple[Box, Box | None]] = []
    for _ in range(max(rows, 1)):
        if not columns:
            block = ROW_HEIGHT * zoom
            boxes.append(((left, y + 1.6 * em, right - left, block - 4.4 * em), None))
        elif not stacked:
            block = ROW_HEIGHT * zoom
            curve_w = (right - left) * CURVE_SHARE / (CURVE_SHARE + columns)
            strip_x = left + curve_w + 1.2 * em
            curve = (left, y + 1.6 * em, curve_w, block - 4.4 * em)
            strip = (strip_x, y + 1.5 * em, right - strip_x, block - 4.4 * em)
            boxes.append((curve, strip))
        else:
            curve_h = STACKED_CURVE_HEIGHT * zoom
            curve = (left, y + 1.6 * em, right - left, curve_h - 4.4 * em)
            strip_w = width - 12
            unit = strip_w / (columns * (SIDE + GAP) - GAP + 2)  # px per image pixel
            strip_h = (SIDE + 2) * unit
            strip = (6, y + curve_h + 1.5 * em, strip_w, strip_h)
            block = curve_h + 1.5 * em + strip_h + 3.0 * em
            boxes.append((curve, strip))
        y += block
    return Layout(int(round(y + 0.5 * em)), boxes, title_lines)


def image_boxes(
    kinds: Sequence[str], examples: Examples, width: int, zoom: float = 1.0
) -> list[tuple[str, int, Box]]:
    """Where each damaged image is in the figure ``robustness_figure`` draws of ``kinds`` (in
    the curves' order) and ``examples``, ``width`` px wide at text ``zoom`` and as tall as its
    ``layout``: ``(kind, level's index, (left, top, width, height) px from the figure's top
    left)``, row by row. The page turns a click or a key into the image it opens (fixI #1:
    an image that went wrong under noise could not be opened). The strip's equal aspect
    shrinks it to the left of its box, centred top to bottom (``plot_strip``'s anchor)."""
    columns = max((len(examples.get(kind, ())) for kind in kinds), default=0)
    placed = layout(len(kinds), columns, width, zoom)
    units_w, units_h = columns * (SIDE + GAP) - GAP + 2, SIDE + 2
    boxes: list[tuple[str, int, Box]] = []
    for kind, (_curve, strip) in zip(kinds, placed.boxes, strict=False):
        if strip is None:
            continue
        x, y, w, h = strip
        scale = min(w / units_w, h / units_h)  # px per image pixel
        top = y + (h - units_h * scale) / 2
        for i in range(len(examples.get(kind, ()))):
            # data x runs from -1 at the box's left; data y from -1 at its top
            left = x + (i * (SIDE + GAP) + 1) * scale
            boxes.append((kind, i, (left, top + scale, SIDE * scale, SIDE * scale)))
    return boxes


def damage_words(kind: str, level: float) -> str:
    """One level of one damage in words, as a caption names it: "noise 0.35 std",
    "rotation 15°", "patch 14 px"."""
    text = f"{shown(TITLES.get(kind, kind))} {level_text(kind, level)}"
    return f"{text} {shown(N_('std'))}" if kind == "noise" else text


def figure_height(rows: int, zoom: float = 1.0, width: int = 900, columns: int = 6) -> int:
    """px the figure of ``rows`` kinds of damage takes ``width`` px wide (``layout``)."""
    return layout(rows, columns, width, zoom).height


def level_text(kind: str, level: float) -> str:
    """A level as the curve's axis counts it: "−1 px", "15°"; the noise's bare ("0.35"): its
    unit, "std", is the curve's axis label, and in words ("độ lệch chuẩn") it was wider than
    the image under it."""
    unit = "" if kind == "noise" else UNITS.get(kind, "")
    text = number(level, 2 if kind == "noise" else 0)
    return text.replace("-", "\N{MINUS SIGN}") + unit


def robustness_figure(
    curves: Curves,
    examples: Examples | None,
    names: Sequence[str],
    width: int,
    height: int,
    ratio: float = 1.0,
    zoom: float = 1.0,
) -> Figure:
    """One row per kind of damage: its accuracy curve, then its example at each level (when
    ``examples`` has them), captioned with the level and the model's answer among ``names``
    (wrong ones in red, marked ✗). ``width`` x ``height`` device-independent px, text ``zoom``
    times its size; drawn on an Agg canvas (any thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    dpi = 96.0 * zoom
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi * ratio)
    FigureCanvasAgg(fig)
    examples = examples or {}
    kinds = list(curves)
    columns = max((len(examples.get(kind, ())) for kind in kinds), default=0)
    if not kinds:
        return fig
    placed = layout(len(kinds), columns, width, zoom)

    def axes_at(box: Box) -> Axes:
        x, y, w, h = box
        return fig.add_axes((x / width, 1 - (y + h) / height, w / width, h / height))

    curve_axes: list[Axes] = []
    for kind, (curve_box, strip_box) in zip(kinds, placed.boxes, strict=False):
        ax = axes_at(curve_box)
        plot_curve(ax, kind, curves[kind])
        curve_axes.append(ax)
        if strip_box is not None:
            levels = [level for level, _ in curves[kind]]
            plot_strip(axes_at(strip_box), kind, levels, examples.get(kind, ()), names, columns)
    localise_ticks(*curve_axes)
    if examples:
        first = next(iter(next(iter(examples.values()))), None)
        if first is not None and 0 <= first.label < len(names):
            fig.suptitle(
                shown(
                    N_("One test image at each level (true class: {name}), and the answer")
                ).format(name=names[first.label]),
                fontsize="small",
                color=muted_colour(),
                wrap=True,  # two lines on a narrow figure (``layout`` keeps their room)
                y=1 - 0.4 * 96.0 * zoom * 10 / 72 / height,  # in that room, however tall
                va="top",
            )
    return fig


def plot_curve(ax: Axes, kind: str, points: Sequence[tuple[float, float]]) -> None:
    """Accuracy against the amount of one damage."""
    levels = [level for level, _ in points]
    accuracies = [accuracy for _, accuracy in points]
    ax.plot(levels, accuracies, "o-", color=PALETTE[3], markersize=3)
    ax.set_ylim(0, 1.02)
    ax.set_title(shown(TITLES.get(kind, kind)), fontsize="small")
    ax.tick_params(labelsize="x-small")
    unit = UNITS.get(kind, "").strip() or kind
    ax.set_xlabel(shown(N_("std")) if unit == "std" else unit, fontsize="x-small")
    ax.set_ylabel(shown(N_("accuracy")), fontsize="x-small")


def plot_strip(
    ax: Axes,
    kind: str,
    levels: Sequence[float],
    examples: Sequence[DamageExample],
    names: Sequence[str],
    columns: int,
) -> None:
    """The damaged images of one kind left to right, each with its level above it and the
    model's answer under it in a frame of the answer's colour; room for ``columns`` images
    (every row's images the same size). The captions get smaller, never wider than an image
    and its gap (at 1024 px in Vietnamese "✗ Áo thun/áo phông" ran over three images)."""
    width = columns * (SIDE + GAP) - GAP + 2
    ax.set_xlim(-1, width - 1)
    ax.set_ylim(SIDE + 1, -1)
    ax.set_aspect("equal", anchor="W")
    ax.set_axis_off()
    captions = []
    for i, example in enumerate(examples):
        right = example.predicted == example.label
        name = names[example.predicted] if 0 <= example.predicted < len(names) else "?"
        name = two_lines(name)  # "Áo len" / "chui đầu"
        level = level_text(kind, levels[i]) if i < len(levels) else ""
        captions.append((level, name if right else f"✗ {name}", RIGHT if right else WRONG))
    size = caption_points(ax, width, [t for level, answer, _ in captions for t in (level, answer)])
    for i, (example, (level, answer, colour)) in enumerate(zip(examples, captions, strict=True)):
        x = i * (SIDE + GAP)
        ax.imshow(
            example.image,
            cmap="gray",
            vmin=0,
            vmax=255,
            interpolation="nearest",
            extent=(x, x + SIDE, SIDE, 0),
        )
        ax.add_patch(
            Rectangle((x - 0.5, -0.5), SIDE + 1, SIDE + 1, fill=False, edgecolor=colour, lw=1.5)
        )
        ax.text(x + SIDE / 2, -2, level, ha="center", va="bottom", fontsize=size)
        ax.text(x + SIDE / 2, SIDE + 2, answer, ha="center", va="top", fontsize=size, color=colour)


#: the captions' least size (points): smaller could not be read on a projector
LEAST_CAPTION_POINTS = 5.0


def caption_points(ax: Axes, units: float, texts: Sequence[str]) -> float:
    """The font size (points) at which the widest line of ``texts`` fits an image and its gap
    in ``ax``, a strip ``units`` image pixels wide with equal aspect; "x-small" at most."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    fig = ax.figure
    box = ax.get_position()  # before the aspect narrows it: the width it may take
    fig_w, fig_h = fig.get_size_inches() * 72  # points
    height_units = SIDE + 2
    per_unit = min(box.width * fig_w / units, box.height * fig_h / height_units)
    room = (SIDE + GAP - 1) * per_unit
    prop = FontProperties(size="x-small")
    size = prop.get_size_in_points()
    measure = TextToPath()
    widest = max(
        (
            measure.get_text_width_height_descent(line, prop, ismath=False)[0]
            for text in texts
            for line in text.splitlines()
        ),
        default=0.0,
    )
    if widest <= room:
        return size
    return max(LEAST_CAPTION_POINTS, size * room / widest)
