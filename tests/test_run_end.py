"""Where a model's run ended (``nndesk.run_end``): the rate of its last batch, and the batch of
the epoch it was stopped in (walk69 D1)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nndesk.run_end import ended_rate, stopped_batch
from nndesk.setting_changes import SettingChange
from nndesk.training import prepare
from tests.test_training import FAST, run_until, tiny  # noqa: F401 - fixtures


def _change(epoch: int, batch: int, value: float, scheduled: bool = False) -> dict:
    x = epoch - 1 + (batch - 1) / 422
    return SettingChange(x, epoch, batch, "lr", value, 0.01, scheduled).to_dict()


def test_a_rate_set_by_hand_inside_the_first_epoch_is_the_rate_the_run_ended_with():
    info = {
        "history": [],
        "changes": [_change(1, 197, 0.003)],
        "settings_at_end": {"lr": 0.003},
        "partial_epoch": {"epoch": 1, "batches": 405},
    }
    assert ended_rate(info) == 0.003
    assert stopped_batch(info) == 405


def test_without_a_rate_set_by_hand_the_last_whole_epochs_rate_is_it():
    info = {"history": [{"epoch": 1, "lr": 0.01}, {"epoch": 2, "lr": 0.005}]}
    assert ended_rate(info) == 0.005
    assert stopped_batch(info) == 0


def test_a_rate_given_back_to_its_schedule_in_the_epoch_it_stopped_in_is_it():
    info = {
        "history": [{"epoch": 1, "lr": 0.003}],
        "changes": [_change(1, 10, 0.003), _change(2, 5, 0.0009, scheduled=True)],
        "partial_epoch": {"epoch": 2, "batches": 7},
    }
    assert ended_rate(info) == 0.0009
    assert stopped_batch(info) == 7


def test_what_a_file_does_not_say_well_is_not_known():
    assert ended_rate({}) is None
    assert ended_rate({"history": [{"lr": float("nan")}], "changes": "junk"}) is None
    assert stopped_batch({"history": [], "partial_epoch": {"epoch": 3, "batches": 5}}) == 0
    assert stopped_batch({"history": [], "partial_epoch": {"epoch": 1, "batches": True}}) == 0


def test_a_scheduled_run_stopped_inside_an_epoch_ended_with_that_epochs_rate(tiny):  # noqa: F811
    """A cosine run stopped three batches into epoch 2: its last batches trained at the
    schedule's rate for epoch 2, not at epoch 1's (its last history row)."""
    from nndesk.training import BatchReport

    session = prepare(FAST.replace(epochs=3, schedule="cosine"), dataset=tiny)
    reports = run_until(session, 12 + 1 + 3)  # epoch 1's batches and report, 3 of epoch 2
    last = [r for r in reports if isinstance(r, BatchReport)][-1]
    info = session.info()
    assert (last.epoch, last.batch) == (2, 3) and stopped_batch(info) == 3
    assert last.lr < info["history"][-1]["lr"]  # the schedule lowered it
    assert ended_rate(info) == pytest.approx(last.lr)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)
_KEYS = st.sampled_from(["history", "changes", "settings_at_end", "partial_epoch", "other"])


@given(
    st.dictionaries(
        _KEYS, _JSON | st.dictionaries(st.sampled_from(["epoch", "batches", "lr"]), _JSON)
    )
)
def test_whatever_a_model_file_holds_its_end_is_a_rate_or_not_known(info):
    """The info of a model file is the person's file: read, never raised on."""
    rate = ended_rate(info)
    assert rate is None or (math.isfinite(rate) and rate > 0)
    batches = stopped_batch(info)
    assert isinstance(batches, int) and batches >= 0
