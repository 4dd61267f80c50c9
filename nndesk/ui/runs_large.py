"""LargeChart: the Runs tab's comparison chart in a window of its own, as large as the main
window.

At 1024x700 the tab left the three plots of four runs compared ~90 px tall under the Train
page's header and the runs table, ~20 px during a run (walk67 #2): a student asking "which
learns fastest" could not read them. One click (Enlarge chart, or a click on the chart) moves
the chart widget itself into this window and Close (or Esc) puts it back, so it keeps following
the selection, the theme and the runs listed meanwhile: nothing is drawn twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from nndesk.ui.language import translate


class LargeChart(QDialog):
    """``chart`` alone over a Close button, over the whole of ``parent``'s window;
    ``put_back(chart)`` is called once it is closed, the chart out of this window's layout."""

    def __init__(
        self, chart: QWidget, put_back: Callable[[QWidget], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RunsView", "Runs compared"))
        self.chart = chart
        self._put_back = put_back
        layout = QVBoxLayout(self)
        layout.addWidget(chart, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # the window's place and size: on a 1024x700 screen as much room as there is
        self.setGeometry(parent.window().geometry())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(self._on_finished)

    def _on_finished(self, _result: int) -> None:
        self.layout().removeWidget(self.chart)
        self._put_back(self.chart)
