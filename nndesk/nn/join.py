"""Two networks of one architecture as one network of the same layer kinds whose logits are the
mean of theirs (``join_side_by_side``).

Side by side, two members are one network with twice the channels or units in each layer: a
layer reading the (shared) input stacks the members' weights along its outputs, every later
weight layer is block-diagonal (zeros across the halves, so neither half reads the other), and
the last ``Dense`` stacks the members' last layers along its inputs and halves them, so its
output is ``(z_a + z_b) / 2``. Nothing new is needed to save, load or read the result: it is an
ordinary ``Sequential``. Used to average two training runs of one recipe (two batch orders) in a
single shipped file (weights/README.md, thirty-fourth round).
"""

from __future__ import annotations

import numpy as np

from nndesk.nn.activations import ELU, LeakyReLU, PReLU, ReLU, Sigmoid, Softmax, Tanh
from nndesk.nn.batchnorm import BatchNorm2D
from nndesk.nn.conv import Conv2D, MaxPool2D
from nndesk.nn.layers import Dense, Dropout, Flatten, Layer, Reshape
from nndesk.nn.model import Sequential
from nndesk.nn.registry import layer_from_config

#: layers without parameters that act on each channel or unit alone: the same layer serves both
#: halves (Dropout reads as the identity; a channel-major Flatten keeps the halves apart; Softmax
#: only ever reads the mean, after the last Dense)
_PER_UNIT = (ReLU, LeakyReLU, Sigmoid, Tanh, ELU, MaxPool2D, Dropout, Flatten, Softmax)


def _same_config(a: Layer, b: Layer) -> dict:
    """``a``'s config, after checking ``b`` is the same layer (the init seed may differ)."""
    ca, cb = a.config(), b.config()
    if {k: v for k, v in ca.items() if k != "seed"} != {k: v for k, v in cb.items() if k != "seed"}:
        raise ValueError(f"the members differ at a layer: {ca} against {cb}")
    return ca


def _stacked(a: np.ndarray, b: np.ndarray, axis: int) -> np.ndarray:
    return np.concatenate([a, b], axis=axis).astype(np.float32)


def _block_diagonal(a: np.ndarray, b: np.ndarray, row_axis: int, col_axis: int) -> np.ndarray:
    """``[[a, 0], [0, b]]`` over ``row_axis`` and ``col_axis`` (the other axes kept), float32."""
    shape = list(a.shape)
    shape[row_axis] += b.shape[row_axis]
    shape[col_axis] += b.shape[col_axis]
    out = np.zeros(shape, np.float32)
    first = [slice(None)] * a.ndim
    first[row_axis], first[col_axis] = slice(0, a.shape[row_axis]), slice(0, a.shape[col_axis])
    second = [slice(None)] * a.ndim
    second[row_axis] = slice(a.shape[row_axis], None)
    second[col_axis] = slice(a.shape[col_axis], None)
    out[tuple(first)] = a
    out[tuple(second)] = b
    return out


def _joined_dense(a: Dense, b: Dense, split: bool, last: bool) -> Dense:
    """W ``(in, out)``: shared input -> ``(in, 2 out)``; split -> ``(2 in, 2 out)`` block-diagonal;
    the last layer -> ``(2 in, out)``, both halves times 1/2 (a shared input: the mean ``(in,
    out)``), its bias the mean."""
    cfg = _same_config(a, b)
    wa, wb = a.params["W"], b.params["W"]
    if last:
        # a network of one weight layer reads the shared input: its mean is the mean of weights
        W = _stacked(wa, wb, axis=0) * np.float32(0.5) if split else (wa + wb) / np.float32(2)
        bias = (a.params["b"].astype(np.float64) + b.params["b"]) / 2
    elif split:
        W = _block_diagonal(wa, wb, row_axis=0, col_axis=1)
        bias = _stacked(a.params["b"], b.params["b"], axis=0)
    else:
        W = _stacked(wa, wb, axis=1)
        bias = _stacked(a.params["b"], b.params["b"], axis=0)
    layer = Dense(W.shape[0], W.shape[1], init=cfg["init"], seed=cfg["seed"])
    layer.params["W"][...] = W
    layer.params["b"][...] = bias
    return layer


def _joined_conv(a: Conv2D, b: Conv2D, split: bool) -> Conv2D:
    """W ``(out, in, k, k)``: shared input -> ``(2 out, in, k, k)``; split ->
    ``(2 out, 2 in, k, k)``, block-diagonal over (out, in)."""
    cfg = _same_config(a, b)
    wa, wb = a.params["W"], b.params["W"]
    W = _block_diagonal(wa, wb, 0, 1) if split else _stacked(wa, wb, axis=0)
    layer = Conv2D(
        W.shape[1],
        W.shape[0],
        kernel_size=cfg["kernel_size"],
        stride=cfg["stride"],
        padding=cfg["padding"],
        init=cfg["init"],
        seed=cfg["seed"],
    )
    layer.params["W"][...] = W
    layer.params["b"][...] = _stacked(a.params["b"], b.params["b"], axis=0)
    return layer


