"""A model trained on an image folder (walk53 #9): the prompt names its classes, not "Draw a
digit 0-9", and the Model box lists it under a group of its own, not among the digit models."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nndesk import preferences
from nndesk.inference import Classifier, shown_name
from tests.ui.test_model_choices import WAIT_MS, _entries, _model

SHAPES = ["circle", "square", "triangle"]


def _folder_model(folder: Path) -> Path:
    """A 3-class model saved as `nndesk train --dataset shapes/` saves one."""
    from nndesk.data.normalize import Normalizer
    from nndesk.nn.architecture import build_model
    from nndesk.nn.serialization import save_model

    info = {
        "dataset": "shapes",
        "class_names": SHAPES,
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": "digits",
        "config": {"dataset": str(folder / "shapes"), "arch": "784-8-3"},
        "metrics": {"test_accuracy": 1.0},
    }
    model = build_model("784-8-3", rng=np.random.default_rng(0))
    return save_model(folder / "model.npz", model, info)


def test_a_folder_model_asks_for_its_own_classes_and_has_its_own_group(
    qtbot, window_factory, tmp_path
):
    shapes = _folder_model(tmp_path / "20261205-142314-aaa")
    digits = _model(tmp_path / "20261205-140000-bbb", "digits", "784-32-10", 0.9712)
    desk = window_factory(classifier=Classifier.from_file(shapes), mode="digits")
    window, combo = desk.window, desk.window.model_combo
    prompt = "Draw one of: circle, square, triangle"
    assert window.hint_label.text() == prompt
    assert window.canvas._hint == prompt
    for path in (digits, shapes):
        preferences.add_recent_model(path)
    desk.coordinator.refresh_model_choices()
    header = "Image-folder models"
    qtbot.waitUntil(lambda: header in [t for t, _ in _entries(combo)], timeout=WAIT_MS)
    texts = [t for t, _ in _entries(combo)]
    at = texts.index(header)
    assert texts[at + 1].startswith(shown_name(shapes))
    assert texts.index(f"{shown_name(digits)} · MNIST 784-32-10 · 97.1%") < at
    # back to a digit model: the digit prompt again
    window.show_classifier(Classifier.from_file(digits))
    assert window.hint_label.text() == "Draw a digit 0-9"
