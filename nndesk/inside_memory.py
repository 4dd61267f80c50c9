"""The Inside page's choices as the settings file keeps them between launches (fixW #4).

A student clicked a unit of the second layer, read its arithmetic on the Softmax tab at a
temperature she set, quit, and the next start showed the first layer's busiest unit again,
where the Why page remembered its method. The page's choices are saved as one JSON text
(``choice_text``) and read back value by value (``read_choice``): the file is anyone's to edit,
so a value that is not one the page can show counts as unset, never as an error. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

#: the Softmax temperature slider's range (log10(T) * 20: T from 0.1 to 10)
TEMPERATURE_STEPS = (-20, 20)
#: the bottom panel's tabs on a narrow page: 0 Arithmetic, 1 Softmax
TABS = (0, 1)
#: longer than any choice nndesk writes (about 80 characters): a value this long is not one
MAX_CHOICE_CHARS = 1024
#: larger than any layer index, unit, channel or pixel of a network the page draws
MAX_INDEX = 1_000_000


@dataclass(frozen=True)
class InsideChoice:
    """What the Inside page shows of a drawing: the unit or feature-map pixel clicked
    (``("dense", layer, unit)`` or ``("pixel", layer, channel, row, col)``; None: the page's
    own pick), the bottom tab of a narrow page and the softmax temperature's step."""

    selection: tuple | None = None
    tab: int = 0
    temperature: int = 0


def choice_text(choice: InsideChoice) -> str:
    """``choice`` as the settings file keeps it."""
    selection = list(choice.selection) if choice.selection is not None else None
    kept = {"selection": selection, "tab": choice.tab, "temperature": choice.temperature}
    return json.dumps(kept, sort_keys=True)


def read_choice(value: object) -> InsideChoice:
    """The choice saved as ``value`` (what the settings file held: any type), each part that
    reads as one the page can show, the others as unset."""
    data = None
    if isinstance(value, str) and len(value) <= MAX_CHOICE_CHARS:
        try:
            data = json.loads(value)
        except (ValueError, RecursionError):
            data = None
    if not isinstance(data, dict):
        return InsideChoice()
    tab = _whole(data.get("tab"))
    temperature = _whole(data.get("temperature"))
    low, high = TEMPERATURE_STEPS
    return InsideChoice(
        selection=read_selection(data.get("selection")),
        tab=tab if tab in TABS else 0,
        temperature=temperature if temperature is not None and low <= temperature <= high else 0,
    )


def read_selection(value: object) -> tuple | None:
    """A unit (``["dense", layer, unit]``) or a feature-map pixel (``["pixel", layer, channel,
    row, col]``) as a tuple the page takes, else None."""
    if not isinstance(value, list) or not value:
        return None
    kind, numbers = value[0], [_whole(v) for v in value[1:]]
    if (kind, len(numbers)) not in (("dense", 2), ("pixel", 4)):
        return None
    if any(n is None or not 0 <= n <= MAX_INDEX for n in numbers):
        return None
    return (kind, *numbers)


def _whole(value: object) -> int | None:
    """``value`` when it is a whole number (never a bool), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None
