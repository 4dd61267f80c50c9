"""TrainingPanel: the "Train" page. Settings on the left; live curves, progress and the run
history on the right. All the work happens in ``TrainingController``; this widget only shows it.

This module builds the page, connects it and answers its buttons; the rest of the page is mixed
in: ``train_run_events`` (the run as the controller tells it, the progress bar),
``train_headline`` (the headline), ``train_models`` (model files: load, save, export) and
``train_page_state`` (what a window rebuilt in another language keeps).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QSizePolicy, QSplitter, QWidget

from nndesk.coach import learning
from nndesk.controllers.race import RaceController
from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import TrainingController
from nndesk.errors import NndeskError, user_message
from nndesk.run_curves import Curves
from nndesk.run_end import ended_rate, stopped_batch
from nndesk.setting_changes import continue_with, settings_at_end
from nndesk.training import TrainConfig
from nndesk.ui import text_size
from nndesk.ui.coach_row import CoachRow, advice_after_run, coach_hints, collapse_after_run
from nndesk.ui.data_banner import DataBanner
from nndesk.ui.export_code import form_experiment
from nndesk.ui.fit_column import FitColumn
from nndesk.ui.held_header import HeldHeader
from nndesk.ui.inside_training_view import InsideTrainingView
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.live_page import LivePage, live_figure
from nndesk.ui.one_box import Buttons, OneBox
from nndesk.ui.preview_feed import PreviewFeed
from nndesk.ui.quit_question import QuitQuestion
from nndesk.ui.race_going_line import RaceGoingLine
from nndesk.ui.race_quit import KEEP, STAY, KeepThenQuit, ask_to_keep
from nndesk.ui.race_view import RaceView
from nndesk.ui.refused_settings import RefusedSettingsLine
from nndesk.ui.replay_choice import replay_choice
from nndesk.ui.replay_view import ReplayView
from nndesk.ui.run_controls import RunControls
from nndesk.ui.run_header import RunHeader
from nndesk.ui.runs_view import RunsView
from nndesk.ui.status_rank import Notice
from nndesk.ui.steer_actions import SteerActions
from nndesk.ui.train_continue_look import ContinueLook
from nndesk.ui.train_data_check import TrainDataCheck
from nndesk.ui.train_files import TrainFiles
from nndesk.ui.train_form import TrainForm
from nndesk.ui.train_headline import HeadlineMixin
from nndesk.ui.train_mode_pages import ModePagesMixin
from nndesk.ui.train_models import ModelFilesMixin
from nndesk.ui.train_page_state import PageStateMixin
from nndesk.ui.train_run_events import RunEventsMixin
from nndesk.ui.train_run_state import RunState
from nndesk.ui.train_tabs import WIDE_LAYOUT_MIN_WIDTH, TrainTabs, scrolled
from nndesk.ui.train_texts import dataset_title, kept_text, sample_progress_line


class TrainPageParts:
    """The Train page's two largest parts, its settings form and its Live figure (half of the
    page's 150-600 ms), made one at a time by ``make_next()`` before the page, by the window
    built in steps (``app.desk.build_steps``); a part not made yet is made when asked for."""

    def __init__(self) -> None:
        self._form: TrainForm | None = None
        self._live: tuple | None = None

    def make_next(self) -> bool:
        """Make the next part not made yet; False when both were made."""
        if self._form is None:
            self._form = TrainForm()
        elif self._live is None:
            self._live = live_figure()
        else:
            return False
        return True

    def form(self) -> TrainForm:
        return self._form if self._form is not None else TrainForm()

    def live_figure(self) -> tuple:
        return self._live if self._live is not None else live_figure()


class TrainingPanel(
    RunEventsMixin, HeadlineMixin, ModelFilesMixin, ModePagesMixin, PageStateMixin, QWidget
):
    """Train / Pause / Resume / Stop, live curves, progress, model files and run history."""

    model_ready = Signal(object)  # Classifier: a finished run's model, or one the user loaded
    #: Classifier: a model the user loaded on the page (Load model…, Runs > Use model); a run's
    #: own goes through the window's handover (``app.wiring``), which may keep the model in use
    model_loaded = Signal(object)
    #: one line for the window's status bar: a str, or a ``status_rank`` Notice / Progress line
    #: (``Signal(object)`` carries their rank; ``Signal(str)`` made them plain)
    status_message = Signal(object)
    file_saved = Signal(object, bool)  # Path written (Save model, Export), whether a model
    file_saving = Signal(object)  # Path being written to (Save model, Export), said at once
    data_missing = Signal(str)  # a run needs this registered dataset, not on this computer
    #: the coach's "see them in Mistakes": the Mistakes page should show this true class
    mistakes_requested = Signal(int)

    def __init__(
        self,
        controller: TrainingController,
        runs: RunListReader,
        race: RaceController | None = None,
        writes=None,
        parent: QWidget | None = None,
        parts: TrainPageParts | None = None,
    ) -> None:
        """``controller`` runs the training this page shows, ``runs`` lists its runs folder for
        the Runs tab, ``race`` runs the Race tab's races (``app.build_window`` builds all three;
        without ``race`` the page has no Race tab); ``writes``
        (controllers.background.BackgroundWrites) writes exports and model copies off the GUI
        thread (None: here). The page builds no controller of its own. ``parts``: its form and
        Live figure made beforehand (None: made here)."""
        parts = parts or TrainPageParts()
        super().__init__(parent)
        self.controller = controller
        self.race = race
        #: "Keep them and quit": the lanes saved, then the window closed (None: no Race tab)
        self.keeping = KeepThenQuit(race, self) if race is not None else None
        self.files = TrainFiles(self, writes)  # Save model…, Export PNG…, the Runs exports
        self.store = self.controller.store
        #: what the live plot shows: the controller's store of the current run, or a loaded
        #: model's history (never a copy of a running run's curves)
        self.curves = Curves()
        #: the run going, how the last one ended, the model Save model… and Continue mean:
        #: read and changed by this class and its mixins (train_run_state.py says who sets what)
        self.run_state = RunState()
        self._boxes = OneBox(self, translate("TrainingPanel", "Training"))  # one box at a time
        #: "Stop training and quit?", following the run behind it (walk60 D7j)
        self.quit_question = QuitQuestion(self, self.controller, lambda: bool(self._boxes.text()))
        self.quit_question.answered.connect(self._on_quit_answered)
        self.quit_question.waiting.connect(self._on_quit_waiting)
        self._quit_confirmed = False
        #: the window's mode switched to while a run trained: the form follows it at the run's end
        self._mode_after_run: str | None = None
        self._init_mode_pages()  # each mode's page shows its own last run (walk62 D6)
        # the form's dataset when it is not on this computer, said before Train is pressed:
        # Download / Choose a folder… (wired by the window, which sets ``checks_data``)
        self.data_banner = DataBanner()
        self.data_check = TrainDataCheck(self)
        # Train waits, greyed, while the banner offers the form's missing dataset (walk45 D6)
        self.data_check.looked.connect(self._update_buttons)
        # whether Continue's model file is still there, looked at off the GUI thread
        self.continue_look = ContinueLook(self, self._on_continue_look_changed)

        # -- settings (left) -----------------------------------------------------------------
        self.form = parts.form()
        # the augmentation preview's images, read from the form's dataset before any run
        self.preview_feed = PreviewFeed(
            self.form, controller, lambda: self.run_state.run is not None, self
        )
        self.form.dataset.currentIndexChanged.connect(self.check_data)
        # an image folder typed or browsed to is the form's dataset too: looked at as it changes
        # (off the GUI thread; an older answer is dropped). The page kept "Needs a dataset" and
        # the MNIST banner of the dataset chosen before it (fix54a #3)
        self.form.folder.textChanged.connect(self.check_data)
        scroll = scrolled(self.form, 0)
        scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 24)

        # -- run controls --------------------------------------------------------------------
        self.controls = RunControls(self.style())
        # Set LR, Apply to run, the coach's fix; what the run was sent and which of it it used
        self.steer_actions = SteerActions(controller, self.form, self.controls, self)
        #: Continue's question while it is open (``ContinueDialog``), else None
        self.continue_dialog = None
        self.steering = self.steer_actions.steering
        c = self.controls
        self.train_button, self.pause_button, self.stop_button = (
            c.train_button, c.pause_button, c.stop_button
        )  # fmt: skip
        self.step_button, self.epoch_button, self.slow_motion = (
            c.step_button, c.epoch_button, c.slow_motion
        )  # fmt: skip
        self.live_lr, self.lr_button, self.apply_button, self.lr_error = (
            c.live_lr, c.lr_button, c.apply_button, c.lr_error
        )  # fmt: skip

        # the coach: one plain-language hint about the live run, with a one-click fix
        self.coach = CoachRow()
        self.coach_label, self.coach_button = self.coach.label, self.coach.button
        self._first_title = translate("TrainingPanel", "No run yet")  # until runs are listed
        # always visible: the headline, buttons, progress
        self.header = RunHeader(self._first_title, self.controls, self.data_banner, self.coach)
        self.title, self.progress, self.speed = (
            self.header.title, self.header.progress, self.header.speed
        )  # fmt: skip
        self.refused_line = RefusedSettingsLine(self.progress, self.speed)
        self.race_line = RaceGoingLine(self.progress, self.speed)
        #: a language switch handed the finished race to the new window: a close loses nothing
        self.race_handed_over = False

        # -- the Live tab: curves and model files ---------------------------------------------
        self.live_page = LivePage(
            lambda: self.curves,
            lambda: form_experiment(self.form),
            self._on_code_written,
            parts.live_figure(),
            self._finished_run_on_show,
            self._run_experiment,
        )
        p = self.live_page
        self.plot, self.live, self.model_label = p.plot, p.live, p.model_label
        self.load_button, self.resume_button, self.save_button = (
            p.load_button, p.resume_button, p.save_button
        )  # fmt: skip
        self.export_button, self.code_button = p.export_button, p.code_button

        self.runs_view = RunsView(runs)
        # the Inside picture says what it is as of: the run's epochs' batches, and whether
        # it still trains (ended: the picture is of the whole run)
        self.inside_view = InsideTrainingView(run_place=self._inside_run_place)
        self.replay_view = ReplayView()
        self.race_view = (
            RaceView(race, self._race_busy, form_lane=self._form_lane) if race is not None else None
        )
        self.tabs = TrainTabs(
            self.live_page, self.inside_view, self.replay_view, self.runs_view, self.race_view
        )
        self.replay_page, self.race_page = self.tabs.replay_page, self.tabs.race_page
        self.inside_page = self.tabs.inside_page

        # the header held at one height whatever tab shows: the tab bar stays under the
        # pointer (``held_header``). The whole scrolls when the page is too short for its
        # wrapped rows (walk52 #8); the tabs give up height first down to the Live charts'
        # least, or TABS_LEAST_HEIGHT (the Inside tab's chart then scrolls), or the scroll bar
        # would take the width the settings need on a narrow page (TrainTabs keeps its least)
        self.held = HeldHeader(
            self.header, self._header_room, self.train_button, self.coach.says_nothing
        )
        right = FitColumn(self.held, self.tabs)
        text_size.notifier().changed.connect(self._refit_after_reflow)

        # wide page: settings beside the curves; narrow page: settings become the first tab
        self.settings = scroll
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._place_settings(narrow=True)

        self._connect()
        self._update_buttons()

    def _connect(self) -> None:
        c = self.controller
        c.status_changed.connect(self._on_controller_status_changed)
        c.run_started.connect(self._on_controller_run_started)
        c.batches_finished.connect(self._on_controller_batches_finished)
        c.epoch_finished.connect(self._on_controller_epoch_finished)
        c.lr_changed.connect(self._on_controller_lr_changed)
        c.setting_changed.connect(self._on_controller_setting_changed)
        c.run_ended.connect(self._on_controller_run_ended)
        c.run_saved.connect(self._on_controller_run_saved)
        c.model_ready.connect(self._remember_end)
        c.model_ready.connect(self.model_ready)
        c.failed.connect(self._on_controller_failed)
        c.saved_elsewhere.connect(self._on_controller_saved_elsewhere)
        c.model_opened.connect(self._on_controller_model_opened)
        c.model_failed.connect(self.show_error)
        c.record_unsaved.connect(self._on_controller_record_unsaved)
        c.run_folder_refused.connect(self._on_controller_run_folder_refused)
        c.running_changed.connect(self._on_controller_running_changed)
        c.paused_changed.connect(self._on_controller_paused_changed)
        self.form.validity_changed.connect(self._on_form_validity_changed)
        self.form.refused_changed.connect(self.say_refused_settings)
        # an edited field the run does not use yet says so until "Apply to run" (walk60 D7g)
        self.form.config_changed.connect(self.steer_actions.show_pending)
        self.train_button.clicked.connect(self._on_train_button_clicked)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.step_button.clicked.connect(self.controller.step)
        self.epoch_button.clicked.connect(self.controller.step_epoch)
        self.slow_motion.currentIndexChanged.connect(self._on_slow_motion_current_index_changed)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.lr_button.clicked.connect(self._on_lr_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.coach.fix_requested.connect(self._on_coach_fix_requested)
        # a line said in the coach's place after a run ("Not used: …"): the header's room is
        # what the place says then (while a run goes it keeps its room: the line scrolls)
        self.coach.lines_changed.connect(self._fit_header_after_run)
        self.coach.mistakes_requested.connect(self.mistakes_requested)
        self.steer_actions.status_message.connect(self.status_message.emit)
        self.live_lr.returnPressed.connect(self._on_lr_button_clicked)
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.save_button.clicked.connect(self.files.save_model)
        self.export_button.clicked.connect(self.files.export_png)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.runs_view.use_model_requested.connect(self._on_runs_view_use_model_requested)
        self.runs_view.listed.connect(self._on_runs_view_listed)
        self.runs_view.listed.connect(self._on_runs_view_listed_again)
        # the latest run the first headline names is on the form's dataset (verify60 D-H)
        self.form.dataset.currentIndexChanged.connect(self.say_first_title)
        self.form.folder.textChanged.connect(self.say_first_title)
        self.form.dataset.currentIndexChanged.connect(self.name_latest_in_replay)
        self.form.folder.textChanged.connect(self.name_latest_in_replay)
        self.runs_view.folder_changed.connect(self._on_runs_view_folder_changed)
        self.runs_view.selection_changed.connect(self._on_runs_view_selection_changed)
        if not self.runs_view.reading:  # listed at once, before this connection
            self._on_runs_view_listed()
        if self.race is not None:
            self.race.running_changed.connect(self._on_race_running_changed)
            self.race.kept.connect(self._on_race_kept)
            self.race_view.status_message.connect(self.status_message.emit)
        if self.keeping is not None:
            self.keeping.all_kept.connect(self._on_keeping_all_kept)
            self.keeping.not_kept.connect(self.show_error)
        self.runs_view.export_png_requested.connect(self.files.export_runs_png)
        self.runs_view.export_csv_requested.connect(self.files.export_runs_csv)
        # "Wrote …" from the Runs view's Export code too, as from the Train page's (walk51 D4)
        self.runs_view.code_written.connect(self._on_code_written)

    def _finished_run_on_show(self) -> str | None:
        """The id of this page's last run while its curves are on show and no run trains
        (Export code offers it as trained), else None."""
        if self.controller.is_running():
            return None
        return self.run_state.last_run_id

    def _run_experiment(self, run_id: str):
        """The experiment of the run ``run_id`` as trained (``codegen.from_run``)."""
        from nndesk.codegen import from_run  # the code writer: imported when first used

        return from_run(run_id, root=self.store.root)

    @property
    def last_run_id(self) -> str | None:
        """The run id of this page's last saved run (None once a model is loaded)."""
        return self.run_state.last_run_id

    @property
    def loaded_model(self) -> Path | None:
        """The model file loaded on the page (Load model…, Runs > Use model), or None."""
        return self.run_state.loaded_model

    # -- actions (callable without dialogs, for tests and the window's menus) ------------------
    def start_training(
        self,
        config: TrainConfig | None = None,
        resume: Path | None = None,
        curves: Curves | None = None,
        restart_schedule: bool = False,
    ) -> bool:
        """Start a run with ``config`` (default: the form's); False (and a message) if refused.

        ``resume``: a model file to train further; ``curves``: the curves of its run, continued;
        ``restart_schedule``: its schedule runs again over the new epochs (Continue's choice).
        """
        try:
            config = config or self.form.config()
            # a model trains further on the data it learnt from (its own, whatever the mode)
            own = self.run_state.continuable_dataset if resume is not None else None
            self.data_check.run_asked(own or config.dataset)
            # before the page gives its place to the run: what it shows may be another mode's
            self.note_run_mode(own or config.dataset)
            # the preset the form names, or the one its custom settings were edited from:
            # the run's record keeps which lab it is (walk64 D17)
            chosen = self.form.preset.currentData() or self.form.edited_from()
            self.controller.start(
                config,
                resume=resume,
                curves=curves,
                started_from=chosen,
                restart_schedule=restart_schedule,
            )
        except NndeskError as err:
            self.forget_run_mode()
            self.show_error(user_message(err))
            return False
        # what the page showed of the last run, shown again if this one never starts
        self.run_state.before_start = (
            self.curves,
            self.live.span(),
            self.live.expected(),
            self.live.batches_per_epoch,
            self.model_label.full_text(),
        )
        self.run_state.completed = False
        self.run_state.failed = False
        self.run_state.verdict = None
        self.run_state.kept = {}  # Continue sets it and continuing after this
        self.run_state.continuing = False
        self.run_state.continue_asked = False
        self.header.say_alert("")  # the last run's "The run diverged: …"
        self.run_state.record_alert = ""
        self.run_state.record_refused = None
        # one full redraw now, at the click, with the run's epochs already on the x axes (the
        # run confirms them when it starts: a second full redraw only if they differ)
        self.curves = self.controller.curves
        self.steering.clear()
        # "LR now" is this run's rate from the click on: while the data loaded it still said
        # the last run's 0.5 (walk48 D12)
        self.live_lr.set_value(config.lr)
        # the last run's progress line may have needed more than this run's will
        self.header.keep_progress_room(sample_progress_line(config.lr, config.schedule))
        # Continue goes on from the curves shown: on their loss axes (fitted anew to the whole
        # curve, they shrank and cut its start off, walk 43 item 14)
        shown_limits = self.live.loss_limits() if resume is not None else None
        self.live.reset()
        self.live.expect_curves(config.val_fraction > 0, config.test_every_epoch)
        history = (curves or self.curves).epochs
        last = (history[-1] if history else 0) + config.epochs
        end = self.run_state.model_end
        if resume is not None and end is not None and end[2] is not None:
            last = max(config.epochs, end[0] + 1)  # counted from its first epoch (``prepare``)
        self.live.set_span(1, last)
        if shown_limits is not None:
            self.live.keep_loss_limits(shown_limits)
        elif config.loss == "ce":
            self.live.expect_loss(math.log(10))  # the loss of an untrained 10-class network
        self.inside_view.wait_for_run()  # the last run's charts are not this one's
        # the coach's place is kept from the click, before the Live tab is laid out: kept at
        # the run's start (after its data loaded), it shrank the tabs once more and the curves
        # were laid out and drawn a second time (300-600 ms of the GUI thread, walk49 D6)
        self.reserve_coach()
        self._show_coach()
        if self.tabs.currentWidget() is not self.inside_page:  # Inside shows the run too
            self.tabs.setCurrentWidget(self.live_page)
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingPanel", "Starting…"))
        self.header.set_title(translate("TrainingPanel", "Starting…"))
        # the last run's "Test accuracy … model saved" and "Model saved: …" belong to that run
        self.model_label.setText("")
        # on the running line's one line (two in Vietnamese at 1024 px moved the tabs 9 px
        # when the coach's button came back under its hint)
        self.header.say_progress(
            translate("TrainingPanel", "Speed, loss and accuracy appear after the first batch.")
        )
        self.plot.request_draw()
        self._update_buttons()  # the run's steering comes back
        self.held.fit(now=True)  # with the coach's room past it, at the click (on Train)
        return True

    def follow_mode_after_run(self) -> None:
        """The run is over: the form follows the mode the window switched to meanwhile, and
        the page shows that mode's; the run stays on its own mode's page, as the status line
        says."""
        self.forget_run_mode()  # a run on another mode's data that never started
        mode, self._mode_after_run = self._mode_after_run, None
        if mode is None:
            return
        run_mode = self.page_mode
        self.form.follow_mode(mode)
        if self.show_mode_page(mode) and run_mode is not None:
            self.say_run_kept_in(run_mode)

    def ask_continue(self) -> None:
        """Continue pressed: ask how many more epochs and at which rate (``ContinueDialog``),
        then train the run's model (or a loaded one) further (walk64 D16: Continue took the
        form's epochs, another lab's 15, and restarted the schedule 15x above the rate the run
        ended with). A run stopped before its last epoch is asked too, the epochs left of its
        plan suggested (verify66 #1: it went on at once at the rate the coach had just said
        overshoots); a model that does not say its epochs goes on at once."""
        end = self.run_state.model_end
        if self.run_state.continuable is None:
            return
        if end is None:
            self.continue_training()
            return
        base = self._continue_base()
        if base is None:
            return
        from nndesk import preferences
        from nndesk.ui.continue_dialog import ContinueDialog, ContinueFacts

        facts = ContinueFacts(end[0], end[1], base[2], end[2], end[3])
        model = self.continue_model()
        name = model.name if model is not None else str(self.run_state.continuable[0])
        advice = self._coach_advice(end[1])
        warning = self._coach_warning(end[1]) if advice is None else ""
        dialog = ContinueDialog(
            facts, name, preferences.continue_rate(), self, advice=advice, warning=warning
        )
        untouched = self.run_state.form_at_end
        if advice is None and untouched is not None and base[2].lr != untouched.lr:
            dialog.again.setChecked(True)  # a rate typed in the form since the run: chosen
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_continue_dialog_accepted(dialog))
        dialog.finished.connect(self._on_continue_dialog_finished)
        self.continue_dialog = dialog
        dialog.open()

    def _coach_advice(self, ended_lr: float | None):
        """The rate the coach advises for the model Continue trains further, with what it
        said (``continue_dialog.CoachAdvice``), or None: judged on the curves Continue goes
        on from, as the coach's place says them after the run."""
        from nndesk.ui.continue_dialog import CoachAdvice

        curves = self._judged_curves()
        if curves is None:
            return None
        lr = ended_lr if ended_lr is not None else self.steering.lr
        advice = advice_after_run(self.controller, curves, lr, self.run_state.coach_setup)
        if advice is None:
            return None
        rate, hint = advice
        return CoachAdvice(rate, hint.message(lambda text: translate_marked("Coach", text)))

    def _judged_curves(self) -> Curves | None:
        """The curves of the model Continue trains further, as the coach's place judges them:
        the run's, or a model put in use from Runs (or loaded)'s, which the page shows
        (verify67 #1: after Runs > Use model the coach said to set the rate back, and
        Continue offered no coach's rate); None without either."""
        continuable = self.run_state.continuable
        if continuable is None:
            return None
        if continuable[1] is not None:
            return continuable[1]
        return self.curves if self.run_state.loaded_model == continuable[0] else None

    def _coach_warning(self, ended_lr: float | None) -> str:
        """What the coach said of a network no rate revives (``coach_row.collapse_after_run``)
        for Continue's question, "" for none."""
        curves = self._judged_curves()
        if curves is None:
            return ""
        lr = ended_lr if ended_lr is not None else self.steering.lr
        hint = collapse_after_run(self.controller, curves, lr, self.run_state.coach_setup)
        return "" if hint is None else hint.message(lambda t: translate_marked("Coach", t))

    def _on_continue_dialog_finished(self, _result: int) -> None:
        self.continue_dialog = None

    def _on_continue_dialog_accepted(self, dialog) -> None:
        from nndesk import preferences

        preferences.set_continue_rate(dialog.remembered())
        choice = dialog.choice()
        if choice is not None:
            self.continue_training(choice)

    def _continue_base(self, hand_rate: bool = False):
        """(model file, its curves, the settings Continue trains with, the live settings kept
        from the run's end, the form's dataset title when the form was another dataset's) or
        None when the form is refused (said). A rate set by hand is kept with ``hand_rate``;
        else the rate is Continue's question's."""
        path, curves = self.run_state.continuable
        try:
            form = self.form.config()
        except NndeskError as err:
            self.show_error(user_message(err))
            return None
        own, wanted = self.run_state.form_at_end, self.run_state.continuable_dataset
        elsewhere = None
        if own is not None and form.dataset != wanted and own.dataset == wanted:
            elsewhere = dataset_title(form.dataset)
            self.form.set_config(own)  # what it trains with: the steering compares the form
            form = own
        at_end = {k: v for k, v in self.run_state.at_end.items() if hand_rate or k != "lr"}
        config, kept = continue_with(form, at_end, self.run_state.form_at_end)
        return path, curves, config, kept, elsewhere

    def continue_training(self, choice=None) -> bool:
        """Train the last run's model (or the loaded one) further: Continue. ``choice`` (a
        ``continue_dialog.ContinueChoice``): how many more epochs and at which rate; None:
        the form's epochs, the schedule counted from the model's first epoch (a run stopped
        before its last epoch finishes it so). Settings the run changed while training keep
        the value it ended with, unless their field was changed since; the form then shows
        them and the page says so. Without a ``choice`` a rate set by hand is kept too.

        A form set for another dataset than the model's (another lab's preset picked since)
        is not this run's: Continue trains with the run's own settings, shows them in the form
        and says so (walk62: the Fashion PReLU lab continued with mnist-gd's lr 0.5, full batch
        and 500 epochs, and diverged)."""
        if self.run_state.continuable is None:
            return False
        base = self._continue_base(hand_rate=choice is None)
        if base is None:
            return False
        path, curves, config, kept, form_dataset = base
        restart = False
        if choice is not None:
            from nndesk.ui.continue_dialog import ContinueFacts, continued_config

            end = self.run_state.model_end or (0, None, None, 0)
            facts = ContinueFacts(end[0], end[1], config, end[2], end[3])
            config, restart = continued_config(config, facts, choice)
        if not self.start_training(config, resume=path, curves=curves, restart_schedule=restart):
            return False
        self.run_state.kept = dict(kept)  # the headline says it while this run trains
        self.run_state.continuing = True
        self.run_state.continue_asked = choice is not None
        if kept:
            self.form.set_steered(kept)  # the form shows what this run trains with
        message = ""
        if form_dataset is not None:
            message = translate(
                "TrainingPanel",
                "Continues with the run's own settings: the form was set for {dataset}, not "
                "for the data this model learnt from.",
            ).format(dataset=form_dataset)
        elif kept:
            message = translate(
                "TrainingPanel", "Continues with the settings the last run ended with: {settings}"
            ).format(settings=kept_text(kept))
        if message:
            self.speed.setText(message)
            # read before "Loading…" and "Training…" (the line under the bar gets the run's own)
            self.status_message.emit(Notice(message))
        if form_dataset is not None:  # said where it stays: the progress line is the run's
            self.header.say_alert(message)
        return True

    def _remember_end(self, clf) -> None:
        """The settings ``clf``'s run ended with (``info["settings_at_end"]``) and the form as
        it is now, for Continue."""
        from nndesk.training.session import planned_last_epoch

        self.run_state.at_end = settings_at_end(clf.info.get("settings_at_end"))
        history = clf.info.get("history") or []
        planned = planned_last_epoch(clf.info, len(history))
        # the rate of its last batch, a rate set by hand in the epoch it stopped in too
        # (walk69 D1), and the batch of that epoch it goes on from
        ended, stopped = ended_rate(clf.info), stopped_batch(clf.info)
        self.run_state.model_end = (len(history), ended, planned, stopped)
        try:
            self.run_state.form_at_end = self.form.config()
        except (NndeskError, ValueError):
            self.run_state.form_at_end = None

    def confirm_close(self) -> bool:
        """Whether the window may close: asks "Stop training and quit?" while a run trains,
        and says what becomes of it: a run stopped by quitting keeps its record and its model
        (the worker saves it, ``TrainingController.shutdown``) but skips its test. That
        question is a box that follows the run (``QuitQuestion``): the window stays open
        while it is asked and closes on Yes, or by itself once the run is over. A race
        going asks too: quitting ends it and its lanes are lost (lab56 D10); so does a race
        over with lanes not kept: Keep them and quit, Quit without keeping, or Cancel
        (walk56v #6)."""
        if self.keeping is not None and self.keeping.busy():
            return False  # the lanes asked to be kept are being saved: it closes after them
        if self.controller.is_running():
            if self._quit_confirmed:  # Yes to the quit question: this is its close
                return True
            self.quit_question.ask(finished=self.run_state.ended is not None)
            return False
        if self.race is not None and self.race.is_running():
            question = self._race_quit_question()
        elif self.race is not None and not self.race_handed_over and self.race.unkept_lanes():
            return self._keep_race_before_quit()
        else:
            return True
        answer = QMessageBox.question(
            self,
            translate("TrainingPanel", "Quit"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(bool)
    def _on_quit_answered(self, quit_now: bool) -> None:
        """Yes to "Stop training and quit?" (or the run ended under it): close the window."""
        if not quit_now:
            return
        self._quit_confirmed = True
        try:
            self.window().close()
        finally:
            self._quit_confirmed = False  # another guard may have kept the window open

    @Slot(str)
    def _on_quit_waiting(self, text: str) -> None:
        """Yes to quitting a finished run: what the quit waits for, on the progress bar."""
        self.progress.setFormat(text)
        self.status_message.emit(text)

    def _keep_race_before_quit(self) -> bool:
        """Ask about the finished race's lanes not kept. Keep: the window stays open while
        they are saved off the GUI thread and closes after (``KeepThenQuit``); a lane that
        cannot be saved is said, and the window stays."""
        assert self.race is not None and self.keeping is not None
        unkept = self.race.unkept_lanes()
        choice = ask_to_keep(self, [self.race.lanes[lane].name for lane in unkept])
        if choice == KEEP:
            self.keeping.keep(unkept)
            self.status_message.emit(
                translate("TrainingPanel", "Keeping the race's lanes, then quitting…")
            )
            return False
        return choice != STAY

    def _race_quit_question(self) -> str:
        """ "Stop the race and quit?" and what is lost: a race's lanes become runs only by
        Keep once it is over, so quitting mid-race keeps none of them."""
        question = translate("TrainingPanel", "Stop the race and quit?")
        lost = translate(
            "TrainingPanel",
            "Its lanes are not kept: a lane becomes a run only by its Keep button once the "
            "race is over. No lets the race go on.",
        )
        return f"{question}\n\n{lost}"

    def _inside_run_place(self) -> tuple[int | None, bool]:
        """The Inside picture's run: its batches per epoch and whether it still trains."""
        state = self.run_state
        if state.run is not None:  # the live chart learns it just after the picture is asked
            return state.run.batches_per_epoch, state.ended is None
        return self.live.batches_per_epoch, False  # the last run's, kept by the chart

    def follow_mode(self, mode: str) -> None:
        """Train on the window's dataset: "digits" -> MNIST, "garments" -> Fashion-MNIST.

        While a run trains the form stays the run's and follows the mode once the run ends:
        the steering compares the form with the run, and a switch to Digits in the middle of
        the PReLU lab showed the Digits form's batch and L2 as "Not applied yet", which Apply
        to run then sent to the Fashion run (walk62 D0). Idle, the page shows the mode's own
        last run, or none (``show_mode_page``, walk62 D6)."""
        running = self.controller.is_running()
        if running:
            if mode != self._mode_after_run and self.form.follows_another_mode(mode):
                self.status_message.emit(
                    translate(
                        "TrainingPanel",
                        "The Train form keeps the running run's settings; this mode's form "
                        "comes back when the run ends.",
                    )
                )
            self._mode_after_run = mode
        self.replay_view.follow_mode(mode)  # its empty bars name the mode's classes
        if not running:
            self._mode_after_run = None
            self.form.follow_mode(mode)
            self.show_mode_page(mode)  # the Replay tab's run too: after it knows the mode
        if self.race_view is not None:  # a comparison without a preset races the mode's lab
            self.race_view.follow_mode(mode)

    def show_error(self, message: str, buttons: Buttons | None = None) -> None:
        """A one-line message in a window-modal box with one OK (``buttons(box)`` adds
        others); the app stays up. While a box is open the next waits for it to close."""
        self._boxes.show(message, buttons)
        self.status_message.emit(message)

    def message_box(self) -> QMessageBox | None:
        """The message box this page shows, or showed last (None before any): its text, its
        buttons."""
        return self._boxes.box()

    def waiting_messages(self) -> list[str]:
        """The messages waiting for the open box to close, first first."""
        return self._boxes.waiting()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop training and join its thread (call from the window's closeEvent)."""
        return self.controller.shutdown(timeout_ms)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_settings(narrow=self.width() < WIDE_LAYOUT_MIN_WIDTH)
        if event.oldSize().width() != event.size().width():
            self._refit_after_reflow()

    @Slot()
    def _refit_after_reflow(self) -> None:
        """The page got another width (the window's) or the text another size: with no run
        going, the header is fitted again to what the coach says, at once (everything moved
        already). It kept the height fitted before, and the coach's text, now on more lines,
        showed two or three of them beside a scroll bar (walk69 D6: at 1024 px, Normal text,
        "rồi huấn luyện lại" cut; at Larger text the class it is confused with). A run going
        keeps its room (``CoachRow.room``)."""
        if self.coach.is_reserved() and not self.controller.is_running():
            QTimer.singleShot(0, self, self._fit_idle_header_now)  # once the rows have wrapped

    @Slot()
    def _fit_idle_header_now(self) -> None:
        if self.coach.is_reserved() and not self.controller.is_running():
            self.held.fit(now=True)

    def _place_settings(self, narrow: bool) -> None:
        running = self.controller.is_running()
        self.tabs.place_settings(self.settings, self.splitter, narrow, running)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Shown as a window of its own (benchmarks): stop and join training before closing."""
        self.shutdown()
        super().closeEvent(event)

    def _form_lane(self) -> tuple[str, TrainConfig]:
        """The Train form's preset name ("" when custom) and settings, for a Race lane;
        ``ConfigError`` names a refused field."""
        return self.form.preset.currentData() or "", self.form.config()

    def _race_busy(self) -> str | None:
        """Why a race cannot start now, or None."""
        if self.controller.is_running():
            return translate("TrainingPanel", "A training run is going: stop it before a race.")
        return None

    def _update_buttons(self) -> None:
        running = self.controller.is_running()
        racing = self.race is not None and self.race.is_running()
        ended = self.run_state.ended
        self.controls.set_idle(not running)  # its room the coach's until the next fit
        # training: a run started and neither stopping nor testing and saving its model yet
        training = running and not self.controller.is_stopping() and not self.run_state.ended
        valid = self.form.is_valid()
        waits = self.data_check.start_waits()  # the banner below offers the data
        self.controls.show_state(
            startable=not running and not racing and valid and not waits,
            needs_data=waits,
            racing=racing,
            training=training,
            paused=self.controller.is_paused(),
            steerable=self.run_state.run is not None,
            at_end=self.controller.held_at_the_end(),
            # past its last batch: tested and saved (a diverged run is neither)
            finishing=running and ended is not None and ended.reason != "diverged",
        )
        continuable = self.continue_model() is not None  # never a stat here
        self.resume_button.setEnabled(not running and not racing and valid and continuable)
        self.load_button.setEnabled(not running)
        # while training only the settings the run can change stay editable
        run = self.run_state.run
        steering = run.config if training and run is not None else None
        self.form.setEnabled(not running or steering is not None)
        self.form.set_steering(steering)
        self.save_button.setEnabled(not running and self._current_model_path() is not None)
        self.say_refused_settings()
        self._fit_header_after_run()

    def say_refused_settings(self) -> None:
        """While a refused field alone greys Train, the bar and its line say which to fix
        (``RefusedSettingsLine``), not "Ready"."""
        racing = self.race is not None and self.race.is_running()
        waits = self.data_check.start_waits()  # "Needs a dataset" says why instead
        idle = not self.controller.is_running() and not racing and not waits
        self.refused_line.say(self.form.refused_labels() if idle else [])

    # -- the data check and the race ----------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.check_data()  # another page may have found the data missing or foreign meanwhile
        if not self.runs_view.isVisibleTo(self) and not self.runs_view.reading:
            # runs a terminal finished meanwhile: the headline names the latest run, read from
            # the Runs list, which re-read the folder only when its own tab opened (walk55 D14);
            # a listing reads only new or changed records
            self.runs_view.refresh()

    @Slot()
    def _on_runs_view_folder_changed(self) -> None:
        """A run a terminal started or ended while this page shows another tab: the headline
        names the latest run from the Runs list, listed again now (it waited for the next
        page switch, walk55 D14)."""
        if self.isVisible() and not self.runs_view.reading:
            self.runs_view.refresh()

    @property
    def checks_data(self) -> bool:
        """Whether the page says a missing dataset before Train is pressed (the window,
        which offers the downloads, sets it)."""
        return self.data_check.enabled

    @checks_data.setter
    def checks_data(self, on: bool) -> None:
        self.data_check.enabled = on

    @Slot()
    def check_data(self, *_) -> None:
        """Say at once whether the form's dataset is on this computer (``TrainDataCheck``)."""
        self.data_check.check()

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed (a folder chosen, a download finished): the
        page says at once what the new folder holds (read off the GUI thread), and a page
        still saying "Needs a dataset" for data now here is ready again."""
        self.data_check.data_changed()
        self.preview_feed.data_changed()  # the augmentation preview's images, if it had none

    def run_going(self) -> bool:
        """Whether a run has started or its worker still goes."""
        return self.run_state.run is not None or self.controller.is_running()

    @Slot(bool)
    def _on_race_running_changed(self, running: bool) -> None:
        if running:  # the last run's rate is none of the lanes' (each has its own)
            self.live_lr.clear()
            # the race folds its lane editors: its lines, Pause and Stop are the tab's top, and
            # the scroll down to Race left them above the view for the whole race (walk64 D7)
            self.race_page.verticalScrollBar().setValue(0)
        # a page with no run of its own says the race, not "No run yet · Ready" (walk64 D7)
        self.race_line.say(running and self.shows_no_run())
        self.say_first_title()
        self._update_buttons()

    @Slot()
    def _on_keeping_all_kept(self) -> None:
        self.window().close()  # asked to quit once the lanes were kept: they are

    @Slot(int, object)
    def _on_race_kept(self, lane: int, record) -> None:
        self.runs_view.refresh(select_id=record.run_id)

    # -- widget slots --------------------------------------------------------------------------
    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        """The header stays as it is on every tab (``held_header``): the Runs tab folded it
        and the tab bar jumped 120 px under the pointer, a second click landing in the runs
        table (verify63 V2)."""

    @Slot(bool)
    def _on_form_validity_changed(self, valid: bool) -> None:
        self._update_buttons()

    @Slot(object)
    def _on_runs_view_selection_changed(self, selected: list) -> None:
        """Replay shows the run selected in Runs, or says why that run has nothing to replay;
        while a run trains, that run until another is selected (the Runs list read again
        during the run put the run selected before it back, walk58 #11)."""
        ids = tuple(r.run_id for r in selected)
        if self.controller.is_running() and self.run_state.selection_at_start is not None:
            if ids == self.run_state.selection_at_start:
                self.replay_view.show_record(self.controller.replay)
                return
            self.run_state.selection_at_start = None  # a run chosen: Replay follows it
        kept, note = replay_choice(self.controller, selected)
        if note is not None:
            self.replay_view.show_not_kept(note)
        else:
            self.replay_view.show_record(kept if kept is not None else self.controller.replay)

    @Slot()
    def _on_train_button_clicked(self) -> None:
        self.start_training()

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        self.ask_continue()

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        if self.controller.is_paused():
            self.controller.resume()
        else:
            self.controller.pause()

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self.controller.stop()
        self.progress.setFormat(translate("TrainingPanel", "Stopping…"))
        self._update_buttons()

    @Slot()
    def _on_lr_button_clicked(self) -> None:
        if self.steer_actions.set_rate():
            self._show_title()
            self._show_progress()

    def reserve_coach(self) -> None:
        """Keep the coach's place from now on, the header the room of a whole hint (a Train
        click: the pointer is on Train, above what the room moves)."""
        self.coach.reserve()
        self.held.fit(now=True)

    def _header_room(self) -> int:
        """The header's room past its rows (``HeldHeader``): once the coach has its place,
        while a run goes the room of ``coach_row.RUN_LINES`` lines of hint and a button's row
        (hints and the lines said in the place come and go in it: nothing moves), after it the
        room of what the coach says (no blank box)."""
        if not self.coach.is_reserved():
            return 0
        if self.controller.is_running():
            return self.coach.room()
        return self.coach.said_room()

    def _fit_header_after_run(self) -> None:
        """No run goes: the header to its rows and what the coach says, once nothing under the
        pointer moves (``HeldHeader.fit``)."""
        if self.coach.is_reserved() and not self.controller.is_running():
            self.held.fit()

    def _show_coach(self) -> None:
        """The coach's most urgent hint about the run (``coach_row.coach_hints``), or none."""
        running = self.controller.is_running() and self.run_state.ended is None
        last = self.run_state.last_batch
        lr = self.steering.lr if self.steering.lr is not None else (last.lr if last else None)
        found = coach_hints(
            self.controller,
            self.curves,
            lr,
            running=running,
            started=self.run_state.run is not None,
            completed=self.run_state.completed,
            accuracy_now=last.accuracy if last is not None else None,
            setup=self.run_state.coach_setup,
        )
        # no run going and no curves: a run that never started, of which the coach says nothing;
        # a run going is judged from its first batch: "sees no problem in this run's curves" at
        # "Starting…", the data still loading, spoke of curves not yet drawn (walk71 F5), and
        # the curves at hand then are the last run's (``run_state.run`` is set at its start)
        if self.controller.is_running():
            judged = self.run_state.run is not None and self.run_state.last_batch is not None
        else:
            judged = bool(self.curves.batch_x)
        verdict = self.run_state.verdict
        diverged = bool(verdict) and verdict[0].reason == "diverged"
        # the line under the Inside charts reads them as the coach would (walk66 #10)
        run = self.run_state.run
        self.inside_view.set_run_state(
            diverged=diverged,
            learning=learning(self.curves, last.accuracy if last is not None else None),
            # full-batch gradient descent: one step an epoch, larger ones (fixI #5)
            full_batch=run is not None and run.batches_per_epoch == 1,
        )
        if not running and (self.run_state.failed or diverged):
            # the banner above says how it ended; "The coach sees no problem in this run's
            # curves" under "The run diverged: …" denied it (walk53 #2): the place stays blank
            found, judged = [], False
        self.coach.show_hints(found, running, judged, run=self.run_state.run)
        self._fit_header_after_run()

    @Slot(dict)
    def _on_coach_fix_requested(self, fix: dict) -> None:
        if self.steer_actions.apply_fix(fix):
            self.coach.drop_button()
            self._show_title()

    @Slot(int)
    def _on_slow_motion_current_index_changed(self, index: int) -> None:
        self.controller.set_slow_motion(float(self.slow_motion.itemData(index)))
        self._show_progress()  # the time left counts the new pace at once

    @Slot()
    def _on_apply_button_clicked(self) -> None:
        self.steer()

    def steer(self) -> dict:
        """Send the editable settings that differ from the run's to it ("Apply to run"); the
        changes sent (empty when none, or refused: the reason shows beside the buttons)."""
        changes = self.steer_actions.apply()
        if changes is None:
            return {}
        self._show_title()
        return changes

    def _on_code_written(self, path: Path) -> None:
        self.status_message.emit(translate("TrainingPanel", "Wrote {path}").format(path=path))
