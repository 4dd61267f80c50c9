"""Property tests: whatever a run.json holds, reading it gives a usable record or RunFileError."""

from __future__ import annotations

import codecs
import json
import math
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nndesk.plain_text import HIDDEN_CATEGORIES, one_line
from nndesk.run_record import MAX_TITLE_CHARS, RunRecord
from nndesk.run_titles import describe_config
from nndesk.runs import RunFileError, RunStore, history_csv, parse_run_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.text(st.sampled_from("ab \n\t\x07\x1b\u202e\u2066\u200f\u2028\x00"), max_size=300)
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
CURVE_KEYS = (
    "epoch", "batch_x", "batch_loss", "train_loss", "val_accuracy", "lr", "lr_start", "lr_changes",
)  # fmt: skip
CONFIG_KEYS = (
    "dataset", "arch", "lr", "batch_size", "dropout", "l2", "augment", "clip_norm", "epochs",
)  # fmt: skip
#: A record's preset: what nndesk writes, and anything else in its place or its fields
PRESETS_LIKE = (
    st.fixed_dictionaries(
        {"name": st.sampled_from(["fashion-mlp-lab", "mnist-gd", "a-newer-lab"]) | JSON},
        optional={"changed": st.booleans() | JSON},
    )
    | st.dictionaries(st.sampled_from(["name", "changed"]), JSON)
    | JSON
)
#: A record's colour: what nndesk writes, in other cases and anything else in its place
COLOURS_LIKE = (
    st.sampled_from(["#2ca02c", "#FF7F0E", "#17becf", "#12345", "#1234567", "2ca02c#"])
    | st.from_regex(r"#[0-9a-fA-Fg-z]{6}", fullmatch=True)
    | JSON
)
SUMMARY_KEYS = ("last_epoch", "val_accuracy", "train_accuracy", "lr_changes", "lr_change_count")
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
        "preset": PRESETS_LIKE,
        "schedule_from": JSON | st.integers(-3, 2**60),
        "colour": COLOURS_LIKE,
        "curves": st.dictionaries(st.sampled_from(CURVE_KEYS), st.lists(JSON, max_size=3)) | JSON,
        "format": JSON | st.integers(-2, 3),
        "summary": st.dictionaries(st.sampled_from(SUMMARY_KEYS), JSON | st.integers(-3, 3)) | JSON,
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
    from nndesk.ui import runs_legend, runs_table

    # everything shown is one short line without control or bidi characters
    shown = {
        "title": (record.title, MAX_TITLE_CHARS),
        "started": (runs_table.started_text(record), 40),
        "settings": (runs_table.settings_text(record.config), runs_table.CELL_CHARS),
        "legend": (runs_legend.legend_labels([record, record])[0], runs_legend.LABEL_CHARS),
        "legend alone": (runs_legend.legend_labels([record])[0], runs_legend.LABEL_CHARS),
        "status": (record.status, 40),
        "preset": (runs_table.preset_text(record), runs_table.CELL_CHARS),
    }
    for what, (text, limit) in shown.items():
        assert len(text) <= limit, what
        assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in text), what
    # the delete question's line: the folder, and the title and start when readable
    name = runs_table.run_name(record)
    assert name.startswith(one_line(record.run_id, runs_table.CELL_CHARS)) and "\n" not in name
    assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in name)


def read(value) -> None:
    try:
        record = RunRecord.from_dict(value, Path("/runs/folder-name"))
    except RunFileError as err:
        assert str(err) and "\n" not in str(err)
        return
    use_like_the_window(record)
    holds_only_what_nndesk_writes(value, record)


