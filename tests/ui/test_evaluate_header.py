"""The Evaluate page's fixed header (title, buttons, subtitle, the four figures) at 1024x700 with
View > Text size > Larger in Vietnamese: about a quarter of the window, every word and term
whole (walk72 F10: "lượt chạy / 21:55:27 / trên tập kiểm / tra Fashion- / MNIST: 10.000 ảnh"
in five lines beside the buttons, "độ chính / xác / (accuracy)" in the cards, the report's
scrolling part starting at y 322 of 700)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from nndesk.controllers.evaluation import EvaluationController
from nndesk.evaluation import evaluate
from nndesk.ui.evaluation_panel import EvaluationPanel
from tests.ui.conftest import shown_widget
from tests.ui.test_evaluation_panel import (
    ENGLISH_GARMENTS,
    VIETNAMESE_GARMENTS,
    TenGarments,
    toy_provider,
)

#: the Evaluate page's size in a 1024x700 window at Larger text in Vietnamese (Xvfb, the
#: drawing column beside it): 460 x 570 px
PAGE_AT_1024 = (460, 570)
WINDOW_HEIGHT = 700


def _run_result(code: str):
    """A run's evaluation on 10,000 Fashion-MNIST-sized test images, titled as the window
    titles a run ("lượt chạy 21:55:27")."""

    class Run(TenGarments):
        dataset = "fashion"
        title = "lượt chạy 21:55:27" if code == "vi" else "run 21:55:27"

    names = VIETNAMESE_GARMENTS if code == "vi" else ENGLISH_GARMENTS
    labels = np.arange(10_000) % 10
    images = np.zeros((10_000, 28, 28), np.uint8)
    images[:, 0, 0] = np.arange(10_000) % 256
    return evaluate(Run(names), images, labels)


def _lines(label) -> list[tuple[int, int]]:
    """(start, end) of each line ``label``'s text takes at its width, as it wraps words."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        lines.append((line.textStart(), line.textStart() + line.textLength()))
    layout.endLayout()
    return lines


def words_cut(label) -> list[str]:
    """The lines of ``label`` that end inside a word ("tra Fashion-"), and its words wider
    than the label (cut at its edge)."""
    text = label.text()
    cut = [text[a:b] for a, b in _lines(label)[:-1] if not text[b - 1].isspace()]
    metrics = label.fontMetrics()
    room = label.contentsRect().width()
    cut += [w for w in text.split(" ") if metrics.horizontalAdvance(w) > room]
    return cut


def terms_split(card) -> list[str]:
    """The terms of a card's caption ("độ chính xác", "(accuracy)") that run over two lines."""
    from nndesk.ui.stat_cards import caption_units

    text = card.caption.text()
    lines = _lines(card.caption)
    split = []
    for unit in caption_units(text):
        start = text.index(unit)
        end = start + len(unit)
        if not any(a <= start and end <= b for a, b in lines):
            split.append(unit)
    return split


@pytest.fixture
def controller():
    built = EvaluationController(toy_provider, batch_size=8)
    yield built
    built.shutdown()


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_header_is_a_quarter_of_the_window_with_every_word_whole_at_1024_larger(
    qtbot, larger_text, speaking, controller, code
):
    """Before: the scrolling part started 234 px down the page (five lines of title and
    subtitle beside the buttons, captions in three lines): 40 % of the page. Now the subtitle
    has the page's width under the title and buttons, and the cards go two by two, each figure
    beside its caption ("độ chính xác" / "(accuracy)"): 177 px in Vietnamese."""
    speaking(code)
    panel = shown_widget(qtbot, EvaluationPanel(controller), PAGE_AT_1024)
    panel.show_result(_run_result(code))
    QApplication.processEvents()
    header = panel.scroll.mapTo(panel, panel.scroll.rect().topLeft()).y()
    assert header <= 0.26 * WINDOW_HEIGHT, f"the header takes {header} px"
    assert words_cut(panel.title) == [] and words_cut(panel.subtitle) == []
    cards = panel.stats.cards
    for card in cards:
        assert words_cut(card.caption) == [], card.caption.text()
        assert terms_split(card) == [], card.caption.text()
        # the figure whole in its card
        assert card.value.fontMetrics().horizontalAdvance(card.value.text()) <= card.value.width()
    assert len({card.height() for card in cards}) == 1  # one height


def test_the_cards_keep_their_arrangement_and_height_from_evaluating_to_done(
    qtbot, larger_text, in_vietnamese, controller
):
    """Two by two, a caption's lines must not depend on its figure: "–" while the images are
    read left the caption one line, "92,6%" after made it two, and the report jumped down."""
    panel = shown_widget(qtbot, EvaluationPanel(controller), PAGE_AT_1024)
    QApplication.processEvents()
    before = [(c.geometry().getRect(), c.caption.height()) for c in panel.stats.cards]
    assert panel.stats.two_by_two()
    panel.show_result(_run_result("vi"))
    QApplication.processEvents()
    after = [(c.geometry().getRect(), c.caption.height()) for c in panel.stats.cards]
    assert after == before


def test_a_wide_page_keeps_the_four_figures_in_one_row(
    qtbot, larger_text, in_vietnamese, controller
):
    """At 1280x800 the page has ~650 px: the row of four holds every term whole."""
    panel = shown_widget(qtbot, EvaluationPanel(controller), (650, 620))
    panel.show_result(_run_result("vi"))
    QApplication.processEvents()
    assert not panel.stats.two_by_two()
    assert len({card.y() for card in panel.stats.cards}) == 1
    for card in panel.stats.cards:
        assert terms_split(card) == [], card.caption.text()
