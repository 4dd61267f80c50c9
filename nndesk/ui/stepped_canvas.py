"""SteppedCanvas: a matplotlib Qt canvas whose idle draws lay the figure out in one turn of the
event loop and draw it in the next.

A figure with constrained layout spends about half of a full draw fitting its text (ticks,
titles, legends) before drawing it: the Live plot's first draw at the first Train click was
~70 ms of layout and ~80 ms of drawing in one block of the GUI thread (docs/performance.md).
Two turns leave the window answering between them. Only idle draws are stepped: ``draw()``
called directly still draws at once, as callers reading the drawn figure expect. A resized
canvas paints its last picture, at its old size on the figure's colour, until the new one is
drawn (matplotlib draws it before the paint: the map's redraw as its progress bar went, ~100
ms, one block).
"""

from __future__ import annotations

import contextlib

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QColor, QImage, QPainter

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
        #: what the first step laid out (the Axes and the size), drawn by the second
        self._laid_out: tuple[list, tuple] | None = None
        #: the last picture, shown while the canvas's new size is laid out and drawn
        self._old_renderer = None

    def draw_idle(self) -> None:
        if not lays_out(self.figure.get_layout_engine()):
            self._end_steps()
            super().draw_idle()  # drawn before the next paint
            return
        if self._old_renderer is None and self._picture_at_other_size():
            self._old_renderer = self.renderer  # resized: painted until the new one is drawn
        if not self._step_timer.isActive() and self._laid_out is None:
            self._step_timer.start()

    def draw(self) -> None:
        self._end_steps()  # what a step would draw is drawn now
        super().draw()

    def steps_pending(self) -> bool:
        """Whether a stepped draw is under way: a grab now shows the last picture."""
        return self._step_timer.isActive() or self._laid_out is not None

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # kept before the resize's listeners run: one that measures text (the Live plot's
        # key) makes the renderer at the new size, blank, before the draw is asked for
        if self._old_renderer is None and hasattr(self, "renderer") and not self._in_resize_event:
            self._old_renderer = self.renderer  # (a nested resize asks for no draw)
        super().resizeEvent(event)

    def _end_steps(self) -> None:
        self._step_timer.stop()
        self._laid_out = None
        self._old_renderer = None

    def _size_key(self) -> tuple:
        return (*self.get_width_height(physical=True), self.figure.dpi)

    def _picture_at_other_size(self) -> bool:
        return hasattr(self, "renderer") and self._lastKey != self._size_key()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        old = self._old_renderer
        if old is None:
            super().paintEvent(event)
            return
        # the picture at its old size, the rest in the figure's colour, until the new one
        buffer = memoryview(old.buffer_rgba())
        image = QImage(buffer, buffer.shape[1], buffer.shape[0], QImage.Format.Format_RGBA8888)
        image.setDevicePixelRatio(self.device_pixel_ratio)
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), QColor.fromRgbF(*self.figure.get_facecolor()))
            painter.drawImage(0, 0, image)
        finally:
            painter.end()

    @Slot()
    def _on_step_timer_timeout(self) -> None:
        if self.width() <= 0 or self.height() <= 0:
            self._end_steps()
            return
        engine = self.figure.get_layout_engine()
        if self._laid_out is None:
            if lays_out(engine) and self.figure.axes:
                axes = list(self.figure.axes)
                with contextlib.suppress(ValueError):  # as Figure.draw: seen while resizing
                    engine.execute(self.figure)  # makes the renderer at this size (blank at first)
                self._laid_out = (axes, self._size_key())
                self._step_timer.start()
                return
            self.draw()
            return
        (axes, size), self._laid_out = self._laid_out, None
        if not lays_out(engine):
            self.draw()
            return
        if size != self._size_key() or len(axes) != len(self.figure.axes):
            self._step_timer.start()  # resized, or other Axes since: laid out again first
            return
        if any(a is not b for a, b in zip(axes, self.figure.axes, strict=True)):
            self._step_timer.start()
            return
        self.figure.set_layout_engine("none")  # laid out a turn ago
        kept_aside = self.figure.get_layout_engine()
        self._old_renderer = None
        try:
            super().draw()
        finally:
            # put back unless the draw's listeners chose another (a frozen layout)
            if self.figure.get_layout_engine() is kept_aside:
                self.figure.set_layout_engine(engine)
