"""What clearing the parameters' subnormal numbers costs a training step, and what they cost
when they are not cleared (walk lab56 D1: the PReLU lab 15x slower by epoch 11).

Not a test: prints figures. On the fashion-prelu-l2 preset's network (784-300-300-100-100-10,
PReLU, Adam with L2, batches of 32, random inputs: the arithmetic does not depend on them),
one thread, CPU clock, medians over ``--steps`` steps after a warm-up:

- ``optimizers.flush_small_parameters`` on the whole flat parameter buffer (every step runs it
  after the update), against the optimizer's step with it and the whole training step;
- ``x @ W`` and ``g @ W.T`` for the first layer's weights with ``--subnormal`` of their entries
  subnormal (3,129 as found in the lab's model after epoch 11), against the same weights with
  those entries zero (what the flush leaves)::

    python benchmarks/bench_param_flush.py [--steps 400] [--subnormal 3129]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread: the figures per core

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout

import numpy as np  # noqa: E402

from nndesk.nn import losses, optimizers  # noqa: E402
from nndesk.presets import get_preset  # noqa: E402
from nndesk.training.session import _make_optimizer  # noqa: E402


def _median_ms(fn, steps: int) -> float:
    times = []
    for _ in range(steps):
        start = time.thread_time()
        fn()
        times.append(time.thread_time() - start)
    return 1e3 * float(np.median(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--subnormal", type=int, default=3129)
    args = parser.parse_args()
    config = get_preset("fashion-prelu-l2").config
    model = config.build_model(np.random.default_rng(0))
    model.forward(np.zeros((1, 784), np.float32))
    flat_p, _ = model.flatten_parameters()
    opt = _make_optimizer(optimizers.make_optimizer, config)
    params = model.parameters()
    loss = losses.make_loss(config.loss, config.output)
    rng = np.random.default_rng(1)
    x = rng.standard_normal((32, 784)).astype(np.float32)
    y = rng.integers(0, 10, 32)
    scratch = np.empty_like(flat_p)

    def train_step():
        model.train_step(x, y, loss)
        opt.step(params)

    for _ in range(20):
        train_step()
    print(f"fashion-prelu-l2: {flat_p.size:,} parameters, batch 32, one thread, CPU clock")
    flush = _median_ms(lambda: optimizers.flush_small_parameters(flat_p, scratch), args.steps)
    with_flush = _median_ms(lambda: opt.step(params), args.steps)
    real = optimizers.flush_small_parameters
    optimizers.flush_small_parameters = lambda param, scratch: None
    without = _median_ms(lambda: opt.step(params), args.steps)
    optimizers.flush_small_parameters = real
    whole = _median_ms(train_step, args.steps)
    print(f"  flush alone       {flush:7.3f} ms")
    print(f"  Adam step         {without:7.3f} ms without the flush, {with_flush:.3f} ms with it")
    print(f"  training step     {whole:7.3f} ms (forward, backward, Adam with the flush)")

    w = model.layers[0].params["W"].copy()
    g = rng.standard_normal((32, w.shape[1])).astype(np.float32)
    spots = rng.choice(w.size, args.subnormal, replace=False)
    tiny = np.finfo(np.float32).tiny
    slow = w.copy()
    slow.flat[spots] = (rng.random(args.subnormal) * tiny).astype(np.float32)
    assert np.count_nonzero((slow != 0) & (np.abs(slow) < tiny)) > 0.9 * args.subnormal
    cleared = slow.copy()
    optimizers.flush_small_parameters(cleared, np.empty_like(cleared))
    for name, weights in (("subnormal", slow), ("cleared", cleared)):
        fwd = _median_ms(lambda weights=weights: x @ weights, args.steps)
        bwd = _median_ms(lambda weights=weights: g @ weights.T, args.steps)
        print(f"  x @ W {fwd:6.3f} ms, g @ W.T {bwd:6.3f} ms: {args.subnormal:,} entries {name}")


if __name__ == "__main__":
    main()
