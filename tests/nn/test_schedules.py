"""Learning-rate schedules by epoch (0-based)."""

import math

import pytest

from nndesk.errors import ConfigError
from nndesk.nn.schedules import make_schedule, turns


def test_constant_keeps_the_base_rate():
    s = make_schedule("constant", 0.1, 20)
    assert [s.lr_at(e) for e in (0, 5, 19)] == [0.1, 0.1, 0.1]


def test_step_multiplies_by_gamma_every_step_size_epochs():
    s = make_schedule("step", 1.0, 30, step_size=10, gamma=0.5)
    assert [s.lr_at(e) for e in (0, 9, 10, 19, 20)] == [1.0, 1.0, 0.5, 0.5, 0.25]


def test_exp_is_constant_for_ten_epochs_then_decays_by_exp_minus_rate_per_epoch():
    s = make_schedule("exp", 0.01, 30)  # defaults: after=10, rate=0.1 (the Keras-lab callback)
    assert all(s.lr_at(e) == 0.01 for e in range(10))
    # the callback returns lr * exp(-0.1) from epoch index 10 on, compounding each epoch
    lr = 0.01
    for e in range(10, 30):
        lr *= math.exp(-0.1)
        assert s.lr_at(e) == pytest.approx(lr, rel=1e-12)


def test_exp_rate_and_start_are_configurable():
    s = make_schedule("exp", 1.0, 10, after=2, rate=0.5)
    assert s.lr_at(1) == 1.0
    assert s.lr_at(3) == pytest.approx(math.exp(-1.0))


def test_cosine_goes_from_base_to_min_over_the_epochs():
    s = make_schedule("cosine", 0.1, 10, min_lr=0.001)
    assert s.lr_at(0) == pytest.approx(0.1)
    assert s.lr_at(5) == pytest.approx(0.001 + 0.5 * 0.099)
    assert s.lr_at(10) == pytest.approx(0.001)
    lrs = [s.lr_at(e) for e in range(11)]
    assert lrs == sorted(lrs, reverse=True)


def test_config_names_the_schedule_and_its_settings():
    cfg = make_schedule("step", 0.1, 5, step_size=2, gamma=0.3).config()
    assert cfg == {"name": "step", "base_lr": 0.1, "epochs": 5, "step_size": 2, "gamma": 0.3}
    assert make_schedule(**{**cfg}).config() == cfg


def test_bad_schedules_are_config_errors():
    with pytest.raises(ConfigError, match="unknown schedule"):
        make_schedule("linear", 0.1, 5)
    with pytest.raises(ConfigError, match="does not take"):
        make_schedule("constant", 0.1, 5, gamma=0.5)
    with pytest.raises(ConfigError, match="step size"):
        make_schedule("step", 0.1, 5, step_size=0)


def test_a_schedules_turns_are_where_a_held_rate_starts_to_change():
    """The Live chart marks these (fixD 5): the PReLU lab's exp decay after 10 epochs turns
    once, at epoch 11, and goes on falling; a step schedule turns at each step; a cosine,
    which moves every epoch, and a constant rate never turn."""
    exp = make_schedule("exp", 1e-3, 20, after=10, rate=0.1)
    assert turns(exp, 1, 20) == [(11, pytest.approx(1e-3 * math.exp(-0.1)), True)]
    assert turns(exp, 12, 20) == []  # a run continued past it: its turn is the earlier run's
    assert turns(make_schedule("exp", 1e-3, 10, after=10), 1, 10) == []  # never reached
    assert turns(make_schedule("exp", 1e-3, 20, after=10, rate=0.0), 1, 20) == []
    step = make_schedule("step", 0.1, 25, step_size=10, gamma=0.5)
    assert turns(step, 1, 25) == [(11, 0.05, False), (21, 0.025, False)]
    assert turns(make_schedule("cosine", 0.1, 20), 1, 20) == []
    assert turns(make_schedule("constant", 0.1, 20), 1, 20) == []


def test_a_rate_held_one_epoch_turns_at_epoch_2():
    """fixU's note: "exp" after 1 epoch decays from epoch 2 on and the Live plot said nothing
    of it (turns counted from epoch 3), where after 10 it marks epoch 11."""
    exp = make_schedule("exp", 1e-3, 5, after=1, rate=0.1)
    assert turns(exp, 1, 5) == [(2, pytest.approx(1e-3 * math.exp(-0.1)), True)]
    assert turns(exp, 2, 5) == [(2, pytest.approx(1e-3 * math.exp(-0.1)), True)]
    assert turns(exp, 3, 5) == []  # continued past it
    step = make_schedule("step", 0.1, 4, step_size=1, gamma=0.5)
    assert turns(step, 1, 4) == [(2, 0.05, True)]  # lower each epoch from epoch 2
    assert turns(make_schedule("exp", 1e-3, 1, after=1), 1, 1) == []  # a one-epoch run
    assert turns(make_schedule("cosine", 0.1, 3), 1, 3) == []
