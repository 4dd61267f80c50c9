"""NumberField: a text field for a number in a range, read as a person writes it ("1e-3",
"0,001", "1×10⁻⁷"); ``number_field`` makes one from a setting of the schema."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Message, exponent_again, power_of_ten
from nndesk.settings_schema import Field
from nndesk.ui.language import fmt


class NumberField(QLineEdit):
    """A text field for a float in [lo, hi] (scientific notation welcome), e.g. ``1e-3``."""

    def __init__(
        self, lo: float, hi: float = math.inf, allow_zero: bool = True, placeholder: str = ""
    ):
        super().__init__()
        self.lo, self.hi, self.allow_zero = lo, hi, allow_zero
        self.setPlaceholderText(placeholder)
        self.setMaximumWidth(130)

    def value(self) -> float:
        """The number; ``ConfigError`` with the reason when the text is not acceptable."""
        # "1×10⁻⁷" as the field shows a tiny number, a typed "1e-7" or "0,001" alike
        text = exponent_again(self.text().strip()).replace(",", ".").replace("\u2212", "-")
        try:
            v = float(text)
        except ValueError:
            raise ConfigError(
                Message(N_("{text!r} is not a number (e.g. 0.001 or 1e-3)"), text=text)
            ) from None
        if not math.isfinite(v):
            raise ConfigError(Message(N_("must be a finite number")))
        if v == 0 and not self.allow_zero:
            raise ConfigError(Message(N_("must be greater than 0")))
        if not self.lo <= v <= self.hi:
            if self.hi == math.inf:
                raise ConfigError(Message(N_("must be {low:g} or more"), low=self.lo))
            raise ConfigError(
                Message(N_("must be between {low:g} and {high:g}"), low=self.lo, high=self.hi)
            )
        return v

    def set_value(self, v: float) -> None:
        """Show ``v`` in as few digits as give it back exactly (0.0012345678, not 0.00123457),
        an exponent as a power of ten ("1×10⁻⁷", as the Inside page writes ε; was "1e-07")."""
        self.setText(power_of_ten(fmt(float(v), _exact_spec(float(v)))))

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The whole number is selected on entering, so typing a new one replaces it (it was
        appended: "0.0010.01"). After the event: a click's own press would place the cursor
        and drop a selection made now."""
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # back from a context menu
            QTimer.singleShot(0, self, self.selectAll)  # dropped with the field


def _exact_spec(v: float) -> str:
    """The shortest ``g`` format, of 6 to 12 digits, that reads back as ``v``."""
    for digits in range(6, 12):
        if float(format(v, f".{digits}g")) == v:
            return f".{digits}g"
    return ".12g"


def number_field(field: Field, placeholder: str = "", zero_is_off: bool = False) -> NumberField:
    """A ``NumberField`` for the schema's ``field``: its bounds (none where the field has none;
    an open bound at 0 refuses 0 unless ``zero_is_off``). The schema's ``problem`` still has the
    last word on an open bound elsewhere (the form checks every value against it)."""
    return NumberField(
        field.low if field.low is not None else -math.inf,
        field.high if field.high is not None else math.inf,
        allow_zero=not (field.low_open and field.low == 0) or zero_is_off,
        placeholder=placeholder,
    )
