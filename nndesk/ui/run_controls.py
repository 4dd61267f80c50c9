"""The Train page's run controls: Train, Pause/Resume, Stop, Step, To epoch end, slow motion and
the learning rate set by hand, in one row that wraps on a narrow page, and which of them a
run's state enables."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
)

from nndesk.i18n import QT_TRANSLATE_NOOP, RATE_DIGITS
from nndesk.settings_schema import BY_NAME
from nndesk.ui import theme
from nndesk.ui.buttons import mark_menu, tipped_button
from nndesk.ui.flow_layout import flow_row, labelled
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.number_field import number_field
from nndesk.ui.said_only import SaidOnly

#: Significant digits "LR now" shows a scheduled rate in (its tail "52418709018" of
#: 0.000452418709018 showed in the narrow field, walk lab56 D3); the exact rate is its tooltip's.
#: Those every rate is said with (``i18n.rate_said``): the line under the bar, the coach
LR_NOW_DIGITS = RATE_DIGITS

#: Slow motion's choices: seconds waited after every batch, and how the menu says it.
SLOW_MOTION = (
    (0.0, QT_TRANSLATE_NOOP("TrainingPanel", "full speed")),
    (0.1, QT_TRANSLATE_NOOP("TrainingPanel", "0.1 s / batch")),
    (0.5, QT_TRANSLATE_NOOP("TrainingPanel", "0.5 s / batch")),
    (1.0, QT_TRANSLATE_NOOP("TrainingPanel", "1 s / batch")),
)


class RunControls(QVBoxLayout):
    """The row of run buttons and, under it, why a rate or a setting was refused
    (``lr_error``). The page connects the buttons; ``show_state`` enables them."""

    def __init__(self, style: QStyle) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.train_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
            translate("TrainingPanel", "Train"),
        )
        self.train_button.setDefault(True)
        self.pause_button = tipped_button(
            translate("TrainingPanel", "Pause"),
            _pause_tip(),
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPause),
        )
        self.stop_button = tipped_button(
            translate("TrainingPanel", "Stop"),
            _stop_tip(),
            style.standardIcon(QStyle.StandardPixmap.SP_MediaStop),
        )
        self.live_lr = number_field(
            BY_NAME["lr"], placeholder=translate("TrainingPanel", "new rate")
        )
        self.step_button = tipped_button(translate("TrainingPanel", "Step"), _step_tip())
        self.epoch_button = tipped_button(
            translate("TrainingPanel", "To epoch end"),
            translate(
                "TrainingPanel",
                "paused: train to the end of this epoch, then hold again (after the last epoch "
                "too: Resume then ends the run, tested and saved)",
            ),
        )
        self.slow_motion = QComboBox()
        for seconds, text in SLOW_MOTION:
            self.slow_motion.addItem(translate_marked("TrainingPanel", text), seconds)
        self.slow_motion.setToolTip(
            translate("TrainingPanel", "wait after every batch, to watch a small network learn")
        )
        self.live_lr.setMaximumWidth(90)
        self.live_lr.set_tip(
            translate(
                "TrainingPanel", "change the learning rate while training (from the next batch)"
            )
        )
        self.lr_button = tipped_button(
            translate("TrainingPanel", "Set LR"),
            translate(
                "TrainingPanel",
                "use the rate typed beside it from the next batch on; a schedule then no longer "
                "changes the rate in this run",
            ),
            snug=True,  # "Đặt" at the style's 80 px kept the row from two lines (vi, Larger)
        )
        self.apply_button = tipped_button(
            translate("TrainingPanel", "Apply to run"),
            translate(
                "TrainingPanel",
                "use the settings that stay editable while training (momentum, L2, dropout, "
                "batch size, augmentation) from the next batch on; a batch size from the next "
                "epoch",
            ),
        )
        self.lr_error = SaidOnly()
        self.lr_error.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lr_error.setWordWrap(True)  # "Nothing to apply: …" takes two lines at 1024 px
        theme.set_tone(self.lr_error, "error")
        for b in (self.train_button, self.pause_button, self.stop_button):
            b.setMinimumWidth(84)
        # one row at 1280 px; at 1024 px it wraps instead of widening the page
        lr_now = labelled(translate("TrainingPanel", "LR now"), self.live_lr)
        #: what steers a run as it goes, hidden while no run goes (``set_idle``)
        self.steering_widgets = (self.slow_motion, lr_now, self.lr_button, self.apply_button)
        self.more_button = self._more_menu()
        row = flow_row(
            self.train_button, self.pause_button, self.stop_button, self.step_button,
            self.epoch_button, *self.steering_widgets, self.more_button,
        )  # fmt: skip
        #: the row's FlowLayout: slow motion and "Apply to run" go into "More" where the row
        #: takes a line less so (three rows in Vietnamese at Larger text at 1024 px)
        self.row = row.layout()
        self.row.set_fold((self.slow_motion, self.apply_button), self.more_button)
        self.addWidget(row)
        self.addWidget(self.lr_error)
        self.lr_error.setText("")  # hidden until a refusal

    def set_idle(self, idle: bool) -> None:
        """Hide the run's steering (slow motion, LR now, Set LR, Apply to run) and what steps a
        paused run (Step, To epoch end) while no run goes (``idle``): greyed, it took two rows
        of three over the Settings form at 1024 px in Vietnamese at Larger text (fixE), and
        the Runs table kept 3.3 of its 8 rows at 11 pt in Vietnamese. It comes back with a
        Train click, under the pointer's row; Train, Pause and Stop stay."""
        shown = not idle
        folded = (self.slow_motion, self.apply_button)
        for widget in (*self.steering_widgets, self.step_button, self.epoch_button):
            if widget not in folded and widget.isHidden() == shown:
                widget.setVisible(shown)  # (a show or hide asks the layout again)
        self.row.show_folding(shown)  # in the row, or in "More" where they cost a line

    def _more_menu(self) -> QToolButton:
        """ "More ▾": slow motion's choices and "Apply to run" (the row's ``set_fold``), the
        same as the combo box and the button they stand for."""
        more = QToolButton()
        more.setText(translate("TrainingPanel", "More"))
        more.setToolTip(translate("TrainingPanel", "slow motion, and Apply to run"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        pace = menu.addMenu(translate("TrainingPanel", "Slow motion"))
        group = QActionGroup(menu)
        paces = []
        for index in range(self.slow_motion.count()):
            action = QAction(self.slow_motion.itemText(index), group, checkable=True)
            action.triggered.connect(lambda _=False, i=index: self.slow_motion.setCurrentIndex(i))
            pace.addAction(action)
            paces.append(action)
        paces[self.slow_motion.currentIndex()].setChecked(True)
        self.slow_motion.currentIndexChanged.connect(lambda i: paces[i].setChecked(True))
        menu.addSeparator()
        apply = menu.addAction(self.apply_button.text())
        apply.setToolTip(self.apply_button.toolTip())
        menu.setToolTipsVisible(True)
        apply.triggered.connect(self.apply_button.click)

        def follow() -> None:  # greyed as what they stand for
            apply.setEnabled(self.apply_button.isEnabled())
            pace.setEnabled(self.slow_motion.isEnabled())

        menu.aboutToShow.connect(follow)
        more.setMenu(menu)
        #: the menu's actions, for tests: slow motion's paces and "Apply to run"
        self.more_actions = (*paces, apply)
        return mark_menu(more)

    def show_state(
        self, *, startable: bool, racing: bool, training: bool, paused: bool, steerable: bool,
        needs_data: bool = False, at_end: bool = False, finishing: bool = False,
    ) -> None:  # fmt: skip
        """Enable what a run in this state can use. ``startable``: no run or race goes, the
        form is valid and its data is not known to be missing; ``training``: a run trains (not
        stopping, not saving; held before its first batch, "To epoch end" trains epoch 1,
        walk69 D9); ``steerable``: it has started, so its settings can change; ``needs_data``:
        the form's dataset is not here (the banner below offers it); ``at_end``: paused after
        the last epoch's last batch (no epoch left to train to the end of); ``finishing``: the
        run is past its last batch, its model tested and saved (minutes for a CNN under load):
        Pause, Stop and Step are greyed then and their tips say why, the greyed look alone read
        as "enabled" (walk68 D4: a teacher clicked Step, and nothing happened)."""
        self.train_button.setEnabled(startable)
        if racing:
            tip = translate("TrainingPanel", "a race is going (Race tab): stop it to train")
        elif needs_data:
            tip = translate(
                "TrainingPanel",
                "needs its dataset first: get it with the offer below (Download, Choose a "
                "folder…), then press Train",
            )
        else:
            tip = translate("TrainingPanel", "train a new network with these settings")
        self.train_button.setToolTip(tip)
        over = translate(
            "TrainingPanel",
            "the run is past its last batch: its model is being tested and saved, nothing is "
            "left to pause, stop or step",
        )
        for button, tip in (
            (self.pause_button, _pause_tip),
            (self.stop_button, _stop_tip),
            (self.step_button, _step_tip),
        ):
            button.setToolTip(over if finishing else tip())
        self.pause_button.setEnabled(training)
        self.step_button.setEnabled(training and paused)
        self.epoch_button.setEnabled(training and paused and not at_end)
        self.stop_button.setEnabled(training)
        self.live_lr.setEnabled(training)
        self.lr_button.setEnabled(training)
        self.apply_button.setEnabled(training and steerable)
        self.pause_button.setText(
            translate("TrainingPanel", "Resume") if paused else translate("TrainingPanel", "Pause")
        )
        icon = QStyle.StandardPixmap.SP_MediaPlay if paused else QStyle.StandardPixmap.SP_MediaPause
        self.pause_button.setIcon(self.pause_button.style().standardIcon(icon))


def _pause_tip() -> str:
    return translate("TrainingPanel", "hold training after the current batch; press again to go on")


def _stop_tip() -> str:
    return translate("TrainingPanel", "end after the current batch; the model is still saved")


def _step_tip() -> str:
    return translate("TrainingPanel", "paused: train one batch, then hold again")
