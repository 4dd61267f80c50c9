"""The training generator: reports, stop/pause, LR override, divergence, determinism, resume."""

from __future__ import annotations

import dataclasses
import itertools
import os
import subprocess
import sys
import time
import types

import numpy as np
import pytest

from nndesk.data.dataset import Dataset
from nndesk.errors import ConfigError, ModelFileError
from nndesk.nn.serialization import load_model
from nndesk.training import (
    BatchReport,
    EpochReport,
    RunEnded,
    TrainConfig,
    prepare,
    runtime,
    train,
)
from nndesk.training.runtime import ThreadPlan
from tests.conftest import make_blob_images

# 180 train images / 20 validation at val_fraction 0.1, batch 16 -> 12 batches per epoch
FAST = TrainConfig(dataset="tiny", arch="784-16-10", batch_size=16, epochs=2, lr=3e-3)


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    """200 train / 50 test learnable images (class k lights a square at a k-dependent place)."""
    rng = np.random.default_rng(0)
    y_train = np.arange(200) % 10
    rng.shuffle(y_train)
    y_test = np.arange(50) % 10
    return Dataset(
        name="tiny",
        class_names=tuple(f"class {k}" for k in range(10)),
        preprocess="digits",
        train_images=make_blob_images(y_train, rng),
        train_labels=y_train.astype(np.int64),
        test_images=make_blob_images(y_test, rng),
        test_labels=y_test.astype(np.int64),
    )


def run(session, **kwargs) -> list:
    return list(train(session, **kwargs))


def run_until(session, batches: int) -> list:
    """Train until ``batches`` batches are done, then ask it to stop."""
    reports: list = []
    for report in train(session, should_stop=lambda: len(reports) >= batches):
        reports.append(report)
    return reports


def of_type(reports, kind) -> list:
    return [r for r in reports if isinstance(r, kind)]


def test_a_run_yields_batches_then_an_epoch_report_per_epoch_and_ends_completed(tiny):
    reports = run(prepare(FAST, dataset=tiny))
    batches = of_type(reports, BatchReport)
    epochs = of_type(reports, EpochReport)
    assert len(batches) == 2 * 12 and [b.batch for b in batches[:12]] == list(range(1, 13))
    assert all(b.batches == 12 for b in batches)
    assert [e.epoch for e in epochs] == [1, 2] and all(e.epochs == 2 for e in epochs)
    assert reports[-1] == RunEnded("completed", reports[-1].message, 2)
    assert sum(isinstance(r, RunEnded) for r in reports) == 1
    # an epoch report comes right after that epoch's last batch
    assert isinstance(reports[12], EpochReport) and reports[12].epoch == 1


def test_reports_are_frozen_and_hold_plain_floats(tiny):
    reports = run(prepare(FAST, dataset=tiny))
    batch, epoch = of_type(reports, BatchReport)[-1], of_type(reports, EpochReport)[-1]
    with pytest.raises(dataclasses.FrozenInstanceError):
        batch.loss = 0.0
    for value in (batch.loss, batch.accuracy, batch.lr, batch.samples_per_second):
        assert type(value) is float
    for value in (epoch.train_loss, epoch.val_loss, epoch.val_accuracy, epoch.seconds):
        assert type(value) is float


def test_training_learns_the_tiny_problem(tiny):
    session = prepare(FAST.replace(epochs=4), dataset=tiny)
    epochs = of_type(run(session), EpochReport)
    assert epochs[-1].train_loss < epochs[0].train_loss
    assert epochs[-1].val_accuracy >= 0.9
    assert session.evaluate_test().accuracy >= 0.9


def test_test_metrics_are_reported_per_epoch_only_on_request(tiny):
    plain = of_type(run(prepare(FAST, dataset=tiny)), EpochReport)
    with_test = of_type(
        run(prepare(FAST.replace(test_every_epoch=True), dataset=tiny)), EpochReport
    )
    assert all(e.test_accuracy is None and e.test_loss is None for e in plain)
    assert all(0.0 <= e.test_accuracy <= 1.0 and e.test_loss > 0 for e in with_test)


def test_the_validation_split_is_stratified_and_disjoint_from_training(tiny):
    session = prepare(FAST.replace(val_fraction=0.2), dataset=tiny)
    assert len(session.y_val) == 40 and len(session.y_train) == 160
    assert np.bincount(session.y_val, minlength=10).tolist() == [4] * 10
    # every training row is one of the dataset's images, none of the validation rows is
    train_rows = {r.tobytes() for r in session.x_train}
    assert not any(r.tobytes() in train_rows for r in session.x_val)


def test_normalised_arrays_are_float32_and_symmetric_by_default(tiny):
    session = prepare(FAST, dataset=tiny)
    assert session.x_train.dtype == np.float32 and session.x_train.shape == (180, 784)
    assert session.x_train.min() >= -1.0 and session.x_train.max() <= 1.0
    assert session.normalizer.kind == "symmetric"


def test_stop_request_ends_training_within_one_batch(tiny):
    session = prepare(FAST.replace(epochs=3), dataset=tiny)
    seen = []

    def stop() -> bool:
        return len(seen) >= 5

    for report in train(session, should_stop=stop):
        seen.append(report)
    assert len(of_type(seen, BatchReport)) == 5
    assert seen[-1].reason == "stopped" and seen[-1].epochs_done == 0


