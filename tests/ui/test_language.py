"""View > Language: Vietnamese from the system locale or the menu, remembered, and the window
built and drawn in it, numbers in its format."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from nndesk import preferences
from nndesk.i18n import ts_path
from nndesk.ui import language
from tools import translations


@pytest.fixture
def vietnamese(qapp):
    """The window's language is Vietnamese for one test, English again after it."""
    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [
        ("system", ["vi-VN", "en-US"], "vi"),
        ("system", ["vi"], "vi"),
        ("system", ["fr-FR", "vi_VN"], "vi"),  # the first language nndesk has
        ("system", ["fr-FR", "de"], "en"),
        ("system", [], "en"),
        ("en", ["vi-VN"], "en"),  # a choice in View > Language wins over the system
        ("vi", ["en-US"], "vi"),
        ("klingon", ["vi-VN"], "vi"),  # an unknown preference counts as "system"
    ],
)
def test_the_language_follows_the_system_unless_one_is_chosen(preference, system, expected):
    assert language.resolve_language(preference, system) == expected


def test_a_chosen_language_is_remembered_and_an_unknown_one_is_not():
    preferences.set_language("vi")
    assert preferences.language() == "vi"
    preferences.set_language("xx")
    assert preferences.language() == "vi"


def test_numbers_are_written_the_way_the_language_writes_them(vietnamese):
    assert language.percent(0.8721) == "87,2%"
    assert language.decimal(0.48871, 4) == "0,4887"
    language.use_language("en")
    assert language.percent(0.8721) == "87.2%"
    assert language.decimal(0.48871, 4) == "0.4887"


def test_an_unknown_language_falls_back_to_english(qapp):
    assert language.use_language("xx") == "en"
    assert language.current_language() == "en"
    assert language.translate("MainWindow", "&Language") == "&Language"


def _shown_texts(window) -> list[str]:
    """Every text a person reads in the window without clicking: labels, buttons, tooltips,
    tab titles, menus and their entries."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTabWidget, QWidget

    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    return [t for t in texts if t]


def test_the_window_builds_and_renders_in_vietnamese(vietnamese, window_factory, stroke_classifier):
    desk = window_factory(classifier=stroke_classifier)
    window = desk.window
    texts = _shown_texts(window)
    assert "Huấn luyện" in texts and "Đánh giá" in texts  # page titles
    assert "&Tệp" in texts and "&Ngôn ngữ" in texts  # menus
    # no text the window shows is an English source string that has a Vietnamese translation
    english = {
        m.source
        for m in translations.read_ts(ts_path("vi"))
        if m.translation and m.translation != m.source
    }
    untranslated = sorted({t for t in texts if t in english})
    assert untranslated == []
    image = window.grab().toImage()
    assert not image.isNull() and image.width() > 0


def test_fashion_classes_are_shown_in_vietnamese_and_digits_stay_digits(vietnamese, qapp):
    from nndesk.data.registry import DATASETS

    shown = language.class_names_shown(DATASETS["fashion"].class_names)
    assert shown[:3] == ("Áo thun/áo phông", "Quần dài", "Áo len chui đầu")
    assert shown[-1] == "Bốt cổ ngắn"
    digits = DATASETS["mnist"].class_names
    assert language.class_names_shown(digits) == digits


def test_view_language_remembers_the_choice_and_asks_to_restart_in_that_language(
    qtbot, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    restarted = []
    desk.coordinator.restart = lambda: restarted.append(True)
    desk.window.language_actions["vi"].trigger()
    assert preferences.language() == "vi"
    assert desk.window.language_actions["vi"].isChecked()
    box = desk.coordinator.language_box
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith("nndesk dùng ngôn ngữ mới")
    later = next(b for b in box.buttons() if b.text() == "Để sau")
    later.click()
    assert restarted == [] and desk.window.isVisible()
    desk.window.language_actions["en"].trigger()  # English is already in use: nothing to ask
    assert preferences.language() == "en"
    desk.window.language_actions["vi"].trigger()
    box = desk.coordinator.language_box
    qtbot.waitUntil(box.isVisible)
    restart = next(b for b in box.buttons() if b.text() == "Khởi động lại ngay")
    restart.click()
    assert restarted == [True]
    assert not desk.window.isVisible()


def test_the_restart_question_is_english_when_english_is_chosen(
    qtbot, vietnamese, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    desk.window.language_actions["en"].trigger()
    box = desk.coordinator.language_box
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith("nndesk speaks the new language")
    box.reject()
