"""TrainingPanel: the "Train" page. Settings on the left; live curves, progress and the run
history on the right. All the work happens in ``TrainingController``; this widget only shows it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.race import RaceController
from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import RunStarted, TrainingController
from nndesk.curves import LiveCurves, save_curves_png
from nndesk.errors import NndeskError, user_message
from nndesk.fileio import atomic_path, atomic_write_text
from nndesk.i18n import QT_TRANSLATE_NOOP, localised
from nndesk.inference import shown_name
from nndesk.models import open_folder
from nndesk.plain_text import one_line
from nndesk.runs import Curves, describe_config, history_csv
from nndesk.setting_changes import SettingChange, continue_with, settings_at_end
from nndesk.settings_schema import BY_NAME
from nndesk.training import TrainConfig
from nndesk.ui import file_filters, theme
from nndesk.ui.data_banner import DataBanner
from nndesk.ui.elided_label import ElidedLabel, LinesLabel
from nndesk.ui.export_code import export_code_button, form_experiment
from nndesk.ui.file_manager import show_folder
from nndesk.ui.flow_layout import flow_row, labelled
from nndesk.ui.inside_training_view import InsideTrainingView
from nndesk.ui.language import (
    accuracy_text,
    class_names_shown,
    decimal,
    fill,
    integer,
    translate,
    translate_marked,
)
from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.plot_widget import PlotWidget
from nndesk.ui.race_view import RaceView
from nndesk.ui.replay_view import ReplayView
from nndesk.ui.runs_view import RunsView, shown_title, started_text
from nndesk.ui.save_place import remember_saved, save_start
from nndesk.ui.train_form import TrainForm, number_field
from nndesk.ui.train_texts import (
    VERDICTS,
    dataset_title,
    ended_message,
    format_eta,
    kept_text,
    run_headline,
)


def wrapping_policy() -> QSizePolicy:
    """A label that wraps to the width it is given and never widens the page."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


def copy_model(source: Path, path: str | os.PathLike) -> Path:
    """Copy the model file ``source`` to ``path`` (``.npz`` added when missing), atomically."""
    path = Path(path)
    if path.suffix.lower() != ".npz":
        path = path.with_suffix(".npz")
    with atomic_path(path) as tmp:
        shutil.copyfile(source, tmp)
    return path


