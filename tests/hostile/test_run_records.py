"""Property tests: whatever a run.json holds, reading it gives a usable record or RunFileError."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.runs import RunFileError, RunRecord, describe_config, history_csv, parse_run_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
#: Dates anywhere in datetime's range, with any UTC offset (year 1 at +01:00 cannot be shown in
#: UTC: the Runs view once crashed on it).
ISO_DATES = st.builds(
    lambda d, h: f"{d.isoformat()}{'+' if h >= 0 else '-'}{abs(h):02d}:00",
    st.datetimes() | st.sampled_from([datetime.min, datetime.max]),
    st.integers(-12, 14),
)
CURVE_KEYS = ("epoch", "batch_x", "batch_loss", "train_loss", "val_accuracy", "lr", "lr_changes")
CONFIG_KEYS = ("dataset", "arch", "lr", "batch_size", "dropout", "l2", "augment", "clip_norm")
#: Records shaped like real ones, with any value in any place: reaches the deep checks.
RECORD_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "run_id": JSON,
        "title": JSON,
        "created_at": JSON | ISO_DATES,
        "status": JSON,
        "config": st.dictionaries(st.sampled_from(CONFIG_KEYS), JSON) | JSON,
        "metrics": st.dictionaries(st.just("test_accuracy"), JSON) | JSON,
        "model_file": JSON,
        "resumed_from": JSON,
        "curves": st.dictionaries(st.sampled_from(CURVE_KEYS), st.lists(JSON, max_size=3)) | JSON,
    },
)


def use_like_the_window(record: RunRecord) -> None:
    """What the Runs view, the overlay and the CSV export do with a record."""
    assert record.run_id == "folder-name"
    json.dumps(record.to_dict(), allow_nan=False)
    record.curves.history()
    history_csv([record])
    describe_config(record.config)
    _ = record.final_val_accuracy, record.final_train_accuracy, record.test_accuracy
    _ = record.dataset, record.architecture, record.model_path
    if record.model_path is not None:
        assert record.model_path.parent == record.folder
    # the Runs view's own formatting of a row, its legend and its delete question
    from nndesk.ui import runs_view

    runs_view._started(record)
    runs_view._settings(record.config)
    runs_view._label(record, [record, record])
    runs_view._run_name(record)


def read(value) -> None:
    try:
        record = RunRecord.from_dict(value, Path("/runs/folder-name"))
    except RunFileError as err:
        assert str(err) and "\n" not in str(err)
        return
    use_like_the_window(record)


@settings(max_examples=150, deadline=None)
@given(JSON)
def test_any_json_value_gives_a_record_or_run_file_error(value):
    read(value)


@settings(max_examples=100, deadline=None)
@given(RECORD_LIKE)
def test_any_record_shaped_value_gives_a_record_or_run_file_error(value):
    read(value)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_give_a_value_or_run_file_error(data):
    try:
        value = parse_run_json(data)
    except RunFileError as err:
        assert "\n" not in str(err)
        return
    read(value)


def test_curves_longer_than_nndesk_writes_are_damaged_before_each_value_is_checked():
    """A 32 MB run.json of 1.7 million batch points took 10 s of the window's start each."""
    from nndesk.runs import MAX_READ_BATCH_POINTS, MAX_READ_EPOCHS

    n = MAX_READ_BATCH_POINTS + 1
    record = {"curves": {"batch_x": [0.5] * n, "batch_loss": [0.5] * n}}
    try:
        RunRecord.from_dict(record, Path("runs/20261202-000000-x"))
    except RunFileError as err:
        assert "curves.batch_x holds 50,001 values; nndesk reads at most 50,000" in str(err)
    else:
        raise AssertionError("accepted")
    epochs = list(range(1, MAX_READ_EPOCHS + 2))
    try:
        RunRecord.from_dict({"curves": {"epoch": epochs}}, Path("runs/x"))
    except RunFileError as err:
        assert "epochs; nndesk reads at most" in str(err)
    else:
        raise AssertionError("accepted")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.none() | st.floats() | st.integers(-5, 5), max_size=20))
def test_batch_curves_read_the_same_by_the_fast_path_and_the_checks(values):
    """Lists of floats skip the per-value checks; any other list is checked value by value."""
    import math

    curves = {"batch_x": values, "batch_loss": values}
    record = RunRecord.from_dict({"curves": curves}, Path("runs/x"))
    expected = [math.nan if v is None else float(v) for v in values]
    got = record.curves.batch_x
    assert len(got) == len(expected)
    assert all(
        (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(got, expected, strict=True)
    )
