"""A confusion matrix drawn on a figure of its own at a given size, its text fitted to the room.

``ConfusionView`` has it drawn on the render thread and shows the pixels: laying out the
matrix's 100 counts, its class names and the constrained layout took 0.4-1.2 s of the GUI
thread per matrix under load (docs/performance.md). No Qt here; matplotlib's Agg canvas only,
so any thread can draw one (each its own figure; matplotlib keeps a font cache per thread).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nndesk.viz import (
    READABLE_COUNT_POINTS,
    cell_inside,
    counts_shortened,
    fit_cell_counts,
    muted_colour,
    plot_confusion,
    set_class_labels,
)

#: Class names are never written smaller than this (points)
SMALLEST_LABEL_POINTS = 6.5
#: Pixels of the canvas's shorter side per point of the class names (400 px: 8 pt, 500 px: 10)
LABEL_POINTS_PER_PX = 50
#: A line of class names' height per point of their size (Vietnamese accents above)
LINE_HEIGHT = 1.15
#: Layouts tried while the class names are fitted to the room
MAX_FITTING_LAYOUTS = 4


class MatrixFigure:
    """``confusion`` (int (k, k), rows true; None: ``empty_text`` alone) drawn for a canvas of
    ``width`` x ``height`` device-independent pixels at ``ratio`` device pixels each, with the
    class names and counts fitted to that room; ``draw()`` makes the pixels."""

    def __init__(
        self,
        confusion: np.ndarray | None,
        class_names: Sequence[str],
        width: int,
        height: int,
        ratio: float = 1.0,
        highlight: tuple[int, int] | None = None,
        empty_text: str = "",
        zoom: float = 1.0,
    ) -> None:
        self.confusion = None if confusion is None else np.asarray(confusion)
        self.names = tuple(str(n) for n in class_names)
        self.width, self.height, self.ratio, self.zoom = width, height, ratio, zoom
        # as FigureCanvasQTAgg: points scale with ratio, and with View > Text size's ``zoom``
        # (more dots per inch on the same pixels: bigger text in the same place)
        dpi = matplotlib.rcParams["figure.dpi"] * zoom
        self.figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi * ratio)
        self.figure.set_layout_engine("constrained")
        FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_subplot()
        if self.confusion is None:
            self.ax.set_axis_off()
            self.ax.text(0.5, 0.5, empty_text, ha="center", va="center", color=muted_colour())
            return
        plot_confusion(self.ax, self.confusion, self.names, title=None, highlight=highlight)
        # at the top of a canvas taller than the square matrix: centred, the replay's column
        # names fell below a 1024x700 window's fold under 60 px of empty canvas
        self.ax.set_anchor("N")
        self._fit_to_room()

    def draw(self) -> np.ndarray:
        """The figure's pixels: uint8 (height x ratio, width x ratio, 4) RGBA, a view of the
        canvas's buffer."""
        self.figure.canvas.draw()
        return np.asarray(self.figure.canvas.buffer_rgba())

    def dismantle(self) -> None:
        """Take the figure's artists out of it once it no longer shows, on any thread: they are
        then freed by reference counting there. Left whole, a matrix's figure was ~11,500
        objects in reference cycles for the collector, which runs on the GUI thread; ~2,300
        after this (docs/performance.md)."""
        self.figure.clear()

    def renderer(self):
        return self.figure.canvas.get_renderer()

    def _set_label_points(self, points: float) -> None:
        self.ax.tick_params(labelsize=points)
        for title in (self.ax.xaxis.label, self.ax.yaxis.label):
            title.set_fontsize(min(10.0, points + 1.5))

    def _label_points(self) -> float:
        """The class names' size for the canvas's room: in the Train page's replay (~370 px
        wide) Vietnamese names at 10 pt took half the width, leaving cells of 18 px where
        "5032" could not be read and the slanted names overlapped one another."""
        room = min(self.width, self.height)
        return max(SMALLEST_LABEL_POINTS, min(10.0, room / LABEL_POINTS_PER_PX))

    def labels_fit(self, renderer=None) -> bool:
        """Whether the matrix with its class names and axis titles lies inside the figure."""
        box = self.ax.get_tightbbox(renderer or self.renderer())
        frame = self.figure.bbox
        return box is None or (
            box.x0 >= -0.5
            and box.y0 >= -0.5
            and box.x1 <= frame.width + 0.5
            and box.y1 <= frame.height + 0.5
        )

    def names_overlap(self, renderer=None) -> bool:
        """Whether neighbouring class names on the predicted axis run into one another."""
        renderer = renderer or self.renderer()
        labels = [t for t in self.ax.get_xticklabels() if t.get_text()]
        if self.confusion is None or len(labels) < 2:
            return False
        rotation = math.radians(labels[0].get_rotation() % 180)
        if rotation == 0:
            boxes = [t.get_window_extent(renderer) for t in labels]
            return any(b.x0 < a.x1 for a, b in zip(boxes, boxes[1:], strict=False))
        # slanted names are parallel lines one column apart along x: column x sin(slant)
        # apart across it, less than a line's height (accents included) means they touch
        column = self.ax.get_window_extent(renderer).width / len(self.confusion)
        line = labels[0].get_fontsize() * self.figure.dpi / 72 * LINE_HEIGHT
        return column * math.sin(rotation) < line

    def counts_fit(self, renderer=None) -> bool:
        """Whether every count lies inside its cell, between the lines around it."""
        renderer = renderer or self.renderer()
        if self.confusion is None:
            return True
        inside = cell_inside(self.ax, len(self.confusion), renderer)
        return all(t.get_window_extent(renderer).width <= inside for t in self.ax.texts)

    def compact(self) -> bool:
        """Whether the columns are numbered, not named (``viz.set_class_labels``)."""
        numbers = [str(i) for i in range(len(self.names))]
        labels = [t.get_text() for t in self.ax.get_xticklabels()]
        return labels == numbers and list(self.names) != numbers

    def _fit_to_room(self) -> None:
        """Class names small enough to stay apart and inside the figure, then every count
        inside its cell (``viz.fit_cell_counts``)."""
        self._fit_names_and_counts()
        # too little room for the counts (the replay in a 1024 px window: "2,4k" at 5.4 pt):
        # the names make room, the columns numbered and long row names on two lines; so too
        # where the counts are whole only shortened ("5.0k" at 6.6 pt in English: s64)
        smallest = min((t.get_fontsize() for t in self.ax.texts), default=READABLE_COUNT_POINTS)
        cramped = smallest < READABLE_COUNT_POINTS / self.zoom or counts_shortened(
            self.ax, self.confusion
        )
        if cramped and max(map(len, self.names), default=0) > 2:
            set_class_labels(self.ax, self.names, compact=True)
            self._fit_names_and_counts()

    def _fit_names_and_counts(self) -> None:
        self._set_label_points(self._label_points())
        renderer = self.renderer()
        for _ in range(MAX_FITTING_LAYOUTS):
            # the layout alone, no pixels: the first one after a resize sometimes finds the
            # constrained layout "collapsed" with long slanted names (Vietnamese at 1024 px)
            # and keeps the old size's positions; the next one lays them out
            self.figure.get_layout_engine().execute(self.figure)
            points = self.ax.xaxis.get_ticklabels()[0].get_fontsize()
            apart = self._points_apart(renderer)
            if apart < points and points > SMALLEST_LABEL_POINTS:
                self._set_label_points(max(SMALLEST_LABEL_POINTS, apart))
            elif self.labels_fit(renderer):
                break
        fit_cell_counts(self.ax, self.confusion, renderer, zoom=self.zoom)

    def _points_apart(self, renderer) -> float:
        """The largest size (points) at which the slanted names of neighbouring columns do not
        touch at the current layout (any size for upright names that do not overlap)."""
        labels = [t for t in self.ax.get_xticklabels() if t.get_text()]
        if len(labels) < 2:
            return math.inf
        rotation = math.radians(labels[0].get_rotation() % 180)
        if rotation == 0:
            return 0.0 if self.names_overlap(renderer) else math.inf
        column = self.ax.get_window_extent(renderer).width / len(labels)
        return (
            math.floor(column * math.sin(rotation) / (self.figure.dpi / 72 * LINE_HEIGHT) * 2) / 2
        )

    def cell_at_pixel(self, x: float, y: float) -> tuple[int, int] | None:
        """(true row, predicted column) under the point ``x``, ``y`` device-independent pixels
        from the figure's top left, or None outside the matrix."""
        if self.confusion is None:
            return None
        px = (x * self.ratio, self.figure.bbox.height - y * self.ratio)
        if not self.ax.get_window_extent().contains(*px):
            return None
        col, row = self.ax.transData.inverted().transform(px)
        k = len(self.confusion)
        row, col = int(np.floor(row + 0.5)), int(np.floor(col + 0.5))
        return (row, col) if 0 <= row < k and 0 <= col < k else None

    def cell_centre(self, row: int, col: int) -> tuple[float, float]:
        """Where cell (row, col)'s centre is, device-independent pixels from the top left."""
        x, y = self.ax.transData.transform((col, row))
        return x / self.ratio, (self.figure.bbox.height - y) / self.ratio
