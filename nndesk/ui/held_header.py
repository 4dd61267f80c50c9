"""HeldHeader: the Train page's header (the run's title, buttons, progress and coach) held at
one height whatever tab shows, so the tab bar under it stays where the person's pointer is.

On main before this the header kept blank rooms for lines that might come ("Not applied yet",
the progress line's second line, three lines of the coach) so that nothing moved, and at
1024x768 in Vietnamese at Larger text the Settings form kept ~285 px and a coach hint
scrolled in its three lines while the audience read it. fixE put the header in a splitter
fitted at every tab switch: the tab bar then jumped 120-177 px under the pointer, and a second
click landed in the runs table (verify63 V2).

Here the header has the height of its rows and a room past them (the coach's hint whole), the
same on every tab. A line coming or going in it takes its room from the coach's box or gives
it back (the box stretches; ``CoachRow``): the tab bar stays. The height is fitted anew only
at a moment nothing under the pointer moves (``fit``): at a Train click (the pointer is on
Train, above what moves), else when the pointer is off what would move (the rows under the
run buttons, the tabs and what they show) or rests on a chart, which takes no click: after a
run ends with the pointer on the tabs, the header gives its room back once it leaves them.
Unless the room past its rows would show nothing (``blank``: no coach box to take it): the
Clothing page, its data banner gone once its folder was chosen, held a blank band of ~150 px
between its status line and the tabs while the pointer stayed in the form (walk67 #3); the
header then fits at once.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QEvent, QPoint, QRect, QTimer, Slot
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QLayout, QSizePolicy, QWidget

from nndesk.ui.chart_image import ChartImage

#: ms between two looks at the pointer while a fit waits for it to leave what would move
POINTER_LOOK_MS = 150


class HeldHeader(QWidget):
    """``header`` (a layout) as tall as its rows and ``room()`` px past them at the last fit,
    or as its rows alone when they need more (a row can never be squeezed). ``steady``: the
    widget (the run buttons' first row) whose bottom edge is where what moves starts.
    ``blank()``: whether the height held past the rows would show nothing (fitted at once)."""

    def __init__(self, header: QLayout, room, steady: QWidget, blank=lambda: False) -> None:
        super().__init__()
        self.setLayout(header)
        self._room = room
        self._steady = steady
        self._blank = blank
        # the height as last fitted (0: never fitted, its rows'). A new width keeps it (its
        # rows alone may need more): the page's scroll bar coming as a tab shows narrowed the
        # header 14 px, and a fit then moved the tab bar under the pointer
        self._held = 0
        # not Fixed: a fixed widget is at most its size hint, which a wrapped row's height at
        # the header's width is not (the run buttons' third row was squeezed to 39 of 80 px)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._waiting = QTimer(self)  # a fit waiting for the pointer to leave
        self._waiting.setInterval(POINTER_LOOK_MS)
        self._waiting.timeout.connect(self._on_waiting_timeout)

    def rows_height(self, width: int | None = None) -> int:
        """The height of its rows wrapped at ``width`` (default: its own), as the page's
        column gives it (a box layout gives a wrapped widget its height for its width)."""
        width = self.width() if width is None else width
        return max(self.layout().totalHeightForWidth(max(width, 1)), 0)

    def wanted_height(self, width: int | None = None) -> int:
        """What ``fit`` would make it now: its rows and the room past them."""
        return self.rows_height(width) + max(self._room(), 0)

    def held_height(self) -> int:
        return self._held

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a row came, went or wrapped: its column asks again
            if self._held and self._blank():
                # a row went (the data banner, its folder chosen) and nothing takes its room
                QTimer.singleShot(0, self, self._fit_if_blank)
        return super().event(event)

    @Slot()
    def _fit_if_blank(self) -> None:
        _invalidate(self.layout())
        if self.holds_blank():
            self.fit(now=True)

    def fit(self, now: bool = False) -> None:
        """The height of its rows and the room past them, now when ``now`` (a Train click), when
        nothing under the pointer moves or when what it holds past its rows would be a blank
        band; else once the pointer is off it."""
        # a row's layout keeps its last heights until its LayoutRequest is handled: the
        # coach's place going from two lines to one at a Train click was fitted at two, and
        # the fit after the run moved the tab bar 14 px up under the pointer
        _invalidate(self.layout())
        if self.wanted_height() == self._held:
            self._waiting.stop()
            return
        if now or self.pointer_clear() or self.holds_blank():
            self._waiting.stop()
            self._held = self.wanted_height()
            # a least height: a layout asks a widget with a layout its layout's height for a
            # width, never the widget's own, but keeps it at the widget's least
            self.setMinimumHeight(self._held)
        elif not self._waiting.isActive():
            self._waiting.start()

    def holds_blank(self) -> bool:
        """Whether the height held is more than its rows need and nothing takes the rest (a
        blank band above the tabs)."""
        return self._held > self.rows_height() and self._blank()

    def fit_waits(self) -> bool:
        """Whether a fit waits for the pointer to leave what it would move."""
        return self._waiting.isActive()

    def moving_rect(self) -> QRect:
        """Where, on the screen, what a new height moves is: from under ``steady`` to the
        bottom of the page's column in sight (the tabs with it)."""
        top = self._steady.mapToGlobal(self._steady.rect().bottomLeft()).y()
        column = self.parentWidget()
        holder = column if column is not None else self
        shown = holder.rect()
        clip = holder.parentWidget()  # the scroll area's viewport: the part of it in sight
        if clip is not None:
            # (not visibleRegion: it leaves out opaque children, the Live tab's chart among
            # them: the pointer there was taken as off what moves, by chance)
            shown = shown.intersected(QRect(holder.mapFrom(clip, QPoint(0, 0)), clip.size()))
        corner = holder.mapToGlobal(shown.topLeft())
        bottom = corner.y() + shown.height()
        return QRect(corner.x(), top, shown.width(), max(bottom - top, 0))

    def pointer_clear(self) -> bool:
        """Whether the pointer is off what a new height moves, or on a chart there (which
        takes no click: a run that ended under the pointer resting on its curves kept an
        empty box of a whole hint's room until the pointer left them, fixE2); or the header
        is not shown."""
        if not self.isVisible() or not self._steady.isVisible():
            return True
        where = QCursor.pos()
        if not self.moving_rect().contains(where):
            return True
        return isinstance(QApplication.widgetAt(where), (FigureCanvasQTAgg, ChartImage))

    @Slot()
    def _on_waiting_timeout(self) -> None:
        self.fit()


def _invalidate(layout: QLayout) -> None:
    """Forget the heights ``layout`` and the layouts in it worked out (they are asked again)."""
    layout.invalidate()
    for index in range(layout.count()):
        inner = layout.itemAt(index).layout()
        if inner is not None:
            _invalidate(inner)
