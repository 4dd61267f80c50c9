"""NumberField: a text field for a number in a range, read as a person writes it ("1e-3",
"0,001", "1×10⁻⁷"); ``number_field`` makes one from a setting of the schema."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Message, exponent_again, power_of_ten
from nndesk.settings_schema import Field
from nndesk.ui.language import fmt, translate


class NumberField(QLineEdit):
    """A text field for a float in [lo, hi] (scientific notation welcome), e.g. ``1e-3``."""

    def __init__(
        self, lo: float, hi: float = math.inf, allow_zero: bool = True, placeholder: str = ""
    ):
        super().__init__()
        self.lo, self.hi, self.allow_zero = lo, hi, allow_zero
        self.setPlaceholderText(placeholder)
        self.setMaximumWidth(130)
        self._rounded: tuple[str, float] | None = None  # (text shown, the number it stands for)
        self._tip: str | None = None  # None: the tooltip is the caller's own (setToolTip)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self) -> None:
        """Typed: the number is what was typed, even the rounded digits again."""
        if self._rounded is not None:
            self._rounded = None
            self._show_tip()

    def set_tip(self, tip: str) -> None:
        """The field's tooltip; a rounded number (``set_value(v, digits)``) adds its exact
        value above it."""
        self._tip = tip
        self._show_tip()

    def _show_tip(self) -> None:
        if self._tip is None:  # a field whose tooltip its owner set: left as it is
            return
        exact = ""
        if self._rounded is not None:
            v = self._rounded[1]
            exact = translate("NumberField", "exactly {value}").format(
                value=power_of_ten(fmt(v, _exact_spec(v)))
            )
        self.setToolTip("\n".join(t for t in (exact, self._tip) if t))

    def value(self) -> float:
        """The number; ``ConfigError`` with the reason when the text is not acceptable. A
        rounded number shown by ``set_value(v, digits)`` and not edited since is ``v``."""
        exact = self.rounded_value()
        if exact is not None:  # shown rounded, not typed since
            return exact
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
        # 0 refused at a bound of 0: one rule, said once for every number under it ("-1" said
        # "must be 0 or more", then the 0 typed as told "must be greater than 0": verify63 V9)
        if not self.allow_zero and (v == 0 or (self.lo == 0 and v < 0)):
            raise ConfigError(Message(N_("must be greater than 0")))
        if not self.lo <= v <= self.hi:
            if self.hi == math.inf:
                raise ConfigError(Message(N_("must be {low:g} or more"), low=self.lo))
            raise ConfigError(
                Message(N_("must be between {low:g} and {high:g}"), low=self.lo, high=self.hi)
            )
        return v

    def set_value(self, v: float, digits: int | None = None) -> None:
        """Show ``v`` in as few digits as give it back exactly (0.0012345678, not 0.00123457),
        an exponent as a power of ten ("1×10⁻⁷", as the Inside page writes ε; was "1e-07").
        With ``digits``: rounded to that many significant digits, the exact value in the
        tooltip and still ``value()`` until the text is edited (a scheduled rate in the narrow
        "LR now" field showed the tail of 0.000452418709018, "52418709018": walk lab56 D3)."""
        v = float(v)
        text = power_of_ten(fmt(v, _exact_spec(v)))
        self._rounded = None
        if digits is not None:
            short = power_of_ten(fmt(v, f".{digits}g"))
            if short != text:
                text, self._rounded = short, (short, v)
        self.setText(text)
        self.setCursorPosition(0)  # a number wider than the field shows its first digits
        self._show_tip()

    def rounded_value(self) -> float | None:
        """The exact number a rounded text (``set_value(v, digits)``, not edited since) stands
        for; None when the text is the number."""
        if self._rounded is not None and self.text() == self._rounded[0]:
            return self._rounded[1]
        return None

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The whole number is selected on entering, so typing a new one replaces it (it was
        appended: "0.0010.01"). After the event: a click's own press would place the cursor
        and drop a selection made now."""
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # back from a context menu
            QTimer.singleShot(0, self, self._select_all_if_focused)  # dropped with the field

    def _select_all_if_focused(self) -> None:
        # a focus that only passed through (the Race lanes disabled as a race starts) left
        # the number selected in a field it had already left
        if self.hasFocus():
            self.selectAll()


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
