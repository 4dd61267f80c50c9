"""The Train page's coach: one plain-language hint about the live run (``nndesk.coach``), with
a one-click fix, or after a run the "see them in Mistakes" hint.

From the page's first run on, the coach keeps its place above the tabs (``reserve``), saying
"no problem seen" when it has no hint: a hint that came and went mid-run moved the tabs ~50 px
under the pointer (walk47 D7). The place takes the room the Train page's header has left
(``held_header``: ``RUN_LINES`` lines and the button's row while a run goes, what it says
after it); a hint longer than that scrolls in it, whole lines in sight, so it moves nothing
either (cut with "…", three of the seven hints lost their ends at 1024 px in Vietnamese,
readable only in a tooltip). On a narrow row the button goes under the hint, which then has
the row's width: beside it, at 1024 px in Vietnamese at Larger text, the hints took 3-9 lines
of a 250 px column, 2-5 of the whole row.

The lines that come into the header while a run goes ("Nothing to apply: …", "Not applied
yet: …", a refusal, the alert: ``hold_lines``) are said in the same place, above the hint, once
it is kept: the header kept the room of a six-line hint for them (~145 px at 1024x768 and
Larger text), and the Live tab's per-epoch charts were below the fold the whole run (walk68
D2). What came last is scrolled into sight. On a narrow row the hint's button then goes into
the box under its hint (``_seat_button``): under the place it left a four-line line two lines,
cut, with the button under it and its hint out of sight (fixT)."""

from __future__ import annotations

import math
import time
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from nndesk.coach import RunSetup, hints, mistakes_hint, more_urgent
from nndesk.setting_changes import RATE_FROM_SCHEDULE
from nndesk.ui import theme
from nndesk.ui.elided_label import LinesLabel, WrappedLabel
from nndesk.ui.language import class_names_shown, translate, translate_marked


def coach_hints(
    controller,
    curves,
    lr,
    *,
    running: bool,
    started: bool,
    completed: bool,
    accuracy_now: float | None = None,
    setup: RunSetup | None = None,
):
    """The hints to show, most urgent first. ``running``: a run trains (its loop not over);
    ``started``: it has started (until then the curves are the last run's: no hint, nor a fix
    that would change the new run, from them); ``completed``: the last run trained all its
    epochs; ``accuracy_now``: the running training accuracy the status line shows (the coach
    judges that figure, so it never contradicts it). After a run, what it saw stays said
    without a fix (there is no run to change), and after a run that saved its model the
    one-class-holds-the-mistakes hint comes first (its button opens Mistakes)."""
    replay = controller.replay
    confusions = replay.confusions  # every epoch's: the hint holds on (hysteresis)
    names = class_names_shown(replay.class_names)
    if running:
        if not started:
            return []
        return hints(
            curves, controller.inside, lr, confusions, names, replay.split, accuracy_now, setup
        )
    done = completed and not controller.is_running() and controller.model_path is not None
    hint = mistakes_hint(confusions, names, replay.split) if done else None
    # the mistakes hint first: its button still does something after the run; but not before
    # what the run's own rate change did to it (the lesson of the run: the mistakes hint hid
    # the rate-raised one as the run ended, verify62)
    found = [hint] if hint is not None else []
    seen = [
        replace(h, fix={}, fix_label="")
        for h in _seen_after_run(controller, curves, lr, accuracy_now, setup)
    ]
    # a network no rate revives first: what its own rate change did is the story of it
    broken = [h for h in seen if h.kind == "collapsed"]
    own = [h for h in seen if h.kind in OWN_CHANGE]
    rest = [h for h in seen if h.kind not in OWN_CHANGE and h.kind != "collapsed"]
    return broken + own + found + rest


#: Hints about what a change made by hand did to the run: said before the mistakes hint after it
OWN_CHANGE = ("rate-raised", "fell")


def _seen_after_run(controller, curves, lr, accuracy_now=None, setup=None) -> list:
    """What the coach sees of a run that is over (its fixes kept), what its own rate change
    did to it first (``OWN_CHANGE``)."""
    if not curves.batch_x:
        return []
    seen = hints(curves, controller.inside, lr, accuracy_now=accuracy_now, setup=setup)
    first = ("collapsed", *OWN_CHANGE)
    return [h for k in first for h in seen if h.kind == k] + [
        h for h in seen if h.kind not in first
    ]


