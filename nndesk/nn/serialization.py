"""Model files: ``.npz`` with a JSON header, written atomically, read with ``allow_pickle=False``.

Layout: ``header`` (uint8 array of UTF-8 JSON), ``param/<layer>/<name>``,
``buffer/<layer>/<name>`` (non-trained layer state such as batch-norm running statistics, from a
layer's optional ``buffers`` dict), ``opt/<layer>/<name>/<slot>`` and ``opt/step``.
The header holds the format version, the model and optimizer configs, the caller's free-form
``info``, the generator states of Dropout layers (so a resumed run draws the same masks) and a
SHA-256 digest of every array, so an edited or damaged file is refused with one line instead of
loading wrong weights. Loading never unpickles, so it never executes anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nndesk.errors import ConfigError, ModelFileError
from nndesk.fileio import atomic_path
from nndesk.nn.model import Sequential
from nndesk.nn.optimizers import Optimizer, optimizer_from_config

FORMAT_VERSION = 1
MAGIC = "nndesk-model"


@dataclass
class LoadedModel:
    """What ``load_model`` returns: the model, the saved ``info`` and the optimizer (or None)."""

    model: Sequential
    info: dict
    optimizer: Optimizer | None


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
        raise _fail(path, "damaged model file (header field 'rng_states' malformed)")
    for key, state in states.items():
        layer = model.layers[int(key)] if key.isdigit() and int(key) < len(model.layers) else None
        rng = getattr(layer, "rng", None)
        if not isinstance(rng, np.random.Generator):
            raise _fail(path, f"random state saved for layer {key}, which draws no random numbers")
        try:
            rng.bit_generator.state = state
        except (TypeError, ValueError, KeyError):
            raise _fail(path, f"damaged random state for layer {key}") from None


def _digest(arrays: dict[str, np.ndarray]) -> str:
    """SHA-256 over every array's name, dtype, shape and bytes, in name order."""
    h = hashlib.sha256()
    for name in sorted(arrays):
        arr = np.ascontiguousarray(arrays[name])
        h.update(f"{name}|{arr.dtype.str}|{arr.shape}|".encode())
        h.update(arr.tobytes())
    return h.hexdigest()


