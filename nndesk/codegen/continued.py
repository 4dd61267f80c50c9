"""A run that continued another (Continue, ``--resume``): the experiment of the whole chain.

A continued run's record holds the settings the *continuation* started with (its rate, its
schedule, its own epochs) and ``resumed_from``, the model file it went on from; its curves and
change record cover every leg. Exported as it was, the script trained from fresh weights at the
continuation's rate from epoch 1: another experiment (walk55 D4). Here the chain is followed
back to the run that started it: the code trains from that run's start settings, with every
leg's changes, and the settings each continuation started with become changes at the batch it
went on from (a resumed run keeps its weights, optimizer state and batch order: the same
shuffles by (seed, epoch), the rest of a stopped epoch first). What a continuation changed that
code cannot replay there is named, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nndesk.errors import NndeskError
from nndesk.setting_changes import SettingChange

#: a chain longer than this is not followed further (a loop of records, a hostile store)
MAX_LEGS = 64

#: the continuation's own settings a script replays as changes at the batch it went on from
_REPLAYED = ("augment", "aug_shift", "aug_rotate", "aug_scale")
#: settings a continuation may set that code cannot change there: named in the header
_NOT_REPLAYED = ("seed", "val_fraction", "aug_stroke", "sketch")
_SCHEDULE = ("schedule", "schedule_step", "schedule_gamma", "schedule_rate", "min_lr")
#: The name of a change no setting makes: a continuation's schedule, ``(first epoch it counts
#: from, epochs it spans, the rate it starts from)``, set at the batch it went on from (the
#: app's Continue counts a schedule from epoch 1 over every epoch, or, asked to run it again,
#: from its own first epoch over its own epochs: ``Session.schedule_from``)
SCHEDULE_LEG = "schedule_leg"


def spans_first_run(experiment) -> bool:
    """Whether the code of ``experiment`` (a continued run) counts its schedule leg by leg:
    the first run's over that run's own epochs (``SCHEDULE_EPOCHS``), each continuation's
    from its SCHEDULE row. Needed when the first run had a schedule and the chain trains more
    epochs than it planned (the script's own spread it over them all: walk64 D16's export);
    the steered loop does it, so the run has a change record."""
    chain = experiment.chain
    if chain is None or chain.lost is not None or not experiment.changes:
        return False
    planned = chain.start.get("epochs")
    scheduled = chain.start.get("schedule", "constant") != "constant"
    return scheduled and isinstance(planned, int) and planned != experiment.config.epochs


def setting_changes(changes) -> list:
    """``changes`` without the continuations' schedules (``SCHEDULE_LEG``): what a header
    lists as the run's steering."""
    return [c for c in changes if c.name != SCHEDULE_LEG]


@dataclass(frozen=True)
class Continuation:
    """One Continue of the chain: it went on from ``source`` ("run 20261205-193117-2079a31",
    "model file /home/me/first.npz") at batch ``batch`` of epoch ``epoch``; ``left_out`` names its
    settings the code does not follow from there (its schedule, its seed...), ``changed`` those
    the code sets there."""

    source: str
    epoch: int
    batch: int
    left_out: tuple[str, ...] = ()
    #: the settings it started with that CHANGES sets at that batch (none: nothing differed)
    changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chain:
    """What the code of a continued run trains: ``start`` (the first leg's settings, a dict as
    in run.json), every change (the legs' own and the continuations' settings), and how each
    continuation went on. ``lost`` names a model file the chain went on from that can no longer
    be read (then ``start`` is the continued run's own settings and nothing else is known)."""

    start: dict
    changes: tuple[SettingChange, ...]
    continuations: tuple[Continuation, ...]
    lost: str | None = None


