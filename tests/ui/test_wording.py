"""Words that follow the mode and the model: lab buttons, the Why page's note, matrix hints."""

from __future__ import annotations

import numpy as np

from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.nn.serialization import save_model
from nndesk.ui.confusion_view import HINT
from tests.ui.conftest import stroke_info


def test_the_lab_buttons_name_the_lab_of_the_current_mode(window_factory):
    window = window_factory().window
    window.set_mode("digits")
    assert all("the MNIST lab" in b.toolTip() for b in window.lab_buttons)
    window.set_mode("garments")
    tips = [b.toolTip() for b in window.lab_buttons]
    assert all("the Fashion-MNIST lab" in tip for tip in tips), tips


def test_the_cnn_note_suggests_the_mlp_of_the_same_kind(window_factory, tmp_path):
    model = build_model("784-c2-p-3", rng=np.random.default_rng(0))
    desk = window_factory()
    for kind, mlp, other in (
        ("garments", "fashion-mlp", "mnist-mlp"),
        ("digits", "mnist-mlp", "fashion-mlp"),
    ):
        path = save_model(tmp_path / f"cnn-{kind}.npz", model, stroke_info(kind))
        desk.why_page.set_classifier(Classifier.from_file(path))
        note = desk.why_page.units_note.text()
        assert mlp in note and other not in note


def test_the_matrix_hint_returns_to_its_general_words_when_the_matrix_changes(window_factory):
    desk = window_factory()
    page = desk.evaluate_page
    matrix = np.array([[5, 1, 0], [0, 6, 0], [1, 0, 4]])
    page.confusion.set_matrix(matrix, ("a", "b", "c"))
    page.confusion.hint.setText("true a, predicted b: 1 images. Click to open them.")

    page.confusion.set_matrix(matrix * 2, ("a", "b", "c"))  # another model's evaluation
    assert page.confusion.hint.text() == HINT
