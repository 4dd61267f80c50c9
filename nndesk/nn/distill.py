"""Distillation: a student network trained against a teacher network's softened answers.

A teacher (here the shipped ``fashion-cnn``) reads every training batch as the student sees it;
the student learns its probabilities, which say how alike the classes look to it, not only the
label (Hinton, Vinyals and Dean 2015). For a row with class label ``y``, teacher logits ``t``
and student logits ``z`` ``(k,)``, at temperature ``tau`` and soft share ``a``::

    L = a tau^2 KL(p || softmax(z / tau)) + (1 - a) CE(y, softmax(z))
    p = softmax(t / (T_cal tau))                    # T_cal: the teacher's calibration

    dL/dz = a tau (softmax(z / tau) - p) + (1 - a) (softmax(z) - onehot(y))

(``tau^2`` keeps the soft part's gradient the size of the hard part's whatever ``tau`` is). A row
labelled ``OUTLIER`` (no garment: outlier exposure) keeps its uniform target alone, ``CE(1/k,
softmax(z))``: a teacher that never saw such images would teach it a class. The batch's loss is
the mean over its rows, as ``nndesk.nn.losses``' are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from nndesk.nn.activations import softmax
from nndesk.nn.losses import Loss, one_hot

if TYPE_CHECKING:
    from nndesk.nn.model import Sequential


def soft_targets(teacher_logits: np.ndarray, temperature: float) -> np.ndarray:
    """The teacher's softened probabilities ``softmax(t / temperature)`` ``(n, k)`` float64."""
    if not temperature > 0:
        raise ValueError(f"a temperature must be positive, not {temperature}")
    return softmax(np.asarray(teacher_logits, np.float64) / temperature)


def distillation_loss(
    logits: np.ndarray,
    labels: np.ndarray,
    targets: np.ndarray,
    temperature: float,
    soft_share: float,
) -> tuple[float, np.ndarray]:
    """The batch mean of the module's ``L`` and its gradient ``dL/dlogits``.

    ``logits`` ``(n, k)`` the student's; ``labels`` ``int64 (n,)`` (``OUTLIER`` rows: the
    uniform target alone); ``targets`` ``(n, k)`` the teacher's softened probabilities ``p``
    (``soft_targets``; rows of ``OUTLIER`` labels are not read); ``temperature`` ``tau``;
    ``soft_share`` ``a`` in [0, 1]. Returns ``(loss, grad)``, ``grad`` ``(n, k)`` in the
    logits' dtype."""
    if not 0.0 <= soft_share <= 1.0:
        raise ValueError(f"the soft share must be 0-1, not {soft_share}")
    if targets.shape != logits.shape:
        raise ValueError(f"targets {targets.shape} for logits {logits.shape}")
    n, k = logits.shape
    z = np.asarray(logits, np.float64)
    tau, a = float(temperature), float(soft_share)
    inlier = labels >= 0
    hard = one_hot(labels, k, np.float64)  # an OUTLIER row: 1/k everywhere
    log_q = z - np.max(z, axis=1, keepdims=True)
    log_q -= np.log(np.sum(np.exp(log_q), axis=1, keepdims=True))  # log softmax(z)
    # the hard part: weight 1 - a on labelled rows, 1 on rows of no class
    weight = np.where(inlier, 1.0 - a, 1.0)
    loss_rows = -weight * np.sum(hard * log_q, axis=1)
    grad = weight[:, None] * (np.exp(log_q) - hard)
    if a > 0 and inlier.any():
        zs = z[inlier] / tau
        log_qt = zs - np.max(zs, axis=1, keepdims=True)
        log_qt -= np.log(np.sum(np.exp(log_qt), axis=1, keepdims=True))  # log softmax(z / tau)
        p = np.asarray(targets, np.float64)[inlier]
        # KL(p || q_tau) = sum p log p - sum p log q_tau; 0 log 0 counts as 0
        plogp = np.sum(np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0), axis=1)
        loss_rows[inlier] += a * tau * tau * (plogp - np.sum(p * log_qt, axis=1))
        grad[inlier] += a * tau * (np.exp(log_qt) - p)
    return float(np.sum(loss_rows)) / n, (grad / n).astype(logits.dtype, copy=False)


class DistillationLoss(Loss):
    """The module's ``L`` as a training loss: call ``teach(x)`` with the batch's inputs (the
    rows the student reads) before ``loss(logits, labels)``; ``backward()`` then gives
    ``dL/dlogits``.

    ``teacher`` a ``Sequential`` reading the student's inputs (same normalisation), read in
    reading mode (dropout off, batch norm's running statistics); ``teacher_temperature`` its
    calibration temperature (``T_cal``; 1 for an uncalibrated file). The loss of a batch split
    into parts over threads or processes is not supported: the training loop trains a taught
    batch whole."""

    name = "distill"

    def __init__(
        self,
        teacher: Sequential,
        temperature: float = 2.0,
        soft_share: float = 0.7,
        teacher_temperature: float = 1.0,
    ) -> None:
        super().__init__("softmax")
        if not 0.0 <= soft_share <= 1.0:
            raise ValueError(f"the soft share must be 0-1, not {soft_share}")
        if not (temperature > 0 and teacher_temperature > 0):
            raise ValueError("temperatures must be positive")
        self.teacher = teacher
        self.temperature = float(temperature)
        self.soft_share = float(soft_share)
        self.teacher_temperature = float(teacher_temperature)
        self._targets: np.ndarray | None = None

    def teach(self, x: np.ndarray) -> np.ndarray:
        """The teacher reads the batch ``x`` ``(n, d)``; its softened probabilities ``(n, k)``
        are the targets of the next call (and are returned)."""
        logits = self.teacher.forward(x, training=False)
        self._targets = soft_targets(logits, self.teacher_temperature * self.temperature)
        return self._targets

    def __call__(self, logits: np.ndarray, labels: np.ndarray, batch: int | None = None) -> float:
        if batch is not None and batch != logits.shape[0]:
            raise RuntimeError("a distillation loss trains a batch whole, not in parts")
        targets = self._targets
        if targets is None or targets.shape != logits.shape:
            raise RuntimeError("teach() the batch's inputs before the distillation loss")
        self._targets = None  # one batch's targets serve that batch only
        loss, self._grad = distillation_loss(
            logits, labels, targets, self.temperature, self.soft_share
        )
        return loss
