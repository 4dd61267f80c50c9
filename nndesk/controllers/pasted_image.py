"""Image data from the clipboard or a drop: taken cheaply on the GUI thread, decoded in a worker.

``image_payload`` runs on the GUI thread and only takes what the mime data holds: the encoded
bytes of a known format, else the QImage Qt made of it. ``payload_pixels`` runs in the prediction
worker (QImage, unlike QPixmap, may be used off the GUI thread): bytes are decoded like an image
file (``preprocess.load_image``: reduced while decoding, refused above ``MAX_PIXELS``), and a
QImage (already decoded by Qt) is scaled by Qt to ``MAX_SIDE`` and copied into NumPy.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage

#: Encoded formats taken as bytes and decoded with the image-file rules, in order of preference.
ENCODED_FORMATS = ("image/png", "image/jpeg", "image/bmp", "image/gif", "image/tiff", "image/webp")


def image_payload(mime: QMimeData | None) -> bytes | QImage | None:
    """What ``mime`` holds as an image, without decoding it: its encoded bytes in one of
    ``ENCODED_FORMATS``, else Qt's own image of it, else None (no image at all)."""
    if mime is None:
        return None
    for kind in ENCODED_FORMATS:
        if mime.hasFormat(kind):
            data = mime.data(kind).data()
            if data:
                return bytes(data)
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage):
            return QImage(image)  # shares the pixels (copy on write): no copy here
    return None


def payload_pixels(payload: bytes | QImage, name: str, max_side: int | None = None) -> np.ndarray:
    """The pixels of an ``image_payload`` (in the worker): uint8 (H, W[, C]), the longest side at
    most ``max_side`` (default ``MAX_SIDE``). Raises ``PreprocessError`` naming ``name`` when it
    cannot be used."""
    from nndesk.preprocess import MAX_SIDE, load_image

    max_side = max_side or MAX_SIDE
    if isinstance(payload, bytes):
        import io

        return load_image(io.BytesIO(payload), name=name, max_side=max_side)
    return qimage_pixels(payload, max_side)


def qimage_pixels(image: QImage, max_side: int | None = None) -> np.ndarray:
    """A decoded QImage -> ``uint8 (h, w, 4)`` RGBA; one larger than ``max_side`` (default
    ``MAX_SIDE``) is scaled down by Qt first, so its NumPy copy stays a few megabytes.
    (``MAX_PIXELS`` guards decoding, which Qt has already done for a QImage: it is scaled, not
    refused.)"""
    from nndesk.preprocess import MAX_SIDE

    max_side = max_side or MAX_SIDE
    width, height = image.width(), image.height()
    if max(width, height) > max_side:
        image = image.scaled(
            max_side,
            max_side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w, stride = rgba.height(), rgba.width(), rgba.bytesPerLine()
    if h == 0 or w == 0:  # data Qt could not decode: an empty image, refused downstream
        return np.zeros((h, w, 4), np.uint8)
    buffer = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=h * stride)
    return buffer.reshape(h, stride)[:, : 4 * w].reshape(h, w, 4).copy()
