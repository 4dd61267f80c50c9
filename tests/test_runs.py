"""Run history: records round-trip through run.json, list newest first, export CSV."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from types import SimpleNamespace

import pytest

from nndesk.errors import NndeskError
from nndesk.run_curves import MAX_STORED_BATCH_POINTS, Curves
from nndesk.runs import RunStore, history_csv


def batch(epoch, b, batches, loss):
    return SimpleNamespace(epoch=epoch, batch=b, batches=batches, batch_loss=loss)


def epoch_report(epoch, train_loss, val_loss, train_acc, val_acc, lr=0.1):
    return SimpleNamespace(
        epoch=epoch,
        train_loss=train_loss,
        train_accuracy=train_acc,
        val_loss=val_loss,
        val_accuracy=val_acc,
        lr=lr,
        seconds=1.5,
    )


def two_epoch_curves() -> Curves:
    curves = Curves()
    for e in (1, 2):
        for b in range(1, 5):
            curves.add_batch(batch(e, b, 4, 2.0 / (e * b)))
        curves.add_epoch(epoch_report(e, 1.0 / e, 1.1 / e, 0.5 + 0.2 * e, 0.45 + 0.2 * e))
    curves.add_lr_change(1.5, 0.01)
    return curves


def test_each_batch_keeps_its_own_loss():
    curves = Curves()
    for b, own in enumerate([3.0, 1.0, 2.0], start=1):
        curves.add_batch(batch(1, b, 3, own))
    curves.add_batch(batch(2, 1, 3, 0.5))
    assert curves.batch_loss == pytest.approx([3.0, 1.0, 2.0, 0.5])


def test_batch_positions_are_fractional_epochs():
    curves = two_epoch_curves()
    assert curves.batch_x[:4] == [0.25, 0.5, 0.75, 1.0]
    assert curves.batch_x[-1] == 2.0
    assert curves.last_x == 2.0


def test_record_round_trips_through_run_json(tmp_path):
    store = RunStore(tmp_path)
    record = store.create({"dataset": "mnist", "arch": "784-64-10", "lr": 0.1})
    record.curves = two_epoch_curves()
    record.status = "completed"
    record.metrics = {"test_accuracy": 0.91}
    record.model_file = "model.npz"
    store.save(record)

    loaded = store.load(record.run_id)
    assert loaded.status == "completed"
    assert loaded.curves.epochs == [1, 2]
    assert loaded.curves.val_accuracy == pytest.approx([0.65, 0.85])
    assert loaded.curves.lr_changes == [(1.5, 0.01)]
    assert loaded.curves.batch_loss == pytest.approx(record.curves.batch_loss)
    assert loaded.model_path == tmp_path / record.run_id / "model.npz"
    assert loaded.test_accuracy == pytest.approx(0.91)
    assert loaded.final_val_accuracy == pytest.approx(0.85)
    assert "784-64-10" in loaded.title and "lr=0.1" in loaded.title


def test_missing_validation_is_stored_as_null_and_read_back_as_nan(tmp_path):
    store = RunStore(tmp_path)
    record = store.create({"dataset": "mnist"})
    record.curves.add_epoch(epoch_report(1, 0.5, None, 0.8, None))
    store.save(record)
    raw = json.loads((record.folder / "run.json").read_text())
    assert raw["curves"]["val_loss"] == [None]
    loaded = store.load(record.run_id)
    assert math.isnan(loaded.curves.val_loss[0])
    assert math.isnan(loaded.final_val_accuracy)


def test_long_batch_curves_are_averaged_down_on_disk(tmp_path):
    store = RunStore(tmp_path)
    record = store.create({})
    n = MAX_STORED_BATCH_POINTS * 3 + 7
    for i in range(n):
        record.curves.add_batch(batch(1, i + 1, n, 1.0))
    store.save(record)
    loaded = store.load(record.run_id)
    assert len(loaded.curves.batch_x) <= MAX_STORED_BATCH_POINTS
    assert loaded.curves.batch_x[-1] == pytest.approx(1.0)
    assert set(loaded.curves.batch_loss) == {1.0}


def test_list_is_newest_first_and_lists_broken_folders_as_damaged(tmp_path, monkeypatch):
    monkeypatch.setattr("nndesk.runs._send_to_trash", lambda folder: shutil.rmtree(folder))
    store = RunStore(tmp_path)
    first = store.create({"dataset": "a"})
    second = store.create({"dataset": "b"})
    first.created_at, second.created_at = "2026-01-01T00:00:00", "2026-01-02T00:00:00"
    store.save(first)
    store.save(second)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "run.json").write_text("{not json")
    assert [r.run_id for r in store.list()] == [second.run_id, first.run_id, "broken"]
    assert store.list()[-1].status == "damaged"
    first.release_lock()  # its run ended: a run still training is not deleted
    store.delete(first.run_id)
    assert [r.run_id for r in store.list()] == [second.run_id, "broken"]


def test_loading_a_missing_run_raises_one_line(tmp_path):
    with pytest.raises(NndeskError, match="not found") as info:
        RunStore(tmp_path).load("nope")
    assert "\n" not in str(info.value)


def test_default_store_lives_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("NNDESK_HOME", str(tmp_path / "home"))
    record = RunStore().create({})
    assert record.folder.parent == tmp_path / "home" / "runs"


def test_history_csv_has_one_row_per_run_and_epoch(tmp_path):
    store = RunStore(tmp_path)
    a, b = store.create({"dataset": "a"}), store.create({"dataset": "b"})
    a.curves = two_epoch_curves()
    a.metrics = {"test_accuracy": 0.8812}
    b.curves.add_epoch(epoch_report(1, 0.7, None, 0.6, None))
    rows = list(csv.DictReader(io.StringIO(history_csv([a, b]))))
    assert [(r["run"], r["epoch"]) for r in rows] == [
        (a.run_id, "1"),
        (a.run_id, "2"),
        (b.run_id, "1"),
    ]
    assert float(rows[1]["val_accuracy"]) == pytest.approx(0.85)
    assert rows[2]["val_loss"] == ""
    # the test accuracy each run reported at its end, on every row of that run
    assert [r["final_test_accuracy"] for r in rows] == ["0.8812", "0.8812", ""]


def test_a_run_stopped_in_its_first_epoch_keeps_its_test_accuracy_in_the_csv(tmp_path):
    """No finished epoch used to mean no rows, losing the test accuracy the run reported."""
    store = RunStore(tmp_path)
    stopped, finished = store.create({"dataset": "a"}), store.create({"dataset": "b"})
    stopped.metrics = {"test_accuracy": 0.763}
    finished.curves.add_epoch(epoch_report(1, 0.7, None, 0.6, None))
    rows = list(csv.DictReader(io.StringIO(history_csv([stopped, finished]))))
    assert [(r["run"], r["epoch"], r["final_test_accuracy"]) for r in rows] == [
        (stopped.run_id, "", "0.763"),
        (finished.run_id, "1", ""),
    ]
    assert all(rows[0][column] == "" for column in ("train_loss", "val_accuracy"))


def test_history_csv_leaves_out_a_damaged_run_and_one_whose_curves_turn_out_damaged(tmp_path):
    """A damaged run has no history: it wrote a row of empty cells under 'damaged run ...'."""
    store = RunStore(tmp_path)
    good, later = store.create({"dataset": "a"}), store.create({"dataset": "b"})
    good.curves.add_epoch(epoch_report(1, 0.7, None, 0.6, None))
    later.curves.add_epoch(epoch_report(1, 0.7, None, 0.6, None))
    store.save(good), store.save(later)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "run.json").write_text("[1,2,3]")
    listed = {r.run_id: r for r in store.list()}
    assert listed["broken"].is_damaged
    path = tmp_path / later.run_id / "run.json"
    path.write_text(path.read_text().replace('"epoch": [1]', '"epoch": ["x"]'))
    rows = list(csv.DictReader(io.StringIO(history_csv(list(listed.values())))))
    assert [(r["run"], r["epoch"]) for r in rows] == [(good.run_id, "1")]
    assert listed[later.run_id].is_damaged  # found so as its curves were read


def test_curves_rebuild_from_a_model_files_history():
    curves = Curves.from_history(
        [{"epoch": 1, "train_loss": 0.9, "val_accuracy": 0.7}, {"epoch": 2, "train_loss": 0.5}]
    )
    assert curves.epochs == [1, 2]
    assert curves.train_loss == [0.9, 0.5]
    assert math.isnan(curves.val_accuracy[1])


def test_a_run_described_for_the_window_uses_its_languages_decimal_mark(monkeypatch):
    """The Vietnamese Train headline read "lr=0.001 … L2 0,0001": two decimal marks."""
    from nndesk import i18n
    from nndesk.run_titles import describe_config

    config = {"dataset": "fashion", "arch": "784-10", "optimizer": "adam", "lr": 0.001}
    monkeypatch.setattr(i18n, "_marks", (",", "."))  # what Vietnamese installs
    # and in the window's words, as the Train form names them (it read "fashion … adam")
    assert describe_config(config, shown=True) == "Fashion-MNIST 784-10 Adam, lr=0,001"
    # the title stored in run.json (and the CLI's) is written as Python writes it
    assert describe_config(config) == "fashion 784-10 adam lr=0.001"


def test_a_run_described_for_the_window_names_an_output_and_loss_other_than_softmax_and_ce():
    """i16i's walk: the default MNIST lab run (ReLU hidden units, sigmoid output, binary
    cross-entropy) was headlined as if it were softmax/CE, the very thing the lab is about."""
    from nndesk.presets import get_preset
    from nndesk.run_titles import describe_config

    lab = get_preset("mnist-relu-sigmoid-unit").config.to_dict()
    assert describe_config(lab, shown=True) == (
        "MNIST 784-784-10 ReLU/sigmoid BCE Adam, lr=0.01, batch 128, pixels 0 to 1"
    )
    mse = {"dataset": "mnist", "arch": "784-10", "activation": "relu", "output": "linear",
           "loss": "mse", "optimizer": "sgd"}  # fmt: skip
    assert describe_config(mse, shown=True) == "MNIST 784-10 ReLU/linear MSE SGD"
    usual = {**lab, "output": "softmax", "loss": "ce"}
    assert "softmax" not in describe_config(usual, shown=True)
    assert "CE" not in describe_config(usual, shown=True)
    # the stored title (and the CLI's) keeps its words: records already written match it
    assert describe_config(lab) == "mnist 784-784-10 relu adam lr=0.01 batch=128 unit"


@pytest.mark.parametrize(
    "bad",
    [
        {"lr_changes": "x", "lr_change_count": 1},
        {"lr_changes": [[1, 1, -0.1]], "lr_change_count": 1},
        {"lr_changes": [[0, 1, 0.1]], "lr_change_count": 1},
        {"lr_changes": [[1, 1, 0.1]], "lr_change_count": 0},
        {"lr_changes": [[1, 1, 0.1]] * 6, "lr_change_count": 6},
        {"lr_changes": [], "lr_change_count": True},
    ],
)
def test_a_summary_with_malformed_rate_changes_is_refused_and_the_record_read_whole(tmp_path, bad):
    """The listing trusts a valid summary; a malformed one sends it to the whole record, whose
    curves say the changes."""
    import json

    from nndesk.run_curves import RunSummary
    from nndesk.runs import RunFileError
    from nndesk.setting_changes import SettingChange

    summary = {"last_epoch": 1, **bad}
    with pytest.raises(RunFileError):
        RunSummary.from_dict(summary)
    store = RunStore(tmp_path / "runs", fallback_dirs=())
    record = store.create({"dataset": "mnist", "lr": 0.01})
    record.curves.epochs = [1]
    record.curves.add_change(SettingChange(0.5, 1, 3, "lr", 0.001))
    store.save(record)
    path = record.folder / "run.json"
    data = json.loads(path.read_text())
    assert data["summary"]["lr_changes"] == [[1, 3, 0.001]]
    data["summary"].update(bad)
    path.write_text(json.dumps(data))
    (listed,) = store.list()
    assert not listed.is_damaged
    assert listed.summary.lr_changes == ((1, 3, 0.001),) and listed.summary.lr_change_count == 1


def test_a_run_still_training_is_not_deleted(tmp_path, monkeypatch):
    """Its process writes the record on: the trashed folder came back with the next write,
    holding the rest of the run, and the trash kept the copy cut mid-run."""
    trashed = []
    monkeypatch.setattr("nndesk.runs._send_to_trash", lambda f: trashed.append(shutil.rmtree(f)))
    store = RunStore(tmp_path)
    running = store.create({"dataset": "mnist"})  # holds its training lock, as a training does
    with pytest.raises(NndeskError, match=f"^{running.run_id} is still training: stop it first$"):
        store.delete(running.run_id)
    with pytest.raises(NndeskError, match="still training"):
        store.delete(running.run_id, permanent=True)
    assert (tmp_path / running.run_id / "run.json").is_file() and not trashed
    running.release_lock()  # the run ended (or its process died)
    store.delete(running.run_id)
    assert not (tmp_path / running.run_id).exists() and len(trashed) == 1


def test_a_deleted_run_takes_its_model_saved_in_a_fallback_folder_with_it(tmp_path, monkeypatch):
    """Nothing else names the file a run's model went to when its folder refused it: it stayed
    behind for ever, listed by ``nndesk models``, with no way to remove it from nndesk."""
    from nndesk.paths import fallback_model_name

    trash = tmp_path / "trash"
    trash.mkdir()
    monkeypatch.setattr("nndesk.runs._send_to_trash", lambda p: shutil.move(p, trash / p.name))
    fallback = tmp_path / "fallback"
    fallback.mkdir()
    store = RunStore(tmp_path / "runs", fallback_dirs=(fallback,))
    ids = []
    for _ in range(2):
        record = store.create({"dataset": "mnist"})
        record.status = "completed"
        store.save(record)
        record.release_lock()
        (fallback / fallback_model_name(record.run_id)).write_bytes(b"its model")
        ids.append(record.run_id)
    other = fallback / "nndesk-someone-else.npz"
    other.write_bytes(b"not a run's")
    assert store.load(ids[0]).model_path == fallback / fallback_model_name(ids[0])
    store.delete(ids[0])
    assert sorted(p.name for p in trash.iterdir()) == sorted([ids[0], fallback_model_name(ids[0])])
    store.delete(ids[1], permanent=True)
    assert sorted(p.name for p in fallback.iterdir()) == [other.name]


def test_two_runs_that_differ_only_by_their_batch_size_are_titled_apart_and_old_titles_stay():
    """lab56 D5: the 87 % run and a typo'd full-batch one at 58 % had one title in the Runs
    list ("fashion 784-64-64-10 relu adam lr=0.001 symmetric"): it names the batch size now;
    a record titled before that is still shown in the window's words."""
    from nndesk.run_titles import describe_config, title_shown

    run = {"dataset": "fashion", "arch": "784-64-64-10", "activation": "relu",
           "optimizer": "adam", "lr": 0.001, "normalize": "symmetric"}  # fmt: skip
    small, huge, full = ({**run, "batch_size": b} for b in (32, 1_000_000, 0))
    assert describe_config(small) == "fashion 784-64-64-10 relu adam lr=0.001 batch=32 symmetric"
    assert describe_config(huge) != describe_config(small)
    assert "batch=full" in describe_config(full)
    assert "batch 1,000,000" in describe_config(huge, shown=True)
    assert "full batch" in describe_config(full, shown=True)
    old = "fashion 784-64-64-10 relu adam lr=0.001 symmetric"  # a record written before
    assert (
        title_shown(old, small) == "Fashion-MNIST 784-64-64-10 ReLU Adam, lr=0.001, pixels -1 to 1"
    )


