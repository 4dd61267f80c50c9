"""The Race tab's lane editors: one row of fields per lane (its name and the settings it
changes), in an area that scrolls sideways and is always as tall as every lane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QWidget,
)

from nndesk.controllers.race import Lane
from nndesk.controllers.worker_freeing import free_later
from nndesk.errors import ConfigError, NndeskError, user_message_data
from nndesk.i18n import N_
from nndesk.setting_words import setting_text
from nndesk.settings_schema import BY_NAME, RACE_SHARES
from nndesk.training import TrainConfig
from nndesk.ui import text_size, theme
from nndesk.ui.choice_box import ChoiceBox
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.number_field import number_field
from nndesk.ui.race_lane_settings import LANE_OWN, settings_cell_text
from nndesk.ui.setting_editor import set_combo

HEAD_GAP = 4  # px between two columns of the lanes (their headers among them)
#: the columns a lane's own settings span, on the line under its own (Layers to Inputs)
SETTINGS_SPAN = 5


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


def _applies(name: str, config: TrainConfig) -> bool:
    """Whether setting ``name`` matters beside ``config``'s others (the form hides it else)."""
    applies = BY_NAME[name].applies
    return applies is None or bool(applies(config.to_dict()))


class LaneScroll(QScrollArea):
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

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # lanes added or removed: ask again for the height of every lane. A scroll area does
        # not when its widget's rows change, and new rows are shown (counted) only after the
        # event loop's turn: choosing "Optimisers" after a two-lane race showed 2 of its 3
        # lanes at 1024x700 (walk54 D9)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


class LaneRow:
    """The editors of one lane: its name and the settings it changes, its own settings beyond
    those (``own``: a preset's or the Train form's L2, schedule, batch size, …) in one cell.
    Its ✕ calls ``remove`` with the row, an edit by hand calls ``edited``, its settings cell
    ``edit_settings`` with the row."""

    def __init__(
        self,
        remove: Callable[[LaneRow], None],
        edited: Callable[..., None],
        edit_settings: Callable[[LaneRow], None] | None = None,
    ) -> None:
        #: the lane's settings beyond its columns (``LANE_OWN``); the race's shared ones
        #: (epochs, seed, the images) are taken from the race when it starts
        self.own = TrainConfig()
        self.settings = QToolButton()
        self.settings.setAutoRaise(True)  # a line of text under the lane's boxes, a button
        self.settings.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if edit_settings is not None:
            self.settings.clicked.connect(lambda: edit_settings(self))
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
        self.remove.setToolTip(translate("RaceView", "remove this configuration from the race"))
        self.remove.clicked.connect(lambda: remove(self))
        for w in (self.name, self.arch):
            w.textChanged.connect(lambda text, w=w: _fit_text(w, text))
        self.fit_to_font()
        self.lr.setMinimumWidth(48)
        self.lr.setMaximumWidth(64)
        for signal in (self.name.textEdited, self.arch.textEdited, self.lr.textEdited):
            signal.connect(edited)
        for box in (self.activation, self.optimizer, self.normalize):
            box.activated.connect(edited)

    def columns(self) -> tuple[QWidget, ...]:
        """The widgets of the lane's line, one per column (its own settings go below them)."""
        return (self.name, self.arch, self.activation, self.optimizer, self.lr, self.normalize,
                self.remove)  # fmt: skip

    def widgets(self) -> tuple[QWidget, ...]:
        return (*self.columns(), self.settings)

    def set_own(self, config: TrainConfig) -> None:
        """Take ``config``'s settings beyond the columns as the lane's own, shown in its cell."""
        self.own = config
        self.settings.setText(f"{settings_cell_text(config)}  ✎")
        said = ", ".join(setting_text(n, getattr(config, n)) for n in LANE_OWN
                         if _applies(n, config))  # fmt: skip
        self.settings.setToolTip(
            translate(
                "RaceView", "this lane's own settings: {settings}. Click to change them."
            ).format(settings=said)  # fmt: skip
        )

    def fit_to_font(self) -> None:
        """The ✕ as narrow as its glyph, and the name and layers as wide as their texts, in the
        window's font now (measured once, they kept View > Text size's old step's widths)."""
        self.remove.setFixedWidth(self.remove.fontMetrics().horizontalAdvance("✕") + 8)
        for w in (self.name, self.arch):
            _fit_text(w, w.text() or "784-128-10")  # empty: as wide as when built

    def fill(self, name: str, config: TrainConfig) -> None:
        """Show lane ``name`` of ``config``: its columns, and the rest as its own settings."""
        self.set_own(config)
        self.name.setText(name)
        self.arch.setText(config.arch)
        set_combo(self.activation, config.activation)
        set_combo(self.optimizer, config.optimizer)
        self.lr.set_value(config.lr)
        set_combo(self.normalize, config.normalize)

    def lane(self, base: TrainConfig, number: int) -> Lane:
        """This row's ``Lane`` on ``base``; ``ConfigError`` naming the lane when refused."""
        name = self.name.text().strip() or translate("RaceView", "Lane {n}").format(n=number)
        try:
            config = (
                self.on(base)
                .replace(
                    arch=self.arch.text().strip(),
                    activation=self.activation.currentData(),
                    optimizer=self.optimizer.currentData(),
                    lr=self.lr.value(),
                    normalize=self.normalize.currentData(),
                )
                .validate()
            )
        except ConfigError as err:
            # kept translatable: the lane's name before the reason in the window's language
            # (an f-string made it English in a Vietnamese window, lab56 D9)
            raise ConfigError.of(
                N_("{lane}: {reason}"), lane=name, reason=user_message_data(err)
            ) from None
        return Lane(name, config)

    def on(self, base: TrainConfig) -> TrainConfig:
        """The lane's own settings with the race's shared ones (``RACE_SHARES``) from
        ``base``: its columns as ``own`` holds them."""
        return self.own.replace(**{n: getattr(base, n) for n in RACE_SHARES})

    def values(self, base: TrainConfig) -> dict:
        """The lane's settings as a dict, its columns as their boxes hold them (a refused
        typed field keeps the lane's own value: the shared line needs only the choices)."""
        return {
            **self.on(base).to_dict(),
            "activation": self.activation.currentData(),
            "optimizer": self.optimizer.currentData(),
            "normalize": self.normalize.currentData(),
        }

    def choice(self) -> tuple:
        """The row's fields as ``restore`` takes them back: the rate as typed when refused,
        and the lane's own settings."""
        try:
            lr: float | str = self.lr.value()
        except NndeskError:
            lr = self.lr.text()  # as typed, mistake and all
        boxes = (self.activation, self.optimizer, self.normalize)
        own = self.own.to_dict()
        return (self.name.text(), self.arch.text(), lr, *(b.currentData() for b in boxes), own)

    def restore(self, choice: tuple) -> None:
        """Show ``choice`` (``choice()`` of a row in the window this one replaces)."""
        name, arch, lr, activation, optimizer, normalize, own = choice
        self.set_own(TrainConfig.from_dict(own))
        self.name.setText(name)
        self.arch.setText(arch)
        if isinstance(lr, float):
            self.lr.set_value(lr)  # in this window's decimal mark
        else:
            self.lr.setText(lr)
        set_combo(self.activation, activation)
        set_combo(self.optimizer, optimizer)
        set_combo(self.normalize, normalize)


