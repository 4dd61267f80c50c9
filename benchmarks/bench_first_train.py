"""How long does the first Train click of a session block the GUI thread? (offscreen; not a test)

Builds the real window at 1024x700 in Clothing mode (as ``nndesk`` does: the imports' objects
frozen, garbage collected on the GUI thread), opens the Train page with ``--preset``, and
clicks Train once; a 5 ms timer ticks on the GUI thread. Prints the longest gaps between ticks
(beyond 5 ms) in the ``--seconds`` after the click, the most GUI-thread CPU time between two
ticks (``longest_cpu_ms``: the block's own work, without its waits for the GIL or a core) and
the Live plot's constrained layouts, each followed by a full draw (``full_draws_laid_out=``).
Needs Fashion-MNIST (``--data-dir``, holding fashion-mnist/).

``--against DIR`` measures the nndesk package in DIR (a checkout of another commit) and this
checkout's in turns, each in a fresh process, ``--rounds`` times:

    python benchmarks/bench_first_train.py --data-dir DATA --against /path/to/main --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from gui_ticks import GuiTicks, in_turns, settle, without_against  # beside this file
from scratch import leave_now, scratch_folder  # beside this file

HERE = Path(__file__).resolve()


def _measure(args) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ["NNDESK_HOME"] = scratch_folder()
    os.environ["NNDESK_DATA_DIR"] = args.data_dir
    sys.path.insert(0, os.environ.get("NNDESK_BENCH_CODE", str(HERE.parents[1])))
    from matplotlib.layout_engine import ConstrainedLayoutEngine
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from nndesk.app.desk import build_window
    from nndesk.ui.gui_collector import collect_on_gui_thread
    from nndesk.ui.startup_objects import freeze_startup_objects

    freeze_startup_objects()
    collect_on_gui_thread(app)
    desk = build_window(mode="garments")
    window = desk.window
    window.resize(1024, 700)
    window.show()
    settle(1500)
    window.tabs.setCurrentWidget(desk.train_page)
    settle(800)
    form = desk.train_page.form
    form.preset.setCurrentIndex(form.preset.findData(args.preset))
    settle(500)
    ticks = GuiTicks()
    canvas = desk.train_page.plot.canvas
    layouts: list[int] = []  # the Live plot's layouts (a full draw's, or its own step's)
    execute = ConstrainedLayoutEngine.execute

    def counted_layout(self, figure):
        if figure is canvas.figure:
            layouts.append(1)
        return execute(self, figure)

    ConstrainedLayoutEngine.execute = counted_layout
    ticks.start()
    settle(300)
    clicked = ticks.now()
    QTimer.singleShot(0, desk.train_page.train_button.click)
    settle(int(args.seconds * 1000))
    ticks.stop()
    desk.training.stop()
    gaps = ticks.gaps(clicked)
    cpu = ticks.cpu_gaps(clicked)
    settle(1000)
    window.close()  # stops the run and the window's threads
    settle(500)
    return {
        "longest_ms": float(gaps[0]),
        "second_ms": float(gaps[1]),
        "longest_cpu_ms": float(cpu[0]),  # the GUI thread's own CPU between two ticks
        "over_100_ms": int((gaps > 100).sum()),
        "full_draws_laid_out": len(layouts),  # the layouts, each followed by a full draw
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--preset", default="fashion-mlp-lab")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--against", metavar="DIR")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.against is None:
        figures = _measure(args)
        print(("FIGURES " + json.dumps(figures)) if args.json else figures, flush=True)
        # the window's worker threads are ended by its close; the interpreter's teardown of
        # the rest (a QThread object freed before its thread is joined) is not measured
        leave_now(0)
    runs = in_turns(HERE, without_against(argv), args.against, args.rounds)
    loads = runs.pop("load")
    for label, found in runs.items():
        for name in found[0]:
            values = [f[name] for f in found]
            print(
                f"{label}_{name}=median {statistics.median(values):.0f} "
                f"({', '.join(f'{v:.0f}' for v in values)})"
            )
    print(f"load_average={min(loads):.2f}-{max(loads):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
