"""How fast does Train > Inside draw, and how closely does it follow a run? (offscreen; not a test)

Two parts. Without ``--data-dir`` only the first:

1. *render*: the Inside tab's six charts of a run like a newcomer's (three dense layers, one
   epoch) rendered at the tab's sizes in a 1024x700 and a 1280x760 window. Prints per size
   ``render_ms=`` (median and best of ``--repeat``; ``cpu_ms=`` the thread's CPU time, less
   moved by a loaded machine), ``figure_draws=`` (matplotlib ``Figure.draw`` calls per
   picture), ``agg_draws=`` (``FigureCanvasAgg.draw``: a layout and a rasterisation each) and
   ``layouts=`` (constrained-layout passes, in a draw or on their own).
2. *run* (``--data-dir``): a Train page (1024x640, the page of a 1024x700 window) trains
   ``--preset`` for ``--epochs``, ``--runs`` times one after another; at each run's first
   batch report the Inside tab is shown, as a person would turn to it. Per run it prints
   ``first_picture_s=`` (from the run's start to its first picture on screen),
   ``old_picture_shown=`` (a picture of the run before on screen after this one started),
   ``first_batch_text=`` (what the tab said as it was shown, and at the next report),
   ``lag_after_end_s=`` (from the run's end to the picture with its last epoch on screen),
   ``renders_begun=`` and ``pictures_shown=`` (the difference: renders given up for a newer
   one) and the figure draws per render begun.

    python benchmarks/bench_inside.py
    python benchmarks/bench_inside.py --data-dir ../shared/data/mnist --runs 2
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from train_page import train_page  # beside this file

#: The Inside tab's picture in a 1024x700 and a 1280x760 window (Train page, settings beside).
SIZES = [(544, 390), (626, 470)]


class DrawCounter:
    """Counts matplotlib's Figure draws, Agg rasterisations and constrained-layout passes (in
    part 2 only those off the GUI thread: the Inside renders, not the live curves)."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        self.figure = self.agg = self.layouts = 0
        self.on_gui = True  # count draws on the GUI thread too (part 1; part 2: renders only)
        counter = self

        def wrap(cls, name, field):
            original = getattr(cls, name)

            def counted(self, *args, **kwargs):
                if threading.current_thread() is not threading.main_thread() or counter.on_gui:
                    setattr(counter, field, getattr(counter, field) + 1)
                return original(self, *args, **kwargs)

            setattr(cls, name, counted)

        wrap(Figure, "draw", "figure")
        wrap(FigureCanvasAgg, "draw", "agg")
        wrap(ConstrainedLayoutEngine, "execute", "layouts")

    def reset(self) -> None:
        self.figure = self.agg = self.layouts = 0


def walk_record():
    """Three dense layers after one epoch, as in a newcomer's walk (784-64-64-10, Adam)."""
    from nndesk.training.internals import (
        HISTOGRAM_BINS,
        EpochWeights,
        InsideRecord,
        InsideSample,
        LayerSample,
    )

    rng = np.random.default_rng(1)
    samples = []
    for x in np.linspace(0.005, 1.0, 150):
        norms = np.clip([6 * math.exp(-3 * x), 1.2, 1.4] * (1 + 0.3 * rng.random(3)), 0.5, 6)
        layers = tuple(
            LayerSample(float(n), u, d)
            for n, u, d in zip(norms, (5e-3, 1.2e-3, 1.1e-3), (0.2, 0.15, math.nan), strict=True)
        )
        samples.append(InsideSample(float(x), layers))
    edges = tuple(np.linspace(-1, 1, HISTOGRAM_BINS + 1) for _ in range(3))

    def weights(epoch: int) -> EpochWeights:
        counts = tuple(np.histogram(rng.normal(0, 0.3, 5000), edges[0])[0] for _ in range(3))
        return EpochWeights(epoch, counts, edges, rng.normal(size=(8, 28, 28)).astype(np.float32))

    names = ["Dense 784→64", "Dense 64→64", "Dense 64→10"]
    return InsideRecord(names, samples, weights(0), [weights(1)])


def bench_render(repeat: int, counter: DrawCounter) -> None:
    from nndesk.ui import inside_training_view as view_module

    record = walk_record()
    for w, h in SIZES:
        view_module.render_inside(record, w, h)  # fonts and caches warm
        times, cpu = [], []
        for _ in range(repeat):
            counter.reset()
            t0, c0 = time.perf_counter(), time.thread_time()
            view_module.render_inside(record, w, h)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
        print(
            f"render size={w}x{h} render_ms={statistics.median(times):.0f} "
            f"best_ms={min(times):.0f} cpu_ms={statistics.median(cpu):.0f} "
            f"figure_draws={counter.figure} agg_draws={counter.agg} layouts={counter.layouts}"
        )


