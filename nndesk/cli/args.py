"""The command line's flags: ``build_parser()`` (every sub-command, a flag per training setting
of ``settings_schema.FIELDS``) and ``config_from_args`` (the TrainConfig the flags ask for, an
error naming the flag). ``nndesk.cli`` runs the commands."""

from __future__ import annotations

import argparse
import math
from typing import Any

from nndesk.errors import ConfigError


def _batch_size(text: str) -> int:
    """``--batch-size``: a positive integer, or "full" (0) for full-batch gradient descent."""
    from nndesk.settings_schema import MAX_BATCH_SIZE

    if text.strip().lower() == "full":
        return 0
    try:
        value = int(text) if text.isascii() else 0
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_BATCH_SIZE:
        raise argparse.ArgumentTypeError(
            f"expected a whole number 1 to {MAX_BATCH_SIZE:,} (digits 0-9) or 'full', got {text!r}"
        )
    return value


def _example(kind: type, low: float | None, high: float | None, usual=None) -> str:
    """ "a number such as 0.001" / "a whole number such as 10": the setting's usual value, else
    one inside the range."""
    if isinstance(usual, (int, float)) and not isinstance(usual, bool) and usual:
        return f"{'a whole number' if kind is int else 'a number'} such as {usual:g}"
    value: float = 10 if kind is int else 0.001
    if low is not None:
        value = max(value, low)
    if high is not None:
        value = min(value, high)
    return f"{'a whole number' if kind is int else 'a number'} such as {value:g}"


