"""A steered run in a Keras notebook: its change record and the loop that replays it.

nndesk records each setting changed while a run trained (``setting_changes.SettingChange``) at
the batch it took effect. ``fit`` cannot change settings between batches, so the notebook of a
steered run trains with ``train_on_batch`` in a loop of its own (nndesk's batch order) and makes
each change before its batch, where Keras keeps that setting:

- the learning rate: the optimiser's variable, fixed from then on (the app's rule: a rate set by
  hand replaces the schedule);
- momentum: ``optimizer.momentum``; L2: one ``L2`` regulariser shared by every layer (AdamW:
  ``optimizer.weight_decay``); dropout: each ``Dropout`` layer's ``rate``. Keras compiles these
  numbers into its training step, so the step is traced again after each such change;
- the batch size (from its epoch) and augmentation (on/off, shift, rotation, zoom): names the loop
  reads. Augmentation is then done in NumPy like nndesk's, not by Keras' random layers.
"""

from __future__ import annotations

from nndesk.codegen import snippets
from nndesk.codegen.continued import setting_changes, spans_first_run
from nndesk.codegen.experiment import Experiment
from nndesk.codegen.script_settings import AUGMENT_STREAM, SHUFFLE_STREAM, changes_table
from nndesk.codegen.words import Words

#: settings Keras compiles into its training step (changed on its objects, then traced again)
_TRACED = ("MOMENTUM", "L2", "DROPOUT")


def _leg_rate(cfg) -> list[str]:
    """``leg_rate(epoch, epochs, base)``: the schedule of ``cfg`` from ``base`` over ``epochs``
    epochs, at ``epoch`` (from 0): a continued run's legs each run it so."""
    body = {
        "constant": ["    return base"],
        "step": [f"    return base * {cfg.schedule_gamma!r} ** (epoch // {cfg.schedule_step})"],
        "exp": [
            f"    if epoch < {cfg.schedule_step}:",
            "        return base",
            f"    return base * math.exp(-{cfg.schedule_rate!r} * "
            f"(epoch - {cfg.schedule_step} + 1))",
        ],
        "cosine": [
            "    frac = min(epoch, epochs) / epochs",
            f"    return {cfg.min_lr!r} + 0.5 * (base - {cfg.min_lr!r}) * "
            "(1 + math.cos(math.pi * frac))",
        ],
    }[cfg.schedule]
    return [
        "def leg_rate(epoch, epochs, base):",
        '    """The schedule\'s rate from ``base`` over ``epochs`` epochs at ``epoch``, from 0."""',
        *body,
    ]


_AUG = frozenset({"augment", "aug_shift", "aug_rotate", "aug_scale"})


