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


def _functions(text: str, names: tuple[str, ...], constants: dict) -> dict:
    """The script's functions ``names`` (with its settings ``constants``), without importing
    it: an import would set BLAS's thread variables in this process."""
    import ast
    import math

    import numpy as np

    tree = ast.parse(text)
    found = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    namespace = {"np": np, "math": math, **constants}
    exec(compile(ast.Module(body=found, type_ignores=[]), "exported", "exec"), namespace)
    return {name: namespace[name] for name in names}


@pytest.mark.parametrize("optimizer", ["adam", "adamw"])
def test_the_textbook_adam_step_is_nndesks_step_but_for_float32_rounding(optimizer):
    """walk59 D16: ``update`` is Kingma & Ba's step as taught (m_hat, v_hat), ``update_exact``
    nndesk's order of operations (--exact); they are the same step, rounded otherwise."""
    import numpy as np

    config = SMALL_MLP.replace(optimizer=optimizer, l2=1e-3 if optimizer == "adamw" else 0.0)
    text = numpy_script(from_config(config, "a test"), "pytest")
    assert "m_hat = m / (1 - BETA1**t)" in text and "v_hat = v / (1 - BETA2**t)" in text
    assert "w -= lr * m_hat / (np.sqrt(v_hat) + EPS)" in text
    constants = {"BETA1": 0.9, "BETA2": 0.999, "EPS": 1e-7, "L2": config.l2}
    steps = _functions(text, ("update", "update_exact"), constants)
    rng = np.random.default_rng(0)
    start = {"W": rng.standard_normal((30, 20)).astype(np.float32) * 0.05,
             "b": np.zeros(20, np.float32)}  # fmt: skip
    params = {name: {k: w.copy() for k, w in start.items()} for name in steps}
    states: dict = {name: {} for name in steps}
    for _ in range(200):
        grads = {k: (rng.standard_normal(w.shape) * 1e-2).astype(np.float32)
                 for k, w in start.items()}  # fmt: skip
        for name, step in steps.items():
            step(params[name], {k: g.copy() for k, g in grads.items()}, states[name], 2e-3)
    for k in start:
        textbook, exact = params["update"][k], params["update_exact"][k]
        assert textbook.dtype == exact.dtype == np.float32
        moved = np.abs(exact - start[k]).max()
        assert moved > 0.02  # 200 steps of up to lr each
        np.testing.assert_allclose(textbook, exact, rtol=0, atol=1e-5 * moved)
