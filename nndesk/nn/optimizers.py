"""Optimizers that update parameters in place; their state (velocities, moments) lives here.

Every optimizer follows the same recipe per step:

1. clip: if ``clip_norm`` is set and the global gradient norm exceeds it, scale all gradients
   by ``clip_norm / norm`` (the layers' grad arrays are left untouched);
2. L2 weight decay: add ``weight_decay * param`` to the gradient of every weight array
   (``ndim >= 2``: Dense and conv kernels; biases, PReLU slopes and batch-norm scales are not
   decayed). AdamW instead decays the weights directly (decoupled);
3. the rule below, written into the parameter array itself with preallocated buffers.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from nndesk.errors import ConfigError
from nndesk.nn import aligned, parallel

Params = list[tuple[str, np.ndarray, np.ndarray]]


def _offset(view: np.ndarray, base: np.ndarray) -> int:
    """Element offset of ``view``'s first element inside the 1-D ``base``."""
    start = view.__array_interface__["data"][0] - base.__array_interface__["data"][0]
    return start // base.itemsize if view.flags.c_contiguous else -1


def _signature(params: Params) -> tuple[int, ...]:
    """Which arrays ``params`` holds: the ids of every parameter, then of every gradient."""
    return tuple(id(p) for _, p, _ in params) + tuple(id(g) for _, _, g in params)


#: A decaying state slot (momentum's velocity, Adam's sums, RMSProp's mean square) is cleared of
#: values below this many times its dtype's smallest normal number now and then
#: (``_flush_tiny``), so it never holds subnormal numbers: an entry whose gradient stays zero (a
#: dead ReLU unit's weights) decays by ``beta`` every step, and after about 800 of Adam's
#: ``beta1`` = 0.9 it falls below the smallest normal float32. x86 cores then take a microcode
#: path for every operation on it, many times slower (Adam's update of ``fashion-cnn`` slowed
#: several-fold once a quarter of one slot was subnormal: docs/performance.md). The cleared
#: values are far too small to move a parameter (see ``_flush_tiny``), so the updates stay the
#: same.
_FLUSH_MARGIN = 2.0**20


def _flush_every(decay: float) -> int:
    """Steps between two ``_flush_tiny`` of a slot that decays by ``decay`` a step: over that
    many steps a value at the flush bound stays normal (``decay ** steps >= 1 / _FLUSH_MARGIN``).
    0 (never) for a slot that does not decay geometrically."""
    if not 0.0 < decay < 1.0:
        return 0
    return max(1, int(math.log(_FLUSH_MARGIN) / -math.log(decay)))


def _flush_tiny(slot: np.ndarray, decay: float, t: int, scratch: np.ndarray) -> None:
    """At every ``_flush_every(decay)``-th step ``t``, set to zero the entries of ``slot`` below
    ``_FLUSH_MARGIN`` times the smallest normal number (float32: 1.2e-32), before they decay into
    subnormals. Such an entry moves a parameter by at most about 1e4 times itself (Adam's
    ``lr / eps`` with the defaults), less than half a float32 ulp of any parameter above 1e-20,
    and under a square root (``v_sum``, ``s``) it is below half an ulp of ``eps``: the
    parameters are the same to the last bit. ``scratch`` is overwritten."""
    every = _flush_every(decay)
    if every == 0 or t % every != 0:
        return
    np.abs(slot, out=scratch)
    np.copyto(slot, 0, where=scratch < np.finfo(slot.dtype).tiny * _FLUSH_MARGIN)


#: Parameters below this in magnitude are set to zero after every step with a weight decay
#: (``flush_small_parameters``), in float32: 2^-40, about 9.1e-13. Not only subnormal numbers
#: cost: a weight or PReLU slope of 1e-32 multiplies gradients of 1e-3 into 1e-35, and every
#: product of those with the layer's inputs is subnormal. The PReLU lab's slopes sat at 1.5e-32
#: by epoch 20 and its first layer's weight gradient was an order of magnitude slower; clearing
#: below 2^-64 was not enough, below 2^-40 was (docs/performance.md).
#: A parameter that small moves no output that matters: times an input of 10 it is below half a
#: float32 ulp of any sum above 2e-4, and it is one the decay is pulling to zero anyway.
FLOAT32_PARAM_FLOOR = 2.0**-40


