"""Model files: exact round trips and resumption; every damaged or foreign file is refused."""

import io
import json
import zipfile

import numpy as np
import pytest

from nndesk.errors import ModelFileError
from nndesk.nn import serialization
from nndesk.nn.architecture import build_model
from nndesk.nn.losses import make_loss
from nndesk.nn.optimizers import make_optimizer
from nndesk.nn.serialization import (
    FORMAT_VERSION,
    OldModelFileWarning,
    load_model,
    save_model,
)
from tests.conftest import as_format_1

INFO = {
    "dataset": "mnist",
    "class_names": [str(i) for i in range(10)],
    "normalization": {"kind": "unit"},
    "preprocess": "digits",
    "history": [{"epoch": 1, "train_loss": 0.5}],
    "seed": 7,
}


def _data(seed=0, n=64):
    rng = np.random.default_rng(seed)
    return rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n)


def _train(model, opt, x, y, steps):
    loss = make_loss("ce", "softmax")
    for i in range(steps):
        idx = slice((i * 16) % len(x), (i * 16) % len(x) + 16)
        loss(model.forward(x[idx], training=True), y[idx])
        model.backward(loss.backward())
        opt.step(model.parameters())


@pytest.fixture
def saved(tmp_path):
    model = build_model("784-32-10", activation="prelu", rng=np.random.default_rng(0))
    opt = make_optimizer("adam", 0.01, weight_decay=1e-4)
    x, y = _data()
    _train(model, opt, x, y, 3)
    path = save_model(tmp_path / "m.npz", model, INFO, opt)
    return path, model, opt


def test_save_then_load_gives_bit_identical_predictions_and_the_info(saved):
    path, model, _ = saved
    loaded = load_model(path)
    x, _ = _data(1)
    np.testing.assert_array_equal(loaded.model.predict_proba(x), model.predict_proba(x))
    assert loaded.info == INFO
    assert loaded.model.config() == model.config()


def test_training_resumed_after_load_matches_training_that_never_stopped(saved):
    path, model, opt = saved
    loaded = load_model(path)
    assert loaded.optimizer.config() == opt.config() and loaded.optimizer.t == opt.t
    x, y = _data(2)
    _train(model, opt, x, y, 4)
    _train(loaded.model, loaded.optimizer, x, y, 4)
    for (key, a, _), (_, b, _) in zip(model.parameters(), loaded.model.parameters(), strict=True):
        np.testing.assert_array_equal(a, b, err_msg=key)


def test_a_model_saved_without_optimizer_loads_with_none(tmp_path):
    model = build_model("784-10", rng=np.random.default_rng(0))
    loaded = load_model(save_model(tmp_path / "plain.npz", model, {}))
    assert loaded.optimizer is None and loaded.info == {}


def test_cnn_with_batch_norm_round_trips_its_running_statistics(tmp_path):
    model = build_model("784-c4-bn-p-10", rng=np.random.default_rng(0))
    x, _ = _data(0, 8)
    model.forward(x, training=True)  # moves the running statistics off their initial values
    loaded = load_model(save_model(tmp_path / "cnn.npz", model, {}))
    np.testing.assert_array_equal(loaded.model.predict_proba(x), model.predict_proba(x))


def test_the_file_holds_a_json_header_and_named_arrays(saved):
    path, _, _ = saved
    with np.load(path, allow_pickle=False) as npz:
        header = json.loads(npz["header"].tobytes())
        names = set(npz.files)
    assert header["format_version"] == FORMAT_VERSION
    assert header["optimizer"]["name"] == "adam"
    assert {
        "param/0/W",
        "param/0/b",
        "param/1/alpha",
        "opt/0/W/m_sum",
        "opt/0/W/v_sum",
        "opt/step",
    } <= names


def test_saving_is_atomic_and_leaves_no_temp_files(tmp_path, saved):
    path, model, _ = saved
    save_model(path, model, {"again": True})
    assert sorted(p.name for p in path.parent.iterdir()) == ["m.npz"]
    assert load_model(path).info == {"again": True}


def test_info_that_is_not_json_is_refused_before_writing(tmp_path):
    model = build_model("784-10", rng=np.random.default_rng(0))
    with pytest.raises(ModelFileError, match="not JSON-able"):
        save_model(tmp_path / "x.npz", model, {"bad": object()})
    assert not (tmp_path / "x.npz").exists()


# -- files that must be refused with one line naming the file ------------------------------------


def _assert_refused(path, fragment):
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    assert str(path) in message and fragment in message and "\n" not in message
    return message


