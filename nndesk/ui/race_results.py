"""The Race tab's results: one column per lane with its name, its final figures and its Keep
button, under one column naming the figures.

Lanes side by side, as the chart's key lists them: a row per lane (name, five figures, Keep)
was 546 px at least with an 11 pt font, wider than the tab, and at 1024x700 with a 10 pt font
the Keep buttons sat past its right edge, a sideways scroll away. The table fits its width and
never scrolls: the figures' names wrap at their words where the room is short, the lanes share
the rest, their names wrapped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
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
#: The rows: the lane's name, its five figures, its Keep button
NAME, EPOCHS, TRAIN_LOSS, VALIDATION, TEST, SECONDS, KEEP = range(7)
#: The widest a lane's column gets, in average characters (two lanes in a wide window kept
#: their figures half a window apart)
LANE_MOST_CHARS = 24


#: where a line may break: a lane's name keeps "0\u00a0to\u00a0255" whole, which ``str.split``
#: broke (it splits at no-break spaces too), so the lane was counted narrower than its name
_BREAKS = re.compile(r"[ \t\n]+")
#: where a word may break as Qt wraps it: after a hyphen before a letter ("relu-|sigmoid-|raw",
#: never "784-784-10"). Counted whole, four labs' names in Vietnamese at Larger text made the
#: table wider than the tab: a sideways scroll (fixG, seen on Xvfb)
_HYPHEN_BREAKS = re.compile(r"(?<=-)(?=[^\W\d_])")


def lab_figure_tip(result: LaneResult) -> str:
    """The Test cell's tooltip of a lane that is a whole lab (named by its preset): the lab's
    own figure and its epochs beside the lane's (a race trains fewer: walk64 D6 read every
    result against the shipped CNN only); "" for another lane."""
    from nndesk.presets import PRESETS

    preset = PRESETS.get(result.name)
    if preset is None or preset.lab_accuracy is None:
        return ""
    return translate(
        "RaceView",
        "The lab's figure for {preset}: {figure} after its {epochs} epochs; this lane trained "
        "{trained}.",
    ).format(
        preset=preset.name,
        figure=accuracy_text(preset.lab_accuracy),
        epochs=preset.config.epochs,
        trained=result.epochs,
    )


def _widest_word(text: str, metrics: QFontMetrics) -> int:
    parts = (part for word in _BREAKS.split(text) for part in _HYPHEN_BREAKS.split(word))
    return max((metrics.horizontalAdvance(part) for part in parts), default=0)


def _level(leasts: list[int], total: int, most: int) -> int:
    """The width (at most ``most``) the lanes share: each lane ``max(its least, level)``, all
    within ``total`` px. An even share put lanes whose names need more past the table's edge
    (94 + 94 + 86 + 86 px beside the names' 108 in a 453-px table)."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if sum(max(least, middle) for least in leasts) <= total:
            low = middle
        else:
            high = middle - 1
    return low


class RaceTable(QTableWidget):
    """The final figures of a race, one column per lane, with its Keep button; hidden until
    ``fill``."""

    #: px around a cell's text (the cell's margins and grid line)
    PADDING = 10
    #: px a push button adds around its words (its frame and margins)
    BUTTON_FRAME = 16

    def __init__(self) -> None:
        super().__init__(7, 1)
        self._labels = [
            translate("RaceView", "Configuration"), translate("RaceView", "Epochs"),
            translate("RaceView", "Train\nloss"), translate("RaceView", "Validation\naccuracy"),
            translate("RaceView", "Test\naccuracy"), translate("RaceView", "Seconds"), "",
        ]  # fmt: skip
        for row, text in enumerate(self._labels):
            # the lines as the headers had them, joined: they wrap at the column's width
            item = QTableWidgetItem(" ".join(text.split()))
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, 0, item)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # every row shows
        self.setWordWrap(True)
        self._lanes = 0
        self.hide()

    def forget_lanes(self) -> None:
        """No lane's column (a new race starts)."""
        self._lanes = 0
        self.setColumnCount(1)

    def lane_count(self) -> int:
        return self._lanes

    def name(self, lane: int) -> str:
        """The name the table gives ``lane`` (and how it ended, if it did not complete)."""
        return self.item(NAME, lane + 1).text()

    def figure(self, lane: int, row: int) -> str:
        """``lane``'s figure in ``row`` (``EPOCHS`` … ``SECONDS``) as the table writes it."""
        return self.item(row, lane + 1).text()

    def fill(
        self,
        results: tuple[LaneResult, ...],
        can_keep: Callable[[int], bool],
        keep: Callable[[int], None],
        shown: Sequence[str] | None = None,
    ) -> None:
        """One column per lane of ``results``, named ``shown[i]`` (the lanes' names, or as
        their fields write them: without the start they share), the whole name in its
        tooltip; its Keep button, enabled where ``can_keep(lane)``, calls ``keep(lane)``.
        The table is as tall as every row."""
        self._lanes = len(results)
        self.setColumnCount(1 + len(results))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, name in zip(results, shown or [r.name for r in results], strict=True):
            said = ENDINGS.get(r.reason)
            verdict = f" ({translate_marked('RaceView', said)})" if said else ""
            cells = {
                NAME: f"{name}{verdict}",
                EPOCHS: str(r.epochs),
                TRAIN_LOSS: loss_text(r.train_loss) if math.isfinite(r.train_loss) else "—",
                VALIDATION: accuracy_text(r.val_accuracy),
                TEST: accuracy_text(r.test_accuracy),
                SECONDS: decimal(r.seconds, 1),
            }
            for row, text in cells.items():
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == NAME:
                    item.setFont(bold)
                    item.setToolTip(r.name)
                if row == TEST:  # a lab's lane: its figure to read the lane's against (D6)
                    item.setToolTip(lab_figure_tip(r))
                self.setItem(row, r.lane + 1, item)
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
            self.setCellWidget(KEEP, r.lane + 1, button)
        self.updateGeometry()  # its least width counts the lanes' names and buttons
        self._fit()

    def keep_button(self, lane: int) -> QPushButton | None:
        w = self.cellWidget(KEEP, lane + 1)
        return w if isinstance(w, QPushButton) else None

    def say_saving(self, lane: int) -> None:
        """``lane``'s Keep button says "Saving…", cut to its width where the lane is narrower
        (its whole word in the tooltip's place would be lost: the status line says it too)."""
        button = self.keep_button(lane)
        if button is None:
            return
        words = translate("RaceView", "Saving…")
        room = button.width() - self.BUTTON_FRAME
        fits = button.fontMetrics().horizontalAdvance(words) <= room
        shown = (
            words
            if fits
            else button.fontMetrics().elidedText(words, Qt.TextElideMode.ElideRight, room)
        )
        button.setText(shown or "…")

    # -- widths ---------------------------------------------------------------------------------
    def _labels_widths(self) -> tuple[int, int]:
        """The figures' names' column: its lines as written ("Validation" over "accuracy"),
        and its least, wrapped at every word."""
        metrics = QFontMetrics(self.font())
        lines = (line for text in self._labels for line in text.split("\n"))
        written = max(metrics.horizontalAdvance(line) for line in lines)
        least = max(_widest_word(text, metrics) for text in self._labels)
        return written + self.PADDING, least + self.PADDING

    def _lane_least(self, lane: int) -> int:
        """A lane's least width: its name's widest word, its figures, its Keep button's
        lasting words (Keep, Kept) with the button's frame. "Saving…" is said for a moment,
        shortened where it does not fit (``say_saving``): counted, Vietnamese "Đang lưu…" made
        four lanes 99 px each at 11 pt and left the figures' names 56 px, a word a line."""
        plain, bold = QFontMetrics(self.font()), QFontMetrics(self.item(NAME, lane + 1).font())
        figures = (plain.horizontalAdvance(self.figure(lane, r)) for r in range(EPOCHS, KEEP))
        words = (translate("RaceView", "Keep"), translate("RaceView", "Kept"))
        button = max(plain.horizontalAdvance(word) for word in words)
        button += self.BUTTON_FRAME
        words = max(_widest_word(self.name(lane), bold), *figures) + self.PADDING
        return max(words, button)  # the button takes its whole cell

    def least_width(self) -> int:
        """The narrowest the table gets with nothing cut: every name wrapped at its words.
        Narrower (four lanes, Vietnamese, an 11 pt font), it scrolls sideways: its least width
        is not the page's, whose scroll area never scrolls sideways."""
        lanes = sum(self._lane_least(lane) for lane in range(self._lanes))
        return self._labels_widths()[1] + lanes + 2 * self.frameWidth()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The columns for the table's width now: the figures' names on their written lines
        where that leaves every lane its least, the lanes sharing the rest (up to
        ``LANE_MOST_CHARS``); then every row as tall as its wrapped text."""
        if not self._lanes:
            return
        room = self.width() - 2 * self.frameWidth()
        written, least = self._labels_widths()
        lanes = [self._lane_least(lane) for lane in range(self._lanes)]
        # the figures' names on their lines as written where every lane shows beside them;
        # else as wide as the lanes leave them, wrapped (a word a line at worst); where nothing
        # lets every lane show, as written (the rows as short as they go)
        leftover = room - sum(lanes)
        labels = max(least, min(written, leftover)) if leftover >= least else written
        most = self.fontMetrics().averageCharWidth() * LANE_MOST_CHARS
        level = _level(lanes, room - labels, most)
        self.setColumnWidth(0, labels)
        for lane, lane_least in enumerate(lanes):
            self.setColumnWidth(lane + 1, max(lane_least, level))
        self.resizeRowsToContents()
        height = sum(self.rowHeight(r) for r in range(self.rowCount())) + 2 * self.frameWidth()
        if labels + sum(lanes) > room:  # too narrow for every lane: room for its scroll bar
            height += self.horizontalScrollBar().sizeHint().height()
        self.setMinimumHeight(height)  # every row, without scrolling the table
        self.setMaximumHeight(height)
