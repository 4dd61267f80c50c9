"""The batch helpers' shared memory segments (``process_split``): named so that one a killed run
left behind is recognisable, and locked by the process that made them while it lives.

A run removes its segments when it ends, however it ends, as long as this process or Python's
resource tracker (a process of its own) lives to do it. When both are killed at once (``kill -9``
of the process group, a service manager's last resort) the segments stay in /dev/shm, which is
memory, until the computer restarts: about 2 MB for a small CNN, more for a wide one, each time.
So each segment is named ``nndesk_<random>`` and its maker holds an ``flock`` on it (the kernel
lets it go when the process dies), and a run about to make its own removes the ones nobody holds
(``remove_dead_segments``), as ``fileio`` does with temp files.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path

from nndesk.fileio import UNLOCKED_GRACE_SECONDS, remove_if_dead

try:
    import fcntl
except ImportError:  # Windows: a segment goes when its last handle closes, nothing is left
    fcntl = None  # type: ignore[assignment]

#: Every segment's name starts so (macOS takes names of at most 31 characters).
PREFIX = "nndesk_"
#: Where Linux keeps the segments as files (elsewhere they cannot be listed: none is removed).
SHM_FOLDER = Path("/dev/shm")


def new_segment(size: int) -> SharedMemory:
    """A new segment of ``size`` bytes named ``nndesk_<random>``, held by this process's lock
    until ``close`` (or its death)."""
    while True:
        try:
            segment = SharedMemory(PREFIX + secrets.token_hex(8), create=True, size=size)
            break
        except FileExistsError:  # another run's name, drawn again
            continue
    fd = getattr(segment, "_fd", -1)  # the open segment (POSIX); closed by segment.close()
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
