"""``train(session)``: the training loop as a plain generator of frozen reports. No Qt.

It yields a ``BatchReport`` after every batch, an ``EpochReport`` after every epoch and one
``RunEnded`` last; stop and pause are polled between two batches. The window wraps the same
generator in a worker thread, the CLI drives it directly:

    for report in train(session, should_stop=stop.is_set):
        show(report)
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import math
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Loss, Message, counted
from nndesk.nn import parallel, split_batch
from nndesk.setting_changes import SettingChange
from nndesk.training import runtime

if TYPE_CHECKING:
    from nndesk.data.augment import SketchStrengths
    from nndesk.training.internals import EpochWeights, InsideSample, Watcher
    from nndesk.training.process_split import ProcessSplit
    from nndesk.training.session import Session

#: Seconds slept per check while paused: short enough to feel instant, long enough to idle.
PAUSE_POLL = 0.02
#: A batch loss this many times the run's first one (at least 1.0) means the run diverged, even
#: when it stays finite: Adam's steps are bounded by the learning rate, so with a rate far too
#: high its loss climbs to millions without ever overflowing, as SGD's does.
DIVERGENCE_FACTOR = 100.0


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
    batch_loss: float = math.nan  # this batch's own mean loss (``loss`` is the epoch's so far)
    #: settings changed while training that this batch was the first to use
    changes: tuple[SettingChange, ...] = ()
    #: on a batch the ``Watcher`` sampled: gradient norms, update sizes, dead units per layer
    inside: InsideSample | None = None
    #: a line for the person training, on the one batch it became true (``HELPER_LOST``)
    notice: Message | None = None


#: ``BatchReport.notice`` of the first batch after the run's helper process was lost (it died
#: or failed): the rest of the run trains on this process's threads, with the same numbers.
HELPER_LOST = Message(N_("The helper process stopped: training goes on without it"))


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
    #: the rate in force at the epoch's end (its last batch's); ``lr_start``: its first
    #: batch's. They differ when the rate was changed by hand mid-epoch (verify65 #10: "lr"
    #: 0.003 for an epoch whose first 67 batches ran at 0.0001); the change, with its batch,
    #: is in the run's change record
    lr: float
    seconds: float  # training + validation time, pauses excluded
    test_loss: float | None = None
    test_accuracy: float | None = None
    lr_start: float | None = None  # None: not known (a report made by hand)
    #: with a ``Watcher``: the weight histograms and first-layer filters at this epoch's end
    weights: EpochWeights | None = None
    #: k x k counts as nested tuples (rows true class, columns predicted): on the validation
    #: split, or (a run without one) on this epoch's training batches as they were trained
    confusion: tuple[tuple[int, ...], ...] | None = None
    confusion_split: str = "validation"  # "validation" | "training"

    def to_dict(self) -> dict:
        """The history row: every number (not the weights' or the confusion's arrays)."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in _NOT_HISTORY
        }


#: ``lr_start`` is in a run's record (``run_curves``), not in the history model files and
#: ``--json`` keep in ``HISTORY_COLUMNS``
_NOT_HISTORY = frozenset({"weights", "confusion", "confusion_split", "lr_start"})


@dataclass(frozen=True)
class RunEnded:
    """Always the last report. ``reason``: "completed" | "stopped" | "diverged"."""

    reason: str
    message: str
    epochs_done: int
    #: a diverged run's last batch, which was not applied: where it was (in epochs, as
    #: ``Curves.batch_x``) and its loss, so the curves can show the loss leaving the chart
    batch_x: float = math.nan
    batch_loss: float = math.nan
    #: a stopped run's batches trained in the epoch it stopped in (0: it stopped between
    #: epochs): "after epoch 134", as the Runs table counts, and how far into epoch 135
    batches_into_next: int = 0


Report = BatchReport | EpochReport | RunEnded


def stopped_message(done: int, batches: int) -> Message:
    """Where a run stopped by request ended, counted as the Runs table and ``--json``'s
    ``epochs`` count: the last epoch finished, then the batches of the next one (it said "in
    epoch 135" of a run whose 134 epochs were all it trained, walk49 D10)."""
    if batches and done:
        return Message(
            N_("stopped by request after epoch {done} and {batches} of epoch {epoch}"),
            done=done,
            batches=counted(batches, "batch"),  # "1 batch", not "1 batches"
            epoch=done + 1,
        )
    if batches:
        return Message(
            N_("stopped by request after {batches} of epoch 1"), batches=counted(batches, "batch")
        )
    if done:
        return Message(N_("stopped by request after epoch {done}"), done=done)
    return Message(N_("stopped by request before the first batch"))


