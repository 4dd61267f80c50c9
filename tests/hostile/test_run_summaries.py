"""A listing reads each run.json's head: the record without its curves, and their summary.

Properties: a record nndesk wrote is listed from its head alone with what a whole reading gives;
any change to its bytes gives a listed record or a damaged one, never another exception, and a
record a whole reading refuses is damaged once its curves are asked for, with that reading's
reason.
"""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.presets import PresetOrigin
from nndesk.run_curves import Curves
from nndesk.run_record import DAMAGED, RunRecord
from nndesk.runs import RunFileError, RunStore
from tests.hostile.test_run_records import use_like_the_window

VALUES = st.floats(allow_nan=True, allow_infinity=False, width=32) | st.just(math.nan)
CONFIGS = st.fixed_dictionaries(
    {"dataset": st.sampled_from(["mnist", "fashion", "/data/my digits"])},
    optional={
        "arch": st.sampled_from(["784-10", "784-128-10", "784-c8-p-10"]),
        "lr": st.floats(1e-5, 1.0),
        "batch_size": st.integers(1, 512),
        "activation": st.text(max_size=12),
    },
)


@st.composite
def curves(draw) -> Curves:
    epochs = draw(st.integers(0, 6))
    batches = draw(st.integers(0, 40))
    column = st.lists(VALUES, min_size=epochs, max_size=epochs)
    out = Curves(
        batch_x=[i / 4 for i in range(batches)],
        batch_loss=draw(st.lists(VALUES, min_size=batches, max_size=batches)),
        epochs=list(range(1, epochs + 1)),
        train_loss=draw(column),
        train_accuracy=draw(column),
        val_loss=draw(column),
        val_accuracy=draw(column),
        lr=draw(column),
        seconds=draw(column),
        test_loss=draw(column),
        test_accuracy=draw(column),
    )
    for x, lr in draw(st.lists(st.tuples(st.floats(0, 6), st.floats(1e-5, 1)), max_size=3)):
        out.add_lr_change(x, lr)
    return out


def saved(
    root: Path, config: dict, title: str, status: str, grown: Curves, preset=None
) -> RunRecord:
    store = RunStore(root / "runs", fallback_dirs=())
    record = store.create(config, title=title, preset=preset)
    record.curves, record.status = grown, status
    record.metrics = {"test_accuracy": 0.9}
    store.save(record)
    return record


def as_json(record: RunRecord) -> str:
    return json.dumps(record.to_dict(), allow_nan=False, sort_keys=True)


PRESET_ORIGINS = st.none() | st.builds(
    PresetOrigin, st.sampled_from(["fashion-mlp-lab", "mnist-gd", "fashion-prelu-l2-plus"]),
    st.booleans()
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    CONFIGS,
    st.text(max_size=30),
    st.sampled_from(["completed", "stopped"]),
    curves(),
    PRESET_ORIGINS,
)
def test_a_record_nndesk_wrote_is_listed_from_its_head_as_a_whole_reading_gives_it(
    tmp_path_factory, config, title, status, grown, preset
):
    root = tmp_path_factory.mktemp("runs")
    record = saved(root, config, title, status, grown, preset)
    store = RunStore(root / "runs", fallback_dirs=())
    (listed,) = store.list()
    assert not listed.curves_read  # the curves were not parsed for the listing
    whole = store.load(record.run_id)
    assert listed.last_epoch == (whole.curves.epochs or [0])[-1]
    for name in ("final_val_accuracy", "final_train_accuracy", "test_accuracy"):
        a, b = getattr(listed, name), getattr(whole, name)
        assert a == b or (math.isnan(a) and math.isnan(b)), name
    assert (listed.title, listed.config, listed.status) == (whole.title, whole.config, status)
    assert listed.preset == whole.preset == preset  # the lab it came from, read from the head
    assert as_json(listed) == as_json(whole)  # its curves, read now, are the file's
    assert listed.curves_read and not listed.is_damaged


