"""Continue offers what the coach advised (walk65 D5): the coach's rate first, the rate the run
ended with beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    _open_continue,
    slow_panel,
    tiny_dataset,
    wait_until_idle,
)


def _raised_in_epoch_2(qtbot, panel, raised: float = 0.02) -> None:  # noqa: F811
    """A 3-epoch run at lr 0.005 whose rate was set to ``raised`` by hand early in epoch 2,
    trained to its end."""
    panel.form.lr.setText("0.005")
    assert panel.start_training(panel.form.config().replace(epochs=3))
    # held before its first batch: the data waits for the test (``slow_panel``); a pause sent
    # after the start could come when a loaded machine had trained the whole tiny run, the
    # raise then landing after its last batch, unused (the flake: the coach offered 0.0017)
    panel.controller.pause()
    panel.loaded.set()
    last = lambda: panel.run_state.last_batch  # noqa: E731
    qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)
    while last() is None or last().epoch < 2:  # a batch at a time, to epoch 2's first
        before = last()
        panel.controller.step()
        qtbot.waitUntil(lambda before=before: last() is not before, timeout=WAIT_MS)
    # typed as a person types it: "LR now" follows the run's rate while unedited, and setText
    # leaves it unedited
    panel.live_lr.selectAll()
    qtbot.keyClicks(panel.live_lr, f"{raised:g}")
    assert panel.live_lr.isModified()
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Resume
    wait_until_idle(qtbot, panel)
    assert panel.run_state.completed


def test_continue_offers_the_coachs_rate_after_a_raise_that_hurt_and_trains_at_it(
    qtbot,
    slow_panel,  # noqa: F811
):
    """walk65 D5: Continue, right under "the rate 0.002 overshoots: set it back to 0.000452",
    went on at 0.002. The raise here is a real one (set by hand in epoch 2); its validation
    losses are made to rise as the walk's did (the tiny blobs learn whatever the rate)."""
    panel = slow_panel
    _raised_in_epoch_2(qtbot, panel)
    curves = panel.run_state.continuable[1]
    curves.val_loss[:] = [0.40, 0.55, 0.65]  # the lowest before the raise, then above it
    dialog = _open_continue(qtbot, panel)
    assert dialog.coach.isVisible() and dialog.coach.isChecked()
    assert dialog.coach.text() == "Take the coach's &rate: lr 0.005"
    assert "raised from 0.005 to 0.02 in epoch 2" in dialog.coach_said.text()
    assert dialog.keep.text().endswith("lr 0.02")  # the kept rate, beside it
    assert dialog.summary.text() == "Epoch 4: lr 0.005, the coach's rate, for every batch."
    started = []
    panel.controller.run_started.connect(started.append)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    (run,) = started
    assert (run.first_epoch, run.last_epoch) == (4, 4)
    assert run.config.schedule == "constant" and run.config.lr == pytest.approx(0.005)
    assert panel.run_state.last_batch.lr == pytest.approx(0.005)  # every batch at it


def test_continue_offers_no_coachs_rate_when_the_coach_has_none(qtbot, slow_panel):  # noqa: F811
    panel = slow_panel
    _raised_in_epoch_2(qtbot, panel)
    curves = panel.run_state.continuable[1]
    curves.val_loss[:] = [0.50, 0.45, 0.40]  # the raise helped: nothing to set back
    panel.controller.inside.samples.clear()  # (at lr 0.02 the tiny net's units died: a hint)
    dialog = _open_continue(qtbot, panel)
    assert not dialog.coach.isVisible() and dialog.keep.isChecked(), dialog.coach_said.text()
    dialog.reject()


def _held_run(qtbot, panel, lr: str, batch: int, epochs: int):
    """Start a ``slow_panel`` run at ``lr`` held before its first batch; return ``step``, which
    trains one batch and waits for it, so a test stops it where it says on any machine."""
    panel.form.lr.setText(lr)
    panel.form.batch_size.setValue(batch)
    assert panel.start_training(panel.form.config().replace(epochs=epochs))
    panel.controller.pause()
    panel.loaded.set()
    qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)

    def step() -> None:
        before = panel.run_state.last_batch
        panel.controller.step()
        qtbot.waitUntil(lambda: panel.run_state.last_batch is not before, timeout=WAIT_MS)

    return step


