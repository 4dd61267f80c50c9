"""The window's languages: the Qt translation files beside this module, and the no-op marker.

Qt-free on purpose: Qt-free modules the CLI imports (presets, the dataset registry, the settings
schema) mark the strings the window shows with ``QT_TRANSLATE_NOOP("Context", "text")``, which
returns ``text`` unchanged (the CLI stays English) and tells ``pyside6-lupdate`` to extract it; the
window translates it when it shows it, with ``QCoreApplication.translate("Context", text)``.

``nndesk_<code>.ts`` holds the translations (edit these), ``nndesk_<code>.qm`` their compiled form
(``python -m tools.translations`` makes both); see the README's "Languages" section.
"""

from __future__ import annotations

import math
import numbers
import re
import string
from datetime import datetime, timezone
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent

#: Language code -> its name in that language (View > Language). English is the source language.
LANGUAGES = {"en": "English", "vi": "Tiếng Việt"}
SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Mark ``text`` for extraction under ``context``; returns it untranslated."""
    return text


def N_(text: str) -> str:  # noqa: N802
    """Mark ``text`` for extraction (context ""; ``python -m tools.translations`` tells lupdate
    this name), for tables where ``QT_TRANSLATE_NOOP("Context", ...)`` would not fit a line:
    the settings' labels and help, the presets' descriptions. Returns it untranslated."""
    return text


_display = None  # set by nndesk.ui.language while the window runs: text -> its translation
#: the window language's decimal mark and digit-group separator (",", "." in Vietnamese); None
#: while no language is installed: Python's "." and ","
_marks: tuple[str, str] | None = None


def shown(text: str) -> str:
    """``text``, marked with ``N_`` where it is written, in the window's language once the
    window has installed one; as it is otherwise (the CLI, scripts, notebooks stay English).
    Chart titles and axis labels drawn by the Qt-free ``viz`` and ``curves`` go through it."""
    return _display(text) if _display is not None else text


def localise_number(text: str) -> str:
    """A number as Python writes it (``1,234.5``) with the window language's marks
    (``1.234,5`` in Vietnamese); unchanged while no language is installed."""
    if _marks is None:
        return text
    point, group = _marks
    return text.translate({ord("."): point, ord(","): group})


def fmt(value: float, spec: str = "") -> str:
    """``format(value, spec)`` in the window language's number format: ``fmt(0.0123, ".3f")``
    is ``0,012`` in Vietnamese, ``fmt(0.872, ".1%")`` is ``87,2%``, ``fmt(6000, ",")`` is
    ``6.000``; Python's own text while no language is installed (the CLI stays English). Every
    number the window writes by hand goes through this (or ``fill``)."""
    return localise_number(format(value, spec))


#: a number in Python's exponent notation: "1e-05", "1.23e-04", "-2.5e+03"
_EXPONENT = re.compile(r"(\d)e([+-])0*(\d+)\b")
_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(text: str) -> str:
    """``text`` with each exponent written as a power of ten, as a person writes one:
    "1e-05" -> "1×10⁻⁵", "1,23e-04" -> "1,23×10⁻⁴" (the Inside page's BatchNorm formula read
    "1e-05" among its decimals)."""

    def written(match: re.Match) -> str:
        sign = "-" if match.group(2) == "-" else ""
        return f"{match.group(1)}×10" + (sign + match.group(3)).translate(_SUPERSCRIPTS)

    return _EXPONENT.sub(written, text)


#: From this size on a loss is written as a power of ten ("3,51×10⁹"); below it, with as
#: many decimals as keep about five digits ("2,3026", "48,213", "1234,6")
LOSS_POWER_FROM = 1e4
#: Below this (and above 0) too: four decimals would write a near-perfect fit as "0,0000"
LOSS_POWER_BELOW = 1e-4


def loss_text(value: float | None) -> str:
    """A loss as the window writes it, in its language: "0,4887" in its usual range,
    "3,51×10⁹" once a diverged model's loss is huge (four decimals of 3.51e9 ran out of the
    Evaluate card as "3510000"), "∞" when it overflowed, "—" when there is none."""
    if value is None or math.isnan(value):
        return "—"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    size = abs(float(value))
    if size >= LOSS_POWER_FROM or 0 < size < LOSS_POWER_BELOW:
        return power_of_ten(fmt(float(value), ".2e"))
    decimals = 4 - min(3, max(0, int(math.log10(size)))) if size >= 1 else 4
    return fmt(float(value), f".{decimals}f")


class Loss(float):
    """A loss inside a ``Message``: the window writes it as ``loss_text`` does every other
    loss ("3,54×10⁹"; the Train page's message read "3,54e+09" beside its charts' "3,54×10⁹"),
    "NaN" when it is not a number; the CLI's English line keeps Python's "3.54e+09"."""

    def __format__(self, spec: str) -> str:
        return format(float(self), spec or ".3g")

    def shown(self) -> str:
        """The loss as the window writes it."""
        return "NaN" if math.isnan(self) else loss_text(float(self))


#: significant digits a learning rate is said with: "0.000452", not the exp schedule's
#: "0.000452419" (walk65 D4: the coach's hint and its button wrote nine digits)
RATE_DIGITS = 3


class Rate(float):
    """A learning rate a person reads: ``{lr:g}`` (or ``{lr}``) in a template writes it to
    ``RATE_DIGITS`` significant digits, as ``rate_said`` does; its value stays exact (a fix
    sets the rate itself, not its rounding)."""

    def __format__(self, spec: str) -> str:
        return format(float(self), f".{RATE_DIGITS}g" if spec in ("", "g") else spec)

    def __str__(self) -> str:
        return format(self)


def rate_said(lr: float) -> str:
    """The one way the window writes a learning rate: ``RATE_DIGITS`` significant digits in
    the window language's format ("0,000452"), a power of ten for a tiny one ("1×10⁻⁷")."""
    return fill("{lr}", lr=Rate(lr))


