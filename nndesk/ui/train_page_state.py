"""What the Train page holds that a window rebuilt in another language must keep: the
``TrainPageState`` and the page's methods that take it and give it back."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from nndesk.errors import NndeskError
from nndesk.run_curves import Curves
from nndesk.training import TrainConfig
from nndesk.ui.language import translate
from nndesk.ui.run_controls import LR_NOW_DIGITS
from nndesk.ui.train_run_state import RunState
from nndesk.ui.train_texts import ended_message


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
    tab: str  # the tab shown, by name (TrainTabs.current_name): Settings, Live, Runs…
    #: how the last run ended (RunEnded, its epoch count), said again in the new language
    verdict: tuple | None = None
    progress: int = 0  # the progress bar's value
    loaded: object = None  # Classifier of the model loaded on the page (Runs > Use model)
    lr_now: str = ""  # the "LR now" field as typed
    #: the run's rate "LR now" shows rounded to four digits (None: the text is the rate): the
    #: rebuilt field showed the rounded digits as the rate, and Set LR would have sent them
    lr_now_exact: float | None = None
    slow_motion: int = 0
    selected_runs: tuple[str, ...] = ()
    completed: bool = False  # the last run trained all its epochs (the coach's last word)
    #: (settings the last run ended with, the form then, RunState.model_end) for Continue
    at_end: tuple = ()
    inside: object = None  # the controller's InsideRecord of the last run
    span: tuple | None = None  # the live curves' epochs (LiveCurves.span) and expected curves
    #: the Live rate plot's plan and whether the run had a schedule (``LivePage.plan``)
    rate_plan: tuple = ()
    replay: object = None  # the controller's ReplayRecord of the last run
    replays: dict | None = None  # every run's of the window, by id (``kept_replays``)
    # the headline as facts (``RunHeader.headline``), said again in the new language
    headline: tuple = ()
    continuable_dataset: str | None = None  # the dataset Continue's model trains on
    #: the dataset a Continue that failed for want of data needs (its banner said again)
    continue_needs: str | None = None
    #: the dataset a start found a file of damaged (its banner said again in the new words)
    damaged: str | None = None
    #: the preset the box named ("" custom): the rebuilt box names the same (walk49 D3)
    preset: str | None = None
    #: the preset a custom form was edited from: its note is said again (verify60 D-G)
    edited_from: str = ""
    #: the coach's place was kept (a run started): its hint, or "sees no problem", is said again
    coach_kept: bool = False
    #: what the coach reads of the last run's settings (``RunState.coach_setup``)
    coach_setup: object = None
    #: runs whose run.json could not be written to its end (``RunsView.unsaved``): listed as
    #: the window knows them, not as the disk's record says (walk52 D7), in the new window too
    unsaved_runs: dict | None = None
    #: the Train form each mode not shown had when left (``TrainForm.mode_forms``, walk59 D13)
    mode_forms: dict | None = None
    #: what the page showed in each mode not shown, as it was left (``ModePagesMixin``)
    mode_pages: dict | None = None
    #: the mode whose run the page shows (``ModePagesMixin.page_mode``): it goes with what
    #: the page shows, whatever mode the rebuilt window first says
    page_mode: str | None = None


class PageStateMixin:
    """``page_state`` and ``restore_page_state`` of the Train page.

    Mixed into ``TrainingPanel`` (ui/training_panel.py), whose ``__init__`` makes the widgets
    and ``run_state``, the run's state these methods read and set (ui/train_run_state.py).
    """

    run_state: RunState
    page_mode: str | None  # ``ModePagesMixin``'s

    def page_state(self) -> TrainPageState:
        """What this page holds that a window rebuilt in another language must keep."""
        try:
            config = self.form.config()
        except (NndeskError, ValueError):
            config = None  # a field being typed: the rebuilt form starts from the preset
        return TrainPageState(
            config=config,
            curves=self.curves,
            continuable=self.run_state.continuable,
            last_run_id=self.run_state.last_run_id,
            model_path=self.controller.model_path,
            loaded_model=self.run_state.loaded_model,
            title=self.title.text(),
            tab=self.tabs.current_name(),
            verdict=self.run_state.verdict,
            progress=self.progress.value(),
            loaded=self.run_state.loaded_clf,
            lr_now=self.live_lr.text(),
            lr_now_exact=self.live_lr.rounded_value(),
            slow_motion=self.slow_motion.currentIndex(),
            selected_runs=tuple(r.run_id for r in self.runs_view.selected_records()),
            completed=self.run_state.completed,
            at_end=(self.run_state.at_end, self.run_state.form_at_end, self.run_state.model_end),
            inside=self.controller.inside,
            replay=self.controller.replay,
            replays=self.controller.kept_replays(),
            span=(self.live.span(), self.live.expected(), self.live.batches_per_epoch),
            rate_plan=self.live_page.plan(),
            headline=self.header.headline,
            continuable_dataset=self.run_state.continuable_dataset,
            continue_needs=self.data_check.continue_needs,
            damaged=self.data_check.damaged,
            unsaved_runs=self.runs_view.unsaved(),
            preset=self.form.preset.currentData(),
            edited_from=self.form.edited_from(),
            coach_kept=self.coach.is_reserved(),
            coach_setup=self.run_state.coach_setup,
            mode_forms=self.form.mode_forms(),
            mode_pages=self.mode_pages(),
            page_mode=self.page_mode,
        )

    def restore_page_state(self, state: TrainPageState) -> None:
        """Take over ``state`` from the page of the window this one replaces (no run is
        training then: the language switch waits for it)."""
        if state.config is not None:
            self.form.set_config(state.config, state.preset, state.edited_from)
        if state.mode_forms:
            self.form.keep_mode_forms(state.mode_forms)
        for record, reason in (state.unsaved_runs or {}).values():
            self.runs_view.keep_unsaved(record, reason)
        if state.unsaved_runs:  # listed again with them, had the Runs view listed already
            self.runs_view.refresh()
        if state.replays:
            self.controller.take_replays(state.replays)
        self.keep_mode_pages(state.mode_pages or {})
        if state.page_mode is not None:
            # the page shows that mode's run: a window rebuilt while the mode switched to had
            # not yet put its model in use says the old model's mode first (follow_mode), and
            # the page then took the run it shows for that mode's, so going back to that mode
            # showed "No run yet" (test_a_language_switch_keeps_the_other_modes_page, flaky)
            self.page_mode = state.page_mode
        self.restore_shown_run(state, select=True)
        if state.continue_needs is not None:  # the failed Continue's banner, not the form's
            self.data_check.say_continue_needs(state.continue_needs)
        elif state.damaged is not None:  # the failed start's banner, in the new words
            self.data_check.say_damaged_again(state.damaged)
        if state.selected_runs:
            self.runs_view.select_runs(list(state.selected_runs))
        self.slow_motion.setCurrentIndex(state.slow_motion)
        self.tabs.show_named(state.tab)
        self._update_buttons()

    def restore_shown_run(self, state: TrainPageState, select: bool = False) -> None:
        """Show again the run (or loaded model) ``state`` holds, on a page showing none: its
        curves, headline, verdict, test line, coach, Inside and Replay, and what Continue and
        Save model… mean. ``select``: its run is selected in the Runs tab too."""
        self.curves = state.curves
        self.run_state.continuable = state.continuable
        self.run_state.continuable_dataset = state.continuable_dataset
        self.run_state.last_run_id = state.last_run_id
        self.run_state.loaded_model = state.loaded_model
        self.controller.model_path = state.model_path
        self.run_state.completed = state.completed
        self.run_state.coach_setup = state.coach_setup
        if state.at_end:
            (
                self.run_state.at_end,
                self.run_state.form_at_end,
                self.run_state.model_end,
            ) = state.at_end
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
                self._show_saved_run(record, state.model_path, say=select)
                if select:
                    self.runs_view.refresh(select_id=record.run_id)
        elif state.loaded is not None:
            self.run_state.loaded_clf = state.loaded
            self._show_loaded(state.loaded)
        elif state.loaded_model is not None:
            name = self._model_name(state.loaded_model)
            self.header.set_title(
                translate("TrainingPanel", "Model in use: {name}").format(name=name),
                headline=("loaded",),
            )
        if state.headline[:1] == ("failed",):  # with or without a run before it
            self._say_headline(state.headline)
        if state.verdict is not None and state.last_run_id is not None:
            self.run_state.verdict = state.verdict
            self.run_state.ended_text = ended_message(*state.verdict)
            self.progress.setFormat(self._verdict_text())
            if state.verdict[0].reason == "diverged":  # its banner, said again in these words
                self._say_diverged(state.verdict[0])
            self.progress.setValue(state.progress)
        if state.lr_now_exact is not None:  # the same four digits, the exact rate kept
            self.live_lr.set_value(state.lr_now_exact, digits=LR_NOW_DIGITS)
        else:
            self.live_lr.setText(state.lr_now)
            with contextlib.suppress(NndeskError):  # half typed: kept as it was
                self.live_lr.set_value(self.live_lr.value())  # in the new decimal mark
        if state.coach_kept:  # the line was gone until the next run (walk50 D8)
            self.reserve_coach()
        self._show_coach()
        self.live.reset()
        if state.span is not None:  # the axes as they were: the run's epochs, its curves
            span, expected, self.live.batches_per_epoch = state.span
            if span is not None:
                self.live.set_span(*span)
            self.live.expect_curves(*expected)
        if state.rate_plan:  # the run's rates per epoch drawn again, against its plan
            self.live_page.show_plan(*state.rate_plan)
        self.plot.request_draw()
        self._update_buttons()
