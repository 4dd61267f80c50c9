"""RaceController: 2-4 configurations trained side by side off the GUI thread.

One ``RaceWorker`` (a QObject on a QThread) iterates ``training.race.race()``: one batch of each
lane in turn, on identical batches. A ``Batcher`` collects its reports and emits them together,
as a training run's; the controller grows one ``Curves`` per lane on the GUI thread (the race
screen draws those). After the race each lane is tested, and ``results_ready`` carries a
``LaneResult`` per lane. ``keep(lane)`` saves a finished lane as a run with its model file (in the
run history, like a Train click's run; a lane that diverged without one), on a thread of its own.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from nndesk.controllers.training import (
    DatasetProvider,
    default_dataset_provider,
    failure_line,
)
from nndesk.controllers.worker_freeing import join_and_free
from nndesk.controllers.worker_thread import Batcher, RunRequests, WorkerThreadOwner
from nndesk.errors import ConfigError, NndeskError, user_message
from nndesk.presets import lane_origin
from nndesk.run_colours import lane_colour
from nndesk.run_curves import Curves
from nndesk.run_record import MODEL_FILE
from nndesk.runs import RunStore
from nndesk.setting_words import dataset_text


@dataclass(frozen=True)
class Lane:
    """One configuration of a race and the name its curves and table row carry."""

    name: str
    config: object  # TrainConfig
    #: the name the lane was given, before the Race tab added the values that set it apart
    #: ("Sigmoid" of "Sigmoid, pixels 0 to 255"; None: ``name`` is all): a window rebuilt in
    #: another language says those values again in its words
    given: str | None = None
    #: the settings the lane's comparison varies (its given name says them)
    varied: frozenset = frozenset()


@dataclass(frozen=True)
class RaceStarted:
    names: tuple[str, ...]
    batches_per_epoch: int  # the first lane's
    epochs: int
    #: each lane's batches per epoch (lanes may take batches of their own sizes)
    lane_batches: tuple[int, ...] = ()


@dataclass(frozen=True)
class LaneResult:
    """A lane's final figures (NaN where it has none, e.g. no validation split)."""

    lane: int
    name: str
    reason: str  # "completed" | "stopped" | "diverged"
    message: str
    epochs: int
    train_loss: float
    val_accuracy: float
    test_accuracy: float
    seconds: float
    #: a raw-pixel ReLU lane's (layer name, share of its units dead) measured after the race
    #: (``internals.dead_on``): the coach's line under the table (empty for any other lane)
    dead: tuple = ()


@dataclass(frozen=True)
class FinishedRace:
    """A finished race's data, for the same window rebuilt in another language: its lanes,
    curves, test figures, trained networks (so Keep still works) and the lanes kept."""

    lanes: tuple[Lane, ...]
    curves: tuple[Curves, ...]
    results: tuple[LaneResult, ...]
    batches_per_epoch: int
    sessions: tuple
    kept_runs: dict
    #: the preset every lane started from (the Race tab's summary names it after a language
    #: switch, whatever comparison the new window's tab starts on)
    preset: str = ""
    #: each lane's batches per epoch (lanes may take batches of their own sizes)
    lane_batches: tuple[int, ...] = ()

    def renamed(self, rename) -> FinishedRace:
        """The same race, each lane's name (and given name) ``rename(name)``, its lanes and
        its table rows."""
        lanes = tuple(
            dataclasses.replace(
                lane,
                name=rename(lane.name),
                given=None if lane.given is None else rename(lane.given),
            )
            for lane in self.lanes
        )
        return self.with_lanes(lanes, [rename(r.name) for r in self.results])

    def with_lanes(self, lanes: tuple[Lane, ...], names=None) -> FinishedRace:
        """The same race with ``lanes``; its results named ``names`` (None: as the lanes)."""
        if names is None:
            names = [lanes[r.lane].name if r.lane < len(lanes) else r.name for r in self.results]
        results = tuple(
            dataclasses.replace(r, name=name) for r, name in zip(self.results, names, strict=True)
        )
        return dataclasses.replace(self, lanes=lanes, results=results)


