"""Each mode's Train page shows its own last run, or none (walk62 D6)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from nndesk.settings_schema import MAX_EPOCHS
from tests.ui.test_training_panel import (
    WAIT_MS,
    make_panel,
    panel,
    slow_panel,
    stop_inside_the_first_epoch,
    tiny_dataset,
    wait_until_idle,
)

__all__ = ["panel", "slow_panel", "tiny_dataset"]  # the fixtures, used by name

#: (the mode Train is pressed in, the run's dataset, the mode it trains in)
MOVES = [("garments", "mnist", "digits"), ("digits", "fashion", "garments")]


def shown(panel) -> dict:
    """What the Train page says of the run on show."""
    return {
        "title": panel.title.text(),
        "progress": panel.progress.text(),
        "line": panel.speed.text(),
        "model": panel.model_label.text(),
        "continue": panel.resume_button.isEnabled(),
        "epochs": list(panel.curves.epochs),
        "coach": panel.coach.quiet.isVisible() or panel.coach.label.isVisible(),
    }


def train_in(qtbot, panel, mode: str, epochs: int = 2) -> dict:
    panel.follow_mode(mode)
    panel.form.epochs.setValue(epochs)
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    wait_until_idle(qtbot, panel)
    return shown(panel)


def assert_no_run(panel) -> None:
    now = shown(panel)
    assert now["title"] == "No run yet" and now["progress"] == "Ready"
    assert now["line"] == "Choose settings and press Train." and now["model"] == ""
    assert not now["continue"] and now["epochs"] == [] and not now["coach"]
    assert panel.continue_model() is None and panel.last_run_id is None


def test_each_modes_train_page_shows_its_own_last_run_or_none(qtbot, panel):
    """walk62 D6: after a Fashion run, Ctrl+1 showed its headline, "Test accuracy … on
    Fashion-MNIST", coach and Continue on the Digits page, under the Digits form."""
    fashion = train_in(qtbot, panel, "garments")
    assert fashion["continue"] and fashion["epochs"] == [1, 2] and fashion["coach"]
    assert fashion["progress"].startswith("Finished")
    panel.follow_mode("digits")
    assert_no_run(panel)
    panel.follow_mode("garments")
    assert shown(panel) == fashion
    # a Digits run of its own leaves the Fashion page as it was, and is shown in Digits
    digits = train_in(qtbot, panel, "digits", epochs=1)
    assert digits["epochs"] == [1] and digits["title"] != fashion["title"]
    panel.follow_mode("garments")
    assert shown(panel) == fashion
    panel.follow_mode("digits")
    assert shown(panel) == digits


def test_a_run_that_ends_in_another_mode_stays_on_its_own_modes_page(qtbot, panel):
    """A mode switched to while a run trains: the page shows the run until it ends (walk62
    D0), then the mode's own page; the status line says where the run went."""
    panel.follow_mode("garments")
    assert panel.start_training(panel.form.config().replace(epochs=MAX_EPOCHS))
    # an epoch ended before the stop: a run stopped in its first epoch has no epoch to show
    # and no model to continue (stopped after 3 batches, CI's run had not ended one)
    qtbot.waitUntil(lambda: len(panel.curves.epochs) >= 1, timeout=WAIT_MS)
    said: list[str] = []
    panel.status_message.connect(said.append)
    panel.follow_mode("digits")
    assert panel.title.text() != "No run yet"  # the running run, while it trains
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        panel.controller.stop()
    wait_until_idle(qtbot, panel)
    assert_no_run(panel)
    assert panel.form.config().dataset == "mnist"
    assert any("stay on the Train page of Clothing (Fashion-MNIST)" in s for s in said), said
    panel.follow_mode("garments")
    assert panel.progress.text().startswith("Stopped") and panel.resume_button.isEnabled()
    assert panel.curves.epochs and panel.continue_model() is not None


