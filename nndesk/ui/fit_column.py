"""FitColumn: the Train page's right column (the run's header over its tabs) in a scroll area
that scrolls only when the column's least height at its width does not fit.

The header's rows wrap (the run buttons take three rows on a narrow page, the data banner three
lines), and a layout counts a wrapped row's height nowhere in its minimum: in a window at its
least size (828x583) with the banner shown, the layout squeezed the buttons' third row ("LR now",
"Set LR", "Apply to run") to 3 px (walk52 #8). The column here reports, at each width, the height
its rows need wrapped plus the tabs' least height, and the scroll area gives it that much.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget


class _Column(QWidget):
    """The header over the tabs, as tall as their least height at its width needs."""

    def __init__(self, header: QLayout, tabs: QWidget) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(header)
        column.addWidget(tabs, 1)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        # the least height, not the preferred one: QScrollArea takes this as the widget's
        # least height and scrolls below it (the preferred one would scroll at any size)
        return self.layout().minimumHeightForWidth(width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # never wider than the viewport (the page's width is the splitter's to set)
        return QSize(0, self.heightForWidth(max(self.width(), 1)))


class FitColumn(QScrollArea):
    """``header`` (a layout) over ``tabs``, scrolled vertically when the page is too short."""

    def __init__(self, header: QLayout, tabs: QWidget) -> None:
        super().__init__()
        self.column = _Column(header, tabs)
        self.setWidget(self.column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # as wide as the column's own least width, as before it scrolled; any height
        least = super().minimumSizeHint()
        return QSize(self.column.layout().minimumSize().width(), least.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.column.sizeHint()
