"""Property: any header, any archive, any bytes give a model or a ModelFileError, never another
exception, in bounded memory; and a model that loads can predict."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.errors import ModelFileError
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.nn.optimizers import make_optimizer
from nndesk.nn.serialization import model_digest, read_model_header, save_model
from tests.hostile.traced import peak_of

SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MB = 2**20

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.sampled_from([0, 1, -1, 2, 3, 8, 784, 10, 65_536, 10**9, 2**31, 2**63])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["Dense", "ReLU", "Sigmoid", "Conv2D", "raw", "standard", "garments", "he"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A valid small CNN-with-PReLU model with optimizer state: (arrays without header, header)."""
    model = build_model(
        "784-c2-bn-p-8-10", activation="prelu", dropout=0.2, rng=np.random.default_rng(0)
    )
    opt = make_optimizer("adam", 0.01)
    opt.step(model.parameters())
    info = {
        "dataset": "mnist",
        "class_names": [str(i) for i in range(10)],
        "normalization": {"kind": "standard", "per_pixel": False, "mean": 33.0, "std": 78.0},
        "preprocess": "digits",
        "history": [{"epoch": 1, "train_loss": 0.5}],
        "metrics": {"test_accuracy": 0.5},
        "config": {"arch": "784-c2-bn-p-8-10"},
        "calibration": {"temperature": 1.5, "ece": 0.1, "fitted_on": "validation"},
    }
    path = save_model(tmp_path_factory.mktemp("src") / "src.npz", model, info, opt)
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    header = json.loads(arrays.pop("header").tobytes())
    return arrays, header


def _write(path, arrays, header_text: bytes):
    np.savez(path, header=np.frombuffer(header_text, np.uint8), **arrays)
    return path


def _load(path):
    """Classifier.from_file's outcome (a Classifier or a ModelFileError), memory checked; the
    header read alone (the Model box's labels) refuses no file that loads, and reads the
    same info from one that does."""
    outcome, peak = peak_of(Classifier.from_file, path, catch=(ModelFileError,))
    assert peak < 32 * MB, f"{peak / MB:.1f} MB traced"
    if isinstance(outcome, ModelFileError):
        assert "\n" not in str(outcome) and str(path) in str(outcome)
    else:
        prediction = outcome.classify_prepared(np.full((28, 28), 100, np.float32))
        assert prediction.probabilities.shape == (len(outcome.class_names),)
    plan = _header(path)
    if not isinstance(outcome, ModelFileError):
        assert not isinstance(plan, ModelFileError), str(plan)
        assert plan.info == outcome.info
    return outcome


def _header(path):
    """read_model_header's outcome (its Plan or a ModelFileError in one line naming the
    file), in bounded memory."""
    outcome, peak = peak_of(read_model_header, path, catch=(ModelFileError,))
    assert peak < 8 * MB, f"{peak / MB:.1f} MB traced"
    if isinstance(outcome, ModelFileError):
        assert "\n" not in str(outcome) and str(path) in str(outcome)
    return outcome


