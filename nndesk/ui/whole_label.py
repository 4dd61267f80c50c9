"""A word-wrapped label that keeps the height its lines take at the width it is given."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget


class WholeLabel(QLabel):
    """A word-wrapped label in a form row, every line of it shown.

    A QFormLayout asks a wrapped field's height at a width of its own reckoning, wider than the
    field it then gives it: at Larger text in Vietnamese the labels' column is wide, and the
    preset's note got the four lines of ~600 px in a 316 px field, its last four cut (walk65
    D2: "… đo được: 88,9% (hạt", the lab's own 89,3 % below). Given its width, the label asks
    for the height of its lines there as its least height (one it set itself follows the
    width; one set from outside, a custom note's kept place, is only ever raised)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._least = 0  # the least height this label set itself

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        need = self.heightForWidth(self.width()) if self.text() else 0
        ours = self.minimumHeight() == self._least
        if (ours and need != self._least) or (not ours and self.height() < need):
            self._least = need
            self.setMinimumHeight(need)


class WordsWholeLabel(QLabel):
    """A word-wrapped label never narrower than its widest word, so no word is cut at its edge
    (a plain QLabel with word wrap reports a least width of its own reckoning, which a layout
    then overrides or exceeds). Words are what lies between ordinary spaces: a no-break space
    ("10.000 ảnh") and a word joiner (``language.hyphens_whole``) keep their parts together."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        words = [w for w in re.split(r"[ \t\n]+", self.text()) if w]
        if not words:
            return QSize(1, hint.height())
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        widest = max(metrics.horizontalAdvance(w) for w in words)
        return QSize(widest + margins.left() + margins.right() + 2 * self.margin(), hint.height())