def save_model(
    path: str | os.PathLike,
    model: Sequential,
    info: dict,
    optimizer: Optimizer | None = None,
) -> Path:
    """Write ``model`` (and optionally ``optimizer`` with its state) to ``path`` atomically.

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
        "digest": _digest(arrays),
        # so dropout masks continue where they were: resuming matches never stopping
        "rng_states": _rng_states(model),
    }
    try:
        text = json.dumps(header)
    except (TypeError, ValueError) as err:
        raise ModelFileError(f"{path}: cannot save, info is not JSON-able ({err})") from None
    arrays["header"] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    # np.savez appends .npz unless the name already ends with it, so the temp file must
    with atomic_path(path, suffix=".npz") as tmp:
        # numpy's stub types **kwds as if a key could be its allow_pickle flag
        np.savez(tmp, **arrays)  # type: ignore[arg-type]
    return path


def _fail(path: Path, what: str) -> ModelFileError:
    return ModelFileError(f"{path}: {what}")


def _read_header(path: Path, npz) -> dict:
    if "header" not in npz.files:
        raise _fail(path, "not an nndesk model file (no header)")
    raw = npz["header"]
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise _fail(path, "damaged model file (header is not a byte string)")
    try:
        header = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _fail(path, "damaged model file (header is not valid JSON)") from None
    if not isinstance(header, dict) or header.get("format") != MAGIC:
        raise _fail(path, "not an nndesk model file (header lacks the nndesk marker)")
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail(path, f"damaged model file (format version {version!r})")
    if version != FORMAT_VERSION:
        newer = " written by a newer nndesk" if version > FORMAT_VERSION else ""
        raise _fail(
            path,
            f"unsupported model format version {version}{newer}; this nndesk reads version "
            f"{FORMAT_VERSION}",
        )
    for key, kind in (("model", dict), ("info", dict), ("digest", str)):
        if not isinstance(header.get(key), kind):
            raise _fail(path, f"damaged model file (header field {key!r} missing or malformed)")
    return header


def _read_arrays(path: Path, npz) -> dict[str, np.ndarray]:
    arrays = {}
    for name in npz.files:
        if name == "header":
            continue
        arr = npz[name]  # raises ValueError for object (pickled) arrays: allow_pickle=False
        if arr.dtype.hasobject or arr.dtype.kind not in "fiub":
            raise _fail(path, f"array {name!r} has unsupported dtype {arr.dtype}")
        arrays[name] = arr
    return arrays


def _fill(path: Path, target: dict[str, np.ndarray], prefix: str, arrays: dict) -> None:
    """Copy ``arrays[prefix + name]`` into each ``target[name]`` after checking shape and values."""
    for name, dest in target.items():
        key = prefix + name
        if key not in arrays:
            raise _fail(path, f"missing array {key!r}")
        arr = arrays.pop(key)
        if arr.shape != dest.shape:
            raise _fail(
                path, f"array {key!r} has shape {arr.shape}, the architecture needs {dest.shape}"
            )
        if arr.dtype.kind != "f":
            raise _fail(path, f"array {key!r} is {arr.dtype}, expected floating point")
        if not np.all(np.isfinite(arr)):
            raise _fail(path, f"array {key!r} contains NaN or infinite values")
        dest[...] = arr


def load_model(path: str | os.PathLike) -> LoadedModel:
    """Read a file written by ``save_model``.

    Raises
    ------
    ModelFileError
        ``"<file>: <what is wrong>"`` for a missing, foreign, truncated, tampered or
        unknown-version file.
    """
    path = Path(path)
    if not path.is_file():
        raise _fail(path, "no such model file")
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as err:
        raise _fail(path, f"cannot read ({err.strerror or err})") from None
    # np.load would treat anything that is not a zip or .npy as a pickle: check the magic first
    if magic != b"PK\x03\x04":
        raise _fail(path, "not an nndesk model file (not a zip archive)")
    try:
        with np.load(path, allow_pickle=False) as npz:
            header = _read_header(path, npz)
            arrays = _read_arrays(path, npz)
    except ModelFileError:
        raise
    except ValueError as err:
        if "pickle" in str(err):
            raise _fail(path, "refused: the file contains pickled objects") from None
        raise _fail(path, f"damaged model file ({err})") from None
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, KeyError) as err:
        what = f"{type(err).__name__}: {err}"
        raise _fail(path, f"truncated or damaged archive ({what})") from None

    if _digest(arrays) != header["digest"]:
        raise _fail(path, "contents do not match their checksum (damaged or edited)")
    try:
        model = Sequential.from_config(header["model"])
    except ConfigError as err:
        raise _fail(path, f"bad architecture in header ({err})") from None

    for i, layer in enumerate(model.layers):
        _fill(path, layer.params, f"param/{i}/", arrays)
        _fill(path, _buffers(layer), f"buffer/{i}/", arrays)
    _restore_rng_states(path, model, header.get("rng_states", {}))
    optimizer = None
    if header.get("optimizer") is not None:
        try:
            optimizer = optimizer_from_config(header["optimizer"])
        except (ConfigError, TypeError) as err:
            raise _fail(path, f"bad optimizer in header ({err})") from None
        shapes = {key: p.shape for key, p, _ in model.parameters()}
        state = {}
        for name in [n for n in arrays if n.startswith("opt/")]:
            arr = arrays.pop(name)
            key = name[len("opt/") :]
            if key != "step":
                pkey, _, slot = key.rpartition("/")
                if shapes.get(pkey) != arr.shape or not optimizer.knows_slot(slot):
                    raise _fail(path, f"optimizer array {name!r} does not fit the model")
            elif arr.shape != () or arr.dtype.kind not in "iu":
                raise _fail(path, "optimizer step count is malformed")
            state[key] = arr
        optimizer.load_state_dict(state)
    if arrays:
        raise _fail(path, f"unexpected array {sorted(arrays)[0]!r}")
    return LoadedModel(model=model, info=header["info"], optimizer=optimizer)