def test_a_stop_counts_the_epochs_finished_as_the_runs_table_does(tiny):
    """walk49 D10: a full-batch run stopped between epochs said "in epoch 135" while the Runs
    table and --json's epochs said 134; the stop now names the last epoch finished, then the
    batches of the next one it trained, if any."""
    full = FAST.replace(batch_size=0, epochs=5)  # one batch per epoch
    seen: list = []
    for report in train(prepare(full, dataset=tiny), should_stop=lambda: len(seen) >= 4):
        seen.append(report)  # two (batch, epoch) pairs: epoch 2 ended, epoch 3 not begun
    ended = seen[-1]
    assert (ended.reason, ended.epochs_done, ended.batches_into_next) == ("stopped", 2, 0)
    assert ended.message == "stopped by request after epoch 2"

    seen = []
    session = prepare(FAST.replace(epochs=3), dataset=tiny)  # 12 batches per epoch
    for report in train(session, should_stop=lambda: len(seen) >= 12 + 1 + 5):
        seen.append(report)
    ended = seen[-1]
    assert (ended.epochs_done, ended.batches_into_next) == (1, 5)
    assert ended.message == "stopped by request after epoch 1 and 5 batches of epoch 2"
    assert session.epochs_done == 1

    seen = []
    for report in train(prepare(FAST, dataset=tiny), should_stop=lambda: len(seen) >= 3):
        seen.append(report)
    assert seen[-1].message == "stopped by request after 3 batches of epoch 1"
    gen = train(prepare(FAST, dataset=tiny), should_stop=lambda: True)
    assert next(gen).message == "stopped by request before the first batch"


def test_stop_during_a_pause_ends_the_run(tiny):
    session = prepare(FAST, dataset=tiny)
    gen = train(session, should_pause=lambda: True, should_stop=lambda: True)
    assert next(gen).reason == "stopped"


def test_pause_holds_the_batch_count_still_until_resumed(tiny):
    """The loop polls ``should_pause`` between batches and runs none while it answers True."""
    session = prepare(FAST.replace(epochs=3), dataset=tiny)
    reports: list = []
    seen_while_paused: list[int] = []  # reports so far, at every poll made while paused

    def should_pause() -> bool:
        if len(reports) < 3:
            return False
        seen_while_paused.append(len(reports))
        return len(seen_while_paused) < 6  # hold for five polls, then resume

    for report in train(session, should_pause=should_pause):
        reports.append(report)
    assert seen_while_paused[:6] == [3] * 6  # nothing arrived while paused
    assert len(reports) > 3 and reports[-1].reason == "completed"


def test_paused_as_the_last_epoch_ends_the_run_holds_until_resumed(tiny):
    """walk55 D12: "To epoch end" in the last epoch (or Pause during its last batch) ended the
    run at once, tested and saved: the loop polled for a pause only before a batch. It holds
    there now, as at any other epoch's end, and ends once resumed."""
    session = prepare(FAST.replace(epochs=2), dataset=tiny)
    reports: list = []
    polls_after_the_last_epoch: list[int] = []

    def should_pause() -> bool:
        epochs = of_type(reports, EpochReport)
        if len(epochs) < 2:
            return False  # training: never paused
        polls_after_the_last_epoch.append(len(reports))
        return len(polls_after_the_last_epoch) < 4  # hold for three polls, then resume

    for report in train(session, should_pause=should_pause):
        reports.append(report)
    last_epoch = max(i for i, r in enumerate(reports) if isinstance(r, EpochReport)) + 1
    # polled after the last epoch's report, before the end: nothing came while it held
    assert polls_after_the_last_epoch == [last_epoch] * 4
    assert len(reports) == last_epoch + 1 and reports[-1].reason == "completed"


def test_a_stop_while_held_after_the_last_epoch_ends_the_run_completed(tiny):
    session = prepare(FAST.replace(epochs=1), dataset=tiny)
    reports: list = []

    def held() -> bool:
        return bool(of_type(reports, EpochReport))

    for report in train(session, should_pause=held, should_stop=held):
        reports.append(report)
    assert reports[-1].reason == "completed" and session.epochs_done == 1


class FakeClock:
    """``time.perf_counter`` moving a millisecond per read, and a ``time.sleep`` that only moves
    it: a pause poll "lasts" 100 s, so counting paused time could not go unnoticed."""

    def __init__(self) -> None:
        self.now = 0.0

    def perf_counter(self) -> float:
        self.now += 1e-3
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += 100.0


def test_paused_time_is_not_counted_in_epoch_seconds(tiny, monkeypatch):
    session = prepare(FAST.replace(epochs=1), dataset=tiny)
    clock = FakeClock()
    monkeypatch.setattr(time, "perf_counter", clock.perf_counter)
    monkeypatch.setattr(time, "sleep", clock.sleep)
    polls = iter([True] * 10 + [False] * 1000)  # ten polls paused: 1000 fake seconds
    reports = run(session, should_pause=lambda: next(polls))
    assert clock.now > 900  # the pause did pass on this clock
    assert of_type(reports, EpochReport)[0].seconds < 100  # and none of it was counted


def test_a_rate_steered_in_takes_effect_from_the_next_batch(tiny):
    session = prepare(FAST, dataset=tiny)
    seen: list = []

    def steer():
        return {"lr": 0.5} if len(seen) == 4 else {}

    for report in train(session, steer=steer):
        seen.append(report)
    lrs = [b.lr for b in of_type(seen, BatchReport)]
    assert lrs[:4] == [pytest.approx(3e-3)] * 4
    assert lrs[4:] == [0.5] * (len(lrs) - 4)


