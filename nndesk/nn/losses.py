"""Losses on logits: softmax cross-entropy, sigmoid binary cross-entropy, mean squared error.

Call ``loss(logits, labels)`` (labels ``int64 (n,)``) for the batch mean, then ``loss.backward()``
for dL/dlogits ``(n, k)``. A label ``OUTLIER`` (-1) means "none of these classes": that row's
target is the uniform distribution over the ``k`` classes (outlier exposure; its cross-entropy
gradient is ``softmax(z) - 1/k``), so a network learns to be unsure of images that are no class.
``loss(logits, labels, batch)`` takes the rows as part of a batch of
``batch`` rows: their share of its mean (the parts' shares add up to it) and their rows of its
gradient (``nndesk.nn.split_batch``). Each loss is fused with the model's output activation, so
the gradient goes straight to the logits and never divides by a probability.
"""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Message
from nndesk.nn.activations import sigmoid, softmax

#: The label of a training image that is none of the classes: its target is uniform.
OUTLIER = -1


def one_hot(labels: np.ndarray, k: int, dtype: np.dtype | type = np.float32) -> np.ndarray:
    """``(n,)`` int labels -> ``(n, k)`` one-hot rows; an ``OUTLIER`` row is ``1/k`` everywhere."""
    out = np.zeros((labels.shape[0], k), dtype=dtype)
    outliers = labels < 0
    if outliers.any():
        out[outliers] = 1.0 / k
        rows = np.flatnonzero(~outliers)
        out[rows, labels[rows]] = 1
        return out
    out[np.arange(labels.shape[0]), labels] = 1
    return out


class Loss:
    """Base class: ``__call__`` caches what ``backward`` needs."""

    name = "loss"

    def __init__(self, output: str) -> None:
        self.output = output
        self._grad: np.ndarray | None = None
        self._arange = np.arange(0)

    def _rows(self, n: int) -> np.ndarray:
        """``arange(n)``, kept between calls (every training batch but the last has one size)."""
        if self._arange.shape[0] != n:
            self._arange = np.arange(n)
        return self._arange

    def __call__(self, logits: np.ndarray, labels: np.ndarray, batch: int | None = None) -> float:
        """The mean over ``batch`` rows (default: these) of the rows' terms, summed over these
        rows; caches their gradient for ``backward``."""
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        """dL/dlogits of the last call, ``(n, k)`` in the logits' dtype."""
        if self._grad is None:
            raise RuntimeError("call the loss before backward()")
        return self._grad


class SoftmaxCrossEntropy(Loss):
    """Batch mean of ``-log softmax(z)[y]``; gradient ``(softmax(z) - onehot) / n``.

    An ``OUTLIER`` row's term is the cross-entropy against the uniform target,
    ``-mean_j log softmax(z)_j``, with gradient ``(softmax(z) - 1/k) / n``."""

    name = "ce"

    def __call__(self, logits: np.ndarray, labels: np.ndarray, batch: int | None = None) -> float:
        # a training batch is a few hundred numbers, so each NumPy call costs more than its
        # arithmetic: ufunc reduces instead of the np.max/np.mean wrappers, one division
        n = logits.shape[0] if batch is None else batch  # the mean's divisor
        if labels.shape[0] and np.minimum.reduce(labels) < 0:
            return self._with_outliers(logits, labels, labels < 0, n)
        rows = self._rows(logits.shape[0])
        # log-sum-exp after subtracting the row max: finite for logits of 1e4
        shifted = logits - np.maximum.reduce(logits, axis=1, keepdims=True)  # (n, k)
        picked = shifted[rows, labels]  # (n,) before shifted is overwritten below
        grad = np.exp(shifted, out=shifted)  # one exp serves the loss and the gradient
        total = np.add.reduce(grad, axis=1, keepdims=True)  # (n, 1)
        log_total = np.add.reduce(np.log(total), axis=None, dtype=np.float64)
        loss = float(log_total - np.add.reduce(picked, dtype=np.float64)) / n
        total *= n
        grad /= total  # softmax(z) / n
        grad[rows, labels] -= 1.0 / n
        self._grad = grad
        return loss

    def _with_outliers(
        self, logits: np.ndarray, labels: np.ndarray, outliers: np.ndarray, n: int
    ) -> float:
        """``__call__`` for a batch holding ``OUTLIER`` rows (bool mask ``outliers`` (m,))."""
        k = logits.shape[1]
        shifted = logits - np.max(logits, axis=1, keepdims=True)  # (m, k)
        inliers = np.flatnonzero(~outliers)
        # the target's dot product with the log-probabilities, less the log-sum-exp below
        picked = np.empty(logits.shape[0], dtype=np.float64)
        picked[inliers] = shifted[inliers, labels[inliers]]
        picked[outliers] = np.mean(shifted[outliers], axis=1, dtype=np.float64)
        grad = np.exp(shifted)
        total = np.sum(grad, axis=1, keepdims=True)  # (m, 1)
        loss = float(np.sum(np.log(total), dtype=np.float64) - np.sum(picked)) / n
        grad /= total * n  # softmax(z) / n
        grad[inliers, labels[inliers]] -= 1.0 / n
        grad[outliers] -= 1.0 / (k * n)
        self._grad = grad
        return loss


