"""A one-line label that elides its text in the middle to fit, the whole text in its tooltip:
a long file path keeps its start and its file name, and never widens the page."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy


class ElidedLabel(QLabel):
    """``setText`` keeps the whole text; painting shows as much as the width allows."""

    def __init__(
        self, text: str = "", parent=None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._shorter: tuple[str, ...] = ()  # shorter ways to say it, tried before eliding
        self._mode = mode  # a sentence is cut at its end (ElideRight), a path in its middle
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self._shorter = ()
        super().setText(text)
        self.setToolTip(text)  # the whole path, whatever the width

    def set_texts(self, text: str, *shorter: str) -> None:
        """``text``, or where it does not fit the first of the ``shorter`` ones that does (the
        last one elided when none does): a sentence cut mid-word says less than a shorter
        sentence (Vietnamese runs a third longer than English). The tooltip holds ``text``."""
        self.setText(text)
        self._shorter = shorter

    def full_text(self) -> str:
        return self._full

    def displayed_text(self) -> str:
        """What fits in the current width: the text itself, or its two ends around "…"."""
        width = self.contentsRect().width()
        metrics = self.fontMetrics()
        for text in (self._full, *self._shorter):
            if metrics.horizontalAdvance(text) <= width:
                return text
        return metrics.elidedText((self._full, *self._shorter)[-1], self._mode, width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        least = self.fontMetrics().horizontalAdvance("…") * 4
        return QSize(least, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.displayed_text(),
            self.foregroundRole(),
        )
