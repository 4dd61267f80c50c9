"""IDX files (the MNIST container format), raw or gzipped, parsed into NumPy arrays.

Layout: two zero bytes, a dtype code, the number of dimensions ``d``, then ``d`` big-endian
uint32 sizes, then the data in C order, big-endian. Every check names the file, because a user
who points ``--data-dir`` at the wrong folder should learn which file is wrong, not see a
NumPy reshape error.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from nndesk.errors import DataError, os_reason
from nndesk.fileio import atomic_write_bytes
from nndesk.i18n import N_, Message

#: dtype code -> big-endian NumPy dtype, as the format defines them.
IDX_DTYPES: dict[int, np.dtype] = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}


#: The most decompressed data bytes one IDX file may declare. A 28x28 classifier's largest
#: sensible file (the 60,000 MNIST training images) holds 47 MB; 256 MiB leaves room for larger
#: sets and for float storage while keeping a lying header far from gigabytes. Reading a larger
#: file in pieces (or memory-mapped) would not bound memory: training normalises the images to
#: float32 once, four times the file (EMNIST byclass's 547 MB would take 2.2 GB).
MAX_IDX_BYTES = 256 * 2**20
#: The most dimensions a header may declare (images are 3-D, flat images or labels fewer).
MAX_IDX_DIMS = 4
_CHUNK = 16 * 2**20  # bytes inflated or read per call: bounds the memory a step can add
_COMPRESSED_CHUNK = 2**20  # compressed bytes read at a time (read(n) reserves n bytes)
#: The most a deflate stream can shrink data (zlib's technical note: about 1032:1).
DEFLATE_MAX_RATIO = 1032


#: the kinds of damage zlib names (its messages, after "Error -3 while decompressing data: "),
#: said in words the window translates; zlib's own words go under the message's Details
_GZIP_DAMAGE = (
    (("incorrect data check",), N_("the data does not match its CRC checksum")),
    (("incorrect length check",), N_("the data does not match its recorded length")),
    (
        ("header", "unknown compression method", "invalid window size"),
        N_("the gzip header is damaged"),
    ),
    (("invalid", "too many length or distance"), N_("the compressed data is invalid")),
)


def gzip_damage(err: zlib.error) -> Message:
    """What zlib's error says is wrong with a gzip, as a translatable ``Message``: a checksum
    that does not match, a damaged header, invalid compressed data. zlib's own text ("Error
    -3 while decompressing data: invalid distance too far back") is English whatever the
    window's language: it is kept as the error's ``technical`` detail, not in its line."""
    words = str(err).lower()
    for marks, kind in _GZIP_DAMAGE:
        if any(mark in words for mark in marks):
            return Message(kind)
    return Message(N_("the compressed data cannot be unpacked"))


#: what the system says when it will not let this user read a file (no permission)
REFUSED = frozenset({errno.EACCES, errno.EPERM})


def unreadable(path_name: str, err: OSError | EOFError | zlib.error) -> DataError:
    """The error for file ``path_name`` whose bytes could not be read or unpacked: its line
    names the kind of damage in words the window translates, ``technical`` zlib's own."""
    if isinstance(err, OSError) and err.errno in REFUSED:
        # not the file's fault: "corrupt or truncated" sent people to replace a sound file
        error = DataError.of(
            N_("{file}: cannot read ({reason})"), file=path_name, reason=_reason(err)
        )
        error.refused = True  # the window says "cannot be read", never "damaged"
        return error
    error = DataError.of(
        N_("{file}: cannot read ({reason}); the file is corrupt or truncated"),
        file=path_name,
        reason=_reason(err),
    )
    if isinstance(err, zlib.error):
        error.technical = f"zlib: {err}"
    return error


def _reason(err: OSError | EOFError | zlib.error) -> str:
    """Why a file could not be read: the system's reason (``os_reason``), the gzip reader's own
    (a ``Message``, worded in the window's language), or the kind of damage zlib found."""
    if isinstance(err, OSError):
        return os_reason(err)
    if isinstance(err, zlib.error):
        return gzip_damage(err)
    if err.args and isinstance(err.args[0], Message):
        return err.args[0]
    return str(err)


