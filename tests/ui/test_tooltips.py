"""Every control says what it does: a tooltip on hover, and Shift+F1 (What's This) on click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QSlider,
    QTabBar,
    QTabWidget,
    QWidget,
)

from nndesk.ui import whats_this

INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit)


def _qt_internal(widget: QWidget) -> bool:
    """Qt's own helpers (table corner, tab-bar scroll arrows, overflow buttons)."""
    parent = widget.parentWidget()
    if widget.objectName().startswith("qt_") or isinstance(parent, QTabBar):
        return True
    # the text part of a spin box or combo box: its owner carries the tooltip
    return isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox))


def controls_without_tooltip(window: QWidget) -> list[str]:
    missing = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and not _qt_internal(widget) and not widget.toolTip():
            text = getattr(widget, "text", lambda: "")()
            missing.append(f"{type(widget).__name__} {text!r} in {type(widget.parent()).__name__}")
    for tabs in window.findChildren(QTabWidget):
        missing += [
            f"tab {tabs.tabText(i)!r}" for i in range(tabs.count()) if not tabs.tabToolTip(i)
        ]
    return missing


def test_every_control_and_tab_on_every_page_has_a_tooltip(window_factory):
    desk = window_factory()
    assert desk.window.tabs.count() >= 5  # every page is built, shown or not
    assert controls_without_tooltip(desk.window) == []


def test_the_walk_finds_a_control_without_a_tooltip(window_factory):
    from PySide6.QtWidgets import QPushButton

    desk = window_factory()
    QPushButton("Mystery", desk.dataset_page)
    assert controls_without_tooltip(desk.window) == ["QPushButton 'Mystery' in DatasetView"]


def test_whats_this_explains_a_control_by_its_tooltip(window_factory):
    desk = window_factory()
    button = desk.window.show_test_button
    query = QHelpEvent(QEvent.Type.QueryWhatsThis, QPoint(2, 2), button.mapToGlobal(QPoint(2, 2)))
    query.ignore()

    QApplication.sendEvent(button, query)

    assert query.isAccepted()  # the What's This cursor offers help over it
    assert whats_this.explanation(button) == button.toolTip()


def test_shift_f1_enters_whats_this_mode(window_factory):
    desk = window_factory()
    keys = [s.toString() for s in desk.window.act_whats_this.shortcuts()]
    assert "Shift+F1" in keys
    assert desk.window.act_whats_this in desk.window.actions()
