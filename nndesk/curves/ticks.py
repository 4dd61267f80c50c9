"""An x-axis locator that puts no more ticks than the axis's width in pixels holds.

The epoch ticks ("100", "200", … "500") of a per-epoch plot 150 px wide, as the Live tab has
them in Vietnamese at Larger text at 1024x700, ran together into "100200300400500" (verify67
#5): ``MaxNLocator(nbins=6)`` counts bins, not pixels, and ``fitting.fit_ticks`` (which
thins them after a draw) is for the exported and compared charts, not a live chart redrawn
every few hundred ms. ``FittingLocator`` measures, before any draw, each label as the axis's
formatter writes it (the window language's decimal mark and grouping) in the font the labels
are drawn in (the axis's first tick label's: its family, weight and size, as rcParams and
``tick_params`` made it) at the figure's dpi (Larger text raises the dpi: labels grow while the
plot keeps its pixels), and takes the most ticks, up to its own most, whose labels stand
``TICK_GAP_PX`` apart at least. Measured in matplotlib's default font instead, a theme's wider
font ran its labels together and a narrower one lost ticks it had room for (s68 fixG).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import MaxNLocator

#: Pixels kept free between two tick labels (as ``fitting.TICK_GAP_PX``)
TICK_GAP_PX = 6


@lru_cache(maxsize=1024)
def _char_points(char: str, font: FontProperties) -> float:
    """The advance of ``char`` in points in ``font`` (at its size; tick labels are digits,
    separators and signs: measured one by one, once a font). ``font`` is a copy no one
    changes: it is the cache's key."""
    width, _height, _descent = text_to_path.get_text_width_height_descent(char, font, ismath=False)
    return width


def label_points(text: str, font: FontProperties) -> float:
    """How wide ``text`` is in points in ``font``: its characters' advances summed (digits
    have no kerning; a label's few pixels of error are within the gap)."""
    return sum(_char_points(char, font) for char in text)


def tick_label_font(axis) -> FontProperties:
    """The font ``axis``'s major tick labels are drawn in (a copy): its first tick's label's,
    made with the axis's tick parameters (``labelsize``, ``labelfontfamily``) and rcParams'
    font at the time. Taken without placing the ticks (no call back into the locator)."""
    (tick,) = axis.get_major_ticks(1)
    return tick.label1.get_fontproperties().copy()


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
        font = tick_label_font(axis)  # its size: 8 pt in ``style_axes``
        points_px = axes.figure.dpi / 72
        try:
            for bins in range(int(most), 0, -1):
                self._nbins = bins
                ticks = super().tick_values(vmin, vmax)
                if bins == 1 or self._fits(ticks, vmin, vmax, width, font, points_px):
                    return ticks
            return ticks
        finally:
            self._nbins = most

    def _fits(self, ticks, vmin, vmax, width, font, points_px) -> bool:
        low, high = min(vmin, vmax), max(vmin, vmax)
        span = high - low
        shown = [t for t in ticks if low - span * 1e-9 <= t <= high + span * 1e-9]
        if len(shown) < 2:
            return True
        formatter = self.axis.get_major_formatter()
        formatter.set_locs(shown)
        widths = [label_points(formatter(t, i), font) * points_px for i, t in enumerate(shown)]
        px = [(t - low) / span * width for t in shown]
        return all(
            b - a >= (wa + wb) / 2 + TICK_GAP_PX
            for a, b, wa, wb in zip(px, px[1:], widths, widths[1:], strict=False)
        )