def test_the_schedule_sets_the_rate_at_each_epoch_start(tiny):
    config = FAST.replace(epochs=3, schedule="step", schedule_step=1, schedule_gamma=0.5)
    epochs = of_type(run(prepare(config, dataset=tiny)), EpochReport)
    assert [e.lr for e in epochs] == pytest.approx([3e-3, 1.5e-3, 0.75e-3])


def test_a_huge_learning_rate_ends_the_run_as_diverged_with_finite_weights(tiny):
    session = prepare(FAST.replace(optimizer="sgd", lr=1e30, epochs=3), dataset=tiny)
    reports = run(session)
    end = reports[-1]
    assert end.reason == "diverged"
    assert "loss became" in end.message and "lower learning rate" in end.message
    assert "\n" not in end.message
    assert not of_type(reports, EpochReport) or end.epochs_done < 3
    assert all(np.isfinite(p).all() for _, p, _ in session.model.parameters())


def test_the_diverging_batch_is_not_applied(tiny):
    session = prepare(FAST, dataset=tiny)
    before = session.weights_snapshot()
    original_forward = session.model.forward

    def poisoned(x, training=False):
        out = original_forward(x, training)
        return out * np.float32(np.nan) if training else out

    session.model.forward = poisoned
    reports = run(session)
    assert reports[-1].reason == "diverged" and "epoch 1 batch 1" in reports[-1].message
    for (_, a), (_, b) in zip(before, session.weights_snapshot(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_two_runs_with_the_same_seed_give_identical_reports(tiny):
    config = FAST.replace(dropout=0.2)
    a = [r for r in run(prepare(config, dataset=tiny)) if not isinstance(r, RunEnded)]
    b = [r for r in run(prepare(config, dataset=tiny)) if not isinstance(r, RunEnded)]

    def strip(r):  # timings differ between runs; everything else must not
        d = dataclasses.asdict(r)
        d.pop("seconds", None)
        d.pop("samples_per_second", None)
        return d

    assert [strip(r) for r in a] == [strip(r) for r in b]


def test_a_different_seed_gives_a_different_run(tiny):
    a = of_type(run(prepare(FAST, dataset=tiny)), BatchReport)
    b = of_type(run(prepare(FAST.replace(seed=1), dataset=tiny)), BatchReport)
    assert [r.loss for r in a] != [r.loss for r in b]


def test_full_batch_trains_one_step_per_epoch(tiny):
    config = FAST.replace(optimizer="gd", lr=0.1, batch_size=0, epochs=5, normalize="unit")
    reports = run(prepare(config, dataset=tiny))
    batches = of_type(reports, BatchReport)
    assert [(b.epoch, b.batch, b.batches) for b in batches] == [(e, 1, 1) for e in range(1, 6)]
    losses = [e.train_loss for e in of_type(reports, EpochReport)]
    assert losses[-1] < losses[0]


def test_saving_writes_the_info_prediction_needs(tiny, tmp_path):
    session = prepare(FAST, dataset=tiny)
    run(session)
    session.evaluate_test()
    path = session.save(tmp_path / "m.npz")
    loaded = load_model(path)
    info = loaded.info
    assert info["dataset"] == "tiny" and info["preprocess"] == "digits"
    assert info["class_names"] == list(tiny.class_names)
    assert info["normalization"]["kind"] == "symmetric"
    assert len(info["history"]) == 2 and info["config"]["arch"] == "784-16-10"
    assert 0.0 <= info["metrics"]["test_accuracy"] <= 1.0
    x = session.x_test
    np.testing.assert_allclose(loaded.model.predict_proba(x), session.model.predict_proba(x))


def test_resume_continues_the_history_and_the_optimizer_state(tiny, tmp_path):
    first = prepare(FAST, dataset=tiny)
    run(first)
    path = first.save(tmp_path / "m.npz")
    steps_before = first.optimizer.t

    resumed = prepare(FAST.replace(epochs=2), dataset=tiny, resume=path)
    assert resumed.optimizer.t == steps_before
    assert resumed.optimizer.state_dict()["0/W/m_sum"] == pytest.approx(
        first.optimizer.state_dict()["0/W/m_sum"]
    )
    epochs = of_type(run(resumed), EpochReport)
    assert [e.epoch for e in epochs] == [3, 4] and epochs[-1].epochs == 4
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3, 4]
    assert resumed.optimizer.t == 2 * steps_before

    # and it matches an uninterrupted 4-epoch run step for step (same shuffles, same Adam state)
    straight = prepare(FAST.replace(epochs=4), dataset=tiny)
    straight_epochs = of_type(run(straight), EpochReport)
    assert epochs[-1].train_loss == pytest.approx(straight_epochs[-1].train_loss, rel=1e-4)


def test_a_continue_that_runs_its_schedule_again_starts_it_at_its_first_epoch(tiny, tmp_path):
    """walk64 D16: Continue spread a finished cosine run's schedule over every epoch, so it
    went on 15x above the rate the run ended with. Asked to run the schedule again, epoch 4
    of a 3-epoch model trains at the stated rate and the schedule spans the 2 new epochs;
    the model file says where it counted from."""
    from nndesk.nn.schedules import make_schedule

    cosine = FAST.replace(epochs=3, schedule="cosine", min_lr=1e-5)
    first = prepare(cosine, dataset=tiny)
    run(first)
    path = first.save(tmp_path / "m.npz")
    again = prepare(
        cosine.replace(epochs=2, lr=2e-3), dataset=tiny, resume=path, restart_schedule=True
    )
    assert again.schedule_from == 4
    epochs = of_type(run(again), EpochReport)
    fresh = make_schedule("cosine", 2e-3, 2, min_lr=1e-5)
    assert [(e.epoch, e.lr) for e in epochs] == [
        (4, pytest.approx(fresh.lr_at(0))),
        (5, pytest.approx(fresh.lr_at(1))),
    ]
    assert epochs[0].lr == pytest.approx(2e-3)
    assert again.info()["schedule_from"] == 4
    # without it (the CLI's --resume), the schedule counts from epoch 1 over all five
    stretched = prepare(cosine.replace(epochs=2), dataset=tiny, resume=path)
    assert stretched.schedule_from == 1 and "schedule_from" not in stretched.info()
    spread = make_schedule("cosine", cosine.lr, 5, min_lr=1e-5)
    assert stretched.rate_at(4) == pytest.approx(spread.lr_at(3))


def test_continuing_a_diverged_model_is_caught_as_diverged_at_its_first_batch(tiny, tmp_path):
    """walk53 #3: Continue on a run that diverged (lr 5) trained a whole epoch with its batch
    loss between 10² and 10⁶ and ended "completed" at chance: divergence was measured as 100x
    the first batch's loss, itself already huge. A resumed model is measured from chance."""
    first = prepare(FAST.replace(epochs=1), dataset=tiny)
    run(first)
    for _, p, _ in first.model.parameters():
        p *= 100  # weights blown up as a diverging step leaves them: logits ~10⁴ times too big
    path = first.save(tmp_path / "blown.npz")

    resumed = prepare(FAST.replace(epochs=1), dataset=tiny, resume=path)
    reports = run(resumed)
    assert isinstance(reports[0], RunEnded)  # its first batch, not a whole epoch later
    assert reports[0].reason == "diverged" and "epoch 2 batch 1" in reports[0].message
    # a sound model continued is not: the yardstick is a guess at chance (ln 10), not 1e-3
    sound = prepare(FAST.replace(epochs=2), dataset=tiny)
    run(sound)
    again = prepare(FAST.replace(epochs=1), dataset=tiny, resume=sound.save(tmp_path / "ok.npz"))
    assert run(again)[-1].reason == "completed"


def test_resume_keeps_the_saved_network_even_if_flags_differ(tiny, tmp_path):
    first = prepare(FAST, dataset=tiny)
    run(first)
    path = first.save(tmp_path / "m.npz")
    resumed = prepare(FAST.replace(arch="784-99-10", normalize="raw"), dataset=tiny, resume=path)
    assert resumed.config.arch == "784-16-10" and resumed.normalizer.kind == "symmetric"


def test_resume_refuses_a_model_of_another_dataset(tiny, tmp_path):
    first = prepare(FAST, dataset=tiny)
    run(first)
    path = first.save(tmp_path / "m.npz")
    other = dataclasses.replace(tiny, name="other", class_names=tuple("abcdefghij"))
    with pytest.raises(ModelFileError, match="tiny"):
        prepare(FAST, dataset=other, resume=path)


def test_weights_snapshot_is_a_copy(tiny):
    session = prepare(FAST, dataset=tiny)
    snap = session.weights_snapshot()
    run(session)
    name, before = snap[0]
    assert name == "0/W"
    assert not np.array_equal(before, session.model.parameters()[0][1])


@pytest.mark.parametrize("arch", ["784-16-10", "784-c2-bn-p-10"])
def test_a_snapshot_classifier_predicts_like_the_model_without_sharing_it(tiny, arch):
    session = prepare(FAST.replace(arch=arch, epochs=1), dataset=tiny)
    run(session)
    clf = session.classifier()
    image = tiny.test_images[0]
    expected = session.model.predict_proba(session.normalizer(image[None]))[0]
    np.testing.assert_allclose(
        clf.classify_prepared(image.astype(np.float32)).probabilities, expected, rtol=1e-5
    )
    assert clf.model is not session.model


@pytest.mark.parametrize(
    ("changes", "word"),
    [
        ({"arch": "784-x-10"}, "layer"),
        ({"lr": -1.0}, "lr"),
        ({"epochs": 0}, "epochs"),
        ({"batch_size": -3}, "batch_size"),
        ({"dropout": 1.0}, "dropout"),
        ({"activation": "swish"}, "activation"),
        ({"loss": "ce", "output": "sigmoid"}, "softmax"),
        ({"loss": "bce", "output": "softmax"}, "sigmoid"),
        ({"val_fraction": 1.0}, "val_fraction"),
        ({"eps": 0.0}, "eps"),
        ({"eps": float("nan")}, "eps"),
        ({"prelu_init": -0.1}, "prelu_init"),
    ],
)
def test_a_bad_setting_raises_a_one_line_config_error(changes, word):
    with pytest.raises(ConfigError, match=word) as info:
        TrainConfig().replace(**changes).validate()
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("optimizer", "eps", "expected"),
    [("adam", None, 1e-8), ("adam", 1e-7, 1e-7), ("adamw", 1e-6, 1e-6), ("rmsprop", None, 1e-7)],
)
def test_eps_reaches_the_optimizer_and_none_keeps_its_default(tiny, optimizer, eps, expected):
    session = prepare(FAST.replace(optimizer=optimizer, eps=eps), dataset=tiny)
    assert session.optimizer.eps == expected


