"""What does View > Theme cost the GUI thread? (offscreen; not a test)

Builds the real window with the shipped models at 1024x700, visits every page (so each chart
has been drawn, as after a user's tour), evaluates the model when ``--data-dir`` is given (the
Evaluate page's matrix and trust charts are then full), then switches the theme back and forth.
Each switch is timed as the GUI thread's CPU time from the menu click until the event loop is
idle again (deferred chart redraws included). Prints ``switch_cpu_ms=`` per switch and
``median_cpu_ms=``; ``--profile`` prints where the time of one switch goes.

    python benchmarks/bench_theme.py --data-dir /path/to/data
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from scratch import scratch_home  # beside this file

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _settle(app, seconds: float = 0.3) -> None:
    """Run the event loop until nothing has happened for a while (timers, deferred draws)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _switch(app, window, name: str) -> float:
    """GUI-thread CPU milliseconds of one View > Theme click and what it queued."""
    t0 = time.thread_time()
    window.theme_actions[name].trigger()
    for _ in range(20):  # deferred draws (draw_idle) run from the event loop
        app.processEvents()
    return 1000 * (time.thread_time() - t0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="folder with mnist/ and fashion-mnist/ (optional)")
    parser.add_argument("--switches", type=int, default=6)
    parser.add_argument("--profile", action="store_true", help="cProfile one switch")
    parser.add_argument("--mode", choices=("digits", "garments"), default="garments")
    args = parser.parse_args(argv)
    scratch_home()
    if args.data_dir:
        os.environ["NNDESK_DATA_DIR"] = args.data_dir

    from PySide6.QtWidgets import QApplication

    from nndesk import app as nndesk_app
    from nndesk.ui import theme

    app = QApplication.instance() or QApplication(sys.argv)
    theme.apply_theme(app, "light")
    desk = nndesk_app.build_window(mode=args.mode)
    window = desk.window
    window.resize(1024, 700)
    window.show()
    _settle(app, 1.0)
    if args.data_dir:
        window.tabs.setCurrentWidget(desk.evaluate_page)
        deadline = time.perf_counter() + 300
        while desk.evaluation.result() is None and time.perf_counter() < deadline:
            _settle(app, 0.2)
        _settle(app, 2.0)
    for index in range(window.tabs.count()):  # every page drawn once, as after a tour
        window.tabs.setCurrentIndex(index)
        _settle(app, 0.5)
    window.tabs.setCurrentWidget(desk.why_page)
    _settle(app, 1.0)
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    charts = window.findChildren(FigureCanvasQTAgg)
    print(f"charts={len(charts)} widgets={len(app.allWidgets())} page=Why size=1024x700")
    times = []
    for i in range(args.switches):
        name = "dark" if i % 2 == 0 else "light"
        ms = _switch(app, window, name)
        times.append(ms)
        print(f"switch_to={name} switch_cpu_ms={ms:.0f}")
        _settle(app, 0.3)
    times.sort()
    print(f"median_cpu_ms={times[len(times) // 2]:.0f}")
    # what the pages not on screen cost when they are next opened (once each, after a switch)
    _switch(app, window, "dark")
    later = 0.0
    for index in range(window.tabs.count()):
        t0 = time.thread_time()
        window.tabs.setCurrentIndex(index)
        for _ in range(20):
            app.processEvents()
        later += time.thread_time() - t0
    print(f"pages_opened_after_switch_cpu_ms={1000 * later:.0f} (every page once)")
    if args.profile:
        import cProfile
        import pstats

        window.tabs.setCurrentWidget(desk.why_page)
        _settle(app, 0.5)
        profiler = cProfile.Profile()
        profiler.enable()
        _switch(app, window, "light")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
