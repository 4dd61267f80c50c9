"""The window's status bar: a message longer than the room beside the model, accuracy and
latency fields takes the whole bar while it shows (the fields step aside, as Qt's own bar hides
its normal widgets under a message, and come back when it goes); one longer still ends in "…"
instead of being cut mid-word, and the whole of it is the tooltip. A notice is held while it is
read (``show_ranked``, ui/status_rank.py): the run's progress lines show beside it meanwhile, in
a field of their own (``progress_field``), and the newest takes the line when it is read."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

from nndesk.ui.elided_label import LEFT_MIDDLE, paint_displayed_text
from nndesk.ui.file_manager import show_folder
from nndesk.ui.language import translate
from nndesk.ui.status_line import fit_status
from nndesk.ui.status_rank import Notice, Progress, reading_ms
from nndesk.ui.whole_text_tip import WholeTextTip

#: Where the message starts: under X, Qt's own status bar draws it 6 px in, and at 3 px the
#: first letter was clipped in the window.
LEFT = 6
#: px between two fields (QStatusBar's own gap between its permanent widgets)
FIELD_GAP = 6
#: the least a field is cut to: this many "…" wide
FIELD_LEAST_DOTS = 4
#: the progress field beside a held notice takes at most this part of the bar (1/3), "…" and
#: whole in its tooltip beyond: the notice is what is to be read
PROGRESS_SHARE = 3


class StatusField(QLabel):
    """A permanent field of the status bar: its text on one line, ended with "…" where the
    bar gives it less room than the text needs (``ElidingStatusBar.fit_fields`` says which
    field gives way first); the whole text is then in its tooltip, under what the field is.
    ``text()`` is always the whole text."""

    def __init__(self, tip: str = "") -> None:
        super().__init__()
        self._whole_tip = WholeTextTip(self, whole_first=False)  # what it is, then its text
        self.setToolTip(tip)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._whole_tip.say()
        self._refit()

    def _refit(self) -> None:
        """The bar's fields fitted again: this one's whole width changed."""
        bar = self.parent()
        while bar is not None and not isinstance(bar, ElidingStatusBar):
            bar = bar.parent()
        if bar is not None:
            bar.fit_fields()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View > Text size: another whole width
            self._refit()

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._whole_tip.give(tip)

    def toolTip(self) -> str:  # noqa: N802 (Qt's name)
        return self._whole_tip.given

    def whole_width(self) -> int:
        """The width the whole text takes."""
        return super().sizeHint().width()

    def least_width(self) -> int:
        return min(self.whole_width(), self.fontMetrics().horizontalAdvance("…") * FIELD_LEAST_DOTS)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.least_width(), super().minimumSizeHint().height())

    def displayed_text(self) -> str:
        """The text as painted: whole, or its start and "…" in the width the field has."""
        width = self.contentsRect().width()
        if self.fontMetrics().horizontalAdvance(self.text()) <= width:
            return self.text()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def is_cut(self) -> bool:
        return bool(self.text()) and self.displayed_text() != self.text()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._whole_tip.say()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        paint_displayed_text(self, LEFT_MIDDLE)


class ProgressField(StatusField):
    """The run's newest progress line beside a held notice (``ElidingStatusBar.progress_field``),
    fitted as the message area fits its text: a path in it is cut between its parts, its file's
    name kept ("Model saved: /tmp/…/model.npz"; cut at its end, the name went)."""

    def displayed_text(self) -> str:
        return fit_status(self.text(), self.fontMetrics(), self.contentsRect().width())


class ElidingStatusBar(QStatusBar):
    """``showMessage`` as usual, with the whole text: the fields make way for a message that
    needs their room, and painting elides what still does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: list[QWidget] = []  # the permanent widgets, in the order added
        #: the fields in the order they give up room where the bar is too narrow for all
        #: (``fit_fields``); by default the last added first
        self._yield_order: tuple[QWidget, ...] = ()
        self._aside: list[QWidget] = []  # those hidden for the message showing now
        # "Show folder" beside a message saying where a file was saved, while it shows; not a
        # field: a long message never sets it aside (it is what the message is about)
        self._saved_message = ""
        self._saved_folder: Path | None = None
        #: the paths a message holds as its writer knows them, spaces and all, for as long as
        #: it shows (``show_with_paths``): found in the text, "/home/x/My Documents" ended at
        #: "My" and its fitting cut "Documents" in half (s64 brief 5)
        self._paths_message = ""
        self._paths: tuple[str, ...] = ()
        # the notice being read (``show_ranked``): held until ``_hold`` times out, with the
        # notices and the newest progress line that came meanwhile waiting behind it
        self._held = ""
        self._held_after = 0  # ms it stays once read, as an ordinary line would
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self._on_hold_over)
        self._notices_waiting: list[tuple[str, int]] = []
        self._progress_waiting: tuple[str, int] | None = None
        # the newest progress line while a notice is held: waiting behind it, "Testing the
        # model…" to "Model saved: …" were 5 s late, and a run's news stood still that long
        # (s68 fixG). Not a field: a notice needing the fields' room never sets it aside
        self.progress_field = ProgressField(
            translate("StatusBar", "What the run is doing while the note beside it is read")
        )
        super().insertPermanentWidget(0, self.progress_field)
        self.progress_field.hide()
        # a link, not a button: the bar is as tall as its tallest widget, shown or not, and a
        # button made it taller for good (the Runs table lost a row at 1024x700)
        self.folder_link = QLabel(
            '<a href="folder">{}</a>'.format(html.escape(translate("StatusBar", "Show folder")))
        )
        self.folder_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.folder_link.setToolTip(translate("StatusBar", "Open the folder the file was saved in"))
        self.folder_link.linkActivated.connect(self._on_folder_link_activated)
        super().insertPermanentWidget(0, self.folder_link)
        self.folder_link.hide()
        self.messageChanged.connect(self._on_message_changed)

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802
        super().addPermanentWidget(widget, stretch)
        self._fields.append(widget)
        self.fit_fields()

    def set_yield_order(self, fields) -> None:
        """The fields in the order they are cut (to "…", whole in their tooltips) where the
        bar cannot hold them all: at 1024 px in Vietnamese at Larger text while a run went,
        "Mô hình: mạng đang" and "Độ chính xác kiểm tra: khi huấ" were both cut mid-word
        (verify64 D-F)."""
        self._yield_order = tuple(fields)
        self.fit_fields()

    def fit_fields(self) -> None:
        """Each field's most width: whole where the bar holds them all, else the fields cut in
        ``set_yield_order``'s order, each down to a few "…" wide before the next gives way."""
        fields = [f for f in self._fields if isinstance(f, StatusField) and not f.isHidden()]
        others = sum(  # the size grip, and "Show folder" beside a saved file's message
            child.sizeHint().width() + FIELD_GAP
            for child in self.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if not child.isHidden()
            and child not in self._fields
            and (child is self.folder_link or isinstance(child, QSizeGrip))
        )
        if not self.progress_field.isHidden():
            others += min(self.progress_field.whole_width(), self._progress_most()) + FIELD_GAP
        room = self.width() - LEFT - others - FIELD_GAP * len(fields)
        over = sum(f.whole_width() for f in fields) - room
        order = [f for f in self._yield_order if f in fields]
        order += [f for f in reversed(fields) if f not in order]
        for field in order:
            give = max(0, min(over, field.whole_width() - field.least_width()))
            over -= give
            most = field.whole_width() - give if give else 16777215  # QWIDGETSIZE_MAX
            if field.maximumWidth() != most:
                field.setMaximumWidth(most)

    def _progress_most(self) -> int:
        """The most width the progress field takes: the held notice keeps the rest."""
        return max(self.progress_field.least_width(), self.width() // PROGRESS_SHARE)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.progress_field.setMaximumWidth(self._progress_most())
        self.fit_fields()

    def show_ranked(self, text: str, timeout_ms: int) -> None:
        """``text`` for ``timeout_ms`` (0: until the next), ranked by its type: a ``Notice`` is
        held for ``reading_ms`` (after one held now, when there is one); a ``Progress`` line
        shows in ``progress_field`` beside a held notice, and the newest of those takes the
        line when it is read; a plain ``str`` shows at once, as ``showMessage`` (what the user
        just did: it ends any hold)."""
        holding = self._hold.isActive()
        if isinstance(text, Notice):
            if holding:
                self._notices_waiting.append((str(text), timeout_ms))
            else:
                self._hold_notice(str(text), timeout_ms)
        elif isinstance(text, Progress) and holding:
            self._progress_waiting = (str(text), timeout_ms)  # an older one is over by now
            self._show_progress_aside(str(text))
        else:
            self.showMessage(str(text), timeout_ms)

    def held_notice(self) -> str:
        """The notice being read now, "" when none is held."""
        return self._held if self._hold.isActive() else ""

    def _hold_notice(self, text: str, timeout_ms: int) -> None:
        hold = reading_ms(text)
        self._held, self._held_after = text, timeout_ms
        self._hold.start(hold)
        super().showMessage(text, hold + timeout_ms if timeout_ms else 0)

    @Slot()
    def _on_hold_over(self) -> None:
        if self._notices_waiting:
            self._hold_notice(*self._notices_waiting.pop(0))
            return
        self._held = ""
        waiting, self._progress_waiting = self._progress_waiting, None
        self._show_progress_aside("")
        if waiting is not None:
            super().showMessage(*waiting)

    def _end_hold(self) -> None:
        self._hold.stop()
        self._held = ""
        self._notices_waiting.clear()
        self._progress_waiting = None
        self._show_progress_aside("")

    def _show_progress_aside(self, text: str) -> None:
        """``text`` in the progress field beside the held notice; "" hides it."""
        field = self.progress_field
        if text == field.text() and field.isHidden() == (not text):
            return
        field.setMaximumWidth(self._progress_most())
        field.setText(text)
        field.setVisible(bool(text))
        self.fit_fields()
        self.layout().activate()  # the notice's room ends at the field from now on
        if self.currentMessage():  # the fields step aside if the notice needs their room now
            self._on_message_changed(self.currentMessage())
        self.update()

    def progress_aside(self) -> str:
        """The progress line shown beside a held notice, "" when none is."""
        return "" if self.progress_field.isHidden() else self.progress_field.text()

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt's name)
        """Qt's, ending a held notice: called from Python, for what the user just did."""
        self._end_hold()
        super().showMessage(text, timeout)

    def clearMessage(self) -> None:  # noqa: N802 (Qt's name)
        self._end_hold()
        super().clearMessage()

    @Slot(str)
    def _on_message_changed(self, message: str) -> None:
        """Room for ``message``: the fields go while it needs their width (the walk's "Cannot
        train: … where to get th…" was cut beside them at 1024 px), and come back with the
        next short message or when it times out. A menu's status tip (Qt shows it without
        ``showMessage``'s Python side) over a held notice: the notice comes back when the tip
        goes."""
        if not message and self._held and self._hold.isActive():
            remaining = self._hold.remainingTime() + self._held_after if self._held_after else 0
            super().showMessage(self._held, remaining)
            return
        if message != self._saved_message:  # the saved file's message went
            self._saved_message, self._saved_folder = "", None
            self.folder_link.hide()
        self._bring_fields_back()
        if message and self.fontMetrics().horizontalAdvance(message) > self.message_room():
            self._aside = [field for field in self._fields if field.isVisible()]
            for field in self._aside:
                field.hide()
            # the bar's layout places the rest now, not at the next event: the room is read
            # by the paint that follows and by callers at once
            self.layout().activate()
        # the whole text one hover away when even the whole bar cuts it; "" once it goes,
        # so the fields keep their own tooltips
        self.setToolTip(message if message and self.displayed_message() != message else "")

    def show_saved(self, text: str, path: str | os.PathLike, timeout_ms: int) -> None:
        """``text`` (it names the file written at ``path`` and its folder) with "Show folder"
        beside it, for ``timeout_ms`` or until another message."""
        self._saved_message, self._saved_folder = text, Path(path).parent
        self.folder_link.show()
        self.layout().activate()  # the message's room ends at the button from the start
        self.show_with_paths(text, (str(Path(path).parent), str(path)), timeout_ms)

    def show_with_paths(self, text: str, paths: tuple[str, ...], timeout_ms: int) -> None:
        """``text``, which holds ``paths``: fitted to the bar, each is cut between its parts,
        its last kept whole (``status_line.fit_status``)."""
        self._paths_message, self._paths = text, paths
        self.showMessage(text, timeout_ms)
        if self.currentMessage() == text:  # the same text again: no messageChanged came
            self._on_message_changed(text)

    @Slot(str)
    def _on_folder_link_activated(self, _link: str) -> None:
        folder = self._saved_folder
        if folder is not None and not show_folder(folder):
            said = translate("StatusBar", "No file manager would open {folder}")
            self.show_with_paths(said.format(folder=folder), (str(folder),), 8000)

    def _bring_fields_back(self) -> None:
        for field in self._aside:
            field.show()
        if self._aside:
            self.layout().activate()
        self._aside = []

    def fields_aside(self) -> bool:
        """Whether the fields are hidden for the message showing now."""
        return bool(self._aside)

    def message_room(self) -> int:
        """The width left for the message: up to the leftmost field shown beside it."""
        right = self.width()
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and child.geometry().left() > 0:
                right = min(right, child.geometry().left())
        return max(0, right - LEFT - 6)  # a gap before the field

    def displayed_message(self) -> str:
        """The message as painted: whole, or fitted (paths elided in the middle, then its end)."""
        message = self.currentMessage()
        paths = self._paths if message == self._paths_message else ()
        return fit_status(message, self.fontMetrics(), self.message_room(), paths)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # what QStatusBar paints for a message, with the text elided to the room it has
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        rect = self.rect().adjusted(LEFT, 0, -1, 0)
        rect.setWidth(self.message_room())
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            | int(Qt.TextFlag.TextSingleLine),
            self.displayed_message(),
        )
