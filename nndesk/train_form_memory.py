"""The Train form of each mode as the settings file keeps it between launches (walk60 D7n).

A student set up a lab by hand (2 epochs, an exp schedule), quit, and the next start showed
the lab preset's 5 epochs: Continue then trained to a number they never chose. Each mode's form
is saved as one JSON text (``form_text``) and read back field by field (``read_form``): the
file is anyone's to edit, so a value a field refuses is that field's default (the mode's lab
preset's), named in one line; the rest of the form is kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from nndesk.errors import NndeskError
from nndesk.settings_schema import FIELDS
from nndesk.training.config import TrainConfig

#: longer than any form nndesk writes (about 900 characters): a value this long is not one
MAX_FORM_CHARS = 8192
#: longer than any layers anyone types (the one text field of a form without choices)
MAX_ARCH_CHARS = 400
#: the name ``read_form`` gives a refused entry that holds no form at all
WHOLE_FORM = "form"


@dataclass(frozen=True)
class SavedForm:
    """A mode's form as read back: its settings, its preset's name ("" for custom), the
    names of the fields (or ``WHOLE_FORM``) whose saved value was refused, and the preset a
    custom form was edited from ("" none, or an older version's file)."""

    config: TrainConfig
    preset: str
    refused: tuple[str, ...] = ()
    edited_from: str = ""


def form_text(config: TrainConfig, preset: str, edited_from: str = "") -> str:
    """``config``, its preset's name ("" for custom) and the preset a custom one was edited
    from ("" none) as the settings file keeps them."""
    settings = config.to_dict()
    settings.pop("dataset")  # a mode's form is on that mode's dataset
    kept = {"preset": preset, "settings": settings}
    if edited_from:
        kept["edited_from"] = edited_from
    return json.dumps(kept, sort_keys=True)


def read_form(value: object, default: TrainConfig) -> SavedForm:
    """The form saved as ``value`` (what the settings file held: any type), each field that
    reads taken over ``default`` (the mode's lab preset), on ``default``'s dataset. A field
    left out (an older version's file) is its default silently; one refused is named."""
    data = _json_object(value)
    settings = data.get("settings") if data is not None else None
    if not isinstance(settings, dict):
        unset = value is None or (isinstance(value, str) and not value.strip())
        return SavedForm(default, "", () if unset else (WHOLE_FORM,))
    values = default.to_dict()
    refused: list[str] = []
    for field in FIELDS:
        if field.name == "dataset" or field.name not in settings:
            continue  # a mode's form is on that mode's dataset
        item = settings[field.name]
        if field.kind is float and isinstance(item, int) and not isinstance(item, bool):
            item = float(item) if abs(item) < 2**53 else math.inf  # JSON writes 2.0 as 2.0
        too_long = isinstance(item, str) and len(item) > MAX_ARCH_CHARS
        if field.problem(item) is None and not too_long:
            values[field.name] = item
        else:
            refused.append(field.name)
    config = _valid(values, default, refused)
    preset = _name(data.get("preset"))
    # which preset a custom form came from is a note, not a setting: one that does not read
    # (or names no preset: the form checks) is left unsaid, not refused
    return SavedForm(config, preset, tuple(refused), _name(data.get("edited_from")))


def _name(value: object) -> str:
    """A preset's name as the file holds it ("" for anything else)."""
    return value if isinstance(value, str) and len(value) <= MAX_ARCH_CHARS else ""


def _json_object(value: object) -> dict | None:
    if not isinstance(value, str) or len(value) > MAX_FORM_CHARS:
        return None
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _valid(values: dict, default: TrainConfig, refused: list[str]) -> TrainConfig:
    """The settings ``values`` when they go together; else the layers, then the output and
    loss, go back to ``default``'s (named in ``refused``); else ``default`` itself."""
    for fallback in ((), ("arch",), ("arch", "output", "loss")):
        for name in fallback:
            if values[name] != getattr(default, name) and name not in refused:
                refused.append(name)
            values[name] = getattr(default, name)
        try:
            return TrainConfig(**values).validate()
        except (NndeskError, ValueError, TypeError, OverflowError):
            continue
    refused.append(WHOLE_FORM)
    return default
