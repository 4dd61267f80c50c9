"""A Race lane's own settings beyond its columns: its L2, schedule, batch size, dropout, …

A lane can be a whole lab (walk60 D9: "PReLU + L2 0.0008 + exp schedule" against the plain ReLU
lab): every setting the lanes need not share (``race_shares`` in the schema: the dataset, the
epochs and seed) and that the lane's row has no column for is the lane's own, its validation
split and augmentation too (fixM). The row shows the ones a lab changes most in one cell
(``settings_cell_text``); its button opens ``LaneSettingsDialog``, the schema's editors
(``SettingEditor``, as the Train form's) for every one of them, those that do not apply hidden
as the form hides them.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from nndesk.errors import NndeskError, user_message
from nndesk.i18n import QT_TRANSLATE_NOOP, fmt, power_of_ten
from nndesk.settings_schema import BY_NAME, FIELDS
from nndesk.training import TrainConfig
from nndesk.ui import theme
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.said_only import SaidOnly
from nndesk.ui.setting_editor import SettingEditor
from nndesk.ui.train_form import _form_label as form_label

#: The settings a lane's row has a column for.
LANE_COLUMNS = ("arch", "activation", "optimizer", "lr", "normalize")
#: Settings that change no figure a lane reaches (how fast it runs, what else is measured).
UNSAID = ("threads", "test_every_epoch")
#: Each lane's own settings beyond its columns, in the schema's order (the Train form's).
LANE_OWN = tuple(
    f.name
    for f in FIELDS
    if not f.race_shares and f.name not in LANE_COLUMNS and f.name not in UNSAID
)

#: The dialog's first rows: what the lane's cell shows, then the rest in the schema's order
FIRST_IN_DIALOG = ("batch_size", "l2", "schedule", "schedule_step", "schedule_gamma",
                   "schedule_rate", "min_lr")  # fmt: skip
#: The dialog's least width in characters: "exponential after N epochs" whole in its box
DIALOG_CHARS = 52

#: A schedule in the lane's settings cell, one word ("exponential after N epochs" is the list's)
SCHEDULE_WORDS = {
    "constant": QT_TRANSLATE_NOOP("RaceView", "constant"),
    "step": QT_TRANSLATE_NOOP("RaceView", "step"),
    "exp": QT_TRANSLATE_NOOP("RaceView", "exp"),
    "cosine": QT_TRANSLATE_NOOP("RaceView", "cosine"),
}


def _number(value: float) -> str:
    return power_of_ten(fmt(value, "g"))


def settings_cell_text(config: TrainConfig) -> str:
    """The lane's batch size, L2 and schedule in a few words ("batch 128 · L2 0 · constant"):
    what a lab changes most, on the line under the lane's boxes."""
    batch = (
        translate_marked("TrainForm", "full batch")
        if config.batch_size == 0
        else translate("RunsView", "batch {size}").format(size=fmt(config.batch_size, ","))
    )
    schedule = translate_marked("RaceView", SCHEDULE_WORDS.get(config.schedule, config.schedule))
    return f"{batch} · L2 {_number(config.l2)} · {schedule}"


class LaneSettingsDialog(QDialog):
    """The lane's own settings (``LANE_OWN``) in the schema's editors. ``config`` is the lane
    as its row holds it (its columns' values read for which settings apply); ``result()``
    after OK is the lane with the edits, validated."""

    def __init__(self, name: str, config: TrainConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RaceView", "{lane}: its own settings").format(lane=name))
        self._config = config
        self.editors: dict[str, SettingEditor] = {}
        form = QFormLayout()
        self._form = form
        order = [*FIRST_IN_DIALOG, *(n for n in LANE_OWN if n not in FIRST_IN_DIALOG)]
        for name_ in order:
            editor = SettingEditor(BY_NAME[name_])
            if isinstance(editor.widget, QComboBox):
                # as wide as its longest choice: the Train form's 14 characters cut "tự động
                # (He cho ReLU" at Vietnamese Larger text, and the dialog has the room
                editor.widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            editor.set_value(getattr(config, name_))
            self.editors[name_] = editor
            form.addRow(form_label(BY_NAME[name_]), editor.widget)
            editor.changed_signal().connect(self._on_editor_changed)
        note = SaidOnly()
        note.setWordWrap(True)
        theme.set_tone(note, "muted")
        note.setText(
            translate(
                "RaceView",
                "The race's Epochs and Seed and its dataset are every lane's. The validation "
                "split and augmentation are the lane's own: lanes that differ in them train "
                "on other images.",
            )
        )
        self.error = SaidOnly()
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._edited: TrainConfig | None = None
        self._show_applying()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * DIALOG_CHARS)

    def values(self) -> dict:
        """The editors' values; ``ConfigError`` for a refused text."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def _show_applying(self) -> None:
        """Only the settings that apply to the lane (momentum beside momentum, a schedule's
        own numbers beside it), as the Train form shows them."""
        current = self._config.to_dict()
        for name, editor in self.editors.items():
            with contextlib.suppress(NndeskError):  # a refused text: the lane's own value
                current[name] = editor.value()
        for name, editor in self.editors.items():
            applies = BY_NAME[name].applies
            self._form.setRowVisible(editor.widget, applies is None or bool(applies(current)))

    @Slot()
    def _on_editor_changed(self, *_args) -> None:
        self._show_applying()
        self.error.setText("")

    def accept(self) -> None:  # noqa: D102 - Qt override: refused values keep it open
        try:
            self._edited = self._config.replace(**self.values()).validate()
        except NndeskError as err:
            self.error.setText(user_message(err))
            return
        super().accept()

    def edited(self) -> TrainConfig | None:
        """The lane with the edits after OK (None before, or after Cancel)."""
        return self._edited if self.result() == QDialog.DialogCode.Accepted else None
