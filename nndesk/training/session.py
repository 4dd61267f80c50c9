"""``prepare(config)`` -> ``Session``: the data normalised once, the model and its optimizer.

session = prepare(TrainConfig(dataset="fashion", epochs=5))
... train(session) ...
session.save("fashion.npz")
"""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from nndesk.data.registry import DATASETS
from nndesk.errors import ConfigError, ModelFileError
from nndesk.evaluation import Scores, score
from nndesk.nn.architecture import output_mismatch
from nndesk.setting_changes import (
    RATE_FROM_SCHEDULE,
    SettingChange,
    parse_changes,
    steer_problem,
)
from nndesk.settings_schema import RESUME_KEEPS
from nndesk.training import runtime
from nndesk.training.config import TrainConfig
from nndesk.training.loop import INIT, SPLIT, EpochProgress, run_rng
from nndesk.training.memory import check_batch_fits
from nndesk.training.runtime import ThreadPlan

if TYPE_CHECKING:
    from collections.abc import Callable

    from nndesk.nn.schedules import Schedule
    from nndesk.nn.serialization import LoadedModel


class Session:
    """Everything one run needs, built once by ``prepare``: data, model, optimizer, history.

    The normalised float32 arrays are made here, once, not per epoch. ``history`` grows by one dict
    per epoch (it continues the history of a resumed model).
    """

    def __init__(
        self,
        config: TrainConfig,
        dataset,
        normalizer,
        model,
        optimizer,
        x_train: np.ndarray,
        y_train: np.ndarray,
        x_val: np.ndarray,
        y_val: np.ndarray,
        history: list[dict] | None = None,
        partial: tuple[int, EpochProgress] | None = None,
        changes: list[SettingChange] | None = None,
        resumed: bool = False,
        schedule_from: int = 1,
        train_rows: np.ndarray | None = None,
    ) -> None:
        from nndesk.nn.losses import make_loss

        self.config = config
        #: the settings this run started with (``config`` follows the steering)
        self.start_config = config
        #: when the session was made (UTC): a race lane kept later is listed at its race's time
        self.began = datetime.now(timezone.utc)
        self.dataset = dataset
        self.normalizer = normalizer
        self.model = model
        self.optimizer = optimizer
        self.x_train, self.y_train = x_train, y_train  # (n, 784) float32, (n,) int64
        #: the training split's image i is ``x_train[train_rows[i]]`` (a race's lane on its own
        #: split of the images every lane shares); None: ``x_train`` is the split, in order
        self.train_rows = train_rows
        self.x_val, self.y_val = x_val, y_val
        self.history: list[dict] = list(history or [])
        #: whether the model was trained before (``prepare(resume=...)``: Continue, --resume),
        #: perhaps by a run that diverged (its loss is no yardstick for divergence then)
        self.resumed = resumed
        #: the epoch this run means to end with (kept in the model file: a stop before it
        #: leaves the run unfinished, and ``prepare(resume=...)`` finishes it)
        self.last_epoch = len(self.history) + config.epochs
        #: (epoch, progress) of an epoch a stop interrupted; the next ``train`` finishes it
        self.partial: tuple[int, EpochProgress] | None = partial
        self.loss_fn = make_loss(config.loss, model.output)
        self.eval_loss_fn = make_loss(config.loss, model.output)
        #: the epoch the learning-rate schedule counts from: 1, or a Continue's first epoch
        #: when it runs the schedule again over its own epochs (``prepare``'s
        #: ``restart_schedule``); then epoch ``schedule_from`` trains at the schedule's start
        self.schedule_from = schedule_from
        self.schedule = schedule_for(config, self.epochs_done + config.epochs - schedule_from + 1)
        #: every setting changed while training, this run's and a resumed model's
        self.changes: list[SettingChange] = list(changes or [])
        self._own_changes_from = len(self.changes)  # those before are a resumed model's
        #: a batch size asked for during an epoch, used from the next one
        self.pending_batch_size: int | None = None
        self.metrics: dict = {}
        self.calibration: dict | None = None  # info["calibration"] once ``calibrate`` ran
        #: the test logits ``evaluate_test`` found, for the ``calibrate`` that follows it (once)
        self._test_logits: np.ndarray | None = None
        self._x_test: np.ndarray | None = None
        self._thread_plan: ThreadPlan | None = None

    # -- facts ---------------------------------------------------------------------------------
    def rate_at(self, epoch: int) -> float:
        """The rate the schedule gives epoch ``epoch`` (1-based, counted from the model's
        first epoch)."""
        return scheduled_rate(self.schedule, epoch, self.schedule_from)

    @property
    def class_names(self) -> tuple[str, ...]:
        return tuple(self.dataset.class_names)

    @property
    def epochs_done(self) -> int:
        return len(self.history)

    @property
    def x_test(self) -> np.ndarray:
        """Normalised test images (m, 784) float32, made on first use."""
        if self._x_test is None:
            self._x_test = self.normalizer(self.dataset.test_images)
        return self._x_test

    @property
    def y_test(self) -> np.ndarray:
        return self.dataset.test_labels

    def seconds_trained(self) -> float:
        """Training time of the epochs in its history and, stopped inside one, of that epoch
        so far (pauses excluded): a Race stopped in its first epoch said 0.0 s for lanes that
        trained ~15 s (walk50 D6)."""
        seconds = 0.0
        for row in self.history:
            value = row.get("seconds")
            if isinstance(value, (int, float)) and math.isfinite(value):
                seconds += float(value)
        if self.partial is not None:
            seconds += self.partial[1].seconds
        return seconds

    def take_partial(self, epoch: int) -> EpochProgress | None:
        """The progress already made in ``epoch`` (once), or None."""
        partial, self.partial = self.partial, None
        return partial[1] if partial is not None and partial[0] == epoch else None

    # -- steering ------------------------------------------------------------------------------
    def steer(self, values: dict[str, Any], epoch: int, batch: int, batches: int):
        """Apply live setting changes before batch ``batch`` of ``epoch`` (1-based).

        Returns the ``SettingChange``s that take effect with this batch (also added to
        ``changes``); a batch size waits for the next epoch (``start_epoch``). Raises
        ``ConfigError`` for a setting that cannot take that value in this run.
        """
        from nndesk.nn.layers import Dropout

        now = []
        x = epoch - 1 + (batch - 1) / max(batches, 1)
        for name, value in values.items():
            reason: str | None = steer_problem(self.config, name, value)
            dropouts = [layer for layer in self.model.layers if isinstance(layer, Dropout)]
            if reason is None and name == "dropout" and not dropouts:
                reason = "this network has no dropout layers to tune"
            if reason is not None:
                raise ConfigError(reason)
            if name == "batch_size":
                # a bigger batch (or the whole split) may not fit where the first one did
                check_batch_fits(self.model, int(value) or len(self.y_train))
                self.pending_batch_size = int(value)
                continue
            scheduled = name == RATE_FROM_SCHEDULE
            if scheduled:  # the schedule sets the rate again, from its rate for this epoch on
                name, value = "lr", self.rate_at(epoch)
            if name == "lr":  # the rate in force: a schedule's, not the config's
                before = float(self.optimizer.lr)
                self.optimizer.lr = float(value)
            else:
                before = getattr(self.config, name)
                if name == "momentum":
                    self.optimizer.momentum = float(value)
                elif name == "l2":  # see _make_optimizer: the optimizer's decay is 2 * l2
                    self.optimizer.weight_decay = 2 * float(value)
                elif name == "dropout":
                    for layer in dropouts:
                        layer.rate = float(value)
                self.config = self.config.replace(**{name: value})
            now.append(SettingChange(x, epoch, batch, name, value, before, scheduled))
        self.changes.extend(now)
        return now

    def start_epoch(self, epoch: int):
        """Use a batch size asked for during the last epoch from ``epoch`` on; its change."""
        size, self.pending_batch_size = self.pending_batch_size, None
        if size is None or size == self.config.batch_size:
            return []
        before = self.config.batch_size
        self.config = self.config.replace(batch_size=size)
        change = SettingChange(float(epoch - 1), epoch, 1, "batch_size", size, before)
        self.changes.append(change)
        return [change]

    def settings_at_end(self) -> dict[str, Any]:
        """The live settings this run changed while training, each with its last value
        (``{"lr": 0.0003}``): what Continue keeps, rather than the settings it started with."""
        at_end = {c.name: c.value for c in self.changes[self._own_changes_from :]}
        rates = [c for c in self.changes[self._own_changes_from :] if c.name == "lr"]
        if rates and rates[-1].scheduled:  # the schedule had the rate again: nothing set by hand
            del at_end["lr"]
        return at_end

    # -- actions -------------------------------------------------------------------------------
    def thread_plan(self) -> ThreadPlan:
        """The threads this run trains with (``runtime.plan``), decided once per session."""
        if self._thread_plan is None:
            batch = self.config.batch_size or len(self.y_train)
            self._thread_plan = runtime.plan(self.model, batch, self.config.threads)
        return self._thread_plan

    def evaluate_test(self, should_stop: Callable[[], bool] | None = None) -> Scores:
        """Loss, accuracy, predictions (m,) and probabilities (m, k) on the test split;
        ``should_stop`` as ``score``'s (``ScoringStopped``: ``metrics`` left as they were)."""
        result = score(
            self.model, self.eval_loss_fn, self.x_test, self.y_test, should_stop=should_stop
        )
        self.metrics = {"test_loss": result.loss, "test_accuracy": result.accuracy}
        self._test_logits = result.logits  # calibrate measures its fit on them
        return result

    def evaluate_val(self) -> Scores | None:
        if len(self.y_val) == 0:
            return None
        return score(self.model, self.eval_loss_fn, self.x_val, self.y_val)

    def calibrate(self, should_stop: Callable[[], bool] | None = None) -> dict | None:
        """Fit the temperature (``nndesk.calibration``) on the validation split, or on a seeded
        half of the test set when the run kept none, and measure its calibration error on test
        images it was not fitted on (the whole test set, or the other half); stored in
        ``info()["calibration"]``. None (and nothing stored) for a model whose output has no
        probabilities to scale. ``should_stop`` as ``score``'s: ``ScoringStopped`` stores
        nothing."""
        from nndesk import calibration

        if self.model.output not in calibration.SCALABLE_OUTPUTS:
            return None
        if len(self.y_val):
            x, y, where = self.x_val, self.y_val, "validation"
        else:
            half = calibration.test_half(self.y_test)
            x, y, where = self.x_test[half], self.y_test[half], "test-half"
        if len(y) < calibration.MIN_CALIBRATION_IMAGES:  # a tiny image folder: left as it is
            return None
        logits = score(self.model, self.eval_loss_fn, x, y, should_stop=should_stop).logits
        if logits is None or not np.isfinite(logits).all():
            return None
        test_logits, self._test_logits = self._test_logits, None  # used once: training goes on
        if test_logits is None or len(test_logits) != len(self.y_test):
            test_logits = score(
                self.model, self.eval_loss_fn, self.x_test, self.y_test, should_stop=should_stop
            ).logits
        check = None
        if test_logits is not None:
            rows, measured_on = calibration.check_indices(self.y_test, where)
            check = (test_logits[rows], self.y_test[rows], measured_on)
        self.calibration = calibration.fit(logits, y, self.model.output, where, check)
        return self.calibration

    def weights_snapshot(self) -> list[tuple[str, np.ndarray]]:
        """Copies of every parameter, ``[("1/W", array), ...]``, safe to use from another thread."""
        return [(name, p.copy()) for name, p, _ in self.model.parameters()]

    def restore_weights(self, snapshot: list[tuple[str, np.ndarray]]) -> None:
        """Write a ``weights_snapshot`` back into the model, in place."""
        for (name, p, _), (snap_name, value) in zip(self.model.parameters(), snapshot, strict=True):
            assert name == snap_name, (name, snap_name)
            p[...] = value

    def classifier(self, snapshot: bool = True, path: str | Path | None = None):
        """A ``nndesk.inference.Classifier`` for this model: with ``snapshot``, on one copy of its
        weights and state (``Sequential.snapshot``) that another thread may use while training
        goes on; else on the model itself (the run is over)."""
        from nndesk.inference import Classifier

        model = self.model.snapshot() if snapshot else self.model
        return Classifier.from_info(model, self.info(), path=None if path is None else Path(path))

    def info(self) -> dict:
        """The ``info`` dict stored in the model file."""
        info = {
            "dataset": self.dataset.name,
            "class_names": list(self.class_names),
            "normalization": self.normalizer.to_dict(),
            "preprocess": self.dataset.preprocess,
            "history": [dict(h) for h in self.history],
            "seed": self.config.seed,
            "config": self.config.to_dict(),
            "metrics": dict(self.metrics),
            "changes": [change.to_dict() for change in self.changes],
        }
        if self.dataset.folder_split is not None:  # an image folder: how its test split was drawn
            info["image_folder"] = self.dataset.folder_split.to_info()
        if self.start_config != self.config:  # steered: exported code replays from the start
            info["config_at_start"] = self.start_config.to_dict()
        if at_end := self.settings_at_end():  # a learning rate set by hand is not in "config"
            info["settings_at_end"] = at_end
        if self.calibration is not None:
            info["calibration"] = dict(self.calibration)
        info["last_epoch"] = self.last_epoch
        if self.schedule_from > 1:  # a Continue ran its schedule again (exported code replays it)
            info["schedule_from"] = self.schedule_from
        if self.partial is not None:  # stopped inside an epoch: where to continue it
            epoch, progress = self.partial
            # with the rate of its last batch: a schedule's for that epoch, or one set by hand,
            # the rate Continue keeps (``run_end.ended_rate``)
            info["partial_epoch"] = {
                "epoch": epoch,
                **dataclasses.asdict(progress),
                "lr": float(self.optimizer.lr),
            }
        return info

    def save(self, path: str | Path, replace: bool = True) -> Path:
        """Write the model, optimizer state and ``info()`` atomically to ``path`` (.npz); with
        ``replace=False`` never over an existing file (``FileExistsError``)."""
        from nndesk.nn.serialization import save_model

        return save_model(path, self.model, self.info(), optimizer=self.optimizer, replace=replace)


