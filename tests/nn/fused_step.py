"""A conv and its 2x2 max-pool run through the fused methods, for the conv and Winograd tests."""

from __future__ import annotations

import numpy as np

from nndesk.nn.conv import Conv2D, MaxPool2D


class FusedStep:
    """Conv2D + MaxPool2D(2) run through the fused methods, shaped like one layer for
    ``check_layer_gradients``. ``winograd``: assert which path the forward took (None: either)."""

    def __init__(self, conv: Conv2D, winograd: bool | None = None) -> None:
        self.conv, self.pool, self.winograd = conv, MaxPool2D(2), winograd
        self.params, self.grads = conv.params, conv.grads

    def astype(self, dtype) -> None:
        self.conv.astype(dtype)
        self.params, self.grads = self.conv.params, self.conv.grads

    def forward(self, x, training=False):
        out = self.conv.forward_fused(x, self.pool)
        if self.winograd is not None:
            assert (self.conv._winograd is not None) == self.winograd  # noqa: SLF001
        return out

    def backward(self, grad_out):
        return self.conv.backward_fused(grad_out, self.pool)


def check_each_layer_goes_back_on_its_own(step: FusedStep, seed: int, dtype, rtol, atol) -> None:
    """After a fused forward, the pool's and then the conv's own backward give the fused
    backward's input gradient and parameter gradients."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, step.conv.in_channels, 9, 9)).astype(dtype)
    g = rng.standard_normal((2, step.conv.out_channels, 3, 3)).astype(dtype)
    step.forward(x)
    fused_dx = np.array(step.backward(g.copy()))
    fused_grads = {name: grad.copy() for name, grad in step.conv.grads.items()}
    step.forward(x)
    plain_dx = step.conv.backward(step.pool.backward(g.copy()))
    np.testing.assert_allclose(plain_dx, fused_dx, rtol=rtol, atol=atol)
    for name, grad in step.conv.grads.items():
        np.testing.assert_allclose(grad, fused_grads[name], rtol=rtol, atol=atol)
