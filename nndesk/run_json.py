"""Reading a ``run.json`` as someone may have left it: edited by hand, cut short, grown huge.

The bytes are checked before they are parsed (size, number of values, length of texts, digits
of integers), the parse is strict JSON through Python-level hooks (so a worker thread parsing
lets the window run), and each value is checked for the type and range ``nndesk.runs`` needs,
a problem raised as ``RunFileError`` naming the key and what is wrong. Qt-free.
"""

from __future__ import annotations

import codecs
import errno
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from nndesk.errors import NndeskError
from nndesk.i18n import N_, Message

RUN_FILE = "run.json"
#: A run.json larger than this is not read (a real one with every curve is well under 1 MB).
MAX_RUN_FILE_BYTES = 32 * 1024 * 1024
#: Values (counted by their separators) a run.json may hold before it is parsed: a run of
#: 100,000 epochs writes about a million. Parsing holds the interpreter: it must stay short.
MAX_RUN_VALUES = 1_200_000
#: Bytes of one text in run.json (a setting of 4,096 characters, each escaped as \\uXXXX, is
#: under 25,000) and of all its texts together. The JSON parser reads texts without returning to
#: the interpreter: a 30 MB one held the GIL, and so the window, for 0.1-0.27 s.
MAX_TEXT_BYTES = 64 * 1024
MAX_ALL_TEXT_BYTES = 1024 * 1024
#: Digits of an integer in run.json (nndesk writes epochs, sizes and seeds: at most 20).
MAX_INT_DIGITS = 40
#: Characters of a text setting in a run's config (a dataset folder's path is the longest).
MAX_CONFIG_TEXT = 4096


class RunFileError(NndeskError):
    """A run folder or its ``run.json`` is missing, unreadable or does not hold a valid record.
    Raised with ``refused``, so the window says the reason in its language (the CLI: English)."""


def refused(template: str, **values: Any) -> RunFileError:
    """The ``RunFileError`` whose line is ``template`` (marked ``N_``) filled in with ``values``:
    the Runs table said "metrics is null, not an object" in English in the Vietnamese window."""
    return RunFileError.of(template, **values)


def number_or_nan(value: Any) -> float:
    """A float for JSON: None and non-finite values become NaN (stored as null)."""
    try:
        out = float(value)
    except (TypeError, ValueError, OverflowError):
        return math.nan
    return out


# -- checks of what run.json holds -----------------------------------------------------------------
def kind_of(value: Any) -> str:
    """What a JSON value is, in words: "a list", "a number", "null"... (a ``Message``: the
    window says it in its language)."""
    names = {dict: N_("an object"), list: N_("a list"), str: N_("a string"), bool: N_("true/false")}
    if value is None:
        return Message(N_("null"))
    if is_number(value):
        return Message(N_("a number"))
    name = names.get(type(value))
    return Message(name) if name is not None else type(value).__name__


def short_repr(value: Any) -> str:
    """A value for a message, cut to a few dozen characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_whole(value: Any) -> bool:
    """A JSON integer (``true`` and ``false`` are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_finite(value: Any) -> bool:
    """A finite number (huge JSON integers that overflow a float are not)."""
    if not is_number(value):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def list_at(d: dict, key: str, where: str) -> list:
    values = d.get(key, [])
    if not isinstance(values, list):
        raise refused(N_("{key} is {kind}, not a list"), key=where + key, kind=kind_of(values))
    return values


def numbers_at(d: dict, key: str, where: str, limit: int | None = None) -> list[float]:
    """A list of numbers (null allowed, read as NaN), of at most ``limit`` values."""
    values = list_at(d, key, where)
    if limit is not None and len(values) > limit:
        raise refused(
            N_("{key} holds {count:,} values; nndesk reads at most {limit:,}"),
            key=where + key,
            count=len(values),
            limit=limit,
        )
    if all(type(v) is float for v in values):  # what nndesk writes: no per-value checks
        return list(values)
    for v in values:
        if v is not None and not is_number(v):
            raise refused(
                N_("{key} holds {value}, not a number"), key=where + key, value=short_repr(v)
            )
    return [number_or_nan(v) for v in values]


def text_at(d: dict, key: str, default: str = "") -> str:
    value = d.get(key, default)
    if not isinstance(value, str):
        raise refused(N_("{key} is {kind}, not a string"), key=key, kind=kind_of(value))
    return value


def model_file_name(value: Any) -> str | None:
    """The run's model file name: a plain name inside the run folder, never a path."""
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or value in ("", ".", "..")
        or any(c in value for c in "/\\\0:")
        or Path(value).name != value
    ):
        raise refused(
            N_("model_file {value} is not a file name inside the run folder"),
            value=short_repr(value),
        )
    return value


