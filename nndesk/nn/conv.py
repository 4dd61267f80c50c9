"""Convolution and max-pooling on NCHW images, in plain NumPy (batch normalisation:
``nndesk.nn.batchnorm``).

Layout note: inputs and outputs are NCHW as the contract says, but the arrays Conv2D and MaxPool2D
*return* are NCHW views of sample-innermost memory ``(c, h, w, n)``. That is the order the im2col
matmul produces, and in it every shifted window a convolution copies (and every pair a 2x2 pool
compares) is a run of ``w * n`` contiguous floats instead of a row of ``w``, so NumPy's loops stay
long; a conv -> relu -> pool -> conv chain never transposes whole activations. Callers only ever
see ordinary NCHW arrays (any layout is accepted as input).
"""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn import aligned, conv_patches, parallel, winograd
from nndesk.nn.init import init_weights
from nndesk.nn.layers import Layer, _layer_rng

# Above this many column-matrix elements an eval-mode forward runs in chunks of samples, so
# predict_proba(batch_size=2048) on a CNN does not build a half-gigabyte im2col matrix.
_EVAL_COL_LIMIT = 1 << 23

# every convolution matmul goes through this name, so benchmarks/bench_cnn.py can time them
_matmul = np.matmul


def _span(offset: int, pad: int, stride: int, size: int, out_len: int) -> tuple[slice, slice]:
    """Which outputs ``t`` read input row ``offset - pad + stride * t`` inside ``[0, size)``.

    Returns ``(outputs, inputs)`` slices of equal length, so padding never has to be
    materialised: outputs outside the input simply keep their zero.
    """
    first = max(0, -(-(pad - offset) // stride))  # smallest t with a row >= 0
    stop = min(out_len, (size - 1 - offset + pad) // stride + 1)  # rows <= size - 1
    if stop <= first:
        return slice(0, 0), slice(0, 0)
    row = offset - pad + stride * first
    return slice(first, stop), slice(row, row + stride * (stop - first - 1) + 1, stride)


def _covers(rows: slice, size: int) -> bool:
    """Whether an input slice from ``_span`` reads all of ``range(size)`` (step 1, 0 to size)."""
    return rows.start == 0 and rows.stop == size and rows.step in (None, 1)


#: Bytes of conv output one round of a conv fused with a 2x2 pool computes (``forward_fused``):
#: the pool then reads it from the cache the matmul just wrote it to.
_FUSED_BYTES = 1 << 18

#: Multiply-adds of the largest product OpenBLAS runs as a "small matrix" (``M * N * K``, its
#: SkylakeX kernels): such a product skips packing its operands. Just above it the first conv's
#: thin products (``K`` = 10 column rows forward, ``N`` = 32 channels backward) ran at half the
#: rate or less, so ``forward_fused`` and ``backward_fused`` cut theirs into pieces of columns
#: below it (``_pieces``; docs/performance.md).
_SMALL_PRODUCT = 1_000_000

#: Input channels from which a 3x3 stride-1 conv fused with its 2x2 pool runs as Winograd
#: F(2x2, 3x3) (``Conv2D._forward_winograd``): with fewer, its 16 products are too thin for BLAS
#: (the first conv's one channel would make them outer products).
_WINOGRAD_MIN_CHANNELS = 8

#: Bytes of Winograd products ``M`` (16 per output) one block of channels of its output
#: transform reads (``Conv2D._winograd_channels``): the block's outputs are still in the cache
#: when its pool reads them.
_WINOGRAD_BLOCK_BYTES = 1 << 19

#: Below this many bytes of Winograd products ``M`` for the whole batch (``fashion-cnn``'s conv2:
#: 3.3 MB for the half batch a split part runs, 6.5 MB for a whole one), the products, the output
#: transform and the pool run a round of tiles at a time (``Conv2D._winograd_tiles``), so each
#: round's products are still in the cache when the transform reads them; with a whole batch's
#: arrays that measured no faster than one product per position (docs/performance.md).
_WINOGRAD_ROUNDS_BELOW = 4 << 20

#: Bytes of Winograd products one such round computes. When a whole row of tiles fits, a round
#: is one row of tiles (``Conv2D._winograd_tile_rows``), whatever this leaves over.
_WINOGRAD_ROUND_BYTES = 640 << 10

#: Bytes of input one round of a 2x2 pool's passes covers: all four passes then find it in the
#: caches instead of fetching it from memory again.
_POOL_BLOCK_BYTES = 1 << 20


def _cache_blocks(part: slice, row_bytes: int) -> list[slice]:
    """``part`` (a range of axis 0) cut into runs of rows that together hold at most
    ``_POOL_BLOCK_BYTES`` (at least one row each)."""
    step = max(1, _POOL_BLOCK_BYTES // max(1, row_bytes))
    return [slice(i, min(i + step, part.stop)) for i in range(part.start, part.stop, step)]


def _pieces(columns: int, per_column: int) -> list[slice]:
    """``range(columns)`` in as few runs of about equal length as keep each run's product,
    ``per_column`` multiply-adds a column, within ``_SMALL_PRODUCT`` (at least one column)."""
    most = max(1, _SMALL_PRODUCT // max(1, per_column))  # columns a run may hold
    step = -(-columns // -(-columns // most))  # ceiling divisions: the runs' count, their length
    return [slice(i, min(i + step, columns)) for i in range(0, columns, step)]


#: ``(rows, f, b, q, n) -> (b, rows, f, q, n)``: a window-order round's slabs by window column
#: ``b``, as ``MaxPool2D._max_of_rows`` and ``_route_to_rows`` take them
_BY_B = (2, 0, 1, 3, 4)


def _pool_masks(f: int, ph: int, pw: int, n: int, by_column: bool) -> tuple[np.ndarray, np.ndarray]:
    """Empty ``MaxPool2D`` masks for a 2x2 pool of ``(f, 2 ph, 2 pw, n)``: ``row_won`` ``(f, ph,
    pw, 2, n)`` and ``col_won`` ``(f, ph, pw, n)``, indexed as the pool's own forward makes them.
    ``by_column``: ``row_won`` lives in ``(2, f, ph, pw, n)`` memory, window column first, for
    the fused steps that hand a window's two columns over as two slabs (``_max_of_rows``,
    ``_route_to_rows``): they then write and read it in runs of whole rows of windows, not of
    ``n`` samples."""
    if by_column:
        row_won = aligned.empty((2, f, ph, pw, n), bool).transpose(1, 2, 3, 0, 4)
    else:
        row_won = aligned.empty((f, ph, pw, 2, n), bool)
    return row_won, aligned.empty((f, ph, pw, n), bool)


def _pool_masks_by_row(f: int, ph: int, pw: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``_pool_masks`` (the same indexing) stored pooled row first: ``row_won`` in ``(ph, f, 2,
    pw, n)`` memory, ``col_won`` in ``(ph, f, pw, n)``, for the window-order step
    (``Conv2D._forward_windows``), whose rounds are pooled rows: a round's masks are then one
    contiguous block in the order its products write, and NumPy runs each pass over them as one
    flat loop. (On views it cannot flatten, NumPy copies the operands through its buffers, which
    took more time than the comparisons; docs/performance.md.)"""
    row_won = aligned.empty((ph, f, 2, pw, n), bool).transpose(1, 0, 3, 2, 4)  # (f, ph, pw, 2, n)
    col_won = aligned.empty((ph, f, pw, n), bool).transpose(1, 0, 2, 3)  # (f, ph, pw, n)
    return row_won, col_won


def _pool_masks_by_tile_row(f: int, ph: int, pw: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``_pool_masks`` stored tile row first for Winograd's rounds of a tile row
    (``Conv2D._winograd_tile_rows``): ``row_won`` in ``(ph, 2, f, pw, n)`` memory (window
    column ``j`` before the channels, as the output transform writes a round), ``col_won`` in
    ``(ph, f, pw, n)``."""
    row_won = aligned.empty((ph, 2, f, pw, n), bool).transpose(2, 0, 3, 1, 4)  # (f, ph, pw, 2, n)
    col_won = aligned.empty((ph, f, pw, n), bool).transpose(1, 0, 2, 3)  # (f, ph, pw, n)
    return row_won, col_won


def _as_chwn(x: np.ndarray) -> np.ndarray:
    """``(c, h, w, n)`` view of NCHW ``x`` (contiguous when ``x`` came from these layers)."""
    return x.transpose(1, 2, 3, 0)


class Conv2D(Layer):
    """2-D convolution (cross-correlation) as one im2col matmul per batch.

    Parameters
    ----------
    in_channels, out_channels : int
    kernel_size, stride, padding : int
        Square kernel ``k``; output side is ``(h + 2 * padding - k) // stride + 1``.
    init : str
        "he" | "xavier" | "lecun" | "zeros", see ``nndesk.nn.init``; fans are ``in*k*k, out*k*k``.
    seed : int or None
        Seeds the weight draw when no ``rng`` is given; kept in ``config()``.
    rng : np.random.Generator, optional
        Source of the initial weights (not part of ``config()``).

    Params ``W`` float32 ``(out, in, k, k)`` and ``b`` float32 ``(out,)``; input ``(n, in, h, w)``.
    """

    def __init__(
        self,
        in_channels: int,
        out_channels: int,
        kernel_size: int = 3,
        stride: int = 1,
        padding: int = 1,
        init: str = "he",
        seed: int | None = None,
        *,
        rng: np.random.Generator | None = None,
    ) -> None:
        super().__init__()
        for label, v, low in (
            ("in_channels", in_channels, 1),
            ("out_channels", out_channels, 1),
            ("kernel_size", kernel_size, 1),
            ("stride", stride, 1),
            ("padding", padding, 0),
        ):
            if int(v) != v or v < low:
                raise ConfigError(f"Conv2D {label} must be an integer >= {low}, got {v!r}")
        self.in_channels, self.out_channels = int(in_channels), int(out_channels)
        self.kernel_size, self.stride, self.padding = int(kernel_size), int(stride), int(padding)
        self.init, self.seed = init, seed
        k = self.kernel_size
        self.params["W"] = np.empty((self.out_channels, self.in_channels, k, k), np.float32)
        self.params["b"] = np.zeros(self.out_channels, np.float32)
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.initialize(_layer_rng(rng, seed))
        self._buffers: dict[str, np.ndarray] = {}  # scratch reused while the batch shape repeats
        self._x: np.ndarray | None = None
        self._col: np.ndarray | None = None
        self._col_windows: np.ndarray | None = None  # a fused forward's window-order columns
        self._winograd: tuple[np.ndarray, np.ndarray] | None = None  # (U, V) of a fused forward
        self._patches: np.ndarray | None = None  # a fused forward's patches (conv_patches)

    def __getstate__(self) -> dict:
        # copies (Sequential.astype deep-copies) leave the batch caches and scratch buffers behind
        state = self.__dict__.copy()
        state.update(
            _buffers={}, _x=None, _col=None, _col_windows=None, _winograd=None, _patches=None
        )
        return state

    def initialize(self, rng: np.random.Generator) -> None:
        """Redraw ``W`` from ``rng`` with this layer's ``init`` rule and zero ``b``, in place."""
        W = self.params["W"]
        k2 = self.kernel_size * self.kernel_size
        fan_in, fan_out = self.in_channels * k2, self.out_channels * k2
        W[...] = init_weights(self.init, W.shape, fan_in, fan_out, rng, W.dtype)
        self.params["b"][...] = 0

    # -- shapes -----------------------------------------------------------------------------
    def _out_hw(self, h: int, w: int) -> tuple[int, int]:
        k, s, p = self.kernel_size, self.stride, self.padding
        oh, ow = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
        if oh < 1 or ow < 1:
            raise ConfigError(f"Conv2D kernel {k} does not fit a {h}x{w} input with padding {p}")
        return oh, ow

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = input_shape
        if c != self.in_channels:
            raise ConfigError(f"Conv2D expects {self.in_channels} input channels, got {c}")
        return (self.out_channels, *self._out_hw(h, w))

    @classmethod
    def array_shapes(cls, config: dict) -> dict[str, tuple[int, ...]]:
        out, k = int(config["out_channels"]), int(config.get("kernel_size", 3))
        return {"param/W": (out, int(config["in_channels"]), k, k), "param/b": (out,)}

    def config(self) -> dict:
        return {
            "type": "Conv2D",
            "in_channels": self.in_channels,
            "out_channels": self.out_channels,
            "kernel_size": self.kernel_size,
            "stride": self.stride,
            "padding": self.padding,
            "init": self.init,
            "seed": self.seed,
        }

    # -- scratch buffers --------------------------------------------------------------------
    def _buffer(self, name: str, shape: tuple[int, ...], dtype, zero: bool = False) -> np.ndarray:
        """A reusable array; only re-allocated when ``shape`` or ``dtype`` changes."""
        buf = self._buffers.get(name)
        if buf is None or buf.shape != shape or buf.dtype != dtype:
            buf = aligned.zeros(shape, dtype) if zero else aligned.empty(shape, dtype)
            self._buffers[name] = buf
        return buf

    def _im2col(self, x: np.ndarray, name: str, ohw: tuple[int, int] | None = None) -> np.ndarray:
        """Columns ``(c*k*k + 1, oh*ow*n)`` of NCHW ``x``: row order (c, ki, kj) matches ``W``,
        and a last row of ones multiplies the bias column of ``_weights_with_bias``. ``ohw``:
        only the first ``(oh, ow)`` output rows and columns (default: all)."""
        n, c, h, w = x.shape
        k, s, p = self.kernel_size, self.stride, self.padding
        oh, ow = ohw or self._out_hw(h, w)
        x_chwn = _as_chwn(x)
        if not x_chwn.flags.c_contiguous:  # e.g. the network input: transpose once, not k*k times
            x_chwn = self._buffer(name + "_chwn", x_chwn.shape, x.dtype)
            x_chwn[...] = _as_chwn(x)
        # entries that read the zero padding are never written, so they stay zero between calls;
        # so does the row of ones, set when the buffer is made
        ones_col = self._buffer(name, (c * k * k + 1, oh * ow * n), x.dtype, zero=True)
        if ones_col[-1, 0] != 1:
            ones_col[-1] = 1
        col = ones_col[:-1].reshape(c, k, k, oh, ow, n)  # a view: the rows before the ones
        offsets = [(i, j) for i in range(k) for j in range(k)]

        def copy_offsets(part: slice) -> None:
            # one strided copy per kernel offset, moving (c, oh, ow*n) blocks of long runs
            for i, j in offsets[part]:
                out_r, in_r = _span(i, p, s, h, oh)
                out_c, in_c = _span(j, p, s, w, ow)
                col[:, i, j, out_r, out_c] = x_chwn[:, in_r, in_c]

        parallel.map_parts(copy_offsets, len(offsets), col.size)  # each offset fills its own block
        return ones_col

    def _weights_with_bias(self, dtype) -> np.ndarray:
        """``[W | b]``, ``(out, in*k*k + 1)``: one matmul with ``_im2col``'s columns adds the bias,
        which saves a pass over the output (and, backward, ``db`` comes out of the ``dW``
        matmul); docs/performance.md has the figures."""
        f = self.out_channels
        wb = self._buffer("W_b", (f, self.params["W"][0].size + 1), dtype)
        wb[:, :-1] = self.params["W"].reshape(f, -1)
        wb[:, -1] = self.params["b"]
        return wb

    def _col2im(
        self, dcol: np.ndarray, chwn: tuple[int, int, int, int], ohw: tuple[int, int]
    ) -> np.ndarray:
        """The adjoint of ``_im2col``: column gradients ``(c*k*k, oh*ow*n)`` summed back into
        input gradients ``(c, h, w, n)`` (entries that read padding are dropped)."""
        c, h, w, n = chwn
        oh, ow = ohw
        k, s, p = self.kernel_size, self.stride, self.padding
        dtype = dcol.dtype
        dcol6 = dcol.reshape(c, k, k, oh, ow, n)
        # col2im: add each kernel offset's block back where it was read from (the parts that
        # read padding are dropped). Fresh, not a reused buffer: the caller owns the gradient.
        spans = [(_span(i, p, s, h, oh), _span(j, p, s, w, ow)) for i in range(k) for j in range(k)]
        # an offset that reads every input pixel (the centre, for "same" padding) is assigned
        # first, which saves zeroing dx
        full = next(
            (o for o, ((_, rr), (_, cc)) in enumerate(spans) if _covers(rr, h) and _covers(cc, w)),
            None,
        )
        dx = (
            aligned.empty((c, h, w, n), dtype)
            if full is not None
            else aligned.zeros((c, h, w, n), dtype)
        )
        order = [o for o in range(k * k) if o != full]

        def add_back(cs: slice) -> None:  # channels cs of dx: parts never write the same pixel
            if full is not None:
                (out_r, _), (out_c, _) = spans[full]
                dx[cs] = dcol6[cs, full // k, full % k, out_r, out_c]
            for o in order:
                (out_r, in_r), (out_c, in_c) = spans[o]
                dx[cs, in_r, in_c] += dcol6[cs, o // k, o % k, out_r, out_c]

        parallel.map_parts(add_back, c, dcol.size)
        return dx

    def _im2col_windows(self, x: np.ndarray, ph: int, pw: int) -> np.ndarray:
        """``_im2col``'s columns of the ``(2 ph, 2 pw)`` outputs a 2x2 pool reads, stride 1, in
        the pool's window order (pooled row, window row, window column, pooled column, sample):
        each of a window's four members is then a contiguous run of ``pw * n`` columns, so the
        pool's passes run over long runs instead of runs of ``n`` (docs/performance.md)."""
        n, c = x.shape[:2]
        k = self.kernel_size
        src = self._tile_source(x, 2 * ph + k - 1, 2 * pw + k - 1)  # (c, rows, cols, n), padded
        ones_col = self._buffer("col_windows", (c * k * k + 1, 4 * ph * pw * n), x.dtype)
        ones_col[-1] = 1
        col = ones_col[:-1].reshape(c, k, k, ph, 2, 2, pw, n)
        for i in range(k):
            for j in range(k):
                # output (2 p + a, 2 q + b) reads input (2 p + a + i, 2 q + b + j)
                rows = src[:, i : i + 2 * ph, j : j + 2 * pw].reshape(c, ph, 2, pw, 2, n)
                col[:, i, j] = rows.transpose(0, 1, 2, 4, 3, 5)
        return ones_col

    def _col2im_windows(self, dcol: np.ndarray, ph: int, pw: int) -> np.ndarray:
        """The adjoint of ``_im2col_windows``: column gradients ``(c*k*k, 4 ph pw n)`` summed
        back into input gradients, an NCHW view of ``(c, h, w, n)``."""
        assert self._x is not None
        n, c, h, w = self._x.shape
        k, p = self.kernel_size, self.padding
        # fresh, not a reused buffer: the caller owns the gradient. Padded coordinates; entries
        # past the windows' reach (an odd last row or column) get zero
        dxp = aligned.zeros((c, h + 2 * p, w + 2 * p, n), dcol.dtype)
        dcol8 = dcol.reshape(c, k, k, ph, 2, 2, pw, n)
        for i in range(k):
            for j in range(k):
                win = dxp[:, i : i + 2 * ph, j : j + 2 * pw].reshape(c, ph, 2, pw, 2, n)
                win += dcol8[:, i, j].transpose(0, 1, 2, 4, 3, 5)
        return dxp[:, p : p + h, p : p + w].transpose(3, 0, 1, 2)  # NCHW view of (c, h, w, n)

    # -- forward / backward -----------------------------------------------------------------
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """``(n, in, h, w) -> (n, out, oh, ow)``; output dtype follows ``x`` (and ``W``)."""
        if x.ndim != 4 or x.shape[1] != self.in_channels:
            raise ConfigError(
                f"Conv2D expects (n, {self.in_channels}, h, w) input, got shape {x.shape}"
            )
        n, _, h, w = x.shape
        oh, ow = self._out_hw(h, w)
        f = self.out_channels
        Wb = self._weights_with_bias(np.result_type(x, self.params["W"]))  # (f, c*k*k + 1)
        self._x = x
        per_sample = Wb.shape[1] * oh * ow
        if training or n * per_sample <= _EVAL_COL_LIMIT:
            col = self._im2col(x, "col")
            self._col = col
            out = _matmul(Wb, col)  # (f, c*k*k + 1) @ (c*k*k + 1, oh*ow*n) -> (f, oh*ow*n)
            out = out.reshape(f, oh, ow, n)
        else:
            # big eval batch: chunk over samples; backward (saliency) rebuilds the columns
            self._col = None
            step = max(1, _EVAL_COL_LIMIT // per_sample)
            out = aligned.empty((f, oh, ow, n), Wb.dtype)
            for start in range(0, n, step):
                col = self._im2col(x[start : start + step], "col_eval")
                out[..., start : start + step] = _matmul(Wb, col).reshape(f, oh, ow, -1)
            self._buffers.pop("col_eval", None)
            self._buffers.pop("col_eval_chwn", None)
        return out.transpose(3, 0, 1, 2)  # NCHW view of (f, oh, ow, n)

    def backward(self, grad_out: np.ndarray) -> np.ndarray | None:
        """``(n, out, oh, ow) -> (n, in, h, w)``; fills ``grads["W"]`` and ``grads["b"]``."""
        x = self._x
        if x is None:
            raise RuntimeError("Conv2D.backward called before forward")
        f = self.out_channels
        oh, ow = grad_out.shape[2:]
        if self._col is None or self._col.shape[1] != oh * ow * x.shape[0]:
            self._col = self._im2col(x, "col")  # eval-mode chunks, or a fused forward's columns
        # (f, oh, ow, n) memory: free when grad_out came back through relu / pool from this layer
        g = np.ascontiguousarray(_as_chwn(grad_out)).reshape(f, -1)
        self._weight_grads(self._col, g)
        if self.skip_input_grad:  # first layer in training: nobody reads dL/dx
            return None
        return self._input_grad(g, oh, ow)

    def _weight_grads(self, col: np.ndarray, g: np.ndarray) -> None:
        """``grads["W"]``, ``grads["b"]`` from columns ``(c*k*k + 1, m)`` and output gradients
        ``(f, m)`` (``m`` = the output positions x samples both cover, in the same order)."""
        # (c*k*k + 1, m) @ (m, f) -> [dW | db]^T: the row of ones sums g into db. Transposed
        # because BLAS runs this long product faster with col as the left operand
        dWbT = self._buffer("dW_b", (col.shape[0], self.out_channels), np.result_type(g, col))
        _matmul(col, g.T, out=dWbT)
        self._store_weight_grads(dWbT)

    def _store_weight_grads(self, dWbT: np.ndarray) -> None:
        """Write ``[dW | db]^T`` ``(c*k*k + 1, f)`` into ``grads``."""
        dW = self.grads["W"]  # written in place: it may be a view into the optimizer's buffer
        dW[...] = dWbT[:-1].T.reshape(dW.shape)
        self.grads["b"][...] = dWbT[-1]

    def _input_grad(self, g: np.ndarray, oh: int, ow: int) -> np.ndarray:
        """dL/dx ``(n, in, h, w)`` (an NCHW view of ``(c, h, w, n)``) from output gradients
        ``(f, oh*ow*n)`` of output rows ``0 .. oh - 1`` (rows after them have zero gradient)."""
        assert self._x is not None  # backward checked it
        n, c, h, w = self._x.shape
        k = self.kernel_size
        W2 = self.params["W"].reshape(self.out_channels, -1)
        dcol = self._buffer("dcol", (c * k * k, g.shape[1]), np.result_type(g, W2))
        _matmul(W2.T, g, out=dcol)  # (c*k*k, f) @ (f, oh*ow*n) -> (c*k*k, oh*ow*n)
        dx = self._col2im(dcol, (c, h, w, n), (oh, ow))
        return dx.transpose(3, 0, 1, 2)  # NCHW view of (c, h, w, n)

    # -- this conv and a 2x2 max-pool as one training step ----------------------------------
    def fuses_with(self, following: Layer) -> bool:
        """A 2x2 max-pool after this conv runs with it as one step in training, on one thread.
        Not when passes are split over threads: there the pair trained slower fused, in wall
        and in CPU time (docs/performance.md)."""
        return isinstance(following, MaxPool2D) and following.size == 2 and parallel.threads() <= 1

    def _fused_rows(self, bytes_per_row: int, rows: int) -> int:
        """Pooled rows per round of the fused step: their conv output fits ``_FUSED_BYTES``. All
        in one round when passes are split over threads: BLAS then runs on several threads
        too, and every extra matmul call makes them wait on each other (docs/performance.md)."""
        if parallel.threads() > 1:
            return rows
        return max(1, min(rows, _FUSED_BYTES // max(1, bytes_per_row)))

    def forward_fused(self, x: np.ndarray, following: Layer) -> np.ndarray:
        """``pool.forward(self.forward(x, True), True)``: ``(n, in, h, w) -> (n, out, oh // 2,
        ow // 2)``, leaving both layers ready for ``backward_fused``.

        Only the outputs the pool reads are computed (an odd last row or column is dropped by
        the pool, so it is never made), and the matmul runs a few output rows at a time into a
        cache-sized buffer where the pool reads them: the conv's whole output never goes to
        memory and back.
        """
        pool = following
        assert isinstance(pool, MaxPool2D) and pool.size == 2
        if x.ndim != 4 or x.shape[1] != self.in_channels:
            raise ConfigError(
                f"Conv2D expects (n, {self.in_channels}, h, w) input, got shape {x.shape}"
            )
        n, _, h, w = x.shape
        oh, ow = self._out_hw(h, w)
        if oh < 2 or ow < 2:
            raise ConfigError(f"MaxPool2D size 2 does not fit a {oh}x{ow} input")
        f, ph, pw = self.out_channels, oh // 2, ow // 2
        self._x, self._patches = x, None
        if self._winograd_fits():
            return self._forward_winograd(x, pool, oh, ow)
        self._winograd = None
        if conv_patches.fits(self):  # (the first conv of the CNN presets)
            return conv_patches.forward(self, x, pool, oh, ow)
        Wb = self._weights_with_bias(np.result_type(x, self.params["W"]))  # (f, c*k*k + 1)
        dtype = Wb.dtype
        out = aligned.empty((f, ph, pw, n), dtype)
        windows = self._windows_fit()
        if windows:  # pooled row first: the step's rounds
            row_won, col_won = _pool_masks_by_row(f, ph, pw, n)
        else:
            row_won, col_won = _pool_masks(f, ph, pw, n, by_column=False)
        pool._x_shape, pool._chwn, pool._cache = (n, f, oh, ow), True, (row_won, col_won)
        if windows:
            self._forward_windows(Wb, x, pool, ph, pw, out)
            return out.transpose(3, 0, 1, 2)  # NCHW view of (f, ph, pw, n)
        # (c*k*k + 1, 2ph * 2pw * n): columns (row, column, sample) of the outputs pooled
        col = self._col = self._im2col(x, "col_pooled", (2 * ph, 2 * pw))
        self._col_windows = None
        per_row = 2 * pw * n  # columns of one output row
        step = self._fused_rows(f * 2 * per_row * dtype.itemsize, ph)

        z_flat = self._buffer("fused_z", (f * 2 * step * per_row,), dtype)
        for p0 in range(0, ph, step):
            p1 = min(p0 + step, ph)
            m = 2 * (p1 - p0) * per_row
            z = z_flat[: f * m].reshape(f, m)  # conv output rows 2 p0 .. 2 p1 - 1
            part = col[:, 2 * p0 * per_row : 2 * p1 * per_row]
            for cs in _pieces(m, Wb.size):  # (f, c*k*k + 1) @ (c*k*k + 1, m) in pieces
                _matmul(Wb, part[:, cs], out=z[:, cs])
            cut = slice(p0, p1)
            win = z.reshape(f, p1 - p0, 2, pw, 2, n)
            pool._pool_into(win, out[:, cut], row_won[:, cut], col_won[:, cut])
        return out.transpose(3, 0, 1, 2)  # NCHW view of (f, ph, pw, n)

    def _windows_fit(self) -> bool:
        """Whether ``forward_fused``'s direct step orders its columns by pooling window: stride
        1, and fewer column rows (``in * k * k``) than output channels, so reordering the
        columns costs less than the pool saves (conv1 of the CNN presets: 9 rows, 32 channels;
        conv2's 288 rows made its backward slower, docs/performance.md)."""
        k = self.kernel_size
        return self.stride == 1 and self.in_channels * k * k < self.out_channels

    def _forward_windows(self, Wb, x, pool: MaxPool2D, ph: int, pw: int, out) -> None:
        """``forward_fused``'s direct step with its columns in the pool's window order
        (``_im2col_windows``), a few pooled rows a round. Each pooled row's two window rows
        ``a`` are two products, ``(f, c*k*k + 1) @ (c*k*k + 1, 2 pw n)``, written apart, so a
        round's top and bottom members are two contiguous slabs ``(rows, f, 2, pw, n)``, in the
        order of the round's masks (``_pool_masks_by_row``): the pool's passes
        (``_max_of_rows``) then run over flat memory. Every view the rounds use is made once
        a step: making them round by round took about 8 % of the step (docs/performance.md)."""
        f, n = self.out_channels, x.shape[0]
        col = self._col_windows = self._im2col_windows(x, ph, pw)  # (c*k*k + 1, 4 ph pw n)
        self._col = None  # a plain backward rebuilds its columns in the plain order
        assert pool._cache is not None  # forward_fused set the masks' arrays
        row_by_row, col_by_row = self._masks_by_row(pool)
        half = 2 * pw * n  # columns of one window row of a pooled row: (b, q, n)
        step = self._fused_rows(f * 2 * half * Wb.dtype.itemsize, ph)
        pieces = _pieces(half, Wb.size)  # every window row's product, in these pieces
        z = self._buffer("window_z", (2, step, f, 2, pw, n), Wb.dtype)  # (a, row, f, b, q, n)
        best = self._buffer("window_best", (step, f, 2, pw, n), Wb.dtype)
        z_rows = z.reshape(2, step, f, half)  # the products' outputs
        # the pool's operands, window column b first: a round takes its rows
        tops, bottoms = z[0].transpose(_BY_B), z[1].transpose(_BY_B)  # (b, row, f, q, n)
        best_b, row_b = best.transpose(_BY_B), row_by_row.transpose(_BY_B)
        out_rows = out.transpose(1, 0, 2, 3)  # (ph, f, q, n)
        for p0 in range(0, ph, step):
            rows = min(step, ph - p0)
            for r in range(rows):
                for a in range(2):
                    first = (2 * (p0 + r) + a) * half  # window row a of pooled row p0 + r
                    part, za = col[:, first : first + half], z_rows[a, r]
                    for cs in pieces:  # (f, c*k*k + 1) @ (c*k*k + 1, 2 pw n)
                        _matmul(Wb, part[:, cs], out=za[:, cs])
            ps = slice(p0, p0 + rows)
            pool._max_of_rows(
                tops[:, :rows],  # window row 0, by window column b
                bottoms[:, :rows],
                row_b[:, ps],
                col_by_row[ps],
                best_b[:, :rows],
                out_rows[ps],  # (rows, f, q, n)
            )

    @staticmethod
    def _masks_by_row(pool: MaxPool2D) -> tuple[np.ndarray, np.ndarray]:
        """The pool's masks as ``_pool_masks_by_row`` stores them: ``row_won`` ``(ph, f, 2,
        pw, n)``, ``col_won`` ``(ph, f, pw, n)`` (views)."""
        assert pool._cache is not None
        row_won, col_won = pool._cache
        return row_won.transpose(1, 0, 3, 2, 4), col_won.transpose(1, 0, 2, 3)

    def backward_fused(self, grad_out: np.ndarray, following: Layer) -> np.ndarray | None:
        """``self.backward(pool.backward(grad_out))`` after ``forward_fused``: ``(n, out, oh // 2,
        ow // 2) -> (n, in, h, w)``, None when ``skip_input_grad``.

        The matmuls cover only the outputs the pool read (the others have zero gradient). For
        the first layer (no input gradient) the pooled gradient is routed a few rows at a time
        into a cache-sized buffer and each round's ``[dW | db]`` is summed there, so the
        conv-sized gradient never goes to memory.
        """
        pool, x, col = following, self._x, self._col
        assert isinstance(pool, MaxPool2D)
        steps = (col, self._winograd, self._col_windows, self._patches)  # what a forward kept
        if all(kept is None for kept in steps):
            raise RuntimeError("Conv2D.backward_fused called before forward_fused")
        if x is None or pool._cache is None or pool._x_shape is None:
            raise RuntimeError("Conv2D.backward_fused called before forward_fused")
        n = x.shape[0]
        f, ph, pw = self.out_channels, pool._x_shape[2] // 2, pool._x_shape[3] // 2
        gp = np.ascontiguousarray(_as_chwn(grad_out))  # (f, ph, pw, n)
        if self._winograd is not None:
            return self._backward_winograd(gp, pool)
        if self._patches is not None:
            return conv_patches.backward(self, gp, pool)
        if self._col_windows is not None:
            return self._backward_windows(gp, pool, ph, pw)
        assert col is not None
        dtype, per_row = np.result_type(gp, col), 2 * pw * n
        if not self.skip_input_grad:
            g = self._buffer("fused_g", (f, ph, 2, pw, 2, n), dtype)  # (f, 2ph, 2pw, n)
            pool._route(gp, g, *pool._cache)
            g = g.reshape(f, -1)
            self._weight_grads(col, g)
            return self._input_grad(g, 2 * ph, 2 * pw)
        row_won, col_won = pool._cache
        step = self._fused_rows(f * 2 * per_row * dtype.itemsize, ph)
        g_flat = self._buffer("fused_g_rows", (f * 2 * step * per_row,), dtype)
        dWbT = aligned.zeros((col.shape[0], f), dtype)
        term = aligned.empty_like(dWbT)
        for p0 in range(0, ph, step):
            p1 = min(p0 + step, ph)
            m = 2 * (p1 - p0) * per_row
            g = g_flat[: f * m].reshape(f, m)  # output gradient of rows 2 p0 .. 2 p1 - 1
            cut = slice(p0, p1)
            dwin = g.reshape(f, p1 - p0, 2, pw, 2, n)
            pool._route(gp[:, cut], dwin, row_won[:, cut], col_won[:, cut])
            part = col[:, 2 * p0 * per_row : 2 * p1 * per_row]
            for cs in _pieces(m, term.size):  # [dW | db]^T += (c*k*k + 1, m) @ (m, f) in pieces
                _matmul(part[:, cs], g[:, cs].T, out=term)
                dWbT += term
        self._store_weight_grads(dWbT)
        return None

    def _backward_windows(
        self, gp: np.ndarray, pool: MaxPool2D, ph: int, pw: int
    ) -> np.ndarray | None:
        """``backward_fused`` after ``_forward_windows``: the pooled gradient ``gp`` ``(f, ph,
        pw, n)`` routed to each window's winner in the forward's rounds and layout (the two
        window rows apart, ``(2, rows, f, 2, pw, n)``), each round's ``[dW | db]`` summed from
        its products, ``(c*k*k + 1, 2 pw n) @ (2 pw n, f)`` a window row; the input gradient
        (when wanted) from one ``dcol`` and ``_col2im_windows``."""
        col = self._col_windows
        assert col is not None and pool._cache is not None
        f, n = self.out_channels, gp.shape[3]
        dtype = np.result_type(gp, col)
        row_by_row, col_by_row = self._masks_by_row(pool)
        half = 2 * pw * n
        step = self._fused_rows(f * 2 * half * dtype.itemsize, ph)
        g = self._buffer("window_g", (2, step, f, 2, pw, n), dtype)  # (a, row, f, b, q, n)
        d_best = self._buffer("window_d_best", (step, f, 2, pw, n), dtype)
        dWbT = aligned.zeros((col.shape[0], f), dtype)
        term = aligned.empty_like(dWbT)
        pieces = _pieces(half, term.size)  # every window row's product, in these pieces
        dcol = None
        if not self.skip_input_grad:  # (c*k*k, 4 ph pw n), the columns' order
            W2 = self.params["W"].reshape(f, -1)
            dcol = self._buffer("dcol", (W2.shape[1], col.shape[1]), np.result_type(gp, W2))
        g_rows = g.reshape(2, step, f, half)  # the products' operands
        # the route's operands, window column b first: a round takes its rows
        d_tops, d_bottoms = g[0].transpose(_BY_B), g[1].transpose(_BY_B)  # (b, row, f, q, n)
        d_best_b, row_b = d_best.transpose(_BY_B), row_by_row.transpose(_BY_B)
        gp_rows = gp.transpose(1, 0, 2, 3)  # (ph, f, q, n)
        for p0 in range(0, ph, step):
            rows = min(step, ph - p0)
            ps = slice(p0, p0 + rows)
            pool._route_to_rows(
                gp_rows[ps],
                row_b[:, ps],
                col_by_row[ps],
                d_best_b[:, :rows],
                d_tops[:, :rows],
                d_bottoms[:, :rows],
            )
            for r in range(rows):
                for a in range(2):
                    first = (2 * (p0 + r) + a) * half
                    part, ga = col[:, first : first + half], g_rows[a, r]
                    for cs in pieces:  # [dW | db]^T += part @ ga.T
                        _matmul(part[:, cs], ga[:, cs].T, out=term)
                        dWbT += term
                    if dcol is not None:  # (c*k*k, f) @ (f, 2 pw n)
                        _matmul(W2.T, ga, out=dcol[:, first : first + half])
        self._store_weight_grads(dWbT)
        if dcol is None:
            return None
        return self._col2im_windows(dcol, ph, pw)

    # -- the same step as Winograd F(2x2, 3x3) (nndesk/nn/winograd.py) -----------------------
    def _winograd_fits(self) -> bool:
        """Whether ``forward_fused`` runs as Winograd F(2x2, 3x3): a 3x3 stride-1 kernel over
        enough input channels, on one thread. Each 2x2 output tile is then one pooling window.
        Not when passes are split over threads: its 16 small matmuls per product would each
        make the BLAS threads meet, as the direct step's rounds did (docs/performance.md)."""
        return (
            self.kernel_size == 3
            and self.stride == 1
            and self.in_channels >= _WINOGRAD_MIN_CHANNELS
            and parallel.threads() <= 1
        )

    @staticmethod
    def _winograd_channels(bytes_per_channel: int) -> int:
        """Output channels per block of the output transform and its pool: their 16 products
        (``bytes_per_channel`` each) fit ``_WINOGRAD_BLOCK_BYTES``."""
        return max(1, _WINOGRAD_BLOCK_BYTES // (16 * max(1, bytes_per_channel)))

    @staticmethod
    def _winograd_tiles(tiles: int, bytes_per_tile: int) -> int:
        """Tiles per round of ``_winograd_rounds`` (each tile every sample's 2x2 outputs, its 16
        products ``bytes_per_tile``), or 0: the whole batch's products at once."""
        if tiles * bytes_per_tile >= _WINOGRAD_ROUNDS_BELOW:
            return 0
        return max(1, min(tiles, _WINOGRAD_ROUND_BYTES // max(1, bytes_per_tile)))

    def _v_buffer(
        self, name: str, shape: tuple[int, int, int, int], dtype, by_tile_rows: bool
    ) -> np.ndarray:
        """A scratch ``V`` ``(4, 4, c, ph, pw, n)`` for ``shape`` ``(c, ph, pw, n)``: stored tile
        row first, ``(ph, 4, 4, c, pw, n)``, for ``by_tile_rows`` (the view then hands each
        round's ``(16, c, pw n)`` operand over as one contiguous block, ``_by_tile_row``:
        OpenBLAS runs the forward's products faster on it, and the backward's transposed copy
        reads it faster; docs/performance.md, "Figures behind the fast paths"), else contiguous
        in its own order (whole products read ``(16, c, ph pw n)``)."""
        c, ph, pw, n = shape
        if not by_tile_rows:
            return self._buffer(name, (4, 4, c, ph, pw, n), dtype)
        return self._buffer(name + "_by_row", (ph, 4, 4, c, pw, n), dtype).transpose(
            1, 2, 3, 0, 4, 5
        )

    @staticmethod
    def _by_tile_row(V: np.ndarray) -> np.ndarray:
        """``(ph, 16, c, pw n)`` of ``V`` ``(4, 4, c, ph, pw, n)``: a view when ``V`` is stored
        tile row first (``_v_buffer``), else a copy (right, but not what the rounds want)."""
        _, _, c, ph, pw, n = V.shape
        return V.transpose(3, 0, 1, 2, 4, 5).reshape(ph, 16, c, pw * n)

    def _tile_source(self, x: np.ndarray, rows: int, cols: int) -> np.ndarray:
        """``(c, rows, cols, n)``: the padded input's first rows and columns, which the tiles
        read, as a view of ``x`` when it is already ``(c, h, w, n)`` memory and unpadded."""
        p = self.padding
        x_chwn = _as_chwn(x)
        if p == 0 and x_chwn.flags.c_contiguous:
            return x_chwn[:, :rows, :cols]
        c, h, w, n = x_chwn.shape
        # the border that stands for the padding is never written, so it stays zero
        padded = self._buffer("tile_source", (c, h + 2 * p, w + 2 * p, n), x.dtype, zero=True)
        padded[:, p : p + h, p : p + w] = x_chwn
        return padded[:, :rows, :cols]

    def _forward_winograd(self, x: np.ndarray, pool: MaxPool2D, oh: int, ow: int) -> np.ndarray:
        """``forward_fused`` as ``Y = A_T [U * V] A_T.T`` per 2x2 tile, the tile's max pooled:
        ``(n, c, h, w) -> (n, f, oh // 2, ow // 2)`` for conv outputs ``(oh, ow)``.

        16 matmuls ``U[xi]`` ``(f, c)`` @ ``V[xi]`` ``(c, ph*pw*n)`` replace the direct
        ``(f, 9c)`` @ ``(9c, 4*ph*pw*n)``, 16 multiply-adds per tile against 36. The bias is added
        after the max (it is the same for the window's four outputs).
        """
        n, c, _, _ = x.shape
        f, dtype = self.out_channels, np.result_type(x, self.params["W"])
        ph, pw = oh // 2, ow // 2  # tiles: an odd last output row or column is never made
        m = ph * pw * n
        src = self._tile_source(x, 2 * ph + 2, 2 * pw + 2)  # (c, 2ph + 2, 2pw + 2, n)
        per_round = self._winograd_tiles(ph * pw, 16 * f * n * dtype.itemsize)
        by_tile_rows = per_round >= pw  # a row of tiles a round (``_winograd_tile_rows``)
        V = self._v_buffer("wino_V", (c, ph, pw, n), dtype, by_tile_rows)
        rows_in = self._buffer("wino_rows_in", (4, c, ph, 2 * pw + 2, n), dtype)
        split = self._buffer("wino_split", src.shape, dtype)  # src's columns apart by parity

        def transform_inputs(cs: slice) -> None:
            winograd.inputs(src[cs], V[:, :, cs], rows_in[:, cs], split[cs])

        parallel.map_parts(transform_inputs, c, V.size)
        U = winograd.weights(self.params["W"].astype(dtype, copy=False))  # (16, f, c)
        out = aligned.empty((f, ph, pw, n), dtype)
        if by_tile_rows:  # its masks one block each
            row_won, col_won = _pool_masks_by_tile_row(f, ph, pw, n)
            self._winograd_tile_rows(U, V, out, row_won, col_won)
            return self._winograd_done(x, U, V, out, pool, (row_won, col_won), oh, ow)
        row_won, col_won = _pool_masks(f, ph, pw, n, by_column=True)  # MaxPool2D's masks
        if per_round:
            self._winograd_rounds(U, V, per_round, out, row_won, col_won)
            return self._winograd_done(x, U, V, out, pool, (row_won, col_won), oh, ow)
        M = self._buffer("wino_M", (16, f, m), dtype)
        _matmul(U, V.reshape(16, c, m), out=M)  # (16, f, c) @ (16, c, m) -> (16, f, m)
        row_won_j = row_won.transpose(3, 0, 1, 2, 4)  # (2, f, ph, pw, n): per window column j
        step = self._winograd_channels(m * dtype.itemsize)
        Y_flat = self._buffer("wino_Y", (4, step * m), dtype)  # a block's windows, 4 outputs each
        best_rows = self._buffer("wino_best_rows", (2, step, ph, pw, n), dtype)
        # a block of channels at a time, so the pool reads their outputs from the cache
        for f0 in range(0, f, step):
            fs = slice(f0, min(f0 + step, f))
            k = fs.stop - fs.start
            Y = Y_flat[:, : k * m]
            winograd.outputs(M[:, fs].reshape(16, k * m), Y)  # (4, k m): rows 2 i + j
            Y = Y.reshape(2, 2, k, ph, pw, n)  # Y[i] (2, k, ph, pw, n): window row i, by column
            pool._max_of_rows(Y[0], Y[1], row_won_j[:, fs], col_won[fs], best_rows[:, :k], out[fs])
        return self._winograd_done(x, U, V, out, pool, (row_won, col_won), oh, ow)

    def _winograd_rounds(self, U, V, per_round: int, out, row_won, col_won) -> None:
        """``_forward_winograd``'s products, output transform and pool, ``per_round`` tiles
        (every sample's) at a time: ``M = U @ V`` of a round, ``(16, f, c) @ (16, c, tiles*n)``,
        is still in the cache when ``AA @ M`` and the pool read it. ``U`` ``(16, f, c)``, ``V``
        ``(4, 4, c, ph, pw, n)``; fills ``out`` ``(f, ph, pw, n)`` and the pool's masks
        ``row_won`` ``(f, ph, pw, 2, n)``, ``col_won`` ``(f, ph, pw, n)``."""
        f, ph, pw, n = out.shape
        c, tiles, dtype = V.shape[2], ph * pw, out.dtype
        V_t = V.reshape(16, c, tiles, n)
        out_t, col_t = out.reshape(f, tiles, n), col_won.reshape(f, tiles, n)
        row_t = row_won.transpose(3, 0, 1, 2, 4).reshape(2, f, tiles, n)  # a view: by_column
        M_flat = self._buffer("wino_M_round", (16 * f * per_round * n,), dtype)
        Y_flat = self._buffer("wino_Y_round", (4 * f * per_round * n,), dtype)
        best_flat = self._buffer("wino_best_round", (2 * f * per_round * n,), dtype)
        for t0 in range(0, tiles, per_round):
            t1 = min(t0 + per_round, tiles)
            k = (t1 - t0) * n  # columns of this round: its tiles x samples
            M = M_flat[: 16 * f * k].reshape(16, f, k)
            _matmul(U, V_t[:, :, t0:t1].reshape(16, c, k), out=M)  # (16, f, c) @ (16, c, k)
            Y = Y_flat[: 4 * f * k].reshape(4, f * k)
            winograd.outputs(M.reshape(16, f * k), Y)  # (4, f k): rows 2 i + j
            Y4 = Y.reshape(2, 2, f, t1 - t0, n)  # Y4[i]: window row i, by window column
            best = best_flat[: 2 * f * k].reshape(2, f, t1 - t0, n)
            cut = slice(t0, t1)
            masks = row_t[:, :, cut], col_t[:, cut]
            MaxPool2D._max_of_rows(Y4[0], Y4[1], *masks, best, out_t[:, cut])

    def _winograd_tile_rows(self, U, V, out, row_won, col_won) -> None:
        """``_winograd_rounds`` a row of tiles a round (a split part's half batch of
        ``fashion-cnn``: 5 tiles), into masks stored tile row first
        (``_pool_masks_by_tile_row``). Round ``u``'s ``M = U @ V[:, :, :, u]``, ``(16, f, c) @
        (16, c, pw*n)``, its ``AA @ M`` ``(4, f*pw*n)`` and its masks ``(2, f, pw, n)``, ``(f,
        pw, n)`` are then contiguous blocks in one order, so three of the pool's four passes run
        as flat loops (NumPy copies operands it cannot flatten through its buffers, run by run;
        docs/performance.md). The fourth writes ``out[:, u]``, the layer's output, which keeps
        its ``(f, ph, pw, n)`` layout."""
        f, ph, pw, n = out.shape
        k, dtype = pw * n, out.dtype  # k: columns of a round, tiles x samples
        V_rows = self._by_tile_row(V)  # (ph, 16, c, k): round u's operand one block
        row_by_row = row_won.transpose(1, 3, 0, 2, 4)  # as stored: (ph, 2, f, pw, n)
        col_by_row = col_won.transpose(1, 0, 2, 3)  # (ph, f, pw, n)
        M = self._buffer("wino_M_row", (16, f, k), dtype)
        Y = self._buffer("wino_Y_row", (4, f * k), dtype)
        best = self._buffer("wino_best_row", (2, f, pw, n), dtype)
        for u in range(ph):
            _matmul(U, V_rows[u], out=M)  # (16, f, c) @ (16, c, pw n) -> (16, f, pw n)
            winograd.outputs(M.reshape(16, f * k), Y)  # (4, f pw n): rows 2 i + j
            Y4 = Y.reshape(2, 2, f, pw, n)  # Y4[i]: window row i, by window column j
            MaxPool2D._max_of_rows(Y4[0], Y4[1], row_by_row[u], col_by_row[u], best, out[:, u])

    def _winograd_done(self, x, U, V, out, pool: MaxPool2D, masks, oh: int, ow: int) -> np.ndarray:
        """``_forward_winograd``'s end: the bias (after the max), the caches for the backward."""
        n = x.shape[0]
        out += self.params["b"].astype(out.dtype, copy=False)[:, None, None, None]
        self._col, self._col_windows, self._winograd = None, None, (U, V)
        pool._x_shape, pool._chwn, pool._cache = (n, self.out_channels, oh, ow), True, masks
        return out.transpose(3, 0, 1, 2)  # NCHW view of (f, ph, pw, n)

    def _backward_winograd(self, gp: np.ndarray, pool: MaxPool2D) -> np.ndarray | None:
        """``backward_fused`` after ``_forward_winograd``, from the pooled gradient ``gp``
        ``(f, ph, pw, n)``: each step's adjoint in reverse, ``dU[xi] = dM[xi] @ V[xi].T`` and
        ``dV[xi] = U[xi].T @ dM[xi]``, in the forward's rounds of a tile row when it ran
        them."""
        assert self._winograd is not None and self._x is not None and pool._cache is not None
        U, V = self._winograd
        n, c, h, w = self._x.shape
        f, ph, pw, _ = gp.shape
        dtype = np.result_type(gp, V)
        by_tile_rows = self._winograd_tiles(ph * pw, 16 * f * n * dtype.itemsize) >= pw
        dV = None
        if not self.skip_input_grad:
            # in its own order: the input transform's adjoint reads it whole, and stored tile row
            # first it was slower there than the rounds' products gained (docs/performance.md)
            dV = self._buffer("wino_dV", (4, 4, c, ph, pw, n), dtype)
        if by_tile_rows:
            dU = self._winograd_tile_rows_adjoint(U, V, gp, pool._cache, dV)
        else:
            dU = self._winograd_blocks_adjoint(U, V, gp, pool._cache, dV)
        winograd.weights_adjoint(dU, out=self.grads["W"])
        self.grads["b"][...] = gp.sum(axis=(1, 2, 3))  # the bias was added after the max
        if dV is None:
            return None
        p = self.padding
        rows, cols = 2 * ph + 2, 2 * pw + 2
        # fresh, not a reused buffer: the caller owns the gradient. Padded coordinates; entries
        # past the tiles' reach get zero
        dxp = aligned.empty((c, h + 2 * p, w + 2 * p, n), dtype)
        dxp[:, rows:] = 0
        dxp[:, :rows, cols:] = 0
        rows_in = self._buffer("wino_rows_in", (4, c, ph, cols, n), dtype)
        split = self._buffer("wino_split", (c, rows, cols, n), dtype)

        def inputs_adjoint(cs: slice) -> None:
            winograd.inputs_adjoint(dV[:, :, cs], dxp[cs, :rows, :cols], rows_in[:, cs], split[cs])

        parallel.map_parts(inputs_adjoint, c, dV.size)
        return dxp[:, p : p + h, p : p + w].transpose(3, 0, 1, 2)  # NCHW view of (c, h, w, n)

    def _winograd_blocks_adjoint(self, U, V, gp, masks, dV) -> np.ndarray:
        """``dU`` ``(16, f, c)`` (and ``dV``, when given) from ``gp`` ``(f, ph, pw, n)``: the
        route and the output transform's adjoint by blocks of channels into ``dM`` for the
        whole batch, then each product whole (``dV``'s in pieces)."""
        f, ph, pw, n = gp.shape
        c, m, dtype = U.shape[2], ph * pw * n, np.result_type(gp, V)
        row_won, col_won = masks
        row_won_j = row_won.transpose(3, 0, 1, 2, 4)
        dM16 = self._buffer("wino_dM", (16, f, m), dtype)
        step = self._winograd_channels(m * dtype.itemsize)
        dY_flat = self._buffer("wino_dY", (4, step * m), dtype)
        d_best = self._buffer("wino_d_best_rows", (2, step, ph, pw, n), dtype)
        for f0 in range(0, f, step):  # blocks of channels, as the forward
            fs = slice(f0, min(f0 + step, f))
            k = fs.stop - fs.start
            dY = dY_flat[:, : k * m].reshape(2, 2, k, ph, pw, n)
            MaxPool2D._route_to_rows(
                gp[fs], row_won_j[:, fs], col_won[fs], d_best[:, :k], dY[0], dY[1]
            )
            winograd.outputs_adjoint(dY_flat[:, : k * m], dM16[:, fs].reshape(16, k * m))
        dU = _matmul(dM16, V.reshape(16, c, m).transpose(0, 2, 1))  # (16, f, m) @ (16, m, c)
        if dV is not None:
            U_T, dV_m = U.transpose(0, 2, 1), dV.reshape(16, c, m)
            # (16, c, f) @ (16, f, m) -> (16, c, m), in pieces of columns small enough for
            # OpenBLAS's faster small-product kernels
            for cs in _pieces(m, c * f):
                _matmul(U_T, dM16[:, :, cs], out=dV_m[:, :, cs])
        return dU

    def _winograd_tile_rows_adjoint(self, U, V, gp, masks, dV) -> np.ndarray:
        """``_winograd_blocks_adjoint`` a row of tiles a round, the adjoint of
        ``_winograd_tile_rows`` (a split part's half batch): round ``u``'s route and output
        adjoint write its ``dM`` ``(16, f, pw n)``, which its two products then read from the
        cache, ``dU += dM @ V[:, :, :, u].T`` and ``dV[:, :, :, u] = U.T @ dM``. (``dM`` of the
        whole batch, 3.3 MB for a half batch, was written once and read twice from memory.)"""
        f, ph, pw, n = gp.shape
        c, k, dtype = U.shape[2], pw * n, np.result_type(gp, V)  # k: columns of a round
        row_won, col_won = masks
        row_by_row, col_by_row = row_won.transpose(1, 3, 0, 2, 4), col_won.transpose(1, 0, 2, 3)
        V_rows = self._by_tile_row(V)  # (ph, 16, c, k)
        dV_rows = None if dV is None else dV.reshape(16, c, ph, k)
        U_T = U.transpose(0, 2, 1)
        dM = self._buffer("wino_dM_row", (16, f, k), dtype)
        dY = self._buffer("wino_dY_row", (2, 2, f, pw, n), dtype)  # window row i, column j
        d_best = self._buffer("wino_d_best_row", (2, f, pw, n), dtype)
        dU = aligned.empty((16, f, c), dtype)
        term = self._buffer("wino_dU_row", (16, f, c), dtype)
        V_T = self._buffer("wino_V_T_row", (16, k, c), dtype)  # a round's V, transposed
        gp_rows = gp.transpose(1, 0, 2, 3)  # (ph, f, pw, n)
        for u in range(ph):
            MaxPool2D._route_to_rows(gp_rows[u], row_by_row[u], col_by_row[u], d_best, dY[0], dY[1])
            winograd.outputs_adjoint(dY.reshape(4, f * k), dM.reshape(16, f * k))
            # (16, f, pw n) @ (16, pw n, c): this round's share of dU. From a transposed copy
            # of V's round: OpenBLAS runs these small products at about half the rate with the
            # transposed view as their right operand, and the copy costs less than it saves
            np.copyto(V_T, V_rows[u].transpose(0, 2, 1))
            _matmul(dM, V_T, out=term if u else dU)
            if u:
                dU += term
            if dV_rows is not None:  # (16, c, f) @ (16, f, pw n)
                _matmul(U_T, dM, out=dV_rows[:, :, u])
        return dU


class MaxPool2D(Layer):
    """Non-overlapping ``size x size`` max-pooling (stride = size); trailing rows/cols dropped.

    Backward routes each window's gradient to exactly one of its maxima (ties have one winner, so
    the gradient is never duplicated).
    """

    def __init__(self, size: int = 2) -> None:
        super().__init__()
        if int(size) != size or size < 1:
            raise ConfigError(f"MaxPool2D size must be an integer >= 1, got {size!r}")
        self.size = int(size)
        self._x_shape: tuple[int, ...] | None = None
        self._chwn = False
        self._cache: tuple | None = None

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        c, h, w = input_shape
        if h < self.size or w < self.size:
            raise ConfigError(f"MaxPool2D size {self.size} does not fit a {h}x{w} input")
        return (c, h // self.size, w // self.size)

    def config(self) -> dict:
        return {"type": "MaxPool2D", "size": self.size}

    def _to_grid(self, x: np.ndarray) -> np.ndarray:
        """``(a, h, w, b)`` view of NCHW ``x`` in memory order: CHWN (after a conv) or NCHW."""
        n, c, h, w = x.shape
        if self._chwn:
            return _as_chwn(x)  # a = c, b = n
        return np.ascontiguousarray(x).reshape(n * c, h, w, 1)  # a = n * c, b = 1

    def _from_grid(self, grid: np.ndarray, n: int, c: int) -> np.ndarray:
        """NCHW view of an ``(a, h, w, b)`` array laid out as ``_to_grid`` made it."""
        _, h, w, _ = grid.shape
        if self._chwn:
            return grid.transpose(3, 0, 1, 2)
        return grid.reshape(n, c, h, w)

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """``(n, c, h, w) -> (n, c, h // size, w // size)``."""
        s = self.size
        n, c, h, w = x.shape
        oh, ow = h // s, w // s
        if oh == 0 or ow == 0:
            raise ConfigError(f"MaxPool2D size {s} does not fit a {h}x{w} input")
        self._x_shape = x.shape
        self._chwn = _as_chwn(x).flags.c_contiguous and not x.flags.c_contiguous
        grid = self._to_grid(x)
        a, b = grid.shape[0], grid.shape[3]
        win = grid[:, : oh * s, : ow * s].reshape(a, oh, s, ow, s, b)  # a view, no copy
        out = self._forward_pairs(win) if s == 2 else self._forward_offsets(win)
        return self._from_grid(out, n, c)

    def _forward_pairs(self, win: np.ndarray) -> np.ndarray:
        """2x2 windows ``(a, oh, 2, ow, 2, b) -> (a, oh, ow, b)`` (``_max_pairs``)."""
        a, oh, _, ow, _, b = win.shape
        out = aligned.empty((a, oh, ow, b), win.dtype)
        self._cache = (aligned.empty((a, oh, ow, 2, b), bool), aligned.empty((a, oh, ow, b), bool))
        self._pool_into(win, out, *self._cache)
        return out

    def _pool_into(self, win, out, row_won, col_won) -> None:
        """``_max_pairs`` of ``win`` ``(a, oh, 2, ow, 2, b)``, split over threads by ranges of
        axis ``a`` when big enough, each range in blocks that fit the cache."""
        rows = aligned.empty(row_won.shape, win.dtype)

        def pool(part: slice) -> None:  # rows ``part`` of axis a, on their own
            for cs in _cache_blocks(part, win[0].nbytes):
                self._max_pairs(win[cs], out[cs], row_won[cs], col_won[cs], rows[cs])

        parallel.map_parts(pool, win.shape[0], win.size)

    @staticmethod
    def _max_pairs(win, out, row_won, col_won, rows) -> None:
        """Maxima of 2x2 windows ``win`` ``(a, oh, 2, ow, 2, b)`` into ``out`` ``(a, oh, ow, b)``,
        as two pairwise maxima.

        Keeps which row won each column pair in ``row_won`` ``(a, oh, ow, 2, b)`` and which column
        won after that in ``col_won`` ``(a, oh, ow, b)``; on ties the first row / column wins.
        ``rows`` ``(a, oh, ow, 2, b)`` is scratch. Elementwise maxima of whole slabs run far
        faster than an argmax over a length-4 axis.
        """
        top, bottom = win[:, :, 0], win[:, :, 1]  # (a, oh, ow, 2, b) each
        np.greater(bottom, top, out=row_won)
        np.maximum(top, bottom, out=rows)  # per column, the larger of the two rows
        left, right = rows[:, :, :, 0], rows[:, :, :, 1]  # (a, oh, ow, b)
        np.greater(right, left, out=col_won)
        np.maximum(left, right, out=out)

    @staticmethod
    def _max_of_rows(top, bottom, row_won, col_won, rows, out) -> None:
        """``_max_pairs`` for windows handed over as their two rows: ``top``, ``bottom``
        ``(2, ...)`` (window column first), masks ``row_won`` ``(2, ...)``, ``col_won`` and
        maxima ``out`` ``(...)``, scratch ``rows`` ``(2, ...)``. For layouts where each of a
        window's four members is a long slab (Winograd tiles, pooled-order columns)."""
        np.greater(bottom, top, out=row_won)  # ties: the first row wins
        np.maximum(top, bottom, out=rows)
        np.greater(rows[1], rows[0], out=col_won)  # ties: the first column wins
        np.maximum(rows[0], rows[1], out=out)

    @staticmethod
    def _route_to_rows(g, row_won, col_won, drows, dtop, dbottom) -> None:
        """The adjoint of ``_max_of_rows``: ``g`` ``(...)`` to each window's winner in ``dtop``,
        ``dbottom`` ``(2, ...)``, zero to the others; ``drows`` ``(2, ...)`` is scratch."""
        # each mask is cast into the output it scales first: a float times a bool runs through
        # NumPy's cast buffer, slower than the copy and a float product (docs/performance.md)
        right = drows[1]
        np.copyto(right, col_won)
        np.multiply(g, right, out=right)
        np.subtract(g, right, out=drows[0])
        np.copyto(dbottom, row_won)
        np.multiply(drows, dbottom, out=dbottom)
        np.subtract(drows, dbottom, out=dtop)

    @staticmethod
    def _route_pairs(g, row_won, col_won, dwin, drows) -> None:
        """The adjoint of ``_max_pairs``: ``g`` ``(a, oh, ow, b)`` written to each window's winner
        in ``dwin`` ``(a, oh, 2, ow, 2, b)``, zero to the other three. ``drows`` is scratch
        ``(a, oh, ow, 2, b)``."""
        # the loser gets g - g * won, i.e. exactly 0 or g: cheaper than negating the masks. Each
        # mask is cast into the output it scales first, as in ``_route_to_rows``
        right = drows[:, :, :, 1]
        np.copyto(right, col_won)
        np.multiply(g, right, out=right)
        np.subtract(g, right, out=drows[:, :, :, 0])
        bottom = dwin[:, :, 1]
        np.copyto(bottom, row_won)
        np.multiply(drows, bottom, out=bottom)
        np.subtract(drows, bottom, out=dwin[:, :, 0])

    def _route(self, g: np.ndarray, dwin: np.ndarray, row_won, col_won) -> None:
        """``_route_pairs`` of ``g`` ``(a, oh, ow, b)`` into ``dwin`` with the masks of a 2x2
        forward, split and blocked as ``_pool_into``."""
        drows = aligned.empty(row_won.shape, g.dtype)

        def route(part: slice) -> None:
            for cs in _cache_blocks(part, dwin[0].nbytes):
                self._route_pairs(g[cs], row_won[cs], col_won[cs], dwin[cs], drows[cs])

        parallel.map_parts(route, g.shape[0], 4 * g.size)

    def _forward_offsets(self, win: np.ndarray) -> np.ndarray:
        """Any size: one pass per window offset; the earliest offset (row-major) wins ties."""
        s = self.size
        out = win[:, :, 0, :, 0].copy()
        argmax = aligned.zeros(out.shape, np.uint8)
        for o in range(1, s * s):
            v = win[:, :, o // s, :, o % s]
            np.copyto(argmax, o, where=v > out)  # strict: the earlier offset keeps ties
            np.maximum(out, v, out=out)
        self._cache = (argmax,)
        return out

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """``(n, c, h // size, w // size) -> (n, c, h, w)``; zero except at each window's max."""
        if self._cache is None or self._x_shape is None:
            raise RuntimeError("MaxPool2D.backward called before forward")
        s = self.size
        n, c, h, w = self._x_shape
        oh, ow = h // s, w // s
        g = np.ascontiguousarray(self._to_grid(grad_out))  # (a, oh, ow, b) like the forward
        a, b = g.shape[0], g.shape[3]
        # every element is written below unless trailing rows / columns were dropped
        cropped = h != oh * s or w != ow * s
        dgrid = (aligned.zeros if cropped else aligned.empty)((a, h, w, b), grad_out.dtype)
        dwin = dgrid[:, : oh * s, : ow * s].reshape(a, oh, s, ow, s, b)
        if s == 2:
            self._route(g, dwin, *self._cache)
        else:
            (argmax,) = self._cache
            for o in range(s * s):
                np.multiply(g, argmax == o, out=dwin[:, :, o // s, :, o % s])
        return self._from_grid(dgrid, n, c)
