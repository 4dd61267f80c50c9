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
    """Watches ``folder``; while it does not exist, the nearest folder above it that does, to
    watch it once it is made (the first run a terminal trained made the runs folder, and the
    window never heard of it, walk55 D14); ``follow`` adds folders inside it."""

    changed = Signal()  # the folder's entries changed, and have been still for SETTLE_MS

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = str(folder)
        self._above: str | None = None  # the folder watched until ``folder`` exists
        self._followed: set[str] = set()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self.watch_again()

    def watch_again(self) -> None:
        """Watch the folder if it is not watched yet: it did not exist, or was removed and made
        again (a watch ends with its folder); else the nearest existing folder above it."""
        watched = set(self._watcher.directories())
        if self._folder in watched:
            return
        if Path(self._folder).is_dir():
            self._watcher.addPath(self._folder)
            self._watch_above(None)
            return
        above = next((p for p in Path(self._folder).parents if p.is_dir()), None)
        self._watch_above(str(above) if above is not None else None)

    def _watch_above(self, above: str | None) -> None:
        if above == self._above:
            return
        if self._above is not None and self._above not in self._followed:
            self._watcher.removePath(self._above)
        self._above = above
        if above is not None and above not in self._watcher.directories():
            self._watcher.addPath(above)

    def follow(self, folders) -> None:
        """Watch ``folders`` too (their entries: a run another process trains rewrites its
        run.json there as it ends), and no longer the ones followed before and not named."""
        wanted = {str(f) for f in folders}
        gone = self._followed - wanted - {self._folder, self._above}
        if gone:
            self._watcher.removePaths(sorted(gone))
        new = sorted(f for f in wanted - self._followed if Path(f).is_dir())
        if new:
            self._watcher.addPaths(new)
        self._followed = {f for f in wanted if f in set(self._watcher.directories())}

    def watching(self) -> bool:
        return self._folder in self._watcher.directories()

    @Slot(str)
    def _on_directory_changed(self, path: str) -> None:
        if path == self._above and path not in self._followed:
            self.watch_again()  # the folder may have been made: watched from now on
            if not self.watching():
                return  # something else changed up there
        self._settle.start()