def test_eps_changes_the_adam_steps_and_a_resumed_run_keeps_the_files_eps(tiny, tmp_path):
    default = prepare(FAST, dataset=tiny)
    keras = prepare(FAST.replace(eps=1e-2), dataset=tiny)  # big enough to show in two epochs
    assert of_type(run(default), EpochReport)[-1].train_loss != pytest.approx(
        of_type(run(keras), EpochReport)[-1].train_loss, rel=1e-3
    )
    path = keras.save(tmp_path / "m.npz")
    resumed = prepare(FAST.replace(eps=None), dataset=tiny, resume=path)
    assert resumed.config.eps == 1e-2 and resumed.optimizer.eps == 1e-2


def test_prelu_init_sets_every_prelu_layers_starting_slope(tiny):
    session = prepare(FAST.replace(activation="prelu", prelu_init=0.0), dataset=tiny)
    slopes = [layer.params["alpha"] for layer in session.model.layers if layer.name == "PReLU"]
    assert slopes and all(np.all(s == 0.0) for s in slopes)
    default = prepare(FAST.replace(activation="prelu"), dataset=tiny)
    assert all(
        np.all(layer.params["alpha"] == np.float32(0.25))
        for layer in default.model.layers
        if layer.name == "PReLU"
    )


def test_replace_rejects_unknown_settings():
    with pytest.raises(ConfigError, match="colour"):
        TrainConfig().replace(colour="red")


