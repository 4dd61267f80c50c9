"""The drawing as the mode's model will see it, prepared while that model is still being read.

At start the prediction worker reads the model file (seconds for a slow or huge one); the 28x28
preview needs no model, only the mode's preprocessing, so a drawing made meanwhile is shown
as the network will receive it instead of "nothing drawn". Preprocessing a 280x280 canvas takes
a few to tens of milliseconds: it runs on its own thread (the prediction worker is busy
reading), and while one runs only the newest drawing waits, so a fast pen never builds a queue.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot

from nndesk.preprocess import preprocess


def prepare(image: np.ndarray, kind: str) -> np.ndarray | None:
    """Canvas pixels -> the (28, 28) float32 input a ``kind`` model receives, or None when it
    holds no ink, as the prediction worker decides."""
    return preprocess(image, kind)


class InputPreparer(QObject):
    """``submit(image, kind)`` prepares the drawing off the GUI thread; ``prepared(token,
    image28 | None)`` answers on the GUI thread, for the newest request only."""

    prepared = Signal(int, object)  # (token from submit, float32 (28, 28) | None)
    _answered = Signal(int, object)  # queued from the worker thread to this object's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # its one thread starts on the first request: a model read at once never needs it
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nndesk-loading-input")
        self._token = 0
        self._busy = False
        self._pending: tuple[int, np.ndarray, str] | None = None
        self._closed = False  # shut down: the window is closing, requests are dropped
        self._answered.connect(self._on_answered, Qt.ConnectionType.QueuedConnection)

    def submit(self, image: np.ndarray, kind: str) -> int:
        """Prepare ``image`` (canvas pixels, not changed afterwards) for a ``kind`` model; an
        older request still waiting is dropped. Returns the token its answer carries."""
        self._token += 1
        self._pending = (self._token, image, kind)
        self._dispatch()
        return self._token

    def latest(self) -> int:
        """The token of the newest request (0 before any)."""
        return self._token

    def _dispatch(self) -> None:
        if self._busy or self._pending is None or self._closed:
            return
        (token, image, kind), self._pending = self._pending, None
        self._busy = True
        future = self._pool.submit(prepare, image, kind)
        future.add_done_callback(lambda f, t=token: self._answer(t, f))

    def _answer(self, token: int, future: Future) -> None:
        # on the worker thread: the queued signal carries the answer to the GUI thread
        error = future.exception()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._answered.emit(token, None if error is not None else future.result())

    @Slot(int, object)
    def _on_answered(self, token: int, image28) -> None:
        self._busy = False
        if token == self._token:
            self.prepared.emit(token, image28)
        self._dispatch()

    def is_idle(self) -> bool:
        return not self._busy and (self._pending is None or self._closed)

    def shutdown(self) -> None:
        """Drop what waits and let the running preparation end (tens of milliseconds)."""
        self._closed = True
        self._pending = None
        self._pool.shutdown(wait=True, cancel_futures=True)
