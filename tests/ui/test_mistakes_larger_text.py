"""The Mistakes page at View > Text size > Larger, first shown after the step: its details
keep the picture above its controls where they do not fit beside it (walk63 1b: at 1024x768
in Vietnamese the page kept its side-by-side head and "Hiện bản đồ nổi bật", the class
drop-down and every bar's percentage were cut at the window's edge)."""

from __future__ import annotations

import dataclasses

import numpy as np
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


def test_every_tile_writes_its_captions_in_one_size(qtbot, vietnamese, monkeypatch):
    """walk69 L15: each tile shrank its own captions, so "Áo len chui đầu 99,9%" was ~7 pt
    regular beside bold 8.5 pt "Bốt cổ ngắn 100,0%" in the next cell. One font per line for
    the grid (the one the widest name needs)."""
    from PySide6.QtGui import QFont

    from nndesk.ui import mistakes_view

    drawn: list[tuple[str, float, bool]] = []
    draw = mistakes_view._draw_caption  # noqa: SLF001 - the tiles' one place to write text

    def recording(painter, text, box, font):
        assert isinstance(font, QFont), "a tile chose its caption's font itself"
        drawn.append((text, font.pointSizeF(), font.bold()))
        return draw(painter, text, box, font)

    monkeypatch.setattr(mistakes_view, "_draw_caption", recording)
    model = mistakes_view.MistakesModel()
    result = dataclasses.replace(toy_result(), class_names=NAMES)
    model.set_items(result, np.arange(len(result.labels)))
    for i in model.indices():
        model._render(int(i))  # noqa: SLF001 - a tile drawn, as the grid asks for it
    answers = {(size, bold) for text, size, bold in drawn if not text.startswith("đúng:")}
    trues = {(size, bold) for text, size, bold in drawn if text.startswith("đúng:")}
    named = {text.rsplit(" ", 1)[0] for text, _, _ in drawn if not text.startswith("đúng:")}
    assert named == set(NAMES)  # long and short names both drawn
    assert len(answers) == 1, answers
    assert len(trues) == 1, trues
