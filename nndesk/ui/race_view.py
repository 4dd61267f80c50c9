"""RaceView: the Train page's "Race" tab. 2-4 configurations trained side by side.

The lanes start from the Train form's settings (dataset, epochs, batch size, seed, augmentation:
what decides the batches, so every lane sees the same ones); each lane changes its layers,
activation, optimiser, learning rate and input scaling. One click fills the lanes with one of the
seed labs' comparisons (``training.race.COMPARISONS``). ``RaceController`` trains them off the
GUI thread; their curves are overlaid, one colour and one legend entry per lane, rendered on the
render pool about twice a second (``race_chart.RaceChart``: one figure whose lines move); at the
end a table gives each lane's final figures, and each lane can be kept as a run with its model.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.race import Lane, LaneResult, RaceController
from nndesk.errors import ConfigError, NndeskError, user_message
from nndesk.i18n import QT_TRANSLATE_NOOP, fill
from nndesk.setting_words import dataset_text, setting_text
from nndesk.settings_schema import BY_NAME
from nndesk.training import TrainConfig
from nndesk.training.race import COMPARISONS, MAX_LANES, MIN_LANES
from nndesk.ui import kept_choices, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.chart_image import ChartImage
from nndesk.ui.choice_box import ChoiceBox
from nndesk.ui.language import accuracy_text, decimal, loss_text, translate, translate_marked
from nndesk.ui.off_gui import Delivery, render_pool, run_off_gui
from nndesk.ui.train_form import number_field

#: Milliseconds between two renders of the overlaid curves while racing.
REDRAW_MS = 500
HEAD_GAP = 4  # px between two columns of the lanes (their headers among them)
#: How the table names a lane that did not complete.
ENDINGS = {
    "stopped": QT_TRANSLATE_NOOP("RaceView", "stopped"),
    "diverged": QT_TRANSLATE_NOOP("RaceView", "diverged"),
}


def _image(rgba) -> QImage:
    """An RGBA uint8 (h, w, 4) array as a QImage that owns its pixels."""
    h, w = rgba.shape[:2]
    return QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


#: The chart of the race on screen, made and used only by render-pool jobs (one at a time): a
#: refresh moves its lines' data instead of building a figure.
_chart = None


def _render_kept_chart(
    runs, width: int, height: int, per_epoch: int, validation: bool = True
) -> QImage:
    """The race chart of ``runs`` ((name, Curves) pairs), moving the kept figure's lines when
    the lanes, size, theme and validation split are the same (render-pool jobs only: one at a
    time)."""
    global _chart
    from nndesk.race_chart import RaceChart, theme_key

    names = [name for name, _ in runs]
    key = (tuple(names), width, height, theme_key(), validation)
    try:
        if _chart is None or _chart.key != key:
            _chart = RaceChart(names, width, height, validation=validation)
        return _image(_chart.render([c for _, c in runs], per_epoch))
    except Exception:
        _chart = None  # a figure that failed once is built again next time
        raise


def _range_only(label: str) -> str:
    """An input scaling as a lane's box writes it: its range alone ("[-1; 1]"), the formula
    after the two spaces left to the list and the tooltip. At 1024 px in Vietnamese
    "[-1; 1]  (x / 127,5 - 1)" pushed the column past the lanes' right edge."""
    return label.split("  ", 1)[0]


def _combo(name: str) -> QComboBox:
    # as wide as its choice; a window narrower still scrolls the lanes sideways
    box = ChoiceBox(shown=_range_only if name == "normalize" else None)
    # as the wheel guard does when a box is polished: the lanes' strip is polished only when
    # scrolled into view, and a wheel must never change a field before that
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    field = BY_NAME[name]
    for value in field.choices:
        box.addItem(translate_marked("", field.choice_label(value)), value)
    box.setToolTip(translate_marked("", field.help))
    return box


def _fit_text(edit: QLineEdit, text: str) -> None:
    """At least as wide as ``text`` (a cut "84-64-64-10" reads as another architecture)."""
    margins = edit.textMargins().left() + edit.textMargins().right()
    edit.setMinimumWidth(max(56, edit.fontMetrics().horizontalAdvance(text) + margins + 10))


