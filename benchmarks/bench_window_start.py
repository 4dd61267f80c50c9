"""How long until the window is shown? (offscreen; not a test)

Two figures, each the median of ``--runs``:

- ``start_ms``: a fresh ``python -c`` process from its start to the first window shown and
  exposed, as ``nndesk`` opens it (``app.startup.run``: the QApplication, theme, text size,
  language, the window built and shown; the shipped models hidden, as in the tests), the
  interpreter's imports included;
- ``build_ms`` / ``build_cpu_ms``: in one process, each further window built by
  ``app.build_window``, shown at 1200x720, its events run and closed again: what each of the
  suite's window tests pays (``tests/ui/conftest.py``'s ``window_factory``).

``--against DIR`` measures the nndesk package of another checkout too, in turns (a "before"
beside this one's "after").

    python benchmarks/bench_window_start.py --runs 7
    python benchmarks/bench_window_start.py --against /path/to/main --runs 7
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
CODE = str(HERE.parents[1])
sys.path.insert(0, str(HERE.parent))

from scratch import scratch_folder  # noqa: E402  (beside this file)

#: one window's start, in a fresh process: prints the ms from the process's start (``t0``,
#: passed in) to the window exposed
_START = r"""
import sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import nndesk.inference as inference
from nndesk.app import coordinator, startup
empty = Path(sys.argv[3])
coordinator.shipped_models = lambda: inference.shipped_models(empty)
coordinator.mode_models = lambda kind: inference.mode_models(kind, empty)
from nndesk.ui.main_window import MainWindow

def shown():
    for widget in app.topLevelWidgets():
        handle = widget.windowHandle()
        if isinstance(widget, MainWindow) and handle is not None and handle.isExposed():
            print(f"START_MS={1000 * (time.time() - t0):.1f}", flush=True)
            app.quit()  # run() returns: the window closed as a user's is
            return
    QTimer.singleShot(1, shown)

QTimer.singleShot(0, shown)
startup.run()
"""

#: ``count`` windows built, shown and closed in one process: prints each one's wall and CPU ms
_BUILDS = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import nndesk.inference as inference
from nndesk.app import build_window, coordinator
empty = Path(sys.argv[2])
coordinator.shipped_models = lambda: inference.shipped_models(empty)
coordinator.mode_models = lambda kind: inference.mode_models(kind, empty)
walls, cpus = [], []
for i in range(int(sys.argv[3]) + 1):  # the first warms the caches up: not counted
    t, c = time.perf_counter(), time.thread_time()
    window = build_window().window
    window.resize(1200, 720)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.close()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    if i:
        walls.append(1000 * (time.perf_counter() - t))
        cpus.append(1000 * (time.thread_time() - c))
print("BUILDS=" + json.dumps({"wall": walls, "cpu": cpus}), flush=True)
"""


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg", NNDESK_HOME=home)
    env.pop("PYTHONPATH", None)  # the code measured is the one on the command line
    return env


def _start_ms(code: str, empty: str) -> float:
    home = scratch_folder()
    out = subprocess.run(
        [sys.executable, "-c", _START, repr(time.time()), code, empty],
        capture_output=True,
        text=True,
        env=_env(home),
        check=True,
    ).stdout
    return float(next(line for line in out.splitlines() if line.startswith("START_MS="))[9:])


def _builds(code: str, empty: str, count: int) -> dict[str, list[float]]:
    home = scratch_folder()
    out = subprocess.run(
        [sys.executable, "-c", _BUILDS, code, empty, str(count)],
        capture_output=True,
        text=True,
        env=_env(home),
        check=True,
    ).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith("BUILDS="))[7:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh starts and builds measured")
    parser.add_argument("--against", metavar="DIR", help="another checkout's root, measured too")
    args = parser.parse_args(argv)
    codes = {"this": CODE}
    if args.against:
        codes = {"against": str(Path(args.against).resolve()), **codes}
    empty = scratch_folder("nndesk-bench-weights-")  # no shipped model
    starts: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(args.runs):  # in turns: the machine's load falls on both alike
        for name, code in codes.items():
            starts[name].append(_start_ms(code, empty))
    for name, code in codes.items():
        builds = _builds(code, empty, args.runs)
        print(
            f"{name}: start_ms={statistics.median(starts[name]):.0f} "
            f"build_ms={statistics.median(builds['wall']):.0f} "
            f"build_cpu_ms={statistics.median(builds['cpu']):.0f}  ({code})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
