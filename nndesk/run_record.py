"""``RunRecord``: one training run as stored in its folder's ``run.json`` (settings, status,
curves, metrics, model file), read whole or, for a listing, its head alone with its curves read
when first asked for. The store of records is ``nndesk.runs``."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nndesk.errors import user_message_data
from nndesk.i18n import N_
from nndesk.plain_text import one_line
from nndesk.presets import PresetOrigin
from nndesk.run_colours import colour_read
from nndesk.run_curves import Curves, RunSummary
from nndesk.run_infinities import KEY as INFINITE_KEY
from nndesk.run_infinities import json_safe
from nndesk.run_infinities import restore as restore_infinities
from nndesk.run_json import (
    MAX_RUN_FILE_BYTES,
    RUN_FILE,
    RunFileError,
    checked_config,
    is_number,
    is_whole,
    kind_of,
    model_file_name,
    number_or_nan,
    parse_run_json,
    read_regular_file,
    refused,
    short_repr,
    text_at,
)
from nndesk.run_lock import RunLock
from nndesk.run_titles import title_as_trained
from nndesk.training.config import as_trained

MODEL_FILE = "model.npz"


#: The status of a listed run whose ``run.json`` could not be read (its ``message`` says why).
DAMAGED = "damaged"


#: A record that says ``running`` while no process holds its training lock (``run_lock``): the
#: app or terminal training it was closed or killed. Only listings say it; run.json keeps
#: ``running`` (a listing rewrites nothing).
RUNNING, INTERRUPTED = "running", "interrupted"


#: The run.json layout this nndesk writes (``"format"``); a record of a higher one is damaged.
RECORD_FORMAT = 1


#: Characters of a run's title as read: longer ones are cut (a title is one short line).
MAX_TITLE_CHARS = 200


#: Characters of a preset's name as read (nndesk's are under 30): a longer one is refused.
MAX_PRESET_CHARS = 60


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
    #: the lab preset the run started from (None: settings of the person's own, or a record
    #: written before runs kept it)
    preset: PresetOrigin | None = None
    #: a Continue that ran its learning-rate schedule again over its own epochs: the epoch
    #: that schedule counts from (its first); None: the schedule counts from epoch 1 (a first
    #: run, a Continue that kept the rate, or one made before nndesk said so)
    schedule_from: int | None = None
    #: the run's colour in charts ("#2ca02c", ``run_colours``), the same wherever it is drawn;
    #: None: a record written before runs kept one, coloured by its place among those compared
    colour: str | None = None
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
            curves = read_record(self.folder).curves
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
            "preset": None if self.preset is None else self.preset.to_dict(),
        }
        if self.schedule_from is not None:
            out["schedule_from"] = self.schedule_from
        if self.colour is not None:
            out["colour"] = self.colour
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
        if not (is_whole(version) and 1 <= version <= RECORD_FORMAT):
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
        schedule_from = d.get("schedule_from")
        epoch = is_whole(schedule_from) and 1 <= schedule_from < 2**53
        if schedule_from is not None and not epoch:
            raise refused(
                N_("{key} is {value}, not an epoch"),
                key="schedule_from",
                value=short_repr(schedule_from),
            )
        stored = checked_config(d.get("config", {}))
        config = as_trained(stored)  # an older version's "gd" with batches: the SGD it was
        # shown in the table, legend, chart titles, exported scripts: one short line each
        title = one_line(text_at(d, "title"), MAX_TITLE_CHARS)
        if config is not stored:
            title = title_as_trained(title, stored, config)
        return cls(
            run_id=folder.name,
            folder=folder,
            config=config,
            title=title,
            created_at=one_line(text_at(d, "created_at"), 64),
            status=one_line(text_at(d, "status", "?"), 40),
            message=one_line(text_at(d, "message"), 400),
            curves=Curves.from_dict(d.get("curves", {})),
            metrics=dict(metrics),
            model_file=model_file_name(d.get("model_file")),
            resumed_from=resumed_from,
            preset=preset_at(d),
            schedule_from=schedule_from,
            # a colour edited into anything else is no reason to list the run damaged: it is
            # coloured as a record without one
            colour=colour_read(d.get("colour")),
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


def preset_at(d: dict) -> PresetOrigin | None:
    """The preset a record names under ``"preset"`` (None when it names none: records written
    before the field); ``RunFileError`` in one line when it is not ``{"name": "<a preset's
    name>", "changed": true/false}``. A name this nndesk does not know is kept as it is (a
    newer nndesk's preset): only the window's comparison with its lab's figure needs it known."""
    value = d.get("preset")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise refused(N_("{key} is {kind}, not an object"), key="preset", kind=kind_of(value))
    name = value.get("name")
    if not isinstance(name, str):
        raise refused(N_("{key} is {kind}, not a string"), key="preset.name", kind=kind_of(name))
    if not name or len(name) > MAX_PRESET_CHARS or one_line(name, MAX_PRESET_CHARS) != name:
        raise refused(
            N_("{key} is {value}, not a preset's name"), key="preset.name", value=short_repr(name)
        )
    changed = value.get("changed", False)
    if not isinstance(changed, bool):
        raise refused(
            N_("{key} is {kind}, not true or false"), key="preset.changed", kind=kind_of(changed)
        )
    other = value.get("other_data", False)  # records before it: the same data
    if not isinstance(other, bool):
        raise refused(
            N_("{key} is {kind}, not true or false"), key="preset.other_data", kind=kind_of(other)
        )
    return PresetOrigin(name, changed or other, other)


# ``curves`` is a field (``RunRecord(curves=...)``, ``record.curves = ...``, compared by ``==``)
# read through a property: a listed record reads its curves from its file when first asked
RunRecord.curves = property(RunRecord._get_curves, RunRecord._set_curves)  # type: ignore[assignment]


def read_record(folder: Path) -> RunRecord:
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
