"""The Coordinator: answers the window's requests (models, image files, test images, mode
switches, data, settings, theme) by loading in the workers and handing the results back to the
window and the controllers. View > Language's question and switch are ``LanguageSwitch``'s
(language_switch.py); the coordinator connects it."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication

from nndesk import preferences
from nndesk.app.language_switch import LanguageSwitch
from nndesk.controllers.background import BackgroundWrites
from nndesk.controllers.datasets import (
    DATASET_FOR_KIND,
    TITLES,
    DatasetLoader,
    copy_in_use,
    damaged_in_cache,
    folder_state,
    folder_unfit,
    forget_datasets,
    missing_dataset,
    missing_text,
    other_dataset_found,
    other_dataset_held,
    sub_folders_held,
)
from nndesk.controllers.downloads import DownloadController
from nndesk.controllers.prediction import PredictionController
from nndesk.errors import ConfigError, NndeskError, user_message
from nndesk.i18n import N_, localised, shown
from nndesk.inference import Classifier, mode_models, shipped_models
from nndesk.model_labels import ModelFacts
from nndesk.model_list import (
    ModelInUse,
    ModelListing,
    Signature,
    look_at_model_in_use,
    look_at_models,
)
from nndesk.nn.serialization import OldModelFileWarning
from nndesk.plain_text import one_line
from nndesk.preprocess import upscale_28
from nndesk.ui import theme
from nndesk.ui.data_banner import DataBanner, DownloadDialog
from nndesk.ui.data_folder_note import data_folder_note, environment_note
from nndesk.ui.language import translate
from nndesk.ui.main_window import MainWindow
from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.settings_dialog import SettingsDialog
from nndesk.ui.status_line import show_saved, show_status

#: How long a warning of the core (a data folder of unpublished files) stays in the status line
WARNING_MS = 20_000


def _never_over_another_kind_of_file(path: str, job: Callable[[], object]):
    """``job`` preceded by the checks that ``path`` is not an existing file of another kind
    nor in the shipped models' folder (walk54b D0: File > Save model as… replaced the
    checkout's mnist-cnn.npz with an MLP in silence; only the Lab's save refused it)."""

    def checked():
        from nndesk.nn.serialization import is_model_file
        from nndesk.paths import refuse_shipped_place

        refuse_shipped_place(path)

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
        #: mode -> the model file last picked in it (the Model box, File > Open, Recent models,
        #: Load model, Runs > Use model, a run's model put in use there): a visit to the other
        #: mode brought back the mode's default instead (walk48 D11, a run's model: s58);
        #: remembered for the next launch (``remember_mode_model``). A model the mode fell back
        #: to (its default damaged) was not picked: the default is tried again at the next visit.
        self.mode_models: dict[str, str] = preferences.mode_models()
        self._pick_pending = False  # a model file was asked for and has not answered yet
        #: set by the wiring: puts the running run's network back in use when ``mode`` is the
        #: run's mode (True), instead of the mode's model (walk67 #10)
        self.run_takes_mode: Callable[[str], bool] = lambda _mode: False
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
        window.dataset_folder_chosen.connect(self._on_window_dataset_folder_chosen)
        # each mode has its own data folder (walk48 D2): the note names the new mode's
        window.mode_changed.connect(lambda _mode: self.name_data_folder())
        window.theme_change_requested.connect(self._on_window_theme_change_requested)
        # View > Language: the question "switch now?" and the switch (language_switch.py)
        self.language_switch = LanguageSwitch(window)
        window.language_change_requested.connect(self.language_switch.ask)
        window.drawing_changed.connect(self._on_window_drawing_changed)
        # another picture on the canvas (drawn, opened, a page's): a test image asked for
        # before, still waiting for its data, must not replace it when the data comes
        window.drawing_changed.connect(self._drop_wanted)
        window.drawing_finished.connect(prediction.request_now)
        prediction.classifier_changed.connect(self._on_prediction_classifier_changed)
        prediction.classifier_changed.connect(window.show_classifier)
        prediction.model_loading.connect(window.show_model_loading)
        # whether the data folder is there, found off the GUI thread (a network folder's stat
        # can hang): tag = the folder asked about, result = whether it is a folder
        self.folder_look = Delivery()
        self.folder_look.delivered.connect(self._on_folder_look_delivered)
        # the datasets read from nndesk's verified copy instead of the data folder (lacking,
        # other or damaged files), found off the GUI thread too: tag = the folder, result =
        # (name, why) pairs
        self.copy_look = Delivery()
        self.copy_look.delivered.connect(self._on_copy_look_delivered)
        # whether a folder chosen holds the dataset the download dialog offers (stats)
        self.offer_look = Delivery()
        self.offer_look.delivered.connect(self._on_offer_look_delivered)
        # whether a folder chosen for one dataset holds the other's (then it is that one's too)
        self.held_look = Delivery()
        self.held_look.delivered.connect(self._on_held_look_delivered)
        # the datasets in sub-folders of the data folder (mnist/, fashion-mnist/), said after
        # it (walk72 F8): tag = the folder, result = (title, sub-folder) pairs
        self.sub_look = Delivery()
        self.sub_look.delivered.connect(self._on_sub_look_delivered)
        self._sub_folders: tuple[str, tuple] = ("", ())
        # a settings write that did not get in (a full disk): one line, once a session
        preferences.saving.unsaved.connect(self._on_preferences_unsaved)
        self.name_data_folder()
        # the Model box's files looked at off the GUI thread (model_list): which recent models
        # exist, what each listed path resolves to, and what each model is, read from its
        # header: path (as listed; a model put in use: resolved) -> ModelFacts
        self._model_facts: dict[str, ModelFacts] = {}
        #: listed path -> its Signature when its header was read (facts or refused): a file
        #: changed since (saved over, damaged) is read again by the next listing
        self._read_as: dict[str, Signature | None] = {}
        #: listed path -> one line why its header was refused: the box marks it damaged
        self._refused: dict[str, str] = {}
        #: path -> (its Signature, one line why, as data: ``i18n.localised`` says it) when a
        #: read of the whole file failed (weights edited, the header intact): marked damaged
        #: while the newest listing finds it so; kept across a language switch
        #: (``damaged_reads``), as no listing finds it again
        self._load_failed: dict[str, tuple[Signature | None, str]] = {}
        self._signatures: dict[str, Signature | None] = {}  # the newest listing's
        self._resolved: dict[str, str] = {}  # listed path -> resolved path
        self._shipped: list[Path] = []
        self._recent_found: list[Path] = []  # the newest listing's existing recent models
        self._listings_asked = 0
        self._listing_shown = 0  # the newest listing delivered: an older one is dropped
        self.listing_look = Delivery()
        self.listing_look.delivered.connect(self._on_listing_look_delivered)
        # a model put in use: its file resolved for the recent models, off the GUI thread
        self.in_use_look = Delivery()
        self.in_use_look.delivered.connect(self._on_in_use_look_delivered)
        prediction.prediction_ready.connect(window.show_prediction)
        prediction.input_prepared.connect(window.show_prepared_input)  # no model answers
        window.prediction_panel.bars.painted.connect(prediction.answer_painted)
        prediction.explanation_ready.connect(window.show_explanation)
        prediction.latency_measured.connect(window.show_latency)
        prediction.failed.connect(window.show_error)
        prediction.image_ready.connect(self._on_prediction_image_ready)
        prediction.image_failed.connect(self._on_prediction_image_failed)
        prediction.model_failed.connect(self._on_prediction_model_failed)
        prediction.model_refused.connect(self._on_prediction_model_refused)
        prediction.picked_model_gone.connect(self._on_prediction_picked_model_gone)
        # back from another program, where a listed model file may have been saved over or
        # damaged: the Model box looks at its files again (off the GUI thread)
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_application_state_changed)
        loader.loaded.connect(self._on_loader_loaded)
        loader.failed.connect(self._on_loader_failed)
        window.add_shutdown_hook(prediction.shutdown)

    # ---- models -----------------------------------------------------------------------------
    def refresh_model_choices(self) -> None:
        """Fill the Model box at once with the shipped models and the recent ones last found;
        which remembered recent models exist, and what each file is (dataset, layers,
        accuracy, mode: read from its header once per file), is looked at off the GUI thread,
        and the box is filled again (a recent model on a network drive that stops answering
        never holds up the window)."""
        shipped, remembered = shipped_models(), preferences.recent_model_entries()
        self._shipped = shipped
        self._show_model_choices()
        self._listings_asked += 1
        known = dict(self._read_as)
        run_off_gui(
            QThreadPool.globalInstance(),
            self.listing_look,
            self._listings_asked,
            lambda: look_at_models(shipped, remembered, known, preferences.RECENT_LIMIT),
        )

    def _show_model_choices(self) -> None:
        self.window.set_model_choices(
            self._shipped, self._recent_found, self._model_facts, self._resolved, self._damaged()
        )

    def _damaged(self) -> dict[str, str]:
        """Listed path -> one line why it cannot be used: its header refused, or a read of the
        file as the newest listing found it failed."""
        damaged = dict(self._refused)
        for path, (found, line) in self._load_failed.items():
            if found is not None and self._signatures.get(path) == found:
                damaged.setdefault(path, localised(line))  # in the window's language now
        return damaged

    def damaged_reads(self) -> dict[str, tuple[Signature | None, str]]:
        """The model files a read of the whole file refused (``_load_failed``): the window
        rebuilt in another language marks them too. Only a read finds them (the header reads),
        and the new window reads only the model in use: the other mode's edited model was
        listed as a good one after a language switch."""
        return dict(self._load_failed)

    def adopt_damaged_reads(self, reads: dict[str, tuple[Signature | None, str]]) -> None:
        """Mark the files ``damaged_reads`` of another window found (while the listing finds
        them unchanged); a read here since knows better."""
        for path, read in reads.items():
            self._load_failed.setdefault(path, read)
        self._show_model_choices()

    @Slot(object, object)
    def _on_listing_look_delivered(self, asked: int, listing: ModelListing | None) -> None:
        if listing is None or asked < self._listing_shown:
            return  # a newer listing was shown: it read every file this one read, or newer
        self._listing_shown = asked
        for path in listing.refused:  # what the file said it was is no longer so
            self._model_facts.pop(path, None)
            self._model_facts.pop(self._resolved.get(path, path), None)
        for path in listing.facts:
            self._refused.pop(path, None)
        self._refused.update(listing.refused)
        self._model_facts.update(listing.facts)
        for path in [*listing.facts, *listing.refused]:
            self._read_as[path] = listing.signatures.get(path)
        self._signatures = dict(listing.signatures)
        self._resolved.update(listing.resolved)
        if asked == self._listings_asked:  # an older listing may not have a recent model since
            self._recent_found = listing.recent
        self._show_model_choices()

    @Slot(str, object, str)
    def _on_prediction_model_refused(self, path: str, found: object, line: str) -> None:
        """A model file a read could not use: marked damaged in the Model box while it stays
        that file (the listing looks at it again, off the GUI thread)."""
        self._load_failed[path] = (found if isinstance(found, tuple) else None, line)
        self.refresh_model_choices()

    @Slot(Qt.ApplicationState)
    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.refresh_model_choices()

    def open_mode_model(self, mode: str) -> None:
        """Put in use the model last picked in ``mode`` this session, else the shipped model
        for ``mode`` (the best that reads: a damaged default gives way to the mode's other
        shipped model), else the newest recent model of it, read in the prediction worker: the
        window is up and takes strokes meanwhile, and a slow, huge or damaged file never holds
        up the start (a damaged one is said once, with the model used instead)."""
        picked = self.mode_models.get(mode)
        candidates = [*([picked] if picked else []), *mode_models(mode)]
        candidates += preferences.recent_model_entries()
        self.prediction.open_first_of_kind(mode, candidates, picked=picked is not None)

    def remember_mode_model(self, mode: str, path: str | None) -> None:
        """``path`` is ``mode``'s model from now on, at this launch and the next; None: the
        mode's default again."""
        if mode not in preferences.MODES:
            return
        if path is None:
            self.mode_models.pop(mode, None)
        else:
            self.mode_models[mode] = path
        preferences.set_mode_model(mode, path)

    @Slot(str, object)
    def _on_prediction_picked_model_gone(self, path: str, used: Classifier | None) -> None:
        """The model last picked in the mode is gone (deleted with its run, its drive
        unplugged): the mode's default answers, and one line says so; it is forgotten."""
        for mode, picked in list(self.mode_models.items()):
            if picked == path:
                self.remember_mode_model(mode, None)
        text = (
            translate("Coordinator", "{path} is no longer there; using {model} instead.")
            if used is not None
            else translate("Coordinator", "{path} is no longer there.")
        )
        model = used.title if used is not None else ""
        show_status(self.window, text.format(path=path, model=model), WARNING_MS)

    def mode_model_path(self, mode: str) -> str | None:
        """The model file ``open_mode_model`` tries first: the one last picked in ``mode``
        this session, else the mode's default shipped model; None if neither."""
        first = self.mode_models.get(mode) or next(iter(mode_models(mode)), None)
        return None if first is None else str(first)

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
        self._pick_pending = False
        self.window.show_model_in_use()  # not the name of the file that failed
        self.window.show_error(message, translate("Coordinator", "Cannot open model"))

    @Slot(object)
    def _on_prediction_classifier_changed(self, clf: Classifier | None) -> None:
        # any new model (picker, file, a finished training run): remember its file and follow
        # its kind, so a Fashion model never sits under the "Draw a digit" hint
        if clf is None:
            return
        if clf.path is not None:
            self._remember_model_file(str(clf.path), ModelFacts.of_info(clf.info))
            # a folder model (no mode of its own) is the model of the mode it was picked in
            # (walk56v: remembered under its file's "digits", Clothing lost it at a round trip)
            picked_in = clf.mode if clf.mode is not None else self.window.mode()
            if self._pick_pending and picked_in in ("digits", "garments"):
                self.remember_mode_model(picked_in, str(clf.path))
        self._pick_pending = False
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
        mode = clf.mode  # None: an image-folder model answers in the mode the window is in
        if mode in ("digits", "garments"):
            if mode != self.window.mode():
                self.window.set_mode(mode, clear=False)
            # remembered even when the window is in its mode already: a run's live answers
            # switched it there before its model was put in use
            preferences.set_last_mode(mode)

    @Slot(object, object)
    def _on_in_use_look_delivered(self, asked, found: ModelInUse | None) -> None:
        path, facts = asked
        if found is None or found.path is None:
            return  # not a file (a snapshot's path): not a recent model
        preferences.remember_recent_model(found.path, found.gone)
        self._resolved[path] = found.path
        if facts is not None:  # from the header read to put it in use (it may be a new save)
            self._model_facts[found.path] = facts
        self.refresh_model_choices()

    def start(self, mode: str) -> None:
        """First launch: the mode remembered last time and its default model."""
        self.window.set_mode(mode)
        self.refresh_model_choices()
        self.open_mode_model(mode)
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
                "Your settings were not read: {path} {problem}. It was left as it is; "
                "this session starts from the default settings and keeps what you change in "
                "{fallback}.",
            ).format(path=path, problem=localised(problem), fallback=fallback),
            translate("Coordinator", "Settings not read"),
        )

    @Slot(str, str)
    def _on_preferences_unsaved(self, path: str, reason: str) -> None:
        """The walk52 D12 case: a full disk kept the theme and mode chosen from the next start,
        and nothing said so. One line in the status bar says it, when it happens."""
        text = (
            translate(
                "Coordinator",
                "Your settings could not be saved in {path} ({reason}); what you change now is "
                "forgotten when nndesk closes.",
            )
            if reason
            else translate(
                "Coordinator",
                "Your settings could not be saved in {path}; what you change now is forgotten "
                "when nndesk closes.",
            )
        )
        show_status(self.window, text.format(path=path, reason=reason), WARNING_MS)

    @Slot(str)
    def _on_window_mode_change_requested(self, mode: str) -> None:
        self._pick_pending = False  # the mode's model is asked for instead
        preferences.set_last_mode(mode)
        self.window.set_mode(mode)
        if not self.run_takes_mode(mode):  # back in a training run's mode: its network answers
            self.open_mode_model(mode)

    @Slot(str)
    def _on_window_model_file_requested(self, path: str) -> None:
        self._pick_pending = True
        self.load_model(path)

    @Slot(object)
    def use_picked(self, clf: Classifier) -> None:
        """Put in use a model the user picked elsewhere than the Model box (Train > Load
        model…, Runs > Use model): it is the mode's model from now on, as a Model box pick."""
        self._pick_pending = True
        self.prediction.set_classifier(clf)

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
            self._remember_model_file(str(path))
            show_saved(self.window, path, model=True)  # it said nothing (walk62 D15)

    @Slot(object)
    def model_measured(self, clf: Classifier) -> None:
        """Evaluate wrote the test figure of a run quit before its test into its model file
        (``late_test``): the Model box and the status bar say it instead of "untested"."""
        if clf.path is not None:
            self._remember_model_file(str(clf.path), ModelFacts.of_info(clf.info))
        self.window.show_test_accuracy(clf)

    def _remember_model_file(self, path: str, facts: ModelFacts | None = None) -> None:
        """``path`` joins the recent models once it is looked at off the GUI thread (resolved,
        and the recent models that are gone dropped); ``facts``: what it is, when known."""
        remembered = preferences.recent_model_entries()
        run_off_gui(
            QThreadPool.globalInstance(),
            self.in_use_look,
            (path, facts),
            lambda: look_at_model_in_use(path, remembered),
        )

    @Slot(int, object)
    def _on_writes_failed(self, token, err, path: str | None = None) -> None:
        path = path if token is None else self._saving.pop(token, None)
        if path is not None:
            self.window.show_error(user_message(err), translate("Coordinator", "Cannot save model"))

    @Slot(str, object, dict)
    def save_edited_model(self, path: str, model, info: dict) -> None:
        """The Lab page's "Save as new model…": like File > Save model (never over a shipped
        model, ``_save``)."""
        from nndesk.nn.serialization import save_model

        self._save(path, lambda: save_model(path, model, info))

    # ---- images -----------------------------------------------------------------------------
    # decoded and fitted in the prediction worker: a large photo never freezes the window
    @Slot(str)
    def _on_window_image_file_requested(self, path: str) -> None:
        self._drop_wanted()  # the image opened is what the person wants now
        # named by its whole path, as a model file that cannot be opened is (walk51 D14: the
        # image's message named the file alone, the model's its path)
        self.prediction.open_image(str(path), str(path))

    @Slot(object)
    def _on_window_image_data_received(self, image) -> None:
        # bytes or a QImage, decoded and scaled in the prediction worker
        self._drop_wanted()
        # named in the window's language: its messages are Vietnamese lines (walk55b D5)
        self.prediction.open_image(image, shown(N_("pasted image")))

    @Slot(object)
    def _on_prediction_image_ready(self, pixels: np.ndarray) -> None:
        self.window.set_canvas_image(pixels)
        # the caption of a test image there before goes with it (walk54b D4), as with a page's
        # image (``show_on_canvas``)
        self.window.show_note("")
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
        self._ask_test_image(self._dataset_name(), index)

    def _ask_test_image(self, name: str, index: int) -> None:
        """Show test image ``index`` (-1: a random one) of dataset ``name`` once it is read."""
        self._wanted = (name, index)
        self.window.show_note(
            translate("Coordinator", "Loading the {title} test images...").format(
                title=TITLES.get(name, name)
            )
        )
        self.loader.request(name)  # memoised: instant after the first time

    @Slot()
    def _drop_wanted(self) -> None:
        """Forget the test image waiting for its data (its offer closed, or the canvas
        changed since): the data, when it comes, no longer replaces the canvas."""
        self._wanted = None

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
        # the canvas change asks for the prediction: of the test image itself
        # (_on_window_drawing_changed), exactly as evaluation reads it
        self.window.set_canvas_image(
            upscale_28(image28), true_label=int(true_label), image28=np.asarray(image28)
        )
        self.window.show_note("")

    @Slot(object)
    def _on_window_drawing_changed(self, pixels: np.ndarray) -> None:
        """Predict the canvas: a test image put there (and shown again unchanged, after Undo,
        a mode switch back or a language switch) as the test image itself, anything else as
        a drawing. Enlarged and read back as a drawing, a test image gives another 28x28 and
        another answer."""
        image28 = self.window.test_image_on_canvas(pixels)
        if image28 is None:
            self.prediction.request(pixels)
        else:
            self.prediction.request_prepared(image28)

    @Slot(int, str)
    def show_test_caption(self, index: int, name: str, kind: str = "", level: float = 0.0) -> None:
        """Slot for pages' ``test_image_shown(index, dataset)``, after the image is on the
        canvas: "Test #" and the caption under it say which test image it is; ``kind`` and
        ``level``: the damage the robustness test gave it (the canvas shows it damaged)."""
        from nndesk.robustness_figure import damage_words

        if index >= 0:
            self.window.test_index.setValue(index)
        if not name or index < 0:
            if kind:  # an image folder's held-out image: no "Test #" of the test images
                self.window.show_note(
                    translate("Coordinator", "Damaged: {damage}").format(
                        damage=damage_words(kind, level)
                    )
                )
            return
        text = translate("Coordinator", "Test image {index} of {title}").format(
            index=index, title=TITLES.get(name, name)
        )
        if kind:
            text = translate("Coordinator", "Test image {index} of {title}, damaged: {damage}")
            text = text.format(
                index=index, title=TITLES.get(name, name), damage=damage_words(kind, level)
            )
        noted = (index, name, kind, level) if kind else (index, name)
        self.window.show_note(text, test_image=noted)

    @Slot(object, str, float, str)
    def show_damaged_image(self, example, kind: str, level: float, dataset: str) -> None:
        """Slot for the Evaluate page's ``damage_image_chosen``: the damaged test image on the
        canvas, read exactly as the robustness test gave it to the model, and named with its
        damage under it (fixI #1)."""
        self.show_on_canvas(np.asarray(example.image, np.float32), int(example.label))
        self.show_test_caption(int(example.index), dataset, kind, level)

    @Slot(str, str, object)
    def _on_loader_failed(self, name: str, message: str, offer=None) -> None:
        if offer is not None:  # missing, or a file of it damaged (found by the loader)
            # keep the request: the image is shown once the download (or a folder) brings it
            self.window.show_note("")
            self.offer_download(name, message, offer.details)
            return
        self._wanted = None
        self.window.show_note(message)
        self.window.show_error(message, translate("Coordinator", "Test images unavailable"))

    # ---- getting data -----------------------------------------------------------------------
    def connect_banner(self, banner: DataBanner, on_switch=None) -> None:
        """Wire a page's missing-data banner to the one download controller and folder picker;
        ``on_switch(mode)`` answers its "Switch to Clothing" (default: as the Mode menu)."""
        d = self.downloads
        banner.download_requested.connect(d.start)
        banner.cancel_requested.connect(d.cancel)
        # the folder of the dataset the banner offers, whatever the window's mode (walk55b D1:
        # the Train form's Fashion-MNIST folder chosen in Digits pushed out MNIST's)
        banner.choose_folder_requested.connect(partial(self._choose_folder_for, banner))
        banner.watch_mode(self.window.mode)  # no "Switch to Digits" while in Digits
        self.window.mode_changed.connect(banner.mode_changed)
        banner.mirror_settings_requested.connect(self.open_mirror_settings)
        banner.watch_failures(d.failure)  # a banner shown after a failed download says it
        # "Switch to Clothing": as the Mode menu does; the new mode's model finds its data
        banner.switch_requested.connect(on_switch or self.window.mode_change_requested)
        d.started.connect(banner.on_download_started)
        d.progressed.connect(banner.on_download_progressed)
        d.finished.connect(banner.on_download_finished)
        d.failure_details.connect(banner.on_download_failure_details)
        d.failed.connect(banner.on_download_failed)
        d.failure_reworded.connect(banner.on_failure_reworded)
        d.cancelled.connect(banner.on_download_cancelled)
        if d.current() is not None:
            banner.on_download_started(d.current())

    @Slot(str, str)
    def offer_download(self, name: str, message: str = "", details: str = "") -> None:
        """A dialog offering to download dataset ``name`` (or to choose a folder);
        ``details``: the long account behind ``message`` (a damaged file's reason, folder)."""
        if self.download_dialog is None:
            self.download_dialog = DownloadDialog(self.window)
            self.connect_banner(self.download_dialog.banner, self._on_dialog_switch_requested)
            self.download_dialog.dismissed.connect(self._drop_wanted)
        # without a message: what is missing, and from where (a folder may hold only some files)
        text = message or missing_text(name)
        self.download_dialog.offer(text, name, details, other_dataset_found(name))

    @Slot(str)
    def _on_dialog_switch_requested(self, mode: str) -> None:
        """ "Switch to Clothing" in the "Dataset needed" dialog: it offered the old mode's
        data, so it goes; the test image it was waiting for is shown from the new mode's
        (walk49: the dialog stayed, offering the switch again, and the image never came)."""
        wanted = self._wanted  # the switch clears the canvas, which drops it
        if self.download_dialog is not None:
            self.download_dialog.settle()
        self.window.mode_change_requested.emit(mode)
        if wanted is not None:
            self._ask_test_image(DATASET_FOR_KIND[mode], wanted[1])

    def _data_changed(self) -> None:
        forget_datasets()
        self.downloads.forget_failures()  # they no longer say why data is missing
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

    def _mode_dataset(self) -> str:
        """The registered dataset of the window's mode: its data folder is the one named and
        chosen (each mode keeps its own, ``preferences.data_folder``)."""
        return DATASET_FOR_KIND[self.window.mode()]

    def _choose_folder_for(self, banner: DataBanner) -> None:
        """A banner's Choose a folder…: the folder of the dataset it offers, else (a plain
        message) of the mode's, as File > Data folder…."""
        wanted = banner.wanted_dataset()
        self.window.choose_data_folder(wanted if wanted in TITLES else None)

    @Slot(str)
    def _on_window_data_folder_chosen(self, folder: str) -> None:
        dialog = self.download_dialog
        wanted = dialog.banner.wanted_dataset() if dialog is not None else None
        # the folder of the dataset the dialog offers, else of the mode's
        self._use_data_folder(folder, wanted if wanted in TITLES else self._mode_dataset())

    @Slot(str, str)
    def _on_window_dataset_folder_chosen(self, folder: str, dataset: str) -> None:
        self._use_data_folder(folder, dataset)

    def _use_data_folder(self, folder: str, dataset: str) -> None:
        """Remember ``folder`` as registered ``dataset``'s and read it from there now."""
        dialog = self.download_dialog
        wanted = dialog.banner.wanted_dataset() if dialog is not None else None
        preferences.set_data_dir(folder, dataset)
        run_off_gui(
            QThreadPool.globalInstance(),
            self.held_look,
            (folder, dataset),
            lambda: other_dataset_held(folder, dataset),
        )
        self.name_data_folder()
        if dialog is not None and wanted is None:
            dialog.settle()  # it offers nothing any more: its old failure goes too
        elif wanted is not None:  # whether the folder holds it is looked at off the GUI thread
            run_off_gui(
                QThreadPool.globalInstance(),
                self.offer_look,
                (folder, wanted),
                lambda: missing_dataset(wanted) is None,
            )
        self._data_changed()

    @Slot(object, object)
    def _on_held_look_delivered(self, asked: tuple, other: str | None) -> None:
        """A folder chosen for one dataset holds the other's: it is remembered as the other
        one's too, so "Switch to Clothing" reads it as Clothing's own folder and the next MNIST
        folder does not take it away (walk55c D2: it was read only as the folder chosen last).
        The first dataset keeps it while it is still its choice (its banner says what it holds)."""
        folder, dataset = asked
        if other is None or preferences.data_dir(dataset) != folder:
            return
        if preferences.remembered_data_dir() != folder:
            return  # another folder was chosen since (maybe the other dataset's own)
        preferences.set_data_dir(folder, other)

    @Slot(object, object)
    def _on_offer_look_delivered(self, asked, here: bool | None) -> None:
        """The folder chosen holds the data the download dialog offers: the offer and any old
        failure in it go."""
        folder, wanted = asked
        dialog = self.download_dialog
        if not here or folder != preferences.data_dir(wanted) or dialog is None:
            return
        if dialog.banner.wanted_dataset() == wanted:
            dialog.settle()  # the test image waiting for this data is still shown

    def name_data_folder(self) -> None:
        """Name the data folder in use under the test-image row, for as long as it is in use
        (a mode switch once made it look forgotten), and a dataset read from nndesk's copy
        instead (the folder lacks it, holds the other one, or a file of it there is damaged);
        nothing while the cache is used."""
        mode_dataset = self._mode_dataset()
        folder = preferences.data_dir(mode_dataset)
        self.window.set_standing_note(self._folder_note())
        if folder:
            run_off_gui(
                QThreadPool.globalInstance(),
                self.folder_look,
                folder,
                # a folder nndesk may not look into is not "not found" (walk55b D2)
                lambda: folder_state(folder, mode_dataset),
            )
            run_off_gui(
                QThreadPool.globalInstance(),
                self.sub_look,
                folder,
                lambda: sub_folders_held(folder),
            )
            run_off_gui(
                QThreadPool.globalInstance(),
                self.copy_look,
                (folder, mode_dataset),  # a look of the mode before a switch is not this one's
                # none for a folder not there: folder_look says "not found" (two notes racing)
                lambda: (
                    (
                        tuple((name, why) for name in TITLES if (why := copy_in_use(name))),
                        folder_unfit(mode_dataset),
                    )
                    if os.path.isdir(folder)
                    else ((), None)
                ),
            )

    def _folder_note(
        self, missing: bool = False, a_file: bool = False, unreadable: bool = False
    ) -> str:
        """The data folder in use, and where it comes from when the person did not choose it
        (``data_folder_note``); a settings read, no look at the folder itself."""
        name = self._mode_dataset()
        folder, held = self._sub_folders
        return data_folder_note(
            preferences.data_folder(name),
            preferences.overridden_data_dir(name),
            missing,
            a_file,
            unreadable,
            # the mode's dataset only: both ran to a fourth line in the note's three at
            # 1024x700, Vietnamese, Larger text, and pushed the pen row under the canvas
            tuple(h for h in held if h[0] == TITLES.get(name))
            if folder == preferences.data_dir(name)
            else (),
        )

    @Slot(object, object)
    def _on_sub_look_delivered(self, folder: str, held: tuple | None) -> None:
        """The data folder's datasets in sub-folders, said after it when the note under the
        canvas still is the plain "Data folder:" one (a warning about it stays)."""
        if not held or folder != preferences.data_dir(self._mode_dataset()):
            return
        plain = self._folder_note()
        self._sub_folders = (folder, tuple(held))
        if self.window.standing_note() == plain:
            self.window.set_standing_note(self._folder_note())

    def _unfit_folder_note(self, folder: str, unfit: str) -> str:
        """The note for a data folder that cannot serve the mode's dataset: not "Data folder:"
        as if it did (walk50 D10), but that it holds the other dataset, or not this one."""
        title = TITLES.get(self._mode_dataset(), self._mode_dataset())
        if unfit == "absent":
            head = translate("Coordinator", "Data folder (without the {title} files):")
        else:
            head = translate("Coordinator", "Data folder (it holds {other}, not {title}):")
        return head.format(title=title, other=TITLES.get(unfit, unfit)) + "\n" + folder

    @Slot(object, object)
    def _on_folder_look_delivered(self, folder: str, there: bool | str | None) -> None:
        """Say under the canvas that the data folder named there is missing, is a file
        (``there == "file"``) or cannot be looked into ("unreadable"); a page that needs it
        says what to do."""
        if there in (False, "file", "unreadable") and folder == preferences.data_dir(
            self._mode_dataset()
        ):
            self.window.set_standing_note(
                self._folder_note(
                    missing=there is False, a_file=there == "file", unreadable=there == "unreadable"
                ),
                warns=True,
            )

    @Slot(object, object)
    def _on_copy_look_delivered(self, asked: tuple, look: tuple | None) -> None:
        """Say under the canvas which data is in use when a dataset is read from nndesk's
        verified copy, not from the data folder named there (Download left the user's files
        as they are): ``look`` holds (dataset, why) pairs: "absent", "damaged", or the
        dataset the folder holds instead (``copy_in_use``); then why the folder cannot serve
        the mode's dataset when nothing else does (``folder_unfit``), or None."""
        folder, mode_dataset = asked
        copies, unfit = look if look is not None else ((), None)
        if mode_dataset != self._mode_dataset() or folder != preferences.data_dir(mode_dataset):
            return
        if unfit is not None:
            self.window.set_standing_note(self._unfit_folder_note(folder, unfit), warns=True)
        if not copies:
            return
        note = self._folder_note()
        for name, why in copies:
            if why == "damaged":
                text = translate(
                    "Coordinator",
                    "{title} is read from nndesk's verified copy (a file of it in this folder "
                    "is damaged)",
                )
            elif why == "unreadable":
                text = translate(
                    "Coordinator",
                    "{title} is read from nndesk's downloaded copy (this folder cannot be read)",
                )
            elif why == "absent":
                text = translate(
                    "Coordinator",
                    "{title} is read from nndesk's downloaded copy (this folder does not hold "
                    "its files)",
                )
            else:
                text = translate(
                    "Coordinator",
                    "{title} is read from nndesk's downloaded copy (this folder holds {other})",
                )
            other = TITLES.get(why, why)
            note += "\n" + text.format(title=TITLES.get(name, name), other=other)
        self.window.set_standing_note(note, warns=True)

    @Slot()
    def _on_window_settings_requested(self) -> None:
        name = self._mode_dataset()  # the field is the mode's folder
        dialog = SettingsDialog(
            preferences.data_dir(name),
            preferences.mirror(),
            self.window,
            environment_note(preferences.data_folder(name), preferences.overridden_data_dir(name)),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one is built per opening
        dialog.accepted.connect(lambda: self._apply_settings(dialog))
        self.settings_dialog = dialog
        dialog.open()  # window-modal, without blocking (tests drive it)

    @Slot()
    def open_mirror_settings(self) -> None:
        """A banner's "Classroom mirror…": File > Settings…, its mirror field ready to type in."""
        self._on_window_settings_requested()
        dialog = self.settings_dialog
        if dialog is not None:
            dialog.mirror_edit.setFocus()
            dialog.mirror_edit.selectAll()

    def _apply_settings(self, dialog: SettingsDialog) -> None:
        folder, mirror = dialog.values()
        before = preferences.mirror()
        preferences.set_mirror(mirror)
        if preferences.mirror() != before:  # a failure's ways out name the mirror set now
            self.downloads.mirror_changed()
        if folder != preferences.data_dir(self._mode_dataset()):
            if folder:
                self._on_window_data_folder_chosen(folder)
            else:
                preferences.set_data_dir(None, self._mode_dataset())
                self.name_data_folder()
                self._data_changed()
