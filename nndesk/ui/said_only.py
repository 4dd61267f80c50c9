"""SaidOnly: a label shown only while it says something."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class SaidOnly(QLabel):
    """A label shown only while it says something: empty, it kept a blank line's room (and
    its spacing) between the run buttons and the progress bar, 26 px at 1024x700, and over the
    race chart, which a 1024x700 window at 11 pt then no longer showed whole. On the Train page
    its coming moves nothing under the pointer: the room is the coach's (``held_header``)."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setVisible(bool(text))
