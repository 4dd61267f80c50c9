"""An exported MLP script trains to nndesk's numbers to the last bit: every batch's loss, every
epoch's line and the test accuracy, over epochs with a shuffle, a schedule and dropout.

Scripts that wrote the arithmetic the textbook way (Adam's averaged moments, the loss as one
mean of differences) drew the same weights and batches but rounded differently at every step:
on fashion-mlp the first epoch still read the same to four digits, the second did not (test
accuracy 0.8578 against the app's 0.8568).
"""

from __future__ import annotations

import re

import pytest

from nndesk.codegen import from_config, numpy_script
from nndesk.training import TrainConfig
from tests.codegen.conftest import script_batch_losses, train_batches_in_app

# like the fashion-mlp preset (Adam, Keras' eps, ReLU/softmax, inputs in [-1, 1]), made small;
# 900 training images in batches of 16: the last batch of each epoch holds 4
SMALL_MLP = TrainConfig(
    dataset="fashion", arch="784-32-16-10", lr=2e-3, batch_size=16, epochs=2, eps=1e-7,
    dropout=0.1, val_fraction=0.1,
)  # fmt: skip
CONFIGS = {
    "adam-cosine-dropout": SMALL_MLP.replace(epochs=3, dropout=0.2, schedule="cosine",
                                             min_lr=1e-4),
    # the PReLU lab's recipe: Glorot weights, slopes from 0, L2, exp decay
    "prelu-l2-exp": SMALL_MLP.replace(activation="prelu", init="xavier", prelu_init=0.0,
                                      l2=8e-4, schedule="exp", schedule_step=1),
    # the MNIST lab's: sigmoid units and outputs, BCE, raw pixels, RMSProp
    "sigmoid-bce-rmsprop": SMALL_MLP.replace(activation="sigmoid", output="sigmoid", loss="bce",
                                             normalize="raw", optimizer="rmsprop", lr=1e-3),
    "tanh-mse-nesterov-clip": SMALL_MLP.replace(
        activation="tanh", loss="mse", normalize="standard", optimizer="nesterov", lr=0.05,
        schedule="step", schedule_step=1, clip_norm=1.0),
    "elu-adamw-cosine": SMALL_MLP.replace(activation="elu", optimizer="adamw", l2=1e-3,
                                          schedule="cosine", normalize="unit", init="lecun"),
    # the whole split as one batch, on the one BLAS thread the Threads setting asks for
    "leaky-gd-full-batch": SMALL_MLP.replace(activation="leaky_relu", output="sigmoid",
                                             loss="mse", optimizer="gd", lr=0.5, batch_size=0,
                                             dropout=0.0, threads=1),
    "momentum-augment": SMALL_MLP.replace(optimizer="momentum", lr=0.02, l2=1e-4, augment=True,
                                          val_fraction=0.0),
    "linear-mse": SMALL_MLP.replace(output="linear", loss="mse", lr=1e-3),
}  # fmt: skip


@pytest.fixture(scope="module")
def script_runs(tmp_path_factory, blob_dir) -> dict[str, dict]:
    """name -> the exported script's batch losses and output, every config run in one process."""
    folder = tmp_path_factory.mktemp("same-numbers")
    paths = {}
    for name, config in CONFIGS.items():
        paths[name] = folder / f"{name}.py"
        text = numpy_script(from_config(config, "a test"), "pytest")
        paths[name].write_text(text, encoding="utf-8")
    runs = script_batch_losses(list(paths.values()), blob_dir)
    return {name: runs[str(path)] for name, path in paths.items()}


@pytest.mark.parametrize("name", CONFIGS)
def test_an_exported_mlp_trains_to_the_apps_numbers_to_the_last_bit(name, script_runs, blob_dir):
    config = CONFIGS[name]
    app_losses, history, test = train_batches_in_app(config, blob_dir)
    run = script_runs[name]
    losses = run["losses"]
    assert len(losses) == len(app_losses) >= config.epochs
    pairs = enumerate(zip(losses, app_losses, strict=True))
    first = next((i for i, (mine, app) in pairs if mine != app), None)
    assert first is None, (
        f"batch {first}: the script's loss {losses[first]!r}, the app's {app_losses[first]!r}"
    )
    printed = re.findall(r"^epoch (\d+)/\d+  loss ([0-9.]+)  acc ([0-9.]+)%", run["stdout"], re.M)
    assert printed == [
        (str(row["epoch"]), f"{row['train_loss']:.4f}", f"{100 * row['train_accuracy']:.2f}")
        for row in history
    ]
    assert run["stdout"].strip().splitlines()[-1] == f"test_accuracy={test.accuracy:.4f}"
