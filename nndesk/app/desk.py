"""The Desk: the window with every controller and page ``build_window`` makes for it, and the
same window rebuilt in another language (``switch_language``, or ``LanguageRebuild`` a page at
a time from the event loop)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from nndesk import preferences
from nndesk.app.coordinator import Coordinator
from nndesk.app.window_state import capture_state, restore_state
from nndesk.app.wiring import wire_pages
from nndesk.controllers.background import BackgroundWrites
from nndesk.controllers.datasets import DatasetLoader, damaged_in_cache
from nndesk.controllers.downloads import DownloadController
from nndesk.controllers.evaluation import DatasetController, EvaluationController
from nndesk.controllers.explain import ExplainController
from nndesk.controllers.explore import ExploreController
from nndesk.controllers.prediction import PredictionController
from nndesk.controllers.race import RaceController
from nndesk.controllers.run_list import RunListReader
from nndesk.controllers.training import TrainingController
from nndesk.controllers.trust import TrustController
from nndesk.controllers.worker_freeing import free_later
from nndesk.inference import Classifier, shown_name
from nndesk.ui import (
    app_events,
    file_dialogs,
    kept_choices,
    language,
    tip_lines,
    warning_notes,
    whats_this,
    wheel_guard,
)
from nndesk.ui.dataset_view import DatasetView
from nndesk.ui.drawing_files import DrawingFiles
from nndesk.ui.evaluation_panel import EvaluationPanel
from nndesk.ui.input_hold import InputHold
from nndesk.ui.inside_view import InsideView
from nndesk.ui.lab_view import LabView
from nndesk.ui.main_window import MainWindow
from nndesk.ui.map_view import MapView
from nndesk.ui.mistakes_view import MistakesView
from nndesk.ui.training_panel import TrainingPanel, TrainPageParts
from nndesk.ui.why_view import WhyView


@dataclass
class ModelHandover:
    """The models either side of a finished run's takeover: the one in use before the run
    (offered back by the notice's "Switch back to …") and the run's own."""

    before: Classifier | None = None
    trained: Classifier | None = None
    #: when the run took the window to its own mode (a Fashion run started in Digits): that
    #: mode, and the model file "Switch back to …" opens there (the one last picked in it, else
    #: its default), in place of ``before``, which belongs to the other mode
    back_mode: str | None = None
    back_path: str | None = None
    #: a stopped run of that other mode waits for the mode's own model to be read: the run is
    #: measured against it (walk49 D2: a 31.7 % Digits run replaced mnist-cnn's 99.4 %,
    #: because the model it was measured against was Clothing's)
    waiting_mode: str | None = None
    #: the window's mode when the run started: a window the user took to another mode during
    #: the run stays there when the run ends (walk57 #6: a Digits run ending took a teacher
    #: who had gone on to Clothing back to Digits)
    start_mode: str | None = None
    #: the run's model put in use is its mode's model from then on (``remember_mode_model``):
    #: that mode and the file remembered there before (None: its default), given back by
    #: "Switch back to …"
    back_pick: tuple[str, str | None] | None = None

    def back_title(self) -> str | None:
        """The name "Switch back to …" gives, in the window's language, or None."""
        if self.back_mode is not None:
            return None if self.back_path is None else shown_name(self.back_path)
        return self.before.title if self.before is not None else None


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

    Built with the application's event filter (``ui.app_events``) off: its Python call for each
    of the ~10,000 events the building sends (a widget created, polished, parented) was a fifth
    of the building's time, and none of them is one it acts on but a widget's Polish, for
    which the wheel guard gives the built window's fields their strong focus after. No event
    loop runs in between (``LanguageRebuild``, which lets it run between steps, keeps the filter
    on), so no wheel, click or What's This can come meanwhile.
    """
    _install_event_handlers()  # before the pause: the first window's build installs the filter
    built: list[Desk] = []
    with app_events.paused(QApplication.instance()):
        for _ in build_steps(built, mode, classifier):
            pass
    wheel_guard.guard_children(built[0].window)
    return built[0]


def _install_event_handlers() -> None:
    """The application-wide handlers every window relies on, installed once (again: nothing)."""
    wheel_guard.install()  # before any widget: the wheel scrolls forms, never edits a field
    whats_this.install()  # Shift+F1 on any control explains it (its tooltip at least)
    tip_lines.install()  # a button's long tooltip in lines of ~60 characters (walk72 F6)
    file_dialogs.install()  # Qt's file dialog: sizes in the window's language, words whole


def build_steps(
    built: list[Desk],
    mode: str | None = None,
    classifier: Classifier | None = None,
    explainer: ExplainController | None = None,
) -> Iterator[None]:
    """``build_window`` in steps, each page in a step of its own (the Train page, the largest,
    takes 250-600 ms of the GUI thread under load), so that a caller may let the event loop run
    between two steps; the last step appends the wired Desk to ``built``. ``explainer``: the
    Why page's controller of the window this one replaces, taken over with what it found."""
    _install_event_handlers()
    window = MainWindow()
    yield
    # -- controllers (each owning a thread registers its shutdown with the window) --------------
    prediction = PredictionController(window)
    writes = BackgroundWrites(window)  # exports and model files, off the GUI thread
    window.add_shutdown_hook(writes.shutdown)  # files the user asked for are finished first
    downloads = DownloadController(preferences.mirror, parent=window, damaged=damaged_in_cache)
    coordinator = Coordinator(
        window, prediction, DatasetLoader(window), downloads=downloads, writes=writes
    )
    DrawingFiles(window, writes)  # File > Save drawing…, Edit > Copy drawing (owned by window)
    training = TrainingController(parent=window)  # datasets via get_dataset, runs in runs_dir()
    race = RaceController(parent=window)  # the Train page's Race tab, same datasets and runs
    window.add_shutdown_hook(race.shutdown)
    evaluation = EvaluationController(parent=window)
    trust = TrustController(parent=window)
    explore = ExploreController(parent=window)
    datasets = DatasetController(parent=window)
    if explainer is None:
        explainer = ExplainController(window)  # the Why page's slower maps and nearest images
    else:
        explainer.setParent(window)
    window.add_shutdown_hook(explainer.shutdown)
    window.add_shutdown_hook(evaluation.shutdown)
    window.add_shutdown_hook(trust.shutdown)
    window.add_shutdown_hook(explore.shutdown)
    window.add_shutdown_hook(datasets.shutdown)
    yield
    # -- pages, one a step --------------------------------------------------------------------
    why_page = WhyView(explainer)
    yield
    inside_page = InsideView()
    yield
    train_parts = TrainPageParts()
    while train_parts.make_next():
        yield
    train_page = TrainingPanel(
        controller=training,
        race=race,
        writes=writes,
        runs=RunListReader(training.store),  # no Qt parent: see RunsView
        parent=window,
        parts=train_parts,
    )
    yield
    evaluate_page = EvaluationPanel(evaluation, trust, writes)
    yield
    mistakes_page = MistakesView(evaluation)  # follows evaluation.finished itself
    yield
    dataset_page = DatasetView(datasets)
    map_page = MapView(explore)
    yield
    lab_page = LabView(explore)
    yield
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
        why_page=why_page,
        inside_page=inside_page,
        train_page=train_page,
        evaluate_page=evaluate_page,
        mistakes_page=mistakes_page,
        dataset_page=dataset_page,
        map_page=map_page,
        lab_page=lab_page,
    )
    # the core's warnings (a data folder of other files than the published ones) in the status
    # line, not on stderr
    warning_notes.install().said.connect(coordinator._on_warning_notes_said)
    # what View > Language's question needs to know, and the switch it makes
    coordinator.language_switch.switch_language = lambda code: LanguageRebuild(desk, code)
    coordinator.language_switch.training_busy = training.is_running
    coordinator.language_switch.race_busy = race.is_running
    coordinator.language_switch.unsaved_lab_edits = desk.lab_page.has_unsaved_edits
    wire_pages(desk)
    _name_pages(desk)
    mode = mode or preferences.last_mode()
    if classifier is None:
        coordinator.start(mode)
    else:
        window.set_mode(classifier.mode or mode)
        coordinator.refresh_model_choices()
        prediction.set_classifier(classifier)
    built.append(desk)


