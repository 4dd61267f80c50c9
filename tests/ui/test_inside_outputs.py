"""The Inside page explains the output the model really has: a sigmoid/BCE network (the MNIST
sigmoid labs) was explained as a softmax (its column "Output: softmax → calibrated", its output
unit's "the softmax panel turns the logits into probabilities", a softmax table over sigmoid
logits disagreeing with the bars) (walk55 D3). A hidden layer's 784 weights from hidden units
were drawn as a 28×28 picture as if they were pixel weights (walk55 D5)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk import inside
from nndesk.controllers.prediction import InsideSnapshot
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.ui.inside_diagram import column_title, diagram_columns, output_probabilities
from nndesk.ui.inside_view import InsideView
from nndesk.ui.language import percent
from tests.ui.conftest import shown_widget

NAMES = tuple(str(d) for d in range(10))


def _classifier(spec: str, output: str, temperature: float = 1.0) -> Classifier:
    model = build_model(spec, activation="relu", output=output, rng=np.random.default_rng(0))
    info: dict = {"class_names": list(NAMES), "normalization": {"kind": "unit"}}
    if temperature != 1.0:
        info["calibration"] = {"temperature": temperature}
    return Classifier.from_info(model, info)


def _snapshot(clf: Classifier) -> InsideSnapshot:
    image = np.zeros((28, 28), np.float32)
    image[4:24, 12:16] = 255.0
    tr = inside.trace(clf.model, clf.normalizer, image, NAMES)
    return InsideSnapshot(clf, clf.model, tr)


@pytest.fixture
def page(qtbot):
    # the page's width in a 1024-wide window: two tabs at the bottom
    return shown_widget(qtbot, InsideView(), (800, 600))


def _show(qtbot, page, snap) -> None:
    with qtbot.waitSignal(page.updated, timeout=10000):
        page.set_snapshot(snap)


@pytest.mark.parametrize("temperature", [1.0, 1.5])
def test_a_sigmoid_networks_output_panel_computes_each_classs_own_score(qtbot, page, temperature):
    clf = _classifier("784-32-10", "sigmoid", temperature)
    snap = _snapshot(clf)
    _show(qtbot, page, snap)
    text = page.softmax.text()
    assert "sigmoid" in text and "Σ exp" not in text
    # the table's scores are the bars' (the calibrated column when the file holds a T)
    bars = clf.classify_prepared(snap.trace.image28).probabilities
    for p in bars:
        assert percent(float(p), 1) in text
    assert page.bottom_tabs.tabText(page.bottom_tabs.indexOf(page.soft_scroll)) == "Sigmoid"
    assert page.temperature_title.text() == "Sigmoid temperature"
    # the column title names the sigmoid
    columns = diagram_columns(snap, None)
    title = column_title(clf.model, len(columns) - 1, columns, output_probabilities(snap)[1])
    assert "sigmoid" in title and "softmax" not in title


def test_a_sigmoid_networks_output_unit_is_not_said_to_go_through_a_softmax(qtbot, page):
    clf = _classifier("784-32-10", "sigmoid")
    snap = _snapshot(clf)
    _show(qtbot, page, snap)
    last = inside.dense_layers(clf.model)[-1]
    page.select_unit(last, 2)
    text = page.arithmetic.text()
    assert "softmax" not in text
    z = float(snap.trace.logits[2])
    assert percent(float(1 / (1 + np.exp(-z))), 1) in text and "σ(" in text


def test_back_to_a_softmax_network_the_panel_says_softmax_again(qtbot, page):
    _show(qtbot, page, _snapshot(_classifier("784-32-10", "sigmoid")))
    _show(qtbot, page, _snapshot(_classifier("784-32-10", "softmax")))
    assert "Σ exp" in page.softmax.text()
    assert page.bottom_tabs.tabText(page.bottom_tabs.indexOf(page.soft_scroll)) == "Softmax"
    assert page.temperature_title.text() == "Softmax temperature"


def test_a_linear_networks_outputs_are_shown_as_they_are(qtbot, page):
    clf = _classifier("784-32-10", "linear")
    snap = _snapshot(clf)
    _show(qtbot, page, snap)
    text = page.softmax.text()
    assert "linear" in text and "Σ exp" not in text
    assert page.temperature.isHidden()


def test_only_the_first_layers_784_weights_are_drawn_as_a_picture(qtbot, page):
    clf = _classifier("784-784-10", "sigmoid")  # mnist-relu-sigmoid-unit's shape
    _show(qtbot, page, _snapshot(clf))
    first, last = inside.dense_layers(clf.model)[0], inside.dense_layers(clf.model)[-1]
    page.select_unit(first, 5)
    assert page.weights.is_picture() and page.weights._caption == "its weights (28×28)"
    page.select_unit(last, 2)  # 784 weights, one per hidden unit: bars, not a picture
    assert not page.weights.is_picture()
    assert page.weights._caption == "its weights (784)"
