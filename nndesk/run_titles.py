"""A run's title: the one nndesk writes from its settings (``describe_config``), and a stored
title as the window shows it, in its language and number format (``title_shown``)."""

from __future__ import annotations

from pathlib import Path

from nndesk.i18n import N_, fill
from nndesk.i18n import shown as shown_text
from nndesk.setting_words import loss_in_title, race_title_shown, setting_text, value_text
from nndesk.settings_schema import BY_NAME

# a run's learning rate in its title: "lr=0.001" stored, "tốc độ học 0,001" shown in Vietnamese
# (a learner can't decode "lr"); the number last, where the Runs legend adds the changed rates
LR_IN_TITLE = N_("lr={lr:g}")
# its batch size: two runs that differ only by it read alike in the Runs list (lab56 D5: the
# 87 % run and a typo'd full-batch one at 58 %); "batch=32" stored, "batch 32" shown
BATCH_IN_TITLE = N_("batch {size}")


def lr_title_prefix() -> str:
    """What the shown title writes before the learning rate ("lr=", "tốc độ học ")."""
    return shown_text(LR_IN_TITLE).split("{lr", 1)[0]


def describe_config(config: dict, shown: bool = False, rate: str = "") -> str:
    """A short label for a run, e.g. ``fashion 784-128-10 relu adam lr=0.001``; ``shown``: in
    the window's words and numbers (``Fashion-MNIST 784-128-10 ReLU Adam tốc độ học 0,001`` in
    Vietnamese, as the Train form names them) for the window to show, not to store (a run's
    stored title stays as Python writes it). ``rate``: said in the rate's place instead (a rate
    set by hand, with the one it replaced)."""
    parts = config_parts(config, shown, rate)
    return joined_shown(parts) if shown else " ".join(text for _kind, text in parts)


#: the settings a shown title says with a label ("tốc độ học 0,001", "batch 32", "điểm ảnh -1
#: đến 1"): each after a comma, so the labels do not run into each other; run together,
#: Vietnamese read "batch 32 điểm ảnh -1 đến 1" as "a batch of 32 pixels" (walk71 F8)
LABELLED_KINDS = ("lr", "batch", "inputs")


def joined_shown(parts: list[tuple[str, str]]) -> str:
    """``config_parts``' shown words as one line: the network's own words ("Fashion-MNIST
    784-64-10 ReLU Adam") by spaces, each labelled setting (``LABELLED_KINDS``) after a comma."""
    line = ""
    for kind, text in parts:
        if line:
            line += ", " if kind in LABELLED_KINDS else " "
        line += text
    return line


def config_parts(config: dict, shown: bool = False, rate: str = "") -> list[tuple[str, str]]:
    """``describe_config``'s words, each with what it says: ("dataset", "Fashion-MNIST"),
    ("arch", …), ("activation", …), ("loss", …), ("optimizer", …), ("lr", …), ("batch", …),
    ("inputs", …), in that order, those a run has; a headline too long for its room drops the
    least useful first (``train_texts.run_headline_forms``)."""
    dataset = str(config.get("dataset", ""))
    parts = [
        ("dataset", Path(dataset).name if ("/" in dataset or "\\" in dataset) else dataset),
        ("arch", str(config.get("arch", config.get("architecture", "")))),
        ("activation", str(config.get("activation", ""))),
        ("optimizer", str(config.get("optimizer", ""))),
    ]
    if shown:  # the dataset's title, the form's labels of the activation and optimizer
        for i, name in ((0, "dataset"), (2, "activation"), (3, "optimizer")):
            if parts[i][1]:
                parts[i] = (parts[i][0], value_text(name, parts[i][1]))
        # an output or loss other than softmax and cross-entropy changes what the network
        # learns: said beside the activation ("ReLU/sigmoid BCE", as the lab presets are)
        loss = loss_in_title(config)
        if loss:
            output_text = shown_text(BY_NAME["output"].short_label(config.get("output", "softmax")))
            activation = parts[2][1]
            parts[2] = ("activation", f"{activation}/{output_text}" if activation else output_text)
            parts.insert(3, ("loss", shown_text(BY_NAME["loss"].short_label(loss))))
    if rate:
        parts.append(("lr", rate))
    elif "lr" in config:
        if shown:
            parts.append(("lr", fill(shown_text(LR_IN_TITLE), lr=config["lr"])))
        else:
            parts.append(("lr", LR_IN_TITLE.format(lr=config["lr"])))
    batch = config.get("batch_size")
    if isinstance(batch, int) and not isinstance(batch, bool) and batch >= 0:
        if not shown:
            parts.append(("batch", f"batch={batch or 'full'}"))
        elif batch == 0:
            # gradient descent's own label says "(full batch)" already: said once (walk65 D13)
            if config.get("optimizer") != "gd":
                parts.append(("batch", setting_text("batch_size", 0)))  # "full batch"
        else:
            size = value_text("batch_size", batch)
            parts.append(("batch", fill(shown_text(BATCH_IN_TITLE), size=size)))
    if config.get("normalize"):
        normalize = str(config["normalize"])
        parts.append(("inputs", value_text("normalize", normalize) if shown else normalize))
    return [(kind, text) for kind, text in parts if text]


def title_as_trained(title: str, stored: dict, config: dict) -> str:
    """A title nndesk wrote from a run's ``stored`` settings, written from the settings it
    trained with (``training.config.as_trained``) instead, as one written before it named the
    batch size too; any other title as it is (the person's own)."""
    if title == describe_config(stored):
        return describe_config(config)
    if title == describe_config(_unbatched(stored)):
        return describe_config(_unbatched(config))
    return title


def _unbatched(config: dict) -> dict:
    return {k: v for k, v in config.items() if k != "batch_size"}


def title_shown(title: str, config: dict) -> str:
    """A run's stored ``title`` as the window shows it: one nndesk wrote from the settings
    (``describe_config``) written again in the window's words and number format ("pixels -1
    to 1", "tốc độ học 0,001"), a race lane's "Adam (race)" translated, any other as it is."""
    # only settings of words and one rate: a hostile record may hold a million numbers
    words = ("dataset", "arch", "architecture", "activation", "optimizer", "normalize")
    if all(isinstance(config.get(k, ""), str) for k in words) and isinstance(
        config.get("lr", 0.0), (int, float)
    ):
        if title == describe_config(config):
            return describe_config(config, shown=True)
        # a title written before it named the batch size: shown as it was, in the window's words
        unbatched = _unbatched(config)
        if title == describe_config(unbatched):
            return describe_config(unbatched, shown=True)
    return race_title_shown(title)
