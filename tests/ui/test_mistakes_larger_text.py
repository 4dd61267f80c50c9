"""The Mistakes page at View > Text size > Larger, first shown after the step: its details
keep the picture above its controls where they do not fit beside it (walk63 1b: at 1024x768
in Vietnamese the page kept its side-by-side head and "Hiện bản đồ nổi bật", the class
drop-down and every bar's percentage were cut at the window's edge)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QLabel, QStackedWidget

from nndesk.ui import language, text_size
from nndesk.ui.mistakes_view import MistakesView
from tests.test_evaluation import toy_result
from tests.ui.conftest import shown_widget

NAMES = ("Áo thun/áo phông", "Áo len chui đầu", "Giày thể thao", "Bốt cổ ngắn")


@pytest.fixture
def vietnamese():
    language.use_language("vi")
    yield
    language.use_language("en")


@pytest.mark.parametrize("width", [490, 500])
def test_the_details_fit_on_the_first_visit_after_a_larger_text_step(
    qtbot,
    qapp,
    vietnamese,
    normal_text_after,
    width,
):
    """About the page's width beside the drawing and the prediction in a 1024 px window: at
    the normal text the picture fits beside its controls, at the larger one it does not."""
    pages = QStackedWidget()
    other = QLabel("another page")
    pages.addWidget(other)
    view = MistakesView()
    pages.addWidget(view)
    shown_widget(qtbot, pages, (width, 640))  # laid out, hidden, at the normal text
    view.set_result(dataclasses.replace(toy_result(), class_names=NAMES))
    text_size.apply_text_size(qapp, "larger")
    pages.setCurrentWidget(view)
    view.select_row(0)
    column = view.details.widget()

    def fits() -> bool:
        return view.details.viewport().width() >= column.minimumSizeHint().width()

    qtbot.waitUntil(lambda: view.isVisible() and column.isVisible())
    qtbot.waitUntil(fits)
