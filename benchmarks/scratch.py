"""Scratch folders the benchmarks make in the temp folder, removed when the benchmark ends
(not a benchmark; imported by bench_*.py beside it).

A benchmark's window keeps its settings and runs in a scratch ``NNDESK_HOME`` so the user's own
stay out of it. Made with ``tempfile.mkdtemp`` and never removed, they added up: about 190 MB
of ``nndesk-bench-*`` folders in /tmp after a day's measuring. ``scratch_folder`` removes its
folders when the interpreter exits; a benchmark that skips the interpreter's teardown (whose
cost it does not measure) leaves through ``leave_now``, which removes them first.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

_MADE: list[str] = []


def scratch_folder(prefix: str = "nndesk-bench-") -> str:
    """A new empty folder in the temp folder, removed when this process ends."""
    folder = tempfile.mkdtemp(prefix=prefix)
    _MADE.append(folder)
    return folder


def scratch_home(prefix: str = "nndesk-bench-") -> str:
    """``NNDESK_HOME``: the one set, else a scratch folder (set as ``NNDESK_HOME``)."""
    if "NNDESK_HOME" not in os.environ:
        os.environ["NNDESK_HOME"] = scratch_folder(prefix)
    return os.environ["NNDESK_HOME"]


def remove_scratch() -> None:
    """Remove every scratch folder this process made (those already gone are skipped)."""
    while _MADE:
        shutil.rmtree(_MADE.pop(), ignore_errors=True)


def leave_now(code: int = 0) -> None:
    """End the process at once, without the interpreter's teardown (``os._exit``), the scratch
    folders removed and the output flushed first."""
    remove_scratch()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(code)


atexit.register(remove_scratch)
