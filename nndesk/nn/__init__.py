"""The from-scratch NumPy engine: layers, losses, optimizers, schedules, models, metrics, files.

Imports numpy and the standard library only, so the CLI, the training loop and the tests can use
it without Qt or matplotlib.
"""

from nndesk.nn.activations import ELU, LeakyReLU, PReLU, ReLU, Sigmoid, Softmax, Tanh
from nndesk.nn.architecture import build_model, parse_architecture
from nndesk.nn.layers import Dense, Dropout, Flatten, Layer, Reshape
from nndesk.nn.losses import Loss, make_loss
from nndesk.nn.metrics import accuracy, classification_report, confusion_matrix
from nndesk.nn.model import Sequential
from nndesk.nn.optimizers import Optimizer, make_optimizer, optimizer_from_config
from nndesk.nn.registry import layer_from_config
from nndesk.nn.schedules import make_schedule
from nndesk.nn.serialization import FORMAT_VERSION, LoadedModel, load_model, save_model

__all__ = [
    "ELU",
    "FORMAT_VERSION",
    "Dense",
    "Dropout",
    "Flatten",
    "Layer",
    "LeakyReLU",
    "LoadedModel",
    "Loss",
    "Optimizer",
    "PReLU",
    "ReLU",
    "Reshape",
    "Sequential",
    "Sigmoid",
    "Softmax",
    "Tanh",
    "accuracy",
    "build_model",
    "classification_report",
    "confusion_matrix",
    "layer_from_config",
    "load_model",
    "make_loss",
    "make_optimizer",
    "make_schedule",
    "optimizer_from_config",
    "parse_architecture",
    "save_model",
]
