"""Command line. With no sub-command it opens the window; sub-commands never import Qt, but
for QtCore to read the folder chosen in the window when a command that reads a dataset is given
neither ``--data-dir`` nor ``$NNDESK_DATA_DIR`` (``nndesk.cli_data``).

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

The flags (``build_parser``) and the TrainConfig they ask for (``config_from_args``) are in
``nndesk.cli_args``; this module runs the commands.
"""

from __future__ import annotations

import contextlib
import errno
import json
import math
import os
import re
import signal
import sys
import threading
import time
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from nndesk.cli_args import build_parser, config_from_args
from nndesk.errors import ConfigError, NndeskError, PreprocessError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        from nndesk.app import run  # Qt is imported only here

        return run()
    _printable_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its one-line usage error (status 2)
        return int(exit_.code or 0)
    if args.version:  # before anything else, as argparse's version action did
        from nndesk.version import nndesk_version

        if args.version_json:
            _print_json({"version": nndesk_version()})
        else:
            print(f"nndesk {nndesk_version()}")
        return 0
    if args.version_json:
        _error("--json goes with --version or after a command (nndesk train --json)")
        return 2
    if args.command is None:
        return _open_window(args.window_data_dir)
    commands = {
        "download": _cmd_download,
        "train": _cmd_train,
        "evaluate": _cmd_evaluate,
        "predict": _cmd_predict,
        "presets": _cmd_presets,
        "models": _cmd_models,
        "calibrate": _cmd_calibrate,
        "export-script": _cmd_export_script,
    }
    try:
        _apply_common(args)
        with warnings.catch_warnings():
            warnings.showwarning = _warning_line  # restored when the command returns
            # an old model file's warning is said once per command, however often it is read
            from nndesk.nn.serialization import OldModelFileWarning

            warnings.simplefilter("default", OldModelFileWarning)
            return commands[args.command](args)
    except NndeskError as err:
        _error(str(err))
        return 2
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as err:
        _error(f"{err.strerror}: {err.filename}" if err.filename else str(err))
        return 2
    except BrokenPipeError:  # `nndesk presets | head`: the reader left, nothing is wrong
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except MemoryError:  # e.g. a full-batch CNN: its activations alone need gigabytes
        _error("ran out of memory: try a smaller network or batch size")
        return 1
    except OSError as err:  # the system refused a read or write: a full disk, a read-only mount
        if args.debug:
            raise
        _error(f"{err.strerror}: {err.filename}" if err.filename and err.strerror else str(err))
        return 2 if err.errno in _BAD_INPUT_ERRNOS else 1
    except Exception as err:
        if args.debug:
            raise
        _error(f"unexpected {type(err).__name__}: {err} (run with --debug for the traceback)")
        return 1


#: The system's refusals that a person fixes by giving another path: exit 2, like bad input.
_BAD_INPUT_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENAMETOOLONG, errno.ELOOP)


