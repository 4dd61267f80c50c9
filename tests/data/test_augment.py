"""Batch augmentation: identity, geometry of shifts and rotations, seeding, shapes and dtypes."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.data.augment import affine_batch, augment_batch, vary_stroke
from nndesk.errors import ConfigError


def blobs(n: int, rng: np.random.Generator) -> np.ndarray:
    """uint8 (n, 28, 28): a bright square blob per image, away from the border."""
    images = np.zeros((n, 28, 28), np.uint8)
    for i in range(n):
        r, c = rng.integers(8, 16, size=2)
        images[i, r : r + 5, c : c + 4] = rng.integers(150, 256)
    return images


def centre_of_mass(images: np.ndarray) -> np.ndarray:
    """(n, 2) as (x, y) in pixels."""
    planes = images.reshape(-1, 28, 28).astype(np.float64)
    total = planes.sum(axis=(1, 2))
    ys, xs = np.arange(28), np.arange(28)
    x = (planes.sum(axis=1) * xs).sum(axis=1) / total
    y = (planes.sum(axis=2) * ys).sum(axis=1) / total
    return np.stack([x, y], axis=1)


def test_zero_shift_rotation_and_unit_scale_are_the_identity():
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(5, 28, 28)).astype(np.uint8)
    same = affine_batch(images, np.zeros(5), np.ones(5), np.zeros((5, 2)))
    np.testing.assert_array_equal(same, images)
    flat = rng.standard_normal((5, 784)).astype(np.float32)
    np.testing.assert_array_equal(augment_batch(flat, rng, 0, 0, 0), flat)


def test_a_two_pixel_shift_moves_the_centre_of_mass_by_two_pixels():
    images = blobs(6, np.random.default_rng(1))
    shifts = np.array([[2, 0], [0, 2], [-2, 0], [0, -2], [2, 2], [1.5, -0.5]], np.float64)
    moved = affine_batch(images, np.zeros(6), np.ones(6), shifts)
    np.testing.assert_allclose(centre_of_mass(moved) - centre_of_mass(images), shifts, atol=0.05)


def test_a_quarter_turn_moves_a_dot_right_of_centre_to_above_centre():
    image = np.zeros((1, 28, 28), np.uint8)
    image[0, 13:15, 20:22] = 255  # right of the centre (13.5, 13.5)
    turned = affine_batch(image, np.array([90.0]), np.ones(1), np.zeros((1, 2)))
    x, y = centre_of_mass(turned)[0]
    assert abs(x - 13.5) < 0.1 and abs(y - (13.5 - 7)) < 0.1


def test_scaling_up_spreads_the_ink_around_the_same_centre():
    image = np.zeros((1, 28, 28), np.float32)
    image[0, 11:17, 11:17] = 1.0
    bigger = affine_batch(image.reshape(1, 784), np.zeros(1), np.array([1.5]), np.zeros((1, 2)))
    assert bigger.sum() == pytest.approx(image.sum() * 1.5**2, rel=0.1)
    np.testing.assert_allclose(centre_of_mass(bigger)[0], [13.5, 13.5], atol=1e-3)


def test_the_same_seed_gives_the_same_batch_and_another_seed_does_not():
    images = blobs(8, np.random.default_rng(2))
    a = augment_batch(images, np.random.default_rng(7), stroke=0.5)
    b = augment_batch(images, np.random.default_rng(7), stroke=0.5)
    c = augment_batch(images, np.random.default_rng(8), stroke=0.5)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize(
    "images",
    [
        np.random.default_rng(3).integers(0, 256, size=(4, 28, 28)).astype(np.uint8),
        np.random.default_rng(3).standard_normal((4, 784)).astype(np.float32),
    ],
)
def test_shape_and_dtype_are_preserved_and_the_input_is_untouched(images):
    before = images.copy()
    out = augment_batch(images, np.random.default_rng(4), stroke=1.0)
    assert out.shape == images.shape and out.dtype == images.dtype
    np.testing.assert_array_equal(images, before)
    assert not np.array_equal(out, images)


def test_random_shifts_stay_within_the_requested_range():
    images = blobs(64, np.random.default_rng(5))
    moved = augment_batch(images, np.random.default_rng(6), shift=2, rotate_degrees=0, scale=0)
    delta = centre_of_mass(moved) - centre_of_mass(images)
    assert np.abs(delta).max() <= 2.05
    assert np.abs(delta).max() > 1.0  # the shifts really vary


def test_dilation_thickens_and_erosion_thins_a_stroke():
    image = np.zeros((2, 28, 28), np.float32)
    image[:, 5:20, 12:15] = 1.0  # a 3 px wide vertical bar
    thick = vary_stroke(image, np.array([True, False]), np.array([False, True]))
    assert np.count_nonzero(thick[0, 10]) == 5  # one more column each side
    assert np.count_nonzero(thick[1, 10]) == 1  # one fewer each side
    assert thick[0, 4:21].min(axis=1).max() == 0 and thick[0, 4, 12] == 1.0


def test_pixels_from_outside_the_image_are_that_images_background():
    images = np.full((2, 784), -0.42, np.float32)
    images[1] = -1.5
    images[:, 300:310] = 2.0  # some ink, so the background is the minimum
    moved = affine_batch(images, np.array([30.0, 0.0]), np.array([0.8, 1.0]), [[3, -3], [-9, 0]])
    corners = moved.reshape(2, 28, 28)[:, [0, 0, -1, -1], [0, -1, 0, -1]]
    np.testing.assert_allclose(corners, [[-0.42] * 4, [-1.5] * 4], rtol=1e-6)


def test_bad_settings_raise_config_error():
    with pytest.raises(ConfigError):
        augment_batch(np.zeros((1, 784), np.float32), np.random.default_rng(0), scale=1.5)
    with pytest.raises(ConfigError):
        augment_batch(np.zeros((1, 27, 27), np.uint8), np.random.default_rng(0))
