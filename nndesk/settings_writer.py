"""The window's settings kept in memory and written to their INI file on a thread of its own.

A setting changed in the window (a theme, a mode, the "Not sure" spin box) was written at once
on the GUI thread: Qt's ``QSettings.sync()`` writes a temp file, fsyncs it and renames it, so
each change held the window for the disk's time (docs/performance.md). Now a change goes into
memory (``change``), where every read sees it at once (``value``), and one writer thread writes
what changed with Qt's own INI writer (atomic, the file's permissions kept). Changes asked while
a write goes on are written together by the next one. ``flush`` waits for the writes asked so
far: the app calls it as it ends, so a change made just before closing is kept.

Qt shares one cache of a settings file between all its ``QSettings`` objects, and a ``QSettings``
made while another holds unwritten changes writes them itself. So the writer holds ``_qt_lock``
for the life of its ``QSettings``, and a read on another thread only makes one when it can take
that lock at once: otherwise (and whenever the file is as the writer last left it) it answers
from the values the writer read back, which cost no disk access at all.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from nndesk.fileio import stamp

#: the longest a process ending waits for the settings' last write (a disk that hangs)
EXIT_WAIT_SECONDS = 10.0
#: a key removed in memory, not yet in the file
REMOVED = object()

_state = threading.Condition()  # guards everything below
_qt_lock = threading.Lock()  # held while the writer's QSettings lives
#: settings file -> key -> value (or REMOVED) changed in memory and not yet on disk
_unwritten: dict[Path, dict[str, object]] = {}
#: settings file -> (its stamp, every key's value) as the writer last read it back
_known: dict[Path, tuple[object, dict[str, object]]] = {}
_asked = 0  # changes asked so far
_done = 0  # of those, the ones a finished write took
_thread: threading.Thread | None = None
#: called on the writer's thread with the file a write did not get into (a full disk)
on_refused: Callable[[Path], None] | None = None


def _qsettings(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def value(path: Path, key: str, default: object = None) -> object:
    """``key``'s value in the settings file ``path`` as this session knows it (its change not
    yet written included), else ``default``; never waits for the writer."""
    with _state:
        changed = _unwritten.get(path, {}).get(key, _MISSING)
        known = _known.get(path)
    if changed is not _MISSING:
        return default if changed is REMOVED else changed
    if known is not None and known[0] == stamp(path):  # as the writer left it
        return known[1].get(key, default)
    if not _qt_lock.acquire(blocking=False):
        # the writer is writing: Qt's cache holds its changes, and a QSettings made here
        # would write them on this thread; the values it read back are all but the ones
        # being written (in _unwritten until they are on disk)
        return default if known is None else known[1].get(key, default)
    try:
        return _qsettings(path).value(key, default)
    finally:
        _qt_lock.release()


def keys(path: Path) -> list[str]:
    """Every key of the settings file ``path`` as this session knows it."""
    with _state:
        changed = dict(_unwritten.get(path, {}))
        known = _known.get(path)
    if known is not None and known[0] == stamp(path):
        found = set(known[1])
    elif _qt_lock.acquire(blocking=False):
        try:
            found = set(_qsettings(path).allKeys())
        finally:
            _qt_lock.release()
    else:
        found = set(known[1]) if known is not None else set()
    found |= {key for key, new in changed.items() if new is not REMOVED}
    return sorted(found - {key for key, new in changed.items() if new is REMOVED})


def change(path: Path, key: str, new: object) -> None:
    """Set ``key`` to ``new`` (``REMOVED``: remove it) in the settings file ``path``: in memory
    now, on disk once the writer has written it."""
    global _asked, _thread
    with _state:
        _unwritten.setdefault(path, {})[key] = new
        _asked += 1
        _state.notify_all()
        if _thread is None:
            # a daemon: a process that ends without flush() does not hang on it (the app
            # flushes as it ends, and at exit)
            _thread = threading.Thread(target=_serve, name="nndesk-settings", daemon=True)
            _thread.start()
            atexit.register(flush, EXIT_WAIT_SECONDS)  # a process ending without the app's


def flush(timeout: float | None = None) -> bool:
    """Wait until every change asked so far has been written (or refused); False when
    ``timeout`` seconds passed first."""
    with _state:
        wanted = _asked
        return _state.wait_for(lambda: _done >= wanted, timeout)


def pending() -> bool:
    """True while a change asked is not yet written (or refused)."""
    with _state:
        return _owed()


def _owed() -> bool:
    return _done < _asked


def _serve() -> None:
    global _done
    while True:
        with _state:
            _state.wait_for(_owed)
            taken = _asked
            batches = {path: dict(changed) for path, changed in _unwritten.items() if changed}
        for path, changes in batches.items():
            try:
                _write(path, changes)
            except Exception:  # noqa: BLE001 - a writer that dies would make flush() wait for ever
                import traceback

                traceback.print_exc()
        with _state:
            _done = max(_done, taken)
            _state.notify_all()


def _write(path: Path, changes: dict[str, object]) -> None:
    """Write ``changes`` into the settings file ``path`` with Qt's INI writer (a temp file,
    fsync, rename: the file's permissions kept) and read every value back."""
    with _qt_lock:
        store = _qsettings(path)
        for key, new in changes.items():
            if new is REMOVED:
                store.remove(key)
            else:
                store.setValue(key, new)
        before = stamp(path)
        store.sync()
        written = _written(store.status(), before, stamp(path))
        values = {key: store.value(key) for key in store.allKeys()}
        del store
    with _state:
        _known[path] = (stamp(path), values)
        if written:  # the ones changed again meanwhile stay, for the next write
            now = _unwritten.get(path, {})
            for key, new in changes.items():
                if now.get(key, _MISSING) is new:
                    del now[key]
    # a refused write stays in memory (and in Qt's cache, which tries again at its next write)
    if not written and on_refused is not None:
        on_refused(path)


def _written(status: QSettings.Status, before: object, after: object) -> bool:
    """Whether ``sync`` wrote the file. Qt keeps the FormatError it met READING the old file
    (a ``# comment`` line, one before any ``[section]``) after a write that went through, and
    then keeps it over a later AccessError too: a status alone said "not saved" of a file
    rewritten with the change (walk55b D4). The file replaced (its stamp changed) tells."""
    if status == QSettings.Status.NoError:
        return True
    return status == QSettings.Status.FormatError and after is not None and after != before


_MISSING = object()