def _stopped_in_epoch_4_of_6_after_a_raise(
    qtbot, panel, raised: float = 0.02, stop_in: int = 4
) -> None:
    """A 6-epoch run at lr 0.005, its rate set to ``raised`` by hand early in epoch 2, stopped
    by Stop in epoch 4: three epochs trained, three left of its plan. It steps a batch at a
    time from before its first (``slow_panel``), so the stop lands where it says on any
    machine; two batches an epoch (of the tiny set's 160), few steps to take."""
    step = _held_run(qtbot, panel, "0.005", batch=80, epochs=6)
    last = lambda: panel.run_state.last_batch  # noqa: E731

    def step_to(epoch: int) -> None:
        while last() is None or last().epoch < epoch:
            step()

    step_to(2)
    panel.live_lr.selectAll()
    qtbot.keyClicks(panel.live_lr, f"{raised:g}")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    step_to(stop_in)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    assert not panel.run_state.completed and panel.run_state.model_end[0] == stop_in - 1


def test_continue_of_a_run_stopped_short_asks_offering_the_coachs_rate_and_the_epochs_left(
    qtbot,
    slow_panel,  # noqa: F811
):
    """verify66 #1: a run stopped before its last epoch went on at once, at the rate the coach
    had just said overshoots and with the form's Epochs, saying nothing first. It asks as a
    finished run's Continue does: the coach's rate chosen first, the epochs left of its plan
    suggested, the form's Epochs a click away."""
    panel = slow_panel
    _stopped_in_epoch_4_of_6_after_a_raise(qtbot, panel)
    curves = panel.run_state.continuable[1]
    curves.val_loss[:] = [0.40, 0.55, 0.65]  # the lowest before the raise, then above it
    assert panel.form.epochs.value() == 2  # the form's Epochs: not this run's 6
    dialog = _open_continue(qtbot, panel)
    assert dialog.intro.text().endswith(
        "It was stopped at batch 1 of epoch 4: what it learnt up to there is kept. The first "
        "new epoch trains the rest of epoch 4, from batch 2; whole epochs follow. Its plan "
        "ended with epoch 6."
    )
    assert dialog.coach.isChecked() and dialog.coach.text() == "Take the coach's &rate: lr 0.005"
    assert dialog.keep.text().endswith("lr 0.02")
    assert dialog.rest_of_plan.isChecked() and dialog.epochs.value() == 3
    assert dialog.rest_of_plan.text() == "The rest of its &plan: 3 more, to epoch 6"
    assert dialog.form_epochs.isVisible()
    assert dialog.form_epochs.text() == "As many as Optimisation > &Epochs says: 2 more, to epoch 5"
    assert dialog.summary.text() == (
        "The rest of epoch 4 (from batch 2) and epochs 5–6: lr 0.005, the coach's rate, for "
        "every batch."
    )
    qtbot.mouseClick(dialog.form_epochs, Qt.MouseButton.LeftButton)
    assert dialog.epochs.value() == 2 and not dialog.rest_of_plan.isChecked()
    assert dialog.summary.text() == (
        "The rest of epoch 4 (from batch 2) and epoch 5: lr 0.005, the coach's rate, for every "
        "batch."
    )
    qtbot.mouseClick(dialog.rest_of_plan, Qt.MouseButton.LeftButton)
    started, notes = [], []
    panel.controller.run_started.connect(started.append)
    # (the page's own slot first: the line beside the rate as the run starts)
    panel.controller.run_started.connect(lambda _run: notes.append(panel.lr_error.text()))
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    (run,) = started
    assert notes[0].startswith("Continues 3 more epochs, to epoch 6, as you chose."), notes
    assert (run.first_epoch, run.last_epoch) == (4, 6)
    assert run.config.schedule == "constant" and run.config.lr == pytest.approx(0.005)
    assert panel.run_state.last_batch.lr == pytest.approx(0.005)  # every batch at it
    assert panel.run_state.completed


