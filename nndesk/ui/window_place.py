"""Where a window sits on the screen, carried into the window rebuilt in its place (a language
switch) and into the next session's window: its exact position and size, maximised or not, and
(on a switch) where the user put its splitter.

``QWidget.restoreGeometry`` is not used for this: before the new window is shown it guesses a
title bar (``PM_TitleBarHeight``) and moves a window at the top of the screen down by it, so a
window at y=0 came back at y=25 with its status bar below a 700 px screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMargins, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from nndesk.preferences import PLACE_NUMBERS

#: Pixels kept free above a window for the window manager's title bar when its frame is not
#: known: the first window, and a place saved where no window manager framed it (frame 0).
TITLE_BAR_ALLOWANCE = 32


@dataclass(frozen=True)
class WindowPlace:
    """A top-level window's place, measured on the shown window."""

    geometry: QRect  # the inside of the window (without the window manager's frame)
    normal: QRect  # its place when not maximised (equal to geometry when it is not)
    frame: QMargins  # the window manager's frame around it (the title bar), 0 without one
    state: Qt.WindowState  # maximised, full screen or neither


def place_of(window: QWidget) -> WindowPlace:
    """Where ``window`` is now (a shown window: its frame is known then)."""
    inside, outside = window.geometry(), window.frameGeometry()
    frame = QMargins(
        inside.left() - outside.left(),
        inside.top() - outside.top(),
        outside.right() - inside.right(),
        outside.bottom() - inside.bottom(),
    )
    normal = window.normalGeometry()
    return WindowPlace(
        geometry=QRect(inside),
        normal=QRect(normal) if normal.isValid() else QRect(inside),
        frame=frame,
        state=window.windowState(),
    )


def fitted(
    rect: QRect,
    least_width: int,
    least_height: int,
    frame: QMargins,
    area: QRect,
    cut: bool = False,
) -> QRect:
    """``rect`` (a window's inside) grown to at least ``least_width`` x ``least_height`` (a
    window in a longer language may need more), then moved just enough that it and its
    ``frame`` stay inside ``area`` (the screen's free area); when it is larger than the area,
    its top-left corner (the title bar, the menus) is the part kept inside.

    With ``cut`` (a place from another session) it is first cut to what fits in ``area`` with
    its frame (never below that least size): a place saved on a larger screen, or before a
    scale change, came back larger than today's screen, its page bar and status bar off it
    (walk53 #1). It is also moved right or down when it lies left of or above the area (saved
    on a projector to the left: walk54b D1). Without it (a window rebuilt where the person has
    it now) only a window past the right or bottom edge moves: one whose frame's borders lie
    just off the top-left is where it was put."""
    out = QRect(rect)
    if cut and area.isValid():
        out.setWidth(min(out.width(), area.width() - frame.left() - frame.right()))
        out.setHeight(min(out.height(), area.height() - frame.top() - frame.bottom()))
    out.setWidth(max(out.width(), least_width))
    out.setHeight(max(out.height(), least_height))
    if area.isValid():
        outer = out.marginsAdded(frame)
        dx = min(0, area.right() - outer.right())
        dy = min(0, area.bottom() - outer.bottom())
        # never above or left of the free area: there the title bar could not be reached
        if cut or dx:
            dx = max(dx, area.left() - outer.left())
        if cut or dy:
            dy = max(dy, area.top() - outer.top())
        out = out.translated(dx, dy)
    return out


def put_in_place(window: QWidget, place: WindowPlace, *, another_session: bool = False) -> None:
    """Give ``window`` (not shown yet) the place ``place`` of the window it replaces: the same
    position and size, kept on the screen if it needs more room, and maximised if that was.

    ``another_session``: the place was saved by an earlier session, perhaps on a larger screen
    or at another scale, so a size larger than today's free area is cut to it. A language
    switch keeps the size the window has now, on the screen it is on.

    The place is fitted to the screen it lies on (a second monitor still there keeps its
    window), else to the window's screen. A place saved with no frame (no window manager then)
    keeps room for a title bar above it: today's window manager may add one (walk54b D1: the
    title bar came back above the screen)."""
    screen = QGuiApplication.screenAt(place.geometry.center()) or window.screen()
    area = screen.availableGeometry() if screen is not None else QRect()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    w, h, frame = least.width(), least.height(), place.frame
    if another_session and frame.isNull():
        # no more than the screen leaves over the window's least height: a window taller than
        # the screen less the guess had its status bar below a 700 px screen (walk65 D22)
        room = area.height() - h if area.isValid() else TITLE_BAR_ALLOWANCE
        frame = QMargins(0, max(0, min(TITLE_BAR_ALLOWANCE, room)), 0, 0)
    special = place.state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen)
    if special:  # the screen decides its size; its normal place is kept for when it is restored
        normal = place.normal
        if another_session:  # restored later, it must fit today's screen too
            normal = fitted(normal, w, h, frame, area, cut=True)
        window.setGeometry(normal)
        window.setWindowState(place.state)
        return
    window.setGeometry(fitted(place.geometry, w, h, frame, area, cut=another_session))


def keep_bottom_on_screen(window: QWidget) -> None:
    """Move a shown ``window`` up (never above its screen's free area) by what its frame's
    bottom lies below that area: its least height is known only once it is laid out, after
    ``put_in_place`` kept room for a guessed title bar over it (walk65 D22: restored at y=32 on
    a 700 px screen, 680 px tall, its status bar 12 px below the screen)."""
    screen = window.screen()
    if screen is None:
        return
    area, outer = screen.availableGeometry(), window.frameGeometry()
    dy = min(outer.bottom() - area.bottom(), outer.top() - area.top())
    if dy > 0:
        window.move(window.x(), window.y() - dy)


def place_numbers(place: WindowPlace) -> tuple[int, ...]:
    """``place`` as whole numbers, for the settings file (``place_from_numbers`` reads them)."""
    rects = (place.geometry, place.normal)
    m = place.frame
    return (
        *(n for r in rects for n in (r.x(), r.y(), r.width(), r.height())),
        *(m.left(), m.top(), m.right(), m.bottom()),
        int(place.state.value),
    )


def place_from_numbers(numbers: tuple[int, ...]) -> WindowPlace | None:
    """The place ``place_numbers`` wrote; None for numbers no window had (an empty size, a
    negative frame)."""
    if len(numbers) != PLACE_NUMBERS:
        return None
    geometry, normal = QRect(*numbers[0:4]), QRect(*numbers[4:8])
    frame = QMargins(*numbers[8:12])
    if geometry.isEmpty() or normal.isEmpty() or min(numbers[8:12]) < 0:
        return None
    known = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
    state = Qt.WindowState(numbers[12] & known.value)
    return WindowPlace(geometry=geometry, normal=normal, frame=frame, state=state)