def follow(store, record) -> Chain:
    """The chain ending with ``record`` (a run whose ``resumed_from`` is set)."""
    steps: list[tuple[object, Path, str]] = []  # (continued record, the file it went on from)
    current = record
    start = None
    while current.resumed_from and len(steps) < MAX_LEGS:
        path = Path(current.resumed_from)
        previous = _run_of(store, path)
        source = f"run {previous.run_id}" if previous is not None else f"model file {path}"
        steps.append((current, path, source))
        if previous is None:
            info = _model_info(path)
            if info is None:
                return Chain(dict(record.config), tuple(record.curves.changes), (), str(path))
            start = info.get("config_at_start") or info.get("config") or {}
            break
        current = previous
    if start is None:
        start = dict(current.config)
    changes = list(record.curves.changes)
    continuations = []
    # the schedule in force: (the epoch it counts from, its span, its rate), the first run's
    first_epochs = start.get("epochs")
    schedule = (1, first_epochs, start.get("lr")) if isinstance(first_epochs, int) else None
    for leg, path, source in reversed(steps):  # oldest first: each builds on the last
        info = _model_info(path)
        if info is None:
            return Chain(dict(record.config), tuple(record.curves.changes), (), str(path))
        epoch, batch = _went_on_at(info)
        span = _leg_span(info, dict(leg.config), getattr(leg, "schedule_from", None))
        added, left = _leg_settings(start, changes, dict(leg.config), epoch, batch, span, schedule)
        schedule = next((c.value for c in added if c.name == SCHEDULE_LEG), schedule)
        changes = sorted([*changes, *added], key=lambda c: (c.epoch, c.batch))
        changed = tuple(dict.fromkeys(c.name for c in added))
        continuations.append(Continuation(source, epoch, batch, left, changed))
    return Chain(start, tuple(changes), tuple(continuations))


def _run_of(store, path: Path):
    """The stored run whose model file ``path`` is (its folder in the runs folder), or None."""
    from nndesk.run_json import RunFileError

    try:
        folder = store.run_folder(path.parent.name)
        if folder.resolve() != path.parent.resolve():
            return None
        return store.load(path.parent.name)
    except (RunFileError, OSError):
        return None


def _model_info(path: Path) -> dict | None:
    """The ``info`` of the model file at ``path``, or None when it cannot be read."""
    from nndesk.nn.serialization import load_model

    try:
        return load_model(path).info
    except (NndeskError, OSError):
        return None


def _went_on_at(info: dict) -> tuple[int, int]:
    """(epoch, batch) the continuation trained first: the rest of an epoch a stop cut, or the
    first batch of the epoch after the model's last."""
    done = len(info.get("history") or ())
    partial = info.get("partial_epoch")
    if isinstance(partial, dict) and partial.get("epoch") == done + 1:
        batches = partial.get("batches")
        if isinstance(batches, int) and batches > 0:
            return done + 1, batches + 1
    return done + 1, 1


def _leg_span(info: dict, leg: dict, schedule_from: int | None) -> tuple[int, int] | None:
    """(the epoch a continuation's schedule counts from, the epochs it spans), as the app's
    session made it (``training.prepare``): from its own first epoch over its own epochs when
    it ran the schedule again, else from epoch 1 over all; None when its epochs are unknown."""
    from nndesk.training.session import planned_last_epoch

    epochs, done = leg.get("epochs"), len(info.get("history") or ())
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        return None
    if planned_last_epoch(info, done) is not None:  # a stopped run went on to its last epoch
        epochs = max(epochs - done, 1)
    if schedule_from is not None:
        return schedule_from, epochs
    return 1, done + epochs


