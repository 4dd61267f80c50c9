"""A run's curves (``Curves``: per batch and per epoch, the settings changed while it trained)
and the summary of them a listing reads instead (``RunSummary``), each to and from ``run.json``.
Qt-free and matplotlib-free; reading a value safely is ``nndesk.run_json``'s."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any

from nndesk.i18n import N_
from nndesk.run_infinities import LOSS_COLUMNS, json_safe
from nndesk.run_json import (
    is_finite,
    is_number,
    is_whole,
    kind_of,
    list_at,
    number_or_nan,
    numbers_at,
    refused,
    short_repr,
)
from nndesk.setting_changes import SettingChange, from_lr_pairs, parse_changes
from nndesk.training import HISTORY_COLUMNS

#: Batch-loss points kept on disk per run (groups of batches are averaged beyond this).
MAX_STORED_BATCH_POINTS = 4000


#: A record holding many more was not written by nndesk: it is listed as damaged before its
#: values are checked one by one (1.7 million points took 10 s of the window's start each).
MAX_READ_BATCH_POINTS = 50_000


#: Epochs a record may list: a run trains at most 100,000, and resumed runs add theirs.
MAX_READ_EPOCHS = 1_000_000


EPOCH_COLUMNS = HISTORY_COLUMNS


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
    #: the rate in force at each epoch's end (its last batch's), and at its first batch: they
    #: differ where the rate was changed by hand mid-epoch (the change, with its batch, is in
    #: ``changes``); ``lr_start`` is NaN in records written before nndesk kept it
    lr: list[float] = field(default_factory=list)
    lr_start: list[float] = field(default_factory=list)
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
        self.lr_start.append(number_or_nan(getattr(report, "lr_start", None)))
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
            curves.lr_start.append(math.nan)  # model files keep the epoch's end rate alone
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
        # after "lr", where a reader of the file looks for it (older nndesk skips the key)
        out = _after(out, "lr", "lr_start", json_safe(self.lr_start))
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
            lr_start=column("lr_start"),  # NaN where an older record lacks it
            seconds=column("seconds"),
            test_loss=column("test_loss"),
            test_accuracy=column("test_accuracy"),
            changes=changes,
        )


def _after(d: dict[str, Any], key: str, new_key: str, value: Any) -> dict[str, Any]:
    """``d`` with ``new_key: value`` placed right after ``key``."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        out[k] = v
        if k == key:
            out[new_key] = value
    return out


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
            and all(is_whole(n) and 1 <= n < 2**53 for n in c[:2])
            and is_finite(c[2])
            and c[2] > 0
        ):
            raise refused(
                N_("{key} holds {value}, not [epoch, batch, rate]"),
                key="summary.lr_changes",
                value=short_repr(c),
            )
        out.append((c[0], c[1], float(c[2])))
    if not (is_whole(count) and len(out) <= count < 2**53 and (count == 0) == (not out)):
        raise refused(
            N_("{key} is {value}, not their number"),
            key="summary.lr_change_count",
            value=short_repr(count),
        )
    return tuple(out), count


def _last_finite(values: list[float]) -> float:
    for v in reversed(values):
        if math.isfinite(v):
            return v
    return math.nan