def checked_config(config: Any) -> dict:
    """The run's settings: an object whose known settings have the type ``TrainConfig`` gives
    them (the Runs view formats them); settings this version does not know are kept as they are.
    """
    if not isinstance(config, dict):
        raise refused(N_("{key} is {kind}, not an object"), key="config", kind=kind_of(config))
    from nndesk.settings_schema import FIELDS

    for field in FIELDS:
        if field.name not in config:
            continue
        value = config[field.name]
        if not _holds_kind(field, value):
            raise refused(
                N_("{key} is {value}, not a valid setting"),
                key=f"config.{field.name}",
                value=short_repr(value),
            )
        if field.kind in (int, float) and value is not None:
            # numbers out of the settings' range (epochs -5 was listed "completed"); a choice
            # is not checked: a record of a newer nndesk may name an activation this one lacks
            reason = field.problem(value)
            if reason is not None:
                raise refused(N_("{key}: {reason}"), key=f"config.{field.name}", reason=reason)
    for name, value in config.items():
        if isinstance(value, float) and not math.isfinite(value):
            # kept, it would stop the record being saved again (run.json holds JSON numbers only)
            raise refused(
                N_("{key} is {value}, not a number"),
                key=f"config.{short_text(str(name), 40)}",
                value=value,
            )
        if isinstance(value, str) and len(value) > MAX_CONFIG_TEXT:
            raise refused(
                N_("{key} is {count:,} characters long; nndesk writes at most {limit:,}"),
                key=f"config.{short_text(str(name), 40)}",
                count=len(value),
                limit=MAX_CONFIG_TEXT,
            )
    for name in ("architecture",):  # older records
        if name in config and not isinstance(config[name], str):
            raise refused(
                N_("{key} is {kind}, not a string"),
                key=f"config.{name}",
                kind=short_repr(config[name]),
            )
    return dict(config)


def _holds_kind(field, value: Any) -> bool:
    """Whether ``value`` has the type of setting ``field`` (``settings_schema.Field.kind``):
    a whole number for an int, any finite number for a float, None where the field is optional.
    """
    if value is None:
        return field.optional
    if field.kind is bool:
        return isinstance(value, bool)
    if field.kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if field.kind is float:
        return is_finite(value)
    if field.kind is str:
        return isinstance(value, str)
    return True


#: Bytes of run.json a listing reads before the curves (a record's settings and texts: about
#: 1 KB; one with longer texts is read whole)
HEAD_BYTES = 64 * 1024
#: How nndesk's ``readable_json`` writes the record's last key: the curves, whose lists end it
_CURVES_KEY = b'\n "curves": {\n'
_RECORD_END = b"]\n }\n}"


