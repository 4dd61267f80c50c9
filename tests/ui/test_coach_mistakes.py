"""The coach's "See <class>'s mistakes" after a run: that class's mistakes of the run it speaks
of, not of another model in use (walk58 #3)."""

from __future__ import annotations

import warnings

import pytest

from nndesk.inference import Classifier
from tests.ui.test_app import _long_run, _model_claiming

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")


def test_the_coachs_button_shows_the_runs_mistakes_of_its_class_after_a_model_change(
    qtbot, window_factory, tiny_model_file, tiny_data_dir, tmp_path
):
    """walk58 #3: the run tested below the model in use, which stayed; Mistakes held that
    model's evaluation. The button took the class at once for those old mistakes, lost it when
    the evaluation began anew ("Any", all of them), and showed the model in use's mistakes under
    the run's words. Now the run's model is put in use (announced, the other one click back)
    and its mistakes of that class are shown."""
    better = _model_claiming(tiny_model_file, tmp_path, 0.999)
    desk = window_factory(classifier=better)
    prediction, page, mistakes = desk.prediction, desk.train_page, desk.mistakes_page
    notice = desk.window.model_notice
    desk.window.tabs.setCurrentWidget(mistakes)  # the model in use's mistakes on the page
    qtbot.waitUntil(lambda: getattr(mistakes.result(), "classifier", None) is better, timeout=60000)
    desk.window.tabs.setCurrentWidget(page)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with qtbot.waitSignal(desk.training.model_ready, timeout=60000):
            assert page.start_training(_long_run(page).replace(epochs=1, lr=1e-7))
        qtbot.waitUntil(lambda: not page.controller.is_running(), timeout=60000)
    trained = desk.handover.trained
    assert prediction.current() is better and notice.offered() is not None  # far below: kept

    page.coach.mistakes_requested.emit(3)  # the coach's button for class 3

    assert desk.window.tabs.currentWidget() is mistakes
    assert prediction.current() is trained
    assert notice.announcement() is not None
    assert notice.switch_back_button.text() == f"Switch back to {better.title}"
    qtbot.waitUntil(
        lambda: getattr(mistakes.result(), "classifier", None) is trained, timeout=60000
    )
    assert mistakes.filters() == (3, None, "confidence")


def test_a_class_asked_for_while_the_page_holds_another_models_mistakes_waits_for_the_new_ones(
    qtbot, window_factory, tiny_model_file, tiny_data_dir, tmp_path
):
    """The Mistakes page itself: a class asked for while it still shows the last model's
    mistakes is applied to the model in use's, once they arrive."""
    first = Classifier.from_file(tiny_model_file)
    desk = window_factory(classifier=first)
    prediction, mistakes = desk.prediction, desk.mistakes_page
    desk.window.tabs.setCurrentWidget(mistakes)
    qtbot.waitUntil(lambda: getattr(mistakes.result(), "classifier", None) is first, timeout=60000)
    desk.window.tabs.setCurrentWidget(desk.train_page)
    second = _model_claiming(tiny_model_file, tmp_path, 0.5)
    prediction.set_classifier(second)
    mistakes.focus_class(2)
    desk.window.tabs.setCurrentWidget(mistakes)
    qtbot.waitUntil(lambda: getattr(mistakes.result(), "classifier", None) is second, timeout=60000)
    assert mistakes.filters() == (2, None, "confidence")
