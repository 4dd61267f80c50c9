"""What does looking at Train > Inside cost a run? (offscreen; not a test)

A Train page (1024x640, the page of a 1024x700 window) trains ``--preset`` while its sub-tab
takes turns between Live and Inside, ``--phase`` seconds each, ``--rounds`` times (a teacher
projecting Inside during the CNN lab: walk54 D1 read 55-61 batches/s with Live shown and 29-30
with Inside, its renders almost back to back). Per phase it prints ``batches_per_s=``; then
the median per tab, ``inside_over_live=`` (batches/s with Inside shown over with Live shown:
1.0 costs nothing), the renders begun with Inside shown and their median wall and CPU time
(``render_ms=``, ``render_cpu_ms=``) and ``render_share=`` (the renders' wall time over the
Inside phases' time).

    python benchmarks/bench_inside_cost.py --data-dir ../shared/data/fashion-mnist
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="folder with the dataset's IDX files")
    parser.add_argument("--preset", default="fashion-cnn-lab")
    parser.add_argument("--phase", type=float, default=15.0, help="seconds a tab is shown")
    parser.add_argument("--rounds", type=int, default=3, help="Live then Inside, this many times")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QEventLoop

    from nndesk.presets import get_preset
    from nndesk.ui import inside_training_view as view_module

    app, training, panel = train_page(args.data_dir)

    renders: list[tuple[float, float, float]] = []  # (start, wall s, cpu s) of each render
    original = view_module.render_inside_charts

    def render_inside_charts(*a, **k):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            return original(*a, **k)
        finally:
            renders.append((t0, time.perf_counter() - t0, time.thread_time() - c0))

    view_module.render_inside_charts = render_inside_charts
    batches = [0]
    training.batches_finished.connect(
        lambda reports: batches.__setitem__(0, batches[0] + len(reports))
    )
    config = get_preset(args.preset).config.replace(epochs=50)  # outlasts the phases
    if not panel.start_training(config):
        print("could not start training", file=sys.stderr)
        return 2

    def wait(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    while batches[0] < 20:  # the data loaded and the first batches done
        wait(0.2)
    wait(3.0)
    rates: dict[str, list[float]] = {"live": [], "inside": []}
    inside_spans: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        for tab, page in (("live", panel.live_page), ("inside", panel.inside_page)):
            panel.tabs.setCurrentWidget(page)
            wait(1.0)  # the switch settles (the first Inside render is asked at once)
            n0, t0 = batches[0], time.perf_counter()
            wait(args.phase)
            n1, t1 = batches[0], time.perf_counter()
            rates[tab].append((n1 - n0) / (t1 - t0))
            if tab == "inside":
                inside_spans.append((t0, t1))
            print(f"tab={tab} batches_per_s={rates[tab][-1]:.1f}", flush=True)
    training.stop()
    view_module.render_inside_charts = original
    live, inside = statistics.median(rates["live"]), statistics.median(rates["inside"])
    within = [r for r in renders if any(a <= r[0] < b for a, b in inside_spans)]
    shown_s = sum(b - a for a, b in inside_spans)
    print(
        f"preset={args.preset} live_batches_per_s={live:.1f} inside_batches_per_s={inside:.1f} "
        f"inside_over_live={inside / live:.3f}"
    )
    if within:
        print(
            f"renders={len(within)} in {shown_s:.0f} s "
            f"render_ms={1000 * statistics.median(w for _, w, _ in within):.0f} "
            f"render_cpu_ms={1000 * statistics.median(c for _, _, c in within):.0f} "
            f"render_share={sum(w for _, w, _ in within) / shown_s:.2f}"
        )
    print(f"load_average={os.getloadavg()[0]:.2f} cores={os.cpu_count()}")
    wait(2.0)
    panel.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
