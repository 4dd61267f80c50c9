"""One "Not sure below" threshold: the canvas's box and the Mistakes page's follow each other."""

from __future__ import annotations

from nndesk import preferences


def test_the_canvas_and_the_mistakes_page_share_one_not_sure_threshold(window_factory):
    # walk52 #19: the canvas's box said 62 %, the Mistakes page's, with the same label, 60 %
    desk = window_factory()
    canvas = desk.window.prediction_panel.not_sure_spin
    mistakes = desk.mistakes_page.answer.not_sure_spin
    assert mistakes.value() == canvas.value()

    canvas.setValue(62)
    assert mistakes.value() == 62

    mistakes.setValue(75)
    assert canvas.value() == 75
    assert preferences.not_sure_threshold() == 75  # kept for the next start, as the canvas's
    assert "share" in canvas.toolTip() and "share" in mistakes.toolTip()


def test_a_stored_threshold_reaches_the_mistakes_page_at_start(window_factory):
    preferences.set_not_sure_threshold(45)
    desk = window_factory()
    assert desk.window.prediction_panel.not_sure_spin.value() == 45
    assert desk.mistakes_page.answer.not_sure_spin.value() == 45