class Steering:
    """What the notebook of ``experiment`` needs for its change record (falsy when unsteered)."""

    def __init__(self, experiment: Experiment, words: Words | None = None):
        self.experiment = experiment
        self.t = words or Words()
        self.names = frozenset(c.name for c in experiment.changes)
        cfg = experiment.config
        #: augmentation is done in the loop in NumPy (a steered run that augments at some point)
        self.augments = bool(self.names) and bool(cfg.augment or self.names & _AUG)
        #: the layers share one regulariser whose strength the record changes
        self.l2_steered = "l2" in self.names
        #: a continued run whose schedule goes leg by leg (``continued.spans_first_run``)
        self.legs = spans_first_run(experiment)

    def __bool__(self) -> bool:
        return bool(self.names)

    # -- the change record's cell ---------------------------------------------------------------
    def text(self) -> str:
        t = self.t
        said = "; ".join(
            t("epoch {epoch}, batch {batch}: {change}", epoch=c.epoch, batch=c.batch,
              change=t.change(c))
            for c in setting_changes(self.experiment.changes)
        )  # fmt: skip
        return t(
            "The run was steered while it trained. Its change record, replayed by the training "
            "loop below at the same batches: {said}. A rate set by hand replaces the schedule "
            "from then on; a batch size takes effect from the start of its epoch. Keras compiles "
            "momentum, L2 and dropout into its training step, so `steer` traces the step again "
            "after changing one of them.",
            said=said,
        )

    def code(self) -> str:
        cfg = self.experiment.config
        lines = [
            f"EPOCHS = {cfg.epochs!r}",
            f"BATCH_SIZE = {cfg.batch_size!r}  # 0: the whole training set is one batch",
        ]
        if self.augments:
            lines += [
                f"AUGMENT = {bool(cfg.augment)!r}  # shift, rotate and zoom the training images",
                f"AUG_SHIFT = {float(cfg.aug_shift)!r}  # pixels, at most, either way",
                f"AUG_ROTATE = {float(cfg.aug_rotate)!r}  # degrees, at most, either way",
                f"AUG_SCALE = {float(cfg.aug_scale)!r}  # zoom between 1 - AUG_SCALE and 1 + it",
            ]
        if self.legs:
            first = self.experiment.chain.start.get("epochs")
            lines.append(f"SCHEDULE_EPOCHS = {first!r}  # the first run's schedule spans these")
        lines += ["", *changes_table(self.experiment), "", "", snippets.STEERING_TABLE, "", ""]
        if self.legs:
            lines += [*_leg_rate(cfg), "", ""]
        lines += self._steer_function()
        if self.augments:
            lines += ["", "", snippets.AUGMENT]
        return "\n".join(lines)

    def _steer_function(self) -> list[str]:
        from nndesk.codegen.script_settings import SCRIPT_NAMES

        traced = [SCRIPT_NAMES[n] for n in sorted(self.names)]
        traced = [n for n in _TRACED if n in traced]
        lines = [
            "def steer(name, value):",
            '    """One change of the record (not the rate: the loop sets that), made where',
            '    Keras keeps the setting."""',
        ]
        branches = {
            "MOMENTUM": ["optimizer.momentum = value"],
            "L2": (
                ["optimizer.weight_decay = 2 * value  # AdamW's decoupled decay is 2 * L2"]
                if self.experiment.config.optimizer == "adamw"
                else ["L2_REG.l2 = value  # the regulariser every layer shares"]
            ),
            "DROPOUT": [
                "for layer in model.layers:",
                "    if isinstance(layer, layers.Dropout):",
                "        layer.rate = value",
            ],
        }
        if not traced:
            return lines + ["    globals()[name] = value  # the loop below reads it"]
        for i, name in enumerate(traced):
            lines.append(f'    {"if" if i == 0 else "elif"} name == "{name}":')
            lines += ["        " + line for line in branches[name]]
        lines += [
            "    else:  # the batch size and augmentation: the loop below reads them",
            "        globals()[name] = value",
            "        return",
            "    # Keras compiled the old number into its training step: trace the step again",
            "    model.make_train_function(force=True)",
        ]
        return lines

    # -- the training loop's cell ---------------------------------------------------------------
    def loop_text(self) -> str:
        return self.t(
            "One `train_on_batch` call per batch, in nndesk's order for each epoch, making each "
            "change of the record before its batch; the loss and accuracy of an epoch are the "
            "running means Keras keeps over its batches."
        )

    def loop_code(self, data_loss: bool = False) -> str:
        """The training loop's cell; ``data_loss``: the model was compiled with a
        ``data_loss`` metric (the loss without Keras' L2 term), kept per epoch beside the
        loss as ``fit``'s history keeps it."""
        cfg = self.experiment.config
        val = cfg.val_fraction > 0
        figures = ["loss", "accuracy"] + (["data_loss"] if data_loss else [])
        keys = figures + ([f"val_{k}" for k in figures] if val else [])
        lines = [
            f"history = {{{', '.join(f'{k!r}: []' for k in keys)}}}".replace("'", '"'),
            "steering, lr_fixed = steering_table(CHANGES), None",
        ]
        if self.augments:
            lines.append(
                f"augment_rng = np.random.default_rng([SEED, {AUGMENT_STREAM}, 1])"
                "  # nndesk's stream"
            )
        rate = "learning_rate(epoch - 1, None)"
        if self.legs:  # the first run's schedule, then each continuation's (SCHEDULE rows)
            rate = "leg_rate(epoch - schedule_from, schedule_epochs, schedule_lr)"
            lines.append(
                f"schedule_from, schedule_epochs, schedule_lr = 1, SCHEDULE_EPOCHS, {cfg.lr!r}"
            )
        lines += [
            "n = len(x_train)",
            "for epoch in range(1, EPOCHS + 1):",
            "    for name, value in steering.pop((epoch, 0), []):  # batch sizes: between epochs",
            "        steer(name, value)",
            "    batch = n if BATCH_SIZE == 0 else min(BATCH_SIZE, n)",
            "    # the schedule's rate (it counts epochs from 0) until one is set by hand",
            f"    lr = {rate} if lr_fixed is None else lr_fixed",
            "    optimizer.learning_rate = lr",
            f"    order = np.random.default_rng([SEED, {SHUFFLE_STREAM}, epoch]).permutation(n)",
            "    loss_sum = correct = 0.0",
            *(["    data_loss_sum = 0.0"] if data_loss else []),
            "    for b, start in enumerate(range(0, n, batch), start=1):",
            "        for name, value in steering.pop((epoch, b), []):",
            *(
                [
                    '            if name == "SCHEDULE":  # (FROM, EPOCHS, RATE): a continuation\'s',
                    "                schedule_from, schedule_epochs, schedule_lr = value",
                    f"                lr, lr_fixed = {rate}, None",
                    "                optimizer.learning_rate = lr",
                    '            elif name == "LR":',
                ]
                if self.legs
                else ['            if name == "LR":']
            ),
            "                lr = lr_fixed = value",
            "                if lr is None:  # the rate given back to the schedule",
            f"                    lr = {rate}",
            "                optimizer.learning_rate = lr",
            "            else:",
            "                steer(name, value)",
            "        idx = order[start : start + batch]",
            "        xb = x_train[idx]",
        ]
        if self.augments:
            lines += ["        if AUGMENT:", "            xb = augment(xb, augment_rng)"]
        lines += [
            "        logs = model.train_on_batch(xb, t_train[idx], return_dict=True)",
            "        # this batch's figures (Keras 3 keeps no running mean over the calls): the",
            "        # epoch's are their mean over its images, as nndesk counts them",
            '        loss_sum += float(logs["loss"]) * len(idx)',
            '        correct += float(logs["accuracy"]) * len(idx)',
            *(
                ['        data_loss_sum += float(logs["data_loss"]) * len(idx)']
                if data_loss
                else []
            ),
            '    history["loss"].append(loss_sum / n)',
            '    history["accuracy"].append(correct / n)',
            *(['    history["data_loss"].append(data_loss_sum / n)'] if data_loss else []),
        ]
        if val and data_loss:  # three figures: read by name
            lines += [
                "    scores = model.evaluate(x_val, t_val, verbose=0, return_dict=True)",
                '    for name in ("loss", "accuracy", "data_loss"):',
                '        history["val_" + name].append(scores[name])',
            ]
        elif val:
            lines += [
                "    val_loss, val_accuracy = model.evaluate(x_val, t_val, verbose=0)",
                '    history["val_loss"].append(val_loss)',
                '    history["val_accuracy"].append(val_accuracy)',
            ]
        lines += [
            "    print(f\"epoch {epoch}/{EPOCHS}  loss {history['loss'][-1]:.4f}  \"",
            "          f\"accuracy {history['accuracy'][-1]:.2%}  lr {lr:.3g}\")",
        ]
        return "\n".join(lines)
