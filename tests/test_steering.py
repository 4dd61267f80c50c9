"""Steering a run while it trains: live settings take effect from the next batch (a batch size
from the next epoch), are reported at that batch, kept in the model file and resumed."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.errors import ConfigError, ModelFileError
from nndesk.nn.layers import Dropout
from nndesk.nn.serialization import load_model, save_model
from nndesk.run_curves import Curves
from nndesk.runs import RunFileError
from nndesk.setting_changes import (
    RATE_FROM_SCHEDULE,
    SettingChange,
    continue_with,
    parse_changes,
    settings_at_end,
    steer_problem,
)
from nndesk.settings_schema import BY_NAME
from nndesk.training import BatchReport, EpochReport, TrainConfig, prepare, train
from tests.test_training import FAST, tiny  # noqa: F401 - the module's dataset fixture

MOMENTUM = FAST.replace(arch="784-32-16-10", optimizer="momentum", momentum=0.9, dropout=0.2)


def _steer_at(batches_done: int, values: dict, seen: list, before=None):
    """A ``steer`` callable that asks for ``values`` once, before batch ``batches_done + 1``."""
    asked: list = []

    def steer():
        done = sum(isinstance(r, BatchReport) for r in seen)
        if done == batches_done and not asked:
            asked.append(True)
            if before is not None:
                before()
            return dict(values)
        return {}

    return steer


def test_momentum_and_dropout_changed_mid_run_take_effect_and_are_kept_in_the_model(
    tiny,  # noqa: F811
    tmp_path,
):
    session = prepare(MOMENTUM, dataset=tiny)
    params = session.model.parameters()
    old_velocity: dict = {}

    def keep_velocity():
        old_velocity.update({k: s["v"].copy() for k, s in session.optimizer.state.items()})

    seen: list = []
    steer = _steer_at(3, {"momentum": 0.5, "dropout": 0.6}, seen, keep_velocity)
    dropouts = [layer for layer in session.model.layers if isinstance(layer, Dropout)]
    assert len(dropouts) == 2
    for report in train(session, steer=steer):
        seen.append(report)
        if isinstance(report, BatchReport) and report.changes:
            # the batch that first used them: momentum 0.5 in v = mu v - lr g ...
            assert session.optimizer.momentum == 0.5
            for key, _p, grad in params:
                want = 0.5 * old_velocity[key] - session.optimizer.lr * grad
                np.testing.assert_allclose(session.optimizer.state[key]["v"], want, atol=1e-7)
            # ... and masks that keep 40 % of the units, scaled by 1 / (1 - 0.6)
            for layer in dropouts:
                kept = layer._mask[layer._mask > 0]  # noqa: SLF001
                assert np.allclose(kept, 2.5)
                assert 0.25 < kept.size / layer._mask.size < 0.55  # noqa: SLF001
    batches = [r for r in seen if isinstance(r, BatchReport)]
    assert [b.changes for b in batches[:3]] == [(), (), ()]
    changed = batches[3].changes
    assert [(c.name, c.value, c.epoch, c.batch) for c in changed] == [
        ("momentum", 0.5, 1, 4),
        ("dropout", 0.6, 1, 4),
    ]
    assert changed[0].x == pytest.approx(3 / batches[3].batches)

    path = session.save(tmp_path / "steered.npz")
    info = load_model(path).info
    assert [(c["name"], c["value"]) for c in info["changes"]] == [
        ("momentum", 0.5),
        ("dropout", 0.6),
    ]
    assert (info["config"]["momentum"], info["config"]["dropout"]) == (0.5, 0.6)

    # resuming keeps them: the record continues and the network trains on with them
    resumed = prepare(MOMENTUM, dataset=tiny, resume=path)
    assert [c.name for c in resumed.changes] == ["momentum", "dropout"]
    assert resumed.optimizer.momentum == 0.5
    assert [layer.rate for layer in resumed.model.layers if isinstance(layer, Dropout)] == [0.6] * 2


def test_a_change_keeps_the_value_in_force_before_it_a_schedules_rate_too(tiny, tmp_path):  # noqa: F811
    """verify63 V7: a step schedule had lowered the rate to 0.0001 when it was raised by hand
    to 0.05, and the coach said "raised from 0.001", the start rate. The change keeps the
    rate the run trained with until it (the schedule's for that epoch), in the run record and
    the model file, and a resumed run reads it back."""
    stepped = FAST.replace(schedule="step", schedule_step=1, schedule_gamma=0.1, epochs=2)
    session = prepare(stepped, dataset=tiny)
    seen: list = []
    steer = _steer_at(13, {"lr": 0.05}, seen)  # epoch 2's second batch: 12 an epoch
    for report in train(session, steer=steer):
        seen.append(report)
    (change,) = session.changes
    assert (change.epoch, change.batch, change.value) == (2, 2, 0.05)
    assert change.before == pytest.approx(3e-4)  # 0.003 × 0.1 from epoch 2 on, not 0.003
    back = Curves.from_dict(json.loads(json.dumps({"epoch": [], "changes": [change.to_dict()]})))
    assert back.changes[0].before == change.before
    resumed = prepare(stepped, dataset=tiny, resume=session.save(tmp_path / "stepped.npz"))
    assert resumed.changes[0].before == change.before
    # a setting of the config's, and a batch size taken at the next epoch, the same way
    session = prepare(MOMENTUM, dataset=tiny)
    seen = []
    for report in train(session, steer=_steer_at(3, {"momentum": 0.5, "batch_size": 45}, seen)):
        seen.append(report)
    said = {c.name: (c.before, c.value) for c in session.changes}
    assert said == {"momentum": (0.9, 0.5), "batch_size": (16, 45)}
    # a record from before s64 says nothing of it: read as not known
    old = {"x": 1.0, "epoch": 2, "batch": 1, "name": "lr", "value": 0.05}
    (unknown,) = parse_changes([old])
    assert unknown.before is None and "before" not in unknown.to_dict()


def test_a_rate_given_back_to_its_schedule_follows_the_schedule_again(tiny, tmp_path):  # noqa: F811
    """walk64 D1: the coach's "set it back" after a raise left the PReLU lab's exponential
    schedule off, so its decay never came (86.5 % against 88.9 %). A rate given back to the
    schedule (``RATE_FROM_SCHEDULE``) is the schedule's for that epoch at once, and its turns
    come after; the model file says the run ended on its schedule (no rate kept by hand)."""
    decaying = FAST.replace(schedule="exp", schedule_step=1, schedule_rate=0.5, epochs=4)
    session = prepare(decaying, dataset=tiny)
    seen: list = []
    calls = iter([{}] * 2 + [{"lr": 0.05}] + [{}] * 10 + [{RATE_FROM_SCHEDULE: True}])
    for report in train(session, steer=lambda: next(calls, {})):
        seen.append(report)
    rates = {r.epoch: r.lr for r in seen if isinstance(r, BatchReport) and r.batch == 12}
    scheduled = session.schedule
    assert rates == pytest.approx({1: 0.05, **{e: scheduled.lr_at(e - 1) for e in (2, 3, 4)}})
    assert rates[4] < rates[3] < rates[2]  # it decays again after the raise was taken back
    raise_, back = session.changes
    assert (raise_.value, raise_.scheduled, raise_.epoch, raise_.batch) == (0.05, False, 1, 3)
    assert (back.epoch, back.batch) == (2, 2)
    assert back.scheduled and back.before == 0.05
    assert back.value == pytest.approx(scheduled.lr_at(1))
    assert "lr" not in session.info().get("settings_at_end", {})
    (read,) = parse_changes([back.to_dict()])
    assert read == back
    with pytest.raises(ValueError, match="schedule"):
        parse_changes([{**back.to_dict(), "name": "momentum", "value": 0.5}])


def test_a_batch_size_changes_from_the_next_epoch(tiny):  # noqa: F811
    session = prepare(FAST, dataset=tiny)
    seen: list = []
    for report in train(session, steer=_steer_at(2, {"batch_size": 45}, seen)):
        seen.append(report)
    batches = [r for r in seen if isinstance(r, BatchReport)]
    first = [b for b in batches if b.epoch == 1]
    second = [b for b in batches if b.epoch == 2]
    assert len(first) == 12 and all(not b.changes for b in first)  # 180 images / 16
    assert len(second) == 4  # 180 / 45
    ((change,),) = [b.changes for b in second if b.changes]
    assert (change.name, change.value, change.epoch, change.batch, change.x) == (
        "batch_size", 45, 2, 1, 1.0
    )  # fmt: skip
    assert second[0].changes == (change,)
    assert session.config.batch_size == 45


def test_augmentation_switched_on_mid_run_changes_only_the_batches_after(tiny):  # noqa: F811
    plain = [r.batch_loss for r in train(prepare(FAST, dataset=tiny)) if isinstance(r, BatchReport)]
    session = prepare(FAST, dataset=tiny)
    seen: list = []
    steer = _steer_at(5, {"augment": True, "aug_rotate": 30.0}, seen)
    for report in train(session, steer=steer):
        seen.append(report)
    steered = [r.batch_loss for r in seen if isinstance(r, BatchReport)]
    assert steered[:5] == plain[:5]  # the same batches up to the change
    assert steered[5] != plain[5]  # the sixth is augmented
    assert session.config.augment and session.config.aug_rotate == 30.0


@pytest.mark.parametrize(
    ("config", "values", "reason"),
    [
        (FAST, {"dropout": 0.3}, "without dropout"),
        (FAST, {"momentum": 0.5}, "Adam has no momentum to change (its steps adapt by"),
        (
            FAST.replace(optimizer="sgd"),
            {"momentum": 0.5},
            "SGD has no momentum to change (Momentum and Nesterov have one)",
        ),
        (FAST, {"arch": "784-8-10"}, "cannot change while training"),
        (FAST, {"l2": -1.0}, "L2: must be >= 0"),
        (FAST, {"aug_rotate": 90.0}, "Rotate: must be in [0, 45]"),
    ],
)
def test_settings_a_run_cannot_take_are_refused_with_one_line(tiny, config, values, reason):  # noqa: F811
    session = prepare(config, dataset=tiny)
    with pytest.raises(ConfigError, match=re.escape(reason)) as err:
        session.steer(values, 1, 1, 12)
    assert "\n" not in str(err.value)
    assert session.changes == []
    ((name, value),) = values.items()
    assert steer_problem(config, name, value) is not None


def test_the_run_record_keeps_every_change_and_reads_old_lr_only_records():
    curves = Curves()
    curves.add_change(SettingChange(0.5, 1, 7, "momentum", 0.5))
    curves.add_lr_change(1.25, 1e-4)
    back = Curves.from_dict(json.loads(json.dumps(curves.to_dict())))
    assert back.changes == curves.changes
    assert back.lr_changes == [(1.25, 1e-4)]
    old = Curves.from_dict({"epoch": [1], "lr_changes": [[0.5, 0.01]]})  # before steering
    assert [(c.name, c.x, c.value) for c in old.changes] == [("lr", 0.5, 0.01)]
    with pytest.raises(RunFileError, match="curves.changes: 'arch' is not a setting"):
        bad = {"x": 0, "epoch": 1, "batch": 1, "name": "arch", "value": "784-10"}
        Curves.from_dict({"epoch": [], "changes": [bad]})


def test_a_model_file_with_a_damaged_change_record_is_refused_when_resumed(tiny, tmp_path):  # noqa: F811
    session = prepare(FAST.replace(epochs=1), dataset=tiny)
    info = session.info()
    info["changes"] = [{"x": -1, "epoch": 1, "batch": 1, "name": "lr", "value": 0.1}]
    path = save_model(tmp_path / "bad.npz", session.model, info, optimizer=session.optimizer)
    with pytest.raises(ModelFileError, match="x is -1, not a position") as err:
        prepare(FAST, dataset=tiny, resume=path)
    assert "\n" not in str(err.value)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
change_dicts = st.fixed_dictionaries(
    {
        "x": st.one_of(st.floats(), st.integers(), st.text(max_size=3)),
        "epoch": st.one_of(st.integers(), st.floats(), st.booleans()),
        "batch": st.one_of(st.integers(), st.none()),
        "name": st.one_of(st.sampled_from(["lr", "momentum", "dropout", "augment", "arch"]),
                          st.text(max_size=8)),
        "value": json_values,
    },
    optional={"before": json_values, "schedule": st.one_of(st.booleans(), json_values)},
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.one_of(json_values, st.lists(st.one_of(change_dicts, json_values), max_size=5)))
def test_any_recorded_changes_read_as_changes_or_one_value_error(raw):
    """A model file's or run record's changes are a person's file: they read back as valid
    changes of live settings or are refused with one line, never another exception."""
    try:
        changes = parse_changes(raw)
    except ValueError as err:
        assert "\n" not in str(err)
        return
    for change in changes:
        assert change.x >= 0 and change.epoch >= 1 and change.batch >= 1
        for value in (change.value, change.before):
            if value is not None:  # what it changed from, when said, is a value it takes
                assert steer_problem(TrainConfig(optimizer="momentum", dropout=0.5),
                                     change.name, value) is None  # fmt: skip
        assert parse_changes([change.to_dict()]) == [change]


def test_epoch_reports_still_close_every_epoch_of_a_steered_run(tiny):  # noqa: F811
    session = prepare(FAST.replace(epochs=3), dataset=tiny)
    seen: list = []
    for report in train(session, steer=_steer_at(13, {"batch_size": 0}, seen)):
        seen.append(report)
    assert [e.epoch for e in seen if isinstance(e, EpochReport)] == [1, 2, 3]
    assert sum(1 for r in seen if isinstance(r, BatchReport) and r.epoch == 3) == 1


def test_a_model_file_keeps_the_rate_its_run_ended_with_and_a_resumed_run_only_its_own(
    tiny,  # noqa: F811
    tmp_path,
):
    session = prepare(FAST.replace(lr=1e-3), dataset=tiny)
    seen: list = []
    for report in train(session, steer=_steer_at(3, {"lr": 3e-4, "l2": 1e-3}, seen)):
        seen.append(report)
    assert session.optimizer.lr == pytest.approx(3e-4)
    assert session.info()["config"]["lr"] == pytest.approx(1e-3)  # what the run started with
    assert session.info()["settings_at_end"] == {"lr": 3e-4, "l2": 1e-3}
    path = session.save(tmp_path / "m.npz")
    loaded = load_model(path)
    assert settings_at_end(loaded.info["settings_at_end"]) == {"lr": 3e-4, "l2": 1e-3}
    resumed = prepare(FAST.replace(epochs=1), dataset=tiny, resume=path)
    assert resumed.settings_at_end() == {}  # the first run's change is not this run's
    assert "settings_at_end" not in resumed.info()


def test_continue_keeps_a_hand_set_rate_unless_its_field_was_changed_since():
    form = FAST.replace(lr=1e-3)
    config, kept = continue_with(form, {"lr": 3e-4, "momentum": 0.5}, untouched=form)
    assert config.lr == pytest.approx(3e-4) and config.momentum == 0.5
    assert kept == {"lr": 3e-4, "momentum": 0.5}
    typed = form.replace(lr=0.01)  # the person typed a new rate after the run
    config, kept = continue_with(typed, {"lr": 3e-4}, untouched=form)
    assert config.lr == 0.01 and kept == {}
    config, kept = continue_with(form, {}, untouched=form)
    assert config is form and kept == {}
    # a rate set by hand had stopped the schedule: the run goes on at that rate
    cosine = form.replace(schedule="cosine")
    config, kept = continue_with(cosine, {"lr": 3e-4}, untouched=cosine)
    assert config.schedule == "constant" and config.lr == pytest.approx(3e-4)
    assert kept == {"lr": 3e-4, "schedule": "constant"}


@settings(max_examples=100, deadline=None)
@given(st.one_of(json_values, st.dictionaries(
    st.one_of(st.sampled_from(["lr", "momentum", "dropout", "augment", "arch", "epochs"]),
              st.text(max_size=8)),
    json_values, max_size=6)))  # fmt: skip
def test_any_settings_at_end_read_as_live_settings_with_acceptable_values(raw):
    """A model file's settings_at_end is a person's file: only live settings with values
    their field accepts come out, never an exception."""
    for name, value in settings_at_end(raw).items():
        field = BY_NAME[name]
        assert field.live and field.problem(value) is None
        assert continue_with(FAST, {name: value})[0].validate() is not None


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("augment", True, "augment on"),
        ("augment", False, "augment off"),
        ("batch_size", 0, "batch full"),
        ("batch_size", 64, "batch 64"),
        ("momentum", 0.5, "momentum 0.5"),
        ("l2", 1e-3, "L2 0.001"),
        ("aug_rotate", 10.0, "rotate 10"),
    ],
)
def test_a_change_reads_the_same_for_scripts_and_an_english_window(name, value, text):
    change = SettingChange(0.0, 1, 1, name, value)
    assert change.describe() == text
    assert change.shown_text() == text  # no language installed: the window's English


def test_an_epochs_record_says_the_rate_it_began_with_when_changed_by_hand_mid_epoch(tiny):  # noqa: F811
    """verify65 #10: run.json's per-epoch "lr" said 0.003 for an epoch whose first 67 batches
    ran at 0.0001. "lr" stays the rate at the epoch's end (what Continue and the coach read);
    "lr_start" is its first batch's, and the change says the batch it came at."""
    config = FAST.replace(lr=1e-4, epochs=2)
    session = prepare(config, dataset=tiny)
    seen: list = []
    curves = Curves()
    for report in train(session, steer=_steer_at(12 + 5, {"lr": 3e-3}, seen)):  # epoch 2 batch 6
        seen.append(report)
        if isinstance(report, EpochReport):
            curves.add_epoch(report)
    for change in session.changes:
        curves.add_change(change)
    epochs = [r for r in seen if isinstance(r, EpochReport)]
    assert [(r.lr_start, r.lr) for r in epochs] == [(1e-4, 1e-4), (1e-4, 3e-3)]
    rates = [r.lr for r in seen if isinstance(r, BatchReport) and r.epoch == 2]
    assert rates[:5] == [1e-4] * 5 and rates[5:] == [3e-3] * 7  # what ran, batch by batch
    written = json.loads(json.dumps(curves.to_dict()))
    assert list(written)[list(written).index("lr") + 1] == "lr_start"  # beside it in the file
    assert written["lr"] == [1e-4, 3e-3] and written["lr_start"] == [1e-4, 1e-4]
    (change,) = written["changes"]
    assert (change["epoch"], change["batch"], change["before"], change["value"]) == (
        2, 6, 1e-4, 3e-3,
    )  # fmt: skip
    back = Curves.from_dict(written)
    assert back.lr_start == [1e-4, 1e-4] and back.lr == [1e-4, 3e-3]
    # a record written before nndesk kept it reads as not known, never as damaged
    del written["lr_start"]
    assert np.isnan(Curves.from_dict(written).lr_start).all()
    # nor in the history model files keep (their columns are unchanged)
    assert "lr_start" not in session.history[-1]
