"""The Train page's coach: one plain-language hint about the live run (``nndesk.coach``), with
a one-click fix, or after a run the "see them in Mistakes" hint."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy

from nndesk.coach import hints, mistakes_hint
from nndesk.ui import theme
from nndesk.ui.language import class_names_shown, translate, translate_marked


def coach_hints(
    controller,
    curves,
    lr,
    *,
    running: bool,
    started: bool,
    completed: bool,
    accuracy_now: float | None = None,
):
    """The hints to show, most urgent first. ``running``: a run trains (its loop not over);
    ``started``: it has started (until then the curves are the last run's: no hint, nor a fix
    that would change the new run, from them); ``completed``: the last run trained all its
    epochs; ``accuracy_now``: the running training accuracy the status line shows (the coach
    judges that figure, so it never contradicts it). After a run, what it saw stays said
    without a fix (there is no run to change), and after a run that saved its model the
    one-class-holds-the-mistakes hint comes first (its button opens Mistakes)."""
    replay = controller.replay
    confusions = replay.confusions  # every epoch's: the hint holds on (hysteresis)
    names = class_names_shown(replay.class_names)
    if running:
        if not started:
            return []
        return hints(curves, controller.inside, lr, confusions, names, replay.split, accuracy_now)
    done = completed and not controller.is_running() and controller.model_path is not None
    hint = mistakes_hint(confusions, names, replay.split) if done else None
    seen = hints(curves, controller.inside, lr, accuracy_now=accuracy_now) if curves.batch_x else []
    # the mistakes hint first: its button still does something after the run
    found = [hint] if hint is not None else []
    return found + [replace(h, fix={}, fix_label="") for h in seen]


class CoachRow(QHBoxLayout):
    """The coach's hint (``label``) and its button (``button``): ``fix_requested`` with the
    hint's settings, or ``mistakes_requested`` with its class."""

    fix_requested = Signal(dict)  # live settings to change, e.g. {"lr": 0.0003}
    mistakes_requested = Signal(int)  # the true class whose mistakes to show

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        theme.set_tone(self.label, "banner")
        self.button = QPushButton()
        self.button.setToolTip(
            translate("TrainingPanel", "apply the coach's suggested change to the running training")
        )
        self.label.hide()
        self.button.hide()
        self.addWidget(self.label, 1)
        self.addWidget(self.button)
        self._fix: dict = {}
        self._class: int | None = None  # a "mistakes" hint's class
        self.button.clicked.connect(self._on_button_clicked)

    def show_hints(self, found: list, running: bool) -> None:
        """Say the first of ``found`` (``coach_hints``), or nothing."""
        self.label.setVisible(bool(found))
        if not found:
            self.button.hide()
            self._fix = {}
            self._class = None
            return
        hint = found[0]
        self.label.setText(hint.message(lambda text: translate_marked("Coach", text)))
        self._fix = dict(hint.fix)
        self._class = hint.show_class
        if hint.show_class is not None:
            self.button.setText(hint.button_text(lambda t: translate_marked("Coach", t)))
            # the Mistakes page shows the window's model: this run's once it is saved
            self.button.setEnabled(not running)
            self.button.setToolTip(
                translate(
                    "TrainingPanel",
                    "open the Mistakes page on this class's test images (once the run's model "
                    "is ready)",
                )
            )
        elif hint.fix:
            self.button.setText(hint.button_text(lambda t: translate_marked("Coach", t)))
            self.button.setEnabled(True)
            self.button.setToolTip(
                translate(
                    "TrainingPanel", "apply the coach's suggested change to the running training"
                )
            )
        self.button.setVisible(bool(hint.fix) or hint.show_class is not None)

    @Slot()
    def _on_button_clicked(self) -> None:
        if self._class is not None:
            self.mistakes_requested.emit(self._class)
        else:
            self.fix_requested.emit(dict(self._fix))
