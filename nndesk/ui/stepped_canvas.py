"""SteppedCanvas: a matplotlib Qt canvas whose idle draws lay the figure out in one turn of the
event loop and draw it in the next.

A figure with constrained layout spends about half of a full draw fitting its text (ticks,
titles, legends) before drawing it: the Live plot's first draw at the first Train click was
~70 ms of layout and ~80 ms of drawing in one block of the GUI thread (docs/performance.md).
Two turns leave the window answering between them. The drawing itself is stepped too: the
figure's background first, then its Axes and other artists, as many a turn as fit in
``PIECE_MS`` of the GUI thread (the Live plot's first draw, ~80-100 ms, and its full redraw
as a run ends, ~110 ms, were one block each); the last piece's turn tells the figure's
``draw_event`` listeners, as ``Figure.draw`` does. A figure with no layout engine (the Live
plot's frozen layout) is drawn in pieces without the layout turn. Only idle draws are
stepped: ``draw()`` called directly still draws at once, as callers reading the drawn figure
expect. While pieces are drawn the canvas paints its last picture (a resized canvas: at its
old size on the figure's colour), until the new one is whole; an idle draw asked meanwhile
draws the figure again once this one is shown.
"""

from __future__ import annotations

import contextlib
import time

import numpy as np
from matplotlib.backend_bases import DrawEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.layout_engine import PlaceHolderLayoutEngine
from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QColor, QImage, QPainter

#: ms between the two steps: a real timer, since a zero one is a posted event that Qt 6 may
#: run in the same pass as the step before, with no input or paint between them
STEP_MS = 1
#: GUI-thread CPU ms a drawing turn may take before the next artist waits for the next turn
#: (one artist is always drawn: an Axes is not split)
PIECE_MS = 25.0


def lays_out(engine) -> bool:
    """Whether a figure with ``engine`` is laid out as it is drawn."""
    return engine is not None and not isinstance(engine, PlaceHolderLayoutEngine)


def draw_order(figure, renderer) -> list:
    """``figure``'s artists as ``Figure.draw`` draws them, its background aside: those not
    animated, by zorder, each Axes' aspect (and its insets') applied first. Public API only:
    matplotlib's own list (``Figure._get_draw_artists``) is private, and pyproject allows every
    matplotlib from 3.7."""
    children = [a for a in figure.get_children() if a is not figure.patch]
    artists = sorted((a for a in children if not a.get_animated()), key=lambda a: a.get_zorder())
    for ax in figure.axes:
        for each in (ax, *ax.get_children()):
            if hasattr(each, "apply_aspect"):
                locator = each.get_axes_locator()
                each.apply_aspect(locator(each, renderer) if locator else None)
    return artists


class _Pieces:
    """A draw under way: the renderer it draws into, the figure's artists (the Axes among
    them) in drawing order, the next one to draw, and the Axes and size it was started on."""

    def __init__(self, renderer, artists: list, axes: list, size: tuple) -> None:
        self.renderer, self.artists, self.axes, self.size = renderer, artists, axes, size
        self.next = 0


