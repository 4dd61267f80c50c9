"""The training bridge without a window: TrainingController + its worker on a tiny dataset."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from nndesk.controllers import training as bridge
from nndesk.controllers import worker_thread
from nndesk.controllers.training import TrainingController
from nndesk.data.sources import Dataset
from nndesk.errors import ConfigError, DataError
from nndesk.inference import Classifier
from nndesk.run_lock import TRAINING_LOCK
from nndesk.runs import RunStore
from nndesk.training import BatchReport, TrainConfig
from tests.conftest import make_blob_images

WAIT_MS = 60_000  # a bound for a hang only: a condition met sooner ends the wait
# 160 training images (val 20 %) at batch 20: 8 batches per epoch
CONFIG = TrainConfig(
    dataset="mnist", arch="784-16-10", batch_size=20, epochs=2, val_fraction=0.2, lr=5e-3
)


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    rng = np.random.default_rng(0)
    train_labels, test_labels = np.arange(200) % 10, np.arange(50) % 10
    return Dataset(
        name="mnist",
        class_names=tuple(str(i) for i in range(10)),
        preprocess="digits",
        train_images=make_blob_images(train_labels, rng),
        train_labels=train_labels.astype(np.int64),
        test_images=make_blob_images(test_labels, rng),
        test_labels=test_labels.astype(np.int64),
    )


@pytest.fixture
def controller(qtbot, tiny, tmp_path):
    asked: list[str] = []
    data_here = threading.Event()  # the worker's data comes once set (``start_paused``)
    data_here.set()

    def provider(name):
        asked.append(name)
        data_here.wait(WAIT_MS / 1000)
        return tiny

    ctl = TrainingController(provider, RunStore(tmp_path / "runs"))
    ctl.asked = asked
    ctl.data_here = data_here
    yield ctl
    data_here.set()
    ctl.shutdown()


def start_paused(controller, config) -> None:
    """Start a run held before its first batch. ``pause()`` right after ``start()`` is not
    enough: a GUI thread kept from the CPU between the two (a loaded machine) let the worker
    train batches first (with half a second there, the Step tests got (28, 3) for (1, 1)).
    The worker's data waits for the pause."""
    controller.data_here.clear()
    controller.start(config)
    controller.pause()
    controller.data_here.set()


def run_to_the_end(qtbot, controller, config=CONFIG, **start):
    """Start a run and wait until its thread is gone; returns every signal's payloads."""
    seen: dict[str, list] = {"batches": [], "epochs": [], "ended": [], "ready": [], "saved": []}
    controller.batches_finished.connect(seen["batches"].append)
    controller.epoch_finished.connect(seen["epochs"].append)
    controller.run_ended.connect(seen["ended"].append)
    controller.model_ready.connect(seen["ready"].append)
    controller.run_saved.connect(seen["saved"].append)
    with qtbot.waitSignal(
        controller.running_changed, timeout=WAIT_MS, check_params_cb=lambda running: not running
    ):
        controller.start(config, **start)
    return seen


def test_a_run_reports_every_batch_in_order_and_one_store_holds_its_curves(qtbot, controller):
    seen = run_to_the_end(qtbot, controller)
    batches = [r for group in seen["batches"] for r in group]
    assert [(r.epoch, r.batch) for r in batches] == [(e, b) for e in (1, 2) for b in range(1, 9)]
    assert all(isinstance(r, BatchReport) for r in batches)
    assert [r.epoch for r in seen["epochs"]] == [1, 2]
    assert seen["ended"][0].reason == "completed"
    record = seen["saved"][0]
    # the run's curves are one object: the controller's, the record's, what a panel draws
    assert record.curves is controller.curves and record is controller.record
    assert controller.curves.epochs == [1, 2]
    assert controller.curves.batch_loss == pytest.approx([r.batch_loss for r in batches])
    assert RunStore(controller.store.root).load(record.run_id).curves.epochs == [1, 2]
    clf = seen["ready"][0]
    assert isinstance(clf, Classifier) and clf.path == record.model_path
    assert record.status == "completed" and 0.0 <= record.test_accuracy <= 1.0
    assert controller.asked == ["mnist"]


def test_batch_reports_are_collected_between_two_emissions(qtbot, controller, monkeypatch):
    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 3600.0)  # by epoch ends, not time
    seen = run_to_the_end(qtbot, controller)
    assert [len(group) for group in seen["batches"]] == [8, 8]
    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 0.0)  # each batch on its own
    seen = run_to_the_end(qtbot, controller)
    # ... once the GUI thread has handled the group before (those trained meanwhile go
    # together, test_pause_stops_the_shown_counter_...): every batch once, in order, no group
    # over an epoch's end
    shown = [(r.epoch, r.batch) for group in seen["batches"] for r in group]
    assert shown == [(e, b) for e in (1, 2) for b in range(1, 9)]
    assert all(len({r.epoch for r in group}) == 1 for group in seen["batches"])


def test_snapshots_are_copies_of_the_weights_taken_while_training(qtbot, controller, monkeypatch):
    monkeypatch.setattr(bridge, "SNAPSHOT_INTERVAL", 0.0)  # one after every batch
    snapshots: list = []
    controller.weights_updated.connect(snapshots.append)
    seen = run_to_the_end(qtbot, controller)
    assert len(snapshots) == 16
    final = seen["ready"][0].model
    first, last = snapshots[0].model, snapshots[-1].model
    for (_, w_last, _), (_, w_final, _) in zip(last.parameters(), final.parameters(), strict=True):
        assert not np.shares_memory(w_last, w_final)
        np.testing.assert_array_equal(w_last, w_final)  # the last batch's weights
    assert not all(
        np.array_equal(a, b)
        for (_, a, _), (_, b, _) in zip(first.parameters(), final.parameters(), strict=True)
    )


