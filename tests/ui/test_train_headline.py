"""The Train page's headline when no run is going: it names the latest run of earlier
sessions, and what an enabled Continue would train (probe 32)."""

from __future__ import annotations

import dataclasses

import pytest

from nndesk.runs import RunStore
from nndesk.ui.runs_table import started_text
from tests.ui import test_training_panel
from tests.ui.test_training_panel import WAIT_MS, make_panel, wait_until_idle


@pytest.fixture
def tiny_dataset(tiny_idx_dir):
    """The Train page tests' small MNIST (their fixture, under its own name here)."""
    return test_training_panel.tiny_dataset.__wrapped__(tiny_idx_dir)


@pytest.fixture
def panel(qtbot, tiny_dataset, tmp_path):
    """A Train page training on the tiny MNIST (as the Train page tests' ``panel``)."""
    widget = make_panel(qtbot, tmp_path, lambda name: tiny_dataset)
    yield widget
    widget.shutdown()


def test_with_runs_from_earlier_sessions_the_headline_names_the_latest(qtbot, tmp_path):
    """Probe 32: after a restart the page said "No run yet" beside a Runs tab of four runs."""
    store = RunStore(tmp_path / "runs")
    for title in ("mnist 784-16-10 first", "mnist 784-32-10 latest"):
        record = store.create({"dataset": "mnist", "arch": "784-16-10"}, title=title)
        record.status = "completed"
        store.save(record)
    panel = make_panel(qtbot, tmp_path, lambda name: None)
    qtbot.waitUntil(lambda: "latest" in panel.title.text(), timeout=WAIT_MS)
    assert "mnist 784-32-10 latest" in panel.title.text()
    assert "Use model" in panel.title.toolTip()  # how to train it further
    # the Replay tab, with nothing to replay, names it rather than "Train a run to replay it"
    note = panel.replay_view.note.text()
    assert note.startswith("Replay keeps the epochs of the runs trained since nndesk opened")
    assert started_text(store.list()[0]) in note
    empty = make_panel(qtbot, tmp_path / "elsewhere", lambda name: None)
    assert empty.title.text() == "No run yet"  # no runs: nothing else to say
    assert empty.replay_view.note.text() == "Train a run to replay it epoch by epoch."


def test_the_headline_names_the_latest_run_of_the_modes_own_dataset(qtbot, tmp_path):
    """verify60 D-H: in Digits the page said "No run yet in this window · the latest (11:30):
    Fashion-MNIST 784-32-10 …", the other dataset's run; after a mode switch, the new mode's."""
    store = RunStore(tmp_path / "runs")
    runs = (("mnist", "mnist 784-16-10 digits run", "09:00"), ("fashion", "fashion later", "11:30"))
    for dataset, title, time in runs:
        record = store.create({"dataset": dataset, "arch": "784-16-10"}, title=title)
        record.status = "completed"
        record.created_at = f"2026-12-06T{time}:00.000"  # the Fashion-MNIST run is the latest
        store.save(record)
    panel = make_panel(qtbot, tmp_path, lambda name: None)  # its form on MNIST
    started = {r.config["dataset"]: started_text(r) for r in store.list()}
    panel.follow_mode("digits")
    qtbot.waitUntil(lambda: "latest" in panel.title.text(), timeout=WAIT_MS)
    assert "mnist 784-16-10 digits run" in panel.title.text()
    assert "fashion" not in panel.title.text()
    # the Replay tab names the same run, not the other dataset's later one (verify63 V1)
    assert f"the latest run, from {started['mnist']}, was trained before" in replay_note(panel)
    panel.follow_mode("garments")
    assert "fashion later" in panel.title.text()
    assert f"the latest run, from {started['fashion']}, was trained" in replay_note(panel)
    panel.follow_mode("digits")
    assert "mnist 784-16-10 digits run" in panel.title.text()
    assert f"the latest run, from {started['mnist']}, was trained" in replay_note(panel)


def replay_note(panel) -> str:
    return panel.replay_view.note.text()


def test_a_mode_without_runs_of_its_own_names_no_other_modes_run(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "fashion", "arch": "784-32-10"}, title="fashion only")
    record.status = "completed"
    store.save(record)
    panel = make_panel(qtbot, tmp_path, lambda name: None)
    panel.follow_mode("garments")
    qtbot.waitUntil(lambda: "fashion only" in panel.title.text(), timeout=WAIT_MS)
    panel.follow_mode("digits")
    assert panel.title.text() == "No run yet"


