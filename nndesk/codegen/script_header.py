"""The docstring an exported script opens with: what the experiment is, how it was made and how
to run it, what it promises about its numbers against the app's (which depends on the network
and on the BLAS threads, ``blas_threads``), and what a steered, stopped or continued run's script
does of it."""

from __future__ import annotations

import shlex

from nndesk.codegen.continued import header_lines, setting_changes
from nndesk.codegen.experiment import Experiment
from nndesk.codegen.network import Step, is_convolutional
from nndesk.codegen.script_lines import wrap_prose
from nndesk.codegen.script_optimizer import ADAMS
from nndesk.codegen.words import Words
from nndesk.training import TrainConfig


def header(
    experiment: Experiment,
    command: str,
    steps: list[Step],
    words: Words,
    file_name: str | None = None,
) -> str:
    """The script's docstring, its lines wrapped at 99 characters; ``file_name``: the name it is
    written under, for the command that runs it (None: the name it is offered under)."""
    t = words
    run = shlex.quote(file_name or f"{experiment.file_stem}.py")
    cfg = experiment.config
    net = " -> ".join([*(_step_label(s, t) for s in steps), cfg.output])
    same = [t("initial weights"), t("batches")]
    if cfg.dropout > 0:
        same.append(t("dropout masks"))
    if cfg.augment and not cfg.aug_stroke:  # pen widths draw too, which the script does not
        same.append(t("augmentations"))
    lines = [
        '"""'
        + t(
            "{slug}: a {arch} network for {dataset}, trained with {optimizer}, in plain NumPy.",
            slug=doc_text(experiment.slug),
            arch=cfg.arch,
            dataset=experiment.dataset,
            optimizer=_optimizer_label(cfg, t, experiment.changes),
        ),
        "",
        t("Exported by nndesk from {origin}", origin=doc_text(t.origin(experiment.origin))),
        t("Made with: {command}", command=doc_text(t.command(" ".join(command.split())))),
        t("Network: {net}", net=net),
        "",
        t(
            "Run it:  python {file} --data-dir DIR [--epochs N] [--seed S] [--limit N] [--exact]",
            file=doc_text(run),
        )
        if cfg.optimizer in ADAMS
        else t(
            "Run it:  python {file} --data-dir DIR [--epochs N] [--seed S] [--limit N]",
            file=doc_text(run),
        ),
        t(
            "DIR holds the four IDX files (train-images-idx3-ubyte.gz ...) or a {folder}/ "
            "folder with them. It needs only NumPy (pip install numpy, where this Python has "
            "none).",
            folder=experiment.folder_names[0],
        ),
        *_promise(experiment, steps, same, t),
        t("The last line it prints is test_accuracy=0.xxxx."),
    ]
    steering = setting_changes(experiment.changes)  # a continuation's schedule: said below
    if steering:
        said = ", ".join(
            t("{change} (epoch {epoch}, batch {batch})", change=t.change(c), epoch=c.epoch,
              batch=c.batch)
            for c in steering[:6]
        )  # fmt: skip
        more = t(" and {count} more", count=len(steering) - 6) if len(steering) > 6 else ""
        lines += [
            "",
            t(
                "Steered while training: {changes}{more}. CHANGES below replays them at the "
                "same batches (with the default --epochs).",
                changes=doc_text(said),
                more=more,
            ),
        ]
    if experiment.stopped is not None:
        epoch = experiment.stopped[0]
        lines += [
            "",
            t(
                "The run was stopped {share} of the way through epoch {epoch} of {epochs}. This "
                "script trains all {epochs} (EPOCHS); --epochs {closest} comes closest to the "
                "model the run saved.",
                share=experiment.stopped_share(),
                epoch=epoch,
                epochs=experiment.config.epochs,
                closest=experiment.closest_epochs(),
            ),
        ]
    for line in header_lines(experiment, t):  # a continued run: what the script does of it
        lines += ["", line]
    return "\n".join(_paragraphs(lines)) + '\n"""'


def _paragraphs(lines: list[str]) -> list[str]:
    """``lines`` wrapped at 99 characters, a line that wraps set apart by blank lines: its
    continuation flush left, it could otherwise run on into the next ("Made with: ...")."""
    out: list[str] = []
    for line in lines:
        text = wrap_prose(line)
        wraps = "\n" in text
        if wraps and out and out[-1]:
            out.append("")
        if text or (out and out[-1]):
            out.append(text)
        if wraps:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return out


