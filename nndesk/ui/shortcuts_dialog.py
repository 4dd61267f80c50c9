"""Help > Keyboard shortcuts: the window's keys in a table that scrolls when it is taller than
the screen. A message box grew with its text: at View > Text size > Larger the list was taller
than a 768 px projector's screen, its OK button half below the edge (walk61 D15)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

#: The share of the screen's free height (and width) the dialog may take at most
SCREEN_SHARE = 0.9


class ShortcutsDialog(QDialog):
    """``html`` (the shortcut table) in a read-only browser, with OK; ``fit_to(room)`` sizes
    it to its text, never past ``room`` (a screen's free area): the table scrolls then."""

    def __init__(self, parent: QWidget | None, title: str, html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser()
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setHtml(html)
        self.browser.viewport().setAutoFillBackground(False)  # the dialog's own background
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = (parent or self).screen()
        self.fit_to(screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700))

    def text(self) -> str:
        return self.browser.toPlainText()

    def wanted_size(self) -> QSize:
        """The dialog's size with the whole table showing, unscrolled."""
        document = self.browser.document()
        document.setTextWidth(-1)
        width = int(document.idealWidth()) + 2 * int(document.documentMargin()) + 2
        document.setTextWidth(width)
        height = int(document.size().height()) + 2
        margins = self.layout().contentsMargins()
        bar = self.browser.verticalScrollBar().sizeHint().width()
        return QSize(
            width + bar + margins.left() + margins.right(),
            height
            + self.layout().spacing()
            + self.ok_button.sizeHint().height()
            + margins.top()
            + margins.bottom(),
        )

    def fit_to(self, room: QRect) -> None:
        """As large as its table, at most ``SCREEN_SHARE`` of ``room`` (a title bar above)."""
        wanted = self.wanted_size()
        self.resize(
            min(wanted.width(), int(room.width() * SCREEN_SHARE)),
            min(wanted.height(), int(room.height() * SCREEN_SHARE)),
        )
