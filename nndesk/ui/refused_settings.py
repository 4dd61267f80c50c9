"""The Train page's progress bar and the line under it while a refused field greys Train:
"Settings to fix · Fix Epochs (marked in red below), then press Train." instead of "Ready ·
Choose settings and press Train." (walk56v #4: a 0 typed in Epochs left "Ready" above a greyed
Train, the red line under the field scrolled out of view). What they said before (Ready, a
finished run's verdict) comes back once every field is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar

from nndesk.ui.language import translate


class RefusedSettingsLine:
    """Says the refused fields in ``progress`` and ``speed`` (``say``), and takes it back."""

    def __init__(self, progress: QProgressBar, speed: QLabel) -> None:
        self._progress, self._speed = progress, speed
        self._said: tuple[str, str] | None = None  # what this line put there
        self._before: tuple[str, str] | None = None  # what they said before it

    def _now(self) -> tuple[str, str]:
        return self._progress.format(), self._speed.text()

    def say(self, labels: list[str]) -> None:
        """``labels``: the refused fields' names, in the form's order; [] when Train is not
        greyed by them (every field accepted, a run going, the data missing: said otherwise)."""
        now = self._now()
        if not labels:
            if self._said is not None and now == self._said and self._before is not None:
                self._progress.setFormat(self._before[0])
                self._speed.setText(self._before[1])
            self._said = self._before = None
            return
        if now != self._said:  # something else was said since ("Ready" again): put back later
            self._before = now
        said = (
            translate("TrainingPanel", "Settings to fix"),
            translate(
                "TrainingPanel", "Fix {fields} (marked in red below), then press Train."
            ).format(fields=", ".join(labels)),
        )
        self._progress.setFormat(said[0])
        self._speed.setText(said[1])
        self._said = said
