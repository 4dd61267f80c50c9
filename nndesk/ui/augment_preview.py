"""AugmentPreview: eight training images as augmentation changes them, under its settings.

The same eight images and the same random draws every time, so moving a strength shows what
that strength does. Eight 28x28 images augment in about a millisecond: this runs on the GUI
thread as the person edits a field.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nndesk.ui.language import translate
from nndesk.ui.qt_image import gray_to_qimage

#: Images shown.
SHOWN = 8
#: Pixels per image side on screen.
SIDE = 40
#: Images a row: two rows of four (166 px), as one row of eight (334 px) made the Train form
#: wider than its page at 1024x700, cutting every field (walk57)
PER_ROW = 4


class AugmentPreview(QWidget):
    """``set_images(uint8 (k, 28, 28))`` once, ``set_strengths(...)`` whenever one changes.
    Shown without images, it asks for them (``images_wanted``): the Train page reads them
    from the form's dataset before any run."""

    images_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: np.ndarray | None = None
        self._strengths = {"shift": 2.0, "rotate_degrees": 10.0, "scale": 0.1, "stroke": 0.0}
        self._stale = False  # images or strengths changed while hidden
        self.cells = [QLabel() for _ in range(SHOWN)]
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        for i, cell in enumerate(self.cells):
            cell.setFixedSize(SIDE, SIDE)
            grid.addWidget(cell, i // PER_ROW, i % PER_ROW)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(grid)
        row.addStretch(1)
        self.note = QLabel(
            translate(
                "AugmentPreview",
                "Eight of the dataset's training images appear here, once it is on this computer.",
            )
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def set_images(self, images: np.ndarray | None) -> None:
        self._images = None if images is None else np.asarray(images[:SHOWN], np.uint8)
        self._show()

    def set_strengths(self, shift: float, rotate: float, scale: float, stroke: float) -> None:
        self._strengths = {"shift": shift, "rotate_degrees": rotate, "scale": scale,
                           "stroke": stroke}  # fmt: skip
        self._show()

    def augmented(self) -> np.ndarray | None:
        """The images as shown: uint8 (k, 28, 28), or None before any."""
        from nndesk.data.augment import augment_batch

        if self._images is None:
            return None
        rng = np.random.default_rng(0)  # the same draws: only the strengths change the picture
        return augment_batch(self._images, rng, **self._strengths)

    def has_images(self) -> bool:
        return self._images is not None

    def images(self) -> np.ndarray | None:
        """The training images it augments: uint8 (k, 28, 28), or None before any."""
        return None if self._images is None else self._images.copy()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._images is None:
            self.images_wanted.emit()
        if self._stale:
            self._show()

    def _show(self) -> None:
        # augmenting costs ~10 ms: a hidden preview (augmentation off) waits until it is shown
        # rather than add it to the start of every run, on the GUI thread
        self._stale = not self.isVisible()
        if self._stale:
            return
        images = self.augmented()
        self.note.setVisible(images is None)
        for i, cell in enumerate(self.cells):
            if images is None or i >= len(images):
                cell.clear()
            else:
                cell.setPixmap(QPixmap.fromImage(gray_to_qimage(images[i])).scaled(SIDE, SIDE))
