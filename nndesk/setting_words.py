"""A run's settings in the window's words: "learning rate 0.001", "pixels -1 to 1", "ReLU".

Qt-free, like ``runs``: the words are marked with ``N_`` (or are the settings table's own labels
and choice labels) and go through ``nndesk.i18n.shown``, so the window shows them in its
language ("tốc độ học 0,001") while scripts and the CLI keep English. A run's stored title and
config keep their own words (``symmetric``, ``epochs``); only what the window shows changes.

Used wherever the window names a run by its settings: the Runs chart's legend (what differs
between the selected runs), the Runs table, the Race summary.
"""

from __future__ import annotations

import reprlib
from pathlib import Path
from typing import Any

from nndesk.data.registry import DATASETS
from nndesk.i18n import N_, fmt, power_of_ten, shown
from nndesk.settings_schema import BY_NAME

ON_OFF = {True: N_("on"), False: N_("off")}
# a batch size of 0: the whole training split at once
FULL_BATCH = N_("full batch")
# what a race lane's run is titled with after its name (the stored title keeps "(race)")
RACE_SUFFIX = " (race)"
RACE_SHOWN = N_("{name} (race)")

#: settings whose value names itself ("ReLU", "Adam", "784-32-10", "pixels -1 to 1", "MNIST",
#: "binary cross-entropy"): the value is shown alone (a legend has room for three settings);
#: every other setting is shown after its label ("epochs 3")
NAMES_ITSELF = ("dataset", "arch", "architecture", "activation", "optimizer", "normalize", "loss")
#: settings whose choices read in running text by their short label ("pixels -1 to 1"; the
#: form's "[-1, 1]  (x / 127.5 - 1)" is a formula); other choices read as the form names them
SHORT_IN_TEXT = ("normalize",)
#: shares the Train form shows as percentages ("validation 10%", not "validation 0.1")
PERCENT_SETTINGS = ("val_fraction",)


def dataset_text(value: str) -> str:
    """A dataset setting as the window names it: "MNIST", "Fashion-MNIST", or a folder's
    name (a run trained on a folder of images stores its path)."""
    spec = DATASETS.get(value)
    if spec is not None:
        return spec.short_title
    return Path(value).name if ("/" in value or "\\" in value) else value


def value_text(name: str, value: Any) -> str:
    """``value`` of setting ``name`` in the window's words: a choice by its label ("ReLU",
    "pixels -1 to 1"), a number in the window's format ("0,001"), a switch "on"/"off", a
    setting the run did not have as "—", anything else not in the table as a short repr."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return shown(ON_OFF[value])
    if isinstance(value, str):
        if name == "dataset":
            return dataset_text(value)
        field = BY_NAME.get(name)
        if field is None or value not in field.choices:
            return value
        short = name in SHORT_IN_TEXT
        return shown(field.short_label(value) if short else field.choice_label(value))
    if isinstance(value, (int, float)):
        if name == "batch_size" and value == 0:
            return shown(FULL_BATCH)
        if name in PERCENT_SETTINGS and isinstance(value, float):
            return fmt(value, ".0%") if round(value * 100, 6).is_integer() else fmt(value, ".1%")
        if name == "seed":
            return str(value)  # a name for the run's random draws, not a count: never grouped
        # counts grouped as the window groups them ("1.000" in Vietnamese)
        # an exponent as a power of ten ("1×10⁻⁵"), as the Train form's fields write it
        return fmt(value, ",") if isinstance(value, int) else power_of_ten(fmt(value, "g"))
    return reprlib.repr(value)


def label_text(name: str) -> str:
    """The setting's label as the Train form shows it, in running text: "learning rate",
    "tốc độ học" ("L2" and other names of capitals stay as they are); a key the settings
    table does not know (an older or hand-edited record) as it is."""
    field = BY_NAME.get(name)
    if field is None:
        return name
    label = shown(field.label)
    if len(label) > 1 and label[1].islower():
        label = label[0].lower() + label[1:]
    return label


def setting_text(name: str, value: Any) -> str:
    """One setting in the window's words: "epochs 3", "learning rate 0.001", "ReLU",
    "pixels -1 to 1", "batch size 64", "augment on"."""
    if name == "batch_size" and value == 0:
        return shown(FULL_BATCH)
    if name in NAMES_ITSELF and isinstance(value, str):
        return value_text(name, value)
    return f"{label_text(name)} {value_text(name, value)}"


def loss_in_title(config: dict) -> str:
    """The loss a run's one-line title names beside its output ("ReLU/sigmoid BCE"): only an
    output and loss other than softmax and cross-entropy change what the network learns; ""
    when the title names none."""
    output, loss = config.get("output", "softmax"), config.get("loss", "ce")
    if (output, loss) == ("softmax", "ce"):
        return ""
    if output not in BY_NAME["output"].choices or loss not in BY_NAME["loss"].choices:
        return ""
    return loss


def title_key(config: dict) -> str:
    """What a run title's short loss stands for, in the window's words ("BCE: entropy chéo
    nhị phân"): titles keep the standard abbreviation (the glossary's rule for short places),
    and the tooltip of a place that shows one says it whole; "" when the title names none."""
    loss = loss_in_title(config)
    if not loss:
        return ""
    field = BY_NAME["loss"]
    return f"{shown(field.short_label(loss))}: {shown(field.choice_label(loss))}"


def is_race_lane(title: str) -> bool:
    """Whether a run titled ``title`` (as stored) was a race's lane kept as a run."""
    return title.endswith(RACE_SUFFIX) and len(title) > len(RACE_SUFFIX)


def race_title_shown(title: str) -> str:
    """A race lane's run title ("Adam (race)", as stored) in the window's words."""
    if is_race_lane(title):
        return shown(RACE_SHOWN).format(name=title[: -len(RACE_SUFFIX)])
    return title