def _scrolled(page: QWidget, min_height: int) -> QScrollArea:
    """``page`` in a vertical scroll area: at 1024x700 its lower part is a scroll away."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    page.setMinimumHeight(min_height)
    return area


#: Slow motion's choices: seconds waited after every batch, and how the menu says it.
SLOW_MOTION = (
    (0.0, QT_TRANSLATE_NOOP("TrainingPanel", "full speed")),
    (0.1, QT_TRANSLATE_NOOP("TrainingPanel", "0.1 s / batch")),
    (0.5, QT_TRANSLATE_NOOP("TrainingPanel", "0.5 s / batch")),
    (1.0, QT_TRANSLATE_NOOP("TrainingPanel", "1 s / batch")),
)
#: Below this page width the settings move from beside the curves into a "Settings" tab.
WIDE_LAYOUT_MIN_WIDTH = 1000


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
    # the headline as facts (``TrainingPanel._headline``), said again in the new language
    headline: tuple = ()
    continuable_dataset: str | None = None  # the dataset Continue's model trains on
    #: the dataset a Continue that failed for want of data needs (its banner said again)
    continue_needs: str | None = None


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
        self._writes = writes
        #: this page's writes not answered yet: token -> (on done(result), on failed(error))
        self._writing: dict[int, tuple] = {}
        if writes is not None:
            writes.done.connect(self._on_writes_done)
            writes.failed.connect(self._on_writes_failed)
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
        # the dataset a Continue that could not start needs: its banner stays until the
        # data changes or another run starts
        self._continue_needs: str | None = None
        # the data folder read off the GUI thread for which dataset it holds (check_data)
        self._folder_delivery = Delivery()
        self._folder_delivery.delivered.connect(self._on_folder_delivery_delivered)
        self._folder_looked: set = set()  # (dataset, data generation) looked at
        self._run: RunStarted | None = None
        self._last_batch = None
        self._live_lr: float | None = None  # a rate set with "Set LR" during this run
        #: the running run's settings as steered so far (its config, then "Apply to run")
        self._run_settings: dict = {}
        #: settings sent to the run that no batch has used yet: name -> (the value in use
        #: before, the value sent); a run that ends first never used them (the headline then
        #: names the value it trained with)
        self._unapplied: dict[str, tuple] = {}
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
        self._wanted_dataset: str | None = None  # the dataset of the last run asked for
        self._needs_data = False  # the last start failed for want of that dataset
        # the form's dataset when it is not on this computer, said before Train is pressed:
        # Download / Choose a folder… (wired by the window, which sets ``checks_data``)
        self.data_banner = DataBanner()
        self.checks_data = False

        # -- settings (left) -----------------------------------------------------------------
        self.form = TrainForm()
        # the augmentation preview's images, read from the form's dataset before any run
        self._preview_delivery = Delivery()
        self._preview_delivery.delivered.connect(self._on_preview_delivery_delivered)
        self.form.augment_preview.images_wanted.connect(self._read_preview_images)
        self.form.dataset.currentIndexChanged.connect(self._on_form_dataset_changed)
        self.form.dataset.currentIndexChanged.connect(self.check_data)
        self._preview_reading: str | None = None  # the dataset being read for it
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 24)

        # -- run controls --------------------------------------------------------------------
        style = self.style()
        self.train_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
            translate("TrainingPanel", "Train"),
        )
        self.train_button.setDefault(True)
        self.train_button.setToolTip(
            translate("TrainingPanel", "train a new network with these settings")
        )
        self.pause_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPause),
            translate("TrainingPanel", "Pause"),
        )
        self.stop_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaStop),
            translate("TrainingPanel", "Stop"),
        )
        self.pause_button.setToolTip(
            translate(
                "TrainingPanel", "hold training after the current batch; press again to go on"
            )
        )
        self.stop_button.setToolTip(
            translate("TrainingPanel", "end after the current batch; the model is still saved")
        )
        self.live_lr = number_field(
            BY_NAME["lr"], placeholder=translate("TrainingPanel", "new rate")
        )
        self.step_button = QPushButton(translate("TrainingPanel", "Step"))
        self.step_button.setToolTip(
            translate("TrainingPanel", "paused: train one batch, then hold again")
        )
        self.epoch_button = QPushButton(translate("TrainingPanel", "+1 epoch"))
        self.epoch_button.setToolTip(
            translate("TrainingPanel", "paused: train to the end of this epoch, then hold again")
        )
        self.slow_motion = QComboBox()
        for seconds, text in SLOW_MOTION:
            self.slow_motion.addItem(translate_marked("TrainingPanel", text), seconds)
        self.slow_motion.setToolTip(
            translate("TrainingPanel", "wait after every batch, to watch a small network learn")
        )
        self.live_lr.setMaximumWidth(90)
        self.live_lr.setToolTip(
            translate(
                "TrainingPanel", "change the learning rate while training (from the next batch)"
            )
        )
        self.lr_button = QPushButton(translate("TrainingPanel", "Set LR"))
        self.lr_button.setToolTip(
            translate("TrainingPanel", "use the rate typed beside it from the next batch on")
        )
        self.apply_button = QPushButton(translate("TrainingPanel", "Apply to run"))
        self.apply_button.setToolTip(
            translate(
                "TrainingPanel",
                "use the settings that stay editable while training (momentum, L2, dropout, "
                "batch size, augmentation) from the next batch on; a batch size from the next "
                "epoch",
            )
        )
        self.lr_error = QLabel()
        self.lr_error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        theme.set_tone(self.lr_error, "error")
        for b in (self.train_button, self.pause_button, self.stop_button):
            b.setMinimumWidth(84)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("TrainingPanel", "Ready"))
        self.progress.setMinimumHeight(22)
        self.speed = QLabel(translate("TrainingPanel", "Choose settings and press Train."))
        # wraps on a narrow page (Vietnamese at 1024 px cut the rate off its end)
        self.speed.setWordWrap(True)
        self.speed.setSizePolicy(wrapping_policy())
        # the coach: one plain-language hint about the live run, with a one-click fix
        self.coach_label = QLabel()
        self.coach_label.setWordWrap(True)
        self.coach_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        theme.set_tone(self.coach_label, "banner")
        self.coach_button = QPushButton()
        self.coach_button.setToolTip(
            translate("TrainingPanel", "apply the coach's suggested change to the running training")
        )
        self.coach_label.hide()
        self.coach_button.hide()
        self._coach_fix: dict = {}
        self._coach_class: int | None = None  # a "mistakes" hint's class
        # a long headline (a continued run's settings, steered ones after "Apply to run")
        # wraps onto more lines: it shows whole and never widens the page
        self._first_title = translate("TrainingPanel", "No run yet")  # until runs are listed
        # what the headline says, as facts a page in another language says again (its
        # ``_headline_text``): ("run", facts of the run), ("failed",), ("idle",), or () for
        # a text this page works out again itself
        self._headline: tuple = ()
        # two lines, whatever the headline: the buttons under it stay put when it changes (a
        # longer one is cut with "…", whole in its tooltip); run titles come from files, so
        # plain text
        self.title = LinesLabel(self._first_title, lines=2)
        self.title.setStyleSheet("font-size: 14px; font-weight: 600;")

        # -- live plot -----------------------------------------------------------------------
        self.plot = PlotWidget(figsize=(9, 5.2), freeze_layout=True)
        fig = self.plot.figure
        grid = fig.add_gridspec(2, 2, height_ratios=(1, 1))
        axes = (fig.add_subplot(grid[0, :]), fig.add_subplot(grid[1, 0]))
        axes += (fig.add_subplot(grid[1, 1]),)
        self.live = LiveCurves(*axes, animated=True)
        self.plot.animated = list(self.live.lines)
        self.plot.before_draw = self._on_plot_before_draw
        self.plot.canvas.mpl_connect("resize_event", self._on_plot_resized)

        # -- model files ---------------------------------------------------------------------
        self.load_button = QPushButton(translate("TrainingPanel", "Load model…"))
        self.load_button.setMinimumWidth(0)
        self.load_button.setToolTip(
            translate("TrainingPanel", "open a .npz model to use it or to continue its training")
        )
        self.resume_button = QPushButton(translate("TrainingPanel", "Continue"))
        self.resume_button.setToolTip(
            translate(
                "TrainingPanel",
                "train the last model (this page's last run, or the one loaded) further: a run "
                "stopped before its last epoch goes on up to the number of epochs set in "
                "Optimisation > Epochs (counted from its start); a finished one trains that many "
                "epochs more; its history and curves continue",
            )
        )
        self.save_button = QPushButton(translate("TrainingPanel", "Save model…"))
        self.save_button.setToolTip(
            translate("TrainingPanel", "save the trained model to a .npz file of your choice")
        )
        self.export_button = QPushButton(translate("TrainingPanel", "Export PNG…"))
        self.export_button.setToolTip(
            translate("TrainingPanel", "save these curves as a PNG image")
        )
        self.code_button = export_code_button(
            self, lambda: form_experiment(self.form), "Train page", self._on_code_written
        )
        # a long file path must not widen the page: cut in the middle, whole in the tooltip
        self.model_label = ElidedLabel("")
        theme.set_tone(self.model_label, "muted")

        # one row at 1280 px; at 1024 px it wraps instead of widening the page
        lr_now = labelled(translate("TrainingPanel", "LR now"), self.live_lr)
        controls = flow_row(
            self.train_button, self.pause_button, self.stop_button, self.step_button,
            self.epoch_button, self.slow_motion, lr_now, self.lr_button, self.apply_button,
        )  # fmt: skip
        files = QHBoxLayout()
        for w in (self.load_button, self.resume_button, self.save_button, self.export_button):
            files.addWidget(w)
        files.addWidget(self.code_button)
        files.addStretch(1)

        # always visible: run title, buttons, progress
        header = QWidget()
        hv = QVBoxLayout(header)
        hv.setContentsMargins(0, 0, 0, 0)
        hv.addWidget(self.title)
        hv.addWidget(controls)
        hv.addWidget(self.lr_error)
        hv.addWidget(self.progress)
        hv.addWidget(self.speed)
        hv.addWidget(self.data_banner)  # under the buttons: they stay put when it comes or goes
        coach = QHBoxLayout()
        coach.addWidget(self.coach_label, 1)
        coach.addWidget(self.coach_button)
        hv.addLayout(coach)

        live_page = QWidget()
        lv = QVBoxLayout(live_page)
        lv.setContentsMargins(0, 4, 0, 0)
        lv.addWidget(self.plot, 1)
        lv.addLayout(files)
        lv.addWidget(self.model_label)  # a row of its own: the buttons leave no room at 1024
        self.live_page = live_page

        self.runs_view = RunsView(runs)
        self.inside_view = InsideTrainingView()
        self.replay_view = ReplayView()
        self.race_view = (
            RaceView(race, self.form.config, self._race_busy) if race is not None else None
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(live_page, translate("TrainingPanel", "Live"))
        self.tabs.addTab(self.inside_view, translate("TrainingPanel", "Inside"))
        self.replay_page = _scrolled(self.replay_view, 0)  # its layout fits 1024x700
        self.tabs.addTab(self.replay_page, translate("TrainingPanel", "Replay"))
        self.tabs.addTab(self.runs_view, translate("TrainingPanel", "Runs"))
        if self.race_view is not None:
            self.race_page = _scrolled(self.race_view, 560)
            index = self.tabs.addTab(self.race_page, translate("TrainingPanel", "Race"))
            self.tabs.setTabToolTip(
                index,
                translate(
                    "TrainingPanel",
                    "train 2-4 configurations side by side on the same batches and compare them",
                ),
            )
        self.tabs.setTabToolTip(
            0, translate("TrainingPanel", "the run's loss and accuracy curves, drawn as it trains")
        )
        self.tabs.setTabToolTip(
            1,
            translate(
                "TrainingPanel",
                "inside the network while it learns: gradients, update sizes, dead units, weights",
            ),
        )
        self.tabs.setTabToolTip(
            2,
            translate(
                "TrainingPanel",
                "scrub the run epoch by epoch: its confusion matrix and how it read your drawing",
            ),
        )
        self.tabs.setTabToolTip(
            3, translate("TrainingPanel", "every past run: compare curves, reuse a model, export")
        )
        self.tabs.setDocumentMode(True)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(header)
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
        self.coach_button.clicked.connect(self._on_coach_button_clicked)
        self.live_lr.returnPressed.connect(self._on_lr_button_clicked)
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.runs_view.use_model_requested.connect(self._on_runs_view_use_model_requested)
        self.runs_view.listed.connect(self._on_runs_view_listed)
        if not self.runs_view.reading:  # listed at once, before this connection
            self._on_runs_view_listed()
        if self.race is not None:
            self.race.running_changed.connect(self._on_race_running_changed)
            self.race.kept.connect(self._on_race_kept)
            self.race_view.status_message.connect(self.status_message)
        self.runs_view.export_png_requested.connect(self._on_runs_view_export_png_requested)
        self.runs_view.export_csv_requested.connect(self._on_runs_view_export_csv_requested)

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
            self._wanted_dataset = (
                self._continuable_dataset if resume is not None else None
            ) or config.dataset
            self._needs_data = False
            self._continue_needs = None
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
        self._live_lr = None
        self._unapplied = {}
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
        self._set_title(translate("TrainingPanel", "Starting…"))
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
            headline=self._headline,
            continuable_dataset=self._continuable_dataset,
            continue_needs=self._continue_needs,
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
                self._set_title(state.title)
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
            self._set_title(translate("TrainingPanel", "Model in use: {name}").format(name=name))
        if state.headline == ("failed",):  # with or without a run before it
            self._say_headline(state.headline)
        if state.continue_needs is not None:  # the failed Continue's banner, not the form's
            self._say_continue_needs(state.continue_needs)
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
        path = Path(clf.path)
        name = self._model_name(path)
        config = clf.info.get("config") or {}
        try:  # a file's settings may be unusable (the form said so): then no description
            described = describe_config(config, shown=True) if isinstance(config, dict) else ""
        except (TypeError, ValueError, KeyError):
            described = ""
        self._set_title(
            translate("TrainingPanel", "Model in use: {name}").format(name=name)
            + (f"  ·  {described}" if described else ""),
            tip=str(path),
        )
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingPanel", "Ready"))
        accuracy = (clf.info.get("metrics") or {}).get("test_accuracy")
        follow = translate(
            "TrainingPanel", "Continue trains this model further; Train starts a new one."
        )
        if isinstance(accuracy, (int, float)) and math.isfinite(accuracy):
            follow = (
                translate("TrainingPanel", "Test accuracy {accuracy}").format(
                    accuracy=accuracy_text(accuracy)
                )
                + "  ·  "
                + follow
            )
        self.speed.setText(follow)
        history = clf.info.get("history") or []
        trained = (
            translate("TrainingPanel", "{name}: {dataset}, 1 epoch trained")
            if len(history) == 1
            else translate("TrainingPanel", "{name}: {dataset}, {epochs} epochs trained")
        )
        self.model_label.setText(
            trained.format(
                name=name,
                dataset=clf.dataset or translate("TrainingPanel", "image folder"),
                epochs=integer(len(history)),
            )
        )
        self.check_data()  # "Ready" only when its dataset is here

    def _model_name(self, path: Path) -> str:
        """How the page names a model file: a run's by when the run started (every run's file
        is model.npz), any other by its name without ".npz"."""
        try:
            target = path.resolve()
            for record in self.runs_view.records():
                model = record.model_path
                if model is not None and model.resolve() == target:
                    return translate("TrainingPanel", "the run of {started}").format(
                        started=started_text(record)
                    )
            in_runs = path.parent.parent.resolve() == self.store.root.resolve()
        except OSError:
            in_runs = False
        if in_runs:  # not listed (yet): its folder names it
            return translate("TrainingPanel", "the run {run}").format(run=path.parent.name)
        return shown_name(path)

    def save_model_to(self, path: str | os.PathLike) -> Path:
        """Copy the newest model (last run, else the loaded one) to ``path``, atomically."""
        return copy_model(self._model_to_save(), path)

    def _model_to_save(self) -> Path:
        source = self._current_model_path()
        if source is None:
            raise NndeskError("no model to save yet: train one or load one first")
        return source

    def export_curves_png(self, path: str | os.PathLike, records=None) -> Path:
        """The live curves (or the given runs overlaid) as a PNG."""
        return save_curves_png(self._plotted(records), path)

    def _plotted(self, records=None) -> list[tuple[str, Curves]]:
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

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Stop training and join its thread (call from the window's closeEvent)."""
        return self.controller.shutdown(timeout_ms)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_settings(narrow=self.width() < WIDE_LAYOUT_MIN_WIDTH)

    def _place_settings(self, narrow: bool) -> None:
        in_tabs = self.tabs.indexOf(self.settings) >= 0
        if narrow and not in_tabs:
            self.tabs.insertTab(0, self.settings, translate("TrainingPanel", "Settings"))
            self.tabs.setTabToolTip(
                0,
                translate(
                    "TrainingPanel", "everything about the next run: data, network, optimiser"
                ),
            )
            self.tabs.setCurrentIndex(0 if not self.controller.is_running() else 1)
        elif not narrow and in_tabs:
            current = self.tabs.currentWidget()
            self.tabs.removeTab(self.tabs.indexOf(self.settings))
            self.splitter.insertWidget(0, self.settings)
            self.settings.show()
            if current is self.settings:
                self.tabs.setCurrentWidget(self.live_page)

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
        self.train_button.setEnabled(not running and not racing and valid)
        self.train_button.setToolTip(
            translate("TrainingPanel", "a race is going (Race tab): stop it to train")
            if racing
            else translate("TrainingPanel", "train a new network with these settings")
        )
        continuable = self._continuable is not None and self._continuable[0].is_file()
        self.resume_button.setEnabled(not running and not racing and valid and continuable)
        self.pause_button.setEnabled(training)
        paused = training and self.controller.is_paused()
        self.step_button.setEnabled(paused)
        self.epoch_button.setEnabled(paused and self._last_batch is not None)
        self.stop_button.setEnabled(training)
        self.live_lr.setEnabled(training)
        self.lr_button.setEnabled(training)
        self.apply_button.setEnabled(training and self._run is not None)
        self.load_button.setEnabled(not running)
        # while training only the settings the run can change stay editable
        steering = self._run.config if training and self._run is not None else None
        self.form.setEnabled(not running or steering is not None)
        self.form.set_steering(steering)
        self.save_button.setEnabled(not running and self._current_model_path() is not None)
        self.pause_button.setText(
            translate("TrainingPanel", "Resume")
            if self.controller.is_paused()
            else translate("TrainingPanel", "Pause")
        )
        icon = (
            QStyle.StandardPixmap.SP_MediaPlay
            if self.controller.is_paused()
            else QStyle.StandardPixmap.SP_MediaPause
        )
        self.pause_button.setIcon(self.style().standardIcon(icon))

    def _show_progress(self) -> None:
        run, r = self._run, self._last_batch
        if run is None or r is None:
            return
        per_epoch = r.batches
        total = max((run.last_epoch - run.first_epoch + 1) * per_epoch, 1)
        done = (r.epoch - run.first_epoch) * per_epoch + r.batch
        self.progress.setValue(int(1000 * done / total))
        if not self.controller.is_stopping() and self._ended is None:
            where = translate(
                "TrainingPanel", "Epoch {epoch}/{last}  ·  batch {batch}/{per_epoch}  ·  {p}"
            ).format(
                epoch=r.epoch,
                last=run.last_epoch,
                batch=integer(r.batch),
                per_epoch=integer(per_epoch),
                p="%p%",
            )
            if self.controller.is_paused():
                where = translate("TrainingPanel", "Paused  ·  {where}").format(where=where)
            self.progress.setFormat(where)
        remaining = (total - done) * run.batch_size
        eta = remaining / r.samples_per_second if r.samples_per_second > 0 else math.nan
        # first on the line: at its end a 1024-px page cut it off
        paused = translate("TrainingPanel", "PAUSED  ·  ") if self.controller.is_paused() else ""
        lr = self._live_lr if self._live_lr is not None else r.lr
        self._say_progress(
            paused
            + translate(
                "TrainingPanel",
                "{speed} samples/s  ·  ETA {eta}  ·  loss {loss}  ·  accuracy {accuracy}  ·  "
                "lr {lr}{paused}",
            ).format(
                speed=integer(round(r.samples_per_second))
                if math.isfinite(r.samples_per_second)
                else "—",
                eta=format_eta(eta),
                loss=decimal(r.loss, 4),
                accuracy=accuracy_text(r.accuracy),
                lr=fill("{lr:g}", lr=lr),
                paused="",
            )
        )

    def _show_title(self) -> None:
        """The headline: the run's settings, with the learning rate in use now."""
        run = self._run
        if run is None:
            return
        config = run.config.to_dict()
        if self._live_lr is not None:
            config["lr"] = self._live_lr
        steered = {
            name: value
            for name, value in self._run_settings.items()
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
        """Say ``headline`` (facts: ``_headline``) in the window's language."""
        tip = ""
        continuable = self._continuable is not None and self._continuable[0].is_file()
        if headline == ("idle",) and not continuable and self._latest_record() is not None:
            tip = self._how_to_continue_latest()  # the headline names the latest run
        self._set_title(self._headline_text(headline), tip=tip)
        self._headline = headline

    def _headline_text(self, headline: tuple) -> str:
        kind = headline[0] if headline else ""
        if kind == "failed":
            return translate("TrainingPanel", "The run did not start")
        if kind == "idle":
            return self._idle_title()
        return run_headline(headline[1]) if kind == "run" else ""

    def _say_progress(self, text: str) -> None:
        """The speed/loss line of a running run. Wrapped on a narrow page, it never gets
        shorter during the run: a figure's changing width would make the plots under it jump."""
        self.speed.setText(text)
        need = self.speed.heightForWidth(max(1, self.speed.width()))
        if need > self.speed.minimumHeight():
            self.speed.setMinimumHeight(need)

    def _set_title(self, text: str, tip: str = "") -> None:
        """The headline, and what its tooltip adds (the model file's path; none for a run).
        A text set here without facts (``_say_headline``) is one this page works out again."""
        self._headline = ()
        self.title.setText(text)
        self.title.setToolTip(tip)

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

    @Slot()
    def _read_preview_images(self) -> None:
        """Read eight training images of the form's dataset for the augmentation preview, off
        the GUI thread (a dataset not on this computer leaves the preview's note)."""
        try:
            name = self.form.config().dataset
        except NndeskError:
            return  # the form holds a value it cannot use: its own message says so
        if self._preview_reading == name:
            return
        self._preview_reading = name
        controller = self.controller

        def eight_images():
            return np.asarray(controller.read_dataset(name).train_images[:8], np.uint8).copy()

        run_off_gui(QThreadPool.globalInstance(), self._preview_delivery, name, eight_images)

    @Slot(int)
    def _on_form_dataset_changed(self, _index: int) -> None:
        # another dataset's images: the preview shows the new one's (now if it is on screen)
        preview = self.form.augment_preview
        if self._run is None and preview.has_images():
            preview.set_images(None)
            if preview.isVisible():
                self._read_preview_images()

    @Slot(object, object)
    def _on_preview_delivery_delivered(self, name: str, images) -> None:
        self._preview_reading = None
        preview = self.form.augment_preview
        try:
            current = self.form.config().dataset
        except NndeskError:
            current = None
        if images is None or preview.has_images() or self._run is not None:
            return  # not there, or a run's own images came first
        if name == current:
            preview.set_images(images)
        elif preview.isVisible():
            self._read_preview_images()  # the form moved on to another dataset meanwhile

    @Slot(object)
    def _on_controller_run_started(self, run: RunStarted) -> None:
        self._run = run
        self._before_start = None
        self._run_settings = run.config.to_dict()
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
        self.live_lr.set_value(self._live_lr if self._live_lr is not None else run.config.lr)
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
        before, sent = self._unapplied.get(change.name, (None, None))
        if change.name in self._unapplied:
            if change.value == sent:
                del self._unapplied[change.name]
            else:  # an earlier value reached this batch; the one sent last is still to come
                self._unapplied[change.name] = (change.value, sent)
        self.plot.request_draw()

    def _sent(self, values: dict) -> None:
        """Note settings sent to the run, until a batch uses them (``_unapplied``)."""
        for name, value in values.items():
            before = self._live_lr if name == "lr" else self._run_settings.get(name)
            self._unapplied[name] = (self._unapplied.get(name, (before,))[0], value)

    def _forget_unapplied(self) -> None:
        """The run ended: settings no batch used were never its settings (the headline and
        the coach name what it trained with)."""
        for name, (before, _sent) in self._unapplied.items():
            if name == "lr":
                self._live_lr = before
                used = before if before is not None else getattr(self._last_batch, "lr", None)
                if used is not None:
                    self.live_lr.set_value(used)  # "LR now" says the rate it trained with
            else:
                self._run_settings[name] = before
        self._unapplied = {}

    def _verdict_text(self) -> str:
        """The progress bar's last word on the last run: "Finished: trained 5 epochs"."""
        ended = self._verdict[0]
        verdict = translate_marked("TrainingPanel", VERDICTS.get(ended.reason, ended.reason))
        return f"{verdict}: {self._ended_text}"

    @Slot(object)
    def _on_controller_run_ended(self, ended) -> None:
        self._ended = ended
        if self._unapplied:
            self._forget_unapplied()
            self._show_title()
        self._completed = ended.reason == "completed"
        run = self._run
        self._verdict = (ended, None if run is None else (run.first_epoch, run.last_epoch))
        self._ended_text = ended_message(*self._verdict)
        if self._headline and self._headline[0] == "run":
            self._say_headline(("run", {**self._headline[1], "ended": True}))
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

    @Slot(str)
    def _on_controller_failed(self, message: str) -> None:
        from nndesk.controllers.datasets import (
            TITLES,
            missing_dataset,
            missing_text,
            other_dataset_found,
        )

        if self._run is None:
            self._say_headline(("failed",))
            self._show_again_before_start()
        self.progress.setFormat(
            translate("TrainingPanel", "Failed: {message}").format(message=message)
        )
        wanted = self._wanted_dataset
        other = other_dataset_found(wanted)
        missing = missing_dataset(wanted)
        if self._continuing and self.checks_data and (other is not None or missing is not None):
            # Continue trains on the model's own data, whatever the mode: "switch to Digits"
            # would not help it (and read wrong in Digits mode)
            self._say_continue_needs(wanted)
            self.status_message.emit(
                translate(
                    "TrainingPanel",
                    "Cannot continue: the run needs {title}; the banner under Train says where "
                    "it was looked for",
                ).format(title=TITLES.get(wanted, wanted))
            )
            return
        if other is not None and self.checks_data:
            # the folder holds the other dataset: said on the page, with "Switch to …"
            self._say_needs_data()
            self.data_banner.show_problem(message, None, other)
            self.status_message.emit(  # "Loading mnist…" is over
                translate(
                    "TrainingPanel",
                    "Cannot train: the data folder holds {other}, not {title}; the banner under "
                    "Train offers the switch",
                ).format(other=TITLES.get(other, other), title=TITLES.get(wanted, wanted))
            )
            return
        if missing is not None and missing_text(missing) in message:
            self.progress.setFormat(translate("TrainingPanel", "Needs a dataset"))
            if self.checks_data:  # the page's banner offers it too
                self.speed.setText(
                    translate("TrainingPanel", "Get the data first (below), then press Train.")
                )
            self._needs_data = True
            title = TITLES.get(missing, missing)
            if self.checks_data:
                # the page's own banner says which files and offers them: a dialog on top of
                # it offered the same twice
                self.data_banner.show_problem(message, missing)
                self.status_message.emit(
                    translate(
                        "TrainingPanel",
                        "Cannot train: {title} files are missing; the banner under Train says "
                        "which and where to get them",
                    ).format(title=title)
                )
                return
            # the dialog says which files and from where; the status bar has room for one clause
            self.status_message.emit(
                translate(
                    "TrainingPanel",
                    "Cannot train: {title} files are missing; the dialog says which and "
                    "where to get them",
                ).format(title=title)
            )
            self.data_missing.emit(missing)  # the window offers the download
            return
        self.show_error(message)

    def _say_continue_needs(self, wanted: str) -> None:
        """The page after a Continue that could not start for want of its model's dataset
        ``wanted``: its banner says which data and where it was looked for, until the data
        changes or another run starts."""
        from nndesk.controllers.datasets import other_dataset_found

        self._say_needs_data()
        self.speed.setText(
            translate("TrainingPanel", "Get the data first (below), then press Continue.")
        )
        self._continue_needs = wanted
        other = other_dataset_found(wanted)
        self.data_banner.show_problem(self._continue_problem(wanted, other), wanted)

    def _say_needs_data(self) -> None:
        """The progress bar and the line under it when the run's data is not here."""
        self.progress.setFormat(translate("TrainingPanel", "Needs a dataset"))
        self.speed.setText(
            translate("TrainingPanel", "Get the data first (below), then press Train.")
        )
        self._needs_data = True

    def _continue_problem(self, wanted: str, other: str | None) -> str:
        """Why Continue could not start for want of its model's dataset ``wanted``: which data
        the run needs and where it was looked for (the data folder, the downloads)."""
        from nndesk import preferences
        from nndesk.controllers.datasets import TITLES

        path = self._continuable[0] if self._continuable is not None else None
        run = self._model_name(path) if path is not None else wanted
        title = TITLES.get(wanted, wanted)
        folder = preferences.data_dir()
        if other is not None:
            text = translate(
                "TrainingPanel",
                "Continue trains {run} further on {title}, the data it learnt from, but the "
                "data folder {folder} holds {other}. Download {title}, or choose a folder "
                "holding it.",
            )
        elif folder:
            text = translate(
                "TrainingPanel",
                "Continue trains {run} further on {title}, the data it learnt from: it is "
                "neither in the data folder {folder} nor downloaded. Download {title}, or "
                "choose a folder holding it.",
            )
        else:
            text = translate(
                "TrainingPanel",
                "Continue trains {run} further on {title}, the data it learnt from: it is not "
                "downloaded yet. Download {title}, or choose a folder holding it.",
            )
        return text.format(
            run=run, title=title, folder=folder, other=TITLES.get(str(other), str(other))
        )

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.check_data()  # another page may have found the data missing or foreign meanwhile

    @Slot()
    def check_data(self, *_) -> None:
        """While no run goes: say at once when the form's dataset is not on this computer
        ("Needs a dataset" and the banner's Download / Choose a folder…; "Switch to …" when
        the data folder holds the other dataset), and take it back once it is here. Only in
        the window (``checks_data``). A few stat calls here; whose files the folder holds is
        read off the GUI thread (``look_for_other_dataset``), and said when it answers."""
        from nndesk.controllers.datasets import (
            missing_dataset,
            missing_text,
            other_dataset_found,
            other_dataset_text,
        )

        if not self.checks_data or self._run is not None or self.controller.is_running():
            return
        if self._continue_needs is not None:
            return  # a failed Continue's banner says what its run needs, whatever the form's
        name = self.form.dataset_name()
        missing, other = missing_dataset(name), other_dataset_found(name)
        if missing is None and other is None:
            if not self.data_banner.isHidden():
                self.data_banner.clear()
            self._ready_again()
            if self._headline == ("idle",):
                self._say_headline(self._headline)  # the form's dataset may have changed
            self._look_in_folder(name)
            return
        if missing is not None:
            self.data_banner.show_problem(missing_text(missing), missing)
        else:  # the folder holds the other dataset: said here too
            self.data_banner.show_problem(other_dataset_text(name), None, other)
        self._wanted_dataset = name
        self._say_needs_data()
        if self._headline == ("idle",):
            self._say_headline(self._headline)  # no longer "… is ready"

    def _look_in_folder(self, name: str) -> None:
        """Find out off the GUI thread whether the data folder holds the other dataset where
        ``name`` is looked for (once per dataset and folder); ``check_data`` again if so."""
        from nndesk.controllers.datasets import TITLES, data_generation, look_for_other_dataset

        asked = (name, data_generation())
        if name not in TITLES or asked in self._folder_looked:
            return
        self._folder_looked.add(asked)
        run_off_gui(
            QThreadPool.globalInstance(),
            self._folder_delivery,
            asked,
            lambda: look_for_other_dataset(name),
        )

    @Slot(object, object)
    def _on_folder_delivery_delivered(self, asked, other) -> None:
        from nndesk.controllers.datasets import data_generation

        if other is not None and asked == (self.form.dataset_name(), data_generation()):
            self.check_data()

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed (a folder chosen, a download finished): the
        page says at once what the new folder holds (read off the GUI thread), and a page
        still saying "Needs a dataset" for data now here is ready again."""
        self._continue_needs = None  # the new data may hold it: Continue will tell
        if self.checks_data:
            self.check_data()
        else:
            self._ready_again()

    def _ready_again(self) -> None:
        """ "Needs a dataset" taken back once the data wanted is here: "Ready", and a headline
        saying what is ready."""
        from nndesk.controllers.datasets import missing_dataset

        if not self._needs_data or missing_dataset(self._wanted_dataset) is not None:
            return
        self._needs_data = False
        if self._run is None and not self.controller.is_running():
            self.progress.setFormat(translate("TrainingPanel", "Ready"))
            self._say_headline(("idle",))
            self.speed.setText(translate("TrainingPanel", "Choose settings and press Train."))

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
            if self._needs_data or not self.data_banner.isHidden():
                # the form's dataset may have changed while the worker was ending (a mode
                # switched right after a failed start): check_data skips a running page
                self.check_data()
        self._update_buttons()

    def _idle_title(self) -> str:
        """The headline with no run going: the form's dataset when it is ready, then what an
        enabled Continue would train further (a bare "No run" beside an enabled Continue
        contradicted it), else the latest run kept, as at start."""
        from nndesk.controllers.datasets import TITLES, missing_dataset, other_dataset_found

        name = self.form.dataset_name()
        ready = name in TITLES and missing_dataset(name) is None
        ready = ready and other_dataset_found(name) is None and self._continue_needs is None
        first = (
            translate("TrainingPanel", "{title} is ready").format(title=TITLES[name])
            if ready
            else translate("TrainingPanel", "No run going")
        )
        continuable = self._continuable
        if continuable is not None and continuable[0].is_file():
            run = self._model_name(continuable[0])
            own = self._continuable_dataset
            if own is not None and own != name:  # Continue trains on its own data
                then = translate(
                    "TrainingPanel", "Continue trains {name} further, on {title}"
                ).format(name=run, title=TITLES.get(own, Path(own).name))
            else:
                then = translate("TrainingPanel", "Continue trains {name} further").format(name=run)
            return f"{first} · {then}"
        latest = self._latest_record()
        if latest is not None:
            then = translate("TrainingPanel", "the latest run, {started}: {title}").format(
                title=one_line(shown_title(latest, changes=False), 120),
                started=started_text(latest),
            )
            return f"{first} · {then}"
        if ready:
            return translate("TrainingPanel", "{title} is ready: press Train").format(
                title=TITLES[name]
            )
        return translate("TrainingPanel", "No run")

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
        if idle and self._headline == ("idle",):  # said before the runs were listed
            self._say_headline(self._headline)
            return
        if not (idle and fresh) or self.title.text() != self._first_title:
            return
        self._first_title = translate(
            "TrainingPanel", "No run yet in this window · the latest, {started}: {title}"
        ).format(
            title=one_line(shown_title(latest, changes=False), 120), started=started_text(latest)
        )
        self._set_title(self._first_title, tip=self._how_to_continue_latest())

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

    def _on_plot_resized(self, _event) -> None:
        # the redraw after a resize skips ``before_draw``: the key is fitted to the new width
        # here, and that redraw lays the figure out around it
        self.live.fit_key()

    def _on_plot_before_draw(self) -> set:
        self.live.update(self.curves)
        if self.live.fit_key():  # the key above the plots took more or fewer rows
            self.plot.relayout()
            return True
        return self.live.changed_axes  # drawn again; an empty set: the lines are blitted

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
        try:
            lr = self.live_lr.value()
            self.controller.set_learning_rate(lr)
        except NndeskError as err:
            self.lr_error.setText(user_message(err))
            return
        self.lr_error.setText("")
        self._sent({"lr": lr})
        self._live_lr = lr  # shown at once; the curve marks it at the batch that first uses it
        self._show_title()
        self._show_progress()

    def _show_coach(self) -> None:
        """The coach's most urgent hint about the running run, or nothing. After a run, what
        it saw stays said, without a fix button (there is no run to change), and after a run
        that saved its model the one-class-holds-the-mistakes hint (its button opens
        Mistakes)."""
        from dataclasses import replace

        from nndesk.coach import hints, mistakes_hint

        running = self.controller.is_running() and self._ended is None
        replay = self.controller.replay
        confusions = replay.confusions  # every epoch's: the hint holds on (hysteresis)
        last = self._last_batch
        lr = self._live_lr if self._live_lr is not None else (last.lr if last else None)
        names = class_names_shown(replay.class_names)
        if running:
            # until the new run has started, the curves are the last run's: no hint (nor a fix
            # that would change the new run) from them
            found = (
                hints(self.curves, self.controller.inside, lr, confusions, names, replay.split)
                if self._run is not None
                else []
            )
        else:
            done = (
                self._completed
                and not self.controller.is_running()
                and self.controller.model_path is not None
            )
            hint = mistakes_hint(confusions, names, replay.split) if done else None
            seen = hints(self.curves, self.controller.inside, lr) if self.curves.batch_x else []
            # the mistakes hint first: its button still does something after the run
            found = [hint] if hint is not None else []
            found += [replace(h, fix={}, fix_label="") for h in seen]
        self.coach_label.setVisible(bool(found))
        if not found:
            self.coach_button.hide()
            self._coach_fix = {}
            self._coach_class = None
            return
        hint = found[0]
        self.coach_label.setText(hint.message(lambda text: translate_marked("Coach", text)))
        self._coach_fix = dict(hint.fix)
        self._coach_class = hint.show_class
        if hint.show_class is not None:
            self.coach_button.setText(hint.button_text(lambda t: translate_marked("Coach", t)))
            # the Mistakes page shows the window's model: this run's once it is saved
            self.coach_button.setEnabled(not running)
            self.coach_button.setToolTip(
                translate(
                    "TrainingPanel",
                    "open the Mistakes page on this class's test images (once the run's model "
                    "is ready)",
                )
            )
        elif hint.fix:
            self.coach_button.setText(hint.button_text(lambda t: translate_marked("Coach", t)))
            self.coach_button.setEnabled(True)
            self.coach_button.setToolTip(
                translate(
                    "TrainingPanel", "apply the coach's suggested change to the running training"
                )
            )
        self.coach_button.setVisible(bool(hint.fix) or hint.show_class is not None)

    @Slot()
    def _on_coach_button_clicked(self) -> None:
        if self._coach_class is not None:
            self.mistakes_requested.emit(self._coach_class)
            return
        fix = dict(self._coach_fix)
        try:
            if "lr" in fix:
                lr = fix.pop("lr")
                self.controller.set_learning_rate(lr)
                self._sent({"lr": lr})
                self._live_lr = lr
                self.live_lr.set_value(lr)
            if fix:
                self.controller.change_settings(fix)
                self._sent(fix)
                self._run_settings.update(fix)
                self.form.set_steered(fix)
        except NndeskError as err:
            self.lr_error.setText(user_message(err))
            return
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
        try:
            wanted = self.form.steered_values()
            changes = {k: v for k, v in wanted.items() if self._run_settings.get(k) != v}
            if changes:
                self.controller.change_settings(changes)
        except NndeskError as err:
            self.lr_error.setText(user_message(err))
            return {}
        self.lr_error.setText("")
        self._sent(changes)
        self._run_settings.update(changes)
        if changes:

            def said(keys) -> str:
                return ", ".join(SettingChange(0, 1, 1, k, changes[k]).shown_text() for k in keys)

            # a batch size waits for the next epoch (its batches are drawn at the epoch's start)
            now = [k for k in changes if k != "batch_size"]
            if "batch_size" not in changes:
                line = translate("TrainingPanel", "From the next batch: {changes}")
            elif now:
                line = translate(
                    "TrainingPanel", "From the next batch: {changes}; from the next epoch: {later}"
                )
            else:
                line = translate("TrainingPanel", "From the next epoch: {later}")
            later = [k for k in changes if k == "batch_size"]
            self.status_message.emit(line.format(changes=said(now), later=said(later)))
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

    @Slot()
    def _on_save_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("TrainingPanel", "Save model"),
            save_start("model.npz"),
            file_filters.model_files(),
        )
        if path:
            remember_saved(path)
            try:
                source = self._model_to_save()
            except NndeskError as err:
                self.show_error(user_message(err))
                return
            self._write(lambda: copy_model(source, path), self._model_saved, self._model_unsaved)

    def _model_saved(self, saved: Path) -> None:
        self.status_message.emit(
            translate("TrainingPanel", "Model saved to {path}").format(path=saved)
        )

    def _model_unsaved(self, err: BaseException) -> None:
        if isinstance(err, OSError):
            self.show_error(
                translate("TrainingPanel", "could not save the model: {describe}").format(
                    describe=user_message(err)
                )
            )
        else:
            self.show_error(user_message(err))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("TrainingPanel", "Export curves"),
            save_start("curves.png"),
            file_filters.png_images(),
        )
        if path:
            remember_saved(path)
            runs = self._plotted()
            self._export(lambda: save_curves_png(runs, path))

    def _on_code_written(self, path: Path) -> None:
        self.status_message.emit(translate("TrainingPanel", "Wrote {path}").format(path=path))

    @Slot(object)
    def _on_runs_view_use_model_requested(self, path) -> None:
        self.load_model(path)

    @Slot()
    def _on_runs_view_export_png_requested(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("TrainingPanel", "Export curves"),
            save_start("runs.png"),
            file_filters.png_images(),
        )
        if path:
            remember_saved(path)
            records = self.runs_view.selected_records()
            if not records:  # the button is off then; the live curves are the page's
                runs = self._plotted()
                self._export(lambda: save_curves_png(runs, path))
                return
            # their curves are read (a listing keeps only their summaries) by the writer; a
            # damaged run has none to draw (its button is off when all selected are)
            records = [r for r in records if not r.is_damaged]
            self._export(lambda: save_curves_png(self._plotted(records), path))

    @Slot()
    def _on_runs_view_export_csv_requested(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("TrainingPanel", "Export history"),
            save_start("history.csv"),
            file_filters.csv_files(),
        )
        if path:
            remember_saved(path)
            records = self.runs_view.exportable_records()
            # copies: the running run's record keeps growing on this thread meanwhile; a listed
            # run's curves are read from its file by the writer (2,000 took seconds here)
            records = [
                dataclasses.replace(r, curves=r.curves.copy()) if r.curves_read else r
                for r in records
            ]
            self._export(lambda: atomic_write_text(path, history_csv(records)))

    def _export(self, action) -> None:
        """Write a file (``action()`` returns its path); the status line or a message says how
        it went."""
        self._write(action, self._exported, self._export_failed)

    def _write(self, action, on_done, on_failed) -> None:
        """Run ``action`` off the GUI thread when the page has a writer, else here; then
        ``on_done(result)`` or ``on_failed(error)`` on the GUI thread."""
        if self._writes is not None:
            self._writing[self._writes.submit(action)] = (on_done, on_failed)
            return
        try:
            result = action()
        except (NndeskError, OSError) as err:
            on_failed(err)
        else:
            on_done(result)

    def _exported(self, saved) -> None:
        self.status_message.emit(translate("TrainingPanel", "Saved {path}").format(path=saved))

    def _export_failed(self, err: BaseException) -> None:
        if isinstance(err, OSError):
            self.show_error(
                translate("TrainingPanel", "could not export: {describe}").format(
                    describe=user_message(err)
                )
            )
        else:
            self.show_error(translate("TrainingPanel", "could not export: {err}").format(err=err))

    @Slot(int, object)
    def _on_writes_done(self, token: int, result) -> None:
        if token in self._writing:
            self._writing.pop(token)[0](result)

    @Slot(int, object)
    def _on_writes_failed(self, token: int, err) -> None:
        if token in self._writing:
            self._writing.pop(token)[1](err)
