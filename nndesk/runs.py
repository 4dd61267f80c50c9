"""Run history: every training run keeps its config, curves, final metrics and model file.

Qt-free and matplotlib-free. One folder per run under ``nndesk.paths.runs_dir()``::

    runs/20261123-104512-3f2a/
        run.json     config, curves (per batch and per epoch), LR changes, metrics, status
        model.npz    the trained model (written by the training session)

``run.json`` is always written atomically, so a crash never leaves half a record.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nndesk.errors import NndeskError
from nndesk.fileio import atomic_write_text
from nndesk.paths import runs_dir
from nndesk.training import HISTORY_COLUMNS

RUN_FILE = "run.json"
MODEL_FILE = "model.npz"
#: Batch-loss points kept on disk per run (groups of batches are averaged beyond this).
MAX_STORED_BATCH_POINTS = 4000

EPOCH_COLUMNS = HISTORY_COLUMNS


def _num(value: Any) -> float:
    """A float for JSON: None and non-finite values become NaN (stored as null)."""
    try:
        out = float(value)
    except (TypeError, ValueError):
        return math.nan
    return out


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
    lr_changes: list[tuple[float, float]] = field(default_factory=list)  # (x in epochs, new lr)

    def add_batch(self, report: Any) -> None:
        """Append one ``BatchReport``: its position in epochs and its own loss."""
        self.batch_x.append(report.epoch - 1 + report.batch / max(int(report.batches), 1))
        self.batch_loss.append(_num(report.batch_loss))

    def add_epoch(self, report: Any) -> None:
        """Append one ``EpochReport``."""
        self.epochs.append(int(report.epoch))
        self.train_loss.append(_num(report.train_loss))
        self.train_accuracy.append(_num(report.train_accuracy))
        self.val_loss.append(_num(report.val_loss))
        self.val_accuracy.append(_num(report.val_accuracy))
        self.lr.append(_num(report.lr))
        self.seconds.append(_num(getattr(report, "seconds", math.nan)))
        self.test_loss.append(_num(getattr(report, "test_loss", None)))
        self.test_accuracy.append(_num(getattr(report, "test_accuracy", None)))

    def add_lr_change(self, x: float, lr: float) -> None:
        """Remember that the learning rate became ``lr`` at ``x`` (in epochs)."""
        self.lr_changes.append((float(x), float(lr)))

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
            curves.train_loss.append(_num(row.get("train_loss")))
            curves.train_accuracy.append(_num(row.get("train_accuracy")))
            curves.val_loss.append(_num(row.get("val_loss")))
            curves.val_accuracy.append(_num(row.get("val_accuracy")))
            curves.lr.append(_num(row.get("lr")))
            curves.seconds.append(_num(row.get("seconds")))
            curves.test_loss.append(_num(row.get("test_loss")))
            curves.test_accuracy.append(_num(row.get("test_accuracy")))
        return curves

    def to_dict(self, max_batch_points: int = MAX_STORED_BATCH_POINTS) -> dict:
        """JSON-able; long batch curves are averaged in groups down to ``max_batch_points``."""
        bx, bl = _downsample(self.batch_x, self.batch_loss, max_batch_points)
        out: dict[str, Any] = {"batch_x": bx, "batch_loss": [_json_num(v) for v in bl]}
        for name in EPOCH_COLUMNS:
            values = self.epochs if name == "epoch" else getattr(self, name)
            out[name] = list(values) if name == "epoch" else [_json_num(v) for v in values]
        out["lr_changes"] = [list(pair) for pair in self.lr_changes]
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Curves:
        def floats(key: str) -> list[float]:
            return [_num(v) for v in d.get(key, [])]

        return cls(
            batch_x=floats("batch_x"),
            batch_loss=floats("batch_loss"),
            epochs=[int(v) for v in d.get("epoch", [])],
            train_loss=floats("train_loss"),
            train_accuracy=floats("train_accuracy"),
            val_loss=floats("val_loss"),
            val_accuracy=floats("val_accuracy"),
            lr=floats("lr"),
            seconds=floats("seconds"),
            test_loss=floats("test_loss") or [math.nan] * len(d.get("epoch", [])),
            test_accuracy=floats("test_accuracy") or [math.nan] * len(d.get("epoch", [])),
            lr_changes=[(float(x), float(lr)) for x, lr in d.get("lr_changes", [])],
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


@dataclass
class RunRecord:
    """One training run as stored on disk."""

    run_id: str
    folder: Path
    config: dict
    title: str = ""
    created_at: str = ""
    status: str = "running"  # running | completed | stopped | diverged | failed
    message: str = ""
    curves: Curves = field(default_factory=Curves)
    metrics: dict = field(default_factory=dict)
    model_file: str | None = None  # file name inside ``folder``
    resumed_from: str | None = None

    @property
    def model_path(self) -> Path | None:
        """The run's model file, if one was saved."""
        return self.folder / self.model_file if self.model_file else None

    @property
    def dataset(self) -> str:
        return str(self.config.get("dataset", "?"))

    @property
    def architecture(self) -> str:
        return str(self.config.get("arch", self.config.get("architecture", "?")))

    @property
    def final_val_accuracy(self) -> float:
        """Validation accuracy after the last epoch (NaN when there is none)."""
        vals = [v for v in self.curves.val_accuracy if math.isfinite(v)]
        return vals[-1] if vals else math.nan

    @property
    def final_train_accuracy(self) -> float:
        vals = [v for v in self.curves.train_accuracy if math.isfinite(v)]
        return vals[-1] if vals else math.nan

    @property
    def test_accuracy(self) -> float:
        return _num(self.metrics.get("test_accuracy"))

    def to_dict(self) -> dict:
        return {
            "format": 1,
            "run_id": self.run_id,
            "title": self.title,
            "created_at": self.created_at,
            "status": self.status,
            "message": self.message,
            "config": self.config,
            "metrics": self.metrics,
            "model_file": self.model_file,
            "resumed_from": self.resumed_from,
            "curves": self.curves.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict, folder: Path) -> RunRecord:
        return cls(
            run_id=str(d.get("run_id", folder.name)),
            folder=folder,
            config=dict(d.get("config", {})),
            title=str(d.get("title", "")),
            created_at=str(d.get("created_at", "")),
            status=str(d.get("status", "?")),
            message=str(d.get("message", "")),
            curves=Curves.from_dict(d.get("curves", {})),
            metrics=dict(d.get("metrics", {})),
            model_file=d.get("model_file"),
            resumed_from=d.get("resumed_from"),
        )


