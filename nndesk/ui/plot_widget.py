"""PlotWidget: a matplotlib Figure embedded in Qt, redrawn at most every ~100 ms, with blitting.

A full matplotlib redraw (text, ticks, layout) costs hundreds of milliseconds on a slow machine,
long enough to freeze the window. Live plots therefore mark their lines ``animated`` and list
them in ``animated``: most updates only restore the cached background and redraw those lines
(a blit, a few milliseconds). When ``before_draw`` names the Axes whose limits or decorations
changed, only those are drawn again over the background (their old pixels painted over first),
as many Axes a turn of the event loop as fit in ``stepped_canvas.PIECE_MS`` (two Axes after an
epoch were one 45-70 ms block), the last picture painted until the new one is whole; a full
redraw happens when it says True, and after a resize.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import Bbox, BboxTransformTo
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from nndesk.ui.stepped_canvas import PIECE_MS, STEP_MS, SteppedCanvas

#: Minimum milliseconds between two redraws of one plot.
MIN_REDRAW_MS = 100
#: The same while a training run's batches are split over every core (``pace``): the Live
#: plot's ~18 ms redraws, ~9 a second, took a tenth of a core from the two the run's parts
#: hold, and evicted their caches (speed56); four a second still follow the curves.
BUSY_REDRAW_MS = 250
#: A plot that ``draws_hidden`` redraws while hidden (another page or tab on screen) at most
#: every this many ms, and resting ``HIDDEN_REST`` times a draw's length after it: back on it,
#: its picture is that recent while the newest is drawn. Drawing nothing while hidden, the
#: Live tab showed the picture of when it was left (one point at 0, empty epoch charts at
#: "Epoch 2/5") for ~15 s on a loaded machine, until its full redraw was whole (walk65 D28).
HIDDEN_REDRAW_MS = 2000
HIDDEN_REST = 10.0


class PlotWidget(QWidget):
    """Holds ``self.figure`` and its canvas; ``request_draw()`` coalesces redraws.

    Callers call ``request_draw()`` as often as they like; the canvas is redrawn at most once per
    ``min_interval_ms``. ``before_draw`` (optional) runs just before each redraw, so the caller
    moves its artists' data only as often as the plot is drawn; it returns True when a full
    redraw is needed, the set of Axes whose limits or decorations changed (those are drawn
    again), or False when blitting ``animated`` artists is enough.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        figsize: tuple[float, float] = (6.0, 4.0),
        min_interval_ms: int = MIN_REDRAW_MS,
        freeze_layout: bool = False,
        figure: Figure | None = None,
    ) -> None:
        super().__init__(parent)
        # ``figure``: one from ``new_figure``, made beforehand
        self.figure = figure if figure is not None else self.new_figure(figsize)
        # laid out in one turn, drawn in the next: a first draw was one ~150 ms block
        self.canvas = SteppedCanvas(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._min_interval = self._own_interval = min_interval_ms / 1000.0
        self._last_draw = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.before_draw: Callable[[], bool | set[Axes] | None] | None = None
        self.animated: list[Artist] = []  # drawn over the cached background by blitting
        self._background = None
        self._need_full = True
        self._hidden_request = False
        #: redraw while hidden, paced (``HIDDEN_REDRAW_MS``): a plot that follows a run
        self.draws_hidden = False
        self._hidden_timer = QTimer(self)
        self._hidden_timer.setSingleShot(True)
        self._hidden_timer.timeout.connect(self._on_hidden_timer_timeout)
        self._draw_started = 0.0  # time.perf_counter() the last full draw was asked
        self._timing = False  # that draw is not whole yet
        self._draw_length = 0.0  # seconds the last full draw took, asked to whole
        self.draw_count = 0  # redraws issued (full + partial + blits), for tests and the benchmark
        self.full_draw_count = 0
        self.partial_draw_count = 0
        #: display-space box of everything each Axes drew at the last full or partial redraw
        self._drawn_boxes: dict[Axes, Bbox] = {}
        # constrained layout is half the cost of a full draw: with ``freeze_layout`` it runs on
        # the first draw after each resize only, later draws keep the axes where they are
        self._layout_engine = self.figure.get_layout_engine() if freeze_layout else None
        #: the Axes a partial redraw has still to draw, in order (None: none under way)
        self._redrawing: list[Axes] | None = None
        self._changed_since: set[Axes] = set()  # changed while a partial redraw went on
        self._step_timer = QTimer(self)
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(STEP_MS)
        self._step_timer.timeout.connect(self._on_step_timer_timeout)
        self.canvas.mpl_connect("draw_event", self._on_canvas_draw)
        self.canvas.mpl_connect("resize_event", self._on_canvas_resize)

    @staticmethod
    def new_figure(figsize: tuple[float, float] = (6.0, 4.0)) -> Figure:
        """A figure as the widget makes it: constrained layout, colours from the theme's
        rcParams."""
        return Figure(figsize=figsize, layout="constrained")

    def request_draw(self, full: bool = False) -> None:
        """Redraw soon: now if the last redraw is old enough, else once the interval has passed."""
        self._need_full |= full
        if self._timer.isActive():
            return
        wait = self._min_interval - (time.perf_counter() - self._last_draw)
        if wait <= 0:
            self._draw()
        else:
            self._timer.start(int(wait * 1000) + 1)

    def pace(self, busy: bool) -> None:
        """Redraw at most every ``BUSY_REDRAW_MS`` from now on while ``busy`` (a training run
        holds every core), else at the widget's own pace; a redraw already waiting keeps its
        time."""
        least = BUSY_REDRAW_MS / 1000.0 if busy else 0.0
        self._min_interval = max(self._own_interval, least)

    @property
    def min_interval_ms(self) -> int:
        """The least milliseconds between two redraws now (``pace``)."""
        return round(self._min_interval * 1000)

    def relayout(self) -> None:
        """Let the next draw lay the figure out again (with ``freeze_layout``: something
        outside the plots, e.g. a key above them, changed its size)."""
        if self._layout_engine is not None:
            self.figure.set_layout_engine(self._layout_engine)
        self._need_full = True

    def draw_pending(self) -> bool:
        """True while a throttled redraw waits for its interval or a redraw goes on in steps
        (tests wait for it to pass)."""
        return self._timer.isActive() or self._redrawing is not None or self.canvas.steps_pending()

    def draw_now(self) -> None:
        """Redraw everything at the next event-loop turn (after a complete change)."""
        self._timer.stop()
        self._need_full = True
        self._draw()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._draw()

    @Slot()
    def _on_hidden_timer_timeout(self) -> None:
        """A full draw while hidden (``draws_hidden``), unless one is under way or the plot
        was never laid out on screen (drawn at a size it never had, it would be drawn again)."""
        if self.isVisible() or self.full_draw_count == 0 or self.draw_pending():
            return
        self._draw_started, self._timing = time.perf_counter(), True
        self.draw_count += 1
        self.full_draw_count += 1
        if self.before_draw is not None:
            self.before_draw()
        self._need_full = False
        self._background = None
        self.canvas.draw_idle()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Draw what was asked for while hidden (a page not on screen draws nothing)."""
        super().showEvent(event)
        self._hidden_timer.stop()
        if self._hidden_request:
            self._hidden_request = False
            # a plot drawn while hidden has a recent picture: what changed since, drawn as
            # any update is (a blit, or its changed Axes); a full draw when one is due
            self.request_draw(full=not self.draws_hidden or self._background is None)

    def _draw(self) -> None:
        if not self.isVisible():  # e.g. the Runs tab while the Live tab is shown
            self._hidden_request = True
            if self.draws_hidden and not self._hidden_timer.isActive():
                rest = max(HIDDEN_REDRAW_MS / 1000, HIDDEN_REST * self._draw_length)
                wait = rest - (time.perf_counter() - self._draw_started)
                self._hidden_timer.start(max(0, int(wait * 1000)))
            return
        self._last_draw = time.perf_counter()
        self.draw_count += 1
        full = self._need_full
        changed = self.before_draw() if self.before_draw is not None else None
        full = full or changed is True
        if self._redrawing is not None:
            if not full:  # drawn once the Axes under way are (the lines as they are then)
                self._changed_since |= set(changed or ())
                return
            self._stop_redraw()  # the full draw draws them all
        changed = set() if full or not changed else set(changed)
        changed |= self._changed_since
        self._changed_since = set()
        if self.canvas.steps_pending():
            # a stepped draw is under way (into the renderer a blit would draw on): it draws
            # the lines as they are now; other changes, drawn again once it is shown
            if full or changed:
                self._need_full = False
                self.full_draw_count += 1
                self.canvas.draw_idle()
            return
        if full or self._background is None or not self.animated:
            self._need_full = False
            self._background = None  # until the full draw has happened
            self.full_draw_count += 1
            self._draw_started, self._timing = time.perf_counter(), True
            self.canvas.draw_idle()
            return
        if changed:
            self._redraw_axes(changed)
            return
        self.canvas.restore_region(self._background)
        self._draw_animated()
        self.canvas.blit(self.figure.bbox)

    def _redraw_axes(self, axes: set[Axes]) -> None:
        """Paint over what ``axes`` drew last time and draw them again (without the animated
        artists), a few a turn, then keep that as the new background and blit the lines: a
        third of a full redraw per Axes."""
        self.canvas.hold_picture()  # painted until the Axes are all drawn again
        self.canvas.restore_region(self._background)
        renderer = self.canvas.get_renderer()
        # an Axes whose old pixels overlap a cleared one's would lose them: it is redrawn too
        pending = set(axes)
        while pending:
            ax = pending.pop()
            box = self._drawn_boxes.get(ax)
            if box is None:  # never drawn: nothing of it to paint over
                continue
            for other, other_box in self._drawn_boxes.items():
                if other not in axes and other_box.overlaps(box):
                    axes.add(other)
                    pending.add(other)
        for ax in axes:
            if ax in self._drawn_boxes:
                self._paint_background(renderer, self._drawn_boxes[ax])
        self._redrawing = sorted(axes, key=lambda a: a.get_zorder())
        self._step_timer.start()  # the Axes from the next turn: this one took the batches in

    @Slot()
    def _on_step_timer_timeout(self) -> None:
        if self._redrawing is not None:
            self._redraw_some()

    def _redraw_some(self) -> None:
        """Draw the next Axes of the partial redraw, as many as fit in a turn; after the last,
        the new background, the lines and the picture shown."""
        renderer = self.canvas.get_renderer()
        started = time.thread_time()
        while self._redrawing:
            ax = self._redrawing.pop(0)
            ax.draw(renderer)
            self._drawn_boxes[ax] = _drawn_box(ax, renderer)
            if self._redrawing and 1000 * (time.thread_time() - started) >= PIECE_MS:
                self._step_timer.start()
                return
        self._redrawing = None
        self.partial_draw_count += 1
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_animated()
        self.canvas.release_picture()
        self.canvas.blit(self.figure.bbox)
        if self._changed_since:
            self.request_draw()

    def _stop_redraw(self) -> None:
        """Leave a partial redraw unfinished (a full draw or a resize draws everything); the
        picture held stays on screen until that draw is whole."""
        self._step_timer.stop()
        self._redrawing = None
        self._changed_since = set()

    def _paint_background(self, renderer, box: Bbox) -> None:
        """Fill ``box`` (display pixels, widened to whole pixels) with the figure's colour."""
        x0, y0 = math.floor(box.x0), math.floor(box.y0)
        x1, y1 = math.ceil(box.x1), math.ceil(box.y1)
        gc = renderer.new_gc()
        gc.set_antialiased(False)
        gc.set_linewidth(0)
        square = BboxTransformTo(Bbox.from_extents(x0, y0, x1, y1))  # the unit square onto it
        renderer.draw_path(gc, Path.unit_rectangle(), square, self.figure.get_facecolor())
        gc.restore()

    def _draw_animated(self) -> None:
        for artist in self.animated:
            self.figure.draw_artist(artist)

    def _on_canvas_draw(self, event) -> None:
        # after every full draw (ours or a resize): keep the background, then add the lines
        self._stop_redraw()
        if self._timing:
            self._timing = False
            self._draw_length = time.perf_counter() - self._draw_started
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        if self.animated:
            renderer = self.canvas.get_renderer()
            self._drawn_boxes = {ax: _drawn_box(ax, renderer) for ax in self.figure.axes}
        self._draw_animated()
        if self._layout_engine is not None and self.figure.get_layout_engine() is not None:
            self.figure.set_layout_engine("none")

    def _on_canvas_resize(self, event) -> None:
        self._stop_redraw()
        self._background = None
        self._drawn_boxes = {}
        if self._layout_engine is not None:
            self.figure.set_layout_engine(self._layout_engine)


def _drawn_box(ax: Axes, renderer) -> Bbox:
    """Display-space box of everything ``ax`` draws (ticks, labels, title, legend), two pixels
    wider for antialiased edges (a spine's soft edge lies just outside its box)."""
    return ax.get_tightbbox(renderer).padded(2.0)
