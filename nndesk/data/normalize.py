"""Input normalisation as a named setting that is saved with the model.

A model trained on standardised inputs is useless on raw pixels, so the setting (and the
statistics fitted on the training set) travels in the model file via ``to_dict``/``from_dict``.
"""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError

NORMALIZATIONS = ("raw", "unit", "symmetric", "standard")

# a pixel that is (almost) always blank in training has std ~ 0; dividing by it would turn one
# stray stroke there into inputs in the thousands, so per-pixel std is floored at this fraction
# of the global std
STD_FLOOR_FRACTION = 0.1


def _flat(images: np.ndarray) -> np.ndarray:
    """(28, 28) | (784,) | (n, 28, 28) | (n, 784) -> a (n, 784) view, no copy."""
    images = np.asarray(images)
    if images.shape in ((28, 28), (784,)):
        return images.reshape(1, 784)
    if images.ndim == 3 and images.shape[1:] == (28, 28):
        return images.reshape(len(images), 784)
    if images.ndim == 2 and images.shape[1] == 784:
        return images
    raise ValueError(f"expected images of shape (n, 28, 28) or (n, 784), got {images.shape}")


class Normalizer:
    """Map pixels 0..255 to model inputs: float32 (n, 784).

    kinds: "raw" (0..255), "unit" ([0, 1]), "symmetric" (x / 127.5 - 1), "standard"
    ((x - mean) / std, fitted on the training images; ``per_pixel`` fits one mean/std per pixel
    instead of one global pair).
    """

    def __init__(self, kind: str = "unit", per_pixel: bool = False):
        if kind not in NORMALIZATIONS:
            raise ConfigError(
                f"unknown normalisation {kind!r}; choose one of {', '.join(NORMALIZATIONS)}"
            )
        self.kind = kind
        self.per_pixel = bool(per_pixel)
        self.mean: np.ndarray | None = None  # float32 () or (784,)
        self.std: np.ndarray | None = None  # float32 () or (784,), floored

    @property
    def fitted(self) -> bool:
        """True when the normaliser can be applied (only "standard" needs fitting)."""
        return self.kind != "standard" or self.mean is not None

    def fit(self, train_images: np.ndarray, chunk: int = 8192) -> Normalizer:
        """Compute mean/std on the training images (uint8 (n, 28, 28) or (n, 784)); returns self.

        Accumulates in float64 over chunks, so 60,000 images never become a 376 MB float64 copy.
        """
        if self.kind != "standard":
            return self
        x = _flat(train_images)
        n = len(x)
        if n == 0:
            raise ConfigError("cannot fit a standard normalisation on zero images")
        s = np.zeros(784)
        ss = np.zeros(784)
        for i in range(0, n, chunk):
            block = x[i : i + chunk].astype(np.float64)  # (<=chunk, 784)
            s += block.sum(axis=0)
            ss += np.square(block).sum(axis=0)
        mean_px = s / n
        var_px = np.maximum(ss / n - mean_px**2, 0.0)
        mean_all = s.sum() / (n * 784)
        std_all = np.sqrt(max(ss.sum() / (n * 784) - mean_all**2, 0.0))
        std_all = max(std_all, 1e-6)
        if self.per_pixel:
            self.mean = mean_px.astype(np.float32)
            self.std = np.maximum(np.sqrt(var_px), STD_FLOOR_FRACTION * std_all).astype(np.float32)
        else:
            self.mean = np.float32(mean_all)
            self.std = np.float32(std_all)
        return self

    def _scale_shift(self) -> tuple[np.ndarray | float, np.ndarray | float]:
        """(scale, shift) such that output = x * scale - shift."""
        if self.kind == "raw":
            return 1.0, 0.0
        if self.kind == "unit":
            return 1.0 / 255.0, 0.0
        if self.kind == "symmetric":
            return 1.0 / 127.5, 1.0
        if self.mean is None:
            raise ConfigError("the standard normalisation must be fitted on training images first")
        scale = (1.0 / self.std).astype(np.float32)
        return scale, (self.mean * scale).astype(np.float32)

    def __call__(self, images: np.ndarray) -> np.ndarray:
        """Normalise uint8 or float images (n, 28, 28) | (n, 784) | (28, 28) -> float32 (n, 784)."""
        x = _flat(images)
        scale, shift = self._scale_shift()
        out = np.empty(x.shape, dtype=np.float32)
        # cast-and-scale in one ufunc pass straight into the float32 output
        np.multiply(x, np.asarray(scale, dtype=np.float32), out=out, dtype=np.float32)
        if np.any(shift):
            out -= shift
        return out

    def invert(self, inputs: np.ndarray) -> np.ndarray:
        """Back from model inputs float (n, 784) to pixel units float32 (n, 784)."""
        scale, shift = self._scale_shift()
        x = np.asarray(inputs, dtype=np.float32).reshape(-1, 784)
        return ((x + shift) / scale).astype(np.float32)

    def to_dict(self) -> dict:
        """JSON-able description: kind, per_pixel, mean and std (floats or lists, or None)."""

        def plain(a):
            if a is None:
                return None
            return float(a) if np.ndim(a) == 0 else [float(v) for v in a]

        return {
            "kind": self.kind,
            "per_pixel": self.per_pixel,
            "mean": plain(self.mean),
            "std": plain(self.std),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Normalizer:
        """Rebuild from ``to_dict()`` output; ConfigError on a bad kind or missing statistics."""
        if not isinstance(d, dict) or "kind" not in d:
            raise ConfigError(f"normalisation setting must be a dict with a 'kind', got {d!r:.60}")
        norm = cls(d["kind"], bool(d.get("per_pixel", False)))
        if norm.kind == "standard":
            mean, std = d.get("mean"), d.get("std")
            if mean is None or std is None:
                raise ConfigError("standard normalisation setting lacks its mean/std")
            shape = (784,) if norm.per_pixel else ()
            mean = np.asarray(mean, dtype=np.float32)
            std = np.asarray(std, dtype=np.float32)
            if mean.shape != shape or std.shape != shape:
                raise ConfigError(f"standard normalisation needs mean/std of shape {shape}")
            if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(std)) and np.all(std > 0)):
                raise ConfigError("standard normalisation needs a finite mean and a positive std")
            norm.mean, norm.std = (mean, std) if shape else (np.float32(mean), np.float32(std))
        return norm

    def __repr__(self) -> str:
        extra = ", per_pixel=True" if self.per_pixel else ""
        return f"Normalizer({self.kind!r}{extra})"