def test_config_round_trips_through_a_dict_and_ignores_unknown_keys():
    config = TrainConfig(arch="784-32-10", lr=0.01, batch_size=0, augment=True)
    assert TrainConfig.from_dict({**config.to_dict(), "future_setting": 1}) == config


def test_the_last_layer_must_match_the_number_of_classes(tiny):
    with pytest.raises(ConfigError, match="10 classes"):
        prepare(FAST.replace(arch="784-16-5"), dataset=tiny)


def test_augmentation_changes_the_batches_but_stays_reproducible(tiny):
    config = FAST.replace(augment=True)
    a = [r.loss for r in of_type(run(prepare(config, dataset=tiny)), BatchReport)]
    b = [r.loss for r in of_type(run(prepare(config, dataset=tiny)), BatchReport)]
    plain = [r.loss for r in of_type(run(prepare(FAST, dataset=tiny)), BatchReport)]
    assert a == b
    assert a[0] != plain[0]


def test_sketch_share_redraws_part_of_every_batch_reproducibly(tiny):
    config = FAST.replace(sketch=0.5)
    a = [r.loss for r in of_type(run(prepare(config, dataset=tiny)), BatchReport)]
    b = [r.loss for r in of_type(run(prepare(config, dataset=tiny)), BatchReport)]
    plain = [r.loss for r in of_type(run(prepare(FAST, dataset=tiny)), BatchReport)]
    assert a == b
    assert a[0] != plain[0]


@pytest.mark.parametrize("share", [-0.1, 1.5, float("nan")])
def test_a_sketch_share_outside_zero_to_one_is_refused(share):
    with pytest.raises(ConfigError, match="sketch"):
        TrainConfig(sketch=share).validate()


def test_small_networks_train_with_one_blas_thread_and_big_ones_keep_the_default(tiny):
    assert prepare(FAST, dataset=tiny).thread_plan() == ThreadPlan(blas=1, parts=1)
    assert prepare(FAST.replace(threads=2), dataset=tiny).thread_plan().blas == 2


def test_a_cnn_splits_its_batches_over_every_core_while_training(tiny, monkeypatch):
    import os

    from nndesk.nn import parallel

    monkeypatch.setattr(runtime, "idle_cores", lambda: 1.5)
    cnn = FAST.replace(arch="784-c4-p-10", epochs=1)
    session = prepare(cnn, dataset=tiny)
    # each part of a split batch runs its products on one BLAS thread
    assert session.thread_plan() == ThreadPlan(blas=1, parts=os.cpu_count())
    assert prepare(cnn.replace(threads=3), dataset=tiny).thread_plan() == ThreadPlan(1, 3)
    # batch norm couples a batch's samples: not split, BLAS and the passes on every core
    with_bn = prepare(cnn.replace(arch="784-c4-bn-p-10"), dataset=tiny)
    assert with_bn.thread_plan() == ThreadPlan(blas=None, parts=os.cpu_count())
    inside: set[int] = set()
    between: set[int] = set()

    def should_stop() -> bool:  # polled inside each of the run's steps
        inside.add(parallel.threads())
        return False

    for _ in train(session, should_stop=should_stop):
        between.add(parallel.threads())
    assert inside == {os.cpu_count()}  # inside the run, in the thread iterating it
    assert between == {1}
    assert parallel.threads() == 1