def _rewrite(src, dst, change):
    """Copy the arrays of ``src`` into ``dst`` after ``change(dict)`` edits them."""
    with np.load(src, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    change(arrays)
    np.savez(dst, **arrays)
    return dst


def _edit_header(arrays, **fields):
    header = json.loads(arrays["header"].tobytes())
    header.update(fields)
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)


def _edit_and_resign(arrays, **fields):
    """Edit header fields and recompute the digest, as a careful forger (or a bug) would: what
    is then refused is refused by the header's own checks, not by the checksum."""
    _edit_header(arrays, **fields)
    header = json.loads(arrays["header"].tobytes())
    rest = {k: v for k, v in arrays.items() if k != "header"}
    header["digest"] = serialization.model_digest(rest, header)
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)


def test_missing_file(tmp_path):
    _assert_refused(tmp_path / "nope.npz", "no such model file")


def test_truncated_file(tmp_path, saved):
    path, _, _ = saved
    cut = tmp_path / "cut.npz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    message = _assert_refused(cut, "incomplete or damaged")
    # a sentence: it ended in Python's own "(BadZipFile: File is not a zip file)"
    assert "BadZipFile" not in message and "zip" not in message.replace(str(cut), "")


def test_a_file_that_is_not_a_zip(tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"this is not a model" * 10)
    message = _assert_refused(junk, "not an nndesk model file (it is some other kind of file)")
    assert "zip" not in message.replace(str(junk), "")  # plain words, no file-format jargon


def test_a_foreign_zip(tmp_path):
    foreign = tmp_path / "foreign.npz"
    with zipfile.ZipFile(foreign, "w") as z:
        z.writestr("readme.txt", "hello")
    _assert_refused(foreign, "not an nndesk model file")


def test_a_foreign_npz_without_our_marker(tmp_path):
    other = tmp_path / "other.npz"
    np.savez(other, header=np.frombuffer(b'{"weights": 1}', np.uint8), w=np.zeros(3))
    _assert_refused(other, "not an nndesk model file")


def test_a_header_claiming_version_99(tmp_path, saved):
    path, _, _ = saved
    bad = _rewrite(path, tmp_path / "v99.npz", lambda a: _edit_header(a, format_version=99))
    msg = _assert_refused(bad, "unsupported model format version 99")
    assert "newer" in msg


def test_a_header_that_is_not_json(tmp_path, saved):
    path, _, _ = saved

    def garble(arrays):
        arrays["header"] = np.frombuffer(b"{not json", np.uint8)

    _assert_refused(_rewrite(path, tmp_path / "garbled.npz", garble), "not valid JSON")


def test_a_missing_array(tmp_path, saved):
    path, _, _ = saved

    def drop(arrays):
        del arrays["param/0/b"]

    _assert_refused(_rewrite(path, tmp_path / "drop.npz", drop), "missing array 'param/0/b'")


def test_edited_weights_are_caught_by_the_checksum(tmp_path, saved):
    path, _, _ = saved

    def nudge(arrays):
        arrays["param/0/W"] = arrays["param/0/W"] + np.float32(1e-3)

    _assert_refused(_rewrite(path, tmp_path / "nudged.npz", nudge), "checksum")


def test_a_header_whose_architecture_disagrees_with_the_arrays(tmp_path, saved):
    path, model, _ = saved

    def widen(arrays):
        cfg = model.config()
        cfg["layers"][0]["out_features"] = 33
        cfg["layers"][1]["features"] = 33
        cfg["layers"][2]["in_features"] = 33
        _edit_header(arrays, model=cfg)

    _assert_refused(_rewrite(path, tmp_path / "wide.npz", widen), "has shape (784, 32)")


def test_non_finite_weights_are_refused(tmp_path):
    model = build_model("784-10", rng=np.random.default_rng(0))
    model.layers[0].params["W"][0, 0] = np.nan
    _assert_refused(save_model(tmp_path / "nan.npz", model, {}), "NaN or infinite")