def _leg_settings(
    start: dict, changes, leg: dict, epoch: int, batch: int, span=None, schedule=None
):
    """The changes that make code follow a continuation from (epoch, batch), and the names of
    its settings it cannot follow. ``span``: ``_leg_span``; ``schedule``: the schedule in force
    there, ``(from, span, rate)`` (a continuation that goes on with it needs no change)."""
    at = dict(start)
    lr_fixed = None  # a rate set by hand stays, the schedule no longer moves it (the app's rule)
    for c in changes:
        if (c.epoch, c.batch) < (epoch, batch):
            if c.name == "lr":  # given back to the schedule: it moves the rate again
                lr_fixed = None if c.scheduled else c.value
            else:
                at[c.name] = c.value
    x = epoch - 1.0 if batch == 1 else epoch - 1.0 + 1e-6  # only marks read x; the place is exact
    added: list[SettingChange] = []
    left: list[str] = []
    same_schedule = all(leg.get(k) == start.get(k) for k in _SCHEDULE)
    if leg.get("schedule") == "constant":
        # the continuation trained at its rate from its first batch: set it by hand there
        flat = lr_fixed is None and start.get("schedule") == "constant"
        now = lr_fixed if lr_fixed is not None else (start.get("lr") if flat else None)
        if now != leg.get("lr"):
            added.append(SettingChange(x, epoch, batch, "lr", leg.get("lr")))
    elif same_schedule and span is not None and isinstance(leg.get("lr"), int | float):
        # its session's schedule, whatever rate was set by hand before: from its base rate,
        # counted from ``span[0]`` over ``span[1]`` epochs
        leg_schedule = (span[0], span[1], float(leg["lr"]))
        if lr_fixed is not None or leg_schedule != schedule:
            added.append(SettingChange(x, epoch, batch, SCHEDULE_LEG, leg_schedule))
    else:
        left.append("schedule")
    for name in _REPLAYED:
        if name in leg and leg.get(name) != at.get(name):
            added.append(SettingChange(x, epoch, batch, name, leg[name]))
    if leg.get("batch_size") != at.get("batch_size"):
        if batch == 1:  # code changes a batch size between epochs only
            added.append(SettingChange(x, epoch, batch, "batch_size", leg["batch_size"]))
        else:
            left.append("batch_size")
    left += [name for name in _NOT_REPLAYED if name in leg and leg[name] != at.get(name)]
    return added, tuple(left)


def header_lines(experiment, t) -> list[str]:
    """What the code's header says of a continued run (``experiment.chain``; none for another),
    in ``t``'s language: what it went on from and where, what the code does, what it leaves."""
    chain = experiment.chain
    if chain is None:
        return []
    if chain.lost is not None:
        return [
            t(
                "This run continued the model file {path}, which can no longer be read: this "
                "script trains from fresh initial weights with the settings the continuation "
                "started with, so it is not the run as it was trained.",
                path=chain.lost,
            )
        ]
    first = t.origin(chain.continuations[0].source)
    if any(leg.changed for leg in chain.continuations):
        opening = t(
            "This run was continued: this script trains it straight through from the settings "
            "{first} started with, and CHANGES sets each setting a continuation started with "
            "(where it differed) at the batch it went on from.",
            first=first,
        )
    else:  # no CHANGES row of a continuation's: the table may not even be there (walk55c D4)
        opening = t(
            "This run was continued: this script trains it straight through from the settings "
            "{first} started with; no setting changed where it went on.",
            first=first,
        )
    lines = [opening]
    for leg in chain.continuations:
        lines.append(
            t(
                "It went on from {source} at batch {batch} of epoch {epoch}, with the weights "
                "and optimizer state saved there.",
                source=t.origin(leg.source),
                batch=leg.batch,
                epoch=leg.epoch,
            )
        )
        if leg.left_out:
            lines.append(
                t(
                    "From there this script does not follow the continuation's {names}: its "
                    "numbers after that batch are not the run's.",
                    names=", ".join(leg.left_out),
                )
            )
    start, epochs = chain.start, experiment.config.epochs
    planned = start.get("epochs")
    scheduled = start.get("schedule", "constant") != "constant"
    legs = [c for c in chain.changes if c.name == SCHEDULE_LEG]
    for leg in legs:
        first, span, lr = leg.value
        lines.append(
            t(
                "From epoch {epoch} on, CHANGES's SCHEDULE row runs the schedule from lr {lr} "
                "over epochs {first} to {last}, as that continuation did.",
                epoch=leg.epoch,
                lr=t.number(lr),
                first=first,
                last=first + span - 1,
            )
        )
    if (
        scheduled
        and isinstance(planned, int)
        and planned < epochs
        and not spans_first_run(experiment)
    ):
        # "ran over its 1 epochs" read wrong (walk56v): one epoch has its own sentence
        said = (
            "{first}'s {schedule} schedule ran over its one epoch; here it runs over all "
            "{epochs}, so the rates differ from epoch 1."
            if planned == 1
            else "{first}'s {schedule} schedule ran over its {planned} epochs; here it runs "
            "over all {epochs}, so the rates differ from epoch 1."
        )
        lines.append(
            t(said, first=first, schedule=start["schedule"], planned=planned, epochs=epochs)
        )
    return lines
