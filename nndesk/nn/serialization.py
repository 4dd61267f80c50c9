"""Model files: ``.npz`` with a JSON header, written atomically, read with bounded memory.

Layout: ``header`` (uint8 array of UTF-8 JSON), ``param/<layer>/<name>``,
``buffer/<layer>/<name>`` (non-trained layer state such as batch-norm running statistics, from a
layer's optional ``buffers`` dict), ``opt/<layer>/<name>/<slot>`` and ``opt/step``.
The header holds the format version, the model and optimizer configs, the caller's free-form
``info``, the generator states of Dropout layers (so a resumed run draws the same masks) and a
SHA-256 digest of the header itself and of every array (format 2; format 1 files, whose digest
covers the arrays only, still load, with every header field checked), so an edited or damaged
file is refused with one line instead of loading wrong weights or a changed network.

Reading never unpickles and never trusts a declared size: the header is checked field by field
(``nndesk.nn.header``) before anything is built, and each array's ``.npy`` header is read from its
zip member and checked against the shape the architecture implies before its data is read.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
import tokenize
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from nndesk.errors import ConfigError, ModelFileError, NndeskWarning, os_reason
from nndesk.fileio import atomic_path, regular_file_problem
from nndesk.i18n import N_, Message
from nndesk.nn.header import (
    FORMAT_VERSION,
    MAGIC,
    MAX_ACTIVATION,
    MAX_HEADER_BYTES,
    HeaderError,
    Plan,
    check_header,
)
from nndesk.nn.model import Sequential
from nndesk.nn.optimizers import Optimizer, optimizer_from_config

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "LoadedModel",
    "is_model_file",
    "load_model",
    "read_model_header",
    "save_model",
]

_DTYPE_KINDS = "fiub"  # numbers only: no objects (pickles), strings or structured records
_NPY_HEADER_LIMIT = 10_000  # bytes of an .npy member's own header (NumPy's default limit)
# NumPy parses an .npy header with ast; CPython 3.11's parser is not safe when two threads parse at
# once (gh-106905: "AST constructor recursion depth mismatch"), and the prediction and training
# workers can both load a model.
_NPY_HEADER_LOCK = threading.Lock()
_MAX_MEMBERS = 8192  # arrays in one file: 256 layers' params, buffers and optimizer slots
#: A compressed member above this size may inflate at most ``_BOMB_RATIO`` times its bytes.
_BOMB_BYTES, _BOMB_RATIO = 16 * 2**20, 50
_T = TypeVar("_T")


@dataclass
class LoadedModel:
    """What ``load_model`` returns: the model, the saved ``info`` and the optimizer (or None)."""

    model: Sequential
    info: dict
    optimizer: Optimizer | None
    #: False for a format-1 file: its checksum covers the arrays only, so an edit of its header
    #: (layers, normalisation, class names) cannot be told from the header it was saved with
    header_checked: bool = True
    #: the file it was read from, for messages about it ("" when built in memory)
    source: str = ""


def _buffers(layer) -> dict[str, np.ndarray]:
    return getattr(layer, "buffers", None) or {}


def _rng_states(model: Sequential) -> dict[str, Any]:
    """Bit-generator states of layers that draw during training (Dropout), keyed by layer index."""
    rngs = {str(i): getattr(layer, "rng", None) for i, layer in enumerate(model.layers)}
    return {
        i: rng.bit_generator.state
        for i, rng in rngs.items()
        if isinstance(rng, np.random.Generator)
    }


def _restore_rng_states(path: Path, model: Sequential, states) -> None:
    if not isinstance(states, dict):
        raise _fail(path, Message(N_("damaged model file (header field 'rng_states' malformed)")))
    for key, state in states.items():
        index = int(key) if key.isascii() and key.isdigit() and len(key) < 6 else -1
        layer = model.layers[index] if 0 <= index < len(model.layers) else None
        rng = getattr(layer, "rng", None)
        if not isinstance(rng, np.random.Generator):
            raise _fail(
                path,
                Message(
                    N_("random state saved for layer {key}, which draws no random numbers"),
                    key=key,
                ),
            )
        try:
            rng.bit_generator.state = state
        except (TypeError, ValueError, KeyError, OverflowError):
            raise _fail(
                path, Message(N_("damaged random state for layer {key}"), key=key)
            ) from None


def _canonical(header: dict) -> bytes:
    """The header's JSON without its digest, in one fixed spelling (sorted keys, no spaces)."""
    body = {k: v for k, v in header.items() if k != "digest"}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def model_digest(arrays: dict[str, np.ndarray], header: dict | None = None) -> str:
    """SHA-256 over the header (format 2; None for format 1) and every array's name, dtype,
    shape and bytes, in name order: the header's ``digest``. Public for whoever writes a model
    file by hand (the hostile-file tests sign the files they forge with it)."""
    h = hashlib.sha256()
    if header is not None:
        h.update(_canonical(header) + b"\n")
    for name in sorted(arrays):
        arr = np.ascontiguousarray(arrays[name])
        h.update(f"{name}|{arr.dtype.str}|{arr.shape}|".encode())
        h.update(arr.reshape(-1).data.cast("B"))  # the bytes tobytes() gives, uncopied
    return h.hexdigest()