def _paths(value, prefix=()):
    """Every path to a value inside nested dicts and lists."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _set(root, path, value):
    for key in path[:-1]:
        root = root[key]
    root[path[-1]] = value


@SETTINGS
@given(header=json_values)
def test_any_json_value_as_the_header_gives_a_model_or_a_model_file_error(tmp_path, source, header):
    arrays, _ = source
    _load(_write(tmp_path / "any.npz", arrays, json.dumps(header).encode()))


@SETTINGS
@given(data=st.data(), value=scalars | json_values, resign=st.booleans())
def test_any_field_of_a_valid_header_replaced_by_any_value_loads_or_is_refused(
    tmp_path, source, data, value, resign
):
    arrays, valid = source
    header = copy.deepcopy(valid)
    # deepest first: sampled_from leans to early items, and the layers are the deep fields
    path = data.draw(st.sampled_from(sorted((p for p in _paths(header) if p), key=len)[::-1]))
    _set(header, path, value)
    if resign:  # as a forger would: then only the field checks stand in the way
        with contextlib.suppress(TypeError, ValueError):
            header["digest"] = model_digest(arrays, json.loads(json.dumps(header)))
    _load(_write(tmp_path / "edited.npz", arrays, json.dumps(header).encode()))


@SETTINGS
@given(content=st.binary(max_size=2000), zip_magic=st.booleans())
def test_any_bytes_as_a_model_file_give_a_model_file_error(tmp_path, content, zip_magic):
    path = tmp_path / "bytes.npz"
    path.write_bytes((b"PK\x03\x04" if zip_magic else b"") + content)
    assert isinstance(_load(path), ModelFileError)
    assert isinstance(_header(path), ModelFileError)


@SETTINGS
@given(data=st.data())
def test_a_valid_file_cut_short_or_with_bytes_changed_is_refused_by_the_header_read_or_read(
    tmp_path, source, data
):
    """A model file cut short anywhere (an interrupted copy) or with a few bytes changed (a
    bad disk, a download gone wrong): the header read gives the header or one line."""
    arrays, header = source
    whole = _write(tmp_path / "whole.npz", arrays, json.dumps(header).encode()).read_bytes()
    raw = bytearray(whole[: data.draw(st.integers(0, len(whole)), label="kept")])
    for _ in range(data.draw(st.integers(0, 3), label="changes")):
        if raw:
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path / "damaged.npz"
    path.write_bytes(bytes(raw))
    plan = _header(path)
    if len(raw) < len(whole):  # the zip's directory is at its end: a cut file has none
        assert isinstance(plan, ModelFileError)
    _load(path)


members = st.sampled_from(
    ["header.npy", "param/1/W.npy", "param/1/b.npy", "opt/step.npy", "junk.npy", "x.txt"]
)
npy_shapes = st.lists(st.integers(0, 2**40), max_size=3)


@SETTINGS
@given(
    replace=st.lists(st.tuples(members, st.binary(max_size=300) | npy_shapes), max_size=3),
    drop=st.lists(members, max_size=2),
)
def test_any_archive_members_replaced_or_dropped_load_or_are_refused(
    tmp_path, source, replace, drop
):
    arrays, header = source
    content = {name + ".npy": a for name, a in arrays.items()}
    content["header.npy"] = np.frombuffer(json.dumps(header).encode(), np.uint8)
    blobs = {}
    for name, arr in content.items():
        buf = io.BytesIO()
        np.save(buf, arr)
        blobs[name] = buf.getvalue()
    for name, what in replace:
        if isinstance(what, bytes):
            blobs[name] = what
        else:  # a .npy header declaring any shape, followed by a few bytes
            buf = io.BytesIO()
            np.lib.format.write_array_header_1_0(
                buf, {"descr": "<f4", "fortran_order": False, "shape": tuple(what)}
            )
            blobs[name] = buf.getvalue() + bytes(16)
    for name in drop:
        blobs.pop(name, None)
    path = tmp_path / "members.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in blobs.items():
            z.writestr(name, blob)
    _load(path)


temperatures = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0, 0.0, -0.0, -1.0, 1e-300, 0.049, 0.05, 20.0, 20.01, 1e308, 2**70])
    | st.integers(-(2**70), 2**70)
    | scalars
    | json_values
)


@SETTINGS
@given(temperature=temperatures, as_object=st.booleans())
def test_any_stored_temperature_loads_within_range_or_is_refused(
    tmp_path, source, temperature, as_object
):
    """A forger's temperature (NaN, 0, negative, huge, text, a list) is refused with one line;
    one that loads is a finite number in range and its probabilities still sum to one."""
    from nndesk.calibration import MAX_TEMPERATURE, MIN_TEMPERATURE

    arrays, valid = source
    header = copy.deepcopy(valid)
    if as_object:
        header["info"]["calibration"]["temperature"] = temperature
    else:
        header["info"]["calibration"] = temperature
    with contextlib.suppress(TypeError, ValueError):
        header["digest"] = model_digest(arrays, json.loads(json.dumps(header)))
    outcome = _load(_write(tmp_path / "t.npz", arrays, json.dumps(header).encode()))
    if isinstance(outcome, ModelFileError):
        assert "calibration" in str(outcome) or "JSON" in str(outcome), str(outcome)
        return
    t = outcome.temperature
    assert MIN_TEMPERATURE <= t <= MAX_TEMPERATURE and t == temperature
    p = outcome.probabilities(np.full((3, 28, 28), 100, np.float32))
    assert np.all(np.isfinite(p)) and np.allclose(p.sum(axis=1), 1, atol=1e-5)


def test_a_file_without_calibration_loads_with_temperature_one(tmp_path, source):
    arrays, valid = source
    header = copy.deepcopy(valid)
    del header["info"]["calibration"]
    header["digest"] = model_digest(arrays, header)
    outcome = _load(_write(tmp_path / "old.npz", arrays, json.dumps(header).encode()))
    assert outcome.temperature == 1.0
