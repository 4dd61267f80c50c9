"""Run history: every training run keeps its config, curves, final metrics and model file.

Qt-free and matplotlib-free. One folder per run under ``nndesk.paths.runs_dir()``::

    runs/20261123-104512-3f2a/
        run.json     config, curves (per batch and per epoch), LR changes, metrics, status
        model.npz    the trained model (written by the training session)

``run.json`` is always written atomically, so a crash never leaves half a record. A run's id is
the name of the folder it was listed from, never anything written inside it. A ``run.json`` that
cannot be read or does not hold a valid record is listed as a damaged run (with the reason) and
left where it is; deleting a run moves exactly that one folder to the system trash.

A listing reads each record's head only: ``run.json`` keeps its curves last and, before them, a
``summary`` of what the Runs table shows of them (last epoch, final accuracies), written in the
same atomic write. A listed record's curves are read from its file when first asked for
(``RunRecord.curves``); the Runs view asks on its render thread, for the runs its chart shows.

Reading a ``run.json`` safely (its limits, the strict parse, the checks of each value) is
``nndesk.run_json``'s job; this module builds records, curves and the store on top of it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import secrets
import shutil
import threading
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nndesk.errors import user_message_data
from nndesk.fileio import atomic_write_text
from nndesk.fileio import stamp as file_stamp
from nndesk.i18n import N_, fill
from nndesk.i18n import shown as shown_text
from nndesk.paths import fallback_model_name, model_fallback_dirs, runs_dir
from nndesk.plain_text import one_line
from nndesk.run_infinities import KEY as INFINITE_KEY
from nndesk.run_infinities import LOSS_COLUMNS, json_safe
from nndesk.run_infinities import restore as restore_infinities
from nndesk.run_json import (
    MAX_RUN_FILE_BYTES,
    RUN_FILE,
    RunFileError,
    checked_config,
    is_finite,
    is_number,
    kind_of,
    list_at,
    model_file_name,
    number_or_nan,
    numbers_at,
    parse_run_json,
    read_regular_file,
    record_head,
    refused,
    short_repr,
    text_at,
)
from nndesk.run_lock import RunLock, is_held, is_training
from nndesk.run_lock import take as take_lock
from nndesk.setting_changes import SettingChange, from_lr_pairs, parse_changes
from nndesk.setting_words import loss_in_title, race_title_shown, value_text
from nndesk.settings_schema import BY_NAME
from nndesk.training import HISTORY_COLUMNS

MODEL_FILE = "model.npz"
#: The status of a listed run whose ``run.json`` could not be read (its ``message`` says why).
DAMAGED = "damaged"
#: A record that says ``running`` while no process holds its training lock (``run_lock``): the
#: app or terminal training it was closed or killed. Only listings say it; run.json keeps
#: ``running`` (a listing rewrites nothing).
RUNNING, INTERRUPTED = "running", "interrupted"
#: The run.json layout this nndesk writes (``"format"``); a record of a higher one is damaged.
RECORD_FORMAT = 1
#: Batch-loss points kept on disk per run (groups of batches are averaged beyond this).
MAX_STORED_BATCH_POINTS = 4000
#: A record holding many more was not written by nndesk: it is listed as damaged before its
#: values are checked one by one (1.7 million points took 10 s of the window's start each).
MAX_READ_BATCH_POINTS = 50_000
#: Epochs a record may list: a run trains at most 100,000, and resumed runs add theirs.
MAX_READ_EPOCHS = 1_000_000
#: Characters of a run's title as read: longer ones are cut (a title is one short line).
MAX_TITLE_CHARS = 200

EPOCH_COLUMNS = HISTORY_COLUMNS


class TrashUnavailableError(RunFileError):
    """The system trash cannot take this folder (no trash on this platform or this drive)."""


def _json_num(value: float) -> float | None:
    return value if math.isfinite(value) else None


@dataclass
class Curves:
    """What the plots show for one run; it grows while the run trains.

    ``batch_x`` is the position of each batch in epochs (``epoch - 1 + batch / batches``), so the
    per-batch and per-epoch curves share one x axis. Per-epoch lists are aligned with ``epochs``;
    a missing value (no validation split) is NaN.
    """

    batch_x: list[float] = field(default_factory=list)
    batch_loss: list[float] = field(default_factory=list)
    epochs: list[int] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    lr: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)  # NaN unless tested every epoch
    test_accuracy: list[float] = field(default_factory=list)
    #: settings changed while training (the learning rate, momentum, ...), in order
    changes: list[SettingChange] = field(default_factory=list)

    @property
    def lr_changes(self) -> list[tuple[float, float]]:
        """``(x in epochs, new rate)`` of every learning-rate change."""
        return [(c.x, float(c.value)) for c in self.changes if c.name == "lr"]

    def copy(self) -> Curves:
        """A copy another thread may read while this one keeps growing (the lists are copied,
        their values shared)."""
        lists = {f.name: list(getattr(self, f.name)) for f in fields(self)}
        return Curves(**lists)

    def add_batch(self, report: Any) -> None:
        """Append one ``BatchReport``: its position in epochs and its own loss."""
        self.batch_x.append(report.epoch - 1 + report.batch / max(int(report.batches), 1))
        self.batch_loss.append(number_or_nan(report.batch_loss))

    def add_diverged(self, ended: Any) -> None:
        """Append a diverged run's last batch (``RunEnded.batch_x`` / ``batch_loss``): its
        update was never applied, but its loss is what the curves must show leaving the chart
        (``curves.marks.off_chart``), an overflowed one (inf, NaN) too: the charts mark it alike."""
        x, loss = float(ended.batch_x), float(ended.batch_loss)
        if math.isfinite(x):
            self.batch_x.append(x)
            self.batch_loss.append(loss)

    def add_epoch(self, report: Any) -> None:
        """Append one ``EpochReport``."""
        self.epochs.append(int(report.epoch))
        self.train_loss.append(number_or_nan(report.train_loss))
        self.train_accuracy.append(number_or_nan(report.train_accuracy))
        self.val_loss.append(number_or_nan(report.val_loss))
        self.val_accuracy.append(number_or_nan(report.val_accuracy))
        self.lr.append(number_or_nan(report.lr))
        self.seconds.append(number_or_nan(getattr(report, "seconds", math.nan)))
        self.test_loss.append(number_or_nan(getattr(report, "test_loss", None)))
        self.test_accuracy.append(number_or_nan(getattr(report, "test_accuracy", None)))

    def add_lr_change(self, x: float, lr: float) -> None:
        """Remember that the learning rate became ``lr`` at ``x`` (in epochs)."""
        self.changes.extend(from_lr_pairs([(float(x), float(lr))]))

    def add_change(self, change: SettingChange) -> None:
        """Remember a setting changed while training (marked on the curves at ``change.x``)."""
        self.changes.append(change)

    @property
    def last_x(self) -> float:
        """Where training is now, in epochs."""
        return self.batch_x[-1] if self.batch_x else float(self.epochs[-1] if self.epochs else 0)

    def history(self) -> list[dict[str, float]]:
        """One dict per epoch with the ``EPOCH_COLUMNS`` keys."""
        columns = (
            self.epochs,
            self.train_loss,
            self.train_accuracy,
            self.val_loss,
            self.val_accuracy,
            self.lr,
            self.seconds,
            self.test_loss,
            self.test_accuracy,
        )
        return [dict(zip(EPOCH_COLUMNS, row, strict=True)) for row in zip(*columns, strict=True)]

    @classmethod
    def from_history(cls, history: list[dict]) -> Curves:
        """Per-epoch curves from a model file's ``info["history"]`` (used when resuming)."""
        curves = cls()
        for i, row in enumerate(history, start=1):
            curves.epochs.append(int(row.get("epoch", i)))
            curves.train_loss.append(number_or_nan(row.get("train_loss")))
            curves.train_accuracy.append(number_or_nan(row.get("train_accuracy")))
            curves.val_loss.append(number_or_nan(row.get("val_loss")))
            curves.val_accuracy.append(number_or_nan(row.get("val_accuracy")))
            curves.lr.append(number_or_nan(row.get("lr")))
            curves.seconds.append(number_or_nan(row.get("seconds")))
            curves.test_loss.append(number_or_nan(row.get("test_loss")))
            curves.test_accuracy.append(number_or_nan(row.get("test_accuracy")))
        return curves

    def to_dict(
        self, max_batch_points: int = MAX_STORED_BATCH_POINTS, infinite: list | None = None
    ) -> dict:
        """JSON-able; long batch curves are averaged in groups down to ``max_batch_points``.
        inf and NaN are written null; with ``infinite``, the place of each infinite loss is
        added to it (``run_infinities``: the record lists them, so ∞ reads back as ∞)."""
        bx, bl = _downsample(self.batch_x, self.batch_loss, max_batch_points)
        out: dict[str, Any] = {
            "batch_x": json_safe(bx),
            "batch_loss": json_safe(bl, ["curves", "batch_loss"], infinite),
        }
        for name in EPOCH_COLUMNS:
            values = self.epochs if name == "epoch" else getattr(self, name)
            place = ["curves", name] if name in LOSS_COLUMNS else None
            out[name] = list(values) if name == "epoch" else json_safe(values, place, infinite)
        out["changes"] = [change.to_dict() for change in self.changes]
        # what older nndesk versions read: they mark learning-rate changes only
        out["lr_changes"] = [list(pair) for pair in self.lr_changes]
        return out

    @classmethod
    def from_dict(cls, d: Any) -> Curves:
        """Curves from ``run.json``'s ``"curves"``; raises ``RunFileError`` naming what is wrong.

        Per-epoch columns a record lacks (older files) are NaN; a column that disagrees with
        ``epoch`` in length, a value that is not a number, or an LR change that is not an
        ``[x, lr]`` pair makes the record damaged.
        """
        if not isinstance(d, dict):
            raise refused(N_("{key} is {kind}, not an object"), key="curves", kind=kind_of(d))
        epochs = list_at(d, "epoch", "curves.")
        if len(epochs) > MAX_READ_EPOCHS:
            raise refused(
                N_("{key} holds {count:,} epochs; nndesk reads at most {limit:,}"),
                key="curves.epoch",
                count=len(epochs),
                limit=MAX_READ_EPOCHS,
            )
        for v in epochs:
            if not (isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**53):
                raise refused(
                    N_("{key} holds {value}, not an epoch number"),
                    key="curves.epoch",
                    value=short_repr(v),
                )

        def column(key: str) -> list[float]:
            values = numbers_at(d, key, "curves.")
            if not values:
                return [math.nan] * len(epochs)
            if len(values) != len(epochs):
                raise refused(
                    N_("{key} has {count} values for {epochs} epochs"),
                    key=f"curves.{key}",
                    count=len(values),
                    epochs=len(epochs),
                )
            return values

        batch_x, batch_loss = (
            numbers_at(d, "batch_x", "curves.", MAX_READ_BATCH_POINTS),
            numbers_at(d, "batch_loss", "curves.", MAX_READ_BATCH_POINTS),
        )
        if len(batch_x) != len(batch_loss):
            raise refused(
                N_("curves.batch_x has {count} values but batch_loss {other}"),
                count=len(batch_x),
                other=len(batch_loss),
            )
        lr_changes = []
        for pair in list_at(d, "lr_changes", "curves."):
            if not (isinstance(pair, list) and len(pair) == 2 and all(map(is_number, pair))):
                raise refused(
                    N_("{key} holds {value}, not an [x, lr] pair"),
                    key="curves.lr_changes",
                    value=short_repr(pair),
                )
            lr_changes.append((number_or_nan(pair[0]), number_or_nan(pair[1])))
        if "changes" in d:  # this version's record of every change
            try:
                changes = parse_changes(d["changes"])
            except ValueError as err:
                reason = (
                    err.args[0] if err.args else str(err)
                )  # a Message: said in the window's language
                raise refused(N_("{key}: {reason}"), key="curves.changes", reason=reason) from None
        else:  # an older record: learning-rate changes only
            changes = from_lr_pairs(lr_changes)
        return cls(
            batch_x=batch_x,
            batch_loss=batch_loss,
            epochs=list(epochs),
            train_loss=column("train_loss"),
            train_accuracy=column("train_accuracy"),
            val_loss=column("val_loss"),
            val_accuracy=column("val_accuracy"),
            lr=column("lr"),
            seconds=column("seconds"),
            test_loss=column("test_loss"),
            test_accuracy=column("test_accuracy"),
            changes=changes,
        )


