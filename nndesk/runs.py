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
``nndesk.run_json``'s job; a record is ``nndesk.run_record``'s ``RunRecord``, its curves
``nndesk.run_curves``'s ``Curves``, its title ``nndesk.run_titles``'s; this module is the store
of records: the runs folder, listing, reading, writing and deleting them, and the history CSV.
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
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from nndesk.errors import user_message_data
from nndesk.fileio import atomic_write_text
from nndesk.fileio import stamp as file_stamp
from nndesk.i18n import N_
from nndesk.paths import fallback_model_name, model_fallback_dirs, runs_dir
from nndesk.presets import PresetOrigin
from nndesk.run_colours import nth_colour
from nndesk.run_curves import EPOCH_COLUMNS
from nndesk.run_json import RUN_FILE, RunFileError, parse_run_json, record_head, refused
from nndesk.run_lock import is_held, is_training
from nndesk.run_lock import take as take_lock
from nndesk.run_record import INTERRUPTED, MODEL_FILE, RUNNING, RunRecord, read_record
from nndesk.run_titles import describe_config


class TrashUnavailableError(RunFileError):
    """The system trash cannot take this folder (no trash on this platform or this drive)."""


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
    -> "20261205-102512-58119c3"), or None. The window shows the id and the CLI listed the
    date: each is taken wherever the other is. ``RunFileError`` naming the ids when runs
    started in that second (a race's lanes): never one of them picked unsaid (walk70 M1)."""
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
    if len(ids) > 1:
        raise RunFileError(
            f"{name.strip()}: {len(ids)} runs started in that second; name one of them by "
            f"its id: {', '.join(ids)}"
        )
    return ids[0] if ids else None


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
        root: Path,
        config: dict,
        resumed_from: str | None = None,
        title: str = "",
        preset: PresetOrigin | None = None,
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
            preset=preset,
        )

    def create(
        self,
        config: dict,
        title: str = "",
        resumed_from: str | None = None,
        write_first: bool = True,
        began: datetime | None = None,
        preset: PresetOrigin | None = None,
        colour: str | None = None,
    ) -> RunRecord:
        """Make a new run folder and write its first ``run.json`` (status ``running``).

        The record holds the run's training lock (``run_lock``) from before that first write:
        the caller calls ``record.release_lock()`` when the run has ended (its end written),
        whichever way it ends; a process that dies lets it go with it.

        ``write_first=False``: the first ``run.json`` is the caller's to write (the window's
        writer thread: an fsync on the GUI thread), once the lock file has shown that the
        folder takes files; without a lock it is written here, so a refusal is raised here
        all the same. A listing skips a folder whose lock is held and has no record yet.

        ``began``: when the run trained, if not now (a race lane kept after its race was
        listed at the minute it was kept, walk59 D10). ``preset``: the lab preset the run
        started from (``presets.preset_origin``), kept in its record. ``colour``: the run's
        colour in charts (a race lane's); None: the next of the palette after the runs
        already in the folder (``run_colours.nth_colour``), so runs made in turn differ."""
        now = began or datetime.now(timezone.utc)
        run_id = f"{now:%Y%m%d-%H%M%S}-{now.microsecond // 1000:03d}{secrets.token_hex(2)}"
        folder = self.root / run_id
        if colour is None:
            colour = nth_colour(self._runs_in_folder())
        folder.mkdir(parents=True, exist_ok=False)
        record = RunRecord(
            run_id=run_id,
            folder=folder,
            config=dict(config),
            title=title or describe_config(config),
            created_at=now.isoformat(timespec="milliseconds"),  # orders runs made in one second
            resumed_from=resumed_from,
            preset=preset,
            colour=colour,
        )
        # a folder that takes files but no locks still trains: is_held calls such a run
        # running (the lock file is there but cannot answer), as before locks
        with contextlib.suppress(OSError):
            record.lock = take_lock(folder)
        if write_first or record.lock is None:
            try:
                self.save(record)
            except OSError:
                record.release_lock()
                raise
        return record

    def _runs_in_folder(self) -> int:
        """How many entries the runs folder holds (0 when it cannot be read): a new run's
        colour is the next after theirs. Its names alone, no file read (a Train click)."""
        try:
            with os.scandir(self.root) as entries:
                return sum(1 for _ in entries)
        except OSError:
            return 0

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
            record = self._listed(folder, known)
            if record is not None:
                records.append(record)
        for record in records:
            _mark_interrupted(record)
        records.sort(key=lambda r: (r.created_at, r.run_id), reverse=True)
        return records

    def _listed(self, folder: Path, known: KnownRecords | None) -> RunRecord | None:
        """The record of ``folder`` for ``list``: ``known``'s when its run.json has not changed;
        None for a run starting, whose first run.json is on its way (``create``)."""
        stamp = _stamp(folder) if known is not None else None
        seen = known.get(folder.name) if known is not None else None
        if seen is not None and stamp is not None and seen[0] == stamp:
            record = seen[1]
            if record.is_damaged:  # its model may have come or gone since
                record.model_file = _model_beside(folder)
                record.elsewhere = None if record.model_file else self.model_elsewhere(folder.name)
            elif record.model_file is None:
                record.elsewhere = self.model_elsewhere(record.run_id)
            return record
        try:
            record = self._read_listed(self._checked_folder(folder))
        except RunFileError as err:
            if _starting(folder):
                return None
            record = RunRecord.damaged(folder, user_message_data(err))
            # a bad run.json leaves the model beside it as good as it was: Use model
            # offers it (the record is left as it is)
            record.model_file = _model_beside(folder)
            # a record a full disk refused: its model went to a fallback folder, saying so
            # then; the row names it, and Use model opens it (walk60 D6)
            if record.model_file is None:
                record.elsewhere = self.model_elsewhere(folder.name)
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
        record = _mark_interrupted(read_record(folder))
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


def _starting(folder: Path) -> bool:
    """Whether ``folder`` is a run starting: no run.json yet, and its training lock held (its
    first record is on its way, from the window's writer thread: ``RunStore.create``)."""
    try:
        if os.path.lexists(folder / RUN_FILE) or folder.is_symlink():
            return False
    except OSError:
        return False
    return is_training(folder)


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
