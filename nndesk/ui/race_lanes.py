"""The Race tab's lane editors: one row of fields per lane (its name and the settings it
changes), as tall as every lane. Where the page is narrower than the fields' texts (a lab of
long layers and PReLU raced at 1024 px, or Vietnamese at Larger text), the fields give up width
rather than go behind a sideways scroll: the name and the choices are written shorter or
elided, whole in their tooltips, and the layers keep what is left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

from nndesk.controllers.race import Lane
from nndesk.controllers.worker_freeing import free_later
from nndesk.errors import ConfigError, NndeskError, user_message_data
from nndesk.i18n import N_, Message
from nndesk.setting_words import setting_text
from nndesk.settings_schema import BY_NAME, RACE_SHARES
from nndesk.training import TrainConfig
from nndesk.ui import text_size, theme
from nndesk.ui.choice_box import ChoiceBox, without_gloss
from nndesk.ui.elided_edit import ElidedEdit
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.number_field import NumberField, number_field
from nndesk.ui.race_lane_settings import LANE_OWN, settings_cell_text
from nndesk.ui.race_words import shared_start
from nndesk.ui.setting_editor import field_label, reason_of, set_combo

HEAD_GAP = 4  # px between two columns of the lanes (their headers among them)
NAME, LAYERS, ACTIVATION, OPTIMIZER, LR, INPUTS, REMOVE = range(7)
#: the columns that share what a narrow page leaves after the layers are whole where they differ
#: (they tell the lanes apart most often); the learning rates are never cut (a number cut reads
#: as another), the ✕ keeps its glyph's width
SHARING = (NAME, ACTIVATION, OPTIMIZER, INPUTS)
#: the columns a lane's own settings span, on the line under its own (Layers to Inputs)
SETTINGS_SPAN = 5
#: px under a lane's second line when its name is there (``LaneGrid.name_span``)
LANE_GAP = 6


def _range_only(label: str) -> str:
    """An input scaling as a lane's box writes it: its range alone ("[-1; 1]"), the formula
    after the two spaces left to the list and the tooltip. At 1024 px in Vietnamese
    "[-1; 1]  (x / 127,5 - 1)" pushed the column past the lanes' right edge."""
    return label.split("  ", 1)[0]


#: the least widths, in average characters, of the lane's name, its layers and its choices: a
#: narrow page shrinks them to these (the layers least: they tell the lanes apart most often)
NAME_LEAST_CHARS, LAYERS_LEAST_CHARS, CHOICE_LEAST_CHARS = 4, 7, 6


def _added_part(label: str) -> str:
    """A choice that adds to another said by what it adds ("SGD + momentum" -> "momentum"),
    where the lanes have no room for the whole: at 1024 px, Vietnamese, Larger text "SGD +
    quán tính" was elided to "SGD …", read as plain SGD beside the SGD lane (walk65 D21)."""
    return without_gloss(label).rpartition(" + ")[2]


def _combo(name: str) -> QComboBox:
    # the closed box writes the choice without its gloss ("PReLU", not "PReLU (learned
    # slope)"); narrower than that where the lanes have no room, shorter or elided; whole in
    # the list and the tooltip
    shown = _range_only if name == "normalize" else without_gloss
    optimizer = name == "optimizer"
    box = ChoiceBox(
        shown=shown,
        least_chars=CHOICE_LEAST_CHARS,
        shorter=_added_part if optimizer else without_gloss,
    )
    # as the wheel guard does when a box is polished: the lanes' strip is polished only when
    # scrolled into view, and a wheel must never change a field before that
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    field = BY_NAME[name]
    for value in field.choices:
        box.addItem(translate_marked("", field.choice_label(value)), value)
    box.setToolTip(translate_marked("", field.help))
    return box


def _least_width(w: QWidget) -> int:
    """The least width a layout gives ``w``: its own least if set, else its hint's."""
    return w.minimumWidth() or min(w.minimumSizeHint().width(), w.maximumWidth())


def _whole_width(w: QWidget) -> int:
    """The width ``w`` asks for, within its least and most: a number field's, its text's."""
    hint = w.sizeHint().width()
    if isinstance(w, NumberField):  # a line edit's hint is some 17 characters, whatever its text
        margins = w.textMargins().left() + w.textMargins().right()
        hint = w.fontMetrics().horizontalAdvance(w.text()) + margins + 10
    return min(max(hint, _least_width(w)), w.maximumWidth())


