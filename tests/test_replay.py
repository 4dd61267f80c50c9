"""nndesk.replay: the drawing read by the network of one epoch (Qt-free)."""

from __future__ import annotations

import numpy as np

from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.replay import read_drawing


def test_a_drawing_is_read_with_the_networks_raw_probabilities_even_when_it_is_calibrated():
    """walk49 D9: for the same network and drawing the Replay read 76.7 % where the prediction
    panel read 77.1 % calibrated. An epoch's network has no temperature of its own (a run fits
    one after its last epoch), so Replay always shows raw probabilities, and says so."""
    model = build_model("784-8-3", rng=np.random.default_rng(0))
    info = {
        "class_names": ["a", "b", "c"],
        "normalization": {"kind": "unit"},
        "calibration": {"temperature": 3.0, "fitted_on": "validation"},
    }
    clf = Classifier.from_info(model, info)
    drawing = np.random.default_rng(1).uniform(0, 255, (28, 28)).astype(np.float32)
    read = read_drawing(clf, drawing, epoch=4)
    raw = clf.probabilities(drawing[None], calibrated=False)[0]
    calibrated = clf.probabilities(drawing[None])[0]
    assert not np.allclose(raw, calibrated, atol=1e-4)  # the temperature changes them
    np.testing.assert_allclose(read.probabilities, raw, rtol=1e-5)
    assert read.epoch == 4
