"""The Train page following a run as the controller tells it: started, batches, epochs, a rate
or setting changed, ended, saved, failed; the progress bar and its verdict."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMessageBox

from nndesk.controllers.training import RunStarted
from nndesk.curves.marks import schedule_turns
from nndesk.errors import ConfigError
from nndesk.i18n import localised
from nndesk.setting_changes import SettingChange
from nndesk.training.config import batch_over_train_note
from nndesk.ui import theme
from nndesk.ui.coach_row import coach_setup
from nndesk.ui.file_manager import show_folder
from nndesk.ui.language import accuracy_text, translate, translate_marked
from nndesk.ui.live_page import diverged_note
from nndesk.ui.run_controls import LR_NOW_DIGITS
from nndesk.ui.run_preset_words import lab_comparison, stopped_short
from nndesk.ui.run_steering import SCHEDULED
from nndesk.ui.runs_table import started_text
from nndesk.ui.status_rank import Notice, Progress
from nndesk.ui.train_run_state import RunState
from nndesk.ui.train_texts import (
    VERDICTS,
    dataset_title,
    ended_message,
    progress_texts,
    schedule_text,
)


def _not_tested_diverged() -> str:
    """The line under the bar once a run diverged: nothing of it is tested."""
    return translate("TrainingPanel", "Not tested: the run diverged.")


def _temp_note(saved: str) -> str:
    """ " The temporary folder…" after a message naming a model saved there (walk55b D6): the
    student learned where it went, not that it may be gone after a restart."""
    from nndesk.paths import in_temp_folder

    if not in_temp_folder(saved):
        return ""
    return " " + translate(
        "TrainingPanel",
        "The temporary folder may be emptied when the computer restarts: use Save model… to "
        "keep a copy.",
    )


def _compared_config(record) -> dict:
    """The settings a finished run is compared with its lab's by: a Continue's Epochs are its
    own (the more it trained), not counted from the model's first, so they are left out."""
    config = dict(record.config)
    if record.resumed_from:
        config.pop("epochs", None)
    return config


