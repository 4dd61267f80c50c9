"""Which folder registered datasets are read from: the one order the window and the commands
share (``preferences.data_folder`` and ``cli_data.choose`` both ask ``first_folder``).

1. A folder named for this run: a command's ``--data-dir``; in the window, ``nndesk
   --data-dir DIR`` or a folder the person chose during this session (Choose a folder…,
   File > Data folder…, Settings): what they pick now is what they want now.
2. ``$NNDESK_DATA_DIR``: an explicit environment setting wins over a remembered one, as
   configuration tools conventionally do (a lab machine's setup says where its data is).
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


def environment_folder() -> str | None:
    """``$NNDESK_DATA_DIR``, or None when it is unset or empty."""
    return os.environ.get(DATA_DIR_ENV) or None


def _any_folder(folder: str) -> bool:
    return True


def first_folder(
    named: DataFolder | None,
    remembered: Callable[[], str | None],
    usable: Callable[[str], bool] = _any_folder,
) -> DataFolder:
    """The folder to read from, in the order above: ``named`` (this run's), else
    ``$NNDESK_DATA_DIR``, else ``remembered()`` when ``usable`` says it will do (a command
    passes over a remembered folder without the files it needs), else the cache."""
    if named is not None:
        return named
    env = environment_folder()
    if env is not None:
        return DataFolder(env, FROM_ENV)
    folder = remembered()
    if folder and usable(folder):
        return DataFolder(folder, FROM_WINDOW)
    return DataFolder(None, FROM_CACHE)
