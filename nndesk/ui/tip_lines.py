"""A button's long plain-text tooltip shown in lines of about ``LINE_CHARACTERS`` characters.

Qt breaks a plain-text tooltip only when it is wider than the screen: "Apply to run"'s one
line ran some 1,000 px across a 1280 px screen (walk72 F6), where a line of about 60
characters is what a student reads in one go. The tooltip kept (``toolTip()``, what What's
This and the tests read) is the widget's own; only the one shown is broken into lines.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QToolTip

from nndesk.ui.app_events import app_events

#: Characters a tooltip's line holds at most (a word longer than that keeps its line)
LINE_CHARACTERS = 60


def in_lines(tip: str, width: int = LINE_CHARACTERS) -> str:
    """``tip`` in lines of at most ``width`` characters, broken between words; a tip already
    in lines, rich text, or short enough: as it is."""
    if len(tip) <= width or "\n" in tip or Qt.mightBeRichText(tip):
        return tip
    return textwrap.fill(tip, width, break_long_words=False, break_on_hyphens=False)


def _on_tooltip(obj: QObject, event: QEvent) -> bool:
    if not isinstance(obj, QAbstractButton):
        return False
    tip = obj.toolTip()
    shown = in_lines(tip)
    if shown == tip:
        return False  # Qt shows it as usual
    QToolTip.showText(event.globalPos(), shown, obj)
    return True


def install(app: QApplication | None = None) -> None:
    """Show buttons' long tooltips in lines, in ``app`` (default: the running one), once."""
    app_events(app).handle(QEvent.Type.ToolTip, _on_tooltip)
