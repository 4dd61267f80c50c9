"""QImage <-> ndarray: the one place Qt's and NumPy's pixel layouts meet.

Qt pads every scan line to a multiple of 4 bytes (``bytesPerLine``), so a 28-pixel-wide
Grayscale8 image is 28 bytes per line but a 30-pixel-wide one is 32: always go through these
helpers, never ``np.frombuffer(img.bits())`` by hand.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage


def to_array(image: QImage) -> np.ndarray:
    """A Grayscale8 copy of ``image`` as ``uint8 (h, w)`` (other formats are converted first)."""
    if image.format() != QImage.Format.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    if h == 0 or w == 0:
        return np.zeros((h, w), np.uint8)
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * stride)
    # drop the padding at the end of each line, then copy so the array outlives the QImage
    return buffer.reshape(h, stride)[:, :w].copy()


def gray_to_qimage(array: np.ndarray) -> QImage:
    """``uint8 (h, w)`` (any real array, clipped to 0..255) -> an independent Grayscale8 QImage."""
    a = np.ascontiguousarray(np.clip(np.asarray(array), 0, 255).astype(np.uint8))
    if a.ndim != 2:
        raise ValueError(f"expected a 2-D grey image, got shape {a.shape}")
    h, w = a.shape
    # QImage borrows the buffer, so copy() it before ``a`` can be freed
    return QImage(a.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


def rgba_to_qimage(array: np.ndarray) -> QImage:
    """``uint8 (h, w, 4)`` RGBA -> an independent QImage (Format_RGBA8888)."""
    a = np.ascontiguousarray(array, dtype=np.uint8)
    if a.ndim != 3 or a.shape[2] != 4:
        raise ValueError(f"expected an (h, w, 4) RGBA image, got shape {a.shape}")
    h, w, _ = a.shape
    return QImage(a.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def diverging_rgba(values: np.ndarray, limit: float | None = None) -> np.ndarray:
    """Signed values -> ``uint8 (h, w, 4)``: red for positive, blue for negative, alpha by size.

    ``limit`` is the magnitude drawn fully opaque (default: the largest absolute value), so an
    overlay on a picture keeps the picture visible where the values are small.
    """
    v = np.asarray(values, dtype=np.float32)
    limit = float(np.max(np.abs(v))) if limit is None else float(limit)
    t = np.clip(v / limit, -1.0, 1.0) if limit > 0 else np.zeros_like(v)
    rgba = np.zeros((*v.shape, 4), np.uint8)
    pos, neg = t > 0, t < 0
    rgba[pos] = (235, 64, 52, 0)  # warm red: pushes towards the class
    rgba[neg] = (45, 120, 235, 0)  # blue: pushes away from it
    rgba[..., 3] = (np.sqrt(np.abs(t)) * 230).astype(np.uint8)  # sqrt lifts the faint pixels
    return rgba


def diverging_opaque(values: np.ndarray, limit: float | None = None) -> np.ndarray:
    """Signed values -> opaque ``uint8 (h, w, 4)``: blue (< 0), near-white (0), red (> 0)."""
    v = np.asarray(values, dtype=np.float32)
    limit = float(np.max(np.abs(v))) if limit is None else float(limit)
    t = np.clip(v / limit, -1.0, 1.0) if limit > 0 else np.zeros_like(v)
    white = np.array([245, 245, 245], np.float32)
    red = np.array([200, 40, 40], np.float32)
    blue = np.array([40, 90, 200], np.float32)
    a = np.abs(t)[..., None]
    rgb = np.where(t[..., None] >= 0, white + (red - white) * a, white + (blue - white) * a)
    out = np.full((*v.shape, 4), 255, np.uint8)
    out[..., :3] = rgb.astype(np.uint8)
    return out


def with_alpha(color: QColor, alpha: int) -> QColor:
    """A copy of ``color`` with the given alpha (0..255): palette colours at any opacity."""
    c = QColor(color)
    c.setAlpha(alpha)
    return c
