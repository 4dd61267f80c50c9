"""What does a changed setting cost the GUI thread? (offscreen; not a test)

Changes View > Theme's setting back and forth through ``nndesk.preferences`` on the main
thread, as the window does, and times each call (wall and the thread's CPU): with the settings
written on the calling thread this is Qt's write, fsync and rename of settings.ini. Each change
is timed alone (the next waits until the file holds it), then a burst of 20 (a spin box held
down) as one figure. The settings file is in a scratch ``NNDESK_HOME`` in the temp folder
(``TMPDIR``: a real disk, not a RAM one, for fsync to cost what it does). Prints the figures and
``FIGURES <json>`` with ``--json``.

``--against DIR`` measures the nndesk package in DIR (another checkout) and this one in turns.

    python benchmarks/bench_settings.py --changes 40 --against /path/to/main --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from scratch import scratch_home  # beside this file

HERE = Path(__file__).resolve()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _written(path: Path, wanted: bytes) -> None:
    """Wait until the settings file holds ``wanted`` (written off the calling thread, or not)."""
    end = time.monotonic() + 30
    while wanted not in (path.read_bytes() if path.exists() else b""):
        if time.monotonic() > end:
            raise SystemExit(f"{path} never held {wanted!r}")
        time.sleep(0.002)


def measure(changes: int) -> dict:
    sys.path.insert(0, os.environ.get("NNDESK_BENCH_CODE", str(HERE.parents[1])))
    from PySide6.QtWidgets import QApplication

    from nndesk import preferences

    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841 - kept alive
    path = preferences.settings_file()
    walls, cpus = [], []
    for i in range(changes):
        name = ("dark", "light")[i % 2]
        w0, c0 = time.perf_counter(), time.thread_time()
        preferences.set_theme(name)
        walls.append(1000 * (time.perf_counter() - w0))
        cpus.append(1000 * (time.thread_time() - c0))
        _written(path, f"theme={name}".encode())
    w0 = time.perf_counter()
    for percent in range(10, 30):
        preferences.set_not_sure_threshold(percent)
    burst = 1000 * (time.perf_counter() - w0)
    _written(path, b"not_sure=29")
    return {
        "change_wall_ms_median": statistics.median(walls),
        "change_wall_ms_max": max(walls),
        "change_cpu_ms_median": statistics.median(cpus),
        "burst_of_20_wall_ms": burst,
        "load": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print FIGURES <json> as well")
    parser.add_argument("--against", metavar="DIR", help="another checkout, measured in turns")
    parser.add_argument("--rounds", type=int, default=2, help="with --against: runs of each")
    args = parser.parse_args(argv)
    if args.against:
        from gui_ticks import in_turns, without_against  # beside this file

        runs = in_turns(HERE, without_against(argv), args.against, args.rounds)
        for label in ("before", "after"):
            for figures in runs[label]:
                print(label, " ".join(f"{k}={v:.2f}" for k, v in figures.items()))
        return 0
    scratch_home()
    figures = measure(args.changes)
    for key, value in figures.items():
        print(f"{key}={value:.2f}")
    if args.json:
        print("FIGURES " + json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
