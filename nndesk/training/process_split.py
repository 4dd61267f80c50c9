"""A training batch split by samples over processes: the thread split without the GIL.

``nndesk.nn.split_batch`` runs each part of a CNN batch on a thread of this process. NumPy
lets go of the GIL only inside its C loops, so two halves running side by side hand it to
each other at every call and each loses about a tenth of its step asleep waiting for it
(docs/performance.md). Here the other parts run in helper processes instead, each with its own
copy of the model, started once per training run (the ``spawn`` way: the window is a Qt
program, and a forked Qt process is not safe). The numbers are the thread split's:

- part 0 (the first rows) runs on the caller's thread, on the model itself; part ``i`` > 0 in
  helper ``i - 1``, on the same parameters, in its shared memory;
- Dropout's masks are drawn for the whole batch by the model's own generator, as the thread
  split and the plain forward draw them, and handed out by rows;
- each part takes its rows' share of the batch-mean loss and goes back at once; the helpers'
  gradients (in shared memory) are added to the model's in part order, as the thread split adds
  its copies'. The optimizer's step (``Optimizer.step_in_ranges``, as the thread split's
  tails take it) then runs a range of the flat parameters at a time on each of the caller's
  threads: each range is summed, updated and copied into the helpers' shared memory for the
  next batch while it is in the cache: the helpers wait through this tail, but it is no
  longer a sum on one thread, then a step, then a copy of every parameter.
  A batch whose step the caller takes itself (a clip norm, a batch the training loop's
  watcher samples) has the parameters copied in before the next batch instead.

Each helper's shared memory is one segment (``_Layout``): the parameters and its gradient
``(P,)``, its rows ``x (rows, *input_shape)`` and ``logits (rows, k)`` (all in the parameters'
dtype, float32 in training), ``labels int64 (rows,)``, one ``keep`` mask ``bool (rows,
*shape)`` per Dropout layer, and the pickled model and loss it starts from. Each batch is one
message each way over a pipe.

If a helper cannot start, fails or dies, ``ProcessSplit.train_step`` trains that batch (and
every later one) through the thread split instead, with the same numbers; ``close`` ends the
helpers and removes their segments. ``tests/test_process_split.py`` proves both.

The training loop uses it when the run's thread plan says so (``runtime.plan``): when every
part has a core of its own. On a quiet 2-core machine it was about 22 % faster than the thread
split, with another program keeping a core busy 0.5-4 % slower (docs/performance.md, "A split
batch's other half in a process"); ``bench_cnn --split processes|threads`` measures either.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
import types
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.shared_memory import SharedMemory
from typing import TYPE_CHECKING

import numpy as np

from nndesk.nn import parallel, split_batch
from nndesk.nn.layers import Dropout

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from nndesk.nn.losses import Loss
    from nndesk.nn.model import Sequential
    from nndesk.nn.optimizers import StepInRanges

#: Seconds ``close`` waits for a helper to leave on its own before ending it.
EXIT_WAIT = 2.0
#: Arrays in a segment start on cache lines.
_ALIGN = 64


class HelperLost(RuntimeError):
    """A helper process failed or is gone; the message says what it reported."""


@dataclass(frozen=True)
class _Layout:
    """Where each array of a helper's segment sits: ``(name, offset, shape, dtype)``."""

    fields: tuple[tuple[str, int, tuple[int, ...], str], ...]
    size: int

    @classmethod
    def of(cls, arrays: list[tuple[str, tuple[int, ...], str]]) -> _Layout:
        fields, offset = [], 0
        for name, shape, dtype in arrays:
            fields.append((name, offset, shape, dtype))
            nbytes = int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize
            offset += -(-nbytes // _ALIGN) * _ALIGN
        return cls(tuple(fields), max(offset, 1))

    def views(self, buf: memoryview | None) -> dict[str, np.ndarray]:
        """The segment's arrays, as NumPy views of ``buf`` (the segment's memory)."""
        if buf is None:
            raise ValueError("the shared memory segment is closed")
        return {
            name: np.ndarray(shape, dtype, buffer=buf, offset=offset)
            for name, offset, shape, dtype in self.fields
        }


def _dropouts(model: Sequential) -> list[tuple[int, Dropout, tuple[int, ...]]]:
    """``(index, layer, per-sample input shape)`` of every Dropout layer of ``model``."""
    shapes = [model.input_shape] + [s for _, s, _ in model.summary_rows()[:-1]]
    return [
        (i, layer, tuple(shapes[i]))
        for i, layer in enumerate(model.layers)
        if isinstance(layer, Dropout)
    ]


def _bind(model: Sequential, params: np.ndarray, grads: np.ndarray) -> None:
    """Make ``model``'s parameters and gradients views of the flat ``params`` and ``grads``
    (``parameters()`` order, as ``Sequential.flatten_parameters`` lays them out)."""
    offset = 0
    for layer in model.layers:
        for name, param in layer.params.items():
            end = offset + param.size
            layer.params[name] = params[offset:end].reshape(param.shape)
            layer.grads[name] = grads[offset:end].reshape(param.shape)
            offset = end


class _Helper:
    """One helper process, its pipe and its shared segment (the caller's side)."""

    def __init__(self, model: Sequential, loss: Loss, rows: int, context) -> None:
        snapshot = model.snapshot()  # no caches; its parameters come from the segment
        state = pickle.dumps((snapshot, loss), protocol=pickle.HIGHEST_PROTOCOL)
        dtype = np.result_type(*(p for _, p, _ in model.parameters())).str
        params = sum(p.size for _, p, _ in model.parameters())
        k = model.summary_rows()[-1][1][0]
        arrays = [
            ("params", (params,), dtype),
            ("grads", (params,), dtype),
            ("x", (rows, *model.input_shape), dtype),
            ("labels", (rows,), "int64"),
            ("logits", (rows, k), dtype),
            *((f"keep{i}", (rows, *shape), "bool") for i, _, shape in _dropouts(model)),
            ("state", (len(state),), "uint8"),
        ]
        self.layout = _Layout.of(arrays)
        self.segment: SharedMemory | None = SharedMemory(create=True, size=self.layout.size)
        self.process = None
        self.started = False
        self.conn: Connection | None = None
        self.ready = False
        try:
            self.arrays = self.layout.views(self.segment.buf)
            self.arrays["state"][:] = np.frombuffer(state, np.uint8)
            self.conn, theirs = context.Pipe()
            self.process = context.Process(
                target=_serve,
                args=(theirs, self.segment.name, self.layout),
                name="nndesk-batch-part",
                daemon=True,  # ended by multiprocessing if this process exits first
            )
            with _main_script_left_out():
                self.process.start()
            self.started = True
            theirs.close()  # ours alone now: its end of the pipe closes when it exits
        except BaseException:
            self.close()
            raise

    def poll_ready(self) -> bool:
        """Whether the helper has started (without waiting); raises ``HelperLost`` if it
        failed to."""
        if not self.ready and self.conn is not None and self.conn.poll():
            self._reply()
            self.ready = True
        return self.ready

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds for the helper to start."""
        if not self.ready and self.conn is not None and self.conn.poll(timeout):
            self._reply()
            self.ready = True
        return self.ready

    def send(self, rows: int, batch: int, rates: tuple[float, ...]) -> None:
        if self.conn is None:
            raise HelperLost("the batch helper is closed")
        try:
            self.conn.send((rows, batch, rates))
        except (OSError, ValueError) as err:
            raise HelperLost(f"the batch helper is gone ({err})") from None

    def _reply(self):
        if self.conn is None:
            raise HelperLost("the batch helper is closed")
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError) as err:
            raise HelperLost(f"the batch helper ended ({err or 'no reply'})") from None
        if kind == "error":
            raise HelperLost(f"the batch helper failed:\n{value}")
        return value

    def receive(self) -> float:
        """The helper's share of the loss, once its rows' gradient is in the segment."""
        return float(self._reply())

    def close(self) -> None:
        """End the process (asked when it has started, else terminated at once: it is still
        importing) and remove the segment."""
        if self.conn is not None and self.ready:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
        if self.process is not None and self.started:
            if self.ready:
                self.process.join(EXIT_WAIT)
            if self.process.exitcode is None:
                self.process.terminate()
                self.process.join(EXIT_WAIT)
            if self.process.exitcode is None:
                self.process.kill()
                self.process.join()
            self.process.close()
        self.process = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        self.arrays = {}  # NumPy views pin the segment's memory: drop them before closing it
        if self.segment is not None:
            with contextlib.suppress(BufferError):
                self.segment.close()
            with contextlib.suppress(FileNotFoundError):
                self.segment.unlink()
            self.segment = None


_MAIN_SWAP = threading.Lock()


@contextlib.contextmanager
def _main_script_left_out() -> Iterator[None]:
    """Start processes in the block without the caller's main script.

    ``spawn`` runs the main script again in a new process (as ``__mp_main__``), so that what it
    defines can be unpickled there. A helper needs nothing from it (its target is ``_serve``),
    and a script that trains at its top level without ``if __name__ == "__main__"`` would train
    again in its helper (a wrapper that opens the window opened a second one). So the main
    module is an empty one while the helper starts: ``spawn`` then has no script to send it."""
    with _MAIN_SWAP:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


class ProcessSplit:
    """Training batches of ``model`` split into ``parts`` by samples, part 0 on the caller's
    thread and the others in helper processes (see the module docstring), for batches the thread
    split would split in ``parts`` (``split_batch.parts_for``); a batch bigger than
    ``batch_size`` starts new helpers with room for it.

    Use as a context manager, or call ``close``. The helpers start in the background: until
    they are ready (``ready``), ``train_step`` uses the thread split."""

    def __init__(self, model: Sequential, loss: Loss, parts: int, batch_size: int) -> None:
        self.model, self.loss, self.parts = model, loss, parts
        self.helpers: list[_Helper] = []
        self.failure: str | None = None  # why the helpers were given up, if they were
        self.batches = 0  # batches the helpers took part in
        self._dropouts = _dropouts(model)
        self._start(batch_size)

    def _start(self, batch_size: int) -> None:
        """Start the helpers for batches of up to ``batch_size`` samples (in the background)."""
        self.batch_size = batch_size
        # (optimizer, its step count) the helpers' segments hold the parameters of: the end of a
        # batch that stepped in ranges writes them there (``_sum_and_update``); None: not yet
        self._params_at: tuple[object, int] | None = None
        rows = max(r.stop - r.start for r in parallel.split(batch_size, self.parts)[1:])
        context = multiprocessing.get_context("spawn")
        try:
            for _ in range(self.parts - 1):
                self.helpers.append(_Helper(self.model, self.loss, rows, context))
        except Exception as err:  # cannot start one: the thread split trains instead
            self._give_up(f"could not start a batch helper: {err}")

    def __enter__(self) -> ProcessSplit:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ready(self) -> bool:
        """Whether every helper has started (polled, never waits)."""
        try:
            return bool(self.helpers) and all(h.poll_ready() for h in self.helpers)
        except HelperLost as err:
            self._give_up(str(err))
            return False

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (each) for the helpers to start."""
        try:
            return bool(self.helpers) and all(h.wait_ready(timeout) for h in self.helpers)
        except HelperLost as err:
            self._give_up(str(err))
            return False

    def fits(self, x: np.ndarray) -> bool:
        """Whether the helpers' shared arrays take a batch like ``x`` (any number of rows)."""
        helper = self.helpers[0] if self.helpers else None
        return helper is None or (
            x.dtype == helper.arrays["x"].dtype and x.shape[1:] == helper.arrays["x"].shape[1:]
        )

    def train_step(
        self, x: np.ndarray, labels: np.ndarray, loss: Loss, step: StepInRanges | None = None
    ) -> tuple[np.ndarray, float] | None:
        """``Sequential.train_step`` of a batch ``x (n, *input_shape)``, ``labels (n,)`` split
        over this thread and the helpers: the logits ``(n, k)`` and the loss, the summed
        gradients in the model's ``grads``. With a ``step`` (``Optimizer.step_in_ranges``) it
        also takes the optimizer's step, as the thread split's tails do: the gradient summed
        and the parameters updated a range at a time over this process's threads
        (``step.began`` says whether it was taken). None when the helpers are not ready or
        gone, or the batch does not fit them: the caller then trains it as it would without
        them."""
        n = x.shape[0]
        if self.failure is not None or loss is not self.loss or not self.fits(x):
            return None
        if n > self.batch_size:  # a bigger batch size, steered: helpers with room for it
            self.close()
            self._start(n)
        # only a batch the thread split would split so (not a last batch of a few samples)
        if split_batch.parts_for(self.model, n) != self.parts or not self.ready():
            return None
        rows = parallel.split(n, self.parts)
        # Dropout's generators as they were: a batch the helpers lose is drawn again as it was
        drawn = [layer.rng.bit_generator.state for _, layer, _ in self._dropouts]
        try:
            result = self._train_step(x, labels, loss, rows, step)
        except HelperLost as err:  # this batch, and the rest of the run, on threads
            for (_, layer, _), state in zip(self._dropouts, drawn, strict=True):
                layer.rng.bit_generator.state = state
            self._give_up(str(err))
            return None
        self.batches += 1
        return result

    def _train_step(self, x, labels, loss, rows, step):
        n = x.shape[0]
        params = [p.reshape(-1) for _, p, _ in self.model.parameters()]
        mine, theirs = rows[0], rows[1:]
        rates = tuple(layer.rate for _, layer, _ in self._dropouts)
        keeps = [
            # the plain forward's draw for the whole batch, then each part's rows of it
            (i, layer, layer.kept_units((n, *shape)) if layer.rate > 0 else None)
            for i, layer, shape in self._dropouts
        ]
        # the parameters, unless the last batch's step wrote them and nothing stepped since
        sent = step is not None and self._params_at == (step.optimizer, step.optimizer.t)
        for helper, part in zip(self.helpers, theirs, strict=True):
            shared, m = helper.arrays, part.stop - part.start
            if not sent:
                np.concatenate(params, out=shared["params"])
            shared["x"][:m] = x[part]
            shared["labels"][:m] = labels[part]
            for i, _, keep in keeps:
                if keep is not None:
                    shared[f"keep{i}"][:m] = keep[part]
            helper.send(m, n, rates)
        for _, layer, keep in keeps:
            if keep is not None:
                layer.hand_over(keep[mine])
        with parallel.use_threads(1):  # as a thread part: one-thread paths, no nested split
            logits = self.model.forward(x[mine], training=True)
            share = loss(logits, labels[mine], n)  # these rows' share of the batch mean
            self.model.backward(loss.backward(), input_grad=False)
        shares = [share] + [helper.receive() for helper in self.helpers]
        flat = self._flat_parameters(step)
        if step is None or flat is None:  # the caller steps; the next batch copies them in
            self._sum()
            self._params_at = None
        else:
            step.begin(sum(shares))  # in part order, as the thread split adds them
            self._sum_and_step(step, flat)
            self._params_at = (step.optimizer, step.optimizer.t)
        out = [logits]
        for helper, part in zip(self.helpers, theirs, strict=True):
            out.append(helper.arrays["logits"][: part.stop - part.start])
        return np.concatenate(out), sum(shares)

    def _flat_parameters(self, step: StepInRanges | None) -> np.ndarray | None:
        """The flat buffer the model's parameters are views of, when its gradients are views
        of ``step``'s (``Sequential.flatten_parameters``), else None."""
        if step is None:
            return None
        _, param, grad = self.model.parameters()[0]
        flat = param.base
        if grad.base is not step.grad or flat is None or flat.shape != step.grad.shape:
            return None
        return flat

    def _sum(self) -> None:
        """Add the helpers' gradients to the model's, in part order, as the thread split adds
        its copies'."""
        grads = [g.reshape(-1) for _, _, g in self.model.parameters()]
        for helper in self.helpers:
            offset = 0
            theirs_flat = helper.arrays["grads"]
            for grad in grads:
                np.add(grad, theirs_flat[offset : offset + grad.size], out=grad)
                offset += grad.size

    def _sum_and_step(self, step: StepInRanges, flat: np.ndarray) -> None:
        """``_sum``, then ``step`` if it began, as the thread split's tails take them: a range
        of the flat buffers at a time on each of this process's threads
        (``parallel.map_parts``), each range summed, updated and copied into the helpers'
        segments for the next batch (``flat``: the parameters) while it is in the cache."""
        grad = step.grad
        theirs = [helper.arrays["grads"] for helper in self.helpers]
        mirrors = [helper.arrays["params"] for helper in self.helpers]

        def sum_and_step(part: slice) -> None:  # entries ``part`` of every flat buffer
            for other in theirs:
                np.add(grad[part], other[part], out=grad[part])
            if step.began:
                step.update(part)
                for mirror in mirrors:
                    mirror[part] = flat[part]

        passes = 4 + 2 * len(theirs)  # the gradients, Adam's buffers, the parameters' copies
        parallel.map_parts(sum_and_step, grad.size, passes * grad.size)

    def _give_up(self, why: str) -> None:
        self.failure = why
        self.close()

    def close(self) -> None:
        """End every helper and remove its shared memory (idempotent)."""
        helpers, self.helpers = self.helpers, []
        for helper in helpers:
            helper.close()


def _serve(conn: Connection, name: str, layout: _Layout) -> None:
    """A helper process: attach to the segment, rebuild the model on it, then run one part of
    each batch the caller sends, until it sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's to handle
    try:
        segment = SharedMemory(name)
        arrays = layout.views(segment.buf)
        model, loss = pickle.loads(arrays["state"].tobytes())
        _bind(model, arrays["params"], arrays["grads"])
        dropouts = _dropouts(model)
        from nndesk.training import heap, runtime

        np.seterr(over="ignore", invalid="ignore")  # the caller's finite check reports these
        with runtime.blas_threads(1), heap.kept_while_training():
            conn.send(("ready", os.getpid()))
            while True:
                job = conn.recv()
                if job is None:
                    break
                rows, batch, rates = job
                for (i, layer, _), rate in zip(dropouts, rates, strict=True):
                    layer.rate = rate  # the caller's, steered mid-run or not
                    if rate > 0:
                        layer.hand_over(arrays[f"keep{i}"][:rows])
                logits = model.forward(arrays["x"][:rows], training=True)
                share = loss(logits, arrays["labels"][:rows], batch)
                model.backward(loss.backward(), input_grad=False)
                arrays["logits"][:rows] = logits
                conn.send(("share", share))
    except EOFError:
        pass  # the caller went away
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            conn.send(("error", traceback.format_exc()))
    # no finalizers: the model's arrays are views of the segment, which the caller removes
    os._exit(0)