def test_a_resumed_model_file_is_read_once(qtbot, controller, monkeypatch):
    seen = run_to_the_end(qtbot, controller)
    from nndesk.nn import serialization

    reads: list = []
    real = serialization.load_model
    monkeypatch.setattr(serialization, "load_model", lambda p: reads.append(p) or real(p))
    path = seen["saved"][0].model_path
    again = run_to_the_end(qtbot, controller, CONFIG.replace(epochs=1), resume=path)
    assert reads == [path]
    assert again["saved"][0].curves.epochs == [1, 2, 3]


def test_a_stop_inside_an_epoch_keeps_its_batches_and_continue_goes_on_from_there(
    qtbot, controller
):
    long = CONFIG.replace(epochs=200)
    stopped_at: list[int] = []

    def stop_after_the_first_batches(reports):
        if not stopped_at and controller.batches_done >= 3:
            controller.stop()
            stopped_at.append(controller.batches_done)

    controller.batches_finished.connect(stop_after_the_first_batches)
    first = run_to_the_end(qtbot, controller, long)
    record = first["saved"][0]
    assert record.status == "stopped"
    trained = [r for group in first["batches"] for r in group]
    assert len(record.curves.batch_x) == len(trained)  # the partial epoch's points are kept
    last = trained[-1]

    controller.batches_finished.disconnect(stop_after_the_first_batches)
    again = run_to_the_end(
        qtbot, controller, CONFIG.replace(epochs=1), resume=record.model_path, curves=record.curves
    )
    continued = [r for group in again["batches"] for r in group]
    done_epochs = last.epoch - 1
    if last.batch < last.batches:  # stopped inside an epoch: it goes on at the next batch
        assert (continued[0].epoch, continued[0].batch) == (last.epoch, last.batch + 1)
    else:
        assert (continued[0].epoch, continued[0].batch) == (last.epoch + 1, 1)
        done_epochs += 1
    curves = again["saved"][0].curves
    assert curves.batch_x[: len(trained)] == record.curves.batch_x  # the old points, then more
    assert len(curves.batch_x) == len(trained) + len(continued)
    assert curves.epochs == list(range(1, done_epochs + 2))


def test_a_run_continued_part_way_into_an_epoch_labels_its_inside_start_with_that_epoch(
    qtbot, controller
):
    """walk54 D6: the Inside strip's first row of a run continued three batches into epoch 1
    said "ep 0", as if the weights were those at the start; they are part way into epoch 1,
    and a sampled batch's weights are labelled with the epoch they are in."""
    start_paused(controller, CONFIG.replace(epochs=5))  # three steps, then a stop in epoch 1
    for _ in range(3):
        with qtbot.waitSignal(controller.batches_finished, timeout=WAIT_MS):
            controller.step()
    with qtbot.waitSignal(
        controller.running_changed, timeout=WAIT_MS, check_params_cb=lambda running: not running
    ):
        controller.stop()
    record = controller.store.list()[0]
    started: list = []
    controller.run_started.connect(started.append)
    run_to_the_end(qtbot, controller, CONFIG.replace(epochs=1), resume=record.model_path)
    assert started[0].inside_first_epoch and started[0].first_epoch == 1
    assert started[0].inside_start.epoch == 1
    # and after three of its batches (walk57 D1: "ep 12" twice, the start and the end)
    assert started[0].inside_start.batch == 3


def test_a_learning_rate_set_mid_run_is_marked_at_the_batch_that_first_uses_it(qtbot, controller):
    marks: list = []
    controller.lr_changed.connect(lambda x, lr: marks.append((x, lr)))

    def set_once(reports):
        if controller.batches_done >= 2 and not marks and not asked:
            controller.set_learning_rate(2e-4)
            asked.append(True)

    asked: list = []
    controller.batches_finished.connect(set_once)
    seen = run_to_the_end(qtbot, controller, CONFIG.replace(epochs=20))
    batches = [r for group in seen["batches"] for r in group]
    ((x, lr),) = marks
    first_new = next(r for r in batches if r.lr == pytest.approx(2e-4))
    assert x == pytest.approx(first_new.epoch - 1 + (first_new.batch - 1) / first_new.batches)
    assert all(r.lr == pytest.approx(2e-4) for r in batches[batches.index(first_new) :])
    assert controller.curves.lr_changes == [(x, lr)]


def test_a_failure_before_training_leaves_no_run_in_the_history(qtbot, tmp_path):
    def provider(name):
        raise DataError("MNIST is not on this computer")

    controller = TrainingController(provider, RunStore(tmp_path / "runs"))
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as failed:
        controller.start(CONFIG)
    assert failed.args == ["MNIST is not on this computer", None]  # a DataError, no offer
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=WAIT_MS)
    assert controller.store.list() == []


def test_a_failure_after_the_start_is_kept_as_a_failed_run(qtbot, controller):
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as failed:
        controller.start(CONFIG.replace(arch="784-16-5"))  # five outputs for ten classes
    assert "5 outputs" in failed.args[0] and "\n" not in failed.args[0]
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=WAIT_MS)
    assert controller.store.list() == []  # prepare refused it: nothing was trained


def test_stopping_while_the_data_loads_ends_the_run_without_a_record(qtbot, tiny, tmp_path):
    release = threading.Event()

    def slow_provider(name):
        release.wait(WAIT_MS / 1000)
        return tiny

    controller = TrainingController(slow_provider, RunStore(tmp_path / "runs"))
    started: list = []
    controller.run_started.connect(started.append)
    controller.start(CONFIG)
    controller.stop()
    assert controller.is_stopping()
    with qtbot.waitSignal(
        controller.running_changed, timeout=WAIT_MS, check_params_cb=lambda running: not running
    ):
        release.set()
    assert started == [] and controller.store.list() == []


