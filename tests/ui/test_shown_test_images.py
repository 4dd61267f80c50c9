"""The canvas finds a test image again by its pixels, and nothing else."""

from __future__ import annotations

import numpy as np

from nndesk.preprocess import upscale_28
from nndesk.ui.shown_test_images import KEPT, ShownTestImages


def _test_image(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0, 255, (28, 28)).astype(np.float32)


def test_the_pixels_of_a_test_image_give_back_that_image_and_a_changed_pixel_does_not():
    memory = ShownTestImages()
    image28 = _test_image(0)
    pixels = upscale_28(image28)
    memory.remember(pixels, image28)
    np.testing.assert_array_equal(memory.find(pixels.copy()), image28)
    drawn_on = pixels.copy()
    drawn_on[5, 5] ^= 1
    assert memory.find(drawn_on) is None
    assert memory.find(np.zeros_like(pixels)) is None


def test_the_image_given_back_is_a_copy_the_caller_cannot_spoil():
    memory = ShownTestImages()
    image28 = _test_image(1)
    pixels = upscale_28(image28)
    memory.remember(pixels, image28)
    image28[:] = 0  # the caller's array changes after
    memory.find(pixels)[:] = 7  # and so does one handed out
    np.testing.assert_array_equal(memory.find(pixels), _test_image(1))


def test_the_oldest_images_are_forgotten_beyond_the_limit_and_a_rebuilt_window_adopts_the_rest():
    memory = ShownTestImages()
    images = [_test_image(seed) for seed in range(KEPT + 2)]
    for image28 in images:
        memory.remember(upscale_28(image28), image28)
    assert memory.find(upscale_28(images[0])) is None
    assert memory.find(upscale_28(images[1])) is None
    rebuilt = ShownTestImages()
    rebuilt.adopt(memory)
    for image28 in images[2:]:
        np.testing.assert_array_equal(rebuilt.find(upscale_28(image28)), image28)