@pytest.mark.parametrize(("pressed_in", "run_dataset", "run_mode"), MOVES)
def test_a_run_on_another_modes_data_stays_on_the_page_of_the_mode_it_trained_in(
    qtbot, named_panel, pressed_in, run_dataset, run_mode
):
    """walk64 D0: Train pressed in Clothing with a Digits preset (the preset list offers every
    lab in every mode): the window follows the run to Digits, and at its end the run was filed
    on the Clothing page, the Digits page said "No run yet". The run belongs to its data's mode;
    the mode Train was pressed in keeps the run it showed."""
    from nndesk.data.registry import DATASETS

    panel = named_panel
    before = train_in(qtbot, panel, pressed_in, epochs=1)
    replay_before = replay_shown(panel)
    panel.form.dataset.setCurrentIndex(panel.form.dataset.findData(run_dataset))
    panel.form.epochs.setValue(2)
    said: list[str] = []
    panel.status_message.connect(said.append)
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        assert panel.start_training()
        # the window takes the run's mode at its first weights (app.wiring), as a hand would
        qtbot.waitUntil(lambda: panel.controller.batches_done >= 1, timeout=WAIT_MS)
        panel.follow_mode(run_mode)
    wait_until_idle(qtbot, panel)
    run = shown(panel)
    assert not run["title"].startswith("No run yet") and run["progress"].startswith("Finished"), run
    assert run["epochs"] == [1, 2] and run["continue"] and run["coach"]
    assert not any("stay on the Train page of" in s for s in said), said
    replay_run = replay_shown(panel)
    assert replay_run[1:] == (
        epochs_line(run_dataset, "Epoch 2 of 2"),
        DATASETS[run_dataset].class_names,
    )
    panel.follow_mode(pressed_in)
    assert shown(panel) == before and replay_shown(panel) == replay_before
    panel.follow_mode(run_mode)
    assert shown(panel) == run and replay_shown(panel) == replay_run


def test_a_run_moved_to_its_datas_mode_that_never_starts_leaves_the_page_where_it_was(
    qtbot, slow_panel
):
    """A run on the other mode's data stopped before it started: the page is still the mode's
    it was pressed in (no run filed anywhere)."""
    panel = slow_panel
    panel.follow_mode("garments")
    panel.form.dataset.setCurrentIndex(panel.form.dataset.findData("mnist"))
    assert panel.start_training()
    panel.controller.stop()
    panel.loaded.set()
    wait_until_idle(qtbot, panel)
    assert panel.page_mode == "garments" and panel.mode_pages() == {}


def test_a_model_loaded_in_a_mode_is_continued_there(qtbot, panel):
    """A model loaded on the page (Load model…, Runs > Use model) is that mode's page's:
    Continue trains it there; the other mode's page does not offer it."""
    train_in(qtbot, panel, "digits")
    path = panel.controller.model_path
    panel.follow_mode("garments")
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        panel.load_model(path)
    assert panel.resume_button.isEnabled()
    panel.follow_mode("digits")
    panel.follow_mode("garments")
    assert panel.resume_button.isEnabled() and panel.loaded_model == path
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        assert panel.continue_training()
    wait_until_idle(qtbot, panel)


def continued(qtbot, panel):
    """Continue, and the config the continued run trains with."""
    with qtbot.waitSignal(panel.controller.run_started, timeout=WAIT_MS) as started:
        assert panel.continue_training()
    config = started.args[0].config
    panel.controller.stop()
    wait_until_idle(qtbot, panel)
    return config


def test_continue_with_a_form_set_for_another_dataset_trains_with_the_runs_own_settings(
    qtbot, panel
):
    """walk62: Continue under the Digits form's mnist-gd (lr 0.5, full batch, 500 epochs)
    trained the Fashion PReLU lab on with them, and it diverged. A form set for another
    dataset than the model's is another lab's: the run's own settings are used, the form shows
    them, and the line under the bar says so."""
    train_in(qtbot, panel, "digits")
    own = panel.form.config()
    form = panel.form
    form.dataset.setCurrentIndex(form.dataset.findData("fashion"))
    form.lr.setText("0.5")
    form.batch_size.setValue(0)
    said: list[str] = []
    panel.status_message.connect(said.append)
    config = continued(qtbot, panel)
    assert (config.dataset, config.lr, config.batch_size) == ("mnist", own.lr, own.batch_size)
    assert form.config().dataset == "mnist" and form.config().lr == own.lr
    line = "Continues with the run's own settings: the form was set for Fashion-MNIST"
    assert any(s.startswith(line) for s in said), said
    assert panel.header.alert.text().startswith(line)  # said until the next run starts


def test_continue_with_the_form_changed_for_the_same_data_trains_with_the_change(qtbot, panel):
    """A rate typed for the run's own data is the person's choice for it: Continue uses it."""
    train_in(qtbot, panel, "digits")
    panel.form.lr.setText("0.0123")
    config = continued(qtbot, panel)
    assert config.dataset == "mnist" and config.lr == 0.0123


def _the_digits_run_back_on_ctrl_1_in_english(qtbot, desk, title: str) -> None:
    """The window switched back to English, then Ctrl+1: the Digits page shows its run
    (``title``) and offers Continue. Closes the window and forgets the datasets."""
    from nndesk.controllers import datasets
    from tests.ui.test_language_switch import _switch

    desk = _switch(qtbot, desk, "en")
    desk.window.act_digits.trigger()
    page = desk.train_page
    assert page.title.text() == title and page.resume_button.isEnabled()
    desk.window.close()
    datasets.forget_datasets()


