"""InsideTrainingView: the Train page's "Inside" tab, the running network's inside as charts.

Gradient norms, update sizes and dead units per layer, weight histograms now vs start and the
first-layer weights by epoch (``nndesk.inside_plots``). A full matplotlib draw of these six
charts takes longer than a frame, so it never runs on the GUI thread: at most once per
``REDRAW_MS``, while the tab is shown, a copy of the record is rendered to an image on a pool
thread and the finished image is put on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from nndesk.training.internals import InsideRecord
from nndesk.ui import theme
from nndesk.ui.language import translate
from nndesk.ui.off_gui import Delivery, render_pool, run_off_gui

#: Milliseconds between two renders while a run trains.
REDRAW_MS = 1000


def render_inside(record: InsideRecord, width: int, height: int, dpi: float = 96.0) -> QImage:
    """The charts of ``record`` as a ``width`` x ``height`` image (any thread)."""
    canvas = inside_figure(record, width, height, dpi).canvas
    w, h = canvas.get_width_height()
    return QImage(bytes(canvas.buffer_rgba()), w, h, QImage.Format.Format_RGBA8888).copy()


def inside_figure(record: InsideRecord, width: int, height: int, dpi: float = 96.0):
    """The Figure ``render_inside`` shows, drawn on its Agg canvas (any thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from nndesk.inside_plots import break_cut_labels, draw_inside, thin_crowded_log_labels

    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    draw_inside(fig, record)
    canvas.draw()
    # each measured as last drawn; fewer tick labels narrow a column's margin, so the titles
    # and x labels are measured after them
    for _ in range(2):  # 2 and 5 times each power kept, then if need be powers alone
        if not thin_crowded_log_labels(fig):
            break
        canvas.draw()
    for _ in range(2):  # a title on two lines moves its column's x label: measured again
        if not break_cut_labels(fig):
            break
        canvas.draw()
    return fig


class InsideTrainingView(QWidget):
    """Shows an ``InsideRecord``; ``show_record`` whenever it grew (cheap: it only marks it).

    The picture on screen is the last render, in the theme it was rendered in: after a theme
    switch it gives way to a note until the new render arrives, and at a new size it is scaled
    to the room meanwhile. Shown as it was, a switch to dark and a smaller window made while
    the tab was hidden left the old light picture, cut at both sides, for seconds (walk45 D3).
    """

    rendered = Signal()  # a new image is on screen (tests wait on it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = InsideRecord()
        self.image = QLabel(
            translate(
                "InsideTrainingView", "Start a run to see inside the network while it learns."
            )
        )
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setWordWrap(True)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(200, 150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.image, 1)
        self._picture: QImage | None = None  # the last render, at its render size
        self._picture_theme: theme.Colours | None = None  # the theme it was asked in
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._busy = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        # the charts are a picture in the colours of the theme they were rendered in:
        # theme.restyle_charts cannot reach them (a switch to dark left them light on screen)
        theme.notifier().changed.connect(self._on_theme_changed)

    def show_record(self, record: InsideRecord) -> None:
        """Draw ``record`` at the next tick (when this tab is visible)."""
        self.record = record
        self._dirty = True

    def render_now(self) -> None:
        """Start a render at once (if none is under way); ``rendered`` follows."""
        if self._busy or not self.record.names:
            return
        self._busy, self._dirty = True, False
        size = self.image.size()
        record, w, h = self.record.copy(), max(size.width(), 320), max(size.height(), 240)
        # tagged with the theme asked for: one switched meanwhile makes it stale on arrival
        run_off_gui(
            render_pool(), self._delivery, theme.colours(), lambda: render_inside(record, w, h)
        )

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._dirty = True
        self._show_picture()  # never the picture of another theme or size, even for a moment
        # at once (once the layout has given the room), not at the next tick
        QTimer.singleShot(0, self._on_timer_timeout)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._dirty = True  # rendered at the old size: again at this one (next tick)
        self._show_picture()  # meanwhile the old one scaled to the room, never cut

    def _show_picture(self) -> None:
        """The last render scaled to the label's room, or, rendered in another theme than the
        window's now, a note until the new one arrives."""
        if self._picture is None:
            return
        if self._picture_theme != theme.colours():
            self.image.setText(translate("InsideTrainingView", "Drawing the charts…"))
            return
        pixmap = QPixmap.fromImage(self._picture)
        room = self.image.size()
        if pixmap.width() > room.width() or pixmap.height() > room.height():
            pixmap = pixmap.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.image.setPixmap(pixmap)

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._dirty = True
        self._show_picture()  # the note, not the old theme's picture
        if self.isVisible():
            QTimer.singleShot(0, self._on_timer_timeout)  # at once, not at the next tick

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._dirty and self.isVisible():
            self.render_now()

    @Slot(object, object)
    def _on_delivery_delivered(self, asked_theme, image) -> None:
        self._busy = False
        if image is None:
            return
        if asked_theme != theme.colours():
            # rendered for the theme before a switch: the switch asked for another (dirty)
            QTimer.singleShot(0, self._on_timer_timeout)
            return
        self._picture, self._picture_theme = image, asked_theme
        self._show_picture()
        self.rendered.emit()
