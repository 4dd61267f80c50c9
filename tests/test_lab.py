"""The network lab edits a copy, and each edit changes the network the way it says."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk import lab
from nndesk.nn.architecture import build_model


@pytest.fixture
def model():
    return build_model("784-16-8-3", rng=np.random.default_rng(0))  # Dense ReLU Dense ReLU Dense


def _weights(m):
    return [m.layers[i].params["W"].copy() for i in lab.weighted_layers(m)]


def test_the_original_is_never_touched(model):
    before = _weights(model)
    edits = lab.Edits(
        units_off={0: (1, 2)},
        scale={2: 3.0},
        shift_bias={4: 1.0},
        prune_percent=50,
        weight_noise=0.5,
    )
    lab.apply_edits(model, edits)
    assert all(np.array_equal(a, b) for a, b in zip(before, _weights(model), strict=True))


def test_switching_a_unit_off_removes_it_from_the_answer(model):
    x = np.random.default_rng(1).random((20, 784), dtype=np.float32)
    edited = lab.apply_edits(model, lab.Edits(units_off={0: (3,)}))
    # the same as zeroing that unit's activation by hand
    h = np.maximum(x @ model.layers[0].params["W"] + model.layers[0].params["b"], 0)
    h[:, 3] = 0
    for layer in model.layers[2:]:
        h = layer.forward(h)
    assert np.allclose(edited.forward(x), h, atol=1e-5)
    with pytest.raises(ValueError, match="output layer"):
        lab.apply_edits(model, lab.Edits(units_off={4: (0,)}))
    assert lab.hidden_dense_layers(model) == [(0, 16), (2, 8)]


def test_scale_shift_prune_and_noise(model):
    edited = lab.apply_edits(model, lab.Edits(scale={2: 2.0}, shift_bias={2: 0.5}))
    assert np.allclose(edited.layers[2].params["W"], 2 * model.layers[2].params["W"])
    assert np.allclose(edited.layers[2].params["b"], model.layers[2].params["b"] + 0.5)
    pruned = lab.apply_edits(model, lab.Edits(prune_percent=30))
    zeros = sum(int((w == 0).sum()) for w in _weights(pruned))
    total = sum(w.size for w in _weights(model))
    assert zeros == pytest.approx(0.3 * total, abs=2)
    kept = np.concatenate([np.abs(w[w != 0]) for w in _weights(pruned)])
    gone = np.concatenate(
        [np.abs(w0[w == 0]) for w0, w in zip(_weights(model), _weights(pruned), strict=True)]
    )
    assert gone.max() <= kept.min()  # the smallest went first
    noisy = lab.apply_edits(model, lab.Edits(weight_noise=0.1, seed=4))
    diff = noisy.layers[0].params["W"] - model.layers[0].params["W"]
    assert diff.std() == pytest.approx(0.1 * model.layers[0].params["W"].std(), rel=0.05)


def test_measure_by_hand_and_damage_lowers_accuracy():
    # a linear model that reads class k from pixel k: perfectly right on one-hot images
    m = build_model("784-3", rng=np.random.default_rng(0))
    m.layers[0].params["W"][...] = 0
    m.layers[0].params["W"][np.arange(3), np.arange(3)] = 10.0
    m.layers[0].params["b"][...] = 0
    y = np.array([0, 1, 2, 0, 1, 2])
    x = np.zeros((6, 784), np.float32)
    x[np.arange(6), y] = 1.0
    scores = lab.measure(m, x, y)
    assert scores.accuracy == 1.0 and scores.confident_mistakes == 0 and scores.n == 6
    p_true = np.exp(10) / (np.exp(10) + 2)
    assert scores.loss == pytest.approx(-np.log(p_true), rel=1e-5)
    assert scores.ece == pytest.approx(1 - p_true, rel=1e-3)  # float32 logits
    # the bias pushes every answer to class 2: the wrong ones are confident mistakes
    shifted = lab.apply_edits(m, lab.Edits(shift_bias={0: 0.0}))
    shifted.layers[0].params["b"][2] = 30.0
    bad = lab.measure(shifted, x, y)
    assert bad.accuracy == pytest.approx(2 / 6) and bad.confident_mistakes == 4
    assert lab.measure(m, x, y, temperature=10.0).loss > scores.loss  # softer answers


def test_a_cnn_is_scored_on_fewer_test_images_than_an_mlp():
    rng = np.random.default_rng(0)
    assert lab.lab_images(build_model("784-c4-p-10", rng=rng)) == lab.CNN_LAB_IMAGES
    assert lab.lab_images(build_model("784-8-10", rng=rng)) == lab.LAB_IMAGES
    assert lab.CNN_LAB_IMAGES < lab.LAB_IMAGES
    assert len(lab.lab_sample(np.arange(10_000) % 10, lab.CNN_LAB_IMAGES)) == lab.CNN_LAB_IMAGES


EDIT_KINDS = [
    lab.Edits(scale={-3: 0.5}),  # -3: the first weighted layer
    lab.Edits(shift_bias={-1: 1.0}),  # -1: the output layer (filled in below)
    lab.Edits(units_off={-2: (0, 2)}),  # -2: the last hidden Dense layer
    lab.Edits(prune_percent=40),
    lab.Edits(weight_noise=0.3, seed=2),
    lab.Edits(temperature=2.5),
]


def _concrete(edits, m):
    """``edits`` with -1 / -2 / -3 replaced by the output / last hidden Dense / first weighted
    layer of ``m``."""
    import dataclasses

    weighted = lab.weighted_layers(m)
    where = {-1: weighted[-1], -2: lab.hidden_dense_layers(m)[-1][0], -3: weighted[0]}
    return dataclasses.replace(
        edits,
        scale={where.get(k, k): v for k, v in edits.scale.items()},
        shift_bias={where.get(k, k): v for k, v in edits.shift_bias.items()},
        units_off={where.get(k, k): v for k, v in edits.units_off.items()},
    )


@pytest.mark.parametrize("arch", ["784-16-8-3", "784-c4-bn-p-c6-p-12-3"])
@pytest.mark.parametrize("kind", range(len(EDIT_KINDS)))
def test_an_edit_scored_from_the_kept_layer_inputs_equals_a_full_forward(arch, kind, monkeypatch):
    monkeypatch.setattr(lab, "CHUNK", 7)  # several chunks, cut at the same places both ways
    m = build_model(arch, rng=np.random.default_rng(0))
    rng = np.random.default_rng(3)
    x, y = rng.random((30, 784), dtype=np.float32), rng.integers(0, 3, 30)
    base = lab.LabBase(m, x, y, temperature=1.3)
    assert base.original == lab.measure(m, x, y, 1.3)
    edits = _concrete(EDIT_KINDS[kind], m)
    edited = lab.apply_edits(m, edits)
    assert base.measure(edited, edits) == lab.measure(edited, x, y, edits.temperature)


def test_an_edit_of_a_late_layer_does_not_run_the_layers_before_it(monkeypatch):
    m = build_model("784-c4-p-12-3", rng=np.random.default_rng(0))
    x = np.random.default_rng(3).random((10, 784), dtype=np.float32)
    base = lab.LabBase(m, x, np.zeros(10, np.int64))
    conv = lab.weighted_layers(m)[0]
    output = lab.weighted_layers(m)[-1]
    edits = lab.Edits(shift_bias={output: 0.5})
    edited = lab.apply_edits(m, edits)

    def refuse(*_args, **_kwargs):
        raise AssertionError("the convolution ran again for an edit of the output layer")

    monkeypatch.setattr(edited.layers[conv], "forward", refuse)
    assert lab.first_changed(m, edits) == output
    base.measure(edited, edits)  # no AssertionError: started at the output layer's input
    assert lab.first_changed(m, lab.Edits(temperature=3.0)) is None
    assert lab.first_changed(m, lab.Edits(prune_percent=10)) == conv


def test_chunks_on_two_threads_give_the_numbers_of_one(monkeypatch):
    from nndesk.nn import parallel

    monkeypatch.setattr(lab, "CHUNK", 4)
    m = build_model("784-c4-bn-p-12-3", rng=np.random.default_rng(0))
    x = np.random.default_rng(5).random((26, 784), dtype=np.float32)
    conv = lab.weighted_layers(m)[0]
    one, kept_one = lab.forward_chunks(m, x, keep={conv})
    with parallel.use_threads(2):
        two, kept_two = lab.forward_chunks(m, x, keep={conv})
    np.testing.assert_array_equal(one, two)
    np.testing.assert_array_equal(kept_one[conv], kept_two[conv])
    np.testing.assert_allclose(one, m.forward(x), rtol=1e-5, atol=1e-6)  # in order, each once


@pytest.mark.parametrize(
    ("output", "loss"), [("softmax", "ce"), ("sigmoid", "bce"), ("sigmoid", "mse")]
)
def test_the_labs_loss_is_the_one_the_evaluate_page_reports(output, loss):
    # walk59 D3: a sigmoid/BCE net read 0.0236 on Evaluate and 0.2400 in the Lab (a sum over its
    # ten outputs there, a mean in training and on Evaluate)
    from nndesk.evaluation import score
    from nndesk.nn.losses import make_loss

    rng = np.random.default_rng(3)
    m = build_model("784-16-10", rng=rng, output=output)
    x, y = rng.random((50, 784), dtype=np.float32), rng.integers(0, 10, 50)
    evaluated = score(m, make_loss(loss, output), x, y).loss
    assert lab.measure(m, x, y, loss=loss).loss == pytest.approx(evaluated, rel=1e-5)
    assert lab.LabBase(m, x, y, loss=loss).original.loss == pytest.approx(evaluated, rel=1e-5)
