"""The question a close asks when a finished race has lanes not kept (walk56v #6: the race was
thrown away without a word, though its lanes can be kept exactly then, and the question asked
during a race says a lane becomes a run only by Keep once the race is over)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.ui.language import translate

KEEP, QUIT, STAY = "keep", "quit", "stay"


def unkept_question(names: list[str]) -> str:
    """ "Keep the finished race's lanes before quitting?" and which lanes, by name."""
    question = translate("TrainingPanel", "Keep the finished race's lanes before quitting?")
    if len(names) == 1:
        lost = translate(
            "TrainingPanel",
            "Its lane {lane} is not kept: a lane becomes a run only by its Keep button. Yes "
            "keeps it as a run, No quits without it.",
        ).format(lane=names[0])
    else:
        lost = translate(
            "TrainingPanel",
            "Its {count} lanes are not kept ({lanes}): a lane becomes a run only by its Keep "
            "button. Yes keeps them as runs, No quits without them.",
        ).format(count=len(names), lanes=", ".join(names))
    return f"{question}\n\n{lost}"


def ask_to_keep(parent: QWidget, names: list[str]) -> str:
    """``KEEP`` (Yes: the lanes are kept, then the window closes), ``QUIT`` (No: it closes
    without them) or ``STAY`` (Cancel, Escape: nothing closes)."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        translate("TrainingPanel", "Quit"),
        unkept_question(names),
        buttons.Yes | buttons.No | buttons.Cancel,
        buttons.Yes,
    )
    return KEEP if answer == buttons.Yes else QUIT if answer == buttons.No else STAY
