"""Which experiment an export describes: a preset, a saved model, a run or the Train page's form.

Every source comes down to one validated ``TrainConfig`` plus a line saying where it came from;
the script and notebook writers read nothing else.
"""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nndesk.errors import ConfigError, ModelFileError, NndeskError
from nndesk.training import TrainConfig


@dataclass(frozen=True)
class Experiment:
    """A training experiment to write out as code.

    ``origin`` names it for the header ("preset fashion-mlp-lab: Fashion lab..."), ``slug`` is a
    short name for titles and default file names, ``dataset`` the registered name ("mnist" or
    "fashion") whose IDX files the code reads.
    """

    config: TrainConfig
    origin: str
    slug: str
    dataset: str
    folder_names: tuple[str, ...]
    class_names: tuple[str, ...]
    #: settings changed while the run trained (``setting_changes.SettingChange``), replayed by
    #: the script at the same batches; ``config`` then holds the settings it started with
    changes: tuple = ()
    #: where the run was stopped before its last epoch: (epoch, share of it done), or None;
    #: the code still trains every epoch of ``config`` and says so (walk51 D12)
    stopped: tuple[int, float] | None = None
    #: a continued run's chain (``continued.Chain``): what it went on from, and where
    chain: Any = None

    @property
    def file_stem(self) -> str:
        """The name a file of it is offered under, without its ending ("fashion_mlp_lab"): a
        Python module's spelling of ``slug``."""
        return self.slug.replace("-", "_")

    def closest_epochs(self) -> int:
        """The whole number of epochs nearest to where a stopped run ended (at least 1)."""
        if self.stopped is None:
            return self.config.epochs
        epoch, share = self.stopped
        return max(1, round(epoch - 1 + share))

    def stopped_share(self) -> str:
        """How far into its epoch a stopped run got, in whole percent rounded down ("97%"):
        rounded up, 1,686 batches of 1,688 read "100%" of an epoch it did not finish."""
        return f"{math.floor(self.stopped[1] * 100)}%" if self.stopped is not None else ""


def from_config(
    config: TrainConfig, origin: str, slug: str = "experiment", changes=()
) -> Experiment:
    """An experiment from settings (the Train page's form, a preset...); ``ConfigError`` if the
    settings are invalid or train on something other than an IDX dataset nndesk knows."""
    from nndesk.data.registry import get_spec

    config = config.validate()
    dataset = str(config.dataset)
    if os.sep in dataset or "/" in dataset:
        raise ConfigError(
            f"{dataset}: exported code reads the MNIST or Fashion-MNIST IDX files, not an image "
            "folder"
        )
    spec = get_spec(dataset)  # ConfigError/DataError naming the known datasets
    return Experiment(
        config=config,
        origin=" ".join(origin.split()),
        slug=slug,
        dataset=spec.name,
        folder_names=tuple(spec.folder_names),
        class_names=tuple(spec.class_names),
        changes=_replayable(changes),
    )


def _replayable(changes) -> tuple:
    """The changes a script replays; ``ConfigError`` for one it cannot (pen width, sketches)."""
    from nndesk.codegen.script_settings import SCRIPT_NAMES

    out = tuple(changes or ())
    for change in out:
        if change.name not in SCRIPT_NAMES:
            raise ConfigError(
                f"the run changed {change.name} while training, which exported code cannot "
                "replay (it draws no pen widths or sketches)"
            )
    return out


def from_preset(name: str) -> Experiment:
    """The experiment of the preset ``name`` (``ConfigError`` suggesting close names)."""
    from nndesk.presets import get_preset

    preset = get_preset(name)
    return from_config(preset.config, f"preset {preset.name}: {preset.description}", preset.name)


def from_model(path: str | os.PathLike) -> Experiment:
    """The experiment that trained the model file at ``path`` (its saved settings).

    Raises ``ModelFileError`` for an unreadable file or one saved without its settings.
    """
    from nndesk.nn.serialization import load_model
    from nndesk.setting_changes import parse_changes

    path = Path(path)
    loaded = load_model(path)
    saved = loaded.info.get("config")
    if not isinstance(saved, dict) or not saved:
        raise ModelFileError(f"{path}: the file does not record the settings that trained it")
    # a steered run's file keeps the settings it started with beside the steered ones; a run
    # steered by its learning rate alone has none ("config" is its start), but its change
    # record still holds the rates to replay
    start = loaded.info.get("config_at_start")
    if isinstance(start, dict) and start:
        saved = start
    try:
        changes = parse_changes(loaded.info.get("changes"))
    except ValueError as err:
        raise ModelFileError(f"{path}: {err}") from None
    run_id = _continued_run_of(path)
    if run_id is not None:  # its file keeps only the continuation's settings: the run's chain
        experiment = from_run(run_id)
        return dataclasses.replace(experiment, origin=f"model file {path.name}", slug=path.stem)
    config = _config_from_dict(saved, f"{path}: its saved settings")
    config = _every_epoch(config, len(loaded.info.get("history") or ()))
    return from_config(config, f"model file {path.name}", path.stem, changes)