class LaneGrid(QGridLayout):
    """The lanes' rows (``rows``, top to bottom) under their columns' headers; a new row is
    made by ``new_row``."""

    def __init__(self, new_row: Callable[[], LaneRow]) -> None:
        super().__init__()
        self.rows: list[LaneRow] = []
        self._new_row = new_row
        # a header wider than its column's box wraps (below) and keeps this gap to the next:
        # at 1024 px "Hàm kích hoạt" ran into "Bộ tối ưu" 4 px apart
        self.setHorizontalSpacing(HEAD_GAP)
        self.setVerticalSpacing(2)
        # flush with "Compare" above; the style's margins pushed the ✕ under a sideways scroll
        self.setContentsMargins(0, 0, 0, 0)
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
            self.addWidget(head, 0, column)
        self.setColumnStretch(0, 2)
        self.setColumnStretch(1, 3)
        text_size.notifier().changed.connect(self._on_text_size_changed)  # ends with the grid

    @Slot()
    def _on_text_size_changed(self) -> None:
        for row in self.rows:
            row.fit_to_font()

    def place(self, row: LaneRow) -> None:
        """``row`` below the others: its line, and its own settings under its columns (a
        column of their own took 130 px more than a 1024 px window has, walk60 D9)."""
        self.rows.append(row)
        line = 2 * len(self.rows) - 1
        for column, w in enumerate(row.columns()):
            self.addWidget(w, line, column)
        self.addWidget(row.settings, line + 1, 1, 1, SETTINGS_SPAN, Qt.AlignmentFlag.AlignLeft)

    def take(self, row: LaneRow) -> None:
        """``row`` removed (its widgets deleted), the rows below it moved up."""
        for w in row.widgets():
            self.removeWidget(w)
            free_later(w)  # worker_freeing: with the GIL, not by deleteLater
        self.rows.remove(row)
        rows, self.rows = self.rows, []
        for r in rows:  # close the gap
            for w in r.widgets():
                self.removeWidget(w)
            self.place(r)

    def set_count(self, n: int) -> None:
        """``n`` rows: new ones added below, the last ones removed."""
        while len(self.rows) < n:
            self.place(self._new_row())
        while len(self.rows) > n:
            row = self.rows.pop()
            for w in row.widgets():
                self.removeWidget(w)
                free_later(w)
