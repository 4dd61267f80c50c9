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

import importlib

from nndesk.cli.signals import ended_status, ending_signals

__all__ = ["build_parser", "config_from_args", "format_confusion", "main"]

#: Loaded when first asked for, not with this package: ``main`` sets the signals' handlers
#: before the command line's modules (NumPy among them) load.
_LATER = {
    "build_parser": "nndesk.cli.args",
    "config_from_args": "nndesk.cli.args",
    "format_confusion": "nndesk.cli.report",
}


def main(argv: list[str] | None = None) -> int:
    """The command line (``nndesk.cli.dispatch.main``), with SIGTERM and SIGHUP ending it as
    Ctrl-C does from its first moment: a signal while its modules load or its data is read
    (the first ~0.3 s) ends it in one line with the status a later one gives, where Ctrl-C
    printed a traceback and SIGTERM ended it without a word."""
    try:
        with ending_signals() as give_back:
            from nndesk.cli import dispatch

            return dispatch.main(argv, give_back)
    except KeyboardInterrupt as interrupted:  # Ended too; the window's own Ctrl-C as well
        return ended_status(interrupted)


def __getattr__(name: str):
    if name in _LATER:
        return getattr(importlib.import_module(_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
