"""IDX parsing: every dtype, gz or raw, and one clear error per kind of broken file."""

import gzip
import hashlib
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.data.idx import (
    read_idx,
    read_idx_images,
    read_idx_labels,
    read_idx_pair,
    sha256_decompressed,
    write_idx,
)
from nndesk.errors import DataError
from tests.conftest import write_idx as fixture_write_idx


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
@pytest.mark.parametrize("suffix", [".gz", ""])
def test_every_idx_dtype_round_trips_in_native_byte_order(tmp_path, dtype, suffix):
    rng = np.random.default_rng(1)
    array = (rng.standard_normal((3, 4, 5)) * 50).astype(dtype)
    path = write_idx(tmp_path / f"a{suffix}", array)
    back = read_idx(path)
    assert back.dtype == np.dtype(dtype) and back.dtype.isnative
    np.testing.assert_array_equal(back, array)
    back[0, 0, 0] = 1  # writable


def test_big_endian_bytes_are_decoded(tmp_path):
    path = tmp_path / "short"
    path.write_bytes(bytes([0, 0, 0x0B, 1]) + struct.pack(">I", 2) + struct.pack(">hh", 258, -2))
    np.testing.assert_array_equal(read_idx(path), [258, -2])


def test_reads_the_conftest_writer_and_detects_gzip_by_content(tmp_path):
    images = np.arange(2 * 784, dtype=np.uint8).reshape(2, 28, 28)
    gz = fixture_write_idx(tmp_path / "no-suffix", images, compress=True)
    np.testing.assert_array_equal(read_idx_images(gz), images)


def test_wrong_magic_names_the_file(tmp_path):
    path = tmp_path / "bad-magic.idx"
    path.write_bytes(b"\x01\x02\x08\x01" + struct.pack(">I", 1) + b"\x00")
    with pytest.raises(DataError, match="bad-magic.idx: not an IDX file"):
        read_idx(path)


def test_unknown_dtype_code_is_rejected(tmp_path):
    path = tmp_path / "code.idx"
    path.write_bytes(b"\x00\x00\x07\x01" + struct.pack(">I", 1) + b"\x00")
    with pytest.raises(DataError, match="code.idx: unknown IDX data type code 0x07"):
        read_idx(path)


@pytest.mark.parametrize("delta", [-5, 3])
def test_data_size_that_disagrees_with_header_names_the_file(tmp_path, delta):
    payload = bytes([0, 0, 8, 3]) + struct.pack(">3I", 2, 28, 28) + bytes(2 * 784 + delta)
    path = tmp_path / "short-images.gz"
    path.write_bytes(gzip.compress(payload))
    with pytest.raises(DataError, match=r"short-images.gz: header says 2x28x28 values"):
        read_idx(path)


def test_truncated_gzip_is_a_data_error(tmp_path):
    path = write_idx(tmp_path / "cut.gz", np.zeros((10, 28, 28), np.uint8))
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(DataError, match="cut.gz"):
        read_idx(path)


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="nothing.gz: file not found"):
        read_idx(tmp_path / "nothing.gz")


def test_image_and_label_counts_must_match(tmp_path):
    img = write_idx(tmp_path / "img.gz", np.zeros((3, 28, 28), np.uint8))
    lab = write_idx(tmp_path / "lab.gz", np.zeros(4, np.uint8))
    with pytest.raises(DataError, match="img.gz holds 3 images but lab.gz holds 4 labels"):
        read_idx_pair(img, lab)


def test_pair_returns_uint8_images_and_int64_labels(tiny_idx_dir):
    images, labels = read_idx_pair(
        tiny_idx_dir / "train-images-idx3-ubyte.gz", tiny_idx_dir / "train-labels-idx1-ubyte.gz"
    )
    assert images.dtype == np.uint8 and images.shape == (200, 28, 28)
    assert labels.dtype == np.int64 and labels.shape == (200,)
    assert set(labels.tolist()) == set(range(10))


