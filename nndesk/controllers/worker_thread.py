"""The worker thread a training run or a race lives on, and the requests the GUI hands it.

``RunRequests`` is what the GUI thread asks of a running worker (stop, pause, the window is
closing); the worker reads it between two batches. ``Batcher`` collects the worker's batch
reports and emits them together, a few times a second. ``WorkerThreadOwner`` is the part a
controller shares with the other run controllers: it starts one worker on its own QThread,
answers ``is_running`` / ``is_paused``, pauses, resumes and stops it, and joins the thread when
it ends.
The controller defines the ``running_changed`` and ``paused_changed`` signals and calls
``_join_worker_thread`` from its own ``_on_thread_finished`` slot.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread

from nndesk.controllers.worker_freeing import join_and_free

#: Seconds between two emissions of batch reports (they are collected in between).
BATCH_EMIT_INTERVAL = 0.05
#: How many times that a run whose batches are split over every core waits (``Batcher``'s
#: ``busy``): the GUI thread's work for each emission (progress bar, status line, Live plot)
#: then shares the run's cores (speed57).
BUSY_EMIT_FACTOR = 5


class RunRequests:
    """What the GUI thread asks of the running worker; read by it between two batches."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.pause = threading.Event()
        self.closing = threading.Event()  # the window is closing: skip the final test pass
        #: groups of batch reports the GUI thread has handled (``Batcher``'s ``taken``):
        #: written by the GUI thread only
        self.groups_taken = 0


class Batcher:
    """Batch reports collected on the worker thread and emitted as one tuple: at most every
    ``interval`` seconds (``BATCH_EMIT_INTERVAL``), and whenever the worker ``flush``es (an
    epoch's end, a setting change, a pause), so the GUI thread draws a few groups a second
    rather than one signal per batch.

    ``taken`` (the groups the GUI thread has handled, ``RunRequests.groups_taken``): no group
    goes by time while one sent is not yet handled; the reports wait here and go together
    once it is. A GUI thread slower than the interval (a loaded machine) otherwise had groups
    queue up: it showed batches seconds old, and after Pause its counter went on for the
    queue's length (walk65 D7: batch 1,273 to 1,494, ~11 s, after the press)."""

    def __init__(
        self,
        emit: Callable[[tuple], Any],
        interval: float | None = None,
        clock: Callable[[], float] = time.perf_counter,
        busy: bool = False,
        taken: Callable[[], int] | None = None,
    ) -> None:
        self._emit = emit
        self._taken = taken
        self.sent = 0  # groups emitted
        if interval is None:  # ``busy``: a run over every core, ``BUSY_EMIT_FACTOR`` as long
            interval = BATCH_EMIT_INTERVAL * (BUSY_EMIT_FACTOR if busy else 1)
        self._interval = interval
        self._clock = clock
        self._pending: list = []
        self._last = clock()

    def add(self, report: Any) -> None:
        """Collect ``report``; emit what is collected once ``interval`` has passed since the
        last emission by time."""
        self._pending.append(report)
        now = self._clock()
        if now - self._last >= self._interval and self.handled():
            self.flush()
            self._last = now

    def handled(self) -> bool:
        """Whether the GUI thread has handled every group sent (always, without ``taken``)."""
        return self._taken is None or self._taken() >= self.sent

    def flush(self) -> None:
        """Emit what is collected, if anything."""
        if self._pending:
            self.sent += 1
            self._emit(tuple(self._pending))
            self._pending.clear()


class WorkerThreadOwner:
    """Mixin for a QObject controller that runs one worker at a time on its own QThread.

    Expects ``self._requests`` (a ``RunRequests``), ``self._thread`` (None between runs) and the
    signals ``running_changed(bool)`` and ``paused_changed(bool)``.
    """

    _requests: RunRequests
    _thread: QThread | None
    _thread_worker: QObject | None = None  # the worker on ``_thread``, freed when it is joined

    def is_running(self) -> bool:
        """True from the start until the worker thread has finished."""
        return self._thread is not None

    def is_paused(self) -> bool:
        return self._requests.pause.is_set()

    def pause(self) -> None:
        """Hold the worker after its current batch."""
        if self.is_running() and not self._requests.stop.is_set() and not self.is_paused():
            self._requests.pause.set()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        """Let a paused worker go on."""
        if self.is_paused():
            self._requests.pause.clear()
            self.paused_changed.emit(False)

    def stop(self) -> None:
        """End after the current batch (what follows a run's end, testing and saving, still
        happens unless the window is closing)."""
        self._requests.stop.set()
        self.resume()

    def quit_soon(self) -> None:
        """The window quits once this run is over: a test pass going on is given up at its
        next chunk and the model saved as it is (as a close mid-run does), no join here."""
        self._requests.closing.set()

    def _start_worker_thread(self, worker: QObject, name: str) -> QThread:
        """Move ``worker`` (its ``run`` slot and ``finished`` signal) to a new thread named
        ``name`` and start it; the controller's ``_on_thread_finished`` runs when it ends."""
        thread = QThread()
        thread.setObjectName(name)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # direct: quit() is thread-safe, and a queued call would never run while shutdown()
        # blocks the GUI thread in wait()
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        # the worker is freed in _join_worker_thread, after joining the thread (worker_freeing)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._thread_worker = thread, worker
        thread.start()
        self.running_changed.emit(True)
        return thread

    def _join_worker_thread(self) -> bool:
        """Join the finished thread and let it go; False if there was none (already joined)."""
        thread = self._thread
        if thread is None:
            return False
        # ``finished`` is emitted just before the thread really ends: join it before letting go
        join_and_free(thread, self._thread_worker)
        thread.deleteLater()
        self._thread = self._thread_worker = None
        return True

    def _stop_and_wait(self, timeout_ms: int) -> bool:
        """Stop the worker as the window closes and wait for its thread; True once it ended
        (or there was none)."""
        thread = self._thread
        if thread is None:
            return True
        self._requests.closing.set()
        self.stop()
        return thread.wait(timeout_ms)
