"""InsideTrainingView: the Train page's "Inside" tab, the running network's inside as charts.

Gradient norms, update sizes and dead units per layer, weight histograms now vs start and the
first-layer weights by epoch (``nndesk.inside_plots``). A full matplotlib draw of these six
charts takes longer than a frame, so it never runs on the GUI thread: while the tab is shown,
a copy of the record is rendered to an image on the render pool (about once a second while a
run trains, less often when a render takes long, at once when the run ends or another starts)
and the finished image is put on screen.

Under the charts one line says what the charts on screen show (``inside_reading``: a diverged
run, gradient norms that grew, updates far from 10⁻³, many dead units, or that they look
healthy), and "What do these charts show?" the full note on each; the pointer on a chart shows
its own note (its tooltip: the picture's chart frames come back with it).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.inside_plots import least_height
from nndesk.inside_reading import caption, read_inside
from nndesk.training.internals import InsideRecord
from nndesk.ui import text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.elided_label import ElidedLabel
from nndesk.ui.inside_age import PictureAge, age_of, age_texts
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.off_gui import Delivery, GaveUp, Latest, render_pool, run_latest

#: What each chart measures and what a healthy value looks like, by ``inside_plots.CHARTS`` id:
#: the tooltip of the chart under the pointer, and together the "What do these charts show?"
#: text. Six charts with titles alone told a student nothing of what is healthy (walk53).
CHART_HELP = {
    "grad_norm": QT_TRANSLATE_NOOP(
        "InsideTrainingView",
        "<b>Gradient norm</b>: how hard the loss pushes on each layer's weights (the size of "
        "their gradient), every few batches. Healthy: it falls a little, then stays level. "
        "Growing fast: the run is blowing up; near 0 in the first layers: they have stopped "
        "learning.",
    ),
    "update_ratio": QT_TRANSLATE_NOOP(
        "InsideTrainingView",
        "<b>Update / weight</b>: how much one step changes a layer's weights, as a share of "
        "their size. Healthy: near the dotted line, 10⁻³ (a thousandth per step). Far above "
        "it (10⁻¹): the learning rate is too high; far below (10⁻⁵): the layer hardly learns.",
    ),
    "dead": QT_TRANSLATE_NOOP(
        "InsideTrainingView",
        "<b>Dead ReLU share</b>: the share of a layer's ReLU units that gave 0 for every image "
        "of the batch measured, so they got no gradient and did not learn from it (not 0 for "
        "one image: for all of them). Healthy: low and not rising; near 1 the layer uses few "
        "of its units (often a learning rate too high).",
    ),
    "weights": QT_TRANSLATE_NOOP(
        "InsideTrainingView",
        "<b>Weights: now vs start</b>: how each layer's weights are spread (a histogram, each "
        "layer on its own row and scale): solid now, dashed grey at the start. Healthy: they "
        "spread out slowly from the start; the dashed line on the solid one means they have "
        "hardly moved yet; a few huge weights, or all squeezed to 0, are a warning.",
    ),
    "first_layer": QT_TRANSLATE_NOOP(
        "InsideTrainingView",
        "<b>First-layer weights</b>: the first layer's first filters (a CNN: each square is one "
        "small filter; an MLP: one unit's 28×28 weights), red positive, blue negative, one row "
        "per epoch, ep 0 at the start. Healthy: the noise of ep 0 turns into strokes, edges or "
        "blobs; rows that stay noise mean the first layer learns little.",
    ),
}
#: Closes the full text: the same notes one chart at a time.
POINT_AT_A_CHART = QT_TRANSLATE_NOOP("InsideTrainingView", "Point at a chart to read its own note.")

#: Milliseconds between the starts of two renders while a run trains, and at least between
#: one render's end and the next one's start (the training and the window get the core too).
REDRAW_MS = 1000
REST_MS = 250
#: ... and at least this many times the last render's own (wall) time between its end and the
#: next start, so rendering takes at most a fifth of the time whatever a render costs: on a
#: busy machine the six charts took 1-3 s, the 250 ms rest had the pool render almost back to
#: back and a fashion-cnn-lab run trained at half speed while Inside was shown (walk54 D1;
#: benchmarks/bench_inside_cost.py, figures in docs/performance.md).
REST_PER_RENDER = 4.0
#: Milliseconds "Drawing the charts…" is said before it adds that the first picture can take a
#: minute on a busy computer (the six charts take ~1 s on an idle laptop; walk71 F3 saw ~100 s
#: at load 10-16)
SLOW_NOTE_MS = 5000
#: The least share of the view's width the line under the charts keeps beside the button that
#: explains them; narrower, the button goes under the line.
GUIDE_SHARE = 0.6
#: The picture's least width (px): narrower, one chart a row still needs this much.
PICTURE_LEAST_WIDTH = 200


def render_wait(last_start: float, last_done: float, now: float) -> float:
    """Seconds from ``now`` until the next paced render may begin, the last one having begun
    at ``last_start`` and come back at ``last_done`` (``time.monotonic``): ``REDRAW_MS`` after
    it began, and after it came back ``REST_MS`` or ``REST_PER_RENDER`` times its length."""
    rest = max(REST_MS / 1000, REST_PER_RENDER * max(last_done - last_start, 0.0))
    return max(0.0, max(last_start + REDRAW_MS / 1000, last_done + rest) - now)


class Superseded(GaveUp):
    """A render given up half-way: a newer one was asked for, and this one would not be shown."""


def _add_give_up_points(fig, superseded: Callable[[], bool]) -> None:
    """An invisible artist on each chart of ``fig``: the layout measures it and the draw draws
    it, one chart at a time, so a render gives up within one chart's work once ``superseded()``.
    A layout of the six charts takes ~0.25 s of CPU, over a second on a busy machine: giving up
    only between layouts, the render under way as a run ended kept the run's last picture
    waiting 1.3 s more (benchmarks/bench_inside.py)."""
    from matplotlib.artist import Artist

    class GiveUpPoint(Artist):
        def get_tightbbox(self, renderer=None):
            if superseded():
                raise Superseded
            return None  # takes no room

        def draw(self, renderer) -> None:
            if superseded():
                raise Superseded  # and draws nothing

    for ax in fig.axes:
        point = ax.add_artist(GiveUpPoint())
        point.set_clip_on(False)  # clipped to its chart, the layout would leave it out


def render_inside(
    record: InsideRecord,
    width: int,
    height: int,
    dpi: float = 96.0,
    superseded: Callable[[], bool] = lambda: False,
) -> QImage:
    """The charts of ``record`` as a ``width`` x ``height`` image (any thread); ``Superseded``
    if ``superseded()`` turns true before it is done."""
    return render_inside_charts(record, width, height, dpi, superseded)[0]


def render_inside_charts(
    record: InsideRecord,
    width: int,
    height: int,
    dpi: float = 96.0,
    superseded: Callable[[], bool] = lambda: False,
) -> tuple[QImage, dict[str, QRectF]]:
    """``render_inside``'s image and where each chart lies in it (``inside_plots.CHARTS`` id
    -> its frame in the image's pixels, top-left origin): the charts are one picture, and the
    window tells by these which one the pointer is on (its tooltip)."""
    fig = inside_figure(record, width, height, dpi, superseded)
    canvas = fig.canvas
    w, h = canvas.get_width_height()
    image = QImage(bytes(canvas.buffer_rgba()), w, h, QImage.Format.Format_RGBA8888).copy()
    renderer = canvas.get_renderer()
    boxes = {}
    for ax in fig.axes:
        if ax.get_gid():
            # the frame with its title and tick labels: the pointer on a title asks about it
            box = ax.get_tightbbox(renderer) or ax.get_window_extent(renderer)
            boxes[ax.get_gid()] = QRectF(box.x0, h - box.y1, box.width, box.height)
    return image, boxes


def inside_figure(
    record: InsideRecord,
    width: int,
    height: int,
    dpi: float = 96.0,
    superseded: Callable[[], bool] = lambda: False,
):
    """The Figure ``render_inside`` shows, drawn once on its Agg canvas (any thread).

    The tick labels thinned and the titles broken are measured on the laid-out figure, so it is
    laid out (constrained layout: the costly part, the tick labels measured again and again)
    once, then again only after a change, and drawn once, with the last layout kept: each
    ``canvas.draw()`` lays it out and rasterises it, and this took three at 1024x700 (up to five),
    ~1.4 s of a 2-core machine's CPU where one layout less and two rasterisations less take ~0.9
    (benchmarks/bench_inside.py).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.inside_plots import (
        break_cut_labels,
        chart_columns,
        draw_inside,
        fit_notes,
        fit_strip,
        thin_crowded_log_labels,
    )

    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    # as many charts side by side as the width holds at the text's size (the view makes the
    # picture as tall as their rows need)
    draw_inside(fig, record, chart_columns(width, dpi / 96.0))
    _add_give_up_points(fig, superseded)
    layout = fig.get_layout_engine()

    def lay_out() -> None:
        if superseded():  # between the costly steps: no use finishing a picture not shown
            raise Superseded
        layout.execute(fig)

    lay_out()
    if fit_strip(fig, record):  # fewer rows of the strip than it had room for: drawn again
        lay_out()
    # a log axis's labels thinned leave its plot's height as it was: their overlaps are
    # measured again without a layout between (2 and 5 times each power kept, then if need be
    # the powers alone); fewer labels narrow a column's margin, so titles and x labels are
    # measured after the next layout
    thinned = False
    for _ in range(2):
        if not thin_crowded_log_labels(fig):
            break
        thinned = True
    if thinned:
        lay_out()
    # a title on more lines moves its column's x label: measured again; two lines, three,
    # then smaller type (a narrow Vietnamese picture)
    for _ in range(6):
        if not break_cut_labels(fig):
            break
        lay_out()
    # its x label on more lines took some of the strip's room: fewer rows, the label broken
    # again (the picture's least height leaves room for all, ``inside_plots.least_height``)
    if fit_strip(fig, record):
        lay_out()
        for _ in range(6):
            if not break_cut_labels(fig):
                break
            lay_out()
    if superseded():
        raise Superseded
    fit_notes(fig)  # in the room the layout left
    fig.set_layout_engine("none")  # laid out above: the one draw keeps it
    canvas.draw()
    return fig


