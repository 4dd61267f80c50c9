"""Export an experiment (a preset, a saved model, a run, the Train page's settings) as code.

    experiment = from_preset("fashion-mlp-lab")
    write_export(experiment, "fashion_mlp.py", command="nndesk export-script ...")

``numpy_script`` writes one standalone file needing only NumPy (data loading, the network's
forward and backward passes, loss, optimiser, schedule, training loop, evaluation);
``keras_notebook`` writes the same experiment as a Jupyter notebook in Keras. Neither imports
nndesk, and nndesk never imports Keras. Either speaks English or Vietnamese (``words``: the same
code, its comments, explanations, messages and class names in the language).
"""

from __future__ import annotations

import os
from pathlib import Path

from nndesk.codegen.experiment import (
    Experiment,
    from_config,
    from_model,
    from_preset,
    from_run,
)
from nndesk.codegen.keras_notebook import keras_notebook
from nndesk.codegen.numpy_script import numpy_script
from nndesk.codegen.words import LANGUAGES, Words


def export_text(
    experiment: Experiment,
    command: str,
    notebook: bool = False,
    language: str = "en",
    data_folder: str | None = None,
    file_name: str | None = None,
) -> str:
    """The script (or, with ``notebook``, the notebook JSON) for ``experiment``, its comments,
    explanations and messages in ``language`` ("en" or "vi"; ``ConfigError`` for another).
    ``data_folder``: where the app reads the dataset (``data_place.app_data_folder``), the
    notebook's ``DATA_DIR``; ``file_name``: the script's, for the command that runs it."""
    words = Words(language)
    if notebook:
        return keras_notebook(experiment, command, words, data_folder)
    return numpy_script(experiment, command, words, file_name)


def write_export(
    experiment: Experiment,
    path: str | os.PathLike,
    command: str,
    notebook: bool = False,
    replace: bool = True,
    language: str = "en",
    data_folder: str | None = None,
) -> Path:
    """Write the script or notebook for ``experiment`` to ``path`` atomically; returns the path.

    With ``replace=False`` an existing file (even one made meanwhile) is never replaced:
    ``FileExistsError``.
    """
    from nndesk.fileio import atomic_path

    text = export_text(experiment, command, notebook, language, data_folder, Path(path).name)
    with atomic_path(path, replace=replace) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    return Path(path)


__all__ = [
    "Experiment",
    "LANGUAGES",
    "Words",
    "export_text",
    "from_config",
    "from_model",
    "from_preset",
    "from_run",
    "keras_notebook",
    "numpy_script",
    "write_export",
]
