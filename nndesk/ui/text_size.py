"""View > Text size, for a projector: the window's font and every chart's text a step bigger
(or smaller) together.

The window's font is the desktop's times the step, never above ``LARGEST_FITTING_POINTS``
(the size every page was checked to fit beside the drawing at 1024x700). The charts on
matplotlib canvases are zoomed by the step: each figure's dpi is ``step`` times its own, so
ticks, titles, keys and lines grow in the same place on screen, a chart's size and the page's
layout unchanged.

The charts drawn off the GUI thread (the confusion matrix, the Trust plots, the Race chart, the
Runs chart, the Train page's Inside charts as far as their room allows) are drawn at the zoom
too (``chart_zoom``: their dpi times the step on the same pixels); the Inside diagram paints its
words in the window's font.
Widgets that size something of their own from the window's font (the answer's big type and
percentage, Evaluate's cards, a page's title) size it again on ``notifier().changed``, which
comes once the new font has reached every widget.

Where the window's screen cannot hold the window at the step's font (a 1024x700 screen at 125 %
is 819x560 logical px; the window's least size at 11 pt is 903x680), Larger stops at the
largest font it holds (``ui/screen_text.py`` finds it and passes it here as ``most_points``);
the charts' zoom and the canvas's least side then grow only as much (``step_factor``).
"""

from __future__ import annotations

from matplotlib.backends.backend_qt import FigureCanvasQT
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QApplication, QWidget

from nndesk import preferences
from nndesk.ui import app_events, theme

#: the steps of View > Text size, smallest first (as remembered), and what each multiplies
#: the text by
STEPS = preferences.TEXT_SIZES
FACTORS = {"smaller": 0.9, "normal": 1.0, "larger": 1.25}
#: the largest window font every page fits at 1024x700 (tests/ui/test_desktop_fonts.py): at
#: 12 pt the Race tab's Stop button went past its area's edge in Vietnamese
LARGEST_FITTING_POINTS = 11.0

_desktop_font: QFont | None = None  # the application's font before any step
_step = "normal"
#: the largest font (pt) the window's screen holds at the step, where it is less than the
#: step's own (``apply_text_size``'s ``most_points``); None: the step's own size
_most_points: float | None = None
#: the step (and limit) the charts drawn off the GUI thread were last told of
_drawn_at: tuple[str, float | None] = ("normal", None)


