"""SteppedCanvas: a matplotlib Qt canvas whose idle draws lay the figure out in one turn of the
event loop and draw it in the next.

A figure with constrained layout spends about half of a full draw fitting its text (ticks,
titles, legends) before drawing it: the Live plot's first draw at the first Train click was
~70 ms of layout and ~80 ms of drawing in one block of the GUI thread (docs/performance.md).
Two turns leave the window answering between them. Only idle draws are stepped: ``draw()``
called directly still draws at once, as callers reading the drawn figure expect; a picture
at another size (a resize) is drawn before the next paint, as matplotlib does, since the
layout would otherwise leave a blank picture on screen between the turns.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from PySide6.QtCore import QTimer, Slot

#: ms between the two steps: a real timer, since a zero one is a posted event that Qt 6 may
#: run in the same pass as the step before, with no input or paint between them
STEP_MS = 1


def lays_out(engine) -> bool:
    """Whether a figure with ``engine`` is laid out as it is drawn."""
    return engine is not None and not isinstance(engine, PlaceHolderLayoutEngine)


class SteppedCanvas(FigureCanvasQTAgg):
    """``FigureCanvasQTAgg`` with stepped idle draws (the layout, then the draw)."""

    def __init__(self, figure) -> None:
        super().__init__(figure)
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(STEP_MS)
        self._step_timer.timeout.connect(self._on_step_timer_timeout)
        self._laid_out: list | None = None  # the Axes laid out by the first step, then drawn

    def draw_idle(self) -> None:
        if self._picture_at_other_size() or not lays_out(self.figure.get_layout_engine()):
            self._step_timer.stop()
            self._laid_out = None
            super().draw_idle()  # drawn before the next paint
            return
        if not self._step_timer.isActive() and self._laid_out is None:
            self._step_timer.start()

    def draw(self) -> None:
        self._step_timer.stop()  # what a step would draw is drawn now
        self._laid_out = None
        super().draw()

    def _picture_at_other_size(self) -> bool:
        if not hasattr(self, "renderer"):
            return False
        return self._lastKey != (*self.get_width_height(physical=True), self.figure.dpi)

    @Slot()
    def _on_step_timer_timeout(self) -> None:
        if self.width() <= 0 or self.height() <= 0:
            self._laid_out = None
            return
        engine = self.figure.get_layout_engine()
        if self._laid_out is None:
            if lays_out(engine) and self.figure.axes:
                axes = list(self.figure.axes)
                engine.execute(self.figure)  # makes the renderer at this size (blank at first)
                self._laid_out = axes
                self._step_timer.start()
                return
            self.draw()
            return
        laid_out, self._laid_out = self._laid_out, None
        if not lays_out(engine) or len(laid_out) != len(self.figure.axes):
            self.draw()  # no layout to keep, or other Axes since: laid out with the draw
            return
        if any(a is not b for a, b in zip(laid_out, self.figure.axes, strict=True)):
            self.draw()
            return
        self.figure.set_layout_engine("none")  # laid out a turn ago
        kept_aside = self.figure.get_layout_engine()
        try:
            super().draw()
        finally:
            # put back unless the draw's listeners chose another (a frozen layout)
            if self.figure.get_layout_engine() is kept_aside:
                self.figure.set_layout_engine(engine)