def _look() -> tuple[theme.Colours, float]:
    """What a picture is drawn in: the theme's colours and View > Text size's chart zoom."""
    return theme.colours(), text_size.chart_zoom()


def _note(what: str) -> str:
    """What the tab says with no picture of the run it follows: "no run", "waiting" (for a run
    asked for), "drawing" (its first render, or one in the new theme) or "slow" (drawing for
    ``SLOW_NOTE_MS`` already)."""
    if what == "waiting":
        return translate("InsideTrainingView", "Waiting for the run's first measurements…")
    if what == "drawing":
        return translate("InsideTrainingView", "Drawing the charts…")
    if what == "slow":
        # the Why page's words for its neighbours: a student kept waiting with no word of why
        # thinks the tab is broken and leaves (walk71 F3: ~100 s under load)
        return translate(
            "InsideTrainingView",
            "Drawing the charts… (the first picture can take a minute on a busy computer)",
        )
    return translate(
        "InsideTrainingView",
        "Start a run to see inside the network while it learns: charts of each layer's "
        "gradients, update sizes, dead units and weights come here, redrawn as it trains.",
    )


class InsideTrainingView(QWidget):
    """Shows an ``InsideRecord``; ``show_record`` whenever it grew (cheap: it only marks it).

    The picture on screen is always of the record shown (``show_record`` of another run's
    record drops the last one's at once: a second run showed the first one's charts for
    seconds) and in the theme it was rendered in: after a theme switch it gives way to a note
    until the new render arrives, and at a new size it is scaled to the room meanwhile. Shown
    as it was, a switch to dark and a smaller window made while the tab was hidden left the old
    light picture, cut at both sides, for seconds (walk45 D3).

    Renders: one job on the render pool at a time, at most every ``REDRAW_MS`` while a run
    grows the record and resting ``REST_PER_RENDER`` times a render's length after it; a
    render asked for at once (``render_now``: the run ended, another theme or size, the tab
    shown) waits as the one request (``off_gui.Latest``: a newer one replaces it, never
    drawn) and makes the render under way give up at its next step.
    """

    rendered = Signal()  # a new image is on screen (tests wait on it)

    def __init__(
        self,
        parent: QWidget | None = None,
        run_place: Callable[[], tuple[int | None, bool]] | None = None,
    ) -> None:
        super().__init__(parent)
        #: the run's batches per epoch (0: not known) and whether it is still training, asked
        #: at each render: the line under the picture says what the picture is as of
        self._run_place = run_place or (lambda: (0, False))
        self.record = InsideRecord()
        # the "drawing" note says the first picture can take long once it has been said this
        # long (``_say_slow``)
        self.slow_timer = QTimer(self)
        self.slow_timer.setSingleShot(True)
        self.slow_timer.setInterval(SLOW_NOTE_MS)
        self.slow_timer.timeout.connect(self._say_slow)
        self.image = QLabel()
        self.image.setWordWrap(True)
        self._say_note(_note("no run"))
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumWidth(PICTURE_LEAST_WIDTH)
        # which chart the pointer is on: the charts are one picture (a tooltip per chart)
        self.image.setMouseTracking(True)
        self.image.installEventFilter(self)
        # one line, not a paragraph per chart: at 1024x700 the six charts get ~540x320 px.
        # It reads the picture on screen: a fixed "Healthy: …, few dead units." stood under a
        # Dead ReLU chart at 40 % and under a diverged run's blow-up (walk66 #10, verify66 #4)
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        theme.set_tone(self.guide, "muted")
        self.help_button = tipped_button(
            translate("InsideTrainingView", "What do these charts show?"),
            translate(
                "InsideTrainingView",
                "What each chart measures and what a healthy value looks like",
            ),
        )
        self.help_button.clicked.connect(self._on_help_button_clicked)
        self.image.setWhatsThis(chart_help_text())
        # how old the picture is ("As of epoch 1, batch 350"): one line, shortened where the
        # page is narrow (the whole sentence in its tooltip); kept when empty, so the picture's
        # room does not change (and ask for another render) as the first picture comes
        self.as_of = ElidedLabel(mode=Qt.TextElideMode.ElideRight)
        self.as_of.setObjectName("insideAsOf")
        self._size_to_font()
        text_size.notifier().changed.connect(self._size_to_font)  # ends with this view
        theme.set_tone(self.as_of, "muted")
        # the button beside the line, or under it where it would leave the line less than
        # GUIDE_SHARE of the width (vi Larger at 1024: a 9-line column of ~200 px)
        guide_row = self._guide_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        guide_row.addWidget(self.guide, 1)
        guide_row.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.as_of)
        layout.addLayout(guide_row)
        self._boxes: dict[str, QRectF] = {}  # where each chart lies in the picture
        self._picture: QImage | None = None  # the last render, at its render size
        #: the theme and text size (``_look``) it was asked in
        self._picture_look: tuple[theme.Colours, float] | None = None
        self._picture_age: PictureAge | None = None  # what it is as of
        #: the record the picture was drawn from (a copy): what the line under it reads
        self._picture_record: InsideRecord | None = None
        #: how the run ended and whether the coach sees it learning (``set_run_state``)
        self._diverged = False
        self._learning = True
        self._full_batch = False
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._latest = Latest()  # the render asked for and not begun (latest wins)
        self._busy = False  # a render job on the pool
        self._dirty = False  # the record grew (or the room or theme changed) since the last ask
        # time.monotonic() the last render began and came back: the pace of the renders
        self._last_start = self._last_done = -REDRAW_MS / 1000
        #: the last render asked for drew no measurement (a run's charts before its first
        #: sampled batch): its rest is not waited once one comes
        self._asked_empty = False
        self._empty_text = "no run"  # _note said with no record to draw
        self._timer = QTimer(self)  # the next render when the pace allows
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        # the charts are a picture in the colours of the theme they were rendered in:
        # theme.restyle_charts cannot reach them (a switch to dark left them light on screen)
        theme.notifier().changed.connect(self._on_theme_changed)
        self._say_reading()

    def _place_help_button(self) -> None:
        """The help button beside the line under the charts, or under it (right-aligned) where
        beside it the line would get less than ``GUIDE_SHARE`` of the width."""
        beside = self.help_button.sizeHint().width() <= (1 - GUIDE_SHARE) * self.width()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._guide_row.direction() != direction:
            self._guide_row.setDirection(direction)
            align = Qt.AlignmentFlag.AlignTop if beside else Qt.AlignmentFlag.AlignRight
            self._guide_row.setAlignment(self.help_button, align)

    @Slot()
    def _size_to_font(self) -> None:
        """The picture's line a line of the window's font high even while empty (when built,
        and at each View > Text size step)."""
        self.as_of.setMinimumHeight(self.as_of.fontMetrics().height())
        self._size_to_zoom()

    def _size_to_zoom(self) -> None:
        """The picture's least height: its charts' rows at their least, at the width it has
        and the charts' zoom (``inside_plots.least_height``); below it the tab scrolls. Asked
        when built, at each View > Text size step (a desktop font already at the largest does
        not change with one, the zoom does) and at each new width."""
        # the room under a run's header at 1024x700 is ~150-290 px: the picture was drawn at
        # 240 px and shrunk into it, its text ~5 px (walk64 D19); at Larger the charts kept
        # their Normal size (walk61 D17, then the room's zoom)
        least = least_height(max(self.width(), PICTURE_LEAST_WIDTH), text_size.chart_zoom())
        if self.image.minimumHeight() != least:
            self.image.setMinimumHeight(least)

    def show_record(self, record: InsideRecord, at_once: bool = False) -> None:
        """Draw ``record`` soon (at once if ``at_once``: the run's last picture), when this tab
        is visible; another run's record than the one shown replaces its picture at once."""
        self._empty_text = "no run"
        if record is not self.record:  # another run (or none): nothing of the last one stays
            self.record = record
            self._latest.clear()
            self._picture = self._picture_look = self._picture_age = None
            self._picture_record = None
            self._say_age()
            at_once = True
        self._dirty = True
        self._say_waiting()
        if at_once:
            self._ask_now()
        else:
            self._schedule()

    def render_now(self) -> None:
        """Ask for a render of the record now (a render under way gives up); ``rendered``
        follows. Nothing to draw (no layers yet): nothing asked."""
        if not self.record.names:
            return
        self._dirty = False
        zoom = text_size.chart_zoom()
        w, h = self._room()
        record = self.record.copy()  # the record grows on this thread: the job draws a copy
        self._asked_empty = not record.samples
        # tagged with the record and the look asked for: another run, theme or text size
        # meanwhile makes it stale on arrival; and with what the picture is as of
        look = _look()
        tag = (self.record, look, age_of(record, *self._run_place()), record)
        dpi = 96.0 * zoom  # more dots per inch on the same pixels: bigger text
        self._latest.put(
            tag, lambda superseded: render_inside_charts(record, w, h, dpi, superseded)
        )
        if not self._busy:
            self._start_job()

    def _room(self) -> tuple[int, int]:
        """The size a picture is drawn at: the picture's room, never shrunk into it (the room
        is at least the charts' least height, ``_size_to_zoom``, once laid out)."""
        size = self.image.size()
        w = max(size.width(), PICTURE_LEAST_WIDTH)
        return w, max(size.height(), least_height(w, text_size.chart_zoom()))

    def _fits_room(self, picture: QImage | None) -> bool:
        """Whether ``picture`` (None: no picture) was drawn at the room the picture has now."""
        if picture is None:
            return True
        w, h = self._room()
        # a figure's pixels are its inches times its dpi, rounded: a pixel either way
        return abs(picture.width() - w) <= 1 and abs(picture.height() - h) <= 1

    def _start_job(self) -> None:
        self._busy = True
        self._last_start = time.monotonic()
        run_latest(render_pool(), self._delivery, self._latest)

    def _ask_now(self) -> None:
        if self._dirty and self.isVisible():  # not again for a change already asked for
            self._timer.stop()
            self.render_now()

    def _schedule(self) -> None:
        """Render what changed when the pace allows (``render_wait``; none while one is under
        way: its arrival schedules the next)."""
        if not self._dirty or not self.isVisible() or self._busy:
            return
        # the picture has empty axes and measurements came: drawn as soon as the pool is free,
        # not after the empty picture's rest (4x its time: at load 7 a run's charts stayed
        # empty for its first 16 s, 1.5 epochs of an MLP)
        first = self._asked_empty and bool(self.record.samples)
        if self._timer.isActive() and not first:
            return
        wait = 0.0 if first else render_wait(self._last_start, self._last_done, time.monotonic())
        self._timer.start(int(wait * 1000))

    def wait_for_run(self) -> None:
        """A run was asked for: the last run's picture goes, and the tab says it waits for the
        new one's first measurements (``show_record`` of its record follows, or of the last
        run's again if it never starts)."""
        self.show_record(InsideRecord())
        self._empty_text = "waiting"
        self._say_waiting()

    def _say_waiting(self) -> None:
        """With no picture of this record: what the tab waits for."""
        if self._picture is None:
            self._say_note(_note("drawing" if self.record.names else self._empty_text))

    @Slot()
    def _say_slow(self) -> None:
        """Still no picture ``SLOW_NOTE_MS`` after "Drawing the charts…": say it can take a
        minute on a busy computer."""
        if self.image.text() == _note("drawing"):  # (no picture shows: the note does)
            self._say_note(_note("slow"))

    def _say_note(self, text: str) -> None:
        """``text`` in the picture's place, at its top where the eye comes from the tabs: in
        the middle of the charts' room (taller than the tab's view after a restart, under a
        run's header) it sat at the view's bottom edge, an empty tab above it (walk71 F10)."""
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        line = self.image.fontMetrics().lineSpacing()
        self.image.setContentsMargins(line, 2 * line, line, 0)
        if text == _note("drawing"):
            if self.image.text() == _note("slow"):
                return  # (said of this drawing already)
            if not self.slow_timer.isActive():
                self.slow_timer.start()
        else:
            self.slow_timer.stop()
        self.image.setText(text)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._dirty = True
        self._show_picture()  # never the picture of another theme or size, even for a moment
        # at once (once the layout has given the room), not at the next tick
        QTimer.singleShot(0, self, self._ask_now)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_help_button()
        if event.size().width() != event.oldSize().width():
            self._size_to_zoom()  # as many charts a row as the width holds: their height
        self._dirty = True  # rendered at the old size: again at this one
        self._show_picture()  # meanwhile the old one scaled to the room, never cut
        if self._busy or not self._fits_room(self._picture):
            # at once, the render under way (of the old room) given up: not paced as a growing
            # record is (a render's rest is 4x its length). Opened while a run was paused, the
            # tab showed its first picture, drawn before the layout gave it its room, shrunk
            # (405 px in 610, ticks ~6 px) for a minute; a resize did not redraw it (verify65)
            self._ask_now()
        else:
            self._schedule()

    def _show_picture(self) -> None:
        """The last render scaled to the label's room, or, rendered in another theme or text
        size than the window's now, a note until the new one arrives."""
        if self._picture is None:
            return
        if self._picture_look != _look():
            self._say_note(_note("drawing"))
            self._say_age()
            return
        self.slow_timer.stop()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setContentsMargins(0, 0, 0, 0)
        pixmap = QPixmap.fromImage(self._picture)
        room = self.image.size()
        if pixmap.width() > room.width() or pixmap.height() > room.height():
            pixmap = pixmap.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.image.setPixmap(pixmap)
        self._say_age()

    def _say_age(self) -> None:
        """The lines under the picture: what the picture on screen is as of (nothing without
        one: a note is shown in its place), and what its charts show."""
        self._say_reading()
        age = self._picture_age
        if self._picture is None or age is None or self._picture_look != _look():
            self.as_of.setText("")
            return
        self.as_of.set_texts(*age_texts(age))

    def set_run_state(self, *, diverged: bool, learning: bool, full_batch: bool = False) -> None:
        """How the run shown is doing as the window says it: ``diverged``, it ended diverged
        (its banner says so); ``learning``, the coach sees it learning (``coach.learning``:
        its dead-units hint waits for 90 % then, 50 % once not); ``full_batch``, it takes one
        step an epoch (its updates are larger: ``inside_reading.FULL_BATCH_FAR``). The line
        under the charts follows."""
        state = (diverged, learning, full_batch)
        if state != (self._diverged, self._learning, self._full_batch):
            self._diverged, self._learning, self._full_batch = state
            self._say_reading()

    def _say_reading(self) -> None:
        """The line under the charts: what the picture on screen shows (``read_inside`` of the
        record it was drawn from); with none, what healthy charts look like."""
        record = self._picture_record if self._picture is not None else None
        said = read_inside(
            record if record is not None else InsideRecord(),
            diverged=self._diverged,
            learning=self._learning,
            full_batch=self._full_batch,
        )
        self.guide.setText(caption(said, lambda text: translate_marked("InsideTrainingView", text)))

    def picture_age(self) -> PictureAge | None:
        """What the picture on screen is as of (None: no picture)."""
        return self._picture_age if self._picture is not None else None

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._size_to_zoom()  # a text size step comes this way too
        self._dirty = True
        self._show_picture()  # the note, not the old theme's picture
        QTimer.singleShot(0, self, self._ask_now)  # at once, not at the next tick

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._dirty and self.isVisible():
            self.render_now()

    @Slot(object, object)
    def _on_delivery_delivered(self, tag, image) -> None:
        self._busy = False
        self._last_done = time.monotonic()
        if self._latest.waiting():  # asked for at once meanwhile: begun now
            self._start_job()
        elif self._dirty and image is not None and not self._fits_room(image[0]):
            self._ask_now()  # the room changed while it was drawn: at once, as for a resize
        else:
            self._schedule()
        if image is None or tag is None:
            return  # given up for a newer one, or nothing could be drawn (or was asked)
        record, asked_look, age, drawn = tag
        if record is not self.record:
            return  # of the run before: this one's is asked for
        if asked_look != _look():
            # rendered for the theme or text size before a switch: the switch asked again
            self._dirty = True
            self._schedule()
            return
        (self._picture, self._boxes), self._picture_look = image, asked_look
        self._picture_age, self._picture_record = age, drawn
        self._show_picture()
        self.rendered.emit()

    def chart_at(self, pos: QPointF) -> str | None:
        """The id (``inside_plots.CHARTS``) of the chart at ``pos`` in the image label, or None
        (no picture, or between the charts). The picture is centred in the label, and scaled
        down while a new size's render is awaited."""
        pixmap = self.image.pixmap()
        if self._picture is None or pixmap.isNull() or self._picture.width() == 0:
            return None
        scale = pixmap.width() / self._picture.width()
        left = (self.image.width() - pixmap.width()) / 2
        top = (self.image.height() - pixmap.height()) / 2
        at = QPointF((pos.x() - left) / scale, (pos.y() - top) / scale)
        return next((gid for gid, box in self._boxes.items() if box.contains(at)), None)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.image and event.type() == QEvent.Type.ToolTip:
            gid = self.chart_at(QPointF(event.pos()))
            if gid is None:
                QToolTip.hideText()
            else:
                text = translate_marked("InsideTrainingView", CHART_HELP[gid])
                QToolTip.showText(event.globalPos(), _tooltip_html(text), self.image)
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _on_help_button_clicked(self) -> None:
        """The full text of what each chart shows, as a What's This note over the charts (a
        paragraph per chart kept under them would leave the charts no room at 1024x700)."""
        where = self.image.mapToGlobal(self.image.rect().topLeft())
        QWhatsThis.showText(where, chart_help_text(), self.image)


def _tooltip_html(text: str) -> str:
    """``text`` as a tooltip that wraps at a reading width (Qt wraps rich text only)."""
    return f"<div style='max-width: 28em'>{text}</div>"


def chart_help_text() -> str:
    """What every chart shows, one paragraph each, in the window's language."""
    paragraphs = (translate_marked("InsideTrainingView", CHART_HELP[gid]) for gid in CHART_HELP)
    closing = translate_marked("InsideTrainingView", POINT_AT_A_CHART)
    return "".join(f"<p>{text}</p>" for text in paragraphs) + f"<p><i>{closing}</i></p>"
