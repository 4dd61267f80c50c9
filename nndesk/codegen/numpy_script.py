"""Write an experiment as one standalone Python file that needs only NumPy.

The script follows nndesk's recipe step by step and draws its random numbers from the same seeded
streams (``np.random.default_rng([seed, purpose, ...])``: 1 validation split, 2 initial weights,
3 shuffle per epoch, 4 augmentation), so with the same seed and data it trains the same network on
the same batches. An MLP's arithmetic is also nndesk's, operation for operation and in the same
order (the loss's float64 sums, Adam's moments kept as decaying sums, the L2 term, the clip's
norm over one flat gradient), so its losses are the app's to the last bit. A textbook form
rounds differently at every step, and over a few thousand steps that grew into a different
second epoch (fashion-mlp-lab, 2 epochs: test accuracy 0.8578 against the app's 0.8568). A CNN's
convolutions stay plain im2col (nndesk's fused, split and Winograd routes round differently):
close, not identical. ``_promise`` says in each script which of these holds for it.
"""

from __future__ import annotations

import re
from string import Template

from nndesk.codegen import snippets
from nndesk.codegen.continued import header_lines
from nndesk.codegen.experiment import Experiment
from nndesk.codegen.network import Step, is_convolutional, network_steps, shape_text
from nndesk.codegen.words import Words
from nndesk.training import TrainConfig

#: purposes of nndesk's seeded random streams (nndesk.training.loop: SPLIT, INIT, SHUFFLE, AUGMENT)
SPLIT_STREAM, INIT_STREAM, SHUFFLE_STREAM, AUGMENT_STREAM = 1, 2, 3, 4

_INIT_CALL = {
    "he": "he_normal({rng}, {shape}, fan_in={fan_in})",
    "xavier": "glorot_uniform({rng}, {shape}, fan_in={fan_in}, fan_out={fan_out})",
    "lecun": "lecun_normal({rng}, {shape}, fan_in={fan_in})",
    "zeros": "zeros_init({rng}, {shape}, fan_in={fan_in})",
}
_INIT_NAMES = {"he": "He normal", "xavier": "Glorot uniform", "lecun": "LeCun normal"}


def numpy_script(experiment: Experiment, command: str, words: Words | None = None) -> str:
    """The whole script for ``experiment``; ``command`` (how it was made) goes in its header.
    ``words`` gives its comments, docstrings and messages a language (English by default)."""
    words = words or Words()
    cfg = experiment.config
    steered = frozenset(c.name for c in experiment.changes)
    steps = network_steps(cfg)
    conv = is_convolutional(steps)
    forward_code, backward_code = _forward(steps, steered), _backward(steps)
    threads = blas_threads(cfg, steps)
    imports = (
        (snippets.IMPORTS if conv else snippets.IMPORTS_BLAS_BY_LOAD)
        if threads is None
        else snippets.IMPORTS_SMALL_BLAS
        if not cfg.threads
        else Template(snippets.IMPORTS_THREADS).substitute(THREADS=threads)
    )
    parts = [
        imports,
        _settings(experiment, steered, words),
        snippets.IDX,
    ]
    if cfg.val_fraction > 0:
        parts.append(snippets.SPLIT)
    parts.append(_normalize(cfg))
    if _augments(cfg, steered):
        parts.append(snippets.AUGMENT)
    needs_sigmoid = cfg.output == "sigmoid" or any(
        s.kind == "act" and s.spec["name"] == "sigmoid" for s in steps
    )
    if needs_sigmoid:
        parts.append(snippets.SIGMOID)
    if cfg.loss == "mse" and cfg.output == "softmax":
        parts.append(snippets.SOFTMAX)
    if conv:
        parts.append(snippets.CONV)
    if any(s.kind == "pool" for s in steps):
        parts.append(snippets.POOL)
    if any(s.kind == "bn" for s in steps):
        parts.append(snippets.BATCHNORM)
    for init in sorted({s.spec["init"] for s in steps if s.kind in ("conv", "dense")}):
        parts.append(snippets.INITS[init])
    parts += [
        _init_network(steps),
        forward_code,
        backward_code,
        _loss(cfg),
        _schedule(cfg),
        _optimizer(cfg, steered),
        snippets.EVALUATE,
    ]
    if experiment.changes:
        parts.append(snippets.STEER)
    parts.append(_main(cfg, steered))
    code = words.code("\n\n\n".join(parts))
    return _header(experiment, command, steps, words) + "\n\n" + code + "\n"


#: What each steerable setting is called in a script (the module-level name a change rebinds).
SCRIPT_NAMES = {"lr": "LR", "momentum": "MOMENTUM", "l2": "L2", "dropout": "DROPOUT",
                "batch_size": "BATCH_SIZE", "augment": "AUGMENT", "aug_shift": "AUG_SHIFT",
                "aug_rotate": "AUG_ROTATE", "aug_scale": "AUG_SCALE"}  # fmt: skip