def param_floor(dtype: np.dtype) -> float:
    """Parameters smaller than this in magnitude are set to zero after every step with a weight
    decay (``flush_small_parameters``): ``FLOAT32_PARAM_FLOOR`` for float32 (and narrower),
    2^20 times the smallest normal number for float64 (only tests train in float64)."""
    if np.dtype(dtype).itemsize <= 4:
        return FLOAT32_PARAM_FLOOR
    return float(np.finfo(dtype).tiny) * _FLUSH_MARGIN


def flush_small_parameters(param: np.ndarray, scratch: np.ndarray) -> None:
    """Set the entries of ``param`` below ``param_floor`` in magnitude to zero, so neither the
    parameters nor their products with the gradients are subnormal numbers. L2 decay (or
    AdamW's) drives the weights of a unit that gets no other gradient towards zero, and after
    some thousand steps they are subnormal; then every product through them takes the x86
    microcode path: the PReLU lab (fashion-prelu-l2) slowed 15x by epoch 11, where 3,129
    subnormal weights in its first layer made ``x @ W`` take 9.46 ms instead of 0.75 ms, and
    its slopes near zero made the gradients' products subnormal (docs/performance.md). The
    optimizers call it after every step that has a weight decay (without one nothing pulls the
    weights to zero), not every so many steps: once a weight is cleared, the optimizer's state
    (a velocity, Adam's sums) still moves it by tiny amounts, and those reach the subnormals
    within a few steps. A step that finds nothing to clear costs three passes over the
    parameters that write only ``scratch`` (overwritten; same shape and dtype): 0.16 ms, 5 % of
    a training step of that lab's network on one thread (benchmarks/bench_param_flush.py). The
    exported script clears the same entries."""
    bits = scratch.view(_UNSIGNED[param.dtype.itemsize])
    # |param|'s bits minus one, as unsigned: 0 wraps to the largest, so it is never "small"
    np.bitwise_and(param.view(bits.dtype), _NO_SIGN[param.dtype.itemsize], out=bits)
    bits -= 1
    floor = param_floor(param.dtype)
    if bits.min() < np.array(floor, param.dtype).view(bits.dtype) - 1:
        np.abs(param, out=scratch)
        np.copyto(param, 0, where=scratch < floor)


_UNSIGNED: dict[int, np.dtype] = {
    2: np.dtype(np.uint16),
    4: np.dtype(np.uint32),
    8: np.dtype(np.uint64),
}
_NO_SIGN: dict[int, np.unsignedinteger] = {
    2: np.uint16(0x7FFF),
    4: np.uint32(0x7FFF_FFFF),
    8: np.uint64(0x7FFF_FFFF_FFFF_FFFF),
}


