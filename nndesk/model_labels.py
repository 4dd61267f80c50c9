"""What a model file is, said in a few words from what is already in memory (a run's record, a
model's header as read): its dataset, layers and test accuracy. The Save model dialogs propose
a file name from them; the Model box names its entries with them. Qt-free; no file is read here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ModelFacts:
    """A model's dataset ("mnist", "fashion"), layers ("784-64-64-10") and test accuracy (a
    fraction), each None when not known."""

    dataset: str | None = None
    arch: str | None = None
    test_accuracy: float | None = None
    #: the window mode it answers in: "digits", "garments" (its inputs' preprocessing), or None
    kind: str | None = None
    #: the test images ``test_accuracy`` was measured on, where the file says (a model saved
    #: from the Lab: its 2,000-image sample); None: the whole test split, as training tests
    test_images: int | None = None

    @classmethod
    def of_info(cls, info: Any) -> ModelFacts:
        """From a model file's header as ``load_model`` read it (``Classifier.info``)."""
        info = info if isinstance(info, dict) else {}
        config = info.get("config") if isinstance(info.get("config"), dict) else {}
        metrics = info.get("metrics") if isinstance(info.get("metrics"), dict) else {}
        kind = info.get("preprocess")
        return cls(
            _text(info.get("dataset")) or _text(config.get("dataset")),
            _text(config.get("arch")),
            _fraction(metrics.get("test_accuracy")),
            kind if kind in KINDS else None,
            test_images_of(metrics),
        )

    @classmethod
    def of_record(cls, record: Any) -> ModelFacts:
        """From a run's record (``nndesk.run_record.RunRecord``): its settings and its metrics."""
        config = record.config if isinstance(record.config, dict) else {}
        metrics = record.metrics if isinstance(record.metrics, dict) else {}
        return cls(
            _text(config.get("dataset")),
            _text(config.get("arch")),
            _fraction(metrics.get("test_accuracy")),
        )

    def file_stem(self, untested: str = "untested", unnamed: str = "model") -> str:
        """A file name (no extension) that says what the model is: "fashion_784-64-64-10_87.2%",
        ``untested`` for a run stopped before its test (a quit mid-run), ``unnamed`` for a model
        of no known dataset: words the window passes in its language."""
        accuracy = untested if self.test_accuracy is None else f"{self.test_accuracy:.1%}"
        parts = [self.dataset or unnamed, self.arch, accuracy]
        return "_".join(p for p in parts if p)


#: the window's modes, as a model file's "preprocess" names them
KINDS = ("digits", "garments")


def read_facts(paths: list[str]) -> dict[str, ModelFacts]:
    """Each model file's facts, read from its header alone; a file whose header is refused is
    left out (``read_headers``)."""
    return read_headers(paths)[0]


def read_headers(paths: list[str]) -> tuple[dict[str, ModelFacts], dict[str, str]]:
    """(each readable model file's facts, each refused file's one line naming it and why),
    read from the headers alone (``read_model_header``: a 147 MB model's label read 147 MB and
    took 1.6 s when the whole file was loaded for it); call it off the GUI thread, it reads the
    files. The Model box marks a refused file damaged, with the line in its tooltip."""
    from nndesk.errors import NndeskError, user_message
    from nndesk.nn.serialization import read_model_header

    facts: dict[str, ModelFacts] = {}
    refused: dict[str, str] = {}
    for path in paths:
        try:
            facts[path] = ModelFacts.of_info(read_model_header(path).info)
        except (NndeskError, OSError) as err:
            refused[path] = user_message(err)
    return facts, refused


def test_images_of(metrics: Any) -> int | None:
    """How many test images a model file's ``metrics`` say its test accuracy is over (their
    ``test_images``), or None when they do not say (the whole test split) or say nonsense."""
    value = metrics.get("test_images") if isinstance(metrics, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if math.isfinite(value) and value == int(value) and value > 0 else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() and len(value) < 200 else None


def _fraction(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and 0 <= value <= 1 else None
