"""How many ReLU units raw 0-255 pixels leave dead at Adam's rates, over nets and seeds: the
figures behind ``coach.RAW_RELU_LR`` (docs/presets.md, "ReLU on raw pixels").

    python -m tools.raw_relu_rates DATA_DIR [IMAGES] [BATCHES] [SEEDS]

DATA_DIR holds mnist/ and fashion-mnist/. Each net (a lab's layers, loss and batch size) trains
BATCHES batches (default 200) of the first IMAGES training images (default 6000) at every
rate of ``RATES``, for seeds 0 .. SEEDS-1 (default 3), on raw pixels; seed 0 on scaled pixels
too. Prints one line per run: the largest share of a hidden layer's units dead on the last
batch the ``Watcher`` sampled (they fired on none of its images), the mean over the last five
samples, and the accuracy on 2,000 test images. One thread: the figures come out the same.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import numpy as np

from nndesk.data import load_dataset
from nndesk.presets import get_preset
from nndesk.training import BatchReport, prepare, train
from nndesk.training.internals import Watcher

RATES = (0.001, 0.002, 0.003, 0.005, 0.01)
#: (the lab whose net, loss and batch size are raced, the dataset folder, the scaled inputs)
NETS = (
    ("mnist-relu-sigmoid-raw", "mnist", "unit"),  # 784-784-10, sigmoid + BCE, batch 128
    ("mnist-relu-softmax-plus", "mnist", "unit"),  # 784-784-10, softmax + CE, batch 128
    ("fashion-mlp-lab", "fashion-mnist", "symmetric"),  # 784-64-64-10, CE, batch 32
)
TESTED = 2000


def _run(config, dataset, batches: int) -> tuple[float, float, float]:
    session = prepare(config, dataset=dataset)
    watch = Watcher(session.model, every=5)
    dead: list[float] = []
    trained = 0
    for report in train(session, watch=watch):
        if isinstance(report, BatchReport):
            trained += 1
            if report.inside is not None:
                shares = [x.dead for x in report.inside.layers if x.dead == x.dead]
                dead.append(max(shares, default=0.0))
            if trained >= batches:
                break
    return dead[-1], float(np.mean(dead[-5:])), session.evaluate_test().accuracy


def main(argv: list[str]) -> None:
    data_dir = argv[0]
    images = int(argv[1]) if len(argv) > 1 else 6000
    batches = int(argv[2]) if len(argv) > 2 else 200
    seeds = int(argv[3]) if len(argv) > 3 else 3
    for preset, folder, scaled in NETS:
        full = load_dataset(get_preset(preset).config.dataset, os.path.join(data_dir, folder))
        dataset = replace(
            full,
            train_images=full.train_images[:images],
            train_labels=full.train_labels[:images],
            test_images=full.test_images[:TESTED],
            test_labels=full.test_labels[:TESTED],
        )
        base = get_preset(preset).config.replace(val_fraction=0.0, threads=1, epochs=50)
        for lr in RATES:
            runs = [(seed, "raw") for seed in range(seeds)] + [(0, scaled)]
            for seed, normalize in runs:
                config = base.replace(lr=lr, seed=seed, normalize=normalize, optimizer="adam")
                last, mean, accuracy = _run(config, dataset, batches)
                print(
                    f"{preset} lr {lr:g} seed {seed} {normalize}: dead {last:.0%} "
                    f"(last 5 samples {mean:.0%}), test accuracy {accuracy:.1%}",
                    flush=True,
                )


if __name__ == "__main__":
    main(sys.argv[1:])
