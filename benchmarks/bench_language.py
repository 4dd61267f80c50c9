"""How long does View > Language keep the window busy? (offscreen; not a test)

Builds the real window with the shipped models at 1024x700, visits every page (as after a
user's tour), then switches the language back and forth with ``nndesk.app.switch_language``,
the rebuild that "Switch now" runs on the GUI thread under a wait cursor. Each switch is timed
from the call until the new window is shown and the event loop is idle again. Prints
``switch_ms=`` (wall) and ``switch_cpu_ms=`` (GUI-thread CPU) per switch and their medians;
``--profile`` prints where the time of one switch goes.

    python benchmarks/bench_language.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _settle(app, seconds: float = 0.3) -> None:
    """Run the event loop until nothing has happened for a while (timers, deferred draws)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _switch(app, nndesk_app, desk, code: str):
    from PySide6.QtCore import QEvent

    """(new desk, wall ms, GUI-thread CPU ms) of one rebuild and the events it queued."""
    t0, c0 = time.perf_counter(), time.thread_time()
    new = nndesk_app.switch_language(desk, code)
    for _ in range(20):  # deferred draws of the new one
        app.processEvents()
    # the old window's deletion (app.exec() would run it; this loop is not app.exec())
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return new, 1000 * (time.perf_counter() - t0), 1000 * (time.thread_time() - c0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=6)
    parser.add_argument("--profile", action="store_true", help="cProfile one switch")
    parser.add_argument("--mode", choices=("digits", "garments"), default="garments")
    args = parser.parse_args(argv)
    os.environ.setdefault("NNDESK_HOME", tempfile.mkdtemp(prefix="nndesk-bench-"))

    from PySide6.QtWidgets import QApplication

    from nndesk import app as nndesk_app
    from nndesk.ui import language, theme

    app = QApplication.instance() or QApplication(sys.argv)
    theme.apply_theme(app, "light")
    language.use_language("en")
    desk = nndesk_app.build_window(mode=args.mode)
    desk.window.resize(1024, 700)
    desk.window.show()
    _settle(app, 1.0)
    for index in range(desk.window.tabs.count()):  # every page drawn once, as after a tour
        desk.window.tabs.setCurrentIndex(index)
        _settle(app, 0.3)
    desk.window.tabs.setCurrentWidget(desk.why_page)
    _settle(app, 0.5)

    walls, cpus = [], []
    for i in range(args.switches):
        code = "vi" if i % 2 == 0 else "en"
        desk, wall, cpu = _switch(app, nndesk_app, desk, code)
        walls.append(wall)
        cpus.append(cpu)
        print(
            f"switch {i + 1} to {code}: switch_ms={wall:.0f} switch_cpu_ms={cpu:.0f} "
            f"widgets={len(app.allWidgets())}"
        )
        _settle(app, 0.3)
    print(f"median_ms={statistics.median(walls):.0f} median_cpu_ms={statistics.median(cpus):.0f}")
    print(f"load_average={os.getloadavg()[0]:.1f}")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        code = "en" if language.current_language() == "vi" else "vi"
        profiler.enable()
        desk, _, _ = _switch(app, nndesk_app, desk, code)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    desk.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