def _printable_streams() -> None:
    """Never fail on printing: a character the terminal cannot take is written escaped."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _open_window(data_dir: str | None) -> int:
    if data_dir is not None and not Path(data_dir).is_dir():
        _error(f"--data-dir {data_dir}: no such folder")
        return 2
    from nndesk.app import run  # Qt is imported only here

    return run(data_dir=data_dir)


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


def _warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    """Show a warning as one ``nndesk: warning:`` line, without the source line Python adds."""
    print(f"nndesk: warning: {_one_line(str(message))}", file=sys.stderr)


def _error(message: str) -> None:
    # one line, always: a multi-line message would look like a traceback to a student
    print(f"nndesk: error: {_lower_first_word(_one_line(message))}", file=sys.stderr)


def _lower_first_word(line: str) -> str:
    """After "nndesk: error:" the line goes on in lower case, as the others do: a sentence
    also written for the window ("Cannot download MNIST: …") loses its capital; a name
    ("MNIST", "Fashion-MNIST's", a path) keeps it."""
    if re.match(r"[A-Z][a-z]+(?![\w'’-])", line):
        return line[0].lower() + line[1:]
    return line


#: A word of a message longer than this (a path 5,000 characters deep) is shortened in the middle.
LONGEST_WORD = 160


def _one_line(message: str) -> str:
    """``message`` as one printable line: whitespace runs (newlines too) become one space, very
    long words keep their start and end, and control characters are escaped (``_shown``)."""
    words = [
        w if len(w) <= LONGEST_WORD else f"{w[: LONGEST_WORD // 2]}…{w[-LONGEST_WORD // 2 :]}"
        for w in message.split()
    ]
    return _shown(" ".join(words))


def _shown(text) -> str:
    """``text`` (a path, a name read from a file) as it may go to a terminal: control and
    format characters escaped (an escape sequence in a file name would clear the screen or
    retitle the terminal, a newline would split the line, U+202E would reverse what follows),
    and a byte of a file name that is not UTF-8 shown as ``\\xff`` (printing it raw raised
    UnicodeEncodeError on a UTF-8 terminal)."""
    out = []
    for c in str(text):
        if unicodedata.category(c) not in _HIDDEN:
            out.append(c)
        elif 0xDC80 <= ord(c) <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        else:
            out.append(c.encode("unicode_escape").decode("ascii"))
    return "".join(out)


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


# -- presets -------------------------------------------------------------------------------------
def _cmd_presets(args) -> int:
    from nndesk.presets import PRESETS_FOOTNOTE, PRESETS_HEADER, list_presets

    if args.json:  # one object per line, as `models --json`
        for preset in list_presets():
            print(json.dumps(_strict_json(preset.to_dict()), allow_nan=False))
        return 0
    print(PRESETS_HEADER)
    for preset in list_presets():
        print(preset.line())
    print(PRESETS_FOOTNOTE)
    return 0


# -- models --------------------------------------------------------------------------------------
def _cmd_models(args) -> int:
    from nndesk.models import list_models
    from nndesk.runs import RunStore

    RunStore().remove_stale_temps()  # what killed saves left beside the models listed
    entries = list_models()
    if args.json:
        for entry in entries:
            print(json.dumps(entry.to_dict()))
        return 0
    if not entries:
        print("no models: the shipped ones are missing and no run has saved one yet")
        return 0
    rows = [("name", "source", "dataset", "architecture", "test acc.")]
    reasons = []  # a file that cannot be read: its row is marked, the why follows the table
    for e in entries:
        accuracy = f"{e.test_accuracy:.2%}" if e.test_accuracy is not None else "–"
        name = _shown(e.name)
        if e.problem is not None:
            rows.append((name, e.source, "damaged", "(see below)", ""))
            reasons.append(f"{name}: {_one_line(e.problem)}")
        else:
            rows.append((name, e.source, _shown(e.dataset or "?"), _shown(e.arch or "?"), accuracy))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        line = "  ".join(f"{c:<{w}}" for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4]
        print(line.rstrip())
    if reasons:
        print()
        for reason in reasons:
            print(_wrapped(reason))
    if any(e.source == "saved" for e in entries):
        from nndesk.paths import data_dir, runs_dir

        runs = runs_dir()
        if runs.exists() and not runs.is_dir():  # the models went to the nndesk folder
            print(
                f"saved models are kept in {_shown(data_dir())} ({_shown(runs)} is a file, "
                "not a folder)"
            )
        else:
            print(f"saved models are kept in {_shown(runs)}")
    return 0


def _wrapped(paragraph: str) -> str:
    """``paragraph`` wrapped to the terminal's width, its later lines indented; a path is never
    cut (at a space only, never a hyphen: "mnist-cnn.npz" stays whole)."""
    import shutil
    import textwrap

    width = max(40, shutil.get_terminal_size().columns - 1)  # a full line would wrap twice
    return textwrap.fill(
        paragraph,
        width,
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


# -- download ------------------------------------------------------------------------------------
class _DownloadBars:
    """A download progress callback drawing one tqdm bar per file (on stderr)."""

    def __init__(self) -> None:
        self._bars: dict[str, Any] = {}

    def __call__(self, filename: str, done: int, total: int | None) -> None:
        from tqdm import tqdm

        bar = self._bars.get(filename)
        if bar is None:
            bar = self._bars[filename] = tqdm(
                total=total,
                desc=filename,
                unit="B",
                unit_scale=True,
                file=sys.stderr,
                leave=True,  # drawn off a terminal too: a download's log names each file
            )
        bar.update(done - bar.n)
        if total is not None and done >= total:
            bar.close()

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()


def _cmd_download(args) -> int:
    from nndesk import cli_data
    from nndesk.data import download_dataset
    from nndesk.data.download import DownloadError, files_present

    mirror = cli_data.classroom_mirror()
    if mirror is not None and files_present(args.dataset, args.dest) < 4:
        print(_shown(mirror.said()), file=sys.stderr)
    bars = _DownloadBars()
    had = files_present(args.dataset, args.dest)
    try:
        source = mirror.source if mirror is not None else ""  # "": none, not $NNDESK_MIRROR again
        path = download_dataset(args.dataset, dest=args.dest, progress=bars, mirror=source)
    except DownloadError as err:
        if err.kind == "cancelled":
            raise
        raise cli_data.with_hint(err, args.dataset) from None
    finally:
        bars.close()
    print(_shown(path), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        _print_json({"dataset": args.dataset, "path": str(path), "downloaded": had < 4})
    return 0


# -- train ---------------------------------------------------------------------------------------
def _strict_json(value):
    """``value`` with every NaN or infinity replaced by None, so ``json.dumps(allow_nan=False)``
    writes strict JSON (``NaN`` is not JSON; many readers refuse it)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _strict_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_strict_json(v) for v in value]
    return value


def _print_json(payload: dict) -> None:
    print(json.dumps(_strict_json(payload), allow_nan=False), flush=True)


def _replaces_a_model(path: Path, flag: str, force: bool) -> bool:
    """Whether writing a model to ``path`` replaces an existing model. Any other existing file
    (a drawing, notes: a slip of the name) is refused in one line unless ``force``, before any
    work is done: a model written over it would destroy it."""
    from nndesk.nn.serialization import is_model_file

    if not path.is_file():
        return False
    if is_model_file(path):
        return True
    if not force:
        raise ConfigError(
            f"{flag} {path}: that file exists and is not an nndesk model; choose another name, "
            "or add --force to replace it"
        )
    return False


def _checked_out(args, places: list[Path]) -> Path:
    """Where the model will go, checked before any training: ``--out`` (its folder exists and
    takes a new file), else the first of ``places`` whose folder can be made and written (one
    line on stderr says so when that is not the first)."""
    from nndesk.fileio import check_writable
    from nndesk.paths import make_model_folder

    if args.out:
        try:
            out = check_writable(Path(args.out), "--out")
        except OSError as err:
            raise ConfigError(err.strerror or str(err)) from None
        if _replaces_a_model(out, "--out", args.force):
            print(
                f"nndesk: --out {_shown(out)} holds a model: it will be replaced", file=sys.stderr
            )
        return out
    refusals = []
    for place in places:
        try:
            make_model_folder(place.parent)
            check_writable(place)
        except OSError as err:
            refusals.append(_refusal(place.parent, err))
            continue
        if refusals:
            print(
                f"nndesk: {_shown(refusals[0])}; the model will be saved in {_shown(place.parent)}",
                file=sys.stderr,
            )
        return place
    raise ConfigError(
        f"nowhere to save the trained model: {'; '.join(refusals)}; give a folder with --out"
    )


