"""Where a split epoch's wall beyond its typical batch goes: every batch of one epoch, recorded.

Not a test: prints figures. Example::

    python benchmarks/bench_epoch_tail.py --data-dir ../shared/data/fashion-mnist

Trains one epoch of the ``fashion-cnn`` preset with its batches split over processes (as
``bench_cnn --split processes``; the helper starts while the data loads) and records, at every
batch report: the wall clock; the training thread's and the helper process's CPU time, run-queue
wait and time slices (``/proc/.../schedstat``) and the CPU each last ran on; every CPU's busy and
stolen time (``/proc/stat``: stolen is time the virtual machine's host ran something else); and
the CPU time of the kernel's ``kdamond`` threads (memory-access monitors, where the kernel runs
them). Reading those files (kept open) takes about 35 us a batch.

Prints the epoch against its median batch x batches (``tail_seconds``), and for the slow
batches (``--slow`` x the median or more): how many, their wall beyond the median, and how much
of it each process spent on the CPU, waiting for a CPU, or neither (waiting for the other
process); how many came while kdamond ran, while the host stole time, or with both processes
last on one CPU; and the gaps between them (periodic or not). ``--save FILE.npz`` keeps the
rows for a closer look.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
# isort: off
import nndesk  # noqa: E402, F401  (before NumPy, as the CLI and app: sets OpenBLAS's thread timeout)
import numpy as np  # noqa: E402

# isort: on

PRESET = "fashion-cnn-lab"
#: The columns of a row, one row a batch report.
COLUMNS = (
    "wall",  # s, perf_counter
    "caller_cpu", "caller_wait", "caller_slices", "caller_on",  # ns, ns, count, CPU number
    "helper_cpu", "helper_wait", "helper_slices", "helper_on",
    "kdamond_cpu",  # ns, every kdamond thread
    "busy", "steal",  # ticks, every CPU
)  # fmt: skip


class Proc:
    """A ``/proc`` file kept open and read again from its start (one ``pread`` a reading)."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDONLY)

    def read(self) -> bytes:
        return os.pread(self.fd, 4096, 0)


def schedstat(proc: Proc) -> tuple[int, int, int]:
    """``(CPU ns, run-queue wait ns, time slices)`` of a thread (``/proc/.../schedstat``)."""
    cpu, wait, slices = proc.read().split()[:3]
    return int(cpu), int(wait), int(slices)


def last_cpu(proc: Proc) -> int:
    """The CPU a thread last ran on (``/proc/.../stat``'s 39th field)."""
    stat = proc.read()
    return int(stat[stat.rindex(b")") + 2 :].split()[36])


def machine(proc: Proc) -> tuple[int, int]:
    """``(busy, stolen)`` ticks of every CPU together (``/proc/stat``'s first line)."""
    fields = [int(v) for v in proc.read().split(b"\n", 1)[0].split()[1:]]
    return sum(fields[:8]) - fields[3] - fields[4], fields[7]


def kdamond_threads() -> list[int]:
    """PIDs of the kernel's ``kdamond`` threads (none where DAMON is not running)."""
    found = []
    for pid in os.listdir("/proc"):
        with contextlib.suppress(OSError):
            if pid.isdigit() and Path(f"/proc/{pid}/comm").read_text().startswith("kdamond"):
                found.append(int(pid))
    return found


class Readings:
    """Every batch's readings (``row``), from the files opened once."""

    def __init__(self) -> None:
        self.caller = Proc("/proc/thread-self/schedstat"), Proc("/proc/thread-self/stat")
        self.machine = Proc("/proc/stat")
        self.kdamonds = [Proc(f"/proc/{pid}/schedstat") for pid in kdamond_threads()]
        self.helper: tuple[Proc, Proc] | None = None

    def follow(self, pid: int) -> None:
        """Read helper process ``pid`` from now on."""
        self.helper = Proc(f"/proc/{pid}/schedstat"), Proc(f"/proc/{pid}/stat")

    def row(self) -> tuple:
        """One batch's readings, in ``COLUMNS`` order."""
        now = time.perf_counter()
        caller = schedstat(self.caller[0])
        caller_on = last_cpu(self.caller[1])
        theirs, theirs_on = (0, 0, 0), -1
        if self.helper is not None:
            with contextlib.suppress(OSError):  # the helper gone: as before it started
                theirs, theirs_on = schedstat(self.helper[0]), last_cpu(self.helper[1])
        kd = sum(schedstat(proc)[0] for proc in self.kdamonds)
        return (now, *caller, caller_on, *theirs, theirs_on, kd, *machine(self.machine))


