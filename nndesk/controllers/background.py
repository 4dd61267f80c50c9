"""Files a user asks for (exported PNGs, copies of a model) written off the GUI thread.

Rendering a matplotlib figure to PNG or writing and syncing a model file takes from a tenth of a
second to a second; on the GUI thread that is a frozen window. ``BackgroundWrites.submit(job)``
runs ``job()`` on one worker thread, in the order asked (nothing is dropped: each is a file the
user named), and answers on the GUI thread with ``done(token, result)`` or ``failed(token,
error)``. A job gets only data the GUI thread no longer changes (copies of live curves).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal, Slot


class BackgroundWrites(QObject):
    """One worker thread writing files in order; answers through queued signals."""

    done = Signal(int, object)  # (token, what the job returned: usually the Path written)
    failed = Signal(int, object)  # (token, the exception the job raised)
    #: (token, result, error): always queued, so an answer reaches ``done`` / ``failed`` from the
    #: event loop after ``submit`` has returned its token, even for a job that ended before
    #: ``submit`` could attach its callback (the callback then runs on the GUI thread at once)
    _answered = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nndesk-writes")
        self._lock = threading.Lock()
        self._next = 0
        self._pending = 0
        self._answered.connect(self._on_answered, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """True while a submitted job has not answered."""
        with self._lock:
            return self._pending > 0

    def submit(self, job: Callable[[], object]) -> int:
        """Run ``job()`` on the worker thread; returns the token its answer carries."""
        with self._lock:
            self._next += 1
            token = self._next
            self._pending += 1
        self._pool.submit(job).add_done_callback(lambda f, t=token: self._answer(t, f))
        return token

    def _answer(self, token: int, future: Future) -> None:
        # on the worker thread: the signals are queued to the receivers' (GUI) thread
        with self._lock:
            self._pending -= 1
        error = future.exception()
        self._answered.emit(token, None if error is not None else future.result(), error)

    @Slot(int, object, object)
    def _on_answered(self, token: int, result, error) -> None:
        if error is None:
            self.done.emit(token, result)
        else:
            self.failed.emit(token, error)

    def shutdown(self) -> None:
        """Finish the jobs already asked for (they are files the user named), then stop."""
        self._pool.shutdown(wait=True)
