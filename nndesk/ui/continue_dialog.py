"""Continue's question: how many more epochs, and at which learning rate.

Continue used to take its epochs from the Settings form (another lab's 15 left there) and
spread the run's schedule over all the model's epochs, so a finished cosine run went on 15x
above the rate it ended with (walk64 D16). A student pressing Continue means "train this
network some more": the dialog asks for the number of epochs (a quarter of those trained,
said as such) and makes the rate a choice: keep the rate the run ended with, or run the
schedule again over the new epochs from a stated rate (a constant run: train at another rate).
The choice of the two is remembered between Continues (``preferences``).

A run stopped before the last epoch of its plan is asked too (it used to go on at once, with
the form's Epochs and the rate the coach had just said overshoots, verify66 #1): the epochs
left of its plan are suggested, the form's Epochs offered beside them, and a scheduled run may
let its schedule go on to its end as it would have.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nndesk.errors import NndeskError, user_message
from nndesk.i18n import fmt, power_of_ten
from nndesk.setting_words import value_text
from nndesk.settings_schema import BY_NAME, MAX_EPOCHS
from nndesk.ui import theme
from nndesk.ui.language import translate
from nndesk.ui.number_field import number_field
from nndesk.ui.said_only import SaidOnly

#: The rate choices, as remembered (``preferences.continue_rate``)
KEEP, AGAIN = "keep", "again"
#: The dialog's least width in average characters: its longest choice on one line
DIALOG_CHARS = 60
#: Lines of room the summary of the choice keeps
SUMMARY_LINES = 3


@dataclass(frozen=True)
class ContinueFacts:
    """What Continue knows of the model it trains further: ``done`` epochs trained, the rate
    its last epoch trained at (``ended_lr``; None: not known), the settings it trains with
    (``config``, a TrainConfig: its schedule, the rate that schedule started from and the
    form's Epochs); ``planned``: the epoch a run stopped short meant to end with (None: it
    finished its plan)."""

    done: int
    ended_lr: float | None
    config: object
    planned: int | None = None
    #: batches trained of epoch ``done + 1`` when the run was stopped inside it (0: stopped at
    #: an epoch's end); the first new epoch trains the rest of that one (walk69 D1: "from the
    #: end of epoch 0" was said of a run stopped at batch 405 of epoch 1, which went on from
    #: batch 406)
    stopped_batch: int = 0

    @property
    def left(self) -> int:
        """The epochs left of the plan of a run stopped short (0 for a finished one)."""
        return max(self.planned - self.done, 1) if self.planned is not None else 0


@dataclass(frozen=True)
class ContinueChoice:
    """``epochs`` more epochs; ``lr`` None: at the rate the run ended with, for all of them;
    else from ``lr``, the run's schedule running again over them (a constant run: at ``lr``);
    ``steady``: at ``lr`` for every batch, whatever the schedule (the coach's rate);
    ``plan``: a run stopped short goes on with its schedule, counted from its first epoch, as
    it would have without the stop (``lr`` None)."""

    epochs: int
    lr: float | None = None
    steady: bool = False
    plan: bool = False


@dataclass(frozen=True)
class CoachAdvice:
    """The rate the coach advises after the run (``coach_row.advice_after_run``) and what it
    said, in the window's language."""

    lr: float
    said: str


def suggested_epochs(done: int) -> int:
    """More epochs Continue suggests: a quarter of those trained, rounded up (20 -> 5, 500 ->
    125, 1 -> 1): "some more" without doubling the time the run took."""
    return max(1, min(MAX_EPOCHS, math.ceil(done / 4)))


def continued_config(config, facts: ContinueFacts, choice: ContinueChoice):
    """The settings the continuation trains with (a TrainConfig) and whether its schedule
    runs again over its own epochs (``training.prepare``'s ``restart_schedule``)."""
    config, again = _continued(config, facts, choice)
    if facts.planned is not None:
        # ``prepare`` counts a model stopped short's epochs from its first: ``epochs`` more
        # are epoch done + epochs counted so
        config = config.replace(epochs=min(facts.done + config.epochs, MAX_EPOCHS))
    return config, again


def _continued(config, facts: ContinueFacts, choice: ContinueChoice):
    if choice.plan:
        return config.replace(epochs=choice.epochs), False
    if choice.lr is None:
        ended = facts.ended_lr if facts.ended_lr is not None else config.lr
        return config.replace(epochs=choice.epochs, lr=ended, schedule="constant"), False
    if choice.steady:
        return config.replace(epochs=choice.epochs, lr=choice.lr, schedule="constant"), False
    return config.replace(epochs=choice.epochs, lr=choice.lr), config.schedule != "constant"


def _rate(lr: float) -> str:
    return power_of_ten(fmt(lr, ".3g"))


def _span(facts: ContinueFacts, first: int, last: int) -> str:
    """The new epochs ``first``..``last`` as the summary names them: the rest of an epoch the
    run was stopped in is said as such, with the batch it goes on from."""
    if facts.stopped_batch:
        rest = translate("ContinueDialog", "The rest of epoch {epoch} (from batch {batch})").format(
            epoch=fmt(first, ","), batch=fmt(facts.stopped_batch + 1, ",")
        )
        if last == first:
            return rest
        if last == first + 1:
            return translate("ContinueDialog", "{rest} and epoch {last}").format(
                rest=rest, last=fmt(last, ",")
            )
        return translate("ContinueDialog", "{rest} and epochs {second}–{last}").format(
            rest=rest, second=fmt(first + 1, ","), last=fmt(last, ",")
        )
    if first == last:
        return translate("ContinueDialog", "Epoch {first}").format(first=fmt(first, ","))
    return translate("ContinueDialog", "Epochs {first}–{last}").format(
        first=fmt(first, ","), last=fmt(last, ",")
    )


def intro_text(facts: ContinueFacts, model: str) -> str:
    """What Continue goes on from: the end of an epoch, or the batch of the epoch the run was
    stopped in (what is kept, and what the first new epoch trains), and its plan's end."""
    if facts.stopped_batch:
        said = translate(
            "ContinueDialog",
            "Train {model} further. It was stopped at batch {batch} of epoch {epoch}: what it "
            "learnt up to there is kept. The first new epoch trains the rest of epoch {epoch}, "
            "from batch {next}; whole epochs follow.",
        ).format(
            model=model,
            batch=fmt(facts.stopped_batch, ","),
            epoch=fmt(facts.done + 1, ","),
            next=fmt(facts.stopped_batch + 1, ","),
        )
        if facts.planned is not None:
            said += " " + translate("ContinueDialog", "Its plan ended with epoch {last}.").format(
                last=fmt(facts.planned, ",")
            )
        return said
    said = translate(
        "ContinueDialog", "Train {model} further, from the end of epoch {done}."
    ).format(model=model, done=fmt(facts.done, ","))
    if facts.planned is not None:
        said += " " + translate(
            "ContinueDialog", "It was stopped before epoch {last}, the last of its plan."
        ).format(last=fmt(facts.planned, ","))
    return said


def choice_summary(facts: ContinueFacts, choice: ContinueChoice) -> str:
    """What the continuation will train, in one or two sentences: its epochs and their rates
    ("Epochs 21–25 train at lr 1.3×10⁻⁵, the rate the run ended with.")."""
    from nndesk.training.session import schedule_for

    first, last = facts.done + 1, facts.done + choice.epochs
    config, again = _continued(facts.config, facts, choice)
    span = _span(facts, first, last)
    if choice.plan:
        schedule = schedule_for(config, last)  # counted from the model's first epoch
        said = translate(
            "ContinueDialog",
            "{span}: its schedule “{schedule}” goes on, lr {start} in epoch {first}",
        ).format(
            span=span,
            schedule=value_text("schedule", config.schedule),
            start=_rate(schedule.lr_at(first - 1)),
            first=fmt(first, ","),
        )
        if last > first:
            said += translate("ContinueDialog", " to {end} in epoch {last}").format(
                end=_rate(schedule.lr_at(last - 1)), last=fmt(last, ",")
            )
        return said + "."
    if choice.lr is None:
        return translate(
            "ContinueDialog", "{span}: lr {lr}, the rate the run ended with, for every batch."
        ).format(span=span, lr=_rate(config.lr))
    if choice.steady:
        return translate(
            "ContinueDialog", "{span}: lr {lr}, the coach's rate, for every batch."
        ).format(span=span, lr=_rate(config.lr))
    if not again:
        return translate("ContinueDialog", "{span}: lr {lr} for every batch.").format(
            span=span, lr=_rate(config.lr)
        )
    schedule = schedule_for(config, choice.epochs)
    start, end = schedule.lr_at(0), schedule.lr_at(choice.epochs - 1)
    said = translate(
        "ContinueDialog", "{span}: the schedule “{schedule}” again, lr {start} in epoch {first}"
    ).format(
        span=span,
        schedule=value_text("schedule", config.schedule),
        start=_rate(start),
        first=fmt(first, ","),
    )
    if last > first:
        said += translate("ContinueDialog", " to {end} in epoch {last}").format(
            end=_rate(end), last=fmt(last, ",")
        )
    said += "."
    ended = facts.ended_lr
    if ended is not None and ended > 0 and start >= 1.5 * ended:
        times = start / ended
        times = round(times) if times >= 10 else round(times, 1)
        said += " " + translate(
            "ContinueDialog", "It starts {times}× above the {ended} the run ended with."
        ).format(times=fmt(times, "g"), ended=_rate(ended))
    return said


class ContinueDialog(QDialog):
    """Asks how many more epochs and which rate; ``choice()`` after Continue (OK)."""

    def __init__(
        self,
        facts: ContinueFacts,
        model: str,
        remembered: str = KEEP,
        parent: QWidget | None = None,
        advice: CoachAdvice | None = None,
        warning: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ContinueDialog", "Continue training"))
        self.facts = facts
        config = facts.config
        self.intro = intro = QLabel(intro_text(facts, model))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.epochs = QSpinBox()
        self.epochs.setRange(
            1, MAX_EPOCHS - facts.done if facts.planned is not None else MAX_EPOCHS
        )
        self.epochs.setValue(facts.left or suggested_epochs(facts.done))
        self.epochs.setGroupSeparatorShown(True)
        epochs_label = QLabel(translate("ContinueDialog", "&More epochs:"))
        epochs_label.setBuddy(self.epochs)
        self.why = why = SaidOnly()
        theme.set_tone(why, "muted")
        why.setWordWrap(True)
        why.setText(
            translate(
                "ContinueDialog", "Suggested: a quarter of the {done} epochs it has trained."
            ).format(done=fmt(facts.done, ","))
            if facts.done > 1
            else translate("ContinueDialog", "Suggested: one more epoch.")
        )
        epochs_row = QHBoxLayout()
        epochs_row.addWidget(self.epochs)
        epochs_row.addWidget(why, 1)
        form = QFormLayout()
        form.addRow(epochs_label, epochs_row)
        # a run stopped short: the epochs left of its plan, or as many as the form's Epochs
        # (what Continue took before it asked), each a click, their end epoch said
        self.rest_of_plan = QRadioButton(
            translate("ContinueDialog", "The rest of its &plan: {n} more, to epoch {last}").format(
                n=fmt(facts.left, ","), last=fmt(facts.done + facts.left, ",")
            )
        )
        form_epochs = min(config.epochs, self.epochs.maximum())
        self.form_epochs = QRadioButton(
            translate(
                "ContinueDialog",
                "As many as Optimisation > &Epochs says: {n} more, to epoch {last}",
            ).format(n=fmt(form_epochs, ","), last=fmt(facts.done + form_epochs, ","))
        )
        self.epochs_group = QButtonGroup(self)
        self.epochs_group.addButton(self.rest_of_plan, facts.left)
        # (ids: the epochs each sets; one number said once)
        self.epochs_group.addButton(
            self.form_epochs, -2 if form_epochs == facts.left else form_epochs
        )
        self.epochs_group.idToggled.connect(self._on_epochs_choice_toggled)
        if facts.planned is not None:
            why.hide()  # the choices say where the numbers come from
            epochs_row.addStretch(1)
            form.addRow(None, self.rest_of_plan)
            form.addRow(None, self.form_epochs)
            self.rest_of_plan.setChecked(True)
            self.form_epochs.setVisible(form_epochs != facts.left)  # the same: no choice
        else:
            self.rest_of_plan.hide()
            self.form_epochs.hide()

        ended = facts.ended_lr if facts.ended_lr is not None else config.lr
        # the coach's advice, when it has one, chosen first (walk65 D5: Continue under "the
        # rate 0.002 overshoots" went on at 0.002), the rate the run ended with beside it
        self.advice = advice
        self.coach = QRadioButton(
            translate("ContinueDialog", "Take the coach's &rate: lr {lr}").format(
                lr=_rate(advice.lr) if advice is not None else ""
            )
        )
        self.coach_said = SaidOnly()
        self.coach_said.setWordWrap(True)
        theme.set_tone(self.coach_said, "muted")
        # the coach's words without a rate to offer: a network no rate revives (verify66 #3)
        said = advice.said if advice is not None else warning
        if said:
            self.coach_said.setText(
                translate("ContinueDialog", "The coach: {said}").format(said=said)
            )
        self.keep = QRadioButton(
            translate("ContinueDialog", "&Keep the rate the run ended with: lr {lr}").format(
                lr=_rate(ended)
            )
        )
        scheduled = config.schedule != "constant"
        self.plan = QRadioButton(
            translate("ContinueDialog", "Let its schedule “{schedule}” go &on to its end").format(
                schedule=value_text("schedule", config.schedule)
            )
        )
        self.plan.setVisible(scheduled and facts.planned is not None)
        self.again = QRadioButton(
            translate(
                "ContinueDialog", "Run its schedule “{schedule}” &again over them, from lr"
            ).format(schedule=value_text("schedule", config.schedule))
            if scheduled
            else translate("ContinueDialog", "Train at &another rate: lr")
        )
        self.lr = number_field(BY_NAME["lr"])
        self.lr.set_value(config.lr)  # the rate its schedule started from
        self.lr.setToolTip(
            translate("ContinueDialog", "the rate the schedule starts from in the first new epoch")
            if scheduled
            else translate("ContinueDialog", "the rate of every batch of the new epochs")
        )
        self.group = QButtonGroup(self)
        self.group.addButton(self.coach)
        self.group.addButton(self.plan)
        self.group.addButton(self.keep)
        self.group.addButton(self.again)
        self._remembered = remembered
        if advice is not None:
            self.coach.setChecked(True)
        elif not self.plan.isHidden():  # stopped short: as it would have gone on
            self.plan.setChecked(True)
        else:
            (self.again if remembered == AGAIN else self.keep).setChecked(True)
        again_row = QHBoxLayout()
        again_row.addWidget(self.again)
        again_row.addWidget(self.lr)
        again_row.addStretch(1)

        self.summary = SaidOnly()
        self.summary.setWordWrap(True)
        theme.set_tone(self.summary, "muted")
        # its room kept for its longest (three lines in Vietnamese at Larger text): a dialog
        # does not grow when a wrapped label does, and two lines were squeezed into one's room
        self.summary.setMinimumHeight(SUMMARY_LINES * self.summary.fontMetrics().lineSpacing())
        self.error = SaidOnly()
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.continue_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.continue_button.setText(translate("ContinueDialog", "&Continue"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        rate_label = QLabel(translate("ContinueDialog", "Learning rate:"))
        layout.addWidget(rate_label)
        layout.addWidget(self.coach_said)
        layout.addWidget(self.coach)
        self.coach.setVisible(advice is not None)
        self.coach_said.setVisible(bool(said))
        layout.addWidget(self.plan)
        layout.addWidget(self.keep)
        layout.addLayout(again_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.epochs.valueChanged.connect(self._on_changed)
        self.epochs.valueChanged.connect(self._on_epochs_value_changed)
        self.group.buttonToggled.connect(self._on_changed)
        self.lr.textChanged.connect(self._on_changed)
        self.lr.textEdited.connect(self._on_lr_text_edited)
        self._choice: ContinueChoice | None = None
        self._on_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * DIALOG_CHARS)
        self.epochs.setFocus()

    def showEvent(self, event) -> None:  # noqa: D102, N802 - Qt override
        super().showEvent(event)
        self.epochs.setFocus()  # the number first: typed over at once
        self.epochs.selectAll()

    def remembered(self) -> str:
        """The rate choice to remember: ``KEEP`` or ``AGAIN`` (the coach's rate, offered only
        when it has one, and a stopped run's schedule going on leave the one remembered as it
        was)."""
        if self.coach.isChecked() or self.plan.isChecked():
            return self._remembered
        return AGAIN if self.again.isChecked() else KEEP

    def wanted(self) -> ContinueChoice:
        """The choice as the fields hold it; ``ConfigError`` for a rate not acceptable."""
        if self.coach.isChecked() and self.advice is not None:
            return ContinueChoice(self.epochs.value(), self.advice.lr, steady=True)
        if self.plan.isChecked():
            return ContinueChoice(self.epochs.value(), plan=True)
        lr = self.lr.value() if self.again.isChecked() else None
        return ContinueChoice(self.epochs.value(), lr)

    @Slot(int, bool)
    def _on_epochs_choice_toggled(self, epochs: int, checked: bool) -> None:
        if checked:
            self.epochs.setValue(epochs)

    @Slot(int)
    def _on_epochs_value_changed(self, value: int) -> None:
        """A number typed: the choice of that number checked, or neither."""
        if self.facts.planned is None:
            return
        button = self.epochs_group.button(value)
        if button is not None:
            button.setChecked(True)
            return
        checked = self.epochs_group.checkedButton()
        if checked is not None:
            self.epochs_group.setExclusive(False)
            checked.setChecked(False)
            self.epochs_group.setExclusive(True)

    @Slot()
    def _on_lr_text_edited(self) -> None:
        self.again.setChecked(True)  # typing a rate chooses it

    @Slot()
    def _on_changed(self, *_args) -> None:
        self.lr.setEnabled(True)
        try:
            choice = self.wanted()
        except NndeskError as err:
            self.summary.setText("")
            self.error.setText(user_message(err))
            self.continue_button.setEnabled(False)
            return
        self.error.setText("")
        self.continue_button.setEnabled(True)
        self.summary.setText(choice_summary(self.facts, choice))

    def accept(self) -> None:  # noqa: D102 - Qt override: a refused rate keeps it open
        try:
            self._choice = self.wanted()
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        super().accept()

    def choice(self) -> ContinueChoice | None:
        """The choice after Continue (None before, or after Cancel)."""
        return self._choice if self.result() == QDialog.DialogCode.Accepted else None
