"""One training batch split by samples over threads: data parallelism inside a batch.

A CNN's per-batch products are small, and BLAS runs them on two threads poorly (its threads meet
at every block); most of the batch's other passes run on one core. So instead each part of the
batch (32 of 64 images) runs its forward and backward on a thread of its own, with one-thread
BLAS, on its own copy of the layers: a copy shares the model's parameter arrays (the very dict)
and keeps its own caches and gradients (the first part's copy writes into the model's own).
NumPy releases the GIL inside BLAS and big ufuncs, so the parts run at the same time. The
training loop does not know: ``Sequential.forward`` / ``backward`` hand a batch to
``BatchSplit`` when ``parts_for`` says so.

The result is the whole batch's, up to float rounding:

- the logits are the parts' rows, in order; the caller takes the batch-mean loss on them as usual
  and each row of dL/dlogits goes back to the part that made it. In training
  (``Sequential.train_step``) each part takes its rows' share of the loss itself and goes back
  at once: a row's gradient needs only that row's logits, so the parts meet once per batch;
- a parameter's gradient is a sum over the batch's samples, so it is the sum of the parts'
  gradients (the same terms, added in another order);
- Dropout's masks are drawn for the whole batch from the model's own generator, exactly as the
  plain forward draws them, and handed to the parts by rows.

A layer whose training output couples the samples of a batch (batch normalisation: the batch's
mean and variance) cannot be split; ``Layer.couples_samples`` marks it, and such a model's
batches never are. ``tests/nn/test_split_batch.py`` proves the equality.
"""

from __future__ import annotations

import copy
import functools
import threading
from typing import TYPE_CHECKING

import numpy as np

from nndesk.nn import aligned, parallel
from nndesk.nn.layers import Dropout, Layer
from nndesk.nn.losses import Loss

if TYPE_CHECKING:
    from nndesk.nn.model import Sequential
    from nndesk.nn.optimizers import StepInRanges

#: Fewest samples a part gets: a thread's handover costs about what 8 images of a small CNN do.
MIN_PART_SAMPLES = 8


def splittable(model: Sequential) -> bool:
    """Whether ``model``'s training batches may be split by samples (no layer couples them)."""
    return not any(layer.couples_samples for layer in model.layers)


