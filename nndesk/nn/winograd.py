"""Winograd F(2x2, 3x3): a 3x3 convolution's 2x2 output tiles from 16 products instead of 36.

Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks" (2015). For a 4x4 input tile
``d`` and a 3x3 kernel ``g``, the 2x2 output tile of their cross-correlation is::

    Y = A_T @ ((G @ g @ G.T) * (B_T @ d @ B_T.T)) @ A_T.T

Summed over input channels, the elementwise product becomes one matmul per position ``xi`` of
the 4x4 transformed tile: ``M[xi] = U[xi] @ V[xi]`` with ``U[xi]`` ``(f, c)`` the transformed
weights and ``V[xi]`` ``(c, m)`` the transformed input tiles (``m`` = tiles x samples). That is
16 x ``f c m`` multiply-adds against 36 x ``f c m`` for the direct convolution of the same
outputs, and in a conv followed by a 2x2 max-pool each output tile is exactly one pooling
window.

The input transform is the matrix line above, applied along one axis at a time to whole
``(channels, tile rows, tile columns, samples)`` slabs, so NumPy's loops stay long; the weight and
output transforms are one product each with the Kronecker product of their matrix with itself
(``GG``, ``AA``); the output transform's adjoint is passes of sums (its product has ``K`` = 4).
Each has its adjoint (the backward pass), proved by ``tests/nn/test_winograd.py`` against the
matrices.
Arrays are laid out sample-innermost, as ``nndesk.nn.conv`` keeps activations.
"""

from __future__ import annotations

import numpy as np

#: Input transform: ``V = B_T @ d @ B_T.T`` for a 4x4 tile ``d``.
B_T = np.array([[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]], dtype=np.float64)
#: Weight transform: ``U = G @ g @ G.T`` for a 3x3 kernel ``g``.
G = np.array([[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]], dtype=np.float64)
#: Output transform: ``Y = A_T @ M @ A_T.T`` for a 4x4 product ``M``.
A_T = np.array([[1, 1, 1, 0], [0, 1, -1, -1]], dtype=np.float64)


#: ``G`` on both sides of a 3x3 kernel as one matrix: ``U.ravel() = GG @ g.ravel()``, so every
#: kernel of a layer is transformed by a single ``(16, 9) @ (9, f*c)`` product.
GG = np.kron(G, G)


def weights(W: np.ndarray) -> np.ndarray:
    """``U`` ``(16, f, c)``: ``G @ W[f, c] @ G.T`` of every 3x3 kernel of ``W`` ``(f, c, 3, 3)``,
    position ``xi = 4 a + b`` first so that ``U[xi]`` is one matmul's left operand."""
    f, c = W.shape[:2]
    # (16, 9) @ (9, f*c) -> (16, f*c), the kernels' taps copied to rows first: OpenBLAS is
    # slower over the transposed view than over the copy
    return (GG.astype(W.dtype) @ np.ascontiguousarray(W.reshape(f * c, 9).T)).reshape(16, f, c)