def advice_after_run(controller, curves, lr, setup: RunSetup | None = None):
    """(the rate, the hint) of the first hint the coach says of a run that is over whose fix
    sets a learning rate, or None: what Continue offers (walk65 D5: Continue, right under
    "the rate 0.002 overshoots, set it back to 0.000452", went on at 0.002 and offered nothing
    else). A fix giving the rate back to its schedule advises the schedule's rate the hand
    raise replaced (the hint's "previous"): the run's schedule is over."""
    for hint in _seen_after_run(controller, curves, lr, setup=setup):
        rate = hint.fix.get("lr")
        if rate is None and hint.fix.get(RATE_FROM_SCHEDULE):
            rate = hint.values.get("previous")
        if isinstance(rate, int | float) and math.isfinite(rate) and rate > 0:
            return float(rate), hint
    return None


def collapse_after_run(controller, curves, lr, setup: RunSetup | None = None):
    """The coach's "collapsed" hint of a run that is over (its network answers every image
    alike: no rate revives it), or None: Continue says it where it offers no rate."""
    for hint in _seen_after_run(controller, curves, lr, setup=setup):
        if hint.kind == "collapsed":
            return hint
    return None


def coach_setup(run) -> RunSetup:
    """What the coach reads of the settings of ``run`` (a ``RunStarted``)."""
    config = run.config
    return RunSetup(
        activation=config.activation,
        normalize=config.normalize,
        full_batch=config.full_batch,
        batch=run.batch_size,
        asked=config.batch_size,
        train_images=run.train_images,
        # the split's images before validation took its share (a 1 % split of MNIST is 600)
        images=round(run.train_images / (1 - config.val_fraction))
        if 0 <= config.val_fraction < 1
        else 0,
        steps=run.batches_per_epoch * (run.last_epoch - run.first_epoch + 1),
        lr=float(config.lr),
        schedule=config.schedule,
        loss=config.loss,
        classes=len(run.class_names),
        optimizer=config.optimizer,
        arch=config.arch,
    )


def _quiet_words(waiting: bool) -> str:
    """What the coach's place says with no hint: it waits for the run's first curves, or it
    sees no problem in them."""
    if waiting:
        return translate("TrainingPanel", "Waiting for the first curves…")
    return translate("TrainingPanel", "The coach sees no problem in this run's curves.")


#: Lines of a hint in sight at least (a line coming above the coach takes its room down to
#: these); a longer one scrolls
LINES = 2
#: Lines of hint the coach's place holds in sight while a run goes, with the button's row
#: under them: a longer hint scrolls in them, whole lines in sight (``_show_whole_lines``).
#: The room of the longest hint (six lines at 1024 px in Vietnamese at Larger text) left the
#: Live tab's per-epoch charts below the fold while the box said one line (walk68 D2)
RUN_LINES = LINES
#: The button goes under the hint on a row narrower than this many characters: at 1024 px the
#: row has 455-530 px (50-75 characters), and a button beside took half of it; at 1280 px it
#: has 700 px and more
BESIDE_CHARS = 90
#: Seconds a hint said while a run goes stays in sight after the coach last found it (the hint
#: kept, its newest numbers): judged after every group of batches, a hint whose cause holds
#: one epoch and not the next came and went faster than it could be read. mnist-gd's
#: full-batch steps at lr 0.5 swing one class's share of the mistakes epoch to epoch (5: 31 %,
#: 24 %, 31 %…; later 8: 30 %, 12 %…), and at under a second an epoch the box swapped every
#: ~1.5 s between "8 holds 31 % of the mistakes…" and "no problem" (walk65 D17). A reader
#: takes some 10 s for a hint of three lines.
HOLD_S = 10.0
#: The share of the row the hint's button takes at most on one line: a wider one puts its
#: words on two lines (at 1024 px, Larger text, "Xem các ảnh đoán sai của Áo sơ mi" took 60 %
#: of the row, the hint beside it five lines to scroll in a box of three; verify61)
BUTTON_SHARE = 0.4