def test_a_wide_mlp_uses_every_core_only_when_the_machine_has_one_to_spare(tiny, monkeypatch):
    wide = FAST.replace(arch="784-256-10", batch_size=128)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 1.5)
    assert prepare(wide, dataset=tiny).thread_plan().blas is None
    assert prepare(FAST, dataset=tiny).thread_plan().blas == 1  # small products never split
    monkeypatch.setattr(runtime, "idle_cores", lambda: 0.1)
    assert prepare(wide, dataset=tiny).thread_plan().blas == 1


def test_a_cnn_on_a_busy_machine_trains_on_one_thread_unless_told_otherwise(tiny, monkeypatch):
    cnn = FAST.replace(arch="784-c4-p-10", epochs=1)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 0.1)
    assert prepare(cnn, dataset=tiny).thread_plan() == ThreadPlan(blas=1, parts=1)
    assert prepare(cnn.replace(threads=2), dataset=tiny).thread_plan() == ThreadPlan(1, 2)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 0.6)
    assert prepare(cnn, dataset=tiny).thread_plan().parts == os.cpu_count()


def test_the_thread_choice_is_made_once_per_session(tiny, monkeypatch):
    asked = []
    monkeypatch.setattr(runtime, "idle_cores", lambda: asked.append(1) or 1.5)
    session = prepare(FAST.replace(arch="784-256-10", batch_size=128), dataset=tiny)
    assert session.thread_plan().blas is None and session.thread_plan().blas is None
    assert len(asked) == 1


def _fake_busy_clock(
    monkeypatch, cores_busy_by_others: float, own_cores: float = 1.0, children_cores: float = 0.0
):
    """A machine whose load average says it is full, on a clock that moves only when
    ``idle_cores`` sleeps: over each second of it, other programs keep ``cores_busy_by_others``
    cores busy, this process ``own_cores`` and its children ``children_cores`` (their CPU time
    counts in /proc/stat as well)."""
    clock = {"now": 0.0}

    def sleep(seconds):
        clock["now"] += seconds

    fake_time = types.SimpleNamespace(
        sleep=sleep,
        perf_counter=lambda: clock["now"],
        process_time=lambda: own_cores * clock["now"],
    )
    monkeypatch.setattr(runtime, "time", fake_time)
    monkeypatch.setattr(runtime.os, "getloadavg", lambda: (2.0 * os.cpu_count(), 0.0, 0.0))
    children = lambda: children_cores * clock["now"]  # noqa: E731
    monkeypatch.setattr(runtime, "children_cpu_seconds", children, raising=False)
    monkeypatch.setattr(
        runtime,
        "machine_busy_seconds",
        lambda: 1000.0 + (own_cores + children_cores + cores_busy_by_others) * clock["now"],
    )


def test_a_load_average_made_by_this_process_does_not_count_as_busy(monkeypatch):
    _fake_busy_clock(monkeypatch, cores_busy_by_others=0.0, own_cores=1.0)
    assert runtime.idle_cores(window=0.02) == pytest.approx(runtime.parallel.cores())


def test_a_load_average_left_by_this_processs_last_run_is_measured_again(monkeypatch):
    # a minute after a split run in the window, the load average still counts it: whether a
    # new run's parts get a core each (runtime.QUIET) is what other programs use now
    _fake_busy_clock(monkeypatch, cores_busy_by_others=0.0, own_cores=0.0)
    monkeypatch.setattr(runtime.os, "getloadavg", lambda: (1.0, 0.0, 0.0))
    assert runtime.idle_cores(window=0.02) == pytest.approx(runtime.parallel.cores())


def test_this_processs_own_helpers_starting_are_not_other_programs(monkeypatch):
    # a run's helpers started early import NumPy for half a second while the run plans: read as
    # another program, they sent the run's parts to threads
    _fake_busy_clock(monkeypatch, cores_busy_by_others=0.0, own_cores=0.3, children_cores=1.5)
    monkeypatch.setattr(runtime.os, "getloadavg", lambda: (1.0, 0.0, 0.0))
    assert runtime.idle_cores(window=0.02) == pytest.approx(runtime.parallel.cores())


