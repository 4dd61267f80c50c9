"""Free a worker QObject on the GUI thread, holding the GIL, once its thread has been joined.

Why not ``deleteLater`` (the usual Qt recipe): a worker freed by its own thread as the thread
ended, or by an event loop that runs without the GIL, runs ``~QObject`` holding Qt's
signal-slot lock (a pool of mutexes shared by address) while PySide, looking up a Python
override (``disconnectNotify`` of the thread object that started it), waits for the GIL. Any
thread holding the GIL that then asks for that lock (``sender()``, a queued emit, a
``moveToThread``) waits for it for good: a Race "Keep them and quit" hung the window (and a
land run) that way (s59). Freed here, from Python, the destructor's GIL is the one this thread
already holds, so nothing can be waiting for it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QThread


def join_and_free(thread: QThread, worker: QObject | None, timeout_ms: int | None = None) -> bool:
    """Ask ``thread`` to quit, join it, then free ``worker`` (which lived on it) here.

    Call on the GUI thread. True once the thread has ended (or never started) and the worker is
    freed; False if it still runs after ``timeout_ms``: the worker is then left alone, since a
    QObject may not be freed while its thread can still touch it (the process is ending).
    """
    thread.quit()  # nothing if it already ended or never started
    ended = thread.wait() if timeout_ms is None else thread.wait(timeout_ms)
    if not ended:
        return False
    if worker is not None and shiboken6.isValid(worker):
        shiboken6.delete(worker)
    return True
