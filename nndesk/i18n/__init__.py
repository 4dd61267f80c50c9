"""The window's languages: the Qt translation files beside this module, and the no-op marker.

Qt-free on purpose: Qt-free modules the CLI imports (presets, the dataset registry, the settings
schema) mark the strings the window shows with ``QT_TRANSLATE_NOOP("Context", "text")``, which
returns ``text`` unchanged (the CLI stays English) and tells ``pyside6-lupdate`` to extract it; the
window translates it when it shows it, with ``QCoreApplication.translate("Context", text)``.

``nndesk_<code>.ts`` holds the translations (edit these), ``nndesk_<code>.qm`` their compiled form
(``python -m tools.translations`` makes both); see the README's "Languages" section.
"""

from __future__ import annotations

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
_number = None  # set with it: (value, decimals) -> text in the language's number format


def shown(text: str) -> str:
    """``text``, marked with ``N_`` where it is written, in the window's language once the
    window has installed one; as it is otherwise (the CLI, scripts, notebooks stay English).
    Chart titles and axis labels drawn by the Qt-free ``viz`` and ``curves`` go through it."""
    return _display(text) if _display is not None else text


def number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals as the window's language writes it (``0,012`` in
    Vietnamese), as Python writes it otherwise; for the numbers charts print."""
    if _number is not None:
        return _number(value, decimals)
    return f"{float(value):.{decimals}f}"


def grouped(n: int) -> str:
    """A count as the window's language groups its digits (``6.000`` in Vietnamese), with
    Python's ``6,000`` otherwise."""
    if _number is not None:
        return _number(int(n), 0)
    return f"{int(n):,}"


def translating() -> bool:
    """Whether the window installed a language other than English."""
    return _display is not None


def set_display(translate_text, format_number=None) -> None:
    """``translate_text(text) -> str`` and ``format_number(value, decimals) -> str``, or None
    for English (``nndesk.ui.language``)."""
    global _display, _number
    _display, _number = translate_text, format_number


def ts_path(code: str) -> Path:
    """The translation source of language ``code`` (e.g. ``nndesk_vi.ts``)."""
    return TRANSLATIONS_DIR / f"nndesk_{code}.ts"


def qm_path(code: str) -> Path:
    """The compiled translation of language ``code`` (e.g. ``nndesk_vi.qm``)."""
    return TRANSLATIONS_DIR / f"nndesk_{code}.qm"


def translated_languages() -> list[str]:
    """Codes of the languages with a translation file, besides English."""
    return [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
