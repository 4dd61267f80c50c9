"""Arrays on 64-byte boundaries (nndesk.nn.aligned) and the CNN's arrays that come from it."""

import numpy as np
import pytest

from nndesk.nn import aligned, parallel


def _start(a: np.ndarray) -> int:
    return a.__array_interface__["data"][0] % 64


@pytest.mark.parametrize("shape", [0, 1, 7, (3, 5), (2, 0, 4), (64, 13, 13, 32)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, bool, np.uint8])
def test_aligned_arrays_have_the_asked_shape_and_dtype_and_start_on_64_bytes(shape, dtype):
    for _ in range(5):  # malloc's own blocks start on 16 bytes: most would be off
        a, z = aligned.empty(shape, dtype), aligned.zeros(shape, dtype)
        expected = np.zeros(shape, dtype)
        assert a.shape == z.shape == expected.shape and a.dtype == z.dtype == expected.dtype
        assert a.flags.c_contiguous and a.flags.writeable
        np.testing.assert_array_equal(z, expected)
        if a.size:
            assert _start(a) == 0 and _start(z) == 0
    like = aligned.zeros_like(np.ones((4, 3), np.float32)[:, ::2])
    assert like.shape == (4, 2) and like.dtype == np.float32 and _start(like) == 0
    assert not like.any()


def test_a_split_of_the_flat_buffers_cuts_them_on_64_bytes():
    for size, parts in [(225_034, 2), (225_034, 3), (1_000, 2), (17, 2), (40, 3)]:
        slices = parallel.split(size, parts, aligned.FLOAT32_STEP)
        covered = [i for s in slices for i in range(s.start, s.stop)]
        assert covered == list(range(size))
        lengths = [s.stop - s.start for s in slices]
        if size >= aligned.FLOAT32_STEP * parts:
            assert all(s.start % aligned.FLOAT32_STEP == 0 for s in slices)
            assert max(lengths) - min(lengths) < aligned.FLOAT32_STEP
        else:  # too small to cut on 16: as without
            assert slices == parallel.split(size, parts)


def test_a_cnn_step_runs_its_passes_into_arrays_on_64_bytes():
    from nndesk.nn.architecture import build_model
    from nndesk.nn.conv import Conv2D, MaxPool2D
    from nndesk.nn.optimizers import make_optimizer

    model = build_model("784-c32v-p-c64v-p-128-10", rng=np.random.default_rng(1))
    model.flatten_parameters()
    x = np.random.default_rng(2).random((8, 784), dtype=np.float32)
    g = np.random.default_rng(3).standard_normal((8, 10)).astype(np.float32)
    opt = make_optimizer("adam", 1e-3)
    model.forward(x, training=True)
    model.backward(g, input_grad=False)
    opt.step(model.parameters())
    arrays = {"params": model.parameters()[0][1].base, "grads": model.parameters()[0][2].base}
    for i, layer in enumerate(model.layers):
        if isinstance(layer, Conv2D):
            arrays.update({f"{i} {name}": buf for name, buf in layer._buffers.items()})
        if isinstance(layer, MaxPool2D):
            arrays.update({f"{i} mask {k}": m.base for k, m in enumerate(layer._cache)})
    flat = opt._fused_cache[1]
    arrays.update({f"slot {name}": s for name, s in flat[2].items()})
    arrays.update({"decay mask": flat[3], "scratch": flat[4]})
    assert len(arrays) > 15
    off = {name: _start(a) for name, a in arrays.items() if _start(a)}
    assert not off, f"not on 64 bytes: {off}"
