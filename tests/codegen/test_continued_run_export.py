"""A Stopped-then-Continued run exports as it was trained: both legs (walk55 D4).

The continued run's record holds the continuation's settings (there lr 0.0001, constant, 2
epochs) and the model file it went on from; the script trained that from fresh weights, a
tenth of the run's rate in epoch 1, under a header promising the run's own weights and batches.
"""

from __future__ import annotations

import re
import warnings

import pytest

from nndesk.codegen import from_model, from_run, keras_notebook, numpy_script
from nndesk.run_curves import Curves
from nndesk.run_record import MODEL_FILE
from nndesk.runs import RunStore
from nndesk.training import BatchReport, TrainConfig, prepare, train
from tests.codegen.conftest import script_batch_losses

# 900 training images in batches of 16: 57 batches an epoch; dropout draws from a saved state
START = TrainConfig(
    dataset="fashion", arch="784-32-16-10", lr=2e-3, batch_size=16, epochs=3, eps=1e-7,
    dropout=0.1, val_fraction=0.1, schedule="cosine", min_lr=1e-4,
)  # fmt: skip
STEERING = {(2, 1): {"lr": 6e-4}, (2, 10): {"lr": 2e-4}}
STOP_AT = (2, 30)  # the stop comes before batch 30 of epoch 2: 29 of its batches trained


def _trained(session, steering=None, stop_at=None):
    done: list[BatchReport] = []

    def here():
        if not done:
            return (session.epochs_done + 1, 1)
        last = done[-1]
        return (last.epoch + 1, 1) if last.batch == last.batches else (last.epoch, last.batch + 1)

    def steer():
        return dict((steering or {}).get(here(), {}))

    for report in train(session, should_stop=lambda: here() == stop_at, steer=steer):
        if isinstance(report, BatchReport):
            done.append(report)
    return done


def _stopped_then_continued(blob_dir, continued_lr):
    """The window's Stop then Continue, as two stored runs: (the continued run's id, its
    session after training)."""
    store = RunStore()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic files are not the published ones
        first = prepare(START, data_dir=blob_dir)
        batches = _trained(first, STEERING, STOP_AT)
        stopped = store.create(START.to_dict())
        path = first.save(stopped.folder / MODEL_FILE)
        stopped.status = "stopped"
        stopped.curves.batch_x = [r.epoch - 1 + r.batch / r.batches for r in batches]
        stopped.curves.batch_loss = [r.batch_loss for r in batches]
        stopped.curves.changes = list(first.changes)
        store.save(stopped)
        # Continue keeps the rate set by hand, with no schedule (the window's offer)
        again = START.replace(lr=continued_lr, schedule="constant", epochs=3)
        second = prepare(again, data_dir=blob_dir, resume=path)
        _trained(second)
    record = store.create(again.to_dict(), resumed_from=str(path))
    second.save(record.folder / MODEL_FILE)
    record.model_file = MODEL_FILE
    record.status = "completed"
    record.curves = Curves.from_history(second.history)
    record.curves.changes = list(second.changes)
    store.save(record)
    return record.run_id, stopped.run_id, second


def _continued(blob_dir, continuation=START, first=START, stop_at=STOP_AT):
    """Stop a run of ``first`` before batch ``stop_at`` of its epoch (None: it finishes), then
    Continue it with ``continuation``: the continuation's record, stored before it trains; its
    ``resumed_from`` is the first run's model file."""
    store = RunStore()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic files are not the published ones
        session = prepare(first, data_dir=blob_dir)
        _trained(session, stop_at=stop_at)
    stopped = store.create(first.to_dict())
    path = session.save(stopped.folder / MODEL_FILE)
    return store.create(continuation.to_dict(), resumed_from=str(path))


