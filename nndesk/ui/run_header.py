"""The Train page's header, always visible above its tabs: the headline, the run controls, the
progress bar and the line under it, the data banner and the coach."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QStyleOptionProgressBar,
    QStylePainter,
    QToolTip,
    QVBoxLayout,
)

from nndesk.ui import text_size
from nndesk.ui.banner import message_banner
from nndesk.ui.elided_label import LinesLabel
from nndesk.ui.language import translate


def wrapping_policy() -> QSizePolicy:
    """A label that wraps to the width it is given and never widens the page."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


class OneLineProgressBar(QProgressBar):
    """A progress bar whose text stays on its one line: a longer one ends in "…", whole in its
    tooltip (a failed run's reason wrapped inside the bar, its two lines cut at top and bottom).
    ``text()`` keeps the whole text."""

    MARGIN = 8  # pixels kept free at each end of the text

    def __init__(self) -> None:
        super().__init__()
        self._shorter: tuple[str, ...] = ()  # shorter ways to say the text (``set_texts``)

    def setFormat(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._shorter = ()
        super().setFormat(text)

    def set_texts(self, text: str, *shorter: str) -> None:
        """Show ``text``, or the first of ``shorter`` (shorter ways to say it, least said last)
        that the bar holds whole: a stop mid-epoch's "· testing and saving the model…" cut its
        own words at 1024 px (fixU #5), which the line under the bar says anyway."""
        super().setFormat(text)
        self._shorter = shorter
        self.update()

    def shown_text(self) -> str:
        """What the bar paints: its text, or a shorter form of it that fits (``set_texts``),
        else the shortest cut to its width."""
        width = max(0, self.contentsRect().width() - 2 * self.MARGIN)
        metrics = self.fontMetrics()
        forms = (self.text(), *self._shorter)
        for form in forms:
            if metrics.horizontalAdvance(form) <= width:
                return form
        return metrics.elidedText(forms[-1], Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        option = QStyleOptionProgressBar()
        self.initStyleOption(option)
        option.text = self.shown_text()
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_ProgressBar, option)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.shown_text() != self.text():
            QToolTip.showText(event.globalPos(), self.text(), self)
            return True
        return super().event(event)


#: what parts a running run's line (``train_texts.progress_texts``) are said in
PARTS = "  ·  "


def one_line(text: str, metrics, width: int) -> str:
    """``text`` on one line of ``width`` px: whole, or as many of its first parts (``PARTS``)
    as fit, then "…"; cut at the width where not even its first part fits."""
    if width <= 0 or metrics.horizontalAdvance(text) <= width:
        return text
    parts = text.split(PARTS)
    for count in range(len(parts) - 1, 0, -1):
        shorter = PARTS.join([*parts[:count], "…"])
        if metrics.horizontalAdvance(shorter) <= width:
            return shorter
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class ProgressLine(QLabel):
    """The line under the progress bar. A message wraps on a narrow page (Vietnamese at 1024
    px cut the rate off its end); a running run's line (``say_fitted``) keeps one line, its
    last parts left out for "…" where the line does not hold them, whole in its tooltip: its
    second line in Vietnamese at Larger text at 1024 px (18 px) kept the per-epoch charts
    below the fold while the run went (fixV, s70). The Vietnamese says the loss and the
    accuracy first: the speed and the time left are what goes."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._fitted = ""  # the running line said whole, while it shows
        self.setWordWrap(True)
        self.setSizePolicy(wrapping_policy())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._fitted = ""
        self.setToolTip("")
        super().setText(text)

    def say_fitted(self, text: str) -> None:
        """Show ``text`` (a running run's line) on one line (see the class)."""
        self._fitted = text
        self._fit()

    def said(self) -> str:
        """The running line whole, or the message shown."""
        return self._fitted or self.text()

    def _fit(self) -> None:
        text = self._fitted
        shown = one_line(text, self.fontMetrics(), self.contentsRect().width())
        super().setText(shown)
        self.setToolTip("" if shown == text else text)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._fitted and event.size().width() != event.oldSize().width():
            self._fit()


class RunHeader(QVBoxLayout):
    """``title`` (the headline), ``controls``, ``progress``, ``speed`` (the progress line),
    ``alert`` (how the last run went wrong), ``data_banner`` and ``coach``, top to bottom."""

    def __init__(self, first_title: str, controls, data_banner, coach) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        # what the headline says, as facts a page in another language says again:
        # ("run", facts of the run), ("failed",), ("idle",), or () for a text the page works
        # out again itself
        self.headline: tuple = ()
        # two lines, whatever the headline: the buttons under it stay put when it changes (a
        # longer one is cut with "…", whole in its tooltip); run titles come from files, so
        # plain text
        self.title = LinesLabel(first_title, lines=2)
        self._size_title()
        text_size.notifier().changed.connect(self._size_title)  # ends with this header
        self.progress = OneLineProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("TrainingPanel", "Ready"))
        self.progress.setMinimumHeight(22)
        self.speed = ProgressLine(translate("TrainingPanel", "Choose settings and press Train."))
        self.controls, self.coach, self.data_banner = controls, coach, data_banner
        self.addWidget(self.title)
        self.addLayout(controls)
        self.addWidget(self.progress)
        self.addWidget(self.speed)
        # a run that diverged says so here, above the curves that show it: a message box
        # covered them (train 43); hidden until then, and again when the next run starts
        self.alert = message_banner()
        self.alert.setSizePolicy(wrapping_policy())
        self.alert.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.addWidget(self.alert)
        self.addWidget(data_banner)  # under the buttons: they stay put when it comes or goes
        # the room the header is held at past its rows is the coach's box's (``held_header``),
        # or blank under the rows before the page's first run
        self.addLayout(coach, 1)
        self.addStretch(0)
        coach.note_changed.connect(self._show_alert)
        # once the coach's place is kept (a run started on the page), the lines that come
        # during a run are said in it, above the hint: in these rows they took the room the
        # header kept past them for a line to come (walk68 D2)
        coach.hold_lines((self.alert, self), (controls.lr_error, controls))

    @Slot()
    def _size_title(self) -> None:
        """The headline a sixth larger than the window's font (14 px at 9 pt), semi-bold: a
        size in pixels stayed as it was at View > Text size's Larger, under the window's text."""
        points = QApplication.font().pointSizeF()
        size = f"{points * 7 / 6:.1f}pt" if points > 0 else "14px"  # a desktop's font in px
        self.title.setStyleSheet(f"font-size: {size}; font-weight: 600;")

    def set_title(
        self, text: str, tip: str = "", headline: tuple = (), shorter: tuple[str, ...] = ()
    ) -> None:
        """Show ``text`` as the headline, ``tip`` in its tooltip (the model file's path; none
        for a run); ``headline``: the facts it says (none: a text the page works out again);
        ``shorter``: shorter ways to say it, for a room its two lines do not hold it in."""
        self.headline = headline
        self.title.set_texts(text, *shorter)
        self.title.setToolTip(tip)

    def say_alert(self, text: str) -> None:
        """Show ``text`` in the banner above the tabs ("" hides it), or in the coach's box
        when the coach has nothing to say of the run (``CoachRow.set_note``)."""
        self.alert.setText(text)
        self.coach.set_note(text)
        self._show_alert()

    @Slot()
    def _show_alert(self) -> None:
        self.alert.setVisible(bool(self.alert.text()) and not self.coach.says_note())

    def keep_progress_room(self, sample: str) -> None:
        """From a Train click on, the progress line keeps the height ``sample`` (a running
        line, ``sample_progress_line``) takes at its width, on its one line (``ProgressLine``):
        the first batch's line took two lines where the click's took one, and moved the tabs
        and the form 18 px down under the pointer (vi, Larger text, 1024 px)."""
        width = max(1, self.speed.contentsRect().width())
        probe = QLabel(one_line(sample, self.speed.fontMetrics(), width))
        probe.setFont(self.speed.font())
        probe.setWordWrap(True)
        probe.setContentsMargins(self.speed.contentsMargins())
        self.speed.setMinimumHeight(probe.heightForWidth(max(1, self.speed.width())))

    def say_progress(self, text: str) -> None:
        """The speed/loss line of a running run. Wrapped on a narrow page, it never gets
        shorter during the run: a figure's changing width would make the plots under it jump.
        One line, its last parts for "…" where they do not fit (``ProgressLine``)."""
        self.speed.say_fitted(text)
        need = self.speed.heightForWidth(max(1, self.speed.width()))
        if need > self.speed.minimumHeight():
            self.speed.setMinimumHeight(need)