class _LaneScroll(QScrollArea):
    """The lanes' editors at their whole width: a narrow window scrolls them sideways, and the
    area is always as tall as every lane (no vertical scrolling)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        lanes = self.widget()
        inner = lanes.sizeHint() if lanes is not None else QSize(0, 0)
        height = inner.height()
        if lanes is not None and lanes.hasHeightForWidth():
            # the height at the width the lanes get: a header that wraps ("Hàm kích hoạt" on
            # two lines) makes them taller than their one-line size hint, and the last lane
            # showed only its top half above the scroll bar (walk qa40)
            width = max(self.viewport().width(), lanes.minimumSizeHint().width())
            height = max(height, lanes.heightForWidth(width))
        bar = self.horizontalScrollBar().sizeHint().height()
        return QSize(inner.width() + 2 * self.frameWidth(), height + bar)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, self.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width wraps the headers otherwise: ask again


class LaneRow:
    """The editors of one lane: its name and the settings it changes."""

    def __init__(self, view: RaceView) -> None:
        self.name = QLineEdit()
        self.name.setToolTip(translate("RaceView", "the lane's name in the legend and the table"))
        self.arch = QLineEdit()
        self.arch.setToolTip(translate_marked("", BY_NAME["arch"].help))
        self.activation = _combo("activation")
        self.optimizer = _combo("optimizer")
        self.lr = number_field(BY_NAME["lr"])
        self.lr.setToolTip(translate_marked("", BY_NAME["lr"].help))
        self.normalize = _combo("normalize")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)  # a flat, narrow ✕: the lanes fit a 1024 px window
        self.remove.setFixedWidth(self.remove.fontMetrics().horizontalAdvance("✕") + 8)
        self.remove.setToolTip(translate("RaceView", "remove this configuration from the race"))
        self.remove.clicked.connect(lambda: view.remove_lane(self))
        for w in (self.name, self.arch):
            w.textChanged.connect(lambda text, w=w: _fit_text(w, text))
            _fit_text(w, "784-128-10")
        self.lr.setMinimumWidth(48)
        self.lr.setMaximumWidth(64)
        for signal in (self.name.textEdited, self.arch.textEdited, self.lr.textEdited):
            signal.connect(view.mark_edited)
        for box in (self.activation, self.optimizer, self.normalize):
            box.activated.connect(view.mark_edited)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.arch, self.activation, self.optimizer, self.lr, self.normalize,
                self.remove)  # fmt: skip

    def fill(self, name: str, config: TrainConfig) -> None:
        from nndesk.ui.train_form import _set_combo

        self.name.setText(name)
        self.arch.setText(config.arch)
        _set_combo(self.activation, config.activation)
        _set_combo(self.optimizer, config.optimizer)
        self.lr.set_value(config.lr)
        _set_combo(self.normalize, config.normalize)

    def lane(self, base: TrainConfig, number: int) -> Lane:
        """This row's ``Lane`` on ``base``; ``ConfigError`` naming the lane when refused."""
        name = self.name.text().strip() or translate("RaceView", "Lane {n}").format(n=number)
        try:
            config = base.replace(
                arch=self.arch.text().strip(),
                activation=self.activation.currentData(),
                optimizer=self.optimizer.currentData(),
                lr=self.lr.value(),
                normalize=self.normalize.currentData(),
            ).validate()
        except ConfigError as err:
            raise ConfigError(f"{name}: {err}") from None
        return Lane(name, config)


