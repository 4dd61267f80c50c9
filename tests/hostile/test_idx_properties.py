"""Property: any bytes handed to the IDX parser give an array or a DataError, in bounded memory;
the error's reason is one the window can say in its language (a template and its values)."""

from __future__ import annotations

import gzip
import re
import struct

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nndesk.data.idx import IDX_DTYPES, read_idx, read_idx_images, read_idx_labels, write_idx
from nndesk.errors import DataError
from tests.hostile.traced import peak_of

SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MB = 2**20


def _parse(path, reader=read_idx):
    """What ``reader`` made of ``path``: an array or a DataError; asserts memory stayed small."""
    outcome, peak = peak_of(reader, path, catch=(DataError,))
    assert peak < 8 * MB, f"{peak / MB:.1f} MB traced"
    if isinstance(outcome, DataError):
        assert "\n" not in str(outcome) and path.name in str(outcome)
        # the window words every reason in its language: each carries its marked template
        # and values, which make exactly the CLI's English line
        assert outcome.template is not None, str(outcome)
        assert outcome.template.format(**outcome.values) == str(outcome)
    return outcome


@SETTINGS
@given(content=st.binary(max_size=3000), gz=st.booleans())
def test_any_bytes_give_an_array_or_a_data_error(tmp_path, content, gz):
    path = tmp_path / "any.idx"
    path.write_bytes(gzip.compress(content) if gz else content)
    _parse(path)


dims = st.lists(
    st.one_of(st.integers(0, 40), st.integers(0, 2**32 - 1), st.sampled_from([0xFFFFFFFF, 2**31])),
    min_size=0,
    max_size=6,
)


@SETTINGS
@given(
    code=st.one_of(st.sampled_from(sorted(IDX_DTYPES)), st.integers(0, 255)),
    shape=dims,
    payload=st.binary(max_size=4096),
    gz=st.booleans(),
    reader=st.sampled_from([read_idx, read_idx_images, read_idx_labels]),
)
# a zero dimension beside two huge ones: NumPy refused the shape with a ValueError
@example(code=8, shape=[0, 2**32 - 1, 2**32 - 1], payload=b"", gz=False, reader=read_idx)
def test_any_header_with_any_payload_gives_that_shape_or_a_data_error(
    tmp_path, code, shape, payload, gz, reader
):
    raw = bytes([0, 0, code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape) + payload
    path = tmp_path / "header.idx"
    path.write_bytes(gzip.compress(raw) if gz else raw)
    outcome = _parse(path, reader)
    if isinstance(outcome, np.ndarray) and reader is read_idx:
        assert outcome.shape == tuple(shape)
        assert outcome.nbytes == len(payload)


@SETTINGS
@given(
    shape=st.lists(st.integers(0, 6), min_size=1, max_size=4),
    dtype=st.sampled_from([np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64]),
    gz=st.booleans(),
    cut=st.integers(0, 64),
)
def test_a_valid_file_reads_back_and_any_truncation_is_a_data_error(
    tmp_path, shape, dtype, gz, cut
):
    array = np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape)
    path = write_idx(tmp_path / ("a.gz" if gz else "a"), array)
    np.testing.assert_array_equal(_parse(path), array)
    content = path.read_bytes()
    if 0 < cut < len(content):
        path.write_bytes(content[:-cut])
        outcome = _parse(path)
        # a cut gzip trailer may still inflate to the whole payload; a cut payload never reads
        assert isinstance(outcome, DataError) or (gz and np.array_equal(outcome, array))


@SETTINGS
@given(
    declared=st.integers(1000, 60_000),
    missing=st.integers(1, 60_000),
    gz=st.booleans(),
)
@example(declared=7_840_000 // 200, missing=1, gz=False)
def test_a_truncated_file_is_told_with_two_sizes_that_differ(tmp_path, declared, missing, gz):
    """Probe 33 F2: a file one byte short of its 7.8 MB read 'header says ... (7.8 MB) but the
    file holds 7.8 MB'. When the rounded sizes read the same, the bytes are given."""
    missing = min(missing, declared)
    body = struct.pack(">HBBI", 0, 0x08, 1, declared) + bytes(declared - missing)
    path = tmp_path / ("short.gz" if gz else "short")
    path.write_bytes(gzip.compress(body) if gz else body)
    error = _parse(path)
    assert isinstance(error, DataError)
    size, held = re.fullmatch(r".*\((.+)\) but the file holds (.+)", str(error)).groups()
    assert size != held, str(error)
