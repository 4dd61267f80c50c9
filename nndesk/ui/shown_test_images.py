"""The test images put on the canvas, found again by their canvas pixels.

A test image goes to the model as the 28x28 the dataset holds; the canvas shows it enlarged
(``preprocess.upscale_28``). When the canvas shows those pixels again (the window rebuilt in
another language, Undo, a mode switch back), reading the enlarged pixels through the drawing
pipeline (``Classifier.prepare``) gives another 28x28 and another answer (a test image read
93.0 % in English and 98.8 % after switching to Vietnamese). This memory hands back the test
image itself.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

import numpy as np

#: enough for every step both modes' undo stacks hold (``canvas.UNDO_LIMIT`` each) and more;
#: an image forgotten is read as a drawing again, never wrongly
KEPT = 128


def _key(pixels: np.ndarray) -> bytes:
    a = np.ascontiguousarray(pixels, dtype=np.uint8)
    return hashlib.blake2b(a.tobytes(), digest_size=16).digest() + bytes(str(a.shape), "ascii")


class ShownTestImages:
    """Canvas pixels (``uint8 (280, 280)``) -> the ``float32 (28, 28)`` test image they show."""

    def __init__(self) -> None:
        self._images: OrderedDict[bytes, np.ndarray] = OrderedDict()

    def remember(self, pixels: np.ndarray, image28: np.ndarray) -> None:
        """``pixels`` on the canvas show the test image ``image28``."""
        key = _key(pixels)
        self._images[key] = np.array(image28, np.float32)  # a copy: the caller's may change
        self._images.move_to_end(key)
        while len(self._images) > KEPT:
            self._images.popitem(last=False)

    def find(self, pixels: np.ndarray) -> np.ndarray | None:
        """The test image ``pixels`` show (a copy), or None for anything else (a drawing, a
        test image drawn on)."""
        image28 = self._images.get(_key(pixels))
        return None if image28 is None else image28.copy()

    def adopt(self, other: ShownTestImages) -> None:
        """Take over what ``other`` remembers (the window rebuilt in another language)."""
        for key, image28 in other._images.items():
            self._images[key] = image28
        while len(self._images) > KEPT:
            self._images.popitem(last=False)
