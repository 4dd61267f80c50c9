"""An x-axis locator that puts no more ticks than the axis's width in pixels holds.

Six epochs ticks ("100", "200", … "500") on a per-epoch plot 150 px wide, as the Live tab has
them in Vietnamese at Larger text at 1024x700, ran together into "100200300400500" (verify67
#5): ``MaxNLocator(nbins=6)`` counts bins, not pixels, and ``fitting.fit_ticks`` (which
thins them after a draw) is for the exported and compared charts, not a live chart redrawn
every few hundred ms. ``FittingLocator`` measures, before any draw, each label as the axis's
formatter writes it at the tick labels' font and the figure's dpi (Larger text raises the dpi:
labels grow while the plot keeps its pixels) and takes the most ticks, up to its own most,
whose labels stand ``TICK_GAP_PX`` apart at least.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import MaxNLocator

#: Pixels kept free between two tick labels (as ``fitting.TICK_GAP_PX``)
TICK_GAP_PX = 6


@lru_cache(maxsize=512)
def _char_points(char: str, size: float) -> float:
    """The advance of ``char`` in points at ``size`` points, in matplotlib's default font
    (tick labels are digits, separators and signs: measured one by one, once)."""
    width, _height, _descent = text_to_path.get_text_width_height_descent(
        char, FontProperties(size=size), ismath=False
    )
    return width


def label_points(text: str, size: float) -> float:
    """How wide ``text`` is in points at ``size`` points: its characters' advances summed
    (digits have no kerning; a label's few pixels of error are within the gap)."""
    return sum(_char_points(char, size) for char in text)


class FittingLocator(MaxNLocator):
    """``MaxNLocator`` with at most as many bins as fit the axis's pixel width: from its
    ``nbins`` down, the first whose labels (the axis's formatter's, at the tick label size)
    are ``TICK_GAP_PX`` apart or more. An x axis; a log axis or one not yet on a figure is
    left to ``MaxNLocator``."""

    def tick_values(self, vmin, vmax):
        axis = self.axis
        axes = getattr(axis, "axes", None)
        most = self._nbins
        if (
            axes is None
            or most == "auto"
            or axis.get_scale() != "linear"
            or not np.isfinite([vmin, vmax]).all()
            or vmin == vmax
        ):
            return super().tick_values(vmin, vmax)
        width = axes.bbox.width  # display pixels: the layout's, known before a draw
        # the size set (8 in ``style_axes``), or a name ("small"), in points
        size = FontProperties(size=axis.get_tick_params().get("labelsize")).get_size_in_points()
        points_px = axes.figure.dpi / 72
        try:
            for bins in range(int(most), 0, -1):
                self._nbins = bins
                ticks = super().tick_values(vmin, vmax)
                if bins == 1 or self._fits(ticks, vmin, vmax, width, size, points_px):
                    return ticks
            return ticks
        finally:
            self._nbins = most

    def _fits(self, ticks, vmin, vmax, width, size, points_px) -> bool:
        low, high = min(vmin, vmax), max(vmin, vmax)
        span = high - low
        shown = [t for t in ticks if low - span * 1e-9 <= t <= high + span * 1e-9]
        if len(shown) < 2:
            return True
        formatter = self.axis.get_major_formatter()
        formatter.set_locs(shown)
        widths = [label_points(formatter(t, i), size) * points_px for i, t in enumerate(shown)]
        px = [(t - low) / span * width for t in shown]
        return all(
            b - a >= (wa + wb) / 2 + TICK_GAP_PX
            for a, b, wa, wb in zip(px, px[1:], widths, widths[1:], strict=False)
        )
