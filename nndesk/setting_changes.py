"""A run's record of the settings changed while it trained ("steering").

Each ``SettingChange`` says which live setting (``settings_schema``: ``live=True``) took which
value, and where: ``x`` is the position in epochs of the first batch that used it
(``epoch - 1 + (batch - 1) / batches``), so the curves mark it at that batch. The same list is
kept in the run record (``run.json``'s ``curves.changes``) and in the model file
(``info["changes"]``); a resumed run continues it.

Older records kept only learning-rate changes, as ``lr_changes: [[x, lr], ...]``; ``from_lr_pairs``
reads those. Anything read from a file goes through ``parse_changes``, which refuses what is not a
well-formed change of a live setting with one line (``ValueError``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from nndesk.i18n import N_, Message, fmt, rate_said, shown

#: A record longer than this is refused (a real run changes settings by hand a few times).
MAX_CHANGES = 10_000
#: Settings a change names by a short word ("lr 0.0005", "batch 64"), as run titles do; the
#: window says each as its translation does: Vietnamese writes the learning rate out
#: ("tốc độ học 0,0005", as its run titles do), as the glossary has it
SHORT_NAMES = {"lr": N_("lr"), "batch_size": N_("batch"), "l2": "L2"}
#: What a run is sent (``Session.steer``) to give its learning rate back to its schedule:
#: ``{RATE_FROM_SCHEDULE: True}``; its change is the "lr" one the schedule's rate makes,
#: ``scheduled``
RATE_FROM_SCHEDULE = "lr_schedule"


@dataclass(frozen=True)
class SettingChange:
    """``name`` became ``value`` from batch ``batch`` of epoch ``epoch`` (both 1-based) on."""

    x: float  # position in epochs of the first batch that used it
    epoch: int
    batch: int
    name: str
    value: float | int | bool
    #: the value in force until then (None: not known; records before s64 did not say): a
    #: rate a schedule had lowered is known only where the run trained. The coach named the
    #: run's start rate 0.001 as the rate raised from, where a step schedule had made it
    #: 0.0001 (verify63 V7)
    before: float | int | bool | None = None
    #: a learning rate given back to the run's schedule (the coach's "set it back" after a
    #: raise): ``value`` is the schedule's rate at this batch, and the schedule sets the rate
    #: again from here, as it did before a rate was set by hand (walk64 D1: the PReLU lab's
    #: decay never came after "Set the learning rate back", 86.5 % against 88.9 %)
    scheduled: bool = False

    def to_dict(self) -> dict:
        out = {
            "x": self.x,
            "epoch": self.epoch,
            "batch": self.batch,
            "name": self.name,
            "value": self.value,
        }
        if self.before is not None:
            out["before"] = self.before
        if self.scheduled:
            out["schedule"] = True
        return out

    def describe(self) -> str:
        """``"momentum 0.5"``, ``"augment on"``: how a mark on the curves reads."""
        return self.said(str, lambda value: f"{value:g}")

    def shown_text(self) -> str:
        """``describe`` in the window's language (``"momentum 0,5"``, ``"augment bật"``), for
        the curves' marks and the Train page's title; ``describe`` stays English for scripts."""
        # a rate as every rate the window says (the schedule's 0.000452419 given back: 0.000452)
        rated = self.name == "lr" and isinstance(self.value, float)
        return self.said(shown, lambda value: rate_said(value) if rated else fmt(value, "g"))

    def said(self, say: Callable[[str], str], number: Callable[[Any], str]) -> str:
        """``describe`` with its words through ``say`` (English -> a language) and its value
        through ``number`` (an exported file's prose in its own language)."""
        from nndesk.settings_schema import BY_NAME

        field = BY_NAME.get(self.name)
        short = SHORT_NAMES.get(self.name)
        label = say(short) if short else (say(field.label).lower() if field else self.name)
        if isinstance(self.value, bool):
            return f"{label} {say(N_('on')) if self.value else say(N_('off'))}"
        if self.name == "batch_size" and self.value == 0:
            return f"{label} {say(N_('full'))}"
        return f"{label} {number(self.value)}"


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_change(d: Any) -> SettingChange:
    """One change from its ``to_dict`` form; ``ValueError`` (one line) when it is not one."""
    from nndesk.settings_schema import BY_NAME

    if not isinstance(d, dict):
        raise ValueError(Message(N_("a setting change is {value}, not an object"), value=_short(d)))
    x, epoch, batch, name, value = (d.get(k) for k in ("x", "epoch", "batch", "name", "value"))
    if not (isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) and x >= 0):
        raise ValueError(
            Message(
                N_("a setting change's x is {value}, not a position in epochs"), value=_short(x)
            )
        )
    for key, whole in (("epoch", epoch), ("batch", batch)):
        if not (_whole(whole) and 1 <= whole < 2**53):
            raise ValueError(
                Message(
                    N_("a setting change's {key} is {value}, not a number from 1"),
                    key=key,
                    value=_short(whole),
                )
            )
    field = BY_NAME.get(name) if isinstance(name, str) else None
    if field is None or not field.live:
        raise ValueError(
            Message(N_("{name} is not a setting that can change while training"), name=_short(name))
        )
    value = _field_value(field, name, value)
    before = d.get("before")
    if before is not None:  # the value it changed from, when the record says
        before = _field_value(field, name, before)
    scheduled = d.get("schedule", False)
    if scheduled is not False and not (scheduled is True and name == "lr"):
        raise ValueError(
            Message(
                N_("a setting change's schedule is {value}, not true for a learning rate"),
                value=_short(scheduled),
            )
        )
    return SettingChange(float(x), int(epoch), int(batch), name, value, before, scheduled)