def _shares(wants: list[int], free: int) -> list[int]:
    """What each of ``wants`` px gets of ``free`` px: the same to each, none more than it
    wants (a column a few px short of its whole text, "[-1, 1]", gets them all before a long
    one, "SGD + momentum", takes the rest)."""
    gains = [0] * len(wants)
    left = max(0, free)
    order = sorted(range(len(wants)), key=lambda i: wants[i])
    for n, i in enumerate(order):
        gains[i] = min(wants[i], left // (len(order) - n))
        left -= gains[i]
    return gains


def _applies(name: str, config: TrainConfig) -> bool:
    """Whether setting ``name`` matters beside ``config``'s others (the form hides it else)."""
    applies = BY_NAME[name].applies
    return applies is None or bool(applies(config.to_dict()))


class LaneScroll(QScrollArea):
    """The lanes' editors in the width they are given (``LaneGrid.fit_columns``; only a page
    narrower than their least scrolls them sideways), the area always as tall as every lane
    (no vertical scrolling)."""

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
        # the sideways scroll bar's room only where the lanes' least is wider than the view
        wider = lanes is not None and lanes.minimumSizeHint().width() > self.viewport().width()
        bar = self.horizontalScrollBar().sizeHint().height() if wider else 0
        return QSize(inner.width() + 2 * self.frameWidth(), height + bar)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, self.sizeHint().height())

    def _fit_columns(self) -> None:
        lanes = self.widget()
        if lanes is not None and isinstance(lanes.layout(), LaneGrid):
            lanes.layout().fit_columns(self.viewport().width())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_columns()
            self.updateGeometry()  # another width wraps the headers otherwise: ask again

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # lanes added or removed: ask again for the height of every lane. A scroll area does
        # not when its widget's rows change, and new rows are shown (counted) only after the
        # event loop's turn: choosing "Optimisers" after a two-lane race showed 2 of its 3
        # lanes at 1024x700 (walk54 D9)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_columns()  # a field's text or a lane changed: its width too
            self.updateGeometry()
        return super().eventFilter(watched, event)


#: the least width of a lane's settings cell, in average characters (narrower than its text,
#: it writes its start and "…": the whole is in its tooltip and its dialog)
SETTINGS_LEAST_CHARS = 16
#: what ends a lane's settings cell: it is clicked to edit them
EDIT_MARK = "  ✎"


class SettingsCell(QToolButton):
    """A lane's own settings, a flat button under its fields: as wide as its text where the
    lanes have room, elided where they do not (its name beside it comes first)."""

    def _frame_px(self) -> int:
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        least = self.fontMetrics().averageCharWidth() * SETTINGS_LEAST_CHARS + self._frame_px()
        return QSize(min(least, self.sizeHint().width()), self.sizeHint().height())

    def drawn_text(self) -> str:
        """Its text as drawn at its width now: its settings cut where they do not fit, its
        ✎ kept (it says the cell is clicked to edit them)."""
        room = self.width() - self._frame_px()
        words, mark = self.text(), ""
        if words.endswith(EDIT_MARK):
            words, mark = words.removesuffix(EDIT_MARK), EDIT_MARK
        if self.fontMetrics().horizontalAdvance(self.text()) <= room:
            return self.text()
        room -= self.fontMetrics().horizontalAdvance(mark)
        return self.fontMetrics().elidedText(words, Qt.TextElideMode.ElideRight, room) + mark

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text = self.drawn_text()
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