def _joined_batchnorm(a: BatchNorm2D, b: BatchNorm2D) -> BatchNorm2D:
    cfg = _same_config(a, b)
    layer = BatchNorm2D(2 * a.channels, momentum=cfg["momentum"], eps=cfg["eps"])
    for store_a, store_b, store in (
        (a.params, b.params, layer.params),
        (a.buffers, b.buffers, layer.buffers),
    ):
        for name in store:
            store[name][...] = _stacked(store_a[name], store_b[name], axis=0)
    return layer


def _joined_prelu(a: PReLU, b: PReLU) -> PReLU:
    cfg = _same_config(a, b)
    layer = PReLU(2 * a.features, init=cfg["init"])
    layer.params["alpha"][...] = _stacked(a.params["alpha"], b.params["alpha"], axis=0)
    return layer


def join_side_by_side(a: Sequential, b: Sequential) -> Sequential:
    """One network whose logits ``(n, k)`` are ``(a(x) + b(x)) / 2`` for every input ``x``.

    ``a`` and ``b`` must have the same layers (types and sizes; init seeds may differ) and end in a
    ``Dense`` layer (optionally followed by ``Softmax``). Shapes, for a ``Conv2D`` of ``c`` ->
    ``f`` channels: ``(f, c, k, k)`` -> ``(2f, c, k, k)`` when it reads the input, else
    ``(2f, 2c, k, k)`` block-diagonal; ``BatchNorm2D`` / ``PReLU`` arrays ``(f,)`` -> ``(2f,)``
    (member ``a`` first); ``Flatten`` of ``(2f, h, w)`` puts ``a``'s ``f * h * w`` values first,
    which the next ``Dense`` ``(2 f h w, 2 u)`` reads block-diagonally; the last ``Dense``
    ``(u, k)`` -> ``(2u, k)``, both halves times 1/2, its bias ``(k,)`` the mean. Per-unit layers
    without parameters (ReLU and the other activations, MaxPool2D, Dropout) are kept as they are.
    In evaluation mode the result equals the mean of the members' logits to float precision
    (batch norm reads its running statistics). Raises ``ValueError`` for members that differ or
    a layer that cannot be joined this way (a ``Reshape`` after the first weight layer, a
    ``BatchNorm2D`` or ``PReLU`` before it).
    """
    if len(a.layers) != len(b.layers):
        raise ValueError(f"the members have {len(a.layers)} and {len(b.layers)} layers")
    if tuple(a.input_shape) != tuple(b.input_shape) or a.output != b.output:
        raise ValueError("the members read different inputs or give different outputs")
    weighted = [i for i, layer in enumerate(a.layers) if isinstance(layer, Dense | Conv2D)]
    if not weighted or not isinstance(a.layers[weighted[-1]], Dense):
        raise ValueError("the members must end in a Dense layer (their logits)")
    last = weighted[-1]
    if any(not isinstance(layer, Softmax) for layer in a.layers[last + 1 :]):
        raise ValueError("only a Softmax may follow the last Dense layer")
    split = False  # False: both halves read the same values (the input); True: [a's, b's]
    layers: list[Layer] = []
    for i, (la, lb) in enumerate(zip(a.layers, b.layers, strict=True)):
        if type(la) is not type(lb):
            raise ValueError(f"layer {i}: {type(la).__name__} against {type(lb).__name__}")
        if isinstance(la, Dense) and isinstance(lb, Dense):
            layers.append(_joined_dense(la, lb, split, last=i == last))
            split = i != last
        elif isinstance(la, Conv2D) and isinstance(lb, Conv2D):
            layers.append(_joined_conv(la, lb, split))
            split = True
        elif isinstance(la, BatchNorm2D) and isinstance(lb, BatchNorm2D) and split:
            layers.append(_joined_batchnorm(la, lb))
        elif isinstance(la, PReLU) and isinstance(lb, PReLU) and split:
            layers.append(_joined_prelu(la, lb))
        elif isinstance(la, Reshape) and not split:
            layers.append(Reshape(_same_config(la, lb)["shape"]))
        elif isinstance(la, _PER_UNIT):
            # channel-major flatten keeps the halves apart; Softmax only ever reads the mean
            layers.append(layer_from_config(_same_config(la, lb)))
        else:
            raise ValueError(f"layer {i}: {type(la).__name__} cannot be joined side by side")
    return Sequential(layers, input_shape=tuple(a.input_shape), output=a.output)
