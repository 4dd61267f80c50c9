"""The batch helpers' shared memory segments (``process_split``): named so that one a killed run
left behind is recognisable, locked by the process that made them while it lives, and removed
by nndesk itself, never by Python's resource tracker.

A run removes its segments when it ends, however it ends, as long as it lives to do it. When
it is killed (``kill -9``) its helpers find the pipe to it closed and remove them
(``process_split._serve``); when they are killed with it (``kill -9`` of the process group, a
service manager's last resort) the segments stay in /dev/shm, which is memory, until the
computer restarts: about 2 MB for a small CNN, more for a wide one, each time. So each segment
is named ``nndesk_<random>`` and its maker holds an ``flock`` on it (the kernel lets it go when
the process dies), and a run about to make its own removes the ones nobody holds
(``remove_dead_segments``), as ``fileio`` does with temp files.

``multiprocessing.shared_memory.SharedMemory`` registers each segment it makes or attaches to
with Python's resource tracker (a process of its own), which removes those still registered
when the run's processes have gone: after a ``kill -9`` it did, and printed a warning about
"leaked shared_memory objects" (and, for a segment gone meanwhile, one more) on the terminal
of a person who had done nothing wrong. Only Python 3.13 can be told not to (``track=False``),
so on POSIX systems a segment is a ``Segment``: the same ``shm_open`` and ``mmap``, no tracker.
Windows removes a segment when its last handle closes: ``SharedMemory`` is used as it is.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import secrets
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path

from nndesk.fileio import UNLOCKED_GRACE_SECONDS, remove_if_dead

try:
    import fcntl
except ImportError:  # Windows: a segment goes when its last handle closes, nothing is left
    fcntl = None  # type: ignore[assignment]
try:
    import _posixshmem  # type: ignore[import-not-found]  # what SharedMemory opens them with
except ImportError:  # Windows
    _posixshmem = None

#: Every segment's name starts so (macOS takes names of at most 31 characters).
PREFIX = "nndesk_"
#: Where Linux keeps the segments as files (elsewhere they cannot be listed: none is removed).
SHM_FOLDER = Path("/dev/shm")


class Segment:
    """The POSIX shared memory segment ``name``, made (``create``, ``size`` bytes, for this
    user only) or attached to; SharedMemory's ``name``, ``size``, ``buf`` and ``close``, and
    ``fd``, the open segment (the maker's lock is on it). Removed by ``unlink_segment``."""

    def __init__(self, name: str, create: bool = False, size: int = 0) -> None:
        if create and size <= 0:
            raise ValueError("a new shared memory segment needs a size above 0")
        self.name = name
        flags = os.O_RDWR | (os.O_CREAT | os.O_EXCL if create else 0)
        self.fd = _posixshmem.shm_open("/" + name, flags, mode=0o600)
        try:
            if create:
                os.ftruncate(self.fd, size)
            self.size = os.fstat(self.fd).st_size
            self._mmap: mmap.mmap | None = mmap.mmap(self.fd, self.size)
        except BaseException:
            os.close(self.fd)
            if create:
                unlink_segment(name)
            raise
        self.buf: memoryview | None = memoryview(self._mmap)

    def close(self) -> None:
        """Unmap the segment and close it (``BufferError`` while a NumPy view of it lives);
        the segment itself stays until it is unlinked."""
        if self.buf is not None:
            self.buf.release()
            self.buf = None
        if self._mmap is not None:
            self._mmap.close()
            self._mmap = None
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def open_segment(name: str, create: bool = False, size: int = 0) -> Segment | SharedMemory:
    """The segment ``name`` (``Segment``'s arguments): a ``Segment`` on POSIX systems, a
    ``SharedMemory`` on Windows."""
    if _posixshmem is None:
        return SharedMemory(name, create=create, size=size)
    return Segment(name, create=create, size=size)


def unlink_segment(name: str) -> None:
    """Remove the segment ``name`` if it is still there (a mapping of it stays valid)."""
    if _posixshmem is not None:
        with contextlib.suppress(FileNotFoundError):
            _posixshmem.shm_unlink("/" + name)


def remove_segment(segment: Segment | SharedMemory) -> None:
    """Close and remove ``segment`` (a view still held elsewhere keeps its memory mapped)."""
    with contextlib.suppress(BufferError):
        segment.close()
    unlink_segment(segment.name)


def new_segment(size: int) -> Segment | SharedMemory:
    """A new segment of ``size`` bytes named ``nndesk_<random>``, held by this process's lock
    until ``close`` (or its death)."""
    while True:
        try:
            segment = open_segment(PREFIX + secrets.token_hex(8), create=True, size=size)
            break
        except FileExistsError:  # another run's name, drawn again
            continue
    fd = getattr(segment, "fd", -1)  # the open segment (POSIX); closed by segment.close()
    if fcntl is not None and fd >= 0:
        with contextlib.suppress(OSError):  # no locks here: it is left alone as a young one
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return segment


def remove_dead_segments(
    folder: Path = SHM_FOLDER, older_than: float = UNLOCKED_GRACE_SECONDS
) -> int:
    """Remove the segments killed runs left in ``folder``: named ``nndesk_...``, held by no
    process, unchanged for ``older_than`` seconds (``fileio.remove_if_dead``); how many."""
    if fcntl is None:
        return 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    return sum(
        1
        for entry in entries
        if entry.name.startswith(PREFIX) and remove_if_dead(entry.path, older_than)
    )