def lane_refusal(lane: str, name: str, reason: str) -> ConfigError:
    """Lane ``lane``'s field of setting ``name`` refused for ``reason``, said with the field's
    label ("SGD: learning rate: must be greater than 0"): walk62 D11 read "SGD: must be 0 or
    more", which of SGD's numbers?"""
    said = Message("{label}: {reason}", label=field_label(BY_NAME[name]), reason=reason)
    # kept translatable: the lane's name before the reason in the window's language (an
    # f-string made it English in a Vietnamese window, lab56 D9)
    return ConfigError.of(N_("{lane}: {reason}"), lane=lane, reason=said)


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
        self.settings = SettingsCell()
        self.settings.setAutoRaise(True)  # a line of text under the lane's boxes, a button
        self.settings.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if edit_settings is not None:
            self.settings.clicked.connect(lambda: edit_settings(self))
        self.name = ElidedEdit("784-128-10", NAME_LEAST_CHARS)
        self.name.setToolTip(translate("RaceView", "the lane's name in the legend and the table"))
        self.arch = ElidedEdit("784-128-10", LAYERS_LEAST_CHARS)
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
        self.settings.setText(settings_cell_text(config) + EDIT_MARK)
        said = ", ".join(setting_text(n, getattr(config, n)) for n in LANE_OWN
                         if _applies(n, config))  # fmt: skip
        self.settings.setToolTip(
            translate(
                "RaceView", "this lane's own settings: {settings}. Click to change them."
            ).format(settings=said)  # fmt: skip
        )

    def fit_to_font(self) -> None:
        """The ✕ as narrow as its glyph in the window's font now (measured once, it kept View >
        Text size's old step's width)."""
        self.remove.setFixedWidth(self.remove.fontMetrics().horizontalAdvance("✕") + 8)

    def fill(self, name: str, config: TrainConfig) -> None:
        """Show lane ``name`` of ``config``: its columns, and the rest as its own settings."""
        self.set_own(config)
        self.name.setText(name)
        self.arch.setText(config.arch)
        set_combo(self.activation, config.activation)
        set_combo(self.optimizer, config.optimizer)
        self.lr.set_value(config.lr)
        set_combo(self.normalize, config.normalize)

    def typed(self) -> dict[str, QWidget]:
        """The lane's fields typed into, by setting name: refused as they are typed."""
        return {"arch": self.arch, "lr": self.lr}

    def refused(self) -> dict[str, str]:
        """Setting name -> why the text typed in its field is refused (a ``Message``), for
        each refused field: the Train form's rules (a rate of 0, "784-x")."""
        from nndesk.ui.train_form import parameter_summary

        found = {}  # in the columns' order
        try:
            parameter_summary(self.arch.text())  # counted from the text, nothing built
        except ConfigError as err:
            found["arch"] = reason_of(err)
        try:
            lr = self.lr.value()
        except ConfigError as err:
            found["lr"] = reason_of(err)
        else:
            problem = BY_NAME["lr"].problem(lr)
            if problem is not None:
                found["lr"] = problem
        return found

    def mark_refused(self) -> dict[str, str]:
        """Each typed field red where its text is refused (``refused``, returned)."""
        found = self.refused()
        for name, field in self.typed().items():
            theme.set_tone(field, "error" if name in found else None)
        return found

    def said_name(self, number: int) -> str:
        """The lane's name as messages say it: as typed, or "Lane 2" when left empty."""
        return self.name.text().strip() or translate("RaceView", "Lane {n}").format(n=number)

    def lane(self, base: TrainConfig, number: int) -> Lane:
        """This row's ``Lane`` on ``base``; ``ConfigError`` naming the lane (and the field,
        where one is refused) when refused."""
        name = self.said_name(number)
        for setting, reason in self.refused().items():
            raise lane_refusal(name, setting, reason)
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
        #: the columns each lane's name spans under its fields, beside its own settings
        #: (``fit_columns``); 0: it is on the lanes' line
        self.name_span = 0
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

    def fit_columns(self, room: int) -> None:
        """Each column's least width for lanes ``room`` px wide: every column its fields' least,
        then the layers as wide as their widest text where they differ between lanes, then the
        name and choices (and layers alike in every lane) share what is left (``_shares``).
        Qt's own share took the same px from every column: a PReLU lab at 1024 px cut the
        layers to "784-30…" beside a whole "PReLU (learned slope)". Wider room goes to the
        stretching name and layers as before. Where the names would be cut on the lanes'
        line, each name goes on the line under it, beside its own settings (``two_lines``):
        at 1024 px and Larger text in Vietnamese seven columns in 455 px left a name 42 px,
        "Qu…" for "Quán tính"."""
        if not self.rows:
            return
        least, whole = self._column_wants()
        widths = self._widths(least, whole, room)
        span = 0  # the name on the lanes' line
        if widths[NAME] < whole[NAME]:  # under the lane's fields, its settings beside it
            names = least[NAME], whole[NAME]
            least[NAME] = whole[NAME] = 0
            widths = self._widths(least, whole, room)
            span = self._name_span_for(widths, names[1])
            if span == 1:  # the name shares the layers' room, its whole text met first
                least[LAYERS] = max(least[LAYERS], names[0])
                whole[LAYERS] = max(whole[LAYERS], names[1])
                widths = self._widths(least, whole, room, layers_first=True)
            elif not span:
                widths = self._widths(*self._column_wants(), room)
        self._set_name_span(span)
        widths = self._heads_apart(widths, room)
        for c, width in enumerate(widths):
            if self.columnMinimumWidth(c) != width:
                self.setColumnMinimumWidth(c, width)
        # the settings cells no wider than their columns: a layout takes a cell aligned left
        # at its whole width, and a long one put the lanes behind a sideways scroll
        first, last = (LAYERS + span, REMOVE) if span else (LAYERS, SETTINGS_SPAN)
        cell = sum(widths[first : last + 1]) + self.horizontalSpacing() * (last - first)
        for row in self.rows:
            row.settings.setMaximumWidth(cell)

    def _heads_apart(self, widths: list[int], room: int) -> list[int]:
        """``widths`` with what ``room`` leaves once every column has them given, column by
        column, to a header whose text would fill its column: one line and two spaces, so
        that two headers on one line do not read as one. At 1280 px in Vietnamese at Larger
        text "Hàm kích hoạt" and "Bộ tối ưu" stood 4 px apart, about a space (walk65 D11). A
        room with nothing left (1024 px) is shared as before: no header wraps more."""
        left = room - self.horizontalSpacing() * REMOVE - sum(widths)
        widths = list(widths)
        for c in range(REMOVE):
            item = self.itemAtPosition(0, c)
            if item is None or item.widget().isHidden():
                continue
            head = item.widget()
            gain = head.fontMetrics().horizontalAdvance(head.text() + "  ") - widths[c]
            if 0 < gain <= left:
                widths[c] += gain
                left -= gain
        return widths

    def _column_wants(self) -> tuple[list[int], list[int]]:
        """Each column's least width and the width that writes its texts whole."""
        least, whole = [], []
        for c in range(REMOVE + 1):
            fields = [row.columns()[c] for row in self.rows]
            head = self.itemAtPosition(0, c)  # its widest word at least: it wraps
            heads = [head.widget()] if head is not None else []
            least.append(max(_least_width(w) for w in [*fields, *heads]))
            whole.append(max(least[-1], *(_whole_width(w) for w in fields)))
        # the rate fields' most, whatever is typed: "0,001" whole (a number cut reads as
        # another), and a column as wide as its texts narrowed as "-1" was typed, its header
        # ("Tốc độ học") went on a third line and every lane moved down under the pointer
        # (verify63 V9); a longer number scrolls in its field
        least[LR] = whole[LR] = max(row.lr.maximumWidth() for row in self.rows)
        return least, whole

    def _name_span_for(self, widths: list[int], name_px: int) -> int:
        """How many columns from the layers' a name ``name_px`` wide takes under the lane's
        fields: the fewest that hold it whole, else the most that leave room beside them for
        the lane's own settings (their least: elided, whole in their tooltip); 0 when they fit
        beside none (the name stays on the lanes' line)."""
        gap = self.horizontalSpacing()
        settings = max(row.settings.minimumSizeHint().width() for row in self.rows)
        beside = [sum(widths[LAYERS + span :]) + gap * (REMOVE - LAYERS - span)
                  for span in range(REMOVE - LAYERS)]  # fmt: skip
        fitting = [span for span in range(1, REMOVE - LAYERS) if beside[span] >= settings]
        for span in fitting:
            if sum(widths[LAYERS : LAYERS + span]) + gap * (span - 1) >= name_px:
                return span
        return fitting[-1] if fitting else 0

    def _widths(
        self, least: list[int], whole: list[int], room: int, layers_first: bool = False
    ) -> list[int]:
        """The columns' widths in ``room`` px from their ``least`` and ``whole`` widths; the
        layers' whole width met first where they differ between lanes or ``layers_first``."""
        free = room - self.horizontalSpacing() * REMOVE - sum(least)
        widths = list(least)
        sharing = SHARING
        if layers_first or len({row.arch.text() for row in self.rows}) > 1:
            widths[LAYERS] += max(0, min(whole[LAYERS] - least[LAYERS], free))
            free -= widths[LAYERS] - least[LAYERS]
        else:  # the same in every lane: they share the room as the others do
            sharing = (LAYERS, *SHARING)
        gains = _shares([whole[c] - least[c] for c in sharing], free)
        for c, gain in zip(sharing, gains, strict=True):
            widths[c] += gain
        return widths

    @property
    def two_lines(self) -> bool:
        """Whether each lane's name is under its fields (``name_span`` columns wide)."""
        return self.name_span > 0

    def _set_name_span(self, span: int) -> None:
        """Each lane's name on its fields' line (``span`` 0) or under them, ``span`` columns
        wide from the layers' with its own settings beside it; the name's header hidden then
        and its room left to the layers."""
        if span == self.name_span:
            return
        self.name_span = span
        head = self.itemAtPosition(0, NAME)
        if head is not None and head.widget() is not None:
            head.widget().setVisible(not span)
        self.setColumnStretch(NAME, 0 if span else 2)
        for row in self.rows:
            for w in row.widgets():
                self.removeWidget(w)
        for row in self.rows:
            self.place(row)

    def place(self, row: LaneRow) -> None:
        """``row`` below the others: its line, and its own settings under its columns (a
        column of their own took 130 px more than a 1024 px window has, walk60 D9)."""
        if row not in self.rows:
            self.rows.append(row)
            row.name.textChanged.connect(self.hide_shared_start)
        line = 2 * self.rows.index(row) + 1
        for column, w in enumerate(row.columns()):
            if column != NAME or not self.two_lines:
                self.addWidget(w, line, column)
        if self.two_lines:  # the name under the layers, the settings under the rest
            top, beside = Qt.AlignmentFlag.AlignTop, LAYERS + self.name_span
            self.addWidget(row.name, line + 1, LAYERS, 1, self.name_span, top)
            self.addWidget(row.settings, line + 1, beside, 1, REMOVE - beside + 1,
                           Qt.AlignmentFlag.AlignLeft | top)  # fmt: skip
            # a gap under the name: it reads as its lane's, not the next one's
            height = max(row.name.sizeHint().height(), row.settings.sizeHint().height())
            self.setRowMinimumHeight(line + 1, height + LANE_GAP)
        else:
            self.setRowMinimumHeight(line + 1, 0)
            self.addWidget(row.settings, line + 1, 1, 1, SETTINGS_SPAN, Qt.AlignmentFlag.AlignLeft)
        self.hide_shared_start()

    def _forget_gone_lines(self) -> None:
        """No least height for the lines of lanes removed (their gap stayed under the last)."""
        for line in range(2 * len(self.rows) + 1, self.rowCount()):
            self.setRowMinimumHeight(line, 0)

    @Slot()
    def hide_shared_start(self) -> None:
        """Every lane's name field leaves out the start all the names share ("fashion-" of two
        labs): at 1024 px and Larger text the names are a few letters wide."""
        start = shared_start([row.name.text() for row in self.rows])
        for row in self.rows:
            row.name.hide_start(start)

    def take(self, row: LaneRow) -> None:
        """``row`` removed (its widgets deleted), the rows below it moved up."""
        for w in row.widgets():
            self.removeWidget(w)
            free_later(w)  # worker_freeing: with the GIL, not by deleteLater
        self.rows.remove(row)
        for r in self.rows:  # close the gap
            for w in r.widgets():
                self.removeWidget(w)
        for r in self.rows:
            self.place(r)
        self._forget_gone_lines()
        self.hide_shared_start()

    def set_count(self, n: int) -> None:
        """``n`` rows: new ones added below, the last ones removed."""
        while len(self.rows) < n:
            self.place(self._new_row())
        while len(self.rows) > n:
            row = self.rows.pop()
            for w in row.widgets():
                self.removeWidget(w)
                free_later(w)
        self._forget_gone_lines()
        self.hide_shared_start()
