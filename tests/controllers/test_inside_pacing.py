"""While a run trains and the Inside page is shown, its snapshots are paced by the page: the
bars and the diagram show one moment of the run (walk65 D24: the diagram was blank 15-25 s,
then its output column showed another moment than the bars)."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from nndesk.controllers.prediction import PredictionController
from nndesk.data.normalize import Normalizer
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model


@pytest.fixture
def controller(qtbot):
    ctl = PredictionController()
    yield ctl
    ctl.shutdown()


def _snapshots(n: int) -> list[Classifier]:
    """``n`` training snapshots of one toy network, each a step further."""
    model = build_model("784-12-10", rng=np.random.default_rng(0))
    first = Classifier(model, Normalizer("unit"), tuple("0123456789"), "digits", "toy")
    shots = [first]
    for _ in range(n - 1):
        later = copy.deepcopy(shots[-1])
        later.model.layers[0].params["W"][...] += 0.3
        shots.append(later)
    return shots


def _drawing() -> np.ndarray:
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 130:150] = 255
    return drawing


def test_a_training_snapshot_answers_with_its_trace_and_the_next_waits_for_the_page(
    qtbot, controller
):
    first, second, third = _snapshots(3)
    events: list = []
    controller.prediction_ready.connect(lambda p: events.append(("answer", p)))
    controller.inside_ready.connect(lambda s: events.append(("inside", s)))
    jobs: list = []
    controller._job_submitted.connect(jobs.append)  # noqa: SLF001 - what reaches the worker
    controller.set_inside_wanted(True)  # no model yet: None, at once
    events.clear()
    controller._image = _drawing()  # noqa: SLF001 - the canvas image, without the throttle
    controller.live_update(first)
    qtbot.waitUntil(lambda: any(kind == "inside" for kind, _ in events), timeout=10_000)
    # the trace first: the bars wait for the page to show it, and the next snapshot too
    ((kind, snapshot),) = events
    assert kind == "inside" and snapshot.classifier is first
    controller.live_update(second)
    controller.live_update(third)
    assert len(jobs) == 1 and not controller.is_idle()
    controller.inside_shown()  # the page painted it: its answer to the bars, then the newest
    kind, answer = events[1]
    assert kind == "answer"
    np.testing.assert_allclose(
        answer.probabilities, first.classify_image(_drawing()).probabilities, rtol=1e-5
    )
    assert len(jobs) == 2 and jobs[1].classifier is third
    qtbot.waitUntil(lambda: len(events) == 3, timeout=10_000)
    assert events[2][0] == "inside" and events[2][1].classifier is third
    # a drawing is never held: its answer reaches the bars before its trace
    controller.request_now(_drawing()[::-1].copy())
    assert len(jobs) == 3


def test_a_page_opened_while_an_untraced_answer_runs_never_says_nothing_is_drawn(qtbot, controller):
    """The first visit said "Draw something to see inside" over a T-shirt on the canvas: the
    job under way when the page opened traced nothing, and its None reached the page."""
    (clf,) = _snapshots(1)
    controller.set_classifier(clf)
    shown: list = []
    controller.inside_ready.connect(shown.append)
    controller.request_now(_drawing())  # sent with the page closed: no trace
    controller.set_inside_wanted(True)  # opened while it runs
    qtbot.waitUntil(lambda: len(shown) >= 1, timeout=10_000)
    qtbot.waitUntil(controller.is_idle, timeout=10_000)
    assert shown and all(s is not None for s in shown)
    assert shown[-1].classifier is clf
