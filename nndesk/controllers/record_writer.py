"""RecordWriter: a running run's record (run.json) written on a thread of its own.

A record is written atomically: a temp file, fsync, rename, fsync of the folder. On the GUI
thread that was 4-30 ms a write, once 263 ms (docs/performance.md), and a full or slow disk (a
network folder) can take far longer. The GUI thread now only takes the record's content (a
dict of copied lists: the curves keep growing there); this thread turns it into JSON and
writes it, in the order asked. ``after(then)`` runs ``then()`` on the GUI thread once every
write asked before it has landed (or failed): what follows a write on disk (the lock let go,
"saved", "not running") waits for it. A failed write is ``failed(folder, error)``, queued
before the ``after`` callbacks asked after it.

Two writes of one record asked in a row, the older not yet begun, are one write: the newer
holds all the older did (a slow disk never builds a queue of outdated records).

The thread ends when nothing is left to write and a new one starts with the next write: a
writer never leaves a thread idling after it (it did: one per TrainingController, 100 in one
test process, s61), and a run saves its record every few seconds at most, so a thread's start
(~0.1 ms) is nothing against an fsync.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot


class RecordWriter(QObject):
    """Writes ``write(folder, content)`` calls in order on one thread; made on the GUI thread.

    ``write``: the function doing a write (``RunStore.write``), called on the writer's thread.
    """

    failed = Signal(object, object)  # (the record's folder: Path, the OSError it raised)
    #: ("failed", folder, error) or ("mark", number), queued to the GUI thread in order
    _ended = Signal(object)

    def __init__(self, write: Callable[[Path, dict], object], parent: QObject | None = None):
        super().__init__(parent)
        self._write = write
        self._queue: collections.deque = collections.deque()
        self._changed = threading.Condition()
        self._busy = False  # the thread is doing an item it took
        self._thread: threading.Thread | None = None
        self._callbacks: dict[int, Callable[[], None]] = {}
        self._marks = 0
        self._ended.connect(self._on_ended)

    def save(self, folder: Path, content: dict) -> None:
        """Write ``content`` (a record's ``to_dict()``, no longer changed by anyone) as
        ``folder``'s run.json, after every write asked before."""
        self._put(("write", folder, content))

    def after(self, then: Callable[[], None]) -> None:
        """Call ``then()`` on the GUI thread once the writes asked so far have ended."""
        self._marks += 1
        self._callbacks[self._marks] = then
        self._put(("mark", self._marks))

    def idle(self) -> bool:
        """True when nothing is waiting or being written (``after`` callbacks may still be
        on their way to the GUI thread)."""
        with self._changed:
            return not self._queue and not self._busy

    def finish(self, timeout: float | None = None) -> bool:
        """Wait (on the GUI thread, as the window closes) until every write asked has ended
        and the thread is gone, then run the ``after`` callbacks still owed; False if
        ``timeout`` seconds passed first."""
        with self._changed:
            ended = self._changed.wait_for(lambda: not self._queue and not self._busy, timeout)
            thread = self._thread
        if ended and thread is not None:
            thread.join(timeout)  # it has nothing left to take: it is ending
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)  # in order, failures too
        for mark in sorted(self._callbacks):  # not reached in time: the window goes anyway
            self._on_ended(("mark", mark))
        return ended

    def _put(self, item: tuple) -> None:
        with self._changed:
            self._queue.append(item)
            self._changed.notify_all()
            if self._thread is None:  # none yet, or the last one ended with the queue empty
                # a daemon: a process that ends without closing its window does not hang on it
                self._thread = threading.Thread(
                    target=self._serve, name="nndesk-run-record", daemon=True
                )
                self._thread.start()

    def _take(self) -> tuple | None:
        """The next item, or None when nothing is queued: the thread then ends (``_put``,
        under the same lock, starts another for the next write)."""
        with self._changed:
            if not self._queue:
                self._thread = None
                return None
            item = self._queue.popleft()
            # the same record written again next: this older content is never needed
            while (
                item[0] == "write"
                and self._queue
                and self._queue[0][0] == "write"
                and self._queue[0][1] == item[1]
            ):
                item = self._queue.popleft()
            self._busy = True
            return item

    def _serve(self) -> None:
        while True:
            item = self._take()
            if item is None:
                return
            try:
                if item[0] == "write":
                    _, folder, content = item
                    try:
                        self._write(folder, content)
                    except OSError as err:
                        self._ended.emit(("failed", folder, err))
                else:
                    self._ended.emit(item)
            finally:
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()

    @Slot(object)
    def _on_ended(self, item: tuple) -> None:
        if item[0] == "failed":
            self.failed.emit(item[1], item[2])
            return
        then = self._callbacks.pop(item[1], None)
        if then is not None:
            then()