def test_a_language_switch_keeps_the_other_modes_page(qtbot, window_factory, tiny_idx_dir):
    """The window rebuilt in another language keeps each mode's page: the Digits run comes
    back on Ctrl+1 after the switch was made in Clothing."""
    from nndesk import preferences
    from nndesk.controllers import datasets
    from tests.ui.conftest import train_two_epochs
    from tests.ui.test_language_switch import _switch

    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    page = desk.train_page
    train_two_epochs(qtbot, page)
    title = page.title.text()
    desk.window.act_garments.trigger()
    assert page.title.text() != title and not page.resume_button.isEnabled()
    desk = _switch(qtbot, desk, "vi")
    _the_digits_run_back_on_ctrl_1_in_english(qtbot, desk, title)


def _hold_the_read_until_the_switch_takes_the_window(monkeypatch) -> None:
    """A model file's read (the worker's ``Classifier.from_file``) waits until a language
    switch has taken the old window's state: the switch comes while the mode's model is read,
    as it did under load (the s73 whole-suite failure of the test above)."""
    import threading

    import nndesk.app.desk as desk_module
    from nndesk.inference import Classifier

    taken = threading.Event()
    read, capture = Classifier.from_file, desk_module.capture_state

    def held_read(path, *args, **kwargs):
        taken.wait(timeout=30)
        return read(path, *args, **kwargs)

    def capture_then_release(desk):
        state = capture(desk)
        taken.set()  # the old window's read ends before it closes (its thread is joined)
        return state

    monkeypatch.setattr(Classifier, "from_file", staticmethod(held_read))
    monkeypatch.setattr(desk_module, "capture_state", capture_then_release)


def test_a_language_switch_while_the_modes_model_loads_keeps_the_mode_and_its_page(
    qtbot, window_factory, tiny_idx_dir, tmp_path, monkeypatch
):
    """s73: a switch to Clothing after a Digits run, then View > Language while Clothing's
    model was still read: the rebuilt window came back in Digits (the mode of the model still
    in use) over Clothing's page, "No run yet", and Ctrl+1, Digits already, never brought the
    Digits run back. The window comes back in Clothing and reads Clothing's model itself."""
    from nndesk import preferences
    from nndesk.app import coordinator
    from nndesk.controllers import datasets
    from tests.ui.conftest import tiny_garments_model_file, train_two_epochs
    from tests.ui.test_language_switch import _switch

    garments = tiny_garments_model_file(tmp_path)
    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    monkeypatch.setattr(coordinator, "mode_models", lambda k: [garments] if k == "garments" else [])
    page = desk.train_page
    train_two_epochs(qtbot, page)
    title = page.title.text()
    _hold_the_read_until_the_switch_takes_the_window(monkeypatch)
    desk.window.act_garments.trigger()
    assert desk.prediction.is_loading() and desk.prediction.current().mode == "digits"
    desk = _switch(qtbot, desk, "vi")
    assert desk.window.mode() == "garments" and desk.train_page.page_mode == "garments"
    qtbot.waitUntil(lambda: desk.prediction.current() is not None, timeout=20_000)
    assert desk.prediction.current().preprocess_kind == "garments"
    assert desk.window.mode() == "garments"
    _the_digits_run_back_on_ctrl_1_in_english(qtbot, desk, title)


@pytest.fixture
def named_panel(qtbot, tiny_dataset, tmp_path):
    """A panel whose data is the tiny set under the name and class names asked for: a
    Fashion-MNIST run's records name T-shirt/top … Ankle boot."""
    from nndesk.data.registry import DATASETS

    def provider(name):
        return replace(tiny_dataset, name=name, class_names=DATASETS[name].class_names)

    widget = make_panel(qtbot, tmp_path, provider)
    yield widget
    widget.shutdown()


def epochs_line(dataset: str, said: str) -> str:
    """Replay's epochs line of a run on ``dataset``: the form's settings were edited from the
    Fashion lab's preset, which the run names (walk64 D17), on MNIST too: no longer that lab,
    but its settings still came from it (verify68 #4; it named none)."""
    return f"fashion-mlp-lab, changed · {said}"


def replay_shown(panel) -> tuple:
    """What the Replay tab says, shown: its note, its epochs line, the classes its bars name."""
    panel.tabs.show_named("replay")
    view = panel.replay_view
    # the run's preset on its line over the epoch's (fixC), read as one line
    line = " · ".join(t for t in (view.run_label.text(), view.epoch_label.text()) if t)
    return view.note.text(), line, tuple(view.bars._names)


