"""How late does the GUI thread get while the window downloads a dataset? (offscreen; not a test)

Opens the window with an empty cache, clicks "Download ..." on the Evaluate page's banner and
lets a 10 ms QTimer tick on the GUI thread until the download ends; each tick's gap beyond 10 ms
is a stall the user would feel. The source is a classroom mirror (a folder laid out as
``mnist/`` and ``fashion-mnist/``, or an http URL serving one), so no internet is needed. Prints
``seconds=``, ``mb_per_s=``, ``stall_p99_ms=`` and ``stall_max_ms=`` (target: p99 <= 30 ms).

    python benchmarks/bench_download.py --mirror ../shared/data --dataset fashion
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from scratch import scratch_folder  # beside this file

TICK_MS = 10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", required=True, help="classroom mirror: folder or http URL")
    parser.add_argument("--dataset", choices=("mnist", "fashion"), default="fashion")
    args = parser.parse_args(argv)

    home = scratch_folder("nndesk-bench-download-")
    os.environ["NNDESK_HOME"] = os.path.join(home, "home")
    os.environ["NNDESK_CACHE_DIR"] = os.path.join(home, "cache")
    os.environ["NNDESK_MIRROR"] = args.mirror
    os.environ.pop("NNDESK_DATA_DIR", None)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nndesk.app import build_window

    app = QApplication.instance() or QApplication(sys.argv)
    desk = build_window(mode="digits" if args.dataset == "mnist" else "garments")
    desk.window.resize(1280, 760)
    desk.window.show()
    desk.window.tabs.setCurrentWidget(desk.evaluate_page)
    downloads = desk.coordinator.downloads
    gaps: list[float] = []
    state: dict = {"last": None, "active": False, "t0": 0.0, "end": None, "bytes": 0}

    def tick() -> None:
        now = time.perf_counter()
        if state["active"] and state["last"] is not None:
            gaps.append(now - state["last"])
        state["last"] = now

    def click() -> None:
        banner = desk.evaluate_page.message
        if banner.offered_dataset() != args.dataset:
            QTimer.singleShot(50, click)  # the page has not reported the missing data yet
            return
        state["active"], state["t0"] = True, time.perf_counter()
        banner.download_button.click()

    def ended(*outcome) -> None:
        state["active"], state["end"] = False, (time.perf_counter(), outcome)
        QTimer.singleShot(200, app.quit)

    downloads.progressed.connect(lambda name, done, total: state.update(bytes=done))
    for signal in (downloads.finished, downloads.failed, downloads.cancelled):
        signal.connect(ended)
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(TICK_MS)
    QTimer.singleShot(500, click)
    app.exec()
    desk.window.close()

    if state["end"] is None or not gaps:
        print("the download never ended")
        return 1
    seconds = state["end"][0] - state["t0"]
    stall = np.maximum(np.array(gaps) * 1000 - TICK_MS, 0.0)
    print(f"outcome={state['end'][1]}")
    print(f"seconds={seconds:.2f}")
    print(f"mb_per_s={state['bytes'] / (1 << 20) / seconds:.1f}")
    print(f"stall_p99_ms={np.percentile(stall, 99):.1f}")
    print(f"stall_max_ms={stall.max():.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