def parts_for(model: Sequential, samples: int) -> int:
    """Parts a training batch of ``samples`` runs in on this thread: ``parallel.threads()``, at
    most one per ``MIN_PART_SAMPLES`` samples; 1 (not split) for a model that is not
    ``splittable``."""
    parts = min(parallel.threads(), samples // MIN_PART_SAMPLES)
    return parts if parts > 1 and splittable(model) else 1


def _copy_of(layer: Layer) -> Layer:
    """``layer`` with its own caches and gradients; ``_refresh`` gives it the parameters."""
    twin = copy.copy(layer)  # Conv2D's __getstate__ leaves its scratch buffers behind
    for name, value in list(vars(twin).items()):
        if callable(value):  # a method patched onto the instance would run on the original
            delattr(twin, name)
    twin.grads = {}
    return twin


def _refresh(twin: Layer, layer: Layer, first: bool) -> None:
    """Give ``twin`` the model layer's current settings and parameters: every public attribute
    (``params``, a dropout rate steered mid-run, ...) but its gradients; caches (``_`` names)
    stay its own, as in ``Sequential.snapshot``. The ``first`` part's copy writes its gradients
    straight into the model layer's arrays (layers overwrite theirs in place), so ``backward``
    only adds the other parts' to them."""
    for name, value in vars(layer).items():
        if not name.startswith("_") and name != "grads" and not callable(value):
            setattr(twin, name, value)
    if first:
        twin.grads = layer.grads
        return
    if twin.grads is layer.grads:
        twin.grads = {}
    for name, param in layer.params.items():
        grad = twin.grads.get(name)
        if grad is None or grad.shape != param.shape or grad.dtype != param.dtype:
            twin.grads[name] = np.zeros_like(param)


def _forward(net: Sequential, x: np.ndarray) -> np.ndarray:
    with parallel.use_threads(1):  # the part is this thread's whole share of the cores
        return net.forward(x, training=True)


def _backward(net: Sequential, grad: np.ndarray, input_grad: bool) -> np.ndarray | None:
    with parallel.use_threads(1):
        return net.backward(grad, input_grad)


def _train_step(
    net: Sequential, x: np.ndarray, labels: np.ndarray, loss: Loss, batch: int
) -> tuple[np.ndarray, float]:
    with parallel.use_threads(1):
        logits = net.forward(x, training=True)
        share = loss(logits, labels, batch)  # these rows' share of the batch mean
        net.backward(loss.backward(), input_grad=False)
        return logits, share


def _train_step_then_update(
    net: Sequential,
    x: np.ndarray,
    labels: np.ndarray,
    loss: Loss,
    batch: int,
    tail: _Tails,
    part: int,
) -> tuple[np.ndarray, float]:
    """``_train_step``, then part ``part``'s share of the gradient sum and the update."""
    try:
        logits, share = _train_step(net, x, labels, loss, batch)
    except BaseException:
        tail.barrier.abort()  # the other parts stop waiting; this error reaches the caller
        raise
    if tail.meet(part, share):
        with parallel.use_threads(1):
            tail.sum_and_update(part)
    return logits, share


class _Tails:
    """The end of a split training step whose parts apply the optimizer's step themselves
    (``BatchSplit.train_step`` with a ``StepInRanges``), so that no part waits while another
    sums gradients or updates alone. Each part, after its backward, waits for the others; the
    last to arrive adds up the loss shares and lets the step decide whether it is taken (not
    when the loss diverged). Then part ``i`` adds the other parts' gradients into the model's
    on its own range of the flat gradient, and updates that range."""

    def __init__(self, split: BatchSplit, step: StepInRanges) -> None:
        parts = len(split.copies)
        self.step = step
        self.shares = [0.0] * parts
        self.ranges = parallel.split(step.grad.size, parts, aligned.FLOAT32_STEP)
        # per parameter: (its offset in the flat gradient, the model's gradient, the other
        # parts' gradients of it), all raveled
        base = step.grad.__array_interface__["data"][0]
        self.grads = [
            (
                (grad.__array_interface__["data"][0] - base) // grad.itemsize,
                grad.reshape(-1),
                [net.layers[index].grads[name].reshape(-1) for net in split.copies[1:]],
            )
            for index, layer in enumerate(split.model.layers)
            for name, grad in layer.grads.items()
        ]
        self.barrier = threading.Barrier(parts, action=self._decide)

    @staticmethod
    def fits(model: Sequential, step: StepInRanges) -> bool:
        """Whether every gradient of ``model`` is a view of ``step``'s flat gradient."""
        return all(
            grad.base is step.grad for layer in model.layers for grad in layer.grads.values()
        )

    def _decide(self) -> None:  # the last part to arrive, while the others wait
        self.step.begin(sum(self.shares))  # in order, as BatchSplit.train_step adds them

    def meet(self, part: int, share: float) -> bool:
        """Part ``part``, its backward done with ``share`` of the loss, waits for the others;
        False when another part failed (its error reaches the caller)."""
        self.shares[part] = share
        try:
            self.barrier.wait()
        except threading.BrokenBarrierError:
            return False
        return True

    def sum_and_update(self, part: int) -> None:
        """``_sum_grads`` on part ``part``'s range of the flat gradient, then the step there."""
        lo, hi = self.ranges[part].start, self.ranges[part].stop
        for offset, grad, others in self.grads:
            cut = slice(max(lo, offset) - offset, min(hi, offset + grad.size) - offset)
            if cut.start < cut.stop:
                for other in others:
                    np.add(grad[cut], other[cut], out=grad[cut])
        if self.step.began:
            self.step.update(self.ranges[part])


class BatchSplit:
    """``model``'s training forward and backward with each batch split into ``parts`` runs of
    samples, each on its own thread and copy of the layers (see the module docstring)."""

    def __init__(self, model: Sequential, parts: int) -> None:
        self.model = model
        self.layers = list(model.layers)  # what the copies were made from
        self.copies = [
            type(model)([_copy_of(one) for one in model.layers], model.input_shape, model.output)
            for _ in range(parts)
        ]
        # per-sample input shape of every layer: Dropout's whole-batch masks are drawn in it
        self._input_shapes = [model.input_shape] + [s for _, s, _ in model.summary_rows()[:-1]]
        self._rows: list[slice] = []
        self._losses: list[tuple[Loss, Loss]] = []  # (the caller's loss, a part's copy of it)

    def fits(self, model: Sequential, parts: int) -> bool:
        """Whether these copies still stand for ``model``'s layers, split in ``parts``."""
        same = len(self.layers) == len(model.layers) and all(
            a is b for a, b in zip(self.layers, model.layers, strict=True)
        )
        return same and len(self.copies) == parts

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Training logits ``(n, k)`` of ``x`` ``(n, *input_shape)``, part by part."""
        rows = self._hand_out(x.shape[0])
        calls = [
            functools.partial(_forward, net, x[part])
            for net, part in zip(self.copies, rows, strict=True)
        ]
        return np.concatenate(parallel.run_each(calls))

    def train_step(
        self, x: np.ndarray, labels: np.ndarray, loss: Loss, step: StepInRanges | None = None
    ) -> tuple[np.ndarray, float]:
        """``Sequential.train_step``: each part runs forward, its rows' share of ``loss`` and
        backward in one go on its thread (the parts meet once); then the gradients are summed
        as in ``backward``. With a ``step`` the parts sum them and apply it themselves, each on
        its own range (``_Tails``). Returns the batch's logits and loss."""
        n = x.shape[0]
        rows = self._hand_out(n)
        if len(self._losses) != len(rows) or self._losses[0][0] is not loss:
            # each part's own copy: a loss caches the gradient of its last call
            self._losses = [(loss, copy.copy(loss)) for _ in rows]
        parts = zip(self.copies, rows, self._losses, strict=True)
        if step is not None and not _Tails.fits(self.model, step):
            step = None  # a gradient array not in the step's flat buffer: the caller steps
        if step is None:
            calls = [
                functools.partial(_train_step, net, x[part], labels[part], own, n)
                for net, part, (_, own) in parts
            ]
        else:
            tail = _Tails(self, step)
            calls = [
                functools.partial(
                    _train_step_then_update, net, x[part], labels[part], own, n, tail, i
                )
                for i, (net, part, (_, own)) in enumerate(parts)
            ]
        results = parallel.run_each(calls)
        if step is None:
            self._sum_grads()
        return np.concatenate([logits for logits, _ in results]), sum(s for _, s in results)

    def _hand_out(self, n: int) -> list[slice]:
        """Give every copy the model's current parameters and settings, and Dropout's masks for
        the whole batch of ``n`` by rows; returns each part's rows."""
        self._rows = rows = parallel.split(n, len(self.copies))
        for index, layer in enumerate(self.model.layers):
            for number, net in enumerate(self.copies):
                _refresh(net.layers[index], layer, first=number == 0)
            if isinstance(layer, Dropout) and layer.rate > 0:
                # the plain forward's draw for the whole batch, then each part's rows of it
                keep = layer.kept_units((n, *self._input_shapes[index]))
                for net, part in zip(self.copies, rows, strict=True):
                    dropout = net.layers[index]
                    assert isinstance(dropout, Dropout)
                    dropout.hand_over(keep[part])
        return rows

    def backward(self, grad_logits: np.ndarray, input_grad: bool) -> np.ndarray | None:
        """``Sequential.backward`` of the last ``forward``: each part's rows of ``grad_logits``
        back through its copy, then every parameter gradient = the sum of the parts'."""
        calls = [
            functools.partial(_backward, net, grad_logits[part], input_grad)
            for net, part in zip(self.copies, self._rows, strict=True)
        ]
        grads_in = parallel.run_each(calls)
        self._sum_grads()
        if not input_grad:
            return None
        return np.concatenate([g for g in grads_in if g is not None])

    def _sum_grads(self) -> None:
        """Every parameter's gradient = the sum of the parts': the first part wrote its own
        into the model's arrays (the optimizer's), the others' are added there."""
        for index, layer in enumerate(self.model.layers):
            for name, grad in layer.grads.items():
                for net in self.copies[1:]:
                    np.add(grad, net.layers[index].grads[name], out=grad)

    def copies_of(self, layer: Layer) -> list[Layer]:
        """The copies of ``layer`` (one of the model's) that ran the last batch, one per part."""
        index = next(i for i, own in enumerate(self.layers) if own is layer)
        return [net.layers[index] for net in self.copies]
