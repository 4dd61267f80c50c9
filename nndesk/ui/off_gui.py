"""Work for a widget done on a thread pool, its result handed back on the GUI thread.

A widget makes one ``Delivery`` (on the GUI thread) and connects ``delivered(tag, result)``;
``run_off_gui(pool, delivery, tag, work)`` calls ``work()`` on ``pool`` and delivers its result
(None if it raised: the widget keeps what it shows). ``tag`` tells the widget which request the
result answers. ``render_pool()`` is the shared one-thread pool for charts and replays.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

_RENDER_POOL: QThreadPool | None = None


def render_pool() -> QThreadPool:
    """The one-thread pool that renders charts and reads the replay's drawings off the GUI
    thread (one job at a time: matplotlib's font cache and a model's caches are shared)."""
    global _RENDER_POOL
    if _RENDER_POOL is None:
        _RENDER_POOL = QThreadPool()
        _RENDER_POOL.setMaxThreadCount(1)
    return _RENDER_POOL


class Delivery(QObject):
    """Made on the GUI thread: its queued ``delivered`` signal brings results back there."""

    delivered = Signal(object, object)  # (tag, result | None)


class _Job(QRunnable):
    def __init__(self, delivery: Delivery, tag, work: Callable[[], object]) -> None:
        super().__init__()
        self.delivery: Delivery | None = delivery
        self.tag, self.work = tag, work

    def run(self) -> None:
        try:
            result = self.work()
        except Exception:  # noqa: BLE001 - what cannot be made leaves the widget as it was
            result = None
        # the job's reference to the Delivery is let go on the GUI thread: when the widget went
        # while the work ran it is the last one, and freeing a parentless QObject deletes it on
        # the freeing thread (Qt allows that only on its own). The list leaves this thread
        # holding nothing but, at most, an emptied list.
        kept, self.delivery = [self.delivery], None
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            kept[0].delivered.emit(self.tag, result)
        app = QCoreApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, kept.clear)


def run_off_gui(pool: QThreadPool, delivery: Delivery, tag, work: Callable[[], object]) -> None:
    """Call ``work()`` on ``pool``; ``delivery.delivered(tag, result or None)`` follows."""
    pool.start(_Job(delivery, tag, work))
