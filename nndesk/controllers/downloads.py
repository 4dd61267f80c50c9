"""Dataset downloads for the window: one at a time, off the GUI thread, cancellable.

The worker is a plain thread running ``nndesk.data.download_dataset`` (Qt-free); this QObject
lives on the GUI thread and the worker only emits its signals, which Qt queues to the widgets.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from nndesk.data.download import (
    Cancel,
    DownloadError,
    download_dataset,
)
from nndesk.data.registry import DATASETS
from nndesk.errors import NndeskError, user_message

#: progress signals at most this often (seconds): a 30 MB download has ~500 chunks
PROGRESS_INTERVAL = 0.05


def window_sentence(err: DownloadError) -> str:
    """The one sentence a window shows for ``err``: which file, what happened, what to do.
    The CLI's line (with hashes, sources and ``--data-dir``) is the banner's details."""
    file = getattr(err, "file", None)
    if err.kind != "mirrors" or file is None:
        return user_message(err)
    if getattr(err, "mismatched", False):
        text = QCoreApplication.translate(
            "Downloads",
            "{file} did not match its checksum and was removed. Try again, or use "
            "Choose a folder… with a copy of the files.",
        )
    else:
        text = QCoreApplication.translate(
            "Downloads",
            "{file} could not be downloaded from any server. Try again, or use "
            "Choose a folder… with a copy of the files.",
        )
    return text.format(file=file)


class DownloadController(QObject):
    """Downloads a registered dataset into the user cache; widgets follow its signals."""

    started = Signal(str)  # dataset name
    progressed = Signal(str, int, int)  # name, bytes so far, bytes expected (all its files)
    finished = Signal(str)  # name: its files are verified in the cache
    failed = Signal(str, str, str)  # name, one-line message, kind ("offline" | "local" | ...)
    cancelled = Signal(str)  # name: stopped by the user; files already verified stay
    failure_details = Signal(str, str)  # name, the long account behind the next ``failed``
    busy_changed = Signal(bool)

    def __init__(
        self,
        mirror: Callable[[], str | None] | None = None,
        downloader: Callable[..., object] = download_dataset,
        parent: QObject | None = None,
        damaged: Callable[[str], Collection[str]] | None = None,
    ) -> None:
        """``damaged(name)``: the names of ``name``'s files in the cache found damaged, which a
        download replaces (``download_dataset``'s ``replace``); called on the download's
        thread (it looks at the files: a stat can hang)."""
        super().__init__(parent)
        self._mirror = mirror or (lambda: None)
        self._downloader = downloader
        self._damaged = damaged or (lambda name: ())
        self._thread: threading.Thread | None = None
        self._cancel: Cancel | None = None
        self._name: str | None = None
        # the worker's last signal arrives (queued) after it ends: clear our state then
        self.finished.connect(self._on_self_ended)
        self.failed.connect(self._on_self_ended)
        self.cancelled.connect(self._on_self_ended)

    def current(self) -> str | None:
        """The dataset being downloaded, or None."""
        return self._name

    @property
    def busy(self) -> bool:
        return self._name is not None

    @Slot(str)
    def start(self, name: str) -> bool:
        """Start downloading ``name``; False if a download is already running."""
        if self._name is not None:
            return False
        self._name = name
        self._cancel = Cancel()
        mirror = self._mirror()
        self._thread = threading.Thread(
            target=self._run,
            args=(name, mirror, self._cancel),
            name="nndesk-download",
            daemon=True,
        )
        self.started.emit(name)
        self.busy_changed.emit(True)
        self._thread.start()
        return True

    @Slot()
    def cancel(self) -> None:
        """Stop the running download at once (its partial file is removed by the worker)."""
        if self._cancel is not None:
            self._cancel.set()

    def _run(self, name: str, mirror: str | None, cancel: Cancel) -> None:
        spec = DATASETS.get(name)
        expected = spec.download_bytes if spec is not None else 0
        finished_bytes = 0
        last: dict[str, int] = {}
        last_emit = 0.0

        def progress(filename: str, done: int, total: int | None) -> None:
            nonlocal finished_bytes, last_emit
            if last and filename not in last:  # the previous file is complete
                finished_bytes += sum(last.values())
                last.clear()
            last[filename] = done
            now = time.monotonic()
            if now - last_emit >= PROGRESS_INTERVAL or (total is not None and done >= total):
                last_emit = now
                so_far = finished_bytes + done
                self.progressed.emit(name, so_far, max(expected, so_far))

        try:
            replace = tuple(self._damaged(name))
            self._downloader(name, progress=progress, mirror=mirror, cancel=cancel, replace=replace)
        except DownloadError as err:
            if err.kind == "cancelled":
                self.cancelled.emit(name)
            else:
                # in the window's language (QCoreApplication.translate is thread-safe)
                self.failure_details.emit(name, user_message(err))
                self.failed.emit(name, window_sentence(err), err.kind)
        except NndeskError as err:
            self.failed.emit(name, user_message(err), "mirrors")
        except Exception as err:  # noqa: BLE001 - a worker reports every failure, never dies
            self.failed.emit(name, f"download failed: {type(err).__name__}: {err}", "error")
        else:
            self.finished.emit(name)

    @Slot()
    def _on_self_ended(self) -> None:
        thread = self._thread
        self._name, self._cancel, self._thread = None, None, None
        if thread is not None:
            thread.join(5)  # its last act was the signal that brought us here
        self.busy_changed.emit(False)

    def wait(self, seconds: float = 30.0) -> bool:
        """Block until the worker thread ends (tests, shutdown); True if it did."""
        thread = self._thread
        if thread is not None:
            thread.join(seconds)
            return not thread.is_alive()
        return True

    @Slot()
    def shutdown(self) -> None:
        """Cancel and wait for the worker (window closing); nothing half-written stays."""
        self.cancel()
        self.wait(10)
