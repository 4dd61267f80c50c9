"""The Train page's progress bar and the line under it while a race goes on a page with no run
of its own: "Race running · Train waits for the race…" instead of "Ready · Choose settings and
press Train." above a greyed Train (walk64 D7: four lanes trained under "Ready"). What they said
before comes back when the race is over, unless something else was said meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from nndesk.ui.language import translate


class RaceGoingLine:
    """Says a race going in ``progress`` and ``speed`` (``say``), and takes it back."""

    def __init__(self, progress: QProgressBar, speed: QLabel) -> None:
        self._progress, self._speed = progress, speed
        self._said: tuple[str, str] | None = None  # what this line put there
        self._before: tuple[str, str] = ("", "")  # what they said before it

    def say(self, going: bool) -> None:
        """``going``: a race trains and the page shows no run of its own; False takes the
        line back (the race over, or a run on show)."""
        now = self._progress.format(), self._speed.text()
        if not going:
            if self._said is not None and now == self._said:
                self._progress.setFormat(self._before[0])
                self._speed.setText(self._before[1])
            self._said = None
            return
        if now != self._said:
            self._before = now
        self._said = (
            translate("TrainingPanel", "Race running"),
            translate(
                "TrainingPanel",
                "Train waits for the race to end.",
            ),
        )
        self._progress.setFormat(self._said[0])
        self._speed.setText(self._said[1])
