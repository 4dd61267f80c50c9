"""TrainForm: one field per training setting (everything ``nndesk train`` takes).

A bad value is refused at its field: the field turns red and a one-line reason appears under it,
and ``validity_changed(False)`` tells the panel to disable Train. The architecture field shows
the parameter count of the network it describes while the user types.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nndesk.errors import ConfigError
from nndesk.nn.optimizers import accepts
from nndesk.training import TrainConfig
from nndesk.ui import theme

DATASETS = (("fashion", "Fashion-MNIST (clothing)"), ("mnist", "MNIST (digits)"))
FOLDER = "folder"
#: The dataset each window mode trains on.
MODE_DATASETS = {"digits": "mnist", "garments": "fashion"}
ACTIVATIONS = (
    ("relu", "ReLU"),
    ("leaky_relu", "Leaky ReLU"),
    ("elu", "ELU"),
    ("prelu", "PReLU (learned slope)"),
    ("tanh", "tanh"),
    ("sigmoid", "sigmoid"),
)
OUTPUTS = (("softmax", "softmax (one class)"), ("sigmoid", "sigmoid (per class)"))
LOSSES = (("ce", "cross-entropy"), ("bce", "binary cross-entropy"), ("mse", "mean squared error"))
OPTIMIZERS = (
    ("adam", "Adam"),
    ("adamw", "AdamW"),
    ("sgd", "SGD"),
    ("momentum", "SGD + momentum"),
    ("nesterov", "Nesterov momentum"),
    ("rmsprop", "RMSProp"),
    ("gd", "gradient descent"),
)
SCHEDULES = (
    ("constant", "constant"),
    ("step", "step decay"),
    ("exp", "exponential after N epochs"),
    ("cosine", "cosine to a minimum"),
)
NORMALIZATIONS = (
    ("symmetric", "[-1, 1]  (x / 127.5 - 1)"),
    ("unit", "[0, 1]  (x / 255)"),
    ("standard", "standardised (mean 0, sd 1)"),
    ("raw", "raw pixels 0-255"),
)
INITS = (("auto", "auto (He for ReLU, Xavier else)"), ("he", "He"), ("xavier", "Xavier"))
INITS += (("lecun", "LeCun"),)


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
    return f"{arch.strip()} \N{RIGHTWARDS ARROW} {count:,} parameters"


def _combo(items: tuple[tuple[str, str], ...]) -> QComboBox:
    box = QComboBox()
    # long item texts must not widen the whole page: show ~14 characters, the list shows all
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)
    for value, text in items:
        box.addItem(text, value)
    return box


def _set_combo(box: QComboBox, value: str) -> None:
    i = box.findData(value)
    if i >= 0:
        box.setCurrentIndex(i)


class NumberField(QLineEdit):
    """A text field for a float in [lo, hi] (scientific notation welcome), e.g. ``1e-3``."""

    def __init__(self, lo: float, hi: float, allow_zero: bool = True, placeholder: str = ""):
        super().__init__()
        self.lo, self.hi, self.allow_zero = lo, hi, allow_zero
        self.setPlaceholderText(placeholder)
        self.setMaximumWidth(130)

    def value(self) -> float:
        """The number; ``ConfigError`` with the reason when the text is not acceptable."""
        text = self.text().strip().replace(",", ".")
        try:
            v = float(text)
        except ValueError:
            raise ConfigError(f"{text!r} is not a number (e.g. 0.001 or 1e-3)") from None
        if not math.isfinite(v):
            raise ConfigError("must be a finite number")
        if v == 0 and not self.allow_zero:
            raise ConfigError("must be greater than 0")
        if not self.lo <= v <= self.hi:
            raise ConfigError(f"must be between {self.lo:g} and {self.hi:g}")
        return v

    def set_value(self, v: float) -> None:
        self.setText(f"{v:g}")


class TrainForm(QWidget):
    """Every training setting; ``config()`` builds the ``TrainConfig``."""

    validity_changed = Signal(bool)  # True when every field holds an acceptable value
    config_changed = Signal()  # any field was edited

    def _set_tooltips(self) -> None:
        """Tooltips of the fields that have none yet (the others set theirs beside them)."""
        tips = {
            self.preset: "a lab experiment's settings in one go; editing any field makes it custom",
            self.dataset: "the images to learn from: MNIST digits, Fashion-MNIST or your folder",
            self.folder: "a folder with one sub-folder of images per class",
            self.folder_button: "choose the image folder",
            self.normalize: "how pixel values 0-255 are scaled before the network sees them",
            self.activation: "the non-linearity after each hidden layer",
            self.output: "softmax: one class per image; sigmoid: a yes/no score per class",
            self.loss: "what training minimises; cross-entropy suits softmax",
            self.init: "how the starting weights are drawn (scaled to the layer's width)",
            self.optimizer: "the rule that turns gradients into weight updates",
            self.momentum: "how much of the previous update carries on (0.9 is usual)",
            self.schedule: "how the learning rate changes from epoch to epoch",
            self.schedule_step: "step decay: multiply the rate every this many epochs",
            self.schedule_gamma: "step decay: the factor the rate is multiplied by",
            self.schedule_rate: "exponential decay: rate x exp(-decay) each epoch after N",
            self.min_lr: "cosine schedule: the rate it ends at",
        }
        for widget, tip in tips.items():
            if not widget.toolTip():
                widget.setToolTip(tip)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, str] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._applying_preset = False
        self._valid = True

        # -- data ----------------------------------------------------------------------------
        self.dataset = _combo((*DATASETS, (FOLDER, "Image folder…")))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText("folder with one sub-folder per class")
        self.folder_button = QPushButton("Browse…")
        folder_row = QWidget()
        fl = QHBoxLayout(folder_row)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.folder, 1)
        fl.addWidget(self.folder_button)
        self._folder_row = folder_row
        self.normalize = _combo(NORMALIZATIONS)
        self.val_fraction = QSpinBox()
        self.val_fraction.setRange(0, 50)
        self.val_fraction.setSuffix(" % of train")
        self.val_fraction.setToolTip("held out to measure validation loss and accuracy each epoch")
        self.augment = QCheckBox("shift, rotate, zoom a little")
        self.augment.setToolTip("train on slightly shifted, rotated and scaled copies of images")

        from nndesk.presets import list_presets

        self.preset = QComboBox()
        self.preset.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset.setMinimumContentsLength(14)
        self.preset.addItem("— custom —", "")
        for p in list_presets():
            self.preset.addItem(p.name, p.name)
            tip = Qt.ItemDataRole.ToolTipRole
            self.preset.setItemData(self.preset.count() - 1, p.description, tip)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        theme.set_tone(self.preset_note, "muted")
        self.preset_note.hide()

        # -- network -------------------------------------------------------------------------
        self.arch = QLineEdit()
        self.arch.setPlaceholderText("e.g. 784-64-64-10")
        self.arch.setToolTip(
            "784 inputs, hidden widths, 10 classes; CNN: 784-c32-p-c64-p-128-10 "
            "(cN = 3x3 conv with N filters, padded; cNv = the same without padding, as Keras; "
            "cNkK = KxK conv; p = 2x2 max-pool, bn = batch norm)"
        )
        self.arch_summary = QLabel()
        theme.set_tone(self.arch_summary, "good")
        self.activation = _combo(ACTIVATIONS)
        self.output = _combo(OUTPUTS)
        self.loss = _combo(LOSSES)
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.9)
        self.dropout.setSingleStep(0.05)
        self.dropout.setDecimals(2)
        self.dropout.setToolTip("fraction of hidden units switched off at random while training")
        self.init = _combo(INITS)
        self.prelu_init = QDoubleSpinBox()
        self.prelu_init.setRange(0.0, 0.99)
        self.prelu_init.setDecimals(2)
        self.prelu_init.setSingleStep(0.05)
        self.prelu_init.setToolTip(
            "PReLU's learned negative slope starts here: 0.25 as in He et al. and PyTorch, "
            "0 as in Keras"
        )

        # -- optimisation --------------------------------------------------------------------
        self.optimizer = _combo(OPTIMIZERS)
        self.lr = NumberField(1e-6, 10.0, allow_zero=False, placeholder="0.001")
        self.lr.setToolTip("learning rate: step size of each update (1e-6 to 10)")
        self.momentum = QDoubleSpinBox()
        self.momentum.setRange(0.0, 0.999)
        self.momentum.setDecimals(3)
        self.momentum.setSingleStep(0.05)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(0, 60000)
        self.batch_size.setSpecialValueText("full batch")
        self.batch_size.setSuffix(" images")
        self.batch_size.setToolTip("images per update; 0 = the whole training split (plain GD)")
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1000)
        self.epochs.setSuffix(" passes")
        self.epochs.setToolTip("passes over the training images")
        self.l2 = NumberField(0.0, 1.0, placeholder="0")
        self.l2.setToolTip("L2 weight penalty l2 * sum(W^2), 0 to 1 (Keras' l2)")
        self.clip_norm = NumberField(0.0, 1e6, placeholder="0 = off")
        self.clip_norm.setToolTip("clip the gradient's global norm to this value; 0 = off")
        self.eps = NumberField(0.0, 0.1, allow_zero=False, placeholder="default")
        self.eps.setToolTip(
            "epsilon added to sqrt(v) by Adam, AdamW and RMSProp; empty = the optimizer's "
            "default (1e-8 for Adam, 1e-7 for RMSProp; Keras uses 1e-7)"
        )
        self.schedule = _combo(SCHEDULES)
        self.schedule_step = QSpinBox()
        self.schedule_step.setRange(1, 1000)
        self.schedule_step.setSuffix(" epochs")
        self.schedule_gamma = QDoubleSpinBox()
        self.schedule_gamma.setRange(0.01, 1.0)
        self.schedule_gamma.setSingleStep(0.05)
        self.schedule_gamma.setPrefix("× ")
        self.schedule_rate = QDoubleSpinBox()
        self.schedule_rate.setRange(0.0, 5.0)
        self.schedule_rate.setSingleStep(0.05)
        self.schedule_rate.setDecimals(3)
        self.min_lr = NumberField(0.0, 10.0, placeholder="0")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip("same seed + same settings = the same run, batch for batch")
        self.test_every_epoch = QCheckBox("test accuracy every epoch")
        self.test_every_epoch.setToolTip(
            "also measure accuracy on the test images after each epoch"
        )

        self._set_tooltips()

        # -- layout --------------------------------------------------------------------------
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        data_box, data = self._group("Data")
        data.addRow("Preset", self.preset)
        data.addRow("", self.preset_note)
        data.addRow("Dataset", self.dataset)
        self._folder_holder = self._with_error("folder", folder_row)
        data.addRow("", self._folder_holder)
        self._data_form = data
        data.addRow("Inputs", self.normalize)
        data.addRow("Validation", self.val_fraction)
        data.addRow("Augment", self.augment)
        net_box, net = self._group("Network")
        net.addRow("Layers", self._with_error("arch", self.arch, self.arch_summary))
        net.addRow("Activation", self.activation)
        net.addRow("Output", self.output)
        net.addRow("Loss", self._with_error("loss", self.loss))
        net.addRow("Dropout", self.dropout)
        net.addRow("Init", self.init)
        net.addRow("PReLU slope", self.prelu_init)
        self._net_form = net
        opt_box, opt = self._group("Optimisation")
        opt.addRow("Optimizer", self.optimizer)
        opt.addRow("Learning rate", self._with_error("lr", self.lr))
        opt.addRow("Momentum", self.momentum)
        opt.addRow("Epsilon", self._with_error("eps", self.eps))
        opt.addRow("Batch size", self.batch_size)
        opt.addRow("Epochs", self.epochs)
        opt.addRow("Schedule", self.schedule)
        opt.addRow("Every", self.schedule_step)
        opt.addRow("Multiply by", self.schedule_gamma)
        opt.addRow("Decay rate", self.schedule_rate)
        opt.addRow("Minimum LR", self._with_error("min_lr", self.min_lr))
        opt.addRow("L2", self._with_error("l2", self.l2))
        opt.addRow("Clip norm", self._with_error("clip_norm", self.clip_norm))
        opt.addRow("Seed", self.seed)
        opt.addRow("", self.test_every_epoch)
        self._opt_form = opt
        for box in (data_box, net_box, opt_box):
            outer.addWidget(box)
        outer.addStretch(1)

        self._arch_timer = QTimer(self)
        self._arch_timer.setSingleShot(True)
        self._arch_timer.setInterval(150)
        self._arch_timer.timeout.connect(self._on_arch_timer_timeout)

        self.set_config(TrainConfig())
        self._connect()
        self._on_field_edited()
        self._check_arch()

    # -- building helpers ----------------------------------------------------------------------
    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        return box, form

    def _with_error(self, key: str, field: QWidget, extra: QWidget | None = None) -> QWidget:
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(field)
        if extra is not None:
            lay.addWidget(extra)
        label = QLabel()
        label.setWordWrap(True)
        theme.set_tone(label, "error")
        label.hide()
        lay.addWidget(label)
        self._error_labels[key] = label
        return holder

    def _connect(self) -> None:
        for box in (
            self.dataset,
            self.normalize,
            self.activation,
            self.output,
            self.loss,
            self.init,
            self.optimizer,
            self.schedule,
        ):
            box.currentIndexChanged.connect(self._on_field_edited)
        for edit in (self.folder, self.lr, self.l2, self.clip_norm, self.eps, self.min_lr):
            edit.textChanged.connect(self._on_field_edited)
        for spin in (
            self.val_fraction,
            self.dropout,
            self.momentum,
            self.prelu_init,
            self.batch_size,
            self.epochs,
            self.schedule_step,
            self.schedule_gamma,
            self.schedule_rate,
            self.seed,
        ):
            spin.valueChanged.connect(self._on_field_edited)
        for check in (self.augment, self.test_every_epoch):
            check.toggled.connect(self._on_field_edited)
        self.arch.textChanged.connect(self._on_arch_text_changed)
        self.preset.currentIndexChanged.connect(self._on_preset_current_index_changed)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)

    # -- public --------------------------------------------------------------------------------
    def is_valid(self) -> bool:
        return not self._errors

    def errors(self) -> dict[str, str]:
        """Field name -> one-line reason, for every refused field."""
        return dict(self._errors)

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
            raise ConfigError(f"{key}: {reason}")
        clip = self.clip_norm.value() if self.clip_norm.text().strip() else 0.0
        return TrainConfig(
            dataset=self.dataset_name(),
            arch=self.arch.text().strip(),
            activation=self.activation.currentData(),
            output=self.output.currentData(),
            loss=self.loss.currentData(),
            optimizer=self.optimizer.currentData(),
            lr=self.lr.value(),
            batch_size=self.batch_size.value(),
            epochs=self.epochs.value(),
            l2=self.l2.value() if self.l2.text().strip() else 0.0,
            dropout=round(self.dropout.value(), 4),
            schedule=self.schedule.currentData(),
            schedule_step=self.schedule_step.value(),
            schedule_gamma=round(self.schedule_gamma.value(), 4),
            schedule_rate=round(self.schedule_rate.value(), 5),
            min_lr=self.min_lr.value() if self.min_lr.text().strip() else 0.0,
            normalize=self.normalize.currentData(),
            val_fraction=self.val_fraction.value() / 100.0,
            seed=self.seed.value(),
            augment=self.augment.isChecked(),
            test_every_epoch=self.test_every_epoch.isChecked(),
            momentum=round(self.momentum.value(), 4),
            clip_norm=clip or None,
            eps=self.eps.value() if self.eps.text().strip() else None,
            init=self.init.currentData(),
            prelu_init=round(self.prelu_init.value(), 4),
        ).validate()

    def set_config(self, config: TrainConfig) -> None:
        """Show ``config`` in the fields (a preset, or a loaded model's settings)."""
        was = self._applying_preset
        self._applying_preset = True
        try:
            if config.dataset in dict(DATASETS):
                _set_combo(self.dataset, config.dataset)
            else:
                _set_combo(self.dataset, FOLDER)
                self.folder.setText(config.dataset)
            self.arch.setText(config.arch)
            _set_combo(self.activation, config.activation)
            _set_combo(self.output, config.output)
            _set_combo(self.loss, config.loss)
            _set_combo(self.optimizer, config.optimizer)
            self.lr.set_value(config.lr)
            self.batch_size.setValue(config.batch_size)
            self.epochs.setValue(config.epochs)
            self.l2.set_value(config.l2)
            self.dropout.setValue(config.dropout)
            _set_combo(self.schedule, config.schedule)
            self.schedule_step.setValue(config.schedule_step)
            self.schedule_gamma.setValue(config.schedule_gamma)
            self.schedule_rate.setValue(config.schedule_rate)
            self.min_lr.set_value(config.min_lr)
            _set_combo(self.normalize, config.normalize)
            self.val_fraction.setValue(round(config.val_fraction * 100))
            self.seed.setValue(config.seed)
            self.augment.setChecked(config.augment)
            self.test_every_epoch.setChecked(config.test_every_epoch)
            self.momentum.setValue(config.momentum)
            self.clip_norm.setText(f"{config.clip_norm:g}" if config.clip_norm else "")
            self.eps.setText(f"{config.eps:g}" if config.eps is not None else "")
            _set_combo(self.init, config.init)
            self.prelu_init.setValue(config.prelu_init)
            self._check_arch()
            self._on_field_edited()
        finally:
            self._applying_preset = was
        self.config_changed.emit()

    def follow_mode(self, mode: str) -> None:
        """Pick the window mode's dataset ("digits": MNIST, "garments": Fashion-MNIST), unless
        an image folder is chosen; a preset for the other dataset becomes custom settings."""
        dataset = MODE_DATASETS.get(mode)
        if dataset is None or self.dataset.currentData() in (FOLDER, dataset):
            return
        _set_combo(self.dataset, dataset)

    def apply_preset(self, name: str) -> None:
        """Select preset ``name`` and fill every field from it."""
        _set_combo(self.preset, name)

    # -- validation ----------------------------------------------------------------------------
    def _validate(self) -> None:
        errors: dict[str, str] = {}
        if "arch" in self._errors:
            errors["arch"] = self._errors["arch"]
        for key, field in (
            ("lr", self.lr),
            ("l2", self.l2),
            ("clip_norm", self.clip_norm),
            ("eps", self.eps),
            ("min_lr", self.min_lr),
        ):
            if key != "lr" and not field.text().strip():
                continue
            try:
                field.value()
            except ConfigError as err:
                errors[key] = str(err)
        loss, output = self.loss.currentData(), self.output.currentData()
        if loss == "ce" and output != "softmax":
            errors["loss"] = "cross-entropy needs the softmax output (or pick MSE)"
        elif loss == "bce" and output != "sigmoid":
            errors["loss"] = "binary cross-entropy needs the sigmoid output (or pick MSE)"
        if self.dataset.currentData() == FOLDER:
            folder = self.folder.text().strip()
            if not folder:
                errors["folder"] = "choose a folder with one sub-folder of images per class"
            elif not Path(folder).is_dir():
                errors["folder"] = f"{folder} is not a folder"
        self._show_errors(errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._errors = errors
        fields = {
            "arch": self.arch,
            "lr": self.lr,
            "l2": self.l2,
            "clip_norm": self.clip_norm,
            "eps": self.eps,
            "min_lr": self.min_lr,
            "folder": self.folder,
        }
        for key, label in self._error_labels.items():
            reason = errors.get(key)
            label.setText(reason or "")
            label.setVisible(bool(reason))
            if key in fields:
                theme.set_tone(fields[key], "error" if reason else None)
        valid = not errors
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _check_arch(self) -> None:
        text = self.arch.text()
        try:
            summary = parameter_summary(text)
        except ConfigError as err:
            self._errors["arch"] = str(err)
            self.arch_summary.setText("")
        except Exception as err:  # noqa: BLE001 - a layer refusing its shape, reported as text
            self._errors["arch"] = f"cannot build this network: {err}"
            self.arch_summary.setText("")
        else:
            self._errors.pop("arch", None)
            self.arch_summary.setText(summary)
        self._validate()

    def _update_visibility(self) -> None:
        self._data_form.setRowVisible(self._folder_holder, self.dataset.currentData() == FOLDER)
        form = self._opt_form
        sched = self.schedule.currentData()
        optimizer = self.optimizer.currentData()
        form.setRowVisible(self.momentum, accepts(optimizer, "momentum"))
        form.setRowVisible(self.eps.parentWidget(), accepts(optimizer, "eps"))
        self._net_form.setRowVisible(self.prelu_init, self.activation.currentData() == "prelu")
        form.setRowVisible(self.schedule_step, sched in ("step", "exp"))
        form.setRowVisible(self.schedule_gamma, sched == "step")
        form.setRowVisible(self.schedule_rate, sched == "exp")
        form.setRowVisible(self.min_lr.parentWidget(), sched == "cosine")
        label = form.labelForField(self.schedule_step)
        if label is not None:
            label.setText("Every" if sched == "step" else "Keep for")

    # -- slots ---------------------------------------------------------------------------------
    @Slot()
    def _on_field_edited(self) -> None:
        self._update_visibility()
        self._validate()
        if not self._applying_preset:
            self._mark_custom()
            self.config_changed.emit()

    @Slot()
    def _on_arch_text_changed(self) -> None:
        if self._applying_preset:
            return
        self._mark_custom()
        self._arch_timer.start()
        self.config_changed.emit()

    @Slot()
    def _on_arch_timer_timeout(self) -> None:
        self._check_arch()

    @Slot(int)
    def _on_preset_current_index_changed(self, index: int) -> None:
        name = self.preset.itemData(index)
        if not name:
            self.preset_note.setText("")
            self.preset_note.hide()
            return
        from nndesk.presets import get_preset

        preset = get_preset(name)
        self.set_config(preset.config)
        lab = f" Lab result: {preset.lab_accuracy:.1%}." if preset.lab_accuracy else ""
        self.preset_note.setText(preset.description + "." + lab)
        self.preset_note.show()

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Image folder (one sub-folder per class)")
        if folder:
            self.folder.setText(folder)

    def _mark_custom(self) -> None:
        if self.preset.currentIndex() != 0:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(0)
            self.preset.blockSignals(False)
            self.preset_note.setText("")
            self.preset_note.hide()
