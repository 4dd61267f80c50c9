"""SettingEditor: one training setting's widget, chosen from the schema's field (a drop-down,
a check box, a spin box or a ``NumberField``) and how it is read and written; ``LOOKS`` says how
some fields look. The Train form and the Race tab's Epochs and Seed use it."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from nndesk.errors import ConfigError
from nndesk.i18n import N_, QT_TRANSLATE_NOOP, Message
from nndesk.settings_schema import Field
from nndesk.training import TrainConfig
from nndesk.ui.bounded_spin import whole_number
from nndesk.ui.choice_box import ChoiceBox
from nndesk.ui.language import translate_marked
from nndesk.ui.number_field import NumberField, number_field

#: How some fields look (presentation only: every range comes from the schema's field). A spin
#: box shows ``decimals`` places, more when a value needs them (a model's momentum 0.9995).
LOOKS: dict[str, dict[str, Any]] = {
    "val_fraction": {"percent": True, "suffix": QT_TRANSLATE_NOOP("TrainForm", "% of train")},
    "batch_size": {
        "suffix": QT_TRANSLATE_NOOP("TrainForm", " images"),
        "special": QT_TRANSLATE_NOOP("TrainForm", "full batch"),
    },
    "epochs": {
        "suffix": QT_TRANSLATE_NOOP("TrainForm", " passes"),
        "suffix_one": QT_TRANSLATE_NOOP("TrainForm", " pass"),
    },
    "schedule_step": {
        "suffix": QT_TRANSLATE_NOOP("TrainForm", " epochs"),
        "suffix_one": QT_TRANSLATE_NOOP("TrainForm", " epoch"),
    },
    "dropout": {"step": 0.05, "decimals": 2},
    "prelu_init": {"step": 0.05, "decimals": 2},
    "momentum": {"step": 0.05, "decimals": 3},
    "schedule_gamma": {"step": 0.05, "decimals": 2, "prefix": "× "},
    "lr": {"placeholder": QT_TRANSLATE_NOOP("TrainForm", "0.001")},
    "eps": {"number": True, "placeholder": QT_TRANSLATE_NOOP("TrainForm", "default")},
    "clip_norm": {"placeholder": QT_TRANSLATE_NOOP("TrainForm", "0 = off"), "zero_is_off": True},
    "augment": {"text": QT_TRANSLATE_NOOP("TrainForm", "shift, rotate, zoom a little")},
    "aug_shift": {"suffix": " px", "step": 0.5, "decimals": 1},
    "aug_rotate": {"suffix": " °", "step": 1, "decimals": 0},
    "aug_scale": {"step": 0.05, "decimals": 2, "prefix": "± "},
    "aug_stroke": {"step": 0.05, "decimals": 2},
    "test_every_epoch": {"text": QT_TRANSLATE_NOOP("TrainForm", "test accuracy every epoch")},
}
#: The most decimal places a spin box grows to for a value that needs them.
MAX_DECIMALS = 8
#: Qt's QSpinBox holds 32-bit integers: a larger whole number (the seed) gets a spin box of
#: floats with no decimals, exact up to 2**53; an integer setting without a top stops here.
INT_TOP = 2**31 - 1


def choice_combo(items) -> QComboBox:
    """A drop-down of ``items`` ((value, text) pairs) as wide as the choice it shows, not as its
    longest one (``ChoiceBox``): a form row too narrow for it goes under its label. A box of
    14 characters cut Init's Vietnamese "tự động (He cho ReLU, còn lại Xavier)" after "còn" at
    1024 px at the larger text (walk61), and "hạ gradient (toàn bộ batch)" by 26 px."""
    box = ChoiceBox()
    for value, text in items:
        box.addItem(text, value)
    return box


def set_combo(box: QComboBox, value: str) -> None:
    """Choose the item holding ``value`` (none holds it: the choice stays)."""
    i = box.findData(value)
    if i >= 0:
        box.setCurrentIndex(i)


def reason_of(err: Exception) -> str:
    """An error's one line, as the ``Message`` it was raised with when it was (so the form can
    show it in the window's language)."""
    if err.args and isinstance(err.args[0], Message):
        return err.args[0]
    return str(err)


def field_label(field: Field) -> str:
    """A field's label as messages name it (a ``Message``: translated where it is shown)."""
    return Message(field.label)


def passes_text(n: int) -> str:
    """A number of epochs as the Epochs field writes it: "1 pass", "5 passes" (the Race tab
    said "1 epoch(s)" for the same setting, walk48 D12)."""
    look = LOOKS["epochs"]
    return f"{n}{translate_marked('TrainForm', look['suffix_one' if n == 1 else 'suffix'])}"


