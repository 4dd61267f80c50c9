"""The Train form of each mode kept in the settings file across launches (walk60 D7n): read
back before the window's first mode is followed, written when the mode changes, at quit, and a
moment after each edit (a killed or crashed window keeps what was set up)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from nndesk import preferences
from nndesk.data.registry import dataset_for_kind
from nndesk.i18n import localised
from nndesk.presets import LAB_PRESET_FOR_DATASET, get_preset
from nndesk.settings_schema import BY_NAME
from nndesk.train_form_memory import WHOLE_FORM, form_text, read_form
from nndesk.ui.language import translate
from nndesk.ui.setting_editor import field_label
from nndesk.ui.train_form import TrainForm

#: the saved forms with a refused value said in this process: a window rebuilt in another
#: language reads them again, quietly
_told: set[str] = set()


def restore_saved_forms(form: TrainForm) -> str | None:
    """Give ``form`` every mode's saved form (each field that reads; a refused one is its
    lab preset's value); one line naming what was refused, else None."""
    refused: list[str] = []
    damaged: list[str] = []
    for mode in preferences.MODES:
        dataset = dataset_for_kind(mode)
        value = preferences.train_form(mode)
        if value is None or dataset not in LAB_PRESET_FOR_DATASET:
            continue
        saved = read_form(value, get_preset(LAB_PRESET_FOR_DATASET[dataset]).config)
        if WHOLE_FORM not in saved.refused:
            form.keep_mode_forms({mode: (saved.config, saved.preset, saved.edited_from)})
        refused += [name for name in saved.refused if name not in refused]
        if saved.refused:
            damaged.append(f"{mode} {value!r}")
    if not refused or _told.issuperset(damaged):
        return None
    _told.update(damaged)
    if WHOLE_FORM in refused:
        return translate(
            "TrainForm",
            "A Train form kept in the settings file could not be read: the lab preset is shown.",
        )
    names = ", ".join(_label(name) for name in refused)
    return translate(
        "TrainForm",
        "The Train form kept in the settings file had values that could not be read ({fields}): "
        "those fields show their defaults.",
    ).format(fields=names)


def _label(name: str) -> str:
    field = BY_NAME.get(name)
    return localised(field_label(field)) if field is not None else name


def remember_forms(form: TrainForm) -> None:
    """Save every mode's form the next launch should show (``TrainForm.forms_to_remember``);
    a form that does not read (a field half typed) leaves the saved one as it was."""
    for mode, (config, preset, edited_from) in form.forms_to_remember().items():
        preferences.set_train_form(mode, form_text(config, preset, edited_from))


#: how long the form stays unedited before it is written: one write for a burst of typing
FORM_SAVE_DELAY_MS = 1500


def remember_forms_as_edited(form: TrainForm) -> QTimer:
    """Write the forms ``FORM_SAVE_DELAY_MS`` after the last edit (the settings writer writes
    off the GUI thread, only what changed), so a window killed or crashed mid-session comes
    back with the form it had, not the one of the last mode switch. The timer ends with the form."""
    timer = QTimer(form)
    timer.setSingleShot(True)
    timer.setInterval(FORM_SAVE_DELAY_MS)
    timer.timeout.connect(lambda: remember_forms(form))
    form.config_changed.connect(timer.start)
    return timer
