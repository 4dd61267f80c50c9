"""Whether one training batch fits in this machine's free memory, checked before training.

A full-batch CNN on 60,000 images needs gigabytes for its activations alone; without this check
it allocates until the machine swaps or NumPy raises MemoryError after minutes of work.
"""

from __future__ import annotations

import math

from nndesk.errors import ConfigError
from nndesk.i18n import N_, Message
from nndesk.nn.conv import Conv2D

#: Float32 arrays per activation value while training: the output and its gradient.
ARRAYS_PER_ACTIVATION = 2
#: Bytes an evaluation-mode pass over many images (features for the Why page's neighbours, the
#: Map) may hold in activations at once: a CNN's 500 images held ~350 MB (docs/performance.md)
FORWARD_BUDGET = 32 << 20


def batch_bytes(model, batch: int) -> int:
    """Bytes one training batch of ``batch`` images holds at once, roughly: every layer's output
    and its gradient, plus each convolution's im2col columns and their gradient (float32)."""
    per_image = 0
    shape = model.input_shape
    for layer in model.layers:
        out = tuple(layer.output_shape(shape))
        per_image += ARRAYS_PER_ACTIVATION * math.prod(out)
        if isinstance(layer, Conv2D):  # (c*k*k + 1) column rows per output position
            columns = layer.in_channels * layer.kernel_size**2 + 1
            per_image += ARRAYS_PER_ACTIVATION * columns * math.prod(out[1:])
        shape = out
    return 4 * per_image * int(batch)


def forward_batch(model, largest: int, budget: int = FORWARD_BUDGET) -> int:
    """Images per evaluation-mode forward pass (at most ``largest``, at least 1) whose
    activations (every layer's output and each convolution's columns, once) fit ``budget``."""
    per_image = max(1, batch_bytes(model, 1) // ARRAYS_PER_ACTIVATION)
    return max(1, min(int(largest), budget // per_image))


def free_bytes() -> int | None:
    """The memory the system can give without swapping (Linux ``MemAvailable``), lowered to the
    process's address-space limit (``ulimit -v``) when one is set; None when unknown."""
    free = _mem_available()
    limit = _address_space_limit()
    if limit is not None:
        free = limit if free is None else min(free, limit)
    return free


def _mem_available() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _address_space_limit() -> int | None:
    try:
        import resource  # not on Windows
    except ImportError:
        return None
    soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    return None if soft == resource.RLIM_INFINITY else int(soft)


def check_batch_fits(model, batch: int) -> None:
    """Raise ``ConfigError`` (one line) when a batch would need more than the free memory."""
    check_batches_fit([model], batch)


def check_batches_fit(models, batch: int) -> None:
    """``check_batch_fits`` for networks that hold a batch each at once (a race's lanes: each
    keeps its last batch's activations while the next lane trains)."""
    need = sum(batch_bytes(model, batch) for model in models)
    reason = refusal(need, batch, len(models))
    if reason is not None:
        raise ConfigError(reason)


def refusal(need: int, batch: int, networks: int = 1) -> str | None:
    """Why a batch of ``batch`` images needing ``need`` bytes cannot train here (one line), or
    None when it fits or the free memory is unknown."""
    free = free_bytes()
    if free is None or need <= free:
        return None
    if networks == 1:  # the window translates this one (a Message keeps its template)
        return Message(
            N_(
                "batch size {batch:,}: one batch of this network needs about {need:.1f} GB, "
                "more than the {free:.1f} GB free; use a smaller batch size"
            ),
            batch=batch,
            need=need / 1e9,
            free=free / 1e9,
        )
    return (
        f"batch size {batch:,}: one batch of each of these {networks} networks needs about "
        f"{need / 1e9:.1f} GB, more than the {free / 1e9:.1f} GB free; use a smaller batch size"
    )
