"""How long does View > Language keep the window busy? (offscreen; not a test)

Builds the real window with the shipped models at 1024x700, visits every page (as after a
user's tour), then switches the language back and forth with ``nndesk.app.switch_language``,
the rebuild that "Switch now" runs on the GUI thread under a wait cursor. Each switch is timed
from the call until the new window is shown and the event loop is idle again. Prints
``switch_ms=`` (wall) and ``switch_cpu_ms=`` (GUI-thread CPU) per switch and their medians;
``--profile`` prints where the time of one switch goes.

``--ticks`` instead runs each switch from the event loop while a 5 ms timer ticks on the GUI
thread, and prints the longest gaps between ticks from the click until 1.5 s later
(``longest_block_ms=``, ``second_block_ms=``): how long the window answered nothing; and the
most GUI-thread CPU time spent between two ticks (``longest_block_cpu_ms=``), which waits for a
core on a loaded machine do not stretch. With
``--against DIR`` (the nndesk package of another checkout) it measures that one and this one in
turns, each in a fresh process, ``--rounds`` times.

    python benchmarks/bench_language.py
    python benchmarks/bench_language.py --ticks --against /path/to/main --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
HERE = Path(__file__).resolve()
sys.path.insert(0, os.environ.get("NNDESK_BENCH_CODE", str(HERE.parents[1])))

from gui_ticks import GuiTicks, in_turns, settle, without_against  # noqa: E402  (beside this file)
from scratch import leave_now, scratch_home  # noqa: E402  (beside this file)


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


def _ticked_switches(desk, switches: int) -> dict[str, list[float]]:
    """Each switch as "Switch now" makes it (the window's own switch, from the event loop); the
    GUI thread's longest blocks from then until 1.5 s after the last (the old window's deletion
    and the new one's first paints included)."""
    from PySide6.QtCore import QTimer

    from nndesk.ui import language

    figures: dict[str, list[float]] = {
        "longest_block_ms": [],
        "second_block_ms": [],
        "longest_block_cpu_ms": [],
    }
    ticks = GuiTicks()
    ticks.start()
    holder = [desk]
    for i in range(switches):
        code = "vi" if language.current_language() == "en" else "en"
        settle(300)
        start = ticks.now()

        def switch(c=code):  # as "Switch now" calls it: the window's own switch
            made = holder[0].coordinator.language_switch.switch_language(c)
            if hasattr(made, "finished"):  # a switch that goes on from the event loop
                made.finished.connect(lambda new: holder.__setitem__(0, new))
            else:
                holder[0] = made

        QTimer.singleShot(0, switch)
        settle(1500)
        settle(1000)  # a block longer than the first wait ends it: the paints after it
        gaps = ticks.gaps(start)
        figures["longest_block_ms"].append(round(float(gaps[0]), 1))
        figures["second_block_ms"].append(round(float(gaps[1]) if len(gaps) > 1 else 0.0, 1))
        cpu = ticks.cpu_gaps(start)
        figures["longest_block_cpu_ms"].append(round(float(cpu[0]), 1))
        print(
            f"switch {i + 1} to {code}: blocks_ms={[round(g) for g in gaps[:5]]} "
            f"blocks_cpu_ms={[round(c) for c in cpu[:5]]}",
            flush=True,
        )
    ticks.stop()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=6)
    parser.add_argument("--profile", action="store_true", help="cProfile one switch")
    parser.add_argument("--mode", choices=("digits", "garments"), default="garments")
    parser.add_argument("--ticks", action="store_true", help="the longest GUI-thread blocks")
    parser.add_argument("--against", metavar="DIR", help="another checkout, measured in turns")
    parser.add_argument("--rounds", type=int, default=2, help="turns each, with --against")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one turn's
    args = parser.parse_args(argv)
    if args.against is not None:
        runs = in_turns(HERE, without_against(argv), args.against, args.rounds)
        for label in ("before", "after"):
            for name in runs[label][0]:
                values = [v for figures in runs[label] for v in figures[name]]
                print(
                    f"{label}_{name}=median {statistics.median(values):.0f} "
                    f"({', '.join(f'{v:.0f}' for v in values)})"
                )
        print(f"load_average={min(runs['load']):.2f}-{max(runs['load']):.2f}")
        return 0
    scratch_home()

    from PySide6.QtWidgets import QApplication

    from nndesk import app as nndesk_app
    from nndesk.ui import language, theme

    app = QApplication.instance() or QApplication(sys.argv)
    theme.apply_theme(app, "light")
    language.use_language("en")
    if args.ticks:  # as nndesk runs: the imports' objects frozen, collections on the GUI thread
        from nndesk.ui.gui_collector import collect_on_gui_thread
        from nndesk.ui.startup_objects import freeze_startup_objects

        freeze_startup_objects()
        collect_on_gui_thread(app)
    desk = nndesk_app.build_window(mode=args.mode)
    desk.window.resize(1024, 700)
    desk.window.show()
    _settle(app, 1.0)
    for index in range(desk.window.tabs.count()):  # every page drawn once, as after a tour
        desk.window.tabs.setCurrentIndex(index)
        _settle(app, 0.3)
    desk.window.tabs.setCurrentWidget(desk.why_page)
    _settle(app, 0.5)

    if args.ticks:
        figures = _ticked_switches(desk, args.switches)
        if args.json:
            print("FIGURES " + json.dumps(figures), flush=True)
        else:
            for name, values in figures.items():
                print(f"{name}=median {statistics.median(values):.0f} ({values})")
            print(f"load_average={os.getloadavg()[0]:.1f}")
        leave_now(0)  # the closed windows' threads are ended; the teardown is not measured
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
