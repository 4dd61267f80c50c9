"""OneBox: a page's message boxes one at a time, each with one OK button.

A run can report two problems in a row (its record not written, then its model saved elsewhere):
each opened its own window-modal box, the second on top of the first, and the second, whose
extra button was added after QMessageBox had put in its own OK, had two OK buttons (walk52 #6).
Here a message that comes while a box is open waits until that box is closed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

#: adds a box's buttons beyond its OK (e.g. "Show the folder")
Buttons = Callable[[QMessageBox], None]


class OneBox(QObject):
    """Window-modal warning boxes over ``parent``, titled ``title``, shown one at a time."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._box: QMessageBox | None = None  # the box shown now, or last
        self._open = False
        self._waiting: list[tuple[str, Buttons | None]] = []

    def show(self, message: str, buttons: Buttons | None = None) -> None:
        """Show ``message`` now, or once the box open now is closed (the same message once)."""
        if self._open:
            if all(message != text for text, _ in self._waiting) and message != self.text():
                self._waiting.append((message, buttons))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self._title, message, parent=self._parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if buttons is not None:
            buttons(box)
        box.addButton(QMessageBox.StandardButton.Ok)  # before open(), or Qt adds one more
        box.finished.connect(self._on_box_finished)
        self._box, self._open = box, True
        box.open()

    def box(self) -> QMessageBox | None:
        """The box shown now, or the last one shown (None before any)."""
        return self._box

    def text(self) -> str:
        return self._box.text() if self._open and self._box is not None else ""

    def waiting(self) -> list[str]:
        """The messages waiting for the open box to be closed, first first."""
        return [text for text, _ in self._waiting]

    @Slot(int)
    def _on_box_finished(self, _result: int) -> None:
        self._open = False
        if self._waiting:  # after the closed box has gone, not over it
            QTimer.singleShot(0, self, self._show_next)

    @Slot()
    def _show_next(self) -> None:
        if self._waiting and not self._open:
            self.show(*self._waiting.pop(0))
