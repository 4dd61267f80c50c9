"""PredictionController's saliency requests: computed on its worker thread, newest request wins."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nndesk.controllers import prediction as prediction_module
from nndesk.controllers.prediction import PredictionController
from nndesk.data.normalize import Normalizer
from nndesk.explain import saliency
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model


@pytest.fixture
def controller(qtbot):
    ctl = PredictionController()
    yield ctl
    ctl.shutdown()


@pytest.fixture
def classifier():
    model = build_model("784-12-10", rng=np.random.default_rng(0))
    return Classifier(model, Normalizer("unit"), tuple("0123456789"), "digits", "toy")


def test_a_saliency_request_is_answered_off_the_gui_thread_with_the_explain_map(
    qtbot, controller, classifier, threads_calling
):
    threads = threads_calling(prediction_module, "saliency")
    image = np.random.default_rng(1).uniform(0, 255, (28, 28)).astype(np.float32)
    controller.set_saliency_kind("gradient_x_input")
    with qtbot.waitSignal(controller.saliency_ready) as blocker:
        controller.request_saliency("tile 7", classifier, image, 3)
    key, got = blocker.args
    assert key == "tile 7"
    want = saliency(classifier.model, classifier.normalizer, image, 3, "gradient_x_input")
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    assert threads and threading.main_thread() not in threads


def test_while_one_map_is_computed_only_the_newest_request_waits(
    qtbot, controller, classifier, monkeypatch
):
    gate = threading.Event()
    original = prediction_module.saliency

    def held(*args, **kwargs):
        gate.wait(60)  # the first job holds the worker until every request is in
        return original(*args, **kwargs)

    answered = []
    controller.saliency_ready.connect(lambda key, _map: answered.append(key))
    image = np.zeros((28, 28), np.float32)
    monkeypatch.setattr(prediction_module, "saliency", held)
    for key in range(5):
        controller.request_saliency(key, classifier, image, 0)
    gate.set()
    qtbot.waitUntil(controller.is_idle, timeout=10_000)
    assert answered == [0, 4]


def test_a_failing_map_is_reported_and_answered_with_none(qtbot, controller, classifier):
    bad = np.zeros((5, 5), np.float32)  # not a 28x28 image
    messages = []
    controller.failed.connect(messages.append)
    with qtbot.waitSignal(controller.saliency_ready) as blocker:
        controller.request_saliency("k", classifier, bad, 0)
    assert blocker.args == ["k", None]
    assert len(messages) == 1 and messages[0].startswith("saliency failed")


def test_a_newer_training_snapshot_does_not_drop_the_answer_of_the_one_in_flight(
    qtbot, controller, classifier
):
    import copy

    newer = copy.deepcopy(classifier)
    newer.model.layers[0].params["W"][...] += 0.5
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 130:150] = 255
    answers: list = []
    controller.prediction_ready.connect(answers.append)
    controller._image = drawing  # noqa: SLF001 - the canvas image, without the throttle
    controller.live_update(classifier)  # its job starts on the worker thread
    controller.live_update(newer)  # arrives while that job runs
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    first, second = answers
    assert not np.allclose(first.probabilities, second.probabilities)  # both snapshots answered
    np.testing.assert_allclose(second.probabilities, newer.classify_image(drawing).probabilities)


def test_the_answer_reaches_the_bars_before_its_explanation_and_even_when_explaining_fails(
    qtbot, controller, classifier, monkeypatch
):
    explaining = threading.Event()  # set while the worker is in explain_prediction

    def failing_explanation(*_args, **_kwargs):
        explaining.set()
        raise RuntimeError("explaining broke")

    monkeypatch.setattr(prediction_module, "explain_prediction", failing_explanation)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 130:150] = 255
    events: list = []
    controller.prediction_ready.connect(lambda p: events.append(("answer", p)))
    controller.explanation_ready.connect(lambda e: events.append(("explanation", e)))
    controller.failed.connect(lambda m: events.append(("failed", m)))
    controller.set_classifier(classifier)  # nothing drawn yet: answers None at once
    events.clear()
    controller.request_now(drawing)
    qtbot.waitUntil(lambda: any(kind == "explanation" for kind, _ in events), timeout=10_000)
    kinds = [kind for kind, _ in events]
    assert kinds.index("answer") < kinds.index("explanation")
    answer = events[kinds.index("answer")][1]
    np.testing.assert_allclose(
        answer.probabilities, classifier.classify_image(drawing).probabilities, rtol=1e-5
    )
    assert explaining.is_set() and ("failed", "prediction failed: explaining broke") in events
    assert ("explanation", None) in events


def _drawn_one() -> np.ndarray:
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 130:150] = 255
    return drawing


def test_the_worker_explains_once_the_bars_have_painted_the_answer(
    qtbot, controller, classifier, monkeypatch
):
    # a wait far longer than the test's timeout: only the paint can let the explanation out
    monkeypatch.setattr(prediction_module, "ANSWER_PAINT_WAIT", 60.0)
    controller.set_classifier(classifier)
    controller.answer_painted()  # the bars are on screen (the app wires their paints here)
    answers: list = []
    controller.prediction_ready.connect(answers.append)
    controller.request_now(_drawn_one())
    qtbot.waitUntil(lambda: any(a is not None for a in answers), timeout=10_000)
    with qtbot.waitSignal(controller.explanation_ready, timeout=10_000) as explained:
        controller.answer_painted()
    assert explained.args[0] is not None


def test_bars_that_never_paint_cost_one_short_wait_then_none(
    qtbot, controller, classifier, monkeypatch
):
    monkeypatch.setattr(prediction_module, "ANSWER_PAINT_WAIT", 0.05)
    controller.set_classifier(classifier)
    controller.answer_painted()  # painted once, then hidden: the next answer is not painted
    with qtbot.waitSignal(controller.explanation_ready, timeout=10_000):
        controller.request_now(_drawn_one())
    # the unpainted answer turned the wait off: a wait longer than the timeout is not waited
    monkeypatch.setattr(prediction_module, "ANSWER_PAINT_WAIT", 60.0)
    drawing = _drawn_one()
    drawing[40:60, 100:180] = 255  # another image: another job
    with qtbot.waitSignal(controller.explanation_ready, timeout=10_000) as explained:
        controller.request_now(drawing)
    assert explained.args[0] is not None


def test_a_training_snapshot_is_explained_as_it_is_without_another_copy(
    qtbot, controller, classifier, monkeypatch
):
    """A snapshot from the training worker is this controller's own copy: it is predicted and
    explained without being copied again; a model picked by the person (shared) is copied."""
    copies: list[object] = []
    real = prediction_module.copy.deepcopy

    def counting(value, *args):
        copies.append(value)
        return real(value, *args)

    monkeypatch.setattr(prediction_module.copy, "deepcopy", counting)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[40:240, 130:150] = 255
    controller._image = drawing  # noqa: SLF001 - the canvas image, without the throttle
    with qtbot.waitSignal(controller.explanation_ready, timeout=10_000) as blocker:
        controller.live_update(classifier)
    assert copies == [] and blocker.args[0] is not None
    controller.set_classifier(classifier)
    assert copies == [classifier.model]


def test_a_mode_switch_reads_its_model_in_the_worker_skipping_others_of_another_kind(
    qtbot, controller, classifier, tmp_path, threads_calling
):
    from nndesk.nn.serialization import save_model

    info = {"class_names": list("0123456789"), "normalization": {"kind": "unit"}}
    digits = save_model(tmp_path / "digits.npz", classifier.model, {**info, "preprocess": "digits"})
    garments = save_model(
        tmp_path / "garments.npz", classifier.model, {**info, "preprocess": "garments"}
    )
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"nope")
    threads = threads_calling(Classifier, "from_file")
    with qtbot.waitSignal(controller.classifier_changed, timeout=10_000) as blocker:
        controller.open_first_of_kind("garments", [broken, digits, garments])
    (clf,) = blocker.args
    assert clf.path == garments and clf.preprocess_kind == "garments"
    assert len(threads) == 3 and threading.main_thread() not in threads
    with qtbot.waitSignal(controller.classifier_changed, timeout=10_000) as blocker:
        controller.open_first_of_kind("garments", [digits])  # none of that kind: no model
    assert blocker.args == [None] and controller.current() is None


def test_a_damaged_candidate_is_said_once_a_session_even_by_a_rebuilt_window(
    qtbot, controller, classifier, tmp_path
):
    """The mode's model read again at each switch back to it (or by the window rebuilt for
    another language: a new controller) names each damaged candidate once, the first not yet
    said first, while the file stays as it is; the next usable one is put in use each time."""
    from nndesk.nn.serialization import save_model

    info = {"class_names": list("0123456789"), "normalization": {"kind": "unit"}}
    digits = save_model(tmp_path / "digits.npz", classifier.model, {**info, "preprocess": "digits"})
    first, second = tmp_path / "first.npz", tmp_path / "second.npz"
    first.write_bytes(digits.read_bytes()[:500])
    second.write_bytes(b"PK\x03\x04 not a zip")
    rebuilt = PredictionController()
    said: list[str] = []
    controller.model_failed.connect(said.append)
    rebuilt.model_failed.connect(said.append)
    try:
        for ctl in (controller, controller, rebuilt, controller):
            with qtbot.waitSignal(ctl.classifier_changed, timeout=10_000) as blocker:
                ctl.open_first_of_kind("digits", [first, second, digits])
            assert blocker.args[0].path == digits
        assert len(said) == 2 and str(first) in said[0] and str(second) in said[1]
        first.write_bytes(digits.read_bytes()[:400])  # another damaged copy in its place
        with qtbot.waitSignal(rebuilt.classifier_changed, timeout=10_000):
            rebuilt.open_first_of_kind("digits", [first, second, digits])
        assert len(said) == 3 and str(first) in said[2]
    finally:
        rebuilt.shutdown()