@st.composite
def changed(draw, data: bytes) -> bytes:
    """``data`` cut, with bytes replaced, inserted or removed anywhere."""
    kind = draw(st.sampled_from(["cut", "replace", "insert", "remove"]))
    at = draw(st.integers(0, len(data)))
    if kind == "cut":
        return data[:at]
    piece = draw(st.binary(min_size=1, max_size=4) | st.sampled_from([b'"', b",", b"]", b"\n"]))
    if kind == "replace":
        return data[:at] + piece + data[at + len(piece) :]
    if kind == "insert":
        return data[:at] + piece + data[at:]
    return data[:at] + data[at + draw(st.integers(1, 8)) :]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_change_to_a_records_bytes_lists_it_or_its_damage_never_another_error(
    tmp_path_factory, data
):
    root = tmp_path_factory.mktemp("runs")
    grown = data.draw(curves())
    record = saved(root, {"dataset": "mnist", "arch": "784-10", "lr": 0.01}, "t", "stopped", grown)
    path = record.folder / "run.json"
    path.write_bytes(data.draw(changed(path.read_bytes())))
    store = RunStore(root / "runs", fallback_dirs=())
    (listed,) = store.list()
    try:
        whole = store.load(record.run_id)
    except RunFileError as err:
        refused = str(err)
    else:
        refused = None
    listed.curves  # noqa: B018 - what the chart does: the curves are read now
    if refused is None:
        assert not listed.is_damaged, listed.message
        assert as_json(listed) == as_json(whole)
        use_like_the_window(dataclass_renamed(listed))
    else:
        assert listed.status == DAMAGED and listed.message == refused


def dataclass_renamed(record: RunRecord) -> RunRecord:
    """``record`` as ``use_like_the_window`` expects it (a folder named folder-name)."""
    import dataclasses

    return dataclasses.replace(record, run_id="folder-name", folder=Path("/runs/folder-name"))


def test_a_record_without_a_summary_is_read_whole_and_keeps_only_the_summary(tmp_path):
    """Records older nndesk versions wrote: listed as before, their curves read again when
    asked for rather than kept (300 runs of 4,000 batch points held 124 MB)."""
    record = saved(tmp_path, {"dataset": "mnist"}, "old", "completed", Curves())
    record.curves.epochs, record.curves.val_accuracy = [1, 2], [0.5, 0.75]
    record.curves.train_accuracy = [0.6, math.nan]
    old = record.to_dict()
    del old["summary"]
    (record.folder / "run.json").write_text(json.dumps(old))
    (listed,) = RunStore(tmp_path / "runs", fallback_dirs=()).list()
    assert not listed.curves_read
    assert (listed.last_epoch, listed.final_val_accuracy, listed.final_train_accuracy) == (
        2,
        0.75,
        0.6,
    )
    assert listed.curves.val_accuracy == [0.5, 0.75]


def test_curves_damaged_behind_a_good_head_make_the_run_damaged_when_they_are_read(tmp_path):
    record = saved(tmp_path, {"dataset": "mnist"}, "bad curves", "completed", Curves())
    path = record.folder / "run.json"
    path.write_text(path.read_text().replace('"epoch": []', '"epoch": ["x"]'))
    store = RunStore(tmp_path / "runs", fallback_dirs=())
    (listed,) = store.list()
    assert listed.status == "completed"  # the head is whole: the curves are not read yet
    assert listed.curves == Curves()
    assert listed.is_damaged and listed.message == "curves.epoch holds 'x', not an epoch number"


def test_threads_asking_for_a_listed_records_curves_at_once_all_get_the_same(tmp_path):
    saved(tmp_path, {"dataset": "mnist"}, "t", "completed", Curves(epochs=[1], lr=[0.1]))
    (listed,) = RunStore(tmp_path / "runs", fallback_dirs=()).list()
    got = []
    threads = [threading.Thread(target=lambda: got.append(listed.curves)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(c is got[0] for c in got) and got[0].epochs == [1]
