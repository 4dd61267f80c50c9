"""The exported script's own IDX reader: any bytes give an array of the declared size or one
clear message (SystemExit), never a crash or an allocation the file does not back."""

from __future__ import annotations

import gzip
import struct
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.codegen import from_preset, numpy_script


@pytest.fixture(scope="module")
def exported():
    """An exported script's names (executed without running main)."""
    namespace: dict = {"__name__": "exported"}
    exec(
        compile(numpy_script(from_preset("fashion-mlp-lab"), "test"), "exported", "exec"), namespace
    )
    return namespace


@pytest.fixture(scope="module")
def read_idx(exported):
    """``read_idx`` as defined inside an exported script."""
    return exported["read_idx"]


def _header(code: int, dims: list[int]) -> bytes:
    return struct.pack(">HBB", 0, code, len(dims)) + struct.pack(f">{len(dims)}I", *dims)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    code=st.sampled_from([0x08, 0x08, 0x08, 0x09, 0x0D]),
    dims=st.lists(st.integers(0, 2**32 - 1) | st.integers(0, 40), min_size=1, max_size=4),
    body=st.binary(max_size=3000),
    zipped=st.booleans(),
    cut=st.integers(0, 8),
)
def test_any_header_and_body_give_the_declared_array_or_one_message(
    read_idx, code, dims, body, zipped, cut
):
    raw = _header(code, dims) + body
    raw = raw[: len(raw) - cut] if cut else raw
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x-idx3-ubyte"
        path.write_bytes(gzip.compress(raw) if zipped else raw)
        try:
            array = read_idx(str(path), 3)
        except SystemExit as stop:
            message = str(stop.code)
            assert message.startswith(str(path)) and "\n" not in message
            return
    assert array.dtype == np.uint8 and array.shape[1:] == (28, 28)
    assert array.size == len(raw) - 16


def test_a_well_formed_file_reads_back_exactly(read_idx, tmp_path):
    images = np.random.default_rng(0).integers(0, 256, (5, 28, 28), dtype=np.uint8)
    path = tmp_path / "images.gz"
    path.write_bytes(gzip.compress(_header(0x08, [5, 28, 28]) + images.tobytes()))
    np.testing.assert_array_equal(read_idx(str(path), 3), images)


@pytest.fixture(scope="module")
def find_idx(exported):
    """``find_idx`` as defined inside an exported script."""
    return exported["find_idx"]


@pytest.mark.parametrize(
    "layout",
    [
        "train-images-idx3-ubyte.gz",
        "train-images.idx3-ubyte",  # Kaggle's spelling, as the window reads it (walk55c D3)
        "train-images.idx3-ubyte.gz",
        "fashion-mnist/train-images.idx3-ubyte",
    ],
)
def test_the_script_finds_the_files_as_the_window_does(find_idx, tmp_path, layout):
    path = tmp_path / layout
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    assert find_idx(str(tmp_path), "train-images-idx3-ubyte") == str(path)


def test_a_folder_named_like_the_file_is_passed_over(find_idx, tmp_path):
    """Kaggle's archive holds a folder named like each file beside its dotted copy."""
    (tmp_path / "train-images-idx3-ubyte").mkdir()
    (tmp_path / "train-images.idx3-ubyte").write_bytes(b"x")
    assert find_idx(str(tmp_path), "train-images-idx3-ubyte").endswith("train-images.idx3-ubyte")


def test_a_missing_file_is_one_message(find_idx, tmp_path):
    (tmp_path / "train-images-idx3-ubyte").mkdir()  # a folder with nothing inside
    with pytest.raises(SystemExit, match="train-images-idx3-ubyte.gz not found"):
        find_idx(str(tmp_path), "train-images-idx3-ubyte")
