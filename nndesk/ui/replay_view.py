"""ReplayView: the Train page's "Replay" tab, an epoch slider over a run's per-epoch records.

It scrubs the confusion matrix of each epoch (``ReplayRecord.confusions``) and, when the run kept
its weights per epoch (small networks, ``nndesk.replay``), the learner's drawing as the network
of that epoch read it: its bars and its saliency. Reading the drawing runs on the one-thread
render pool, never on the GUI thread; only the newest request's answer is shown.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nndesk.replay import DrawingAtEpoch, ReplayRecord, read_drawing
from nndesk.ui import kept_choices, text_size, theme
from nndesk.ui.confusion_view import ConfusionView
from nndesk.ui.input_preview import InputPreview
from nndesk.ui.language import (
    accuracy_text,
    class_names_shown,
    integer,
    translate,
    translate_marked,
)
from nndesk.ui.off_gui import Delivery, render_pool, run_off_gui
from nndesk.ui.probability_bars import ProbabilityBars
from nndesk.ui.run_preset_words import preset_words
from nndesk.ui.window_menus import MODE_TITLES

#: px the epoch slider keeps at least, beside the epoch's words and its accuracy
SLIDER_LEAST = 100
#: Milliseconds a moving slider rests before the matrix is redrawn (a drag passes many epochs).
SETTLE_MS = 120
#: The matrix's least width beside the drawing's column (px, times View > Text size's chart
#: zoom: its names and counts grow with it): with less, the column goes under the matrix. At
#: Larger text a 1024 px projector left the matrix 227 px, the page 31 px wider than its view
#: and cut at the right; at 1280 px the matrix had 365 px, its row names on one another
#: (walk61 D13). At Normal text a 1024x700 window keeps the drawing beside it, unscrolled.
MATRIX_BESIDE_WIDTH = 320
#: The matrix under a drawing's column is this share of the page's width tall (it is square)
STACKED_MATRIX_HEIGHT = 0.85
#: The matrix canvas's least height beside the drawing (px)
MATRIX_LEAST_HEIGHT = 240
#: The opacity of the drawing's bars and saliency while the epoch asked for reads it: the old
#: epoch's, faded as the old matrix is under its veil (confusion_view: 75 % of the window's
#: colour over it)
PENDING_OPACITY = 0.25


class CompactBars(ProbabilityBars):
    """The probability bars in rows a little lower, with bars beside their names down to a
    narrower column: the replay shows them beside the confusion matrix."""

    ROW = 19
    MIN_TRACK = 48


class _MatrixRoom(QWidget):
    """Holds the matrix's chart and asks for a modest height. A matplotlib canvas asks for its
    current size, so once drawn large it would keep the page taller than a 1024x700 window
    (the scroll area sizes the page by what it asks for); it still grows into any spare room."""

    def __init__(self, chart: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(chart)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint().expandedTo(QSize(300, 260))


class ReplayView(QWidget):
    """``show_record(record)`` after every epoch; ``set_drawing(image28)`` when the drawing
    changes. ``epoch_shown`` says which epoch is on screen (tests wait on ``drawing_read``)."""

    drawing_read = Signal(int)  # the bars and saliency of this epoch are on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = ReplayRecord()
        self._drawing: np.ndarray | None = None
        self._token = 0
        self._shown_epoch: int | None = None
        self._follow = True  # at the newest epoch: move on with the run
        self._stale = False  # records arrived while hidden
        self._names: tuple[str, ...] = ()  # the class names the bars show
        #: the window's mode: a run of the other mode does not read this mode's drawing (a
        #: drawn coat read as the digit "0" by a Digits run's network, walk57 #7)
        self._mode: str | None = None
        self._earlier = ""  # when the latest run of an earlier session started ("" for none)
        #: when the latest run, one of this window's with no epoch ended, started ("": none)
        self._latest_here = ""
        #: why the run selected in Runs has nothing to replay ("": none selected, or one kept)
        self._selected_note = ""

        self.note = QLabel(translate("ReplayView", "Train a run to replay it epoch by epoch."))
        self.note.setWordWrap(True)
        theme.set_tone(self.note, "muted")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setToolTip(
            translate("ReplayView", "drag to see the run as it was at the end of each epoch")
        )
        # a track to drag along whatever the line holds: at Larger text in Vietnamese at 1024 px
        # the preset's name before the epoch's words squeezed it to ~8 px, the line cut (fixW)
        self.slider.setMinimumWidth(SLIDER_LEAST)
        self.epoch_label = QLabel()
        self.epoch_label.setMinimumWidth(110)
        #: the lab preset the replayed run came from, on a line over the slider's (walk64 D17:
        #: which lab is replayed), hidden for a run of no preset
        self.run_label = QLabel()
        self.run_label.setWordWrap(True)
        self.run_label.hide()
        self.accuracy_label = QLabel()
        self.accuracy_label.setWordWrap(True)  # and so does "61,4% đúng (51.193 trên 83.327)"
        theme.set_tone(self.accuracy_label, "muted")

        #: the matrix's chart, made when the tab is first shown: a hidden chart costs a draw at a
        #: theme switch or a resize, and most sessions never open this tab
        self.confusion: ConfusionView | None = None
        self.confusion_title = QLabel()
        self.confusion_title.setWordWrap(True)

        self.drawing_title = QLabel(translate("ReplayView", "Your drawing"))
        self.drawing_title.setWordWrap(True)
        self.drawing_title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # small enough that the drawing, its title and ten bars fit beside the matrix at 1024x700
        self.preview = InputPreview(cell=3)
        self.preview.set_overlay_visible(True)
        self.preview.set_placeholder(translate("ReplayView", "draw on the left"))
        self.saliency_box = QCheckBox(translate("ReplayView", "Saliency"))
        self.saliency_box.setChecked(True)
        kept_choices.keep(self.saliency_box, "saliency")  # across a language switch
        self.saliency_box.setToolTip(
            translate(
                "ReplayView",
                "red pixels pushed that epoch's network towards its answer, blue ones away",
            )
        )
        self.bars = CompactBars()
        # which probabilities the bars are: the prediction panel's say "calibrated", and for
        # the same network and drawing read 77.1 % where these read 76.7 % (walk49 D9)
        self.raw_note = QLabel(translate("ReplayView", "raw probabilities"))
        self.raw_note.setWordWrap(True)
        theme.set_tone(self.raw_note, "muted")
        self.raw_note.setToolTip(
            translate(
                "ReplayView",
                "The network's own probabilities at the end of each epoch: a run fits its "
                "calibration once, after its last epoch, so no earlier network has one. The "
                "bars beside the canvas are calibrated: tick Raw probabilities under them to "
                "compare.",
            )
        )
        self.drawing_note = QLabel()
        self.drawing_note.setWordWrap(True)
        theme.set_tone(self.drawing_note, "muted")
        #: the bars and saliency of the epoch shown before, faded while the epoch the slider
        #: moved to reads the drawing (verify63 V3: its side named the old epoch meanwhile)
        self._fades = [theme.fader(part, PENDING_OPACITY) for part in (self.preview, self.bars)]

        top = QHBoxLayout()
        top.addWidget(self.epoch_label)
        top.addWidget(self.slider, 1)
        top.addWidget(self.accuracy_label)

        drawing = QWidget()
        dv = QVBoxLayout(drawing)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.setSpacing(4)
        # the title and the saliency switch beside the drawing, not above it: the height the
        # column has at 1024x700 holds the drawing and ten bars, not a title line more
        beside = QVBoxLayout()
        beside.setContentsMargins(0, 0, 0, 0)
        beside.addWidget(self.drawing_title)
        beside.addWidget(self.saliency_box)
        beside.addWidget(self.raw_note)
        beside.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(beside, 1)
        dv.addLayout(row)
        dv.addWidget(self.bars)
        dv.addWidget(self.drawing_note)
        dv.addStretch(1)
        drawing.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        grid = QGridLayout()
        grid.addWidget(self.confusion_title, 0, 0)
        self._grid = grid
        self._drawing_column = drawing
        self._stacked = False  # the drawing's column under the matrix, not beside it
        grid.addWidget(drawing, 0, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.note)
        layout.addWidget(self.run_label)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.saliency_box.toggled.connect(self.preview.set_overlay_visible)
        # a text size step changes the zoom and the column's width, not the page's: no resize
        text_size.notifier().changed.connect(self._on_text_size_changed)
        # (a desktop font already at the largest step's size changes only the charts' zoom,
        # which a step says with the theme's signal, not the font's)
        theme.notifier().changed.connect(self._on_theme_changed)
        self._show_empty()

    # -- inputs --------------------------------------------------------------------------------
    def show_record(self, record: ReplayRecord) -> None:
        """The run's records so far (the same object grows; call after every epoch)."""
        new_run = record is not self.record
        self.record = record
        self._selected_note = ""
        n = len(record)
        if n == 0:  # the mode's classes, not those of the run shown before (verify63 V1)
            self._name_mode_classes()
            self._show_empty()
            return
        self.note.setText(self._kept_text(record))
        if self._names != record.class_names:
            self._names = record.class_names
            self.bars.set_class_names(class_names_shown(record.class_names))
        follow = new_run or self._follow or self.slider.value() >= self.slider.maximum()
        self.slider.blockSignals(True)
        self.slider.setRange(0, n - 1)
        if follow:
            self.slider.setValue(n - 1)
        self.slider.blockSignals(False)
        self._follow = follow
        if self.isVisible():
            self.show_epoch(self.slider.value())
        else:  # a hidden tab draws nothing; it catches up when shown
            self._stale = True

    def follow_mode(self, mode: str) -> None:
        """Before any run, the bars name the window mode's classes ("garments": T-shirt/top
        ...), not digits; a run's own record names them once it has an epoch."""
        changed, self._mode = mode != self._mode, mode
        if len(self.record):
            if changed and self.isVisible():
                self._read_drawing(self.slider.value())
            elif changed:
                self._stale = True  # read when the tab is shown
            return
        self._name_mode_classes()

    def _name_mode_classes(self) -> None:
        """The bars name the window mode's classes (no run's record to name them)."""
        from nndesk.data.registry import DATASETS, dataset_for_kind

        dataset = dataset_for_kind(self._mode) if self._mode is not None else None
        if dataset not in DATASETS:
            return
        names = DATASETS[dataset].class_names
        if self._names != names:
            self._names = names
            self.bars.set_class_names(class_names_shown(names))

    @Slot(object)
    def set_drawing(self, image28: np.ndarray | None) -> None:
        """The learner's drawing as the network gets it (float32 (28, 28) 0..255, or None)."""
        self._drawing = None if image28 is None else np.asarray(image28, np.float32).copy()
        self.preview.set_image(self._drawing)
        if len(self.record) and self.isVisible():
            self._read_drawing(self.slider.value())
        elif len(self.record):
            self._stale = True  # read when the tab is shown

    # -- showing one epoch ---------------------------------------------------------------------
    def show_epoch(self, index: int) -> None:
        """Show epoch number ``index`` (0-based in the record) at once: matrix, then drawing."""
        record = self.record
        if not 0 <= index < len(record):
            return
        epoch = record.epochs[index]
        c = record.confusions[index]
        # led by the lab preset the run came from: which lab is being replayed (walk64 D17)
        self.epoch_label.setText(
            translate("ReplayView", "Epoch {epoch} of {last}").format(
                epoch=epoch, last=record.epochs[-1]
            )
        )
        self.run_label.setText(preset_words(record.preset))
        self.run_label.setVisible(bool(self.run_label.text()))
        total = int(c.sum())
        right = int(np.trace(c))
        self.accuracy_label.setText(
            translate("ReplayView", "{accuracy} right ({right} of {total})").format(
                accuracy=accuracy_text(right / total) if total else "—",
                right=integer(right),
                total=integer(total),
            )
        )
        where = (
            translate("ReplayView", "Confusion matrix on the validation split after epoch {epoch}")
            if record.split == "validation"
            else translate(
                "ReplayView",
                "Confusion matrix on epoch {epoch}'s training batches (this run keeps no "
                "validation split)",
            )
        )
        self.confusion_title.setText(where.format(epoch=epoch))
        self._ensure_confusion().set_matrix(c, class_names_shown(record.class_names))
        self._shown_epoch = epoch
        self._read_drawing(index)

    def _ensure_confusion(self) -> ConfusionView:
        if self.confusion is None:
            self.confusion = ConfusionView()
            self.confusion.hint.hide()  # its cells open nothing here
            self.confusion.canvas.setMinimumSize(260, MATRIX_LEAST_HEIGHT)
            self._grid.addWidget(_MatrixRoom(self.confusion), 1, 0)
            self._place_drawing(self.width())
        return self.confusion

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_drawing(event.size().width())

    @Slot(object)
    def _on_theme_changed(self, _colours) -> None:
        self._on_text_size_changed()

    @Slot()
    def _on_text_size_changed(self) -> None:
        # after the pass that lays the new font out: the column's least width is read then
        QTimer.singleShot(0, self, self._on_text_size_laid_out)

    @Slot()
    def _on_text_size_laid_out(self) -> None:
        self._place_drawing(self.width())

    def stacked(self) -> bool:
        """Whether the drawing's column is under the matrix (a narrow page), not beside it."""
        return self._stacked

    def _place_drawing(self, width: int) -> None:
        """The drawing's column beside the matrix when ``width`` leaves the matrix
        ``MATRIX_BESIDE_WIDTH``, else under it, the matrix then as tall as the page is wide.
        At a larger text step the matrix takes the page's room (its tab scrolls): a column
        holding only a note (a run that kept no weights) goes under it, and beside the drawing
        it is as tall as it is wide (walk65 D10: vi, Larger, 1280x760, its cells ~20 px, the
        counts ~6 px, the note beside it taking two fifths of the width)."""
        column = self._drawing_column
        beside = column.minimumSizeHint().width() + self._grid.horizontalSpacing()
        zoom = text_size.chart_zoom()
        note_only = self.bars.isHidden() and self.preview.isHidden()
        stacked = width - beside < MATRIX_BESIDE_WIDTH * zoom or (zoom > 1 and note_only)
        if stacked != self._stacked:
            self._stacked = stacked
            self._grid.removeWidget(column)
            if stacked:
                self._grid.addWidget(column, 2, 0)
                self._grid.setColumnStretch(1, 0)
            else:
                self._grid.addWidget(column, 0, 1, 2, 1)
                self._grid.setColumnStretch(1, 2)
        if self.confusion is not None:
            # at a larger text step as tall as it is wide: its slanted names take a quarter
            # of the height, and the cells were then as high as they are wide
            tall = 1.0 if zoom > 1 else STACKED_MATRIX_HEIGHT
            least = int(width * tall) if stacked else MATRIX_LEAST_HEIGHT
            if not stacked and zoom > 1:  # as tall as the width beside the drawing's column
                taken = max(column.width(), column.minimumSizeHint().width())
                least = int((width - taken - self._grid.horizontalSpacing()) * tall)
            self.confusion.canvas.setMinimumHeight(max(MATRIX_LEAST_HEIGHT, least))

    def shown_epoch(self) -> int | None:
        return self._shown_epoch

    def drawing_pending(self) -> bool:
        """Whether the drawing's side waits for the reading of the epoch on show (its bars
        and saliency those of the epoch before, faded)."""
        return self._fades[0].isEnabled()

    def _fade_drawing(self, pending: bool) -> None:
        for fade in self._fades:
            fade.setEnabled(pending)

    def _read_drawing(self, index: int) -> None:
        record = self.record
        classifier = record.classifiers[index] if 0 <= index < len(record) else None
        self._token += 1
        self._fade_drawing(False)  # nothing on its way, unless asked below
        self.drawing_title.setText(translate("ReplayView", "Your drawing"))  # of no epoch yet
        # without weight copies there is no drawing to read: the column says why, nothing more
        readable = record.weights_kept or not len(record)
        for part in (self.drawing_title, self.preview, self.saliency_box, self.raw_note, self.bars):
            part.setVisible(readable)
        self._place_drawing(self.width())  # the column's least width changed with its parts
        if classifier is None:
            self.bars.set_probabilities(None)
            self.preview.set_saliency(None)
            if record.weights_kept:
                why = ""
            elif record.weights_dropped:
                why = translate(
                    "ReplayView",
                    "Only the latest run keeps a copy of its weights per epoch, so this run's "
                    "replay shows its confusion matrices only.",
                )
            else:
                why = translate(
                    "ReplayView",
                    "This network is too large to keep a copy of its weights per epoch, so the "
                    "replay shows the confusion matrices only.",
                )
            self.drawing_note.setText(why)
            return
        run_mode = getattr(classifier, "mode", None)
        if run_mode in MODE_TITLES and self._mode in MODE_TITLES and run_mode != self._mode:
            for part in (self.drawing_title, self.preview, self.saliency_box, self.raw_note):
                part.setVisible(False)
            self.bars.setVisible(False)
            self.bars.set_probabilities(None)
            self.preview.set_saliency(None)
            self.drawing_note.setText(
                translate(
                    "ReplayView",
                    "This run trained for {mode}: switch to that mode to see how each epoch "
                    "read a drawing there.",
                ).format(mode=translate_marked("MainWindow", MODE_TITLES[run_mode]))
            )
            return
        if self._drawing is None:
            self.bars.set_probabilities(None)
            self.preview.set_saliency(None)
            self.drawing_note.setText(
                translate("ReplayView", "Draw something to see how each epoch read it.")
            )
            return
        self.drawing_note.setText("")
        drawing, epoch = self._drawing, record.epochs[index]
        # the side names the epoch asked for at once, as the matrix's title does
        self.drawing_title.setText(
            translate("ReplayView", "Epoch {epoch}'s network is reading your drawing…").format(
                epoch=epoch
            )
        )
        self._fade_drawing(True)
        run_off_gui(
            render_pool(),
            self._delivery,
            self._token,
            lambda: read_drawing(classifier, drawing, epoch),
        )

    @Slot(object, object)
    def _on_delivery_delivered(self, token: int, result: DrawingAtEpoch | None) -> None:
        if token != self._token:
            return  # the slider moved on meanwhile
        self._fade_drawing(False)
        if result is None:
            self.bars.set_probabilities(None)
            self.preview.set_saliency(None)
            self.drawing_title.setText(translate("ReplayView", "Your drawing"))
            return
        self.bars.set_probabilities(result.probabilities)
        self.preview.set_saliency(result.saliency)
        self.drawing_title.setText(
            translate("ReplayView", "Your drawing, read by the network of epoch {epoch}").format(
                epoch=result.epoch
            )
        )
        self.drawing_read.emit(result.epoch)

    def _kept_text(self, record: ReplayRecord) -> str:
        if record.weights_kept:
            return translate(
                "ReplayView",
                "Kept per epoch: the confusion matrix ({k}x{k} counts) and a copy of the "
                "weights ({size} KB), so your drawing is read by each epoch's network.",
            ).format(k=len(record.class_names), size=integer(round(record.bytes_per_epoch / 1024)))
        if record.weights_dropped:
            return translate(
                "ReplayView",
                "Kept per epoch: the confusion matrix only ({k}x{k} counts); the copies of the "
                "weights are kept for the latest run only.",
            ).format(k=len(record.class_names))
        return translate(
            "ReplayView",
            "Kept per epoch: the confusion matrix only ({k}x{k} counts); the weights of a "
            "network this large are not copied every epoch.",
        ).format(k=len(record.class_names))

    def show_not_kept(self, note: str) -> None:
        """The run selected in Runs has nothing to replay: ``note`` says why, about that run."""
        self.record = ReplayRecord()
        self._selected_note = note
        self._show_empty()

    def set_earlier_run(self, started: str) -> None:
        """Runs from before this window opened are listed (the latest started at ``started``):
        with nothing to replay, the note names it and says how to replay it. Said only while
        no run of this window is the latest (``set_run_here``)."""
        self._earlier = started
        if not len(self.record):
            self._show_empty()

    def set_run_here(self, started: str) -> None:
        """A run of this window started at ``started`` is the latest: with no epoch of it
        ended, the note says so (an earlier session's run is no longer the latest)."""
        self._latest_here = started
        if not len(self.record):
            self._show_empty()

    def forget_latest_run(self) -> None:
        """No run is named as the latest (``set_earlier_run``, ``set_run_here``): the page
        shows another mode's, whose latest run is named again if it has one."""
        self._earlier = self._latest_here = ""
        if not len(self.record):
            self._show_empty()

    def _show_empty(self) -> None:
        """Nothing to replay: the note says why, and nothing of a run shown before is left
        (the drawing's title naming its epoch, its saliency, a reading still on its way)."""
        if self._selected_note:
            note = self._selected_note
        elif self._latest_here:
            note = translate(
                "ReplayView",
                "The latest run, from {started}, has not finished an epoch: each epoch shows "
                "here once it ends.",
            ).format(started=self._latest_here)
        elif self._earlier:
            note = translate(
                "ReplayView",
                "Replay keeps the epochs of the runs trained since nndesk opened; the latest "
                "run, from {started}, was trained before. To replay from it: Runs, Use model, "
                "then Continue; or train a new run.",
            ).format(started=self._earlier)
        else:
            note = translate("ReplayView", "Train a run to replay it epoch by epoch.")
        self.note.setText(note)
        self.epoch_label.setText(translate("ReplayView", "No epochs yet"))
        self.run_label.setText("")
        self.run_label.hide()
        self.accuracy_label.setText("")
        self.confusion_title.setText("")
        if self.confusion is not None:
            self.confusion.set_matrix(None)
        self._token += 1  # a reading of the last run's epoch still on its way is dropped
        self._fade_drawing(False)
        self.slider.blockSignals(True)
        self.slider.setRange(0, 0)
        self.slider.blockSignals(False)
        self.drawing_title.setText(translate("ReplayView", "Your drawing"))
        for part in (self.drawing_title, self.preview, self.saliency_box, self.raw_note, self.bars):
            part.setVisible(True)
        self.preview.set_saliency(None)
        self.bars.set_probabilities(None)
        self.drawing_note.setText("")
        self._shown_epoch = None
        self._stale = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.show_epoch(self.slider.value())

    @Slot(int)
    def _on_slider_value_changed(self, value: int) -> None:
        self._follow = value >= self.slider.maximum()
        self._settle.start()  # redraw once the slider rests

    @Slot()
    def _on_settle_timeout(self) -> None:
        self.show_epoch(self.slider.value())