def save_model(
    path: str | os.PathLike,
    model: Sequential,
    info: dict,
    optimizer: Optimizer | None = None,
    replace: bool = True,
) -> Path:
    """Write ``model`` (and optionally ``optimizer`` with its state) to ``path`` atomically;
    with ``replace=False`` never over an existing file (``FileExistsError``).

    Parameters
    ----------
    info : dict
        JSON-able: dataset, class_names, normalization, preprocess, history, seed, config, ...
    """
    path = Path(path)
    if not isinstance(info, dict):
        raise TypeError(f"info must be a dict, not {type(info).__name__}")
    arrays: dict[str, np.ndarray] = {}
    for i, layer in enumerate(model.layers):
        for name, param in layer.params.items():
            arrays[f"param/{i}/{name}"] = param
        for name, buf in _buffers(layer).items():
            arrays[f"buffer/{i}/{name}"] = np.asarray(buf)
    if optimizer is not None:
        for name, arr in optimizer.state_dict().items():
            arrays[f"opt/{name}"] = arr
    header = {
        "format": MAGIC,
        "format_version": FORMAT_VERSION,
        "model": model.config(),
        "optimizer": None if optimizer is None else optimizer.config(),
        "info": info,
        # so dropout masks continue where they were: resuming matches never stopping
        "rng_states": _rng_states(model),
    }
    try:
        # the digest is taken over the header as it will read back (JSON turns keys into text)
        header = json.loads(json.dumps(header))
    except (TypeError, ValueError) as err:
        raise ModelFileError(f"{path}: cannot save, info is not JSON-able ({err})") from None
    header["digest"] = model_digest(arrays, header)
    text = json.dumps(header)
    arrays["header"] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    # np.savez appends .npz unless the name already ends with it, so the temp file must
    with atomic_path(path, suffix=".npz", replace=replace) as tmp:
        # numpy's stub types **kwds as if a key could be its allow_pickle flag
        np.savez(tmp, **arrays)  # type: ignore[arg-type]
    return path


def _fail(path: Path, what: Message) -> ModelFileError:
    # the window translates the frame and the detail (a Message), the CLI prints them as they are
    return ModelFileError.of(N_("{file}: {problem}"), file=path, problem=what)


def unreadable_error(path: Path, err: Exception) -> ModelFileError:
    """A model file whose archive cannot be read, said in a sentence: Python's own words
    ("BadZipFile: File is not a zip file") were the end of the window's message."""
    if isinstance(err, OSError) and err.errno is not None:  # the system refused the read
        return ModelFileError.of(
            N_("{file}: cannot read ({reason})"), file=path, reason=os_reason(err)
        )
    return ModelFileError.of(
        N_(
            "{file}: the file is incomplete or damaged (cut short while it was copied or "
            "downloaded?), so the model cannot be read"
        ),
        file=path,
    )


