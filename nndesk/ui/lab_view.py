"""The Lab page: edit a copy of the current network (switch units off, scale a layer's weights,
shift its biases, prune the smallest weights, add weight noise, set the temperature) and see the
test accuracy, loss, ECE and confident mistakes, original -> modified. The scoring runs in an
``ExploreController`` off the GUI thread; Save as… hands the edited copy to the app to save."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nndesk.inference import NOT_SURE_PERCENT
from nndesk.layer_words import layer_choice, layer_kind, layer_names, model_index_tip
from nndesk.ui import file_filters, kept_choices, language, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.data_banner import EvaluationDataBanner
from nndesk.ui.fit_column import fit_page
from nndesk.ui.language import accuracy_text, decimal, integer, percent, shape, translate
from nndesk.ui.save_dialog import ask_save_path


def parse_units(text: str, limit: int) -> tuple[int, ...]:
    """ "1, 4-6" or "1; 4-6" -> (1, 4, 5, 6); ``ValueError`` naming a part that is not a unit
    0..limit-1. Commas and semicolons both separate (a language that writes decimals with a
    comma lists with semicolons, as the Vietnamese placeholder does); a range takes a hyphen or
    an en dash."""
    units: set[int] = set()
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", text))):
        match = re.fullmatch(r"(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?", part)
        if match is None:
            raise ValueError(
                translate("LabView", "{part!r:.20} is not a unit number or range").format(part=part)
            )
        a = int(match.group(1))
        b = int(match.group(2) or a)
        if not 0 <= a <= b < limit:
            raise ValueError(
                translate("LabView", "{part!r:.20}: units are 0..{last}").format(
                    part=part, last=limit - 1
                )
            )
        units.update(range(a, b + 1))
    return tuple(sorted(units))


class LabView(QWidget):
    """Edits of one copy of the page's model; every change is scored again (newest wins)."""

    save_requested = Signal(str, object, dict)  # path, edited Sequential, info for its file
    shown = Signal()  # the page became visible: it needs an evaluation

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._result = None
        self._scale: dict[int, float] = {}
        self._shift: dict[int, float] = {}
        self._off: dict[int, tuple[int, ...]] = {}
        self.outcome = None
        self._loading = False
        self._temperature = 1.0  # the temperature edit: the model's own until the user sets one
        #: the window's one threshold (the canvas's "Not sure below", in percent): a wrong
        #: answer at or above it is a confident mistake here as on Evaluate (walk55 D10)
        self._threshold = NOT_SURE_PERCENT

        self.title = QLabel(translate("LabView", "Open or train a model, then evaluate it."))
        self.title.setWordWrap(True)
        # the test images missing or damaged: what is wrong and the buttons that get them
        # (Download, Choose a folder…), as on Evaluate and Dataset (wired by the window)
        self.message = EvaluationDataBanner(has_result=lambda: self._result is not None)
        self.layer = QComboBox()
        self.layer.setToolTip(translate("LabView", "The layer the scale, shift and units apply to"))
        self.layer.currentIndexChanged.connect(self._show_layer)
        kept_choices.keep(self.layer, "layer")  # the layer shown, across a language switch
        self.units = QLineEdit()
        self.units.setPlaceholderText(translate("LabView", "e.g. 0, 5, 10-20"))
        self.units.setToolTip(
            translate("LabView", "Hidden units of this layer to switch off (nothing they send on)")
        )
        self.units.editingFinished.connect(self._changed)
        self.units_error = QLabel("")
        theme.set_tone(self.units_error, "error")
        self.scale = self._spin(0.0, 5.0, 1.0, 0.1)
        self.scale.setToolTip(translate("LabView", "Multiply this layer's weights"))
        self.shift = self._spin(-5.0, 5.0, 0.0, 0.1)
        self.shift.setToolTip(translate("LabView", "Add to every bias of this layer"))
        self.prune = self._spin(0.0, 99.0, 0.0, 5.0)
        self.prune.setSuffix("%")
        self.prune.setToolTip(
            translate("LabView", "Set the smallest weights of the whole network to zero")
        )
        self.noise = self._spin(0.0, 2.0, 0.0, 0.05)
        self.noise.setToolTip(
            translate(
                "LabView", "Add Gaussian noise to every weight, as a share of its layer's spread"
            )
        )
        self.temperature = self._spin(0.05, 20.0, 1.0, 0.1)
        self.temperature.setToolTip(
            translate(
                "LabView",
                "Divide the outputs by this before the network's softmax or sigmoid (1: the raw "
                "network)",
            )
        )
        self.reset_button = tipped_button(
            translate("LabView", "Reset"),
            translate("LabView", "Undo every edit: back to the original"),
        )
        self.reset_button.clicked.connect(self.reset)
        self.save_button = tipped_button(
            translate("LabView", "Save as new model…"),
            translate("LabView", "Save the edited copy as a new model file (the original stays)"),
        )
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_clicked)

        form = QFormLayout()
        form.addRow(translate("LabView", "Layer"), self.layer)
        form.addRow(translate("LabView", "Units off"), self.units)
        form.addRow("", self.units_error)
        form.addRow(translate("LabView", "Scale weights ×"), self.scale)
        form.addRow(translate("LabView", "Shift biases +"), self.shift)
        form.addRow(translate("LabView", "Prune smallest"), self.prune)
        form.addRow(translate("LabView", "Weight noise"), self.noise)
        form.addRow(translate("LabView", "Temperature"), self.temperature)
        self.table = QTableWidget(4, 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("LabView", "measure"),
                translate("LabView", "original"),
                translate("LabView", "modified"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(150)
        from nndesk.calibration import ECE_BINS

        measures = (
            (
                translate("LabView", "accuracy"),
                translate("LabView", "Share of the test images answered right"),
            ),
            (
                translate("LabView", "loss"),
                translate("LabView", "Average loss over the test images: lower is better"),
            ),
            (
                translate("LabView", "calibration error (ECE)"),
                translate(
                    "LabView",
                    "Expected calibration error: how far the model's confidence is from how "
                    "often it is right (answers grouped into {bins} bins by confidence); 0 is "
                    "perfect",
                ).format(bins=ECE_BINS),
            ),
        )
        for row, (name, tip) in enumerate(measures):
            item = QTableWidgetItem(name)
            item.setToolTip(tip)
            self.table.setItem(row, 0, item)
        self._name_confident_row()
        # the measures' names whole on one line ("lỗi phân loại tự tin" wrapped in the
        # default 100 px); the two columns of figures share the rest
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        theme.set_tone(self.note, "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout()
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        layout.addStretch(1)
        # scrolled when the page is shorter than its form, table and banner together: the
        # banner no longer raises the window's least height
        fit_page(self, layout, self.message)
        controller.lab_ready.connect(self.show_outcome)
        controller.failed.connect(self.note.setText)
        self._set_enabled(False)

    def _spin(self, low: float, high: float, value: float, step: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(2)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.valueChanged.connect(self._changed)
        return spin

    def _set_enabled(self, on: bool) -> None:
        for w in (self.layer, self.units, self.scale, self.shift, self.prune, self.noise):
            w.setEnabled(on)
        self.temperature.setEnabled(on)
        self.reset_button.setEnabled(on)

    # ---- input ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.shown.emit()

    @Slot(object)
    def evaluation_started(self, classifier) -> None:
        """The window's model is being scored on the test images; the lab waits for that."""
        self.message.evaluation_started(classifier)
        if self._result is not None and self._result.classifier is classifier:
            return
        self.title.setText(
            translate("LabView", "Scoring {name} on the test images for the lab…").format(
                name=getattr(classifier, "title", "the model")
            )
        )

    @Slot(str, object)
    def evaluation_failed(self, message: str, offer=None) -> None:
        """The model could not be scored: the lab says why. Its test images missing or
        damaged (``offer``, a DataOffer), or a folder of the other dataset: the banner with
        Download / Choose a folder… / Switch to …, as on Evaluate."""
        if self._result is not None:
            return
        if not self.message.offer_failure(message, offer):
            self.title.setText(message)
            return
        self.title.setText(
            translate("LabView", "The lab scores the model on its test images: get them first.")
        )

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed (a download anywhere, a folder chosen): a
        banner that asked for them goes, and the model is scored again (``retry_requested``
        of the banner)."""
        if self.message.data_changed():
            self.title.setText(translate("LabView", "Open or train a model, then evaluate it."))

    def set_result(self, result) -> None:
        """The evaluation whose model and test images the lab works on (None: nothing)."""
        from nndesk import lab

        self._result = result
        self._clear_outcome()
        ok = result is not None and result.classifier is not None
        if ok:
            self.message.clear()  # scored: whatever data it lacked is here
        self._set_enabled(ok)
        if not ok:
            self.title.setText(translate("LabView", "Open or train a model, then evaluate it."))
            self._loading = True
            self.layer.clear()  # the old model's layers
            self._loading = False
            return
        model = result.classifier.model
        self._loading = True
        self.layer.clear()
        hidden = dict(lab.hidden_dense_layers(model))
        names = layer_names(model)  # as Inside and the Map name them (walk59 D11)
        for i in lab.weighted_layers(model):
            kind = layer_kind(model.layers[i])
            size = shape(model.layers[i].params["W"].shape)
            self.layer.addItem(layer_choice(names[i], kind, size), i)
            self.layer.setItemData(
                self.layer.count() - 1, model_index_tip(i), Qt.ItemDataRole.ToolTipRole
            )
        self._hidden = hidden
        self._loading = False
        self.title.setText(
            translate("LabView", "A copy of {name}, scored on {n} test images.").format(
                name=getattr(result.classifier, "title", "the model"),
                # the sample the lab scores on (``lab_sample``): a small folder's are fewer
                n=integer(min(lab.lab_images(model), result.n)),
            )
        )
        self.reset()

    def _clear_outcome(self) -> None:
        """No figures and no edits on screen: those shown were another model's (they stayed
        under "Scoring …" for seconds after a model switch)."""
        self.outcome = None
        self.save_button.setEnabled(False)
        for row in range(self.table.rowCount()):
            for col in (1, 2):
                self.table.takeItem(row, col)
        self.note.setText("")
        self._set_quietly(((self.scale, 1.0), (self.shift, 0.0)))
        self.units.clear()
        self.units_error.setText("")

    def _set_quietly(self, values) -> None:
        """Spin boxes to ``values`` ((spin box, value) pairs) without scoring an edit; the
        edits that start at zero (prune, noise) always go back with them."""
        self._loading = True
        for spin, value in ((self.prune, 0.0), (self.noise, 0.0), *values):
            spin.setValue(value)
        self._loading = False

    @Slot()
    def reset(self) -> None:
        """Back to the original network: every edit undone."""
        self._scale, self._shift, self._off = {}, {}, {}
        t = getattr(self._result.classifier, "temperature", 1.0) if self._result else 1.0
        self._set_quietly(((self.temperature, t),))
        # the spin box shows two decimals: until the user changes it the edit keeps the model's
        # own temperature exactly, so "modified" equals "original" before any edit
        self._temperature = float(t)
        self._show_layer()
        self._changed()

    def current_layer(self) -> int | None:
        return self.layer.currentData()

    @Slot()
    def _show_layer(self) -> None:
        index = self.current_layer()
        if index is None:
            return
        self._loading = True
        self.scale.setValue(self._scale.get(index, 1.0))
        self.shift.setValue(self._shift.get(index, 0.0))
        self.units.setText(", ".join(str(u) for u in self._off.get(index, ())))
        has_units = index in getattr(self, "_hidden", {})
        self.units.setEnabled(has_units)
        # a disabled field gives no reason of its own: its box says why (a convolution has
        # channels, the output layer's units are the classes)
        self.units.setPlaceholderText(
            translate("LabView", "e.g. 0, 5, 10-20")
            if has_units
            else translate("LabView", "only a hidden dense layer has units to switch off")
        )
        self.units.setToolTip(
            translate("LabView", "Hidden units of this layer to switch off (nothing they send on)")
            if has_units
            else translate(
                "LabView",
                "Units can be switched off only in a hidden dense layer: choose one in Layer"
                " (a convolution has channels, the output layer's units are the classes)",
            )
        )
        self._loading = False

    def has_unsaved_edits(self) -> bool:
        """Whether the network here differs from the original (edits are kept only by Save as
        new model)."""
        return self._result is not None and not self.edits().is_identity

    def edits(self):
        from nndesk import lab

        return lab.Edits(
            units_off=dict(self._off),
            scale=dict(self._scale),
            shift_bias=dict(self._shift),
            prune_percent=self.prune.value(),
            weight_noise=self.noise.value(),
            temperature=self._temperature,
        )

    @Slot()
    def _changed(self) -> None:
        if self._loading or self._result is None:
            return
        if self.temperature.value() != round(self._temperature, self.temperature.decimals()):
            self._temperature = self.temperature.value()  # the user set a temperature
        index = self.current_layer()
        if index is not None:
            self._scale[index] = self.scale.value()
            self._shift[index] = self.shift.value()
            if index in getattr(self, "_hidden", {}):
                try:
                    self._off[index] = parse_units(self.units.text(), self._hidden[index])
                    self.units_error.setText("")
                except ValueError as err:
                    self.units_error.setText(str(err))
                    self._show_stale(True)
                    return
        self._show_stale(False)
        self._controller.request_lab(self._result, self.edits())

    def _show_stale(self, stale: bool) -> None:
        """While the units field holds no valid entry, the "modified" column is the last valid
        edit's: greyed, and its header says so (it showed 14.8 % for units no longer in the
        field, walk53 #10)."""
        header = (
            translate("LabView", "last valid edit") if stale else translate("LabView", "modified")
        )
        self.table.horizontalHeaderItem(2).setText(header)
        muted = QColor(theme.colours().muted) if stale else None
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 2)
            if item is not None:
                item.setData(Qt.ItemDataRole.ForegroundRole, muted)

    @Slot(int)
    def set_threshold(self, threshold: int) -> None:
        """The window's threshold in percent (the canvas's "Not sure below"): the confident
        mistakes are counted again at it, from the scores already there."""
        self._threshold = int(threshold)
        self._name_confident_row()
        if self.outcome is not None:
            self.show_outcome(self.outcome)

    def _name_confident_row(self) -> None:
        share = percent(self._threshold / 100, 0)
        item = QTableWidgetItem(
            translate("LabView", "confident mistakes (≥ {share})").format(share=share)
        )
        item.setToolTip(
            translate(
                "LabView",
                "Test images answered wrong with a calibrated probability of {share} or more: "
                'the threshold the canvas calls "Not sure below", shared with Evaluate and '
                "Mistakes",
            ).format(share=share)
        )
        self.table.setItem(3, 0, item)

    # ---- output --------------------------------------------------------------------------------
    @Slot(object)
    def show_outcome(self, outcome) -> None:
        self.outcome = outcome
        o, m = outcome.original, outcome.modified
        share = self._threshold / 100
        rows = (
            (accuracy_text(o.accuracy), accuracy_text(m.accuracy)),
            (language.loss_text(o.loss), language.loss_text(m.loss)),
            (decimal(o.ece, 4), decimal(m.ece, 4)),
            (integer(o.confident_at(share)), integer(m.confident_at(share))),
        )
        for row, (a, b) in enumerate(rows):
            for col, text in ((1, a), (2, b)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.note.setText(
            translate("LabView", "Scored in {seconds} s. The original is never changed.").format(
                seconds=decimal(outcome.seconds, 2)
            )
        )
        if self.units_error.text():  # scored before the entry went bad: still the last valid
            self._show_stale(True)
        own = getattr(self._result.classifier, "temperature", 1.0) if self._result else 1.0
        self.save_button.setEnabled(
            not outcome.edits.is_identity or outcome.edits.temperature != own
        )

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.outcome is None or self._result is None:
            return
        clf = self._result.classifier
        # the model's name as the window says it (a run's "lượt chạy 03:31:01 ngày 03/12",
        # "MNIST (chưa lưu)"): the CLI's name put "run …" and "(unsaved)" in a Vietnamese
        # window's proposal; the dialog makes "/" and ":" a "-"
        stem = f"{getattr(clf, 'title', 'model')}-lab"
        title = translate("LabView", "Save the edited model")
        path = ask_save_path(self, title, stem, ".npz", file_filters.model_files())
        if path:
            self.save_requested.emit(path, self.outcome.model, self.info_for_file())

    def info_for_file(self) -> dict:
        """The original file's info, with the lab's temperature and what was edited."""
        edits = self.outcome.edits
        info = dict(self._result.classifier.info)
        info["calibration"] = {"temperature": float(edits.temperature), "fitted_on": "lab"}
        scores = self.outcome.modified
        info["metrics"] = {"test_accuracy": float(scores.accuracy)}
        if scores.n < self._result.n:
            # scored on the lab's sample, not the whole test split: the count says so
            # wherever the figure is listed beside whole-split ones (walk64 D23)
            info["metrics"]["test_images"] = int(scores.n)
        info["lab_edits"] = {
            "units_off": sum(len(v) for v in edits.units_off.values()),
            "prune_percent": float(edits.prune_percent),
            "weight_noise": float(edits.weight_noise),
        }
        return info
