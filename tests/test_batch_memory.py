"""A batch that cannot fit in free memory is refused in one line before training."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.training import memory
from nndesk.training.config import TrainConfig


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
