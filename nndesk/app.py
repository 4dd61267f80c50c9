"""Builds the QApplication, the MainWindow and the controllers, and wires them together.

The only module that knows every layer: widgets ask through signals, the coordinator below loads
files, models and datasets and hands the results back to the widgets and controllers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QEventLoop,
    QLocale,
    QObject,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QScreen
from PySide6.QtWidgets import QApplication, QMessageBox

from nndesk import preferences
from nndesk.controllers.background import BackgroundWrites
from nndesk.controllers.datasets import (
    DATASET_FOR_KIND,
    TITLES,
    DatasetLoader,
    copy_in_use,
    damaged_in_cache,
    forget_datasets,
    missing_dataset,
    missing_text,
)
from nndesk.controllers.downloads import DownloadController
from nndesk.controllers.evaluation import DatasetController, EvaluationController
from nndesk.controllers.explain import ExplainController
from nndesk.controllers.explore import ExploreController
from nndesk.controllers.prediction import PredictionController
from nndesk.controllers.race import RaceController
from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import TrainingController
from nndesk.controllers.trust import TrustController
from nndesk.errors import ConfigError, NndeskError, user_message
from nndesk.i18n import N_, QT_TRANSLATE_NOOP, localised
from nndesk.inference import Classifier, default_model_path, shipped_models
from nndesk.nn.serialization import OldModelFileWarning
from nndesk.paths import ASSETS_DIR
from nndesk.plain_text import one_line
from nndesk.preprocess import upscale_28
from nndesk.ui import file_dialogs, language, theme, warning_notes, whats_this, wheel_guard
from nndesk.ui.data_banner import DataBanner, DownloadDialog
from nndesk.ui.dataset_view import DatasetView
from nndesk.ui.evaluation_panel import EvaluationPanel
from nndesk.ui.inside_view import InsideView
from nndesk.ui.lab_view import LabView
from nndesk.ui.language import translate
from nndesk.ui.main_window import MainWindow
from nndesk.ui.map_view import MapView, MapViewState
from nndesk.ui.mistakes_view import MistakesView, MistakesViewState
from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.settings_dialog import SettingsDialog
from nndesk.ui.startup_objects import freeze_startup_objects
from nndesk.ui.status_line import show_status
from nndesk.ui.train_page_state import TrainPageState
from nndesk.ui.training_panel import TrainingPanel
from nndesk.ui.why_view import WhyView
from nndesk.ui.window_place import WindowPlace, place_from_numbers, place_of, put_in_place

ICON = ASSETS_DIR / "nndesk.png"
#: How long a warning of the core (a data folder of unpublished files) stays in the status line
WARNING_MS = 20_000


def _never_over_another_kind_of_file(path: str, job: Callable[[], object]):
    """``job`` preceded by the check that ``path`` is not an existing file of another kind."""

    def checked():
        from nndesk.nn.serialization import is_model_file

        if Path(path).is_file() and not is_model_file(path):
            raise ConfigError.of(
                N_(
                    "{path}: that file exists and is not an nndesk model; it was left as it is. "
                    "Save the model under another name"
                ),
                path=path,
            )
        return job()

    return checked


class Coordinator(QObject):
    """Answers the window's requests: models, image files, test images, mode switches, data."""

    data_changed = Signal()  # the datasets on this computer changed (folder chosen, downloaded)

    def __init__(
        self,
        window: MainWindow,
        prediction: PredictionController,
        loader: DatasetLoader,
        rng: np.random.Generator | None = None,
        downloads: DownloadController | None = None,
        writes: BackgroundWrites | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.prediction, self.loader = window, prediction, loader
        #: model files are written off the GUI thread (None: here); token -> path asked for
        self.writes = writes
        self._saving: dict[int, str] = {}
        if writes is not None:
            writes.done.connect(self._on_writes_done)
            writes.failed.connect(self._on_writes_failed)
        self.rng = rng if rng is not None else np.random.default_rng()
        self._wanted: tuple[str, int] | None = None  # (dataset, index) waiting for a load
        self.downloads = downloads or DownloadController(
            preferences.mirror, parent=window, damaged=damaged_in_cache
        )
        self.download_dialog: DownloadDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.downloads.finished.connect(self._on_downloads_finished)
        window.settings_requested.connect(self._on_window_settings_requested)
        window.add_shutdown_hook(self.downloads.shutdown)

        window.mode_change_requested.connect(self._on_window_mode_change_requested)
        window.model_file_requested.connect(self._on_window_model_file_requested)
        window.save_model_requested.connect(self._on_window_save_model_requested)
        window.image_file_requested.connect(self._on_window_image_file_requested)
        window.image_data_received.connect(self._on_window_image_data_received)
        window.test_image_requested.connect(self._on_window_test_image_requested)
        window.data_folder_chosen.connect(self._on_window_data_folder_chosen)
        window.theme_change_requested.connect(self._on_window_theme_change_requested)
        window.language_change_requested.connect(self._on_window_language_change_requested)
        self.language_box: QMessageBox | None = None
        # set by build_window: rebuild the window in language ``code``, keeping the work
        self.switch_language: Callable[[str], object] = lambda code: None
        # set by build_window: a run is training (or testing and saving its model)
        self.training_busy: Callable[[], bool] = lambda: False
        # set by build_window: the Lab page holds edits not saved to a file
        self.unsaved_lab_edits: Callable[[], bool] = lambda: False
        window.drawing_changed.connect(prediction.request)
        window.drawing_finished.connect(prediction.request_now)
        prediction.classifier_changed.connect(self._on_prediction_classifier_changed)
        prediction.classifier_changed.connect(window.show_classifier)
        # whether the data folder is there, found off the GUI thread (a network folder's stat
        # can hang): tag = the folder asked about, result = whether it is a folder
        self.folder_look = Delivery()
        self.folder_look.delivered.connect(self._on_folder_look_delivered)
        # the datasets read from nndesk's verified copy instead of a damaged file in the data
        # folder, found off the GUI thread too: tag = the folder, result = their names
        self.copy_look = Delivery()
        self.copy_look.delivered.connect(self._on_copy_look_delivered)
        self.name_data_folder()
        prediction.prediction_ready.connect(window.show_prediction)
        window.prediction_panel.bars.painted.connect(prediction.answer_painted)
        prediction.explanation_ready.connect(window.show_explanation)
        prediction.latency_measured.connect(window.show_latency)
        prediction.failed.connect(window.show_error)
        prediction.image_ready.connect(self._on_prediction_image_ready)
        prediction.image_failed.connect(self._on_prediction_image_failed)
        prediction.model_failed.connect(self._on_prediction_model_failed)
        loader.loaded.connect(self._on_loader_loaded)
        loader.failed.connect(self._on_loader_failed)
        window.add_shutdown_hook(prediction.shutdown)

    # ---- models -----------------------------------------------------------------------------
    def refresh_model_choices(self) -> None:
        self.window.set_model_choices(shipped_models(), preferences.recent_models())

    def default_classifier(self, kind: str) -> Classifier | None:
        """The shipped model for ``kind``, else the newest recent model of that kind."""
        candidates = [default_model_path(kind)] + preferences.recent_models()
        for path in candidates:
            if path is None:
                continue
            try:
                clf = Classifier.from_file(path)
            except NndeskError:
                continue
            if clf.preprocess_kind == kind:
                return clf
        return None

    def load_model(self, path: str) -> None:
        """Read ``path`` in the prediction worker; it is put in use, or a message says why not."""
        self.prediction.open_model(path)

    @Slot(object)
    def _on_warning_notes_said(self, warning: Warning) -> None:
        """A warning of the core (``NndeskWarning``) in the status line, in the window's
        language, instead of Python's two lines on stderr."""
        if isinstance(warning, OldModelFileWarning):
            return  # said in a message box when its model is put in use (header_checked)
        text = warning.args[0] if warning.args else str(warning)
        show_status(self.window, one_line(localised(text), 2000), WARNING_MS)

    @Slot(str)
    def _on_prediction_model_failed(self, message: str) -> None:
        self.window.show_model_in_use()  # not the name of the file that failed
        self.window.show_error(message, translate("Coordinator", "Cannot open model"))

    @Slot(object)
    def _on_prediction_classifier_changed(self, clf: Classifier | None) -> None:
        # any new model (picker, file, a finished training run): remember its file and follow
        # its kind, so a Fashion model never sits under the "Draw a digit" hint
        if clf is None:
            return
        if clf.path is not None and Path(clf.path).is_file():
            preferences.add_recent_model(clf.path)
            self.refresh_model_choices()
        if not clf.header_checked:  # it works; the user should know an edit would not show
            self.window.show_error(
                translate(
                    "Coordinator",
                    "{path} is an old (format 1) model file: its checksum does not cover its "
                    "header (layers, normalisation, class names), so an edit there would go "
                    "unnoticed. It is in use; save it again (Train > Save model…) to protect it.",
                ).format(path=clf.path),
                translate("Coordinator", "Old model file"),
            )
        if clf.preprocess_kind in ("digits", "garments"):
            if clf.preprocess_kind != self.window.mode():
                self.window.set_mode(clf.preprocess_kind, clear=False)
            # remembered even when the window is in its mode already: a run's live answers
            # switched it there before its model was put in use
            preferences.set_last_mode(clf.preprocess_kind)

    def start(self, mode: str) -> None:
        """First launch: the mode remembered last time and its default model."""
        self.window.set_mode(mode)
        self.refresh_model_choices()
        self.prediction.set_classifier(self.default_classifier(mode))
        QTimer.singleShot(0, self, self._tell_unread_settings)  # once the window is up

    def _tell_unread_settings(self) -> None:
        """Say once that the settings file was not read (a device, binary junk, not INI),
        and that it was left as it is; stderr alone reached nobody who opened the window."""
        notice = preferences.take_unread_notice()
        if notice is None:
            return
        path, problem, fallback = notice
        self.window.show_error(
            translate(
                "Coordinator",
                "Your settings were not read: {path} {problem}. The file was left as it is; "
                "this session starts from the default settings and keeps what you change in "
                "{fallback}.",
            ).format(path=path, problem=localised(problem), fallback=fallback),
            translate("Coordinator", "Settings not read"),
        )

    @Slot(str)
    def _on_window_mode_change_requested(self, mode: str) -> None:
        preferences.set_last_mode(mode)
        self.window.set_mode(mode)
        # the window is up: the model file (0.1 s for a shipped one) is read in the worker
        candidates = [default_model_path(mode), *preferences.recent_models()]
        self.prediction.open_first_of_kind(mode, [p for p in candidates if p is not None])

    @Slot(str)
    def _on_window_model_file_requested(self, path: str) -> None:
        self.load_model(path)

    @Slot(str)
    def _on_window_save_model_requested(self, path: str) -> None:
        from nndesk.nn.serialization import save_model

        clf = self.prediction.current()
        if clf is None:
            return
        # a model in use is never changed (training hands over snapshots): no copy is needed
        self._save(path, lambda: save_model(path, clf.model, clf.info))

    def _save(self, path: str, job) -> None:
        """Write a model file with ``job()`` (off the GUI thread when there is a writer); then
        it joins the recent models, or one message says why not. An existing file that is not
        an nndesk model is never replaced (the save dialog's "replace?" does not say what the
        file is: a drawing or notes given a model's name), as ``--out`` refuses it."""
        job = _never_over_another_kind_of_file(path, job)
        if self.writes is not None:
            self._saving[self.writes.submit(job)] = path
            return
        try:
            job()
        except (NndeskError, OSError) as err:
            self._on_writes_failed(None, err, path)
        else:
            self._on_writes_done(None, path, path)

    @Slot(int, object)
    def _on_writes_done(self, token, _result, path: str | None = None) -> None:
        path = path if token is None else self._saving.pop(token, None)
        if path is not None:
            preferences.add_recent_model(path)
            self.refresh_model_choices()

    @Slot(int, object)
    def _on_writes_failed(self, token, err, path: str | None = None) -> None:
        path = path if token is None else self._saving.pop(token, None)
        if path is not None:
            self.window.show_error(user_message(err), translate("Coordinator", "Cannot save model"))

    @Slot(str, object, dict)
    def save_edited_model(self, path: str, model, info: dict) -> None:
        """The Lab page's "Save as new model…": like File > Save model, and never over a
        shipped model."""
        from nndesk.inference import shipped_models
        from nndesk.nn.serialization import save_model
        from nndesk.paths import inside_installed_package

        target = Path(path).resolve()
        shipped = {p.resolve() for p in shipped_models()}
        if target in shipped or inside_installed_package(target):
            self.window.show_error(
                translate(
                    "Coordinator",
                    "{path} is a shipped model; save the edited copy under another name",
                ).format(path=path),
                translate("Coordinator", "Cannot save model"),
            )
            return
        self._save(path, lambda: save_model(path, model, info))

    # ---- images -----------------------------------------------------------------------------
    # decoded and fitted in the prediction worker: a large photo never freezes the window
    @Slot(str)
    def _on_window_image_file_requested(self, path: str) -> None:
        self.prediction.open_image(str(path), Path(path).name)

    @Slot(object)
    def _on_window_image_data_received(self, image) -> None:
        # bytes or a QImage, decoded and scaled in the prediction worker
        self.prediction.open_image(image, "pasted image")

    @Slot(object)
    def _on_prediction_image_ready(self, pixels: np.ndarray) -> None:
        self.window.set_canvas_image(pixels)
        self.prediction.request_now(self.window.canvas.array())

    @Slot(str)
    def _on_prediction_image_failed(self, message: str) -> None:
        self.window.show_error(message, translate("Coordinator", "Cannot open image"))

    # ---- test images ------------------------------------------------------------------------
    def _dataset_name(self) -> str:
        clf = self.prediction.current()
        if clf is not None and clf.dataset in TITLES:
            return clf.dataset
        return DATASET_FOR_KIND[self.window.mode()]

    @Slot(int)
    def _on_window_test_image_requested(self, index: int) -> None:
        name = self._dataset_name()
        self._wanted = (name, index)
        self.window.show_note(
            translate("Coordinator", "Loading the {title} test images...").format(
                title=TITLES.get(name, name)
            )
        )
        self.loader.request(name)  # memoised: instant after the first time

    @Slot(object)
    def _on_loader_loaded(self, dataset) -> None:
        if self._wanted is None or self._wanted[0] != dataset.name:
            return
        _, index = self._wanted
        self._wanted = None
        n = len(dataset.test_labels)
        if index < 0:
            index = int(self.rng.integers(n))
        if not 0 <= index < n:
            self.window.show_note("")
            self.window.show_error(
                translate(
                    "Coordinator", "test image {index} does not exist: the test set has {n}"
                ).format(index=index, n=n)
            )
            return
        # the model sees the test image itself, exactly as evaluation does
        self.show_on_canvas(dataset.test_images[index], int(dataset.test_labels[index]))
        self.show_test_caption(index, dataset.name)

    @Slot(object, int)
    def show_on_canvas(self, image28: np.ndarray, true_label: int) -> None:
        """Slot for pages' ``show_on_canvas_requested(image28, true_label)`` (Mistakes, Map,
        Dataset). The caption of the image there before goes with it; a test image's page then
        names it (``show_test_caption``)."""
        self.window.set_canvas_image(upscale_28(image28), true_label=int(true_label))
        self.window.show_note("")
        self.prediction.request_prepared(np.asarray(image28, np.float32))

    @Slot(int, str)
    def show_test_caption(self, index: int, name: str) -> None:
        """Slot for pages' ``test_image_shown(index, dataset)``, after the image is on the
        canvas: "Test #" and the caption under it say which test image it is."""
        self.window.test_index.setValue(index)
        if name:
            self.window.show_note(
                translate("Coordinator", "Test image {index} of {title}").format(
                    index=index, title=TITLES.get(name, name)
                )
            )

    @Slot(str, str, object)
    def _on_loader_failed(self, name: str, message: str, offer=None) -> None:
        if offer is not None:  # missing, or a file of it damaged (found by the loader)
            # keep the request: the image is shown once the download (or a folder) brings it
            self.window.show_note("")
            self.offer_download(name, message)
            return
        self._wanted = None
        self.window.show_note(message)
        self.window.show_error(message, translate("Coordinator", "Test images unavailable"))

    # ---- getting data -----------------------------------------------------------------------
    def connect_banner(self, banner: DataBanner) -> None:
        """Wire a page's missing-data banner to the one download controller and folder picker."""
        d = self.downloads
        banner.download_requested.connect(d.start)
        banner.cancel_requested.connect(d.cancel)
        banner.choose_folder_requested.connect(self.window.act_data_folder.trigger)
        # "Switch to Clothing": as the Mode menu does; the new mode's model finds its data
        banner.switch_requested.connect(self.window.mode_change_requested)
        d.started.connect(banner.on_download_started)
        d.progressed.connect(banner.on_download_progressed)
        d.finished.connect(banner.on_download_finished)
        d.failure_details.connect(banner.on_download_failure_details)
        d.failed.connect(banner.on_download_failed)
        d.cancelled.connect(banner.on_download_cancelled)
        if d.current() is not None:
            banner.on_download_started(d.current())

    @Slot(str, str)
    def offer_download(self, name: str, message: str = "") -> None:
        """A dialog offering to download dataset ``name`` (or to choose a folder)."""
        if self.download_dialog is None:
            self.download_dialog = DownloadDialog(self.window)
            self.connect_banner(self.download_dialog.banner)
        # without a message: what is missing, and from where (a folder may hold only some files)
        self.download_dialog.offer(message or missing_text(name), name)

    def _data_changed(self) -> None:
        forget_datasets()
        self.data_changed.emit()
        if self._wanted is not None:
            self.loader.request(self._wanted[0])  # the test image asked for before

    @Slot(str)
    def _on_downloads_finished(self, name: str) -> None:
        show_status(
            self.window,
            translate("Coordinator", "{title} downloaded and verified").format(
                title=TITLES.get(name, name)
            ),
        )
        self.name_data_folder()  # a verified copy may now be read instead of a damaged file
        self._data_changed()

    @Slot(str)
    def _on_window_theme_change_requested(self, name: str) -> None:
        preferences.set_theme(name)
        theme.apply_theme(QApplication.instance(), name)
        self.window.set_theme_choice(name)

    @Slot(str)
    def _on_window_language_change_requested(self, choice: str) -> None:
        """Remember the language and offer to switch now: the window is rebuilt in it, keeping
        the drawing, the model, the mode, the page and the Train page's last run. Asked in the
        language chosen, since that is the one the person reads. While a run trains the switch
        waits (the run would be lost); the choice then applies from the next start."""
        preferences.set_language(choice)
        self.window.set_language_choice(choice)
        code = language.resolve_language(choice, QLocale.system().uiLanguages())
        if code == language.current_language():
            return

        def say(text: str) -> str:
            return language.translate_in(code, "Language", text)

        box = QMessageBox(self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one is built per question
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(say(QT_TRANSLATE_NOOP("Language", "Language")))
        switch = None
        if self.training_busy():
            box.setText(
                say(
                    QT_TRANSLATE_NOOP(
                        "Language",
                        "A training run is in progress: switching the language now would end "
                        "it. nndesk speaks the new language from its next start; or stop the "
                        "run (its model is saved) and choose the language again.",
                    )
                )
            )
            box.addButton(QMessageBox.StandardButton.Ok)
        else:
            text = say(
                QT_TRANSLATE_NOOP(
                    "Language",
                    "Switch the window to the new language now? Your drawing, the model in "
                    "use, the mode, the page and the Train page's last run stay as they are.",
                )
            )
            if self.unsaved_lab_edits():
                text += " " + say(
                    QT_TRANSLATE_NOOP(
                        "Language",
                        "The Lab page's edits are not saved: they start again from the "
                        "original network (Save as new model keeps them).",
                    )
                )
            box.setText(text)
            switch = box.addButton(
                say(QT_TRANSLATE_NOOP("Language", "Switch now")),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(
                say(QT_TRANSLATE_NOOP("Language", "At next start")),
                QMessageBox.ButtonRole.RejectRole,
            )
        box.buttonClicked.connect(
            lambda button: self._on_language_box_clicked(switch is not None and button is switch)
        )
        self.language_box = box
        box.open()  # window-modal without blocking (tests drive it)

    def _on_language_box_clicked(self, switch: bool) -> None:
        if not switch:
            return
        code = language.resolve_language(preferences.language(), _ui_languages())
        # the rebuild takes the GUI thread for about a second: a wait cursor says it is working
        # (at once), and the rebuild starts once the question box has closed
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QTimer.singleShot(0, lambda: self._switch_under_wait_cursor(code))

    def _switch_under_wait_cursor(self, code: str) -> None:
        """``switch_language(code)``, then the cursor set by the click is restored, whatever
        happens (a refusing close guard, an error)."""
        try:
            # the box's place is painted over before the GUI thread is busy (no input handled)
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            self.switch_language(code)
        finally:
            QApplication.restoreOverrideCursor()

    @Slot(str)
    def _on_window_data_folder_chosen(self, folder: str) -> None:
        preferences.set_data_dir(folder)
        self.name_data_folder()
        dialog = self.download_dialog
        if dialog is not None and missing_dataset(dialog.banner.wanted_dataset()) is None:
            # the folder holds the offered data: the offer and any old failure in it go
            dialog.banner.clear()
            dialog.close()
        self._data_changed()

    def name_data_folder(self) -> None:
        """Name the data folder in use under the test-image row, for as long as it is in use
        (a mode switch once made it look forgotten), and a dataset of it read from nndesk's
        verified copy instead (a file of it there is damaged); nothing while the cache is
        used."""
        folder = preferences.data_dir()
        # the path on a line of its own: after "Thư mục dữ liệu: " the column's line broke
        # inside it ("…/fashion-" / "mnist")
        self.window.set_standing_note(
            translate("Coordinator", "Data folder:\n{folder}").format(folder=folder)
            if folder
            else ""
        )
        if folder:
            run_off_gui(
                QThreadPool.globalInstance(),
                self.folder_look,
                folder,
                lambda: os.path.isdir(folder),
            )
            run_off_gui(
                QThreadPool.globalInstance(),
                self.copy_look,
                folder,
                lambda: tuple(name for name in TITLES if copy_in_use(name)),
            )

    @Slot(object, object)
    def _on_folder_look_delivered(self, folder: str, there: bool | None) -> None:
        """Say under the canvas that the data folder named there is missing (a page that
        needs it says what to do)."""
        if there is False and folder == preferences.data_dir():
            self.window.set_standing_note(
                translate("Coordinator", "Data folder not found:\n{folder}").format(folder=folder)
            )

    @Slot(object, object)
    def _on_copy_look_delivered(self, folder: str, copies: tuple[str, ...] | None) -> None:
        """Say under the canvas which data is in use when a dataset is read from nndesk's
        verified copy, not from the data folder named there (Download left the user's damaged
        file as it is)."""
        if not copies or folder != preferences.data_dir():
            return
        note = translate("Coordinator", "Data folder:\n{folder}").format(folder=folder)
        for name in copies:
            note += "\n" + translate(
                "Coordinator",
                "{title} is read from nndesk's verified copy (a file of it in this folder is "
                "damaged)",
            ).format(title=TITLES.get(name, name))
        self.window.set_standing_note(note)

    @Slot()
    def _on_window_settings_requested(self) -> None:
        dialog = SettingsDialog(preferences.data_dir(), preferences.mirror(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one is built per opening
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        self.settings_dialog = dialog
        dialog.open()  # window-modal, without blocking (tests drive it)

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        folder, mirror = dialog.values()
        preferences.set_mirror(mirror)
        if folder != preferences.data_dir():
            if folder:
                self._on_window_data_folder_chosen(folder)
            else:
                preferences.set_data_dir(None)
                self.name_data_folder()
                self._data_changed()


@dataclass
class ModelHandover:
    """The models either side of a finished run's takeover: the one in use before the run
    (offered back by the notice's "Switch back to …") and the run's own."""

    before: Classifier | None = None
    trained: Classifier | None = None


@dataclass(frozen=True)
class Desk:
    """The window and everything ``build_window`` made for it: controllers first, then pages.

    Controllers are built here and handed to the pages, so no page builds its own; tests, the
    screenshots and the benchmarks reach a page or a controller through this, never through
    attributes set on the window.
    """

    window: MainWindow
    prediction: PredictionController
    explainer: ExplainController
    coordinator: Coordinator
    training: TrainingController
    race: RaceController
    evaluation: EvaluationController
    trust: TrustController
    explore: ExploreController
    datasets: DatasetController
    why_page: WhyView
    inside_page: InsideView
    train_page: TrainingPanel
    evaluate_page: EvaluationPanel
    mistakes_page: MistakesView
    dataset_page: DatasetView
    map_page: MapView
    lab_page: LabView
    handover: ModelHandover = field(default_factory=ModelHandover)


def build_window(mode: str | None = None, classifier: Classifier | None = None) -> Desk:
    """The window with its controllers and pages, wired; used by ``run``, the tests and the
    screenshots. ``classifier`` overrides the default model of ``mode`` (tests pass a tiny model).
    """
    wheel_guard.install()  # before any widget: the wheel scrolls forms, never edits a field
    whats_this.install()  # Shift+F1 on any control explains it (its tooltip at least)
    file_dialogs.install()  # Qt's file dialog: sizes in the window's language, words whole
    window = MainWindow()
    # -- controllers (each owning a thread registers its shutdown with the window) --------------
    prediction = PredictionController(window)
    writes = BackgroundWrites(window)  # exports and model files, off the GUI thread
    window.add_shutdown_hook(writes.shutdown)  # files the user asked for are finished first
    downloads = DownloadController(preferences.mirror, parent=window, damaged=damaged_in_cache)
    coordinator = Coordinator(
        window, prediction, DatasetLoader(window), downloads=downloads, writes=writes
    )
    training = TrainingController(parent=window)  # datasets via get_dataset, runs in runs_dir()
    race = RaceController(parent=window)  # the Train page's Race tab, same datasets and runs
    window.add_shutdown_hook(race.shutdown)
    evaluation = EvaluationController(parent=window)
    trust = TrustController(parent=window)
    explore = ExploreController(parent=window)
    datasets = DatasetController(parent=window)
    explainer = ExplainController(window)  # the Why page's slower maps and nearest images
    window.add_shutdown_hook(explainer.shutdown)
    window.add_shutdown_hook(evaluation.shutdown)
    window.add_shutdown_hook(trust.shutdown)
    window.add_shutdown_hook(explore.shutdown)
    window.add_shutdown_hook(datasets.shutdown)
    # -- pages --------------------------------------------------------------------------------
    desk = Desk(
        window=window,
        prediction=prediction,
        explainer=explainer,
        coordinator=coordinator,
        training=training,
        race=race,
        evaluation=evaluation,
        trust=trust,
        explore=explore,
        datasets=datasets,
        why_page=WhyView(explainer),
        inside_page=InsideView(),
        train_page=TrainingPanel(
            controller=training,
            race=race,
            writes=writes,
            runs=RunListReader(training.store),  # no Qt parent: see RunsView
            parent=window,
        ),
        evaluate_page=EvaluationPanel(evaluation, trust, writes),
        mistakes_page=MistakesView(evaluation),  # follows evaluation.finished itself
        dataset_page=DatasetView(datasets),
        map_page=MapView(explore),
        lab_page=LabView(explore),
    )
    # the core's warnings (a data folder of other files than the published ones) in the status
    # line, not on stderr
    warning_notes.install().said.connect(coordinator._on_warning_notes_said)
    coordinator.switch_language = lambda code: switch_language(desk, code)
    coordinator.training_busy = training.is_running
    coordinator.unsaved_lab_edits = desk.lab_page.has_unsaved_edits
    _wire_why_page(desk)
    _wire_inside_page(desk)
    _wire_train_page(desk)
    _wire_evaluation_pages(desk)
    mode = mode or preferences.last_mode()
    if classifier is None:
        coordinator.start(mode)
    else:
        window.set_mode(classifier.preprocess_kind)
        coordinator.refresh_model_choices()
        prediction.set_classifier(classifier)
    return desk


def _wire_why_page(desk: Desk) -> None:
    why, prediction = desk.why_page, desk.prediction
    prediction.classifier_changed.connect(why.set_classifier)
    prediction.prediction_ready.connect(why.set_prediction)
    desk.window.prediction_panel.bars.painted.connect(why.answer_painted)
    prediction.explanation_ready.connect(why.set_explanation)
    why.set_saliency_kind(preferences.saliency_kind())
    prediction.set_saliency_kind(preferences.saliency_kind())
    why.saliency_kind_changed.connect(prediction.set_saliency_kind)
    why.saliency_kind_changed.connect(preferences.set_saliency_kind)
    desk.explainer.failed.connect(desk.window.show_error)
    # nearest training images need the training set: the same banner as Evaluate and Dataset
    desk.coordinator.connect_banner(why.neighbours_banner)
    desk.coordinator.data_changed.connect(why.data_changed)
    desk.window.set_theme_choice(preferences.theme())  # View > Theme shows the saved one
    desk.window.set_language_choice(preferences.language())
    desk.window.add_page(why, "Why")


def _wire_inside_page(desk: Desk) -> None:
    inside_page, prediction = desk.inside_page, desk.prediction
    # layers are traced on the prediction worker, and only while the page is shown
    inside_page.wanted_changed.connect(prediction.set_inside_wanted)
    prediction.inside_ready.connect(inside_page.set_snapshot)
    desk.window.add_page(inside_page, "Inside")


def _wire_model_notice(desk: Desk) -> None:
    """A finished run's model takes over the window: say so, and keep the model in use before
    the run one click away ("Switch back to …")."""
    notice, prediction, training = desk.window.model_notice, desk.prediction, desk.training
    held = desk.handover

    def on_running_changed(running: bool) -> None:
        if running:
            current = prediction.current()
            # a run's model still on notice (neither kept nor switched away from) was never
            # chosen: after two weak runs the model before both stays one click back
            undecided = current is held.trained and notice.announcement() is not None
            if not (undecided and held.before is not None):
                held.before = current  # live snapshots replace it from now on
            notice.hide()  # the last run's news; this run's model is announced when it ends

    def on_model_ready(clf: Classifier) -> None:  # after the panel handed it to prediction
        held.trained = clf
        before = held.before
        accuracy = (clf.info.get("metrics") or {}).get("test_accuracy")
        notice.announce(accuracy, before.title if before is not None else None)

    def on_classifier_changed(clf: Classifier | None) -> None:
        if clf is not held.trained:
            notice.hide()  # another model was chosen: the note is old news
            saved = training.model_path  # set once the run's model is saved, before it is used
            ours = clf is not None and clf.path is not None and saved is not None
            ours = ours and Path(clf.path) == saved
            if training.is_running() and clf is not None and not ours:
                held.before = clf  # chosen during the run: the one to switch back to

    def on_switch_back() -> None:
        if held.before is not None:
            prediction.set_classifier(held.before)

    training.running_changed.connect(on_running_changed)
    training.model_ready.connect(on_model_ready)
    prediction.classifier_changed.connect(on_classifier_changed)
    notice.switch_back_requested.connect(on_switch_back)


def _wire_live_weights(desk: Desk) -> None:
    """While a run trains, the drawing is re-predicted with its newest weights and the picker
    and status bar say so. A model chosen meanwhile (picker, file, mode) is kept: later
    snapshots no longer replace it (a file that cannot be opened changes nothing). A run that
    ends without a saved model (it failed) gives the window back the model it had before,
    instead of leaving its last snapshot answering."""
    window, prediction, training = desk.window, desk.prediction, desk.training
    run = {"follow": False, "before": None, "live": False, "saved": False}
    run["follow_before_pick"] = False  # what "follow" was when a model file was picked

    def on_running_changed(running: bool) -> None:
        if running:
            run.update(follow=True, before=prediction.current(), live=False, saved=False)
            return
        if run["follow"] and run["live"] and not run["saved"]:
            prediction.set_classifier(run["before"])
        run.update(follow=False, before=None)

    def on_weights_updated(clf: Classifier) -> None:
        if run["follow"]:
            run["live"] = True
            # the window takes the run's mode (hint, pen), as it does for any model put in use:
            # a Fashion-MNIST run started in Digits mode answered under "Draw a digit 0-9"
            if clf.preprocess_kind in ("digits", "garments") and clf.preprocess_kind != (
                window.mode()
            ):
                window.set_mode(clf.preprocess_kind, clear=False)
            prediction.live_update(clf)
            window.show_training_network(clf)

    def on_model_ready(_clf: Classifier) -> None:
        run["saved"] = True

    def on_model_chosen(*_args) -> None:
        run.update(follow=False, follow_before_pick=False)

    def on_model_file_requested(_path: str) -> None:
        run.update(follow=False, follow_before_pick=run["follow"])

    def on_model_failed(_message: str) -> None:
        # a file picked during the run that could not be opened put nothing in use: the
        # training network goes on answering, as the picker says again
        if run["follow_before_pick"] and training.is_running():
            run["follow"] = True
        run["follow_before_pick"] = False

    def on_classifier_changed(_clf) -> None:
        run["follow_before_pick"] = False  # the picked file opened: the run is no longer followed

    training.running_changed.connect(on_running_changed)
    training.weights_updated.connect(on_weights_updated)
    training.model_ready.connect(on_model_ready)
    window.model_file_requested.connect(on_model_file_requested)
    window.mode_change_requested.connect(on_model_chosen)
    prediction.model_failed.connect(on_model_failed)
    prediction.classifier_changed.connect(on_classifier_changed)


def _wire_train_page(desk: Desk) -> None:
    window, train, prediction = desk.window, desk.train_page, desk.prediction
    window.add_page(train, "Train")
    # the Replay tab reads the drawing with each epoch's weights
    prediction.prediction_ready.connect(
        lambda p: train.replay_view.set_drawing(None if p is None else p.input_image)
    )
    _wire_live_weights(desk)
    # end of a run, or a model loaded on the page: everyone switches to it
    train.model_ready.connect(desk.prediction.set_classifier)
    # Delete… on the Runs tab says so when the run's model is the one answering
    train.runs_view.model_in_use = lambda: getattr(prediction.current(), "path", None)
    _wire_model_notice(desk)
    train.status_message.connect(lambda message: show_status(window, message))
    window.add_close_guard(train.confirm_close)  # "Stop training and quit?"
    train.data_missing.connect(desk.coordinator.offer_download)
    desk.coordinator.data_changed.connect(train.data_changed)  # "Needs a dataset" goes at once
    # missing data is said before Train is pressed, with the other pages' Download / folder
    desk.coordinator.connect_banner(train.data_banner)
    train.checks_data = True
    window.add_shutdown_hook(train.shutdown)  # stops and joins training on close
    window.mode_changed.connect(train.follow_mode)  # Digits trains on MNIST, Clothing on Fashion
    train.follow_mode(window.mode())
    train.check_data()


def _wire_evaluation_pages(desk: Desk) -> None:
    """Pages that show a model follow ``prediction.classifier_changed``; pages that can put a
    test image on the canvas send ``show_on_canvas_requested`` to the coordinator."""
    window, prediction = desk.window, desk.prediction
    evaluate_page, mistakes_page, dataset_page = (
        desk.evaluate_page,
        desk.mistakes_page,
        desk.dataset_page,
    )
    window.add_page(evaluate_page, "Evaluate")
    window.add_page(mistakes_page, "Mistakes")
    window.mode_changed.connect(mistakes_page.follow_mode)  # its empty bars name the mode's classes
    mistakes_page.follow_mode(window.mode())
    window.add_page(dataset_page, "Dataset")
    prediction.classifier_changed.connect(evaluate_page.set_classifier)
    prediction.classifier_changed.connect(dataset_page.set_classifier)

    def mistakes_follow_the_model(_classifier) -> None:
        # after the Evaluate page handed the controller the new model (connected above): the
        # Mistakes page on screen asks for its mistakes at once; the old model's leave it as
        # the evaluation starts. It kept showing them for as long as it stayed on screen.
        if mistakes_page.isVisible():
            desk.evaluation.ensure_current()

    prediction.classifier_changed.connect(mistakes_follow_the_model)
    evaluate_page.cell_clicked.connect(mistakes_page.show_cell)
    evaluate_page.cell_clicked.connect(lambda *_: window.tabs.setCurrentWidget(mistakes_page))

    def show_class_mistakes(true: int) -> None:  # the coach's "see them in Mistakes"
        mistakes_page.focus_class(true)
        window.tabs.setCurrentWidget(mistakes_page)

    desk.train_page.mistakes_requested.connect(show_class_mistakes)
    mistakes_page.saliency_requested.connect(prediction.request_saliency)
    prediction.saliency_ready.connect(mistakes_page.show_saliency)
    # the Why page's choice of saliency kind applies here too (prediction learns it first)
    desk.why_page.saliency_kind_changed.connect(mistakes_page.refresh_saliency)
    mistakes_page.show_on_canvas_requested.connect(desk.coordinator.show_on_canvas)
    dataset_page.show_on_canvas_requested.connect(desk.coordinator.show_on_canvas)
    for page in (mistakes_page, dataset_page):
        page.test_image_shown.connect(desk.coordinator.show_test_caption)
    _wire_explore_pages(desk)
    for page in (evaluate_page, dataset_page):  # missing-data banners: download, folder, retry
        desk.coordinator.connect_banner(page.message)
        desk.coordinator.data_changed.connect(page.data_changed)


def _wire_explore_pages(desk: Desk) -> None:
    """The Map and Lab pages work on the current evaluation (started when either is shown)."""
    window, evaluation = desk.window, desk.evaluation
    for page, title in ((desk.map_page, "Map"), (desk.lab_page, "Lab")):
        window.add_page(page, title)
        evaluation.finished.connect(page.set_result)
        page.shown.connect(evaluation.ensure_current)
        if evaluation.result() is not None:
            page.set_result(evaluation.result())
    desk.map_page.show_on_canvas_requested.connect(desk.coordinator.show_on_canvas)
    desk.map_page.test_image_shown.connect(desk.coordinator.show_test_caption)
    desk.lab_page.save_requested.connect(desk.coordinator.save_edited_model)
    evaluation.started.connect(desk.lab_page.evaluation_started)
    evaluation.failed.connect(desk.lab_page.evaluation_failed)

    def on_classifier_changed(_classifier) -> None:
        # another model: the pages drop the old one's evaluation (a Lab edit or a Save would
        # otherwise act on the old model) and one on screen asks for the new one's at once
        pages = (desk.map_page, desk.lab_page)
        shown = any(page.isVisible() for page in pages)
        for page in pages:
            page.set_result(None)
        if shown:
            evaluation.ensure_current()

    # after the Evaluate page handed the controller the new model (wired before this)
    desk.prediction.classifier_changed.connect(on_classifier_changed)


def _ui_languages() -> list[str]:
    return QLocale.system().uiLanguages()


@dataclass(frozen=True)
class WindowState:
    """What a person made in the window, carried into the window rebuilt in another language."""

    mode: str
    classifier: Classifier | None  # the very object: an unsaved model stays in use
    drawing: tuple  # DrawingCanvas.history(): the drawing with its undo and redo steps
    true_label: int | None  # of a test image on the canvas
    test_index: int
    pen: int
    overlay: bool
    page: int
    train: TrainPageState
    evaluation: object  # EvaluationResult | None: the report, not computed again
    place: WindowPlace  # where the window is, exactly (position, size, maximised)
    splitter: list[int] | None  # the drawing column's width, when the user dragged it
    visible: bool
    tools: tuple[bool, bool]  # the eraser and the fill tool, on or off
    notice: tuple | None  # the new-model note's (accuracy, previous title), None when hidden
    handover: ModelHandover  # the models the note switches between
    why_target: tuple  # the Why page's (class, contrast) choice
    map_view: MapViewState  # the Map page's choices and its drawn map
    mistakes: MistakesViewState  # the Mistakes page's filters and the image in its details


def capture_state(desk: Desk) -> WindowState:
    window = desk.window
    return WindowState(
        mode=window.mode(),
        classifier=desk.prediction.current(),
        drawing=window.canvas.history(),
        true_label=window.prediction_panel.true_label_index(),
        test_index=window.test_index.value(),
        pen=window.pen_slider.value(),
        overlay=window.overlay_check.isChecked(),
        page=window.tabs.currentIndex(),
        train=desk.train_page.page_state(),
        evaluation=desk.evaluation.result(),
        place=place_of(window),
        splitter=window.splitter_sizes_chosen(),
        visible=window.isVisible(),
        tools=(window.act_eraser.isChecked(), window.act_fill.isChecked()),
        notice=window.model_notice.announcement(),
        handover=desk.handover,
        why_target=desk.why_page.chosen_target(),
        map_view=desk.map_page.view_state(),
        mistakes=desk.mistakes_page.view_state(),
    )


def restore_state(desk: Desk, state: WindowState) -> None:
    window = desk.window
    window.pen_slider.setValue(state.pen)
    window.act_eraser.setChecked(state.tools[0])
    window.act_fill.setChecked(state.tools[1])
    window.test_index.setValue(state.test_index)
    window.overlay_check.setChecked(state.overlay)
    window.tabs.setCurrentIndex(state.page)
    desk.train_page.restore_page_state(state.train)
    desk.handover.before, desk.handover.trained = state.handover.before, state.handover.trained
    if state.notice is not None and state.classifier is state.handover.trained:
        # "Switch back to …" still works, and names the model in the new language ("lượt
        # chạy …"; the English title "run …" was kept)
        before = state.handover.before
        accuracy, title = state.notice
        window.model_notice.announce(accuracy, before.title if before is not None else title)
    desk.why_page.set_target(*state.why_target)
    desk.evaluation.adopt(state.evaluation)
    if state.evaluation is not None and desk.evaluation.result() is state.evaluation:
        desk.map_page.restore_view_state(state.map_view)  # the map drawn is not computed again
    desk.mistakes_page.restore_view_state(state.mistakes)
    window.canvas.restore_history(state.drawing)  # predicted again in the new language
    window.prediction_panel.set_true_label(state.true_label)
    window.choose_splitter_sizes(state.splitter)
    put_in_place(window, state.place)  # last: the notice strip may need its height


def switch_language(desk: Desk, code: str) -> Desk:
    """Rebuild the window in language ``code`` and put this one's work into it: the drawing
    (with undo), the model object in use, the mode, the page, the Train page's form and last
    run, the evaluation report. The old window closes (its threads stopped) once the new one
    is up. Callers make sure no run is training (``Coordinator`` asks first)."""
    state = capture_state(desk)
    before = language.current_language()
    language.use_language(code)
    new = build_window(mode=state.mode, classifier=state.classifier)
    restore_state(new, state)
    _open_desks.append(new)
    if state.visible:
        new.window.show()
    old = desk.window
    old.close()
    if not old.is_closed():  # a close guard said no (not while idle): keep the old window
        new.window.close()
        new.window.deleteLater()
        _open_desks.remove(new)
        language.use_language(before)
        return desk
    if desk in _open_desks:
        _open_desks.remove(desk)
    old.deleteLater()
    return new


_open_desks: list[Desk] = []  # windows rebuilt by switch_language live as long as they are open


#: The first window's size when the screen has room for it (later: the size the user left).
FIRST_SIZE = QSize(1280, 760)
#: Pixels kept free above the first window for the window manager's title bar.
TITLE_BAR_ALLOWANCE = 32


def first_window_size(screen: QScreen | None) -> QSize:
    """``FIRST_SIZE``, shrunk to the screen's free area (a 1024x700 laptop, a panel at the
    bottom) so the first window never opens larger than the screen."""
    if screen is None:
        return FIRST_SIZE
    free = screen.availableGeometry().size()
    # resize() sizes the inside of the window: leave room for the title bar above it
    return FIRST_SIZE.boundedTo(QSize(free.width(), free.height() - TITLE_BAR_ALLOWANCE))


def run(data_dir: str | None = None) -> int:
    """Open the window (with the datasets in ``data_dir`` for this session, if given); returns
    the exit code of the Qt event loop."""
    if data_dir is not None:
        preferences.use_data_dir_for_session(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("nndesk")
    app.setOrganizationName("nndesk")
    if ICON.is_file():
        app.setWindowIcon(QIcon(str(ICON)))
    theme.apply_theme(app, preferences.theme())
    language.use_language(language.resolve_language(preferences.language(), _ui_languages()))
    freeze_startup_objects()  # before the window, which must stay collectable
    window = build_window().window
    numbers = preferences.window_place()
    place = place_from_numbers(numbers) if numbers is not None else None
    if place is not None:
        put_in_place(window, place)  # where it closed, kept on today's screen
    elif (geometry := preferences.window_geometry()) is not None:  # saved by an older version
        window.restoreGeometry(geometry)
    else:
        window.resize(first_window_size(app.primaryScreen()))
    window.show()
    return app.exec()
