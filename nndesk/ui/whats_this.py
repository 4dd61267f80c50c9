"""Shift+F1 (Qt's What's This mode) explains any control, falling back to its tooltip.

Controls whose tooltip already says what they do need no second text: in What's This mode a
click on a widget without its own ``whatsThis`` shows its tooltip (or the nearest parent's) as
the explanation. A widget given a longer ``setWhatsThis`` shows that instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget


def explanation(widget: QWidget | None) -> str:
    """The text What's This shows for ``widget``: its own, else its tooltip, else a parent's."""
    while widget is not None:
        text = widget.whatsThis() or widget.toolTip()
        if text:
            return text
        widget = widget.parentWidget()
    return ""


class TooltipWhatsThis(QObject):
    """Application event filter answering What's This queries from tooltips."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.QueryWhatsThis, QEvent.Type.WhatsThis):
            return False
        if not isinstance(obj, QWidget) or obj.whatsThis():
            return False  # Qt shows the widget's own text
        text = explanation(obj)
        if not text:
            return False
        if kind == QEvent.Type.WhatsThis and isinstance(event, QHelpEvent):
            QWhatsThis.showText(event.globalPos(), text, obj)
        event.accept()
        return True


_filter: TooltipWhatsThis | None = None


def install(app: QApplication | None = None) -> TooltipWhatsThis:
    """Install the fallback on ``app`` (default: the running QApplication) once."""
    global _filter
    app = app or QApplication.instance()
    if _filter is None or _filter.parent() is not app:
        _filter = TooltipWhatsThis(app)
        app.installEventFilter(_filter)
    return _filter
