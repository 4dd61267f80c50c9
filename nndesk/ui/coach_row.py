"""The Train page's coach: one plain-language hint about the live run (``nndesk.coach``), with
a one-click fix, or after a run the "see them in Mistakes" hint.

From the page's first run on, the coach keeps its place above the tabs (``reserve``), saying
"no problem seen" when it has no hint: a hint that came and went mid-run moved the tabs ~50 px
under the pointer (walk47 D7). The place is ``LINES`` lines tall; a longer hint scrolls in it,
whole, so it moves nothing either (cut with "…", three of the seven hints lost their ends at
1024 px in Vietnamese, readable only in a tooltip)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QWidget,
)

from nndesk.coach import RunSetup, hints, mistakes_hint
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
    seen = (
        hints(curves, controller.inside, lr, accuracy_now=accuracy_now, setup=setup)
        if curves.batch_x
        else []
    )
    # the mistakes hint first: its button still does something after the run; but not before
    # what the run's own rate change did to it (the lesson of the run: the mistakes hint hid
    # the rate-raised one as the run ended, verify62)
    found = [hint] if hint is not None else []
    seen = [replace(h, fix={}, fix_label="") for h in seen]
    own = [h for h in seen if h.kind in OWN_CHANGE]
    return own + found + [h for h in seen if h.kind not in OWN_CHANGE]


#: Hints about what a change made by hand did to the run: said before the mistakes hint after it
OWN_CHANGE = ("rate-raised", "fell")


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
        steps=run.batches_per_epoch * (run.last_epoch - run.first_epoch + 1),
        lr=float(config.lr),
        schedule=config.schedule,
    )


#: Lines of a hint in sight at once; a longer one scrolls
LINES = 3
#: The share of the row the hint's button takes at most on one line: a wider one puts its
#: words on two lines (at 1024 px, Larger text, "Xem các ảnh đoán sai của Áo sơ mi" took 60 %
#: of the row, the hint beside it five lines to scroll in a box of three; verify61)
BUTTON_SHARE = 0.4


class CoachRow(QHBoxLayout):
    """The coach's hint (``label``) and its button (``button``): ``fix_requested`` with the
    hint's settings, or ``mistakes_requested`` with its class. ``quiet`` says there is no
    hint in the place a hint takes, once the place is reserved."""

    fix_requested = Signal(dict)  # live settings to change, e.g. {"lr": 0.0003}
    mistakes_requested = Signal(int)  # the true class whose mistakes to show

    def __init__(self) -> None:
        super().__init__()
        self.label = WrappedLabel(lines=LINES)
        theme.set_tone(self.label, "banner")
        # the hint whole: LINES lines in sight, the rest a scroll away
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.label)
        self.scroll.setWidgetResizable(True)  # the label wraps at the area's width
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().setAutoFillBackground(False)  # the page around the box
        # as small as the label it holds: a scroll area asks for room for two scroll bars
        # (68 px), and the window's least height grew by the difference
        self.scroll.setMinimumSize(self.label.minimumSizeHint().width(), 1)
        self.quiet = LinesLabel(
            translate("TrainingPanel", "The coach sees no problem in this run's curves."),
            lines=LINES,
        )
        theme.set_tone(self.quiet, "note")
        # the hint or the quiet line, in one place as tall as LINES lines in a box
        self.place = QWidget()
        self.place.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._stack = QStackedLayout(self.place)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.scroll)
        self._stack.addWidget(self.quiet)
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
        self._folded = False  # the Runs tab shows: place and button hidden (``fold``)
        self._button_wanted = False  # the hint shown has a button
        self._fix: dict = {}
        self._class: int | None = None  # a "mistakes" hint's class
        self._button_text = ""  # the button's words on one line
        self._row_width = 0  # as last laid out
        self.button.clicked.connect(self._on_button_clicked)

    def setGeometry(self, rect) -> None:  # noqa: N802 - Qt override
        """Lay the row out in ``rect``, its button's words on one or two lines for its width."""
        self._row_width = rect.width()
        self._fit_button()
        super().setGeometry(rect)

    def _fit_button(self) -> None:
        """The button's words on one line, or on two when one line would take more than
        ``BUTTON_SHARE`` of the row, or when two spare the hint beside it a scroll (the button
        is never narrower than its text, and the hint gets the rest of the row: "Dùng batch
        128" left a few-steps hint one line to scroll at 1024 px, Larger text). Two lines are
        no taller than the hint's place."""
        text = self._button_text
        metrics = self.button.fontMetrics()

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
        or going no longer moves what is under it."""
        self._reserved = True
        self.place.setVisible(not self._folded)
        self.label.ensurePolished()  # its style sheet's padding and border: its margins
        self.place.setFixedHeight(max(self.label.lines_height(), self.quiet.lines_height()))

    def fold(self, folded: bool) -> None:
        """Hide (``folded``: the Runs tab wants the height) or show again the coach's place
        and button, as they were."""
        self._folded = folded
        self.place.setVisible(self._reserved and not folded)
        self._show_button(self._button_wanted)

    def drop_button(self) -> None:
        """Hide the hint's button (its fix was applied)."""
        self._show_button(False)

    def _show_button(self, wanted: bool) -> None:
        self._button_wanted = wanted
        self.button.setVisible(wanted and not self._folded)

    def is_reserved(self) -> bool:
        """Whether the coach's place is kept (a run started on the page)."""
        return self._reserved

    def _say(self, hint_shown: bool, judged: bool = True) -> None:
        """Show the hint (``label``; its place is kept from then on) or, in a reserved place,
        the quiet line; with no curves ``judged`` the place stays blank."""
        if hint_shown:
            self.reserve()
        self._stack.setCurrentWidget(self.scroll if hint_shown else self.quiet)
        self.scroll.setVisible(hint_shown)
        self.label.setVisible(hint_shown)
        self.quiet.setVisible(not hint_shown and judged)

    def show_hints(self, found: list, running: bool, judged: bool = True) -> None:
        """Say the first of ``found`` (``coach_hints``), or nothing. ``judged``: False for a
        run that never started (walk52 D11b): "The coach sees no problem in this run's
        curves" spoke of curves that were never drawn; the place stays, blank."""
        self._say(bool(found), judged)
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
            self.scroll.verticalScrollBar().setValue(0)
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
        self._show_button(bool(hint.fix) or hint.show_class is not None)

    @Slot()
    def _on_button_clicked(self) -> None:
        if self._class is not None:
            self.mistakes_requested.emit(self._class)
        else:
            self.fix_requested.emit(dict(self._fix))