def _refusal(folder: Path, err: OSError) -> str:
    """Why ``folder`` cannot take a model, as the fact: "runs is a file, not a folder" (mkdir
    said only "File exists", walk52 D13), "cannot write in … (Read-only file system)" once
    (check_writable's message was wrapped in the same words again, D14)."""
    try:
        if folder.exists() and not folder.is_dir():
            return f"{folder} is a file, not a folder"
    except OSError:
        pass
    reason = err.strerror or str(err)
    if reason.startswith("cannot write in ") or reason.startswith(f"{folder}"):
        return reason
    return f"cannot write in {folder} ({reason})"


def _save(
    session, out: Path, fallbacks: list[Path], replace: bool = True
) -> tuple[Path, str | None]:
    """Save the trained model to ``out``; if that write fails (disk full, folder gone), to the
    first of ``fallbacks`` that works, so the training is never lost. Returns the path written
    and, after a fallback, one line saying why. ``replace=False`` (a name nndesk chose, not
    ``--out``): an existing file keeps its name and the model takes the next free one."""
    try:
        return _save_as(session, out, replace), None
    except OSError as err:
        first = err
    from nndesk.paths import make_model_folder

    for path in fallbacks:
        if path == out:
            continue
        try:
            make_model_folder(path.parent)
            saved = _save_as(session, path, replace=False)
        except OSError:
            continue
        reason = first.strerror or str(first)
        return saved, f"could not save the model to {out} ({reason}); saved it to {saved} instead"
    reason = first.strerror or str(first)
    message = f"could not save the model to {out} ({reason}), nor to {fallbacks[-1].parent}"
    raise OSError(first.errno, message, str(out))


def _save_as(session, path: Path, replace: bool) -> Path:
    """``session.save(path)``; with ``replace=False`` under the first free name of ``path``,
    ``stem-2``, ``stem-3``... (two runs started in the same second share a name)."""
    if replace:
        return session.save(path)
    for n in range(1, 1000):
        name = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            return session.save(name, replace=False)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "too many models saved under this name", str(path))


def _grow(curves, report) -> None:
    """Add one training report to a run record's ``Curves`` (a batch or an epoch; the run's
    end adds nothing)."""
    from nndesk.training import BatchReport, EpochReport

    if isinstance(report, BatchReport):
        curves.add_batch(report)
    elif isinstance(report, EpochReport):
        curves.add_epoch(report)


def _save_run(
    session, curves, ended, resumed_from: str | None, fallbacks: list[Path]
) -> tuple[Path, str | None]:
    """Keep the trained model as a run, as the window does: a new folder in the runs folder
    holding ``model.npz`` and ``run.json`` (settings, curves, test figures, how it ended), so
    the window's Runs list shows it. If the folder or the model cannot be written (disk full,
    folder gone), the model goes to the first of ``fallbacks`` that takes it (``_save``) and
    the half-made folder is removed. Returns the model's path and, after a problem, one line."""
    from nndesk.runs import MODEL_FILE, RunStore

    store = RunStore()
    record = None
    try:
        record = store.create(session.config.to_dict(), resumed_from=resumed_from)
        saved = session.save(record.folder / MODEL_FILE)
    except OSError as err:
        if record is not None:
            record.release_lock()  # first: Windows removes no file that is open
            with contextlib.suppress(OSError, NndeskError):
                store.delete(record.run_id, permanent=True)
        reason = err.strerror or str(err)
        saved, problem = _save(session, fallbacks[0], fallbacks, replace=False)
        where = record.folder if record is not None else store.root
        return (
            saved,
            problem
            or f"could not save the run in {where} ({reason}); saved the model to {saved} instead",
        )
    record.model_file = MODEL_FILE
    record.curves = curves
    record.metrics = dict(session.metrics)
    record.status, record.message = ended.reason, ended.message
    try:
        store.save(record)
    except OSError as err:
        return saved, f"could not write the run's record in {record.folder} ({err.strerror or err})"
    finally:
        record.release_lock()
    return saved, None


def _save_places(args, config) -> list[Path]:
    """Where a model goes without ``--out``, in order: the runs folder, then the save fallback
    folders (``paths.model_fallback_dirs``: the nndesk folder, the temporary folder), each
    under the name ``nndesk models`` looks for there."""
    from nndesk.paths import fallback_model_name, model_fallback_dirs, runs_dir

    run = f"{time.strftime('%Y%m%d-%H%M%S')}-{args.preset or Path(config.dataset).name}"
    fallbacks = [folder / fallback_model_name(run) for folder in model_fallback_dirs()]
    return [runs_dir() / f"{run}.npz", *fallbacks]


