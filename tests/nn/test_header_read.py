"""A model file's header read alone (``read_model_header``), for the Model box's labels: what
``load_model`` would say of the file's layers and info, checked the same way (the header field
by field, every array's declared shape, type and size against what the file holds), without
reading the arrays' data."""

from __future__ import annotations

import io
import json
import os
import zipfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.errors import ModelFileError
from nndesk.model_labels import ModelFacts, read_facts
from nndesk.nn.architecture import build_model
from nndesk.nn.optimizers import make_optimizer
from nndesk.nn.serialization import load_model, read_model_header, save_model

INFO = {
    "dataset": "fashion",
    "class_names": [str(i) for i in range(10)],
    "normalization": {"kind": "unit"},
    "preprocess": "garments",
    "config": {"dataset": "fashion", "arch": "784-32-10"},
    "metrics": {"test_accuracy": 0.8724},
}


@pytest.fixture
def saved(tmp_path):
    model = build_model("784-32-10", activation="prelu", rng=np.random.default_rng(0))
    opt = make_optimizer("adam", 0.01)
    opt.step(model.parameters())
    return save_model(tmp_path / "m.npz", model, INFO, opt), model


@pytest.fixture
def bytes_read(monkeypatch):
    """``bytes_read(path)``: a list whose sum is every byte read from ``path`` from now on
    (``zipfile`` and ``Path.open`` open files with ``io.open``)."""
    real_open = io.open

    def spy(path):
        counts: list[int] = []

        class Counting(io.BufferedReader):
            def read(self, size=-1, /):
                data = super().read(size)
                counts.append(len(data))
                return data

        def opening(file, mode="r", *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(path):
                assert mode == "rb", mode
                return Counting(io.FileIO(file, "rb"))
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(io, "open", opening)
        return counts

    return spy


def test_the_header_read_says_what_load_model_says(saved):
    path, model = saved
    plan = read_model_header(path)
    assert plan.info == load_model(path).info == INFO
    assert plan.model == model.config()


def test_the_model_box_label_of_a_large_file_reads_its_header_not_its_weights(tmp_path, bytes_read):
    """Stop 45 left each label reading the whole file (a 147 MB wide MLP took 1.6 s and read
    147 MB to show its name, layers and accuracy)."""
    model = build_model("784-2048-10", rng=np.random.default_rng(0))
    path = save_model(tmp_path / "wide.npz", model, {**INFO, "config": {"arch": "784-2048-10"}})
    size = path.stat().st_size
    assert size > 6_000_000
    counts = bytes_read(path)
    facts = read_facts([str(path)])
    assert facts == {str(path): ModelFacts("fashion", "784-2048-10", 0.8724, "garments")}
    assert 0 < sum(counts) < 64_000, f"{sum(counts):,} of {size:,} bytes read"


def _refused(path, fragment: str) -> str:
    with pytest.raises(ModelFileError) as info:
        read_model_header(path)
    message = str(info.value)
    assert str(path) in message and fragment in message and "\n" not in message, message
    assert read_facts([str(path)]) == {}  # the Model box names it by its file alone
    return message


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as z:
        for name, blob in members.items():
            z.writestr(name, blob)
    return path


def _npy(array) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    return buf.getvalue()


def _header_of(members) -> dict:
    return json.loads(np.load(io.BytesIO(members["header.npy"])).tobytes())


def _with_header(members, header) -> dict[str, bytes]:
    return {**members, "header.npy": _npy(np.frombuffer(json.dumps(header).encode(), np.uint8))}


def test_a_missing_or_cut_short_or_foreign_file_is_refused_in_one_line(tmp_path, saved):
    path, _ = saved
    _refused(tmp_path / "gone.npz", "no such model file")
    cut = tmp_path / "cut.npz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _refused(cut, "incomplete or damaged")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a model" * 10)
    _refused(junk, "not an nndesk model file")
    _refused(_zip(tmp_path / "foreign.npz", {"readme.txt": b"hi"}), "not an nndesk model file")
    _refused(tmp_path, "")  # a folder


def test_a_header_that_is_not_json_or_of_another_version_is_refused(tmp_path, saved):
    path, _ = saved
    members = _members(path)
    garbled = {**members, "header.npy": _npy(np.frombuffer(b"{not json", np.uint8))}
    _refused(_zip(tmp_path / "garbled.npz", garbled), "not valid JSON")
    header = {**_header_of(members), "format_version": 99}
    _refused(_zip(tmp_path / "v99.npz", _with_header(members, header)), "version 99")


