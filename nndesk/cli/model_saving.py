"""Where ``nndesk train`` puts the model it trained: ``--out`` checked before any training, else
a run in the runs folder the window lists, else the fallback folders; a failed write falls back
so the training is never lost. ``replaces_a_model`` also guards ``calibrate -o``."""

from __future__ import annotations

import contextlib
import errno
import sys
import time
from pathlib import Path

from nndesk.cli.output import shown
from nndesk.errors import ConfigError, NndeskError


def replaces_a_model(path: Path, flag: str, force: bool) -> bool:
    """Whether writing a model to ``path`` replaces an existing model. Any other existing file
    (a drawing, notes: a slip of the name) is refused in one line unless ``force``, before any
    work is done: a model written over it would destroy it. The shipped models' folder is
    refused whatever is there, even with ``force`` (``paths.is_shipped_place``)."""
    from nndesk.nn.serialization import is_model_file
    from nndesk.paths import is_shipped_place

    if is_shipped_place(path):
        raise ConfigError(
            f"{flag} {path} is in the shipped models' folder, where nndesk never replaces or "
            "adds a model; choose another folder"
        )
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


def checked_out(args, places: list[Path]) -> Path:
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
        if replaces_a_model(out, "--out", args.force):
            print(f"nndesk: --out {shown(out)} holds a model: it will be replaced", file=sys.stderr)
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
                f"nndesk: {shown(refusals[0])}; the model will be saved in {shown(place.parent)}"
                + _temp_note(place),
                file=sys.stderr,
            )
        return place
    raise ConfigError(
        f"nowhere to save the trained model: {'; '.join(refusals)}; give a folder with --out"
    )


def _temp_note(saved: Path) -> str:
    """ "; the temporary folder may be emptied…" after a line naming a model saved there."""
    from nndesk.paths import TEMP_FOLDER_NOTE, in_temp_folder

    return f"; {TEMP_FOLDER_NOTE}" if in_temp_folder(saved) else ""


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


def save_with_fallbacks(
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
        return saved, (
            f"could not save the model to {out} ({reason}); saved it to {saved} instead"
            + _temp_note(saved)
        )
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


def save_run(
    session,
    curves,
    ended,
    resumed_from: str | None,
    fallbacks: list[Path],
    preset: str | None = None,
) -> tuple[Path, str | None]:
    """Keep the trained model as a run, as the window does: a new folder in the runs folder
    holding ``model.npz`` and ``run.json`` (settings, curves, test figures, how it ended), so
    the window's Runs list shows it. If the folder or the model cannot be written (disk full,
    folder gone), the model goes to the first of ``fallbacks`` that takes it
    (``save_with_fallbacks``) and the half-made folder is removed. Returns the model's path
    and, after a problem, one line. ``preset``: the ``--preset`` given, kept in the record as
    the lab the run comes from (changed, when other flags changed its settings)."""
    from nndesk.presets import preset_origin
    from nndesk.run_record import MODEL_FILE
    from nndesk.runs import RunStore

    store = RunStore()
    record = None
    try:
        origin = preset_origin(session.config, preset or "")
        record = store.create(session.config.to_dict(), resumed_from=resumed_from, preset=origin)
        saved = session.save(record.folder / MODEL_FILE)
    except OSError as err:
        if record is not None:
            record.release_lock()  # first: Windows removes no file that is open
            with contextlib.suppress(OSError, NndeskError):
                store.delete(record.run_id, permanent=True)
        reason = err.strerror or str(err)
        saved, problem = save_with_fallbacks(session, fallbacks[0], fallbacks, replace=False)
        where = record.folder if record is not None else store.root
        return (
            saved,
            problem
            or f"could not save the run in {where} ({reason}); saved the model to {saved} instead"
            + _temp_note(saved),
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


def save_places(args, config) -> list[Path]:
    """Where a model goes without ``--out``, in order: the runs folder, then the save fallback
    folders (``paths.model_fallback_dirs``: the nndesk folder, the temporary folder), each
    under the name ``nndesk models`` looks for there."""
    from nndesk.paths import fallback_model_name, model_fallback_dirs, runs_dir

    run = f"{time.strftime('%Y%m%d-%H%M%S')}-{args.preset or Path(config.dataset).name}"
    fallbacks = [folder / fallback_model_name(run) for folder in model_fallback_dirs()]
    return [runs_dir() / f"{run}.npz", *fallbacks]
