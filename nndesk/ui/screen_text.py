"""Larger text only as large as the window's screen holds.

A 1024x700 screen at 125 % is 819x560 logical px, and the window's least size at Larger text
(11 pt) is 903x680 in Vietnamese: Qt grew the window past the screen, its status bar and its
right side off it (fixH, s68). ``hold_to_screen`` tries the step's font and, where the window's
least size at it is larger than the room its screen leaves, the largest half point between
the desktop's size and it at which the window fits; the step keeps that font
(``text_size.apply_text_size``'s ``most_points``) until the screen changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Slot
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLayout, QWidget

from nndesk.ui import text_size
from nndesk.ui.window_place import keep_bottom_on_screen

#: pt between the font sizes tried below the step's own
POINT_STEP = 0.5
#: passes of posted layout requests a tried font is given to settle (each pass's resizes post
#: the next ones: the page names refit to their row, the canvas to its column)
LAYOUT_PASSES = 4


def screen_room(window: QWidget) -> QSize:
    """The room the window's screen leaves for its inside: the screen's free area less the
    window manager's frame around it (none known before it is shown, or without one)."""
    screen = window.screen()
    if screen is None:
        return QSize(16777215, 16777215)  # QWIDGETSIZE_MAX: nothing known limits it
    area = screen.availableGeometry().size()
    inside, outside = window.geometry(), window.frameGeometry()
    return QSize(
        area.width() - (outside.width() - inside.width()),
        area.height() - (outside.height() - inside.height()),
    )


def least_size(window: QWidget) -> QSize:
    """The window's least size at the font it has now, once its layouts have taken it."""
    for _ in range(LAYOUT_PASSES):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return window.minimumSizeHint().expandedTo(window.minimumSize())


def hold_to_screen(window: QWidget, step: str | None = None) -> bool:
    """``step`` (None: the step the text has now); at Larger text, the largest font up to the
    step's own at which ``window`` fits the room its screen leaves (``screen_room``), the
    desktop's size where none larger does: a screen that holds the step's own font lifts a
    limit an earlier one set. True when the font is limited. The other steps are never
    larger than the desktop's font, which the window was fitted to its screen at."""
    app = QApplication.instance()
    step = text_size.current_step() if step is None else step
    desktop = text_size.desktop_points()
    if step != "larger" or desktop <= 0:
        text_size.apply_text_size(app, step)
        return False
    room = screen_room(window)
    full = text_size.window_points(desktop, step)
    layout = window.layout()
    size = window.size()
    # while fonts are tried the window is not grown to each one's least size (Qt never
    # shrinks it back): it takes the chosen font's least, if more than it has, at the end
    constraint = layout.sizeConstraint() if layout is not None else None
    if layout is not None:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # ... nor held to the least the layout set at the font it had (which that constraint
        # leaves as it was), and it is tried at the room's size: the canvas and preview size
        # themselves to the window's, and a window grown past the screen (built at Larger's
        # own font at the start) measured their size for it: it opened 835x564 on 819x560
        # where the step from Normal left it 819x560 (fixU #1). The layout sets its least again
        # as the constraint comes back; (0, 0) is no least of the caller's (Qt's own "unset").
        window.setMinimumSize(0, 0)
        if not window.isMaximized() and not window.isFullScreen():
            window.resize(size.boundedTo(room))
    try:
        held = _largest_fitting(app, window, step, desktop, full, room)
    finally:
        if layout is not None and constraint is not None:
            layout.setSizeConstraint(constraint)
    text_size.apply_text_size(app, step, most_points=None if held >= full else held)
    least = least_size(window)
    if not window.isMaximized() and not window.isFullScreen():  # the screen sizes those
        window.resize(size.boundedTo(room).expandedTo(least))
        if window.isVisible():
            # grown down from where it sat, its bottom may leave the screen: walk71 F6, 32 px
            # down a 700-px screen at 698 px, the status bar below the edge; moved up as the
            # start moves it (never above the screen's free area)
            keep_bottom_on_screen(window)
    return held < full


def _largest_fitting(
    app: QApplication, window: QWidget, step: str, desktop: float, full: float, room: QSize
) -> float:
    """The largest of ``full`` and the half points below it down to ``desktop`` at which the
    window's least size fits ``room``; ``desktop`` where none does. The least size grows with
    the font: halves are split until one is left."""

    def fits(points: float) -> bool:
        most = None if points >= full else points
        text_size.apply_text_size(app, step, most_points=most, trial=True)
        least = least_size(window)
        return least.width() <= room.width() and least.height() <= room.height()

    if fits(full):
        return full
    # candidates: desktop, desktop + 0.5, ... below full; the lowest is kept when none fits
    candidates = [desktop]
    while candidates[-1] + POINT_STEP < full - 1e-9:
        candidates.append(candidates[-1] + POINT_STEP)
    low, high = 0, len(candidates) - 1  # candidates[low] is taken without a try
    while low < high:
        middle = (low + high + 1) // 2
        if fits(candidates[middle]):
            low = middle
        else:
            high = middle - 1
    return candidates[low]


class _ScreenFollower(QObject):
    """A child of the window: its slots' connections to the screens end with it (a window
    rebuilt in another language leaves none behind)."""

    def __init__(self, window: QWidget, refit: Callable[[], None], screen: QScreen | None) -> None:
        super().__init__(window)
        self._timer = QTimer(self)  # one refit for a burst of changes (a drag across screens)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(refit)
        self._screen = screen
        if screen is not None:
            screen.availableGeometryChanged.connect(self.on_room_changed)

    @Slot(QScreen)
    def on_screen_changed(self, screen: QScreen | None) -> None:
        if self._screen is not None:
            self._screen.availableGeometryChanged.disconnect(self.on_room_changed)
        self._screen = screen
        if screen is not None:
            screen.availableGeometryChanged.connect(self.on_room_changed)
        self.on_room_changed()

    @Slot()
    def on_room_changed(self) -> None:
        self._timer.start(0)  # once the move or the change is over


def follow_screen(window: QWidget, refit: Callable[[], None]) -> None:
    """Call ``refit`` (at the next event pass) when the shown ``window`` goes to another
    screen or its screen's free area changes: a window moved to a larger screen takes Larger
    text's own size again, one moved to a smaller screen is held to it."""
    handle = window.windowHandle()
    if handle is None or window.findChild(_ScreenFollower) is not None:
        return
    follower = _ScreenFollower(window, refit, handle.screen())
    handle.screenChanged.connect(follower.on_screen_changed)
