"""A trained model together with everything prediction needs: normalisation, preprocessing, names.

The same ``Classifier`` serves the window, ``nndesk predict`` and evaluation, so a drawing, an image
file and a test image can never be prepared differently.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from nndesk.data.normalize import Normalizer
from nndesk.data.registry import DATASETS, known_dataset
from nndesk.errors import ConfigError, ModelFileError
from nndesk.i18n import N_, moment_text, shown
from nndesk.nn.model import Sequential
from nndesk.nn.serialization import load_model
from nndesk.paths import WEIGHTS_DIR
from nndesk.preprocess import PREPROCESS_KINDS, preprocess

#: The app's default model per preprocessing kind, best first (CNNs are the default).
DEFAULT_MODELS = {
    "digits": ("mnist-cnn", "mnist-mlp"),
    "garments": ("fashion-cnn", "fashion-mlp"),
}

#: The window says "Not sure" (and ``nndesk predict`` too) when the calibrated top probability
#: is under this many percent; the window's own setting starts here (``preferences``).
NOT_SURE_PERCENT = 60


@dataclass(frozen=True)
class Prediction:
    """What the model answered for one image."""

    probabilities: np.ndarray  # (k,) float32, the model's output activation
    input_image: np.ndarray  # (28, 28) float32 in [0, 255]: exactly what the model was shown
    label: int
    class_name: str
    #: (k,) float32 before temperature scaling; None when the caller had only one set
    raw_probabilities: np.ndarray | None = None
    #: each class scored on its own (a sigmoid or linear output), so the probabilities need
    #: not add up to 1; a softmax's do. The window and ``nndesk predict`` say so (walk49 D16)
    independent: bool = False

    @property
    def uncalibrated(self) -> np.ndarray:
        """The model's own probabilities, before temperature scaling."""
        return self.probabilities if self.raw_probabilities is None else self.raw_probabilities

    def ranked(self) -> list[tuple[int, float]]:
        """(class index, probability) pairs, most likely first."""
        order = np.argsort(-self.probabilities, kind="stable")
        return [(int(i), float(self.probabilities[i])) for i in order]


def is_not_sure(prediction: Prediction, threshold_percent: float = NOT_SURE_PERCENT) -> bool:
    """True when the answer is "Not sure": the calibrated top probability, in percent, is under
    ``threshold_percent`` (0 never says it). The window's verdict and ``nndesk predict``'s are
    this one rule, so a drawing and the same image as a file cannot be judged differently."""
    return float(prediction.probabilities[prediction.label]) * 100 < threshold_percent


