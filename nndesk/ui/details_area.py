"""DetailsArea: a banner's long account (its Details), shown whole when the page has the room
and scrolled when it has not.

Shown as a plain label, the account's height counted in the page's least height: at 1024x700
the Map page's banner opened its Details and the window grew to 728 px, past a 700-px screen
(walk52 #10). Here the account asks for its whole height but needs only a few lines: the page
gives it what it can spare and the rest scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy

#: the lines the account keeps in sight however short the page
LEAST_LINES = 2


class DetailsArea(QScrollArea):
    """``label`` (word-wrapped) in a scroll area as tall as the label at its width, at least
    ``LEAST_LINES`` lines of it; shown and hidden with the label."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.label = label
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setVisible(False)

    def _whole_height(self) -> int:
        width = self.viewport().width() if self.isVisible() else self.width()
        return self.label.heightForWidth(max(width, 1)) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), self._whole_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        lines = self.label.fontMetrics().lineSpacing() * LEAST_LINES
        margins = self.label.contentsMargins()
        least = lines + margins.top() + margins.bottom() + 2 * self.frameWidth()
        return QSize(0, min(self._whole_height(), least))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # a new width: a new height for the wrapped account
