"""RaceView: the Train page's "Race" tab. 2-4 configurations trained side by side.

A comparison (``training.race.COMPARISONS``, one click) fills the lanes: every lane starts from
the comparison's preset (or the lab preset of the window's dataset), with the race's own epochs
and seed from the tab's fields, and changes its layers, activation, optimiser, learning rate and
input scaling. Nothing comes from the Train form: a CNN preset's dropout and cosine schedule
left there raced unseen in every lane of "64 vs 128 units" (walk48 D1). The line above the lanes
names what they all share. ``RaceController`` trains them off the
GUI thread; their curves are overlaid, one colour and one legend entry per lane, rendered on the
render pool about twice a second (``race_chart.RaceChart``: one figure whose lines move); at the
end a table gives each lane's final figures, and each lane can be kept as a run with its model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.race import FinishedRace, Lane, LaneResult, RaceController
from nndesk.curves.key import least_chart_height
from nndesk.data.registry import dataset_for_kind
from nndesk.errors import NndeskError, user_message
from nndesk.i18n import fmt
from nndesk.setting_words import dataset_text
from nndesk.settings_schema import BY_NAME
from nndesk.training import TrainConfig
from nndesk.training.race import COMPARISONS, MAX_LANES, MIN_LANES
from nndesk.ui import kept_choices, text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.chart_image import ChartImage
from nndesk.ui.choice_box import ShrinkingBox
from nndesk.ui.flow_layout import FittedRow, WrappingColumn, flow_row, labelled
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.off_gui import Delivery, render_pool, run_off_gui
from nndesk.ui.race_lane_settings import LaneSettingsDialog
from nndesk.ui.race_lanes import LaneGrid, LaneRow, LaneScroll, lane_refusal
from nndesk.ui.race_render import render_kept_chart
from nndesk.ui.race_results import RaceTable
from nndesk.ui.race_why import lane_setup, lanes_hints, why_text
from nndesk.ui.race_words import (
    comparison_title,
    own_data,
    race_over_text,
    said_again,
    said_names,
    shared_line,
    shared_settings,
    shortened,
    source_name,
    summary_line,
)
from nndesk.ui.said_only import SaidOnly
from nndesk.ui.setting_editor import SettingEditor

#: Milliseconds between two renders of the overlaid curves while racing.
REDRAW_MS = 500
#: The race chart's least height (once the results table is under it, the height it raced in;
#: more for plots readable at a larger text step: ``key.least_chart_height``).
CHART_MIN_HEIGHT = 260

#: the comparison box's least width, in characters (narrower, it elides its title)
COMPARISON_LEAST_CHARS = 20


class RaceView(QWidget):
    """The race screen; ``busy()`` gives a reason the race cannot start now (a training run)
    or None. ``follow_mode`` tells it the window's mode: a comparison without a preset of its
    own starts from that dataset's lab preset."""

    status_message = Signal(str)
    rendered = Signal()  # a new chart image is on screen (tests wait on it)

    def __init__(
        self,
        controller: RaceController,
        busy: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
        dataset: str = "mnist",
        form_lane: Callable[[], tuple[str, TrainConfig]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._busy = busy
        #: the Train form's preset name ("" when custom) and settings, raced as a lane
        self._form_lane = form_lane
        #: the lane settings dialog on show (None when none is)
        self.lane_settings_dialog: LaneSettingsDialog | None = None
        #: the last ``busy`` refusal said under the buttons (taken back once it is over)
        self._refused: str | None = None
        #: the lanes' refused fields as said under the buttons (taken back once retyped)
        self._refused_fields: str | None = None
        #: the lanes were changed by hand: they no longer follow the window's mode
        self._edited = False
        #: the window's dataset (its mode): the lab a comparison without a preset starts from
        self._dataset = dataset
        #: the comparison the lanes started from (``COMPARISONS`` index)
        self._comparison = 0
        #: the lab the race starts from when two labs race alone ("Lab against lab": the
        #: first of them; each lane keeps its own split and augmentation), None when a
        #: comparison's preset is the start. walk70 H1: the hidden comparison's fashion-mlp-lab
        #: stayed the start, so the PReLU labs were kept as its runs
        self._lab: str | None = None

        # whole where the tab has room; narrower, it shrinks (its text elided, whole when open):
        # at 1024x700 with an 11 pt font its longest title made the tab 589 px wide in 506
        self.comparison = ShrinkingBox(COMPARISON_LEAST_CHARS)
        self.comparison.addItem(translate("RaceView", "Choose a comparison…"), -1)
        for i, comparison in enumerate(COMPARISONS):
            self.comparison.addItem(comparison_title(comparison), i)
        self.comparison.setToolTip(
            translate("RaceView", "fill the lanes with one of the labs' comparisons; edit freely")
        )
        # the race's own epochs and seed, as the Train form's fields look ("5 passes")
        self._epochs_editor = SettingEditor(BY_NAME["epochs"])
        self._seed_editor = SettingEditor(BY_NAME["seed"])
        self.epochs, self.seed = self._epochs_editor.widget, self._seed_editor.widget
        # its own help (tooltip and Shift+F1): the Train form's says how a stopped run
        # continues, which means nothing in a race (walk54b D6)
        self.epochs.setToolTip(
            translate(
                "RaceView",
                "passes over the training images: every lane trains this many epochs from new "
                "weights, on the same images in the same order",
            )
        )
        # the schema's help names a Threads field, which neither the race nor the Train form has
        self.seed.setToolTip(
            translate(
                "RaceView",
                "the number every lane's random start comes from (its first weights, the order "
                "of its batches): every lane shares it, so they see the same images in the same "
                "order; change it to see how much a result owes to chance",
            )
        )
        for w in (self.epochs, self.seed):
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel never changes it unasked
        self.shared = QLabel()
        self.shared.setWordWrap(True)
        theme.set_tone(self.shared, "muted")

        self.lane_grid = LaneGrid(self._new_row)
        self.add_button = tipped_button(
            translate("RaceView", "+ Add a configuration"),
            translate("RaceView", "race up to four configurations"),
        )
        # a lane that is a whole lab: a preset's settings, or the Train form's (walk60 D9)
        # a push button with a menu: it makes room for its arrow beside the name; a tool
        # button's instant popup drew the arrow over the name's "…" (verify64 D-E)
        self.lab_button = QPushButton(translate("RaceView", "+ Add a lab…"))
        self.lab_button.setToolTip(
            translate(
                "RaceView",
                "race a whole lab as a lane: a preset's settings or the Train form's, its own "
                "L2, schedule and batch size included",
            )
        )
        self.lab_menu = QMenu(self.lab_button)
        self.lab_menu.aboutToShow.connect(self._fill_lab_menu)
        self.lab_button.setMenu(self.lab_menu)

        self.race_button = tipped_button(
            translate("RaceView", "Race"),
            translate(
                "RaceView",
                "train every configuration side by side, one batch of each in turn, on the "
                "same batches",
            ),
        )
        self.pause_button = tipped_button(
            translate("RaceView", "Pause"),
            translate("RaceView", "hold every lane; press again to go on"),
        )
        self.stop_button = tipped_button(
            translate("RaceView", "Stop"),
            translate("RaceView", "end every lane after its current batch; they are still tested"),
        )
        self.error = SaidOnly()  # its empty line held the chart 24 px lower
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")
        self.progress = QLabel(translate("RaceView", "Pick 2-4 configurations and press Race."))
        self.progress.setWordWrap(True)

        self.chart = ChartImage(300, CHART_MIN_HEIGHT)
        #: the chart's least height for its plots (as last rendered), and the height it raced
        #: in once the results table is under it (0 while racing): it keeps the larger
        self._plots_least = CHART_MIN_HEIGHT
        self._raced_height = 0

        self.table = RaceTable()
        #: under the table, what the coach says of the lanes' settings: why one lost
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.why.hide()

        # while racing and after, the chart and the table take the room of the lane editors
        self.edit_button = tipped_button(
            translate("RaceView", "Edit the configurations"),
            translate("RaceView", "show the lanes' settings again, to change them and race anew"),
        )
        self.edit_button.hide()
        self.lanes_summary = QLabel()
        self.lanes_summary.setWordWrap(True)
        self.lanes_summary.hide()

        top = QHBoxLayout()
        top.addWidget(QLabel(translate("RaceView", "Compare")))
        top.addWidget(self.comparison, 1)
        # the seed goes under the epochs where they do not fit side by side (Vietnamese at
        # 11 pt: 469 px in the 455 the tab has at 1024x700)
        counts_row = FittedRow(
            labelled(translate_marked("", BY_NAME["epochs"].label), self.epochs),
            labelled(translate_marked("", BY_NAME["seed"].label), self.seed),
            spacing=12,
        )
        lanes = QWidget()
        lanes.setLayout(self.lane_grid)
        self.lane_scroll = LaneScroll()
        self.lane_scroll.setWidget(lanes)
        self.lane_scroll.setWidgetResizable(True)
        self.lane_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.lane_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top_row = QWidget()
        top_row.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        # its least height counts the shared line wrapped at today's width: counted as one
        # line, the lanes were squeezed under it and the last one was cut in half (Vietnamese
        # at 1024x700 with a 100,0 % answer beside the page, walk50 D7)
        self.editors = WrappingColumn(
            top_row, counts_row, self.shared, self.lane_scroll, stretch_first=False
        )
        # on two lines where one is too narrow ("+ Add a lab…" beside them passed the right
        # edge of a 1024 px window in Vietnamese at the largest text size)
        buttons_row = flow_row(self.add_button, self.lab_button, self.edit_button,
                               self.race_button, self.pause_button, self.stop_button)  # fmt: skip
        # its least height counts the lanes line and the progress line wrapped: counted as one
        # line each, the tab's least was 36 px short with an 11 pt font and the chart, held at
        # its least, went under the results table (8 px at 9 pt)
        self.race_lines = WrappingColumn(
            self.lanes_summary, buttons_row, self.error, self.progress, stretch_first=False
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.editors)
        layout.addWidget(self.race_lines)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table)
        layout.addWidget(self.why)

        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._rendering = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()
        self.chart.resized.connect(self._on_chart_resized)
        theme.notifier().changed.connect(self._on_theme_changed)

        self.comparison.activated.connect(self._on_comparison_activated)
        self._epochs_editor.changed_signal().connect(self._on_counts_changed)
        self._seed_editor.changed_signal().connect(self._on_counts_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.add_button.clicked.connect(self.mark_edited)
        self.edit_button.clicked.connect(lambda: self.show_editors(True))
        self.race_button.clicked.connect(self._on_race_button_clicked)
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        c = controller
        c.status_changed.connect(self.progress.setText)
        c.started.connect(self._on_controller_started)
        c.progressed.connect(self._on_controller_progressed)
        c.finished_race.connect(self._on_controller_finished_race)
        c.failed.connect(self._on_controller_failed)
        c.running_changed.connect(self._on_controller_running_changed)
        c.paused_changed.connect(self._on_controller_paused_changed)
        c.kept.connect(self._on_controller_kept)
        c.keep_failed.connect(self._on_controller_keep_failed)
        self.use_comparison(0)
        self._update_buttons()
        kept_choices.keep(self, "lanes", read=self.lanes_choice, write=self.restore_lanes_choice)
        kept_choices.keep(self.epochs, "race-epochs")
        kept_choices.keep(self.seed, "race-seed")

    # -- lanes ---------------------------------------------------------------------------------
    def preset_name(self) -> str:
        """The preset every lane starts from: the lab raced against another, else the
        comparison's, or the window's dataset's lab."""
        if self._lab is not None:
            return self._lab
        return COMPARISONS[self._comparison].preset_name(self._dataset)

    def base(self) -> TrainConfig:
        """The settings every lane starts from: ``preset_name``'s with the race's epochs
        and seed; ``ConfigError`` when a field is refused."""
        from nndesk.presets import get_preset

        start = (
            get_preset(self._lab).config
            if self._lab is not None
            else COMPARISONS[self._comparison].base(self._dataset)
        )
        return start.replace(epochs=self._epochs_editor.value(), seed=self._seed_editor.value())

    def use_comparison(self, index: int) -> None:
        """Fill the lanes with ``COMPARISONS[index]`` and the epochs and seed with its preset's
        (a click on the comparison: what it names, nothing left from before)."""
        preset = COMPARISONS[index].base(self._dataset)
        self._comparison = index
        # not with its signals blocked: the Epochs field's "1 pass" / "5 passes" follows them
        self._epochs_editor.set_value(preset.epochs)
        self._seed_editor.set_value(preset.seed)
        self._fill_lanes(index)

    def _fill_lanes(self, index: int) -> None:
        """The lanes of ``COMPARISONS[index]`` on its preset, with this tab's epochs and seed."""
        self._comparison = index
        self._lab = None
        try:
            base = self.base()
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        lanes = COMPARISONS[index].lanes
        self._set_rows(len(lanes))
        for row, (name, changes) in zip(self.rows, lanes, strict=True):
            row.fill(translate_marked("Race", name), base.replace(**changes))
        self.comparison.setCurrentIndex(self.comparison.findData(index))
        self._show_shared()
        self.error.setText("")
        self._edited = False

    def follow_mode(self, mode: str) -> None:
        """The window's mode changed ("digits", "garments"): a comparison without a preset of
        its own races that dataset's lab, unless a lane was edited by hand or a race goes."""
        dataset = dataset_for_kind(mode)
        if dataset is None or dataset == self._dataset:
            return
        # one rule for the Epochs and Seed fields: the comparison's preset's until changed by
        # hand. A Clothing window opened Optimisers with MNIST's lab's 10 passes, choosing it
        # again gave fashion-mlp-lab's 5 (walk54 D10)
        before = COMPARISONS[self._comparison].base(self._dataset)
        try:
            untouched = (self._epochs_editor.value(), self._seed_editor.value()) == (
                before.epochs,
                before.seed,
            )
        except NndeskError:  # a number being typed ("0" in Epochs): changed by hand
            untouched = False
        self._dataset = dataset
        if self._lab is not None and not self.controller.is_running():
            # two labs of the other dataset no longer start the race: the lanes, edited by
            # hand, stay; they share the window's dataset's settings as before
            self._lab = None
        if not self._edited and not self.controller.is_running():
            if untouched:
                self.use_comparison(self._comparison)
            else:
                self._fill_lanes(self._comparison)
        self._show_shared()

    def lanes_choice(self) -> tuple:
        """The comparison chosen, once a lane was edited by hand every lane's fields, and the
        lab raced against another (``restore_lanes_choice``, for the window rebuilt in another
        language)."""
        rows = [row.choice() for row in self.rows] if self._edited else None
        return self.comparison.currentData(), rows, self._lab

    def restore_lanes_choice(self, choice: tuple) -> None:
        """Take ``lanes_choice`` over: the comparison's lanes named in this window's language,
        or the lanes edited by hand as they were."""
        index, rows, lab = (*choice, None)[:3]  # a choice read before the lab was kept: none
        if index is not None and index >= 0 and index != self.comparison.currentData():
            self._fill_lanes(index)  # the epochs and seed are kept choices of their own
        if rows is None:
            return
        self._lab = lab
        self._set_rows(len(rows))
        for row, fields in zip(self.rows, rows, strict=True):
            row.restore(fields)
        self._show_shared()
        self._edited = True

    def mark_edited(self, *_args) -> None:
        """A lane was edited by hand: keep it when the Train form changes."""
        self._edited = True

    def lanes(self) -> list[Lane]:
        """The lanes as edited; ``ConfigError`` naming the first refused one."""
        base = self.base()
        lanes = [row.lane(base, i) for i, row in enumerate(self.rows, start=1)]
        index = self.comparison.currentData()
        chosen = COMPARISONS[index] if isinstance(index, int) and index >= 0 else None
        varied = frozenset(n for _, change in chosen.lanes for n in change) if chosen else None
        return said_names(lanes, varied or frozenset())

    @property
    def rows(self) -> list[LaneRow]:
        """The lanes' rows, top to bottom."""
        return self.lane_grid.rows

    def _new_row(self) -> LaneRow:
        row = LaneRow(self.remove_lane, self.mark_edited, self.edit_lane_settings)
        for field in row.typed().values():  # refused as typed, not when Race is pressed
            field.textChanged.connect(self._update_buttons)
        return row

    def _say_refused_fields(self) -> bool:
        """Each lane's refused fields red, and named under the buttons, a line each ("SGD:
        learning rate: must be greater than 0"); a line said before and now retyped goes.
        True when a field is refused."""
        lines = [
            user_message(lane_refusal(row.said_name(number), setting, reason))
            for number, row in enumerate(self.rows, start=1)
            for setting, reason in row.mark_refused().items()
        ]
        said = "\n".join(lines) or None
        if said is not None and self.error.text() != said:
            self.error.setText(said)
        elif said is None and self._refused_fields and self.error.text() == self._refused_fields:
            self.error.setText("")
        self._refused_fields = said
        return said is not None

    def add_lane(self) -> None:
        if len(self.rows) >= MAX_LANES:
            return
        row = self._new_row()
        try:
            row.fill(translate("RaceView", "Lane {n}").format(n=len(self.rows) + 1), self.base())
        except NndeskError as err:
            self.error.setText(user_message(err))
        self.lane_grid.place(row)
        self._update_buttons()

    def add_lab_lane(self, name: str, config: TrainConfig) -> bool:
        """A lane of ``config``'s settings (a preset's, the Train form's) named ``name``: its
        columns and its own L2, schedule, batch size, …; the race's epochs, seed and images
        stay the race's. False (and why under the buttons) when four lanes race already."""
        if len(self.rows) >= MAX_LANES:
            self.error.setText(
                translate("RaceView", "A race takes four lanes at most: remove one first.")
            )
            return False
        try:
            images = self.base().dataset
        except NndeskError:  # a refused Epochs or Seed: said under them
            images = config.dataset
        if config.dataset != images:
            # every lane trains on the race's images: a lab of other images (the Train form
            # on a folder) would race on them unsaid, its classes perhaps not theirs
            self.error.setText(
                translate(
                    "RaceView",
                    "{lane} trains on {its}, this race on {race}: a race's lanes train on one "
                    "dataset, so it was not added.",
                ).format(lane=name, its=dataset_text(config.dataset), race=dataset_text(images))
            )
            return False
        row = self._new_row()
        row.fill(name, config)
        self.lane_grid.place(row)
        self._edited = True
        self.error.setText("")
        self._show_shared()
        self._update_buttons()
        return True

    def lab_choices(self) -> list[tuple[str, TrainConfig]]:
        """The labs "+ Add a lab…" offers: the presets of the window's dataset, by name."""
        from nndesk.presets import list_presets

        return [(p.name, p.config) for p in list_presets() if p.config.dataset == self._dataset]

    @Slot()
    def _fill_lab_menu(self) -> None:
        from nndesk.i18n import localised
        from nndesk.presets import get_preset

        menu = self.lab_menu
        menu.clear()
        menu.setToolTipsVisible(True)  # each preset's one line, as the Train form's list says it
        labs = self.lab_choices()
        if len(labs) >= 2:
            # two labs alone in one choice, first in the menu: added one by one beside the
            # comparison's lanes, then those removed, it took six clicks (fixD 3)
            pairs = menu.addMenu(translate("RaceView", "Lab against lab"))
            pairs.setToolTipsVisible(True)
            pairs.menuAction().setToolTip(
                translate("RaceView", "race two labs alone: they replace the lanes")
            )
            for first, _ in labs:
                against = pairs.addMenu(translate("RaceView", "{lab} against").format(lab=first))
                against.setToolTipsVisible(True)
                for second, _ in labs:
                    if second != first:
                        action = against.addAction(second)
                        action.setToolTip(localised(get_preset(second).description))
                        action.triggered.connect(
                            lambda _=False, a=first, b=second: self.race_two_labs(a, b)
                        )
            menu.addSeparator()
        if self._form_lane is not None:
            action = menu.addAction(translate("RaceView", "The Train form's settings"))
            action.triggered.connect(self.add_form_lane)
            menu.addSeparator()
        for name, config in labs:
            action = menu.addAction(name)
            action.setToolTip(localised(get_preset(name).description))
            action.triggered.connect(lambda _=False, n=name, c=config: self.add_lab_lane(n, c))

    def race_two_labs(self, first: str, second: str) -> None:
        """The lanes become the labs ``first`` and ``second`` alone (each with its own
        settings, as "+ Add a lab…" adds one); the race's epochs and seed stay."""
        labs = dict(self.lab_choices())
        self._set_rows(2)
        for row, name in zip(self.rows, (first, second), strict=True):
            row.fill(name, labs[name])
        self.comparison.setCurrentIndex(self.comparison.findData(-1))  # no comparison's lanes
        # the race starts from the first lab (its name on the line above the lanes); each lane
        # keeps its own lab's validation split and augmentation (fixM: the second raced on the
        # first's split) and is kept as its own lab
        self._lab = first
        self._edited = True
        self.error.setText("")
        self._show_shared()
        self._update_buttons()

    @Slot()
    def add_form_lane(self) -> bool:
        """A lane of the Train form's settings, named by its preset (or "Train form")."""
        if self._form_lane is None:
            return False
        try:
            preset, config = self._form_lane()
        except NndeskError as err:
            self.error.setText(user_message(err))
            return False
        return self.add_lab_lane(preset or translate("RaceView", "Train form"), config)

    def edit_lane_settings(self, row: LaneRow) -> None:
        """The lane's own settings in a dialog (``LaneSettingsDialog``); OK keeps them."""
        if row not in self.rows or self.controller.is_running():
            return
        try:
            base = self.base()
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        current = row.on(base).replace(**{
            k: v for k, v in row.values(base).items() if k in ("activation", "optimizer")
        })  # fmt: skip
        name = row.name.text().strip() or translate("RaceView", "this lane")
        dialog = LaneSettingsDialog(name, current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _code, r=row, d=dialog: self._on_lane_settings_done(r, d))
        self.lane_settings_dialog = dialog
        dialog.open()

    def _on_lane_settings_done(self, row: LaneRow, dialog: LaneSettingsDialog) -> None:
        edited = dialog.edited()
        self.lane_settings_dialog = None
        if edited is None or row not in self.rows:
            return
        row.set_own(edited)
        self._edited = True
        self._show_shared()

    def remove_lane(self, row: LaneRow) -> None:
        if len(self.rows) <= MIN_LANES or row not in self.rows:
            return
        self._edited = True
        self.lane_grid.take(row)
        self._update_buttons()

    def _set_rows(self, n: int) -> None:
        self.lane_grid.set_count(n)
        self._update_buttons()

    def _lane_values(self) -> list[dict]:
        """Each lane's settings as a dict, read from its boxes (a lane whose typed field is
        refused still has its choices: the shared line needs only those)."""
        base = self.base()
        return [row.values(base) for row in self.rows]

    def _show_shared(self) -> None:
        try:
            base = self.base()
        except NndeskError:
            return
        values = self._lane_values()
        names = [row.said_name(n) for n, row in enumerate(self.rows, start=1)]
        self.shared.setText(
            shared_line(self.preset_name(), shared_settings(base, values), own_data(names, values))
        )

    # -- race ----------------------------------------------------------------------------------
    def busy_may_have_ended(self) -> None:
        """What kept a race from starting may be over (a training run ended): its refusal,
        still under the buttons, is taken back (walk54 D5: it stayed until the tab was left
        and opened again). Any other line there stays."""
        if self._refused and self.error.text() == self._refused and not self._busy():
            self.error.setText("")
            self._refused = None

    def start_race(self) -> bool:
        """Race the lanes as edited; False (and the reason under the buttons) if refused."""
        reason = self._busy()
        if reason:
            self.error.setText(reason)
            self._refused = reason
            return False
        try:
            lanes = self.lanes()
            self.controller.start(lanes, preset=self.preset_name())
        except NndeskError as err:
            self.error.setText(user_message(err))
            return False
        self.error.setText("")
        self.table.hide()
        self.why.hide()
        self.table.forget_lanes()
        self._raced_height = 0
        self._fit_chart_least()
        self.chart.clear_image()
        self.show_editors(False)
        self._dirty = True
        return True

    def show_editors(self, shown: bool) -> None:
        """The lane editors (before a race), or a one-line summary of the lanes (racing, after)."""
        self.editors.setVisible(shown)
        self.add_button.setVisible(shown)
        self.lab_button.setVisible(shown)
        self.edit_button.setVisible(not shown)
        self.lanes_summary.setVisible(not shown)
        if not shown and self.controller.lanes:
            # the preset raced: a window rebuilt in another language starts its tab on another
            # comparison (it named fashion-mlp-lab, walk51 D2)
            preset = self.controller.preset or self.preset_name()
            self.lanes_summary.setText(summary_line(self.controller.lanes, preset))
            self.lanes_summary.setToolTip(self.shared.text())

    def render_now(self) -> None:
        """Render the curves now (if no render is under way); ``rendered`` follows."""
        if self._rendering or not any(c.batch_x for c in self.controller.curves):
            return  # a render under way, or no batch to draw yet
        self._rendering, self._dirty = True, False
        # copies of the lists (not their values): the pool reads them while the race goes on;
        # the key names the lanes as their fields do, without the start they share (two labs'
        # four long names took five rows of a 1024 px chart)
        names = shortened([lane.name for lane in self.controller.lanes])
        runs = [(name, curves.copy()) for name, curves in zip(names, self.controller.curves,
                                                              strict=True)]  # fmt: skip
        size = self.chart.size()
        w, h = max(size.width(), 320), max(size.height(), 220)
        # each lane's curve smoothed over its own epoch (0: the chart counts it from the
        # curve) when the lanes take batches of other sizes
        per_lane = set(self.controller.lane_batches) or {self.controller.batches_per_epoch}
        per_epoch = per_lane.pop() if len(per_lane) == 1 else 0
        # as the Live page, by the setting: a lane without a split draws no validation line
        validation = any(lane.config.val_fraction > 0 for lane in self.controller.lanes)
        epochs = max(lane.config.epochs for lane in self.controller.lanes)  # shared by all
        zoom = text_size.chart_zoom()
        run_off_gui(
            render_pool(),
            self._delivery,
            theme.colours(),  # a switch meanwhile makes it stale on arrival
            lambda: render_kept_chart(runs, w, h, per_epoch, validation, epochs, zoom),
        )

    # -- slots ---------------------------------------------------------------------------------
    @Slot(int)
    def _on_comparison_activated(self, index: int) -> None:
        choice = self.comparison.itemData(index)
        if choice is not None and choice >= 0:
            self.use_comparison(int(choice))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.add_lane()

    @Slot()
    def _on_race_button_clicked(self) -> None:
        self.start_race()

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        if self.controller.is_paused():
            self.controller.resume()
        else:
            self.controller.pause()

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self.controller.stop()

    @Slot(object)
    def _on_controller_started(self, started) -> None:
        self._dirty = True

    @Slot()
    def _on_controller_progressed(self) -> None:
        self._dirty = True
        self.progress.setText(
            self._progress_text()
            + (translate("RaceView", "  ·  PAUSED") if self.controller.is_paused() else "")
        )

    def _progress_text(self) -> str:
        """How far the race is: the batch of the epoch when every lane takes batches of one
        size, else the share of the epoch the lane furthest behind has trained."""
        curves = self.controller.curves
        epochs = self.controller.lanes[0].config.epochs if self.controller.lanes else 0
        sizes = set(self.controller.lane_batches)
        if len(sizes) > 1:
            done = min((c.batch_x[-1] if c.batch_x else 0.0 for c in curves), default=0.0)
            epoch = min(int(done) + 1, max(epochs, 1))
            return translate("RaceView", "Racing: epoch {epoch} of {epochs}, {share} of it").format(
                epoch=epoch, epochs=epochs, share=fmt(min(done - (epoch - 1), 1.0), ".0%")
            )
        bpe = max(self.controller.batches_per_epoch, 1)
        done = min((len(c.batch_x) for c in curves), default=0)
        return translate(
            "RaceView", "Racing: epoch {epoch} of {epochs}, batch {batch} of {per}"
        ).format(epoch=min(done // bpe + 1, epochs), epochs=epochs, batch=done % bpe + 1, per=bpe)

    @Slot(object)
    def _on_controller_finished_race(self, results) -> None:
        self._dirty = True
        self.render_now()
        self.show_results(results)
        self.progress.setText(race_over_text(results, self.controller.lanes))

    def show_results(self, results: tuple[LaneResult, ...]) -> None:
        """The final figures, one row per lane, with its Keep button."""
        self.table.fill(
            results,
            self.controller.can_keep,
            self._on_keep_clicked,
            shortened([r.name for r in results]),
        )
        # the chart keeps the room it raced in (whole in view, as racing) and the page
        # scrolls to the table: squeezed, its loss-per-batch plot was ~60 px tall (walk50 D6)
        self._raced_height = self.chart.height()
        self._fit_chart_least()
        self.table.show()
        self._say_why(results)
        self._dirty = True  # drawn again to fit its room

    def _say_why(self, results: tuple[LaneResult, ...]) -> None:
        """Under the table, the coach's settings hints of each lane that has one."""
        controller = self.controller
        sessions = controller.sessions()
        setups = [
            lane_setup(
                lane.config,
                sessions[i] if i < len(sessions) else None,
                controller.lane_batches[i] if i < len(controller.lane_batches) else 0,
                next((r.epochs for r in results if r.lane == i), 0),
            )
            for i, lane in enumerate(controller.lanes)
        ]
        names = shortened([lane.name for lane in controller.lanes])
        dead = [next((r.dead for r in results if r.lane == i), ()) for i in range(len(setups))]
        text = why_text(names, lanes_hints(setups, dead))
        self.why.setText(text)
        self.why.setVisible(bool(text))

    def finished_race(self) -> FinishedRace | None:
        """The finished race on show (None while one runs, or before any), its lanes named by
        their untranslated names where a comparison named them: a window rebuilt in another
        language shows it again (``adopt_race``), names and all in its words."""
        race = self.controller.finished()
        return None if race is None else race.renamed(source_name)

    def adopt_race(self, race: FinishedRace) -> None:
        """Show ``race`` (``finished_race`` of the window this one replaces) as if it had just
        ended here: its chart, its table with Keep (or Kept), the line saying how it ended."""
        self.controller.adopt(said_again(race))
        results = self.controller.results
        self.show_editors(False)
        self.show_results(results)
        for lane, record in race.kept_runs.items():
            button = self.keep_button(lane)
            if button is not None and record is not None:
                button.setText(translate("RaceView", "Kept"))
            elif button is not None:
                self.table.say_saving(lane)
        self.progress.setText(race_over_text(results, self.controller.lanes))
        self._dirty = True

    def keep_button(self, lane: int) -> QPushButton | None:
        return self.table.keep_button(lane)

    def _on_keep_clicked(self, lane: int) -> None:
        try:
            self.controller.keep(lane)
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        button = self.keep_button(lane)
        if button is not None:
            button.setEnabled(False)
            self.table.say_saving(lane)

    @Slot(int, object)
    def _on_controller_kept(self, lane: int, record) -> None:
        button = self.keep_button(lane)
        if button is not None:
            button.setText(translate("RaceView", "Kept"))
        said = (
            translate("RaceView", "{name} kept as a run with its model: {path}")
            if record.model_file
            else translate(
                "RaceView", "{name} kept as a run, without a model (it diverged): {path}"
            )
        )
        self.status_message.emit(
            said.format(name=self.controller.lanes[lane].name, path=record.folder)
        )

    @Slot(int, str)
    def _on_controller_keep_failed(self, lane: int, message: str) -> None:
        self.error.setText(message)
        button = self.keep_button(lane)
        if button is not None:
            button.setEnabled(True)
            button.setText(translate("RaceView", "Keep"))

    @Slot(str)
    def _on_controller_failed(self, message: str) -> None:
        self.error.setText(message)
        self.progress.setText(translate("RaceView", "The race failed."))

    @Slot(bool)
    def _on_controller_running_changed(self, running: bool) -> None:
        self._update_buttons()

    @Slot(bool)
    def _on_controller_paused_changed(self, paused: bool) -> None:
        self._update_buttons()
        self._on_controller_progressed()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._dirty and self.isVisible():
            self.render_now()

    @Slot(object, object)
    def _on_delivery_delivered(self, asked_theme, rendered) -> None:
        self._rendering = False
        if rendered is not None and asked_theme == theme.colours():
            self.chart.show_image(rendered.image, asked_theme)
            # its plots' least height at the text size drawn: at Larger text on a 1024x768
            # projector the zoomed key and titles left them 15-20 px tall in the chart's 260
            # (verify61); the chart grows (the tab scrolls) and is drawn again at its new size
            self._plots_least = least_chart_height(
                rendered.image.height(), rendered.plot_px, rendered.zoom, CHART_MIN_HEIGHT
            )
            self._fit_chart_least()
            self.rendered.emit()

    def _fit_chart_least(self) -> None:
        least = max(self._plots_least, self._raced_height)
        if self.chart.minimumHeight() != least:
            self.chart.setMinimumHeight(least)

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        # the chart is a picture in the old theme's colours: rendered again (its figure too,
        # as ``_render_kept_chart`` keys it by the theme) at the next tick, if shown
        self._dirty = bool(self.controller.curves)

    @Slot()
    def _on_chart_resized(self) -> None:
        self._dirty = bool(self.controller.curves)  # drawn again at the new size soon

    @Slot()
    def _on_counts_changed(self, *_args) -> None:
        self._show_shared()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._show_shared()
        self._dirty = bool(self.controller.curves)

    def _update_buttons(self) -> None:
        self.lane_scroll.updateGeometry()  # lanes came or went: its height follows
        running = self.controller.is_running()
        # as the Train form's Train: no race while a lane's field is refused
        refused = self._say_refused_fields()
        self.race_button.setEnabled(not running and not refused)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.pause_button.setText(
            translate("RaceView", "Resume")
            if self.controller.is_paused()
            else translate("RaceView", "Pause")
        )
        self.comparison.setEnabled(not running)
        self.edit_button.setEnabled(not running)
        self.add_button.setEnabled(not running and len(self.rows) < MAX_LANES)
        self.lab_button.setEnabled(not running and len(self.rows) < MAX_LANES)
        for row in self.rows:
            for w in row.widgets():
                w.setEnabled(not running)
            row.remove.setEnabled(not running and len(self.rows) > MIN_LANES)
