"""The tooltip of a label that may paint its text cut ("…"): the tip the label was given and,
while its text is cut, the whole text. ``StatusField`` (status_bar.py) and ``LinesLabel``
(elided_label.py) each hold one; they differ only in the order the two are said."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class WholeTextTip:
    """Held by a ``label`` whose ``text()`` is its whole text and whose ``is_cut()`` says
    whether painting cut it. The label's own ``setToolTip``/``toolTip`` go to ``give`` and
    ``given``; Qt's tooltip (``QLabel.toolTip(label)``, what a pointer over it shows) is
    ``said()``, set again by ``say`` whenever the text or the width may have changed.

    ``whole_first``: the whole text before the given tip (a headline: its words first) or
    after it (a status field: what it is first)."""

    def __init__(self, label: QLabel, whole_first: bool) -> None:
        self._label = label
        self._whole_first = whole_first
        self.given = ""  # the tip the label was given (its ``toolTip()``)

    def give(self, tip: str) -> None:
        """``tip`` is what the label is; the shown tooltip says it again."""
        self.given = tip
        self.say()

    def said(self) -> str:
        """The tooltip to show: the given tip and, while the label is cut, its whole text."""
        whole = self._label.text() if self._label.is_cut() else ""
        both = (whole, self.given) if self._whole_first else (self.given, whole)
        return "\n".join(t for t in both if t)

    def say(self) -> None:
        """Set Qt's tooltip of the label to ``said()``."""
        QLabel.setToolTip(self._label, self.said())
