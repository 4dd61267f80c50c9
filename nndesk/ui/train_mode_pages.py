"""Each mode's Train page: the run (or loaded model) the page shows belongs to the mode it was
trained or loaded in. A mode switch keeps it for that mode and shows the other mode's, or no
run: the Digits page showed the last Fashion run's headline, test line, coach and Continue
until a Digits run started (walk62 D6)."""

from __future__ import annotations

from dataclasses import replace

from nndesk.data.registry import DATASETS, known_dataset
from nndesk.replay import ReplayRecord
from nndesk.run_curves import Curves
from nndesk.training.internals import InsideRecord
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.train_page_state import TrainPageState
from nndesk.ui.train_run_state import RunState
from nndesk.ui.window_menus import MODE_TITLES


def mode_of_dataset(dataset: object) -> str | None:
    """The window mode of registered ``dataset`` ("mnist" -> "digits", "fashion" ->
    "garments"); None for anything else (an image folder trains in whatever mode is shown)."""
    key = known_dataset(dataset)
    mode = DATASETS[key].preprocess if key is not None else None
    return mode if mode in MODE_TITLES else None


class ModePagesMixin:
    """``show_mode_page``: the Train page of a mode, its own last run or none.

    Mixed into ``TrainingPanel`` (ui/training_panel.py), whose ``__init__`` calls
    ``_init_mode_pages`` and makes the widgets and ``run_state``; ``page_state`` and
    ``restore_shown_run`` are ``PageStateMixin``'s (what a language switch carries over is
    what a mode keeps).
    """

    run_state: RunState

    def _init_mode_pages(self) -> None:
        #: the mode whose run the page shows (None until the window first says its mode)
        self.page_mode: str | None = None
        #: what the page showed in each mode not shown, as it was left
        self._mode_pages: dict[str, TrainPageState] = {}
        #: a run asked for on another mode's data: (its mode, what the page showed before it),
        #: until it starts (``take_run_mode``) or ends without starting
        self._run_elsewhere: tuple[str, TrainPageState] | None = None

    def note_run_mode(self, dataset: object) -> None:
        """Before the page gives its place to a run on ``dataset``: when that is another mode's
        data (a Digits lab picked from the preset list in Clothing), what the page shows now is
        kept for the mode it is in once the run starts. The window follows the run to its
        data's mode (app.wiring), and the run is that mode's page's (walk64 D0: it was filed
        on the page of the mode Train was pressed in, and its own said "No run yet")."""
        run_mode = mode_of_dataset(dataset)
        self._run_elsewhere = None
        if self.page_mode is not None and run_mode is not None and run_mode != self.page_mode:
            self._run_elsewhere = (run_mode, replace(self.page_state(), mode_pages=None))

    def take_run_mode(self) -> None:
        """The run noted by ``note_run_mode`` started: the page is its mode's from now, as a
        run started there would be (that mode's last run gives way to it); the mode Train was
        pressed in keeps what it showed. A mode switched to by hand meanwhile is followed at
        the run's end as for any run (``follow_mode_after_run``)."""
        moved, self._run_elsewhere = self._run_elsewhere, None
        if moved is None or self.page_mode is None:
            return
        run_mode, left = moved
        self.form.take_run_mode(run_mode)  # its settings are that mode's form now (walk66 #3)
        self._mode_pages[self.page_mode] = left
        self._mode_pages.pop(run_mode, None)
        self.page_mode = run_mode

    def forget_run_mode(self) -> None:
        """The run noted by ``note_run_mode`` ended without starting: nothing moves."""
        self._run_elsewhere = None

    def show_mode_page(self, mode: str) -> bool:
        """Show ``mode``'s last run (or the model loaded in it), or no run when it has none;
        the run on show is kept for its own mode. No run trains then. True when the page
        changed."""
        if self.page_mode is None or mode == self.page_mode:
            self.page_mode = mode
            return False
        # a mode's page keeps only its own run: not the other modes' pages again
        self._mode_pages[self.page_mode] = replace(self.page_state(), mode_pages=None)
        self.page_mode = mode
        kept = self._mode_pages.pop(mode, None)
        self._show_no_run()
        if kept is not None:
            self.restore_shown_run(kept)
        self.name_latest_in_replay()  # this mode's latest run, with nothing to replay
        return True

    def mode_pages(self) -> dict:
        """What the page showed in each mode not shown (``TrainPageState`` by mode)."""
        return dict(self._mode_pages)

    def keep_mode_pages(self, pages: dict) -> None:
        """Take over ``pages`` (``mode_pages`` of a window this one replaces)."""
        self._mode_pages.update(pages)

    def say_run_kept_in(self, mode: str) -> None:
        """The status line after a run that ended in another mode than the window's: where its
        results went."""
        if mode not in MODE_TITLES:
            return
        self.status_message.emit(
            translate(
                "TrainingPanel",
                "The run has ended. Its curves and results stay on the Train page of {mode}.",
            ).format(mode=translate_marked("MainWindow", MODE_TITLES[mode]))
        )

    def _show_no_run(self) -> None:
        """The page as a window shows it before its first run (the latest run on the form's
        dataset named in the headline, if any)."""
        self.curves = Curves()
        self.run_state = RunState()
        self.controller.inside = InsideRecord()
        self.controller.replay = ReplayRecord()
        self.controller.model_path = None
        self.inside_view.show_record(self.controller.inside)
        self.replay_view.forget_latest_run()  # the other mode's (verify63 V1)
        self.replay_view.show_record(self.controller.replay)
        self.header.say_alert("")
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingPanel", "Ready"))
        self.speed.setText(translate("TrainingPanel", "Choose settings and press Train."))
        self.model_label.setText("")
        self.live_lr.setText("")
        self._show_coach()  # no curves: its place, kept since a run, stays blank
        self.live.reset()
        self.plot.request_draw()
        self._first_title = translate("TrainingPanel", "No run yet")
        self.header.set_title(self._first_title)
        self.say_first_title()
        # a race going: said on this page too, not "Ready · Choose settings…" (walk64 D7)
        racing = self.race is not None and self.race.is_running()
        self.race_line.say(racing and self.shows_no_run())
        self._update_buttons()