def test_continue_of_a_collapsed_network_says_the_coachs_words_and_offers_no_rate_of_its(
    qtbot,
    slow_panel,  # noqa: F811
):
    """verify66 #3: mnist-gd dead at the loss of guessing (2.3012 = ln 10) since a raise was
    offered the coach's 0.5 again; no rate revives it. Its training losses are made to sit at
    ln 10 after its first epoch, as that run's did (the tiny blobs learn whatever the rate)."""
    panel = slow_panel
    _stopped_in_epoch_4_of_6_after_a_raise(qtbot, panel, stop_in=5)
    curves = panel.run_state.continuable[1]
    curves.train_loss[:] = [1.20, 2.3020, 2.3026, 2.3031]
    curves.val_loss[:] = [1.10, 2.3021, 2.3027, 2.3030]
    dialog = _open_continue(qtbot, panel)
    assert not dialog.coach.isVisible() and dialog.keep.isChecked()
    assert dialog.coach_said.isVisible()
    assert dialog.coach_said.text().startswith(
        "The coach: Train it again from the start: the training loss has stood at 2.3031 since "
        "epoch 2, the loss of a network that answers every image alike (ln 10 = 2.3026)."
    )
    dialog.reject()
    panel._show_coach()  # the page judged the curves as the run ended, before they were set
    assert "Train it again from the start" in panel.coach_label.text()  # first, before "dead"
    assert not panel.coach_button.isVisible()


def test_continue_after_runs_use_model_offers_the_coachs_rate_and_the_plans_rest(
    qtbot,
    slow_panel,  # noqa: F811
):
    """verify67 #1 (tail): Runs > Use model of a run whose raise hurt: the coach's place said to
    set the rate back, and Continue offered only the rate the run ended with. It offers what
    it offers after the run itself: the coach's rate, and the rest of the plan."""
    panel = slow_panel
    _stopped_in_epoch_4_of_6_after_a_raise(qtbot, panel)
    (record,) = panel.runs_view.records()
    with qtbot.waitSignal(panel.controller.model_opened, timeout=WAIT_MS):
        panel.runs_view.use_model_requested.emit(record.model_path)  # Runs > Use model
    assert panel.run_state.loaded_model == record.model_path
    assert panel.curves.changes  # the run's raise, read back with its curves
    panel.curves.val_loss[:] = [0.40, 0.55, 0.65]  # the raise hurt, as in the tests above
    panel._show_coach()
    assert "raised from 0.005 to 0.02 in epoch 2" in panel.coach.label.text()  # its place
    dialog = _open_continue(qtbot, panel)
    assert dialog.intro.text().endswith(
        "It was stopped at batch 1 of epoch 4: what it learnt up to there is kept. The first "
        "new epoch trains the rest of epoch 4, from batch 2; whole epochs follow. Its plan "
        "ended with epoch 6."
    )
    assert dialog.coach.isVisible() and dialog.coach.isChecked()
    assert dialog.coach.text() == "Take the coach's &rate: lr 0.005"
    assert "raised from 0.005 to 0.02 in epoch 2" in dialog.coach_said.text()
    assert dialog.keep.text().endswith("lr 0.02")
    assert dialog.rest_of_plan.isChecked() and dialog.epochs.value() == 3
    started = []
    panel.controller.run_started.connect(started.append)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    (run,) = started
    assert (run.first_epoch, run.last_epoch) == (4, 6) and run.config.lr == pytest.approx(0.005)
    assert panel.run_state.last_batch.lr == pytest.approx(0.005)  # every batch at it


