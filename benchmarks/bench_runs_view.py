"""How long does the Runs view hold the GUI thread on a big or hostile runs folder? (not a test)

Offscreen, the real ``RunsView`` at 1024x700 over a temporary runs folder. A 5 ms timer ticks
on the GUI thread while the view lists the folder (its files are read on a worker thread) and
fills its table; each tick's lateness is a stall the user would feel (target: none over ~50 ms).
Cases:

- ``runs-N`` (``--runs``, default 2,000): ordinary runs: the listing, then the table's fill;
  then a click on the Test acc header (sort), Ctrl+A (select all) and a refresh of the same
  folder, each timed on the GUI thread. ``--size small`` (the default): 10 epochs and 200 batch
  points each; ``--size real``: 20 epochs and 4,000 batch points, as a long run stores them.
  Records are written by the ``nndesk`` imported (``RunRecord.to_dict``, ``readable_json``),
  so an older checkout on ``PYTHONPATH`` writes and reads its own format.
- ``string-30mb``: one run.json whose title is a 30 MB string beside a few ordinary runs,
  listed by a hidden view (no chart is drawn: the stalls are the listing's own).

The whole window's modules are imported first and frozen as ``nndesk.app.run`` does (a full
garbage collection walks what is not frozen while holding the GIL; ``--no-freeze`` leaves them
in). Prints ``stall_max_ms=`` and ``stall_p99_ms=`` per case (and the GUI-thread ms and the
longest stall of each step), ``gc_full_max_ms=`` (the longest full collection, on any thread,
while the folder was listed, and during each step), ``listing_s=`` (from the view's making
to its filled table), ``listed_mb=`` (the process's resident memory then, less before), and
the load average.

    python benchmarks/bench_runs_view.py [--runs 2000] [--size real] [--repeats 3] [--no-freeze]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from scratch import scratch_home  # beside this file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TICK_MS = 5


#: (epochs, batch points) of a run's record: ``small`` as before, ``real`` as a long run
#: stores them (nndesk keeps at most 4,000 batch points)
SIZES = {"small": (10, 200), "real": (20, 4000)}


def write_runs(root: Path, n: int, size: str = "small") -> None:
    """``n`` run folders as the imported nndesk writes them."""
    from nndesk.run_curves import Curves
    from nndesk.run_record import RunRecord
    from nndesk.runs import readable_json

    epochs, points = SIZES[size]
    for i in range(n):
        folder = root / f"20261202-{i:06d}-000abcd"
        folder.mkdir(parents=True)
        noise = [((b * 7919 + i) % 101) / 1000 for b in range(points)]  # no two values alike
        curves = Curves(
            batch_x=[epochs * (b + 1) / points for b in range(points)],
            batch_loss=[1.0 / (1 + b) + noise[b] for b in range(points)],
            epochs=list(range(1, epochs + 1)),
            train_loss=[0.5 - e / 100 for e in range(epochs)],
            train_accuracy=[0.9 + e / 1000 for e in range(epochs)],
            val_loss=[0.6 - e / 100 for e in range(epochs)],
            val_accuracy=[0.88 + (i % 50) / 1000 + e / 1000 for e in range(epochs)],
            lr=[0.001] * epochs,
            seconds=[2.5 + e / 10 for e in range(epochs)],
            test_loss=[float("nan")] * epochs,
            test_accuracy=[float("nan")] * epochs,
        )
        record = RunRecord(
            run_id=folder.name,
            folder=folder,
            config={
                "dataset": "mnist",
                "arch": f"784-{64 + i % 64}-10",
                "activation": "relu",
                "optimizer": "adam",
                "lr": 0.001,
                "batch_size": 64,
                "epochs": epochs,
                "normalize": "standard",
            },
            title=f"mnist 784-{64 + i % 64}-10 relu adam lr=0.001",
            created_at=f"2026-12-02T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}+00:00",
            status="completed",
            curves=curves,
            metrics={"test_accuracy": 0.9 + (i % 97) / 1000},
        )
        text = readable_json(record.to_dict())
        (folder / "run.json").write_text(text, encoding="utf-8")


def resident_mb() -> float:
    """The process's resident memory (Linux; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def write_long_string(root: Path, megabytes: int = 30) -> None:
    folder = root / "hostile-long-title"
    folder.mkdir(parents=True)
    record = {"title": "x" * (megabytes * 1_000_000), "config": {"dataset": "mnist"}}
    (folder / "run.json").write_text(json.dumps(record), encoding="utf-8")


