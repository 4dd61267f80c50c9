"""The charts' x ticks are measured in the font they are drawn in: measured in matplotlib's
default font, a wider font ran its labels together and a narrower one lost ticks it had room
for (s68 fixG, left #3). A chart is drawn in a narrow font (STIX, digits half an em wide), then
a wide one (DejaVu Sans Bold, 0.7 em), each set in rcParams (as a theme or a user's matplotlibrc
sets it), then in a font its tick parameters give its labels over rcParams' other one. Before,
the labels of the wide font ran together once the narrow one had been measured."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from nndesk.curves.style import style_axes
from nndesk.curves.ticks import TICK_GAP_PX

NARROW = {"font.family": "STIXGeneral"}
WIDE = {"font.family": "DejaVu Sans", "font.weight": "bold"}

#: (the three plots' width in px, dpi, last epoch): narrow plots (1024x700 at Larger text), wide
SIZES = [(560, 120, 12_000), (1000, 120, 12_000)]


def _drawn(width_px: int, dpi: int, last_epoch: int, labels: dict | None = None):
    """The three curve plots side by side as ``style_axes`` styles them, ``width_px`` wide in
    all, drawn at ``dpi`` (Larger text: 120) up to ``last_epoch``."""
    fig = Figure(dpi=dpi, figsize=(width_px / dpi, 200 / dpi))
    axes = fig.subplots(1, 3)
    style_axes(*axes)
    for ax in axes:
        if labels:  # the tick labels' own font, as tick_params sets it
            ax.tick_params(**labels)
        ax.set_xlim(0, last_epoch)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas, axes[1:]  # the per-epoch plots: whole epochs


def _drawn_labels(canvas, ax):
    renderer = canvas.get_renderer()
    low, high = ax.get_xlim()
    return sorted(
        (t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()),
        key=lambda box: box.x0,
    )[: sum(low <= x <= high for x in ax.get_xticks())]


def _most_that_fit(canvas, ax) -> int:
    """How many labels fit, measured as the renderer draws them in their font: from six bins
    down, the first whose labels stand ``TICK_GAP_PX`` apart, and 2 px more for the rounding
    of a different measure."""
    renderer = canvas.get_renderer()
    font = ax.xaxis.get_major_ticks(1)[0].label1.get_fontproperties()
    low, high = ax.get_xlim()
    width = ax.bbox.width
    formatter = ax.xaxis.get_major_formatter()
    for bins in range(6, 0, -1):
        ticks = MaxNLocator(nbins=bins, steps=(1, 2, 2.5, 5, 10), integer=True).tick_values(
            low, high
        )
        shown = [t for t in ticks if low <= t <= high]
        formatter.set_locs(shown)
        sizes = [
            renderer.get_text_width_height_descent(formatter(t, i), font, ismath=False)[0]
            for i, t in enumerate(shown)
        ]
        px = [(t - low) / (high - low) * width for t in shown]
        if all(
            b - a >= (wa + wb) / 2 + TICK_GAP_PX + 2
            for a, b, wa, wb in zip(px, px[1:], sizes, sizes[1:], strict=False)
        ):
            return len(shown)
    return 1


def _check(canvas, axes, case) -> None:
    for ax in axes:
        boxes = _drawn_labels(canvas, ax)
        gaps = [b.x0 - a.x1 for a, b in zip(boxes, boxes[1:], strict=False)]
        # never run together: the gap the locator keeps, give or take its measure's rounding
        assert all(gap >= TICK_GAP_PX - 2 for gap in gaps), (case, ax.get_title(loc="left"), gaps)
        # never thinned where the drawn labels have room for more
        assert len(boxes) >= _most_that_fit(canvas, ax), (case, ax.get_title(loc="left"), gaps)


@pytest.mark.parametrize(("width_px", "dpi", "last_epoch"), SIZES)
def test_x_ticks_fit_a_narrow_font_then_a_wide_one_then_their_own(qapp, width_px, dpi, last_epoch):
    for name, rc, labels in (
        ("narrow", NARROW, None),
        ("wide", WIDE, None),
        ("narrow by tick_params", {}, {"labelfontfamily": "STIXGeneral"}),
        ("wider by tick_params", NARROW, {"labelfontfamily": "DejaVu Sans"}),
    ):
        with matplotlib.rc_context(rc):
            canvas, axes = _drawn(width_px, dpi, last_epoch, labels)
            _check(canvas, axes, (name, width_px, dpi, last_epoch))
