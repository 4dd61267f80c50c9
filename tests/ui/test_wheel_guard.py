"""The mouse wheel scrolls the Train settings instead of changing the field under the pointer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
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


def real_wheel(window, widget, notches: int = -1) -> None:
    """``notches`` of a real mouse wheel at the widget's centre, delivered as Qt delivers a
    wheel from the window system: to the widget under the pointer, then up its parents until
    one takes it (spontaneous, unlike ``wheel``)."""
    centre = widget.mapTo(window, widget.rect().center())
    at(window, centre, notches)


def at(window, point: QPoint, notches: int = -1) -> None:
    """One wheel event per notch at ``point`` (window coordinates), as the window system sends."""
    for _ in range(abs(notches)):
        step = 120 if notches > 0 else -120
        QTest.wheelEvent(window.windowHandle(), QPointF(point), QPoint(0, step))
        QApplication.processEvents()


def choose_from_list(qtbot, combo: QComboBox, data: str) -> None:
    """Click ``combo`` open, point at the item holding ``data`` in its list and take it.

    Taken with Return: Qt ignores a release in the list for a double-click interval after it
    opens, and a test waits on conditions, not on the clock."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(combo.findData(data), 0)
    view.scrollTo(index)
    QTest.mouseMove(view.viewport(), view.visualRect(index).center())
    qtbot.waitUntil(lambda: view.currentIndex() == index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible() and combo.currentData() == data)
    qtbot.waitUntil(combo.hasFocus)  # focus comes back to the box from its list


def active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def race_page_that_scrolls(qtbot, window_factory):
    """A window at 1024x560 on the Train page's Race tab, active, once that tab scrolls down:
    the window, the Train page and the Race tab's vertical scroll bar."""
    desk = window_factory()
    window = desk.window
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    window.resize(1024, 560)
    page.tabs.setCurrentWidget(page.race_page)
    bar = page.race_page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    active(qtbot, window)
    return window, page, bar


def train_settings(qtbot, desk):
    """The Train page shown small enough that its settings form scrolls, once the look at the
    data (off the GUI thread) has answered: its banner, coming later under load, moved the
    fields between the test finding one and wheeling over it."""
    desk.window.tabs.setCurrentWidget(desk.train_page)
    desk.window.resize(1024, 560)
    qtbot.waitUntil(desk.train_page.data_check.answered)
    QApplication.processEvents()  # the banner's place is laid out
    return desk.train_page.settings


def first_visible(scroll, kind):
    return next(w for w in scroll.widget().findChildren(kind) if w.isVisible() and w.isEnabled())


def test_the_wheel_over_an_unfocused_combo_scrolls_the_form_and_keeps_its_choice(
    qtbot, window_factory
):
    desk = window_factory()
    scroll = train_settings(qtbot, desk)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    combo = first_visible(scroll, QComboBox)
    before_index, before_scroll = combo.currentIndex(), scroll.verticalScrollBar().value()
    assert not combo.hasFocus()

    wheel(combo, -1)

    assert combo.currentIndex() == before_index
    assert scroll.verticalScrollBar().value() > before_scroll


def test_the_wheel_over_an_unfocused_spin_box_leaves_its_value(qtbot, window_factory):
    desk = window_factory()
    scroll = train_settings(qtbot, desk)
    spin = first_visible(scroll, QSpinBox)
    before = spin.value()

    wheel(spin, 1)
    wheel(spin.lineEdit(), 1)  # the text part of the spin box, as under a real pointer

    assert spin.value() == before


def test_a_spin_box_clicked_into_takes_the_wheel(qtbot, window_factory):
    desk = window_factory()
    window = desk.window
    scroll = train_settings(qtbot, desk)
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
    scroll = train_settings(qtbot, desk)
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
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # a click opens its list ...
    combo.hidePopup()
    assert not wheel_guard.takes_the_wheel(combo)  # ... and the list, not the wheel, sets it


def test_a_preset_chosen_from_its_list_never_changes_under_the_wheel(qtbot, window_factory):
    # walk49 D1: mnist-gd chosen from the Preset list, the page scrolled down with the wheel
    # and back up: the notch that brought the box under the pointer made it
    # fashion-prelu-l2-plus and refilled every field
    desk = window_factory()
    window = desk.window
    scroll = train_settings(qtbot, desk)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    active(qtbot, window)
    preset = desk.train_page.form.preset
    choose_from_list(qtbot, preset, "mnist-gd")
    bar = scroll.verticalScrollBar()
    on_preset = preset.mapTo(window, preset.rect().center())

    at(window, on_preset, -1)  # the pointer still on the box: the page scrolls
    assert preset.currentData() == "mnist-gd"
    assert bar.value() > 0
    at(window, on_preset + QPoint(0, 150), -2)  # further down, lower in the form
    for _ in range(4):  # and back up where the box comes back under the pointer
        at(window, on_preset, 1)
        assert preset.currentData() == "mnist-gd"
    assert bar.value() == 0
    assert preset.hasFocus()  # the box still has the keyboard; only the wheel passed it by


def test_a_spin_box_clicked_into_gives_up_the_wheel_once_the_page_scrolls(qtbot, window_factory):
    # Epochs typed, the page scrolled from elsewhere and back: Epochs came under the pointer
    # and the next notch changed it
    desk = window_factory()
    window = desk.window
    scroll = train_settings(qtbot, desk)
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    active(qtbot, window)
    epochs = desk.train_page.form._editors["epochs"].widget
    bar.setValue(bar.maximum())  # Epochs in view, near the page's foot
    epochs.setValue(3)
    qtbot.mouseClick(epochs.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(epochs.hasFocus)
    real_wheel(window, epochs, 1)  # clicked into: the wheel is its
    assert epochs.value() == 4
    elsewhere = epochs.mapTo(window, epochs.rect().center()) + QPoint(0, 60)

    at(window, elsewhere, 1)  # the pointer moved off it: the page scrolls up ...
    assert bar.value() < bar.maximum()
    real_wheel(window, epochs, -1)  # ... and back down when the box comes by
    assert epochs.value() == 4
    assert bar.value() == bar.maximum()


def test_the_wheel_over_a_race_lane_box_chosen_from_its_list_scrolls_the_race_page(
    qtbot, window_factory
):
    # the lanes sit in a strip that scrolls only sideways, inside the page that scrolls down
    window, page, bar = race_page_that_scrolls(qtbot, window_factory)
    box = next(
        w for w in page.race_view.lane_scroll.widget().findChildren(QComboBox) if w.isVisible()
    )
    page.race_page.ensureWidgetVisible(box)
    choose_from_list(qtbot, box, box.itemData(0))
    choice, scrolled_to = box.currentIndex(), bar.value()

    real_wheel(window, box, -1 if scrolled_to < bar.maximum() else 1)

    assert box.currentIndex() == choice
    assert bar.value() != scrolled_to


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


def test_the_wheel_over_the_train_pages_tabs_scrolls_the_page_and_keeps_the_tab(
    qtbot, window_factory
):
    """walk50 D9: a wheel over the Train page's tabs ("Settings / Live / … / Race") switched
    tabs (Settings to Race) and lost the user's place."""
    window, page, bar = race_page_that_scrolls(qtbot, window_factory)
    tab_bar = page.tabs.tabBar()
    before = bar.value()

    real_wheel(window, tab_bar, -1)

    assert page.tabs.currentWidget() is page.race_page
    assert bar.value() > before  # the Race page under the tabs scrolled
    real_wheel(window, tab_bar, 1)
    assert page.tabs.currentWidget() is page.race_page and bar.value() == before
