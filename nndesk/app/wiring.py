"""The wiring of controllers to pages: which signal of which controller reaches which page, once
``build_window`` has built them all."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.data.registry import DATASETS
from nndesk.inference import Classifier
from nndesk.inside_memory import choice_text, read_choice
from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.status_line import show_saved, show_saving, show_status, show_unsaved
from nndesk.ui.train_form_saved import (
    remember_forms,
    remember_forms_as_edited,
    restore_saved_forms,
)

if TYPE_CHECKING:
    from nndesk.app.desk import Desk


def wire_pages(desk: Desk) -> None:
    """Add the pages to the window, in their order, and connect them to the controllers."""
    _wire_why_page(desk)
    _wire_inside_page(desk)
    _wire_train_page(desk)
    _wire_evaluation_pages(desk)


def _existing_trained_folder(clf, chosen: str | None, runs_root: Path | None) -> str | None:
    """The image folder ``clf`` was trained on (``folder_test_set.trained_folder``) when it is
    there, else None. Stats: off the GUI thread."""
    from nndesk.folder_test_set import trained_folder

    found = trained_folder(clf, chosen, runs_root)
    return found[0] if found is not None and os.path.isdir(found[0]) else None


def _chosen_image_folder(desk: Desk) -> str | None:
    """The Train form's image folder, if one is chosen."""
    name = desk.train_page.form.dataset_name()
    return None if not name or name in DATASETS else name


def _wire_why_page(desk: Desk) -> None:
    why, prediction = desk.why_page, desk.prediction
    prediction.classifier_changed.connect(why.set_classifier)
    prediction.model_loading.connect(why.show_model_loading)
    prediction.prediction_ready.connect(why.set_prediction)
    prediction.input_prepared.connect(why.show_prepared_input)  # no model answers
    desk.window.prediction_panel.bars.painted.connect(why.answer_painted)
    prediction.explanation_ready.connect(why.set_explanation)
    # another model picked: the explanation shown is the old one's until the new one answers
    desk.window.model_file_requested.connect(why.show_model_coming)
    prediction.model_failed.connect(why.show_model_kept)
    # a new drawing starts with "why this answer": a class or contrast chosen for the last one
    # explained "Bag rather than Sandal" on the next (walk55 D11)
    desk.window.canvas.cleared.connect(why.reset_target)
    why.set_saliency_kind(preferences.saliency_kind())
    prediction.set_saliency_kind(preferences.saliency_kind())
    why.saliency_kind_changed.connect(prediction.set_saliency_kind)
    why.saliency_kind_changed.connect(preferences.set_saliency_kind)
    desk.explainer.failed.connect(desk.window.show_error)
    # a model trained on an image folder: its nearest training images are that folder's, found
    # as Evaluate finds its test images (the run's record, else the Train page's folder)
    desk.explainer.set_folder_sources(
        lambda: _chosen_image_folder(desk), lambda: desk.training.store.root
    )
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
    # a run's next snapshot waits until this one is on screen: the bars, the arithmetic and the
    # diagram show one moment of the run (walk65 D24)
    inside_page.snapshot_shown.connect(prediction.inside_shown)
    # the unit clicked, the tab and the temperature kept between launches, as the Why page's
    # method is (fixW #4)
    inside_page.restore_choice(read_choice(preferences.inside_choice()))
    inside_page.choice_changed.connect(
        lambda: preferences.set_inside_choice(choice_text(inside_page.choice()))
    )
    desk.window.add_page(inside_page, "Inside")


def test_accuracy(clf: Classifier | None) -> float | None:
    """The test accuracy a model file records (a fraction), or None."""
    value = ((clf.info.get("metrics") or {}) if clf is not None else {}).get("test_accuracy")
    return float(value) if isinstance(value, int | float) else None


#: How far below the model in use a run that trained all its epochs may test and still be put
#: in use: one percentage point, about the spread of one recipe trained again with another seed
CLEARLY_BELOW = 0.01


