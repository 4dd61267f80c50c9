"""The exported network's steps name every activation the settings offer by its settings name."""

from __future__ import annotations

import pytest

from nndesk.codegen.network import network_steps
from nndesk.nn.activations import ACTIVATIONS
from nndesk.training import TrainConfig


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_each_registered_activation_is_a_step_named_as_the_settings_name_it(name):
    steps = network_steps(TrainConfig(arch="784-8-10", activation=name))
    assert [s.spec["name"] for s in steps if s.kind == "act"] == [name]