def test_a_latest_run_whose_app_was_killed_is_said_interrupted_at_the_next_start(qtbot, tmp_path):
    """trust53: after the window (or a terminal's nndesk train) was killed mid-run, the next
    start named that run as any other and offered to train it further with a model it never
    saved; "interrupted" was only in the Runs tab's status column, cut off at 1024 px."""
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist", "arch": "784-32-10"}, title="mnist killed run")
    record.release_lock()  # its process died: run.json says "running" for ever
    panel = make_panel(qtbot, tmp_path, lambda name: None)
    qtbot.waitUntil(lambda: "latest" in panel.title.text(), timeout=WAIT_MS)
    started = started_text(store.list()[0])
    assert panel.title.text() == (
        f"No run yet in this window · the latest ({started}) was interrupted: mnist killed run"
    )
    assert panel.title.toolTip() == (
        "The app or terminal training this run was closed before the run ended. "
        "Its curves so far are kept."
    )


def test_after_a_failed_start_the_headline_says_what_continue_would_train(
    qtbot, tiny_dataset, tmp_path, monkeypatch
):
    """Probe 32: once the data folder was fixed the page said "No run" while Continue was
    enabled to train the last run further."""
    from nndesk.controllers import datasets

    here = {"mnist": True}

    def provider(name):  # as datasets.get_dataset: the files, or why they are missing
        if not here[name]:
            raise datasets.DatasetMissing(name, datasets.missing_text(name))
        return tiny_dataset

    panel = make_panel(qtbot, tmp_path, provider)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    assert panel.resume_button.isEnabled()
    here["mnist"] = False  # the data folder moved away: the next start is refused
    with qtbot.waitSignal(panel.data_missing, timeout=WAIT_MS):
        panel.start_training()
    wait_until_idle(qtbot, panel)
    assert panel.progress.format() == "Needs a dataset"
    here["mnist"] = True
    monkeypatch.setattr(datasets, "missing_dataset", lambda name: None)  # the folder is fixed
    panel.data_changed()
    # the data is looked at off the GUI thread: the headline follows its answer
    qtbot.waitUntil(lambda: panel.title.text().startswith("MNIST is ready"), timeout=WAIT_MS)
    title = panel.title.text()
    assert panel.resume_button.isEnabled()
    # what is ready first (as at start, never a bare "No run"), then what Continue trains
    assert title.startswith("MNIST is ready · Continue trains the run of "), title
    panel.shutdown()


def test_the_latest_runs_title_in_the_headline_uses_the_windows_decimal_mark(
    qtbot, tmp_path, monkeypatch
):
    """A title nndesk wrote from the settings reads as the Runs legend writes it ("lr=0,01" in
    Vietnamese; the probe saw "lr=0.01"), without reading the run's curves on the GUI thread
    (the rates it was changed to are in them: left out)."""
    from nndesk import i18n
    from nndesk.run_titles import describe_config

    store = RunStore(tmp_path / "runs")
    config = {"dataset": "mnist", "arch": "784-32-10", "activation": "relu", "lr": 0.01}
    record = store.create(config, title=describe_config(config))
    record.curves.add_lr_change(0.5, 0.001)
    record.status = "completed"
    store.save(record)
    monkeypatch.setattr(i18n, "_marks", (",", "."))  # what Vietnamese installs
    panel = make_panel(qtbot, tmp_path, lambda name: None)
    qtbot.waitUntil(lambda: "784-32-10" in panel.title.text(), timeout=WAIT_MS)
    assert "lr=0,01" in panel.title.text(), panel.title.text()
    # the settings as the Train form names them (probe 32b: "mnist … relu")
    assert "MNIST 784-32-10 ReLU, lr=0,01" in panel.title.text(), panel.title.text()
    assert "→" not in panel.title.text()


@pytest.mark.parametrize("latest_dataset", ["mnist", "fashion"])
def test_a_ready_headline_names_the_dataset_once(qtbot, tmp_path, monkeypatch, latest_dataset):
    """The walk read "Fashion-MNIST is ready · the latest run, 08:30: Fashion-MNIST 784-32-10
    …" (two lines at 1280 px): the latest run's dataset is not said again. A run on another
    dataset is not named at all (verify60 D-H): Train trains this one."""
    from nndesk.controllers import datasets
    from nndesk.run_titles import describe_config

    store = RunStore(tmp_path / "runs")
    config = {"dataset": latest_dataset, "arch": "784-32-10", "activation": "relu", "lr": 0.01}
    record = store.create(config, title=describe_config(config))
    record.status = "completed"
    store.save(record)
    monkeypatch.setattr(datasets, "missing_dataset", lambda name: None)
    monkeypatch.setattr(datasets, "other_dataset_found", lambda name: None)
    panel = make_panel(qtbot, tmp_path, lambda name: None)  # its form on MNIST
    started = started_text(store.list()[0])
    if latest_dataset == "mnist":
        qtbot.waitUntil(lambda: "784-32-10" in panel.title.text(), timeout=WAIT_MS)
        assert "the latest (" in panel.title.text()  # the time in brackets, as it is below
        said = f"MNIST is ready · the latest run ({started}): 784-32-10 ReLU, lr=0.01"
    else:
        qtbot.waitUntil(lambda: len(panel.runs_view.records()) == 1, timeout=WAIT_MS)
        assert panel.title.text() == "No run yet"
        said = "MNIST is ready: press Train"
    panel.say_idle()  # as once the data check found MNIST here (it answers off the GUI thread)
    qtbot.waitUntil(lambda: panel.title.text() == said, timeout=WAIT_MS)
    panel.shutdown()