def _cmd_train(args) -> int:
    from nndesk.runs import Curves
    from nndesk.training import RunEnded, prepare, train
    from nndesk.training.process_split import started_early

    resumed = None
    if args.resume:  # read once: its settings, then its weights and optimizer state
        from nndesk.nn.serialization import load_model

        resumed = load_model(args.resume)
    config = config_from_args(args, resumed)
    places = _save_places(args, config)
    out = _checked_out(args, places)  # a bad --out (or no place at all) ends here, untrained
    log = sys.stderr if args.json else sys.stdout  # with --json stdout holds only the JSON
    data = _data_folder(args.data_dir, config.dataset, log)
    # the run's helper processes, if its batches will be split over them, start while the data
    # loads and the model is built; those the run does not take end with the block
    with started_early(config):
        bars = _DownloadBars()
        try:
            with _on_disk_hint(data, config.dataset):
                mirror = _download_mirror(data, config.dataset, log)
                session = prepare(
                    config, data_dir=data.folder, resume=resumed, progress=bars, mirror=mirror
                )
        finally:
            bars.close()
        config = session.config
        if resumed is not None:  # which epochs this goes through, as the window's Continue does
            done = session.epochs_done
            before = f"{done} finished before" if done else "none finished before"
            if session.partial is not None:
                before += f", epoch {done + 1} part way"
            print(f"continuing: epochs {done + 1} to {session.last_epoch} ({before})", file=log)
        name = args.preset or "custom"
        print(
            f"{name}: {_shown(session.dataset.name)}, {config.arch} "
            f"{config.activation}/{config.output}, {config.loss}, "
            f"{config.optimizer} lr {config.lr:g}, "
            f"batch {config.batch_size or 'full'}, {len(session.y_train)} train / "
            f"{len(session.y_val)} val images",
            file=log,
        )

        t_start = time.perf_counter()
        bar_state: dict = {"bar": None}
        ended: RunEnded | None = None
        curves = Curves.from_history(list(session.history))  # a resumed model's epochs first
        # a full-batch run has one batch per epoch: a bar per epoch would flood the terminal
        per_epoch_bars = not config.full_batch
        with _stop_on_ctrl_c() as stop:  # the first Ctrl-C stops after the batch and still saves
            for report in train(session, should_stop=stop.is_set):
                _grow(curves, report)
                ended = _show(report, bar_state, per_epoch_bars, log) or ended
    if bar_state["bar"] is not None:
        bar_state["bar"].close()
    seconds = time.perf_counter() - t_start
    assert ended is not None
    if ended.reason == "diverged":
        _error(f"training diverged: {ended.message}; no model was saved")
        return 1

    result = session.evaluate_test()
    calibration = session.calibrate()
    try:
        if out == places[0]:  # no --out, and the runs folder takes files: a run the window lists
            saved, save_problem = _save_run(session, curves, ended, args.resume, places[1:])
        else:
            saved, save_problem = _save(session, out, places, replace=bool(args.out))
    except OSError as err:  # nowhere to write at all: say so in one line, not as a traceback
        _error(err.strerror or str(err))
        return 1
    summary = _report(session.model, session.class_names, session.y_test, result)
    if not args.json:  # the JSON carries the report; stderr keeps the short progress lines
        print(session.model.summary(), file=log)
        print(summary["text"], file=log)
    if calibration is not None:
        from nndesk.calibration import fitted_line

        print(fitted_line(calibration), file=log)
    if ended.reason == "stopped":
        print(ended.message, file=log)
    print(f"model saved to {_shown(saved)}", file=log)
    if save_problem:
        _error(save_problem)
    if args.json:
        payload = {
            "test_accuracy": result.accuracy,
            "test_loss": result.loss,
            "epochs": session.epochs_done,
            "seconds": seconds,
            "per_class": summary["per_class"],
            "confusion": summary["confusion"],
            "history": [_history_row(h) for h in session.history],
            "model": str(saved),
            "preset": args.preset,
            "dataset": session.dataset.name,
            "config": config.to_dict(),
            "ended": ended.reason,
            "calibration": calibration,
            "data": _data_json(data, config.dataset),
        }
        _print_json(payload)
    return 1 if save_problem else 0


