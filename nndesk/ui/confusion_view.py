"""The clickable confusion matrix: counts over row-normalised colour; a click names a cell."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui import theme
from nndesk.ui.language import integer, percent, translate, translate_marked
from nndesk.viz import fit_cell_counts, muted_colour, plot_confusion

HINT = QT_TRANSLATE_NOOP(
    "ConfusionView",
    "Click a cell to see its images: off the diagonal the mistakes, on it the correct ones.",
)


class ConfusionView(QWidget):
    """A matplotlib confusion matrix that turns mouse clicks into ``cell_clicked(true, pred)``."""

    cell_clicked = Signal(int, int)  # true class, predicted class of the clicked cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confusion: np.ndarray | None = None
        self._names: tuple[str, ...] = ()
        self._selected: tuple[int, int] | None = None
        self.figure = Figure(figsize=(5, 4.6), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(320, 300)
        self.ax = self.figure.add_subplot()
        self.canvas.mpl_connect("button_press_event", self._on_canvas_pressed)
        self.canvas.mpl_connect("draw_event", self._on_canvas_drawn)
        self._redrawn = False  # the draw just made was the one asked for by _on_canvas_drawn
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_moved)
        self.hint = QLabel(translate_marked("ConfusionView", HINT))
        self.hint.setWordWrap(True)
        theme.set_tone(self.hint, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        self._draw(clear=False)  # a new axes: clearing it again would cost 40 ms a window

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
        self.canvas.draw_idle()

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

    def _on_canvas_drawn(self, event) -> None:
        # the first draw after a resize sometimes finds the constrained layout "collapsed" with
        # long rotated class names (Vietnamese at 1024 px) and keeps the old size's layout,
        # cutting the names; a second draw at the same size lays them out
        if self._redrawn:
            self._redrawn = False
        elif self._confusion is not None:
            shrunk = fit_cell_counts(self.ax, len(self._confusion), event.renderer)
            if shrunk or not self.labels_fit(event.renderer):
                self._redrawn = True
                self.canvas.draw_idle()

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