def test_the_headline_of_a_sigmoid_bce_run_says_so(qtbot, panel):
    """i16i's walk: the MNIST lab preset's headline read like a softmax/CE run's."""
    config = panel.form.config().replace(output="sigmoid", loss="bce", epochs=100_000)
    assert panel.start_training(config)
    qtbot.waitUntil(lambda: "784-16-10" in panel.title.text(), timeout=WAIT_MS)
    assert "784-16-10 ReLU/sigmoid BCE" in panel.title.text(), panel.title.text()
    panel.controller.stop()
    wait_until_idle(qtbot, panel)


def test_a_run_whose_model_was_not_saved_is_not_said_saved_to_none(qtbot, panel, tmp_path):
    """Probe 32b: after a language switch the page and status bar read "Model saved: None"
    for the last run when no model path was left (a failed start had cleared it)."""
    panel.start_training()
    wait_until_idle(qtbot, panel)
    state = dataclasses.replace(panel.page_state(), model_path=None)  # as a failed start left it
    page = make_panel(qtbot, tmp_path, lambda name: None)  # the switched window's page
    shown: list[str] = []
    page.status_message.connect(shown.append)
    before = page.model_label.text()
    page.restore_page_state(state)
    assert page.speed.text().startswith("Test accuracy "), page.speed.text()  # the run shown
    assert "None" not in page.model_label.text() and page.model_label.text() == before
    assert not any("None" in message for message in shown)
    assert "None" not in page.speed.text()
    page.shutdown()


def test_a_ready_headline_said_before_the_runs_were_listed_names_the_latest_once_listed(
    qtbot, tmp_path, monkeypatch
):
    """The headline saying what is ready came before the Runs list had read the runs of
    earlier sessions: it then named none of them for good."""
    from nndesk.controllers import datasets

    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist", "arch": "784-16-10"}, title="mnist 784-16-10 old")
    record.status = "completed"
    store.save(record)
    panel = make_panel(qtbot, tmp_path, lambda name: None)
    qtbot.waitUntil(lambda: not panel.runs_view.reading, timeout=WAIT_MS)
    listed = panel.runs_view.records
    panel.runs_view.records = lambda: []  # as before the listing had read them
    panel.checks_data = True  # as the window sets it
    panel.check_data()  # no MNIST on this computer (the tests' own empty home)
    qtbot.waitUntil(lambda: panel.progress.format() == "Needs a dataset", timeout=WAIT_MS)
    monkeypatch.setattr(datasets, "missing_dataset", lambda name: None)
    panel.data_changed()  # the download finished: the data came
    qtbot.waitUntil(lambda: panel.title.text() == "MNIST is ready: press Train", timeout=WAIT_MS)
    del panel.runs_view.records
    assert panel.runs_view.records == listed
    panel.runs_view.listed.emit()
    assert panel.title.text().startswith("MNIST is ready · the latest run (")
    assert "mnist 784-16-10 old" in panel.title.text()
    assert "Use model" in panel.title.toolTip()


def test_continues_model_file_is_looked_at_off_the_gui_thread_and_its_loss_is_said(
    qtbot, panel, monkeypatch
):
    """The headline ("… · Continue trains the run of …"), the Continue and Save model buttons
    stat-ed the model file on the GUI thread each time they were said: a model on a network
    drive that stops answering froze the window. The looks are made on the pool; a file
    deleted meanwhile is noticed on the next say, and the page says itself again."""
    import pathlib
    import threading

    panel.start_training()
    wait_until_idle(qtbot, panel)
    model = panel.run_state.continuable[0]
    on_gui: list[str] = []
    real_is_file, real_resolve = pathlib.Path.is_file, pathlib.Path.resolve

    def noting(real):
        def call(path, *args, **kwargs):
            if threading.current_thread() is threading.main_thread() and path == model:
                on_gui.append(real.__name__)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(pathlib.Path, "is_file", noting(real_is_file))
    monkeypatch.setattr(pathlib.Path, "resolve", noting(real_resolve))
    panel.say_idle()
    panel._update_buttons()  # as after any change of the form or the run
    qtbot.waitUntil(lambda: "Continue trains the run of" in panel.title.text(), timeout=WAIT_MS)
    assert panel.resume_button.isEnabled()
    model.unlink()  # deleted behind the page's back
    panel.say_idle()
    qtbot.waitUntil(lambda: not panel.resume_button.isEnabled(), timeout=WAIT_MS)
    assert "Continue trains" not in panel.title.text()
    assert on_gui == []


