"""The shared memory a batch split over processes trains in (``process_split``): where each
array of a segment sits (``Layout``), and the run's parameters, every part's gradient and the
optimizer's flat state in one segment (``SharedState``), with ``bind`` to make a helper's copy of
the model train on them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from nndesk.training.segments import Segment, new_segment, remove_segment

if TYPE_CHECKING:
    from multiprocessing.shared_memory import SharedMemory

    from nndesk.nn.model import Sequential
    from nndesk.nn.optimizers import Optimizer, StepInRanges

#: Arrays in a segment start on cache lines.
ALIGN = 64


@dataclass(frozen=True)
class Layout:
    """Where each array of a segment sits: ``(name, offset, shape, dtype)``."""

    fields: tuple[tuple[str, int, tuple[int, ...], str], ...]
    size: int

    @classmethod
    def of(cls, arrays: list[tuple[str, tuple[int, ...], str]]) -> Layout:
        fields, offset = [], 0
        for name, shape, dtype in arrays:
            fields.append((name, offset, shape, dtype))
            nbytes = int(np.prod(shape, dtype=np.int64)) * np.dtype(dtype).itemsize
            offset += -(-nbytes // ALIGN) * ALIGN
        return cls(tuple(fields), max(offset, 1))

    def views(self, buf: memoryview | None) -> dict[str, np.ndarray]:
        """The segment's arrays, as NumPy views of ``buf`` (the segment's memory)."""
        if buf is None:
            raise ValueError("the shared memory segment is closed")
        return {
            name: np.ndarray(shape, dtype, buffer=buf, offset=offset)
            for name, offset, shape, dtype in self.fields
        }


def bind(model: Sequential, params: np.ndarray, grads: np.ndarray) -> None:
    """Make ``model``'s parameters and gradients views of the flat ``params`` and ``grads``
    (``parameters()`` order, as ``Sequential.flatten_parameters`` lays them out)."""
    offset = 0
    for layer in model.layers:
        for name, param in layer.params.items():
            end = offset + param.size
            layer.params[name] = params[offset:end].reshape(param.shape)
            layer.grads[name] = grads[offset:end].reshape(param.shape)
            offset = end


class SharedState:
    """The run's parameters, each part's gradient (``grads{i}``) and the optimizer's flat state
    (``slot_<name>``) in one shared segment, for the life of a ``ProcessSplit`` (the caller's
    side): the model's arrays and the optimizer's are views of it until ``give_back``."""

    def __init__(self, model: Sequential, parts: int, optimizer: Optimizer | None) -> None:
        params = model.parameters()
        dtype = np.result_type(*(p for _, p, _ in params)).str
        size = sum(p.size for _, p, _ in params)
        slots = optimizer.slots if optimizer is not None else ()
        self.layout = Layout.of(
            [
                ("params", (size,), dtype),
                *((f"grads{i}", (size,), dtype) for i in range(parts)),
                *((f"slot_{slot}", (size,), dtype) for slot in slots),
            ]
        )
        # the first parameter: a model flattened again elsewhere no longer trains on the segment
        self._first = next((layer, name) for layer in model.layers for name in layer.params)
        self.optimizer: Optimizer | None = None  # the one whose state is here
        self.arrays: dict[str, np.ndarray] = {}
        self.grads: list[np.ndarray] = []  # each part's flat gradient, (size,)
        self.segment: Segment | SharedMemory | None = new_segment(self.layout.size)
        try:
            self.arrays = self.layout.views(self.segment.buf)
            self.grads = [self.arrays[f"grads{i}"] for i in range(parts)]
            model.flatten_parameters(into=(self.arrays["params"], self.grads[0]))
            if optimizer is not None:
                buffers = {slot: self.arrays[f"slot_{slot}"] for slot in slots}
                if optimizer.place_flat_slots(model.parameters(), buffers):
                    self.optimizer = optimizer
        except BaseException:  # the model goes on in its own memory; nothing left in /dev/shm
            self.give_back(model)
            raise

    def holds(self, model: Sequential) -> bool:
        """Whether ``model``'s parameters and gradients are still the segment's."""
        layer, name = self._first
        return (
            self.segment is not None
            and "params" in self.arrays
            and layer.params[name].base is self.arrays["params"]
            and layer.grads[name].base is self.grads[0]
        )

    def steps(self, step: StepInRanges) -> bool:
        """Whether ``step`` moves the segment's buffers (its optimizer's state lives here)."""
        optimizer = self.optimizer
        return (
            optimizer is not None
            and step.optimizer is optimizer
            and step.params is self.arrays["params"]
            and step.grad is self.grads[0]
            and all(step.slots.get(s) is self.arrays[f"slot_{s}"] for s in optimizer.slots)
        )

    def give_back(self, model: Sequential) -> None:
        """Move the model's parameters and gradients, and the optimizer's state, into this
        process's own memory (if they are still here), then remove the segment."""
        if self.segment is None:
            return
        try:
            if self.holds(model):
                flat = self.arrays["params"]
                model.flatten_parameters(into=(np.empty_like(flat), np.empty_like(flat)))
                if self.optimizer is not None:
                    own = {slot: np.empty_like(flat) for slot in self.optimizer.slots}
                    self.optimizer.place_flat_slots(model.parameters(), own)
        finally:
            self.arrays, self.grads = {}, []  # NumPy views pin the segment's memory
            remove_segment(self.segment)
            self.segment = None
