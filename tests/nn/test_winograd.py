"""Winograd F(2x2, 3x3): each slab transform against its matrix line, each adjoint against its
transform, and a conv + 2x2 pool trained through it against finite differences and the direct
path."""

from __future__ import annotations

import numpy as np
import pytest

import nndesk.nn.conv as conv_module
from nndesk.nn import winograd
from nndesk.nn.conv import Conv2D, MaxPool2D
from nndesk.nn.registry import layer_from_config
from tests.nn.fused_step import FusedStep, check_each_layer_goes_back_on_its_own
from tests.nn.gradcheck import check_layer_gradients


def _tiles(src: np.ndarray, th: int, tw: int) -> np.ndarray:
    """The 4x4 tiles at stride 2 of ``src`` ``(c, h, w, n)`` as ``(c, th, tw, n, 4, 4)``."""
    c, _, _, n = src.shape
    out = np.empty((c, th, tw, n, 4, 4))
    for u in range(th):
        for v in range(tw):
            out[:, u, v] = src[:, 2 * u : 2 * u + 4, 2 * v : 2 * v + 4].transpose(0, 3, 1, 2)
    return out


def test_input_transform_is_bt_d_b_of_every_tile():
    rng = np.random.default_rng(0)
    c, th, tw, n = 3, 2, 3, 2
    src = rng.standard_normal((c, 2 * th + 2, 2 * tw + 2, n))
    V = np.empty((4, 4, c, th, tw, n))
    winograd.inputs(src, V, np.empty((4, c, th, 2 * tw + 2, n)))
    want = winograd.B_T @ _tiles(src, th, tw) @ winograd.B_T.T  # (c, th, tw, n, 4, 4)
    np.testing.assert_allclose(V, want.transpose(4, 5, 0, 1, 2, 3), rtol=1e-13, atol=1e-13)


def test_output_transform_is_at_m_a_of_every_product():
    rng = np.random.default_rng(1)
    M = rng.standard_normal((4, 4, 5, 7))
    Y = np.empty((2, 2, 5, 7))
    winograd.outputs(M.reshape(16, -1), Y.reshape(4, -1))
    want = np.einsum("ia,abxy,jb->ijxy", winograd.A_T, M, winograd.A_T)
    np.testing.assert_allclose(Y, want, rtol=1e-13, atol=1e-13)
    # float32, and a block of columns of a wider array, as the conv hands them over
    M32 = rng.standard_normal((16, 3, 35)).astype(np.float32)
    Y32 = np.full((4, 2 * 35), np.nan, np.float32)
    winograd.outputs(M32[:, 1:].reshape(16, -1), Y32)
    want32 = np.einsum("ia,abm,jb->ijm", winograd.A_T, M32[:, 1:].reshape(4, 4, -1), winograd.A_T)
    np.testing.assert_allclose(Y32.reshape(2, 2, -1), want32, rtol=1e-5, atol=1e-5)


def test_weight_transform_is_g_g_gt_of_every_kernel_and_its_adjoint_is_gt_du_g():
    rng = np.random.default_rng(2)
    W = rng.standard_normal((3, 2, 3, 3))
    U = winograd.weights(W)
    want = np.einsum("ai,fcij,bj->abfc", winograd.G, W, winograd.G).reshape(16, 3, 2)
    np.testing.assert_allclose(U, want, rtol=1e-13, atol=1e-13)
    dU = rng.standard_normal(U.shape)
    # an adjoint satisfies <T w, u> = <w, T* u> for every w, u
    np.testing.assert_allclose(np.sum(U * dU), np.sum(W * winograd.weights_adjoint(dU)), rtol=1e-12)


