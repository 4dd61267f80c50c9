"""``RunState``: what the Train page knows about the run going, the last one, and the model
Save model… and Continue mean. One object, owned by ``TrainingPanel`` (``panel.run_state``),
so each field is defined once and says who changes it; the panel and its mixins
(train_run_events, train_headline, train_models, train_page_state) read and change it there.

Not here: what the live plot shows (``panel.curves``, also a loaded model's history), the last
message box (``panel.message_box()``), the headline before the runs are listed
(``panel._first_title``, only the headline's) and the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nndesk.controllers.training import RunStarted
from nndesk.run_curves import Curves
from nndesk.training import BatchReport, RunEnded, TrainConfig


@dataclass
class RunState:
    """The Train page's run and model state (mutable; one per page)."""

    # -- the run going: from run_started until running_changed(False) ----------------------------
    #: the run going (its config, epochs, batches per epoch); set when the controller says it
    #: started, None again when its worker stops (RunEventsMixin)
    run: RunStarted | None = None
    #: the newest batch report of the run going (progress, "LR now", the coach); None until its
    #: first batch (RunEventsMixin)
    last_batch: BatchReport | None = None
    #: the run's RunEnded once its loop is over (testing and saving its model follow); None
    #: again when the worker stops (RunEventsMixin)
    ended: RunEnded | None = None
    #: what the page showed before Train was pressed, until the run starts: (curves, span,
    #: expected curves, batches per epoch, model line); a start that fails shows it again
    #: (set by TrainingPanel.start_training, taken back by RunEventsMixin)
    before_start: tuple | None = None
    #: the run ids selected in Runs when the run going started: while they are the selection,
    #: Replay shows the run training, not the run selected before it (walk58 #11); set by
    #: RunEventsMixin, None once another selection was made during the run (TrainingPanel)
    selection_at_start: tuple[str, ...] | None = None
    #: the run going is a Continue (TrainingPanel.continue_training; read by the headline and
    #: by a failed start's data check)
    continuing: bool = False
    #: the settings a continued run kept from the last one ({"lr": 0.0003}), for its headline
    #: (TrainingPanel.continue_training; emptied by start_training)
    kept: dict = field(default_factory=dict)
    #: "Not used: lr 3. The run ended before its next batch.": said when the loop ended, put
    #: under the run buttons when the worker stops (their line is cleared then), "" after
    unused_note: str = ""

    # -- how the last run ended ------------------------------------------------------------------
    #: (RunEnded, (first epoch, last epoch) or None) of the last run, for the progress bar's
    #: verdict; set when it ends (RunEventsMixin), None once another run starts or a model is
    #: loaded, carried over a language switch (PageStateMixin)
    verdict: tuple | None = None
    #: how the last run ended, as the progress bar says it ("trained 5 epochs"), in the
    #: window's language (RunEventsMixin, PageStateMixin)
    ended_text: str = ""
    #: the last run trained all its epochs (the coach's last word); RunEventsMixin sets it,
    #: a start or a loaded model clears it
    completed: bool = False
    #: what the coach reads of the last run's settings (``coach.RunSetup``: its batches and
    #: steps, inputs, activation), kept after it ends (RunEventsMixin); None once a model is
    #: loaded (its curves are another run's), carried over a language switch
    coach_setup: object = None
    #: the last run failed (its worker's error): the coach says nothing of its curves;
    #: RunEventsMixin sets it, a start or a loaded model clears it
    failed: bool = False
    #: the banner's line saying the run's record could not be written (a full disk), "" if
    #: none; RunEventsMixin sets it, a start clears it
    record_alert: str = ""
    #: (run folder, reason) of that line, for saying it again once the run is over
    record_refused: tuple[str, str] | None = None

    # -- the model Save model… and Continue mean -------------------------------------------------
    #: the run id of this page's last saved run (RunEventsMixin); None once a model is loaded
    last_run_id: str | None = None
    #: the model file loaded on the page (Load model…, Runs > Use model; ModelFilesMixin)
    loaded_model: Path | None = None
    #: the Classifier of that model (ModelFilesMixin); None once a run is saved
    loaded_clf: object = None
    #: (model file, its run's curves or None) that Continue trains further: the last saved
    #: run's (RunEventsMixin) or the loaded model's (ModelFilesMixin)
    continuable: tuple[Path, Curves | None] | None = None
    #: the line under the bar saying the last run's test and where its model is ("Test accuracy
    #: 97.1% on MNIST · model saved in the run history") and the same without the model
    #: ("Test accuracy 97.1% on MNIST"): once the model is gone (its run deleted) it says the
    #: latter (RunEventsMixin sets it, HeadlineMixin reads it)
    tested_line: tuple[str, str] | None = None
    #: the dataset that model learnt from (Continue trains on it, whatever the mode)
    continuable_dataset: str | None = None
    #: the live settings the last run (or the loaded model) ended with, and the form as it was
    #: then: Continue keeps the former where the form was not changed since
    #: (TrainingPanel._remember_end)
    at_end: dict = field(default_factory=dict)
    form_at_end: TrainConfig | None = None
    #: what Continue asks about that model (TrainingPanel._remember_end): (epochs trained, the
    #: rate its last batch trained at or None, the last epoch of its plan when it stopped
    #: before it, else None, the batches trained of the epoch it was stopped in or 0)
    model_end: tuple[int, float | None, int | None, int] | None = None
    #: the run going is a Continue whose epochs and rate were asked (``ContinueDialog``)
    continue_asked: bool = False
