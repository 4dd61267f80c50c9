"""A model trained on an image folder answers in the mode the window is in (walk55c D6).

Its file says "preprocess": "digits" (every folder's images are prepared as drawings of
digits), and a model put in use takes the window to its kind's mode: a folder run trained in
Clothing ended with the window in Digits, Digits' drawing back on the canvas.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nndesk import preferences
from nndesk.inference import Classifier
from tests.ui.test_folder_model_prompt import _folder_model
from tests.ui.test_model_choices import _model


def test_a_folder_model_put_in_use_leaves_the_window_in_its_mode(qtbot, window_factory, tmp_path):
    folder = Classifier.from_file(_folder_model(tmp_path / "20261205-142314-aaa"))
    digits = Classifier.from_file(
        _model(tmp_path / "20261205-140000-bbb", "digits", "784-8-10", 0.9)
    )
    assert folder.mode is None and digits.mode == "digits"
    desk = window_factory(mode="digits")
    window = desk.window
    window.canvas.draw_stroke([(40, 40), (200, 200)])  # Digits' drawing, put aside by the switch
    window.mode_change_requested.emit("garments")  # the Mode box, as a person switches
    window.canvas.draw_stroke([(40, 200), (200, 40)])
    garment = window.canvas.array().copy()
    desk.prediction.set_classifier(folder)  # as a folder run's end puts its model in use
    assert window.mode() == "garments"
    assert desk.prediction.current() is folder
    assert window.hint_label.text() == "Draw one of: circle, square, triangle"
    assert np.array_equal(window.canvas.array(), garment)  # not Digits' drawing back
    assert preferences.last_mode() == "garments"
    desk.prediction.set_classifier(digits)  # a model of a dataset still takes its own mode
    assert window.mode() == "digits"


def test_a_folder_runs_live_network_leaves_the_window_in_its_mode(qtbot, window_factory, tmp_path):
    folder = Classifier.from_file(_folder_model(tmp_path / "20261205-142314-aaa"))
    folder.path = None  # a snapshot of the run's weights
    desk = window_factory(mode="garments")
    desk.training.running_changed.emit(True)
    try:
        desk.training.weights_updated.emit(folder)
        assert desk.window.mode() == "garments"
    finally:
        desk.training.running_changed.emit(False)


def _in_use(desk) -> str | None:
    clf = desk.prediction.current()
    return None if clf is None or clf.path is None else str(clf.path)


def _shipped_pair(tmp_path, monkeypatch) -> tuple:
    from tests.ui.conftest import ship_weights_from
    from tests.ui.test_model_choices import _shipped

    weights = tmp_path / "weights"
    weights.mkdir()
    digits = _shipped(weights, "mnist-cnn", "digits", "784-16-10", 0.99)
    garments = _shipped(weights, "fashion-cnn", "garments", "784-16-10", 0.92)
    ship_weights_from(monkeypatch, weights)
    return digits, garments


def _round_trip(qtbot, desk, digits_model: Path) -> None:
    """Ctrl+1 then Ctrl+2: to Digits (its own model read) and back to Clothing."""
    desk.window.act_digits.trigger()
    qtbot.waitUntil(lambda: _in_use(desk) == str(digits_model), timeout=30_000)
    desk.window.act_garments.trigger()
    qtbot.waitUntil(lambda: desk.prediction.is_idle() and not desk.prediction.is_loading())


def test_a_folder_model_picked_in_clothing_is_clothings_model_after_a_visit_to_digits(
    qtbot, window_factory, tmp_path, monkeypatch
):
    """walk56v #1: a folder model picked in Clothing (Model box, File > Open) was lost at a
    Ctrl+1 / Ctrl+2 round trip: Clothing came back on fashion-cnn, as the model was remembered
    under its file's "digits" (or not at all) and the mode's read passed over it."""
    digits, _garments = _shipped_pair(tmp_path, monkeypatch)
    folder = str(_folder_model(tmp_path / "20261205-142314-aaa"))
    desk = window_factory(mode="garments")
    qtbot.waitUntil(lambda: _in_use(desk) is not None, timeout=30_000)
    desk.window.model_file_requested.emit(folder)  # the Model box, as a click does
    qtbot.waitUntil(lambda: _in_use(desk) == folder, timeout=30_000)
    assert desk.window.mode() == "garments"
    _round_trip(qtbot, desk, digits)  # Digits got its own model, not the folder one
    assert _in_use(desk) == folder
    assert desk.coordinator.mode_models == {"garments": folder}  # kept by a language switch


def test_a_folder_model_used_from_the_runs_list_stays_clothings_model(
    qtbot, window_factory, tmp_path, monkeypatch
):
    """The walk's own steps: Runs > Use model on a folder run, in Clothing."""
    digits, _garments = _shipped_pair(tmp_path, monkeypatch)
    folder = _folder_model(tmp_path / "20261205-142314-aaa")
    desk = window_factory(mode="garments")
    qtbot.waitUntil(lambda: _in_use(desk) is not None, timeout=30_000)
    desk.train_page.runs_view.use_model_requested.emit(folder)
    qtbot.waitUntil(lambda: _in_use(desk) == str(folder), timeout=30_000)
    _round_trip(qtbot, desk, digits)
    assert _in_use(desk) == str(folder)
    assert desk.window.mode() == "garments"
