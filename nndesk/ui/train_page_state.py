"""What the Train page holds that a window rebuilt in another language must keep."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nndesk.runs import Curves
from nndesk.training import TrainConfig


@dataclass(frozen=True)
class TrainPageState:
    """The Train page's work, carried into a window rebuilt in another language."""

    config: TrainConfig | None  # the form's settings (None: a field did not parse)
    curves: Curves  # what the live plot shows
    continuable: tuple[Path, Curves | None] | None  # what Continue trains further
    last_run_id: str | None
    model_path: Path | None  # where the last run's model was saved
    loaded_model: Path | None
    title: str
    tab: int  # Live, Inside or Runs
    #: how the last run ended (RunEnded, its epoch count), said again in the new language
    verdict: tuple | None = None
    progress: int = 0  # the progress bar's value
    loaded: object = None  # Classifier of the model loaded on the page (Runs > Use model)
    lr_now: str = ""  # the "LR now" field as typed
    slow_motion: int = 0
    selected_runs: tuple[str, ...] = ()
    completed: bool = False  # the last run trained all its epochs (the coach's last word)
    at_end: tuple = ()  # (settings the last run ended with, the form then) for Continue
    inside: object = None  # the controller's InsideRecord of the last run
    span: tuple | None = None  # the live curves' epochs (LiveCurves.span) and expected curves
    replay: object = None  # the controller's ReplayRecord of the last run
    # the headline as facts (``RunHeader.headline``), said again in the new language
    headline: tuple = ()
    continuable_dataset: str | None = None  # the dataset Continue's model trains on
    #: the dataset a Continue that failed for want of data needs (its banner said again)
    continue_needs: str | None = None
