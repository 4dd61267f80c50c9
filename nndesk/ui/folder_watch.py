"""FolderWatch: says when a folder's entries change (a run folder deleted in a file manager or
by ``rm -r``, one put back from the trash, one another nndesk made), once per burst of changes.

The Runs list kept a run deleted outside the app until its tab was shown again, and a click on
it then said its folder "cannot be read" and could be opened. Only the folder itself is
watched, not what its sub-folders hold: a running run rewriting its run.json says nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

#: ms after the last change before ``changed``: a trash of 50 runs is one listing, not 50
SETTLE_MS = 250


class FolderWatch(QObject):
    """Watches ``folder`` (once it exists: ``watch_again`` after it may have been made)."""

    changed = Signal()  # the folder's entries changed, and have been still for SETTLE_MS

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = str(folder)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self.watch_again()

    def watch_again(self) -> None:
        """Watch the folder if it is not watched yet: it did not exist, or was removed and made
        again (a watch ends with its folder)."""
        if self._folder not in self._watcher.directories() and Path(self._folder).is_dir():
            self._watcher.addPath(self._folder)

    def watching(self) -> bool:
        return self._folder in self._watcher.directories()

    @Slot(str)
    def _on_directory_changed(self, _path: str) -> None:
        self._settle.start()