@contextlib.contextmanager
def _stop_on_ctrl_c():
    """Yield an Event set by the first Ctrl-C (training stops after the batch, then saves);
    a second Ctrl-C aborts. Only the main thread may install signal handlers."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_sigint(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print("\nnndesk: stopping after this batch (Ctrl-C again to abort)", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _show(report, bar_state: dict, per_epoch_bars: bool, log):
    """Draw one training report (progress bar, epoch line); return it if it ends the run."""
    from tqdm import tqdm

    from nndesk.training import BatchReport, EpochReport

    bar = bar_state["bar"]
    if isinstance(report, BatchReport):
        if report.notice:  # once a run (its helper process was lost): above any bar
            tqdm.write(f"nndesk: note: {report.notice}", file=sys.stderr)
        if per_epoch_bars:
            if bar is None:
                bar = bar_state["bar"] = tqdm(
                    total=report.batches,
                    desc=f"epoch {report.epoch}",
                    unit="batch",
                    file=sys.stderr,
                    leave=False,
                    mininterval=0.25,
                    disable=None,  # only on a terminal: a log file got every frame (walk50 D11)
                )
            bar.update(1)
            if report.batch % 100 == 0:
                bar.set_postfix(
                    loss=f"{report.loss:.4f}", acc=f"{report.accuracy:.3f}", refresh=False
                )
        return None
    if isinstance(report, EpochReport):
        if bar is not None:
            bar.close()
            bar_state["bar"] = None
        # a full-batch run has hundreds of one-step epochs: print every 50th and the last
        if per_epoch_bars or report.epoch == report.epochs or report.epoch % 50 == 0:
            print(_epoch_line(report), file=log, flush=True)
        return None
    return report


def _epoch_line(r) -> str:
    val = "" if r.val_loss is None else f"  val loss {r.val_loss:.4f} acc {r.val_accuracy:.2%}"
    test = "" if r.test_loss is None else f"  test loss {r.test_loss:.4f} acc {r.test_accuracy:.2%}"
    return (
        f"epoch {r.epoch:>3}/{r.epochs}  loss {r.train_loss:.4f} acc {r.train_accuracy:.2%}"
        f"{val}{test}  lr {r.lr:.3g}  {r.seconds:.1f}s"
    )


def _history_row(h: dict) -> dict:
    from nndesk.training import HISTORY_COLUMNS

    return {k: h.get(k) for k in HISTORY_COLUMNS}


def _report(model, class_names, y_true, result) -> dict:
    """The per-class table and confusion matrix as text, plus their JSON-able forms."""
    from nndesk.nn.metrics import classification_report, confusion_matrix

    report = classification_report(y_true, result.predictions, list(class_names))
    cm = confusion_matrix(y_true, result.predictions, len(class_names))
    per_class = {
        c.name: {
            "precision": float(c.precision),
            "recall": float(c.recall),
            "f1": float(c.f1),
            "support": int(c.support),
        }
        for c in report.per_class
    }
    text = "\n".join(
        [
            f"test accuracy {result.accuracy:.2%}  test loss {result.loss:.4f}",
            "",
            report.to_text(),
            "",
            "confusion matrix (rows: true class, columns: predicted)",
            format_confusion(cm, class_names),
        ]
    )
    return {"text": text, "per_class": per_class, "confusion": cm.tolist()}


def _row_labels(class_names, limit: int = 16) -> list[str]:
    """Class names as row labels: whole up to ``limit`` characters (every Fashion-MNIST name
    fits); a longer one is cut with an ellipsis unless that would make two rows read alike."""
    cut = [name if len(name) <= limit else name[: limit - 1] + "…" for name in class_names]
    return cut if len(set(cut)) == len(cut) else list(class_names)


def format_confusion(cm, class_names) -> str:
    """A fixed-width confusion matrix with short class names as row and column labels."""
    short = _row_labels(class_names)
    width = max(5, len(str(int(cm.max()))) + 1)
    label_w = max(len(s) for s in short) + 1
    head = " " * label_w + "".join(f"{i:>{width}}" for i in range(len(short)))
    rows = [
        f"{s:<{label_w}}" + "".join(f"{int(v):>{width}}" for v in row)
        for s, row in zip(short, cm, strict=True)
    ]
    if short == [str(i) for i in range(len(short))]:
        return "\n".join([head, *rows])  # digits: the column numbers are the names
    legend = "columns: " + ", ".join(f"{i}={s}" for i, s in enumerate(short))
    return "\n".join([head, *rows, legend])


# -- evaluate ------------------------------------------------------------------------------------
def _model_dataset(args, clf, test_only: bool = False):
    """The dataset ``args.dataset`` names, else the registered one ``clf``'s file names;
    its classes must be the model's. ``test_only``: a registered dataset's two test files are
    enough (its train arrays may be empty), as for the window's Evaluate."""
    from nndesk.data import load_dataset
    from nndesk.data.sources import TEST_ROLES
    from nndesk.errors import ModelFileError

    # the test set is one the person names, or the registered dataset the file names: never a
    # folder taken from inside the file (anyone can edit a header)
    name = args.dataset or clf.dataset
    if name is None:
        from nndesk.data.registry import DATASETS
        from nndesk.errors import DataError

        raise DataError(
            f"{args.model}: the file names no known dataset ({', '.join(DATASETS)}); "
            f"say which test set to use with --dataset {'|'.join((*DATASETS, 'FOLDER'))}"
        )
    log = sys.stderr if args.json else sys.stdout
    roles = TEST_ROLES if test_only else None
    args.data = _data_folder(args.data_dir, name, log, roles)
    with _on_disk_hint(args.data, name):
        mirror = _download_mirror(args.data, name, log, roles)
        dataset = (
            _test_split(name, args.data.folder, mirror)
            if test_only
            else load_dataset(name, data_dir=args.data.folder, mirror=mirror)
        )
    if tuple(dataset.class_names) != tuple(clf.class_names):
        raise ModelFileError(
            f"{args.model}: its classes do not match the {_title(dataset.name)} dataset's classes"
        )
    return dataset


def _data_folder(data_dir: str | None, name: str, log, roles=None):
    """Where dataset ``name`` is read from (``cli_data.choose``); says so on ``log`` when it
    is the window's folder, which the person did not name here. An image folder
    (``--dataset FOLDER``) is read where it is."""
    from nndesk import cli_data
    from nndesk.data.registry import DATASETS

    if name not in DATASETS:
        return cli_data.DataFolder(data_dir, cli_data.FROM_FLAG)
    data = cli_data.choose(data_dir, name, roles)
    line = cli_data.said(data, name)
    if line is not None:
        print(line, file=log)
    return data


def _download_mirror(data, name: str, log, roles=None) -> str | None:
    """The classroom mirror a load of dataset ``name`` from ``data`` downloads from first
    (``cli_data.classroom_mirror``; "" for none), said on ``log``. None (``$NNDESK_MIRROR``
    alone, as the data layer reads it) when nothing is to be downloaded: a folder is read as
    it is, or the cache holds the files of ``roles``; the window's setting is not read then,
    so a bad one cannot stop a command that needs none."""
    from nndesk import cli_data
    from nndesk.data.registry import DATASETS

    if name not in DATASETS or data.source != cli_data.FROM_CACHE or cli_data.in_cache(name, roles):
        return None
    mirror = cli_data.classroom_mirror()
    if mirror is None:
        return ""
    print(_shown(mirror.said()), file=log)
    return mirror.source


@contextlib.contextmanager
def _on_disk_hint(data, name: str | None = None):
    """A dataset the cache lacks and no server sent: its one line also names the ways to
    files already on disk (--data-dir, NNDESK_DATA_DIR, the window's Choose a folder…). A
    folder named for the command (``--data-dir``, ``$NNDESK_DATA_DIR``) that lacks registered
    dataset ``name``'s files: the line says how to fill that folder, or to read the cache."""
    from nndesk import cli_data
    from nndesk.data.download import DownloadError
    from nndesk.errors import DataError, MissingDataError

    try:
        yield
    except (DownloadError, MissingDataError) as err:
        if getattr(err, "kind", None) == "cancelled":
            raise
        if data.source == cli_data.FROM_CACHE:
            raise cli_data.with_hint(err) from None
        if isinstance(err, MissingDataError) and name is not None:
            raise cli_data.folder_hint(err, data, name) from None
        raise
    except DataError as err:
        found = getattr(err, "found", None)
        if found is None or data.source == cli_data.FROM_FLAG:
            raise
        # "point --data-dir at …" named a flag the person did not give (walk48 D10)
        wanted = getattr(err, "wanted", name)
        if data.source == cli_data.FROM_ENV:
            advice = f"the folder comes from NNDESK_DATA_DIR: point it at the {wanted} files"
        else:
            advice = (
                "the folder is the one chosen in the window: choose one with the "
                f"{wanted} files there"
            )
        raise DataError(f"{found}; {advice}, or give --data-dir") from None


