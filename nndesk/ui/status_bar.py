"""The window's status bar: a message longer than the room beside the model, accuracy and
latency fields takes the whole bar while it shows (the fields step aside, as Qt's own bar hides
its normal widgets under a message, and come back when it goes); one longer still ends in "…"
instead of being cut mid-word, and the whole of it is the tooltip."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle, QStyleOption, QWidget

from nndesk.ui.file_manager import show_folder
from nndesk.ui.language import translate
from nndesk.ui.status_line import fit_status

#: Where the message starts: under X, Qt's own status bar draws it 6 px in, and at 3 px the
#: first letter was clipped in the window.
LEFT = 6


class ElidingStatusBar(QStatusBar):
    """``showMessage`` as usual, with the whole text: the fields make way for a message that
    needs their room, and painting elides what still does not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: list[QWidget] = []  # the permanent widgets, in the order added
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

    @Slot(str)
    def _on_message_changed(self, message: str) -> None:
        """Room for ``message``: the fields go while it needs their width (the walk's "Cannot
        train: … where to get th…" was cut beside them at 1024 px), and come back with the
        next short message or when it times out."""
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