def holds_only_what_nndesk_writes(value: dict, record: RunRecord) -> None:
    """A record read as valid has fields nndesk could have written (probe 33 F6: "format": 99,
    a last epoch "2", learning-rate changes of strings, -5 epochs were all listed)."""
    from nndesk.run_curves import RunSummary
    from nndesk.run_record import RECORD_FORMAT
    from nndesk.settings_schema import BY_NAME

    assert value.get("format", RECORD_FORMAT) == RECORD_FORMAT
    assert type(value.get("format", RECORD_FORMAT)) is int
    # a whole record's summary is its curves' (a summary in the file only speeds a listing)
    summary = record.summary
    assert type(summary.last_epoch) is int and summary.last_epoch >= 0
    assert all(isinstance(rate, float) for _, _, rate in summary.lr_changes)
    assert summary == RunSummary.of(record.curves)
    preset = value.get("preset")
    if preset is None:  # records before the field name no preset
        assert record.preset is None
    else:  # a short one-line name, and whether it was changed: true/false, else not said
        assert record.preset.to_dict() == {"changed": False, **preset}
        assert record.preset.name == one_line(record.preset.name, 60) and record.preset.name
    # a colour a chart draws ("#rrggbb", as nndesk writes it), else none: coloured by its place
    colour = value.get("colour")
    if isinstance(colour, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        assert record.colour == colour.lower()
    else:
        assert record.colour is None
    from nndesk.run_colours import chart_colours

    assert chart_colours([record.colour, None])[0] in (record.colour or "#2ca02c",)
    for name, setting in record.config.items():
        field = BY_NAME.get(name)
        if field is not None and field.kind in (int, float) and setting is not None:
            assert field.problem(setting) is None, (name, setting)


@settings(max_examples=100, deadline=None)
@given(JSON)
def test_any_json_value_gives_a_record_or_run_file_error(value):
    read(value)


@settings(max_examples=100, deadline=None)
@given(RECORD_LIKE)
@example({"config": {"": [math.inf]}})  # found in CI: a record's dict must stay JSON
@example({"metrics": {"test_accuracy": [math.nan]}})
def test_any_record_shaped_value_gives_a_record_or_run_file_error(value):
    read(value)


@settings(max_examples=100, deadline=None)
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
    from nndesk.run_curves import MAX_READ_BATCH_POINTS, MAX_READ_EPOCHS

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


@settings(max_examples=100, deadline=None)
@given(RECORD_LIKE | JSON, st.booleans())
def test_a_byte_order_mark_changes_nothing_in_how_a_record_is_read(value, bom):
    """Windows editors save run.json with a UTF-8 BOM: it was listed as damaged."""

    def outcome(data: bytes):
        try:
            return "read", parse_run_json(data)
        except RunFileError as err:
            return "refused", str(err)

    data = json.dumps(value).encode("utf-8")
    plain = outcome(data)
    assert outcome(codecs.BOM_UTF8 + data if bom else data) == plain
    if plain[0] == "read":
        read(plain[1])


def test_a_record_saved_with_a_byte_order_mark_is_listed_as_it_was(tmp_path):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist", "arch": "784-10", "lr": 0.1}, title="mine")
    path = record.folder / "run.json"
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    (listed,) = store.list()
    assert listed.status == "running" and listed.title == "mine" and not listed.is_damaged


def test_a_5000_digit_number_is_damaged_with_one_plain_line(tmp_path):
    """Python's own words for it were "... use sys.set_int_max_str_digits() to increase the
    limit": not a message for a learner."""
    store = RunStore(tmp_path / "runs")
    (store.root / "big-number").mkdir(parents=True)
    (store.root / "big-number" / "run.json").write_text(
        '{"curves": {"epoch": [' + "9" * 5000 + "]}}"
    )
    (listed,) = store.list()
    assert listed.is_damaged
    assert listed.message == "run.json holds a number 5,000 digits long; nndesk writes at most 40"
    assert "sys." not in listed.message


def test_a_megabyte_title_is_read_as_one_short_plain_line():
    """A shared run.json whose title is 1 MB with newlines, U+202E and BEL froze the window for
    four minutes and drew the legend backwards."""
    title = "T\n" * 5 + "x" * 1_000_000 + "\u202e\u0007"
    record = RunRecord.from_dict({"title": title, "curves": {}}, Path("runs/folder-name"))
    assert record.title.startswith("T T T T T xxx") and record.title.endswith("…")
    assert len(record.title) == MAX_TITLE_CHARS
    assert "\n" not in record.title and "\u202e" not in record.title
    use_like_the_window(record)


def test_a_reversing_character_cannot_turn_the_legend_around():
    record = RunRecord.from_dict(
        {"title": "mnist \u202eadam lr=0.001", "curves": {"lr_changes": [[1.5, 0.0003]]}},
        Path("runs/folder-name"),
    )
    from nndesk.ui import runs_legend

    assert runs_legend.legend_labels([record])[0] == "mnist adam lr=0.001 → 0.0003"


def test_a_text_setting_longer_than_any_path_is_damaged():
    value = {"config": {"arch": "784-" + "1" * 5000 + "-10"}}
    try:
        RunRecord.from_dict(value, Path("runs/x"))
    except RunFileError as err:
        assert str(err) == "config.arch is 5,007 characters long; nndesk writes at most 4,096"
    else:
        raise AssertionError("accepted")


def test_a_file_of_millions_of_values_is_refused_before_it_is_parsed(monkeypatch):
    """Parsing holds the interpreter, on any thread: the window's too."""
    from nndesk import run_json

    data = b"[" + b"0," * run_json.MAX_RUN_VALUES + b"0]"
    monkeypatch.setattr(run_json.json, "loads", lambda *a, **k: pytest.fail("parsed"))
    try:
        parse_run_json(data)
    except RunFileError as err:
        assert str(err) == (
            "run.json holds over 1,200,000 values; a record nndesk writes holds far fewer"
        )
    else:
        raise AssertionError("accepted")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"title": "' + b"x" * 30_000_000 + b'"}', "a text over 65,536 bytes long"),
        (b'{"title": "' + b'x\\"' * 40_000 + b'"}', "a text over 65,536 bytes long"),
        (b'{"t": [' + b",".join([b'"' + b"y" * 60_000 + b'"'] * 20) + b"]}", "over 1 MB of text"),
    ],
    ids=["one-30mb-text", "escaped-quotes", "many-long-texts"],
)
def test_texts_longer_than_nndesk_writes_are_refused_before_the_file_is_parsed(
    monkeypatch, data, reason
):
    """The JSON parser reads a text without returning to the interpreter: one 30 MB title held
    the window (whose thread waits on the same lock) for 0.1-0.27 s while a worker parsed it."""
    from nndesk import run_json

    monkeypatch.setattr(run_json.json, "loads", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(RunFileError, match=reason):
        parse_run_json(data)


def test_a_record_with_the_longest_texts_nndesk_writes_is_read():
    """A 4,096-character setting written with every character escaped (6 bytes each) is
    within the text limits."""
    from nndesk import run_json

    path = "\u00e9" * run_json.MAX_CONFIG_TEXT
    data = json.dumps({"title": "t" * 200, "config": {"dataset": path}}).encode()
    assert len(data) > 6 * run_json.MAX_CONFIG_TEXT
    assert parse_run_json(data)["config"]["dataset"] == path


@pytest.mark.parametrize("number", ["1e999", "-1e999"])
def test_a_number_too_big_for_a_float_is_damaged_not_kept_to_break_the_next_save(number):
    """Hypothesis: a setting read as inf made a record that could not be written back."""
    text = '{"format": 1, "config": {"lr": 0.1, "mystery": NUMBER}, "curves": {}}'
    text = text.replace("NUMBER", number)
    with pytest.raises(RunFileError, match="out of range"):
        parse_run_json(text.encode())


def test_an_infinite_unknown_setting_is_damaged():
    with pytest.raises(RunFileError, match=r"config\.mystery is inf"):
        RunRecord.from_dict({"config": {"mystery": math.inf}}, Path("/runs/folder-name"))


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda d: d.update(format=99), "format is 99: this nndesk reads run records of format 1"),
        (lambda d: d.update(format="1"), "format is '1': this nndesk reads"),
        (lambda d: d.update(schedule_from=0), "schedule_from is 0, not an epoch"),
        (lambda d: d.update(schedule_from=True), "schedule_from is True, not an epoch"),
        (lambda d: d["config"].update(epochs=-5), "config.epochs: must be a whole number 1 to"),
        (lambda d: d["summary"].update(last_epoch="2"), None),
        (lambda d: d["summary"].update(lr_changes=["a", "b"], lr_change_count=2), None),
    ],
)
@pytest.mark.parametrize("layout", ["as nndesk writes it", "on one line"])
def test_a_record_with_a_field_nndesk_never_writes_is_listed_damaged_and_kept(
    tmp_path, edit, reason, layout
):
    """Probe 33 F6: these were listed as valid runs ("completed" with -5 epochs). They are
    listed as damaged with the reason, whether the listing reads the head alone (the layout
    nndesk writes) or the whole file, and the file is left as it was. A malformed summary
    (reason None) is only a listing's shortcut: the record is read whole and listed with what
    its curves say, never with the summary's values."""
    from nndesk.runs import readable_json

    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist", "arch": "784-10", "epochs": 3}, title="mine")
    record.curves.epochs = [1, 2, 3]
    record.status = "completed"
    store.save(record)
    path = record.folder / "run.json"
    value = json.loads(path.read_text())
    edit(value)
    text = readable_json(value) if layout == "as nndesk writes it" else json.dumps(value)
    path.write_text(text)
    (listed,) = store.list()
    if reason is None:
        assert not listed.is_damaged
        assert listed.last_epoch == 3 and listed.summary.lr_changes == ()
    else:
        assert listed.is_damaged and reason in listed.message, listed.message
    assert path.read_text() == text