def test_a_pickled_object_array_is_refused_without_being_unpickled(tmp_path, saved):
    path, _, _ = saved
    marker = tmp_path / "executed"
    evil = tmp_path / "evil.npz"

    class Boom:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    with np.load(path, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    buf = io.BytesIO()
    np.save(buf, np.array([Boom()], dtype=object), allow_pickle=True)
    with zipfile.ZipFile(evil, "w") as z:
        for name, arr in arrays.items():
            item = io.BytesIO()
            np.save(item, arr)
            z.writestr(name + ".npy", item.getvalue())
        z.writestr("param/0/extra.npy", buf.getvalue())
    _assert_refused(evil, "pickled")
    assert not marker.exists()


def test_a_bare_pickle_is_refused_without_being_unpickled(tmp_path):
    import pickle

    marker = tmp_path / "executed"

    class Boom:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    evil = tmp_path / "evil.npz"
    evil.write_bytes(pickle.dumps(Boom()))
    _assert_refused(evil, "")
    assert not marker.exists()


def test_a_bare_npy_array_is_not_a_model(tmp_path):
    npy = tmp_path / "weights.npy"
    np.save(npy, np.zeros(3))
    _assert_refused(npy, "not an nndesk model file (it is some other kind of file)")


def test_a_file_with_zeroed_bytes_inside_an_array_is_refused(tmp_path, saved):
    path, _, _ = saved
    raw = bytearray(path.read_bytes())
    # flip bytes in the middle of the first weight array: the zip CRC (or our checksum) catches it
    raw[len(raw) // 3 : len(raw) // 3 + 64] = bytes(64)
    flipped = tmp_path / "flipped.npz"
    flipped.write_bytes(bytes(raw))
    _assert_refused(flipped, "damaged")


def test_resuming_a_dropout_model_continues_the_same_masks(tmp_path):
    model = build_model("784-32-10", dropout=0.3, rng=np.random.default_rng(0))
    opt = make_optimizer("momentum", 0.05)
    x, y = _data()
    _train(model, opt, x, y, 2)
    loaded = load_model(save_model(tmp_path / "drop.npz", model, {}, opt))
    _train(model, opt, x, y, 3)
    _train(loaded.model, loaded.optimizer, x, y, 3)
    for (key, a, _), (_, b, _) in zip(model.parameters(), loaded.model.parameters(), strict=True):
        np.testing.assert_array_equal(a, b, err_msg=key)


def test_a_random_state_for_a_layer_without_randomness_is_refused(tmp_path, saved):
    path, _, _ = saved
    state = np.random.default_rng(0).bit_generator.state
    bad = _rewrite(
        path, tmp_path / "rng.npz", lambda a: _edit_and_resign(a, rng_states={"0": state})
    )
    _assert_refused(bad, "draws no random numbers")


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda h: h["model"]["layers"].__setitem__(1, {"type": "Sigmoid"}), id="act"),
        pytest.param(lambda h: h["info"].__setitem__("normalization", {"kind": "raw"}), id="norm"),
        pytest.param(lambda h: h["info"]["class_names"].reverse(), id="class-names"),
    ],
)
def test_an_edited_header_is_refused_as_edited(tmp_path, edit):
    model = build_model("784-16-10", activation="relu", rng=np.random.default_rng(0))
    path = save_model(tmp_path / "relu.npz", model, INFO)

    def change(arrays):
        header = json.loads(arrays["header"].tobytes())
        edit(header)
        arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)

    _assert_refused(_rewrite(path, tmp_path / "edited.npz", change), "damaged or edited")


def test_a_format_1_file_still_loads_with_its_arrays_only_checksum(tmp_path, saved):
    path, model, _ = saved

    # its header is not covered by that checksum: the loader says so, for the CLI and window
    # (asserted here: it leaked into the suite's summary, walk49 D15)
    with pytest.warns(OldModelFileWarning, match=r"old \(format 1\) model file"):
        loaded = load_model(as_format_1(path, tmp_path / "v1.npz"))
    for (key, a, _), (_, b, _) in zip(model.parameters(), loaded.model.parameters(), strict=True):
        np.testing.assert_array_equal(a, b, err_msg=key)
    assert loaded.header_checked is False and load_model(path).header_checked is True


def test_a_format_1_file_still_gets_every_header_field_checked(tmp_path, saved):
    path, _, _ = saved

    def one_class_name(header):
        header["info"]["class_names"] = ["only one"]

    _assert_refused(as_format_1(path, tmp_path / "v1.npz", one_class_name), "1 class names")


def test_every_layer_plans_exactly_the_arrays_it_builds():
    """Model files are checked against ``array_shapes`` before anything is built, so it must
    agree with what each layer really allocates."""
    model = build_model(
        "784-c4k5-bn-p-c3v-p-12-10", activation="prelu", dropout=0.1, rng=np.random.default_rng(0)
    )
    seen = set()
    for layer in model.layers:
        built = {f"param/{k}": v.shape for k, v in layer.params.items()}
        built |= {
            f"buffer/{k}": np.shape(v) for k, v in (getattr(layer, "buffers", None) or {}).items()
        }
        cfg = layer.config()
        assert type(layer).array_shapes(cfg) == built, cfg
        seen.add(cfg["type"])
    assert {"Dense", "Conv2D", "BatchNorm2D", "PReLU", "Dropout", "MaxPool2D"} <= seen