def _name_pages(desk: Desk) -> None:
    """Each page's name for the choices kept across a language switch (``ui.kept_choices``):
    a panel used on two pages keeps one choice per page."""
    pages = {
        "why": desk.why_page,
        "inside": desk.inside_page,
        "train": desk.train_page,
        "evaluate": desk.evaluate_page,
        "mistakes": desk.mistakes_page,
        "dataset": desk.dataset_page,
        "map": desk.map_page,
        "lab": desk.lab_page,
    }
    for name, page in pages.items():
        kept_choices.scope(page, name)


def switch_language(desk: Desk, code: str) -> Desk:
    """Rebuild the window in language ``code`` and put this one's work into it: the drawing
    (with undo), the model object in use, the mode, the page, the Train page's form and last
    run, the evaluation report. The old window closes (its threads stopped) once the new one
    is up. Callers make sure no run is training (``LanguageSwitch`` asks first)."""
    switch = _Switch(desk, code)
    for _ in switch.steps():
        pass
    return switch.result


class _Switch:
    """One language switch in steps: ``steps()`` takes the old window's work and sets the
    language, builds the new window, puts the work into it, shows it and closes the old one;
    ``result`` is then the Desk in use."""

    def __init__(self, desk: Desk, code: str, wait_for_answer: bool = False) -> None:
        self.desk, self.code = desk, code
        #: steps yield ``WAITING`` until the new window has answered its drawing (only when
        #: the event loop runs between the steps: ``LanguageRebuild``)
        self.wait_for_answer = wait_for_answer
        self.before: str | None = None  # the language before, once set
        self._lent = False  # the old window's Why page controller went to the new window
        self.result = desk

    def steps(self) -> Iterator[str | None]:
        self.state = capture_state(self.desk)
        self.before = language.current_language()
        language.use_language(self.code)
        yield
        # the nearest training images do not depend on the language: the Why page's controller
        # goes over with the training set's features it computed (or is computing), which took
        # ~90 s of a loaded machine to compute again for a CNN (walk51 D6)
        self._lend_explainer()
        built: list[Desk] = []
        yield from build_steps(
            built,
            mode=self.state.mode,
            classifier=self.state.classifier,
            explainer=self.desk.explainer,
        )
        new = built[0]
        yield
        restore_state(new, self.state)
        # what the old window's work said again as it was put back ("Model saved: …" of a run
        # saved long ago) is not news
        new.window.statusBar().clearMessage()
        _open_desks.append(new)
        yield
        # shown once its drawing is answered (the bars, the preview, the Why page's map), the
        # new window is whole from its first frame: shown at once, it said "nothing drawn"
        # beside the drawing until the answer came, seconds under load (walk51 D6). The old
        # window stays on screen meanwhile
        deadline = time.monotonic() + ANSWER_WAIT_S
        while self.wait_for_answer and not new.prediction.is_idle() and time.monotonic() < deadline:
            yield WAITING
        if self.state.visible:
            new.window.show()
        old = self.desk.window
        # its finished race went over to the new window: closing the old one loses nothing
        self.desk.train_page.race_handed_over = True
        old.close()
        if not old.is_closed():  # a close guard said no (not while idle): keep the old window
            self.desk.train_page.race_handed_over = False
            new.train_page.race_handed_over = True  # the old window keeps the race
            self._give_back_explainer()
            new.window.close()
            free_later(new.window)  # worker_freeing: with the GIL, not by deleteLater
            _open_desks.remove(new)
            language.use_language(self.before)
            return
        if self.desk in _open_desks:
            _open_desks.remove(self.desk)
        free_later(old)  # its run may train on in the new window: freed with the GIL
        self.result = new

    def give_up(self) -> None:
        """A step failed: the old window stays, in its language."""
        self._give_back_explainer()
        if self.before is not None:
            language.use_language(self.before)

    def _lend_explainer(self) -> None:
        """The old window's close no longer stops the Why page's controller: the new one
        takes it (``build_steps``)."""
        self._lent = True
        self.desk.window.drop_shutdown_hook(self.desk.explainer.shutdown)
        self.desk.why_page.follow_explainer(False)

    def _give_back_explainer(self) -> None:
        """The switch did not happen: the controller is the old window's again (the new
        window's deletion would take it along)."""
        if not self._lent:
            return
        self._lent = False
        explainer, window = self.desk.explainer, self.desk.window
        holder = explainer.parent()
        if holder is not window and isinstance(holder, MainWindow):  # the new window
            holder.drop_shutdown_hook(explainer.shutdown)
        explainer.setParent(window)
        window.add_shutdown_hook(explainer.shutdown)
        self.desk.why_page.follow_explainer(True)


