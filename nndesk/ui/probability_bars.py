"""One bar per class with its probability; the top class highlighted."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from nndesk.ui import qt_image, theme
from nndesk.ui.fitted_labels import fitted_font
from nndesk.ui.language import percent, translate


class ProbabilityBars(QWidget):
    """One horizontal bar per class with its name and probability; the top class is highlighted.

    Wide enough, each row is name | bar | percentage. In a narrow column (a 1024 px screen, long
    Vietnamese class names) that would leave the bars a few pixels long, so each row becomes
    the name and percentage on one line with the bar across the whole width under them.
    A short column (1024x700 with the model notice and a two-line answer) squeezes the rows
    and thins the bars down to ``MIN_BAR``, so every class stays on screen.
    """

    ROW = 22  # px per class, side by side
    MIN_TRACK = 110  # px: a shorter bar goes under its name instead
    BAR = 8  # px: the bar's height under its name
    MIN_BAR = 2  # px: the thinnest bar of a squeezed column (3 left 1024x668 too short, s55)

    painted = Signal()  # the bars are on screen (the prediction worker explains after it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = tuple(str(i) for i in range(10))
        self._probs: np.ndarray | None = None
        self._true: int | None = None
        self._stacked = False
        self._widths: dict[tuple, tuple[int, int]] = {}  # _columns', by font and names
        # never taller than its rows need; shorter when the column is short (thinner bars)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setToolTip(
            translate(
                "ProbabilityBars",
                "The network's probability for every class (softmax of its outputs). "
                "A check mark shows the true label of a test image.",
            )
        )

    def _columns(self) -> tuple[int, int]:
        """Widths of the name column and of the percentage column, side by side. The name
        column has room for a check mark before any name, so the bars keep their place from
        one test image to the next (it took the width of "✓ Ankle boot" or "✓ Bag")."""
        key = (self.font().key(), tuple(self._names), percent(1.0, 1))
        if key not in self._widths:  # measured once for its names and font: the drawing
            # column's least height asks ~25 times in one View > Text size step (fix60b)
            names = ["\u2713 " + n for n in self._names]
            bold = QFont(self.font())
            bold.setBold(True)
            widest = max((QFontMetrics(bold).horizontalAdvance(n) for n in names), default=0)
            self._widths[key] = widest + 22, self.fontMetrics().horizontalAdvance(key[-1]) + 6
        return self._widths[key]

    def stacked_for(self, width: int) -> bool:
        """Whether a bars widget ``width`` px wide puts each bar under its name."""
        name_w, pct_w = self._columns()
        return width - name_w - pct_w - 4 < self.MIN_TRACK

    def row_height(self) -> int:
        """The rows' pitch with room to spare (the size hint's)."""
        return self.fontMetrics().height() + self.BAR + 5 if self._stacked else self.ROW

    def min_row_height(self, stacked: bool | None = None) -> int:
        """The pitch of rows squeezed as far as they go: the text and a ``MIN_BAR`` bar;
        ``stacked``: for that arrangement (None: the one the bars have now)."""
        stacked = self._stacked if stacked is None else stacked
        text = self.fontMetrics().height()
        return text + self.MIN_BAR + 2 if stacked else max(text + 2, self.MIN_BAR + 8)

    def least_height_for(self, width: int) -> int:
        """The least height of bars ``width`` px wide, in the arrangement they take there
        (the size hint's is the arrangement's at the bars' width now: in a wider window the
        rows side by side, 30 px less than the same bars stacked in the narrowest column)."""
        rows = max(len(self._names), 10)
        return self.min_row_height(self.stacked_for(width)) * rows + 4

    def pitch(self) -> float:
        """The rows' pitch at the widget's height now: ``row_height`` when there is room."""
        rows = max(len(self._names), 10)
        room = (self.height() - 4) / rows
        return max(float(self.min_row_height()), min(float(self.row_height()), room))

    def sizeHint(self) -> QSize:
        return QSize(300, self.row_height() * max(len(self._names), 10) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.min_row_height() * max(len(self._names), 10) + 4)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._restack()

    def _restack(self) -> None:
        stacked = self.stacked_for(self.width())
        if stacked != self._stacked:
            self._stacked = stacked
            self.updateGeometry()  # the rows' height changes with the arrangement
            self.update()

    def is_stacked(self) -> bool:
        return self._stacked

    def set_class_names(self, names) -> None:
        self._names = tuple(names)
        self._probs = None
        self._restack()
        self.updateGeometry()
        self.update()

    def class_names(self) -> tuple[str, ...]:
        return self._names

    def probabilities(self) -> np.ndarray | None:
        return None if self._probs is None else self._probs.copy()

    def set_probabilities(self, probs: np.ndarray | None, true_label: int | None = None) -> None:
        self._probs = None if probs is None else np.asarray(probs, np.float32).copy()
        self._true = true_label
        self.update()

    def bar_rect(self, i: int) -> QRectF:
        """The track of class ``i``'s bar, in widget coordinates (tests, screenshots)."""
        name_w, pct_w = self._columns()
        row = self.pitch()
        y = 2 + i * row
        if self._stacked:
            text = self.fontMetrics().height()
            bar = min(float(self.BAR), max(float(self.MIN_BAR), row - text - 2))
            return QRectF(0, y + text + 1, max(10, self.width() - 2), bar)
        bar = max(float(self.MIN_BAR), row - 8)
        return QRectF(name_w, y + (row - bar) / 2, max(10, self.width() - name_w - pct_w - 4), bar)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        if not self._names:
            painter.end()
            return
        name_w, pct_w = self._columns()
        row = self.pitch()
        text_h = self.fontMetrics().height()
        top = int(np.argmax(self._probs)) if self._probs is not None else -1
        for i, name in enumerate(self._names):
            y = 2 + i * row
            p = float(self._probs[i]) if self._probs is not None else 0.0
            bold = i == top
            font = QFont(self.font())
            font.setBold(bold)
            painter.setFont(font)
            painter.setPen(pal.text().color())
            label = ("\u2713 " if i == self._true else "") + name
            shown_p = percent(p, 1) if self._probs is not None else ""
            track = self.bar_rect(i)
            if self._stacked:
                line = QRectF(0, y, self.width() - 2, text_h)
                room = line.width() - self.fontMetrics().horizontalAdvance(shown_p) - 6
                fitted = fitted_font(font, label, room)
                painter.setFont(fitted)
                painter.drawText(
                    line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label
                )
                painter.setFont(font)
                painter.drawText(
                    line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown_p
                )
            else:
                painter.drawText(
                    QRectF(0, y, name_w - 8, row),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
                painter.drawText(
                    QRectF(track.right() + 4, y, pct_w, row),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    shown_p,
                )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.colours().track))  # visible on light and dark
            radius = min(3.0, track.height() / 2)
            painter.drawRoundedRect(track, radius, radius)
            if p > 0:
                color = (
                    pal.highlight().color()
                    if bold
                    else qt_image.with_alpha(pal.text().color(), 110)
                )
                painter.setBrush(color)
                filled = QRectF(track.x(), track.y(), max(2.0, track.width() * p), track.height())
                painter.drawRoundedRect(filled, radius, radius)
        painter.end()
        self.painted.emit()
