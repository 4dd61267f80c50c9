"""The line under the Train form's "Keep for" ("Every") field when the learning-rate schedule
would never act in the run the form describes: an exponential schedule kept 10 epochs in a run of
2 trained at one rate, and nothing said so (walk58 #4: lab 3's schedule silently did nothing)."""

from __future__ import annotations

from typing import Any

from nndesk.ui.language import fill, translate


def idle_schedule_text(values: dict[str, Any], field: str, epochs_field: str) -> str:
    """What the form says when ``values``' schedule ("exp" or "step") first lowers the rate after
    the run's last epoch; ``field``, ``epochs_field``: the labels of the "Keep for" ("Every") and
    Epochs fields, as the form shows them. "" when it acts (or a field does not read). Said of
    a run started with Train (and a stopped one continued, whose Epochs count from its start):
    Continue on a finished model trains Epochs more, the schedule spread over all of them."""
    schedule = values.get("schedule")
    epochs, step = values.get("epochs"), values.get("schedule_step")
    if schedule not in ("exp", "step") or not isinstance(epochs, int):
        return ""
    if not isinstance(step, int) or step < epochs:
        return ""
    # both schedules keep the starting rate for epochs 1..step: epoch step + 1 is the first
    # at a lower rate (nn/schedules.py, 0-based there)
    return fill(
        translate(
            "TrainForm",
            "A run started with Train never changes its learning rate with this schedule: it "
            "first lowers it in epoch {first}, and the run ends after epoch {epochs}. Lower "
            "“{field}” below {epochs} or raise “{epochs_field}”.",
        ),
        first=step + 1,
        epochs=epochs,
        field=field,
        epochs_field=epochs_field,
    )
