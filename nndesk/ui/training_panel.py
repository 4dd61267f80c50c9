"""TrainingPanel: the "Train" page. Settings on the left; live curves, progress and the run
history on the right. All the work happens in ``TrainingController``; this widget only shows it.
"""

from __future__ import annotations

import contextlib
import math
import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.race import RaceController
from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import RunStarted, TrainingController
from nndesk.curves import save_curves_png
from nndesk.errors import NndeskError, user_message
from nndesk.fileio import atomic_write_text
from nndesk.i18n import localised
from nndesk.models import open_folder
from nndesk.plain_text import one_line
from nndesk.runs import Curves, history_csv
from nndesk.setting_changes import continue_with, settings_at_end
from nndesk.setting_words import title_key
from nndesk.training import TrainConfig
from nndesk.ui import file_filters
from nndesk.ui.coach_row import CoachRow, coach_hints
from nndesk.ui.data_banner import DataBanner
from nndesk.ui.export_code import form_experiment
from nndesk.ui.file_manager import show_folder
from nndesk.ui.inside_training_view import InsideTrainingView
from nndesk.ui.language import accuracy_text, translate, translate_marked
from nndesk.ui.live_page import LivePage
from nndesk.ui.preview_feed import PreviewFeed
from nndesk.ui.race_view import RaceView
from nndesk.ui.replay_view import ReplayView
from nndesk.ui.run_controls import RunControls
from nndesk.ui.run_header import RunHeader
from nndesk.ui.runs_view import RunsView, shown_title, started_text
from nndesk.ui.steer_actions import SteerActions
from nndesk.ui.train_data_check import TrainDataCheck
from nndesk.ui.train_files import TrainFiles, copy_model
from nndesk.ui.train_form import TrainForm
from nndesk.ui.train_page_state import TrainPageState
from nndesk.ui.train_tabs import WIDE_LAYOUT_MIN_WIDTH, TrainTabs, scrolled
from nndesk.ui.train_texts import (
    VERDICTS,
    dataset_title,
    ended_message,
    idle_title,
    kept_text,
    loaded_texts,
    model_name,
    progress_texts,
    run_headline,
)


