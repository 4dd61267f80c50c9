"""RunsSplit: the Runs tab's table (with its hint and buttons) over its chart, sharing the height
so that the table shows its rows first.

A splitter shares a resize by its panes' current sizes: the table's pane began at its least
(three rows) and stayed there, while the chart took 175-215 px at 1024x700 (fix57b, s58: a
person with 20 runs scrolled a three-row table over a chart that could be 150 px). Here the
table's pane gets up to ``ROOMY_ROWS`` rows (fewer when fewer runs are listed) before the chart
grows past its least; on a taller page what is left over is shared 3:2, as the stretch factors
shared it before. Once the person drags the handle, their share is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QSplitter, QWidget

#: rows the table shows before the chart gets more than its least height
ROOMY_ROWS = 8
#: the chart's height (px) past which a taller page's spare height is shared 3:2 with the table
CHART_ROOMY = 260


class RunsSplit(QSplitter):
    """``top`` (the table's pane) over ``chart``; ``rows()`` -> (rows listed, row height,
    rows the pane's least height shows)."""

    def __init__(self, top: QWidget, chart: QWidget, rows: Callable[[], tuple[int, int, int]]):
        super().__init__(Qt.Orientation.Vertical)
        self.addWidget(top)
        self.addWidget(chart)
        self.setChildrenCollapsible(False)
        self._rows = rows
        #: the person dragged the handle: their share stays
        self.dragged = False
        self.splitterMoved.connect(self._on_splitter_moved)

    def _on_splitter_moved(self, *_) -> None:
        self.dragged = True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.share()

    def share(self) -> None:
        """Give the table its rows first, then the chart (unless the handle was dragged)."""
        if self.dragged or self.count() != 2:
            return
        top, chart = self.widget(0), self.widget(1)
        total = self.height() - self.handleWidth()
        listed, row, least_rows = self._rows()
        top_least, chart_least = least_height(top), least_height(chart)
        wanted = top_least + max(0, min(listed, ROOMY_ROWS) - least_rows) * row
        top_height = max(top_least, min(wanted, total - chart_least))
        spare = total - top_height - CHART_ROOMY
        if top_height >= wanted and spare > 0:
            top_height += spare * 3 // 5
        sizes = [top_height, max(total - top_height, chart_least)]
        if self.sizes() != sizes:
            self.setSizes(sizes)


def least_height(widget: QWidget) -> int:
    """The height a splitter keeps ``widget`` at least, as Qt works it out (qSmartMinSize): its
    own minimum height when one is set, else its ``minimumSizeHint``. The chart's hint is the
    image it shows: taken as its least, a chart drawn 220 px high stayed 220 px and the table
    kept 4.5 of its 8 rows in the session the runs were made (verify58 D2)."""
    policy = widget.sizePolicy().verticalPolicy()
    if widget.minimumHeight() > 0:
        return widget.minimumHeight()
    if policy == QSizePolicy.Policy.Ignored:
        return 0
    hint = widget.minimumSizeHint().height()
    if not policy.value & QSizePolicy.PolicyFlag.ShrinkFlag.value:
        hint = max(hint, widget.sizeHint().height())
    return max(hint, 0)
