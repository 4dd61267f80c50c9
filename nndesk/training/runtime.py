"""Where training's threads go: one rule, in one place.

The rule, for one training run (``plan``):

* BLAS gets ``config.threads`` threads when that is set. Otherwise a CNN's training batches
  are split by samples over every core (``nndesk.nn.split_batch``), each part on one BLAS
  thread, when the machine has a core to spare besides this process's own (``idle_cores``), and
  one thread for everything otherwise; a CNN whose batches cannot be split (batch norm) gets the
  BLAS default (every core) with its big NumPy passes (im2col, col2im, pooling) split over every
  core (``nndesk.nn.parallel``). With ``config.threads`` > 1 a splittable CNN's batch is split in
  that many parts, each on one BLAS thread. An MLP gets one thread, unless one of its per-batch
  products is wide (batch x widest weight matrix >= ``WIDE_PRODUCT`` multiply-adds) and the
  machine has a core to spare: then every core.
* A split batch's first part runs on the training thread. The others run in helper processes
  (``process_split``: no GIL between the parts; until they have started, on threads) when every
  part has a core of its own, that is when other programs leave at least ``parts - QUIET``
  cores free (``idle_cores``), and on threads of this process otherwise: parts that take turns
  on a core lose nothing to the GIL, and the processes' own costs (a message each way per batch
  and the step's, the tail's round trip) are then all they add. The helpers start with every
  split run that has no more parts than cores, whatever the load at the plan, which only says
  where the run begins (``ThreadPlan.threads_first``): the load is looked at again every
  ``LOAD_EVERY`` batches (``PartsByLoad``), the parts going to threads when other programs keep
  more than ``LOAD_MARGIN`` cores beyond what the rule allows busy, and to the processes (there,
  idle) when they keep ``LOAD_MARGIN`` fewer; the same numbers either way. A plan's look is 0.1 s
  long and caught a passing burst now and then: a run it sent to threads for good trained its
  whole epochs ~1.7x slower on a quiet machine, where a wrong start in processes costs a few
  percent until the next look (docs/performance.md, speed55). Likewise a run the plan finds
  with no core to spare (the one-thread rule above) begins with whole batches on one thread
  (``ThreadPlan.whole_first``), its helpers started, and the same looks move it to a split when
  cores come free, and back (speed56: a passing burst at the plan had left a quiet machine's run
  on one thread for good, ~3x slower).
* Beside the window (``beside_the_gui``), BLAS keeps at most cores - 1 threads: OpenBLAS's
  threads spin while they wait for work, and all of them spinning would leave the GUI thread no
  core. A split CNN's parts are not capped: each part runs its products on one BLAS thread of its
  own and blocks, not spins, while it waits, so the GUI thread, which needs a core for
  milliseconds at a time, is scheduled between them.
* A run's threads hold while its own code runs (``stepped``), and the caller's between its
  batches: a thread limit is one setting for the whole process, and runs stepped in turn (a
  race's lanes, ``bench_train``'s loops) each keep their own.
* Every BLAS limit nndesk takes is a hold on one process-wide limit (``blas_threads``), whatever
  thread takes it: the newest hold still open is in force, and when the last one ends the
  counts found before the first come back. Holds taken on different threads (the training
  worker, a race, the Lab) end in any order without leaving one another's limit behind.
* OpenBLAS's idle threads sleep after a short spin (``OPENBLAS_THREAD_TIMEOUT``, set in
  ``nndesk/__init__.py`` because OpenBLAS reads it once, when NumPy loads), so they do not take
  the core a split NumPy pass needs.

Why each part is there, with the measurements behind it: ``docs/performance.md``.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from nndesk.nn import parallel, split_batch
from nndesk.training import heap

#: Multiply-adds of one per-batch product above which an MLP's BLAS may use every core.
WIDE_PRODUCT = 16_000_000
#: Cores BLAS leaves to the GUI thread while training beside the window.
GUI_CORES = 1
#: Cores other programs may keep busy for a split CNN batch's other parts to run in helper
#: processes (``process_split``) rather than threads: between the loads where processes were
#: faster and where they were slower (docs/performance.md, "A split batch's other half in a
#: process", has the figures).
QUIET = 0.5
#: Where a split CNN batch's other parts run: None, by the rule above (``QUIET``); True or
#: False, in processes or on threads whatever the load (benchmarks and tests set it).
PARTS_IN_PROCESSES: bool | None = None
#: Batches between two looks at other programs' load in a run whose split parts run in
#: processes by the rule (``PartsByLoad``): about two seconds of a quiet fashion-cnn epoch.
LOAD_EVERY = 200
#: Cores of other programs' load beyond the rule's line before a run's parts change sides,
#: either way (so a load hovering at the line does not switch them every look).
LOAD_MARGIN = 0.25
#: Cores other programs must leave free for a CNN's batches to be split at all: below it each
#: trains whole, on one thread (``plan``, ``PartsByLoad``).
WHOLE_LINE = 0.5
#: Elements of NumPy's ufunc buffers while a run's steps run (``np.setbufsize``; NumPy's own is
#: 8,192). NumPy 2.4 copies each operand of a ufunc that it cannot walk as one flat run (the
#: layers' strided views: a 2x2 pool's window members, Winograd's tile members, runs of 160-832
#: values) through its buffers, 18 MB of copies a half batch of ``fashion-cnn``, a tenth of the
#: step; with buffers of 256 it walks those operands in place, and half batches took 8 % less
#: CPU, with the same numbers to the bit (docs/performance.md, speed55). The setting belongs to
#: the thread that makes it: the GUI thread's NumPy keeps its own.
UFUNC_BUFFER = 256


@dataclass(frozen=True)
class ThreadPlan:
    """Threads one training run uses: BLAS's (None: the BLAS default) and NumPy passes' parts;
    ``processes``: a split batch's parts after the first run in helper processes (when the load
    allows, ``PartsByLoad``); ``threads_first``: other programs kept a part from a core at the
    plan, so the run's batches begin on threads, its helpers idle until a look at the load finds
    every part a core; ``whole_first``: they kept every core busy, so the batches begin whole, on
    one thread, until a look finds a core to spare."""

    blas: int | None
    parts: int
    processes: bool = False
    threads_first: bool = False
    whole_first: bool = False


#: Where a split run's batches train (``PartsByLoad.side``): whole on one thread (a busy
#: machine), split over threads of this process, or split over the helper processes.
WHOLE, THREADS, PROCESSES = "whole", "threads", "processes"


def is_convolutional(model) -> bool:
    """Whether ``model`` has convolutional layers."""
    return any(type(layer).__name__.startswith("Conv") for layer in model.layers)


def plan(model, batch_size: int, threads: int = 0) -> ThreadPlan:
    """The rule above for ``model`` trained ``batch_size`` samples at a time (``threads``: the
    config's setting, 0 = automatic). May measure the machine for 0.1 s: decide once per run."""
    if threads:
        if not is_convolutional(model):
            return ThreadPlan(blas=threads, parts=1)
        split = threads > 1 and split_batch.splittable(model)
        sides = _sides(threads, idle_cores) if split else (False, False)
        return ThreadPlan(1 if split else threads, threads, *sides)
    if is_convolutional(model):
        # split threads wait on each other at every step: on a busy machine they lose whole turns
        idle = idle_cores()
        splittable, cores = split_batch.splittable(model), parallel.cores()
        if idle < WHOLE_LINE:
            if splittable and cores > 1 and PARTS_IN_PROCESSES is None:
                # whole batches on one thread for now; the look every LOAD_EVERY batches splits
                # them once cores come free (a 0.1 s look catches passing bursts)
                return ThreadPlan(1, cores, True, threads_first=True, whole_first=True)
            return ThreadPlan(1, 1)
        # a batch split by samples over the cores runs each part's products on one BLAS thread
        sides = _sides(cores, lambda: idle) if splittable and cores > 1 else (False, False)
        return ThreadPlan(1 if splittable else None, cores, *sides)
    widest = max((p.size for _, p, _ in model.parameters() if p.ndim == 2), default=0)
    wide = batch_size * widest >= WIDE_PRODUCT
    return ThreadPlan(blas=None if wide and idle_cores() >= 0.5 else 1, parts=1)


def helpers_for(config) -> int:
    """Helper processes a training run of ``config`` (a ``TrainConfig``) would start if it
    began now: ``plan``'s rule for the model its settings describe (0 for a network that is
    not a CNN, before building one). May measure the machine for 0.1 s. The run decides again
    at its start (a resumed model's own settings, the load by then)."""
    from nndesk.nn.architecture import parse_architecture

    if PARTS_IN_PROCESSES is False or parallel.cores() < 2:
        return 0
    if not any(token[0] == "conv" for token in parse_architecture(config.arch)):
        return 0
    model = config.build_model(np.random.default_rng(0))  # its weights are never used
    thread_plan = plan(model, config.batch_size or 1, config.threads)
    return thread_plan.parts - 1 if thread_plan.processes else 0


def _sides(parts: int, idle: Callable[[], float]) -> tuple[bool, bool]:
    """``(processes, threads_first)`` of a batch split in ``parts``: ``PARTS_IN_PROCESSES`` when
    set (one side for the whole run); else helper processes whenever every part could have a
    core of its own (no more parts than cores), the run beginning on threads when other programs
    leave fewer than ``parts - QUIET`` cores free now (``idle()``)."""
    if PARTS_IN_PROCESSES is not None:
        return PARTS_IN_PROCESSES, False
    if parts > parallel.cores():
        return False, False
    return True, idle() < parts - QUIET


class PartsByLoad:
    """Where a run's split batches train, looked at again every ``every`` batches (``side``):
    split over processes while other programs leave every part a core, over threads while they
    leave at least ``WHOLE_LINE`` core, whole on one thread below that (the rule of ``plan``,
    with ``LOAD_MARGIN`` either side of each line); at first where the plan put them
    (``in_processes``, ``whole``). ``others(pids)`` says how many cores other programs kept busy
    since its last call, not counting this process and the processes ``pids`` (the run's
    helpers); None when unknown (nothing changes). Its first call, on the run's first batch,
    only starts the count."""

    def __init__(
        self,
        parts: int,
        others: Callable[[list[int]], float | None] | None = None,
        every: int | None = None,
        in_processes: bool = True,
        whole: bool = False,
    ) -> None:
        self.parts = parts
        self.others = others if others is not None else OthersBusy()
        self.every = every if every is not None else LOAD_EVERY
        # where the plan put them
        self.side = WHOLE if whole else PROCESSES if in_processes else THREADS
        self.switches = 0
        self._batches = 0

    @property
    def in_processes(self) -> bool:
        """Whether the batches' parts run in the helper processes now."""
        return self.side == PROCESSES

    def next_batch(self, pids: list[int]) -> bool:
        """Count one more batch of the run; whether its parts run in processes (``side`` says
        where it trains)."""
        self._batches += 1
        if self._batches == 1:
            self.others(pids)  # starts the count: the helpers are there now
        elif self._batches % self.every == 0:
            others = self.others(pids)
            if others is not None:
                side = self._side_for(parallel.cores() - others)  # cores other programs left
                self.switches += side != self.side
                self.side = side
        return self.in_processes

    def _side_for(self, free: float) -> str:
        """The side for ``free`` cores: the current one while ``free`` stays within
        ``LOAD_MARGIN`` of its range, else the plan's rule's."""
        line = self.parts - QUIET  # plan's: processes when free >= line, whole below WHOLE_LINE
        lows = {WHOLE: -math.inf, THREADS: WHOLE_LINE, PROCESSES: line}
        highs = {WHOLE: WHOLE_LINE, THREADS: line, PROCESSES: math.inf}
        if lows[self.side] - LOAD_MARGIN <= free < highs[self.side] + LOAD_MARGIN:
            return self.side
        return PROCESSES if free >= line else THREADS if free >= WHOLE_LINE else WHOLE


class OthersBusy:
    """Cores other programs kept busy between two calls: every core's busy time
    (``machine_busy_seconds``) less this process's CPU and the CPU of ``pids``, over the wall
    time between; None on the first call and where /proc is not there. Reads no more than
    three small files: cheap enough between batches."""

    def __init__(self) -> None:
        self._last: tuple[float, float, float] | None = None

    def __call__(self, pids: list[int]) -> float | None:
        busy, wall = machine_busy_seconds(), time.perf_counter()
        own = time.process_time() + sum(_cpu_seconds(pid) for pid in pids)
        last, self._last = self._last, None if busy is None else (busy, own, wall)
        if last is None or busy is None or wall <= last[2]:
            return None
        return max(0.0, (busy - last[0]) - (own - last[1])) / (wall - last[2])


def _cpu_seconds(pid: int) -> float:
    """CPU seconds process ``pid`` has used (/proc/PID/stat); 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


def parts_by_load(thread_plan: ThreadPlan) -> PartsByLoad | None:
    """A ``PartsByLoad`` for a run whose split parts the rule gave helper processes, starting
    on the side the plan chose; None when ``PARTS_IN_PROCESSES`` forces a side (benchmarks,
    tests): then they stay there."""
    if PARTS_IN_PROCESSES is not None:
        return None
    return PartsByLoad(
        thread_plan.parts,
        in_processes=not thread_plan.threads_first,
        whole=thread_plan.whole_first,
    )


@contextlib.contextmanager
def applied(thread_plan: ThreadPlan) -> Iterator[None]:
    """Run the block with ``thread_plan``'s BLAS limit and NumPy-pass parts, and NumPy's ufunc
    buffers at ``UFUNC_BUFFER``; undone after. A plan that begins whole (``whole_first``: no
    core to spare) runs the block on one thread: only a training run's looks at the load
    (``PartsByLoad``) ever split its work later.

    Also keeps freed batch-sized arrays in the heap meanwhile (``heap.kept_while_training``)."""
    with (
        heap.kept_while_training(),
        blas_threads(thread_plan.blas),
        parallel.use_threads(1 if thread_plan.whole_first else thread_plan.parts),
        ufunc_buffer(),
    ):
        yield


@contextlib.contextmanager
def ufunc_buffer(size: int | None = None) -> Iterator[None]:
    """NumPy's ufunc buffers at ``size`` elements (``UFUNC_BUFFER``) in this thread inside the
    block; the thread's own size after it."""
    theirs = np.setbufsize(UFUNC_BUFFER if size is None else size)
    try:
        yield
    finally:
        np.setbufsize(theirs)


T = TypeVar("T")


def stepped(thread_plan: ThreadPlan, steps: Generator[T, None, None]) -> Iterator[T]:
    """The items of ``steps`` (a training run's reports), with ``thread_plan``'s BLAS limit and
    NumPy-pass parts (and ``UFUNC_BUFFER``) in force while each step runs and the caller's back
    between steps; freed batch-sized arrays stay in the heap from the first step to the last.

    One ``applied`` block around a whole run is not enough when runs take turns: the second to
    start restores the first one's limit when it ends, and a run planned for the BLAS default
    then trains on whatever limit the last run left (a wide MLP on one thread). The switch is
    made only when the two settings differ (``BlasLimit``), which costs far less per batch than a
    threadpoolctl ``threadpool_limits`` block (docs/performance.md).
    """
    threads, parts = thread_plan.blas, thread_plan.parts
    with heap.kept_while_training():
        try:
            while True:
                hold = _LIMIT.hold(threads) if threads is not None else None
                their_parts = parallel.set_threads(parts)
                their_buffer = np.setbufsize(UFUNC_BUFFER)
                try:
                    item = next(steps)
                except StopIteration:
                    return
                finally:
                    np.setbufsize(their_buffer)
                    parallel.set_threads(their_parts)
                    if hold is not None:
                        _LIMIT.release(hold)
                yield item
        finally:
            steps.close()


_blas: list | None = None


def _blas_libraries() -> list:
    """threadpoolctl's controllers of the BLAS libraries loaded now (found once, as building
    them scans every loaded library); empty without threadpoolctl."""
    global _blas
    if _blas is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _blas = []
        else:
            _blas = list(ThreadpoolController().select(user_api="blas").lib_controllers)
    return _blas


#: OpenBLAS's names of its cores with AVX-512 kernels (threadpoolctl's ``architecture``): the
#: kernels a preset's ``avx512_accuracy`` was measured with (docs/presets.md)
AVX512_KERNELS = frozenset({"skylakex", "cooperlake", "sapphirerapids"})


def blas_on_avx512() -> bool:
    """Whether the BLAS loaded here runs OpenBLAS's AVX-512 kernels, where a full-batch run
    lands on the preset's AVX-512 figure (mnist-gd 86.0 %, not 84.6 %; walk70 L1); False
    when it does not or cannot be told (no threadpoolctl, another BLAS)."""
    return any(
        str(getattr(lib, "architecture", "") or "").lower() in AVX512_KERNELS
        for lib in _blas_libraries()
    )


def beside_the_gui():
    """Context manager for training on a thread of the window's process: BLAS leaves the GUI
    thread ``GUI_CORES`` core(s)."""
    return blas_threads(max(1, parallel.cores() - GUI_CORES))


class BlasLimit:
    """The process's one BLAS thread count, held by blocks on any number of threads.

    BLAS has one thread count for the whole process, and the window takes limits on several
    threads at once that end in any order. A block that restored the count it found on entry
    would, ending after a block that began later, bring back that block's count for good. So
    each block takes a hold here instead: the newest hold still open sets the count, and when no
    hold is left the counts found before the first one come back.
    """

    def __init__(self, libraries=None) -> None:
        self._libraries = libraries  # None: NumPy's BLAS, found when first needed
        self._lock = threading.Lock()
        self._holds: dict[int, int] = {}  # hold -> threads, oldest first
        self._taken = 0
        self._before: list[int] = []  # each library's count before the first open hold

    def libraries(self) -> list:
        """The BLAS controllers this limit sets (empty without threadpoolctl)."""
        return _blas_libraries() if self._libraries is None else self._libraries

    def hold(self, threads: int) -> int:
        """Hold the count at ``threads`` until ``release`` of the returned hold."""
        with self._lock:
            libraries = self.libraries()
            if not self._holds:
                self._before = [lib.get_num_threads() for lib in libraries]
            self._taken += 1
            self._holds[self._taken] = max(1, int(threads))
            self._apply(libraries)
            return self._taken

    def release(self, hold: int) -> None:
        """End ``hold``; the newest hold left sets the count, or the counts from before."""
        with self._lock:
            del self._holds[hold]
            self._apply(self.libraries())

    def _apply(self, libraries: list) -> None:
        if self._holds:
            wanted = [self._holds[next(reversed(self._holds))]] * len(libraries)
        else:
            wanted = self._before
        for lib, n in zip(libraries, wanted, strict=True):
            if lib.get_num_threads() != n:
                _set_from_any_thread(lib, n)


def _set_from_any_thread(lib, threads: int) -> None:
    """Set ``lib``'s thread count from whichever thread holds ``BlasLimit``'s lock.

    threadpoolctl (3.8 on) lets only the first thread that set an OpenBLAS (pthreads) count set
    it again, and a thread Qt started stays alive to Python after it ends: once a training
    worker had set a count, every later one in the process, on any thread, was ignored. Holds
    are already one at a time under ``BlasLimit``'s lock, so the setting thread takes control for
    the one call and gives it back, and no thread keeps it."""
    release = getattr(type(lib), "clear_controlling_thread", None)  # threadpoolctl >= 3.8
    if release is not None:
        release(force=True)
    lib.set_num_threads(threads)
    if release is not None:
        release(force=True)


_LIMIT = BlasLimit()


@contextlib.contextmanager
def blas_threads(n: int | None) -> Iterator[None]:
    """Hold NumPy's BLAS at ``n`` threads inside the block (None: leave it alone).

    A hold on the process-wide ``BlasLimit``; without threadpoolctl this does nothing.
    """
    if n is None:
        yield
        return
    hold = _LIMIT.hold(n)
    try:
        yield
    finally:
        _LIMIT.release(hold)


def idle_cores(window: float = 0.1) -> float:
    """Cores other programs leave free: the cpu count minus the 1-minute load average when that
    says nearly every core is free (within ``QUIET``), else minus what other processes used over
    the next ``window`` seconds (the load average counts this process too: the run the window
    trained a minute ago would read as another program; this process's children are not
    counted either); 0 where neither is known."""
    cores = parallel.cores()
    try:
        idle = cores - os.getloadavg()[0]
    except (AttributeError, OSError):
        idle = 0.0
    if idle >= cores - QUIET:
        return idle
    others = _others_busy_cores(window)
    return idle if others is None else cores - others


def machine_busy_seconds() -> float | None:
    """CPU seconds every core has spent busy since boot (/proc/stat, all processes), or None."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError):
        return None
    if len(fields) < 9 or fields[0] != "cpu":
        return None
    # user nice system idle iowait irq softirq steal: all but idle and iowait are busy; steal is
    # time the hypervisor gave to another machine, as lost to this one as another program's
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / ticks


def _others_busy_cores(window: float) -> float | None:
    """Cores other processes kept busy over ``window`` seconds from now, or None if unknown.

    This process's children are its own: a run's helpers started early (``process_split``)
    import NumPy and nndesk for half a second while the run plans, and counted as another
    program they sent it to threads."""
    own = _own_cpu_seconds
    busy0, own0, t0 = machine_busy_seconds(), own(), time.perf_counter()
    if busy0 is None:
        return None
    time.sleep(window)
    busy1, own1, t1 = machine_busy_seconds(), own(), time.perf_counter()
    if busy1 is None:
        return None
    return max(0.0, (busy1 - busy0) - (own1 - own0)) / (t1 - t0)


def _own_cpu_seconds() -> float:
    """CPU seconds of this process (every thread) and of its children still running."""
    return time.process_time() + children_cpu_seconds()


def children_cpu_seconds() -> float:
    """CPU seconds this process's running children have used (/proc/PID/task/*/children: each
    thread lists those it started); 0 where /proc does not say."""
    me = os.getpid()
    try:
        tasks = os.listdir(f"/proc/{me}/task")
    except OSError:
        return 0.0
    total = 0.0
    for task in tasks:
        try:
            with open(f"/proc/{me}/task/{task}/children") as f:
                pids = f.read().split()
        except OSError:  # the thread ended meanwhile, or no such file on this kernel
            continue
        total += sum(_cpu_seconds(int(pid)) for pid in pids)
    return total