def test_a_batch_larger_than_the_training_set_is_said_not_refused():
    from nndesk.training.config import batch_over_train_note

    assert batch_over_train_note(32, 60_000) is None
    assert batch_over_train_note(0, 60_000) is None  # full batch by its name: no note
    assert batch_over_train_note(60_000, 60_000) is None
    assert batch_over_train_note(1_000_000, 60_000) == (
        "batch 1,000,000 is more than the 60,000 training images: every epoch is one "
        "full-batch step"
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_full_batch_gradient_descent_is_called_full_batch_once_in_its_title(qapp, lang):
    """walk65 D13: mnist-gd's headline read "… gradient descent (full batch) lr 0.5 full batch
    …": the optimizer's label says it already; another optimizer's full batch still says it."""
    from nndesk.presets import get_preset
    from nndesk.run_titles import describe_config
    from nndesk.ui import language

    gd = get_preset("mnist-gd").config.to_dict()
    assert gd["optimizer"] == "gd" and gd["batch_size"] == 0
    language.use_language(lang)
    try:
        full = {"en": "full batch", "vi": "cả tập (full batch)"}[lang]
        assert describe_config(gd, shown=True).count(full) == 1
        adam = {**gd, "optimizer": "adam"}
        assert describe_config(adam, shown=True).count(full) == 1
    finally:
        language.use_language("en")
