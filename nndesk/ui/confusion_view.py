"""The clickable confusion matrix: counts over row-normalised colour; a click names a cell."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui import theme
from nndesk.ui.language import integer, percent, translate, translate_marked
from nndesk.viz import (
    READABLE_COUNT_POINTS,
    fit_cell_counts,
    muted_colour,
    plot_confusion,
    set_class_labels,
)

HINT = QT_TRANSLATE_NOOP(
    "ConfusionView",
    "Click a cell to see its images: off the diagonal the mistakes, on it the correct ones.",
)


#: Class names are never written smaller than this (points)
SMALLEST_LABEL_POINTS = 6.5
#: Pixels of the canvas's shorter side per point of the class names (400 px: 8 pt, 500 px: 10)
LABEL_POINTS_PER_PX = 50
#: A line of class names' height per point of their size (Vietnamese accents above)
LINE_HEIGHT = 1.15
#: Layouts tried before a draw, while the class names are fitted to the room
MAX_FITTING_LAYOUTS = 4


class _FittedCanvas(FigureCanvasQTAgg):
    """A canvas that lets its view fit the matrix's text to the room before every draw, so a
    matrix is never on screen unfitted: fitted after it was drawn, the replay showed 10 pt
    names and counts over their cells' edges for 2-4 s under load, until the fitting draws
    caught up."""

    def __init__(self, figure: Figure, fit) -> None:
        super().__init__(figure)
        self._fit = fit

    def draw(self) -> None:
        self._fit()
        super().draw()


class ConfusionView(QWidget):
    """A matplotlib confusion matrix that turns mouse clicks into ``cell_clicked(true, pred)``."""

    cell_clicked = Signal(int, int)  # true class, predicted class of the clicked cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confusion: np.ndarray | None = None
        self._names: tuple[str, ...] = ()
        self._selected: tuple[int, int] | None = None
        self.figure = Figure(figsize=(5, 4.6), layout="constrained")
        self.canvas = _FittedCanvas(self.figure, self._fit_to_room)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(320, 300)
        self.ax = self.figure.add_subplot()
        self.canvas.mpl_connect("button_press_event", self._on_canvas_pressed)
        self._fitted_for: tuple[int, int] | None = None  # the canvas size names and counts fit
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_moved)
        self.hint = QLabel(translate_marked("ConfusionView", HINT))
        self.hint.setWordWrap(True)
        theme.set_tone(self.hint, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        self._draw(clear=False)  # a new axes: clearing it again would cost 40 ms a window
        # the cells' colours and their counts' ink are the theme's (viz.confusion_colours), not
        # the theme-neutral data colours theme.restyle_figure leaves alone: drawn again
        theme.notifier().changed.connect(self._on_theme_changed)

    @Slot(object, object)
    def set_matrix(self, confusion: np.ndarray | None, class_names: Sequence[str] = ()) -> None:
        """Show ``confusion`` (int (k, k), rows true); None clears the view."""
        self._confusion = None if confusion is None else np.asarray(confusion)
        self._names = tuple(class_names)
        self._selected = None
        self.reset_hint()
        self._draw()

    def reset_hint(self) -> None:
        """Back to the general hint (a hovered cell's counts belong to the previous matrix)."""
        self.hint.setText(translate_marked("ConfusionView", HINT))

    def matrix(self) -> np.ndarray | None:
        return self._confusion

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        if self._confusion is not None:
            self._draw()

    def _draw(self, clear: bool = True) -> None:
        if clear:
            self.ax.clear()
        if self._confusion is None:
            self.ax.set_axis_off()
            self.ax.text(
                0.5,
                0.5,
                translate("ConfusionView", "No evaluation yet"),
                ha="center",
                va="center",
                color=muted_colour(),
            )
        else:
            self.ax.set_axis_on()
            plot_confusion(
                self.ax, self._confusion, self._names, title=None, highlight=self._selected
            )
            # at the top of a canvas taller than the square matrix: centred, the replay's
            # column names fell below a 1024x700 window's fold under 60 px of empty canvas
            self.ax.set_anchor("N")
        self._fitted_for = None
        self.canvas.draw_idle()

    def _set_label_points(self, points: float) -> None:
        self.ax.tick_params(labelsize=points)
        for title in (self.ax.xaxis.label, self.ax.yaxis.label):
            title.set_fontsize(min(10.0, points + 1.5))

    def _label_points(self) -> float:
        """The class names' size for the canvas's room: in the Train page's replay (~370 px
        wide) Vietnamese names at 10 pt took half the width, leaving cells of 18 px where
        "5032" could not be read and the slanted names overlapped one another."""
        room = min(self.canvas.width(), self.canvas.height())
        return max(SMALLEST_LABEL_POINTS, min(10.0, room / LABEL_POINTS_PER_PX))

    def labels_fit(self, renderer=None) -> bool:
        """Whether the matrix with its class names and axis titles lies inside the figure."""
        box = self.ax.get_tightbbox(renderer or self.canvas.get_renderer())
        frame = self.figure.bbox
        return box is None or (
            box.x0 >= -0.5
            and box.y0 >= -0.5
            and box.x1 <= frame.width + 0.5
            and box.y1 <= frame.height + 0.5
        )

    def names_overlap(self, renderer=None) -> bool:
        """Whether neighbouring class names on the predicted axis run into one another."""
        renderer = renderer or self.canvas.get_renderer()
        labels = [t for t in self.ax.get_xticklabels() if t.get_text()]
        if self._confusion is None or len(labels) < 2:
            return False
        rotation = math.radians(labels[0].get_rotation() % 180)
        if rotation == 0:
            boxes = [t.get_window_extent(renderer) for t in labels]
            return any(b.x0 < a.x1 for a, b in zip(boxes, boxes[1:], strict=False))
        # slanted names are parallel lines one column apart along x: column x sin(slant)
        # apart across it, less than a line's height (accents included) means they touch
        column = self.ax.get_window_extent(renderer).width / len(self._confusion)
        line = labels[0].get_fontsize() * self.figure.dpi / 72 * LINE_HEIGHT
        return column * math.sin(rotation) < line

    def counts_fit(self, renderer=None) -> bool:
        """Whether every count lies inside its cell."""
        renderer = renderer or self.canvas.get_renderer()
        if self._confusion is None:
            return True
        box = self.ax.get_window_extent(renderer)
        cell = min(box.width, box.height) / len(self._confusion)
        return all(t.get_window_extent(renderer).width <= cell for t in self.ax.texts)

    def _fit_to_room(self) -> None:
        """Before a draw, at a size not fitted yet: class names small enough to stay apart and
        inside the figure, then every count inside its cell (``viz.fit_cell_counts``). Both
        start again from their full size, so they grow back when the room comes back."""
        size = (self.canvas.width(), self.canvas.height())
        if self._confusion is None or size == self._fitted_for:
            return
        self._fitted_for = size
        set_class_labels(self.ax, self._names)
        self._fit_names_and_counts()
        # too little room for the counts (the replay in a 1024 px window: "2,4k" at 5.4 pt):
        # the names make room, the columns numbered and long row names on two lines
        smallest = min((t.get_fontsize() for t in self.ax.texts), default=READABLE_COUNT_POINTS)
        if smallest < READABLE_COUNT_POINTS and max(map(len, self._names), default=0) > 2:
            set_class_labels(self.ax, self._names, compact=True)
            self._fit_names_and_counts()

    def compact(self) -> bool:
        """Whether the columns are numbered, not named (``viz.set_class_labels``)."""
        numbers = [str(i) for i in range(len(self._names))]
        labels = [t.get_text() for t in self.ax.get_xticklabels()]
        return labels == numbers and list(self._names) != numbers

    def _fit_names_and_counts(self) -> None:
        self._set_label_points(self._label_points())
        renderer = self.canvas.get_renderer()
        for _ in range(MAX_FITTING_LAYOUTS):
            # the layout alone, no pixels: the first one after a resize sometimes finds the
            # constrained layout "collapsed" with long slanted names (Vietnamese at 1024 px)
            # and keeps the old size's positions; the next one lays them out
            self.figure.get_layout_engine().execute(self.figure)
            renderer = self.canvas.get_renderer()
            points = self.ax.xaxis.get_ticklabels()[0].get_fontsize()
            apart = self._points_apart(renderer)
            if apart < points and points > SMALLEST_LABEL_POINTS:
                self._set_label_points(max(SMALLEST_LABEL_POINTS, apart))
            elif self.labels_fit(renderer):
                break
        fit_cell_counts(self.ax, self._confusion, renderer)

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

    def cell_at(self, xdata: float | None, ydata: float | None) -> tuple[int, int] | None:
        """Data coordinates -> (true row, predicted column), or None outside the matrix."""
        if self._confusion is None or xdata is None or ydata is None:
            return None
        k = self._confusion.shape[0]
        row, col = int(np.floor(ydata + 0.5)), int(np.floor(xdata + 0.5))
        return (row, col) if 0 <= row < k and 0 <= col < k else None

    def cell_center(self, row: int, col: int) -> QPoint:
        """Where cell (row, col) is on the canvas widget, in Qt widget coordinates."""
        self.canvas.draw()  # make sure the transforms reflect the current size
        x, y = self.ax.transData.transform((col, row))
        ratio = self.canvas.device_pixel_ratio or 1.0
        height = self.figure.bbox.height
        return QPoint(round(x / ratio), round((height - y) / ratio))

    def _on_canvas_pressed(self, event) -> None:
        if event.inaxes is not self.ax or event.button != 1:
            return
        cell = self.cell_at(event.xdata, event.ydata)
        if cell is None:
            return
        self._selected = cell
        self._draw()
        self.cell_clicked.emit(*cell)

    def _on_canvas_moved(self, event) -> None:
        cell = self.cell_at(event.xdata, event.ydata) if event.inaxes is self.ax else None
        if cell is None:
            self.canvas.setCursor(Qt.CursorShape.ArrowCursor)
            self.hint.setText(translate_marked("ConfusionView", HINT))
            self.canvas.setToolTip("")
            return
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        r, c = cell
        count = int(self._confusion[r, c])
        row_total = int(self._confusion[r].sum())
        share = (
            translate("ConfusionView", " ({share} of true {name})").format(
                share=percent(count / row_total, 1), name=self._names[r]
            )
            if row_total
            else ""
        )
        what = (
            translate("ConfusionView", "{name} recognised correctly").format(name=self._names[r])
            if r == c
            else translate("ConfusionView", "true {true}, predicted {predicted}").format(
                true=self._names[r], predicted=self._names[c]
            )
        )
        self.hint.setText(
            translate("ConfusionView", "{what}: {count} images{share}. Click to open them.").format(
                what=what, count=integer(count), share=share
            )
        )
        if self.hint.isHidden():  # the replay's matrix opens nothing: its cell said on hover
            self.canvas.setToolTip(
                translate("ConfusionView", "{what}: {count} images{share}.").format(
                    what=what, count=integer(count), share=share
                )
            )