def test_weight_adjoint_writes_into_the_gradient_it_is_given_the_same_numbers():
    # the conv hands it grads["W"] (a view of the flat gradient buffer): written there in W's
    # order, no transposed copy after it; a strided or other-dtype array gets the same values
    rng = np.random.default_rng(5)
    dU = rng.standard_normal((16, 4, 3)).astype(np.float32)
    want = np.einsum("ai,abfc,bj->fcij", winograd.G, dU.reshape(4, 4, 4, 3), winograd.G)
    flat = np.full(4 * 3 * 9 + 1, np.nan, np.float32)
    grad = flat[1:].reshape(4, 3, 3, 3)
    assert winograd.weights_adjoint(dU, out=grad) is grad
    np.testing.assert_allclose(grad, want, rtol=1e-5, atol=1e-5)
    assert np.isnan(flat[0])  # nothing written outside it
    np.testing.assert_array_equal(winograd.weights_adjoint(dU), grad)
    strided = np.zeros((4, 3, 3, 6), np.float32)[..., ::2]
    winograd.weights_adjoint(dU, out=strided)
    np.testing.assert_array_equal(strided, grad)
    wide = np.zeros((4, 3, 3, 3))
    winograd.weights_adjoint(dU, out=wide)
    np.testing.assert_array_equal(wide, grad)


@pytest.mark.parametrize("th, tw", [(1, 1), (2, 3), (5, 5)])
def test_input_transform_adjoint_satisfies_the_dot_product_identity(th, tw):
    rng = np.random.default_rng(3)
    c, n = 2, 3
    src = rng.standard_normal((c, 2 * th + 2, 2 * tw + 2, n))
    V = np.empty((4, 4, c, th, tw, n))
    rows = np.empty((4, c, th, 2 * tw + 2, n))
    winograd.inputs(src, V, rows)
    dV = rng.standard_normal(V.shape)
    dsrc = np.full(src.shape, np.nan)  # every entry must be written
    winograd.inputs_adjoint(dV, dsrc, rows)
    assert np.all(np.isfinite(dsrc))
    np.testing.assert_allclose(np.sum(V * dV), np.sum(src * dsrc), rtol=1e-12)


def test_input_transform_and_adjoint_take_views_and_scratch_as_the_conv_hands_them():
    # as Conv2D: src the first rows and columns of a bigger (c, h, w, n) array, a block of
    # channels of each scratch, float32; the answers as with fresh C-ordered arrays
    rng = np.random.default_rng(5)
    c, th, tw, n = 4, 2, 3, 5
    whole = rng.standard_normal((c + 2, 2 * th + 3, 2 * tw + 3, n)).astype(np.float32)
    src = whole[1 : c + 1, : 2 * th + 2, : 2 * tw + 2]
    rows = np.full((4, c + 2, th, 2 * tw + 2, n), np.nan, np.float32)[:, 1 : c + 1]
    split = np.full((c + 2, 2 * th + 2, 2 * tw + 2, n), np.nan, np.float32)[1 : c + 1]
    V = np.empty((4, 4, c, th, tw, n), np.float32)
    winograd.inputs(src, V, rows, split)
    want = np.empty_like(V)
    winograd.inputs(
        np.ascontiguousarray(src), want, np.empty((4, c, th, 2 * tw + 2, n), np.float32)
    )
    np.testing.assert_array_equal(V, want)
    dV = rng.standard_normal(V.shape).astype(np.float32)
    dsrc = np.full(whole.shape, np.nan, np.float32)
    winograd.inputs_adjoint(dV, dsrc[1 : c + 1, : 2 * th + 2, : 2 * tw + 2], rows, split)
    want_dsrc = np.empty(src.shape, np.float32)
    winograd.inputs_adjoint(dV, want_dsrc, np.empty((4, c, th, 2 * tw + 2, n), np.float32))
    np.testing.assert_array_equal(dsrc[1 : c + 1, : 2 * th + 2, : 2 * tw + 2], want_dsrc)
    assert np.isnan(dsrc[0]).all() and np.isnan(dsrc[:, -1]).all()  # nothing else written