def test_float_images_in_unit_range_become_0_to_255(tmp_path):
    path = write_idx(tmp_path / "f.gz", np.full((1, 28, 28), 0.5, np.float32))
    assert read_idx_images(path)[0, 0, 0] == 128


def test_images_of_the_wrong_size_are_rejected(tmp_path):
    path = write_idx(tmp_path / "small.gz", np.zeros((2, 14, 14), np.uint8))
    with pytest.raises(DataError, match="small.gz: expected images of 28x28"):
        read_idx_images(path)


def test_labels_must_be_one_dimensional_whole_and_non_negative(tmp_path):
    with pytest.raises(DataError, match="2d.gz: expected a 1-D"):
        read_idx_labels(write_idx(tmp_path / "2d.gz", np.zeros((2, 2), np.uint8)))
    with pytest.raises(DataError, match="neg.gz: negative label"):
        read_idx_labels(write_idx(tmp_path / "neg.gz", np.array([1, -1], np.int8)))
    with pytest.raises(DataError, match="frac.gz: labels are not whole"):
        read_idx_labels(write_idx(tmp_path / "frac.gz", np.array([0.5], np.float32)))


def test_hash_of_decompressed_content_ignores_compression(tmp_path):
    array = np.arange(100, dtype=np.uint8)
    gz = write_idx(tmp_path / "a.gz", array)
    raw = write_idx(tmp_path / "a", array)
    expected = hashlib.sha256(raw.read_bytes()).hexdigest()
    assert sha256_decompressed(gz) == sha256_decompressed(raw) == expected
    h = hashlib.sha256()
    read_idx(gz, hasher=h)
    assert h.hexdigest() == expected


def _damaged_gzip(tmp_path, where: str):
    """A gzip IDX file of 2,000 noisy images with one kind of damage: ``data`` (a byte of the
    deflate stream), ``crc`` / ``length`` (the trailer's CRC-32 or size), ``header`` (its
    flags byte)."""
    rng = np.random.default_rng(3)
    path = write_idx(tmp_path / f"{where}.gz", rng.integers(0, 30, (2000, 28, 28), np.uint8))
    body = bytearray(path.read_bytes())
    at = {"data": 1000, "crc": len(body) - 6, "length": len(body) - 2, "header": 3}[where]
    body[at] ^= 0xFF
    path.write_bytes(bytes(body))
    return path


@pytest.mark.parametrize(
    ("where", "kind"),
    [
        ("data", "the compressed data is invalid"),
        ("crc", "the data does not match its CRC checksum"),
        ("length", "the data does not match its recorded length"),
        ("header", "the gzip header is damaged"),
    ],
)
def test_each_kind_of_gzip_damage_is_named_in_words_and_zlibs_own_are_the_technical_detail(
    tmp_path, where, kind
):
    """zlib's "Error -3 while decompressing data: invalid distance too far back" was the
    reason of the line, in English inside a Vietnamese message. The line names the kind of
    damage (translated by the window); zlib's words are kept as ``technical``."""
    path = _damaged_gzip(tmp_path, where)
    for read in (read_idx, sha256_decompressed):
        with pytest.raises(DataError) as caught:
            read(path)
        err = caught.value
        assert str(err) == f"{path.name}: cannot read ({kind}); the file is corrupt or truncated"
        assert "Error -3" not in str(err) and "decompressing" not in str(err)
        assert err.technical.startswith("zlib: Error -3 while decompressing data: ")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(at=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_a_gzip_with_any_byte_changed_is_read_or_refused_without_zlibs_words_in_its_line(
    tmp_path, at, flip
):
    rng = np.random.default_rng(4)
    path = tmp_path / "any.gz"
    if not path.exists():
        write_idx(path, rng.integers(0, 30, (200, 28, 28), np.uint8))
    body = bytearray(path.read_bytes())
    at %= len(body)
    body[at] ^= flip
    damaged = tmp_path / "changed.gz"
    damaged.write_bytes(bytes(body))
    try:
        read_idx(damaged)
    except DataError as err:
        assert "Error -" not in str(err) and "while decompressing" not in str(err)
        assert err.technical is None or err.technical.startswith("zlib: ")
