"""Which folder registered datasets are read from: the one order the window and the commands
share (``preferences.data_folder`` and ``cli.data_folders.choose`` both ask ``first_folder``).

1. A folder named for this run: a command's ``--data-dir``; in the window, ``nndesk
   --data-dir DIR`` or a folder the person chose during this session (Choose a folder…,
   File > Data folder…, Settings): what they pick now is what they want now.
2. ``$NNDESK_DATA_DIR``: an explicit environment setting wins over a remembered one, as
   configuration tools conventionally do (a lab machine's setup says where its data is).
   A command passes over it for the cache when it lacks the dataset's files (or holds the
   other dataset's) and the cache holds them: the window reads that copy then too
   (``controllers.datasets.source_folder``), and a standing setting left pointing at an empty
   folder must not make ``nndesk download`` useless. A folder of step 1 is never passed over:
   named for this run, a mistyped one is said, not replaced unseen.
3. The folder the window remembers from an earlier session.
4. nndesk's download cache (``folder`` None).

No Qt here: the remembered folder is read by a function passed in, and only when the first two
give nothing, so a command given ``--data-dir`` or ``$NNDESK_DATA_DIR`` never loads Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from nndesk.data.sources import DATA_DIR_ENV

#: where the folder came from, as the ``--json`` output's ``data.from`` says it
FROM_FLAG, FROM_ENV, FROM_WINDOW, FROM_CACHE = "--data-dir", DATA_DIR_ENV, "window", "cache"


@dataclass(frozen=True)
class DataFolder:
    """The folder to read from (None: the cache, downloading what is missing) and why
    (one of ``FROM_FLAG``, ``FROM_ENV``, ``FROM_WINDOW``, ``FROM_CACHE``)."""

    folder: str | None
    source: str
    #: ``$NNDESK_DATA_DIR`` when it was passed over for the cache (step 2 above), else None
    passed_over: str | None = None


def environment_folder() -> str | None:
    """``$NNDESK_DATA_DIR``, or None when it is unset or empty."""
    return os.environ.get(DATA_DIR_ENV) or None


def _any_folder(folder: str) -> bool:
    return True


def _nothing_cached() -> bool:
    return False


def first_folder(
    named: DataFolder | None,
    remembered: Callable[[], str | None],
    usable: Callable[[str], bool] = _any_folder,
    cached: Callable[[], bool] = _nothing_cached,
) -> DataFolder:
    """The folder to read from, in the order above: ``named`` (this run's), else
    ``$NNDESK_DATA_DIR`` unless ``usable`` refuses it and ``cached()`` says the cache holds
    the files, else ``remembered()`` when ``usable`` says it will do (a command passes over a
    remembered folder without the files it needs), else the cache."""
    if named is not None:
        return named
    env = environment_folder()
    if env is not None:
        if usable(env) or not cached():
            return DataFolder(env, FROM_ENV)  # used as given: its error names what is missing
        return DataFolder(None, FROM_CACHE, passed_over=env)
    folder = remembered()
    if folder and usable(folder):
        return DataFolder(folder, FROM_WINDOW)
    return DataFolder(None, FROM_CACHE)
