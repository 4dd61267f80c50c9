"""A batch that cannot fit in free memory is refused in one line before training."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.training import memory
from nndesk.training.config import TrainConfig
from tests.test_training import FAST, tiny  # noqa: F401 - the module's dataset fixture


def model_of(arch: str):
    return TrainConfig(arch=arch).build_model(np.random.default_rng(0))


def test_batch_bytes_counts_outputs_gradients_and_conv_columns():
    mlp = model_of("784-16-10")
    per_image = memory.batch_bytes(mlp, 1)
    assert memory.batch_bytes(mlp, 100) == 100 * per_image
    cnn = model_of("784-c8-10")
    # the conv's columns (1*3*3 + 1 rows per output position, 28*28 positions) and their grads
    assert memory.batch_bytes(cnn, 1) >= 4 * 2 * 10 * 28 * 28


def test_a_batch_over_the_free_memory_is_refused_naming_the_batch_size(monkeypatch):
    cnn = model_of("784-c32-p-10")
    monkeypatch.setattr(memory, "free_bytes", lambda: 4 * 2**30)
    with pytest.raises(ConfigError, match=r"^batch size 60,000: .* GB, more than the 4.3 GB free"):
        memory.check_batch_fits(cnn, 60_000)
    memory.check_batch_fits(cnn, 64)  # the preset's batch fits


def test_unknown_free_memory_checks_nothing(monkeypatch):
    monkeypatch.setattr(memory, "free_bytes", lambda: None)
    memory.check_batch_fits(model_of("784-c32-p-10"), 10**6)


def test_a_batch_size_asked_mid_run_that_cannot_fit_is_refused(monkeypatch, tiny):  # noqa: F811
    from nndesk.training import prepare

    session = prepare(FAST.replace(arch="784-c8-p-10", batch_size=8, epochs=1), dataset=tiny)
    per_image = memory.batch_bytes(session.model, 1)
    monkeypatch.setattr(memory, "free_bytes", lambda: 20 * per_image)  # 20 images fit
    session.steer({"batch_size": 16}, epoch=1, batch=2, batches=10)
    assert session.pending_batch_size == 16
    with pytest.raises(ConfigError, match=r"^batch size 64: .* use a smaller batch size"):
        session.steer({"batch_size": 64}, epoch=1, batch=3, batches=10)
    full = len(session.y_train)  # 0 asks for the whole split
    with pytest.raises(ConfigError, match=rf"^batch size {full:,}:"):
        session.steer({"batch_size": 0}, epoch=1, batch=3, batches=10)
    assert session.pending_batch_size == 16  # the refused sizes changed nothing


def test_race_lanes_that_fit_alone_but_not_together_are_refused(monkeypatch, tiny):  # noqa: F811
    from nndesk.training.race import prepare_race

    configs = [FAST.replace(arch=a, batch_size=32) for a in ("784-c8-p-10", "784-c8-10")]
    models = [c.build_model(np.random.default_rng(0)) for c in configs]
    each = [memory.batch_bytes(m, 32) for m in models]
    monkeypatch.setattr(memory, "free_bytes", lambda: max(each) + min(each) // 2)
    with pytest.raises(ConfigError, match="each of these 2 networks needs"):
        prepare_race(configs, tiny)
    monkeypatch.setattr(memory, "free_bytes", lambda: sum(each))
    assert len(prepare_race(configs, tiny)) == 2


def test_forward_batch_keeps_a_cnns_activations_within_the_budget_and_leaves_an_mlp_alone():
    cnn, mlp = model_of("784-c32-p-c64-p-128-10"), model_of("784-64-10")
    budget = 8 << 20
    n = memory.forward_batch(cnn, 500, budget)
    assert 1 <= n < 500
    assert n * memory.batch_bytes(cnn, 1) // memory.ARRAYS_PER_ACTIVATION <= budget
    assert (n + 1) * memory.batch_bytes(cnn, 1) // memory.ARRAYS_PER_ACTIVATION > budget
    assert memory.forward_batch(mlp, 500, budget) == 500
    assert memory.forward_batch(cnn, 500, budget=1) == 1  # never zero images a pass


def test_the_neighbour_features_of_a_cnn_are_computed_in_passes_within_the_budget():
    """The Why page's neighbour pool went through a CNN 500 images at a time: ~350 MB of
    activations for Fashion's CNN, on top of a training run's data in the window."""
    import tracemalloc

    from nndesk.data.normalize import Normalizer
    from nndesk.explain import hidden_features

    cnn = model_of("784-c32-p-c64-p-128-10")
    images = np.random.default_rng(1).integers(0, 256, (300, 28, 28)).astype(np.uint8)
    normalizer = Normalizer("unit")
    whole = cnn.forward(normalizer(images))  # one pass over every image, for the reference
    per_image = memory.batch_bytes(cnn, 1) // memory.ARRAYS_PER_ACTIVATION
    tracemalloc.start()
    try:
        feats = hidden_features(cnn, normalizer, images, batch=300)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    logits = feats @ cnn.layers[-1].params["W"] + cnn.layers[-1].params["b"]
    np.testing.assert_allclose(logits, whole, rtol=1e-4, atol=1e-4)
    assert peak < 300 * per_image / 3  # a pass of all 300 held about 300 * per_image
    assert peak < 3 * memory.FORWARD_BUDGET


def test_the_maps_layer_features_of_a_cnn_are_computed_in_passes_within_the_budget():
    import tracemalloc

    from nndesk.embedding import layer_features

    cnn = model_of("784-c32-p-c64-p-128-10")
    x = np.random.default_rng(2).uniform(-1, 1, (300, 784)).astype(np.float32)
    per_image = memory.batch_bytes(cnn, 1) // memory.ARRAYS_PER_ACTIVATION
    tracemalloc.start()
    try:
        feats = layer_features(cnn, x, 3)  # reshape, conv, pool, relu: (300, 32 * 14 * 14)
        peak = tracemalloc.get_traced_memory()[1] - feats.nbytes
    finally:
        tracemalloc.stop()
    np.testing.assert_allclose(feats[:5], layer_features(cnn, x[:5], 3), rtol=1e-5, atol=1e-6)
    assert peak < 300 * per_image / 3
