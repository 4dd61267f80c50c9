"""Initialisers: the variance each rule promises, drawn only from the generator passed in."""

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.init import default_init, init_weights


@pytest.mark.parametrize(
    ("name", "expected_var"),
    [("he", 2 / 400), ("lecun", 1 / 400), ("xavier", 2 / (400 + 200))],
)
def test_initialiser_variance_matches_its_rule(name, expected_var):
    w = init_weights(name, (400, 200), 400, 200, np.random.default_rng(0))
    assert w.dtype == np.float32 and w.shape == (400, 200)
    assert abs(float(w.mean())) < 0.05 * np.sqrt(expected_var)
    assert float(w.var()) == pytest.approx(expected_var, rel=0.03)


def test_xavier_is_uniform_within_its_limit():
    w = init_weights("xavier", (300, 100), 300, 100, np.random.default_rng(0))
    limit = np.sqrt(6 / 400)
    assert float(np.abs(w).max()) <= limit
    assert float(np.abs(w).max()) > 0.99 * limit


def test_weights_depend_only_on_the_generator_passed_in():
    a = init_weights("he", (5, 3), 5, 3, np.random.default_rng(42))
    b = init_weights("he", (5, 3), 5, 3, np.random.default_rng(42))
    c = init_weights("he", (5, 3), 5, 3, np.random.default_rng(43))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_auto_rule_and_unknown_names():
    assert default_init("relu") == "he" and default_init("prelu") == "he"
    assert default_init("sigmoid") == "xavier" and default_init("tanh") == "xavier"
    with pytest.raises(ConfigError, match="unknown initialiser 'glorot'"):
        init_weights("glorot", (2, 2), 2, 2, np.random.default_rng(0))
