"""TrainForm: one field per training setting, built from ``nndesk.settings_schema.FIELDS``.

Each setting's label, help (the tooltip), choices, range and whether it applies come from the
schema; ``setting_editor`` decides how a field looks (a drop-down, a number, a spin box). A bad
value is refused at its field: the field turns red, a one-line reason appears under it, and
``validity_changed(False)`` tells the panel to disable Train. The architecture field shows the
parameter count of the network it describes while the user types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nndesk.data.registry import DATASETS, dataset_for_kind
from nndesk.errors import ConfigError, NndeskError
from nndesk.i18n import N_, QT_TRANSLATE_NOOP, Message, localised
from nndesk.setting_words import dataset_text
from nndesk.settings_schema import FIELDS, Field, problems, sketches_apply
from nndesk.training import TrainConfig
from nndesk.ui import text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.file_dialogs import OWN_FOLDERS
from nndesk.ui.form_steering import OWN_ROWS, STEERED, SteeringLook
from nndesk.ui.language import accuracy_text, integer, translate, translate_marked
from nndesk.ui.list_only import choose_from_list_only
from nndesk.ui.rate_plot import MOST_POINTS, RatePlot
from nndesk.ui.save_place import start_folder
from nndesk.ui.setting_editor import (
    LOOKS,
    SettingEditor,
    choice_combo,
    field_label,
    reason_of,
    set_combo,
)
from nndesk.ui.whole_label import WholeLabel

FOLDER = "folder"
#: The groups of the form, in order, with their titles.
GROUPS = (
    ("data", QT_TRANSLATE_NOOP("TrainForm", "Data")),
    ("network", QT_TRANSLATE_NOOP("TrainForm", "Network")),
    ("optimisation", QT_TRANSLATE_NOOP("TrainForm", "Optimisation")),
)


def _planned(values: dict[str, Any]) -> list[tuple[int, float]]:
    """The rate each epoch trains at by the schedule fields' ``values`` (the form's, those that
    read), from the training loop's own function; [] while one of them does not read."""
    import dataclasses

    from nndesk.training.session import planned_rates

    names = ("lr", "epochs", "schedule", "schedule_step", "schedule_gamma", "schedule_rate")
    names += ("min_lr",)
    if any(values.get(name) is None for name in names):
        return []
    try:
        config = dataclasses.replace(TrainConfig(), **{name: values[name] for name in names})
        return planned_rates(config, most=MOST_POINTS)
    except (ConfigError, TypeError, ValueError, OverflowError):
        return []


def _focusable_in(item) -> list[QWidget]:
    """The widgets Tab can reach in layout item ``item``, in the order its layouts show them."""
    widget, layout = item.widget(), item.layout()
    if widget is not None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return [widget]
        layout = widget.layout()
    if layout is None:
        return []
    return [w for i in range(layout.count()) for w in _focusable_in(layout.itemAt(i))]


class RowField(QWidget):
    """A form row's field: its widgets one under the other, at least as wide as they need plus
    the gap before them. QFormLayout (``WrapLongRows``) keeps a row side by side while the
    label column and the field's least width fit the form, without the gap between them (6 px
    here), and then gives the field that much less: at 1280 px in Vietnamese at the larger text
    "784-c32v-p-c64v-p-128-10 → 225.034 tham số" got 382 of its 387 px and read "tham sc"
    (walk61). Counted here, the row goes under its label instead."""

    def __init__(self, form: QFormLayout, *widgets: QWidget) -> None:
        super().__init__()
        self._form = form
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        for widget in widgets:
            lay.addWidget(widget)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return QSize(hint.width() + max(0, self._form.horizontalSpacing()), hint.height())


def parameter_summary(arch: str) -> str:
    """``"784-64-64-10 -> 55,050 parameters"``; raises ``ConfigError`` for a bad string.

    Counted from the string, nothing built: this runs on the GUI thread as the person types,
    and a typo like 784-16384-16384-10 would otherwise allocate a gigabyte. The rules are
    ``TrainConfig``'s own (784 inputs, size limits), so the form and the CLI refuse alike.
    """
    from nndesk.nn.architecture import parameter_count, parse_architecture

    tokens = parse_architecture(arch)  # its reasons name the layer; validate's name the field
    TrainConfig(arch=arch.strip()).validate()
    count = parameter_count(tokens)
    return translate("TrainForm", "{arch} → {count} parameters").format(
        arch=arch.strip(), count=integer(count)
    )


def _form_label(field: Field) -> str:
    """A field's label in the form, in the window's language: the schema's ``form_label``
    where the form is a learner's first meeting with the term ("Tốc độ học (learning rate)",
    the glossary's full form); messages and table headers keep the short ``label``."""
    if field.form_label:
        return translate_marked("TrainForm", field.form_label)
    return translate_marked("", field.label)