def keeps_model_in_use(status: str | None, trained: Classifier, in_use: Classifier | None) -> bool:
    """Whether a run's model is offered instead of put in use: it tested below the model in
    use before it on the same dataset, and the user stopped the run (``status``), or it trained
    all its epochs and tested clearly below (``CLEARLY_BELOW``). A stopped 47 % run silently
    replaced an 85 % one (walk47 D12); a completed chance-level run (10 %, lr 5) and an 85.9 %
    lab run replaced the shipped 90 % model, and a drawing read right a moment before then read
    "Not sure" (walk53 #3). A run about as good as the model in use, or better, or with nothing
    comparable in use before, is put in use. A run with no test figure (quit mid-run, or
    while paused: its test is skipped) never replaces a model in use: a 3-batch network quit
    with Ctrl+Q became the model at every later start (walk60 D1)."""
    if status not in ("stopped", "completed") or in_use is None:
        return False
    new, old = test_accuracy(trained), test_accuracy(in_use)
    if new is None:
        return True  # untested: offered, as the quit dialog says ("can put its model in use")
    if in_use.dataset != trained.dataset:
        return False
    if old is None:
        return False
    return new < old if status == "stopped" else new < old - CLEARLY_BELOW


def _wire_model_notice(desk: Desk) -> None:
    """A finished run's model takes over the window: say so, and keep the model in use before
    the run one click away ("Switch back to …"). A weaker run's model (``keeps_model_in_use``)
    does not: the model in use stays, the run's one click away ("Use this run's model")."""
    notice, prediction, training = desk.window.model_notice, desk.prediction, desk.training
    train, held, coordinator = desk.train_page, desk.handover, desk.coordinator

    def on_running_changed(running: bool) -> None:
        if running:
            held.before = prediction.current()  # live snapshots replace it from now on
            held.back_mode = held.back_path = held.waiting_mode = held.back_pick = None
            held.start_mode = desk.window.mode()
            notice.hide()  # the last run's news; this run's model is announced when it ends

    def run_status() -> str | None:
        return training.record.status if training.record is not None else None

    def remember_run_model(clf: Classifier) -> None:
        """The run's model, just put in use, is its mode's model from now on (a round trip
        to the other mode brought back the mode's default, s58); a folder run's, the mode
        it answers in."""
        mode = clf.mode or desk.window.mode()
        if clf.path is None or mode not in preferences.MODES:
            return
        held.back_pick = (mode, coordinator.mode_models.get(mode))
        coordinator.remember_mode_model(mode, str(clf.path))

    def put_run_in_use(clf: Classifier) -> None:
        prediction.set_classifier(clf)  # takes the window to the model's mode first
        remember_run_model(clf)
        notice.announce(test_accuracy(clf), held.back_title())

    def on_model_ready(clf: Classifier) -> None:  # the run's model, saved
        before = held.before
        held.trained = clf
        status = run_status()
        if before is not None and keeps_model_in_use(status, clf, before):
            prediction.set_classifier(before)  # the run's last snapshot gives way
            notice.offer(test_accuracy(clf), test_accuracy(before), before.title, status)
            return
        kind = clf.mode  # None: a folder run's model takes no mode's place
        here = desk.window.mode()
        moved = kind in preferences.MODES and kind != here != held.start_mode
        if moved and before is not None and before.preprocess_kind == here:
            # the user went on to another mode during the run: it stays, the run one click away
            prediction.set_classifier(before)
            notice.offer(test_accuracy(clf), test_accuracy(before), before.title, "elsewhere", kind)
            return
        if before is not None and kind in preferences.MODES and kind != before.preprocess_kind:
            # a Fashion run started in Digits replaces Clothing's model, not Digits' (walk48
            # D3: "Switch back to mnist-cnn" offered the other mode's and took the window there)
            held.back_mode, held.back_path = kind, coordinator.mode_model_path(kind)
            if status in ("stopped", "completed") and held.back_path is not None:
                # measured against its own mode's model, read in the worker first, stopped
                # or completed alike, as a run started in its own mode is (walk58 #10: a
                # completed 89.0 % Clothing run started in Digits replaced fashion-cnn's 92.6 %)
                held.waiting_mode = kind
                coordinator.open_mode_model(kind)
                return
        put_run_in_use(clf)

    def on_mode_model_read(clf: Classifier) -> None:
        """The run's mode's own model is in use: it stays, and the run is offered,
        when the run tested below it; else the run is put in use, that model one click back."""
        held.waiting_mode = None
        trained = held.trained
        if trained is None:
            return
        held.before = clf
        status = run_status()
        if keeps_model_in_use(status, trained, clf):
            notice.offer(test_accuracy(trained), test_accuracy(clf), clf.title, status)
        else:
            put_run_in_use(trained)

    def on_model_failed(_message: str) -> None:
        if held.waiting_mode is not None and held.trained is not None:
            held.waiting_mode = None  # the mode's model cannot be read: the run is in use
            put_run_in_use(held.trained)

    def on_classifier_changed(clf: Classifier | None) -> None:
        # a model file of the mode waited for (not the run's, nor a late snapshot of it)
        waited = held.waiting_mode is not None and clf is not None and clf.path is not None
        # a folder model answers in the mode it was picked in (the mode waited for)
        kind = None if clf is None else clf.mode or desk.window.mode()
        if waited and clf is not held.trained and kind == held.waiting_mode:
            on_mode_model_read(clf)
            return
        offered = notice.offered() is not None
        if clf is not held.trained and not (offered and clf is held.before):
            notice.hide()  # another model was chosen: the note is old news
            saved = training.model_path  # set once the run's model is saved, before it is used
            ours = clf is not None and clf.path is not None and saved is not None
            ours = ours and Path(clf.path) == saved
            if training.is_running() and clf is not None and not ours:
                held.before = clf  # chosen during the run: the one to switch back to

    def on_switch_back() -> None:
        if held.back_pick is not None:  # the mode's model before the run's took its place
            coordinator.remember_mode_model(*held.back_pick)
            held.back_pick = None
        if held.back_mode is not None:
            coordinator.open_mode_model(held.back_mode)  # its picked model, else its default
        elif held.before is not None:
            prediction.set_classifier(held.before)

    def on_use() -> None:
        if held.trained is not None:
            prediction.set_classifier(held.trained)
            remember_run_model(held.trained)

    def show_the_runs_mistakes(true: int) -> None:
        """The coach's "See <class>'s mistakes" speaks of the run on this page: its model is
        put in use first when another one is (announced, the other one click back), then the
        Mistakes page shows that class. It showed the model in use's mistakes, fashion-cnn's,
        under the words of a run that tested below it (walk58 #3)."""
        trained, saved = held.trained, training.model_path
        ours = saved is not None and Path(getattr(trained, "path", None) or "") == saved
        shown = ours and train.last_run_id is not None  # the page's run, not a model loaded
        if trained is not None and shown and prediction.current() is not trained:
            put_run_in_use(trained)
        desk.mistakes_page.focus_class(true)  # kept until that model's evaluation arrives
        desk.window.tabs.setCurrentWidget(desk.mistakes_page)

    training.running_changed.connect(on_running_changed)
    training.model_ready.connect(on_model_ready)
    # a model loaded on the page (Load model…, Runs > Use model): everyone switches to it, and
    # it is the mode's model from now on
    train.model_loaded.connect(coordinator.use_picked)
    prediction.classifier_changed.connect(on_classifier_changed)
    prediction.model_failed.connect(on_model_failed)
    notice.switch_back_requested.connect(on_switch_back)
    notice.use_requested.connect(on_use)
    train.mistakes_requested.connect(show_the_runs_mistakes)


