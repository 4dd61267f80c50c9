"""A race: 2-4 configurations trained side by side, one batch of each in turn. No Qt.

Every run's shuffle, split and augmentation streams come from its seed (``loop.run_rng``), so
configurations that share the seed and the data settings see the same images in the same order;
with the same batch size, batch for batch. Lanes share the dataset, the epochs and the seed
(``RACE_SHARES``); a lane's validation split and augmentation are its own, so that two labs
race each as written (fixM: fashion-prelu-l2 raced on fashion-mlp-lab's 0 % split), on other
images then. ``race`` checks what they must share, then steps the runs in turn, one batch of
the lane furthest behind (in epochs), so their curves grow together even when a lane takes
batches of 64 and another of 128 (a lab raced as a whole; with augmentation on, such lanes draw
their random shifts batch by batch, so their copies differ):

    for lane, report in race([adam, sgd], dataset=fashion):
        curves[lane].add(report)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta

from nndesk.errors import ConfigError
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.settings_schema import RACE_SHARES
from nndesk.training.config import TrainConfig
from nndesk.training.loop import BatchReport, Report, RunEnded, train
from nndesk.training.memory import check_batches_fit
from nndesk.training.session import Session, prepare

MIN_LANES, MAX_LANES = 2, 4


def check_race(configs: Sequence[TrainConfig]) -> None:
    """``ConfigError`` (one line) unless 2-4 configs share every setting the schema marks
    ``race_shares`` (``RACE_SHARES``)."""
    if not MIN_LANES <= len(configs) <= MAX_LANES:
        raise ConfigError(
            f"a race takes {MIN_LANES} to {MAX_LANES} configurations, not {len(configs)}"
        )
    first = configs[0]
    for i, config in enumerate(configs[1:], start=2):
        for name in RACE_SHARES:
            if getattr(config, name) != getattr(first, name):
                raise ConfigError(
                    f"configuration {i} has {name} {getattr(config, name)!r}, the first "
                    f"{getattr(first, name)!r}: a race's lanes share its dataset, epochs "
                    "and seed"
                )


def prepare_race(configs: Sequence[TrainConfig], dataset) -> list[Session]:
    """One session per configuration, on the one ``dataset``; lanes with the same
    normalisation share one copy of the normalised images, each lane's validation split its
    own rows of it (``Session.train_rows``)."""
    check_race(configs)
    shared: dict = {}
    sessions = [prepare(config, dataset=dataset, shared_inputs=shared) for config in configs]
    # the lanes began in their order, a millisecond apart at least: kept as runs (whose folders
    # name the millisecond) they list, and the Runs chart colours them, in the race's order
    for before, after in zip(sessions, sessions[1:], strict=False):
        after.began = max(after.began, before.began + timedelta(milliseconds=1))
    # each lane fits alone (prepare checked it), but every lane keeps its batch at once: counted
    # at the largest lane's batch (full batch: the whole split)
    batch = max(s.config.batch_size or len(s.y_train) for s in sessions)
    check_batches_fit([s.model for s in sessions], batch)
    return sessions


def _never() -> bool:
    return False


def race(
    sessions: Sequence[Session],
    should_stop: Callable[[], bool] = _never,
    should_pause: Callable[[], bool] = _never,
) -> Iterator[tuple[int, Report]]:
    """``(lane, report)`` of every lane's reports, one batch at a time of the lane that has
    trained the least of its epochs (the first of those alike: lanes of one batch size take
    turns, one batch each), until every lane's ``RunEnded`` (a lane that diverges ends alone;
    the others race on). Stop and pause are polled before every batch of every lane."""
    check_race([s.config for s in sessions])
    runs = {
        i: train(s, should_stop=should_stop, should_pause=should_pause)
        for i, s in enumerate(sessions)
    }
    done = dict.fromkeys(runs, 0.0)  # epochs trained so far, a fraction within the epoch
    while runs:
        lane = min(runs, key=lambda i: (done[i], i))
        for report in runs[lane]:
            yield lane, report
            if isinstance(report, RunEnded):
                del runs[lane]
                break
            if not isinstance(report, BatchReport):  # an EpochReport: on to the next batch
                continue
            done[lane] = report.epoch - 1 + report.batch / max(report.batches, 1)
            break  # one batch, then the lane furthest behind
        else:
            runs.pop(lane, None)


@dataclass(frozen=True)
class Comparison:
    """One of the seed labs' comparisons: its title, the preset every lane starts from and
    each lane's name and the few settings it changes. Nothing comes from the Train form: its
    leftovers (a CNN preset's dropout and cosine schedule) raced unseen in every lane of
    "64 vs 128 units" (walk48 D1)."""

    #: marked for translation in the "Race" context: what the lanes compare, never a preset's
    #: name (the line above the lanes names the preset they start from, as the window says it)
    title: str
    lanes: tuple[tuple[str, dict], ...]
    #: the preset every lane starts from; None: the lab preset of the window's dataset
    #: (``LAB_PRESET_FOR_DATASET``: MNIST's in Digits, Fashion-MNIST's in Clothing)
    preset: str | None = None

    def preset_name(self, dataset: str) -> str:
        """The preset the lanes start from when the window trains on ``dataset``."""
        from nndesk.presets import DEFAULT_PRESET, LAB_PRESET_FOR_DATASET

        return self.preset or LAB_PRESET_FOR_DATASET.get(dataset, DEFAULT_PRESET)

    def base(self, dataset: str) -> TrainConfig:
        """The settings every lane starts from (``preset_name``'s)."""
        from nndesk.presets import get_preset

        return get_preset(self.preset_name(dataset)).config

    def configs(self, dataset: str, **shared) -> list[tuple[str, TrainConfig]]:
        """Each lane's name and settings: the base's, with the lane's changes and ``shared``
        (the race's own epochs and seed)."""
        base = self.base(dataset).replace(**shared)
        return [(name, base.replace(**changes)) for name, changes in self.lanes]


#: The seed labs' comparisons, one click each on the race screen. A comparison naming presets
#: starts from the first and changes only what the title says: "64 vs 128 units" is
#: fashion-mlp-lab at two widths (fashion-mlp-128 also trains 10 epochs and keeps a validation
#: split, which the race's lanes share).
COMPARISONS: tuple[Comparison, ...] = (
    Comparison(QT_TRANSLATE_NOOP("Race", "Optimisers: SGD vs momentum vs Adam"), (
        (QT_TRANSLATE_NOOP("Race", "SGD"), {"optimizer": "sgd", "lr": 0.05}),
        (QT_TRANSLATE_NOOP("Race", "Momentum"), {"optimizer": "momentum", "lr": 0.01}),
        (QT_TRANSLATE_NOOP("Race", "Adam"), {"optimizer": "adam", "lr": 0.001}),
    )),
    # fashion-mlp-lab and fashion-mlp-128
    Comparison(
        QT_TRANSLATE_NOOP("Race", "Width: 64 vs 128 units"),
        (
            (QT_TRANSLATE_NOOP("Race", "64 units"), {"arch": "784-64-64-10"}),
            (QT_TRANSLATE_NOOP("Race", "128 units"), {"arch": "784-128-128-10"}),
        ),
        "fashion-mlp-lab",
    ),
    # fashion-mlp-lab and fashion-mlp-3layers
    Comparison(QT_TRANSLATE_NOOP("Race", "Depth: 2 vs 3 hidden layers"), (
        (QT_TRANSLATE_NOOP("Race", "2 layers"), {"arch": "784-64-64-10"}),
        (QT_TRANSLATE_NOOP("Race", "3 layers"), {"arch": "784-64-64-64-10"}),
    ), "fashion-mlp-lab"),
    # mnist-sigmoid-raw and mnist-relu-sigmoid-raw
    Comparison(QT_TRANSLATE_NOOP("Race", "Units: sigmoid vs ReLU"), (
        (QT_TRANSLATE_NOOP("Race", "Sigmoid"), {"activation": "sigmoid"}),
        (QT_TRANSLATE_NOOP("Race", "ReLU"), {"activation": "relu"}),
    ), "mnist-sigmoid-raw"),
    # mnist-relu-sigmoid-raw and mnist-relu-sigmoid-unit
    Comparison(
        QT_TRANSLATE_NOOP("Race", "Inputs: raw pixels vs scaled to [0, 1]"),
        (
            (QT_TRANSLATE_NOOP("Race", "Raw 0-255"), {"normalize": "raw"}),
            (QT_TRANSLATE_NOOP("Race", "Scaled to [0, 1]"), {"normalize": "unit"}),
        ),
        "mnist-relu-sigmoid-raw",
    ),
    # the MNIST lab's whole question at once (walk62 D9: two comparisons and two renamed
    # lanes to race it): the four presets above, from mnist-sigmoid-raw
    Comparison(
        QT_TRANSLATE_NOOP("Race", "Units and inputs: sigmoid vs ReLU, raw vs [0, 1]"),
        (
            (QT_TRANSLATE_NOOP("Race", "Sigmoid, raw"), {"activation": "sigmoid"}),
            (QT_TRANSLATE_NOOP("Race", "ReLU, raw"), {"activation": "relu"}),
            (QT_TRANSLATE_NOOP("Race", "Sigmoid, [0, 1]"),
             {"activation": "sigmoid", "normalize": "unit"}),
            (QT_TRANSLATE_NOOP("Race", "ReLU, [0, 1]"),
             {"activation": "relu", "normalize": "unit"}),
        ),
        "mnist-sigmoid-raw",
    ),
    Comparison(QT_TRANSLATE_NOOP("Race", "Learning rate: 0.01 vs 0.001 vs 0.0001"), (
        (QT_TRANSLATE_NOOP("Race", "lr 0.01"), {"lr": 0.01}),
        (QT_TRANSLATE_NOOP("Race", "lr 0.001"), {"lr": 0.001}),
        (QT_TRANSLATE_NOOP("Race", "lr 0.0001"), {"lr": 0.0001}),
    )),
)  # fmt: skip