def _continued_run_of(path: Path) -> str | None:
    """The id of the stored run that saved ``path`` when that run continued another (its
    ``resumed_from``), else None: such a file's settings are the continuation's alone."""
    from nndesk.run_json import RunFileError
    from nndesk.runs import RunStore

    store = RunStore()
    try:
        folder = store.run_folder(path.parent.name)
        if folder.resolve() != path.parent.resolve():
            return None
        record = store.load(path.parent.name)
    except (RunFileError, OSError):
        return None
    saved = record.model_path
    if not record.resumed_from or saved is None or saved.resolve() != path.resolve():
        return None
    return record.run_id


def from_run(run_id: str, root: str | os.PathLike | None = None) -> Experiment:
    """The experiment of the run ``run_id`` in the run store (``NndeskError`` if unknown)."""
    from nndesk.run_json import RunFileError
    from nndesk.runs import RUN_FILE, RunStore, run_id_named

    run_id = run_id_named(run_id, root) or run_id  # "run 2026-12-05 10:25:12", as `models` says
    if not run_id or "/" in run_id or "\\" in run_id or run_id in (".", ".."):
        raise NndeskError(f"{run_id!r} is not a run id (see the Runs view for the ids)")
    store = RunStore(root)
    folder = store.run_folder(run_id)  # a missing run: its own line names the id and folder
    try:
        record = store.load(run_id)
    except RunFileError as err:  # the reason alone named neither the run nor the file
        raise RunFileError(f"run {run_id} cannot be read: {err} ({folder / RUN_FILE})") from None
    settings, changes, chain = record.config, record.curves.changes, None
    if record.resumed_from:  # a Continue: its settings are the continuation's, not the start's
        from nndesk.codegen.continued import follow

        chain = follow(store, record)
        settings, changes = chain.start, chain.changes
    config = _config_from_dict(settings, f"run {run_id}: its settings")
    config = _every_epoch(config, len(record.curves.epochs))
    origin, slug = _run_names(record)
    # a run's record keeps the settings it started with and its change record
    experiment = from_config(config, origin, slug, changes)
    experiment = dataclasses.replace(experiment, stopped=_stopped_at(record, config.epochs))
    return experiment if chain is None else dataclasses.replace(experiment, chain=chain)


def _run_names(record) -> tuple[str, str]:
    """(origin, slug) of a stored run's export: a run of a lab preset is named by it ("run
    20261207-003647-014e186 (preset fashion-mlp-lab)", slug "fashion-mlp-lab"), as a teacher
    hands it out (walk65 D14: "run_20261207_003647_014e186.py", its header carrying the run's
    English tag in a Vietnamese text). The title nndesk wrote from the settings says nothing
    the header does not (the network, the optimizer, the rate) and is left out; a title of
    another kind (a race lane's) stays."""
    from nndesk.run_titles import describe_config

    config = record.config if isinstance(record.config, dict) else {}
    unbatched = {k: v for k, v in config.items() if k != "batch_size"}
    written = record.title in (describe_config(config), describe_config(unbatched))
    title = "" if not record.title or written else record.title
    preset = record.preset
    if preset is not None and not title:
        said = f"edited from preset {preset.name}" if preset.changed else f"preset {preset.name}"
        # the file named as the window names the run ("fashion-mlp-lab, changed"; walk71 F11)
        slug = f"{preset.name}-changed" if preset.changed else preset.name
        return f"run {record.run_id} ({said})", slug
    return f"run {record.run_id}" + (f" ({title})" if title else ""), f"run-{record.run_id}"


def _stopped_at(record, epochs: int) -> tuple[int, float] | None:
    """(epoch, share of it done) where ``record``'s run was stopped (or cut off) before its
    ``epochs`` ended, read from its last batch (``batch_x`` = epoch - 1 + batch / batches: the
    curve need not hold every batch, so only the share is known); None for a run that trained
    them all, or diverged (the code stops there too)."""
    from nndesk.run_record import INTERRUPTED, RUNNING

    x = record.curves.batch_x
    if record.status not in ("stopped", INTERRUPTED, RUNNING) or not x:
        return None
    last = float(x[-1])
    if not 0 < last < epochs - 1e-6:
        return None
    epoch = max(1, math.ceil(last - 1e-6))
    return epoch, min(1.0, last - (epoch - 1))


def _every_epoch(config: TrainConfig, trained: int) -> TrainConfig:
    """``config`` training all ``trained`` epochs of a continued model: its last run's
    ``epochs`` counted only that run's own, and the code reproduces the whole model (its
    schedule then spans them all, as the continued run's did)."""
    return config.replace(epochs=trained) if trained > config.epochs else config


def _config_from_dict(d: dict, what: str) -> TrainConfig:
    try:
        return TrainConfig.from_dict(d).validate()
    except ConfigError as err:
        raise ConfigError(f"{what} are not usable: {err}") from None
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{what} are malformed ({err})") from None
