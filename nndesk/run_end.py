"""Where a model's run ended, read from its file's ``info``: the rate its last batch trained
at, and how far it came into the epoch it was stopped in. Continue asks from these.

walk69 D1: a run stopped at batch 405 of its first epoch, its rate set by hand to 0.003 at
batch 197, was offered "keep the rate the run ended with: lr 0.01" (the form's) and went on at
0.01: the rate was read from the last whole epoch's history row, which a run stopped inside
its first epoch does not have, and the change set by hand was never read.
"""

from __future__ import annotations

import math
from typing import Any

from nndesk.setting_changes import parse_changes, settings_at_end


def _rate(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok and math.isfinite(value) and value > 0 else None


def ended_rate(info: dict) -> float | None:
    """The learning rate of the last batch the run trained, None when the file does not say.

    A run stopped inside an epoch keeps it with where it stopped (``info["partial_epoch"]``:
    a schedule's rate for that epoch, or one set by hand). Files written before it was kept:
    a rate set by hand and still in force at the end (``info["settings_at_end"]``, the run's
    own changes), wherever it was set; else a rate change inside the epoch it stopped in (a
    rate given back to its schedule there); else the rate at the end of its last whole epoch
    (its history row, also a run that stopped at an epoch's end)."""
    if stopped_batch(info):
        kept = _rate(info["partial_epoch"].get("lr"))
        if kept is not None:
            return kept
    by_hand = _rate(settings_at_end(info.get("settings_at_end")).get("lr"))
    if by_hand is not None:
        return by_hand
    history = info.get("history") or []
    if not isinstance(history, list):
        history = []
    try:
        rates = [c for c in parse_changes(info.get("changes")) if c.name == "lr"]
    except ValueError:
        rates = []
    if rates and rates[-1].epoch > len(history):  # inside the epoch it stopped in
        return _rate(rates[-1].value)
    last = history[-1] if history and isinstance(history[-1], dict) else {}
    return _rate(last.get("lr"))


def stopped_batch(info: dict) -> int:
    """The batches trained of the epoch the run was stopped in (``info["partial_epoch"]``,
    the epoch after its history's last), 0 when it stopped at an epoch's end."""
    history = info.get("history") or []
    partial = info.get("partial_epoch")
    if not isinstance(partial, dict) or not isinstance(history, list):
        return 0
    epoch, batches = partial.get("epoch"), partial.get("batches")
    whole = all(isinstance(v, int) and not isinstance(v, bool) for v in (epoch, batches))
    return batches if whole and epoch == len(history) + 1 and batches > 0 else 0