@pytest.mark.parametrize("continued_lr", [2e-4, 5e-5])
def test_a_continued_runs_script_trains_both_legs_to_the_runs_numbers(
    tmp_path, blob_dir, continued_lr
):
    run_id, first_id, session = _stopped_then_continued(blob_dir, continued_lr)
    experiment = from_run(run_id)
    text = numpy_script(experiment, "pytest")
    assert "LEARNING_RATE = 0.002\n" in text and "EPOCHS = 3\n" in text
    header = " ".join(text.split('"""')[1].split())
    assert (
        f"It went on from run {first_id} at batch 30 of epoch 2, with the weights and "
        "optimizer state saved there."
    ) in header
    assert "does not follow" not in header  # nothing of this continuation is left out
    script = tmp_path / "continued.py"
    script.write_text(text, encoding="utf-8")
    run = script_batch_losses([script], blob_dir)[str(script)]
    printed = re.findall(r"^epoch (\d+)/\d+  loss ([0-9.]+)  acc ([0-9.]+)%", run["stdout"], re.M)
    assert printed == [
        (str(row["epoch"]), f"{row['train_loss']:.4f}", f"{100 * row['train_accuracy']:.2f}")
        for row in session.history
    ]
    test = session.evaluate_test()
    assert run["stdout"].strip().splitlines()[-1] == f"test_accuracy={test.accuracy:.4f}"
    notebook = keras_notebook(experiment, "pytest")
    assert f"It went on from run {first_id} at batch 30 of epoch 2" in notebook
    # the continued run's own model file: its settings are the continuation's alone, so it
    # exports as its run does (only the header's source line differs)
    saved = RunStore().run_folder(run_id) / MODEL_FILE
    again = numpy_script(from_model(saved), "pytest")
    assert "LEARNING_RATE = 0.002\n" in again and "EPOCHS = 3\n" in again
    assert again.split('"""')[2] == text.split('"""')[2]  # the same code
    assert "model file model.npz" in again.split('"""')[1]


