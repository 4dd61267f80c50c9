"""Datasets for the window: each loaded once per process, off the GUI thread.

``get_dataset(name)`` is memoised and thread-safe, so the training, evaluation and dataset pages
share one copy (60,000 MNIST images are 47 MB). Call it from worker threads; ``DatasetLoader`` does
that for widgets and reports back through queued signals.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from nndesk import preferences
from nndesk.errors import DataError, NndeskError

_cache: dict[tuple[str, str | None], object] = {}
_locks: dict[tuple[str, str | None], threading.Lock] = {}
_locks_guard = threading.Lock()

#: mode of the window -> the dataset its test images come from
DATASET_FOR_KIND = {"digits": "mnist", "garments": "fashion"}
TITLES = {"mnist": "MNIST", "fashion": "Fashion-MNIST"}


def how_to_get(name: str) -> str:
    """One line telling the user how to make ``name`` available locally."""
    title = TITLES.get(name, name)
    return (
        f"{title} is not on this computer: run `nndesk download {name}` in a terminal, "
        "or point File > Data folder... at a folder holding its IDX files"
    )


#: sub-folder names a parent data folder may use for each dataset
_SUBFOLDERS = {
    "mnist": ("mnist", "MNIST"),
    "fashion": ("fashion-mnist", "fashion", "Fashion-MNIST"),
}


def _folder_for(name: str, data_dir: str | None) -> str | None:
    """The user's data folder may hold the IDX files itself or one sub-folder per dataset."""
    if data_dir is None:
        return None
    for sub in _SUBFOLDERS.get(name, ()):
        if (Path(data_dir) / sub).is_dir():
            return str(Path(data_dir) / sub)
    return data_dir


def get_dataset(name: str, allow_download: bool = False):
    """The ``nndesk.data.Dataset`` called ``name``, loaded at most once (blocking; call off the GUI
    thread). The data folder comes from ``preferences.data_dir()``.

    Raises ``DataError`` with a one-line message saying how to get the data when it is missing.
    """
    from nndesk.data import load_dataset  # the data layer is NumPy-only; import it lazily

    data_dir = _folder_for(name, preferences.data_dir())
    key = (name, data_dir)
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # a second caller for the same dataset waits for the first instead of re-reading
        if key not in _cache:
            try:
                _cache[key] = load_dataset(name, data_dir=data_dir, allow_download=allow_download)
            except DataError as err:
                if allow_download:
                    raise
                raise DataError(f"{err} — {how_to_get(name)}") from None
        return _cache[key]


def forget_datasets() -> None:
    """Drop the memoised datasets (after the data folder changed)."""
    with _locks_guard:
        _cache.clear()


class _LoadJob(QRunnable):
    def __init__(self, loader: DatasetLoader, name: str) -> None:
        super().__init__()
        self._loader, self._name = loader, name

    def run(self) -> None:
        try:
            dataset = get_dataset(self._name)
        except NndeskError as err:
            self._loader.failed.emit(self._name, str(err))
        except Exception as err:  # noqa: BLE001 - a worker must report, never die silently
            self._loader.failed.emit(self._name, f"could not load {self._name}: {err}")
        else:
            self._loader.loaded.emit(dataset)


class DatasetLoader(QObject):
    """Loads datasets on the global thread pool; results arrive as queued signals."""

    loaded = Signal(object)  # nndesk.data.Dataset, ready to use
    failed = Signal(str, str)  # dataset name, one-line message for the user

    def request(self, name: str) -> None:
        """Start loading ``name`` (returns at once; ``loaded`` or ``failed`` follows)."""
        QThreadPool.globalInstance().start(_LoadJob(self, name))