class TrainForm(QWidget):
    """Every training setting; ``config()`` builds the ``TrainConfig``.

    Each field's widget is also an attribute named like the setting (``form.lr``, ...).
    """

    validity_changed = Signal(bool)  # True when every field holds an acceptable value
    refused_changed = Signal()  # another set of fields is refused (``refused_labels``)
    config_changed = Signal()  # any field was edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, str] = {}
        self._arch_error: str | None = None  # the layers' own reason; _validate adds the folder's
        self._error_labels: dict[str, QLabel] = {}
        self._holders: dict[str, tuple[QFormLayout, QWidget]] = {}
        self._editors: dict[str, SettingEditor] = {}
        self._applying_preset = False
        #: the preset the fields were edited from (the box says "custom"): an edit that puts
        #: every field back to its settings names it again (lab56 D6)
        self._edited_from: str | None = None
        self._valid = True
        #: the window's mode the form follows, and the form each other mode had when left
        self._mode: str | None = None
        #: mode -> (settings, preset name or "" for custom, the preset a custom form was
        #: edited from or ""): its note comes back with it (verify60 D-G)
        self._mode_forms: dict[str, tuple[TrainConfig, str, str]] = {}

        # -- the preset, the dataset (or an image folder) and the layers: rows of their own --
        self.preset = choose_from_list_only(QComboBox())  # a preset refills every field
        self.preset.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset.setMinimumContentsLength(14)
        self._order_presets(TrainConfig().dataset)
        self.preset.setToolTip(
            translate(
                "TrainForm",
                "a lab experiment's settings in one go; editing any field makes it custom",
            )
        )
        self.preset_note = WholeLabel()  # its last line is the lab's figure (walk65 D2)
        # a shorter custom note kept at the preset's height sits at the top, by the box
        self.preset_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        theme.set_tone(self.preset_note, "muted")
        self.preset_note.hide()
        # while a run trains: which fields stay editable, and why the others are greyed out
        self.steer_note = QLabel()
        self.steer_note.setWordWrap(True)
        theme.set_tone(self.steer_note, "banner")
        self.steer_note.hide()
        by_name = {f.name: f for f in FIELDS}
        datasets = [
            (name, translate_marked("Datasets", spec.plain_title or spec.title))
            for name, spec in DATASETS.items()
        ]
        self.dataset = choice_combo((*datasets, (FOLDER, translate("TrainForm", "Image folder…"))))
        self.dataset.setToolTip(
            translate(
                "TrainForm", "{datasets}, or a folder with one sub-folder of images per class"
            ).format(datasets=", ".join(dataset_text(name) for name in DATASETS))  # not "mnist"
        )
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(
            translate("TrainForm", "folder with one sub-folder per class")
        )
        self.folder.setToolTip(
            translate("TrainForm", "a folder with one sub-folder of images per class")
        )
        self.folder_button = tipped_button(
            translate("TrainForm", "Browse…"), translate("TrainForm", "choose the image folder")
        )
        folder_row = QWidget()
        fl = QHBoxLayout(folder_row)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.folder, 1)
        fl.addWidget(self.folder_button)
        self.arch = QLineEdit()
        self.arch.setPlaceholderText(translate("TrainForm", "e.g. 784-64-64-10"))
        self.arch.setToolTip(translate_marked("", by_name["arch"].help))
        self.arch_summary = QLabel()
        theme.set_tone(self.arch_summary, "good")

        # -- every other setting, from the schema --------------------------------------------
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.steer_note)
        forms: dict[str, QFormLayout] = {}
        for group, title in GROUPS:
            box = QGroupBox(translate_marked("TrainForm", title))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            # a row whose label and field do not fit side by side puts the field under its
            # label: at 1000 px in Vietnamese "Tăng cường dữ liệu (augmentation)" beside its
            # check box made the page 13 px wider than its place and the window scrolled sideways
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            forms[group] = form
            outer.addWidget(box)
        outer.addStretch(1)
        data = forms["data"]
        data.addRow(translate("TrainForm", "Preset"), RowField(data, self.preset))
        data.addRow("", self.preset_note)
        data.addRow(translate_marked("", by_name["dataset"].label), RowField(data, self.dataset))
        self._add_row(data, "folder", "", folder_row)
        self._add_row(
            forms["network"],
            "arch",
            translate_marked("", by_name["arch"].label),
            self.arch,
            self.arch_summary,
        )
        for field in FIELDS:
            if field.name in OWN_ROWS:
                continue
            editor = self._editors[field.name] = SettingEditor(field)
            setattr(self, field.name, editor.widget)
            boxed = field.kind is bool and "text" in LOOKS.get(field.name, {})
            # a check box says what it does; it has a row label only where it names a term
            label = "" if boxed and not field.form_label else _form_label(field)
            self._add_row(forms[field.group], field.name, label, editor.widget)
            if field.name == "min_lr":  # under the schedule's fields, the rates they plan
                self.rate_plot = RatePlot()
                self.rate_plot.setToolTip(
                    translate(
                        "TrainForm",
                        "The learning rate each epoch of a run started with Train trains at, "
                        "as these settings plan it: it follows the fields above as they change. "
                        "A rate set by hand during the run stops the schedule.",
                    )
                )
                self._add_row(forms[field.group], "rate_plot", "", self.rate_plot)

        # the schema's help (the command line's) names a Threads field, which the form has not
        self.seed.setToolTip(
            translate(
                "TrainForm",
                "same seed + same settings = the same first weights and the same batches. A CNN "
                "or a wide network may be split over more cores when the machine is quiet, "
                "which sums in another order and ends slightly elsewhere; nndesk train "
                "--threads 1 repeats a run exactly",
            )
        )

        # eight training images as the augmentation above changes them
        from nndesk.ui.augment_preview import AugmentPreview

        self.augment_preview = AugmentPreview()
        self._add_row(forms["data"], "augment_preview", "", self.augment_preview)

        self._arch_timer = QTimer(self)
        self._arch_timer.setSingleShot(True)
        self._arch_timer.setInterval(150)
        self._arch_timer.timeout.connect(self._on_arch_timer_timeout)

        # what a running run leaves editable, and why the rest is greyed out
        fixed = (self.preset, self.dataset, self.folder, self.folder_button, self.arch)
        self._steering = SteeringLook(fixed, self._editors, self.steer_note, self.dropout_why)
        self._running = False
        #: the batch size typed before gradient descent (full batch) greyed the field, given
        #: back when another optimizer is chosen (None: the field is not held)
        self._batch_before_gd: int | None = None

        self.set_config(TrainConfig())
        self._connect()
        self._on_field_edited()
        self._check_arch()
        from nndesk.presets import DEFAULT_PRESET

        self.apply_preset(DEFAULT_PRESET)  # a fresh form shows a lab's settings, named
        self._chain_tabs([forms[group] for group, _title in GROUPS])
        self._line_up_labels()
        text_size.notifier().changed.connect(self._line_up_labels)  # ends with this form

    # -- building helpers ----------------------------------------------------------------------
    def _add_row(
        self, form: QFormLayout, key: str, label: str, field: QWidget, extra: QWidget | None = None
    ) -> None:
        """A row holding ``field`` (and ``extra``) above a red one-line reason, hidden until one."""
        holder = RowField(form, field, *([extra] if extra is not None else []))
        lay = holder.layout()
        error = QLabel()
        error.setWordWrap(True)
        theme.set_tone(error, "error")
        error.hide()
        lay.addWidget(error)
        self._error_labels[key] = error
        if key == "dropout":  # why a running run's dropout cannot change, under the field
            why = QLabel()
            why.setWordWrap(True)
            theme.set_tone(why, "muted")
            why.hide()
            lay.addWidget(why)
            self.dropout_why = why
        if key == "schedule_step":  # a schedule that never acts in this run says so here
            note = QLabel()
            note.setWordWrap(True)
            theme.set_tone(note, "banner")
            note.hide()
            lay.addWidget(note)
            self.schedule_note = note
        self._holders[key] = (form, holder)
        form.addRow(label, holder)

    def _chain_tabs(self, forms: list[QFormLayout]) -> None:
        """Tab goes down the form as it reads, box by box and row by row: Qt's order is the
        order widgets were made, and Layers (made before the schema's fields) led back up to
        Inputs, where the next arrow key changed the scaling out of sight (walk60 D8)."""
        chain: list[QWidget] = []
        for form in forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if item is not None:
                    chain.extend(_focusable_in(item))
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    @Slot()
    def _line_up_labels(self) -> None:
        """Each row's label as high as its field at most, so that it is centred on the field:
        in a row two lines high (Layers over its parameter count) the form centres a label in
        up to 7/4 of its own height, and at 11 pt "Layers" sat 3 px under its field's text."""
        for form, holder in self._holders.values():
            label = form.labelForField(holder)
            field = holder.layout().itemAt(0).widget()
            if label is not None and field is not None:
                label.setMaximumHeight(max(label.sizeHint().height(), field.sizeHint().height()))

    def _connect(self) -> None:
        self.dataset.currentIndexChanged.connect(self._on_field_edited)
        self.dataset.currentIndexChanged.connect(lambda _index: self._order_presets())
        self.folder.textChanged.connect(self._on_field_edited)
        self.folder.editingFinished.connect(self._fit_outputs_to_folder)
        for editor in self._editors.values():
            editor.changed_signal().connect(self._on_field_edited)
            typed = editor.text_signal()
            if typed is not None:  # "0" typed in Epochs: refused, and Train disabled, at once
                typed.connect(self._on_spin_text_changed)
            settled = editor.settled_signal()
            if settled is not None:  # left with a refused text: Qt puts the last number back
                settled.connect(self._on_spin_text_changed)
        self.arch.textChanged.connect(self._on_arch_text_changed)
        self.preset.currentIndexChanged.connect(self._on_preset_current_index_changed)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)

    # -- public --------------------------------------------------------------------------------
    def is_valid(self) -> bool:
        return not self._errors

    def errors(self) -> dict[str, str]:
        """Field name -> one-line reason, for every refused field."""
        return dict(self._errors)

    def refused_labels(self) -> list[str]:
        """The refused fields' names as messages say them ("Epochs"), in the form's order; an
        image folder's path is the Dataset field's."""
        by_name = {f.name: f for f in FIELDS}
        labels = []
        for key in self._error_labels:  # built in the form's order
            field = by_name.get("dataset" if key == "folder" else key)
            if key in self._errors and field is not None:
                labels.append(localised(field_label(field)))
        return labels

    def dataset_name(self) -> str:
        """ "mnist", "fashion" or the image folder's path."""
        if self.dataset.currentData() == FOLDER:
            return self.folder.text().strip()
        return self.dataset.currentData()

    def config(self) -> TrainConfig:
        """The settings as a validated ``TrainConfig``; ``ConfigError`` names a refused field."""
        self._check_arch()
        self._validate()
        if self._errors:
            key, reason = next(iter(self._errors.items()))
            raise ConfigError(Message("{key}: {reason}", key=key, reason=reason))
        values = {name: editor.value() for name, editor in self._editors.items()}
        dataset = self.dataset_name()
        if not sketches_apply({"dataset": dataset}):
            # hidden for digits, yet a share left from a garment preset would still redraw them
            values["sketch"] = 0.0
        return TrainConfig(dataset=dataset, arch=self.arch.text().strip(), **values).validate()

    def set_config(
        self, config: TrainConfig, preset: str | None = None, edited_from: str = ""
    ) -> None:
        """Show ``config`` in the fields (a preset, or a loaded model's settings); a value a
        field cannot show raises ``ConfigError`` naming it, and every field keeps its own.

        The preset box then names the preset whose settings ``config`` is, or "custom":
        ``preset`` (a name, or "" for custom) keeps the box's word when it is true of
        ``config`` (a custom form equal to a preset, rebuilt in another language, stays custom).
        A custom form ``edited_from`` a preset says so under the box, as it did when edited.
        """
        for name, editor in self._editors.items():
            problem = editor.unshowable(getattr(config, name))
            if problem:
                raise ConfigError(
                    Message("{label}: {reason}", label=field_label(editor.field), reason=problem)
                )
        was = self._applying_preset
        self._applying_preset = True
        try:
            if config.dataset in DATASETS:
                set_combo(self.dataset, config.dataset)
            else:
                set_combo(self.dataset, FOLDER)
                self.folder.setText(config.dataset)
            self.arch.setText(config.arch)
            for name, editor in self._editors.items():
                editor.set_value(getattr(config, name))
            self._check_arch()
            self._on_field_edited()
        finally:
            self._applying_preset = was
        self._name_preset(config, preset)
        if (
            edited_from
            and self.preset.currentIndex() == 0
            and self.preset.findData(edited_from) > 0
        ):
            self._edited_from = edited_from
            self._say_edited_from(edited_from)
        self.config_changed.emit()

    def _name_preset(self, config: TrainConfig, wanted: str | None) -> None:
        """The box names the preset whose settings the fields now hold: it named the one chosen
        before over a loaded model's or a rebuilt window's settings (walk49: a CNN shown
        as "fashion-mlp-lab", which Train would have trained under that name)."""
        from nndesk.presets import get_preset, list_presets

        names = [p.name for p in list_presets() if p.config == config]
        self._edited_from = None
        name = wanted if wanted in ("", *names) else next(iter(names), "")
        self.preset.blockSignals(True)  # the fields hold it already
        self.preset.setCurrentIndex(max(0, self.preset.findData(name)))
        self.preset.blockSignals(False)
        self.preset_note.setMinimumHeight(0)  # a custom note's kept height, no longer needed
        note = preset_note_text(get_preset(name)) if name else ""
        self.preset_note.setText(note)
        # whole in its tooltip too: a form laid out at another width kept its lines short of
        # the note's, and its last one, the lab's own figure, was cut (walk65 D2)
        self.preset_note.setToolTip(note)
        self.preset_note.setVisible(bool(name))

    def _order_presets(self, dataset: str | None = None) -> None:
        """The preset box: custom, then ``dataset``'s presets, a line, the others (walk59 D9: a
        teacher preparing digit labs met four garment presets first), each in lab order; the
        chosen one stays chosen. ``dataset`` None: the window mode's dataset, else the form's
        (walk60 D7e: after an MNIST preset in Clothing, its list began with the MNIST ones)."""
        from nndesk.presets import list_presets

        if dataset is None:
            dataset = dataset_for_kind(self._mode or "") or self.dataset.currentData()
        chosen = self.preset.currentData() or ""
        presets = list_presets()
        own = [p for p in presets if p.config.dataset == dataset]
        others = [p for p in presets if p.config.dataset != dataset]
        blocked = self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(translate("TrainForm", "— custom —"), "")
        for group in (own, others):
            if group is others and own and others:
                self.preset.insertSeparator(self.preset.count())
            for p in group:
                self.preset.addItem(p.name, p.name)
                tip = Qt.ItemDataRole.ToolTipRole
                self.preset.setItemData(self.preset.count() - 1, localised(p.description), tip)
        self.preset.setCurrentIndex(max(0, self.preset.findData(chosen)))
        self.preset.blockSignals(blocked)

    def follow_mode(self, mode: str) -> None:
        """Pick the window mode's dataset ("digits": MNIST, "garments": Fashion-MNIST), unless
        an image folder is chosen. Each mode keeps its own form (walk59 D13: a teacher's MNIST
        lab came back from Clothing as the Fashion lab's net on MNIST): the one left is kept,
        the one come back to is shown again. A mode shown for the first time: a chosen preset
        gives way to the new dataset's lab preset; custom settings keep their values on the
        new dataset."""
        from nndesk.presets import LAB_PRESET_FOR_DATASET

        dataset = dataset_for_kind(mode)
        left, self._mode = self._mode, mode
        if left != mode:
            self._order_presets()
        if left is None and mode in self._mode_forms and self._show_kept(mode):
            return  # the first mode shown: its form as the last session left it (walk60 D7n)
        if dataset is None or self.dataset.currentData() in (FOLDER, dataset):
            return  # a folder, or a form already on this dataset (a model's, a run's): it stays
        if left is not None and left != mode and self._keep_form(left):
            kept = self._mode_forms.get(mode)
            if kept is not None:
                self.set_config(*kept)
                return
        if self.preset.currentData() and dataset in LAB_PRESET_FOR_DATASET:
            # untouched preset settings follow the mode to that dataset's lab, still named
            self.apply_preset(LAB_PRESET_FOR_DATASET[dataset])
            return
        set_combo(self.dataset, dataset)

    def take_run_mode(self, mode: str) -> None:
        """A run on ``mode``'s data started from this form in another mode (the other mode's lab
        picked here): the form is ``mode``'s from now, and the form kept for ``mode`` gives way
        to it. walk66 #3: fashion-cnn-lab set up in Digits trained in Clothing, and at the run's
        end Clothing's kept form (fashion-mlp-lab) came back, so Train again ran the other lab."""
        if self._mode is None or mode == self._mode:
            return
        self._mode_forms.pop(mode, None)
        self._mode = mode
        self._order_presets()

    def follows_another_mode(self, mode: str) -> bool:
        """Whether ``follow_mode(mode)`` would show another dataset's form."""
        dataset = dataset_for_kind(mode)
        return dataset is not None and self.dataset.currentData() not in (FOLDER, dataset)

    def _show_kept(self, mode: str) -> bool:
        """Show the form kept for ``mode`` (a saved one a field cannot show: False, the form
        stays as it is)."""
        try:
            self.set_config(*self._mode_forms.pop(mode))
        except ConfigError:
            return False
        return True

    def _keep_form(self, mode: str) -> bool:
        """Keep the form as ``mode``'s, when it is on that mode's dataset and every field
        reads; False: it is not kept (a field half typed stays in the fields instead)."""
        shown = self._shown_form(mode)
        if shown is None:
            return False
        self._mode_forms[mode] = shown
        return True

    def edited_from(self) -> str:
        """The preset a custom form was edited from ("" for a preset, or custom settings that
        came from elsewhere: a model's, a run's)."""
        return (self._edited_from or "") if self.preset.currentIndex() == 0 else ""

    def _shown_form(self, mode: str) -> tuple[TrainConfig, str, str] | None:
        """The form shown as ``mode``'s (settings, preset name or "", the preset a custom one
        was edited from or ""), when it is on that mode's dataset and every field reads, else
        None."""
        if self.dataset.currentData() != dataset_for_kind(mode):
            return None
        try:
            config = self.config()
        except (NndeskError, ValueError):
            return None
        return config, self.preset.currentData() or "", self.edited_from()

    def mode_forms(self) -> dict[str, tuple[TrainConfig, str, str]]:
        """The forms kept for the modes not shown: mode -> (settings, preset name or "",
        the preset a custom one was edited from or "")."""
        return dict(self._mode_forms)

    def keep_mode_forms(self, forms: dict[str, tuple[TrainConfig, str, str]]) -> None:
        """Take over the kept forms of a window rebuilt in another language, or the ones the
        last session saved (before the first ``follow_mode``: its mode's is shown then)."""
        self._mode_forms.update(forms)

    def forms_to_remember(self) -> dict[str, tuple[TrainConfig, str, str]]:
        """Every mode's form as the next launch should show it: the kept ones, and the one
        shown when it is on its mode's dataset and every field reads (walk60 D7n)."""
        forms = dict(self._mode_forms)
        shown = self._shown_form(self._mode) if self._mode else None
        if shown is not None and self._mode is not None:
            forms[self._mode] = shown
        return forms

    def set_steering(self, run_config: TrainConfig | None) -> None:
        """While a run of ``run_config`` trains, only the settings it can change stay editable
        (``form_steering.SteeringLook``); None: all again."""
        batch = self._editors.get("batch_size")
        if run_config is not None and batch is not None:
            # its own tip, which the steering keeps to give back (not the held field's)
            batch.widget.setToolTip(translate_marked("", batch.field.help))
        self._steering.show(run_config)
        self._running = run_config is not None
        self._hold_full_batch()

    def set_steered(self, values: dict[str, Any]) -> None:
        """Show live settings changed from elsewhere (the coach's fixes) in their fields."""
        for name, value in values.items():
            if name in self._editors:
                self._editors[name].set_value(value)

    def steered_values(self) -> dict[str, Any]:
        """The live settings as the fields show them (those that read and are allowed), for
        ``TrainingController.change_settings``; ``ConfigError`` names a refused field."""
        values: dict[str, Any] = {}
        for name in STEERED:
            editor = self._editors[name]
            if not editor.widget.isEnabled():
                continue
            try:
                values[name] = editor.value()
            except ConfigError as err:
                raise ConfigError(
                    Message(
                        "{label}: {reason}", label=field_label(editor.field), reason=reason_of(err)
                    )
                ) from None
        for name, reason in problems(values).items():
            label = field_label(self._editors[name].field)
            raise ConfigError(Message("{label}: {reason}", label=label, reason=reason))
        return values

    def apply_preset(self, name: str) -> None:
        """Select preset ``name`` and fill every field from it."""
        set_combo(self.preset, name)

    # -- validation ----------------------------------------------------------------------------
    def _values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The fields' values (those that read) and the reasons of those that do not."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for name, editor in self._editors.items():
            try:
                values[name] = editor.value()
            except ConfigError as err:
                errors[name] = reason_of(err)
        return values, errors

    def _validate(self) -> None:
        errors: dict[str, str] = {}
        if self._arch_error is not None:
            errors["arch"] = self._arch_error
        values, unreadable = self._values()
        errors.update(unreadable)
        for name, reason in problems(values).items():
            errors.setdefault(name, reason)
        if self.dataset.currentData() == FOLDER:
            folder = self.folder.text().strip()
            if not folder:
                errors["folder"] = Message(
                    N_("choose a folder with one sub-folder of images per class")
                )
            elif not Path(folder).is_dir():
                errors["folder"] = Message(N_("{folder} is not a folder"), folder=folder)
            elif "arch" not in errors:
                mismatch = self._folder_mismatch(folder)
                if mismatch is not None:
                    errors["arch"] = mismatch
        elif "arch" not in errors:
            mismatch = self._dataset_mismatch(self.dataset.currentData())
            if mismatch is not None:
                errors["arch"] = mismatch
        self._show_errors(errors)
        self._say_idle_schedule(values)

    def _say_idle_schedule(self, values: dict[str, Any]) -> None:
        """The note under "Keep for" when the schedule would first act after the last epoch."""
        from nndesk.ui.schedule_note import idle_schedule_text

        text = idle_schedule_text(
            values, self._row_label("schedule_step"), self._row_label("epochs")
        )
        self.schedule_note.setText(text)
        self.schedule_note.setVisible(bool(text))

    def _row_label(self, key: str) -> str:
        """The label of field ``key``'s row, as the form shows it ("Keep for")."""
        form, holder = self._holders[key]
        label = form.labelForField(holder)
        return label.text() if isinstance(label, QLabel) else ""

    def _dataset_mismatch(self, name: str) -> Message | None:
        """The Layers field's reason when its output layer is not the registered dataset's
        class count: "784-64-3" on MNIST showed valid until Train, which then said so four
        times, naming the dataset by its key "fashion" (lab56 D11)."""
        from nndesk.nn.architecture import output_count, output_mismatch

        spec = DATASETS.get(name)
        outputs = output_count(self.arch.text())
        if spec is None or outputs in (None, len(spec.class_names)):
            return None
        title = spec.short_title or spec.name
        return output_mismatch(self.arch.text(), outputs, title, len(spec.class_names))

    def _folder_mismatch(self, folder: str) -> Message | None:
        """The Layers field's reason when its output layer does not fit the folder's classes
        (found after Train before: walk53 #5), naming what to type."""
        from nndesk.data.folders import class_folder_names
        from nndesk.nn.architecture import output_count, output_mismatch

        classes = len(class_folder_names(folder))
        outputs = output_count(self.arch.text())
        if classes < 2 or outputs in (None, classes):
            return None
        return output_mismatch(self.arch.text(), outputs, Path(folder).name, classes)

    def _fit_outputs_to_folder(self) -> None:
        """A folder chosen (Browse, or the path typed and left): the output layer becomes its
        class count, as a user expects of "one sub-folder per class"; the line under Layers
        says so. Not on each keystroke: "/tmp" on the way to "/tmp/shapes" is a folder too."""
        from nndesk.data.folders import class_folder_names
        from nndesk.nn.architecture import output_count, with_outputs

        if self.dataset.currentData() != FOLDER or not self.arch.isEnabled():
            return
        folder = self.folder.text().strip()
        classes = len(class_folder_names(folder)) if folder else 0
        if classes < 2 or output_count(self.arch.text()) in (None, classes):
            return
        self.arch.setText(with_outputs(self.arch.text(), classes))
        self._arch_timer.stop()  # checked now: the typing timer would wipe the note below
        self._check_arch()
        note = translate(
            "TrainForm", "last layer set to {classes}: the folder has {classes} classes"
        ).format(classes=classes)
        self.arch_summary.setText(f"{self.arch_summary.text()}\n{note}")  # own line: no wrap

    def _show_errors(self, errors: dict[str, str]) -> None:
        refused = set(errors) != set(self._errors)
        self._errors = errors
        for key, label in self._error_labels.items():
            reason = errors.get(key)
            label.setText(localised(reason) if reason else "")
            label.setVisible(bool(reason))
            widget = getattr(self, key, None)
            if isinstance(widget, QLineEdit):
                theme.set_tone(widget, "error" if reason else None)
        # a refused Layers field says why in one line: its count of parameters (or "last layer
        # set to 3") above "ends with 10 outputs but shapes has 3 classes" said it twice
        # (fix54a #4)
        self.arch_summary.setVisible(not errors.get("arch"))
        valid = not errors
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        if refused:
            self.refused_changed.emit()

    def _check_arch(self) -> None:
        text = self.arch.text()
        try:
            summary = parameter_summary(text)
        except ConfigError as err:
            self._arch_error = reason_of(err)
            self.arch_summary.setText("")
        except Exception as err:  # noqa: BLE001 - a layer refusing its shape, reported as text
            self._arch_error = Message(
                N_("cannot build this network: {reason}"), reason=reason_of(err)
            )
            self.arch_summary.setText("")
        else:
            self._arch_error = None
            self.arch_summary.setText(summary)
        self._validate()

    def _update_visibility(self) -> None:
        form, holder = self._holders["folder"]
        form.setRowVisible(holder, self.dataset.currentData() == FOLDER)
        values, _ = self._values()
        values["dataset"] = self.dataset_name()
        for field in FIELDS:
            if field.applies is None or field.name not in self._editors:
                continue
            shown = field.applies(values)
            form, holder = self._holders[field.name]
            form.setRowVisible(holder, shown)
            self._editors[field.name].widget.setVisible(shown)
        form, holder = self._holders["augment_preview"]
        form.setRowVisible(holder, bool(values.get("augment")))
        # a constant rate's flat line tells nothing the Learning rate field does not: no room for it
        planned = _planned(values) if values.get("schedule") != "constant" else []
        form, holder = self._holders["rate_plot"]
        form.setRowVisible(holder, bool(planned))
        if planned:
            self.rate_plot.show_plan(planned)
        if values.get("augment"):
            strengths = [
                values.get(k) for k in ("aug_shift", "aug_rotate", "aug_scale", "aug_stroke")
            ]
            if all(isinstance(v, float) for v in strengths):
                self.augment_preview.set_strengths(*strengths)
        self._hold_full_batch()
        label = self._holders["schedule_step"][0].labelForField(self._holders["schedule_step"][1])
        if label is not None:
            label.setText(
                translate("TrainForm", "Every")
                if values.get("schedule") == "step"
                else translate("TrainForm", "Keep for")
            )

    def _hold_full_batch(self) -> None:
        """Gradient descent (full batch) takes the whole training split at each step: while it
        is chosen Batch size says "full batch", greyed, its tooltip says why (verify68 #3: the
        form took batch 60 with it and trained 900 mini-batches an epoch under its name); the
        size typed before comes back with another optimizer. A running run's field is the
        steering's (``set_steering``)."""
        editor = self._editors.get("batch_size")
        if editor is None or self._running:
            return
        spin = editor.widget
        gd = self.optimizer_choice() == "gd"
        if gd:
            if self._batch_before_gd is None:
                self._batch_before_gd = spin.value()
            spin.setEnabled(False)
            spin.setToolTip(
                translate(
                    "TrainForm",
                    "Gradient descent (full batch) takes the whole training split at each "
                    "step: choose another optimizer (SGD, Adam…) for batches.",
                )
            )
            if spin.value() != spin.minimum():
                spin.setValue(spin.minimum())  # "full batch"
        elif not gd and self._batch_before_gd is not None:
            before, self._batch_before_gd = self._batch_before_gd, None
            spin.setEnabled(True)
            spin.setToolTip(translate_marked("", editor.field.help))
            if before and spin.value() == spin.minimum():
                spin.setValue(before)

    def optimizer_choice(self) -> str:
        """The optimizer the form's box shows ("gd", "adam", …)."""
        editor = self._editors.get("optimizer")
        return "" if editor is None else str(editor.widget.currentData() or "")

    # -- slots ---------------------------------------------------------------------------------
    @Slot()
    def _on_field_edited(self) -> None:
        self._update_visibility()
        self._validate()
        if not self._applying_preset:
            self._follow_edit()
            self.config_changed.emit()

    @Slot()
    def _on_arch_text_changed(self) -> None:
        if self._applying_preset:
            return
        self._follow_edit()
        self._arch_timer.start()
        self.config_changed.emit()

    @Slot()
    def _on_arch_timer_timeout(self) -> None:
        self._check_arch()

    @Slot()
    def _on_spin_text_changed(self) -> None:
        self._validate()

    @Slot(int)
    def _on_preset_current_index_changed(self, index: int) -> None:
        name = self.preset.itemData(index)
        if not name:
            self._hide_preset_note()
            return
        from nndesk.presets import get_preset

        self.set_config(get_preset(name).config, preset=name)

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            translate("TrainForm", "Image folder (one sub-folder per class)"),
            start_folder(),
            options=OWN_FOLDERS,
        )
        if folder:
            self.folder.setText(folder)
            self._fit_outputs_to_folder()

    def _follow_edit(self) -> None:
        """The box says "custom" after an edit, or names again the preset the fields were
        edited from when they hold its settings once more (a rate typed wrong, then right)."""
        self._mark_custom()
        name = self._edited_from
        if not name:
            return
        values, errors = self._values()
        if errors:
            return
        from nndesk.presets import get_preset

        try:
            config = TrainConfig(
                dataset=self.dataset_name(), arch=self.arch.text().strip(), **values
            )
        except (ConfigError, TypeError, ValueError):
            return
        if config == get_preset(name).config:
            self._name_preset(config, name)

    def _mark_custom(self) -> None:
        if self.preset.currentIndex() != 0:
            self._edited_from = self.preset.currentData()
            edited = self.preset.currentText()
            shown = not self.preset_note.isHidden()  # the page may be behind another
            height = self.preset_note.height()
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(0)
            self.preset.blockSignals(False)
            if not shown:
                self._hide_preset_note()
                return
            # the note keeps its place and height: typing in Layers hid it and the whole form
            # jumped ~45 px up under the pointer (walk54b)
            self._say_edited_from(edited)
            self.preset_note.setMinimumHeight(height)

    def _say_edited_from(self, name: str) -> None:
        self.preset_note.setToolTip("")
        self.preset_note.setText(
            translate(
                "TrainForm",
                "Custom settings, edited from {preset}. Choose a preset above to start"
                " again from one.",
            ).format(preset=name)
        )
        self.preset_note.show()

    def _hide_preset_note(self) -> None:
        self.preset_note.setText("")
        self.preset_note.setToolTip("")
        self.preset_note.setMinimumHeight(0)
        self.preset_note.hide()


def preset_note_text(preset) -> str:
    """The note under the preset box: what it is, what it reached here, and the lab's figure.
    The description is a sentence here, so it starts with a capital ("Beats the PReLU lab: …");
    in ``nndesk presets``'s table and the box's tooltips it goes on in lower case."""
    description = localised(preset.description)
    parts = [description[:1].upper() + description[1:] + "."]
    if preset.measured_accuracy is not None:  # measured on one CPU: not "here" (walk54 D4)
        from nndesk.ui.preset_words import measured_text

        parts.append(measured_text(preset))
    if preset.lab_accuracy is not None:
        lab = accuracy_text(preset.lab_accuracy)
        if preset.beats_a_lab:
            parts.append(translate("TrainForm", "The lab it beats: {figure}.").format(figure=lab))
        else:
            parts.append(translate("TrainForm", "The lab: {figure}.").format(figure=lab))
    return " ".join(parts)
