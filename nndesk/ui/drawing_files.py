"""The drawing on the canvas as a file or on the clipboard (walk64 D4: a student could keep a
drawing the network misreads, or send it to a teacher, only by a screenshot cropped by hand).

File > Save drawing as… writes the canvas as a PNG: ``uint8 (280, 280)``, white ink on black as
the canvas holds it, so ``nndesk predict`` and File > Open image read it as the window does. The
write is atomic and, when the window has a writer, off the GUI thread; the status bar then says
where it went, with "Show folder". Edit > Copy drawing puts the same picture on the clipboard.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QGuiApplication

from nndesk.errors import user_message
from nndesk.fileio import atomic_write_bytes
from nndesk.ui.language import translate
from nndesk.ui.qt_image import gray_to_qimage
from nndesk.ui.status_line import show_saved


def drawing_png(pixels: np.ndarray) -> bytes:
    """``pixels`` (``uint8 (H, W)``, white ink on black) as the bytes of a grey PNG."""
    out = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(pixels, dtype=np.uint8), mode="L").save(out, "PNG")
    return out.getvalue()


def write_drawing(path: str | os.PathLike, pixels: np.ndarray) -> Path:
    """Write ``pixels`` to ``path`` as a PNG, atomically (``.png`` added when missing)."""
    path = Path(path)
    if path.suffix.lower() != ".png":
        path = path.with_name(path.name + ".png")
    return atomic_write_bytes(path, drawing_png(pixels))


class DrawingFiles(QObject):
    """Saves and copies ``window``'s drawing (its ``canvas``, ``show_error`` and status bar),
    writing through ``writes`` (``controllers.background.BackgroundWrites``; None: on the GUI
    thread)."""

    def __init__(self, window, writes=None) -> None:
        super().__init__(window)
        self._window = window
        self._writes = writes
        #: writes not answered yet: token -> the path asked for
        self._writing: dict[int, str] = {}
        window.save_drawing_requested.connect(self.save)
        window.copy_drawing_requested.connect(self.copy)
        if writes is not None:
            writes.done.connect(self._on_writes_done)
            writes.failed.connect(self._on_writes_failed)

    @Slot(str)
    def save(self, path: str) -> None:
        """Write the drawing as it is now to ``path`` (the canvas's copy: later strokes are not
        in it)."""
        pixels = self._window.canvas.array()
        if self._writes is not None:
            self._writing[self._writes.submit(lambda: write_drawing(path, pixels))] = path
            return
        try:
            written = write_drawing(path, pixels)
        except OSError as err:
            self._failed(err)
        else:
            show_saved(self._window, written)

    @Slot()
    def copy(self) -> None:
        """Put the drawing on the clipboard, as an image, and say so."""
        QGuiApplication.clipboard().setImage(gray_to_qimage(self._window.canvas.array()))
        self._window.statusBar().showMessage(
            translate("MainWindow", "The drawing is on the clipboard (280 × 280 pixels)."), 5000
        )

    @Slot(int, object)
    def _on_writes_done(self, token: int, written) -> None:
        if self._writing.pop(token, None) is not None:
            show_saved(self._window, written)

    @Slot(int, object)
    def _on_writes_failed(self, token: int, err) -> None:
        if self._writing.pop(token, None) is not None:
            self._failed(err)

    def _failed(self, err: BaseException) -> None:
        self._window.show_error(user_message(err), translate("MainWindow", "Cannot save drawing"))