class TrainingPanel(QWidget):
    """Train / Pause / Resume / Stop, live curves, progress, model files and run history."""

    model_ready = Signal(object)  # Classifier: a finished run's model, or one the user loaded
    status_message = Signal(str)  # one line for the window's status bar
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
    ) -> None:
        """``controller`` runs the training this page shows, ``runs`` lists its runs folder for
        the Runs tab, ``race`` runs the Race tab's races (``app.build_window`` builds all three;
        without ``race`` the page has no Race tab); ``writes``
        (controllers.background.BackgroundWrites) writes exports and model copies off the GUI
        thread (None: here). The page builds no controller of its own."""
        super().__init__(parent)
        self.controller = controller
        self.race = race
        self.files = TrainFiles(self, writes)  # Save model…, Export PNG…, the Runs exports
        self.store = self.controller.store
        #: what the live plot shows: the controller's store of the current run, or a loaded
        #: model's history (never a copy of a running run's curves)
        self.curves = Curves()
        self.last_run_id: str | None = None
        self.loaded_model: Path | None = None
        #: (model file, its run's curves or None) that Continue trains further
        self._continuable: tuple[Path, Curves | None] | None = None
        # the dataset the model Continue trains learnt from (its own, whatever the mode)
        self._continuable_dataset: str | None = None
        self._run: RunStarted | None = None
        self._last_batch = None
        self._ended = None  # RunEnded of the current run once its loop is over
        self._completed = False  # the last run trained all its epochs (the coach's last word)
        self._ended_text = ""  # how it ended, as the progress bar says it
        #: (RunEnded, epochs the run trained or None) of the last run, for its verdict
        self._verdict: tuple | None = None
        self._loaded_clf = None  # the Classifier of the model loaded on the page
        #: the live settings the last run (or the loaded model's) ended with, and the form as
        #: it was then: Continue keeps the former where the form was not changed since
        self._at_end: dict = {}
        self._kept: dict = {}  # what a continued run kept from the last one ({"lr": 0.0003})
        self._continuing = False  # the run going is a Continue
        # what the page showed before Train was pressed, until the run starts (a start that
        # fails leaves the last run's curves): (curves, span, expected curves, batches per
        # epoch, model line)
        self._before_start: tuple | None = None
        self._form_at_end: TrainConfig | None = None
        self._message_box: QMessageBox | None = None
        # the form's dataset when it is not on this computer, said before Train is pressed:
        # Download / Choose a folder… (wired by the window, which sets ``checks_data``)
        self.data_banner = DataBanner()
        self.data_check = TrainDataCheck(self)

        # -- settings (left) -----------------------------------------------------------------
        self.form = TrainForm()
        # the augmentation preview's images, read from the form's dataset before any run
        self.preview_feed = PreviewFeed(self.form, controller, lambda: self._run is not None, self)
        self.form.dataset.currentIndexChanged.connect(self.check_data)
        scroll = scrolled(self.form, 0)
        scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 24)

        # -- run controls --------------------------------------------------------------------
        self.controls = RunControls(self.style())
        # Set LR, Apply to run, the coach's fix; what the run was sent and which of it it used
        self.steer_actions = SteerActions(controller, self.form, self.controls, self)
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

        # -- the Live tab: curves and model files ---------------------------------------------
        self.live_page = LivePage(
            lambda: self.curves, lambda: form_experiment(self.form), self._on_code_written
        )
        p = self.live_page
        self.plot, self.live, self.model_label = p.plot, p.live, p.model_label
        self.load_button, self.resume_button, self.save_button = (
            p.load_button, p.resume_button, p.save_button
        )  # fmt: skip
        self.export_button, self.code_button = p.export_button, p.code_button

        self.runs_view = RunsView(runs)
        self.inside_view = InsideTrainingView()
        self.replay_view = ReplayView()
        self.race_view = (
            RaceView(race, self.form.config, self._race_busy) if race is not None else None
        )
        self.tabs = TrainTabs(
            self.live_page, self.inside_view, self.replay_view, self.runs_view, self.race_view
        )
        self.replay_page, self.race_page = self.tabs.replay_page, self.tabs.race_page

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(self.header)
        rv.addWidget(self.tabs, 1)

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
        c.running_changed.connect(self._on_controller_running_changed)
        c.paused_changed.connect(self._on_controller_paused_changed)
        self.form.validity_changed.connect(self._on_form_validity_changed)
        self.train_button.clicked.connect(self._on_train_button_clicked)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.step_button.clicked.connect(self.controller.step)
        self.epoch_button.clicked.connect(self.controller.step_epoch)
        self.slow_motion.currentIndexChanged.connect(self._on_slow_motion_current_index_changed)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.lr_button.clicked.connect(self._on_lr_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.coach.fix_requested.connect(self._on_coach_fix_requested)
        self.coach.mistakes_requested.connect(self.mistakes_requested)
        self.steer_actions.status_message.connect(self.status_message)
        self.live_lr.returnPressed.connect(self._on_lr_button_clicked)
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.save_button.clicked.connect(self.files.save_model)
        self.export_button.clicked.connect(self.files.export_png)
        self.runs_view.use_model_requested.connect(self._on_runs_view_use_model_requested)
        self.runs_view.listed.connect(self._on_runs_view_listed)
        if not self.runs_view.reading:  # listed at once, before this connection
            self._on_runs_view_listed()
        if self.race is not None:
            self.race.running_changed.connect(self._on_race_running_changed)
            self.race.kept.connect(self._on_race_kept)
            self.race_view.status_message.connect(self.status_message)
        self.runs_view.export_png_requested.connect(self.files.export_runs_png)
        self.runs_view.export_csv_requested.connect(self.files.export_runs_csv)

    # -- actions (callable without dialogs, for tests and the window's menus) ------------------
    def start_training(
        self,
        config: TrainConfig | None = None,
        resume: Path | None = None,
        curves: Curves | None = None,
    ) -> bool:
        """Start a run with ``config`` (default: the form's); False (and a message) if refused.

        ``resume``: a model file to train further; ``curves``: the curves of its run, continued.
        """
        try:
            config = config or self.form.config()
            # a model trains further on the data it learnt from (its own, whatever the mode)
            own = self._continuable_dataset if resume is not None else None
            self.data_check.run_asked(own or config.dataset)
            self.controller.start(config, resume=resume, curves=curves)
        except NndeskError as err:
            self.show_error(user_message(err))
            return False
        # what the page showed of the last run, shown again if this one never starts
        self._before_start = (
            self.curves,
            self.live.span(),
            self.live.expected(),
            self.live.batches_per_epoch,
            self.model_label.full_text(),
        )
        self._completed = False
        self._verdict = None
        self._kept = {}  # Continue sets it and _continuing after this
        self._continuing = False
        # one full redraw now, at the click, with the run's epochs already on the x axes (the
        # run confirms them when it starts: a second full redraw only if they differ)
        self.curves = self.controller.curves
        self.steering.clear()
        self.speed.setMinimumHeight(0)  # the last run's progress line may have needed two
        self.live.reset()
        self.live.expect_curves(config.val_fraction > 0, config.test_every_epoch)
        history = (curves or self.curves).epochs
        self.live.set_span(1, (history[-1] if history else 0) + config.epochs)
        if config.loss == "ce":
            self.live.expect_loss(math.log(10))  # the loss of an untrained 10-class network
        self.tabs.setCurrentWidget(self.live_page)
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingPanel", "Starting…"))
        self.header.set_title(translate("TrainingPanel", "Starting…"))
        # the last run's "Test accuracy … model saved" and "Model saved: …" belong to that run
        self.model_label.setText("")
        self.speed.setText(
            translate("TrainingPanel", "Speed, loss and accuracy appear after the first batch.")
        )
        self.plot.request_draw()
        self._update_buttons()
        return True

    def continue_training(self) -> bool:
        """Train the last run's model (or the loaded one) further: Continue. Settings the run
        changed while training (a learning rate set by hand) keep the value it ended with,
        unless their field was changed since; the form then shows them and the page says so."""
        if self._continuable is None:
            return False
        path, curves = self._continuable
        try:
            form = self.form.config()
        except NndeskError as err:
            self.show_error(user_message(err))
            return False
        config, kept = continue_with(form, self._at_end, self._form_at_end)
        if not self.start_training(config, resume=path, curves=curves):
            return False
        self._kept = dict(kept)  # the headline says it while this run trains
        self._continuing = True
        if kept:
            self.form.set_steered(kept)  # the form shows what this run trains with
            message = translate(
                "TrainingPanel", "Continues with the settings the last run ended with: {settings}"
            ).format(settings=kept_text(kept))
            self.speed.setText(message)
            self.status_message.emit(message)
        return True

    def _remember_end(self, clf) -> None:
        """The settings ``clf``'s run ended with (``info["settings_at_end"]``) and the form as
        it is now, for Continue."""
        self._at_end = settings_at_end(clf.info.get("settings_at_end"))
        try:
            self._form_at_end = self.form.config()
        except (NndeskError, ValueError):
            self._form_at_end = None

    def confirm_close(self) -> bool:
        """Whether the window may close: asks "Stop training and quit?" while a run trains."""
        if not self.controller.is_running():
            return True
        answer = QMessageBox.question(
            self,
            translate("TrainingPanel", "Quit"),
            translate("TrainingPanel", "Stop training and quit?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def page_state(self) -> TrainPageState:
        """What this page holds that a window rebuilt in another language must keep."""
        try:
            config = self.form.config()
        except (NndeskError, ValueError):
            config = None  # a field being typed: the rebuilt form starts from the preset
        return TrainPageState(
            config=config,
            curves=self.curves,
            continuable=self._continuable,
            last_run_id=self.last_run_id,
            model_path=self.controller.model_path,
            loaded_model=self.loaded_model,
            title=self.title.text(),
            tab=self.tabs.currentIndex(),
            verdict=self._verdict,
            progress=self.progress.value(),
            loaded=self._loaded_clf,
            lr_now=self.live_lr.text(),
            slow_motion=self.slow_motion.currentIndex(),
            selected_runs=tuple(r.run_id for r in self.runs_view.selected_records()),
            completed=self._completed,
            at_end=(self._at_end, self._form_at_end),
            inside=self.controller.inside,
            replay=self.controller.replay,
            span=(self.live.span(), self.live.expected(), self.live.batches_per_epoch),
            headline=self.header.headline,
            continuable_dataset=self._continuable_dataset,
            continue_needs=self.data_check.continue_needs,
        )

    def restore_page_state(self, state: TrainPageState) -> None:
        """Take over ``state`` from the page of the window this one replaces (no run is
        training then: the language switch waits for it)."""
        if state.config is not None:
            self.form.set_config(state.config)
        self.curves = state.curves
        self._continuable = state.continuable
        self._continuable_dataset = state.continuable_dataset
        self.last_run_id = state.last_run_id
        self.loaded_model = state.loaded_model
        self.controller.model_path = state.model_path
        self._completed = state.completed
        if state.at_end:
            self._at_end, self._form_at_end = state.at_end
        if state.inside is not None:  # the Inside and Replay tabs show the last run again
            self.controller.inside = state.inside
            self.inside_view.show_record(state.inside)
        if state.replay is not None:
            self.controller.replay = state.replay
            self.replay_view.show_record(state.replay)
        if state.last_run_id is not None:
            if state.headline:  # said again in this page's language
                self._say_headline(state.headline)
            else:
                self.header.set_title(state.title)
            try:
                record = self.store.load(state.last_run_id)
            except NndeskError:
                record = None  # deleted or damaged meanwhile: the curves still show
            if record is not None:
                self._show_saved_run(record, state.model_path)
                self.runs_view.refresh(select_id=record.run_id)
        elif state.loaded is not None:
            self._loaded_clf = state.loaded
            self._show_loaded(state.loaded)
        elif state.loaded_model is not None:
            name = self._model_name(state.loaded_model)
            self.header.set_title(
                translate("TrainingPanel", "Model in use: {name}").format(name=name)
            )
        if state.headline[:1] == ("failed",):  # with or without a run before it
            self._say_headline(state.headline)
        if state.continue_needs is not None:  # the failed Continue's banner, not the form's
            self.data_check.say_continue_needs(state.continue_needs)
        if state.verdict is not None and state.last_run_id is not None:
            self._verdict = state.verdict
            self._ended_text = ended_message(*state.verdict)
            self.progress.setFormat(self._verdict_text())
            self.progress.setValue(state.progress)
        if state.selected_runs:
            self.runs_view.select_runs(list(state.selected_runs))
        self.live_lr.setText(state.lr_now)
        with contextlib.suppress(NndeskError):  # half typed: kept as it was
            self.live_lr.set_value(self.live_lr.value())  # in the new language's decimal mark
        self.slow_motion.setCurrentIndex(state.slow_motion)
        self._show_coach()
        self.tabs.setCurrentIndex(state.tab)
        self.live.reset()
        if state.span is not None:  # the axes as they were: the run's epochs, its curves
            span, expected, self.live.batches_per_epoch = state.span
            if span is not None:
                self.live.set_span(*span)
            self.live.expect_curves(*expected)
        self.plot.request_draw()
        self._update_buttons()

    def follow_mode(self, mode: str) -> None:
        """Train on the window's dataset: "digits" -> MNIST, "garments" -> Fashion-MNIST."""
        self.form.follow_mode(mode)
        self.replay_view.follow_mode(mode)  # its empty bars name the mode's classes

    def load_model(self, path: str | os.PathLike) -> None:
        """Open a model file: it is read off the GUI thread; then its settings fill the form and
        its history the curves (``model_ready``), or a message says why it cannot be used."""
        self.status_message.emit(
            translate("TrainingPanel", "Reading {name}…").format(name=self._model_name(Path(path)))
        )
        self.controller.open_model(path)

    @Slot(object)
    def _on_controller_model_opened(self, clf) -> None:
        path = Path(clf.path)
        self.loaded_model = path
        self._loaded_clf = clf
        self._verdict = None
        saved = clf.info.get("config")
        if saved:
            try:  # a file's settings are checked like typed ones before they fill the form
                config = TrainConfig.from_dict(saved).validate()
                self.form.set_config(config.replace(epochs=self.form.epochs.value()))
            except (NndeskError, TypeError, ValueError) as err:
                self.show_error(
                    translate(
                        "TrainingPanel", "{name}: its training settings are not usable ({err})"
                    ).format(name=path.name, err=user_message(err))
                )
        history = clf.info.get("history") or []
        self.curves = Curves.from_history(history)
        self._continuable = (path, None)
        self._continuable_dataset = (
            saved.get("dataset") if isinstance(saved, dict) else None
        ) or clf.dataset
        self._remember_end(clf)  # after the form took the file's settings
        self.live.reset()
        self.plot.request_draw()
        self.last_run_id = None  # Save model… and Continue now mean this model, not the last run
        self._completed = False  # the last run's "mistakes" hint is not about this model
        self._show_coach()
        self._show_loaded(clf)
        self._update_buttons()
        self.model_ready.emit(clf)

    def _show_loaded(self, clf) -> None:
        """The header names the model now in use (a run's by its run, never "model.npz") and
        forgets the last run's verdict and test accuracy."""
        title, follow, trained = loaded_texts(clf, self._model_name(Path(clf.path)))
        self.header.set_title(title, tip=str(Path(clf.path)))
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingPanel", "Ready"))
        self.speed.setText(follow)
        self.model_label.setText(trained)
        self.check_data()  # "Ready" only when its dataset is here

    def _model_name(self, path: Path) -> str:
        return model_name(path, self.runs_view.records(), self.store.root)

    def save_model_to(self, path: str | os.PathLike) -> Path:
        """Copy the newest model (last run, else the loaded one) to ``path``, atomically."""
        return copy_model(self.model_to_save(), path)

    def model_to_save(self) -> Path:
        """The model file Save model… copies: the selected run's, the last run's, else the
        loaded one."""
        source = self._current_model_path()
        if source is None:
            raise NndeskError("no model to save yet: train one or load one first")
        return source

    def export_curves_png(self, path: str | os.PathLike, records=None) -> Path:
        """The live curves (or the given runs overlaid) as a PNG."""
        return save_curves_png(self.plotted(records), path)

    def plotted(self, records=None) -> list[tuple[str, Curves]]:
        """(title, curves) to export: copies, which a running run no longer grows."""
        if records:
            return [(r.title, r.curves.copy()) for r in records]
        return [(self.title.text(), self.curves.copy())]

    def export_history_csv(self, path: str | os.PathLike, records=None) -> Path:
        """Per-epoch history of ``records`` (default: selected runs, else all) as CSV."""
        records = records or self.runs_view.exportable_records()
        return atomic_write_text(path, history_csv(records))

    def show_error(self, message: str) -> None:
        """A one-line message in a window-modal box; the app stays up."""
        box = QMessageBox(QMessageBox.Icon.Warning, "Training", message, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._message_box = box
        box.open()
        self.status_message.emit(message)

    def message_box(self) -> QMessageBox | None:
        """The message box this page opened last (None before any): its text, its buttons."""
        return self._message_box

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop training and join its thread (call from the window's closeEvent)."""
        return self.controller.shutdown(timeout_ms)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_settings(narrow=self.width() < WIDE_LAYOUT_MIN_WIDTH)

    def _place_settings(self, narrow: bool) -> None:
        running = self.controller.is_running()
        self.tabs.place_settings(self.settings, self.splitter, narrow, running)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Shown as a window of its own (benchmarks): stop and join training before closing."""
        self.shutdown()
        super().closeEvent(event)

    def _current_model_path(self) -> Path | None:
        selected = self.runs_view.selected_records()
        if len(selected) == 1 and selected[0].model_path and selected[0].model_path.is_file():
            return selected[0].model_path
        if self.last_run_id is not None:
            path = self.controller.model_path  # the last run's, wherever it was saved
            if path is not None and path.is_file():
                return path
        return self.loaded_model

    def _race_busy(self) -> str | None:
        """Why a race cannot start now, or None."""
        if self.controller.is_running():
            return translate("TrainingPanel", "A training run is going: stop it before a race.")
        return None

    def _update_buttons(self) -> None:
        running = self.controller.is_running()
        racing = self.race is not None and self.race.is_running()
        # training: a run started and neither stopping nor testing and saving its model yet
        training = running and not self.controller.is_stopping() and not self._ended
        valid = self.form.is_valid()
        self.controls.show_state(
            startable=not running and not racing and valid,
            racing=racing,
            training=training,
            paused=self.controller.is_paused(),
            stepped=self._last_batch is not None,
            steerable=self._run is not None,
        )
        continuable = self._continuable is not None and self._continuable[0].is_file()
        self.resume_button.setEnabled(not running and not racing and valid and continuable)
        self.load_button.setEnabled(not running)
        # while training only the settings the run can change stay editable
        steering = self._run.config if training and self._run is not None else None
        self.form.setEnabled(not running or steering is not None)
        self.form.set_steering(steering)
        self.save_button.setEnabled(not running and self._current_model_path() is not None)

    def _show_progress(self) -> None:
        run, r = self._run, self._last_batch
        if run is None or r is None:
            return
        paused = self.controller.is_paused()
        lr = self.steering.lr if self.steering.lr is not None else r.lr
        value, where, line = progress_texts(run, r, paused=paused, lr=lr)
        self.progress.setValue(value)
        if not self.controller.is_stopping() and self._ended is None:
            self.progress.setFormat(where)
        self.header.say_progress(line)

    def _show_title(self) -> None:
        """The headline: the run's settings, with the learning rate in use now."""
        run = self._run
        if run is None:
            return
        config = run.config.to_dict()
        if self.steering.lr is not None:
            config["lr"] = self.steering.lr
        steered = {
            name: value
            for name, value in self.steering.settings.items()
            if name != "lr" and config.get(name) != value
        }
        self._say_headline(
            (
                "run",
                {
                    "config": config,
                    "steered": steered,
                    "first_epoch": run.first_epoch,
                    "kept": dict(self._kept),
                    "continuing": self._continuing,
                },
            )
        )

    def _say_headline(self, headline: tuple) -> None:
        """Say ``headline`` (facts: ``RunHeader.headline``) in the window's language."""
        tip = ""
        continuable = self._continuable is not None and self._continuable[0].is_file()
        if headline == ("idle",) and not continuable and self._latest_record() is not None:
            tip = self._how_to_continue_latest()  # the headline names the latest run
        elif headline and headline[0] == "run":
            tip = title_key(headline[1]["config"])  # "BCE: binary cross-entropy"
        self.header.set_title(self._headline_text(headline), tip, headline)

    def _headline_text(self, headline: tuple) -> str:
        kind = headline[0] if headline else ""
        if kind == "failed":
            if len(headline) > 1:  # the curves and model line of the run before it show
                return translate(
                    "TrainingPanel", "The run did not start · the curves below are the last run's"
                )
            return translate("TrainingPanel", "The run did not start")
        if kind == "idle":
            return self._idle_title()
        return run_headline(headline[1]) if kind == "run" else ""

    def _show_again_before_start(self) -> None:
        """A run that never started: the curves (and the model) of the last run come back."""
        shown, self._before_start = self._before_start, None
        if shown is None:
            return
        self.curves, span, expected, per_epoch, model = shown
        self.live.reset()
        self.live.batches_per_epoch = per_epoch
        if span is not None:
            self.live.set_span(*span)
        self.live.expect_curves(*expected)
        self.model_label.setText(model)
        self.plot.request_draw()

    # -- controller slots ----------------------------------------------------------------------
    @Slot(str)
    def _on_controller_status_changed(self, text: str) -> None:
        if self._run is None and not self.controller.is_stopping():  # loading, preparing
            self.progress.setFormat(text)
        self.status_message.emit(text)

    @Slot(object)
    def _on_controller_run_started(self, run: RunStarted) -> None:
        self._run = run
        self._before_start = None
        self.steering.start(run.config.to_dict())
        self.lr_error.setText("")  # the last run's "Nothing to apply" or refusal is old news
        if run.samples is not None:
            self.form.augment_preview.set_images(run.samples)
        self._last_batch = None
        self.curves = self.controller.curves  # the run's one store; the controller fills it
        if self.controller.record is not None:  # the latest run now: Replay says so
            self.replay_view.set_run_here(started_text(self.controller.record))
        self.replay_view.show_record(self.controller.replay)
        self.live.batches_per_epoch = run.batches_per_epoch
        self.live.set_span(1, run.last_epoch)
        self.live.expect_curves(run.config.val_fraction > 0, run.config.test_every_epoch)
        self._show_title()
        # a rate set before the first batch (Set LR while the data loaded) is the one in use
        self.live_lr.set_value(self.steering.lr if self.steering.lr is not None else run.config.lr)
        if not self.controller.is_stopping():
            self.progress.setFormat(self._running_word())
        self._update_buttons()
        self.plot.request_draw()

    @Slot(object)
    def _on_controller_batches_finished(self, reports: tuple) -> None:
        if reports:
            first = self._last_batch is None
            self._last_batch = reports[-1]
            self._show_progress()
            if first:
                self._update_buttons()
        self.inside_view.show_record(self.controller.inside)
        self._show_coach()
        self.plot.request_draw()

    @Slot(object)
    def _on_controller_epoch_finished(self, report) -> None:
        self.inside_view.show_record(self.controller.inside)
        self.replay_view.show_record(self.controller.replay)
        self.plot.request_draw()

    @Slot(float, float)
    def _on_controller_lr_changed(self, x: float, lr: float) -> None:
        self.plot.request_draw()

    @Slot(object)
    def _on_controller_setting_changed(self, change) -> None:
        self.steering.used(change.name, change.value)
        self.plot.request_draw()

    def _forget_unapplied(self) -> None:
        """The run ended: settings no batch used were never its settings (the headline and
        the coach name what it trained with; "LR now" says the rate it trained with)."""
        lr_unused = "lr" in self.steering.unapplied
        self.steering.forget_unapplied()
        used = self.steering.lr
        used = used if used is not None else getattr(self._last_batch, "lr", None)
        if lr_unused and used is not None:
            self.live_lr.set_value(used)

    def _verdict_text(self) -> str:
        """The progress bar's last word on the last run: "Finished: trained 5 epochs"."""
        ended = self._verdict[0]
        verdict = translate_marked("TrainingPanel", VERDICTS.get(ended.reason, ended.reason))
        return f"{verdict}: {self._ended_text}"

    @Slot(object)
    def _on_controller_run_ended(self, ended) -> None:
        self._ended = ended
        if self.steering.unapplied:
            self._forget_unapplied()
            self._show_title()
        self._completed = ended.reason == "completed"
        run = self._run
        self._verdict = (ended, None if run is None else (run.first_epoch, run.last_epoch))
        self._ended_text = ended_message(*self._verdict)
        if self.header.headline and self.header.headline[0] == "run":
            self._say_headline(("run", {**self.header.headline[1], "ended": True}))
        self._show_coach()
        verdict = translate_marked("TrainingPanel", VERDICTS.get(ended.reason, ended.reason))
        self.progress.setFormat(
            translate(
                "TrainingPanel", "{verdict}: {message} · testing and saving the model…"
            ).format(verdict=verdict, message=self._ended_text)
        )
        if ended.reason == "completed":
            self.progress.setValue(self.progress.maximum())
        if ended.reason == "diverged":
            self.show_error(localised(ended.message))
        self.status_message.emit(f"{verdict}: {self._ended_text}")
        self._update_buttons()

    @Slot(object)
    def _on_controller_run_saved(self, record) -> None:
        self.last_run_id = record.run_id
        self._loaded_clf = None
        if self._ended is not None:
            self.progress.setFormat(self._verdict_text())
        path = self.controller.model_path  # the run folder's, or where the fallback put it
        self._show_saved_run(record, path)
        self._continuable = (path, record.curves)
        self._continuable_dataset = record.config.get("dataset")
        self.runs_view.refresh(select_id=record.run_id)

    def _show_saved_run(self, record, path: Path | None) -> None:
        """The finished run's test accuracy and where its model is."""
        test = record.test_accuracy
        if math.isfinite(test):
            self.speed.setText(
                (
                    translate(
                        "TrainingPanel",
                        "Test accuracy {accuracy} on {dataset} · model saved in the run history",
                    )
                    if record.model_file
                    else translate(
                        "TrainingPanel",
                        "Test accuracy {accuracy} on {dataset} · model saved to {path}",
                    )
                ).format(
                    accuracy=accuracy_text(test),
                    dataset=dataset_title(record.config.get("dataset")),
                    path=path,
                )
            )
        if path is None:
            return  # no model of it was saved (nor its fallback): "Model saved: None" said so
        saved = translate("TrainingPanel", "Model saved: {path}").format(path=path)
        self.model_label.setText(saved)  # the whole path is its tooltip
        self.status_message.emit(saved)  # "Saving the model…" is over

    @Slot(str, str, str)
    def _on_controller_saved_elsewhere(self, folder: str, reason: str, saved: str) -> None:
        self.show_error(
            translate(
                "TrainingPanel",
                "Could not save the model in its run folder {folder} ({reason}); saved it to "
                "{saved} instead.",
            ).format(folder=folder, reason=reason, saved=saved)
        )
        # the file is in a folder the user did not choose: one click shows it, to move or keep
        show = self._message_box.addButton(
            translate("TrainingPanel", "Show the folder"), QMessageBox.ButtonRole.ActionRole
        )
        show.setToolTip(
            translate("TrainingPanel", "open {folder} in the file manager").format(
                folder=Path(saved).parent
            )
        )
        show.clicked.connect(lambda: show_folder(Path(saved).parent))
        self._message_box.addButton(QMessageBox.StandardButton.Ok)

    @Slot(str, str)
    def _on_controller_record_unsaved(self, folder: str, reason: str) -> None:
        self.show_error(
            translate(
                "TrainingPanel",
                "Could not write the run's record in {folder} ({reason}); training goes on.",
            ).format(folder=folder, reason=reason)
        )

    @Slot(str, object)
    def _on_controller_failed(self, message: str, offer=None) -> None:
        """``offer``: the DataOffer the failed worker found (the banner's Download), or None."""
        if self._run is None:
            before = self._before_start
            # the last run's curves and "Model saved: …" come back under this headline: it
            # says whose they are (walk qa39: they read as the failed run's)
            shows_last = before is not None and bool(before[0].epochs or before[4])
            self._say_headline(("failed", "last run shown") if shows_last else ("failed",))
            self._show_again_before_start()
        failed = translate("TrainingPanel", "Failed: {message}").format(message=message)
        self.progress.setFormat(failed)  # cut to the bar's one line: the line under it wraps
        self.speed.setText(failed)  # not "Speed, loss and accuracy appear after the first batch"
        if not self.data_check.run_failed(message, self._continuing, offer):
            self.show_error(message)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.check_data()  # another page may have found the data missing or foreign meanwhile

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

    def run_going(self) -> bool:
        """Whether a run has started or its worker still goes."""
        return self._run is not None or self.controller.is_running()

    def say_idle(self, again: bool = False) -> None:
        """The headline with no run going; ``again``: only when it says that already (its
        words may have changed)."""
        if not again or self.header.headline == ("idle",):
            self._say_headline(("idle",))

    def continue_name(self) -> str | None:
        """How the page names the model Continue trains further, None without one."""
        path = self._continuable[0] if self._continuable is not None else None
        return self._model_name(path) if path is not None else None

    @Slot(bool)
    def _on_controller_running_changed(self, running: bool) -> None:
        self._show_coach()
        if not running:
            self._run = None
            self._ended = None
            before = (
                translate("TrainingPanel", "Starting…"),
                translate("TrainingPanel", "Stopping…"),
            )
            if self.progress.format() in before:  # stopped before training
                self.progress.setFormat(translate("TrainingPanel", "Stopped before training began"))
                self._say_headline(("idle",))
            self._show_again_before_start()  # a run that never started
            self.plot.draw_now()
            if self.data_check.needs_data or not self.data_banner.isHidden():
                # the form's dataset may have changed while the worker was ending (a mode
                # switched right after a failed start): check_data skips a running page
                self.check_data()
        self._update_buttons()

    def _idle_title(self) -> str:
        """The headline with no run going (``train_texts.idle_title``)."""
        from nndesk.controllers.datasets import TITLES, missing_dataset, other_dataset_found

        name = self.form.dataset_name()
        ready = name in TITLES and missing_dataset(name) is None
        ready = ready and other_dataset_found(name) is None
        ready = ready and self.data_check.continue_needs is None
        continuable = self._continuable
        if continuable is not None and continuable[0].is_file():
            run = self._model_name(continuable[0])
            return idle_title(name, ready, run, self._continuable_dataset, None)
        return idle_title(name, ready, None, None, self._latest_record())

    def _latest_record(self):
        """The run of the Runs list started last (damaged ones aside), or None."""
        records = [r for r in self.runs_view.records() if not r.is_damaged]
        return max(records, key=lambda r: r.created_at) if records else None

    @Slot()
    def _on_runs_view_listed(self) -> None:
        """At start, with runs kept from earlier sessions, the headline names the latest
        instead of "No run yet" (that read as if nothing had ever been trained)."""
        idle = self._run is None and not self.controller.is_running()
        fresh = self.last_run_id is None and self._continuable is None and self.loaded_model is None
        latest = self._latest_record()
        if latest is None:
            return
        if not len(self.controller.replay):  # the Replay tab names it too
            record = self.controller.record
            here = {self.last_run_id, record.run_id if record is not None else None}
            if latest.run_id in here:  # this window's run, with no epoch ended
                self.replay_view.set_run_here(started_text(latest))
            else:
                self.replay_view.set_earlier_run(started_text(latest))
        if idle and self.header.headline == ("idle",):  # said before the runs were listed
            self._say_headline(self.header.headline)
            return
        if not (idle and fresh) or self.title.text() != self._first_title:
            return
        self._first_title = translate(
            "TrainingPanel", "No run yet in this window · the latest ({started}): {title}"
        ).format(
            title=one_line(shown_title(latest, changes=False), 120), started=started_text(latest)
        )
        self.header.set_title(self._first_title, tip=self._how_to_continue_latest())

    def _how_to_continue_latest(self) -> str:
        return translate(
            "TrainingPanel", "To train it further: Runs tab, select it, Use model, then Continue"
        )

    def _running_word(self) -> str:
        """What the progress bar says of a run before its first batch report."""
        if self.controller.is_paused():
            return translate("TrainingPanel", "Paused")
        return translate("TrainingPanel", "Training…")

    @Slot(bool)
    def _on_race_running_changed(self, running: bool) -> None:
        self._update_buttons()

    @Slot(int, object)
    def _on_race_kept(self, lane: int, record) -> None:
        self.runs_view.refresh(select_id=record.run_id)

    @Slot(bool)
    def _on_controller_paused_changed(self, paused: bool) -> None:
        self._update_buttons()
        if self._run is not None and self._last_batch is None and not self.controller.is_stopping():
            self.progress.setFormat(self._running_word())  # paused before the first batch
        self._show_progress()

    # -- widget slots --------------------------------------------------------------------------
    @Slot(bool)
    def _on_form_validity_changed(self, valid: bool) -> None:
        self._update_buttons()

    @Slot()
    def _on_train_button_clicked(self) -> None:
        self.start_training()

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        self.continue_training()

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

    def _show_coach(self) -> None:
        """The coach's most urgent hint about the run (``coach_row.coach_hints``), or none."""
        running = self.controller.is_running() and self._ended is None
        last = self._last_batch
        lr = self.steering.lr if self.steering.lr is not None else (last.lr if last else None)
        found = coach_hints(
            self.controller,
            self.curves,
            lr,
            running=running,
            started=self._run is not None,
            completed=self._completed,
        )
        self.coach.show_hints(found, running)

    @Slot(dict)
    def _on_coach_fix_requested(self, fix: dict) -> None:
        if self.steer_actions.apply_fix(fix):
            self.coach_button.hide()
            self._show_title()

    @Slot(int)
    def _on_slow_motion_current_index_changed(self, index: int) -> None:
        self.controller.set_slow_motion(float(self.slow_motion.itemData(index)))

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

    @Slot()
    def _on_load_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("TrainingPanel", "Load model"),
            str(open_folder() or ""),  # the newest saved model's folder, fallbacks included
            file_filters.model_files(),
        )
        if path:
            self.load_model(path)

    def _on_code_written(self, path: Path) -> None:
        self.status_message.emit(translate("TrainingPanel", "Wrote {path}").format(path=path))

    @Slot(object)
    def _on_runs_view_use_model_requested(self, path) -> None:
        self.load_model(path)
