"""Input set aside while a window is rebuilt: the old window stays on screen and keeps painting,
but clicks, keys and the wheel reach nothing, and the window system's close waits. Nor is the
old window retranslated: Qt tells every widget of it that the language changed (~40 ms of the
GUI thread and a repaint of the whole window) for a window about to close.

The language switch builds the new window a page at a time from the event loop
(``app.desk.LanguageRebuild``); what it carries over was taken when it began, so a stroke drawn
on the old window meanwhile would be lost without a word. The wait cursor says why nothing
answers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from nndesk.controllers.worker_freeing import free_later

#: What a person does with the mouse, keyboard, wheel or touch (shortcuts included)
INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.Wheel,
        QEvent.Type.ContextMenu,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
    }
)


class InputHold(QObject):
    """While it is held (from its making until ``release()``), the application's input events
    are dropped, a close of ``window`` from the window system is refused and ``window`` is not
    told of a language change."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(QApplication.instance())
        self._window = window
        self._held = True
        QApplication.instance().installEventFilter(self)

    def release(self) -> None:
        if self._held:
            self._held = False
            QApplication.instance().removeEventFilter(self)
            free_later(self)  # worker_freeing: with the GIL, not by deleteLater

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in INPUT:
            return True
        if kind == QEvent.Type.LanguageChange and obj is self._window:
            return True  # Qt's top-level widget passes it on to all its children
        if kind == QEvent.Type.Close and obj is self._window and event.spontaneous():
            event.ignore()  # the switch closes it itself once the new one is shown
            return True
        return False
