"""The mouse wheel scrolls forms; it never changes a field the user has not clicked into.

Qt's spin boxes, combo boxes and sliders take the wheel even without focus, so scrolling down the
Train settings turned Activation into PReLU on the way. One filter on the QApplication fixes every
page at once, including fields built later (the settings form is generated from a schema); it
watches the application's events through ``app_events``:

- every such widget gets ``Qt.StrongFocus`` when it is polished, so the wheel no longer focuses it;
- a wheel event over one that does not have focus never reaches it: the guard hands it to the
  nearest enclosing scroll area, which scrolls. Once clicked (focused by the mouse), the wheel
  changes it as usual; a field reached with Tab does not take the wheel (typing Epochs, Tab,
  then scrolling on turned Schedule into "step decay" under the pointer);
- a combo box never takes it: a click opens its list, and the list is where it is chosen. The
  Preset box, chosen from its list, kept the wheel after the list closed, and the page scrolled
  back under the pointer made it another preset and refilled every field (walk49);
- once the page scrolls, the field clicked into gives the wheel up until it is clicked again:
  a scroll that starts as the page's stays the page's when a field comes under the pointer;
- a tab bar never takes it (Qt's switches tabs: the wheel over the Train page's tabs jumped
  from Settings to Race, walk50 D9): the page shown under it scrolls, if it scrolls;
- a chart (a matplotlib canvas, or a widget showing a chart's picture and marked with the
  ``CHART`` property) has no use for the wheel but would swallow it, so a wheel over a chart
  scrolls the page around it too.

The hand-over is explicit rather than "ignore and let Qt propagate" because Qt propagates only
spontaneous wheel events; explicit delivery behaves the same for a real wheel and a test's event.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDial,
    QScrollBar,
    QSlider,
    QTabBar,
    QTabWidget,
    QWidget,
)

from nndesk.ui.app_events import AppEvents, app_events

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)
#: the dynamic property that says a field was last focused by a click: only then is the wheel its
CLICKED = "nndeskClickedInto"
#: focus that comes back to a field after a popup, a menu or another window keeps what it was
KEEPS_CLICK = (
    Qt.FocusReason.PopupFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.MenuBarFocusReason,
)


#: A widget property: the widget shows a chart's picture and, like a matplotlib canvas, has no
#: use for the wheel (``confusion_view.MatrixCanvas``)
CHART = "nndeskChart"


def is_guarded(widget: QObject) -> bool:
    """Spin boxes, combo boxes and sliders; scroll bars exist to take the wheel, so not those."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def _guarded_owner(obj: QObject) -> QWidget | None:
    """The guarded widget ``obj`` belongs to: itself, or the spin box around its line edit."""
    if is_guarded(obj):
        return obj  # type: ignore[return-value]
    parent = obj.parent() if isinstance(obj, QWidget) else None
    return parent if parent is not None and is_guarded(parent) else None


def _enclosing_scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def _on_polish(obj: QObject, event: QEvent) -> bool:
    if is_guarded(obj):
        _strong_focus(obj)  # type: ignore[arg-type]
    return False


def _on_focus_in(obj: QObject, event: QEvent) -> bool:
    owner = _guarded_owner(obj)
    reason = event.reason()  # type: ignore[attr-defined]
    if owner is not None and reason not in KEEPS_CLICK:
        owner.setProperty(CLICKED, reason == Qt.FocusReason.MouseFocusReason)
    return False


def _on_mouse_press(obj: QObject, event: QEvent) -> bool:
    owner = _guarded_owner(obj)  # a click on a field that had focus already (from a Tab)
    if owner is not None:
        owner.setProperty(CLICKED, True)
    return False


def takes_the_wheel(widget: QWidget) -> bool:
    """Whether a guarded ``widget`` takes the wheel: it has focus, given by a click, and is not
    a combo box chosen from a list."""
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return False
    return widget.hasFocus() and bool(widget.property(CLICKED))


def _give_up_the_wheel() -> None:
    """The field clicked into no longer takes the wheel: the page scrolled under the pointer."""
    focused = QApplication.focusWidget()
    owner = _guarded_owner(focused) if focused is not None else None
    if owner is not None and owner.property(CLICKED):
        owner.setProperty(CLICKED, False)


def _on_wheel(obj: QObject, event: QEvent) -> bool:
    if not isinstance(obj, QWidget):
        return False  # the window, before Qt finds the widget under the pointer
    owner = _guarded_owner(obj)
    if owner is not None and takes_the_wheel(owner):
        return False  # clicked into: the wheel is the field's
    _give_up_the_wheel()  # anything else under the pointer: this wheel scrolls the page
    if isinstance(obj, QTabBar):
        area = _page_under(obj)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True  # the tab shown stays the one the user chose
    if owner is None and (isinstance(obj, FigureCanvasQTAgg) or obj.property(CHART)):
        owner = obj
    if owner is None:
        return False
    area = _enclosing_scroll_area(owner)
    if area is not None:
        QApplication.sendEvent(area.viewport(), event)
    return True  # the field (or chart) never sees it


def _page_under(bar: QTabBar) -> QAbstractScrollArea | None:
    """What a wheel over ``bar`` scrolls: the page shown under it when that page scrolls (the
    Train page's Race and Replay tabs), else the scroll area around the bar."""
    tabs = bar.parentWidget()
    page = tabs.currentWidget() if isinstance(tabs, QTabWidget) else None
    if isinstance(page, QAbstractScrollArea):
        return page
    return _enclosing_scroll_area(bar)


def _strong_focus(widget: QWidget) -> None:
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


#: the guarded classes a window is searched for (``guard_children``): a slider is a QSlider or a
#: QDial, the other QAbstractSlider being the scroll bar, which is not guarded and which asked
#: for would wrap every scroll bar Qt made inside the window (see tests/conftest.py's
#: ``_closed_widgets_deleted_by_qt`` for what such wrappers did)
_SEARCHED = (QAbstractSpinBox, QComboBox, QSlider, QDial)


def guard_children(root: QWidget) -> None:
    """Give ``root``'s guarded widgets their strong focus now: for a window built while the
    application's event filter was paused (``app.desk.build_window``), whose widgets polished
    then were not seen. Those polished later are seen as before."""
    for kind in _SEARCHED:
        for widget in root.findChildren(kind):
            _strong_focus(widget)


def install(app: QApplication | None = None) -> AppEvents:
    """Guard ``app`` (default: the running QApplication); returns its event filter."""
    events = app_events(app)
    if events.handler(QEvent.Type.Wheel) is not _on_wheel:
        events.handle(QEvent.Type.Polish, _on_polish)
        events.handle(QEvent.Type.Wheel, _on_wheel)
        events.handle(QEvent.Type.FocusIn, _on_focus_in)
        events.handle(QEvent.Type.MouseButtonPress, _on_mouse_press)
        for widget in (app or QApplication.instance()).allWidgets():  # polished already
            if is_guarded(widget):
                _strong_focus(widget)
    return events