def _downsample(x: list[float], y: list[float], limit: int) -> tuple[list[float], list[float]]:
    """Average consecutive groups so at most ``limit`` points remain (x: last of each group)."""
    n = len(x)
    if n <= limit:
        return list(x), list(y)
    group = math.ceil(n / limit)
    xs, ys = [], []
    for start in range(0, n, group):
        chunk = [v for v in y[start : start + group] if math.isfinite(v)]
        xs.append(x[min(start + group, n) - 1])
        ys.append(sum(chunk) / len(chunk) if chunk else math.nan)
    return xs, ys


#: learning-rate changes a run's summary keeps (the last ones; the curves keep them all)
SUMMARY_LR_CHANGES = 5


@dataclass(frozen=True)
class RunSummary:
    """What a listing shows of a run's curves, kept in ``run.json`` beside them."""

    last_epoch: int = 0
    val_accuracy: float = math.nan  # after the last epoch that had one
    train_accuracy: float = math.nan
    # the learning rate set while the run trained: the last SUMMARY_LR_CHANGES changes as
    # (epoch, batch, rate), and how many there were (the Settings column says "lr 0.01 → 0.001")
    lr_changes: tuple[tuple[int, int, float], ...] = ()
    lr_change_count: int = 0

    @classmethod
    def of(cls, curves: Curves) -> RunSummary:
        rates = [c for c in curves.changes if c.name == "lr"]
        return cls(
            last_epoch=curves.epochs[-1] if curves.epochs else 0,
            val_accuracy=_last_finite(curves.val_accuracy),
            train_accuracy=_last_finite(curves.train_accuracy),
            lr_changes=tuple(
                (c.epoch, c.batch, float(c.value)) for c in rates[-SUMMARY_LR_CHANGES:]
            ),
            lr_change_count=len(rates),
        )

    def to_dict(self) -> dict:
        out = {
            "last_epoch": self.last_epoch,
            "val_accuracy": _json_num(self.val_accuracy),
            "train_accuracy": _json_num(self.train_accuracy),
        }
        if self.lr_change_count:
            out["lr_changes"] = [list(c) for c in self.lr_changes]
            out["lr_change_count"] = self.lr_change_count
        return out

    @classmethod
    def from_dict(cls, d: Any) -> RunSummary:
        """A summary from ``run.json``'s ``"summary"``; ``RunFileError`` naming what is wrong."""
        if not isinstance(d, dict):
            raise refused(N_("{key} is {kind}, not an object"), key="summary", kind=kind_of(d))
        epoch = d.get("last_epoch", 0)
        if not (isinstance(epoch, int) and not isinstance(epoch, bool) and 0 <= epoch < 2**53):
            raise refused(
                N_("{key} is {value}, not an epoch number"),
                key="summary.last_epoch",
                value=short_repr(epoch),
            )
        accuracies = []
        for key in ("val_accuracy", "train_accuracy"):
            value = d.get(key)
            if value is not None and not is_finite(value):
                raise refused(
                    N_("{key} is {value}, not a number"),
                    key=f"summary.{key}",
                    value=short_repr(value),
                )
            accuracies.append(number_or_nan(value))
        return cls(epoch, *accuracies, *_summary_lr_changes(d))


