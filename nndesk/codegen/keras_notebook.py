"""Write an experiment as a Jupyter notebook in Keras, the way the labs built their networks.

The notebook is JSON in nbformat 4.5, written by hand: nndesk never imports Keras or Jupyter,
only the generated notebook imports TensorFlow. One markdown cell per step explains which of the
app's settings the code cell below it carries.
"""

from __future__ import annotations

import dataclasses
import json

from nndesk.codegen import snippets
from nndesk.codegen.continued import header_lines
from nndesk.codegen.experiment import Experiment
from nndesk.codegen.keras_steering import Steering
from nndesk.codegen.network import Step, network_steps
from nndesk.codegen.words import Words
from nndesk.training import TrainConfig

_KERAS_INIT = {
    "he": "he_normal",
    "xavier": "glorot_uniform",
    "lecun": "lecun_normal",
    "zeros": "zeros",
}
_ACT_NAMES = {"relu": "ReLU", "sigmoid": "sigmoid", "tanh": "tanh", "elu": "ELU"}


def keras_notebook(
    experiment: Experiment,
    command: str,
    words: Words | None = None,
    data_folder: str | None = None,
) -> str:
    """The notebook for ``experiment`` as JSON text; ``command`` goes in its first cell.
    ``words``: the language of its markdown, comments and messages (English by default).
    ``data_folder``: the folder the app read the dataset's IDX files from (``data_place``),
    the notebook's ``DATA_DIR``; None: none known, it reads (or downloads into) ``data/``.

    A steered run (``experiment.changes``) trains in a loop of ``train_on_batch`` calls that
    replays its change record at the same batches, instead of one ``fit``.
    """
    t = words or Words()
    cfg = experiment.config
    steps = network_steps(cfg)
    one_hot = cfg.loss != "ce"
    steer = Steering(experiment, t)
    # Keras counts its L2 term in every loss it prints; nndesk's figures are the data loss
    # alone: 0.4259 against the app's 0.3336 on a test set, unsaid (walk69 D8)
    l2_in_loss = (steer.l2_steered or bool(cfg.l2)) and cfg.optimizer != "adamw"
    l2_note = "\n\n" + t(_L2_NOTE) if l2_in_loss else ""
    fit_note = " " + t(_L2_FIT) if l2_in_loss else ""
    # ... so a metric compiled beside the loss keeps the loss without it, and the curves draw
    # that too: the loss curve alone set Keras' loss with L2 against nndesk's without
    metric_note = " " + t(_L2_METRIC) if l2_in_loss else ""
    dashed_note = " " + t(_L2_DASHED) if l2_in_loss else ""
    cells: list[tuple[str, str]] = [
        ("markdown", _title(experiment, command, t)),
        ("markdown", t("## Set-up\nNeeds TensorFlow 2.16 or newer (Keras 3), NumPy and "
                       "matplotlib: `pip install tensorflow matplotlib`.") + " "
         + _data_dir_text(experiment, data_folder, t)),
        ("code", _setup(experiment, t, data_folder)),
        ("markdown", t("## Data\nThe IDX files are read with `gzip` and `struct`, every size "
                       "checked against the bytes present, into uint8 arrays (n, 28, 28).")),
        ("code", snippets.IDX.replace("raise SystemExit", "raise ValueError") + "\n\n\n"
         + _FETCH + "\n\n\n"
         "train_images, train_labels, test_images, test_labels = load_data(data_dir)\n"
         "print(train_images.shape, test_images.shape)"),
    ]  # fmt: skip
    cells += _split_cells(cfg, t)
    cells += [
        ("markdown", t("## Normalisation") + "\n" + _normalize_text(cfg, t)),
        ("code", _normalize_code(cfg, one_hot)),
        ("markdown", t("## The network") + "\n" + _network_text(cfg, steps, steer, t)),
        ("code", _model_code(cfg, steps, steer)),
        ("markdown", t("## Loss and optimiser") + "\n" + _compile_text(cfg, t) + l2_note
         + metric_note),
        ("code", _compile_code(cfg, l2_in_loss)),
        ("markdown", t("## Learning-rate schedule") + "\n" + _schedule_text(cfg, t)),
        ("code", _schedule_code(cfg)),
    ]  # fmt: skip
    if steer:
        cells += [
            ("markdown", t("## The run's changes") + "\n" + steer.text()),
            ("code", steer.code()),
            ("markdown", t("## Training") + "\n" + _fit_text(cfg, t) + " " + steer.loop_text()
             + fit_note),
            ("code", steer.loop_code(l2_in_loss)),
        ]  # fmt: skip
    else:
        cells += [("markdown", t("## Training") + "\n" + _fit_text(cfg, t) + fit_note),
                  ("code", _fit_code(cfg))]  # fmt: skip
    cells += [
        ("markdown", t("## Evaluation\nAccuracy on the 10,000 test images, printed as "
                       "`test_accuracy=0.xxxx` like nndesk's exported script.")
         + (" " + t(_L2_PRINTED) if l2_in_loss else "")),
        ("code", _evaluate_code(cfg, l2_in_loss)),
        ("markdown", t("## Curves\nLoss and accuracy per epoch, as on nndesk's Train page.")
         + l2_note + dashed_note),
        ("code", _curves_code(cfg, "history" if steer else "history.history", t, l2_in_loss)),
    ]  # fmt: skip
    # the code cells' comments, docstrings and messages in the language (the code unchanged)
    cells = [(kind, t.code(text) if kind == "code" else text) for kind, text in cells]
    notebook = {
        "cells": [_cell(kind, text, i) for i, (kind, text) in enumerate(_numbered(cells), 1)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def _numbered(cells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Number the step headings ("## Data" -> "## 2. Data"); a steered run has one step more."""
    out, step = [], 0
    for kind, text in cells:
        if kind == "markdown" and text.startswith("## "):
            step += 1
            text = f"## {step}. {text[3:]}"
        out.append((kind, text))
    return out


#: The data cell's second half: the folder to read, downloading into ``DOWNLOAD_DIR`` when
#: ``DATA_DIR`` does not hold the files (``read_idx`` checks every size of what came)
_FETCH = '''\
STEMS = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
         "t10k-labels-idx1-ubyte"]


def holds_idx(folder):
    """Whether ``folder`` (or its sub-folder) holds the four IDX files."""
    try:
        return all(find_idx(folder, stem) for stem in STEMS)
    except ValueError:
        return False


def download_idx(folder):
    """Download the IDX files ``folder`` lacks from MIRRORS, tried in turn."""
    os.makedirs(folder, exist_ok=True)
    for stem in STEMS:
        path = os.path.join(folder, stem + ".gz")
        if os.path.isfile(path):
            continue
        failures = []
        for mirror in MIRRORS:
            try:
                with urllib.request.urlopen(mirror + stem + ".gz", timeout=60) as response:
                    data = response.read(MAX_IDX_BYTES + 1)
            except OSError as err:  # no network, a server down or refusing (URLError too)
                failures.append(f"{mirror}: {err}")
                continue
            if data[:2] == b"\\x1f\\x8b":  # gzip: a web page sent in its place is not kept
                break
            failures.append(f"{mirror}: not a .gz file")
        else:
            raise ValueError(
                f"{stem}.gz is in neither {DATA_DIR} nor {folder}, and no mirror sent it "
                f"({'; '.join(failures)}): set DATA_DIR to the folder holding the IDX files."
            )
        with open(path + ".part", "wb") as f:
            f.write(data)
        os.replace(path + ".part", path)


data_dir = DATA_DIR
if not holds_idx(data_dir):
    data_dir = os.path.join(DOWNLOAD_DIR, FOLDER_NAMES[0])
    if not holds_idx(data_dir):
        print(f"The IDX files are not in {DATA_DIR}: downloading them into {data_dir}")
        download_idx(data_dir)
print(f"reading the IDX files from {data_dir}")'''


_L2_NOTE = (
    "Keras adds the L2 term (the factor times the sum of the squared weights) to the loss it "
    "prints during training, plots and returns from `evaluate`; nndesk's curves and figures "
    "show the data loss alone, so the losses here are higher by that term."
)
_L2_FIT = "The losses it prints hold the L2 term (see “Loss and optimiser”)."
#: the name of the metric that keeps the loss without the L2 term (its validation one: "val_" +)
DATA_LOSS = "data_loss"
_L2_METRIC = (
    "So the model is compiled with a `data_loss` metric beside the loss: the same loss without "
    "the L2 term, as nndesk counts it."
)
_L2_DASHED = (
    "The dashed lines are the loss without it (the `data_loss` metric): those compare with "
    "nndesk's curves."
)
_L2_PRINTED = (
    "The test loss is printed twice: with the L2 term, as Keras counts it, and without it, "
    "the figure nndesk shows."
)


def _evaluate_code(cfg: TrainConfig, l2_in_loss: bool) -> str:
    """The evaluation cell: accuracy, and the test loss with (and, when Keras adds an L2
    term to it, without) the regularisation."""
    if not l2_in_loss:
        lines = [
            "test_loss, test_accuracy = model.evaluate(x_test, t_test, verbose=0)",
            'print(f"test loss {test_loss:.4f}")',
        ]
    else:  # three figures, the compiled data_loss metric's among them: read by name
        lines = [
            "scores = model.evaluate(x_test, t_test, verbose=0, return_dict=True)",
            'test_loss, test_accuracy = scores["loss"], scores["accuracy"]',
            'print(f"test loss {test_loss:.4f}")',
            "# the same loss without the L2 term: what nndesk's curves and figures show",
            f'data_loss = scores["{DATA_LOSS}"]',
            'print(f"test loss without L2 {float(data_loss):.4f}")',
        ]
    lines.append('print(f"test_accuracy={test_accuracy:.4f}")')
    return "\n".join(lines)


def _cell(kind: str, text: str, index: int) -> dict:
    lines = text.split("\n")
    source = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    cell: dict = {"cell_type": kind, "id": f"cell-{index:02d}", "metadata": {}, "source": source}
    if kind == "code":
        cell["execution_count"] = None
        cell["outputs"] = []
    return cell


# -- the cells ------------------------------------------------------------------------------------
def _title(experiment: Experiment, command: str, t: Words) -> str:
    cfg = experiment.config
    rows = [
        (t("dataset"), experiment.dataset),
        (t("architecture"), f"`{cfg.arch}`"),
        (t("hidden activation"), t.setting("activation", cfg.activation)),
        (t("output"), t.setting("output", cfg.output)),
        (t("loss"), t.setting("loss", cfg.loss)),
        (t("optimiser"), t("{optimizer}, learning rate {lr}",
                            optimizer=t.setting("optimizer", cfg.optimizer), lr=t.number(cfg.lr))),
        (t("batch size"), str(cfg.batch_size or t("full (the whole training set)"))),
        (t("epochs"), str(cfg.epochs)),
        (t("schedule"), t.setting("schedule", cfg.schedule)),
        (t("inputs"), t.setting("normalize", cfg.normalize)),
        (t("validation"), t("{share} of the training images", share=f"{cfg.val_fraction:.0%}")),
        (t("seed"), str(cfg.seed)),
    ]  # fmt: skip
    if cfg.dropout:
        rows.append(("dropout", t.number(cfg.dropout)))
    if cfg.l2:
        rows.append(("L2", t.number(cfg.l2)))
    if cfg.augment:
        rows.append(
            (
                t("augmentation"),
                t(
                    "shifts up to {shift} px, rotations up to {rotate}°, zoom ±{scale}",
                    shift=t.number(cfg.aug_shift),
                    rotate=t.number(cfg.aug_rotate),
                    scale=t.number(cfg.aug_scale),
                ),
            )
        )
    if experiment.changes:
        rows.append(
            (
                t("steered"),
                t(
                    "{count} changes while training: these are the settings it started with "
                    "(see the run's changes below)",
                    count=len(experiment.changes),
                ),
            )
        )
    if experiment.stopped is not None:
        epoch = experiment.stopped[0]
        rows.append(
            (
                t("stopped"),
                t(
                    "the run was stopped {share} of the way through epoch {epoch}: "
                    "epochs={closest} comes closest to the model it saved",
                    share=experiment.stopped_share(),
                    epoch=epoch,
                    closest=experiment.closest_epochs(),
                ),
            )
        )
    rows += [(t("continued"), line) for line in header_lines(experiment, t)]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    return (
        t(
            "# {slug}: `{arch}` on {dataset}, in Keras",
            slug=experiment.slug,
            arch=cfg.arch,
            dataset=experiment.dataset,
        )
        + "\n\n"
        + t("Exported by nndesk from {origin}.", origin=t.origin(experiment.origin))
        + "  \n"
        + t("Made with: `{command}`", command=t.command(" ".join(command.split())))
        + "\n\n"
        + t(
            "The same experiment as nndesk trains from scratch in NumPy, built the way the labs "
            "built it in Keras."
        )
        + " "
        + _measured_text(t, _is_the_measured_lab(cfg))
        + "\n\n"
        + t("| setting | value |")
        + f"\n|---|---|\n{table}"
    )


#: fashion-mlp-lab's test accuracy (%), seeds 0-9, in nndesk (CLI, one thread) and in this
#: notebook under TensorFlow 2.21 on CPU (one thread), measured 2026-12-07 (s66, fixV; the
#: figures in docs/presets.md): walk65 D15 read 85.32 % against the app's 87.17 % (seed 0)
#: where the notebook promised "about a point"
MEASURED_APP = (87.17, 86.68, 86.59, 86.93, 86.31, 87.16, 87.35, 85.02, 86.49, 86.46)
MEASURED_KERAS = (85.32, 85.97, 86.60, 86.58, 86.50, 86.14, 86.18, 85.89, 86.87, 86.95)


def _is_the_measured_lab(cfg) -> bool:
    """Whether ``cfg`` is fashion-mlp-lab's settings (any seed): the preset the spread of
    ``MEASURED_APP`` / ``MEASURED_KERAS`` was measured on."""
    from nndesk.presets import PRESETS

    lab = PRESETS["fashion-mlp-lab"].config
    return cfg == dataclasses.replace(lab, seed=cfg.seed)


def _measured_text(t: Words, this_lab: bool = True) -> str:
    """What the notebook's accuracy can be expected to be beside the app's: a seed's spread,
    as measured on the lab (not a promise of "within a point"); of another experiment's
    notebook (``this_lab`` False), said as measured on another preset, not its own (walk70 L6:
    an MNIST GD notebook said "Measured on the fashion-mlp-lab preset" as if its own)."""
    gap = max(abs(a - k) for a, k in zip(MEASURED_APP, MEASURED_KERAS, strict=True))
    text = (
        "Keras draws its own random numbers (initial weights, batch order), so its accuracy is "
        "another draw from the spread that a seed gives, not the app's digits. Measured on the "
        "fashion-mlp-lab preset with seeds 0–{last}: nndesk {app_low}–{app_high} % (mean "
        "{app_mean} %), this notebook {keras_low}–{keras_high} % (mean {keras_mean} %); one "
        "seed's two figures were up to {gap} points apart. A difference of that size is "
        "chance, not a difference between the two."
        if this_lab
        else "Keras draws its own random numbers (initial weights, batch order), so its "
        "accuracy is another draw from the spread that a seed gives, not the app's digits. "
        "Measured on another preset, fashion-mlp-lab, not on these settings, with seeds "
        "0–{last}: nndesk {app_low}–{app_high} % (mean {app_mean} %), its notebook "
        "{keras_low}–{keras_high} % (mean {keras_mean} %); one seed's two figures were up to "
        "{gap} points apart. These settings' spread was not measured: it may be wider or "
        "narrower."
    )
    return t(
        text,
        last=len(MEASURED_APP) - 1,
        app_low=t.number(min(MEASURED_APP), ".1f"),
        app_high=t.number(max(MEASURED_APP), ".1f"),
        app_mean=t.number(sum(MEASURED_APP) / len(MEASURED_APP), ".1f"),
        keras_low=t.number(min(MEASURED_KERAS), ".1f"),
        keras_high=t.number(max(MEASURED_KERAS), ".1f"),
        keras_mean=t.number(sum(MEASURED_KERAS) / len(MEASURED_KERAS), ".1f"),
        gap=t.number(gap, ".1f"),
    )


def _setup(experiment: Experiment, t: Words, data_folder: str | None) -> str:
    if data_folder is None:
        data_dir = 'DATA_DIR = "data"  # the folder with the IDX files'
    else:
        data_dir = f"DATA_DIR = {data_folder!r}  # where nndesk read them when it exported this"
    return "\n".join(
        [
            "import gzip",
            "import math",
            "import os",
            "import struct",
            "import urllib.request",
            "",
            "import matplotlib.pyplot as plt",
            "import numpy as np",
            "from tensorflow import keras",
            "from tensorflow.keras import layers",
            "",
            data_dir,
            'DOWNLOAD_DIR = "data"  # where they are downloaded when DATA_DIR does not hold them',
            "# the addresses nndesk downloads them from, tried in turn",
            "MIRRORS = [",
            *(f"    {url!r}," for url in _mirrors(experiment.dataset)),
            "]",
            f"DATASET = {experiment.dataset!r}",
            f"FOLDER_NAMES = {experiment.folder_names!r}",
            f"CLASS_NAMES = {list(t.class_names(experiment.class_names))!r}",
            f"SEED = {experiment.config.seed!r}",
            "MAX_IDX_BYTES = 200_000_000  # far above the 47 MB of MNIST's training images",
            "keras.utils.set_random_seed(SEED)  # Python, NumPy and TensorFlow in one call",
        ]
    )


def _mirrors(dataset: str) -> tuple[str, ...]:
    """The web addresses nndesk downloads ``dataset``'s four ``.gz`` files from."""
    from nndesk.data.registry import get_spec

    return tuple(get_spec(dataset).mirrors)


def _data_dir_text(experiment: Experiment, data_folder: str | None, t: Words) -> str:
    """Where the notebook reads the IDX files: the app's folder when it was exported, else a
    download (walk65 D15: its "data" had to be edited by hand before it ran)."""
    folder = experiment.folder_names[0]
    if data_folder is None:
        return t(
            "It reads the four IDX files from `DATA_DIR` (or its `{folder}/` sub-folder); "
            "where they are not there it downloads them into `data/{folder}/` beside the "
            "notebook. Point `DATA_DIR` at a folder holding them to use those.",
            folder=folder,
        )
    return t(
        "`DATA_DIR` is the folder nndesk read the four IDX files from when it wrote this "
        "notebook; on a computer where it does not hold them, the notebook downloads them "
        "into `data/{folder}/` beside it. Point `DATA_DIR` at another folder holding them (or "
        "its `{folder}/` sub-folder) to use those.",
        folder=folder,
    )


def _split_cells(cfg: TrainConfig, t: Words) -> list[tuple[str, str]]:
    if cfg.val_fraction <= 0:
        return [
            ("markdown", t("## Validation split\nNone: like the lab, this experiment trains on "
                           "all training images and only the test set scores it.")),
            ("code", "y_train = train_labels"),
        ]  # fmt: skip
    return [
        (
            "markdown",
            t(
                "## Validation split\n{share} of the training images of every class are held "
                "out to watch over-fitting (nndesk's stratified split with the same seeded "
                "stream).",
                share=f"{cfg.val_fraction:.0%}",
            ),
        ),
        (
            "code",
            snippets.SPLIT + "\n\n\n"
            "keep, held = stratified_split(train_labels, "
            f"{cfg.val_fraction!r}, np.random.default_rng([SEED, 1]))\n"
            "val_images, y_val = train_images[held], train_labels[held]\n"
            "train_images, y_train = train_images[keep], train_labels[keep]",
        ),
    ]


def _normalize_text(cfg: TrainConfig, t: Words) -> str:
    return (
        t(
            {
                "raw": "Raw pixel values 0..255, as the lab fed them.",
                "unit": "Pixels divided by 255: inputs in [0, 1].",
                "symmetric": "Pixels mapped to [-1, 1]: x / 127.5 - 1.",
                "standard": "Standardised with one mean and standard deviation over every "
                "training pixel.",
            }[cfg.normalize]
        )
        + " "
        + t("Images become rows of 784 values, as nndesk feeds them.")
    )


def _normalize_code(cfg: TrainConfig, one_hot: bool) -> str:
    if cfg.normalize == "standard":
        body = [
            "MEAN = train_images.astype(np.float64).mean()",
            "STD = max(train_images.astype(np.float64).std(), 1e-6)",
            "",
            "",
            "def normalize(images):",
            "    return ((images.reshape(len(images), 784) - MEAN) / STD).astype(np.float32)",
        ]
    else:
        expr = {
            "raw": "images.reshape(len(images), 784).astype(np.float32)",
            "unit": "images.reshape(len(images), 784).astype(np.float32) / 255",
            "symmetric": "images.reshape(len(images), 784).astype(np.float32) / 127.5 - 1",
        }[cfg.normalize]
        body = ["def normalize(images):", f"    return {expr}"]
    body += ["", "", "x_train, x_test = normalize(train_images), normalize(test_images)"]
    if cfg.val_fraction > 0:
        body.append("x_val = normalize(val_images)")
    if one_hot:
        body.append("# the loss compares probabilities with one-hot targets")
        body.append("t_train, t_test = keras.utils.to_categorical(y_train, 10), "
                    "keras.utils.to_categorical(test_labels, 10)")  # fmt: skip
        if cfg.val_fraction > 0:
            body.append("t_val = keras.utils.to_categorical(y_val, 10)")
    else:
        body.append("t_train, t_test = y_train, test_labels  # class numbers (sparse targets)")
        if cfg.val_fraction > 0:
            body.append("t_val = y_val")
    return "\n".join(body)


def _network_text(cfg: TrainConfig, steps: list[Step], steer: Steering, t: Words) -> str:
    init = {"he": "He", "xavier": "Glorot uniform", "lecun": "LeCun", "zeros": "zero"}
    lines = [t("nndesk's `{arch}`, layer by layer (shapes per image):", arch=cfg.arch), ""]
    for s in steps:
        shape = "×".join(str(v) for v in s.out_shape)
        if s.kind == "dense":
            lines.append(t("- dense {n_in} → {n_out}, {init} initial weights", n_in=s.spec["in"],
                           n_out=s.spec["out"], init=t(init[s.spec["init"]])))  # fmt: skip
        elif s.kind == "conv":
            pad = t("'same' padding") if s.spec["padding"] else t("no padding ('valid')")
            lines.append(t("- {filters} convolution kernels {k}×{k}, {padding} → {shape}",
                           filters=s.spec["filters"], k=s.spec["kernel"], padding=pad,
                           shape=shape))  # fmt: skip
        elif s.kind == "pool":
            lines.append(t("- 2×2 max-pooling → {shape}", shape=shape))
        elif s.kind == "bn":
            lines.append(t("- batch normalisation per channel"))
        elif s.kind == "act":
            extra = (
                t(", slopes starting at {init}", init=t.number(s.spec["init"]))
                if s.spec["name"] == "prelu"
                else ""
            )
            lines.append(f"- {s.spec['name']}{extra}")
        elif s.kind == "dropout":
            lines.append(t("- dropout {rate} (training only)", rate=t.number(s.spec["rate"])))
        elif s.kind == "flatten":
            lines.append(t("- flatten → {shape}", shape=shape))
    lines.append(t("- {output} output", output=cfg.output))
    if steer.l2_steered:
        lines.append("\n" + t(
            "L2 on every weight matrix and kernel, starting at {l2}: one `L2` regulariser "
            "shared by the layers, so the run's changes reach all.",
            l2=t.number(cfg.l2)))  # fmt: skip
    elif cfg.l2:
        lines.append("\n" + t("L2 {l2} on every weight matrix and kernel (Keras' `l2`).",
                              l2=t.number(cfg.l2)))  # fmt: skip
    if any(s.kind == "conv" for s in steps) and cfg.activation != "prelu":
        lines.append("\n" + t("nndesk applies a conv layer's activation after its max-pool, "
                              "which gives the same numbers as Keras' `activation=` on the "
                              "Conv2D."))  # fmt: skip
    if steer.augments:
        lines.append("\n" + t("The training loop shifts, rotates and zooms the training images "
                              "in NumPy, as nndesk does, so that the run's changes can switch it "
                              "and set its strengths."))  # fmt: skip
    elif cfg.augment:
        lines.append("\n" + t("The random layers at the top shift, rotate and zoom the training "
                              "images (Keras turns them off in evaluation)."))  # fmt: skip
    return "\n".join(lines)


def _layer_extras(cfg: TrainConfig, init: str, steer: Steering) -> str:
    extras = f', kernel_initializer="{_KERAS_INIT[init]}"'
    if steer.l2_steered and cfg.optimizer != "adamw":
        extras += ", kernel_regularizer=L2_REG"
    elif cfg.l2 and cfg.optimizer != "adamw":
        extras += f", kernel_regularizer=keras.regularizers.l2({cfg.l2!r})"
    return extras


def _inline_activation(steps: list[Step], index: int) -> str | None:
    """The activation name Keras can take as ``activation=`` for the conv/dense at ``index``."""
    s = steps[index]
    for t in steps[index + 1 :]:
        if t.kind == "act" and t.spec["after"] == s.kind and t.number == s.number:
            return t.spec["name"] if t.spec["name"] in _ACT_NAMES else None
        if t.kind in ("conv", "dense"):
            return None
    return None


def _model_code(cfg: TrainConfig, steps: list[Step], steer: Steering) -> str:
    lines = ["model = keras.Sequential(", "    [", "        keras.Input(shape=(784,)),"]
    if steer.l2_steered and cfg.optimizer != "adamw":
        lines[:0] = [f"L2_REG = keras.regularizers.L2({cfg.l2!r})  # one for every layer", ""]
    conv = any(s.kind == "conv" for s in steps)
    keras_augments = cfg.augment and not steer.augments
    if keras_augments:
        shift = f"{cfg.aug_shift!r} / 28"
        lines.append("        layers.Reshape((28, 28, 1)),  # images, channels last")
        lines += [
            f'        layers.RandomTranslation({shift}, {shift}, fill_mode="nearest"),',
            f'        layers.RandomRotation({cfg.aug_rotate!r} / 360, fill_mode="nearest"),',
            f'        layers.RandomZoom({cfg.aug_scale!r}, fill_mode="nearest"),',
        ]
        if not conv:
            lines.append("        layers.Flatten(),")
    last_dense = max(i for i, s in enumerate(steps) if s.kind == "dense")
    for i, s in enumerate(steps):
        if s.kind == "images" and not keras_augments:
            lines.append("        layers.Reshape((28, 28, 1)),  # images, channels last")
        elif s.kind in ("conv", "dense"):
            act = cfg.output if i == last_dense else _inline_activation(steps, i)
            act_arg = f', activation="{act}"' if act else ""
            if s.kind == "conv":
                pad = "same" if s.spec["padding"] else "valid"
                k, extras = s.spec["kernel"], _layer_extras(cfg, s.spec["init"], steer)
                lines.append(f"        layers.Conv2D({s.spec['filters']}, ({k}, {k}), "
                             f'padding="{pad}"{act_arg}{extras}),')  # fmt: skip
            else:
                lines.append(f"        layers.Dense({s.spec['out']}{act_arg}"
                             f"{_layer_extras(cfg, s.spec['init'], steer)}),")  # fmt: skip
        elif s.kind == "act":
            name = s.spec["name"]
            if name == "prelu":
                shared = ", shared_axes=[1, 2]" if s.spatial else ""
                lines.append("        layers.PReLU(alpha_initializer=keras.initializers."
                             f"Constant({s.spec['init']!r}){shared}),")  # fmt: skip
            elif name == "leaky_relu":
                lines.append(f"        layers.LeakyReLU(negative_slope={s.spec['alpha']!r}),")
            # other activations went into the layer's activation= above
        elif s.kind == "pool":
            lines.append("        layers.MaxPooling2D((2, 2)),")
        elif s.kind == "bn":
            lines.append(f"        layers.BatchNormalization(momentum={s.spec['momentum']!r}, "
                         f"epsilon={s.spec['eps']!r}),")  # fmt: skip
        elif s.kind == "dropout":
            lines.append(f"        layers.Dropout({s.spec['rate']!r}),")
        elif s.kind == "flatten":
            lines.append("        layers.Flatten(),")
    lines += ["    ]", ")", "model.summary()"]
    return "\n".join(lines)


def _compile_text(cfg: TrainConfig, t: Words) -> str:
    loss = {
        "ce": "Cross-entropy of the softmax against the class number "
        "(`sparse_categorical_crossentropy`).",
        "bce": "Binary cross-entropy of every sigmoid output against one-hot targets, as the "
        "MNIST lab scored it.",
        "mse": "Mean squared error between the outputs and one-hot targets.",
    }[cfg.loss]
    momentum, decay = t.number(cfg.momentum), t.number(2 * cfg.l2)
    opt = {
        "gd": "Plain gradient descent (SGD on the whole training set as one batch)",
        "sgd": "SGD",
        "momentum": "SGD with momentum {momentum}",
        "nesterov": "SGD with Nesterov momentum {momentum}",
        "rmsprop": "RMSProp",
        "adam": "Adam",
        "adamw": "AdamW (decoupled weight decay {decay})",
    }[cfg.optimizer]
    opt = t(opt, momentum=momentum, decay=decay) if "{" in opt else t(opt)
    eps = _eps(cfg)
    text = t(loss) + "\n\n" + t("{optimizer} with learning rate {lr}", optimizer=opt,
                                   lr=t.number(cfg.lr))  # fmt: skip
    if eps is not None:
        text += t(" and epsilon {eps}", eps=t.number(eps))
    if cfg.clip_norm is not None:
        text += t(", gradients clipped to a global norm of {clip}", clip=t.number(cfg.clip_norm))
    return text + "."


def _eps(cfg: TrainConfig) -> float | None:
    if cfg.optimizer in ("adam", "adamw"):
        return 1e-8 if cfg.eps is None else cfg.eps
    if cfg.optimizer == "rmsprop":
        return 1e-7 if cfg.eps is None else cfg.eps
    return None


#: Keras' metric of each loss: the loss's own function, never its regularisation terms
_LOSS_METRIC = {
    "ce": "SparseCategoricalCrossentropy",
    "bce": "BinaryCrossentropy",
    "mse": "MeanSquaredError",
}


def _compile_code(cfg: TrainConfig, l2_in_loss: bool = False) -> str:
    """The compile cell; ``l2_in_loss``: Keras adds an L2 term to the loss, and a metric
    (``DATA_LOSS``) keeps the loss without it."""
    args = [f"learning_rate={cfg.lr!r}"]
    name = {"gd": "SGD", "sgd": "SGD", "momentum": "SGD", "nesterov": "SGD",
            "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW"}[cfg.optimizer]  # fmt: skip
    if cfg.optimizer in ("momentum", "nesterov"):
        args.append(f"momentum={cfg.momentum!r}")
    if cfg.optimizer == "nesterov":
        args.append("nesterov=True")
    if cfg.optimizer == "rmsprop":
        args.append("rho=0.9")
    if cfg.optimizer == "adamw":
        args.append(f"weight_decay={2 * cfg.l2!r}")
    eps = _eps(cfg)
    if eps is not None:
        args.append(f"epsilon={eps!r}")
    if cfg.clip_norm is not None:
        args.append(f"global_clipnorm={cfg.clip_norm!r}")
    loss = {"ce": "sparse_categorical_crossentropy", "bce": "binary_crossentropy",
            "mse": "mean_squared_error"}[cfg.loss]  # fmt: skip
    metric = (
        '"accuracy"' if cfg.loss == "ce" else 'keras.metrics.CategoricalAccuracy(name="accuracy")'
    )
    if l2_in_loss:
        metric += f', keras.metrics.{_LOSS_METRIC[cfg.loss]}(name="{DATA_LOSS}")'
    return "\n".join(
        [
            f"optimizer = keras.optimizers.{name}({', '.join(args)})",
            "model.compile(",
            "    optimizer=optimizer,",
            f'    loss="{loss}",',
            f"    metrics=[{metric}],",
            ")",
        ]
    )


def _schedule_text(cfg: TrainConfig, t: Words) -> str:
    text = {
        "constant": "Constant: the same learning rate every epoch.",
        "step": "Multiplied by {gamma} every {step} epochs.",
        "exp": "Constant for {step} epochs, then multiplied by exp(-{rate}) every epoch (the "
        "lab's callback).",
        "cosine": "Half a cosine from {lr} down to {min_lr} over the run.",
    }[cfg.schedule]
    return t(
        text,
        gamma=t.number(cfg.schedule_gamma),
        step=cfg.schedule_step,
        rate=t.number(cfg.schedule_rate),
        lr=t.number(cfg.lr),
        min_lr=t.number(cfg.min_lr),
    )


def _schedule_code(cfg: TrainConfig) -> str:
    body = {
        "constant": [f"    return {cfg.lr!r}"],
        "step": [
            f"    return {cfg.lr!r} * {cfg.schedule_gamma!r} ** (epoch // {cfg.schedule_step})"
        ],
        "exp": [
            f"    if epoch < {cfg.schedule_step}:",
            f"        return {cfg.lr!r}",
            f"    return {cfg.lr!r} * math.exp(-{cfg.schedule_rate!r} * "
            f"(epoch - {cfg.schedule_step} + 1))",
        ],
        "cosine": [
            f"    frac = min(epoch, {cfg.epochs}) / {cfg.epochs}",
            f"    return {cfg.min_lr!r} + 0.5 * ({cfg.lr!r} - {cfg.min_lr!r}) * "
            "(1 + math.cos(math.pi * frac))",
        ],
    }[cfg.schedule]
    return "\n".join(
        [
            "def learning_rate(epoch, lr):",
            '    """The rate for epoch ``epoch`` (counted from 0)."""',
            *body,
            "",
            "",
            "schedule = keras.callbacks.LearningRateScheduler(learning_rate)",
        ]
    )


def _fit_text(cfg: TrainConfig, t: Words) -> str:
    batch = (
        t("the whole training set as one batch (full-batch gradient descent)")
        if cfg.full_batch
        else t("batches of {size}, reshuffled every epoch", size=cfg.batch_size)
    )
    return t("{epochs} epochs in {batch}.", epochs=cfg.epochs, batch=batch)


def _fit_code(cfg: TrainConfig) -> str:
    batch = "len(x_train)" if cfg.full_batch else repr(cfg.batch_size)
    val = "validation_data=(x_val, t_val)" if cfg.val_fraction > 0 else "validation_data=None"
    return "\n".join(
        [
            "history = model.fit(",
            "    x_train,",
            "    t_train,",
            f"    batch_size={batch},",
            f"    epochs={cfg.epochs},",
            f"    {val},",
            "    callbacks=[schedule],",
            "    shuffle=True,",
            # one line an epoch: the per-step progress bar left 939 outputs in the cell
            "    verbose=2,",
            ")",
        ]
    )


def _curves_code(cfg: TrainConfig, logs: str, t: Words, l2_in_loss: bool = False) -> str:
    """The plotting cell; ``logs`` names the dict of per-epoch lists ("history.history");
    ``l2_in_loss``: the loss lines hold Keras' L2 term, and dashed lines of the same colours
    draw the ``DATA_LOSS`` metric beside them."""
    val = cfg.val_fraction > 0
    train, validation = t("train"), t("validation")
    # epochs counted from 1, as the window's epoch charts and the printed lines count them
    # (the lists' own indices drew epoch 1 at 0, walk61 D8)
    lines = [
        "fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))",
        f'epochs = range(1, len({logs}["loss"]) + 1)',
    ]
    splits = [("", train)] + ([("val_", validation)] if val else [])
    for prefix, name in splits:
        if l2_in_loss:
            with_l2 = t("{split}, with L2", split=name)
            without = t("{split}, without L2", split=name)
            lines += [
                f'(line,) = ax_loss.plot(epochs, {logs}["{prefix}loss"], label="{with_l2}")',
                "ax_loss.plot(",
                f'    epochs, {logs}["{prefix}{DATA_LOSS}"], "--", color=line.get_color(),',
                f'    label="{without}",',
                ")",
            ]
        else:
            lines.append(f'ax_loss.plot(epochs, {logs}["{prefix}loss"], label="{name}")')
        lines.append(f'ax_acc.plot(epochs, {logs}["{prefix}accuracy"], label="{name}")')
    lines += [
        f'ax_loss.set(xlabel="epoch", ylabel="{t("loss")}")',
        f'ax_acc.set(xlabel="epoch", ylabel="{t("accuracy")}")',
        "ax_loss.legend()",
        "ax_acc.legend()",
        "plt.show()",
    ]
    return "\n".join(lines)