def _data_json(data, name: str | None) -> dict:
    """``--json``'s ``data``: the folder the images were read from and why that one (see
    ``cli_data``; "--dataset" for an image folder)."""
    from nndesk import cli_data
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import DATASETS

    if name is None or name not in DATASETS:
        return {"folder": str(name), "from": "--dataset"}
    if data.source == cli_data.FROM_CACHE:
        return {"folder": str(dataset_cache_dir(name)), "from": data.source}
    return {"folder": str(data.folder), "from": data.source}


def _title(name: str) -> str:
    """How a dataset is named to a person: "MNIST", "Fashion-MNIST"; a folder's name as is."""
    from nndesk.data.registry import DATASETS

    spec = DATASETS.get(name)
    return spec.short_title or spec.name if spec is not None else name


def _test_split(name: str, data_dir: str | None, mirror: str | None = None):
    """Registered dataset ``name`` for evaluation: its two test files from ``data_dir`` (the
    folder ``cli_data.choose`` chose), else from the cache, else the whole dataset downloaded;
    an image folder is read whole."""
    from nndesk.data import load_dataset
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import DATASETS
    from nndesk.data.sources import TEST_ROLES, find_files, load_test_split
    from nndesk.errors import DataError

    if name not in DATASETS:
        return load_dataset(name, data_dir=data_dir)
    if data_dir is not None:
        return load_test_split(name, data_dir)  # a missing test file: one line naming it
    cache = dataset_cache_dir(name)
    try:
        find_files(cache, DATASETS[name], TEST_ROLES)
    except DataError:
        # not cached: the verified download of all four files
        return load_dataset(name, mirror=mirror)
    return load_test_split(name, cache)


def _cmd_evaluate(args) -> int:
    from nndesk import calibration
    from nndesk.evaluation import evaluate
    from nndesk.inference import Classifier

    clf = Classifier.from_file(args.model)
    dataset = _model_dataset(args, clf, test_only=True)
    result = evaluate(clf, dataset.test_images, dataset.test_labels, batch_size=2048)
    summary = _report(clf.model, clf.class_names, dataset.test_labels, result)
    # with --json stdout is the JSON alone and stderr keeps errors and the short progress bar
    log = sys.stderr if args.json else sys.stdout
    if not args.json:
        print(
            f"{_shown(args.model)}: {_shown(_title(dataset.name))}, "
            f"{len(dataset.test_labels)} test images"
        )
        print(clf.model.summary())
        print(summary["text"])
    cal = None
    if clf.model.output in calibration.SCALABLE_OUTPUTS:
        cal = calibration.summary(result.logits, result.labels, result.output, clf.temperature)
        cal.update(_unfitted_half(clf, dataset, result))
        if not args.json:
            print(
                f"calibration: ECE {cal['ece']:.4f} raw, {cal['ece_calibrated']:.4f} at "
                f"temperature {cal['temperature']:.3f} ({ECE_NOTE})"
            )
            other = cal.get("not_fitted_on")
            if other is not None:
                n, m = len(result.labels), other["images"]
                print(
                    f"its temperature was fitted on {n - m:,} of these {n:,} test images (a fixed "
                    f"half); on the other {m:,}, never fitted on: ECE {other['ece']:.4f} raw, "
                    f"{other['ece_calibrated']:.4f} calibrated"
                )
    robustness = None
    if args.robustness:
        robustness = _robustness(clf, dataset, args.robustness_images, log, quiet=args.json)
    if args.json:
        payload = {
            "test_accuracy": result.accuracy,
            "test_loss": result.loss,
            "epochs": len(clf.info.get("history") or []),
            "per_class": summary["per_class"],
            "confusion": summary["confusion"],
            "history": [_history_row(h) for h in clf.info.get("history") or []],
            "model": str(args.model),
            "dataset": dataset.name,
            "calibration": cal,
            "data": _data_json(args.data, args.dataset or clf.dataset),
        }
        if robustness is not None:
            payload["robustness"] = robustness
        _print_json(payload)
    return 0


ECE_NOTE = "expected calibration error, 15 bins; 0 is perfectly calibrated"


def _unfitted_half(clf, dataset, result) -> dict:
    """``{"fitted_on": ...}`` as the model file says (None: it does not), and for a model
    whose temperature was fitted on half of this very test set (the shipped ones: they kept no
    validation split) ``"not_fitted_on": {ece, ece_calibrated, images}`` of the other half:
    the whole test set's ECE counts the images the temperature was fitted on."""
    import numpy as np

    from nndesk import calibration

    stored = clf.info.get("calibration")
    fitted_on = stored.get("fitted_on") if isinstance(stored, dict) else None
    out: dict = {"fitted_on": fitted_on if isinstance(fitted_on, str) else None}
    if out["fitted_on"] != "test-half" or clf.dataset != dataset.name:
        return out
    labels = np.asarray(result.labels)
    rows = calibration.other_test_half(labels)
    other = calibration.summary(result.logits[rows], labels[rows], result.output, clf.temperature)
    del other["temperature"]
    out["not_fitted_on"] = {**other, "images": len(rows)}
    return out