@dataclass
class EpochProgress:
    """How far an epoch has come: kept in the model file when a run stops inside an epoch, so
    ``--resume`` / Continue trains the rest of that epoch instead of starting it again."""

    batches: int = 0  # batches trained in this epoch
    seen: int = 0  # samples trained (positions in the epoch's shuffled order)
    loss_sum: float = 0.0  # sum of per-sample losses, for the epoch's running mean
    correct: int = 0
    seconds: float = 0.0  # training time so far, pauses excluded
    outliers: int = 0  # samples labelled OUTLIER (none of the classes): not in the accuracy

    @property
    def accuracy(self) -> float:
        """The running accuracy over the samples that have a class (0 when none has yet)."""
        labelled = self.seen - self.outliers
        return self.correct / labelled if labelled else 0.0

    @classmethod
    def from_dict(cls, d: Any, n_train: int) -> EpochProgress | None:
        """The saved progress, or None when it is missing or does not fit ``n_train`` samples."""
        try:
            progress = cls(int(d["batches"]), int(d["seen"]), float(d["loss_sum"]),
                           int(d["correct"]), float(d["seconds"]),
                           int(d.get("outliers", 0)))  # fmt: skip
        except (KeyError, TypeError, ValueError):
            return None
        fits = 0 < progress.batches <= progress.seen < n_train and progress.correct >= 0
        fits = fits and 0 <= progress.outliers <= progress.seen
        finite = math.isfinite(progress.loss_sum) and math.isfinite(progress.seconds)
        return progress if fits and finite else None


#: What each of a run's random streams is for (all come from the one seed).
SPLIT, INIT, SHUFFLE, AUGMENT, SKETCH = 1, 2, 3, 4, 5


def run_rng(seed: int, purpose: int, *more: int) -> np.random.Generator:
    """An independent, reproducible stream per purpose (and per epoch), all from one seed.

    Seeding the shuffle by (seed, epoch) means a resumed run sees the same batches as an
    uninterrupted one.
    """
    return np.random.default_rng([seed, purpose, *more])


def _never() -> bool:
    return False


def _no_steering() -> dict[str, Any]:
    return {}


def train(
    session: Session,
    should_stop: Callable[[], bool] = _never,
    should_pause: Callable[[], bool] = _never,
    steer: Callable[[], dict[str, Any]] = _no_steering,
    watch: Watcher | None = None,
    sketch_strengths: SketchStrengths | None = None,
) -> Iterator[Report]:
    """Train ``session.model`` for ``session.config.epochs`` epochs, yielding reports.

    Yields a ``BatchReport`` after every optimizer step, an ``EpochReport`` after every epoch
    and exactly one ``RunEnded`` last. ``should_stop``/``should_pause`` are polled between
    batches; ``steer()`` returns live settings to change (``{"lr": 0.01, "momentum": 0.5}``;
    ``Session.steer``; a rate set so is kept: the schedule no longer changes it, until
    ``RATE_FROM_SCHEDULE`` gives it back): they take
    effect from the next batch, a batch size from the next epoch, and the ``BatchReport`` of the
    first batch that uses them carries them as ``changes``. With a ``watch``
    (``internals.Watcher``) the batches it samples carry ``inside`` and every ``EpochReport``
    its ``weights``. A NaN/inf loss, or one ``DIVERGENCE_FACTOR`` times the run's first (at
    least 1.0; for a resumed model, the loss of a guess at chance, ln k), skips that batch's
    update and ends the run with reason "diverged"; the parameters stay finite.
    ``sketch_strengths`` sets how ``config.sketch``'s share of each batch is redrawn (its own
    ``share`` is ignored); the default is ``SketchStrengths()``.
    """
    yield from runtime.stepped(
        session.thread_plan(),
        _with_helpers(session, should_stop, should_pause, steer, watch, sketch_strengths),
    )


def _diverged(loss: float, reference: float | None) -> bool:
    """Whether a batch's ``loss`` ends the run, its update never applied: not finite, or
    ``DIVERGENCE_FACTOR`` times ``reference``, the run's first batch loss (at least 1.0; None
    on a new run's first batch) or a resumed run's chance-level loss."""
    if not math.isfinite(loss):
        return True
    return loss > DIVERGENCE_FACTOR * (max(loss, 1.0) if reference is None else reference)


def _accepted(loss: float, reference: float | None) -> bool:
    """Whether a batch's update is applied: its loss did not diverge (``_diverged``)."""
    return not _diverged(loss, reference)


