"""The Why page laid out right the moment it shows something: taller than its window (an MLP's
hidden units), it scrolls at once, nothing squeezed into the window's height (walk71 F2: the
map ~100 px instead of 224, paragraphs painted over each other, no scroll bar)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.inference import Classifier


def _squeezed(why) -> list[str]:
    """What the page shows at less than it needs: the body below its height for its width,
    the map below its own height."""
    body = why._scroll.widget()  # noqa: SLF001
    said = []
    needs = body.heightForWidth(body.width())
    if body.height() < needs:
        said.append(f"body {body.height()} px high, needs {needs}")
    view = why.input_view
    if view.height() < view.sizeHint().height():
        said.append(f"map {view.height()} px high, needs {view.sizeHint().height()}")
    return said


def _bar(why) -> np.ndarray:
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    return drawing


@pytest.mark.parametrize("size", [(1280, 736), (1024, 700)])
def test_an_mlps_units_coming_on_the_page_are_laid_out_before_the_next_paint(
    qtbot, window_factory, tiny_model_file, size
):
    """The eight unit pictures made the page taller than the window: until the layouts up to
    the scroll area heard of them (a turn of the event loop per level, seconds under load), a
    frame squeezed the page into the window's height. Checked the moment the answer is shown,
    before any further event is processed."""
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file), size=size)
    why = desk.why_page
    desk.window.tabs.setCurrentWidget(why)
    qtbot.waitUntil(lambda: why.isVisible() and not why.tiles[0].isVisible(), timeout=10_000)
    seen: list[tuple[bool, list[str]]] = []
    why.explanation_shown.connect(lambda: seen.append((why.tiles[0].isVisible(), _squeezed(why))))
    desk.prediction.request_now(_bar(why))
    qtbot.waitUntil(lambda: any(units for units, _ in seen), timeout=10_000)
    assert [said for units, said in seen if units] == [[]]
    assert why._scroll.verticalScrollBar().maximum() > 0  # noqa: SLF001  (it scrolls)


@pytest.mark.parametrize("size", [(1280, 736), (1024, 700)])
def test_an_mlps_why_page_explained_while_hidden_is_laid_out_as_it_shows(
    qtbot, window_factory, tiny_model_file, size
):
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file), size=size)
    why = desk.why_page
    desk.prediction.request_now(_bar(why))  # explained while the page is hidden
    qtbot.waitUntil(lambda: why.tiles[0].isVisibleTo(why), timeout=10_000)
    desk.window.tabs.setCurrentWidget(why)  # shown at once: no event processed since
    assert why.isVisible() and why.tiles[0].isVisible()
    assert _squeezed(why) == []


def test_a_new_drawings_explanation_being_computed_is_said_and_the_old_one_dimmed(
    qtbot, monkeypatch, window_factory, tiny_model_file
):
    """walk71 F4: the bars said 2 at 99.9 % while the Why page said "7 at 100 %" for seconds,
    as if current. While the new answer's explanation is computed the old one is dimmed and a
    line says it is being updated; the new one shows plainly."""
    import threading

    from nndesk.controllers import prediction as prediction_module

    release = threading.Event()
    release.set()
    real = prediction_module.explain_prediction

    def held(*args, **kwargs):
        release.wait(timeout=60)
        return real(*args, **kwargs)

    monkeypatch.setattr(prediction_module, "explain_prediction", held)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    why = desk.why_page
    desk.window.tabs.setCurrentWidget(why)
    drawing = _bar(why)
    desk.prediction.request_now(drawing)
    qtbot.waitUntil(lambda: why.tiles[0].isVisible(), timeout=10_000)
    assert not why.is_updating() and why.updating_note.isHidden()
    release.clear()  # the next explanation waits: a busy computer
    try:
        drawing[100:180, 40:240] = 255
        with qtbot.waitSignal(desk.prediction.prediction_ready, timeout=10_000):
            desk.prediction.request_now(drawing)
        qtbot.waitUntil(why.updating_note.isVisible, timeout=10_000)
        assert why.is_updating()
        assert why.summary.graphicsEffect().isEnabled()  # the old words dimmed
    finally:
        release.set()
    qtbot.waitUntil(lambda: not why.is_updating(), timeout=10_000)
    assert why.updating_note.isHidden() and not why.summary.graphicsEffect().isEnabled()
