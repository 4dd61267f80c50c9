"""One lock file in the nndesk folder says a window is open there, so a second window can say
it shares that folder with another (walk60 D11: the icon clicked twice opened two windows on
one settings file and one runs folder, and nothing said so).

``QLockFile`` writes the holder's process id into ``window.lock``. A lock left by a window that
did not close (killed, a power cut) is stale as soon as its process is gone, and is taken over
without a word: Qt's other test, the lock's age, is turned off, since a window stays open for
hours. A lock file nndesk cannot read or make (a read-only folder, a folder named like it) says
nothing either: the notice is only for a window that is really open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.ui.language import translate

#: the lock file's name in the nndesk folder (``paths.data_dir()``)
LOCK_NAME = "window.lock"


@dataclass(frozen=True)
class WindowLock:
    """The lock this window holds (None if another holds it, or none could be made), and the
    process id of the window that holds it if that is another one that is running."""

    lock: QLockFile | None
    other_pid: int | None

    def another_window_is_open(self) -> bool:
        return self.other_pid is not None


def take_window_lock(folder: Path) -> WindowLock:
    """Take ``folder``'s window lock without waiting; keep the result for the window's life
    (the lock is let go when it is freed, or with the process)."""
    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return WindowLock(None, None)
    if path.exists() and not path.is_file():
        return WindowLock(None, None)  # a folder or a pipe of that name: not a window's
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by its age
    if lock.tryLock(0):
        return WindowLock(lock, None)
    if lock.error() != QLockFile.LockError.LockFailedError:
        return WindowLock(None, None)  # cannot be made or read: nothing to say
    info = lock.getLockInfo()  # PySide: (pid, host, app), or a false value if unreadable
    pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else 0
    return WindowLock(None, pid if pid > 0 else None)


def say_another_window_is_open(window: QWidget, runs: Path) -> QMessageBox:
    """A box over the new ``window`` (not blocking it) saying another window is open and what
    the two share; returned for the tests to read and answer."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("WindowLock", "Another nndesk window is open"),
        translate(
            "WindowLock",
            "Another nndesk window is already open. The two windows share one settings file "
            "and one runs folder ({runs}): a run trained in either is listed in both, and for "
            "each setting the next start uses the value the last window to change it gave. "
            "If you opened this one by mistake, close it: nothing is lost.",
        ).format(runs=runs),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
