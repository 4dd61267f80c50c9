"""The robustness figure: for each kind of damage its accuracy curve and, beside it, one test
image at each level as the model was given it, with the model's answer (walk66 #6: "noise std
0.5" or "patch 14 px" were never shown, so a lecturer could not show what the network saw).

Qt-free (Agg): the Evaluate page renders it off the GUI thread, and Export saves it as a PNG.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nndesk.i18n import N_, number, shown
from nndesk.robustness import UNITS, DamageExample
from nndesk.viz import PALETTE, localise_ticks, muted_colour

#: the curves' titles, by kind of damage (``robustness.KINDS``)
TITLES = {
    "noise": N_("noise"),
    "rotation": N_("rotation"),
    "shift": N_("shift"),
    "thickness": N_("thickness"),
    "occlusion": N_("patch"),
}
RIGHT, WRONG = PALETTE[2], PALETTE[3]
#: px of one kind's row (curve and images) at text size 1; the figure is as tall as its rows
ROW_HEIGHT = 132
#: width of the curve's column against one image's
CURVE_SHARE = 2.6

Curves = Mapping[str, Sequence[tuple[float, float]]]
Examples = Mapping[str, Sequence[DamageExample]]


def figure_height(rows: int, zoom: float = 1.0) -> int:
    """px the figure of ``rows`` kinds of damage takes, its text ``zoom`` times its size."""
    return int(round(max(rows, 1) * ROW_HEIGHT * max(zoom, 1.0))) + 16


def level_text(kind: str, level: float) -> str:
    """A level in its unit, as the curve's axis counts it: "0.35 std", "−1 px", "15°"."""
    unit = UNITS.get(kind, "")
    if unit.strip() == "std":
        unit = " " + shown(N_("std"))
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
    # placed by hand, not by constrained layout, and each kind's images in one Axes: an Axes
    # per image (35 in all) took 5-11 s to make and draw on a loaded 2-core machine
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi * ratio)
    FigureCanvasAgg(fig)
    examples = examples or {}
    kinds = list(curves)
    columns = max((len(examples.get(kind, ())) for kind in kinds), default=0)
    if not kinds:
        return fig
    em = dpi * 10 / 72  # px of 10-point text in the figure's own pixels (``width`` wide)
    grid = fig.add_gridspec(
        len(kinds),
        2 if columns else 1,
        width_ratios=[CURVE_SHARE, columns] if columns else None,
        left=min(0.3, 4.4 * em / width),
        right=1 - 4 / width,
        top=1 - (3.8 if examples else 1.8) * em / height,
        bottom=min(0.3, 2.6 * em / height),
        hspace=0.8,
        wspace=0.06,
    )
    curve_axes: list[Axes] = []
    for row, kind in enumerate(kinds):
        ax = fig.add_subplot(grid[row, 0])
        plot_curve(ax, kind, curves[kind])
        curve_axes.append(ax)
        if columns:
            levels = [level for level, _ in curves[kind]]
            plot_strip(
                fig.add_subplot(grid[row, 1]), kind, levels, examples.get(kind, ()), names, columns
            )
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


#: an image's side and the gap after it, in image pixels (the strip's data units)
SIDE, GAP = 28, 7


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
    (every row's images the same size)."""
    for i, example in enumerate(examples):
        x = i * (SIDE + GAP)
        ax.imshow(
            example.image,
            cmap="gray",
            vmin=0,
            vmax=255,
            interpolation="nearest",
            extent=(x, x + SIDE, SIDE, 0),
        )
        right = example.predicted == example.label
        colour = RIGHT if right else WRONG
        ax.add_patch(
            Rectangle((x - 0.5, -0.5), SIDE + 1, SIDE + 1, fill=False, edgecolor=colour, lw=1.5)
        )
        if i < len(levels):
            ax.text(
                x + SIDE / 2,
                -2,
                level_text(kind, levels[i]),
                ha="center",
                va="bottom",
                fontsize="x-small",
            )
        name = names[example.predicted] if 0 <= example.predicted < len(names) else "?"
        ax.text(
            x + SIDE / 2,
            SIDE + 2,
            name if right else f"✗ {name}",
            ha="center",
            va="top",
            fontsize="x-small",
            color=colour,
        )
    ax.set_xlim(-1, columns * (SIDE + GAP) - GAP + 1)
    ax.set_ylim(SIDE + 1, -1)
    ax.set_aspect("equal", anchor="W")
    ax.set_axis_off()