def _stopped_in_epoch_1_after_a_hand_rate(qtbot, panel, hand: float = 0.003) -> None:
    """A 3-epoch run at lr 0.01 (four batches an epoch), its rate set to ``hand`` by hand
    before batch 2 of epoch 1 and stopped after batch 3 of epoch 1: no whole epoch trained."""
    step = _held_run(qtbot, panel, "0.01", batch=40, epochs=3)
    last = lambda: panel.run_state.last_batch  # noqa: E731
    step()
    panel.live_lr.selectAll()
    qtbot.keyClicks(panel.live_lr, f"{hand:g}")
    qtbot.mouseClick(panel.lr_button, Qt.MouseButton.LeftButton)
    step()
    step()
    assert (last().epoch, last().batch, last().lr) == (1, 3, pytest.approx(hand))
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    assert panel.run_state.model_end[0] == 0  # no whole epoch


@pytest.mark.parametrize("reopened", [False, True], ids=["live", "runs-use-model"])
def test_continue_after_a_stop_inside_the_first_epoch_keeps_the_rate_set_by_hand(
    qtbot,
    slow_panel,  # noqa: F811
    reopened,
):
    """walk69 D1: stopped at batch 405 of epoch 1, its rate set to 0.003 by hand at batch 197,
    Continue offered "keep the rate the run ended with: lr 0.01" (the form's: no epoch had
    ended to read a rate from) and trained the rest at 0.01; it said "from the end of epoch
    0". It offers the rate set by hand and trains at it, from the Live tab and after Runs >
    Use model, and says the batch it goes on from."""
    panel = slow_panel
    _stopped_in_epoch_1_after_a_hand_rate(qtbot, panel)
    if reopened:
        (record,) = panel.runs_view.records()
        with qtbot.waitSignal(panel.controller.model_opened, timeout=WAIT_MS):
            panel.runs_view.use_model_requested.emit(record.model_path)
    panel.controller.inside.samples.clear()  # (the coach's hints on the tiny net: not asked)
    dialog = _open_continue(qtbot, panel)
    assert dialog.keep.text() == "&Keep the rate the run ended with: lr 0.003"
    assert dialog.intro.text().endswith(
        "further. It was stopped at batch 3 of epoch 1: what it learnt up to there is kept. "
        "The first new epoch trains the rest of epoch 1, from batch 4; whole epochs follow. "
        "Its plan ended with epoch 3."
    ), dialog.intro.text()
    dialog.keep.setChecked(True)
    dialog.epochs.setValue(2)
    assert dialog.summary.text() == (
        "The rest of epoch 1 (from batch 4) and epoch 2: lr 0.003, the rate the run ended "
        "with, for every batch."
    )
    started = []
    panel.controller.run_started.connect(started.append)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    (run,) = started
    assert (run.first_epoch, run.last_epoch) == (1, 2)
    assert run.config.lr == pytest.approx(0.003) and run.config.schedule == "constant"
    assert panel.run_state.last_batch.lr == pytest.approx(0.003)


def test_before_the_first_batch_the_coach_waits_for_curves(qtbot, slow_panel):  # noqa: F811
    """walk71 F5: at "Starting…", the data still loading, the coach said "sees no problem in
    this run's curves": there were none. Until the first batch its place says it waits for
    them (never blank: walk49 D6), then the quiet line or a hint."""
    panel = slow_panel
    panel.reserve_coach()  # as the Train click does
    assert panel.start_training(panel.form.config().replace(epochs=1))
    qtbot.waitUntil(panel.controller.is_running, timeout=WAIT_MS)
    panel._show_coach()  # noqa: SLF001  (what any event of the starting run does)
    coach = panel.coach
    assert coach.quiet.isVisible()
    assert coach.quiet.text() == "Waiting for the first curves…"
    assert not coach.says_nothing()
    panel.controller.pause()
    panel.loaded.set()  # the data comes: the first batch is judged
    qtbot.waitUntil(panel.controller.is_paused, timeout=WAIT_MS)
    panel.controller.step()
    qtbot.waitUntil(lambda: panel.run_state.last_batch is not None, timeout=WAIT_MS)
    no_problem = "The coach sees no problem in this run's curves."
    qtbot.waitUntil(
        lambda: (
            (coach.quiet.isVisible() and coach.quiet.text() == no_problem)
            or coach.label.isVisible()
        ),
        timeout=WAIT_MS,
    )
