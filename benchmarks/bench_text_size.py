"""What does a View > Text size step cost the GUI thread? (offscreen; not a test)

Builds the real window with the shipped models at 1024x700 from a 9 pt font, visits every page
(so each has been laid out and each chart drawn, as after a user's tour), evaluates the model
when ``--data-dir`` is given (the Evaluate page is then full), shows ``--page``, then steps the
text size Larger / Normal back and forth. For each step it prints the GUI thread's CPU time in
the menu click itself (``click_ms``: the new font reaching every widget, what sizes itself
again), in the event passes after it until the loop is idle (``after_ms``: Qt's relayout and
repaint, chart redraws), and the longest single block of the two (``longest_ms``: how long the
window could not answer). ``--profile`` prints where one step's time goes.

    python benchmarks/bench_text_size.py --data-dir /path/to/data --page evaluate
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

PAGES = ("why", "inside", "train", "evaluate", "mistakes", "dataset", "map", "lab")


def _settle(app, seconds: float = 0.3) -> None:
    """Run the event loop until nothing has happened for a while (timers, deferred draws)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def _step(app, window, step: str) -> tuple[float, float, float]:
    """(click, after, longest) GUI-thread CPU milliseconds of one View > Text size click."""
    t0 = time.thread_time()
    window.text_size_actions[step].trigger()
    click = time.thread_time() - t0
    after, longest = 0.0, click
    for _ in range(30):  # the posted relayouts, repaints and deferred draws
        t1 = time.thread_time()
        app.processEvents()
        spent = time.thread_time() - t1
        after += spent
        longest = max(longest, spent)
        time.sleep(0.01)  # off-thread renders come back meanwhile, as between user events
    return 1000 * click, 1000 * after, 1000 * longest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="folder with mnist/ and fashion-mnist/ (optional)")
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--page", choices=PAGES, default="why")
    parser.add_argument("--profile", action="store_true", help="cProfile one step")
    parser.add_argument(
        "--filter-on",
        action="store_true",
        help="keep the application event filter on during the font's delivery (A/B: as before)",
    )
    args = parser.parse_args(argv)
    scratch_home()
    if args.data_dir:
        os.environ["NNDESK_DATA_DIR"] = args.data_dir

    from PySide6.QtWidgets import QApplication

    from nndesk import app as nndesk_app
    from nndesk.ui import app_events, text_size

    if args.filter_on:
        import contextlib

        app_events.paused = lambda app: contextlib.nullcontext()

    app = QApplication.instance() or QApplication(sys.argv)
    font = app.font()
    font.setPointSizeF(9.0)
    app.setFont(font)
    text_size.apply_text_size(app, "normal")
    desk = nndesk_app.build_window(mode="digits")
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
    for index in range(window.tabs.count()):  # every page laid out once, as after a tour
        window.tabs.setCurrentIndex(index)
        _settle(app, 0.5)
    window.tabs.setCurrentIndex(PAGES.index(args.page))
    _settle(app, 1.0)
    print(f"widgets={len(app.allWidgets())} page={args.page} size=1024x700 from=9pt")
    rows = []
    for i in range(args.steps):
        step = "larger" if i % 2 == 0 else "normal"
        click, after, longest = _step(app, window, step)
        rows.append((click, after, longest))
        print(f"step={step} click_ms={click:.0f} after_ms={after:.0f} longest_ms={longest:.0f}")
        _settle(app, 0.5)
    for name, column in (("click", 0), ("after", 1), ("longest", 2)):
        values = sorted(row[column] for row in rows)
        print(f"median_{name}_ms={values[len(values) // 2]:.0f}")
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        _step(app, window, "larger")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
