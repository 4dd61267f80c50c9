"""A small learnable IDX dataset for exported scripts, and a way to run them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import make_blob_images, write_idx


@pytest.fixture(scope="module")
def blob_dir(tmp_path_factory) -> Path:
    """1000 training and 200 test images whose class is a bright block; 10 % of the training
    labels are wrong, so the problem is learnable but not trivially perfect."""
    rng = np.random.default_rng(7)
    folder = tmp_path_factory.mktemp("blobs")
    for split, n in (("train", 1000), ("t10k", 200)):
        labels = np.arange(n) % 10
        rng.shuffle(labels)
        images = make_blob_images(labels, rng)
        if split == "train":
            flip = rng.random(n) < 0.1
            labels = np.where(flip, rng.integers(0, 10, n), labels)
        write_idx(folder / f"{split}-images-idx3-ubyte.gz", images)
        write_idx(folder / f"{split}-labels-idx1-ubyte.gz", labels.astype(np.uint8))
    return folder


def run_script(path: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run an exported script with this Python in isolated mode (-I: no user site, no cwd)."""
    return subprocess.run(
        [sys.executable, "-I", str(path), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=path.parent,
    )


#: Runs exported scripts (paths after the data folder), each imported fresh in this process,
#: and prints JSON: path -> {"losses": every training batch's loss, as it went into the step,
#: "stdout": what the script printed}. A script's loss is taken where its ``update`` is called,
#: so the evaluation passes' losses are not among them. An Adam script runs with --exact (its
#: ``update_exact``, nndesk's order of operations), unless the second argument is "textbook".
BATCH_LOSSES = """\
import contextlib, importlib.util, io, json, sys

data_dir, mode, paths, out = sys.argv[1], sys.argv[2], sys.argv[3:], {}
for i, path in enumerate(paths):
    spec = importlib.util.spec_from_file_location(f"exported_{i}", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    losses, last = [], []
    exact = hasattr(script, "update_exact") and mode != "textbook"
    name = "update_exact" if exact else "update"
    loss_and_grad, update = script.loss_and_grad, getattr(script, name)

    def remembered(logits, y, loss_and_grad=loss_and_grad, last=last):
        result = loss_and_grad(logits, y)
        last[:] = [result[0]]
        return result

    def stepped(*args, update=update, last=last, losses=losses):
        losses.append(last[0])
        return update(*args)

    script.loss_and_grad = remembered
    setattr(script, name, stepped)
    sys.argv = [path, "--data-dir", data_dir, *(["--exact"] if exact else [])]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        script.main()
    out[path] = {"losses": losses, "stdout": printed.getvalue()}
print(json.dumps(out))
"""


def script_batch_losses(
    paths: list[Path], data_dir: Path, textbook: bool = False
) -> dict[str, dict]:
    """``BATCH_LOSSES`` on ``paths`` in a fresh Python (-I), so that each script sets BLAS's
    threads before NumPy loads, as when it runs on its own: str(path) -> its losses and output.
    An Adam script takes nndesk's step (--exact), or with ``textbook`` its textbook one."""
    mode = "textbook" if textbook else "exact"
    done = subprocess.run(
        [sys.executable, "-I", "-c", BATCH_LOSSES, str(data_dir), mode, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,  # a bound for a hang only; the runs take seconds
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def train_batches_in_app(config, data_dir: Path):
    """Train ``config`` with nndesk on ``data_dir``: (every batch's loss, the epochs' history
    rows, the test scores)."""
    from nndesk.training import BatchReport, prepare, train

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic files are not the published ones
        session = prepare(config, data_dir=data_dir)
    losses = [r.batch_loss for r in train(session) if isinstance(r, BatchReport)]
    assert session.epochs_done == config.epochs
    return losses, session.history, session.evaluate_test()


def epoch_losses(stdout: str) -> list[float]:
    return [float(v) for v in re.findall(r"^epoch \d+/\d+  loss ([0-9.]+)", stdout, re.M)]


def final_accuracy(stdout: str) -> float:
    last = stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"test_accuracy=(\d\.\d{4})", last)
    assert match, f"the last line is {last!r}"
    return float(match.group(1))


def train_in_app(config, data_dir: Path):
    """Train ``config`` with nndesk itself on ``data_dir``: (per-epoch train losses, accuracy)."""
    from nndesk.training import prepare, train

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic files are not the published ones
        session = prepare(config, data_dir=data_dir)
    ended = [r for r in train(session) if type(r).__name__ == "RunEnded"]
    assert ended[0].reason == "completed", ended
    return [h["train_loss"] for h in session.history], session.evaluate_test().accuracy


# changes of every kind a script replays, at (epoch, batch before which it is applied)
STEERING = {
    (1, 5): {"momentum": 0.5, "l2": 1e-3},
    (2, 3): {"lr": 0.005, "dropout": 0.3, "augment": True, "aug_rotate": 5.0},
    (2, 20): {"batch_size": 24},  # from epoch 3
}


def train_steered(tmp_path, blob_dir, config, steering=None):
    """Train ``config`` in nndesk on ``blob_dir`` with ``steering`` ((epoch, batch) -> values;
    ``STEERING`` by default) and save it: the model file, its per-epoch train losses and test
    accuracy."""
    from nndesk.training import BatchReport, prepare, train

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the synthetic files are not the published ones
        session = prepare(config, data_dir=blob_dir)
    done: list = []

    def steer():
        here = (done[-1].epoch, done[-1].batch + 1) if done else (1, 1)
        if done and done[-1].batch == done[-1].batches:
            here = (done[-1].epoch + 1, 1)
        return dict((STEERING if steering is None else steering).get(here, {}))

    for report in train(session, steer=steer):
        if isinstance(report, BatchReport):
            done.append(report)
    accuracy = session.evaluate_test().accuracy
    path = session.save(tmp_path / "steered.npz")
    return path, [h["train_loss"] for h in session.history], accuracy, session
