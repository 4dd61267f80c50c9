"""A base for stand-in classifiers that are defined by their answers alone.

A subclass writes ``probabilities(images28) -> (n, k)``; this gives it what ``evaluate`` uses
from a real Classifier: a model whose logits are the log of those answers (so softmax and the
cross-entropy on them give them back exactly), a normaliser that keeps the pixels and the loss.
"""

from __future__ import annotations

import numpy as np

from nndesk.nn.activations import softmax
from nndesk.nn.losses import make_loss


class _AnswersModel:
    output = "softmax"

    def __init__(self, owner: FakeClassifier) -> None:
        self.owner = owner

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        return np.log(self.owner.probabilities(np.asarray(x).reshape(-1, 28, 28)))

    def activate(self, logits: np.ndarray) -> np.ndarray:
        return softmax(logits)

    def backward(self, grad_logits: np.ndarray, input_grad: bool = True) -> np.ndarray:
        """The answers do not depend on the pixels: a zero input gradient."""
        return np.zeros((len(grad_logits), 784), np.float32)


class FakeClassifier:
    """Subclasses define ``class_names`` and ``probabilities``."""

    info: dict = {"config": {"loss": "ce"}}

    @property
    def model(self) -> _AnswersModel:
        return self.__dict__.get("_model") or _AnswersModel(self)

    @model.setter
    def model(self, value: _AnswersModel) -> None:  # a private copy, as the window makes one
        self.__dict__["_model"] = value

    @staticmethod
    def normalizer(images: np.ndarray) -> np.ndarray:
        return np.asarray(images, dtype=np.float32).reshape(len(images), -1)

    @staticmethod
    def loss_function():
        return make_loss("ce", "softmax")

    def probabilities(self, images28: np.ndarray) -> np.ndarray:
        raise NotImplementedError