def bench_run(args, counter: DrawCounter) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from nndesk.presets import get_preset
    from nndesk.ui import inside_training_view as view_module

    app, training, panel = train_page(args.data_dir)
    view = panel.inside_view
    counter.on_gui = False
    config = get_preset(args.preset).config.replace(epochs=args.epochs)

    clock0 = time.perf_counter()

    def now() -> float:
        return time.perf_counter() - clock0

    # every render started: the record it drew (by identity of its first sample and sizes)
    started: list[tuple[int, int, int]] = []  # (run, samples, epochs) of each render drawn
    original = view_module.render_inside_charts  # what the view calls

    def render_inside_charts(record, *a, **k):
        started.append((run_no[0], len(record.samples), len(record.epochs)))
        return original(record, *a, **k)

    view_module.render_inside_charts = render_inside_charts
    run_no = [0]
    shown: list[tuple[float, int]] = []  # (time, renders started before it) per rendered
    view.rendered.connect(lambda: shown.append((now(), len(started))))
    events: dict[str, float] = {}
    first_batch_text = [""]

    def on_batches(_reports) -> None:
        if "first_batch" not in events:
            events["first_batch"] = now()
            # Train shows the curves: the user turns to Inside as the first batches come
            panel.tabs.setCurrentWidget(panel.inside_page)
            first_batch_text[0] = view.image.text() or "(a picture)"
        elif "second_batch" not in events:  # the tab shown, its first render asked
            events["second_batch"] = now()
            first_batch_text[0] += " -> " + (view.image.text() or "(a picture)")

    training.batches_finished.connect(on_batches)
    training.run_started.connect(lambda _run: events.setdefault("started", now()))
    training.run_ended.connect(lambda _e: events.setdefault("ended", now()))
    loop = QEventLoop()
    training.running_changed.connect(lambda running: None if running else loop.quit())
    old_picture = [False]

    def old_picture_check() -> None:
        # after the new run started and before its first picture: is a picture on screen?
        on_screen = started[shown[-1][1] - 1][0] if shown else None  # whose picture
        if "started" in events and on_screen != run_no[0] and not view.image.pixmap().isNull():
            old_picture[0] = True

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(old_picture_check)
    for run in range(1, args.runs + 1):
        run_no[0] = run
        events.clear()
        first_batch_text[0] = ""
        old_picture[0] = False
        before = len(started)
        shown_before = len(shown)
        counter.reset()
        poll.start()
        if not panel.start_training(config):
            print("could not start training", file=sys.stderr)
            return 2
        loop.exec()
        # the run's last picture: a render of every sample and epoch the run made
        final = (run, len(training.inside.samples), len(training.inside.epochs))
        deadline = time.perf_counter() + 60
        while time.perf_counter() < deadline and not any(
            started[n - 1] == final for _, n in shown[shown_before:]
        ):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        poll.stop()
        final_at = next((t for t, n in shown[shown_before:] if started[n - 1] == final), math.nan)
        renders = len(started) - before
        pictures = len(shown) - shown_before
        first = next((t for t, n in shown[shown_before:]), math.nan)
        print(
            f"run={run} first_picture_s={first - events.get('started', math.nan):.1f} "
            f"old_picture_shown={old_picture[0]} first_batch_text={first_batch_text[0]!r}"
        )
        print(
            f"run={run} lag_after_end_s={final_at - events.get('ended', math.nan):.2f} "
            f"renders_begun={renders} pictures_shown={pictures} "
            f"figure_draws_per_render={counter.figure / max(renders, 1):.1f} "
            f"agg_draws_per_render={counter.agg / max(renders, 1):.1f}"
        )
    view_module.render_inside_charts = original
    print(f"preset={args.preset} epochs={args.epochs}")
    panel.shutdown()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="renders per size (part 1)")
    parser.add_argument("--data-dir", help="folder with the dataset's IDX files: part 2 too")
    parser.add_argument("--preset", default="mnist-relu-sigmoid-unit")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    counter = DrawCounter()
    bench_render(args.repeat, counter)
    done = bench_run(args, counter) if args.data_dir else 0
    print(f"load_average={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
    return done


if __name__ == "__main__":
    raise SystemExit(main())
