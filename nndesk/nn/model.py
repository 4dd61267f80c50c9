"""Sequential: a list of layers with forward, backward, batched prediction and a summary table."""

from __future__ import annotations

import copy

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn import aligned, split_batch
from nndesk.nn.activations import sigmoid, softmax
from nndesk.nn.layers import Layer
from nndesk.nn.losses import Loss
from nndesk.nn.optimizers import StepInRanges
from nndesk.nn.registry import layer_from_config
from nndesk.nn.split_batch import BatchSplit

OUTPUTS = ("softmax", "sigmoid", "linear")


class Sequential:
    """Layers applied in order to ``float32 (n, *input_shape)``; ``forward`` returns logits.

    Parameters
    ----------
    layers : list[Layer]
    input_shape : tuple
        Per-sample input shape, ``(784,)`` for every nndesk model.
    output : str
        The activation ``predict_proba`` applies to the logits: "softmax" | "sigmoid" | "linear".
    """

    def __init__(
        self, layers: list[Layer], input_shape: tuple[int, ...] = (784,), output: str = "softmax"
    ) -> None:
        if output not in OUTPUTS:
            raise ConfigError(f"unknown output {output!r}; choose one of {', '.join(OUTPUTS)}")
        if not layers:
            raise ConfigError("a model needs at least one layer")
        self.layers = list(layers)
        self.input_shape = tuple(int(s) for s in input_shape)
        self.output = output
        self._fused: list[int] = []  # see forward
        self._split: BatchSplit | None = None  # the last training batch's split, see forward
        self.summary_rows()  # validates that the layer shapes chain

    def __getstate__(self) -> dict:
        # copies (snapshot, astype) leave a split's per-thread copies of the layers behind
        return {**self.__dict__, "_split": None}

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """Logits ``(n, k)`` for ``x`` of shape ``(n, *input_shape)``; caches for ``backward``.

        In training, a layer that ``fuses_with`` the next runs both as one step (a conv and its
        2x2 max-pool; the same numbers, fewer passes over memory) and ``backward`` follows. A
        training batch is split by samples over this thread's ``parallel.threads()`` when
        ``split_batch.parts_for`` says so (the same numbers, each part on its own thread).
        """
        parts = split_batch.parts_for(self, x.shape[0]) if training else 1
        if parts > 1:
            if self._split is None or not self._split.fits(self, parts):
                self._split = split_batch.BatchSplit(self, parts)
            return self._split.forward(x)
        self._split = None  # its copies hold a batch's caches and scratch: let them go
        self._fused = []  # index of each fused pair's first layer in this forward
        layers, i = self.layers, 0
        while i < len(layers):
            layer = layers[i]
            if training and i + 1 < len(layers) and layer.fuses_with(layers[i + 1]):
                x = layer.forward_fused(x, layers[i + 1])
                self._fused.append(i)
                i += 2
            else:
                x = layer.forward(x, training=training)
                i += 1
        return x

    def backward(self, grad_logits: np.ndarray, input_grad: bool = True) -> np.ndarray | None:
        """Fill every layer's grads from dL/dlogits ``(n, k)``; return dL/dx ``(n, *input_shape)``.

        ``input_grad=False`` (training) stops at the first layer with parameters and returns None:
        dL/dx is never needed there, and for 784-784-10 it is a third of the backward matmuls.
        The caller's array is copied once because layers may overwrite the gradient they receive.
        """
        if self._split is not None:  # the forward was split: so is the backward
            return self._split.backward(grad_logits, input_grad)
        grad = np.array(grad_logits, copy=True)
        first = 0
        if not input_grad:
            first = next((i for i, layer in enumerate(self.layers) if layer.params), 0)
        fused = set(self._fused)
        i = len(self.layers) - 1
        while i >= first:
            start = i - 1 if i - 1 in fused else i  # a fused pair goes back as one step
            layer = self.layers[start]
            last = start == first and not input_grad
            if last:
                layer.skip_input_grad = True
            try:
                if start < i:
                    grad_in = layer.backward_fused(grad, self.layers[i])
                else:
                    grad_in = layer.backward(grad)
            finally:
                if last:
                    layer.skip_input_grad = False
            if last:
                return None
            assert grad_in is not None  # only the layer told to skip its input gradient skips it
            grad, i = grad_in, start - 1
        return grad

    def train_step(
        self, x: np.ndarray, labels: np.ndarray, loss: Loss, step: StepInRanges | None = None
    ) -> tuple[np.ndarray, float]:
        """One training batch's ``forward``, ``loss`` and ``backward`` (no input gradient): the
        logits ``(n, k)`` and the loss. The gradients are then in every layer's ``grads``.

        A batch split over threads (``forward``) goes through it in one go: each part takes its
        rows' share of the loss and goes back at once, so the parts meet once per batch, not
        twice (the per-row gradient needs only its own row's logits). Such a batch also takes
        the optimizer's ``step`` when one is given: its parts sum the gradient and update the
        parameters, each on a range of them (``step.began`` then says whether it was taken; a
        batch not split leaves it to the caller).
        """
        parts = split_batch.parts_for(self, x.shape[0])
        if parts > 1:
            if self._split is None or not self._split.fits(self, parts):
                self._split = split_batch.BatchSplit(self, parts)
            return self._split.train_step(x, labels, loss, step)
        logits = self.forward(x, training=True)
        value = loss(logits, labels)
        self.backward(loss.backward(), input_grad=False)
        return logits, value

    def batch_copies(self, layer: Layer) -> list[Layer]:
        """The layers that ran ``layer`` (one of this model's) on the last training batch:
        ``[layer]`` itself, or its copy in every part when the batch was split over threads,
        each holding its part's caches (a ReLU's mask: ``internals.Watcher``)."""
        return [layer] if self._split is None else self._split.copies_of(layer)

    def activate(self, logits: np.ndarray) -> np.ndarray:
        """Apply the model's output activation to logits ``(n, k)``."""
        if self.output == "softmax":
            return softmax(logits)
        if self.output == "sigmoid":
            return sigmoid(logits)
        return logits

    def predict_proba(self, x: np.ndarray, batch_size: int = 2048) -> np.ndarray:
        """Output probabilities ``float32 (n, k)`` in eval mode, ``batch_size`` rows at a time."""
        x = np.asarray(x)
        n = x.shape[0]
        out = None
        for start in range(0, n, batch_size):
            proba = self.activate(self.forward(x[start : start + batch_size], training=False))
            if out is None:
                out = np.empty((n, proba.shape[1]), dtype=np.float32)
            out[start : start + batch_size] = proba
        if out is None:  # no rows: still the right number of columns
            out = np.empty((0, self.summary_rows()[-1][1][0]), dtype=np.float32)
        return out

    def predict(self, x: np.ndarray, batch_size: int = 2048) -> np.ndarray:
        """Predicted class indices ``int64 (n,)``."""
        return np.argmax(self.predict_proba(x, batch_size), axis=1).astype(np.int64)

    def parameters(self) -> list[tuple[str, np.ndarray, np.ndarray]]:
        """``("<layer index>/<param name>", param, grad)`` for every parameter, in layer order."""
        return [
            (f"{i}/{name}", param, layer.grads[name])
            for i, layer in enumerate(self.layers)
            for name, param in layer.params.items()
        ]

    def flatten_parameters(
        self, into: tuple[np.ndarray, np.ndarray] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Move every parameter and gradient into one contiguous buffer each, in ``parameters()``
        order; the layers keep views of their own shapes. An optimizer then updates the whole
        network with a handful of NumPy calls instead of a handful per parameter array.

        Returns the flat ``(params, grads)`` buffers: new ones (the gradients zeroed), or
        ``into`` (1-D, ``param_count()`` entries each; the gradients copied in too: another
        process's shared memory, ``process_split``). Layers must write their gradients in
        place (they do: ``out=`` / ``[...] =``), or the views would be dropped.
        """
        entries = [(layer, name) for layer in self.layers for name in layer.params]
        if not entries:
            return np.empty(0, np.float32), np.empty(0, np.float32)
        if into is None:
            dtype = np.result_type(*(layer.params[name] for layer, name in entries))
            total = sum(layer.params[name].size for layer, name in entries)
            # aligned: the layers' arrays and the optimizer's passes start on a cache line
            flat_params, flat_grads = aligned.empty(total, dtype), aligned.zeros(total, dtype)
        else:
            flat_params, flat_grads = into
        offset = 0
        for layer, name in entries:
            param, grad = layer.params[name], layer.grads.get(name)
            end = offset + param.size
            flat_params[offset:end] = param.ravel()
            if into is not None and grad is not None:
                flat_grads[offset:end] = grad.ravel()
            layer.params[name] = flat_params[offset:end].reshape(param.shape)
            layer.grads[name] = flat_grads[offset:end].reshape(param.shape)
            offset = end
        return flat_params, flat_grads

    def summary_rows(self) -> list[tuple[str, tuple, int]]:
        """``(layer name, per-sample output shape, parameter count)`` per layer."""
        rows = []
        shape = self.input_shape
        for layer in self.layers:
            shape = tuple(layer.output_shape(shape))
            rows.append((layer.name, shape, sum(int(p.size) for p in layer.params.values())))
        return rows

    def param_count(self) -> int:
        """Total number of trainable values."""
        return sum(int(p.size) for layer in self.layers for p in layer.params.values())

    def summary(self) -> str:
        """A Keras-like table: layer, output shape, params; then the total as a visible sum."""
        rows = self.summary_rows()
        lines = [f"{'Layer':<16}{'Output shape':<20}{'Params':>12}", "-" * 48]
        lines.append(f"{'Input':<16}{str(self.input_shape):<20}{0:>12,}")
        for i, (name, shape, count) in enumerate(rows):
            lines.append(f"{f'{i} {name}':<16}{str(shape):<20}{count:>12,}")
        lines.append("-" * 48)
        counts = [c for _, _, c in rows if c]
        total = self.param_count()
        sum_text = " + ".join(f"{c:,}" for c in counts)
        if len(counts) > 1:
            lines.append(f"Total params: {sum_text} = {total:,}")
        else:
            lines.append(f"Total params: {total:,}")
        return "\n".join(lines)

    def config(self) -> dict:
        """JSON-able description, enough for ``from_config`` to rebuild the model (no params)."""
        return {
            "layers": [layer.config() for layer in self.layers],
            "input_shape": list(self.input_shape),
            "output": self.output,
        }

    @classmethod
    def from_config(cls, cfg: dict) -> Sequential:
        """Rebuild a model from ``config()``; parameters are freshly initialised."""
        try:
            layers = [layer_from_config(c) for c in cfg["layers"]]
            return cls(layers, input_shape=tuple(cfg["input_shape"]), output=cfg["output"])
        except (KeyError, TypeError) as err:
            raise ConfigError(f"bad model config: missing or malformed {err}") from None

    def snapshot(self) -> Sequential:
        """An independent copy for another thread (live prediction while training goes on).

        Parameters and layer state (batch-norm statistics, dropout generators) are copied once;
        what a layer cached from the last batch (attributes starting with ``_``) is left behind
        and the gradients start as zeros, so a snapshot costs about one copy of the weights.
        """
        memo: dict[int, object] = {}
        for layer in self.layers:
            for name, value in vars(layer).items():
                cached = value if isinstance(value, tuple) else (value,)
                if name.startswith("_"):
                    for item in cached:
                        if isinstance(item, np.ndarray):
                            memo[id(item)] = None
            for grad in layer.grads.values():
                memo[id(grad)] = np.zeros_like(grad)
        return copy.deepcopy(self, memo)

    def astype(self, dtype: np.dtype | type) -> Sequential:
        """A deep copy with every parameter (and gradient) in ``dtype``."""
        clone = copy.deepcopy(self)
        for layer in clone.layers:
            layer.astype(dtype)
        return clone