def test_settings_changed_mid_run_are_marked_recorded_and_saved_in_the_model(qtbot, controller):
    from nndesk.nn.serialization import load_model

    changes: list = []
    controller.setting_changed.connect(changes.append)
    asked: list = []

    def steer_once(reports):
        if controller.batches_done >= 2 and not asked:
            asked.append(True)
            controller.change_settings({"momentum": 0.4, "l2": 1e-3})

    controller.batches_finished.connect(steer_once)
    config = CONFIG.replace(epochs=20, optimizer="momentum")
    seen = run_to_the_end(qtbot, controller, config)
    assert [(c.name, c.value) for c in changes] == [("momentum", 0.4), ("l2", 1e-3)]
    record = seen["saved"][0]
    assert record.curves.changes == changes
    assert RunStore(controller.store.root).load(record.run_id).curves.changes == changes
    info = load_model(record.model_path).info
    assert [(c["name"], c["value"]) for c in info["changes"]] == [("momentum", 0.4), ("l2", 1e-3)]
    assert (info["config"]["momentum"], info["config"]["l2"]) == (0.4, 1e-3)


def test_a_change_the_run_cannot_take_is_refused_before_it_is_sent(qtbot, controller):
    with pytest.raises(ConfigError, match="no run is training"):
        controller.change_settings({"momentum": 0.5})
    with qtbot.waitSignal(controller.run_started, timeout=WAIT_MS):
        controller.start(CONFIG.replace(epochs=1000))  # Adam: no momentum
    with pytest.raises(ConfigError, match="Adam has no momentum to change"):
        controller.change_settings({"momentum": 0.5})
    assert controller._requests.take_settings() == {}  # noqa: SLF001 - nothing was queued


def test_a_batch_size_that_cannot_fit_is_refused_before_it_is_sent(qtbot, controller, monkeypatch):
    """Mid-run, a bigger batch (or the whole split) may need more memory than the machine has:
    the window's field says so, and the run goes on with its batch."""
    from nndesk.training import memory

    with qtbot.waitSignal(controller.run_started, timeout=WAIT_MS) as started:
        controller.start(CONFIG.replace(epochs=1000))
    per_image = started.args[0].image_bytes
    assert per_image > 0
    monkeypatch.setattr(memory, "free_bytes", lambda: 40 * per_image)
    with pytest.raises(ConfigError, match=r"^batch size 64: .* use a smaller batch size"):
        controller.change_settings({"batch_size": 64})
    with pytest.raises(ConfigError, match="use a smaller batch size"):
        controller.change_settings({"batch_size": 0})  # the whole training split
    assert controller._requests.take_settings() == {}  # noqa: SLF001 - nothing was queued
    controller.change_settings({"batch_size": 32})
    assert controller._requests.take_settings() == {"batch_size": 32}  # noqa: SLF001


def test_a_run_folder_that_turns_read_only_sends_the_model_to_the_nndesk_folder(
    qtbot, controller, monkeypatch
):
    """The run folder refuses every write once training has started (a read-only remount answers
    EROFS, even to root): the run's model goes to the user's nndesk folder, one line says where,
    and the run still ends as trained, not failed."""
    import errno
    import os
    from pathlib import Path

    from nndesk.paths import data_dir

    real_open = os.open
    records: list[Path] = []  # start()'s run.json, the one write the run folder takes

    def read_only(path, flags, mode=0o777, **kw):
        path = Path(os.fspath(path))
        if (
            path.parent.parent == controller.store.root
            and flags & os.O_CREAT
            and path.name != TRAINING_LOCK  # made (and held) before run.json
        ):
            # start()'s record goes through the writer thread: on a loaded machine the trained
            # model can reach the folder before it, so the first *record* is let through, not
            # the first file (a batch once saw the model take that place)
            if records or "run.json" not in path.name:
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            records.append(path)
        return real_open(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", read_only)
    told: dict[str, list[str]] = {"elsewhere": [], "record": [], "failed": []}
    controller.saved_elsewhere.connect(lambda *args: told["elsewhere"].append(args))
    controller.record_unsaved.connect(lambda *args: told["record"].append(args))
    controller.failed.connect(lambda message, _offer: told["failed"].append(message))

    seen = run_to_the_end(qtbot, controller)

    assert told["failed"] == []
    ((folder, reason, where),) = told["elsewhere"]
    saved = controller.model_path
    assert saved is not None and saved.parent == data_dir() and saved.is_file()
    assert where == str(saved) and reason == "Read-only file system"
    assert folder == str(controller.record.folder)
    assert not (controller.record.folder / "model.npz").exists()
    # the record could not be written after the start: said once, kept in memory, not fatal
    assert told["record"] == [(str(controller.record.folder), "Read-only file system")]
    record = seen["saved"][0]
    assert record.model_file is None and str(saved) in record.message
    assert record.status == "completed" and controller.curves.epochs == [1, 2]
    # the model that went elsewhere is the trained one, whole
    (ready,) = seen["ready"]
    reloaded = Classifier.from_file(saved)
    probe = np.random.default_rng(1).random((3, 784), dtype=np.float32)
    assert np.allclose(reloaded.model.forward(probe), ready.model.forward(probe))


def test_a_run_whose_model_no_folder_takes_fails_with_one_line(qtbot, controller, monkeypatch):
    """Disk full everywhere: the run fails with one line naming the run folder and every
    fallback tried, and the window's controller is ready for the next run."""
    from nndesk.training import session as session_module

    def full(self, path):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(session_module.Session, "save", full)
    failed: list[str] = []
    controller.failed.connect(lambda message, _offer: failed.append(message))
    seen = run_to_the_end(qtbot, controller)
    (line,) = failed
    assert "No space left on device" in line and str(controller.record.folder) in line
    for folder in bridge.model_fallbacks():
        assert str(folder) in line
    assert seen["ready"] == [] and not controller.is_running()


def test_open_model_reads_the_file_off_the_gui_thread_and_answers_the_newest_request(
    qtbot, controller, threads_calling
):
    seen = run_to_the_end(qtbot, controller)
    path = seen["saved"][0].model_path
    threads = threads_calling(Classifier, "from_file")
    opened: list = []
    controller.model_opened.connect(opened.append)
    older = path.parent / "older.npz"
    older.write_bytes(path.read_bytes())
    with qtbot.waitSignal(controller.model_opened, timeout=WAIT_MS):
        controller.open_model(older)
        controller.open_model(path)  # asked before the first answer arrived: it wins
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=WAIT_MS)
    assert [c.path for c in opened] == [path]
    assert threading.main_thread() not in threads
    assert opened[0].info["history"] == seen["ready"][0].info["history"]


def test_open_model_on_a_broken_file_answers_one_line(qtbot, controller, tmp_path):
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 not a model")
    with qtbot.waitSignal(controller.model_failed, timeout=WAIT_MS) as blocker:
        controller.open_model(bad)
    (line,) = blocker.args
    assert "broken.npz" in line and "\n" not in line


def test_step_and_plus_one_epoch_train_exactly_that_much_while_paused(qtbot, controller):
    start_paused(controller, CONFIG.replace(epochs=1000))  # the worker holds at its start
    got: list = []
    controller.batches_finished.connect(lambda reports: got.extend(reports))
    for expected in ((1, 1), (1, 2)):
        with qtbot.waitSignal(controller.batches_finished, timeout=WAIT_MS):
            controller.step()
        assert [(r.epoch, r.batch) for r in got][-1] == expected
        assert controller.batches_done == len(got)  # one step, one batch
    assert not controller.running_to_epoch_end()  # paused between two Steps
    with qtbot.waitSignal(controller.epoch_finished, timeout=WAIT_MS) as epoch:
        controller.step_epoch()  # six batches left of eight
        # paused, yet training on: the page says so, not "Paused" (walk55 D12)
        assert controller.running_to_epoch_end()
    assert epoch.args[0].epoch == 1
    assert not controller.running_to_epoch_end()
    assert [(r.epoch, r.batch) for r in got] == [(1, b) for b in range(1, 9)]
    with qtbot.waitSignal(controller.batches_finished, timeout=WAIT_MS):
        controller.step()
    assert [(r.epoch, r.batch) for r in got][-1] == (2, 1)
    assert controller.batches_done == 9 and controller.is_paused()


@pytest.fixture
def held_after(monkeypatch) -> list[int]:
    """The batches done at each poll of the worker that held the run, in order."""
    polls: list[int] = []
    polled = bridge._Requests.should_pause

    def should_pause(requests):
        paused = polled(requests)
        if paused:
            polls.append(requests.batches_done)
        return paused

    monkeypatch.setattr(bridge._Requests, "should_pause", should_pause)
    return polls


def test_to_epoch_end_in_the_last_epoch_holds_there_until_resumed(qtbot, controller, held_after):
    """walk55 D12: "To epoch end" pressed in the last epoch ended the run (tested, saved)
    instead of holding at the epoch's end as it does in any other; held there, it has no
    epoch left to go to the end of, and Resume ends the run, completed and saved."""
    ended: list = []
    controller.run_ended.connect(ended.append)
    start_paused(controller, CONFIG)  # 2 epochs of 8 batches
    with qtbot.waitSignal(controller.batches_finished, timeout=WAIT_MS):
        controller.step()
    with qtbot.waitSignal(controller.epoch_finished, timeout=WAIT_MS):
        controller.step_epoch()  # to the end of epoch 1: held at epoch 2's start
    assert not controller.held_at_the_end()
    with qtbot.waitSignal(controller.epoch_finished, timeout=WAIT_MS) as last:
        controller.step_epoch()  # the whole last epoch
    assert last.args[0].epoch == 2
    qtbot.waitUntil(lambda: 16 in held_after, timeout=WAIT_MS)  # the worker holds there
    assert controller.held_at_the_end()
    assert controller.is_running() and controller.is_paused() and ended == []
    controller.step_epoch()  # nothing left to train to the end of: nothing happens
    assert controller.held_at_the_end() and controller.batches_done == 16
    with qtbot.waitSignal(
        controller.running_changed, timeout=WAIT_MS, check_params_cb=lambda running: not running
    ):
        controller.resume()
    assert [e.reason for e in ended] == ["completed"] and controller.model_path is not None


def test_to_epoch_end_held_before_the_first_batch_trains_epoch_one_and_holds(
    qtbot, controller, held_after
):
    """walk69 D9: "To epoch end" pressed while held before the run's first batch did nothing
    (no batch trained yet to count from); it trains the whole of epoch 1 and holds there."""
    got: list = []
    controller.batches_finished.connect(lambda reports: got.extend(reports))
    start_paused(controller, CONFIG)  # 2 epochs of 8 batches, held before the first
    with qtbot.waitSignal(controller.epoch_finished, timeout=WAIT_MS) as epoch:
        controller.step_epoch()
    assert epoch.args[0].epoch == 1
    qtbot.waitUntil(lambda: 8 in held_after, timeout=WAIT_MS)  # held at epoch 1's end
    assert [(r.epoch, r.batch) for r in got] == [(1, b) for b in range(1, 9)]
    assert controller.batches_done == 8 and controller.is_paused()
    controller.stop()


def test_to_epoch_end_pressed_before_a_steps_batch_is_shown_stops_at_the_epochs_end(
    qtbot, controller, monkeypatch
):
    """ "To epoch end" counted its batches from the newest batch the window had been told of:
    pressed right after Step, before that batch's report came, it let one batch too many
    through (into the next epoch; in the last epoch the run ended instead of holding, a CI
    failure of the test above). The worker counts them from the batch it trained last."""
    held_after: list[int] = []
    held_again = threading.Event()
    polled = bridge._Requests.should_pause

    def should_pause(requests):
        paused = polled(requests)
        if paused and (not held_after or held_after[-1] != requests.batches_done):
            held_after.append(requests.batches_done)
            held_again.set()
        return paused

    monkeypatch.setattr(bridge._Requests, "should_pause", should_pause)
    start_paused(controller, CONFIG)  # 2 epochs of 8 batches
    with qtbot.waitSignal(controller.batches_finished, timeout=WAIT_MS):
        controller.step()
    qtbot.waitUntil(lambda: bool(held_after) and held_after[-1] >= 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: controller.last_batch.batch == held_after[-1], timeout=WAIT_MS)
    before = held_after[-1]
    held_again.clear()
    controller.step()
    # the step's batch trained and held after, its report not yet handled on this (the GUI)
    # thread: waited for without running Qt's event loop
    assert held_again.wait(WAIT_MS / 1000)
    assert held_after[-1] == before + 1 and controller.last_batch.batch == before
    controller.step_epoch()
    qtbot.waitUntil(lambda: held_after[-1] != before + 1, timeout=WAIT_MS)
    assert held_after[-1] == 8  # held at epoch 1's end, not one batch into epoch 2
    controller.stop()


def test_pause_stops_the_shown_counter_where_the_run_stopped_with_a_busy_gui_thread(
    qtbot, controller, monkeypatch
):
    """walk65 D7: under load the counter went on for 2-11 s after Pause (batch 1,273 to
    1,494): the worker sent a group of reports every interval whether or not the GUI thread
    had handled the last, and those queued were drawn after the press. Here the GUI thread
    is kept busy (no event loop) while the worker trains 30 batches, then Pause is pressed:
    the run holds at its next batch and the window has at most two groups to draw, the last
    ending at the batch the run held after (before: one group a batch, 31 in the queue)."""
    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 0.0)  # a group per batch if let
    trained, pressed, held = threading.Event(), threading.Event(), threading.Event()
    polled = bridge._Requests.should_pause

    def should_pause(requests):
        if requests.batches_done >= 30 and not trained.is_set():
            trained.set()
            # the worker waits for the press: on a loaded machine the GUI thread, kept from
            # the CPU after the 30th batch, pressed Pause after the worker had trained the
            # epoch out (the assertion below: held within the first epoch)
            pressed.wait(WAIT_MS / 1000)
        paused = polled(requests)
        if paused:
            held.set()
        return paused

    monkeypatch.setattr(bridge._Requests, "should_pause", should_pause)
    groups: list[tuple] = []
    controller.batches_finished.connect(groups.append)
    controller.start(CONFIG.replace(batch_size=1, epochs=3))  # 160 batches an epoch
    # the GUI thread busy elsewhere: waited for without running Qt's event loop
    assert trained.wait(WAIT_MS / 1000)
    controller.pause()  # the press, handled before the reports queued meanwhile
    pressed.set()
    assert held.wait(WAIT_MS / 1000)
    stopped_at = controller._requests.batches_done
    assert 30 <= stopped_at < 160  # held within the first epoch
    shown_before = len(groups)
    qtbot.waitUntil(
        lambda: controller.last_batch is not None and controller.last_batch.batch == stopped_at,
        timeout=WAIT_MS,
    )
    QCoreApplication.processEvents()  # anything else queued is handled too
    assert controller.last_batch.batch == stopped_at
    assert len(groups) - shown_before <= 2, [len(g) for g in groups]
    assert sum(len(g) for g in groups) == stopped_at  # every batch shown, once
    controller.stop()


def test_slow_motion_shows_every_batch_as_it_is_trained(qtbot, controller, monkeypatch):
    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 3600.0)  # else one group an epoch
    controller.set_slow_motion(0.001)
    seen = run_to_the_end(qtbot, controller)
    assert [len(group) for group in seen["batches"]] == [1] * 16
    with pytest.raises(ConfigError, match="0 to 10 seconds"):
        controller.set_slow_motion(-1)


def test_the_record_is_written_at_most_every_interval_and_whole_at_the_end(
    qtbot, controller, monkeypatch
):
    """Hundreds of quick epochs do not each write run.json on the GUI thread."""
    monkeypatch.setattr(bridge, "RECORD_SAVE_INTERVAL", 3600.0)  # never again by time
    writes: list[list[int]] = []
    write = controller.store.write

    def counting_write(folder, content):
        writes.append(list(content["curves"]["epoch"]))
        return write(folder, content)

    monkeypatch.setattr(controller.store, "write", counting_write)
    seen = run_to_the_end(qtbot, controller, CONFIG.replace(epochs=6))
    assert [r.epoch for r in seen["epochs"]] == [1, 2, 3, 4, 5, 6]
    # made and started, then its end (ended, its model saved), each pair one write when the
    # second was asked before the first began: no epoch of it wrote the record
    begun = writes.count([])
    assert 1 <= begun <= 2 and writes[:begun] == [[]] * begun and 1 <= len(writes[begun:]) <= 2
    assert all(epochs == [1, 2, 3, 4, 5, 6] for epochs in writes[begun:])
    stored = RunStore(controller.store.root).load(seen["saved"][0].run_id)
    assert stored.curves.epochs == [1, 2, 3, 4, 5, 6] and stored.status == "completed"


def test_the_record_says_completed_only_with_its_model_and_metrics_on_disk(
    qtbot, controller, monkeypatch
):
    """walk60 D11: run.json said "completed" about 0.1 s before its model.npz and test
    figures were there; a crash then, or another window reading it then, saw a completed run
    without a model. The worker here saves the model only once the record of the run's end
    is written, so that write is never merged into the last one."""
    import os

    from nndesk.run_record import MODEL_FILE

    monkeypatch.setattr(bridge, "RECORD_SAVE_INTERVAL", 3600.0)
    writes: list[tuple[str, bool, bool]] = []
    end_written = threading.Event()
    write = controller.store.write

    def watching_write(folder, content):
        done = write(folder, content)
        model_there = os.path.exists(folder / MODEL_FILE)
        writes.append((content["status"], "test_accuracy" in content["metrics"], model_there))
        if content["curves"]["epoch"] == [1, 2]:
            end_written.set()
        return done

    save = bridge.TrainingWorker._save

    def saving_after_the_end_is_written(worker, session):
        assert end_written.wait(WAIT_MS / 1000)
        return save(worker, session)

    monkeypatch.setattr(controller.store, "write", watching_write)
    monkeypatch.setattr(bridge.TrainingWorker, "_save", saving_after_the_end_is_written)
    seen = run_to_the_end(qtbot, controller)
    assert seen["ended"][0].reason == "completed"
    assert len(writes) >= 2 and writes[-1] == ("completed", True, True)
    assert all(status == "running" for status, *_ in writes[:-1]), writes


def test_a_controller_leaves_no_record_thread_behind_at_its_end(qtbot, tiny, tmp_path):
    """s61: each TrainingController left its idle "nndesk-run-record" thread (the record
    writer's) alive after ``shutdown``: 100 in one test process, one per window."""
    before = {t for t in threading.enumerate() if t.name == "nndesk-run-record"}
    ctl = TrainingController(lambda name: tiny, RunStore(tmp_path / "runs"))
    run_to_the_end(qtbot, ctl)
    assert ctl.shutdown()
    left = {t for t in threading.enumerate() if t.name == "nndesk-run-record"} - before
    assert not left


def test_a_stopped_run_keeps_every_epoch_it_finished(qtbot, controller, monkeypatch):
    monkeypatch.setattr(bridge, "RECORD_SAVE_INTERVAL", 3600.0)
    controller.epoch_finished.connect(
        lambda report: controller.stop() if report.epoch == 3 else None
    )
    # far more epochs than run before the stop arrives: a tiny epoch takes about a
    # millisecond, and with 50 a busy machine's GUI thread saw epoch 3 after the last one
    seen = run_to_the_end(qtbot, controller, CONFIG.replace(epochs=10_000))
    finished = [r.epoch for r in seen["epochs"]]
    stored = RunStore(controller.store.root).load(controller.record.run_id)
    assert stored.curves.epochs == finished and stored.status == "stopped"


def test_the_status_line_names_the_dataset_being_loaded_as_the_window_does(qtbot, controller):
    """It said "Loading mnist…" (and "Đang nạp fashion…"): the setting's key, not its name."""
    statuses: list[str] = []
    controller.status_changed.connect(statuses.append)
    run_to_the_end(qtbot, controller)
    assert "Loading MNIST…" in statuses, statuses
    assert not any("mnist" in s for s in statuses), statuses


def test_a_learning_rate_is_refused_with_the_steering_rules_reason(controller):
    from nndesk.setting_changes import steer_problem

    for lr in (0.0, -1.0, float("inf"), float("nan")):
        with pytest.raises(ConfigError) as err:
            controller.set_learning_rate(lr)
        assert str(err.value) == steer_problem(CONFIG, "lr", lr)
    assert controller._requests.take_settings() == {}  # noqa: SLF001 - nothing was queued


@pytest.mark.parametrize("how", ["completed", "stopped", "diverged", "failed"])
def test_a_run_holds_its_training_lock_until_it_ends_however_it_ends(
    qtbot, controller, monkeypatch, how
):
    """The Runs list tells a run training from one whose app was killed by this lock."""
    from nndesk.run_lock import is_held
    from nndesk.training import session as session_module

    config = CONFIG.replace(epochs=200) if how == "stopped" else CONFIG
    if how == "diverged":
        config = CONFIG.replace(optimizer="sgd", lr=1e30, epochs=3)
    if how == "failed":  # its model can be saved nowhere

        def full(self, path):
            raise OSError(28, "No space left on device", str(path))

        monkeypatch.setattr(session_module.Session, "save", full)
    held_while_training: list[bool] = []
    controller.run_started.connect(
        lambda *_: held_while_training.append(is_held(controller.record.folder))
    )
    if how == "stopped":
        controller.batches_finished.connect(lambda _reports: controller.stop())
    run_to_the_end(qtbot, controller, config)
    record = controller.record
    assert held_while_training == [True]
    assert record.lock is None and not is_held(record.folder)
    (listed,) = controller.store.list()
    assert listed.status == how


def test_a_diverged_run_is_reported_without_runtime_warnings(qtbot, controller, recwarn):
    """The loop's finite check says a run diverged; the overflowing passes after it (the
    Inside page's sample, the test set's scores, calibration) do not print RuntimeWarnings."""
    run_to_the_end(qtbot, controller, CONFIG.replace(optimizer="sgd", lr=1e30, epochs=3))
    (listed,) = controller.store.list()
    assert listed.status == "diverged"
    assert [str(w.message) for w in recwarn if issubclass(w.category, RuntimeWarning)] == []


def test_a_diverged_run_keeps_its_record_and_curves_and_saves_no_model_as_the_cli(
    qtbot, controller
):
    """fix54a #1: the CLI saves no model of a run that diverged; the window wrote one into its
    run folder (not offered since stop 53, so only clutter, and Open model could still pick
    it). The run is listed, diverged, with its curves; no model file, nothing put in use."""
    from nndesk.models import list_models

    seen = run_to_the_end(qtbot, controller, CONFIG.replace(optimizer="sgd", lr=1e30, epochs=3))
    (record,) = seen["saved"]
    assert seen["ready"] == [] and controller.model_path is None
    assert record.status == "diverged" and record.model_file is None
    assert record.model_path is None and list(record.folder.glob("*.npz")) == []
    (listed,) = controller.store.list()
    assert listed.status == "diverged" and listed.model_path is None
    stored = RunStore(controller.store.root).load(record.run_id)
    assert len(stored.curves.batch_loss) == len(controller.curves.batch_loss) >= 1
    assert "learning rate" in stored.message
    assert [e.source for e in list_models(runs_root=controller.store.root)].count("saved") == 0


@pytest.mark.parametrize("lr", [50.0, 1000.0])
def test_a_diverged_runs_curves_show_its_loss_leaving_the_chart(qtbot, controller, lr):
    """A newcomer's walk: SGD at lr 1000 diverged at batch 2 (loss 3.5e9) and the loss charts
    were blank (the loss that ended the run was not in the curves; one batch drew nothing).
    The run's curves, live and saved, keep that loss; the plot keeps the other batches'
    range, draws the lone first batch as a point and marks the loss with its value."""
    from matplotlib.figure import Figure

    from nndesk.curves import LiveCurves
    from nndesk.curves.marks import off_chart

    run_to_the_end(qtbot, controller, CONFIG.replace(optimizer="sgd", lr=lr, epochs=3))
    stored = RunStore(controller.store.root).load(controller.record.run_id)
    assert stored.status == "diverged"
    for curves in (controller.curves, stored.curves):
        losses = curves.batch_loss
        assert off_chart(losses) == losses[-1] and losses[-1] >= 100 * max(losses[0], 1.0)
        ax_batch, ax_loss, ax_acc = Figure().subplots(1, 3)
        live = LiveCurves(ax_batch, ax_loss, ax_acc)
        live.batches_per_epoch = 4
        live.update(curves)
        low, top = ax_batch.get_ylim()
        assert low <= min(losses[:-1]) and max(losses[:-1]) <= top < losses[-1]
        (arrow, label) = live.off_chart_marks()
        assert "off the chart" in label.get_text() and arrow.xy[0] == curves.batch_x[-1]
        if len(losses) == 2:
            assert live.batch_line.get_marker() == "o"


@pytest.mark.parametrize("refusal", ["read-only", "a file"])
def test_a_runs_folder_that_takes_no_run_folder_still_trains_and_saves_in_the_nndesk_folder(
    qtbot, controller, monkeypatch, refusal
):
    """walk52 D4: with the runs folder read-only the window said "cannot make a run folder"
    and trained nothing, while the CLI trained and saved the model in the nndesk folder. The
    window does the same, and one signal says why and where the model goes."""
    import errno
    from pathlib import Path

    from nndesk.paths import data_dir

    root = controller.store.root
    if refusal == "a file":
        root.write_text("not a folder")
    else:
        real_mkdir = Path.mkdir

        def read_only(self, *args, **kwargs):
            if self.parent == root:
                raise OSError(errno.EROFS, "Read-only file system", str(self))
            return real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", read_only)
    told: dict[str, list] = {"refused": [], "elsewhere": [], "record": [], "failed": []}
    controller.run_folder_refused.connect(lambda *args: told["refused"].append(args))
    controller.saved_elsewhere.connect(lambda *args: told["elsewhere"].append(args))
    controller.record_unsaved.connect(lambda *args: told["record"].append(args))
    controller.failed.connect(lambda message, _offer: told["failed"].append(message))
    seen = run_to_the_end(qtbot, controller)
    assert told["failed"] == [] and told["elsewhere"] == [] and told["record"] == []
    ((folder, reason, where),) = told["refused"]  # one message, at the start
    assert folder == str(root)
    assert reason == (
        "Read-only file system" if refusal == "read-only" else "it is a file, not a folder"
    )
    saved = controller.model_path
    assert where == str(saved) and saved.parent == data_dir() and saved.is_file()
    assert saved.name == f"nndesk-{controller.record.run_id}.npz"
    record = seen["saved"][0]
    assert record.status == "completed" and controller.curves.epochs == [1, 2]
    assert Classifier.from_file(saved).model is not None


def test_a_runs_record_is_written_off_the_gui_thread_its_first_one_too(
    qtbot, controller, monkeypatch
):
    """An fsync on a slow disk froze the window: no write of a run's run.json happens on the
    GUI thread, the first one at the Train click included (start() makes the folder and takes
    its lock there: a refusal is said at once), and the last one written is the whole run."""
    from nndesk import runs

    written: list[tuple[bool, str]] = []  # (on the GUI thread, the status written)
    real = runs.atomic_write_text
    gui = threading.get_ident()

    def watched(path, text):
        written.append((threading.get_ident() == gui, json.loads(text)["status"]))
        return real(path, text)

    monkeypatch.setattr(runs, "atomic_write_text", watched)
    seen = run_to_the_end(qtbot, controller)
    assert written[0] == (False, "running")
    assert not any(on_gui for on_gui, _ in written), written
    assert written[-1] == (False, "completed")
    stored = RunStore(controller.store.root).load(seen["saved"][0].run_id)
    assert stored.status == "completed" and stored.curves.epochs == [1, 2]


def test_saved_and_not_running_wait_for_the_records_last_write(qtbot, controller, monkeypatch):
    """A disk that takes its time (a network folder): the window goes on answering while the
    run's end is written; the run is said saved, its lock let go and the run over only once
    run.json holds its end."""
    from nndesk import runs
    from nndesk.run_lock import is_held

    gate, waiting = threading.Event(), threading.Event()
    real = runs.atomic_write_text

    def slow(path, text):
        if json.loads(text)["status"] != "running":  # the run's end
            waiting.set()
            gate.wait(timeout=20)  # a bound for a hang only (main wrote here, on the GUI thread)
        return real(path, text)

    monkeypatch.setattr(runs, "atomic_write_text", slow)
    saved, running = [], []
    controller.run_saved.connect(saved.append)
    controller.running_changed.connect(running.append)
    controller.start(CONFIG)
    qtbot.waitUntil(waiting.is_set, timeout=WAIT_MS)
    ticks = []  # the GUI thread's event loop runs while the write waits
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(1)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=WAIT_MS)
    timer.stop()
    folder = controller.record.folder
    assert saved == [] and running == [True] and controller.is_running() and is_held(folder)
    with qtbot.waitSignal(controller.running_changed, timeout=WAIT_MS):
        gate.set()
    assert running == [True, False] and [r.run_id for r in saved] == [controller.record.run_id]
    assert not is_held(folder)
    assert RunStore(controller.store.root).load(controller.record.run_id).status == "completed"


def _first_record_gated(monkeypatch) -> threading.Event:
    """A disk that takes the first run.json only once the returned gate opens."""
    from nndesk import runs

    gate = threading.Event()
    real = runs.atomic_write_text

    def slow(path, text):
        gate.wait(WAIT_MS / 1000)  # a bound for a hang only
        return real(path, text)

    monkeypatch.setattr(runs, "atomic_write_text", slow)
    return gate


def _started_held(tiny, tmp_path, monkeypatch):
    """A controller whose run has started, its data held back until ``release`` is set and
    its first run.json until ``gate`` is: (controller, release, gate)."""
    release = threading.Event()

    def waiting_provider(name):
        release.wait(WAIT_MS / 1000)
        return tiny

    gate = _first_record_gated(monkeypatch)
    controller = TrainingController(waiting_provider, RunStore(tmp_path / "runs"))
    controller.start(CONFIG)
    return controller, release, gate


def test_a_run_starting_is_not_listed_as_damaged_before_its_first_record_lands(
    qtbot, tiny, tmp_path, monkeypatch
):
    """Its folder is made at the click and its first run.json comes a moment later from the
    writer thread: a listing meanwhile (the Runs view, ``nndesk runs``) leaves it out."""
    controller, release, gate = _started_held(tiny, tmp_path, monkeypatch)
    folder = controller.record.folder
    assert folder.is_dir() and not (folder / "run.json").exists()
    assert controller.store.list() == []  # not a damaged row
    gate.set()
    qtbot.waitUntil(lambda: (folder / "run.json").exists(), timeout=WAIT_MS)
    ((listed,),) = [controller.store.list()]
    assert listed.run_id == controller.record.run_id and listed.status == "running"
    with qtbot.waitSignal(
        controller.running_changed, timeout=WAIT_MS, check_params_cb=lambda running: not running
    ):
        release.set()


def test_a_window_closed_right_after_the_click_waits_for_the_first_record(
    qtbot, controller, monkeypatch
):
    """The first run.json is on the writer thread: a window closing at once (the run started,
    its data read) still leaves the run's record on disk, whole."""
    gate = _first_record_gated(monkeypatch)
    started: list = []
    controller.run_started.connect(started.append)
    real_finish = controller._writes.finish

    def closing(timeout=None):
        gate.set()  # the disk answers once the window is closing, not before
        return real_finish(timeout)

    monkeypatch.setattr(controller._writes, "finish", closing)
    controller.start(CONFIG)
    qtbot.waitUntil(lambda: bool(started), timeout=WAIT_MS)
    assert not (controller.record.folder / "run.json").exists()
    assert controller.shutdown()
    stored = RunStore(controller.store.root).load(controller.record.run_id)
    assert stored.run_id == controller.record.run_id and stored.status != "running"


def test_a_run_stopped_before_it_started_leaves_no_folder_once_its_first_record_lands(
    qtbot, tiny, tmp_path, monkeypatch
):
    """A run that trained nothing is deleted: after its first run.json is written, which would
    otherwise make its folder again (a run "running" for ever, then "interrupted")."""
    controller, release, gate = _started_held(tiny, tmp_path, monkeypatch)
    folder = controller.record.folder
    controller.stop()
    release.set()
    qtbot.waitUntil(lambda: controller.record is None, timeout=WAIT_MS)  # its end is known
    gate.set()
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=WAIT_MS)
    assert controller.shutdown()
    assert not folder.exists() and controller.store.list() == []


def test_quitting_during_the_test_pass_saves_the_model_untested_without_the_rest(
    qtbot, controller, monkeypatch
):
    """Yes to "quit?" once the run has finished training (``quit_soon``) reaches the test pass
    under way: it stops at its next chunk, calibration is not begun, and the model is still
    saved (its record without a test accuracy, as a run stopped by quitting)."""
    from nndesk.training.session import Session

    real_test, real_calibrate = Session.evaluate_test, Session.calibrate
    asked: list[str] = []

    def evaluate_test(session, **kw):
        asked.append("test")
        controller.quit_soon()  # the user's Yes, come while the test pass is under way
        return real_test(session, **kw)

    def calibrate(session, **kw):
        asked.append("calibrate")
        return real_calibrate(session, **kw)

    monkeypatch.setattr(Session, "evaluate_test", evaluate_test)
    monkeypatch.setattr(Session, "calibrate", calibrate)
    seen = run_to_the_end(qtbot, controller)
    assert asked == ["test"]
    (record,) = seen["saved"]
    assert record.status == "completed" and record.model_path.is_file()
    assert "test_accuracy" not in record.metrics  # not measured: Evaluate measures it later
    (clf,) = seen["ready"]
    assert clf.path == record.model_path and "calibration" not in clf.info
