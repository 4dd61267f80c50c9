"""After SIGHUP, output meant for the terminal that closed goes nowhere instead of failing.

A terminal that closes sends SIGHUP to what runs in it, and every later write to it fails
(EIO): ``nndesk train`` could then neither print its report nor get to saving the run, and the
window's one line about closing raised in the slot that closes it. So stdout and stderr that
are a terminal (a character device) are pointed at ``os.devnull``; a file or pipe they were
sent to keeps them."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys


def leave_a_closed_terminal(number: int) -> None:
    """For signal ``number`` SIGHUP: stdout and stderr that are a terminal write to
    ``os.devnull`` from now on; for any other signal, nothing."""
    if number != getattr(signal, "SIGHUP", None):
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            fd = stream.fileno()
            if stat.S_ISCHR(os.fstat(fd).st_mode):
                nowhere = os.open(os.devnull, os.O_WRONLY)
                os.dup2(nowhere, fd)
                os.close(nowhere)