def _number(
    kind: type, low: float | None = None, low_inclusive: bool = True, high=None, usual=None
):
    """An argparse type for a finite number with an optional lower (and upper) bound."""

    def parse(text: str):
        try:
            if not text.isascii():  # Python reads "٣" as 3; --arch refuses it, so do all flags
                raise ValueError(text)
            value = kind(text)
        except ValueError:
            # walk50 D13: "a number in digits 0-9" misdescribed a learning rate such as 0.001
            raise argparse.ArgumentTypeError(
                f"expected {_example(kind, low, high, usual)}, got {text!r}"
            ) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
        if low is not None and (value < low or (value == low and not low_inclusive)):
            bound = ">=" if low_inclusive else ">"
            raise argparse.ArgumentTypeError(f"must be {bound} {low}, got {text!r}")
        if high is not None and value > high:
            raise argparse.ArgumentTypeError(f"must be <= {high}, got {text!r}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (the full usage is one ``--help`` away)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _add_setting_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per training setting of ``settings_schema.FIELDS``: its type, choices, range
    (checked here, one line on error) and help come from there."""
    from nndesk.settings_schema import FIELDS
    from nndesk.training.config import TrainConfig

    usual = TrainConfig()
    for field in FIELDS:
        # argparse formats help with %: a literal one ("90 % to 110 %") must be doubled
        kwargs: dict[str, Any] = {"dest": field.name, "help": field.help.replace("%", "%%")}
        if field.kind is bool:
            kwargs.update(action=argparse.BooleanOptionalAction, default=None)
        elif field.choices:
            kwargs["choices"] = field.choices
        elif field.name == "batch_size":
            kwargs["type"] = _batch_size
        elif field.kind in (int, float):
            # upper bounds of whole numbers here too (a seed); a float's open bound is
            # TrainConfig.validate's, which names the flag as well
            high = field.high if field.kind is int else None
            kwargs["type"] = _number(
                field.kind, field.low, not field.low_open, high, getattr(usual, field.name, None)
            )
        if field.metavar:
            kwargs["metavar"] = field.metavar
        parser.add_argument(field.cli_flag, **kwargs)


#: ``--data-dir`` of the commands that read a dataset: the order ``data_folders.choose`` looks in
DATA_DIR_HELP = (
    "folder holding the IDX files; without it: $NNDESK_DATA_DIR, else the folder chosen in "
    "the window (Choose a folder…) when it holds them, else the cache (downloading)"
)


def build_parser() -> argparse.ArgumentParser:
    from nndesk.data.registry import DATASETS

    dataset_or_folder = "|".join((*DATASETS, "FOLDER"))  # as the schema's dataset field
    parser = _Parser(
        prog="nndesk",
        description="Draw, train and inspect a from-scratch NumPy neural network.",
        epilog="Without a command the window opens.",
    )
    parser.add_argument("--version", action="store_true", help="print the version")
    parser.add_argument(
        "--json",
        dest="version_json",
        action="store_true",
        help='with --version: one JSON object, {"version": "…"}',
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    parser.add_argument(
        "--data-dir",
        dest="window_data_dir",
        metavar="DIR",
        help="folder holding the IDX files (for the window, or any command below). A command "
        "looks in --data-dir, then $NNDESK_DATA_DIR, then the folder chosen in the window "
        "(Choose a folder…), then its cache, downloading what is missing",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("download", help="fetch and verify a dataset")
    p.add_argument("dataset", metavar="DATASET", help=" or ".join(DATASETS))
    p.add_argument("--dest", metavar="DIR", help="folder to store it in (default: the cache)")
    p.add_argument(
        "--json",
        action="store_true",
        help="end stdout with one JSON object: dataset, path, downloaded (false: all four files "
        "were there already)",
    )

    p = sub.add_parser("train", help="train a network and print its test report")
    p.add_argument(
        "--preset", metavar="NAME", help="start from a lab preset (see `nndesk presets`)"
    )
    p.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    _add_setting_flags(p)
    p.add_argument(
        "--out",
        metavar="MODEL.npz",
        help="where to save the model (a model already there is replaced; any other file is "
        "refused unless --force)",
    )
    p.add_argument(
        "--force", action="store_true", help="let --out replace a file that is not a model"
    )
    p.add_argument(
        "--resume", metavar="MODEL", help="continue training a saved model (file or shipped name)"
    )
    p.add_argument("--json", action="store_true", help="end stdout with one JSON object")

    p = sub.add_parser("evaluate", help="the test report of a saved model")
    p.add_argument(
        "model",
        metavar="MODEL",
        nargs="?",
        help="a model file or a shipped model's name; left out, mnist-cnn is evaluated, as "
        "predict reads with it (fashion-cnn with --dataset fashion)",
    )
    p.add_argument(
        "--dataset",
        metavar=dataset_or_folder,
        help="the test set (default: the dataset the model file names, if it is a known one)",
    )
    p.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    p.add_argument(
        "--json",
        action="store_true",
        help="print the report as one JSON object (progress lines go to stderr)",
    )

    p.add_argument(
        "--robustness",
        action="store_true",
        help="also measure accuracy on damaged test images (noise, rotation, shift, stroke "
        "thickness, occlusion)",
    )
    p.add_argument(
        "--robustness-images",
        type=_number(int, low=10, high=100_000),
        default=1000,
        metavar="N",
        help="test images per damage level (default 1000)",
    )
    p.add_argument(
        "--robustness-pictures",
        metavar="DIR",
        help="measure robustness and save its pictures in DIR (made if missing), as the "
        "window shows them, dark on white: MODEL-robustness.png (each damage's curve and one "
        "test image at each level with the answer) and MODEL-robustness-KIND.png for each "
        "damage; files of those names are replaced. With --json: robustness_pictures (the "
        "files) and robustness_examples (each pictured image's test index, label and answer)",
    )

    p = sub.add_parser(
        "calibrate",
        help="fit a model's temperature on held-out images and store it in the file",
        description="Fit temperature scaling on the model's validation split (or, for a model "
        "trained on every training image, on a fixed half of the test set) and write it into "
        "the model file, so its probabilities mean what they say. A shipped model inside an "
        "installed nndesk is never overwritten: give -o FILE.",
    )
    p.add_argument("model", metavar="MODEL", help="a model file or a shipped model's name")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here instead of in place (a model already there is replaced; any other "
        "file is refused unless --force)",
    )
    p.add_argument("--force", action="store_true", help="let -o replace a file that is not a model")
    p.add_argument(
        "--dataset",
        metavar=dataset_or_folder,
        help="the images to fit on (default: the dataset the model file names)",
    )
    p.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    p.add_argument(
        "--json",
        action="store_true",
        help="print the fit (temperature, calibration error before and after, where measured) "
        "and the model file written as one JSON object",
    )

    p = sub.add_parser("predict", help="classify image files as if they were drawn")
    p.add_argument(
        "model",
        metavar="MODEL",
        nargs="?",
        help="a model file or a shipped model's name; left out (only images named), "
        "mnist-cnn reads them as digits",
    )
    p.add_argument(
        "images",
        metavar="IMAGE",
        nargs="+",
        help="image files (PNG, JPEG, BMP, GIF, TIFF or WebP), each read as if drawn on the "
        "canvas: dark ink on light paper or light on dark",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per image")
    p.add_argument(
        "--not-sure",
        metavar="PERCENT",
        type=_number(int, low=0, high=99),
        default=None,
        help='say "Not sure" and the two best guesses when the calibrated top probability is '
        "under PERCENT (default 60, as the window; 0 never says it)",
    )
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="answer every image that can be read and say one line for each that cannot "
        "(with --json, an object with its file and error), rather than classifying nothing; "
        "the exit status is still 2 when any could not be read (grading a class's files)",
    )

    p = sub.add_parser("presets", help="list the lab presets")
    p.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per preset: name, dataset, arch, description, accuracies and "
        "every training setting",
    )

    p = sub.add_parser(
        "export-script",
        help="write a preset, model or run as a standalone NumPy script (or a Keras notebook)",
        description="Write one experiment as a readable Python file that needs only NumPy: IDX "
        "loading, the network's forward and backward passes, loss, optimizer, schedule, "
        "training loop and evaluation. Run it with `python FILE.py --data-dir DIR [--epochs N] "
        "[--seed S] [--limit N]` (--limit: the first N images, a quick check); with the same "
        "seed and data an MLP's script trains to the app's numbers, "
        "digit for digit (a CNN's closely); an Adam script's textbook step does so with "
        "--exact. --notebook "
        "writes the same experiment as a Jupyter notebook in Keras instead.",
    )
    p.add_argument(
        "model",
        metavar="MODEL.npz",
        nargs="?",
        help="a saved model (or a shipped one by name, e.g. fashion-cnn): the experiment that "
        "trained it",
    )
    p.add_argument("--preset", metavar="NAME", help="a lab preset (see `nndesk presets`)")
    p.add_argument("--run", metavar="RUN_ID", help="a run from the window's Runs view")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the file to write (an existing file is refused unless --force)",
    )
    p.add_argument("--force", action="store_true", help="let -o replace an existing file")
    p.add_argument(
        "--notebook", action="store_true", help="write a Keras notebook (.ipynb) instead"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="end stdout with one JSON object: path, kind (script or notebook), source, "
        "language, run (the command that runs a script; null for a notebook)",
    )
    p.add_argument(
        "--lang",
        choices=("en", "vi"),
        default="en",
        help="the language of the file's comments, explanations and messages and of the class "
        "names (default en; vi: Vietnamese, as the window's Export code writes from a "
        "Vietnamese window); the code is the same",
    )

    # "runs" too: the window's tab that lists them is "Runs", and a student typed
    # `nndesk runs` first (lab56 D8)
    p = sub.add_parser(
        "models",
        aliases=["runs"],
        help="list the shipped models and the ones you saved (your runs)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per model")
    return parser


# -- the flags of `nndesk train` as a TrainConfig ----------------------------------------------
def config_from_args(args, resumed=None):
    """The TrainConfig of ``--preset`` (or the defaults) with every given flag applied on top.

    ``resumed`` is the ``LoadedModel`` of ``--resume``, read once by the caller: without a preset
    its settings are the base.
    """
    from nndesk.presets import get_preset
    from nndesk.training import TrainConfig

    if args.preset:
        base = get_preset(args.preset).config
    elif resumed is not None:
        # continuing a run: its own settings (learning rate, batch size...) unless flags say else
        from nndesk.data.registry import DATASETS

        base = TrainConfig.from_dict(resumed.info.get("config") or {})
        from nndesk.training.session import planned_last_epoch

        done = len(resumed.info.get("history") or [])
        planned = planned_last_epoch(resumed.info, done)
        if planned is not None:  # stopped before its last epoch: --epochs counts from its start
            base = base.replace(epochs=planned)
        if base.dataset not in DATASETS and getattr(args, "dataset", None) is None:
            # never read a folder a file names: the person says which image folder to go on with
            raise ConfigError(
                "--resume: this model was trained on an image folder; "
                "give that folder again with --dataset FOLDER"
            )
    else:
        base = TrainConfig()
    from nndesk.settings_schema import FIELDS

    changes = {f.name: getattr(args, f.name) for f in FIELDS if getattr(args, f.name) is not None}
    if changes.get("optimizer") == "gd" and changes.get("batch_size"):
        # both asked for: which one was meant is not ours to guess (a preset's gd with
        # --batch-size trains plain SGD on those batches, and its settings say sgd)
        raise ConfigError(
            f"--optimizer gd is gradient descent on the full batch, the whole training split "
            f"at each step: --batch-size {changes['batch_size']} goes with --optimizer sgd"
        )
    try:
        return base.replace(**changes).validate()
    except ConfigError as err:
        raise ConfigError(_name_the_flag(str(err))) from None


def _name_the_flag(message: str) -> str:
    """A TrainConfig message starts with the setting's name; on the command line it is a flag
    (``seed must be ...`` -> ``--seed must be ...``)."""
    from nndesk.settings_schema import BY_NAME

    field = BY_NAME.get(message.split(" ", 1)[0])
    if field is not None:
        return field.cli_flag + message[len(field.name) :]
    return message
