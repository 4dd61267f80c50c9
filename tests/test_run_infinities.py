"""A run record keeps ∞ apart from "no value": a loss that overflowed is ∞ again when read back
(it read NaN: the Runs page could not tell "diverged to ∞" from a missing value), the file stays
strict JSON, and records written before (null, no list of infinities) still read."""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from nndesk.curves import plot_overlay
from nndesk.run_curves import Curves
from nndesk.run_infinities import MAX_PLACE
from nndesk.run_record import RunRecord
from nndesk.runs import RUN_FILE, RunFileError, RunStore

CONFIG = {"dataset": "mnist", "arch": "784-10", "lr": 0.1}
NUMBERS = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-5, 5)
#: metrics of any shape: numbers (inf and NaN among them) in objects and lists, at any depth
METRICS = st.dictionaries(
    st.text(max_size=5).filter(lambda k: k != "test_accuracy"),
    st.recursive(
        NUMBERS | st.text(max_size=3) | st.none(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
        max_leaves=12,
    ),
    max_size=4,
)
LOSSES = st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=0, max_size=6)


def _strict(text: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _expected(value, depth: int = 0):
    """What reading metrics back gives: ∞ stays ∞ (within ``MAX_PLACE`` steps of the record's
    top), NaN is None (no value, as before), the rest as it was."""
    if isinstance(value, float) and (math.isnan(value) or depth > MAX_PLACE):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _expected(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_expected(v, depth + 1) for v in value]
    return value


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


@settings(max_examples=120, deadline=None)
@given(metrics=METRICS, batch_loss=LOSSES, epoch_losses=LOSSES)
def test_inf_and_nan_survive_the_round_trip_at_any_depth(
    tmp_path_factory, metrics, batch_loss, epoch_losses
):
    store = RunStore(tmp_path_factory.mktemp("runs"))
    record = store.create(dict(CONFIG))
    record.release_lock()
    record.metrics = {"test_accuracy": 0.5, **metrics}
    curves = Curves()
    curves.batch_x = [0.1 * (i + 1) for i in range(len(batch_loss))]
    curves.batch_loss = list(batch_loss)
    n = len(epoch_losses)
    curves.epochs = list(range(1, n + 1))
    for name in ("train_accuracy", "val_accuracy", "lr", "seconds", "test_accuracy"):
        setattr(curves, name, [0.5] * n)
    curves.train_loss, curves.val_loss = list(epoch_losses), list(reversed(epoch_losses))
    curves.test_loss = [math.nan] * n
    record.curves = curves
    store.save(record)
    _strict((record.folder / RUN_FILE).read_text("utf-8"))  # strict JSON: no Infinity, no NaN
    back = store.load(record.run_id)
    assert _same(back.metrics, _expected(record.metrics, depth=1))
    for name in ("batch_loss", "train_loss", "val_loss", "test_loss"):
        assert _same(getattr(back.curves, name), getattr(curves, name)), name
    # a listed record (read up to its curves) has its metrics' infinities too
    (listed,) = [r for r in store.list() if r.run_id == record.run_id]
    assert _same(listed.metrics, back.metrics)
    assert _same(listed.curves.batch_loss, curves.batch_loss)


def test_a_record_written_before_infinities_were_listed_reads_null_as_nan(tmp_path):
    folder = tmp_path / "runs" / "20260101-000000-000abcd"
    folder.mkdir(parents=True)
    old = {
        "format": 1,
        "title": "old",
        "config": CONFIG,
        "metrics": {"test_accuracy": 0.1, "test_loss": None},
        "summary": {"last_epoch": 1, "val_accuracy": None, "train_accuracy": 0.1},
        "curves": {"batch_x": [0.5, 1.0], "batch_loss": [2.3, None], "epoch": [1],
                   "train_loss": [None]},
    }  # fmt: skip
    (folder / RUN_FILE).write_text(json.dumps(old, indent=1))
    record = RunStore(tmp_path / "runs").load(folder.name)
    assert record.metrics["test_loss"] is None
    assert math.isnan(record.curves.batch_loss[1]) and math.isnan(record.curves.train_loss[0])


@pytest.mark.parametrize(
    "infinite",
    [
        "all",
        [["curves", "batch_loss", 1]],
        [[["curves", "batch_loss", 1], 2]],
        [[[], 1]],
        [[[7, 1], 1]],
        [[["metrics", True], 1]],
        [[["metrics", "a"], True]],
        [[["metrics", *["a"] * (MAX_PLACE + 1)], 1]],
        [[["metrics", "x"], 1]] * 1001,
    ],
)
def test_a_list_of_infinities_nndesk_never_writes_is_damaged_in_one_line(infinite):
    record = {"config": CONFIG, "infinite": infinite, "curves": {}}
    with pytest.raises(RunFileError, match="infinite") as err:
        RunRecord.from_dict(record, Path("/runs/x"))
    assert "\n" not in str(err.value)


def test_a_listed_place_that_is_not_null_or_not_a_loss_is_left_alone(tmp_path):
    record = {
        "config": CONFIG,
        "metrics": {"test_accuracy": 0.5, "a": 2.0, "b": None},
        # a setting and an accuracy are never infinite; a place that is not there is skipped
        "infinite": [
            [["metrics", "a"], 1],
            [["metrics", "b"], -1],
            [["metrics", "gone", 3], 1],
            [["config", "lr"], 1],
            [["curves", "train_accuracy", 0], 1],
            [["curves", "batch_loss", 9], 1],
        ],
        "curves": {"epoch": [1], "train_accuracy": [None], "batch_x": [1.0], "batch_loss": [1.0]},
    }
    read = RunRecord.from_dict(record, Path("/runs/x"))
    assert read.metrics["a"] == 2.0 and read.metrics["b"] == -math.inf
    assert read.config["lr"] == 0.1 and math.isnan(read.curves.train_accuracy[0])
    assert record["metrics"]["b"] is None  # what was read is left as it was


@pytest.mark.parametrize("overflowed", [math.inf, math.nan])
def test_the_runs_overlay_of_a_saved_run_tells_infinity_from_not_a_number(tmp_path, overflowed):
    """The Runs page reads runs from their files: a loss that overflowed to ∞ was marked "NaN"
    there, while training showed "∞"."""
    store = RunStore(tmp_path / "runs")
    record = store.create(dict(CONFIG))
    record.release_lock()
    record.status = "diverged"
    record.metrics = {"test_accuracy": 0.1, "test_loss": overflowed}
    curves = Curves()
    curves.batch_x, curves.batch_loss = [0.25], [2.3]
    curves.add_diverged(SimpleNamespace(batch_x=0.5, batch_loss=overflowed))
    record.curves = curves
    store.save(record)
    (listed,) = store.list()
    axes = Figure().subplots(1, 3)
    plot_overlay(*axes, [("run", listed.curves)])
    said = "∞" if overflowed > 0 else "NaN"
    assert [t.get_text() for t in axes[0].texts if t.get_text() in ("∞", "NaN")] == [said]
    test_loss = store.load(record.run_id).metrics["test_loss"]
    assert test_loss == math.inf if overflowed > 0 else test_loss is None  # "no value"
