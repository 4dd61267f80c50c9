"""The training loop as a plain generator: no Qt, stop/pause honoured between two batches.

``prepare(config)`` loads the data once (normalised float32 arrays, validation split, model,
optimizer); ``train(session)`` then yields a frozen ``BatchReport`` after every batch, an
``EpochReport`` after every epoch and one ``RunEnded`` last. The GUI wraps the same generator in a
worker thread, the CLI drives it directly.

    session = prepare(TrainConfig(dataset="fashion", epochs=5))
    for report in train(session, should_stop=stop.is_set):
        show(report)
    session.save("fashion.npz")
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nndesk.errors import ConfigError, ModelFileError
from nndesk.nn import parallel

ACTIVATIONS = ("relu", "leaky_relu", "sigmoid", "tanh", "elu", "prelu")
OUTPUTS = ("softmax", "sigmoid")
LOSSES = ("ce", "bce", "mse")
OPTIMIZERS = ("gd", "sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw")
SCHEDULES = ("constant", "step", "exp", "cosine")
NORMALIZATIONS = ("raw", "unit", "symmetric", "standard")

#: Every network takes the 784 pixels of a 28x28 image.
INPUT_SIZE = 784
#: The largest network ``validate`` accepts: with gradients and Adam's two slots about 1 GB.
MAX_PARAMETERS = 60_000_000
#: Seeds are whole numbers 0..2**32-1 (what every NumPy generator and the settings file take).
MAX_SEED = 2**32 - 1
#: A batch loss this many times the run's first one (at least 1.0) means the run diverged, even
#: when it stays finite: Adam's steps are bounded by the learning rate, so with a rate far too
#: high its loss climbs to millions without ever overflowing, as SGD's does.
DIVERGENCE_FACTOR = 100.0
#: Seconds slept per check while paused: short enough to feel instant, long enough to idle.
PAUSE_POLL = 0.02
#: Rows per chunk when evaluating, so a 60,000-image forward pass never needs 60,000 activations.
EVAL_CHUNK = 2048


@dataclass(frozen=True)
class TrainConfig:
    """Every setting of a training run; the CLI flags and the GUI fields map one to one.

    ``batch_size`` 0 means full batch (plain gradient descent over the whole training split).
    ``l2`` is Keras' ``l2(l2)``: ``l2 * sum(W**2)`` added to the loss for every weight matrix
    (biases excluded), i.e. ``2 * l2 * W`` added to its gradient.
    Schedules: "step" multiplies the rate by ``schedule_gamma`` every ``schedule_step`` epochs;
    "exp" keeps it for ``schedule_step`` epochs, then multiplies it by ``exp(-schedule_rate)``
    each epoch; "cosine" anneals it to ``min_lr`` over the run.
    ``eps`` is the small constant Adam, AdamW and RMSProp add to ``sqrt(v)``; None keeps the
    optimizer's own default (1e-8 for Adam, 1e-7 for RMSProp). Keras uses 1e-7 for all three, and
    the lab presets that reproduce Keras runs set it.
    """

    dataset: str = "fashion"
    arch: str = "784-64-64-10"
    activation: str = "relu"
    output: str = "softmax"
    loss: str = "ce"
    optimizer: str = "adam"
    lr: float = 1e-3
    batch_size: int = 32
    epochs: int = 5
    l2: float = 0.0
    dropout: float = 0.0
    schedule: str = "constant"
    schedule_step: int = 10
    schedule_gamma: float = 0.1
    schedule_rate: float = 0.1
    min_lr: float = 0.0
    normalize: str = "symmetric"
    val_fraction: float = 0.1
    seed: int = 0
    augment: bool = False
    sketch: float = 0.0  # share of each batch redrawn as garment sketches (augment.sketch_batch)
    test_every_epoch: bool = False
    momentum: float = 0.9
    clip_norm: float | None = None
    eps: float | None = None  # Adam / AdamW / RMSProp; None: the optimizer's default
    init: str = "auto"
    prelu_init: float = 0.25  # PReLU's starting slope (Keras starts at 0)
    threads: int = 0  # BLAS threads while training; 0 = automatic (see Session.blas_threads)

    def validate(self) -> TrainConfig:
        """Return ``self`` if every field is usable, else raise ``ConfigError`` naming the field."""
        choices = {
            "activation": ACTIVATIONS,
            "output": OUTPUTS,
            "loss": LOSSES,
            "optimizer": OPTIMIZERS,
            "schedule": SCHEDULES,
            "normalize": NORMALIZATIONS,
        }
        for name, allowed in choices.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ConfigError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
        if self.loss == "ce" and self.output != "softmax":
            raise ConfigError("the ce loss needs the softmax output; use --loss bce or mse")
        if self.loss == "bce" and self.output != "sigmoid":
            raise ConfigError("the bce loss needs the sigmoid output; use --loss ce or mse")
        positive = {"lr": self.lr, "epochs": self.epochs, "schedule_step": self.schedule_step}
        for name, value in positive.items():
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ConfigError(f"{name} must be a positive number; got {value!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 0:
            raise ConfigError(
                f"batch_size must be a positive integer or 0 (full batch); got {self.batch_size!r}"
            )
        if not 0.0 <= self.dropout < 1.0:
            raise ConfigError(f"dropout must be in [0, 1); got {self.dropout}")
        if not (isinstance(self.sketch, int | float) and 0.0 <= self.sketch <= 1.0):
            raise ConfigError(f"sketch must be a share in [0, 1]; got {self.sketch!r}")
        if not 0.0 <= self.val_fraction < 1.0:
            raise ConfigError(f"val_fraction must be in [0, 1); got {self.val_fraction}")
        if not isinstance(self.threads, int) or self.threads < 0:
            raise ConfigError(
                f"threads must be 0 (automatic) or a positive integer; got {self.threads!r}"
            )
        if not self.l2 >= 0.0:
            raise ConfigError(f"l2 must be >= 0; got {self.l2}")
        if not 0.0 < self.schedule_gamma <= 1.0:
            raise ConfigError(f"schedule_gamma must be in (0, 1]; got {self.schedule_gamma}")
        if not self.schedule_rate >= 0.0 or not self.min_lr >= 0.0:
            raise ConfigError("schedule_rate and min_lr must be >= 0")
        if self.clip_norm is not None and not self.clip_norm > 0:
            raise ConfigError(f"clip_norm must be positive; got {self.clip_norm}")
        if self.eps is not None and not (math.isfinite(self.eps) and 0 < self.eps < 1):
            raise ConfigError(f"eps must be a number between 0 and 1; got {self.eps}")
        if not (math.isfinite(self.prelu_init) and 0 <= self.prelu_init < 1):
            raise ConfigError(f"prelu_init must be in [0, 1); got {self.prelu_init}")
        seed_ok = isinstance(self.seed, int) and not isinstance(self.seed, bool)
        if not (seed_ok and 0 <= self.seed <= MAX_SEED):
            raise ConfigError(f"seed must be a whole number 0 to {MAX_SEED}; got {self.seed!r}")
        from nndesk.nn.architecture import parameter_count, parse_architecture

        arch = repr(self.arch if len(str(self.arch)) <= 40 else f"{str(self.arch)[:37]}...")
        try:
            tokens = parse_architecture(self.arch)
        except ConfigError as err:
            raise ConfigError(f"arch {arch}: {err}") from None
        if tokens[0][1] != INPUT_SIZE:
            raise ConfigError(
                f"arch {arch}: the input size must be {INPUT_SIZE} (28x28 images), "
                f"not {tokens[0][1]}"
            )
        params = parameter_count(tokens)
        if params > MAX_PARAMETERS:
            raise ConfigError(
                f"arch {arch}: {params:,} weights is too many to train here "
                f"(at most {MAX_PARAMETERS:,})"
            )
        return self

    def replace(self, **changes: Any) -> TrainConfig:
        """A copy with ``changes`` applied (unknown names raise ``ConfigError``)."""
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown training setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict:
        """JSON-able dict of every field."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        """Inverse of ``to_dict``; keys this version does not know are ignored (older files)."""
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})

    @property
    def full_batch(self) -> bool:
        return not self.batch_size


@dataclass(frozen=True)
class BatchReport:
    """After one optimizer step. ``loss``/``accuracy`` are running means over the epoch so far."""

    epoch: int  # 1-based, counting resumed epochs
    batch: int  # 1-based within the epoch
    batches: int  # batches per epoch
    loss: float
    accuracy: float
    lr: float  # the rate this batch was trained with
    samples_per_second: float


#: The per-epoch history kept in model files, runs and ``--json`` output, in column order.
HISTORY_COLUMNS = (
    "epoch",
    "train_loss",
    "train_accuracy",
    "val_loss",
    "val_accuracy",
    "lr",
    "seconds",
    "test_loss",
    "test_accuracy",
)


@dataclass(frozen=True)
class EpochReport:
    """After one epoch and its validation (and test, when ``config.test_every_epoch``) pass."""

    epoch: int
    epochs: int  # the last epoch number of this run
    train_loss: float
    train_accuracy: float
    val_loss: float | None  # None when val_fraction is 0
    val_accuracy: float | None
    lr: float
    seconds: float  # training + validation time, pauses excluded
    test_loss: float | None = None
    test_accuracy: float | None = None

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class RunEnded:
    """Always the last report. ``reason``: "completed" | "stopped" | "diverged"."""

    reason: str
    message: str
    epochs_done: int


Report = BatchReport | EpochReport | RunEnded


@dataclass(frozen=True)
class Evaluation:
    """Loss and accuracy of a model on one split, with its predictions."""

    loss: float
    accuracy: float
    y_pred: np.ndarray  # (n,) int64
    probabilities: np.ndarray  # (n, k) float32, the model's output activation


def evaluate(model, loss_fn, x: np.ndarray, y: np.ndarray, chunk: int = EVAL_CHUNK) -> Evaluation:
    """Mean loss, accuracy, predictions, probabilities of ``model`` on ``x (n, 784)``, ``y (n,)``.

    Runs in chunks in evaluation mode (no dropout); ``loss_fn`` must not be mid-backward.
    """
    n = len(y)
    probs: list[np.ndarray] = []
    total = 0.0
    for start in range(0, n, chunk):
        xb, yb = x[start : start + chunk], y[start : start + chunk]
        logits = model.forward(xb, training=False)  # (m, k)
        total += float(loss_fn(logits, yb)) * len(yb)  # the loss is a batch mean
        probs.append(model.activate(logits))
    p = np.concatenate(probs) if probs else np.zeros((0, 0), np.float32)
    y_pred = np.argmax(p, axis=1).astype(np.int64) if n else np.zeros(0, np.int64)
    acc = float(np.mean(y_pred == y)) if n else float("nan")
    return Evaluation(total / n if n else float("nan"), acc, y_pred, p.astype(np.float32))


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
    ) -> None:
        from nndesk.nn.losses import make_loss
        from nndesk.nn.schedules import make_schedule

        self.config = config
        self.dataset = dataset
        self.normalizer = normalizer
        self.model = model
        self.optimizer = optimizer
        self.x_train, self.y_train = x_train, y_train  # (n, 784) float32, (n,) int64
        self.x_val, self.y_val = x_val, y_val
        self.history: list[dict] = list(history or [])
        self.loss_fn = make_loss(config.loss, model.output)
        self.eval_loss_fn = make_loss(config.loss, model.output)
        self.schedule = make_schedule(
            config.schedule, config.lr, self.epochs_done + config.epochs, **_schedule_kwargs(config)
        )
        self.metrics: dict = {}
        self._x_test: np.ndarray | None = None
        # (answer,) once blas_threads() has decided; the answer itself may be None
        self._auto_threads: tuple[int | None] | None = None

    # -- facts ---------------------------------------------------------------------------------
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

    # -- actions -------------------------------------------------------------------------------
    def blas_threads(self) -> int | None:
        """BLAS threads for training: ``config.threads``, or automatic when it is 0.

        Automatic, decided once per session: None (the BLAS default) for convolutional networks
        and for MLPs whose products are big enough to split while a core is free, one thread for
        the others (every small MLP the labs use).

        Per batch, an MLP multiplies small matrices: waking a second BLAS thread for
        (32, 784) @ (784, 64) costs more than it saves, and on a busy machine (the GUI thread,
        other programs) a second thread that is not scheduled in time stalls every product.
        Measured on this 2-core machine under load: a tiny-data epoch took 1.8-3.5 s with two
        threads and 0.03 s with one; 784-784-10 at batch 128 ran 3.6 batches/s.
        """
        if self.config.threads:
            return self.config.threads
        if self._auto_threads is None:  # decided once: measuring the machine may take 0.1 s
            self._auto_threads = (self._automatic_threads(),)
        return self._auto_threads[0]

    def _automatic_threads(self) -> int | None:
        if self.convolutional():
            return None
        batch = self.config.batch_size or len(self.y_train)
        widest = max((p.size for _, p, _ in self.model.parameters() if p.ndim == 2), default=0)
        # a product big enough to split (784-256 at batch 128: 25M multiply-adds) goes to every
        # core, but only when the machine has about one to spare besides this process's own: a
        # second BLAS thread that is not scheduled in time stalls every product
        if batch * widest >= 16_000_000 and _idle_cores() >= 0.5:
            return None
        return 1

    def convolutional(self) -> bool:
        """Whether the model has convolutional layers."""
        return any(type(layer).__name__.startswith("Conv") for layer in self.model.layers)

    def part_threads(self) -> int:
        """Threads ``nndesk.nn.parallel`` splits a CNN's big NumPy passes over while training
        (``config.threads``, or every core when 0); 1 for MLPs, whose arrays are too small.

        A CNN batch is half matmuls (BLAS on every core) and half memory-bound passes (im2col,
        col2im, pooling) that NumPy runs on one core. Split, the first max-pool took 0.29 + 0.33 s
        instead of 0.43 + 0.55 s over 19,200 images (bench_cnn, batch 128).
        """
        if not self.convolutional():
            return 1
        return self.config.threads or parallel.cores()

    def evaluate_test(self) -> Evaluation:
        """Loss, accuracy, predictions (m,) and probabilities (m, k) on the test split."""
        result = evaluate(self.model, self.eval_loss_fn, self.x_test, self.y_test)
        self.metrics = {"test_loss": result.loss, "test_accuracy": result.accuracy}
        return result

    def evaluate_val(self) -> Evaluation | None:
        if len(self.y_val) == 0:
            return None
        return evaluate(self.model, self.eval_loss_fn, self.x_val, self.y_val)

    def weights_snapshot(self) -> list[tuple[str, np.ndarray]]:
        """Copies of every parameter, ``[("1/W", array), ...]``, safe to use from another thread."""
        return [(name, p.copy()) for name, p, _ in self.model.parameters()]

    def restore_weights(self, snapshot: list[tuple[str, np.ndarray]]) -> None:
        """Write a ``weights_snapshot`` back into the model, in place."""
        for (name, p, _), (snap_name, value) in zip(self.model.parameters(), snapshot, strict=True):
            assert name == snap_name, (name, snap_name)
            p[...] = value

    def model_copy(self):
        """An independent copy of the model (same dtype), e.g. for predicting while training.

        A deep copy, not config + parameters: layer state that is not a parameter (batch-norm
        running statistics, dropout generators) must come along too.
        """
        import copy

        return copy.deepcopy(self.model)

    def classifier(self, snapshot: bool = True):
        """A ``nndesk.inference.Classifier`` for this model (a frozen copy when ``snapshot``)."""
        from nndesk.inference import Classifier

        model = self.model_copy() if snapshot else self.model
        return Classifier.from_info(model, self.info())

    def info(self) -> dict:
        """The ``info`` dict stored in the model file."""
        return {
            "dataset": self.dataset.name,
            "class_names": list(self.class_names),
            "normalization": self.normalizer.to_dict(),
            "preprocess": self.dataset.preprocess,
            "history": [dict(h) for h in self.history],
            "seed": self.config.seed,
            "config": self.config.to_dict(),
            "metrics": dict(self.metrics),
        }

    def save(self, path: str | Path) -> Path:
        """Write the model, optimizer state and ``info()`` atomically to ``path`` (.npz)."""
        from nndesk.nn.serialization import save_model

        return save_model(path, self.model, self.info(), optimizer=self.optimizer)


def _schedule_kwargs(config: TrainConfig) -> dict:
    """The schedule's own keyword arguments taken from the config."""
    if config.schedule == "step":
        return {"step_size": config.schedule_step, "gamma": config.schedule_gamma}
    if config.schedule == "exp":
        return {"after": config.schedule_step, "rate": config.schedule_rate}
    if config.schedule == "cosine":
        return {"min_lr": config.min_lr}
    return {}


