"""Exported Keras notebooks are valid nbformat and carry the app's settings."""

from __future__ import annotations

import ast
import json

import nbformat
import pytest

from nndesk.codegen import from_config, from_preset, keras_notebook
from nndesk.presets import list_presets
from nndesk.training import TrainConfig


def _notebook(experiment, command="pytest"):
    return nbformat.reads(keras_notebook(experiment, command), as_version=4)


@pytest.mark.parametrize("preset", [p.name for p in list_presets()])
def test_every_preset_exports_a_valid_notebook_whose_code_parses(preset):
    nb = _notebook(from_preset(preset), f"nndesk export-script --preset {preset} -o x.ipynb")
    nbformat.validate(nb)  # raises ValidationError on any schema violation
    kinds = [cell.cell_type for cell in nb.cells]
    assert kinds[0] == "markdown" and "code" in kinds
    # every code cell follows a markdown cell that explains it
    assert all(kinds[i - 1] == "markdown" for i, k in enumerate(kinds) if k == "code")
    code = "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    tree = ast.parse(code)
    modules = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "nndesk" not in modules and "tensorflow" in modules
    assert "--preset " + preset in nb.cells[0].source
    assert 'print(f"test_accuracy={test_accuracy:.4f}")' in code


def test_the_notebook_builds_the_lab_network_with_the_apps_settings():
    nb = _notebook(from_preset("fashion-prelu-l2"))
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert code.count("layers.Dense(") == 5
    assert code.count("layers.PReLU(alpha_initializer=keras.initializers.Constant(0.0))") == 4
    assert code.count('kernel_initializer="glorot_uniform"') == 5
    assert code.count("kernel_regularizer=keras.regularizers.l2(0.0008)") == 5
    assert "keras.optimizers.Adam(learning_rate=0.0005, epsilon=1e-07)" in code
    assert "if epoch < 10:" in code and "math.exp(-0.1 * (epoch - 10 + 1))" in code
    assert 'loss="sparse_categorical_crossentropy"' in code
    assert "batch_size=32" in code and "epochs=20" in code


def test_a_cnn_notebook_has_convolutions_pooling_batch_norm_and_dropout():
    nb = _notebook(from_preset("fashion-cnn-plus"))
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    assert "layers.Reshape((28, 28, 1))" in code
    assert 'layers.Conv2D(32, (3, 3), padding="same", activation="relu"' in code
    assert code.count("layers.MaxPooling2D((2, 2))") == 2
    assert code.count("layers.BatchNormalization(momentum=0.9, epsilon=1e-05)") == 2
    assert "layers.Dropout(0.4)" in code and 'activation="softmax"' in code


def test_bce_and_mse_notebooks_train_on_one_hot_targets_and_count_categorical_accuracy():
    config = TrainConfig(
        dataset="mnist", arch="784-32-10", activation="sigmoid", output="sigmoid", loss="bce",
        optimizer="rmsprop", normalize="raw", val_fraction=0.1,
    )  # fmt: skip
    code = "\n".join(
        c.source for c in _notebook(from_config(config, "a test")).cells if c.cell_type == "code"
    )
    assert "keras.utils.to_categorical(y_train, 10)" in code
    assert 'loss="binary_crossentropy"' in code
    assert 'keras.metrics.CategoricalAccuracy(name="accuracy")' in code
    assert "validation_data=(x_val, t_val)" in code
    assert "keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-07)" in code


def test_the_notebook_json_is_plain_nbformat_4_with_cell_ids():
    raw = json.loads(keras_notebook(from_preset("fashion-mlp"), "pytest"))
    assert (raw["nbformat"], raw["nbformat_minor"]) == (4, 5)
    ids = [cell["id"] for cell in raw["cells"]]
    assert len(set(ids)) == len(ids)


class _StandIn:
    """Anything Keras would be: every attribute and call gives another stand-in, except the
    few results the notebook reads (fit's history, evaluate's pair)."""

    def __init__(self, name="keras"):
        self.name = name

    def __getattr__(self, name):
        if name.startswith("__"):  # introspection (inspect.unwrap, copy...) gets nothing
            raise AttributeError(name)
        return _StandIn(name)

    def __call__(self, *args, **kwargs):
        if self.name == "fit":
            history = {k: [1.0, 0.5] for k in ("loss", "accuracy", "val_loss", "val_accuracy")}
            return type("History", (), {"history": history})()
        if self.name == "evaluate":
            return 0.25, 0.9
        return _StandIn(self.name)


@pytest.mark.parametrize("preset", ["fashion-mlp", "fashion-cnn-plus", "mnist-sigmoid-raw"])
def test_every_cell_runs_in_order_against_a_stand_in_keras(preset, blob_dir, monkeypatch, capsys):
    """No TensorFlow here: Keras is a stand-in, so this proves the notebook's own code (IDX
    reading, split, normalisation, names passed from cell to cell), not Keras' training."""
    import sys
    import types

    stand_in = _StandIn()
    tensorflow = types.ModuleType("tensorflow")
    tensorflow.keras = stand_in
    monkeypatch.setitem(sys.modules, "tensorflow", tensorflow)
    monkeypatch.setitem(sys.modules, "tensorflow.keras", stand_in)
    nb = _notebook(from_preset(preset))
    namespace: dict = {"__name__": "notebook"}
    for cell in nb.cells:
        if cell.cell_type == "code":
            source = cell.source.replace('DATA_DIR = "data"', f"DATA_DIR = {str(blob_dir)!r}")
            exec(compile(source, cell.id, "exec"), namespace)
    assert namespace["x_train"].shape[1] == 784 and namespace["x_test"].dtype.name == "float32"
    assert capsys.readouterr().out.strip().splitlines()[-1] == "test_accuracy=0.9000"
