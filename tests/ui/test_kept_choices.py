"""kept_choices: the controls a page marks as a person's choices, read from one window and put
into another by key; one panel used on two pages keeps a choice per page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QSlider, QTabWidget, QVBoxLayout, QWidget

from nndesk.ui import kept_choices


def _panel() -> QWidget:
    """A panel as PredictionPanel is: marks its own controls, knows nothing of its page."""
    panel = QWidget()
    box = kept_choices.keep(QCheckBox("raw"), "raw")
    QVBoxLayout(panel).addWidget(box)
    panel.box = box
    return panel


def _window() -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    window.answer = _panel()  # the drawing's answer, in no page
    page = kept_choices.scope(QWidget(), "mistakes")
    page.answer = _panel()  # the Mistakes page's own answer
    page.tabs = kept_choices.keep(QTabWidget(), "tab")
    for name in ("a", "b", "c"):
        page.tabs.addTab(QWidget(), name)
    page.method = kept_choices.keep(QComboBox(), "method")
    for key in ("gradient", "occlusion"):
        page.method.addItem(key.title(), key)
    page.slider = kept_choices.keep(QSlider(), "temperature")
    page.slider.setRange(-20, 20)
    page_layout = QVBoxLayout(page)
    for widget in (page.answer, page.tabs, page.method, page.slider):
        page_layout.addWidget(widget)
    layout.addWidget(window.answer)
    layout.addWidget(page)
    window.page = page
    return window


def test_choices_are_keyed_by_page_and_come_back_in_another_window(qapp):
    old = _window()
    old.page.answer.box.setChecked(True)
    old.page.tabs.setCurrentIndex(2)
    old.page.method.setCurrentIndex(1)
    old.page.slider.setValue(-7)
    kept = kept_choices.choices(old)
    assert kept == {
        "raw": False,
        "mistakes/raw": True,
        "mistakes/tab": 2,
        "mistakes/method": ("data", "occlusion"),
        "mistakes/temperature": -7,
    }
    new = _window()
    new.page.method.insertItem(0, "Saliency", "saliency")  # another order: found by its data
    kept_choices.restore_choices(new, kept)
    assert not new.answer.box.isChecked() and new.page.answer.box.isChecked()
    assert new.page.tabs.currentIndex() == 2
    assert new.page.method.currentData() == "occlusion"
    assert new.page.slider.value() == -7


def test_a_choice_with_its_own_reader_and_writer_and_one_left_alone(qapp):
    old, new = _window(), _window()
    shown = []
    kept_choices.keep(old.page, "selection", read=lambda: ("dense", 2, 7), write=shown.append)
    kept_choices.keep(new.page, "selection", read=lambda: None, write=shown.append)
    kept = kept_choices.choices(old)
    assert kept["mistakes/selection"] == ("dense", 2, 7)
    del kept["mistakes/tab"]  # a choice the old window did not have: the control stays
    new.page.tabs.setCurrentIndex(1)
    kept_choices.restore_choices(new, kept)
    assert shown == [("dense", 2, 7)] and new.page.tabs.currentIndex() == 1


def test_two_controls_under_one_key_are_refused(qapp):
    window = _window()
    kept_choices.keep(QCheckBox(window.page), "tab")
    with pytest.raises(ValueError, match="mistakes/tab"):
        kept_choices.choices(window)