def report(rows: np.ndarray, slow: float) -> None:
    """Print the epoch's tail and its slow batches (see the module docstring)."""
    col = {name: i for i, name in enumerate(COLUMNS)}
    rows = rows[np.argmax(rows[:, col["helper_on"]] >= 0) :]  # from the helper's first batch
    step = np.diff(rows, axis=0)  # batch i+1's readings less batch i's
    wall = step[:, col["wall"]] * 1e3  # ms
    median = float(np.median(wall))
    epoch = wall.sum() / 1e3
    print(f"batches={len(wall)} (after the helper's first) batch_ms_median={median:.2f}")
    print(f"epoch_seconds={epoch:.2f} typical_seconds={median * len(wall) / 1e3:.2f}")
    print(f"tail_seconds={epoch - median * len(wall) / 1e3:.2f} (the epoch beyond its typical)")
    ms = {name: step[:, col[name]] / 1e6 for name in ("caller_cpu", "caller_wait", "helper_cpu",
                                                       "helper_wait", "kdamond_cpu")}  # fmt: skip
    for who in ("caller", "helper"):
        cpu, wait = ms[f"{who}_cpu"], ms[f"{who}_wait"]
        print(
            f"{who}: cpu_ms median {np.median(cpu):.2f} (epoch {cpu.sum() / 1e3:.2f} s) "
            f"run_queue_ms median {np.median(wait):.3f} (epoch {wait.sum() / 1e3:.2f} s) "
            f"cpu_changes {int(np.count_nonzero(np.diff(rows[:, col[f'{who}_on']])))}"
        )
    ticks = os.sysconf("SC_CLK_TCK")
    busy = step[:, col["busy"]] / ticks
    ours = (ms["caller_cpu"] + ms["helper_cpu"]) / 1e3
    print(
        f"others_cpu_seconds={max(0.0, busy.sum() - ours.sum()):.2f} (every CPU's busy time less "
        f"the two processes') steal_seconds={step[:, col['steal']].sum() / ticks:.2f} "
        f"kdamond_seconds={ms['kdamond_cpu'].sum() / 1e3:.3f}"
    )
    late = np.nonzero(wall >= slow * median)[0]
    extra = wall[late] - median
    print(
        f"slow_batches={len(late)} (>= {slow} x median) their_excess_seconds="
        f"{extra.sum() / 1e3:.2f} of all batches' {np.clip(wall - median, 0, None).sum() / 1e3:.2f}"
    )
    if not len(late):
        return
    for who in ("caller", "helper"):
        cpu = ms[f"{who}_cpu"][late] - np.median(ms[f"{who}_cpu"])
        wait = ms[f"{who}_wait"][late] - np.median(ms[f"{who}_wait"])
        print(
            f"  {who}'s share of the excess: cpu {cpu.sum() / 1e3:.2f} s, run queue "
            f"{wait.sum() / 1e3:.2f} s, neither (waiting for the other) "
            f"{(extra - cpu - wait).sum() / 1e3:.2f} s"
        )
    same = rows[1:, col["caller_on"]][late] == rows[1:, col["helper_on"]][late]
    print(
        f"  with kdamond running: {int(np.count_nonzero(ms['kdamond_cpu'][late] > 0.05))}; "
        f"with time stolen: {int(np.count_nonzero(step[late, col['steal']] > 0))}; "
        f"both last on one CPU: {int(np.count_nonzero(same))}; "
        f"a run-queue wait over 1 ms: "
        f"{int(np.count_nonzero((ms['caller_wait'][late] > 1) | (ms['helper_wait'][late] > 1)))}"
    )
    gaps, counts = np.unique(np.diff(late), return_counts=True)
    common = sorted(zip(counts, gaps, strict=True), reverse=True)[:6]
    print("  gaps between slow batches (batches: times): " + ", ".join(
        f"{g}: {c}" for c, g in common))  # fmt: skip
    tenths = np.histogram(late, bins=10, range=(0, len(wall)))[0]
    print(f"  slow batches by tenth of the epoch: {tenths.tolist()}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True, help="folder with Fashion IDX files")
    ap.add_argument("--limit", type=int, default=60000, help="training images in the epoch")
    ap.add_argument("--slow", type=float, default=1.3, help="a slow batch: this x the median")
    ap.add_argument("--save", type=Path, default=None, help="keep the rows in this .npz file")
    args = ap.parse_args(argv)

    from nndesk.data import load_dataset
    from nndesk.presets import get_preset
    from nndesk.training import BatchReport, prepare, process_split, runtime, train

    runtime.PARTS_IN_PROCESSES = True  # as bench_cnn --split processes
    print(f"loadavg_before={os.getloadavg()[0]:.2f}")
    config = get_preset(PRESET).config.replace(epochs=1, val_fraction=0.0, threads=2)
    with process_split.started_early(config):
        dataset = load_dataset("fashion", data_dir=args.data_dir, allow_download=False)
        session = prepare(config, dataset=dataset)
    session.x_train = session.x_train[: args.limit]
    session.y_train = session.y_train[: args.limit]

    readings = Readings()  # the training thread's files: this thread's
    inner = process_split.ProcessSplit.train_step

    def train_step(self, *a, **kw):
        if readings.helper is None and self.helpers and self.helpers[0].process is not None:
            readings.follow(self.helpers[0].process.pid)
        return inner(self, *a, **kw)

    process_split.ProcessSplit.train_step = train_step
    # the helper's columns read 0 (and its CPU -1) until its first batch
    rows = [readings.row() for r in train(session) if isinstance(r, BatchReport)]
    table = np.array(rows, dtype=np.float64)
    if args.save is not None:
        np.savez(args.save, rows=table, columns=np.array(COLUMNS))
    report(table, args.slow)
    print(f"loadavg_after={os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