def record_head(path: Path) -> bytes | None:
    """The record in ``path`` without its curves, as JSON text (``{..."summary": ...}``), when
    the file is laid out as nndesk writes it, its curves last and the file whole to its end;
    else None (it is read whole). Only its first ``HEAD_BYTES`` and last bytes are read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RUN_FILE_BYTES:
                return None
            head = f.read(HEAD_BYTES)
            tail = head
            if info.st_size > len(head):
                f.seek(info.st_size - 2 * len(_RECORD_END))
                tail = f.read()
    except (OSError, ValueError):
        return None
    at = head.find(_CURVES_KEY)
    if at < 1 or head[at - 1 : at] != b"," or not tail.rstrip().endswith(_RECORD_END):
        return None  # not laid out as nndesk writes it, or cut short: read whole
    return head[: at - 1] + b"\n}"


def read_regular_file(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``path``; ``OSError`` unless it is a regular file.

    Opened without blocking and checked on the open descriptor: a plain open() of a named pipe
    waits for a writer forever (the window would never start), and checking before opening
    leaves a gap in which the file can be swapped.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return f.read(limit)


def parse_run_json(data: bytes) -> Any:
    """The JSON value in a ``run.json``'s bytes; ``RunFileError`` if it is not strict JSON.

    A leading UTF-8 byte-order mark (some Windows editors write one) is skipped. A file holding
    more than ``MAX_RUN_VALUES`` values is refused before it is parsed, and numbers go through
    Python-level hooks: the C parser never returns to the interpreter otherwise, so on a thread
    of its own it would still hold the GIL, and the window, for the whole parse.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    # counted and decoded a slice at a time: one C call over 32 MB held the GIL for 0.1-0.6 s
    separators = sum(data.count(b",", i, i + _SLICE) for i in range(0, len(data), _SLICE))
    if separators >= MAX_RUN_VALUES:
        raise refused(
            N_("{file} holds over {limit:,} values; a record nndesk writes holds far fewer"),
            file=RUN_FILE,
            limit=MAX_RUN_VALUES,
        )
    _check_texts(data)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        parts = [decoder.decode(data[i : i + _SLICE]) for i in range(0, len(data), _SLICE)]
        text = "".join([*parts, decoder.decode(b"", final=True)])
    except UnicodeDecodeError:
        raise refused(N_("{file} is not UTF-8 text"), file=RUN_FILE) from None
    try:
        return json.loads(
            text, parse_constant=_no_constant, parse_int=_json_int, parse_float=_json_float
        )
    except RecursionError:
        raise refused(N_("{file} is nested too deeply"), file=RUN_FILE) from None
    except ValueError as err:
        raise refused(
            N_("{file} is not valid JSON ({detail})"), file=RUN_FILE, detail=_short_reason(err)
        ) from None


#: Bytes of run.json counted or decoded in one call (about a millisecond each).
_SLICE = 256 * 1024
#: One JSON text from its opening quote: at most MAX_TEXT_BYTES, then its closing quote if any
_TEXT = re.compile(rb'"(?:[^"\\]|\\.){0,%d}+(")?' % MAX_TEXT_BYTES, re.DOTALL)


def _check_texts(data: bytes) -> None:
    """Refuse ``data`` holding a text over ``MAX_TEXT_BYTES`` or texts over
    ``MAX_ALL_TEXT_BYTES`` together, a text at a time (each match a short call, so the worker
    thread reading it lets the window run between them)."""
    total = 0
    for match in _TEXT.finditer(data):
        if match.group(1) is None and match.end() < len(data):
            raise refused(
                N_("{file} holds a text over {limit:,} bytes long; nndesk writes far shorter ones"),
                file=RUN_FILE,
                limit=MAX_TEXT_BYTES,
            )
        total += match.end() - match.start()
        if total > MAX_ALL_TEXT_BYTES:
            raise refused(
                N_(
                    "{file} holds over {megabytes} MB of text; a record nndesk writes holds "
                    "far less"
                ),
                file=RUN_FILE,
                megabytes=MAX_ALL_TEXT_BYTES >> 20,
            )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _json_int(digits: str) -> int:
    """An integer of run.json; one of more than ``MAX_INT_DIGITS`` digits is refused in words
    (Python's own limit would say "use sys.set_int_max_str_digits()")."""
    if len(digits) > MAX_INT_DIGITS:
        raise refused(
            N_("{file} holds a number {count:,} digits long; nndesk writes at most {limit}"),
            file=RUN_FILE,
            count=len(digits.lstrip("-")),
            limit=MAX_INT_DIGITS,
        )
    return int(digits)


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999: nndesk could not write the record back
        raise ValueError(f"the number {short_text(text, 20)} is out of range")
    return value


def _short_reason(err: ValueError) -> str:
    """The JSON parser's reason, one short line (it can quote the document)."""
    return short_text(" ".join(str(err).split()), 120)


def short_text(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