#: The wait before the next step: a timer, not a zero wait, which Qt runs as a posted event,
#: sometimes right after the step before without the window's own events between them
STEP_WAIT_MS = 1
#: What a step yields while it waits for a worker (the new window's first answer), and how
#: often it looks again then
WAITING = "waiting"
WAITING_MS = 15
#: The longest the switch waits for the new window's answer before showing it anyway (a model
#: that takes longer says "nothing drawn" until it answers, as at start)
ANSWER_WAIT_S = 3.0


class LanguageRebuild(QObject):
    """``switch_language`` a step at a time from the event loop, as "Switch now" runs it: a
    page is built per turn of the loop, so the old window keeps painting and the loop's timers
    run while the new one is built (one piece took the GUI thread 1.3-2.6 s under load). The
    person's input to the old window is set aside meanwhile (``InputHold``): what is carried
    over was taken when the switch began."""

    #: Desk: the window in use once the switch is over (the old one when its close guard said
    #: no or a step failed)
    finished = Signal(object)

    def __init__(self, desk: Desk, code: str) -> None:
        super().__init__(QApplication.instance())  # outlives the old window
        self._hold = InputHold(desk.window)
        self._switch = _Switch(desk, code, wait_for_answer=True)
        self._steps = self._switch.steps()
        QTimer.singleShot(STEP_WAIT_MS, self, self._on_timer_step)

    @Slot()
    def _on_timer_step(self) -> None:
        try:
            made = next(self._steps)
        except StopIteration:
            self._end(self._switch.result)
            return
        except BaseException:
            self._switch.give_up()
            self._end(self._switch.desk)
            raise
        wait = WAITING_MS if made == WAITING else STEP_WAIT_MS
        QTimer.singleShot(wait, self, self._on_timer_step)

    def _end(self, desk: Desk) -> None:
        self._hold.release()
        self.finished.emit(desk)
        free_later(self)


_open_desks: list[Desk] = []  # windows rebuilt by switch_language live as long as they are open
