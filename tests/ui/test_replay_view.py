"""The Train page's Replay tab, its coach hint about one class's mistakes and the form's reasons
for greyed-out fields, offscreen on a tiny dataset."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nndesk.replay import WEIGHTS_BUDGET, keeps_weights
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    start_long_run,
    stop_inside_the_first_epoch,
    tiny_dataset,
    wait_until_idle,
)


def run_three_epochs(qtbot, page):
    page.form.epochs.setValue(3)
    page.form.lr.setText("0.005")
    with qtbot.waitSignal(page.model_ready, timeout=WAIT_MS):
        assert page.start_training()
    wait_until_idle(qtbot, page)


def test_the_replay_scrubs_each_epochs_confusion_and_reads_the_drawing_then(
    qtbot,
    panel,  # noqa: F811
    tiny_dataset,  # noqa: F811
):
    run_three_epochs(qtbot, panel)
    replay = panel.controller.replay
    assert replay.epochs == [1, 2, 3] and replay.weights_kept and replay.split == "validation"
    # each epoch's matrix counts the 40 validation images, and the epochs differ
    assert [int(c.sum()) for c in replay.confusions] == [40, 40, 40]
    view = panel.replay_view
    panel.tabs.setCurrentWidget(panel.replay_page)
    drawing = tiny_dataset.test_images[3].astype(np.float32)
    with qtbot.waitSignal(view.drawing_read, timeout=WAIT_MS) as read:
        view.set_drawing(drawing)
    assert read.args == [3] and view.shown_epoch() == 3  # the newest epoch first
    assert "Kept per epoch" in view.note.text() and "KB" in view.note.text()
    latest = view.bars.probabilities()
    clf = replay.classifiers[2]
    # the bars are the network's own, and say so beside the drawing (walk49 D9)
    assert view.raw_note.isVisible() and view.raw_note.text() == "raw probabilities"
    np.testing.assert_allclose(latest, clf.probabilities(drawing[None])[0], rtol=1e-5)

    # the epoch asked for, not the next read: the Runs list read again as the run's folder
    # changed at its end shows Replay its run again, which reads epoch 3 once more (a landing
    # batch got that read here: [3] == [1])
    with qtbot.waitSignal(
        view.drawing_read, timeout=WAIT_MS, check_params_cb=lambda epoch: epoch == 1
    ):
        view.slider.setValue(0)  # back to the first epoch
    assert view.shown_epoch() == 1 and view.epoch_label.text() == "Epoch 1 of 3"
    first = replay.classifiers[0].probabilities(drawing[None])[0]
    np.testing.assert_allclose(view.bars.probabilities(), first, rtol=1e-5)
    assert not np.allclose(first, latest)  # the network learnt between epochs 1 and 3
    assert view.preview.saliency() is not None and view.preview.saliency().shape == (28, 28)
    right = int(np.trace(replay.confusions[0]))
    assert f"({right} of 40)" in view.accuracy_label.text()


def test_the_drawings_side_follows_the_slider_at_once_faded_until_its_reading_comes(
    qtbot,
    panel,  # noqa: F811
    tiny_dataset,  # noqa: F811
):
    """verify63 V3: while the matrix of the epoch the slider moved to was drawn (faded, "Drawing
    the confusion matrix…"), the drawing's side still said "Your drawing, read by the network
    of epoch 5" beside the title "Epoch 1 of 5" (~0.3 s on a loaded machine). It names the
    new epoch at once, its bars and saliency faded as the old matrix is, until they come."""
    run_three_epochs(qtbot, panel)
    view = panel.replay_view
    panel.tabs.setCurrentWidget(panel.replay_page)
    view.set_drawing(tiny_dataset.test_images[3].astype(np.float32))
    # every reading asked for has come (the run's end may ask one more after the drawing's:
    # a signal from the first left the second pending, "Epoch 3's network is reading…")
    read_by_3 = "Your drawing, read by the network of epoch 3"
    qtbot.waitUntil(
        lambda: not view.drawing_pending() and view.drawing_title.text() == read_by_3,
        timeout=WAIT_MS,
    )
    # the person moves the slider off the newest epoch (the run's late record updates then
    # leave it there), and its settling shows epoch 1
    view.slider.blockSignals(True)
    view.slider.setValue(0)
    view.slider.blockSignals(False)
    view._on_slider_value_changed(0)
    view._settle.stop()
    with qtbot.waitSignal(
        view.drawing_read, timeout=WAIT_MS, check_params_cb=lambda epoch: epoch == 1
    ):
        view.show_epoch(0)  # what the slider's settling does; the reading is on its way
        assert view.epoch_label.text() == "Epoch 1 of 3"
        assert view.drawing_title.text() == "Epoch 1's network is reading your drawing…"
        assert view.drawing_pending()  # (not after the last reading came, above)
        assert view.bars.graphicsEffect().isEnabled()
        assert view.preview.graphicsEffect().isEnabled()
    assert view.drawing_title.text() == "Your drawing, read by the network of epoch 1"
    assert not view.drawing_pending() and not view.bars.graphicsEffect().isEnabled()
    # nothing to read (no drawing): nothing faded, nothing said of an epoch
    view.set_drawing(None)
    assert not view.drawing_pending() and view.drawing_title.text() == "Your drawing"


def test_a_run_stopped_before_its_first_epoch_ended_leaves_nothing_of_the_last_run_in_replay(
    qtbot,
    panel,  # noqa: F811
    tiny_dataset,  # noqa: F811
):
    """Probe 33 item 7: after a 2-epoch run, a run stopped in epoch 1 left "Your drawing, read
    by the network of epoch 2" and its saliency beside "No epochs yet", and the note called
    the latest run, trained in this window, one "trained before"."""
    panel.form.epochs.setValue(2)
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        assert panel.start_training()
    wait_until_idle(qtbot, panel)
    view = panel.replay_view
    panel.tabs.setCurrentWidget(panel.replay_page)
    view.set_drawing(tiny_dataset.test_images[3].astype(np.float32))
    # every reading asked for has come (a late one of the run's end may follow the drawing's)
    qtbot.waitUntil(
        lambda: not view.drawing_pending() and "epoch 2" in view.drawing_title.text(),
        timeout=WAIT_MS,
    )
    assert view.preview.saliency() is not None
    stop_inside_the_first_epoch(qtbot, panel)
    panel.runs_view.refresh()  # the Runs list read again names the latest run
    qtbot.waitUntil(lambda: panel.runs_view.records() != [], timeout=WAIT_MS)
    assert view.epoch_label.text() == "No epochs yet"
    # the run is over and selected in Runs: the note says it ended before an epoch did
    # (walk 43 item 5: it said "each epoch shows here once it ends" of a run that had ended)
    assert view.note.text().startswith("The selected run, from "), view.note.text()
    assert "ended before its first epoch did" in view.note.text()
    assert view.drawing_title.text() == "Your drawing"
    assert view.preview.saliency() is None and view.bars.probabilities() is None
    assert view.shown_epoch() is None


def test_a_large_network_keeps_only_its_confusion_matrices_and_says_so():
    assert keeps_weights(55_050, 5)  # the Fashion lab's MLP
    assert not keeps_weights(WEIGHTS_BUDGET // 4 // 10 + 1, 10)


def test_the_coach_points_at_the_class_holding_the_mistakes_and_opens_mistakes(
    qtbot,
    panel,  # noqa: F811
):
    # as if the last epoch had got most sevens wrong, mostly as ones: its confusion matrix
    # changed as the controller reports the epoch, before the run ends and the page looks
    confusion = np.diag(np.full(10, 4)).astype(np.int64)
    confusion[7, 7], confusion[7, 1], confusion[3, 5] = 0, 12, 3

    def last_epoch_wrong(report):
        if report.epoch == 3:
            panel.controller.replay.confusions[-1] = confusion

    panel.controller.epoch_finished.connect(last_epoch_wrong)
    run_three_epochs(qtbot, panel)
    assert panel.coach_label.isVisible()
    text = panel.coach_label.text()
    assert text.startswith("See 7's mistakes in Mistakes: it holds 80% of those on the validation")
    assert "split (12 of 15)" in text
    assert "taken for 1" in text
    assert panel.coach_button.isEnabled() and panel.coach_button.text() == "See 7's mistakes"
    with qtbot.waitSignal(panel.mistakes_requested, timeout=WAIT_MS) as asked:
        qtbot.mouseClick(panel.coach_button, Qt.MouseButton.LeftButton)
    assert asked.args == [7]


def test_greyed_out_fields_say_why_while_a_run_trains(qtbot, panel):  # noqa: F811
    form = panel.form
    form.optimizer.setCurrentIndex(form.optimizer.findData("adam"))
    form.dropout.setValue(0.0)
    start_long_run(qtbot, panel)
    qtbot.waitUntil(lambda: form.steer_note.isVisible(), timeout=WAIT_MS)
    assert not form.dropout.isEnabled() and form.dropout_why.isVisible()
    assert "built without dropout" in form.dropout_why.text()
    assert "built without dropout" in form.dropout.toolTip()
    assert "Adam has no momentum field" in form.steer_note.text()
    assert form.momentum.toolTip().startswith("Not while training: Adam has no momentum")
    assert not form.seed.isEnabled() and "fixed while the run trains" in form.seed.toolTip()
    assert form.l2.isEnabled() and not form.l2.toolTip().startswith("Not while training")
    assert "LR now" in form.lr.toolTip()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert not form.steer_note.isVisible() and not form.dropout_why.isVisible()
    assert not form.seed.toolTip().startswith("Not while training")


@pytest.mark.parametrize("split", ["validation", "training"])
def test_the_mistakes_hint_names_where_it_counted(split):
    from nndesk.coach import mistakes_hint

    confusion = np.diag(np.full(3, 10)).astype(np.int64)
    confusion[0, 2] = 20
    hint = mistakes_hint(confusion, ("a", "b", "c"), split)
    assert hint.show_class == 0 and hint.values["other"] == "c"
    assert ("validation split" in hint.message()) == (split == "validation")


@pytest.mark.parametrize("kept", [True, False], ids=["weights-kept", "matrices-only"])
def test_the_replay_fits_a_1024x700_window_without_scrolling(
    qtbot, window_factory, kept, tiny_data_dir
):
    """(With data, as after any run: without it the Train page's missing-data banner takes
    its two lines above the tabs.)"""
    from PySide6.QtWidgets import QApplication

    from nndesk.replay import ReplayRecord

    desk = window_factory()
    window = desk.window
    window.resize(1024, 700)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.tabs.setCurrentWidget(page.replay_page)
    qtbot.waitUntil(page.replay_view.isVisible)
    record = ReplayRecord(
        class_names=("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                     "Sneaker", "Bag", "Ankle boot"),
        bytes_per_epoch=215 * 1024 if kept else 0,
        weights_kept=kept,
    )  # fmt: skip
    rng = np.random.default_rng(0)
    for epoch in (1, 2, 3):
        record.add(epoch, rng.integers(0, 30, (10, 10)))
    view = page.replay_view
    view.show_record(record)
    view.set_drawing(np.zeros((28, 28), np.float32))
    QApplication.processEvents()
    assert window.width() == 1024
    assert page.replay_page.verticalScrollBar().maximum() == 0, "the replay needs a scroll"
    parts = [view.confusion.canvas, view.slider, view.drawing_note]
    parts += [view.bars, view.preview] if kept else []
    for part in parts:
        shown = part.visibleRegion().boundingRect()
        assert shown.height() == part.height() and part.height() > 0, type(part).__name__
    assert view.bars.isVisible() == kept  # no bars without the weights to read a drawing with
    if kept:
        assert view.bars.height() >= view.bars.minimumSizeHint().height()
    else:
        assert "too large" in view.drawing_note.text()


def test_before_any_run_the_replay_bars_name_the_modes_classes(window_factory):
    """In Clothing mode with no run the Replay tab's bars read 0-9 (the digits)."""
    from nndesk.data.registry import DATASETS

    desk = window_factory(mode="garments")
    bars = desk.train_page.replay_view.bars
    assert bars.class_names() == DATASETS["fashion"].class_names
    desk.window.set_mode("digits")
    assert bars.class_names() == DATASETS["mnist"].class_names
    desk.window.set_mode("garments")
    assert bars.class_names() == DATASETS["fashion"].class_names


@pytest.mark.parametrize("switched_while", ["shown", "hidden"])
def test_the_replays_matrix_follows_the_dark_theme(qtbot, qapp, switched_while):
    """train44 saw the Replay's matrix stay white in the dark theme. It is the Evaluate page's
    ConfusionView, dark since bf7bd71; this pins the Replay's own path: its matrix made in the
    light theme, then a switch to dark with the tab on screen or hidden, then shown."""
    from matplotlib.colors import to_hex

    from nndesk import viz
    from nndesk.replay import ReplayRecord
    from nndesk.ui import theme
    from nndesk.ui.replay_view import ReplayView

    theme.apply_theme(qapp, "light")
    try:
        view = ReplayView()
        qtbot.addWidget(view)
        view.resize(700, 560)
        view.show()
        record = ReplayRecord(class_names=tuple(str(i) for i in range(3)))
        record.add(1, np.array([[50, 2, 0], [3, 40, 1], [0, 5, 45]]))
        view.show_record(record)
        qtbot.waitUntil(lambda: view.confusion is not None and view.confusion.matrix() is not None)
        if switched_while == "hidden":
            view.hide()
        theme.apply_theme(qapp, "dark")
        view.show()
        chart = view.confusion
        qtbot.waitUntil(chart.current, timeout=60000)  # drawn off the GUI thread
        assert to_hex(chart.figure.patch.get_facecolor()) == theme.DARK.window
        image = chart.ax.get_images()[0]
        corner = to_hex(image.cmap(image.norm(image.get_array()[0, 2])))  # an empty cell
        assert viz.luminance(corner) < 0.1  # dark, not white
        for text in chart.ax.texts:  # every count reads on its cell
            row, col = (round(v) for v in reversed(text.get_position()))
            cell = to_hex(image.cmap(image.norm(image.get_array()[row, col])))
            if text.get_text() != "0":
                assert viz.contrast(to_hex(text.get_color()), cell) >= 4.5
    finally:
        theme.apply_theme(qapp, "system")


def test_in_the_other_mode_the_replay_does_not_read_the_drawing_with_the_runs_network(
    qtbot,
    panel,  # noqa: F811
    tiny_dataset,  # noqa: F811
):
    """walk57 #7: in Clothing, Replay read a drawn coat with the last Digits run's network
    ("0" at 82 %). Clothing's page shows its own runs (none here, walk62 D6); back in Digits
    the Digits run reads the drawing."""
    panel.follow_mode("digits")  # the window's mode, as the window says it at its start
    run_three_epochs(qtbot, panel)
    view = panel.replay_view
    panel.tabs.setCurrentWidget(panel.replay_page)
    panel.follow_mode("garments")  # the window went on to Clothing
    view.set_drawing(tiny_dataset.test_images[3].astype(np.float32))
    assert len(view.record) == 0 and view.bars.probabilities() is None  # no run to read it
    with qtbot.waitSignal(view.drawing_read, timeout=WAIT_MS):
        panel.follow_mode("digits")
    assert view.bars.probabilities() is not None and view.drawing_note.text() == ""


def test_during_a_run_replay_shows_it_not_the_run_selected_in_runs_before(
    qtbot,
    panel,  # noqa: F811
    tiny_dataset,  # noqa: F811
):
    """walk58 #11: during a run Replay said "the selected run, from 04:22:14, is not one of
    them" and "No epochs yet" of a run selected in Runs before (the Runs list, read again as
    the run's folder appeared, put its selection back); the run training is the one shown, and
    another run selected during it is followed."""
    store = panel.runs_view.store
    old = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1}, title="earlier")
    old.status = "completed"
    store.save(old)
    panel.runs_view.refresh(select_id=old.run_id)
    qtbot.waitUntil(lambda: not panel.runs_view.reading, timeout=WAIT_MS)
    view = panel.replay_view
    assert view.note.text().startswith("Replay keeps the epochs")  # that run is not kept
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS):
        start_long_run(qtbot, panel)
    panel.runs_view.refresh()  # its folder appeared: the list is read again
    qtbot.waitUntil(lambda: not panel.runs_view.reading, timeout=WAIT_MS)
    assert [r.run_id for r in panel.runs_view.selected_records()] == [old.run_id]
    assert view.record is panel.controller.replay
    assert not view.note.text().startswith("Replay keeps the epochs")
    panel.runs_view.select_runs([])  # then the earlier run again: the user's choice
    panel.runs_view.select_runs([old.run_id])
    assert view.note.text().startswith("Replay keeps the epochs")
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
