"""The one settings table drives TrainConfig, the CLI flags, the Train form and resume."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.cli import build_parser
from nndesk.errors import ConfigError
from nndesk.nn.activations import ACTIVATIONS
from nndesk.nn.model import OUTPUTS
from nndesk.nn.optimizers import OPTIMIZERS
from nndesk.settings_schema import BY_NAME, FIELDS, RESUME_KEEPS, problems
from nndesk.training import TrainConfig


def test_every_train_config_field_has_exactly_one_entry_in_the_table():
    names = [f.name for f in FIELDS]
    assert sorted(names) == sorted(f.name for f in dataclasses.fields(TrainConfig))
    assert len(set(names)) == len(names)


def test_choices_are_read_from_the_nn_registries():
    assert BY_NAME["activation"].choices == tuple(ACTIVATIONS)
    assert BY_NAME["output"].choices == OUTPUTS and "linear" in OUTPUTS
    assert BY_NAME["optimizer"].choices == OPTIMIZERS


def test_the_defaults_pass_their_own_table():
    assert problems(TrainConfig().to_dict()) == {}


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("dropout", 1.0, "in [0, 1)"),
        ("lr", 0.0, "a positive number"),
        ("epochs", 2.5, "whole number"),
        ("seed", -1, "a whole number 0 to 4294967295"),
        ("augment", "yes", "true or false"),
        ("activation", "swish", "one of"),
        ("eps", float("inf"), "finite"),
        # a JSON file can hold an integer no float holds
        pytest.param("epochs", 10**400, "finite", id="epochs-huge-integer"),
        pytest.param("lr", -(10**400), "finite", id="lr-huge-integer"),
        ("colour", 1, "not a training setting"),
    ],
)
def test_a_refused_value_gets_one_line_naming_the_rule(name, value, words):
    reason = problems({name: value})[name]
    assert words in reason and "\n" not in reason


def test_the_loss_output_rule_is_checked_once_for_config_form_and_cli():
    assert "softmax" in problems({"loss": "ce", "output": "sigmoid"})["loss"]
    assert problems({"loss": "mse", "output": "linear"}) == {}
    assert TrainConfig(output="linear", loss="mse").validate().output == "linear"


def test_every_setting_has_its_cli_flag_with_the_tables_choices():
    train = build_parser()._subparsers._group_actions[0].choices["train"]  # noqa: SLF001
    by_dest = {a.dest: a for a in train._actions}  # noqa: SLF001
    for field in FIELDS:
        action = by_dest[field.name]
        assert field.cli_flag in action.option_strings
        if field.choices:
            assert tuple(action.choices) == field.choices


def test_resume_keeps_the_network_inputs_and_optimizer_and_nothing_else():
    assert set(RESUME_KEEPS) == {
        "dataset", "normalize", "arch", "activation", "output", "loss", "dropout", "init",
        "prelu_init", "optimizer", "momentum", "eps", "l2", "clip_norm",
    }  # fmt: skip
    assert BY_NAME["lr"].live and not BY_NAME["lr"].resume_keeps


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from([c for f in FIELDS for c in f.choices]),
)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in FIELDS]), values, max_size=8))
def test_any_saved_settings_either_validate_or_raise_one_config_error(saved):
    """A run.json or a model file holds settings a user could have edited: reading them back
    gives a TrainConfig or one ConfigError line, never another exception."""
    config = TrainConfig.from_dict(saved)
    try:
        config.validate()
    except ConfigError as err:
        assert "\n" not in str(err)
