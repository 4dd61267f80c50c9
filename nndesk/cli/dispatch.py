"""``main``: parse the command line, run the sub-command, and turn every failure into one line
and an exit status (2 for bad input, 1 for an unexpected failure, 130 for Ctrl-C, 128 + the
signal for SIGTERM and SIGHUP). With no sub-command it opens the window (Qt is imported only
then). ``nndesk.cli.main`` calls it with the ending signals' handlers already set
(``nndesk.cli.signals.ending_signals``), from before this module loads."""

from __future__ import annotations

import contextlib
import errno
import logging
import sys
import warnings
from pathlib import Path

from nndesk.cli import calibrate, download, evaluate, export_script, listing, predict, train
from nndesk.cli.args import build_parser
from nndesk.cli.display import NO_DISPLAY, no_display
from nndesk.cli.output import error, print_json, warning_line
from nndesk.cli.signals import ended_status
from nndesk.errors import NndeskError

#: The system's refusals that a person fixes by giving another path: exit 2, like bad input.
_BAD_INPUT_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENAMETOOLONG, errno.ELOOP)


def main(argv: list[str] | None = None, give_back_signals=lambda: None) -> int:
    """Run the command ``argv`` asks for; ``give_back_signals`` restores the ending signals'
    handlers before the window opens (it handles them itself: ``nndesk.app.closing_signals``)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        give_back_signals()
        return _open_window(None)
    _printable_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its one-line usage error (status 2)
        return int(exit_.code or 0)
    if args.version:  # before anything else, as argparse's version action did
        from nndesk.version import nndesk_version

        if args.version_json:
            print_json({"version": nndesk_version()})
        else:
            print(f"nndesk {nndesk_version()}")
        return 0
    if args.version_json:
        error("--json goes with --version or after a command (nndesk train --json)")
        return 2
    if args.command is None:
        give_back_signals()
        return _open_window(args.window_data_dir)
    commands = {
        "download": download.cmd_download,
        "train": train.cmd_train,
        "evaluate": evaluate.cmd_evaluate,
        "predict": predict.cmd_predict,
        "presets": listing.cmd_presets,
        "models": listing.cmd_models,
        "runs": listing.cmd_models,  # the alias a student types first (the window's Runs tab)
        "calibrate": calibrate.cmd_calibrate,
        "export-script": export_script.cmd_export_script,
    }
    try:
        _apply_common(args)
        with warnings.catch_warnings():
            warnings.showwarning = warning_line  # restored when the command returns
            # an old model file's warning is said once per command, however often it is read
            from nndesk.nn.serialization import OldModelFileWarning

            warnings.simplefilter("default", OldModelFileWarning)
            # SIGTERM and SIGHUP end it as Ctrl-C does, cleaned up (nndesk.cli.main's handlers)
            with _bug_report_logs(args.debug):
                return commands[args.command](args)
    except NndeskError as err:
        error(str(err))
        return 2
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as err:
        error(f"{err.strerror}: {err.filename}" if err.filename else str(err))
        return 2
    except BrokenPipeError:  # `nndesk presets | head`: the reader left, nothing is wrong
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as interrupted:  # Ctrl-C, or SIGTERM and SIGHUP (Ended)
        return ended_status(interrupted)
    except MemoryError:  # e.g. a full-batch CNN: its activations alone need gigabytes
        error("ran out of memory: try a smaller network or batch size")
        return 1
    except OSError as err:  # the system refused a read or write: a full disk, a read-only mount
        if args.debug:
            raise
        error(f"{err.strerror}: {err.filename}" if err.filename and err.strerror else str(err))
        return 2 if err.errno in _BAD_INPUT_ERRNOS else 1
    except Exception as err:
        if args.debug:
            raise
        error(f"unexpected {type(err).__name__}: {err} (run with --debug for the traceback)")
        return 1


@contextlib.contextmanager
def _bug_report_logs(shown: bool):
    """What nndesk's modules log for a bug report (a batch helper's traceback) is written to
    stderr as ``nndesk: ...`` with ``--debug`` only: without it a command says what went wrong
    in one line (the run's note that its helper stopped)."""
    logger = logging.getLogger("nndesk")
    kept = logger.level, logger.propagate
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("nndesk: %(message)s"))
    if shown:
        logger.addHandler(handler)
        logger.propagate = False  # once, not again through the root's handlers
    else:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(kept[0])
        logger.propagate = kept[1]


def _printable_streams() -> None:
    """Never fail on printing: a character the terminal cannot take is written escaped."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _open_window(data_dir: str | None) -> int:
    if no_display():  # before Qt, which aborts with advice that cannot help
        error(NO_DISPLAY)
        return 2
    if data_dir is not None and not Path(data_dir).is_dir():
        error(f"--data-dir {data_dir}: no such folder")
        return 2
    # Qt is imported only here. A sign is up before the window's modules load: they take
    # seconds, and a first start minutes (walk71 F12)
    from nndesk.ui.starting_sign import load_the_window_modules, show_starting_sign

    sign = show_starting_sign()
    load_the_window_modules(sign)
    from nndesk.app import run

    return run(data_dir=data_dir, sign=sign)


def _apply_common(args) -> None:
    """The top-level ``--data-dir`` serves sub-commands too; model names become files."""
    from nndesk.models import resolve_model

    if args.window_data_dir is not None and getattr(args, "data_dir", "absent") is None:
        args.data_dir = args.window_data_dir
    if args.window_data_dir is not None and getattr(args, "dest", "absent") is None:
        args.dest = args.window_data_dir  # `nndesk --data-dir DIR download mnist` fills DIR
    if getattr(args, "model", None) is not None:
        from nndesk.models import shipped_name

        args.shipped_name = shipped_name(args.model)  # named by its name: never rewritten
        args.model = str(resolve_model(args.model))
    if getattr(args, "resume", None) is not None:
        args.resume = str(resolve_model(args.resume))
    preset = getattr(args, "preset", None)
    if isinstance(preset, str):
        from nndesk.presets import RENAMED_PRESETS, renamed_note

        note = renamed_note(preset)
        if note is not None:  # an old name, still taken: said once, then the new one is used
            print(f"nndesk: note: {note}", file=sys.stderr)
            args.preset = RENAMED_PRESETS[preset]