class RaceWorker(QObject):
    """Prepares the lanes, races them, tests them; reports by signals, touches no widget."""

    status_changed = Signal(str)
    started = Signal(object)  # RaceStarted
    batches_finished = Signal(object)  # tuple[(lane, BatchReport), ...] since the last one
    epoch_finished = Signal(int, object)  # (lane, EpochReport)
    lane_ended = Signal(int, object)  # (lane, RunEnded)
    results_ready = Signal(object)  # tuple[LaneResult, ...]
    sessions_ready = Signal(object)  # tuple[Session, ...]: the worker no longer uses them
    failed = Signal(str)
    finished = Signal()

    def __init__(self, lanes, requests: RunRequests, provider: DatasetProvider, dataset=None):
        super().__init__()
        self._lanes = tuple(lanes)
        self._requests = requests
        self._provider = provider
        self._dataset = dataset

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except BaseException as err:  # noqa: BLE001 - a worker must report, never die silently
            self.failed.emit(failure_line(err))
        finally:
            self.finished.emit()

    def _run(self) -> None:
        from nndesk.training import BatchReport, EpochReport, RunEnded, runtime
        from nndesk.training.race import prepare_race, race

        requests = self._requests
        configs = [lane.config for lane in self._lanes]
        dataset = self._dataset
        if dataset is None:
            self.status_changed.emit(
                QCoreApplication.translate("RaceController", "Loading {name}…").format(
                    name=dataset_text(configs[0].dataset)
                )
            )
            dataset = self._provider(configs[0].dataset)
        self.status_changed.emit(
            QCoreApplication.translate("RaceController", "Preparing the networks…")
        )
        sessions = prepare_race(configs, dataset)
        per_lane = tuple(batches_per_epoch(s) for s in sessions)
        self.started.emit(
            RaceStarted(
                names=tuple(lane.name for lane in self._lanes),
                batches_per_epoch=per_lane[0],
                epochs=sessions[0].config.epochs,
                lane_batches=per_lane,
            )
        )
        self.status_changed.emit(QCoreApplication.translate("RaceController", "Racing…"))
        batches = Batcher(self.batches_finished.emit, taken=lambda: requests.groups_taken)

        def should_pause() -> bool:
            # held: every batch trained is shown, a report kept back for a busy GUI thread too
            paused = requests.pause.is_set()
            if paused:
                batches.flush()
            return paused

        ends: dict[int, object] = {}
        with runtime.beside_the_gui():
            for lane, report in race(sessions, requests.stop.is_set, should_pause):
                if isinstance(report, BatchReport):
                    batches.add((lane, report))
                    if requests.pause.is_set():
                        batches.flush()
                elif isinstance(report, EpochReport):
                    batches.flush()
                    self.epoch_finished.emit(lane, report)
                elif isinstance(report, RunEnded):
                    batches.flush()
                    ends[lane] = report
                    self.lane_ended.emit(lane, report)
        batches.flush()
        dead: dict[int, tuple] = {}
        if not requests.closing.is_set():
            self.status_changed.emit(
                QCoreApplication.translate("RaceController", "Testing every lane…")
            )
            for i, session in enumerate(sessions):
                session.evaluate_test()
                if watched_inside(session.config):
                    dead[i] = lane_dead(session)
        results = []
        for i, (lane, session) in enumerate(zip(self._lanes, sessions, strict=True)):
            end = ends.get(i)
            history = session.history[-1] if session.history else {}
            results.append(
                LaneResult(
                    lane=i,
                    name=lane.name,
                    reason=getattr(end, "reason", "stopped"),
                    message=getattr(end, "message", ""),
                    epochs=len(session.history),
                    train_loss=_num(history.get("train_loss")),
                    val_accuracy=_num(history.get("val_accuracy")),
                    test_accuracy=_num((session.metrics or {}).get("test_accuracy")),
                    seconds=session.seconds_trained(),
                    dead=dead.get(i, ()),
                )
            )
        self.results_ready.emit(tuple(results))
        self.sessions_ready.emit(tuple(sessions))


#: Images a lane's dead units are counted on after the race: its batch, at most this many
DEAD_IMAGES_MOST = 1024