def schedule_for(config: TrainConfig, last_epoch: int) -> Schedule:
    """The learning-rate schedule a run of ``config`` ending with epoch ``last_epoch`` trains
    with (a continued run's counts the epochs before it)."""
    from nndesk.nn.schedules import make_schedule

    return make_schedule(config.schedule, config.lr, last_epoch, **_schedule_kwargs(config))


def scheduled_rate(schedule: Schedule, epoch: int, schedule_from: int = 1) -> float:
    """The rate ``schedule`` gives epoch ``epoch`` (1-based) of a run whose schedule counts
    from epoch ``schedule_from``: what the training loop trains each epoch at (``rate_at``)
    and what the Train page draws of a schedule (``planned_rates``)."""
    return float(schedule.lr_at(epoch - schedule_from))  # schedules count from 0


def planned_rates(
    config: TrainConfig, last_epoch: int | None = None, schedule_from: int = 1, most: int = 0
) -> list[tuple[int, float]]:
    """``(epoch, rate)`` for each epoch from ``schedule_from`` to ``last_epoch`` (the config's
    own epochs by default) of a run of ``config`` the schedule runs alone (no rate set by hand):
    the plan the Train form draws and the Live tab's rates run against. ``most`` > 0: about
    that many epochs at most, evenly spread, the first and last kept (a plot of 100,000 epochs
    draws a few hundred points, computed as a field is typed in)."""
    last = config.epochs if last_epoch is None else last_epoch
    schedule = schedule_for(config, last - schedule_from + 1)
    every = max(1, -(-(last - schedule_from + 1) // most)) if most > 0 else 1
    epochs = list(range(schedule_from, last + 1, every))
    if epochs and epochs[-1] != last:
        epochs.append(last)
    return [(e, scheduled_rate(schedule, e, schedule_from)) for e in epochs]


def _schedule_kwargs(config: TrainConfig) -> dict:
    """The schedule's own keyword arguments taken from the config."""
    if config.schedule == "step":
        return {"step_size": config.schedule_step, "gamma": config.schedule_gamma}
    if config.schedule == "exp":
        return {"after": config.schedule_step, "rate": config.schedule_rate}
    if config.schedule == "cosine":
        return {"min_lr": config.min_lr}
    return {}


def prepare(
    config: TrainConfig,
    data_dir: str | Path | None = None,
    resume: str | Path | LoadedModel | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
    dataset=None,
    shared_inputs: dict | None = None,
    mirror: str | None = None,
    restart_schedule: bool = False,
) -> Session:
    """Load data, normalise it once, split off validation and build (or restore) model + optimizer.

    Parameters
    ----------
    config : TrainConfig
        Validated here. With ``resume`` the network, loss, normalisation and optimizer (with its
        weight decay) come from the model file; ``epochs``, ``lr``, the schedule, batch size and
        the rest from ``config``.
    data_dir : path, optional
        Folder with the IDX files (``load_dataset``'s ``data_dir``).
    resume : path or LoadedModel, optional
        A model file written by ``Session.save`` (or the file already read with ``load_model``):
        training continues its history, optimizer and an epoch a stop interrupted. A run that
        stopped before its last epoch trains up to epoch ``config.epochs`` counted from its
        start (at least the epoch it stopped in); a finished one ``config.epochs`` more.
    progress : callable, optional
        Download progress ``(filename, done_bytes, total_bytes)``.
    dataset : Dataset, optional
        Use this ready dataset instead of loading ``config.dataset`` (GUI, tests).
    shared_inputs : dict, optional
        Sessions on the same dataset (a race's lanes) share their normalised arrays through
        it: one copy of every training image per normalisation kind, each session's split
        its ``train_rows`` of it (a fitted "standard" scaling: one copy per split and seed).
    mirror : str, optional
        The classroom mirror a download of the dataset tries first (``load_dataset``'s).
    restart_schedule : bool
        With ``resume``: the learning-rate schedule runs again over this run's own epochs from
        ``config.lr`` (its first epoch at the schedule's start), instead of counting from the
        model's first epoch over them all (``Session.schedule_from``).
    """
    from nndesk.data import Normalizer, stratified_split
    from nndesk.nn.optimizers import make_optimizer

    history: list[dict] = []
    changes: list[SettingChange] = []
    loaded = None
    if resume is not None:
        from nndesk.nn.serialization import LoadedModel, load_model

        loaded = resume if isinstance(resume, LoadedModel) else load_model(resume)
        saved = loaded.info.get("config") or {}
        # what the file's network, inputs and optimizer state fix cannot come from new settings
        config = config.replace(**{k: saved[k] for k in RESUME_KEEPS if k in saved})
        history = list(loaded.info.get("history") or [])
        # a run stopped before the epoch it meant to end with goes on to epoch ``epochs``
        # counted from its start (its plan, unless changed; at least the epoch it stopped in);
        # a finished one trains ``epochs`` more
        if planned_last_epoch(loaded.info, len(history)) is not None:
            config = config.replace(epochs=max(config.epochs - len(history), 1))
        try:  # a resumed run continues the file's record of steering
            changes = parse_changes(loaded.info.get("changes"))
        except ValueError as err:
            where = loaded.source or "the model"
            raise ModelFileError(f"{where}: {err}") from None
    config.validate()

    if dataset is None:
        from nndesk.data import load_dataset

        dataset = load_dataset(config.dataset, data_dir=data_dir, progress=progress, mirror=mirror)
    if loaded is not None and list(loaded.info.get("class_names", [])) != list(dataset.class_names):
        from nndesk.data.registry import dataset_words

        # "Fashion-MNIST (Clothing)" as a person knows it, not the key "fashion" (walk49 D14)
        trained_on = dataset_words(loaded.info.get("dataset"))
        if loaded.info.get("dataset") == dataset.name:  # other classes: say so, not "x, not x"
            names = ", ".join(map(str, loaded.info.get("class_names", [])[:3]))
            trained_on = repr(f"classes {names}…")
        raise ModelFileError(
            f"{loaded.source or 'the model'}: was trained on {trained_on}, "
            f"not {dataset_words(dataset.name)}"
        )

    labels = np.asarray(dataset.train_labels, dtype=np.int64)
    outliers = labels < 0  # OUTLIER rows (outlier exposure) only ever train, never validate
    if config.val_fraction > 0 and outliers.any():
        labelled = np.flatnonzero(~outliers)
        kept, val_idx = stratified_split(
            labels[labelled], config.val_fraction, run_rng(config.seed, SPLIT)
        )
        train_idx, val_idx = (
            np.sort(np.r_[labelled[kept], np.flatnonzero(outliers)]),
            labelled[val_idx],
        )
    elif config.val_fraction > 0:
        train_idx, val_idx = stratified_split(
            labels, config.val_fraction, run_rng(config.seed, SPLIT)
        )
    else:
        train_idx, val_idx = np.arange(len(labels)), np.zeros(0, np.int64)
    train_rows = None
    key = (config.normalize, config.seed, config.val_fraction)
    if loaded is None and shared_inputs is not None and config.normalize != "standard":
        # a race's lanes, each on its own split (a lab as written: fixM): one normalised copy
        # of every training image per input scaling, a lane's split its rows of it (an index
        # array, not a copy of 54,000 images per lane); a scaling fitted on nothing
        if config.normalize not in shared_inputs:
            normalizer = Normalizer(config.normalize)
            shared_inputs[config.normalize] = (normalizer, normalizer(dataset.train_images))
        normalizer, x_train = shared_inputs[config.normalize]  # never written by training
        if key not in shared_inputs:  # lanes of one split share its validation images too
            shared_inputs[key] = x_train[val_idx]
        x_val = shared_inputs[key]
        everything = len(train_idx) == len(labels)  # train_idx is sorted: all rows in order
        # full batch: the split whole in every step, gathered once
        if not everything and config.full_batch:
            x_train = x_train[train_idx]
        elif not everything:
            train_rows = train_idx
    elif loaded is None and shared_inputs is not None and key in shared_inputs:
        normalizer, x_train, x_val = shared_inputs[key]  # never written by training
    else:
        train_images = dataset.train_images[train_idx]  # uint8 (n, 28, 28)
        if loaded is not None:
            normalizer = Normalizer.from_dict(loaded.info["normalization"])
        else:
            normalizer = Normalizer(config.normalize).fit(train_images)  # train split only
        x_train = normalizer(train_images)  # float32 (n, 784)
        x_val = normalizer(dataset.train_images[val_idx])  # float32 (m, 784)
        if loaded is None and shared_inputs is not None:
            shared_inputs[key] = (normalizer, x_train, x_val)

    if loaded is not None:
        model = loaded.model
        optimizer = loaded.optimizer
        if optimizer is None:  # a file saved without optimizer state: start a fresh one
            optimizer = _make_optimizer(make_optimizer, config)
        optimizer.lr = config.lr
    else:
        model = config.build_model(run_rng(config.seed, INIT))
        optimizer = _make_optimizer(make_optimizer, config)
    n_classes = len(dataset.class_names)
    logits = model.forward(x_train[:1], training=False)
    if logits.shape[1] != n_classes:
        # a registered dataset by its title ("Fashion-MNIST"), not its key "fashion" (lab56 D11)
        spec = DATASETS.get(dataset.name)
        title = spec.short_title or spec.name if spec is not None else dataset.name
        raise ConfigError(output_mismatch(config.arch, logits.shape[1], title, n_classes))
    check_batch_fits(model, config.batch_size or len(train_idx))  # before anything is allocated
    # one buffer for all parameters (and one for gradients): the optimizer then updates the
    # whole network in a few NumPy calls per batch instead of a few per weight array
    model.flatten_parameters()
    partial = None
    if loaded is not None and isinstance(loaded.info.get("partial_epoch"), dict):
        saved_partial = loaded.info["partial_epoch"]
        epoch_progress = EpochProgress.from_dict(saved_partial, len(train_idx))
        if epoch_progress is not None and saved_partial.get("epoch") == len(history) + 1:
            partial = (len(history) + 1, epoch_progress)
    return Session(
        config,
        dataset,
        normalizer,
        model,
        optimizer,
        x_train,
        labels[train_idx],
        x_val,
        labels[val_idx],
        history,
        partial,
        changes,
        resumed=loaded is not None,
        schedule_from=len(history) + 1 if loaded is not None and restart_schedule else 1,
        train_rows=train_rows,
    )


def planned_last_epoch(info: dict, done: int) -> int | None:
    """The epoch a saved run meant to end with, when it stopped before it (``done`` epochs
    finished), else None: a finished run, or a file that does not say (written before
    nndesk kept it, or a value no run writes)."""
    from nndesk.settings_schema import MAX_EPOCHS

    last = info.get("last_epoch")
    if isinstance(last, bool) or not isinstance(last, int):
        return None
    if not done < last <= done + MAX_EPOCHS:
        return None
    return last


def _make_optimizer(make_optimizer, config: TrainConfig):
    from nndesk.nn.optimizers import accepts

    hyper: dict[str, Any] = {}
    if accepts(config.optimizer, "momentum"):
        hyper["momentum"] = config.momentum
    if config.eps is not None and accepts(config.optimizer, "eps"):
        hyper["eps"] = config.eps
    # the optimizer adds weight_decay * W to the gradient: that is the derivative of
    # (weight_decay / 2) * sum(W**2), so Keras' l2 coefficient doubles
    return make_optimizer(
        config.optimizer, config.lr, weight_decay=2 * config.l2, clip_norm=config.clip_norm, **hyper
    )
