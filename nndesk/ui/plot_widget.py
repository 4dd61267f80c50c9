"""PlotWidget: a matplotlib Figure embedded in Qt, redrawn at most every ~100 ms."""

from __future__ import annotations

import time
from collections.abc import Callable

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

#: Minimum milliseconds between two redraws of one plot.
MIN_REDRAW_MS = 100


class PlotWidget(QWidget):
    """Holds ``self.figure`` and its canvas; ``request_draw()`` coalesces redraws.

    Callers call ``request_draw()`` as often as they like; the canvas is drawn at most once per
    ``min_interval_ms``. ``before_draw`` (optional) runs just before each redraw, so the caller
    moves its artists' data (``set_data``, ``relim``) only as often as the plot is drawn.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        figsize: tuple[float, float] = (6.0, 4.0),
        min_interval_ms: int = MIN_REDRAW_MS,
    ) -> None:
        super().__init__(parent)
        self.figure = Figure(figsize=figsize, layout="constrained", facecolor="white")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._min_interval = min_interval_ms / 1000.0
        self._last_draw = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.draw_count = 0  # how many redraws were actually issued (tests, benchmark)
        self.before_draw: Callable[[], None] | None = None

    def request_draw(self) -> None:
        """Redraw soon: now if the last redraw is old enough, else once the interval has passed."""
        if self._timer.isActive():
            return
        wait = self._min_interval - (time.perf_counter() - self._last_draw)
        if wait <= 0:
            self._draw()
        else:
            self._timer.start(int(wait * 1000) + 1)

    def draw_now(self) -> None:
        """Redraw immediately (after a complete change such as an overlay)."""
        self._timer.stop()
        self._draw()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._draw()

    def _draw(self) -> None:
        self._last_draw = time.perf_counter()
        self.draw_count += 1
        if self.before_draw is not None:
            self.before_draw()
        self.canvas.draw_idle()
