"""Per-channel batch normalisation of NCHW images (``BatchNorm2D``), in plain NumPy."""

from __future__ import annotations

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn.layers import Layer


class BatchNorm2D(Layer):
    """Per-channel batch normalisation of NCHW input.

    Training normalises with the batch's mean and (biased) variance over ``(n, h, w)`` and updates
    ``running = momentum * running + (1 - momentum) * batch`` (variance: the unbiased estimate);
    evaluation uses the running statistics. Params ``gamma``, ``beta`` ``(c,)``; the running
    statistics are state, not parameters: ``self.buffers["running_mean"|"running_var"]``.
    """

    couples_samples = True  # the batch's mean and variance

    def __init__(self, channels: int, momentum: float = 0.9, eps: float = 1e-5) -> None:
        super().__init__()
        if int(channels) != channels or channels < 1:
            raise ConfigError(f"BatchNorm2D channels must be an integer >= 1, got {channels!r}")
        if not 0.0 <= momentum < 1.0:
            raise ConfigError(f"BatchNorm2D momentum must be in [0, 1), got {momentum!r}")
        if not eps > 0:
            raise ConfigError(f"BatchNorm2D eps must be > 0, got {eps!r}")
        self.channels, self.momentum, self.eps = int(channels), float(momentum), float(eps)
        self.params["gamma"] = np.ones(self.channels, np.float32)
        self.params["beta"] = np.zeros(self.channels, np.float32)
        self.grads = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.buffers: dict[str, np.ndarray] = {
            "running_mean": np.zeros(self.channels, np.float32),
            "running_var": np.ones(self.channels, np.float32),
        }
        self._cache: tuple | None = None

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if input_shape[0] != self.channels:
            raise ConfigError(f"BatchNorm2D expects {self.channels} channels, got {input_shape[0]}")
        return input_shape

    @classmethod
    def array_shapes(cls, config: dict) -> dict[str, tuple[int, ...]]:
        c = (int(config["channels"]),)
        return {
            "param/gamma": c,
            "param/beta": c,
            "buffer/running_mean": c,
            "buffer/running_var": c,
        }

    def config(self) -> dict:
        return {
            "type": "BatchNorm2D",
            "channels": self.channels,
            "momentum": self.momentum,
            "eps": self.eps,
        }

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """``(n, c, h, w) -> (n, c, h, w)``."""
        if x.ndim != 4 or x.shape[1] != self.channels:
            raise ConfigError(f"BatchNorm2D expects (n, {self.channels}, h, w), got {x.shape}")
        axes = (0, 2, 3)
        if training:
            m = x.shape[0] * x.shape[2] * x.shape[3]
            mean = x.mean(axis=axes)  # (c,)
            xc = x - mean[:, None, None]
            var = np.mean(xc * xc, axis=axes)  # biased, as used for normalising
            rm, rv = self.buffers["running_mean"], self.buffers["running_var"]
            mom = self.momentum
            rm[...] = mom * rm + (1 - mom) * mean
            rv[...] = mom * rv + (1 - mom) * var * (m / max(m - 1, 1))
        else:
            mean = self.buffers["running_mean"].astype(x.dtype)
            var = self.buffers["running_var"].astype(x.dtype)
            xc = x - mean[:, None, None]
        inv_std = (1.0 / np.sqrt(var + self.eps)).astype(xc.dtype)  # (c,)
        xhat = xc * inv_std[:, None, None]
        self._cache = (xhat, inv_std, training)
        return xhat * self.params["gamma"][:, None, None] + self.params["beta"][:, None, None]

    def backward(self, grad_out: np.ndarray) -> np.ndarray:
        """``(n, c, h, w) -> (n, c, h, w)``; fills ``grads["gamma"]`` and ``grads["beta"]``."""
        if self._cache is None:
            raise RuntimeError("BatchNorm2D.backward called before forward")
        xhat, inv_std, training = self._cache
        axes = (0, 2, 3)
        self.grads["beta"][...] = grad_out.sum(axis=axes)
        self.grads["gamma"][...] = (grad_out * xhat).sum(axis=axes)
        scale = (self.params["gamma"] * inv_std)[:, None, None]  # (c, 1, 1)
        if not training:  # running stats are constants: the map is affine per channel
            return grad_out * scale
        # batch stats depend on x: remove the gradient's mean and its projection on xhat
        g_mean = grad_out.mean(axis=axes)[:, None, None]
        gx_mean = (grad_out * xhat).mean(axis=axes)[:, None, None]
        return scale * (grad_out - g_mean - xhat * gx_mean)