def _rng(seed: int, purpose: int, *more: int) -> np.random.Generator:
    """An independent, reproducible stream per purpose (and per epoch), all from one seed.

    Seeding the shuffle by (seed, epoch) means a resumed run sees the same batches as an
    uninterrupted one.
    """
    return np.random.default_rng([seed, purpose, *more])


_SPLIT, _INIT, _SHUFFLE, _AUGMENT, _SKETCH = 1, 2, 3, 4, 5


def prepare(
    config: TrainConfig,
    data_dir: str | Path | None = None,
    resume: str | Path | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
    dataset=None,
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
    resume : path, optional
        A model file written by ``Session.save``: training continues its history and optimizer.
    progress : callable, optional
        Download progress ``(filename, done_bytes, total_bytes)``.
    dataset : Dataset, optional
        Use this ready dataset instead of loading ``config.dataset`` (GUI, tests).
    """
    from nndesk.data import Normalizer, stratified_split
    from nndesk.nn.architecture import build_model
    from nndesk.nn.optimizers import make_optimizer

    history: list[dict] = []
    loaded = None
    if resume is not None:
        from nndesk.nn.serialization import load_model

        loaded = load_model(resume)
        saved = loaded.info.get("config") or {}
        # what the file's network, inputs and optimizer state fix cannot come from new settings
        keep = (
            "arch", "activation", "output", "loss", "normalize", "dropout", "dataset", "init",
            "prelu_init", "optimizer", "l2", "momentum", "clip_norm", "eps",
        )  # fmt: skip
        config = config.replace(**{k: saved[k] for k in keep if k in saved})
        history = list(loaded.info.get("history") or [])
    config.validate()

    if dataset is None:
        from nndesk.data import load_dataset

        dataset = load_dataset(config.dataset, data_dir=data_dir, progress=progress)
    if loaded is not None and list(loaded.info.get("class_names", [])) != list(dataset.class_names):
        raise ModelFileError(
            f"{resume}: was trained on {loaded.info.get('dataset')!r}, not {dataset.name!r}"
        )

    labels = np.asarray(dataset.train_labels, dtype=np.int64)
    if config.val_fraction > 0:
        train_idx, val_idx = stratified_split(
            labels, config.val_fraction, _rng(config.seed, _SPLIT)
        )
    else:
        train_idx, val_idx = np.arange(len(labels)), np.zeros(0, np.int64)
    train_images = dataset.train_images[train_idx]  # uint8 (n, 28, 28)

    if loaded is not None:
        normalizer = Normalizer.from_dict(loaded.info["normalization"])
    else:
        normalizer = Normalizer(config.normalize).fit(train_images)  # train split only
    x_train = normalizer(train_images)  # float32 (n, 784)
    x_val = normalizer(dataset.train_images[val_idx])  # float32 (m, 784)

    if loaded is not None:
        model = loaded.model
        optimizer = loaded.optimizer
        if optimizer is None:  # a file saved without optimizer state: start a fresh one
            optimizer = _make_optimizer(make_optimizer, config)
        optimizer.lr = config.lr
    else:
        model = build_model(
            config.arch,
            activation=config.activation,
            output=config.output,
            dropout=config.dropout,
            init=config.init,
            prelu_init=config.prelu_init,
            rng=_rng(config.seed, _INIT),
        )
        optimizer = _make_optimizer(make_optimizer, config)
    n_classes = len(dataset.class_names)
    logits = model.forward(x_train[:1], training=False)
    if logits.shape[1] != n_classes:
        raise ConfigError(
            f"the architecture ends with {logits.shape[1]} outputs but {dataset.name} has "
            f"{n_classes} classes"
        )
    # one buffer for all parameters (and one for gradients): the optimizer then updates the
    # whole network in a few NumPy calls per batch instead of a few per weight array
    model.flatten_parameters()
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
    )


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


def _idle_cores(window: float = 0.1) -> float:
    """Cores other programs leave free: the cpu count minus the 1-minute load average or, when
    that says the machine is busy, minus what other processes used over the next ``window``
    seconds; 0 where neither is known.

    The load average counts this process too: right after a training run (Train clicked again,
    back-to-back benchmark epochs) it reads ~2 on 2 cores with nothing else running, and a wide
    MLP then trained on one thread at 1.2x the plain loop's time instead of 0.83x. So a busy
    reading is checked against the machine's busy time minus this process's own (Linux).
    """
    cores = parallel.cores()
    try:
        idle = cores - os.getloadavg()[0]
    except (AttributeError, OSError):
        idle = 0.0
    if idle >= 0.5:
        return idle
    others = _others_busy_cores(window)
    return idle if others is None else cores - others


def _machine_busy_seconds() -> float | None:
    """CPU seconds every core has spent busy since boot (/proc/stat, all processes), or None."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError):
        return None
    if len(fields) < 9 or fields[0] != "cpu":
        return None
    # user nice system idle iowait irq softirq steal: all but idle and iowait are busy; steal is
    # time the hypervisor gave to another machine, as lost to this one as another program's
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / ticks


def _others_busy_cores(window: float) -> float | None:
    """Cores other processes kept busy over ``window`` seconds from now, or None if unknown."""
    busy0, own0, t0 = _machine_busy_seconds(), time.process_time(), time.perf_counter()
    if busy0 is None:
        return None
    time.sleep(window)
    busy1, own1, t1 = _machine_busy_seconds(), time.process_time(), time.perf_counter()
    if busy1 is None:
        return None
    return max(0.0, (busy1 - busy0) - (own1 - own0)) / (t1 - t0)


def blas_threads(n: int | None):
    """Context manager limiting NumPy's BLAS to ``n`` threads (None: leave it alone).

    Needs threadpoolctl; without it this does nothing.
    """
    if n is None:
        return contextlib.nullcontext()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=n, user_api="blas")


