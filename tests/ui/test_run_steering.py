"""What a run was sent by hand and which of it a batch used (ui/run_steering.py), Qt-free."""

from __future__ import annotations

from nndesk.ui.run_steering import RunSteering


def steering_of_a_run(**settings) -> RunSteering:
    steering = RunSteering()
    steering.start({"lr": 0.01, "l2": 0.0, "batch_size": 32, **settings})
    return steering


def test_a_sent_rate_shows_at_once_and_is_kept_once_a_batch_used_it():
    steering = steering_of_a_run()
    steering.sent({"lr": 0.003})
    assert steering.lr == 0.003 and steering.unapplied == {"lr": (None, 0.003)}
    steering.used("lr", 0.003)
    steering.forget_unapplied()
    assert steering.lr == 0.003 and steering.unapplied == {}


def test_a_setting_no_batch_used_before_the_end_goes_back_to_the_one_trained_with():
    steering = steering_of_a_run()
    steering.sent({"l2": 1e-4, "lr": 0.003})
    assert steering.settings["l2"] == 1e-4
    steering.forget_unapplied()
    assert steering.settings["l2"] == 0.0 and steering.lr is None


def test_two_values_sent_before_a_batch_keep_the_first_ones_before():
    steering = steering_of_a_run()
    steering.sent({"batch_size": 64})
    steering.sent({"batch_size": 128})
    assert steering.unapplied == {"batch_size": (32, 128)}
    # a batch used the first value sent; the last one is still to come
    steering.used("batch_size", 64)
    assert steering.unapplied == {"batch_size": (64, 128)}
    steering.forget_unapplied()
    assert steering.settings["batch_size"] == 64


def test_a_value_the_run_reports_that_was_never_sent_changes_nothing():
    steering = steering_of_a_run()
    steering.used("l2", 0.5)  # a schedule's own change, say
    assert steering.unapplied == {} and steering.settings["l2"] == 0.0


def test_a_new_run_starts_from_its_own_settings():
    steering = steering_of_a_run()
    steering.sent({"l2": 1e-4})
    steering = RunSteering()
    steering.start({"l2": 0.0})
    assert steering.settings == {"l2": 0.0} and steering.lr is None
