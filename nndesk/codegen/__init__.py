"""Export an experiment (a preset, a saved model, a run, the Train page's settings) as code.

    experiment = from_preset("fashion-mlp")
    write_export(experiment, "fashion_mlp.py", command="nndesk export-script ...")

``numpy_script`` writes one standalone file needing only NumPy (data loading, the network's
forward and backward passes, loss, optimiser, schedule, training loop, evaluation);
``keras_notebook`` writes the same experiment as a Jupyter notebook in Keras. Neither imports
nndesk, and nndesk never imports Keras.
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


def export_text(experiment: Experiment, command: str, notebook: bool = False) -> str:
    """The script (or, with ``notebook``, the notebook JSON) for ``experiment``."""
    return (keras_notebook if notebook else numpy_script)(experiment, command)


def write_export(
    experiment: Experiment,
    path: str | os.PathLike,
    command: str,
    notebook: bool = False,
    replace: bool = True,
) -> Path:
    """Write the script or notebook for ``experiment`` to ``path`` atomically; returns the path.

    With ``replace=False`` an existing file (even one made meanwhile) is never replaced:
    ``FileExistsError``.
    """
    from nndesk.fileio import atomic_path

    text = export_text(experiment, command, notebook)
    with atomic_path(path, replace=replace) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    return Path(path)


__all__ = [
    "Experiment",
    "export_text",
    "from_config",
    "from_model",
    "from_preset",
    "from_run",
    "keras_notebook",
    "numpy_script",
    "write_export",
]