def watched_inside(config) -> bool:
    """Whether a lane's units are counted after the race: ReLUs fed raw pixels (fixM: the
    coach names them where many died, as a Train run's Inside tab shows it)."""
    return config.normalize == "raw" and config.activation == "relu"


def lane_dead(session) -> tuple[tuple[str, float], ...]:
    """(layer name, share of its units dead) of a lane once trained, on a batch of its own
    training images, as many as it trained on at once (the Train page's Watcher counts them
    on a batch too): the first of its split."""
    from nndesk.training.internals import dead_on

    n = len(session.y_train)
    take = min(session.config.batch_size or n, n, DEAD_IMAGES_MOST)
    rows = session.train_rows[:take] if session.train_rows is not None else slice(0, take)
    return dead_on(session.model, session.x_train[rows])


def batches_per_epoch(session) -> int:
    """How many batches a lane's ``session`` trains per epoch (its own batch size)."""
    n = len(session.y_train)
    cfg = session.config
    batch = n if cfg.full_batch else min(cfg.batch_size, n)
    return max(-(-n // max(batch, 1)), 1)


def last_loss(curves: Curves) -> float:
    """A diverged lane's loss as its row writes it: the one that ended it (3.5e9), or the last
    finite batch loss before an overflow; NaN when it has none. Its epochs' training loss is
    none when it diverged in its first epoch, and the row said "—"."""
    finite = [v for v in curves.batch_loss if math.isfinite(v)]
    return finite[-1] if finite else math.nan


def _num(value, default: float = float("nan")) -> float:
    try:
        return float(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def _not_kept(name: str, err: BaseException) -> str:
    """One line: lane ``name`` was not saved, the file and why ("training failed" read as if
    the race itself had failed)."""
    line = QCoreApplication.translate("RaceController", "{lane} could not be kept: {reason}")
    return line.format(lane=name, reason=user_message(err))


class _Keeper(QObject):
    """Saves a finished lane as a run (folder, run.json, model file unless it diverged) on its
    own thread."""

    kept = Signal(int, object)  # (lane, RunRecord)
    failed = Signal(int, str)  # (lane, one line)
    finished = Signal()

    def __init__(
        self,
        store: RunStore,
        lane: int,
        name: str,
        session,
        curves: Curves,
        result,
        preset: str = "",
    ):
        super().__init__()
        self._args = (store, lane, name, session, curves, result, preset)

    @Slot()
    def run(self) -> None:
        store, lane, name, session, curves, result, preset = self._args
        record = None
        try:
            try:
                # each lane its own preset: the one whose settings it is (the race's epochs
                # and seed aside), else the lab it is named after, else the race's
                record = store.create(
                    session.config.to_dict(),
                    title=f"{name} (race)",
                    began=session.began,
                    preset=lane_origin(session.config, name, preset),
                    colour=lane_colour(lane),  # its colour in the race, in every chart
                )
                # a lane that diverged is kept as a run that diverged is: its record and
                # curves, no model (its weights are those its loss blew up from; the CLI and
                # the Train page save none)
                if result is None or result.reason != "diverged":
                    session.save(record.folder / MODEL_FILE)
                    record.model_file = MODEL_FILE
                record.curves = curves
                record.metrics = dict(session.metrics or {})
                record.status = result.reason if result is not None else "completed"
                record.message = result.message if result is not None else ""
                store.save(record)
            finally:  # kept or not, nothing trains it now (before the record leaves this thread)
                if record is not None:
                    record.release_lock()
        except (OSError, ValueError) as err:  # a full disk, a read-only run folder
            if record is not None:  # no half-kept run in the history (it listed "interrupted")
                with contextlib.suppress(OSError, NndeskError):
                    store.delete(record.run_id, permanent=True)
            self.failed.emit(lane, _not_kept(name, err))
        else:
            self.kept.emit(lane, record)
        finally:
            # freed by the controller once this thread is joined (worker_freeing: freed here
            # as the thread ended, it hung the window on "Keep them and quit")
            self.finished.emit()


class RaceController(QObject, WorkerThreadOwner):
    """Owns a race: ``start(lanes)``, ``pause``, ``resume``, ``stop``, ``keep(lane)``.

    ``curves[lane]`` grows on the GUI thread from the worker's reports; ``results`` holds the
    final figures once ``finished_race`` is emitted.
    """

    status_changed = Signal(str)
    started = Signal(object)  # RaceStarted
    progressed = Signal()  # the lanes' curves grew (batches or an epoch)
    lane_ended = Signal(int, object)  # (lane, RunEnded)
    finished_race = Signal(object)  # tuple[LaneResult, ...] after the test pass
    failed = Signal(str)
    running_changed = Signal(bool)
    paused_changed = Signal(bool)
    kept = Signal(int, object)  # (lane, RunRecord): saved in the run history
    keep_failed = Signal(int, str)

    def __init__(
        self,
        dataset_provider: DatasetProvider | None = None,
        store: RunStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._provider = dataset_provider or default_dataset_provider
        self.store = store or RunStore()
        self.lanes: tuple[Lane, ...] = ()
        self.curves: list[Curves] = []
        self.results: tuple[LaneResult, ...] = ()
        self.batches_per_epoch = 0
        #: each lane's batches per epoch (``batches_per_epoch`` is the first lane's)
        self.lane_batches: tuple[int, ...] = ()
        self._sessions: tuple = ()
        self._requests = RunRequests()
        self._thread: QThread | None = None
        self._keepers: list[tuple[QThread, _Keeper]] = []
        self.kept_runs: dict[int, object] = {}  # lane -> RunRecord
        self.preset = ""  # the preset the lanes started from, as ``start`` was told

    def start(self, lanes, dataset=None, preset: str = "") -> None:
        """Race ``lanes`` (2-4 ``Lane``s sharing the batch-deciding settings); returns at once.
        ``preset`` names the preset they start from. ``ConfigError`` (one line) when they
        cannot race or a race is going."""
        from nndesk.training.race import check_race

        if self.is_running():
            raise ConfigError("a race is already going; stop it first")
        lanes = tuple(lanes)
        for lane in lanes:
            lane.config.validate()
        check_race([lane.config for lane in lanes])
        self.lanes, self.preset = lanes, preset
        self.curves = [Curves() for _ in lanes]
        self.results = ()
        self.lane_batches = ()
        self._sessions = ()
        self.kept_runs = {}
        self._requests = RunRequests()
        worker = RaceWorker(lanes, self._requests, self._provider, dataset)
        worker.status_changed.connect(self.status_changed)
        worker.started.connect(self._on_worker_started)
        worker.batches_finished.connect(self._on_worker_batches_finished)
        worker.epoch_finished.connect(self._on_worker_epoch_finished)
        worker.lane_ended.connect(self._on_worker_lane_ended)
        worker.results_ready.connect(self._on_worker_results_ready)
        worker.sessions_ready.connect(self._on_worker_sessions_ready)
        worker.failed.connect(self.failed)
        self._worker = worker
        self._start_worker_thread(worker, "nndesk-race")

    def finished(self) -> FinishedRace | None:
        """The last race's data once it is over and tested (None while one runs, or before
        any): a language switch hands it to the new window's controller (``adopt``)."""
        if self.is_running() or not self.results:
            return None
        return FinishedRace(
            self.lanes,
            tuple(self.curves),
            self.results,
            self.batches_per_epoch,
            self._sessions,
            dict(self.kept_runs),  # a lane still being saved (None) is not offered again
            self.preset,
            self.lane_batches,
        )

    def adopt(self, race: FinishedRace) -> None:
        """Hold ``race`` as this controller's last race (``finished``): no race runs here."""
        if self.is_running():
            raise ConfigError("a race is going; it cannot take another's place")
        self.lanes, self.curves, self.results = race.lanes, list(race.curves), race.results
        self.batches_per_epoch = race.batches_per_epoch
        self.lane_batches = race.lane_batches
        self._sessions, self.kept_runs = race.sessions, dict(race.kept_runs)
        self.preset = race.preset

    def sessions(self) -> tuple:
        """The finished race's trained sessions, one per lane (empty while one runs)."""
        return self._sessions

    def can_keep(self, lane: int) -> bool:
        return (
            not self.is_running()
            and 0 <= lane < len(self._sessions)
            and lane not in self.kept_runs
            and bool(self._sessions[lane].history)
        )

    def unkept_lanes(self) -> list[int]:
        """The lanes of the race over that Keep would still save (``can_keep``)."""
        return [lane for lane in range(len(self._sessions)) if self.can_keep(lane)]

    def keep(self, lane: int) -> None:
        """Save lane ``lane`` as a run with its model (off the GUI thread); ``kept`` follows."""
        if not self.can_keep(lane):
            raise ConfigError("only a finished race's lanes that trained an epoch can be kept")
        result = self.results[lane] if lane < len(self.results) else None
        thread = QThread(self)
        thread.setObjectName("nndesk-race-keep")
        keeper = _Keeper(
            self.store,
            lane,
            self.lanes[lane].name,
            self._sessions[lane],
            copy.deepcopy(self.curves[lane]),
            result,
            self.preset,
        )
        keeper.moveToThread(thread)
        keeper.kept.connect(self._on_keeper_kept)
        keeper.failed.connect(self._on_keeper_failed)
        thread.started.connect(keeper.run)
        keeper.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_keeper_thread_finished)  # queued: the GUI thread
        self._keepers.append((thread, keeper))
        self.kept_runs[lane] = None  # asked for: not twice
        thread.start()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop the race and join its threads (the window's close)."""
        for thread, keeper in list(self._keepers):
            join_and_free(thread, keeper, timeout_ms)
        done = self._stop_and_wait(timeout_ms)
        if done:
            self._on_thread_finished()
        return done

    # -- slots ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_worker_started(self, started: RaceStarted) -> None:
        self.batches_per_epoch = started.batches_per_epoch
        self.lane_batches = started.lane_batches or (started.batches_per_epoch,) * len(
            started.names
        )
        self.started.emit(started)

    @Slot(object)
    def _on_worker_batches_finished(self, reports: tuple) -> None:
        try:
            for lane, report in reports:
                self.curves[lane].add_batch(report)
            self.progressed.emit()
        finally:  # handled: the worker may send the next group (``Batcher``'s ``taken``)
            self._requests.groups_taken += 1

    @Slot(int, object)
    def _on_worker_epoch_finished(self, lane: int, report) -> None:
        self.curves[lane].add_epoch(report)
        self.progressed.emit()

    @Slot(int, object)
    def _on_worker_lane_ended(self, lane: int, ended) -> None:
        if ended.reason == "diverged":
            # the loss that ended it, kept in the lane's curves as a single run keeps it: the
            # chart marks it leaving the chart, the table's row writes it
            self.curves[lane].add_diverged(ended)
            self.progressed.emit()
        self.lane_ended.emit(lane, ended)

    @Slot(object)
    def _on_worker_results_ready(self, results: tuple) -> None:
        self.results = tuple(
            dataclasses.replace(r, train_loss=last_loss(self.curves[r.lane]))
            if r.reason == "diverged" and r.lane < len(self.curves)
            else r
            for r in results
        )

    @Slot(object)
    def _on_worker_sessions_ready(self, sessions: tuple) -> None:
        self._sessions = tuple(sessions)

    @Slot(int, object)
    def _on_keeper_kept(self, lane: int, record) -> None:
        self.kept_runs[lane] = record
        self.kept.emit(lane, record)

    @Slot(int, str)
    def _on_keeper_failed(self, lane: int, message: str) -> None:
        self.kept_runs.pop(lane, None)  # it may be tried again
        self.keep_failed.emit(lane, message)

    @Slot()
    def _on_keeper_thread_finished(self) -> None:
        thread = self.sender()
        if not isinstance(thread, QThread):
            return
        for joined, keeper in [(t, k) for t, k in self._keepers if t is thread]:
            join_and_free(joined, keeper)
        self._keepers = [(t, k) for t, k in self._keepers if t is not thread]
        thread.deleteLater()

    @Slot()
    def _on_thread_finished(self) -> None:
        if not self._join_worker_thread():
            return
        self._requests.pause.clear()
        self.running_changed.emit(False)
        if self.results:
            self.finished_race.emit(self.results)
