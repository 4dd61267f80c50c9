"""Every page by keyboard alone: forward Tab gets into the page shown, and a key switches pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _page_index(window, title: str) -> int:
    return next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == title)


def _focused_after_tabs(qtbot, start, presses: int) -> list:
    """The focus widget after each of ``presses`` Tab presses, starting from ``start``."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_forward_tab_leaves_the_not_sure_box_and_reaches_the_page_shown(qtbot, window_factory):
    # walk52 #1: from "Not sure below" forward Tab went nowhere (the page stack took the stop
    # and handed it to its hidden tab bar), so Train's controls were out of reach
    desk = window_factory()
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tabs.setCurrentIndex(_page_index(window, "Train"))
    page = window.tabs.currentWidget()
    spin = window.prediction_panel.not_sure_spin

    seen = _focused_after_tabs(qtbot, spin, 40)

    assert seen[0] is not spin
    inside = [w for w in seen if w is not None and page.isAncestorOf(w)]
    assert inside, [type(w).__name__ for w in seen]
    assert window.tabs.currentIndex() == _page_index(window, "Train")


def test_ctrl_page_down_and_ctrl_tab_switch_pages_from_any_control(qtbot, window_factory):
    desk = window_factory()
    window = desk.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    spin = window.prediction_panel.not_sure_spin  # a spin box takes PgUp/PgDown for itself
    spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is spin)
    window.tabs.setCurrentIndex(0)
    count = window.tabs.count()
    value = spin.value()
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier

    qtbot.keyClick(spin, Qt.Key.Key_PageDown, ctrl)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(spin, Qt.Key.Key_Tab, ctrl)
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(spin, Qt.Key.Key_PageUp, ctrl)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(spin, Qt.Key.Key_Backtab, ctrl | shift)  # Shift+Tab as X11 sends it
    assert window.tabs.currentIndex() == 0
    qtbot.keyClick(spin, Qt.Key.Key_PageUp, ctrl)  # before the first page: the last
    assert window.tabs.currentIndex() == count - 1
    assert spin.value() == value  # the keys went to the pages, not to the box


def test_the_shortcut_list_names_the_page_keys(qtbot, window_factory):
    from nndesk.ui.shortcuts_dialog import ShortcutsDialog

    desk = window_factory()

    desk.window.act_shortcuts.trigger()

    dialog = desk.window.findChild(ShortcutsDialog)
    qtbot.waitUntil(dialog.isVisible)
    shown = [dialog.text()]
    assert "Ctrl+PgDown" in shown[0] and "Next page" in shown[0]
    assert "Ctrl+PgUp" in shown[0] and "Previous page" in shown[0]
    dialog.ok_button.click()
    assert not dialog.isVisible()
