"""Training without Qt: ``prepare`` a session, iterate ``train``, save.

    session = prepare(TrainConfig(dataset="fashion", epochs=5))
    for report in train(session, should_stop=stop.is_set):
        show(report)
    session.save("fashion.npz")

``config`` holds ``TrainConfig``; ``session`` the data, model and optimizer built once;
``loop`` the generator and its frozen reports; ``runtime`` the one rule for threads.
"""

from nndesk.training.config import TrainConfig
from nndesk.training.loop import (
    HISTORY_COLUMNS,
    BatchReport,
    EpochProgress,
    EpochReport,
    Report,
    RunEnded,
    train,
)
from nndesk.training.session import Session, prepare

__all__ = [
    "HISTORY_COLUMNS",
    "BatchReport",
    "EpochProgress",
    "EpochReport",
    "Report",
    "RunEnded",
    "Session",
    "TrainConfig",
    "prepare",
    "train",
]
