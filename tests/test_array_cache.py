"""tools.array_cache: generated training images are drawn once and read back as they were."""

from __future__ import annotations

import numpy as np

from tools.array_cache import cached_arrays


def _maker(calls: list):
    def make():
        calls.append(1)
        rng = np.random.default_rng(len(calls))
        return rng.integers(0, 256, (5, 28, 28), dtype=np.uint8), np.arange(5)

    return make


def test_without_a_cache_every_call_draws():
    calls: list = []
    cached_arrays(None, "x.npz", _maker(calls))
    cached_arrays(None, "x.npz", _maker(calls))
    assert len(calls) == 2


def test_a_cached_set_is_drawn_once_and_read_back_unchanged(tmp_path):
    calls: list = []
    images, labels = cached_arrays(tmp_path / "sub", "set-0-5.npz", _maker(calls))
    again_images, again_labels = cached_arrays(tmp_path / "sub", "set-0-5.npz", _maker(calls))
    assert len(calls) == 1
    np.testing.assert_array_equal(again_images, images)
    np.testing.assert_array_equal(again_labels, labels)
    assert again_images.dtype == np.uint8
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["set-0-5.npz"]


def test_another_name_is_another_set(tmp_path):
    calls: list = []
    cached_arrays(tmp_path, "a.npz", _maker(calls))
    cached_arrays(tmp_path, "b.npz", _maker(calls))
    assert len(calls) == 2
