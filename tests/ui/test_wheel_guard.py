"""The mouse wheel scrolls the Train settings instead of changing the field under the pointer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from nndesk.ui import wheel_guard


def wheel(widget, notches: int = -1) -> None:
    """A real wheel event (``notches`` clicks; negative scrolls down) at the widget's centre."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def train_settings(desk):
    """The Train page shown small enough that its settings form scrolls."""
    desk.window.tabs.setCurrentWidget(desk.train_page)
    desk.window.resize(1024, 560)
    return desk.train_page.settings


def first_visible(scroll, kind):
    return next(w for w in scroll.widget().findChildren(kind) if w.isVisible() and w.isEnabled())


def test_the_wheel_over_an_unfocused_combo_scrolls_the_form_and_keeps_its_choice(
    qtbot, window_factory
):
    desk = window_factory()
    scroll = train_settings(desk)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    combo = first_visible(scroll, QComboBox)
    before_index, before_scroll = combo.currentIndex(), scroll.verticalScrollBar().value()
    assert not combo.hasFocus()

    wheel(combo, -1)

    assert combo.currentIndex() == before_index
    assert scroll.verticalScrollBar().value() > before_scroll


def test_the_wheel_over_an_unfocused_spin_box_leaves_its_value(qtbot, window_factory):
    desk = window_factory()
    scroll = train_settings(desk)
    spin = first_visible(scroll, QSpinBox)
    before = spin.value()

    wheel(spin, 1)
    wheel(spin.lineEdit(), 1)  # the text part of the spin box, as under a real pointer

    assert spin.value() == before


def test_a_spin_box_clicked_into_takes_the_wheel(qtbot, window_factory):
    desk = window_factory()
    window = desk.window
    scroll = train_settings(desk)
    spin = first_visible(scroll, QSpinBox)
    spin.setValue(spin.minimum())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(spin.hasFocus)

    wheel(spin, 1)

    assert spin.value() == spin.minimum() + spin.singleStep()


@pytest.mark.parametrize(
    "reason", [Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason]
)
def test_a_field_reached_with_tab_scrolls_the_form_and_keeps_its_choice(
    qtbot, window_factory, reason
):
    # walk qa39: Epochs typed, Tab, then the wheel to scroll on turned Schedule (the next
    # field, focused by the Tab) into "step decay" under the pointer
    desk = window_factory()
    window = desk.window
    scroll = train_settings(desk)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    combo = first_visible(scroll, QComboBox)
    before_index, before_scroll = combo.currentIndex(), scroll.verticalScrollBar().value()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    combo.setFocus(reason)  # as Qt's Tab handling gives it
    qtbot.waitUntil(combo.hasFocus)

    wheel(combo, -1)

    assert combo.currentIndex() == before_index
    assert scroll.verticalScrollBar().value() > before_scroll
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # clicked into: the wheel is its now
    combo.hidePopup()
    assert wheel_guard.takes_the_wheel(combo)


def test_fields_do_not_take_focus_from_the_wheel(window_factory):
    desk = window_factory()
    window = desk.window
    fields = [w for w in window.findChildren(QComboBox) + window.findChildren(QSpinBox)]
    assert fields
    assert all(w.focusPolicy() != Qt.FocusPolicy.WheelFocus for w in fields)
    assert all(wheel_guard.is_guarded(w) for w in fields)


def test_the_wheel_over_the_confusion_matrix_scrolls_the_evaluate_page(qtbot, window_factory):
    desk = window_factory()
    desk.window.tabs.setCurrentWidget(desk.evaluate_page)
    desk.window.resize(1024, 560)
    scroll = desk.evaluate_page.scroll
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    before = scroll.verticalScrollBar().value()

    wheel(desk.evaluate_page.confusion.canvas, -1)

    assert scroll.verticalScrollBar().value() > before


def test_the_wheel_guard_and_whats_this_share_one_application_filter(qapp):
    """A Python application filter costs an interpreter call per event of the whole app: two
    of them took about half of a language switch's GUI time."""
    from PySide6.QtCore import QEvent, QObject

    from nndesk.ui import whats_this
    from nndesk.ui.app_events import app_events

    events = wheel_guard.install(qapp)
    assert whats_this.install(qapp) is events is app_events(qapp)
    for kind in (QEvent.Type.Polish, QEvent.Type.Wheel, QEvent.Type.WhatsThis):
        assert events.handler(kind) is not None
    assert events.handler(QEvent.Type.Paint) is None
    assert events.eventFilter(QObject(), QEvent(QEvent.Type.Paint)) is False
