"""How long ``nndesk`` leaves the screen empty: its first pixel, and its window (offscreen; not a
test).

Each run is a fresh ``python -c`` process calling ``nndesk.cli.main([])`` as the ``nndesk``
command does (the shipped models shown, as a student has them), timed from the process's start:

- ``sign_ms``: the start's sign shown (``nndesk.ui.starting_sign``; a checkout without one
  shows nothing before its window, and its first pixel is the window's);
- ``window_ms``: the main window shown and exposed.

``--fresh`` gives every run an empty matplotlib cache and fontconfig cache (``MPLCONFIGDIR``,
``XDG_CACHE_HOME``): a first start, which makes matplotlib's font list. Without it one warm-up
start, not counted, makes them and the runs share them. Python's bytecode is cached in a scratch
folder after a warm-up start too (an installed nndesk has its ``.pyc``; ``PYTHONDONTWRITEBYTECODE``
would time the compiling of every module).

    python benchmarks/bench_first_sign.py --runs 3
    python benchmarks/bench_first_sign.py --runs 3 --fresh --against /path/to/main
"""

from __future__ import annotations

import argparse
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

#: ``nndesk`` in a fresh process: prints the ms from the process's start (``t0``, passed in) to
#: the sign shown (when the checkout has one) and to the window exposed, then closes it
_START = r"""
import sys, time
t0 = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
marks = {}
try:
    from nndesk.ui import starting_sign
except ImportError:  # a checkout from before the sign
    starting_sign = None
if starting_sign is not None:
    shown = starting_sign.StartingSign.show_centred
    def show_centred(self):
        shown(self)
        marks.setdefault("SIGN_MS", time.time())
    starting_sign.StartingSign.show_centred = show_centred
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
exec_ = QApplication.exec

def window_shown():
    app = QApplication.instance()
    for widget in app.topLevelWidgets():
        handle = widget.windowHandle()
        if isinstance(widget, QMainWindow) and handle is not None and handle.isExposed():
            marks["WINDOW_MS"] = time.time()
            app.quit()
            return
    QTimer.singleShot(1, window_shown)

def exec_timed(self):
    QTimer.singleShot(0, window_shown)
    return exec_()

QApplication.exec = exec_timed
from nndesk.cli import main
main([])
for name, moment in marks.items():
    print(f"{name}={1000 * (moment - t0):.1f}", flush=True)
"""


def _env(pycache: str, fonts: str) -> dict[str, str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NNDESK_HOME=scratch_folder(),  # its own settings and window lock
        PYTHONPYCACHEPREFIX=pycache,
        MPLCONFIGDIR=str(Path(fonts) / "matplotlib"),
        XDG_CACHE_HOME=str(Path(fonts) / "cache"),
    )
    env.pop("PYTHONPATH", None)  # the code measured is the one on the command line
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _start(code: str, pycache: str, fonts: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _START, repr(time.time()), code],
        capture_output=True,
        text=True,
        env=_env(pycache, fonts),
        check=True,
    ).stdout
    marks = dict(line.split("=") for line in out.splitlines() if line.endswith(tuple("0123456789")))
    return {name: float(value) for name, value in marks.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="starts measured per checkout")
    parser.add_argument("--fresh", action="store_true", help="empty font caches: a first start")
    parser.add_argument("--against", metavar="DIR", help="another checkout's root, measured too")
    args = parser.parse_args(argv)
    codes = {"this": CODE}
    if args.against:
        codes = {"against": str(Path(args.against).resolve()), **codes}
    caches = {name: (scratch_folder(), scratch_folder()) for name in codes}
    for name, code in codes.items():  # the bytecode and (warm) the font caches made
        _start(code, *caches[name])
    marks: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
    for _ in range(args.runs):  # in turns: the machine's load falls on both alike
        for name, code in codes.items():
            pycache, fonts = caches[name]
            marks[name].append(_start(code, pycache, scratch_folder() if args.fresh else fonts))
    for name, code in codes.items():
        windows = [m["WINDOW_MS"] for m in marks[name]]
        firsts = [m.get("SIGN_MS", m["WINDOW_MS"]) for m in marks[name]]
        print(
            f"{name}: first_pixel_ms={statistics.median(firsts):.0f} "
            f"window_ms={statistics.median(windows):.0f} "
            f"(runs: first {[round(v) for v in firsts]}, window {[round(v) for v in windows]}; "
            f"{'fresh' if args.fresh else 'warm'} font caches)  ({code})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
