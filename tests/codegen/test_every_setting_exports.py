"""Every choice the settings schema offers exports a NumPy script that runs and a notebook whose
code names only what it defines, as an MLP and as a CNN.

The choices are read from ``settings_schema.FIELDS``, so a new activation, output, loss, optimizer,
schedule, init or input scaling is covered here without editing this file. The scripts all run in
one child process, one epoch of one batch each on a few dozen images, so the whole check stays fast.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import numpy as np
import pytest

from nndesk.codegen import from_config, keras_notebook, numpy_script
from nndesk.settings_schema import BY_NAME, FIELDS, problems
from nndesk.training import TrainConfig
from tests.conftest import make_blob_images, write_idx

# one batch per epoch: the batch is larger than the training split (60 images, 6 held out)
BASE = TrainConfig(dataset="mnist", arch="784-8-10", epochs=1, batch_size=64, val_fraction=0.1)
ARCHS = {"mlp": "784-8-10", "cnn": "784-c2-p-8-10"}
# an optional setting (None = off or the optimizer's default) exported switched on
OPTIONAL_ON = {"eps": 1e-7, "clip_norm": 1.0}

RUNNER = """\
import contextlib, io, json, runpy, sys, traceback

data_dir, paths, ends = sys.argv[1], sys.argv[2:], {}
for path in paths:
    sys.argv = [path, "--data-dir", data_dir]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
        ends[path] = (out.getvalue().strip().splitlines() or [""])[-1]
    except BaseException:  # SystemExit too: a script that gives up has failed
        ends[path] = "FAILED " + traceback.format_exc()
print(json.dumps(ends))
"""


def _variants() -> dict[str, dict]:
    """Name -> the settings that differ from ``BASE``: every choice of every field with choices
    (the output and the loss as every pair the schema accepts), every switch on, every optional
    setting set."""
    variants = {}
    for field in FIELDS:
        if field.name in ("output", "loss"):
            continue
        if field.choices:
            for choice in field.choices:
                variants[f"{field.name}-{choice}"] = {field.name: choice}
        elif field.kind is bool:
            variants[f"{field.name}-on"] = {field.name: True}
    for output in BY_NAME["output"].choices:
        for loss in BY_NAME["loss"].choices:
            if not problems({"output": output, "loss": loss}):
                variants[f"{output}-{loss}"] = {"output": output, "loss": loss}
    for name, value in OPTIONAL_ON.items():
        variants[f"{name}-set"] = {name: value}
    return variants


def test_the_variants_cover_every_output_every_loss_and_every_optional_setting():
    variants = _variants().values()
    assert {v.get("output") for v in variants} >= set(BY_NAME["output"].choices)
    assert {v.get("loss") for v in variants} >= set(BY_NAME["loss"].choices)
    assert set(OPTIONAL_ON) == {f.name for f in FIELDS if f.optional}


@pytest.fixture(scope="module")
def few_images(tmp_path_factory):
    """60 training and 20 test images, the four IDX files a script reads."""
    rng = np.random.default_rng(3)
    folder = tmp_path_factory.mktemp("few")
    for split, n in (("train", 60), ("t10k", 20)):
        labels = (np.arange(n) % 10).astype(np.uint8)
        write_idx(folder / f"{split}-images-idx3-ubyte.gz", make_blob_images(labels, rng))
        write_idx(folder / f"{split}-labels-idx1-ubyte.gz", labels)
    return folder


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """Every variant as an MLP and a CNN: name -> (script path, notebook path)."""
    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for variant, changes in _variants().items():
        for kind, arch in ARCHS.items():
            config = BASE.replace(arch=arch, **changes)
            experiment = from_config(config, "a test")
            name = f"{variant}-{kind}".replace("_", "-")
            script, notebook = folder / f"{name}.py", folder / f"{name}.ipynb"
            script.write_text(numpy_script(experiment, "pytest"), encoding="utf-8")
            notebook.write_text(keras_notebook(experiment, "pytest"), encoding="utf-8")
            written[name] = (script, notebook)
    return written


def test_every_exported_script_trains_a_batch_and_reports_its_accuracy(exports, few_images):
    scripts = [str(script) for script, _ in exports.values()]
    done = subprocess.run(
        [sys.executable, "-I", "-c", RUNNER, str(few_images), *scripts],
        capture_output=True,
        text=True,
        timeout=600,  # a bound for a hang only; the run takes seconds
    )
    assert done.returncode == 0, done.stderr
    ends = json.loads(done.stdout.strip().splitlines()[-1])
    failed = {
        path: end for path, end in ends.items() if not re.fullmatch(r"test_accuracy=\d\.\d{4}", end)
    }
    assert not failed, "\n\n".join(f"{path}:\n{end}" for path, end in failed.items())
    assert len(ends) == len(scripts)


def test_every_export_names_only_what_it_defines(exports):
    """Undefined names (pyflakes' F821, through ruff) in the scripts and the notebooks' cells:
    a branch the one-batch run does not reach, and the notebooks, which need TensorFlow to run."""
    for _, notebook in exports.values():
        nbformat.validate(nbformat.read(notebook, as_version=4))
    folder = next(iter(exports.values()))[0].parent
    ruff = [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache"]
    found = subprocess.run(
        [*ruff, "--select", "F821,F822,F823", "--output-format", "concise", str(folder)],
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0, found.stdout + found.stderr
