"""ChoiceBox: a QComboBox as wide as the choice it shows, not as its longest choice.

A QComboBox takes the width of its longest item: in Vietnamese "Integrated gradients (gradient
tích phân)" widened the Why page's method box until the explanation beside it shrank to ~230
px, and "gradient descent (cả batch)" pushed the Race lanes' learning rates behind the scroll
bar. A ChoiceBox shows its current choice whole (never "SGD + mo", read as another optimizer),
grows when a longer one is chosen, and opens its list as wide as the longest choice.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox


class ChoiceBox(QComboBox):
    """A combo box sized to its current text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        text = QSize(metrics.horizontalAdvance(self.currentText()), metrics.height())
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())
        super().showPopup()
