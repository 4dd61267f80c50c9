"""How long does the GUI thread block on a first tour of the window? (offscreen; not a test)

Builds the real window with the shipped models at 1280x760 and the datasets in ``--data-dir``,
then, with a 5 ms timer ticking on the GUI thread (``gui_ticks.GuiTicks``), does what a new user
does on a first tour: shows Evaluate (its evaluation runs and its matrix and charts are drawn),
clicks a matrix cell (Mistakes opens on it), shows Dataset, shows Map and draws a map, switches
to the dark theme, and starts a training run on the Train page. After each step the event loop
runs ``--settle`` ms (the workers' results arrive and are drawn meanwhile). Prints, per step, the
longest gap between two ticks beyond 5 ms (``<step>_block_ms=``: how long the window answered
nothing) and the most GUI-thread CPU time between two ticks (``<step>_block_cpu_ms=``: the
block's own work, which a loaded machine's waits for a core do not stretch), and the load.

``--against DIR`` measures the nndesk package in DIR (another checkout) and this one in turns,
each in a fresh process, ``--rounds`` times.

    python benchmarks/bench_tour.py --data-dir /path/to/data
    python benchmarks/bench_tour.py --data-dir /path/to/data --against /path/to/main --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from gui_ticks import GuiTicks, in_turns, settle, without_against  # beside this file
from scratch import scratch_folder  # beside this file

HERE = Path(__file__).resolve()
STEPS = ("evaluate", "matrix_click", "dataset", "map", "map_draw", "dark_theme", "train_start")


def _tour(args) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ["NNDESK_DATA_DIR"] = str(Path(args.data_dir).resolve())
    home = scratch_folder("nndesk-tour-")
    os.environ["NNDESK_HOME"] = home
    os.environ["XDG_CONFIG_HOME"] = home
    sys.path.insert(0, os.environ.get("NNDESK_BENCH_CODE", str(HERE.parents[1])))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from nndesk.app.desk import build_window
    from nndesk.ui import language, theme
    from nndesk.ui.gui_collector import collect_on_gui_thread
    from nndesk.ui.startup_objects import freeze_startup_objects

    theme.apply_theme(app, "system")  # as nndesk.app.startup does: its style is kept later
    language.use_language("en")
    freeze_startup_objects()  # as nndesk.app.startup does
    collect_on_gui_thread(app)
    desk = build_window(mode=args.mode)
    window = desk.window
    window.resize(1280, 760)
    window.show()
    settle(3000)  # the model read, the first paints
    ticks = GuiTicks()
    ticks.start()
    figures: dict[str, float] = {}

    def step(name, action, until=lambda: True) -> None:
        """``action()``, then the event loop until ``until()`` and ``--settle`` ms more."""
        profile = None
        if args.profile == name:
            import cProfile

            profile = cProfile.Profile()
            profile.enable()
        start = ticks.now()
        action()
        while not until():
            settle(100)
        settle(args.settle)
        figures[f"{name}_block_ms"] = round(float(ticks.gaps(start)[0]), 1)
        figures[f"{name}_block_cpu_ms"] = round(float(ticks.cpu_gaps(start)[0]), 1)
        if profile is not None:
            import pstats

            profile.disable()
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(45)

    step(
        "evaluate",
        lambda: window.tabs.setCurrentWidget(desk.evaluate_page),
        until=lambda: desk.evaluation.result() is not None,  # evaluated, then drawn
    )
    step("matrix_click", lambda: desk.evaluate_page.cell_clicked.emit(6, 0))
    step("dataset", lambda: window.tabs.setCurrentWidget(desk.dataset_page))
    step("map", lambda: window.tabs.setCurrentWidget(desk.map_page))
    maps = []
    desk.explore.map_ready.connect(maps.append)
    step("map_draw", desk.map_page.draw_button.click, until=lambda: bool(maps))
    window.tabs.setCurrentWidget(desk.why_page)
    settle(500)
    step("dark_theme", lambda: window.theme_change_requested.emit("dark"))
    window.tabs.setCurrentWidget(desk.train_page)
    settle(1000)
    step("train_start", desk.train_page.train_button.click)
    desk.train_page.stop_button.click()
    while desk.training.is_running():
        settle(200)
    ticks.stop()
    figures["load"] = round(os.getloadavg()[0], 2)
    window.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="folder with mnist/ and fashion-mnist/")
    parser.add_argument("--mode", default="garments", choices=("digits", "garments"))
    parser.add_argument("--settle", type=int, default=2500, help="ms of event loop after a step")
    parser.add_argument("--against", metavar="DIR", help="another checkout, measured in turns")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="one line FIGURES <json>")
    parser.add_argument("--profile", metavar="STEP", choices=STEPS, help="cProfile one step")
    args = parser.parse_args(argv)
    if args.against:
        runs = in_turns(HERE, without_against(argv), args.against, args.rounds)
        print(f"load={runs['load']}")
        for name in STEPS:
            for kind in ("block_ms", "block_cpu_ms"):
                key = f"{name}_{kind}"
                before = [run[key] for run in runs["before"]]
                after = [run[key] for run in runs["after"]]
                print(
                    f"{key}: before median {statistics.median(before)} {before} | "
                    f"after median {statistics.median(after)} {after}"
                )
        return 0
    figures = _tour(args)
    if args.json:
        print("FIGURES " + json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}={value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