class CoachRow(QHBoxLayout):
    """The coach's hint (``label``) and its button (``button``): ``fix_requested`` with the
    hint's settings, or ``mistakes_requested`` with its class. ``quiet`` says there is no
    hint in the place a hint takes, once the place is reserved."""

    fix_requested = Signal(dict)  # live settings to change, e.g. {"lr": 0.0003}
    note_changed = Signal()  # the place began or stopped saying its note (``set_note``)
    lines_changed = Signal()  # a line of ``hold_lines`` came into the place or went
    mistakes_requested = Signal(int)  # the true class whose mistakes to show

    def __init__(self) -> None:
        super().__init__()
        self.label = WrappedLabel(lines=LINES)
        theme.set_tone(self.label, "banner")
        # the quiet line's words under a line said in the place (``hold_lines``)
        self.quiet_under = QLabel(_quiet_words(waiting=False))
        self.quiet_under.setWordWrap(True)
        theme.set_tone(self.quiet_under, "note")
        # the lines said in the place (``hold_lines``), then the hint or the quiet words
        self.words = QWidget()
        words = QVBoxLayout(self.words)
        words.setContentsMargins(0, 0, 0, 0)
        self._lines = QVBoxLayout()
        self._lines.setContentsMargins(0, 0, 0, 0)
        words.addLayout(self._lines)
        words.addWidget(self.label)
        words.addWidget(self.quiet_under)
        words.addStretch(1)  # a short text at the box's top
        self.quiet_under.hide()
        self._held_lines: list[tuple[QWidget, QLayout]] = []  # (line, its layout until kept)
        self._lines_watch = _ShownWatch(self, self._on_line_shown)
        # the hint whole: LINES lines in sight, the rest a scroll away
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.words)
        self.scroll.setWidgetResizable(True)  # the words wrap at the area's width
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().setAutoFillBackground(False)  # the page around the box
        self.words.setAutoFillBackground(False)
        # a wheel's step a line, and whole lines in sight wherever it stops
        self.scroll.verticalScrollBar().setSingleStep(self.label.fontMetrics().lineSpacing())
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_whole_lines)
        self._scroll_target: QWidget | None = None  # scrolled to once laid out (``_scroll_to``)
        self.scroll.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)
        # as small as the label it holds: a scroll area asks for room for two scroll bars
        # (68 px), and the window's least height grew by the difference
        self.scroll.setMinimumSize(self.label.minimumSizeHint().width(), 1)
        # the place's least while the coach says nothing: one line where it fits one (a box of
        # two took the Runs table's eighth row at 1000x700, now that the header no longer
        # folds there), two where it does not (vi, Larger text, 1024 px)
        self.quiet = LinesLabel(_quiet_words(waiting=False), lines=LINES)
        theme.set_tone(self.quiet, "note")
        # its height the place's least (``_fit_place``), not its two lines' size hint
        self.quiet.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        # the hint in a box of LINES lines at least, or the quiet line, in one place
        self.place = QWidget()
        # as tall as the header's room leaves it, at least LINES lines
        self.place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self._stack = QStackedLayout(self.place)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.scroll)
        self._stack.addWidget(self.quiet)
        self._stack.setCurrentWidget(self.quiet)  # no hint yet
        self._kind = ""  # the hint shown: another kind is read from its start
        self.button = QPushButton()
        # never narrower than its text (its first frame at 1280 px cut "Lower the learning
        # rate to 0.17" at both ends)
        self.button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.button.setToolTip(
            translate("TrainingPanel", "apply the coach's suggested change to the running training")
        )
        self.place.hide()
        self.button.hide()
        self.addWidget(self.place, 1)
        self.addWidget(self.button)
        self._reserved = False
        self._note = ""  # said in the place when the coach says nothing (``set_note``)
        self._blank = False  # the coach says nothing (a run that diverged, failed)
        self._waiting = False  # a run goes, no batch of it judged yet (``_say``)
        self._hint_shown = False  # the label says a hint
        self._note_said = False
        self._button_wanted = False  # the hint shown has a button
        self._fix: dict = {}
        self._class: int | None = None  # a "mistakes" hint's class
        self._button_text = ""  # the button's words on one line
        self._row_width = 0  # as last laid out
        self._below = False  # the button under the hint (a narrow row)
        self.button.clicked.connect(self._on_button_clicked)
        # what is held in sight while a run goes (``_hold``)
        self.clock = time.monotonic  # (a test's own clock)
        self._run = None  # the run the hint held is of
        self._held = None  # the hint in sight (``Hint``), None for none
        self._seen = 0.0  # when the coach last found the hint held (``clock``)
        self._taken = ""  # the kind of hint whose fix was taken: offered no more until it goes

    def setGeometry(self, rect) -> None:  # noqa: N802 - Qt override
        """Lay the row out in ``rect``: the button under the hint on a narrow row, else beside
        it with its words on one or two lines for the width."""
        self._row_width = rect.width()
        self._place_button()
        self._fit_button()
        self._fit_place()  # the quiet line's one or two lines at this width
        super().setGeometry(rect)
        self._show_whole_lines()

    def _show_whole_lines(self) -> None:
        """What scrolls in the place shows whole lines down to the place's foot from where it
        is scrolled to, the rest under the box's edge a scroll away: the place's height (the
        header's room) cut the last line in sight in half ("thành Áo thun/áo phông; xem…",
        vi, Larger, 1024 px, verify65 129), which read as the hint's end."""
        place = self.place.height()
        most = 16777215  # QWIDGETSIZE_MAX: the place's whole height
        head = None  # where the box's top goes at the end of its scroll
        if self._stack.currentWidget() is self.scroll and place > 0:
            width = self.scroll.viewport().width() or self.place.width()
            whole = self.words.heightForWidth(width)
            if whole > place:  # it scrolls
                bar = self.scroll.verticalScrollBar()
                top = bar.value()
                feet = self._line_feet()
                if whole - top <= place:
                    # scrolled to its end: from the head of a line (a line's head is the
                    # foot of the one above), to the end; the top line was cut in half there
                    # (fixT s70, vi Larger 1024x700, the hint's end read under a cut line)
                    heads = [0, *(w.y() for w in self._shown_words()), *feet]
                    head = min((h for h in heads if top <= h < whole), default=top)
                    most = whole - head
                else:
                    shown = [foot - top for foot in feet if 0 < foot - top <= place]
                    if shown:
                        most = max(shown)
        if self.scroll.maximumHeight() != most:
            self.scroll.setMaximumHeight(most)
        bar = self.scroll.verticalScrollBar()
        if head is not None and bar.value() != head and bar.maximum() >= head:
            bar.setValue(head)  # (else once the box's new height gives its range the head)

    def _line_feet(self) -> list[int]:
        """The y, in the words' box, under each line of text it shows (where a cut leaves
        whole lines above it)."""
        feet = []
        for widget in self._shown_words():
            margins = widget.contentsMargins()
            y = widget.y()
            if widget is self.button:
                feet.append(y + widget.height())  # (in the box under its hint)
            elif widget is self.label:
                text = widget.height() - margins.bottom()
                lines = 1
                while y + widget.lines_height(lines) - margins.bottom() <= y + text:
                    feet.append(y + widget.lines_height(lines) - margins.bottom())
                    lines += 1
            else:
                spacing = max(widget.fontMetrics().lineSpacing(), 1)
                inner = widget.height() - margins.top() - margins.bottom()
                lines = max(1, round(inner / spacing))
                feet += [y + margins.top() + k * spacing for k in range(1, lines)]
                feet.append(y + widget.height())  # its last line, and its box's foot
        return sorted(feet)

    def _shown_words(self) -> list[QWidget]:
        """The widgets the words' box shows, top to bottom."""
        lines = [line for line, _home in self._held_lines if self._is_said(line)]
        rest = [w for w in (self.label, self.quiet_under) if not w.isHidden()]
        if self._button_in_words() and not self.button.isHidden():
            rest.insert(rest.index(self.label) + 1 if self.label in rest else 0, self.button)
        return lines + rest

    def _place_button(self) -> None:
        """The button under the hint (right-aligned) on a row narrower than ``BESIDE_CHARS``
        characters of the window's text, else beside it: the same for every hint, so a new
        hint never turns the row around."""
        below = self._goes_below(self._row_width)
        if below != self._below:
            self._below = below
            self.setDirection(
                QBoxLayout.Direction.TopToBottom if below else QBoxLayout.Direction.LeftToRight
            )
            aligned = Qt.AlignmentFlag.AlignRight if below else Qt.AlignmentFlag(0)
            self.setAlignment(self.button, aligned)
            # (not inside this layout pass: moving the button re-lays the row out)
            QTimer.singleShot(0, self, self._seat_button)

    def _goes_below(self, row_width: int) -> bool:
        row_chars = row_width / max(self.button.fontMetrics().averageCharWidth(), 1)
        return bool(row_width) and row_chars < BESIDE_CHARS

    def button_below(self) -> bool:
        """Whether the button is under the hint (a narrow row)."""
        return self._below

    def _fit_button(self) -> None:
        """The button's words on one line, or on two when one line would take more than
        ``BUTTON_SHARE`` of the row, or when two spare the hint beside it a scroll (the button
        is never narrower than its text, and the hint gets the rest of the row: "Dùng batch
        128" left a few-steps hint one line to scroll at 1024 px, Larger text). Two lines are
        no taller than the hint's place."""
        text = self._button_text
        metrics = self.button.fontMetrics()
        if self._below:  # the row's width: one line
            if self.button.text() != text:
                self.button.setText(text)
            return

        def widest(words: str) -> int:
            return max(metrics.horizontalAdvance(line) for line in words.split("\n"))

        padding = self.button.sizeHint().width() - widest(self.button.text())
        wanted = text
        if " " in text and self._row_width:
            spaces = [i for i, c in enumerate(text) if c == " "]
            cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
            two = text[:cut] + "\n" + text[cut + 1 :]
            one_px, two_px = widest(text) + padding, widest(two) + padding
            if one_px > BUTTON_SHARE * self._row_width or (
                self._scrolls_beside(one_px) and not self._scrolls_beside(two_px)
            ):
                wanted = two
        if self.button.text() != wanted:
            self.button.setText(wanted)

    def _scrolls_beside(self, button_px: int) -> bool:
        """Whether the hint shown would need its scroll bar beside a button ``button_px``
        wide."""
        room = self._row_width - button_px - max(self.spacing(), 0)
        return self.label.heightForWidth(max(room, 1)) > self.label.lines_height()

    def reserve(self) -> None:
        """Keep the coach's place from now on (the page's first run started): a hint coming
        or going no longer moves what is under it, nor does a line of ``hold_lines``."""
        self._reserved = True
        self._show_place()
        for line, home in self._held_lines:
            home.removeWidget(line)
            self._lines.addWidget(line)
        self._show_words()
        self._fit_place()

    def hold_lines(self, *lines: tuple[QWidget, QLayout]) -> None:
        """Say each line (a widget shown only while it says something, and the layout it sits
        in until then) in the coach's place once it is kept, above the hint: a line coming in
        the header's rows took the room kept for it past them (walk68 D2), in the place it
        takes none (the rest of what the place says a scroll away)."""
        for line, home in lines:
            self._held_lines.append((line, home))
            line.installEventFilter(self._lines_watch)
            if self._reserved:
                home.removeWidget(line)
                self._lines.addWidget(line)
        self._show_words()

    def _is_said(self, line: QWidget) -> bool:
        return self._reserved and not line.isHidden()

    def says_lines(self) -> bool:
        """Whether a line of ``hold_lines`` is said in the place."""
        return any(self._is_said(line) for line, _home in self._held_lines)

    def _on_line_shown(self, line: QWidget) -> None:
        """A line came or went: the place shows it (what came, scrolled into sight), or what
        is left from its start (the box kept its scroll: the hint read on under the line
        showed from its second line, cut at the top, once the line went; fixT)."""
        if not self._reserved:
            return
        self._show_words()
        self._fit_place()
        if not line.isHidden():
            self._scroll_to(line)
        elif shown := self._shown_words():
            self._scroll_to(shown[0])
        self.lines_changed.emit()

    def _scroll_to(self, widget: QWidget) -> None:
        """Scroll the words' box to ``widget``'s first line, now or once the box is laid out
        (its scroll bar's range follows the layout)."""
        self._scroll_target = widget
        self._on_scroll_range_changed()

    @Slot()
    def _on_scroll_range_changed(self) -> None:
        """The words' box changed height (a line came or went, a hint came): scrolled to what
        came, cut at whole lines again (the cut worked out for the hint alone stayed when a
        line came above it, and went through the line's third line: 43 px of its 72)."""
        target = self._scroll_target
        self.words.layout().activate()
        if target is not None:
            bar = self.scroll.verticalScrollBar()
            bar.setValue(target.y())
            viewport = self.scroll.viewport()
            in_sight = self.words.heightForWidth(viewport.width()) <= viewport.height()
            if bar.value() == target.y() or target.isHidden() or in_sight:
                self._scroll_target = None
        self._show_whole_lines()

    def _least(self) -> int:
        """The place's least height for what it shows: a hint's (or a note's, or a line's)
        LINES lines in their box, else the quiet line's one."""
        self.label.ensurePolished()  # its style sheet's padding and border: its margins
        self.quiet.ensurePolished()
        if self._stack.currentWidget() is self.scroll:
            return self.label.lines_height()
        # (its width as laid out, or at a Train click, its place still hidden, the row's)
        holder = self.place.parentWidget()
        width = self.place.width() if self.place.isVisible() else self._row_width
        width = width or (holder.width() if holder is not None else 0)  # (never laid out)
        return self.quiet.lines_height(self.quiet.lines_needed(width))

    def _fit_place(self) -> None:
        """The place at its least for what it shows (more when the header's room gives it)."""
        # the stack asks every page for its height: the hidden hint box's two lines kept the
        # quiet line's place at two lines
        hint = self._stack.currentWidget() is self.scroll
        policy = self.scroll.sizePolicy()
        policy.setVerticalPolicy(
            QSizePolicy.Policy.Expanding if hint else QSizePolicy.Policy.Ignored
        )
        self.scroll.setSizePolicy(policy)
        if self._reserved and self.place.minimumHeight() != (least := self._least()):
            self.place.setMinimumHeight(least)

    def room(self) -> int:
        """The px the coach's place takes beyond its least while a run goes: ``RUN_LINES``
        lines of hint in their box (a longer hint, or a line said above it, scrolls in them,
        whole lines in sight: ``_show_whole_lines``) and its button's row under them, the same
        for every hint: nothing under the place moves."""
        least = self._least()
        # and a button's row (beside the hint on a wide row: room for more lines of it)
        button = self.button.sizeHint().height() + max(self.spacing(), 0)
        # and half a line: wrapped Vietnamese with stacked marks ("Kích thước… lớn hơn") took
        # 4 px more than its lines of "Ag"
        slack = self.label.fontMetrics().lineSpacing() // 2
        return max(self.label.lines_height(RUN_LINES) - least, 0) + button + slack

    def said_room(self) -> int:
        """The px the coach's place takes beyond its least to show what it says now whole
        (after a run: no blank box under a short hint, no scroll in a long one)."""
        if not self._reserved:
            return 0
        least = self._least()
        holder = self.place.parentWidget()
        row = self._row_width or (holder.width() if holder is not None else 0)
        below = self._goes_below(row)  # (the row as laid out next: its place just shown)
        width = self.place.width()
        if width <= 0 or below != self._below:
            width = row if below else row - self.button.sizeHint().width() - self.spacing()
        if self._stack.currentWidget() is not self.scroll:
            return 0  # the quiet line, in its least lines
        # (a button's row is in the header's rows while it shows: none kept for one to come,
        # an empty band under the hint after a run, verify63)
        return max(self.words.heightForWidth(max(width, 1)) - least, 0)

    def _show_place(self) -> None:
        self.place.setVisible(self._reserved)

    def drop_button(self) -> None:
        """Hide the hint's button (its fix was applied): a hint of its kind offers it no more,
        nor is held in sight, until the coach finds no such hint (the run's next batches may
        not have used the fix yet: the button came back, offering what was already sent)."""
        self._show_button(False)
        if self._held is not None:
            self._taken = self._held.kind

    def _hold(self, found: list, running: bool, run) -> list:
        """``found`` with the hint to show first: while ``run`` goes, the hint in sight stays
        until the coach has not found it for ``HOLD_S`` seconds (its newest numbers when
        found), giving way at once only to a more urgent hint (``coach.URGENCY``); a hint
        coming into an empty place comes at once. No run going (or none named), ``found``."""
        if not running or run is None:
            self._run, self._held, self._taken = None, None, ""
            return found
        if run is not self._run:  # a new run: nothing of the last one is held
            self._run, self._held, self._taken = run, None, ""
        now = self.clock()
        taken = self._taken
        if taken and all(hint.kind != taken for hint in found):
            self._taken = ""  # what the fix answered is gone: a new one may be offered
        held = self._held
        same = [hint for hint in found if held is not None and hint.kind == held.kind]
        first = found[0] if found else None
        if same:
            held, self._seen = same[0], now
        # (one whose fix was taken goes when it goes; a more urgent one comes at once)
        urgent = first is not None and held is not None and more_urgent(first.kind, held.kind)
        if held is None or same or held.kind == taken or urgent:
            shown = first
        else:
            shown = held if now - self._seen < HOLD_S else first
        if shown is not None and (held is None or shown.kind != held.kind):
            self._seen = now  # came now
        self._held = shown
        return [] if shown is None else [shown] + [hint for hint in found if hint is not shown]

    def _show_button(self, wanted: bool) -> None:
        self._button_wanted = wanted
        self.button.setVisible(wanted)

    def is_reserved(self) -> bool:
        """Whether the coach's place is kept (a run started on the page)."""
        return self._reserved

    def _say(self, hint_shown: bool, judged: bool = True, running: bool = False) -> None:
        """Show the hint (``label``; its place is kept from then on) or, in a reserved place,
        the quiet line; with no curves ``judged`` the place stays blank after a run, and says
        the coach waits for the first curves while one goes (its first batch not trained)."""
        if hint_shown:
            self.reserve()
        waiting = not hint_shown and not judged and running
        if waiting != self._waiting:
            self._waiting = waiting
            self.quiet.setText(_quiet_words(waiting))
            self.quiet_under.setText(_quiet_words(waiting))
        self._blank = not hint_shown and not judged and not running
        self._hint_shown = hint_shown
        self._say_note()

    def _show_words(self) -> None:
        """The place's page for what it says: the hint, the note or a line said (their box),
        else the quiet line; in the box the quiet words under a line while the coach has no
        hint."""
        note = self._note_said
        boxed = self._hint_shown or note or self.says_lines()
        self._stack.setCurrentWidget(self.scroll if boxed else self.quiet)
        self.scroll.setVisible(boxed)
        said = self._hint_shown or note
        if self.label.isHidden() == said:
            self.label.setVisible(said)
        quiet_under = boxed and not said and not self._blank
        if self.quiet_under.isHidden() == quiet_under:
            self.quiet_under.setVisible(quiet_under)
        self.quiet.setVisible(not boxed and not self._blank)
        self._seat_button()

    def _button_in_words(self) -> bool:
        """Whether the hint's button is in the words' box, under the hint (``_seat_button``)."""
        return self.words.layout().indexOf(self.button) >= 0

    def _seat_button(self) -> None:
        """The hint's button in the words' box right under its hint while a line is said above
        the hint on a narrow row, else in the row (under the place, or beside it). Under the
        place it took a row of the place's room: a four-line "Nothing to apply: …" (vi, Larger,
        1024 px) then had two lines of it, cut through its third, and the button under it, its
        hint out of sight, read as the line's advice (fixT). In the box the line has the
        button's row, and the button comes in sight with its hint, a scroll away."""
        in_words = self._below and self._hint_shown and self.says_lines()
        if in_words == self._button_in_words():
            return
        shown = not self.button.isHidden()  # (a new parent hides it)
        words = self.words.layout()
        if in_words:
            self.removeWidget(self.button)
            under = words.indexOf(self.label) + 1
            words.insertWidget(under, self.button, 0, Qt.AlignmentFlag.AlignRight)
        else:
            words.removeWidget(self.button)
            self.insertWidget(1, self.button)  # after the place
            aligned = Qt.AlignmentFlag.AlignRight if self._below else Qt.AlignmentFlag(0)
            self.setAlignment(self.button, aligned)
        self.button.setVisible(shown)

    def set_note(self, text: str) -> None:
        """What the place says when the coach says nothing (the header's alert: "The run
        diverged: …"): its box under the alert was a band of nothing, 70 px at 1024 px in
        Vietnamese at Larger text, and the room of a whole hint since (fixE)."""
        self._note = text
        self._say_note()

    def says_nothing(self) -> bool:
        """Whether the place shows nothing: not kept yet, or blank (no curves judged, no note,
        no line). A room held for it past the header's rows is then a blank band."""
        return not self._reserved or (self._blank and not self._note_said and not self.says_lines())

    def says_note(self) -> bool:
        """Whether the place shows the note (the header's alert then hides its own)."""
        return self._note_said

    def _say_note(self) -> None:
        said = bool(self._note) and self._blank and self._reserved
        if said:
            self.label.setText(self._note)
            self._kind = ""
        changed = said != self._note_said
        self._note_said = said
        self._show_words()  # blank, in the quiet line's least, when nothing is said
        self._fit_place()
        if changed:
            self.note_changed.emit()

    def show_hints(self, found: list, running: bool, judged: bool = True, run=None) -> None:
        """Say the first of ``found`` (``coach_hints``), or nothing. ``judged``: False for a
        run that never started (walk52 D11b): "The coach sees no problem in this run's
        curves" spoke of curves that were never drawn; the place stays, blank. Not ``judged``
        while a run goes (``running``, its first batch not trained: the data loading), the
        place says so ("Waiting for the first curves…"): blank, it read as a broken box
        (walk49 D6), and the quiet line spoke of no curves (walk71 F5). ``run``: the
        run going (any object naming it, e.g. its ``RunStarted``): a hint said of it stays
        in sight a while (``_hold``)."""
        found = self._hold(list(found), running, run)
        self._say(bool(found), judged, running)
        if not found:
            self._show_button(False)
            self._kind = ""
            self._fix = {}
            self._class = None
            return
        hint = found[0]
        self.label.setText(hint.message(lambda text: translate_marked("Coach", text)))
        if hint.kind != self._kind:  # the same hint with new numbers keeps its scroll
            self._kind = hint.kind
            self._scroll_to(self.label)  # read from its start
        self._fix = dict(hint.fix)
        self._class = hint.show_class
        if hint.show_class is not None:
            self._button_text = hint.button_text(lambda t: translate_marked("Coach", t))
            self._fit_button()
            # the Mistakes page shows the window's model: the click puts this run's in use
            # (once it is saved), a model kept in its place one click back
            self.button.setEnabled(not running)
            self.button.setToolTip(
                translate(
                    "TrainingPanel",
                    "predict with this run's model and open the Mistakes page on this class's "
                    "test images (once the run's model is ready)",
                )
            )
        elif hint.fix:
            self._button_text = hint.button_text(lambda t: translate_marked("Coach", t))
            self._fit_button()
            self.button.setEnabled(True)
            self.button.setToolTip(
                translate(
                    "TrainingPanel", "apply the coach's suggested change to the running training"
                )
            )
        offered = bool(hint.fix) and hint.kind != self._taken
        self._show_button(offered or hint.show_class is not None)

    @Slot()
    def _on_button_clicked(self) -> None:
        if self._class is not None:
            self.mistakes_requested.emit(self._class)
        else:
            self.fix_requested.emit(dict(self._fix))


class _ShownWatch(QObject):
    """Calls ``shown(widget)`` when a widget it watches is shown or hidden itself (not with
    its parent)."""

    def __init__(self, parent: QObject, shown) -> None:
        super().__init__(parent)
        self._shown = shown

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._shown(watched)
        return False