def damaged_error(path: Path, detail: str) -> ModelFileError:
    return ModelFileError.of(N_("{file}: damaged model file ({detail})"), file=path, detail=detail)


class _Archive:
    """The ``.npy`` members of a model file's zip, each read only after its declared size and
    its own ``.npy`` header (shape, dtype) have been checked."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, max_members: int) -> None:
        self.path, self.zf = path, zf
        infos = zf.infolist()
        if len(infos) > max_members:
            raise _fail(
                path,
                Message(N_("the archive holds {n:,} members, too many for a model"), n=len(infos)),
            )
        self.members: dict[str, zipfile.ZipInfo] = {}
        self.others: list[str] = []  # not .npy, or a repeated name: refused once it is a model
        for info in infos:
            name = info.filename.removesuffix(".npy")
            if name == info.filename or name in self.members:
                self.others.append(info.filename)
            else:
                self.members[name] = info

    def read(self, name: str, shape: tuple[int, ...] | None, max_bytes: int) -> np.ndarray:
        """Member ``name`` as an array; ``shape`` is the one it must have (None: any, within
        ``max_bytes``). Refuses before reading the data when the declared sizes disagree."""
        info = self._member(name, max_bytes)
        with self.zf.open(info) as f:
            declared, fortran, dtype, nbytes = self._array_header(f, name, shape, max_bytes)
            data = f.read(nbytes)
            if len(data) != nbytes or f.read(1):
                raise self._different_size(name)
        array = np.frombuffer(data, dtype=dtype)
        return array.reshape(declared, order="F") if fortran else array.reshape(declared)

    def check(self, name: str, shape: tuple[int, ...], max_bytes: int) -> None:
        """Member ``name`` checked as ``read`` checks it, its data left unread: its ``.npy``
        header's shape and type, and the size the archive declares for it, which must be that
        header and the data the shape needs, no byte more or less (``read_model_header``)."""
        info = self._member(name, max_bytes)
        with self.zf.open(info) as f:
            *_, nbytes = self._array_header(f, name, shape, max_bytes)
            if info.file_size != f.tell() + nbytes:
                raise self._different_size(name)

    def _different_size(self, name: str) -> ModelFileError:
        return _fail(
            self.path, Message(N_("array {name!r} holds a different number of bytes"), name=name)
        )

    def _member(self, name: str, max_bytes: int) -> zipfile.ZipInfo:
        """Member ``name``, refused when the archive declares it larger than ``max_bytes``
        (and an ``.npy`` header) or inflating far more than weights compress."""
        info = self.members[name]
        if info.file_size > max_bytes + _NPY_HEADER_LIMIT:
            raise _fail(
                self.path,
                Message(
                    N_("array {name!r} declares {size:,} bytes, more than the model needs"),
                    name=name,
                    size=info.file_size,
                ),
            )
        if info.file_size > _BOMB_BYTES and info.file_size > _BOMB_RATIO * info.compress_size:
            # trained weights hardly compress (np.savez stores them as they are): a member
            # that inflates hundreds of times is zeros made to cost memory and time
            raise _fail(
                self.path,
                Message(
                    N_(
                        "array {name!r} inflates from {packed:,} to {size:,} bytes, far more "
                        "than weights compress"
                    ),
                    name=name,
                    packed=info.compress_size,
                    size=info.file_size,
                ),
            )
        return info

    def _array_header(self, f, name: str, shape: tuple[int, ...] | None, max_bytes: int):
        """The ``.npy`` header at the start of member file ``f``: (shape, Fortran order, dtype,
        bytes of data), refused unless it declares numbers (never objects: no pickle is ever
        read) of ``shape`` (None: any) within ``max_bytes``."""
        try:
            major, _ = np.lib.format.read_magic(f)
            read_header = (
                np.lib.format.read_array_header_1_0
                if major == 1
                else np.lib.format.read_array_header_2_0
            )
            with _NPY_HEADER_LOCK:
                declared, fortran, dtype = read_header(f, max_header_size=_NPY_HEADER_LIMIT)
        # NumPy reads the header's dict with tokenize: an unclosed bracket ("(784, 8(") is a
        # TokenError, which reached the Model box's worker and the model reader uncaught
        except (ValueError, SyntaxError, TypeError, tokenize.TokenError) as err:
            raise _fail(
                self.path,
                Message(N_("array {name!r} has a damaged header ({err})"), name=name, err=err),
            ) from None
        if dtype.hasobject:
            raise _fail(self.path, Message(N_("refused: the file contains pickled objects")))
        if dtype.kind not in _DTYPE_KINDS or dtype.itemsize > 16:
            raise _fail(
                self.path,
                Message(N_("array {name!r} has unsupported dtype {dtype}"), name=name, dtype=dtype),
            )
        if any(d < 0 for d in declared) or (shape is not None and declared != shape):
            problem = (
                Message(N_("array {name!r} has shape {shape}"), name=name, shape=declared)
                if shape is None
                else Message(
                    N_("array {name!r} has shape {shape}, the architecture needs {need}"),
                    name=name,
                    shape=declared,
                    need=shape,
                )
            )
            raise _fail(self.path, problem)
        nbytes = math.prod(declared) * dtype.itemsize
        if nbytes > max_bytes:
            raise _fail(
                self.path,
                Message(
                    N_("array {name!r} of shape {shape} is too large"), name=name, shape=declared
                ),
            )
        return declared, fortran, dtype, nbytes


def _read_plan(path: Path, archive: _Archive) -> Plan:
    if "header" not in archive.members:
        raise ModelFileError.of(N_("{file}: not an nndesk model file (no header)"), file=path)
    raw = archive.read("header", None, MAX_HEADER_BYTES)
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise damaged_error(path, Message(N_("header is not a byte string")))
    try:
        header = json.loads(raw.tobytes().decode("utf-8"))
    except RecursionError:
        raise damaged_error(path, Message(N_("header nests too deeply"))) from None
    except (UnicodeDecodeError, ValueError):
        raise damaged_error(path, Message(N_("header is not valid JSON"))) from None
    try:
        return check_header(header)
    except HeaderError as err:
        raise damaged_error(path, err.args[0] if err.args else str(err)) from None  # its Message


def _expected_shapes(path: Path, plan: Plan, optimizer: Optimizer | None, names) -> dict:
    """Every member's required shape: the plan's params and buffers, and optimizer slots shaped
    like their parameters; a member that belongs to none of them is refused."""
    shapes = dict(plan.arrays)
    params = {k[len("param/") :]: s for k, s in plan.arrays.items() if k.startswith("param/")}
    for name in names:
        if name == "header" or name in shapes:
            continue
        if optimizer is None or not name.startswith("opt/"):
            raise _fail(path, Message(N_("unexpected array {name!r}"), name=name))
        key = name[len("opt/") :]
        if key == "step":
            shapes[name] = ()
            continue
        pkey, _, slot = key.rpartition("/")
        if pkey not in params or not optimizer.knows_slot(slot):
            raise _fail(
                path, Message(N_("optimizer array {name!r} does not fit the model"), name=name)
            )
        shapes[name] = params[pkey]
    return shapes


def _planned(path: Path, archive: _Archive) -> Plan:
    """The checked header of ``archive``, whose members must be ``.npy`` arrays, every one
    its layers need among them."""
    plan = _read_plan(path, archive)
    if archive.others:
        raise _fail(
            path,
            Message(N_("unexpected archive member {name!r}"), name=archive.others[0][:60]),
        )
    missing = sorted(set(plan.arrays) - set(archive.members))
    if missing:
        raise _fail(path, Message(N_("missing array {name!r}"), name=missing[0]))
    return plan


def _read_file(path: Path) -> tuple[Plan, Optimizer | None, dict[str, np.ndarray]]:
    """The checked header, its optimizer and every array, read with bounded memory."""
    with zipfile.ZipFile(path) as zf:
        archive = _Archive(path, zf, _MAX_MEMBERS)
        plan = _planned(path, archive)
        optimizer = None
        if plan.optimizer is not None:
            try:
                optimizer = optimizer_from_config(plan.optimizer)
            except (ConfigError, TypeError, ValueError) as err:
                raise _fail(path, Message(N_("bad optimizer in header ({err})"), err=err)) from None
        shapes = _expected_shapes(path, plan, optimizer, archive.members)
        arrays = {}
        for name, shape in shapes.items():
            if name == "header":
                continue
            arrays[name] = archive.read(name, shape, _array_bytes(shape))
    # format 1 digests cover the arrays only: an edit of such a file's header goes unnoticed
    digest = model_digest(arrays, plan.header) if plan.version >= 2 else model_digest(arrays)
    if digest != plan.digest:
        raise _fail(path, Message(N_("contents do not match their checksum (damaged or edited)")))
    return plan, optimizer, arrays


def _fill(path: Path, target: dict[str, np.ndarray], prefix: str, arrays: dict) -> None:
    """Copy ``arrays[prefix + name]`` into each ``target[name]`` after checking shape and values."""
    for name, dest in target.items():
        key = prefix + name
        if key not in arrays:
            raise _fail(path, Message(N_("missing array {name!r}"), name=key))
        arr = arrays.pop(key)
        if arr.shape != dest.shape:
            raise _fail(
                path,
                Message(
                    N_("array {name!r} has shape {shape}, the architecture needs {need}"),
                    name=key,
                    shape=arr.shape,
                    need=dest.shape,
                ),
            )
        if arr.dtype.kind != "f":
            raise _fail(
                path,
                Message(
                    N_("array {name!r} is {dtype}, expected floating point"),
                    name=key,
                    dtype=arr.dtype,
                ),
            )
        if not np.all(np.isfinite(arr)):
            raise _fail(
                path, Message(N_("array {name!r} contains NaN or infinite values"), name=key)
            )
        dest[...] = arr


def is_model_file(path: str | os.PathLike) -> bool:
    """True when ``path`` is a file nndesk saved a model in (a zip whose header names the
    format), read or damaged; False for anything else, e.g. an image a slip of ``--out`` names.
    Reads the header member only, within its size limit."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            if f.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as zf:
            archive = _Archive(path, zf, _MAX_MEMBERS)
            if "header" not in archive.members:
                return False
            raw = archive.read("header", None, MAX_HEADER_BYTES)
        header = json.loads(raw.tobytes().decode("utf-8"))
    except (ModelFileError, OSError, EOFError, zipfile.BadZipFile, zlib.error, ValueError):
        return False
    except (KeyError, MemoryError, RuntimeError, NotImplementedError):
        return False
    return isinstance(header, dict) and header.get("format") == MAGIC


