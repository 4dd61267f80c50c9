"""Learning-rate schedules: ``lr_at(epoch)`` for a 0-based epoch index."""

from __future__ import annotations

import math

from nndesk.errors import ConfigError


class Schedule:
    """Constant learning rate; the base class of the others."""

    name = "constant"

    def __init__(self, base_lr: float, epochs: int) -> None:
        if not base_lr > 0:
            raise ConfigError(f"learning rate must be positive, got {base_lr}")
        self.base_lr = float(base_lr)
        self.epochs = int(epochs)

    def lr_at(self, epoch: int) -> float:
        return self.base_lr

    def _extra(self) -> dict:
        return {}

    def config(self) -> dict:
        return {"name": self.name, "base_lr": self.base_lr, "epochs": self.epochs, **self._extra()}


class StepSchedule(Schedule):
    """``base_lr * gamma ** (epoch // step_size)``."""

    name = "step"

    def __init__(self, base_lr, epochs, step_size: int = 10, gamma: float = 0.1):
        super().__init__(base_lr, epochs)
        if int(step_size) < 1:
            raise ConfigError(f"step size must be at least 1 epoch, got {step_size}")
        self.step_size = int(step_size)
        self.gamma = float(gamma)

    def lr_at(self, epoch):
        return self.base_lr * self.gamma ** (epoch // self.step_size)

    def _extra(self):
        return {"step_size": self.step_size, "gamma": self.gamma}


class ExpAfterSchedule(Schedule):
    """Constant for the first ``after`` epochs, then multiplied by ``exp(-rate)`` each epoch.

    This is the Keras-lab callback ``lr if epoch < 10 else lr * exp(-0.1)`` applied to the running
    rate: epoch ``e >= after`` (0-based) trains at ``base_lr * exp(-rate * (e - after + 1))``.
    """

    name = "exp"

    def __init__(self, base_lr, epochs, after: int = 10, rate: float = 0.1):
        super().__init__(base_lr, epochs)
        if int(after) < 0 or float(rate) < 0:
            raise ConfigError(f"exp schedule needs after >= 0 and rate >= 0, got {after}, {rate}")
        self.after = int(after)
        self.rate = float(rate)

    def lr_at(self, epoch):
        if epoch < self.after:
            return self.base_lr
        return self.base_lr * math.exp(-self.rate * (epoch - self.after + 1))

    def _extra(self):
        return {"after": self.after, "rate": self.rate}


class CosineSchedule(Schedule):
    """Half a cosine from ``base_lr`` at epoch 0 down to ``min_lr`` at epoch ``epochs``."""

    name = "cosine"

    def __init__(self, base_lr, epochs, min_lr: float = 0.0):
        super().__init__(base_lr, epochs)
        if self.epochs < 1:
            raise ConfigError(f"cosine schedule needs epochs >= 1, got {epochs}")
        self.min_lr = float(min_lr)

    def lr_at(self, epoch):
        frac = min(max(epoch, 0), self.epochs) / self.epochs
        return self.min_lr + 0.5 * (self.base_lr - self.min_lr) * (1.0 + math.cos(math.pi * frac))

    def _extra(self):
        return {"min_lr": self.min_lr}


def turns(schedule: Schedule, first_epoch: int, last_epoch: int) -> list[tuple[int, float, bool]]:
    """Where ``schedule`` changes pace within epochs ``first_epoch..last_epoch`` (1-based): the
    epochs whose rate differs from a rate held at least two epochs, as ``(epoch, its rate,
    whether the rate goes on changing the next epoch)``. "exp" after 10 turns once (epoch 11,
    decaying on; after 1: epoch 2), "step" every ``step_size`` epochs; "cosine", which moves
    every epoch, and "constant" never: a mark each epoch would say nothing."""
    rates = [schedule.lr_at(e) for e in range(last_epoch + 1)]  # 0-based: epoch e is rates[e-1]
    # "exp" and "step" hold the starting rate (the run was set to it before it began): one
    # held a single epoch ("exp" after 1, "step" every 1) turns at epoch 2. Counted from epoch 3
    # only, "exp" after 1 epoch had no mark at all, where after 10 has one (fixU's note); the
    # cosine, moving from its first epoch on, holds nothing
    holds_start = schedule.name in ("exp", "step")
    found = []
    for epoch in range(max(first_epoch, 2), last_epoch + 1):
        now, before = rates[epoch - 1], rates[epoch - 2]
        earlier = rates[epoch - 3] if epoch >= 3 else (before if holds_start else None)
        if now != before and before == earlier:
            found.append((epoch, now, epoch < last_epoch and rates[epoch] != now))
    return found


_SCHEDULES = {
    "constant": Schedule,
    "step": StepSchedule,
    "exp": ExpAfterSchedule,
    "cosine": CosineSchedule,
}
SCHEDULES = tuple(_SCHEDULES)


def make_schedule(name: str, base_lr: float, epochs: int, **kw) -> Schedule:
    """The schedule ``name`` ("constant" | "step" | "exp" | "cosine"); see each class for ``kw``."""
    if name not in _SCHEDULES:
        raise ConfigError(f"unknown schedule {name!r}; choose one of {', '.join(_SCHEDULES)}")
    try:
        return _SCHEDULES[name](base_lr, epochs, **kw)
    except TypeError:
        raise ConfigError(f"schedule {name!r} does not take {', '.join(sorted(kw))}") from None