def _summary_lr_changes(d: dict) -> tuple[tuple[tuple[int, int, float], ...], int]:
    """A summary's ``lr_changes`` and ``lr_change_count`` (absent: none), checked."""
    changes, count = d.get("lr_changes", []), d.get("lr_change_count", 0)
    if not isinstance(changes, list) or len(changes) > SUMMARY_LR_CHANGES:
        raise refused(
            N_("{key} is {value}, not a short list"),
            key="summary.lr_changes",
            value=short_repr(changes),
        )
    out = []
    for c in changes:
        if not (
            isinstance(c, list)
            and len(c) == 3
            and all(_whole(n) and 1 <= n < 2**53 for n in c[:2])
            and is_finite(c[2])
            and c[2] > 0
        ):
            raise refused(
                N_("{key} holds {value}, not [epoch, batch, rate]"),
                key="summary.lr_changes",
                value=short_repr(c),
            )
        out.append((c[0], c[1], float(c[2])))
    if not (_whole(count) and len(out) <= count < 2**53 and (count == 0) == (not out)):
        raise refused(
            N_("{key} is {value}, not their number"),
            key="summary.lr_change_count",
            value=short_repr(count),
        )
    return tuple(out), count


def _whole(n: Any) -> bool:
    return isinstance(n, int) and not isinstance(n, bool)


