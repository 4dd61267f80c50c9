"""The runs folder read off the GUI thread when reading it would take long.

A run.json is at most 32 MB and parsing a hostile one took seconds, all of them the window's if
read on its thread (it used to be, at start). ``RunListReader`` keeps the records it has read
(by the stamp of their file), so a listing reads only new or changed files: when those are few
and small (a run just saved) it reads them at once; otherwise on its worker thread, answering
with ``listed``. Killed saves' temp files are cleaned up on the worker too.
"""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from nndesk.run_record import RunRecord
from nndesk.runs import KnownRecords, RunStore

#: A listing that reads at most this many new or changed records, of at most this many bytes
#: together, is done at once on the caller's thread (a few milliseconds).
QUICK_RECORDS = 32
QUICK_BYTES = 512 * 1024
#: A runs folder of more runs is always listed on the worker: looking at each run's files
#: (stats, a model saved elsewhere) took 0.15 s of the GUI thread for 2,000 runs.
QUICK_FOLDERS = 200

_pool_lock = threading.Lock()
_pool_instance: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """One worker for every reader: listings are answered in the order they were asked."""
    global _pool_instance
    with _pool_lock:
        if _pool_instance is None:
            _pool_instance = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nndesk-runs")
        return _pool_instance


class RunListReader(QObject):
    """Lists ``store``'s runs at once when that is quick, else on a worker thread."""

    listed = Signal(int, object)  # (number of the listing asked, list[RunRecord]), GUI thread

    def __init__(self, store: RunStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.known: KnownRecords = {}
        self._asked = 0

    @property
    def latest(self) -> int:
        """The number of the newest listing asked for; older answers are out of date."""
        return self._asked

    def list_if_quick(self) -> list[RunRecord] | None:
        """The runs now, when few and small files need reading; else None (use ``list_later``).
        A listing answered later but asked before this one is out of date."""
        if self.store.folder_count() > QUICK_FOLDERS:
            return None
        count, size = self.store.unread(self.known)
        if count > QUICK_RECORDS or size > QUICK_BYTES:
            return None
        self._asked += 1
        return self.store.list(self.known)

    def list_later(self) -> int:
        """List on the worker thread; ``listed`` answers with the number returned here."""
        self._asked += 1
        number = self._asked
        _pool().submit(self._list, number)
        return number

    def remove_stale_temps_later(self) -> None:
        """Remove the temp files killed saves left in run folders, on the worker thread."""
        # the folders are named now: the worker may run after a test has changed NNDESK_HOME
        _pool().submit(self.store.remove_stale_temps, self.store.fallback_folders())

    def _list(self, number: int) -> None:
        records = self.store.list(self.known)
        # the view may be gone by now (the window closed or rebuilt in another language)
        with contextlib.suppress(RuntimeError):
            self.listed.emit(number, records)
