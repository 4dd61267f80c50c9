"""Dataset downloads for the window: one at a time, off the GUI thread, cancellable.

The worker is a plain thread running ``nndesk.data.download_dataset`` (Qt-free); this QObject
lives on the GUI thread and the worker only emits its signals, which Qt queues to the widgets.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Callable, Collection
from dataclasses import dataclass

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
    """The one sentence a window shows for ``err``: which file, what happened. The CLI's line
    (with hashes, sources and ``--data-dir``) is the banner's details; the ways out are the
    next line (``ways_out``)."""
    file = getattr(err, "file", None)
    if err.kind != "mirrors" or file is None:
        return user_message(err)
    if getattr(err, "mismatched", False):
        text = QCoreApplication.translate(
            "Downloads", "{file} did not match its checksum and was removed."
        )
    else:
        text = QCoreApplication.translate(
            "Downloads", "{file} could not be downloaded from any server."
        )
    return text.format(file=file)


def mirror_name(mirror: str) -> str:
    """How a banner names a classroom mirror: a web address by its host ("teacher-pc:8000"),
    a folder by its path."""
    if mirror.lower().startswith(("http://", "https://")):
        return urllib.parse.urlsplit(mirror).netloc or mirror
    return mirror


def ways_out(name: str, kind: str, tried: str | None, mirror: str | None) -> str:
    """The line after a failed download of ``name``: what the banner's buttons do about it
    (Try again, Choose a folder…, Classroom mirror…). A class without internet needs the
    mirror, so a failure to reach or to get the files names it: set one, check the one that
    was tried (``tried``), or, once another is set (``mirror``, the setting now), that Try
    again uses that one."""
    title = DATASETS[name].short_title if name in DATASETS else name
    if kind not in MIRROR_HELPS:
        text = QCoreApplication.translate(
            "Downloads", "Try again, or choose a folder holding the four {title} files."
        )
    elif mirror and mirror != tried:
        text = QCoreApplication.translate(
            "Downloads",
            "Try again uses the classroom mirror {mirror}, or choose a folder holding the "
            "four {title} files.",
        )
    elif mirror:  # the one tried: named, as the CLI names it (walk47 D6)
        text = QCoreApplication.translate(
            "Downloads",
            "Try again, check the classroom mirror {mirror} (tried first; File > Settings…), "
            "or choose a folder holding the four {title} files.",
        )
    else:
        text = QCoreApplication.translate(
            "Downloads",
            "Try again, choose a folder holding the four {title} files, or set a classroom "
            "mirror (File > Settings…).",
        )
    return text.format(title=title, mirror=mirror_name(mirror or ""))


#: the failures a classroom mirror is the way out of: no server reached, or none sent the files
MIRROR_HELPS = ("offline", "mirrors")


@dataclass(frozen=True)
class DownloadFailure:
    """The last download of dataset ``name`` that failed, as every banner offering ``name``
    says it until the data changes or a new download starts: ``message`` (why, then the ways
    out, on two lines), its ``kind`` ("offline", "mirrors", "local", "error") and ``details``
    (the long account: sources tried, hashes; "" when it says no more than ``message``)."""

    name: str
    kind: str
    message: str
    details: str = ""


@dataclass(frozen=True)
class FailedDownload:
    """A failed download as remembered, not as said: ``why()`` and ``details()`` word it in
    the language of the moment, and the ways out depend on the classroom mirror set now, so
    a language switch or a mirror set since changes what the banners say (``tried``: the
    mirror this download tried, or None)."""

    name: str
    kind: str
    why: Callable[[], str]
    details: Callable[[], str]
    tried: str | None

    def said(self, mirror: str | None) -> DownloadFailure:
        """What a banner says of it while ``mirror`` is the classroom mirror set."""
        why, details = self.why(), self.details()
        ways = ways_out(self.name, self.kind, self.tried, mirror)
        return DownloadFailure(
            self.name, self.kind, f"{why}\n{ways}", details if details != why else ""
        )


class DownloadController(QObject):
    """Downloads a registered dataset into the user cache; widgets follow its signals."""

    started = Signal(str)  # dataset name
    progressed = Signal(str, int, int)  # name, bytes so far, bytes expected (all its files)
    finished = Signal(str)  # name: its files are verified in the cache
    # name, message (why, then the ways out: two lines), kind ("offline" | "local" | ...)
    failed = Signal(str, str, str)
    cancelled = Signal(str)  # name: stopped by the user; files already verified stay
    failure_details = Signal(str, str)  # name, the long account behind the next ``failed``
    # name: what its failed download says changed (another classroom mirror set, or failures
    # adopted from the window this one replaced): banners offering it ask ``failure`` again
    failure_reworded = Signal(str)
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
        # dataset -> its last failed download, said by every banner offering it
        # (``failure``); written by the worker before its ``failed`` is emitted
        self._failures: dict[str, FailedDownload] = {}
        self._failures_lock = threading.Lock()
        # the worker's last signal arrives (queued) after it ends: clear our state then
        self.finished.connect(self._on_self_ended)
        self.failed.connect(self._on_self_ended)
        self.cancelled.connect(self._on_self_ended)

    def current(self) -> str | None:
        """The dataset being downloaded, or None."""
        return self._name

    def failure(self, name: str | None) -> DownloadFailure | None:
        """The last download of ``name`` that failed, until the data changes
        (``forget_failures``) or a download of it starts; else None."""
        with self._failures_lock:
            failed = self._failures.get(name) if name else None
        return failed.said(self._mirror()) if failed is not None else None

    def failures(self) -> tuple[FailedDownload, ...]:
        """The failed downloads remembered, for the window rebuilt in another language."""
        with self._failures_lock:
            return tuple(self._failures.values())

    def adopt_failures(self, failures: Collection[FailedDownload]) -> None:
        """Remember ``failures`` (of the window this one replaces) as if they happened here;
        banners already offering one of their datasets say it."""
        with self._failures_lock:
            for failed in failures:
                self._failures.setdefault(failed.name, failed)
        for failed in failures:
            self.failure_reworded.emit(failed.name)

    @Slot()
    def mirror_changed(self) -> None:
        """Another classroom mirror is set (or none): every failure it was a way out of is said
        again, so no banner asks for a mirror already set or names the one replaced."""
        for failed in self.failures():
            if failed.kind in MIRROR_HELPS:
                self.failure_reworded.emit(failed.name)

    @Slot()
    def forget_failures(self) -> None:
        """The datasets on this computer changed (a folder chosen, a download finished): what
        a failed download said no longer explains why data is missing."""
        with self._failures_lock:
            self._failures.clear()

    def _fail(
        self,
        name: str,
        kind: str,
        why: Callable[[], str],
        details: Callable[[], str],
        mirror: str | None,
    ) -> None:
        """Remember the failure (for banners shown later), then say it."""
        failed = FailedDownload(name, kind, why, details, mirror)
        failure = failed.said(mirror)
        message = failure.message
        with self._failures_lock:
            self._failures[name] = failed
        if failure.details:
            self.failure_details.emit(name, failure.details)
        self.failed.emit(name, message, kind)

    @property
    def busy(self) -> bool:
        return self._name is not None

    @Slot(str)
    def start(self, name: str) -> bool:
        """Start downloading ``name``; False if a download is already running."""
        if self._name is not None:
            return False
        self._name = name
        with self._failures_lock:
            self._failures.pop(name, None)  # said again if this one fails too
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
                # in the window's language (QCoreApplication.translate is thread-safe); words
                # made again in the language of the moment whenever a banner asks
                err.__traceback__ = None  # remembered: not the worker's frames with it
                self._fail(
                    name,
                    err.kind,
                    lambda e=err: window_sentence(e),  # bound now: ``err`` ends with the block
                    lambda e=err: user_message(e),
                    mirror,
                )
        except NndeskError as err:
            err.__traceback__ = None
            self._fail(name, "mirrors", lambda e=err: user_message(e), lambda: "", mirror)
        except Exception as err:  # noqa: BLE001 - a worker reports every failure, never dies
            why = f"download failed: {type(err).__name__}: {err}"
            self._fail(name, "error", lambda: why, lambda: "", mirror)
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
