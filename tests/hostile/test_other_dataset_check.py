"""Property: ``sources.check_not_other`` reads a user's label files (any bytes, a cut gzip, an
IDX header declaring billions of labels, a small gzip inflating to a gigabyte) and answers
None or the other dataset's DataError, never another exception, in bounded memory and work."""

from __future__ import annotations

import gzip
import struct
import zlib
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nndesk.data import idx, sources
from nndesk.data.idx import sha256_decompressed
from nndesk.data.registry import DATASETS
from nndesk.data.sources import LABEL_FILE_AT_MOST, check_not_other
from nndesk.errors import DataError, window_message
from tests.hostile.traced import peak_of

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MB = 2**20
LABEL_NAMES = ("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte")


def _check(folder, name="mnist"):
    """What check_not_other said of ``folder`` (None or its DataError); asserts memory stayed
    small and the error is one line naming the other dataset."""
    outcome, peak = peak_of(check_not_other, folder, DATASETS[name], catch=(DataError,))
    assert peak < 8 * MB, f"{peak / MB:.1f} MB traced"
    if outcome is not None:
        assert outcome.other_dataset in DATASETS and outcome.other_dataset != name
        assert "\n" not in str(outcome) and "\n" not in window_message(outcome)
    return outcome


def _write(folder, name, content, gz):
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(name + "*"):
        old.unlink()
    path = folder / (name + ".gz" if gz else name)
    path.write_bytes(content)
    return path


label_file = st.tuples(
    st.one_of(
        st.binary(max_size=3000),
        # an IDX label header declaring any count (up to 2**32 - 1) over a short payload
        st.builds(
            lambda n, payload: struct.pack(">HBBI", 0, 0x08, 1, n) + payload,
            st.one_of(st.integers(0, 100), st.just(2**32 - 1), st.just(2**31)),
            st.binary(max_size=200),
        ),
    ),
    st.sampled_from(["raw", "gz", "cut gz", "gz name, raw bytes"]),
    st.integers(1, 40),
)


def _as_file(content, how, cut):
    if how == "raw":
        return content, False
    if how == "gz name, raw bytes":
        return content, True
    packed = gzip.compress(content)
    return (packed[: max(1, len(packed) - cut)] if how == "cut gz" else packed), True


@SETTINGS
@given(train=label_file, test=label_file)
@example(train=(b"\x1f\x8b", "raw", 1), test=(b"", "gz", 1))  # a gzip's magic and nothing else
def test_any_label_files_give_none_or_the_other_datasets_error(tmp_path, train, test):
    folder = tmp_path / "labels"
    for name, (content, how, cut) in zip(LABEL_NAMES, (train, test), strict=True):
        _write(folder, name, *_as_file(content, how, cut))
    for spec in ("mnist", "fashion"):
        _check(folder, spec)


@SETTINGS
@given(cut=st.integers(1, 400), gz=st.booleans())
def test_the_other_datasets_files_are_named_and_any_cut_of_them_is_a_clean_answer(
    tiny_dir, tmp_path_factory, monkeypatch, cut, gz
):
    """A folder whose label files are 'fashion's (the registry is pointed at the tiny files)
    is said to hold Fashion-MNIST; a cut copy is either still its content or says nothing."""
    other = replace(
        DATASETS["fashion"],
        files=tuple(
            replace(f, sha256=sha256_decompressed(tiny_dir / f.gz_name))
            for f in DATASETS["fashion"].files
        ),
    )
    monkeypatch.setitem(DATASETS, "fashion", other)
    folder = tmp_path_factory.mktemp("cut")
    for name in LABEL_NAMES:
        whole = (tiny_dir / (name + ".gz")).read_bytes()
        content = whole if gz else gzip.decompress(whole)
        _write(folder, name, content, gz)
    assert _check(folder).other_dataset == "fashion"
    path = folder / (LABEL_NAMES[0] + (".gz" if gz else ""))
    content = path.read_bytes()
    path.write_bytes(content[: max(0, len(content) - cut)])
    said = _check(folder)
    # the test labels are still whole: a cut train file may still be named by them
    assert said is None or said.other_dataset == "fashion"


def _gzip_of_zeros(megabytes: int) -> bytes:
    """One gzip stream of ``megabytes`` MB of zeros (level 9: about 1 KB a MB), built from two
    compressed MB: after a full flush deflate starts afresh, so every MB after the first
    compresses to the same bytes. Compressing a gigabyte took 3 s of CPU; its CRC-32, written in
    the trailer, a tenth of that."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MB)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    last_block = packer.flush()[:-8]  # its trailer counted two MB
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    trailer = struct.pack("<II", crc, (megabytes * MB) & 0xFFFFFFFF)
    return first + again * (megabytes - 1) + last_block + trailer


def test_a_small_gzip_inflating_to_a_gigabyte_is_not_read_to_its_end(tmp_path, monkeypatch):
    """Under 1 MB on disk, so the size on disk lets it through; its content is read only as far
    as a label file of any registered dataset could go (60,008 bytes) plus the limit's margin."""
    folder = tmp_path / "bomb"
    folder.mkdir()
    assert gzip.decompress(_gzip_of_zeros(3)) == bytes(3 * MB)  # a whole gzip, its check sum right
    (folder / (LABEL_NAMES[0] + ".gz")).write_bytes(_gzip_of_zeros(1000))
    _write(folder, LABEL_NAMES[1], struct.pack(">HBBI", 0, 0x08, 1, 3) + bytes(3), False)
    assert (folder / (LABEL_NAMES[0] + ".gz")).stat().st_size < LABEL_FILE_AT_MOST
    inflated = {}  # file name: bytes of its content read
    read = idx._Reader.read

    def counted(self, n):
        block = read(self, n)
        name = Path(self._f.name).name
        inflated[name] = inflated.get(name, 0) + len(block)
        return block

    monkeypatch.setattr(idx._Reader, "read", counted)
    assert _check(folder) is None
    assert 0 < inflated[LABEL_NAMES[0] + ".gz"] <= LABEL_FILE_AT_MOST + 1
    assert sources.LABEL_FILE_AT_MOST >= 60_008  # the largest registered label file
