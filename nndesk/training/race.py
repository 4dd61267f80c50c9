"""A race: 2-4 configurations trained side by side on identical batches. No Qt.

Every run's shuffle, split and augmentation streams come from its seed (``loop.run_rng``), so
configurations that share the seed, the data settings and the batch size see the same images in
the same order, batch for batch. ``race`` checks that they do share them, then steps the runs in
turn, one batch each, so their curves grow together:

    for lane, report in race([adam, sgd], dataset=fashion):
        curves[lane].add(report)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from nndesk.errors import ConfigError
from nndesk.training.config import TrainConfig
from nndesk.training.loop import Report, RunEnded, train
from nndesk.training.session import Session, prepare

#: Settings every lane of a race must share, so that their batches are the same.
SHARED = ("dataset", "seed", "val_fraction", "batch_size", "epochs", "augment", "aug_shift",
          "aug_rotate", "aug_scale", "aug_stroke", "sketch")  # fmt: skip
MIN_LANES, MAX_LANES = 2, 4


def check_race(configs: Sequence[TrainConfig]) -> None:
    """``ConfigError`` (one line) unless 2-4 configs share every ``SHARED`` setting."""
    if not MIN_LANES <= len(configs) <= MAX_LANES:
        raise ConfigError(
            f"a race takes {MIN_LANES} to {MAX_LANES} configurations, not {len(configs)}"
        )
    first = configs[0]
    for i, config in enumerate(configs[1:], start=2):
        for name in SHARED:
            if getattr(config, name) != getattr(first, name):
                raise ConfigError(
                    f"configuration {i} has {name} {getattr(config, name)!r}, the first "
                    f"{getattr(first, name)!r}: a race trains every lane on the same batches"
                )


def prepare_race(configs: Sequence[TrainConfig], dataset) -> list[Session]:
    """One session per configuration, on the one ``dataset``."""
    check_race(configs)
    return [prepare(config, dataset=dataset) for config in configs]


def race(
    sessions: Sequence[Session], should_stop: Callable[[], bool] = lambda: False
) -> Iterator[tuple[int, Report]]:
    """``(lane, report)`` of every lane's reports, one batch of each lane in turn, until every
    lane's ``RunEnded`` (a lane that diverges ends alone; the others race on)."""
    check_race([s.config for s in sessions])
    runs = {i: train(s, should_stop=should_stop) for i, s in enumerate(sessions)}
    while runs:
        for lane in list(runs):
            for report in runs[lane]:
                yield lane, report
                if isinstance(report, RunEnded):
                    del runs[lane]
                    break
                if not hasattr(report, "batch_loss"):  # an EpochReport: go on to the next batch
                    continue
                break  # one batch, then the next lane
            else:
                runs.pop(lane, None)
