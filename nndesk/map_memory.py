"""The maps drawn for each model kept while the window lives (walk66 #9: a 6-minute t-SNE of
fashion-mlp was thrown away by a mode round trip, Ctrl+1 then Ctrl+2, which opens the same
model file again and hands the Map page a new evaluation of it)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict

import numpy as np

#: the models whose last map is kept: both modes' models and a couple more; a map keeps at
#: most ``explore.KEPT_FEATURE_BYTES`` of layer outputs, typically a few MB
KEPT_MODELS = 4


def evaluation_key(result) -> bytes | None:
    """What a map of ``result`` (an ``EvaluationResult``) depends on: the model's weights and
    temperature and the evaluated images and labels, as a 16-byte digest; None without a
    model. The same file opened again gives the same key, a Lab edit or a retrained model
    another. Hashing a CNN's weights and 10,000 test images takes ~10-20 ms."""
    classifier = getattr(result, "classifier", None)
    if classifier is None:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for name, param, _grad in classifier.model.parameters():
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(param).tobytes())
    digest.update(repr((float(result.temperature), result.split, result.images.shape)).encode())
    digest.update(np.ascontiguousarray(result.images).tobytes())
    digest.update(np.ascontiguousarray(result.labels).tobytes())
    return digest.digest()


class KeptMaps:
    """The last map drawn for each of the ``KEPT_MODELS`` models drawn last (by
    ``evaluation_key``)."""

    def __init__(self, most: int = KEPT_MODELS) -> None:
        self._most = most
        self._maps: OrderedDict[bytes, object] = OrderedDict()

    def keep(self, key: bytes | None, data) -> None:
        if key is None or data is None:
            return
        self._maps[key] = data
        self._maps.move_to_end(key)
        while len(self._maps) > self._most:
            self._maps.popitem(last=False)

    def get(self, key: bytes | None):
        """The map kept for ``key``, or None."""
        return self._maps.get(key) if key is not None else None
