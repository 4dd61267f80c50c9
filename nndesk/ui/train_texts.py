"""The Train page's words for a run: its headline, how it ended, what it kept, time left.

Pure functions of a run's facts, in the window's language (their messages keep the
``TrainingPanel`` translation context, the page that shows them).
"""

from __future__ import annotations

import math

from nndesk.controllers.datasets import TITLES
from nndesk.i18n import QT_TRANSLATE_NOOP, localised
from nndesk.runs import describe_config
from nndesk.setting_changes import SettingChange
from nndesk.ui.language import integer, translate, translate_marked

#: How the progress bar names the way a run ended.
VERDICTS = {
    "completed": QT_TRANSLATE_NOOP("TrainingPanel", "Finished"),
    "stopped": QT_TRANSLATE_NOOP("TrainingPanel", "Stopped"),
    "diverged": QT_TRANSLATE_NOOP("TrainingPanel", "Diverged"),
}
#: A continued run's headline by (it has ended, it goes on after epoch 1, it keeps a setting the
#: last run ended with); "Continuing epoch 1" is a run that stopped inside its first epoch.
CONTINUED_HEADLINES = {
    (False, True, True): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continuing in epoch {epoch}, keeping {kept}: {settings}"
    ),
    (False, True, False): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continuing in epoch {epoch}: {settings}"
    ),
    (False, False, True): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continuing epoch 1, keeping {kept}: {settings}"
    ),
    (False, False, False): QT_TRANSLATE_NOOP("TrainingPanel", "Continuing epoch 1: {settings}"),
    (True, True, True): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continued from epoch {epoch}, keeping {kept}: {settings}"
    ),
    (True, True, False): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continued from epoch {epoch}: {settings}"
    ),
    (True, False, True): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continued from epoch 1, keeping {kept}: {settings}"
    ),
    (True, False, False): QT_TRANSLATE_NOOP("TrainingPanel", "Continued from epoch 1: {settings}"),
}


def format_eta(seconds: float) -> str:
    """``75.2`` -> ``"1:15"``, ``3725`` -> ``"1:02:05"``; unknown -> ``"—"``."""
    if not math.isfinite(seconds) or seconds < 0:
        return "—"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def kept_text(kept: dict) -> str:
    """What a continued run kept from the last one, in the window's words: "lr 0.0003"."""
    said = ", ".join(
        SettingChange(0, 1, 1, name, value).shown_text()
        for name, value in kept.items()
        if name != "schedule"
    )
    if "schedule" in kept:
        said += translate("TrainingPanel", " (schedule: constant)")
    return said


def dataset_title(name) -> str:
    """How the window names a dataset: "MNIST", "Fashion-MNIST", an image folder's path."""
    return TITLES.get(str(name), str(name))


def run_headline(facts: dict) -> str:
    """The headline of a run from its facts (``TrainingPanel._headline``'s "run" entry): its
    settings, with what a continued run continues from and keeps said first (a narrow page
    cuts the settings, not this)."""
    steered = ", ".join(
        SettingChange(0, 1, 1, name, value).shown_text() for name, value in facts["steered"].items()
    )
    settings = f"{describe_config(facts['config'], shown=True)}"
    settings += f"{' · ' if steered else ''}{steered}"
    first_epoch, kept = facts["first_epoch"], kept_text(facts["kept"])
    if first_epoch == 1 and not facts["continuing"]:
        return settings
    # said first: a narrow page cuts the settings, not this
    shape = (bool(facts.get("ended")), first_epoch > 1, bool(kept))
    return translate_marked("TrainingPanel", CONTINUED_HEADLINES[shape]).format(
        epoch=integer(first_epoch), kept=kept, settings=settings
    )


def ended_message(ended, epochs: tuple[int, int] | None) -> str:
    """How a run over ``epochs`` (its first and last epoch) ended, in the window's language
    where nndesk words it itself."""
    if ended.reason == "stopped" and ended.message.startswith("stopped by request"):
        # after the verdict "Stopped:" the loop's "stopped by request in ..." said it twice
        return translate("TrainingPanel", "at your request, in epoch {epoch}").format(
            epoch=integer(ended.epochs_done + 1)
        )
    if ended.reason != "completed" or epochs is None:
        return localised(ended.message)
    first, last = epochs
    n = last - first + 1
    if first > 1 and n == 1:  # a continued run: "trained 2 epochs" miscounted its part epoch
        return translate("TrainingPanel", "trained epoch {epoch}").format(epoch=integer(last))
    if first > 1:
        return translate("TrainingPanel", "trained epochs {first} to {last}").format(
            first=integer(first), last=integer(last)
        )
    if n == 1:
        return translate("TrainingPanel", "trained 1 epoch")
    return translate("TrainingPanel", "trained {n} epochs").format(n=integer(n))