def test_output_transform_adjoint_satisfies_the_dot_product_identity():
    rng = np.random.default_rng(4)
    M = rng.standard_normal((16, 18))
    Y = np.empty((4, 18))
    winograd.outputs(M, Y)
    dY = rng.standard_normal(Y.shape)
    dM = np.full((16, 2, 18), np.nan)  # the first block of a wider array
    winograd.outputs_adjoint(dY, dM[:, 0])
    np.testing.assert_allclose(np.sum(Y * dY), np.sum(M * dM[:, 0]), rtol=1e-12)
    assert np.all(np.isnan(dM[:, 1]))


def test_output_transform_adjoint_is_aa_transposed_times_dy():
    # the passes of sums give the product AA.T @ dY to rounding (they add in another order), in
    # float64 and float32, into a block of channels of a wider array as Conv2D hands it over
    rng = np.random.default_rng(6)
    dY = rng.standard_normal((4, 2, 9))
    dM = np.full((16, 3, 9), np.nan)
    winograd.outputs_adjoint(dY.reshape(4, 18), dM[:, 1:].reshape(16, 18))
    want = np.einsum("ia,jb,ijm->abm", winograd.A_T, winograd.A_T, dY.reshape(2, 2, 18))
    np.testing.assert_allclose(dM[:, 1:].reshape(16, 18), want.reshape(16, 18), rtol=1e-14)
    product = winograd.AA.T @ dY.reshape(4, 18)
    np.testing.assert_allclose(dM[:, 1:].reshape(16, 18), product, rtol=1e-14, atol=1e-15)
    assert np.all(np.isnan(dM[:, 0]))  # nothing else written
    dY32 = rng.standard_normal((4, 40)).astype(np.float32)
    dM32 = np.empty((16, 40), np.float32)
    winograd.outputs_adjoint(dY32, dM32)
    want32 = winograd.AA.T.astype(np.float32) @ dY32
    np.testing.assert_allclose(dM32, want32, rtol=1e-6, atol=1e-6)


# -- a conv fused with its 2x2 pool, run as Winograd (Conv2D._forward_winograd) --------------
@pytest.fixture
def winograd_for_any_channels(monkeypatch):
    monkeypatch.setattr(conv_module, "_WINOGRAD_MIN_CHANNELS", 1)


# (c_in, c_out, padding, h, w): conv outputs even, odd (a row and a column the pool drops) and
# mixed, padded and not, as fashion-cnn's 13x13 -> 11x11 second conv
SHAPES = [(2, 3, 0, 8, 8), (2, 3, 0, 13, 13), (3, 2, 1, 7, 6), (1, 2, 1, 4, 5)]


@pytest.mark.parametrize("c_in, c_out, padding, h, w", SHAPES)
def test_winograd_conv_and_pool_match_finite_differences(
    c_in, c_out, padding, h, w, winograd_for_any_channels
):
    rng = np.random.default_rng(40)
    conv = Conv2D(c_in, c_out, kernel_size=3, padding=padding, rng=rng)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((3, c_in, h, w))
    check_layer_gradients(FusedStep(conv, winograd=True), x, training=True)


def _plain_pair(conv: Conv2D, x: np.ndarray, g: np.ndarray, first: bool):
    """Output, masks, grads and dx of the same conv and pool as two layers, direct im2col."""
    plain, pool = layer_from_config(conv.config()), MaxPool2D(2)
    plain.astype(conv.params["W"].dtype)
    plain.params = {name: p.copy() for name, p in conv.params.items()}
    out = pool.forward(plain.forward(x, True), True)
    plain.skip_input_grad = first
    dx = plain.backward(pool.backward(g.copy()))
    return out, pool._cache, plain.grads, dx


