"""Where the window's file dialogs open: a save dialog in the folder the user last saved to,
else Documents, else the home folder; a folder or image picker in the folder already chosen,
else there too. Never the process's current folder: started from a terminal, that is
wherever the terminal was (a source checkout, /usr/bin), not a place the person chose."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from nndesk import preferences
from nndesk.models import open_folder


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the file system, a NUL
        return False


def save_folder() -> Path:
    """The folder a save dialog opens in."""
    remembered = preferences.last_save_folder()
    if remembered and _is_dir(Path(remembered)):
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and _is_dir(Path(documents)):
        return Path(documents)
    return Path.home()


#: characters no file name may hold on one of the systems nndesk runs on (Windows refuses ":"
#: and the rest; "/" would make the name a folder path)
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*]')


def save_start(name: str, folder: str | os.PathLike = "") -> str:
    """The path a save dialog starts with: ``name`` in ``folder`` (default: ``save_folder()``),
    each character a file name cannot hold anywhere made a "-" ("run 2026-12-03 22:45:34" ->
    "run 2026-12-03 22-45-34")."""
    return str(Path(folder or save_folder()) / _NOT_IN_FILE_NAMES.sub("-", name))


#: how many "-2", "-3"… a proposed name tries before it leaves the choice to the dialog
_FREE_NAME_TRIES = 50


def free_save_start(stem: str, suffix: str, folder: str | os.PathLike = "") -> str:
    """``save_start(stem + suffix, folder)``, or with "-2", "-3"… before the suffix when a file
    has that name: a proposed name never points at an old file (the dialog's "replace?" is easy
    to answer Yes to without reading). A few stats in the save folder."""
    first = save_start(f"{stem}{suffix}", folder)
    for n in range(1, _FREE_NAME_TRIES + 1):
        start = first if n == 1 else save_start(f"{stem}-{n}{suffix}", folder)
        try:
            if not os.path.lexists(start):
                return start
        except (OSError, ValueError):
            return start
    return first


def remember_saved(path: str | os.PathLike) -> None:
    """The user chose ``path`` in a save dialog: the next one opens in its folder."""
    if path:
        preferences.set_last_save_folder(Path(path).parent)


def _can_list(path: Path) -> bool:
    """Whether this user may list ``path``'s entries (read and enter it)."""
    try:
        return os.access(path, os.R_OK | os.X_OK)
    except (OSError, ValueError):
        return False


def start_folder(current: str | os.PathLike | None = None) -> str:
    """Where a folder (or image) picker opens: ``current`` when it is a folder, else
    ``save_folder()``. A folder this user may not list (another user's, mode 000) opens at its
    nearest parent that can be listed, where it shows by name: opened inside it, Qt's dialog
    showed an empty list and printed "inotify_add_watch(…) failed: (Permission denied)" on the
    terminal (walk55c D8, its file watcher)."""
    if current and _is_dir(Path(current)):
        path = Path(current)
        for place in (path, *path.parents):
            if _can_list(place):
                return str(place)
    return str(save_folder())


def model_open_start() -> str:
    """Where an "Open model" dialog opens: the newest saved model's folder, else the runs
    folder (``models.open_folder``), else ``save_folder()``."""
    return start_folder(open_folder())