class RaceView(QWidget):
    """The race screen; ``base_config()`` gives the Train form's settings (may raise
    ``ConfigError``), ``busy()`` a reason the race cannot start now (a training run) or None."""

    status_message = Signal(str)
    rendered = Signal()  # a new chart image is on screen (tests wait on it)

    def __init__(
        self,
        controller: RaceController,
        base_config: Callable[[], TrainConfig],
        busy: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._base_config = base_config
        self._busy = busy
        self.rows: list[LaneRow] = []
        #: the lanes were changed by hand: they no longer follow the Train form's settings
        self._edited = False

        self.comparison = QComboBox()
        self.comparison.addItem(translate("RaceView", "Choose a comparison…"), -1)
        for i, (title, _) in enumerate(COMPARISONS):
            self.comparison.addItem(translate_marked("Race", title), i)
        self.comparison.setToolTip(
            translate("RaceView", "fill the lanes with one of the labs' comparisons; edit freely")
        )
        self.shared = QLabel()
        self.shared.setWordWrap(True)
        theme.set_tone(self.shared, "muted")

        self.lane_grid = QGridLayout()
        # a header wider than its column's box wraps (below) and keeps this gap to the next:
        # at 1024 px "Hàm kích hoạt" ran into "Bộ tối ưu" 4 px apart
        self.lane_grid.setHorizontalSpacing(HEAD_GAP)
        self.lane_grid.setVerticalSpacing(2)
        # flush with "Compare" above; the style's margins pushed the ✕ under a sideways scroll
        self.lane_grid.setContentsMargins(0, 0, 0, 0)
        heads = (
            translate("RaceView", "Name"),
            translate_marked("", BY_NAME["arch"].label),
            translate_marked("", BY_NAME["activation"].label),
            translate_marked("", BY_NAME["optimizer"].label),
            translate("RaceView", "LR"),
            translate_marked("", BY_NAME["normalize"].label),
        )
        for column, text in enumerate(heads):
            head = QLabel(text)
            head.setWordWrap(True)  # as wide as its column's boxes, on two lines if need be
            head.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            theme.set_tone(head, "muted")
            if column == 4:
                head.setToolTip(translate_marked("", BY_NAME["lr"].label))
            self.lane_grid.addWidget(head, 0, column)
        self.lane_grid.setColumnStretch(0, 2)
        self.lane_grid.setColumnStretch(1, 3)
        self.add_button = tipped_button(
            translate("RaceView", "+ Add a configuration"),
            translate("RaceView", "race up to four configurations"),
        )

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
        self.error = QLabel()
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")
        self.progress = QLabel(translate("RaceView", "Pick 2-4 configurations and press Race."))
        self.progress.setWordWrap(True)

        self.chart = ChartImage(300, 260)  # its room changes when the table comes and goes

        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            translate("RaceView", "Configuration"), translate("RaceView", "Epochs"),
            translate("RaceView", "Train\nloss"), translate("RaceView", "Validation\naccuracy"),
            translate("RaceView", "Test\naccuracy"), translate("RaceView", "Seconds"), "",
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.hide()

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
        self.editors = QWidget()
        ev = QVBoxLayout(self.editors)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addLayout(top)
        ev.addWidget(self.shared)
        lanes = QWidget()
        lanes.setLayout(self.lane_grid)
        self.lane_scroll = _LaneScroll()
        self.lane_scroll.setWidget(lanes)
        self.lane_scroll.setWidgetResizable(True)
        self.lane_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.lane_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        ev.addWidget(self.lane_scroll)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.race_button, self.pause_button,
                  self.stop_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.editors)
        layout.addWidget(self.lanes_summary)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.table)

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

    # -- lanes ---------------------------------------------------------------------------------
    def base(self) -> TrainConfig:
        return self._base_config()

    def use_comparison(self, index: int) -> None:
        """Fill the lanes with ``COMPARISONS[index]`` on the Train form's settings."""
        try:
            base = self.base()
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        _, lanes = COMPARISONS[index]
        self._set_rows(len(lanes))
        for row, (name, changes) in zip(self.rows, lanes, strict=True):
            row.fill(translate_marked("Race", name), base.replace(**changes))
        self.comparison.setCurrentIndex(self.comparison.findData(index))
        self._show_shared()
        self.error.setText("")
        self._edited = False

    def lanes_choice(self) -> tuple:
        """The comparison chosen and, once a lane was edited by hand, every lane's fields
        (``restore_lanes_choice``, for the window rebuilt in another language)."""
        rows = None
        if self._edited:
            rows = []
            for row in self.rows:
                try:
                    lr: float | str = row.lr.value()
                except NndeskError:
                    lr = row.lr.text()  # as typed, mistake and all
                boxes = (row.activation, row.optimizer, row.normalize)
                rows.append(
                    (row.name.text(), row.arch.text(), lr, *(b.currentData() for b in boxes))
                )
        return self.comparison.currentData(), rows

    def restore_lanes_choice(self, choice: tuple) -> None:
        """Take ``lanes_choice`` over: the comparison's lanes named in this window's language,
        or the lanes edited by hand as they were."""
        from nndesk.ui.train_form import _set_combo

        index, rows = choice
        if index is not None and index >= 0 and index != self.comparison.currentData():
            self.use_comparison(index)
        if rows is None:
            return
        self._set_rows(len(rows))
        for row, (name, arch, lr, activation, optimizer, normalize) in zip(
            self.rows, rows, strict=True
        ):
            row.name.setText(name)
            row.arch.setText(arch)
            if isinstance(lr, float):
                row.lr.set_value(lr)  # in this window's decimal mark
            else:
                row.lr.setText(lr)
            _set_combo(row.activation, activation)
            _set_combo(row.optimizer, optimizer)
            _set_combo(row.normalize, normalize)
        self._show_shared()
        self._edited = True

    def mark_edited(self, *_args) -> None:
        """A lane was edited by hand: keep it when the Train form changes."""
        self._edited = True

    def lanes(self) -> list[Lane]:
        """The lanes as edited; ``ConfigError`` naming the first refused one."""
        base = self.base()
        return [row.lane(base, i) for i, row in enumerate(self.rows, start=1)]

    def add_lane(self) -> None:
        if len(self.rows) >= MAX_LANES:
            return
        row = LaneRow(self)
        try:
            row.fill(translate("RaceView", "Lane {n}").format(n=len(self.rows) + 1), self.base())
        except NndeskError as err:
            self.error.setText(user_message(err))
        self._place_row(row)
        self._update_buttons()

    def remove_lane(self, row: LaneRow) -> None:
        if len(self.rows) <= MIN_LANES or row not in self.rows:
            return
        self._edited = True
        for w in row.widgets():
            self.lane_grid.removeWidget(w)
            w.deleteLater()
        self.rows.remove(row)
        rows, self.rows = self.rows, []
        for r in rows:  # close the gap
            for w in r.widgets():
                self.lane_grid.removeWidget(w)
            self._place_row(r)
        self._update_buttons()

    def _set_rows(self, n: int) -> None:
        while len(self.rows) < n:
            self._place_row(LaneRow(self))
        while len(self.rows) > n:
            row = self.rows.pop()
            for w in row.widgets():
                self.lane_grid.removeWidget(w)
                w.deleteLater()
        self._update_buttons()

    def _place_row(self, row: LaneRow) -> None:
        self.rows.append(row)
        for column, w in enumerate(row.widgets()):
            self.lane_grid.addWidget(w, len(self.rows), column)

    def _show_shared(self) -> None:
        try:
            cfg = self.base()
        except NndeskError:
            return
        # the window's words and number format: "MNIST", "batch size 1,000" ("kích thước
        # batch 1.000"), never the config's "mnist" and Python's "1000"
        batch = setting_text("batch_size", 0 if cfg.full_batch else cfg.batch_size)
        self.shared.setText(
            fill(
                translate(
                    "RaceView",
                    "Shared by every lane, from the Train settings: {dataset}, {epochs} epoch(s), "
                    "{batch}, seed {seed}, augmentation {augment}. Same seed and batches: the "
                    "lanes see the same images in the same order.",
                ),
                dataset=dataset_text(cfg.dataset),
                epochs=cfg.epochs,
                batch=batch,
                seed=str(cfg.seed),  # a name for the run, not a count: never grouped
                augment=translate("RaceView", "on")
                if cfg.augment
                else translate("RaceView", "off"),
            )
        )

    # -- race ----------------------------------------------------------------------------------
    def start_race(self) -> bool:
        """Race the lanes as edited; False (and the reason under the buttons) if refused."""
        reason = self._busy()
        if reason:
            self.error.setText(reason)
            return False
        try:
            lanes = self.lanes()
            self.controller.start(lanes)
        except NndeskError as err:
            self.error.setText(user_message(err))
            return False
        self.error.setText("")
        self.table.hide()
        self.table.setRowCount(0)
        self.chart.clear_image()
        self.show_editors(False)
        self._dirty = True
        return True

    def show_editors(self, shown: bool) -> None:
        """The lane editors (before a race), or a one-line summary of the lanes (racing, after)."""
        self.editors.setVisible(shown)
        self.add_button.setVisible(shown)
        self.edit_button.setVisible(not shown)
        self.lanes_summary.setVisible(not shown)
        if not shown:
            shared = self.shared.text().split(". ")[0]
            names = " · ".join(lane.name for lane in self.controller.lanes)
            self.lanes_summary.setText(f"{names}  —  {shared}")

    def render_now(self) -> None:
        """Render the curves now (if no render is under way); ``rendered`` follows."""
        if self._rendering or not any(c.batch_x for c in self.controller.curves):
            return  # a render under way, or no batch to draw yet
        self._rendering, self._dirty = True, False
        # copies of the lists (not their values): the pool reads them while the race goes on
        runs = [
            (lane.name, curves.copy())
            for lane, curves in zip(self.controller.lanes, self.controller.curves, strict=True)
        ]
        size = self.chart.size()
        w, h = max(size.width(), 320), max(size.height(), 220)
        per_epoch = self.controller.batches_per_epoch
        # the lanes share the Train settings' split; as the Live page, by the setting
        validation = any(lane.config.val_fraction > 0 for lane in self.controller.lanes)
        run_off_gui(
            render_pool(),
            self._delivery,
            theme.colours(),  # a switch meanwhile makes it stale on arrival
            lambda: _render_kept_chart(runs, w, h, per_epoch, validation),
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
        curves = self.controller.curves
        bpe = max(self.controller.batches_per_epoch, 1)
        done = min((len(c.batch_x) for c in curves), default=0)
        epochs = self.controller.lanes[0].config.epochs if self.controller.lanes else 0
        self.progress.setText(
            translate(
                "RaceView", "Racing: epoch {epoch} of {epochs}, batch {batch} of {per}"
            ).format(
                epoch=min(done // bpe + 1, epochs), epochs=epochs, batch=done % bpe + 1, per=bpe
            )
            + (translate("RaceView", "  ·  PAUSED") if self.controller.is_paused() else "")
        )

    @Slot(object)
    def _on_controller_finished_race(self, results) -> None:
        self._dirty = True
        self.render_now()
        self.show_results(results)
        self.progress.setText(self._race_over_text(results))

    def _race_over_text(self, results: tuple[LaneResult, ...]) -> str:
        """The line under the chart once the lanes are tested: a race stopped by Stop says so
        and how far it went (the table's "(stopped)" alone read as a completed race)."""
        stopped = [r.epochs for r in results if r.reason == "stopped"]
        if not stopped:
            return translate("RaceView", "Race over: every lane tested.")
        lanes = self.controller.lanes
        epochs = lanes[0].config.epochs if lanes else max(r.epochs for r in results)
        return translate(
            "RaceView", "Race stopped after {done} of {epochs} epoch(s): every lane tested."
        ).format(done=max(stopped), epochs=epochs)

    def show_results(self, results: tuple[LaneResult, ...]) -> None:
        """The final figures, one row per lane, with its Keep button."""
        self.table.setRowCount(len(results))
        for r in results:
            said = ENDINGS.get(r.reason)
            verdict = f" ({translate_marked('RaceView', said)})" if said else ""
            cells = (
                f"{r.name}{verdict}",
                str(r.epochs),
                loss_text(r.train_loss) if math.isfinite(r.train_loss) else "—",
                accuracy_text(r.val_accuracy),
                accuracy_text(r.test_accuracy),
                decimal(r.seconds, 1),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r.lane, column, item)
            button = tipped_button(
                translate("RaceView", "Keep"),
                translate("RaceView", "save this lane as a run with its model (Runs tab)"),
            )
            button.setEnabled(self.controller.can_keep(r.lane))
            button.clicked.connect(lambda _=False, lane=r.lane: self._on_keep_clicked(lane))
            self.table.setCellWidget(r.lane, 6, button)
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(i) for i in range(self.table.rowCount()))
        height = self.table.horizontalHeader().sizeHint().height() + rows + 6
        self.table.setMinimumHeight(height)  # every lane's row, without scrolling the table
        self.table.setMaximumHeight(height + 20)
        self.table.show()
        self._dirty = True  # the chart's room shrank: draw it again to fit

    def keep_button(self, lane: int) -> QPushButton | None:
        w = self.table.cellWidget(lane, 6)
        return w if isinstance(w, QPushButton) else None

    def _on_keep_clicked(self, lane: int) -> None:
        try:
            self.controller.keep(lane)
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        button = self.keep_button(lane)
        if button is not None:
            button.setEnabled(False)
            button.setText(translate("RaceView", "Saving…"))

    @Slot(int, object)
    def _on_controller_kept(self, lane: int, record) -> None:
        button = self.keep_button(lane)
        if button is not None:
            button.setText(translate("RaceView", "Kept"))
        self.status_message.emit(
            translate("RaceView", "{name} kept as a run with its model: {path}").format(
                name=self.controller.lanes[lane].name, path=record.folder
            )
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
    def _on_delivery_delivered(self, asked_theme, image) -> None:
        self._rendering = False
        if image is not None and asked_theme == theme.colours():
            self.chart.show_image(image, asked_theme)
            self.rendered.emit()

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        # the chart is a picture in the old theme's colours: rendered again (its figure too,
        # as ``_render_kept_chart`` keys it by the theme) at the next tick, if shown
        self._dirty = bool(self.controller.curves)

    @Slot()
    def _on_chart_resized(self) -> None:
        self._dirty = bool(self.controller.curves)  # drawn again at the new size soon

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        choice = self.comparison.currentData()
        # lanes nobody edited follow the Train form (its mode, its preset)
        if not self._edited and not self.controller.is_running() and (choice or 0) >= 0:
            self.use_comparison(int(choice or 0))
        self._show_shared()
        self._dirty = bool(self.controller.curves)

    def _update_buttons(self) -> None:
        self.lane_scroll.updateGeometry()  # lanes came or went: its height follows
        running = self.controller.is_running()
        self.race_button.setEnabled(not running)
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
        for row in self.rows:
            for w in row.widgets():
                w.setEnabled(not running)
            row.remove.setEnabled(not running and len(self.rows) > MIN_LANES)