def test_a_child_processs_cpu_time_is_read_while_it_runs():
    if not os.path.exists(f"/proc/{os.getpid()}/task"):
        pytest.skip("/proc/PID/task is Linux's")
    burn = (
        "import sys, time\n"
        "t = time.process_time()\n"
        "while time.process_time() - t < 0.2: pass\n"
        "print('burnt', flush=True)\n"
        "sys.stdin.read()\n"
    )
    before = runtime.children_cpu_seconds()
    child = subprocess.Popen(
        [sys.executable, "-c", burn], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "burnt\n"
        assert runtime.children_cpu_seconds() - before >= 0.1  # ticks: 0.19 s or more
    finally:
        child.communicate("")  # its stdin closes: it ends
    assert runtime.children_cpu_seconds() == pytest.approx(before, abs=0.05)  # gone, not counted


def test_other_programs_keeping_the_cores_busy_leave_none_idle(monkeypatch):
    cores = runtime.parallel.cores()
    _fake_busy_clock(monkeypatch, cores_busy_by_others=cores, own_cores=0.0)
    assert runtime.idle_cores(window=0.02) == pytest.approx(0.0, abs=1e-9)
    _fake_busy_clock(monkeypatch, cores_busy_by_others=cores - 0.5, own_cores=0.5)
    assert runtime.idle_cores(window=0.02) == pytest.approx(0.5)


def test_without_proc_stat_the_load_average_decides(monkeypatch):
    monkeypatch.setattr(runtime.os, "getloadavg", lambda: (os.cpu_count() - 0.25, 0.0, 0.0))
    monkeypatch.setattr(runtime, "machine_busy_seconds", lambda: None)
    assert runtime.idle_cores(window=0.0) == pytest.approx(0.25)
    monkeypatch.setattr(runtime.os, "getloadavg", lambda: (0.5, 0.0, 0.0))
    assert runtime.idle_cores() == pytest.approx(os.cpu_count() - 0.5)


def test_the_machine_busy_clock_reads_this_linux_machine():
    if not os.path.exists("/proc/stat"):
        pytest.skip("/proc/stat is Linux's")
    before = runtime.machine_busy_seconds()
    deadline = time.perf_counter() + 0.05
    while time.perf_counter() < deadline:  # keep one core busy
        pass
    after = runtime.machine_busy_seconds()
    assert before is not None and after - before >= 0.02


def _blas_threads() -> list[int]:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def test_the_blas_thread_limit_holds_while_training_runs_and_the_callers_between_batches(tiny):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    inside: list[int] = []

    def should_stop() -> bool:  # polled by the loop itself, inside each step
        inside.extend(_blas_threads())
        return False

    with threadpoolctl.threadpool_limits(2, user_api="blas"):
        before = _blas_threads()
        between = []
        for _ in train(prepare(FAST, dataset=tiny), should_stop=should_stop):
            between.extend(_blas_threads())
        after = _blas_threads()
    assert set(inside) == {1}  # a tiny MLP: one BLAS thread
    assert set(between) == set(before) == {2}
    assert after == before


def test_numpys_ufunc_buffers_are_small_while_a_run_steps_and_the_callers_between(tiny):
    inside: set[int] = set()

    def should_stop() -> bool:  # polled by the loop itself, inside each step
        inside.add(np.getbufsize())
        return False

    before = np.getbufsize()
    between = {np.getbufsize() for _ in train(prepare(FAST, dataset=tiny), should_stop=should_stop)}
    assert inside == {runtime.UFUNC_BUFFER} != {before}
    assert between == {before} and np.getbufsize() == before
    with runtime.applied(ThreadPlan(1, 1)):
        assert np.getbufsize() == runtime.UFUNC_BUFFER
    assert np.getbufsize() == before


def test_small_ufunc_buffers_train_a_cnn_to_the_same_numbers_to_the_bit():
    # every path fashion-cnn takes: conv1 fused with its pool in window order, conv2 as Winograd
    # (8 input channels), dropout; batches of a split half, a whole one and a ragged last one
    from nndesk.nn.architecture import build_model
    from nndesk.nn.losses import SoftmaxCrossEntropy
    from nndesk.nn.optimizers import make_optimizer

    rng = np.random.default_rng(3)
    x = rng.standard_normal((113, 784)).astype(np.float32)
    y = rng.integers(0, 10, 113)
    trained = []
    for size in (np.getbufsize(), runtime.UFUNC_BUFFER):
        model = build_model("784-c8v-p-c16v-p-32-10", dropout=0.25, rng=np.random.default_rng(0))
        optimizer, loss = make_optimizer("adam", lr=1e-3), SoftmaxCrossEntropy("softmax")
        params = model.parameters()
        with runtime.applied(ThreadPlan(1, 1)), runtime.ufunc_buffer(size):
            for start, stop in ((0, 32), (32, 96), (96, 113)):
                model.train_step(x[start:stop], y[start:stop], loss)
                optimizer.step(params)
        trained.append([(key, p.copy(), g.copy()) for key, p, g in params])
    assert any(type(layer).__name__ == "Conv2D" and layer._winograd for layer in model.layers)
    for (key, p0, g0), (_, p1, g1) in zip(*trained, strict=True):
        np.testing.assert_array_equal(p1, p0, err_msg=key)
        np.testing.assert_array_equal(g1, g0, err_msg=key)


def test_runs_stepped_in_turn_each_train_on_their_own_blas_threads(tiny):
    threadpoolctl = pytest.importorskip("threadpoolctl")
    seen: dict[int, set[int]] = {1: set(), 2: set()}

    def watching(threads):
        def should_stop() -> bool:
            seen[threads].update(_blas_threads())
            return False

        return should_stop

    with threadpoolctl.threadpool_limits(1, user_api="blas"):
        # as a race steps its lanes: the run started second must not keep the first one's limit,
        # nor leave its own behind for the first when it ends
        runs = [
            train(prepare(FAST.replace(threads=t), dataset=tiny), should_stop=watching(t))
            for t in (1, 2)
        ]
        for _ in itertools.zip_longest(*runs):
            pass
        after = _blas_threads()
    assert seen == {1: {1}, 2: {2}}
    assert set(after) == {1}


def test_the_session_and_the_evaluate_page_report_the_same_test_loss(tiny):
    from nndesk.evaluation import evaluate

    config = FAST.replace(output="sigmoid", loss="bce", epochs=1)
    session = prepare(config, dataset=tiny)
    run(session)
    during_training = session.evaluate_test()
    page = evaluate(session.classifier(), tiny.test_images, tiny.test_labels)
    assert page.loss == pytest.approx(during_training.loss, rel=1e-6)
    assert page.accuracy == during_training.accuracy


def test_a_run_stopped_inside_an_epoch_continues_from_the_next_batch(tiny, tmp_path):
    config = FAST.replace(epochs=1, dropout=0.2)
    whole = of_type(run(prepare(config, dataset=tiny)), BatchReport | EpochReport)

    first = prepare(config, dataset=tiny)
    stop_after = 5
    reports = run_until(first, stop_after)
    assert reports[-1].reason == "stopped" and first.epochs_done == 0
    path = first.save(tmp_path / "half.npz")

    resumed = prepare(config, dataset=tiny, resume=path)
    rest = of_type(run(resumed), BatchReport | EpochReport)
    assert [r.batch for r in of_type(rest, BatchReport)] == list(range(stop_after + 1, 13))
    for done, again in zip(whole[stop_after:], rest, strict=True):
        if isinstance(done, BatchReport):
            assert again.batch_loss == pytest.approx(done.batch_loss, rel=1e-5)
            assert again.loss == pytest.approx(done.loss, rel=1e-5)  # the epoch's running mean
    assert rest[-1].train_loss == pytest.approx(whole[-1].train_loss, rel=1e-5)
    assert rest[-1].epoch == 1 and [h["epoch"] for h in resumed.history] == [1]
    assert "partial_epoch" not in resumed.info()  # the epoch is finished now


def test_a_run_stopped_before_its_last_epoch_continues_to_it_as_if_never_stopped(tiny, tmp_path):
    """Probe 33 item 9: a 5-epoch run stopped in epoch 2 and continued trained to epoch 6
    ("Epoch 3/6") while its headline said "Continuing in epoch 2". Continue finishes the
    epochs the run meant to train (its cosine schedule too), unless Epochs was raised."""
    config = FAST.replace(epochs=3, schedule="cosine")
    whole = of_type(run(prepare(config, dataset=tiny)), EpochReport)

    first = prepare(config, dataset=tiny)
    reports = run_until(first, 12 + 1 + 5)  # epoch 1's 12 batches and its report, 5 more
    assert reports[-1].reason == "stopped" and first.epochs_done == 1
    path = first.save(tmp_path / "stopped.npz")
    assert load_model(path).info["last_epoch"] == 3

    resumed = prepare(config, dataset=tiny, resume=path)
    assert (resumed.epochs_done + 1, resumed.last_epoch) == (2, 3)
    epochs = of_type(run(resumed), EpochReport)
    assert [(e.epoch, e.epochs) for e in epochs] == [(2, 3), (3, 3)]
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3]
    assert [e.lr for e in epochs] == pytest.approx([e.lr for e in whole[1:]])  # the same plan
    assert epochs[-1].train_loss == pytest.approx(whole[-1].train_loss, rel=1e-4)
    assert resumed.info()["last_epoch"] == 3  # finished: a next Continue trains more
    resumed.save(tmp_path / "done.npz")

    raised = prepare(config.replace(epochs=5), dataset=tiny, resume=path)
    assert (raised.epochs_done + 1, raised.last_epoch) == (2, 5)
    lowered = prepare(config.replace(epochs=1), dataset=tiny, resume=path)
    assert lowered.last_epoch == 2  # at least the epoch it stopped in
    again = prepare(config.replace(epochs=2), dataset=tiny, resume=tmp_path / "done.npz")
    assert (again.epochs_done, again.last_epoch) == (3, 5)  # a finished run: 2 more