def _short(name: str, dims: str, expected: int, held: int) -> DataError:
    """The file holds fewer (or other) bytes than its header declares: truncated."""
    size, held_size = _size_text(expected), _size_text(held)
    if size == held_size:  # one byte short of 7.8 MB still reads "7.8 MB": say the bytes
        size, held_size = f"{expected:,} bytes", f"{held:,} bytes"
    return DataError.of(
        N_("{file}: header says {dims} values ({size}) but the file holds {held}"),
        file=name,
        dims=dims,
        size=size,
        held=held_size,
    )


def _size_text(n: int) -> str:
    """Bytes as a person reads them: 812 bytes, 47.0 MB, 12.6 GB, 7.9e+28 bytes."""
    if n >= 10**15:
        return f"{n:.1e} bytes"
    for unit, scale in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


class _Reader:
    """The bytes of an IDX file, gunzipped on the fly when it is a gzip, never more than asked.

    ``read(n)`` returns at most ``n`` bytes and inflates at most ``n`` (plus one chunk of
    compressed input), so a small gzip that inflates to gigabytes costs only what the caller
    asked for. Gzip is decided by content, not by name: a mirror may serve either.
    """

    def __init__(self, f) -> None:
        self._f = f
        self.gzipped = f.read(2) == b"\x1f\x8b"
        f.seek(0)
        self._inflate = zlib.decompressobj(wbits=31) if self.gzipped else None
        self._pending = b""  # compressed input not yet consumed
        self._done = False  # the file has no more compressed input

    def read(self, n: int) -> bytearray:
        if not self.gzipped:
            out = bytearray()
            while len(out) < n and (block := self._f.read(min(n - len(out), _CHUNK))):
                out += block
            return out
        out = bytearray()
        while len(out) < n:
            d = self._inflate
            if d.eof:
                # a gzip may hold several members one after the other: go on with the next
                rest = d.unused_data + self._pending
                if not rest:
                    rest = self._more()
                if not rest:
                    break
                self._inflate, self._pending = zlib.decompressobj(wbits=31), rest
                continue
            if not self._pending:
                self._pending = self._more()
            block = d.decompress(self._pending, min(n - len(out), _CHUNK))
            # at the end of a member the input left over is in unused_data (and, depending on
            # where max_length stopped, the same bytes in unconsumed_tail): take it from one
            self._pending = b"" if d.eof else d.unconsumed_tail
            out += block
            if not block and not self._pending and self._done and not d.eof:
                raise EOFError(Message(N_("the gzip stream ends early")))
        return out

    def _more(self) -> bytes:
        block = self._f.read(_COMPRESSED_CHUNK)
        self._done = not block
        return block


