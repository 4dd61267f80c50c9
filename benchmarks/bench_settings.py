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
import os
import statistics
import sys
import time
from pathlib import Path

from gui_ticks import add_turn_options, report  # beside this file
from scratch import scratch_home

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
    add_turn_options(parser)
    args = parser.parse_args(argv)

    def measured() -> dict[str, float]:
        scratch_home()  # here, not before the turns: each turn's run makes its own
        return measure(args.changes)

    return report(HERE, args, argv, measured)


if __name__ == "__main__":
    sys.exit(main())
