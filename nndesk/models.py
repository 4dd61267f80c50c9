"""The models a user can name: the four shipped with nndesk and the ones their runs saved.

``resolve_model("mnist-cnn")`` turns a shipped model's name into its file, so every command that
takes a model file also takes a name. ``list_models()`` feeds ``nndesk models``. Qt-free.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from nndesk.errors import ModelFileError, NndeskError
from nndesk.i18n import N_
from nndesk.paths import (
    WEIGHTS_DIR,
    data_dir,
    is_private_folder,
    model_fallback_dirs,
    runs_dir,
    temp_models_dir,
)


@dataclass(frozen=True)
class ModelEntry:
    """One model file as ``nndesk models`` lists it."""

    name: str
    source: str  # "shipped" | "saved"
    path: Path
    dataset: str | None = None
    arch: str | None = None
    test_accuracy: float | None = None
    problem: str | None = None  # why the file could not be read (listed, never fatal)
    #: the lab preset its run came from, in words ("fashion-prelu-l2", "changed from …"), None
    #: for none or not known; the human table's alone: ``--json``'s keys stay as they are
    preset: str | None = None
    #: the test images ``test_accuracy`` is over when the file says (a Lab-saved model's
    #: sample); None: the whole test split. The human table's alone, as ``preset``
    test_images: int | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "source": self.source,
            "path": str(self.path),
            "dataset": self.dataset,
            "arch": self.arch,
            "test_accuracy": self.test_accuracy,
            "problem": self.problem,
        }


def shipped_model_files(weights_dir: Path = WEIGHTS_DIR) -> dict[str, Path]:
    """Shipped model name -> file, sorted by name."""
    if not weights_dir.is_dir():
        return {}
    return {p.stem: p for p in sorted(weights_dir.glob("*.npz"))}


def saved_model_files(
    root: Path | None = None, fallback_dirs: tuple[Path, ...] | None = None
) -> list[Path]:
    """Model files the user's runs saved, newest first: ``<runs>/*.npz``,
    ``<runs>/<run>/model.npz``, and those a save fallback wrote when the chosen place refused
    them (``fallback_model_files``)."""
    root = runs_dir() if root is None else root
    files: list[Path] = []
    if root.is_dir():
        files = [p for p in root.glob("*.npz") if p.is_file()]
        files += [p for p in root.glob("*/model.npz") if p.is_file()]
    files += [p for p in fallback_model_files(fallback_dirs) if p not in files]
    return sorted(files, key=_modified, reverse=True)


def fallback_model_files(dirs: tuple[Path, ...] | None = None) -> list[Path]:
    """Models a save fallback wrote: any ``*.npz`` in the nndesk folder itself (the CLI's
    ``<time>-<name>.npz``, the window's ``nndesk-<run>.npz``) and ``nndesk-*.npz`` in the other
    fallback folders. The temporary one is this home's own sub-folder (``temp_models_dir``),
    read only while it is a real folder of this user's."""
    dirs = model_fallback_dirs() if dirs is None else dirs
    ours = data_dir()
    temp = temp_models_dir()
    files: list[Path] = []
    for folder in dirs:
        if folder == temp and not is_private_folder(folder):
            continue  # missing, a link, or made by someone else: nothing of ours is in it
        pattern = "*.npz" if folder == ours else "nndesk-*.npz"
        try:
            found = [p for p in folder.glob(pattern) if p.is_file()]
        except OSError:  # a folder that cannot be listed holds nothing we can open
            continue
        files += [p for p in found if p not in files]
    return files


def open_folder() -> Path | None:
    """Where an "Open model" dialog starts: the folder of the newest saved model (a run's, or
    one a save fallback wrote), else the runs folder; None when there is neither."""
    saved = saved_model_files()
    if saved:
        return saved[0].parent
    return runs_dir() if runs_dir().is_dir() else None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile: listed last
        return 0.0


def resolve_model(name_or_path: str | os.PathLike, weights_dir: Path = WEIGHTS_DIR) -> Path:
    """A model file, or the file of the shipped model called ``name_or_path`` (``mnist-cnn``).

    An existing file always wins, so a file named like a shipped model is still read. Raises
    ``ModelFileError`` listing the shipped names when it is neither.
    """
    path = Path(name_or_path)
    try:
        if path.is_file():
            return path
        there = path.exists()
    except OSError as err:  # a name too long for the file system, a loop of links
        raise ModelFileError(f"{name_or_path}: {err.strerror or err}") from None
    if there:  # a folder, a pipe, a device: say what it is, not "no such model"
        from nndesk.fileio import regular_file_problem

        problem = regular_file_problem(path)
        if problem is not None:
            raise ModelFileError.of(N_("{file}: {problem}"), file=name_or_path, problem=problem)
    shipped = shipped_model_files(weights_dir)
    key = path.name[:-4] if path.name.endswith(".npz") else path.name
    if str(name_or_path) in (key, f"{key}.npz") and key in shipped:
        return shipped[key]
    # a saved model by the name `nndesk models` prints ("run 2026-12-02 00:19:31")
    files = saved_model_files()
    names = model_names(files)
    saved = {name: p for p, name in names.items()}
    if str(name_or_path) in saved:
        return saved[str(name_or_path)]
    _refuse_shared_name(str(name_or_path), files, names)
    run_model = _run_model(str(name_or_path))  # the run id the window shows
    if run_model is not None:
        return run_model
    known = ", ".join(shipped) or "none are installed"
    raise ModelFileError(
        f"{name_or_path}: no such model file, shipped or saved model (shipped models: {known}; "
        "`nndesk models` lists them all)"
    )


def model_names(files: list[Path]) -> dict[Path, str]:
    """Each saved model file's name, as ``nndesk models`` lists it and the CLI looks it up:
    ``display_name`` ("run 2026-12-07 15:44:22"), unless another file goes by that name too
    (a race's lanes start in one second): then a run's model by its run id, as the window's
    Runs list shows it ("20261207-154422-041a3f2"), any other file by its path. walk70 M1:
    two rows "run 2026-12-07 15:44:22", and `predict` by that name took one of them unsaid."""
    from nndesk.inference import display_name, run_started

    said = {path: display_name(path) for path in files}
    counts: dict[str, int] = {}
    for name in said.values():
        counts[name] = counts.get(name, 0) + 1
    return {
        path: name if counts[name] == 1 else _own_name(path, run_started(path) is not None)
        for path, name in said.items()
    }


def _own_name(path: Path, in_run: bool) -> str:
    """A name only ``path`` goes by: its run's id (``<run id>/model.npz``), else its path."""
    return path.parent.name if in_run and path.name == "model.npz" else str(path)


def _refuse_shared_name(name: str, files: list[Path], names: dict[Path, str]) -> None:
    """``ModelFileError`` (one line, naming each) when ``name`` is the date name of several
    saved models, now listed by their own names: never one of them picked unsaid."""
    from nndesk.inference import display_name

    shared = [names[path] for path in files if display_name(path) == name]
    if len(shared) > 1:
        raise ModelFileError(
            f"{name}: {len(shared)} saved models go by that name (runs started in the same "
            f"second); name one of them: {', '.join(sorted(shared))}"
        )


def _run_model(run_id: str) -> Path | None:
    """The model of the run ``run_id`` ("20261205-102512-58119c3", as the window's Runs list
    and ``export-script --run`` name it): its folder's, or the copy a save fallback wrote;
    None when no run has that id. A run without a model says so."""
    from nndesk.run_json import RunFileError
    from nndesk.runs import RunStore

    store = RunStore()
    try:
        folder = store.run_folder(run_id)
    except (RunFileError, OSError):  # no such run, or its folder is gone: its saved copy?
        if os.sep in run_id or (os.altsep and os.altsep in run_id):
            return None
        return store.model_elsewhere(run_id)
    model = folder / "model.npz"
    if model.is_file():
        return model
    elsewhere = store.model_elsewhere(run_id)
    if elsewhere is not None:
        return elsewhere
    raise ModelFileError(f"run {run_id} saved no model ({folder} holds no model.npz)")


def shipped_name(name_or_path: str | os.PathLike) -> str | None:
    """The shipped model ``name_or_path`` names by its name (``fashion-mlp``), or None: a path,
    even to a shipped file, is the user's own choice (a checkout's ``weights/`` is the
    developer's), and an existing file of that name wins, as in ``resolve_model``."""
    path = Path(name_or_path)
    try:
        if path.exists():
            return None
    except OSError:
        return None
    key = path.name[:-4] if path.name.endswith(".npz") else path.name
    if str(name_or_path) in (key, f"{key}.npz") and key in shipped_model_files():
        return key
    return None


def describe(path: Path, name: str, source: str) -> ModelEntry:
    """Read ``path``'s header: its dataset, architecture and recorded test accuracy."""
    from nndesk.model_labels import test_images_of
    from nndesk.nn.serialization import load_model

    try:
        info = load_model(path).info
    except NndeskError as err:
        return ModelEntry(name, source, path, problem=str(err))
    config = info.get("config") if isinstance(info.get("config"), dict) else {}
    metrics = info.get("metrics") if isinstance(info.get("metrics"), dict) else {}
    accuracy = metrics.get("test_accuracy")
    dataset = info.get("dataset")
    arch = config.get("arch")
    return ModelEntry(
        name=name,
        source=source,
        path=path,
        dataset=dataset if isinstance(dataset, str) else None,
        arch=arch if isinstance(arch, str) else None,
        test_accuracy=float(accuracy) if isinstance(accuracy, int | float) else None,
        test_images=test_images_of(metrics),
    )


def list_models(weights_dir: Path = WEIGHTS_DIR, runs_root: Path | None = None) -> list[ModelEntry]:
    """Every shipped model (by name), then every saved one (newest first, each by a name of
    its own: ``model_names``)."""
    entries = [describe(p, name, "shipped") for name, p in shipped_model_files(weights_dir).items()]
    files = saved_model_files(runs_root)
    names = model_names(files)  # diverged ones too: `predict` looks the names up among them
    for path in files:
        head = _run_head(path)
        # a diverged run's model is kept in its folder with the record (the Runs list shows
        # its curves), not listed as a model to use, as the CLI saves none of such a run
        # (walk53 #2: `nndesk models` listed a 10 % diverged model)
        if head.get("status") == "diverged":
            continue
        entry = describe(path, names[path], "saved")
        entries.append(dataclasses.replace(entry, preset=_preset_said(head)))
    return entries


def _run_head(path: Path) -> dict:
    """The head of the record of the run whose model ``path`` is (``<run>/model.npz``), or {}
    for another file or a record that cannot be read (the model is listed as before)."""
    from nndesk.errors import NndeskError
    from nndesk.run_json import RUN_FILE, parse_run_json, record_head
    from nndesk.runs import MODEL_FILE

    if path.name != MODEL_FILE:
        return {}
    head = record_head(path.parent / RUN_FILE)  # its head only: the curves are not read
    try:
        record = parse_run_json(head) if head is not None else None
    except (NndeskError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _preset_said(head: dict) -> str | None:
    """The lab preset a run's record names, in the CLI's words, or None (none, or a value
    the record's reader would refuse: the Runs list says why)."""
    from nndesk.errors import NndeskError
    from nndesk.run_record import preset_at

    try:
        origin = preset_at(head)
    except NndeskError:
        return None
    return None if origin is None else origin.text()


__all__ = [
    "ModelEntry",
    "describe",
    "fallback_model_files",
    "list_models",
    "open_folder",
    "resolve_model",
    "saved_model_files",
    "shipped_model_files",
]
