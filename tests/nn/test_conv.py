"""Conv2D, MaxPool2D and BatchNorm2D: gradients against float64 finite differences, references."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.batchnorm import BatchNorm2D
from nndesk.nn.conv import Conv2D, MaxPool2D
from nndesk.nn.registry import layer_from_config
from tests.nn.fused_step import FusedStep, check_each_layer_goes_back_on_its_own
from tests.nn.gradcheck import check_layer_gradients, numeric_grad


def naive_conv(x, W, b, stride, padding):
    """Reference cross-correlation with explicit loops."""
    n, c, h, w = x.shape
    f, _, k, _ = W.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh = (h + 2 * padding - k) // stride + 1
    ow = (w + 2 * padding - k) // stride + 1
    out = np.zeros((n, f, oh, ow))
    for s in range(n):
        for o in range(f):
            for i in range(oh):
                for j in range(ow):
                    patch = xp[s, :, i * stride : i * stride + k, j * stride : j * stride + k]
                    out[s, o, i, j] = np.sum(patch * W[o]) + b[o]
    return out


@pytest.mark.parametrize(
    "c_in, c_out, k, stride, padding, hw",
    [
        (1, 2, 3, 1, 1, 5),
        (2, 3, 3, 1, 0, 6),
        (3, 2, 3, 2, 1, 7),
        (2, 2, 5, 1, 2, 6),
        (2, 3, 5, 2, 0, 9),
        (1, 2, 5, 2, 2, 3),
        (2, 2, 5, 1, 2, 2),  # some kernel rows only ever see padding
    ],
)
def test_conv2d_gradients_match_finite_differences(c_in, c_out, k, stride, padding, hw):
    rng = np.random.default_rng(0)
    layer = Conv2D(c_in, c_out, kernel_size=k, stride=stride, padding=padding, rng=rng)
    layer.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((2, c_in, hw, hw + 1))  # not square: rows and columns differ
    check_layer_gradients(layer, x, training=True)


@pytest.mark.parametrize("stride, padding, k", [(1, 1, 3), (2, 0, 3), (1, 2, 5), (2, 1, 5)])
def test_conv2d_forward_equals_naive_loop_convolution(stride, padding, k):
    rng = np.random.default_rng(1)
    layer = Conv2D(3, 4, kernel_size=k, stride=stride, padding=padding, rng=rng)
    layer.params["b"][...] = rng.standard_normal(4)
    x = rng.standard_normal((2, 3, 7, 8)).astype(np.float32)
    got = layer.forward(x)
    want = naive_conv(x.astype(np.float64), layer.params["W"], layer.params["b"], stride, padding)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_conv2d_gives_the_same_answer_when_its_buffers_are_reused_for_a_new_batch():
    rng = np.random.default_rng(2)
    layer = Conv2D(2, 3, rng=rng)
    a, b = rng.standard_normal((2, 4, 2, 6, 6)).astype(np.float32)
    first_b = layer.forward(b, training=True).copy()
    layer.forward(a, training=True)
    np.testing.assert_array_equal(layer.forward(b, training=True), first_b)


def test_conv2d_eval_forward_in_chunks_matches_one_shot_and_still_backpropagates(monkeypatch):
    import nndesk.nn.conv as conv

    rng = np.random.default_rng(3)
    layer = Conv2D(2, 3, rng=rng)
    x = rng.standard_normal((5, 2, 6, 6))
    layer.astype(np.float64)
    whole = layer.forward(x, training=True).copy()
    g = rng.standard_normal(whole.shape)
    dx_whole = np.array(layer.backward(g))
    monkeypatch.setattr(conv, "_EVAL_COL_LIMIT", 2 * 18 * 36)  # two samples per chunk
    np.testing.assert_allclose(layer.forward(x), whole, rtol=1e-12)
    np.testing.assert_allclose(layer.backward(g), dx_whole, rtol=1e-12)


@pytest.mark.parametrize("size, shape", [(2, (2, 3, 6, 6)), (2, (2, 2, 5, 7)), (3, (2, 2, 7, 6))])
def test_maxpool_gradients_match_finite_differences(size, shape):
    rng = np.random.default_rng(4)
    # distinct values so that no window has a tie and finite differences are well defined
    x = rng.permutation(np.prod(shape)).reshape(shape) / 10.0
    check_layer_gradients(MaxPool2D(size), x, training=True)


def test_maxpool_treats_a_sample_innermost_view_like_its_contiguous_copy():
    rng = np.random.default_rng(12)
    x_chwn = rng.standard_normal((3, 6, 7, 4)).astype(np.float32)  # memory (c, h, w, n)
    view = x_chwn.transpose(3, 0, 1, 2)
    copy = np.ascontiguousarray(view)
    g = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
    a, b = MaxPool2D(2), MaxPool2D(2)
    np.testing.assert_array_equal(a.forward(view), b.forward(copy))
    np.testing.assert_array_equal(a.backward(g), b.backward(g))


@pytest.mark.parametrize("layout", ["chwn", "nchw"])
def test_maxpool_in_cache_blocks_gives_exactly_the_one_pass_result(layout, monkeypatch):
    import nndesk.nn.conv as conv

    rng = np.random.default_rng(21)
    x_chwn = rng.standard_normal((5, 6, 8, 3)).astype(np.float32)  # memory (c, h, w, n)
    x_chwn[0, 0, 0] = x_chwn[0, 1, 1]  # a tie: still exactly one winner per window
    x = x_chwn.transpose(3, 0, 1, 2) if layout == "chwn" else x_chwn.transpose(3, 0, 1, 2).copy()
    g = rng.standard_normal((3, 5, 3, 4)).astype(np.float32)
    whole = MaxPool2D(2)
    expected = whole.forward(x), whole.backward(g.copy())
    # blocks of two rows of axis 0 (channels; samples x channels for NCHW) and a shorter last one
    monkeypatch.setattr(conv, "_POOL_BLOCK_BYTES", 2 * 6 * 8 * 3 * 4)
    cut, blocks = conv._cache_blocks, []
    monkeypatch.setattr(conv, "_cache_blocks", lambda *a: blocks.append(cut(*a)) or blocks[-1])
    blocked = MaxPool2D(2)
    np.testing.assert_array_equal(blocked.forward(x), expected[0])
    assert [len(b) for b in blocks] == [3]  # the forward pass did run in blocks
    np.testing.assert_array_equal(blocked.backward(g.copy()), expected[1])


def test_conv2d_accepts_any_input_layout_and_chains_with_pooling():
    rng = np.random.default_rng(13)
    conv1, pool, conv2 = Conv2D(2, 4, rng=rng), MaxPool2D(2), Conv2D(4, 3, rng=rng)
    x = rng.standard_normal((3, 2, 8, 8)).astype(np.float32)
    y = conv2.forward(pool.forward(conv1.forward(x, True), True), True)
    g = rng.standard_normal(y.shape).astype(np.float32)
    dx = conv1.backward(pool.backward(conv2.backward(g)))
    # the same chain fed contiguous copies at every step gives the same numbers
    c1, p1, c2 = (layer_from_config(layer.config()) for layer in (conv1, pool, conv2))
    c1.params, c2.params = conv1.params, conv2.params
    h1 = np.ascontiguousarray(c1.forward(np.asfortranarray(x), True))
    h2 = np.ascontiguousarray(p1.forward(h1, True))
    y2 = c2.forward(h2, True)
    np.testing.assert_allclose(y2, y, rtol=1e-6)
    dx2 = c1.backward(np.ascontiguousarray(p1.backward(np.ascontiguousarray(c2.backward(g)))))
    np.testing.assert_allclose(dx2, dx, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("size, hw", [(2, (7, 6)), (3, (7, 8))])
def test_maxpool_forward_equals_window_maxima_and_drops_trailing_rows(size, hw):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 3, *hw))
    out = MaxPool2D(size).forward(x)
    oh, ow = hw[0] // size, hw[1] // size
    crop = x[:, :, : oh * size, : ow * size]
    want = crop.reshape(2, 3, oh, size, ow, size).max(axis=(3, 5))
    np.testing.assert_array_equal(out, want)


@pytest.mark.parametrize("size", [2, 3])
def test_maxpool_sends_a_tied_windows_gradient_to_exactly_one_element(size):
    pool = MaxPool2D(size)
    window = np.zeros((1, 2, size, size))
    window[0, 1] = 1.0
    window[0, 1, 0, 0] = 0.5  # channel 1: every element but one tied at the max
    pool.forward(window)
    dx = pool.backward(np.full((1, 2, 1, 1), 3.0))
    for ch in range(2):
        assert dx[0, ch].sum() == 3.0 and np.count_nonzero(dx[0, ch]) == 1
    assert dx[0, 1, 0, 0] == 0.0


@pytest.mark.parametrize("shape", [(3, 2, 4, 4), (4, 3, 1, 1)])
def test_batchnorm_training_gradients_match_finite_differences(shape):
    rng = np.random.default_rng(6)
    layer = BatchNorm2D(shape[1])
    layer.params["gamma"][...] = rng.uniform(0.5, 2.0, shape[1])
    layer.params["beta"][...] = rng.standard_normal(shape[1])
    x = rng.standard_normal(shape) * 3 + 1
    check_layer_gradients(layer, x, training=True)


def test_batchnorm_eval_gradients_match_finite_differences():
    rng = np.random.default_rng(7)
    layer = BatchNorm2D(2)
    layer.buffers["running_mean"][...] = [0.5, -1.0]
    layer.buffers["running_var"][...] = [2.0, 0.25]
    check_layer_gradients(layer, rng.standard_normal((2, 2, 3, 3)), training=False)


def test_batchnorm_training_output_has_zero_mean_unit_variance_per_channel():
    rng = np.random.default_rng(8)
    x = (rng.standard_normal((16, 3, 5, 5)) * [[[2.0]], [[5.0]], [[0.1]]] + 7).astype(np.float32)
    y = BatchNorm2D(3).forward(x, training=True)
    np.testing.assert_allclose(y.mean(axis=(0, 2, 3)), 0, atol=1e-5)
    v = x.astype(np.float64).var(axis=(0, 2, 3))
    # unit variance up to eps, which matters for the nearly flat third channel
    np.testing.assert_allclose(y.var(axis=(0, 2, 3)), v / (v + 1e-5), rtol=1e-4)


def test_batchnorm_running_stats_converge_to_the_data_statistics_and_drive_eval_mode():
    rng = np.random.default_rng(9)
    layer = BatchNorm2D(2, momentum=0.5)
    for _ in range(40):
        x = rng.normal([[[3.0]], [[-2.0]]], [[[2.0]], [[0.5]]], size=(64, 2, 4, 4))
        layer.forward(x.astype(np.float32), training=True)
    np.testing.assert_allclose(layer.buffers["running_mean"], [3.0, -2.0], atol=0.15)
    np.testing.assert_allclose(layer.buffers["running_var"], [4.0, 0.25], rtol=0.15)
    probe = np.full((1, 2, 1, 1), 3.0, np.float32)
    expected = (3.0 - layer.buffers["running_mean"]) / np.sqrt(layer.buffers["running_var"] + 1e-5)
    np.testing.assert_allclose(layer.forward(probe).ravel(), expected, rtol=1e-5)


@pytest.mark.parametrize(
    "layer, in_shape, out_shape",
    [
        (Conv2D(1, 32), (1, 28, 28), (32, 28, 28)),
        (Conv2D(32, 64, kernel_size=5, padding=0), (32, 14, 14), (64, 10, 10)),
        (Conv2D(3, 8, kernel_size=3, stride=2, padding=1), (3, 28, 28), (8, 14, 14)),
        (MaxPool2D(2), (32, 28, 28), (32, 14, 14)),
        (MaxPool2D(2), (64, 7, 7), (64, 3, 3)),
        (BatchNorm2D(16), (16, 9, 9), (16, 9, 9)),
    ],
)
def test_output_shape_predicts_the_forward_shape(layer, in_shape, out_shape):
    assert layer.output_shape(in_shape) == out_shape
    x = np.random.default_rng(10).standard_normal((2, *in_shape)).astype(np.float32)
    assert layer.forward(x).shape == (2, *out_shape)


@pytest.mark.parametrize(
    "layer",
    [
        Conv2D(3, 5, kernel_size=5, stride=2, padding=0, init="xavier", seed=11),
        MaxPool2D(3),
        BatchNorm2D(4, momentum=0.8, eps=1e-3),
    ],
)
def test_config_round_trips_through_json_and_layer_from_config(layer):
    cfg = json.loads(json.dumps(layer.config()))
    rebuilt = layer_from_config(cfg)
    assert type(rebuilt) is type(layer)
    assert rebuilt.config() == layer.config()
    for name, p in layer.params.items():
        assert rebuilt.params[name].shape == p.shape


def test_a_copy_of_conv2d_keeps_its_weights_but_leaves_the_last_batch_behind():
    import copy
    import pickle

    rng = np.random.default_rng(0)
    layer = Conv2D(2, 3, seed=1)
    x = rng.normal(size=(8, 2, 12, 12)).astype(np.float32)
    layer.forward(x, training=True)
    clone = copy.deepcopy(layer)
    np.testing.assert_array_equal(clone.params["W"], layer.params["W"])
    grad_out = np.ones((8, 3, 12, 12), np.float32)
    with pytest.raises(RuntimeError, match="before forward"):
        clone.backward(grad_out)  # the copy holds no batch of its own yet
    # the copy is about the size of its weights: the batch's im2col columns did not travel
    weights = sum(p.nbytes for p in layer.params.values())
    assert len(pickle.dumps(clone)) < weights + 4096 < x.nbytes
    # a batch through the copy leaves the original's pending backward as it was
    twin = Conv2D(2, 3, seed=1)
    twin.forward(x, training=True)
    expected = twin.backward(grad_out)
    clone.forward(rng.normal(size=(8, 2, 12, 12)).astype(np.float32), training=True)
    np.testing.assert_allclose(layer.backward(grad_out), expected, rtol=1e-6)


def test_conv2d_with_the_same_seed_starts_with_the_same_weights():
    a, b = Conv2D(2, 4, seed=5), Conv2D(2, 4, seed=5)
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    assert not np.array_equal(a.params["W"], Conv2D(2, 4, seed=6).params["W"])


def test_he_init_has_the_expected_spread():
    W = Conv2D(16, 64, seed=0).params["W"]
    assert W.dtype == np.float32
    assert abs(W.std() - np.sqrt(2 / (16 * 9))) < 0.01


@pytest.mark.parametrize(
    "make",
    [
        lambda: Conv2D(0, 4),
        lambda: Conv2D(1, 4, stride=0),
        lambda: Conv2D(1, 4, init="bogus"),
        lambda: MaxPool2D(0),
        lambda: BatchNorm2D(2, momentum=1.5),
    ],
)
def test_bad_settings_raise_config_error(make):
    with pytest.raises(ConfigError):
        make()


def test_conv2d_rejects_input_with_the_wrong_channel_count():
    with pytest.raises(ConfigError):
        Conv2D(3, 4).forward(np.zeros((1, 2, 5, 5), np.float32))


def test_training_backward_skips_the_first_convs_input_gradient_but_not_its_weight_gradient():
    from nndesk.nn.architecture import build_model

    model = build_model("784-c4-p-10", rng=np.random.default_rng(0))
    x = np.random.default_rng(1).standard_normal((5, 784)).astype(np.float32)
    g = np.random.default_rng(2).standard_normal((5, 10)).astype(np.float32)
    model.forward(x, training=True)
    full = model.backward(g)
    grads_full = [grad.copy() for _, _, grad in model.parameters()]
    model.forward(x, training=True)
    assert model.backward(g, input_grad=False) is None
    assert full.shape == (5, 784)
    for before, (_, _, after) in zip(grads_full, model.parameters(), strict=True):
        np.testing.assert_allclose(after, before, rtol=1e-6, atol=1e-7)


# -- a conv and its 2x2 max-pool as one training step (Conv2D.forward_fused / backward_fused) --
# (c_in, c_out, k, padding, h, w): conv outputs even, odd (a row and a column the pool drops)
# and mixed, as fashion-cnn's 26x26 and 11x11 maps
FUSED_SHAPES = [(1, 3, 3, 0, 8, 8), (2, 3, 3, 0, 13, 13), (2, 2, 3, 1, 7, 6), (1, 2, 5, 2, 5, 9)]


@pytest.mark.parametrize("c_in, c_out, k, padding, h, w", FUSED_SHAPES)
def test_conv_fused_with_its_pool_matches_finite_differences(c_in, c_out, k, padding, h, w):
    rng = np.random.default_rng(30)
    conv = Conv2D(c_in, c_out, kernel_size=k, padding=padding, rng=rng)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((3, c_in, h, w))
    check_layer_gradients(FusedStep(conv), x, training=True)


@pytest.mark.parametrize("c_in, c_out, k, padding, h, w", FUSED_SHAPES)
def test_conv_fused_over_input_patches_matches_finite_differences(
    c_in, c_out, k, padding, h, w, monkeypatch
):
    from nndesk.nn import conv_patches

    monkeypatch.setattr(conv_patches, "fits", lambda conv: True)  # whatever the channels
    rng = np.random.default_rng(30)
    conv = Conv2D(c_in, c_out, kernel_size=k, padding=padding, rng=rng)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((3, c_in, h, w))
    step = FusedStep(conv)
    check_layer_gradients(step, x, training=True)
    assert conv._patches is not None


@pytest.mark.parametrize("c_in, c_out, k, padding, h, w", FUSED_SHAPES)
@pytest.mark.parametrize("patches", [False, True])
def test_fused_weight_gradient_without_the_input_gradient_matches_finite_differences(
    c_in, c_out, k, padding, h, w, patches, monkeypatch
):
    import nndesk.nn.conv as conv_module
    from nndesk.nn import conv_patches

    # rounds of one pooled row: the [dW | db] of each round is summed
    monkeypatch.setattr(conv_module, "_FUSED_BYTES", 1)
    monkeypatch.setattr(conv_patches, "fits", lambda conv: patches)
    rng = np.random.default_rng(31)
    step = FusedStep(Conv2D(c_in, c_out, kernel_size=k, padding=padding, rng=rng))
    step.astype(np.float64)
    step.conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((2, c_in, h, w))
    weights = rng.standard_normal(step.forward(x).shape)

    def loss(_):
        return float(np.sum(step.forward(x) * weights))

    step.forward(x)
    step.conv.skip_input_grad = True
    assert step.backward(weights.copy()) is None
    step.conv.skip_input_grad = False
    for name in ("W", "b"):
        analytic = step.grads[name].copy()
        numeric = numeric_grad(loss, step.params[name])
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-7, err_msg=name)


@pytest.mark.parametrize("c_in, c_out, k, padding, h, w", FUSED_SHAPES)
# one pooled row per round; two (the last round shorter when the pooled rows are odd); one round
@pytest.mark.parametrize("rows_per_round", [1, 2, 1 << 30])
# each round's products in pieces of a few columns (_pieces), or whole
@pytest.mark.parametrize("small_product", [200, 1 << 40])
@pytest.mark.parametrize("first", [False, True])
# input patches (conv_patches), columns in the pool's window order (_im2col_windows) or the
# plain order, at stride 1 and 2
@pytest.mark.parametrize(
    "order, stride", [("patches", 1), ("windows", 1), ("plain", 1), ("plain", 2)]
)
def test_conv_fused_with_its_pool_equals_the_two_layers_one_after_the_other(
    c_in,
    c_out,
    k,
    padding,
    h,
    w,
    rows_per_round,
    small_product,
    first,
    order,
    stride,
    monkeypatch,
):
    import nndesk.nn.conv as conv_module
    from nndesk.nn import conv_patches

    monkeypatch.setattr(Conv2D, "_fused_rows", lambda self, _, rows: min(rows, rows_per_round))
    monkeypatch.setattr(conv_module, "_SMALL_PRODUCT", small_product)
    monkeypatch.setattr(conv_module, "_WINOGRAD_MIN_CHANNELS", 1 << 30)  # the direct step
    monkeypatch.setattr(conv_patches, "fits", lambda conv: order == "patches")
    monkeypatch.setattr(Conv2D, "_windows_fit", lambda self: order == "windows")
    rng = np.random.default_rng(32)
    conv = Conv2D(c_in, c_out, kernel_size=k, stride=stride, padding=padding, rng=rng)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((4, c_in, h, w)).astype(np.float32)
    x[:, :, : h // 2] = 0  # a blank top half: its windows all equal the bias, ties everywhere
    plain_conv, plain_pool = layer_from_config(conv.config()), MaxPool2D(2)
    plain_conv.params = {name: p.copy() for name, p in conv.params.items()}
    want = plain_pool.forward(plain_conv.forward(x, True), True)
    g = rng.standard_normal(want.shape).astype(np.float32)
    plain_conv.skip_input_grad = first
    want_dx = plain_conv.backward(plain_pool.backward(g.copy()))

    step = FusedStep(conv)
    for _ in range(2):  # the second batch reuses the buffers of the first
        got = step.forward(x)
        assert (conv._patches is not None) == (order == "patches")
        assert (conv._col_windows is not None) == (order == "windows")
        conv.skip_input_grad = first
        got_dx = step.backward(g.copy())
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
        for mask, want_mask in zip(step.pool._cache, plain_pool._cache, strict=True):
            np.testing.assert_array_equal(mask, want_mask)  # the same winner in every window
        for name in ("W", "b"):
            np.testing.assert_allclose(
                conv.grads[name], plain_conv.grads[name], rtol=1e-5, atol=1e-5, err_msg=name
            )
        if first:
            assert got_dx is None and want_dx is None
        else:
            np.testing.assert_allclose(got_dx, want_dx, rtol=1e-5, atol=1e-6)


def test_only_a_conv_with_fewer_columns_than_channels_orders_them_by_pooling_window():
    from nndesk.nn.architecture import build_model

    model = build_model("784-c32v-p-c64v-p-128-10", rng=np.random.default_rng(37))
    conv1, conv2 = (layer for layer in model.layers if isinstance(layer, Conv2D))
    model.forward(np.random.default_rng(38).random((2, 784), dtype=np.float32), training=True)
    # a 4x4 patch of one channel, 16 rows < 32 channels: patches; 288 rows > 64 channels: not
    assert conv1._patches is not None and conv1._col_windows is None
    assert conv2._patches is None and conv2._col_windows is None  # (Winograd)
    x = np.random.default_rng(40).random((2, 2, 12, 12), np.float32)
    two = Conv2D(2, 32, padding=0, rng=np.random.default_rng(39))
    two.forward_fused(x, MaxPool2D(2))
    # two channels: 32 patch rows, not fewer than 32 channels; 18 window rows are
    assert two._patches is None and two._col_windows is not None
    strided = Conv2D(1, 32, stride=2, rng=np.random.default_rng(39))
    strided.forward_fused(x[:, :1], MaxPool2D(2))
    # a stride of 2: plain order, whatever its rows
    assert strided._patches is None and strided._col_windows is None


def test_pieces_cover_the_columns_in_runs_each_within_the_small_product_size(monkeypatch):
    import nndesk.nn.conv as conv_module

    monkeypatch.setattr(conv_module, "_SMALL_PRODUCT", 1000)
    for columns, per_column in [(3328, 320), (1664, 320), (3, 1001), (7, 1), (100, 7), (1, 5)]:
        pieces = conv_module._pieces(columns, per_column)
        assert [i for cs in pieces for i in range(cs.start, cs.stop)] == list(range(columns))
        sizes = [cs.stop - cs.start for cs in pieces]
        # each run within the limit, unless one column alone is wider than it
        assert all(size * per_column <= 1000 for size in sizes) or sizes == [1] * columns
        assert len(pieces) == -(-columns // max(1, 1000 // per_column))  # as few as that allows
    # at the real limit, the lab CNN's conv1 round of a whole batch of 64 (3328 columns of 32 x 10
    # multiply-adds) goes in two runs of 1664, a split half's round (1664 columns) in one
    monkeypatch.setattr(conv_module, "_SMALL_PRODUCT", 1_000_000)
    assert conv_module._pieces(3328, 320) == [slice(0, 1664), slice(1664, 3328)]
    assert conv_module._pieces(1664, 320) == [slice(0, 1664)]


def test_the_fused_steps_keep_the_pools_masks_in_the_order_their_rounds_write_them(monkeypatch):
    from nndesk.nn import conv_patches
    from nndesk.nn.architecture import build_model

    model = build_model("784-c32v-p-c64v-p-128-10", rng=np.random.default_rng(41))
    model.forward(np.random.default_rng(42).random((4, 784), dtype=np.float32), training=True)
    pool1, pool2 = (layer for layer in model.layers if isinstance(layer, MaxPool2D))
    for pool in (pool1, pool2):  # indexed as the pool's own forward makes them
        row_won, col_won = pool._cache
        assert row_won.shape == (*col_won.shape[:3], 2, col_won.shape[3])
    # conv1 over patches, rounds of pooled rows: pooled row first, then (b, f, q, n) as a
    # round's product writes its window members (a, b); conv2 as Winograd, 4 images: rounds
    # of a row of tiles, tile row first, then (j, f, v, n) as a round's output transform
    # writes its window columns j
    for pool in (pool1, pool2):
        row_won, col_won = pool._cache
        assert row_won.transpose(1, 3, 0, 2, 4).flags.c_contiguous
        assert col_won.transpose(1, 0, 2, 3).flags.c_contiguous
    # conv1 in window order (patches off), rounds of pooled rows: pooled row first, then (f,
    # b, q, n) as its products write each window row
    monkeypatch.setattr(conv_patches, "fits", lambda conv: False)
    conv1 = next(layer for layer in model.layers if isinstance(layer, Conv2D))
    windows_pool = MaxPool2D(2)
    conv1.forward_fused(np.random.default_rng(43).random((4, 1, 28, 28), np.float32), windows_pool)
    row_won, col_won = windows_pool._cache
    assert row_won.transpose(1, 0, 3, 2, 4).flags.c_contiguous
    assert col_won.transpose(1, 0, 2, 3).flags.c_contiguous


def test_winograds_rounds_of_a_tile_row_read_their_inputs_transform_as_one_block_each():
    from nndesk.nn.architecture import build_model

    model = build_model("784-c32v-p-c64v-p-128-10", rng=np.random.default_rng(44))
    # 4 images: conv2 runs as Winograd a row of tiles a round, as a split part's half batch
    model.forward(np.random.default_rng(45).random((4, 784), dtype=np.float32), training=True)
    conv2 = [layer for layer in model.layers if isinstance(layer, Conv2D)][1]
    assert conv2._winograd is not None
    _, V = conv2._winograd  # (4, 4, c, ph, pw, n)
    # stored tile row first: round u's (16, c, pw n) operand is one contiguous block, which
    # the forward's products and the backward's copy read (docs/performance.md, speed60)
    assert V.shape == (4, 4, 32, 5, 5, 4)
    assert V.transpose(3, 0, 1, 2, 4, 5).flags.c_contiguous
    rounds = Conv2D._by_tile_row(V)
    assert rounds.shape == (5, 16, 32, 20) and np.shares_memory(rounds, V)
    # a whole batch's products read V whole: its own order
    model.forward(np.random.default_rng(46).random((64, 784), dtype=np.float32), training=True)
    if conv2._winograd_tiles(25, 16 * 64 * 64 * 4) == 0:
        assert conv2._winograd[1].flags.c_contiguous


@pytest.mark.parametrize("order", ["patches", "windows", "plain"])
def test_after_a_fused_forward_each_layer_can_also_go_back_on_its_own_in_either_order(
    order, monkeypatch
):
    from nndesk.nn import conv_patches

    monkeypatch.setattr(conv_patches, "fits", lambda conv: order == "patches")
    monkeypatch.setattr(Conv2D, "_windows_fit", lambda self: order == "windows")
    conv = Conv2D(2, 3, padding=0, rng=np.random.default_rng(33))
    step = FusedStep(conv, winograd=False)  # 2 input channels: the direct step
    check_each_layer_goes_back_on_its_own(step, 33, np.float32, rtol=1e-5, atol=1e-6)


def test_a_cnn_trains_its_convs_fused_with_their_pools_and_gets_the_same_gradients(monkeypatch):
    from nndesk.nn.architecture import build_model

    model = build_model("784-c4v-p-c6v-p-10", rng=np.random.default_rng(34))
    x = np.random.default_rng(35).random((5, 784), dtype=np.float32)
    g = np.random.default_rng(36).standard_normal((5, 10)).astype(np.float32)
    fused_logits = model.forward(x, training=True).copy()
    convs = [i for i, layer in enumerate(model.layers) if isinstance(layer, Conv2D)]
    assert model._fused == convs  # both convs ran with the pool after them
    assert model.backward(g, input_grad=False) is None
    fused = [grad.copy() for _, _, grad in model.parameters()]
    fused_dx = (model.forward(x, training=True), model.backward(g))[1]
    monkeypatch.setattr(Conv2D, "fuses_with", lambda self, following: False)
    np.testing.assert_allclose(model.forward(x, training=True), fused_logits, rtol=1e-6)
    assert model._fused == []
    assert model.backward(g, input_grad=False) is None
    for (key, _, grad), expected in zip(model.parameters(), fused, strict=True):
        np.testing.assert_allclose(grad, expected, rtol=1e-5, atol=1e-6, err_msg=key)
    model.forward(x, training=True)
    np.testing.assert_allclose(model.backward(g), fused_dx, rtol=1e-5, atol=1e-6)
    assert not any(layer.skip_input_grad for layer in model.layers)


def test_a_cnn_whose_passes_are_split_over_threads_trains_its_convs_unfused():
    from nndesk.nn import parallel
    from nndesk.nn.architecture import build_model

    model = build_model("784-c4v-p-c6v-p-10", rng=np.random.default_rng(37))
    x = np.random.default_rng(38).random((3, 784), dtype=np.float32)
    one_thread = model.forward(x, training=True).copy()
    assert model._fused  # one thread: fused
    with parallel.use_threads(2):
        split = model.forward(x, training=True)
        assert model._fused == []
    np.testing.assert_allclose(split, one_thread, rtol=1e-6, atol=1e-6)
