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

import itertools
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer


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


#: objects ``free_later`` was given and has not freed yet, by a number of their own (the tests
#: free them at the end of each test, as Qt's pending ``deleteLater`` are)
_pending: dict[int, QObject] = {}
_numbers = itertools.count()
#: ms between two looks while a nested event loop (a modal dialog) runs
NESTED_LOOP_RETRY_MS = 50


def free_later(obj: QObject) -> None:
    """``obj.deleteLater()`` with the GIL held: ``obj`` is freed from Python once control is
    back in an event loop no deeper than this call's (a modal dialog's loop waits, as
    ``deleteLater`` does).

    Why: ``deleteLater`` frees it from Qt's event loop, which PySide runs without the GIL;
    ~QObject of a widget connected to a Python object's signal (a controller's) then holds its
    signal-slot lock while PySide, looking up that object's ``disconnectNotify``, waits for the
    GIL: a worker thread holding the GIL and asking for that lock (a queued emit) waits for good
    (the s59 deadlock's pattern, see above). A window replaced by View > Language is freed
    while its training run goes on in the new one. Call on the GUI thread."""
    key = next(_numbers)
    _pending[key] = obj
    QTimer.singleShot(0, partial(_free_when_back, key, QThread.currentThread().loopLevel()))


def _free_when_back(key: int, level: int) -> None:
    obj = _pending.get(key)
    if obj is None:
        return  # freed already (``free_pending``)
    # inside a loop opened since (a modal dialog's): after it. Asked outside any loop (level
    # 0: a test, the start-up), any loop frees it, as Qt does a deleteLater asked there
    if level > 0 and QThread.currentThread().loopLevel() > level:
        QTimer.singleShot(NESTED_LOOP_RETRY_MS, partial(_free_when_back, key, level))
        return
    del _pending[key]
    _free_now(obj)


def _free_now(obj: QObject) -> None:
    if shiboken6.isValid(obj):  # its parent may have taken it along meanwhile
        shiboken6.delete(obj)


def free_pending() -> None:
    """Free every object ``free_later`` still holds, now (the end of a test)."""
    while _pending:
        _free_now(_pending.pop(next(iter(_pending))))
