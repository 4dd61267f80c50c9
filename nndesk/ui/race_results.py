"""The Race tab's results: one row per lane with its final figures and its Keep button."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from nndesk.controllers.race import LaneResult
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.ui.buttons import tipped_button
from nndesk.ui.language import accuracy_text, decimal, loss_text, translate, translate_marked

#: How the table names a lane that did not complete.
ENDINGS = {
    "stopped": QT_TRANSLATE_NOOP("RaceView", "stopped"),
    "diverged": QT_TRANSLATE_NOOP("RaceView", "diverged"),
}


class RaceTable(QTableWidget):
    """The final figures of a race, one row per lane, with its Keep button; hidden until
    ``fill``."""

    def __init__(self) -> None:
        super().__init__(0, 7)
        self.setHorizontalHeaderLabels([
            translate("RaceView", "Configuration"), translate("RaceView", "Epochs"),
            translate("RaceView", "Train\nloss"), translate("RaceView", "Validation\naccuracy"),
            translate("RaceView", "Test\naccuracy"), translate("RaceView", "Seconds"), "",
        ])  # fmt: skip
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.hide()

    def fill(
        self,
        results: tuple[LaneResult, ...],
        can_keep: Callable[[int], bool],
        keep: Callable[[int], None],
    ) -> None:
        """One row per lane of ``results``; its Keep button, enabled where ``can_keep(lane)``,
        calls ``keep(lane)``. The table is as tall as every row."""
        self.setRowCount(len(results))
        for r in results:
            said = ENDINGS.get(r.reason)
            verdict = f" ({translate_marked('RaceView', said)})" if said else ""
            cells = (
                f"{r.name}{verdict}",
                str(r.epochs),
                loss_text(r.train_loss) if math.isfinite(r.train_loss) else "—",
                accuracy_text(r.val_accuracy),
                accuracy_text(r.test_accuracy),
                decimal(r.seconds, 1),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r.lane, column, item)
            button = tipped_button(
                translate("RaceView", "Keep"),
                translate(
                    "RaceView",
                    "save this lane's curves as a run (Runs tab); it diverged, so no model "
                    "is saved",
                )
                if r.reason == "diverged"
                else translate("RaceView", "save this lane as a run with its model (Runs tab)"),
            )
            button.setEnabled(can_keep(r.lane))
            button.clicked.connect(lambda _=False, lane=r.lane: keep(lane))
            self.setCellWidget(r.lane, 6, button)
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(i) for i in range(self.rowCount()))
        height = self.horizontalHeader().sizeHint().height() + rows + 6
        # and room for the sideways scroll bar a narrow page shows under the rows: without it
        # the bar took the third lane's row at 1024x700 (walk50 D6)
        height += self.horizontalScrollBar().sizeHint().height()
        self.setMinimumHeight(height)  # every lane's row, without scrolling the table
        self.setMaximumHeight(height + 20)

    def keep_button(self, lane: int) -> QPushButton | None:
        w = self.cellWidget(lane, 6)
        return w if isinstance(w, QPushButton) else None
