"""How much memory does the window hold in a learner's normal session? (offscreen; not a test)

Opens the window in Clothing mode, draws on the canvas, trains a preset from the Train page
(twice: a second run, as learners try again), evaluates the new model, opens Mistakes and draws
the Map, then switches the language back and forth, as a learner's first hour does. A thread
samples the process's resident memory (VmRSS) every 20 ms; the script prints the high-water
mark of each step and of the whole session (``peak_rss_mb=``), the memory after each language
switch (``switch_rss_mb=``), and a verdict against the budget: a peak under ``--budget-mb``
(600) and switches that keep less than ``--switch-mb`` (2 MB) each after the first two (the
first ones fill Qt's and matplotlib's caches).

``--trace`` also follows NumPy's and Python's allocations (tracemalloc): at the session's
traced peak it prints the allocation sites holding the most memory, which is where the
avoidable part of the peak is found (slower; the RSS figures then include tracemalloc's own
bookkeeping).

    python benchmarks/bench_window_memory.py --data-dir ../shared/data [--trace]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import tracemalloc
from pathlib import Path

from scratch import scratch_home  # beside this file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MB = 1024 * 1024


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    """Samples RSS (and the traced total) every ``interval`` s; keeps each step's peak and,
    with tracing on, a snapshot of the allocations at the session's traced high-water mark."""

    def __init__(self, interval: float = 0.02, trace: bool = False) -> None:
        super().__init__(daemon=True)
        self.interval, self.trace = interval, trace
        self.step = "start"
        self.peaks: dict[str, int] = {}
        self.traced_peak = 0
        self.peak_snapshot: tracemalloc.Snapshot | None = None
        self.peak_step = ""
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(self.interval):
            rss = rss_bytes()
            self.peaks[self.step] = max(self.peaks.get(self.step, 0), rss)
            if self.trace:
                traced = tracemalloc.get_traced_memory()[0]
                if traced > self.traced_peak * 1.03:  # a snapshot costs: only on a new high
                    self.traced_peak = traced
                    self.peak_snapshot = tracemalloc.take_snapshot()
                    self.peak_step = self.step

    def stop(self) -> None:
        self._halt.set()
        self.join()


def settle(qapp) -> None:
    """Let the replaced window be deleted and its Python objects collected."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        qapp.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", required=True, help="folder holding mnist/ and fashion-mnist/"
    )
    parser.add_argument("--preset", default="fashion-mlp-lab")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--trace", action="store_true", help="name the biggest allocations")
    parser.add_argument("--top", type=int, default=12, help="allocation sites printed")
    parser.add_argument("--runs", type=int, default=2, help="training runs of the preset")
    parser.add_argument("--switches", type=int, default=6, help="language switches at the end")
    parser.add_argument("--budget-mb", type=float, default=600.0, help="the peak allowed")
    parser.add_argument(
        "--switch-mb", type=float, default=2.0, help="memory a switch may keep, after two"
    )
    args = parser.parse_args(argv)
    scratch_home()
    os.environ["NNDESK_DATA_DIR"] = str(args.data_dir)
    if args.trace:
        tracemalloc.start(8)
    sampler = Sampler(trace=args.trace)
    sampler.start()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nndesk import app as nnapp
    from nndesk.presets import get_preset

    qapp = QApplication.instance() or QApplication([])

    def wait_until(condition, timeout_s: float = 600.0) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if condition() else None)
        timer.start(20)
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(sampler.step)
            loop.exec()
        timer.stop()

    def step(name: str) -> None:
        sampler.step = name
        print(f"{name}: rss {rss_bytes() / MB:.0f} MB at its start", flush=True)

    step("window")
    desk = nnapp.build_window(mode="garments")
    window = desk.window
    window.resize(1280, 800)
    window.show()
    qapp.processEvents()
    window.canvas.draw_stroke([(60, 140), (220, 140)], width=26)
    wait_until(desk.prediction.is_idle)

    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    config = get_preset(args.preset).config.replace(epochs=args.epochs)
    saved = []
    desk.training.model_ready.connect(saved.append)
    for run in range(1, args.runs + 1):
        step(f"train{run}")
        assert page.start_training(config)
        wait_until(lambda run=run: len(saved) == run and not desk.training.is_running())

    step("evaluate")
    window.tabs.setCurrentWidget(desk.evaluate_page)
    desk.evaluation.ensure_current()
    wait_until(lambda: desk.evaluation.result() is not None and not desk.evaluation.busy)

    step("mistakes")
    window.tabs.setCurrentWidget(desk.mistakes_page)
    qapp.processEvents()
    desk.mistakes_page.select_row(0)
    qapp.processEvents()

    step("map")
    window.tabs.setCurrentWidget(desk.map_page)
    qapp.processEvents()
    maps = []
    desk.explore.map_ready.connect(maps.append)
    desk.map_page.draw_button.click()
    wait_until(lambda: bool(maps))
    qapp.processEvents()

    from nndesk.ui import language

    settled = []  # the memory after each switch, once the old window is gone
    for n in range(args.switches):
        step(f"switch{n + 1}")
        code = "vi" if language.current_language() == "en" else "en"
        desk = nnapp.switch_language(desk, code)
        window = desk.window
        settle(qapp)
        settled.append(rss_bytes())
        print(f"switch_rss_mb={settled[-1] / MB:.1f} ({code})", flush=True)

    step("end")
    time.sleep(0.1)
    sampler.stop()
    window.close()
    for name, peak in sampler.peaks.items():
        print(f"peak_rss_{name}_mb={peak / MB:.0f}")
    peak = max(sampler.peaks.values()) / MB
    print(f"peak_rss_mb={peak:.0f}")
    kept = (settled[-1] - settled[1]) / MB / (len(settled) - 2) if len(settled) > 2 else 0.0
    print(f"kept_per_switch_mb={kept:.2f}")
    ok = peak < args.budget_mb and kept < args.switch_mb
    print(
        f"verdict={'ok' if ok else 'over'} (peak {peak:.0f} MB, budget {args.budget_mb:.0f}; "
        f"{kept:.2f} MB kept per switch, budget {args.switch_mb:.1f})"
    )
    if args.trace and sampler.peak_snapshot is not None:
        print(
            f"traced_peak_mb={sampler.traced_peak / MB:.0f} (during {sampler.peak_step}); "
            "the biggest holders then:"
        )
        stats = sampler.peak_snapshot.statistics("traceback")
        for stat in stats[: args.top]:
            frames = [f for f in stat.traceback if "nndesk" in f.filename] or list(stat.traceback)
            where = "  <-  ".join(f"{Path(f.filename).name}:{f.lineno}" for f in frames[-3:][::-1])
            print(f"  {stat.size / MB:7.1f} MB  {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