def _with_helpers(
    session, should_stop, should_pause, steer, watch, strengths=None
) -> Generator[Report, None, None]:
    """``_train``, with the run's helper processes (``_parts_in_processes``) for its life."""
    helpers = _parts_in_processes(session)
    try:
        yield from _train(session, should_stop, should_pause, steer, watch, strengths, helpers)
    finally:
        if helpers is not None:
            helpers.close()  # the run ended, was stopped or failed: the helpers leave with it


def _teaches(loss_fn) -> bool:
    """Whether ``loss_fn`` is taught by a teacher network (``nndesk.nn.distill``)."""
    return callable(getattr(loss_fn, "teach", None))


def _parts_in_processes(session) -> ProcessSplit | None:
    """Helper processes for the other parts of a split batch when the run's thread plan says
    so (``runtime.plan``); they start in the background."""
    if not session.thread_plan().processes or _teaches(session.loss_fn):
        return None
    from nndesk.training.process_split import ProcessSplit

    batch = session.config.batch_size or len(session.y_train)
    plan = session.thread_plan()
    by_load = runtime.parts_by_load(plan)  # the load looked at again as the run goes
    return ProcessSplit(
        session.model, session.loss_fn, plan.parts, batch, session.optimizer, by_load
    )


def _train(
    session, should_stop, should_pause, steer, watch, strengths, helpers
) -> Generator[Report, None, None]:
    cfg = session.config
    model, optimizer, loss_fn = session.model, session.optimizer, session.loss_fn
    x, y = session.x_train, session.y_train
    rows = session.train_rows  # a race lane's split: its rows of every lane's images
    n = len(y)
    if n == 0:
        raise ConfigError("the training split is empty")
    first = session.epochs_done + 1
    last = session.epochs_done + cfg.epochs
    params = model.parameters()

    # one batch buffer (grown when a bigger batch size is set): np.take(out=) allocates nothing
    # per batch; mode="clip" gathers straight into it (mode="raise" goes through a temporary),
    # and indices from a permutation of range(n) are never clipped
    xb_buf = np.empty((0, x.shape[1]), dtype=x.dtype)
    yb_buf = np.empty(0, dtype=np.int64)
    # augmentation can be switched on while training: its streams exist from the start
    aug_rng = run_rng(cfg.seed, AUGMENT, first)
    sketch_rng = run_rng(cfg.seed, SKETCH, first)

    overridden: float | None = None
    lost_said = False  # whether a report said the helper process was lost (HELPER_LOST)
    k = len(session.class_names)
    # the run's first batch loss, at least 1.0. A resumed model's first loss says nothing: one
    # that diverged (10 % at lr 5) started at 10⁵, and its Continue ran a whole epoch between
    # 10² and 10⁶ uncaught (walk53 #3). Measured from a guess at chance (cross-entropy ln k),
    # its first batch ends it; a sound model's loss is below that
    reference: float | None = max(math.log(k), 1.0) if session.resumed else None
    # the epoch's confusion comes from the validation split when there is one: the training
    # batches' own is counted only for a run without
    count_trained = len(session.y_val) == 0
    side = runtime.PROCESSES  # where the last batch trained (runtime.PartsByLoad)
    for epoch in range(first, last + 1):
        epoch_changes = session.start_epoch(epoch)  # a batch size set during the last epoch
        cfg = session.config
        bs = n if cfg.full_batch else min(cfg.batch_size, n)
        if overridden is None:
            optimizer.lr = session.rate_at(epoch)
        # cheap insurance: if an update ever produces inf weights, go back to this epoch's start
        start_state = session.weights_snapshot()
        # full-batch GD needs no order (the whole split is one batch) unless images are augmented
        shuffle = not cfg.full_batch or cfg.augment or cfg.sketch > 0
        if shuffle and len(yb_buf) < bs:
            xb_buf = np.empty((bs, x.shape[1]), dtype=x.dtype)
            yb_buf = np.empty(bs, dtype=np.int64)
        order = run_rng(cfg.seed, SHUFFLE, epoch).permutation(n) if shuffle else None
        # a run stopped inside this epoch continues with the next sample of the same order
        progress = (session.take_partial(epoch) if order is not None else None) or EpochProgress()
        skipped, offset = progress.batches, progress.seen
        epoch_batches = skipped + math.ceil((n - offset) / bs)
        t0 = time.perf_counter()
        trained = np.zeros(k * k, np.int64)  # this epoch's training confusion, flattened
        first_lr: float | None = None  # the rate this epoch's first batch trained at
        for b in range(skipped, epoch_batches):
            if should_pause() and not should_stop():
                progress.seconds += time.perf_counter() - t0
                while should_pause() and not should_stop():
                    time.sleep(PAUSE_POLL)
                t0 = time.perf_counter()
            if should_stop():
                progress.seconds += time.perf_counter() - t0
                if progress.batches:
                    session.partial = (epoch, progress)
                yield RunEnded(
                    "stopped",
                    stopped_message(epoch - 1, progress.batches),
                    epoch - 1,
                    batches_into_next=progress.batches,
                )
                return
            wanted = dict(steer() or {})
            changes = tuple(epoch_changes)
            epoch_changes = []
            if wanted:
                steered = tuple(session.steer(wanted, epoch, b + 1, epoch_batches))
                changes += steered
                for change in steered:  # a rate set by hand stays; one given back does not
                    if change.name == "lr":
                        overridden = None if change.scheduled else optimizer.lr
                cfg = session.config
            if first_lr is None:
                first_lr = float(optimizer.lr)

            if order is None:
                xb, yb = (x if rows is None else x.take(rows, axis=0)), y
                m = n
            else:
                start = offset + (b - skipped) * bs
                idx = order[start : start + bs]
                m = len(idx)
                yb = y.take(idx, out=yb_buf[:m], mode="clip")
                taken = idx if rows is None else rows.take(idx)
                xb = x.take(taken, axis=0, out=xb_buf[:m], mode="clip")
                if cfg.augment:
                    # augment_batch works on normalised rows (ink brighter than background)
                    xb = _augment(xb, aug_rng, cfg)
                if cfg.sketch > 0:
                    # garment photos partly redrawn as silhouettes, outlines and scribbles
                    xb = _sketch(xb, sketch_rng, cfg, strengths)

            sampled = watch is not None and watch.wants(b + 1)
            # a taught loss (nndesk.nn.distill) has the teacher read the batch as the student
            # sees it, sketches and all
            taught = _teaches(loss_fn)
            if taught:
                loss_fn.teach(xb)
            step = None
            done = None
            notice = None
            # where the load sends this batch (runtime.PartsByLoad): the helpers, threads, or
            # whole on one thread when other programs keep every core busy
            side = runtime.PROCESSES if helpers is None else helpers.next_side()
            # whole on one thread, in one part: where the load says so, or for a taught loss,
            # which holds the whole batch's teacher answers
            whole = side == runtime.WHOLE or taught
            # Whether the batch's parts take the optimizer's step themselves, each on a range of
            # the parameters: in their tails (split_batch) or once the helper processes' parts
            # are in (process_split). Not a whole batch (one part), nor one the watcher samples:
            # it reads the weights before the step and every part's layers (a sampled batch
            # may still split over threads; the step is then taken below)
            parts_take_step = not whole and not sampled
            # a diverging run overflows; the finite check below reports it, not a RuntimeWarning.
            # Forward, loss and backward (dL/dx of the inputs is unused) as one step: a batch
            # split over threads or processes then meets once (Sequential.train_step)
            with (
                np.errstate(over="ignore", invalid="ignore"),
                parallel.use_threads(1) if whole else contextlib.nullcontext(),
            ):
                if parts_take_step and split_batch.parts_for(model, xb.shape[0]) > 1:
                    accept = functools.partial(_accepted, reference=reference)
                    step = optimizer.step_in_ranges(params, accept)
                # the other parts in the helper processes once they are up, with the thread
                # split's numbers; None: on threads, as below. Its helpers may still move their
                # ranges of the step when it returns: the batch is counted meanwhile and
                # ``settle``d before the report goes out
                if helpers is not None and parts_take_step:
                    done = helpers.train_step(xb, yb, loss_fn, step, settled=False)
                if done is None:
                    done = model.train_step(xb, yb, loss_fn, step)
                logits, loss = done  # (m, k) logits
                loss = float(loss)
            if _diverged(loss, reference):
                # the update is never applied, so the weights are the ones from before this batch
                if not all(np.isfinite(p).all() for _, p, _ in params):
                    session.restore_weights(start_state)
                where = {"epoch": epoch, "batch": b + 1}
                message = (
                    Message(
                        N_(
                            "loss grew to {loss} at epoch {epoch} batch {batch}; try a "
                            "lower learning rate"
                        ),
                        loss=Loss(loss),
                        **where,
                    )
                    if math.isfinite(loss)
                    else Message(
                        N_(
                            "loss became {loss} at epoch {epoch} batch {batch}; try a lower "
                            "learning rate"
                        ),
                        loss=Loss(loss),
                        **where,
                    )
                )
                yield RunEnded(
                    "diverged", message, epoch - 1, epoch - 1 + (b + 1) / epoch_batches, loss
                )
                return
            # running accuracy before the update: the same numbers the loss was computed on
            guessed = logits.argmax(axis=1)
            progress.correct += int(np.count_nonzero(guessed == yb))  # an OUTLIER never matches
            if yb.shape[0] and np.minimum.reduce(yb) < 0:  # rows of no class: outlier exposure
                labelled = yb >= 0
                progress.outliers += int(m - np.count_nonzero(labelled))
                yb, guessed = yb[labelled], guessed[labelled]
            if count_trained:
                trained += np.bincount(yb * k + guessed, minlength=k * k)[: k * k]
            if reference is None:
                reference = max(loss, 1.0)  # the run's first batch: finite, it did not diverge
            if sampled:
                assert watch is not None
                watch.before_step()
            if step is None or not step.began:
                optimizer.step(params)
            inside = None
            if sampled:  # its norms and sample pass overflow as the batch did, on a diverging run
                with np.errstate(over="ignore", invalid="ignore"):
                    inside = watch.after_step(epoch - 1 + (b + 1) / epoch_batches)
            progress.loss_sum += loss * m
            progress.seen += m
            progress.batches += 1
            if helpers is not None:
                helpers.settle()  # the step whole before anyone reads the parameters
                if helpers.lost and not lost_said:  # said once, on the batch it happened
                    notice, lost_said = HELPER_LOST, True
            # the clock stops while the report is away: the consumer's time is not this run's
            # (a Race's lanes take turns, and each lane's seconds were the whole race's, walk54)
            progress.seconds += time.perf_counter() - t0
            elapsed = progress.seconds
            yield BatchReport(
                epoch=epoch,
                batch=b + 1,
                batches=epoch_batches,
                loss=progress.loss_sum / progress.seen,
                accuracy=progress.accuracy,
                lr=float(optimizer.lr),
                samples_per_second=progress.seen / elapsed if elapsed > 0 else float("inf"),
                batch_loss=loss,
                changes=changes,
                inside=inside,
                notice=notice,
            )
            t0 = time.perf_counter()

        # a busy machine's epoch (whole batches, PartsByLoad) is scored on one thread as well
        with parallel.use_threads(1) if side == runtime.WHOLE else contextlib.nullcontext():
            val = session.evaluate_val()
            test = session.evaluate_test() if cfg.test_every_epoch else None
        seconds = progress.seconds + time.perf_counter() - t0
        if val is not None:
            confusion = np.bincount(session.y_val * k + val.predictions, minlength=k * k)[
                : k * k
            ].reshape(k, k)
        else:
            confusion = trained.reshape(k, k)
        report = EpochReport(
            epoch=epoch,
            epochs=last,
            train_loss=progress.loss_sum / progress.seen,
            train_accuracy=progress.accuracy,
            val_loss=None if val is None else val.loss,
            val_accuracy=None if val is None else val.accuracy,
            lr=float(optimizer.lr),
            lr_start=float(optimizer.lr) if first_lr is None else first_lr,
            seconds=seconds,
            test_loss=None if test is None else test.loss,
            test_accuracy=None if test is None else test.accuracy,
            weights=None if watch is None else watch.weights(epoch),
            confusion=tuple(tuple(int(v) for v in row) for row in confusion),
            confusion_split="training" if val is None else "validation",
        )
        session.history.append(report.to_dict())
        yield report
    # paused as the last epoch ends ("To epoch end" in it, or Pause during its last batch): the
    # run holds there, as at any other epoch's end, until Resume (or a Step) lets it end; a
    # Stop ends it too, every epoch trained. It ended at once, tested and saved (walk55 D12)
    while should_pause() and not should_stop():
        time.sleep(PAUSE_POLL)
    epochs = "1 epoch" if cfg.epochs == 1 else f"{cfg.epochs} epochs"
    yield RunEnded("completed", f"trained {epochs}", session.epochs_done)


def _augment(xb: np.ndarray, rng: np.random.Generator, cfg) -> np.ndarray:
    """``xb`` shifted, rotated, zoomed (and re-penned) with the run's current strengths."""
    from nndesk.data.augment import augment_batch

    return augment_batch(
        xb, rng, shift=cfg.aug_shift, rotate_degrees=cfg.aug_rotate, scale=cfg.aug_scale,
        stroke=cfg.aug_stroke,
    )  # fmt: skip


def _sketch(xb: np.ndarray, rng: np.random.Generator, cfg, strengths) -> np.ndarray:
    """``cfg.sketch`` of ``xb`` redrawn as sketches with ``strengths`` (default ones if None)."""
    from nndesk.data.augment import SketchStrengths, sketch_batch

    return sketch_batch(
        xb, rng, dataclasses.replace(strengths or SketchStrengths(), share=cfg.sketch)
    )
