"""The settings block at the top of an exported script (``EPOCHS = ...``, the optimizer's and the
schedule's constants, ``CHANGES`` for a steered run) and the names scripts and notebooks share:
the seeded random streams' purposes and what each steerable setting is called in a script."""

from __future__ import annotations

from nndesk.codegen.experiment import Experiment
from nndesk.codegen.script_lines import fit_line, wrapped_list
from nndesk.codegen.words import Words
from nndesk.training import TrainConfig

#: purposes of nndesk's seeded random streams (nndesk.training.loop: SPLIT, INIT, SHUFFLE, AUGMENT)
SPLIT_STREAM, INIT_STREAM, SHUFFLE_STREAM, AUGMENT_STREAM = 1, 2, 3, 4

#: What each steerable setting is called in a script (the module-level name a change rebinds).
SCRIPT_NAMES = {"lr": "LR", "momentum": "MOMENTUM", "l2": "L2", "dropout": "DROPOUT",
                "batch_size": "BATCH_SIZE", "augment": "AUGMENT", "aug_shift": "AUG_SHIFT",
                "aug_rotate": "AUG_ROTATE", "aug_scale": "AUG_SCALE",
                "schedule_leg": "SCHEDULE"}  # fmt: skip
#: Augmentation settings a script draws with; pen width and sketches it does not reproduce.
AUG_SETTINGS = frozenset({"augment", "aug_shift", "aug_rotate", "aug_scale"})


def augments(cfg: TrainConfig, steered: frozenset) -> bool:
    """Whether the script augments its training images (from the start or once steered to)."""
    return bool(cfg.augment or steered & AUG_SETTINGS)


def _value(change):
    """A change's value in ``CHANGES``: None for a rate given back to the schedule."""
    return None if change.scheduled else change.value


def changes_table(experiment: Experiment) -> list[str]:
    """``CHANGES = [...]``: the run's change record as (epoch, batch, NAME, value) rows."""
    rows = [
        f"    ({c.epoch}, {c.batch}, {SCRIPT_NAMES[c.name]!r}, {_value(c)!r}),"
        for c in experiment.changes
    ]
    given_back = any(c.scheduled for c in experiment.changes)
    return [
        "# The run was steered while it trained (the app's change record): from batch BATCH of",
        "# epoch EPOCH on, the setting took the value; a batch size from the start of its epoch.",
        *(
            ["# LR None: the learning-rate schedule sets the rate again from there."]
            if given_back
            else []
        ),
        "CHANGES = [",
        *rows,
        "]",
    ]


def settings(experiment: Experiment, steered: frozenset, words: Words) -> str:
    """The block of module-level constants a script trains with (the steered ones rebound by
    ``CHANGES``)."""
    cfg = experiment.config
    class_names = words.class_names(experiment.class_names)
    rows = [
        ("MAX_IDX_BYTES", "200_000_000", "far above the 47 MB of MNIST's training images"),
        ("DATASET", repr(experiment.dataset), "IDX files of this dataset"),
        ("FOLDER_NAMES", repr(experiment.folder_names), "sub-folders --data-dir may use"),
        ("CLASS_NAMES", wrapped_list(class_names, len("CLASS_NAMES = ")), None),
        ("EPOCHS", repr(cfg.epochs), None),
        ("BATCH_SIZE", repr(cfg.batch_size), "0: the whole training set is one batch"
         if cfg.full_batch else "images per gradient step"),
        ("LEARNING_RATE", _num(cfg.lr), None),
        ("SEED", repr(cfg.seed), "the same seed gives the same run"),
    ]  # fmt: skip
    if cfg.val_fraction > 0:
        rows.append(("VAL_FRACTION", _num(cfg.val_fraction), "held out of training, per class"))
    if cfg.l2 > 0 or "l2" in steered:
        rows.append(("L2", _num(cfg.l2), "Keras' l2(): L2 * sum(W**2) added to the loss"))
    if "dropout" in steered:
        rows.append(("DROPOUT", _num(cfg.dropout), "the share of units each dropout layer zeroes"))
    if augments(cfg, steered):
        rows += [
            ("AUGMENT", repr(bool(cfg.augment)), "shift, rotate and zoom the training images"),
            ("AUG_SHIFT", _num(cfg.aug_shift), "pixels, at most, either way"),
            ("AUG_ROTATE", _num(cfg.aug_rotate), "degrees, at most, either way"),
            ("AUG_SCALE", _num(cfg.aug_scale), "zoom between 1 - AUG_SCALE and 1 + AUG_SCALE"),
        ]
    if cfg.clip_norm is not None:
        rows.append(("CLIP_NORM", _num(cfg.clip_norm), "gradients rescaled to at most this norm"))
    rows += _optimizer_settings(cfg) + _schedule_settings(cfg)
    if "schedule_leg" in steered:  # a continued run: the first run's schedule spans its own
        first = experiment.chain.start.get("epochs")
        rows.append(("SCHEDULE_EPOCHS", repr(first), "the first run's schedule spans these"))
    lines = ["# -- the experiment's settings ".ljust(99, "-")]
    for name, value, why in rows:
        line = f"{name} = {value}"
        if why:
            line += f"  # {why}"
        lines.append(line)
    if experiment.changes:
        lines += changes_table(experiment)
    return "\n".join(fit_line(line) for line in lines)


def _num(x: float) -> str:
    return repr(float(x))


def _optimizer_settings(cfg: TrainConfig) -> list:
    if cfg.optimizer in ("adam", "adamw"):
        eps = 1e-8 if cfg.eps is None else cfg.eps
        rows = [("BETA1, BETA2", "0.9, 0.999", None), ("EPS", _num(eps), "added to sqrt(v)")]
        return rows
    if cfg.optimizer in ("momentum", "nesterov"):
        return [("MOMENTUM", _num(cfg.momentum), None)]
    if cfg.optimizer == "rmsprop":
        eps = 1e-7 if cfg.eps is None else cfg.eps
        return [("RHO", "0.9", None), ("EPS", _num(eps), "added to sqrt(s)")]
    return []


def _schedule_settings(cfg: TrainConfig) -> list:
    if cfg.schedule == "step":
        return [("STEP_EPOCHS", repr(cfg.schedule_step), None),
                ("GAMMA", _num(cfg.schedule_gamma), None)]  # fmt: skip
    if cfg.schedule == "exp":
        return [("CONSTANT_EPOCHS", repr(cfg.schedule_step), None),
                ("DECAY_RATE", _num(cfg.schedule_rate), None)]  # fmt: skip
    if cfg.schedule == "cosine":
        return [("MIN_LR", _num(cfg.min_lr), None)]
    return []