def _reading(path: Path, read: Callable[[Path], _T]) -> _T:
    """``read(path)`` for a model file, after the checks that it is a file that can be read
    and a zip (not a pipe, not a pickle), any failure said as one ``ModelFileError`` line."""
    problem = regular_file_problem(path)
    if problem is not None:  # a pipe would block the read, a device never end it
        if not os.path.lexists(path):
            raise ModelFileError.of(N_("{file}: no such model file"), file=path)
        raise ModelFileError.of(N_("{file}: {problem}"), file=path, problem=problem)
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as err:
        raise ModelFileError.of(
            N_("{file}: cannot read ({reason})"), file=path, reason=os_reason(err)
        ) from None
    # np.load would treat anything that is not a zip or .npy as a pickle: check the magic first
    if magic != b"PK\x03\x04":
        raise ModelFileError.of(
            N_("{file}: not an nndesk model file (it is some other kind of file)"), file=path
        )
    try:
        return read(path)
    except ModelFileError:
        raise
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, ValueError, KeyError) as err:
        raise unreadable_error(path, err) from None
    except (MemoryError, RuntimeError, NotImplementedError) as err:
        # zip features NumPy's writer never uses (another compression, a member flagged as
        # encrypted: zipfile's RuntimeError, as RecursionError is one) or a lying size
        raise damaged_error(path, type(err).__name__) from None