def _last_finite(values: list[float]) -> float:
    for v in reversed(values):
        if math.isfinite(v):
            return v
    return math.nan


#: Held while a listed record's curves, read from its file, are stored in it (any thread)
_curves_lock = threading.Lock()


@dataclass
class RunRecord:
    """One training run as stored on disk."""

    run_id: str
    folder: Path
    config: dict
    title: str = ""
    created_at: str = ""
    # running | completed | stopped | diverged | failed | damaged; interrupted when listed
    status: str = RUNNING
    message: str = ""
    curves: Curves = field(default_factory=Curves)
    metrics: dict = field(default_factory=dict)
    model_file: str | None = None  # file name inside ``folder``
    resumed_from: str | None = None
    #: the run's model in a fallback folder (its run folder refused it); found by the run's
    #: name (``RunStore``), never read from run.json, and never written to it
    elsewhere: Path | None = field(default=None, compare=False)
    #: why its run.json on disk is behind this record (a full disk: it stops at an early
    #: epoch), for a record the window kept in memory; never written to run.json
    behind: str | None = field(default=None, compare=False)
    #: a listed record's summary of its curves, while they are not read (see ``curves``)
    _summary: RunSummary | None = field(default=None, init=False, repr=False, compare=False)
    #: the training lock this process holds on the run (``RunStore.create``) until it ends
    lock: RunLock | None = field(default=None, repr=False, compare=False)

    def release_lock(self) -> None:
        """Say the run is no longer training here (call once its end is written, and before
        removing its folder: Windows will not remove a file that is open)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    @property
    def curves_read(self) -> bool:
        """Whether the curves are in memory (a listed record reads them when first asked)."""
        return self._summary is None

    def _get_curves(self) -> Curves:
        with _curves_lock:
            curves = self._curves if self._summary is None else None
        return curves if curves is not None else self._read_curves()

    def _set_curves(self, curves: Curves) -> None:
        with _curves_lock:
            self._curves, self._summary = curves, None

    def _read_curves(self) -> Curves:
        """Read the curves of a listed record from its ``run.json``. A record found damaged
        now (its curves, or a file changed since the listing) becomes a damaged one, empty
        curves and the reason in ``message``, as a listing would have shown it."""
        try:
            curves = _read_record(self.folder).curves
        except RunFileError as err:
            curves = Curves()
            with _curves_lock:
                if self._summary is not None:
                    self.status, self.message = DAMAGED, user_message_data(err)
        with _curves_lock:
            if self._summary is not None:  # another thread may have read them meanwhile
                self._curves, self._summary = curves, None
            return self._curves

    def forget_curves(self) -> None:
        """Keep only the summary of the curves; they are read from the file again when asked
        for (a listing keeps hundreds of records: their curves took 0.4 MB each). Only for a
        record whose curves are its file's (listed, never grown or set since)."""
        with _curves_lock:
            if self._summary is None:
                self._summary = RunSummary.of(self._curves)
                self._curves = None

    @property
    def summary(self) -> RunSummary:
        """What the Runs table shows of the curves (without reading them)."""
        with _curves_lock:
            return self._summary if self._summary is not None else RunSummary.of(self._curves)

    @property
    def last_epoch(self) -> int:
        return self.summary.last_epoch

    @property
    def model_path(self) -> Path | None:
        """The run's model file, if one was saved: in its folder, else where a fallback put it."""
        return self.folder / self.model_file if self.model_file else self.elsewhere

    @property
    def dataset(self) -> str:
        return str(self.config.get("dataset", "?"))

    @property
    def architecture(self) -> str:
        return str(self.config.get("arch", self.config.get("architecture", "?")))

    @property
    def final_val_accuracy(self) -> float:
        """Validation accuracy after the last epoch (NaN when there is none)."""
        return self.summary.val_accuracy

    @property
    def final_train_accuracy(self) -> float:
        return self.summary.train_accuracy

    @property
    def test_accuracy(self) -> float:
        return number_or_nan(self.metrics.get("test_accuracy"))

    def to_dict(self) -> dict:
        curves = self.curves
        # JSON has no inf: each infinite loss is written null and its place listed
        infinite: list = []
        curves_dict = curves.to_dict(infinite=infinite)
        metrics = json_safe(self.metrics, ["metrics"], infinite)
        out = {
            "format": RECORD_FORMAT,
            "run_id": self.run_id,
            "title": self.title,
            "created_at": self.created_at,
            "status": self.status,
            "message": self.message,
            "config": json_safe(self.config),  # a setting is never infinite: null
            # a run that diverged tests a network whose loss is inf
            "metrics": metrics,
            "model_file": self.model_file,
            "resumed_from": self.resumed_from,
        }
        if infinite:  # before the curves: a listing reads the file up to them
            out[INFINITE_KEY] = infinite
        # a listing reads the file up to the curves: what it shows of them comes first
        out["summary"] = RunSummary.of(curves).to_dict()
        out["curves"] = curves_dict
        return out

    @classmethod
    def from_head(cls, d: Any, folder: Path) -> RunRecord:
        """A listed record from the head of ``run.json`` (all but its curves, with the summary
        of them that nndesk writes); its curves are read when first asked for. Raises
        ``RunFileError`` when the head is not a valid record or has no summary."""
        if not isinstance(d, dict) or "summary" not in d:
            raise refused(N_("{file} has no summary of its curves"), file=RUN_FILE)
        summary = RunSummary.from_dict(d["summary"])
        record = cls.from_dict({**d, "curves": {}}, folder)
        # no Curves until read: 13 objects a record, which every full collection walked
        record._curves, record._summary = None, summary
        return record

    @classmethod
    def from_dict(cls, d: Any, folder: Path) -> RunRecord:
        """A record from ``run.json``'s content; raises ``RunFileError`` naming what is wrong.

        The run id is always ``folder.name``: a ``run_id`` written inside the file is ignored, so a
        copied folder is its own run.
        """
        if not isinstance(d, dict):
            raise refused(
                N_("{file} holds {kind}, not a run record"), file=RUN_FILE, kind=kind_of(d)
            )
        d = restore_infinities(d)  # a loss written null and listed as ∞ is ∞ again
        version = d.get("format", RECORD_FORMAT)  # records before the field were format 1
        if not (_whole(version) and 1 <= version <= RECORD_FORMAT):
            raise refused(
                N_(
                    "format is {value}: this nndesk reads run records of format {format} (a "
                    "newer nndesk wrote it, or the file was edited)"
                ),
                value=short_repr(version),
                format=RECORD_FORMAT,
            )
        metrics = d.get("metrics", {})
        if not isinstance(metrics, dict):
            raise refused(
                N_("{key} is {kind}, not an object"), key="metrics", kind=kind_of(metrics)
            )
        test_accuracy = metrics.get("test_accuracy")
        if test_accuracy is not None and not is_number(test_accuracy):
            raise refused(
                N_("{key} is {value}, not a number"),
                key="metrics.test_accuracy",
                value=short_repr(test_accuracy),
            )
        resumed_from = d.get("resumed_from")
        if resumed_from is not None and not isinstance(resumed_from, str):
            raise refused(
                N_("{key} is {kind}, not a string"), key="resumed_from", kind=kind_of(resumed_from)
            )
        return cls(
            run_id=folder.name,
            folder=folder,
            config=checked_config(d.get("config", {})),
            # shown in the table, legend, chart titles, exported scripts: one short line each
            title=one_line(text_at(d, "title"), MAX_TITLE_CHARS),
            created_at=one_line(text_at(d, "created_at"), 64),
            status=one_line(text_at(d, "status", "?"), 40),
            message=one_line(text_at(d, "message"), 400),
            curves=Curves.from_dict(d.get("curves", {})),
            metrics=dict(metrics),
            model_file=model_file_name(d.get("model_file")),
            resumed_from=resumed_from,
        )

    @classmethod
    def damaged(cls, folder: Path, reason: str) -> RunRecord:
        """A stand-in for a run folder whose record cannot be read: listed, never trained on."""
        return cls(
            run_id=folder.name,
            folder=folder,
            config={},
            title=f"damaged run {folder.name}",
            status=DAMAGED,
            message=reason,
        )

    @property
    def is_damaged(self) -> bool:
        return self.status == DAMAGED