@pytest.mark.parametrize("c_in, c_out, padding, h, w", SHAPES)
@pytest.mark.parametrize("first", [False, True])
# the output transform and its pool run in blocks of channels: all in one block (these shapes
# are small), one channel a block, and two (3 channels: a short last block)
@pytest.mark.parametrize("channels_per_block", [None, 1, 2])
def test_winograd_step_equals_the_two_layers_in_float64(
    c_in, c_out, padding, h, w, first, channels_per_block, winograd_for_any_channels, monkeypatch
):
    if channels_per_block is not None:
        monkeypatch.setattr(
            Conv2D, "_winograd_channels", staticmethod(lambda _bytes: channels_per_block)
        )
    rng = np.random.default_rng(41)
    conv = Conv2D(c_in, c_out, kernel_size=3, padding=padding, rng=rng)
    conv.astype(np.float64)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((4, c_in, h, w))
    x[:, :, : h // 2] = 0  # a blank top half: its windows all equal the bias, ties everywhere
    g = rng.standard_normal((4, c_out, (h + 2 * padding - 2) // 2, (w + 2 * padding - 2) // 2))
    want, want_masks, want_grads, want_dx = _plain_pair(conv, x, g, first)
    step = FusedStep(conv, winograd=True)
    for _ in range(2):  # the second batch reuses the buffers of the first
        got = step.forward(x)
        conv.skip_input_grad = first
        got_dx = step.backward(g.copy())
        conv.skip_input_grad = False
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
        for mask, want_mask in zip(step.pool._cache, want_masks, strict=True):
            np.testing.assert_array_equal(mask, want_mask)  # the same winner in every window
        for name in ("W", "b"):
            np.testing.assert_allclose(conv.grads[name], want_grads[name], rtol=1e-11, atol=1e-12)
        if first:
            assert got_dx is None and want_dx is None
        else:
            np.testing.assert_allclose(got_dx, want_dx, rtol=1e-11, atol=1e-12)


@pytest.mark.parametrize("c_in, c_out, padding, h, w", SHAPES)
# the input gradient's products in pieces of columns (OpenBLAS's small products): one column a
# piece, and three (a short last piece where the columns are not a multiple of 3)
@pytest.mark.parametrize("columns_per_piece", [1, 3])
def test_winograd_input_gradient_in_pieces_of_columns_equals_the_two_layers_in_float64(
    c_in, c_out, padding, h, w, columns_per_piece, winograd_for_any_channels, monkeypatch
):
    from nndesk.nn import conv as conv_module

    monkeypatch.setattr(conv_module, "_SMALL_PRODUCT", columns_per_piece * c_in * c_out)
    rng = np.random.default_rng(47)
    conv = Conv2D(c_in, c_out, kernel_size=3, padding=padding, rng=rng)
    conv.astype(np.float64)
    x = rng.standard_normal((3, c_in, h, w))
    g = rng.standard_normal((3, c_out, (h + 2 * padding - 2) // 2, (w + 2 * padding - 2) // 2))
    want, _, want_grads, want_dx = _plain_pair(conv, x, g, False)
    step = FusedStep(conv, winograd=True)
    np.testing.assert_allclose(step.forward(x), want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(step.backward(g.copy()), want_dx, rtol=1e-11, atol=1e-12)
    for name in ("W", "b"):
        np.testing.assert_allclose(conv.grads[name], want_grads[name], rtol=1e-11, atol=1e-12)


@pytest.mark.parametrize("c_in, c_out, padding, h, w", SHAPES)
# the products, output transform and pool in rounds of tiles (a split part's half batch): one
# tile a round, and two (a short last round where the tiles are odd)
@pytest.mark.parametrize("tiles_per_round", [1, 2])
def test_winograd_step_in_rounds_of_tiles_equals_the_two_layers_in_float64(
    c_in, c_out, padding, h, w, tiles_per_round, winograd_for_any_channels, monkeypatch
):
    monkeypatch.setattr(
        Conv2D, "_winograd_tiles", staticmethod(lambda _tiles, _bytes: tiles_per_round)
    )
    rng = np.random.default_rng(43)
    conv = Conv2D(c_in, c_out, kernel_size=3, padding=padding, rng=rng)
    conv.astype(np.float64)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((3, c_in, h, w))
    x[:, :, : h // 2] = 0  # ties: the first row and column must still win
    g = rng.standard_normal((3, c_out, (h + 2 * padding - 2) // 2, (w + 2 * padding - 2) // 2))
    want, want_masks, want_grads, want_dx = _plain_pair(conv, x, g, False)
    step = FusedStep(conv, winograd=True)
    for _ in range(2):  # the second batch reuses the rounds' buffers
        got = step.forward(x)
        got_dx = step.backward(g.copy())
        # rounds of fewer tiles than a row: the backward by blocks of channels, whole products
        # (a round of a whole row of tiles: the backward in the same rounds)
        by_rows = tiles_per_round >= want.shape[3]
        assert ("wino_dM_row" in conv._buffers) == by_rows
        assert ("wino_dM" in conv._buffers) != by_rows
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
        for mask, want_mask in zip(step.pool._cache, want_masks, strict=True):
            np.testing.assert_array_equal(mask, want_mask)
        for name in ("W", "b"):
            np.testing.assert_allclose(conv.grads[name], want_grads[name], rtol=1e-11, atol=1e-12)
        np.testing.assert_allclose(got_dx, want_dx, rtol=1e-11, atol=1e-12)


@pytest.mark.parametrize("c_in, c_out, padding, h, w", SHAPES)
def test_winograd_step_in_rounds_of_tile_rows_equals_the_two_layers_in_float64(
    c_in, c_out, padding, h, w, winograd_for_any_channels, monkeypatch
):
    # a round's budget of many tiles: a row of tiles a round, masks stored tile row first
    monkeypatch.setattr(Conv2D, "_winograd_tiles", staticmethod(lambda _tiles, _bytes: 1000))
    rng = np.random.default_rng(44)
    conv = Conv2D(c_in, c_out, kernel_size=3, padding=padding, rng=rng)
    conv.astype(np.float64)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((3, c_in, h, w))
    x[:, :, : h // 2] = 0  # ties: the first row and column must still win
    g = rng.standard_normal((3, c_out, (h + 2 * padding - 2) // 2, (w + 2 * padding - 2) // 2))
    for first in (False, True):
        want, want_masks, want_grads, want_dx = _plain_pair(conv, x, g, first)
        step = FusedStep(conv, winograd=True)
        for _ in range(2):  # the second batch reuses the rounds' buffers
            got = step.forward(x)
            row_won, _ = step.pool._cache
            assert row_won.transpose(1, 3, 0, 2, 4).flags.c_contiguous  # this path's layout
            conv.skip_input_grad = first
            got_dx = step.backward(g.copy())
            conv.skip_input_grad = False
            # the backward in the same rounds: a round's dM, never the whole batch's
            assert "wino_dM_row" in conv._buffers and "wino_dM" not in conv._buffers
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
            for mask, want_mask in zip(step.pool._cache, want_masks, strict=True):
                np.testing.assert_array_equal(mask, want_mask)
            for name in ("W", "b"):
                np.testing.assert_allclose(
                    conv.grads[name], want_grads[name], rtol=1e-11, atol=1e-12
                )
            if first:
                assert got_dx is None and want_dx is None
            else:
                np.testing.assert_allclose(got_dx, want_dx, rtol=1e-11, atol=1e-12)


@pytest.mark.parametrize("c_in, c_out, padding, h, w", SHAPES)
def test_winograd_step_in_rounds_of_tile_rows_matches_finite_differences(
    c_in, c_out, padding, h, w, winograd_for_any_channels, monkeypatch
):
    monkeypatch.setattr(Conv2D, "_winograd_tiles", staticmethod(lambda _tiles, _bytes: 1000))
    rng = np.random.default_rng(45)
    conv = Conv2D(c_in, c_out, kernel_size=3, padding=padding, rng=rng)
    conv.params["b"][...] = rng.standard_normal(c_out)
    x = rng.standard_normal((3, c_in, h, w))
    check_layer_gradients(FusedStep(conv, winograd=True), x, training=True)


def test_a_half_batch_of_the_fashion_cnns_second_conv_runs_in_rounds_and_a_whole_one_does_not():
    # 16 products x 64 channels x samples, float32, over 5 x 5 tiles: a half batch (32 samples)
    # is 3.3 MB, under the threshold, a round one pooled row; a whole batch (64) 6.5 MB
    assert Conv2D._winograd_tiles(25, 16 * 64 * 32 * 4) == 5
    assert Conv2D._winograd_tiles(25, 16 * 64 * 64 * 4) == 0


def test_winograd_step_in_float32_stays_within_rounding_of_the_direct_path(
    winograd_for_any_channels,
):
    rng = np.random.default_rng(42)
    conv = Conv2D(32, 16, kernel_size=3, padding=0, rng=rng)
    x = np.maximum(rng.standard_normal((8, 32, 13, 13), dtype=np.float32), 0)
    g = rng.standard_normal((8, 16, 5, 5)).astype(np.float32)
    want, _, want_grads, want_dx = _plain_pair(conv, x, g, False)
    step = FusedStep(conv, winograd=True)
    got = step.forward(x)
    got_dx = step.backward(g.copy())
    assert got.dtype == got_dx.dtype == np.float32
    scale = float(np.abs(want).max())
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5 * scale)
    for name in ("W", "b"):
        grad, expected = conv.grads[name], want_grads[name]
        np.testing.assert_allclose(grad, expected, rtol=0, atol=1e-5 * np.abs(expected).max())
    np.testing.assert_allclose(got_dx, want_dx, rtol=0, atol=1e-5 * np.abs(want_dx).max())


def test_after_a_winograd_forward_each_layer_can_also_go_back_on_its_own(
    winograd_for_any_channels,
):
    conv = Conv2D(2, 3, padding=0, rng=np.random.default_rng(43))
    conv.astype(np.float64)
    step = FusedStep(conv, winograd=True)
    check_each_layer_goes_back_on_its_own(step, 43, np.float64, rtol=1e-11, atol=1e-12)


def test_a_cnn_trains_its_wide_conv_as_winograd_and_its_one_channel_conv_directly(monkeypatch):
    from nndesk.nn.architecture import build_model

    model = build_model("784-c8v-p-c6v-p-10", rng=np.random.default_rng(44))
    model.astype(np.float64)
    x = np.random.default_rng(45).random((5, 784))
    g = np.random.default_rng(46).standard_normal((5, 10))
    conv1, conv2 = (layer for layer in model.layers if isinstance(layer, Conv2D))
    logits = model.forward(x, training=True).copy()
    assert conv1._winograd is None and conv2._winograd is not None  # 1 input channel; 8
    assert model.backward(g, input_grad=False) is None
    grads = [grad.copy() for _, _, grad in model.parameters()]
    monkeypatch.setattr(Conv2D, "fuses_with", lambda self, following: False)
    np.testing.assert_allclose(model.forward(x, training=True), logits, rtol=1e-11, atol=1e-12)
    assert model.backward(g, input_grad=False) is None
    for (key, _, grad), expected in zip(model.parameters(), grads, strict=True):
        np.testing.assert_allclose(grad, expected, rtol=1e-10, atol=1e-12, err_msg=key)


def test_passes_split_over_threads_keep_the_direct_step_and_its_numbers(
    winograd_for_any_channels,
):
    from nndesk.nn import parallel

    rng = np.random.default_rng(47)
    conv = Conv2D(4, 3, padding=0, rng=rng)
    conv.astype(np.float64)
    x = rng.standard_normal((2, 4, 9, 9))
    one_thread = conv.forward_fused(x, MaxPool2D(2)).copy()
    assert conv._winograd is not None
    with parallel.use_threads(2):
        split = conv.forward_fused(x, MaxPool2D(2))
    assert conv._winograd is None  # the direct im2col step ran
    np.testing.assert_allclose(split, one_thread, rtol=1e-12, atol=1e-12)
