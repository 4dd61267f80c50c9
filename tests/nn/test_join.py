"""join_side_by_side: two members as one network whose logits are the mean of theirs."""

import numpy as np
import pytest

from nndesk.nn.activations import PReLU
from nndesk.nn.batchnorm import BatchNorm2D
from nndesk.nn.join import join_side_by_side
from nndesk.nn.serialization import load_model, save_model
from nndesk.training import TrainConfig


def _member(arch: str, seed: int, activation: str = "relu"):
    """A network of ``arch`` with random weights, biases, slopes and running statistics."""
    config = TrainConfig(arch=arch, activation=activation, dropout=0.4, seed=seed)
    model = config.build_model(np.random.default_rng(seed))
    rng = np.random.default_rng(seed + 100)
    for layer in model.layers:
        for name, p in layer.params.items():
            if name == "b" or isinstance(layer, BatchNorm2D | PReLU):
                p[...] = rng.normal(0.5 if name == "gamma" else 0.0, 0.3, size=p.shape)
        if isinstance(layer, BatchNorm2D):
            layer.buffers["running_mean"][...] = rng.normal(size=layer.channels)
            layer.buffers["running_var"][...] = rng.uniform(0.5, 2, size=layer.channels)
    return model


# fashion-cnn's layer kinds (conv, ReLU, batch norm, pooling twice, flatten, dense, dropout,
# dense), small; and fashion-mlp's (dense, PReLU, dropout, twice, dense)
CASES = [("784-c4-bn-p-c6-bn-p-16-10", "relu"), ("784-24-12-10", "prelu"), ("784-10", "relu")]


@pytest.mark.parametrize(("arch", "activation"), CASES)
def test_joined_logits_are_the_members_mean_on_random_inputs(arch, activation):
    a, b = _member(arch, 1, activation), _member(arch, 2, activation)
    joined = join_side_by_side(a, b)
    x = np.random.default_rng(7).uniform(-1, 1, size=(33, 784)).astype(np.float32)
    za, zb, z = (m.forward(x, training=False) for m in (a, b, joined))
    assert z.shape == (33, 10)
    assert not np.allclose(za, zb, atol=1e-2)  # two different members, so the mean says something
    np.testing.assert_allclose(z, (za + zb) / 2, rtol=1e-4, atol=1e-4)
    # where both members give the same answer the joined network gives it too
    same = za.argmax(1) == zb.argmax(1)
    assert (z.argmax(1)[same] == za.argmax(1)[same]).all()


def test_the_joined_cnn_has_twice_the_channels_and_block_diagonal_weights():
    a, b = _member("784-c4-bn-p-c6-bn-p-16-10", 1), _member("784-c4-bn-p-c6-bn-p-16-10", 2)
    joined = join_side_by_side(a, b)
    weights = [la.params["W"].shape for la in joined.layers if "W" in la.params]
    assert weights == [(8, 1, 3, 3), (12, 8, 3, 3), (588, 32), (32, 10)]
    conv2 = [la for la in joined.layers if "W" in la.params][1].params["W"]
    assert not conv2[:6, 4:].any() and not conv2[6:, :4].any()  # no half reads the other
    dense1 = [la for la in joined.layers if "W" in la.params][2].params["W"]
    assert not dense1[:294, 16:].any() and not dense1[294:, :16].any()


def test_a_joined_network_is_an_ordinary_model_file(tmp_path):
    a, b = _member("784-c4-bn-p-c6-bn-p-16-10", 1), _member("784-c4-bn-p-c6-bn-p-16-10", 2)
    joined = join_side_by_side(a, b)
    path = save_model(tmp_path / "joined.npz", joined, {"class_names": list("abcdefghij")})
    again = load_model(path).model
    x = np.random.default_rng(3).uniform(-1, 1, size=(5, 784)).astype(np.float32)
    np.testing.assert_array_equal(again.forward(x), joined.forward(x))


def test_members_that_differ_are_refused():
    a = _member("784-c4-bn-p-c6-bn-p-16-10", 1)
    with pytest.raises(ValueError, match="differ"):
        join_side_by_side(a, _member("784-c4-bn-p-c8-bn-p-16-10", 2))
    with pytest.raises(ValueError, match="layers"):
        join_side_by_side(a, _member("784-24-12-10", 2))
