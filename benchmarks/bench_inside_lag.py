"""How far behind the run are Train > Inside's charts while it trains? (offscreen; not a test)

verify57 saw the Inside charts' x axis end at ~0.37 epoch with the progress bar at 61 %. A
Train page (1024x640, the page of a 1024x700 window) trains ``--preset`` for ``--seconds``
with its Inside tab shown. Each render shown is compared with the run as it is then: ``lag``
(epochs between the batch the progress bar shows and the last sample in the picture) when it
appears and just before the next one replaces it, and ``age`` (seconds since the render that
drew it began). Also the renders' wall time, the gap between two pictures, ``pool_wait``
(seconds a render asked for waited for the one-thread render pool) and
``first_data_picture_s`` (seconds from the run's first batch to the first picture with a
measurement in it).

    python benchmarks/bench_inside_lag.py --data-dir ../shared/data/fashion-mnist
    python benchmarks/bench_inside_lag.py --data-dir ../shared/data/mnist \
        --preset mnist-relu-sigmoid-unit
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from train_page import train_page  # noqa: E402  beside this file


def _summary(name: str, values: list[float], unit: str, digits: int) -> str:
    if not values:
        return f"{name}=none"
    med, top = statistics.median(values), max(values)
    return f"{name}_median={med:.{digits}f}{unit} {name}_max={top:.{digits}f}{unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="folder with the dataset's IDX files")
    parser.add_argument("--preset", default="fashion-cnn-lab")
    parser.add_argument("--seconds", type=float, default=40.0, help="time the run is watched")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QEventLoop

    from nndesk.presets import get_preset
    from nndesk.ui import inside_training_view as view_module

    app, training, panel = train_page(args.data_dir)
    finished: list[tuple[float, float, float]] = []  # (copied at, last sample's x, done at)
    original = view_module.render_inside_charts

    def render_inside_charts(record, *a, **k):
        begun = time.perf_counter()
        x = record.samples[-1].x if record.samples else 0.0
        result = original(record, *a, **k)  # Superseded: not shown, not counted
        finished.append((begun, x, time.perf_counter()))
        return result

    view_module.render_inside_charts = render_inside_charts
    asked: list[float] = []  # when each render was asked for (the record copied then)
    ask = view_module.InsideTrainingView.render_now

    def render_now(view) -> None:
        asked.append(time.perf_counter())
        ask(view)

    view_module.InsideTrainingView.render_now = render_now
    progress = [0.0]  # the run's position in epochs, as the progress bar has it
    first_batch: list[float] = []  # when the progress bar first moved

    def on_batches(reports) -> None:
        last = reports[-1]
        progress[0] = last.epoch - 1 + last.batch / last.batches
        if not first_batch:
            first_batch.append(time.perf_counter())

    training.batches_finished.connect(on_batches)
    shown: list[tuple[float, float, float, float]] = []  # (at, copied at, x, progress then)

    def on_rendered() -> None:
        if finished:
            begun, x, _ = finished[-1]
            shown.append((time.perf_counter(), begun, x, progress[0]))

    panel.inside_view.rendered.connect(on_rendered)
    panel.tabs.setCurrentWidget(panel.inside_page)
    config = get_preset(args.preset).config.replace(epochs=50)  # outlasts the watch
    if not panel.start_training(config):
        print("could not start training", file=sys.stderr)
        return 2
    panel.tabs.setCurrentWidget(panel.inside_page)  # Train showed Live before s58

    def wait(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    while progress[0] == 0.0:  # the data loaded and the first batches done
        wait(0.2)
    wait(3.0)
    watched_from = time.perf_counter()
    marks: list[tuple[float, float]] = []  # (time, progress) every 50 ms: the progress later
    end = watched_from + args.seconds
    while time.perf_counter() < end:
        wait(0.05)
        marks.append((time.perf_counter(), progress[0]))
    training.stop()
    view_module.render_inside_charts = original
    view_module.InsideTrainingView.render_now = ask
    pictures = [s for s in shown if s[0] >= watched_from]

    def progress_at(t: float) -> float:
        before = [p for at, p in marks if at <= t]
        return before[-1] if before else 0.0

    # the first picture with a measurement in it, after the first batch
    with_data = [at for at, _, x, _ in shown if x > 0]
    first_data = with_data[0] - first_batch[0] if with_data and first_batch else float("nan")
    lag_shown = [p - x for _, _, x, p in pictures]
    lag_replaced = [progress_at(b[0]) - a[2] for a, b in zip(pictures, pictures[1:], strict=False)]
    age_shown = [at - begun for at, begun, _, _ in pictures]
    age_replaced = [b[0] - a[1] for a, b in zip(pictures, pictures[1:], strict=False)]
    gaps = [b[0] - a[0] for a, b in zip(pictures, pictures[1:], strict=False)]
    renders = [done - begun for begun, _, done in finished if begun >= watched_from]
    waits = [
        begun - max([a for a in asked if a <= begun], default=begun)
        for begun, _, _ in finished
        if begun >= watched_from
    ]
    epochs = progress[0] - progress_at(watched_from)
    print(
        f"preset={args.preset} watched_s={args.seconds:.0f} "
        f"epochs_per_s={epochs / args.seconds:.3f} pictures={len(pictures)}"
    )
    print(
        _summary("render", [1000 * r for r in renders], "ms", 0),
        f"first_data_picture_s={first_data:.2f}",
    )
    print(_summary("gap", gaps, "s", 2), _summary("pool_wait", waits, "s", 2))
    print(
        _summary("lag_shown", lag_shown, "ep", 3) + " " + _summary("age_shown", age_shown, "s", 2)
    )
    print(
        _summary("lag_replaced", lag_replaced, "ep", 3),
        _summary("age_replaced", age_replaced, "s", 2),
    )
    print(f"load_average={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
    wait(2.0)
    panel.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
