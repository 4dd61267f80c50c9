"""SaidOnly: a label shown only while it says something, or while it keeps room for a line."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel


class SaidOnly(QLabel):
    """A label shown only while it says something: empty, it kept a blank line's room (and
    its spacing) between the run buttons and the progress bar, 26 px at 1024x700, and over the
    race chart, which a 1024x700 window at 11 pt then no longer showed whole.

    ``keep_room_for`` keeps it shown, at least as tall as a line it may say, while it says
    nothing: a line that comes while the person types moves nothing under the pointer."""

    _room_for: tuple[str, ...] = ()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setVisible(bool(text) or bool(self._room_for))

    def keep_room_for(self, lines: tuple[str, ...]) -> None:
        """Keep the room of the tallest of ``lines`` (wrapped at the label's width) from now
        on, said or not; ``()`` gives the room up."""
        if tuple(lines) == self._room_for:
            return
        self._room_for = tuple(lines)
        self.setVisible(bool(self.text()) or bool(self._room_for))
        self.updateGeometry()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        own = super().heightForWidth(width)
        if not self._room_for:
            return own
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        metrics = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        tallest = max(
            metrics.boundingRect(QRect(0, 0, inner, 100_000), flags, line).height()
            for line in self._room_for
        )
        return max(own, tallest + margins.top() + margins.bottom() + 2 * self.margin())

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        if self._room_for and self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint
