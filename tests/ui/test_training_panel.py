"""The training panel and its controller, offscreen, on a tiny learnable dataset."""

from __future__ import annotations

import csv
import dataclasses
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from nndesk.controllers.training import TrainingController
from nndesk.data.dataset import Dataset
from nndesk.data.idx import read_idx_images, read_idx_labels
from nndesk.errors import DataError
from nndesk.inference import Classifier
from nndesk.presets import get_preset
from nndesk.run_curves import Curves
from nndesk.runs import RunStore
from nndesk.settings_schema import MAX_EPOCHS
from tests.ui.conftest import (
    fill_the_disk_after_the_first_record_write,
    press_continue,
    training_page,
)

WAIT_MS = 60_000  # a bound for a hang only: a condition met sooner ends the wait


@pytest.fixture
def tiny_dataset(tiny_idx_dir) -> Dataset:
    def part(kind, split):
        reader = read_idx_images if kind == "images" else read_idx_labels
        return reader(tiny_idx_dir / f"{split}-{kind}-idx{3 if kind == 'images' else 1}-ubyte.gz")

    return Dataset(
        name="mnist",
        class_names=tuple(str(i) for i in range(10)),
        preprocess="digits",
        train_images=part("images", "train"),
        train_labels=part("labels", "train").astype(np.int64),
        test_images=part("images", "t10k"),
        test_labels=part("labels", "t10k").astype(np.int64),
    )


def make_panel(qtbot, tmp_path, provider, writes=None, before_close=None):
    widget = training_page(TrainingController(provider, RunStore(tmp_path / "runs")), writes=writes)
    qtbot.addWidget(widget, before_close_func=before_close)
    widget.resize(1200, 800)
    widget.show()
    form = widget.form
    form.dataset.setCurrentIndex(form.dataset.findData("mnist"))
    form.arch.setText("784-16-10")
    form.batch_size.setValue(20)
    form.epochs.setValue(2)
    form.val_fraction.setValue(20)
    form._on_arch_timer_timeout()  # skip the typing debounce
    return widget


@pytest.fixture
def panel(qtbot, tiny_dataset, tmp_path):
    asked: list[str] = []

    def provider(name):
        asked.append(name)
        return tiny_dataset

    widget = make_panel(qtbot, tmp_path, provider)
    widget.asked = asked
    yield widget
    widget.shutdown()


@pytest.fixture
def slow_panel(qtbot, tiny_dataset, tmp_path):
    """A panel whose data loads only once ``slow_panel.loaded`` is set: a run is in its
    "Starting…" state, before its first batch, until the test sets it."""
    loaded = threading.Event()

    def slow_provider(name):
        loaded.wait(WAIT_MS / 1000)
        return tiny_dataset

    # pytest-qt closes the panel (which joins its worker) before this fixture's teardown runs:
    # the data must "arrive" first, or the close waits for the worker stuck in slow_provider
    widget = make_panel(qtbot, tmp_path, slow_provider, before_close=lambda _: loaded.set())
    widget.loaded = loaded
    yield widget
    loaded.set()
    widget.shutdown()


def wait_until_idle(qtbot, panel):
    if panel.controller.is_running():
        with qtbot.waitSignal(
            panel.controller.running_changed, timeout=WAIT_MS, check_params_cb=lambda r: not r
        ):
            pass
    qtbot.waitUntil(lambda: not panel.plot.draw_pending(), timeout=WAIT_MS)  # the last redraw


def start_long_run(qtbot, panel, epochs=100_000):
    """A run that cannot end while a test looks at it (1,000 epochs of the tiny set took ~13 s:
    a loaded machine let one end before the test's pause, and its last change never applied)."""
    panel.form.batch_size.setValue(10)
    # past the form's own maximum of epochs: the config is given directly
    assert panel.start_training(panel.form.config().replace(epochs=epochs))
    qtbot.waitUntil(lambda: panel.controller.batches_done >= 3, timeout=WAIT_MS)


def start_held_run(qtbot, panel, batches: int = 1, epochs: int = 100_000):
    """A ``slow_panel`` run of batches of 10 held before its first batch (its data withheld
    until paused), then ``batches`` stepped one at a time: it stops where the test says on any
    machine, and trains on no core while the test reads the page (``start_long_run`` then a
    pause let it train on under load until the pause came). Returns the last batch's report."""
    panel.form.batch_size.setValue(10)
    assert panel.start_training(panel.form.config().replace(epochs=epochs))
    panel.controller.pause()  # held before its first batch: its data waits for the test
    panel.loaded.set()
    qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)
    report = None
    for _ in range(batches):
        with qtbot.waitSignal(panel.controller.batch_finished, timeout=WAIT_MS) as stepped:
            panel.controller.step()
        report = stepped.args[0]
    assert panel.controller.is_paused() and panel.controller.batches_done == batches
    return report


def stop_inside_the_first_epoch(qtbot, panel) -> None:
    """A run started and stopped before its first epoch ended: no epoch kept for Replay."""
    panel.controller.set_slow_motion(1.0)  # epoch 1 lasts 16 s: the stop comes inside it
    assert panel.start_training()
    qtbot.waitUntil(lambda: panel.controller.batches_done >= 1, timeout=WAIT_MS)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert len(panel.controller.replay) == 0


def test_train_runs_to_the_end_and_the_plots_hold_one_point_per_epoch(qtbot, panel, tiny_dataset):
    panel.form.test_every_epoch.setChecked(True)
    # two epochs are enough to learn the blobs with [0, 1] inputs
    panel.form.lr.setText("0.005")
    panel.form.normalize.setCurrentIndex(panel.form.normalize.findData("unit"))
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS) as ready:
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)

    assert panel.asked == ["mnist"]
    assert list(panel.live.train_loss_line.get_xdata()) == [1.0, 2.0]
    assert list(panel.live.val_acc_line.get_xdata()) == [1.0, 2.0]
    assert len(panel.live.batch_line.get_xdata()) == 2 * 8  # 160 training images / 20
    assert len(panel.live.test_acc_line.get_xdata()) == 2
    assert panel.progress.value() == panel.progress.maximum()
    assert panel.progress.text().startswith("Finished")
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()
    # the app is handed the final model, and it has learned the blobs
    clf = ready.args[0]
    assert isinstance(clf, Classifier)
    predicted = np.argmax(clf.probabilities(tiny_dataset.test_images), axis=1)
    assert np.mean(predicted == tiny_dataset.test_labels) > 0.7


def test_a_run_appears_in_history_and_its_model_loads(qtbot, panel, tiny_dataset, tmp_path):
    panel.start_training()
    wait_until_idle(qtbot, panel)

    records = panel.runs_view.records()
    assert len(records) == 1 and panel.runs_view.row_count() == 1
    record = records[0]
    assert record.status == "completed"
    assert record.curves.epochs == [1, 2]
    assert 0.0 <= record.test_accuracy <= 1.0
    clf = Classifier.from_file(record.model_path)
    assert clf.class_names == tiny_dataset.class_names
    assert [h["epoch"] for h in clf.info["history"]] == [1, 2]

    saved = panel.save_model_to(tmp_path / "mine")
    assert saved.name == "mine.npz"
    assert Classifier.from_file(saved).info["history"] == clf.info["history"]
    png = panel.export_curves_png(tmp_path / "curves.png")
    assert png.read_bytes()[:4] == b"\x89PNG"
    with open(panel.export_history_csv(tmp_path / "h.csv")) as f:
        rows = list(csv.DictReader(f))
    assert [r["epoch"] for r in rows] == ["1", "2"]


def test_loaded_model_continues_training_and_its_history(qtbot, panel):
    panel.start_training()
    wait_until_idle(qtbot, panel)
    first = panel.runs_view.records()[0]

    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        panel.load_model(first.model_path)
    assert list(panel.curves.epochs) == [1, 2]
    assert panel.resume_button.isEnabled()
    panel.form.dataset.setCurrentIndex(panel.form.dataset.findData("fashion"))
    press_continue(qtbot, panel, epochs=2)
    wait_until_idle(qtbot, panel)
    assert panel.asked[-1] == "mnist"  # the model's own dataset, whatever the form says

    records = panel.runs_view.records()
    assert len(records) == 2 and records[1].run_id == first.run_id  # newest first
    latest = records[0]
    assert latest.resumed_from == str(first.model_path)
    assert latest.curves.epochs == [1, 2, 3, 4]
    assert list(panel.live.train_loss_line.get_xdata()) == [1.0, 2.0, 3.0, 4.0]


def test_a_loaded_model_stopped_inside_an_epoch_continues_its_runs_batch_curve(qtbot, panel):
    """fixW #5: a run stopped part way into an epoch, its model opened again (Use model, a
    restart, Load model…) and continued: the Live batch chart began at the stopped batch with
    nothing before it (the page showed the run's batches, but Continue trained from the file's
    per-epoch history alone). It goes on from the run's own batch curve."""
    panel.form.epochs.setValue(200)
    panel.form.batch_size.setValue(10)  # 13 batches an epoch: a stop after 3 is inside one

    def stop_after_the_first_batches(_reports):
        if panel.controller.batches_done >= 3:
            panel.controller.stop()

    panel.controller.batches_finished.connect(stop_after_the_first_batches)
    panel.controller.set_slow_motion(0.05)  # held, so the stop comes inside the first epochs
    panel.start_training()
    wait_until_idle(qtbot, panel)
    panel.controller.batches_finished.disconnect(stop_after_the_first_batches)
    panel.controller.set_slow_motion(0)
    stopped = panel.runs_view.records()[0]
    assert stopped.status == "stopped" and len(stopped.curves.batch_x) >= 3
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        panel.load_model(stopped.model_path)
    assert panel.curves.batch_x == stopped.curves.batch_x  # the page shows the run's batches
    press_continue(qtbot, panel, epochs=1)
    wait_until_idle(qtbot, panel)
    continued = panel.runs_view.records()[0]
    assert continued.resumed_from == str(stopped.model_path)
    old = stopped.curves.batch_x
    assert continued.curves.batch_x[: len(old)] == old  # the stopped run's points, then more
    assert len(continued.curves.batch_x) > len(old)
    drawn = list(panel.live.batch_line.get_xdata())
    assert drawn[0] == pytest.approx(old[0])  # the Live chart's curve starts at batch 1


def test_selecting_two_runs_overlays_both(qtbot, panel):
    panel.form.epochs.setValue(1)
    for width in ("784-8-10", "784-24-10"):
        panel.form.arch.setText(width)
        panel.form._on_arch_timer_timeout()
        panel.start_training()
        wait_until_idle(qtbot, panel)
    view = panel.runs_view
    view.select_runs([r.run_id for r in view.records()])
    # the Runs tab is hidden: its curves wait until it is shown, off the run's busy moments
    assert view.plotted == [] and view.chart.pixmap().isNull()
    with qtbot.waitSignal(view.rendered, timeout=WAIT_MS):
        panel.tabs.setCurrentWidget(view)
    # the legend names what differs between the runs
    assert sorted(label for label, _ in view.plotted) == ["784-24-10", "784-8-10"]
    assert not view.chart.pixmap().isNull()


def test_stop_ends_training_within_one_batch(qtbot, panel):
    start_long_run(qtbot, panel)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    # read after the stop flag is set: only the batch in flight at this moment may still finish
    done_at_stop = panel.controller.batches_done
    assert done_at_stop < 1000 * 16  # the run was stopped long before its end
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS) as ended:
        pass
    assert ended.args[0].reason == "stopped"
    assert panel.controller.batches_done <= done_at_stop + 1
    wait_until_idle(qtbot, panel)
    record = panel.runs_view.records()[0]
    assert record.status == "stopped"
    assert record.model_path.is_file()  # a stopped run still keeps its model


def test_pause_holds_the_batch_count_still_until_resume(qtbot, panel, monkeypatch):
    start_long_run(qtbot, panel)
    # while paused the training loop sleeps between polls of the pause flag: each of those
    # sleeps records how many batches were done, so "held still" is read, not waited for
    done_at_sleep: list[int] = []
    real_sleep = time.sleep

    def recording_sleep(seconds: float) -> None:
        done_at_sleep.append(panel.controller.batches_done)
        real_sleep(seconds)

    monkeypatch.setattr(time, "sleep", recording_sleep)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: len(done_at_sleep) >= 6, timeout=WAIT_MS)
    held = done_at_sleep[-1]
    assert done_at_sleep[-5:] == [held] * 5  # five polls of the pause flag, no batch between
    qtbot.waitUntil(lambda: panel.speed.text().startswith("PAUSED"), timeout=WAIT_MS)
    assert "ETA" not in panel.speed.text()  # nothing runs: no time left counts down (walk49)
    monkeypatch.setattr(time, "sleep", real_sleep)

    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.controller.batches_done > held + 2, timeout=WAIT_MS)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_shutting_down_during_training_leaves_no_thread_running(qtbot, panel):
    start_long_run(qtbot, panel)
    thread = panel.controller.thread
    assert thread is not None and thread.isRunning()
    assert panel.shutdown(timeout_ms=60_000)  # True: the thread finished within the timeout
    assert thread.isFinished()
    assert not panel.controller.is_running()


def test_learning_rate_changes_while_training_and_the_curve_marks_it(qtbot, panel):
    start_long_run(qtbot, panel)
    panel.live_lr.setText("2e-4")
    with qtbot.waitSignal(panel.controller.lr_changed, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    x, lr = changed.args
    assert lr == pytest.approx(2e-4)
    with qtbot.waitSignal(panel.controller.batch_finished, timeout=WAIT_MS) as batch:
        pass
    assert batch.args[0].lr == pytest.approx(2e-4)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert panel.curves.lr_changes == [(x, lr)]
    marks = [ln for ln in panel.live.axes[0].lines if ln.get_linestyle() == ":"]
    assert len(marks) == 1 and marks[0].get_xdata()[0] == pytest.approx(x)
    assert panel.runs_view.records()[0].curves.lr_changes == [(x, lr)]


def test_invalid_fields_are_refused_with_a_reason(qtbot, panel):
    form = panel.form
    form.arch.setText("784-6x-10")
    qtbot.waitUntil(lambda: "arch" in form.errors(), timeout=WAIT_MS)  # the typing settled
    assert "'6x' is not a width" in form.errors()["arch"]
    assert not panel.train_button.isEnabled()
    form.arch.setText("784-16-10")
    qtbot.waitUntil(lambda: "arch" not in form.errors(), timeout=WAIT_MS)
    assert form.arch_summary.text() == "784-16-10 \N{RIGHTWARDS ARROW} 12,730 parameters"
    form.lr.setText("0")
    assert form.errors()["lr"] == "must be greater than 0"
    form.lr.setText("1e-3")
    form.loss.setCurrentIndex(form.loss.findData("bce"))
    assert "sigmoid" in form.errors()["loss"]
    form.output.setCurrentIndex(form.output.findData("sigmoid"))
    assert form.is_valid() and panel.train_button.isEnabled()
    assert form.config().loss == "bce"
    form.optimizer.setCurrentIndex(form.optimizer.findData("adam"))
    form.eps.setText("0")
    assert form.errors()["eps"] == "must be greater than 0"
    assert not panel.train_button.isEnabled()
    form.eps.setText("1e-7")
    assert form.is_valid() and form.config().eps == 1e-7
    form.eps.setText("")
    assert form.config().eps is None  # empty: the optimizer's own default
    assert form.prelu_init.isHidden()  # only PReLU has a starting slope
    form.activation.setCurrentIndex(form.activation.findData("prelu"))
    assert not form.prelu_init.isHidden()
    form.prelu_init.setValue(0.0)
    assert form.config().prelu_init == 0.0


def test_an_image_folder_must_exist(qtbot, panel, tmp_path):
    form = panel.form
    form.dataset.setCurrentIndex(form.dataset.findData("folder"))
    assert "choose a folder" in form.errors()["folder"]
    form.folder.setText(str(tmp_path / "nowhere"))
    assert form.errors()["folder"].endswith("is not a folder")
    assert not panel.train_button.isEnabled()
    form.folder.setText(str(tmp_path))
    assert form.is_valid()
    assert form.config().dataset == str(tmp_path)


def test_a_preset_fills_every_field(qtbot, panel):
    panel.form.apply_preset("mnist-relu-sigmoid-unit")
    config = panel.form.config()
    assert config == get_preset("mnist-relu-sigmoid-unit").config
    assert (config.arch, config.output, config.loss, config.normalize) == (
        "784-784-10",
        "sigmoid",
        "bce",
        "unit",
    )
    assert panel.form.arch_summary.text().endswith("623,290 parameters")
    panel.form.epochs.setValue(7)
    assert panel.form.preset.currentData() == ""  # edited: no longer the preset


def test_a_failing_run_shows_its_reason_and_the_panel_stays_usable(qtbot, tmp_path):
    def provider(name):
        raise DataError("MNIST is not on this computer")

    panel = make_panel(qtbot, tmp_path, provider)
    with qtbot.waitSignal(panel.controller.failed, timeout=WAIT_MS):
        panel.start_training()
    wait_until_idle(qtbot, panel)
    box = panel.message_box()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "MNIST is not on this computer"
    assert panel.train_button.isEnabled()


def test_an_unexpected_crash_is_reported_in_one_line(qtbot, tmp_path, caplog):
    def provider(name):
        raise RuntimeError("boom")

    panel = make_panel(qtbot, tmp_path, provider)
    with qtbot.waitSignal(panel.controller.failed, timeout=WAIT_MS) as failed:
        panel.start_training()
    assert failed.args[0] == "training failed: RuntimeError: boom"
    wait_until_idle(qtbot, panel)
    assert not panel.controller.is_running()
    # walk63 D1: a bug's one line cannot say where it arose; its traceback goes to the log
    (logged,) = [r for r in caplog.records if r.exc_info is not None]
    assert logged.exc_info[0] is RuntimeError and logged.exc_info[2] is not None


def test_an_unexpected_crash_is_said_in_the_windows_language_and_bad_input_not_logged(qapp, caplog):
    """walk63 D1: "training failed: SystemError: ..." was English in a Vietnamese window."""
    from nndesk.controllers.training import failure_line
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        line = failure_line(RuntimeError("boom"))
        said = failure_line(DataError("MNIST is not on this computer"))
    finally:
        language.use_language("en")
    assert line == "huấn luyện thất bại: RuntimeError: boom"
    assert said.endswith("MNIST is not on this computer")  # bad input: no traceback
    assert [r.exc_info[0] for r in caplog.records if r.exc_info] == [RuntimeError]


def test_a_narrow_page_moves_the_settings_into_a_tab(qtbot, panel):
    panel.resize(640, 700)
    qtbot.waitUntil(lambda: panel.tabs.indexOf(panel.settings) == 0)
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "Settings",
        "Live",
        "Inside",
        "Replay",
        "Runs",
    ]
    panel.start_training()
    assert panel.tabs.currentWidget() is panel.live_page  # Train shows the curves
    wait_until_idle(qtbot, panel)
    panel.resize(1200, 800)
    qtbot.waitUntil(lambda: panel.tabs.indexOf(panel.settings) == -1)
    assert panel.splitter.indexOf(panel.settings) == 0


def test_a_run_that_fails_to_start_does_not_stay_starting(qtbot, tmp_path):
    def provider(name):
        raise DataError("MNIST is not on this computer")

    panel = make_panel(qtbot, tmp_path, provider)
    with qtbot.waitSignal(panel.controller.failed, timeout=WAIT_MS):
        panel.start_training()
    wait_until_idle(qtbot, panel)
    assert "Starting" not in panel.title.text() and "Starting" not in panel.progress.text()
    assert panel.progress.text() == "Failed: MNIST is not on this computer"


def test_a_failed_runs_long_reason_stays_on_the_bars_one_line_and_is_whole_under_it(
    qtbot, tmp_path
):
    # walk qa39: a truncated IDX file's reason wrapped inside the one-line bar, both lines cut
    # at top and bottom, over "Speed, loss and accuracy appear after the first batch."
    reason = (
        "/home/student/Downloads/fashion-mnist/t10k-images-idx3-ubyte.gz: cannot read (the "
        "gzip stream ends early); the file is corrupt or truncated"
    )

    def provider(name):
        raise DataError(reason)

    panel = make_panel(qtbot, tmp_path, provider)
    with qtbot.waitSignal(panel.controller.failed, timeout=WAIT_MS):
        panel.start_training()
    wait_until_idle(qtbot, panel)
    assert panel.speed.text() == f"Failed: {reason}"  # the line under the bar wraps
    bar = panel.progress
    assert bar.text() == f"Failed: {reason}"
    shown = bar.shown_text()  # what the bar paints
    assert shown.startswith("Failed: /home/student/") and shown.endswith("…")
    assert bar.fontMetrics().horizontalAdvance(shown) < bar.contentsRect().width()


def test_stop_says_stopping_at_once_and_pause_stays_off_until_the_run_is_saved(qtbot, panel):
    start_long_run(qtbot, panel)
    states: list = []
    buttons = (panel.pause_button, panel.stop_button, panel.step_button)
    panel.controller.run_ended.connect(
        lambda ended: states.append((
            panel.pause_button.isEnabled(), panel.progress.text(),
            [b.isEnabled() for b in buttons], [b.toolTip() for b in buttons],
        ))
    )  # fmt: skip
    # walk66 #11: the line under the bar says what it does after the loop, no frozen ETA
    lines: list[str] = []
    panel.controller.status_changed.connect(lambda _text: lines.append(panel.speed.text()))
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert panel.progress.text() == "Stopping…"
    assert not panel.pause_button.isEnabled() and not panel.stop_button.isEnabled()
    with qtbot.waitSignal(panel.controller.run_saved, timeout=WAIT_MS):
        pass
    assert states and not states[0][0]  # Pause was off while the model was tested and saved
    # ... and Stop and Step, their tips saying why (walk68 D4: greyed, they read as enabled)
    assert states[0][2] == [False, False, False]
    assert all("its model is being tested and saved" in tip for tip in states[0][3])
    assert lines[-3:] == [
        "Testing the model…",
        "Calibrating the probabilities…",
        "Saving the model…",
    ]
    assert panel.progress.text().startswith("Stopped: by you, after ")
    assert " on MNIST · model saved" in panel.speed.text()  # as the window names it, not "mnist"
    wait_until_idle(qtbot, panel)
    assert panel.train_button.isEnabled()
    assert panel.pause_button.toolTip().startswith("hold training after the current batch")
    assert panel.step_button.toolTip() == "paused: train one batch, then hold again"


@pytest.mark.parametrize(
    ("normalize", "words"),
    [("symmetric", "pixels -1 to 1"), ("unit", "pixels 0 to 1"), ("raw", "pixels 0 to 255")],
)
def test_the_headline_says_the_input_scaling_in_plain_words(qtbot, panel, normalize, words):
    """Probe 16d: "fashion 784-64-64-10 relu adam lr=0.001 symmetric" ("symmetric"?)."""
    from nndesk.run_titles import describe_config

    panel.form.normalize.setCurrentIndex(panel.form.normalize.findData(normalize))
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "samples/s" in panel.speed.text(), timeout=WAIT_MS)
    assert panel.title.text().endswith(f"lr=0.001, batch 10, {words}")  # start_long_run: 10
    assert normalize not in panel.title.text()
    # the stored title and the CLI keep the setting's own word
    assert describe_config(panel.form.config().to_dict()).endswith(f" {normalize}")
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)


def test_the_headline_shows_the_learning_rate_set_during_the_run_after_the_starting_one(
    qtbot, panel
):
    """walk60 D2: the headline put the rate set by hand in place of the run's own ("Adam lr=50"
    for a lab started at 0.001), as if the run had started with it. walk64 D8: it then named
    two rates ("Adam lr=0.0005 … · lr 0.002"); one now, said as set by hand, with the one it
    replaced."""
    said = []
    panel.status_message.connect(said.append)
    panel.form.lr.setText("0.005")
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "samples/s" in panel.speed.text(), timeout=WAIT_MS)
    assert "lr=0.005" in panel.title.text()
    panel.live_lr.setText("2e-4")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    # in the run's rate's place (walk64 D21: after the settings it was cut off in Vietnamese)
    assert " Adam, lr\u00a00.0002 (set by hand; was 0.005), batch " in panel.title.text()
    assert "lr=" not in panel.title.text()
    assert said[-1] == "From the next batch: lr 0.0002"  # a constant rate: nothing stops
    qtbot.waitUntil(lambda: "lr" not in panel.steering.unapplied, timeout=WAIT_MS)  # used
    assert panel.live_lr.value() == pytest.approx(0.0002)  # "LR now" says the rate in use,
    assert "lr" not in panel.speed.text()  # the line under the bar not again (walk68 D2)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_the_headline_names_the_rate_in_force_when_it_was_set_by_hand(qtbot, panel):
    """verify64 D-A: in a step-decay run the headline said "(set by hand; was 0.005)", the
    start rate, where the schedule had halved it each epoch (the coach, in the same view, said
    "raised from" the halved rate). The "was" is the rate the hand replaced."""
    from nndesk.i18n import rate_said

    used = []
    panel.controller.setting_changed.connect(used.append)
    panel.form.lr.setText("0.005")
    config = panel.form.config().replace(schedule="step", schedule_step=1, schedule_gamma=0.5)
    panel.form.set_config(config)
    start_long_run(qtbot, panel)
    last = lambda: panel.run_state.last_batch  # noqa: E731
    qtbot.waitUntil(lambda: last() is not None and last().epoch >= 2, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.paused_changed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    panel.live_lr.setText("2e-2")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    shown = panel.run_state.last_batch.lr  # what "LR now" said when the rate was set
    assert shown < 0.005 and f"(set by hand; was {rate_said(shown)}), batch " in panel.title.text()
    with qtbot.waitSignal(panel.controller.setting_changed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Resume
    change = used[-1]
    assert change.epoch >= 2 and change.before == pytest.approx(0.005 * 0.5 ** (change.epoch - 1))
    said = f" lr\u00a00.02 (set by hand; was {rate_said(change.before)}), batch "
    assert said in panel.title.text()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_the_coach_judges_an_epoch_as_it_ends_not_at_the_next_batch(qtbot, slow_panel, monkeypatch):
    """walk65 D4: the coach looked at the curves when batches came, so an epoch's validation
    loss was first judged at the next epoch's first batches; held at an epoch's end (To epoch
    end), it was not judged at all until Resume. It is judged as the epoch's report comes."""
    panel = slow_panel
    judged: list[int] = []  # the epochs on the curves at each look of the coach
    show = panel.coach.show_hints

    def recording(*args, **kwargs):
        judged.append(len(panel.curves.epochs))
        return show(*args, **kwargs)

    monkeypatch.setattr(panel.coach, "show_hints", recording)
    assert panel.start_training(panel.form.config().replace(epochs=3))
    panel.controller.pause()  # held before its first batch: its data waits for the test
    panel.loaded.set()
    with qtbot.waitSignal(panel.controller.batches_finished, timeout=WAIT_MS):
        panel.controller.step()
    with qtbot.waitSignal(panel.controller.epoch_finished, timeout=WAIT_MS):
        panel.controller.step_epoch()  # the rest of epoch 1, then held at its end
    assert judged and judged[-1] == 1
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_to_epoch_end_is_offered_before_the_first_batch_and_trains_epoch_one(qtbot, slow_panel):
    """walk69 D9: paused at "Preparing the network…", "To epoch end" trains epoch 1 from its
    first batch and holds at its end (it did nothing, then greyed itself)."""
    panel = slow_panel
    assert panel.start_training(panel.form.config().replace(epochs=3))
    panel.controller.pause()  # held before its first batch: its data waits for the test
    qtbot.waitUntil(panel.epoch_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.epoch_finished, timeout=WAIT_MS) as epoch:
        qtbot.mouseClick(panel.epoch_button, Qt.MouseButton.LeftButton)
        panel.loaded.set()
    assert epoch.args[0].epoch == 1
    last = panel.controller.last_batch
    assert (last.epoch, last.batch) == (1, last.batches) and panel.controller.is_paused()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_rate_set_during_a_scheduled_run_says_the_schedule_stops(qtbot, panel):
    """walk60 D2: Set LR in an exp-decay run kept the rate for the rest of the run (the loop's
    rule) and nothing on screen said the schedule had stopped."""
    said = []
    panel.status_message.connect(said.append)
    assert "a schedule then no longer changes the rate" in panel.lr_button.toolTip()
    panel.form.set_config(panel.form.config().replace(schedule="exp", schedule_step=1))
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "samples/s" in panel.speed.text(), timeout=WAIT_MS)
    panel.live_lr.setText("2e-4")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    assert said[-1] == (
        "From the next batch: lr 0.0002; the learning-rate schedule “exponential after N "
        "epochs” no longer changes the rate in this run"
    )
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_the_coachs_set_it_back_gives_the_rate_back_to_the_schedule_and_says_so(qtbot, panel):
    """walk64 D1: after a raise in an exp-decay run, the coach's "set it back" set the old
    rate by hand; the line kept "(set by hand; schedule … off)" and the decay never came.
    Given back, the schedule sets the rate again: the status line says so, the progress
    line and the headline no longer name a rate set by hand."""
    from nndesk.setting_changes import RATE_FROM_SCHEDULE

    said, used = [], []
    panel.status_message.connect(said.append)
    panel.controller.setting_changed.connect(used.append)
    panel.form.set_config(panel.form.config().replace(schedule="exp", schedule_step=1))
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "samples/s" in panel.speed.text(), timeout=WAIT_MS)
    panel.live_lr.setText("2e-2")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [c.value for c in used] == [0.02], timeout=WAIT_MS)  # trained
    assert "set by hand" in panel.speed.text()
    assert "Adam, lr\u00a00.02 (set by hand" in panel.title.text()
    panel._on_coach_fix_requested({RATE_FROM_SCHEDULE: True})  # the hint's button
    assert said[-1] == (
        "From the next batch: the learning-rate schedule “exponential after N epochs” sets "
        "the rate again, as before it was set by hand"
    )
    qtbot.waitUntil(lambda: any(c.scheduled for c in used), timeout=WAIT_MS)
    back = next(c for c in used if c.scheduled)
    assert back.before == pytest.approx(0.02) and back.value < 0.02
    qtbot.waitUntil(lambda: "set by hand" not in panel.speed.text(), timeout=WAIT_MS)
    assert "lr\u00a00.02" not in panel.title.text()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_rate_set_but_never_used_before_a_stop_leaves_the_headline_naming_the_rate_used(
    qtbot, panel
):
    """Set LR while paused, then Stop: no batch trained with the new rate, so the finished
    run's headline names the rate it used (it named the unused one)."""
    panel.form.lr.setText("0.005")
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "lr=0.005" in panel.title.text(), timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.paused_changed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    used = []
    panel.controller.lr_changed.connect(lambda x, lr: used.append(lr))
    panel.live_lr.setText("2e-4")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    assert "lr\u00a00.0002" in panel.title.text()  # said at once while the run may still use it
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert used == []  # the paused run never reached a batch with it
    assert "lr=0.005" in panel.title.text() and "0.0002" not in panel.title.text()
    assert panel.live_lr.value() == pytest.approx(0.005)  # "LR now" too
    wait_until_idle(qtbot, panel)
    assert "lr=0.005" in panel.title.text()


def test_lr_now_keeps_the_rate_just_set_until_a_batch_uses_it(qtbot, panel):
    """walk67 #8: right after Set, a batch report at the old rate (trained before the new one
    reached the loop) put the old rate back in "LR now" for a moment: the student thought
    the change refused. The field keeps the rate set until the run reports it in use."""
    panel.form.lr.setText("0.005")
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: panel.run_state.last_batch is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.paused_changed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    old_report = panel.run_state.last_batch
    assert old_report.lr == pytest.approx(0.005)
    panel.live_lr.setText("2e-4")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    panel._on_controller_batches_finished((old_report,))  # a report still at the old rate
    assert panel.live_lr.value() == pytest.approx(2e-4)
    used = []
    panel.controller.setting_changed.connect(used.append)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # resume: a batch uses it
    qtbot.waitUntil(lambda: [c.value for c in used] == [pytest.approx(2e-4)], timeout=WAIT_MS)
    assert panel.live_lr.value() == pytest.approx(2e-4)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_rate_a_batch_used_before_the_stop_stays_in_the_headline(qtbot, panel):
    panel.form.lr.setText("0.005")
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "lr=0.005" in panel.title.text(), timeout=WAIT_MS)
    panel.live_lr.setText("2e-4")
    with qtbot.waitSignal(panel.controller.lr_changed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    # in the run's rate's place (walk64 D21: after the settings it was cut off in Vietnamese)
    assert " Adam, lr\u00a00.0002 (set by hand; was 0.005), batch " in panel.title.text()
    wait_until_idle(qtbot, panel)


def test_on_a_narrow_page_the_progress_line_keeps_one_line_and_its_height(qtbot, panel):
    """Vietnamese at 1024 px cut the rate off the end of "… · accuracy 77,9% · lr 0,001" (the
    line ends with the accuracy now: "LR now" says the rate, walk68 D2). It wrapped then; its
    second line kept the per-epoch charts below the fold at 1024x768 (fixL, s71): it keeps one
    line, its last parts for "…", every word of it in its tooltip."""
    speed = panel.speed
    panel.resize(500, 800)  # the page beside the drawing at 1024 px: settings in a tab

    def narrow() -> bool:
        panel.resize(500, 800)  # again once the settings have left the side
        return speed.width() <= 500

    qtbot.waitUntil(narrow, timeout=WAIT_MS)
    speed.setStyleSheet("font-size: 22px")  # as long as the Vietnamese line is at 1024 px
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: "samples/s" in speed.toolTip(), timeout=WAIT_MS)
    assert speed.heightForWidth(speed.width()) < speed.fontMetrics().lineSpacing() * 1.5
    assert speed.text().endswith("  ·  …")  # whole parts, then "…"
    assert speed.toolTip().rstrip().split("  ·  ")[-1].startswith("accuracy ")  # to its end
    tall = speed.minimumHeight()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert speed.minimumHeight() >= tall  # it never shrank while the run went on


def test_continue_is_enabled_after_a_run_and_continues_that_run(qtbot, panel):
    assert not panel.resume_button.isEnabled()  # nothing to continue yet
    panel.start_training()
    wait_until_idle(qtbot, panel)
    first = panel.runs_view.records()[0]
    assert panel.resume_button.isEnabled()
    assert "how many more epochs" in panel.resume_button.toolTip()
    headlines = []  # the page's own slot on run_started runs first: its headline is set
    panel.controller.run_started.connect(lambda _run: headlines.append(panel.title.text()))
    press_continue(qtbot, panel)  # one more: a quarter of the two trained, rounded up
    wait_until_idle(qtbot, panel)
    latest = panel.runs_view.records()[0]
    assert latest.resumed_from == str(first.model_path)
    assert latest.curves.epochs == [1, 2, 3]
    # two epochs were done: the run goes on from epoch 3 (it said "from epoch 2", probe 16d)
    assert headlines and headlines[0].startswith("Continuing from epoch 3: "), headlines
    # the batch curve goes on from the first run's points
    assert latest.curves.batch_x[: len(first.curves.batch_x)] == first.curves.batch_x
    assert len(latest.curves.batch_x) == len(first.curves.batch_x) + 8


def test_continue_after_a_stop_in_epoch_2_of_3_trains_to_epoch_3_and_every_text_agrees(
    qtbot, panel
):
    """Probe 33 item 9: a 5-epoch run stopped in epoch 2 and continued showed "Epoch 3/6",
    ended at 6 epochs in the Runs list, while the headline said "Continuing in epoch 2"."""
    panel.form.epochs.setValue(3)

    def stop_in_epoch_2(reports):
        if reports and reports[-1].epoch == 2 and reports[-1].batch >= 2:
            panel.controller.stop()

    # every batch on screen, half a second each: the stop lands in epoch 2 (or, on a machine
    # so loaded that the page hears of epoch 2 seconds late, in epoch 3), never after the run
    panel.controller.set_slow_motion(0.5)
    panel.controller.batches_finished.connect(stop_in_epoch_2)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    panel.controller.batches_finished.disconnect(stop_in_epoch_2)
    panel.controller.set_slow_motion(0.0)
    stopped = panel.runs_view.records()[0]
    assert stopped.status == "stopped" and stopped.last_epoch in (1, 2)
    going_on = stopped.last_epoch + 1  # the epoch it stopped in (or the next, at its end)
    formats, headlines = [], []
    panel.controller.run_started.connect(lambda _run: headlines.append(panel.title.text()))
    panel.controller.batches_finished.connect(lambda _r: formats.append(panel.progress.format()))
    press_continue(qtbot, panel)  # asked: the rest of its plan, at the rate it ended with
    wait_until_idle(qtbot, panel)
    # the epoch it goes on from, the first the progress bar counts (walk54 D6)
    assert headlines and headlines[0].startswith(f"Continuing from epoch {going_on}: "), headlines
    epochs_said = {f.split("  ·  ")[0] for f in formats if f.startswith("Epoch ")}
    assert "Epoch 3/3" in epochs_said, formats
    assert epochs_said <= {f"Epoch {e}/3" for e in range(going_on, 4)}, formats
    latest = panel.runs_view.records()[0]
    assert latest.curves.epochs == [1, 2, 3] and latest.last_epoch == 3
    assert latest.status == "completed"
    # once it ended, the page no longer says it is continuing, nor counts its part epoch whole
    # (it said "Continuing in epoch 2" and "trained 2 epochs" for half of epoch 2 and epoch 3)
    assert panel.title.text().startswith(f"Continued from epoch {going_on}: ")
    trained = "trained epochs 2 to 3" if going_on == 2 else "trained epoch 3"
    assert panel.progress.text() == f"Finished: {trained}"


def test_continue_after_a_stop_offers_the_rate_set_during_the_run_first(qtbot, panel):
    """A rate set by hand during a run stopped short is the rate Continue keeps by default
    (it went on at it unasked; it asks now, verify66 #1), the form still saying the start."""
    panel.form.lr.setText("0.005")
    start_long_run(qtbot, panel)
    with qtbot.waitSignal(panel.controller.lr_changed, timeout=WAIT_MS):  # a batch used it
        panel.live_lr.setText("2e-4")
        qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert panel.form.config().lr == pytest.approx(0.005)  # the form still says the start

    panel.form.epochs.setValue(1)
    started, headlines = [], []
    panel.controller.run_started.connect(started.append)
    # the page's own slot on run_started runs first: the headline while the run goes on
    panel.controller.run_started.connect(lambda _run: headlines.append(panel.title.text()))
    dialog = _open_continue(qtbot, panel)
    if dialog.coach.isChecked():  # (the tiny run may earn a hint of its own)
        dialog.keep.setChecked(True)
    assert dialog.keep.isChecked() and dialog.keep.text().endswith("lr 0.0002")
    qtbot.mouseClick(dialog.form_epochs, Qt.MouseButton.LeftButton)  # one more epoch
    assert dialog.epochs.value() == 1
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started), timeout=WAIT_MS)
    assert started[0].config.lr == pytest.approx(2e-4)
    assert started[0].last_epoch == started[0].first_epoch  # the form's one epoch more
    assert headlines[0].startswith("Continuing ")  # from epoch N, or epoch 1 again
    # a narrow page shows the headline's start on two lines, the whole in its tooltip (the
    # run may have ended by now: "Continued from …")
    title = panel.title
    title.resize(3000, title.height())
    assert title.displayed_text() == title.text() and not title.is_cut()
    title.resize(200, title.height())
    assert title.displayed_text().startswith("Continu") and title.is_cut()
    assert title.displayed_text().endswith("…")
    assert super(type(title), title).toolTip().startswith(title.text())
    wait_until_idle(qtbot, panel)
    assert panel.runs_view.records()[0].config["lr"] == pytest.approx(2e-4)


def test_continue_offers_a_rate_typed_in_the_form_after_the_run(qtbot, panel):
    panel.form.lr.setText("0.005")
    start_long_run(qtbot, panel)
    with qtbot.waitSignal(panel.controller.lr_changed, timeout=WAIT_MS):
        panel.live_lr.setText("2e-4")
        qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    panel.form.lr.setText("0.001")  # the person's choice for the rest of the run
    panel.form.epochs.setValue(1)
    started = []
    panel.controller.run_started.connect(started.append)
    dialog = _open_continue(qtbot, panel)
    if not dialog.coach.isChecked():  # (the coach's advice, when the tiny run earns one, first)
        assert dialog.again.isChecked()  # the rate typed since the run, chosen
    dialog.again.setChecked(True)
    assert dialog.lr.value() == pytest.approx(0.001)
    qtbot.mouseClick(dialog.form_epochs, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started), timeout=WAIT_MS)
    assert started[0].config.lr == pytest.approx(0.001)
    assert "keeping" not in panel.title.text()
    wait_until_idle(qtbot, panel)


def test_the_train_form_follows_the_windows_mode(qtbot, panel, tmp_path):
    panel.follow_mode("garments")
    assert panel.form.config().dataset == "fashion"
    panel.follow_mode("digits")
    assert panel.form.config().dataset == "mnist"
    panel.form.dataset.setCurrentIndex(panel.form.dataset.findData("folder"))
    panel.form.folder.setText(str(tmp_path))
    panel.follow_mode("garments")  # a chosen image folder stays
    assert panel.form.config().dataset == str(tmp_path)


def test_apply_to_run_steers_the_editable_settings_and_the_curves_mark_them(qtbot, panel):
    form = panel.form
    form.optimizer.setCurrentIndex(form.optimizer.findData("momentum"))
    form.batch_size.setValue(10)
    # a run far longer than this test: the tiny set's 1000 epochs can end before a click
    assert panel.start_training(form.config().replace(epochs=MAX_EPOCHS))
    qtbot.waitUntil(lambda: panel.apply_button.isEnabled(), timeout=WAIT_MS)
    # while training only what the run can change stays editable
    assert form.momentum.isEnabled() and form.l2.isEnabled() and form.augment.isEnabled()
    assert not form.arch.isEnabled() and not form.optimizer.isEnabled()
    assert not form.dropout.isEnabled()  # built without dropout layers
    form.momentum.setValue(0.3)
    form.augment.setChecked(True)
    form.batch_size.setValue(20)
    got: list = []
    said: list = []
    panel.controller.setting_changed.connect(got.append)
    panel.status_message.connect(said.append)
    assert panel.apply_button.isVisible()
    panel.apply_button.click()
    assert panel.lr_error.text() == ""
    # a batch size waits for the next epoch, and the line says so
    assert (
        said[-1].startswith("From the next batch: ")
        and "from the next epoch: batch 20" in (said[-1])
    )
    qtbot.waitUntil(lambda: len(got) == 3, timeout=WAIT_MS)
    assert {(c.name, c.value) for c in got} == {
        ("momentum", 0.3),
        ("augment", True),
        ("batch_size", 20),
    }
    assert "momentum\u00a00.3" in panel.title.text()
    form.momentum.setValue(0.5)  # without a batch size this time (probe 16c: KeyError)
    panel.apply_button.click()
    assert said[-1] == "From the next batch: momentum 0.5"
    assert "momentum\u00a00.5" in panel.title.text()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    labels = {t.get_text() for t in panel.live.axes[0].texts}
    assert {"momentum 0.3", "augment on"} <= labels
    assert form.arch.isEnabled() and form.optimizer.isEnabled()  # the next run: all again
    form.momentum.setValue(0.7)  # nothing is sent when no run trains
    assert panel.steer() == {} and "no run is training" in panel.lr_error.text()


def test_an_edit_the_run_does_not_use_yet_says_so_until_applied(qtbot, panel):
    # walk60 D7g: a paused run's edited L2 showed nothing until "Apply to run", so the student
    # could not tell an applied field from one only typed
    form = panel.form
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: panel.apply_button.isEnabled(), timeout=WAIT_MS)
    panel.controller.pause()
    qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)
    before = form.l2.text()
    form.l2.setText("0.0008")
    assert panel.lr_error.isVisible() or not panel.isVisible()
    line = panel.lr_error.text()
    assert line.startswith("Not applied yet: ") and "L2 0.0008" in line and "Apply to run" in line
    form.l2.setText(before)  # the run's value again: nothing waits
    assert panel.lr_error.text() == ""
    form.l2.setText("0.0008")
    said: list = []
    panel.status_message.connect(said.append)
    panel.apply_button.click()
    assert panel.lr_error.text() == "" and said[-1] == "From the next batch: L2 0.0008"
    form.l2.setText("8e-4")  # the run's value now: still nothing waits
    assert panel.lr_error.text() == ""
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    # stopped while paused: no batch used the applied L2, and the line says so instead
    unused = "Not used: L2 0.0008. The run ended before its next batch."
    assert panel.lr_error.text() == unused
    form.l2.setText("0.001")  # no run: the next run takes the form as it is, nothing waits
    assert panel.lr_error.text() == unused


def test_apply_to_run_with_nothing_changed_says_so_and_names_set_lr(qtbot, panel):
    # walk qa40: a rate typed beside the buttons, then "Apply to run": nothing was sent and
    # nothing was said, and the run went on at its old rate
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: panel.apply_button.isEnabled(), timeout=WAIT_MS)
    panel.live_lr.setText("0.002")  # a gentle rate: a run that diverged would end the test's run
    panel.apply_button.click()
    # beside the buttons, where a refusal goes (the status bar cut it at 1024 px)
    said = panel.lr_error.text()
    assert said.startswith("Nothing to apply: ") and "“Set LR”" in said
    with qtbot.waitSignal(panel.controller.lr_changed, timeout=WAIT_MS):
        panel.lr_button.click()  # the rate typed is sent with Set LR, and the line goes
    assert panel.lr_error.text() == ""
    panel.apply_button.click()
    assert panel.lr_error.text().startswith("Nothing to apply: ")
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    started: list = []
    panel.controller.run_started.connect(started.append)
    start_long_run(qtbot, panel)  # a new run: the last run's line is old news
    qtbot.waitUntil(lambda: bool(started), timeout=WAIT_MS)
    assert panel.lr_error.text() == ""
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_fresh_form_shows_the_lab_preset_of_the_windows_mode(qtbot, tmp_path):
    from nndesk.presets import LAB_PRESET_FOR_DATASET

    panel = training_page(TrainingController(store=RunStore(tmp_path / "runs")))
    qtbot.addWidget(panel)
    assert panel.form.preset.currentData() == "fashion-mlp-lab"
    assert panel.form.config() == get_preset("fashion-mlp-lab").config
    assert "87.2%" in panel.form.preset_note.text()  # the figure a default run should reach
    panel.follow_mode("digits")
    assert panel.form.preset.currentData() == LAB_PRESET_FOR_DATASET["mnist"]
    assert panel.form.config() == get_preset(LAB_PRESET_FOR_DATASET["mnist"]).config
    panel.form.epochs.setValue(panel.form.epochs.value() + 1)  # any edit: custom again
    assert panel.form.preset.currentData() == ""
    panel.follow_mode("garments")  # custom settings keep their values on the other dataset
    assert panel.form.preset.currentData() == ""
    assert panel.form.config().dataset == "fashion"
    assert panel.form.config().arch == get_preset(LAB_PRESET_FOR_DATASET["mnist"]).config.arch


def test_a_run_folder_that_refuses_the_model_shows_where_it_went_and_continue_uses_it(
    qtbot, panel, monkeypatch, tmp_path
):
    from nndesk.paths import data_dir
    from nndesk.training import session as session_module

    real_save = session_module.Session.save

    def run_folder_full(self, path):
        if Path(path).parent.parent == panel.store.root:  # runs/<id>/model.npz
            raise OSError(28, "No space left on device", str(path))
        return real_save(self, path)

    monkeypatch.setattr(session_module.Session, "save", run_folder_full)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    saved = panel.controller.model_path
    assert saved is not None and saved.parent == data_dir() and saved.is_file()
    box = panel.message_box()
    assert isinstance(box, QMessageBox) and str(saved) in box.text()
    assert "No space left on device" in box.text() and "\n" not in box.text()
    assert str(saved) in panel.model_label.text()
    assert panel.resume_button.isEnabled() and panel.save_button.isEnabled()
    copy = panel.save_model_to(tmp_path / "copy.npz")  # Save model… saves the one it went to
    assert copy.read_bytes() == saved.read_bytes()


def test_a_run_whose_record_stopped_being_written_is_listed_as_the_window_knows_it(
    qtbot, panel, monkeypatch
):
    """walk52 D7: after a disk-full run the Runs row said "interrupted, 2 epochs", test "—",
    for a run that trained all its epochs (its run.json stopped at the first write)."""
    from nndesk.ui.runs_table import EPOCHS, STATUS, TEST_ACC, make_row

    fill_the_disk_after_the_first_record_write(monkeypatch)
    panel.form.epochs.setValue(2)
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    run_id = panel.controller.record.run_id
    qtbot.waitUntil(lambda: any(r.run_id == run_id for r in panel.runs_view.records()))
    (listed,) = [r for r in panel.runs_view.records() if r.run_id == run_id]
    row = make_row(listed)
    assert row.texts[STATUS] == "completed" and row.texts[EPOCHS] == "2"
    assert row.texts[TEST_ACC] != "—"
    assert "No space left on device" in row.tips[STATUS] and "behind" in row.tips[STATUS]


def test_a_model_the_fallback_saved_is_offered_and_reachable_from_runs_and_model_lists(
    qtbot, panel, monkeypatch
):
    """The run folder refuses the model and so does the nndesk folder: it goes to the temp
    folder. The message offers that folder; Runs > Use model, `nndesk models` and the Open
    dialogs find the file (by the run's name, never by a path in run.json)."""
    import tempfile

    from nndesk import models
    from nndesk.paths import data_dir, temp_models_dir
    from nndesk.runs import RunStore
    from nndesk.training import session as session_module
    from nndesk.ui import train_run_events

    real_save = session_module.Session.save

    def only_temp_takes_it(self, path):
        if Path(path).parent != temp_models_dir():
            raise OSError(30, "Read-only file system", str(path))
        return real_save(self, path)

    monkeypatch.setattr(session_module.Session, "save", only_temp_takes_it)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    saved = panel.controller.model_path
    run_id = panel.controller.record.run_id
    assert saved == temp_models_dir() / f"nndesk-{run_id}.npz" and saved.is_file()
    # this home's own sub-folder of the temp folder, which only this user can enter
    assert saved.parent.parent == Path(tempfile.gettempdir())
    assert saved.parent.stat().st_mode & 0o777 == 0o700

    # the message names the file and offers its folder
    box = panel.message_box()
    assert str(saved) in box.text()
    shown: list[Path] = []
    monkeypatch.setattr(train_run_events, "show_folder", shown.append)
    (show,) = [b for b in box.buttons() if b.text() == "Show the folder"]
    show.click()
    assert shown == [saved.parent]

    # Runs > Use model: the fresh list (a restart) finds it and the button loads it
    panel.runs_view.refresh()
    (record,) = panel.runs_view.records()
    assert record.model_file is None and record.model_path == saved
    panel.runs_view.select_runs([run_id])
    assert panel.runs_view.use_button.isEnabled()
    assert str(saved) in panel.runs_view.cell(0, 7, Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS) as ready:
        qtbot.mouseClick(panel.runs_view.use_button, Qt.MouseButton.LeftButton)
    assert Path(ready.args[0].path) == saved
    # a store made afresh, as at the next start, finds it too
    assert RunStore(panel.store.root).load(run_id).model_path == saved

    # `nndesk models` lists it, and Open model starts in its folder (the newest saved model)
    assert saved in models.saved_model_files()
    assert models.open_folder() == saved.parent
    assert not list(data_dir().glob("*.npz"))


def test_the_inside_tab_draws_the_running_networks_inside_off_the_gui_thread(qtbot, panel):
    start_long_run(qtbot, panel)
    assert not panel.step_button.isEnabled()  # stepping is for a paused run
    qtbot.waitUntil(lambda: len(panel.controller.inside.samples) >= 3, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.paused_changed, timeout=WAIT_MS):
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.step_button.isEnabled()
    panel.tabs.setCurrentWidget(panel.inside_page)
    with qtbot.waitSignal(panel.inside_view.rendered, timeout=2 * WAIT_MS):
        panel.inside_view.render_now()
    pixmap = panel.inside_view.image.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 320
    arrow = "\N{RIGHTWARDS ARROW}"
    assert panel.controller.inside.names == [f"Dense 784{arrow}16", f"Dense 16{arrow}10"]
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def _inside_text(panel) -> str:
    """What the Inside tab says in place of a picture ("" while a picture shows)."""
    view = panel.inside_view
    return "" if not view.image.pixmap().isNull() else view.image.text()


def test_inside_follows_a_first_run_from_its_click(qtbot, slow_panel):
    """At 23 % of a first run the Inside tab still said "Start a run…" (a newcomer's walk): it
    says what it waits for from the click, and draws the run once the tab is shown, unasked."""
    panel, view = slow_panel, slow_panel.inside_view
    assert "Start a run" in _inside_text(panel)  # no run yet
    assert panel.start_training(panel.form.config().replace(epochs=100_000))
    panel.tabs.setCurrentWidget(panel.inside_page)
    assert _inside_text(panel) == "Waiting for the run's first measurements…"
    panel.loaded.set()
    qtbot.waitUntil(lambda: panel.controller.batches_done >= 3, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.controller.paused_changed, timeout=WAIT_MS):
        panel.controller.pause()
    assert "Start a run" not in _inside_text(panel)
    with qtbot.waitSignal(view.rendered, timeout=2 * WAIT_MS):
        pass  # the tab shown asks for it: no render_now
    assert view.record is panel.controller.inside
    assert not view.image.pixmap().isNull()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def _a_finished_first_run(qtbot, panel):
    """A one-epoch run trained and saved, the panel idle again: its config and Inside record."""
    panel.loaded.set()
    config = panel.form.config().replace(epochs=1)
    with qtbot.waitSignal(panel.controller.run_saved, timeout=WAIT_MS):
        assert panel.start_training(config)
    wait_until_idle(qtbot, panel)
    return config, panel.controller.inside


def test_a_second_run_clears_inside_of_the_first_at_its_click(qtbot, slow_panel):
    """Starting a second run, Inside showed the first run's charts until its own came."""
    panel, view = slow_panel, slow_panel.inside_view
    config, first = _a_finished_first_run(qtbot, panel)
    panel.tabs.setCurrentWidget(panel.inside_page)
    qtbot.waitUntil(lambda: not view.image.pixmap().isNull(), timeout=2 * WAIT_MS)
    assert view.record is first

    panel.loaded.clear()  # the second run waits for its data
    assert panel.start_training(config.replace(epochs=100_000))
    panel.tabs.setCurrentWidget(panel.inside_page)
    assert _inside_text(panel) == "Waiting for the run's first measurements…"
    assert view.record is not first
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS):
        panel.loaded.set()
    with qtbot.waitSignal(view.rendered, timeout=2 * WAIT_MS):
        pass  # the new run's layers at its start, drawn unasked
    assert view.record is panel.controller.inside and view.record is not first
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_run_that_never_starts_gives_inside_back_to_the_last_run(qtbot, slow_panel):
    panel, view = slow_panel, slow_panel.inside_view
    config, first = _a_finished_first_run(qtbot, panel)
    panel.loaded.clear()
    assert panel.start_training(config)
    assert view.record is not first
    panel.controller.stop()  # before its data came
    panel.loaded.set()
    wait_until_idle(qtbot, panel)
    assert view.record is first


def test_loading_a_broken_model_file_on_the_train_page_shows_one_message(qtbot, panel, tmp_path):
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"PK\x03\x04 not a model")
    with qtbot.waitSignal(panel.controller.model_failed, timeout=WAIT_MS):
        panel.load_model(broken)  # read on the controller's reader thread
    box = panel.message_box()
    assert isinstance(box, QMessageBox) and "broken.npz" in box.text() and "\n" not in box.text()
    assert panel.loaded_model is None and panel.isVisible()


def test_the_curves_span_the_runs_epochs_from_the_click_before_the_data_has_loaded(
    qtbot, slow_panel
):
    """The x axes are right at the click, so the run's start costs no second full redraw."""
    panel = slow_panel
    panel.form.epochs.setValue(7)
    assert panel.start_training()
    assert panel.live.axes[0].get_xlim() == (0, 7)
    panel.loaded.set()
    qtbot.waitUntil(lambda: panel.controller.batches_done >= 1, timeout=WAIT_MS)
    assert panel.live.axes[0].get_xlim() == (0, 7)


def test_a_new_run_shows_no_hint_from_the_last_runs_curves_before_it_starts(slow_panel):
    """Probe 5: a new run first showed the last run's hint with a live fix button."""
    panel = slow_panel
    stuck = Curves()
    stuck.train_accuracy, stuck.train_loss, stuck.val_loss = [0.05], [2.3], [2.3]
    stuck.epochs, stuck.batch_x, stuck.batch_loss = [1], [i / 60 for i in range(1, 61)], [2.3] * 60
    # a finished run stuck near chance, as a window rebuilt in another language takes it over
    panel.restore_page_state(dataclasses.replace(panel.page_state(), curves=stuck))
    assert panel.coach_label.isVisible() and not panel.coach_button.isVisible()
    assert panel.start_training()  # its data still loading: not started
    assert not panel.coach_label.isVisible() and not panel.coach_button.isVisible()


def test_lr_now_says_the_new_runs_rate_from_the_click_while_its_data_loads(qtbot, slow_panel):
    """walk48 D12: while a new run prepared its network "LR now" still said the last run's
    0.5; it changed to the new run's 0.001 only at the first batch."""
    panel = slow_panel
    panel.live_lr.set_value(0.5)  # what the last run (mnist-gd) ended with
    panel.form.lr.setText("0.001")
    assert panel.start_training()  # its data still loading: not started
    assert panel.live_lr.value() == pytest.approx(0.001)
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS):
        panel.loaded.set()
    assert panel.live_lr.value() == pytest.approx(0.001)
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_run_paused_before_its_first_batch_says_paused_not_training(qtbot, slow_panel):
    panel = slow_panel  # the data "loads" until the test has pressed Pause
    panel.speed.setText("Test accuracy 84.6% on fashion · model saved in the run history")
    assert panel.start_training()
    assert "84.6%" not in panel.speed.text()  # the last run's result is not this run's
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS):
        panel.loaded.set()
    assert panel.progress.text() == "Paused"
    assert panel.controller.batches_done == 0
    with qtbot.waitSignal(panel.controller.batch_finished, timeout=WAIT_MS):
        panel.controller.step()  # one batch, then held again: where it is, still paused
    assert panel.progress.text().startswith("Paused  ·  Epoch 1/2  ·  batch 1/")
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Resume
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS):
        pass
    wait_until_idle(qtbot, panel)
    assert panel.progress.text() == "Finished: trained 2 epochs"


def test_counts_in_the_form_and_the_finished_run_read_in_singular_and_plural(qtbot, panel):
    epochs = panel.form.epochs
    epochs.setValue(1)
    assert epochs.text() == "1 pass"
    epochs.setValue(3)
    assert epochs.text() == "3 passes"
    step = panel.form.schedule_step
    step.setValue(1)
    assert step.text() == "1 epoch"
    step.setValue(10)
    assert step.text() == "10 epochs"
    epochs.setValue(1)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    assert panel.progress.text() == "Finished: trained 1 epoch"


def test_using_an_older_runs_model_names_that_run_and_forgets_the_stopped_one(
    qtbot, panel, tmp_path
):
    from nndesk.ui.language import percent
    from nndesk.ui.runs_table import started_text

    panel.start_training()
    wait_until_idle(qtbot, panel)
    first = panel.runs_view.records()[0]
    start_long_run(qtbot, panel)  # a second run, stopped: its verdict must not stay
    with qtbot.waitSignal(panel.controller.run_saved, timeout=WAIT_MS):
        panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert panel.progress.text().startswith("Stopped: by you, after ")
    assert "by you" not in panel.progress.text().split("by you", 1)[1]  # said once
    assert first.model_path.name == "model.npz"

    panel.runs_view.select_runs([first.run_id])
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        panel.runs_view.use_button.click()  # Runs > Use model
    title = panel.title.text()
    assert title.startswith(f"Model in use: the run of {started_text(first)}")
    assert "784-16-10" in title and "model.npz" not in title
    assert "model.npz" not in panel.model_label.text()
    assert panel.progress.text() == "Ready" and panel.progress.value() == 0
    speed = panel.speed.text()
    assert speed.startswith(f"Test accuracy {percent(first.test_accuracy, 1)}")
    assert "saved" not in speed and "Stopped" not in speed
    # Save model… now copies the model in use, not the stopped run's
    saved = panel.save_model_to(tmp_path / "copy.npz")
    assert saved.read_bytes() == first.model_path.read_bytes()


@pytest.mark.parametrize("enter", ["click", "tab"])
def test_typing_in_a_number_field_replaces_the_number_it_shows(qtbot, enter):
    """The "LR now" field (and the form's rate): "0.01" typed over 0.001 is 0.01, not
    "0.0010.01"."""
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

    from nndesk.ui.number_field import NumberField

    window = QWidget()
    qtbot.addWidget(window)
    before, field = QLineEdit(), NumberField(1e-6, 10.0, allow_zero=False)
    row = QHBoxLayout(window)
    row.addWidget(before)
    row.addWidget(field)
    window.show()
    window.activateWindow()
    field.set_value(0.001)
    if enter == "click":
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    else:
        before.setFocus()
        qtbot.waitUntil(before.hasFocus)
        qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: field.hasFocus() and field.hasSelectedText())
    qtbot.keyClicks(field, "0.01")
    assert field.text() == "0.01"


def test_a_number_field_the_focus_only_passes_through_keeps_no_selection(qtbot):
    """After a race the lanes' rates "0.05", "0.01", "0.001" showed selected in unfocused
    fields: the focus had passed through them as the lanes were disabled, and each field's
    whole number was selected after the focus had left (walk fixA62)."""
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QWidget

    from nndesk.ui.number_field import NumberField

    window = QWidget()
    qtbot.addWidget(window)
    field, after = NumberField(1e-6, 10.0, allow_zero=False), QLineEdit()
    row = QHBoxLayout(window)
    row.addWidget(field)
    row.addWidget(after)
    window.show()
    window.activateWindow()
    field.set_value(0.05)
    after.setFocus()
    qtbot.waitUntil(after.hasFocus)
    field.setFocus()  # in and out in one event pass, as the disabled lanes pass it on
    assert field.hasFocus()
    field.setEnabled(False)
    assert after.hasFocus()
    field.setEnabled(True)
    QApplication.processEvents()  # the select-all queued on entering has run
    assert not field.hasSelectedText()


def test_the_status_bar_says_paused_while_paused_and_training_after_resume(qtbot, panel):
    """Walk 43 item 10: paused, the status bar still said "Training…" beside PAUSED."""
    said: list[str] = []
    panel.status_message.connect(said.append)
    start_long_run(qtbot, panel)
    # batches_done is the worker's count: the page hears of the start a moment later
    qtbot.waitUntil(lambda: "Training…" in said, timeout=WAIT_MS)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert said[-1] == "Paused"
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Resume
    assert said[-1] == "Training…"
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_run_paused_while_its_data_loads_says_paused_in_the_status_bar(qtbot, slow_panel):
    """The worker's "Training…" arrives after the run started paused: the bar says Paused."""
    panel = slow_panel
    said: list[str] = []
    panel.status_message.connect(said.append)
    assert panel.start_training()
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS):
        panel.loaded.set()
    qtbot.waitUntil(lambda: said[-1] in ("Paused", "Training…"), timeout=WAIT_MS)
    assert said[-1] == "Paused", said
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_continue_keeps_the_loss_axes_the_run_it_continues_was_shown_on(qtbot, panel):
    """Walk 43 item 14: after Continue, "Loss per batch" shrank to 0-1.0 and cut off the start
    of the curve, which had been shown up to 1.5: the axes started again from the untrained
    loss and shrank to the whole curve's 99th percentile."""
    panel.form.lr.setText("0.005")
    panel.form.epochs.setValue(4)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    panel.plot.draw_now()
    shown = [ax.get_ylim() for ax in panel.live.axes[:2]]
    panel.form.epochs.setValue(5)
    qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.run_state.last_batch is not None, timeout=WAIT_MS)
    panel.plot.draw_now()  # the continued curve, drawn
    assert [ax.get_ylim() for ax in panel.live.axes[:2]] == shown
    wait_until_idle(qtbot, panel)


def test_replay_shows_the_run_selected_in_runs_and_its_kept_epochs(qtbot, panel):
    """Walk 43 item 5: with a run selected in Runs, Replay talked about another run."""
    panel.start_training()  # two epochs
    wait_until_idle(qtbot, panel)
    first = panel.runs_view.records()[0]
    panel.form.epochs.setValue(1)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    second = panel.runs_view.records()[0]
    assert second.run_id != first.run_id
    panel.tabs.setCurrentWidget(panel.tabs.replay_page)
    replay = panel.replay_view
    panel.runs_view.select_runs([first.run_id])
    assert replay.epoch_label.text() == "Epoch 2 of 2"  # the selected run's epochs
    assert "kept for the latest run only" in replay.note.text()
    assert "Only the latest run keeps a copy of its weights" in replay.drawing_note.text()
    panel.runs_view.select_runs([second.run_id])
    assert replay.epoch_label.text() == "Epoch 1 of 1"
    assert replay.record.weights_kept  # the latest run reads the drawing with each epoch


def test_replay_of_a_run_from_before_the_window_opened_says_why_about_that_run(qtbot, panel):
    from nndesk.ui.runs_table import started_text

    panel.start_training()
    wait_until_idle(qtbot, panel)
    ours = panel.runs_view.records()[0]
    # a run the window did not train (another session, `nndesk train`), started earlier
    store = panel.controller.store
    other = store.create(panel.form.config().to_dict())
    other.created_at = "2026-01-02T03:04:05+00:00"
    other.status = "completed"
    store.save(other)
    other.release_lock()
    panel.runs_view.refresh()
    qtbot.waitUntil(lambda: len(panel.runs_view.records()) == 2, timeout=WAIT_MS)
    panel.tabs.setCurrentWidget(panel.tabs.replay_page)
    panel.runs_view.select_runs([other.run_id])
    note = panel.replay_view.note.text()
    assert f"the selected run, from {started_text(other, seconds=True)}, is not one of them" in note
    assert started_text(ours, seconds=True) not in note
    assert panel.replay_view.epoch_label.text() == "No epochs yet"
    panel.runs_view.select_runs([ours.run_id])  # back to a run of this window: replayed
    assert panel.replay_view.epoch_label.text() == "Epoch 2 of 2"


def test_a_diverged_run_says_so_in_the_page_and_leaves_its_curves_in_sight(qtbot, panel):
    """Train 43: the divergence message popped a modal box over the charts that show the
    divergence. It is a banner above the tabs now, until the next run starts."""
    panel.form.optimizer.setCurrentIndex(panel.form.optimizer.findData("sgd"))
    panel.form.lr.setText("1000")
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS) as ended:
        assert panel.start_training()
    assert ended.args[0].reason == "diverged"
    wait_until_idle(qtbot, panel)
    box = panel.message_box()
    assert box is None or not box.isVisible()  # nothing over the curves
    alert = panel.header.alert
    assert alert.text().startswith("The run diverged: loss ")
    assert alert.text().endswith("try a lower learning rate.")
    # walk53 #2: the coach said "sees no problem in this run's curves" under that banner;
    # fixE: the coach's box, blank under the banner (70 px at 1024, vi, Larger), says it
    coach = panel.coach
    assert not coach.quiet.isVisible() and not alert.isVisible()
    assert coach.label.isVisible() and coach.label.text() == alert.text()
    assert not coach.button.isVisible()
    alert = coach.place
    # its weights are those it blew up from: not offered to Continue (the CLI saves none)
    qtbot.waitUntil(lambda: panel.run_state.last_run_id is not None, timeout=WAIT_MS)
    assert not panel.resume_button.isEnabled()
    # walk57 #8: the last speed and time-left line stayed, counting time for an ended run
    assert panel.speed.text() == "Not tested: the run diverged."
    assert panel.tabs.currentWidget() is panel.live_page and panel.plot.isVisible()
    # above the tabs, not over them
    top_of_tabs = panel.tabs.mapTo(panel, panel.tabs.rect().topLeft()).y()
    assert alert.mapTo(panel, alert.rect().bottomLeft()).y() < top_of_tabs
    # verify66 #4: the line under the Inside charts said "Healthy: …" after a diverged run
    inside = panel.inside_view
    panel.tabs.setCurrentWidget(panel.tabs.inside_page)
    qtbot.waitUntil(lambda: inside.picture_age() is not None, timeout=WAIT_MS)
    assert inside.guide.text().startswith("The run diverged"), inside.guide.text()
    panel.tabs.setCurrentWidget(panel.live_page)
    panel.form.lr.setText("0.005")
    panel.form.optimizer.setCurrentIndex(panel.form.optimizer.findData("adam"))
    assert panel.start_training()
    # the next run's page says nothing of the last one's end
    assert not panel.header.alert.isVisible() and not coach.label.isVisible()
    wait_until_idle(qtbot, panel)


def test_a_continued_run_that_diverges_says_where_it_went_on_from_and_that_it_diverged(
    qtbot, panel
):
    """fix54a #2: Continue on a model whose run then diverged was headed "Continued from epoch
    2: …", as if it had trained on from there; its loss blew up in its first batches. The
    headline says the epoch it went on after and the one it diverged in."""
    panel.form.epochs.setValue(1)
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    qtbot.waitUntil(panel.resume_button.isEnabled, timeout=WAIT_MS)
    panel.form.lr.setText("1e30")
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS) as ended:
        assert panel.continue_training()
    assert ended.args[0].reason == "diverged" and ended.args[0].epochs_done == 1
    wait_until_idle(qtbot, panel)
    assert panel.title.text().startswith("Continued after epoch 1, then diverged in epoch 2: ")


def test_no_blank_line_between_the_run_buttons_and_the_progress_bar_until_a_refusal(qtbot, panel):
    """s52: at 1024x700 the empty refusal line kept a blank band (14 px and its spacing)
    between "Apply to run" and the progress bar; it takes room only while it says something."""
    from PySide6.QtWidgets import QApplication

    panel.resize(544, 600)  # the Train page beside the drawing at 1024x700
    panel.show()
    QApplication.processEvents()

    def gap() -> int:
        row = panel.apply_button.parentWidget()
        bottom = row.mapTo(panel, row.rect().bottomLeft()).y()
        return panel.progress.mapTo(panel, panel.progress.rect().topLeft()).y() - bottom

    assert gap() < panel.lr_error.fontMetrics().height()  # less than a line: no blank one
    panel.form.momentum.setValue(0.7)  # nothing is sent when no run trains: a refusal
    assert panel.steer() == {} and panel.lr_error.text()
    QApplication.processEvents()
    assert panel.lr_error.isVisible()
    top = panel.lr_error.mapTo(panel, panel.lr_error.rect().topLeft()).y()
    assert top + panel.lr_error.height() <= panel.progress.mapTo(panel, QPoint(0, 0)).y()


