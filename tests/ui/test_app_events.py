"""The application's one event filter answers an event by its class where no watched kind
arrives as that class (its kind, costly to ask, not asked): every watched kind still reaches its
handler, made as Qt makes it and as a test sends it by hand."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSpinBox, QVBoxLayout, QWhatsThis, QWidget

from nndesk.ui.app_events import ARRIVES_AS, AppEvents


def test_every_watched_kind_reaches_its_handler_as_qt_and_a_test_make_it(qtbot, qapp):
    seen: dict[QEvent.Type, set[str]] = {kind: set() for kind in ARRIVES_AS}

    def record(obj, event) -> bool:
        seen[event.type()].add(type(event).__name__)
        return False

    events = AppEvents()
    for kind in ARRIVES_AS:
        events.handle(kind, record)
    qapp.installEventFilter(events)
    try:
        holder = QWidget()
        qtbot.addWidget(holder)
        field = QSpinBox(holder)
        QVBoxLayout(holder).addWidget(field)
        holder.show()  # Show, and the spin box's Polish
        with qtbot.waitExposed(holder):
            pass
        holder.activateWindow()  # focus comes into an active window only
        qtbot.waitUntil(holder.isActiveWindow)
        QTest.mouseClick(field, Qt.MouseButton.LeftButton)  # MouseButtonPress, FocusIn
        field.setFocus()
        centre = QPointF(field.rect().center())
        QApplication.sendEvent(
            field,
            QWheelEvent(
                centre,
                centre,
                QPoint(),
                QPoint(0, -120),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            ),
        )
        QWhatsThis.enterWhatsThisMode()  # Qt's own QueryWhatsThis, then WhatsThis at the click
        QTest.mouseClick(field, Qt.MouseButton.LeftButton)
        QWhatsThis.leaveWhatsThisMode()
        here = QPoint(1, 1)
        QApplication.sendEvent(field, QHelpEvent(QEvent.Type.WhatsThis, here, here))
        QApplication.sendEvent(field, QEvent(QEvent.Type.QueryWhatsThis))  # by hand: plain
        QApplication.sendEvent(field, QHelpEvent(QEvent.Type.ToolTip, here, here))
        QApplication.processEvents()
    finally:
        qapp.removeEventFilter(events)
    missed = [kind.name for kind, classes in seen.items() if not classes]
    assert missed == [], f"never reached their handlers: {missed}"
    assert seen[QEvent.Type.QueryWhatsThis] == {"QEvent", "QHelpEvent"}


def test_an_event_of_another_class_is_answered_without_its_handler(qapp):
    """A Paint event (a QPaintEvent, no watched kind's class) is passed on, its kind unasked;
    a kind whose class is not known turns the answer by class off."""
    from PySide6.QtCore import QObject, QRect
    from PySide6.QtGui import QPaintEvent

    called = []
    events = AppEvents()
    events.handle(QEvent.Type.Polish, lambda obj, event: called.append(event) or False)
    assert events.eventFilter(QObject(), QPaintEvent(QRect(0, 0, 1, 1))) is False
    assert events.eventFilter(QObject(), QEvent(QEvent.Type.Polish)) is False
    assert len(called) == 1
    events.handle(QEvent.Type.Paint, lambda obj, event: called.append(event) or True)
    assert events.eventFilter(QObject(), QPaintEvent(QRect(0, 0, 1, 1))) is True