def read_idx(path: str | os.PathLike, hasher=None) -> np.ndarray:
    """Parse an IDX file (``.gz`` or raw) into an array of its native shape.

    The sizes the header declares are checked before anything is allocated: against the bytes a
    raw file holds, against ``MAX_IDX_BYTES``, and, for a gzip, by never inflating more than
    the declared size plus one byte.

    Parameters
    ----------
    path : file to read; gzip is detected from the content.
    hasher : optional ``hashlib`` object, updated with the decompressed bytes (header included),
        so a caller can check a checksum without decompressing twice.

    Returns
    -------
    np.ndarray of the file's shape, in native byte order (uint8, int8, int16, int32, float32
    or float64), writable.

    Raises
    ------
    DataError : missing file, bad magic, unknown dtype code, corrupt gzip, a declared size over
        the limit, or a data size that does not match the header.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise DataError.of(N_("{file}: file not found"), file=path)
    try:
        with open(path, "rb") as f:
            reader = _Reader(f)
            head = reader.read(4)
            if not head:
                raise DataError.of(N_("{file}: the file is empty"), file=name)
            if len(head) < 4:
                raise DataError.of(
                    N_("{file}: not an IDX file (it holds only {n} bytes)"), file=name, n=len(head)
                )
            if head[0] != 0 or head[1] != 0:
                raise DataError.of(
                    N_("{file}: not an IDX file (bad magic number {magic})"),
                    file=name,
                    magic=bytes(head).hex(),
                )
            code, ndim = head[2], head[3]
            if code not in IDX_DTYPES:
                raise DataError.of(
                    N_("{file}: unknown IDX data type code {code}"), file=name, code=f"0x{code:02X}"
                )
            if ndim == 0:
                raise DataError.of(N_("{file}: IDX header declares zero dimensions"), file=name)
            if ndim > MAX_IDX_DIMS:
                raise DataError.of(
                    N_(
                        "{file}: IDX header declares {ndim} dimensions; image and label files "
                        "have at most {most}"
                    ),
                    file=name,
                    ndim=str(ndim),
                    most=str(MAX_IDX_DIMS),
                )
            dims_raw = reader.read(4 * ndim)
            if len(dims_raw) < 4 * ndim:
                raise DataError.of(N_("{file}: file ends inside the IDX header"), file=name)
            shape = struct.unpack(f">{ndim}I", dims_raw)
            dtype = IDX_DTYPES[code]
            # Python integers: a product of four 32-bit sizes never wraps round
            expected = math.prod(shape) * dtype.itemsize
            dims = "x".join(str(s) for s in shape)
            # a zero dimension makes the product 0, but NumPy still refuses the others' product
            # past its index range (0x4294967295x4294967295): refuse it here in one line
            if 0 in shape and math.prod(d for d in shape if d) * dtype.itemsize > MAX_IDX_BYTES:
                raise DataError.of(
                    N_("{file}: IDX header declares dimensions {dims}, too large to read"),
                    file=name,
                    dims=dims,
                )
            if not reader.gzipped:
                held = os.fstat(f.fileno()).st_size - 4 - 4 * ndim
                if held != expected:
                    raise _short(name, dims, expected, held)
            if expected > MAX_IDX_BYTES:
                # deflate shrinks data at most ~1032 times: a header declaring more than that
                # for the compressed file's size cannot be right
                held = os.fstat(f.fileno()).st_size
                advice = (
                    Message(N_("the header is damaged"))
                    if expected > DEFLATE_MAX_RATIO * held
                    else Message(N_("use a smaller set (EMNIST: the balanced or digits split)"))
                )
                raise DataError.of(
                    N_(
                        "{file}: header says {dims} values ({size}), more than the {most} "
                        "nndesk reads from one IDX file (training keeps every value as a "
                        "float); {advice}"
                    ),
                    file=name,
                    dims=dims,
                    size=_size_text(expected),
                    most=_size_text(MAX_IDX_BYTES),
                    advice=advice,
                )
            data = reader.read(expected)
            extra = len(reader.read(1))
    except (OSError, EOFError, zlib.error) as err:
        raise unreadable(name, err) from err
    if len(data) < expected or extra:
        if extra:
            raise DataError.of(
                N_("{file}: header says {dims} values ({size}) but the file holds more"),
                file=name,
                dims=dims,
                size=_size_text(expected),
            )
        raise _short(name, dims, expected, len(data))
    if hasher is not None:
        hasher.update(head)
        hasher.update(dims_raw)
        hasher.update(data)
    array = np.frombuffer(data, dtype=dtype).reshape(shape)
    # bytearray-backed, so already writable; only non-native byte order needs a copy
    return array if dtype.isnative else array.astype(dtype.newbyteorder("="))


def _as_images(array: np.ndarray, name: str) -> np.ndarray:
    """Bring an IDX array to uint8 (N, 28, 28), or say why it cannot be."""
    if array.ndim == 2 and array.shape[1] == 784:
        array = array.reshape(-1, 28, 28)
    if array.ndim != 3 or array.shape[1:] != (28, 28):
        raise DataError.of(
            N_("{file}: expected images of 28x28 pixels, found shape {shape}"),
            file=name,
            shape=str(array.shape),
        )
    if array.dtype == np.uint8:
        return array
    if array.dtype.kind == "f":
        if not np.isfinite(array).all():
            raise DataError.of(N_("{file}: image values include NaN or infinity"), file=name)
        # float images are stored either in [0, 1] or in [0, 255]
        if array.size and array.min() >= 0 and array.max() <= 1.0:
            array = array * 255.0
        array = np.rint(array)
    if array.size and (array.min() < 0 or array.max() > 255):
        raise DataError.of(N_("{file}: image values outside 0..255"), file=name)
    return array.astype(np.uint8)


def _as_labels(array: np.ndarray, name: str) -> np.ndarray:
    """Bring an IDX array to int64 (N,), or say why it cannot be."""
    if array.ndim != 1:
        raise DataError.of(
            N_("{file}: expected a 1-D label file, found shape {shape}"),
            file=name,
            shape=str(array.shape),
        )
    if array.dtype.kind == "f" and not np.array_equal(array, np.rint(array)):
        raise DataError.of(N_("{file}: labels are not whole numbers"), file=name)
    labels = array.astype(np.int64)
    if labels.size and labels.min() < 0:
        raise DataError.of(N_("{file}: negative label {label}"), file=name, label=str(labels.min()))
    return labels


def read_idx_images(path: str | os.PathLike, hasher=None) -> np.ndarray:
    """Read an image file as uint8 (N, 28, 28); any IDX dtype whose values fit 0..255."""
    return _as_images(read_idx(path, hasher), Path(path).name)


def read_idx_labels(path: str | os.PathLike, hasher=None) -> np.ndarray:
    """Read a label file as int64 (N,)."""
    return _as_labels(read_idx(path, hasher), Path(path).name)


def read_idx_pair(
    images_path: str | os.PathLike, labels_path: str | os.PathLike
) -> tuple[np.ndarray, np.ndarray]:
    """Read matching image and label files: uint8 (N, 28, 28), int64 (N,); counts must agree."""
    images = read_idx_images(images_path)
    labels = read_idx_labels(labels_path)
    check_counts(images, labels, Path(images_path).name, Path(labels_path).name)
    return images, labels


def check_counts(images: np.ndarray, labels: np.ndarray, images_name: str, labels_name: str):
    """Raise DataError when an image file and its label file disagree on the count."""
    if len(images) != len(labels):
        raise DataError.of(
            N_("{images_file} holds {images} images but {labels_file} holds {labels} labels"),
            images_file=images_name,
            images=str(len(images)),
            labels_file=labels_name,
            labels=str(len(labels)),
        )


def sha256_decompressed(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """SHA-256 hex digest of a file's content after gunzipping it (raw files hash as they are)."""
    path = Path(path)
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            reader = _Reader(f)
            while block := reader.read(chunk):
                h.update(block)
    except (OSError, EOFError, zlib.error) as err:
        raise unreadable(path.name, err) from err
    return h.hexdigest()