# ``curves`` is a field (``RunRecord(curves=...)``, ``record.curves = ...``, compared by ``==``)
# read through a property: a listed record reads its curves from its file when first asked
RunRecord.curves = property(RunRecord._get_curves, RunRecord._set_curves)  # type: ignore[assignment]


# a run's learning rate in its title: "lr=0.001" stored, "tốc độ học 0,001" shown in Vietnamese
# (a learner can't decode "lr"); the number last, where the Runs legend adds the changed rates
LR_IN_TITLE = N_("lr={lr:g}")


def lr_title_prefix() -> str:
    """What the shown title writes before the learning rate ("lr=", "tốc độ học ")."""
    return shown_text(LR_IN_TITLE).split("{lr", 1)[0]


def describe_config(config: dict, shown: bool = False) -> str:
    """A short label for a run, e.g. ``fashion 784-128-10 relu adam lr=0.001``; ``shown``: in
    the window's words and numbers (``Fashion-MNIST 784-128-10 ReLU Adam tốc độ học 0,001`` in
    Vietnamese, as the Train form names them) for the window to show, not to store (a run's
    stored title stays as Python writes it)."""
    dataset = str(config.get("dataset", ""))
    parts = [
        Path(dataset).name if ("/" in dataset or "\\" in dataset) else dataset,
        str(config.get("arch", config.get("architecture", ""))),
        str(config.get("activation", "")),
        str(config.get("optimizer", "")),
    ]
    if shown:  # the dataset's title, the form's labels of the activation and optimizer
        for i, name in ((0, "dataset"), (2, "activation"), (3, "optimizer")):
            if parts[i]:
                parts[i] = value_text(name, parts[i])
        # an output or loss other than softmax and cross-entropy changes what the network
        # learns: said beside the activation ("ReLU/sigmoid BCE", as the lab presets are)
        loss = loss_in_title(config)
        if loss:
            output_text = shown_text(BY_NAME["output"].short_label(config.get("output", "softmax")))
            parts[2] = f"{parts[2]}/{output_text}" if parts[2] else output_text
            parts.insert(3, shown_text(BY_NAME["loss"].short_label(loss)))
    if "lr" in config:
        if shown:
            parts.append(fill(shown_text(LR_IN_TITLE), lr=config["lr"]))
        else:
            parts.append(LR_IN_TITLE.format(lr=config["lr"]))
    if config.get("normalize"):
        normalize = str(config["normalize"])
        parts.append(value_text("normalize", normalize) if shown else normalize)
    return " ".join(p for p in parts if p)


