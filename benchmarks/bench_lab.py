"""Seconds per Lab edit: what the Lab page waits for after each change (issue 20: within a second
for the shipped MLPs).

Not a test: prints figures. For each model, the Lab page's job as ``ExploreController.request_lab``
runs it on its worker thread: ``lab.apply_edits`` (a modified copy of the network) then
``LabBase.measure`` on the seeded ``lab.lab_images(model)`` test images (2,000; 500 for a CNN).
Timed per edit for a fixed
sequence of edits a learner makes (scale a layer, shift its biases, switch units off, prune, add
noise, change the temperature), after one warm-up edit. As in the window, the original's scores
and the inputs of its weighted layers are computed once (``lab.LabBase``), so an edit recomputes
the layers from the first one it changes; the figure for recomputing every layer is printed
beside it::

    python benchmarks/bench_lab.py --data-dir /work/shared/data               # the 4 shipped
    python benchmarks/bench_lab.py weights/mnist-mlp.npz --data-dir DIR --rounds 5

The test images come from ``--data-dir`` (or the cache, as the window finds them).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout

import numpy as np  # noqa: E402

from nndesk import lab  # noqa: E402
from nndesk.data import load_dataset  # noqa: E402
from nndesk.inference import Classifier, shipped_models  # noqa: E402


def edit_sequence(model) -> list[tuple[str, lab.Edits]]:
    """The edits timed, in order: each on its own, as one change of the page's form."""
    weighted = lab.weighted_layers(model)
    hidden = dict(lab.hidden_dense_layers(model))
    first, last = weighted[0], weighted[-1]
    edits = [
        ("scale first layer x0.5", lab.Edits(scale={first: 0.5})),
        ("shift output biases +1", lab.Edits(shift_bias={last: 1.0})),
        ("prune 50 %", lab.Edits(prune_percent=50.0)),
        ("weight noise 0.3", lab.Edits(weight_noise=0.3)),
        ("temperature 2", lab.Edits(temperature=2.0)),
    ]
    if hidden:
        layer, units = next(iter(hidden.items()))
        edits.insert(
            2,
            (
                f"units 0-{units // 2 - 1} off",
                lab.Edits(units_off={layer: tuple(range(units // 2))}),
            ),
        )
    return edits


def bench(path: Path, data_dir: str | None, rounds: int) -> None:
    from nndesk.training import runtime

    with runtime.beside_the_gui():  # as the window's Lab worker: BLAS leaves the GUI a core
        _bench(path, data_dir, rounds)


def _bench(path: Path, data_dir: str | None, rounds: int) -> None:
    clf = Classifier.from_file(path)
    dataset = load_dataset(clf.dataset, data_dir=data_dir, allow_download=False)
    idx = lab.lab_sample(dataset.test_labels, lab.lab_images(clf.model))
    x = clf.normalizer(dataset.test_images[idx])  # done once per evaluation in the window
    y = dataset.test_labels[idx]
    t0 = time.perf_counter()
    base = lab.LabBase(clf.model, x, y, clf.temperature)  # the page's first request
    first_seconds = time.perf_counter() - t0
    sequence = edit_sequence(clf.model)
    base.measure(lab.apply_edits(clf.model, sequence[0][1]), sequence[0][1])  # warm-up
    times: dict[str, list[float]] = {name: [] for name, _ in sequence}
    full: list[float] = []  # every layer recomputed, as before the layer inputs were kept
    for _ in range(rounds):
        for name, edits in sequence:
            t0 = time.perf_counter()
            model = lab.apply_edits(clf.model, edits)
            base.measure(model, edits)
            times[name].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            lab.measure(lab.apply_edits(clf.model, edits), x, y, edits.temperature)
            full.append(time.perf_counter() - t0)
    arch = "cnn" if any(type(layer).__name__ == "Conv2D" for layer in clf.model.layers) else "mlp"
    every = np.concatenate([np.asarray(v) for v in times.values()])
    worst = max(times, key=lambda k: np.median(times[k]))
    verdict = "meets" if every.max() <= 1.0 else "MISSES"
    print(
        f"{path.name:<16} {arch}  seconds per edit on {len(y):,} images: "
        f"median={np.median(every):.3f}  max={every.max():.3f}  "
        f"(slowest edit: {worst}, median {np.median(times[worst]):.3f})  "
        f"original accuracy {base.original.accuracy:.2%}  ({verdict} <= 1 s)"
    )
    print(
        f"{'':<16} {arch}  first request (the original's layer inputs and scores): "
        f"{first_seconds:.3f} s; every layer recomputed per edit: median={np.median(full):.3f}  "
        f"max={max(full):.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", type=Path, help="model files (default weights/*.npz)")
    parser.add_argument("--data-dir", default=None, help="folder with the IDX files")
    parser.add_argument("--rounds", type=int, default=3, help="times each edit is timed")
    args = parser.parse_args(argv)
    models = args.models or shipped_models()
    if not models:
        print("no models: pass model files, or ship weights/*.npz", file=sys.stderr)
        return 2
    print(f"Lab edits ({args.rounds} rounds), load average {os.getloadavg()[0]:.2f}")
    for path in models:
        bench(path, args.data_dir, args.rounds)
    print(f"(load average now {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