def _wire_live_weights(desk: Desk) -> None:
    """While a run trains, the drawing is re-predicted with its newest weights and the picker
    and status bar say so. A model chosen meanwhile (picker, file, mode) is kept: later
    snapshots no longer replace it (a file that cannot be opened changes nothing). A run that
    ends without a saved model (it failed) gives the window back the model it had before,
    instead of leaving its last snapshot answering."""
    window, prediction, training = desk.window, desk.prediction, desk.training
    run = {"follow": False, "before": None, "live": False, "saved": False, "last": None}
    run["follow_before_pick"] = False  # what "follow" was when a model file was picked

    def on_running_changed(running: bool) -> None:
        if running:
            run.update(follow=True, before=prediction.current(), live=False, saved=False)
            return
        if run["follow"] and run["live"] and not run["saved"]:
            prediction.set_classifier(run["before"])
        run.update(follow=False, before=None, last=None)

    def on_weights_updated(clf: Classifier) -> None:
        run["last"] = clf
        if run["follow"]:
            run["live"] = True
            # the window takes the run's mode (hint, pen), as it does for any model put in use:
            # a Fashion-MNIST run started in Digits mode answered under "Draw a digit 0-9"
            if clf.mode in ("digits", "garments") and clf.mode != window.mode():
                window.set_mode(clf.mode, clear=False)
            prediction.live_update(clf)
            window.show_training_network(clf)

    def answers_mode(mode: str) -> bool:
        last = run.get("last")
        return training.is_running() and last is not None and last.mode == mode

    def run_takes_mode(mode: str) -> bool:
        """Back in the mode of the run training now: its newest weights answer again and the
        picker says so (walk67 #10: Clothing -> Digits -> Clothing left the shipped model in
        the box while the student expected the run's network, as at the run's start)."""
        if not answers_mode(mode):
            return False
        run["follow"] = True
        prediction.live_update(run["last"])
        window.show_training_network(run["last"])
        return True

    def on_mode_chosen(mode: str) -> None:
        if not answers_mode(mode):  # another mode: its model answers, the run is not followed
            on_model_chosen()

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
    window.mode_change_requested.connect(on_mode_chosen)
    desk.coordinator.run_takes_mode = run_takes_mode
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
    # Delete… on the Runs tab says so when the run's model is the one answering
    train.runs_view.model_in_use = lambda: getattr(prediction.current(), "path", None)
    # another model put in use: the headline no longer calls the one loaded here "in use"
    prediction.classifier_changed.connect(train.follow_model_in_use)
    _wire_model_notice(desk)
    train.status_message.connect(lambda message: show_status(window, message))
    train.file_saved.connect(lambda path, model: show_saved(window, path, model))
    train.file_saving.connect(lambda path: show_saving(window, path))
    window.add_close_guard(train.confirm_close)  # "Stop training and quit?"
    train.data_missing.connect(desk.coordinator.offer_download)
    desk.coordinator.data_changed.connect(train.data_changed)  # "Needs a dataset" goes at once
    # a file another page found damaged: not "MNIST is ready" here (walk52 D11b)
    datasets.notices.damage_found.connect(train.data_check.damage_found)
    # missing data is said before Train is pressed, with the other pages' Download / folder
    desk.coordinator.connect_banner(train.data_banner)
    train.checks_data = True
    window.add_shutdown_hook(lambda: remember_forms(train.form))  # before the run stops
    window.add_shutdown_hook(train.shutdown)  # stops and joins training on close
    window.mode_changed.connect(train.follow_mode)  # Digits trains on MNIST, Clothing on Fashion
    # each mode's form as the last session left it (walk60 D7n: 2 epochs set by hand came back
    # as the preset's 5, and Continue trained to 5), saved at a mode switch, at quit and soon
    # after an edit (a killed window lost every edit since the last mode switch)
    unread = restore_saved_forms(train.form)
    train.follow_mode(window.mode())
    window.mode_changed.connect(lambda _mode: remember_forms(train.form))
    remember_forms_as_edited(train.form)
    if unread:
        show_status(window, unread, 15000)
    train.check_data()


