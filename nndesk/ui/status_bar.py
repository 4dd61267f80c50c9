"""The window's status bar: a message longer than the room beside the model, accuracy and
latency fields ends in "…" instead of being cut mid-word, and the whole of it is the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStatusBar, QStyle, QStyleOption, QWidget

from nndesk.ui.status_line import fit_status

#: Where the message starts: under X, Qt's own status bar draws it 6 px in, and at 3 px the
#: first letter was clipped in the window.
LEFT = 6


class ElidingStatusBar(QStatusBar):
    """``showMessage`` as usual; painting elides the message to the free width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self._on_message_changed)

    @Slot(str)
    def _on_message_changed(self, message: str) -> None:
        self.setToolTip(message)  # "" once it times out: the fields keep their own tooltips

    def message_room(self) -> int:
        """The width left for the message: up to the leftmost field shown beside it."""
        right = self.width()
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and child.geometry().left() > 0:
                right = min(right, child.geometry().left())
        return max(0, right - LEFT - 6)  # a gap before the field

    def displayed_message(self) -> str:
        """The message as painted: whole, or fitted (paths elided in the middle, then its end)."""
        return fit_status(self.currentMessage(), self.fontMetrics(), self.message_room())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # what QStatusBar paints for a message, with the text elided to the room it has
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        rect = self.rect().adjusted(LEFT, 0, -1, 0)
        rect.setWidth(self.message_room())
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            | int(Qt.TextFlag.TextSingleLine),
            self.displayed_message(),
        )
