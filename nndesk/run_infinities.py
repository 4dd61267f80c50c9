"""Infinite values in a ``run.json``: a diverged run's loss can be ∞, and JSON has no infinity.

A record was written with inf made null, so it read back as NaN: the Runs page said "loss NaN,
off the chart" for a loss that had overflowed to ∞, as for one that was not a number at all.
Now the value is still written null (strict JSON, and what an older nndesk reads as before)
and its place is listed under the record's ``"infinite"`` key, one ``[place, sign]`` each: the
place a list of keys and indices from the record's top (``["curves", "batch_loss", 17]``,
``["metrics", "test_loss"]``), the sign 1 for ∞, -1 for -∞. Reading puts the infinities back.
A record without the key (every older one) reads null as NaN, as before.

Only where a run's numbers can overflow is marked: the metrics (at any depth) and the loss
columns of the curves. A setting is never infinite (the settings' checks refuse it); one in
a hand-edited record is written null, as before. Qt-free.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from nndesk.i18n import N_
from nndesk.run_json import refused, short_repr

#: the record's key listing where its infinities are
KEY = "infinite"
#: places a record lists at most (a diverged run has a few: its last batch, its epoch, its test)
MAX_MARKS = 1000
#: keys and indices of a place at most (the metrics nest a few levels: per_class.<name>.f1)
MAX_PLACE = 12
#: the curves' columns that may hold ∞: the losses
LOSS_COLUMNS = ("batch_loss", "train_loss", "val_loss", "test_loss")
_ROOTS = ("metrics", "curves")


def json_safe(value: Any, place: list | None = None, found: list | None = None) -> Any:
    """``value`` with every float JSON cannot hold (inf, nan) made None, at any depth; with
    ``found``, the ``[place, sign]`` of each infinity (``place`` being ``value``'s own) is
    appended to it (at most ``MAX_MARKS``; a place of a key that is not text is not listed)."""
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        if (
            found is not None
            and place is not None
            and math.isinf(value)
            and len(found) < MAX_MARKS
            and len(place) <= MAX_PLACE
        ):
            found.append([list(place), 1 if value > 0 else -1])
        return None
    if isinstance(value, dict):
        return {
            k: json_safe(v, _deeper(place, k) if isinstance(k, str) else None, found)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        if all(type(v) is float and math.isfinite(v) for v in value):
            return list(value)  # a curve as nndesk writes it: no walk per value
        return [json_safe(v, _deeper(place, i), found) for i, v in enumerate(value)]
    return value


def _deeper(place: list | None, step: str | int) -> list | None:
    return None if place is None else [*place, step]


def restore(d: Any) -> Any:
    """Record ``d`` as read from ``run.json`` with the infinities its ``"infinite"`` key lists
    put back (``d`` itself is left as it is); ``d`` as it is when it lists none. A listed place
    that holds anything but null, or is not there (a listing reads a record without its
    curves), is left alone. ``RunFileError`` when the key is not a list of ``[place, 1 or
    -1]``."""
    if not isinstance(d, dict) or d.get(KEY) is None:
        return d
    marks = d[KEY]
    if not isinstance(marks, list) or len(marks) > MAX_MARKS:
        raise refused(
            N_("{key} is {value}, not a short list of places"), key=KEY, value=short_repr(marks)
        )
    out = dict(d)
    copied: set[str] = set()
    for mark in marks:
        place, sign = _checked(mark)
        root = place[0]
        if root not in _ROOTS or not _may_hold_infinity(place):
            continue  # a place a newer nndesk marks, perhaps: read as null, as before
        if root not in copied:
            out[root] = copy.deepcopy(out.get(root))
            copied.add(root)
        _put(out[root], place[1:], math.inf * sign)
    return out


def _checked(mark: Any) -> tuple[list, int]:
    ok = (
        isinstance(mark, list)
        and len(mark) == 2
        and isinstance(mark[0], list)
        and 1 <= len(mark[0]) <= MAX_PLACE
        and isinstance(mark[0][0], str)
        and all(isinstance(s, str) or (type(s) is int and s >= 0) for s in mark[0])
        and type(mark[1]) is int
        and mark[1] in (1, -1)
    )
    if not ok:
        raise refused(
            N_("{key} holds {value}, not [place, 1 or -1]"), key=KEY, value=short_repr(mark)
        )
    return mark[0], mark[1]


def _may_hold_infinity(place: list) -> bool:
    if place[0] == "metrics":
        return len(place) >= 2
    return len(place) == 3 and place[1] in LOSS_COLUMNS and type(place[2]) is int


def _put(container: Any, steps: list, value: float) -> None:
    """``value`` at ``steps`` inside ``container`` when a null is there; else nothing."""
    for i, step in enumerate(steps):
        if isinstance(container, dict) and isinstance(step, str) and step in container:
            at: Any = step
        elif isinstance(container, list) and type(step) is int and step < len(container):
            at = step
        else:
            return
        if i == len(steps) - 1:
            if container[at] is None:
                container[at] = value
            return
        container = container[at]
