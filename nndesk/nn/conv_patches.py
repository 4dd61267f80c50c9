"""A thin conv and its 2x2 max-pool as one product per pooled row, over input patches.

The four conv outputs a 2x2 pooling window compares, ``(2 p + a, 2 q + b)`` for ``a, b`` in
``{0, 1}``, read a ``k x k`` window each, and together they read one ``(k + 1) x (k + 1)`` patch
of the input (per input channel). So with ``P`` the patches, one column ``(c, k + 1, k + 1)`` a
pooled position, and ``W4`` the kernel placed four times, ``W4[(a, b, f), (ci, a + i, b + j)] =
W[f, ci, i, j]`` (zero elsewhere), the product ``W4 @ P`` is all four window members' outputs at
once::

    Z (4 f, ph pw n) = [W4 | b] (4 f, c (k+1)^2 + 1) @ [P; 1] (c (k+1)^2 + 1, ph pw n)

in four contiguous blocks of ``f`` rows, ``(a, b)`` = (0, 0), (0, 1), (1, 0), (1, 1): the top
and bottom members the pool compares are two slabs, in the order of its masks. For the first
conv of the CNN presets (one input channel, 3x3) that is one ``(128 x 17) @ (17 x pw n)`` product
a pooled row instead of four ``(32 x 10) @ (10 x pw n)``, from a gather of 16 values a pooled
position instead of 36; ``W4`` has 16 multiply-adds a column where a block needs 9 (the
products are that much longer, the gather and the pool's passes shorter; docs/performance.md,
speed59).

Backward, the pooled gradient is routed to each window's winner in the same four blocks ``G``;
block ``(a, b)``'s weight gradient reads the patch rows ``(ci, a + i, b + j)``, which all lie in
one contiguous run of rows of ``P`` from ``a (k + 1) + b`` (for one channel, 11 rows holding its
9 taps; the rows between them are multiplied too and dropped), so each block is one product
``P[run] @ G[a, b].T``. The input gradient (a conv that is not the first layer) is
``W4.T @ G``, added back into the patches' places: the adjoint of the gather.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from nndesk.nn import aligned
from nndesk.nn import conv as conv_module  # which imports this module: used at call time only

if TYPE_CHECKING:
    from nndesk.nn.conv import Conv2D, MaxPool2D

_BLOCKS = ((0, 0), (0, 1), (1, 0), (1, 1))  # the four window members (a, b), as Z's blocks


def fits(conv: Conv2D) -> bool:
    """Whether ``Conv2D.forward_fused`` runs this way: stride 1, and a patch column (``in *
    (k + 1)^2`` rows) shorter than the output channels, so the product stays thin in ``K``
    and the gather is what it saves (``fashion-cnn``'s conv1: 16 rows, 32 channels)."""
    k = conv.kernel_size
    return conv.stride == 1 and conv.in_channels * (k + 1) ** 2 < conv.out_channels


def _patches(conv: Conv2D, x: np.ndarray, ph: int, pw: int, dtype) -> np.ndarray:
    """``[P; 1]`` ``(ph, c (k+1)^2 + 1, pw, n)``: for pooled row ``p``, row ``(ci, r, s)`` holds
    input ``(ci, 2 p + r, 2 q + s)`` of every pooled column ``q`` and sample (padded
    coordinates); the last row is ones (the bias). A round's operand ``P[p]`` is contiguous."""
    n, c = x.shape[:2]
    k1 = conv.kernel_size + 1
    src = conv._tile_source(x, 2 * ph + k1 - 2, 2 * pw + k1 - 2)  # (c, rows, cols, n), padded
    ones_P = conv._buffer("patches", (ph, c * k1 * k1 + 1, pw, n), dtype)
    ones_P[:, -1] = 1
    P = ones_P[:, :-1].reshape(ph, c, k1, k1, pw, n)
    for r in range(k1):
        for s in range(k1):
            # (c, ph, pw, n): input (2 p + r, 2 q + s), runs of samples
            P[:, :, r, s] = src[:, r : r + 2 * ph : 2, s : s + 2 * pw : 2].transpose(1, 0, 2, 3)
    return ones_P


def _weights(conv: Conv2D, dtype) -> np.ndarray:
    """``[W4 | b]`` ``(4 f, c (k+1)^2 + 1)``: the kernel at offset ``(a, b)`` of the patch in
    block ``(a, b)``, the bias in the last column of every block."""
    f, c, k = conv.out_channels, conv.in_channels, conv.kernel_size
    # zero where no tap lands: those entries are never written, so they stay zero
    W4b = conv._buffer("patch_W", (4 * f, c * (k + 1) ** 2 + 1), dtype, zero=True)
    W4 = W4b[:, :-1].reshape(2, 2, f, c, k + 1, k + 1)
    for a, b in _BLOCKS:
        W4[a, b, :, :, a : a + k, b : b + k] = conv.params["W"]
    W4b[:, -1].reshape(4, f)[...] = conv.params["b"]
    return W4b


def forward(conv: Conv2D, x: np.ndarray, pool: MaxPool2D, oh: int, ow: int) -> np.ndarray:
    """``Conv2D.forward_fused`` this way: ``(n, c, h, w) -> (n, f, oh // 2, ow // 2)`` for conv
    outputs ``(oh, ow)``, a pooled row a round; the pool's masks stored pooled row first,
    window column before the channels (``_pool_masks_by_tile_row``, as a round writes them)."""
    n = x.shape[0]
    f, ph, pw = conv.out_channels, oh // 2, ow // 2
    dtype = np.result_type(x, conv.params["W"])
    P = _patches(conv, x, ph, pw, dtype)
    W4b = _weights(conv, dtype)
    rows, cols = P.shape[1], pw * n  # K, and the columns of a round
    P_rounds = P.reshape(ph, rows, cols)
    row_won, col_won = conv_module._pool_masks_by_tile_row(f, ph, pw, n)
    row_by_row = row_won.transpose(1, 3, 0, 2, 4)  # as stored: (ph, 2, f, pw, n)
    col_by_row = col_won.transpose(1, 0, 2, 3)  # (ph, f, pw, n)
    out = aligned.empty((f, ph, pw, n), dtype)
    Z = conv._buffer("patch_Z", (2, 2, f, pw, n), dtype)  # (a, b, f, q, n): a round's outputs
    Z_rows = Z.reshape(4 * f, cols)
    best = conv._buffer("patch_best", (2, f, pw, n), dtype)
    pieces = conv_module._pieces(cols, W4b.size)
    for p in range(ph):
        for cs in pieces:  # (4 f, K) @ (K, pw n), within OpenBLAS's small products
            conv_module._matmul(W4b, P_rounds[p, :, cs], out=Z_rows[:, cs])
        pool._max_of_rows(Z[0], Z[1], row_by_row[p], col_by_row[p], best, out[:, p])
    conv._col, conv._col_windows, conv._winograd, conv._patches = None, None, None, P
    pool._x_shape, pool._chwn, pool._cache = (n, f, oh, ow), True, (row_won, col_won)
    return out.transpose(3, 0, 1, 2)  # NCHW view of (f, ph, pw, n)


def backward(conv: Conv2D, gp: np.ndarray, pool: MaxPool2D) -> np.ndarray | None:
    """``Conv2D.backward_fused`` after ``forward``, from the pooled gradient ``gp`` ``(f, ph,
    pw, n)``: fills the conv's grads; the input gradient (an NCHW view of ``(c, h, w, n)``)
    unless ``skip_input_grad``."""
    P, x = conv._patches, conv._x
    assert P is not None and x is not None and pool._cache is not None
    f, ph, pw, n = gp.shape
    c, k = conv.in_channels, conv.kernel_size
    k1, cols = k + 1, pw * n
    dtype = np.result_type(gp, P)
    row_won, col_won = pool._cache
    row_by_row, col_by_row = row_won.transpose(1, 3, 0, 2, 4), col_won.transpose(1, 0, 2, 3)
    P_rounds = P.reshape(ph, P.shape[1], cols)
    G = conv._buffer("patch_G", (2, 2, f, pw, n), dtype)  # a round's routed gradient, as Z
    G_blocks, G_rows = G.reshape(4, f, cols), G.reshape(4 * f, cols)
    d_best = conv._buffer("patch_d_best", (2, f, pw, n), dtype)
    # block (a, b)'s taps: patch rows start + (ci (k+1)^2 + i (k+1) + j), start = a (k+1) + b
    span = (c - 1) * k1 * k1 + (k - 1) * k1 + k
    terms = conv._buffer("patch_dW", (ph, 4, span, f), dtype)
    dP = None
    if not conv.skip_input_grad:
        dP = conv._buffer("patch_dP", (ph, c * k1 * k1, cols), dtype)
        W4_T = _weights(conv, dtype)[:, :-1].T  # (c (k+1)^2, 4 f)
    gp_rows = gp.transpose(1, 0, 2, 3)  # (ph, f, pw, n)
    matmul = conv_module._matmul  # every conv product through it: the benchmarks time them
    for p in range(ph):
        pool._route_to_rows(gp_rows[p], row_by_row[p], col_by_row[p], d_best, G[0], G[1])
        for block, (a, b) in enumerate(_BLOCKS):
            start = a * k1 + b
            # (span, pw n) @ (pw n, f): the block's taps, with the rows between them
            matmul(P_rounds[p, start : start + span], G_blocks[block].T, out=terms[p, block])
        if dP is not None:  # (c (k+1)^2, 4 f) @ (4 f, pw n)
            matmul(W4_T, G_rows, out=dP[p])
    taps = np.array(
        [ci * k1 * k1 + i * k1 + j for ci in range(c) for i in range(k) for j in range(k)]
    )
    dW = terms.sum(axis=(0, 1))[taps]  # (c k k, f): every round's and block's, summed
    conv.grads["W"][...] = dW.T.reshape(conv.grads["W"].shape)
    conv.grads["b"][...] = gp.sum(axis=(1, 2, 3))  # each pooled value went to one member
    if dP is None:
        return None
    return _scatter(conv, dP.reshape(ph, c, k1, k1, pw, n), x.shape)


def _scatter(conv: Conv2D, dP: np.ndarray, x_shape: tuple[int, ...]) -> np.ndarray:
    """The adjoint of ``_patches``: each patch entry's gradient ``dP`` ``(ph, c, k+1, k+1, pw,
    n)`` added back at the input it was read from; padding dropped. NCHW view of ``(c, h, w,
    n)``."""
    n, c, h, w = x_shape
    ph, _, k1, _, pw, _ = dP.shape
    pad = conv.padding
    # fresh, not a reused buffer: the caller owns the gradient. Entries no patch reads stay 0
    dxp = aligned.zeros((c, h + 2 * pad, w + 2 * pad, n), dP.dtype)
    for r in range(k1):
        for s in range(k1):
            dxp[:, r : r + 2 * ph : 2, s : s + 2 * pw : 2] += dP[:, :, r, s].transpose(1, 0, 2, 3)
    return dxp[:, pad : pad + h, pad : pad + w].transpose(3, 0, 1, 2)