def _runs_read_again(desk: Desk) -> None:
    """A run's record changed in place (its figure written back): the Runs list shows it now
    when it is shown, else the next time it is (and the Train page's headline reads it)."""
    runs = desk.train_page.runs_view
    if runs.isVisible():
        runs.refresh()
    else:
        runs.folder_changed.emit()


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
    evaluate_page.file_saved.connect(lambda path: show_saved(window, path))  # its exports
    evaluate_page.file_saving.connect(lambda path: show_saving(window, path))
    evaluate_page.file_failed.connect(lambda path: show_unsaved(window, path))
    # a run quit before its test, measured by Evaluate: its figure sticks (walk60 D10)
    desk.evaluation.test_recorded.connect(desk.coordinator.model_measured)
    desk.evaluation.test_recorded.connect(lambda _clf: _runs_read_again(desk))
    window.mode_changed.connect(mistakes_page.follow_mode)  # its empty bars name the mode's classes
    # one "Not sure below" threshold for the canvas's answer and a clicked mistake's: two boxes
    # with one label that did not follow each other read as one setting (walk52 #19); and
    # Evaluate's "Answer only at or above" (it stayed at 60 % while the canvas said 80 %, walk55
    # D9) and the Lab's confident mistakes (counted at 90 %, D10) are the same threshold
    canvas_spin = window.prediction_panel.not_sure_spin
    spins = [mistakes_page.answer.not_sure_spin]
    if evaluate_page.trust is not None:
        spins.append(evaluate_page.trust.threshold)
    for spin in spins:
        spin.setValue(canvas_spin.value())
        canvas_spin.valueChanged.connect(spin.setValue)  # an equal value sends nothing
        spin.valueChanged.connect(canvas_spin.setValue)
    desk.lab_page.set_threshold(canvas_spin.value())
    canvas_spin.valueChanged.connect(desk.lab_page.set_threshold)
    mistakes_page.follow_mode(window.mode())
    window.add_page(dataset_page, "Dataset")
    prediction.classifier_changed.connect(evaluate_page.set_classifier)
    prediction.classifier_changed.connect(dataset_page.set_classifier)

    # a model trained on an image folder: the Dataset page shows that folder, found as
    # Evaluate finds it (the run's record, else the Train form's folder when its classes are
    # the model's; never a folder its file names: files can lie). It kept MNIST and its "not
    # on this computer" banner (fix54a #3), and followed only the folder the form named.
    folder_look = Delivery(dataset_page)

    def dataset_follows_the_models_folder(clf) -> None:
        if clf is None or clf.dataset is not None:
            return
        chosen, root = _chosen_image_folder(desk), desk.training.store.root
        run_off_gui(
            QThreadPool.globalInstance(),
            folder_look,
            clf,
            lambda: _existing_trained_folder(clf, chosen, root),  # stats: off the GUI thread
        )

    def show_the_models_folder(clf, folder: str | None) -> None:
        if folder is not None and clf is prediction.current():
            dataset_page.set_dataset(folder)

    folder_look.delivered.connect(show_the_models_folder)
    prediction.classifier_changed.connect(dataset_follows_the_models_folder)

    def chosen_image_folder() -> str | None:
        return _chosen_image_folder(desk)

    # a model trained on an image folder is scored on its held-out images: the folder its
    # run's record names, else the one chosen on the Train form (never one its file names)
    desk.evaluation.set_folder_sources(chosen_image_folder, lambda: desk.training.store.root)
    desk.train_page.form.config_changed.connect(desk.evaluation.image_folder_chosen)

    def mistakes_follow_the_model(_classifier) -> None:
        # after the Evaluate page handed the controller the new model (connected above): the
        # Mistakes page on screen asks for its mistakes at once; the old model's leave it as
        # the evaluation starts. It kept showing them for as long as it stayed on screen.
        if mistakes_page.isVisible():
            desk.evaluation.ensure_current()

    prediction.classifier_changed.connect(mistakes_follow_the_model)
    if evaluate_page.trust is not None:  # a damaged image of the robustness strips (fixI #1)

        def open_damaged(example, kind: str, level: float, dataset: str) -> None:
            desk.coordinator.show_damaged_image(example, kind, level, dataset)
            window.tabs.setCurrentWidget(desk.why_page)  # the page of the one image shown

        evaluate_page.trust.damage_image_chosen.connect(open_damaged)
    evaluate_page.cell_clicked.connect(mistakes_page.show_cell)
    evaluate_page.cell_clicked.connect(lambda *_: window.tabs.setCurrentWidget(mistakes_page))

    def show_saved_runs() -> None:  # the Model box's "Saved runs (Train > Runs)…"
        window.tabs.setCurrentWidget(desk.train_page)
        desk.train_page.tabs.setCurrentWidget(desk.train_page.runs_view)

    window.saved_runs_requested.connect(show_saved_runs)
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
    # the banners of the pages working on the evaluation (Lab, Map, Mistakes) too; connected
    # after Evaluate's, whose retry may have started the evaluation they wait for: each asks
    # for it again only when none is under way (one evaluation, not one per page)
    evaluation = desk.evaluation

    def evaluate_again() -> None:
        if not evaluation.busy and evaluation.result() is None:
            evaluation.evaluate()

    for page in (desk.lab_page, desk.map_page, desk.mistakes_page):
        desk.coordinator.connect_banner(page.message)
        desk.coordinator.data_changed.connect(page.data_changed)
        page.message.retry_requested.connect(evaluate_again)


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
    # the drawing's place among the test images (walk64: "where does my 7 land among theirs?")
    desk.prediction.prediction_ready.connect(
        lambda p: desk.map_page.set_drawing(None if p is None else p.input_image)
    )
    desk.map_page.test_image_shown.connect(desk.coordinator.show_test_caption)
    desk.lab_page.save_requested.connect(desk.coordinator.save_edited_model)
    evaluation.started.connect(desk.lab_page.evaluation_started)
    evaluation.failed.connect(desk.lab_page.evaluation_failed)
    evaluation.started.connect(desk.map_page.message.evaluation_started)
    evaluation.failed.connect(desk.map_page.evaluation_failed)

    # the Map page lists the model's layers before any evaluation (they need no data)
    desk.prediction.classifier_changed.connect(desk.map_page.set_classifier)
    desk.map_page.set_classifier(desk.prediction.current())

    def on_classifier_changed(classifier) -> None:
        # the same model handed back (a run that tested below it leaves it in use; the run's
        # snapshots never were the evaluation's model): its evaluation is still current and
        # nothing would deliver it again, so the pages keep it (walk55 D2: a blank Lab)
        current = evaluation.result()
        if current is not None and current.classifier is classifier:
            return
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