def title_shown(title: str, config: dict) -> str:
    """A run's stored ``title`` as the window shows it: one nndesk wrote from the settings
    (``describe_config``) written again in the window's words and number format ("pixels -1
    to 1", "tốc độ học 0,001"), a race lane's "Adam (race)" translated, any other as it is."""
    # only settings of words and one rate: a hostile record may hold a million numbers
    words = ("dataset", "arch", "architecture", "activation", "optimizer", "normalize")
    if (
        all(isinstance(config.get(k, ""), str) for k in words)
        and isinstance(config.get("lr", 0.0), (int, float))
        and title == describe_config(config)
    ):
        return describe_config(config, shown=True)
    return race_title_shown(title)


def readable_json(value: Any, depth: int = 2, level: int = 0) -> str:
    """``value`` as JSON with its first ``depth`` levels of objects one key per line and
    everything deeper (the long curve lists) on one line each.

    ``json.dumps`` with ``indent`` takes the pure-Python encoder, an order of magnitude slower
    than the C one on float lists; a running run's record is written after its epochs.
    """
    if depth <= 0 or not isinstance(value, dict) or not value:
        return json.dumps(value, allow_nan=False)
    inner = " " * (level + 1)
    items = (
        f"{inner}{json.dumps(k)}: {readable_json(v, depth - 1, level + 1)}"
        for k, v in value.items()
    )
    return "{\n" + ",\n".join(items) + "\n" + " " * level + "}"


#: "run 2026-12-05 10:25:12": how ``nndesk models`` names a run's model (``display_name``)
_RUN_NAME = re.compile(r"run (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})")


def run_id_named(name: str, root: str | os.PathLike | None = None) -> str | None:
    """The id of the run ``name`` names as ``nndesk models`` does ("run 2026-12-05 10:25:12"
    -> "20261205-102512-58119c3"; the newest of that second wins, as there), or None. The
    window shows the id and the CLI listed the date: each is taken wherever the other is."""
    match = _RUN_NAME.fullmatch(name.strip())
    if match is None:
        return None
    y, mo, d, h, mi, sec = match.groups()
    prefix = f"{y}{mo}{d}-{h}{mi}{sec}-"
    folder = Path(root) if root is not None else runs_dir()
    try:
        ids = sorted(e.name for e in os.scandir(folder) if e.name.startswith(prefix))
    except OSError:
        return None
    return ids[-1] if ids else None


