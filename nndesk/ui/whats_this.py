"""Shift+F1 (Qt's What's This mode) explains any control, falling back to its tooltip.

Controls whose tooltip already says what they do need no second text: in What's This mode a
click on a widget without its own ``whatsThis`` shows its tooltip (or the nearest parent's) as
the explanation. A widget given a longer ``setWhatsThis`` shows that instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget

from nndesk.ui.app_events import AppEvents, app_events


def explanation(widget: QWidget | None) -> str:
    """The text What's This shows for ``widget``: its own, else its tooltip, else a parent's."""
    while widget is not None:
        text = widget.whatsThis() or widget.toolTip()
        if text:
            return text
        widget = widget.parentWidget()
    return ""


def _on_query(obj: QObject, event: QEvent) -> bool:
    """Answer What's This for a widget without its own text from its tooltip (or a parent's)."""
    if not isinstance(obj, QWidget) or obj.whatsThis():
        return False  # Qt shows the widget's own text
    text = explanation(obj)
    if not text:
        return False
    if event.type() == QEvent.Type.WhatsThis and isinstance(event, QHelpEvent):
        QWhatsThis.showText(event.globalPos(), text, obj)
    event.accept()
    return True


def install(app: QApplication | None = None) -> AppEvents:
    """Install the fallback on ``app`` (default: the running QApplication) once."""
    events = app_events(app)
    events.handle(QEvent.Type.QueryWhatsThis, _on_query)
    events.handle(QEvent.Type.WhatsThis, _on_query)
    return events