def _field_value(field: Any, name: str, value: Any) -> Any:
    """``value`` as setting ``field`` (``settings_schema.Field``) takes it; ``ValueError``
    (one line) when the field refuses it."""
    if field.kind is float and _whole(value):
        value = float(value) if abs(value) < 2**53 else math.inf  # refused below
    reason = field.problem(value)
    if reason is not None or value is None:
        reason = reason or Message(N_("must be set"))
        raise ValueError(Message(N_("the change of {name}: {reason}"), name=name, reason=reason))
    return value


def parse_changes(raw: Any) -> list[SettingChange]:
    """A list of changes (``None``: none); ``ValueError`` naming the first bad one."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValueError(
            Message(N_("the setting changes are {value}, not a list"), value=_short(raw))
        )
    if len(raw) > MAX_CHANGES:
        raise ValueError(
            Message(
                N_("{count:,} setting changes is more than {limit:,}"),
                count=len(raw),
                limit=MAX_CHANGES,
            )
        )
    return [parse_change(d) for d in raw]


def from_lr_pairs(pairs: Iterable[tuple[float, float]]) -> list[SettingChange]:
    """Old records' ``lr_changes`` ``[(x, lr), ...]`` as changes (epoch/batch from ``x``)."""
    return [
        SettingChange(float(x), int(x) + 1, 1, "lr", float(lr))
        for x, lr in pairs
        if math.isfinite(x) and x >= 0
    ]


def fixed_reason(config: Any, name: str) -> Message | None:
    """Why setting ``name`` cannot change at all in a run of ``config`` (a ``TrainConfig``), or
    None. Only live settings change while training; momentum only for the optimizers that have
    one; dropout only in a network built with dropout layers (a rate above 0 at the start). The
    reason is a ``Message``: the Train form shows it translated, the CLI and errors in English.
    """
    from nndesk.nn.optimizers import accepts
    from nndesk.settings_schema import BY_NAME

    field = BY_NAME.get(name)
    if field is None or not field.live:
        return Message(N_("{name} cannot change while training"), name=name)
    if name == "momentum" and not accepts(config.optimizer, "momentum"):
        optimizer = Message(BY_NAME["optimizer"].choice_label(config.optimizer))
        # the adaptive ones (a running RMS under an eps) scale their own steps; plain descent
        # has no velocity at all
        if accepts(config.optimizer, "eps"):
            return Message(
                N_("{optimizer} has no momentum to change (its steps adapt by themselves)"),
                optimizer=optimizer,
            )
        return Message(
            N_("{optimizer} has no momentum to change (Momentum and Nesterov have one)"),
            optimizer=optimizer,
        )
    if name == "dropout" and config.dropout == 0:
        return Message(
            N_("the net was built without dropout: start a run with dropout above 0 to tune it")
        )
    return None


def steer_problem(config: Any, name: str, value: Any) -> Message | None:
    """Why ``name`` cannot become ``value`` in a run of ``config`` (a ``TrainConfig``), or None:
    a value outside the field's range, or a setting this run cannot change (``fixed_reason``;
    a dropout of 0 is never refused: off stays off)."""
    from nndesk.settings_schema import BY_NAME

    if name == RATE_FROM_SCHEDULE:  # any run has a schedule (a constant one too)
        return (
            None
            if value is True
            else Message(N_("the schedule is given back, not {value}"), value=_short(value))
        )
    field = BY_NAME.get(name)
    reason = field.problem(value) if field is not None and field.live else None
    if reason is not None:
        return Message("{label}: {reason}", label=Message(field.label), reason=reason)
    if name == "dropout" and value == 0:
        return None
    return fixed_reason(config, name)


def settings_at_end(raw: Any) -> dict[str, Any]:
    """A model file's ``info["settings_at_end"]`` (``Session.settings_at_end``) as far as it
    is well formed: live settings with acceptable values; anything else is left out."""
    from nndesk.settings_schema import BY_NAME

    if not isinstance(raw, dict):
        return {}
    out: dict[str, Any] = {}
    for name, value in raw.items():
        field = BY_NAME.get(name) if isinstance(name, str) else None
        if field is None or not field.live:
            continue
        if field.kind is float and _whole(value) and abs(value) < 2**53:
            value = float(value)
        if value is not None and field.problem(value) is None:
            out[name] = value
    return out


def continue_with(form: Any, at_end: dict[str, Any], untouched: Any = None) -> tuple[Any, dict]:
    """The settings Continue trains with: the form's (a ``TrainConfig``), except that a live
    setting the run changed while training (``at_end``: its last values) keeps the value it
    ended with, unless the person changed that field since (``untouched``: the form when the
    run ended). A learning rate set by hand had stopped the schedule: the run then continues
    at that rate ("constant"). Returns the config and the values that differ from the form's.
    """
    used: dict[str, Any] = {}
    for name, value in at_end.items():
        if not hasattr(form, name):
            continue
        if untouched is not None and getattr(form, name) != getattr(untouched, name):
            continue  # typed after the run: the person's choice wins
        if getattr(form, name) != value:
            used[name] = value
    if "lr" in used and form.schedule != "constant":
        used["schedule"] = "constant"
    return (form.replace(**used) if used else form), used
