"""The Race's "why": what the coach says of each lane's settings, under the results table.

The race is the labs' comparison (lab 1's four set-ups: sigmoid or ReLU, raw or [0, 1] pixels),
and its table gave figures only; the reason one lane lost (raw 0-255 pixels saturate sigmoid
units) was said by the coach of a single Train run alone (walk69 D3). The lines come from the
coach's own settings rules (``coach.settings_hints``), the one source a Train run's coach reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from nndesk.coach import Hint, RunSetup, raced_relu_dead, settings_hints
from nndesk.ui.language import translate_marked


def lane_setup(config, session=None, batches: int = 0, epochs: int = 0) -> RunSetup:
    """What the coach reads of a lane's settings: ``config`` (a ``TrainConfig``), its prepared
    ``session`` when the race still holds it (its training split's size), its ``batches`` per
    epoch and the ``epochs`` it trained."""
    images = len(session.y_train) if session is not None else 0
    batch = images if config.full_batch and images else config.batch_size
    if images:
        batch = min(batch, images)
    return RunSetup(
        activation=config.activation,
        normalize=config.normalize,
        full_batch=config.full_batch,
        batch=batch,
        asked=config.batch_size,
        train_images=images,
        steps=batches * epochs,
        lr=float(config.lr),
        schedule=config.schedule,
        loss=config.loss,
        classes=0,
        optimizer=config.optimizer,
        arch=config.arch,
    )


def lanes_hints(setups: Sequence[RunSetup], dead: Sequence = ()) -> list[list[Hint]]:
    """The coach's settings hints of each lane (an empty list where it has nothing to say);
    ``dead``: each lane's dead units counted after the race (``LaneResult.dead``), which name
    a raw-pixel ReLU lane the settings rule leaves unsaid (a rate under 0.005: fixM). The
    raw-pixel advice comes first: it is what the lane's result owes most to."""
    said = []
    for i, setup in enumerate(setups):
        hints = settings_hints(setup)
        seen = raced_relu_dead(setup, dead[i] if i < len(dead) else ())
        hints = [seen, *hints] if seen is not None else hints
        said.append(sorted(hints, key=lambda h: h.kind != "raw-relu"))
    return said


def why_text(names: Sequence[str], hints: Sequence[Sequence[Hint]]) -> str:
    """The lines under the table: one per lane the coach has something to say of, its name in
    bold and what it says; "" when it says nothing of any."""
    lines = [
        "<b>{name}</b>: {text}".format(
            name=escape(name, quote=False),
            text=escape(
                " ".join(h.message(lambda t: translate_marked("Coach", t)) for h in said),
                quote=False,
            ),
        )
        for name, said in zip(names, hints, strict=True)
        if said
    ]
    return "<br>".join(lines)