@pytest.mark.parametrize("last", [True, "3", 3.0, -1, 0, 1, 10**9, None])
def test_a_model_files_planned_epoch_that_no_run_writes_is_ignored(tiny, tmp_path, last):
    session = prepare(FAST.replace(epochs=3), dataset=tiny)
    run_until(session, 12 + 1 + 5)
    loaded = load_model(session.save(tmp_path / "stopped.npz"))
    loaded.info["last_epoch"] = last
    resumed = prepare(FAST.replace(epochs=2), dataset=tiny, resume=loaded)
    assert resumed.last_epoch == 1 + 2  # as a file that does not say: two more


def test_a_saved_epoch_position_that_does_not_fit_is_ignored(tiny, tmp_path):
    session = prepare(FAST.replace(epochs=1), dataset=tiny)
    run_until(session, 3)
    path = session.save(tmp_path / "half.npz")
    loaded = load_model(path)
    loaded.info["partial_epoch"]["seen"] = 10_000  # more samples than the split holds
    resumed = prepare(FAST.replace(epochs=1), dataset=tiny, resume=loaded)
    assert of_type(run(resumed), BatchReport)[0].batch == 1


@pytest.mark.parametrize("val_fraction", [0.0, 0.2])
def test_an_epochs_confusion_counts_the_validation_split_or_else_the_trained_batches(
    tiny, val_fraction
):
    session = prepare(FAST.replace(epochs=1, val_fraction=val_fraction), dataset=tiny)
    report = next(r for r in train(session) if isinstance(r, EpochReport))
    confusion = np.array(report.confusion)
    if val_fraction:
        assert report.confusion_split == "validation"
        assert confusion.sum() == len(session.y_val)
        assert np.trace(confusion) == round(report.val_accuracy * len(session.y_val))
    else:
        assert report.confusion_split == "training"
        assert confusion.sum() == len(session.y_train)  # every trained sample, once
        assert np.trace(confusion) == round(report.train_accuracy * len(session.y_train))
        assert (confusion.sum(axis=1) == np.bincount(session.y_train, minlength=10)).all()
