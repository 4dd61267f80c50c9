"""WholeTextTip: the tooltip of a label that may paint its text cut ("…"): the tip it was given
and, while the text is cut, the whole text, in an order the label chooses (a status field says
what it is first, a headline its own words first). StatusField (status_bar.py) and LinesLabel
(elided_label.py) each kept their own copy of this, differing only in that order."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class WholeTextTip:
    """Mixed in before QLabel: ``setToolTip``/``toolTip`` hold the given tip, and the label's
    shown tooltip adds ``whole_text()`` while ``is_cut()`` (both the label's own)."""

    #: the given tip before the whole text (True) or after it (False)
    TIP_FIRST = False

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._tip = tip
        self._say_tip()

    def toolTip(self) -> str:  # noqa: N802 (Qt's name)
        return getattr(self, "_tip", "")

    def _say_tip(self) -> None:
        whole = self.whole_text() if self.is_cut() else ""
        tip = self.toolTip()
        said = (tip, whole) if self.TIP_FIRST else (whole, tip)
        QLabel.setToolTip(self, "\n".join(t for t in said if t))
