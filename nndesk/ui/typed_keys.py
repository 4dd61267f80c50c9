"""A letter typed into a focused box goes to the box, never to a window shortcut.

The window's one-key shortcuts (E eraser, F fill, S saliency overlay, [ and ] the pen) are
window-wide so they work from the canvas and the buttons around it. Qt lets a text field claim
its letters (QLineEdit accepts the ShortcutOverride), but a drop-down, a list or a table does
not: "f" on the focused Preset box turned the canvas's Fill tool on, and a student's next click
on the canvas flooded it; "s" toggled the saliency overlay (verify60 D-E, walk60 D4). The
window's filter claims such keys for a focused box, field, spin box, list or table, which then
take them as Qt made them (a drop-down opens its list, a table finds a row by its letters).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Widgets a letter is typed into (a field), or chooses an entry of (a box, a list, a table)
TYPED_INTO = (
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)
#: With one of these held a key is a command (Ctrl+T), not typing
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def typed(event: QKeyEvent) -> bool:
    """Whether ``event`` types a character (a letter, digit or sign, Shift allowed)."""
    if event.modifiers() & COMMAND_MODIFIERS:
        return False
    text = event.text()
    return bool(text) and text.isprintable() and not text.isspace()


def types_into(widget: QWidget | None) -> bool:
    """Whether ``widget`` (or the box it is part of, e.g. a spin box's line edit) takes typing."""
    while widget is not None and not widget.isWindow():
        if isinstance(widget, TYPED_INTO):
            return True
        widget = widget.parentWidget()
    return False


class TypedKeysStay(QObject):
    """The filter of one window: installed on it, it sees the ShortcutOverride no focused child
    accepted (key events go up to the window) and claims typed keys for a box that has focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and typed(event)  # type: ignore[arg-type]
            and types_into(QApplication.focusWidget())
        ):
            event.accept()  # the key comes to the focused widget as a key press
            return True
        return False


def keep_typed_keys_in_boxes(window: QWidget) -> TypedKeysStay:
    """Install on ``window`` the filter that keeps typed keys in its focused boxes."""
    keeper = TypedKeysStay(window)
    window.installEventFilter(keeper)
    return keeper