class RunStore:
    """The folder of runs. Thread-safe for distinct runs (each writes only its own folder)."""

    def __init__(
        self,
        root: str | os.PathLike | None = None,
        fallback_dirs: tuple[Path, ...] | None = None,
    ) -> None:
        self.root = Path(root) if root is not None else runs_dir()
        #: where a run's model may have gone when its folder refused it (default: the paths'
        #: ``model_fallback_dirs()``, looked up when a run is read)
        self.fallback_dirs = fallback_dirs

    def model_elsewhere(self, run_id: str) -> Path | None:
        """Run ``run_id``'s model in a fallback folder (``nndesk-<run id>.npz``), or None."""
        for folder in self.fallback_folders():
            path = folder / fallback_model_name(run_id)
            with contextlib.suppress(OSError):
                if path.is_file():
                    return path
        return None

    @staticmethod
    def unsaved_record(
        root: Path, config: dict, resumed_from: str | None = None, title: str = ""
    ) -> RunRecord:
        """A new run's record for a runs folder that refused its folder: kept in memory only
        (its ``folder`` is where it would have gone; nothing is made there)."""
        now = datetime.now(timezone.utc)
        run_id = f"{now:%Y%m%d-%H%M%S}-{now.microsecond // 1000:03d}{secrets.token_hex(2)}"
        return RunRecord(
            run_id=run_id,
            folder=Path(root) / run_id,
            config=dict(config),
            title=title or describe_config(config),
            created_at=now.isoformat(timespec="milliseconds"),
            resumed_from=resumed_from,
        )

    def create(self, config: dict, title: str = "", resumed_from: str | None = None) -> RunRecord:
        """Make a new run folder and write its first ``run.json`` (status ``running``).

        The record holds the run's training lock (``run_lock``) from before that first write:
        the caller calls ``record.release_lock()`` when the run has ended (its end written),
        whichever way it ends; a process that dies lets it go with it."""
        now = datetime.now(timezone.utc)
        run_id = f"{now:%Y%m%d-%H%M%S}-{now.microsecond // 1000:03d}{secrets.token_hex(2)}"
        folder = self.root / run_id
        folder.mkdir(parents=True, exist_ok=False)
        record = RunRecord(
            run_id=run_id,
            folder=folder,
            config=dict(config),
            title=title or describe_config(config),
            created_at=now.isoformat(timespec="milliseconds"),  # orders runs made in one second
            resumed_from=resumed_from,
        )
        # a folder that takes files but no locks still trains: is_held calls such a run
        # running (the lock file is there but cannot answer), as before locks
        with contextlib.suppress(OSError):
            record.lock = take_lock(folder)
        try:
            self.save(record)
        except OSError:
            record.release_lock()
            raise
        return record

    def save(self, record: RunRecord) -> Path:
        """Write ``run.json`` atomically."""
        return self.write(record.folder, record.to_dict())

    def write(self, folder: Path, content: dict) -> Path:
        """Write ``content`` (a record's ``to_dict()``) as ``folder``'s ``run.json``,
        atomically; any thread (the window's running run writes on one of its own)."""
        return atomic_write_text(folder / RUN_FILE, readable_json(content))

    def load(self, run_id: str) -> RunRecord:
        """Read one run; raises ``RunFileError`` with one line when it is missing or broken."""
        return self._read(self.run_folder(run_id))

    def list(self, known: KnownRecords | None = None) -> list[RunRecord]:
        """Every run folder, newest first; one whose record cannot be read is listed as damaged
        (``status == DAMAGED``, ``message`` the reason) and left untouched.

        With ``known`` (records an earlier listing read, kept by the caller), a run.json that
        has not changed since is not read again; this listing's records are stored there.
        """
        records = []
        for folder in self._folders():
            records.append(self._listed(folder, known))
        for record in records:
            _mark_interrupted(record)
        records.sort(key=lambda r: (r.created_at, r.run_id), reverse=True)
        return records

    def _listed(self, folder: Path, known: KnownRecords | None) -> RunRecord:
        """The record of ``folder`` for ``list``: ``known``'s when its run.json has not changed."""
        stamp = _stamp(folder) if known is not None else None
        seen = known.get(folder.name) if known is not None else None
        if seen is not None and stamp is not None and seen[0] == stamp:
            record = seen[1]
            if record.is_damaged:  # its model may have come or gone since
                record.model_file = _model_beside(folder)
            elif record.model_file is None:
                record.elsewhere = self.model_elsewhere(record.run_id)
            return record
        try:
            record = self._read_listed(self._checked_folder(folder))
        except RunFileError as err:
            record = RunRecord.damaged(folder, user_message_data(err))
            # a bad run.json leaves the model beside it as good as it was: Use model
            # offers it (the record is left as it is)
            record.model_file = _model_beside(folder)
        if known is not None and stamp is not None:
            known[folder.name] = (stamp, record)
        return record

    def unread(self, known: KnownRecords) -> tuple[int, int]:
        """(records, bytes) a ``list(known)`` would read now: the run.json files that are new
        or changed since ``known`` was filled. Only their sizes are looked at."""
        count = size = 0
        for folder in self._folders():
            stamp = _stamp(folder)
            seen = known.get(folder.name)
            if stamp is None or seen is None or seen[0] != stamp:
                count += 1
                size += stamp[1] if stamp is not None else 0
        return count, size

    def folder_count(self) -> int:
        """How many folders the runs folder holds, from its listing alone (nothing is opened:
        a listing of 2,000 runs costs their stats, 0.1 s, the window must not wait for)."""
        try:
            with os.scandir(self.root) as entries:
                return sum(1 for entry in entries if entry.is_dir())
        except OSError:
            return 0

    def fallback_folders(self) -> tuple[Path, ...]:
        """Where this store's runs' models go when their folders refuse them."""
        return self.fallback_dirs if self.fallback_dirs is not None else model_fallback_dirs()

    def remove_stale_temps(self, fallbacks: tuple[Path, ...] | None = None) -> int:
        """Delete the temp files killed saves left in run folders and the model fallback
        folders (default ``fallback_folders()``; never a file nndesk did not make, never one a
        live save is writing: see ``fileio.remove_stale_temps``); return how many."""
        from nndesk.fileio import remove_stale_temps
        from nndesk.paths import is_private_folder

        fallbacks = self.fallback_folders() if fallbacks is None else fallbacks
        folders = [self.root, *self._folders(), *fallbacks]
        # a link (to a run folder elsewhere, or a temp folder someone else made) is not ours
        return sum(remove_stale_temps(f) for f in folders if is_private_folder(f))

    def _folders(self) -> list[Path]:
        try:
            return [f for f in self.root.iterdir() if f.is_dir()]
        except OSError:  # no runs folder yet, or one that cannot be read
            return []

    def _read(self, folder: Path) -> RunRecord:
        record = _mark_interrupted(_read_record(folder))
        if record.model_file is None:
            record.elsewhere = self.model_elsewhere(record.run_id)
        return record

    def _read_listed(self, folder: Path) -> RunRecord:
        """The record in ``folder`` for a listing: its head alone when it carries a summary of
        its curves (a record of 4,000 batch points took 5 ms to parse and 0.4 MB to keep),
        else read whole (an older or a damaged record, whose reason this reading gives) and
        its curves forgotten until asked for again."""
        head = record_head(folder / RUN_FILE)
        if head is not None:
            with contextlib.suppress(RunFileError):
                record = RunRecord.from_head(parse_run_json(head), folder)
                if record.model_file is None:
                    record.elsewhere = self.model_elsewhere(record.run_id)
                return record
        record = self._read(folder)
        record.forget_curves()
        return record

    def run_folder(self, run_id: str) -> Path:
        """The folder of the run listed as ``run_id``: exactly ``root/run_id``, a real folder
        directly inside the runs folder. Anything else (``..``, a path, a link leading out, a
        missing folder) raises ``RunFileError``, so no id can reach another folder."""
        return self._checked_folder(self._entry(run_id))

    def _entry(self, run_id: str) -> Path:
        """``root/run_id`` for a plain name directly inside the runs folder (not followed)."""
        if (
            not isinstance(run_id, str)
            or run_id in ("", ".", "..")
            or any(c in run_id for c in "/\\\0")
            or (os.altsep and os.altsep in run_id)
            or Path(run_id).name != run_id
            or Path(run_id).is_absolute()
        ):
            raise RunFileError(f"{run_id!r} is not the name of a run folder")
        return self.root / run_id

    def link_target(self, run_id: str) -> str | None:
        """The folder ``run_id`` points to, in full, when it is a symbolic link in the runs
        folder, else None: the link's own text may be ``..`` or ``../other``, which names
        nothing to a person asked whether to remove it."""
        try:
            entry = self._entry(run_id)
            return os.path.realpath(entry) if entry.is_symlink() else None
        except (RunFileError, OSError):
            return None

    def remove_link(self, run_id: str) -> Path:
        """Remove the symbolic link listed as ``run_id`` itself; what it points to is never
        opened, followed or touched. ``RunFileError`` when ``run_id`` is not such a link."""
        entry = self._entry(run_id)
        if not entry.is_symlink():
            raise RunFileError(f"{run_id} is not a link")
        os.unlink(entry)  # unlink removes the link, never its target
        return entry

    def _checked_folder(self, folder: Path) -> Path:
        if folder.is_symlink():
            raise refused(N_("{name} is a link, not a run folder"), name=folder.name)
        try:
            resolved, root = folder.resolve(strict=True), self.root.resolve(strict=True)
        except (OSError, RuntimeError):
            raise refused(
                N_("run {name} not found in {folder}"), name=repr(folder.name), folder=self.root
            ) from None
        if resolved.parent != root or not resolved.is_dir():
            raise refused(
                N_("{name} is not a folder inside {folder}"), name=folder.name, folder=self.root
            )
        return folder

    def delete(self, run_id: str, permanent: bool = False) -> Path:
        """Move the run listed as ``run_id`` (exactly its folder) to the system trash.

        Raises ``TrashUnavailableError`` when the trash cannot take it (ask the person, then call
        again with ``permanent=True`` to erase it), ``RunFileError`` when ``run_id`` does not name
        a run folder directly inside the runs folder or a process still trains it. Returns the
        folder removed.

        The run's model saved in a fallback folder (``model_elsewhere``: its folder refused it)
        goes with it: nothing else names that file, so it stayed behind, listed by ``nndesk
        models`` with no way to remove it from nndesk. If it cannot go, it stays.
        """
        folder = self.run_folder(run_id)
        if is_training(folder):
            # its process writes the record on: the folder came back half empty, the trash
            # kept a copy cut mid-run
            raise RunFileError.of(N_("{run} is still training: stop it first"), run=run_id)
        model = self.model_elsewhere(run_id)
        if permanent:
            shutil.rmtree(folder)
        else:
            _send_to_trash(folder)
        if model is not None and not model.is_symlink():
            with contextlib.suppress(OSError, RunFileError):
                if permanent:
                    model.unlink()
                else:
                    _send_to_trash(model)
        return folder