class SteppedCanvas(FigureCanvasQTAgg):
    """``FigureCanvasQTAgg`` with stepped idle draws (the layout, then the draw in pieces)."""

    def __init__(self, figure) -> None:
        super().__init__(figure)
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(STEP_MS)
        self._step_timer.timeout.connect(self._on_step_timer_timeout)
        #: what the first step laid out (the Axes and the size), drawn by the next ones
        self._laid_out: tuple[list, tuple] | None = None
        self._pieces: _Pieces | None = None
        #: the Axes whose text is still to be measured before the layout turn (None: not begun)
        self._unmeasured: list | None = None
        self._again = False  # an idle draw was asked while pieces were drawn
        #: a copy of the last whole picture, painted until the new one is whole
        self._shown: np.ndarray | None = None
        #: (place in the drawing order, kind of artist) -> GUI-thread ms its last draw took: a
        #: turn that has drawn something leaves the next piece to the next turn when it would
        #: go past ``PIECE_MS`` (the Map's points ~12 ms and its key ~21 ms were one turn, of
        #: ~35 ms, ~55 ms under load)
        self._piece_ms: dict[tuple[int, str], float] = {}

    def draw_idle(self) -> None:
        if self._pieces is not None:
            self._again = True  # what changed may be drawn already or not: once more after
            return
        if self._shown is None and self._picture_at_other_size():
            self._shown = self._picture()  # resized: painted until the new one is drawn
        if not self._step_timer.isActive() and self._laid_out is None:
            self._step_timer.start()

    def draw(self) -> None:
        self._end_steps()  # what a step would draw is drawn now
        super().draw()

    def steps_pending(self) -> bool:
        """Whether a stepped draw is under way: a grab now shows the last picture."""
        return self._step_timer.isActive() or self._laid_out is not None or bool(self._pieces)

    def hold_picture(self) -> None:
        """Paint the picture on screen now until ``release_picture`` or the end of a stepped
        draw (a redraw of some Axes in several turns draws into the renderer meanwhile)."""
        if self._shown is None and hasattr(self, "renderer"):
            self._shown = self._picture()

    def release_picture(self) -> None:
        """Paint the renderer again (unless a stepped draw is under way: it ends the hold)."""
        if not self.steps_pending():
            self._shown = None

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # kept before the resize's listeners run: one that measures text (the Live plot's
        # key) makes the renderer at the new size, blank, before the draw is asked for
        if self._shown is None and hasattr(self, "renderer") and not self._in_resize_event:
            self._shown = self._picture()  # (a nested resize asks for no draw)
        super().resizeEvent(event)

    def _picture(self) -> np.ndarray:
        return np.array(self.renderer.buffer_rgba())  # a copy: the renderer is drawn again

    def _end_steps(self) -> None:
        self._step_timer.stop()
        self._laid_out = self._pieces = self._shown = self._unmeasured = None
        self._again = False

    def _size_key(self) -> tuple:
        return (*self.get_width_height(physical=True), self.figure.dpi)

    def _picture_at_other_size(self) -> bool:
        return hasattr(self, "renderer") and self._lastKey != self._size_key()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        shown = self._shown
        if shown is None:
            # the figure's colour first: the canvas paints opaquely (WA_OpaquePaintEvent), and
            # with no renderer yet it paints nothing, with a blank one (a stepped draw's layout
            # turn) transparent pixels: what the window showed there before stayed. Opened
            # while a run trained, the Map showed the Inside page's Arithmetic panel over its
            # lower half for ~3 s, until its first stepped draw was whole (walk65 D26)
            painter = QPainter(self)
            try:
                painter.fillRect(event.rect(), QColor.fromRgbF(*self.figure.get_facecolor()))
            finally:
                painter.end()
            super().paintEvent(event)
            return
        # the last picture (at its own size), the rest in the figure's colour, until the new one
        buffer = memoryview(shown)
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
        try:
            if self._pieces is not None:
                self._draw_pieces()
            elif self._lay_out():
                self._start_pieces()
        except Exception:
            self._end_steps()  # as a failed draw(): nothing left waiting for a turn
            raise

    def _lay_out(self) -> bool:
        """The layout turn, or whether the figure is laid out for drawing at this size."""
        engine = self.figure.get_layout_engine()
        if self._laid_out is None:
            if lays_out(engine) and self.figure.axes:
                if self._measure_some():
                    self._step_timer.start()
                    return False
                axes = list(self.figure.axes)
                with contextlib.suppress(ValueError):  # as Figure.draw: seen while resizing
                    engine.execute(self.figure)  # makes the renderer at this size (blank at first)
                self._laid_out = (axes, self._size_key())
                self._step_timer.start()
                return False
            return True  # nothing to lay out
        (axes, size), self._laid_out = self._laid_out, None
        if lays_out(engine) and not self._still(axes, size):
            self._step_timer.start()  # resized, or other Axes since: laid out again first
            return False
        return True

    def _measure_some(self) -> bool:
        """Measure the Axes' ticks and text (as the layout does), as many Axes as fit in a
        turn; False once all are. The layout measures each twice: measured before (its text
        sizes kept by matplotlib), the Live plot's first layout took 35 ms, not 70-110."""
        if self._unmeasured is None:
            self._unmeasured = list(self.figure.axes)
        if not self._unmeasured:
            self._unmeasured = None
            return False
        renderer = self.get_renderer()  # at this size (blank at first)
        started = time.thread_time()
        while self._unmeasured:  # one Axes at least
            with contextlib.suppress(ValueError):  # as the layout: seen while resizing
                self._unmeasured.pop(0).get_tightbbox(renderer, for_layout_only=True)
            if 1000 * (time.thread_time() - started) >= PIECE_MS:
                break
        return True

    def _still(self, axes: list, size: tuple) -> bool:
        """Whether the figure has ``axes`` (the same objects) and the canvas ``size``."""
        now = self.figure.axes
        return (
            size == self._size_key()
            and len(axes) == len(now)
            and all(a is b for a, b in zip(axes, now, strict=True))
        )

    def _start_pieces(self) -> None:
        """The figure's background, then as many pieces as fit in this turn."""
        figure = self.figure
        if not figure.get_visible():
            self.draw()
            return
        if self._shown is None and hasattr(self, "renderer"):
            self._shown = self._picture()  # the same renderer is drawn again
        renderer = self.get_renderer()  # at this size
        renderer.clear()
        figure.patch.draw(renderer)
        artists = draw_order(figure, renderer)
        self._pieces = _Pieces(renderer, artists, list(figure.axes), self._size_key())
        self._draw_pieces()

    def _draw_pieces(self) -> None:
        pieces = self._pieces
        if pieces.renderer is not self.renderer or not self._still(pieces.axes, pieces.size):
            self._pieces = None  # resized, or other Axes since: started again
            self._again = False
            self._step_timer.start()
            return
        started = time.thread_time()
        drawn = False
        while pieces.next < len(pieces.artists):
            artist = pieces.artists[pieces.next]
            key = (pieces.next, type(artist).__name__)
            before = time.thread_time()
            # a piece never drawn before is taken to fill a turn: it starts one of its own
            expected = self._piece_ms.get(key, PIECE_MS)
            if drawn and 1000 * (before - started) + expected > PIECE_MS:
                self._step_timer.start()  # it would not fit: the next turn starts with it
                return
            artist.draw(pieces.renderer)
            drawn = True
            self._piece_ms[key] = 1000 * (time.thread_time() - before)
            pieces.next += 1
            if 1000 * (time.thread_time() - started) >= PIECE_MS:
                # the rest in the next turns; the draw's listeners (the Live plot keeps its
                # background and draws its lines, ~20 ms) have a turn of their own
                self._step_timer.start()
                return
        self._pieces, self._shown = None, None
        self.figure.stale = False
        # as Figure.draw ends: listeners (the Live plot's blitted lines) see the whole figure
        DrawEvent("draw_event", self, pieces.renderer)._process()
        self.update()
        if self._again:
            self._again = False
            self.draw_idle()
