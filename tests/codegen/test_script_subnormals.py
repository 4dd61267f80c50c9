"""An exported script clears the weights L2 takes to the subnormals as nndesk does, on the same
steps, so a long run with L2 neither slows down (x86 multiplies subnormal numbers ~10x slower:
walk lab56 D1, the PReLU lab 15x slower by epoch 11) nor leaves the app's numbers."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from nndesk.codegen import from_config, numpy_script
from nndesk.nn.optimizers import make_optimizer
from nndesk.training import TrainConfig
from nndesk.training.session import _make_optimizer

STEPS = 3000
#: Imports an exported script (its path first) and takes STEPS of its update function (named
#: last: ``update``, or Adam's ``update_exact``, nndesk's order) on a 20 x 20 weight and 20
#: biases (a gradient for 20 steps, then none: only L2 moves them), printing the parameters'
#: bits and how many subnormal entries they held after each step, as JSON.
UPDATES = """\
import importlib.util, json, sys
import numpy as np

spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)
p, grads = {}, {}
exec(sys.argv[2])  # the starting arrays, the same code as the test's
opt, counts, tiny = {}, [], np.finfo(np.float32).tiny
for t in range(int(sys.argv[3])):
    for k in grads:
        grads[k][...] = rng.standard_normal(grads[k].shape) * 1e-2 if t < 20 else 0
    getattr(script, sys.argv[4])(p, grads, opt, script.LEARNING_RATE)
    counts.append(sum(int(np.count_nonzero((w != 0) & (np.abs(w) < tiny))) for w in p.values()))
print(json.dumps({"bits": {k: w.tobytes().hex() for k, w in p.items()}, "counts": counts}))
"""
START = """\
rng = np.random.default_rng(0)
p["0/W"] = (0.05 * rng.standard_normal((20, 20))).astype(np.float32)
p["0/b"] = np.zeros(20, np.float32)
grads = {k: np.zeros_like(w) for k, w in p.items()}
"""

CONFIGS = {  # Keras' l2 coefficient: the optimizers' weight decay is twice it
    "adam": TrainConfig(arch="784-20-10", optimizer="adam", lr=1e-3, l2=0.05),
    "adamw": TrainConfig(arch="784-20-10", optimizer="adamw", lr=0.1, l2=2.5),
    "momentum": TrainConfig(arch="784-20-10", optimizer="momentum", lr=0.1, l2=0.5),
    "sgd": TrainConfig(arch="784-20-10", optimizer="sgd", lr=0.5, l2=0.5),
}


@pytest.mark.parametrize("name", CONFIGS)
def test_the_exported_update_clears_the_apps_subnormal_weights_to_the_bit(name, tmp_path):
    config = CONFIGS[name]
    path = tmp_path / "train.py"
    path.write_text(numpy_script(from_config(config, "a test"), "pytest"), encoding="utf-8")
    # Adam's textbook step (walk59 D16) clears them too; its --exact step, to the app's bit
    functions = ["update", "update_exact"] if name.startswith("adam") else ["update"]
    for function in functions:
        done = subprocess.run(
            [sys.executable, "-I", "-c", UPDATES, str(path), START, str(STEPS), function],
            capture_output=True,
            text=True,
            timeout=300,  # a bound for a hang only
        )
        assert done.returncode == 0, done.stderr
        script = json.loads(done.stdout.strip().splitlines()[-1])
        assert max(script["counts"]) == 0, f"the script's {function} left subnormal weights"

    namespace: dict = {"np": np, "p": {}}
    exec(START, namespace)
    p, grads, rng = namespace["p"], namespace["grads"], namespace["rng"]
    opt = _make_optimizer(make_optimizer, config)  # as a training session builds it
    params = [(k, w, grads[k]) for k, w in p.items()]
    for t in range(STEPS):
        for g in grads.values():
            g[...] = rng.standard_normal(g.shape) * 1e-2 if t < 20 else 0
        opt.step(params)
    assert np.count_nonzero(p["0/W"]) < 400  # L2 did take weights to zero
    for k, w in p.items():
        assert script["bits"][k] == w.tobytes().hex(), f"{k} differs from the app's"