def test_continue_after_a_cosine_run_shows_the_scheduled_rate_of_its_schedule_run_again(
    qtbot, panel
):
    """walk54 D6: Continue after a finished cosine run trained epoch 3 at a rate "LR now" did
    not show. Asked to run its schedule again from the base rate, epoch 3 trains at it: "LR
    now" says so from the start, the line beside the run says the schedule runs again, and
    the rate follows the schedule over the two new epochs."""
    from nndesk.nn.schedules import make_schedule

    panel.form.lr.setText("0.005")
    panel.form.epochs.setValue(2)
    panel.form.set_config(panel.form.config().replace(schedule="cosine"))
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    seen, starts = [], []  # the page's own slot on run_started runs first
    panel.controller.run_started.connect(
        lambda _run: seen.append((panel.live_lr.value(), panel.lr_error.text()))
    )
    panel.controller.run_started.connect(lambda run: starts.append(run.inside_start))
    press_continue(qtbot, panel, epochs=2, lr=0.005)
    wait_until_idle(qtbot, panel)
    assert seen and seen[0][0] == pytest.approx(0.005)
    assert seen[0][1] == (
        "Continues 2 more epochs, to epoch 4, as you chose. The schedule “cosine to a minimum” "
        "runs again over epochs 3–4: epoch 3 trains at lr 0.005."
    )
    assert panel.lr_error.property("tone") == "muted"  # a note, not a refusal's red
    # the weights it starts from are epoch 2's: its Inside strip labelled them "ep 0"
    assert starts and starts[0] is not None and starts[0].epoch == 2
    # and it follows the schedule: the last epoch's rate once the run ended
    assert panel.live_lr.value() == pytest.approx(make_schedule("cosine", 0.005, 2).lr_at(1))
    assert panel.lr_error.text() == ""  # the note went with its run (verify64 D-H)


def _finished_cosine_run(qtbot, panel, epochs=3):
    panel.form.lr.setText("0.005")
    panel.form.epochs.setValue(epochs)
    # [0, 1] inputs: the blobs are learnt, and the coach has no rate to advise (a run stuck
    # at 10 % drew "lower the rate", which Continue offers first: test_continue_coach.py)
    panel.form.set_config(panel.form.config().replace(schedule="cosine", normalize="unit"))
    assert panel.start_training()
    wait_until_idle(qtbot, panel)
    panel.form.epochs.setValue(5)  # as another lab's preset leaves it
    panel.controller.inside.samples.clear()  # (nor its dead units, sampled or not)


def _open_continue(qtbot, panel):
    qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    dialog = panel.continue_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def test_continue_asks_how_many_more_epochs_and_keeps_the_rate_the_run_ended_with(qtbot, panel):
    """walk64 D16: Continue took 15 more epochs from the form (another preset's) and the
    finished cosine run went on 15x above the rate it ended with. It asks now: a quarter of
    the epochs trained by default, said; the rate the run ended with kept by default, for
    every new batch; the run's record and model file replay it."""
    from nndesk.nn.schedules import make_schedule

    _finished_cosine_run(qtbot, panel, epochs=8)
    ended = make_schedule("cosine", 0.005, 8).lr_at(7)
    dialog = _open_continue(qtbot, panel)
    assert dialog.epochs.value() == 2  # a quarter of 8, not the form's 5
    assert dialog.why.text() == "Suggested: a quarter of the 8 epochs it has trained."
    assert dialog.keep.isChecked() and f"{ended:.3g}" in dialog.keep.text()
    assert dialog.summary.text() == (
        f"Epochs 9–10: lr {ended:.3g}, the rate the run ended with, for every batch."
    )
    seen = []
    panel.controller.run_started.connect(lambda run: seen.append((run, panel.lr_error.text())))
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    run, note = seen[0]
    assert (run.first_epoch, run.last_epoch) == (9, 10)
    assert note == (
        f"Continues 2 more epochs, to epoch 10, as you chose. Every batch trains at lr {ended:.3g}."
    )
    record = RunStore(panel.store.root).load(panel.run_state.last_run_id)
    assert record.curves.lr[-2:] == [pytest.approx(ended)] * 2
    assert record.config["schedule"] == "constant" and record.schedule_from is None


def test_continue_can_run_the_schedule_again_from_a_stated_rate_and_remembers_that_choice(
    qtbot, panel
):
    """The other choice: the run's schedule again over the new epochs, from the rate typed
    (by default the one it started from); said with how far above the ended rate it starts,
    and remembered for the next Continue."""
    from nndesk.nn.schedules import make_schedule

    _finished_cosine_run(qtbot, panel)
    ended = make_schedule("cosine", 0.005, 3).lr_at(2)
    dialog = _open_continue(qtbot, panel)
    dialog.epochs.setValue(2)
    assert dialog.lr.value() == pytest.approx(0.005)  # the rate the run started from
    dialog.lr.clear()
    qtbot.keyClicks(dialog.lr, "0.004")  # typing a rate chooses it
    assert dialog.again.isChecked()
    again = make_schedule("cosine", 0.004, 2)
    assert dialog.summary.text() == (
        "Epochs 4–5: the schedule “cosine to a minimum” again, lr 0.004 in epoch 4 to "
        f"{again.lr_at(1):.3g} in epoch 5. It starts {round(0.004 / ended, 1):g}× above the "
        f"{ended:.3g} the run ended with."
    )
    seen = []
    panel.controller.run_started.connect(lambda run: seen.append((run, panel.lr_error.text())))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wait_until_idle(qtbot, panel)
    run, note = seen[0]
    assert (run.first_epoch, run.last_epoch, run.schedule_from) == (4, 5, 4)
    assert note == (
        "Continues 2 more epochs, to epoch 5, as you chose. The schedule “cosine to a minimum” "
        "runs again over epochs 4–5: epoch 4 trains at lr 0.004."
    )
    record = RunStore(panel.store.root).load(panel.run_state.last_run_id)
    assert record.schedule_from == 4
    assert record.curves.lr[-2:] == [pytest.approx(again.lr_at(0)), pytest.approx(again.lr_at(1))]
    dialog = _open_continue(qtbot, panel)  # remembered
    assert dialog.again.isChecked()
    dialog.reject()


def test_a_batch_larger_than_the_training_set_is_said_beside_the_run(qtbot, panel):
    """lab56 D5: a batch size typed as 1000000 trained 5 full-batch steps to 58 % with no
    word; the line beside the run buttons (and the status line) says it, as the CLI does."""
    said: list = []
    panel.status_message.connect(said.append)
    config = panel.form.config().replace(batch_size=1_000_000, epochs=1, arch="784-16-10")
    with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS):
        assert panel.start_training(config)
    note = panel.lr_error.text()
    assert note.startswith("Batch 1,000,000 is more than the ") and "full-batch step" in note
    from nndesk.ui.status_rank import Notice

    # held in the status bar while read: "Training…" came at once after it
    assert any("full-batch step" in line and isinstance(line, Notice) for line in said)


def test_the_inside_line_knows_a_full_batch_run_takes_one_large_step_an_epoch(qtbot, panel):
    """fixI #5: under mnist-gd (full-batch gradient descent at its lab rate) the line under the
    Inside charts said "very large steps": it reads a full-batch run's updates by its limit."""
    view = panel.inside_view
    for batch, full in ((0, True), (20, False)):
        config = panel.form.config().replace(batch_size=batch, epochs=1, arch="784-16-10")
        with qtbot.waitSignal(panel.controller.run_ended, timeout=WAIT_MS):
            assert panel.start_training(config)
        qtbot.waitUntil(lambda f=full: view._full_batch is f, timeout=WAIT_MS)
        wait_until_idle(qtbot, panel)


def test_slow_motion_counts_its_wait_in_the_time_left_and_says_the_rate_is_slowed(qtbot, panel):
    """walk57 D0: at "0.5 s / batch" the line read "5,449 samples/s · ETA 1:38" of a run that
    took 35 minutes: the run's clock leaves out the wait, and the time left came from it."""
    panel.slow_motion.setCurrentIndex(panel.slow_motion.findData(0.5))
    said = []  # the line and the batch it was said after (the page's slot runs first)

    def note(_reports):
        said.append((panel.header.speed.text(), panel.run_state.last_batch))

    panel.controller.batches_finished.connect(note)
    panel.start_training()
    qtbot.waitUntil(lambda: any("ETA" in line for line, _ in said), timeout=WAIT_MS)
    run = panel.run_state.run
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    line, report = next((line, r) for line, r in said if "ETA" in line)
    left = run.last_epoch * report.batches - ((report.epoch - 1) * report.batches + report.batch)
    minutes, seconds = line.split("ETA ")[1].split()[0].split(":")
    assert int(minutes) * 60 + int(seconds) >= left * 0.5 - 0.5, (line, left)
    assert " samples/s in slow motion  ·  " in line, line
    speed = int(line.split()[0].replace(",", ""))
    assert speed <= run.batch_size / 0.5, line  # the rate as slowed, not the network's own


def test_a_mode_switched_to_during_a_run_leaves_the_form_the_runs_until_it_ends(qtbot, panel):
    """walk62 D0: switching to Digits in the middle of a Fashion run showed the Digits form's
    batch and L2 as "Not applied yet", which Apply to run sent to the Fashion run."""
    form = panel.form
    panel.follow_mode("garments")
    form.l2.setText("0.0008")
    assert panel.start_training(form.config().replace(epochs=MAX_EPOCHS))
    qtbot.waitUntil(lambda: panel.apply_button.isEnabled(), timeout=WAIT_MS)
    shown = form.config()
    said: list = []
    sent: list = []
    panel.status_message.connect(said.append)
    panel.controller.setting_changed.connect(sent.append)
    panel.follow_mode("digits")
    assert form.config() == shown  # the run's form stays while it trains
    assert any("comes back when the run ends" in line for line in said)
    panel.steer_actions.show_pending()
    assert "Not applied yet" not in panel.lr_error.text()
    panel.apply_button.click()  # nothing of the other mode's form goes to the run
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert sent == []
    assert form.config().dataset == "mnist"  # the mode's form, once the run is over
    panel.follow_mode("garments")
    assert form.config().dataset == "fashion" and form.config().l2 == pytest.approx(0.0008)