def read_model_header(path: str | os.PathLike) -> Plan:
    """The checked header of the model file at ``path``, its weights left unread: what the
    Model box's labels say (dataset, layers, accuracy, mode) without reading a 100 MB file
    whole. Checked as ``load_model`` checks it (every header field; every array the layers
    need present, its ``.npy`` header's shape and type, its declared size exact; nothing
    unpickled); what needs the data (the checksum, finite values) is left to ``load_model``,
    which may still refuse the file.

    Raises
    ------
    ModelFileError
        ``"<file>: <what is wrong>"``, as ``load_model``; never another exception.
    """
    return _reading(Path(path), _read_header_file)


def _read_header_file(path: Path) -> Plan:
    with zipfile.ZipFile(path) as zf:
        archive = _Archive(path, zf, _MAX_MEMBERS)
        plan = _planned(path, archive)
        for name, shape in plan.arrays.items():
            archive.check(name, shape, _array_bytes(shape))
    return plan


def _array_bytes(shape: tuple[int, ...]) -> int:
    """The most bytes an array of ``shape`` may take (16-byte numbers)."""
    return 16 * max(1, math.prod(shape))


def load_model(path: str | os.PathLike) -> LoadedModel:
    """Read a file written by ``save_model``.

    Raises
    ------
    ModelFileError
        ``"<file>: <what is wrong>"`` for a missing, foreign, truncated, edited, oversized or
        unknown-version file; never another exception for any file content.
    """
    path = Path(path)
    plan, optimizer, arrays = _reading(path, _read_file)
    try:
        model = _build(path, plan, arrays)
    except (ConfigError, TypeError, ValueError, OverflowError) as err:
        raise _fail(path, Message(N_("bad architecture in header ({err})"), err=err)) from None
    _restore_rng_states(path, model, plan.rng_states)
    if optimizer is not None:
        state = {k[len("opt/") :]: arr for k, arr in arrays.items() if k.startswith("opt/")}
        step = state.get("step")
        if step is not None and step.dtype.kind not in "iu":
            raise _fail(path, Message(N_("optimizer step count is malformed")))
        try:
            optimizer.load_state_dict(state)
        except (ConfigError, TypeError, ValueError) as err:
            raise _fail(
                path, Message(N_("optimizer state does not fit ({err})"), err=err)
            ) from None
    if plan.version < 2:  # every reader of model files (CLI command, window) hears it from here
        # located here, not at the caller: a "default" filter says it once per file, whoever reads
        warnings.warn(OldModelFileWarning(unchecked_header_warning(path)), stacklevel=1)
    return LoadedModel(
        model=model,
        info=plan.info,
        optimizer=optimizer,
        header_checked=plan.version >= 2,
        source=str(path),
    )