class RunEventsMixin:
    """The ``TrainingController`` signals of a run, shown on the Train page.

    Mixed into ``TrainingPanel`` (ui/training_panel.py), whose ``__init__`` makes the widgets
    and ``run_state``, the run's state these methods read and set (ui/train_run_state.py).
    """

    run_state: RunState

    def _show_progress(self) -> None:
        run, r = self.run_state.run, self.run_state.last_batch
        if run is None or r is None:
            return
        onward = self.controller.running_to_epoch_end()
        paused = self.controller.is_paused() and not onward
        lr = self.steering.lr if self.steering.lr is not None else r.lr
        value, where, line = progress_texts(
            run,
            r,
            paused=paused,
            lr=lr,
            onward=onward,
            pace=self.controller.slow_motion(),
            by_hand=self.steering.lr is not None,
        )
        self.progress.setValue(value)
        if not self.controller.is_stopping() and self.run_state.ended is None:
            self.progress.setFormat(where)
        self.header.say_progress(line)

    def _show_again_before_start(self) -> None:
        """A run that never started: the curves (and the model) of the last run come back."""
        shown, self.run_state.before_start = self.run_state.before_start, None
        if shown is None:
            return
        self.curves, span, expected, per_epoch, model = shown
        self.live.reset()
        self.live.batches_per_epoch = per_epoch
        if span is not None:
            self.live.set_span(*span)
        self.live.expect_curves(*expected)
        self.model_label.setText(model)
        self.say_model_gone()  # "Model saved: <a file deleted since>" is not said again
        self.inside_view.show_record(self.controller.inside)  # the last run's, if any
        self.plot.request_draw()

    @Slot(str)
    def _on_controller_status_changed(self, text: str) -> None:
        if self.run_state.run is None and not self.controller.is_stopping():  # loading, preparing
            self.progress.setFormat(text)
        elif self.run_state.run is not None and self.controller.is_paused():
            # the worker's "Training…" of a run paused before its first batch (walk 43 item 10)
            text = self._running_word()
        elif self.run_state.ended is not None and self.run_state.ended.reason != "diverged":
            # the loop is over: what it does now, not the last batch's speed and time left
            # (walk66 #11: "100 samples/s · ETA 1:07:32" stayed frozen ~4 min of testing)
            self.speed.setText(text)
        self.status_message.emit(Progress(text))  # waits while a notice is read

    @Slot(object)
    def _on_controller_run_started(self, run: RunStarted) -> None:
        self.run_state.run = run
        self.run_state.coach_setup = coach_setup(run)
        self.run_state.before_start = None
        self.take_run_mode()  # a run on another mode's data is that mode's page's (walk64 D0)
        selected = self.runs_view.selected_records()
        self.run_state.selection_at_start = tuple(r.run_id for r in selected)
        if not self.coach.is_reserved():  # (kept from the click: a run started otherwise)
            self.reserve_coach()  # (not again: the data took seconds, the pointer is elsewhere)
        # a rate set before the first batch (Set LR while the data loaded) is the one in use;
        # else the schedule's for the first epoch (a continued cosine run's is not its base)
        first_lr = run.first_lr if run.first_lr > 0 else run.config.lr
        self.steering.start(run.config.to_dict(), first_lr)
        self.lr_error.setText("")  # the last run's "Nothing to apply" or refusal is old news
        self.run_state.unused_note = ""
        if run.samples is not None:
            self.form.augment_preview.set_images(run.samples)
        self.run_state.last_batch = None
        self.curves = self.controller.curves  # the run's one store; the controller fills it
        if self.controller.record is not None:  # the latest run now: Replay says so
            self.replay_view.set_run_here(started_text(self.controller.record))
        self.replay_view.show_record(self.controller.replay)
        self.inside_view.show_record(self.controller.inside)  # its layers at the start, at once
        self.live.batches_per_epoch = run.batches_per_epoch
        turns = schedule_turns(run.config, run.first_epoch, run.last_epoch)
        self.live.set_span(1, run.last_epoch, turns)  # its schedule's turns marked as reached
        from nndesk.training.session import planned_rates
        from nndesk.ui.rate_plot import MOST_POINTS

        self.live_page.show_plan(
            planned_rates(run.config, run.last_epoch, run.schedule_from, most=MOST_POINTS),
            run.config.schedule != "constant",
        )
        self.live.expect_curves(run.config.val_fraction > 0, run.config.test_every_epoch)
        self._show_title()
        self.live_lr.set_value(self.steering.lr if self.steering.lr is not None else first_lr)
        self.live_lr.setModified(False)
        # a continued run says what its schedule does (beside the rate it shows), in the
        # muted tone: the line is red for a refused rate
        note = schedule_text(
            run, self._ended_lr(run.first_epoch - 1), asked=self.run_state.continue_asked
        )
        # a batch larger than the training set: said, as the CLI says it (lab56 D5)
        batch_note = batch_over_train_note(run.config.batch_size, run.train_images)
        if batch_note is not None:
            said = localised(batch_note)
            said = said[:1].upper() + said[1:]  # a line of its own here, not after "note:"
            note = f"{note}  {said}".strip()
            self.status_message.emit(Notice(said))  # "Training…" waits while it is read
        theme.set_tone(self.lr_error, "muted" if note else "error")
        self.lr_error.setText(note)
        if not self.controller.is_stopping():
            self.progress.setFormat(self._running_word())
        self._update_buttons()
        # a run over every core: the Live plot redraws less often, its cores the run's
        self.plot.pace(busy=run.parts > 1)
        self.plot.request_draw()

    def _ended_lr(self, epoch: int) -> float | None:
        """The rate epoch ``epoch`` of the curves trained at (a continued run's model's last),
        None when they do not say."""
        for at, lr in zip(self.curves.epochs, self.curves.lr, strict=False):
            if at == epoch and math.isfinite(lr) and lr > 0:
                return float(lr)
        return None

    @Slot(object)
    def _on_controller_batches_finished(self, reports: tuple) -> None:
        if reports:
            first = self.run_state.last_batch is None
            self.run_state.last_batch = reports[-1]
            self.steering.batch_rate(reports[-1].lr)
            self._follow_rate(reports[-1].lr)
            self._show_progress()
            if first or self.controller.held_at_the_end():  # To epoch end: none left
                self._update_buttons()
        self.inside_view.show_record(self.controller.inside)
        self._show_coach()
        self.plot.request_draw()

    @Slot(object)
    def _on_controller_epoch_finished(self, report) -> None:
        self.inside_view.show_record(self.controller.inside)
        if self.replay_view.record is self.controller.replay:  # not another run selected
            self.replay_view.show_record(self.controller.replay)
        # the epoch's validation loss judged as it comes, not at the next epoch's batches
        # (held at the epoch's end, never before Resume: walk65 D4)
        self._show_coach()
        self.plot.request_draw()

    @Slot(float, float)
    def _on_controller_lr_changed(self, x: float, lr: float) -> None:
        self.plot.request_draw()

    @Slot(object)
    def _on_controller_setting_changed(self, change) -> None:
        was = self.steering.lr_was
        self.steering.used(change.name, change.value, change.scheduled, change.before)
        if self.steering.lr_was != was:  # the rate the hand replaced, as the loop knew it
            self._show_title()
        self.plot.request_draw()

    def _follow_rate(self, lr: float) -> None:
        """ "LR now" is the rate in use: a schedule moves it each epoch (it kept the base rate,
        walk54 D6); a rate being typed there is left alone, and so is a rate just set that no
        batch has used yet (a batch reported before it put the old rate back for a moment and
        the student thought the change refused, walk67 #8)."""
        field = self.live_lr
        if field.hasFocus() or field.isModified() or not math.isfinite(lr):
            return
        if self.steering.unapplied.get("lr", (None, SCHEDULED))[1] is not SCHEDULED:
            return
        try:
            if field.value() == lr:
                return
        except ConfigError:  # a field that holds no number yet
            pass
        # four digits in the narrow field (it showed the tail "52418709018"), exact in its tip
        field.set_value(lr, digits=LR_NOW_DIGITS)

    def _forget_unapplied(self) -> None:
        """The run ended: settings no batch used were never its settings (the headline and
        the coach name what it trained with; "LR now" says the rate it trained with)."""
        lr_unused = "lr" in self.steering.unapplied
        unused = [
            SettingChange(0, 1, 1, name, sent).shown_text()
            for name, (_before, sent) in self.steering.unapplied.items()
            if sent is not SCHEDULED
        ]
        if unused:
            # the status bar's "From the next batch: lr 3" is no longer true (verify65 #12,
            # verify66 #5: it stayed after Stop under a headline saying the run's own rate);
            # held while read, the testing and saving lines after it wait (verify67 #2), and
            # kept under the run buttons once the run is over
            said = translate(
                "TrainingPanel", "Not used: {changes}. The run ended before its next batch."
            ).format(changes=", ".join(unused))
            self.run_state.unused_note = said
            self.status_message.emit(Notice(said))
        self.steering.forget_unapplied()
        used = self.steering.lr
        used = used if used is not None else getattr(self.run_state.last_batch, "lr", None)
        if lr_unused and used is not None:
            self.live_lr.set_value(used)

    def _verdict_text(self) -> str:
        """The progress bar's last word on the last run: "Finished: trained 5 epochs"."""
        ended = self.run_state.verdict[0]
        verdict = translate_marked("TrainingPanel", VERDICTS.get(ended.reason, ended.reason))
        return f"{verdict}: {self.run_state.ended_text}"

    def _show_verdict(self, testing: bool = False) -> None:
        """The verdict on the bar; ``testing``: its model is being tested and saved, which the
        bar says after it where it holds both whole (the line under it says it too)."""
        said = self._verdict_text()
        if not testing:
            self.progress.setFormat(said)
            return
        ended = self.run_state.verdict[0]
        verdict = translate_marked("TrainingPanel", VERDICTS.get(ended.reason, ended.reason))
        whole = translate(
            "TrainingPanel", "{verdict}: {message} · testing and saving the model…"
        ).format(verdict=verdict, message=self.run_state.ended_text)
        self.progress.set_texts(whole, said)

    @Slot(object)
    def _on_controller_run_ended(self, ended) -> None:
        self.run_state.ended = ended
        # the run's last picture without waiting for the pace of the renders (it came ~2 s
        # after "Finished")
        self.inside_view.show_record(self.controller.inside, at_once=True)
        if ended.reason == "diverged":
            self.plot.request_draw()  # the loss that ended it joined the curves (off the chart)
        if self.steering.unapplied:
            self._forget_unapplied()
            self._show_title()
        self.run_state.completed = ended.reason == "completed"
        run = self.run_state.run
        self.run_state.verdict = (ended, None if run is None else (run.first_epoch, run.last_epoch))
        self.run_state.ended_text = ended_message(*self.run_state.verdict)
        if self.header.headline and self.header.headline[0] == "run":
            facts = {**self.header.headline[1], "ended": True}
            if ended.reason == "diverged":  # the epoch its loss blew up in
                facts["diverged_in"] = ended.epochs_done + 1
            self._say_headline(("run", facts))
        self._show_coach()
        verdict = translate_marked("TrainingPanel", VERDICTS.get(ended.reason, ended.reason))
        if ended.reason == "diverged":  # nothing is tested or saved of it, as in the CLI
            self._show_verdict()
        else:
            self._show_verdict(testing=True)
        if ended.reason == "completed":
            self.progress.setValue(self.progress.maximum())
        if ended.reason == "diverged":
            self._say_diverged(ended)
            self.speed.setText(_not_tested_diverged())
        self.status_message.emit(Progress(f"{verdict}: {self.run_state.ended_text}"))
        self._update_buttons()

    def _say_diverged(self, ended) -> None:
        """The banner above the tabs: why the run ended, over none of the curves showing it."""
        said = translate("TrainingPanel", "The run diverged: {message}.").format(
            message=localised(ended.message)
        )
        # a record a full disk refused stays said beside it (the banner holds one text)
        self.header.say_alert(" ".join(filter(None, (said, self.run_state.record_alert))))

    @Slot(object)
    def _on_controller_run_saved(self, record) -> None:
        self.run_state.last_run_id = record.run_id
        self.run_state.loaded_clf = None
        if self.run_state.ended is not None:
            self._show_verdict()
        path = self.controller.model_path  # the run folder's, or where the fallback put it
        self._show_saved_run(record, path)
        # a diverged run saved no model (its weights are the ones its blow-up came from, and
        # the CLI saves none of it: walk53 #2): Continue has nothing of it to train further
        diverged = record.status == "diverged" or path is None
        self.run_state.continuable = None if diverged else (path, record.curves)
        self.run_state.continuable_dataset = None if diverged else record.config.get("dataset")
        if self.controller.record_problem is not None:  # its run.json is behind (a full disk)
            self.runs_view.keep_unsaved(record, self.controller.record_problem)
        self.runs_view.refresh(select_id=record.run_id)

    def _line_fits(self, accuracy: str, dataset: str):
        """lab's comparison -> whether the line under the bar holds the test's line of
        ``accuracy`` on ``dataset`` ending in it on one line (yes while the window was never
        shown: its label's width says nothing yet)."""
        line = translate("TrainingPanel", "Test accuracy {accuracy} on {dataset} — {lab}")

        def fits(lab: str) -> bool:
            if not self.speed.window().isVisible():
                return True
            text = line.format(accuracy=accuracy, dataset=dataset, lab=lab)
            return self.speed.fontMetrics().horizontalAdvance(text) <= self.speed.width()

        return fits

    def _show_saved_run(self, record, path: Path | None, say: bool = True) -> None:
        """The finished run's test accuracy and where its model is; ``say``: in the status
        line too (not when a mode switch shows it again: "Model saved" read as new)."""
        test = record.test_accuracy
        self.run_state.tested_line = None
        if math.isfinite(test):
            dataset = dataset_title(record.config.get("dataset"))
            fits = self._line_fits(accuracy_text(test), dataset)
            facts = {
                "accuracy": accuracy_text(test),
                "dataset": dataset,
                "path": path,
                # the figure of the lab the run reproduces, where it came from one (walk64 D6)
                # a lab's run stopped short is not compared with it (verify65 #8)
                # a Continue's Epochs are its own, not counted from the model's first
                "lab": stopped_short(record)
                or lab_comparison(record.preset, _compared_config(record), fits),
            }
            if facts["lab"]:
                # one line at 1024 px: where the model went is on the line under it
                without_model = translate(
                    "TrainingPanel", "Test accuracy {accuracy} on {dataset} — {lab}"
                )
                line = without_model.format(**facts)
            else:
                line = (
                    translate(
                        "TrainingPanel",
                        "Test accuracy {accuracy} on {dataset} · model saved in the run history",
                    )
                    if record.model_file
                    else translate(
                        "TrainingPanel",
                        "Test accuracy {accuracy} on {dataset} · model saved to {path}",
                    )
                ).format(**facts)
                without_model = translate("TrainingPanel", "Test accuracy {accuracy} on {dataset}")
            self.speed.setText(line)
            self.run_state.tested_line = (line, without_model.format(**facts))
        if record.status == "diverged" and path is None:
            # the last batch's speed and time left stayed under the bar (walk57 #8)
            self.speed.setText(_not_tested_diverged())
            said = diverged_note()
            self.model_label.setText(said)
            if say:
                self.status_message.emit(said)
            return
        if path is None:
            return  # no model of it was saved (nor its fallback): "Model saved: None" said so
        saved = translate("TrainingPanel", "Model saved: {path}").format(path=path)
        self.model_label.setText(saved)  # the whole path is its tooltip
        if say:
            self.status_message.emit(Progress(saved))  # "Saving the model…" is over

    @Slot(str, str, str)
    def _on_controller_saved_elsewhere(self, folder: str, reason: str, saved: str) -> None:
        def show_button(box: QMessageBox) -> None:
            # the file is in a folder the user did not choose: one click shows it, to move or
            # keep
            show = box.addButton(
                translate("TrainingPanel", "Show the folder"), QMessageBox.ButtonRole.ActionRole
            )
            show.setToolTip(
                translate("TrainingPanel", "open {folder} in the file manager").format(
                    folder=Path(saved).parent
                )
            )
            show.clicked.connect(lambda: show_folder(Path(saved).parent))

        self.show_error(
            translate(
                "TrainingPanel",
                "Could not save the model in its run folder {folder} ({reason}); saved it to "
                "{saved} instead.",
            ).format(folder=folder, reason=reason, saved=saved)
            + _temp_note(saved),
            show_button,
        )

    @Slot(str, str, str)
    def _on_controller_run_folder_refused(self, folder: str, reason: str, saved: str) -> None:
        """The run trains without a folder of its own, as the CLI's does: one message says
        why and where its model will be saved (the window refused to train: walk52 D4)."""
        self.show_error(
            translate(
                "TrainingPanel",
                "Cannot make a run folder in {folder} ({reason}). The run trains all the same; "
                "its model will be saved as {saved}, and its curves are not kept after it.",
            ).format(folder=folder, reason=reason, saved=saved)
            + _temp_note(saved)
        )

    @Slot(str, str)
    def _on_controller_record_unsaved(self, folder: str, reason: str) -> None:
        """Said in the banner above the tabs and the status bar, not in a box: a full disk
        opened a window-modal box over the training run, then a second one for its model at
        the end (walk60 D7c). The model's box (saved elsewhere, or not at all) is the one box of
        a full disk; the Runs list marks the run's record as behind."""
        training = self.controller.is_running() and self.run_state.ended is None
        self.run_state.record_refused = (folder, reason)
        said = self._record_refused_text(training)
        self.run_state.record_alert = said
        self.header.say_alert(said)
        self.status_message.emit(Notice(said))

    def _record_refused_text(self, training: bool) -> str:
        folder, reason = self.run_state.record_refused or ("", "")
        if training:
            said = translate(
                "TrainingPanel",
                "Could not write the run's record in {folder} ({reason}); training goes on.",
            )
        else:
            said = translate(
                "TrainingPanel", "Could not write the run's record in {folder} ({reason})."
            )
        return said.format(folder=folder, reason=reason)

    def _say_record_refused_after_the_run(self) -> None:
        """The banner's "training goes on" is over once the run is: said without it."""
        before = self.run_state.record_alert
        if not before:
            return
        after = self._record_refused_text(training=False)
        self.run_state.record_alert = after
        self.header.say_alert(self.header.alert.text().replace(before, after))

    @Slot(str, object)
    def _on_controller_failed(self, message: str, offer=None) -> None:
        """``offer``: the DataOffer the failed worker found (the banner's Download), or None."""
        self.run_state.failed = True  # the coach's place stays blank (running_changed says it)
        never_started = self.run_state.run is None
        if never_started:
            before = self.run_state.before_start
            # the last run's curves and "Model saved: …" come back under this headline: it
            # says whose they are (walk qa39: they read as the failed run's)
            shows_last = before is not None and bool(before[0].epochs or before[4])
            self._say_headline(("failed", "last run shown") if shows_last else ("failed",))
            self._show_again_before_start()
        continuing = self.run_state.continuing
        if continuing and never_started:
            # a Continue that could not start (its model gone or unreadable): said once, under
            # the bar the person watches for the run to go (s58: the bar, the line, a message
            # box and the status bar all said "…/model.npz: no such model file"); the bar says
            # only that Continue did not start
            self.progress.setFormat(translate("TrainingPanel", "Could not continue"))
            self.speed.setText(
                translate("TrainingPanel", "Could not continue: {message}").format(message=message)
            )
            self.data_check.run_failed(message, continuing, offer)  # a banner for its data
            return
        failed = translate("TrainingPanel", "Failed: {message}").format(message=message)
        self.progress.setFormat(failed)  # cut to the bar's one line: the line under it wraps
        self.speed.setText(failed)  # not "Speed, loss and accuracy appear after the first batch"
        if not self.data_check.run_failed(message, continuing, offer):
            self.show_error(message)

    @Slot(bool)
    def _on_controller_running_changed(self, running: bool) -> None:
        self._show_coach()
        if not running:
            self.run_state.run = None
            self.run_state.ended = None
            # a continued run's schedule note, or a refusal of its steering, ends with it: it
            # stayed under the stopped run's buttons and on the other mode's page (verify64 D-H)
            # a rate set and never used is said there instead, until the next run starts
            theme.set_tone(self.lr_error, "muted")
            self.lr_error.setText(self.run_state.unused_note)
            self.run_state.unused_note = ""
            self._say_record_refused_after_the_run()
            before = (
                translate("TrainingPanel", "Starting…"),
                translate("TrainingPanel", "Stopping…"),
            )
            if self.progress.format() in before:  # stopped before training
                self.progress.setFormat(translate("TrainingPanel", "Stopped before training began"))
                self._say_headline(("idle",))
            self._show_again_before_start()  # a run that never started
            # the mode switched to while it trained: its form and page, the run's page kept
            self.follow_mode_after_run()
            if self.race_view is not None:
                self.race_view.busy_may_have_ended()  # "stop it before a race" is over
            self.plot.pace(busy=False)
            self.plot.draw_now()
            if self.data_check.needs_data or not self.data_banner.isHidden():
                # the form's dataset may have changed while the worker was ending (a mode
                # switched right after a failed start): check_data skips a running page
                self.check_data()
        self._update_buttons()

    def _running_word(self) -> str:
        """What the progress bar says of a run before its first batch report."""
        if self.controller.is_paused():
            return translate("TrainingPanel", "Paused")
        return translate("TrainingPanel", "Training…")

    @Slot(bool)
    def _on_controller_paused_changed(self, paused: bool) -> None:
        self._update_buttons()
        state = self.run_state
        if state.run is not None and state.last_batch is None and not self.controller.is_stopping():
            self.progress.setFormat(self._running_word())  # paused before the first batch
        if state.run is not None and not self.controller.is_stopping():
            # the status bar agrees with the bar's PAUSED (it kept saying "Training…")
            self.status_message.emit(self._running_word())
        self._show_progress()