#: Augmentation settings a script draws with; pen width and sketches it does not reproduce.
_AUG = frozenset({"augment", "aug_shift", "aug_rotate", "aug_scale"})


def _augments(cfg: TrainConfig, steered: frozenset) -> bool:
    return bool(cfg.augment or steered & _AUG)


def changes_table(experiment: Experiment) -> list[str]:
    """``CHANGES = [...]``: the run's change record as (epoch, batch, NAME, value) rows."""
    rows = [
        f"    ({c.epoch}, {c.batch}, {SCRIPT_NAMES[c.name]!r}, {c.value!r}),"
        for c in experiment.changes
    ]
    return [
        "# The run was steered while it trained (the app's change record): from batch BATCH of",
        "# epoch EPOCH on, the setting took the value; a batch size from the start of its epoch.",
        "CHANGES = [",
        *rows,
        "]",
    ]


# -- header and settings ----------------------------------------------------------------------
def _header(experiment: Experiment, command: str, steps: list[Step], words: Words) -> str:
    t = words
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
            slug=_doc_text(experiment.slug),
            arch=cfg.arch,
            dataset=experiment.dataset,
            optimizer=_optimizer_label(cfg, t),
        ),
        "",
        t("Exported by nndesk from {origin}", origin=_doc_text(t.origin(experiment.origin))),
        t("Made with: {command}", command=_doc_text(t.command(" ".join(command.split())))),
        t("Network: {net}", net=net),
        "",
        t("Run it:  python THIS_FILE.py --data-dir DIR [--epochs N] [--seed S]"),
        t(
            "DIR holds the four IDX files (train-images-idx3-ubyte.gz ...) or a {folder}/ "
            "folder with them. It needs only NumPy.",
            folder=experiment.folder_names[0],
        ),
        *_promise(experiment, steps, same, t),
        t("The last line it prints is test_accuracy=0.xxxx."),
    ]
    if experiment.changes:
        said = ", ".join(
            t("{change} (epoch {epoch}, batch {batch})", change=c.describe(), epoch=c.epoch,
              batch=c.batch)
            for c in experiment.changes[:6]
        )  # fmt: skip
        more = (
            t(" and {count} more", count=len(experiment.changes) - 6)
            if len(experiment.changes) > 6
            else ""
        )
        lines += [
            "",
            t(
                "Steered while training: {changes}{more}. CHANGES below replays them at the "
                "same batches (with the default --epochs).",
                changes=_doc_text(said),
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
    lines.append('"""')
    return "\n".join(_wrap(line) for line in lines)


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
    exact = draws + t(
        " and does the same float32 arithmetic in the same order, so it trains to the app's "
        "losses and accuracy for this experiment, to the last digit"
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


def _doc_text(text: str) -> str:
    """Text from outside nndesk (a run's title from its run.json, a file name, the command
    line) as it may stand inside the script's docstring: its backslashes and double quotes
    escaped, so it can neither end the docstring (a shared run whose title held three double
    quotes and then code put that code into the script) nor start an escape sequence; other
    unprintable characters escaped."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _wrap(line: str, width: int = 99) -> str:
    """Break a long header line at spaces (the header is prose; code lines are never wrapped)."""
    if len(line) <= width:
        return line
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = "    " + word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\n".join(out)


def _step_label(s: Step, t: Words) -> str:
    if s.kind == "dense":
        return f"dense {s.spec['out']}"
    if s.kind == "conv":
        pad = "same" if s.spec["padding"] else "valid"
        return f"conv {s.spec['filters']}x{s.spec['kernel']}x{s.spec['kernel']} ({pad})"
    if s.kind == "act":
        return s.spec["name"]
    if s.kind == "dropout":
        return f"dropout {s.spec['rate']:g}"
    names = {"images": "28x28 image", "pool": "max-pool 2x2", "bn": "batch norm"}
    return t(names[s.kind]) if s.kind in names else s.kind


def _optimizer_label(cfg: TrainConfig, t: Words) -> str:
    from nndesk.settings_schema import BY_NAME  # the name the window gives it

    label = t.window("", BY_NAME["optimizer"].choice_label(cfg.optimizer))
    return t("{optimizer} (lr {lr})", optimizer=label, lr=f"{cfg.lr:g}")


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


def _settings(experiment: Experiment, steered: frozenset, words: Words) -> str:
    cfg = experiment.config
    class_names = words.class_names(experiment.class_names)
    rows = [
        ("MAX_IDX_BYTES", "200_000_000", "far above the 47 MB of MNIST's training images"),
        ("DATASET", repr(experiment.dataset), "IDX files of this dataset"),
        ("FOLDER_NAMES", repr(experiment.folder_names), "sub-folders --data-dir may use"),
        ("CLASS_NAMES", _wrapped_list(class_names, len("CLASS_NAMES = ")), None),
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
    if _augments(cfg, steered):
        rows += [
            ("AUGMENT", repr(bool(cfg.augment)), "shift, rotate and zoom the training images"),
            ("AUG_SHIFT", _num(cfg.aug_shift), "pixels, at most, either way"),
            ("AUG_ROTATE", _num(cfg.aug_rotate), "degrees, at most, either way"),
            ("AUG_SCALE", _num(cfg.aug_scale), "zoom between 1 - AUG_SCALE and 1 + AUG_SCALE"),
        ]
    if cfg.clip_norm is not None:
        rows.append(("CLIP_NORM", _num(cfg.clip_norm), "gradients rescaled to at most this norm"))
    rows += _optimizer_settings(cfg) + _schedule_settings(cfg)
    lines = ["# -- the experiment's settings ".ljust(99, "-")]
    for name, value, why in rows:
        line = f"{name} = {value}"
        if why:
            line += f"  # {why}"
        lines.append(line)
    if experiment.changes:
        lines += changes_table(experiment)
    return "\n".join(_fit(line) for line in lines)


def _wrapped_list(items: tuple[str, ...], indent: int) -> str:
    """A list literal starting ``indent`` characters in, on as few lines of at most 99
    characters as it takes."""
    lines: list[str] = []
    current = "["
    for item in items:
        text = repr(item) + ", "
        if len(current) + len(text) + (indent if not lines else 0) > 97:
            lines.append(current.rstrip())
            current = "    "
        current += text
    lines.append(current.rstrip(", ") + "]")
    return "\n".join(lines)


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


# -- normalisation ------------------------------------------------------------------------------
def _normalize(cfg: TrainConfig) -> str:
    head = "def normalize(images):\n"
    if cfg.normalize == "raw":
        return (head + '    """uint8 (n, 28, 28) -> float32 (n, 784), raw pixel values 0..255."""\n'
                "    return images.reshape(len(images), 784).astype(np.float32)")  # fmt: skip
    if cfg.normalize == "unit":
        return (head + '    """uint8 (n, 28, 28) -> float32 (n, 784) in [0, 1]."""\n'
                "    return images.reshape(len(images), 784) * np.float32(1 / 255)")  # fmt: skip
    if cfg.normalize == "symmetric":
        return (head + '    """uint8 (n, 28, 28) -> float32 (n, 784) in [-1, 1]."""\n'
                "    return images.reshape(len(images), 784) * np.float32(1 / 127.5) - np.float32(1)")  # fmt: skip  # noqa: E501
    return '''\
def fit_standard(images):
    """One mean and one standard deviation over every pixel of the training split."""
    # from how often each pixel value 0..255 occurs: exact sums, and no float copy of the images
    counts, values = np.bincount(images.reshape(-1), minlength=256), np.arange(256)
    mean = int(counts @ values) / images.size
    std = math.sqrt(max(int(counts @ values**2) / images.size - mean**2, 0.0))
    return np.float32(mean), np.float32(max(std, 1e-6))


def normalize(images, mean, std):
    """uint8 (n, 28, 28) -> float32 (n, 784), standardised: (x - mean) / std."""
    scale = np.float32(1) / std  # times 1 / std, as nndesk computes it
    return images.reshape(len(images), 784) * scale - mean * scale'''


# -- the network: initial weights, forward, backward ------------------------------------------
def _param(s: Step, name: str) -> str:
    """The key of a parameter in the script's ``p`` dict: W1/b1 for dense, conv1_W, bn1_gamma..."""
    if s.kind == "dense":
        return f"{name}{s.number}"
    if s.kind == "act":
        return f"{s.spec['after']}{s.number}_alpha"
    return f"{s.kind}{s.number}_{name}"


def _init_network(steps: list[Step]) -> str:
    lines = [
        "def init_network(seed):",
        '    """Parameters p and layer state, drawn from one seed in the order nndesk draws."""',
        f"    rng = np.random.default_rng([seed, {INIT_STREAM}])  # nndesk's stream for weights",
        "    p = {}",
        '    state = {"dropout_rngs": []}  # one mask generator per dropout layer'
        if any(s.kind == "dropout" for s in steps)
        else "    state = {}  # what layers keep besides their parameters: nothing here",
    ]
    for s in steps:
        if s.kind == "dense":
            i, o, init = s.spec["in"], s.spec["out"], s.spec["init"]
            call = _INIT_CALL[init].format(rng="rng", shape=f"({i}, {o})", fan_in=i, fan_out=o)
            W, b = _param(s, "W"), _param(s, "b")
            both = f'    p["{W}"], p["{b}"] = {call}, np.zeros({o}, np.float32)'
            if len(both) <= 99:
                lines.append(both)
            else:
                lines.append(f'    p["{W}"] = {call}')
                lines.append(f'    p["{b}"] = np.zeros({o}, np.float32)')
        elif s.kind == "conv":
            c, f, k, init = (s.spec[key] for key in ("in_channels", "filters", "kernel", "init"))
            call = _INIT_CALL[init].format(
                rng="conv_rng", shape=f"({f}, {c}, {k}, {k})", fan_in=c * k * k, fan_out=f * k * k
            )
            lines.append(
                "    conv_rng = np.random.default_rng(int(rng.integers(2**31 - 1)))"
                "  # a seed of its own"
            )
            lines.append(f'    p["{_param(s, "W")}"] = {call}  # (filters, channels, k, k)')
            lines.append(f'    p["{_param(s, "b")}"] = np.zeros({f}, np.float32)')
        elif s.kind == "act" and s.spec["name"] == "prelu":
            n, a0 = s.spec["features"], s.spec["init"]
            lines.append(
                f'    p["{_param(s, "alpha")}"] = np.full({n}, {a0!r}, np.float32)'
                "  # PReLU's negative slopes"
            )
        elif s.kind == "bn":
            c = s.spec["channels"]
            lines.append(f'    p["{_param(s, "gamma")}"] = np.ones({c}, np.float32)')
            lines.append(f'    p["{_param(s, "beta")}"] = np.zeros({c}, np.float32)')
            lines.append(f'    state["bn{s.number}_mean"] = np.zeros({c}, np.float32)')
            lines.append(f'    state["bn{s.number}_var"] = np.ones({c}, np.float32)')
        elif s.kind == "dropout":
            lines.append(
                '    state["dropout_rngs"].append(np.random.default_rng(int(rng.integers(2**31 - 1))))'  # noqa: E501
            )
    lines.append("    return p, state")
    return "\n".join(lines)


def _act_forward(s: Step, x: str, out: str) -> list[str]:
    name, shape = s.spec["name"], shape_text(s.out_shape)
    if name == "relu":
        return [f"{out} = np.maximum({x}, 0)  # ReLU {shape}"]
    if name == "sigmoid":
        return [f"{out} = sigmoid({x})  # sigmoid {shape}"]
    if name == "tanh":
        return [f"{out} = np.tanh({x})  # tanh {shape}"]
    if name == "leaky_relu":
        return [f"{out} = np.where({x} > 0, {x}, {s.spec['alpha']!r} * {x})  # leaky ReLU {shape}"]
    if name == "elu":
        a = s.spec["alpha"]
        return [f"{out} = np.where({x} > 0, {x}, {a!r} * np.expm1(np.minimum({x}, 0)))  # ELU"]
    alpha = f'p["{_param(s, "alpha")}"]' + ("[:, None, None]" if s.spatial else "")
    return [f"{out} = np.where({x} > 0, {x}, {x} * {alpha})  # PReLU {shape}: learned slopes"]


def _act_backward(s: Step, x: str, out: str) -> list[str]:
    name = s.spec["name"]
    if name == "relu":
        return [f"g = g * ({x} > 0)  # ReLU: slope 1 where its input was positive, else 0"]
    if name == "sigmoid":
        return [f"g = g * {out} * (1 - {out})  # sigmoid' = s (1 - s)"]
    if name == "tanh":
        return [f"g = g * (1 - {out} ** 2)  # tanh' = 1 - tanh^2"]
    if name == "leaky_relu":
        return [f"g = np.where({x} > 0, g, {s.spec['alpha']!r} * g)  # leaky ReLU"]
    if name == "elu":
        a = s.spec["alpha"]
        return [f"g = g * np.where({x} > 0, 1, {out} + {a!r})  # ELU' = out + alpha below 0"]
    key = _param(s, "alpha")
    axes = "(0, 2, 3)" if s.spatial else "0"
    alpha = f'p["{key}"]' + ("[:, None, None]" if s.spatial else "")
    return [
        f'grads["{key}"] = (g * np.where({x} > 0, 0, {x})).sum(axis={axes})  # dL/dslope',
        f"g = np.where({x} > 0, g, g * {alpha})  # PReLU",
    ]


def _forward(steps: list[Step], steered: frozenset = frozenset()) -> str:
    lines = [
        "def forward(p, state, x, training):",
        f'    """x {shape_text(steps[0].in_shape)} -> logits {shape_text(steps[-1].out_shape)}, '
        'and the values backward needs."""',
        f"    h0 = x  # {shape_text(steps[0].in_shape)}",
    ]
    dropout_index = 0
    for i, s in enumerate(steps, start=1):
        x, out = f"h{i - 1}", f"h{i}"
        ins, outs = shape_text(s.in_shape), shape_text(s.out_shape)
        if s.kind == "images":
            lines.append(f"    {out} = {x}.reshape(-1, 1, 28, 28)  # {ins} -> {outs} images")
        elif s.kind == "dense":
            W, b = _param(s, "W"), _param(s, "b")
            lines.append(
                f'    {out} = {x} @ p["{W}"] + p["{b}"]  # dense {s.number}: {ins} @ '
                f"({s.spec['in']}, {s.spec['out']}) -> {outs}"
            )
        elif s.kind == "act":
            if i >= 2 and steps[i - 2].kind == "pool":
                lines.append(
                    "    # the activation after the max-pool: the same numbers as before it,"
                )
                lines.append("    # computed on 4x fewer values (nndesk's order)")
            lines += ["    " + line for line in _act_forward(s, x, out)]
        elif s.kind == "dropout":
            rate = s.spec["rate"]
            # a run whose dropout was steered reads the rate in force: DROPOUT
            said = "DROPOUT of the" if "dropout" in steered else f"{rate:.0%} of the"
            value = "DROPOUT" if "dropout" in steered else repr(rate)
            lines += [
                f"    if training:  # inverted dropout: zero {said} units, scale the rest",
                f'        m{i} = state["dropout_rngs"][{dropout_index}].random({x}.shape, '
                f"dtype=np.float32) >= {value}",
                f"        m{i} = m{i} * np.float32(1 / (1 - {value}))",
                f"        {out} = {x} * m{i}",
                "    else:",
                f"        m{i}, {out} = None, {x}",
            ]
            dropout_index += 1
        elif s.kind == "flatten":
            lines.append(f"    {out} = {x}.reshape(len({x}), -1)  # {ins} -> {outs}")
        elif s.kind == "conv":
            W, b, k = _param(s, "W"), _param(s, "b"), s.spec["kernel"]
            lines.append(
                f'    {out}, cols{i} = conv2d({x}, p["{W}"], p["{b}"], padding={s.spec["padding"]})'
                f"  # conv {s.number}: {k}x{k} kernels, {ins} -> {outs}"
            )
        elif s.kind == "pool":
            lines.append(f"    {out}, winner{i} = maxpool2({x})  # max-pool: {ins} -> {outs}")
        elif s.kind == "bn":
            lines.append(
                f'    {out}, xhat{i}, inv_std{i} = batch_norm({x}, p["{_param(s, "gamma")}"], '
                f'p["{_param(s, "beta")}"], state, "bn{s.number}", training, '
                f"momentum={s.spec['momentum']!r}, eps={s.spec['eps']!r})  # {outs}"
            )
    backward_names = sorted(set(re.findall(r'c\["(\w+)"\]', _backward(steps))), key=_natural)
    cache = ", ".join(f'"{name}": {name}' for name in backward_names)
    lines.append(f"    return h{len(steps)}, {{{cache}}}")
    return "\n".join(_fit(line) for line in lines)


def _natural(name: str) -> tuple:
    m = re.fullmatch(r"([a-z_]+)(\d+)", name)
    return (int(m.group(2)), m.group(1)) if m else (0, name)


def _backward(steps: list[Step]) -> str:
    first = next(i for i, s in enumerate(steps, start=1) if s.kind in ("dense", "conv"))
    lines = [
        "def backward(p, c, g):",
        '    """Gradients of the loss for every parameter, from g = dL/dlogits and the cache c."""',
        "    grads = {}",
    ]
    for i in range(len(steps), first - 1, -1):
        s = steps[i - 1]
        x, out = f'c["h{i - 1}"]', f'c["h{i}"]'
        last = i == first  # dL/dx of the network's input is never needed
        if s.kind == "dense":
            W, b, n_in, n_out = _param(s, "W"), _param(s, "b"), s.spec["in"], s.spec["out"]
            lines += [
                f'    grads["{W}"] = {x}.T @ g  # dense {s.number}: ({n_in}, n) @ (n, {n_out}) -> '
                f"({n_in}, {n_out})",
                f'    grads["{b}"] = g.sum(axis=0)  # ({n_out},)',
            ]
            if not last:
                lines.append(
                    f'    g = g @ p["{W}"].T  # (n, {n_out}) @ ({n_out}, {n_in}) -> (n, {n_in})'
                )
        elif s.kind == "act":
            lines += ["    " + line for line in _act_backward(s, x, out)]
        elif s.kind == "dropout":
            lines.append(f'    g = g * c["m{i}"]  # dropout: the same units stay off')
        elif s.kind == "flatten":
            lines.append(f"    g = g.reshape({x}.shape)  # back to {shape_text(s.in_shape)}")
        elif s.kind == "conv":
            W, b = _param(s, "W"), _param(s, "b")
            lines.append(
                f'    g, grads["{W}"], grads["{b}"] = conv2d_backward(g, c["cols{i}"], p["{W}"], '
                f"{x}.shape, padding={s.spec['padding']}" + (", input_grad=False)" if last else ")")
            )
        elif s.kind == "pool":
            lines.append(f'    g = maxpool2_backward(g, c["winner{i}"], {x}.shape)')
        elif s.kind == "bn":
            lines.append(
                f'    g, grads["{_param(s, "gamma")}"], grads["{_param(s, "beta")}"] = '
                f'batch_norm_backward(g, c["xhat{i}"], c["inv_std{i}"], p["{_param(s, "gamma")}"])'
            )
    lines.append("    return grads")
    return "\n".join(_fit(line) for line in lines)


def _fit(line: str, width: int = 99) -> str:
    """A generated line kept within ``width`` characters: a comment that does not fit moves to
    its own line above, code too long is broken after commas inside its first bracket."""
    if len(line) <= width:
        return line
    code, _, comment = line.partition("  # ")
    indent = code[: len(code) - len(code.lstrip())]
    above = f"{indent}# {comment}\n" if comment and len(indent) + 2 + len(comment) <= width else ""
    if len(code) <= width:
        return above + code
    return above + _break_at_commas(code, width)


def _break_at_commas(code: str, width: int) -> str:
    """Break ``code`` after the top-level commas of its first bracket, aligned under it."""
    start = code.find(" = ") + 3 if " = " in code else 0
    open_at = min((i for i in (code.find("(", start), code.find("{", start)) if i >= 0), default=-1)
    if open_at < 0:
        return code
    pieces, depth, last = [], 0, open_at + 1
    for i in range(open_at + 1, len(code)):
        ch = code[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            pieces.append(code[last : i + 1])
            last = i + 2  # skip the space after the comma
    pieces.append(code[last:])
    indent = " " * (open_at + 1)
    lines, current = [], code[: open_at + 1]
    for piece in pieces:
        if len(current) + len(piece) + 1 > width and current.strip():
            lines.append(current.rstrip())
            current = indent
        current += piece + " "
    lines.append(current.rstrip())
    return "\n".join(lines)


# -- loss, schedule, optimizer ------------------------------------------------------------------
def _loss(cfg: TrainConfig) -> str:
    if cfg.loss == "ce":
        return '''\
def loss_and_grad(logits, y):
    """Softmax cross-entropy, mean over the batch, and its gradient dL/dlogits (n, k)."""
    n = len(y)
    shifted = logits - logits.max(axis=1, keepdims=True)  # exp() cannot overflow
    picked = shifted[np.arange(n), y]  # each image's true class
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    # -log softmax = log(total) - picked, the two sums taken apart in float64 as nndesk does
    loss = float(np.log(total).sum(dtype=np.float64) - picked.sum(dtype=np.float64)) / n
    grad = e / (total * n)  # softmax(logits) / n
    grad[np.arange(n), y] -= 1 / n
    return loss, grad'''
    if cfg.loss == "bce":
        return '''\
def loss_and_grad(logits, y):
    """Binary cross-entropy of sigmoid(logits) against one-hot targets (Keras'
    binary_crossentropy), mean over batch and classes, and dL/dlogits (n, k)."""
    t = np.eye(logits.shape[1], dtype=logits.dtype)[y]  # one-hot (n, k)
    # max(z, 0) - z t + log(1 + e^-|z|) = -t log s - (1 - t) log(1 - s), without overflow
    per = np.maximum(logits, 0) - logits * t + np.log1p(np.exp(-np.abs(logits)))
    return float(np.mean(per, dtype=np.float64)), (sigmoid(logits) - t) / logits.size'''
    if cfg.output == "linear":  # the logits are the outputs: nothing to chain through
        return '''\
def loss_and_grad(logits, y):
    """Mean squared error between the logits and one-hot targets, and dL/dlogits (n, k)."""
    t = np.eye(logits.shape[1], dtype=logits.dtype)[y]  # one-hot (n, k)
    diff = logits - t
    return float(np.mean(diff * diff, dtype=np.float64)), diff * np.float32(2 / logits.size)'''
    out = "softmax" if cfg.output == "softmax" else "sigmoid"
    chain = (
        "g = (g - (g * a).sum(axis=1, keepdims=True)) * a  # through softmax"
        if cfg.output == "softmax"
        else "g = g * (a * (1 - a))  # through the sigmoid"
    )
    return f'''\
def loss_and_grad(logits, y):
    """Mean squared error between {out}(logits) and one-hot targets, and dL/dlogits (n, k)."""
    t = np.eye(logits.shape[1], dtype=logits.dtype)[y]  # one-hot (n, k)
    a = {out}(logits)
    diff = a - t
    g = diff * np.float32(2 / logits.size)  # dL/da
    {chain}
    return float(np.mean(diff * diff, dtype=np.float64)), g'''


def _schedule(cfg: TrainConfig) -> str:
    head = "def learning_rate(epoch, epochs):\n"
    if cfg.schedule == "constant":
        return head + '    """The same rate every epoch."""\n    return LEARNING_RATE'
    if cfg.schedule == "step":
        return (head + '    """Times GAMMA every STEP_EPOCHS epochs (epoch counts from 0)."""\n'
                "    return LEARNING_RATE * GAMMA ** (epoch // STEP_EPOCHS)")  # fmt: skip
    if cfg.schedule == "exp":
        return (head + '    """Constant for CONSTANT_EPOCHS epochs, then times exp(-DECAY_RATE) '
                'per epoch."""\n'
                "    if epoch < CONSTANT_EPOCHS:\n        return LEARNING_RATE\n"
                "    return LEARNING_RATE * math.exp(-DECAY_RATE * (epoch - CONSTANT_EPOCHS + 1))")  # fmt: skip  # noqa: E501
    return (head + '    """Half a cosine from LEARNING_RATE at epoch 0 down to MIN_LR after the last."""\n'  # noqa: E501
            "    frac = min(epoch, epochs) / epochs\n"
            "    return MIN_LR + 0.5 * (LEARNING_RATE - MIN_LR) * (1 + math.cos(math.pi * frac))")  # fmt: skip  # noqa: E501


def _optimizer(cfg: TrainConfig, steered: frozenset = frozenset()) -> str:
    name = cfg.optimizer
    doc = {
        "gd": "One gradient-descent step (the batch: the whole training set)",
        "sgd": "One SGD step",
        "momentum": "One step of SGD with momentum (Keras' form)",
        "nesterov": "One step of SGD with Nesterov momentum",
        "rmsprop": "One RMSProp step",
        "adam": "One Adam step (with bias correction)",
        "adamw": "One AdamW step (weight decay applied to the weights, not the gradient)",
    }[name]
    lines = [
        "def update(p, grads, opt, lr):",
        f'    """{doc}, in place."""',
    ]
    if name in ("adam", "adamw"):
        lines += [
            '    opt["t"] = t = opt.get("t", 0) + 1  # steps taken',
            "    c = math.sqrt((1 - BETA2) / (1 - BETA2**t))  # sqrt(v_hat) = c * sqrt(v)",
            "    step = lr * (1 - BETA1) / ((1 - BETA1**t) * c)  # lr * m_hat / c = step * m",
        ]
    if cfg.clip_norm is not None:
        lines += [
            "    flat = np.concatenate([grads[k].ravel() for k in p])  # in the parameters' order",
            "    norm = math.sqrt(float(np.vdot(flat, flat)))",
            "    scale = CLIP_NORM / norm if norm > CLIP_NORM else 1.0  # clip the global norm",
        ]
    lines.append("    for k, w in p.items():")
    lines.append(
        "        g = grads[k] * scale" if cfg.clip_norm is not None else "        g = grads[k]"
    )
    l2 = cfg.l2 > 0 or "l2" in steered
    if l2 and name != "adamw":
        lines += [
            "        if w.ndim >= 2:  # weight matrices and kernels; not biases, slopes or scales",
            "            g = g + 2 * L2 * w  # the gradient of L2 * sum(w**2)",
        ]
    if name == "adamw" and l2:
        lines += [
            "        if w.ndim >= 2:  # decoupled decay of weight matrices and kernels",
            "            w -= w * (lr * (2 * L2))",
        ]
    body = {
        "gd": ["w -= lr * g"],
        "sgd": ["w -= lr * g"],
        "momentum": ['v = opt[k] = MOMENTUM * opt.get(k, 0) - lr * g', "w += v"],
        "nesterov": ['v = opt[k] = MOMENTUM * opt.get(k, 0) - lr * g',
                     "w -= lr * g  # look ahead along the velocity: w + MOMENTUM * v - lr * g",
                     "w += MOMENTUM * v"],
        "rmsprop": ['s = opt[k] = RHO * opt.get(k, 0) + g * g * (1 - RHO)  # running mean of g^2',
                    "w -= g / (np.sqrt(s) + EPS) * lr"],
        # nndesk's Adam: the moments kept as decaying sums, the bias correction in c and step
        "adam": ['m = opt[k + ".m"] = BETA1 * opt.get(k + ".m", 0) + g'
                 "  # (Kingma & Ba's m) / (1 - BETA1)",
                 'v = opt[k + ".v"] = BETA2 * opt.get(k + ".v", 0) + g * g'
                 "  # their v / (1 - BETA2)",
                 "w -= m / (np.sqrt(v) + EPS / c) * step  # lr * m_hat / (sqrt(v_hat) + EPS)"],
    }  # fmt: skip
    body["adamw"] = body["adam"]
    lines += ["        " + line for line in body[name]]
    if l2:  # nndesk's optimizers.flush_small_parameters: the same entries after each decayed step
        flush = "w[np.abs(w) < 2.0**-40] = 0  # no subnormals: x86 multiplies them 10x slower"
        if "l2" in steered:
            lines += ["        if L2 > 0:", "            " + flush]
        else:
            lines.append("        " + flush)
    return "\n".join(lines)


# -- main -----------------------------------------------------------------------------------------
def _main(cfg: TrainConfig, steered: frozenset = frozenset()) -> str:
    if cfg.val_fraction > 0:
        split = (
            f"    split_rng = np.random.default_rng([args.seed, {SPLIT_STREAM}])\n"
            "    keep, held = stratified_split(train_labels, VAL_FRACTION, split_rng)\n"
            "    val_images, y_val = train_images[held], train_labels[held]\n"
            "    train_images, y_train = train_images[keep], train_labels[keep]"
        )
        val_line = (
            "        val_loss, val_acc = evaluate(params, state, x_val, y_val)\n"
            '        val = f"  val loss {val_loss:.4f} acc {val_acc:.2%}"'
        )
    else:
        split = "    y_train = train_labels  # all training images: no validation split"
        val_line = '        val = ""'
    args = ", *stats" if cfg.normalize == "standard" else ""
    normalize = f"    x_train = normalize(train_images{args})"
    if cfg.normalize == "standard":
        normalize = (
            "    stats = fit_standard(train_images)  # the training split only\n" + normalize
        )
    if cfg.val_fraction > 0:
        normalize += f"\n    x_val = normalize(val_images{args})"
    shuffle = not cfg.full_batch or cfg.augment or bool(steered)
    if shuffle:
        order = (
            f"order = np.random.default_rng([args.seed, {SHUFFLE_STREAM}, epoch]).permutation(n)"
        )
    else:
        order = "order = np.arange(n)  # full batch: the order does not matter"
    text = Template(snippets.MAIN).substitute(
        NORM_ARGS=args,
        SPLIT_CALL=split,
        NORMALIZE_CALL=normalize,
        BATCH_EXPR="n if BATCH_SIZE == 0 else min(BATCH_SIZE, n)",
        AUGMENT_RNG=(
            f"    augment_rng = np.random.default_rng([args.seed, {AUGMENT_STREAM}, 1])"
            if _augments(cfg, steered)
            else _DROP
        ),
        ORDER_LINE=order,
        AUGMENT_CALL=(
            "            xb = augment(xb, augment_rng)"
            if cfg.augment and not steered & _AUG
            else "            if AUGMENT:\n                xb = augment(xb, augment_rng)"
            if _augments(cfg, steered)
            else _DROP
        ),
        VAL_LINE=val_line,
        PROGRESS=_PROGRESS if is_convolutional(network_steps(cfg)) else _DROP,
    )
    text = "\n".join(line for line in text.split("\n") if line != _DROP)
    return _steered_loop(text) if steered else text


def _steered_loop(text: str) -> str:
    """The training loop replaying ``CHANGES`` at their batches (``snippets.STEER``)."""
    swaps = (
        ("    for epoch in range(1, args.epochs + 1):\n"
         "        lr = learning_rate(epoch - 1, args.epochs)  # schedules count epochs from 0\n",
         "    steering, lr_fixed = steering_table(CHANGES), None\n"
         "    for epoch in range(1, args.epochs + 1):\n"
         "        for name, value in steering.pop((epoch, 0), []):  # batch sizes: between epochs\n"
         "            steer(name, value)\n"
         "        batch = n if BATCH_SIZE == 0 else min(BATCH_SIZE, n)\n"
         "        # schedules count epochs from 0; a rate set by hand stays (the app's rule)\n"
         "        lr = learning_rate(epoch - 1, args.epochs) if lr_fixed is None else lr_fixed\n"),
        ("        for start in range(0, n, batch):\n"
         "            idx = order[start : start + batch]\n",
         "        for b, start in enumerate(range(0, n, batch), start=1):\n"
         "            for name, value in steering.pop((epoch, b), []):\n"
         "                if name == \"LR\":\n"
         "                    lr = lr_fixed = value\n"
         "                else:\n"
         "                    steer(name, value)\n"
         "            idx = order[start : start + batch]\n"),
    )  # fmt: skip
    for old, new in swaps:
        if old not in text:
            raise AssertionError(f"the training loop changed: {old.strip()!r} is gone")
        text = text.replace(old, new)
    return text


_PROGRESS = """\
            done = start + len(yb)
            if (start // batch + 1) % 20 == 0 or done == n:  # a CNN epoch is slow: show progress
                left = (time.perf_counter() - t0) / done * (n - done) / 60  # minutes, at this pace
                print(f"  {done}/{n} images  loss {loss_sum / done:.4f}  ~{left:.0f} min left",
                      flush=True)"""
_DROP = "<drop this line>"  # a placeholder left empty: its line goes
