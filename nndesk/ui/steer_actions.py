"""What the Train page sends the running run: "Set LR", "Apply to run" and the coach's fix,
each refused with its reason beside the run buttons (``RunControls.lr_error``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from nndesk.errors import NndeskError, user_message
from nndesk.setting_changes import RATE_FROM_SCHEDULE, SettingChange
from nndesk.setting_words import value_text
from nndesk.ui import theme
from nndesk.ui.language import translate
from nndesk.ui.run_steering import RunSteering

#: One change of each setting a run takes while it trains, with a long value
ONE_CHANGE = {
    "augment": True,
    "aug_shift": 2,
    "aug_rotate": 15.0,
    "aug_scale": 0.15,
    "aug_stroke": 0.25,
    "sketch": 0.25,
    "dropout": 0.25,
    "momentum": 0.95,
    "batch_size": 1024,
    "l2": 0.0005,
}


def nothing_to_apply() -> str:
    """What "Apply to run" says when the form holds the run's settings already."""
    return translate(
        "TrainingPanel",
        "Nothing to apply: the Settings tab's momentum, L2, dropout, batch size and "
        "augmentation are the run's already. A learning rate typed beside the buttons "
        "is sent with “{set_lr}”.",
    ).format(set_lr=translate("TrainingPanel", "Set LR"))


def pending_line(pending: dict) -> str:
    """The "Not applied yet" line of the settings ``pending`` (name -> value)."""
    shown = ", ".join(SettingChange(0, 1, 1, k, v).shown_text() for k, v in pending.items())
    return translate(
        "TrainingPanel", "Not applied yet: {changes} (press “{apply}” to use it)"
    ).format(changes=shown, apply=translate("TrainingPanel", "Apply to run"))


class SteerActions(QObject):
    """Sends ``form``'s and ``controls``' values to ``controller``'s run; ``steering`` keeps
    what was sent and which of it a batch used."""

    status_message = Signal(str)  # when each change applies ("From the next batch: …")

    def __init__(self, controller, form, controls, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._form = form
        self._controls = controls
        self.steering = RunSteering()
        #: the "Not applied yet" line shown, and the muted line it covers (a continued run's
        #: schedule), put back when nothing waits any more
        self._pending_line = ""
        self._covered_line = ""

    def _refused(self, err: NndeskError) -> None:
        self._say(user_message(err))

    def _say(self, text: str) -> None:
        """A refusal or "Nothing to apply" beside the buttons, red (a continued run's
        schedule line there is muted)."""
        theme.set_tone(self._controls.lr_error, "error")
        self._controls.lr_error.setText(text)

    def show_pending(self) -> None:
        """While a run trains, say beside the buttons which edited fields it does not use yet
        (walk60 D7g: a paused run's edited L2 looked applied until "Apply to run" was pressed);
        the line goes when the fields hold the run's values again or are applied."""
        label = self._controls.lr_error
        if self._pending_line and label.text() != self._pending_line:
            self._pending_line = ""  # replaced by a refusal or a run's start: not ours now
        pending: dict = {}
        if self._controller.is_running() and self._controls.apply_button.isEnabled():
            try:
                wanted = self._form.steered_values()
            except NndeskError:
                wanted = {}  # the form's refused-field line says it
            pending = {k: v for k, v in wanted.items() if self.steering.settings.get(k) != v}
        if not pending:
            if self._pending_line:
                self._put_back_covered()
            return
        if not self._pending_line:
            self._covered_line = label.text() if label.property("tone") == "muted" else ""
        self._pending_line = pending_line(pending)
        theme.set_tone(label, "muted")
        label.setText(self._pending_line)

    def _put_back_covered(self) -> None:
        self._pending_line = ""
        theme.set_tone(self._controls.lr_error, "muted")
        self._controls.lr_error.setText(self._covered_line)

    def set_rate(self) -> bool:
        """Set LR: the rate typed in "LR now" from the next batch on; False if refused."""
        try:
            lr = self._controls.live_lr.value()
            self._controller.set_learning_rate(lr)
        except NndeskError as err:
            self._refused(err)
            return False
        self._controls.lr_error.setText("")
        self._controls.live_lr.setModified(False)  # sent: "LR now" follows the run's rate again
        # shown at once; the curve marks it at the batch that first uses it
        self.steering.sent({"lr": lr})
        said = SettingChange(0, 1, 1, "lr", lr).shown_text()
        schedule = getattr(self._controller.run_config, "schedule", "constant")
        if schedule == "constant":
            self.status_message.emit(
                translate("TrainingPanel", "From the next batch: {changes}").format(changes=said)
            )
        else:  # the loop keeps a rate set by hand: its schedule stopped without a word (walk60 D2)
            self.status_message.emit(
                translate(
                    "TrainingPanel",
                    "From the next batch: {changes}; the learning-rate schedule “{schedule}” no "
                    "longer changes the rate in this run",
                ).format(changes=said, schedule=value_text("schedule", schedule))
            )
        return True

    def apply(self) -> dict | None:
        """Apply to run: the form's editable settings that differ from the run's; the changes
        sent (empty when none), None when refused."""
        try:
            wanted = self._form.steered_values()
            changes = {k: v for k, v in wanted.items() if self.steering.settings.get(k) != v}
            if changes:
                self._controller.change_settings(changes)
        except NndeskError as err:
            self._refused(err)
            return None
        self.steering.sent(changes)
        if not changes:
            # a press that changed nothing said nothing: a rate typed beside the button looked
            # applied (walk qa40), though only Set LR sends it. Said beside the buttons, where
            # a refusal goes: the status bar cut it at 1024 px before it named Set LR
            self._say(nothing_to_apply())
            return changes
        if self._pending_line:
            self._put_back_covered()  # what waited is used now
        else:
            self._say("")

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
        return changes

    def _say_schedule_back(self) -> None:
        """The status line of a rate given back to the run's schedule (its turns come again)."""
        schedule = getattr(self._controller.run_config, "schedule", "constant")
        self.status_message.emit(
            translate(
                "TrainingPanel",
                "From the next batch: the learning-rate schedule “{schedule}” sets the rate "
                "again, as before it was set by hand",
            ).format(schedule=value_text("schedule", schedule))
        )

    def apply_fix(self, fix: dict) -> bool:
        """The coach's fix (a rate and/or live settings); False if refused."""
        fix = dict(fix)
        try:
            if fix.pop(RATE_FROM_SCHEDULE, False):
                self._controller.resume_schedule()
                self.steering.schedule_back()
                self._say_schedule_back()
            if "lr" in fix:
                lr = fix.pop("lr")
                self._controller.set_learning_rate(lr)
                self.steering.sent({"lr": lr})
                self._controls.live_lr.set_value(lr)
            if fix:
                self._controller.change_settings(fix)
                self.steering.sent(fix)
                self._form.set_steered(fix)
        except NndeskError as err:
            self._refused(err)
            return False
        return True