def _never() -> bool:
    return False


def _no_override() -> float | None:
    return None


def train(
    session: Session,
    should_stop: Callable[[], bool] = _never,
    should_pause: Callable[[], bool] = _never,
    lr_override: Callable[[], float | None] = _no_override,
) -> Iterator[Report]:
    """Train ``session.model`` for ``session.config.epochs`` epochs, yielding reports.

    Yields a ``BatchReport`` after every optimizer step, an ``EpochReport`` after every epoch and
    exactly one ``RunEnded`` last. ``should_stop``/``should_pause`` are polled between batches;
    ``lr_override()`` returning a number sets the learning rate from the next batch on (the
    schedule then no longer changes it). A NaN/inf loss, or one ``DIVERGENCE_FACTOR`` times the
    run's first (at least 1.0), skips that batch's update and ends the run with reason
    "diverged"; the parameters stay finite.
    """
    with (
        blas_threads(session.blas_threads()),
        parallel.use_threads(session.part_threads()),
    ):
        yield from _train(session, should_stop, should_pause, lr_override)


def _train(session, should_stop, should_pause, lr_override) -> Iterator[Report]:
    cfg = session.config
    model, optimizer, loss_fn = session.model, session.optimizer, session.loss_fn
    x, y = session.x_train, session.y_train
    n = len(y)
    if n == 0:
        raise ConfigError("the training split is empty")
    bs = n if cfg.full_batch else min(cfg.batch_size, n)
    batches = math.ceil(n / bs)
    first = session.epochs_done + 1
    last = session.epochs_done + cfg.epochs
    params = model.parameters()

    # one batch buffer for the whole run: gathering with np.take(out=) allocates nothing per batch.
    # mode="clip" matters: with the default mode="raise" NumPy gathers into a temporary buffer
    # first and copies it into out (measured 35 us instead of 10 us for 32 rows); the indices
    # come from a permutation of range(n), so clipping never changes one
    gather = not cfg.full_batch or cfg.augment or cfg.sketch > 0
    xb_buf = np.empty((bs, x.shape[1]), dtype=x.dtype) if gather else None
    yb_buf = np.empty(bs, dtype=np.int64)
    augment = None
    if cfg.augment:
        from nndesk.data.augment import augment_batch

        augment = augment_batch
        aug_rng = _rng(cfg.seed, _AUGMENT, first)
    sketch = None
    if cfg.sketch > 0:
        from nndesk.data.augment import SketchStrengths, sketch_batch

        strengths = SketchStrengths(share=cfg.sketch)
        sketch_rng = _rng(cfg.seed, _SKETCH, first)
        sketch = lambda xb: sketch_batch(xb, sketch_rng, strengths)  # noqa: E731

    overridden: float | None = None
    reference: float | None = None  # the run's first batch loss, at least 1.0
    for epoch in range(first, last + 1):
        if overridden is None:
            optimizer.lr = float(session.schedule.lr_at(epoch - 1))  # schedules count from 0
        # cheap insurance: if an update ever produces inf weights, go back to this epoch's start
        start_state = session.weights_snapshot()
        # full-batch GD needs no order (the whole split is one batch) unless images are augmented
        shuffle = gather
        order = _rng(cfg.seed, _SHUFFLE, epoch).permutation(n) if shuffle else None
        loss_sum = 0.0
        correct = 0
        seen = 0
        busy = 0.0  # seconds spent training this epoch, pauses excluded
        t0 = time.perf_counter()
        for b in range(batches):
            if should_pause() and not should_stop():
                busy += time.perf_counter() - t0
                while should_pause() and not should_stop():
                    time.sleep(PAUSE_POLL)
                t0 = time.perf_counter()
            if should_stop():
                yield RunEnded("stopped", f"stopped by request in epoch {epoch}", epoch - 1)
                return
            new_lr = lr_override()
            if new_lr is not None:
                if not (math.isfinite(new_lr) and new_lr > 0):
                    raise ConfigError(f"learning rate must be a positive number; got {new_lr}")
                overridden = optimizer.lr = float(new_lr)

            if order is None:
                xb, yb = x, y
                m = n
            else:
                idx = order[b * bs : (b + 1) * bs]
                m = len(idx)
                yb = np.take(y, idx, out=yb_buf[:m], mode="clip")
                xb = np.take(x, idx, axis=0, out=xb_buf[:m], mode="clip")
                if augment is not None:
                    # augment_batch works on normalised rows (ink brighter than background)
                    xb = augment(xb, aug_rng)
                if sketch is not None:
                    # garment photos partly redrawn as silhouettes, outlines and scribbles
                    xb = sketch(xb)

            # a diverging run overflows; the finite check below reports it, not a RuntimeWarning
            with np.errstate(over="ignore", invalid="ignore"):
                logits = model.forward(xb, training=True)  # (m, k)
                loss = float(loss_fn(logits, yb))
            if reference is None and math.isfinite(loss):
                reference = max(loss, 1.0)
            exploded = reference is not None and loss > DIVERGENCE_FACTOR * reference
            if not math.isfinite(loss) or exploded:
                # the update is never applied, so the weights are the ones from before this batch
                if not all(np.isfinite(p).all() for _, p, _ in params):
                    session.restore_weights(start_state)
                what = f"became {loss}" if not exploded else f"grew to {loss:.3g}"
                yield RunEnded(
                    "diverged",
                    f"loss {what} at epoch {epoch} batch {b + 1}; try a lower learning rate",
                    epoch - 1,
                )
                return
            # running accuracy before the update: the same numbers the loss was computed on
            correct += int(np.count_nonzero(logits.argmax(axis=1) == yb))
            model.backward(loss_fn.backward(), input_grad=False)  # dL/dx of the inputs is unused
            optimizer.step(params)
            loss_sum += loss * m
            seen += m
            elapsed = busy + time.perf_counter() - t0
            yield BatchReport(
                epoch=epoch,
                batch=b + 1,
                batches=batches,
                loss=loss_sum / seen,
                accuracy=correct / seen,
                lr=float(optimizer.lr),
                samples_per_second=seen / elapsed if elapsed > 0 else float("inf"),
            )

        val = session.evaluate_val()
        test = session.evaluate_test() if cfg.test_every_epoch else None
        seconds = busy + time.perf_counter() - t0
        report = EpochReport(
            epoch=epoch,
            epochs=last,
            train_loss=loss_sum / seen,
            train_accuracy=correct / seen,
            val_loss=None if val is None else val.loss,
            val_accuracy=None if val is None else val.accuracy,
            lr=float(optimizer.lr),
            seconds=seconds,
            test_loss=None if test is None else test.loss,
            test_accuracy=None if test is None else test.accuracy,
        )
        session.history.append(report.to_dict())
        yield report
    yield RunEnded("completed", f"trained {cfg.epochs} epoch(s)", session.epochs_done)