#: Records a listing read, by folder name: ``(stamp of its run.json, record)``.
KnownRecords = dict[str, tuple[tuple[int, ...], "RunRecord"]]


def _model_beside(folder: Path) -> str | None:
    """``MODEL_FILE`` when a damaged run's folder holds one as a regular file (a link, or a
    folder that is a link, is never followed: where it leads is not the run's), else None.
    Opening it says whether it is a model."""
    try:
        if folder.is_symlink() or (folder / MODEL_FILE).is_symlink():
            return None
        return MODEL_FILE if (folder / MODEL_FILE).is_file() else None
    except OSError:
        return None


def _mark_interrupted(record: RunRecord) -> RunRecord:
    """``record`` with the status ``INTERRUPTED`` when it says ``running`` and no process holds
    its training lock (the file is left as it is)."""
    if record.status == RUNNING and record.lock is None and not is_held(record.folder):
        record.status = INTERRUPTED
    return record


def _stamp(folder: Path) -> tuple[int, ...] | None:
    """``fileio.stamp`` of the folder's run.json; None when there is none to read (a listing
    reads such a folder each time, which costs nothing)."""
    return file_stamp(folder / RUN_FILE)


def _read_record(folder: Path) -> RunRecord:
    """The whole record in ``folder``'s run.json; ``RunFileError`` naming what is wrong."""
    path = folder / RUN_FILE
    try:
        data = read_regular_file(path, MAX_RUN_FILE_BYTES + 1)
    except FileNotFoundError:
        raise refused(N_("{file} is missing"), file=RUN_FILE) from None
    except OSError as err:
        raise refused(
            N_("{file} cannot be read: {reason}"), file=RUN_FILE, reason=err.strerror or str(err)
        ) from None
    if len(data) > MAX_RUN_FILE_BYTES:
        raise refused(
            N_("{file} is larger than {megabytes} MB"),
            file=RUN_FILE,
            megabytes=MAX_RUN_FILE_BYTES >> 20,
        )
    return RunRecord.from_dict(parse_run_json(data), folder)


def _send_to_trash(folder: Path) -> None:
    """Move ``folder`` to the system trash (send2trash), or raise ``TrashUnavailableError``."""
    try:
        from send2trash import send2trash
    except ImportError:
        raise TrashUnavailableError("there is no system trash here") from None
    try:
        send2trash(str(folder))
    except OSError as err:
        if not folder.exists():  # it reached the trash after all
            return
        reason = err.strerror or str(err)
        raise TrashUnavailableError(
            f"the system trash cannot take {folder.name} ({reason})"
        ) from None


def history_csv(records: list[RunRecord]) -> str:
    """Per-epoch history of ``records`` as CSV text, one row per (run, epoch).

    The last column, ``final_test_accuracy``, repeats on each of a run's rows the test accuracy
    the run reported at its end (empty when it has none), so a spreadsheet can compare runs.
    A run stopped before its first epoch ended still gets one row, its epoch cells empty, so the
    test accuracy it reported is not lost. A damaged run (its record, or its curves when read
    here, cannot be read) has no history: it is left out.
    """

    def cell(v):
        return "" if isinstance(v, float) and not math.isfinite(v) else v

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("run", "title", *EPOCH_COLUMNS, "final_test_accuracy"))
    for record in records:
        history = record.curves.history()  # read now, for a listed run: it may be damaged
        if record.is_damaged:
            continue
        final = cell(record.test_accuracy)
        rows = [tuple(map(cell, row.values())) for row in history]
        for values in rows or [("",) * len(EPOCH_COLUMNS)]:
            writer.writerow((record.run_id, record.title, *values, final))
    return buf.getvalue()
