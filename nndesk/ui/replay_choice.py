"""Which run the Train page's Replay tab shows: the one selected in Runs, or why it cannot.

Replay keeps the epochs of the runs trained in this window since it opened (the controller's
``replay_of``): a run selected in Runs is replayed when it is one of them; otherwise the tab says
why about that run, never about another one (walk 43 item 5 read "the latest run, from 06:37,
was trained before…" with a 06:29 run selected).
"""

from __future__ import annotations

from nndesk.setting_words import is_race_lane
from nndesk.ui.language import translate
from nndesk.ui.run_preset_words import preset_words
from nndesk.ui.runs_table import started_text


def replay_choice(controller, selected: list) -> tuple[object | None, str | None]:
    """For the Runs tab's ``selected`` RunRecords: ``(ReplayRecord, None)`` to replay,
    ``(None, note)`` when the selected run has nothing to replay, or ``(None, None)`` with no
    run selected (the tab shows the latest run). With several selected, the first one (the
    newest) is the one replayed, as the Runs table lists them."""
    if not selected:
        return None, None
    record = selected[0]
    started = started_text(record, seconds=True)  # runs a minute apart are told apart
    if record.preset is not None:  # and which lab it was (walk64 D17)
        started = f"{started} ({preset_words(record.preset)})"
    kept = controller.replay_of(record.run_id)
    if kept is None and is_race_lane(record.title):
        # trained in this window or not, a lane has no epochs kept: "not one of the runs
        # trained in this window" was false right after the race (walk64 D2)
        return None, translate(
            "ReplayView",
            "The selected run, from {started}, was a lane of a race: a race keeps no copy of "
            "its lanes at each epoch, so it has nothing to replay. To replay its settings, train "
            "them alone (Settings tab, then Train).",
        ).format(started=started)
    if kept is None:
        return None, translate(
            "ReplayView",
            "Replay keeps the epochs of the runs trained in this window since nndesk opened; "
            "the selected run, from {started}, is not one of them. To replay from it: Use "
            "model, then Continue; or train a new run.",
        ).format(started=started)
    if len(kept) or kept is controller.replay and controller.is_running():
        return kept, None  # a running run with no epoch yet: the tab says it is coming
    return None, translate(
        "ReplayView",
        "The selected run, from {started}, ended before its first epoch did: it has nothing "
        "to replay.",
    ).format(started=started)