def _robustness(clf, dataset, n_images: int, log, quiet: bool = False) -> dict:
    """Accuracy on damaged test images, one tqdm bar over every (kind, level)."""
    from tqdm import tqdm

    from nndesk import robustness

    # disable=None: only on a terminal (a log file got every frame, walk50 D11)
    with tqdm(total=1, desc="robustness", unit="level", file=log, leave=False, disable=None) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        curves = robustness.measure(
            clf, dataset.test_images, dataset.test_labels, n_images=n_images, progress=progress
        )
    for kind, points in {} if quiet else curves.items():
        unit = robustness.UNITS[kind]
        row = ", ".join(f"{level:g}{unit} {acc:.1%}" for level, acc in points)
        print(f"robustness {kind}: {row}", file=log)
    return {
        kind: [[float(level), float(acc)] for level, acc in points]
        for kind, points in curves.items()
    }


# -- calibrate -----------------------------------------------------------------------------------
def _cmd_calibrate(args) -> int:
    from nndesk import calibration
    from nndesk.errors import ConfigError
    from nndesk.fileio import check_writable
    from nndesk.inference import Classifier
    from nndesk.nn.serialization import load_model, save_model
    from nndesk.paths import inside_installed_package

    source = Path(args.model)
    named = getattr(args, "shipped_name", None)
    if args.output is None and named is not None:
        raise ConfigError(
            f"{named} is a shipped model ({source}) and nndesk never rewrites one; write the "
            f"calibrated copy with -o FILE (e.g. -o {named}-calibrated.npz)"
        )
    if args.output is None and inside_installed_package(source):
        raise ConfigError(
            f"{source} is a model shipped inside the installed nndesk; write the calibrated "
            "copy elsewhere with -o FILE"
        )
    out = Path(args.output) if args.output is not None else source
    try:
        check_writable(out, "-o" if args.output is not None else "")
    except OSError as err:
        raise ConfigError(err.strerror or str(err)) from None
    if args.output is not None:
        _replaces_a_model(out, "-o", args.force)
    loaded = load_model(source)
    clf = Classifier.from_info(loaded.model, loaded.info, source)
    if clf.model.output not in calibration.SCALABLE_OUTPUTS:
        raise ConfigError(f"{source}: a {clf.model.output} output has no probabilities to scale")
    dataset = _model_dataset(args, clf)
    images, labels, where = calibration.held_out(clf.info, dataset)
    # measured on test images it is not fitted on: the whole test set, or the other half
    rows, measured_on = calibration.check_indices(dataset.test_labels, where)
    check = (clf.logits(dataset.test_images[rows]), dataset.test_labels[rows], measured_on)
    fitted = calibration.fit(clf.logits(images), labels, clf.model.output, where, check)
    info = {**loaded.info, "calibration": fitted}
    save_model(out, loaded.model, info, optimizer=loaded.optimizer)
    log = sys.stderr if args.json else sys.stdout
    print(f"{_shown(out)}: {calibration.fitted_line(fitted)}", file=log)
    if args.json:
        _print_json({**fitted, "model": str(out)})
    return 0


# -- export-script -------------------------------------------------------------------------------
def _cmd_export_script(args) -> int:
    from nndesk import codegen
    from nndesk.errors import ConfigError
    from nndesk.fileio import check_writable

    sources = [s for s in (args.model, args.preset, args.run) if s is not None]
    if len(sources) != 1:
        raise ConfigError("export-script needs exactly one of MODEL.npz, --preset NAME, --run ID")
    if args.preset is not None:
        experiment = codegen.from_preset(args.preset)
        source = f"--preset {args.preset}"
    elif args.run is not None:
        experiment = codegen.from_run(args.run)
        source = f"--run {args.run}"
    else:
        from nndesk.inference import shipped_models

        model = Path(args.model)
        if not model.exists():  # a shipped model by name: `export-script fashion-cnn`
            model = {p.stem: p for p in shipped_models()}.get(args.model, model)
        experiment = codegen.from_model(model)
        source = str(args.model)
    try:  # the place first: nothing is generated for a folder that refuses the file
        check_writable(Path(args.output), "-o")
    except OSError as err:
        raise ConfigError(err.strerror or str(err)) from None
    if not args.force and os.path.lexists(args.output):
        raise _exists_error(args.output)
    # "-o lab.ipynb" asks for a notebook by its name: a Python script in it would not open
    notebook = args.notebook or str(args.output).lower().endswith(".ipynb")
    command = f"nndesk export-script {source} -o {args.output}"
    if notebook:
        command += " --notebook"
    if args.lang != "en":
        command += f" --lang {args.lang}"
    try:  # never over a file made since the check, unless --force
        path = codegen.write_export(
            experiment,
            args.output,
            command,
            notebook=notebook,
            replace=args.force,
            language=args.lang,
        )
    except FileExistsError:
        raise _exists_error(args.output) from None
    log = sys.stderr if args.json else sys.stdout
    run = None if notebook else f"python {path} --data-dir DIR"
    if notebook:
        print(f"wrote {_shown(path)}: a Keras notebook of {_shown(experiment.origin)}", file=log)
    else:
        print(f"wrote {_shown(path)}; run it with: python {_shown(path)} --data-dir DIR", file=log)
    if args.json:
        kind = "notebook" if notebook else "script"
        payload = {"path": str(path), "kind": kind, "source": source, "language": args.lang}
        _print_json({**payload, "run": run})
    return 0


def _exists_error(path: str) -> ConfigError:
    """The one line for an -o naming an existing file (a learner's own script, notes...)."""
    return ConfigError(
        f"-o {path}: that file exists; choose another name, or add --force to replace it"
    )


