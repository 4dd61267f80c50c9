"""A model trained on an image folder answers in the mode the window is in (walk55c D6).

Its file says "preprocess": "digits" (every folder's images are prepared as drawings of
digits), and a model put in use takes the window to its kind's mode: a folder run trained in
Clothing ended with the window in Digits, Digits' drawing back on the canvas.
"""

from __future__ import annotations

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
