"""How long does showing a confusion matrix block the GUI thread? (offscreen; not a test)

Shows a ``ConfusionView`` at the Evaluate page's size (620x540 by default) with the Fashion
class names (``--language vi`` for the Vietnamese ones), then gives it a new 10x10 matrix
``--shows`` times, a click's highlight and a resize, the way an evaluation, "Evaluate again"
and opening the replay do. A 5 ms timer ticks on the GUI thread throughout; each action's
figure is the longest gap between two ticks beyond 5 ms from the action until the new matrix
is on screen (the window could answer nothing for that long) and the time until it was there.
Prints ``<action>_block_ms=`` (median, max) and ``<action>_shown_ms=``.

``--against DIR`` measures the nndesk package in DIR (a checkout of another commit, say main)
and this checkout's in turns, each in a fresh process, ``--rounds`` times, and prints both, so
the before and after figures meet the same moments of a shared machine:

    python benchmarks/bench_confusion.py --against /path/to/main-checkout --rounds 3
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from gui_ticks import GuiTicks, in_turns, settle, without_against  # beside this file

HERE = Path(__file__).resolve()


def _code_root() -> Path:
    return Path(os.environ.get("NNDESK_BENCH_CODE", HERE.parents[1]))


def _measure(args) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    sys.path.insert(0, str(_code_root()))
    import numpy as np
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive
    from nndesk.data.registry import DATASETS
    from nndesk.ui import language
    from nndesk.ui.confusion_view import ConfusionView

    language.use_language(args.language)
    names = language.class_names_shown(DATASETS["fashion"].class_names)
    rng = np.random.default_rng(0)

    def a_matrix():
        matrix = rng.integers(0, 300, (10, 10))
        np.fill_diagonal(matrix, rng.integers(700, 990, 10))
        return matrix

    # as the window does: the imports' objects out of full collections, which run on the GUI
    # thread only (nndesk.app)
    from nndesk.ui.gui_collector import collect_on_gui_thread
    from nndesk.ui.startup_objects import freeze_startup_objects

    freeze_startup_objects()
    collect_on_gui_thread(_app)
    view = ConfusionView()
    view.resize(args.width, args.height)
    view.show()
    ticks = GuiTicks()
    shown_at: list[float] = []  # when a matrix reached the screen
    drawn = getattr(view, "drawn", None)  # the view that renders off the GUI thread says so
    if drawn is not None:
        drawn.connect(lambda: shown_at.append(ticks.now()))
    else:  # the view that draws on the GUI thread: its canvas's draw
        view.canvas.mpl_connect("draw_event", lambda _e: shown_at.append(ticks.now()))
    ticks.start()

    def act(action) -> tuple[float, float]:
        """(longest gap beyond the tick, ms until shown) from ``action`` to 300 ms after shown."""
        settle(300)
        start = ticks.now()
        before = len(shown_at)
        QTimer.singleShot(0, action)
        deadline = time.perf_counter() + 30
        while len(shown_at) == before and time.perf_counter() < deadline:
            settle(20)
        settle(300)
        shown = shown_at[before] - start if len(shown_at) > before else float("nan")
        return float(ticks.gaps(start)[0]), shown

    figures: dict[str, list[float]] = {}

    def record(name: str, block_and_shown: tuple[float, float]) -> None:
        figures.setdefault(f"{name}_block_ms", []).append(block_and_shown[0])
        figures.setdefault(f"{name}_shown_ms", []).append(block_and_shown[1])

    settle(1000)  # the empty view's first draw
    for _ in range(args.shows):
        record("show_matrix", act(lambda: view.set_matrix(a_matrix(), names)))
    for size in ((args.width - 200, args.height - 160), (args.width, args.height)):
        record("resize", act(lambda s=size: view.resize(*s)))
    if hasattr(view, "cell_center"):
        from PySide6.QtTest import QTest

        for cell in ((1, 2), (4, 6)):
            pos = view.cell_center(*cell)
            record(
                "click_cell",
                act(lambda p=pos: QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=p)),
            )
    ticks.stop()
    return figures


def _print(label: str, figures: dict[str, list[float]]) -> None:
    import statistics

    for name, values in figures.items():
        shown = ", ".join(f"{v:.0f}" for v in values)
        print(
            f"{label}{name}=median {statistics.median(values):.0f} max {max(values):.0f} ({shown})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=620)
    parser.add_argument("--height", type=int, default=540)
    parser.add_argument("--shows", type=int, default=4, help="new matrices shown")
    parser.add_argument("--language", default="en", choices=("en", "vi"))
    parser.add_argument("--against", metavar="DIR", help="another checkout, measured in turns")
    parser.add_argument("--rounds", type=int, default=2, help="turns each, with --against")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one turn's
    args = parser.parse_args(argv)
    if args.against is None:
        figures = _measure(args)
        if args.json:
            import json

            print("FIGURES " + json.dumps(figures))
        else:
            _print("", figures)
            print(f"load_average={os.getloadavg()[0]:.2f}")
        return 0
    runs = in_turns(HERE, without_against(argv), args.against, args.rounds)
    totals: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    for label in totals:
        for figures in runs[label]:
            for name, values in figures.items():
                totals[label].setdefault(name, []).extend(values)
    loads = runs["load"]
    print(f"before: {Path(args.against).resolve()}")
    _print("before_", totals["before"])
    print(f"after: {HERE.parents[1]}")
    _print("after_", totals["after"])
    print(f"load_average={min(loads):.2f}-{max(loads):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