class Optimizer:
    """Base class. ``lr`` may change between steps (schedules, the GUI's learning-rate field)."""

    name = "sgd"
    slots: tuple[str, ...] = ()
    hyper_names: tuple[str, ...] = ()
    decoupled = False  # AdamW: weight decay acts on the weights, not through the gradient

    def __init__(
        self, lr: float, weight_decay: float = 0.0, clip_norm: float | None = None
    ) -> None:
        if not lr > 0 or not math.isfinite(lr):
            raise ConfigError(f"learning rate must be a positive number, got {lr}")
        if weight_decay < 0:
            raise ConfigError(f"weight decay must be >= 0, got {weight_decay}")
        if clip_norm is not None and not clip_norm > 0:
            raise ConfigError(f"clip norm must be positive, got {clip_norm}")
        self.lr = float(lr)
        self.weight_decay = float(weight_decay)
        self.clip_norm = None if clip_norm is None else float(clip_norm)
        self.t = 0  # steps taken
        self.state: dict[str, dict[str, np.ndarray]] = {}
        self._scratch: dict[str, np.ndarray] = {}
        # (signature, fused buffers, the params list they were built for), see _fused
        self._fused_cache: tuple[tuple[int, ...], tuple, Params] | None = None

    # -- the per-parameter rule, implemented by subclasses -------------------------------------
    def _update(
        self, slots: dict[str, np.ndarray], param: np.ndarray, grad: np.ndarray, tmp: np.ndarray
    ) -> None:
        """Move ``param`` in place using ``grad`` and its ``slots`` (velocities, moments);
        ``tmp`` is a scratch array shaped like it."""
        np.multiply(grad, self.lr, out=tmp)
        param -= tmp

    def _decoupled_decay(self, param: np.ndarray) -> None:
        """Hook for AdamW; coupled (L2) decay is applied to the gradient instead."""

    def renamed_slot(self, slot: str) -> tuple[str, float] | None:
        """For a slot name older files used: ``(today's slot, divide the old array by this)``."""
        return None

    def knows_slot(self, slot: str) -> bool:
        """Whether ``load_state_dict`` accepts a ``"<key>/<slot>"`` entry (today's or older)."""
        return slot in self.slots or self.renamed_slot(slot) is not None

    # -- shared machinery ----------------------------------------------------------------------
    def _buffers(self, key: str, param: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
        slots = self.state.get(key)
        if slots is None or any(s not in slots for s in self.slots):
            slots = {s: aligned.zeros_like(param) for s in self.slots}
            self.state[key] = slots
        for s, arr in slots.items():
            if arr.shape != param.shape:
                raise ConfigError(
                    f"optimizer state {key}/{s} has shape {arr.shape}, parameter has {param.shape}"
                )
            if arr.dtype != param.dtype:  # e.g. state loaded as float64 for a float32 model
                slots[s] = arr.astype(param.dtype)
        tmp = self._scratch.get(key)
        if tmp is None or tmp.shape != param.shape or tmp.dtype != param.dtype:
            tmp = self._scratch[key] = aligned.empty_like(param)
        return slots, tmp

    def _clip_scale(self, params: Params) -> float:
        if self.clip_norm is None:
            return 1.0
        sq = sum(float(np.vdot(g, g)) for _, _, g in params)
        norm = math.sqrt(sq)
        return self.clip_norm / norm if norm > self.clip_norm else 1.0

    def step(self, params: Params) -> None:
        """Apply one update to every ``(key, param, grad)``, in place.

        When the parameters and gradients are consecutive views of one buffer each
        (``Sequential.flatten_parameters``), the whole network moves in one update.
        """
        self.t += 1
        fused = self._fused(params)
        if fused is not None:
            self._fused_step(*fused)
            return
        scale = self._clip_scale(params)
        decay_grad = self.weight_decay > 0 and not self.decoupled
        for key, param, grad in params:
            slots, tmp = self._buffers(key, param)
            g = grad
            if scale != 1.0 or (decay_grad and param.ndim >= 2):
                scratch = self._scratch.get(key + "#g")
                if scratch is None or scratch.shape != param.shape or scratch.dtype != param.dtype:
                    scratch = self._scratch[key + "#g"] = aligned.empty_like(param)
                g = scratch
                np.multiply(grad, scale, out=g)
                if decay_grad and param.ndim >= 2:
                    np.multiply(param, self.weight_decay, out=tmp)
                    g += tmp
            if self.decoupled and self.weight_decay > 0 and param.ndim >= 2:
                self._decoupled_decay(param)
            self._update(slots, param, g, tmp)
            if self.weight_decay > 0:
                flush_small_parameters(param, tmp)

    # -- one update for a network whose parameters share one buffer ----------------------------
    def _fused(self, params: Params):
        """``(flat params, flat grads)`` if ``params`` tile one buffer each in order, else None.

        The per-key state slots are then views of flat slot buffers, so ``state_dict`` and
        ``load_state_dict`` see the same arrays either way.
        """
        if not params:
            return None
        cached = self._fused_cache
        if cached is not None and self._slots_are_views(params):
            # the training loop passes the same list every step: then skip building its signature
            if cached[2] is params and len(cached[0]) == 2 * len(params):
                return cached[1]
            signature = _signature(params)
            if cached[0] == signature:
                return cached[1]
        else:
            signature = _signature(params)
        flat_p, flat_g = params[0][1].base, params[0][2].base
        if flat_p is None or flat_g is None or flat_p.ndim != 1 or flat_g.ndim != 1:
            return None
        offset = 0
        for _, p, g in params:
            if p.base is not flat_p or g.base is not flat_g or p.dtype != flat_p.dtype:
                return None
            if _offset(p, flat_p) != offset or _offset(g, flat_g) != offset:
                return None
            offset += p.size
        if offset != flat_p.size or flat_g.size != flat_p.size:
            return None
        # flat slots, seeded with any state already held per key (a resumed optimizer)
        flat_slots = {}
        for slot in self.slots:
            flat = aligned.zeros_like(flat_p)
            start = 0
            for key, p, _ in params:
                view = flat[start : start + p.size].reshape(p.shape)
                old = self.state.get(key, {}).get(slot)
                if old is not None and old.shape == p.shape:
                    view[...] = old
                self.state.setdefault(key, {})[slot] = view
                start += p.size
            flat_slots[slot] = flat
        decay_mask = aligned.zeros_like(flat_p)  # 1 on weight arrays (ndim >= 2), 0 elsewhere
        start = 0
        for _, p, _ in params:
            if p.ndim >= 2:
                decay_mask[start : start + p.size] = 1
            start += p.size
        fused = (flat_p, flat_g, flat_slots, decay_mask, aligned.empty_like(flat_p))
        self._fused_cache = (signature, fused, params)
        return fused

    def place_flat_slots(
        self, params: Params, buffers: dict[str, np.ndarray], keep: bool = True
    ) -> bool:
        """Make ``buffers[slot]`` (1-D, one entry per parameter value) the flat slot buffers of
        ``params``' one-buffer update, every per-key slot a view of them: the state then lives
        where the caller chose (another process's shared memory: ``process_split``).
        ``keep``: copy the current state in first; else take ``buffers``' values as they are
        (another optimizer keeps them there). False when ``params`` are not flat buffers
        (``Sequential.flatten_parameters``)."""
        fused = self._fused(params)
        if fused is None:
            return False
        flat_p, flat_g, flat_slots, decay_mask, tmp = fused
        for slot in self.slots:
            buffer = buffers[slot]
            if keep:
                buffer[...] = flat_slots[slot]
            start = 0
            for key, p, _ in params:
                self.state[key][slot] = buffer[start : start + p.size].reshape(p.shape)
                start += p.size
        placed = {slot: buffers[slot] for slot in self.slots}
        self._fused_cache = (_signature(params), (flat_p, flat_g, placed, decay_mask, tmp), params)
        return True

    def _slots_are_views(self, params: Params) -> bool:
        # load_state_dict replaces the per-key arrays: then the flat slots must be rebuilt
        for slot in self.slots:
            key, p, _ = params[0]
            arr = self.state.get(key, {}).get(slot)
            if arr is None or arr.base is None or p.base is None or arr.base.size != p.base.size:
                return False
        return True

    def _fused_step(self, flat_p, flat_g, flat_slots, decay_mask, tmp) -> None:
        scale = 1.0
        if self.clip_norm is not None:
            norm = math.sqrt(float(np.vdot(flat_g, flat_g)))
            scale = self.clip_norm / norm if norm > self.clip_norm else 1.0
        update = self._range_update(flat_p, flat_g, flat_slots, decay_mask, tmp, scale)
        # every step after the clip is elementwise, so ranges of the buffers are independent: a
        # run whose passes are split over threads (a CNN's split batch) updates in ranges there
        passes = 3 + len(flat_slots)  # arrays touched: params, gradient, scratch and the slots
        parallel.map_parts(update, flat_p.size, passes * flat_p.size)

    def _range_update(
        self, flat_p, flat_g, flat_slots, decay_mask, tmp, scale: float
    ) -> Callable[[slice], None]:
        """The step on entries ``part`` of every flat buffer, as ``update(part)``, the
        gradient scaled by ``scale`` (the clip) first."""
        decay = self.weight_decay > 0
        g = flat_g
        if scale != 1.0 or (decay and not self.decoupled):
            g = self._scratch.get("#flat_g")
            if g is None or g.shape != flat_g.shape:
                g = self._scratch["#flat_g"] = aligned.empty_like(flat_g)

        def update(part: slice) -> None:  # entries ``part`` of every flat buffer
            p, grad, t = flat_p[part], g[part], tmp[part]
            if g is not flat_g:
                np.multiply(flat_g[part], scale, out=grad)
                if decay and not self.decoupled:
                    np.multiply(p, decay_mask[part], out=t)
                    t *= self.weight_decay
                    grad += t
            if decay and self.decoupled:
                np.multiply(p, decay_mask[part], out=t)
                t *= self.lr * self.weight_decay
                p -= t
            self._update({name: slot[part] for name, slot in flat_slots.items()}, p, grad, t)
            if decay:
                flush_small_parameters(p, t)

        return update

    def step_in_ranges(
        self, params: Params, accept: Callable[[float], bool]
    ) -> StepInRanges | None:
        """``step(params)`` for a caller that applies it itself, a range of the flat buffers at a
        time (a split batch's parts, each on its own range: ``split_batch``), once it knows the
        batch's loss: see ``StepInRanges``. ``accept(loss)`` says whether the step is taken.
        None when the parameters are not flat buffers (``Sequential.flatten_parameters``) or
        the step needs the whole gradient before any range (a clip norm)."""
        fused = None if self.clip_norm is not None else self._fused(params)
        if fused is None:
            return None
        flat_p, flat_g, flat_slots, decay_mask, tmp = fused
        # no clip: the gradient as it is
        update = self._range_update(flat_p, flat_g, flat_slots, decay_mask, tmp, 1.0)
        return StepInRanges(self, update, flat_g, accept, flat_p, flat_slots)

    def hyper(self) -> dict:
        return {name: getattr(self, name) for name in self.hyper_names}

    def config(self) -> dict:
        """JSON-able name and hyper-parameters; ``optimizer_from_config`` rebuilds from it."""
        return {
            "name": self.name,
            "lr": self.lr,
            "weight_decay": self.weight_decay,
            "clip_norm": self.clip_norm,
            **self.hyper(),
        }

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every slot, keyed ``"<param key>/<slot>"``, plus ``"step"`` (int64 scalar)."""
        out = {
            f"{key}/{slot}": arr.copy()
            for key, slots in self.state.items()
            for slot, arr in slots.items()
        }
        out["step"] = np.array(self.t, dtype=np.int64)
        return out

    def load_state_dict(self, d: dict[str, np.ndarray]) -> None:
        """Restore from ``state_dict()`` output (arrays are copied)."""
        self._fused_cache = None
        state: dict[str, dict[str, np.ndarray]] = {}
        for name, arr in d.items():
            if name == "step":
                continue
            key, _, slot = name.rpartition("/")
            if not self.knows_slot(slot) or not key:
                raise ConfigError(f"optimizer state {name!r} does not belong to {self.name}")
            arr = np.array(arr, copy=True)
            renamed = self.renamed_slot(slot)
            if renamed is not None:
                slot, divisor = renamed
                arr = arr / arr.dtype.type(divisor)
            state.setdefault(key, {})[slot] = arr
        self.state = state
        self.t = int(d.get("step", 0))


class StepInRanges:
    """One optimizer step that its caller applies itself (``Optimizer.step_in_ranges``): once
    the whole gradient is in ``grad`` (the flat gradient buffer), ``begin(loss)`` takes the
    step when ``accept(loss)`` (it counts it, as ``step`` does; ``began`` says whether), then
    ``update(part)`` moves the entries ``part`` of the flat buffers, for slices covering
    ``range(grad.size)``, each once, in any order and on any thread. The result is
    ``step``'s to the last bit: after the clip (which this excludes) the update is
    elementwise. ``params`` and ``slots`` are the flat buffers it moves (the parameters, the
    optimizer's state by slot name)."""

    def __init__(
        self,
        optimizer: Optimizer,
        update: Callable[[slice], None],
        grad: np.ndarray,
        accept: Callable[[float], bool],
        params: np.ndarray | None = None,
        slots: dict[str, np.ndarray] | None = None,
    ) -> None:
        self.optimizer, self.update, self.grad, self.accept = optimizer, update, grad, accept
        self.params, self.slots = params, slots or {}
        self.began = False

    def begin(self, loss: float) -> None:
        if self.accept(loss):
            self.optimizer.t += 1
            self.began = True


class SGD(Optimizer):
    """``p -= lr * g``. As "gd" it is full-batch gradient descent (the loop's batch = dataset)."""

    name = "sgd"


class Momentum(Optimizer):
    """Heavy-ball momentum (Keras form): ``v = mu v - lr g; p += v``.

    With ``nesterov=True``: ``v = mu v - lr g; p += mu v - lr g``.
    """

    name = "momentum"
    slots = ("v",)
    hyper_names = ("momentum", "nesterov")

    def __init__(self, lr, weight_decay=0.0, clip_norm=None, momentum=0.9, nesterov=False):
        super().__init__(lr, weight_decay, clip_norm)
        if not 0.0 <= momentum < 1.0:
            raise ConfigError(f"momentum must be in [0, 1), got {momentum}")
        self.momentum = float(momentum)
        self.nesterov = bool(nesterov)

    def _update(self, slots, param, grad, tmp):
        v = slots["v"]
        _flush_tiny(v, self.momentum, self.t, tmp)
        v *= self.momentum
        np.multiply(grad, self.lr, out=tmp)
        v -= tmp
        if self.nesterov:
            param -= tmp  # p += mu v - lr g
            np.multiply(v, self.momentum, out=tmp)
        else:
            tmp[...] = v
        param += tmp


class RMSProp(Optimizer):
    """``s = rho s + (1 - rho) g^2; p -= lr g / (sqrt(s) + eps)``."""

    name = "rmsprop"
    slots = ("s",)
    hyper_names = ("rho", "eps")

    def __init__(self, lr, weight_decay=0.0, clip_norm=None, rho=0.9, eps=1e-7):
        super().__init__(lr, weight_decay, clip_norm)
        self.rho = float(rho)
        self.eps = float(eps)

    def _update(self, slots, param, grad, tmp):
        s = slots["s"]
        _flush_tiny(s, self.rho, self.t, tmp)
        s *= self.rho
        np.multiply(grad, grad, out=tmp)
        tmp *= 1.0 - self.rho
        s += tmp
        np.sqrt(s, out=tmp)
        tmp += self.eps
        np.divide(grad, tmp, out=tmp)
        tmp *= self.lr
        param -= tmp


def adam_textbook_step(param, grad, m, v, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """Adam as Kingma & Ba write it, step ``t`` (1-based); returns the new ``(param, m, v)``.

    ``Adam._update`` is the same update with fewer passes over memory; a test holds the two equal.
    """
    m = beta1 * m + (1 - beta1) * grad  # first moment: a running mean of the gradients
    v = beta2 * v + (1 - beta2) * grad**2  # second moment: of their squares
    m_hat = m / (1 - beta1**t)  # bias correction: m and v start at zero
    v_hat = v / (1 - beta2**t)
    return param - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


class Adam(Optimizer):
    """Adam with bias correction (``adam_textbook_step`` above is the plain form):
    ``m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
    p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)``.

    The fast path below holds the moments as decaying sums,
    ``m_sum = b1 m_sum + g = m / (1 - b1)`` and ``v_sum = b2 v_sum + g^2 = v / (1 - b2)``:
    each is then two passes over the parameters instead
    of three, and the constant factors fold into the step's scalars (the update is memory-bound,
    so passes are what it costs).
    """

    name = "adam"
    slots = ("m_sum", "v_sum")
    hyper_names = ("beta1", "beta2", "eps")

    def __init__(self, lr, weight_decay=0.0, clip_norm=None, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr, weight_decay, clip_norm)
        self.beta1 = float(beta1)
        self.beta2 = float(beta2)
        self.eps = float(eps)

    def renamed_slot(self, slot: str) -> tuple[str, float] | None:
        # files written before the sums kept the averages m and v
        if slot == "m":
            return "m_sum", 1.0 - self.beta1
        if slot == "v":
            return "v_sum", 1.0 - self.beta2
        return None

    def _update(self, slots, param, grad, tmp):
        m_sum, v_sum = slots["m_sum"], slots["v_sum"]
        _flush_tiny(m_sum, self.beta1, self.t, tmp)  # no subnormals: they cost 25x a pass
        _flush_tiny(v_sum, self.beta2, self.t, tmp)
        m_sum *= self.beta1
        m_sum += grad
        np.multiply(grad, grad, out=tmp)
        v_sum *= self.beta2
        v_sum += tmp
        # sqrt(v_hat) + eps = k (sqrt(v_sum) + eps / k) with k = sqrt((1 - b2) / (1 - b2^t))
        k = math.sqrt((1.0 - self.beta2) / (1.0 - self.beta2**self.t))
        np.sqrt(v_sum, out=tmp)
        tmp += self.eps / k
        np.divide(m_sum, tmp, out=tmp)
        # m_hat = m_sum (1 - b1) / (1 - b1^t)
        tmp *= self.lr * (1.0 - self.beta1) / ((1.0 - self.beta1**self.t) * k)
        param -= tmp


class AdamW(Adam):
    """Adam with decoupled weight decay: ``p -= lr wd p`` on weight arrays, then the Adam step."""

    name = "adamw"
    decoupled = True

    def _decoupled_decay(self, param):
        param *= 1.0 - self.lr * self.weight_decay


_OPTIMIZERS: dict[str, type[Optimizer]] = {
    "gd": SGD,
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": Momentum,
    "rmsprop": RMSProp,
    "adam": Adam,
    "adamw": AdamW,
}
#: Every optimizer name, in the order the form lists them.
OPTIMIZERS = tuple(_OPTIMIZERS)


def accepts(name: str, setting: str) -> bool:
    """Whether optimizer ``name`` takes the hyper-parameter ``setting`` (e.g. "momentum", "eps")."""
    cls = _OPTIMIZERS.get(name)
    return cls is not None and setting in cls.hyper_names


def make_optimizer(
    name: str, lr: float, weight_decay: float = 0.0, clip_norm: float | None = None, **hyper
) -> Optimizer:
    """The optimizer ``name`` ("gd" | "sgd" | "momentum" | "nesterov" | "rmsprop" | "adam" |
    "adamw") with learning rate ``lr`` and its optional hyper-parameters (momentum, rho, beta1...).
    """
    if name not in _OPTIMIZERS:
        raise ConfigError(f"unknown optimizer {name!r}; choose one of {', '.join(_OPTIMIZERS)}")
    cls = _OPTIMIZERS[name]
    if name == "nesterov":
        hyper["nesterov"] = True
    unknown = set(hyper) - set(cls.hyper_names)
    if unknown:
        raise ConfigError(f"optimizer {name!r} has no setting {', '.join(sorted(unknown))}")
    opt = cls(lr, weight_decay, clip_norm, **hyper)
    opt.name = name  # "gd" and "nesterov" keep their own names in configs and files
    return opt


def optimizer_from_config(cfg: dict) -> Optimizer:
    """Rebuild an optimizer (without state) from ``Optimizer.config()``."""
    cfg = dict(cfg)
    try:
        name = cfg.pop("name")
        lr = cfg.pop("lr")
    except KeyError as err:
        raise ConfigError(f"optimizer config lacks {err}") from None
    if name == "nesterov":
        cfg.pop("nesterov", None)
    return make_optimizer(name, lr, **cfg)
