"""A model file's JSON header, checked field by field before anything is built or read.

A header comes from a file anyone may have edited, so every field is checked with a named reason,
and every size against limits that are generous for a 28x28 classifier, before one array is
allocated: a header claiming 10^9 units or 3,000 layers is refused at once instead of allocating
gigabytes. ``check_header`` returns the ``Plan``: the checked fields and the shape of every array
the file must hold, so the arrays are checked by their declared shapes before they are read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nndesk.i18n import N_, Message
from nndesk.nn.model import OUTPUTS
from nndesk.nn.registry import LAYER_TYPES

MAGIC = "nndesk-model"
#: 1: the digest covers the arrays only; 2: it covers the header too.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)

MAX_HEADER_BYTES = 4 * 2**20  # the shipped models' headers are ~10 kB (mostly history)
MAX_DEPTH = 16  # JSON nesting; a shipped header nests 5 deep
MAX_LAYERS = 256
MAX_SIZE = 65_536  # any one size in a layer's config (units, channels, kernel, padding)
MAX_ARRAY_VALUES = 50_000_000  # every parameter and buffer together: 200 MB of float32
MAX_ACTIVATION = 4_000_000  # values one layer outputs per sample (784-c32: 25,088)
MAX_CLASSES = 1000
MAX_TEXT = 256  # characters of a class name, dataset name or other text field
MAX_HISTORY = 100_000  # epochs


class HeaderError(Exception):
    """One line saying which header field is wrong and why (the caller adds the file name)."""


def _refused(template: str, **values) -> HeaderError:
    """The HeaderError whose line is ``template`` (marked ``N_`` for translation) filled in:
    its ``Message`` lets the window say it in its language."""
    return HeaderError(Message(template, **values))


@dataclass(frozen=True)
class Plan:
    """A checked header: its fields, and the shape of every array the file must hold."""

    header: dict  # as parsed; format 2's digest covers it
    version: int
    model: dict
    optimizer: dict | None
    info: dict
    digest: str
    rng_states: dict
    arrays: dict[str, tuple[int, ...]]  # "param/<layer>/<name>", "buffer/<layer>/<name>"


def depth(value) -> int:
    """How deeply lists and dicts nest in ``value`` (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level + 1)
            if level + 1 > MAX_DEPTH:
                break
            stack.extend((v, level + 1) for v in item)
    return deepest


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return (_is_int(v) or isinstance(v, float)) and math.isfinite(v)


def _scalar(v) -> bool:
    """JSON null, bool, number (a diverged run's loss may be NaN) or short text."""
    return v is None or isinstance(v, (bool, int, float)) or _text(v)


def _text(v, limit: int = MAX_TEXT) -> bool:
    return isinstance(v, str) and len(v) <= limit