def _count_suffix(spin: QSpinBox, look: dict, n: int) -> None:
    """The suffix for ``n`` in English's singular or plural (one form in Vietnamese)."""
    suffix = translate_marked("TrainForm", look["suffix_one" if n == 1 else "suffix"])
    if spin.suffix() != suffix:
        spin.setSuffix(suffix)


def _decimals_for(x: float, fewest: int) -> int:
    """The fewest decimal places, from ``fewest`` to ``MAX_DECIMALS``, that write ``x`` as it is
    (``7.000000000000001``, i.e. 0.07 * 100, needs none)."""
    for places in range(fewest, MAX_DECIMALS):
        if abs(round(x, places) - x) <= 1e-12 * max(1.0, abs(x)):
            return places
    return max(fewest, MAX_DECIMALS)


class WordedSpinBox(QSpinBox):
    """A spin box whose least value is a word (Batch size's "full batch"): the word, or the
    command line's "full", may be typed; the least value's digits may not (a typed "0" trained
    fashion-mlp-lab as one full batch, walk lab56 D2), so they are refused as they are typed and
    put back on leaving the field, as any number out of range is."""

    #: Words read as the least value besides the special text in the window's language.
    WORDS = ("full", "full batch")

    def _typed(self, text: str) -> str:
        suffix = self.suffix()
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        return text.strip().casefold()

    def _words(self) -> set[str]:
        return {self.specialValueText().casefold(), *self.WORDS} - {""}

    def validate(self, text: str, pos: int) -> object:
        typed = self._typed(text)
        if typed in self._words():
            return QValidator.State.Acceptable, text, pos
        if typed and not typed[0].isdecimal() and any(w.startswith(typed) for w in self._words()):
            return QValidator.State.Intermediate, text, pos
        if whole_number(typed) == self.minimum():
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        if self._typed(text) in self._words():
            return self.minimum()
        return super().valueFromText(text)


