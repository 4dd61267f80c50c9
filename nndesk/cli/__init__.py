"""Command line. With no sub-command it opens the window; sub-commands never import Qt, but
for QtCore to read the folder chosen in the window when a command that reads a dataset is given
neither ``--data-dir`` nor ``$NNDESK_DATA_DIR`` (``nndesk.cli.data_folders``).

    nndesk                                  open the window
    nndesk --data-dir DIR                   open the window with the datasets in DIR
    nndesk models                           the shipped models and the ones you saved
    nndesk download fashion                 fetch and verify a dataset
    nndesk train --preset fashion-mlp-lab   train, print the per-class report, save the model
    nndesk evaluate model.npz               the same report for a saved model (or mnist-cnn...)
    nndesk predict mnist-cnn a.png b.png    classify image files like drawings
    nndesk predict a.png                    the same, with mnist-cnn when no model is named
    nndesk presets                          the lab experiments, one line each (--json too)
    nndesk export-script --preset fashion-mlp-lab -o fashion_mlp_lab.py
                                            the experiment as a standalone NumPy script

Bad input (missing file, corrupt model, unknown preset, bad value) prints one line on stderr and
exits with status 2; an unexpected failure prints one line and exits 1 (``--debug`` shows the
traceback).

The modules: ``dispatch`` (``main``: parse, run, exit status), ``args`` (the flags,
``build_parser``, and the TrainConfig they ask for, ``config_from_args``), ``output`` (one-line
errors, escaped names, strict JSON), ``data_folders`` and ``datasets`` (which folder a dataset
is read from, and loading it), ``report`` (the test-set report), ``model_saving`` (where a
trained model goes), and one module per sub-command: ``listing`` (presets, models),
``download``, ``train``, ``evaluate``, ``calibrate``, ``export_script``, ``predict``.
"""

from __future__ import annotations

from nndesk.cli.args import build_parser, config_from_args
from nndesk.cli.dispatch import main
from nndesk.cli.report import format_confusion

__all__ = ["build_parser", "config_from_args", "format_confusion", "main"]