def small_content_sha256(path: str | os.PathLike, at_most: int) -> str | None:
    """SHA-256 hex digest of a file's content after gunzipping it, or None when that content
    is longer than ``at_most`` bytes: a small gzip inflating to gigabytes costs ``at_most + 1``
    bytes of reading, never the gigabytes. Raises DataError on a corrupt or truncated gzip."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            content = _Reader(f).read(at_most + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise unreadable(path.name, err) from err
    if len(content) > at_most:
        return None
    return hashlib.sha256(content).hexdigest()


def write_idx(path: str | os.PathLike, array: np.ndarray, compress: bool | None = None) -> Path:
    """Write ``array`` as an IDX file (any IDX dtype); gzip it when ``path`` ends with ``.gz``."""
    array = np.asarray(array)
    codes = [c for c, dt in IDX_DTYPES.items() if dt.newbyteorder("=") == array.dtype]
    if not codes:
        raise ValueError(f"IDX cannot store dtype {array.dtype}")
    code = codes[0]
    dt = IDX_DTYPES[code]
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    payload = header + np.ascontiguousarray(array, dtype=dt).tobytes()
    path = Path(path)
    if compress is None:
        compress = path.suffix == ".gz"
    return atomic_write_bytes(path, gzip.compress(payload) if compress else payload)