class SettingEditor:
    """One field's widget and how to read and write it.

    A number bounded on both sides (or a whole number too large for ``QSpinBox``) gets a spin
    box whose range is the field's (an open bound: one last decimal inside it), other whole
    numbers a ``QSpinBox`` from the field's low to its high (``INT_TOP`` when it has none),
    other numbers a ``NumberField``. ``set_value`` refuses a value the widget cannot show
    rather than let Qt clamp it."""

    def __init__(self, field: Field) -> None:
        self.field = field
        look = LOOKS.get(field.name, {})
        self.look = look
        self.scale = 100 if look.get("percent") else 1  # a share shown in per cent
        bounded = field.low is not None and field.high is not None
        if field.choices:
            self.widget: QWidget = choice_combo(
                (c, translate_marked("", field.choice_label(c))) for c in field.choices
            )
        elif field.kind is bool:
            self.widget = QCheckBox(translate_marked("TrainForm", look.get("text", "")))
        elif field.kind is int and (field.high is None or field.high <= INT_TOP):
            spin = WordedSpinBox() if "special" in look else QSpinBox()
            low = int(field.low or 0) + field.low_open
            high = INT_TOP if field.high is None else int(field.high) - field.high_open
            spin.setRange(low, high)
            spin.setSuffix(translate_marked("TrainForm", look.get("suffix", "")))
            if "suffix_one" in look:  # "1 pass", "5 passes"
                spin.valueChanged.connect(lambda n, s=spin: _count_suffix(s, look, n))
                _count_suffix(spin, look, spin.value())
            if "special" in look:
                spin.setSpecialValueText(translate_marked("TrainForm", look["special"]))
            self.widget = spin
        elif bounded and not look.get("number"):
            dspin = QDoubleSpinBox()
            self.decimals = look.get("decimals", 0 if field.kind is int or self.scale > 1 else 2)
            dspin.setDecimals(self.decimals)
            dspin.setRange(*self._spin_range(self.decimals))
            dspin.setSingleStep(look.get("step", 1 if self.decimals == 0 else 0.05))
            dspin.setPrefix(look.get("prefix", ""))
            dspin.setSuffix(translate_marked("TrainForm", look.get("suffix", "")))
            self.widget = dspin
        else:
            self.widget = number_field(
                field,
                placeholder=translate_marked("TrainForm", look.get("placeholder", "0")),
                zero_is_off=look.get("zero_is_off", False),
            )
        self.widget.setToolTip(translate_marked("", field.help))

    def _spin_range(self, decimals: int) -> tuple[float, float]:
        """The spin box's range at ``decimals`` places: the field's, an open bound one last
        place inside."""
        field, unit = self.field, 10.0**-decimals
        assert field.low is not None and field.high is not None
        low = round(field.low * self.scale + unit * field.low_open, decimals)
        return low, round(field.high * self.scale - unit * field.high_open, decimals)

    def changed_signal(self):
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentIndexChanged
        if isinstance(w, QCheckBox):
            return w.toggled
        if isinstance(w, QLineEdit):
            return w.textChanged
        return w.valueChanged

    def value(self) -> Any:
        """The field's value for ``TrainConfig``; ``ConfigError`` when its text is refused."""
        w, field = self.widget, self.field
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, WordedSpinBox) and not w.hasAcceptableInput():
            # "0" typed in Batch size read as 0 = the whole split: fashion-mlp-lab then took
            # 5 steps and tested 58.7 %, no word (walk lab56 D2); the arrow down reaches it
            raise ConfigError(
                Message(
                    N_(
                        "{text!r} is not a size: type {low:,} to {high:,}, or choose "
                        "{special!r} with the down arrow"
                    ),
                    text=w.cleanText().strip(),
                    low=w.minimum() + 1,
                    high=w.maximum(),
                    special=w.specialValueText(),
                )  # fmt: skip
            )
        if isinstance(w, QSpinBox | QDoubleSpinBox) and not w.hasAcceptableInput():
            # "0" typed in Epochs (from 1) is Qt's intermediate input: value() still holds the
            # last valid number, and the run trained that one without a word (walk lab56 D2)
            raise ConfigError(self._refused_text(w))
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QDoubleSpinBox):
            if field.kind is int:
                return round(w.value())
            return round(w.value() / self.scale, w.decimals() + len(str(self.scale)) - 1)
        assert isinstance(w, NumberField)
        if not w.text().strip():
            return None if field.optional else TrainConfig.__dataclass_fields__[field.name].default
        v = w.value()
        return None if v == 0 and self.look.get("zero_is_off") else v

    def _refused_text(self, w: QSpinBox | QDoubleSpinBox) -> Message:
        """Why the text typed in spin box ``w`` is refused: the range it takes."""
        low, high = w.minimum() / self.scale, w.maximum() / self.scale
        if isinstance(w, QSpinBox) or self.field.kind is int:
            if not w.cleanText().strip():
                return Message(N_("type a whole number from {low:,.15g} to {high:,.15g}"),
                               low=low, high=high)  # fmt: skip
            return Message(N_("{text!r} is not a whole number from {low:,.15g} to {high:,.15g}"),
                           text=w.cleanText().strip(), low=low, high=high)  # fmt: skip
        if not w.cleanText().strip():
            return Message(N_("type a number from {low:,.15g} to {high:,.15g}"), low=low, high=high)
        return Message(N_("{text!r} is not a number from {low:,.15g} to {high:,.15g}"),
                       text=w.cleanText().strip(), low=low, high=high)  # fmt: skip

    def text_signal(self):
        """A spin box's line edit's ``textChanged``: its text can be refused (Qt's intermediate
        input, "0" in a field from 1) while its value stays, and then neither ``valueChanged``
        nor the spin box's own ``textChanged`` is emitted; None for other widgets, whose
        ``changed_signal`` follows their text."""
        w = self.widget
        return w.lineEdit().textChanged if isinstance(w, QSpinBox | QDoubleSpinBox) else None

    def settled_signal(self):
        """A spin box's ``editingFinished``: leaving the field puts a refused text back to the
        last valid number without ``text_signal`` (so a refusal would stay beside a field that
        no longer shows it); None for other widgets."""
        w = self.widget
        return w.editingFinished if isinstance(w, QSpinBox | QDoubleSpinBox) else None

    def unshowable(self, value: Any) -> str | None:
        """Why the widget cannot show ``value`` (a ``Message``: out of its range at the places
        it can show), or None."""
        w = self.widget
        if value is None or not isinstance(w, QSpinBox | QDoubleSpinBox):
            return None
        if isinstance(w, QSpinBox):
            low, high, shown = w.minimum(), w.maximum(), value
        else:
            shown = value * self.scale
            places = _decimals_for(shown, self.decimals)
            low, high = self._spin_range(places)
            shown = round(shown, places)
        if low <= shown <= high:
            return None
        return Message(
            N_("this form shows {low:,.15g} to {high:,.15g}, not {value:,.15g}"),
            low=low / self.scale,
            high=high / self.scale,
            value=value,
        )

    def set_value(self, value: Any) -> None:
        """Show ``value``; ``ConfigError`` (and the field unchanged) when it cannot."""
        w = self.widget
        problem = self.unshowable(value)
        if problem:
            raise ConfigError(
                Message("{label}: {reason}", label=field_label(self.field), reason=problem)
            )
        if isinstance(w, QComboBox):
            set_combo(w, value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QDoubleSpinBox):
            shown = float(value) * self.scale
            places = _decimals_for(shown, self.decimals)
            if places != w.decimals():
                w.setDecimals(places)
                w.setRange(*self._spin_range(places))
            w.setValue(shown)
        elif isinstance(w, NumberField):
            if value is None:
                w.setText("")
            else:
                w.set_value(value)