class OldModelFileWarning(NndeskWarning):
    """A format-1 model file was loaded: it works, but its header is not covered by its
    checksum. The CLI prints it as one ``nndesk: warning:`` line; the window says it in a
    message when such a model is put in use (``Classifier.header_checked``), so its
    ``ui.warning_notes`` drops this warning itself."""


def unchecked_header_warning(path: str | os.PathLike) -> str:
    """The one line saying that the format-1 file at ``path`` could have been edited unnoticed."""
    return (
        f"{path}: an old (format 1) model file: its checksum does not cover its header "
        "(layers, normalisation, class names), so an edit there would go unnoticed; save "
        "it again with this nndesk to protect it"
    )


def _build(path: Path, plan: Plan, arrays: dict[str, np.ndarray]) -> Sequential:
    """The model the checked header describes, filled with the checked arrays."""
    model = Sequential.from_config(plan.model)
    for row, (name, shape, _) in enumerate(model.summary_rows()):
        if math.prod(shape) > MAX_ACTIVATION:
            raise ConfigError(f"layer {row} ({name}) outputs {shape} per image, too large")
    outputs = model.summary_rows()[-1][1]
    names = plan.info.get("class_names")
    if names is not None and outputs != (len(names),):
        raise ConfigError(f"{len(names)} class names for a model with outputs {outputs}")
    for i, layer in enumerate(model.layers):
        _fill(path, layer.params, f"param/{i}/", arrays)
        _fill(path, _buffers(layer), f"buffer/{i}/", arrays)
    return model