def test_the_arrays_the_header_plans_are_checked_against_what_the_file_holds(tmp_path, saved):
    path, model = saved
    members = _members(path)
    dropped = {k: v for k, v in members.items() if k != "param/0/b.npy"}
    _refused(_zip(tmp_path / "drop.npz", dropped), "missing array 'param/0/b'")
    cfg = model.config()  # the header widened to 33 units, the arrays still 32
    cfg["layers"][0]["out_features"] = 33
    cfg["layers"][1]["features"] = 33
    cfg["layers"][2]["in_features"] = 33
    wide = _with_header(members, {**_header_of(members), "model": cfg})
    _refused(_zip(tmp_path / "wide.npz", wide), "has shape (784, 32), the architecture needs")
    short = {**members, "param/0/b.npy": _npy(np.zeros(32, np.float32))[:-16]}
    _refused(_zip(tmp_path / "short.npz", short), "holds a different number of bytes")
    extra = {**members, "notes.txt": b"hello"}
    _refused(_zip(tmp_path / "extra.npz", extra), "unexpected archive member")


def test_a_pickled_array_is_refused_without_being_unpickled(tmp_path, saved):
    path, _ = saved
    marker = tmp_path / "executed"

    class Boom:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    members = {**_members(path), "param/0/b.npy": _npy(np.array([Boom()], dtype=object))}
    _refused(_zip(tmp_path / "evil.npz", members), "pickled")
    assert not marker.exists()


@settings(max_examples=80, deadline=None)
@given(
    cut=st.none() | st.integers(0, 4000),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), max_size=3),
)
def test_a_damaged_copy_is_labelled_or_refused_in_one_line_never_both(tmp_path_factory, cut, flips):
    """The Model box's labels: any copy cut short or with bytes changed is either read (its
    facts) or refused with one line naming it (marked damaged), never both, never raising."""
    from nndesk.model_labels import read_headers

    folder = tmp_path_factory.mktemp("labels")
    model = build_model("784-8-10", rng=np.random.default_rng(0))
    data = bytearray(save_model(folder / "m.npz", model, INFO).read_bytes())
    for offset, mask in flips:
        data[offset % len(data)] ^= mask
    path = folder / "copy.npz"
    path.write_bytes(bytes(data if cut is None else data[:cut]))
    facts, refused = read_headers([str(path)])
    assert len(facts) + len(refused) == 1
    if refused:
        line = refused[str(path)]
        assert str(path) in line and "\n" not in line
    else:
        assert facts[str(path)].kind in ("garments", None)


def test_an_array_header_with_an_unclosed_bracket_is_one_line_not_a_token_error(saved, tmp_path):
    """Found by the property above: NumPy reads an array's header with tokenize, and an
    unclosed bracket in its shape raised tokenize.TokenError out of the header read (the
    Model box's listing) and ``load_model`` alike."""
    path, _model = saved
    members = _members(path)
    name = next(n for n in members if n.startswith("param/"))
    members[name] = members[name].replace(b"(784, 32)", b"(784, 32(", 1)
    broken = tmp_path / "unclosed.npz"
    with zipfile.ZipFile(broken, "w") as z:
        for member, data in members.items():
            z.writestr(member, data)
    message = _refused(broken, "has a damaged header")
    with pytest.raises(ModelFileError) as info:
        load_model(broken)
    assert str(info.value) == message


def _flag_encrypted(data: bytes, member: str) -> bytes:
    """``data`` (a zip) with ``member``'s central-directory entry flagged as encrypted."""
    entry = data.index(b"PK\x01\x02")
    name = member.encode()
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    flags = entry + 8  # the general purpose bit flag, bit 0: encrypted
    return data[:flags] + bytes([data[flags] | 1]) + data[flags + 1 :]


def test_a_member_flagged_as_encrypted_is_one_line_not_a_runtime_error(saved, tmp_path):
    """Found by the property above (one bit flipped in a central-directory entry): zipfile
    raised ``RuntimeError: File ... is encrypted, password required for extraction`` out of
    the Model box's listing and ``load_model``."""
    path, _model = saved
    name = next(n for n in _members(path) if n.startswith("param/"))
    broken = tmp_path / "encrypted.npz"
    broken.write_bytes(_flag_encrypted(path.read_bytes(), name))
    for read in (load_model, read_model_header):
        with pytest.raises(ModelFileError) as info:
            read(broken)
        assert str(broken) in str(info.value) and "\n" not in str(info.value)