def _promise(experiment: Experiment, steps: list[Step], same: list[str], t: Words) -> list[str]:
    """What the header promises about the script's numbers against the app's, which depends on
    the network: an MLP's arithmetic is nndesk's, operation for operation (the float32 sums
    included), but how BLAS splits a product over threads changes its last bits, and nndesk's
    convolutions take faster routes than the script's im2col."""
    draws = t(
        "With the same --seed and data it draws the same {these} and {last} as nndesk",
        these=", ".join(same[:-1]),
        last=same[-1],
    )
    cfg = experiment.config
    augments = cfg.augment or any(c.name == "augment" and c.value for c in experiment.changes)
    if cfg.sketch > 0 or (augments and cfg.aug_stroke > 0):
        return [
            draws
            + t(
                ", but it does not redraw pen widths or sketches as nndesk's augmentation does: "
                "its training images differ, so its accuracy is near the app's, not the same."
            )
        ]
    if is_convolutional(steps):
        return [
            draws
            + t(
                ". nndesk computes convolutions by faster routes (a convolution and its max-pool "
                "in one pass, batches split over threads) whose float32 sums round differently "
                "from the plain ones here, so the losses follow the app's closely but not digit "
                "for digit, and the accuracy lands within a few test images of it."
            ),
            t(
                "Plain NumPy convolutions are slow: an epoch of the fashion-cnn-lab preset took "
                "16 minutes on a busy 2-core machine where nndesk took 30 seconds. Try --epochs "
                "1 first; the progress lines say how many minutes the epoch has left."
            ),
        ]
    same_order = t(
        " and does the same float32 arithmetic in the same order, so it trains to the app's "
        "losses and accuracy for this experiment, to the last digit"
    )
    exact = draws + same_order
    if cfg.optimizer in ADAMS:  # the textbook step reads as taught, and rounds otherwise
        exact = (
            draws
            + t(
                ". Its Adam step (update) is the textbook one, with m_hat and v_hat; nndesk takes "
                "the same step in another order of operations (update_exact), which rounds "
                "differently at every step, so the losses drift from the app's in their last "
                "digits and the accuracy lands near the app's, not on it. Run with --exact, it "
                "takes nndesk's step"
            )
            + same_order
        )
    if blas_threads(cfg, steps) is not None:
        return [exact + "."]
    return [
        exact
        + t(
            " when BLAS runs on as many threads here as in nndesk (the thread count changes the "
            "last bits of the sums). A batch of this network makes products of at least 16 "
            "million multiply-adds, so nndesk's command line trains it on every core when the "
            "machine has one to spare as the run starts and on one thread when it has none; "
            "this script applies the same rule as it starts. The window keeps a core for "
            "itself: a run trained there used one thread fewer. For the same digits whatever "
            "the load, run it with OPENBLAS_NUM_THREADS=1 and train in nndesk with Threads 1 "
            "(--threads 1)."
        )
    ]


def doc_text(text: str) -> str:
    """Text from outside nndesk (a run's title from its run.json, a file name, the command
    line) as it may stand inside the script's docstring: its backslashes and double quotes
    escaped, so it can neither end the docstring (a shared run whose title held three double
    quotes and then code put that code into the script) nor start an escape sequence; other
    unprintable characters escaped."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _step_label(s: Step, t: Words) -> str:
    if s.kind == "dense":
        return t("dense {units}", units=s.spec["out"])
    if s.kind == "conv":
        pad = "same" if s.spec["padding"] else "valid"  # Keras' words for the two paddings
        return t(
            "conv {filters}x{kernel}x{kernel} ({padding})",
            filters=s.spec["filters"],
            kernel=s.spec["kernel"],
            padding=pad,
        )
    if s.kind == "act":
        return s.spec["name"]
    if s.kind == "dropout":
        return f"dropout {t.number(s.spec['rate'])}"
    names = {
        "images": "28x28 image",
        "pool": "max-pool 2x2",
        "bn": "batch norm",
        "flatten": "flatten",
    }
    return t(names[s.kind]) if s.kind in names else s.kind


#: Rates set by hand the headline names at most (the docstring's "Steered while training" all)
HEADLINE_RATES = 3


def _optimizer_label(cfg: TrainConfig, t: Words, changes=()) -> str:
    """ "Adam (lr 0.001)"; a run steered to other rates says them: the headline said the plan's
    rate alone for a run steered to 0.0003 (walk72 F12)."""
    from nndesk.settings_schema import BY_NAME  # the name the window gives it

    label = t.window("", BY_NAME["optimizer"].choice_label(cfg.optimizer))
    rates = [float(c.value) for c in setting_changes(changes) if c.name == "lr"]
    if not rates:
        return t("{optimizer} (lr {lr})", optimizer=label, lr=t.number(cfg.lr))
    said = ", ".join(t.number(r) for r in rates[:HEADLINE_RATES])
    if len(rates) > HEADLINE_RATES:
        said += ", …"
    return t(
        "{optimizer} (lr {lr}, then {rates} set by hand)",
        optimizer=label,
        lr=t.number(cfg.lr),
        rates=said,
    )


def blas_threads(cfg: TrainConfig, steps: list[Step]) -> int | None:
    """The BLAS threads nndesk trains this MLP with whatever the machine (the script sets the
    same), or None when nndesk decides by how busy the machine is, and for a CNN (the script
    then leaves BLAS its default): ``nndesk.training.runtime.plan``."""
    if is_convolutional(steps):
        return None
    if cfg.threads:
        return cfg.threads
    return 1 if _small_mlp(cfg, steps) else None


def _small_mlp(cfg: TrainConfig, steps: list[Step]) -> bool:
    """nndesk's rule for one BLAS thread: an MLP whose biggest product is small."""
    widest = max((s.spec["in"] * s.spec["out"] for s in steps if s.kind == "dense"), default=0)
    return (cfg.batch_size or 60_000) * widest < 16_000_000
