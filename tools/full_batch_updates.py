"""Update / weight of ``mnist-gd`` (full-batch gradient descent) at several learning rates: the
figures behind ``inside_reading.FULL_BATCH_FAR`` (docs/presets.md).

    python -m tools.full_batch_updates DATA_DIR EPOCHS LR [LR ...]

Prints per rate the median of the largest layer's update / weight over each 10 epochs, how the
run ended and its last validation accuracy.
"""

from __future__ import annotations

import sys

import numpy as np

from nndesk.presets import get_preset
from nndesk.training import BatchReport, EpochReport, prepare, train
from nndesk.training.internals import Watcher


def main(argv: list[str]) -> None:
    data_dir, epochs, rates = argv[0], int(argv[1]), [float(x) for x in argv[2:]]
    for lr in rates:
        config = get_preset("mnist-gd").config.replace(lr=lr, epochs=epochs)
        session = prepare(config, data_dir=data_dir)
        ratios: list[float] = []
        accuracy, last = None, None
        for report in train(session, watch=Watcher(session.model, every=1)):
            if isinstance(report, BatchReport) and report.inside is not None:
                ratios.append(max(layer.update_ratio for layer in report.inside.layers))
            elif isinstance(report, EpochReport):
                accuracy = getattr(report, "val_accuracy", accuracy)
            last = report
        medians = [np.median(ratios[i : i + 10]) for i in range(0, len(ratios), 10)]
        print(
            f"lr {lr}: {len(ratios)} epochs, ended {getattr(last, 'reason', '?')}, "
            f"accuracy {accuracy}; update/weight per 10 epochs: "
            + " ".join(f"{m:.2g}" for m in medians),
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
