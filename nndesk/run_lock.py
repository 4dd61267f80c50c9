"""Whether a run is still training: the process that trains it holds a lock on a file in its folder.

A run's ``run.json`` says ``running`` from its first write until the run ends; a process that
is killed (or a computer that loses power) never writes the end. So the process that trains a
run takes an OS advisory lock on ``TRAINING_LOCK`` in the run's folder when the folder is made
(``take``) and lets it go when the run ends (``RunLock.release``); the OS lets it go when the
process dies, however it dies. A listing asks ``is_held``: a ``running`` record whose lock
nobody holds was interrupted. No process id is written anywhere: a pid says nothing once it is
reused, nor across computers sharing a folder.

POSIX: ``flock``, which belongs to an open file, so a second open in the same process (the
window listing the run it trains itself) sees the lock as held. Windows: ``msvcrt.locking`` on
the file's first byte, which belongs to the handle, likewise.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]

#: The file in a run's folder whose lock says the run is training.
TRAINING_LOCK = ".training.lock"


class RunLock:
    """The lock a training process holds on its run's folder; ``release`` lets it go (twice is
    harmless). Dropping the object without releasing lets it go too, when the file closes."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            _unlock(fd)
        with contextlib.suppress(OSError):
            os.close(fd)

    def __del__(self) -> None:
        self.release()


def take(folder: str | os.PathLike) -> RunLock:
    """Create ``folder``'s lock file and hold its lock until ``release`` (or this process ends).

    Raises ``OSError`` when the file cannot be made or locked (a folder that refuses files, a
    file system without locks): the caller trains on without it."""
    path = Path(folder) / TRAINING_LOCK
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)  # not inherited by child processes (PEP 446)
    try:
        _lock(fd)
    except OSError:
        os.close(fd)
        raise
    return RunLock(fd)


def is_held(folder: str | os.PathLike) -> bool:
    """Whether a process holds ``folder``'s training lock now. Nothing is written: a folder
    without a lock file (a run an older nndesk made, or one whose process died) is not held.
    When the file exists but the question cannot be asked (no locks on this file system, a
    file that cannot be opened), the answer is True: a run is never called interrupted on a
    guess."""
    return _held(folder, unknown=True)


def is_training(folder: str | os.PathLike) -> bool:
    """Whether a process surely holds ``folder``'s training lock now: unlike ``is_held``, a
    lock that cannot be asked about (no locks on this file system, a file that cannot be
    opened) counts as not held, so such a folder's runs can still be deleted."""
    return _held(folder, unknown=False)


def _held(folder: str | os.PathLike, unknown: bool) -> bool:
    """Whether ``folder``'s training lock is held: False without a lock file, True when another
    holds it, ``unknown`` when the file exists but the question cannot be asked."""
    path = Path(folder) / TRAINING_LOCK
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return unknown
    try:
        try:
            _lock(fd)
        except OSError as err:  # held elsewhere: flock says EWOULDBLOCK, msvcrt EACCES
            held = err.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK)
            return held or unknown
        with contextlib.suppress(OSError):
            _unlock(fd)
        return False
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    """Take ``fd``'s exclusive lock without waiting; ``OSError`` when it is held or locks are
    not available."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    elif msvcrt is not None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte (a lock may pass the end)
    else:
        raise OSError(errno.ENOLCK, "no file locks on this platform")


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    elif msvcrt is not None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