#: a power of ten as ``power_of_ten`` writes it: "1×10⁻⁷", "1,23×10⁴"
_WRITTEN_POWER = re.compile(r"×\s*10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_PLAIN_DIGITS = str.maketrans("⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹", "-+0123456789")


def exponent_again(text: str) -> str:
    """``power_of_ten`` undone, for a field a person edits: "1×10⁻⁷" -> "1e-7" (what
    ``float`` reads); any other text as it is."""
    return _WRITTEN_POWER.sub(lambda m: "e" + m.group(1).translate(_PLAIN_DIGITS), text)


def signed(text: str) -> str:
    """A number's text as a person reads it: a negative one starts with the minus sign "−"
    (U+2212), not the hyphen Python writes ("-0,31" -> "−0,31"; the Inside page read
    "(0,234·-1)"). For the window's text; the CLI and its ``--json`` keep the hyphen."""
    return "\u2212" + text[1:] if text.startswith("-") else text


class _NumberFormatter(string.Formatter):
    """``str.format`` whose numeric fields (``{lr:g}``, ``{share:.0%}``, ``{n}``) come out in
    the window language's number format, an exponent as a power of ten ("lr 1×10³⁰", as the
    Train form's field and the Inside page write one; a run's title read "lr 1e+30"); text
    fields (and ``{x!r}``) are left as they are."""

    def format_field(self, value, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            return power_of_ten(localise_number(text))
        return text


_FORMATTER = _NumberFormatter()


def fill(template: str, /, **values) -> str:
    """``template.format(**values)`` with every number in the window language's format (a
    translated template keeps the source's ``{name:spec}`` places)."""
    return _FORMATTER.vformat(template, (), values)


def list_separator() -> str:
    """What separates the numbers of a list or a function's arguments: ``"; "`` where the
    decimal mark is a comma (``max(0; 7,4)``), ``", "`` otherwise."""
    return "; " if _marks is not None and _marks[0] == "," else ", "


def number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals as the window's language writes it (``0,012`` in
    Vietnamese), as Python writes it otherwise; for the numbers charts print."""
    return fmt(float(value), f".{decimals}f")


def grouped(n: int) -> str:
    """A count as the window's language groups its digits (``6.000`` in Vietnamese), with
    Python's ``6,000`` otherwise."""
    return fmt(int(n), ",")


class Message(str):
    """English text (it *is* the ``str``, so the CLI and every caller see the same line as
    before) that remembers its template, marked with ``N_``, and its values, so the window can
    translate the template and fill it in (``localised``). A value may be a Message itself."""

    template: str
    values: dict

    def __new__(cls, template: str, /, **values) -> Message:
        text = super().__new__(cls, template.format(**values))
        text.template, text.values = template, dict(values)
        return text

    def __reduce__(self):  # pickles (a worker process's error) as the English line
        return (str, (str(self),))


#: a count's noun as the window says it, one and many: "1 batch", "97 batches" (the stop's
#: line read "after epoch 6 and 1 batches", fixU). Vietnamese writes the noun once for both
#: ("1 batch", "97 batch"), after the number as English does
COUNT_NOUNS = {
    "batch": (N_("{n:,} batch"), N_("{n:,} batches")),
    "epoch": (N_("{n:,} epoch"), N_("{n:,} epochs")),
    "image": (N_("{n:,} image"), N_("{n:,} images")),
    "mistake": (N_("{n:,} mistake"), N_("{n:,} mistakes")),
    "run": (N_("{n:,} run"), N_("{n:,} runs")),
    "test image": (N_("{n:,} test image"), N_("{n:,} test images")),
}


#: a count's place in an English template and the unit after it: "{n} batches", "{per:,} steps"
_COUNT_PLACE_AND_UNIT = re.compile(
    r"(\{\w+(?::[^{}]*)?\}) (?=(?:optimizer steps?|(?:training |test )?images?|batch(?:es)?"
    r"|epochs?|steps?|points?|runs?|mistakes?)\b)"
)


def counts_joined(template: str) -> str:
    """``template`` with each count's place joined to the unit after it by a no-break space
    ("{n} batches" as one word), so a wrapped hint never ends a line in "40" with "batches" on the
    next. The Vietnamese translations join theirs already ("{n}&#xa0;batch" in the .ts);
    English templates stay plain text for the CLI and the translators."""
    return _COUNT_PLACE_AND_UNIT.sub("\\1\u00a0", template)


def counted(n: int, noun: str) -> Message:
    """The one way a count is said with its noun (of ``COUNT_NOUNS``): "1 batch", "6,000
    images"; a ``Message``, so the window says it in its language (``localised``) and a
    template's value that is one is said so (a coach hint's)."""
    one, many = COUNT_NOUNS[noun]
    return Message(one if n == 1 else many, n=int(n))


class Joined(str):
    """Texts joined by ``sep`` (a failed download's reason per source, "; " between them): the
    English line is the ``str``; ``localised`` says each part in the window's language of the
    moment, so a list kept across a language switch is said in the new one."""

    parts: tuple
    sep: str

    def __new__(cls, parts, sep: str = "; ") -> Joined:
        parts = tuple(parts)
        text = super().__new__(cls, sep.join(str(part) for part in parts))
        text.parts, text.sep = parts, sep
        return text

    def __reduce__(self):  # pickles as the English line, as a Message does
        return (str, (str(self),))


def localised(text) -> str:
    """A ``Message`` in the window's language, its numbers in the language's format (nested
    Messages too), a ``Loss`` as the window writes losses, each part of a ``Joined``; any other
    text as it is."""
    if isinstance(text, Loss):
        return text.shown()
    if isinstance(text, Joined):
        return text.sep.join(localised(part) for part in text.parts)
    if not isinstance(text, Message):
        return text
    return fill(shown(text.template), **{k: localised(v) for k, v in text.values.items()})


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: set by nndesk.ui.language while a language other than English is installed:
#: (local date-time, its time text, whether the year is shown) -> the date and time in it
_moments = None


def moment_text(
    when: datetime, *, seconds: bool = False, day: bool | None = None, now: datetime | None = None
) -> str:
    """A date-time as a person reads it in the window, in the computer's time zone: the time
    alone on the day it is (``now``, by default the clock's), else a short date and the time,
    "03 Dec 03:31" ("03:31 ngày 03/12" in Vietnamese), with the year when it is another year.
    ``seconds`` adds the seconds; ``day`` True or False shows or leaves out the date whatever
    the day. A naive ``when`` is taken as UTC (nndesk stamps runs in UTC). Its spaces are
    no-break ones: a headline broke "lúc 03 thg" / "12 03:04" across two lines."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    local = when.astimezone()
    today = (now.astimezone() if now is not None else datetime.now().astimezone()).date()
    time = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    if not (day if day is not None else local.date() != today):
        return time
    year = local.year != today.year
    if _moments is not None:
        text = _moments(local, time, year)
    else:
        date = f"{local.day:02d} {_MONTHS[local.month - 1]}" + (f" {local.year}" if year else "")
        text = f"{date} {time}"
    return text.replace(" ", "\u00a0")


def translating() -> bool:
    """Whether the window installed a language other than English."""
    return _display is not None


def set_display(translate_text, marks: tuple[str, str] | None = None, moments=None) -> None:
    """``translate_text(text) -> str``, the language's ``(decimal mark, group separator)`` and
    its way to write a date and time (see ``_moments``), or None for English
    (``nndesk.ui.language``)."""
    global _display, _marks, _moments
    _display = translate_text
    _marks = marks if translate_text is not None else None
    _moments = moments if translate_text is not None else None


def ts_path(code: str) -> Path:
    """The translation source of language ``code`` (e.g. ``nndesk_vi.ts``)."""
    return TRANSLATIONS_DIR / f"nndesk_{code}.ts"


def qm_path(code: str) -> Path:
    """The compiled translation of language ``code`` (e.g. ``nndesk_vi.qm``)."""
    return TRANSLATIONS_DIR / f"nndesk_{code}.qm"


def translated_languages() -> list[str]:
    """Codes of the languages with a translation file, besides English."""
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


_ts_cache: dict[str, dict[tuple[str, str], str]] = {}


def ts_translations(code: str) -> dict[tuple[str, str], str]:
    """``(context, English) -> translation`` of language ``code``, read from its ``.ts`` file
    without Qt (for Qt-free modules that write in a language: exported code names Fashion's
    classes and the settings as the window does). Unfinished or empty translations are left
    out; an unknown language or a missing file gives ``{}``."""
    if code not in _ts_cache:
        import xml.etree.ElementTree as ET

        table: dict[tuple[str, str], str] = {}
        path = ts_path(code)
        if code != SOURCE_LANGUAGE and path.is_file():
            for context in ET.parse(path).getroot().iter("context"):
                name = context.findtext("name") or ""
                for message in context.iter("message"):
                    node = message.find("translation")
                    if node is None or node.get("type") in ("unfinished", "obsolete"):
                        continue
                    if node.text:
                        table[(name, message.findtext("source") or "")] = node.text
        _ts_cache[code] = table
    return _ts_cache[code]