class Ticker:
    """A 5 ms timer on the GUI thread; ``late()`` is each tick's lateness in ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.ticks: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(self.clock.nsecsElapsed() / 1e6))
        self.clock.start()
        self.timer.start()

    def late(self) -> list[float]:
        gaps = [b - a - TICK_MS for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return [max(g, 0.0) for g in gaps] or [0.0]


class FullCollections:
    """How long each full garbage collection took (ms), on whichever thread ran it."""

    def __init__(self) -> None:
        self.ms: list[float] = []
        self._start: float | None = None
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        elif self._start is not None:  # not one under way when this began counting
            self.ms.append(1000 * (time.perf_counter() - self._start))
            self._start = None

    def stop(self) -> None:
        gc.callbacks.remove(self._on_gc)


def _wait(app, condition, seconds: float = 120.0) -> None:
    end = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError("the view did not list the runs in time")
        app.processEvents()
        time.sleep(0.001)


def _settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def _gui_ms(app, step) -> float:
    """GUI-thread CPU ms of ``step()`` and the events it queued."""
    c0 = time.thread_time()
    step()
    app.processEvents()
    return 1000 * (time.thread_time() - c0)


def measure(app, root: Path, steps: bool, select_all: bool) -> dict[str, float]:
    from PySide6.QtCore import QEvent, Qt

    from nndesk.controllers.run_list import RunListReader
    from nndesk.runs import RunStore
    from nndesk.ui.runs_view import RunsView

    store = RunStore(root)
    fills: list[float] = []
    real_fill = RunsView._fill

    def timed_fill(self, *args, **kwargs):
        c0 = time.perf_counter()
        real_fill(self, *args, **kwargs)
        fills.append(1000 * (time.perf_counter() - c0))

    RunsView._fill = timed_fill
    collections = FullCollections()
    rss = resident_mb()
    listing = time.perf_counter()
    view = RunsView(RunListReader(store))  # its listing starts on the worker now
    ticker = Ticker()  # from here: the listing, the table's fill, the first chart
    view.resize(1024, 700)
    if steps:
        view.show()  # the string case lists hidden: its chart's first render would stall too
    _wait(app, lambda: not view.reading)
    listed_s, listed_mb = time.perf_counter() - listing, resident_mb() - rss
    _settle(app, 0.3)
    figures = {"fill_ms": max(fills), "listing_s": listed_s, "listed_mb": listed_mb}
    late = sorted(ticker.late())
    figures["stall_max_ms"] = late[-1]
    figures["stall_p99_ms"] = late[int(0.99 * (len(late) - 1))]
    figures["gc_full_max_ms"] = max(collections.ms, default=0.0)
    if steps:
        test_acc = 6
        steps = [
            ("sort_ms", lambda: view.table.sortByColumn(test_acc, Qt.SortOrder.AscendingOrder)),
            ("refresh_ms", view.refresh),
        ]
        if select_all:
            steps.append(("select_all_ms", view.table.selectAll))
        for name, step in steps:
            ticker.ticks.clear()
            collections.ms.clear()
            figures[name] = _gui_ms(app, step)
            _settle(app, 0.1)
            figures[f"{name[:-3]}_stall_ms"] = max(ticker.late())
            figures[f"{name[:-3]}_gc_full_ms"] = max(collections.ms, default=0.0)
    collections.stop()
    ticker.timer.stop()
    RunsView._fill = real_fill
    view.close()
    view.deleteLater()
    # deleted now, as the window's event loop would: processEvents() leaves deferred deletes, so
    # every earlier view and its records stayed alive and the next listing's collections walked them
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _settle(app, 0.1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--size", choices=tuple(SIZES), default="small")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-select-all", action="store_true", help="skip Ctrl+A")
    parser.add_argument("--only", choices=("runs", "string-30mb"), help="runs: the runs-N case")
    parser.add_argument(
        "--no-freeze", action="store_true", help="leave the imports' objects to the collector"
    )
    args = parser.parse_args(argv)
    scratch_home()

    from PySide6.QtWidgets import QApplication

    import nndesk.app  # noqa: F401 - every page's modules, as in the window
    from nndesk.ui.startup_objects import freeze_startup_objects

    app = QApplication.instance() or QApplication(sys.argv)
    frozen = 0 if args.no_freeze else freeze_startup_objects()
    print(f"load_average={os.getloadavg()[0]:.2f} cores={os.cpu_count()} frozen={frozen}")
    with tempfile.TemporaryDirectory(prefix="nndesk-runs-bench-") as tmp:
        cases = {}
        if args.only in (None, "runs"):
            many = Path(tmp) / "many"
            write_runs(many, args.runs, args.size)
            cases[f"runs-{args.runs}" + ("-real" if args.size == "real" else "")] = (many, True)
        if args.only in (None, "string-30mb"):
            hostile = Path(tmp) / "hostile"
            write_runs(hostile, 5)
            write_long_string(hostile)
            cases["string-30mb"] = (hostile, False)
        for name, (root, steps) in cases.items():
            select_all = not args.no_select_all
            results = [measure(app, root, steps, select_all) for _ in range(args.repeats)]
            for key in results[0]:
                values = [r[key] for r in results]
                form = ".2f" if key == "listing_s" else ".0f"
                shown = " ".join(f"{v:{form}}" for v in values)
                median = statistics.median(values)
                print(f"{name}: {key}={max(values):{form}} (each: {shown}; median {median:{form}})")
    print(f"load_average={os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