def test_each_modes_replay_shows_its_own_run_or_none_with_its_own_classes(qtbot, named_panel):
    """verify63 V1: after a Fashion run, Ctrl+1's Replay said "The latest run, from 19:49, has
    not finished an epoch" with bars T-shirt/top … Ankle boot beside the Digits drawing; a
    Digits run then Ctrl+2 the same the other way round."""
    from nndesk.data.registry import DATASETS

    panel = named_panel
    digits, garments = DATASETS["mnist"].class_names, DATASETS["fashion"].class_names
    untrained = ("Train a run to replay it epoch by epoch.", "No epochs yet")
    train_in(qtbot, panel, "garments")
    fashion = replay_shown(panel)
    assert fashion[1] == epochs_line("fashion", "Epoch 2 of 2") and fashion[2] == garments
    panel.follow_mode("digits")
    assert replay_shown(panel) == (*untrained, digits)
    panel.follow_mode("garments")
    assert replay_shown(panel) == fashion
    train_in(qtbot, panel, "digits", epochs=1)
    digits_run = replay_shown(panel)
    assert digits_run[1] == epochs_line("mnist", "Epoch 1 of 1") and digits_run[2] == digits
    panel.follow_mode("garments")
    assert replay_shown(panel) == fashion
    panel.follow_mode("digits")
    assert replay_shown(panel) == digits_run


def test_a_run_stopped_in_its_first_epoch_is_named_on_its_own_modes_replay_only(qtbot, named_panel):
    """The note of a run with no epoch ended belongs to its mode's Replay; the other mode's
    says no run, with its own classes (verify63 V1's cause: the note outlived the switch)."""
    from nndesk.data.registry import DATASETS

    panel = named_panel
    panel.follow_mode("digits")
    stop_inside_the_first_epoch(qtbot, panel)
    panel.follow_mode("garments")
    garments = DATASETS["fashion"].class_names
    assert replay_shown(panel) == (
        "Train a run to replay it epoch by epoch.",
        "No epochs yet",
        garments,
    )
    panel.follow_mode("digits")
    note, epochs, names = replay_shown(panel)
    assert note.startswith("The latest run, from ") and "has not finished an epoch" in note
    assert epochs == "No epochs yet" and names == DATASETS["mnist"].class_names


def test_in_the_window_a_digits_run_from_clothing_ends_on_the_digits_page(
    qtbot, window_factory, tiny_idx_dir
):
    """walk64 D0 in a window: its wiring takes the run's mode at the run's first weights."""
    from nndesk import preferences
    from nndesk.controllers import datasets
    from tests.ui.conftest import train_two_epochs

    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()
    desk = window_factory(mode="garments")
    page = desk.train_page
    train_two_epochs(qtbot, page)  # an MNIST run, Train pressed in Clothing
    qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
    assert desk.window.mode() == "digits"
    assert page.progress.text().startswith("Finished") and page.resume_button.isEnabled()
    assert page.curves.epochs == [1, 2]
    desk.window.act_garments.trigger()
    assert page.title.text().startswith("No run yet") and not page.resume_button.isEnabled()
    desk.window.act_digits.trigger()
    assert page.progress.text().startswith("Finished") and page.curves.epochs == [1, 2]
    desk.window.close()
    datasets.forget_datasets()


def test_a_rebuilt_page_keeps_the_mode_of_the_run_it_shows(qtbot, tmp_path):
    """The cause of test_a_language_switch_keeps_the_other_modes_page's failures (lands of
    00:59 and 04:03): the window rebuilt in another language said the mode of the model still
    in use (Digits' run: Clothing's model was still loading) before the page took over what
    it showed in Clothing; the page then counted Clothing's page as Digits', and Ctrl+1 kept
    it: "No run yet" where the Digits run was."""
    from nndesk.controllers.training import TrainingController
    from nndesk.runs import RunStore
    from tests.ui.conftest import training_page

    old = training_page(TrainingController(store=RunStore(tmp_path / "runs")))
    qtbot.addWidget(old)
    old.show_mode_page("digits")
    old.run_state.last_run_id = "20261207-000000-000abcd"  # a Digits run (its file gone)
    old.header.set_title("the Digits run")
    old.show_mode_page("garments")
    state = old.page_state()
    assert state.page_mode == "garments"

    new = training_page(TrainingController(store=RunStore(tmp_path / "runs")))
    qtbot.addWidget(new)
    new.show_mode_page("digits")  # the rebuilt window's first word: the old model's mode
    new.restore_page_state(state)
    assert new.page_mode == "garments"
    assert new.show_mode_page("digits")
    assert new.title.text() == "the Digits run"