class _Notifier(QObject):
    changed = Signal()  # the window's font changed, and every widget has it now


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    """Emits ``changed()`` after a step has changed the window's font, once every widget has
    the new font: what a widget sized from its font (bigger type, a least width) sizes again."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def chart_zoom() -> float:
    """How much bigger than their own sizes the charts draw their text and lines."""
    return step_factor()


def step_factor() -> float:
    """How much the step enlarges what follows the text (the charts, the canvas's least side):
    the step's factor, or, where the screen limits the font (``limited_points``), as much of
    it as the font got of its growth (1 when it kept the desktop's size)."""
    factor = FACTORS[_step]
    if _most_points is None or _desktop_font is None or _desktop_font.pointSizeF() <= 0:
        return factor
    desktop = _desktop_font.pointSizeF()
    full = window_points(desktop, _step)
    if full <= desktop:
        return factor
    grown = (min(_most_points, full) - desktop) / (full - desktop)
    return 1 + (factor - 1) * max(0.0, grown)


def current_step() -> str:
    return _step


def desktop_points() -> float:
    """The desktop's font size (pt) the steps start from (0 for a font sized in pixels)."""
    font = _desktop_font if _desktop_font is not None else QApplication.font()
    return max(0.0, font.pointSizeF())


def limited_points() -> float | None:
    """The font size (pt) the screen limits the step to, None when the step has its own."""
    return _most_points


class _ScaledFont(QObject):
    """Keeps a label's font ``factor`` times its source's (``follow_scaled_font``); a child of
    the label, so it ends with it."""

    def __init__(self, label: QWidget, source: QWidget, factor: float, bold: bool) -> None:
        super().__init__(label)
        self._label, self._source, self._factor, self._bold = label, source, factor, bold
        self.apply()
        notifier().changed.connect(self.apply)

    @Slot()
    def apply(self) -> None:
        font = QFont(self._source.font())
        font.setPointSizeF(font.pointSizeF() * self._factor)
        font.setBold(self._bold)
        self._label.setFont(font)


def follow_scaled_font(label: QWidget, source: QWidget, factor: float, bold: bool = False) -> None:
    """``label`` in ``source``'s font ``factor`` times as large (a title, a big figure), now and
    after every step: set once from the font at build time, it kept that size until the next
    start."""
    _ScaledFont(label, source, factor, bold)


def window_points(desktop_points: float, step: str) -> float:
    """The window's font size at ``step`` for a desktop font of ``desktop_points``: bigger
    only up to ``LARGEST_FITTING_POINTS`` (a desktop font already that large stays)."""
    points = desktop_points * FACTORS[step]
    if FACTORS[step] > 1:
        points = max(desktop_points, min(points, LARGEST_FITTING_POINTS))
    return points


def apply_text_size(
    app: QApplication, step: str, most_points: float | None = None, trial: bool = False
) -> None:
    """The application's font and its charts at ``step`` (one of ``STEPS``); a font no larger
    than ``most_points`` (never below the desktop's) where the screen holds no more.

    ``trial``: a font tried for the window's size (ui/screen_text.py): every widget has it and
    sizes itself from it, but the charts drawn off the GUI thread are not drawn at it (the
    step that follows draws them once)."""
    global _desktop_font, _step, _most_points, _drawn_at
    if step not in STEPS:
        step = "normal"
    if _desktop_font is None:
        _desktop_font = QFont(app.font())
    font = QFont(_desktop_font)
    if _desktop_font.pointSizeF() > 0:  # a font sized in pixels is left as the desktop set it
        points = window_points(_desktop_font.pointSizeF(), step)
        if most_points is not None and most_points < points:
            points = max(_desktop_font.pointSizeF(), most_points)
        else:
            most_points = None
        font.setPointSizeF(points)
    else:
        most_points = None
    _step, _most_points = step, most_points
    font_changed = font != app.font()
    widgets = app.allWidgets()  # once: 1,300 widgets' wrappers took ~10 ms a call
    if font_changed:
        with app_events.paused(app):  # its handlers watch no font change
            app.setFont(font)
            _deliver_font(widgets)
    for widget in widgets:
        # the charts on screen now; a hidden one takes the zoom as it is next shown (matplotlib
        # asks for its pixel ratio in its show event): drawing every page's charts at once
        # froze the window for seconds (docs/performance.md)
        if isinstance(widget, FigureCanvasQT) and widget.isVisible():
            _zoomed_pixel_ratio(widget)
    if font_changed:
        notifier().changed.emit()
    if not trial and _drawn_at != (step, most_points):
        _drawn_at = (step, most_points)
        # the charts drawn off the GUI thread (the confusion matrix) are drawn again, as for a
        # new theme: those that know the zoom draw at it
        theme.notifier().changed.emit(theme.colours())


def _deliver_font(widgets: list[QWidget]) -> None:
    """The application's new font in every widget now, not at the next event pass.

    Qt posts the change to the widgets (``ApplicationFontChange``), and leaves out those with
    a style sheet of their own (every muted caption, banner and error line: ``theme.set_tone``)
    for the style sheet to pass on, which it does only below a parent with a sheet of its own:
    they kept the old size until the next start. They are sent the change here; then whatever
    sizes itself from its font (``notifier().changed``) reads the new one.
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    for widget in widgets:
        if not widget.isWindow() and widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet):
            QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.ApplicationFontChange))


def _zoomed_pixel_ratio(canvas: FigureCanvasQT) -> None:
    """Matplotlib's ``_update_pixel_ratio``, with the zoom: the figure's dpi is its own times
    the step (times the screen's pixel ratio, as matplotlib has it), while its size in the
    window stays: its points (text, lines) are that much bigger on screen."""
    figure = canvas.figure
    if figure is None:
        return
    own = figure.__dict__.setdefault("_nndesk_own_dpi", figure._original_dpi)
    figure._original_dpi = own * chart_zoom()
    ratio = canvas.devicePixelRatioF() or 1  # rarely 0, as matplotlib notes
    if canvas._set_device_pixel_ratio(ratio) or figure.dpi != ratio * figure._original_dpi:
        figure._set_dpi(ratio * figure._original_dpi, forward=False)
        # as matplotlib does: a resize event sizes the figure for the new dpi and redraws
        canvas.resizeEvent(QResizeEvent(canvas.size(), canvas.size()))


# every matplotlib canvas asks this for its pixel ratio (as it is shown, when its screen
# changes): one place zooms them all, those built later too
FigureCanvasQT._update_pixel_ratio = _zoomed_pixel_ratio