# -- predict -------------------------------------------------------------------------------------
def _cmd_predict(args) -> int:
    import numpy as np

    from nndesk.fileio import regular_file_problem
    from nndesk.inference import NOT_SURE_PERCENT, is_not_sure
    from nndesk.preprocess import blank_image_error, load_image

    clf = _predict_model(args)
    threshold = NOT_SURE_PERCENT if args.not_sure is None else args.not_sure
    # every input is read before anything is printed: one bad file among good ones printed the
    # good answers, the note, then the error (walk52 D21); bad input stays one line, exit 2
    answers, bad = [], []
    for path in args.images:
        try:
            try:
                is_dir, is_file = Path(path).is_dir(), Path(path).is_file()
            except OSError as err:  # a name too long for the file system, a loop of links
                raise PreprocessError(f"{path}: {err.strerror or err}") from None
            if is_dir:
                raise PreprocessError(f"{path}: a folder, not an image file")
            if not is_file:  # missing, or a pipe (reading it would wait forever) or a device
                problem = regular_file_problem(path) if os.path.exists(path) else None
                raise PreprocessError(f"{path}: {problem or 'no such image file'}")
            prediction = clf.classify_image(load_image(path, name=str(path)))
            if prediction is None:
                raise blank_image_error(path)
        except NndeskError as err:
            bad.append((path, str(err)))
            continue
        answers.append((path, prediction))
    if bad:
        others = ", ".join(str(path) for path, _ in bad[1:])
        more = f" (and {len(bad) - 1} more that cannot be read: {others})" if others else ""
        none = "; nothing was classified" if len(args.images) > 1 else ""
        _error(f"{bad[0][1]}{more}{none}")
        return 2
    # which model read the images when none was named: said before the first answer
    if args.default_model_note:
        print(args.default_model_note, file=sys.stderr, flush=True)
    for path, prediction in answers:
        probs = prediction.probabilities
        p = float(probs[prediction.label])
        not_sure = is_not_sure(prediction, threshold)  # the window's verdict (walk48 D10)
        # a sigmoid output's percentages need not add up to 100 %: said as the window says it
        alone = "; independent scores" if prediction.independent else ""
        if args.json:
            payload = {
                "file": str(path),
                "label": prediction.label,
                "class": prediction.class_name,
                "probabilities": [float(p) for p in probs],
                "not_sure": not_sure,
                "independent_scores": prediction.independent,
            }
            _print_json(payload)
        elif not_sure:
            second = int(np.argsort(probs, kind="stable")[-2])
            names = clf.class_names
            print(
                f"{_shown(path)}: Not sure: {prediction.class_name} ({p:.1%}) or "
                f"{names[second]} ({float(probs[second]):.1%}){alone}",
                flush=True,
            )
        else:
            print(f"{_shown(path)}: {prediction.class_name} ({p:.1%}{alone})", flush=True)
    return 0


#: what a file named as predict's first argument looks like when it is an image instead
_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"})

#: the model ``nndesk predict IMAGE...`` reads with when none is named: the window opens on
#: Digits, and the README's example names this one
PREDICT_DEFAULT_MODEL = "mnist-cnn"
#: the one read instead when the default's file is damaged (the window does the same)
PREDICT_FALLBACK_MODEL = "mnist-mlp"


def _is_image_name(name: str) -> bool:
    return Path(name).suffix.lower() in _IMAGE_SUFFIXES


def _predict_model(args):
    """The model ``nndesk predict`` uses; an image named where the model goes (the arguments
    swapped) says that the model comes first (walk48 D10). Only images named (``nndesk
    predict my.png``): all of them are images, read by ``PREDICT_DEFAULT_MODEL`` (walk50 D4),
    and ``args.default_model_note`` says so."""
    from nndesk.errors import ModelFileError
    from nndesk.inference import Classifier

    args.default_model_note = ""  # set when no model is named (``_cmd_predict`` says it)
    named = [args.model] if args.model is not None else []
    if named and all(_is_image_name(name) for name in [*named, *args.images]):
        args.images = [*named, *args.images]
        args.model = None
    if args.model is None:
        if not any(_is_image_name(name) for name in args.images):  # `predict mnist-cnn`
            raise ConfigError(
                f"{args.images[0]}: name an image after the model: nndesk predict MODEL IMAGE..."
            )
        return _default_predict_model(args)
    try:
        return Classifier.from_file(args.model)
    except ModelFileError as err:
        if Path(args.model).suffix.lower() not in _IMAGE_SUFFIXES:
            raise
        raise ModelFileError(
            f"{err}; the model comes first: nndesk predict MODEL IMAGE..."
        ) from None


def _default_predict_model(args):
    """``PREDICT_DEFAULT_MODEL``, or when its file is damaged ``PREDICT_FALLBACK_MODEL``, as
    the window does (walk52 D11c: the CLI failed with the damage alone); the note says which
    model reads the images, and why when it is not the default."""
    from nndesk.errors import ModelFileError

    try:
        return _read_default(args, PREDICT_DEFAULT_MODEL, "no model named, so ", "")
    except ModelFileError as err:
        damage = str(err).rstrip(". ")
    try:
        return _read_default(args, PREDICT_FALLBACK_MODEL, f"{damage}; ", " instead")
    except ModelFileError:  # neither reads: the default's own line, and the way out
        raise ModelFileError(f"{damage}; name a model: nndesk predict MODEL IMAGE...") from None


def _read_default(args, name: str, before: str, after: str):
    from nndesk.inference import Classifier
    from nndesk.models import resolve_model

    args.model = str(resolve_model(name))
    clf = Classifier.from_file(args.model)
    args.default_model_note = (
        f"nndesk: {before}{name} reads the images as digits{after} "
        "(for clothing: nndesk predict fashion-cnn IMAGE...)"
    )
    return clf


__all__ = ["build_parser", "config_from_args", "format_confusion", "main"]