def describe_config(config: dict) -> str:
    """A short label for a run, e.g. ``fashion 784-128-10 relu adam lr=0.001``."""
    dataset = str(config.get("dataset", ""))
    parts = [
        Path(dataset).name if ("/" in dataset or "\\" in dataset) else dataset,
        str(config.get("arch", config.get("architecture", ""))),
        str(config.get("activation", "")),
        str(config.get("optimizer", "")),
    ]
    if "lr" in config:
        parts.append(f"lr={config['lr']:g}")
    if config.get("normalize"):
        parts.append(str(config["normalize"]))
    return " ".join(p for p in parts if p)


class RunStore:
    """The folder of runs. Thread-safe for distinct runs (each writes only its own folder)."""

    def __init__(self, root: str | os.PathLike | None = None) -> None:
        self.root = Path(root) if root is not None else runs_dir()

    def create(self, config: dict, title: str = "", resumed_from: str | None = None) -> RunRecord:
        """Make a new run folder and write its first ``run.json`` (status ``running``)."""
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
        self.save(record)
        return record

    def save(self, record: RunRecord) -> Path:
        """Write ``run.json`` atomically."""
        text = json.dumps(record.to_dict(), indent=1, allow_nan=False)
        return atomic_write_text(record.folder / RUN_FILE, text)

    def load(self, run_id: str) -> RunRecord:
        """Read one run; raises ``NndeskError`` with one line when it is missing or broken."""
        folder = self.root / run_id
        path = folder / RUN_FILE
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise NndeskError(f"run {run_id!r} not found in {self.root}") from None
        except (OSError, ValueError) as err:
            raise NndeskError(f"run file {path} is unreadable: {err}") from None
        return RunRecord.from_dict(d, folder)

    def list(self) -> list[RunRecord]:
        """Every readable run, newest first; broken folders are skipped."""
        if not self.root.is_dir():
            return []
        records = []
        for folder in self.root.iterdir():
            if not (folder / RUN_FILE).is_file():
                continue
            try:
                records.append(self.load(folder.name))
            except NndeskError:
                continue
        records.sort(key=lambda r: (r.created_at, r.run_id), reverse=True)
        return records

    def delete(self, run_id: str) -> None:
        """Remove a run folder and everything in it."""
        folder = self.root / run_id
        if folder.is_dir() and folder.parent == self.root:
            shutil.rmtree(folder)


def history_csv(records: list[RunRecord]) -> str:
    """Per-epoch history of ``records`` as CSV text, one row per (run, epoch)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("run", "title", *EPOCH_COLUMNS))
    for record in records:
        for row in record.curves.history():
            values = [
                "" if isinstance(v, float) and not math.isfinite(v) else v for v in row.values()
            ]
            writer.writerow((record.run_id, record.title, *values))
    return buf.getvalue()
