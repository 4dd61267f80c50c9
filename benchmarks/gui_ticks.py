"""What the GUI benchmarks share (not a benchmark; imported by bench_*.py beside it).

``GuiTicks``: a timer ticking every 5 ms on the GUI thread. A gap between two ticks beyond the
5 ms is a time the window could answer nothing: the figure these benchmarks print. The GUI
thread's CPU time between two ticks is that block's own work, without the waits for a core on a
loaded machine (which stretch the gaps).
``settle``: run the event loop for a while. ``in_turns``: measure another checkout and this one
in turns, each in a fresh process, so before and after meet the same moments of a shared
machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

TICK_MS = 5


class GuiTicks:
    """A precise 5 ms timer on the GUI thread and the moments (ms) it ticked at; make it after
    the QApplication."""

    def __init__(self, tick_ms: int = TICK_MS) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.tick_ms = tick_ms
        self.ticks: list[float] = []
        self.cpu: list[float] = []  # the GUI thread's CPU time (ms) at each tick
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def _on_timer_timeout(self) -> None:
        self.ticks.append(self.now())
        self.cpu.append(1000 * time.thread_time())

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def now(self) -> float:
        """Milliseconds since ``start``."""
        return self.clock.nsecsElapsed() / 1e6

    def gaps(self, start: float, end: float | None = None):
        """The gaps between ticks beyond the tick (ms, float ndarray, longest first) from
        ``start`` (a ``now()``) to ``end`` (None: the last tick); one 0 when there are none."""
        import numpy as np

        seen = np.asarray(
            [t for t in self.ticks if t >= start - self.tick_ms and (end is None or t <= end)]
        )
        if len(seen) < 2:
            return np.zeros(1)
        return np.sort(np.maximum(np.diff(seen) - self.tick_ms, 0.0))[::-1]

    def cpu_gaps(self, start: float, end: float | None = None):
        """The GUI thread's CPU time (ms) between two ticks, longest first, as ``gaps``."""
        import numpy as np

        cpu = np.asarray(
            [
                c
                for t, c in zip(self.ticks, self.cpu, strict=True)
                if t >= start - self.tick_ms and (end is None or t <= end)
            ]
        )
        if len(cpu) < 2:
            return np.zeros(1)
        return np.sort(np.diff(cpu))[::-1]


def settle(ms: int) -> None:
    """Run the GUI thread's event loop for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def in_turns(script: Path, argv: list[str], against: str, rounds: int) -> dict[str, list[dict]]:
    """Run ``script`` with ``argv`` (without ``--against DIR``) plus ``--json`` ``rounds`` times
    on the nndesk package in ``against`` ("before") and on this checkout's ("after"), in turns;
    each run prints one line ``FIGURES <json>``. Returns label -> the figures of each run, and
    "load" -> the load averages seen."""
    runs: dict[str, list] = {"before": [], "after": [], "load": []}
    for _ in range(rounds):
        for label, root in (("before", Path(against).resolve()), ("after", script.parents[1])):
            out = subprocess.run(
                [sys.executable, str(script), *argv, "--json"],
                env=dict(os.environ, NNDESK_BENCH_CODE=str(root)),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            line = next(x for x in out.splitlines() if x.startswith("FIGURES "))
            runs[label].append(json.loads(line[len("FIGURES ") :]))
            runs["load"].append(os.getloadavg()[0])
    return runs


def without_against(argv: list[str] | None) -> list[str]:
    """The command line given (``argv`` or sys.argv's) without ``--against DIR``."""
    passed = list(argv if argv is not None else sys.argv[1:])
    at = passed.index("--against")
    del passed[at : at + 2]
    return passed


def add_turn_options(parser) -> None:
    """``--json``, ``--against DIR`` and ``--rounds``: what ``report`` needs."""
    parser.add_argument("--json", action="store_true", help="print FIGURES <json> as well")
    parser.add_argument("--against", metavar="DIR", help="another checkout, measured in turns")
    parser.add_argument("--rounds", type=int, default=2, help="with --against: runs of each")


def report(script: Path, args, argv: list[str] | None, measure) -> int:
    """A benchmark's end: with ``--against DIR``, ``script`` run in turns on both checkouts
    and each run's figures printed as "before ..." / "after ..."; else ``measure()`` (a dict of
    figures) printed one ``key=value`` a line, and ``FIGURES <json>`` with ``--json``."""
    if args.against:
        runs = in_turns(script, without_against(argv), args.against, args.rounds)
        for label in ("before", "after"):
            for figures in runs[label]:
                print(label, " ".join(f"{k}={v:.2f}" for k, v in figures.items()))
        return 0
    figures = measure()
    for key, value in figures.items():
        print(f"{key}={value:.2f}")
    if args.json:
        print("FIGURES " + json.dumps(figures))
    return 0