def _shape(name: str, value, low: int = 1) -> tuple[int, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= 4:
        raise _refused(
            N_("{name} must be a list of 1 to 4 sizes, got {value!r:.60}"), name=name, value=value
        )
    for v in value:
        if not _is_int(v) or not low <= v <= MAX_SIZE:
            raise _refused(
                N_("{name} holds {v!r:.40}; sizes are whole numbers {low}..{high}"),
                name=name,
                v=v,
                low=low,
                high=MAX_SIZE,
            )
    return tuple(value)


def _layer_arrays(index: int, cfg) -> dict[str, tuple[int, ...]]:
    """Check one layer config's values; return its arrays' shapes, keyed with the layer index."""
    where = Message(N_("layer {index}"), index=index)
    if not isinstance(cfg, dict):
        raise _refused(N_("{where} is not an object"), where=where)
    kind = cfg.get("type")
    if not isinstance(kind, str) or kind not in LAYER_TYPES:
        raise _refused(N_("{where}: unknown layer type {kind!r:.40}"), where=where, kind=kind)
    cls = LAYER_TYPES[kind]
    where = Message("{where} ({kind})", where=where, kind=kind)
    kwargs = {}
    for key, v in cfg.items():
        if key == "type":
            continue
        if key == "seed":
            ok = v is None or (_is_int(v) and 0 <= v < 2**63)
        elif _is_int(v):
            if v > MAX_SIZE:
                raise _refused(
                    N_("{where}: {key} = {v:,} is over the limit of {limit:,}"),
                    where=where,
                    key=key,
                    v=v,
                    limit=MAX_SIZE,
                )
            ok = v >= 0
        elif isinstance(v, float):
            ok = math.isfinite(v) and abs(v) <= 1e6
        elif isinstance(v, list):
            _shape(Message("{where} {key}", where=where, key=key), v)
            ok = True
        else:
            ok = v is None or isinstance(v, bool) or _text(v, 64)
        if not ok:
            raise _refused(
                N_("{where}: {key} = {v!r:.40} is not a sane value"), where=where, key=key, v=v
            )
        kwargs[key] = v
    try:
        shapes = cls.array_shapes(kwargs)
    except (TypeError, ValueError) as err:
        raise _refused(N_("{where}: malformed config ({err})"), where=where, err=str(err)) from None
    except KeyError as err:
        raise _refused(N_("{where}: config lacks {err}"), where=where, err=str(err)) from None
    return {f"{k.split('/')[0]}/{index}/{k.split('/')[1]}": s for k, s in shapes.items()}


def _check_model(cfg) -> dict[str, tuple[int, ...]]:
    if not isinstance(cfg, dict):
        raise _refused(N_("field 'model' must be an object"))
    layers = cfg.get("layers")
    if not isinstance(layers, list) or not layers:
        raise _refused(N_("field 'model.layers' must be a non-empty list"))
    if len(layers) > MAX_LAYERS:
        raise _refused(
            N_("the model claims {n:,} layers; at most {limit} load"),
            n=len(layers),
            limit=MAX_LAYERS,
        )
    input_shape = _shape("field 'model.input_shape'", cfg.get("input_shape"))
    if math.prod(input_shape) > MAX_ACTIVATION:
        raise _refused(N_("input shape {shape} is too large"), shape=str(input_shape))
    if cfg.get("output") not in OUTPUTS:
        raise _refused(
            N_("unknown output {output!r:.40}; expected one of {choices}"),
            output=cfg.get("output"),
            choices=", ".join(OUTPUTS),
        )
    arrays: dict[str, tuple[int, ...]] = {}
    for i, layer in enumerate(layers):
        arrays.update(_layer_arrays(i, layer))
    total = sum(math.prod(s) for s in arrays.values())
    if total > MAX_ARRAY_VALUES:
        raise _refused(
            N_("the model claims {n:,} parameters; at most {limit:,} load"),
            n=total,
            limit=MAX_ARRAY_VALUES,
        )
    return arrays


def _check_optimizer(cfg) -> None:
    if cfg is None:
        return
    if not isinstance(cfg, dict):
        raise _refused(N_("field 'optimizer' must be an object or null"))
    if not _text(cfg.get("name"), 32):
        raise _refused(N_("optimizer name {name!r:.40} is not a name"), name=cfg.get("name"))
    if not _is_number(cfg.get("lr")) or cfg["lr"] < 0:
        raise _refused(
            N_("optimizer learning rate {lr!r:.40} is not a number >= 0"), lr=cfg.get("lr")
        )
    for key, v in cfg.items():
        if not _scalar(v):
            raise _refused(
                N_("optimizer setting {key!r:.40} = {v!r:.40} is not a plain value"), key=key, v=v
            )


def _numbers(name: str, v, per_pixel: bool, positive: bool) -> None:
    """A normalisation statistic: null, one number, or 784 numbers when per pixel."""
    if v is None:
        return
    values = v if isinstance(v, list) else [v]
    if isinstance(v, list) and (not per_pixel or len(v) != 784):
        raise _refused(
            N_("normalisation {name} must be one number, or 784 when per pixel"), name=name
        )
    for x in values:
        if not _is_number(x):
            raise _refused(
                N_("normalisation {name} holds {x!r:.40}, not a finite number"), name=name, x=x
            )
        if positive and x <= 0:
            raise _refused(N_("normalisation {name} must be positive, got {x!r}"), name=name, x=x)


#: The temperatures a model file may hold (``nndesk.calibration`` fits within the same range).
MIN_TEMPERATURE, MAX_TEMPERATURE = 0.05, 20.0


def _check_calibration(cal, present: bool) -> None:
    """``info.calibration``: absent (temperature 1), or an object whose ``temperature`` is a
    finite number in MIN_TEMPERATURE..MAX_TEMPERATURE and whose other fields are plain values."""
    if not present:
        return
    if not isinstance(cal, dict):
        raise _refused(N_("field 'info.calibration' must be an object"))
    t = cal.get("temperature")
    if not (_is_number(t) and isinstance(t, (int, float))) or not (
        MIN_TEMPERATURE <= t <= MAX_TEMPERATURE
    ):
        raise _refused(
            N_("calibration temperature {t!r:.40} is not a number in {low:g}..{high:g}"),
            t=t,
            low=MIN_TEMPERATURE,
            high=MAX_TEMPERATURE,
        )
    for key, v in cal.items():
        if not _scalar(v):
            raise _refused(N_("calibration field {key!r:.40} is not a plain value"), key=key)


def class_name_problem(name) -> str | None:
    """Why ``name`` cannot be a class name in a model file (it is printed on terminals and
    drawn in charts), or None. The image-folder reader asks this of every class folder, so
    no model is trained under names its own file would refuse."""
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_TEXT:
        return f"is not a short non-empty text (at most {MAX_TEXT} characters)"
    if not name.isprintable():  # terminal escapes, bells, line breaks, bidi controls
        return "holds control characters"
    return None


def check_info(info) -> None:
    """The fields of ``info`` the app reads, when present: types, counts and ranges."""
    if not isinstance(info, dict):
        raise _refused(N_("field 'info' must be an object"))
    names = info.get("class_names")
    if names is not None:
        if not isinstance(names, list) or not 1 <= len(names) <= MAX_CLASSES:
            raise _refused(
                N_("class names must be a list of 1 to {limit} names"), limit=MAX_CLASSES
            )
        for name in names:
            if not isinstance(name, str) or not name.strip() or len(name) > MAX_TEXT:
                raise _refused(
                    N_("class name {name!r:.40} is not a short non-empty text"), name=name
                )
            if not name.isprintable():  # terminal escapes, bells, line breaks, bidi controls
                raise _refused(N_("class name {name!r:.40} holds control characters"), name=name)
    for key in ("dataset", "preprocess"):
        if key in info and not _text(info[key]):
            raise _refused(
                N_("field 'info.{key}' must be a short text, got {v!r:.40}"), key=key, v=info[key]
            )
    norm = info.get("normalization")
    if norm is not None:
        if not isinstance(norm, dict) or not _text(norm.get("kind"), 32):
            raise _refused(N_("normalisation must be an object with a 'kind'"))
        per_pixel = norm.get("per_pixel", False)
        if not isinstance(per_pixel, bool):
            raise _refused(
                N_("normalisation per_pixel must be true or false, got {v!r}"), v=per_pixel
            )
        _numbers("mean", norm.get("mean"), per_pixel, positive=False)
        _numbers("std", norm.get("std"), per_pixel, positive=True)
    history = info.get("history")
    if history is not None:
        if not isinstance(history, list) or len(history) > MAX_HISTORY:
            raise _refused(N_("field 'info.history' must be a list of epochs"))
        for row in history:
            if not isinstance(row, dict) or not all(_scalar(v) for v in row.values()):
                raise _refused(N_("an epoch of 'info.history' is not an object of plain values"))
            if "epoch" in row and not (_is_int(row["epoch"]) and row["epoch"] >= 0):
                raise _refused(
                    N_("history epoch {epoch!r:.40} is not a whole number"), epoch=row["epoch"]
                )
    _check_calibration(info.get("calibration", None), "calibration" in info)
    for key in ("config", "config_at_start", "settings_at_end", "metrics"):
        value = info.get(key)
        if value is None:
            continue
        if not isinstance(value, dict) or not all(_scalar(v) for v in value.values()):
            raise _refused(N_("field 'info.{key}' must be an object of plain values"), key=key)
    for key, value in (info.get("metrics") or {}).items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise _refused(
                N_("metric {key!r:.40} is {value!r:.40}, not a number"), key=key, value=value
            )


def check_header(header) -> Plan:
    """Check every field of a parsed header; the ``Plan`` to load it by, or ``HeaderError``."""
    if not isinstance(header, dict) or header.get("format") != MAGIC:
        raise _refused(N_("not an nndesk model file (header lacks the nndesk marker)"))
    if depth(header) > MAX_DEPTH:
        raise _refused(N_("header nests deeper than {limit} levels"), limit=MAX_DEPTH)
    version = header.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refused(N_("format version {version!r:.40} is not a number"), version=version)
    if version not in READABLE_VERSIONS:
        readable = ", ".join(str(v) for v in READABLE_VERSIONS)
        if version > FORMAT_VERSION:
            raise _refused(
                N_(
                    "unsupported model format version {version} written by a newer nndesk; "
                    "this nndesk reads versions {readable}"
                ),
                version=version,
                readable=readable,
            )
        raise _refused(
            N_("unsupported model format version {version}; this nndesk reads versions {readable}"),
            version=version,
            readable=readable,
        )
    digest = header.get("digest")
    if not isinstance(digest, str) or len(digest) != 64:
        raise _refused(N_("field 'digest' missing or malformed"))
    arrays = _check_model(header.get("model"))
    _check_optimizer(header.get("optimizer"))
    check_info(header.get("info"))
    rng_states = header.get("rng_states", {})
    if not isinstance(rng_states, dict) or not all(
        isinstance(v, dict) for v in rng_states.values()
    ):
        raise _refused(N_("field 'rng_states' malformed"))
    return Plan(
        header=header,
        version=version,
        model=header["model"],
        optimizer=header.get("optimizer"),
        info=header["info"],
        digest=digest,
        rng_states=rng_states,
        arrays=arrays,
    )