class SigmoidBinaryCrossEntropy(Loss):
    """Binary cross-entropy of ``sigmoid(z)`` against one-hot targets, averaged over batch and
    classes (Keras' ``binary_crossentropy``); gradient ``(sigmoid(z) - t) / (n k)``."""

    name = "bce"

    def __call__(self, logits: np.ndarray, labels: np.ndarray, batch: int | None = None) -> float:
        t = one_hot(labels, logits.shape[1], logits.dtype)
        size = logits.size if batch is None else batch * logits.shape[1]  # the mean's divisor
        # max(z, 0) - z t + log(1 + e^-|z|) equals -t log s - (1 - t) log(1 - s) without overflow
        per = np.maximum(logits, 0) - logits * t + np.log1p(np.exp(-np.abs(logits)))
        loss = float(np.sum(per, dtype=np.float64)) / size
        grad = sigmoid(logits)
        grad -= t
        grad /= size
        self._grad = grad
        return loss


class MeanSquaredError(Loss):
    """Mean over batch and classes of ``(a(z) - onehot)^2`` where ``a`` is the output activation."""

    name = "mse"

    def __call__(self, logits: np.ndarray, labels: np.ndarray, batch: int | None = None) -> float:
        t = one_hot(labels, logits.shape[1], logits.dtype)
        size = logits.size if batch is None else batch * logits.shape[1]  # the mean's divisor
        if self.output == "softmax":
            p = softmax(logits)
        elif self.output == "sigmoid":
            p = sigmoid(logits)
        else:
            p = logits.copy()
        diff = p - t
        loss = float(np.sum(diff * diff, dtype=np.float64)) / size
        g = diff * logits.dtype.type(2.0 / size)  # dL/dp
        # chain through the output activation back to the logits
        if self.output == "softmax":
            g -= np.sum(g * p, axis=1, keepdims=True)
            g *= p
        elif self.output == "sigmoid":
            g *= p * (1 - p)
        self._grad = g
        return loss


#: The loss each output activation trains with unless told otherwise.
DEFAULT_LOSS = {"softmax": "ce", "sigmoid": "bce", "linear": "mse"}
#: Loss name -> the only output it accepts (absent: any output).
LOSS_NEEDS_OUTPUT = {"ce": "softmax", "bce": "sigmoid"}
LOSSES = ("ce", "bce", "mse")


def default_loss(output: str) -> str:
    """The usual loss for ``output``: softmax -> "ce", sigmoid -> "bce", linear -> "mse"."""
    return DEFAULT_LOSS.get(output, "mse")


def check_loss_output(loss: str, output: str) -> str | None:
    """Why ``loss`` cannot train a model with output ``output`` (one line), or None if it can.
    The one place the ce-needs-softmax / bce-needs-sigmoid rule is written."""
    if loss not in LOSSES:
        return Message(
            N_("unknown loss {loss!r}; choose {choices}"), loss=loss, choices=", ".join(LOSSES)
        )
    needed = LOSS_NEEDS_OUTPUT.get(loss)
    if needed is not None and output != needed:
        long_name = {"ce": "cross-entropy", "bce": "binary cross-entropy"}[loss]
        return Message(
            N_("{long_name} ('{loss}') needs the {needed} output, not {output!r}; or use mse"),
            long_name=long_name,
            loss=loss,
            needed=needed,
            output=output,
        )
    return None


def make_loss(name: str, output: str) -> Loss:
    """The loss ``name`` ("ce" | "bce" | "mse") for a model with output activation ``output``."""
    reason = check_loss_output(name, output)
    if reason is not None:
        raise ConfigError(reason)
    if output not in DEFAULT_LOSS:
        raise ConfigError(f"unknown output {output!r}")
    return {"ce": SoftmaxCrossEntropy, "bce": SigmoidBinaryCrossEntropy}.get(
        name, MeanSquaredError
    )(output)
