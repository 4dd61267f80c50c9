"""Where an exported notebook reads its IDX files: the folder the app read them from when it
was exported (walk65 D15: every notebook said ``DATA_DIR = "data"`` and had to be edited by
hand before it ran, while the app had just read the files from a folder it knew)."""

from __future__ import annotations

import os


def app_data_folder(dataset: str, folder: str | os.PathLike | None) -> str | None:
    """The folder holding registered ``dataset``'s four IDX files (itself or its ``mnist/``-style
    sub-folder) that the app reads: ``folder`` (the one it was given or chose; None: its
    download cache) when it holds them, else None (nothing to point the notebook at).
    Stats only: nothing is read or downloaded."""
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import get_spec
    from nndesk.data.sources import find_files
    from nndesk.errors import DataError

    spec = get_spec(dataset)
    place = dataset_cache_dir(spec) if folder is None else folder
    try:
        find_files(place, spec)
    except (DataError, OSError):
        return None
    return os.path.abspath(place)
