"""What one Fill click costs the GUI thread (offscreen; not a test).

Draws a T-shirt's outline on the 280x280 canvas (the pen's width, antialiased, as a hand draws
it), then times ``DrawingCanvas.fill_at`` for the two clicks a person makes: inside the outline
(found, judged and filled, then undone for the next round) and on the paper around it (found,
judged and refused). Prints the best and the median of ``--n`` clicks of each, in ms of the GUI
thread's CPU, and the same for one ``fill.region`` alone, the part a click used to pay three
times::

    python benchmarks/bench_fill.py --n 50
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

#: a T-shirt's outline in canvas pixels: sleeves, body, neck (a garment's bends are what the
#: region's rounds pay for)
T_SHIRT = [
    (110, 40), (140, 55), (170, 40), (230, 70), (210, 115), (190, 105), (190, 245),
    (90, 245), (90, 105), (70, 115), (50, 70), (110, 40),
]  # fmt: skip


def _ms(work, n: int) -> tuple[float, float]:
    """Best and median GUI-thread CPU milliseconds of ``n`` calls of ``work``."""
    times = []
    for _ in range(n):
        t0 = time.thread_time()
        work()
        times.append(1000 * (time.thread_time() - t0))
    times.sort()
    return times[0], times[len(times) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="clicks timed of each kind")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from nndesk.fill import region
    from nndesk.ui.canvas import DrawingCanvas

    app = QApplication.instance() or QApplication(sys.argv)
    canvas = DrawingCanvas()
    canvas.draw_stroke(T_SHIRT, width=14)
    app.processEvents()
    image = canvas.array()

    def inside() -> None:
        assert canvas.fill_at(140, 160)
        canvas.undo()

    def around() -> None:
        assert not canvas.fill_at(10, 10)

    for name, work in (
        ("fill_inside", inside),
        ("fill_refused_around", around),
        ("region_alone", lambda: region(image, 140, 160)),
    ):
        best, median = _ms(work, args.n)
        print(f"{name}_cpu_ms best={best:.2f} median={median:.2f} (n={args.n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
