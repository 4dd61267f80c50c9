"""How late does the GUI thread get while the training panel trains? (offscreen; not a test)

Trains the Fashion MLP preset from the panel for 2 epochs while a 5 ms QTimer ticks on the GUI
thread; each tick's lateness (gap beyond 5 ms) is a stall the user would feel. Prints
``stall_p99_ms=`` and ``stall_max_ms=`` (target: p99 <= 30 ms), plus throughput and redraws.
``--runs N`` trains N runs one after another in the same window (default 2: the second run
must keep its threads as the first did) and prints each run's stalls, then the worst run's as the
figures above. ``--tab inside`` shows the Inside tab instead of the curves while it trains.
``--split processes|threads`` puts a split CNN batch's other parts in helper processes or
on threads whatever the load (``--threads 2`` makes the run split its batches).
``--race`` races the first comparison (SGD, momentum, Adam) on the Race tab instead of training
runs, on the lab preset of the preset's dataset (fashion-mlp-lab for Fashion), and prints how
often the race chart was refreshed (``chart_gap_*``: seconds between two new images on screen;
target at most 1 s).

    python benchmarks/bench_gui.py --data-dir ../shared/data/fashion-mnist
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from ablation import add_without_flag, turn_off  # noqa: E402  (benchmarks/, beside this file)
from scratch import scratch_home  # beside this file

TICK_MS = 5


def _without_gui_core() -> None:
    """Let BLAS use every core beside the window (no core kept for the GUI thread)."""
    from nndesk.training import runtime

    runtime.GUI_CORES = 0


#: Parts of nndesk/training/runtime.py's rule that ``--without`` turns off.
ABLATIONS = {"gui-core": _without_gui_core}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="folder with the Fashion-MNIST IDX files")
    parser.add_argument("--preset", default="fashion-mlp-lab")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2, help="runs one after another (not --race)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--verbose", action="store_true", help="print the worst stalls")
    parser.add_argument("--screenshot", metavar="PNG", help="save the panel as it ends")
    parser.add_argument(
        "--tab",
        choices=("live", "inside"),
        default="live",
        help="the page shown while training: the curves, or the Inside tab (rendered off the "
        "GUI thread every second)",
    )
    parser.add_argument(
        "--idle",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="baseline: measure the same timer for SECONDS with no training (machine noise)",
    )
    parser.add_argument(
        "--race",
        action="store_true",
        help="race three lanes (SGD, momentum, Adam) on the Race tab instead of training one run",
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="the run's threads (default: the preset's)"
    )
    parser.add_argument(
        "--split",
        choices=("processes", "threads"),
        default=None,
        help="where a split CNN batch's other parts run: helper processes or threads of the "
        "window's process; default: the product's choice, by the machine's load (runtime.plan)",
    )
    add_without_flag(parser, ABLATIONS)
    args = parser.parse_args(argv)
    turn_off(args.without, ABLATIONS)
    if args.split is not None:
        from nndesk.training import runtime

        runtime.PARTS_IN_PROCESSES = args.split == "processes"
    scratch_home()

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from nndesk.controllers.race import RaceController
    from nndesk.controllers.run_list import RunListReader
    from nndesk.controllers.training import TrainingController
    from nndesk.data import load_dataset
    from nndesk.presets import get_preset
    from nndesk.ui.training_panel import TrainingPanel

    app = QApplication.instance() or QApplication([])

    def provider(name: str):
        return load_dataset(name, data_dir=args.data_dir, allow_download=False)

    race = RaceController(provider) if args.race else None
    training = TrainingController(provider)
    panel = TrainingPanel(training, RunListReader(training.store), race=race)
    panel.resize(args.width, args.height)
    panel.show()
    if args.tab == "inside":
        panel.tabs.setCurrentWidget(panel.inside_page)
    config = get_preset(args.preset).config.replace(epochs=args.epochs)
    if args.threads is not None:
        config = config.replace(threads=args.threads)
    if args.race:
        # the lanes start from the lab preset of the window's mode: the preset's dataset's
        from nndesk.data.registry import get_spec

        panel.follow_mode(get_spec(config.dataset).preprocess)
        panel.tabs.setCurrentWidget(panel.race_page)
    app.processEvents()

    ticks: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    phases: list[tuple[float, str]] = []
    panel.plot.canvas.mpl_connect(
        "draw_event", lambda e: phases.append((clock.nsecsElapsed() / 1e6, "full redraw"))
    )
    panel.controller.status_changed.connect(
        lambda text: phases.append((clock.nsecsElapsed() / 1e6, text))
    )
    epochs: list = []
    batches = [0]
    panel.controller.epoch_finished.connect(epochs.append)
    panel.controller.batches_finished.connect(
        lambda rs: batches.__setitem__(0, batches[0] + len(rs))
    )
    loop = QEventLoop()
    running = race if args.race else panel.controller
    running.running_changed.connect(lambda running: None if running else loop.quit())
    charts: list[float] = []  # when each new race chart reached the screen
    if args.race:
        panel.race_view.rendered.connect(lambda: charts.append(clock.nsecsElapsed() / 1e6))
        race.status_changed.connect(lambda text: phases.append((clock.nsecsElapsed() / 1e6, text)))
    clock.start()
    timer.start()
    t0 = time.perf_counter()
    if args.idle:
        QTimer.singleShot(int(args.idle * 1000), loop.quit)
        loop.exec()
        ticks_idle = np.diff(np.asarray(ticks)) - TICK_MS
        late = np.maximum(ticks_idle, 0.0)
        print(f"idle_seconds={args.idle} ticks={len(ticks)}")
        print(f"stall_p99_ms={np.percentile(late, 99):.1f}")
        print(f"stall_max_ms={late.max():.1f}")
        print(f"load_average={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
        return 0
    if args.race:
        panel.race_view.use_comparison(0)  # SGD vs momentum vs Adam
        panel.race_view.epochs.setValue(args.epochs)  # the race's own epochs
        if not panel.race_view.start_race():
            print(f"could not race: {panel.race_view.error.text()}", file=sys.stderr)
            return 2
        loop.exec()
        spans = [(0, len(ticks))]
    else:
        spans = []  # each run's first and last tick
        for run in range(1, max(1, args.runs) + 1):
            first = len(ticks)
            if not panel.start_training(config):
                print("could not start training", file=sys.stderr)
                return 2
            loop.exec()
            spans.append((first, len(ticks)))
            run_late = np.maximum(np.diff(np.asarray(ticks[first:])) - TICK_MS, 0.0)
            print(
                f"run={run} stall_p99_ms={np.percentile(run_late, 99):.1f} "
                f"stall_max_ms={run_late.max():.1f}"
            )
    seconds = time.perf_counter() - t0
    timer.stop()

    # the worst run's stalls (gaps between runs, when nothing trains, left out)
    runs_late = [np.maximum(np.diff(np.asarray(ticks[a:b])) - TICK_MS, 0.0) for a, b in spans]
    late = max(runs_late, key=lambda r: np.percentile(r, 99))
    if args.race:
        batches[0] = sum(len(c.batch_x) for c in race.curves)
        epochs = [e for c in race.curves for e in c.epochs]
        for r in race.results:
            print(f"lane={r.name!r} epochs={r.epochs} test_accuracy={r.test_accuracy:.4f}")
    print(f"preset={args.preset} epochs={len(epochs)}", end=" ")  # a race: summed over lanes
    print(f"batches={batches[0]} seconds={seconds:.1f}")
    if epochs and not args.race:
        last = epochs[-1]
        accuracy = "-" if last.val_accuracy is None else f"{last.val_accuracy:.4f}"
        print(
            f"train_accuracy={last.train_accuracy:.4f} val_accuracy={accuracy} "
            "train_seconds_per_epoch=" + ",".join(f"{e.seconds:.1f}" for e in epochs)
        )
    print(
        f"redraws={panel.plot.draw_count} full_redraws={panel.plot.full_draw_count} "
        f"ticks={len(ticks)}"
    )
    if args.race:
        # from the first chart to the last batch (the test pass after it draws nothing new)
        gaps_s = np.diff(np.asarray(charts)) / 1000 if len(charts) > 1 else np.array([np.nan])
        print(
            f"race_lanes={len(race.lanes)} charts={len(charts)} "
            f"chart_gap_p50_s={np.median(gaps_s):.2f} chart_gap_max_s={np.max(gaps_s):.2f}"
        )
    print(f"stall_p50_ms={np.percentile(late, 50):.1f}")
    print(f"stall_p99_ms={np.percentile(late, 99):.1f}")
    print(f"stall_max_ms={late.max():.1f}")
    if args.verbose:
        print("phases:", ", ".join(f"{t / 1000:.2f}s {text}" for t, text in phases))
        for i in np.argsort(-late)[:10]:
            # a race: how long before the stall ended the last chart reached the screen
            since = [ticks[i + 1] - c for c in charts if c <= ticks[i + 1]]
            chart = f" ({min(since):.0f} ms after a chart)" if since else ""
            print(f"  stall {late[i]:.0f} ms at {ticks[i] / 1000:.2f}s{chart}")
    print(f"load_average={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
    print(f"without={','.join(args.without) or '-'}")
    if args.split is not None:
        print(f"split={args.split} threads={config.threads}")
    if args.screenshot:
        QTimer.singleShot(300, loop.quit)
        loop.exec()
        panel.grab().save(args.screenshot)
    panel.shutdown()
    if race is not None:
        race.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