def weights_adjoint(dU: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """dL/dW ``(f, c, 3, 3)`` from dL/dU ``(16, f, c)``: ``G.T @ dU[f, c] @ G``, into ``out``
    (contiguous, ``(f, c, 3, 3)``) when given."""
    _, f, c = dU.shape
    if out is not None and out.flags.c_contiguous and out.dtype == dU.dtype:
        dW = out
    else:
        dW = np.empty((f, c, 3, 3), dU.dtype)
    # (f*c, 16) @ (16, 9) -> (f*c, 9): written in W's order, no transposed copy after it
    np.matmul(dU.reshape(16, f * c).T, GG.astype(dU.dtype), out=dW.reshape(f * c, 9))
    if out is None:
        return dW
    if out is not dW:
        out[...] = dW
    return out


def _along(a: np.ndarray, axis: int, start: int, stop: int | None, step: int = 1) -> np.ndarray:
    """``a[..., start:stop:step, ...]`` on ``axis``: a view."""
    index = [slice(None)] * a.ndim
    index[axis] = slice(start, stop, step)
    return a[tuple(index)]


def _bt_1d(src: np.ndarray, axis: int, tiles: int, out: np.ndarray) -> None:
    """``B_T`` on every 4-entry window of ``src`` along ``axis`` at stride 2: ``out[k]`` (``src``'s
    shape with ``tiles`` on ``axis``) ``= sum_j B_T[k, j] * src[2 u + j]`` for windows ``u``."""
    _bt_windows([_along(src, axis, j, j + 2 * tiles - 1, 2) for j in range(4)], out)


def _bt_windows(s: list[np.ndarray], out: np.ndarray) -> None:
    """``out[k] = sum_j B_T[k, j] * s[j]``: ``B_T`` on the four members ``s`` of every
    window, each already a view of its own."""
    np.subtract(s[0], s[2], out=out[0])
    np.add(s[1], s[2], out=out[1])
    np.subtract(s[2], s[1], out=out[2])
    np.subtract(s[1], s[3], out=out[3])


def _bt_1d_adjoint(dout: np.ndarray, axis: int, tiles: int, dsrc: np.ndarray) -> None:
    """The adjoint of ``_bt_1d``: ``dsrc`` (``2 tiles + 2`` entries on ``axis``, overwritten)
    ``= sum_u sum_k B_T[k, j] dout[k][u]`` at entry ``2 u + j``. Neighbouring windows share two
    entries, so entry ``2 u`` sums ``j = 0`` of window ``u`` and ``j = 2`` of window ``u - 1``,
    entry ``2 u + 1`` likewise ``j = 1`` and ``j = 3``; each is written once."""
    even, odd = _along(dsrc, axis, 0, None, 2), _along(dsrc, axis, 1, None, 2)  # tiles + 1 each
    _bt_adjoint_into(dout, axis, tiles, even, odd)


def _bt_adjoint_into(
    dout: np.ndarray, axis: int, tiles: int, even: np.ndarray, odd: np.ndarray
) -> None:
    """``_bt_1d_adjoint`` into its entries ``2 u`` (``even``) and ``2 u + 1`` (``odd``), ``tiles
    + 1`` each on ``axis``, wherever they are stored."""

    def windows(a: np.ndarray, start: int, stop: int | None) -> np.ndarray:
        return _along(a, axis, start, stop)

    # columns of B_T: j=0 -> dout0; j=1 -> dout1 - dout2 + dout3; j=2 -> dout1 + dout2 - dout0;
    # j=3 -> -dout3
    d0, d3 = dout[0], dout[3]
    j2 = np.add(dout[1], dout[2])
    np.subtract(j2, d0, out=j2)
    j1 = np.subtract(dout[1], dout[2])
    np.add(j1, d3, out=j1)
    # even[u] = d0[u] + j2[u - 1], odd[u] = j1[u] - d3[u - 1]: the first and last entries have
    # one window each
    np.copyto(windows(even, 0, 1), windows(d0, 0, 1))
    np.add(windows(d0, 1, None), windows(j2, 0, tiles - 1), out=windows(even, 1, tiles))
    np.copyto(windows(even, tiles, None), windows(j2, tiles - 1, None))
    np.copyto(windows(odd, 0, 1), windows(j1, 0, 1))
    np.subtract(windows(j1, 1, None), windows(d3, 0, tiles - 1), out=windows(odd, 1, tiles))
    np.negative(windows(d3, tiles - 1, None), out=windows(odd, tiles, None))


def inputs(
    src: np.ndarray, V: np.ndarray, rows: np.ndarray, split: np.ndarray | None = None
) -> None:
    """``V`` ``(4, 4, c, th, tw, n)``: ``B_T @ d @ B_T.T`` of every 4x4 tile ``d`` at stride 2 of
    ``src`` ``(c, 2 th + 2, 2 tw + 2, n)``. ``rows`` ``(4, c, th, 2 tw + 2, n)`` and ``split``
    (``src``'s shape; made when not given) are scratch, each contiguous in its last two axes
    (their reshapes below are then views: a block of channels of a bigger buffer will do).

    ``src``'s columns are first copied apart by parity, ``split`` ``(c, 2 th + 2, 2, tw + 1,
    n)`` (column ``2 p + e`` at ``[e, p]``), and the row pass keeps that order: the column
    pass's four window members (column ``2 v + j`` of window ``v``: parity ``j % 2``, pair ``v
    + j // 2``) are then runs of ``tw`` columns of samples, not of one column's samples. NumPy
    copies such strided operands through its buffers run by run, so longer runs cost less
    (docs/performance.md)."""
    c, h2, _, n = src.shape
    th, tw = V.shape[3], V.shape[4]
    if split is None:
        split = np.empty((c, h2, 2, tw + 1, n), src.dtype)
    split = split.reshape(c, h2, 2, tw + 1, n)
    split[:, :, 0] = src[:, :, 0::2]  # even columns
    split[:, :, 1] = src[:, :, 1::2]
    by_parity = rows.reshape(4, c, th, 2, tw + 1, n)
    run = 2 * (tw + 1) * n  # a row of columns of samples, in either order
    # rows[a] = sum_i B_T[a, i] src[2 u + i]
    _bt_1d(split.reshape(c, h2, run), 1, th, by_parity.reshape(4, c, th, run))
    # V[a, b] = sum_j B_T[b, j] rows[a][.., 2 v + j, ..]
    members = [by_parity[:, :, :, j % 2, j // 2 : j // 2 + tw] for j in range(4)]
    _bt_windows(members, V.swapaxes(0, 1))


def inputs_adjoint(
    dV: np.ndarray, dsrc: np.ndarray, rows: np.ndarray, split: np.ndarray | None = None
) -> None:
    """The adjoint of ``inputs``: ``dsrc`` ``(c, 2 th + 2, 2 tw + 2, n)`` (overwritten) from
    ``dV`` ``(4, 4, c, th, tw, n)``; ``rows`` and ``split`` are scratch as for ``inputs``, and the
    passes keep its order (columns apart by parity until the last copy)."""
    c, h2, _, n = dsrc.shape
    th, tw = dV.shape[3], dV.shape[4]
    if split is None:
        split = np.empty((c, h2, 2, tw + 1, n), dsrc.dtype)
    split = split.reshape(c, h2, 2, tw + 1, n)
    by_parity = rows.reshape(4, c, th, 2, tw + 1, n)
    _bt_adjoint_into(dV.swapaxes(0, 1), 3, tw, by_parity[:, :, :, 0], by_parity[:, :, :, 1])
    run = 2 * (tw + 1) * n
    _bt_1d_adjoint(by_parity.reshape(4, c, th, run), 1, th, split.reshape(c, h2, run))
    dsrc[:, :, 0::2] = split[:, :, 0]
    dsrc[:, :, 1::2] = split[:, :, 1]


#: ``A_T`` on both sides of a 4x4 product as one matrix: ``Y.ravel() = AA @ M.ravel()``, so the
#: output transform of every tile is a single ``(4, 16) @ (16, m)`` product.
AA = np.kron(A_T, A_T)

_AA_BY_DTYPE: dict[np.dtype, np.ndarray] = {}


def _aa(dtype: np.dtype) -> np.ndarray:
    """``AA`` in ``dtype``, made once per dtype."""
    aa = _AA_BY_DTYPE.get(dtype)
    if aa is None:
        aa = _AA_BY_DTYPE[dtype] = AA.astype(dtype)
    return aa


def outputs(M: np.ndarray, Y: np.ndarray) -> None:
    """``Y`` ``(4, m)``: ``A_T @ M @ A_T.T`` of every product ``M`` ``(16, m)`` (position ``xi = 4 a
    + b`` first; ``Y``'s rows are ``2 i + j``), as ``AA @ M``.

    One product instead of two passes of sums along each axis: BLAS streams ``M`` once, in
    cache-sized blocks, where the passes wrote and re-read a half-size intermediate
    (docs/performance.md)."""
    np.matmul(_aa(M.dtype), M, out=Y)  # (4, 16) @ (16, m) -> (4, m)


def outputs_adjoint(dY: np.ndarray, dM: np.ndarray) -> None:
    """The adjoint of ``outputs``: ``dM`` ``(16, m)`` (overwritten) ``= AA.T @ dY`` from ``dY``
    ``(4, m)``, i.e. ``dM[a, b] = sum_ij A_T[i, a] A_T[j, b] dY[i, j]``.

    As ten passes of sums, not the product: ``A_T``'s entries are 0 and +-1, and with ``K`` = 4
    the product is all memory traffic (BLAS clears its 16 output rows before adding into them),
    so the passes, which write each row once, took about half its time. Along
    ``j`` first, ``T[i] = (dY[i, 0], dY[i, 0] + dY[i, 1], dY[i, 0] - dY[i, 1], -dY[i, 1])``;
    then along ``i``, ``dM[0] = T[0]``, ``dM[1] = T[0] + T[1]``, ``dM[2] = T[0] - T[1]``,
    ``dM[3] = -T[1]`` (docs/performance.md). ``dM``'s rows may be strided (a block of channels
    of a bigger array); each row of ``m`` must be contiguous for the passes to be flat."""
    m = dY.shape[1]
    d = dY.reshape(2, 2, m)  # d[i, j]: output row i, column j of every tile
    dM4 = dM.reshape(4, 4, m)  # dM4[a, b]
    t0, minus_t1 = dM4[0], dM4[3]  # T[0] and -T[1], in place
    np.copyto(t0[0], d[0, 0])
    np.add(d[0, 0], d[0, 1], out=t0[1])
    np.subtract(d[0, 0], d[0, 1], out=t0[2])
    np.negative(d[0, 1], out=t0[3])
    np.negative(d[1, 0], out=minus_t1[0])
    np.subtract(minus_t1[0], d[1, 1], out=minus_t1[1])  # -(dY[1, 0] + dY[1, 1])
    np.add(minus_t1[0], d[1, 1], out=minus_t1[2])  # -(dY[1, 0] - dY[1, 1])
    np.copyto(minus_t1[3], d[1, 1])
    np.subtract(t0, minus_t1, out=dM4[1])  # T[0] + T[1]
    np.add(t0, minus_t1, out=dM4[2])  # T[0] - T[1]
