"""The inside of a training network: gradient norms, update sizes, dead units, histograms and
first-layer filters, checked against a hand computation on a tiny net."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk.nn.activations import ReLU
from nndesk.nn.conv import Conv2D
from nndesk.nn.layers import Dense
from nndesk.nn.losses import make_loss
from nndesk.nn.model import Sequential
from nndesk.nn.optimizers import make_optimizer
from nndesk.training import BatchReport, EpochReport, prepare, train
from nndesk.training.internals import HISTOGRAM_BINS, Watcher, dead_share, first_filters
from tests.test_training import FAST, tiny  # noqa: F401 - the module's dataset fixture


def tiny_net() -> Sequential:
    """2 inputs -> 3 ReLU units (the third never fires on positive inputs) -> 2 classes."""
    rng = np.random.default_rng(0)
    hidden, out = Dense(2, 3, rng=rng), Dense(3, 2, rng=rng)
    hidden.params["W"][...] = [[1.0, -0.5, -1.0], [0.5, 1.0, -2.0]]
    hidden.params["b"][...] = [0.0, 0.1, -0.5]
    out.params["W"][...] = [[1.0, -1.0], [0.5, 0.25], [2.0, 1.0]]
    out.params["b"][...] = [0.0, 0.0]
    return Sequential([hidden, ReLU(), out], input_shape=(2,))


def test_gradient_norms_updates_and_dead_units_match_a_hand_computation():
    x = np.array([[1.0, 2.0], [0.5, 0.1], [2.0, 0.0]], np.float32)  # all positive
    y = np.array([0, 1, 0])
    model = tiny_net()
    w1 = model.layers[0].params["W"].copy()
    b1 = model.layers[0].params["b"].copy()
    w2 = model.layers[2].params["W"].copy()
    # by hand: h = relu(x W1 + b1), p = softmax(h W2), dL/dlogits = (p - onehot) / n
    z = x @ w1 + b1
    h = np.maximum(z, 0)
    logits = h @ w2
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    d_logits = (p - np.eye(2)[y]) / len(y)
    g2 = h.T @ d_logits
    g1 = x.T @ ((d_logits @ w2.T) * (z > 0))
    assert (z[:, 2] <= 0).all() and (z[:, :2] > 0).any(axis=0).all()  # unit 3 is dead

    loss = make_loss("ce", "softmax")
    optimizer = make_optimizer("sgd", 0.1)
    watcher = Watcher(model, every=1)
    loss(model.forward(x, training=True), y)
    model.backward(loss.backward())
    watcher.before_step()
    optimizer.step(model.parameters())
    sample = watcher.after_step(0.25)

    first, second = sample.layers
    assert sample.x == 0.25
    assert first.grad_norm == pytest.approx(np.linalg.norm(g1), rel=1e-5)
    assert second.grad_norm == pytest.approx(np.linalg.norm(g2), rel=1e-5)
    # plain SGD moves W by lr * g: the ratio is lr * ||g|| / ||W||
    assert first.update_ratio == pytest.approx(
        0.1 * np.linalg.norm(g1) / np.linalg.norm(w1), rel=1e-4
    )
    assert second.update_ratio == pytest.approx(
        0.1 * np.linalg.norm(g2) / np.linalg.norm(w2), rel=1e-4
    )
    assert first.dead == pytest.approx(1 / 3)  # one unit of three never fired
    assert math.isnan(second.dead)  # the output layer has no ReLU after it


def test_dead_share_counts_units_and_conv_channels_never_active_on_the_batch():
    mask = np.array([[1, 0, 0, 1], [0, 0, 1, 1]], bool)
    assert dead_share(mask) == 0.25
    conv = np.zeros((2, 3, 2, 2), bool)
    conv[1, 0, 1, 1] = True  # channel 0 fires once; channels 1, 2 never
    assert dead_share(conv) == pytest.approx(2 / 3)


def test_dead_on_counts_the_units_after_each_relu_that_fire_on_none_of_the_images():
    """A race lane's units, counted once it is over (fixM): the third hidden unit of
    ``tiny_net`` fires on no positive input."""
    from nndesk.training.internals import dead_on

    x = np.array([[1.0, 2.0], [0.5, 0.1], [3.0, 0.0]], np.float32)
    ((name, share),) = dead_on(tiny_net(), x)
    assert name == "Dense 2→3" and share == pytest.approx(1 / 3)


def test_first_filters_are_the_first_layers_weights_as_images():
    rng = np.random.default_rng(1)
    model = Sequential([Dense(784, 12, rng=rng), ReLU(), Dense(12, 10, rng=rng)])
    filters = first_filters(model)
    assert filters.shape == (8, 28, 28)
    np.testing.assert_array_equal(filters[3].ravel(), model.layers[0].params["W"][:, 3])


@pytest.mark.parametrize("kind", ["mlp", "cnn"])
def test_first_filters_are_a_copy_that_later_steps_leave_alone(kind):
    """walk57: a CNN's first kernels came back as a view of the weights (one input channel:
    already contiguous), so every epoch's row showed the weights of now, and after a split run
    the window drew from shared memory the run had unmapped (a segfault)."""
    rng = np.random.default_rng(2)
    if kind == "cnn":
        model = Sequential([Conv2D(1, 12, rng=rng), ReLU()], input_shape=(1, 28, 28))
    else:
        model = Sequential([Dense(784, 12, rng=rng), ReLU(), Dense(12, 10, rng=rng)])
    w = model.layers[0].params["W"]
    filters = first_filters(model)
    kept = filters.copy()
    assert not np.shares_memory(filters, w)
    w += 1.0  # a later step
    np.testing.assert_array_equal(filters, kept)


def test_a_watched_run_reports_samples_and_epoch_weights_and_trains_the_same(tiny):  # noqa: F811
    plain = [r.batch_loss for r in train(prepare(FAST, dataset=tiny)) if isinstance(r, BatchReport)]
    session = prepare(FAST, dataset=tiny)
    watcher = Watcher(session.model, every=4)
    reports = list(train(session, watch=watcher))
    batches = [r for r in reports if isinstance(r, BatchReport)]
    assert [r.batch_loss for r in batches] == plain  # watching changes nothing
    sampled = [r for r in batches if r.inside is not None]
    assert [r.batch for r in sampled] == [1, 5, 9] * 2  # every 4th of 12 batches
    assert all(len(r.inside.layers) == 2 for r in sampled)
    assert all(s.grad_norm > 0 and s.update_ratio > 0 for r in sampled for s in r.inside.layers)
    epochs = [r for r in reports if isinstance(r, EpochReport)]
    assert [e.weights.epoch for e in epochs] == [1, 2]
    assert watcher.start.epoch == 0
    counts = epochs[-1].weights.counts
    assert [c.shape for c in counts] == [(HISTOGRAM_BINS,)] * 2
    assert counts[0].sum() == 784 * 16  # every weight of the first layer, in the fixed bins
    assert not np.array_equal(counts[0], watcher.start.counts[0])  # they moved
    assert epochs[-1].weights.filters.shape == (8, 28, 28)
    assert "weights" not in epochs[-1].to_dict()  # the history keeps numbers only


def test_the_weights_now_are_measured_from_the_first_sampled_batch_not_the_first_epoch_end(
    tiny,  # noqa: F811
):
    """walk48: a one-epoch run showed only the start's histograms while it trained."""
    from nndesk.training.internals import WEIGHTS_EVERY, InsideRecord

    session = prepare(FAST, dataset=tiny)
    watcher = Watcher(session.model, every=1)
    record = InsideRecord(list(watcher.names), [], watcher.start, [])
    for report in train(session, watch=watcher):
        if isinstance(report, EpochReport):
            record.epochs.append(report.weights)
            assert record.now() is report.weights  # the epoch's end is the newest
            break
        if report.inside is not None:
            record.samples.append(report.inside)
            now = record.now()
            assert now is not None and now.epoch == 1  # inside the first epoch
            assert now.counts[0].sum() == 784 * 16
    weighed = [s for s in record.samples if s.weights is not None]
    assert weighed[0] is record.samples[0]
    assert len(weighed) == math.ceil(len(record.samples) / WEIGHTS_EVERY)
    assert not np.array_equal(weighed[-1].weights.counts[0], watcher.start.counts[0])
