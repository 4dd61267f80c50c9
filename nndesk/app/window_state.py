"""What a person made in the window (drawing, model, page, the pages' choices), taken from one
window and put into another: the language switch rebuilds the window and keeps the work."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from nndesk.inference import Classifier
from nndesk.preferences import MODES
from nndesk.ui import kept_choices
from nndesk.ui.canvas import DEFAULT_ERASER
from nndesk.ui.map_view import MapViewState
from nndesk.ui.mistakes_view import MistakesViewState
from nndesk.ui.shown_test_images import ShownTestImages
from nndesk.ui.train_page_state import TrainPageState
from nndesk.ui.window_place import WindowPlace, place_of, put_in_place

if TYPE_CHECKING:
    from nndesk.app.desk import Desk, ModelHandover


@dataclass(frozen=True)
class WindowState:
    """What a person made in the window, carried into the window rebuilt in another language."""

    mode: str
    #: the very object: an unsaved model stays in use (``model_kept``; None: the rebuilt window
    #: reads its mode's model)
    classifier: Classifier | None
    drawing: tuple  # DrawingCanvas.history(): the drawing with its undo and redo steps
    sheets: dict  # the other mode's drawing and its undo steps (MainWindow.mode_sheets)
    true_label: int | None  # of a test image on the canvas
    test_index: int
    pen: int  # the pen's size (the slider shows the eraser's while it is on)
    overlay: bool
    page: int
    train: TrainPageState
    evaluation: object  # EvaluationResult | None: the report, not computed again
    place: WindowPlace  # where the window is, exactly (position, size, maximised)
    splitter: list[int] | None  # the drawing column's width, when the user dragged it
    visible: bool
    tools: tuple[bool, bool]  # the eraser and the fill tool, on or off
    notice: tuple | None  # the new-model note's (accuracy, previous title), None when hidden
    #: the stopped run's offer (its accuracy, the kept model's, its title), None when hidden
    offer: tuple | None
    handover: ModelHandover  # the models the note switches between
    race: object  # FinishedRace | None: the Race tab's finished race, shown again
    why_target: tuple  # the Why page's (class, contrast) choice
    map_view: MapViewState  # the Map page's choices and its drawn map
    mistakes: MistakesViewState  # the Mistakes page's filters and the image in its details
    #: the failed downloads the banners say (``DownloadController.failures``)
    download_failures: tuple = ()
    #: the model files a read found damaged, marked in the Model box
    #: (``Coordinator.damaged_reads``)
    damaged_models: dict = field(default_factory=dict)
    #: the controls the pages mark as a person's choices (a tab, the softmax temperature, a
    #: method, Raw probabilities), by key (``ui.kept_choices``)
    choices: dict = field(default_factory=dict)
    #: mode -> the model file last in use in it (``Coordinator.mode_models``)
    mode_models: dict = field(default_factory=dict)
    #: the test images put on the canvas (``MainWindow.shown_test_images``): one shown again
    #: is read as the test image, in the new language as in the old
    test_images: ShownTestImages | None = None
    #: the (index, dataset[, kind, level]) of the test image the line under the canvas names
    #: (and the damage it shows), or None
    test_caption: tuple | None = None
    #: the nearest training images the Why page shows (``explain.Neighbours``), or None
    neighbours: object = None
    #: the Evaluate page's robustness charts (``TrustView.robustness_shown``), or None
    robustness: tuple | None = None
    #: the eraser's own size (``DrawingCanvas.eraser_width``)
    eraser_width: int = DEFAULT_ERASER


def capture_state(desk: Desk) -> WindowState:
    window = desk.window
    return WindowState(
        mode=window.mode(),
        classifier=model_kept(desk),
        drawing=window.canvas.history(),
        sheets=window.mode_sheets(),
        true_label=window.prediction_panel.true_label_index(),
        test_index=window.test_index.value(),
        pen=window.canvas.pen_width(),
        eraser_width=window.canvas.eraser_width(),
        overlay=window.overlay_check.isChecked(),
        page=window.tabs.currentIndex(),
        train=desk.train_page.page_state(),
        evaluation=desk.evaluation.result(),
        place=place_of(window),
        splitter=window.splitter_sizes_chosen(),
        visible=window.isVisible(),
        tools=(window.act_eraser.isChecked(), window.act_fill.isChecked()),
        notice=window.model_notice.announcement(),
        offer=window.model_notice.offered(),
        handover=desk.handover,
        race=desk.train_page.race_view.finished_race() if desk.train_page.race_view else None,
        why_target=desk.why_page.chosen_target(),
        map_view=desk.map_page.view_state(),
        mistakes=desk.mistakes_page.view_state(),
        choices=kept_choices.choices(window),
        download_failures=desk.coordinator.downloads.failures(),
        mode_models=dict(desk.coordinator.mode_models),
        damaged_models=desk.coordinator.damaged_reads(),
        test_images=window.shown_test_images,
        test_caption=window.noted_test_image(),
        neighbours=desk.why_page.shown_neighbours(),
        robustness=_robustness_shown(desk),
    )


def model_kept(desk: Desk) -> Classifier | None:
    """The model the rebuilt window puts in use: the one in use, or None when that is the other
    mode's and this mode's own is still being read (a switch to Clothing just made: its model
    takes seconds to read under load); the rebuilt window, opened in this mode, reads it then
    (``Coordinator.start``). Carried over, the other mode's model took the rebuilt window back
    to its mode, under the Train page of the mode left: Digits showed Clothing's "No run yet",
    and Ctrl+1, Digits already, never brought the Digits run back (s73)."""
    clf = desk.prediction.current()
    if clf is None or not desk.prediction.is_loading():
        return clf
    return None if clf.mode in MODES and clf.mode != desk.window.mode() else clf


def _robustness_shown(desk: Desk) -> tuple | None:
    trust = desk.evaluate_page.trust
    return None if trust is None else trust.robustness_shown()


def restore_state(desk: Desk, state: WindowState) -> None:
    window = desk.window
    window.canvas.set_eraser_width(state.eraser_width)
    window.act_eraser.setChecked(False)  # the slider sizes the pen, then the eraser's own
    window.pen_slider.setValue(state.pen)
    window.act_eraser.setChecked(state.tools[0])
    window.act_fill.setChecked(state.tools[1])
    window.test_index.setValue(state.test_index)
    window.overlay_check.setChecked(state.overlay)
    window.tabs.setCurrentIndex(state.page)
    desk.train_page.restore_page_state(state.train)
    desk.handover.before, desk.handover.trained = state.handover.before, state.handover.trained
    desk.handover.back_mode = state.handover.back_mode
    desk.handover.back_path = state.handover.back_path
    desk.handover.back_pick = state.handover.back_pick
    if state.notice is not None and state.classifier is state.handover.trained:
        # "Switch back to …" still works, and names the model in the new language ("lượt
        # chạy …"; the English title "run …" was kept)
        accuracy, _title = state.notice
        window.model_notice.announce(accuracy, desk.handover.back_title())
    before = state.handover.before
    if state.offer is not None and before is not None and state.classifier is before:
        # "Use this run's model" still works; the kept model named in the new language
        accuracy, accuracy_in_use, _title, status, mode = state.offer
        window.model_notice.offer(accuracy, accuracy_in_use, before.title, status, mode)
    if state.race is not None and desk.train_page.race_view is not None:
        desk.train_page.race_view.adopt_race(state.race)  # its names and table in the new words
    desk.why_page.set_target(*state.why_target)
    # before the pages' banners ask: one offering a dataset whose download failed says so, in
    # the new language
    desk.coordinator.downloads.adopt_failures(state.download_failures)
    desk.coordinator.adopt_damaged_reads(state.damaged_models)
    desk.evaluation.adopt(state.evaluation)
    same_result = state.evaluation is not None and desk.evaluation.result() is state.evaluation
    if same_result and desk.evaluate_page.trust is not None:
        # measured on this very report: shown again, not measured again (20 s of damage)
        desk.evaluate_page.trust.show_robustness_again(state.robustness)
    # the map drawn is not computed again; the choices stay without one (no evaluation yet)
    desk.map_page.restore_view_state(
        state.map_view if same_result else replace(state.map_view, data=None)
    )
    desk.mistakes_page.restore_view_state(state.mistakes)
    desk.coordinator.mode_models.update(state.mode_models)
    kept_choices.restore_choices(window, state.choices)
    if state.test_images is not None:  # before the drawing comes back and is predicted
        window.shown_test_images.adopt(state.test_images)
    window.canvas.restore_history(state.drawing)  # predicted again in the new language
    # shown until the page's own search (quick: the controller came over with its features)
    desk.why_page.show_neighbours_again(state.neighbours)
    window.restore_mode_sheets(state.sheets)
    window.prediction_panel.set_true_label(state.true_label)
    if state.test_caption is not None:  # "Test image 1771 of Fashion-MNIST", in the new words
        desk.coordinator.show_test_caption(*state.test_caption)
    window.choose_splitter_sizes(state.splitter)
    put_in_place(window, state.place)  # last: the notice strip may need its height
