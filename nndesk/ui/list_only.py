"""Drop-downs whose choice rewrites much, chosen from their list only, never by a stray key.

Qt's closed QComboBox takes Up, Down, Page Up/Down, Home, End and typed letters as a new
choice at once. On the Train form's Preset box (focus stays there after a preset is picked)
Down turned fashion-prelu-l2 into fashion-prelu-l2-plus and "m" into an MNIST lab, every field
refilled with no undo; on the toolbar's Model box Down put the next model in use and
remembered it (walk60 D4). The mouse wheel was already kept off them (``wheel_guard``); a key
on such a box now opens its list, where the same key moves the highlight and Enter chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox

#: Keys a closed combo box would turn into a new choice.
CHOOSING_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)


def chooses(event: QKeyEvent) -> bool:
    """Whether ``event`` would change a closed combo box's choice: a moving key, or a letter
    or digit typed without Ctrl/Alt/Meta (Qt's search by first letters)."""
    if event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    ):
        return False
    if event.key() in CHOOSING_KEYS:
        return True
    text = event.text()
    return bool(text) and text.isprintable() and not text.isspace()


class _ListOnly(QObject):
    """The key filter of one box (a child of it, so it goes with it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        box = self.parent()
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(box, QComboBox)
            and watched is box
            and not box.isEditable()
            and chooses(event)  # type: ignore[arg-type]
        ):
            box.showPopup()
            return True
        return False


def choose_from_list_only(box: QComboBox) -> QComboBox:
    """Make ``box`` change only by a choice from its open list (or by code): a key that would
    change it while closed opens the list instead. Returns ``box``."""
    box.installEventFilter(_ListOnly(box))
    return box
