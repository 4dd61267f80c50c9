"""Normalisation kinds, fitting on train only, shapes, dtype and the saved form."""

import json

import numpy as np
import pytest

from nndesk.data.normalize import Normalizer
from nndesk.errors import ConfigError


@pytest.fixture
def images():
    return np.random.default_rng(0).integers(0, 256, size=(50, 28, 28), dtype=np.uint8)


@pytest.mark.parametrize(
    ("kind", "low", "high"), [("raw", 0, 255), ("unit", 0, 1), ("symmetric", -1, 1)]
)
def test_fixed_kinds_map_0_and_255_to_their_range(kind, low, high):
    x = np.array([[0, 255] + [0] * 782], dtype=np.uint8)
    out = Normalizer(kind)(x)
    assert out.dtype == np.float32 and out.shape == (1, 784)
    assert out[0, 0] == pytest.approx(low) and out[0, 1] == pytest.approx(high)


@pytest.mark.parametrize("shape", [(28, 28), (784,), (3, 28, 28), (3, 784)])
def test_every_accepted_shape_comes_out_as_n_by_784(shape):
    x = np.full(shape, 51, dtype=np.uint8)
    out = Normalizer("unit")(x)
    assert out.shape == (int(np.prod(shape)) // 784, 784)
    np.testing.assert_allclose(out, 0.2, rtol=1e-6)


def test_float_input_gives_the_same_result_as_uint8(images):
    norm = Normalizer("symmetric")
    np.testing.assert_allclose(norm(images.astype(np.float32)), norm(images), atol=1e-6)


def test_global_standardisation_gives_zero_mean_unit_std_on_train(images):
    norm = Normalizer("standard").fit(images)
    out = norm(images)
    assert abs(out.mean()) < 1e-4 and out.std() == pytest.approx(1.0, abs=1e-4)


def test_per_pixel_standardisation_floors_the_std_of_constant_pixels(images):
    images = images.copy()
    images[:, 0, 0] = 0  # a pixel that is blank in every training image
    norm = Normalizer("standard", per_pixel=True).fit(images)
    assert norm.std.shape == (784,) and norm.std.min() > 1.0
    probe = np.zeros((1, 28, 28), np.uint8)
    probe[0, 0, 0] = 255
    assert np.abs(norm(probe)).max() < 100
    out = norm(images)
    np.testing.assert_allclose(out[:, 1:].mean(axis=0), 0, atol=1e-4)


def test_standard_before_fit_is_a_config_error(images):
    with pytest.raises(ConfigError, match="fitted"):
        Normalizer("standard")(images)


def test_unknown_kind_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown normalisation 'zscore'"):
        Normalizer("zscore")
    with pytest.raises(ConfigError):
        Normalizer.from_dict({"kind": "zscore"})


@pytest.mark.parametrize("per_pixel", [False, True])
def test_saved_form_is_json_and_rebuilds_the_same_mapping(images, per_pixel):
    norm = Normalizer("standard", per_pixel=per_pixel).fit(images)
    d = json.loads(json.dumps(norm.to_dict()))
    back = Normalizer.from_dict(d)
    np.testing.assert_array_equal(back(images), norm(images))


def test_saved_standard_setting_without_statistics_is_rejected():
    with pytest.raises(ConfigError, match="mean/std"):
        Normalizer.from_dict({"kind": "standard", "per_pixel": False})


def test_invert_returns_pixels(images):
    norm = Normalizer("standard", per_pixel=True).fit(images)
    np.testing.assert_allclose(norm.invert(norm(images)), images.reshape(-1, 784), atol=1e-3)