@dataclass
class Classifier:
    """A model plus its normaliser, preprocessing kind and class names."""

    model: Sequential
    normalizer: Normalizer
    class_names: tuple[str, ...]
    preprocess_kind: str
    dataset: str | None  # a registered dataset's name; None when the file names none (a folder)
    info: dict = field(default_factory=dict)
    path: Path | None = None
    header_checked: bool = True  # False: a format-1 file (``LoadedModel.header_checked``)

    @classmethod
    def from_info(cls, model: Sequential, info: dict, path: Path | None = None) -> Classifier:
        """Bundle ``model`` with the settings recorded in a model file's ``info``.

        Raises ``ModelFileError`` naming the field when ``info`` lacks what prediction needs or
        names a normalisation or preprocessing this nndesk does not know.
        """
        where = f"{path}: " if path is not None else ""

        def refuse(what: str) -> ModelFileError:
            return ModelFileError(f"{where}cannot be used for prediction: {what}")

        if not isinstance(info, dict):
            raise refuse("the model file holds no settings")
        if model.input_shape != (784,):
            raise refuse(f"the model takes inputs of shape {model.input_shape}, not 784 pixels")
        names = info.get("class_names")
        outputs = model.summary_rows()[-1][1]
        if not isinstance(names, list) or outputs != (len(names),):
            raise refuse(f"its class names do not match its {outputs[0]} outputs")
        if not all(isinstance(n, str) for n in names):
            raise refuse("a class name is not text")
        kind = info.get("preprocess", "digits")
        if kind not in PREPROCESS_KINDS:
            raise refuse(
                f"unknown preprocessing {kind!r:.40}; expected one of {', '.join(PREPROCESS_KINDS)}"
            )
        try:
            normalizer = Normalizer.from_dict(info.get("normalization"))
        except (ConfigError, TypeError, ValueError) as err:
            raise refuse(str(err)) from None
        dataset = info.get("dataset")
        return cls(
            model=model,
            normalizer=normalizer,
            class_names=tuple(names),
            preprocess_kind=kind,
            dataset=known_dataset(dataset),
            info=info,
            path=path,
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> Classifier:
        """Load a model file; raises ``ModelFileError`` with one line naming the file."""
        loaded = load_model(path)
        classifier = cls.from_info(loaded.model, loaded.info, Path(path))
        classifier.header_checked = loaded.header_checked
        classifier.check_arithmetic()
        return classifier

    def check_arithmetic(self) -> None:
        """Raise ``ModelFileError`` unless a blank and a full 28x28 image give finite outputs:
        weights that load (finite, checksummed) can still overflow float32 (1e38 gave NaN bars)."""
        probe = np.zeros((2, 28, 28), np.uint8)
        probe[1] = 255
        with np.errstate(all="ignore"):
            finite = np.isfinite(self.logits(probe)).all()
        if not finite:
            name = str(self.path) if self.path is not None else "the model"
            raise ModelFileError(
                f"{name}: damaged model file (its weights overflow: the outputs are not numbers)"
            )

    @property
    def mode(self) -> str | None:
        """The window mode this model belongs to ("digits", "garments": its inputs'
        preprocessing), or None for one trained on an image folder: it answers in whichever
        mode the window is in (a drawing is prepared its own way all the same), so putting it
        in use never switches the window (a folder run trained in Clothing took the window to
        Digits, and Digits' drawing onto the canvas, walk55c D6)."""
        return None if self.from_folder else self.preprocess_kind

    @property
    def from_folder(self) -> bool:
        """Whether this model was trained on an image folder: its file says how the folder was
        split, or names a dataset that is not a registered one."""
        named = self.info.get("dataset")
        return "image_folder" in self.info or (isinstance(named, str) and self.dataset is None)

    @property
    def learned_from_drawings(self) -> bool | None:
        """Whether this garment model saw sketches while it learned (``sketch`` above 0 in its
        config or in a change steered into the run); None when its file does not say (a digit
        model, or one older than the setting)."""
        from nndesk.setting_changes import parse_changes

        config = self.info.get("config")
        share = config.get("sketch") if isinstance(config, dict) else None
        if isinstance(share, bool) or not isinstance(share, (int, float)):
            return None
        try:
            changes = parse_changes(self.info.get("changes"))
        except ValueError:
            changes = []
        steered = any(c.name == "sketch" and float(c.value) > 0 for c in changes)
        return share > 0 or steered

    @property
    def temperature(self) -> float:
        """The fitted temperature the file holds (``info["calibration"]``), else 1."""
        from nndesk.calibration import temperature_of

        return temperature_of(self.info)

    def logits(self, images28: np.ndarray) -> np.ndarray:
        """(n, 28, 28) or (n, 784) pixels in [0, 255] -> (n, k) float32 logits (eval mode)."""
        x = self.normalizer(images28)
        return (
            np.concatenate(
                [
                    self.model.forward(x[i : i + 2048], training=False)
                    for i in range(0, len(x), 2048)
                ]
            )
            if len(x)
            else np.zeros((0, len(self.class_names)), np.float32)
        )

    @property
    def title(self) -> str:
        """A short name for menus and status bars."""
        if self.path is not None:
            return shown_name(self.path)
        if not self.dataset:
            return shown(N_("model (unsaved)"))
        # the dataset as menus name it ("Fashion-MNIST", not the id "fashion"), in the window's
        # language: the Inside page's header read "fashion (unsaved)" in a Vietnamese window
        key = known_dataset(self.dataset)
        name = DATASETS[key].short_title if key is not None else self.dataset
        return shown(N_("{name} (unsaved)")).format(name=name)

    @property
    def file_stem(self) -> str:
        """A name for a file made from this model ("run 2026-12-03 03:31:01"): the CLI's name
        of its file, which holds no "/" where the window's date might ("ngày 03/12")."""
        if self.path is not None:
            return display_name(self.path)
        return f"{self.dataset or 'model'} (unsaved)"

    @property
    def loss_name(self) -> str:
        """The loss this model was trained with ("ce", "bce", "mse"); a file that does not name
        one: its output's usual loss."""
        from nndesk.nn.losses import default_loss

        return (self.info.get("config") or {}).get("loss") or default_loss(self.model.output)

    def loss_function(self):
        """A fresh instance of the loss this model was trained with (``nndesk.nn.losses``)."""
        from nndesk.nn.losses import make_loss

        return make_loss(self.loss_name, self.model.output)

    def prepare(self, image: np.ndarray) -> np.ndarray | None:
        """Any image -> the (28, 28) float32 input in [0, 255], or None when nothing is drawn."""
        return preprocess(image, self.preprocess_kind)

    @property
    def independent_scores(self) -> bool:
        """Whether the output scores each class on its own (sigmoid, linear): its values need
        not add up to 1, as a softmax's do."""
        return self.model.output != "softmax"

    def probabilities(self, images28: np.ndarray, calibrated: bool = True) -> np.ndarray:
        """(n, 28, 28) or (n, 784) pixels in [0, 255] -> (n, k) float32 probabilities, with the
        file's temperature applied unless ``calibrated`` is False."""
        from nndesk.calibration import activate

        t = self.temperature if calibrated else 1.0
        if t == 1.0:
            return self.model.predict_proba(self.normalizer(images28))
        return activate(self.logits(images28), self.model.output, t)

    def classify_prepared(self, image28: np.ndarray) -> Prediction:
        """Classify an already preprocessed (28, 28) image (calibrated probabilities, with the
        raw ones beside them)."""
        from nndesk.calibration import activate

        logits = self.logits(image28[None])  # (1, k)
        raw = self.model.activate(logits)[0].astype(np.float32, copy=False)
        t = self.temperature
        probs = raw if t == 1.0 else activate(logits, self.model.output, t)[0]
        label = int(np.argmax(probs))
        return Prediction(
            probs,
            image28.astype(np.float32),
            label,
            self.class_names[label],
            raw,
            independent=self.independent_scores,
        )

    def classify_image(self, image: np.ndarray) -> Prediction | None:
        """Preprocess any image the way the model's dataset needs and classify it."""
        image28 = self.prepare(image)
        return None if image28 is None else self.classify_prepared(image28)


def display_name(path: str | os.PathLike) -> str:
    """How ``nndesk models`` names a model file, the name the CLI looks it up by: its stem, or
    "run <date time>" (UTC, as the run's folder) for a run's ``model.npz``."""
    path = Path(path)
    if path.stem != "model":
        return path.stem
    started = run_started(path)
    if started is None:
        return f"{path.parent.name}/{path.stem}"
    return f"run {started:%Y-%m-%d %H:%M:%S}"


def shown_name(path: str | os.PathLike) -> str:
    """How the window names a model file: its stem, or "run" and when the run started as the
    window writes a date-time ("lượt chạy 03:31:01 ngày 03/12" in Vietnamese; the seconds tell
    two runs of one minute apart)."""
    started = run_started(Path(path))
    if Path(path).stem != "model" or started is None:
        return display_name(path)
    return shown(N_("run {when}")).format(when=moment_text(started, seconds=True))


def run_started(path: Path) -> datetime | None:
    """When the run whose ``model.npz`` is ``path`` started (its folder's UTC stamp,
    "20261203-033101-…"), or None for a file outside a run's folder."""
    stamp = re.match(r"(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})", path.parent.name)
    if stamp is None:
        return None
    try:
        return datetime(*(int(part) for part in stamp.groups()), tzinfo=timezone.utc)
    except ValueError:  # "20261399-…": not a date
        return None


def shipped_models(weights_dir: Path = WEIGHTS_DIR) -> list[Path]:
    """The ``.npz`` files shipped in ``weights/``, sorted by name."""
    return sorted(weights_dir.glob("*.npz")) if weights_dir.is_dir() else []


def mode_models(kind: str, weights_dir: Path = WEIGHTS_DIR) -> list[Path]:
    """The shipped models for ``kind`` ("digits" or "garments") that are there, best first: the
    window tries the next when one cannot be read (a damaged mnist-cnn left Digits with no
    model beside an intact mnist-mlp)."""
    paths = (weights_dir / f"{name}.npz" for name in DEFAULT_MODELS.get(kind, ()))
    return [path for path in paths if path.is_file()]


def default_model_path(kind: str, weights_dir: Path = WEIGHTS_DIR) -> Path | None:
    """The best shipped model for ``kind`` ("digits" or "garments"), or None if none is shipped."""
    return next(iter(mode_models(kind, weights_dir)), None)