def test_once_another_model_is_in_use_the_headline_no_longer_calls_the_loaded_one_in_use(
    qtbot, panel, tiny_model_file
):
    """walk54b: after Runs > Use model, then fashion-mlp picked in the Model list, the headline
    went on saying "Model in use: run at 17:13" (and after that run was deleted)."""
    from nndesk.inference import Classifier

    panel.start_training()
    wait_until_idle(qtbot, panel)
    first = panel.runs_view.records()[0]
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        panel.load_model(first.model_path)
    assert panel.title.text().startswith("Model in use: ")
    loaded = panel.run_state.loaded_clf
    panel.follow_model_in_use(loaded)  # the window puts the loaded model in use: said still
    assert panel.title.text().startswith("Model in use: ")

    panel.follow_model_in_use(Classifier.from_file(tiny_model_file))  # another one picked
    assert not panel.title.text().startswith("Model in use")
    assert "Continue trains" in panel.title.text()  # what Continue still trains, by name


def test_the_windows_model_list_reaches_the_train_pages_headline(
    qtbot, window_factory, tiny_model_file, tmp_path
):
    """The same through the window: a model picked elsewhere (``classifier_changed``) takes
    "Model in use" off the Train page's headline."""
    import shutil

    from nndesk.inference import Classifier

    desk = window_factory()
    train = desk.train_page
    with qtbot.waitSignal(train.model_ready, timeout=WAIT_MS):
        train.load_model(tiny_model_file)
    assert train.title.text().startswith("Model in use: ")
    other = tmp_path / "other.npz"
    shutil.copyfile(tiny_model_file, other)
    desk.prediction.set_classifier(Classifier.from_file(other))
    assert not train.title.text().startswith("Model in use")


def test_a_run_finished_outside_the_window_is_named_when_the_train_page_opens(qtbot, tmp_path):
    """walk55 D14: the headline named the 19:21 CLI run while the 19:23 one had finished; only
    opening the Runs tab read the runs folder again."""
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist", "arch": "784-16-10"}, title="mnist first")
    record.status = "completed"
    store.save(record)
    panel = make_panel(qtbot, tmp_path, lambda name: None)
    qtbot.waitUntil(lambda: "mnist first" in panel.title.text(), timeout=WAIT_MS)
    assert not panel.runs_view.isVisible()  # the Runs tab is not the one shown
    panel.hide()  # another page of the window
    later = store.create({"dataset": "mnist", "arch": "784-32-10"}, title="mnist from a terminal")
    later.status = "completed"
    store.save(later)
    panel.show()  # the Train page again
    qtbot.waitUntil(lambda: "mnist from a terminal" in panel.title.text(), timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("en", "Adam, lr 0.002 (set by hand; was 0.0005), batch 32, pixels -1 to 1 · batch 64"),
        (
            "vi",
            "Adam, tốc độ học 0,002 (đặt bằng tay; trước là 0,0005), batch 32, điểm ảnh -1 đến 1 · "
            "batch 64",
        ),
    ],
)
def test_a_rate_set_by_hand_is_the_headlines_one_rate_with_the_one_it_replaced(qapp, code, said):
    """walk64 D8: "… Adam lr=0.0005 batch 32 pixels -1 to 1 · lr 0.002" named two rates."""
    from nndesk.ui import language
    from nndesk.ui.train_texts import run_headline

    config = {
        "dataset": "fashion",
        "arch": "784-64-10",
        "activation": "relu",
        "optimizer": "adam",
        "lr": 0.0005,
        "batch_size": 32,
        "normalize": "symmetric",
    }
    steered = {"lr": 0.002, "batch_size": 64}
    facts = {"config": config, "steered": steered, "first_epoch": 1, "inside": None}
    assert language.use_language(code) == code
    try:
        text = run_headline({**facts, "kept": {}, "continuing": False})
    finally:
        language.use_language("en")
    assert text.replace("\xa0", " ").endswith(f"ReLU {said}"), text  # (a no-break space in vi)
    rates = ("lr", "0.0005") if code == "en" else ("tốc độ học", "0,0005")
    assert text.count(rates[0]) == 1 and text.count(rates[1]) == 1, text
