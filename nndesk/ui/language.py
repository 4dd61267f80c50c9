"""Which language the window speaks: its QTranslator, and numbers in that language's format.

``use_language(code)`` installs ``nndesk/i18n/nndesk_<code>.qm`` (and Qt's own translation of its
dialog buttons when the Qt install carries one) and makes ``QLocale(code)`` the default, so
``percent`` / ``decimal`` and every spin box write ``87,2%`` in Vietnamese and ``87.2%`` in
English. Widgets translate their strings with ``translate("Context", "text")``, the call
``pyside6-lupdate`` extracts (``python -m tools.translations``).
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from nndesk import i18n
from nndesk.i18n import LANGUAGES, SOURCE_LANGUAGE, qm_path

#: ``translate("Context", "source text")`` -> the text in the window's language (lupdate knows
#: this name; the first two arguments must be string literals for it to extract them).
translate = QCoreApplication.translate

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
_original_locale: QLocale | None = None  # the default locale before nndesk changed it


def resolve_language(preference: str, ui_languages: list[str]) -> str:
    """The language to use: ``preference`` if it is one nndesk has, else ("system") the first
    of the system's ``ui_languages`` (e.g. ``["vi-VN", "en-US"]``) that nndesk has, else English.
    """
    if preference in LANGUAGES:
        return preference
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def system_ui_languages() -> list[str]:
    """The system's languages for the window, in the user's order of preference."""
    return QLocale.system().uiLanguages()


def current_language() -> str:
    """The code of the language installed by the last ``use_language`` ("en" before any)."""
    return _current


def load_translator(code: str) -> QTranslator | None:
    """A QTranslator holding language ``code``'s compiled translation, or None (English, or a
    missing file)."""
    if code == SOURCE_LANGUAGE or code not in LANGUAGES:
        return None
    translator = QTranslator()
    return translator if translator.load(str(qm_path(code))) else None


def _translate_unmarked(text: str) -> str:
    return QCoreApplication.translate("", text)


def translate_marked(context: str, text: str) -> str:
    """``text``, marked with ``QT_TRANSLATE_NOOP(context, text)`` where it is written (a class
    name, a preset's description), in the window's language."""
    return QCoreApplication.translate(context, text)


def class_names_shown(names) -> tuple[str, ...]:
    """Class names as the window shows them: Fashion-MNIST's in the window's language (marked
    in ``nndesk.data.registry``), digits and a model's own names as they are."""
    return tuple(QCoreApplication.translate("Classes", str(name)) for name in names)


def translate_in(code: str, context: str, text: str) -> str:
    """``text`` in language ``code`` whichever language is installed (the restart question is
    asked in the language chosen); ``text`` itself when ``code`` has no translation of it."""
    translator = load_translator(code)
    return (translator.translate(context, text) if translator else "") or text


def use_language(code: str) -> str:
    """Install language ``code`` in the running QCoreApplication; returns the code in use
    (English when ``code`` is unknown or its file cannot be read)."""
    global _current, _original_locale
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("use_language needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = load_translator(code)
    if translator is None:
        code = SOURCE_LANGUAGE
    else:
        _installed.append(translator)
        qt_own = QTranslator()  # Qt's own words (OK, Cancel, Yes) when Qt ships them
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(code), "qtbase", "_", folder):
            _installed.append(qt_own)
    for item in _installed:
        app.installTranslator(item)
    if _original_locale is None:
        _original_locale = QLocale()
    QLocale.setDefault(_english_locale() if code == SOURCE_LANGUAGE else QLocale(code))
    # the Qt-free chart modules mark their words with N_ (context "") and ask i18n.shown
    if code == SOURCE_LANGUAGE:
        i18n.set_display(None)
    else:
        locale = QLocale()
        marks = (locale.decimalPoint(), locale.groupSeparator())
        i18n.set_display(_translate_unmarked, marks, _date_and_time)
    _current = code
    return code


def _english_locale() -> QLocale:
    """The default locale for the English window: the desktop's when it is an English one (its
    own territory), else plain English. English words beside a Vietnamese desktop's "1,00" in
    the spin boxes would mix two decimal marks in one window, as ``decimal`` writes ``1.00``."""
    if _original_locale is not None and _original_locale.language() == QLocale.Language.English:
        return _original_locale
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _date_and_time(local: datetime, time: str, year: bool) -> str:
    """``i18n.moment_text``'s date and ``time`` in the window's language: the date in the
    translation's own pattern (Qt's ``dd/MM`` in Vietnamese, read "03:31 ngày 03/12"; the
    month's name in a language that writes it)."""
    pattern = translate("Dates", "dd MMM yyyy") if year else translate("Dates", "dd MMM")
    date = QLocale().toString(QDate(local.year, local.month, local.day), pattern)
    return translate("Dates", "{date} {time}").format(date=date, time=time)


def decimal(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals in the window's language (``0,4887`` in Vietnamese;
    English writes Python's ``0.4887`` whatever the desktop's locale)."""
    return i18n.fmt(float(value), f".{decimals}f")


def integer(value: int) -> str:
    """A count in the window's language (``10.000`` in Vietnamese, ``10,000`` in English)."""
    return i18n.fmt(int(value), ",")


#: a count, then a space and the word it counts ("10,000 images")
_COUNT_AND_WORD = re.compile(r"(\d) (?=[^\W\d_])")


def counts_whole(text: str) -> str:
    """``text`` with each count joined to the word after it by a no-break space, so a line
    never ends in "10,000" with "images" on the next (the Vietnamese translations hold one
    already; the English sources are plain text)."""
    return _COUNT_AND_WORD.sub("\\1\u00a0", text)


#: a hyphen inside a word ("Fashion-MNIST", "fashion-mlp-lab")
_HYPHEN_IN_WORD = re.compile(r"(?<=\w)-(?=\w)")


def hyphens_whole(text: str) -> str:
    """``text`` with a word joiner (U+2060, drawn as nothing) after each hyphen inside a word:
    Qt may end a line after a hyphen, and the Evaluate page's subtitle read "tra Fashion-" /
    "MNIST:" (walk72 F10)."""
    return _HYPHEN_IN_WORD.sub("-\u2060", text)


def shape(dims) -> str:
    """An array shape as a person writes it: ``(128)``, ``(32×13×13)``, not ``(128,)``."""
    return "(" + "×".join(str(int(n)) for n in dims) + ")"


def percent(fraction: float, decimals: int = 1) -> str:
    """``fraction`` (0.872) as a percentage in the window's language: ``87.2%`` / ``87,2%``."""
    return decimal(100.0 * float(fraction), decimals) + "%"


def margin_points(p_top: float, p_second: float, decimals: int = 1) -> float:
    """The margin between two shares (fractions of one 100 %) in percentage points, as the two
    figures ``percent(..., decimals)`` writes subtract: "99.4%" and "0.5%" are 98.9 points
    apart, though the exact margin rounds to 98.8. The one margin the canvas's runner-up line
    and the Why page both say (walk66 #7; walk69 D2: 98.9 on one beside 98.8 on the other)."""

    def shown(fraction: float) -> float:
        return float(f"{100.0 * float(fraction):.{decimals}f}")

    return round(shown(p_top) - shown(p_second), decimals)


#: Decimals of every accuracy the window writes (one image of 10,000 is 0.01%; the tenth is
#: what tells two models apart, and the Evaluate page counts the mistakes exactly beside it)
ACCURACY_DECIMALS = 1


def accuracy_text(fraction: float | None) -> str:
    """An accuracy (a fraction) as every page writes it, ``85.8%`` / ``85,8%``; "—" when
    there is none. One rule: the status bar said "85,78%" beside the banner's "85,8%"."""
    if fraction is None or not math.isfinite(fraction):
        return "—"
    return percent(fraction, ACCURACY_DECIMALS)


def model_file_stem(facts) -> str:
    """The name a Save model dialog proposes for a model of ``facts`` (a
    ``model_labels.ModelFacts``), its words in the window's language: a Vietnamese window
    proposed "mnist_784-784-10_untested.npz" (s62), as the exported curves' names already
    are ("…_phân kỳ-đường-cong.png"). The dialog makes any character a file name cannot hold
    anywhere a "-" (``save_place.save_start``)."""
    return facts.file_stem(
        untested=translate("MainWindow", "untested"), unnamed=translate("MainWindow", "model")
    )


#: every loss the window writes: "0,4887", "3,51×10⁹" (``i18n.loss_text``)
loss_text = i18n.loss_text


#: ``fill(template, **values)``: ``template.format`` with its numbers in the window's language;
#: ``fmt(value, spec)``: one number so (``i18n``: the one place numbers are localised)
fill, fmt = i18n.fill, i18n.fmt
