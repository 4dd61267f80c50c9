"""The question a close asks when a finished race has lanes not kept (walk56v #6: the race was
thrown away without a word, though its lanes can be kept exactly then, and the question asked
during a race says a lane becomes a run only by Keep once the race is over)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.ui.language import translate

KEEP, QUIT, STAY = "keep", "quit", "stay"


def lane_names(names: list[str]) -> str:
    """The lanes' names, each in quotes and set apart by semicolons: a name holds commas
    ("Sigmoid, raw"), and joined by commas three lanes read as six things (walk65 D23)."""
    return "; ".join(f"“{name}”" for name in names)


def unkept_question(names: list[str]) -> str:
    """ "Keep the finished race's lanes before quitting?" and which lanes, by name."""
    question = translate("TrainingPanel", "Keep the finished race's lanes before quitting?")
    if len(names) == 1:
        lost = translate(
            "TrainingPanel",
            "Its lane {lane} is not kept: a lane becomes a run only by its Keep button. Yes "
            "keeps it as a run, No quits without it.",
        ).format(lane=lane_names(names[:1]))
    else:
        lost = translate(
            "TrainingPanel",
            "Its {count} lanes are not kept ({lanes}): a lane becomes a run only by its Keep "
            "button. Yes keeps them as runs, No quits without them.",
        ).format(count=len(names), lanes=lane_names(names))
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


class KeepThenQuit(QObject):
    """Keep then quit: the lanes are saved off the GUI thread while the window stays open,
    and it closes (``all_kept``) once every one is saved. A lane that cannot be saved (a full
    disk, a read-only run folder) keeps the window open and is said (``not_kept``): the window
    used to close while the lanes were saved, and a failed save was lost with nothing said."""

    all_kept = Signal()
    not_kept = Signal(str)  # the lines naming each lane not kept, its file and why

    def __init__(self, race, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._race = race
        self._waiting: set[int] = set()
        self._failed: list[str] = []
        race.kept.connect(self._on_race_kept)
        race.keep_failed.connect(self._on_race_keep_failed)

    def busy(self) -> bool:
        """Whether lanes asked for are still being saved."""
        return bool(self._waiting)

    def keep(self, lanes: list[int]) -> None:
        self._waiting, self._failed = set(lanes), []
        for lane in lanes:
            self._race.keep(lane)

    @Slot(int, object)
    def _on_race_kept(self, lane: int, _record) -> None:
        self._settled(lane)

    @Slot(int, str)
    def _on_race_keep_failed(self, lane: int, message: str) -> None:
        if lane in self._waiting:
            self._failed.append(message)
        self._settled(lane)

    def _settled(self, lane: int) -> None:
        if lane not in self._waiting:
            return  # a Keep pressed by hand
        self._waiting.discard(lane)
        if self._waiting:
            return
        if not self._failed:
            self.all_kept.emit()
            return
        stays = translate(
            "TrainingPanel",
            "nndesk did not quit, so nothing is lost. Make room or fix the folder, then quit "
            "again to keep it; or quit and answer No to leave it.",
        )
        self.not_kept.emit("\n".join([*self._failed, "", stays]))
