"""A training batch split by samples over processes: the thread split without the GIL.

``nndesk.nn.split_batch`` runs each part of a CNN batch on a thread of this process. NumPy
lets go of the GIL only inside its C loops, so two halves running side by side hand it to
each other at every call and each waits for it part of its step (docs/performance.md has the
figures). Here the other parts run in helper processes instead, each with its own
copy of the model, started once per training run (the ``spawn`` way: the window is a Qt
program, and a forked Qt process is not safe). The numbers are the thread split's:

- part 0 (the first rows) runs on the caller's thread, on the model itself; part ``i`` > 0 in
  helper ``i - 1``, on the same parameters, in its shared memory;
- Dropout's masks are drawn for the whole batch by the model's own generator, as the thread
  split and the plain forward draw them, and handed out by rows;
- each part takes its rows' share of the batch-mean loss and goes back at once. The run's
  parameters, every part's gradient and the optimizer's state (its flat slot buffers) live in
  one shared segment for the run (``SharedState``), so nothing is copied between the processes
  before a batch. With the optimizer's step (``Optimizer.step_in_ranges``, as the thread
  split's tails take it), once the loss shares are in and the step is taken, each process sums
  the parts' gradients (in part order, as the thread split adds them) and updates the
  parameters on its own range of the flat buffers (``_sum_and_update``): both cores work on
  the tail, the ranges moving batch by batch toward the process done first (``settle``). A
  batch whose step the caller takes itself (a clip norm, a batch the training loop's watcher
  samples) has the gradient summed by the caller alone.

A helper that dies while it updates its range would leave that range half stepped. So before
it touches the range it keeps the range's parameters, summed gradient and optimizer state
(``kept_*`` in its segment) and says how far it got in ``phase`` (``KEPT``, then ``STEPPED``):
the caller, finding it gone, puts the kept values back and takes that range's step itself
(``ProcessSplit._recover``). The batch ends as the thread split would have ended it, and the rest of
the run trains on threads.

Each helper's own segment (``Layout``) holds its rows ``x (rows, *input_shape)`` and
``logits (rows, k)`` (in the parameters' dtype, float32 in training), ``labels int64
(rows,)``, one ``keep`` mask ``bool (rows, *shape)`` per Dropout layer, the pickled model and
loss it starts from, and the kept copies of its range. Each batch is one message each way over
a pipe, and one more each way when the helpers take their ranges of the step.

When the run ends (``close``), the model's parameters and gradients and the optimizer's state
move back into this process's own memory (``SharedState.give_back``): nothing of the model lives in
a segment after the run.

If a helper cannot start, fails or dies, ``ProcessSplit.train_step`` trains that batch (and
every later one) through the thread split instead, with the same numbers; ``close`` ends the
helpers and removes their segments. ``tests/test_process_split.py`` proves both. The segments are
named, locked and removed by nndesk alone (``training.segments``, never Python's resource
tracker): a run killed alone has its helpers remove them, and those a run killed together with
its helpers left in /dev/shm are removed by the next run.

Every helper starts blank (``_serve_when_told``): it imports what serving takes, says "up",
and waits to be told what to serve. So it can be started before the run exists:
``started_early`` (the CLI's ``train``, the window's training worker, ``bench_cnn``) starts the
helpers a run of the settings would use while the dataset is read and the model built, and the
run's ``ProcessSplit`` takes them; the first batch then waits the milliseconds they take to
attach (``ready``) instead of training on threads while they import.

The training loop uses it when the run's thread plan says so (``runtime.plan``): when every
part has a core of its own, where it beats the thread split; with another program keeping a
core busy it does not (docs/performance.md, "A split batch's other half in a process", has
the figures). ``bench_cnn --split processes|threads`` measures either.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
import types
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from nndesk.nn import aligned, parallel, split_batch
from nndesk.nn.layers import Dropout
from nndesk.training.runtime import PROCESSES
from nndesk.training.segments import (
    Segment,
    new_segment,
    open_segment,
    remove_dead_segments,
    remove_segment,
    unlink_segment,
)
from nndesk.training.split_memory import Layout, SharedState, bind

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnContext, SpawnProcess
    from multiprocessing.shared_memory import SharedMemory

    from nndesk.nn.losses import Loss
    from nndesk.nn.model import Sequential
    from nndesk.nn.optimizers import Optimizer, StepInRanges
    from nndesk.training.runtime import PartsByLoad

_LOG = logging.getLogger(__name__)

#: Seconds ``close`` waits for a helper to leave on its own before ending it.
EXIT_WAIT = 2.0
#: Seconds a run's new helper waits at most for a ``started_early`` still on its way (it decides
#: whether a run wants helpers, up to ``runtime.idle_cores``' 0.1 s, then spawns them).
EARLY_WAIT = 5.0
#: Seconds a run's batch waits at most for helpers that are up to say they are ready (they
#: attach to the segments and unpickle the model: milliseconds; a bound for a hang only).
SETUP_WAIT = 1.0
#: How far a helper got with its range of a batch's step (``phase`` in its segment): not
#: touched it; kept its values (``kept_*``) and may have changed it since; stepped it whole.
UNTOUCHED, KEPT, STEPPED = 0, 1, 2
#: How finely ``ProcessSplit.settle`` moves the step's ranges between this process and its
#: helpers: 1/BALANCE_STEP of the parameters a batch.
BALANCE_STEP = 128


class HelperLost(RuntimeError):
    """A helper process failed or is gone; the message says what it reported."""


def _dropouts(model: Sequential) -> list[tuple[int, Dropout, tuple[int, ...]]]:
    """``(index, layer, per-sample input shape)`` of every Dropout layer of ``model``."""
    shapes = [model.input_shape] + [s for _, s, _ in model.summary_rows()[:-1]]
    return [
        (i, layer, tuple(shapes[i]))
        for i, layer in enumerate(model.layers)
        if isinstance(layer, Dropout)
    ]


def _sum_and_update(
    grads: list[np.ndarray], update: Callable[[slice], None] | None, part: slice
) -> None:
    """Entries ``part`` of the batch's gradient: the parts' flat gradients ``grads`` (each
    ``(size,)``, one per part) added into the first (the model's) in part order, as the thread
    split adds them; then the optimizer's step there (``update``, a ``StepInRanges.update``),
    if any."""
    total = grads[0][part]
    for other in grads[1:]:
        np.add(total, other[part], out=total)
    if update is not None:
        update(part)


def _settings(optimizer: Optimizer) -> dict:
    """What a copy of ``optimizer`` needs to take its step as it would: the step count and
    every hyper-parameter as they are now (a learning rate steered mid-run, a schedule's)."""
    return {k: v for k, v in vars(optimizer).items() if k != "state" and not k.startswith("_")}


class _Helper:
    """One helper process, its pipe and its shared segment (the caller's side): it runs part
    ``part`` of each batch and, with an optimizer, takes the step on entries ``span`` of the
    flat buffers in ``state`` (the batch's: ``ProcessSplit`` balances the ranges as it goes,
    so the segment keeps room for any range)."""

    def __init__(
        self,
        model: Sequential,
        loss: Loss,
        rows: int,
        context: SpawnContext,
        state: SharedState,
        part: int,
    ) -> None:
        snapshot = model.snapshot()  # no caches; its parameters come from the state segment
        blob = pickle.dumps((snapshot, loss), protocol=pickle.HIGHEST_PROTOCOL)
        dtype = state.arrays["params"].dtype.str
        k = model.summary_rows()[-1][1][0]
        kept = state.arrays["params"].size  # room for any range of the step
        optimizer = state.optimizer
        slots = optimizer.slots if optimizer is not None else ()
        arrays = [
            ("x", (rows, *model.input_shape), dtype),
            ("labels", (rows,), "int64"),
            ("logits", (rows, k), dtype),
            *((f"keep{i}", (rows, *shape), "bool") for i, _, shape in _dropouts(model)),
            ("state", (len(blob),), "uint8"),
            ("phase", (1,), "int64"),
            ("kept_params", (kept,), dtype),
            ("kept_grads", (kept,), dtype),
            *((f"kept_slot_{slot}", (kept,), dtype) for slot in slots),
        ]
        self.part, self.span = part, slice(0, 0)  # its range of the batch's step, once sent
        self.layout = Layout.of(arrays)
        self.segment: Segment | SharedMemory | None = None
        self.arrays: dict[str, np.ndarray] = {}
        self.process: SpawnProcess | None = None
        self.started = False
        self.early = False  # whether its process was started early (``started_early``)
        self.up = False  # whether it said it has imported what it needs ("up")
        self.conn: Connection | None = None
        self.ready = False
        try:
            self.segment = new_segment(self.layout.size)
            self.arrays = self.layout.views(self.segment.buf)
            self.arrays["state"][:] = np.frombuffer(blob, np.uint8)
            assert state.segment is not None
            stepper = None if optimizer is None else (optimizer.config(), _settings(optimizer))
            # one started early (``started_early``) if there is one: it may be up already
            early = _EARLY.take()
            self.early = early is not None
            self.process, self.conn = early or _spawn(context)
            self.started = True
            # what to serve: the function by reference (a test's stand-in is sent as it is)
            shared = (state.segment.name, state.layout, part, stepper)
            self.send((_serve, (self.segment.name, self.layout, shared)))
        except BaseException:
            self.close()
            raise

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (0: not at all, None: as long as it takes) for each of
        the helper's two start messages, "up" (``up``: imported) and "ready" (serving); whether
        it is ready. Raises ``HelperLost`` if it failed to start."""
        while not self.ready and self.conn is not None and self.conn.poll(timeout):
            if self._message()[0] == "up":
                self.up = True
            else:
                self.ready = True
        return self.ready

    def send(self, message) -> None:
        if self.conn is None:
            raise HelperLost("the batch helper is closed")
        try:
            self.conn.send(message)
        except (OSError, ValueError) as err:
            raise HelperLost(f"the batch helper is gone ({err})") from None

    def _message(self) -> tuple[str, object]:
        if self.conn is None:
            raise HelperLost("the batch helper is closed")
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError) as err:
            raise HelperLost(f"the batch helper ended ({err or 'no reply'})") from None
        if kind == "error":
            raise HelperLost(f"the batch helper failed:\n{value}")
        return kind, value

    def _reply(self):
        return self._message()[1]

    def receive(self) -> float:
        """The helper's share of the loss, once its rows' gradient is in the state segment."""
        return float(self._reply())

    def done(self) -> bool:
        """Whether the helper's reply is in (or it is gone): waiting for it takes no time."""
        try:
            return self.conn is None or self.conn.poll(0)
        except (OSError, ValueError):
            return True

    def stepped(self) -> None:
        """Wait until the helper has summed and updated its range."""
        self._reply()

    def end_process(self) -> None:
        """End the process (asked when it has started, else terminated at once: it is still
        importing); it writes nothing more after this."""
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

    def close(self) -> None:
        """``end_process``, then remove the segment."""
        self.end_process()
        self.arrays = {}  # NumPy views pin the segment's memory: drop them before closing it
        if self.segment is not None:
            remove_segment(self.segment)
            self.segment = None


def _spawn(context) -> tuple[SpawnProcess, Connection]:
    """A helper process started blank (``_serve_when_told``), and our end of its pipe."""
    ours, theirs = context.Pipe()
    process = context.Process(
        target=_serve_when_told,
        args=(theirs,),
        name="nndesk-batch-part",
        daemon=True,  # ended by multiprocessing if this process exits first
    )
    try:
        with _main_script_left_out():
            process.start()
    except BaseException:
        ours.close()
        raise
    finally:
        theirs.close()  # ours alone now: its end of the pipe closes when it exits
    return process, ours


def _end_blank(process: SpawnProcess, conn: Connection) -> None:
    """End a helper that was never told what to serve: it holds nothing to clean up."""
    conn.close()
    process.terminate()
    process.join()
    process.close()


class _EarlyHelpers:
    """Blank helper processes started before a run asked for them (``started_early``), for the
    next ``_Helper`` to take. A start still on its way (its thread deciding or spawning) is
    waited for: taking it beats spawning a second process."""

    def __init__(self) -> None:
        self._ready = threading.Condition()
        self._waiting: list[tuple[SpawnProcess, Connection]] = []
        self._starting = 0

    def take(self) -> tuple[SpawnProcess, Connection] | None:
        """An early helper still alive, or None."""
        with self._ready:
            self._ready.wait_for(lambda: self._waiting or not self._starting, EARLY_WAIT)
            while self._waiting:
                process, conn = self._waiting.pop(0)
                if process.is_alive():
                    return process, conn
                _end_blank(process, conn)
        return None

    def begin(self) -> None:
        """Count a start on its way (before its thread runs: a ``take`` then waits for it)."""
        with self._ready:
            self._starting += 1

    def end(self, started: list[tuple[SpawnProcess, Connection]]) -> None:
        """A start ended with ``started`` (none if the run will not want them)."""
        with self._ready:
            self._starting -= 1
            self._waiting.extend(started)
            self._ready.notify_all()

    def withdraw(self, started: list[tuple[SpawnProcess, Connection]]) -> None:
        """End those of ``started`` no ``take`` took."""
        with self._ready:
            left = [blank for blank in started if blank in self._waiting]
            self._waiting = [blank for blank in self._waiting if blank not in left]
        for process, conn in left:
            _end_blank(process, conn)


_EARLY = _EarlyHelpers()


@contextlib.contextmanager
def started_early(config) -> Iterator[None]:
    """Start the helper processes a run of ``config`` would split its batches over
    (``runtime.helpers_for``), on a thread of their own, while the block goes on: a run's
    helpers import NumPy and nndesk for about half a second, and the block reads the dataset
    and builds the model meanwhile, so that the run's first batch finds them up. A
    ``ProcessSplit`` made in the block takes them (``_Helper``); those no run took (the run
    never started, was cancelled, or trained on threads) are ended when the block ends."""
    started: list[tuple[SpawnProcess, Connection]] = []

    def start() -> None:
        try:
            from nndesk.training import runtime

            count = runtime.helpers_for(config)
            context = multiprocessing.get_context("spawn")
            for _ in range(count):
                started.append(_spawn(context))
        except Exception:  # noqa: BLE001 - the run then starts its helpers itself, as before
            pass
        finally:
            _EARLY.end(started)

    _EARLY.begin()
    thread = threading.Thread(target=start, name="nndesk-early-helpers", daemon=True)
    try:
        thread.start()
    except BaseException:
        _EARLY.end([])
        raise
    try:
        yield
    finally:
        thread.join()
        _EARLY.withdraw(started)


def _serve_when_told(conn: Connection) -> None:
    """A helper process started blank: import what serving a run takes while nobody waits,
    then serve what the caller sends (``(function, arguments)``: ``_serve`` and its own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's to handle
    try:
        # what a run's pickled model, loss and optimizer are made of, and what serving uses
        from nndesk.nn import batchnorm, conv, losses, model, optimizers, winograd  # noqa: F401
        from nndesk.training import heap, runtime  # noqa: F401

        # what remains takes milliseconds: worth waiting for. A caller killed meanwhile may
        # have sent what to serve before it died: served, its segments are removed (``_serve``)
        with contextlib.suppress(OSError):
            conn.send(("up", os.getpid()))
        serve, args = conn.recv()
    except (EOFError, OSError):  # not needed after all: the caller closed the pipe
        os._exit(0)
    serve(conn, *args)


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
    ``batch_size`` starts new helpers with room for it. ``optimizer`` (the run's): its state
    moves into the shared segment too, and its steps in ranges (``train_step``'s ``step``) are
    then taken a range in each process. ``by_load`` (``runtime.PartsByLoad``): batches it sends
    to threads are left to the thread split, the helpers waiting, idle, for its return.

    From construction to ``close`` the model's parameters and gradients (and ``optimizer``'s
    state) live in a shared segment; ``close`` moves them back. Use as a context manager, or
    call ``close``. The helpers start in the background: until they are ready (``ready``),
    ``train_step`` uses the thread split."""

    def __init__(
        self,
        model: Sequential,
        loss: Loss,
        parts: int,
        batch_size: int,
        optimizer: Optimizer | None = None,
        by_load: PartsByLoad | None = None,
    ) -> None:
        self.model, self.loss, self.parts = model, loss, parts
        self.by_load = by_load  # where each batch's parts run, by the machine's load
        self._side: str | None = None  # where the next batch trains, once asked (``next_side``)
        self.helpers: list[_Helper] = []
        self.failure: str | None = None  # why the helpers were given up, if they were
        self.batches = 0  # batches the helpers took part in
        self.early_helpers = 0  # helpers whose process was started early (``started_early``)
        self.recovered = 0  # ranges of a step a lost helper left, taken by this process
        self._started = False  # whether every helper has been ready
        self._dropouts = _dropouts(model)
        self._closed = False
        self._state: SharedState | None = None
        # the helpers' ranges of a step still moving (``settle``): them, the step, those lost
        self._moving: tuple[list[_Helper], StepInRanges, list] | None = None
        remove_dead_segments()  # what runs killed with their helpers left in memory
        try:
            self._state = SharedState(model, parts, optimizer)
        except Exception as err:  # no shared memory: the thread split trains instead
            self._give_up(f"could not share the model with batch helpers: {err}")
            return
        try:
            self._start(batch_size)
        except BaseException:  # Ctrl+C while a helper starts: the caller never gets to close
            self.close()
            raise

    def _start(self, batch_size: int) -> None:
        """Start the helpers for batches of up to ``batch_size`` samples (in the background)."""
        assert self._state is not None
        self.batch_size = batch_size
        rows = max(r.stop - r.start for r in parallel.split(batch_size, self.parts)[1:])
        # this process's range of the flat buffers in a step begins as an even share; ``settle``
        # moves it by ``BALANCE_STEP`` of them a batch
        size = self._state.arrays["params"].size
        self._mine = parallel.split(size, self.parts, aligned.FLOAT32_STEP)[0].stop
        steps = max(1, size // BALANCE_STEP // aligned.FLOAT32_STEP)  # ranges start aligned
        self._balance_step = steps * aligned.FLOAT32_STEP
        context = multiprocessing.get_context("spawn")
        try:
            for part in range(1, self.parts):
                helper = _Helper(self.model, self.loss, rows, context, self._state, part)
                self.helpers.append(helper)
                self.early_helpers += helper.early
        except Exception as err:  # cannot start one: the thread split trains instead
            self._give_up(f"could not start a batch helper: {err}")

    def _spans(self) -> list[slice]:
        """Each process's range of the flat buffers in this batch's step: this process's first
        (``_mine`` entries), then the helpers' even shares of the rest."""
        assert self._state is not None
        size, mine = self._state.arrays["params"].size, self._mine
        rest = parallel.split(size - mine, self.parts - 1, aligned.FLOAT32_STEP)
        return [slice(0, mine), *(slice(mine + r.start, mine + r.stop) for r in rest)]

    def __enter__(self) -> ProcessSplit:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def lost(self) -> bool:
        """Whether helpers that had started were given up (``failure`` says why): the rest of
        the run trains on threads."""
        return self._started and self.failure is not None

    def ready(self) -> bool:
        """Whether every helper has started: polled, and waited for (``SETUP_WAIT`` at most)
        once every one has imported what it needs (then it only attaches to the segments and
        unpickles the model, in milliseconds: less than a batch on threads costs)."""
        if self.wait_ready(0):
            return True
        if self.helpers and all(h.up for h in self.helpers):
            return self.wait_ready(SETUP_WAIT)
        return False

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds (each; 0: not at all) for the helpers to start."""
        try:
            ready = bool(self.helpers) and all(h.wait_ready(timeout) for h in self.helpers)
        except HelperLost as err:
            self._give_up(str(err))
            return False
        self._started |= ready
        return ready

    def next_side(self) -> str:
        """Count the run's next batch in the load's looks (``by_load``, ``runtime.PartsByLoad``)
        and say where it trains: ``"processes"`` (``train_step`` takes it), ``"threads"`` or
        ``"whole"`` (on one thread: the caller trains it unsplit). ``train_step`` asks itself
        when the caller did not."""
        if self.by_load is None:
            self._side = PROCESSES
        else:
            pids = [h.process.pid for h in self.helpers if h.process and h.process.pid]
            self.by_load.next_batch(pids)
            self._side = self.by_load.side
        return self._side

    def fits(self, x: np.ndarray) -> bool:
        """Whether the helpers' shared arrays take a batch like ``x`` (any number of rows)."""
        helper = self.helpers[0] if self.helpers else None
        return helper is None or (
            x.dtype == helper.arrays["x"].dtype and x.shape[1:] == helper.arrays["x"].shape[1:]
        )

    def train_step(
        self,
        x: np.ndarray,
        labels: np.ndarray,
        loss: Loss,
        step: StepInRanges | None = None,
        settled: bool = True,
    ) -> tuple[np.ndarray, float] | None:
        """``Sequential.train_step`` of a batch ``x (n, *input_shape)``, ``labels (n,)`` split
        over this thread and the helpers: the logits ``(n, k)`` and the loss, the summed
        gradients in the model's ``grads``. With a ``step`` (``Optimizer.step_in_ranges``) it
        also takes the optimizer's step, as the thread split's tails do: a range of the flat
        buffers in each process when ``step`` is the optimizer's this split holds the state of,
        else all of it over this process's threads (``step.began`` says whether it was taken).
        None when the helpers are not ready or gone, or the batch does not fit them: the caller
        then trains it as it would without them. ``settled=False``: it may return while the
        helpers still move their ranges of the step; ``settle`` before the parameters are read
        (the training loop counts the batch meanwhile, which the helpers' larger ranges pay
        for)."""
        self.settle()
        n = x.shape[0]
        if self.failure is not None or self._closed or loss is not self.loss or not self.fits(x):
            return None
        side, self._side = self._side or self.next_side(), None
        if side != PROCESSES:
            return None  # a busy machine: this batch on threads, or whole
        assert self._state is not None
        if not self._state.holds(self.model):  # flattened again elsewhere: the helpers' view
            self._give_up("the model's parameters moved out of the batch helpers' reach")
            return None
        if n > self.batch_size:  # a bigger batch size, steered: helpers with room for it
            self._close_helpers()
            self._start(n)
        # only a batch the thread split would split so (not a last batch of a few samples)
        if split_batch.parts_for(self.model, n) != self.parts or not self.ready():
            return None
        rows = parallel.split(n, self.parts)
        # Dropout's generators as they were: a batch the helpers lose is drawn again as it was
        drawn = [layer.rng.bit_generator.state for _, layer, _ in self._dropouts]
        try:
            result = self._train_step(x, labels, loss, rows, step, settled)
        except HelperLost as err:  # this batch, and the rest of the run, on threads
            for (_, layer, _), state in zip(self._dropouts, drawn, strict=True):
                layer.rng.bit_generator.state = state
            self._give_up(str(err))
            return None
        self.batches += 1
        return result

    def _train_step(
        self,
        x: np.ndarray,
        labels: np.ndarray,
        loss: Loss,
        rows: list[slice],
        step: StepInRanges | None,
        settled: bool = True,
    ) -> tuple[np.ndarray, float]:
        """``train_step``'s batch ``x (n, *input_shape)``, ``labels (n,)``, the helpers up:
        ``rows[0]`` here, ``rows[i]`` in helper ``i - 1``; the logits ``(n, k)`` and the loss.
        Raises ``HelperLost`` if a helper is lost before its share of the loss is in."""
        assert self._state is not None
        n = x.shape[0]
        mine, theirs = rows[0], rows[1:]
        rates = tuple(layer.rate for _, layer, _ in self._dropouts)
        keeps = [
            # the plain forward's draw for the whole batch, then each part's rows of it
            (i, layer, layer.kept_units((n, *shape)) if layer.rate > 0 else None)
            for i, layer, shape in self._dropouts
        ]
        # the helpers take their ranges of the step when it is the optimizer's held here
        ranged = step is not None and self._state.steps(step)
        spans = self._spans()
        for helper, part, span in zip(self.helpers, theirs, spans[1:], strict=True):
            shared, m = helper.arrays, part.stop - part.start
            shared["x"][:m] = x[part]
            shared["labels"][:m] = labels[part]
            for i, _, keep in keeps:
                if keep is not None:
                    shared[f"keep{i}"][:m] = keep[part]
            shared["phase"][0] = UNTOUCHED
            helper.span = span
            helper.send((m, n, rates, ranged, (span.start, span.stop)))
        for _, layer, keep in keeps:
            if keep is not None:
                layer.hand_over(keep[mine])
        with parallel.use_threads(1):  # as a thread part: one-thread paths, no nested split
            logits = self.model.forward(x[mine], training=True)
            share = loss(logits, labels[mine], n)  # these rows' share of the batch mean
            self.model.backward(loss.backward(), input_grad=False)
        shares = [share] + [helper.receive() for helper in self.helpers]
        out = [logits]
        for helper, part in zip(self.helpers, theirs, strict=True):
            out.append(helper.arrays["logits"][: part.stop - part.start])
        logits = np.concatenate(out)
        total = sum(shares)  # in part order, as the thread split adds them
        if step is None:  # the caller steps
            _sum_and_update(self._state.grads, None, slice(None))
        elif not ranged:  # a step over this process's threads
            step.begin(total)
            self._sum_and_step_here(step)
        else:
            step.begin(total)
            self._sum_and_step_in_ranges(step, spans[0], settled)
        return logits, total

    def _sum_and_step_here(self, step: StepInRanges) -> None:
        """``_sum_and_update`` of every entry, with ``step`` if it began, a range of the flat
        buffers at a time on each of this process's threads (``parallel.map_parts``)."""
        assert self._state is not None
        grads = self._state.grads
        update = step.update if step.began else None
        # elements touched an entry: every part's gradient and the sum, the parameter and
        # Adam's two slots read and written
        passes = 4 + 2 * len(grads)
        parallel.map_parts(
            lambda part: _sum_and_update(grads, update, part), grads[0].size, passes * grads[0].size
        )

    def _sum_and_step_in_ranges(
        self, step: StepInRanges, mine: slice, settled: bool = True
    ) -> None:
        """Every helper sums and updates its own range of the flat buffers while this process
        does ``mine``; a helper lost on the way leaves its range to this process
        (``_recover``), and the rest of the run to the thread split. ``settled=False``: the
        helpers' ranges are waited for by ``settle``."""
        assert self._state is not None
        grads = self._state.grads
        lost: list[tuple[_Helper, HelperLost]] = []
        word = ("step", _settings(step.optimizer)) if step.began else ("skip", None)
        waiting = []
        for helper in self.helpers:
            try:
                helper.send(word)
                waiting.append(helper)
            except HelperLost as err:
                lost.append((helper, err))
        if not step.began:  # no step: the gradient is summed here, all of it
            _sum_and_update(grads, None, slice(None))
        else:
            with parallel.use_threads(1):  # the other cores are the helpers'
                _sum_and_update(grads, step.update, mine)
            self._moving = (waiting, step, lost)
            if settled:
                self.settle()
            return
        if lost:
            self._give_up(str(lost[0][1]))

    def settle(self) -> None:
        """Wait for the helpers' ranges of the last step (``train_step(settled=False)``), and
        balance the ranges: a helper whose range was done before this process looked takes
        ``BALANCE_STEP`` more of the next step's, one still at it that many fewer, so both
        sides end the step together (the numbers are the same for any ranges: the step is
        elementwise). A helper lost meanwhile leaves its range to this process."""
        if self._moving is None:
            return
        waiting, step, lost = self._moving
        self._moving = None
        shift = -self._balance_step if all(h.done() for h in waiting) else self._balance_step
        self._mine = min(max(self._mine + shift, 0), step.grad.size)
        for helper in waiting:
            try:
                helper.stepped()
            except HelperLost as err:
                lost.append((helper, err))
        for helper, _ in lost:
            self._recover(helper, step)
        if lost:
            self._give_up(str(lost[0][1]))

    def _recover(self, helper: _Helper, step: StepInRanges) -> None:
        """Take the step on ``helper``'s range here, the helper gone: from the values it kept
        when it may have changed some of the range, as they were before it began."""
        assert self._state is not None
        helper.end_process()  # nothing writes the range but this process from here
        state, kept, span = self._state.arrays, helper.arrays, helper.span
        size = span.stop - span.start
        phase = int(kept["phase"][0])
        if phase == STEPPED:
            return
        if phase == KEPT:
            state["params"][span] = kept["kept_params"][:size]
            self._state.grads[0][span] = kept["kept_grads"][:size]
            for slot in step.optimizer.slots:
                state[f"slot_{slot}"][span] = kept[f"kept_slot_{slot}"][:size]
        _sum_and_update(self._state.grads, step.update, span)
        self.recovered += 1

    def _give_up(self, why: str) -> None:
        self.failure = why
        # the run's notice says the helpers stopped; why (a helper's traceback) is for a bug
        # report: the window's stderr, the command line's with --debug
        _LOG.warning("batch helpers given up, the run goes on on threads: %s", why)
        self._close_helpers()

    def _close_helpers(self) -> None:
        helpers, self.helpers = self.helpers, []
        for helper in helpers:
            helper.close()

    def close(self) -> None:
        """End every helper and remove its shared memory, and move the model (and the
        optimizer's state) back into this process's memory (idempotent)."""
        self._closed = True
        try:
            self.settle()  # a step its helpers still move (a run ended between step and report)
        finally:
            self._close_helpers()
            if self._state is not None:
                self._state.give_back(self.model)
                self._state = None


def _serve(conn: Connection, name: str, layout: Layout, shared: tuple) -> None:
    """A helper process: attach to its segment and the state segment (``shared``: its name,
    layout, this helper's part and the optimizer's config and settings, or None), rebuild the
    model on it, then run one part of each batch the caller sends, and its range of the step
    (sent with the batch) when asked, until it sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the caller's to handle
    state_name = shared[0]
    try:
        segment = open_segment(name)
        arrays = layout.views(segment.buf)
        state_name, state_layout, part, stepper = shared
        state_segment = open_segment(state_name)
        state = state_layout.views(state_segment.buf)
        model, loss = pickle.loads(arrays["state"].tobytes())
        bind(model, state["params"], state[f"grads{part}"])
        tail = _HelperTail(model, state, arrays, stepper) if stepper else None
        dropouts = _dropouts(model)
        from nndesk.training import heap, runtime

        np.seterr(over="ignore", invalid="ignore")  # the caller's finite check reports these
        with runtime.blas_threads(1), heap.kept_while_training(), runtime.ufunc_buffer():
            conn.send(("ready", os.getpid()))
            while True:
                job = conn.recv()
                if job is None:
                    break
                rows, batch, rates, ranged, (lo, hi) = job
                for (i, layer, _), rate in zip(dropouts, rates, strict=True):
                    layer.rate = rate  # the caller's, steered mid-run or not
                    if rate > 0:
                        layer.hand_over(arrays[f"keep{i}"][:rows])
                logits = model.forward(arrays["x"][:rows], training=True)
                share = loss(logits, arrays["labels"][:rows], batch)
                model.backward(loss.backward(), input_grad=False)
                arrays["logits"][:rows] = logits
                conn.send(("share", share))
                if ranged and tail is not None:
                    tail.span = slice(lo, hi)  # its range of this batch's step
                    tail.keep()  # while the caller finishes its part
                    word = conn.recv()
                    if word is None:
                        break
                    kind, settings = word
                    if kind == "step":
                        tail.step(settings)
                        conn.send(("stepped", None))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        # the caller went away (killed: it ends its helpers itself, and closes their pipes
        # only once they have ended): nobody else will remove the segments
        unlink_segment(name)
        unlink_segment(state_name)
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            conn.send(("error", traceback.format_exc()))
    # no finalizers: the model's arrays are views of the segment, which the caller removes
    os._exit(0)


class _HelperTail:
    """A helper's range ``span`` of each batch's step (the helper's side; the caller sends it
    with each batch): a copy of the run's
    optimizer on the state segment's buffers (``state``: ``SharedState``'s arrays, each flat,
    ``(size,)``), keeping the range's values in its own segment's ``kept_*`` (``arrays``)."""

    def __init__(
        self,
        model: Sequential,
        state: dict[str, np.ndarray],
        arrays: dict[str, np.ndarray],
        stepper: tuple[dict, dict],
    ) -> None:
        from nndesk.nn.optimizers import optimizer_from_config

        config, settings = stepper
        self.optimizer = optimizer_from_config(config)
        vars(self.optimizer).update(settings)
        self.state, self.arrays, self.span = state, arrays, slice(0, 0)
        parts = sum(name.startswith("grads") for name in state)
        self.grads = [state[f"grads{i}"] for i in range(parts)]
        # the model's parameters with the summed gradient (part 0's) as their gradients, as the
        # caller's optimizer sees them
        flat_p, flat_g, offset = state["params"], self.grads[0], 0
        self.params = []
        for key, param, _ in model.parameters():
            end, shape = offset + param.size, param.shape
            self.params.append(
                (key, flat_p[offset:end].reshape(shape), flat_g[offset:end].reshape(shape))
            )
            offset = end
        slots = {slot: state[f"slot_{slot}"] for slot in self.optimizer.slots}
        if not self.optimizer.place_flat_slots(self.params, slots, keep=False):
            raise RuntimeError("the run's parameters are not one flat buffer")

    def keep(self) -> None:
        """Copy the range's parameters and optimizer state aside (``kept_*``): the batch's
        forward and backward have left them as they were."""
        span, arrays = self.span, self.arrays
        size = span.stop - span.start
        arrays["kept_params"][:size] = self.state["params"][span]
        for slot in self.optimizer.slots:
            arrays[f"kept_slot_{slot}"][:size] = self.state[f"slot_{slot}"][span]

    def step(self, settings: dict) -> None:
        """Sum the parts' gradients and take the step on the range, with the caller's
        ``settings`` (``_settings``); ``phase`` says how far it got."""
        vars(self.optimizer).update(settings)
        size = self.span.stop - self.span.start
        self.arrays["kept_grads"][:size] = self.grads[0][self.span]  # part 0's, whole now
        self.arrays["phase"][0] = KEPT
        step = self.optimizer.step_in_ranges(self.params, _always)
        if step is None:
            raise RuntimeError("the step cannot be taken in ranges")
        _sum_and_update(self.grads, step.update, self.span)
        self.arrays["phase"][0] = STEPPED


def _always(loss: float) -> bool:
    """A helper's step is taken whatever the loss: the caller has already accepted it."""
    return True
