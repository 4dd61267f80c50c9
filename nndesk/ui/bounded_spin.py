"""A spin box that lets a number past its range be typed, and says it was refused.

Qt's QSpinBox drops a keystroke that takes its text out of range: "100" typed in "Not sure
below" (0-99 %) became 10 %, and "12345" in "Test #" (0-9999) became 1234, the image shown then
another than the one asked for, without a word (walk60 D7o). Here the whole number stays in the
field while it is typed; on leaving the field (or Enter) Qt puts the last number back, as it
does with any text it cannot take, and ``refused`` says what was typed, so the window can say
why. The number put back is the one the field held before the typing began: typing "100"
passes through 1 and 10, which Qt takes on the way. ``RefusalLine`` says it under the field's
own row until the field is typed in again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLabel, QSizePolicy, QSpinBox

from nndesk.ui import theme
from nndesk.ui.language import translate


def whole_number(typed: str) -> int | None:
    """``typed`` as a whole number when it is ASCII digits only, else None: "²" is a digit to
    ``str.isdigit`` and no number to ``int``, and an exception raised in a spin box's
    ``validate`` crashed the process."""
    return int(typed) if typed.isascii() and typed.isdigit() else None


class BoundedSpinBox(QSpinBox):
    """A QSpinBox whose whole numbers past its range are typed in full and then refused."""

    refused = Signal(str)  # one line: what was typed, the range, the number kept
    entered = Signal()  # Enter pressed on a number it took
    edited = Signal()  # a key pressed in it, or a step (arrows, wheel): a refusal is old news

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._before: int | None = None  # the number held before the typing began
        self.kept: int | None = None  # the number the last refusal said it stays at

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._before = self.value()
        super().focusInEvent(event)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        self.edited.emit()
        super().stepBy(steps)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.edited.emit()  # before a refusal Enter may bring
        took = self.hasAcceptableInput()
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._before = self.value()  # Enter settles the number, taken or put back
            if took:
                self.entered.emit()

    def _typed(self, text: str) -> str:
        for part in (self.prefix(), self.suffix()):
            text = text.replace(part, "") if part else text
        return text.strip()

    def _past_range(self, typed: str) -> bool:
        """Whether ``typed`` is a whole number outside the range."""
        number = whole_number(typed)
        return number is not None and not self.minimum() <= number <= self.maximum()

    def refusal(self, typed: str, kept: int) -> str:
        """The line saying ``typed`` was refused and the field stays at ``kept``."""
        return translate("MainWindow", "{typed} is not in {low}–{high}: it stays {value}").format(
            typed=typed, low=self.minimum(), high=self.maximum(), value=kept
        )

    def validate(self, text: str, pos: int) -> object:
        if self._past_range(self._typed(text)):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def fixup(self, text: str) -> str:
        typed = self._typed(text)
        if self._past_range(typed):
            kept = self.value() if self._before is None else self._before
            self.kept = kept
            self.refused.emit(self.refusal(typed, kept))
            return f"{self.prefix()}{self.textFromValue(kept)}{self.suffix()}"
        return super().fixup(text)


class RefusalLine(QLabel):
    """The line under a ``BoundedSpinBox``'s row saying what it refused ("100 is not in 0–99:
    it stays 60"), until the field is typed in or stepped, or takes another number (a Lab
    button's test image). It sat under the "Not sure below" row for Test # too, in place of
    the "Data folder: …" line (verify60).

    ``keep_room``: the line's room is kept while it says nothing, so the rows under it never
    move: shown between Test # and the Lab buttons, it pushed them down a line, and the click
    meant for Not sure below landed on the Lab button 4123. Without it the line is hidden while
    it says nothing (under the last row of controls, only text moves)."""

    def __init__(self, spin: BoundedSpinBox, keep_room: bool = False) -> None:
        super().__init__()
        self.setWordWrap(True)
        # a long line wraps; it never widens the drawing column
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        theme.set_tone(self, "error")
        self._keep_room = keep_room
        self._spin = spin
        self._fit_room()
        self.setVisible(keep_room)
        spin.refused.connect(self.say)
        spin.edited.connect(self.take_back)
        spin.valueChanged.connect(self._on_value_changed)

    def said(self) -> str:
        """What the line says now ("" nothing)."""
        return self.text()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text) or self._keep_room)

    def _on_value_changed(self, value: int) -> None:
        if value != self._spin.kept:  # not the number put back as the line says
            self.take_back()

    def take_back(self) -> None:
        if self.text():
            self.say("")

    def _fit_room(self) -> None:
        """Room for a refusal of a number a digit longer than the largest, at this width and
        text size: in Vietnamese at 1024 px it takes two lines."""
        if not self._keep_room:
            return
        spin = self._spin
        longest = str(spin.maximum()) + "9"
        sample = spin.refusal(longest, spin.maximum())
        metrics = self.fontMetrics()
        room = metrics.lineSpacing()
        width = self.width() - 2 * self.margin()
        if width > 20 * metrics.averageCharWidth():  # laid out (a label starts 100 px wide)
            flags = int(Qt.TextFlag.TextWordWrap)
            room = max(room, metrics.boundingRect(0, 0, width, 0, flags, sample).height())
        if room != self.minimumHeight():
            self.setMinimumHeight(room)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_room()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_room()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_room()