def _continued_after_finishing(blob_dir, rate):
    """A finished 2-epoch cosine run (a rate set by hand in epoch 2) continued by 2 epochs as
    the window's Continue does: the rate it ended with kept ("kept"), its schedule again from
    1.5e-3 ("again"), or, before s65 and still the CLI's --resume, its schedule spread over
    every epoch ("spread"). (the continued run's id, its session after training)"""
    store = RunStore()
    first_config = START.replace(epochs=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic files are not the published ones
        first = prepare(first_config, data_dir=blob_dir)
        _trained(first, {(2, 5): {"lr": 1e-3}})  # a rate set by hand, kept to the end
        record = store.create(first_config.to_dict())
        path = first.save(record.folder / MODEL_FILE)
        ended = first.history[-1]["lr"]
        again = {
            "kept": START.replace(epochs=2, lr=ended, schedule="constant"),
            "again": START.replace(epochs=2, lr=1.5e-3),
            "spread": START.replace(epochs=2),
        }[rate]
        second = prepare(again, data_dir=blob_dir, resume=path, restart_schedule=rate == "again")
        _trained(second)
    continued = store.create(again.to_dict(), resumed_from=str(path))
    continued.schedule_from = 3 if rate == "again" else None
    second.save(continued.folder / MODEL_FILE)
    continued.model_file = MODEL_FILE
    continued.status = "completed"
    continued.curves = Curves.from_history(second.history)
    continued.curves.changes = list(second.changes)
    store.save(continued)
    return continued.run_id, second


@pytest.mark.parametrize("rate", ["kept", "again", "spread"])
def test_a_finished_cosine_runs_continue_exports_to_the_apps_numbers(tmp_path, blob_dir, rate):
    """walk64 D16: Continue asks how many more epochs and which rate. The script of each way
    replays both legs, the first run's schedule over its own epochs (it was spread over all
    four, "so the rates differ from epoch 1"), to the app's printed digits."""
    run_id, second = _continued_after_finishing(blob_dir, rate)
    ended = second.history[1]["lr"]
    assert [round(row["lr"], 12) for row in second.history][2:] == {
        "kept": [ended] * 2,
        "again": [1.5e-3, pytest.approx(second.schedule.lr_at(1))],
        "spread": [pytest.approx(second.schedule.lr_at(e)) for e in (2, 3)],
    }[rate]
    text = numpy_script(from_run(run_id), "pytest")
    header = " ".join(text.split('"""')[1].split())
    assert "does not follow" not in header and "the rates differ" not in header, header
    script = tmp_path / f"continued_{rate}.py"
    script.write_text(text, encoding="utf-8")
    run = script_batch_losses([script], blob_dir)[str(script)]
    printed = re.findall(r"^epoch (\d+)/\d+  loss ([0-9.]+)  acc ([0-9.]+)%", run["stdout"], re.M)
    assert printed == [
        (str(row["epoch"]), f"{row['train_loss']:.4f}", f"{100 * row['train_accuracy']:.2f}")
        for row in second.history
    ]
    test = second.evaluate_test()
    assert run["stdout"].strip().splitlines()[-1] == f"test_accuracy={test.accuracy:.4f}"


@pytest.mark.parametrize("rate", ["kept", "again"])
def test_a_finished_cosine_runs_continue_notebook_trains_each_batch_at_the_apps_rate(
    blob_dir, monkeypatch, rate
):
    """The Keras notebook of the same chains (a stand-in Keras records each batch's rate):
    every batch at the rate the app's epoch trained at, both legs."""
    import nbformat

    from nndesk.nn.schedules import make_schedule
    from tests.codegen.test_keras_notebook import _run_notebook

    run_id, second = _continued_after_finishing(blob_dir, rate)
    nb = nbformat.reads(keras_notebook(from_run(run_id), "pytest"), as_version=4)
    keras, namespace = _run_notebook(nb, blob_dir, monkeypatch)
    batches = -(-len(namespace["x_train"]) // 16)
    assert len(keras.steps) == 4 * batches
    cosine = make_schedule("cosine", 2e-3, 2, min_lr=1e-4)  # the first run's, over its 2
    for i, step in enumerate(keras.steps):
        epoch, batch = divmod(i, batches)  # from 0
        if epoch == 1:  # its schedule's rate, then the rate set by hand from batch 5 on
            expected = 1e-3 if batch >= 4 else cosine.lr_at(1)
        else:  # an epoch's rate, as the app's history has it
            expected = second.history[epoch]["lr"]
        assert step["lr"] == pytest.approx(expected), (epoch + 1, batch + 1)


def test_a_continuation_on_another_schedule_is_named_as_left_out(blob_dir):
    """A continuation on a cosine of its own cannot be a change of the record: said."""
    record = _continued(blob_dir, START.replace(lr=1e-3, schedule="step", schedule_step=1))
    text = numpy_script(from_run(record.run_id), "pytest")
    header = " ".join(text.split('"""')[1].split())
    assert "From there this script does not follow the continuation's schedule" in header


def test_a_continued_run_whose_first_model_is_gone_says_the_script_is_not_the_run(tmp_path):
    store = RunStore()
    gone = tmp_path / "gone.npz"
    record = store.create(START.replace(lr=1e-4).to_dict(), resumed_from=str(gone))
    text = numpy_script(from_run(record.run_id), "pytest")
    header = " ".join(text.split('"""')[1].split())
    assert f"This run continued the model file {gone}, which can no longer be read" in header
    assert "so it is not the run as it was trained" in header


def test_a_continued_runs_header_and_notebook_speak_vietnamese(blob_dir):
    from nndesk.codegen import Words

    run_id, first_id, _ = _stopped_then_continued(blob_dir, 5e-5)
    experiment = from_run(run_id)
    for write in (numpy_script, keras_notebook):
        words = Words("vi")
        text = write(experiment, "pytest", words)
        assert not words.missing, sorted(words.missing)
        assert f"Nó tiếp tục từ lượt chạy {first_id} ở batch 30 của epoch 2" in " ".join(
            text.split()
        )


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_continuation_that_changed_nothing_names_no_changes_table(blob_dir, language):
    """Continue with the settings the run started with (its cosine going on): the script has
    no CHANGES, and its header said "CHANGES sets each setting…" all the same (walk55c D4)."""
    from nndesk.codegen import Words

    experiment = from_run(_continued(blob_dir).run_id)
    for write in (numpy_script, keras_notebook):
        words = Words(language)
        text = write(experiment, "pytest", words)
        assert not words.missing, sorted(words.missing)
        assert "CHANGES" not in text
        said = " ".join(text.split())
        assert (
            "no setting changed where it went on"
            if language == "en"
            else "không cài đặt nào thay đổi ở chỗ nó tiếp tục"
        ) in said


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_one_epoch_schedule_continued_is_replayed_leg_by_leg(blob_dir, language):
    """A cosine run of one epoch continued by three: the header said "ran over its 1 epochs"
    (walk56v), then "ran over its one epoch; here it runs over all" (the script spread the
    first run's schedule over every epoch). Now the first run's schedule spans its one epoch
    and the continuation's is set where it went on (a SCHEDULE row), said in both languages."""
    from nndesk.codegen import Words

    record = _continued(blob_dir, first=START.replace(epochs=1), stop_at=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        second = prepare(START, data_dir=blob_dir, resume=record.resumed_from)
        _trained(second)
    record.curves = Curves.from_history(second.history)  # three epochs: the script's own
    RunStore().save(record)
    words = Words(language)
    said = " ".join(numpy_script(from_run(record.run_id), "pytest", words).split())
    assert not words.missing, sorted(words.missing)
    assert "1 epochs" not in said and "1 epoch của nó" not in said
    assert "ran over its one epoch" not in said and "một epoch duy nhất" not in said
    assert (
        "From epoch 2 on, CHANGES's SCHEDULE row runs the schedule from lr 0.002 over epochs 1 "
        "to 4, as that continuation did."
        if language == "en"
        else "Từ epoch 2, dòng SCHEDULE trong CHANGES chạy lịch tốc độ học từ lr 0,002 trên các "
        "epoch 1 đến 4"
    ) in said
    assert "SCHEDULE_EPOCHS = 1" in said and "(2, 1, 'SCHEDULE', (1, 4, 0.002))," in said
