"""ChartImage: a chart rendered off the GUI thread (``off_gui``), shown at the label's size.

The Runs view's overlay and the race's curves are drawn on the render pool into an image; this
label shows the last one, scaled to its room when the room changes, and says so (``resized``)
so its owner can draw the chart again at the new size. An image is in the colours of the theme
it was asked in: after a switch to another, a note takes its place until the owner shows the
new one (a switch made on another page showed the old theme's chart when the tab came back).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from nndesk.ui import theme
from nndesk.ui.language import translate

#: How long (ms) a chart of other data may be on its way before the label says it is being
#: drawn in place of the old one: a quick render shows no flicker of text
PENDING_MS = 150


class ChartImage(QLabel):
    """The last rendered chart image, scaled to this label's room (never its own size hint)."""

    resized = Signal()  # the room changed: the image shown is scaled until drawn again

    def __init__(self, min_width: int, min_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # the image follows the room, never the other way round
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(min_width, min_height)
        self.image: QImage | None = None  # the last one rendered, at its render size
        self.image_theme: theme.Colours | None = None  # the theme it was asked in
        #: a chart of other data is being drawn: the image shown is no longer what it shows
        self.pending = False
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(PENDING_MS)
        self._pending_timer.timeout.connect(self._on_pending_timer_timeout)
        theme.notifier().changed.connect(self._on_theme_changed)

    def expect_other(self) -> None:
        """A chart of other data is on its way: unless it comes within ``PENDING_MS``, say it
        is being drawn in place of the image shown (the Runs chart kept the previous selection's
        curves for seconds on a busy machine, under "2 runs compared", lab56)."""
        if not self._pending_timer.isActive() and not self.pending:
            self._pending_timer.start()

    def expect_same(self) -> None:
        """The chart on its way shows the data of the image shown (selected again before the
        other came): the image stands, no note."""
        self._pending_timer.stop()
        if self.pending:
            self.pending = False
            self._fit()

    def _on_pending_timer_timeout(self) -> None:
        self.pending = True
        self._fit()

    def show_image(self, image: QImage, asked_theme: theme.Colours) -> None:
        """Show ``image`` (rendered at this label's size and device pixel ratio, or near it),
        asked for while the window's theme was ``asked_theme``."""
        self.image, self.image_theme = image, asked_theme
        self._pending_timer.stop()
        self.pending = False
        self._fit()

    def clear_image(self) -> None:
        self.image = None
        self.clear()

    def show_message(self, text: str) -> None:
        """Say ``text`` in place of a chart (one that could not be drawn)."""
        self._pending_timer.stop()
        self.pending = False
        self.clear_image()
        self.setWordWrap(True)  # one line, but its error part can be long
        self.setText(text)

    def _on_theme_changed(self, _colours) -> None:
        self._fit()  # the note in place of another theme's chart

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()
        self.resized.emit()

    def _fit(self) -> None:
        if self.image is None:
            return
        if self.pending or self.image_theme != theme.colours():
            self.setText(translate("ChartImage", "Drawing the chart…"))
            return
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(self.image)
        room = self.size() * ratio
        if pixmap.size() != room:
            pixmap = pixmap.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
